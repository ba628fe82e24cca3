/**
 * Reading numbers the way clerks write them: `1,711.75`, `１７１１.７５`, `99.74%`, `346.77元`,
 * `5.33亿元`, `(12.5)`, `—`. Pure functions; nothing here throws.
 */
import type { CellSnapshot } from "../model/snapshot";
import { isAbnormalNumber } from "./finite";

/** What a cell or a piece of text holds, read as a number where it can be. */
export type Parsed =
  | { readonly kind: "blank" }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "text"; readonly text: string }
  | ParsedNumber;

/** A number read from a cell or from text. */
export interface ParsedNumber {
  readonly kind: "number";
  /**
   * The value in its written unit; a percentage is a fraction (`99.74%` → 0.9974), money stays in the
   * unit written (`5.33亿元` → 5.33 with unit `亿元`).
   */
  readonly value: number;
  /** The unit written after the number (`元`, `万元`, `万人`, `%`), or implied by the number format. */
  readonly unit?: string;
  /** Written or formatted as a percentage. */
  readonly percent: boolean;
  /**
   * Decimal places of `value` as shown (XBRL's inferred precision): `1,711.75` → 2, `99.74%` → 4
   * (the fraction 0.9974). May be negative for numbers written with an exponent (`1.5E3` → -2).
   */
  readonly decimals: number;
  /** The number was typed as text (a string cell), not stored as a number. */
  readonly fromText: boolean;
  /** What was read: the text as written, or the stored number as a string. */
  readonly raw: string;
}

const ERROR_CODES = /^#(?:REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/**
 * Cells that mean "nothing here": dashes of every width and a lone slash (clerks write `/` for
 * 不适用). They are blanks, not text, so that footing treats them like empty cells.
 */
const BLANK_MARKS = /^[-—–―‐‑‒~〜～/\\]*$/;

/**
 * A unit written after a number: a few CJK or Latin letters, optionally an alternative in brackets
 * (`台（套）`, `人（次）`: full-width brackets are half-width here) and `per` something (`元/人`).
 */
const UNIT = /^[\u4e00-\u9fffA-Za-z°℃]{1,5}(?:\([\u4e00-\u9fff]{1,3}\))?(?:\/[\u4e00-\u9fffA-Za-z]{1,4})?$/;

/** Full-width ASCII → half-width, ideographic space → space, and the other minus signs → `-`. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/[\u2212\u2012\u2013\ufe63]/g, "-")
    .replace(/\uffe5/g, "¥");
}

/** 10^d for d = 0 … 22: every one is an exact double (so `m / POW10[d]` is correctly rounded). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, d) => Number(`1e${d}`));

/**
 * The integer m with `m / 10^d === value`, when |m| < 10^15; else NaN. Such an m proves that the
 * shortest decimal form of `value` (what String(value) prints) has at most d decimals, and is m / 10^d
 * itself: two decimals with at most d decimals differ by at least 10^-d, more than the spacing of
 * doubles below 10^15 / 10^d, so no other one rounds to the same double. A multiplication, a rounding
 * and a division instead of the string round trips below — money is read and corrected per cell.
 */
function scaledInteger(value: number, d: number): number {
  const p = POW10[d];
  const m = Math.round(value * p);
  return Math.abs(m) < 1e15 && m / p === value ? m : NaN;
}

/**
 * The decimals of value's shortest form (what String(value) prints) when at most 8 and the number is
 * at least 10^-6 (no exponent) with |value·10^d| < 10^15; else -1. The first d at which value is
 * exactly m / 10^d (see scaledInteger) — found without printing the number.
 */
export function shortDecimals(value: number): number {
  if (value === 0) return 0;
  if (!(Math.abs(value) >= 1e-6)) return -1;
  for (let d = 0; d <= 8; d++) if (!Number.isNaN(scaledInteger(value, d))) return d;
  return -1;
}

/**
 * `Number(\`${value}e${k}\`)` for |k| ≤ 8: the decimal value prints as, shifted by k places (the
 * string is NaN when that form has an exponent). When the form is m / 10^d (shortDecimals), the shifted
 * decimal is m·10^(k−d) or m / 10^(d−k), which one correctly rounded operation by an exact power of
 * ten reads as the string would — a 元/万元 correction is tried for many cells.
 */
export function shiftDecimal(value: number, k: number): number {
  const d = Number.isInteger(k) && Math.abs(k) <= 8 ? shortDecimals(value) : -1;
  if (d < 0) return Number(`${value}e${k}`);
  if (value === 0) return 0;
  const m = Math.round(value * POW10[d]);
  return k >= d ? m * POW10[k - d] : m / POW10[d - k];
}

/** Round to `decimals` places without the binary noise of `x * 10^d` (0.1 + 0.2 stays 0.3). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // Already at that precision (nearly every figure read or corrected): the string path below would
  // print value's shortest form, scale it to the integer m exactly, and read m·10^-d back as value.
  // (At least 10^-6, so that String(value) has no exponent either.)
  if (decimals >= 0 && decimals <= 20 && Number.isInteger(decimals) && (value === 0 || Math.abs(value) >= 1e-6) && !Number.isNaN(scaledInteger(value, decimals))) {
    return value === 0 ? 0 : value;
  }
  // Half away from zero, as Excel's ROUND and its display do.
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  if (decimals >= 0 && decimals <= 20 && !/e/i.test(String(abs))) {
    const r = Number(`${Math.round(Number(`${abs}e${decimals}`))}e-${decimals}`);
    if (Number.isFinite(r)) return sign * r;
  }
  const f = Math.pow(10, decimals);
  const r = Math.round(abs * f) / f;
  return Number.isFinite(r) ? sign * r : value;
}

/** Decimal places of a number's shortest form as Excel shows it in General (15 significant digits). */
export function writtenDecimals(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  // An integer has none, whatever its size (its 15-digit form is an integer too): no string needed.
  if (Number.isInteger(value)) return 0;
  // Money has a few decimals: its shortest form found without printing it has at most 15 significant
  // digits, so it is also the 15-digit form counted below.
  const short = shortDecimals(value);
  if (short >= 0) return short;
  // A value whose shortest form has at most 15 significant digits is its own 15-digit form: count the
  // decimals of String(value) directly (toPrecision(15) would give the same digits, padded with zeros).
  const quick = decimalsIfShort(String(value));
  if (quick !== undefined) return quick;
  const s = Number(value.toPrecision(15)).toString();
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(s);
  if (!m) return 0;
  const frac = m[1] ? m[1].length : 0;
  const exp = m[2] ? Number(m[2]) : 0;
  return Math.max(0, frac - exp);
}

/** Decimals of a plain decimal string (`-12.345` → 3) with at most 15 significant digits, else undefined. */
function decimalsIfShort(s: string): number | undefined {
  let digits = 0;
  let leading = true;
  let dot = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      dot = i;
      continue;
    }
    if (c === 45 && i === 0) continue;
    if (c < 48 || c > 57) return undefined; // an exponent: the slow path
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  if (digits > 15) return undefined;
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Read text as a clerk writes numbers.
 * @param text - cell text such as `"1,711.75"`, `"１７１１.７５"`, `"99.74%"`, `"346.77元"`, `"(12.5)"`, `"—"`
 * @returns blank for empty/dash cells, error for `#REF!` and kin, number when the whole text is one
 *   number with an optional trailing unit, else text (`"达成年度指标"`, `"≥95%"`). Never throws.
 * @example parseText("99.74%") // {kind:"number", value:0.9974, percent:true, decimals:4, unit:"%", …}
 */
export function parseText(text: string): Parsed {
  try {
    return parseTextUnsafe(String(text));
  } catch {
    return { kind: "text", text: String(text) };
  }
}

function parseTextUnsafe(raw: string): Parsed {
  const s0 = toHalfWidth(raw).replace(/\s+/g, "");
  if (BLANK_MARKS.test(s0)) return { kind: "blank" };
  if (ERROR_CODES.test(s0)) return { kind: "error", code: s0.toUpperCase() };
  const text: Parsed = { kind: "text", text: raw };

  let s = s0;
  let sign = 1;
  if (s[0] === "+" || s[0] === "-") {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  // Accountants' negatives: (12.5) or (12.5)万元.
  const paren = /^\((.+)\)(.*)$/.exec(s);
  if (paren) {
    if (sign === -1) return text;
    sign = -1;
    s = paren[1] + paren[2];
  }
  let currency = false;
  if (s[0] === "¥" || s[0] === "$") {
    currency = s[0] === "¥";
    s = s.slice(1);
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?/.exec(s);
  if (!m || (m[1] === undefined && (m[2] === undefined || m[2] === ""))) return text;
  const intPart = (m[1] ?? "0").replace(/,/g, "");
  const fracPart = m[2] ?? "";
  const exp = m[3] !== undefined ? Number(m[3]) : 0;
  let rest = s.slice(m[0].length);

  let percent = false;
  let unit: string | undefined;
  let decimals = fracPart.length - exp;
  let value = Number(`${intPart}.${fracPart || "0"}e${exp}`);
  if (rest === "%" || rest === "百分比" || rest === "个百分比") {
    percent = true;
    unit = "%";
    decimals += 2;
    value = Number(`${intPart}.${fracPart || "0"}e${exp - 2}`);
    rest = "";
  } else if (rest !== "") {
    if (!UNIT.test(rest)) return text;
    unit = rest;
  } else if (currency) {
    unit = "元";
  }
  if (!Number.isFinite(value)) return text;
  value = sign * value;
  if (Object.is(value, -0)) value = 0;
  return { kind: "number", value, unit, percent, decimals, fromText: true, raw };
}

/** What a number format shows (see {@link formatInfo}). */
export interface FormatInfo {
  readonly decimals?: number;
  readonly percent: boolean;
  readonly unit?: string;
}

const NO_FORMAT: FormatInfo = Object.freeze({ percent: false });

/** formatInfo by format string: a workbook uses a handful of formats over thousands of cells. */
const formatCache = new Map<string, FormatInfo>();
const FORMAT_CACHE_MAX = 4096;

/**
 * Decimal places a number format shows, and whether it shows a percentage and which literal unit.
 * Parsed once per format string (the answer is shared and frozen: do not modify it).
 */
export function formatInfo(numberFormat: string | undefined): FormatInfo {
  if (!numberFormat) return NO_FORMAT;
  const hit = formatCache.get(numberFormat);
  if (hit) return hit;
  const info = Object.freeze(parseFormat(numberFormat));
  if (formatCache.size >= FORMAT_CACHE_MAX) formatCache.clear();
  formatCache.set(numberFormat, info);
  return info;
}

function parseFormat(numberFormat: string): { decimals?: number; percent: boolean; unit?: string } {
  if (/^general$/i.test(numberFormat.trim()) || numberFormat.trim() === "@") return { percent: false };
  // The first section is the one used for positive numbers (and for all when there is one section).
  const section = splitSections(numberFormat)[0];
  // Quoted literals and escapes are text, not digits: strip them before counting, but keep a unit.
  const literal = /"([^"]*)"/.exec(section);
  const bare = section.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").replace(/_./g, "");
  const percent = bare.includes("%");
  const dot = /[0#?][,]*\.([0#?]*)/.exec(bare) ?? /^\.([0#?]*)/.exec(bare);
  let decimals = dot ? dot[1].length : /[0#?]/.test(bare) ? 0 : undefined;
  if (decimals === undefined) return { percent };
  if (percent) decimals += 2;
  // Trailing commas after the digits scale by thousands (#,##0.00,) — shown decimals shift by 3 each.
  const scaling = /[0#?]((?:,)+)(?:[^0#?]|$)/.exec(bare.replace(/\.[0#?]*/, ""));
  if (scaling) decimals -= 3 * scaling[1].length;
  const unitText = literal ? literal[1].trim() : undefined;
  return { decimals, percent, unit: percent ? "%" : unitText && UNIT.test(unitText) ? unitText : undefined };
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') quoted = !quoted;
    if (c === "\\" && i + 1 < format.length) {
      cur += c + format[++i];
      continue;
    }
    if (c === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Read a cell as a number where it can be.
 * @param cell - a cell of the snapshot (undefined for an empty cell)
 * @returns blank, error (`#REF!`…), number or text. Stored numbers take their decimals from the number
 *   format (`0.00` → 2, `0.00%` → 4 because the value is a fraction), or from their shortest form when
 *   General; strings are read with {@link parseText}. Never throws.
 * @example parseCell({ value: 0.9974, numberFormat: "0.00%" }) // {value:0.9974, percent:true, decimals:4, …}
 */
export function parseCell(cell: CellSnapshot | undefined): Parsed {
  try {
    if (!cell) return { kind: "blank" };
    if (cell.error !== undefined) return { kind: "error", code: cell.error };
    const v = cell.value;
    if (v === null || v === undefined) return { kind: "blank" };
    if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
    if (typeof v === "string") return parseText(v);
    // Infinite, NaN or ≥ 1e15: not a figure any rule can compute with (number-out-of-range reports it).
    if (typeof v !== "number" || isAbnormalNumber(v)) return { kind: "text", text: String(v) };
    const info = formatInfo(cell.numberFormat);
    const decimals = info.decimals ?? writtenDecimals(v);
    return {
      kind: "number",
      value: Object.is(v, -0) ? 0 : v,
      unit: info.unit,
      percent: info.percent,
      decimals,
      fromText: false,
      raw: String(v),
    };
  } catch {
    return { kind: "text", text: String(cell?.value) };
  }
}

/**
 * The interval a shown number stands for: value ± ½·10^−decimals (XBRL Calculations 1.1 inferred
 * precision). `1711.75` shown with 2 decimals stands for [1711.745, 1711.755].
 * @param p - a value and the decimals it is shown with
 * @returns [low, high]
 * @example interval({ value: 1711.75, decimals: 2 }) // [1711.745, 1711.755]
 */
export function interval(p: { readonly value: number; readonly decimals: number }): [number, number] {
  const half = 0.5 * Math.pow(10, -p.decimals);
  return [p.value - half, p.value + half];
}
