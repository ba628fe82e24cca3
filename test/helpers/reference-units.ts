/**
 * Frozen reference copies of the units functions as they were before their fast paths (string round trips
 * only): property tests compare today's functions with these, so they must not be "improved".
 */

/** roundTo as it was: through decimal strings only. */
export function referenceRoundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
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

/** writtenDecimals as it was: the decimals of the 15-significant-digit form, printed. */
export function referenceWrittenDecimals(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const s = Number(value.toPrecision(15)).toString();
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(s);
  if (!m) return 0;
  const frac = m[1] ? m[1].length : 0;
  const exp = m[2] ? Number(m[2]) : 0;
  return Math.max(0, frac - exp);
}
