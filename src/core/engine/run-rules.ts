/**
 * Run rules over a mapped workbook and build the report. A rule that throws is recorded as crashed
 * (great_expectations' habit) and the run goes on.
 */
import { withoutFormulaEchoes } from "./formula-consequences";
import type { WorkbookSnapshot } from "../model/snapshot";
import type { ReportModel } from "../model/report-model";
import { parseA1 } from "../model/address";
import { mapWorkbook } from "../mapping";
import { placeOnPart } from "../narrative/prose-cells";
import { RULES } from "../rules";
import { RECOMMENDED, settingOptions, settingSeverity, type Preset } from "../config/presets";
import { NATIONAL, findProfile } from "../scoring/profiles";
import { FORMS } from "../forms";
import { withFormBands } from "../scoring/form-bands";
import type { ScoringProfile } from "../scoring/types";
import { formatMessage } from "./message";
import { displayData, hiddenNote, showsMoney } from "../i18n/display";
import { hiddenLookup } from "../model/hidden";
import type { Finding, Fix, Report, ReportDescriptor, Rule, RuleContext, RuleResult, Severity } from "./types";
import { parseCell, roundTo } from "../units/parse";
import { buildReport } from "../report/build-report";
import { scoresFor } from "../scoring/score";
import { bureauRuleSet, type BureauRule } from "../audit/rules";
import { PREVIOUS_SEVERITIES, previousYearRules } from "../previous";
import { extend } from "../rules/lib/extend";

/** The engine version written into every report. */
export const ENGINE_VERSION = "0.1.0";

/** Options of a check. */
export interface CheckOptions {
  /** @default RECOMMENDED */
  readonly preset?: Preset;
  /** Overrides the workbook's jx_profile. */
  readonly profile?: ScoringProfile;
  /** Which host ran the check, for the report's meta. @default "core" */
  readonly host?: string;
  /** The rules to run. @default RULES */
  readonly rules?: readonly Rule[];
  /**
   * Bureau rules from a rule file (`--rules`). The workbook's own jx_rules sheet is read whenever `rules` is
   * not given (src/core/audit).
   */
  readonly bureauRules?: readonly BureauRule[];
  /** Last year's workbook, mapped: adds the cross-period rules (src/core/previous). */
  readonly previous?: ReportModel;
}

/**
 * The profile a workbook asks for (jx_profile), the national one by default — with the grade bands the form
 * writes itself, when it does (scoring/form-bands.ts).
 */
export function profileFor(model: ReportModel): ScoringProfile {
  const cell = model.scalars.jx_profile?.cell;
  const named = cell && typeof cell.value === "string" ? findProfile(cell.value) : undefined;
  return withFormBands(named ?? formProfile(model) ?? NATIONAL, model.snapshot);
}

/**
 * The profile the workbook's forms declare (a 四川 form is graded by the 四川 split), when every form
 * that declares one declares the same; undefined otherwise.
 */
function formProfile(model: ReportModel): ScoringProfile | undefined {
  const ids = new Set<string>();
  for (const f of model.forms ?? []) {
    const declared = FORMS.find((d) => d.id === f.id)?.profile;
    if (declared) ids.add(declared);
  }
  return ids.size === 1 ? findProfile([...ids][0]) : undefined;
}

/** The profile to check `model` by: the one given (with the form's own bands), else {@link profileFor}. */
function profileOf(model: ReportModel, given: ScoringProfile | undefined): ScoringProfile {
  return given ? withFormBands(given, model.snapshot) : profileFor(model);
}

/**
 * Check a mapped model.
 * @param model - from {@link mapWorkbook}
 * @returns the report: findings sorted by sheet order, row, column
 */
export function checkModel(model: ReportModel, options: CheckOptions = {}): Report {
  const started = Date.now();
  const basePreset = options.preset ?? RECOMMENDED;
  // Grade bands written on the form itself (a note row “90分（含）以上为优…”) grade that form.
  const profile = profileOf(model, options.profile);
  const bureau = options.rules === undefined || options.bureauRules ? bureauRuleSet(model, options.bureauRules, basePreset.id === "strict") : { rules: [], severities: {} };
  const previous = options.previous ? previousYearRules(options.previous, { swingThreshold: profile.swingThreshold }) : [];
  const rules = [...(options.rules ?? RULES), ...bureau.rules, ...previous];
  const strictly = (s: Record<string, Severity>): Record<string, Severity> =>
    basePreset.id === "strict" ? Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === "warning" ? "error" : v])) : s;
  const extra = { ...bureau.severities, ...(previous.length ? strictly({ ...PREVIOUS_SEVERITIES }) : {}) };
  const preset: Preset = Object.keys(extra).length ? { id: basePreset.id, rules: { ...extra, ...basePreset.rules } } : basePreset;
  const findings: Finding[] = [];
  const results: RuleResult[] = [];
  // A workbook of several forms that each carry their own figures (one project per sheet) is checked
  // form by form; a finding two of them see alike (a prose sheet both read) is kept once.
  const models = model.parts?.length ? model.parts : [model];
  const profiles = new Map(models.map((m) => [m, m === model ? profile : profileOf(m, options.profile)] as const));
  const seen = new Set<string>();
  for (const rule of rules) {
    const setting = preset.rules[rule.id];
    const severity = settingSeverity(setting);
    if (severity === "off") {
      results.push({ ruleId: rule.id, status: "off", findings: 0 });
      continue;
    }
    const own: Finding[] = [];
    try {
      for (const m of models) {
        const found: Finding[] = [];
        runRule(rule, m, profiles.get(m) ?? profile, severity, extend(rule.meta.defaultOptions ?? {}, settingOptions(setting)), found);
        for (const f of found) {
          const key = `${f.ruleId}|${f.sheet}|${f.ref}|${f.messageId}|${f.message}`;
          if (models.length > 1 && seen.has(key)) continue;
          seen.add(key);
          own.push(f);
        }
      }
      results.push({ ruleId: rule.id, status: own.length ? "failed" : "passed", findings: own.length });
      findings.push(...own);
    } catch (err) {
      results.push({ ruleId: rule.id, status: "crashed", findings: 0, error: err instanceof Error ? err.message : String(err) });
    }
  }
  // Formulas whose values are unknown (no cached result, not computable): the other findings would judge
  // blanks, so only the cells to open and save are named (rule formula-not-computed), and no score is given.
  const unknown = findings.some((f) => f.ruleId === UNKNOWN_FORMULAS);
  if (unknown) findings.splice(0, findings.length, ...findings.filter((f) => f.ruleId === UNKNOWN_FORMULAS));
  // A finding at a formula that only follows a typed cell another finding blames is that finding's echo.
  else findings.splice(0, findings.length, ...withoutFormulaEchoes(findings, model.whole ?? model.snapshot));
  const order = new Map((model.whole ?? model.snapshot).sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => (order.get(a.sheet) ?? 999) - (order.get(b.sheet) ?? 999) || a.row - b.row || a.col - b.col || compareRuleIds(a.ruleId, b.ruleId));
  return buildReport({
    findings,
    ruleResults: results,
    ms: Date.now() - started,
    host: options.host ?? "core",
    preset: preset.id,
    profile: profile.id,
    engineVersion: ENGINE_VERSION,
    model,
    profileObject: profile,
    score: unknown ? undefined : computedScore(model, profile),
  });
}

/** The rule naming formulas whose values are unknown (src/core/rules/formula-not-computed.ts). */
const UNKNOWN_FORMULAS = "formula-not-computed";

/** The 综合得分 as the profile computes it; undefined when the workbook lacks what it needs (or scoring fails). */
function computedScore(model: ReportModel, profile: ScoringProfile): number | undefined {
  try {
    return scoresFor(model, profile).total;
  } catch {
    // Scoring problems are reported by the score rules; the report's headline score is optional.
    return undefined;
  }
}

/** Fields that hold points (分值, 得分, 总分): a cell of theirs shown as a percentage reads as points. */
const POINTS_FIELD = /^(?:jx_exec_score|jx_exec_weight|jx_score_total|jx_weight_total|jx_indicators\.(?:score|weight)|jx_score_summary\.(?:score|weight)|jx_projects\.score)$/;

/**
 * A fix that writes points into its own points cell shown as a percentage (a 权重 column typed `15%`, read
 * as 15 points by scoring/score.ts cellNumber) writes the fraction that shows those points (0.15), so that
 * the cell shows 10% after the fix, not 1000%.
 */
function pointsInPercentCells<D extends ReportDescriptor>(snapshot: WorkbookSnapshot, d: D): D {
  if (!d.field || !POINTS_FIELD.test(d.field) || (!d.fix && !d.suggestions?.length)) return d;
  const cell = snapshot.sheets.find((s) => s.name === d.at.sheet)?.cells[d.at.address];
  const shown = parseCell(cell);
  if (shown.kind !== "number" || !shown.percent) return d;
  const scale = (fix: Fix): Fix => ({
    ...fix,
    writes: fix.writes.map((w) => (w.at.sheet === d.at.sheet && w.at.address === d.at.address && typeof w.value === "number" ? { ...w, value: roundTo(w.value / 100, 10) } : w)),
  });
  return { ...d, ...(d.fix ? { fix: scale(d.fix) } : {}), ...(d.suggestions ? { suggestions: d.suggestions.map(scale) } : {}) };
}

/** A built-in rule id: lower-case ASCII letters, digits and hyphens. */
const PLAIN_ID = /^[a-z0-9-]+$/;

/**
 * Order two rule ids as `localeCompare` does. The first `localeCompare` of a process loads ICU's collation
 * data (≈10 ms of CPU, as much as a whole warm check of a small workbook, and `jixiao check` on one file
 * pays it in full), while for built-in ids (`[a-z0-9-]`) the collation order is the code-point order —
 * hyphen before digits before letters, one primary weight per character. Other ids (a bureau rule's
 * `bureau/审核1`) still go through the collator.
 */
function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/** Map then check a snapshot. */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): Report {
  return checkModel(mapWorkbook(snapshot), options);
}

function runRule(
  rule: Rule,
  model: ReportModel,
  profile: ScoringProfile,
  severity: Severity,
  options: Readonly<Record<string, unknown>>,
  out: Finding[],
): void {
  // A finding in a hidden row or column says so (Finding.hidden); a workbook that hides nothing asks nothing.
  const hiddenOf = hiddenLookup(model.whole ?? model.snapshot);
  const context: RuleContext = {
    id: rule.id,
    model,
    snapshot: model.snapshot,
    profile,
    options,
    report(given: ReportDescriptor) {
      // A paragraph written over several cells: the finding goes to the cell its fix changes.
      const d = pointsInPercentCells(model.whole ?? model.snapshot, placeOnPart(model, given));
      const template = rule.meta.messages[d.messageId];
      if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown messageId ${d.messageId}`);
      const pos = parseA1(d.at.address);
      const hidden = hiddenOf?.(d.at.sheet, pos.row, pos.col);
      out.push({
        ruleId: rule.id,
        messageId: d.messageId,
        // Numbers as clerks write them: 500,909.62万元 (i18n/display.ts); `data` keeps the rule's figures.
        message: formatMessage(template, displayData(`${rule.id}/${d.messageId}`, d.data, model.moneyUnit)) + hiddenNote(hidden),
        severity,
        sheet: d.at.sheet,
        ref: d.at.address,
        row: pos.row,
        col: pos.col,
        field: d.field,
        data: d.data ?? {},
        ...(showsMoney(`${rule.id}/${d.messageId}`) ? { moneyUnit: model.moneyUnit } : {}),
        expected: d.expected,
        actual: d.actual,
        fix: d.fix,
        suggestions: d.suggestions,
        ...(hidden ? { hidden } : {}),
      });
    },
  };
  const visitors = rule.create(context);
  visitors.workbook?.();
  if (visitors.table) {
    for (const table of Object.values(model.tables)) {
      if (table) visitors.table(table);
    }
  }
  visitors.end?.();
}
