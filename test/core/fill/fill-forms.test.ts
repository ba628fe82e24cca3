/**
 * Fill on a workbook of several forms: a 项目汇总表 and one 项目支出绩效自评表 per project sheet (seed 001,
 * examples/chengde-2019-project-sheets.xlsx). Check reads such a workbook form by form; fill must too, or
 * it finds nothing to compute where check finds the grades wrong. And each project's 自评结果 in the 汇总
 * follows its 自评得分.
 */
import * as path from "path";
import { checkWorkbook } from "../../../src/core/engine/run-rules";
import { applyWritesToSnapshot, computeFills } from "../../../src/core/fill";
import { mapWorkbook } from "../../../src/core/mapping";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { gradeWord } from "../../../src/core/scoring/score";
import { parseText } from "../../../src/core/units";
import { snapshotOf } from "../../forms-corpus/book";
import { buildCorpus } from "../../forms-corpus/corpus";

const CHENGDE = path.join(__dirname, "..", "..", "..", "examples", "chengde-2019-project-sheets.xlsx");

let book: WorkbookSnapshot;
beforeAll(async () => {
  book = await readXlsxFile(CHENGDE);
});

const where = (w: { at: { sheet: string; address: string } }): string => `${w.at.sheet}!${w.at.address}`;

test("every grade check finds wrong is a fill conflict with the same corrected grade, on the 汇总 and on the project sheets", () => {
  const wrong = checkWorkbook(book).findings.filter((f) => f.ruleId === "grade-matches-band");
  // The example's real mistakes: two projects graded 优 at 81.99 and 70, in the 汇总 and on their sheets.
  expect(wrong.map((f) => `${f.sheet}!${f.ref}`).sort()).toEqual(["2.基金监管!G21", "8.扫码支付!G21", "项目汇总!J12", "项目汇总!J6"]);
  const plan = computeFills(book);
  expect(plan.writes).toEqual([]);
  expect(plan.conflicts.map((c) => [where(c), c.oldValue, c.newValue]).sort()).toEqual(
    wrong.map((f) => [`${f.sheet}!${f.ref}`, f.actual, f.expected]).sort(),
  );
  expect(plan.conflicts.find((c) => where(c) === "项目汇总!J6")?.reason).toBe("医疗服务与保障能力提升补助资金：自评得分 81.99 按“全国（财政部）默认”评为良");
});

test("with overwrite, the corrected grades leave check nothing to say about grades, and a second fill nothing to do", () => {
  const plan = computeFills(book, undefined, { overwrite: true });
  const after = applyWritesToSnapshot(book, plan.writes);
  expect(checkWorkbook(after).findings.filter((f) => f.ruleId === "grade-matches-band")).toEqual([]);
  expect(computeFills(after)).toMatchObject({ writes: [], conflicts: [] });
});

test("blank grades, in the 汇总 and on every project sheet, are filled from each project's own score", () => {
  const graded = computeFills(book, undefined, { overwrite: true });
  const right = applyWritesToSnapshot(book, graded.writes);
  // Every grade cell fill knows of, emptied.
  const gradeCells = [
    ...right.sheets.filter((s) => /^\d+\./.test(s.name)).map((s) => ({ sheet: s.name, address: "G21" })),
    ...[5, 6, 7, 8, 9, 10, 11, 12, 13].map((r) => ({ sheet: "项目汇总", address: `J${r}` })),
  ];
  for (const at of gradeCells) expect(right.sheets.find((s) => s.name === at.sheet)?.cells[at.address]?.value).toEqual(expect.any(String));
  const blank = applyWritesToSnapshot(
    right,
    gradeCells.map((at) => ({ at, value: null })),
  );
  const plan = computeFills(blank);
  expect(plan.conflicts).toEqual([]);
  expect(plan.writes.map(where).sort()).toEqual(gradeCells.map((at) => `${at.sheet}!${at.address}`).sort());
  // What fill writes is what the grades were once corrected.
  for (const w of plan.writes) expect(w.newValue).toBe(right.sheets.find((s) => s.name === w.at.sheet)?.cells[w.at.address]?.value);
  expect(checkWorkbook(applyWritesToSnapshot(blank, plan.writes)).findings.filter((f) => f.ruleId === "grade-matches-band")).toEqual([]);
});

describe("a form with label and value in one cell (corpus layout n: `执行率：85.10%`, `自评等级：优`)", () => {
  const consistent = (): WorkbookSnapshot => snapshotOf(buildCorpus().find((c) => c.file === "project-inline")!.book);
  const cellText = (book: WorkbookSnapshot, address: string): unknown => book.sheets.find((s) => s.name === "项目自评表")?.cells[address]?.value;

  test("the consistent form gives fill nothing to change (the value after the colon is what is compared)", () => {
    expect(computeFills(consistent())).toMatchObject({ writes: [], conflicts: [] });
  });

  test("a wrong rate and grade are conflicts whose replacement keeps the label; with overwrite, check agrees", () => {
    const book = consistent();
    const rateAt = Object.entries(book.sheets[0].cells).find(([, c]) => typeof c.value === "string" && c.value.startsWith("执行率："))![0];
    const gradeAt = Object.entries(book.sheets[0].cells).find(([, c]) => typeof c.value === "string" && c.value.startsWith("自评等级："))![0];
    const wrong = applyWritesToSnapshot(book, [
      { at: { sheet: "项目自评表", address: rateAt }, value: "执行率：95.10%" },
      { at: { sheet: "项目自评表", address: gradeAt }, value: "自评等级：良" },
    ]);
    const plan = computeFills(wrong, undefined, { overwrite: true });
    expect(plan.conflicts.map((c) => [c.at.address, c.oldValue, c.newValue]).sort()).toEqual(
      [
        [rateAt, "执行率：95.10%", "执行率：85.10%"],
        [gradeAt, "自评等级：良", "自评等级：优"],
      ].sort(),
    );
    const fixed = applyWritesToSnapshot(wrong, plan.writes);
    expect(cellText(fixed, rateAt)).toBe("执行率：85.10%");
    expect(checkWorkbook(fixed).findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.ref}`)).toEqual([]);
  });
});

describe("every bureau layout of the corpus: its computed cells left blank are filled, and check then agrees", () => {
  // A clerk leaves 执行率, 执行率得分, 总分 and 评价等次 for the add-in to compute. Each must stay bound to its
  // own (blank) cell: before, the label search bound 执行率 to the “—” of the row below, 总分 to the 分值
  // total beside it and 评价等次 to the 填报日期 cell, so fill reported conflicts or wrote nowhere.
  const COMPUTED = ["jx_exec_rate", "jx_exec_score", "jx_score_total", "jx_grade"] as const;
  const cases = buildCorpus().filter((c) => c.file !== "project-inline"); // label-and-value cells: a test above
  test.each(cases.map((c) => [c.file, c] as const))("%s", (_file, c) => {
    const book = snapshotOf(c.book);
    const model = mapWorkbook(book);
    const targets = new Map<string, { at: { sheet: string; address: string }; value: unknown }>();
    for (const part of model.parts?.length ? model.parts : [model]) {
      for (const id of COMPUTED) {
        const b = part.scalars[id];
        const v = b?.cell?.value;
        if (!b || v === null || v === undefined || v === "" || b.cell?.formula !== undefined) continue;
        // Only a cell that holds the value alone (not `执行率：85.10%`).
        if (book.sheets.find((s) => s.name === b.ref.sheet)?.cells[b.ref.address]?.value !== v) continue;
        targets.set(`${b.ref.sheet}!${b.ref.address}`, { at: b.ref, value: v });
      }
    }
    if (targets.size === 0) return; // a 决算 workbook computes nothing
    const blank = applyWritesToSnapshot(
      book,
      [...targets.values()].map((t) => ({ at: t.at, value: null })),
    );
    const plan = computeFills(blank);
    expect(plan.conflicts.map(where)).toEqual([]);
    expect(plan.writes.map(where).filter((k) => targets.has(k)).sort()).toEqual([...targets.keys()].sort());
    for (const w of plan.writes) {
      const was = targets.get(where(w))?.value;
      // A figure typed as text by hand (“99.74%”, “9.97分”) is compared as the number it shows.
      const typed = typeof was === "string" ? parseText(was) : undefined;
      if (typeof was === "number") expect(Math.abs(Number(w.newValue) - was)).toBeLessThanOrEqual(0.01);
      else if (typed?.kind === "number") expect(Math.abs(Number(w.newValue) - typed.value)).toBeLessThanOrEqual(0.01);
      // The national profile writes 优 where the 湖南 form wrote 优秀 (its profile, named in jx_profile, writes 优秀);
      // a grade typed with its label (“等次：优秀”) is compared without it.
      else if (was !== undefined) expect(gradeWord(String(was)).startsWith(String(w.newValue))).toBe(true);
    }
    const after = checkWorkbook(applyWritesToSnapshot(blank, plan.writes));
    expect(after.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.sheet}!${f.ref}`)).toEqual([]);
  });
});
