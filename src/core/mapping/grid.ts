/**
 * A read-only index over one sheet of a snapshot, for mapping: rows in order, merged areas, and the
 * displayed text of a cell (a merge's value lives in its top-left cell). Only cells present in the
 * snapshot are ever visited, so a whole-column name never makes us walk a million rows.
 *
 * The index is built once per sheet object ({@link gridOf}): mapping, form detection and the rules of
 * one check all read the same sheet, and a sheet of a snapshot never changes (snapshots are read-only).
 */
import type { CellSnapshot, LineRun, SheetSnapshot } from "../model/snapshot";
import type { BoundCell } from "../model/report-model";
import { indexToCol, parseArea, type Area } from "../model/address";
import { cellIndex, isBlankCell, type CellIndex } from "../model/cell-index";
import { inRuns } from "../model/hidden";

/** A number key for a position (rows < 2^20 + 1, columns < 2^14 + 1 in .xlsx). */
function key(row: number, col: number): number {
  return row * 20000 + col;
}

/** Whether a cell holds nothing a clerk would see (no cell, null or a whitespace-only string). */
export function isBlank(cell: CellSnapshot | undefined): boolean {
  return isBlankCell(cell);
}

/** The cell's value as text (numbers as written by JS), `""` when blank. */
export function cellText(cell: CellSnapshot | undefined): string {
  if (!cell || isBlank(cell)) return "";
  if (cell.error) return cell.error;
  return String(cell.value).trim();
}

const NUMERIC_TEXT = /^[-+−(（]?\s*[0-9０-９][0-9０-９,，.．\s]*\s*[%％)）]?$/;

/** Whether a cell holds a number, or text that is only a number (`"1,711.75"`, `"99.7%"`). */
export function isNumberLike(cell: CellSnapshot | undefined): boolean {
  if (!cell || isBlank(cell)) return false;
  if (typeof cell.value === "number") return true;
  return typeof cell.value === "string" && NUMERIC_TEXT.test(cell.value.trim());
}

/**
 * Index positions sorted by row, then column, one per position: of two keys naming the same position
 * (`C11` and `c11`) the later one wins, as assigning both in turn would leave it. Only for sheets whose
 * cells are not listed row by row.
 */
function sortedUnique(order: Int32Array, rows: Int32Array, cols: Int32Array): Int32Array {
  const list = Array.from(order).sort((a, b) => rows[a] - rows[b] || cols[a] - cols[b] || a - b);
  const out: number[] = [];
  for (const i of list) {
    const last = out[out.length - 1];
    if (last !== undefined && rows[last] === rows[i] && cols[last] === cols[i]) out[out.length - 1] = i;
    else out.push(i);
  }
  return Int32Array.from(out);
}

/**
 * The non-blank A1 cells of a sheet's index (runs once per cell of the workbook), noting whether they
 * already come row by row, left to right (hosts list them so; then nothing is sorted), and the largest
 * row and column.
 */
function nonBlankCells(ix: CellIndex): { order: Int32Array; sorted: boolean; maxRow: number; maxCol: number } {
  const { rows, cols, blank } = ix;
  const n = rows.length;
  let maxRow = 0;
  let maxCol = 0;
  const order = new Int32Array(n);
  let m = 0;
  let sorted = true;
  let prevRow = 0;
  let prevCol = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row === 0 || blank[i] === 1) continue;
    const col = cols[i];
    if (row < prevRow || (row === prevRow && col <= prevCol)) sorted = false;
    prevRow = row;
    prevCol = col;
    order[m++] = i;
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
  }
  return { order: order.subarray(0, m), sorted, maxRow, maxCol };
}

/** The row numbers of cells in row order, and where each row's run of cells starts (plus the end). */
function rowStarts(order: Int32Array, rows: Int32Array): { rowNumbers: number[]; startList: number[] } {
  const rowNumbers: number[] = [];
  const startList: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const row = rows[order[k]];
    if (row !== rowNumbers[rowNumbers.length - 1]) {
      rowNumbers.push(row);
      startList.push(k);
    }
  }
  startList.push(order.length);
  return { rowNumbers, startList };
}

/** One sheet, indexed for mapping. */
export class SheetGrid {
  readonly name: string;
  /** Row numbers that hold at least one non-blank cell, ascending. */
  readonly rowNumbers: readonly number[];
  /** Largest row and column holding a cell or a merge. */
  readonly maxRow: number;
  readonly maxCol: number;
  readonly merges: readonly Area[];
  /**
   * The layout is flat, over the sheet's {@link CellIndex} (no copy of a cell, no object per row): the
   * non-blank cells' positions in the index, sorted by row then column (`order`); row `rowNumbers[p]`
   * holds `order[starts[p]] … order[starts[p + 1] - 1]`. Building it is one pass over the index and a
   * few typed arrays, where a Map and arrays per row cost more than all the lookups mapping makes.
   */
  readonly ix: CellIndex;
  private readonly order: Int32Array;
  private readonly starts: Int32Array;
  /** Row number → p, as a dense array when rows are not too sparse, else a Map. */
  private readonly rowAt: Int32Array | Map<number, number>;
  /** Each row's columns, built on first {@link colsIn} of the row. */
  private readonly colLists: (readonly number[] | undefined)[];
  private readonly mergeAt = new Map<number, Area>();
  private readonly bigMerges: Area[] = [];
  /** Column letters by index, filled as addresses of blank positions are asked for. */
  private readonly letters: string[] = [];
  /** Results of pure text functions, by function and text (see {@link memo}). */
  private readonly memos = new Map<(text: string) => string, Map<string, string>>();
  private readonly hiddenRows?: readonly LineRun[];
  private readonly hiddenCols?: readonly LineRun[];

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.hiddenRows = sheet.hiddenRows;
    this.hiddenCols = sheet.hiddenCols;
    const ix = cellIndex(sheet);
    this.ix = ix;
    const { rows, cols } = ix;
    // The loops over every cell are functions of their own (V8 compiles the whole function around a hot
    // loop, here the constructor with its merges).
    const kept = nonBlankCells(ix);
    let order = kept.order;
    let { maxRow, maxCol } = kept;
    if (!kept.sorted) order = sortedUnique(order, rows, cols);
    const m = order.length;
    const { rowNumbers, startList } = rowStarts(order, rows);
    this.order = order;
    this.starts = Int32Array.from(startList);
    this.rowNumbers = rowNumbers;
    this.colLists = new Array(rowNumbers.length);
    if (maxRow <= 4 * m + 4096) {
      const dense = new Int32Array(maxRow + 1).fill(-1);
      for (let p = 0; p < rowNumbers.length; p++) dense[rowNumbers[p]] = p;
      this.rowAt = dense;
    } else {
      this.rowAt = new Map(rowNumbers.map((r, p) => [r, p]));
    }
    const merges: Area[] = [];
    for (const mg of sheet.merges) {
      let area: Area;
      try {
        area = parseArea(mg);
      } catch {
        continue;
      }
      merges.push(area);
      // A merge is indexed cell by cell only when small; huge merges (a whole banner row) are rare and
      // checked by scanning the list.
      const size = (area.end.row - area.start.row + 1) * (area.end.col - area.start.col + 1);
      if (size <= 4096) {
        for (let r = area.start.row; r <= area.end.row; r++) {
          for (let c = area.start.col; c <= area.end.col; c++) this.mergeAt.set(key(r, c), area);
        }
      } else {
        this.bigMerges.push(area);
      }
      maxRow = Math.max(maxRow, area.end.row);
      maxCol = Math.max(maxCol, area.end.col);
    }
    this.merges = merges;
    this.maxRow = maxRow;
    this.maxCol = maxCol;
  }

  /** The p of a row (its place in rowNumbers), -1 when the row holds no non-blank cell. */
  private rowIndex(row: number): number {
    const at = this.rowAt;
    if (at instanceof Int32Array) return row >= 0 && row < at.length ? at[row] : -1;
    return at.get(row) ?? -1;
  }

  /** The position in {@link ix} of the non-blank cell read at (row, col), -1 when blank. */
  find(row: number, col: number): number {
    const p = this.rowIndex(row);
    if (p < 0) return -1;
    const cols = this.ix.cols;
    const order = this.order;
    // Binary search over the row's columns: a wide row may hold hundreds of cells.
    let lo = this.starts[p];
    let hi = this.starts[p + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const i = order[mid];
      const c = cols[i];
      if (c === col) return i;
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The raw non-blank cell at a position (no merge resolution), undefined when blank. */
  cell(row: number, col: number): CellSnapshot | undefined {
    const i = this.find(row, col);
    return i < 0 ? undefined : this.ix.cells[i];
  }

  /** The A1 address of a position (`"C11"`): the snapshot's own key for a filled cell, no formatting. */
  address(row: number, col: number): string {
    const i = this.find(row, col);
    if (i >= 0 && this.ix.canonical[i] === 1) return this.ix.addresses[i];
    let letters = this.letters[col];
    if (letters === undefined) letters = this.letters[col] = indexToCol(col);
    return `${letters}${row}`;
  }

  /**
   * The position bound as the model keeps it: its reference, and its cell when filled. One row lookup
   * for both (tables bind every cell of every row: this is mapping's most called function).
   */
  bound(row: number, col: number): BoundCell {
    const i = this.find(row, col);
    if (i < 0) return { ref: { sheet: this.name, address: this.address(row, col) } };
    const ix = this.ix;
    return { ref: { sheet: this.name, address: ix.canonical[i] === 1 ? ix.addresses[i] : this.address(row, col) }, cell: ix.cells[i] };
  }

  /**
   * `fn(text)` for a text of this sheet, computed once per distinct text. Label normalisation is asked
   * of the same header and row texts by every table, form block and scalar search of a sheet; the
   * results live as long as the grid (one sheet object), never across snapshots. `fn` must be pure.
   */
  memo(fn: (text: string) => string, text: string): string {
    let m = this.memos.get(fn);
    if (m === undefined) this.memos.set(fn, (m = new Map()));
    let out = m.get(text);
    if (out === undefined) {
      out = fn(text);
      m.set(text, out);
    }
    return out;
  }

  /** Whether the clerk has hidden this row (SheetSnapshot.hiddenRows). */
  rowHidden(row: number): boolean {
    return inRuns(this.hiddenRows, row);
  }

  /** Whether the clerk has hidden this column (SheetSnapshot.hiddenCols). */
  colHidden(col: number): boolean {
    return inRuns(this.hiddenCols, col);
  }

  /**
   * Of two columns holding the same header, the one to read: the first, unless it is hidden and the
   * other is not (last year's figures kept in a hidden column headed like this year's).
   */
  preferCol(first: number, other: number): number {
    return this.colHidden(first) && !this.colHidden(other) ? other : first;
  }

  /** Of two rows holding the same label, the one to read: the first, unless only it is hidden (see {@link preferCol}). */
  preferRow(first: number, other: number): number {
    return this.rowHidden(first) && !this.rowHidden(other) ? other : first;
  }

  /** The merged area covering a position, if any. */
  merge(row: number, col: number): Area | undefined {
    if (this.mergeAt.size === 0 && this.bigMerges.length === 0) return undefined;
    const hit = this.mergeAt.get(key(row, col));
    if (hit) return hit;
    return this.bigMerges.find((a) => row >= a.start.row && row <= a.end.row && col >= a.start.col && col <= a.end.col);
  }

  /** The cell a clerk sees at a position: the merge's top-left cell when the position is merged. */
  shown(row: number, col: number): CellSnapshot | undefined {
    const own = this.cell(row, col);
    if (own !== undefined) return own; // only non-blank cells are indexed
    const m = this.merge(row, col);
    return m ? this.cell(m.start.row, m.start.col) : undefined;
  }

  /** Displayed text at a position (merge-resolved), `""` when blank. */
  text(row: number, col: number): string {
    return cellText(this.shown(row, col));
  }

  /** Columns of a row that hold a non-blank cell, within [fromCol, toCol], ascending. Do not modify. */
  colsIn(row: number, fromCol = 1, toCol = Number.MAX_SAFE_INTEGER): readonly number[] {
    const p = this.rowIndex(row);
    if (p < 0) return [];
    let cols = this.colLists[p];
    if (cols === undefined) {
      const list: number[] = [];
      for (let k = this.starts[p]; k < this.starts[p + 1]; k++) list.push(this.ix.cols[this.order[k]]);
      this.colLists[p] = cols = list;
    }
    if (fromCol <= cols[0] && toCol >= cols[cols.length - 1]) return cols;
    return cols.filter((c) => c >= fromCol && c <= toCol);
  }

  /** Whether a row holds a non-blank cell within [fromCol, toCol] (colsIn(…).length > 0, without a list). */
  hasCellsIn(row: number, fromCol: number, toCol: number): boolean {
    const p = this.rowIndex(row);
    if (p < 0) return false;
    const cols = this.ix.cols;
    for (let k = this.starts[p]; k < this.starts[p + 1]; k++) {
      const c = cols[this.order[k]];
      if (c > toCol) return false;
      if (c >= fromCol) return true;
    }
    return false;
  }

  /** Row numbers holding a cell within [fromRow, toRow], ascending. */
  rowsIn(fromRow: number, toRow: number): number[] {
    const rows = this.rowNumbers;
    // Binary search for the first row ≥ fromRow: tables read a few rows of long sheets.
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < fromRow) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < rows.length && rows[i] <= toRow; i++) out.push(rows[i]);
    return out;
  }
}

/** Grids already built, by sheet object: a snapshot's sheets are read-only, so an index never goes stale. */
const grids = new WeakMap<SheetSnapshot, SheetGrid>();

/**
 * The grid of a sheet, built on first use and shared by every later reader of the same sheet object
 * (mapping, form detection, rules). Never shared across snapshots: the key is the sheet object itself.
 */
export function gridOf(sheet: SheetSnapshot): SheetGrid {
  let g = grids.get(sheet);
  if (g === undefined) {
    g = new SheetGrid(sheet);
    grids.set(sheet, g);
  }
  return g;
}
