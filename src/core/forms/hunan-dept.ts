/**
 * 湖南（岳阳）部门整体支出绩效自评报告 tables (seed 000): 收入表, 支出表, 三公经费表, 固定资产表 with rows for
 * 汇总, 局机关 and each 二级机构, the 定性/定量 目标, 综合得分 and 评价等次. Read by the schema's own auto-map
 * (its tables are the contract's), hence `legacy`.
 */
import type { FormDecl } from "./types";

export const HUNAN_DEPT: FormDecl = {
  id: "hunan-dept",
  name: "部门整体支出绩效自评报告（湖南）",
  kind: "dept",
  legacy: true,
  anchors: [
    ["收入合计", "本年收入合计"],
    ["上年结转"],
    ["公共财政拨款"],
    ["支出合计"],
    ["三公经费合计", "三公经费"],
    ["固定资产合计", "固定资产"],
    ["人员编制", "编制人数"],
    ["实有人数"],
    ["绩效自评综合得分", "综合得分"],
    ["评价等次"],
    ["机构名称"],
  ],
  minAnchors: 4,
  fields: [],
  grids: [],
  tables: [],
  relations: [],
};
