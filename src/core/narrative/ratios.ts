/**
 * Ratios from written numbers, as intervals: every written number stands for value ± ½·10^−decimals, so
 * a stated percentage is wrong only when no reading of its inputs gives it.
 */
import { halfWidth, valueIn, type ProseQuantity } from "./extract";

/** A closed interval. */
export type Range = readonly [number, number];

/** A written number's interval in `unit` (its own unit by default). */
export function rangeOf(q: ProseQuantity, unit: string = q.unit): Range | undefined {
  const v = valueIn(q, unit);
  if (v === undefined) return undefined;
  const h = halfWidth(q, unit);
  return [v - h, v + h];
}

/** a ÷ b for positive intervals; undefined when b may be zero or negative. */
export function divide(a: Range, b: Range): Range | undefined {
  if (b[0] <= 0) return undefined;
  return [a[0] / b[1], a[1] / b[0]];
}

/** Whether a stated percentage (its own interval) meets a computed fraction interval. */
export function percentAgrees(stated: ProseQuantity, ratio: Range): boolean {
  const h = halfWidth(stated);
  const lo = ratio[0] * 100;
  const hi = ratio[1] * 100;
  return stated.value + h + 1e-9 >= lo && stated.value - h - 1e-9 <= hi;
}

/** The middle of an interval. */
export function mid(r: Range): number {
  return (r[0] + r[1]) / 2;
}

/** A written number's value in `unit` (its own unit by default). */
export function pointOf(q: ProseQuantity, unit: string = q.unit): number | undefined {
  return valueIn(q, unit);
}

/**
 * Item k's share of a list's sum, as an interval: each item is an interval of the amounts its written
 * figure may stand for (rangeOf); undefined when the sum may be 0.
 */
export function shareOfSum(ranges: readonly Range[], k: number): Range | undefined {
  let lo = 0;
  let hi = 0;
  ranges.forEach((r, j) => {
    if (j === k) return;
    lo += r[0];
    hi += r[1];
  });
  const [a, b] = ranges[k];
  return a + hi > 0 && b + lo > 0 ? [a / (a + hi), b / (b + lo)] : undefined;
}
