/** 审核公式 as data: bureau rules written as Excel formulas (see rules.ts, formula.ts, docs/rules-as-data.md). */
export { RULES_HEADER, RULES_SHEET, bureauRuleSet, readRuleRows, rulesFromSnapshot, severityOf, toEngineRule, tryRules } from "./rules";
export type { BureauRule, RuleLevel, RuleTrial } from "./rules";
export { evaluate, FormulaSyntaxError, MissingField, references, showValue, XlError } from "./formula";
export type { FormulaScope, Scalar, Value } from "./formula";
