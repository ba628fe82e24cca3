/**
 * The shared WorkbookHost contract, run against the Excel adapter over the fake Excel object model that
 * the e2e test serves in place of office.js (test/e2e/office-stub.js), loaded here into a plain object
 * standing in for `window`. The world is read back through the fake's model, not through the adapter.
 */
import * as fs from "fs";
import * as path from "path";
import { runHostContract } from "./host-contract-suite";
import { ExcelHost, type ExcelRun, type RequirementCheck } from "../../src/hosts/excel/excel-host";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { marksSheet, readMarks } from "../../src/taskpane/services";

interface FakeModel {
  syncs: number;
  sheets: {
    name: string;
    cells: Record<string, CellSnapshot & { value: CellSnapshot["value"] | undefined }>;
    merges: string[];
    fills: Record<string, string>;
    notes: Record<string, string>;
    visibility?: string;
  }[];
  names: { name: string; refersTo: string; scope?: string }[];
}

interface FakeWindow {
  __JIXIAO_SEED__: WorkbookSnapshot;
  __JIXIAO_FILLS__: Readonly<Record<string, string>>;
  Excel: { run: ExcelRun };
  Office: { context: { requirements: { isSetSupported: RequirementCheck } } };
  __jixiao: { model: FakeModel };
}

const STUB = fs.readFileSync(path.join(__dirname, "..", "e2e", "office-stub.js"), "utf8");

/** Load the stand-in into a fresh fake window seeded with the snapshot and fills. */
function loadFakeExcel(snapshot: WorkbookSnapshot, fills: Readonly<Record<string, string>> = {}): FakeWindow {
  const win = { __JIXIAO_SEED__: JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot, __JIXIAO_FILLS__: fills } as FakeWindow;
  // The stub is browser code written against `window`; hand it ours.
  new Function("window", STUB)(win);
  return win;
}

/** The fake's state as a snapshot, without going through the adapter. */
function readModel(model: FakeModel): WorkbookSnapshot {
  return {
    sheets: model.sheets.map((s) => ({
      name: s.name,
      cells: Object.fromEntries(
        Object.entries(s.cells)
          .filter(([, c]) => c.formula !== undefined || c.error !== undefined || (c.value !== null && c.value !== undefined && c.value !== ""))
          .map(([a, c]) => [
            a,
            {
              value: c.value ?? null,
              ...(c.error !== undefined ? { error: c.error } : {}),
              ...(c.formula !== undefined ? { formula: c.formula } : {}),
              ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
            },
          ]),
      ),
      merges: [...s.merges],
    })),
    names: model.names.map((n) => ({ name: n.name, refersTo: n.refersTo, ...(n.scope ? { scope: n.scope } : {}) })),
  };
}

runHostContract("excel (Office.js adapter over the fake Excel model)", async (snapshot, fills) => {
  const win = loadFakeExcel(snapshot, fills);
  const model = win.__jixiao.model;
  const host = new ExcelHost(win.Excel.run, { isSetSupported: win.Office.context.requirements.isSetSupported });
  return {
    host,
    read: async () => readModel(model),
    readFills: async (refs) =>
      refs.map((ref) => {
        const bang = ref.lastIndexOf("!");
        return model.sheets.find((s) => s.name === ref.slice(0, bang))?.fills[ref.slice(bang + 1)] ?? null;
      }),
  };
});

describe("Excel adapter over the fake model: round trips", () => {
  it("reads blank cells' own formats with the rest in two syncs, and also when the workbook is read in row blocks", async () => {
    const seed: WorkbookSnapshot = {
      sheets: [{ name: "收支情况", cells: { A1: { value: "执行率" }, B2: { value: 1 }, B3: { value: null, numberFormat: "0.00%" }, D9: { value: null, numberFormat: "@" } }, merges: [] }],
      names: [],
    };
    const cells = [{ sheet: "收支情况", address: "B3" }, { sheet: "收支情况", address: "D9" }];
    for (const maxResponseBytes of [undefined, 100]) {
      const win = loadFakeExcel(seed);
      const host = new ExcelHost(win.Excel.run, { isSetSupported: win.Office.context.requirements.isSetSupported, ...(maxResponseBytes ? { maxResponseBytes } : {}) });
      let read = await host.readWorkbook({ cells });
      if (maxResponseBytes === undefined) expect(win.__jixiao.model.syncs).toBe(2);
      else {
        // The first read learnt that this workbook is above the budget: the next one goes in blocks.
        win.__jixiao.model.syncs = 0;
        read = await host.readWorkbook({ cells });
        expect(win.__jixiao.model.syncs).toBeGreaterThan(2);
      }
      if (!read.ok) throw new Error(read.error.message);
      expect({ maxResponseBytes, cells: read.value.sheets[0].cells }).toEqual({
        maxResponseBytes,
        cells: { A1: { value: "执行率" }, B2: { value: 1 }, B3: { value: null, numberFormat: "0.00%" }, D9: { value: null, numberFormat: "@" } },
      });
    }
  });

  it("reads a workbook in two syncs and writes in two, also with notes on highlights", async () => {
    const win = loadFakeExcel({
      sheets: [{ name: "收支情况", cells: { A1: { value: "机构名称" }, B2: { value: 3467700 } }, merges: [] }],
      names: [{ name: "jx_expense", refersTo: "收支情况!$A$1:$B$2" }],
    });
    const model = win.__jixiao.model;
    const host = new ExcelHost(win.Excel.run, { isSetSupported: win.Office.context.requirements.isSetSupported });
    expect((await host.readWorkbook()).ok).toBe(true);
    expect(model.syncs).toBe(2);
    model.syncs = 0;
    expect(await host.applyWrites([{ at: { sheet: "收支情况", address: "B2" }, value: 346.77 }])).toEqual({ ok: true, value: 1 });
    expect(model.syncs).toBe(2);
    model.syncs = 0;
    const saved = await host.highlight([{ at: { sheet: "收支情况", address: "B2" }, color: "#FFC7CE", note: "单位疑似填错" }]);
    expect(model.syncs).toBe(2);
    expect((model.sheets[0] as unknown as { notes: Record<string, string> }).notes).toEqual({ B2: "单位疑似填错" });
    if (!saved.ok) throw new Error(saved.error.message);
    await host.clearHighlights(saved.value);
    expect((model.sheets[0] as unknown as { notes: Record<string, string> }).notes).toEqual({});
  });

  it("falls back to threaded comments where notes (ExcelApi 1.18) are missing, and removes only its own", async () => {
    const win = loadFakeExcel({ sheets: [{ name: "Sheet 1", cells: { B2: { value: 1 } }, merges: [] }], names: [] });
    const model = win.__jixiao.model as FakeModel & { comments: Record<string, string> };
    const upTo17: RequirementCheck = (n, v) => n === "ExcelApi" && Number(v.split(".")[1]) <= 17;
    const host = new ExcelHost(win.Excel.run, { isSetSupported: upTo17 });
    expect(host.capabilities.comments).toBe(true);
    const at = { sheet: "Sheet 1", address: "B2" };
    const saved = await host.highlight([{ at, color: "#FFC7CE", note: "合计不符" }]);
    expect(model.comments).toEqual({ "'Sheet 1'!B2": "合计不符" });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await host.clearHighlights(saved.value)).toEqual({ ok: true, value: 1 });
    expect(model.comments).toEqual({});
    // Without 1.10 either: fills only, and no comment calls at all.
    const bare = new ExcelHost(win.Excel.run, { isSetSupported: (n, v) => Number(v.split(".")[1]) <= 9 });
    expect(bare.capabilities.comments).toBe(false);
    expect((await bare.highlight([{ at, color: "#FFC7CE", note: "合计不符" }])).ok).toBe(true);
    expect(model.comments).toEqual({});
  });

  it("writes narrative text that looks like a number or a date as text, exactly as given", async () => {
    const win = loadFakeExcel({ sheets: [{ name: "S", cells: {}, merges: [] }], names: [] });
    const host = new ExcelHost(win.Excel.run, { isSetSupported: win.Office.context.requirements.isSetSupported });
    expect(await host.writeSheet({ name: "综述", rows: [["99.71%", "2021-12", "=1+1", "预算执行率为99.71%。", 3]] })).toEqual({ ok: true, value: undefined });
    const sheet = win.__jixiao.model.sheets.find((s) => s.name === "综述");
    expect(Object.values(sheet?.cells ?? {}).map((c) => c.value)).toEqual(["99.71%", "2021-12", "=1+1", "预算执行率为99.71%。", 3]);
  });

  it("one 检查 is two syncs to read and two to mark (fills, notes and the jx_marks sheet), a re-check too", async () => {
    const win = loadFakeExcel(
      {
        sheets: [{ name: "收支情况", cells: { B2: { value: 3467700 }, B3: { value: 1 }, B4: { value: 2 } }, merges: [] }],
        names: [],
      },
      { "收支情况!B3": "#00B050" }, // the clerk's own green under B3
    );
    const model = win.__jixiao.model;
    const host = new ExcelHost(win.Excel.run, { isSetSupported: win.Office.context.requirements.isSetSupported });
    const sheet = () => model.sheets.find((s) => s.name === "收支情况")!;
    const at = (address: string) => ({ sheet: "收支情况", address });

    expect((await host.readWorkbook()).ok).toBe(true);
    expect(model.syncs).toBe(2);
    model.syncs = 0;
    const first = await host.replaceMarks([], [
      { at: at("B2"), color: "#FFC7CE", note: "单位疑似填错" },
      { at: at("B3"), color: "#FFEB9C", note: "合计不符" },
    ], marksSheet);
    if (!first.ok) throw new Error(first.error.message);
    expect(model.syncs).toBe(2);
    expect(first.value).toEqual([{ at: at("B2"), color: null }, { at: at("B3"), color: "#00B050" }]);
    expect(sheet().fills).toEqual({ B2: "#FFC7CE", B3: "#FFEB9C" });
    expect(sheet().notes).toEqual({ B2: "单位疑似填错", B3: "合计不符" });

    // What the pane reads back from jx_marks after a reload is what it saved, and the sheet is hidden.
    const read = await host.readWorkbook();
    if (!read.ok) throw new Error(read.error.message);
    expect(readMarks(read.value)).toEqual(first.value);
    expect(model.sheets.find((s) => s.name === "jx_marks")?.visibility).toBe("Hidden");

    // Re-check: B3 is still wrong (its saved fill stays the clerk's green, not our yellow), B2 is fixed
    // (its fill and note go), B4 is new.
    model.syncs = 0;
    const second = await host.replaceMarks(first.value, [
      { at: at("B3"), color: "#FFC7CE", note: "合计仍不符" },
      { at: at("B4"), color: "#FFEB9C", note: "新问题" },
    ], marksSheet);
    if (!second.ok) throw new Error(second.error.message);
    expect(model.syncs).toBe(2);
    expect(second.value).toEqual([{ at: at("B3"), color: "#00B050" }, { at: at("B4"), color: null }]);
    expect(sheet().fills).toEqual({ B3: "#FFC7CE", B4: "#FFEB9C" });
    expect(sheet().notes).toEqual({ B3: "合计仍不符", B4: "新问题" });
    const reread = await host.readWorkbook();
    if (!reread.ok) throw new Error(reread.error.message);
    expect(readMarks(reread.value)).toEqual(second.value);

    // All clear: everything restored, the clerk's green back, jx_marks emptied to its header.
    const cleared = await host.replaceMarks(second.value, [], marksSheet);
    expect(cleared).toEqual({ ok: true, value: [] });
    expect(sheet().fills).toEqual({ B3: "#00B050" });
    expect(sheet().notes).toEqual({});
    const last = await host.readWorkbook();
    if (!last.ok) throw new Error(last.error.message);
    expect(readMarks(last.value)).toEqual([]);
  });

  it("never overwrites or removes a note the clerk wrote", async () => {
    const win = loadFakeExcel({ sheets: [{ name: "S", cells: { A1: { value: 1 } }, merges: [] }], names: [] });
    const model = win.__jixiao.model;
    model.sheets[0].notes.A1 = "会计的备注";
    const host = new ExcelHost(win.Excel.run, { isSetSupported: win.Office.context.requirements.isSetSupported });
    const saved = await host.replaceMarks([], [{ at: { sheet: "S", address: "A1" }, color: "#FFC7CE", note: "合计不符" }]);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(model.sheets[0].notes).toEqual({ A1: "会计的备注" });
    expect(await host.replaceMarks(saved.value, [])).toEqual({ ok: true, value: [] });
    expect(model.sheets[0].notes).toEqual({ A1: "会计的备注" });
    expect(model.sheets[0].fills).toEqual({});
  });
});
