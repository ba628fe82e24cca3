/**
 * Reading .xlsx files: names keep their scope and are never expanded (a print area or a name over
 * A1:Z200000 or $A:$A costs nothing), and every kind of unreadable input gets its own problem code.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxReadError, openXlsx, readXlsxFile } from "../../src/hosts/xlsx";
import { shiftFormula } from "../../src/hosts/xlsx/read";

const RICH = path.join(__dirname, "..", "fixtures", "xlsx", "rich.xlsx");

describe("readXlsxFile", () => {
  it("keeps every defined name as written, with its scope", async () => {
    const snap = await readXlsxFile(RICH);
    expect(snap.names).toEqual([
      { name: "_xlnm.Print_Area", refersTo: "收支情况!$A$1:$Z$200000", scope: "收支情况" },
      { name: "big_block", refersTo: "收支情况!$A$1:$Z$200000" },
      { name: "jx_expense", refersTo: "收支情况!$A$1:$D$4" },
      { name: "rate_const", refersTo: "0.2" },
      { name: "whole_col", refersTo: "收支情况!$A:$A" },
      { name: "local_total", refersTo: "收支情况!$B$4", scope: "收支情况" },
    ]);
  });

  it("reads values, formulas' cached results, number formats and merges", async () => {
    const snap = await readXlsxFile(RICH);
    const s = snap.sheets[0];
    expect(s.name).toBe("收支情况");
    expect(s.cells.B2).toEqual({ value: 346.77, numberFormat: "#,##0.00" });
    expect(s.cells.D2).toEqual({ value: 0.9974, numberFormat: "0.00%" });
    expect(s.cells.C4).toEqual({ value: 150, formula: "C2+C3" });
    expect(s.cells.D4).toEqual({ value: "—" });
    expect(s.cells.D3).toBeUndefined();
    expect(s.merges).toEqual(["C1:D1"]);
    // Only cells present in the file are in the snapshot, whatever the names and print area span.
    expect(Object.keys(s.cells)).toHaveLength(14);
  });

  it("loads a workbook whose print area and names span A1:Z200000 and $A:$A with small memory and time", async () => {
    if (global.gc) global.gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    for (let i = 0; i < 5; i++) await readXlsxFile(RICH);
    const ms = Date.now() - started;
    const deltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    // Expanding A1:Z200000 cell by cell (what ExcelJS does) costs ~600 MB and ~10 s per load.
    expect(deltaMb).toBeLessThan(100);
    expect(ms).toBeLessThan(5000);
  });
});

describe("unreadable inputs get a problem code and a Chinese message", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-read-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function problemOf(file: string): Promise<string> {
    try {
      await openXlsx(file);
      return "opened";
    } catch (err) {
      if (err instanceof XlsxReadError) return `${err.problem}: ${err.message}`;
      throw err;
    }
  }

  it.each([
    ["missing", (d: string) => path.join(d, "nope.xlsx"), "missing: 找不到文件"],
    ["directory", (d: string) => d, "directory: 这是一个文件夹"],
  ])("%s", async (_label, make, expected) => {
    expect(await problemOf(make(dir))).toContain(expected);
  });

  it("a text file renamed .xlsx", async () => {
    const f = path.join(dir, "notes.xlsx");
    await fs.writeFile(f, "这不是工作簿\n");
    expect(await problemOf(f)).toBe("not-xlsx: 不是 .xlsx 工作簿文件（not an .xlsx workbook）");
  });

  it("an empty file", async () => {
    const f = path.join(dir, "empty.xlsx");
    await fs.writeFile(f, "");
    expect(await problemOf(f)).toMatch(/^empty: 文件是空的/);
  });

  it("a truncated zip is corrupt", async () => {
    const f = path.join(dir, "cut.xlsx");
    const bytes = await fs.readFile(RICH);
    await fs.writeFile(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await problemOf(f)).toMatch(/^corrupt: 工作簿文件已损坏/);
  });

  it("a zip that is not a workbook", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const f = path.join(dir, "doc.xlsx");
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer" }));
    expect(await problemOf(f)).toMatch(/^not-xlsx: /);
  });

  it("an OLE compound file with EncryptionInfo is a password-protected workbook; without it, a legacy .xls", async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const enc = path.join(dir, "locked.xlsx");
    await fs.writeFile(enc, Buffer.concat([header, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(64)]));
    expect(await problemOf(enc)).toMatch(/^encrypted: 工作簿设置了打开密码/);
    const xls = path.join(dir, "old.xlsx");
    await fs.writeFile(xls, Buffer.concat([header, Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(64)]));
    expect(await problemOf(xls)).toMatch(/^legacy-xls: 这是旧版 .xls 格式/);
  });
});

describe("shared formulas", () => {
  it("every cell of a shared formula's range gets its own formula text", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目");
    ws.addRow(["预算数", "执行数", "执行率"]);
    ws.addRow([28, 12.58]);
    ws.addRow([20, 20]);
    ws.addRow([18, 0]);
    ws.getCell("C2").value = { formula: "IF($A2=0,\"\",B2/$A2)", result: 0.4493, shareType: "shared", ref: "C2:C4" } as never;
    ws.getCell("C3").value = { sharedFormula: "C2", result: 1 } as never;
    ws.getCell("C4").value = { sharedFormula: "C2", result: 0 } as never;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-shared-"));
    const file = path.join(dir, "shared.xlsx");
    await wb.xlsx.writeFile(file);
    const snap = await readXlsxFile(file);
    const cells = snap.sheets[0].cells;
    expect(cells.C2).toMatchObject({ formula: 'IF($A2=0,"",B2/$A2)', value: 0.4493 });
    expect(cells.C3).toMatchObject({ formula: 'IF($A3=0,"",B3/$A3)', value: 1 });
    expect(cells.C4).toMatchObject({ formula: 'IF($A4=0,"",B4/$A4)', value: 0 });
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("shiftFormula moves relative references only", () => {
    expect(shiftFormula("SUM(B2:B9)+$C$1+C$1+$D2+LOG10(A1)&\"A1\"+'Sheet 1'!A1", 2, 1)).toBe("SUM(C4:C11)+$C$1+D$1+$D4+LOG10(B3)&\"A1\"+'Sheet 1'!B3");
  });
});

describe("worksheet parts not numbered in tab order", () => {
  /** A valid package whose first tab lives in sheet3.xml and third tab in sheet1.xml (as some exporters write). */
  async function swappedWorkbook(dir: string): Promise<string> {
    const ExcelJS = (await import("exceljs")).default;
    const JSZip = (await import("jszip")).default;
    const wb = new ExcelJS.Workbook();
    for (const name of ["基本情况", "收支情况", "绩效自评"]) wb.addWorksheet(name).getCell("A1").value = `${name}的内容`;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const one = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const three = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", three);
    zip.file("xl/worksheets/sheet3.xml", one);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace('Target="worksheets/sheet1.xml"', 'Target="worksheets/@"').replace('Target="worksheets/sheet3.xml"', 'Target="worksheets/sheet1.xml"').replace('Target="worksheets/@"', 'Target="worksheets/sheet3.xml"'),
    );
    const file = path.join(dir, "swapped.xlsx");
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    return file;
  }

  it("each sheet gets its own cells, before and after an edit is saved", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-swap-"));
    try {
      const file = await swappedWorkbook(dir);
      const snap = await readXlsxFile(file);
      expect(snap.sheets.map((s) => [s.name, s.cells.A1?.value])).toEqual([
        ["基本情况", "基本情况的内容"],
        ["收支情况", "收支情况的内容"],
        ["绩效自评", "绩效自评的内容"],
      ]);
      const host = await openXlsx(file);
      await host.applyWrites([{ at: { sheet: "绩效自评", address: "B1" }, value: 97.97 }]);
      const out = path.join(dir, "out.xlsx");
      await host.saveAs(out);
      const after = await readXlsxFile(out);
      expect(after.sheets.map((s) => [s.name, s.cells.A1?.value, s.cells.B1?.value ?? null])).toEqual([
        ["基本情况", "基本情况的内容", null],
        ["收支情况", "收支情况的内容", null],
        ["绩效自评", "绩效自评的内容", 97.97],
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("a chart sheet is refused as unsupported rather than misread", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-chartsheet-"));
    try {
      const JSZip = (await import("jszip")).default;
      const file = await swappedWorkbook(dir);
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file("xl/_rels/workbook.xml.rels", rels.replace(/(Type="[^"]*\/)worksheet("[^>]*Target="worksheets\/sheet2\.xml")/, "$1chartsheet$2"));
      await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
      await expect(openXlsx(file)).rejects.toMatchObject({ problem: "unsupported" });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("empty inline strings (openpyxl writes \"\" as <c t=\"inlineStr\"/>)", () => {
  it("reads them as blank cells, not as a corrupt file", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const JSZip = (await import("jszip")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("绩效自评表");
    ws.getCell("A1").value = "项目名称";
    ws.getCell("C1").value = 215.11;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // Two forms of an empty inline string: no <is> at all (openpyxl 3.0), and an empty <is/>.
    const patched = sheet.replace(/(<c r="C1"[^>]*>[\s\S]*?<\/c>)/, '<c r="B1" t="inlineStr"></c>$1<c r="D1" t="inlineStr"><is/></c>');
    expect(patched).not.toBe(sheet);
    zip.file("xl/worksheets/sheet1.xml", patched);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-inline-"));
    try {
      const file = path.join(dir, "inline.xlsx");
      await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
      const s = (await readXlsxFile(file)).sheets[0];
      expect([s.cells.A1?.value, s.cells.B1?.value, s.cells.C1?.value, s.cells.D1?.value]).toEqual(["项目名称", undefined, 215.11, undefined]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
