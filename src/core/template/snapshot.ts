/**
 * The template as the engine would read it: a WorkbookSnapshot with every label, default, formula and
 * number format, and the contract names. Formula cells have no cached value, as in a freshly written file.
 */
import type { CellSnapshot, WorkbookSnapshot } from "../model/snapshot";
import type { WorkbookTemplate } from "./types";

/**
 * Turn a template into a snapshot (the empty template, before any calculation).
 * @param template - from buildTemplate
 * @returns the snapshot checkWorkbook reads
 * @example
 *   checkWorkbook(templateSnapshot(buildTemplate())).valid; // true
 */
export function templateSnapshot(template: WorkbookTemplate): WorkbookSnapshot {
  return {
    sheets: template.sheets.map((sheet) => {
      const cells: Record<string, CellSnapshot> = {};
      for (const c of sheet.cells) {
        if (c.value === undefined && c.formula === undefined) continue;
        cells[c.address] = {
          value: c.value ?? null,
          ...(c.formula !== undefined ? { formula: c.formula } : {}),
          ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
        };
      }
      return { name: sheet.name, cells, merges: sheet.merges };
    }),
    names: template.names.map((n) => ({ name: n.name, refersTo: n.refersTo })),
  };
}
