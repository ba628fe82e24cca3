/**
 * Editing a workbook made by LibreOffice (chart, drawing, comment, validation, merged cells, number formats,
 * print area and names of every kind) changes only what was asked: every other part of the package is
 * byte-identical or, for the parts xlsx-populate re-serialises, semantically equal.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { openXlsx, readXlsxFile } from "../../src/hosts/xlsx";

// xlsx-populate's own XML parser gives a plain tree we can canonicalise (attribute order is irrelevant).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XmlParser: new () => { parseAsync(xml: string): Promise<unknown> } = require("xlsx-populate/lib/XmlParser");

const RICH = path.join(__dirname, "..", "fixtures", "xlsx", "rich.xlsx");

interface Node {
  name: string;
  attributes: Record<string, unknown>;
  children: (Node | string | number)[];
}

/**
 * A canonical form: attribute order ignored, and the two things the OOXML schema defines as no-ops dropped —
 * the optional `count`/`uniqueCount` of collections and a cell's `t="n"` (number is the default type) — and a worksheet's
 * optional `<dimension>` hint, which xlsx-populate leaves out (readers compute it).
 */
function canonical(node: Node | string | number): unknown {
  if (typeof node !== "object") return String(node);
  const attrs = Object.keys(node.attributes ?? {})
    .filter((k) => k !== "count" && k !== "uniqueCount" && !(node.name === "c" && k === "t" && node.attributes[k] === "n"))
    .sort()
    .map((k) => [k, String(node.attributes[k])]);
  return [node.name, attrs, (node.children ?? []).filter((c) => typeof c !== "object" || c.name !== "dimension").map(canonical)];
}

async function parts(file: string | Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(typeof file === "string" ? await fs.readFile(file) : file);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("nodebuffer"));
  }
  return out;
}

async function tree(xml: Buffer): Promise<Node> {
  return (await new XmlParser().parseAsync(xml.toString("utf8"))) as Node;
}

function child(node: Node, name: string): Node | undefined {
  return node.children.find((c): c is Node => typeof c === "object" && c.name === name);
}

/** The cells of a worksheet part keyed by address, canonicalised. */
async function sheetCells(xml: Buffer): Promise<Map<string, string>> {
  const root = await tree(xml);
  const data = child(root, "sheetData")!;
  const cells = new Map<string, string>();
  for (const row of data.children as Node[]) {
    for (const c of row.children as Node[]) cells.set(String(c.attributes.r), JSON.stringify(canonical(c)));
  }
  return cells;
}

/** Everything in a worksheet part except sheetData, canonicalised. */
async function sheetFrame(xml: Buffer): Promise<string> {
  const root = await tree(xml);
  return JSON.stringify(canonical({ ...root, children: root.children.filter((c) => typeof c !== "object" || c.name !== "sheetData") }));
}

describe("xlsx host preserves what it does not touch", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-xlsx-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("changing one cell keeps charts, drawings, comments, styles, names and other sheets", async () => {
    const inputBytes = await fs.readFile(RICH);
    const host = await openXlsx(RICH);
    const res = await host.applyWrites([{ at: { sheet: "收支情况", address: "C3" }, value: 60 }]);
    expect(res).toEqual({ ok: true, value: 1 });
    const out = path.join(dir, "out.xlsx");
    await host.saveAs(out);

    // The input file is never written.
    expect((await fs.readFile(RICH)).equals(inputBytes)).toBe(true);

    const before = await parts(RICH);
    const after = await parts(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());

    // Parts xlsx-populate does not parse are copied byte for byte.
    for (const name of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]) {
      expect(before.get(name)).toBeDefined();
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    }

    // Parts it re-serialises are semantically equal.
    for (const name of ["xl/styles.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/sharedStrings.xml"]) {
      expect(JSON.stringify(canonical(await tree(after.get(name)!)))).toEqual(JSON.stringify(canonical(await tree(before.get(name)!))));
    }

    // workbook.xml: same sheets and the same defined names (with localSheetId); only calcPr asks for recalculation.
    const wbBefore = await tree(before.get("xl/workbook.xml")!);
    const wbAfter = await tree(after.get("xl/workbook.xml")!);
    for (const name of ["definedNames", "sheets"]) {
      expect(JSON.stringify(canonical(child(wbAfter, name)!))).toEqual(JSON.stringify(canonical(child(wbBefore, name)!)));
    }
    expect(String(child(wbAfter, "calcPr")!.attributes.fullCalcOnLoad)).toBe("1");

    // sheet1: the frame (merges, validation, drawing and comment links, columns) is unchanged …
    expect(await sheetFrame(after.get("xl/worksheets/sheet1.xml")!)).toEqual(await sheetFrame(before.get("xl/worksheets/sheet1.xml")!));
    // … and so is every cell but C3 (formulas keep their cached results).
    const cellsBefore = await sheetCells(before.get("xl/worksheets/sheet1.xml")!);
    const cellsAfter = await sheetCells(after.get("xl/worksheets/sheet1.xml")!);
    for (const [ref, xml] of cellsBefore) {
      if (ref !== "C3") expect([ref, cellsAfter.get(ref)]).toEqual([ref, xml]);
    }

    // Read back: the new value, the old formulas with their cached values, the names with their scope.
    const snap = await readXlsxFile(out);
    const sheet = snap.sheets[0];
    expect(sheet.cells.C3).toEqual({ value: 60 });
    expect(sheet.cells.B4).toEqual({ value: 546.77, formula: "SUM(B2:B3)", numberFormat: "#,##0.00" });
    expect(sheet.merges).toEqual(["C1:D1"]);
    expect(snap.names).toEqual((await readXlsxFile(RICH)).names);
  });

  it("refuses to save over the input file", async () => {
    const copy = path.join(dir, "copy.xlsx");
    await fs.copyFile(RICH, copy);
    const bytes = await fs.readFile(copy);
    const host = await openXlsx(copy);
    await host.applyWrites([{ at: { sheet: "指标", address: "B1" }, value: 9 }]);
    await expect(host.saveAs(copy)).rejects.toThrow("输出文件不能是输入文件本身");
    expect((await fs.readFile(copy)).equals(bytes)).toBe(true);
  });

  it("highlight then clearHighlights restores every cell's style exactly", async () => {
    const host = await openXlsx(RICH);
    const marks = [
      { at: { sheet: "收支情况", address: "B2" }, color: "#FFC7CE" },
      { at: { sheet: "收支情况", address: "A1" }, color: "#FFC7CE" },
      { at: { sheet: "指标", address: "B1" }, color: "#FFEB9C" },
    ];
    const saved = await host.highlight(marks);
    if (!saved.ok) throw new Error(saved.error.message);
    // A1 has a yellow fill in the source; B2 and B1 have none.
    expect(saved.value.map((s) => s.color)).toEqual([null, "#FFFF00", null]);
    const painted = path.join(dir, "painted.xlsx");
    await host.saveAs(painted);
    const paintedSheet = (await sheetCells((await parts(painted)).get("xl/worksheets/sheet1.xml")!)).get("B2");
    expect(paintedSheet).not.toEqual((await sheetCells((await parts(RICH)).get("xl/worksheets/sheet1.xml")!)).get("B2"));

    expect(await host.clearHighlights(saved.value)).toEqual({ ok: true, value: 3 });
    const restored = path.join(dir, "restored.xlsx");
    await host.saveAs(restored);
    const a = await parts(RICH);
    const b = await parts(restored);
    for (const name of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      expect(await sheetCells(b.get(name)!)).toEqual(await sheetCells(a.get(name)!));
    }
  });

  it("writes values, formulas and number formats in one batch, adds names and a sheet", async () => {
    const host = await openXlsx(RICH);
    const bad = await host.applyWrites([
      { at: { sheet: "收支情况", address: "E2" }, value: 1 },
      { at: { sheet: "没有这张表", address: "A1" }, value: 1 },
    ]);
    expect(bad.ok).toBe(false);
    const res = await host.applyWrites([
      { at: { sheet: "收支情况", address: "E2" }, formula: "C2/B2", value: 0.2884, numberFormat: "0.00%" },
      { at: { sheet: "收支情况", address: "E3" }, value: "备注" },
    ]);
    expect(res).toEqual({ ok: true, value: 2 });
    expect(await host.addNames([{ name: "jx_exec_rate", ref: { sheet: "收支情况", address: "E2" } }])).toEqual({ ok: true, value: 1 });
    const sheetRes = await host.writeSheet({ name: "自评报告", rows: [["一、基本情况"], ["正文", 12.5]], columnWidths: [20, 10], headingRows: [0] });
    expect(sheetRes.ok).toBe(true);
    // Replacing keeps one sheet of that name, at the same place.
    expect((await host.writeSheet({ name: "自评报告", rows: [["二、绩效目标"]] })).ok).toBe(true);
    const out = path.join(dir, "written.xlsx");
    await host.saveAs(out);
    const snap = await readXlsxFile(out);
    expect(snap.sheets.map((s) => s.name)).toEqual(["收支情况", "指标", "自评报告"]);
    // The file now asks to be recalculated on opening (our edits may change what its formulas add): read
    // back, the formula's result is what Excel will show, C2 ÷ B2 computed, not the 0.2884 written beside it.
    expect(snap.recalcOnOpen).toBe(true);
    const c2 = Number(snap.sheets[0].cells.C2?.value);
    const b2 = Number(snap.sheets[0].cells.B2?.value);
    expect(snap.sheets[0].cells.E2).toEqual({ value: c2 / b2, formula: "C2/B2", numberFormat: "0.00%" });
    expect(c2 / b2).toBeCloseTo(0.2884, 4);
    expect(snap.sheets[0].cells.E3).toEqual({ value: "备注" });
    expect(snap.sheets[2].cells).toEqual({ A1: { value: "二、绩效目标" } });
    expect(snap.names).toContainEqual({ name: "jx_exec_rate", refersTo: "收支情况!$E$2" });
    expect(snap.names).toContainEqual({ name: "local_total", refersTo: "收支情况!$B$4", scope: "收支情况" });
  });
});
