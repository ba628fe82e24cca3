/**
 * The snapshot's hidden parts (model/hidden.ts): runs of lines, fitted to a sheet's cells, and where a
 * cell is out of the clerk's sight.
 */
import { hiddenAt, hiddenFields, hiddenLookup, inRuns, normalizeRuns, runsOf } from "../../../src/core/model/hidden";
import { SheetCellsBuilder } from "../../../src/core/model/cell-index";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";

test("lines become runs, in any order, repeats merged", () => {
  expect(runsOf([9, 3, 4, 5, 4])).toEqual([[3, 5], [9, 9]]);
  expect(runsOf(new Set<number>())).toEqual([]);
});

test("runs are sorted, merged where they touch or overlap, and cut to the cells' lines", () => {
  expect(normalizeRuns([[9, 9], [1, 3], [4, 4], [6, 8]], 2, 100)).toEqual([[2, 4], [6, 9]]);
  // A template hiding every column after its last: one run, cut at the last column with a cell.
  expect(normalizeRuns([[12, 16384]], 1, 14)).toEqual([[12, 14]]);
  expect(normalizeRuns([[20, 30]], 1, 10)).toEqual([]);
  expect(normalizeRuns([[1, 5]], Infinity, 0)).toEqual([]); // a sheet without cells
});

test("inRuns by halving", () => {
  const runs = [[2, 4], [10, 10], [20, 25]] as const;
  expect([1, 2, 4, 5, 10, 11, 20, 25, 26].map((n) => inRuns(runs, n))).toEqual([false, true, true, false, true, false, true, true, false]);
  expect(inRuns(undefined, 3)).toBe(false);
});

test("where a cell is hidden: its sheet first, then its row and column", () => {
  const sheet: SheetSnapshot = { name: "S", cells: {}, merges: [], hiddenRows: [[17, 17]], hiddenCols: [[5, 5]] };
  expect(hiddenAt(sheet, 17, 3)).toBe("row");
  expect(hiddenAt(sheet, 4, 5)).toBe("column");
  expect(hiddenAt(sheet, 17, 5)).toBe("row-column");
  expect(hiddenAt(sheet, 4, 3)).toBeUndefined();
  expect(hiddenAt({ ...sheet, visibility: "veryHidden" }, 4, 3)).toBe("sheet");
  expect(hiddenAt({ ...sheet, visibility: "visible" }, 4, 3)).toBeUndefined();
});

test("a workbook that hides nothing gets no lookup at all", () => {
  expect(hiddenLookup({ sheets: [{ name: "S", cells: {}, merges: [] }], names: [] })).toBeUndefined();
  const lookup = hiddenLookup({ sheets: [{ name: "S", cells: {}, merges: [], hiddenRows: [[3, 3]] }], names: [] });
  expect(lookup?.("S", 3, 1)).toBe("row");
  expect(lookup?.("T", 3, 1)).toBeUndefined();
});

test("the fields a reader writes: visible and nothing hidden leave no field", () => {
  const extent = { rowLo: 1, rowHi: 20, colLo: 1, colHi: 8 };
  expect(hiddenFields({ visibility: "visible", rows: [], cols: [[10, 12]] }, extent)).toEqual({});
  expect(hiddenFields({ visibility: "hidden", rows: [[3, 3], [4, 6]] }, extent)).toEqual({ visibility: "hidden", hiddenRows: [[3, 6]] });
  expect(hiddenFields(undefined, extent)).toEqual({});
});

test("the cell builder fits the hidden lines to the cells it was given", () => {
  const b = new SheetCellsBuilder();
  b.add(3, 2, { value: "项目" });
  b.add(9, 4, { value: 1 });
  const sheet = b.sheet("S", [], { visibility: "visible", rows: [[1, 3], [8, 100]], cols: [[1, 1], [4, 16384]] });
  expect(sheet).toEqual({ name: "S", cells: { B3: { value: "项目" }, D9: { value: 1 } }, merges: [], hiddenRows: [[3, 3], [8, 9]], hiddenCols: [[4, 4]] });
  expect(new SheetCellsBuilder().sheet("空", [], { visibility: "hidden", rows: [[1, 5]] })).toEqual({ name: "空", cells: {}, merges: [], visibility: "hidden" });
});
