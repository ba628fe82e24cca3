/**
 * The rule registry, sorted by id. One file per rule; id = file name = docs/rules/<id>.md.
 * When adding a rule: import it here (keep the list sorted), add its severity to config/presets.ts,
 * its test to test/rules/<id>.test.ts and its doc to docs/rules/<id>.md.
 */
import type { Rule } from "../engine/types";
import { execRateMatches } from "./exec-rate-matches";
import { noUnitMistake } from "./no-unit-mistake";
import { projectRowConsistent } from "./project-row-consistent";
import { totalMatchesParts } from "./total-matches-parts";
import mappingProblem from "./mapping-problem";
import numberStoredAsText from "./number-stored-as-text";
import requiredField from "./required-field";

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = [
  execRateMatches,
  mappingProblem,
  noUnitMistake,
  numberStoredAsText,
  projectRowConsistent,
  requiredField,
  totalMatchesParts,
] as readonly Rule[];
