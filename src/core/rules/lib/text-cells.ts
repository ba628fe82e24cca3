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

/** A cell of a sheet that is neither text nor a plain number (see {@link oddValueCells}). */
export interface OddValueCell {
  readonly row: number;
  readonly col: number;
  readonly cell: CellSnapshot;
}

interface Scan {
  readonly texts: readonly TextCell[];
  readonly odd: readonly OddValueCell[];
}

const cache = new WeakMap<SheetSnapshot, Scan>();

/**
 * The sheet's cells whose value is a string (blank strings included), top to bottom, then left to right.
 * @param sheet - a snapshot sheet
 * @returns the cells in reading order; the same array for the same sheet object
 */
export function textCells(sheet: SheetSnapshot): readonly TextCell[] {
  return scan(sheet).texts;
}

/**
 * The sheet's cells that are neither text nor a plain number: a number with a number format, an abnormal
 * number (infinite, 10¹⁵ or more), an error, a boolean or an empty value — in the snapshot's order. With
 * the text cells they are every cell a figure rule may report (rules/lib/numeric-cells.ts); a
 * 400-institution sheet has a few dozen.
 */
export function oddValueCells(sheet: SheetSnapshot): readonly OddValueCell[] {
  return scan(sheet).odd;
}

function scan(sheet: SheetSnapshot): Scan {
  const hit = cache.get(sheet);
  if (hit) return hit;
  // The costly part, enumerating the sheet's dictionary of thousands of keys (≈0.1–0.3 µs a key), is
  // done once per sheet by model/cell-index.ts and shared with mapping's grid: here its arrays are read,
  // with rows and columns already parsed.
  const ix = cellIndex(sheet);
  const texts: TextCell[] = new Array<TextCell>(ix.texts.length);
  for (let k = 0; k < ix.texts.length; k++) {
    const i = ix.texts[k];
    const cell = ix.cells[i];
    texts[k] = { address: ix.addresses[i], row: ix.rows[i], col: ix.cols[i], value: cell.value as string, cell };
  }
  // The index already lists the odd cells (noted while each cell was read for the index), so the
  // sheet's tens of thousands of plain numbers are not walked again here.
  const odd: OddValueCell[] = new Array<OddValueCell>(ix.odd.length);
  for (let k = 0; k < ix.odd.length; k++) {
    const i = ix.odd[k];
    odd[k] = { row: ix.rows[i], col: ix.cols[i], cell: ix.cells[i] };
  }
  // Hosts list cells row by row, left to right, so the list is usually in order already: one linear
  // check instead of a sort. The sort compares parsed integers, never address strings.
  for (let i = 1; i < texts.length; i++) {
    if (texts[i - 1].row > texts[i].row || (texts[i - 1].row === texts[i].row && texts[i - 1].col > texts[i].col)) {
      texts.sort((a, b) => a.row - b.row || a.col - b.col);
      break;
    }
  }
  const result = { texts, odd };
  cache.set(sheet, result);
  return result;
}
