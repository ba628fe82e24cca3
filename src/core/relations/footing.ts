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
import { formatInfo, parseCell, roundTo, type Parsed } from "../units/parse";
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

/** Row and column of an A1 address; 0 and 0 when it is not one (never thrown: a figure is still read). */
function positionOf(address: string): { row: number; col: number } {
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
  const expected = roundTo(sum, Number.isFinite(shown) ? Math.max(shown, 0) : MIN_MONEY_DECIMALS);
  return { ok, sum, expected };
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

/** Read every money cell of a row; undefined entries are unreadable cells (text, errors). */
function readRow(table: TableBinding, row: TableRow, keys: readonly string[], moneyUnit: string): Map<string, Figure | undefined> {
  const out = new Map<string, Figure | undefined>();
  for (const key of keys) {
    const bound = row.cells[key];
    if (bound) out.set(key, readMoney(bound, `${table.id}.${key}`, moneyUnit));
  }
  return out;
}

/** A row whose money cells are all empty ("3、二级机构2" with no numbers) takes no part in footing. */
function isBlankRow(figs: Map<string, Figure | undefined>): boolean {
  for (const f of figs.values()) if (f === undefined || !f.blank) return false;
  return true;
}


const cache = new WeakMap<ReportModel, readonly SumCheck[]>();

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
    const rows = table.rows.map((row) => ({ row, figs: readRow(table, row, keys, model.moneyUnit) })).filter((r) => !isBlankRow(r.figs));
    for (const { row, figs } of rows) {
      for (const rel of def.relations) {
        const target = figs.get(rel.total);
        const parts = rel.parts.filter((p) => figs.has(p)).map((p) => figs.get(p));
        if (!target || parts.some((p) => p === undefined)) continue;
        const terms = (parts as Figure[]).map((figure) => ({ figure, sign: 1 as const }));
        // All parts blank: the breakdown was not filled in (hefei-2024 gives 基本支出 without 人员/公用).
        // That is missing data, not a sum that fails; a blank total over filled parts still counts.
        if (terms.every((t) => t.figure.blank)) continue;
        out.push({ kind: "row", table: table.id, sheet: table.sheet, target, terms, targetKey: rel.total, termKeys: rel.parts.filter((p) => figs.has(p)), rowName: rowName(row), row: row.row });
      }
      if (table.id === "jx_projects") {
        const budget = figs.get("budget");
        const executed = figs.get("executed");
        const carry = figs.get("carryover");
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
            rowName: rowName(row),
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
      const push = (target: Figure | undefined, parts: (Figure | undefined)[], key: string, head: TableRow): void => {
        if (!target || parts.length === 0 || parts.some((p) => p === undefined)) return;
        const terms = (parts as Figure[]).map((figure) => ({ figure, sign: 1 as const }));
        if (terms.every((t) => t.figure.blank)) return;
        out.push({ kind: "summary", table: table.id, sheet: table.sheet, target, terms, targetKey: key, termKeys: [], rowName: rowName(head), row: head.row });
      };
      for (const key of keys) {
        push(summary.figs.get(key), others.map((r) => r.figs.get(key)), key, summary.row);
        for (const g of groups) push(g.head.figs.get(key), g.members.map((r) => r.figs.get(key)), key, g.head.row);
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
    // A figure twice in one check (never in the schema, but cheap to guard) is listed once.
    else if (list[list.length - 1] !== check) list.push(check);
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
