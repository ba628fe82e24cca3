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

/** readMoney, the figure numbered `slot` among the cells of the model's checks (-1 outside them). */
function readFigure(bound: BoundCell, field: string, moneyUnit: string, slot: number): Figure | undefined {
  if (!readCell(bound, moneyUnit)) return undefined;
  const { row, col } = rowColOf(bound.ref.address);
  const r = lastRead;
  return new MoneyFigure(refKey(bound.ref), bound.ref, field, r.formula, bound.cell, r.blank, r.value, r.decimals, r.written, row, col, slot);
}

/**
 * What readCell read last. One reusable record instead of a Figure per cell: the footing of a workbook
 * reads every money cell into flat arrays (see Footing) and builds Figure objects only for the cells a
 * rule asks about. (The core is synchronous: one read at a time.)
 */
const lastRead = { value: 0.5, decimals: 0.5, written: 0.5, blank: false, formula: false };
// (Started at fractions so that its number fields hold doubles from the start: no map change at the
// first fraction read.)

function setRead(blank: boolean, formula: boolean, value: number, decimals: number, written: number): true {
  lastRead.blank = blank;
  lastRead.formula = formula;
  lastRead.value = value;
  lastRead.decimals = decimals;
  lastRead.written = written;
  return true;
}

/**
 * Read a money cell into `lastRead`; false when the cell cannot take part in footing (text, an error,
 * a percentage, or a unit that is not money).
 */
function readCell(bound: BoundCell, moneyUnit: string): boolean {
  const cell = bound.cell;
  // A stored number (nearly every money cell) is read here as parseCell reads it, without its Parsed
  // object and raw string: a workbook has a figure per money cell.
  if (cell !== undefined && cell.error === undefined && typeof cell.value === "number") return readStoredMoney(cell, cell.value, moneyUnit);
  const parsed: Parsed = parseCell(cell);
  if (parsed.kind === "blank") return setRead(true, cell?.formula !== undefined, 0, Infinity, Infinity);
  if (parsed.kind !== "number" || parsed.percent) return false;
  let value = parsed.value;
  let decimals = parsed.decimals;
  // In a money cell a bare 万 / 亿 (`1711.75万`) can only mean 万元 / 亿元.
  const unit = parsed.unit !== undefined ? (BARE_MONEY_UNITS[parsed.unit.trim()] ?? parsed.unit) : undefined;
  if (unit !== undefined && unit !== moneyUnit) {
    if (moneyFactor(unit) === undefined) return false;
    const converted = convertUnit(value, unit, moneyUnit);
    const shift = decimalShift(unit, moneyUnit);
    if (converted === undefined || shift === undefined) return false;
    value = converted;
    decimals += shift;
  }
  const formula = cell?.formula !== undefined;
  // A written 0 is nothing, exactly: its rounding interval must not make room for a slip elsewhere
  // (`0.02 = 0.021 + 0.00 + 0.00` is no evidence that two cells were typed in 元).
  if (value === 0) return setRead(false, formula, 0, Infinity, decimals);
  const formatted = !parsed.fromText && formatInfo(cell?.numberFormat).decimals !== undefined;
  // An amount written in another unit (`5.33亿元` in a 万元 table) is as precise as it was written there:
  // 53300 ± 50 万元, not ± 0.005. The money floor is for figures in the workbook's own unit.
  const converted = unit !== undefined && unit !== moneyUnit;
  const shown = formatted || converted ? decimals : Math.max(decimals, MIN_MONEY_DECIMALS);
  // What the reader sees is the rounded value; the interval is centred on it.
  return setRead(false, formula, formatted ? roundTo(value, decimals) : value, shown, decimals);
}

/** readCell of a cell holding a stored number: parseCell's number branch and readCell's arithmetic. */
function readStoredMoney(cell: CellSnapshot, v: number, moneyUnit: string): boolean {
  if (isAbnormalNumber(v)) return false;
  const info = formatInfo(cell.numberFormat);
  if (info.percent) return false;
  let value = Object.is(v, -0) ? 0 : v;
  let decimals = info.decimals ?? writtenDecimals(v);
  const unit = info.unit !== undefined ? (BARE_MONEY_UNITS[info.unit.trim()] ?? info.unit) : undefined;
  const converted = unit !== undefined && unit !== moneyUnit;
  if (converted) {
    if (moneyFactor(unit) === undefined) return false;
    const to = convertUnit(value, unit, moneyUnit);
    const shift = decimalShift(unit, moneyUnit);
    if (to === undefined || shift === undefined) return false;
    value = to;
    decimals += shift;
  }
  const formula = cell.formula !== undefined;
  if (value === 0) return setRead(false, formula, 0, Infinity, decimals);
  const formatted = info.decimals !== undefined;
  const shown = formatted || converted ? decimals : Math.max(decimals, MIN_MONEY_DECIMALS);
  return setRead(false, formula, formatted ? roundTo(value, decimals) : value, shown, decimals);
}

/** Row and column (1-based) of an address; 0 and 0 for something that is not an address (never thrown). */
function rowColOf(address: string): { row: number; col: number } {
  const row = a1Row(address);
  return { row, col: lastCol };
}

/** The column a1Row read last (a second return value without an object per cell). */
let lastCol = 0;

/** The row of an address, its column left in lastCol: straight from the characters for a plain address. */
function a1Row(address: string): number {
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
  lastCol = col;
  return row;
}

/**
 * The class of every figure footing reads. A class, not an object literal: a literal carries an
 * allocation site that V8 tracks per object (mementos, pretenuring), and one hidden class keeps the
 * loops over figures monomorphic.
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
  const ft = ModelCheck.flat(check);
  if (ft !== undefined) return holdsAsIsAt(ft, (check as ModelCheck).id, overridesBySlot(ft, overrides));
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


/** Judge a check, optionally with some figures replaced. */
export function evaluate(check: SumCheck, overrides?: Overrides): CheckResult {
  const ft = ModelCheck.flat(check);
  if (ft !== undefined) return evaluateAt(ft, (check as ModelCheck).id, overridesBySlot(ft, overrides));
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


/** The 小计 rows (局机关小计, 二级单位小计): rowName(row) contains 小计 (trimming cannot change that). */
function isSubtotalRow(row: TableRow): boolean {
  const v = row.cells.name?.cell?.value;
  return v !== null && v !== undefined && String(v).includes("小计");
}

function moneyKeys(table: TableBinding): string[] {
  const def = tableDef(table.id);
  const present = new Set(table.columns.map((c) => c.key));
  return def.columns.filter((c) => c.money && present.has(c.key)).map((c) => c.key);
}

/** A growable Int32Array (the number of checks and terms is known only once they are built). */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Check kinds as stored in Footing.kind. */
const ROW = 0;
const SUMMARY = 1;
const PROJECT = 2;
const FORM = 3;
const KINDS: readonly CheckKind[] = ["row", "summary", "project", "form"];

/** A money table as footing reads it: its money keys and its relations as positions among them. */
interface FootedTable {
  readonly id: TableId;
  readonly sheet: string;
  readonly keys: readonly string[];
  /** Field id of each money key (`jx_expense.basic`). */
  readonly fields: readonly string[];
  readonly relations: readonly Relation[];
  readonly rows: readonly TableRow[];
  /** Sheet column (1-based) of each money key, from the table's columns. */
  readonly cols: readonly number[];
  /** Its slots: firstSlot … endSlot − 1. */
  readonly firstSlot: number;
  endSlot: number;
}

/** A table relation with its cells as positions among the table's money keys. */
interface Relation {
  readonly total: string;
  readonly totalAt: number;
  /** The parts the table has (keys and positions), in the relation's order. */
  readonly parts: readonly string[];
  readonly partsAt: readonly number[];
}

/**
 * A model's checks and the cells they read, as flat arrays. Every money cell read is a slot: its value,
 * displayed decimals (and their half-width), flags, row and column sit in typed arrays at that slot;
 * a check is its kind, its target's slot and a run of term slots with signs. Judging every check as
 * written is then a few float additions per term over these arrays, with no object per cell: a workbook
 * of 2 000 institutions has ≈ 30 000 money cells and 10 000 checks, nearly all of which hold.
 *
 * Figure, Term and SumCheck objects are built on demand (figureAt, checkAt), each once, for the cells
 * and checks a rule asks about — usually those of the few checks that fail.
 *
 * The checks of each slot are kept in one flat array, grouped by slot (`list[start[s]] … list[end[s] − 1]`,
 * check numbers in check order), built when first asked.
 */
export interface Footing {
  readonly tables: readonly FootedTable[];
  /** Number of slots. */
  size: number;
  readonly value: Float64Array;
  /**
   * Displayed and written decimals (see decimalsAt, writtenAt, halfAt), as small codes: whole numbers of
   * decimals, CODE_INFINITY for a blank's or a 0's, CODE_OTHER for anything else (kept exactly in
   * `otherDecimals` / `otherWritten`). Two bytes a cell instead of eight: a fresh array costs in
   * proportion to its size, and footing allocates one of each per model.
   */
  readonly decimalsCode: Int16Array;
  readonly writtenCode: Int16Array;
  readonly otherDecimals: Map<number, number>;
  readonly otherWritten: Map<number, number>;
  /** 1 for a blank cell. */
  readonly blank: Uint8Array;
  readonly formula: Uint8Array;
  // (No row and column arrays: a table slot's row is its table row's and its column its key's, see
  // rowAt and colAt — two fewer arrays of a number per cell to allocate and fill.)
  /**
   * Where a table slot's cell is: its row (index among the table's rows) and money key (index among
   * its keys) — numbers, not a pointer per cell (see boundOf). Slots from `tableSlots` on are cells
   * the form relations read (`extra`).
   */
  readonly srcRow: Int32Array;
  readonly srcKey: Uint16Array;
  tableSlots: number;
  /** Money cells of the tables that could not be read (text, error values): none, usually. */
  unreadable: number;
  /** Whether every table slot's cell is on its table's sheet (then sheetAt need not find the cell). */
  onTableSheets: boolean;
  readonly extra: { readonly bound: BoundCell; readonly field: string; readonly row: number; readonly col: number }[];
  /** The Figure of each slot, built when first asked (figureAt). */
  readonly figures: (Figure | undefined)[];
  /** A `+figure` term per slot, shared by the checks that add it (termOf). */
  readonly plusTerms: (Term | undefined)[];
  /** Number of checks. */
  count: number;
  kind: Uint8Array;
  target: Int32Array;
  /** Terms of check c: termSlot[termStart[c]] … termSlot[termStart[c + 1] − 1]. */
  termStart: Int32Array;
  termSlot: Int32Array;
  termSign: Int8Array;
  /** The schema table (index into tables) of a check; -1 for a form's. */
  table: Int32Array;
  /** Row check: its relation (index into the table's relations); summary check: its money key's index. */
  aux: Int32Array;
  /** The table row (row, project and summary checks) or declared relation (form checks) of each check. */
  source: (TableRow | DeclaredSum)[];
  /** The SumCheck of each check, built when first asked (checkAt); form checks are built at once. */
  readonly checks: (SumCheck | undefined)[];
  /** Verdicts as written (1: fails), judged when first asked (failingChecks). */
  failing?: Uint8Array;
  failingSet?: ReadonlySet<SumCheck>;
  all?: readonly SumCheck[];
  index?: { readonly start: Int32Array; readonly end: Int32Array; readonly list: Int32Array };
  /**
   * The checks of the cells of the checks that fail as written (by canonical slot, check numbers in
   * check order), built before the full index is needed (see checkIdsOf): the rules ask about those
   * cells, and a workbook with a few failing checks need not list every cell's checks.
   */
  focus?: ReadonlyMap<number, readonly number[]>;
  /** Slot by `Sheet!A1`, built for a look-up by key (or when form relations read table cells again). */
  byKey?: Map<string, number>;
  /** Slots of the keys looked up before byKey was built (slotForKey). */
  keySlots?: Map<string, number>;
  /**
   * When two tables read one cell (it has two slots): the first slot of each slot's key, by slot, so
   * that the cell's checks are listed together as by key. Undefined when no cell is read twice.
   */
  canonical?: Int32Array;
}

/** A SumCheck built from a Footing: its number among the model's checks (for the flat searches). */
class ModelCheck implements SumCheck {
  /** The footing of a table's check, whose terms are built when first read; undefined for a form's. */
  readonly #ft: Footing | undefined;
  #terms: readonly Term[] | undefined;
  constructor(
    readonly id: number,
    ft: Footing | undefined,
    readonly kind: CheckKind,
    readonly table: TableId | "form",
    readonly sheet: string,
    readonly target: Figure,
    terms: readonly Term[] | undefined,
    readonly targetKey: string,
    readonly termKeys: readonly string[],
    readonly rowName: string,
    readonly row: number,
    readonly declared: DeclaredSum | undefined,
  ) {
    this.#ft = ft;
    this.#terms = terms;
  }

  /**
   * The terms, built when first read: a 汇总 check has a term per institution, and the rules judge a
   * table's check over the flat arrays (evaluate, holdsAsIs) without reading them.
   */
  get terms(): readonly Term[] {
    if (this.#terms === undefined) this.#terms = termsOf(this.#ft as Footing, this.id);
    return this.#terms;
  }

  /** The footing a table's check is judged on (undefined for a form's check, judged on its objects). */
  static flat(check: SumCheck): Footing | undefined {
    return check instanceof ModelCheck ? check.#ft : undefined;
  }
}

/** The terms of table check `c`. */
function termsOf(ft: Footing, c: number): Term[] {
  const from = ft.termStart[c];
  const to = ft.termStart[c + 1];
  const terms = new Array<Term>(to - from);
  for (let j = from; j < to; j++) terms[j - from] = termOf(ft, ft.termSlot[j], ft.termSign[j]);
  return terms;
}

/** The footing of a table's check (undefined for a form's check or one built elsewhere). */
export function flatOf(check: SumCheck): Footing | undefined {
  return ModelCheck.flat(check);
}

/** The number of a model's check (-1 for a check built elsewhere). */
export function checkIdOf(check: SumCheck): number {
  return check instanceof ModelCheck ? check.id : -1;
}

const cache = new WeakMap<ReportModel, Footing>();

/**
 * Every sum check of the model: the TableDef row relations on every non-blank row, the 汇总 row of the
 * money tables against the sum of the other non-blank rows (column by column), and each project row's
 * 预算 = 执行 + 结转结余 (only where 结转结余 is filled). Checks with an unreadable cell are left out
 * (other rules report text and errors), as are checks whose parts are all blank (a breakdown not
 * filled in is missing data, not a wrong sum).
 *
 * This builds an object per check and per cell: prefer failingChecks, checksOf, tableChecks and
 * formChecks, which build only what they return.
 */
export function sumChecks(model: ReportModel): readonly SumCheck[] {
  const ft = footingOf(model);
  if (ft.all) return ft.all;
  const all = new Array<SumCheck>(ft.count);
  for (let c = 0; c < ft.count; c++) all[c] = checkAt(ft, c);
  ft.all = all;
  return all;
}

/** The checks of one schema table (row, project and 汇总 checks), in check order. */
export function tableChecks(model: ReportModel, table: TableId): readonly SumCheck[] {
  const ft = footingOf(model);
  const out: SumCheck[] = [];
  const at = ft.tables.findIndex((t) => t.id === table);
  if (at < 0) return out;
  for (let c = 0; c < ft.count; c++) if (ft.table[c] === at) out.push(checkAt(ft, c));
  return out;
}

/** The relations the detected forms declare, as checks (kind `form`), in check order. */
export function formChecks(model: ReportModel): readonly SumCheck[] {
  const ft = footingOf(model);
  const out: SumCheck[] = [];
  for (let c = 0; c < ft.count; c++) if (ft.kind[c] === FORM) out.push(checkAt(ft, c));
  return out;
}

/** The model's footing (slots and checks as flat arrays), built once per model. */
export function footingOf(model: ReportModel): Footing {
  const hit = cache.get(model);
  if (hit) return hit;
  const tables: FootedTable[] = [];
  // Every money cell of every table (and every cell a form relation names) may take a slot. (Each
  // array is allocated once at its final size: growing arrays of this size cost more than filling them.)
  let capacity = 0;
  for (const table of Object.values(model.tables)) if (table) capacity += table.rows.length * moneyKeys(table).length;
  for (const rel of model.relations ?? []) capacity += 1 + rel.terms.length;
  // The slot arrays are views of one buffer (20 bytes a slot), widest first so that each view is
  // aligned: one fresh allocation instead of seven.
  const buffer = new ArrayBuffer(20 * capacity);
  const ft: Footing = {
    tables,
    size: 0,
    value: new Float64Array(buffer, 0, capacity),
    decimalsCode: new Int16Array(buffer, 12 * capacity, capacity),
    writtenCode: new Int16Array(buffer, 14 * capacity, capacity),
    otherDecimals: new Map(),
    otherWritten: new Map(),
    blank: new Uint8Array(buffer, 18 * capacity, capacity),
    formula: new Uint8Array(buffer, 19 * capacity, capacity),
    srcRow: new Int32Array(buffer, 8 * capacity, capacity),
    srcKey: new Uint16Array(buffer, 16 * capacity, capacity),
    tableSlots: 0,
    unreadable: 0,
    onTableSheets: true,
    extra: [],
    figures: [],
    plusTerms: [],
    count: 0,
    kind: new Uint8Array(0),
    target: new Int32Array(0),
    termStart: new Int32Array(0),
    termSlot: new Int32Array(0),
    termSign: new Int8Array(0),
    table: new Int32Array(0),
    aux: new Int32Array(0),
    source: [],
    checks: [],
    // Every field from the start, those built later too: one hidden class for every footing, so that
    // the loops over it stay monomorphic.
    failing: undefined,
    failingSet: undefined,
    all: undefined,
    index: undefined,
    focus: undefined,
    byKey: undefined,
    keySlots: undefined,
    canonical: undefined,
  };
  const b = builder;
  b.reset();
  const spans: TableSpan[] = [];
  for (const table of Object.values(model.tables)) {
    if (!table) continue;
    const def = tableDef(table.id);
    const keys = moneyKeys(table);
    if (keys.length === 0) continue;
    const fields = keys.map((k) => `${table.id}.${k}`);
    const at = new Map(keys.map((k, i) => [k, i]));
    const ti = tables.length;
    // A relation's cells the table does not have as money columns are never read (the Map had no entry).
    const relations: Relation[] = def.relations.map((rel) => {
      const parts = rel.parts.filter((p) => at.has(p));
      return { total: rel.total, totalAt: at.get(rel.total) ?? -1, parts, partsAt: parts.map((p) => at.get(p) as number) };
    });
    const rows = table.rows;
    // (The last column of a key: mapping binds a row's cells column by column, so that one is the row's.)
    const cols = keys.map((k) => table.columns.reduce((col, c) => (c.key === k ? c.col : col), 0));
    const footed: FootedTable = { id: table.id, sheet: table.sheet, keys, fields, relations, rows, cols, firstSlot: ft.size, endSlot: ft.size };
    tables.push(footed);
    const first = ft.size;
    // (Reading, the row checks and the 汇总 checks are functions of their own: each loops over every cell or
    // row, and a small function is optimised sooner and at less cost than one that does everything.)
    const { grid, live } = readTableCells(ft, model.moneyUnit, footed);
    footed.endSlot = ft.size;
    // (Set table by table: rowAt, colAt and boundOf tell a table's slots by it.)
    ft.tableSlots = ft.size;
    spans.push(spanOf(ft, footed, first));
    rowChecks(ft, b, footed, ti, grid, live, at);
    if (def.hasSummaryRow) summaryChecks(ft, b, footed, ti, grid, live);
  }
  ft.tableSlots = ft.size;
  // Tables on one sheet whose cells may overlap: find the slots of one cell (by key) now, before the
  // index is built. (Disjoint tables, the rule, have one slot per cell.)
  if (tablesMayOverlap(spans)) keyIndex(ft);
  const declared = declaredChecks(model, ft, b);
  b.finish(ft);
  for (const c of declared) ft.checks[c.id] = c;
  cache.set(model, ft);
  return ft;
}

/**
 * Read every money cell of a table into new slots. Returns the slot of each row's money cell, row by
 * row (UNREADABLE for text or errors, ABSENT for a column the row lacks: a grid of numbers instead of
 * an array of figures per row), and the rows with a money cell that is not blank (the others take no
 * part in footing).
 */
function readTableCells(ft: Footing, moneyUnit: string, table: FootedTable): { grid: Int32Array; live: number[] } {
  const { rows, keys, sheet } = table;
  const K = keys.length;
  // Scratch space shared by every table and model (each entry below row count × K is written before
  // it is read, and the grid is not kept once the table's checks are built): a fresh array per table
  // was a quarter of a megabyte per model at 2 000 institutions.
  if (gridScratch.length < rows.length * K) gridScratch = new Int32Array(Math.max(rows.length * K, 2 * gridScratch.length));
  const grid = gridScratch;
  const live: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r].cells;
    let blankRow = true;
    for (let i = 0; i < K; i++) {
      const cell = cells[keys[i]];
      if (!cell) {
        grid[r * K + i] = ABSENT;
        continue;
      }
      if (!readCell(cell, moneyUnit)) {
        grid[r * K + i] = UNREADABLE;
        ft.unreadable++;
        blankRow = false;
        continue;
      }
      grid[r * K + i] = store(ft, r, i);
      if (cell.ref.sheet !== sheet) ft.onTableSheets = false;
      if (!lastRead.blank) blankRow = false;
    }
    if (!blankRow) live.push(r);
  }
  return { grid, live };
}

/** The row checks of a table's live rows (its relations, and a project row's 结转结余), in row order. */
function rowChecks(ft: Footing, b: CheckBuilder, table: FootedTable, ti: number, grid: Int32Array, live: readonly number[], at: ReadonlyMap<string, number>): void {
  const { rows, relations } = table;
  const K = table.keys.length;
  const budgetAt = at.get("budget") ?? -1;
  const executedAt = at.get("executed") ?? -1;
  const carryAt = at.get("carryover") ?? -1;
  // Indexed loops here and below: a workbook is footed once, mostly before V8 optimises this code, and
  // an interpreted `for … of` allocates an iterator result per element.
  for (let li = 0; li < live.length; li++) {
    const r = live[li];
    const row = rows[r];
    const base = r * K;
    for (let ri = 0; ri < relations.length; ri++) {
      const rel = relations[ri];
      const target = rel.totalAt >= 0 ? grid[base + rel.totalAt] : ABSENT;
      if (target < 0) continue;
      // An unreadable part leaves the check out; a part the row lacks is no part.
      let readable = true;
      let allBlank = true;
      const partsAt = rel.partsAt;
      for (let pi = 0; pi < partsAt.length; pi++) {
        const s = grid[base + partsAt[pi]];
        if (s === UNREADABLE) {
          readable = false;
          break;
        }
        if (s >= 0 && ft.blank[s] === 0) allBlank = false;
      }
      if (!readable) continue;
      // All parts blank: the breakdown was not filled in (hefei-2024 gives 基本支出 without 人员/公用).
      // That is missing data, not a sum that fails; a blank total over filled parts still counts.
      if (allBlank) continue;
      b.begin(ROW, ti, ri, row, target);
      for (let pi = 0; pi < partsAt.length; pi++) if (grid[base + partsAt[pi]] >= 0) b.term(grid[base + partsAt[pi]], 1);
    }
    if (table.id === "jx_projects") {
      const budget = budgetAt >= 0 ? grid[base + budgetAt] : ABSENT;
      const executed = executedAt >= 0 ? grid[base + executedAt] : ABSENT;
      const carry = carryAt >= 0 ? grid[base + carryAt] : ABSENT;
      if (budget >= 0 && executed >= 0 && carry >= 0 && ft.blank[carry] === 0 && ft.blank[budget] === 0) {
        b.begin(PROJECT, ti, -1, row, carry);
        b.term(budget, 1);
        b.term(executed, -1);
      }
    }
  }
}

/**
 * The 汇总 checks of a table with a 汇总 row: one per money column, the 汇总 row over the rows that are
 * not 小计, and each 小计 over its group. (A function of its own, like rowChecks: its loops run over every
 * row, and V8 compiles the whole function around a hot loop.)
 */
function summaryChecks(ft: Footing, b: CheckBuilder, table: FootedTable, ti: number, grid: Int32Array, live: readonly number[]): void {
  const rows = table.rows;
  const K = table.keys.length;
  const summary = live.find((r) => rows[r].isSummary);
  if (summary === undefined) return;
  // 小计 rows (局机关小计, 二级单位小计) sum their group: the 汇总 row adds the rows that are not 小计,
  // and each 小计 is checked against its group — the rows under it when the table opens with a 小计,
  // else the rows above it since the previous 小计.
  // One pass (not three filters with a closure call per row): the body is every row but the 汇总
  // rows, the 小计 rows are the body's subtotals, the others the rest of the body.
  // A category's own row (一 | 公共卫生服务类 over its projects 1, 2, 3) names its members (table-reader.ts).
  const subtotal = new Set<number>();
  const categories: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < live.length; i++) {
    const r = live[i];
    if (rows[r].isSummary) continue;
    if (rows[r].subtotalOf) categories.push(r);
    else if (isSubtotalRow(rows[r])) subtotal.add(r);
    else others.push(r);
  }
  if (others.length === 0) return;
  const groups: { head: number; members: number[] }[] = [];
  for (const c of categories) {
    const of = new Set(rows[c].subtotalOf);
    groups.push({ head: c, members: live.filter((r) => of.has(rows[r].row)) });
  }
  if (subtotal.size > 0) {
    const body = live.filter((r) => !rows[r].isSummary && !rows[r].subtotalOf);
    const headsFirst = subtotal.has(body[0]);
    let members: number[] = [];
    for (const r of headsFirst ? [...body].reverse() : body) {
      if (!subtotal.has(r)) members.push(r);
      else {
        groups.push({ head: r, members });
        members = [];
      }
    }
  }
  for (let k = 0; k < K; k++) {
    summaryCheck(ft, b, table, ti, grid, summary, others, k);
    for (const g of groups) summaryCheck(ft, b, table, ti, grid, g.head, g.members, k);
  }
}

/** One 汇总 (or 小计) check: row `head` of column k over the rows `parts`, unless a part is unreadable or all are blank. */
function summaryCheck(ft: Footing, b: CheckBuilder, table: FootedTable, ti: number, grid: Int32Array, head: number, parts: readonly number[], k: number): void {
  const K = table.keys.length;
  const target = grid[head * K + k];
  if (target < 0 || parts.length === 0) return;
  let allBlank = true;
  for (let i = 0; i < parts.length; i++) {
    const s = grid[parts[i] * K + k];
    if (s < 0) return;
    if (ft.blank[s] === 0) allBlank = false;
  }
  if (allBlank) return;
  b.begin(SUMMARY, ti, k, table.rows[head], target);
  for (let i = 0; i < parts.length; i++) b.term(grid[parts[i] * K + k], 1);
}

/** See readTableCells. */
let gridScratch = new Int32Array(0);

/** Grid entries that are not slots: an unreadable cell (text, an error) and a column the row lacks. */
const UNREADABLE = -1;
const ABSENT = -2;

/** Store `lastRead` of a cell (its row index and key index in its table) as a new slot; returns the slot. */
function store(ft: Footing, srcRow: number, srcKey: number): number {
  const s = ft.size++;
  const r = lastRead;
  ft.value[s] = r.value;
  ft.decimalsCode[s] = codeOf(r.decimals, s, ft.otherDecimals);
  ft.writtenCode[s] = codeOf(r.written, s, ft.otherWritten);
  ft.blank[s] = r.blank ? 1 : 0;
  ft.formula[s] = r.formula ? 1 : 0;
  ft.srcRow[s] = srcRow;
  ft.srcKey[s] = srcKey;
  return s;
}

/** Codes of decimalsCode / writtenCode that are not a whole number of decimals. */
const CODE_INFINITY = 32767;
const CODE_OTHER = -32768;

/** The code of a number of decimals (anything but a small whole number is kept in `other`). */
function codeOf(d: number, s: number, other: Map<number, number>): number {
  if (d === Infinity) return CODE_INFINITY;
  if (Number.isInteger(d) && d > CODE_OTHER && d < CODE_INFINITY && !Object.is(d, -0)) return d;
  other.set(s, d);
  return CODE_OTHER;
}

/** The displayed decimals of a slot (Infinity for a blank or a 0). */
export function decimalsAt(ft: Footing, s: number): number {
  const code = ft.decimalsCode[s];
  if (code === CODE_INFINITY) return Infinity;
  return code === CODE_OTHER ? (ft.otherDecimals.get(s) as number) : code;
}

/** The written decimals of a slot. */
export function writtenAt(ft: Footing, s: number): number {
  const code = ft.writtenCode[s];
  if (code === CODE_INFINITY) return Infinity;
  return code === CODE_OTHER ? (ft.otherWritten.get(s) as number) : code;
}

/** halfWidth(decimalsAt(ft, s)): from the table for the usual decimals (the judging loops ask per term). */
export function halfAt(ft: Footing, s: number): number {
  const code = ft.decimalsCode[s];
  if (code >= -8 && code <= 20) return HALVES[code + 8];
  return halfWidth(decimalsAt(ft, s));
}

/** The bound cell of a slot. */
export function boundOf(ft: Footing, s: number): BoundCell {
  if (s >= ft.tableSlots) return ft.extra[s - ft.tableSlots].bound;
  const t = tableOfSlot(ft, s);
  return t.rows[ft.srcRow[s]].cells[t.keys[ft.srcKey[s]]];
}

/**
 * The sheet row of a slot's cell (1-based): its table row's. Mapping binds each table cell at exactly
 * its row and column (table-reader's grid.bound), so the address need not be parsed.
 */
export function rowAt(ft: Footing, s: number): number {
  if (s >= ft.tableSlots) return ft.extra[s - ft.tableSlots].row;
  return tableOfSlot(ft, s).rows[ft.srcRow[s]].row;
}

/** The sheet column of a slot's cell (1-based): its money key's column (see rowAt). */
export function colAt(ft: Footing, s: number): number {
  if (s >= ft.tableSlots) return ft.extra[s - ft.tableSlots].col;
  return tableOfSlot(ft, s).cols[ft.srcKey[s]];
}

/** The sheet of a slot's cell (boundOf(ft, s).ref.sheet). */
export function sheetAt(ft: Footing, s: number): string {
  return s < ft.tableSlots && ft.onTableSheets ? tableOfSlot(ft, s).sheet : boundOf(ft, s).ref.sheet;
}

/** The field id of a slot's figure. */
function fieldOf(ft: Footing, s: number): string {
  if (s >= ft.tableSlots) return ft.extra[s - ft.tableSlots].field;
  return tableOfSlot(ft, s).fields[ft.srcKey[s]];
}

/** The table a slot was read from (a few tables: a scan of their slot ranges). */
function tableOfSlot(ft: Footing, s: number): FootedTable {
  const tables = ft.tables;
  for (let i = 0; i < tables.length; i++) if (s < tables[i].endSlot) return tables[i];
  throw new Error(`slot ${s} is not a table's`);
}

/**
 * Collects checks into flat arrays (Footing's check half), then copies them out at their final size.
 * One builder serves every model (`builder`): its buffers are scratch space, overwritten from the start
 * by each footingOf (never read across models), so that a model does not pay for growing them.
 */
class CheckBuilder {
  readonly kind: IntList;
  readonly target: IntList;
  readonly termStart: IntList;
  readonly table: IntList;
  readonly aux: IntList;
  source: (TableRow | DeclaredSum)[] = [];
  readonly termSlot: IntList;
  readonly termSign: IntList;
  constructor(capacity: number) {
    this.kind = new IntList(capacity);
    this.target = new IntList(capacity);
    this.termStart = new IntList(capacity);
    this.table = new IntList(capacity);
    this.aux = new IntList(capacity);
    this.termSlot = new IntList(capacity * 2);
    this.termSign = new IntList(capacity * 2);
  }
  reset(): void {
    this.kind.length = 0;
    this.target.length = 0;
    this.termStart.length = 0;
    this.table.length = 0;
    this.aux.length = 0;
    this.termSlot.length = 0;
    this.termSign.length = 0;
    this.source = [];
  }
  begin(kind: number, table: number, aux: number, source: TableRow | DeclaredSum, target: number): void {
    this.kind.push(kind);
    this.table.push(table);
    this.aux.push(aux);
    this.source.push(source);
    this.target.push(target);
    this.termStart.push(this.termSlot.length);
  }
  term(slot: number, sign: number): void {
    this.termSlot.push(slot);
    this.termSign.push(sign);
  }
  finish(ft: Footing): void {
    const n = this.kind.length;
    const terms = this.termSlot.length;
    ft.count = n;
    // Two buffers, each cut into views, instead of seven arrays: each fresh array has a cost of its own
    // besides its size (≈ 550 KiB in all at 2 000 institutions).
    const ints = new Int32Array(4 * n + 1 + terms);
    const bytes = new Uint8Array(n + terms);
    ft.kind = bytes.subarray(0, n);
    ft.kind.set(this.kind.data.subarray(0, n));
    ft.target = ints.subarray(0, n);
    ft.target.set(this.target.data.subarray(0, n));
    ft.table = ints.subarray(n, 2 * n);
    ft.table.set(this.table.data.subarray(0, n));
    ft.aux = ints.subarray(2 * n, 3 * n);
    ft.aux.set(this.aux.data.subarray(0, n));
    ft.source = this.source;
    const start = ints.subarray(3 * n, 4 * n + 1);
    start.set(this.termStart.data.subarray(0, n));
    start[n] = terms;
    ft.termStart = start;
    ft.termSlot = ints.subarray(4 * n + 1);
    ft.termSlot.set(this.termSlot.data.subarray(0, terms));
    ft.termSign = new Int8Array(bytes.buffer, n, terms);
    ft.termSign.set(this.termSign.data.subarray(0, terms));
    this.source = [];
  }
}

const builder = new CheckBuilder(1024);

/**
 * The relations the detected forms declare (项目资金's 其中 rows in each column, the fund splits, the
 * 决算 balances), as checks like the tables' own, added to the builder after them. A relation with an
 * unreadable cell is left out; one whose parts are all blank is a breakdown not filled in. These checks
 * are few, and their figures carry the form's own field ids: they are built as objects at once.
 */
function declaredChecks(model: ReportModel, ft: Footing, b: CheckBuilder): ModelCheck[] {
  const built: ModelCheck[] = [];
  if (!model.relations?.length) return built;
  // A cell a relation reads again (a 合计 in two relations, a table cell) keeps its slot.
  const byKey = keyIndex(ft);
  const read = (bound: BoundCell, field: string, exact = false): Figure | undefined => {
    const key = refKey(bound.ref);
    const known = byKey.get(key);
    let f = readFigure(bound, field, model.moneyUnit, known ?? ft.size);
    // Points: the number as stored, exactly (no rounding interval); shown as the clerk wrote it.
    if (f && exact && !f.blank && Number.isFinite(f.decimals)) {
      lastRead.decimals = Infinity;
      f = new MoneyFigure(f.key, f.ref, f.field, f.formula, f.cell, f.blank, f.value, Infinity, f.writtenDecimals, f.row, f.col, f.slot);
    }
    if (f && known === undefined) {
      byKey.set(key, ft.size);
      ft.extra.push({ bound, field, row: f.row, col: f.col });
      // lastRead still holds this cell (readFigure read it).
      ft.figures[store(ft, -1, -1)] = f;
    }
    return f;
  };
  // Points are read as stored: the number format's rounding is no tolerance for them.
  const stored = (bound: BoundCell): BoundCell => (bound.cell?.numberFormat !== undefined && typeof bound.cell.value === "number" ? { ref: bound.ref, cell: { ...bound.cell, numberFormat: undefined } } : bound);
  for (const rel of model.relations) {
    const as = rel.points ? stored : (x: BoundCell): BoundCell => x;
    const target = read(as(rel.target.cell), rel.target.field, rel.points);
    const terms: Term[] = [];
    let readable = target !== undefined;
    for (const t of rel.terms) {
      const figure = read(as(t.cell), t.field, rel.points);
      if (!figure) readable = false;
      else terms.push({ figure, sign: t.sign });
    }
    if (!readable || !target || terms.every((t) => t.figure.blank)) continue;
    const id = b.kind.length;
    b.begin(FORM, -1, -1, rel, target.slot);
    for (const t of terms) b.term(t.figure.slot, t.sign);
    const termKeys = rel.terms.map((t) => t.label);
    built.push(new ModelCheck(id, undefined, "form", "form", rel.sheet, target, terms, rel.target.label, termKeys, rel.where, parseA1(target.ref.address).row, rel));
  }
  return built;
}

/**
 * Whether some money cell of the model's tables cannot be read as money (text, an error value, a
 * percentage): when none, no rule need look for such cells row by row.
 */
export function hasUnreadableMoney(model: ReportModel): boolean {
  return footingOf(model).unreadable > 0;
}

/** The Figure of a slot, built once. */
export function figureAt(ft: Footing, slot: number): Figure {
  const hit = ft.figures[slot];
  if (hit !== undefined) return hit;
  const bound = boundOf(ft, slot);
  const f = new MoneyFigure(
    refKey(bound.ref),
    bound.ref,
    fieldOf(ft, slot),
    ft.formula[slot] === 1,
    bound.cell,
    ft.blank[slot] === 1,
    ft.value[slot],
    decimalsAt(ft, slot),
    writtenAt(ft, slot),
    rowAt(ft, slot),
    colAt(ft, slot),
    slot,
  );
  ft.figures[slot] = f;
  return f;
}

/** A term of a table check (a `+figure` term is shared by every check that adds the cell). */
function termOf(ft: Footing, slot: number, sign: number): Term {
  if (sign > 0) return (ft.plusTerms[slot] ??= { figure: figureAt(ft, slot), sign: 1 });
  return { figure: figureAt(ft, slot), sign: -1 };
}

/** The SumCheck of check number `c`, built once. */
export function checkAt(ft: Footing, c: number): SumCheck {
  const hit = ft.checks[c];
  if (hit !== undefined) return hit;
  // Form checks were built with the footing: here c is a table's check.
  const kind = ft.kind[c];
  const table = ft.tables[ft.table[c]];
  const row = ft.source[c] as TableRow;
  const n = ft.termStart[c + 1] - ft.termStart[c];
  const target = figureAt(ft, ft.target[c]);
  let check: SumCheck;
  if (kind === ROW) {
    const rel = table.relations[ft.aux[c]];
    // A part the row lacks is left out of the terms and of their keys.
    const termKeys = n < rel.parts.length ? rel.parts.filter((p) => Boolean(row.cells[p])) : rel.parts;
    check = new ModelCheck(c, ft, "row", table.id, table.sheet, target, undefined, rel.total, termKeys, rowName(row), row.row, undefined);
  } else if (kind === PROJECT) {
    check = new ModelCheck(c, ft, "project", table.id, table.sheet, target, undefined, "carryover", ["budget", "executed"], rowName(row), row.row, undefined);
  } else {
    check = new ModelCheck(c, ft, KINDS[kind], table.id, table.sheet, target, undefined, table.keys[ft.aux[c]], [], rowName(row), row.row, undefined);
  }
  ft.checks[c] = check;
  return check;
}

/**
 * Whether check `c` holds as written: holdsAsIs over the flat arrays — the same arithmetic in the same
 * order, so the same verdict, bit for bit. This loop is the whole cost of footing a workbook whose
 * sums hold: no object is read or built.
 */
function holdsFlat(ft: Footing, c: number): boolean {
  const { value, termSlot, termSign } = ft;
  const t = ft.target[c];
  const tValue = value[t];
  const tHalf = halfAt(ft, t);
  let lo = 0;
  let hi = 0;
  let scale = Math.abs(tValue);
  const to = ft.termStart[c + 1];
  for (let j = ft.termStart[c]; j < to; j++) {
    const s = termSlot[j];
    const v = value[s];
    const h = halfAt(ft, s);
    if (termSign[j] > 0) {
      lo += v - h;
      hi += v + h;
    } else {
      lo += -(v + h);
      hi += -(v - h);
    }
    scale = Math.max(scale, Math.abs(v));
  }
  const eps = 1e-9 * Math.max(1, scale);
  return lo <= tValue + tHalf + eps && tValue - tHalf <= hi + eps;
}

/**
 * The verdict of every check as written (1: fails), judged once per model. Form checks are judged on
 * their own figures (they may read a table cell again under the form's field).
 */
export function failingFlags(ft: Footing): Uint8Array {
  if (ft.failing) return ft.failing;
  const out = new Uint8Array(ft.count);
  for (let c = 0; c < ft.count; c++) {
    const ok = ft.kind[c] === FORM ? holdsAsIs(checkAt(ft, c)) : holdsFlat(ft, c);
    if (!ok) out[c] = 1;
  }
  ft.failing = out;
  return out;
}

/**
 * The checks of `sumChecks(model)` that fail as written (`!holdsAsIs`), in check order, found once per
 * model (usually none or a few: only these are built as objects). `holdsAsIs(check, overrides)`
 * depends only on the overrides of the check's own cells, so a check that no override touches keeps
 * this verdict.
 */
export function failingChecks(model: ReportModel): ReadonlySet<SumCheck> {
  const ft = footingOf(model);
  if (ft.failingSet) return ft.failingSet;
  const flags = failingFlags(ft);
  const out = new Set<SumCheck>();
  for (let c = 0; c < ft.count; c++) if (flags[c] === 1) out.add(checkAt(ft, c));
  ft.failingSet = out;
  return out;
}

/** Overrides by canonical slot (see overridesBySlot). */
export type SlotOverrides = ReadonlyMap<number, { readonly value: number; readonly decimals: number }>;

/**
 * The overrides of cells of this footing, by canonical slot, in the overrides' order (undefined for
 * none). A key that is no cell of the footing overrides nothing. Built per call: callers may change
 * an overrides map between calls.
 */
export function overridesBySlot(ft: Footing, overrides: Overrides | undefined): SlotOverrides | undefined {
  if (overrides === undefined || overrides.size === 0) return undefined;
  const out = new Map<number, { readonly value: number; readonly decimals: number }>();
  for (const [key, o] of overrides) {
    const s = slotForKey(ft, key);
    if (s >= 0) out.set(s, o);
  }
  return out;
}

/** holdsAsIs(checkAt(ft, c), overrides) for a table check, the overrides by slot: the same arithmetic. */
export function holdsAsIsAt(ft: Footing, c: number, over: SlotOverrides | undefined): boolean {
  if (over === undefined) return holdsFlat(ft, c);
  const { value, termSlot, termSign } = ft;
  const t = ft.target[c];
  const to = over.get(slotOf(ft, t));
  const tValue = to ? to.value : value[t];
  const tHalf = to ? halfWidth(to.decimals) : halfAt(ft, t);
  let lo = 0;
  let hi = 0;
  let scale = Math.abs(tValue);
  const end = ft.termStart[c + 1];
  for (let j = ft.termStart[c]; j < end; j++) {
    const s = termSlot[j];
    const o = over.get(slotOf(ft, s));
    const v = o ? o.value : value[s];
    const half = o ? halfWidth(o.decimals) : halfAt(ft, s);
    lo += termSign[j] > 0 ? v - half : -(v + half);
    hi += termSign[j] > 0 ? v + half : -(v - half);
    scale = Math.max(scale, Math.abs(v));
  }
  const eps = 1e-9 * Math.max(1, scale);
  return lo <= tValue + tHalf + eps && tValue - tHalf <= hi + eps;
}

/** evaluate(checkAt(ft, c), overrides) for a table check, the overrides by slot: the same arithmetic. */
function evaluateAt(ft: Footing, c: number, over: SlotOverrides | undefined): CheckResult {
  const { value, termSlot, termSign } = ft;
  const t = ft.target[c];
  const to = over?.get(slotOf(ft, t));
  const tValue = to ? to.value : value[t];
  const tDecimals = to ? to.decimals : decimalsAt(ft, t);
  const tHalf = halfWidth(tDecimals);
  const tLo = tValue - tHalf;
  const tHi = tValue + tHalf;
  let sum = 0;
  let lo = 0;
  let hi = 0;
  let scale = Math.abs(tValue);
  const end = ft.termStart[c + 1];
  for (let j = ft.termStart[c]; j < end; j++) {
    const s = termSlot[j];
    const o = over?.get(slotOf(ft, s));
    const v = o ? o.value : value[s];
    const half = o ? halfWidth(o.decimals) : halfAt(ft, s);
    const sign = termSign[j];
    sum += sign * v;
    lo += sign > 0 ? v - half : -(v + half);
    hi += sign > 0 ? v + half : -(v - half);
    scale = Math.max(scale, Math.abs(v));
  }
  const eps = 1e-9 * Math.max(1, scale);
  const ok = lo <= tHi + eps && tLo <= hi + eps;
  return checkResult(ok, sum, Number.isFinite(tDecimals) ? Math.max(tDecimals, 0) : MIN_MONEY_DECIMALS);
}

/** Key look-ups by scan before the key index is built (see slotForKey). */
const SCANS_BEFORE_INDEX = 32;

/**
 * The canonical slot of a cell by key (`Sheet!A1`), -1 when the footing did not read it. The first few
 * keys are found by a scan of the slots' rows and columns (memoised by key): an index of every key
 * would build a string per money cell, and a model is usually asked about a handful.
 */
export function slotForKey(ft: Footing, key: string): number {
  if (ft.byKey) return ft.byKey.get(key) ?? -1;
  const memo = (ft.keySlots ??= new Map<string, number>());
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size >= SCANS_BEFORE_INDEX) return keyIndex(ft).get(key) ?? -1;
  const bang = key.lastIndexOf("!");
  const sheet = key.slice(0, bang);
  const address = key.slice(bang + 1);
  const row = a1Row(address);
  const col = lastCol;
  let found = -1;
  // Without the key index every cell has one slot (tables that may overlap build the index at once).
  for (let s = 0; s < ft.size && found < 0; s++) {
    if (rowAt(ft, s) !== row || colAt(ft, s) !== col) continue;
    const ref = boundOf(ft, s).ref;
    if (ref.sheet === sheet && ref.address === address) found = s;
  }
  memo.set(key, found);
  return found;
}

/** Whether a check is a form's (kind `form`), by number. */
export function isFormCheck(ft: Footing, c: number): boolean {
  return ft.kind[c] === FORM;
}

/** Whether a check is a project row's (kind `project`), by number. */
export function isProjectCheck(ft: Footing, c: number): boolean {
  return ft.kind[c] === PROJECT;
}

/** Where a table's figures lie: its sheet, its columns and its rows. */
interface TableSpan {
  readonly sheet: string;
  readonly cols: ReadonlySet<number>;
  readonly minRow: number;
  readonly maxRow: number;
}

/** The span of a table's slots (those from `from` on): by its keys and rows, not a Set.add per cell. */
function spanOf(ft: Footing, table: FootedTable, from: number): TableSpan {
  const seen = new Uint8Array(table.keys.length);
  let minRow = Infinity;
  let maxRow = -Infinity;
  for (let s = from; s < ft.size; s++) {
    seen[ft.srcKey[s]] = 1;
    const row = table.rows[ft.srcRow[s]].row;
    minRow = Math.min(minRow, row);
    maxRow = Math.max(maxRow, row);
  }
  const cols = new Set<number>();
  for (let k = 0; k < seen.length; k++) if (seen[k] === 1) cols.add(table.cols[k]);
  return { sheet: table.sheet, cols, minRow, maxRow };
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
 * The slot of each key (`Sheet!A1`) of the model's cells — the first, when a cell was read twice
 * (then `canonical` maps every slot to it) — built once when first needed.
 */
function keyIndex(ft: Footing): Map<string, number> {
  if (ft.byKey) return ft.byKey;
  const byKey = new Map<string, number>();
  for (let s = 0; s < ft.size; s++) {
    const key = refKey(boundOf(ft, s).ref);
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, s);
    else {
      if (!ft.canonical) {
        ft.canonical = new Int32Array(ft.size);
        for (let i = 0; i < ft.size; i++) ft.canonical[i] = i;
      }
      ft.canonical[s] = known;
    }
  }
  ft.byKey = byKey;
  return byKey;
}

/**
 * The slot under which a slot's checks are listed: its own, or the first slot of its cell. Two slots
 * have one key exactly when they have one canonical slot.
 */
export function slotOf(ft: Footing, slot: number): number {
  const canonical = ft.canonical;
  return canonical !== undefined && slot < canonical.length ? canonical[slot] : slot;
}

/** The checks by slot (see Footing), built on first use: two passes over the checks' cells. */
export function checkIndex(ft: Footing): NonNullable<Footing["index"]> {
  if (ft.index) return ft.index;
  const { count, target, termStart, termSlot } = ft;
  const start = new Int32Array(ft.size + 1);
  for (let c = 0; c < count; c++) {
    start[slotOf(ft, target[c]) + 1]++;
    for (let j = termStart[c]; j < termStart[c + 1]; j++) start[slotOf(ft, termSlot[j]) + 1]++;
  }
  for (let s = 0; s < ft.size; s++) start[s + 1] += start[s];
  const end = start.slice(0, ft.size);
  const list = new Int32Array(start[ft.size]);
  const put = (slot: number, c: number): void => {
    // A cell twice in one check (never in the schema, but cheap to guard) is listed once.
    if (end[slot] > start[slot] && list[end[slot] - 1] === c) return;
    list[end[slot]++] = c;
  };
  for (let c = 0; c < count; c++) {
    put(slotOf(ft, target[c]), c);
    for (let j = termStart[c]; j < termStart[c + 1]; j++) put(slotOf(ft, termSlot[j]), c);
  }
  ft.index = { start, end, list };
  return ft.index;
}

/**
 * The checks of the cells of the failing checks (see Footing.focus), built once: one pass over the
 * checks' cells that lists only the marked ones. The full index is two passes that write an entry per
 * cell of every check into fresh arrays (≈ 650 KiB at 2 000 institutions); a workbook whose few checks
 * fail is asked about those checks' cells only.
 */
function focusOf(ft: Footing): ReadonlyMap<number, readonly number[]> {
  if (ft.focus) return ft.focus;
  const failing = failingFlags(ft);
  const { count, target, termStart, termSlot } = ft;
  const lists = new Map<number, number[]>();
  for (let c = 0; c < count; c++) {
    if (failing[c] === 0) continue;
    if (!lists.has(slotOf(ft, target[c]))) lists.set(slotOf(ft, target[c]), []);
    for (let j = termStart[c]; j < termStart[c + 1]; j++) if (!lists.has(slotOf(ft, termSlot[j]))) lists.set(slotOf(ft, termSlot[j]), []);
  }
  if (lists.size > 0) {
    // A mark per slot: the pass below asks it for every cell of every check.
    const marked = new Uint8Array(ft.size);
    for (const slot of lists.keys()) marked[slot] = 1;
    const put = (slot: number, c: number): void => {
      if (marked[slot] === 0) return;
      const list = lists.get(slot) as number[];
      // A cell twice in one check is listed once (as in checkIndex).
      if (list.length === 0 || list[list.length - 1] !== c) list.push(c);
    };
    for (let c = 0; c < count; c++) {
      put(slotOf(ft, target[c]), c);
      for (let j = termStart[c]; j < termStart[c + 1]; j++) put(slotOf(ft, termSlot[j]), c);
    }
  }
  ft.focus = lists;
  return lists;
}

/**
 * The numbers of the checks of a canonical slot, in check order: from the failing checks' cells when
 * the slot is one of them and the full index is not built, else from the full index.
 */
export function checkIdsOf(ft: Footing, slot: number): ArrayLike<number> {
  if (ft.index === undefined) {
    const hit = focusOf(ft).get(slot);
    if (hit !== undefined) return hit;
  }
  const { start, end, list } = checkIndex(ft);
  return list.subarray(start[slot], end[slot]);
}

/** The checks of one slot (listed under slotOf), in check order (a new array). */
function checksOfSlot(ft: Footing, slot: number): SumCheck[] {
  const ids = checkIdsOf(ft, slot);
  const out = new Array<SumCheck>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = checkAt(ft, ids[i]);
  return out;
}

/**
 * The checks of `sumChecks(model)` that involve each figure (as target or term), by figure key, each
 * list in check order. Prefer checksOf / checksInvolving: this builds a Map of every cell.
 */
export function checksByFigure(model: ReportModel): ReadonlyMap<string, readonly SumCheck[]> {
  const ft = footingOf(model);
  const out = new Map<string, readonly SumCheck[]>();
  for (const [key, slot] of keyIndex(ft)) {
    const list = checksOfSlot(ft, slot);
    if (list.length > 0) out.set(key, list);
  }
  return out;
}

/** The checks involving a cell (`Sheet!A1`), in check order. */
export function checksInvolving(model: ReportModel, key: string): readonly SumCheck[] {
  const ft = footingOf(model);
  const slot = slotForKey(ft, key);
  return slot < 0 ? [] : checksOfSlot(ft, slot);
}

/**
 * The checks involving a figure, in check order: checksInvolving(model, figure.key), found by the
 * figure's slot when it is one of the model's check figures (or a copy of one), without a look-up by key.
 */
export function checksOf(model: ReportModel, figure: Figure): readonly SumCheck[] {
  const ft = footingOf(model);
  const slot = figure.slot;
  if (slot >= 0 && slot < ft.size && (ft.figures[slot] === figure || refKeyIs(boundOf(ft, slot).ref, figure.key))) return checksOfSlot(ft, slotOf(ft, slot));
  return checksInvolving(model, figure.key);
}

/** Whether `key` is `Sheet!A1` of ref (without building the string). */
function refKeyIs(ref: CellRef, key: string): boolean {
  const n = ref.sheet.length;
  return key.length === n + 1 + ref.address.length && key.charCodeAt(n) === 33 && key.startsWith(ref.sheet) && key.endsWith(ref.address);
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
