/**
 * The cause of a failing relation: the one cell whose correction makes every relation around it hold.
 * A 年度资金总额 that agrees with its 按收入性质 split but not with its 按支出性质 split is right; the
 * 项目支出 that alone breaks the second split is the cell to correct. When several cells would do, the
 * total is named (the clerk judges) and the finding says so.
 */
import type { ReportModel } from "../model/report-model";
import { roundTo } from "../units/parse";
import { checksInvolving, evaluate, readMoney, readMoneyScalar, type Figure, type Overrides, type SumCheck } from "./footing";

/** The cell to correct and the value that makes every relation hold. */
export interface Cause {
  readonly figure: Figure;
  readonly value: number;
  readonly decimals: number;
  /** No other single cell would do as well. */
  readonly unique: boolean;
}

function decimalsOf(f: Figure): number {
  return Number.isFinite(f.decimals) ? Math.max(0, f.decimals) : 2;
}

/** A rate read as a fraction with its decimals, or undefined. */
function rateOf(value: unknown): { value: number; decimals: number } | undefined {
  if (typeof value === "number") return { value: Math.abs(value) > 2 ? value / 100 : value, decimals: 4 };
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
function anchoredByRate(model: ReportModel, key: string, value: number): boolean {
  const s = model.scalars;
  const rate = rateOf(s.jx_exec_rate?.cell?.value);
  const e = readMoneyScalar(model, "jx_executed");
  const b = readMoneyScalar(model, "jx_budget_adjusted");
  if (rate && e && b && !e.blank && !b.blank && (e.key === key || b.key === key) && rateHolds(rate, e.value, b.value)) {
    return !rateHolds(rate, e.key === key ? value : e.value, b.key === key ? value : b.value);
  }
  for (const r of model.rates ?? []) {
    const n = readMoney(r.numerator.cell, r.numerator.field, model.moneyUnit);
    const d = readMoney(r.denominator.cell, r.denominator.field, model.moneyUnit);
    const q = rateOf(r.rate.cell.cell?.value);
    if (!n || !d || !q || (n.key !== key && d.key !== key) || !rateHolds(q, n.value, d.value)) continue;
    if (!rateHolds(q, n.key === key ? value : n.value, d.key === key ? value : d.value)) return true;
  }
  return false;
}

/**
 * The cause of a failing check: each of its cells is tried at the value that makes the check hold;
 * it qualifies when every check around the failing one (those sharing a cell with it) then holds, and
 * no rate that agrees with it as written is broken.
 * @param model - the mapped workbook
 * @param check - a failing check
 * @param kept - the checks that count (those not left to another rule)
 * @returns the cause, or undefined when no single cell explains the failure
 */
export function causeOf(model: ReportModel, check: SumCheck, kept: (c: SumCheck) => boolean = () => true): Cause | undefined {
  const around = new Set<SumCheck>();
  for (const f of [check.target, ...check.terms.map((t) => t.figure)]) for (const c of checksInvolving(model, f.key)) if (kept(c)) around.add(c);
  const total = check.terms.reduce((s, t) => s + t.sign * t.figure.value, 0);
  const candidates: Cause[] = [];
  const tries: { figure: Figure; value: number }[] = [{ figure: check.target, value: total }];
  for (const t of check.terms) {
    // target = Σ sign·terms: this term alone would have to be (target − the others) × sign.
    const others = total - t.sign * t.figure.value;
    tries.push({ figure: t.figure, value: t.sign * (check.target.value - others) });
  }
  const seen = new Set<string>();
  for (const { figure, value: raw } of tries) {
    if (seen.has(figure.key)) continue;
    seen.add(figure.key);
    const decimals = decimalsOf(figure);
    const value = roundTo(raw, decimals);
    if (value < 0 && figure.value >= 0) continue;
    const overrides: Overrides = new Map([[figure.key, { value, decimals }]]);
    if (![...around].every((c) => evaluate(c, overrides).ok)) continue;
    if (anchoredByRate(model, figure.key, value)) continue;
    candidates.push({ figure, value, decimals, unique: false });
  }
  if (candidates.length === 1) return { ...candidates[0], unique: true };
  const target = candidates.find((c) => c.figure.key === check.target.key);
  if (target) return target;
  // The total is anchored (its rate agrees with it): of the parts that could be wrong, a written figure
  // is the likelier slip than a 0 or a blank beside it (a 其中 row of 0 in every column).
  const written = candidates.filter((c) => !c.figure.blank && c.figure.value !== 0);
  return written.length === 1 ? written[0] : undefined;
}
