/**
 * Apply cell writes to a snapshot, purely: what a host would show after applying them. Used by the
 * task pane (to re-check after a fill without re-reading) and by tests.
 */
import type { CellWrite } from "../engine/types";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";

/**
 * A copy of the snapshot with the writes applied: a value replaces the cell's value (and drops its
 * formula and error), a formula is kept with `value` as its cached result, a number format is set
 * when given and kept otherwise. Later writes to the same cell win.
 * @param snapshot - the workbook before
 * @param writes - fixes or fills
 * @returns the workbook after; `snapshot` is not changed
 * @throws Error when a write names a sheet the workbook does not have
 * @example applyWritesToSnapshot(snap, [{ at: { sheet: "自评表", address: "B5" }, value: 9.97 }])
 */
export function applyWritesToSnapshot(snapshot: WorkbookSnapshot, writes: readonly CellWrite[]): WorkbookSnapshot {
  const sheets = new Map<string, Record<string, CellSnapshot>>();
  for (const w of writes) {
    const sheet = snapshot.sheets.find((s) => s.name === w.at.sheet);
    if (!sheet) throw new Error(`applyWritesToSnapshot: no sheet named ${w.at.sheet}`);
    let cells = sheets.get(sheet.name);
    if (!cells) {
      cells = { ...sheet.cells };
      sheets.set(sheet.name, cells);
    }
    const address = w.at.address.replace(/\$/g, "").toUpperCase();
    const before = cells[address];
    const numberFormat = w.numberFormat ?? before?.numberFormat;
    let after: CellSnapshot;
    if (w.formula !== undefined) {
      after = { value: w.value ?? null, formula: w.formula.replace(/^=/, ""), ...(numberFormat ? { numberFormat } : {}) };
    } else if (w.value !== undefined) {
      after = { value: w.value, ...(numberFormat ? { numberFormat } : {}) };
    } else {
      after = { ...(before ?? { value: null }), ...(numberFormat ? { numberFormat } : {}) };
    }
    cells[address] = after;
  }
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s): SheetSnapshot => {
      const cells = sheets.get(s.name);
      return cells ? { ...s, cells } : s;
    }),
  };
}
