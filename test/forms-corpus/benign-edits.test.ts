/**
 * What clerks add to a form that changes none of its figures: a sign-off block under the table
 * (填表人 / 联系电话 / 填报日期 in the table's own columns), a 封面 sheet before the form, a 填报说明 sheet
 * full of example figures after it, the first sheet left named “Sheet1”, labels padded with spaces and
 * no-break spaces. Every consistent corpus workbook stays without error or warning after each, and every
 * planted mistake the corpus finds is still found at its cause. Also: a 填报日期 typed as a date (a serial
 * under the table, in a money column), a title's year in full-width digits (２０１９年度), 合　计 spaced, a
 * blank row under every title, the sheets in reverse order, accounting formats with rates shown 0.0%.
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, lastRow, parseA1, snapshotOf, type BookSpec, type SheetSpec } from "./book";
import { buildCorpus } from "./corpus";
import { possibleCauses } from "./relations";

/** The report year the case's texts give first (a title's “2023年度”). */
function yearOf(b: BookSpec): number {
  for (const s of b.sheets) {
    for (const c of s.cells.values()) {
      const m = typeof c.v === "string" ? /(20\d\d)\s*年/.exec(c.v) : null;
      if (m) return Number(m[1]);
    }
  }
  throw new Error("no year in the case");
}

function hasText(b: BookSpec, re: RegExp): boolean {
  return b.sheets.some((s) => [...s.cells.values()].some((c) => typeof c.v === "string" && re.test(c.v)));
}

function textSheet(name: string, lines: string[]): SheetSpec {
  return { name, cells: new Map(lines.map((v, i) => [`A${i + 1}`, { v }])), merges: [], widths: {} };
}

/** A blank row inserted at row `at` of a sheet: cells, merges and hidden rows at or below move down one. */
function insertRow(s: SheetSpec, at: number): void {
  const down = (a: string): string => {
    const p = parseA1(a);
    return p.row >= at ? `${a.replace(/\d+$/, "")}${p.row + 1}` : a;
  };
  s.cells = new Map([...s.cells].map(([a, c]) => [down(a), c]));
  s.merges = s.merges.map((m) => m.split(":").map(down).join(":"));
  if (s.hiddenRows) s.hiddenRows = s.hiddenRows.map((r) => (r >= at ? r + 1 : r));
}

/**
 * Each edit changes a copy of the book; one that moves cells returns where an edited address was before
 * (so that findings compare with the unedited book's).
 */
const EDITS: Record<string, (b: BookSpec, year: number) => ((address: string) => string) | void> = {
  "sign-off block": (b, year) => {
    const s = b.sheets[0];
    const r = lastRow(s) + 2;
    s.cells.set(`A${r}`, { v: "填表人：王芳" });
    s.cells.set(`C${r}`, { v: "联系电话：0731-84561234" });
    // A form that already gives its 填报日期 keeps that one (a second date would contradict it).
    if (!hasText(b, /填报日期|报告日期|填表日期/)) s.cells.set(`E${r}`, { v: `填报日期：${year + 1}年3月15日` });
    s.cells.set(`A${r + 1}`, { v: "单位负责人：李明" });
    s.cells.set(`C${r + 1}`, { v: "手机：13807311234" });
  },
  "封面 sheet": (b, year) => {
    b.sheets.unshift(textSheet(b.sheets.some((x) => x.name === "封面") ? "首页" : "封面", [`${year}年度绩效自评报告`, "填报单位（盖章）：某某县医疗保障局", `填报日期：${year + 1}年3月`, "联系人：王芳  电话：0731-84561234"]));
  },
  "填报说明 sheet": (b) => {
    b.sheets.push(
      textSheet("填报说明", [
        "填报说明：",
        "1.金额单位为万元，保留两位小数。",
        "2.预算执行率=全年执行数/全年预算数×100%，得分=执行率×10分，最高10分。",
        "3.自评总分100分，其中预算执行率10分，产出指标50分，效益指标30分，满意度指标10分。",
        "5.本表于2月28日前报送财政局绩效科。",
      ]),
    );
  },
  "填报日期 typed as a date": (b, year) => {
    // A date serial (shown 2024年3月15日) in the money column of the first sheet, under its tables.
    const s = b.sheets[0];
    const r = lastRow(s) + 2;
    const serial = Math.round((Date.UTC(year + 1, 2, 15) - Date.UTC(1899, 11, 30)) / 86400000);
    s.cells.set(`A${r}`, { v: "填报日期：" });
    s.cells.set(`E${r}`, { v: serial, fmt: 'yyyy"年"m"月"d"日"' });
  },
  "full-width digits in the titles": (b) => {
    for (const s of b.sheets) {
      for (const [at, c] of s.cells) if (typeof c.v === "string" && parseA1(at).row <= 3) c.v = c.v.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    }
  },
  "spaced 合计": (b) => {
    for (const s of b.sheets) for (const c of s.cells.values()) c.v = c.v === "合计" ? "合　计" : c.v === "总计" ? "总  计" : c.v;
  },
  "a blank row under every title": (b) => {
    for (const s of b.sheets) insertRow(s, 2);
    return (a) => a.replace(/\d+$/, (r) => String(Number(r) >= 3 ? Number(r) - 1 : Number(r)));
  },
  "sheets in reverse order": (b) => {
    b.sheets.reverse();
  },
  "accounting number formats, rates shown 0.0%": (b) => {
    for (const s of b.sheets) {
      for (const c of s.cells.values()) {
        if (c.fmt === "0.00") c.fmt = "#,##0.00_);[Red]\\(#,##0.00\\)";
        else if (c.fmt === "0.00%") c.fmt = "0.0%";
      }
    }
  },
  "first sheet named Sheet1": (b) => {
    b.sheets[0].name = "Sheet1";
  },
  "padded labels": (b) => {
    for (const s of b.sheets) for (const c of s.cells.values()) if (typeof c.v === "string" && c.v.length < 20 && /[\u4e00-\u9fa5]/.test(c.v)) c.v = ` ${c.v}\u00a0`;
  },
};

/** Edits that write into the tables' own columns (under them): every variant is run with these. */
const INSIDE: ReadonlySet<string> = new Set(["sign-off block", "填报日期 typed as a date"]);
const corpus = buildCorpus();
const same = (a: string): string => a;
const problems = (b: BookSpec, back: (address: string) => string = same): string[] =>
  checkWorkbook(snapshotOf(b))
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${back(f.ref)}`);

describe.each(Object.keys(EDITS))("%s", (edit) => {
  test.each(corpus.map((c) => [c.file, c] as const))("%s: the consistent workbook gains no finding", (_file, c) => {
    const before = new Set(problems(c.book));
    const b = copyBook(c.book);
    const first = b.sheets[0].name;
    const back = EDITS[edit](b, yearOf(c.book)) ?? same;
    const gained = problems(b, back)
      .map((p) => p.replace(" Sheet1!", ` ${first}!`))
      .filter((p) => !before.has(p));
    expect(gained).toEqual([]);
  });

  test.each(corpus.map((c) => [c.file, c] as const))("%s: every planted mistake is still found at its cause", (_file, c) => {
    const lost: string[] = [];
    // Every variant for the edits that put cells in the tables' columns; every third for the others.
    c.variants.forEach((v, i) => {
      if (!INSIDE.has(edit) && i % 3 !== 0) return;
      const planted = copyBook(c.book);
      v.plant(planted);
      const causes = new Set([`${v.cause.sheet}!${v.cause.a1}`, ...(v.relational ? possibleCauses(planted, c.relations) : [])]);
      const first = planted.sheets[0].name;
      const foundIn = (b: BookSpec, back = same): boolean =>
        checkWorkbook(snapshotOf(b)).findings.some((f) => f.severity !== "info" && causes.has(`${f.sheet === "Sheet1" ? first : f.sheet}!${back(f.ref)}`));
      if (!foundIn(planted)) return; // the corpus test owns what the plain workbook finds
      const edited = copyBook(planted);
      const back = EDITS[edit](edited, yearOf(c.book)) ?? same;
      if (!foundIn(edited, back)) lost.push(`${v.kind} ${v.what} @${v.cause.sheet}!${v.cause.a1}`);
    });
    expect(lost).toEqual([]);
  });
});
