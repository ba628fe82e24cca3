/**
 * The cause of a failing relation: the one cell whose correction makes every relation around it hold.
 * A 年度资金总额 that agrees with its 按收入性质 split but not with its 按支出性质 split is right; the
 * 项目支出 that alone breaks the second split is the cell to correct. When several cells would do, the
 * total is named (the clerk judges) and the finding says so.
 */
import type { ReportModel } from "../model/report-model";
import { roundTo } from "../units/parse";
import { checksOf, evaluate, formChecks, type Figure, type Overrides, type SumCheck } from "./footing";
import { checksTouchingUnitMistakes } from "./unit-mistakes";
import { anchoredByRate, repairsRate } from "./rate-links";
import { anchoredBySummary, repairsSummary } from "./summary-links";

/** The cell to correct and the value that makes every relation hold. */
export interface Cause {
  readonly figure: Figure;
  readonly value: number;
  readonly decimals: number;
  /** No other single cell would do as well. */
  readonly unique: boolean;
  /** When not unique: the other cells that would do as well (the finding names them all). */
  readonly alternatives?: readonly Figure[];
}

/** The decimals a figure's correction is written with (2 for a blank). */
export function decimalsOf(f: Figure): number {
  return Number.isFinite(f.decimals) ? Math.max(0, f.decimals) : 2;
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
  for (const f of [check.target, ...check.terms.map((t) => t.figure)]) for (const c of checksOf(model, f)) if (kept(c)) around.add(c);
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
    // A 年度资金总额 that its 汇总 row repeats is corroborated there (the 执行率 of a project with nothing
    // spent, 0 ÷ anything, cannot tell): the 其中 row is the slip.
    if (anchoredBySummary(model, figure, value)) continue;
    candidates.push({ figure, value, decimals, unique: false });
  }
  if (candidates.length === 1) return { ...candidates[0], unique: true };
  // A cell whose correction also repairs a rate that fails as written is the cause (a 年度资金总额 +10:
  // its 执行率 agrees with the sum of the 其中 rows, not with it).
  // Likewise a cell whose correction restores its agreement with the 汇总 row that repeats it.
  const supported = candidates.filter((c) => repairsRate(model, c.figure.key, c.value) || repairsSummary(model, c.figure, c.value));
  if (supported.length === 1) return { ...supported[0], unique: true };
  const target = candidates.find((c) => c.figure.key === check.target.key);
  if (target) return target;
  // The total is anchored (its rate agrees with it): of the parts that could be wrong, a written figure
  // is the likelier slip than a 0 or a blank beside it (a 其中 row of 0 in every column).
  const written = candidates.filter((c) => !c.figure.blank && c.figure.value !== 0);
  if (written.length === 1) return written[0];
  // Still several (本年收入合计 848.75, corroborated by 收入总计, over 一般公共预算 848.75 + 国有资本经营
  // 184.31): a part whose whole amount is the excess is the stray entry (a line that should be empty);
  // cutting another part by that amount is the less likely repair. Named, not certain (no fix).
  const cleared = written.filter((c) => c.value === 0);
  if (cleared.length === 1) return cleared[0];
  // Several written parts would do, the total being anchored: none is certain. The finding goes to one of
  // them, naming the others — never to the total that every other relation confirms. First the part
  // whose row holds nothing in its other columns (a 0 row given an amount in one column), else the first.
  if (written.length >= 2) {
    const ordered = [...written].sort((a, b) => Number(emptyElsewhere(model, b.figure)) - Number(emptyElsewhere(model, a.figure)));
    return { ...ordered[0], unique: false, alternatives: ordered.slice(1).map((c) => c.figure) };
  }
  return undefined;
}

/** The row of a declared block (`form.grid.row.column`) is 0 or blank in every other column it has. */
function emptyElsewhere(model: ReportModel, figure: Figure): boolean {
  const dot = figure.field.lastIndexOf(".");
  if (dot < 0) return false;
  const prefix = figure.field.slice(0, dot + 1);
  const peers = new Map<string, Figure>();
  for (const c of formChecks(model)) {
    for (const f of [c.target, ...c.terms.map((t) => t.figure)]) if (f.key !== figure.key && f.field.startsWith(prefix)) peers.set(f.key, f);
  }
  return peers.size > 0 && [...peers.values()].every((f) => f.value === 0);
}

const corrections = new WeakMap<ReportModel, ReadonlyMap<string, { value: number; decimals: number }>>();

/**
 * The cells a form's failing relations blame without doubt (a unique cause), at the values that make
 * every relation hold: what the rate and score checks judge instead of the written value, so that one
 * wrong 年度资金总额 is one finding, not three.
 */
export function causeCorrections(model: ReportModel): ReadonlyMap<string, { value: number; decimals: number }> {
  const hit = corrections.get(model);
  if (hit) return hit;
  const out = new Map<string, { value: number; decimals: number }>();
  const touching = checksTouchingUnitMistakes(model);
  // The checks that count, tested per check (listing them all would build every check of the workbook).
  const kept = (c: SumCheck): boolean => c.kind !== "project" && !touching.has(c);
  for (const check of formChecks(model)) {
    if (!kept(check) || evaluate(check).ok) continue;
    const cause = causeOf(model, check, kept);
    if (cause?.unique) out.set(cause.figure.key, { value: cause.value, decimals: cause.decimals });
  }
  corrections.set(model, out);
  return out;
}

/** A money figure as it reads once a form relation's certain cause is corrected (itself otherwise). */
export function settledFigure(model: ReportModel, figure: Figure): Figure {
  const c = causeCorrections(model).get(figure.key);
  return c ? { ...figure, value: c.value, decimals: c.decimals } : figure;
}
