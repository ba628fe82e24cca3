/**
 * `jixiao fill` as a user meets it: blank computed cells of seed 002's workbook are written into a copy
 * (9.97, 14.32, 48 …), cells that hold another value are listed and kept unless --overwrite, the input
 * is never written, OUT = FILE is refused, and every part of the file fill did not mean to touch is kept.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { readXlsxFile } from "../../src/hosts/xlsx";

const XlsxPopulate: {
  fromFileAsync(p: string): Promise<{ sheet(n: string): { cell(a: string): { value(v?: unknown): unknown } }; toFileAsync(p: string): Promise<void> }>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
} = require("xlsx-populate");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XmlParser: new () => { parseAsync(xml: string): Promise<unknown> } = require("xlsx-populate/lib/XmlParser");

const HEFEI = path.join(__dirname, "..", "..", "examples", "hefei-2024.xlsx");

/** The computed cells of hefei-2024.xlsx (绩效自评): 执行率, 执行率得分, 定量 indicator scores, summary, total, grade. */
const COMPUTED = ["D2", "F2", "H5", "H8", "H11", "C14", "C15", "C16", "C17", "B19", "B20"];

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function sha(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

interface Node {
  name: string;
  attributes: Record<string, unknown>;
  children: (Node | string | number)[];
}

function canonical(node: Node | string | number): unknown {
  if (typeof node !== "object") return String(node);
  const attrs = Object.keys(node.attributes ?? {})
    .filter((k) => k !== "count" && !(node.name === "c" && k === "t" && node.attributes[k] === "n"))
    .sort()
    .map((k) => [k, String(node.attributes[k])]);
  return [node.name, attrs, (node.children ?? []).filter((c) => typeof c !== "object" || c.name !== "dimension").map(canonical)];
}

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("nodebuffer"));
  return out;
}

async function tree(xml: Buffer): Promise<Node> {
  return (await new XmlParser().parseAsync(xml.toString("utf8"))) as Node;
}

describe("jixiao fill", () => {
  let dir: string;
  let blank: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-fill-"));
    // Seed 002's workbook with every computed cell emptied, as a clerk's unfinished template would be.
    const wb = await XlsxPopulate.fromFileAsync(HEFEI);
    for (const a of COMPUTED) wb.sheet("绩效自评").cell(a).value(undefined);
    blank = path.join(dir, "blank.xlsx");
    await wb.toFileAsync(blank);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes every blank computed cell into the copy, prints old → new, and leaves the input alone", async () => {
    const before = await sha(blank);
    const out = path.join(dir, "filled.xlsx");
    const { code, out: text, err } = await run("fill", blank, "-o", out);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(await sha(blank)).toBe(before);
    expect(text).toContain("已写入 11 个单元格");
    expect(text).toContain("绩效自评!D2  预算执行率：空白 → 99.74%（预算执行率 = 全年执行数 ÷ 全年预算数 = 1707.31 ÷ 1711.75 = 99.74%）");
    expect(text).toContain("绩效自评!H8  指标得分：空白 → 14.32（反向指标未达成：(1 − (1707.31 − 1632.87) ÷ 1632.87) × 15 = 14.32）");

    const snap = await readXlsxFile(out);
    const cells = snap.sheets.find((s) => s.name === "绩效自评")!.cells;
    expect(Object.fromEntries(COMPUTED.map((a) => [a, cells[a]?.value]))).toEqual({
      D2: expect.closeTo(0.997406, 6),
      F2: 9.97,
      H5: 10,
      H8: 14.32,
      H11: 10,
      C14: 9.97,
      C15: 49.32,
      C16: 30,
      C17: 10,
      B19: 99.29,
      B20: "优",
    });
    // The rate keeps the cell's own 0.00% format.
    expect(cells.D2.numberFormat).toBe("0.00%");
    // Fill then check: no score rule has an error left.
    const scoreRules = ["score-within-weight", "weights-sum", "score-summary-matches", "total-score-matches", "grade-matches-band", "indicator-value-readable"];
    expect(checkWorkbook(snap).findings.filter((f) => f.severity === "error" && scoreRules.includes(f.ruleId))).toEqual([]);
  });

  it("keeps every part of the file it did not mean to touch", async () => {
    const out = path.join(dir, "kept.xlsx");
    expect((await run("fill", blank, "-o", out)).code).toBe(0);
    const a = await parts(blank);
    const b = await parts(out);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const wbA = await tree(a.get("xl/workbook.xml")!);
    const sheetIndex = (wbA.children.find((c): c is Node => typeof c === "object" && c.name === "sheets")!.children as Node[]).findIndex(
      (s) => s.attributes.name === "绩效自评",
    );
    const edited = `xl/worksheets/sheet${sheetIndex + 1}.xml`;
    for (const [name, bytes] of a) {
      if (name === edited || name === "xl/workbook.xml") continue;
      if (bytes.equals(b.get(name)!)) continue;
      if (name === "xl/styles.xml") {
        // Writing a rate's 0.00% format may append a style; every existing entry stays as it was.
        const before = (await tree(bytes)).children.filter((c): c is Node => typeof c === "object");
        const after = (await tree(b.get(name)!)).children.filter((c): c is Node => typeof c === "object");
        expect(after.map((c) => c.name)).toEqual(before.map((c) => c.name));
        before.forEach((section, i) => {
          const kept = after[i].children.slice(0, section.children.length).map(canonical);
          expect([section.name, JSON.stringify(kept)]).toEqual([section.name, JSON.stringify(section.children.map(canonical))]);
        });
        continue;
      }
      expect([name, JSON.stringify(canonical(await tree(b.get(name)!)))]).toEqual([name, JSON.stringify(canonical(await tree(bytes)))]);
    }
    // workbook.xml: the same sheets and names.
    const wbB = await tree(b.get("xl/workbook.xml")!);
    for (const part of ["sheets", "definedNames"]) {
      const pick = (root: Node) => JSON.stringify(canonical(root.children.find((c): c is Node => typeof c === "object" && c.name === part)!));
      expect(pick(wbB)).toEqual(pick(wbA));
    }
    // The edited sheet: everything but sheetData is the same, and so is every cell fill did not write.
    const sa = await tree(a.get(edited)!);
    const sb = await tree(b.get(edited)!);
    const frame = (root: Node) => JSON.stringify(canonical({ ...root, children: root.children.filter((c) => typeof c !== "object" || c.name !== "sheetData") }));
    expect(frame(sb)).toEqual(frame(sa));
    const cellsOf = (root: Node) => {
      const data = root.children.find((c): c is Node => typeof c === "object" && c.name === "sheetData")!;
      const m = new Map<string, string>();
      for (const row of data.children as Node[]) for (const c of row.children as Node[]) m.set(String(c.attributes.r), JSON.stringify(canonical(c)));
      return m;
    };
    const ca = cellsOf(sa);
    const cb = cellsOf(sb);
    for (const [ref, xml] of ca) if (!COMPUTED.includes(ref)) expect([ref, cb.get(ref)]).toEqual([ref, xml]);
    for (const ref of cb.keys()) if (!ca.has(ref)) expect(COMPUTED).toContain(ref);
  });

  it("lists cells that hold a different value and keeps them; --overwrite replaces them", async () => {
    const out = path.join(dir, "conflicts.xlsx");
    const { code, out: text } = await run("fill", HEFEI, "-o", out, "--format", "json");
    expect(code).toBe(1);
    const json = JSON.parse(text) as { writes: unknown[]; conflicts: { cell: string; old: unknown; new: unknown }[] };
    expect(json.writes).toEqual([]);
    expect(json.conflicts.map((c) => [c.cell, c.old, c.new])).toEqual([
      ["绩效自评!H5", 9, 10],
      ["绩效自评!H8", 14, 14.32],
      ["绩效自评!C15", 50, 48],
    ]);
    expect((await readXlsxFile(out)).sheets.find((s) => s.name === "绩效自评")!.cells.H8.value).toBe(14);

    const forced = path.join(dir, "forced.xlsx");
    const again = await run("fill", HEFEI, "-o", forced, "--overwrite");
    expect(again.code).toBe(0);
    expect(again.out).toContain("绩效自评!H8  指标得分：14 → 14.32");
    const cells = (await readXlsxFile(forced)).sheets.find((s) => s.name === "绩效自评")!.cells;
    expect([cells.H5.value, cells.H8.value, cells.C15.value, cells.B19.value]).toEqual([10, 14.32, 49.32, 99.29]);
  });

  it("refuses OUT = FILE with a clear message and exit 2, without touching the file", async () => {
    const copy = path.join(dir, "same.xlsx");
    await fs.copyFile(blank, copy);
    const before = await sha(copy);
    const { code, err } = await run("fill", copy, "-o", copy);
    expect(code).toBe(2);
    expect(err).toMatch(/^jixiao: 输出文件“.+”就是输入文件：jixiao fill 从不改写原文件/);
    expect(await sha(copy)).toBe(before);
  });

  it("an unreadable input is exit 2 with one sentence", async () => {
    const bad = path.join(dir, "bad.xlsx");
    await fs.writeFile(bad, "not a workbook");
    const { code, err } = await run("fill", bad, "-o", path.join(dir, "x.xlsx"));
    expect(code).toBe(2);
    expect(err).toMatch(/^jixiao: 无法读取“.+bad\.xlsx”：/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
