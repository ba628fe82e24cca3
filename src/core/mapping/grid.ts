/**
 * A read-only index over one sheet of a snapshot, for mapping: rows in order, merged areas, and the
 * displayed text of a cell (a merge's value lives in its top-left cell). Only cells present in the
 * snapshot are ever visited, so a whole-column name never makes us walk a million rows.
 */
import type { CellSnapshot, SheetSnapshot } from "../model/snapshot";
import { parseA1, parseArea, toA1, type Area, type Position } from "../model/address";

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

/** One sheet, indexed for mapping. */
export class SheetGrid {
  readonly name: string;
  /** Row numbers that hold at least one cell, ascending. */
  readonly rowNumbers: readonly number[];
  /** Largest row and column holding a cell or a merge. */
  readonly maxRow: number;
  readonly maxCol: number;
  readonly merges: readonly Area[];
  private readonly byRow = new Map<number, number[]>();
  private readonly cells: Readonly<Record<string, CellSnapshot>>;
  private readonly mergeAt = new Map<string, Area>();
  private readonly bigMerges: Area[] = [];

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.cells = sheet.cells;
    let maxRow = 0;
    let maxCol = 0;
    for (const address of Object.keys(sheet.cells)) {
      let pos: Position;
      try {
        pos = parseA1(address);
      } catch {
        continue;
      }
      const cols = this.byRow.get(pos.row);
      if (cols) cols.push(pos.col);
      else this.byRow.set(pos.row, [pos.col]);
      maxRow = Math.max(maxRow, pos.row);
      maxCol = Math.max(maxCol, pos.col);
    }
    for (const cols of this.byRow.values()) cols.sort((a, b) => a - b);
    this.rowNumbers = [...this.byRow.keys()].sort((a, b) => a - b);
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
          for (let c = area.start.col; c <= area.end.col; c++) this.mergeAt.set(`${r},${c}`, area);
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

  /** The raw cell at a position (no merge resolution). */
  cell(row: number, col: number): CellSnapshot | undefined {
    return this.cells[toA1({ row, col })];
  }

  /** The merged area covering a position, if any. */
  merge(row: number, col: number): Area | undefined {
    const hit = this.mergeAt.get(`${row},${col}`);
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

  /** Columns of a row that hold a non-blank cell, within [fromCol, toCol], ascending. */
  colsIn(row: number, fromCol = 1, toCol = Number.MAX_SAFE_INTEGER): number[] {
    const cols = this.byRow.get(row) ?? [];
    return cols.filter((c) => c >= fromCol && c <= toCol && !isBlank(this.cell(row, c)));
  }

  /** Row numbers holding a cell within [fromRow, toRow], ascending. */
  rowsIn(fromRow: number, toRow: number): number[] {
    return this.rowNumbers.filter((r) => r >= fromRow && r <= toRow);
  }
}
