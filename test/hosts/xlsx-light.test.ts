/**
 * The light reader of the check path (src/hosts/xlsx/light.ts) against the full reader (readXlsxFile:
 * xlsx-populate + read.ts): for every workbook the tests know — the examples, the rich fixture, the
 * acceptance workbooks with planted mistakes, the forms corpus, the red-team workbooks written by openpyxl,
 * bench workbooks — and for hand-made packages with the structures that are easy to get wrong (shared
 * formulas, inline and rich strings, dates, errors, booleans, styles, local names, sheets whose parts are
 * not in tab order, repeated and unordered cells), both give the same snapshot, in the same key order
 * (the engine walks cells in that order), and the light path really is the one that read it.
 *
 * What the light reader leaves to the full one (anything it does not model, any damage) must come out as
 * the full reader has it: the same snapshot, or the same refusal with the same sentence.
 */
import { spawnSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import { computeUncached } from "../../src/hosts/xlsx/evaluate";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { limitsFor, limitsFromEnv, readXlsxFile, XlsxReadError } from "../../src/hosts/xlsx";
import { lightSnapshot, readWorkbookFile } from "../../src/hosts/xlsx/light";
import { readerAcceptanceSpecs, writeSpec } from "../acceptance/clerk-workbook";
import { writeBook } from "../forms-corpus/book";
import { buildCorpus } from "../forms-corpus/corpus";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeWorkbook } = require("../../scripts/lib/bench-workbook.js") as {
  makeWorkbook(file: string, o: { institutions: number; projects: number; indicators: number; seed: number }): Promise<void>;
};

const ROOT = path.join(__dirname, "..", "..");
jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-light-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Cell keys per sheet in order, and the names in order: what deep equality does not look at. */
function order(s: WorkbookSnapshot): unknown {
  return { sheets: s.sheets.map((sh) => ({ name: sh.name, keys: Object.keys(sh.cells), merges: sh.merges })), names: s.names };
}

/**
 * The light path reads `file` by itself, and gives exactly the full reader's snapshot (both with the
 * results of formulas the file stores without them computed, evaluate.ts, as readWorkbookFile does).
 */
async function expectSame(file: string): Promise<void> {
  const full = await readXlsxFile(file);
  const light = lightSnapshot(readFileSync(file), limitsFromEnv());
  expect({ file: path.basename(file), fallback: "fallback" in light ? light.fallback : undefined }).toEqual({ file: path.basename(file), fallback: undefined });
  if (!("snapshot" in light)) return;
  const computed = await computeUncached(light.snapshot);
  expect(computed).toEqual(full);
  expect(order(computed)).toEqual(order(full));
}

/** What a reader gives: its snapshot, or its refusal (problem and sentence). */
async function outcome(read: () => Promise<WorkbookSnapshot>): Promise<unknown> {
  try {
    return { snapshot: await read() };
  } catch (err) {
    if (err instanceof XlsxReadError) return { problem: err.problem, message: err.message };
    throw err;
  }
}

/** The light path leaves `file` to the full reader, and the check path's reader gives what it gives. */
async function expectFallback(file: string, limits = limitsFromEnv()): Promise<unknown> {
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (bytes && (await fs.stat(file)).isFile()) expect("fallback" in lightSnapshot(bytes, limits)).toBe(true);
  const full = await outcome(() => readXlsxFile(file, limits));
  expect(await outcome(() => readWorkbookFile(file, limits))).toEqual(full);
  return full;
}

describe("the light reader gives the full reader's snapshot", () => {
  test("every example workbook and the rich fixture (LibreOffice: local names, constants, whole columns, comments, a chart)", async () => {
    const examples = (await fs.readdir(path.join(ROOT, "examples"))).filter((f) => f.endsWith(".xlsx")).sort();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const f of examples) await expectSame(path.join(ROOT, "examples", f));
    await expectSame(path.join(ROOT, "test", "fixtures", "xlsx", "rich.xlsx"));
  });

  test("the acceptance workbooks (ExcelJS: defined names, error values, formulas with cached results), consistent and planted", async () => {
    const specs = readerAcceptanceSpecs();
    expect(specs.filter((s) => s.planted).length).toBeGreaterThanOrEqual(5);
    for (const [i, { spec }] of specs.entries()) {
      const file = path.join(dir, `acceptance-${i}.xlsx`);
      await writeSpec(spec, file);
      await expectSame(file);
    }
  });

  test("the forms corpus (every form consistent and with its first planted mistake, one stored uncompressed)", async () => {
    const corpus = buildCorpus();
    expect(corpus.length).toBeGreaterThan(5);
    for (const [i, c] of corpus.entries()) {
      const file = path.join(dir, `${c.file}.xlsx`);
      await writeBook(c.book, file, { store: i === 0 });
      await expectSame(file);
      const variant = c.variants[0];
      if (variant) {
        const planted = structuredClone(c.book);
        variant.plant(planted);
        const pfile = path.join(dir, `${c.file}-planted.xlsx`);
        await writeBook(planted, pfile);
        await expectSame(pfile);
      }
    }
  });

  test("bench workbooks at 10, 50 and 400 institutions", async () => {
    for (const institutions of [10, 50, 400]) {
      const file = path.join(dir, `bench-${institutions}.xlsx`);
      await makeWorkbook(file, { institutions, projects: 30, indicators: 40, seed: 7 });
      await expectSame(file);
    }
  });

  const python = ["python3", "/usr/bin/python3"].find((py) => spawnSync(py, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0);
  (python ? test : test.skip)("the red-team workbooks (openpyxl: inline empty strings, merged headers, dashes)", async () => {
    const out = path.join(dir, "red-team");
    await fs.mkdir(out);
    const made = spawnSync(python!, [path.join(ROOT, "test", "red-team", "make.py"), out], { encoding: "utf8" });
    expect(made.stderr).toBe("");
    const files = (await fs.readdir(out)).filter((f) => f.endsWith(".xlsx")).sort();
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) await expectSame(path.join(out, f));
  });
});

/** A minimal package around hand-written parts. */
interface Parts {
  /** Sheet names with their worksheet XML (the `<sheetData>…` and what follows, inside `<worksheet>`). */
  readonly sheets: readonly { readonly name: string; readonly body: string; readonly part?: string; readonly state?: string }[];
  readonly strings?: string;
  readonly names?: string;
  readonly styles?: string;
  /** Replace a part's text after it is made. */
  readonly edit?: (parts: Map<string, string>) => void;
}

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="0.00%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

async function writePackage(name: string, p: Parts): Promise<string> {
  const parts = new Map<string, string>();
  const sheetParts = p.sheets.map((s, i) => s.part ?? `worksheets/sheet${i + 1}.xml`);
  parts.set(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetParts.map((s) => `<Override PartName="/xl/${s}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${p.strings !== undefined ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : ""}</Types>`,
  );
  parts.set("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  parts.set(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${NS}><bookViews><workbookView activeTab="0"/></bookViews><sheets>${p.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets>${p.names ?? ""}</workbook>`,
  );
  parts.set(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetParts.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s}"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${p.strings !== undefined ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
  );
  p.sheets.forEach((s, i) => parts.set(`xl/${sheetParts[i]}`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS}>${s.body}</worksheet>`));
  parts.set("xl/styles.xml", p.styles ?? STYLES);
  if (p.strings !== undefined) parts.set("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst ${NS}>${p.strings}</sst>`);
  p.edit?.(parts);
  const zip = new JSZip();
  for (const [n, text] of parts) zip.file(n, text);
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** Shared strings: plain, rich runs, number-looking text, kept spaces, empty, phonetic runs after the text. */
const STRINGS = [
  "<si><t>收入合计</t></si>",
  '<si><r><rPr><b/></rPr><t>本年</t></r><r><t xml:space="preserve"> 支出</t></r></si>',
  "<si><t>199.5</t></si>",
  '<si><t xml:space="preserve">  </t></si>',
  "<si><t/></si>",
  "<si><t>项目</t><rPh sb=\"0\" eb=\"2\"><t>こう</t></rPh></si>",
  "<si><t>   </t></si>",
  "<si><t>a &amp; b &lt;c&gt; &#x4E2D;</t></si>",
].join("");

const KITCHEN_SINK = `<dimension ref="A1:F21"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s" s="4"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>内联文字</t></is></c><c r="B2" t="inlineStr"/><c r="C2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="D2" t="inlineStr"><is><t>42</t></is></c><c r="E2" t="inlineStr" s="1"><is></is><v>7</v></c><c r="F2" t="inlineStr"><is><t xml:space="preserve"> 前导空格</t></is></c></row>
<row r="3"><c r="A3" s="1"><v>0.9917</v></c><c r="B3" s="2"><v>44927</v></c><c r="C3" s="3"><v>44927.5</v></c><c r="D3" s="0"><v>1.5E+3</v></c><c r="E3"><v></v></c><c r="F3" s="5"><v>-0</v></c><c r="G3" s="4"/><c r="H3" t="n"><v>12345678901234567890</v></c></row>
<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="F4" t="str"><f>TEXT(1,"0")</f><v>1</v></c><c r="G4"><f>1</f><v>1</v></c><c r="H4" t="e"><v>#REF!</v></c></row>
<row r="5"><c r="A5"><f t="shared" ref="A5:A8" si="0">B5+$C$1+C$1+$D5+SUM(B5:B6)</f><v>1</v></c><c r="B5"><v>1</v></c><c r="C5"><f t="shared" ref="C5:D6" si="1">'数 据'!A1*2</f><v>2</v></c><c r="D5"><f t="shared" si="1"/><v>2</v></c><c r="F5"><f t="array" ref="F5">SUM(B5:B8*2)</f><v>8</v></c></row>
<row r="6"><c r="A6"><f t="shared" si="0"/><v>2</v></c><c r="B6"><v>2</v></c><c r="C6"><f t="shared" si="1"/><v>3</v></c><c r="D6"><f t="shared" si="1"/></c></row>
<row r="7"><c r="A7"><f t="shared" si="0"/><v>3</v></c><c r="B7"><v>3</v></c><c r="E7"><f t="shared" si="9"/><v>5</v></c></row>
<row r="8" spans="1:2"><c r="A8"><f t="shared" si="0"/><v>4</v></c><c r="B8"><f>LOG10(A1)+SUMX2(B1)</f><v>4</v></c></row>
<row r="10"><c r="B10"><v>10</v></c><c r="A10"><v>9</v></c></row>
<row r="9"><c r="A9"><v>1</v></c><c r="A9"><v>2</v></c><c r="C9"><v>3</v></c><c r="C9"/></row>
<row r="12" customHeight="1"/>
<row r="21"><c r="A21" t="str"><v xml:space="preserve"> </v></c><c r="B21" t="str"><v>  </v></c><c r="C21" t="str"><v>0123</v></c></row>
</sheetData><mergeCells count="3"><mergeCell ref="A20:B21"/><mergeCell ref="C20:D20"/><mergeCell ref="A20:B21"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;

const NAMES = `<definedNames><definedName name="jx_total">'数 据'!$B$5</definedName><definedName name="local_total" localSheetId="1">'2021'!$A$1</definedName><definedName name="rate_const">0.2</definedName><definedName name="eq">='数 据'!$A$1:$B$4</definedName><definedName name="empty_name"/><definedName name="" >'数 据'!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'数 据'!$A$1:$H$21</definedName><definedName name="whole_col">'数 据'!$A:$A</definedName><definedName name="out_of_range" localSheetId="7">'数 据'!$A$1</definedName></definedNames>`;

describe("hand-made packages: the light reader gives the full reader's snapshot", () => {
  test("shared and rich strings, inline strings, dates, errors, booleans, styles, shared formulas, repeated and unordered cells, local names", async () => {
    const file = await writePackage("kitchen-sink.xlsx", {
      sheets: [
        { name: "数 据", body: KITCHEN_SINK },
        { name: "2021", body: '<sheetData><row r="1"><c r="A1"><v>2021</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData>' },
      ],
      strings: STRINGS,
      names: NAMES,
    });
    await expectSame(file);
    // What the engine gets, spelled out for the cells that are easy to get wrong.
    const s = (await readWorkbookFile(file)).sheets[0].cells;
    expect(s.B1).toEqual({ value: "本年 支出" });
    expect(s.C1).toEqual({ value: "199.5" });
    expect(s.A6).toEqual({ value: 2, formula: "B6+$C$1+C$1+$D6+SUM(B6:B7)" });
    // Stored without a result: computed as Excel would show it ('数 据'!B2 is empty, so 0; evaluate.ts).
    expect(s.D6).toEqual({ value: 0, formula: "'数 据'!B2*2" });
    expect(s.D4).toEqual({ value: null, error: "#DIV/0!", formula: "1/0" });
    expect(s.B3).toEqual({ value: 44927, numberFormat: "yyyy/m/d" });
    expect(s.A9).toEqual({ value: 2 });
    expect(s.C9).toBeUndefined();
  });

  test("worksheet parts not numbered in tab order (the second sheet's part first)", async () => {
    const file = await writePackage("swapped.xlsx", {
      sheets: [
        { name: "甲", body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', part: "worksheets/sheet2.xml" },
        { name: "乙", body: '<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>', part: "worksheets/sheet1.xml" },
      ],
      names: '<definedNames><definedName name="x" localSheetId="1">乙!$A$1</definedName></definedNames>',
    });
    await expectSame(file);
    const snap = await readWorkbookFile(file);
    expect(snap.sheets.map((sh) => [sh.name, sh.cells.A1.value])).toEqual([["甲", 1], ["乙", 2]]);
  });

  test("hidden sheets, rows and columns (hidden=\"1\" and \"true\"), cut to the rows and columns of the cells", async () => {
    const file = await writePackage("hidden.xlsx", {
      sheets: [
        {
          name: "本年",
          body:
            '<cols><col min="2" max="2" width="0" hidden="1" customWidth="1"/><col min="4" max="16384" hidden="true"/></cols><sheetData>' +
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="E1"><v>3</v></c></row><row r="2" hidden="1"><c r="A2"><v>4</v></c></row>' +
            '<row r="3" hidden="true"/><row r="4"><c r="A4"><v>5</v></c></row><row r="9" hidden="1"/></sheetData>',
        },
        { name: "2022年", state: "hidden", body: '<sheetData><row r="1"><c r="A1"><v>2022</v></c></row></sheetData>' },
        { name: "jx_marks", state: "veryHidden", body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
      ],
    });
    await expectSame(file);
    const snap = await readWorkbookFile(file);
    // Row 9 lies below the last cell; columns D onwards are cut at E, the last column with a cell.
    expect(snap.sheets[0]).toMatchObject({ hiddenRows: [[2, 3]], hiddenCols: [[2, 2], [4, 5]] });
    expect(snap.sheets.map((sh) => sh.visibility)).toEqual([undefined, "hidden", "veryHidden"]);
    expect(snap.sheets[0].cells.A2).toEqual({ value: 4 });
  });

  test("a workbook without shared strings, and one without sheets", async () => {
    await expectSame(await writePackage("no-strings.xlsx", { sheets: [{ name: "S", body: '<sheetData><row r="3"><c r="B3" s="1"><v>0.5</v></c></row></sheetData>' }] }));
    await expectSame(await writePackage("no-sheets.xlsx", { sheets: [] }));
  });
});

describe("what the light reader leaves to the full reader comes out the same", () => {
  const sheet = (body: string) => [{ name: "S", body: `<sheetData>${body}</sheetData>` }];

  test("what it does not model is read by the full reader: a carriage return, a comment, CDATA, shared strings under another name", async () => {
    const crlf = await writePackage("crlf.xlsx", { sheets: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), strings: "<si><t>第一行\r\n第二行</t></si>" });
    expect(await expectFallback(crlf)).toEqual({ snapshot: expect.objectContaining({ sheets: [expect.objectContaining({ cells: { A1: { value: "第一行\r\n第二行" } } })] }) });
    await expectFallback(await writePackage("comment.xlsx", { sheets: sheet('<row r="1"><!-- a note --><c r="A1"><v>1</v></c></row>') }));
    await expectFallback(await writePackage("cdata.xlsx", { sheets: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>') }));
    const moved = await writePackage("strings-elsewhere.xlsx", {
      sheets: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
      strings: "<si><t>文字</t></si>",
      edit: (parts) => {
        parts.set("xl/strings.xml", parts.get("xl/sharedStrings.xml")!);
        parts.delete("xl/sharedStrings.xml");
        parts.set("xl/_rels/workbook.xml.rels", parts.get("xl/_rels/workbook.xml.rels")!.replace('Target="sharedStrings.xml"', 'Target="strings.xml"'));
      },
    });
    expect(await expectFallback(moved)).toEqual({ snapshot: expect.objectContaining({ sheets: [expect.objectContaining({ cells: { A1: { value: "文字" } } })] }) });
  });

  test("damage and limits get the full reader's sentence, naming the part", async () => {
    const malformed = await writePackage("malformed.xlsx", { sheets: sheet('<row r="1"><c r="A1"><v>1</v></row>') });
    expect(await expectFallback(malformed)).toEqual({ problem: "corrupt", message: expect.stringContaining("xl/worksheets/sheet1.xml") });
    const missing = await writePackage("missing.xlsx", { sheets: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), edit: (parts) => parts.delete("xl/worksheets/sheet1.xml") });
    expect(await expectFallback(missing)).toEqual({ problem: "corrupt", message: expect.stringContaining("缺少 xl/worksheets/sheet1.xml") });
    const noStrings = await writePackage("no-sst.xlsx", { sheets: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') });
    expect(await expectFallback(noStrings)).toEqual({ problem: "corrupt", message: expect.stringContaining("xl/sharedStrings.xml") });
    const pastEnd = await writePackage("past-end.xlsx", { sheets: sheet('<row r="1"><c r="A1" t="s"><v>3</v></c></row>'), strings: "<si><t>a</t></si>" });
    expect(await expectFallback(pastEnd)).toEqual({ problem: "corrupt", message: expect.stringContaining("xl/sharedStrings.xml") });
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join("");
    const big = await writePackage("big.xlsx", { sheets: sheet(rows) });
    expect(await expectFallback(big, limitsFor(40))).toEqual({ problem: "too-large", message: expect.stringContaining("工作簿过大") });
    const chart = await writePackage("chartsheet.xlsx", {
      sheets: sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
      edit: (parts) => parts.set("xl/_rels/workbook.xml.rels", parts.get("xl/_rels/workbook.xml.rels")!.replace(`${REL}/worksheet`, `${REL}/chartsheet`)),
    });
    expect(await expectFallback(chart)).toEqual({ problem: "unsupported", message: expect.any(String) });
  });

  test("files that are no workbook at all", async () => {
    const text = path.join(dir, "text.xlsx");
    await fs.writeFile(text, "not a workbook");
    expect(await expectFallback(text)).toEqual({ problem: "not-xlsx", message: expect.any(String) });
    const truncated = path.join(dir, "truncated.xlsx");
    await fs.writeFile(truncated, (await fs.readFile(path.join(ROOT, "examples", "linxiang-2021.xlsx"))).subarray(0, 5000));
    expect(await expectFallback(truncated)).toEqual({ problem: "corrupt", message: expect.any(String) });
    expect(await expectFallback(path.join(dir, "nowhere.xlsx"))).toEqual({ problem: "missing", message: expect.any(String) });
    expect(await expectFallback(dir)).toEqual({ problem: "directory", message: expect.any(String) });
  });
});
