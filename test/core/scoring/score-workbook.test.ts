import { mapWorkbook } from "../../../src/core/mapping";
import { NATIONAL } from "../../../src/core/scoring/profiles";
import { scoreWorkbook } from "../../../src/core/scoring/score";
import { profileFor } from "../../../src/core/engine/run-rules";
import { INDICATORS, scoreBook, type ScoreBookOptions } from "./score-workbook";
import { computeFills } from "../../../src/core/fill";

describe("scoreWorkbook on a mapped workbook", () => {
  const result = scoreWorkbook(mapWorkbook(scoreBook()), NATIONAL);

  test("执行率 99.74% and 9.97 for 1707.31 of 1711.75 at weight 10", () => {
    expect(result.execRate).toBeCloseTo(0.997406, 6);
    expect(result.execScore).toBe(9.97);
    expect(result.execFormula).toBe("预算执行率 = 全年执行数 ÷ 全年预算数 = 1707.31 ÷ 1711.75 = 99.74%；得分 = min(99.74%, 100%) × 10 = 9.97");
  });

  test("the 反向 成本 indicator scores 14.32 at 自评表!H14", () => {
    const cost = result.indicators.find((i) => i.level3 === "项目总成本");
    expect(cost?.ref).toEqual({ sheet: "自评表", address: "H14" });
    expect(cost?.level1).toBe("产出指标");
    expect(cost?.level2).toBe("成本指标");
    expect(cost?.expected).toBe(14.32);
  });

  test("subtotals, total and grade", () => {
    expect(result.groups.map((g) => [g.group, g.level, g.expected, g.written])).toEqual([
      ["预算执行率", "exec", 9.97, 9.97],
      ["产出指标", "level1", 49.32, 49.32],
      ["效益指标", "level1", 30, 30],
      ["满意度指标", "level1", 10, 10],
    ]);
    expect(result.total).toBe(99.29);
    expect(result.grade?.grade).toBe("优");
    expect(result.profileGroups.map((g) => [g.group, g.weight, g.profileWeight])).toEqual([
      ["产出", 50, 50],
      ["效益", 30, 30],
      ["满意度", 10, 10],
    ]);
  });
});

describe("scoreWorkbook: rows that are not indicators, and profiles chosen by jx_profile", () => {
  test("a 合计 row and a 一级 subtotal row in the indicator table are not counted again", () => {
    const rows = [["产出指标", "", "", "", "", "", 50, 49.32, ""], ...INDICATORS, ["合计", "", "", "", "", "", 90, 89.32, ""]];
    const r = scoreWorkbook(mapWorkbook(scoreBook({ indicators: rows })), NATIONAL);
    expect(r.indicators).toHaveLength(7);
    expect(r.total).toBe(99.29);
  });

  test("湖北 chosen by jx_profile: 预算执行 20 gives 19.95 for 99.74%", () => {
    const model = mapWorkbook(scoreBook({ profile: "湖北省", scalars: { jx_exec_weight: "" } }));
    const profile = profileFor(model);
    expect(profile.id).toBe("hubei");
    expect(scoreWorkbook(model, profile).execScore).toBe(19.95);
  });

  test("执行率 above 100% is capped at the full 分值", () => {
    // The rate and 得分 cells left blank: written as 99.74% and 9.97 beside 1800, they would say the
    // 全年执行数 is the slip (below).
    const r = scoreWorkbook(mapWorkbook(scoreBook({ scalars: { jx_executed: 1800, jx_exec_rate: "", jx_exec_score: "" } })), NATIONAL);
    expect(r.execScore).toBe(10);
  });

  test("a 全年执行数 that neither the rate (99.74%) nor the 得分 (9.97) as written agrees with is the slip: the rate as written is scored", () => {
    const r = scoreWorkbook(mapWorkbook(scoreBook({ scalars: { jx_executed: 1800 } })), NATIONAL);
    expect(r.execAmountsSuspect).toBe(true);
    expect(r.execRateSource).toBe("written");
    expect(r.execScore).toBe(9.97);
  });

  test("a rate that alone disagrees (90% beside 9.97 for 1707.31 of 1711.75) is not evidence against the amounts", () => {
    const r = scoreWorkbook(mapWorkbook(scoreBook({ scalars: { jx_exec_rate: 0.9 } })), NATIONAL);
    expect(r.execAmountsSuspect).toBeUndefined();
    expect(r.execRateSource).toBe("amounts");
  });
});

describe("a 元/万元 slip in 全年执行数 (17073100 for 1707.31 万元)", () => {
  const slipped = (scalars: NonNullable<ScoreBookOptions["scalars"]>) => scoreBook({ scalars: { jx_executed: 17073100, ...scalars } });

  test("scoreWorkbook scores the corrected amount and says so in the formula", () => {
    const r = scoreWorkbook(mapWorkbook(slipped({})), NATIONAL);
    expect(r.execAmountsCorrected).toBe(true);
    expect(r.execRate).toBeCloseTo(0.997406, 6);
    expect(r.execScore).toBe(9.97);
    expect(r.execFormula).toBe(
      "全年执行数疑为单位错误，按 1707.31 计：预算执行率 = 全年执行数 ÷ 全年预算数 = 1707.31 ÷ 1711.75 = 99.74%；得分 = min(99.74%, 100%) × 10 = 9.97（全年执行数疑为单位错误，按 1707.31 计）",
    );
    expect(r.total).toBe(99.29);
  });

  test("fill does not write a score from the slipped amount: 9.97, with the correction in its reason", () => {
    const plan = computeFills(slipped({ jx_exec_rate: "", jx_exec_score: "" }));
    const score = plan.writes.find((w) => w.field === "jx_exec_score");
    expect(score?.newValue).toBe(9.97);
    expect(score?.reason).toContain("全年执行数疑为单位错误，按 1707.31 计");
    const rate = plan.writes.find((w) => w.field === "jx_exec_rate");
    expect(rate?.reason).toMatch(/^全年执行数疑为单位错误/);
  });
});
