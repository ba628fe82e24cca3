/**
 * Every call the pane makes into the core, in one place (the hyperformula "one factory composes the
 * services" habit). Components never import src/core directly for behaviour; they go through
 * {@link PaneServices}, which tests can replace (a tiny rule set, a canned fill plan).
 *
 * Fill, narrative and name suggestions come from other parts of the core. Each is reached through a
 * small adapter below that turns the core's shape into what the pane shows. An adapter may be `null`
 * (a host or a build without it, or a test): the pane then disables that button and says why, and stays
 * useful with the check alone.
 */
import {
  RULES,
  SCALAR_FIELDS,
  TABLES,
  applyIgnores,
  checkModel,
  outcomeOf,
  safeFixes,
  computeFillsForModel,
  checkedNarrative,
  formatRef,
  mapWorkbook,
  profileFor,
  readIgnores,
  suggestNames,
  type CellValue,
  type CellWrite,
  type CheckOptions,
  type FillWrite,
  type Ignore,
  type MessageLocale,
  type NarrativeGap,
  type Outcome,
  type ReportModel,
  type ReportWithIgnores,
  type SheetContent,
  type WorkbookSnapshot,
} from "../core";


/** A cell the automatic computation will write, with what it replaces and why. */
export interface PlannedWrite {
  readonly write: CellWrite;
  /** `收支情况!C11`. */
  readonly cell: string;
  /** The schema field (`jx_exec_rate`). */
  readonly field: string;
  readonly oldValue: CellValue;
  readonly newValue: CellValue;
  /** Why this value (a short Chinese sentence). */
  readonly reason: string;
  /** How the cell shows numbers (its own format, or the one written), for the preview. */
  readonly numberFormat?: string;
  /** The cell holds a formula: a conflict there is listed, never overwritten. */
  readonly formula?: boolean;
}

/** A computed cell that cannot be computed yet, and the inputs it waits for. */
export interface BlockedFill {
  /** `收支情况!C11`, or undefined when the form has no cell for it. */
  readonly cell?: string;
  readonly at?: CellWrite["at"];
  /** What cannot be computed (`综合得分`). */
  readonly what: string;
  /** The inputs it waits for (`“城乡居民参保率”的得分`). */
  readonly missing: readonly string[];
}

/** What 自动计算 would write; `conflicts` are cells already holding a different, typed value. */
export interface FillPlan {
  readonly writes: readonly PlannedWrite[];
  readonly conflicts: readonly PlannedWrite[];
  /** Computed cells left blank because an input is missing (say which). */
  readonly blocked?: readonly BlockedFill[];
}

/** A defined name to add (保存为名称), editable in the pane before saving. */
export interface NameSuggestion {
  /** The contract name, `jx_…`. */
  readonly name: string;
  /** Where it points, `收支情况!$C$11` or `收支情况!$A$3:$H$9`. */
  readonly ref: string;
  /** The field's Chinese label. */
  readonly label: string;
}

/** What 生成综述 writes, and what the clerk must still do about it. */
export interface NarrativeResult {
  readonly sheet: SheetContent;
  /** Each 【待填写：…】 gap, at its cell of the narrative sheet. */
  readonly gaps: readonly NarrativeGap[];
  /** Figures marked 【待核实：…】: known wrong in the tables, no fix. */
  readonly toVerify: readonly string[];
}

/** The result of one check: the mapped model, the report with ignores applied, and the ignores. */
export interface CheckOutcome {
  readonly model: ReportModel;
  /** Findings with safe fixes only (see core/fix safeFixes), ignores set aside. */
  readonly report: ReportWithIgnores;
  readonly ignores: readonly Ignore[];
  /** 未识别 / 尚未填写 / errors / 通过. */
  readonly outcome: Outcome;
}

/** The core behind the pane. */
export interface PaneServices {
  /** Map a snapshot (no check). */
  map(snapshot: WorkbookSnapshot): ReportModel;
  /** Map, check, and set aside the findings ignored in the workbook's jx_ignore sheet. */
  check(snapshot: WorkbookSnapshot): CheckOutcome;
  /** The cells 自动计算 writes; null while the fill module is not available. */
  readonly planFills: ((snapshot: WorkbookSnapshot, model: ReportModel) => FillPlan) | null;
  /** The narrative sheet and its gaps; null while the narrative module is not available. */
  readonly narrative: ((snapshot: WorkbookSnapshot, model: ReportModel) => NarrativeResult) | null;
  /** Names to save for fields that were found by label. */
  suggestNames(model: ReportModel): NameSuggestion[];
  /** A kind of problem's name (a rule's description), for grouping the list by rule. */
  ruleLabel(ruleId: string, locale: MessageLocale): string;
}

/** Options of {@link createServices}. */
export interface ServicesOptions {
  /** Passed to checkModel (rules, preset, profile); `host` is set by the pane. */
  readonly check?: CheckOptions;
  /** Replace the fill adapter (tests), or `null` to turn 自动计算 off. */
  readonly planFills?: PaneServices["planFills"];
  /** Replace the narrative adapter (tests), or `null` to turn 生成综述 off. */
  readonly narrative?: PaneServices["narrative"];
}

/**
 * Compose the pane's services.
 * @param options - overrides for tests; the defaults use the real core
 * @returns the services
 */
export function createServices(options: ServicesOptions = {}): PaneServices {
  return {
    map: (snapshot) => mapWorkbook(snapshot),
    check(snapshot) {
      const opts: CheckOptions = { host: "taskpane", ...options.check };
      const model = mapWorkbook(snapshot);
      const ignores = readIgnores(snapshot);
      const raw = checkModel(model, opts);
      // Offer a fix only when applying it adds no error (widened when another rule judges the same cell).
      const safe = safeFixes(snapshot, raw, (s) => checkModel(mapWorkbook(s), opts));
      const report = applyIgnores({ ...raw, findings: safe.findings }, ignores);
      return { model, report, ignores, outcome: outcomeOf(model, report) };
    },
    planFills: options.planFills !== undefined ? options.planFills : defaultPlanFills,
    narrative: options.narrative !== undefined ? options.narrative : narrativeWith(options.check),
    suggestNames: suggestNamesFromModel,
    ruleLabel: (ruleId, locale) => {
      const rule = [...RULES, ...(options.check?.rules ?? [])].find((r) => r.id === ruleId);
      if (locale === "en" || !rule) return ruleId.replace(/-/g, " ");
      return rule.meta.docs.description.replace(/。$/, "");
    },
  };
}

// --- adapters -------------------------------------------------------------------------------------

/** 自动计算: the core's computeFills (blank computed cells; typed values are conflicts, never overwritten). */
const defaultPlanFills: NonNullable<PaneServices["planFills"]> = (snapshot, model) => {
  const plan = computeFillsForModel(model, profileFor(model));
  const planned = (w: FillWrite): PlannedWrite => ({
    write: { at: w.at, value: w.value, formula: w.formula, numberFormat: w.numberFormat },
    cell: formatRef(w.at),
    field: w.field,
    oldValue: w.oldValue,
    newValue: w.newValue,
    reason: w.reason,
    numberFormat: w.numberFormat ?? snapshot.sheets.find((sh) => sh.name === w.at.sheet)?.cells[w.at.address]?.numberFormat,
    ...(snapshot.sheets.find((sh) => sh.name === w.at.sheet)?.cells[w.at.address]?.formula !== undefined ? { formula: true } : {}),
  });
  return {
    writes: plan.writes.map(planned),
    conflicts: plan.conflicts.map(planned),
    blocked: (plan.blocked ?? []).map((b) => ({ ...(b.at ? { at: b.at, cell: formatRef(b.at) } : {}), what: b.what, missing: b.missing })),
  };
};

/**
 * 生成综述: the core's checked narrative — written from the workbook with every safe fix applied and
 * every computed cell recomputed, known-wrong figures marked 【待核实】, gaps listed.
 */
function narrativeWith(check: CheckOptions | undefined): NonNullable<PaneServices["narrative"]> {
  return (snapshot) => {
    const n = checkedNarrative(snapshot, (s) => checkModel(mapWorkbook(s), { host: "taskpane", ...check }));
    return { sheet: n.sheet, gaps: n.gaps, toVerify: n.toVerify };
  };
}

/** The names to save (保存为名称) for what mapping found by label, each with its field's label. */
export function suggestNamesFromModel(model: ReportModel): NameSuggestion[] {
  const labels = new Map<string, string>([...SCALAR_FIELDS.map((f) => [f.id, f.label] as const), ...TABLES.map((t) => [t.id, t.label] as const)]);
  return suggestNames(model).map((n) => ({ name: n.name, ref: n.ref, label: labels.get(n.name) ?? n.name }));
}

// --- pure helpers the pane uses -------------------------------------------------------------------

// They live in ./marks (no engine behind them), so that the pane's first chunk can use them while this
// module, and the engine it composes, load after the first paint (see ./engine).
export { MARKS_SHEET, SEVERITY_COLORS, highlightsFor, marksSheet, readMarks, restoreWrites } from "./marks";
