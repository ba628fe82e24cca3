/**
 * The Excel adapter on large workbooks, over office-addin-mock's context: how many `context.sync()`
 * round trips a read takes and how large each response is. The mock answers like Excel on the web: a
 * sync whose response (values, formulas, number formats and value types as JSON) passes 5 MB is
 * refused with ResponsePayloadSizeLimitExceeded.
 */
import { OfficeMockObject } from "office-addin-mock";
import { ExcelHost, READ_BYTES_PER_CELL, planReadBlocks, type ExcelRun, type RequirementCheck } from "../../src/hosts/excel/excel-host";
import { indexToCol } from "../../src/core/model/address";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";

const WEB_LIMIT = 5 * 1024 * 1024;
const all: RequirementCheck = () => true;

type Grid = (string | number)[][];
interface Sheet {
  name: string;
  values: Grid;
  numberFormat: Grid;
  /** Hidden rows (1-based): the used range's rowHidden and visible areas follow from them. */
  hiddenRows?: number[];
  /** Whether column B (合计) is hidden. */
  hiddenB?: boolean;
}

/** A 收支情况 sheet like the bench's: four tables of `n` institutions (header, 汇总, rows), eight columns. */
function tablesSheet(n: number): Sheet {
  const values: Grid = [];
  const numberFormat: Grid = [];
  for (let t = 0; t < 4; t++) {
    values.push(["机构名称", "合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"]);
    numberFormat.push(Array(8).fill("General"));
    for (let i = 0; i <= n; i++) {
      const row: (string | number)[] = [i === 0 ? "汇总" : `${i}、二级机构${i}`];
      for (let c = 1; c < 8; c++) row.push(Math.round(((i * 7919 + c * 104729 + t) % 500000) * 100) / 10000);
      values.push(row);
      numberFormat.push(["General", ...Array(7).fill("#,##0.00")]);
    }
    values.push(Array(8).fill(""));
    numberFormat.push(Array(8).fill("General"));
  }
  return { name: "收支情况", values, numberFormat };
}

const infoSheet: Sheet = { name: "基本情况", values: [["评价年度", 2024], ["金额单位", "万元"]], numberFormat: [["General", "General"], ["General", "General"]] };

const typesOf = (g: Grid): string[][] => g.map((r) => r.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : "String")));
const address = (top: number, left: number, rows: number, cols: number): string =>
  `${indexToCol(left)}${top}:${indexToCol(left + cols - 1)}${top + rows - 1}`;

/** What Excel would send back for a range: its four arrays as JSON. */
function responseBytes(r: { values: Grid; numberFormat: Grid }): number {
  return Buffer.byteLength(JSON.stringify([r.values, r.values, r.numberFormat, typesOf(r.values)]));
}

/** The mock Excel: the context, the run function, and per sync the response size it carried. */
function mockExcel(sheets: Sheet[]) {
  const responses: number[] = [];
  let pending: { values: Grid; numberFormat: Grid }[] = [];
  let refused = 0;
  const rangeMock = (sheet: Sheet, top: number, rows: number): Record<string, unknown> => {
    const values = sheet.values.slice(top - 1, top - 1 + rows);
    const numberFormat = sheet.numberFormat.slice(top - 1, top - 1 + rows);
    return {
      address: `${sheet.name}!${address(top, 1, rows, 8 > values[0].length ? values[0].length : 8)}`,
      values,
      formulas: values,
      numberFormat,
      valueTypes: typesOf(values),
      load: function (this: OfficeMockObject, what: string) {
        if (String(what).includes("values")) pending.push({ values, numberFormat });
        return OfficeMockObject.prototype.load.call(this, what);
      },
    };
  };
  const sheetData: Record<string, unknown> = {};
  for (const s of sheets) {
    const cols = s.values[0].length;
    const rows = s.values.length;
    // The visible cells: runs of visible rows, crossed with the visible columns (A, then C… or A…).
    const hidden = new Set(s.hiddenRows ?? []);
    const runs: [number, number][] = [];
    for (let r = 1; r <= rows; r++) {
      if (hidden.has(r)) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === r - 1) last[1] = r;
      else runs.push([r, r]);
    }
    const colRuns: [number, number][] = s.hiddenB ? [[1, 1], [3, cols]] : [[1, cols]];
    const visible = runs.flatMap(([a, b]) => colRuns.map(([c, d]) => `${s.name}!${address(a, c, b - a + 1, d - c + 1)}`)).join(",");
    sheetData[`sheet_${s.name}`] = {
      name: s.name,
      names: { items: [], load: function (this: OfficeMockObject) { return OfficeMockObject.prototype.load.call(this, "items"); } },
      usedRange: {
        ...rangeMock(s, 1, rows),
        address: `${s.name}!${address(1, 1, rows, cols)}`,
        // The flags say "some" (hidden rows or column B) or "none"; the visible areas say which.
        rowHidden: false,
        columnHidden: false,
        visibleAreas: { address: visible, isNullObject: false },
        getSpecialCellsOrNullObject: function (this: { visibleAreas: unknown }) {
          return this.visibleAreas;
        },
      },
      mergedAreas: { address: "", isNullObject: true },
      getUsedRangeOrNullObject: function (this: { usedRange: unknown }) {
        return this.usedRange;
      },
      // getUsedRange(true) is the hidden lines' probe; getUsedRange(false) is where merges are read.
      getUsedRange: function (this: { usedRange: unknown; mergedAreas: unknown }, valuesOnly?: boolean) {
        return valuesOnly ? this.usedRange : { getMergedAreasOrNullObject: () => this.mergedAreas };
      },
      getRange: function (this: OfficeMockObject & Record<string, unknown>, a: string) {
        const key = `r_${a}`;
        if (this[key] === undefined) {
          const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a)!;
          (this as unknown as { addMock(n: string): void }).addMock(key);
          (this[key] as unknown as { populate(d: unknown): void }).populate(rangeMock(s, Number(m[2]), Number(m[4]) - Number(m[2]) + 1));
        }
        return this[key];
      },
    };
  }
  const root = new OfficeMockObject({
    context: {
      workbook: {
        names: { items: [], load: function (this: OfficeMockObject) { return OfficeMockObject.prototype.load.call(this, "items"); } },
        worksheets: {
          items: sheets.map((s) => ({ name: s.name })),
          load: function (this: OfficeMockObject) {
            return OfficeMockObject.prototype.load.call(this, "items");
          },
          getItem: function (this: Record<string, unknown>, name: string) {
            return this[`sheet_${name}`];
          },
          ...sheetData,
        },
      },
    },
  });
  const ctx = (root as unknown as { context: Excel.RequestContext & OfficeMockObject }).context;
  for (const s of sheets) {
    // office-addin-mock holds no null in its data: "some hidden" is set on the built mock.
    const used = (ctx.workbook.worksheets as unknown as Record<string, { usedRange: Record<string, unknown> }>)[`sheet_${s.name}`].usedRange;
    if (s.hiddenRows?.length) used.rowHidden = null;
    if (s.hiddenB) used.columnHidden = null;
  }
  const realSync = ctx.sync.bind(ctx);
  let syncs = 0;
  ctx.sync = (async () => {
    syncs++;
    const bytes = pending.reduce((n, r) => n + responseBytes(r), 0);
    pending = [];
    if (bytes > WEB_LIMIT) {
      refused++;
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    }
    responses.push(bytes);
    return realSync();
  }) as typeof ctx.sync;
  const run: ExcelRun = (batch) => batch(ctx);
  return { run, stats: () => ({ syncs, responses, refused }), reset: () => ((syncs = 0), (responses.length = 0), (refused = 0)) };
}

/** The snapshot cells a sheet should read as. */
function expectedCells(s: Sheet): Record<string, CellSnapshot> {
  const out: Record<string, CellSnapshot> = {};
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === "") return;
      const nf = String(s.numberFormat[i][j]);
      out[`${indexToCol(j + 1)}${i + 1}`] = nf === "General" ? { value: v } : { value: v, numberFormat: nf };
    }),
  );
  return out;
}

function expectWhole(snapshot: WorkbookSnapshot, sheets: Sheet[]): void {
  expect(snapshot.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  snapshot.sheets.forEach((s, i) => expect(s.cells).toEqual(expectedCells(sheets[i])));
}

/** The 收支情况 sheet with last year's rows hidden here and there and its 合计 column hidden. */
function withHidden(sheet: Sheet): Sheet {
  const hiddenRows = Array.from({ length: Math.floor(sheet.values.length / 100) }, (_, k) => 50 + k * 100);
  return { ...sheet, hiddenRows: [...hiddenRows, hiddenRows[0] + 1], hiddenB: true };
}

function expectHidden(snapshot: WorkbookSnapshot, sheet: Sheet): void {
  const read = snapshot.sheets.find((s) => s.name === sheet.name)!;
  const rows = [...(sheet.hiddenRows ?? [])].sort((a, b) => a - b);
  expect(read.hiddenRows?.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k))).toEqual(rows);
  expect(read.hiddenCols).toEqual([[2, 2]]);
}

describe("reading a large workbook from Excel", () => {
  it("2 000 institutions: two syncs, each response below 5 MB", async () => {
    const sheets = [infoSheet, tablesSheet(2000)];
    const { run, stats } = mockExcel(sheets);
    const result = await new ExcelHost(run, { isSetSupported: all }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expectWhole(result.value, sheets);
    const { syncs, responses, refused } = stats();
    expect(syncs).toBe(2);
    expect(refused).toBe(0);
    for (const bytes of responses) expect(bytes).toBeLessThan(WEB_LIMIT);
    // The estimate from the used range's address covers what Excel actually sends.
    const cells = sheets.reduce((n, s) => n + s.values.length * s.values[0].length, 0);
    expect(cells * READ_BYTES_PER_CELL).toBeGreaterThanOrEqual(Math.max(...responses));
  });

  it("2 000 institutions with hidden rows and a hidden column: still two syncs, the hidden lines as runs", async () => {
    const sheets = [infoSheet, withHidden(tablesSheet(2000))];
    const { run, stats } = mockExcel(sheets);
    const result = await new ExcelHost(run, { isSetSupported: all }).readWorkbook();
    if (!result.ok) throw new Error(result.error.message);
    expectWhole(result.value, sheets);
    expectHidden(result.value, sheets[1]);
    expect(stats().syncs).toBe(2);
    expect(result.value.sheets[0].hiddenRows).toBeUndefined();
  });

  it("8 000 institutions: read in row blocks below 5 MB each, the same snapshot; the next read goes straight to blocks", async () => {
    const sheets = [infoSheet, withHidden(tablesSheet(8000))];
    const { run, stats, reset } = mockExcel(sheets);
    const host = new ExcelHost(run, { isSetSupported: all });
    const first = await host.readWorkbook();
    if (!first.ok) throw new Error(first.error.message);
    expectWhole(first.value, sheets);
    // The hidden lines ride with the used ranges' addresses: no sync of their own.
    expectHidden(first.value, sheets[1]);
    let s = stats();
    expect(s.refused).toBe(1); // the one-shot read, refused once
    for (const bytes of s.responses) expect(bytes).toBeLessThan(WEB_LIMIT);
    reset();
    const again = await host.readWorkbook();
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toEqual(first.value);
    s = stats();
    expect(s.refused).toBe(0);
    for (const bytes of s.responses) expect(bytes).toBeLessThan(WEB_LIMIT);
    // Names and sheets, the used ranges' addresses, then one sync per ≤ 4 MB of estimated response.
    const blocks = planReadBlocks([undefined, `A1:H${sheets[1].values.length}`], 4_000_000);
    expect(s.syncs).toBe(2 + blocks.length);
    expect(blocks.length).toBeGreaterThan(1);
  });
});

describe("planReadBlocks", () => {
  it("keeps a used range whole within the budget and cuts a larger one into row blocks that cover it exactly", () => {
    expect(planReadBlocks(["A1:H100", undefined, "B2:C3"], 4_000_000)).toEqual([
      [
        { sheet: 0, address: "A1:H100", bytes: 100 * 8 * READ_BYTES_PER_CELL },
        { sheet: 2, address: "B2:C3", bytes: 2 * 2 * READ_BYTES_PER_CELL },
      ],
    ]);
    const groups = planReadBlocks(["B3:K20002"], 1_000_000);
    const rows = groups.flat().map((b) => b.address.match(/^B(\d+):K(\d+)$/)!.slice(1).map(Number));
    expect(rows[0][0]).toBe(3);
    expect(rows[rows.length - 1][1]).toBe(20002);
    for (let i = 1; i < rows.length; i++) expect(rows[i][0]).toBe(rows[i - 1][1] + 1);
    for (const g of groups) expect(g.reduce((n, b) => n + b.bytes, 0)).toBeLessThanOrEqual(1_000_000);
  });
});
