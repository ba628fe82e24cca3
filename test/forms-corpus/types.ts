/**
 * What the corpus hands to its tests: for each form, a consistent workbook, the relations its layout
 * implies, one variant per planted mistake kind that applies, and the false-error traps it contains.
 */
import type { BookSpec, Ref } from "./book";
import type { Relation } from "./relations";

/** The forms of issue 9. */
export type FormId =
  | "mof-project" // a. 财政部 项目支出绩效自评表 (财预〔2020〕10号 附件)
  | "sichuan-project" // b. its 四川 variant
  | "dept-whole" // c. 部门整体支出绩效自评表 with both fund splits
  | "dept-sichuan" // c2. … in a 四川-style layout (dept-layouts.ts)
  | "dept-city" // c3. … in a 市/区 layout: two-row header, splits merged down column A (dept-layouts.ts)
  | "final-accounts" // d. 部门决算 tables beside a 整体绩效 text sheet
  | "project-summary" // e. 项目绩效自评汇总表
  | "project-sheets" // f. one 项目支出绩效自评表 per sheet plus a 项目汇总 sheet
  | "hunan-whole" // g. the 湖南 整体 layout (control)
  | "province-project" // h. a provincial 项目支出绩效自评表 (bureau-variants.ts)
  | "summary-top" // i. a 自评结果汇总表 with other columns, 合计 on top (bureau-variants.ts)
  | "final-yuan" // j. the 决算 tables in 元 (bureau-variants.ts)
  | "province-sheets" // k. provincial project sheets plus that 汇总 (bureau-variants.ts)
  | "final-stacked" // l. a 收入支出决算总表 stacked in one column pair (bureau-variants.ts)
  | "dept-threerow" // m. 部门整体 with a three-row header, 合  计 at the bottom, 自评报告 sheet (bureau-variants-2.ts)
  | "project-inline" // n. 项目表 with label and value in one cell, 分值/得分 before the values (bureau-variants-2.ts)
  | "project-levels" // p. 项目表 with a 分值 per indicator level, merged down (bureau-variants-2.ts)
  | "project-stacked" // q. two 项目表 stacked on one sheet (bureau-variants-3.ts)
  | "project-subtotals" // r. 项目表 with 产出指标小计 / 效益指标小计 rows (bureau-variants-3.ts)
  | "summary-linked" // s. 汇总 with a 总分 column beside project sheets whose funds split 其中：中央补助 / 本级财政 (bureau-variants-3.ts)
  | "project-merged" // t. 项目表 with every field in two merged columns, half-point 分值 (bureau-variants-3.ts)
  | "summary-yuan" // o. 综述 sheet + 汇总 in 元 with rates as text, 总计 at the bottom (bureau-variants-2.ts)
  | "dept-groups" // u. 部门整体 with 一级 投入/过程/产出/效益 and 小计 rows (bureau-variants-4.ts)
  | "final-change" // v. 收入支出决算变动情况表: 上年 | 本年 | 增减额 | 增减率, a 决算说明 (bureau-variants-4.ts)
  | "final-sangong-yuan" // w. 决算 in 万元 beside 三公经费 / 固定资产 tables in 元 (bureau-variants-4.ts)
  | "dept-inline" // x. 部门整体 with label and value in one cell throughout (bureau-variants-4.ts)
  | "dept-typed" // y. 部门整体 typed by hand: numbers as text, hidden 上年数 column and row, 行次, notes (bureau-variants-5.ts)
  | "summary-typed" // z. 项目汇总表 typed by hand: text money and scores, “优（92分）”, negatives, hidden column (bureau-variants-5.ts)
  | "dept-framework" // α. 部门整体 with 一级 履职效能 / 管理效率 / 运行成本 / 社会效应 / 可持续发展, 预算执行率 as an indicator row, “良好（…分）” (bureau-variants-6.ts)
  | "project-bands" // β. 项目表 with the grade bands written on the form, 自评得分 merged right of 总分 (bureau-variants-6.ts)
  | "project-percent" // γ. 项目表 with a two-row funds header (unit on the second row), rates typed as percent numbers (bureau-variants-7.ts)
  | "dept-yuan-cover" // δ. 封面 + 填报说明 + 部门整体 in 元 + 自评报告 in 万元 (bureau-variants-7.ts)
  | "summary-groups" // ε. 项目汇总表 grouped by category with 小计 rows, 合计 = Σ 小计, 综述 one paragraph per row (bureau-variants-7.ts)
  | "summary-heads" // η. 项目汇总表 whose category rows (一、二、…) carry the subtotals, 合计 on top (bureau-variants-7.ts)
  | "final-classes" // θ. 一般公共预算财政拨款支出决算表 by 类 / 款 / 项 (小计 | 基本支出 | 项目支出), a 决算说明 (bureau-variants-7.ts)
  | "dept-across" // ι. 部门整体 with the score summary written across (分值 / 得分 rows under the groups) (bureau-variants-7.ts)
  | "project-government" // κ. 转移支付项目表 whose funds split by level of government: 中央补助 / 省级补助 / 市县配套 (bureau-variants-7.ts)
  | "sichuan-system" // λ. the 四川 一体化 项目表 (报表编号 510000_0013zp), two stacked on one sheet (bureau-variants-8.ts)
  | "dept-sidebyside" // μ. 部门整体 with 年度总体目标 | 实际完成情况 side by side, one 指标 column (bureau-variants-9.ts)
  | "project-yuan-report" // ν. 项目表 in 元 (`（元）` headers), “—” for 不适用, the text on a 自评报告 sheet (bureau-variants-9.ts)
  | "dept-key-projects" // ο. 部门整体 with a 重点项目 list (序号 | 名称 | 预算数 | 执行数 | 执行率 | 自评得分 | 自评等次, 合计) and a 自评报告 quoting it (bureau-variants-11.ts)
  | "dept-key-projects-top" // ο2. … the list under the funds block, headed 项目名称, no 合计 (bureau-variants-11.ts)
  | "dept-tasks" // ο3. … the 年度总体目标 a table of 任务 with 预算数 / 执行数 each (bureau-variants-11.ts)
  | "project-three-decimals" // ξ. 项目表 exported with money to three decimals and “百分比” for % (bureau-variants-9.ts)
  | "final-shares" // ρ. 收入决算表 / 支出决算表 with a 占比 column, a 决算说明 quoting the shares (bureau-variants-10.ts)
  | "sangong-rows" // σ. “三公”经费 by rows: 上年 | 本年 | 增减额 | 增减率, a 说明 (bureau-variants-10.ts)
  | "assets" // υ. 国有资产占用情况表: 资产总额 = 流动 + 固定 + …, 固定资产 by class, 车辆 count beside its amount (bureau-variants-10.ts)
  | "sangong-columns" // τ. “三公”经费 by columns, rows 预算数 / 决算数, a 说明 (bureau-variants-10.ts)
  | "project-qualitative"; // ζ. 项目表 with 指标内容, unscored qualitative rows, 合计 including the 执行率 (bureau-variants-7.ts)

export const FORM_NAMES: Record<FormId, string> = {
  "mof-project": "财政部项目表",
  "sichuan-project": "四川项目表",
  "dept-whole": "部门整体表",
  "dept-sichuan": "部门整体表（四川式）",
  "dept-city": "部门整体表（市区式）",
  "final-accounts": "决算表",
  "project-summary": "项目汇总表",
  "project-sheets": "多项目工作簿",
  "hunan-whole": "湖南整体表",
  "province-project": "省版项目表",
  "summary-top": "合计在上汇总表",
  "final-yuan": "元决算表",
  "province-sheets": "省版多项目簿",
  "final-stacked": "单栏决算总表",
  "dept-threerow": "三行表头整体表",
  "project-inline": "标签值同格项目表",
  "summary-yuan": "元汇总加综述",
  "project-levels": "分级分值项目表",
  "project-stacked": "同页双项目表",
  "project-subtotals": "小计行项目表",
  "summary-linked": "总分联汇总簿",
  "project-merged": "双列合并项目表",
  "dept-groups": "投入过程小计整体表",
  "final-change": "决算变动表",
  "final-sangong-yuan": "元三公资产表",
  "dept-inline": "标签值同格整体表",
  "dept-typed": "手填文本整体表",
  "summary-typed": "手填文本汇总表",
  "dept-framework": "履职效能框架整体表",
  "project-bands": "表内等级段项目表",
  "project-percent": "百分数执行率项目表",
  "dept-yuan-cover": "封面说明元整体表",
  "summary-groups": "分类小计汇总表",
  "project-qualitative": "定性未赋分项目表",
  "summary-heads": "类别行合计在上汇总表",
  "final-classes": "类款项财政拨款支出表",
  "dept-across": "横排得分汇总整体表",
  "project-government": "中央省市县资金项目表",
  "sichuan-system": "四川一体化项目表",
  "dept-sidebyside": "目标完成并排整体表",
  "project-yuan-report": "元表头自评报告项目表",
  "project-three-decimals": "三位小数百分比项目表",
  "final-shares": "占比列决算表",
  "sangong-rows": "三公经费按行变动表",
  "sangong-columns": "三公经费按列决算表",
  assets: "国有资产占用表",
  "dept-key-projects": "重点项目清单整体表",
  "dept-key-projects-top": "资金下重点项目整体表",
  "dept-tasks": "任务资金目标整体表",
};

/** The planted mistake kinds (issue 9 and the brief of the corpus). */
export type Kind =
  | "part-not-footing" // a 其中/split/detail row that does not foot
  | "yuan-in-part" // 346.77万元 typed 3467700 in a part row
  | "yuan-in-total" // … in a total row
  | "total-wrong" // a 合计 amount wrong (finding on the 合计, not its rate)
  | "rate-wrong" // 执行率 ≠ 执行数 ÷ 预算数
  | "exec-score-wrong" // 执行率得分 full marks where min(B/A,1)×分值 is less
  | "subtotal-over-parts" // a subtotal 50 over parts 48
  | "weights-total" // 分值 not totalling 100 (finding at the total)
  | "score-over-weight" // 得分 > 分值
  | "grade-mismatch" // 等级 not matching the score
  | "title-year" // a year mistake in the title
  | "prose-pct-change" // 减少185.1% for 85.1%
  | "prose-vs-table" // prose rate / count / amount contradicting the table
  | "prose-yuan" // an amount written in 元 beside a 万元 table
  | "prose-completion-rate" // 完成X，超出年度目标Y，完成率为Z% wrong against its own sentence
  | "indicator-yuan-slip" // ×10000 in an indicator's 实际完成值 (元 for 万元)
  | "reason-missing" // a not-achieved indicator with an empty reason column
  | "summary-vs-sheet" // a 汇总 row that differs from the project's own sheet
  | "summary-total" // a 汇总 合计 that is not the sum
  | "change-wrong" // a 增减额 ≠ 本年 − 上年 or a 增减率 ≠ 增减额 ÷ 上年 (决算变动表)
  | "share-wrong"; // a table's 占比 ≠ its part ÷ the 合计 (收入 / 支出决算表 with a share column)

export const KINDS: readonly Kind[] = [
  "part-not-footing",
  "yuan-in-part",
  "yuan-in-total",
  "total-wrong",
  "rate-wrong",
  "exec-score-wrong",
  "subtotal-over-parts",
  "weights-total",
  "score-over-weight",
  "grade-mismatch",
  "title-year",
  "prose-pct-change",
  "prose-vs-table",
  "prose-yuan",
  "prose-completion-rate",
  "indicator-yuan-slip",
  "reason-missing",
  "summary-vs-sheet",
  "summary-total",
  "change-wrong",
  "share-wrong",
];

/** One planted mistake. */
export interface Variant {
  readonly kind: Kind;
  /** What was planted, in a few words (used in the test name). */
  readonly what: string;
  /** The planted cell: the cause. */
  readonly cause: Ref;
  /** Plant the mistake into a copy of the consistent book. */
  readonly plant: (book: BookSpec) => void;
  /**
   * True when the mistake is a number that breaks declared relations: the oracle then computes the set
   * of acceptable cells (the cause alone when the relations pin it). False for text, grades, years,
   * reasons and indicator values, whose cause is the cell itself.
   */
  readonly relational: boolean;
}

/**
 * A cell that must NOT be flagged. Without `plant`, it is part of the consistent book: no error and no
 * warning there. With `plant` (a harmless rewrite of the consistent book, such as a rate typed as the text
 * “99.74%”), the rewritten book must give no error anywhere and no warning except at `at` (where the
 * product's number-stored-as-text warning is a fair remark, not a false error).
 */
export interface Trap {
  readonly at: Ref;
  readonly why: string;
  readonly plant?: (book: BookSpec) => void;
}

/** One form of the corpus. */
export interface FormCase {
  readonly form: FormId;
  /** The seed its numbers come from. */
  readonly seed: string;
  /** File name stem. */
  readonly file: string;
  readonly book: BookSpec;
  readonly relations: readonly Relation[];
  readonly variants: readonly Variant[];
  readonly traps: readonly Trap[];
  /**
   * Money, rate and score cells holding a (non-zero) number typed as text. A clerk should see the
   * number-stored-as-text warning at each (Excel's SUM skips text; docs/rules/number-stored-as-text.md),
   * so the consistent workbook has that warning there and no other error or warning.
   */
  readonly textNumbers?: readonly Ref[];
}
