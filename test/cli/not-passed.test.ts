/**
 * No false all-clear on the command line: a bureau's blank template and a workbook that holds no 自评
 * form have no error, and are still no pass — in the text conclusion, in a batch's lines and total, in
 * the JSON `outcome` and in the --summary workbook's 说明. The 决算 tables and a 项目汇总表, which hold
 * few of the template's fields, are recognised (the pane used to call them 未识别 and hide their errors).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { summarySheets } from "../../src/cli/summary";
import { checkFile } from "../../src/cli/check-file";

const ROOT = path.join(__dirname, "..", "..");
const TEMPLATE = path.join(ROOT, "assets", "templates", "jixiao-project.xlsx");
const FINAL = path.join(ROOT, "examples", "xuanhan-2020-final.xlsx");
const SUMMARY = path.join(ROOT, "examples", "chengde-2019-summary.xlsx");

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

let dir: string;
let notAForm: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-not-passed-"));
  // A workbook that is no 自评 form at all (a sign-in sheet), written with xlsx-populate.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XlsxPopulate = require("xlsx-populate") as { fromBlankAsync(): Promise<{ sheet(i: number): { cell(a: string): { value(v: unknown): unknown } }; toFileAsync(p: string): Promise<void> }> };
  const wb = await XlsxPopulate.fromBlankAsync();
  wb.sheet(0).cell("A1").value("会议签到表");
  wb.sheet(0).cell("A2").value("张三");
  notAForm = path.join(dir, "签到表.xlsx");
  await wb.toFileAsync(notAForm);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

test("the blank template: no error, and the conclusion says it is not filled and what to fill first", async () => {
  const r = await run("check", TEMPLATE);
  expect(r.code).toBe(0);
  expect(r.out).not.toContain("结论：没有发现错误");
  expect(r.out).toMatch(/结论：报表尚未填写，不能视为通过（请先填写：部门（单位）名称、评价年度、/);
});

test("a workbook with no 自评 form: 未识别, nothing checked, no pass", async () => {
  const r = await run("check", notAForm);
  expect(r.out).toContain("没有找到绩效自评表的内容");
  expect(r.out).toContain("结论：未识别为绩效自评表，没有检查任何内容，不能视为通过。");
});

test("a batch marks them apart from the passed ones, and its total says how many are no pass", async () => {
  const r = await run("check", TEMPLATE, notAForm, FINAL, SUMMARY);
  const lines = r.out.split("\n");
  expect(lines.find((l) => l.includes("jixiao-project.xlsx"))).toMatch(/^! .*尚未填写$/);
  expect(lines.find((l) => l.includes("签到表.xlsx"))).toMatch(/^! .*未识别为绩效自评表$/);
  expect(lines.find((l) => l.includes("xuanhan-2020-final.xlsx"))).toMatch(/^✗ .*2 个错误/);
  expect(lines.find((l) => l.includes("chengde-2019-summary.xlsx"))).not.toMatch(/尚未填写|未识别/);
  expect(r.out).toContain("共检查 4 个工作簿：3 个没有错误（其中 2 个尚未填写或未识别，不能视为通过），1 个有错误，0 个无法读取。");
});

test("JSON: each workbook's outcome and the inputs still blank", async () => {
  const r = await run("check", "--format", "json", TEMPLATE, FINAL, SUMMARY, notAForm);
  const json = JSON.parse(r.out) as { workbooks: { file: string; summary: { outcome: string; missing: string[]; errors: number } }[] };
  const by = (f: string) => json.workbooks.find((w) => w.file === f)!.summary;
  expect(by(TEMPLATE).outcome).toBe("blank");
  expect(by(TEMPLATE).missing).toEqual(expect.arrayContaining(["部门（单位）名称", "全年执行数"]));
  expect(by(FINAL)).toMatchObject({ outcome: "errors", errors: 2 });
  expect(by(SUMMARY).outcome).toBe("passed");
  expect(by(notAForm).outcome).toBe("unrecognised");
});

test("the --summary overview says why a workbook without error is no pass", async () => {
  const outcomes = await Promise.all([TEMPLATE, SUMMARY].map((f) => checkFile(f, { preset: "recommended" })));
  const [overview] = summarySheets(outcomes);
  const note = (f: string) => overview.rows.find((row) => row[8] === f)?.[9];
  expect(note(TEMPLATE)).toBe("尚未填写，不能视为通过");
  expect(note(SUMMARY)).toBeNull();
});
