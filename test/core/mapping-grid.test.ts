import { cellIndex } from "../../src/core/model/cell-index";
import { gridOf, SheetGrid } from "../../src/core/mapping/grid";
import { mapWorkbook } from "../../src/core/mapping";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";

const sheet = (cells: Record<string, CellSnapshot>, merges: string[] = []): SheetSnapshot => ({ name: "表", cells, merges });

describe("cellIndex: every key of a sheet, parsed once", () => {
  test("keeps the snapshot's order and reads rows and columns of plain, $ and lower-case keys", () => {
    const ix = cellIndex(sheet({ B2: { value: "名称" }, $AA$10: { value: 1 }, c3: { value: null }, Note: { value: "x" }, D0: { value: 2 }, E011: { value: 3 } }));
    expect(ix.addresses).toEqual(["B2", "$AA$10", "c3", "Note", "D0", "E011"]);
    expect([...ix.rows]).toEqual([2, 10, 3, 0, 0, 11]);
    expect([...ix.cols]).toEqual([2, 27, 3, 0, 0, 5]);
    // Only `B2` can serve as a model's address as written.
    expect([...ix.canonical]).toEqual([1, 0, 0, 0, 0, 0]);
    expect(ix.texts).toEqual([0, 3]);
  });

  test("is built once per sheet object, and anew for a copy", () => {
    const s = sheet({ A1: { value: 1 } });
    expect(cellIndex(s)).toBe(cellIndex(s));
    expect(cellIndex({ ...s })).not.toBe(cellIndex(s));
    expect(gridOf(s)).toBe(gridOf(s));
    expect(gridOf({ ...s, cells: { A1: { value: 2 } } }).cell(1, 1)?.value).toBe(2);
  });
});

describe("SheetGrid over cells listed in any order", () => {
  // The same sheet written row by row, and shuffled with odd spellings of its keys.
  const tidy = sheet({ A1: { value: "项目" }, B1: { value: "金额" }, A2: { value: "甲" }, B2: { value: 5 }, C2: { value: " " }, A4: { value: "乙" }, C4: { value: 7 } }, ["A5:B5"]);
  const shuffled = sheet({ c4: { value: 7 }, $B$2: { value: 5 }, A4: { value: "乙" }, A2: { value: "甲" }, C2: { value: " " }, B1: { value: "金额" }, A1: { value: "项目" } }, ["A5:B5"]);

  test.each([
    ["row by row", tidy],
    ["shuffled", shuffled],
  ])("%s: rows, columns, cells and canonical addresses", (_, s) => {
    const g = new SheetGrid(s);
    expect(g.rowNumbers).toEqual([1, 2, 4]);
    expect(g.colsIn(2)).toEqual([1, 2]); // C2 is blank
    expect(g.colsIn(4, 2)).toEqual([3]);
    expect(g.hasCellsIn(4, 2, 2)).toBe(false);
    expect(g.hasCellsIn(4, 2, 3)).toBe(true);
    expect(g.cell(2, 2)?.value).toBe(5);
    expect(g.cell(3, 1)).toBeUndefined();
    expect(g.address(4, 3)).toBe("C4");
    expect(g.address(2, 2)).toBe("B2");
    expect(g.address(9, 28)).toBe("AB9");
    expect(g.bound(4, 3)).toEqual({ ref: { sheet: "表", address: "C4" }, cell: { value: 7 } });
    expect(g.bound(3, 3)).toEqual({ ref: { sheet: "表", address: "C3" } });
    expect([g.maxRow, g.maxCol]).toEqual([5, 3]);
    expect(g.rowsIn(2, 5)).toEqual([2, 4]);
  });

  test("of two keys naming one cell, the later one is read", () => {
    const g = new SheetGrid(sheet({ A1: { value: "先" }, a1: { value: "后" }, B1: { value: "乙" } }));
    expect(g.cell(1, 1)?.value).toBe("后");
    expect(g.colsIn(1)).toEqual([1, 2]);
    expect(g.address(1, 1)).toBe("A1");
  });

  test("a sparse sheet (a cell a million rows down) still finds its cells", () => {
    const g = new SheetGrid(sheet({ A1: { value: "标题" }, B1048576: { value: 1 } }));
    expect(g.rowNumbers).toEqual([1, 1048576]);
    expect(g.cell(1048576, 2)?.value).toBe(1);
    expect(g.cell(1048575, 2)).toBeUndefined();
  });

  test("mapping a shuffled copy of a workbook binds the same cells", () => {
    const rows: Record<string, CellSnapshot> = { A1: { value: "机构名称" }, B1: { value: "收入合计" }, C1: { value: "财政拨款" }, A2: { value: "甲单位" }, B2: { value: 10 }, C2: { value: 10 }, A3: { value: "合计" }, B3: { value: 10 }, C3: { value: 10 } };
    const reversed = Object.fromEntries(Object.entries(rows).reverse());
    const wb = (cells: Record<string, CellSnapshot>): WorkbookSnapshot => ({ sheets: [{ name: "收入", cells, merges: [] }], names: [] });
    const a = mapWorkbook(wb(rows));
    const b = mapWorkbook(wb(reversed));
    expect(a.tables.jx_income?.rows.map((r) => r.cells.total?.ref.address)).toEqual(["B2", "B3"]);
    expect(b.tables).toEqual(a.tables);
  });
});
