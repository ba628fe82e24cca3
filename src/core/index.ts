/**
 * jixiao core — the only public surface of the engine. Pure TypeScript: no Office, DOM or Node APIs.
 * Phases: read (host → WorkbookSnapshot) → map (ReportModel) → check (Report) → score/fill → narrative.
 */
export type { CellRef, CellSnapshot, CellValue, DefinedName, SheetSnapshot, WorkbookSnapshot } from "./model/snapshot";
export type { SheetContent } from "./model/sheet-content";
export type { BoundCell, MappingInfo, MappingProblem, MoneyUnit, ReportModel, ScalarBinding, TableBinding, TableColumn, TableRow } from "./model/report-model";
export { colToIndex, formatArea, formatRef, indexToCol, parseA1, parseArea, parseCellRef, parseRef, quoteSheet, toA1 } from "./model/address";
export type { Area, ParsedRef, Position } from "./model/address";
export { SCALAR_FIELDS, TABLES, normalizeLabel, scalarField, tableDef } from "./schema/fields";
export type { ColumnDef, FieldKind, RowRelation, ScalarFieldDef, ScalarFieldId, TableDef, TableId } from "./schema/fields";
export { hasContractNames, mapWorkbook, suggestNames } from "./mapping";
export { convertUnit, decimalShift, formatInfo, formatNumber, interval, moneyFactor, parseCell, parseText, roundTo, toHalfWidth, writtenDecimals } from "./units";
export type { Parsed, ParsedNumber } from "./units";
export { defineRule } from "./engine/types";
export type { CellWrite, Finding, Fix, Report, Rule, RuleContext, RuleMeta, RuleResult, Severity } from "./engine/types";
export { ENGINE_VERSION, checkModel, checkWorkbook, profileFor } from "./engine/run-rules";
export type { CheckOptions } from "./engine/run-rules";
export { RULES } from "./rules";
export { execRateMatches } from "./rules/exec-rate-matches";
export { noUnitMistake } from "./rules/no-unit-mistake";
export { projectRowConsistent } from "./rules/project-row-consistent";
export { totalMatchesParts } from "./rules/total-matches-parts";
export { mappingProblem } from "./rules/mapping-problem";
export { numberStoredAsText } from "./rules/number-stored-as-text";
export { isQualitativeRow, requiredField } from "./rules/required-field";
export { yearMatchesReport } from "./rules/year-matches-report";
export { findUnitMistakes } from "./rules/lib/unit-mistakes";
export type { UnitMistake } from "./rules/lib/unit-mistakes";
export { sumChecks, evaluate as evaluateSumCheck, readMoney } from "./rules/lib/footing";
export type { CheckKind, CheckResult, Figure, SumCheck, Term } from "./rules/lib/footing";
export { PRESETS, RECOMMENDED, STRICT } from "./config/presets";
export type { Preset, RuleSetting } from "./config/presets";
export { NATIONAL, PROFILES, findProfile } from "./scoring/profiles";
export type { GradeBand, QualitativeTier, ScoringProfile } from "./scoring/types";
export { IGNORE_HEADERS, IGNORE_SHEET, applyIgnores, ignoreSheet, readIgnores } from "./report/ignores";
export type { Ignore, ReportWithIgnores } from "./report/ignores";
export { analyzeProse, extractQuantities, splitSentences } from "./narrative/extract";
export type { ChangeStatement, PartList, ProseAnalysis, ProseQuantity, ProseSentence, QuantityKind } from "./narrative/extract";
export { NARRATIVE_SHEET, PROSE_FIELDS, proseCells } from "./narrative/prose-cells";
export { generateNarrative, narrativeSheet, todo, withSheet } from "./narrative/generate";
export type { NarrativeDoc, NarrativeSection } from "./narrative/generate";
