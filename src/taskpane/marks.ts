/**
 * The pane's marks (the fills of flagged cells and the jx_marks sheet that remembers what they
 * replaced) and 撤销's restore writes: pure helpers with no engine behind them, so the first chunk can
 * use them (src/taskpane/services.ts re-exports them for the tests and older imports).
 */
import type { Finding, Severity } from "../core/engine/types";
import type { SheetContent } from "../core/model/sheet-content";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import { formatRef } from "../core/model/address";
import { restoreWrites as coreRestoreWrites } from "../core/fix";
import type { Highlight, SavedFill } from "../hosts/host";

/**
 * Fill colours by severity: Excel's "bad" red for errors, a light orange and a lavender for warnings
 * and notes. Each is clearly apart from the template's own colours (input #FFF2CC, computed #E7E6E6,
 * header #DDEBF7) and from the others — CIE76 ΔE ≥ 15, where the earlier #E4DFEC was 7 from the
 * computed grey: a marked cell never passes for an input, a computed cell or a header (a test measures it).
 */
export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: "#FFC7CE", info: "#E1CCF0", warning: "#F8CBAD" };

const RANK: Readonly<Record<Severity, number>> = { error: 0, info: 2, warning: 1 };

/**
 * One highlight per flagged cell, coloured by its most severe finding. A cell of a hidden sheet is not
 * painted: the clerk cannot see it, and the sheet (last year's, kept out of sight) stays as it was.
 */
export function highlightsFor(findings: readonly Finding[]): Highlight[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.hidden === "sheet") continue;
    const key = formatRef({ sheet: f.sheet, address: f.ref });
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  return [...byCell.values()].map((list) => {
    const worst = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0];
    return { at: { sheet: worst.sheet, address: worst.ref }, color: SEVERITY_COLORS[worst.severity], note: list.map((f) => f.message).join("\n") };
  });
}

/** The writes that restore the cells `writes` will change (value, formula, number format), for 撤销. */
export const restoreWrites: typeof coreRestoreWrites = coreRestoreWrites;

/** The sheet where the pane keeps the fills it saved before marking, so 清除标记 survives a reload. */
export const MARKS_SHEET = "jx_marks";

/** The jx_marks sheet for saved fills (header row first); an empty list writes the header only. */
export function marksSheet(saved: readonly SavedFill[]): SheetContent {
  return {
    name: MARKS_SHEET,
    rows: [["单元格", "原填充"], ...saved.map((s) => [formatRef(s.at), s.color ?? ""])],
    columnWidths: [20, 12],
    headingRows: [0],
    hidden: true,
  };
}

/** The saved fills kept in the workbook's jx_marks sheet (empty when absent). */
export function readMarks(snapshot: WorkbookSnapshot): SavedFill[] {
  const sheet = snapshot.sheets.find((s) => s.name === MARKS_SHEET);
  if (!sheet) return [];
  const out: SavedFill[] = [];
  for (let row = 2; ; row++) {
    const ref = sheet.cells[`A${row}`]?.value;
    if (typeof ref !== "string" || ref === "") break;
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(ref);
    if (!m) continue;
    const color = sheet.cells[`B${row}`]?.value;
    out.push({ at: { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3] }, color: typeof color === "string" && color !== "" ? color : null });
  }
  return out;
}
