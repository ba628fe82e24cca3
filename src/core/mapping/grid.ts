/**
 * A read-only index over one sheet of a snapshot, for mapping: rows in order, merged areas, and the
 * displayed text of a cell (a merge's value lives in its top-left cell). Only cells present in the
 * snapshot are ever visited, so a whole-column name never makes us walk a million rows.
 */
import type { CellSnapshot, SheetSnapshot } from "../model/snapshot";
import { parseArea, type Area } from "../model/address";

/** A number key for a position (rows < 2^20 + 1, columns < 2^14 + 1 in .xlsx). */
function key(row: number, col: number): number {
  return row * 20000 + col;
}

/** Whether a cell holds nothing a clerk would see (no cell, null or a whitespace-only string). */
export function isBlank(cell: CellSnapshot | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  if (cell.value === null) return true;
  return typeof cell.value === "string" && cell.value.trim() === "";
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

/** `"C11"` → [11, 3] without regexes (a snapshot may hold hundreds of thousands of cells). */
function splitAddress(address: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch === 36) continue; // `$`
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
  }
  if (col === 0 || i >= address.length) return undefined;
  if (address.charCodeAt(i) === 36) i++; // `$` before the row
  let row = 0;
  for (let j = i; j < address.length; j++) {
    const d = address.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return i < address.length && row > 0 ? [row, col] : undefined;
}

/** The numbers sorted ascending, in place (not re-sorted when they already are). */
function ascending(xs: number[]): number[] {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1] > xs[i]) return xs.sort((a, b) => a - b);
  return xs;
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
  /** Non-blank cells by row, then column. */
  private readonly byRow = new Map<number, Map<number, CellSnapshot>>();
  /** Columns of each row's non-blank cells, ascending. */
  private readonly colsByRow = new Map<number, number[]>();
  private readonly mergeAt = new Map<number, Area>();
  private readonly bigMerges: Area[] = [];

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    let maxRow = 0;
    let maxCol = 0;
    const all = sheet.cells;
    // for…in rather than Object.entries: no pair array per cell on sheets of 100 000+ cells.
    for (const address in all) {
      const cell = all[address];
      if (isBlank(cell)) continue;
      const pos = splitAddress(address);
      if (!pos) continue;
      const [row, col] = pos;
      let cells = this.byRow.get(row);
      if (!cells) {
        cells = new Map();
        this.byRow.set(row, cells);
      }
      cells.set(col, cell);
      maxRow = Math.max(maxRow, row);
      maxCol = Math.max(maxCol, col);
    }
    // Snapshots list cells row by row, left to right: the keys are usually in order already, and then
    // sorting (a copy per row) is skipped.
    for (const [row, cells] of this.byRow) this.colsByRow.set(row, ascending([...cells.keys()]));
    this.rowNumbers = ascending([...this.byRow.keys()]);
    const merges: Area[] = [];
    for (const m of sheet.merges) {
      let area: Area;
      try {
        area = parseArea(m);
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

  /** The raw non-blank cell at a position (no merge resolution), undefined when blank. */
  cell(row: number, col: number): CellSnapshot | undefined {
    return this.byRow.get(row)?.get(col);
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
    if (!isBlank(own)) return own;
    const m = this.merge(row, col);
    return m ? this.cell(m.start.row, m.start.col) : own;
  }

  /** Displayed text at a position (merge-resolved), `""` when blank. */
  text(row: number, col: number): string {
    return cellText(this.shown(row, col));
  }

  /** Columns of a row that hold a non-blank cell, within [fromCol, toCol], ascending. Do not modify. */
  colsIn(row: number, fromCol = 1, toCol = Number.MAX_SAFE_INTEGER): readonly number[] {
    const cols = this.colsByRow.get(row);
    if (!cols) return [];
    if (fromCol <= cols[0] && toCol >= cols[cols.length - 1]) return cols;
    return cols.filter((c) => c >= fromCol && c <= toCol);
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
