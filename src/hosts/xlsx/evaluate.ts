/**
 * Formulas without a cached result. Excel, WPS and LibreOffice store the last computed value of every
 * formula in the file; a workbook written by a script (openpyxl, a bureau's own template generator) or
 * saved by a tool that does not compute stores the formula alone (`<f>C7+C8</f><v></v>`). Read as it is,
 * every total of such a workbook is empty (or NaN) and the check reports nonsense. Here the missing results
 * are computed with fast-formula-parser (an Excel grammar and 280 functions, MIT): what Excel would show
 * on opening the file. Cells that have a cached result keep it: the file's own value is what the clerk saw.
 *
 * The parser (with its chevrotain grammar, ≈ 300 KB) is loaded only when a workbook has such a formula.
 * A formula the parser cannot read or compute (an external reference, a function it lacks such as INDIRECT,
 * a defined name in Chinese, which its lexer does not take) is left blank and marked `uncomputed`: its value
 * is unknown, and the check says so instead of judging a blank (rule formula-not-computed). A circular
 * reference gives #REF! in the cells of the cycle. Defined names in ASCII (the contract's jx_ names) are
 * resolved. SUBTOTAL (a 合计 as Excel's AutoSum writes it in a filtered list) is computed as Excel does,
 * the SUBTOTALs inside its ranges left out.
 *
 * A file that asks to be recalculated on opening (`<calcPr fullCalcOnLoad="1"/>`, WorkbookSnapshot.recalcOnOpen)
 * has every formula computed afresh, its stored results ignored: a generator such as XlsxWriter stores 0 for
 * every formula and leaves the computing to Excel, and a file edited by a tool after its last calculation
 * stores stale results. Where such a formula cannot be computed, its stored result is kept (the best there is).
 */
import type { CellSnapshot, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/model/snapshot";
import { indexToCol, parseA1, parseRef } from "../../core/model/address";
import { cellIndex, hasCellIndex } from "../../core/model/cell-index";

/** Whether a cell holds a formula whose result the file does not store. */
export function isUncached(cell: CellSnapshot | undefined): boolean {
  if (!cell || cell.formula === undefined || cell.error !== undefined) return false;
  const v = cell.value;
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
}

/** How many formulas of the workbook have no cached result. */
export function countUncached(snapshot: WorkbookSnapshot): number {
  let n = 0;
  for (const s of snapshot.sheets) {
    if (hasCellIndex(s)) {
      // A sheet the reader indexed (the light reader, every check): an uncached formula is among the
      // index's odd cells (every value that is not a plain finite number: null, undefined, NaN), not the
      // whole sheet's record.
      const ix = cellIndex(s);
      for (let i = 0; i < ix.odd.length; i++) if (isUncached(ix.cells[ix.odd[i]])) n++;
    } else {
      for (const c of Object.values(s.cells)) if (isUncached(c)) n++;
    }
  }
  return n;
}

interface Parser {
  parse(formula: string, position: { sheet: string; row: number; col: number }): unknown;
}
interface ParserModule {
  readonly FormulaError: new (code: string) => unknown;
  readonly FormulaHelpers: { flattenParams(params: unknown[], type: unknown, allowUnion: boolean, hook: (item: unknown, info: { isLiteral: boolean }) => void): void };
  readonly Types: { readonly NUMBER: unknown };
  new (config: {
    functions?: Record<string, (...params: unknown[]) => unknown>;
    onCell: (ref: { sheet?: string; row: number; col: number }) => unknown;
    onRange: (ref: { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }) => unknown[][];
    onVariable: (name: string, sheet: string) => unknown;
  }): Parser;
}

/** The error values Excel itself shows (the parser's own #ERROR! is not one: it means it could not compute). */
const EXCEL_ERRORS: ReadonlySet<string> = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/** The error text of a fast-formula-parser FormulaError (`#DIV/0!`), else undefined. */
function errorText(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const e = v as { _error?: unknown; error?: unknown };
  if (typeof e._error === "string") return e._error;
  if (typeof e.error === "string") return e.error;
  return undefined;
}

/**
 * The workbook with the results of its uncached formulas computed; the same object when it has none.
 * @param snapshot - as read from the file
 * @returns the snapshot Excel would show after opening the file
 */
export async function computeUncached(snapshot: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  const all = snapshot.recalcOnOpen === true && hasFormulas(snapshot);
  if (!all && countUncached(snapshot) === 0) return snapshot;
  const mod = (await import(/* webpackChunkName: "formulas" */ "fast-formula-parser")) as unknown as { default?: ParserModule } & ParserModule;
  const FormulaParser: ParserModule = mod.default ?? mod;
  return evaluateWith(FormulaParser, snapshot, all);
}

/** Whether any cell of the workbook holds a formula. */
function hasFormulas(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.some((s) => {
    for (const a in s.cells) if (s.cells[a].formula !== undefined) return true;
    return false;
  });
}

/**
 * MIN and MAX, which fast-formula-parser 1.0.19 lacks (“Function MIN is not implemented”) though a 预算执行率
 * 得分 is written =MIN(执行率,1)*分值: Excel's rule, as the library's own SUM reads its arguments (numbers
 * of references and ranges, literals parsed), 0 when there is none.
 */
function extremes(P: ParserModule): Record<string, (...params: unknown[]) => unknown> {
  const pick = (better: (a: number, b: number) => boolean) => (...params: unknown[]): number => {
    let best: number | undefined;
    P.FormulaHelpers.flattenParams(params, P.Types.NUMBER, true, (item) => {
      if (typeof item === "number" && (best === undefined || better(item, best))) best = item;
    });
    return best ?? 0;
  };
  const numbers = (params: unknown[]): number[] => {
    const out: number[] = [];
    P.FormulaHelpers.flattenParams(params, P.Types.NUMBER, true, (item) => {
      if (typeof item === "number") out.push(item);
    });
    return out;
  };
  const min = pick((a, b) => a < b);
  const max = pick((a, b) => a > b);
  /** SUBTOTAL(9, C6:C8): SUM, AVERAGE, COUNT, MAX, MIN of the values (hidden rows kept: 1–11 as 101–111). */
  const subtotal = (fn: unknown, ...params: unknown[]): unknown => {
    const code = typeof fn === "object" && fn !== null && "value" in fn ? Number((fn as { value: unknown }).value) : Number(fn);
    const xs = numbers(params);
    switch (code % 100) {
      case 1:
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : new P.FormulaError("#DIV/0!");
      case 2:
        return xs.length;
      case 4:
        return max(...params);
      case 5:
        return min(...params);
      case 9:
        return xs.reduce((a, b) => a + b, 0);
      default:
        // COUNTA, PRODUCT, STDEV, VAR: not computed (the cell stays unknown).
        throw new Error(`SUBTOTAL(${String(code)}) is not computed`);
    }
  };
  return { MIN: min, MAX: max, SUBTOTAL: subtotal };
}

/**
 * A formula whose SUBTOTALs read ranges holding other SUBTOTALs (a 合计 over 小计 rows), with those cells left
 * out of the ranges, as Excel leaves them out: `SUBTOTAL(9,C5:C9)` over a 小计 at C7 reads `C5:C6,C8:C9`.
 * Only plain ranges on the formula's own sheet are rewritten; the formula as it is otherwise.
 */
function withoutNestedSubtotals(sheet: SheetSnapshot, formula: string): string {
  if (!/SUBTOTAL\s*\(/i.test(formula)) return formula;
  const isSubtotal = (address: string): boolean => /^\s*SUBTOTAL\s*\(/i.test(sheet.cells[address]?.formula ?? "");
  return formula.replace(/SUBTOTAL\s*\(([^()]*)\)/gi, (whole, args: string) => {
    const parts = args.split(",");
    const rewritten = parts.map((arg, i) => {
      const m = /^\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*$/i.exec(arg);
      if (i === 0 || !m) return arg;
      const c1 = parseA1(`${m[1].toUpperCase()}${m[2]}`);
      const c2 = parseA1(`${m[3].toUpperCase()}${m[4]}`);
      const cells: string[] = [];
      let dropped = false;
      for (let r = Math.min(c1.row, c2.row); r <= Math.max(c1.row, c2.row); r++) {
        for (let c = Math.min(c1.col, c2.col); c <= Math.max(c1.col, c2.col); c++) {
          const a = `${indexToCol(c)}${r}`;
          if (isSubtotal(a)) dropped = true;
          else cells.push(a);
        }
      }
      // Past a few hundred cells the range is no form's 合计: left as it is.
      if (!dropped || cells.length > 500) return arg;
      return cells.length ? cells.join(",") : "\"\"";
    });
    return `SUBTOTAL(${rewritten.join(",")})`;
  });
}

function evaluateWith(FormulaParser: ParserModule, snapshot: WorkbookSnapshot, all: boolean): WorkbookSnapshot {
  /** The cells computed here: formulas without a stored result, or every formula when the file asks it. */
  const toCompute = (cell: CellSnapshot): boolean => (all ? cell.formula !== undefined : isUncached(cell));
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s] as const));
  const extent = new Map<string, { rows: number; cols: number }>();
  for (const s of snapshot.sheets) {
    let rows = 0;
    let cols = 0;
    for (const a of Object.keys(s.cells)) {
      const p = parseA1(a);
      if (p.row > rows) rows = p.row;
      if (p.col > cols) cols = p.col;
    }
    extent.set(s.name, { rows, cols });
  }
  const computed = new Map<string, CellSnapshot>();
  const pending = new Set<string>();
  // The sheet of the formula being computed (an unqualified reference is on it).
  let current = "";

  const sheetOf = (name: string | undefined, here: string): SheetSnapshot | undefined => byName.get(name ?? here) ?? [...byName.values()].find((s) => s.name.toLowerCase() === (name ?? here).toLowerCase());

  /** A cell's value for the parser: its cached value, else its formula computed now. */
  const valueAt = (sheet: SheetSnapshot, row: number, col: number): unknown => {
    const address = `${indexToCol(col)}${row}`;
    const cell = sheet.cells[address];
    if (!cell) return undefined;
    if (!toCompute(cell)) {
      if (cell.error !== undefined) return new FormulaParser.FormulaError(cell.error);
      return cell.value ?? undefined;
    }
    const done = computed.get(`${sheet.name}!${address}`) ?? compute(sheet, address, cell);
    return done.error !== undefined ? new FormulaParser.FormulaError(done.error) : (done.value ?? undefined);
  };

  const compute = (sheet: SheetSnapshot, address: string, cell: CellSnapshot): CellSnapshot => {
    const key = `${sheet.name}!${address}`;
    const have = computed.get(key);
    if (have) return have;
    if (pending.has(key)) return { ...cell, value: null, error: "#REF!" };
    pending.add(key);
    const { row, col } = parseA1(address);
    // A stored error is no part of a result computed afresh.
    const base: CellSnapshot = cell.error === undefined ? cell : (({ error: _stored, ...rest }) => rest)(cell);
    let out: CellSnapshot;
    const outer = current;
    current = sheet.name;
    try {
      // The parser is not re-entrant: a formula computed while another is being parsed (a total over
      // uncached subtotals) gets a parser of its own, one per depth.
      const parser = (parsers[depth] ??= makeParser());
      depth++;
      let r: unknown;
      try {
        r = parser.parse(withoutNestedSubtotals(sheet, String(cell.formula)), { sheet: sheet.name, row, col });
      } finally {
        depth--;
      }
      const v = Array.isArray(r) ? (Array.isArray(r[0]) ? r[0][0] : r[0]) : r;
      const err = errorText(v);
      if (err !== undefined && EXCEL_ERRORS.has(err)) out = { ...base, value: null, error: err };
      else if (err !== undefined) out = { ...base, value: null, uncomputed: true };
      else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") out = { ...base, value: v as CellValue };
      else out = { ...base, value: null };
    } catch (e) {
      const err = errorText(e);
      // A formula the parser cannot read or compute (its own #ERROR!) stays blank, as the file has it;
      // an error Excel would show (#DIV/0!, #REF!) is that error.
      out = err !== undefined && EXCEL_ERRORS.has(err) ? { ...base, value: null, error: err } : { ...base, value: null, uncomputed: true };
    }
    current = outer;
    pending.delete(key);
    // Recomputing every formula: one the parser cannot compute keeps the result the file stores.
    if (all && out.uncomputed && !isUncached(cell)) out = cell;
    computed.set(key, out);
    return out;
  };

  const parsers: Parser[] = [];
  let depth = 0;
  const makeParser = (): Parser => new FormulaParser({
    functions: extremes(FormulaParser),
    onCell: ({ sheet, row, col }) => {
      const s = sheetOf(sheet, current);
      return s ? valueAt(s, row, col) : undefined;
    },
    onRange: ({ sheet, from, to }) => {
      const s = sheetOf(sheet, current);
      if (!s) return [[]];
      const size = extent.get(s.name) ?? { rows: 0, cols: 0 };
      const out: unknown[][] = [];
      for (let r = from.row; r <= Math.min(to.row, size.rows); r++) {
        const line: unknown[] = [];
        for (let c = from.col; c <= Math.min(to.col, size.cols); c++) line.push(valueAt(s, r, c));
        out.push(line);
      }
      return out.length ? out : [[]];
    },
    onVariable: (name) => {
      const n = snapshot.names.find((x) => x.name === name && (x.scope === undefined || x.scope === current));
      const ref = n ? parseRef(n.refersTo.replace(/^=/, "")) : undefined;
      if (!ref) return undefined;
      const sheet = ref.sheet ?? current;
      const { start, end } = ref.area;
      return start.row === end.row && start.col === end.col ? { sheet, row: start.row, col: start.col } : { sheet, from: start, to: end };
    },
  });

  const sheets = snapshot.sheets.map((s) => {
    let cells: Record<string, CellSnapshot> | undefined;
    for (const [address, cell] of Object.entries(s.cells)) {
      if (!toCompute(cell)) continue;
      const out = compute(s, address, cell);
      cells ??= { ...s.cells };
      cells[address] = out;
    }
    return cells ? { ...s, cells } : s;
  });
  return { ...snapshot, sheets };
}
