import { mapWorkbook } from "../../../src/core/mapping";
import { NATIONAL } from "../../../src/core/scoring/profiles";
import { scoreWorkbook } from "../../../src/core/scoring/score";
import { profileFor } from "../../../src/core/engine/run-rules";
import { INDICATORS, scoreBook } from "./score-workbook";

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
    const r = scoreWorkbook(mapWorkbook(scoreBook({ scalars: { jx_executed: 1800 } })), NATIONAL);
    expect(r.execScore).toBe(10);
  });
});
