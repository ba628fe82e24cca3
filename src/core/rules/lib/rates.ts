/**
 * Rates (执行率) checked against executed / budget with rounding intervals: the rate's own interval
 * must contain some value of executed-interval ÷ budget-interval.
 */
import type { BoundCell } from "../../model/report-model";
import { parseCell } from "../../units/parse";
import { formatNumber } from "../../units/convert";
import { roundTo } from "../../units/parse";
import type { Figure } from "../../relations/footing";

/** A rate read as a fraction. */
export interface RateFigure {
  readonly value: number;
  /** Decimals of the fraction (99.74% → 4). */
  readonly decimals: number;
}

/**
 * Read a rate cell: a fraction with a % format, text such as `99.74%`, a General fraction, or percent
 * points typed without % (a plain number above 2, e.g. `99.74`, is read as 99.74%: no 执行率 is 200-fold;
 * any plain number when `percentColumn`, the column's header saying `（%）`).
 * Returns undefined for blanks, text and errors.
 */
export function readRate(bound: BoundCell | undefined, percentColumn = false): RateFigure | undefined {
  const p = parseCell(bound?.cell);
  if (p.kind !== "number") return undefined;
  if (p.unit !== undefined && !p.percent) return undefined;
  // Under a header in percent (`占比（%）`) every plain number is percent points, small ones too.
  if (!p.percent && (percentColumn || Math.abs(p.value) > 2)) return { value: roundTo(p.value / 100, p.decimals + 2), decimals: p.decimals + 2 };
  return { value: p.value, decimals: p.decimals };
}

/** The outcome of a rate check. */
export interface RateResult {
  readonly ok: boolean;
  /** executed ÷ budget. */
  readonly ratio: number;
  /** The ratio at the decimals a fix writes (4: `0.00%`) or the rate's own, whichever is finer. */
  readonly expected: number;
  readonly expectedText: string;
  readonly actualText: string;
}

function range(f: Figure): [number, number] {
  const half = Number.isFinite(f.decimals) ? 0.5 * Math.pow(10, -f.decimals) : 0;
  return [f.value - half, f.value + half];
}

/**
 * Check `rate = executed / budget`. Undefined when it cannot be judged (budget not positive).
 */
export function checkRate(rate: RateFigure, executed: Figure, budget: Figure): RateResult | undefined {
  if (!(budget.value > 0)) return undefined;
  const [eLo, eHi] = range(executed);
  const [bLo, bHi] = range(budget);
  const ratio = executed.value / budget.value;
  const qLo = bHi > 0 ? Math.min(eLo / bHi, eLo / Math.max(bLo, Number.MIN_VALUE)) : ratio;
  const qHi = bLo > 0 ? Math.max(eHi / bLo, eHi / bHi) : Number.POSITIVE_INFINITY;
  const half = 0.5 * Math.pow(10, -rate.decimals);
  const eps = 1e-12 * Math.max(1, Math.abs(ratio));
  const ok = rate.value - half <= qHi + eps && qLo <= rate.value + half + eps;
  const decimals = Math.max(4, rate.decimals);
  const expected = roundTo(ratio, decimals);
  return {
    ok,
    ratio,
    expected,
    expectedText: formatNumber(ratio, decimals, { unit: "%" }),
    actualText: formatNumber(rate.value, Math.max(2, rate.decimals), { unit: "%" }),
  };
}
