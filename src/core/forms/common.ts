/**
 * Pieces every form shares: the identity fields (year, unit, date, contact) as bureaus write them,
 * and the columns and rows of a funds block (项目资金 / 部门整体 年度资金总额).
 */
import type { FieldDecl, GridColumn, GridRow } from "./types";

/** 评价年度, 填报单位, 填报日期, 联系人: the labels bureaus print on their forms. */
export const IDENTITY_FIELDS: readonly FieldDecl[] = [
  { field: "jx_report_year", labels: ["评价年度", "自评年度", "绩效评价年度", "预算年度", "年度"] },
  { field: "jx_unit_name", labels: ["填报单位", "填报单位（盖章）", "部门（单位）名称", "部门(单位)名称", "部门名称", "单位名称", "预算单位", "部门"] },
  { field: "jx_report_date", labels: ["填报日期", "报告日期", "报送日期", "填表日期"] },
  { field: "jx_contact_name", labels: ["联系人", "填报人", "填表人"] },
  { field: "jx_contact_phone", labels: ["联系电话", "联系方式"] },
  // 自评结论（等级） | 良: a conclusion's label, read as the grade only when a grade is written there (forms/read.ts).
  { field: "jx_grade", labels: ["自评等级", "评价等次", "自评等次", "评价等级", "绩效等级", "绩效等次", "绩效评价等级", "绩效评价等次", "等次", "等级", "自评结论", "评价结论", "自评结果", "评价结果"] },
];

/** The columns of a funds block: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export const FUNDS_COLUMNS: readonly GridColumn[] = [
  { key: "initial", labels: ["年初预算数", "年初预算", "年初数", "年初预算金额"], kind: "money" },
  { key: "adjusted", labels: ["全年预算数", "调整后预算数", "全年预算", "调整预算数", "全年预算金额"], kind: "money" },
  { key: "executed", labels: ["全年执行数", "全年执行", "实际执行数", "执行数", "全年实际支出", "实际支出", "执行金额", "全年决算数", "决算数", "支出决算数"], kind: "money" },
  { key: "weight", labels: ["分值", "权重", "标准分值"], kind: "number" },
  { key: "rate", labels: ["执行率", "预算执行率"], kind: "rate" },
  { key: "score", labels: ["得分", "自评得分", "实际得分"], kind: "number" },
];

/** 年度资金总额, the row that carries the funds block's 分值 and 得分. */
export const TOTAL_ROW: GridRow = { key: "total", name: "年度资金总额", labels: ["年度资金总额", "资金总额", "年度预算资金总额", "预算资金总额", "项目资金总额"] };

/** The funds block's cells that are the form's 预算执行率 (schema scalars). */
export const FUNDS_BIND = [
  { row: "total", column: "initial", field: "jx_budget_initial" },
  { row: "total", column: "adjusted", field: "jx_budget_adjusted" },
  { row: "total", column: "executed", field: "jx_executed" },
  { row: "total", column: "weight", field: "jx_exec_weight" },
  { row: "total", column: "rate", field: "jx_exec_rate" },
  { row: "total", column: "score", field: "jx_exec_score" },
] as const;

/** The money columns every funds relation holds in. */
export const MONEY_COLUMNS = ["initial", "adjusted", "executed"] as const;
