/**
 * Every cell of a sheet as flat lists, in the snapshot's own order, each with its row and column as
 * numbers: built once per sheet object and shared by everyone who reads the same snapshot (mapping's
 * grid, and any rule that walks all cells).
 *
 * Why: a sheet's `cells` record of a large workbook (tens of thousands of keys) is a dictionary-mode
 * object, and V8 enumerates such an object (for…in, Object.keys/entries/values) at ≈0.3 µs per key,
 * sorting the keys each time. That is more than all the per-cell work of most rules, so enumerating the
 * record once per check, not once per rule, is the saving. Indexed arrays are then walked at a few ns
 * per cell, and nobody parses an A1 address again.
 */
import type { CellSnapshot, SheetSnapshot } from "./snapshot";
import { indexToCol, MAX_COLS, MAX_ROWS } from "./address";
import { isAbnormalNumber } from "../units/finite";
import { hiddenFields, type HiddenParts } from "./hidden";

/** One sheet's cells as parallel arrays: position `i` is the `i`-th key of `Object.keys(sheet.cells)` (for…in order). */
export interface CellIndex {
  /** The snapshot's keys (`"C11"`), in the order `for…in` visits them. */
  readonly addresses: readonly string[];
  readonly cells: readonly CellSnapshot[];
  /** 1-based row of each key; 0 when the key is no A1 address. */
  readonly rows: Int32Array;
  /** 1-based column of each key; 0 when the key is no A1 address. */
  readonly cols: Int32Array;
  /**
   * Whether each key is already the canonical A1 address (`toA1` of its row and column: upper-case
   * letters, no `$`, no leading zero): 1, so that it can serve as a model's `ref.address` as is; else 0.
   */
  readonly canonical: Uint8Array;
  /** Positions (into the arrays above) of the cells whose value is a string, ascending. */
  readonly texts: readonly number[];
  /** 1 where the cell holds nothing a clerk would see ({@link isBlankCell}), else 0. */
  readonly blank: Uint8Array;
  /**
   * Positions of the cells that are neither text nor a plain number ({@link isOddValue}), ascending: a
   * few dozen on a large sheet. Noted where each cell is read anyway (the reader's builder, or
   * {@link buildIndex}), so that rules/lib/text-cells.ts need not walk every cell of the sheet again.
   */
  readonly odd: readonly number[];
}

/**
 * Whether a cell that is no text is still "odd" for the figure rules: a number with a number format, an
 * abnormal number (infinite, NaN, 10¹⁵ or more), an error, a boolean or an empty value — anything but a
 * plain, finite, unformatted number (rules/lib/text-cells.ts `oddValueCells`).
 */
function isOddValue(cell: CellSnapshot, value: CellSnapshot["value"]): boolean {
  return typeof value !== "number" || cell.numberFormat !== undefined || isAbnormalNumber(value);
}

/** Whether a cell holds nothing a clerk would see: no cell, no error, and null or a whitespace-only string. */
export function isBlankCell(cell: CellSnapshot | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  if (cell.value === null) return true;
  return typeof cell.value === "string" && cell.value.trim() === "";
}

/**
 * Whether a cell is left unfilled: blank ({@link isBlankCell}) and no formula either (a formula's cell is
 * the workbook's to compute, not the clerk's to type). The rules' "a blank among filled cells" test.
 */
export function isUnfilled(cell: CellSnapshot | undefined): boolean {
  return isBlankCell(cell) && cell?.formula === undefined;
}

const indexes = new WeakMap<SheetSnapshot, CellIndex>();

/**
 * The cell index of a sheet, built on first use and kept for that sheet object only (a snapshot is
 * read-only: an edited workbook is a new snapshot with new sheet objects).
 * @example
 *   const ix = cellIndex(sheet);
 *   for (const i of ix.texts) if (ix.rows[i] <= 6) titles.push(String(ix.cells[i].value));
 */
export function cellIndex(sheet: SheetSnapshot): CellIndex {
  let ix = indexes.get(sheet);
  if (ix === undefined) {
    ix = buildIndex(sheet);
    indexes.set(sheet, ix);
  }
  return ix;
}

/**
 * The index by enumerating the sheet's record: what {@link cellIndex} does for a sheet no reader primed
 * (a JSON-cloned snapshot, a test's literal). Exported for the test that a primed index equals it.
 */
export function buildIndex(sheet: SheetSnapshot): CellIndex {
  const all = sheet.cells;
  // The one enumeration of the record (see the module comment). Object.keys, then arrays of known
  // length: pushing onto growing arrays inside a for…in over a large record measured twice as slow.
  const addresses = Object.keys(all);
  const n = addresses.length;
  const cells = new Array<CellSnapshot>(n);
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  const canonical = new Uint8Array(n);
  const texts: number[] = [];
  const odd: number[] = [];
  const blank = new Uint8Array(n);
  for (let at = 0; at < n; at++) {
    const address = addresses[at];
    const cell = all[address];
    cells[at] = cell;
    // Cells come in many shapes (value, formula, format, error …), so reading their properties is the
    // slow part of this loop: each cell is read here once, for the text and odd lists and the blank flag.
    if (cell !== undefined) {
      const value = cell.value;
      if (typeof value === "string") texts.push(at);
      else if (isOddValue(cell, value)) odd.push(at);
    }
    if (isBlankCell(cell)) blank[at] = 1;
    // `"C11"` / `"$C$11"` → column 3, row 11, by char codes (no regex, no tuple per cell).
    let col = 0;
    let i = 0;
    let plain = 1;
    const len = address.length;
    for (; i < len; i++) {
      const ch = address.charCodeAt(i);
      if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
      else if (ch >= 97 && ch <= 122) {
        col = col * 26 + (ch - 96);
        plain = 0;
      } else if (ch === 36) plain = 0; // `$`
      else break;
    }
    if (col === 0 || i >= len) continue;
    if (address.charCodeAt(i) === 36) {
      i++;
      plain = 0;
    }
    if (address.charCodeAt(i) === 48) plain = 0; // a leading zero (`C011`)
    const first = i;
    let row = 0;
    for (; i < len; i++) {
      const d = address.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      row = row * 10 + d;
    }
    if (i < len || i === first || row === 0) continue;
    rows[at] = row;
    cols[at] = col;
    canonical[at] = plain;
  }
  return { addresses, cells, rows, cols, canonical, texts, blank, odd };
}

/**
 * Whether a sheet's index is already there (primed by the reader that made the sheet, or built by an
 * earlier {@link cellIndex}), without building it.
 */
export function hasCellIndex(sheet: SheetSnapshot): boolean {
  return indexes.has(sheet);
}

/** Whether (row, col) is a cell of a worksheet: whole numbers within the .xlsx limits. */
function inSheet(row: number, col: number): boolean {
  return Number.isInteger(row) && Number.isInteger(col) && row >= 1 && col >= 1 && row <= MAX_ROWS && col <= MAX_COLS;
}

/**
 * Builds one sheet's `cells` record the way the readers always have (`cells["C11"] = cell`) and, while
 * the reader still knows each cell's row and column, its {@link CellIndex} too: the sheet the builder
 * hands back has its index primed, so {@link cellIndex} never enumerates the record.
 *
 * Exactness: the primed index must be the one {@link buildIndex} would give. A1 keys are never integer
 * keys, so `for…in` visits them in insertion order: the index lists the keys in the order they were
 * first added. A key added a second time would keep its first place with its last value; the builder
 * tells new keys apart without looking them up while cells come row by row, left to right (each
 * position after the previous one, as every reader lists them), and by one lookup in the record for a
 * position added out of that order (a host's late additions). A key added twice, or a position outside
 * a worksheet (no whole row 1…1048576 and column 1…16384), still builds the same record, only unprimed:
 * its index is then built from the record on first use, as for any other snapshot.
 *
 * @example
 *   const b = new SheetCellsBuilder();
 *   b.add(3, 2, { value: "单位名称" }); // B3
 *   const sheet = b.sheet("封面", []);  // cellIndex(sheet) is ready
 */
export class SheetCellsBuilder {
  /** The record being built (read-only to callers: write through {@link add}). */
  readonly cells: Readonly<Record<string, CellSnapshot>> = {};
  /**
   * The index's lists, allocated at the expected size and grown by doubling. Pushing onto growing lists
   * cost the light reader more than enumerating the record would have (measured at 95 000 cells: large
   * arrays reallocated again and again, each holding new objects), so a reader that knows how many
   * cells it may add says so.
   */
  private addresses: string[];
  private list: CellSnapshot[];
  private rows: Int32Array;
  private cols: Int32Array;
  private n = 0;
  private readonly texts: number[] = [];
  private readonly odd: number[] = [];
  /** Positions of blank cells (whitespace text, a formula without a value), ascending: few, so a list. */
  private readonly blanks: number[] = [];
  /** Column letters by column number, made once per column of the sheet. */
  private readonly letters: string[] = [];
  private primed = true;
  /** The last position added in order (the largest so far). */
  private lastRow = 0;
  private lastCol = 0;
  /** The rows and columns the cells span, for fitting the hidden lines to them. */
  private rowLo = Number.MAX_SAFE_INTEGER;
  private rowHi = 0;
  private colLo = Number.MAX_SAFE_INTEGER;
  private colHi = 0;

  /** @param capacity - how many cells the reader may add (a bound, not a promise): sizes the index's lists. */
  constructor(capacity = 16) {
    // A bound from the reader, capped so that a bogus one cannot allocate without limit (lists grow past it).
    const size = Math.min(Math.max(1, capacity), 1 << 20);
    this.addresses = new Array<string>(size);
    this.list = new Array<CellSnapshot>(size);
    this.rows = new Int32Array(size);
    this.cols = new Int32Array(size);
  }

  /**
   * `cells[A1 of (row, col)] = cell`, the address formatted as the readers always did
   * (`${indexToCol(col)}${row}`), and the position noted for the index.
   */
  add(row: number, col: number, cell: CellSnapshot): void {
    let letters = this.letters[col];
    if (letters === undefined) letters = this.letters[col] = indexToCol(col);
    const address = `${letters}${row}`;
    if (row < this.rowLo) this.rowLo = row;
    if (row > this.rowHi) this.rowHi = row;
    if (col < this.colLo) this.colLo = col;
    if (col > this.colHi) this.colHi = col;
    if (this.primed) {
      if (!inSheet(row, col)) this.primed = false;
      else if (row > this.lastRow || (row === this.lastRow && col > this.lastCol)) {
        // After every position so far: a new key, found without a lookup (the readers' only case).
        this.lastRow = row;
        this.lastCol = col;
        this.note(address, row, col, cell);
      } else if (this.cells[address] === undefined) {
        // Out of order but new. lastRow/lastCol stay the largest, so a later in-order position can
        // never be this one again.
        this.note(address, row, col, cell);
      } else {
        this.primed = false;
      }
    }
    (this.cells as Record<string, CellSnapshot>)[address] = cell;
  }

  private note(address: string, row: number, col: number, cell: CellSnapshot): void {
    const at = this.n++;
    if (at === this.rows.length) this.grow();
    this.addresses[at] = address;
    this.list[at] = cell;
    this.rows[at] = row;
    this.cols[at] = col;
    // buildIndex's two tests (a text; isBlankCell) with one read of `value`: cells come in several shapes
    // (value, formula, format, error), so each property read is a slow, megamorphic one, and `error`
    // matters only for the few cells whose value is null or blank text.
    const value = cell.value;
    if (typeof value === "string") {
      this.texts.push(at);
      if (value.trim() === "" && !cell.error) this.blanks.push(at);
    } else {
      if (value === null && !cell.error) this.blanks.push(at);
      // Here the cell was just made and is still in the CPU's cache; text-cells' scan would otherwise
      // walk all of a large sheet's cells once more to find the few odd ones.
      if (isOddValue(cell, value)) this.odd.push(at);
    }
  }

  private grow(): void {
    const size = this.rows.length * 2;
    this.addresses.length = size;
    this.list.length = size;
    const rows = new Int32Array(size);
    rows.set(this.rows);
    this.rows = rows;
    const cols = new Int32Array(size);
    cols.set(this.cols);
    this.cols = cols;
  }

  /**
   * The sheet, its index primed unless a key was added twice. Call once, after the last {@link add}.
   * @param hidden - the sheet's visibility and hidden lines as the reader found them: kept only where
   *   they meet the cells (model/hidden.ts, hiddenFields), so that every host writes the same snapshot
   */
  sheet(name: string, merges: readonly string[], hidden?: HiddenParts): SheetSnapshot {
    const extent = { rowLo: this.rowLo, rowHi: this.rowHi, colLo: this.colLo, colHi: this.colHi };
    const sheet: SheetSnapshot = { name, cells: this.cells, merges, ...hiddenFields(hidden, extent) };
    if (this.primed) {
      const n = this.n;
      this.addresses.length = n;
      this.list.length = n;
      const blank = new Uint8Array(n);
      for (const at of this.blanks) blank[at] = 1;
      // Every key is `letters + row` with row ≥ 1 and col ≥ 1: canonical A1 by construction.
      indexes.set(sheet, {
        addresses: this.addresses,
        cells: this.list,
        rows: n === this.rows.length ? this.rows : this.rows.slice(0, n),
        cols: n === this.cols.length ? this.cols : this.cols.slice(0, n),
        canonical: new Uint8Array(n).fill(1),
        texts: this.texts,
        blank,
        odd: this.odd,
      });
    }
    return sheet;
  }
}
