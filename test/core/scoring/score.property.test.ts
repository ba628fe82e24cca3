import fc from "fast-check";
import type { TableRow } from "../../../src/core/model/report-model";
import { NATIONAL } from "../../../src/core/scoring/profiles";
import { scoreIndicatorRow } from "../../../src/core/scoring/score";
import type { ScoringProfile } from "../../../src/core/scoring/types";

function row(direction: string, target: number, actual: number, weight: number): TableRow {
  const cell = (address: string, value: string | number) => ({ ref: { sheet: "指标", address }, cell: { value } });
  return {
    row: 2,
    isSummary: false,
    level1: "产出指标",
    level2: "数量指标",
    cells: {
      level3: cell("C2", "指标"),
      direction: cell("D2", direction),
      target: cell("E2", target),
      actual: cell("F2", actual),
      weight: cell("G2", weight),
    },
  };
}

const amount = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100);
const weight = fc.integer({ min: 1, max: 50 });
const profiles: ScoringProfile[] = [NATIONAL, { ...NATIONAL, negative: "inverse-ratio" }];

describe("indicator scores, for any values", () => {
  test("stay within 0 and the 分值", () => {
    fc.assert(
      fc.property(fc.constantFrom("≥", "≤", "="), amount, amount, weight, fc.constantFrom(...profiles), (d, a, b, w, p) => {
        const s = scoreIndicatorRow(row(d, a, b, w), p);
        expect(s.expected).toBeDefined();
        expect(s.expected!).toBeGreaterThanOrEqual(0);
        expect(s.expected!).toBeLessThanOrEqual(w);
      }),
    );
  });

  test("正向 never scores less for a larger 完成值; 反向 never more", () => {
    fc.assert(
      fc.property(amount, amount, amount, weight, fc.constantFrom(...profiles), (a, b1, b2, w, p) => {
        const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
        const pos = (b: number) => scoreIndicatorRow(row("≥", a, b, w), p).expected!;
        const neg = (b: number) => scoreIndicatorRow(row("≤", a, b, w), p).expected!;
        expect(pos(hi)).toBeGreaterThanOrEqual(pos(lo));
        expect(neg(hi)).toBeLessThanOrEqual(neg(lo));
      }),
    );
  });

  test("a met target always scores the full 分值", () => {
    fc.assert(
      fc.property(amount, amount, weight, (a, extra, w) => {
        expect(scoreIndicatorRow(row("≥", a, a + extra, w), NATIONAL)).toMatchObject({ met: true, expected: w });
        expect(scoreIndicatorRow(row("≤", a + extra, a, w), NATIONAL)).toMatchObject({ met: true, expected: w });
      }),
    );
  });
});
