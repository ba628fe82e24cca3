/**
 * The rates that tie money cells together (jx_exec_rate over jx_executed ÷ jx_budget_adjusted, a form's
 * declared 执行率 columns): evidence for which cell of a failing relation is the cause, and whether a
 * 元/万元 correction is plausible.
 */
import type { ReportModel } from "../model/report-model";
import { readMoney, readMoneyScalar, type Figure } from "./footing";

/** A rate read as a fraction with its decimals, or undefined. */
function rateOf(value: unknown, percentColumn = false): { value: number; decimals: number } | undefined {
  if (typeof value === "number") return { value: percentColumn || Math.abs(value) > 2 ? value / 100 : value, decimals: 4 };
  if (typeof value !== "string") return undefined;
  const m = /^\s*(-?\d+(?:\.(\d+))?)\s*%\s*$/.exec(value);
  return m ? { value: Number(m[1]) / 100, decimals: (m[2]?.length ?? 0) + 2 } : undefined;
}

/** Whether `rate ≈ numerator ÷ denominator` at the rate's precision. */
function rateHolds(rate: { value: number; decimals: number }, num: number, den: number): boolean {
  if (!(den > 0)) return true;
  return Math.abs(num / den - rate.value) <= 0.5 * Math.pow(10, -rate.decimals) + 1e-9;
}

/**
 * Rates that tie a money cell to others (jx_exec_rate over jx_executed / jx_budget_adjusted; a
 * declared 执行率 column): a cell whose rate agrees with it as written is anchored — changing it would
 * break the rate.
 */
/** Every rate a money cell takes part in: its rate, and the cell's partner (numerator ↔ denominator). */
function ratesOf(model: ReportModel, key: string, headlineOnly = false): { rate: { value: number; decimals: number }; num: Figure; den: Figure }[] {
  const out: { rate: { value: number; decimals: number }; num: Figure; den: Figure }[] = [];
  const s = model.scalars;
  const rate = rateOf(s.jx_exec_rate?.cell?.value);
  const e = readMoneyScalar(model, "jx_executed");
  const b = readMoneyScalar(model, "jx_budget_adjusted");
  if (rate && e && b && !e.blank && !b.blank && (e.key === key || b.key === key)) out.push({ rate, num: e, den: b });
  for (const r of headlineOnly ? [] : (model.rates ?? [])) {
    const n = readMoney(r.numerator.cell, r.numerator.field, model.moneyUnit);
    const d = readMoney(r.denominator.cell, r.denominator.field, model.moneyUnit);
    const q = rateOf(r.rate.cell.cell?.value, r.percent);
    if (n && d && q && (n.key === key || d.key === key)) out.push({ rate: q, num: n, den: d });
  }
  return out;
}

/** Whether a cell at `value` repairs a rate that fails as written (evidence that the cell is the cause). */
export function repairsRate(model: ReportModel, key: string, value: number): boolean {
  return ratesOf(model, key).some(({ rate, num, den }) => !rateHolds(rate, num.value, den.value) && rateHolds(rate, num.key === key ? value : num.value, den.key === key ? value : den.value));
}

/**
 * Whether a cell at `value` breaks the 预算执行率 that holds as written (evidence that it is right). Only
 * the form's headline rate anchors: a row's own 执行率 is usually computed from the row and follows it.
 */
export function anchoredByRate(model: ReportModel, key: string, value: number): boolean {
  return ratesOf(model, key, true).some(({ rate, num, den }) => rateHolds(rate, num.value, den.value) && !rateHolds(rate, num.key === key ? value : num.value, den.key === key ? value : den.value));
}

