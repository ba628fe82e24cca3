/**
 * Paragraphs a clerk writes over several cells: one wrapped by hand in mid-sentence onto the next row
 * (`…全年预算数为346.77` / `万元，执行数为…`, or `…预算执行率82.6%，` / `结转到2020年度33.42万元。`), and one whose section number sits in the cell to its left
 * (A: `3.` | B: `上级转移支付预算53.00万元，支出34.08万元…`). The prose checks read such a paragraph as one
 * text; a finding whose fix rewrites one figure is placed on the cell that holds it ({@link partWrite}).
 */
import type { CellRef, SheetSnapshot } from "../model/snapshot";
import type { CellWrite } from "../model/writes";
import { textCells, type TextCell } from "../rules/lib/text-cells";
import { cellIndex } from "../model/cell-index";

/** One cell's share of a paragraph: where its text starts in the joined text. */
export interface ProsePart {
  readonly ref: CellRef;
  readonly start: number;
  /** The cell's text as joined (a section number without its mark is given one: `3` → `3、`). */
  readonly text: string;
  /** Words that are not the cell's text (a small table's row read as a sentence): no fix writes it. */
  readonly read?: true;
}

/** A paragraph over several cells. */
export interface Paragraph {
  readonly text: string;
  readonly parts: readonly ProsePart[];
}

/** The paragraphs of a sheet that span cells, by the address of their text's first cell, and the cells they absorb. */
export interface SheetParagraphs {
  readonly heads: ReadonlyMap<string, Paragraph>;
  readonly tails: ReadonlySet<string>;
}

/** A cell holding only a section or item number: 一、 （一） (3) 1. 2、 3. */
const BARE_MARKER = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|\d{1,2}\s*[、.．]?)\s*$/;
/** A text that ends a sentence (。！？). */
const ENDS_SENTENCE = /[。！？!?]\s*$/;
/**
 * A row that can only go on the row above: it opens with a unit standing alone (万元，执行数为… — not the 项 of
 * 项目支出 nor the 个 of 个别) or with a clause mark.
 */
const CONTINUES = /^\s*(?:(?:万元|亿元|元|%|％|个百分点|个|项|分|家|人|户)(?=$|[\s，,。；;、)）])|[，,、；;)）])/;
/** A row whose sentence goes on: it ends with a comma, a semicolon or a colon (…预算执行率82.6%，). */
const ENDS_CLAUSE = /[，,、；;：:]\s*$/;
/** A row that opens a section or an item of its own (一、 （二） 3. 一是). */
const OPENS_SECTION = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．是]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]{1,3})/;

/**
 * A sentence that measures the one before against another year (`与2019年相比，收入减少…`, `比上年增长…`,
 * `同比…`): its subject and current value are in the sentence above.
 */
const COMPARES_BACK = /^\s*(?:(?:与|和|同)(?:上年|去年|上一?年度?|\d{4}\s*年度?)[^，,。；;]{0,6}(?:相比|比较)|(?:比|较)(?:上年|去年|上一?年度?|\d{4}\s*年度?)|同比)/;

/** Characters a row of a report typed to the column's width has at least. */
const FULL_ROW = 20;

/**
 * A report's row typed to the column's width and cut there, in mid-word (`…1个项目自评` / `为中。`): a long row,
 * alone on its row as is the next, that ends no sentence and is no heading of its own.
 */
function wrappedAtWidth(upper: TextCell, below: TextCell, alone: (c: TextCell) => boolean): boolean {
  const text = upper.value.trim();
  if (text.length < FULL_ROW || !alone(upper) || !alone(below) || !below.value.trim()) return false;
  // A heading (三、存在的主要问题及原因分析) has no clause mark of its own; nor has a report's title
  // (某局2023年度国有资产占用情况说明) over its first paragraph.
  if (!/[，,。；;：:]/.test(text) && /(?:说明|报告|情况|总结)$/.test(text)) return false;
  return !(OPENS_SECTION.test(text) && !/[，,。；;：:]/.test(text));
}

const cache = new WeakMap<SheetSnapshot, SheetParagraphs>();

/**
 * The sheet's paragraphs written over several cells: a text cell followed, directly below in its column, by
 * rows that continue it (the text above ends in mid-sentence and the one below opens with a unit or a clause
 * mark; or the one below opens no section of its own and the text above ends with a comma, a semicolon or a
 * colon, or is a report's row cut at the column's width), and a text cell with a bare section number in the cell to its left (and nothing further
 * left). Cached per sheet snapshot.
 */
export function paragraphsOf(sheet: SheetSnapshot): SheetParagraphs {
  const hit = cache.get(sheet);
  if (hit) return hit;
  const texts = textCells(sheet);
  const at = new Map<string, TextCell>();
  for (const t of texts) at.set(`${t.col}:${t.row}`, t);
  const heads = new Map<string, Paragraph>();
  const tails = new Set<string>();
  // Cells per row: a report's row holds its text alone (a table's row holds several cells). Counted only
  // when a long text asks (a form's table sheet of 50 000 cells rarely does), from the cell index's rows.
  let perRow: Map<number, number> | undefined;
  const alone = (c: TextCell): boolean => {
    if (!perRow) {
      perRow = new Map<number, number>();
      const rows = cellIndex(sheet).rows;
      for (let i = 0; i < rows.length; i++) perRow.set(rows[i], (perRow.get(rows[i]) ?? 0) + 1);
    }
    return perRow.get(c.row) === 1;
  };
  for (const t of texts) {
    if (tails.has(t.address) || !t.value.trim() || BARE_MARKER.test(t.value)) continue;
    const chain = [t];
    for (;;) {
      const last = chain[chain.length - 1];
      const below = at.get(`${last.col}:${last.row + 1}`);
      // A report typed one sentence per row: a sentence comparing the one above with another year goes on from it.
      const comparesBack = !!below && ENDS_SENTENCE.test(last.value) && COMPARES_BACK.test(below.value) && alone(last) && alone(below);
      if (!below || (ENDS_SENTENCE.test(last.value) && !comparesBack) || !(comparesBack || CONTINUES.test(below.value) || ((ENDS_CLAUSE.test(last.value) || wrappedAtWidth(last, below, alone)) && !OPENS_SECTION.test(below.value)))) break;
      chain.push(below);
    }
    const left = t.col > 1 ? at.get(`${t.col - 1}:${t.row}`) : undefined;
    const marker = left && BARE_MARKER.test(left.value) && !at.has(`${t.col - 2}:${t.row}`) ? left : undefined;
    if (chain.length === 1 && !marker) continue;
    const parts: ProsePart[] = [];
    let text = "";
    if (marker) {
      const m = marker.value.trim();
      const shown = /[、.．)）]$/.test(m) ? m : `${m}、`;
      parts.push({ ref: { sheet: sheet.name, address: marker.address }, start: 0, text: shown });
      text = shown;
    }
    for (const c of chain) {
      parts.push({ ref: { sheet: sheet.name, address: c.address }, start: text.length, text: c.value });
      text += c.value;
      if (c !== t) tails.add(c.address);
    }
    heads.set(t.address, { text, parts });
  }
  const out = { heads, tails };
  cache.set(sheet, out);
  return out;
}

/**
 * A write of a paragraph's whole new text, as the write of the one cell it changes: the part holding the
 * changed span, with that part's text so changed; undefined when the change spans two cells (no safe fix).
 */
export function partWrite(p: Paragraph, value: string): Pick<CellWrite, "at" | "value"> | undefined {
  const old = p.text;
  let pre = 0;
  while (pre < old.length && pre < value.length && old[pre] === value[pre]) pre++;
  let suf = 0;
  while (suf < old.length - pre && suf < value.length - pre && old[old.length - 1 - suf] === value[value.length - 1 - suf]) suf++;
  const end = old.length - suf;
  const part = p.parts.find((x) => x.start <= pre && end <= x.start + x.text.length);
  if (!part || part.read) return undefined;
  return { at: part.ref, value: part.text.slice(0, pre - part.start) + value.slice(pre, value.length - suf) + part.text.slice(end - part.start) };
}

/** A header's generic word for an amount: the row's name says what it is (基本支出 | 决算数 442.18). */
const GENERIC_AMOUNT = /^(?:金额|数额|决算数|本年数|本年决算数|支出数|合计)$/;

/**
 * The rows of a small table inside a report (表1 收支预算执行情况: 项目 | 预算数（万元） | 执行数（万元） |
 * 执行率), each read as the sentence it states: `合计预算数1711.75万元，执行数1707.31万元，执行率99.74%。`, so that
 * the prose checks compare its figures with the form's. A row's name is the text left of its first number;
 * a column's header the text above it on the nearest row without numbers (its unit in brackets read as the
 * column's unit). The sentence's ref is the row's first cell; each figure's words are a part on its own
 * cell, marked `read` (no fix rewrites a number cell with words).
 * @param numbers - the table's number cells (A1 addresses) on `sheet`
 * @param moneyUnit - the unit of amounts whose header names none
 */
export function tableRowSentences(sheet: SheetSnapshot, numbers: readonly string[], moneyUnit: string): { address: string; paragraph: Paragraph }[] {
  const at = new Map<string, TextCell>();
  for (const t of textCells(sheet)) at.set(`${t.col}:${t.row}`, t);
  const pos = (a: string): { col: number; row: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const numberRows = new Set(numbers.map((a) => pos(a).row));
  const rows = new Map<number, { col: number; address: string }[]>();
  for (const a of numbers) {
    const p = pos(a);
    rows.set(p.row, [...(rows.get(p.row) ?? []), { col: p.col, address: a }].sort((x, y) => x.col - y.col));
  }
  const out: { address: string; paragraph: Paragraph }[] = [];
  for (const [row, cells] of rows) {
    let label: TextCell | undefined;
    for (let c = cells[0].col - 1; c >= 1 && !label; c--) label = at.get(`${c}:${row}`);
    // A 合计 row states the whole: its figures need no row name (合计预算数 is the 预算数).
    const name = label && !/^(?:合\s*计|总\s*计|汇\s*总)[:：]?$/.test(label.value.trim()) ? label.value.trim() : "";
    const parts: ProsePart[] = [];
    let text = "";
    if (label) {
      parts.push({ ref: { sheet: sheet.name, address: label.address }, start: 0, text: name, read: true });
      text = name;
    }
    const first = parts.length;
    for (const { col, address } of cells) {
      let header = "";
      for (let r = row - 1; r >= Math.max(1, row - 4) && !header; r--) if (!numberRows.has(r)) header = at.get(`${col}:${r}`)?.value.trim() ?? "";
      const cell = sheet.cells[address];
      const v = cell?.value;
      if (typeof v !== "number") continue;
      const unitWritten = /[（(]\s*(万元|元|亿元|%|％)\s*[)）]/.exec(header)?.[1];
      const words = header.replace(/[（(][^）)]*[)）]/g, "").replace(/\s+/g, "");
      const format = cell?.numberFormat ?? "";
      const decimals = (/0\.(0+)/.exec(format)?.[1].length ?? 0);
      let figure: string;
      if (/%/.test(format)) figure = `${(v * 100).toFixed(decimals)}%`;
      else if (unitWritten === "%" || unitWritten === "％") figure = `${v.toFixed(decimals)}%`;
      else figure = `${format ? v.toFixed(decimals) : String(v)}${unitWritten ?? moneyUnit}`;
      const piece = `${GENERIC_AMOUNT.test(words) ? "" : words}${figure}，`;
      parts.push({ ref: { sheet: sheet.name, address }, start: text.length, text: piece, read: true });
      text += piece;
    }
    if (parts.length === first) continue;
    text = `${text.replace(/，$/, "")}。`;
    out.push({ address: parts[0].ref.address, paragraph: { text, parts } });
  }
  return out;
}
