/**
 * Presets: the severity of every rule id, and rule options. Severity lives here, never in a rule
 * (eslint's habit). `recommended` is what `jixiao check` and the pane use by default.
 */
import type { Severity } from "../engine/types";

/** A rule's setting in a preset: a severity, or "off". */
export type RuleSetting = Severity | "off" | { readonly severity: Severity | "off"; readonly options?: Readonly<Record<string, unknown>> };

/** A preset. */
export interface Preset {
  readonly id: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

/**
 * The default preset. Keys sorted. A rule missing here runs as "warning" (see run-rules),
 * and a meta-test requires every registered rule to be listed.
 */
export const RECOMMENDED: Preset = {
  id: "recommended",
  rules: {
    "date-in-amount": "error",
    "exec-rate-matches": "error",
    "exec-reason-required": "warning",
    "form-field-absent": "info",
    "form-rate-matches": "error",
    "formula-not-computed": "error",
    "grade-matches-band": "error",
    "group-weights-match-profile": "warning",
    "indicator-reason-required": "warning",
    "indicator-score-matches": "warning",
    "indicator-value-readable": "error",
    "mapping-problem": "error",
    "no-unit-mistake": "error",
    "number-out-of-range": "error",
    "number-stored-as-text": "warning",
    "project-row-consistent": "error",
    "prose-amount-matches-table": "error",
    "prose-change-percent": "error",
    "prose-count-matches-list": "warning",
    "prose-indicator-matches": "warning",
    "prose-parts-sum": "error",
    "prose-rate-matches": "error",
    "prose-score-matches": "error",
    "prose-unit-matches-table": "warning",
    "prose-year-matches": "warning",
    "qualitative-score-in-tier": "warning",
    "required-field": "error",
    "score-summary-matches": "error",
    "score-within-weight": "error",
    "sheet-not-checked": "info",
    "summary-matches-sheets": "error",
    "template-leftover": "warning",
    "total-matches-parts": "error",
    "total-score-matches": "error",
    "weights-sum": "error",
    "year-matches-report": "warning",
  },
};

/** The "strict" preset: every warning becomes an error (what a 财政局 reviewer may use). */
export const STRICT: Preset = {
  id: "strict",
  rules: Object.fromEntries(
    Object.entries(RECOMMENDED.rules).map(([id, s]) => [id, settingSeverity(s) === "warning" ? "error" : s]),
  ),
};

/** All presets by id. */
export const PRESETS: Readonly<Record<string, Preset>> = { recommended: RECOMMENDED, strict: STRICT };

/** The severity part of a setting. */
export function settingSeverity(setting: RuleSetting | undefined): Severity | "off" {
  if (setting === undefined) return "warning";
  return typeof setting === "string" ? setting : setting.severity;
}

/** The options part of a setting. */
export function settingOptions(setting: RuleSetting | undefined): Readonly<Record<string, unknown>> {
  return setting !== undefined && typeof setting !== "string" && setting.options ? setting.options : {};
}
