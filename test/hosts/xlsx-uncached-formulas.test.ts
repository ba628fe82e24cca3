/**
 * A workbook written by a script (openpyxl, ExcelJS, a bureau's template generator) holds its formulas
 * without their results. Before evaluate.ts every total of such a file read as NaN: `jixiao check` said
 * “年初预算数的数值异常（非数字）” seven times on a consistent form. Now the results are computed as Excel
 * would on opening the file, by both readers, and a slip in a cell a formula total adds is found at that
 * cell, not at the total the clerk never typed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { openXlsx } from "../../src/hosts/xlsx";
import { readWorkbookFile } from "../../src/hosts/xlsx/light";
import { countUncached } from "../../src/hosts/xlsx/evaluate";

type Cell = string | number | null | { formula: string };

/** The 财政部 项目支出绩效自评表 with its totals, rate, score and 总分 as formulas (no cached results). */
function rows(initial2: number): Cell[][] {
  return [
    ["项目支出绩效自评表"],
    ["（2021年度）"],
    ["项目名称", "业务运行费"],
    ["主管部门", "某市医疗保障局", null, null, "实施单位", "某市医疗保障事务中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", { formula: "C7+C8" }, { formula: "D7+D8" }, { formula: "E7+E8" }, 10, { formula: "E6/D6" }, { formula: "ROUND(MIN(G6,1)*F6,2)" }],
    [null, "其中：当年财政拨款", initial2, 215.11, 215.11, "—", "—", "—"],
    [null, "上年结转资金", 0, 0, 0, "—", "—", "—"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    [null, "产出指标", "数量指标", "审核病例数", "≥1000份", "1200份", 50, 50],
    [null, "效益指标", "社会效益指标", "参保率", "≥95%", "96%", 30, 30],
    [null, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, null, { formula: "SUM(G10:G12)+F6" }, { formula: "SUM(H10:H12)+H6" }],
    ["评价等次", "优"],
  ];
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-uncached-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(name: string, data: Cell[][], extra?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目支出绩效自评表");
  data.forEach((r, i) => r.forEach((v, j) => {
    if (v !== null) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
  }));
  ws.getCell("G6").numFmt = "0.00%";
  extra?.(ws);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const at = (s: WorkbookSnapshot, address: string): unknown => s.sheets[0].cells[address]?.value;

test("the file really has no cached results (the premise)", async () => {
  const file = await write("premise.xlsx", rows(200));
  const host = await openXlsx(file);
  // The raw reading, before evaluation: what the engine used to see.
  const { readSnapshot } = await import("../../src/hosts/xlsx/read");
  expect(countUncached(readSnapshot((host as unknown as { workbook: Parameters<typeof readSnapshot>[0] }).workbook))).toBe(7);
});

test("both readers compute the results; a consistent form checks clean", async () => {
  const file = await write("consistent.xlsx", rows(200));
  const light = await readWorkbookFile(file);
  const full = (await (await openXlsx(file)).readWorkbook()) as { ok: true; value: WorkbookSnapshot };
  for (const s of [light, full.value]) {
    expect(countUncached(s)).toBe(0);
    expect(at(s, "C6")).toBe(200);
    expect(at(s, "D6")).toBeCloseTo(215.11, 9);
    expect(at(s, "G6")).toBe(1);
    expect(at(s, "H6")).toBe(10);
    expect(at(s, "H13")).toBe(100);
    // The formula is kept: fill never replaces it.
    expect(s.sheets[0].cells.H13?.formula).toBe("SUM(H10:H12)+H6");
  }
  const report = checkWorkbook(light);
  expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${f.ref} ${f.message}`)).toEqual([]);
});

test("元 typed in a cell a formula total adds: one finding at that cell, with a fix, not at the total", async () => {
  const file = await write("slip.xlsx", rows(2000000));
  const report = checkWorkbook(await readWorkbookFile(file));
  const errors = report.findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => `${f.ruleId} ${f.ref}`)).toEqual(["no-unit-mistake C7"]);
  expect(errors[0].fix?.writes).toEqual([{ at: { sheet: "项目支出绩效自评表", address: "C7" }, value: 200 }]);
});

test("a circular reference reads as #REF!, and the check still runs", async () => {
  const data = rows(200);
  const file = await write("cycle.xlsx", data, (ws) => {
    ws.getCell("J1").value = { formula: "K1+1" } as ExcelJS.CellValue;
    ws.getCell("K1").value = { formula: "J1+1" } as ExcelJS.CellValue;
  });
  const s = await readWorkbookFile(file);
  expect(s.sheets[0].cells.J1?.error ?? s.sheets[0].cells.K1?.error).toBe("#REF!");
  expect(checkWorkbook(s).findings.filter((f) => f.severity === "error")).toEqual([]);
});

test("a formula the parser cannot compute (another workbook's cell) stays blank, as the file has it", async () => {
  const file = await write("external.xlsx", rows(200), (ws) => {
    ws.getCell("J2").value = { formula: "[1]Sheet1!A1" } as ExcelJS.CellValue;
  });
  const s = await readWorkbookFile(file);
  expect(s.sheets[0].cells.J2?.value ?? null).toBeNull();
  expect(at(s, "H13")).toBe(100);
});

test("a formula over uncached formulas (a total of subtotals, as the jixiao template writes them) is computed through", async () => {
  const file = await write("nested.xlsx", rows(200), (ws) => {
    ws.getCell("J1").value = 1;
    ws.getCell("J2").value = 2;
    ws.getCell("J3").value = { formula: 'IF(COUNT(J1:J2)=0,"",SUM(J1:J2))' } as ExcelJS.CellValue;
    ws.getCell("J4").value = { formula: 'IF(COUNT(J1:J3)=0,"",SUM(J1:J3))' } as ExcelJS.CellValue;
    ws.getCell("J5").value = { formula: 'IF(COUNT(K1:K2)=0,"",SUM(K1:K2))' } as ExcelJS.CellValue;
  });
  const s = await readWorkbookFile(file);
  expect([at(s, "J3"), at(s, "J4"), at(s, "J5")]).toEqual([3, 6, ""]);
  expect(Object.values(s.sheets[0].cells).filter((c) => c.error !== undefined)).toEqual([]);
});

// Names in Chinese (预算数) are not read by the parser's lexer: such a formula stays blank, as before.
test("a formula over a defined name (the template's jx_ names) reads the named cell", async () => {
  const wbFile = await write("names.xlsx", rows(200), (ws) => {
    ws.getCell("J1").value = { formula: "jx_budget_adjusted*2" } as ExcelJS.CellValue;
    ws.workbook.definedNames.add("项目支出绩效自评表!$D$7", "jx_budget_adjusted");
  });
  const s = await readWorkbookFile(wbFile);
  expect(at(s, "J1")).toBeCloseTo(430.22, 9);
});

test("SUBTOTAL is computed as Excel does: the SUBTOTALs inside its range (小计 rows) are left out", async () => {
  const file = await write("subtotal.xlsx", rows(200), (ws) => {
    ws.getCell("J1").value = 1;
    ws.getCell("J2").value = 2;
    ws.getCell("J3").value = { formula: "SUBTOTAL(9,J1:J2)" } as ExcelJS.CellValue;
    ws.getCell("J4").value = 4;
    ws.getCell("J5").value = { formula: "SUBTOTAL(9,J4:J4)" } as ExcelJS.CellValue;
    ws.getCell("J6").value = { formula: "SUBTOTAL(109,J1:J5)" } as ExcelJS.CellValue;
    ws.getCell("J7").value = { formula: "SUBTOTAL(1,J1:J2)" } as ExcelJS.CellValue;
  });
  const s = await readWorkbookFile(file);
  expect([at(s, "J3"), at(s, "J5"), at(s, "J6"), at(s, "J7")]).toEqual([3, 4, 7, 1.5]);
  expect(Object.values(s.sheets[0].cells).filter((c) => c.uncomputed)).toEqual([]);
});

test("a formula the parser cannot compute is marked uncomputed (its value unknown, not blank); a computed one is not", async () => {
  const file = await write("uncomputed.xlsx", rows(200), (ws) => {
    ws.getCell("J1").value = { formula: 'INDIRECT("C7")' } as ExcelJS.CellValue;
    ws.getCell("J2").value = { formula: "预算数*2" } as ExcelJS.CellValue;
  });
  for (const s of [await readWorkbookFile(file), ((await (await openXlsx(file)).readWorkbook()) as { ok: true; value: WorkbookSnapshot }).value]) {
    expect([s.sheets[0].cells.J1?.uncomputed, s.sheets[0].cells.J2?.uncomputed]).toEqual([true, true]);
    expect(s.sheets[0].cells.H13?.uncomputed).toBeUndefined();
    expect(at(s, "H13")).toBe(100);
  }
});

/**
 * XlsxWriter (and other generators) store 0 as every formula's result and set `<calcPr fullCalcOnLoad="1"/>`,
 * leaving the computing to Excel: read as stored, the 年度资金总额, 执行率, 得分 and 总分 of a consistent form were
 * all 0 — seven false errors, the grade “wrong” for a score of 0. Such a file's formulas are computed afresh.
 */
async function writeStoredZeros(name: string, data: Cell[][], recalc: boolean, extra?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const zeros = data.map((r) => r.map((v) => (v !== null && typeof v === "object" ? ({ formula: v.formula, result: 0 } as unknown as Cell) : v)));
  const file = await write(name, zeros, (ws) => {
    if (recalc) ws.workbook.calcProperties.fullCalcOnLoad = true;
    extra?.(ws);
  });
  return file;
}

test("a file that asks to be recalculated on opening (its formulas stored as 0): both readers compute them, the form checks clean", async () => {
  const file = await writeStoredZeros("stored-zeros.xlsx", rows(200), true, (ws) => {
    ws.getCell("J1").value = { formula: 'INDIRECT("C7")', result: 7 } as ExcelJS.CellValue;
  });
  const light = await readWorkbookFile(file);
  const full = ((await (await openXlsx(file)).readWorkbook()) as { ok: true; value: WorkbookSnapshot }).value;
  for (const s of [light, full]) {
    expect(s.recalcOnOpen).toBe(true);
    expect([at(s, "C6"), at(s, "G6"), at(s, "H6"), at(s, "H13")]).toEqual([200, 1, 10, 100]);
    // What the parser cannot compute keeps the result the file stores.
    expect(at(s, "J1")).toBe(7);
    expect(s.sheets[0].cells.J1?.uncomputed).toBeUndefined();
  }
  expect(checkWorkbook(light).findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${f.ref}`)).toEqual([]);
  // A slip in a typed cell the totals add is found at that cell.
  const slip = checkWorkbook(await readWorkbookFile(await writeStoredZeros("stored-zeros-slip.xlsx", rows(2000000), true)));
  expect(slip.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.ref}`)).toEqual(["no-unit-mistake C7"]);
});

test("without that request the stored results are what the clerk saw, and are read as they are", async () => {
  const s = await readWorkbookFile(await writeStoredZeros("stored-as-seen.xlsx", rows(200), false));
  expect(s.recalcOnOpen).toBeUndefined();
  expect(at(s, "C6")).toBe(0);
});
