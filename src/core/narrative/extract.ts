/**
 * Numbers in prose: every amount, rate, count and year a clerk writes in a text field, with its unit,
 * the label it is attached to, its offsets and its sentence — plus the two structures the prose checks
 * need, part lists ("其中：A x万元、B y万元", "（A结余x万元、B结余y万元）") and change statements
 * ("比上年增加X万元，增长Y%"). Pure functions over strings; nothing here throws on odd input.
 */
import { convertUnit, moneyFactor } from "../units";

/** What a number in prose measures. */
export type QuantityKind = "money" | "percent" | "points" | "count" | "score" | "year";

/** A sentence of the text: split at 。！？ and line breaks (；and ，stay inside a sentence). */
export interface ProseSentence {
  /** 0-based index among the text's sentences. */
  readonly index: number;
  /** Offsets in the original text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A number found in prose. */
export interface ProseQuantity {
  readonly kind: QuantityKind;
  /** The number as written (99.71 for `99.71%`, 346.77 for `346.77元`, 2021 for `2021年`). */
  readonly value: number;
  /** The unit as normalised: `元` `万元` `亿元` `%` `个百分点` `万人` `人次` `家` `个` `项` `分` `年` … */
  readonly unit: string;
  /** Decimal places as written (`346.77` → 2). */
  readonly decimals: number;
  /** The digits as written, separators included (`1,711.75`, `１７１１.７５`). */
  readonly numberText: string;
  /** The number and its unit as written in the text (`346.77元`, `102.27 万元`, `5150万余元`). */
  readonly text: string;
  /** Offsets of {@link text} in the original string, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** The words before the number in its clause, as written (`临湘市医疗保障事务中心基本支出`). */
  readonly rawLabel: string;
  /**
   * The label it is attached to: {@link rawLabel} without connectors (为、达、共计…), the direction
   * verb, comparators and spacing, full-width folded (`基本支出`, `预算执行率`, `全年预算`).
   */
  readonly label: string;
  readonly sentence: ProseSentence;
  /** Written as approximate: 约、近、余、多、以上. */
  readonly approx: boolean;
  /** The number is a change: `增加X万元` / `增长Y%` is up, `减少` / `下降` is down. */
  readonly direction?: "up" | "down";
  /** `增加到` / `降至`: the number is the new value of a change, not the difference. */
  readonly changeTo?: boolean;
  /** A comparator written before the number (`≥41万人`, `不低于95%`). */
  readonly comparator?: "≥" | "≤" | ">" | "<" | "=";
}

/** A whole and the parts listed for it. */
export interface PartList {
  readonly whole: ProseQuantity;
  readonly parts: readonly ProseQuantity[];
  /** How the parts were introduced. */
  readonly marker: "其中" | "括号";
  /** The list says it is not complete (`等`, approximate parts): only a sum above the whole is wrong. */
  readonly partial: boolean;
}

/** A percentage change and what it is computed from. */
export interface ChangeStatement {
  /** The percentage (`增长200.7%`). */
  readonly percent: ProseQuantity;
  /** The change amount (`增加232.87万元`), absent when only the two values are written. */
  readonly delta?: ProseQuantity;
  /** The current value the change leads to (`464.12万元`), when found in the text. */
  readonly current?: ProseQuantity;
  /** The earlier value (`由X万元增加到Y万元`), when written. */
  readonly previous?: ProseQuantity;
  /**
   * The base the change is measured against, when the text names it and writes it (`年初预算安排X万元，
   * 追加Y万元，比年初预算增长Z%`): Z is Y ÷ X, not Y over the current value less Y.
   */
  readonly base?: ProseQuantity;
  readonly direction: "up" | "down";
}

/** Everything the prose checks need from one text. */
export interface ProseAnalysis {
  readonly text: string;
  readonly sentences: readonly ProseSentence[];
  readonly quantities: readonly ProseQuantity[];
  readonly partLists: readonly PartList[];
  readonly changes: readonly ChangeStatement[];
}

/** The full-width characters {@link fold} turns to half-width (digits are shifted by code). */
const FOLDED: Readonly<Record<string, string>> = { "．": ".", "％": "%", "（": "(", "）": ")", "＞": ">", "＜": "<", "＝": "=", "\u3000": " " };
const TO_FOLD = /[\uff10-\uff19．％（）＞＜＝\u3000]/g;

/** Full-width digits, point, percent, brackets and comparators → half-width, one char for one (offsets stay). */
function fold(text: string): string {
  // One regex scan, and a string built only where something is folded (most labels have nothing to
  // fold): a loop over the characters paid an iterator step and a concatenation for each, which is slow
  // warm and slower still in the first check of a process, before the loop is compiled.
  return text.replace(TO_FOLD, (c) => FOLDED[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Split text into sentences at 。！？ and line breaks. */
export function splitSentences(text: string): ProseSentence[] {
  const out: ProseSentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    if (raw.trim()) out.push({ index: out.length, start, end, text: raw });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "。" || c === "！" || c === "？" || c === "!" || c === "?") push(i + 1);
    else if (c === "\n" || c === "\r") {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

// Units after a number: [余|多]? [万|亿|千]? [余|多]? base. Longest bases first.
const BASES = [
  "个百分点", "百分点", "个工作日", "平方米", "立方米", "人次", "批次", "公里", "公顷", "元", "%", "人", "户", "家", "个", "项", "件",
  "次", "名", "份", "册", "条", "辆", "例", "所", "台", "套", "天", "幅", "期", "宗", "起", "张", "分", "岁", "亩", "吨", "处",
];
const UNIT_AFTER = new RegExp(`^( ?)(余|多)?(万|亿|千)?(余|多)?(${BASES.map((b) => b.replace("%", "%")).join("|")})?`);
/** Characters that, right after a unit, show it was not a unit (分别, 分钟, 家庭, 次年, 个人, 项目, 元旦 …). */
const NOT_UNIT_AFTER: Readonly<Record<string, RegExp>> = {
  分: /^[别钟之类期管段配析解批摊点]/,
  家: /^[庭属长]/,
  次: /^[年日月要]/,
  个: /^[人体别案]/,
  项: /^[目]/,
  元: /^[旦]/,
  人: /^[员民口群数]/,
  天: /^[然]/,
  期: /^[间限末]/,
  名: /^[单称]/,
  条: /^[例件款线]/,
  所: /^[有在属以]/,
  起: /^[来到草]/,
  台: /^[账]/,
  张: /^[贴]/,
  件: /^[事]/,
  // 48处 (工程处数), not 处理 / 处置 / 处罚 / 处室 / 处于 / 处在 / 处长 / 处分.
  处: /^[理置罚室于在长分]/,
};

const CONNECTORS = /(?:分别为|分别是|分别|约为|共计|合计为|总计为|达到了|达到|达|为|是|约|近|共|了|已|安排了|安排|实现|累计为|累计达)$/;
const DIRECTIONS: readonly [RegExp, "up" | "down", boolean][] = [
  [/(?:增加到|增长到|提高到|上升到|增至|升至|提高至)$/, "up", true],
  [/(?:减少到|下降到|降低到|减至|降至|降低至|下降至)$/, "down", true],
  [/(?:同比)?(?:增加了|增长了|提高了|上升了|追加了|调增了|增加|增长|提高|上升|追加|调增|增幅为|增幅|增|多)$/, "up", false],
  [/(?:同比)?(?:减少了|下降了|降低了|减少|下降|降低|降幅为|降幅|减|少|节约|节省)$/, "down", false],
];
const COMPARATORS: readonly [RegExp, "≥" | "≤" | ">" | "<" | "="][] = [
  [/(?:≥|>=|不低于|不少于|大于等于|不小于)$/, "≥"],
  [/(?:≤|<=|不高于|不超过|小于等于|不大于|控制在)$/, "≤"],
  [/(?:>|大于|高于|超过)$/, ">"],
  [/(?:<|小于|低于|少于)$/, "<"],
  [/(?:=|等于)$/, "="],
];

/** Chinese numeral characters: digits (〇 and 零 are 0, 两 is 2) and the multipliers 十 百 千. */
const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
/**
 * A number in Chinese numerals, with its place in a match of {@link NUMBER_RE}: `百分之八十五`, `三成`, `十二`,
 * `一百零五`, `二〇二一` (digit by digit), `三点五`. Not preceded by another numeral, a digit or 第 (ordinals).
 */
const CN_NUM = "[零〇一二两三四五六七八九十百千]+";
/**
 * Digits (with separators and a decimal part), or a Chinese numeral (百分之…, …点…, …成). The leading
 * lookahead only states what both branches start with (a digit, or a numeral — 百 of 百分之 is one), and lets
 * the regex engine skip the many positions that start neither before it tries the lookbehinds: the search
 * runs over every character of every text, ≈3× faster so.
 */
const NUMBER_RE = new RegExp(
  `(?=[\\d零〇一二两三四五六七八九十百千])(?:(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?|(?<![零〇一二两三四五六七八九十百千第\\d.])(百分之)?(${CN_NUM})(?:点([零〇一二三四五六七八九]+))?)`,
  "g",
);
/** After `N成` these characters make another word (成立, 成为, 成本, 成效 …), not a tenth. */
const NOT_CHENG_AFTER = /^[立为本效果员绩功熟品交就都型长年]/;

/**
 * The value of a Chinese numeral: `十二` 12, `一百零五` 105, `二十` 20, `两` 2, `二〇二一` 2021 (without 十百千,
 * several digits read digit by digit).
 * @returns the value, or undefined for a malformed numeral (`十十`, `百二百`)
 */
export function chineseNumeralValue(text: string): number | undefined {
  if (!text) return undefined;
  if (![...text].some((c) => c in CN_MULTIPLIERS)) {
    let v = 0;
    for (const c of text) {
      if (!(c in CN_DIGITS)) return undefined;
      v = v * 10 + CN_DIGITS[c];
    }
    return v;
  }
  let total = 0;
  let digit: number | undefined;
  let lastMultiplier = Infinity;
  for (const c of text) {
    if (c in CN_DIGITS) {
      if (digit !== undefined && digit !== 0 && CN_DIGITS[c] !== 0) return undefined; // 二三百
      digit = CN_DIGITS[c];
    } else {
      const m = CN_MULTIPLIERS[c];
      if (m >= lastMultiplier) return undefined; // 十十, 百二百
      total += (digit ?? 1) * m; // 十二: 十 alone is 10
      digit = undefined;
      lastMultiplier = m;
    }
  }
  return total + (digit ?? 0);
}

/** Characters that end a label going backwards: punctuation and brackets. */
const LABEL_STOP = "，,。；;：:、！？!?\n\r()“”\"'‘’【】《》";
/** A 功能分类 level written in brackets inside a label (folded): （类） （款） （项）; 因公出国（境）费's （境）. */
const QUALIFIER_IN_BRACKETS = /^\((?:类|款|项|境)\)$/;

/**
 * The opening quote of a short quoted word (2–4 characters: “三公”) that closes at `close`, when nothing
 * stops a label between them; undefined otherwise.
 */
function quotedWordStart(s: string, close: number, floor: number): number | undefined {
  const open = s.lastIndexOf(s[close] === "”" ? "“" : '"', close - 1);
  if (open < floor || close - open - 1 < 2 || close - open - 1 > 4) return undefined;
  for (let i = open + 1; i < close; i++) if (LABEL_STOP_CODES.has(s.charCodeAt(i))) return undefined;
  return open;
}
/** {@link LABEL_STOP} as char codes: the label walk tests one code per character, with no string made for it. */
const LABEL_STOP_CODES: ReadonlySet<number> = new Set([...LABEL_STOP].map((c) => c.charCodeAt(0)));

function kindOf(unit: string): QuantityKind {
  if (moneyFactor(unit) !== undefined) return "money";
  if (unit === "%") return "percent";
  if (unit === "个百分点" || unit === "百分点") return "points";
  if (unit === "分") return "score";
  if (unit === "年") return "year";
  return "count";
}

/** Normalise a label: fold width, drop spaces, quotes and the trailing connectors. */
export function cleanLabel(raw: string): string {
  let s = fold(raw).replace(/\s+/g, "").replace(/[“”"‘’「」]/g, "").replace(/^\d{1,2}\.(?!\d)/, "");
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(CONNECTORS, "");
    for (const [re] of COMPARATORS) s = s.replace(re, "");
    if (s === before) break;
  }
  return s;
}

/**
 * Find every quantity in a text: amounts (万元/亿元/元), rates (%), points (个百分点), counts (万人、人次、
 * 家、个、项 …), scores (分) and years (2021年). Numbers without a unit, dates' months and days, and list
 * numbering are left out.
 * @param text - a text cell's value
 * @returns the quantities in text order
 * @example extractQuantities("基本支出346.77元")[0] // {kind:"money", value:346.77, unit:"元", label:"基本支出", start:4, …}
 */
export function extractQuantities(text: string): ProseQuantity[] {
  return quantitiesOf(text, fold(text), splitSentences(text));
}

/**
 * {@link extractQuantities} with the text already folded and split ({@link analyzeProse} needs both too).
 * @param s - `fold(text)`
 * @param sentences - `splitSentences(text)`
 */
function quantitiesOf(text: string, s: string, sentences: readonly ProseSentence[]): ProseQuantity[] {
  const sentenceAt = (i: number): ProseSentence =>
    sentences.find((x) => i >= x.start && i < x.end) ?? { index: -1, start: 0, end: text.length, text };
  const out: ProseQuantity[] = [];
  // The module's one global regex, rewound: no text is searched inside another's search.
  const re = NUMBER_RE;
  re.lastIndex = 0;
  let prevEnd = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let start = m.index;
    if (m[1] === undefined) {
      const q = chineseQuantity(m, s);
      if (!q) continue;
      pushQuantity(q.start, q.numLen, q.value, q.decimals, q.unit, q.unitLen, q.approx);
      continue;
    }
    let intText = m[1].replace(/,/g, "");
    let frac = m[2] ?? "";
    let numLen = m[0].length;
    // `3.2024年…`: list numbering glued to a year — read the year, not 3.2024.
    if (frac.length === 4 && /^(19|20)/.test(frac) && s[start + numLen] === "年" && intText.length <= 2) {
      start += intText.length + 1;
      intText = frac;
      frac = "";
      numLen = 4;
    }
    const end = start + numLen;
    const value = Number(`${intText}${frac ? `.${frac}` : ""}`);
    if (!Number.isFinite(value)) continue;
    const after = s.slice(end);
    let unit: string;
    let approx = false;
    let unitLen: number;
    // A year: 19xx/20xx followed by 年 (2021年, 2021年度, 2024年底).
    if (/^(19|20)\d\d$/.test(s.slice(start, end)) && after[0] === "年") {
      unit = "年";
      unitLen = after[1] === "度" ? 2 : 1;
    } else {
      const u = UNIT_AFTER.exec(after);
      if (!u || (!u[3] && !u[5])) continue;
      const base = u[5] ?? "";
      if (!base && !u[3]) continue;
      const next = after.slice(u[0].length);
      if (base && NOT_UNIT_AFTER[base]?.test(next)) continue;
      // A month or day right after means a date (2-6月, 12月31日) — never a quantity.
      if (!base && /^[月日号]/.test(next)) continue;
      approx = Boolean(u[2] || u[4]);
      unit = `${u[3] ?? ""}${base === "百分点" ? "个百分点" : base}`;
      if (unit === "千") continue;
      unitLen = u[0].length;
      // `3个工作日`: a duration, not a count of things the tables hold.
      if (base === "个工作日") unit = "个工作日";
    }
    pushQuantity(start, numLen, value, frac.length, unit, unitLen, approx);
  }
  return out;

  /** Label, direction and comparator of a number found at [start, start + numLen) with its unit after it. */
  function pushQuantity(start: number, numLen: number, value: number, decimals: number, unit: string, unitLen: number, approxIn: boolean): void {
    let approx = approxIn;
    const end = start + numLen + unitLen;
    // The label: back from the number to the clause's start or the previous quantity.
    let ls = start;
    for (;;) {
      while (ls > prevEnd && !LABEL_STOP_CODES.has(s.charCodeAt(ls - 1))) ls--;
      // 社会保障和就业（类）支出: a 功能分类 level in brackets is part of the label, not its start.
      if (ls - 3 >= prevEnd && QUALIFIER_IN_BRACKETS.test(s.slice(ls - 3, ls)) && ls - 3 > prevEnd && !LABEL_STOP_CODES.has(s.charCodeAt(ls - 4))) ls -= 3;
      // “三公”经费支出: a short quoted word is part of the label, not its start.
      else if (ls - 2 > prevEnd && (s[ls - 1] === "”" || s[ls - 1] === '"') && quotedWordStart(s, ls - 1, prevEnd) !== undefined) ls = quotedWordStart(s, ls - 1, prevEnd)!;
      else break;
    }
    const rawLabel = text.slice(ls, start);
    // `s` is `text` folded one char for one, so its slice is the label folded.
    let label = s.slice(ls, start).replace(/\s+/g, "").replace(/[“”"‘’「」]/g, "");
    let direction: "up" | "down" | undefined;
    let changeTo = false;
    let comparator: ProseQuantity["comparator"];
    if (/(?:约|近|逾|超)$/.test(label)) approx = true;
    for (let i = 0; i < 3; i++) {
      // Every pattern here matches at least one character, so a pass that leaves the label as it was
      // found nothing (and set nothing): the next would do the same.
      const before = label;
      label = label.replace(CONNECTORS, "");
      for (const [dre, dir, to] of DIRECTIONS) {
        if (!direction && dre.test(label)) {
          direction = dir;
          changeTo = to;
          label = label.replace(dre, "");
        }
      }
      for (const [cre, cmp] of COMPARATORS) {
        if (!comparator && cre.test(label)) {
          comparator = cmp;
          label = label.replace(cre, "");
        }
      }
      if (label === before) break;
    }
    label = cleanLabel(label);
    if (s.startsWith("以上", end) || s.startsWith("以内", end) || s.startsWith("左右", end)) approx = true;
    out.push({
      kind: kindOf(unit),
      value,
      unit,
      decimals,
      numberText: text.slice(start, start + numLen),
      text: text.slice(start, end),
      start,
      end,
      rawLabel,
      label,
      sentence: sentenceAt(start),
      approx,
      direction: unit === "年" ? undefined : direction,
      changeTo: unit === "年" ? undefined : changeTo || undefined,
      comparator,
    });
    prevEnd = end;
    re.lastIndex = end;
  }
}

/**
 * A quantity written in Chinese numerals, from a match of {@link NUMBER_RE}'s second branch: its value, unit
 * and extent, or undefined when no unit follows (十、 as a heading, “十四五”, 两级) or the numeral is a lone 一
 * (一是, 统一, 一般: too common to be a count).
 */
function chineseQuantity(
  m: RegExpExecArray,
  s: string,
): { start: number; numLen: number; value: number; decimals: number; unit: string; unitLen: number; approx: boolean } | undefined {
  const [whole, , , percentOf, intText, fracText] = m;
  const start = m.index;
  const numLen = whole.length;
  const intValue = chineseNumeralValue(intText);
  if (intValue === undefined) return undefined;
  let value = intValue;
  let decimals = 0;
  if (fracText) {
    const f = chineseNumeralValue(fracText);
    if (f === undefined) return undefined;
    value = Number(`${intValue}.${[...fracText].map((c) => CN_DIGITS[c]).join("")}`);
    decimals = fracText.length;
  }
  const after = s.slice(start + numLen);
  // 百分之八十五: a rate.
  if (percentOf) return { start, numLen, value, decimals, unit: "%", unitLen: 0, approx: false };
  if (intText === "一" && !fracText) return undefined;
  // 二〇二一年: a year digit by digit.
  if (/^[零〇一二三四五六七八九]{4}$/.test(intText) && /^(19|20)\d\d$/.test(String(value)) && after[0] === "年") {
    return { start, numLen, value, decimals: 0, unit: "年", unitLen: after[1] === "度" ? 2 : 1, approx: false };
  }
  // 三成: three tenths, a rounded rate.
  if (after[0] === "成" && !fracText && !NOT_CHENG_AFTER.test(after.slice(1))) {
    return { start, numLen: numLen + 1, value: value * 10, decimals: 0, unit: "%", unitLen: 0, approx: true };
  }
  const u = UNIT_AFTER.exec(after);
  if (!u || !u[5] || u[1]) return undefined; // a unit must follow directly (十二个, 三万人, 两次)
  const base = u[5];
  if (NOT_UNIT_AFTER[base]?.test(after.slice(u[0].length))) return undefined;
  if (base === "%") return undefined; // 十二% is not how anyone writes a rate
  const unit = `${u[3] ?? ""}${base === "百分点" ? "个百分点" : base}`;
  return { start, numLen, value, decimals, unit, unitLen: u[0].length, approx: Boolean(u[2] || u[4]) };
}

/** Whether two quantities measure the same thing in convertible units (万元 and 元; 人 and 万人). */
export function sameFamily(a: ProseQuantity, b: ProseQuantity): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "money") return true;
  return convertUnit(1, a.unit, b.unit) !== undefined;
}

/** A quantity's value in another unit of its family (money in 万元 …), undefined when it does not convert. */
export function valueIn(q: ProseQuantity, unit: string): number | undefined {
  return convertUnit(q.value, q.unit, unit);
}

/** The half-width of the interval a written number stands for, in `unit`. Counts of things are exact. */
export function halfWidth(q: ProseQuantity, unit: string = q.unit): number {
  if (q.kind === "count" && !/^[万亿千]/.test(q.unit) && q.decimals === 0) return 0;
  const h = 0.5 * Math.pow(10, -q.decimals);
  return convertUnit(h, q.unit, unit) ?? h;
}

/** Whether parts add up to their whole, within the rounding of every written number. */
function sumMeets(whole: ProseQuantity, parts: readonly ProseQuantity[]): boolean {
  let sum = 0;
  let tol = halfWidth(whole) + 1e-9;
  for (const p of parts) {
    const v = valueIn(p, whole.unit);
    if (v === undefined) return false;
    sum += v;
    tol += halfWidth(p, whole.unit);
  }
  return Math.abs(sum - whole.value) <= tol;
}

/**
 * Part lists: "其中：…" after a whole, and parenthesised breakdowns after a whole.
 * @param s - the text folded ({@link fold})
 */
function findPartLists(s: string, sentences: readonly ProseSentence[], qs: readonly ProseQuantity[]): PartList[] {
  const out: PartList[] = [];
  const used = new Set<ProseQuantity>();
  const wholeBefore = (pos: number, family: ProseQuantity): ProseQuantity | undefined => {
    const sentence = sentences.find((x) => pos >= x.start && pos < x.end);
    if (!sentence) return undefined;
    const here = qs.filter((q) => q.end <= pos && q.start >= sentence.start && sameFamily(q, family) && !q.direction);
    if (here.length) return here[here.length - 1];
    // The list opens its sentence (`。其中：…`, `。（…）`): the whole ends the sentence before.
    if (s.slice(sentence.start, pos).replace(/[\s(：:，,]|其中/g, "") !== "") return undefined;
    const prev = sentences[sentence.index - 1];
    if (!prev || !/。\s*$/.test(prev.text)) return undefined;
    const before = qs.filter((q) => q.start >= prev.start && q.end <= prev.end && sameFamily(q, family) && !q.direction);
    return before[before.length - 1];
  };
  /** Lists in [from, to): one per family of quantities (money first) with at least two parts and a whole. */
  const lists = (from: number, to: number, wholeAt: number, marker: PartList["marker"]): void => {
    const inside = qs.filter((q) => q.start >= from && q.end <= to && !used.has(q) && (q.kind === "money" || q.kind === "count"));
    const reps: ProseQuantity[] = [];
    for (const q of inside) if (!reps.some((r) => sameFamily(r, q))) reps.push(q);
    reps.sort((a, b) => (a.kind === "money" ? 0 : 1) - (b.kind === "money" ? 0 : 1));
    for (const rep of reps) {
      const parts: ProseQuantity[] = [];
      for (const q of inside) {
        if (!sameFamily(q, rep)) continue;
        if (q.direction || /(?:合计|总计|总额|共计|小计)$/.test(q.label)) break;
        parts.push(q);
      }
      if (parts.length < 2) continue;
      // The same label twice (预算资金 … 支出 … 预算资金 … 支出) is a table written as prose — several
      // measures per entity, not parts of one whole.
      const labels = parts.map((p) => p.label).filter(Boolean);
      if (new Set(labels).size < labels.length) continue;
      const whole = wholeBefore(wholeAt, rep);
      if (!whole) continue;
      // The first parts already make the whole, exactly: the amounts after them (；追回医保基金105.16万元) are
      // another matter of the same sentence, not more parts.
      if (!sumMeets(whole, parts)) {
        for (let k = parts.length - 1; k >= 2; k--) {
          if (sumMeets(whole, parts.slice(0, k)) && /[；;]/.test(s.slice(parts[k - 1].end, parts[k].start))) {
            parts.length = k;
            break;
          }
        }
      }
      const last = parts[parts.length - 1];
      const partial = parts.some((p) => p.approx) || /^\s*等/.test(s.slice(last.end, to)) || /主要|部分|包括/.test(s.slice(from, parts[0].start));
      parts.forEach((p) => used.add(p));
      out.push({ whole, parts, marker, partial });
    }
  };
  // Parenthesised breakdowns first, so that a "(其中…)" inside brackets is read once.
  const parenRe = /\(([^()]*)\)/g;
  for (let m = parenRe.exec(s); m; m = parenRe.exec(s)) lists(m.index + 1, m.index + m[0].length - 1, m.index, "括号");
  const qiRe = /其中/g;
  for (let m = qiRe.exec(s); m; m = qiRe.exec(s)) {
    const at = m.index;
    const sentence = sentences.find((x) => at >= x.start && at < x.end);
    if (!sentence) continue;
    // Inside brackets the list ends at the closing bracket.
    const close = s.indexOf(")", at);
    const open = s.lastIndexOf("(", at);
    const inParen = open >= sentence.start && open > s.lastIndexOf(")", at) && close >= 0 && close < sentence.end;
    lists(at + 2, inParen ? close : sentence.end, inParen ? open : at, "其中");
  }
  return out.sort((a, b) => a.whole.start - b.whole.start);
}

/** Remove comparison phrases from a label to get the subject of a change (`收入`, `机关运行经费支出`). */
function changeSubject(label: string): string {
  return label
    .replace(/(?:与|和|同)?(?:上年|去年|上一年度?|\d{4}年度?|同期)(?:同期)?相比(?:较)?/g, "")
    .replace(/(?:比|较|相比|对比)(?:上年|去年|上一年度?|\d{4}年度?)(?:同期)?/g, "")
    .replace(/同比|环比|各|均|分别/g, "")
    .trim();
}

/**
 * The base a change names (`比年初预算增长4.83%`, `较全年预算减少…`) when the text writes it in the same
 * sentence or the one before, before the change (`年初预算安排1632.87万元`). Another year (比上年, 较2019年)
 * is not a base the text writes: undefined.
 */
function namedBase(p: ProseQuantity, d: ProseQuantity, qs: readonly ProseQuantity[]): ProseQuantity | undefined {
  const m = /(?:比|较|相比|对比)([^，,；;]{2,12})$/.exec(p.label) ?? /(?:比|较|相比|对比)([^，,；;]{2,12})$/.exec(d.label);
  if (!m) return undefined;
  const name = m[1].replace(/(?:安排|数)$/g, "");
  if (/上年|去年|上一年|同期|\d{4}年|以前|历年/.test(name) || name.length < 2) return undefined;
  const before = qs.filter(
    (q) => q.start < d.start && !q.direction && sameFamily(q, d) && (q.sentence.index === d.sentence.index || q.sentence.index === d.sentence.index - 1),
  );
  const named = before.filter((q) => q.label.replace(/(?:安排|数)$/g, "").endsWith(name));
  return named[named.length - 1];
}

function findChanges(sentences: readonly ProseSentence[], qs: readonly ProseQuantity[]): ChangeStatement[] {
  const out: ChangeStatement[] = [];
  qs.forEach((p, i) => {
    if (p.kind !== "percent" || !p.direction || p.changeTo) return;
    const sameSentence = qs.slice(0, i).filter((q) => q.sentence.index === p.sentence.index);
    // The change amount: the nearest change before the percentage, with no other percentage between.
    let delta: ProseQuantity | undefined;
    for (let j = sameSentence.length - 1; j >= 0; j--) {
      const q = sameSentence[j];
      if (q.kind === "percent" || q.kind === "points") break;
      if (q.direction && !q.changeTo && (q.kind === "money" || q.kind === "count")) {
        delta = q;
        break;
      }
    }
    if (delta) {
      const d = delta;
      const base = namedBase(p, d, qs);
      if (base) {
        out.push({ percent: p, delta: d, base, direction: p.direction });
        return;
      }
      const subject = changeSubject(d.label);
      const candidates = qs.filter(
        (q) =>
          q.start < d.start &&
          !q.direction &&
          sameFamily(q, d) &&
          (q.sentence.index === d.sentence.index || q.sentence.index === d.sentence.index - 1),
      );
      const bySubject = subject ? candidates.filter((q) => q.label.endsWith(subject) || (q.label.length >= 2 && subject.endsWith(q.label))) : [];
      // From the sentence before only when the subject names it, or when this sentence goes on from it
      // (与2019年相比，… / 比上年减少…): otherwise an unrelated amount would become the base.
      const continues = /^\s*(?:与|和|同|比|较|相比)/.test(d.sentence.text);
      const usable = bySubject.length ? bySubject : candidates.filter((q) => q.sentence.index === d.sentence.index || continues);
      const current = usable[usable.length - 1];
      out.push({ percent: p, delta: d, current, direction: p.direction });
      return;
    }
    // 由X增加到Y，增长Z%
    const to = [...sameSentence].reverse().find((q) => q.changeTo && (q.kind === "money" || q.kind === "count"));
    if (to) {
      const from = [...sameSentence].reverse().find((q) => q.start < to.start && sameFamily(q, to) && !q.direction);
      if (from) out.push({ percent: p, current: to, previous: from, direction: p.direction });
    }
  });
  void sentences;
  return out;
}

/**
 * Read a text for the prose checks: its sentences, quantities, part lists and change statements.
 * @param text - a text cell's value
 * @returns the analysis; empty lists for text without numbers
 * @example analyzeProse("累计结余19787.89万元。（A结余491.97万元、B结余11548.57万元）").partLists[0].parts.length // 2
 */
export function analyzeProse(text: string): ProseAnalysis {
  const sentences = splitSentences(text);
  const folded = fold(text);
  const quantities = quantitiesOf(text, folded, sentences);
  return {
    text,
    sentences,
    quantities,
    partLists: findPartLists(folded, sentences, quantities),
    changes: findChanges(sentences, quantities),
  };
}
