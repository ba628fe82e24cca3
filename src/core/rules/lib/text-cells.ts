/**
 * The text cells of a sheet, read once per snapshot and shared by every rule and prose scan that looks
 * at text (year-matches-report, the prose cells, the 合计 rows …).
 *
 * Why: a 收支情况 sheet of 400 institutions holds ≈10 000 numbers and ≈1 700 strings. Each text rule used
 * to walk all cells, test `typeof`, and some parsed every A1 address by regex to sort them; walking only
 * the strings, with row and column already parsed, makes those rules a small fraction of the work.
 * The list is cached on the sheet object itself (a WeakMap, never shared across snapshots: a new
 * snapshot is new objects). A snapshot is read-only data, so the list can never go stale.
 */
import type { CellSnapshot, SheetSnapshot } from "../../model/snapshot";
import { cellIndex } from "../../model/cell-index";

/** One string cell of a sheet. */
export interface TextCell {
  /** A1 address without `$` (`"C11"`), as keyed in the snapshot. */
  readonly address: string;
  /** 1-based row and column (0 when the key is no A1 address, which hosts never produce). */
  readonly row: number;
  readonly col: number;
  /** The string value, as stored (not trimmed). */
  readonly value: string;
  readonly cell: CellSnapshot;
}

const cache = new WeakMap<SheetSnapshot, readonly TextCell[]>();

/**
 * The sheet's cells whose value is a string (blank strings included), top to bottom, then left to right.
 * @param sheet - a snapshot sheet
 * @returns the cells in reading order; the same array for the same sheet object
 */
export function textCells(sheet: SheetSnapshot): readonly TextCell[] {
  const hit = cache.get(sheet);
  if (hit) return hit;
  // The costly part, enumerating the sheet's dictionary of thousands of keys (≈0.1–0.3 µs a key), is
  // done once per sheet by model/cell-index.ts and shared with mapping's grid: only its text positions
  // are read here, with rows and columns already parsed.
  const ix = cellIndex(sheet);
  const texts = ix.texts;
  const out: TextCell[] = new Array<TextCell>(texts.length);
  for (let k = 0; k < texts.length; k++) {
    const i = texts[k];
    const cell = ix.cells[i];
    out[k] = { address: ix.addresses[i], row: ix.rows[i], col: ix.cols[i], value: cell.value as string, cell };
  }
  // Hosts list cells row by row, left to right, so the list is usually in order already: one linear
  // check instead of a sort. The sort compares parsed integers, never address strings.
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].row > out[i].row || (out[i - 1].row === out[i].row && out[i - 1].col > out[i].col)) {
      out.sort((a, b) => a.row - b.row || a.col - b.col);
      break;
    }
  }
  cache.set(sheet, out);
  return out;
}
