/**
 * The WPS adapter against the fake ET object model: the shared host contract, plus what is WPS-specific
 * (BGR colours, whole-range reads, local names read back as `Sheet!name`, no workbook, comments, alerts).
 */
import { createWpsHost, bgrToHex, hexToBgr } from "../../src/hosts/wps/wps-host";
import { runHostContract, contractWorkbook } from "./host-contract-suite";
import { createFakeEt, fakeFills, fakeSnapshot, FakeApplication } from "./fakes/et-fake";
import { buildTemplate, templateSnapshot } from "../../src/core/template";
import { checkWorkbook } from "../../src/core/engine/run-rules";

runHostContract("wps (fake ET)", async (snapshot, fills) => {
  const app = createFakeEt(snapshot, { fills });
  return { host: createWpsHost(app), read: async () => fakeSnapshot(app), readFills: async (refs) => fakeFills(app, refs) };
});

describe("wps host specifics", () => {
  test("BGR ↔ #RRGGBB: pure red is 0x0000FF in Interior.Color", () => {
    expect(hexToBgr("#FF0000")).toBe(0x0000ff);
    expect(hexToBgr("#FFF2CC")).toBe(0xccf2ff);
    expect(bgrToHex(0xccf2ff)).toBe("#FFF2CC");
    expect(bgrToHex(hexToBgr("#12AB9C"))).toBe("#12AB9C");
  });

  test("highlight writes the BGR value into Interior.Color", async () => {
    const app = createFakeEt(contractWorkbook());
    await createWpsHost(app).highlight([{ at: { sheet: "收支情况", address: "B3" }, color: "#FF0000" }]);
    expect(app.workbook!.sheet("收支情况")!.cell(3, 2)!.fill).toBe(0x0000ff);
  });

  test("reads each sheet's values with whole-range Value2 reads, not cell by cell", async () => {
    const app = createFakeEt(contractWorkbook());
    const r = await createWpsHost(app).readWorkbook();
    expect(r.ok).toBe(true);
    expect(app.stats.value2Reads).toBe(2);
    expect(app.stats.cellValue2Reads).toBe(0);
  });

  test("a sheet without hidden lines costs two Hidden reads; hidden ones are found by halving, not line by line", async () => {
    const app = createFakeEt(contractWorkbook());
    const first = await createWpsHost(app).readWorkbook();
    expect(first.ok && first.value.sheets.every((s) => s.hiddenRows === undefined && s.hiddenCols === undefined)).toBe(true);
    expect(app.stats.hiddenReads).toBe(4); // rows and columns of each of the two sheets
    // A long sheet with last year's rows hidden in two places and one column hidden.
    const rows = Array.from({ length: 400 }, (_, i) => [`${i + 1}、二级机构${i + 1}`, i, i * 2]);
    const long = { name: "收支情况", cells: Object.fromEntries(rows.flatMap((r, i) => r.map((v, j) => [`${"ABC"[j]}${i + 1}`, { value: v }]))), merges: [] };
    const hidden = createFakeEt({ sheets: [long], names: [] });
    const sheet = hidden.workbook!.sheet("收支情况")!;
    for (const r of [17, 18, 301]) sheet.hiddenRows.add(r);
    sheet.hiddenCols.add(2);
    const r = await createWpsHost(hidden).readWorkbook();
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sheets[0]).toMatchObject({ hiddenRows: [[17, 18], [301, 301]], hiddenCols: [[2, 2]] });
    expect(hidden.stats.hiddenReads).toBeLessThan(60);
  });

  test("Worksheet.Visible: 0 reads as hidden, 2 as very hidden; their cells are read too", async () => {
    const app = createFakeEt({
      sheets: [
        ...contractWorkbook().sheets,
        { name: "2022年自评表", cells: { A1: { value: "2022年度部门整体支出绩效自评表" } }, merges: [], visibility: "hidden" },
        { name: "jx_marks", cells: { A1: { value: "单元格" } }, merges: [], visibility: "veryHidden" },
      ],
      names: [],
    });
    expect(app.workbook!.sheet("2022年自评表")!.Visible).toBe(0);
    const r = await createWpsHost(app).readWorkbook();
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sheets.map((s) => s.visibility)).toEqual([undefined, undefined, "hidden", "veryHidden"]);
    expect(r.value.sheets[2].cells.A1).toEqual({ value: "2022年度部门整体支出绩效自评表" });
  });

  test("a sheet-level name (read back as 收支情况!jx_local) keeps its scope and bare name", async () => {
    const app = createFakeEt(contractWorkbook());
    expect(app.ActiveWorkbook.Names.Item(4).Name).toBe("收支情况!jx_local");
    const r = await createWpsHost(app).readWorkbook();
    expect(r.ok && r.value.names.find((n) => n.name === "jx_local")).toEqual({ name: "jx_local", refersTo: "收支情况!$B$2", scope: "收支情况" });
  });

  test("an error cell (COM error code in Value2) reads as its error text", async () => {
    const app = createFakeEt(contractWorkbook());
    expect(app.ActiveWorkbook.Worksheets.Item(2)).toBeDefined();
    const r = await createWpsHost(app).readWorkbook();
    expect(r.ok && r.value.sheets[1].cells.C5).toEqual({ value: null, error: "#DIV/0!" });
  });

  test("an empty sheet reads as no cells (UsedRange is A1 with an empty scalar Value2)", async () => {
    const app = createFakeEt({ sheets: [{ name: "空表", cells: {}, merges: [] }], names: [] });
    const r = await createWpsHost(app).readWorkbook();
    expect(r).toEqual({ ok: true, value: { sheets: [{ name: "空表", cells: {}, merges: [] }], names: [] } });
  });

  test("no open workbook is a not-found error, not an exception", async () => {
    const app = new FakeApplication();
    app.workbook = null;
    const r = await createWpsHost(app).readWorkbook();
    expect(r).toMatchObject({ ok: false, error: { code: "not-found" } });
  });

  test("highlight notes become comments, and clearing removes only the comments it added", async () => {
    const app = createFakeEt(contractWorkbook());
    const sheet = app.workbook!.sheet("收支情况")!;
    sheet.ensure(3, 3).comment = "原有批注";
    const host = createWpsHost(app);
    const saved = await host.highlight([
      { at: { sheet: "收支情况", address: "B3" }, color: "#FF0000", note: "应为 300.00" },
      { at: { sheet: "收支情况", address: "C3" }, color: "#FF0000", note: "应为 100.50" },
    ]);
    expect(sheet.cell(3, 2)!.comment).toBe("应为 300.00");
    expect(sheet.cell(3, 3)!.comment).toBe("原有批注");
    if (saved.ok) await host.clearHighlights(saved.value);
    expect(sheet.cell(3, 2)!.comment).toBeUndefined();
    expect(sheet.cell(3, 3)!.comment).toBe("原有批注");
  });

  test("writeSheet turns off the delete confirmation and restores DisplayAlerts", async () => {
    const app = createFakeEt(contractWorkbook());
    await createWpsHost(app).writeSheet({ name: "Sheet 1", rows: [["x"]] });
    expect(app.stats.alertsShown).toBe(0);
    expect(app.DisplayAlerts).toBe(true);
  });

  test("select activates the sheet before selecting (ET refuses Select on an inactive sheet)", async () => {
    const app = createFakeEt(contractWorkbook());
    const r = await createWpsHost(app).select({ sheet: "Sheet 1", address: "C4" });
    expect(r.ok).toBe(true);
    expect(app.workbook!.selection).toEqual({ sheet: "Sheet 1", address: "C4" });
  });

  test("text starting with = is written as text, not entered as a formula", async () => {
    const app = createFakeEt(contractWorkbook());
    await createWpsHost(app).applyWrites([{ at: { sheet: "收支情况", address: "E2" }, value: "=见附表" }]);
    expect(fakeSnapshot(app).sheets[0].cells.E2).toEqual({ value: "=见附表" });
  });

  test("the bureau template reads back through WPS exactly (merged 一级/二级 columns included) and checks the same", async () => {
    const snap = templateSnapshot(buildTemplate({ kind: "dept" }));
    const r = await createWpsHost(createFakeEt(snap)).readWorkbook();
    if (!r.ok) throw new Error(r.error.message);
    const sorted = (s: typeof snap) => ({ ...s, sheets: s.sheets.map((x) => ({ ...x, merges: [...x.merges].sort() })) });
    expect(sorted(r.value)).toEqual(sorted(snap));
    expect(checkWorkbook(r.value).findings.map((f) => f.ruleId)).toEqual(checkWorkbook(snap).findings.map((f) => f.ruleId));
  });
});
