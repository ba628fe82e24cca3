/**
 * Numbers no 自评表 can hold, and formats that turn a figure into a date. A value that is infinite, not a
 * number, or 10¹⁵ or more in absolute value (10¹⁵ 元 is several times China's GDP) is "abnormal": parseCell
 * reads it as unreadable, formatNumber never prints it, and the number-out-of-range rule reports it once.
 */

/** The smallest absolute value that is abnormal. */
export const ABNORMAL_MAGNITUDE = 1e15;

/** Whether a figure is infinite, NaN or at least 10¹⁵ in absolute value. */
export function isAbnormalNumber(value: number): boolean {
  return !Number.isFinite(value) || Math.abs(value) >= ABNORMAL_MAGNITUDE;
}

/** What a message shows in place of an abnormal number. */
export const ABNORMAL_TEXT = "（数值异常）";

/**
 * Whether an Excel number format shows a date or a time (`yyyy/m/d`, `m"月"d"日"`, `[$-F800]dddd`,
 * `h:mm`, `[h]:mm:ss`). Quoted text, escapes, colours and locale tags are not date codes.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const first = format.split(";")[0];
  const bare = first
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  if (/[0#?]/.test(bare) && !/[ymdhs]/i.test(bare.replace(/E[+-]/gi, ""))) return false;
  return /[ymdhs]/i.test(bare.replace(/E[+-]/gi, "").replace(/AM\/PM|A\/P/gi, ""));
}

/** A stored number as a clerk writes it: no exponent, at most 8 decimals (`45292`, `0.0001`). */
export function showStored(value: number): string {
  if (isAbnormalNumber(value)) return ABNORMAL_TEXT;
  const fixed = value.toFixed(8).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}
