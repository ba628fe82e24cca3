/**
 * Thousands separators, as clerks write amounts. A leaf module: the finding messages (i18n) use it on the
 * `check` path, which must not load the fix and fill code behind src/core/fix.
 */

/** `3467700.00` → `3,467,700.00`. */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}
