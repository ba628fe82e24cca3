/**
 * Footing (勾稽) shared by total-matches-parts, no-unit-mistake and project-row-consistent: money
 * figures read from the model, and `target = Σ ± terms` checks judged with rounding intervals in the
 * manner of XBRL Calculations 1.1 — each figure stands for the interval of its displayed precision,
 * and a check holds when the interval of the terms' sum meets the target's interval.
 */
import type { CellRef, CellSnapshot } from "../model/snapshot";
import type { BoundCell, DeclaredSum, ReportModel, TableBinding, TableRow } from "../model/report-model";
import { parseA1 } from "../model/address";
import { tableDef, type ScalarFieldId, type TableId } from "../schema/fields";
import { formatInfo, parseCell, roundTo, writtenDecimals, type Parsed } from "../units/parse";
import { isAbnormalNumber } from "../units/finite";
import { convertUnit, decimalShift, moneyFactor } from "../units/convert";

/**
 * Money shown without a fixed number format (General, or typed as text) is taken to at least this many
 * decimals: a General cell displays its whole value, so `28545.3` there is 28545.30, not 28545.3 ± 0.05.
 */
export const MIN_MONEY_DECIMALS = 2;

/** A money figure: one cell, read in the workbook's money unit. */
export interface Figure {
  /** `Sheet!A1`, unique per cell. */
  readonly key: string;
  readonly ref: CellRef;
  /** Schema field, `jx_expense.basic` or `jx_executed`. */
  readonly field: string;
  readonly blank: boolean;
  /** In the workbook's money unit; 0 when blank. */
  readonly value: number;
  /** Displayed decimals; Infinity for a blank (an exact 0). */
  readonly decimals: number;
  /** The decimals the clerk wrote (before the money floor), to round corrected values sensibly. */
  readonly writtenDecimals: number;
  readonly formula: boolean;
  readonly cell?: CellSnapshot;
  /** Sheet row and column of the cell (1-based), read once from its address. */
  readonly row: number;
  readonly col: number;
  /**
   * Internal: the cell's number among the cells of the model's checks (where checksOf finds its
   * checks without a look-up by key); -1 for a figure read outside them.
   */
  readonly slot: number;
}

/** Money units written without 元, as clerks shorten them in a money column. */
const BARE_MONEY_UNITS: Readonly<Record<string, string>> = { 万: "万元", 亿: "亿元", 千: "千元" };

/** `Sheet!A1` for a ref. */
export function refKey(ref: CellRef): string {
  return `${ref.sheet}!${ref.address}`;
}

/**
 * Read a money cell. Returns undefined when the cell cannot take part in footing (text, an error, a
 * percentage, or a unit that is not money).
 */
export function readMoney(bound: BoundCell, field: string, moneyUnit: string): Figure | undefined {
  return readFigure(bound, field, moneyUnit, -1);
}

/**
 * readMoney, the figure numbered `slot` among the cells of the model's checks (-1 outside them): the
 * slot is where the index of checks by cell keeps this cell's checks (see FigureIndex).
 */
function readFigure(bound: BoundCell, field: string, moneyUnit: string, slot: number): Figure | undefined {
  const cell = bound.cell;
  // A stored number (nearly every money cell) is read here as parseCell reads it, without its Parsed
  // object and raw string: a workbook has a figure per money cell.
  if (cell !== undefined && cell.error === undefined && typeof cell.value === "number") return readStoredMoney(bound, cell, cell.value, field, moneyUnit, slot);
  const parsed: Parsed = parseCell(cell);
  if (parsed.kind === "blank") return figureOf(bound, field, cell, cell?.formula !== undefined, true, 0, Infinity, Infinity, slot);
  if (parsed.kind !== "number" || parsed.percent) return undefined;
  let value = parsed.value;
  let decimals = parsed.decimals;
  // In a money cell a bare 万 / 亿 (`1711.75万`) can only mean 万元 / 亿元.
  const unit = parsed.unit !== undefined ? (BARE_MONEY_UNITS[parsed.unit.trim()] ?? parsed.unit) : undefined;
  if (unit !== undefined && unit !== moneyUnit) {
    if (moneyFactor(unit) === undefined) return undefined;
    const converted = convertUnit(value, unit, moneyUnit);
    const shift = decimalShift(unit, moneyUnit);
    if (converted === undefined || shift === undefined) return undefined;
    value = converted;
    decimals += shift;
  }
  const formula = cell?.formula !== undefined;
  // A written 0 is nothing, exactly: its rounding interval must not make room for a slip elsewhere
  // (`0.02 = 0.021 + 0.00 + 0.00` is no evidence that two cells were typed in 元).
  if (value === 0) return figureOf(bound, field, cell, formula, false, 0, Infinity, decimals, slot);
  const formatted = !parsed.fromText && formatInfo(cell?.numberFormat).decimals !== undefined;
  // An amount written in another unit (`5.33亿元` in a 万元 table) is as precise as it was written there:
  // 53300 ± 50 万元, not ± 0.005. The money floor is for figures in the workbook's own unit.
  const converted = unit !== undefined && unit !== moneyUnit;
  const shown = formatted || converted ? decimals : Math.max(decimals, MIN_MONEY_DECIMALS);
  // What the reader sees is the rounded value; the interval is centred on it.
  return figureOf(bound, field, cell, formula, false, formatted ? roundTo(value, decimals) : value, shown, decimals, slot);
}

/** readMoney of a cell holding a stored number: parseCell's number branch and readMoney's arithmetic. */
function readStoredMoney(bound: BoundCell, cell: CellSnapshot, v: number, field: string, moneyUnit: string, slot: number): Figure | undefined {
  if (isAbnormalNumber(v)) return undefined;
  const info = formatInfo(cell.numberFormat);
  if (info.percent) return undefined;
  let value = Object.is(v, -0) ? 0 : v;
  let decimals = info.decimals ?? writtenDecimals(v);
  const unit = info.unit !== undefined ? (BARE_MONEY_UNITS[info.unit.trim()] ?? info.unit) : undefined;
  const converted = unit !== undefined && unit !== moneyUnit;
  if (converted) {
    if (moneyFactor(unit) === undefined) return undefined;
    const to = convertUnit(value, unit, moneyUnit);
    const shift = decimalShift(unit, moneyUnit);
    if (to === undefined || shift === undefined) return undefined;
    value = to;
    decimals += shift;
  }
  const formula = cell.formula !== undefined;
  if (value === 0) return figureOf(bound, field, cell, formula, false, 0, Infinity, decimals, slot);
  const formatted = info.decimals !== undefined;
  const shown = formatted || converted ? decimals : Math.max(decimals, MIN_MONEY_DECIMALS);
  return figureOf(bound, field, cell, formula, false, formatted ? roundTo(value, decimals) : value, shown, decimals, slot);
}

/**
 * The one place a Figure is built: one object literal, its fields always in this order (one hidden
 * class for every figure, so the footing loops stay monomorphic), no spreads.
 */
function figureOf(bound: BoundCell, field: string, cell: CellSnapshot | undefined, formula: boolean, blank: boolean, value: number, decimals: number, written: number, slot: number): Figure {
  const ref = bound.ref;
  const address = ref.address;
  // Row and column straight from the address's characters (no position object per cell).
  const letters = simpleA1Letters(address);
  let row = 0;
  let col = 0;
  if (letters > 0) {
    for (let i = 0; i < letters; i++) col = col * 26 + (address.charCodeAt(i) - 64);
    for (let i = letters; i < address.length; i++) row = row * 10 + (address.charCodeAt(i) - 48);
  } else {
    try {
      ({ row, col } = parseA1(address));
    } catch {
      // Not an address: row and column 0 (never thrown — the figure is still read).
    }
  }
  return new MoneyFigure(refKey(ref), ref, field, formula, cell, blank, value, decimals, written, row, col, slot);
}

/**
 * The class of every figure footing reads. A class, not an object literal: a literal carries an
 * allocation site that V8 tracks per object (mementos, pretenuring) — a figure per money cell.
 */
class MoneyFigure implements Figure {
  constructor(
    readonly key: string,
    readonly ref: CellRef,
    readonly field: string,
    readonly formula: boolean,
    readonly cell: CellSnapshot | undefined,
    readonly blank: boolean,
    readonly value: number,
    readonly decimals: number,
    readonly writtenDecimals: number,
    readonly row: number,
    readonly col: number,
    readonly slot: number,
  ) {}
}

/**
 * The number of column letters of a plain address (`C11`: 1–3 capitals, then digits not starting with
 * 0, as snapshots write addresses), or 0 for anything else (read by parseA1).
 */
function simpleA1Letters(address: string): number {
  const n = address.length;
  let i = 0;
  while (i < n && i < 3) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    i++;
  }
  const letters = i;
  if (letters === 0 || letters === n || address.charCodeAt(letters) === 48) return 0;
  for (; i < n; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
  }
  return letters;
}

/** One term of a check. */
export interface Term {
  readonly figure: Figure;
  readonly sign: 1 | -1;
}

/** What a check is about: a row relation, a 汇总 row against the other rows, or a project row. */
export type CheckKind = "row" | "summary" | "project" | "form";

/** `target = Σ sign·term`, reported at the target. */
export interface SumCheck {
  readonly kind: CheckKind;
  /** The schema table, `form` for a relation a form declares (then `declared` is set). */
  readonly table: TableId | "form";
  readonly sheet: string;
  readonly target: Figure;
  readonly terms: readonly Term[];
  /** Column key of the target. */
  readonly targetKey: string;
  /** Column keys of the terms (row checks) — empty for summary checks. */
  readonly termKeys: readonly string[];
  /** The row's name (机构名称 / 项目名称). */
  readonly rowName: string;
  /** Sheet row of the target. */
  readonly row: number;
  /** The form relation this check comes from (kind `form`): its labels are the cells' own. */
  readonly declared?: DeclaredSum;
}

/** The outcome of a check. */
export interface CheckResult {
  readonly ok: boolean;
  /** Σ sign·term, unrounded. */
  readonly sum: number;
  /** The sum rounded to the target's displayed decimals (what the target should show). */
  readonly expected: number;
}

/** Overrides: figure key → value (with its decimals) to try a correction. */
export type Overrides = ReadonlyMap<string, { readonly value: number; readonly decimals: number }>;

/** `0.5 · 10^-d` for d = -8 … 20, computed by the very expression halfWidth uses otherwise. */
const HALVES: readonly number[] = Array.from({ length: 29 }, (_, i) => 0.5 * Math.pow(10, -(i - 8)));

/**
 * Half the rounding interval of a figure shown with `decimals` places (0 for an exact figure). From a
 * table for the usual whole decimals — Math.pow per term was a good part of judging every check — and
 * bit-for-bit the same value as the expression.
 */
export function halfWidth(decimals: number): number {
  if (decimals >= -8 && decimals <= 20 && Math.floor(decimals) === decimals) return HALVES[decimals + 8];
  return Number.isFinite(decimals) ? 0.5 * Math.pow(10, -decimals) : 0;
}

function bounds(f: Figure, overrides?: Overrides): { value: number; lo: number; hi: number } {
  const o = overrides?.get(f.key);
  const value = o ? o.value : f.value;
  const decimals = o ? o.decimals : f.decimals;
  const half = halfWidth(decimals);
  return { value, lo: value - half, hi: value + half };
}

/**
 * `evaluate(check, overrides).ok` without the expected value: the same arithmetic in the same order,
 * but no rounding of the sum (which goes through strings), for the searches that only need the verdict.
 */
export function holdsAsIs(check: SumCheck, overrides?: Overrides): boolean {
  const target = check.target;
  const to = overrides?.get(target.key);
  const tValue = to ? to.value : target.value;
  const tDecimals = to ? to.decimals : target.decimals;
  const tHalf = halfWidth(tDecimals);
  let lo = 0;
  let hi = 0;
  let scale = Math.abs(tValue);
  const hasOverrides = overrides !== undefined && overrides.size > 0;
  const terms = check.terms;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    const f = term.figure;
    const o = hasOverrides ? overrides.get(f.key) : undefined;
    const value = o ? o.value : f.value;
    const decimals = o ? o.decimals : f.decimals;
    const half = halfWidth(decimals);
    lo += term.sign > 0 ? value - half : -(value + half);
    hi += term.sign > 0 ? value + half : -(value - half);
    scale = Math.max(scale, Math.abs(value));
  }
  const eps = 1e-9 * Math.max(1, scale);
  return lo <= tValue + tHalf + eps && tValue - tHalf <= hi + eps;
}

const failingCache = new WeakMap<ReportModel, ReadonlySet<SumCheck>>();

/**
 * The checks of `sumChecks(model)` that fail as written (`!holdsAsIs`), found once per model (usually
 * none or a few: a set of them, not a verdict per check). `holdsAsIs(check, overrides)` depends only on
 * the overrides of the check's own cells, so a check that no override touches keeps this verdict.
 */
export function failingChecks(model: ReportModel): ReadonlySet<SumCheck> {
  const hit = failingCache.get(model);
  if (hit) return hit;
  const out = new Set<SumCheck>();
  for (const c of sumChecks(model)) if (!holdsAsIs(c)) out.add(c);
  failingCache.set(model, out);
  return out;
}

/** Judge a check, optionally with some figures replaced. */
export function evaluate(check: SumCheck, overrides?: Overrides): CheckResult {
  const t = bounds(check.target, overrides);
  let sum = 0;
  let lo = 0;
  let hi = 0;
  let scale = Math.abs(t.value);
  // The same arithmetic as bounds(), inlined: a 汇总 check has a term per institution and is judged
  // once per candidate correction, so an object per term was most of the engine's time (and garbage).
  const hasOverrides = overrides !== undefined && overrides.size > 0;
  for (const term of check.terms) {
    const f = term.figure;
    const o = hasOverrides ? overrides.get(f.key) : undefined;
    const value = o ? o.value : f.value;
    const decimals = o ? o.decimals : f.decimals;
    const half = halfWidth(decimals);
    sum += term.sign * value;
    lo += term.sign > 0 ? value - half : -(value + half);
    hi += term.sign > 0 ? value + half : -(value - half);
    scale = Math.max(scale, Math.abs(value));
  }
  // Binary floating point: allow a relative hair so that touching intervals (an honest 0.01) meet.
  const eps = 1e-9 * Math.max(1, scale);
  const ok = lo <= t.hi + eps && t.lo <= hi + eps;
  const shown = overrides?.get(check.target.key)?.decimals ?? check.target.decimals;
  return checkResult(ok, sum, Number.isFinite(shown) ? Math.max(shown, 0) : MIN_MONEY_DECIMALS);
}

/**
 * A check's outcome whose `expected` (the sum rounded through decimal strings, see roundTo) is computed
 * when first read: most checks are judged for their verdict only, and most hold.
 */
function checkResult(ok: boolean, sum: number, decimals: number): CheckResult {
  let expected: number | undefined;
  return {
    ok,
    sum,
    get expected(): number {
      return (expected ??= roundTo(sum, decimals));
    },
  };
}

/** Whether a check involves a figure (as target or term). */
export function involves(check: SumCheck, key: string): boolean {
  return check.target.key === key || check.terms.some((t) => t.figure.key === key);
}

/** The name cell of a row, as text. */
export function rowName(row: TableRow): string {
  const v = row.cells.name?.cell?.value;
  if (v === null || v === undefined) return row.isSummary ? "合计" : `第${row.row}行`;
  return String(v).trim();
}

function moneyKeys(table: TableBinding): string[] {
  const def = tableDef(table.id);
  const present = new Set(table.columns.map((c) => c.key));
  return def.columns.filter((c) => c.money && present.has(c.key)).map((c) => c.key);
}

/**
 * A row's money cells, in the order of the table's money keys: a Figure, `undefined` for an unreadable
 * cell (text, errors), `null` for a column the table does not have.
 */
type RowFigures = (Figure | undefined | null)[];

/** Read every money cell of a row, each figure numbered by its place in `figures` (where it is added). */
function readRow(row: TableRow, keys: readonly string[], fields: readonly string[], moneyUnit: string, figures: Figure[]): RowFigures {
  const out: RowFigures = new Array<Figure | undefined | null>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const bound = row.cells[keys[i]];
    if (!bound) {
      out[i] = null;
      continue;
    }
    const f = readFigure(bound, fields[i], moneyUnit, figures.length);
    if (f) figures.push(f);
    out[i] = f;
  }
  return out;
}

/** A row whose money cells are all empty ("3、二级机构2" with no numbers) takes no part in footing. */
function isBlankRow(figs: RowFigures): boolean {
  for (const f of figs) if (f !== null && (f === undefined || !f.blank)) return false;
  return true;
}

/**
 * A model's checks and the cells they read: every figure of a check has a slot (its place in `figures`;
 * two readings of one cell share it), and the checks of each slot are kept in one flat array, grouped
 * by slot (`list[start[s]] … list[end[s] − 1]`, in check order), built when first asked. A Map from
 * `Sheet!A1` to a list per cell cost more than every check's arithmetic: an entry and an array per
 * money cell.
 */
interface Footing {
  readonly checks: readonly SumCheck[];
  readonly figures: readonly Figure[];
  index?: { readonly start: Int32Array; readonly end: Int32Array; readonly list: readonly SumCheck[] };
  /** Slot by `Sheet!A1`, built for a look-up by key (or when form relations read table cells again). */
  byKey?: Map<string, number>;
  /**
   * When two tables read one cell (their figures have two slots): the first slot of each figure's key,
   * by slot, so that the cell's checks are listed together as by key. Undefined when no cell is read twice.
   */
  canonical?: Int32Array;
}

const cache = new WeakMap<ReportModel, Footing>();

/** A table relation with its cells as positions among the table's money keys. */
interface Relation {
  readonly total: string;
  readonly totalAt: number;
  /** The parts the table has (keys and positions), in the relation's order. */
  readonly parts: readonly string[];
  readonly partsAt: readonly number[];
}

/**
 * Every sum check of the model: the TableDef row relations on every non-blank row, the 汇总 row of the
 * money tables against the sum of the other non-blank rows (column by column), and each project row's
 * 预算 = 执行 + 结转结余 (only where 结转结余 is filled). Checks with an unreadable cell are left out
 * (other rules report text and errors), as are checks whose parts are all blank (a breakdown not
 * filled in is missing data, not a wrong sum).
 */
export function sumChecks(model: ReportModel): readonly SumCheck[] {
  return footingOf(model).checks;
}

function footingOf(model: ReportModel): Footing {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: SumCheck[] = [];
  const figures: Figure[] = [];
  const spans: TableSpan[] = [];
  for (const table of Object.values(model.tables)) {
    if (!table) continue;
    const def = tableDef(table.id);
    const keys = moneyKeys(table);
    if (keys.length === 0) continue;
    const fields = keys.map((k) => `${table.id}.${k}`);
    const first = figures.length;
    const at = new Map(keys.map((k, i) => [k, i]));
    // A figure is a term of its row's relations and of its column's 汇总 check: one `+figure` term each,
    // shared (a workbook has a figure per money cell).
    const rows: { row: TableRow; figs: RowFigures; plus: (Term | undefined)[] }[] = [];
    for (const row of table.rows) {
      const figs = readRow(row, keys, fields, model.moneyUnit, figures);
      if (!isBlankRow(figs)) rows.push({ row, figs, plus: new Array<Term | undefined>(keys.length) });
    }
    spans.push(spanOf(table.sheet, figures, first));
    const plusTerm = (r: { figs: RowFigures; plus: (Term | undefined)[] }, i: number): Term => (r.plus[i] ??= { figure: r.figs[i] as Figure, sign: 1 });
    // A relation's cells the table does not have as money columns are never read (the Map had no entry).
    const relations: Relation[] = def.relations.map((rel) => {
      const parts = rel.parts.filter((p) => at.has(p));
      return { total: rel.total, totalAt: at.get(rel.total) ?? -1, parts, partsAt: parts.map((p) => at.get(p) as number) };
    });
    const budgetAt = at.get("budget") ?? -1;
    const executedAt = at.get("executed") ?? -1;
    const carryAt = at.get("carryover") ?? -1;
    for (const r of rows) {
      const { row, figs } = r;
      let name: string | undefined;
      for (const rel of relations) {
        const target = rel.totalAt >= 0 ? figs[rel.totalAt] : undefined;
        if (!target) continue;
        // An unreadable part leaves the check out; a part whose cell the row lacks (never: every found
        // column has an entry) is no part.
        let readable = true;
        let allBlank = true;
        for (const i of rel.partsAt) {
          const f = figs[i];
          if (f === undefined) {
            readable = false;
            break;
          }
          if (f !== null && !f.blank) allBlank = false;
        }
        if (!readable) continue;
        // All parts blank: the breakdown was not filled in (hefei-2024 gives 基本支出 without 人员/公用).
        // That is missing data, not a sum that fails; a blank total over filled parts still counts.
        if (allBlank) continue;
        let present = 0;
        for (const i of rel.partsAt) if (figs[i]) present++;
        const absent = present < rel.partsAt.length;
        const terms: Term[] = new Array<Term>(present);
        let t = 0;
        for (const i of rel.partsAt) if (figs[i]) terms[t++] = plusTerm(r, i);
        name ??= rowName(row);
        const termKeys = absent ? rel.parts.filter((_, j) => figs[rel.partsAt[j]] !== null) : rel.parts;
        out.push({ kind: "row", table: table.id, sheet: table.sheet, target, terms, targetKey: rel.total, termKeys, rowName: name, row: row.row });
      }
      if (table.id === "jx_projects") {
        const budget = budgetAt >= 0 ? figs[budgetAt] : undefined;
        const executed = executedAt >= 0 ? figs[executedAt] : undefined;
        const carry = carryAt >= 0 ? figs[carryAt] : undefined;
        if (budget && executed && carry && !carry.blank && !budget.blank) {
          out.push({
            kind: "project",
            table: table.id,
            sheet: table.sheet,
            target: carry,
            terms: [
              { figure: budget, sign: 1 },
              { figure: executed, sign: -1 },
            ],
            targetKey: "carryover",
            termKeys: ["budget", "executed"],
            rowName: name ?? rowName(row),
            row: row.row,
          });
        }
      }
    }
    if (def.hasSummaryRow) {
      const summary = rows.find((r) => r.row.isSummary);
      if (!summary) continue;
      // 小计 rows (局机关小计, 二级单位小计) sum their group: the 汇总 row adds the rows that are not 小计,
      // and each 小计 is checked against its group — the rows under it when the table opens with a 小计,
      // else the rows above it since the previous 小计.
      // Each row's name read and tested once (the filters below ask about every row).
      const subtotals = new Set(rows.filter((r) => !r.row.isSummary && /小计/.test(rowName(r.row))));
      const isSubtotal = (r: (typeof rows)[number]): boolean => subtotals.has(r);
      const others = rows.filter((r) => r !== summary && !r.row.isSummary && !isSubtotal(r));
      if (others.length === 0) continue;
      const groups: { head: (typeof rows)[number]; members: typeof rows }[] = [];
      const body = rows.filter((r) => r !== summary && !r.row.isSummary);
      if (body.some(isSubtotal)) {
        const headsFirst = isSubtotal(body[0]);
        let members: typeof rows = [];
        for (const r of headsFirst ? [...body].reverse() : body) {
          if (!isSubtotal(r)) members.push(r);
          else {
            groups.push({ head: r, members });
            members = [];
          }
        }
      }
      // One check per money column: the 汇总 row over the rows that are not 小计, each 小计 over its group.
      const push = (head: (typeof rows)[number], parts: typeof rows, k: number): void => {
        const target = head.figs[k];
        if (!target || parts.length === 0) return;
        const terms: Term[] = new Array<Term>(parts.length);
        let allBlank = true;
        for (let j = 0; j < parts.length; j++) {
          const f = parts[j].figs[k];
          if (!f) return;
          if (!f.blank) allBlank = false;
          terms[j] = plusTerm(parts[j], k);
        }
        if (allBlank) return;
        out.push({ kind: "summary", table: table.id, sheet: table.sheet, target, terms, targetKey: keys[k], termKeys: [], rowName: rowName(head.row), row: head.row.row });
      };
      for (let k = 0; k < keys.length; k++) {
        push(summary, others, k);
        for (const g of groups) push(g.head, g.members, k);
      }
    }
  }
  const footing: Footing = { checks: out, figures };
  // Tables on one sheet whose cells may overlap: find the figures of one cell (by key) now, before the
  // index is built. (Disjoint tables, the rule, have one figure per cell.)
  if (tablesMayOverlap(spans)) keyIndex(footing);
  for (const c of declaredChecks(model, footing, figures)) out.push(c);
  cache.set(model, footing);
  return footing;
}

/**
 * The relations the detected forms declare (项目资金's 其中 rows in each column, the fund splits, the
 * 决算 balances), as checks like the tables' own. A relation with an unreadable cell is left out; one
 * whose parts are all blank is a breakdown not filled in.
 */
function declaredChecks(model: ReportModel, footing: Footing, figures: Figure[]): SumCheck[] {
  const out: SumCheck[] = [];
  if (!model.relations?.length) return out;
  // A cell a relation reads again (a 合计 in two relations, a table cell) keeps its slot.
  const byKey = keyIndex(footing);
  const read = (bound: BoundCell, field: string): Figure | undefined => {
    const key = refKey(bound.ref);
    const known = byKey.get(key);
    const f = readFigure(bound, field, model.moneyUnit, known ?? figures.length);
    if (f && known === undefined) {
      byKey.set(key, figures.length);
      figures.push(f);
    }
    return f;
  };
  for (const rel of model.relations) {
    const target = read(rel.target.cell, rel.target.field);
    const terms: Term[] = [];
    let readable = target !== undefined;
    for (const t of rel.terms) {
      const figure = read(t.cell, t.field);
      if (!figure) readable = false;
      else terms.push({ figure, sign: t.sign });
    }
    if (!readable || !target || terms.every((t) => t.figure.blank)) continue;
    out.push({
      kind: "form",
      table: "form",
      sheet: rel.sheet,
      target,
      terms,
      targetKey: rel.target.label,
      termKeys: rel.terms.map((t) => t.label),
      rowName: rel.where,
      row: parseA1(target.ref.address).row,
      declared: rel,
    });
  }
  return out;
}

/** Where a table's figures lie: its sheet, its columns and its rows. */
interface TableSpan {
  readonly sheet: string;
  readonly cols: ReadonlySet<number>;
  readonly minRow: number;
  readonly maxRow: number;
}

function spanOf(sheet: string, figures: readonly Figure[], from: number): TableSpan {
  const cols = new Set<number>();
  let minRow = Infinity;
  let maxRow = -Infinity;
  for (let i = from; i < figures.length; i++) {
    const f = figures[i];
    cols.add(f.col);
    minRow = Math.min(minRow, f.row);
    maxRow = Math.max(maxRow, f.row);
  }
  return { sheet, cols, minRow, maxRow };
}

/** Whether two tables may have read one cell: same sheet, a common column, overlapping rows. */
function tablesMayOverlap(spans: readonly TableSpan[]): boolean {
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i];
      const b = spans[j];
      if (a.sheet !== b.sheet || a.maxRow < b.minRow || b.maxRow < a.minRow) continue;
      for (const c of a.cols) if (b.cols.has(c)) return true;
    }
  }
  return false;
}

/**
 * The slot of each key (`Sheet!A1`) of the model's figures — the first, when a cell was read twice
 * (then `canonical` maps every slot to it) — built once when first needed.
 */
function keyIndex(footing: Footing): Map<string, number> {
  if (footing.byKey) return footing.byKey;
  const byKey = new Map<string, number>();
  const figures = footing.figures;
  for (let s = 0; s < figures.length; s++) {
    const known = byKey.get(figures[s].key);
    if (known === undefined) byKey.set(figures[s].key, s);
    else {
      if (!footing.canonical) {
        footing.canonical = new Int32Array(figures.length);
        for (let i = 0; i < figures.length; i++) footing.canonical[i] = i;
      }
      footing.canonical[s] = known;
    }
  }
  footing.byKey = byKey;
  return byKey;
}

/** The slot under which a figure's checks are listed (its own, or the first slot of its cell). */
function slotOf(footing: Footing, slot: number): number {
  const canonical = footing.canonical;
  return canonical !== undefined && slot < canonical.length ? canonical[slot] : slot;
}

/** The checks by slot (see Footing), built on first use: two passes over the checks' cells. */
function checkIndex(footing: Footing): NonNullable<Footing["index"]> {
  if (footing.index) return footing.index;
  const { checks, figures } = footing;
  const start = new Int32Array(figures.length + 1);
  for (const c of checks) {
    start[slotOf(footing, c.target.slot) + 1]++;
    for (const t of c.terms) start[slotOf(footing, t.figure.slot) + 1]++;
  }
  for (let s = 0; s < figures.length; s++) start[s + 1] += start[s];
  const end = start.slice(0, figures.length);
  const list = new Array<SumCheck>(start[figures.length]);
  const put = (slot: number, check: SumCheck): void => {
    // A figure twice in one check (never in the schema, but cheap to guard) is listed once.
    if (end[slot] > start[slot] && list[end[slot] - 1] === check) return;
    list[end[slot]++] = check;
  };
  for (const c of checks) {
    put(slotOf(footing, c.target.slot), c);
    for (const t of c.terms) put(slotOf(footing, t.figure.slot), c);
  }
  footing.index = { start, end, list };
  return footing.index;
}

/** The checks of one slot, in check order (a new array). */
function checksOfSlot(footing: Footing, slot: number): SumCheck[] {
  const { start, end, list } = checkIndex(footing);
  return list.slice(start[slot], end[slot]);
}

/**
 * The checks of `sumChecks(model)` that involve each figure (as target or term), by figure key, each
 * list in check order. Prefer checksOf / checksInvolving: this builds a Map of every cell.
 */
export function checksByFigure(model: ReportModel): ReadonlyMap<string, readonly SumCheck[]> {
  const footing = footingOf(model);
  const out = new Map<string, readonly SumCheck[]>();
  for (const [key, slot] of keyIndex(footing)) {
    const list = checksOfSlot(footing, slot);
    if (list.length > 0) out.set(key, list);
  }
  return out;
}

/** The checks involving a cell (`Sheet!A1`), in check order. */
export function checksInvolving(model: ReportModel, key: string): readonly SumCheck[] {
  const footing = footingOf(model);
  const slot = keyIndex(footing).get(key);
  return slot === undefined ? [] : checksOfSlot(footing, slot);
}

/**
 * The checks involving a figure, in check order: checksInvolving(model, figure.key), found by the
 * figure's slot when it is one of the model's check figures (or a copy of one), without a look-up by key.
 */
export function checksOf(model: ReportModel, figure: Figure): readonly SumCheck[] {
  const footing = footingOf(model);
  const slot = figure.slot;
  const mine = slot >= 0 && slot < footing.figures.length ? footing.figures[slot] : undefined;
  if (mine !== undefined && (mine === figure || mine.key === figure.key)) return checksOfSlot(footing, slotOf(footing, slot));
  return checksInvolving(model, figure.key);
}

/** The header of a column as written in the workbook (falls back to the schema label). */
export function columnLabel(model: ReportModel, table: TableId, key: string): string {
  const col = model.tables[table]?.columns.find((c) => c.key === key);
  if (col && col.header.trim()) return col.header.trim();
  return tableDef(table).columns.find((c) => c.key === key)?.label ?? key;
}

/** The money scalars compared by no-unit-mistake. */
export const MONEY_SCALARS: readonly ScalarFieldId[] = ["jx_budget_initial", "jx_budget_adjusted", "jx_executed"];

/** Read a money scalar, or undefined when absent or unreadable. */
export function readMoneyScalar(model: ReportModel, id: ScalarFieldId): Figure | undefined {
  const b = model.scalars[id];
  return b ? readMoney(b, id, model.moneyUnit) : undefined;
}
