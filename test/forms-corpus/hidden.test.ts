/**
 * What a clerk sees through `jixiao check` when the workbook hides things or keeps last year's sheets —
 * clerks fill the forms they already have: they copy last year's sheet and hide it (or leave it visible,
 * named 2023年自评表), hide a column of last year's figures (sometimes headed with this year's words), hide
 * rows. Each workbook is written as a real .xlsx (hidden tabs, rows and columns included) and checked by
 * the CLI, like the rest of the corpus (run.ts).
 *
 * - a hidden sheet holding a form is not checked: one note names it, nothing on it is reported;
 * - a visible copy of an earlier year's form beside this year's form of the same kind is not checked
 *   either: one note says which year it is for; a single form with a wrong year is still this year's
 *   form with a mistake;
 * - a hidden column headed like a visible one is not read for it: the visible one is;
 * - hidden rows stay part of their table (Excel's SUM counts them), and a finding in a hidden row or
 *   column says so, so that the clerk can find the cell.
 */
import * as path from "path";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { readWorkbookFile } from "../../src/hosts/xlsx/light";
import { type BookSpec, type Ref, copyBook, plant, showRef } from "./book";
import { buildCorpus } from "./corpus";
import { type DeptData, SEED002, writeDeptSheet } from "./dept-form";
import { writeProjectSheet } from "./project-form";
import { type Seen, type SeenFinding, checkBook, removeTempDir, show } from "./run";
import { SEED001_PROJECTS, seed001Project } from "./seeds";
import type { FormCase, FormId } from "./types";

afterAll(removeTempDir);

const CORPUS = buildCorpus();
const corpusCase = (form: FormId): FormCase => CORPUS.find((c) => c.form === form)!;

/** Errors and warnings: what the clerk must act on. */
const serious = (s: Seen): SeenFinding[] => s.findings.filter((f) => f.severity !== "info");
const notes = (s: Seen): SeenFinding[] => s.findings.filter((f) => f.severity === "info");
const at = (s: Seen, r: Ref): SeenFinding[] => s.findings.filter((f) => f.cell === showRef(r));

/** Last year's 部门整体 form, as a clerk keeps it: the 2023 figures, and a part that does not foot. */
const LAST_YEAR: DeptData = {
  ...SEED002,
  year: 2023,
  filedOn: "2024年3月8日",
  total: [1500.0, 1588.2, 1580.0],
  income: SEED002.income.map((x, i) => (i === 0 ? { ...x, v: [1500.0, 1588.2, 1580.0] } : x)),
  basic: [98.6, 98.6, 98.0],
  personnel: [83.1, 83.1, 83.0],
  publicUse: [15.5, 15.5, 16.0], // 83.0 + 16.0 ≠ 98.0: last year's own slip
  project: [1401.4, 1489.6, 1482.0],
  conclusion: SEED002.conclusion.replace(/2024年/g, "2023年"),
};

/** This year's 部门整体 form (seed 002, 2024) beside last year's copy, which is hidden unless `visible`. */
function deptWithLastYear(visible = false): { book: BookSpec; now: ReturnType<typeof writeDeptSheet>["cells"]; last: ReturnType<typeof writeDeptSheet>["cells"] } {
  const now = writeDeptSheet("部门整体自评表", SEED002);
  const last = writeDeptSheet("2023年自评表", LAST_YEAR);
  if (!visible) last.sheet.spec.state = "hidden";
  return { book: { sheets: [now.sheet.spec, last.sheet.spec] }, now: now.cells, last: last.cells };
}

describe("last year's sheet kept in the workbook", () => {
  test("hidden: not checked, one note names it, and nothing on it is reported", async () => {
    const seen = await checkBook(deptWithLastYear().book, "dept-hidden-last-year");
    expect(show(serious(seen))).toEqual([]);
    expect(seen.exitCode).toBe(0);
    expect(notes(seen).map((f) => [f.rule, f.cell, f.message])).toEqual([
      ["sheet-not-checked", "2023年自评表!A1", "已跳过隐藏工作表「2023年自评表」：隐藏的表不参加检查；如果它是本次要报送的表，请取消隐藏后再检查。"],
    ]);
  });

  test("checked as if visible, the same sheet would have been a second report full of findings", async () => {
    // What the note stands for: the copy on its own (a workbook of last year's form only) is not clean.
    const last = writeDeptSheet("2023年自评表", LAST_YEAR);
    const seen = await checkBook({ sheets: [last.sheet.spec] }, "dept-last-year-alone");
    expect(serious(seen).some((f) => f.rule === "total-matches-parts")).toBe(true);
  });

  test("hidden: this year's mistakes are still found, on this year's sheet only", async () => {
    const { book, now } = deptWithLastYear();
    plant(book, now.personnel[2], 88.95);
    const seen = await checkBook(book, "dept-hidden-last-year-planted");
    expect(serious(seen).map((f) => f.cell)).toEqual([showRef(now.personnel[2])]);
  });

  test("visible: an earlier year's copy of the same form is noted once, where its year is written, not checked", async () => {
    const { book, last } = deptWithLastYear(true);
    const seen = await checkBook(book, "dept-visible-last-year");
    expect(show(serious(seen))).toEqual([]);
    expect(notes(seen).map((f) => [f.rule, f.cell, f.message])).toEqual([
      ["sheet-not-checked", showRef(last.yearLine), "「2023年自评表」是2023年度的表，未检查（本报表是2024年度的）；如果它就是本年度的表，请把表中的年份改为2024年。"],
    ]);
  });

  test("a single form whose year line says last year is this year's form with a mistake, not an old copy", async () => {
    const now = writeDeptSheet("部门整体自评表", SEED002);
    const book: BookSpec = { sheets: [now.sheet.spec] };
    plant(book, now.cells.yearLine, "（2023年度）");
    const seen = await checkBook(book, "dept-wrong-year");
    expect(at(seen, now.cells.yearLine).map((f) => [f.rule, f.severity])).toEqual([["year-matches-report", "warning"]]);
    expect(notes(seen)).toEqual([]);
  });

  test("project sheets: last year's copy of one project, hidden or visible, is no second sheet for the 汇总 to match", async () => {
    const f = corpusCase("project-sheets");
    const p = SEED001_PROJECTS[1];
    // 2.基金监管 as it was the year before: other figures, the year line 2018.
    const before = seed001Project({ ...p, budget: 30, spent: 29.5 }, 1);
    for (const visible of [false, true]) {
      const old = writeProjectSheet("2018年基金监管", { ...before, year: 2018, filedOn: "2019年3月20日" }, "mof");
      if (!visible) old.sheet.spec.state = "hidden";
      const book = copyBook(f.book);
      book.sheets.splice(3, 0, old.sheet.spec);
      const seen = await checkBook(book, `project-sheets-last-year-${visible ? "visible" : "hidden"}`);
      expect({ visible, serious: show(serious(seen)) }).toEqual({ visible, serious: [] });
      expect(notes(seen).map((n) => [n.rule, n.cell])).toEqual([["sheet-not-checked", visible ? showRef(old.cells.yearLine) : "2018年基金监管!A1"]]);
    }
  });

  test("a template workbook (defined names, the 临湘 example) with last year's copy of every sheet hidden: the same findings, one note per copy", async () => {
    const snap = await readWorkbookFile(path.join(__dirname, "..", "..", "examples", "linxiang-2021.xlsx"));
    const copies = snap.sheets.map((s) => ({ ...s, name: `2020${s.name}`, visibility: "hidden" as const }));
    // Excel copies a sheet's workbook names onto the copy, scoped to it: the workbook's own names still win.
    const scoped = snap.names.map((n) => ({ ...n, scope: `2020${/^'?([^'!]+)'?!/.exec(n.refersTo)![1]}`, refersTo: n.refersTo.replace(/^'?([^'!]+)'?!/, "'2020$1'!") }));
    const book: WorkbookSnapshot = { sheets: [...snap.sheets, ...copies], names: [...snap.names, ...scoped] };
    const alone = checkWorkbook(snap).findings.map((f) => `${f.sheet}!${f.ref} ${f.message}`);
    const found = checkWorkbook(book).findings;
    expect(found.filter((f) => f.ruleId !== "sheet-not-checked").map((f) => `${f.sheet}!${f.ref} ${f.message}`)).toEqual(alone);
    expect(found.filter((f) => f.ruleId === "sheet-not-checked").map((f) => f.sheet)).toEqual(copies.map((c) => c.name));
  });

  test("a hidden sheet of drop-down lists (no form, no table) is passed over in silence", async () => {
    const { book } = deptWithLastYear();
    book.sheets[1] = { name: "下拉选项", cells: new Map([["A1", { v: "优" }], ["A2", { v: "良" }], ["A3", { v: "中" }], ["A4", { v: "差" }]]), merges: [], widths: {}, state: "hidden" };
    const seen = await checkBook(book, "dept-hidden-lists");
    expect(seen.findings).toEqual([]);
  });
});

describe("a hidden column of last year's figures, headed like this year's", () => {
  /** Layout y with its hidden 上年数 column headed 全年执行数, like the visible column G. */
  function typedWithTwin(hidden = true): { c: FormCase; book: BookSpec } {
    const c = corpusCase("dept-typed");
    const book = copyBook(c.book);
    const sheet = book.sheets[0];
    expect(sheet.hiddenCols).toEqual(["E"]);
    plant(book, { sheet: sheet.name, a1: "E3" }, "全年执行数");
    if (!hidden) delete sheet.hiddenCols;
    return { c, book };
  }

  test("the visible column is read: the workbook stays as clean as layout y", async () => {
    const { c, book } = typedWithTwin();
    const seen = await checkBook(book, "typed-twin-hidden");
    const expected = new Set((c.textNumbers ?? []).map(showRef));
    expect(serious(seen).filter((f) => !(f.rule === "number-stored-as-text" && expected.has(f.cell))).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
  });

  test("shown, the same column would be read instead of this year's (the first of two equal headers)", async () => {
    const { book } = typedWithTwin(false);
    const seen = await checkBook(book, "typed-twin-visible");
    expect(serious(seen).some((f) => f.cell.startsWith(`${book.sheets[0].name}!E`))).toBe(true);
  });

  test("a mistake in this year's column is still found there", async () => {
    const { c, book } = typedWithTwin();
    const variant = c.variants.find((v) => v.kind === "part-not-footing" && v.cause.a1.startsWith("G"))!;
    variant.plant(book);
    const seen = await checkBook(book, "typed-twin-planted");
    expect(at(seen, variant.cause).filter((f) => f.severity === "error").length).toBeGreaterThan(0);
  });

  test("a 项目汇总表 (a table read by its header) reads its visible 预算数, not the hidden one", async () => {
    const c = corpusCase("summary-typed");
    const book = copyBook(c.book);
    const sheet = book.sheets[0];
    expect(sheet.hiddenCols).toEqual(["E"]);
    plant(book, { sheet: sheet.name, a1: "E3" }, "预算数");
    const seen = await checkBook(book, "summary-twin-hidden");
    const expected = new Set((c.textNumbers ?? []).map(showRef));
    expect(serious(seen).filter((f) => !(f.rule === "number-stored-as-text" && expected.has(f.cell))).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
  });
});

describe("hidden rows and columns inside a form", () => {
  test("a hidden row stays part of its table, and a mistake in it says that its row is hidden", async () => {
    const now = writeDeptSheet("部门整体自评表", SEED002);
    const row = Number(now.cells.personnel[2].a1.slice(1));
    now.sheet.spec.hiddenRows = [row];
    const book: BookSpec = { sheets: [now.sheet.spec] };
    // Consistent: 基本支出 = 人员经费 (hidden) + 公用经费 still holds, as Excel's SUM counts the hidden row.
    expect(show(serious(await checkBook(book, "dept-hidden-row")))).toEqual([]);
    plant(book, now.cells.personnel[2], 88.95);
    const seen = await checkBook(book, "dept-hidden-row-planted");
    const found = at(seen, now.cells.personnel[2]);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.message).toMatch(/（该单元格所在行已隐藏）$/);
    // Findings on visible cells say nothing of the kind.
    for (const f of seen.findings.filter((x) => x.cell !== showRef(now.cells.personnel[2]))) expect(f.message).not.toMatch(/已隐藏）$/);
  });

  test("a mistake in a hidden column says that its column is hidden", async () => {
    const now = writeDeptSheet("部门整体自评表", SEED002);
    now.sheet.spec.hiddenCols = ["I"]; // the 执行率 column
    const book: BookSpec = { sheets: [now.sheet.spec] };
    plant(book, now.cells.execRate, 0.9795);
    const seen = await checkBook(book, "dept-hidden-column-planted");
    const found = at(seen, now.cells.execRate);
    expect(found.map((f) => f.severity)).toContain("error");
    for (const f of found) expect(f.message).toMatch(/（该单元格所在列已隐藏）$/);
  });

  test("a 项目汇总表 with a project's row hidden: the 合计 still counts it, and a mistake in it is found there", async () => {
    const c = corpusCase("project-summary");
    const book = copyBook(c.book);
    const variant = c.variants.find((v) => v.what.startsWith("办公经费 执行数"))!;
    const row = Number(variant.cause.a1.replace(/^[A-Z]+/, ""));
    book.sheets[0].hiddenRows = [row];
    expect(show(serious(await checkBook(book, "summary-hidden-row")))).toEqual([]);
    variant.plant(book);
    const seen = await checkBook(book, "summary-hidden-row-planted");
    const found = at(seen, variant.cause);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.message).toMatch(/（该单元格所在行已隐藏）$/);
  });
});
