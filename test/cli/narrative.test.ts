import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { RULES } from "../../src/core/rules";

const example = path.join(__dirname, "..", "..", "examples", "linxiang-2021.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-narrative-"));
const out = path.join(tmp, "out.xlsx");
const docx = path.join(tmp, "report.docx");


describe("jixiao narrative", () => {
  let before: Buffer;
  let code: number;
  const io = memoryIo();
  beforeAll(async () => {
    before = fs.readFileSync(example);
    code = await main(["node", "jixiao", "narrative", example, "-o", out, "--docx", docx], io);
  });

  test("writes the sheet into a copy and leaves FILE untouched", async () => {
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(fs.readFileSync(example).equals(before)).toBe(true);
    const snap = await readXlsxFile(out);
    const original = await readXlsxFile(example);
    expect(snap.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name).filter((n) => n !== "评价报告综述"), "评价报告综述"]);
    const sheet = snap.sheets.find((s) => s.name === "评价报告综述")!;
    const col = Object.entries(sheet.cells).map(([, c]) => String(c.value));
    expect(col).toContain("一、部门（单位）概况");
    expect(col).toContain("六、自评结论");
    expect(snap.names.length).toBe(original.names.length);
  });

  test("the generated sheet passes the prose checks", async () => {
    const snap = await readXlsxFile(out);
    const report = checkWorkbook(snap, { rules: RULES.filter((r) => r.id.startsWith("prose-")) });
    expect(report.findings.filter((f) => f.sheet === "评价报告综述").map((f) => `${f.ruleId} ${f.ref} ${f.message}`)).toEqual([]);
  });

  test("running it again replaces the sheet (one sheet, same content)", async () => {
    const again = path.join(tmp, "again.xlsx");
    expect(await main(["node", "jixiao", "narrative", out, "-o", again], memoryIo())).toBe(0);
    const a = (await readXlsxFile(out)).sheets.filter((s) => s.name === "评价报告综述");
    const b = (await readXlsxFile(again)).sheets.filter((s) => s.name === "评价报告综述");
    expect(b).toHaveLength(1);
    expect(b[0].cells).toEqual(a[0].cells);
  });

  test("refuses to write over FILE", async () => {
    const io2 = memoryIo();
    expect(await main(["node", "jixiao", "narrative", example, "-o", example], io2)).toBe(2);
    expect(io2.err).toMatch(/输入文件/);
  });

  // LibreOffice opens .docx only with Writer installed (this machine has Calc alone): without it the test
  // reads the document's XML instead, so that the text is still compared with the sheet.
  const hasWriter = ["/usr/lib/libreoffice/program/libswlo.so", "/opt/libreoffice/program/libswlo.so"].some((f) => fs.existsSync(f));

  function docxText(): string {
    if (hasWriter) {
      const profile = path.join(tmp, `lo-profile-${process.pid}`);
      execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", tmp, docx], { stdio: "pipe", timeout: 120000 });
      const pdf = path.join(tmp, "report.pdf");
      expect(fs.existsSync(pdf)).toBe(true);
      return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    }
    const xml = execFileSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8" });
    expect(xml).toMatch(/w:pStyle w:val="Title"/);
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toMatch(/w:pStyle w:val="Heading2"/);
    return xml.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/\s+/g, "");
  }

  test("the .docx reads as the sheet does (LibreOffice → PDF → pdftotext when Writer is installed)", async () => {
    const text = docxText();
    const sheet = (await readXlsxFile(out)).sheets.find((s) => s.name === "评价报告综述")!;
    const rows = Object.values(sheet.cells).map((c) => String(c.value).replace(/\s+/g, ""));
    for (const heading of ["一、部门（单位）概况", "二、收支及预算执行情况", "三、绩效指标完成情况", "四、存在的主要问题", "五、改进措施", "六、自评结论"]) {
      expect(text).toContain(heading);
    }
    // Every row of the sheet reads the same in the document (short rows only through a PDF, where long ones wrap).
    for (const r of rows.filter((x) => !hasWriter || x.length <= 30)) expect(text).toContain(r);
  }, 180000);
});
