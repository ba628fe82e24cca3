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

function buildIndex(sheet: SheetSnapshot): CellIndex {
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
  for (let at = 0; at < n; at++) {
    const address = addresses[at];
    const cell = all[address];
    cells[at] = cell;
    if (cell !== undefined && typeof cell.value === "string") texts.push(at);
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
  return { addresses, cells, rows, cols, canonical, texts };
}
