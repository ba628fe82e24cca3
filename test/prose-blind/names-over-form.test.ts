/**
 * Defined names over a detected form, cell by cell (issue 9): a 财政部 项目支出绩效自评表 without names is
 * read as the form; one `jx_` name the clerk saved (jx_score_total on a cell of their own) decides that
 * field only, and every other figure still comes from the form (its 项目资金 block, its indicator table).
 */
import ExcelJS from "exceljs";
import { copyBook, plant, type BookSpec } from "../forms-corpus/book";
import { writeProjectSheet } from "../forms-corpus/project-form";
import { removeTempDir, writeTemp, unquote } from "../forms-corpus/run";
import { runCli } from "../helpers/run-cli";
import { PROJECT } from "./books";

afterAll(removeTempDir);

const SHEET = "项目自评表";

/** The form with a 自评得分 cell of the clerk's own at L20 (99.23, the form's 总分). */
function book(ownScore: number): BookSpec {
  const { sheet } = writeProjectSheet(SHEET, PROJECT, "mof");
  const b = copyBook({ sheets: [sheet.spec] });
  b.sheets[0].cells.set("L19", { v: "报送得分", bold: true });
  b.sheets[0].cells.set("L20", { v: ownScore, fmt: "0.00" });
  return b;
}

/** Write the book, then save defined names into it (as a clerk does with 保存为名称). */
async function withNames(b: BookSpec, names: Record<string, string>): Promise<string> {
  const file = await writeTemp(b, "names-over-form");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const [name, ref] of Object.entries(names)) wb.definedNames.add(ref, name);
  await wb.xlsx.writeFile(file);
  return file;
}

interface Json {
  findings: { rule: string; severity: string; cell: string; message: string }[];
  workbooks: { summary: { form?: string } }[];
}

async function check(file: string): Promise<Json> {
  const run = await runCli("check", file, "--format", "json");
  expect(run.err).toBe("");
  const json = JSON.parse(run.out) as Json;
  json.findings = json.findings.map((f) => ({ ...f, cell: unquote(f.cell) }));
  return json;
}

const errorsAndWarnings = (j: Json): string[] => j.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

test("without names, the 总分 row's 得分 is the 综合得分: the clerk's own 95.00 at L20 is not read", async () => {
  const json = await check(await writeTemp(book(95), "no-names"));
  expect(json.workbooks[0].summary.form).toBe("项目支出绩效自评表（财政部）");
  expect(errorsAndWarnings(json)).toEqual([]);
});

test("jx_score_total on L20 (99.23, right): the form is still detected and the workbook is clean", async () => {
  const json = await check(await withNames(book(99.23), { jx_score_total: `'${SHEET}'!$L$20` }));
  expect(json.workbooks[0].summary.form).toBe("项目支出绩效自评表（财政部）");
  expect(errorsAndWarnings(json)).toEqual([]);
});

test("jx_score_total on L20 (95.00, wrong): the finding is at the named cell, not at the form's 总分 row", async () => {
  const json = await check(await withNames(book(95), { jx_score_total: `'${SHEET}'!$L$20` }));
  const seen = json.findings.filter((f) => f.severity !== "info");
  expect(seen.map((f) => `${f.rule} ${f.cell}`)).toEqual([`total-score-matches ${SHEET}!L20`]);
  expect(seen[0].message).toContain("99.23");
});

test("with one name, the rest still comes from the form: a wrong 执行率 in the 项目资金 block is found at its cell", async () => {
  const b = plant(book(99.23), { sheet: SHEET, a1: "I7" }, 0.95);
  const json = await check(await withNames(b, { jx_score_total: `'${SHEET}'!$L$20` }));
  const seen = json.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);
  expect(seen).toContain(`exec-rate-matches ${SHEET}!I7`);
  expect(seen.every((s) => s.endsWith(`${SHEET}!I7`))).toBe(true);
});
