/**
 * Indicator values as clerks write them: the 指标方向 (≥ > ≤ < = 定性, 正向/反向, 大于等于 …) and the
 * 年度指标值 / 实际完成值 (`≥95%`, `23.9万人`, `≤1632.87万元`, `100%`, `3764家`, `达成年度指标`), and the
 * comparison of a target with an actual value in one unit. A unit that cannot be reconciled is reported
 * (`reconcile` returns a problem), never guessed.
 */
import type { CellSnapshot } from "../model/snapshot";
import { convertUnit, formatNumber, parseCell, parseText, toHalfWidth, writtenDecimals } from "../units";
import type { QualitativeTier } from "./types";

/** An indicator's direction: the comparison the target asks for, or 定性. */
export type Direction = "≥" | ">" | "≤" | "<" | "=" | "定性";

/** How a direction scores: 正向 (more is better), 反向 (less is better), 等于, 定性. */
export type DirectionKind = "positive" | "negative" | "equal" | "qualitative";

/** The kind of a direction. */
export function directionKind(d: Direction): DirectionKind {
  if (d === "≥" || d === ">") return "positive";
  if (d === "≤" || d === "<") return "negative";
  if (d === "=") return "equal";
  return "qualitative";
}

/** Chinese name of a direction kind, for formulas and messages. */
export function directionName(d: Direction): string {
  const kind = directionKind(d);
  return kind === "positive" ? "正向指标" : kind === "negative" ? "反向指标" : kind === "equal" ? "等于型指标" : "定性指标";
}

/**
 * Words and signs a 指标方向 cell may hold. Longest first, so that 大于等于 wins over 大于. The
 * platform's computesign codes (1–6, 6 = 定性 [S4]) are accepted for 1/2 (正向) and 6; the others'
 * numbering is not documented, so they are not read.
 */
const DIRECTION_WORDS: readonly (readonly [string, Direction])[] = [
  ["大于或等于", "≥"],
  ["小于或等于", "≤"],
  ["大于等于", "≥"],
  ["小于等于", "≤"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不多于", "≤"],
  ["不大于", "≤"],
  ["正向指标", "≥"],
  ["反向指标", "≤"],
  ["定性指标", "定性"],
  ["定量指标", "≥"],
  ["正向", "≥"],
  ["反向", "≤"],
  ["定性", "定性"],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["超", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["等于", "="],
  [">=", "≥"],
  ["<=", "≤"],
  ["=>", "≥"],
  ["=<", "≤"],
  ["≥", "≥"],
  ["≧", "≥"],
  ["≤", "≤"],
  ["≦", "≤"],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];
/** {@link DIRECTION_WORDS} for the exact look-up, and its words of two or more characters in its order for the search inside a label. */
const DIRECTION_BY_WORD: ReadonlyMap<string, Direction> = new Map(DIRECTION_WORDS.map(([w, d]) => [w, d] as const));
const LONG_DIRECTION_WORDS = DIRECTION_WORDS.filter(([w]) => w.length >= 2);

/**
 * Read a 指标方向 cell.
 * @param text - `≥`, `大于等于`, `正向`, `反向`, `定性`, `=` …
 * @returns the direction, or undefined when the text is not one
 * @example parseDirection("大于等于") // "≥"
 */
export function parseDirection(text: string | number | boolean | null | undefined): Direction | undefined {
  if (text === null || text === undefined || typeof text === "boolean") return undefined;
  if (typeof text === "number") return text === 1 || text === 2 ? (text === 1 ? "≥" : ">") : text === 6 ? "定性" : undefined;
  const s = toHalfWidth(text).replace(/\s+/g, "");
  if (!s) return undefined;
  if (/^[126]$/.test(s)) return parseDirection(Number(s));
  // The words are distinct, so the first equal one is the only one.
  const exact = DIRECTION_BY_WORD.get(s);
  if (exact) return exact;
  // A word inside a longer label (正向指标（越大越好）): the first in the list's order, longest first.
  for (let i = 0; i < LONG_DIRECTION_WORDS.length; i++) if (s.includes(LONG_DIRECTION_WORDS[i][0])) return LONG_DIRECTION_WORDS[i][1];
  return undefined;
}

/** A value as read from a 年度指标值 / 实际完成值 cell. */
export type IndicatorValue =
  | { readonly kind: "blank"; readonly raw: string }
  | { readonly kind: "error"; readonly raw: string }
  /** Text that is not a number: a 定性 statement (达成年度指标), or something unreadable. */
  | { readonly kind: "text"; readonly raw: string; readonly text: string }
  | IndicatorNumber;

/** A number read from an indicator cell, with its leading comparison sign if one was written. */
export interface IndicatorNumber {
  readonly kind: "number";
  readonly raw: string;
  /** The value in its written unit; a percentage is a fraction (`95%` → 0.95). */
  readonly value: number;
  /** The written unit (`万人`, `万元`, `家`), `%` for a percentage, undefined for a bare number. */
  readonly unit?: string;
  readonly percent: boolean;
  /** Decimal places as written (a percentage counts those of the fraction). */
  readonly decimals: number;
  /** The comparison written before the number (`≥95%` → `≥`). */
  readonly sign?: Direction;
}

/** Leading signs and words of a target (`≥95%`, `不低于95%`, `小于等于1632.87万元`). */
const LEADING = /^(大于或等于|小于或等于|大于等于|小于等于|不低于|不少于|不小于|不高于|不超过|不多于|不大于|大于|小于|高于|低于|超过|超|等于|>=|<=|=>|=<|≥|≧|≤|≦|>|<|=)/;

/** Words after a number that state the comparison (95%以上, 3天以内). */
const TRAILING = /(及以上|以上|及以下|以下|以内|之内)$/;

/**
 * Read an indicator value from a cell.
 * @param cell - the 年度指标值 or 实际完成值 cell (undefined when empty)
 * @returns blank, error, number (with its sign and unit) or text. Never throws.
 * @example readIndicatorValue({ value: "≤1632.87万元" }) // {kind:"number", value:1632.87, unit:"万元", sign:"≤", …}
 */
export function readIndicatorValue(cell: CellSnapshot | undefined): IndicatorValue {
  const raw = cell?.value === null || cell?.value === undefined ? (cell?.error ?? "") : String(cell.value);
  if (cell && typeof cell.value === "string") return readIndicatorText(cell.value);
  const p = parseCell(cell);
  if (p.kind === "blank") return { kind: "blank", raw };
  if (p.kind === "error") return { kind: "error", raw: p.code };
  if (p.kind === "text") return { kind: "text", raw, text: p.text };
  return { kind: "number", raw, value: p.value, unit: p.unit, percent: p.percent, decimals: p.decimals };
}

/**
 * Read an indicator value from text.
 * @param text - `≥95%`, `23.9万人`, `≤1632.87万元`, `≥100百分比`, `达成年度指标`
 * @returns see {@link readIndicatorValue}
 * @example readIndicatorText("≥95%") // {kind:"number", value:0.95, percent:true, unit:"%", sign:"≥", …}
 */
export function readIndicatorText(text: string): IndicatorValue {
  const half = toHalfWidth(text).replace(/\s+/g, "");
  const m = LEADING.exec(half);
  let sign = m ? parseDirection(m[1]) : undefined;
  let body = m ? half.slice(m[0].length) : half;
  // 95%以上, 3天以内: the comparison written after the number.
  const t = TRAILING.exec(body);
  if (t && body.length > t[0].length) {
    sign = sign ?? (/上/.test(t[1]) ? "≥" : "≤");
    body = body.slice(0, body.length - t[0].length);
  }
  const p = parseText(body);
  if (p.kind === "blank") return m ? { kind: "text", raw: text, text } : { kind: "blank", raw: text };
  if (p.kind === "error") return { kind: "error", raw: p.code };
  if (p.kind === "text") return { kind: "text", raw: text, text };
  return { kind: "number", raw: text, value: p.value, unit: p.unit, percent: p.percent, decimals: p.decimals, sign };
}

/** Two values brought to one unit, or the reason they cannot be. */
export type Reconciled =
  | { readonly ok: true; readonly a: number; readonly b: number; readonly unit?: string; readonly percent: boolean }
  | { readonly ok: false; readonly problem: "unit-mismatch" | "ambiguous-percent"; readonly unitA: string; readonly unitB: string };

/**
 * Bring a target (A) and an actual value (B) to the target's unit.
 * - same unit, or one side bare: compared as written (the bare side takes the other's unit);
 * - convertible units (万人 vs 人, % vs 百分比): B is converted into A's unit;
 * - a bare number against a percentage when the two readings differ by 100× (`1` vs `100%`): ambiguous;
 * - anything else (万元 vs 人): a mismatch.
 * @example reconcile(readIndicatorText("23万人"), readIndicatorText("239000人")) // {ok:true, a:23, b:23.9, unit:"万人"}
 */
export function reconcile(target: IndicatorNumber, actual: IndicatorNumber): Reconciled {
  const ua = target.percent ? "%" : target.unit;
  const ub = actual.percent ? "%" : actual.unit;
  if (ua === ub) return { ok: true, a: target.value, b: actual.value, unit: ua, percent: target.percent };
  if (ua !== undefined && ub !== undefined) {
    const b = convertUnit(actual.value, ub, ua);
    if (b === undefined) return { ok: false, problem: "unit-mismatch", unitA: ua, unitB: ub };
    return { ok: true, a: target.value, b, unit: ua, percent: target.percent };
  }
  // One side is a bare number. A percentage against a bare number: the bare number is either a
  // fraction (0.97) or percentage points (97). Only accept it when exactly one reading is plausible.
  if (ua === "%" || ub === "%") {
    const pct = ua === "%" ? target.value : actual.value;
    const bare = ua === "%" ? actual.value : target.value;
    const asFraction = bare;
    const asPoints = bare / 100;
    const plausible = (x: number): boolean => pct === 0 ? Math.abs(x) <= 1 : x / pct > 0.2 && x / pct < 5;
    const f = plausible(asFraction);
    const p = plausible(asPoints);
    if (f === p) return { ok: false, problem: "ambiguous-percent", unitA: ua ?? "", unitB: ub ?? "" };
    const bareValue = f ? asFraction : asPoints;
    return ua === "%"
      ? { ok: true, a: target.value, b: bareValue, unit: "%", percent: true }
      : { ok: true, a: bareValue, b: actual.value, unit: "%", percent: true };
  }
  // A bare number beside a counted unit (23万人 vs 23.9): the unit was written once.
  return { ok: true, a: target.value, b: actual.value, unit: ua ?? ub, percent: false };
}

/**
 * The 定性 tier a text selects (达成年度指标 / 部分达成… / 未达成…). Where two tiers' words overlap, the one
 * that starts first wins: a qualifier is written before the verb, so “部分达成年度指标” is 部分达成 (not the
 * 达成年度指标 inside it) and “未达成” is not 达成. Otherwise the longest match wins.
 * @returns the tier index in `tiers`, or undefined
 */
export function matchTier(text: string, tiers: readonly QualitativeTier[]): number | undefined {
  const s = toHalfWidth(text).replace(/\s+/g, "");
  const hits: { index: number; start: number; end: number }[] = [];
  tiers.forEach((t, index) => {
    for (const m of [t.label, ...t.matches]) {
      if (!m) continue;
      for (let at = s.indexOf(m); at >= 0; at = s.indexOf(m, at + 1)) hits.push({ index, start: at, end: at + m.length });
    }
  });
  // A hit is dominated by another tier's hit that overlaps it and starts earlier (or at the same place, longer).
  const kept = hits.filter((h) => !hits.some((o) => o.index !== h.index && o.start < h.end && h.start < o.end && (o.start < h.start || (o.start === h.start && o.end > h.end))));
  let best: { index: number; length: number } | undefined;
  for (const h of kept) if (!best || h.end - h.start > best.length) best = { index: h.index, length: h.end - h.start };
  return best?.index;
}

/**
 * Show a number for a formula in words: as written where possible (1707.31, 95%, 23.9), no binary noise.
 * @param value - the value (a fraction when `percent`)
 * @param percent - show as a percentage
 */
export function showNumber(value: number, percent = false): string {
  if (percent) return formatNumber(value, Math.min(writtenDecimals(value), 8), { unit: "%" });
  return formatNumber(value, Math.min(writtenDecimals(value), 8));
}
