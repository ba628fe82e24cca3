/**
 * Every package jixiao writes is valid OOXML (test/helpers/ooxml-check.ts): `fill`, `narrative`,
 * `template` and each write path of the .xlsx host that the pane uses. Running a command on its own
 * output adds no sheet, relationship or style; sheets `fill` did not write keep their parts byte for
 * byte. At the end every output is opened by LibreOffice (one headless conversion for all) and by
 * python3-openpyxl (one process for all).
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { openXlsx } from "../../src/hosts/xlsx";
import { checkPackage, type PackageCheck } from "../helpers/ooxml-check";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = ["hefei-2024.xlsx", "linxiang-2021.xlsx", "linxiang-2021-clerk.xlsx", "chengde-2019-projects.xlsx"].map((f) => path.join(ROOT, "examples", f));

let tmp: string;
/** Every package written here, for the LibreOffice and openpyxl pass at the end. */
const outputs: string[] = [];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-packages-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function checked(file: string): Promise<PackageCheck> {
  outputs.push(file);
  const result = await checkPackage(await fs.readFile(file));
  expect({ file: path.basename(file), problems: result.problems }).toEqual({ file: path.basename(file), problems: [] });
  return result;
}

/** Worksheet parts by sheet name. */
async function sheetParts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, Buffer>();
  for (const m of wb.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    out.set(m[1], await zip.file(part)!.async("nodebuffer"));
  }
  return out;
}

describe("fill", () => {
  it.each(EXAMPLES.map((f) => [path.basename(f), f]))("%s: a valid package; a second run adds nothing; unwritten sheets are byte-identical", async (name, input) => {
    const first = path.join(tmp, `fill-1-${name}`);
    const second = path.join(tmp, `fill-2-${name}`);
    const r1 = await run("fill", input, "-o", first, "--format", "json");
    expect(r1.err).toBe("");
    const a = await checked(first);
    expect((await run("fill", first, "-o", second)).err).toBe("");
    const b = await checked(second);
    expect(b.counts).toEqual(a.counts);

    const written = new Set((JSON.parse(r1.out) as { writes: { cell: string }[] }).writes.map((w) => w.cell.slice(0, w.cell.lastIndexOf("!")).replace(/^'|'$/g, "")));
    const before = await sheetParts(input);
    const after = await sheetParts(first);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [sheet, bytes] of before) {
      if (written.has(sheet)) continue;
      expect({ sheet, same: after.get(sheet)!.equals(bytes) }).toEqual({ sheet, same: true });
    }
  });
});

describe("narrative", () => {
  it.each(EXAMPLES.slice(0, 2).map((f) => [path.basename(f), f]))("%s: the sheet is typed as a worksheet; re-running replaces it without a new relationship or style", async (name, input) => {
    const first = path.join(tmp, `narr-1-${name}`);
    const second = path.join(tmp, `narr-2-${name}`);
    expect((await run("narrative", input, "-o", first)).err).toBe("");
    const a = await checked(first);
    expect((await run("narrative", first, "-o", second)).err).toBe("");
    const b = await checked(second);
    expect(b.counts).toEqual(a.counts);
    const original = await checkPackage(await fs.readFile(input));
    expect(a.counts.sheets).toBe(original.counts.sheets + 1);
    // Two formats at most for the whole narrative (bold headings, wrapped paragraphs), however long.
    expect(a.counts.cellXfs - original.counts.cellXfs).toBeLessThanOrEqual(2);
  });
});

describe("template", () => {
  it.each([["dept"], ["project"]])("--kind %s: a valid package", async (kind) => {
    const out = path.join(tmp, `template-${kind}.xlsx`);
    expect((await run("template", "--kind", kind, "-o", out)).err).toBe("");
    await checked(out);
  });
});

describe("the .xlsx host's write paths (the pane's, through the host)", () => {
  async function paneRound(input: string, out: string): Promise<void> {
    const host = await openXlsx(input);
    const read = await host.readWorkbook();
    if (!read.ok) throw new Error(read.error.message);
    const sheet = read.value.sheets[0].name;
    const marks = [
      { at: { sheet, address: "A1" }, color: "#FFC7CE" },
      { at: { sheet, address: "B2" }, color: "#FFEB9C" },
    ];
    const saved = await host.highlight(marks);
    if (!saved.ok) throw new Error(saved.error.message);
    expect((await host.clearHighlights(saved.value)).ok).toBe(true);
    expect((await host.highlight(marks)).ok).toBe(true);
    expect((await host.applyWrites([{ at: { sheet, address: "Z99" }, value: 0.5, numberFormat: "0.00%" }])).ok).toBe(true);
    expect((await host.writeSheet({ name: "jx_marks", rows: [["cell", "color"], ["A1", "#FFC7CE"]], hidden: true })).ok).toBe(true);
    expect((await host.addNames([{ name: "jx_test_total", ref: { sheet, address: "B2" } }])).ok).toBe(true);
    expect((await host.select({ sheet, address: "B2" })).ok).toBe(true);
    await fs.writeFile(out, await host.toBuffer());
  }

  it("highlight, clear, write cells with a format, write a hidden sheet, add a name, select: valid, and the same again adds nothing", async () => {
    const first = path.join(tmp, "pane-1.xlsx");
    const second = path.join(tmp, "pane-2.xlsx");
    await paneRound(EXAMPLES[0], first);
    const a = await checked(first);
    await paneRound(first, second);
    const b = await checked(second);
    expect(b.counts).toEqual(a.counts);
  });
});

describe("a minimal package, as a few exporters write one: no styles part, no docProps, inline strings", () => {
  /** A 项目支出 table with its 执行率 left blank, in the smallest package the spec allows. */
  async function minimal(file: string): Promise<void> {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="项目支出" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    const text = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;
    const rows = [
      [text("A1", "项目名称"), text("B1", "预算数"), text("C1", "执行数"), text("D1", "执行率")],
      [text("A2", "合计"), num("B2", 300), num("C2", 250)],
      [text("A3", "医保信息系统运维"), num("B3", 100), num("C3", 90)],
      [text("A4", "医疗救助资金"), num("B4", 200), num("C4", 160)],
    ];
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.join("")}</row>`).join("")}</sheetData></worksheet>`,
    );
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }

  it("is read, not refused as damaged; fill, narrative and the pane's writes give valid packages with a declared styles part and no empty part", async () => {
    const input = path.join(tmp, "minimal.xlsx");
    await minimal(input);
    const check = await run("check", input, "--format", "json");
    expect(check.err).toBe("");
    expect(JSON.parse(check.out).workbooks[0].status).not.toBe("unreadable");
    const filled = path.join(tmp, "minimal-filled.xlsx");
    const r = await run("fill", input, "-o", filled, "--format", "json");
    expect(r.err).toBe("");
    // The blank 执行率 of each project, computed.
    expect((JSON.parse(r.out) as { writes: { cell: string }[] }).writes.map((w) => w.cell)).toEqual(expect.arrayContaining(["项目支出!D3", "项目支出!D4"]));
    const narrated = path.join(tmp, "minimal-narrative.xlsx");
    expect((await run("narrative", input, "-o", narrated)).err).toBe("");
    for (const out of [filled, narrated]) {
      await checked(out);
      const zip = await JSZip.loadAsync(await fs.readFile(out));
      const empty = Object.values(zip.files).filter((f) => !f.dir);
      const sizes = await Promise.all(empty.map(async (f) => [f.name, (await f.async("nodebuffer")).length] as const));
      expect(sizes.filter(([, n]) => n === 0).map(([name]) => name)).toEqual([]);
      expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toMatch(/relationships\/styles" Target="styles.xml"/);
    }
  });
});

const execOut = (cmd: string, args: string[]): Promise<{ code: number; out: string; err: string }> =>
  new Promise((resolve) => {
    execFile(cmd, args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr });
    });
  });

describe("other readers open every output", () => {
  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  const python = "/usr/bin/python3";

  (soffice ? it : it.skip)("LibreOffice converts each one (one headless run for all)", async () => {
    expect(outputs.length).toBeGreaterThan(10);
    const outDir = path.join(tmp, "lo");
    const profile = path.join(tmp, "lo-profile");
    const r = await execOut(soffice!, ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "csv", "--outdir", outDir, ...outputs]);
    expect(r.code).toBe(0);
    const made = new Set(await fs.readdir(outDir));
    expect(outputs.map((f) => path.basename(f).replace(/\.xlsx$/, ".csv")).filter((f) => !made.has(f))).toEqual([]);
  }, 300_000);

  (existsSync(python) ? it : it.skip)("python3-openpyxl loads each one (one process for all)", async () => {
    const script = [
      "import json, sys, warnings, openpyxl",
      "warnings.simplefilter('error')",
      "out = {}",
      "for f in sys.argv[1:]:",
      "    try:",
      "        wb = openpyxl.load_workbook(f)",
      "        out[f] = [ws.title for ws in wb.worksheets]",
      "    except Exception as e:",
      "        out[f] = 'ERROR ' + type(e).__name__ + ': ' + str(e)",
      "print(json.dumps(out))",
    ].join("\n");
    const r = await execOut(python, ["-c", script, ...outputs]);
    expect(r.err).toBe("");
    const result = JSON.parse(r.out) as Record<string, string[] | string>;
    expect(Object.entries(result).filter(([, v]) => typeof v === "string")).toEqual([]);
    expect(Object.keys(result)).toHaveLength(outputs.length);
  }, 120_000);
});
