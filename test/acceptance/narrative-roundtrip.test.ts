/**
 * Issue 4 "Done when" (generator and checker agree): `jixiao narrative` writes the 评价报告综述 sheet into
 * a copy of a workbook laid out unlike any fixture, and checking that copy gives no prose finding. Run on
 * the named acceptance layout, on a variant with 执行率 below 90% and an indicator not met (so that 四、存在
 * 的主要问题 has sentences of its own), and on the auto-mapped seed-000 layout; regenerating replaces the
 * sheet; a prose mistake in the clerk's own text is still found there, and nothing in the generated sheet.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import type { Finding } from "../../src/core/engine/types";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { NARRATIVE_SHEET } from "../../src/core/narrative/prose-cells";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { AT, TEXTS, copySpec, namedWorkbook, plant, seedLayoutWorkbook, writeSpec, type WorkbookSpec } from "./clerk-workbook";

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-acceptance-narrative-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function sha(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

const show = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${f.ref}: ${f.message}`);
const prose = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.ruleId.startsWith("prose-"));

/** The sheet's text, row by row (cells joined). */
function sheetText(sheet: SheetSnapshot): string {
  const rows = new Map<number, string[]>();
  for (const [a1, c] of Object.entries(sheet.cells)) {
    if (c.value === null || c.value === undefined || c.value === "") continue;
    const r = Number(/\d+$/.exec(a1)![0]);
    rows.set(r, [...(rows.get(r) ?? []), String(c.value)]);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v.join(" "))
    .join("\n");
}

/** Write `spec`, run `jixiao narrative` into a copy, and read the copy back. */
async function narrate(spec: WorkbookSpec): Promise<{ input: string; output: string; text: string; findings: Finding[]; before: Finding[] }> {
  const input = path.join(dir, `in-${++counter}.xlsx`);
  const output = path.join(dir, `out-${counter}.xlsx`);
  await writeSpec(spec, input);
  const hash = await sha(input);
  const before = [...checkWorkbook(await readXlsxFile(input)).findings];
  const r = await run("narrative", input, "-o", output);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(await sha(input)).toBe(hash);
  const snap = await readXlsxFile(output);
  const sheet = snap.sheets.find((s) => s.name === NARRATIVE_SHEET);
  expect(sheet).toBeDefined();
  return { input, output, text: sheetText(sheet!), findings: [...checkWorkbook(snap).findings], before };
}

describe("narrative then check (issue 4)", () => {
  it("the consistent named workbook: the 综述 is written with its sections and numbers, and the copy has no prose finding", async () => {
    const { text, findings } = await narrate(namedWorkbook());
    for (const heading of ["一、", "二、", "三、", "四、", "五、", "六、"]) expect(text).toContain(heading);
    expect(text).toContain("湘北市医疗保障局");
    expect(text).toContain("99.71%");
    expect(text).toContain("99.97");
    expect(text).toContain("优");
    expect(show(prose(findings))).toEqual([]);
    expect(show(findings.filter((f) => f.severity === "error"))).toEqual([]);
  });

  it("a workbook with 执行率 below 90% and an indicator not met: the problems section says so, still no prose finding", async () => {
    const spec = copySpec(namedWorkbook());
    // 全年执行 27000.00 of 31030.00 = 87.01% (score 8.70), and the 参保人数 indicator not met: 43 of ≥45万人 → 14.33.
    plant(spec, AT.exec, "C5", 27000);
    plant(spec, AT.exec, "C6", 0.8701);
    plant(spec, AT.exec, "C8", 8.7);
    plant(spec, AT.indicators, "I5", "43万人");
    plant(spec, AT.indicators, "F5", 14.33);
    plant(spec, AT.indicators, "D15", 8.7);
    plant(spec, AT.indicators, "D16", 49.33);
    plant(spec, AT.info, "E14", 98.03);
    const from = "全年预算31030.00万元，全年执行30939.73万元，预算执行率99.71%";
    expect(TEXTS.achievements).toContain(from);
    plant(spec, AT.text, "D5", TEXTS.achievements.replace(from, "全年预算31030.00万元，全年执行27000.00万元，预算执行率87.01%"));
    const { text, findings, before } = await narrate(spec);
    // The input itself is consistent apart from the missing 偏差原因 (warnings), so the copy must be too.
    expect(show(before.filter((f) => f.severity === "error"))).toEqual([]);
    expect(text).toContain("87.01%");
    // 四、存在的主要问题 asks for the reasons of both, as visible gaps rather than invented text.
    const problems = text.slice(text.indexOf("四、"), text.indexOf("五、"));
    expect(problems).toContain("低于90%");
    expect(problems).toContain("城乡居民参保人数");
    expect(problems).toContain("【待填写");
    expect(show(prose(findings))).toEqual([]);
    expect(show(findings.filter((f) => f.severity === "error"))).toEqual([]);
  });

  it("the auto-mapped seed-000 layout (no names): the copy has no prose finding", async () => {
    const { text, findings } = await narrate(seedLayoutWorkbook());
    expect(text).toContain("六、");
    expect(show(prose(findings))).toEqual([]);
    expect(show(findings.filter((f) => f.severity === "error"))).toEqual([]);
  });

  it("regenerating replaces the sheet whole and adds no finding", async () => {
    const first = await narrate(namedWorkbook());
    const second = path.join(dir, "again.xlsx");
    const r = await run("narrative", first.output, "-o", second);
    expect(r.code).toBe(0);
    const snap = await readXlsxFile(second);
    expect(snap.sheets.filter((s) => s.name === NARRATIVE_SHEET)).toHaveLength(1);
    expect(sheetText(snap.sheets.find((s) => s.name === NARRATIVE_SHEET)!)).toBe(first.text);
    expect(show(prose(checkWorkbook(snap).findings))).toEqual([]);
  });

  it("a prose mistake in the clerk's own text is still found at its cell, and nothing in the generated sheet", async () => {
    const spec = plant(copySpec(namedWorkbook()), AT.text, "D5", TEXTS.achievements.replace("下降85.1%", "下降185.1%"));
    const { findings } = await narrate(spec);
    expect(show(prose(findings).filter((f) => f.sheet === NARRATIVE_SHEET))).toEqual([]);
    expect(prose(findings).map((f) => `${f.ruleId} ${f.sheet}!${f.ref}`)).toContain(`prose-change-percent ${AT.text}!D5`);
  });
});
