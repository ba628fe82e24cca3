import { checkWorkbook } from "../../../src/core/engine/run-rules";
import { applyWritesToSnapshot, computeFills } from "../../../src/core/fill";
import { HUNAN } from "../../../src/core/scoring/profiles";
import { buildWorkbook, fmt } from "../../helpers/workbook-builder";
import { INDICATORS, SUMMARY, scoreBook } from "../scoring/score-workbook";

/** The score workbook with every computed cell blank (定性 scores stay: they are judgement). */
function blankBook(extra: Parameters<typeof scoreBook>[0] = {}) {
  return scoreBook({
    ...extra,
    scalars: { jx_exec_rate: "", jx_exec_score: "", jx_score_total: "", jx_grade: "", ...extra.scalars },
    indicators: INDICATORS.map((r) => (r[3] === "定性" ? [...r] : r.map((c, j) => (j === 7 ? "" : c)))),
    summary: SUMMARY.map((r) => [r[0], r[1], ""]),
  });
}

const at = (plan: ReturnType<typeof computeFills>, ref: string) => plan.writes.find((w) => `${w.at.sheet}!${w.at.address}` === ref);

describe("computeFills", () => {
  test("fills every blank computed cell with what the national rules give", () => {
    const plan = computeFills(blankBook());
    expect(plan.conflicts).toEqual([]);
    expect(plan.writes.map((w) => [`${w.at.sheet}!${w.at.address}`, w.field, w.newValue])).toEqual([
      ["自评表!B3", "jx_exec_rate", expect.closeTo(0.997406, 6)],
      ["自评表!B5", "jx_exec_score", 9.97],
      ["自评表!H11", "jx_indicators.score", 10],
      ["自评表!H12", "jx_indicators.score", 15],
      ["自评表!H14", "jx_indicators.score", 14.32],
      ["自评表!H17", "jx_indicators.score", 10],
      ["得分汇总!C2", "jx_score_summary.score", 9.97],
      ["得分汇总!C3", "jx_score_summary.score", 49.32],
      ["得分汇总!C4", "jx_score_summary.score", 30],
      ["得分汇总!C5", "jx_score_summary.score", 10],
      ["自评表!B6", "jx_score_total", 99.29],
      ["自评表!B7", "jx_grade", "优"],
    ]);
    expect(at(plan, "自评表!B3")?.numberFormat).toBe("0.00%");
    expect(at(plan, "自评表!B3")?.oldValue).toBeNull();
    expect(at(plan, "自评表!H14")?.reason).toBe("反向指标未达成：(1 − (1707.31 − 1632.87) ÷ 1632.87) × 15 = 14.32");
  });

  test("fill then check gives no error", () => {
    const before = blankBook();
    const after = applyWritesToSnapshot(before, computeFills(before).writes);
    const report = checkWorkbook(after);
    expect(report.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.sheet}!${f.ref}: ${f.message}`)).toEqual([]);
    // Filling again has nothing left to do.
    expect(computeFills(after)).toMatchObject({ writes: [], conflicts: [] });
  });

  test("a blank 定性 score blocks its subtotal, the total and the grade, and the plan says which input is missing", () => {
    const blank = blankBook();
    const book = applyWritesToSnapshot(blank, [{ at: { sheet: "自评表", address: "H13" }, value: null }]);
    const plan = computeFills(book);
    const blocked = plan.blocked.map((b) => [b.at ? `${b.at.sheet}!${b.at.address}` : "", b.what, b.missing.join("、")]);
    expect(blocked).toEqual([
      ["得分汇总!C3", "“产出指标”得分", "“资金上解及时性”的得分"],
      ["自评表!B6", "综合得分", "“资金上解及时性”的得分"],
      ["自评表!B7", "评价等次", "综合得分"],
    ]);
    // What can be computed still is: the other subtotals and every 定量 score.
    expect(at(plan, "得分汇总!C4")?.newValue).toBe(30);
    expect(at(plan, "自评表!H11")?.newValue).toBe(10);
  });

  test("without 全年执行数 the rate waits for it, and says so", () => {
    const plan = computeFills(blankBook({ scalars: { jx_executed: "" } }));
    expect(plan.blocked.find((b) => b.field === "jx_exec_rate")).toMatchObject({ what: "预算执行率", missing: ["全年执行数"] });
  });

  test("a correct, complete workbook needs nothing", () => {
    expect(computeFills(scoreBook())).toMatchObject({ writes: [], conflicts: [] });
  });

  test("a cell holding a different value is a conflict, written only with overwrite", () => {
    const book = blankBook({ scalars: { jx_exec_score: 10 } });
    const plan = computeFills(book);
    expect(plan.conflicts.map((c) => [c.at.address, c.oldValue, c.newValue])).toEqual([["B5", 10, 9.97]]);
    expect(at(plan, "自评表!B5")).toBeUndefined();
    // The total uses the value the cell keeps, so that fill and check agree.
    expect(at(plan, "自评表!B6")?.newValue).toBe(99.32);
    const forced = computeFills(book, undefined, { overwrite: true });
    expect(at(forced, "自评表!B5")?.newValue).toBe(9.97);
    expect(at(forced, "自评表!B6")?.newValue).toBe(99.29);
  });

  test("a formula cell is never replaced, even with overwrite: its disagreement is listed", () => {
    const book = blankBook({ scalars: { jx_exec_score: { value: 10, formula: "MIN(B2/B1,1)*B4" } } });
    const plan = computeFills(book, undefined, { overwrite: true });
    expect(plan.conflicts.map((c) => c.at.address)).toEqual(["B5"]);
    expect(at(plan, "自评表!B5")).toBeUndefined();
    const same = computeFills(blankBook({ scalars: { jx_exec_score: { value: 9.97, formula: "ROUND(MIN(B2/B1,1)*B4,2)" } } }));
    expect(same.conflicts).toEqual([]);
    expect(at(same, "自评表!B5")).toBeUndefined();
  });

  test("a rate cell with its own format keeps it; a rate written as text that matches is left alone", () => {
    const own = computeFills(blankBook({ scalars: { jx_exec_rate: { value: null, numberFormat: "0.0%" } } }));
    expect(at(own, "自评表!B3")?.numberFormat).toBeUndefined();
    const text = computeFills(blankBook({ scalars: { jx_exec_rate: "99.74%" } }));
    expect(at(text, "自评表!B3")).toBeUndefined();
    expect(text.conflicts).toEqual([]);
  });

  test("湖南 writes the grade as 优秀", () => {
    const plan = computeFills(blankBook({ profile: "湖南" }));
    expect(plan.profile).toBe("hunan");
    expect(at(plan, "自评表!B7")?.newValue).toBe("优秀");
    expect(computeFills(blankBook(), HUNAN).profile).toBe("hunan");
  });

  test("project rows get 执行率 and 结转结余", () => {
    const book = buildWorkbook(
      {
        项目: [
          ["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"],
          ["城乡居民医保补助", "区财〔2024〕1号", 1200.5, 1190.25, "", ""],
          ["医疗救助", "区财〔2024〕2号", 400, 400, 0, fmt(1, "0%")],
        ],
      },
      { names: { jx_projects: "项目!$A$1:$F$3" } },
    );
    const plan = computeFills(book);
    expect(plan.writes.map((w) => [w.at.address, w.field, w.newValue, w.numberFormat])).toEqual([
      ["F2", "jx_projects.rate", expect.closeTo(0.991462, 6), "0.00%"],
      ["E2", "jx_projects.carryover", 10.25, undefined],
    ]);
    expect(plan.conflicts).toEqual([]);
  });
});

describe("applyWritesToSnapshot", () => {
  test("returns a new snapshot and leaves the old one alone", () => {
    const before = buildWorkbook({ 表: [["a", { value: 1, formula: "1" }]] });
    const after = applyWritesToSnapshot(before, [
      { at: { sheet: "表", address: "B1" }, value: 2, numberFormat: "0.00" },
      { at: { sheet: "表", address: "C1" }, formula: "B1*2", value: 4 },
    ]);
    expect(after.sheets[0].cells.B1).toEqual({ value: 2, numberFormat: "0.00" });
    expect(after.sheets[0].cells.C1).toEqual({ value: 4, formula: "B1*2" });
    expect(before.sheets[0].cells.B1).toEqual({ value: 1, formula: "1" });
    expect(() => applyWritesToSnapshot(before, [{ at: { sheet: "无", address: "A1" }, value: 1 }])).toThrow();
  });
});
