/**
 * 项目支出绩效自评表 (财政部, 财预〔2020〕10号 附件): 项目名称 / 主管部门 / 实施单位, the 项目资金 block
 * (年度资金总额, 其中 当年财政拨款 / 上年结转资金 / 其他资金 × 年初预算数 / 全年预算数 / 全年执行数 / 分值 /
 * 执行率 / 得分), the 年度总体目标, the 绩效指标 table and its 总分 row.
 */
import { FUNDS_BIND, FUNDS_COLUMNS, IDENTITY_FIELDS, MONEY_COLUMNS, TOTAL_ROW } from "./common";
import type { FormDecl, GridDecl } from "./types";

/** The 项目资金 block. */
export const PROJECT_FUNDS: GridDecl = {
  id: "funds",
  name: "项目资金",
  mode: "matrix",
  columns: FUNDS_COLUMNS,
  rows: [
    // The block's total closes it at the bottom on some bureaus' copies (`合  计`), or says 总额.
    { ...TOTAL_ROW, labels: [...TOTAL_ROW.labels, "总额", "合计", "总计", "资金合计"] },
    { key: "current", name: "当年财政拨款", labels: ["当年财政拨款", "本年财政拨款", "当年财政资金", "财政拨款", "财政资金", "本级财政资金", "本级财政拨款", "本级资金"] },
    { key: "carry", name: "上年结转资金", labels: ["上年结转资金", "上年结转", "上年结转结余资金", "上年结余资金", "上年结余"] },
    { key: "other", name: "其他资金", labels: ["其他资金", "其他"] },
  ],
  bind: FUNDS_BIND,
};

/** Identity of a project form: the project, its 主管部门 and 实施单位. */
export const PROJECT_FIELDS = [
  ...IDENTITY_FIELDS,
  { field: "jx_project_name", labels: ["项目名称"] },
  { field: "jx_supervisor", labels: ["主管部门", "项目主管部门"] },
  { field: "jx_implementer", labels: ["实施单位", "项目实施单位"] },
] as const;

export const MOF_PROJECT: FormDecl = {
  id: "mof-project",
  name: "项目支出绩效自评表（财政部）",
  kind: "project",
  anchors: [
    ["项目支出绩效自评表"],
    ["项目名称"],
    ["主管部门"],
    ["实施单位"],
    ["项目资金", "项目资金（万元）"],
    ["年度资金总额"],
    ["年度总体目标"],
    // 一级 | 二级 | 三级 on many copies, the word 指标 left out of the header.
    ["一级指标", "一级"],
    ["三级指标", "指标内容", "三级"],
    ["年度指标值"],
    ["实际完成值"],
    ["偏差原因分析及改进措施"],
    ["总分"],
  ],
  minAnchors: 5,
  requires: [["年度资金总额", "项目资金"], ["一级指标", "三级指标", "指标内容", "一级", "三级"]],
  // A sheet titled 部门整体支出绩效自评表 is the 部门整体 form, even when its funds block is split like a
  // project's (其中：财政拨款 / 其他资金) and it shares the 项目 form's indicator columns.
  excludes: ["度量单位", "未完成原因分析", "部门整体支出绩效自评表", "部门整体支出绩效自评", "部门整体绩效自评表", "整体支出绩效自评表", "整体支出绩效评价表"],
  fields: PROJECT_FIELDS,
  grids: [PROJECT_FUNDS],
  tables: [{ table: "jx_indicators", blankRowsInside: true }],
  relations: [
    { kind: "sum", grid: "funds", total: "total", parts: ["current", "carry", "other"], columns: MONEY_COLUMNS, name: "项目资金" },
    // Some bureaus give every funds line its own 执行率 (the national form only the 总额's, checked as jx_exec_rate).
    { kind: "rate", grid: "funds", rate: "rate", numerator: "executed", denominator: "adjusted", rows: ["current", "carry", "other"] },
  ],
};
