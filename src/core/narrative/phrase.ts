/**
 * Helpers the prose rules share: quoting a phrase, formatting a computed number the way the prose
 * wrote its own, and rewriting one phrase of a cell's text.
 */
import { roundTo } from "../units";
import type { ProseQuantity } from "./extract";

/** The sentence around a quantity, trimmed, for messages (at most 60 characters). */
export function quoteSentence(q: ProseQuantity): string {
  const t = q.sentence.text.trim();
  return t.length > 60 ? `${t.slice(0, 58)}…` : t;
}

/** A number with `decimals` places (at least `min`), without binary noise. */
export function formatDecimals(value: number, decimals: number, min = 0): string {
  const d = Math.max(min, decimals);
  return roundTo(value, d).toFixed(d);
}

/** The cell's text with `q`'s phrase replaced by `replacement`. */
export function replacePhrase(text: string, q: ProseQuantity, replacement: string): string {
  return text.slice(0, q.start) + replacement + text.slice(q.end);
}
