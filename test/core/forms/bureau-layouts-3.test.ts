/**
 * What a user sees on the project layouts of forms-corpus q–t (test/forms-corpus/bureau-variants-3.ts),
 * beyond the corpus's own variants: the 小计 rows written the other ways bureaus write them, and two
 * project forms stacked on one sheet without a 汇总.
 */
import { PRESETS } from "../../../src/core/config/presets";
import { checkWorkbook } from "../../../src/core/engine/run-rules";
import { type BookSpec, SheetWriter, plant, snapshotOf } from "../../forms-corpus/book";
import { writeProject } from "../../forms-corpus/bureau-variants-3";
import { SEED004_CORPUS } from "../../forms-corpus/seeds";

function seen(book: BookSpec): string[] {
  const r = checkWorkbook(snapshotOf(book), { preset: PRESETS.recommended, host: "cli" });
  return r.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${f.ref}`);
}

describe.each(["row", "top", "level3"] as const)("小计 rows written as %s", (style) => {
  const build = (): { book: BookSpec; x: ReturnType<typeof writeProject> } => {
    const w = new SheetWriter("自评表");
    const x = writeProject(w, 1, SEED004_CORPUS, { subtotals: style });
    return { book: { sheets: [w.spec] }, x };
  };
  test("consistent → nothing (a 小计 is no indicator: 总分 and 分值 add up once)", () => {
    expect(seen(build().book)).toEqual([]);
  });
  test("产出 小计 分值 55 over its 三级 50 → at that 小计", () => {
    const { book, x } = build();
    plant(book, x.subtotals[0].weight, 55);
    const f = seen(book);
    expect(f.some((s) => s.endsWith(`自评表!${x.subtotals[0].weight.a1}`))).toBe(true);
    expect(f.filter((s) => s.startsWith("error") && !s.endsWith(`!${x.subtotals[0].weight.a1}`))).toEqual([]);
  });
  test("效益 小计 得分 31 over its 三级 30 → at that 小计", () => {
    const { book, x } = build();
    plant(book, x.subtotals[1].score, 31);
    const f = seen(book);
    expect(f.some((s) => s.endsWith(`自评表!${x.subtotals[1].score.a1}`))).toBe(true);
    expect(f.filter((s) => s.startsWith("error") && !s.endsWith(`!${x.subtotals[1].score.a1}`))).toEqual([]);
  });
  test("an indicator's 得分 12 of 10 → at that indicator, not at its 小计 or the 总分", () => {
    const { book, x } = build();
    plant(book, x.ind[0].score, 12);
    const f = seen(book);
    expect(f.some((s) => s.endsWith(`自评表!${x.ind[0].score.a1}`))).toBe(true);
    expect(f.filter((s) => s.startsWith("error") && !s.endsWith(`!${x.ind[0].score.a1}`))).toEqual([]);
  });
});

describe("two project forms stacked on one sheet, no 汇总, no blank row between them", () => {
  const build = (): { book: BookSpec; a: ReturnType<typeof writeProject>; b: ReturnType<typeof writeProject> } => {
    const w = new SheetWriter("项目表");
    const a = writeProject(w, 1, SEED004_CORPUS);
    const b = writeProject(w, a.end + 1, { ...SEED004_CORPUS, name: "医保宣传经费", funds: { total: [20, 25, 24], fiscal: [20, 25, 24], carry: [0, 0, 0], other: [0, 0, 0] } });
    return { book: { sheets: [w.spec] }, a, b };
  };
  test("the second form's 执行率 and 得分 are its own (no finding on the consistent sheet but its own prose)", () => {
    const { book, b } = build();
    // The second form reuses the first's prose (预算执行率100.00%): that is its only finding.
    expect(seen(book).filter((s) => !s.endsWith(`!${b.actual.a1}`))).toEqual([]);
  });
  test("the second form's 其中 row 全年执行数 off by 10 → at that cell (its 总额 is held by its own 执行率)", () => {
    const { book, b } = build();
    plant(book, b.funds[1][2], 34);
    const f = seen(book).filter((s) => !s.endsWith(`!${b.actual.a1}`));
    expect(f).toEqual([`error total-matches-parts 项目表!${b.funds[1][2].a1}`]);
  });
});
