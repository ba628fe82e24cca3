/**
 * A whole and its shares in the report's prose — seed 003's own sentence: “2020年一般公共预算财政拨款支出848.75万元，
 * 主要用于以下方面:社会保障和就业（类）支出67.78万元，占7.98%；卫生健康（类）支出756.01万元，占89.08%；住房保障（类）
 * 支出24.96万元，占2.94%。” — in the 决算 workbook a bureau hands in (收入支出决算总表, 收入决算表, 支出决算表 and the
 * 整体绩效 text, final-accounts.ts). When only the WHOLE is wrong (the shares match the tables and add up to the
 * table's total), the clerk gets ONE finding, at the whole, naming the amount the tables give — not one per
 * share. When a share is the wrong one, the finding is the share's.
 */
import { copyBook, plant, type BookSpec, type Ref } from "./book";
import { deptThreeRowCase } from "./bureau-variants-2";
import { SEED003, finalAccountsBook } from "./final-accounts";
import { checkBook, removeTempDir, show, type SeenFinding } from "./run";

afterAll(removeTempDir);

/** Seed 003, 五（二）, word for word. */
const SEED_SENTENCE = "2020年一般公共预算财政拨款支出848.75万元，主要用于以下方面:社会保障和就业（类）支出67.78万元，占7.98%；卫生健康（类）支出756.01万元，占89.08%；住房保障（类）支出24.96万元，占2.94%。";

const accounts = finalAccountsBook(SEED003);
const base: BookSpec = { sheets: accounts.sheets.map((s) => s.spec) };
/** The 整体绩效 paragraph on 部门财政资金支出情况 (the seed's sentence goes there). */
const para: Ref = accounts.cells.report[5];
const at = `${para.sheet}!${para.a1}`;

async function withParagraph(text: string): Promise<SeenFinding[]> {
  const b = copyBook(base);
  plant(b, para, `（二）部门财政资金支出情况：${text}`);
  return (await checkBook(b, "whole-shares")).findings.filter((f) => f.severity !== "info");
}

let clean: string[];
beforeAll(async () => {
  clean = show(await withParagraph(SEED_SENTENCE));
});

/** The findings a planted text adds to the workbook with the seed's sentence as written. */
const added = (fs: readonly SeenFinding[]): SeenFinding[] => fs.filter((f) => !clean.includes(show([f])[0]));

test("the seed's sentence as written agrees with the tables: no finding on its paragraph", async () => {
  expect(show(await withParagraph(SEED_SENTENCE)).filter((f) => f.includes(at))).toEqual([]);
});

test("only the whole wrong (884.75 for 848.75): one finding, at the whole, naming the tables' 848.75", async () => {
  const seen = added(await withParagraph(SEED_SENTENCE.replace("支出848.75万元", "支出884.75万元")));
  expect(seen).toHaveLength(1);
  const [f] = seen;
  expect(f).toMatchObject({ severity: "error", rule: "prose-parts-sum", cell: at });
  expect(f.message).toContain("总数“884.75万元”有误");
  expect(f.message).toMatch(/表中本年支出合计848\.75万元（收入支出决算总表!F\d+）/);
  // No share is blamed for the whole's mistake.
  expect(f.message).not.toMatch(/占\d/);
});

test("the same list written one share a line: still one finding, at the whole", async () => {
  const lines = SEED_SENTENCE.replace("支出848.75万元", "支出884.75万元").replace("方面:", "方面:\n").replace(/；/g, "；\n");
  const seen = added(await withParagraph(lines));
  expect(show(seen)).toEqual([expect.stringMatching(/^error prose-parts-sum .*总数“884\.75万元”有误.*848\.75万元/)]);
});

test("a share wrong (76.78 for 67.78): found at the share, and the whole is not blamed", async () => {
  const seen = added(await withParagraph(SEED_SENTENCE.replace("支出67.78万元", "支出76.78万元")));
  expect(show(seen)).toEqual([expect.stringMatching(/^error prose-amount-matches-table .*“76\.78万元”.*社会保障和就业支出67\.78万元/)]);
});

test("a share's percentage wrong (占7.89% for 7.98%): found at that percentage", async () => {
  const seen = added(await withParagraph(SEED_SENTENCE.replace("占7.98%", "占7.89%")));
  expect(show(seen)).toEqual([expect.stringMatching(/^error prose-rate-matches .*“占7\.89%”有误/)]);
});

test("a whole the tables name (全年支出 of a 部门整体 form): one finding, at the whole, with the table's 全年执行数", async () => {
  const c = deptThreeRowCase();
  const prose: Ref = { sheet: "自评报告", a1: "A4" };
  const text = (whole: string): string => `二、预算执行情况。全年支出${whole}万元，主要用于以下方面：人员经费87.95万元，占5.15%；公用经费15.91万元，占0.93%；项目支出1603.45万元，占93.92%。`;
  const run = async (whole: string): Promise<SeenFinding[]> => {
    const b = copyBook(c.book);
    plant(b, prose, text(whole));
    return (await checkBook(b, "whole-shares")).findings.filter((f) => f.severity !== "info" && f.cell === "自评报告!A4");
  };
  expect(show(await run("1,707.31"))).toEqual([]);
  expect(show(await run("1,770.31"))).toEqual([expect.stringMatching(/^error prose-amount-matches-table 自评报告!A4: 文字“1,770\.31万元”与表中全年执行数1,707\.31万元/)]);
});
