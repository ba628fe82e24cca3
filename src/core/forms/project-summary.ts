/**
 * 项目绩效自评汇总表 (seed 001 reports nine projects so): 序号 | 项目名称 | 资金文号 | 实施单位 | 预算数 |
 * 执行数 | 执行率 | 结转结余 | 自评得分 / 自评结果, one row per project and a 合计 row (the sum of the
 * projects; its 执行率 is 合计执行数 ÷ 合计预算数). Bureaus vary the columns (资金来源, 主管部门, 评价等次; no
 * 资金文号 or 结转结余) and put the 合计 row at the top or the bottom: the table is read by its headers.
 */
import { IDENTITY_FIELDS } from "./common";
import { tableDef } from "../schema/fields";
import type { FormDecl } from "./types";

/**
 * A column's header words as the table reader knows them (schema/fields.ts): detection asks for the same
 * words, so that a 汇总 the reader could read is never left undetected for a header only the reader knew
 * (预算安排数 / 实际支出数 once left a whole 汇总 unchecked).
 */
const headerWords = (key: string): string[] => {
  const c = tableDef("jx_projects").columns.find((x) => x.key === key);
  return c ? [c.label, ...c.aliases] : [];
};
const BUDGET = headerWords("budget");
const EXECUTED = headerWords("executed");

export const PROJECT_SUMMARY: FormDecl = {
  id: "project-summary",
  name: "项目绩效自评汇总表",
  kind: "summary",
  anchors: [
    ["项目绩效自评汇总表", "项目支出绩效自评汇总表", "绩效自评汇总表", "项目汇总表", "自评汇总表", "自评结果汇总表", "绩效自评结果汇总表"],
    ["序号"],
    ["项目名称"],
    ["资金文号", "文号"],
    ["实施单位"],
    BUDGET,
    EXECUTED,
    ["执行率", "预算执行率"],
    ["结转结余"],
    ["自评得分", "得分"],
    ["自评结果", "自评等级", "评价等次", "评价等级"],
    ["合计"],
  ],
  minAnchors: 6,
  requires: [["项目名称"], BUDGET, EXECUTED],
  // `主管部门：某某局` above the table names the unit when no 填报单位 does.
  fields: [...IDENTITY_FIELDS, { field: "jx_supervisor", labels: ["主管部门", "主管部门（单位）"] }],
  grids: [],
  tables: [{ table: "jx_projects", blankRowsInside: true }],
  relations: [],
};
