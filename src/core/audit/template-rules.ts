/**
 * The 审核公式 the bureau template ships in its hidden jx_rules sheet: the checks the seeds show are needed,
 * written in the rule language itself so that each doubles as an example (docs/rules-as-data.md).
 */
import { RULES_HEADER } from "./rules";

/** One row of jx_rules: 编号, 级别, 说明, 公式, 标记单元格. */
export type RuleRow = readonly [string, "强制" | "提示", string, string, string];

export const TEMPLATE_RULES: readonly RuleRow[] = [
  // Seed 003: 机关运行经费 464.12万元 against 公用经费 58.16 — the former is part of the latter by definition.
  ["JX01", "强制", "机关运行经费不能超过公用经费（机关运行经费是公用经费的一部分）", '=IFERROR(JX_PROSE_AMOUNT("机关运行经费")<=SUM(jx_expense[公用支出])+0.005, TRUE)', ""],
  // 超编: 实有人数 above 编制数 needs a reason.
  ["JX02", "提示", "实有人数超过编制数（超编），请说明原因", "=jx_staff_actual<=jx_staff_quota", "jx_staff_actual"],
  // Seed 001: an unspent project rated 优.
  ["JX03", "强制", "自评为“优”，但预算执行率低于60%或资金未支出", '=IF(LEFT(jx_grade,1)="优", AND(jx_executed>0, jx_executed>=0.6*jx_budget_adjusted), TRUE)', "jx_grade"],
  // Seed 002: “追加49.17万元” where 全年预算数 − 年初预算数 = 1711.75 − 1632.87 = 78.88.
  ["JX04", "提示", "文字所述追加（调增）金额应等于全年预算数减年初预算数", '=IFERROR(ABS(JX_PROSE_AMOUNT("追加")-(jx_budget_adjusted-jx_budget_initial))<=0.01, TRUE)', ""],
  ["JX05", "提示", "文字所述二级指标个数应与指标表一致", '=IFERROR(JX_PROSE_COUNT("二级指标")=COUNTA(jx_indicators[二级指标]), TRUE)', ""],
  ["JX06", "提示", "文字所述三级指标个数应与指标表一致", '=IFERROR(JX_PROSE_COUNT("三级指标")=COUNTA(jx_indicators[三级指标]), TRUE)', ""],
];

/**
 * The sheet's rows, header first. Formulas are stored without their `=`: a cell whose text starts with `=`
 * becomes a live formula when a host writes it (or a clerk types it), which Excel cannot compute.
 */
export function templateRuleRows(): readonly (readonly string[])[] {
  return [RULES_HEADER, ...TEMPLATE_RULES.map(([id, level, text, formula, mark]) => [id, level, text, formula.replace(/^=/, ""), mark])];
}
