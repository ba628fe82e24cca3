/**
 * A whole and its shares listed after a colon — “支出848.75万元，主要用于以下方面：A67.78万元，占7.98%；B756.01万元，
 * 占89.08%；C24.96万元，占2.94%。” — which is neither a 其中 list nor a bracket (extract.ts's part lists), and
 * whether it is the WHOLE that is wrong: the shares add up to another amount, and their 占 percentages are
 * worked out of that amount. Then the whole is the one mistake; each share measured against it would only
 * echo it.
 */
import { halfWidth, sameFamily, valueIn, type ProseAnalysis, type ProseQuantity } from "./extract";
import { percentAgrees, rangeOf, shareOfSum, type Range } from "./ratios";

/** A list opened with a colon: 主要用于以下方面：, 包括以下几个方面：, 具体如下：, 主要用于：. */
export const LIST_OPENER = /(?:以下|如下)(?:几个|[一二三四五六七八九十\d]+个)?(?:方面|几项|项目|内容|用途)?\s*[:：]|(?:用于|包括|用在)\s*[:：]/;
/** A share's label: 占, 占比, 占支出总额的 (any whole named). */
const SHARE_LABEL = /^占/;

/** A whole, the amounts listed after the colon that follows it, and the share written after each. */
export interface OpenedList {
  readonly whole: ProseQuantity;
  readonly parts: readonly ProseQuantity[];
  /** The share (占y%) written right after each part, in the parts' order; undefined where none is. */
  readonly shares: readonly (ProseQuantity | undefined)[];
  /** The list says it goes on (等, approximate amounts): its sum may be short of the whole. */
  readonly open: boolean;
}

/**
 * The colon-opened lists of a text: the whole is the last amount before the opener, with no more than a
 * few words between (支出848.75万元，主要用于以下方面：); the parts are the amounts of the same kind after the
 * opener, to the end of the sentence — or, when the opener ends its line, over the lines that follow up to
 * the one ending with 。 (a list written one item a line).
 */
export function openedLists(analysis: ProseAnalysis): OpenedList[] {
  const { text, sentences, quantities: qs } = analysis;
  const out: OpenedList[] = [];
  for (const sentence of sentences) {
    const m = new RegExp(LIST_OPENER.source).exec(sentence.text);
    if (!m) continue;
    const openerStart = sentence.start + m.index;
    const openerEnd = openerStart + m[0].length;
    const before = qs.filter((q) => q.sentence.index === sentence.index && q.end <= openerStart && q.kind === "money" && !q.direction && !q.changeTo && !q.comparator);
    const whole = before[before.length - 1];
    if (!whole || !/^[，,]?[^，,；;:：。]{0,10}$/.test(text.slice(whole.end, openerStart))) continue;
    // The list's extent: the rest of the sentence, or the item lines after an opener that ends its line.
    let end = sentence.end;
    if (!text.slice(openerEnd, sentence.end).trim()) {
      for (const next of sentences.slice(sentence.index + 1)) {
        end = next.end;
        if (/[。.]\s*$/.test(next.text) || !/[；;，,]\s*$/.test(next.text)) break;
      }
    }
    const inside = qs.filter((q) => q.start >= openerEnd && q.end <= end);
    const parts: ProseQuantity[] = [];
    const shares: (ProseQuantity | undefined)[] = [];
    for (const q of inside) {
      if (q.kind === "percent" && SHARE_LABEL.test(q.label) && !q.direction && parts.length && shares[parts.length - 1] === undefined) {
        shares[parts.length - 1] = q;
        continue;
      }
      if (!sameFamily(q, whole)) continue;
      if (q.direction || q.changeTo || q.comparator || /(?:合计|总计|总额|共计|小计)$/.test(q.label)) break;
      parts.push(q);
      shares.push(undefined);
    }
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1];
    const open = parts.some((p) => p.approx) || /^(?:\s*[，,]?\s*占[^；;。，,等]*%)?\s*等/.test(text.slice(last.end, end));
    out.push({ whole, parts, shares, open });
  }
  return out;
}

/** The parts' sum in the whole's unit with its rounding, or undefined when a part does not convert. */
export function listSum(list: OpenedList): { sum: number; tol: number } | undefined {
  let sum = 0;
  let tol = halfWidth(list.whole) + 1e-9;
  for (const p of list.parts) {
    const v = valueIn(p, list.whole.unit);
    if (v === undefined) return undefined;
    sum += v;
    tol += halfWidth(p, list.whole.unit);
  }
  return { sum, tol: tol + 1e-9 * Math.max(1, Math.abs(sum)) };
}

/**
 * Whether every part carries its share and each share is the part over the parts' sum (a list's shares are
 * often balanced to make 100%: one unit of the share's last decimal is allowed) — the shares vouch for the
 * sum as the whole the clerk worked from.
 */
export function sharesVouchForSum(list: OpenedList): boolean {
  if (list.open || list.shares.some((s) => !s)) return false;
  const ranges: Range[] = [];
  for (const p of list.parts) {
    const r = rangeOf(p, list.whole.unit);
    if (!r) return false;
    ranges.push(r);
  }
  return list.parts.every((_p, k) => {
    const of = shareOfSum(ranges, k);
    if (!of) return false;
    const share = list.shares[k]!;
    const slack = Math.pow(10, -share.decimals) / 100;
    return percentAgrees(share, [of[0] - slack, of[1] + slack]);
  });
}

/** Whether the whole disagrees with its parts' sum beyond the rounding of every written number. */
export function wholeMissesSum(list: OpenedList): boolean {
  const s = listSum(list);
  return !!s && Math.abs(s.sum - list.whole.value) > s.tol;
}

/** Whether a share measured against the whole is wrong only because the whole is: see the module comment. */
export function shareEchoesWhole(list: OpenedList): boolean {
  return wholeMissesSum(list) && sharesVouchForSum(list);
}
