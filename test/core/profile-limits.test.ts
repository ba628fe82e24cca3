/**
 * The over-target deductions [S14] as profile data: the numbers are pinned at and around each step.
 */
import type { TableRow } from "../../src/core/model/report-model";
import { NATIONAL } from "../../src/core/scoring/profiles";
import { OVER_TARGET_S14, withOverTargetPenalty } from "../../src/core/scoring/profiles/limits";
import { scoreIndicatorRow } from "../../src/core/scoring/score";

function row(target: string, actual: number, weight: number): TableRow {
  const cell = (col: string, value: string | number) => ({ ref: { sheet: "绩效自评", address: `${col}5` }, cell: { value } });
  return {
    row: 5,
    isSummary: false,
    cells: { level3: cell("C", "培训人次"), direction: cell("D", "≥"), target: cell("E", target), actual: cell("F", actual), weight: cell("G", weight), score: cell("H", weight) },
  };
}

describe("over-target deductions [S14]", () => {
  const profile = withOverTargetPenalty(NATIONAL);

  it("are the scheme's numbers", () => {
    expect(OVER_TARGET_S14).toEqual([
      { over: 2, deduct: 0.1 },
      { over: 3, deduct: 0.2 },
      { over: 5, deduct: 0.3 },
    ]);
    expect(profile.overTargetPenalty).toBe(OVER_TARGET_S14);
    expect(NATIONAL.overTargetPenalty).toEqual([]);
  });

  it.each([
    // [完成值 for 指标值 100, expected score of 分值 10]
    [299, 10], // (299−100)/100 = 199%: no deduction
    [300, 9], // 200%: −10%
    [399, 9],
    [400, 8], // 300%: −20%
    [599, 8],
    [600, 7], // 500%: −30%
    [5000, 7],
  ])("完成值 %d against 指标值 ≥100 at 分值 10 scores %d", (actual, expected) => {
    expect(scoreIndicatorRow(row("100", actual, 10), profile).expected).toBe(expected);
  });

  it("the national profile keeps full marks, and says why a deduction was made", () => {
    expect(scoreIndicatorRow(row("100", 600, 10), NATIONAL).expected).toBe(10);
    expect(scoreIndicatorRow(row("100", 600, 10), profile).formulaText).toMatch(/按偏离度扣 30(\.00)?% 分值/);
  });
});
