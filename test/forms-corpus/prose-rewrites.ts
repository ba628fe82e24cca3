/**
 * The text sheet rewritten as clerks really write it (prose-layouts.test.ts): each rewrite keeps every stated
 * figure. See that test for what each one models.
 */
import { copyBook, lastRow, parseA1, type BookSpec, type CellSpec, type SheetSpec } from "./book";

/** The report's own sheet: text only, in column A, with figures in prose (a 填报说明 sheet is no report). */
export function textSheetOf(b: BookSpec): SheetSpec | undefined {
  return b.sheets.find(
    (s) =>
      !/填报|封面/.test(s.name) &&
      [...s.cells].every(([a, c]) => c.v === null || (typeof c.v === "string" && parseA1(a).col === 1)) &&
      [...s.cells.values()].some((c) => typeof c.v === "string" && c.v.length >= 25 && /\d/.test(c.v)),
  );
}

/** The report's rows, top to bottom: the text of each, null for a blank row. */
export function linesOf(s: SheetSpec): (string | null)[] {
  const out: (string | null)[] = [];
  for (let r = 1; r <= lastRow(s); r++) {
    const v = s.cells.get(`A${r}`)?.v;
    out.push(typeof v === "string" && v.trim() ? v : null);
  }
  return out;
}

/** A row of a rewritten report: text in column A (or `cells` by column), merged across A:H unless told. */
interface Line {
  text?: string;
  cells?: Record<string, CellSpec>;
  /** The merge of the row, columns (`B:H`); none when `cells` are given. */
  span?: string;
  bold?: boolean;
}

/** Write `lines` into `s` from row `from` (blank lines as blank rows). */
function writeLines(s: SheetSpec, lines: readonly (Line | null)[], from = 1): void {
  lines.forEach((l, i) => {
    const r = from + i;
    if (!l) return;
    if (l.cells) {
      for (const [col, c] of Object.entries(l.cells)) s.cells.set(`${col}${r}`, c);
      return;
    }
    const [c0, c1] = (l.span ?? "A:H").split(":");
    s.cells.set(`${c0}${r}`, { v: l.text ?? "", wrap: true, ...(l.bold ? { bold: true } : {}) });
    if (c1 !== c0) s.merges.push(`${c0}${r}:${c1}${r}`);
  });
}

/** Replace the report sheet's content by `lines`. */
function rewriteSheet(s: SheetSpec, lines: readonly (Line | null)[]): void {
  s.cells = new Map();
  s.merges = [];
  s.widths = { A: 14, B: 14, C: 14, D: 14, E: 14, F: 14, G: 14, H: 14 };
  writeLines(s, lines);
}

/** A section number at the start of a paragraph: 一、 （一） 1. (not a decimal, not 1.2023年). */
const SECTION = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))\s*/;
/** A paragraph that opens with a numbered heading ended by 。 or ：, then its text. */
const HEADED = /^\s*((?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))\s*)([^。：:，,；;\d]{2,24}?)[。：:](?=\S)([\s\S]*)$/;

/** The report's paragraphs with each numbered heading on a row of its own and a blank row before each 一、 section. */
function headedLines(lines: readonly (string | null)[]): (Line | null)[] {
  const out: (Line | null)[] = [];
  lines.forEach((t, i) => {
    if (t === null) return;
    if (i === 0) {
      out.push({ text: t, bold: true }, null);
      return;
    }
    if (/^\s*[一二三四五六七八九十]+、/.test(t) && out.length > 2) out.push(null);
    const m = HEADED.exec(t);
    if (m) out.push({ text: `${m[1]}${m[2]}`, bold: true }, { text: m[3] });
    else out.push({ text: t, bold: SECTION.test(t) && t.length < 25 });
  });
  return out;
}

/** Money in 万元 before its unit, far enough into a paragraph to wrap there. */
const WRAP_AT = /\d+(?:\.\d+)?(?=\s*万元)/g;

/** A paragraph wrapped by hand right after its first amount's digits (…全年预算数为346.77 / 万元，执行数为…). */
function wrappedLines(lines: readonly (string | null)[]): (Line | null)[] {
  return lines.flatMap((t): (Line | null)[] => {
    if (t === null) return [null];
    const m = [...t.matchAll(WRAP_AT)].find((x) => x.index! >= 8);
    if (!m) return [{ text: t }];
    const at = m.index! + m[0].length;
    return [{ text: t.slice(0, at) }, { text: t.slice(at) }];
  });
}

/** A long paragraph typed on as many rows as it takes, each row ended after the first comma past 30 characters. */
function commaWrappedLines(lines: readonly (string | null)[]): (Line | null)[] {
  return lines.flatMap((t): (Line | null)[] => {
    if (t === null) return [null];
    const out: Line[] = [];
    let rest = t;
    for (let at = rest.indexOf("，", 30); at >= 0 && at < rest.length - 1; at = rest.indexOf("，", 30)) {
      out.push({ text: rest.slice(0, at + 1) });
      rest = rest.slice(at + 1);
    }
    return [...out, { text: rest }];
  });
}

/** Characters per row of a paragraph typed to the column's width. */
const WIDTH = 36;

/** A long paragraph typed to the column's width and cut there, in mid-word (never inside a number). */
function widthWrappedLines(lines: readonly (string | null)[]): (Line | null)[] {
  return lines.flatMap((t): (Line | null)[] => {
    if (t === null) return [null];
    const out: Line[] = [];
    let rest = t;
    while (rest.length > WIDTH) {
      let at = WIDTH;
      while (at < rest.length && /[\d.,]/.test(rest[at]) && /[\d.,]/.test(rest[at - 1])) at++;
      out.push({ text: rest.slice(0, at) });
      rest = rest.slice(at);
    }
    return [...out, { text: rest }];
  });
}

const CN_DIGITS = "零一二三四五六七八九";

/** 0 ≤ n < 10000 in Chinese numerals (十二, 一百零三, 九十九). */
function cnInteger(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const units = ["", "十", "百", "千"];
  const ds = String(n).split("").map(Number);
  let s = "";
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i];
    if (d === 0) zero = s !== "";
    else {
      s += (zero ? "零" : "") + CN_DIGITS[d] + u;
      zero = false;
    }
  });
  return s.startsWith("一十") ? s.slice(1) : s;
}

/** 85.1 → 百分之八十五点一. */
function cnPercent(digits: string): string {
  const [i, d] = digits.split(".");
  return `百分之${cnInteger(Number(i))}${d ? `点${d.split("").map((x) => CN_DIGITS[Number(x)]).join("")}` : ""}`;
}

/** 346.77 → 3,467,700.00. */
function yuanText(wan: string): string {
  return (Number(wan) * 10000).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 1711.75 → 0.171175 (no figure lost). */
function yiText(wan: string): string {
  const d = (wan.split(".")[1] ?? "").length + 4;
  return (Number(wan) / 10000).toFixed(d).replace(/\.?0+$/, "");
}

/**
 * A paragraph's figures in other words, each unchanged: every other amount in 元 with thousands separators
 * (3,467,700.00元), the others of 1000万元 or more in 亿元, every other percent in Chinese numerals, and
 * 比上年增长 / 减少 x% as 同比增长 / 同比下降. Beside tables kept in 元 (`inYuan`) no amount is written in 元: the
 * report's 634.21万元 rounds the table's 6,342,118.45元, and “6,342,100.00元” would state another figure.
 */
export function reworded(t: string, inYuan: boolean): string {
  let money = 0;
  let pct = 0;
  return t
    .replace(/比上年(增加|增长|减少|提高)/g, "同比$1")
    .replace(/([，,])减少(\d+(?:\.\d+)?%)/g, "$1下降$2")
    .replace(/(\d+(?:\.\d+)?)万元/g, (all, n: string) => (money++ % 2 === 0 && !inYuan ? `${yuanText(n)}元` : Number(n) >= 1000 ? `${yiText(n)}亿元` : all))
    .replace(/(\d+(?:\.\d+)?)%/g, (all, n: string) => (pct++ % 2 === 0 ? cnPercent(n) : all));
}

/** The small table a report puts under a paragraph: its title, header and rows, taken from the consistent text. */
interface Embedded {
  /** Index of the paragraph it follows. */
  after: number;
  lines: Line[];
}

const num = (v: number, fmt: string): CellSpec => ({ v, fmt });

/** The format that shows a percent as written (52.1 → 0.0%). */
function percentFormat(written: string): string {
  const d = (written.split(".")[1] ?? "").length;
  return d ? `0.${"0".repeat(d)}%` : "0%";
}

/**
 * “表1 收支预算执行情况” (项目 | 预算数 | 执行数 | 执行率) under the paragraph that states the year's budget and
 * spending, or “表1 支出决算构成” (项目 | 决算数 | 占比) under a 决算 paragraph that gives 基本支出 / 项目支出 with
 * their shares: the figures the consistent text states.
 */
export function embeddedTable(lines: readonly (string | null)[]): Embedded | undefined {
  const budget = /(?:全年预算|预算资金)(?:数为|为)?(\d+\.\d+)万元[^。]{0,40}?。?[^。]{0,20}?(?:全年执行|实际支出)(?:数为|为)?(\d+\.\d+)万元/;
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i] ? budget.exec(lines[i]!) : null;
    if (!m) continue;
    const [b, e] = [Number(m[1]), Number(m[2])];
    return {
      after: i,
      lines: [
        { text: "表1 收支预算执行情况", bold: true },
        { cells: { A: { v: "项目", center: true }, B: { v: "预算数（万元）", center: true }, C: { v: "执行数（万元）", center: true }, D: { v: "执行率", center: true } } },
        { cells: { A: { v: "合计" }, B: num(b, "0.00"), C: num(e, "0.00"), D: num(Math.round((e / b) * 10000) / 10000, "0.00%") } },
      ],
    };
  }
  const share = /([\u4e00-\u9fa5]{2}支出)(\d+\.\d+)万元，占(\d+\.\d+)%/g;
  for (let i = 0; i < lines.length; i++) {
    const ms = lines[i] ? [...lines[i]!.matchAll(share)] : [];
    if (ms.length < 2) continue;
    return {
      after: i,
      lines: [
        { text: "表1 支出决算构成", bold: true },
        { cells: { A: { v: "项目", center: true }, B: { v: "决算数（万元）", center: true }, C: { v: "占比", center: true } } },
        ...ms.map((x): Line => ({ cells: { A: { v: x[1] }, B: num(Number(x[2]), "0.00"), C: num(Number(x[3]) / 100, percentFormat(x[3])) } })),
      ],
    };
  }
  return undefined;
}

/** A rewrite of a book whose report sheet is `s`; `consistent` is the consistent book's report, as lines. */
export type Rewrite = (b: BookSpec, s: SheetSpec, consistent: readonly (string | null)[]) => void;

/** The first sheet with a number: the form. */
export function formSheet(b: BookSpec): SheetSpec {
  return b.sheets.find((s) => !s.state && [...s.cells.values()].some((c) => typeof c.v === "number"))!;
}

/** Whether the book keeps its tables in 元 (`单位：元`, `合计（元）`). */
export function tablesInYuan(b: BookSpec): boolean {
  return b.sheets.some((x) => [...x.cells.values()].some((c) => typeof c.v === "string" && /单位[:：]\s*元|[（(]元[)）]/.test(c.v)));
}

/** The rewrite that writes amounts in 元 beside 万元 tables (prose-unit-matches-table's warning is expected there). */
export const YUAN_REWRITE = "amounts in 元 and 亿元, percents in Chinese numerals, 同比";

/** The rewrite that puts a small table of figures inside the text. */
export const TABLE_REWRITE = "a small table inside the text";

export const REWRITES: Record<string, Rewrite> = {
  "numbered headings on their own rows, blank rows between sections": (_b, s) => rewriteSheet(s, headedLines(linesOf(s))),
  "the whole report in one merged cell with line breaks": (_b, s) => {
    const text = linesOf(s)
      .filter((t): t is string => t !== null)
      .join("\n");
    rewriteSheet(s, []);
    s.cells.set("A1", { v: text, wrap: true });
    s.merges.push("A1:H40");
  },
  "paragraphs wrapped by hand mid-sentence": (_b, s) => rewriteSheet(s, wrappedLines(linesOf(s))),
  "long paragraphs typed on several rows, each ended after a comma": (_b, s) => rewriteSheet(s, commaWrappedLines(linesOf(s))),
  "long paragraphs typed to the column's width, cut in mid-word": (_b, s) => rewriteSheet(s, widthWrappedLines(linesOf(s))),
  [TABLE_REWRITE]: (_b, s, consistent) => {
    const lines = linesOf(s);
    const t = embeddedTable(consistent);
    const out: (Line | null)[] = [];
    lines.forEach((x, i) => {
      out.push(x === null ? null : { text: x });
      if (t && i === t.after) out.push(...t.lines);
    });
    rewriteSheet(s, out);
  },
  [YUAN_REWRITE]: (b, s) => {
    const inYuan = tablesInYuan(b);
    rewriteSheet(s, linesOf(s).map((t) => (t === null ? null : { text: reworded(t, inYuan) })));
  },
  "the report under the form's sign-off block, on the form's sheet": (b, s) => {
    const lines = linesOf(s);
    b.sheets.splice(b.sheets.indexOf(s), 1);
    const f = formSheet(b);
    const r = lastRow(f) + 2;
    f.cells.set(`A${r}`, { v: "填表人：王芳" });
    f.cells.set(`C${r}`, { v: "联系电话：0731-84561234" });
    f.cells.set(`A${r + 1}`, { v: "单位负责人：李明" });
    writeLines(f, headedLines(lines), r + 4);
  },
  "section numbers in column A, the text in column B": (_b, s) =>
    rewriteSheet(
      s,
      linesOf(s).map((t, i): Line | null => {
        if (t === null) return null;
        if (i === 0) return { text: t, bold: true };
        const m = SECTION.exec(t);
        return m ? { cells: { A: { v: m[1].trim(), center: true }, B: { v: t.slice(m[0].length), wrap: true } } } : { text: t, span: "B:H" };
      }),
    ),
};

/** Cells (`Sheet!A1`) whose values differ between two books. */
export function diffCells(a: BookSpec, b: BookSpec): Set<string> {
  const out = new Set<string>();
  for (const sb of b.sheets) {
    const sa = a.sheets.find((x) => x.name === sb.name);
    for (const at of new Set([...sb.cells.keys(), ...(sa?.cells.keys() ?? [])])) if (sa?.cells.get(at)?.v !== sb.cells.get(at)?.v) out.add(`${sb.name}!${at}`);
  }
  return out;
}


/** The book rewritten (a copy). */
export function rewritten(b: BookSpec, sheet: string, rw: Rewrite, consistent: readonly (string | null)[]): BookSpec {
  const out = copyBook(b);
  rw(out, out.sheets.find((s) => s.name === sheet)!, consistent);
  return out;
}


/**
 * The cells of the paragraphs that `cells` are in, when a paragraph was typed over several rows (a row ends
 * with a comma or is cut at the column's width, or the next opens with the 万元 of its last amount): a finding about a sentence of such a
 * paragraph (parts that do not add up to their whole, a change whose percent and amount are on two rows, a
 * whole split from its unit) may stand at any row of it.
 */
export function wrappedParagraphCells(b: BookSpec, cells: ReadonlySet<string>): Set<string> {
  const out = new Set(cells);
  const opensWithUnit = (s: SheetSpec, row: number): boolean => {
    const v = s.cells.get(`A${row}`)?.v;
    const above = s.cells.get(`A${row - 1}`)?.v;
    return typeof v === "string" && (v.startsWith("万元") || (typeof above === "string" && (above.endsWith("，") || (above.length >= WIDTH && !/[。；：]$/.test(above)))));
  };
  for (const x of cells) {
    const [sheet, at] = x.split("!");
    const s = b.sheets.find((y) => y.name === sheet);
    if (!s || !/^A\d+$/.test(at)) continue;
    let top = parseA1(at).row;
    while (top > 1 && opensWithUnit(s, top)) top--;
    let bottom = parseA1(at).row;
    while (opensWithUnit(s, bottom + 1)) bottom++;
    for (let r = top; r <= bottom; r++) out.add(`${sheet}!A${r}`);
  }
  return out;
}
