/**
 * The cause of a score or weight that does not add up. The 分值 and 得分 of a form are tied together like
 * its money: each 一级/二级 row of the 得分汇总 is the sum of its indicators, the 总分 row is the sum of all,
 * the 分值 total is the profile's (100), and no 得分 exceeds its 分值. When one cell breaks these, the
 * finding belongs at that cell — the one whose correction makes every relation hold — not at the
 * subtotal and the total that still agree with each other (issue 9: "findings at the cause").
 *
 * `settleWeights` and `settleScores` find that cell from the relations alone (a unique candidate), or,
 * when several cells would do, from the cell's own evidence (a 得分 above its 分值, a 得分 outside its
 * 定性 tier or away from the formula, which the corrected value cures). The scorer then scores the
 * corrected value, so the subtotal, total and 执行率 rules stay quiet, and the finding is at the cause.
 */
import type { CellRef } from "../model/snapshot";

/** One weight or score cell as the settle search sees it. */
export interface SettleCell {
  /** Indicator row, or "exec" for the 预算执行率 分值. */
  readonly key: number | "exec";
  readonly ref: CellRef;
  readonly item: string;
  readonly value: number;
  /** The 得分 this 分值 must not fall below / the 分值 this 得分 must not exceed. */
  readonly bound?: number;
  /** Other relations the corrected value must keep (the 预算执行率得分 formula over its 分值). */
  readonly valid?: (value: number) => boolean;
  /** The cell's own evidence of being wrong as written, and what the corrected value must satisfy to cure it. */
  readonly evidence?: (value: number) => boolean;
  /**
   * The cell's own evidence of being RIGHT as written, which the corrected value would break (a 得分 equal
   * to what its indicator's formula gives): such a cell is no cause, the sum it breaks is.
   */
  readonly contradicts?: (value: number) => boolean;
}

/** A relation the cells must satisfy: Σ cells (by key) + constant = target. */
export interface SettleSum {
  readonly keys: readonly (number | "exec")[];
  readonly constant: number;
  readonly target: number;
  /** The anchor in words (`“产出指标”分值 50`, `分值合计 100`). */
  readonly name: string;
}

/** A cell found to be the cause, with the value that makes every relation hold. */
export interface Settled {
  readonly key: number | "exec";
  readonly ref: CellRef;
  readonly item: string;
  readonly written: number;
  readonly value: number;
  /** The relations that fix its value, in words. */
  readonly anchor: string;
  /** The cell is wrong by its own evidence too (a 得分 above its 分值 …): another rule reports it there. */
  readonly evident: boolean;
}

/** The outcome of a search: a cause, or the cells that could each be it (empty when none fits). */
export interface SettleOutcome {
  readonly settled?: Settled;
  readonly candidates: readonly SettleCell[];
  /** The relations that fail as written. */
  readonly failing: readonly SettleSum[];
}

function holds(s: SettleSum, values: ReadonlyMap<number | "exec", number>, tolerance: number): boolean {
  let total = s.constant;
  for (const k of s.keys) total += values.get(k) ?? 0;
  return Math.abs(total - s.target) <= tolerance;
}

/**
 * The single cell whose correction makes every sum hold, within bounds (a 分值 not below its 得分, a 得分
 * within 0 and its 分值).
 * @param cells - the cells that may be wrong
 * @param sums - the relations among them
 * @param tolerance - how close a sum must come
 * @param kind - weights must stay ≥ their bound; scores ≤ theirs
 */
export function settle(cells: readonly SettleCell[], sums: readonly SettleSum[], tolerance: number, kind: "weight" | "score"): SettleOutcome {
  const values = new Map(cells.map((c) => [c.key, c.value]));
  const failing = sums.filter((s) => !holds(s, values, tolerance));
  if (failing.length === 0) return { candidates: [], failing };
  const candidates: { cell: SettleCell; value: number }[] = [];
  for (const cell of cells) {
    const first = failing.find((s) => s.keys.includes(cell.key));
    // A cell outside a failing relation cannot repair it.
    if (!first || failing.some((s) => !s.keys.includes(cell.key))) continue;
    let others = first.constant;
    for (const k of first.keys) if (k !== cell.key) others += values.get(k) ?? 0;
    const value = Math.round((first.target - others) * 1e8) / 1e8;
    if (value < -tolerance) continue;
    if (kind === "weight" && cell.bound !== undefined && value < cell.bound - tolerance) continue;
    if (kind === "score" && cell.bound !== undefined && value > cell.bound + tolerance) continue;
    if (cell.valid && !cell.valid(value)) continue;
    const trial = new Map(values);
    trial.set(cell.key, value);
    if (!sums.every((s) => holds(s, trial, tolerance))) continue;
    candidates.push({ cell, value });
  }
  // The only cell the relations allow is still no cause when its own evidence says it is right as written
  // (its 得分 is what its formula gives): the sum it would repair is then the one at fault.
  const pick = candidates.length === 1 && !candidates[0].cell.contradicts?.(candidates[0].value) ? candidates[0] : undefined;
  const evidenced = candidates.filter((c) => c.cell.evidence?.(c.value));
  const chosen = pick ?? (evidenced.length === 1 ? evidenced[0] : undefined);
  if (!chosen) return { candidates: candidates.map((c) => c.cell), failing };
  return {
    settled: {
      key: chosen.cell.key,
      ref: chosen.cell.ref,
      item: chosen.cell.item,
      written: chosen.cell.value,
      value: chosen.value,
      anchor: sums.filter((s) => s.keys.includes(chosen.cell.key)).map((s) => s.name).join("、"),
      evident: chosen.cell.evidence?.(chosen.value) === true,
    },
    candidates: candidates.map((c) => c.cell),
    failing,
  };
}
