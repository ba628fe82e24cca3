/**
 * Units as clerks write them: money (元 / 万元 / 亿元), people (人 / 万人), visits (人次 / 万人次),
 * percentages, and plain counts (户, 家, 个 …) that convert only to themselves.
 */
import { roundTo } from "./parse";
import { ABNORMAL_TEXT, isAbnormalNumber } from "./finite";

/** Units that scale into each other, by family: the factor to the family's base unit. */
const FAMILIES: readonly (Readonly<Record<string, number>>)[] = [
  { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 亿元: 1e8 },
  { 人: 1, 万人: 1e4 },
  { 人次: 1, 万人次: 1e4 },
  { 户: 1, 万户: 1e4 },
  { 次: 1, 万次: 1e4 },
  { 件: 1, 万件: 1e4 },
  // A percentage is read as a fraction already, so % and 百分比 are the same unit.
  { "%": 1, 百分比: 1 },
];

function familyOf(unit: string): Readonly<Record<string, number>> | undefined {
  return FAMILIES.find((f) => Object.prototype.hasOwnProperty.call(f, unit));
}

/**
 * The factor of a money unit to 元.
 * @param unit - `元`, `万元`, `亿元` (also `千元`, `百万元`)
 * @returns 1, 1e4, 1e8 …; undefined for anything that is not money
 * @example moneyFactor("万元") // 10000
 */
export function moneyFactor(unit: string): number | undefined {
  const f = FAMILIES[0];
  return Object.prototype.hasOwnProperty.call(f, unit.trim()) ? f[unit.trim()] : undefined;
}

/**
 * Convert a value between units of one family.
 * @param value - the value in `from`
 * @param from - e.g. `元`
 * @param to - e.g. `万元`
 * @returns the value in `to`, or undefined when the units do not convert (万元 → 人, 户 → 家)
 * @example convertUnit(3467700, "元", "万元") // 346.77
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  const a = from.trim();
  const b = to.trim();
  if (a === b) return value;
  const fam = familyOf(a);
  if (!fam || !Object.prototype.hasOwnProperty.call(fam, b)) return undefined;
  const ratio = fam[a] / fam[b];
  // Keep decimal results clean: 3467700 元 is 346.77 万元, not 346.77000000000004.
  const shift = Math.round(Math.log10(ratio));
  const exact = Math.abs(Math.pow(10, shift) / ratio - 1) < 1e-12;
  if (!exact) return value * ratio;
  const scaled = /e/i.test(String(value)) ? NaN : Number(`${value}e${shift}`);
  return Number.isFinite(scaled) ? scaled : value * ratio;
}

/** How many decimal places a conversion shifts: 元 → 万元 is +4 (0.01 元 = 0.000001 万元). */
export function decimalShift(from: string, to: string): number | undefined {
  const r = convertUnit(1, from, to);
  if (r === undefined || r <= 0) return undefined;
  return -Math.round(Math.log10(r));
}

/**
 * Format a number the way the workbook shows it.
 * @param value - the value; a fraction when `unit` is `%` or `百分比` (0.9974 → `99.74%`)
 * @param decimals - decimal places of `value` (for a percentage, of the fraction: 4 → `99.74%`)
 * @param options - `thousands` adds `,` separators; `unit` is written after the number
 * @returns e.g. `1,711.75`, `346.77元`, `99.74%`
 * @example formatNumber(1711.75, 2, { thousands: true }) // "1,711.75"
 */
export function formatNumber(value: number, decimals: number, options: { readonly thousands?: boolean; readonly unit?: string } = {}): string {
  const unit = options.unit ?? "";
  const percent = unit === "%" || unit === "百分比";
  let d = Math.max(0, Math.min(20, Math.floor(decimals)));
  let v = value;
  if (percent) {
    v = /e/i.test(String(value)) ? value * 100 : Number(`${value}e2`);
    d = Math.max(0, d - 2);
  }
  // Never "Infinity%", "NaN" or a 300-digit figure in a message.
  if (isAbnormalNumber(v) || isAbnormalNumber(value)) return ABNORMAL_TEXT;
  const rounded = roundTo(v, d);
  const negative = rounded < 0;
  let body = Math.abs(rounded).toFixed(d);
  if (/e/i.test(body)) body = Math.abs(rounded).toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: d, minimumFractionDigits: d });
  if (options.thousands) {
    const [i, f] = body.split(".");
    body = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f !== undefined ? `.${f}` : "");
  }
  return `${negative ? "-" : ""}${body}${unit}`;
}
