/**
 * A rich self-evaluation workbook for the prose rules and the narrative (numbers of seed 000, 临湘市
 * 医疗保障局 2021), with every field named per the contract. Texts and cells can be overridden.
 */
import { buildWorkbook, fmt, type TestCell } from "../helpers/workbook-builder";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";

/** What a test may change. */
export interface ProseWorkbookOptions {
  readonly achievements?: string;
  readonly problems?: string;
  readonly measures?: string;
  readonly duties?: string;
  readonly tasks?: string;
  readonly year?: TestCell;
  /** Extra sheets (e.g. a hand-written 评价报告综述). */
  readonly extraSheets?: Readonly<Record<string, readonly (readonly TestCell[])[]>>;
  /** Overrides of scalar cells by field id. */
  readonly scalars?: Readonly<Record<string, TestCell>>;
  /** Drop the indicator rows after this many (to vary the counts). */
  readonly indicatorRows?: number;
  /** The 基本支出 of 二级机构1 (346.77). */
  readonly basic2?: TestCell;
  /** Replace the data rows of the tables (the header stays). */
  readonly incomeRows?: readonly (readonly TestCell[])[];
  readonly expenseRows?: readonly (readonly TestCell[])[];
  readonly indicatorData?: readonly (readonly TestCell[])[];
  readonly projectRows?: readonly (readonly TestCell[])[];
}

const SCALARS: readonly [string, string, TestCell][] = [
  ["jx_report_year", "评价年度", 2021],
  ["jx_unit_name", "部门（单位）名称", "临湘市医疗保障局"],
  ["jx_report_kind", "评价类型", "部门整体支出"],
  ["jx_staff_quota", "人员编制", 65],
  ["jx_staff_actual", "实有人数", 61],
  ["jx_money_unit", "金额单位", "万元"],
  ["jx_budget_initial", "年初预算数", fmt(30000, "0.00")],
  ["jx_budget_adjusted", "全年预算数", fmt(31000, "0.00")],
  ["jx_executed", "全年执行数", fmt(30803.13, "0.00")],
  ["jx_exec_rate", "预算执行率", fmt(0.9936, "0.00%")],
  ["jx_exec_weight", "预算执行率分值", 10],
  ["jx_exec_score", "预算执行率得分", 9.94],
  ["jx_score_total", "绩效自评综合得分", 97.86],
  ["jx_grade", "评价等次", "优"],
  ["jx_duties", "职能职责概述", "落实国家、省医疗保障各项待遇政策，负责全市医疗保障经办管理。"],
  ["jx_tasks", "年度主要工作任务", "稳参保增基金；保基本谋发展；完善监管。"],
  ["jx_achievements", "总体运行情况及取得的成绩", "全市医疗保险参保人数42.5万人，参保率达94.5%。"],
  ["jx_problems", "存在的主要问题", "基本医保全覆盖难度大。"],
  ["jx_measures", "改进措施和有关建议", "强化医保参保、缴费工作。"],
];

const TEXT_FIELDS: Readonly<Record<string, keyof ProseWorkbookOptions>> = {
  jx_achievements: "achievements",
  jx_problems: "problems",
  jx_measures: "measures",
  jx_duties: "duties",
  jx_tasks: "tasks",
};

/** Build the workbook. */
export function proseWorkbook(options: ProseWorkbookOptions = {}): WorkbookSnapshot {
  const names: Record<string, string> = {};
  const info = SCALARS.map(([id, label, value], i) => {
    names[id] = `基本信息!$B$${i + 1}`;
    const textKey = TEXT_FIELDS[id];
    let v: TestCell = value;
    if (id === "jx_report_year" && options.year !== undefined) v = options.year;
    if (textKey && options[textKey] !== undefined) v = options[textKey] as string;
    if (options.scalars && id in options.scalars) v = options.scalars[id];
    return [label, v];
  });
  const indicators: TestCell[][] = [
    ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "参保人数", "≥", "41万人", "42.5万人", 20, 20, ""],
    ["", "质量指标", "参保率", "≥", "95%", "94.5%", 15, 14.92, "部分群众参保意愿不强"],
    ["", "时效指标", "资金拨付及时率", "≥", "100%", "100%", 15, 15, ""],
    ["效益指标", "社会效益指标", "群众就医负担", "定性", "有效减轻", "达成年度指标", 30, 28, ""],
    ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥", "90%", "93%", 10, 10, ""],
  ].slice(0, 1 + (options.indicatorRows ?? 5));
  if (options.indicatorData) indicators.splice(1, indicators.length - 1, ...options.indicatorData.map((r) => [...r]));
  const income: TestCell[][] = [
    ["局机关及二级机构汇总", 30803.13, 0, 30750.58, 52.55, 0, 0],
    ["1、局机关", 1911.06, 0, 1858.51, 52.55, 0, 0],
    ["2、二级机构1", 28892.07, 0, 28892.07, 0, 0, 0],
  ];
  const expense: TestCell[][] = [
    ["局机关及二级机构汇总", 30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0],
    ["1、局机关", 1911.06, 1911.06, 1640.27, 270.79, 0, 0, 0],
    ["2、二级机构1", 28892.07, options.basic2 ?? 346.77, 224.06, 122.71, 28545.3, 0, 0],
  ];
  const incomeRows = options.incomeRows ?? income;
  const expenseRows = options.expenseRows ?? expense;
  const projectRows = options.projectRows ?? [
    ["城乡居民医保补助", "临财社〔2021〕1号", 15761.3, 15761.3, 0, fmt(1, "0.00%")],
    ["医疗救助资金", "临财社〔2021〕2号", 7276, 7100, 176, fmt(0.9758, "0.00%")],
    ["医保经办能力建设", "临财社〔2021〕3号", 5508, 5684, -176, fmt(1.032, "0.00%")],
  ];
  const sheets: Record<string, readonly (readonly TestCell[])[]> = {
    基本信息: info,
    收支情况: [
      ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"],
      ...incomeRows,
      [],
      ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"],
      ...expenseRows,
    ],
    项目: [["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"], ...projectRows],
    绩效指标: indicators,
    ...(options.extraSheets ?? {}),
  };
  const e0 = incomeRows.length + 3;
  names.jx_income = `收支情况!$A$1:$G$${incomeRows.length + 1}`;
  names.jx_expense = `收支情况!$A$${e0}:$H$${e0 + expenseRows.length}`;
  names.jx_projects = `项目!$A$1:$F$${projectRows.length + 1}`;
  names.jx_indicators = `绩效指标!$A$1:$I$${indicators.length}`;
  return buildWorkbook(sheets, { names });
}
