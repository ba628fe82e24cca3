/**
 * Fill: the computed cells of a workbook (执行率, 得分, 小计, 综合得分, 等次, project 执行率 / 结转结余)
 * as cell writes. Only blank cells are written; a computed cell that already holds a different value
 * is a conflict, listed and left alone unless `overwrite`. Excel, WPS and the CLI all apply the same
 * plan through their host, so they write the same cells.
 */
import type { CellWrite } from "../engine/types";
import { profileFor } from "../engine/run-rules";
import { mapWorkbook } from "../mapping";
import type { BoundCell, ReportModel } from "../model/report-model";
import type { CellRef, CellSnapshot, CellValue, WorkbookSnapshot } from "../model/snapshot";
import { parseCell, roundTo } from "../units";
import { parseA1, toA1 } from "../model/address";
import { showNumber } from "../scoring/indicator-value";
import { cellNumber, effectiveScore, gradeFor, gradeLabel, gradeMatches, roundScore, scoreTolerance, scoreWorkbook, retickedFor, type IndicatorScore } from "../scoring/score";
import { sheetScoreOf } from "../relations/summary-links";
import type { ScoringProfile } from "../scoring/types";
import { withFormGradeWords } from "../scoring/grade-words";

export { applyWritesToSnapshot } from "./apply";

/** One computed cell to write. */
export interface FillWrite extends CellWrite {
  /** The schema field: `jx_exec_rate`, `jx_indicators.score`, `jx_projects.rate` … */
  readonly field: string;
  /** What the cell holds now (null when blank). */
  readonly oldValue: CellValue;
  /** What fill computes for it. */
  readonly newValue: CellValue;
  /** How it was computed, in Chinese words (`1707.31 ÷ 1711.75 = 99.74%`). */
  readonly reason: string;
}

/** What fill would do. */
export interface FillPlan {
  /** Writes to apply (blank cells; with `overwrite`, also the conflicts). */
  readonly writes: readonly FillWrite[];
  /**
   * Computed cells that already hold a different value. With `overwrite` they are in `writes` too,
   * except formula cells, which are never replaced.
   */
  readonly conflicts: readonly FillWrite[];
  /** The profile the scores were computed by. */
  readonly profile: string;
  /**
   * Computed cells left blank because an input is missing: what, where, and the inputs it waits for
   * (so the pane can say why 综合得分 stays blank rather than leave the clerk guessing).
   */
  readonly blocked: readonly BlockedFill[];
}

/** A computed cell that cannot be computed yet. */
export interface BlockedFill {
  /** The blank cell, when the form has one. */
  readonly at?: CellRef;
  readonly field: string;
  /** What cannot be computed, in the form's words (`综合得分`, `“产出指标”得分`). */
  readonly what: string;
  /** The missing inputs, in the form's words (`“参保人数”的得分`, `全年执行数`). */
  readonly missing: readonly string[];
}

/** Options of {@link computeFills}. */
export interface FillOptions {
  /** Also replace computed cells that hold a different value. @default false */
  readonly overwrite?: boolean;
}

/** The rate format written into a blank rate cell that has no format of its own. */
export const RATE_FORMAT = "0.00%";

/** The format of a rate written as percentage points (85.10 under 执行率（%）). */
const POINTS_FORMAT = "0.00";

/**
 * Whether a rate cell's column states its rates as percentage points: a short header above it says （%）
 * (`执行率（%）`, or `（%）` on a unit row under `执行率`) and the cell has no percent format of its own. The
 * rate is then written 85.10, not 0.851 — the column's own convention.
 */
function ratePoints(model: ReportModel, ref: CellRef): boolean {
  if (cellAt(model, ref)?.numberFormat?.includes("%")) return false;
  const sheet = model.snapshot.sheets.find((sh) => sh.name === ref.sheet);
  if (!sheet) return false;
  const { row, col } = parseA1(ref.address);
  for (let r = row - 1; r >= Math.max(1, row - 8); r--) {
    const v = sheet.cells[toA1({ row: r, col })]?.value;
    if (typeof v === "string" && v.length <= 20 && /[(（]\s*[%％]\s*[)）]|百分比/.test(v)) return true;
  }
  return false;
}

function isBlank(cell: CellSnapshot | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.error !== undefined) return false;
  return cell.value === null || cell.value === undefined || (typeof cell.value === "string" && cell.value.trim() === "");
}

/** A number as written, with the tolerance its shown decimals allow. */
function shownNumber(cell: CellSnapshot | undefined, rate: boolean): { value: number; tolerance: number } | undefined {
  const p = parseCell(cell);
  if (p.kind !== "number") return undefined;
  let value = p.value;
  let decimals = p.decimals;
  // A rate typed as points (99.74) is the fraction 0.9974.
  if (rate && !p.percent && Math.abs(value) > 1.5) {
    value /= 100;
    decimals += 2;
  }
  return { value, tolerance: 0.5 * Math.pow(10, -Math.max(0, Math.min(decimals, 10))) + 1e-9 };
}

class Planner {
  readonly writes: FillWrite[] = [];
  readonly conflicts: FillWrite[] = [];
  readonly blocked: BlockedFill[] = [];

  /** A computed cell that stays blank for want of inputs (listed only when it is blank). */
  block(bound: BoundCell | undefined, field: string, what: string, missing: readonly string[]): void {
    if (missing.length === 0) return;
    if (bound && !isBlank(cellAt(this.model, bound.ref) ?? bound.cell)) return;
    if (!bound && field !== "jx_score_total") return;
    this.blocked.push({ ...(bound ? { at: bound.ref } : {}), field, what, missing: [...new Set(missing)] });
  }
  constructor(
    private readonly overwrite: boolean,
    private readonly model: ReportModel,
  ) {}

  /**
   * Plan one computed cell. Returns the value the cell will hold afterwards as a number when it is
   * one (the new value if written, else the value kept), so that sums use what the workbook will show.
   */
  cell(
    bound: BoundCell | undefined,
    field: string,
    newValue: number | string,
    reason: string,
    same: (cell: CellSnapshot) => boolean,
    numberFormat?: string,
  ): { readonly written: boolean; readonly kept?: CellSnapshot } {
    if (!bound) return { written: false };
    // A workbook of several forms is planned form by form; a cell two forms both compute is planned once.
    const key = `${bound.ref.sheet}!${bound.ref.address}`;
    const earlier = this.planned.get(key);
    if (earlier) return earlier;
    const outcome = this.plan(bound, field, newValue, reason, same, numberFormat);
    this.planned.set(key, outcome);
    return outcome;
  }

  private readonly planned = new Map<string, { readonly written: boolean; readonly kept?: CellSnapshot }>();

  private plan(
    bound: BoundCell,
    field: string,
    newValue: number | string,
    reason: string,
    same: (cell: CellSnapshot) => boolean,
    numberFormat?: string,
  ): { readonly written: boolean; readonly kept?: CellSnapshot } {
    // The snapshot's cell, not the model's: mapping drops blank cells, and a blank cell's own number
    // format must be kept.
    const snap = cellAt(this.model, bound.ref) ?? bound.cell;
    // A label and its value in one cell (`执行率：85.10%`, `评价等次：优`): the value is judged, and a
    // replacement keeps the label around it.
    const inline = inlinePart(snap, bound.cell);
    const cell = inline ? bound.cell : snap;
    const value = inline && snap ? inlineText(String(snap.value), newValue) : newValue;
    const write: FillWrite = {
      at: bound.ref,
      value,
      field,
      oldValue: snap?.value ?? null,
      newValue: value,
      reason,
      ...(numberFormat && !inline && !cell?.numberFormat ? { numberFormat } : {}),
    };
    if (isBlank(cell)) {
      this.writes.push(write);
      return { written: true };
    }
    if (cell && cell.error === undefined && same(cell)) return { written: false, kept: cell };
    this.conflicts.push(write);
    // A formula is the template's own computation: list the disagreement, never replace the formula.
    if (this.overwrite && cell?.formula === undefined) {
      this.writes.push(write);
      return { written: true };
    }
    return { written: false, kept: cell };
  }
}

/** `执行率：85.10%`: the label, the colon, and the value after it. */
const LABELLED = /^([^:：]{1,40}[:：]\s*)(\S.*?)\s*$/;

/**
 * Whether the bound cell is the value of a label-and-value cell (forms/read.ts binds 0.851 for the cell
 * `执行率：85.10%`, `优` for `评价等次：优`): the sheet's cell is a text of a label, a colon and a value, and
 * the bound cell is another cell object.
 */
function inlinePart(snap: CellSnapshot | undefined, bound: CellSnapshot | undefined): boolean {
  const v = bound?.value;
  return snap !== bound && typeof snap?.value === "string" && v !== null && v !== undefined && LABELLED.test(snap.value);
}

/**
 * The label-and-value cell's text with its value replaced, the label kept: `执行率：85.10%` → `执行率：99.74%`,
 * a number written with the decimals and the unit (%, 分, 万元) the old value had.
 */
function inlineText(whole: string, newValue: number | string): string {
  const [, label, old] = LABELLED.exec(whole) ?? ["", "", whole];
  const m = /^(.*?)(-?[\d,]*\d(?:\.(\d+))?)(\s*[%％]?)(.*)$/.exec(old);
  if (typeof newValue === "string" || !m) return `${label}${newValue}`;
  const decimals = m[3]?.length ?? 0;
  const percent = m[4].trim() !== "";
  return `${label}${m[1]}${roundTo(percent ? newValue * 100 : newValue, decimals).toFixed(decimals)}${m[4]}${m[5]}`;
}

const sameNumber =
  (value: number, rate = false) =>
  (cell: CellSnapshot): boolean => {
    const n = shownNumber(cell, rate);
    return n !== undefined && Math.abs(n.value - value) <= n.tolerance;
  };

/**
 * Compute the fill plan of a workbook.
 * @param snapshot - the workbook as read by a host
 * @param profile - the scoring profile; by default the workbook's jx_profile, else national
 * @param options - `overwrite` also replaces computed cells that hold a different value
 * @returns the writes (blank computed cells) and the conflicts (cells holding another value)
 * @example
 * const plan = computeFills(snapshot);
 * plan.writes.find((w) => w.field === "jx_exec_score")?.newValue; // 9.97 for 1707.31 of 1711.75
 */
export function computeFills(snapshot: WorkbookSnapshot, profile?: ScoringProfile, options: FillOptions = {}): FillPlan {
  const model = mapWorkbook(snapshot);
  return computeFillsForModel(model, profile ?? profileFor(model), options);
}

/** {@link computeFills} on an already mapped model. */
export function computeFillsForModel(model: ReportModel, given: ScoringProfile, options: FillOptions = {}): FillPlan {
  const overwrite = options.overwrite ?? false;
  // The grade is written in the form's own words (优秀 / 良好 / 一般 / 较差 where the form shows them), not
  // the profile's 优 / 良 / 中 / 差, which a 财政局 would send back.
  const profile = withFormGradeWords(given, model);
  const plan = new Planner(overwrite, model);
  // A workbook of several forms that each carry their own figures (a 项目汇总表 and one 项目支出绩效自评表
  // per sheet) is computed form by form, as checkModel checks it: the whole workbook as one model has
  // no form's 总分 or 评价等次.
  for (const part of model.parts?.length ? model.parts : [model]) planForm(part, profile, plan, overwrite);
  return { writes: plan.writes, conflicts: plan.conflicts, profile: profile.id, blocked: plan.blocked };
}

/** Plan the computed cells of one form (the whole model, or one of its parts). */
function planForm(model: ReportModel, profile: ScoringProfile, plan: Planner, overwrite: boolean): void {
  const r = scoreWorkbook(model, profile);
  const s = model.scalars;
  const tol = scoreTolerance(profile);
  const sameScore = (value: number) => (cell: CellSnapshot) => {
    const n = shownNumber(cell, false);
    // Scores are compared at the profile's decimals: a written 10 is not a rounded 9.97.
    return n !== undefined && Math.abs(n.value - value) <= tol;
  };

  // 预算执行率 (from the amounts only: a rate read back from its own cell is not a computation).
  if (r.execRate !== undefined && r.execRateSource === "amounts" && r.execFormula) {
    const rate = roundTo(r.execRate, 10);
    const points = s.jx_exec_rate !== undefined && ratePoints(model, s.jx_exec_rate.ref);
    plan.cell(s.jx_exec_rate, "jx_exec_rate", points ? roundTo(rate * 100, 8) : rate, r.execFormula.split("；")[0], sameNumber(rate, true), points ? POINTS_FORMAT : RATE_FORMAT);
  }

  else if (r.execRate === undefined && s.jx_exec_rate) {
    const missing = (["jx_budget_adjusted", "jx_executed"] as const).filter((id) => parseCell(s[id]?.cell).kind !== "number").map((id) => (id === "jx_executed" ? "全年执行数" : "全年预算数"));
    plan.block(s.jx_exec_rate, "jx_exec_rate", "预算执行率", missing);
  }

  // 预算执行率得分: the value the cell will hold feeds the total.
  let execEffective: number | undefined;
  if (r.execScore !== undefined) {
    const reason = r.execFormula?.split("；")[1] ?? `预算执行率得分 ${showNumber(r.execScore)}`;
    const targets: BoundCell[] = [];
    if (s.jx_exec_score) targets.push(s.jx_exec_score);
    if (r.execRow?.ref) targets.push({ ref: r.execRow.ref, cell: cellAt(model, r.execRow.ref) });
    execEffective = r.execScore;
    for (const b of targets) {
      const out = plan.cell(b, b === s.jx_exec_score ? "jx_exec_score" : "jx_indicators.score", r.execScore, reason, sameScore(r.execScore));
      const kept = out.kept ? shownNumber(out.kept, false)?.value : undefined;
      if (!out.written && kept !== undefined && b === targets[0]) execEffective = kept;
    }
  } else {
    execEffective = r.execScoreWritten;
    if (r.execPresent && execEffective === undefined) plan.block(s.jx_exec_score, "jx_exec_score", "预算执行率得分", ["预算执行率"]);
  }

  // Indicators: every 定量 score by its formula.
  const effective = new Map<number, number | undefined>();
  for (const ind of r.indicators) {
    effective.set(ind.row, overwrite ? (ind.expected ?? ind.written) : effectiveScore(ind));
    if (ind.expected === undefined || !ind.ref) continue;
    const out = plan.cell({ ref: ind.ref, cell: cellAt(model, ind.ref) }, "jx_indicators.score", ind.expected, ind.formulaText ?? "", sameScore(ind.expected));
    if (!out.written && out.kept) effective.set(ind.row, shownNumber(out.kept, false)?.value ?? ind.written);
  }
  const nameOf = (ind: IndicatorScore): string => `“${ind.level3 || ind.level2 || `第 ${ind.row} 行指标`}”的得分`;
  const missingOf = (inds: readonly IndicatorScore[]): string[] => inds.filter((i) => effective.get(i.row) === undefined).map(nameOf);
  const sumOf = (inds: readonly IndicatorScore[]): number | undefined => {
    let total = 0;
    for (const ind of inds) {
      const v = effective.get(ind.row);
      if (v === undefined) return undefined;
      total += v;
    }
    return roundScore(total, profile);
  };

  const indicatorTotal = model.tables.jx_indicators && r.indicators.length ? sumOf(r.indicators) : undefined;
  let total =
    indicatorTotal === undefined
      ? undefined
      : !r.execPresent
        ? indicatorTotal
        : execEffective !== undefined
          ? roundScore(execEffective + indicatorTotal, profile)
          : undefined;

  // Summary rows; when there is no indicator table, the headline rows give the total.
  const byRow = new Map(r.indicators.map((i) => [i.row, i]));
  const headlines: (number | undefined)[] = [];
  let hasLevel1 = false;
  for (const g of r.groups) if (g.level === "level1") hasLevel1 = true;
  const summaryCells: { g: (typeof r.groups)[number]; value?: number }[] = [];
  for (const g of r.groups) {
    let value: number | undefined;
    if (g.level === "exec") value = execEffective;
    else if (g.level === "level1" || g.level === "level2") {
      const members = g.indicatorRows.map((row) => byRow.get(row)).filter((i): i is IndicatorScore => i !== undefined);
      value = members.length ? sumOf(members) : undefined;
    }
    summaryCells.push({ g, value });
  }
  for (const { g, value } of summaryCells) {
    if (g.level === "total") continue;
    let after = value;
    if (value === undefined && g.ref && (g.level === "level1" || g.level === "level2")) {
      const members = g.indicatorRows.map((row) => byRow.get(row)).filter((i): i is IndicatorScore => i !== undefined);
      plan.block({ ref: g.ref, cell: cellAt(model, g.ref) }, "jx_score_summary.score", `“${g.group}”得分`, missingOf(members));
    }
    if (value !== undefined && g.ref) {
      const parts = g.indicatorRows.map((row) => effective.get(row)).map((v) => showNumber(v ?? 0));
      const reason = g.level === "exec" ? "预算执行率得分" : `${g.group}下各指标得分之和：${parts.join(" + ")} = ${showNumber(value)}`;
      const out = plan.cell({ ref: g.ref, cell: cellAt(model, g.ref) }, "jx_score_summary.score", value, reason, sameScore(value));
      if (!out.written && out.kept) after = shownNumber(out.kept, false)?.value;
    } else if (value === undefined) {
      after = g.written;
    }
    if (g.level === "exec" || (hasLevel1 ? g.level === "level1" : g.level === "level2")) headlines.push(after);
  }
  if (total === undefined && !model.tables.jx_indicators && headlines.length && headlines.every((h) => h !== undefined)) {
    total = roundScore(headlines.reduce<number>((a, b) => a + (b ?? 0), 0), profile);
  }

  // 综合得分, the summary's own 合计 row, then the grade of what the total cell will hold.
  let totalAfter = total;
  if (total !== undefined) {
    const reason = !r.execPresent
      ? `各指标得分之和 ${showNumber(total)}（未设预算执行率）`
      : `预算执行率得分 ${showNumber(execEffective ?? 0)} + 各指标得分之和 ${showNumber(indicatorTotal ?? roundScore(total - (execEffective ?? 0), profile))}`;
    const out = plan.cell(s.jx_score_total, "jx_score_total", total, reason, sameScore(total));
    if (!out.written && out.kept) totalAfter = shownNumber(out.kept, false)?.value;
    for (const { g } of summaryCells) {
      if (g.level === "total" && g.ref) plan.cell({ ref: g.ref, cell: cellAt(model, g.ref) }, "jx_score_summary.score", total, reason, sameScore(total));
    }
  } else {
    totalAfter = r.totalWritten;
    const missing = [...(r.execPresent && execEffective === undefined ? ["预算执行率得分"] : []), ...missingOf(r.indicators)];
    if (!model.tables.jx_indicators || r.indicators.length === 0) missing.push("绩效指标");
    if (s.jx_score_total) plan.block(s.jx_score_total, "jx_score_total", "综合得分", missing);
  }
  if (totalAfter === undefined) plan.block(s.jx_grade, "jx_grade", "评价等次", ["综合得分"]);
  if (totalAfter !== undefined) {
    const band = gradeFor(totalAfter, profile);
    if (band) {
      // A grade cell printed as choices with one ticked (☑优 □良 …) gets the tick moved, not a bare word.
      const typed = s.jx_grade?.cell?.value;
      const retick = typeof typed === "string" ? retickedFor(typed, band) : undefined;
      plan.cell(s.jx_grade, "jx_grade", retick ?? gradeLabel(band), `综合得分 ${showNumber(totalAfter)} 按“${profile.name}”评为${gradeLabel(band)}`, (cell) =>
        typeof cell.value === "string" && gradeMatches(cell.value, band),
      );
    }
  }

  // Projects: 执行率 = 执行数 ÷ 预算数, 结转结余 = 预算数 − 执行数.
  for (const row of model.tables.jx_projects?.rows ?? []) {
    if (row.isSummary) continue;
    const budget = parseCell(row.cells.budget?.cell);
    const executed = parseCell(row.cells.executed?.cell);
    if (budget.kind !== "number" || executed.kind !== "number") continue;
    if (budget.unit && executed.unit && budget.unit !== executed.unit) continue;
    const name = String(row.cells.name?.cell?.value ?? "").trim();
    if (budget.value > 0) {
      const rate = roundTo(executed.value / budget.value, 10);
      const points = row.cells.rate !== undefined && ratePoints(model, row.cells.rate.ref);
      plan.cell(row.cells.rate, "jx_projects.rate", points ? roundTo(rate * 100, 8) : rate, `${name}：${showNumber(executed.value)} ÷ ${showNumber(budget.value)} = ${showNumber(roundTo(rate, 4), true)}`, sameNumber(rate, true), points ? POINTS_FORMAT : RATE_FORMAT);
    }
    const decimals = Math.max(0, Math.min(6, Math.max(budget.decimals, executed.decimals)));
    const carry = roundTo(budget.value - executed.value, decimals);
    plan.cell(row.cells.carryover, "jx_projects.carryover", carry, `${name}：${showNumber(budget.value)} − ${showNumber(executed.value)} = ${showNumber(carry)}`, sameNumber(carry));
  }
  planProjectGrades(model, profile, plan);
}

/**
 * Each project's 自评结果 (等次) from its 自评得分, as grade-matches-band checks it: a blank grade cell is
 * filled, a grade of another band is a conflict. Not where the row's 自评得分 differs from the 总分 on the
 * project's own sheet and the grade follows that sheet (the score is then the slip, and the grade right),
 * nor over a text that is no grade at all.
 */
function planProjectGrades(model: ReportModel, profile: ScoringProfile, plan: Planner): void {
  for (const row of model.tables.jx_projects?.rows ?? []) {
    const grade = row.cells.grade;
    const score = cellNumber(row.cells.score?.cell);
    if (row.isSummary || !grade || score === undefined) continue;
    const band = gradeFor(score, profile);
    if (!band) continue;
    const text = grade.cell?.value;
    if (typeof text === "string" && text.trim() && !gradeMatches(text, band)) {
      if (!profile.grades.some((g) => gradeMatches(text, g))) continue;
      const own = sheetScoreOf(model, row);
      const ownBand = own !== undefined && Math.abs(own - score) > 0.005 ? gradeFor(own, profile) : undefined;
      if (ownBand && gradeMatches(text, ownBand)) continue;
    }
    const name = String(row.cells.name?.cell?.value ?? "").trim();
    const label = gradeLabel(band);
    plan.cell(grade, "jx_projects.grade", label, `${name}：自评得分 ${showNumber(score)} 按“${profile.name}”评为${label}`, (cell) => typeof cell.value === "string" && gradeMatches(cell.value, band));
  }
}

function cellAt(model: ReportModel, ref: { sheet: string; address: string }): CellSnapshot | undefined {
  return model.snapshot.sheets.find((sh) => sh.name === ref.sheet)?.cells[ref.address];
}
