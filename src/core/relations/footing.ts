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
  const cell = bound.cell;
  // A stored number (nearly every money cell) is read here as parseCell reads it, without its Parsed
  // object and raw string: a workbook has a figure per money cell.
  if (cell !== undefined && cell.error === undefined && typeof cell.value === "number") return readStoredMoney(bound, cell, cell.value, field, moneyUnit);
  const parsed: Parsed = parseCell(cell);
  // One object literal per figure (no spreads): a workbook has a figure per money cell.
  if (parsed.kind === "blank") {
    const { row, col } = positionOf(bound.ref.address);
    return { key: refKey(bound.ref), ref: bound.ref, field, formula: cell?.formula !== undefined, cell, blank: true, value: 0, decimals: Infinity, writtenDecimals: Infinity, row, col };
  }
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
  // A written 0 is nothing, exactly: its rounding interval must not make room for a slip elsewhere
  // (`0.02 = 0.021 + 0.00 + 0.00` is no evidence that two cells were typed in 元).
  const { row, col } = positionOf(bound.ref.address);
  if (value === 0) {
    return { key: refKey(bound.ref), ref: bound.ref, field, formula: cell?.formula !== undefined, cell, blank: false, value: 0, decimals: Infinity, writtenDecimals: decimals, row, col };
  }
  const formatted = !parsed.fromText && formatInfo(cell?.numberFormat).decimals !== undefined;
  // An amount written in another unit (`5.33亿元` in a 万元 table) is as precise as it was written there:
  // 53300 ± 50 万元, not ± 0.005. The money floor is for figures in the workbook's own unit.
  const converted = unit !== undefined && unit !== moneyUnit;
  const shown = formatted || converted ? decimals : Math.max(decimals, MIN_MONEY_DECIMALS);
  // What the reader sees is the rounded value; the interval is centred on it.
  return {
    key: refKey(bound.ref),
    ref: bound.ref,
    field,
    formula: cell?.formula !== undefined,
    cell,
    blank: false,
    value: formatted ? roundTo(value, decimals) : value,
    decimals: shown,
    writtenDecimals: decimals,
    row,
    col,
  };
}

/** readMoney of a cell holding a stored number: parseCell's number branch and readMoney's arithmetic. */
function readStoredMoney(bound: BoundCell, cell: CellSnapshot, v: number, field: string, moneyUnit: string): Figure | undefined {
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
  const { row, col } = positionOf(bound.ref.address);
  const formula = cell.formula !== undefined;
  if (value === 0) {
    return { key: refKey(bound.ref), ref: bound.ref, field, formula, cell, blank: false, value: 0, decimals: Infinity, writtenDecimals: decimals, row, col };
  }
  const formatted = info.decimals !== undefined;
  const shown = formatted || converted ? decimals : Math.max(decimals, MIN_MONEY_DECIMALS);
  return { key: refKey(bound.ref), ref: bound.ref, field, formula, cell, blank: false, value: formatted ? roundTo(value, decimals) : value, decimals: shown, writtenDecimals: decimals, row, col };
}

/** Row and column of an A1 address; 0 and 0 when it is not one (never thrown: a figure is still read). */
function positionOf(address: string): { row: number; col: number } {
  // `C11` without `$` or spaces, as snapshots write addresses: read by character codes.
  const n = address.length;
  let i = 0;
  let col = 0;
  while (i < n && i < 3) {
    const c = address.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
    i++;
  }
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (digits > 0 && i === n && i > digits && address.charCodeAt(digits) !== 48) return { row, col };
  try {
    return parseA1(address);
  } catch {
    return { row: 0, col: 0 };
  }
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

function bounds(f: Figure, overrides?: Overrides): { value: number; lo: number; hi: number } {
  const o = overrides?.get(f.key);
  const value = o ? o.value : f.value;
  const decimals = o ? o.decimals : f.decimals;
  const half = Number.isFinite(decimals) ? 0.5 * Math.pow(10, -decimals) : 0;
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
  const tHalf = Number.isFinite(tDecimals) ? 0.5 * Math.pow(10, -tDecimals) : 0;
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
    const half = Number.isFinite(decimals) ? 0.5 * Math.pow(10, -decimals) : 0;
    lo += term.sign > 0 ? value - half : -(value + half);
    hi += term.sign > 0 ? value + half : -(value - half);
    scale = Math.max(scale, Math.abs(value));
  }
  const eps = 1e-9 * Math.max(1, scale);
  return lo <= tValue + tHalf + eps && tValue - tHalf <= hi + eps;
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
    const half = Number.isFinite(decimals) ? 0.5 * Math.pow(10, -decimals) : 0;
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

/** Read every money cell of a row. */
function readRow(table: TableBinding, row: TableRow, keys: readonly string[], fields: readonly string[], moneyUnit: string): RowFigures {
  const out: RowFigures = new Array<Figure | undefined | null>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const bound = row.cells[keys[i]];
    out[i] = bound ? readMoney(bound, fields[i], moneyUnit) : null;
  }
  return out;
}

/** A row whose money cells are all empty ("3、二级机构2" with no numbers) takes no part in footing. */
function isBlankRow(figs: RowFigures): boolean {
  for (const f of figs) if (f !== null && (f === undefined || !f.blank)) return false;
  return true;
}

const cache = new WeakMap<ReportModel, readonly SumCheck[]>();

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
  const hit = cache.get(model);
  if (hit) return hit;
  const out: SumCheck[] = [];
  for (const table of Object.values(model.tables)) {
    if (!table) continue;
    const def = tableDef(table.id);
    const keys = moneyKeys(table);
    if (keys.length === 0) continue;
    const fields = keys.map((k) => `${table.id}.${k}`);
    const at = new Map(keys.map((k, i) => [k, i]));
    // A figure is a term of its row's relations and of its column's 汇总 check: one `+figure` term each,
    // shared (a workbook has a figure per money cell).
    const rows: { row: TableRow; figs: RowFigures; plus: (Term | undefined)[] }[] = [];
    for (const row of table.rows) {
      const figs = readRow(table, row, keys, fields, model.moneyUnit);
      if (!isBlankRow(figs)) rows.push({ row, figs, plus: new Array<Term | undefined>(keys.length) });
    }
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
      const isSubtotal = (r: (typeof rows)[number]): boolean => !r.row.isSummary && /小计/.test(rowName(r.row));
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
  out.push(...declaredChecks(model));
  cache.set(model, out);
  return out;
}

/**
 * The relations the detected forms declare (项目资金's 其中 rows in each column, the fund splits, the
 * 决算 balances), as checks like the tables' own. A relation with an unreadable cell is left out; one
 * whose parts are all blank is a breakdown not filled in.
 */
function declaredChecks(model: ReportModel): SumCheck[] {
  const out: SumCheck[] = [];
  for (const rel of model.relations ?? []) {
    const target = readMoney(rel.target.cell, rel.target.field, model.moneyUnit);
    const terms: Term[] = [];
    let readable = target !== undefined;
    for (const t of rel.terms) {
      const figure = readMoney(t.cell, t.field, model.moneyUnit);
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

const indexCache = new WeakMap<ReportModel, ReadonlyMap<string, readonly SumCheck[]>>();

/**
 * The checks of `sumChecks(model)` that involve each figure (as target or term), by figure key, each
 * list in check order. Asking "which checks touch this cell" by scanning every check is O(checks ×
 * terms), and a 汇总 check has a term per institution: with hundreds of institutions that scan, done
 * per cell, made the engine cubic. The index is built once per model.
 */
export function checksByFigure(model: ReportModel): ReadonlyMap<string, readonly SumCheck[]> {
  const hit = indexCache.get(model);
  if (hit) return hit;
  const out = new Map<string, SumCheck[]>();
  const add = (key: string, check: SumCheck): void => {
    const list = out.get(key);
    if (!list) out.set(key, [check]);
    // A figure twice in one check (never in the schema, but cheap to guard) is listed once. A second
    // check replaces the list by an exact pair: push would reserve room for 17 (most figures are in two
    // checks — its row's and its column's 汇总 — and a workbook has one per money cell).
    else if (list[list.length - 1] !== check) {
      if (list.length === 1) out.set(key, [list[0], check]);
      else list.push(check);
    }
  };
  for (const check of sumChecks(model)) {
    add(check.target.key, check);
    for (const t of check.terms) add(t.figure.key, check);
  }
  indexCache.set(model, out);
  return out;
}

/** The checks involving a figure, in check order (see {@link checksByFigure}). */
export function checksInvolving(model: ReportModel, key: string): readonly SumCheck[] {
  return checksByFigure(model).get(key) ?? [];
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
