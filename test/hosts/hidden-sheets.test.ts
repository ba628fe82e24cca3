/**
 * The pane's bookkeeping sheets (jx_ignore: ignored findings with reasons; jx_marks: fills saved before
 * marking) travel with the workbook but are hidden from the clerk, on every host.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ignoreSheet } from "../../src/core/report/ignores";
import { marksSheet } from "../../src/taskpane/services";
import { openXlsx } from "../../src/hosts/xlsx";
import { createWpsHost } from "../../src/hosts/wps/wps-host";
import { ExcelHost, type ExcelRun, type RequirementCheck } from "../../src/hosts/excel/excel-host";
import { createFakeEt } from "./fakes/et-fake";
import { contractWorkbook } from "./host-contract-suite";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const XlsxPopulate: { fromFileAsync(p: string): Promise<{ sheet(n: string): { hidden(): boolean } | undefined }> } = require("xlsx-populate");

const IGNORES = ignoreSheet([{ ruleId: "total-matches-parts", cell: "收支情况!B3", reason: "财政局同意", date: "2026-11-22" }]);
const MARKS = marksSheet([{ at: { sheet: "收支情况", address: "B3" }, color: null }]);

test("the ignore and marks sheets ask to be hidden; the narrative does not", () => {
  expect(IGNORES.hidden).toBe(true);
  expect(MARKS.hidden).toBe(true);
});

test(".xlsx: a hidden sheet is hidden in the saved file, its rows still readable", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-hidden-"));
  try {
    const src = path.join(dir, "in.xlsx");
    await (await seedExcelJs()).xlsx.writeFile(src);
    const host = await openXlsx(src);
    expect((await host.writeSheet(IGNORES)).ok).toBe(true);
    expect((await host.writeSheet({ name: "评价报告综述", rows: [["综述"]] })).ok).toBe(true);
    const out = path.join(dir, "out.xlsx");
    await host.saveAs(out);
    const saved = await XlsxPopulate.fromFileAsync(out);
    expect(saved.sheet("jx_ignore")?.hidden()).toBe(true);
    expect(saved.sheet("评价报告综述")?.hidden()).toBe(false);
    const again = await (await openXlsx(out)).readWorkbook();
    expect(again.ok && again.value.sheets.find((s) => s.name === "jx_ignore")?.cells.A2?.value).toBe("total-matches-parts");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function seedExcelJs(): Promise<import("exceljs").Workbook> {
  const ExcelJS = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("收支情况").getCell("A1").value = "机构名称";
  return wb;
}

test("WPS: Worksheet.Visible becomes xlSheetHidden (0)", async () => {
  const app = createFakeEt(contractWorkbook());
  const host = createWpsHost(app);
  expect((await host.writeSheet(MARKS)).ok).toBe(true);
  expect(app.workbook!.sheet("jx_marks")!.Visible).toBe(0);
  expect((await host.writeSheet({ name: "评价报告综述", rows: [["综述"]] })).ok).toBe(true);
  expect(app.workbook!.sheet("评价报告综述")!.Visible).toBe(-1);
});

test("Excel: Worksheet.visibility becomes Hidden", async () => {
  const stub = fs.readFileSync(path.join(__dirname, "..", "e2e", "office-stub.js"), "utf8");
  const seed: WorkbookSnapshot = { sheets: [{ name: "收支情况", cells: { A1: { value: "机构名称" } }, merges: [] }], names: [] };
  const win = { __JIXIAO_SEED__: seed, __JIXIAO_FILLS__: {} } as unknown as {
    Excel: { run: ExcelRun };
    Office: { context: { requirements: { isSetSupported: RequirementCheck } } };
    __jixiao: { model: { sheets: { name: string; visibility?: string }[] } };
  };
  new Function("window", stub)(win);
  const host = new ExcelHost(win.Excel.run, { isSetSupported: win.Office.context.requirements.isSetSupported });
  expect((await host.writeSheet(IGNORES)).ok).toBe(true);
  expect((await host.writeSheet({ name: "评价报告综述", rows: [["综述"]] })).ok).toBe(true);
  const sheets = win.__jixiao.model.sheets;
  expect(sheets.find((s) => s.name === "jx_ignore")?.visibility).toBe("Hidden");
  expect(sheets.find((s) => s.name === "评价报告综述")?.visibility ?? "Visible").toBe("Visible");
});
