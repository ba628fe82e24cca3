/**
 * Reference copy of src/core/relations/unit-mistakes.ts as it was before the performance work
 * (relations found by scanning every check per cell). Kept only so that
 * test/rules/unit-mistakes-equivalence.test.ts can check the indexed version finds exactly the same
 * slips. Do not use it elsewhere.
 */
import type { ReportModel } from "../../../src/core/model/report-model";
import { roundTo } from "../../../src/core/units/parse";
import { parseA1 } from "../../../src/core/model/address";
import type { TableId } from "../../../src/core/schema/fields";
import { MONEY_SCALARS, evaluate, involves, readMoneyScalar, rowName, sumChecks, type Figure, type SumCheck } from "../../../src/core/relations/footing";

/** The factor between 元 and 万元. */
export const UNIT_FACTOR = 10000;

/** A cell that is off by a factor of 10 000. */
export interface UnitMistake {
  readonly figure: Figure;
  /** Multiply the cell by this to correct it: 1/10000 (entered in 元) or 10000 (entered in 万元). */
  readonly factor: number;
  /** The corrected value, rounded to the decimals it would naturally have. */
  readonly corrected: number;
  /**
   * A table cell (judged by its relations), a whole table row entered in the other unit (`figure` is
   * its first money cell, `alsoCorrected` the rest), or a money scalar (judged against the others).
   */
  readonly kind: "table" | "row" | "scalar";
  /** For a scalar: the other scalars it was compared with. */
  readonly comparedWith: readonly Figure[];
  /** For a row: the row's other money cells, corrected by the same factor. */
  readonly alsoCorrected: readonly { readonly figure: Figure; readonly corrected: number }[];
  /** For a row: its name (机构名称). */
  readonly rowName?: string;
}

function correctedOf(f: Figure, factor: number): { value: number; decimals: number } {
  const shift = factor > 1 ? -4 : 4;
  const written = Number.isFinite(f.writtenDecimals) ? f.writtenDecimals : 0;
  const decimals = Math.max(0, written + shift);
  const raw = factor > 1 ? Number(`${f.value}e4`) : Number(`${f.value}e-4`);
  const value = Number.isFinite(raw) ? raw : f.value * factor;
  return { value: roundTo(value, Math.min(decimals + 2, 20)), decimals: Math.max(f.decimals + shift, 0) };
}

/** `Sheet!row` of a figure. */
function rowKey(f: Figure): string {
  return `${f.ref.sheet}!${parseA1(f.ref.address).row}`;
}

/**
 * Table cells off by 10 000: a cell is flagged when at least one check that involves it fails, and
 * with the cell divided (or multiplied) by 10 000 every check that involves it holds (and would not
 * hold with the cell emptied). Whole rows off by 10 000 (`rows`) are taken as corrected first: their
 * cells are not judged again, and a 汇总 cell that adds up once they are is not a slip.
 */
function tableMistakes(model: ReportModel, rows: readonly UnitMistake[]): UnitMistake[] {
  const checks = sumChecks(model);
  const skipRows = new Set(rows.map((m) => rowKey(m.figure)));
  const base = correctionsOf(rows);
  const byKey = new Map<string, { figure: Figure; checks: SumCheck[] }>();
  for (const c of checks) {
    for (const f of [c.target, ...c.terms.map((t) => t.figure)]) {
      if (f.blank || f.value === 0) continue;
      const entry = byKey.get(f.key) ?? { figure: f, checks: [] };
      if (!entry.checks.includes(c)) entry.checks.push(c);
      byKey.set(f.key, entry);
    }
  }
  const out: UnitMistake[] = [];
  for (const { figure, checks: mine } of byKey.values()) {
    if (skipRows.has(rowKey(figure))) continue;
    if (mine.every((c) => evaluate(c, base).ok)) continue;
    for (const factor of [1 / UNIT_FACTOR, UNIT_FACTOR]) {
      const fixed = correctedOf(figure, factor);
      const overrides = new Map([...base, [figure.key, fixed]]);
      // Evidence, not coincidence: a value that fits merely because it is ~0 (1 → 0.0001 where 0 is
      // expected) would fit as well if the cell were emptied, so it says nothing about units.
      const zero = new Map([...base, [figure.key, { value: 0, decimals: fixed.decimals }]]);
      if (mine.every((c) => evaluate(c, zero).ok)) continue;
      if (mine.every((c) => evaluate(c, overrides).ok)) {
        out.push({ figure, factor, corrected: fixed.value, kind: "table", comparedWith: [], alsoCorrected: [] });
        break;
      }
    }
  }
  return out;
}

/** The overrides that apply the given slips' corrections. */
function correctionsOf(mistakes: readonly UnitMistake[]): Map<string, { value: number; decimals: number }> {
  const out = new Map<string, { value: number; decimals: number }>();
  for (const m of mistakes) {
    out.set(m.figure.key, correctedOf(m.figure, m.factor));
    for (const x of m.alsoCorrected) out.set(x.figure.key, correctedOf(x.figure, m.factor));
  }
  return out;
}

/** A correction at the narrower of the figure's own and its corrected precision. */
function strict(f: Figure, factor: number): { value: number; decimals: number } {
  const c = correctedOf(f, factor);
  return { value: c.value, decimals: Math.max(c.decimals, f.decimals) };
}

/** Most figures tried in pairs (a workbook with more failing figures than this is not a few slips). */
const MAX_PAIR_FIGURES = 40;

/**
 * Two cells off by 10 000 together (基本支出 and 人员支出 of one row both typed in 元; a 汇总 cell and
 * the row cell under it): neither correction alone makes the checks hold, both together do. Only
 * figures of checks still failing once `known` slips are corrected are tried.
 */
function pairMistakes(model: ReportModel, known: readonly UnitMistake[]): UnitMistake[] {
  const checks = sumChecks(model);
  const fixedKnown = correctionsOf(known);
  const failing = checks.filter((c) => !evaluate(c, fixedKnown).ok);
  const candidates = new Map<string, Figure>();
  for (const c of failing) {
    for (const f of [c.target, ...c.terms.map((t) => t.figure)]) {
      if (!f.blank && f.value !== 0 && !fixedKnown.has(f.key)) candidates.set(f.key, f);
    }
  }
  const figs = [...candidates.values()];
  if (figs.length < 2 || figs.length > MAX_PAIR_FIGURES) return [];
  const out: UnitMistake[] = [];
  const used = new Set<string>();
  for (let i = 0; i < figs.length; i++) {
    for (let j = i + 1; j < figs.length; j++) {
      const a = figs[i];
      const b = figs[j];
      if (used.has(a.key) || used.has(b.key)) continue;
      const mine = checks.filter((c) => involves(c, a.key) || involves(c, b.key));
      for (const factor of [1 / UNIT_FACTOR, UNIT_FACTOR]) {
        // Judged at the narrower of the written and the corrected precision: multiplying widens the
        // interval (10 万元 ± 0.005 is 100000 ± 50 元), and two widened cells can meet almost anything
        // (预算 10 − 执行 10 against a 结转结余 of 1). Two slips at once need exact evidence.
        const fa = strict(a, factor);
        const fb = strict(b, factor);
        const both = new Map([...fixedKnown, [a.key, fa], [b.key, fb]]);
        if (!mine.every((c) => evaluate(c, both).ok)) continue;
        // Evidence, not coincidence: emptying either cell instead must not work as well.
        const zeroA = new Map([...fixedKnown, [a.key, { value: 0, decimals: fa.decimals }], [b.key, fb]]);
        const zeroB = new Map([...fixedKnown, [a.key, fa], [b.key, { value: 0, decimals: fb.decimals }]]);
        if (mine.every((c) => evaluate(c, zeroA).ok) || mine.every((c) => evaluate(c, zeroB).ok)) continue;
        out.push({ figure: a, factor, corrected: fa.value, kind: "table", comparedWith: [], alsoCorrected: [] });
        out.push({ figure: b, factor, corrected: fb.value, kind: "table", comparedWith: [], alsoCorrected: [] });
        used.add(a.key);
        used.add(b.key);
        break;
      }
    }
  }
  return out;
}

/**
 * Whole rows off by 10 000 (an institution's figures copied from 元 accounts into a 万元 table): the
 * row's own relations hold, but the 汇总 row does not add up until every money cell of the row is
 * divided (or multiplied) by 10 000. A row with one slipped cell does not pass this test (its other
 * cells, scaled, break the row's own relations), so rows are judged before single cells.
 */
function rowMistakes(model: ReportModel): UnitMistake[] {
  const checks = sumChecks(model);
  const groups = new Map<string, { table: TableId | "form"; row: number; figures: Map<string, Figure> }>();
  for (const c of checks) {
    if (c.kind === "project") continue;
    for (const f of [c.target, ...c.terms.map((t) => t.figure)]) {
      if (f.blank || f.value === 0) continue;
      const row = parseA1(f.ref.address).row;
      const key = `${f.ref.sheet}!${row}`;
      const g = groups.get(key) ?? { table: c.table, row, figures: new Map<string, Figure>() };
      g.figures.set(f.key, f);
      groups.set(key, g);
    }
  }
  const out: UnitMistake[] = [];
  for (const g of groups.values()) {
    const figures = [...g.figures.values()].sort((a, b) => parseA1(a.ref.address).col - parseA1(b.ref.address).col);
    if (figures.length < 2) continue;
    const mine = checks.filter((c) => figures.some((f) => involves(c, f.key)));
    if (mine.every((c) => evaluate(c).ok)) continue;
    for (const factor of [1 / UNIT_FACTOR, UNIT_FACTOR]) {
      const fixed = figures.map((f) => ({ figure: f, ...correctedOf(f, factor) }));
      const overrides = new Map(fixed.map((x) => [x.figure.key, { value: x.value, decimals: x.decimals }]));
      const zero = new Map(fixed.map((x) => [x.figure.key, { value: 0, decimals: x.decimals }]));
      if (mine.every((c) => evaluate(c, zero).ok)) continue;
      if (!mine.every((c) => evaluate(c, overrides).ok)) continue;
      const tableRow = g.table === "form" ? undefined : model.tables[g.table]?.rows.find((r) => r.row === g.row);
      out.push({
        figure: figures[0],
        factor,
        corrected: fixed[0].value,
        kind: "row",
        comparedWith: [],
        alsoCorrected: fixed.slice(1).map((x) => ({ figure: x.figure, corrected: x.value })),
        rowName: tableRow ? rowName(tableRow) : undefined,
      });
      break;
    }
  }
  return out;
}

/** Two positive amounts are of one order when within a factor of 3 of each other. */
function sameOrder(a: number, b: number): boolean {
  const r = a / b;
  return r >= 1 / 3 && r <= 3;
}

/**
 * Money scalars (年初预算数, 全年预算数, 全年执行数) off by 10 000 against the others: the odd one out
 * when there are three; when only two disagree, the workbook's money unit decides which one was
 * entered in the other unit (the larger one in a 万元 workbook, the smaller in a 元 workbook).
 */
function scalarMistakes(model: ReportModel): UnitMistake[] {
  const figs = MONEY_SCALARS.map((id) => readMoneyScalar(model, id)).filter((f): f is Figure => f !== undefined && !f.blank && f.value > 0);
  if (figs.length < 2) return [];
  const out: UnitMistake[] = [];
  for (const f of figs) {
    const others = figs.filter((o) => o !== f);
    for (const factor of [1 / UNIT_FACTOR, UNIT_FACTOR]) {
      const fixed = correctedOf(f, factor);
      const fits = others.every((o) => !sameOrder(f.value, o.value) && sameOrder(fixed.value, o.value));
      const othersAgree = others.every((o) => others.every((p) => sameOrder(o.value, p.value)));
      if (!fits || !othersAgree) continue;
      if (others.length === 1) {
        const preferred = model.moneyUnit === "元" ? UNIT_FACTOR : 1 / UNIT_FACTOR;
        if (factor !== preferred) continue;
      }
      out.push({ figure: f, factor, corrected: fixed.value, kind: "scalar", comparedWith: others, alsoCorrected: [] });
      break;
    }
  }
  return out;
}

const cache = new WeakMap<ReportModel, readonly UnitMistake[]>();

/**
 * Every cell of the model entered in the wrong money unit (off by 10 000).
 * @param model - the mapped workbook
 * @returns the mistakes, table cells first, in check order
 */
export function findUnitMistakes(model: ReportModel): readonly UnitMistake[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const rows = rowMistakes(model);
  const single = tableMistakes(model, rows);
  const tables = [...single, ...rows];
  const out = [...tables, ...pairMistakes(model, tables), ...scalarMistakes(model)];
  cache.set(model, out);
  return out;
}

/** Keys (`Sheet!A1`) of the cells flagged as unit mistakes. */
export function unitMistakeKeys(model: ReportModel): ReadonlySet<string> {
  return new Set(findUnitMistakes(model).flatMap((m) => [m.figure.key, ...m.alsoCorrected.map((x) => x.figure.key)]));
}

/**
 * A figure as it will read once its unit slip is fixed (itself when not flagged), so that checks
 * downstream of the slip (a rate over a 元 执行数) judge the corrected amount instead of going silent.
 */
export function correctedFigure(model: ReportModel, figure: Figure): Figure {
  for (const m of findUnitMistakes(model)) {
    const hit = m.figure.key === figure.key ? m.corrected : m.alsoCorrected.find((x) => x.figure.key === figure.key)?.corrected;
    if (hit === undefined) continue;
    const shift = m.factor > 1 ? -4 : 4;
    return { ...figure, value: hit, decimals: Math.max(0, figure.decimals + shift), writtenDecimals: Math.max(0, figure.writtenDecimals + shift) };
  }
  return figure;
}

/** Whether a check involves a cell flagged as a unit mistake (and so is left to no-unit-mistake). */
export function touchesUnitMistake(check: SumCheck, flagged: ReadonlySet<string>): boolean {
  for (const key of flagged) if (involves(check, key)) return true;
  return false;
}
