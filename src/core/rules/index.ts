/**
 * The rule registry, sorted by id. One file per rule; id = file name = docs/rules/<id>.md.
 * When adding a rule: import it here (keep the list sorted), add its severity to config/presets.ts,
 * its test to test/rules/<id>.test.ts and its doc to docs/rules/<id>.md.
 */
import type { Rule } from "../engine/types";
import { dateInAmount } from "./date-in-amount";
import { execRateMatches } from "./exec-rate-matches";
import { noUnitMistake } from "./no-unit-mistake";
import { projectRowConsistent } from "./project-row-consistent";
import { proseAmountMatchesTable } from "./prose-amount-matches-table";
import { proseChangePercent } from "./prose-change-percent";
import { proseCountMatchesList } from "./prose-count-matches-list";
import { prosePartsSum } from "./prose-parts-sum";
import { proseIndicatorMatches } from "./prose-indicator-matches";
import { proseRateMatches } from "./prose-rate-matches";
import { proseScoreMatches } from "./prose-score-matches";
import { proseUnitMatchesTable } from "./prose-unit-matches-table";
import { proseYearMatches } from "./prose-year-matches";
import { totalMatchesParts } from "./total-matches-parts";
import mappingProblem from "./mapping-problem";
import numberStoredAsText from "./number-stored-as-text";
import { numberOutOfRange } from "./number-out-of-range";
import requiredField from "./required-field";
import { execReasonRequired } from "./exec-reason-required";
import { formFieldAbsent } from "./form-field-absent";
import { formRateMatches } from "./form-rate-matches";
import { formulaNotComputed } from "./formula-not-computed";
import { indicatorReasonRequired } from "./indicator-reason-required";
import { summaryMatchesSheets } from "./summary-matches-sheets";
import { gradeMatchesBand } from "./grade-matches-band";
import { groupWeightsMatchProfile } from "./group-weights-match-profile";
import { indicatorScoreMatches } from "./indicator-score-matches";
import { indicatorValueReadable } from "./indicator-value-readable";
import { qualitativeScoreInTier } from "./qualitative-score-in-tier";
import { scoreSummaryMatches } from "./score-summary-matches";
import { scoreWithinWeight } from "./score-within-weight";
import { sheetNotChecked } from "./sheet-not-checked";
import { templateLeftover } from "./template-leftover";
import { totalScoreMatches } from "./total-score-matches";
import { weightsSum } from "./weights-sum";
import yearMatchesReport from "./year-matches-report";

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = [
  dateInAmount,
  execRateMatches,
  execReasonRequired,
  formFieldAbsent,
  formRateMatches,
  formulaNotComputed,
  gradeMatchesBand,
  groupWeightsMatchProfile,
  indicatorReasonRequired,
  indicatorScoreMatches,
  indicatorValueReadable,
  mappingProblem,
  noUnitMistake,
  numberOutOfRange,
  numberStoredAsText,
  projectRowConsistent,
  proseAmountMatchesTable,
  proseChangePercent,
  proseCountMatchesList,
  proseIndicatorMatches,
  prosePartsSum,
  proseRateMatches,
  proseScoreMatches,
  proseUnitMatchesTable,
  proseYearMatches,
  qualitativeScoreInTier,
  requiredField,
  scoreSummaryMatches,
  scoreWithinWeight,
  sheetNotChecked,
  summaryMatchesSheets,
  templateLeftover,
  totalMatchesParts,
  totalScoreMatches,
  weightsSum,
  yearMatchesReport,
] as readonly Rule[];
