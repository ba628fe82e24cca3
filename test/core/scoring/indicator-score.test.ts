import type { TableRow } from "../../../src/core/model/report-model";
import type { CellSnapshot } from "../../../src/core/model/snapshot";
import { HUBEI, HUNAN, NATIONAL, SICHUAN } from "../../../src/core/scoring/profiles";
import { gradeFor, gradeMatches, scoreIndicatorRow } from "../../../src/core/scoring/score";
import type { ScoringProfile } from "../../../src/core/scoring/types";

const COLS = ["level1", "level2", "level3", "direction", "target", "actual", "weight", "score", "reason"];

/** One jx_indicators row at sheet row 5, columns A..I in COLS order. */
function row(values: Partial<Record<string, string | number | CellSnapshot>>): TableRow {
  const cells: Record<string, { ref: { sheet: string; address: string }; cell?: CellSnapshot }> = {};
  COLS.forEach((key, i) => {
    const v = values[key];
    const cell = v === undefined ? undefined : typeof v === "object" ? v : { value: v };
    cells[key] = { ref: { sheet: "指标", address: `${String.fromCharCode(65 + i)}5` }, cell };
  });
  return { row: 5, cells, isSummary: false, level1: String(values.level1 ?? "产出指标"), level2: String(values.level2 ?? "数量指标") };
}

function score(values: Partial<Record<string, string | number | CellSnapshot>>, profile: ScoringProfile = NATIONAL) {
  return scoreIndicatorRow(row({ level3: "指标", ...values }), profile);
}

describe("定量 indicators, national profile", () => {
  test("反向 成本 1707.31 against ≤1632.87 at weight 15 scores 14.32 by the platform's linear rule", () => {
    const s = score({ level2: "成本指标", target: "≤1632.87万元", actual: "1707.31万元", weight: 15 });
    expect(s.direction).toBe("≤");
    expect(s.directionSource).toBe("target");
    expect(s.met).toBe(false);
    expect(s.expected).toBe(14.32);
    expect(s.formulaText).toBe("反向指标未达成：(1 − (1707.31 − 1632.87) ÷ 1632.87) × 15 = 14.32");
  });

  test("the A/B worksheet rule (inverse-ratio) gives 1632.87 ÷ 1707.31 × 15 = 14.35", () => {
    const s = score({ target: "≤1632.87万元", actual: "1707.31万元", weight: 15 }, { ...NATIONAL, negative: "inverse-ratio" });
    expect(s.expected).toBe(14.35);
    expect(s.formulaText).toBe("反向指标未达成：1632.87 ÷ 1707.31 × 15 = 14.35");
  });

  test("反向 at twice the target or more scores 0", () => {
    expect(score({ direction: "≤", target: 100, actual: 200, weight: 10 }).expected).toBe(0);
    expect(score({ direction: "反向", target: 100, actual: 150, weight: 10 }).expected).toBe(5);
  });

  test("正向 met scores full even when the actual is in another unit of the same kind", () => {
    const s = score({ direction: "≥", target: "23万人", actual: "239000人", weight: 10 });
    expect(s.met).toBe(true);
    expect(s.expected).toBe(10);
  });

  test("正向 unmet scores B ÷ A × w", () => {
    const s = score({ direction: "大于等于", target: "≥95%", actual: "90%", weight: 10 });
    expect(s.expected).toBe(9.47);
    expect(s.formulaText).toBe("正向指标未达成：90% ÷ 95% × 10 = 9.47");
  });

  test("a percentage cell (0.9 with 0.00%) against ≥100百分比", () => {
    const s = score({ target: "≥100百分比", actual: { value: 0.9, numberFormat: "0.00%" }, weight: 5 });
    expect(s.expected).toBe(4.5);
  });

  test("a comparison written after the number: 95%以上 is ≥, 3天以内 is ≤", () => {
    const up = score({ target: "95%以上", actual: "90%", weight: 10 });
    expect([up.direction, up.expected]).toEqual(["≥", 9.47]);
    const within = score({ target: "3天以内", actual: "4天", weight: 10 });
    expect([within.direction, within.expected]).toEqual(["≤", 6.67]);
  });

  test("a negative actual counts as 0", () => {
    expect(score({ direction: "≥", target: 10, actual: -3, weight: 5 }).expected).toBe(0);
  });

  test("= with target 0: at most 0 is full, anything above is 0", () => {
    expect(score({ direction: "=", target: "0起", actual: "0起", weight: 5 }).expected).toBe(5);
    expect(score({ direction: "=", target: "0起", actual: "1起", weight: 5 }).expected).toBe(0);
    // A bare number target with no sign is read as = (the platform scores A > 0 like 正向).
    expect(score({ target: "3764家", actual: "3000家", weight: 10 }).expected).toBe(7.97);
  });

  test("units that cannot be reconciled are a problem, not a guess", () => {
    const s = score({ direction: "≥", target: "23万人", actual: "23万元", weight: 10 });
    expect(s.problem?.code).toBe("unit-mismatch");
    expect(s.expected).toBeUndefined();
  });

  test("a 定量 actual that is not a number is unreadable", () => {
    const s = score({ direction: "≥", target: "≥95%", actual: "已完成", weight: 10 });
    expect(s.problem?.code).toBe("unreadable-actual");
  });

  test("over-target penalty steps when configured (200–300% over: −10%)", () => {
    const p: ScoringProfile = { ...NATIONAL, overTargetPenalty: [{ over: 2, deduct: 0.1 }, { over: 3, deduct: 0.2 }, { over: 5, deduct: 0.3 }] };
    expect(score({ direction: "≥", target: 10, actual: 35, weight: 10 }, p).expected).toBe(9);
    expect(score({ direction: "≥", target: 10, actual: 45, weight: 10 }, p).expected).toBe(8);
    expect(score({ direction: "≥", target: 10, actual: 60, weight: 10 }, p).expected).toBe(7);
    expect(score({ direction: "≥", target: 10, actual: 25, weight: 10 }, p).expected).toBe(10);
  });
});

describe("定性 indicators", () => {
  test("national tiers 100–80 / 80–60 / 60–0", () => {
    const s = score({ direction: "定性", target: "达成年度指标", actual: "部分达成年度指标并具有一定效果", weight: 10, score: 7 });
    expect(s.tier?.label).toBe("部分达成年度指标并具有一定效果");
    expect(s.tierRange).toEqual({ min: 6, max: 8, maxInclusive: false });
    expect(score({ target: "达成年度指标", actual: "未达成", weight: 10 }).tierRange).toEqual({ min: 0, max: 6, maxInclusive: false });
    expect(score({ target: "达成年度指标", actual: "达成年度指标", weight: 10 }).tierRange).toEqual({ min: 8, max: 10, maxInclusive: true });
  });

  test("a 完成值 that repeats its 年度指标值 word for word (稳步提高) is 达成; a different word names no tier", () => {
    expect(score({ target: "稳步提高", actual: "稳步提高", weight: 15, score: 15 }).tierRange).toEqual({ min: 12, max: 15, maxInclusive: true });
    expect(score({ target: "平稳 有序", actual: "平稳有序", weight: 10 }).tier?.label).toBe("达成年度指标");
    expect(score({ target: "稳步提高", actual: "有所下降", weight: 15, score: 15 }).tier).toBeUndefined();
  });

  test("湖北 tiers 100–80 / 80–50 / 50–0", () => {
    expect(score({ target: "达成年度指标", actual: "部分达成", weight: 10 }, HUBEI).tierRange).toEqual({ min: 5, max: 8, maxInclusive: false });
    expect(score({ target: "达成年度指标", actual: "未达成", weight: 10 }, HUBEI).tierRange).toEqual({ min: 0, max: 5, maxInclusive: false });
  });
});

describe("profiles pinned to the domain brief", () => {
  test("weights: national 10/50/30/10, 湖北 20/40/40, 四川 10 + 90", () => {
    const w = (p: ScoringProfile) => [p.execWeight, ...p.groups.map((g) => g.weight)];
    expect(w(NATIONAL)).toEqual([10, 50, 30, 10]);
    expect(w(HUBEI)).toEqual([20, 40, 40]);
    expect(w(SICHUAN)).toEqual([10, 90]);
    for (const p of [NATIONAL, HUBEI, SICHUAN, HUNAN]) expect(w(p).reduce((a, b) => a + b, 0)).toBe(p.totalPoints);
  });

  test("grade bands: lower bound inclusive; 湖南 writes 优秀 and accepts it", () => {
    expect(gradeFor(90, NATIONAL)?.grade).toBe("优");
    expect(gradeFor(89.99, NATIONAL)?.grade).toBe("良");
    expect(gradeFor(80, NATIONAL)?.grade).toBe("良");
    expect(gradeFor(60, NATIONAL)?.grade).toBe("中");
    expect(gradeFor(59.99, NATIONAL)?.grade).toBe("差");
    const band = gradeFor(96, HUNAN);
    expect(band?.label).toBe("优秀");
    expect(gradeMatches("优秀", band!)).toBe(true);
    expect(gradeMatches("优", band!)).toBe(true);
    expect(gradeMatches("良", band!)).toBe(false);
  });

  test("四川 asks for a reason below 90%", () => {
    expect(SICHUAN.execReasonBelow).toBe(0.9);
  });

  test("湖南 (岳阳) named indicators: 在职人员控制率 −0.5 per point over 100%", () => {
    const s = score({ level3: "在职人员控制率", direction: "≤", target: "≤100%", actual: "104%", weight: 5 }, HUNAN);
    expect(s.expected).toBe(3);
    expect(score({ level3: "在职人员控制率", target: "≤100%", actual: "100%", weight: 5 }, HUNAN).expected).toBe(5);
  });

  test("湖南 (岳阳) 重点支出安排率 tiers: 85% of 5 gives 4", () => {
    expect(score({ level3: "重点支出安排率", target: "≥90%", actual: "85%", weight: 5 }, HUNAN).expected).toBe(4);
    expect(score({ level3: "重点支出安排率", target: "≥90%", actual: "50%", weight: 5 }, HUNAN).expected).toBe(0);
  });

  test("湖南 (岳阳) 预算调整率: 0 gives 3, 5% gives 2", () => {
    expect(score({ level3: "预算调整率", target: "0%", actual: "0%", weight: 3 }, HUNAN).expected).toBe(3);
    expect(score({ level3: "预算调整率", target: "0%", actual: "5%", weight: 3 }, HUNAN).expected).toBe(2);
  });
});
