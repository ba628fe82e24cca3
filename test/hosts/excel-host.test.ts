/**
 * The Excel adapter against office-addin-mock's context: what it reads, what it writes, and how many
 * `context.sync()` round trips it needs (a spy on the context's sync; the spy still calls the real one).
 */
import { OfficeMockObject } from "office-addin-mock";
import { ExcelHost, planWriteRuns, type ExcelRun, type RequirementCheck } from "../../src/hosts/excel/excel-host";
import type { CellWrite } from "../../src/core/engine/types";
import { indexToCol, parseA1 } from "../../src/core/model/address";

type Grid = unknown[][];

interface FakeSheet {
  name: string;
  /** Used range address and its arrays (values/formulas/numberFormat/valueTypes). */
  address: string;
  values: Grid;
  formulas?: Grid;
  numberFormat?: Grid;
  valueTypes?: Grid;
  merged?: string;
  names?: { name: string; type: string; value: unknown; formula?: string; scope?: string }[];
  /** Worksheet.visibility ("Visible" when absent). */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Hidden rows and columns of the sheet (1-based); the used range's flags and visible areas follow from them. */
  hiddenRows?: number[];
  hiddenCols?: number[];
}

interface FakeBook {
  sheets: FakeSheet[];
  names: { name: string; type: string; value: unknown; formula?: string; scope?: string }[];
  /** Initial fill per "Sheet!A1": [color, pattern]. Default: no fill (#FFFFFF, "None"). */
  fills?: Record<string, [string, string]>;
  /** Number formats of cells outside the used range arrays, per "Sheet!A1" (blank template cells). */
  formats?: Record<string, string>;
}

/**
 * office-addin-mock cannot load a path through an array ("items/name" throws), so collections get a
 * load that loads `items` whatever was asked; the adapter's real load strings are checked separately.
 */
const loadItems = function (this: OfficeMockObject, what?: unknown): unknown {
  collectionLoads.push(String(what));
  return OfficeMockObject.prototype.load.call(this, "items");
};
let collectionLoads: string[] = [];

/** A mock Excel.run plus the mock context, built from a fake book. */
function mockExcel(book: FakeBook): { run: ExcelRun; ctx: Excel.RequestContext & OfficeMockObject; root: OfficeMockObject } {
  collectionLoads = [];
  const fills = book.fills ?? {};
  const sheetData: Record<string, unknown> = {};
  for (const s of book.sheets) {
    const rows = s.values.length;
    const cols = s.values[0]?.length ?? 0;
    const fillGrid = (v: unknown): Grid => Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
    const used = parseA1(s.address.split(":")[0]);
    const hiddenRows = new Set(s.hiddenRows ?? []);
    const hiddenCols = new Set(s.hiddenCols ?? []);
    const flag = (set: Set<number>, from: number, n: number): boolean | null => {
      const k = Array.from({ length: n }, (_, i) => from + i).filter((x) => set.has(x)).length;
      return k === 0 ? false : k === n ? true : null;
    };
    // The visible cells as Excel gives them: one area per visible row run and column run.
    const shown = (set: Set<number>, from: number, n: number): [number, number][] =>
      Array.from({ length: n }, (_, i) => from + i)
        .filter((x) => !set.has(x))
        .reduce<[number, number][]>((runs, x) => (runs.length && runs[runs.length - 1][1] === x - 1 ? (runs[runs.length - 1][1] = x, runs) : [...runs, [x, x]]), []);
    const areas = shown(hiddenRows, used.row, rows).flatMap(([r1, r2]) => shown(hiddenCols, used.col, cols).map(([c1, c2]) => `${s.name}!${indexToCol(c1)}${r1}:${indexToCol(c2)}${r2}`));
    /** A line of the used range (getRow / getColumn), with its own flag. */
    const line = function (this: OfficeMockObject & Record<string, unknown>, key: string, data: Record<string, unknown>): unknown {
      if (this[key] === undefined) {
        (this as unknown as { addMock(n: string): void }).addMock(key);
        (this[key] as unknown as { populate(d: unknown): void }).populate(data);
      }
      return this[key];
    };
    sheetData[`sheet_${s.name}`] = {
      name: s.name,
      names: { items: s.names ?? [], load: loadItems },
      usedRange: {
        address: `${s.name}!${s.address}`,
        values: s.values,
        formulas: s.formulas ?? s.values,
        numberFormat: s.numberFormat ?? fillGrid("General"),
        valueTypes: s.valueTypes ?? fillGrid("Double"),
        // office-addin-mock cannot hold null: a mixed (null) flag is set once the mock is built.
        rowHidden: flag(hiddenRows, used.row, rows) ?? false,
        columnHidden: flag(hiddenCols, used.col, cols) ?? false,
        merged: { address: s.merged ?? "" },
        visibleAreas: { address: areas.join(","), isNullObject: areas.length === 0 },
        getMergedAreasOrNullObject: function () {
          return this.merged;
        },
        getSpecialCellsOrNullObject: jest.fn(function (this: { visibleAreas: unknown }, type: string) {
          if (type !== "Visible") throw new Error(`unexpected special cells ${type}`);
          return this.visibleAreas;
        }),
        getRow: function (this: OfficeMockObject & Record<string, unknown>, i: number) {
          return line.call(this, `row_${i}`, { rowHidden: hiddenRows.has(used.row + i) });
        },
        getColumn: function (this: OfficeMockObject & Record<string, unknown>, j: number) {
          return line.call(this, `col_${j}`, { columnHidden: hiddenCols.has(used.col + j) });
        },
      },
      getUsedRangeOrNullObject: function (this: { usedRange: unknown }) {
        return this.usedRange;
      },
      getUsedRange: function (this: { usedRange: unknown }) {
        return this.usedRange;
      },
      activate: jest.fn(),
      getRange: function (this: OfficeMockObject & Record<string, unknown>, address: string) {
        const key = `r_${address}`;
        if (this[key] === undefined) {
          const [color, pattern] = fills[`${s.name}!${address}`] ?? ["#FFFFFF", "None"];
          (this as unknown as { addMock(n: string): void }).addMock(key);
          const [first, last] = address.split(":");
          const a = parseA1(first);
          const b = parseA1(last ?? first);
          const numberFormat = Array.from({ length: b.row - a.row + 1 }, (_, i) =>
            Array.from({ length: b.col - a.col + 1 }, (_, j) => (book.formats ?? {})[`${s.name}!${indexToCol(a.col + j)}${a.row + i}`] ?? "General"),
          );
          (this[key] as unknown as { populate(d: unknown): void }).populate({
            address,
            numberFormat,
            format: {
              fill: {
                color,
                pattern,
                clear: function (this: Record<string, unknown>) {
                  this.color = "#FFFFFF";
                  this.pattern = "None";
                  this.cleared = true;
                },
              },
            },
            select: jest.fn(),
          });
        }
        return this[key];
      },
    };
  }
  const root = new OfficeMockObject({
    context: {
      workbook: {
        names: {
          items: book.names,
          load: loadItems,
          add: jest.fn(),
        },
        worksheets: {
          items: book.sheets.map((s) => ({ name: s.name, visibility: s.visibility ?? "Visible" })),
          load: loadItems,
          getItem: function (this: Record<string, unknown>, name: string) {
            const sheet = this[`sheet_${name}`];
            if (!sheet) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
            return sheet;
          },
          ...sheetData,
        },
      },
    },
  });
  const ctx = (root as unknown as { context: Excel.RequestContext & OfficeMockObject }).context;
  for (const s of book.sheets) {
    const used = parseA1(s.address.split(":")[0]);
    const range = (ctx.workbook.worksheets as unknown as Record<string, { usedRange: Record<string, unknown> }>)[`sheet_${s.name}`].usedRange;
    const some = (hidden: number[] | undefined, from: number, n: number): boolean => {
      const k = (hidden ?? []).filter((x) => x >= from && x < from + n).length;
      return k > 0 && k < n;
    };
    if (some(s.hiddenRows, used.row, s.values.length)) range.rowHidden = null;
    if (some(s.hiddenCols, used.col, s.values[0]?.length ?? 0)) range.columnHidden = null;
  }
  const run: ExcelRun = (batch) => batch(ctx);
  return { run, ctx, root };
}

const all: RequirementCheck = () => true;
const upTo =
  (max: number): RequirementCheck =>
  (_n, v) =>
    Number(v.split(".")[1]) <= max;

/** A workbook with n workbook-scoped names spread over a 收支情况 sheet, plus one sheet-scoped name. */
function bookWithNames(n: number): FakeBook {
  const rows = Math.max(3, n);
  const values: Grid = Array.from({ length: rows }, (_, i) => ["机构名称" + i, i * 1.5, ""]);
  values[0] = ["机构名称", "收入合计", "执行率"];
  values[1] = ["汇总", 3467700, 0.9971];
  const formulas: Grid = values.map((r) => [...r]);
  formulas[2][1] = "=B2*2";
  values[2][1] = 6935400;
  const numberFormat: Grid = values.map(() => ["General", "#,##0.00", "General"]);
  numberFormat[1][2] = "0.00%";
  const names = Array.from({ length: n }, (_, i) => ({
    name: `jx_n${i}`,
    type: "Range",
    value: `收支情况!$B$${i + 1}`,
    formula: `=收支情况!$B$${i + 1}`,
    scope: "Workbook",
  }));
  return {
    sheets: [
      {
        name: "收支情况",
        address: `A1:C${rows}`,
        values,
        formulas,
        numberFormat,
        merged: "收支情况!$A$5:$A$6, 收支情况!$B$7:$C$7",
        // Excel on the web lists the workbook's names under the sheet too, with scope "Workbook".
        names: [
          ...names.slice(0, 5),
          { name: "local_total", type: "Range", value: "收支情况!$B$2", formula: "=收支情况!$B$2", scope: "Worksheet" },
        ],
      },
      { name: "Sheet 2", address: "B2:C3", values: [["a", ""], ["", true]] },
    ],
    names,
  };
}

describe("ExcelHost.readWorkbook", () => {
  it.each([10, 100, 1000])("reads %i names and every sheet in at most two syncs", async (n) => {
    const { run, ctx } = mockExcel(bookWithNames(n));
    const sync = jest.spyOn(ctx, "sync");
    const host = new ExcelHost(run, { isSetSupported: all });
    const result = await host.readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
    expect(result.value.names.filter((d) => d.scope === undefined)).toHaveLength(n);
    expect(result.value.sheets).toHaveLength(2);
  });

  it("reads 50 sheets in two syncs as well", async () => {
    const book = bookWithNames(10);
    for (let i = 0; i < 48; i++) book.sheets.push({ name: `表${i}`, address: "A1:B1", values: [[`标签${i}`, i]] });
    const { run, ctx } = mockExcel(book);
    const sync = jest.spyOn(ctx, "sync");
    const result = await new ExcelHost(run, { isSetSupported: all }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(result.value.sheets).toHaveLength(50);
    expect(result.value.sheets[49].cells).toEqual({ A1: { value: "标签47" }, B1: { value: 47 } });
  });

  it("returns values, formulas, number formats, merges and both name scopes without duplicates", async () => {
    const { run } = mockExcel(bookWithNames(10));
    const result = await new ExcelHost(run, { isSetSupported: all }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    const [sheet, sheet2] = result.value.sheets;
    expect(sheet.cells.B2).toEqual({ value: 3467700, numberFormat: "#,##0.00" });
    expect(sheet.cells.C2).toEqual({ value: 0.9971, numberFormat: "0.00%" });
    expect(sheet.cells.B3).toEqual({ value: 6935400, formula: "B2*2", numberFormat: "#,##0.00" });
    expect(sheet.cells.C3).toBeUndefined(); // empty cells are left out
    expect(sheet.merges).toEqual(["A5:A6", "B7:C7"]);
    // A used range that starts at B2 keeps its addresses.
    expect(sheet2.name).toBe("Sheet 2");
    expect(sheet2.cells).toEqual({ B2: { value: "a" }, C3: { value: true } });
    // Workbook names once (not again from the sheet), the local name with its scope.
    expect(result.value.names.filter((d) => d.name === "jx_n0")).toEqual([{ name: "jx_n0", refersTo: "收支情况!$B$1" }]);
    expect(result.value.names).toContainEqual({ name: "local_total", refersTo: "收支情况!$B$2", scope: "收支情况" });
    expect(result.value.names).toHaveLength(11);
  });

  it("asks Office for only the properties it needs", async () => {
    const { run } = mockExcel(bookWithNames(10));
    await new ExcelHost(run, { isSetSupported: all }).readWorkbook();
    expect(collectionLoads).toEqual([
      "items/name,items/type,items/value,items/scope,items/formula", // workbook names
      "items/name,items/visibility", // sheets
      "items/name,items/type,items/value,items/scope,items/formula", // each sheet's names
      "items/name,items/type,items/value,items/scope,items/formula",
    ]);
    // Before ExcelApi 1.4/1.7 neither scope nor formula exist, and there are no sheet-scoped names to ask for.
    const old = mockExcel(bookWithNames(10));
    await new ExcelHost(old.run, { isSetSupported: upTo(3) }).readWorkbook();
    expect(collectionLoads).toEqual(["items/name,items/type,items/value", "items/name,items/visibility"]);
  });

  it("carries error values as errors and falls back to value when formula (1.7) is missing", async () => {
    const book: FakeBook = {
      sheets: [
        {
          name: "S",
          address: "A1:B1",
          values: [["#DIV/0!", "x"]],
          formulas: [["=1/0", "x"]],
          valueTypes: [["Error", "String"]],
        },
      ],
      names: [
        { name: "jx_unit_name", type: "Range", value: "S!$B$1" },
        { name: "jx_money_unit", type: "String", value: "万元" },
      ],
    };
    const { run } = mockExcel(book);
    const result = await new ExcelHost(run, { isSetSupported: upTo(1) }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.sheets[0].cells.A1).toEqual({ value: null, error: "#DIV/0!", formula: "1/0" });
    expect(result.value.sheets[0].merges).toEqual([]); // merged areas need ExcelApi 1.13
    expect(result.value.names).toEqual([
      { name: "jx_unit_name", refersTo: "S!$B$1" },
      { name: "jx_money_unit", refersTo: '"万元"' },
    ]);
  });

  it("reads the number formats of blank cells about to be written in the same two syncs", async () => {
    const book = bookWithNames(10);
    // C3 is blank inside the used range, E1:F1 blank beyond it: the template preset their formats.
    book.sheets[0].numberFormat![2][2] = "0.00%";
    book.formats = { "收支情况!C3": "0.00%", "收支情况!E1": "@", "收支情况!F1": "0.00" };
    const { run, ctx } = mockExcel(book);
    const sync = jest.spyOn(ctx, "sync");
    const at = (address: string) => ({ sheet: "收支情况", address });
    const cells = [at("C3"), at("E1"), at("F1"), at("G1"), at("B2"), { sheet: "不存在", address: "A1" }];
    const result = await new ExcelHost(run, { isSetSupported: all }).readWorkbook({ cells });
    if (!result.ok) throw new Error(result.error.message);
    expect(sync).toHaveBeenCalledTimes(2);
    const sheet = result.value.sheets[0];
    expect(sheet.cells.C3).toEqual({ value: null, numberFormat: "0.00%" });
    expect(sheet.cells.E1).toEqual({ value: null, numberFormat: "@" });
    expect(sheet.cells.F1).toEqual({ value: null, numberFormat: "0.00" });
    expect(sheet.cells.G1).toBeUndefined(); // blank and General: nothing to put back
    expect(sheet.cells.B2).toEqual({ value: 3467700, numberFormat: "#,##0.00" }); // a non-blank cell reads as always
    // A plain read (a check) still lists only non-empty cells.
    const plain = await new ExcelHost(mockExcel(book).run, { isSetSupported: all }).readWorkbook();
    expect(plain.ok && plain.value.sheets[0].cells.E1).toBeUndefined();
  });

  it("reads each sheet's visibility and its hidden rows and columns in the same two syncs", async () => {
    const book = bookWithNames(10);
    // Row 4 and column B hidden (last year's figures); a hidden sheet; the pane's own bookkeeping sheet.
    book.sheets[0] = { ...book.sheets[0], hiddenRows: [4, 7, 8], hiddenCols: [2] };
    book.sheets.push({ name: "2022年自评表", address: "A1:B1", values: [["项目", 1]], visibility: "Hidden" });
    book.sheets.push({ name: "jx_marks", address: "A1:B1", values: [["单元格", "原填充"]], visibility: "VeryHidden" });
    const { run, ctx } = mockExcel(book);
    const sync = jest.spyOn(ctx, "sync");
    const result = await new ExcelHost(run, { isSetSupported: all }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expect(sync).toHaveBeenCalledTimes(2);
    const [sheet, sheet2, old, marks] = result.value.sheets;
    expect(sheet).toMatchObject({ hiddenRows: [[4, 4], [7, 8]], hiddenCols: [[2, 2]] });
    expect(sheet.visibility).toBeUndefined();
    // A sheet that hides nothing carries no hidden fields at all.
    expect(Object.keys(sheet2).sort()).toEqual(["cells", "merges", "name"]);
    expect(old.visibility).toBe("hidden");
    expect(marks.visibility).toBe("veryHidden");
    // The cells of hidden rows, columns and sheets are read like any other.
    expect(sheet.cells.B4).toEqual({ value: 4.5, numberFormat: "#,##0.00" });
    expect(old.cells.B1).toEqual({ value: 1 });
  });

  it("before ExcelApi 1.9, one more sync reads each line's flag, only for a sheet that hides some of its rows or columns", async () => {
    const plain = mockExcel(bookWithNames(10));
    const plainSync = jest.spyOn(plain.ctx, "sync");
    const before = await new ExcelHost(plain.run, { isSetSupported: upTo(8) }).readWorkbook();
    expect(before.ok).toBe(true);
    expect(plainSync).toHaveBeenCalledTimes(2);

    const book = bookWithNames(10);
    book.sheets[0] = { ...book.sheets[0], hiddenRows: [4], hiddenCols: [1, 2, 3] };
    const { run, ctx } = mockExcel(book);
    const sync = jest.spyOn(ctx, "sync");
    const result = await new ExcelHost(run, { isSetSupported: upTo(8) }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expect(sync).toHaveBeenCalledTimes(3);
    // Every column hidden answers at once (columnHidden true); the rows take the per-line read.
    expect(result.value.sheets[0]).toMatchObject({ hiddenRows: [[4, 4]], hiddenCols: [[1, 3]] });
  });

  it("ExcelApi 1.1 has no rowHidden: the visibility is still read, the lines are not", async () => {
    const book = bookWithNames(10);
    book.sheets[0] = { ...book.sheets[0], hiddenRows: [4] };
    book.sheets[1] = { ...book.sheets[1], visibility: "Hidden" };
    const { run, ctx } = mockExcel(book);
    const sync = jest.spyOn(ctx, "sync");
    const result = await new ExcelHost(run, { isSetSupported: upTo(1) }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(result.value.sheets[0].hiddenRows).toBeUndefined();
    expect(result.value.sheets[1].visibility).toBe("hidden");
  });

  it("turns an Office error into a Chinese HostError instead of throwing", async () => {
    const failing: ExcelRun = async () => {
      throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
    };
    const result = await new ExcelHost(failing, { isSetSupported: all }).readWorkbook();
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "too-large", message: expect.stringContaining("读取工作簿失败") }),
    });
  });
});

describe("ExcelHost.applyWrites", () => {
  it.each([10, 1000])("writes %i cells as contiguous 2-D runs in at most two syncs", async (n) => {
    const { run, ctx } = mockExcel(bookWithNames(n));
    const sync = jest.spyOn(ctx, "sync");
    const writes: CellWrite[] = Array.from({ length: n }, (_, i) => ({
      at: { sheet: "收支情况", address: `${i % 2 === 0 ? "B" : "C"}${Math.floor(i / 2) + 1}` },
      value: i,
    }));
    const result = await new ExcelHost(run, { isSetSupported: all }).applyWrites(writes);
    expect(result).toEqual({ ok: true, value: n });
    expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
    const sheet = ctx.workbook.worksheets.getItem("收支情况");
    // Each row's B and C cells went in as one range.
    expect(sheet.getRange("B1:C1").values).toEqual([[0, 1]]);
    expect(sheet.getRange(`B${n / 2}:C${n / 2}`).values).toEqual([[n - 2, n - 1]]);
  });

  it("writes formulas with '=', number formats, and clears with an empty string", async () => {
    const { run, ctx } = mockExcel(bookWithNames(10));
    const result = await new ExcelHost(run, { isSetSupported: all }).applyWrites([
      { at: { sheet: "收支情况", address: "B2" }, value: 346.77 },
      { at: { sheet: "收支情况", address: "C2" }, formula: "B2/B3", value: 0.5, numberFormat: "0.00%" },
      { at: { sheet: "收支情况", address: "D2" }, value: null },
      { at: { sheet: "收支情况", address: "B2" }, numberFormat: "#,##0.00" },
    ]);
    expect(result).toEqual({ ok: true, value: 3 });
    const sheet = ctx.workbook.worksheets.getItem("收支情况");
    expect(sheet.getRange("B2:C2").formulas).toEqual([[346.77, "=B2/B3"]]);
    expect(sheet.getRange("B2:C2").numberFormat).toEqual([["#,##0.00", "0.00%"]]);
    expect(sheet.getRange("D2").values).toEqual([[""]]);
  });

  it("splits the batch into several syncs when the payload would pass the limit", async () => {
    const { run, ctx } = mockExcel(bookWithNames(10));
    const sync = jest.spyOn(ctx, "sync");
    const long = "综".repeat(700); // ~2.1 kB of UTF-8 each
    const writes: CellWrite[] = Array.from({ length: 30 }, (_, i) => ({ at: { sheet: "收支情况", address: `A${i * 2 + 1}` }, value: long }));
    const result = await new ExcelHost(run, { isSetSupported: all, maxPayloadBytes: 23_000 }).applyWrites(writes);
    expect(result).toEqual({ ok: true, value: 30 });
    // One sync to check the sheets exist, then 30 × ~2.2 kB in batches of at most 23 kB: 10 a sync.
    expect(sync.mock.calls.length).toBe(4);
  });

  it("reports a missing sheet as not-found in Chinese", async () => {
    const { run } = mockExcel(bookWithNames(10));
    const result = await new ExcelHost(run, { isSetSupported: all }).applyWrites([{ at: { sheet: "没有", address: "A1" }, value: 1 }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("not-found");
      expect(result.error.message).toMatch(/找不到/);
    }
  });
});

describe("planWriteRuns", () => {
  it("cuts runs at gaps, rows, sheets and changes of shape", () => {
    const w = (address: string, extra: Partial<CellWrite> = { value: 1 }): CellWrite => ({ at: { sheet: "S", address }, ...extra });
    const runs = planWriteRuns([w("A1"), w("B1"), w("D1"), w("A2"), w("B2", { numberFormat: "0" }), { at: { sheet: "T", address: "C1" }, value: 2 }]);
    expect(runs.map((r) => [r.sheet, r.row, r.startCol, r.writes.length])).toEqual([
      ["S", 1, 1, 2],
      ["S", 1, 4, 1],
      ["S", 2, 1, 1],
      ["S", 2, 2, 1],
      ["T", 1, 3, 1],
    ]);
  });
});

describe("ExcelHost.highlight / clearHighlights", () => {
  const book = (): FakeBook => ({
    ...bookWithNames(10),
    fills: { "收支情况!B2": ["#FFFF00", "Solid"], "收支情况!C2": ["#FFFFFF", "Solid"] },
  });

  it("saves fills in one sync, paints in another, and restores each cell's own fill exactly", async () => {
    const { run, ctx } = mockExcel(book());
    const host = new ExcelHost(run, { isSetSupported: all });
    const sync = jest.spyOn(ctx, "sync");
    const marks = ["B2", "C2", "B3"].map((address) => ({ at: { sheet: "收支情况", address }, color: "#F4CCCC" }));
    const saved = await host.highlight(marks);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(saved).toEqual({
      ok: true,
      value: [
        { at: { sheet: "收支情况", address: "B2" }, color: "#FFFF00" },
        { at: { sheet: "收支情况", address: "C2" }, color: "#FFFFFF" }, // a real white fill stays white
        { at: { sheet: "收支情况", address: "B3" }, color: null }, // no fill
      ],
    });
    const sheet = ctx.workbook.worksheets.getItem("收支情况");
    const fill = (a: string) => sheet.getRange(a).format.fill as unknown as { color: string; pattern: string; cleared?: boolean };
    expect(["B2", "C2", "B3"].map((a) => fill(a).color)).toEqual(["#F4CCCC", "#F4CCCC", "#F4CCCC"]);

    if (!saved.ok) throw new Error("unreachable");
    sync.mockClear();
    const cleared = await host.clearHighlights(saved.value);
    expect(cleared).toEqual({ ok: true, value: 3 });
    expect(sync).toHaveBeenCalledTimes(2); // which sheets still exist, then restore
    expect(fill("B2").color).toBe("#FFFF00");
    expect(fill("C2").color).toBe("#FFFFFF");
    expect(fill("C2").cleared).toBeUndefined();
    expect(fill("B3").cleared).toBe(true);
    expect(fill("B3").pattern).toBe("None");
  });

  it.each([10, 1000])("marks and clears %i cells in two syncs each", async (n) => {
    const { run, ctx } = mockExcel(bookWithNames(n));
    const host = new ExcelHost(run, { isSetSupported: all });
    const sync = jest.spyOn(ctx, "sync");
    const marks = Array.from({ length: n }, (_, i) => ({ at: { sheet: "收支情况", address: `B${i + 1}` }, color: "#FFC7CE" }));
    const saved = await host.highlight(marks);
    expect(sync).toHaveBeenCalledTimes(2);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value).toHaveLength(n);
    sync.mockClear();
    expect(await host.clearHighlights(saved.value)).toEqual({ ok: true, value: n });
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it("without fill.pattern (before ExcelApi 1.9) treats white as no fill", async () => {
    const { run } = mockExcel(book());
    const host = new ExcelHost(run, { isSetSupported: upTo(8) });
    const saved = await host.highlight([{ at: { sheet: "收支情况", address: "C2" }, color: "#F4CCCC" }]);
    expect(saved).toEqual({ ok: true, value: [{ at: { sheet: "收支情况", address: "C2" }, color: null }] });
    expect(host.capabilities.comments).toBe(false);
  });

  it("keeps the first saved fill when a cell is marked twice", async () => {
    const { run } = mockExcel(book());
    const host = new ExcelHost(run, { isSetSupported: all });
    const at = { sheet: "收支情况", address: "B2" };
    const saved = await host.highlight([
      { at, color: "#F4CCCC" },
      { at, color: "#FFF2CC" },
    ]);
    expect(saved).toEqual({ ok: true, value: [{ at, color: "#FFFF00" }] });
  });
});

describe("ExcelHost capabilities and other writes", () => {
  it("feature-detects requirement sets at run time", () => {
    const run: ExcelRun = async () => {
      throw new Error("not called");
    };
    expect(new ExcelHost(run, { isSetSupported: all }).capabilities).toEqual({
      highlight: true,
      comments: true,
      select: true,
      addNames: true,
      addSheets: true,
    });
    expect(new ExcelHost(run, { isSetSupported: upTo(3) }).capabilities).toMatchObject({ addNames: false, comments: false, highlight: true });
    expect(new ExcelHost(run, { isSetSupported: upTo(10) }).capabilities.comments).toBe(true);
  });

  it("selects a cell after activating its sheet", async () => {
    const { run, ctx } = mockExcel(bookWithNames(10));
    const result = await new ExcelHost(run, { isSetSupported: all }).select({ sheet: "收支情况", address: "B2" });
    expect(result).toEqual({ ok: true, value: undefined });
    const sheet = ctx.workbook.worksheets.getItem("收支情况");
    expect(sheet.activate).toHaveBeenCalled();
    expect(sheet.getRange("B2").select).toHaveBeenCalled();
  });

  it("refuses a name whose reference has no sheet, before touching Excel", async () => {
    const { run, ctx } = mockExcel(bookWithNames(10));
    const sync = jest.spyOn(ctx, "sync");
    const result = await new ExcelHost(run, { isSetSupported: all }).addNames([{ name: "jx_executed", ref: "C11" }]);
    expect(result.ok).toBe(false);
    expect(sync).not.toHaveBeenCalled();
  });
});
