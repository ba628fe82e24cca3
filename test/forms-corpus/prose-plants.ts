/**
 * The prose mistakes prose-sweep.test.ts plants: every amount, rate, score and count (N个, N项, N家) a text
 * cell states, changed one at a time (an amount by +10% + 1, a percentage or a score by 7 points, a count
 * by 2). Shared by the sweep and by the tests that rewrite the text sheets (prose-layouts.test.ts).
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, snapshotOf, type BookSpec } from "./book";
import type { FormCase } from "./types";

/** A stated figure: digits, spacing, unit. */
export const PHRASE = /(\d+(?:\.\d+)?)(\s*)(万元|元|%|分|亿元|个|项|家)/g;

/** The changed number, written with the decimals of the original. */
export function changed(n: number, unit: string, decimals: number): string {
  return (unit === "%" || unit === "分" ? n + 7 : unit === "个" || unit === "项" || unit === "家" ? n + 2 : n * 1.1 + 1).toFixed(decimals);
}

/** One figure of a text changed. */
export interface ProsePlant {
  /** `Sheet!A1 346.77万元 → 382.45万元`. */
  readonly name: string;
  readonly book: BookSpec;
  readonly sheet: string;
  readonly a1: string;
  /** `file` + the four characters before the figure + the figure: the sweep's NOT_IN_TABLES key. */
  readonly key: string;
}

/** Every figure of every text cell (25 characters or more) of the case's book, changed one at a time. */
export function prosePlants(c: FormCase): ProsePlant[] {
  const planted: ProsePlant[] = [];
  for (const sh of c.book.sheets) {
    for (const [a1, cell] of sh.cells) {
      if (typeof cell.v !== "string" || cell.v.length < 25) continue;
      const text = cell.v;
      for (const m of text.matchAll(PHRASE)) {
        const n = Number(m[1]);
        if (n === 0 || (Number.isInteger(n) && n >= 1900 && n <= 2100)) continue;
        const to = changed(n, m[3], (m[1].split(".")[1] ?? "").length);
        const book = copyBook(c.book);
        book.sheets.find((s) => s.name === sh.name)!.cells.get(a1)!.v = text.slice(0, m.index) + to + m[2] + m[3] + text.slice(m.index! + m[0].length);
        planted.push({ name: `${sh.name}!${a1} ${m[0]} → ${to}${m[3]}`, book, sheet: sh.name, a1, key: `${c.file} ${text.slice(Math.max(0, m.index! - 4), m.index)}${m[1]}${m[3]}` });
      }
    }
  }
  return planted;
}

/** A finding as `ruleId@Sheet!A1`, with `#message` when `detail`. */
function keyOf(f: { ruleId: string; sheet: string; ref: string; message: string }, detail: boolean): string {
  return `${f.ruleId}@${f.sheet}!${f.ref}${detail ? `#${f.message}` : ""}`;
}

/** The findings of a book (infos too unless `severe`), as `ruleId@Sheet!A1` (`#message` when `detail`). */
export function findingKeys(b: BookSpec, severe = false, detail = false): Set<string> {
  return new Set(
    checkWorkbook(snapshotOf(b))
      .findings.filter((f) => !severe || f.severity !== "info")
      .map((f) => keyOf(f, detail)),
  );
}

/**
 * Whether the book has an error or warning at one of `cells` (`Sheet!A1`) that `before` lacks (`before` made
 * by {@link findingKeys} with the same `detail`: with it, a new message at a cell already flagged by the same
 * rule counts).
 */
export function foundAtNew(b: BookSpec, cells: ReadonlySet<string>, before: ReadonlySet<string>, detail = false): boolean {
  return checkWorkbook(snapshotOf(b)).findings.some((f) => f.severity !== "info" && cells.has(`${f.sheet}!${f.ref}`) && !before.has(keyOf(f, detail)));
}
