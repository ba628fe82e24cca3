/**
 * The sweep that benign-edits.test.ts and structural-edits.test.ts share: an edit changes a copy of a
 * corpus workbook without changing any figure; the consistent workbook must gain no finding, and every
 * planted mistake the corpus finds must still be found at its cause. An edit that moves cells returns a
 * mapper from an edited address back to the unedited book's address (or to the several cells it was made
 * of, when cells were joined into one).
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { a1, copyBook, lastRow, parseA1, snapshotOf, type BookSpec, type SheetSpec } from "./book";
import { buildCorpus } from "./corpus";
import { possibleCauses } from "./relations";

/** From an edited address (on `sheet`) to where that cell was in the unedited book. */
export type Back = (address: string, sheet: string) => string | string[];
export type Edit = (b: BookSpec, year: number) => Back | void;

/** The report year the case's texts give first (a title's “2023年度”). */
export function yearOf(b: BookSpec): number {
  for (const s of b.sheets) {
    for (const c of s.cells.values()) {
      const m = typeof c.v === "string" ? /(20\d\d)\s*年/.exec(c.v) : null;
      if (m) return Number(m[1]);
    }
  }
  throw new Error("no year in the case");
}

/** The last row of a sheet (book.ts): re-exported for the edits. */
export { lastRow };

export function hasText(b: BookSpec, re: RegExp): boolean {
  return b.sheets.some((s) => [...s.cells.values()].some((c) => typeof c.v === "string" && re.test(c.v)));
}

export function textSheet(name: string, lines: string[]): SheetSpec {
  return { name, cells: new Map(lines.map((v, i) => [`A${i + 1}`, { v }])), merges: [], widths: {} };
}

/**
 * Move every cell, merge, hidden row and column and width of a sheet by `to` (a merge's corners are
 * moved one by one, so a merge across a moved boundary stretches, as Excel's insert does).
 */
export function moveCells(s: SheetSpec, to: (col: number, row: number) => [number, number]): void {
  const mv = (a: string): string => {
    const p = parseA1(a);
    const [c, r] = to(p.col, p.row);
    return a1(c, r);
  };
  s.cells = new Map([...s.cells].map(([a, c]) => [mv(a), c]));
  s.merges = s.merges.map((m) => m.split(":").map(mv).join(":"));
  if (s.hiddenRows) s.hiddenRows = s.hiddenRows.map((r) => parseA1(mv(`A${r}`)).row);
  if (s.hiddenCols) s.hiddenCols = s.hiddenCols.map((c) => mv(`${c}1`).replace(/\d+$/, ""));
  s.widths = Object.fromEntries(Object.entries(s.widths).map(([c, w]) => [mv(`${c}1`).replace(/\d+$/, ""), w]));
}

/** A blank row inserted at row `at` of a sheet: cells, merges and hidden rows at or below move down one. */
export function insertRow(s: SheetSpec, at: number): void {
  moveCells(s, (c, r) => [c, r >= at ? r + 1 : r]);
}

/**
 * The moves an edit made, sheet by sheet, kept so that an edited address can be traced back: `undo` is
 * the inverse of one move; `back` applies a sheet's inverses last move first.
 */
export class Moves {
  private readonly inverses = new Map<string, ((col: number, row: number) => [number, number])[]>();
  undo(sheet: string, inverse: (col: number, row: number) => [number, number]): void {
    this.inverses.set(sheet, [...(this.inverses.get(sheet) ?? []), inverse]);
  }
  /** Insert a blank row at `at` of `s`, remembering it. */
  insertRow(s: SheetSpec, at: number): void {
    insertRow(s, at);
    this.undo(s.name, (c, r) => [c, r > at ? r - 1 : r]);
  }
  readonly back: Back = (address, sheet) => {
    const m = /^([A-Z]+\d+)(?::([A-Z]+\d+))?$/.exec(address);
    if (!m) return address;
    const one = (x: string): string => {
      const p = parseA1(x);
      let [c, r] = [p.col, p.row];
      for (const inv of [...(this.inverses.get(sheet) ?? [])].reverse()) [c, r] = inv(c, r);
      return c >= 1 && r >= 1 ? a1(c, r) : `${x}(outside)`;
    };
    return m[2] ? `${one(m[1])}:${one(m[2])}` : one(m[1]);
  };
}

const same: Back = (a) => a;
const origins = (back: Back, address: string, sheet: string): string[] => [back(address, sheet)].flat();

/**
 * The sweep: for each edit, every corpus layout's consistent workbook gains no error or warning, and every
 * planted mistake the plain workbook finds is still found at its cause. `every` edits run every variant;
 * the others every third.
 */
export function sweepEdits(edits: Record<string, Edit>, every: ReadonlySet<string>, lostAfter: ReadonlySet<string> = new Set()): void {
  const corpus = buildCorpus();
  const problems = (b: BookSpec, back: Back = same): string[] =>
    checkWorkbook(snapshotOf(b))
      .findings.filter((f) => f.severity !== "info")
      .map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${origins(back, f.ref, f.sheet)[0]}`);

  describe.each(Object.keys(edits))("%s", (edit) => {
    test.each(corpus.map((c) => [c.file, c] as const))("%s: the consistent workbook gains no finding", (_file, c) => {
      const before = new Set(problems(c.book));
      const b = copyBook(c.book);
      const first = b.sheets[0].name;
      const back = edits[edit](b, yearOf(c.book)) ?? same;
      const gained = problems(b, back)
        .map((p) => p.replace(" Sheet1!", ` ${first}!`))
        .filter((p) => !before.has(p));
      expect(gained).toEqual([]);
    });

    test.each(corpus.map((c) => [c.file, c] as const))("%s: every planted mistake is still found at its cause", (file, c) => {
      const lost: string[] = [];
      const stillLost: string[] = [];
      c.variants.forEach((v, i) => {
        if (!every.has(edit) && i % 3 !== 0) return;
        const planted = copyBook(c.book);
        v.plant(planted);
        const causes = new Set([`${v.cause.sheet}!${v.cause.a1}`, ...(v.relational ? possibleCauses(planted, c.relations) : [])]);
        const first = planted.sheets[0].name;
        const foundIn = (b: BookSpec, back: Back = same): boolean =>
          checkWorkbook(snapshotOf(b)).findings.some(
            (f) => f.severity !== "info" && origins(back, f.ref, f.sheet).some((at) => causes.has(`${f.sheet === "Sheet1" ? first : f.sheet}!${at}`)),
          );
        if (!foundIn(planted)) return; // the corpus test owns what the plain workbook finds
        const edited = copyBook(planted);
        const back = edits[edit](edited, yearOf(c.book)) ?? same;
        if (foundIn(edited, back)) return;
        const name = `${edit} | ${file}: ${v.kind} ${v.what} @${v.cause.sheet}!${v.cause.a1}`;
        (lostAfter.has(name) ? stillLost : lost).push(name);
      });
      expect(lost).toEqual([]);
      expect(stillLost.sort()).toEqual([...lostAfter].filter((n) => n.startsWith(`${edit} | ${file}: `)).sort());
    });
  });
}
