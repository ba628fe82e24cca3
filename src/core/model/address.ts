/**
 * A1 addresses: parsing and formatting. Rows and columns are 1-based.
 */
import type { CellRef } from "./snapshot";

/** A 1-based row/column position. */
export interface Position {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells, inclusive, 1-based. */
export interface Area {
  readonly start: Position;
  readonly end: Position;
}

/** A parsed reference: an optional sheet plus an area (a single cell has start = end). */
export interface ParsedRef {
  readonly sheet?: string;
  readonly area: Area;
  /** True when the reference spans whole columns (`$A:$A`) or whole rows (`$1:$1`). */
  readonly unbounded: boolean;
}

/** Maximum rows and columns of an .xlsx sheet. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Column letters to 1-based index: `"A"` → 1, `"AA"` → 27. */
export function colToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
}

/** 1-based column index to letters: 1 → `"A"`, 27 → `"AA"`. */
export function indexToCol(index: number): string {
  let s = "";
  let n = index;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * `$?letters$?digits` from `start` of `text` (1–3 letters, 1–15 digits) by char codes: the position and
 * where it ends, or undefined. The fast path of {@link parseA1} and {@link parseRef}: rules and mapping
 * read an address per cell, and a regex with two captures and an upper-casing costs more than this.
 */
function scanCell(text: string, start: number): { pos: Position; end: number } | undefined {
  let i = start;
  const n = text.length;
  if (text.charCodeAt(i) === 36) i++;
  let col = 0;
  const lettersAt = i;
  for (; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
  }
  if (i === lettersAt || i - lettersAt > 3) return undefined;
  if (text.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsAt = i;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (i === digitsAt || i - digitsAt > 15) return undefined;
  return { pos: { row, col }, end: i };
}

/** `"C11"` (with or without `$`) → `{row: 11, col: 3}`; throws on anything else. */
export function parseA1(address: string): Position {
  const hit = scanCell(address, 0);
  if (hit && hit.end === address.length) return hit.pos;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: Number(m[2]), col: colToIndex(m[1]) };
}

/** `{row: 11, col: 3}` → `"C11"`. */
export function toA1(pos: Position): string {
  return `${indexToCol(pos.col)}${pos.row}`;
}

/** Whether a sheet name must be quoted in a reference. */
function needsQuotes(sheet: string): boolean {
  return !/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet) || /^[A-Za-z]{1,3}\d+$/.test(sheet);
}

/** Quote a sheet name for use in a reference when it needs it (`'Sheet 1'`). */
export function quoteSheet(sheet: string): string {
  return needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/** `{sheet:"收支情况", address:"C11"}` → `"收支情况!C11"` (the form findings show). */
export function formatRef(ref: CellRef): string {
  return `${quoteSheet(ref.sheet)}!${ref.address}`;
}

/** `"收支情况!C11"` or `"'Sheet 1'!$C$11"` → a CellRef; the sheet part is required. */
export function parseCellRef(text: string): CellRef {
  const parsed = parseRef(text);
  if (!parsed || !parsed.sheet) throw new Error(`Not a sheet-qualified cell reference: ${text}`);
  return { sheet: parsed.sheet, address: toA1(parsed.area.start) };
}

/**
 * Parse a reference such as `Sheet1!$A$1:$B$4`, `'My sheet'!A1`, `$A:$A`, `$3:$5` or `B2`.
 * Returns undefined for what is not a single-area reference (constants, formulas, unions, `#REF!`).
 */
export function parseRef(text: string): ParsedRef | undefined {
  // A plain `C11` or `A5:A9` (every merge of a sheet is written so) needs no regex.
  const a = scanCell(text, 0);
  if (a && a.end === text.length) return { sheet: undefined, area: normalize(a.pos, a.pos), unbounded: false };
  if (a && text.charCodeAt(a.end) === 58) {
    const b = scanCell(text, a.end + 1);
    if (b && b.end === text.length) return { sheet: undefined, area: normalize(a.pos, b.pos), unbounded: false };
  }
  let rest = text.trim().replace(/^=/, "");
  let sheet: string | undefined;
  const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    rest = rest.slice(quoted[0].length);
  } else {
    const bang = rest.lastIndexOf("!");
    if (bang > 0) {
      sheet = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
    }
  }
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
  if (cell) {
    const a = { row: Number(cell[2]), col: colToIndex(cell[1]) };
    const b = cell[3] ? { row: Number(cell[4]), col: colToIndex(cell[3]) } : a;
    return { sheet, area: normalize(a, b), unbounded: false };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(rest);
  if (cols) {
    const a = { row: 1, col: colToIndex(cols[1]) };
    const b = { row: MAX_ROWS, col: colToIndex(cols[2]) };
    return { sheet, area: normalize(a, b), unbounded: true };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(rest);
  if (rows) {
    const a = { row: Number(rows[1]), col: 1 };
    const b = { row: Number(rows[2]), col: MAX_COLS };
    return { sheet, area: normalize(a, b), unbounded: true };
  }
  return undefined;
}

function normalize(a: Position, b: Position): Area {
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

/** `"A1:B2"` (or `"A1"`) → Area. */
export function parseArea(range: string): Area {
  const parsed = parseRef(range);
  if (!parsed) throw new Error(`Not an A1 range: ${range}`);
  return parsed.area;
}

/** Area → `"A1:B2"` (or `"A1"` for one cell). */
export function formatArea(area: Area): string {
  const a = toA1(area.start);
  const b = toA1(area.end);
  return a === b ? a : `${a}:${b}`;
}
