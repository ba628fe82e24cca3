/**
 * Which form a sheet is: every form's anchors are looked for among the sheet's short texts; the form
 * with the most anchors found (at least its `minAnchors`, with all its `requires`, none of its
 * `excludes`) wins, ties going to the higher `priority`. Each sheet is judged on its own.
 */
import type { SheetGrid } from "../mapping/grid";
import { labelKey } from "./read";
import { FORMS } from "./index";
import type { FormDecl, Labels } from "./types";

/** Texts longer than this are prose, not labels or titles. */
const MAX_LABEL = 60;
/** Only the first rows are read for detection: a form's labels sit at its top and in its headers. */
const DETECT_ROWS = 400;

/** The label keys of a sheet's short texts (first {@link DETECT_ROWS} filled rows). */
export function sheetLabels(grid: SheetGrid): string[] {
  const out = new Set<string>();
  const rows = grid.rowNumbers;
  if (rows.length === 0) return [];
  const lastRow = rows[Math.min(DETECT_ROWS, rows.length) - 1];
  // Only the text cells, straight from the sheet's cell index: numbers (most cells of a big sheet) are
  // never visited. The keys are gathered in a set, so their order does not matter.
  const ix = grid.ix;
  for (let n = 0; n < ix.texts.length; n++) {
    const i = ix.texts[n];
    const row = ix.rows[i];
    // A cell the grid reads there (not blank, not a second spelling of its address).
    if (row === 0 || row > lastRow || grid.find(row, ix.cols[i]) !== i) continue;
    const t = (ix.cells[i].value as string).trim();
    if (t.length > MAX_LABEL) continue;
    const k = labelKey(t);
    if (k) out.add(k);
    // `项目名称：某某` also names its label.
    const colon = t.includes(":") || t.includes("：") ? /^([^:：]{2,12})[:：]/.exec(t) : null;
    if (colon) out.add(labelKey(colon[1]));
  }
  return [...out];
}

/**
 * A sheet's label texts indexed once for {@link has}: every form's anchors are looked up in them. A
 * label key of 5 or more characters matches a text that contains it (equal and prefix included), so
 * one search in the joined texts answers; a shorter key matches a text it starts with, at most 8
 * characters longer — the shortest text under each prefix of up to 4 characters answers.
 */
interface TextIndex {
  readonly texts: readonly string[];
  /** The texts joined by U+0000, or undefined when a text holds one (then texts are scanned). */
  readonly joined?: string;
  /** Shortest text length by prefix (the first 0 to 4 characters), over the texts of at most 12 characters. */
  readonly shortest: ReadonlyMap<string, number>;
}

function indexTexts(texts: readonly string[]): TextIndex {
  const shortest = new Map<string, number>();
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    // A key of j ≤ 4 characters matches only a text at most j + 8 ≤ 12 long: longer texts never decide
    // (their prefixes would only record lengths that fail the test), so they are not sliced.
    if (t.length > 12) continue;
    for (let j = 0; j <= Math.min(4, t.length); j++) {
      const p = t.slice(0, j);
      const m = shortest.get(p);
      if (m === undefined || t.length < m) shortest.set(p, t.length);
    }
  }
  const joined = texts.some((t) => t.includes("\u0000")) ? undefined : texts.join("\u0000");
  return { texts, joined, shortest };
}

/** Anchor labels' keys, computed once per label (the forms' labels are a fixed vocabulary). */
const keyCache = new Map<string, string>();
function keyOf(label: string): string {
  let k = keyCache.get(label);
  if (k === undefined) {
    k = labelKey(label);
    if (keyCache.size < 10000) keyCache.set(label, k);
  }
  return k;
}

/** Whether one of the labels is among the texts (equal, a prefix, or inside a title). */
function has(index: TextIndex, labels: Labels): boolean {
  return labels.some((l) => {
    const k = keyOf(l);
    if (k.length >= 5) return index.joined !== undefined && !k.includes("\u0000") ? index.joined.includes(k) : index.texts.some((t) => t.includes(k));
    const m = index.shortest.get(k);
    return m !== undefined && m - k.length <= 8;
  });
}

/** A sheet's form and how many anchors matched. */
export interface Detection {
  readonly form: FormDecl;
  readonly score: number;
}

/**
 * The form of a sheet, or undefined when none fits.
 * @param grid - the sheet
 * @param forms - the candidate forms (all by default)
 */
export function detectForm(grid: SheetGrid, forms: readonly FormDecl[] = FORMS): Detection | undefined {
  const texts = indexTexts(sheetLabels(grid));
  let best: Detection | undefined;
  for (const form of forms) {
    if (form.excludes && has(texts, form.excludes)) continue;
    if (form.requires && !form.requires.every((r) => has(texts, r))) continue;
    const score = form.anchors.filter((a) => has(texts, a)).length;
    if (score < form.minAnchors) continue;
    if (!best || score > best.score || (score === best.score && (form.priority ?? 0) > (best.form.priority ?? 0))) best = { form, score };
  }
  return best;
}
