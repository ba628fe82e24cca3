import { ABNORMAL_TEXT, isAbnormalNumber } from "../units/finite";

/**
 * Fill a `{{placeholder}}` template from data; unknown placeholders are left visible. A number is shown as
 * a clerk writes it (no exponent); an infinite, NaN or ≥ 10¹⁵ value as （数值异常）, never "Infinity".
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? show(data[key]) : whole,
  );
}

function show(value: string | number): string {
  if (typeof value !== "number") return String(value);
  if (isAbnormalNumber(value)) return ABNORMAL_TEXT;
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(8).replace(/\.?0+$/, "") : text;
}
