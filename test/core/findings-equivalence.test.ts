/**
 * Speed work must not change a single finding. Every example workbook, the acceptance fixtures (the
 * clerk's workbook in its layouts and with each planted mistake) and bench-sized workbooks are checked,
 * and their findings (rule, cell, message, expected/actual, fixes, suggestions), score and verdict are
 * compared with the baseline committed in test/fixtures/findings/, which main's engine produced before
 * the performance work (issue 12).
 *
 * The baseline is rewritten only on purpose, when a finding is meant to change:
 *   node scripts/write-findings-baseline.js   (runs this test with JIXIAO_WRITE_FINDINGS=1)
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { AT, TEXTS, TITLE, copySpec, namedWorkbook, namedWorkbookInYuan, plant, seedLayoutWorkbook, writeSpec, type WorkbookSpec } from "../acceptance/clerk-workbook";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeWorkbook } = require("../../scripts/lib/bench-workbook.js") as {
  makeWorkbook(file: string, o: { institutions: number; projects: number; indicators: number; seed: number }): Promise<void>;
};

const ROOT = path.join(__dirname, "..", "..");
const BASELINE = path.join(ROOT, "test", "fixtures", "findings");
const WRITE = process.env.JIXIAO_WRITE_FINDINGS === "1";

jest.setTimeout(180_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-equivalence-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** What a user sees of one check, in a stable JSON form. */
async function outcomeOf(file: string): Promise<unknown> {
  const report = checkWorkbook(await readXlsxFile(file));
  return { valid: report.valid, score: report.score ?? null, findings: JSON.parse(JSON.stringify(report.findings)) };
}

async function compare(group: string, cases: readonly (readonly [string, () => Promise<string>])[]): Promise<void> {
  const actual: Record<string, unknown> = {};
  for (const [name, make] of cases) actual[name] = await outcomeOf(await make());
  const file = path.join(BASELINE, `${group}.json`);
  if (WRITE) {
    await fs.mkdir(BASELINE, { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(actual, null, 1)}\n`);
    return;
  }
  const expected = JSON.parse(await fs.readFile(file, "utf8")) as Record<string, unknown>;
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const name of Object.keys(expected)) {
    // One case at a time, so that a difference names its workbook.
    expect({ name, ...(actual[name] as object) }).toEqual({ name, ...(expected[name] as object) });
  }
}

let counter = 0;
const specFile = (spec: WorkbookSpec) => async (): Promise<string> => {
  const file = path.join(dir, `spec-${++counter}.xlsx`);
  await writeSpec(spec, file);
  return file;
};

test("the example workbooks and the rich fixture: findings as before", async () => {
  const examples = (await fs.readdir(path.join(ROOT, "examples"))).filter((f) => f.endsWith(".xlsx")).sort();
  expect(examples.length).toBeGreaterThanOrEqual(4);
  await compare("examples", [
    ...examples.map((f) => [f, async () => path.join(ROOT, "examples", f)] as const),
    ["rich.xlsx", async () => path.join(ROOT, "test", "fixtures", "xlsx", "rich.xlsx")] as const,
  ]);
});

test("the acceptance workbooks, consistent and with each planted mistake: findings as before", async () => {
  const base = namedWorkbook();
  const planted = (sheet: string, a1: string, v: string | number | null): WorkbookSpec => plant(copySpec(base), sheet, a1, v);
  const plants: [string, string, string | number | null][] = [
    [AT.assets, "E14", 21], [AT.exec, "C5", "#REF!"], [AT.exec, "C5", 309397300], [AT.exec, "C6", 0.9917], [AT.exec, "C8", 9.79],
    [AT.expense, "E5", 1911.6], [AT.expense, "E6", "3467700元"], [AT.expense, "E6", 3467700], [AT.expense, "H7", 162.6],
    [AT.expense, "I8", 13], [AT.income, "E8", "#REF!"], [AT.income, "F6", "1,858.51"], [AT.income, "H6", 1931.06],
    [AT.income, "H9", "3.09亿元"], [AT.income, "H9", "3.19亿元"], [AT.income, "H9", 309397300], [AT.indicators, "D17", 28],
    [AT.indicators, "E8", 16], [AT.indicators, "F6", 12], [AT.indicators, "H5", null], [AT.indicators, "I6", null],
    [AT.info, "B2", TITLE.replace("2021年度", "2020年度")], [AT.info, "E14", 98.97], [AT.info, "E15", "良"], [AT.info, "E4", null],
    [AT.info, "E7", "2019年3月10日"], [AT.projects, "D4", 286000000], [AT.projects, "E5", "#DIV/0!"], [AT.projects, "E5", 0.78],
    [AT.projects, "F5", 4.9], [AT.sangong, "F7", "１８.００"], [AT.sangong, "I7", 25], [AT.text, "D5", `${TEXTS.achievements}另支出12.5万元。`],
  ];
  const slipRow = planted(AT.expense, "E6", 3467700);
  plant(slipRow, AT.expense, "G6", 2240600);
  await compare("acceptance", [
    ["named", specFile(base)],
    ["seed-layout", specFile(seedLayoutWorkbook())],
    ["named-in-yuan", specFile(namedWorkbookInYuan())],
    ["named-in-yuan, one cell in 万元", specFile(plant(namedWorkbookInYuan(), AT.expense, "E6", 346.77))],
    ["two slips in one row", specFile(slipRow)],
    ...plants.map(([sheet, a1, v]) => [`${sheet}!${a1}=${String(v)}`, specFile(planted(sheet, a1, v))] as const),
  ]);
});

test("bench-sized workbooks (up to 400 institutions, with a slip and a footing error): findings as before", async () => {
  const bench = (institutions: number, projects: number, indicators: number, seed: number) => async (): Promise<string> => {
    const file = path.join(dir, `bench-${institutions}-${projects}-${indicators}-${seed}.xlsx`);
    await makeWorkbook(file, { institutions, projects, indicators, seed });
    return file;
  };
  await compare("bench", [
    ["10 institutions", bench(10, 10, 20, 7)],
    ["50 institutions", bench(50, 30, 40, 101)],
    ["400 institutions", bench(400, 10, 20, 7)],
    ["100 institutions, 300 projects, 200 indicators", bench(100, 300, 200, 9)],
  ]);
});
