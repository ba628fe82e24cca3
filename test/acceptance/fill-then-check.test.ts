/**
 * Issue 3 "Done when": on a workbook with the computed cells blank, `jixiao fill` (main() in-process)
 * then `jixiao check` gives no error, and every computed cell holds what the national profile gives:
 * 9.97 for 1707.31 of 1711.75 at weight 10; 14.32 for a 反向 成本 indicator of 1707.31 against ≤1632.87
 * at weight 15. fill never writes FILE; a computed cell holding a different value is listed and kept
 * unless --overwrite. The workbook is the acceptance layout of clerk-workbook.ts (not a fixture).
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { AT, SEED_AT, TEXTS, copySpec, namedWorkbook, plant, seedLayoutWorkbook, writeSpec, type WorkbookSpec } from "./clerk-workbook";

/** The computed cells of the named layout, blanked before fill. */
const COMPUTED: readonly (readonly [string, string])[] = [
  [AT.exec, "C6"], // jx_exec_rate
  [AT.exec, "C8"], // jx_exec_score
  [AT.indicators, "F5"], // 定量 得分 (≥ 45万人)
  [AT.indicators, "F6"], // 定量 得分 (≥ 95%)
  [AT.indicators, "F8"], // 定量 得分 (反向 成本)
  [AT.indicators, "F9"], // 定量 得分 (≥ 95%)
  [AT.indicators, "F11"], // 定量 得分 (≥ 90%)
  [AT.indicators, "D15"], // 得分汇总: 预算执行率
  [AT.indicators, "D16"], // 产出
  [AT.indicators, "D17"], // 效益
  [AT.indicators, "D18"], // 满意度
  [AT.info, "E14"], // jx_score_total
  [AT.info, "E15"], // jx_grade
  [AT.projects, "E4"], // project 执行率
  [AT.projects, "E5"],
  [AT.projects, "E6"],
  [AT.projects, "F4"], // project 结转结余
  [AT.projects, "F5"],
  [AT.projects, "F6"],
];

/** What the national profile gives for each of them. */
const EXPECTED: Readonly<Record<string, number | string>> = {
  [`${AT.exec}!C6`]: 1707.31 / 1711.75,
  [`${AT.exec}!C8`]: 9.97, // min(1707.31 / 1711.75, 1) × 10 = 9.974 → 9.97
  [`${AT.indicators}!F5`]: 15,
  [`${AT.indicators}!F6`]: 10,
  [`${AT.indicators}!F8`]: 14.32, // (1 − (1707.31 − 1632.87) ÷ 1632.87) × 15 = 14.316 → 14.32
  [`${AT.indicators}!F9`]: 15,
  [`${AT.indicators}!F11`]: 10,
  [`${AT.indicators}!D15`]: 9.97,
  [`${AT.indicators}!D16`]: 49.32, // 15 + 10 + 10 (定性, kept) + 14.32
  [`${AT.indicators}!D17`]: 30,
  [`${AT.indicators}!D18`]: 10,
  [`${AT.info}!E14`]: 99.29, // 9.97 + 89.32
  [`${AT.info}!E15`]: "优",
  [`${AT.projects}!E4`]: 28545.3 / 28600,
  [`${AT.projects}!E5`]: 26.1 / 30,
  [`${AT.projects}!E6`]: 1,
  [`${AT.projects}!F4`]: 54.7,
  [`${AT.projects}!F5`]: 3.9,
  [`${AT.projects}!F6`]: 0,
};

const RATE_CELLS: ReadonlySet<string> = new Set([`${AT.exec}!C6`, `${AT.projects}!E4`, `${AT.projects}!E5`, `${AT.projects}!E6`]);

/**
 * The acceptance workbook with the issue's numbers: 全年预算 1711.75, 全年执行 1707.31, and the 成本
 * indicator 部门整体支出总成本 ≤1632.87万元 against 1707.31万元 (分值 15); the text says the same.
 */
function issueWorkbook(): WorkbookSpec {
  const spec = copySpec(namedWorkbook());
  plant(spec, AT.exec, "C3", 1632.87);
  plant(spec, AT.exec, "C4", 1711.75);
  plant(spec, AT.exec, "C5", 1707.31);
  plant(spec, AT.indicators, "D8", "部门整体支出总成本");
  plant(spec, AT.indicators, "H8", "≤1632.87万元");
  plant(spec, AT.indicators, "I8", "1707.31万元");
  plant(spec, AT.indicators, "J8", "年中追加城乡居民医保参保补助，支出高于年初预算");
  const from = "全年预算31030.00万元，全年执行30939.73万元，预算执行率99.71%";
  expect(TEXTS.achievements).toContain(from);
  plant(spec, AT.text, "D5", TEXTS.achievements.replace(from, "全年预算1711.75万元，全年执行1707.31万元，预算执行率99.74%"));
  return spec;
}

function blanked(spec: WorkbookSpec): WorkbookSpec {
  const copy = copySpec(spec);
  for (const [sheet, a1] of COMPUTED) plant(copy, sheet, a1, null);
  return copy;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function sha(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

function cellOf(snap: WorkbookSnapshot, sheet: string, a1: string): CellSnapshot | undefined {
  return snap.sheets.find((s) => s.name === sheet)?.cells[a1];
}

interface CheckJson {
  findings: { rule: string; severity: string; cell: string }[];
}

describe("fill then check (issue 3)", () => {
  let dir: string;
  let blank: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-acceptance-fill-"));
    blank = path.join(dir, "blank.xlsx");
    await writeSpec(blanked(issueWorkbook()), blank);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("the workbook with every computed cell filled in by hand (the same values) checks clean", async () => {
    // Guards the expectations below: the hand-filled workbook is consistent under the national profile.
    const spec = issueWorkbook();
    for (const [key, v] of Object.entries(EXPECTED)) {
      const [sheet, a1] = key.split("!");
      // Rates as a clerk types them: four decimals shown as 0.00%.
      plant(spec, sheet, a1, RATE_CELLS.has(key) && typeof v === "number" ? Math.round(v * 10000) / 10000 : v);
    }
    const file = path.join(dir, "by-hand.xlsx");
    await writeSpec(spec, file);
    const { code, out } = await run("check", file, "--format", "json");
    expect((JSON.parse(out) as CheckJson).findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(code).toBe(0);
  });

  it("fill writes every blank computed cell into the copy, never FILE; check of the copy gives no error", async () => {
    const before = await sha(blank);
    const out = path.join(dir, "filled.xlsx");
    const filled = await run("fill", blank, "-o", out);
    expect(filled.err).toBe("");
    expect(filled.code).toBe(0);
    expect(await sha(blank)).toBe(before);
    expect(filled.out).toContain(`已写入 ${COMPUTED.length} 个单元格`);
    expect(filled.out).toContain(`${AT.exec}'!C8  预算执行率得分：空白 → 9.97`);
    expect(filled.out).toContain(`${AT.indicators}'!F8  指标得分：空白 → 14.32`);

    const snap = await readXlsxFile(out);
    const got = Object.fromEntries(COMPUTED.map(([s, a]) => [`${s}!${a}`, cellOf(snap, s, a)?.value]));
    const want = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, typeof v === "number" ? expect.closeTo(v, 4) : v]));
    expect(got).toEqual(want);
    // Rates are written as fractions with a percent format.
    expect(cellOf(snap, AT.exec, "C6")?.numberFormat).toBe("0.00%");
    expect(cellOf(snap, AT.projects, "E5")?.numberFormat).toBe("0.00%");

    const checked = await run("check", out, "--format", "json");
    const json = JSON.parse(checked.out) as CheckJson;
    // No error — and not even a warning: the filled copy is consistent throughout.
    expect(json.findings).toEqual([]);
    expect(checked.code).toBe(0);
    // And the input file is still untouched after both commands.
    expect(await sha(blank)).toBe(before);
  });

  it("a computed cell holding a different value is listed and kept; --overwrite replaces it", async () => {
    // The clerk typed 95 as the 综合得分 and 14 as the 成本 score; the rest is blank.
    const spec = blanked(issueWorkbook());
    plant(spec, AT.info, "E14", 95);
    plant(spec, AT.indicators, "F8", 14);
    const file = path.join(dir, "typed.xlsx");
    await writeSpec(spec, file);
    const before = await sha(file);

    const out = path.join(dir, "kept.xlsx");
    const kept = await run("fill", file, "-o", out, "--format", "json");
    expect(kept.code).toBe(1);
    const json = JSON.parse(kept.out) as { writes: { cell: string }[]; conflicts: { cell: string; old: unknown; new: unknown }[] };
    expect(json.conflicts.map((c) => [c.cell, c.old, c.new])).toEqual(
      expect.arrayContaining([
        [`'${AT.indicators}'!F8`, 14, 14.32],
        // The total fill would write adds the scores as the copy keeps them (14, not 14.32): 9.97 + 89.
        [`'${AT.info}'!E14`, 95, 98.97],
      ]),
    );
    expect(json.writes.map((w) => w.cell)).not.toContain(`'${AT.info}'!E14`);
    const keptSnap = await readXlsxFile(out);
    expect(cellOf(keptSnap, AT.info, "E14")?.value).toBe(95);
    expect(cellOf(keptSnap, AT.indicators, "F8")?.value).toBe(14);
    // The blank ones around them were still filled.
    expect(cellOf(keptSnap, AT.exec, "C8")?.value).toBe(9.97);
    // Checking the copy still points at the kept wrong total.
    const checkKept = JSON.parse((await run("check", out, "--format", "json")).out) as CheckJson;
    expect(checkKept.findings.some((f) => f.rule === "total-score-matches" && f.cell === `'${AT.info}'!E14`)).toBe(true);

    const forced = path.join(dir, "forced.xlsx");
    const over = await run("fill", file, "-o", forced, "--overwrite");
    expect(over.code).toBe(0);
    expect(over.out).toContain(`${AT.info}'!E14  综合得分：95 → 99.29`);
    const forcedSnap = await readXlsxFile(forced);
    expect(cellOf(forcedSnap, AT.info, "E14")?.value).toBe(99.29);
    expect(cellOf(forcedSnap, AT.indicators, "F8")?.value).toBe(14.32);
    const checkForced = JSON.parse((await run("check", forced, "--format", "json")).out) as CheckJson;
    expect(checkForced.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(await sha(file)).toBe(before);
  });

  it("the auto-mapped seed-000 layout (no names): fill finds the blank computed cells by their labels, then check is clean", async () => {
    const spec = copySpec(seedLayoutWorkbook());
    const cells = ["D2", "F2", "H12", "H13", "H15", "H16", "H18", "C22", "C23", "C24", "C25", "B27", "B28", "E6", "E7", "E8", "F6", "F7", "F8"];
    for (const a1 of cells) plant(spec, SEED_AT.scores, a1, null);
    const file = path.join(dir, "seed-blank.xlsx");
    await writeSpec(spec, file);
    const before = await sha(file);
    const out = path.join(dir, "seed-filled.xlsx");
    const filled = await run("fill", file, "-o", out);
    expect(filled.code).toBe(0);
    expect(filled.out).toContain(`已写入 ${cells.length} 个单元格`);
    expect(await sha(file)).toBe(before);
    const snap = await readXlsxFile(out);
    const at = (a1: string) => cellOf(snap, SEED_AT.scores, a1)?.value;
    expect([at("F2"), at("C23"), at("B27"), at("B28"), at("E7")]).toEqual([9.97, 50, 99.97, "优", 3.9]);
    expect(at("D2")).toBeCloseTo(30939.73 / 31030, 4);
    const checked = await run("check", out, "--format", "json");
    expect((JSON.parse(checked.out) as CheckJson).findings).toEqual([]);
    expect(checked.code).toBe(0);
  });

  it("refuses to write OUT = FILE", async () => {
    const before = await sha(blank);
    const r = await run("fill", blank, "-o", blank);
    expect(r.code).toBe(2);
    expect(r.err).not.toBe("");
    expect(await sha(blank)).toBe(before);
  });
});
