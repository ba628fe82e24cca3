/**
 * A 部门整体 form whose 按支出性质 rows say 基本经费 / 项目经费 (with 其中：人员经费 / 公用经费 under 基本经费)
 * instead of 基本支出 / 项目支出: the rows are read, the consistent form stays clean, and a mistake in one of
 * them is reported at its cell — as `jixiao check` shows it. (label-synonyms.test.ts sweeps the same renaming
 * over every corpus layout; this one names the cells the clerk is pointed at.)
 */
import { copyBook, plantText, showRef, type BookSpec } from "./book";
import { deptThreeRowCase } from "./bureau-variants-2";
import { possibleCauses } from "./relations";
import { checkBook, removeTempDir, show } from "./run";

afterAll(removeTempDir);

const c = deptThreeRowCase();
const SHEET = "部门整体自评表";
/** The form with its 按支出性质 rows as the bureau words them. */
function renamed(b: BookSpec): BookSpec {
  plantText(b, { sheet: SHEET, a1: "A6" }, "基本支出", "基本经费");
  plantText(b, { sheet: SHEET, a1: "A9" }, "项目支出", "项目经费");
  return b;
}

test("the renamed rows are the form's: a consistent workbook has no error and no warning", async () => {
  const seen = await checkBook(renamed(copyBook(c.book)), "funds-synonyms");
  expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  expect(seen.exitCode).toBe(0);
});

const planted = c.variants.filter((v) => ["part-not-footing", "yuan-in-part"].includes(v.kind) && v.cause.sheet === SHEET && /^[CDE][6-9]$/.test(v.cause.a1));

test("the variants cover the renamed rows and the ones under them", () => {
  expect(planted.map((v) => v.cause.a1).sort()).toEqual(["C9", "D8", "E7"]);
});

test.each(planted.map((v) => [v.what, v] as const))("%s → an error at its cause under 基本经费 / 项目经费", async (_what, v) => {
  const b = renamed(copyBook(c.book));
  v.plant(b);
  // The cells that could, by one change, make every relation hold (the planted one among them): a 年初预算数
  // that only the 合计 row uses may as well be the 合计's mistake.
  const causes = possibleCauses(b, c.relations).map((r) => r.replace(/'/g, ""));
  expect(causes).toContain(showRef(v.cause).replace(/'/g, ""));
  const seen = await checkBook(b, "funds-synonyms");
  const errors = seen.findings.filter((f) => f.severity === "error");
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.filter((f) => !causes.includes(f.cell)).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
  expect(seen.exitCode).toBe(1);
});
