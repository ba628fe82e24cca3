/**
 * The prose rules on the forms bureaus use, through the real path (`jixiao check`, no names): a text
 * compared with the figures a detected form declares (a 部门整体 form's 基本支出 row), each finding at the
 * text's cell.
 */
import { copyBook, plantText } from "../forms-corpus/book";
import { writeDeptSheet, SEED002 } from "../forms-corpus/dept-form";
import { checkBook, removeTempDir } from "../forms-corpus/run";

afterAll(removeTempDir);

function deptBook(conclusionExtra: string) {
  const { sheet, cells } = writeDeptSheet("部门整体自评表", SEED002);
  const book = copyBook({ sheets: [sheet.spec] });
  plantText(book, cells.conclusion, "经自评，", `经自评，${conclusionExtra}`);
  return { book, at: `${cells.conclusion.sheet}!${cells.conclusion.a1}` };
}

test("a 部门整体 form: 基本支出 stated as its 全年执行数 agrees; nothing from the prose rules", async () => {
  const { book } = deptBook("全年基本支出103.86万元，项目支出1603.45万元。");
  const seen = await checkBook(book, "prose-dept-ok");
  expect(seen.findings.filter((f) => f.rule.startsWith("prose-"))).toEqual([]);
});

test("a 部门整体 form: 基本支出108.86万元 against the form's 基本支出 row (103.86) is found at the text cell", async () => {
  const { book, at } = deptBook("全年基本支出108.86万元。");
  const seen = await checkBook(book, "prose-dept-bad");
  const prose = seen.findings.filter((f) => f.rule.startsWith("prose-"));
  expect(prose.map((f) => [f.rule, f.cell])).toEqual([["prose-amount-matches-table", at]]);
  expect(prose[0].message).toContain("108.86万元");
  expect(prose[0].message).toContain("103.86万元");
});

test("a 部门整体 form: 公用经费159100元 is the 公用经费 row in 元 — a unit warning, not a contradiction", async () => {
  const { book, at } = deptBook("公用经费159100元。");
  const seen = await checkBook(book, "prose-dept-yuan");
  const prose = seen.findings.filter((f) => f.rule.startsWith("prose-"));
  expect(prose.map((f) => [f.rule, f.severity, f.cell])).toEqual([["prose-unit-matches-table", "warning", at]]);
});
