/**
 * Paragraphs a clerk writes over several cells: one wrapped by hand in mid-sentence onto the next row
 * (`…全年预算数为346.77` / `万元，执行数为…`, or `…预算执行率82.6%，` / `结转到2020年度33.42万元。`), and one whose section number sits in the cell to its left
 * (A: `3.` | B: `上级转移支付预算53.00万元，支出34.08万元…`). The prose checks read such a paragraph as one
 * text; a finding whose fix rewrites one figure is placed on the cell that holds it ({@link partWrite}).
 */
import type { CellRef, SheetSnapshot } from "../model/snapshot";
import type { CellWrite } from "../model/writes";
import { textCells, type TextCell } from "../rules/lib/text-cells";

/** One cell's share of a paragraph: where its text starts in the joined text. */
export interface ProsePart {
  readonly ref: CellRef;
  readonly start: number;
  /** The cell's text as joined (a section number without its mark is given one: `3` → `3、`). */
  readonly text: string;
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
/** A text that ends a sentence or a clause a heading closes (。！？；：). */
const ENDS_SENTENCE = /[。！？!?；;：:]\s*$/;
/** A row that can only go on the row above: it opens with a unit or a clause mark (万元，执行数为…). */
const CONTINUES = /^\s*(?:万元|亿元|元|%|％|个百分点|个|项|分|家|人|户|[，,、；;)）])/;
/** A row whose sentence goes on: it ends with a comma (…预算执行率82.6%，). */
const ENDS_CLAUSE = /[，,、]\s*$/;
/** A row that opens a section or an item of its own (一、 （二） 3. 一是). */
const OPENS_SECTION = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．是]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]{1,3})/;

const cache = new WeakMap<SheetSnapshot, SheetParagraphs>();

/**
 * The sheet's paragraphs written over several cells: a text cell followed, directly below in its column, by
 * rows that continue it (the text above ends in mid-sentence and the one below opens with a unit or a clause
 * mark, or the text above ends with a comma and the one below opens no section of its own), and a text cell with a bare section number in the cell to its left (and nothing further
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
  for (const t of texts) {
    if (tails.has(t.address) || !t.value.trim() || BARE_MARKER.test(t.value)) continue;
    const chain = [t];
    for (;;) {
      const last = chain[chain.length - 1];
      const below = at.get(`${last.col}:${last.row + 1}`);
      if (!below || ENDS_SENTENCE.test(last.value) || !(CONTINUES.test(below.value) || (ENDS_CLAUSE.test(last.value) && !OPENS_SECTION.test(below.value)))) break;
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
  if (!part) return undefined;
  return { at: part.ref, value: part.text.slice(0, pre - part.start) + value.slice(pre, value.length - suf) + part.text.slice(end - part.start) };
}
