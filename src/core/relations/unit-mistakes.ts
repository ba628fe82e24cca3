/**
 * 元 vs 万元 mistakes, detected once and shared: no-unit-mistake reports them, and total-matches-parts,
 * project-row-consistent and exec-rate-matches skip whatever involves a flagged cell, so that one
 * slip is one finding.
 */
import type { ReportModel } from "../model/report-model";
import { roundTo, shiftDecimal } from "../units/parse";
import type { TableId } from "../schema/fields";
import { anchoredByRate } from "./rate-links";
import {
  MONEY_SCALARS,
  checkAt,
  checkIdOf,
  checkIdsOf,
  checksOf,
  decimalsAt,
  failingChecks,
  failingFlags,
  figureAt,
  flatOf,
  footingOf,
  formChecks,
  halfAt,
  halfWidth,
  holdsAsIs,
  holdsAsIsAt,
  overridesBySlot,
  rowAt,
  sheetAt,
  slotForKey,
  isFormCheck,
  isProjectCheck,
  readMoneyScalar,
  rowName,
  slotOf,
  type Figure,
  writtenAt,
  type Footing,
  type Overrides,
  type SumCheck,
} from "./footing";

/** The factor between 元 and 万元. */
export const UNIT_FACTOR = 10000;

/** A cell that is off by a factor of 10 000. */
export interface UnitMistake {
  readonly figure: Figure;
  /** Multiply the cell by this to correct it: 1/10000 (entered in 元) or 10000 (entered in 万元). */
  readonly factor: number;
  /** The corrected value, rounded to the decimals it would naturally have. */
  readonly corrected: number;
  /**
   * A table cell (judged by its relations), a whole table row entered in the other unit (`figure` is
   * its first money cell, `alsoCorrected` the rest), or a money scalar (judged against the others).
   */
  readonly kind: "table" | "row" | "scalar";
  /** For a scalar: the other scalars it was compared with. */
  readonly comparedWith: readonly Figure[];
  /** For a row: the row's other money cells, corrected by the same factor. */
  readonly alsoCorrected: readonly { readonly figure: Figure; readonly corrected: number }[];
  /** For a row: its name (机构名称). */
  readonly rowName?: string;
}

/**
 * The figure corrected by `factor`. Computed each time it is asked: with the exact fast paths of
 * shiftDecimal and roundTo this costs less than a memo keyed by figure did.
 */
function correctedOf(f: Figure, factor: number): { readonly value: number; readonly decimals: number } {
  return computeCorrected(f, factor);
}

function computeCorrected(f: Figure, factor: number): { value: number; decimals: number } {
  const shift = factor > 1 ? -4 : 4;
  const written = Number.isFinite(f.writtenDecimals) ? f.writtenDecimals : 0;
  const decimals = Math.max(0, written + shift);
  const raw = shiftDecimal(f.value, factor > 1 ? 4 : -4);
  const value = Number.isFinite(raw) ? raw : f.value * factor;
  return { value: roundTo(value, Math.min(decimals + 2, 20)), decimals: Math.max(f.decimals + shift, 0) };
}

/** Checks with fewer terms than this are simply evaluated: the shortcut only pays on 汇总 checks. */
const SHORTCUT_TERMS = 16;

/** A long check's sums as written, to judge a few overridden terms without re-adding them all. */
interface Prepared {
  readonly lo: number;
  readonly hi: number;
  /** Σ (|value| + half) over the terms: bounds the rounding error of the sums. */
  readonly magnitude: number;
  /** Term positions by figure key, built when a key is first asked about (see positionsOf). */
  positions?: ReadonlyMap<string, readonly number[]>;
  /**
   * The positions of the largest |value|s, largest first (at most TOP_TERMS): the scale when the
   * largest terms are overridden. A full sort of a 汇总 check's terms would cost more than the search.
   */
  readonly top: readonly number[];
}

/** Largest terms kept per prepared check; overriding more of them than this rescans the terms. */
const TOP_TERMS = 4;

const prepared = new WeakMap<SumCheck, Prepared>();

function halfOf(decimals: number): number {
  return halfWidth(decimals);
}

function prepare(check: SumCheck): Prepared {
  const hit = prepared.get(check);
  if (hit) return hit;
  let lo = 0;
  let hi = 0;
  let magnitude = 0;
  const top: number[] = [];
  const terms = check.terms;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    const f = term.figure;
    const half = halfOf(f.decimals);
    lo += term.sign > 0 ? f.value - half : -(f.value + half);
    hi += term.sign > 0 ? f.value + half : -(f.value - half);
    const abs = Math.abs(f.value);
    magnitude += abs + half;
    // Insert into the short list of the largest (ties keep the earlier term first, as a stable sort).
    if (top.length < TOP_TERMS || abs > Math.abs(terms[top[top.length - 1]].figure.value)) {
      let j = Math.min(top.length, TOP_TERMS - 1);
      while (j > 0 && abs > Math.abs(terms[top[j - 1]].figure.value)) j--;
      top.splice(j, 0, i);
      if (top.length > TOP_TERMS) top.pop();
    }
  }
  const out: Prepared = { lo, hi, magnitude, top };
  prepared.set(check, out);
  return out;
}

/** The positions of each figure key among a prepared check's terms (built once per check, on demand). */
function positionsOf(check: SumCheck, p: Prepared): ReadonlyMap<string, readonly number[]> {
  if (p.positions) return p.positions;
  const positions = new Map<string, number[]>();
  const terms = check.terms;
  for (let i = 0; i < terms.length; i++) {
    const key = terms[i].figure.key;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  }
  p.positions = positions;
  return positions;
}

/**
 * The largest |value| among the terms not overridden (`skip`), as the full list sorted by magnitude
 * would give it: from the short list when one of its terms is not overridden, else by a scan.
 */
function largestNotOverridden(check: SumCheck, p: Prepared, skip: (i: number) => boolean): number {
  for (const i of p.top) if (!skip(i)) return Math.abs(check.terms[i].figure.value);
  if (p.top.length < TOP_TERMS) return -Infinity;
  let max = -Infinity;
  const terms = check.terms;
  for (let i = 0; i < terms.length; i++) if (!skip(i)) max = Math.max(max, Math.abs(terms[i].figure.value));
  return max;
}

/**
 * The long-check shortcut's running interval while terms are swapped for their corrections (see
 * {@link holds}): lo/hi are the sum's bounds, `magnitude` the sum of absolute values for the error
 * bound, `overriddenMax` the largest correction. One scratch object: these judgements run for every
 * cell of a failing 汇总 check, and none of them starts another before it ends.
 */
interface Swing {
  lo: number;
  hi: number;
  magnitude: number;
  overriddenMax: number;
}
const swing: Swing = { lo: 0, hi: 0, magnitude: 0, overriddenMax: 0 };

/** The scratch swing, started from a check's prepared bounds. */
function startSwing(p: { readonly lo: number; readonly hi: number; readonly magnitude: number }): Swing {
  swing.lo = p.lo;
  swing.hi = p.hi;
  swing.magnitude = p.magnitude;
  swing.overriddenMax = 0;
  return swing;
}

/**
 * Replace, in the swing, a term (value `v`, half-width `fh`, added when `plus`) by its correction
 * (value `ov`, half-width `h`). Every caller does this arithmetic in this order, so their verdicts are
 * bit for bit the same.
 */
function swapTerm(sw: Swing, v: number, fh: number, plus: boolean, ov: number, h: number): void {
  sw.lo -= plus ? v - fh : -(v + fh);
  sw.hi -= plus ? v + fh : -(v - fh);
  sw.lo += plus ? ov - h : -(ov + h);
  sw.hi += plus ? ov + h : -(ov - h);
  sw.magnitude += Math.abs(ov) + h;
  sw.overriddenMax = Math.max(sw.overriddenMax, Math.abs(ov));
}

/**
 * The shortcut's verdict on a swung check of `n` terms, `changed` of them swapped, against the target
 * (`tValue` ± `tHalf`), the scale as evaluate() computes it (`largest`: the largest term left as
 * written): true or false when the interval decides beyond rounding error, undefined when only the
 * exact re-sum can.
 */
function swingVerdict(sw: Swing, tValue: number, tHalf: number, largest: number, n: number, changed: number): boolean | undefined {
  const scale = Math.max(Math.abs(tValue), sw.overriddenMax, largest);
  const eps = 1e-9 * Math.max(1, scale);
  const a = tValue + tHalf + eps - sw.lo;
  const b = sw.hi + eps - (tValue - tHalf);
  // Both sums (evaluate's, in term order, and this one) are within (n + terms changed) ulps of the
  // exact sums; twice that, plus the target's share, is a safe margin.
  const error = 4 * (n + 2 * changed + 8) * Number.EPSILON * (sw.magnitude + Math.abs(tValue) + tHalf + eps);
  if (a > error && b > error) return true;
  if (a < -error || b < -error) return false;
  return undefined;
}

/**
 * `evaluate(check, overrides).ok`, in time proportional to the overridden terms rather than to all
 * terms. The sums are updated by the overridden terms' differences; adding in another order rounds
 * differently, by at most a few ulps of Σ|terms| per term, so when the verdict is that close to the
 * edge the check is evaluated in full — the answer is always exactly evaluate()'s.
 */
function holds(check: SumCheck, overrides?: Overrides): boolean {
  const ft = flatOf(check);
  if (ft !== undefined) {
    const c = checkIdOf(check);
    if (termCount(ft, c) < SHORTCUT_TERMS || overrides === undefined || overrides.size === 0) return holdsAsIsAt(ft, c, overridesBySlot(ft, overrides));
    return holdsLongAt(ft, c, overrides);
  }
  const n = check.terms.length;
  if (n < SHORTCUT_TERMS || overrides === undefined || overrides.size === 0) return holdsAsIs(check, overrides);
  const p = prepare(check);
  const positions = positionsOf(check, p);
  const sw = startSwing(p);
  const overridden = new Set<number>();
  for (const [key, o] of overrides) {
    const at = positions.get(key);
    if (!at) continue;
    for (const i of at) {
      const { figure: f, sign } = check.terms[i];
      swapTerm(sw, f.value, halfOf(f.decimals), sign > 0, o.value, halfOf(o.decimals));
      overridden.add(i);
    }
  }
  // The target, its half-width and the scale exactly as evaluate() computes them.
  const to = overrides.get(check.target.key);
  const tValue = to ? to.value : check.target.value;
  const tHalf = halfOf(to ? to.decimals : check.target.decimals);
  const largest = largestNotOverridden(check, p, (i) => overridden.has(i));
  return swingVerdict(sw, tValue, tHalf, largest, n, overridden.size) ?? holdsAsIs(check, overrides);
}

/**
 * `holds(check, new Map([[key, o]]))` without the map: the same arithmetic in the same order. The
 * searches below try one corrected cell at a time against every check that involves it.
 */
function holdsOne(check: SumCheck, key: string, o: { readonly value: number; readonly decimals: number }): boolean {
  const ft = flatOf(check);
  if (ft !== undefined) return holdsOneFlat(ft, checkIdOf(check), slotForKey(ft, key), o);
  const terms = check.terms;
  const n = terms.length;
  const target = check.target;
  if (n < SHORTCUT_TERMS) {
    // holdsAsIs(check, {key: o}), inlined.
    const to = target.key === key ? o : undefined;
    const tValue = to ? to.value : target.value;
    const tDecimals = to ? to.decimals : target.decimals;
    const tHalf = halfWidth(tDecimals);
    let lo = 0;
    let hi = 0;
    let scale = Math.abs(tValue);
    for (let i = 0; i < n; i++) {
      const term = terms[i];
      const f = term.figure;
      const mine = f.key === key;
      const value = mine ? o.value : f.value;
      const decimals = mine ? o.decimals : f.decimals;
      const half = halfWidth(decimals);
      lo += term.sign > 0 ? value - half : -(value + half);
      hi += term.sign > 0 ? value + half : -(value - half);
      scale = Math.max(scale, Math.abs(value));
    }
    const eps = 1e-9 * Math.max(1, scale);
    return lo <= tValue + tHalf + eps && tValue - tHalf <= hi + eps;
  }
  return holdsOneLong(check, key, o, positionsOf(check, prepare(check)).get(key));
}

/**
 * holdsOne(check, key, o) when the key's positions among the terms are known: `at` the one term
 * position of the key, or -1 when the key is not a term (only the target, or nothing). For a check with
 * one figure per row, whose terms are walked in order.
 */
function holdsOneAt(check: SumCheck, key: string, o: { readonly value: number; readonly decimals: number }, at: number): boolean {
  const ft = flatOf(check);
  if (ft !== undefined) {
    const c = checkIdOf(check);
    const k = slotForKey(ft, key);
    return termCount(ft, c) < SHORTCUT_TERMS ? holdsOneFlat(ft, c, k, o) : holdsOneLongFlat(ft, c, k, o, at < 0 ? undefined : at);
  }
  if (check.terms.length < SHORTCUT_TERMS) return holdsOne(check, key, o);
  return holdsOneLong(check, key, o, at < 0 ? undefined : [at]);
}

/** holdsOne's shortcut for a long check, the key at positions `at` among the terms (undefined: none). */
function holdsOneLong(check: SumCheck, key: string, o: { readonly value: number; readonly decimals: number }, at: readonly number[] | undefined): boolean {
  const terms = check.terms;
  const n = terms.length;
  const target = check.target;
  const p = prepare(check);
  const sw = startSwing(p);
  const count = at ? at.length : 0;
  if (at) {
    for (const i of at) {
      const { figure: f, sign } = terms[i];
      swapTerm(sw, f.value, halfOf(f.decimals), sign > 0, o.value, halfOf(o.decimals));
    }
  }
  const to = target.key === key ? o : undefined;
  const tValue = to ? to.value : target.value;
  const tHalf = halfOf(to ? to.decimals : target.decimals);
  const largest = largestNotOverridden(check, p, (i) => at !== undefined && at.includes(i));
  return swingVerdict(sw, tValue, tHalf, largest, n, count) ?? holdsAsIs(check, new Map([[key, o]]));
}

/*
 * The same judgements over the model's flat footing (footing.ts: Footing), by check number and slot,
 * for the searches that walk every check or every cell of a failing 汇总 check: no SumCheck, Figure or
 * key string is built for a cell that turns out not to be a slip. A cell is named by its canonical slot
 * (slotOf), which two slots share exactly when they share a key. Form checks (few, and their figures
 * may carry the form's own fields) are judged on their objects, by the functions above.
 */

/** correctedOf(figureAt(ft, s), factor), from the flat arrays: the same arithmetic. */
function correctedAt(ft: Footing, s: number, factor: number): { value: number; decimals: number } {
  const shift = factor > 1 ? -4 : 4;
  const w = writtenAt(ft, s);
  const written = Number.isFinite(w) ? w : 0;
  const decimals = Math.max(0, written + shift);
  const v = ft.value[s];
  const raw = shiftDecimal(v, factor > 1 ? 4 : -4);
  const value = Number.isFinite(raw) ? raw : v * factor;
  return { value: roundTo(value, Math.min(decimals + 2, 20)), decimals: Math.max(decimalsAt(ft, s) + shift, 0) };
}

/** Prepared (see above) for a table check by number; positions by canonical slot. */
interface PreparedAt {
  readonly lo: number;
  readonly hi: number;
  readonly magnitude: number;
  readonly top: readonly number[];
  /** Term positions by canonical slot (a number for the usual single position), built on demand. */
  positions?: ReadonlyMap<number, number | number[]>;
}

const preparedAt = new WeakMap<Footing, Map<number, PreparedAt>>();

/** prepare() of table check `c`: the same sums in the same order. */
function prepareAt(ft: Footing, c: number): PreparedAt {
  let byCheck = preparedAt.get(ft);
  if (!byCheck) preparedAt.set(ft, (byCheck = new Map()));
  const hit = byCheck.get(c);
  if (hit) return hit;
  const { value, termSlot, termSign } = ft;
  const from = ft.termStart[c];
  const n = ft.termStart[c + 1] - from;
  let lo = 0;
  let hi = 0;
  let magnitude = 0;
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = termSlot[from + i];
    const v = value[s];
    const h = halfAt(ft, s);
    const plus = termSign[from + i] > 0;
    lo += plus ? v - h : -(v + h);
    hi += plus ? v + h : -(v - h);
    const abs = Math.abs(v);
    magnitude += abs + h;
    if (top.length < TOP_TERMS || abs > Math.abs(value[termSlot[from + top[top.length - 1]]])) {
      let j = Math.min(top.length, TOP_TERMS - 1);
      while (j > 0 && abs > Math.abs(value[termSlot[from + top[j - 1]]])) j--;
      top.splice(j, 0, i);
      if (top.length > TOP_TERMS) top.pop();
    }
  }
  const out: PreparedAt = { lo, hi, magnitude, top };
  byCheck.set(c, out);
  return out;
}

/** The positions of each canonical slot among a table check's terms (positionsOf by slot). */
function positionsAt(ft: Footing, c: number, p: PreparedAt): ReadonlyMap<number, number | number[]> {
  if (p.positions) return p.positions;
  const positions = new Map<number, number | number[]>();
  const from = ft.termStart[c];
  const n = ft.termStart[c + 1] - from;
  for (let i = 0; i < n; i++) {
    const k = slotOf(ft, ft.termSlot[from + i]);
    const known = positions.get(k);
    if (known === undefined) positions.set(k, i);
    else if (typeof known === "number") positions.set(k, [known, i]);
    else known.push(i);
  }
  p.positions = positions;
  return positions;
}

/** holdsOne(checkAt(ft, c), key, o) for a table check, the cell given by its canonical slot `k`. */
function holdsOneFlat(ft: Footing, c: number, k: number, o: { readonly value: number; readonly decimals: number }): boolean {
  const from = ft.termStart[c];
  const n = ft.termStart[c + 1] - from;
  if (n >= SHORTCUT_TERMS) return holdsOneLongFlat(ft, c, k, o, positionsAt(ft, c, prepareAt(ft, c)).get(k));
  return holdsAsIsWithOne(ft, c, k, o);
}

/** holdsAsIs(checkAt(ft, c), {key of k: o}) for a table check: the same arithmetic in the same order. */
function holdsAsIsWithOne(ft: Footing, c: number, k: number, o: { readonly value: number; readonly decimals: number }): boolean {
  const { value, termSlot, termSign } = ft;
  const from = ft.termStart[c];
  const to = ft.termStart[c + 1];
  const t = ft.target[c];
  const tMine = slotOf(ft, t) === k;
  const tValue = tMine ? o.value : value[t];
  const tHalf = tMine ? halfWidth(o.decimals) : halfAt(ft, t);
  const oHalf = halfWidth(o.decimals);
  let lo = 0;
  let hi = 0;
  let scale = Math.abs(tValue);
  for (let j = from; j < to; j++) {
    const s = termSlot[j];
    const mine = slotOf(ft, s) === k;
    const v = mine ? o.value : value[s];
    const h = mine ? oHalf : halfAt(ft, s);
    const plus = termSign[j] > 0;
    lo += plus ? v - h : -(v + h);
    hi += plus ? v + h : -(v - h);
    scale = Math.max(scale, Math.abs(v));
  }
  const eps = 1e-9 * Math.max(1, scale);
  return lo <= tValue + tHalf + eps && tValue - tHalf <= hi + eps;
}

/**
 * holdsOneLong for a table check: the cell (canonical slot `k`) at term positions `at` (a position, a
 * list, or undefined when it is not a term). Exactly holdsOne's verdict, as holdsOneLong argues.
 */
function holdsOneLongFlat(ft: Footing, c: number, k: number, o: { readonly value: number; readonly decimals: number }, at: number | readonly number[] | undefined): boolean {
  const { value, termSlot, termSign } = ft;
  const from = ft.termStart[c];
  const n = ft.termStart[c + 1] - from;
  const p = prepareAt(ft, c);
  const sw = startSwing(p);
  const h = halfWidth(o.decimals);
  // One position (a 汇总 check judged cell by cell) or a list; no closure per call: this runs for every
  // cell of a failing 汇总 check.
  const single = typeof at === "number" ? at : -1;
  const list = typeof at === "number" ? undefined : at;
  const count = single >= 0 ? 1 : list !== undefined ? list.length : 0;
  for (let q = 0; q < count; q++) {
    const i = single >= 0 ? single : (list as readonly number[])[q];
    const s = termSlot[from + i];
    swapTerm(sw, value[s], halfAt(ft, s), termSign[from + i] > 0, o.value, h);
  }
  const t = ft.target[c];
  const tMine = slotOf(ft, t) === k;
  const tValue = tMine ? o.value : value[t];
  const tHalf = tMine ? h : halfAt(ft, t);
  const largest = largestExcept(ft, c, p, single, list);
  return swingVerdict(sw, tValue, tHalf, largest, n, count) ?? holdsAsIsWithOne(ft, c, k, o);
}

/** largestAt skipping the term at `single` (or -1) and those in `list`. */
function largestExcept(ft: Footing, c: number, p: PreparedAt, single: number, list: readonly number[] | undefined): number {
  const { value, termSlot } = ft;
  const from = ft.termStart[c];
  for (const i of p.top) if (i !== single && (list === undefined || !list.includes(i))) return Math.abs(value[termSlot[from + i]]);
  if (p.top.length < TOP_TERMS) return -Infinity;
  let max = -Infinity;
  const n = ft.termStart[c + 1] - from;
  for (let i = 0; i < n; i++) if (i !== single && (list === undefined || !list.includes(i))) max = Math.max(max, Math.abs(value[termSlot[from + i]]));
  return max;
}

/** holds(checkAt(ft, c), overrides) for a long table check: the same shortcut, over the flat arrays. */
function holdsLongAt(ft: Footing, c: number, overrides: Overrides): boolean {
  const { value, termSlot, termSign } = ft;
  const from = ft.termStart[c];
  const n = ft.termStart[c + 1] - from;
  const p = prepareAt(ft, c);
  const positions = positionsAt(ft, c, p);
  const sw = startSwing(p);
  const overridden = new Set<number>();
  const tk = slotOf(ft, ft.target[c]);
  let to: { readonly value: number; readonly decimals: number } | undefined;
  for (const [key, o] of overrides) {
    const k = slotForKey(ft, key);
    if (k < 0) continue;
    if (k === tk) to = o;
    const at = positions.get(k);
    if (at === undefined) continue;
    const h = halfOf(o.decimals);
    for (const i of typeof at === "number" ? [at] : at) {
      const s = termSlot[from + i];
      swapTerm(sw, value[s], halfAt(ft, s), termSign[from + i] > 0, o.value, h);
      overridden.add(i);
    }
  }
  const t = ft.target[c];
  const tValue = to ? to.value : value[t];
  const tHalf = to ? halfOf(to.decimals) : halfAt(ft, t);
  const largest = largestAt(ft, c, p, (i) => overridden.has(i));
  return swingVerdict(sw, tValue, tHalf, largest, n, overridden.size) ?? holdsAsIsAt(ft, c, overridesBySlot(ft, overrides));
}

/** largestNotOverridden for a table check. */
function largestAt(ft: Footing, c: number, p: PreparedAt, skip: (i: number) => boolean): number {
  const { value, termSlot } = ft;
  const from = ft.termStart[c];
  for (const i of p.top) if (!skip(i)) return Math.abs(value[termSlot[from + i]]);
  if (p.top.length < TOP_TERMS) return -Infinity;
  let max = -Infinity;
  const n = ft.termStart[c + 1] - from;
  for (let i = 0; i < n; i++) if (!skip(i)) max = Math.max(max, Math.abs(value[termSlot[from + i]]));
  return max;
}

/** onePerRow(checkAt(ft, c)) for a table check, memoised by number. */
const onePerRowAt = new WeakMap<Footing, Int8Array>();
function onePerRowFlat(ft: Footing, c: number): boolean {
  const t = ft.target[c];
  const from = ft.termStart[c];
  const to = ft.termStart[c + 1];
  const sheet = sheetAt(ft, t);
  // A row (or project) check: its first term is in its target's row.
  if (to > from && rowAt(ft, ft.termSlot[from]) === rowAt(ft, t) && sheetAt(ft, ft.termSlot[from]) === sheet) return false;
  let memo = onePerRowAt.get(ft);
  if (!memo) onePerRowAt.set(ft, (memo = new Int8Array(ft.count)));
  if (memo[c] !== 0) return memo[c] > 0;
  let sameSheet = true;
  for (let j = from; j < to; j++) if (sheetAt(ft, ft.termSlot[j]) !== sheet) sameSheet = false;
  if (sameSheet) {
    // Usual case: the terms' rows ascend (a 汇总 check lists its rows in sheet order), so they are distinct
    // without a Set of every row; only the target's row must be none of them.
    const targetRow = rowAt(ft, t);
    let ascending = true;
    let clash = false;
    let prev = -Infinity;
    for (let j = from; j < to; j++) {
      const r = rowAt(ft, ft.termSlot[j]);
      if (r <= prev) {
        ascending = false;
        break;
      }
      if (r === targetRow) clash = true;
      prev = r;
    }
    if (ascending) {
      memo[c] = clash ? -1 : 1;
      return !clash;
    }
  }
  const rowOf = (s: number): number | string => (sameSheet ? rowAt(ft, s) : `${sheetAt(ft, s)}!${rowAt(ft, s)}`);
  const rows = new Set<number | string>([rowOf(t)]);
  let hit = true;
  for (let j = from; j < to; j++) {
    const k = rowOf(ft.termSlot[j]);
    if (rows.has(k)) {
      hit = false;
      break;
    }
    rows.add(k);
  }
  memo[c] = hit ? 1 : -1;
  return hit;
}

/** The figure at position `pos` of check `c` (-1: its target), as the check's object would give it. */
function figureIn(ft: Footing, c: number, pos: number): Figure {
  if (isFormCheck(ft, c)) {
    const check = checkAt(ft, c);
    return pos < 0 ? check.target : check.terms[pos].figure;
  }
  return figureAt(ft, pos < 0 ? ft.target[c] : ft.termSlot[ft.termStart[c] + pos]);
}

/** Whether a check's cell at `pos` (-1: target) is blank or 0 (never a slip), without its figure for a table check. */
function nothingAt(ft: Footing, c: number, pos: number): boolean {
  if (isFormCheck(ft, c)) {
    const f = figureIn(ft, c, pos);
    return f.blank || f.value === 0;
  }
  const s = pos < 0 ? ft.target[c] : ft.termSlot[ft.termStart[c] + pos];
  return ft.blank[s] === 1 || ft.value[s] === 0;
}

/** The slot of check `c`'s cell at `pos` (-1: its target). */
function slotIn(ft: Footing, c: number, pos: number): number {
  return pos < 0 ? ft.target[c] : ft.termSlot[ft.termStart[c] + pos];
}

/** The number of terms of check `c`. */
function termCount(ft: Footing, c: number): number {
  return ft.termStart[c + 1] - ft.termStart[c];
}

/** The checks that fail as written (see footing's failingChecks). */
const failingAsWritten = failingChecks;

/** Whether a check has at most one figure per sheet row (a 汇总 check: one term per row, the target in its own row). */
const onePerRowCache = new WeakMap<SumCheck, boolean>();
function onePerRow(check: SumCheck): boolean {
  const ft = flatOf(check);
  if (ft !== undefined) return onePerRowFlat(ft, checkIdOf(check));
  // A row (or project) check: its first term is in its target's row. Decided without the memo below.
  const first = check.terms.length > 0 ? check.terms[0].figure : undefined;
  if (first !== undefined && first.row === check.target.row && first.ref.sheet === check.target.ref.sheet) return false;
  let hit = onePerRowCache.get(check);
  if (hit === undefined) {
    // Rows by number while every cell is on the target's sheet (always, for a table's checks).
    const sheet = check.target.ref.sheet;
    const sameSheet = check.terms.every((t) => t.figure.ref.sheet === sheet);
    const rows = new Set<number | string>([sameSheet ? check.target.row : rowKeyOf(check.target)]);
    hit = true;
    for (const t of check.terms) {
      const k = sameSheet ? t.figure.row : rowKeyOf(t.figure);
      if (rows.has(k)) {
        hit = false;
        break;
      }
      rows.add(k);
    }
    onePerRowCache.set(check, hit);
  }
  return hit;
}

/**
 * Whether a check holds with the given overrides, each check judged once per overrides map: the same
 * 汇总 check (a term per institution) is asked about for every cell of its column.
 */
function memoOk(overrides?: Overrides): (check: SumCheck) => boolean {
  const seen = new Map<SumCheck, boolean>();
  return (check) => {
    let ok = seen.get(check);
    if (ok === undefined) {
      ok = holds(check, overrides);
      seen.set(check, ok);
    }
    return ok;
  };
}

/** The checks involving any of the figures (each once), from the per-model index. */
function checksOfAll(model: ReportModel, figures: Iterable<Figure>): SumCheck[] {
  const out = new Set<SumCheck>();
  for (const f of figures) for (const c of checksOf(model, f)) out.add(c);
  return [...out];
}

function rowKeyOf(f: Figure): string {
  return `${f.ref.sheet}!${f.row}`;
}

/** `Sheet!row` of a figure. */
function rowKey(f: Figure): string {
  return rowKeyOf(f);
}

/**
 * Table cells off by 10 000: a cell is flagged when at least one check that involves it fails, and
 * with the cell divided (or multiplied) by 10 000 every check that involves it holds (and would not
 * hold with the cell emptied). Whole rows off by 10 000 (`rows`) are taken as corrected first: their
 * cells are not judged again, and a 汇总 cell that adds up once they are is not a slip.
 */
function tableMistakes(model: ReportModel, rows: readonly UnitMistake[]): UnitMistake[] {
  const ft = footingOf(model);
  const skipRows = new Set(rows.map((m) => rowKey(m.figure)));
  const base = correctionsOf(rows);
  // Without whole-row corrections (the usual case) a check's verdict with the base is its verdict as
  // written, and one corrected cell is judged without building an overrides map. With them, a check
  // that no correction touches keeps its verdict as written too (holds() depends only on the
  // overrides of the check's own cells).
  const failing = failingFlags(ft);
  let okWithBase = (c: number): boolean => failing[c] === 0;
  if (base.size > 0) {
    const touched = new Set<number>();
    for (const m of rows) for (const f of [m.figure, ...m.alsoCorrected.map((x) => x.figure)]) for (const c of checksOf(model, f)) touched.add(checkIdOf(c));
    const memo = memoOk(base);
    okWithBase = (c) => (touched.has(c) ? memo(checkAt(ft, c)) : failing[c] === 0);
  }
  const candidates = suspectCells(ft, okWithBase);
  const search: TableSearch = { model, ft, base, okWithBase, neighbours: formRowNeighbours(formChecks(model)), skipRows };
  const out: UnitMistake[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const m = tableMistakeAt(search, candidates[i].c, candidates[i].pos, candidates[i].slot);
    if (m) out.push(m);
  }
  return out;
}

/** What tableMistakes judges each candidate cell with. */
interface TableSearch {
  readonly model: ReportModel;
  readonly ft: Footing;
  /** The whole-row corrections found before (usually none). */
  readonly base: Map<string, { value: number; decimals: number }>;
  /** Whether check c holds with the base (its verdict as written when nothing touches it). */
  readonly okWithBase: (c: number) => boolean;
  readonly neighbours: Map<string, Figure[]>;
  /** Rows a whole-row correction already covers. */
  readonly skipRows: ReadonlySet<string>;
}

/**
 * tableMistakes' verdict on one candidate: the cell at position `pos` of check `at` (-1: its target),
 * canonical slot `k`. The cell's figure is asked for only when needed (figureIn builds it once; most
 * candidates fail the first test). A function of its own, without a closure per candidate: a failing
 * 汇总 check makes every institution's cell a candidate.
 */
function tableMistakeAt(s: TableSearch, at: number, pos: number, k: number): UnitMistake | undefined {
  const ft = s.ft;
  if (s.skipRows.size > 0 && s.skipRows.has(rowKey(figureIn(ft, at, pos)))) return undefined;
  // The checks of the cell, by number.
  const ids = checkIdsOf(ft, k);
  let allOk = true;
  for (let i = 0; i < ids.length && allOk; i++) if (!s.okWithBase(ids[i])) allOk = false;
  if (allOk) return undefined;
  for (let j = 0; j < FACTORS.length; j++) {
    const factor = FACTORS[j];
    const fixed = isFormCheck(ft, at) ? correctedOf(figureIn(ft, at, pos), factor) : correctedAt(ft, slotIn(ft, at, pos), factor);
    // (The corrected value is tried first — it rarely fits, and then nothing else need be asked — the
    // emptied cell last. The tests are pure: their order changes no verdict.)
    if (!holdsAllWith(s, ids, at, pos, k, fixed)) continue;
    // A cell of a form's block (年初预算数 | 全年预算数 | 全年执行数 of one row) corrected must come into
    // line with its row, and must not break a rate that agrees with it as written: 215.11 ×10 000 beside
    // 185.11 and 215.11 is no correction, it is the other cell of the relation that slipped.
    const figure = figureIn(ft, at, pos);
    if (!fitsRow(figure, fixed.value, s.neighbours) || anchoredByRate(s.model, figure.key, fixed.value)) continue;
    // Evidence, not coincidence: a value that fits merely because it is ~0 (1 → 0.0001 where 0 is
    // expected) would fit as well if the cell were emptied, so it says nothing about units.
    if (holdsAllWith(s, ids, at, pos, k, { value: 0, decimals: fixed.decimals })) continue;
    return { figure, factor, corrected: fixed.value, kind: "table", comparedWith: [], alsoCorrected: [] };
  }
  return undefined;
}

/** Whether every check `ids` of a candidate holds with the base and the candidate's cell set to `o`. */
function holdsAllWith(s: TableSearch, ids: ArrayLike<number>, at: number, pos: number, k: number, o: { readonly value: number; readonly decimals: number }): boolean {
  const ft = s.ft;
  for (let i = 0; i < ids.length; i++) {
    const c = ids[i];
    const ok =
      s.base.size > 0
        ? holds(checkAt(ft, c), withOne(s.base, figureIn(ft, at, pos).key, o))
        : isFormCheck(ft, c)
          ? holdsOne(checkAt(ft, c), figureIn(ft, at, pos).key, o)
          : holdsOneFlat(ft, c, k, o);
    if (!ok) return false;
  }
  return true;
}

/**
 * rowMistakes' first pass: every one-figure-per-row check (a 汇总 check) rules factors out for the suspect
 * rows it holds a figure of; returns how many of the `count` suspect rows keep a factor. (Its loop visits
 * every check — a row check per institution and table — so it is a function of its own, for the reason
 * given at ruleOutRows.)
 */
function ruleOutAll(ft: Footing, suspects: ReadonlyMap<string, ReadonlyMap<number, { ruledOut: number }>>, suspectOf: (f: Figure) => { ruledOut: number } | undefined, count: number): number {
  const bothOut = (1 << FACTORS.length) - 1;
  let alive = count;
  // (A table check is walked over the flat arrays, by slot: a 汇总 check has a term per institution.)
  for (let ci = 0; ci < ft.count && alive > 0; ci++) {
    if (isProjectCheck(ft, ci)) continue;
    if (isFormCheck(ft, ci)) {
      const c = checkAt(ft, ci);
      if (!onePerRow(c)) continue;
      const judge = (f: Figure, at: number): void => {
        const state = f.blank || f.value === 0 ? undefined : suspectOf(f);
        if (state === undefined || state.ruledOut === bothOut) return;
        for (let j = 0; j < FACTORS.length; j++) {
          if (state.ruledOut & (1 << j)) continue;
          if (!holdsOneAt(c, f.key, correctedOf(f, FACTORS[j]), at)) state.ruledOut |= 1 << j;
        }
        if (state.ruledOut === bothOut) alive--;
      };
      judge(c.target, -1);
      for (let i = 0; i < c.terms.length && alive > 0; i++) judge(c.terms[i].figure, i);
      continue;
    }
    if (!onePerRowFlat(ft, ci)) continue;
    alive = ruleOutRows(ft, ci, suspects, alive);
  }
  return alive;
}

/**
 * rowMistakes' suspects: the rows of every figure (not blank, not 0) of the checks that fail as written,
 * project checks aside. By slot for a table check: a failing 汇总 check has a term per institution. (A
 * function of its own, for the reason given at ruleOutRows.)
 */
function markFailingRows(ft: Footing, suspects: Map<string, Map<number, { ruledOut: number }>>, markSuspect: (f: Figure) => void): void {
  const flags = failingFlags(ft);
  for (let c = 0; c < ft.count; c++) {
    if (flags[c] === 0 || isProjectCheck(ft, c)) continue;
    for (let pos = -1; pos < termCount(ft, c); pos++) {
      if (nothingAt(ft, c, pos)) continue;
      if (isFormCheck(ft, c)) markSuspect(figureIn(ft, c, pos));
      else {
        const s = slotIn(ft, c, pos);
        const sheet = sheetAt(ft, s);
        let rows = suspects.get(sheet);
        if (!rows) suspects.set(sheet, (rows = new Map()));
        if (!rows.has(rowAt(ft, s))) rows.set(rowAt(ft, s), { ruledOut: 0 });
      }
    }
  }
}

/**
 * rowMistakes' test of one table check with one figure per row (a 汇总 check), over the flat arrays: each
 * suspect row's cell in the check, corrected by a factor, must let the check hold, else that factor is
 * ruled out for the row. Returns how many rows are left with a factor not ruled out (`alive` less those
 * ruled out here). A function of its own: it walks every term of a 汇总 check, and V8 compiles the whole
 * function around a hot loop (rowMistakes entire, with its closures, cost TurboFan far more).
 */
function ruleOutRows(ft: Footing, ci: number, suspects: ReadonlyMap<string, ReadonlyMap<number, { ruledOut: number }>>, alive: number): number {
  const bothOut = (1 << FACTORS.length) - 1;
  const long = termCount(ft, ci) >= SHORTCUT_TERMS;
  const judgeAt = (s: number, at: number): void => {
    const state = ft.blank[s] === 1 || ft.value[s] === 0 ? undefined : suspects.get(sheetAt(ft, s))?.get(rowAt(ft, s));
    if (state === undefined || state.ruledOut === bothOut) return;
    const k = slotOf(ft, s);
    for (let j = 0; j < FACTORS.length; j++) {
      if (state.ruledOut & (1 << j)) continue;
      // holdsOneAt: a long check is judged with the cell's one position known.
      const fixed = correctedAt(ft, s, FACTORS[j]);
      const ok = long ? holdsOneLongFlat(ft, ci, k, fixed, at < 0 ? undefined : at) : holdsOneFlat(ft, ci, k, fixed);
      if (!ok) state.ruledOut |= 1 << j;
    }
    if (state.ruledOut === bothOut) alive--;
  };
  judgeAt(ft.target[ci], -1);
  const from = ft.termStart[ci];
  const n = termCount(ft, ci);
  for (let i = 0; i < n && alive > 0; i++) judgeAt(ft.termSlot[from + i], i);
  return alive;
}

/**
 * The cells tableMistakes judges: only a cell of a check that fails (with the base), by canonical slot
 * (one per key), in the order they first appear in the checks (the order findings come out in), each as
 * the figure of its first appearance. A function of its own: both loops walk every term of every check
 * (a 汇总 check has one per institution), and V8 compiles the whole function around a hot loop.
 */
function suspectCells(ft: Footing, okWithBase: (c: number) => boolean): { c: number; pos: number; slot: number }[] {
  const suspect = new Uint8Array(ft.size);
  let anySuspect = false;
  for (let c = 0; c < ft.count; c++) {
    if (okWithBase(c)) continue;
    anySuspect = true;
    for (let pos = -1; pos < termCount(ft, c); pos++) suspect[slotOf(ft, slotIn(ft, c, pos))] = 1;
  }
  const taken = new Uint8Array(ft.size);
  const candidates: { c: number; pos: number; slot: number }[] = [];
  if (!anySuspect) return candidates;
  for (let c = 0; c < ft.count; c++) {
    for (let pos = -1; pos < termCount(ft, c); pos++) {
      const k = slotOf(ft, slotIn(ft, c, pos));
      if (suspect[k] === 0 || taken[k] === 1 || nothingAt(ft, c, pos)) continue;
      taken[k] = 1;
      candidates.push({ c, pos, slot: k });
    }
  }
  return candidates;
}

/** The two corrections, in the order they are tried: ÷ 10 000 (entered in 元), then × 10 000. */
const FACTORS: readonly number[] = [1 / UNIT_FACTOR, UNIT_FACTOR];

/** `base` plus one override, in that order (the order holds() adds them in). */
function withOne(base: Overrides, key: string, value: { readonly value: number; readonly decimals: number }): Map<string, { value: number; decimals: number }> {
  if (base.size === 0) return new Map([[key, value]]);
  return new Map([...base, [key, value]]);
}

/** The non-zero figures of each sheet row of the forms' declared checks (a funds block's row). */
function formRowNeighbours(checks: readonly SumCheck[]): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  for (const c of checks) {
    if (c.kind !== "form") continue;
    for (const f of [c.target, ...c.terms.map((t) => t.figure)]) {
      if (f.blank || f.value === 0) continue;
      const k = rowKey(f);
      const list = out.get(k) ?? [];
      if (!list.some((x) => x.key === f.key)) list.push(f);
      out.set(k, list);
    }
  }
  return out;
}

/** Whether a corrected form cell is of the order of some other cell of its row (true when it has none). */
function fitsRow(figure: Figure, value: number, neighbours: ReadonlyMap<string, Figure[]>): boolean {
  const others = (neighbours.get(rowKey(figure)) ?? []).filter((f) => f.key !== figure.key);
  if (others.length === 0) return true;
  return others.some((o) => sameOrder(Math.abs(value), Math.abs(o.value)));
}

/** The overrides that apply the given slips' corrections. */
function correctionsOf(mistakes: readonly UnitMistake[]): Map<string, { value: number; decimals: number }> {
  const out = new Map<string, { value: number; decimals: number }>();
  for (const m of mistakes) {
    out.set(m.figure.key, correctedOf(m.figure, m.factor));
    for (const x of m.alsoCorrected) out.set(x.figure.key, correctedOf(x.figure, m.factor));
  }
  return out;
}

/** A correction at the narrower of the figure's own and its corrected precision. */
function strict(f: Figure, factor: number): { value: number; decimals: number } {
  const c = correctedOf(f, factor);
  return { value: c.value, decimals: Math.max(c.decimals, f.decimals) };
}

/** Most figures tried in pairs (a workbook with more failing figures than this is not a few slips). */
const MAX_PAIR_FIGURES = 40;

/**
 * Two cells off by 10 000 together (基本支出 and 人员支出 of one row both typed in 元; a 汇总 cell and
 * the row cell under it): neither correction alone makes the checks hold, both together do. Only
 * figures of checks still failing once `known` slips are corrected are tried.
 */
function pairMistakes(model: ReportModel, known: readonly UnitMistake[]): UnitMistake[] {
  const ft = footingOf(model);
  const fixedKnown = correctionsOf(known);
  // Checks that no known correction touches keep their verdict as written.
  const failingAsIs = failingFlags(ft);
  const touched = new Set<number>();
  for (const m of known) {
    for (const c of checksOf(model, m.figure)) touched.add(checkIdOf(c));
    for (const x of m.alsoCorrected) for (const c of checksOf(model, x.figure)) touched.add(checkIdOf(c));
  }
  const failing: SumCheck[] = [];
  for (let c = 0; c < ft.count; c++) if (touched.has(c) ? !holds(checkAt(ft, c), fixedKnown) : failingAsIs[c] === 1) failing.push(checkAt(ft, c));
  const candidates = new Map<string, Figure>();
  for (const c of failing) {
    for (const f of [c.target, ...c.terms.map((t) => t.figure)]) {
      if (!f.blank && f.value !== 0 && !fixedKnown.has(f.key)) candidates.set(f.key, f);
    }
  }
  const figs = [...candidates.values()];
  if (figs.length < 2 || figs.length > MAX_PAIR_FIGURES) return [];
  const neighbours = formRowNeighbours(formChecks(model));
  const out: UnitMistake[] = [];
  const used = new Set<string>();
  for (let i = 0; i < figs.length; i++) {
    for (let j = i + 1; j < figs.length; j++) {
      const a = figs[i];
      const b = figs[j];
      if (used.has(a.key) || used.has(b.key)) continue;
      const mine = checksOfAll(model, [a, b]);
      for (const factor of [1 / UNIT_FACTOR, UNIT_FACTOR]) {
        // Judged at the narrower of the written and the corrected precision: multiplying widens the
        // interval (10 万元 ± 0.005 is 100000 ± 50 元), and two widened cells can meet almost anything
        // (预算 10 − 执行 10 against a 结转结余 of 1). Two slips at once need exact evidence.
        const fa = strict(a, factor);
        const fb = strict(b, factor);
        if (!fitsRow(a, fa.value, neighbours) || !fitsRow(b, fb.value, neighbours)) continue;
        const both = new Map([...fixedKnown, [a.key, fa], [b.key, fb]]);
        if (!mine.every((c) => holds(c, both))) continue;
        // Evidence, not coincidence: emptying either cell instead must not work as well.
        const zeroA = new Map([...fixedKnown, [a.key, { value: 0, decimals: fa.decimals }], [b.key, fb]]);
        const zeroB = new Map([...fixedKnown, [a.key, fa], [b.key, { value: 0, decimals: fb.decimals }]]);
        if (mine.every((c) => holds(c, zeroA)) || mine.every((c) => holds(c, zeroB))) continue;
        out.push({ figure: a, factor, corrected: fa.value, kind: "table", comparedWith: [], alsoCorrected: [] });
        out.push({ figure: b, factor, corrected: fb.value, kind: "table", comparedWith: [], alsoCorrected: [] });
        used.add(a.key);
        used.add(b.key);
        break;
      }
    }
  }
  return out;
}

/**
 * Whole rows off by 10 000 (an institution's figures copied from 元 accounts into a 万元 table): the
 * row's own relations hold, but the 汇总 row does not add up until every money cell of the row is
 * divided (or multiplied) by 10 000. A row with one slipped cell does not pass this test (its other
 * cells, scaled, break the row's own relations), so rows are judged before single cells.
 */
function rowMistakes(model: ReportModel): UnitMistake[] {
  const ft = footingOf(model);
  const failingAsIs = failingAsWritten(model);
  // A row is judged only when one of the checks its figures take part in fails as written: a non-project
  // check, or a project check through a figure that some non-project check also reads (a row group's).
  // Rows by sheet, then by row number (no `Sheet!row` string per figure).
  const suspects = new Map<string, Map<number, { ruledOut: number }>>();
  const suspectOf = (f: Figure): { ruledOut: number } | undefined => suspects.get(f.ref.sheet)?.get(f.row);
  const suspectAt = (s: number): { ruledOut: number } | undefined => suspects.get(sheetAt(ft, s))?.get(rowAt(ft, s));
  const markSuspect = (f: Figure): void => {
    if (f.blank || f.value === 0) return;
    let rows = suspects.get(f.ref.sheet);
    if (!rows) suspects.set(f.ref.sheet, (rows = new Map()));
    if (!rows.has(f.row)) rows.set(f.row, { ruledOut: 0 });
  };
  let count = 0;
  markFailingRows(ft, suspects, markSuspect);
  for (const c of failingAsIs) {
    if (c.kind !== "project") continue;
    for (const f of [c.target, ...c.terms.map((t) => t.figure)]) {
      if (!f.blank && f.value !== 0 && checksOf(model, f).some((k) => k.kind !== "project")) markSuspect(f);
    }
  }
  for (const rows of suspects.values()) count += rows.size;
  if (count === 0) return [];
  // A suspect row corrected by a factor must make every one-figure-per-row check (a 汇总 check) of its
  // figures hold. An honest row scaled by 10 000 breaks them, so one such check of one of its figures
  // rules the factor out — the verdict rowFitsSummaries would reach below — before any row is gathered:
  // a failing 汇总 check makes every row of its table suspect. Each 汇总 check's terms are walked once,
  // judged by position (one figure per row: the figure is that one term), until every row is ruled out.
  const bothOut = (1 << FACTORS.length) - 1;
  const alive = ruleOutAll(ft, suspects, suspectOf, count);
  if (alive === 0) return [];
  // The rows still in question, gathered as every row was before: their figures from every non-project
  // check, each row's group in order of creation.
  type Group = { table: TableId | "form"; row: number; figures: Map<string, Figure> };
  const groups = new Map<{ ruledOut: number }, Group>();
  const order: Group[] = [];
  for (let c = 0; c < ft.count; c++) {
    if (isProjectCheck(ft, c)) continue;
    const table = isFormCheck(ft, c) ? "form" : ft.tables[ft.table[c]].id;
    for (let pos = -1; pos < termCount(ft, c); pos++) {
      if (nothingAt(ft, c, pos)) continue;
      const f = isFormCheck(ft, c) ? figureIn(ft, c, pos) : undefined;
      const state = f ? suspectOf(f) : suspectAt(slotIn(ft, c, pos));
      if (state === undefined || state.ruledOut === bothOut) continue;
      const figure = f ?? figureIn(ft, c, pos);
      let g = groups.get(state);
      if (!g) {
        g = { table, row: figure.row, figures: new Map<string, Figure>() };
        groups.set(state, g);
        order.push(g);
      }
      g.figures.set(figure.key, figure);
    }
  }
  const out: UnitMistake[] = [];
  for (const g of order) {
    if (g.figures.size < 2) continue;
    const figures = [...g.figures.values()].sort((a, b) => a.col - b.col);
    let mine: SumCheck[] | undefined;
    for (const factor of FACTORS) {
      // A check with one figure per sheet row (a 汇总 check) sees one corrected cell of this row: judge
      // those first, without an overrides map. An honest row scaled by 10 000 breaks its 汇总 checks, so
      // this settles nearly every row; the full test below repeats them (the verdict is the same).
      if (!rowFitsSummaries(model, figures, factor)) continue;
      mine ??= checksOfAll(model, figures);
      // (The corrected row is tried first: it rarely fits, and then the emptied row need not be.)
      const overrides = new Map<string, { value: number; decimals: number }>();
      for (const f of figures) overrides.set(f.key, correctedOf(f, factor));
      if (!mine.every((c) => holds(c, overrides))) continue;
      const zero = new Map<string, { value: number; decimals: number }>();
      for (const f of figures) zero.set(f.key, { value: 0, decimals: correctedOf(f, factor).decimals });
      if (mine.every((c) => holds(c, zero))) continue;
      const fixed = figures.map((f) => ({ figure: f, value: correctedOf(f, factor).value }));
      const tableRow = g.table === "form" ? undefined : model.tables[g.table]?.rows.find((r) => r.row === g.row);
      out.push({
        figure: figures[0],
        factor,
        corrected: fixed[0].value,
        kind: "row",
        comparedWith: [],
        alsoCorrected: fixed.slice(1).map((x) => ({ figure: x.figure, corrected: x.value })),
        rowName: tableRow ? rowName(tableRow) : undefined,
      });
      break;
    }
  }
  return out;
}

/** Whether every one-figure-per-row check of the row's figures holds with the row corrected by `factor`. */
function rowFitsSummaries(model: ReportModel, figures: readonly Figure[], factor: number): boolean {
  for (const f of figures) {
    const fixed = correctedOf(f, factor);
    for (const c of checksOf(model, f)) {
      if (onePerRow(c) && !holdsOne(c, f.key, fixed)) return false;
    }
  }
  return true;
}

/** Two positive amounts are of one order when within a factor of 3 of each other. */
function sameOrder(a: number, b: number): boolean {
  const r = a / b;
  return r >= 1 / 3 && r <= 3;
}

/**
 * Money scalars (年初预算数, 全年预算数, 全年执行数) off by 10 000 against the others: the odd one out
 * when there are three; when only two disagree, the workbook's money unit decides which one was
 * entered in the other unit (the larger one in a 万元 workbook, the smaller in a 元 workbook).
 */
function scalarMistakes(model: ReportModel): UnitMistake[] {
  const figs = MONEY_SCALARS.map((id) => readMoneyScalar(model, id)).filter((f): f is Figure => f !== undefined && !f.blank && f.value > 0);
  if (figs.length < 2) return [];
  const out: UnitMistake[] = [];
  for (const f of figs) {
    const others = figs.filter((o) => o !== f);
    for (const factor of [1 / UNIT_FACTOR, UNIT_FACTOR]) {
      const fixed = correctedOf(f, factor);
      const fits = others.every((o) => !sameOrder(f.value, o.value) && sameOrder(fixed.value, o.value));
      const othersAgree = others.every((o) => others.every((p) => sameOrder(o.value, p.value)));
      if (!fits || !othersAgree) continue;
      if (others.length === 1) {
        const preferred = model.moneyUnit === "元" ? UNIT_FACTOR : 1 / UNIT_FACTOR;
        if (factor !== preferred) continue;
      }
      out.push({ figure: f, factor, corrected: fixed.value, kind: "scalar", comparedWith: others, alsoCorrected: [] });
      break;
    }
  }
  return out;
}

const cache = new WeakMap<ReportModel, readonly UnitMistake[]>();

/**
 * Every cell of the model entered in the wrong money unit (off by 10 000).
 * @param model - the mapped workbook
 * @returns the mistakes, table cells first, in check order
 */
export function findUnitMistakes(model: ReportModel): readonly UnitMistake[] {
  const hit = cache.get(model);
  if (hit) return hit;
  // Every table search needs a check that fails as written: when every sum holds, none runs.
  const holdsAll = failingAsWritten(model).size === 0;
  const rows = holdsAll ? [] : rowMistakes(model);
  const single = holdsAll ? [] : rivalsResolved(model, tableMistakes(model, rows));
  const tables = [...single, ...rows];
  const found = holdsAll ? tables : [...tables, ...pairMistakes(model, tables)];
  // A money scalar that is also a table cell already flagged (a funds block's 全年执行数) is one slip.
  const keys = new Set(found.flatMap((m) => [m.figure.key, ...m.alsoCorrected.map((x) => x.figure.key)]));
  const out = [...found, ...scalarMistakes(model).filter((m) => !keys.has(m.figure.key))];
  cache.set(model, out);
  return out;
}

/**
 * Two single-cell slips found in one check (本年收入合计 8487500 over 一般公共预算 848.75: the total ÷ 10 000
 * or the part × 10 000 each make that check hold) are one slip: the one whose correction also makes every
 * check one step further hold (收入总计 = 本年收入合计 + …) is kept. When both or neither do, both stay.
 */
function rivalsResolved(model: ReportModel, found: UnitMistake[]): UnitMistake[] {
  if (found.length < 2) return found;
  const ring = (m: UnitMistake): SumCheck[] => {
    const first = checksOf(model, m.figure);
    return checksOfAll(model, first.flatMap((c) => [c.target, ...c.terms.map((t) => t.figure)]));
  };
  const whole = (m: UnitMistake): boolean => ring(m).every((c) => holds(c, new Map([[m.figure.key, correctedOf(m.figure, m.factor)]])));
  const drop = new Set<UnitMistake>();
  for (const m of found) {
    const mine = new Set(checksOf(model, m.figure));
    const rivals = found.filter((n) => n !== m && checksOf(model, n.figure).some((c) => mine.has(c)));
    if (rivals.length && !whole(m) && rivals.some(whole)) drop.add(m);
  }
  return found.filter((m) => !drop.has(m));
}

/** Keys (`Sheet!A1`) of the cells flagged as unit mistakes. */
export function unitMistakeKeys(model: ReportModel): ReadonlySet<string> {
  return new Set(findUnitMistakes(model).flatMap((m) => [m.figure.key, ...m.alsoCorrected.map((x) => x.figure.key)]));
}

/**
 * A figure as it will read once its unit slip is fixed (itself when not flagged), so that checks
 * downstream of the slip (a rate over a 元 执行数) judge the corrected amount instead of going silent.
 */
export function correctedFigure(model: ReportModel, figure: Figure): Figure {
  for (const m of findUnitMistakes(model)) {
    const hit = m.figure.key === figure.key ? m.corrected : m.alsoCorrected.find((x) => x.figure.key === figure.key)?.corrected;
    if (hit === undefined) continue;
    const shift = m.factor > 1 ? -4 : 4;
    return { ...figure, value: hit, decimals: Math.max(0, figure.decimals + shift), writtenDecimals: Math.max(0, figure.writtenDecimals + shift) };
  }
  return figure;
}

const touchingCache = new WeakMap<ReportModel, ReadonlySet<SumCheck>>();

/**
 * The checks that involve a cell flagged as a unit mistake (`touchesUnitMistake(check, unitMistakeKeys(model))`
 * for every check), found once per model from the flagged cells' own checks instead of by reading every
 * term of every check.
 */
export function checksTouchingUnitMistakes(model: ReportModel): ReadonlySet<SumCheck> {
  const hit = touchingCache.get(model);
  if (hit) return hit;
  const out = new Set<SumCheck>();
  for (const m of findUnitMistakes(model)) {
    for (const c of checksOf(model, m.figure)) out.add(c);
    for (const x of m.alsoCorrected) for (const c of checksOf(model, x.figure)) out.add(c);
  }
  touchingCache.set(model, out);
  return out;
}

/** Whether a check involves a cell flagged as a unit mistake (and so is left to no-unit-mistake). */
export function touchesUnitMistake(check: SumCheck, flagged: ReadonlySet<string>): boolean {
  if (flagged.size === 0) return false;
  if (flagged.has(check.target.key)) return true;
  return check.terms.some((t) => flagged.has(t.figure.key));
}
