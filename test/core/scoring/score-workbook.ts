/**
 * A small, complete self-evaluation workbook with the contract's defined names, for the scoring rules
 * and fill tests: 1707.31 of 1711.75 executed (9.97 of 10), seven indicators worth 90 points, a
 * 一级 summary on its own sheet. Every computed cell can be blanked or overridden.
 */
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { buildWorkbook, fmt, type TestCell } from "../../helpers/workbook-builder";

/** The scalar cells on 自评表, in rows 1–8 (label in A, value in B). */
export const SCALAR_ROWS = [
  ["jx_budget_adjusted", "全年预算数"],
  ["jx_executed", "全年执行数"],
  ["jx_exec_rate", "预算执行率"],
  ["jx_exec_weight", "预算执行率分值"],
  ["jx_exec_score", "预算执行率得分"],
  ["jx_score_total", "绩效自评综合得分"],
  ["jx_grade", "评价等次"],
  ["jx_problems", "存在的主要问题"],
] as const;

export type ScalarName = (typeof SCALAR_ROWS)[number][0];

/** The indicator header (row 10 of 自评表, columns A–I). */
export const INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** Seven indicators, 90 points, all correctly scored (89.32). Rows 11–17; 得分 in column H. */
export const INDICATORS: readonly (readonly TestCell[])[] = [
  ["产出指标", "数量指标", "城乡居民参保人数", "≥", "≥23万人", "23.9万人", 10, 10, ""],
  ["", "质量指标", "医保基金合规使用率", "≥", "≥95%", "96%", 15, 15, ""],
  ["", "时效指标", "资金上解及时性", "定性", "达成年度指标", "达成年度指标", 10, 10, ""],
  ["", "成本指标", "项目总成本", "≤", "≤1632.87万元", "1707.31万元", 15, 14.32, "参保人数增加，追加预算"],
  ["效益指标", "社会效益指标", "困难群众医疗保障", "定性", "达成年度指标", "达成年度指标", 15, 15, ""],
  ["", "可持续影响指标", "医保基金安全", "定性", "达成年度指标", "达成年度指标", 15, 15, ""],
  ["满意度指标", "服务对象满意度指标", "群众满意率", "≥", "≥90%", "95%", 10, 10, ""],
];

/** The 一级 summary on 得分汇总 (header row 1, data rows 2–5, 得分 in column C). */
export const SUMMARY: readonly (readonly TestCell[])[] = [
  ["预算执行率", 10, 9.97],
  ["产出指标", 50, 49.32],
  ["效益指标", 30, 30],
  ["满意度指标", 10, 10],
];

/** Options of {@link scoreBook}. */
export interface ScoreBookOptions {
  /** Override scalar values (undefined or "" blanks the cell). */
  readonly scalars?: Partial<Record<ScalarName, TestCell>>;
  readonly indicators?: readonly (readonly TestCell[])[];
  /** null leaves the summary table out. */
  readonly summary?: readonly (readonly TestCell[])[] | null;
  /** The summary's header (default 一级指标 | 分值 | 得分). */
  readonly summaryHeader?: readonly string[];
  /** A jx_profile cell (row 9) with this value. */
  readonly profile?: string;
}

/** The default scalar values: every computed cell filled and correct. */
export const DEFAULT_SCALARS: Record<ScalarName, TestCell> = {
  jx_budget_adjusted: 1711.75,
  jx_executed: 1707.31,
  jx_exec_rate: fmt(0.9974, "0.00%"),
  jx_exec_weight: 10,
  jx_exec_score: 9.97,
  jx_score_total: 99.29,
  jx_grade: "优",
  jx_problems: "",
};

/** Build the workbook. */
export function scoreBook(options: ScoreBookOptions = {}): WorkbookSnapshot {
  const scalars = { ...DEFAULT_SCALARS, ...options.scalars };
  const indicators = options.indicators ?? INDICATORS;
  const rows: TestCell[][] = SCALAR_ROWS.map(([name, label]) => [label, scalars[name]]);
  rows.push(options.profile !== undefined ? ["评分规则", options.profile] : []);
  rows.push([...INDICATOR_HEADER]);
  for (const r of indicators) rows.push([...r]);
  const names: Record<string, string> = {};
  SCALAR_ROWS.forEach(([name], i) => (names[name] = `自评表!$B$${i + 1}`));
  if (options.profile !== undefined) names.jx_profile = "自评表!$B$9";
  names.jx_indicators = `自评表!$A$10:$I$${10 + indicators.length}`;
  // A cover with what every report needs (评价年度, 单位名称), so that a full check has nothing else to say.
  const sheets: Record<string, TestCell[][]> = { 自评表: rows, 封面: [["评价年度", 2024], ["部门（单位）名称", "区医疗保障局"]] };
  names.jx_report_year = "封面!$B$1";
  names.jx_unit_name = "封面!$B$2";
  const summary = options.summary === undefined ? SUMMARY : options.summary;
  if (summary) {
    const header = options.summaryHeader ?? ["一级指标", "分值", "得分"];
    sheets.得分汇总 = [[...header], ...summary.map((r) => [...r])];
    names.jx_score_summary = `得分汇总!$A$1:$${String.fromCharCode(64 + header.length)}$${1 + summary.length}`;
  }
  return buildWorkbook(sheets, { names });
}

/** The indicators with one cell of one row replaced (row index 0–6, column index 0–8). */
export function withIndicator(row: number, col: number, value: TestCell): TestCell[][] {
  return INDICATORS.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : [...r]));
}
