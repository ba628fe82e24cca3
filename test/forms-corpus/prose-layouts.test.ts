/**
 * The text sheet as clerks really write it. Every layout with a report on a sheet of its own (综述, 自评报告,
 * 决算说明, 整体绩效) has that sheet rewritten the way the seeds' reports are laid out, WITHOUT changing any
 * stated figure: headings on rows of their own with blank rows between sections, the whole report in one
 * merged cell with line breaks, paragraphs wrapped by hand in mid-sentence or typed on several rows (ended
 * after a comma, or cut at the column's width), a small
 * table inside the text, amounts in 元 / 亿元 and percents in Chinese numerals (also in every text of every
 * layout), the report under the form on the form's own sheet, and section numbers in column A with the text
 * in column B. For each rewrite: the consistent workbook stays clean, every prose mistake
 * prose-sweep.test.ts finds is still found at its (moved) cell, and every planted mistake the corpus finds
 * is still found at its cause.
 *
 * Judgement calls: an amount written in 元 beside a 万元 table keeps prose-unit-matches-table's suggestion
 * (EXPECTED); a paragraph typed over several rows is one paragraph, so a finding about one of its sentences
 * (parts that do not add up, a change whose amount and percent are on two rows) may stand at any of its rows,
 * while one about a single figure goes to the row holding it. A mistake is planted in the original book
 * and the rewrite applied after, so a planted figure moves (and is rewritten) with its text; its cell in
 * the rewritten book is the one that differs from the rewritten consistent book. What is still lost is
 * listed in LOST with its reason, and asserted lost, so that the list can only shrink.
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, snapshotOf, type BookSpec, type SheetSpec } from "./book";
import { buildCorpus } from "./corpus";
import { findingKeys, foundAtNew, prosePlants } from "./prose-plants";
import { diffCells, linesOf, REWRITES, reworded, rewritten, tablesInYuan, textSheetOf, TABLE_REWRITE, wrappedParagraphCells, YUAN_REWRITE } from "./prose-rewrites";
import { possibleCauses } from "./relations";
import type { FormCase } from "./types";

/** `rewrite | layout: mistake` still lost after the rewrite, with why; asserted lost, so the list can only shrink. */
const LOST: ReadonlyMap<string, string> = new Map<string, string>([
  // A 决算 report's small table (基本支出 | 442.18 | 52.1%), each row read as “基本支出442.18万元，占比52.1%”: the
  // 决算 tables of final-accounts and its 元 variants give no 基本支出 figure the prose checks read (the text's
  // 基本支出 is checked as a part of 支出决算 = 基本 + 项目, which a row alone does not state), and a share with
  // no whole in its row is checked by nothing. Asserted to cause no error or warning anywhere else.
  ...[
    ["final-accounts", "整体绩效!B9", "整体绩效!C10"],
    ["final-yuan", "整体绩效!B9", "整体绩效!C10"],
    ["final-sangong-yuan", "整体绩效!B9", "整体绩效!C10"],
  ].map(([file, amount]): [string, string] => [`the small table | ${file}: amount +10% + 1 at ${amount}`, "no 基本支出 figure of these 决算 tables is read"]),
  ...[
    ["final-accounts", "整体绩效!C10"],
    ["final-yuan", "整体绩效!C10"],
    ["final-sangong-yuan", "整体绩效!C10"],
    ["final-classes", "决算说明!C11"],
    ["final-shares", "决算说明!C9"],
  ].map(([file, share]): [string, string] => [`the small table | ${file}: rate / share +7 points at ${share}`, "a share without its whole in the row is not checked"]),
]);

/** Findings a rewrite adds to the consistent book by design, with why. */
const EXPECTED: Readonly<Record<string, { re: RegExp; why: string }>> = {
  [YUAN_REWRITE]: {
    re: /^prose-unit-matches-table@[^#]+#文字“[\d,]+\.\d\d元”即表中/,
    why: "an amount restated in 元 beside a 万元 table: prose-unit-matches-table's documented suggestion (数值无误, write it in the table's unit), a warning with a safe fix — the corpus's prose-yuan variants expect it",
  },
};

const cases = buildCorpus()
  .map((c) => ({ c, s: textSheetOf(c.book) }))
  .filter((x): x is { c: FormCase; s: SheetSpec } => x.s !== undefined);

function expectLost(key: string, lost: string[], stillLost: string[]): void {
  expect(lost).toEqual([]);
  expect(stillLost).toEqual([...LOST.keys()].filter((k) => k.startsWith(key)));
}

/** The gained errors and warnings of the rewritten consistent book (`rwName`'s expected ones aside). */
function gainedBy(c: FormCase, rewrite: (b: BookSpec) => BookSpec, rwName: string): string[] {
  const before = findingKeys(c.book);
  return [...findingKeys(rewrite(c.book), true, true)].filter((k) => !before.has(k.slice(0, k.indexOf("#"))) && !EXPECTED[rwName]?.re.test(k));
}

/**
 * Every mistake the book's prose-sweep plants and its variants that is found today, planted then rewritten:
 * still found at its (moved) cause — the cells the plant changed in the rewritten book (and, for a paragraph
 * typed over several rows, its other rows), or a cause outside the rewritten cells.
 */
function expectStillFound(c: FormCase, rewrite: (b: BookSpec) => BookSpec, rwName: string, movedSheet?: string): void {
  const before = findingKeys(c.book);
  const clean = rewrite(c.book);
  const cleanKeys = findingKeys(clean, false, true);
  const lost: string[] = [];
  const stillLost: string[] = [];
  const check = (what: string, planted: BookSpec, causes: ReadonlySet<string>): void => {
    if (!foundAtNew(planted, causes, before)) return; // not found today: prose-sweep and the corpus test own it
    const after = rewrite(planted);
    const moved = new Set([...causes].filter((x) => movedSheet === undefined || !x.startsWith(`${movedSheet}!`)));
    for (const x of wrappedParagraphCells(after, diffCells(clean, after))) moved.add(x);
    const name = `${rwName} | ${c.file}: ${what}`;
    if (!foundAtNew(after, moved, cleanKeys, true)) (LOST.has(name) ? stillLost : lost).push(name);
  };
  for (const p of prosePlants(c)) check(p.name, p.book, new Set([`${p.sheet}!${p.a1}`]));
  for (const v of c.variants) {
    const planted = copyBook(c.book);
    v.plant(planted);
    check(`${v.kind} ${v.what}`, planted, new Set([`${v.cause.sheet}!${v.cause.a1}`, ...(v.relational ? possibleCauses(planted, c.relations) : [])]));
  }
  expectLost(`${rwName} | ${c.file}: `, lost, stillLost);
}

describe.each(Object.entries(REWRITES))("%s", (rwName, rw) => {
  const onTextSheet = (c: FormCase, s: SheetSpec) => (b: BookSpec) => rewritten(b, s.name, rw, linesOf(s));
  test.each(cases.map((x) => [x.c.file, x] as const))("%s: the consistent workbook stays clean", (_f, { c, s }) => expect(gainedBy(c, onTextSheet(c, s), rwName)).toEqual([]));
  test.each(cases.map((x) => [x.c.file, x] as const))("%s: every mistake found before is found at its (moved) cause", (_f, { c, s }) => expectStillFound(c, onTextSheet(c, s), rwName, s.name));
});

/**
 * The other texts of every layout — a 实际完成情况 or 自评结论 cell in the form, the paragraphs under it, the
 * report sheets — with the amounts, percents and changes of {@link YUAN_REWRITE} written as clerks also write
 * them (元 beside 万元 tables, 亿元, Chinese numerals, 同比).
 */
describe(`${YUAN_REWRITE}, in every text of every layout`, () => {
  const name = `${YUAN_REWRITE} (every text)`;
  const everyText = (b: BookSpec): BookSpec => {
    const out = copyBook(b);
    const inYuan = tablesInYuan(b);
    for (const s of out.sheets) for (const cell of s.cells.values()) if (typeof cell.v === "string" && cell.v.length >= 25 && /\d/.test(cell.v)) cell.v = reworded(cell.v, inYuan);
    return out;
  };
  const all = buildCorpus();
  test.each(all.map((c) => [c.file, c] as const))("%s: the consistent workbook stays clean", (_f, c) => expect(gainedBy(c, everyText, YUAN_REWRITE)).toEqual([]));
  test.each(all.map((c) => [c.file, c] as const))("%s: every mistake found before is found at its (moved) cause", (_f, c) => expectStillFound(c, everyText, name));
});

/**
 * The small table inside the text (表1 收支预算执行情况 / 支出决算构成) with a mistake of its own: its rate or
 * share 7 points off, or its first amount +10% + 1. It must cause no error or warning outside itself; a finding at the
 * planted cell is asserted where the engine gives one, and what it does not check is listed in LOST.
 */
test.each(cases.map((x) => [x.c.file, x] as const))("%s: a mistake inside the text's own small table causes no error elsewhere", (file, { c, s }) => {
  const consistent = linesOf(s);
  const clean = rewritten(c.book, s.name, REWRITES[TABLE_REWRITE], consistent);
  const cleanKeys = findingKeys(clean, false, true);
  const numbers = [...clean.sheets.find((x) => x.name === s.name)!.cells].filter(([, x]) => typeof x.v === "number");
  if (!numbers.length) return; // no paragraph of this report states a budget and its spending, or shares
  const lost: string[] = [];
  const stillLost: string[] = [];
  const plants: [string, string, (v: number) => number][] = [
    [numbers[0][0], "amount +10% + 1", (v) => Math.round((v * 1.1 + 1) * 100) / 100],
    [numbers[numbers.length - 1][0], "rate / share +7 points", (v) => Math.round((v + 0.07) * 10000) / 10000],
  ];
  for (const [at, what, change] of plants) {
    const b = copyBook(clean);
    const cell = b.sheets.find((x) => x.name === s.name)!.cells.get(at)!;
    cell.v = change(cell.v as number);
    const here = `${s.name}!${at}`;
    const errorsElsewhere = checkWorkbook(snapshotOf(b)).findings.filter((f) => f.severity !== "info" && `${f.sheet}!${f.ref}` !== here && !cleanKeys.has(`${f.ruleId}@${f.sheet}!${f.ref}#${f.message}`));
    expect(errorsElsewhere.map((f) => `${f.ruleId}@${f.sheet}!${f.ref}: ${f.message}`)).toEqual([]);
    const name = `the small table | ${file}: ${what} at ${here}`;
    if (!foundAtNew(b, new Set([here]), cleanKeys, true)) (LOST.has(name) ? stillLost : lost).push(name);
  }
  expectLost(`the small table | ${file}: `, lost, stillLost);
});
