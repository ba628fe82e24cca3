/**
 * The relations (勾稽关系) each corpus form implies, written next to the layout that creates them, and an
 * independent oracle over them: which cells could, by a single change, make every relation hold again.
 *
 * The oracle is what makes the corpus honest. It checks that every CONSISTENT workbook satisfies all of
 * its relations, and for a planted mistake it computes the set of cells that are a possible cause (one
 * cell whose correction makes every relation hold, with amounts ≥ 0). When that set is the planted cell
 * alone, the engine must point there; when the relations cannot tell (a 年初预算数 total that nothing else
 * corroborates, say), any cell of the set is an acceptable place for the finding, and the test says so.
 */
import { type BookSpec, type Ref, showRef, valueAt } from "./book";

export type Relation =
  /** Σ left = Σ right (a total and its parts: left = [total], right = parts; a balance: both sides). */
  | { kind: "balance"; left: Ref[]; right: Ref[]; label: string }
  /**
   * rate ≈ num ÷ den at the rate's displayed precision (`decimals` of the percent, 2 for 0.00%). `percent`:
   * the rate is typed as a plain percent number (85.10 under an “执行率（%）” header, not 0.851).
   */
  | { kind: "rate"; rate: Ref; num: Ref; den: Ref; decimals: number; label: string; percent?: boolean }
  /** score = round(min(num ÷ den, 1) × weight, 2) (预算执行率得分). */
  | { kind: "execScore"; score: Ref; num: Ref; den: Ref; weight: Ref; label: string }
  /** a ≤ b (得分 ≤ 分值). */
  | { kind: "le"; a: Ref; b: Ref; label: string };

export const sum = (total: Ref, parts: Ref[], label: string): Relation => ({ kind: "balance", left: [total], right: parts, label });
export const equal = (a: Ref, b: Ref, label: string): Relation => ({ kind: "balance", left: [a], right: [b], label });

const key = (r: Ref): string => showRef(r);

/** A numeric reading of a cell as the corpus writes it: numbers, and rates as text “99.71%”. */
export function readNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    // A number typed as text, as clerks type it: “1,711.75”, “1707.31 ”, full-width “１７１１.７５”,
    // “104.20万元”, “9.97分”, “（12.50）” or “-12.50”.
    const half = v.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim();
    const typed = /^(\()?(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(\))?\s*(万元|分|%)?$/.exec(half);
    if (typed && !!typed[1] === !!typed[3]) {
      const n = Number(typed[2].replace(/,/g, "")) * (typed[1] ? -1 : 1);
      return typed[4] === "%" ? n / 100 : n;
    }
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    if (m) return Number(m[1]) / 100;
    // Label and value in one cell (“年度资金总额：346.77万元”, “执行率：85.10%”, “得分：8.51分”).
    // (Thousands separators allowed: “年初预算数：1,234.56万元”.)
    const inline = /[：:]\s*(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(万元|元|分|%)?\s*$/.exec(v);
    if (inline) {
      const n = Number(inline[1].replace(/,/g, ""));
      return inline[2] === "%" ? n / 100 : n;
    }
  }
  return undefined;
}

export function refsOf(r: Relation): Ref[] {
  switch (r.kind) {
    case "balance":
      return [...r.left, ...r.right];
    case "rate":
      return [r.rate, r.num, r.den];
    case "execScore":
      return [r.score, r.num, r.den, r.weight];
    case "le":
      return [r.a, r.b];
  }
}

type Values = Map<string, number>;

const round2 = (x: number): number => Math.round(x * 100 + 1e-9) / 100;
const EPS = 1e-6;

function holds(r: Relation, get: (x: Ref) => number | undefined): boolean {
  const all = refsOf(r).map(get);
  if (all.some((x) => x === undefined)) return true; // a relation over a blank cell is not this oracle's business
  switch (r.kind) {
    case "balance": {
      const l = r.left.reduce((a, x) => a + get(x)!, 0);
      const rt = r.right.reduce((a, x) => a + get(x)!, 0);
      return Math.abs(l - rt) < 0.005;
    }
    case "rate": {
      const den = get(r.den)!;
      if (den === 0) return true;
      const rate = get(r.rate)! / (r.percent ? 100 : 1);
      return Math.abs(rate - get(r.num)! / den) <= 0.5 * 10 ** -(r.decimals + 2) + EPS;
    }
    case "execScore": {
      const den = get(r.den)!;
      if (den === 0) return true;
      return Math.abs(get(r.score)! - round2(Math.min(get(r.num)! / den, 1) * get(r.weight)!)) < 0.005 + EPS;
    }
    case "le":
      return get(r.a)! <= get(r.b)! + EPS;
  }
}

/** Values a single cell `x` could take to satisfy relation `r` (the others fixed). */
function solve(r: Relation, x: string, get: (x: Ref) => number): number[] {
  switch (r.kind) {
    case "balance": {
      const side = (refs: Ref[]): { n: number; rest: number } => ({
        n: refs.filter((y) => key(y) === x).length,
        rest: refs.filter((y) => key(y) !== x).reduce((a, y) => a + get(y), 0),
      });
      const l = side(r.left);
      const rt = side(r.right);
      const coef = l.n - rt.n;
      if (coef === 0) return [];
      return [round2((rt.rest - l.rest) / coef)];
    }
    case "rate": {
      const scale = r.percent ? 100 : 1;
      const rate = get(r.rate) / scale;
      const num = get(r.num);
      const den = get(r.den);
      const d = 10 ** (r.decimals + 2);
      if (key(r.rate) === x) return den === 0 ? [] : [(Math.round((num / den) * d) / d) * scale];
      if (key(r.num) === x) return [round2(rate * den)];
      if (key(r.den) === x) return rate === 0 ? [] : [round2(num / rate)];
      return [];
    }
    case "execScore": {
      const num = get(r.num);
      const den = get(r.den);
      const w = get(r.weight);
      const s = get(r.score);
      if (key(r.score) === x) return den === 0 ? [] : [round2(Math.min(num / den, 1) * w)];
      if (key(r.num) === x) return w === 0 ? [] : [round2((s / w) * den)];
      if (key(r.den) === x) return s === 0 ? [] : [round2(num / (s / w)), num];
      if (key(r.weight) === x) return num === 0 || den === 0 ? [] : [round2(s / Math.min(num / den, 1))];
      return [];
    }
    case "le":
      return key(r.a) === x ? [get(r.b)] : [get(r.a)];
  }
}

/** Read every relation cell of the book as a number (text rates included). */
export function valuesOf(book: BookSpec, relations: readonly Relation[]): Values {
  const out: Values = new Map();
  for (const r of relations) {
    for (const x of refsOf(r)) {
      const n = readNumber(valueAt(book, x));
      if (n !== undefined) out.set(key(x), n);
    }
  }
  return out;
}

/** The relations that do not hold in `book`. */
export function violated(book: BookSpec, relations: readonly Relation[]): Relation[] {
  const vals = valuesOf(book, relations);
  return relations.filter((r) => !holds(r, (x) => vals.get(key(x))));
}

/**
 * The cells that could be the cause: one change to that cell (to a value ≥ 0) makes every relation hold.
 * Empty when the book is consistent. Sorted by sheet and address.
 */
export function possibleCauses(book: BookSpec, relations: readonly Relation[]): string[] {
  const vals = valuesOf(book, relations);
  const bad = relations.filter((r) => !holds(r, (x) => vals.get(key(x))));
  if (bad.length === 0) return [];
  const candidates = new Set(refsOf(bad[0]).map(key));
  for (const r of bad.slice(1)) {
    const here = new Set(refsOf(r).map(key));
    for (const c of [...candidates]) if (!here.has(c)) candidates.delete(c);
  }
  const out: string[] = [];
  for (const c of candidates) {
    if (!vals.has(c)) continue;
    const mine = relations.filter((r) => refsOf(r).some((y) => key(y) === c));
    const tries = new Set<number>();
    for (const r of mine) for (const v of solve(r, c, (y) => vals.get(key(y)) ?? 0)) tries.add(v);
    const ok = [...tries].some((v) => {
      if (!(v >= 0) || !Number.isFinite(v) || Math.abs(v - vals.get(c)!) < 1e-9) return false;
      const get = (y: Ref): number | undefined => (key(y) === c ? v : vals.get(key(y)));
      return mine.every((r) => holds(r, get));
    });
    if (ok) out.push(c);
  }
  return out.sort();
}

/** Every money/score cell that takes part in a relation (for the property test). */
export function relationCells(relations: readonly Relation[]): Ref[] {
  const seen = new Map<string, Ref>();
  for (const r of relations) for (const x of refsOf(r)) seen.set(key(x), x);
  return [...seen.values()];
}
