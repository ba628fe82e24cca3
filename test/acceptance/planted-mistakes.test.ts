/**
 * Issue 2 "Done when": a consistent workbook laid out differently from any fixture gets no error, and each
 * kind of mistake, planted in a copy of it, is found at its cell with the right rule. The workbook is a
 * real .xlsx (ExcelJS, temp dir) read through the xlsx host (src/hosts/xlsx) and checked with
 * checkWorkbook; the consistent file and the 元/万元 slip also go through `jixiao check --format json`.
 * See clerk-workbook.ts for the layout (tables on separate sheets with spaces in their names, not at A1,
 * shuffled columns, extra columns and notes, aliases and full-width header characters).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import type { Finding } from "../../src/core/engine/types";
import { mapWorkbook } from "../../src/core/mapping";
import { openXlsx, readXlsxFile } from "../../src/hosts/xlsx";
import { AT, SEED_AT, TEXTS, TITLE, copySpec, namedWorkbook, namedWorkbookInYuan, plant, plantFormula, seedLayoutWorkbook, valueAt, writeSpec, type WorkbookSpec } from "./clerk-workbook";

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-acceptance-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function fileOf(spec: WorkbookSpec): Promise<string> {
  const file = path.join(dir, `wb-${++counter}.xlsx`);
  await writeSpec(spec, file);
  return file;
}

async function check(spec: WorkbookSpec): Promise<Finding[]> {
  const snap = await readXlsxFile(await fileOf(spec));
  return [...checkWorkbook(snap).findings];
}

const show = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${f.ref}`);
const errors = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.severity === "error");
const at = (fs: readonly Finding[], sheet: string, ref: string): Finding[] => fs.filter((f) => f.sheet === sheet && f.ref === ref);

/** The finding of `rule` at the planted cell (fails with the list of what was found instead). */
function expectFound(fs: readonly Finding[], rule: string, sheet: string, ref: string): Finding {
  const hit = at(fs, sheet, ref).find((f) => f.ruleId === rule);
  if (!hit) throw new Error(`expected ${rule} at ${sheet}!${ref}; found:\n${show(fs).join("\n") || "(nothing)"}`);
  return hit;
}

/** Every error comes from one of `rules` (no unrelated false alarm beside the planted one). */
function expectErrorsOnlyFrom(fs: readonly Finding[], ...rules: string[]): void {
  expect(show(errors(fs).filter((f) => !rules.includes(f.ruleId)))).toEqual([]);
}

describe("planted mistakes in a workbook laid out unlike any fixture (jx_ names)", () => {
  const base = namedWorkbook();
  const planted = (sheet: string, a1: string, v: string | number | null): WorkbookSpec => plant(copySpec(base), sheet, a1, v);

  it("the consistent workbook gives no error and no warning, through checkWorkbook and `jixiao check --format json`", async () => {
    const file = await fileOf(base);
    const snap = await readXlsxFile(file);
    const report = checkWorkbook(snap);
    expect(show(report.findings)).toEqual([]);
    // Everything was mapped: all seven tables, the scalars by name.
    const io = memoryIo();
    const code = await main(["node", "jixiao", "check", file, "--format", "json"], io);
    expect(io.err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(io.out) as { findings: unknown[]; summary: Record<string, unknown> };
    expect(json.findings).toEqual([]);
  });

  it("a row total that does not foot: 收入合计 ≠ the five sources", async () => {
    // 局机关 收入合计 1921.06 → 1931.06 (its sources add to 1921.06).
    const fs = await check(planted(AT.income, "H6", 1931.06));
    const f = expectFound(fs, "total-matches-parts", AT.income, "H6");
    expect(f.field).toBe("jx_income.total");
    expect(f.severity).toBe("error");
    expectErrorsOnlyFrom(fs, "total-matches-parts");
  });

  it("汇总 ≠ Σ 机构: the 合计 row of 累计结余 is not the sum of the institutions", async () => {
    // 累计结余 has no row relation, so only the column sum is wrong: 5.00 + 0 + 7.00 = 12.00, not 13.00.
    const fs = await check(planted(AT.expense, "I8", 13));
    const f = expectFound(fs, "total-matches-parts", AT.expense, "I8");
    expect(f.field).toBe("jx_expense.balanceTotal");
    expect(f.expected).toBeDefined();
    expect(show(errors(fs))).toEqual([`error total-matches-parts ${AT.expense}!I8`]);
  });

  it("支出合计 ≠ 基本 + 项目", async () => {
    // 医保基金中心 支出合计 126.60 → 162.60 (基本 100.50 + 项目 26.10 = 126.60).
    const fs = await check(planted(AT.expense, "H7", 162.6));
    const f = expectFound(fs, "total-matches-parts", AT.expense, "H7");
    expect(f.field).toBe("jx_expense.total");
    expectErrorsOnlyFrom(fs, "total-matches-parts");
  });

  it("基本 ≠ 人员 + 公用", async () => {
    // 局机关: 人员 1640.27 + 公用 270.79 = 1911.06, typed 1911.60; 支出合计 1921.06 = 基本 + 项目 is then off too.
    const fs = await check(planted(AT.expense, "E5", 1911.6));
    const f = expectFound(fs, "total-matches-parts", AT.expense, "E5");
    expect(f.field).toBe("jx_expense.basic");
    expectErrorsOnlyFrom(fs, "total-matches-parts");
  });

  it("三公经费合计 ≠ the four items", async () => {
    const fs = await check(planted(AT.sangong, "I7", 25));
    const f = expectFound(fs, "total-matches-parts", AT.sangong, "I7");
    expect(f.field).toBe("jx_sangong.total");
    expectErrorsOnlyFrom(fs, "total-matches-parts");
  });

  it("固定资产合计 ≠ 在用 + 出租 + 其他", async () => {
    const fs = await check(planted(AT.assets, "E14", 21));
    const f = expectFound(fs, "total-matches-parts", AT.assets, "E14");
    expect(f.field).toBe("jx_assets.total");
    expectErrorsOnlyFrom(fs, "total-matches-parts");
  });

  it("a project's 结转结余 ≠ 预算 − 执行", async () => {
    // 医保信息化建设: 30.00 − 26.10 = 3.90, typed 4.90.
    const fs = await check(planted(AT.projects, "F5", 4.9));
    const f = expectFound(fs, "project-row-consistent", AT.projects, "F5");
    expect(f.field).toBe("jx_projects.carryover");
    expect(show(errors(fs))).toEqual([`error project-row-consistent ${AT.projects}!F5`]);
  });

  it("a project's 执行率 ≠ 执行 ÷ 预算", async () => {
    // 26.10 ÷ 30.00 = 87.00%, typed 78.00%.
    const fs = await check(planted(AT.projects, "E5", 0.78));
    const f = expectFound(fs, "project-row-consistent", AT.projects, "E5");
    expect(f.field).toBe("jx_projects.rate");
    expect(show(errors(fs))).toEqual([`error project-row-consistent ${AT.projects}!E5`]);
  });

  it("a money cell entered in 元 in the 万元 table is ONE finding naming the unit mistake, no footing cascade", async () => {
    // 医保事务中心 基本支出 346.77 万元 typed as 3467700 (元).
    const spec = planted(AT.expense, "E6", 3467700);
    const fs = await check(spec);
    const f = expectFound(fs, "no-unit-mistake", AT.expense, "E6");
    expect(f.field).toBe("jx_expense.basic");
    expect(f.fix?.writes).toEqual([expect.objectContaining({ at: { sheet: AT.expense, address: "E6" }, value: 346.77 })]);
    // No footing cascade: 支出合计, 基本 = 人员 + 公用 and the 合计 row all hold with 346.77.
    expect(show(fs.filter((x) => !x.ruleId.startsWith("prose-")))).toEqual([`error no-unit-mistake ${AT.expense}!E6`]);
  });

  it("…reported the same by `jixiao check --format json` (exit 1, the cell with its quoted sheet name)", async () => {
    const file = await fileOf(planted(AT.expense, "E6", 3467700));
    const io = memoryIo();
    const code = await main(["node", "jixiao", "check", file, "--format", "json"], io);
    expect(code).toBe(1);
    const json = JSON.parse(io.out) as { findings: Record<string, unknown>[] };
    expect(json.findings).toEqual([
      expect.objectContaining({ rule: "no-unit-mistake", severity: "error", cell: `'${AT.expense}'!E6`, field: "jx_expense.basic", expected: 346.77, actual: 3467700 }),
    ]);
  });

  // The text "基本支出346.77万元" is right: it is compared with the corrected amount, not the slipped cell.
  it("…and the text that states the right 346.77万元 is not flagged against the slipped cell", async () => {
    const fs = await check(planted(AT.expense, "E6", 3467700));
    expect(show(fs)).toEqual([`error no-unit-mistake ${AT.expense}!E6`]);
  });

  it("the reverse slip: 346.77 (万元) typed in the same workbook kept in 元 is one finding that multiplies", async () => {
    const yuan = namedWorkbookInYuan();
    expect(valueAt(yuan, AT.expense, "E6")).toBe(3467700);
    expect(show(await check(yuan))).toEqual([]);
    const fs = await check(plant(copySpec(yuan), AT.expense, "E6", 346.77));
    const f = expectFound(fs, "no-unit-mistake", AT.expense, "E6");
    expect(f.fix?.writes).toEqual([expect.objectContaining({ at: { sheet: AT.expense, address: "E6" }, value: 3467700 })]);
    expect(show(fs)).toEqual([`error no-unit-mistake ${AT.expense}!E6`]);
  });

  it("an amount typed with its unit, “3467700元”, in the 万元 table is read as 346.77: no footing error, no unit mistake", async () => {
    const fs = await check(planted(AT.expense, "E6", "3467700元"));
    expect(show(fs.filter((x) => ["total-matches-parts", "no-unit-mistake"].includes(x.ruleId)))).toEqual([]);
  });

  it("amounts written in a bigger unit are as precise as written: “3.09亿元” for 30939.73 and “1921.06万” foot", async () => {
    const spec = planted(AT.income, "H9", "3.09亿元");
    plant(spec, AT.income, "H6", "1921.06万");
    const fs = await check(spec);
    expect(show(fs.filter((x) => ["total-matches-parts", "no-unit-mistake"].includes(x.ruleId)))).toEqual([]);
    // …while a wrong one still does not: 3.19亿元 is 31900 ± 50.
    const wrong = await check(planted(AT.income, "H9", "3.19亿元"));
    expect(expectFound(wrong, "total-matches-parts", AT.income, "H9").field).toBe("jx_income.total");
  });

  // prose-cells factOf reads a cell's own money unit ("3467700元" → 346.77 万元) when the text is compared with it.
  test("…and the text's right “基本支出346.77万元” is not contradicted by that cell", async () => {
    const fs = await check(planted(AT.expense, "E6", "3467700元"));
    expect(show(fs.filter((x) => x.ruleId.startsWith("prose-")))).toEqual([]);
  });

  it("two cells of one row typed in 元 (基本支出 and 人员支出): one finding each, no footing cascade", async () => {
    const spec = planted(AT.expense, "E6", 3467700);
    plant(spec, AT.expense, "G6", 2240600);
    const fs = await check(spec);
    expect(show(fs)).toEqual([`error no-unit-mistake ${AT.expense}!E6`, `error no-unit-mistake ${AT.expense}!G6`]);
  });

  it("a whole institution row copied from 元 accounts: one finding for the row, with a fix for every cell", async () => {
    const spec = copySpec(base);
    const cells = ["D7", "E7", "F7", "G7", "H7", "I7"];
    for (const a1 of cells) plant(spec, AT.expense, a1, Math.round((valueAt(base, AT.expense, a1) as number) * 1e6) / 100);
    const fs = await check(spec);
    expect(show(fs)).toEqual([`error no-unit-mistake ${AT.expense}!D7`]);
    expect(fs[0].messageId).toBe("rowTooLarge");
    const writes = Object.fromEntries((fs[0].fix?.writes ?? []).map((w) => [w.at.address, w.value]));
    expect(writes).toEqual({ D7: 26.1, E7: 100.5, F7: 20.4, G7: 80.1, H7: 126.6, I7: 7 });
  });

  it("a 元 slip in a 合计 row or a project's 预算数 is also one finding at its cell", async () => {
    const inSum = await check(planted(AT.income, "H9", 309397300));
    expect(expectFound(inSum, "no-unit-mistake", AT.income, "H9").field).toBe("jx_income.total");
    expect(show(inSum.filter((x) => !x.ruleId.startsWith("prose-")))).toEqual([`error no-unit-mistake ${AT.income}!H9`]);
    const inProject = await check(planted(AT.projects, "D4", 286000000));
    expect(expectFound(inProject, "no-unit-mistake", AT.projects, "D4").field).toBe("jx_projects.budget");
    expect(show(inProject)).toEqual([`error no-unit-mistake ${AT.projects}!D4`]);
  });

  it("a 元 slip in 全年执行数 is found at its cell, and the 预算执行率 is judged on the corrected amount", async () => {
    const fs = await check(planted(AT.exec, "C5", 309397300));
    expect(expectFound(fs, "no-unit-mistake", AT.exec, "C5").field).toBe("jx_executed");
    expect(show(errors(fs))).toEqual([`error no-unit-mistake ${AT.exec}!C5`]);
  });

  // The 预算执行率得分 is scored on the corrected 30939.73 (relations/unit-mistakes correctedFigure, as
  // exec-rate-matches does), so the one slip does not also question the right 9.97.
  test("…as ONE finding: the right 预算执行率得分 9.97 is not questioned", async () => {
    const fs = await check(planted(AT.exec, "C5", 309397300));
    expect(show(fs)).toEqual([`error no-unit-mistake ${AT.exec}!C5`]);
  });

  it("an honest 0.01 of rounding in a 汇总 row is no error", async () => {
    // 基金中心 固定资产 3.33 + 3.33 + 3.33 = 9.99 shown as 10.00; the 汇总 row 90.90 + 3.33 + 4.33 = 98.56 shown as 98.57.
    const spec = copySpec(base);
    for (const [a1, v] of [["B14", 3.33], ["C14", 3.33], ["D14", 3.33], ["E14", 10], ["B11", 4.33], ["C11", 3.33], ["D11", 90.9], ["E11", 98.57]] as const) plant(spec, AT.assets, a1, v);
    expect(show(await check(spec))).toEqual([]);
  });

  it("an error value (#REF!) in a money cell: the checks it blocks are said at the cell, not passed silently", async () => {
    const fs = await check(planted(AT.income, "E8", "#REF!"));
    const f = expectFound(fs, "total-matches-parts", AT.income, "E8");
    expect(f.messageId).toBe("cellError");
    expect(f.field).toBe("jx_income.other");
    expect(show(errors(fs))).toEqual([`error total-matches-parts ${AT.income}!E8`]);
  });

  it("#DIV/0! in a project's 执行率 and #REF! in 全年执行数", async () => {
    const rate = await check(planted(AT.projects, "E5", "#DIV/0!"));
    const r = expectFound(rate, "project-row-consistent", AT.projects, "E5");
    expect(r.messageId).toBe("rateError");
    expect(r.expected).toBe("87.00%");
    expect(show(errors(rate))).toEqual([`error project-row-consistent ${AT.projects}!E5`]);
    const amount = await check(planted(AT.exec, "C5", "#REF!"));
    expect(expectFound(amount, "exec-rate-matches", AT.exec, "C5").messageId).toBe("amountError");
  });

  it("jx_exec_rate that is not 全年执行数 ÷ 全年预算数", async () => {
    // 30939.73 ÷ 31030.00 = 99.71%, typed 99.17%.
    const fs = await check(planted(AT.exec, "C6", 0.9917));
    const f = expectFound(fs, "exec-rate-matches", AT.exec, "C6");
    expect(f.field).toBe("jx_exec_rate");
    expectErrorsOnlyFrom(fs, "exec-rate-matches");
  });

  it("得分 > 分值", async () => {
    // 定点机构稽查覆盖率: 分值 10, 得分 12.
    const fs = await check(planted(AT.indicators, "F6", 12));
    const f = expectFound(fs, "score-within-weight", AT.indicators, "F6");
    expect(f.field).toBe("jx_indicators.score");
    expect(f.severity).toBe("error");
  });

  it("分值 that do not sum to 100", async () => {
    // 医疗救助项目总成本 分值 15 → 16 (and its full-marks 得分 16): 10 + 91 = 101.
    const spec = planted(AT.indicators, "E8", 16);
    plant(spec, AT.indicators, "F8", 16);
    const fs = await check(spec);
    // A sum has no single cell: the rule points at the 预算执行率分值 cell, the other term of 10 + 91.
    const f = expectFound(fs, "weights-sum", AT.exec, "C7");
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(100);
    expect(f.actual).toBe(101);
  });

  it("a 得分汇总 row that is not the sum of its indicators", async () => {
    // 效益指标 得分 30 → 28 (its indicators score 15 + 15).
    const fs = await check(planted(AT.indicators, "D17", 28));
    const f = expectFound(fs, "score-summary-matches", AT.indicators, "D17");
    expect(f.field).toBe("jx_score_summary.score");
    // The 综合得分 99.97 (9.97 + 90) is right: it is not blamed for the summary's wrong row.
    expect(show(fs)).toEqual([`error score-summary-matches ${AT.indicators}!D17`]);
  });

  it("a 预算执行率得分 that is not the formula (9.79 for 99.71% of 10): one error at that cell", async () => {
    const fs = await check(planted(AT.exec, "C8", 9.79));
    const f = expectFound(fs, "total-score-matches", AT.exec, "C8");
    expect(f.field).toBe("jx_exec_score");
    expect(f.expected).toBe(9.97);
    // The right 综合得分 and the summary's right 预算执行率 row are not blamed.
    expect(show(fs)).toEqual([`error total-score-matches ${AT.exec}!C8`]);
  });

  it("综合得分 ≠ 预算执行率得分 + the indicators", async () => {
    // 9.97 + 90 = 99.97, typed 98.97 (still 优).
    const fs = await check(planted(AT.info, "E14", 98.97));
    const f = expectFound(fs, "total-score-matches", AT.info, "E14");
    expect(f.field).toBe("jx_score_total");
    expectErrorsOnlyFrom(fs, "total-score-matches");
  });

  it("a grade that does not match the band of the total", async () => {
    // 99.97 is 优, typed 良.
    const fs = await check(planted(AT.info, "E15", "良"));
    const f = expectFound(fs, "grade-matches-band", AT.info, "E15");
    expect(f.field).toBe("jx_grade");
    expectErrorsOnlyFrom(fs, "grade-matches-band");
  });

  it("a blank 评价年度", async () => {
    const fs = await check(planted(AT.info, "E4", null));
    const f = expectFound(fs, "required-field", AT.info, "E4");
    expect(f.messageId).toBe("blankYear");
    expect(f.field).toBe("jx_report_year");
  });

  it("a blank 年度指标值 of a 定量 indicator", async () => {
    // 城乡居民参保人数 (≥ 45万人): the target erased.
    const fs = await check(planted(AT.indicators, "H5", null));
    const f = expectFound(fs, "required-field", AT.indicators, "H5");
    expect(f.messageId).toBe("blankTarget");
    expect(f.field).toBe("jx_indicators.target");
  });

  // One finding per problem: indicator-value-readable leaves blank values to required-field.
  test("…as ONE finding at that cell, not two (the same for a blank 实际完成值)", async () => {
    const fs = await check(planted(AT.indicators, "H5", null));
    expect(show(at(fs, AT.indicators, "H5"))).toEqual([`error required-field ${AT.indicators}!H5`]);
    const actual = await check(planted(AT.indicators, "I6", null));
    expect(show(at(actual, AT.indicators, "I6"))).toEqual([`error required-field ${AT.indicators}!I6`]);
  });

  it("a blank 实际完成值 of a 定量 indicator", async () => {
    const fs = await check(planted(AT.indicators, "I6", null));
    const f = expectFound(fs, "required-field", AT.indicators, "I6");
    expect(f.messageId).toBe("blankActual");
    expect(f.field).toBe("jx_indicators.actual");
  });

  it("a 合计 written as a formula: read from its cached result; a formula that adds the wrong cells gets a suggestion, not a fix", async () => {
    const ok = plantFormula(copySpec(base), AT.income, "H9", "SUM(H6:H8)", 30939.73);
    expect(show(await check(ok))).toEqual([]);
    const wrong = plantFormula(copySpec(base), AT.income, "H9", "SUM(H6:H8)+10", 30949.73);
    const fs = await check(wrong);
    const f = expectFound(fs, "total-matches-parts", AT.income, "H9");
    expect(f.expected).toBe(30939.73);
    expect(f.fix).toBeUndefined();
    expect(f.suggestions?.[0].writes).toEqual([{ at: { sheet: AT.income, address: "H9" }, value: 30939.73 }]);
  });

  it("a 报告日期 two years before the report year is a warning", async () => {
    const fs = await check(planted(AT.info, "E7", "2019年3月10日"));
    expect(expectFound(fs, "year-matches-report", AT.info, "E7").severity).toBe("warning");
    expect(show(errors(fs))).toEqual([]);
  });

  it("a number stored as text is a warning, read as the number: no false footing error", async () => {
    // 局机关 一般公共预算财政拨款 typed as text with a thousands separator.
    const fs = await check(planted(AT.income, "F6", "1,858.51"));
    const f = expectFound(fs, "number-stored-as-text", AT.income, "F6");
    expect(f.severity).toBe("warning");
    expect(f.fix?.writes).toEqual([expect.objectContaining({ at: { sheet: AT.income, address: "F6" }, value: 1858.51 })]);
    expect(show(errors(fs))).toEqual([]);
  });

  it("full-width digits typed as text are read too: a warning, no error", async () => {
    const fs = await check(planted(AT.sangong, "F7", "１８.００"));
    expect(expectFound(fs, "number-stored-as-text", AT.sangong, "F7").severity).toBe("warning");
    expect(show(errors(fs))).toEqual([]);
  });

  it("a year in a title that contradicts the report year", async () => {
    const fs = await check(planted(AT.info, "B2", TITLE.replace("2021年度", "2020年度")));
    const f = expectFound(fs, "year-matches-report", AT.info, "B2");
    expect(f.severity).toBe("warning");
    expect(show(errors(fs))).toEqual([]);
  });

  // The safe fixes the findings carry, applied through the xlsx host to a copy, leave a clean workbook.
  it.each([
    ["a row total", AT.income, "H6", 1931.06, "total-matches-parts"],
    ["a 元 slip", AT.expense, "E6", 3467700, "no-unit-mistake"],
    ["a project's 结转结余", AT.projects, "F5", 4.9, "project-row-consistent"],
    ["a project's 执行率", AT.projects, "E5", 0.78, "project-row-consistent"],
    ["jx_exec_rate", AT.exec, "C6", 0.9917, "exec-rate-matches"],
    ["a number stored as text", AT.income, "F6", "1,858.51", "number-stored-as-text"],
  ] as const)("applying the fix for %s (%s!%s) through the xlsx host gives a workbook with no finding", async (_what, sheet, a1, v, rule) => {
    const file = await fileOf(planted(sheet, a1, v));
    const found = expectFound(checkWorkbook(await readXlsxFile(file)).findings, rule, sheet, a1);
    expect(found.fix).toBeDefined();
    const host = await openXlsx(file);
    const applied = await host.applyWrites(found.fix!.writes);
    expect(applied.ok).toBe(true);
    const fixed = path.join(dir, `fixed-${++counter}.xlsx`);
    await host.saveAs(fixed);
    expect(show(checkWorkbook(await readXlsxFile(fixed)).findings)).toEqual([]);
  });

  describe("prose mistakes in the text fields (总体运行情况及取得的成绩, 文字 说明!D5)", () => {
    const prose = (from: string, to: string): WorkbookSpec => {
      expect(TEXTS.achievements).toContain(from);
      return planted(AT.text, "D5", TEXTS.achievements.replace(from, to));
    };

    it("346.77元 beside the 万元 table's 基本支出 346.77", async () => {
      const fs = await check(prose("基本支出346.77万元", "基本支出346.77元"));
      const f = expectFound(fs, "prose-amount-matches-table", AT.text, "D5");
      expect(f.messageId).toBe("unitMistake");
      expect(f.field).toBe("jx_achievements");
    });

    it("“下降185.1%” for a fall of 85.1% (204.25 of 240.00)", async () => {
      const fs = await check(prose("下降85.1%", "下降185.1%"));
      const f = expectFound(fs, "prose-change-percent", AT.text, "D5");
      expect(f.field).toBe("jx_achievements");
    });

    it("a 完成率 of 107.5% for 23.9 of 23", async () => {
      const fs = await check(prose("完成率103.9%", "完成率107.5%"));
      const f = expectFound(fs, "prose-rate-matches", AT.text, "D5");
      expect(f.field).toBe("jx_achievements");
    });

    it("a part list that does not add up to its whole", async () => {
      // 200.34 = 160.00 + 40.34; written 150.00.
      const fs = await check(prose("定点医院160.00万元", "定点医院150.00万元"));
      const f = expectFound(fs, "prose-parts-sum", AT.text, "D5");
      expect(f.field).toBe("jx_achievements");
    });
  });
});

describe("the same workbook without names, laid out like seed 000's tables (auto-map)", () => {
  const base = seedLayoutWorkbook();

  it("is mapped (every table, from its labels) and gives no finding at all", async () => {
    const snap = await readXlsxFile(await fileOf(base));
    expect(snap.names.filter((n) => n.name.startsWith("jx_"))).toEqual([]);
    const model = mapWorkbook(snap);
    expect(Object.keys(model.tables).sort()).toEqual(["jx_assets", "jx_expense", "jx_income", "jx_indicators", "jx_projects", "jx_sangong", "jx_score_summary"]);
    expect(model.tables.jx_expense?.rows.length).toBe(4);
    expect(show(checkWorkbook(snap).findings)).toEqual([]);
  });

  it("finds 基本支出 346.77 typed as 3467700 at its cell, as one finding naming the unit mistake", async () => {
    expect(valueAt(base, SEED_AT.tables, "D16")).toBe(346.77);
    const fs = await check(plant(copySpec(base), SEED_AT.tables, "D16", 3467700));
    const f = expectFound(fs, "no-unit-mistake", SEED_AT.tables, "D16");
    expect(f.field).toBe("jx_expense.basic");
    expect(f.fix?.writes).toEqual([expect.objectContaining({ at: { sheet: SEED_AT.tables, address: "D16" }, value: 346.77 })]);
    expect(show(fs)).toEqual([`error no-unit-mistake ${SEED_AT.tables}!D16`]);
  });

  // Each table of the seed layout, its header rows merged: a wrong total found at its cell like the named one.
  it.each([
    ["收入合计 of 局机关", "C6", 1912.06, "jx_income.total"],
    ["支出合计 of 医保事务中心", "C16", 28892.7, "jx_expense.total"],
    ["汇总 累计结余", "I14", 13, "jx_expense.balanceTotal"],
    ["三公经费合计 of 局机关", "C23", 25, "jx_sangong.total"],
    ["固定资产合计 of 医保基金中心", "C33", 21, "jx_assets.total"],
  ])("finds a wrong %s at %s", async (_what, a1, v, field) => {
    const fs = await check(plant(copySpec(base), SEED_AT.tables, a1, v));
    expect(expectFound(fs, "total-matches-parts", SEED_AT.tables, a1).field).toBe(field);
    expectErrorsOnlyFrom(fs, "total-matches-parts");
  });

  it("finds a row that does not foot at its cell (基本 ≠ 人员 + 公用 of 医保基金中心)", async () => {
    // Row 17 is 医保基金中心: 基本支出 D17 100.50 = 80.10 + 20.40, typed 100.05.
    expect(valueAt(base, SEED_AT.tables, "D17")).toBe(100.5);
    const fs = await check(plant(copySpec(base), SEED_AT.tables, "D17", 100.05));
    const f = expectFound(fs, "total-matches-parts", SEED_AT.tables, "D17");
    expect(f.field).toBe("jx_expense.basic");
    expectErrorsOnlyFrom(fs, "total-matches-parts");
  });
});
