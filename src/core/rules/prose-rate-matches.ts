/**
 * prose-rate-matches — a 执行率 or 完成率 stated in the text must equal the ratio of its parts: the
 * amounts in the same sentence (全年预算 / 全年执行; 年初设定 … / 实际完成 …, the target possibly in the
 * sentence before), else for 预算执行率 the workbook's 全年执行数 ÷ 全年预算数. A 资金到位率 must be the
 * amount received (资金215.11万元已全额到位) ÷ the budget (in the sentence, else 全年预算数), 100% when the
 * sentence says the funds arrived in full, and never above 100%.
 */
import { defineRule } from "../engine/types";
import { formatRef } from "../model/address";
import { analyzeProse, halfWidth, sameFamily, valueIn, type ProseQuantity } from "../narrative/extract";
import { readIndicatorValue, reconcile, type IndicatorNumber } from "../scoring/indicator-value";
import type { RelationCell } from "../model/report-model";
import { amountMatches, correctedFact, factOf, itemBefore, itemNamesPart, matchMoneyLabel, namesPart, narrowerSubject, overallFact, proseCells, reportYear, type Fact, type ProseCell } from "../narrative/prose-cells";
import { formatNumber } from "../units";
import { normalizeLabel } from "../schema/fields";
import { formatDecimals, quoteSentence, replacePhrase } from "../narrative/phrase";
import { divide, mid, percentAgrees, pointOf, rangeOf, shareOfSum, type Range } from "../narrative/ratios";
import { LIST_OPENER, openedLists, shareEchoesWhole } from "../narrative/opened-list";

/** Message ids of prose-rate-matches. */
export type MessageId = "rateMismatch" | "rowRateMismatch" | "arrivalRate" | "arrivalInFull" | "arrivalOver100" | "spentInFull";

/** Funds said to be spent in full: 资金全部使用完毕, 经费已全部支付完毕, 预算资金执行完毕, 已全额支出. */
const SPENT_IN_FULL = /(?:全部|全额|足额)?(?:使用|支付|支出|执行)完毕|(?:已|均)?(?:全部|全额)(?:使用|支付|支出)(?![率比])/;
/** The clause speaks of the funds (not of a task or a number of people). */
const FUNDS = /资金|经费|预算/;
/** A plan, a requirement or a negation: no statement of the year's result. */
const NOT_SPENT = /确保|力争|争取|要求|计划|将|下一步|明年|下年|未|没有|尚未|基本|大部分|部分|除/;
/** A clause about one source or part of the funds (追加资金, 上级补助): not the form's whole budget… */
const ONE_SOURCE = /追加|上级|中央|省级|市级|县级|区级|补助|专项|转移支付|结转|其中|基本支出|项目支出|人员|公用/;
/** …unless it joins them all (本中心预算项目经费和市级预算追加项目资金全部使用完毕). */
const JOINED = /和|及|与|、/;

const TARGET = /年初|设定|目标|计划|指标值|预期/;
/** Whether parts add up to their whole within the rounding of every written number. */
function partsAddUp(whole: ProseQuantity, parts: readonly ProseQuantity[]): boolean {
  let sum = 0;
  let tol = halfWidth(whole) + 1e-9;
  for (const p of parts) {
    const v = valueIn(p, whole.unit);
    if (v === undefined) return true;
    sum += v;
    tol += halfWidth(p, whole.unit);
  }
  return Math.abs(sum - whole.value) <= tol;
}

/** A share's named whole that is the year's budget (占全年预算的99.74%, 占预算数的): the form's 全年预算数. */
const BUDGET_WHOLE = /^(?:全年|调整后|年度)?预算(?:数|总额|资金|金额)?$/;

/** 完成预算的91.78%, 完成年度预算100%: a 决算 amount over its 预算数. */
const BUDGET_DONE = /^(?:为|，)?完成(?:年度|全年)?预算(?:数)?(?:的)?$/;

/**
 * The field of the 预算数 beside a declared 决算 amount: `form.grid.row.amount` → `form.grid.row.budget` (a
 * block whose columns are 预算数 / 决算数), `form.grid.amount.col` → `form.grid.budget.col` (whose rows are).
 */
function budgetFieldOf(field: string): string | undefined {
  const parts = field.split(".");
  const k = parts.lastIndexOf("amount");
  if (k < 2) return undefined;
  parts[k] = "budget";
  return parts.join(".");
}

/** A share: 占52.1%, 占比47.9%, 占支出总额的52.1% (the whole named). */
const SHARE = /^占(?:比|比重|比例)?(?:为)?$|^占(.{1,12}?)(?:的)?(?:比重|比例)?(?:为)?$/;
/** The form's overall 预算执行率 (not a part's: 项目支出执行率 is not the form's). */
const OVERALL_RATE = /^(?:本项目|项目|部门整体|部门|整体|全年|年度|本年度?|当年度?|总体|综合|资金)*预算执行率$/;
/** 执行率 / 资金执行率 alone: the form's only when no amount before it in the sentence could own it. */
const BARE_RATE = /^(?:资金)?执行率$/;
/** After a rate, words that make it a threshold of a scoring rule: 100%的得满分, 90%以上, 100%（含）. */
const RULE_AFTER = /^(?:的|及以上|以上|以下|以内|（含|\(含|得|者|时|为满分|满分|计|扣)/;
/**
 * A difference from the target: 超出年度目标200张, 高于年初设定参保人数0.9万人, 低于目标…, 比年度目标少40人次.
 * {@link OVER} tells the differences above the target.
 */
const OVER_UNDER = /高于|超过|超出|多于|多出|低于|少于|(?:比|较)[^，。；]{0,12}?(?:少|多|低|高)(?:了|出)?$/;
const OVER = /高于|超过|超出|多于|多出|(?:比|较)[^，。；]{0,12}?(?:多|高)(?:了|出)?$/;
/** A difference, not a value: 高于年初设定参保人数0.9万人. */
const DIFFERENCE = /高于|低于|超过|超出|多于|少于|比|较/;

/** The funds as a whole: 项目资金, 2022年项目资金, 本年度资金总额, 部门预算资金共计. */
const WHOLE_FUNDS_LABEL = /^(?:(?:19|20)\d{2}年度?)?(?:本年度?|当年度?|全年|年度)?(?:项目|部门)?(?:资金|项目资金|资金总额|预算资金)(?:共计|合计|总额|共)?$/;

/** Words around an amount's subject: the column it states, and adverbs of time or scope. */
const AMOUNT_WORDS = /(?:预算数|预算资金|预算|执行数|执行|实际支出|支出|决算数|决算|资金|金额|安排)+$/;
const SCOPE_WORDS = /^(?:其中[:：]?|全年|年度|本年度?|当年度?|实际|共计?|累计|总)+/;

/** The subject an amount's label names (公共卫生服务类 for 公共卫生服务类项目预算), "" when none. */
function subjectOf(label: string): string {
  const s = normalizeLabel(label).replace(AMOUNT_WORDS, "").replace(SCOPE_WORDS, "").replace(/项目$/, "");
  return s;
}

/** Two amounts' labels name the same subject, or one names none. */
function sameSubject(a: string, b: string): boolean {
  const x = subjectOf(a);
  const y = subjectOf(b);
  return x === "" || y === "" || x === y;
}

/** The form's funds' 到位率 (not a part's: 医疗救助资金到位率 is a fund's own). */
const ARRIVAL_RATE = /^(?:本项目|该项目|项目|部门整体|部门|整体|全年|年度|本年度?|当年度?|总体|预算|财政|专项)*(?:资金)?到位率$/;
/** Funds received in full: 已全额到位, 全部到位, 足额到位. */
const IN_FULL = /(?:全额|全部|足额|全数)(?:拨付|下达)?到位/;
/** After an amount, words saying it was received: 已全额到位, 到位, 已拨付到位. */
const ARRIVED_AFTER = /^\s*(?:已经?|均已|全部|均)?(?:全额|全部|足额|全数)?(?:拨付|下达)?到位/;

function factRange(f: Fact): Range {
  const h = 0.5 * Math.pow(10, -Math.max(0, f.decimals));
  return [f.value - h, f.value + h];
}

/** A written indicator number's interval (value ± half a unit of its last decimal). */
function indicatorRange(value: number, n: IndicatorNumber): Range {
  const h = 0.5 * Math.pow(10, -Math.max(0, n.decimals));
  return [value - h, value + h];
}

/** Stated rates must match their parts. */
export const proseRateMatches = defineRule<MessageId>({
  id: "prose-rate-matches",
  meta: {
    type: "problem",
    docs: { description: "文字中的执行率、完成率应等于其组成数据之比。", recommended: true },
    messages: {
      "rateMismatch": "“{{sentence}}”中的“{{phrase}}”有误：{{numerator}} ÷ {{denominator}} 应为{{expected}}。",
      "rowRateMismatch": "指标“{{indicator}}”的说明写“{{phrase}}”，但实际完成值 {{actual}} ÷ 年度指标值 {{target}} 应为{{expected}}。",
      "arrivalRate": "“{{sentence}}”中的资金到位率“{{phrase}}”有误：到位资金{{numerator}} ÷ {{denominator}} 应为{{expected}}。",
      "arrivalInFull": "“{{sentence}}”写明资金已全额到位，资金到位率“{{phrase}}”应为100%。",
      "spentInFull": "文字“{{phrase}}”说资金已全部使用，但全年执行数 {{executed}} 少于全年预算数 {{budget}}（预算执行率 {{rate}}，{{cell}}）；请核对文字或表中数额。",
      "arrivalOver100": "“{{sentence}}”中的资金到位率“{{phrase}}”超过100%：到位资金不会多于预算，请核对。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        /** 其中基本支出442.18万元，占52.1%: the part over the whole it is listed under (or the whole named: 占支出总额的). */
        const checkShare = (pc: ProseCell, q: ProseQuantity, i: number, named: string | undefined): void => {
          const qs = pc.analysis.quantities;
          let part: ProseQuantity | undefined;
          for (let j = i - 1; j >= 0 && qs[j].sentence.index === q.sentence.index; j--) {
            if (qs[j].kind === "percent" || qs[j].kind === "points") return;
            if ((qs[j].kind === "money" || qs[j].kind === "count") && !qs[j].direction) {
              part = qs[j];
              break;
            }
          }
          if (!part) return;
          const p = part;
          const name = (named ?? "").replace(/的$/, "");
          const list = pc.analysis.partLists.find((l) => l.parts.includes(p));
          // Parts that do not add up to their whole are prose-parts-sum's finding: a share of them proves nothing.
          if (list && !list.partial && !partsAddUp(list.whole, list.parts)) return;
          let whole: ProseQuantity | undefined;
          if (name) {
            // 占支出总额的…: the whole the phrase names, else the one the part is listed under.
            const before = qs.filter((x) => x.end <= p.start && x !== p && sameFamily(x, p) && !x.direction && x.sentence.index >= q.sentence.index - 1 && x.label.endsWith(name));
            whole = before[before.length - 1];
          }
          whole = whole ?? list?.whole;
          let ratio: Range | undefined;
          let denPoint: number | undefined;
          let denText = "";
          // A list's shares are often balanced to add up to 100% (7.98% for 7.986%): one unit of the last
          // written decimal is allowed there.
          let slack = 0;
          // 共支出1707.31万元，占全年预算的99.74%: the budget the phrase names is the form's, not stated in the text.
          const budget = !whole && !list && name && BUDGET_WHOLE.test(name) && p.kind === "money" ? overallFact(model, "budget", pc.ref.sheet) : undefined;
          const unit = whole?.unit ?? (budget ? model.moneyUnit : p.unit);
          if (budget) {
            const num = rangeOf(p, unit);
            ratio = num ? divide(num, factRange(budget)) : undefined;
            denPoint = budget.value;
            denText = `${formatNumber(budget.value, budget.decimals)}${unit}（${formatRef(budget.ref)}）`;
          } else if (whole) {
            const num = rangeOf(p, unit);
            const den = rangeOf(whole, unit);
            ratio = num && den ? divide(num, den) : undefined;
            denPoint = whole.value;
            denText = whole.text;
          } else if (!list && !name) {
            const opened = sharedList(pc, q, p);
            if (!opened) return;
            ratio = opened.ratio;
            denPoint = opened.point;
            denText = opened.text;
            slack = Math.pow(10, -q.decimals) / 100;
          }
          if (!ratio || !denPoint || percentAgrees(q, [ratio[0] - slack, ratio[1] + slack])) return;
          // “支出884.75万元，主要用于以下方面：A67.78万元，占7.98%；…” where the parts and their shares agree with each
          // other and not with the whole: the whole is the one mistake (prose-parts-sum's or
          // prose-amount-matches-table's finding, at the whole), each share against it would only echo it.
          const opened = openedLists(pc.analysis).find((l) => l.parts.includes(p));
          if (opened && shareEchoesWhole(opened)) return;
          // A part the table contradicts (人员经费78.95万元 where the form says 87.95), whose table figure gives the
          // share as written: the part is prose-amount-matches-table's one finding, the share only echoes it.
          const over = whole ?? opened?.whole;
          if (over && contradicted(pc, p)) {
            const f = tableFact(pc, p);
            const den = rangeOf(over, model.moneyUnit);
            const r = f && den ? divide(factRange(f), den) : undefined;
            if (r && percentAgrees(q, [r[0] - slack, r[1] + slack])) return;
          }
          const expected = `${formatDecimals(((pointOf(p, unit) ?? 0) / denPoint) * 100, Math.max(q.decimals, 1))}%`;
          context.report({
            at: pc.ref,
            messageId: "rateMismatch",
            field: pc.field,
            data: { sentence: quoteSentence(q), phrase: `占${q.text}`, numerator: p.text, denominator: denText, expected },
            expected,
            actual: q.text,
            suggestions: [{ description: `把“${q.text}”改为“${expected}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, expected) }] }],
          });
        };
        /**
         * A share of a list that is not a 其中 / bracket list: “支出848.75万元，主要用于以下方面：A67.78万元，占7.98%；
         * B…” — of the amount before the opening colon, else (以下方面 with no amount before it) of the list's
         * sum; and in a list of amounts each with its share (“公务用车…8万元，占88.9%；公务接待费…1万元，占11.1%”),
         * of the list's sum when the shares say so: they add up to 100%, or one of them is precisely its amount ÷
         * the sum. Of a sum, the share's interval is the part's over the part plus the others' (the part is in
         * both: 8万元 of 8万元＋1万元 is 83.3%–94.4%, not 75%–106%).
         */
        const sharedList = (pc: ProseCell, q: ProseQuantity, p: ProseQuantity): { ratio: Range; point: number; text: string } | undefined => {
          const qs = pc.analysis.quantities;
          const sentence = q.sentence;
          const head = pc.text.slice(sentence.start, p.start);
          let opener: RegExpExecArray | undefined;
          const re = new RegExp(LIST_OPENER.source, "g");
          for (let m = re.exec(head); m; m = re.exec(head)) opener = m;
          const from = opener ? sentence.start + opener.index + opener[0].length : sentence.start;
          const inSentence = qs.filter((x) => x.sentence.index === sentence.index);
          const items = inSentence.filter((x) => x.start >= from && sameFamily(x, p) && !x.direction && !x.changeTo && !x.comparator);
          if (items.length < 2 || !items.includes(p)) return undefined;
          const ranges: Range[] = [];
          for (const x of items) {
            const r = rangeOf(x, p.unit);
            if (!r) return undefined;
            ranges.push(r);
          }
          /** Item k's share of the list's sum, as an interval. */
          const ofSum = (k: number): Range | undefined => shareOfSum(ranges, k);
          const sum = items.reduce((t, x) => t + (valueIn(x, p.unit) ?? 0), 0);
          const decimals = Math.max(...items.map((x) => x.decimals));
          const sumResult = (): { ratio: Range; point: number; text: string } | undefined => {
            const ratio = ofSum(items.indexOf(p));
            return ratio && sum > 0 ? { ratio, point: sum, text: `${items.map((x) => x.text).join("＋")}＝${formatDecimals(sum, decimals)}${p.unit}` } : undefined;
          };
          // A list that says it goes on (等, 约…) has no sum.
          const last = items[items.length - 1];
          const open = items.some((x) => x.approx) || /^(?:\s*[，,]?\s*占[^；;。，,等]*%)?\s*等/.test(pc.text.slice(last.end, sentence.end));
          if (opener) {
            const before = inSentence.filter((x) => x.end <= sentence.start + opener.index && sameFamily(x, p) && !x.direction && !x.changeTo && !x.comparator);
            const whole = before[before.length - 1];
            if (whole) {
              // The whole opens the list: “支出848.75万元，主要用于以下方面：” — nothing but a few words between.
              if (!/^[，,]?[^，,；;:：]{0,10}$/.test(pc.text.slice(whole.end, sentence.start + opener.index))) return undefined;
              const num = rangeOf(p, p.unit);
              const den = rangeOf(whole, p.unit);
              const wv = valueIn(whole, p.unit);
              const ratio = num && den ? divide(num, den) : undefined;
              return ratio && wv ? { ratio, point: wv, text: whole.text } : undefined;
            }
            if (!/以下|如下/.test(opener[0]) || open) return undefined;
            return sumResult();
          }
          // No opener: every item has its share, and the shares say the whole is the list's sum.
          if (open) return undefined;
          /** The share written right after an item (占y%), if any. */
          const shareOf = (x: ProseQuantity): ProseQuantity | undefined => {
            const next = inSentence[inSentence.indexOf(x) + 1];
            return next && next.kind === "percent" && !next.direction && SHARE.test(next.label) && !SHARE.exec(next.label)?.[1] ? next : undefined;
          };
          const shares = items.map(shareOf);
          if (shares.some((x) => !x)) return undefined;
          let total = 0;
          let tol = 1e-9;
          for (const x of shares) {
            total += x!.value;
            tol += halfWidth(x!);
          }
          // Precisely: the share's interval is within three units of the share's last decimal.
          const byOne = items.some((_x, k) => {
            const sh = shares[k]!;
            const r = ofSum(k);
            return !!r && (r[1] - r[0]) * 100 <= 3 * Math.pow(10, -sh.decimals) + 1e-9 && percentAgrees(sh, r);
          });
          if (Math.abs(total - 100) > tol && !byOne) return undefined;
          // No amount of the family before the list in the sentence that could be its whole.
          if (inSentence.some((x) => x.end <= items[0].start && sameFamily(x, p) && !x.direction)) return undefined;
          return sumResult();
        };
        /** The one table figure an amount's label names. */
        const tableFact = (pc: ProseCell, x: ProseQuantity): Fact | undefined => {
          const m = matchMoneyLabel(model, x.label, pc.ref.sheet, pc.text.slice(x.sentence.start, x.start), itemBefore(pc.text, x.sentence.start));
          return m?.single ? m.facts[0] : undefined;
        };
        /** An amount whose label names one table figure that it does not match. */
        const contradicted = (pc: ProseCell, x: ProseQuantity): boolean => {
          const f = tableFact(pc, x);
          return !!f && !amountMatches(x, model.moneyUnit, f);
        };
        /**
         * The row of a funds block an executed amount names (`其中项目支出241.91万元` → the 项目支出 row), when
         * the form declares that row's 执行率 and the amount is the row's executed figure: its budget.
         */
        const rowRate = (x: ProseQuantity): { den: Fact; suspect?: boolean } | undefined => {
          const label = normalizeLabel(x.label).replace(/^其中[:：]?/, "");
          for (const r of model.rates ?? []) {
            if (r.rate.cell.ref.address === model.scalars.jx_exec_rate?.ref.address && r.rate.cell.ref.sheet === model.scalars.jx_exec_rate?.ref.sheet) continue;
            const name = normalizeLabel(r.where).replace(/^其中[:：]?/, "");
            if (name.length < 2 || !label.endsWith(name) || !/\.executed$/.test(r.numerator.field)) continue;
            // A 元/万元 slip in the table is no-unit-mistake's: judge against the corrected figures.
            const n = correctedFact(model, factOf(r.numerator.cell.ref, r.numerator.cell.cell, undefined, model.moneyUnit));
            const d = correctedFact(model, factOf(r.denominator.cell.ref, r.denominator.cell.cell, undefined, model.moneyUnit));
            if (n && d && d.value > 0 && amountMatches(x, model.moneyUnit, n)) return { den: d };
          }
          // A row of the project list named in the label (医疗服务能力建设类项目执行188.60万元 → the row
          // 医疗服务能力建设类), whose 执行数 the amount states: its own 预算数.
          const list = model.tables.jx_projects;
          for (const row of list?.rows ?? []) {
            if (row.isSummary) continue;
            const name = normalizeLabel(String(row.cells.name?.cell?.value ?? ""));
            if (name.length < 4 || !label.includes(name) || !row.cells.executed?.cell || !row.cells.budget?.cell) continue;
            const n = correctedFact(model, factOf(row.cells.executed.ref, row.cells.executed.cell, undefined, model.moneyUnit));
            const d = correctedFact(model, factOf(row.cells.budget.ref, row.cells.budget.cell, undefined, model.moneyUnit));
            // A row whose own figures fail their relations is that finding's business: the rate is not judged by it.
            if (n && d && d.value > 0 && amountMatches(x, model.moneyUnit, n)) return n.suspect || d.suspect ? { den: d, suspect: true } : { den: d };
          }
          return undefined;
        };
        /**
         * 资金215.11万元已全额到位，资金到位率100%: the form's 到位率 is the amount received over the budget (the
         * sentence's 预算 amount, else 全年预算数), 100% when the sentence says 全额到位, and never above 100%.
         */
        const checkArrival = (pc: ProseCell, q: ProseQuantity, i: number): void => {
          const qs = pc.analysis.quantities;
          const before = pc.text.slice(q.sentence.start, q.start);
          if (RULE_AFTER.test(pc.text.slice(q.end, q.end + 6)) || /上年|去年|上一年|同期|目标|计划|要求|不低于|达到.*以上/.test(before)) return;
          if (narrowerSubject(before) || itemNamesPart(model, itemBefore(pc.text, q.sentence.start) + before, before)) return;
          const year = reportYear(model);
          const same = qs.slice(0, i).filter((x) => x.sentence.index === q.sentence.index);
          if (year !== undefined && same.some((y) => y.kind === "year" && y.value !== year)) return;
          const money = same.filter((x) => x.kind === "money" && !x.direction && !x.changeTo && !x.comparator);
          const arrived = [...money].reverse().find((x) => /到位/.test(x.label) || ARRIVED_AFTER.test(pc.text.slice(x.end, x.end + 12)));
          let num: Range | undefined;
          let den: Range | undefined;
          let point: number | undefined;
          let numerator = "";
          let denominator = "";
          let messageId: MessageId = "arrivalRate";
          if (IN_FULL.test(before)) {
            // 已全额到位: 100%, whatever the amount (an amount that is not the budget is prose-amount-matches-table's).
            num = [1, 1];
            den = [1, 1];
            point = 1;
            messageId = "arrivalInFull";
          } else if (arrived) {
            // The budget: a 预算 amount of the sentence, else the form's 全年预算数. The amount received must be
            // the form's whole (资金, 项目资金, 2021年资金), not a named fund's.
            const budget = [...money].reverse().find((x) => x !== arrived && /预算|下达|安排/.test(x.label) && !/到位/.test(x.label));
            if (!budget && namesPart(model, arrived.label)) return;
            const b = budget ? undefined : overallFact(model, "budget", pc.ref.sheet);
            if (!budget && (!b || b.suspect || b.value <= 0)) return;
            num = rangeOf(arrived, model.moneyUnit);
            den = budget ? rangeOf(budget, model.moneyUnit) : factRange(b!);
            const bv = budget ? valueIn(budget, model.moneyUnit) : b!.value;
            point = bv ? (valueIn(arrived, model.moneyUnit) ?? 0) / bv : undefined;
            numerator = arrived.text;
            denominator = budget ? budget.text : `全年预算数${formatNumber(b!.value, b!.decimals, { unit: model.moneyUnit })}（${formatRef(b!.ref)}）`;
          }
          let expected: string;
          if (num && den) {
            const ratio = divide(num, den);
            if (!ratio || percentAgrees(q, ratio)) return;
            expected = `${formatDecimals((point ?? mid(ratio)) * 100, Math.max(q.decimals, point === 1 ? 0 : 1))}%`;
          } else {
            if (q.value - halfWidth(q) <= 100 + 1e-9) return;
            messageId = "arrivalOver100";
            expected = "100%以内";
          }
          context.report({
            at: pc.ref,
            messageId,
            field: pc.field,
            data: { sentence: quoteSentence(q), phrase: q.text, numerator, denominator, expected },
            expected,
            actual: q.text,
            ...(messageId !== "arrivalOver100"
              ? { suggestions: [{ description: `把“${q.text}”改为“${expected}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, expected) }] }] }
              : {}),
          });
        };
        /**
         * “支出决算为45.43万元，完成预算的91.78%”: the amount before it over the 预算数 of the same line of a
         * declared block (the cell of the 预算数 column, or row, beside the amount's). Not judged when the
         * amount names no such line (seed 003's 完成预算100% on lines of tables with no 预算数), or when the table
         * contradicts the amount (prose-amount-matches-table's one finding).
         */
        const checkBudgetDone = (pc: ProseCell, q: ProseQuantity, i: number): void => {
          const p = [...pc.analysis.quantities.slice(0, i)].reverse().find((x) => x.sentence.index === q.sentence.index && x.kind === "money" && !x.direction && !x.changeTo && !x.comparator);
          if (!p) return;
          const match = matchMoneyLabel(model, p.label, pc.ref.sheet, pc.text.slice(q.sentence.start, p.start));
          if (!match?.single) return;
          const stated = match.facts[0];
          if (stated.suspect || !amountMatches(p, model.moneyUnit, stated)) return;
          const field = fieldAt().get(`${stated.ref.sheet}!${stated.ref.address}`);
          const budgetField = field ? budgetFieldOf(field) : undefined;
          const cell = budgetField ? cellOfField().get(budgetField) : undefined;
          const budget = cell ? correctedFact(model, factOf(cell.cell.ref, cell.cell.cell, undefined, model.moneyUnit)) : undefined;
          if (!budget || budget.suspect || !(budget.value > 0)) return;
          const num = rangeOf(p, model.moneyUnit);
          const ratio = num ? divide(num, factRange(budget)) : undefined;
          if (!ratio || percentAgrees(q, ratio)) return;
          const expected = `${formatDecimals(((valueIn(p, model.moneyUnit) ?? 0) / budget.value) * 100, Math.max(q.decimals, 1))}%`;
          const denominator = `${cell!.label}预算数${formatNumber(budget.value, budget.decimals, { unit: model.moneyUnit })}（${formatRef(budget.ref)}）`;
          context.report({
            at: pc.ref,
            messageId: "rateMismatch",
            field: pc.field,
            data: { sentence: quoteSentence(q), phrase: q.text, numerator: p.text, denominator, expected },
            expected,
            actual: q.text,
            suggestions: [{ description: `把“${q.text}”改为“${expected}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, expected) }] }],
          });
        };
        let fields: Map<string, string> | undefined;
        let cells: Map<string, RelationCell> | undefined;
        /** The declared field of each relation cell, by `Sheet!A1`; and each cell by its field. */
        const fieldAt = (): Map<string, string> => {
          if (!fields) {
            fields = new Map();
            cells = new Map();
            for (const r of model.relations ?? []) {
              for (const c of [r.target, ...r.terms]) {
                fields.set(`${c.cell.ref.sheet}!${c.cell.ref.address}`, c.field);
                cells.set(c.field, c);
              }
            }
          }
          return fields;
        };
        const cellOfField = (): Map<string, RelationCell> => {
          fieldAt();
          return cells!;
        };
        for (const pc of proseCells(model)) {
          checkSpentInFull(context, pc);
          const qs = pc.analysis.quantities;
          qs.forEach((q, i) => {
            if (q.kind !== "percent" || q.direction || q.comparator || q.approx) return;
            if (ARRIVAL_RATE.test(normalizeLabel(q.label))) {
              checkArrival(pc, q, i);
              return;
            }
            if (BUDGET_DONE.test(normalizeLabel(q.label))) {
              checkBudgetDone(pc, q, i);
              return;
            }
            const isExec = /执行率$/.test(q.label);
            const isDone = /(?:完成率|达成率)$/.test(q.label);
            if (!isExec && !isDone) {
              const share = SHARE.exec(q.label);
              if (share) checkShare(pc, q, i, share[1]);
              return;
            }
            const before = qs.slice(0, i).filter((x) => x.sentence.index === q.sentence.index && !x.direction && !x.changeTo);
            let num: Range | undefined;
            let den: Range | undefined;
            let point: number | undefined;
            let numText = "";
            let denText = "";
            if (isExec) {
              const money = before.filter((x) => x.kind === "money");
              const exec = [...money].reverse().find((x) => /执行|支出|决算/.test(x.label) && !/预算/.test(x.label));
              // The budget: in the sentence, else — in a numbered item about one fund — that fund's own amount
              // (“2、某补助资金28万元……。实际支出12.58万元，…执行率为44.93%”).
              const item = itemBefore(pc.text, q.sentence.start);
              const itemStart = q.sentence.start - item.length;
              // The budget of the same subject: not another's (公共卫生服务类项目预算… ；医疗服务能力建设类项目执行…).
              // Else the funds as a whole named before it (2022年项目资金1260.00万元，其中…), else — in an item about
              // one fund — that fund's amount, never a part a 其中 breaks the whole into.
              const budget =
                [...money].reverse().find((x) => /预算/.test(x.label) && !/执行/.test(x.label) && (!exec || sameSubject(x.label, exec.label))) ??
                (exec ? money.find((x) => x.start < exec.start && WHOLE_FUNDS_LABEL.test(normalizeLabel(x.label))) : undefined) ??
                (exec
                  ? qs.find((x) => x.kind === "money" && x.start >= itemStart && x.start < exec.start && !x.direction && namesPart(model, x.label) && !/^其中/.test(normalizeLabel(x.label)))
                  : undefined);
              // “全年预算X万元，…，其中项目支出Y万元，执行率Z%”: Z is the 项目支出 row's own rate (its executed over
              // its budget in the table), not Y over the whole budget of the sentence.
              const row = exec ? rowRate(exec) : undefined;
              if (row?.suspect) return;
              if (row && exec && !(budget && amountMatches(budget, model.moneyUnit, row.den))) {
                num = rangeOf(exec, model.moneyUnit);
                den = factRange(row.den);
                numText = exec.text;
                denText = `${formatNumber(row.den.value, row.den.decimals, { unit: model.moneyUnit })}（${formatRef(row.den.ref)}）`;
                point = (valueIn(exec, model.moneyUnit) ?? 0) / row.den.value;
              } else if (budget && exec) {
                // One mistake, one finding: an amount of the pair that the table contradicts is
                // prose-amount-matches-table's finding; the rate computed from it would only echo it.
                if (contradicted(pc, budget) || contradicted(pc, exec)) {
                  const tb = tableFact(pc, budget);
                  const te = tableFact(pc, exec);
                  const ratio = tb && te ? divide(factRange(te), factRange(tb)) : undefined;
                  if (ratio && percentAgrees(q, ratio)) return;
                }
                den = rangeOf(budget, "元");
                num = rangeOf(exec, "元");
                numText = exec.text;
                denText = budget.text;
                point = (pointOf(exec, "元") ?? 0) / (pointOf(budget, "元") ?? 1);
              } else if (OVERALL_RATE.test(q.label) || (BARE_RATE.test(q.label) && !money.length)) {
                // A scoring rule quoted in the text (执行率达到100%的得满分) is not the unit's rate.
                if (RULE_AFTER.test(pc.text.slice(q.end, q.end + 6))) return;
                // A part's rate (其中…, an item with its own amount in brackets) is not the form's.
                const before = pc.text.slice(q.sentence.start, q.start);
                if (narrowerSubject(before) || itemNamesPart(model, itemBefore(pc.text, q.sentence.start) + before, before)) return;
                // The form's own rate, its amounts not in the sentence: 全年执行数 ÷ 全年预算数 of the tables.
                const e = overallFact(model, "executed", pc.ref.sheet);
                const b = overallFact(model, "budget", pc.ref.sheet);
                if (!e || !b || b.value <= 0 || e.suspect || b.suspect) return;
                num = factRange(e);
                den = factRange(b);
                point = e.value / b.value;
                numText = `${formatNumber(e.value, e.decimals, { unit: model.moneyUnit })}（${formatRef(e.ref)}）`;
                denText = `${formatNumber(b.value, b.decimals, { unit: model.moneyUnit })}（${formatRef(b.ref)}）`;
              }
            } else {
              const values = before.filter((x) => (x.kind === "count" || x.kind === "money" || x.kind === "percent") && !DIFFERENCE.test(x.rawLabel));
              const nonTarget = values.filter((x) => !TARGET.test(x.rawLabel));
              // 实际完成… / 完成…人 is the actual; else the last value before the rate.
              // A growth stated against a growth target (收入增长5.4%，低于年度目标6%): the growth is the actual.
              const growth = qs
                .slice(0, i)
                .filter((x) => x.sentence.index === q.sentence.index && x.kind === "percent" && x.direction === "up" && !x.changeTo)
                .filter((x) => qs.some((y) => y.start > x.end && y.start < q.start && y.kind === "percent" && TARGET.test(y.rawLabel)));
              const actual = [...nonTarget].reverse().find((x) => /实际|完成/.test(x.rawLabel)) ?? nonTarget[nonTarget.length - 1] ?? growth[growth.length - 1];
              if (!actual) return;
              const fits = (x: ProseQuantity): boolean => x !== actual && TARGET.test(x.rawLabel) && sameFamily(x, actual);
              let target = [...values].reverse().find(fits);
              if (!target) {
                const prev = qs.filter((x) => x.sentence.index === q.sentence.index - 1 && !DIFFERENCE.test(x.rawLabel));
                target = [...prev].reverse().find(fits);
              }
              if (target) {
                num = rangeOf(actual, actual.unit);
                den = rangeOf(target, actual.unit);
                numText = actual.text;
                denText = target.text;
                point = (pointOf(actual) ?? 0) / (pointOf(target, actual.unit) ?? 1);
              } else {
                // 完成X，超出年度目标Y / 高于年初设定Y: the target is X − Y (低于…Y: X + Y).
                const diff = qs
                  .slice(0, i)
                  .filter((x) => x.sentence.index === q.sentence.index && x.start > actual.end && sameFamily(x, actual) && TARGET.test(x.rawLabel) && OVER_UNDER.test(x.rawLabel));
                const d = diff[diff.length - 1];
                const a = rangeOf(actual, actual.unit);
                const dr = d ? rangeOf(d, actual.unit) : undefined;
                if (!d || !a || !dr) return;
                const over = OVER.test(d.rawLabel);
                const av = pointOf(actual) ?? 0;
                const dv = pointOf(d, actual.unit) ?? 0;
                const tv = over ? av - dv : av + dv;
                const byDifference: Range | undefined = tv > 0 ? (over ? [a[0] - dr[1], a[1] - dr[0]] : [a[0] + dr[0], a[1] + dr[1]]) : undefined;
                // Two percents (增长5.4%，低于年度目标6%): “目标6%” may be the target itself rather than the
                // difference. A stated rate that agrees with either reading is no mistake; when it agrees with
                // neither, the reading the words fit (a target above the actual for 低于, below it for 高于) is
                // the one the message uses.
                // A target is set, not measured: “目标6%” is exactly 6%, not 5.5–6.5%.
                const asTarget = actual.kind === "percent" && d.kind === "percent" && dv > 0 ? divide(a, [dv, dv]) : undefined;
                if (asTarget && percentAgrees(q, asTarget)) return;
                const differenceRatio = asTarget && byDifference ? divide(a, byDifference) : undefined;
                if (differenceRatio && percentAgrees(q, differenceRatio)) return;
                if (asTarget && (over ? dv < av : dv > av)) {
                  num = a;
                  den = [dv, dv];
                  point = av / dv;
                  numText = actual.text;
                  denText = d.text;
                } else {
                  if (!byDifference) return;
                  den = byDifference;
                  num = a;
                  point = av / tv;
                  numText = actual.text;
                  denText = `${formatDecimals(tv, Math.max(actual.decimals, d.decimals))}${actual.unit}（${actual.text}${over ? "−" : "＋"}${d.text}）`;
                }
              }
            }
            if (!num || !den) return;
            const ratio = divide(num, den);
            if (!ratio || percentAgrees(q, ratio)) return;
            const expected = `${formatDecimals((point ?? mid(ratio)) * 100, Math.max(q.decimals, 1))}%`;
            context.report({
              at: pc.ref,
              messageId: "rateMismatch",
              field: pc.field,
              data: { sentence: quoteSentence(q), phrase: q.text, numerator: numText, denominator: denText, expected },
              expected,
              actual: q.text,
              suggestions: [{ description: `把“${q.text}”改为“${expected}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, expected) }] }],
            });
          });
        }
        // An indicator row's own remark (偏差原因分析…: “完成率为107.5%”) against its 实际完成值 ÷ 年度指标值.
        const indicators = model.tables.jx_indicators;
        for (const row of indicators?.rows ?? []) {
          const reason = row.cells.reason;
          if (!reason?.cell || typeof reason.cell.value !== "string") continue;
          const target = readIndicatorValue(row.cells.target?.cell);
          const actual = readIndicatorValue(row.cells.actual?.cell);
          if (target.kind !== "number" || actual.kind !== "number") continue;
          const both = reconcile(target, actual);
          if (!both.ok || both.a <= 0) continue;
          const text = reason.cell.value;
          for (const q of analyzeProse(text).quantities) {
            if (q.kind !== "percent" || q.direction || q.comparator || q.approx || !/(?:完成率|达成率)$/.test(q.label)) continue;
            const ratio = divide(indicatorRange(both.b, actual), indicatorRange(both.a, target));
            if (!ratio || percentAgrees(q, ratio)) continue;
            const expected = `${formatDecimals((both.b / both.a) * 100, Math.max(q.decimals, 1))}%`;
            const name = String(row.cells.level3?.cell?.value ?? "").trim();
            context.report({
              at: reason.ref,
              messageId: "rowRateMismatch",
              field: "jx_indicators.reason",
              data: { indicator: name, phrase: q.text, actual: actual.raw, target: target.raw, expected },
              expected,
              actual: q.text,
              suggestions: [{ description: `把“${q.text}”改为“${expected}”`, writes: [{ at: reason.ref, value: replacePhrase(text, q, expected) }] }],
            });
          }
        }
      },
    };
  },
});

/**
 * A text saying the funds were spent in full (资金全部使用完毕) while the form's 全年执行数 is short of its 全年预算数
 * by more than the rounding of either: one finding per such clause, at the text.
 */
function checkSpentInFull(context: Parameters<(typeof proseRateMatches)["create"]>[0], pc: ProseCell): void {
  const model = context.model;
  for (const sentence of pc.analysis.sentences) {
    const text = sentence.text.replace(/\s+/g, "");
    const m = SPENT_IN_FULL.exec(text);
    if (!m) continue;
    // The clause of the claim, whole: from the mark before it to the mark after it.
    const after = text.slice(m.index + m[0].length).search(/[，,；;：:。]/);
    const clause = text.slice(0, after < 0 ? undefined : m.index + m[0].length + after).split(/[，,；;：:]/).pop() ?? "";
    if (!FUNDS.test(clause) || NOT_SPENT.test(clause) || (ONE_SOURCE.test(clause) && !JOINED.test(clause))) continue;
    const budget = correctedFact(model, overallFact(model, "budget", pc.ref.sheet));
    const executed = correctedFact(model, overallFact(model, "executed", pc.ref.sheet));
    if (!budget || !executed || budget.suspect || executed.suspect || !(budget.value > 0)) continue;
    const tol = 0.5 * Math.pow(10, -budget.decimals) + 0.5 * Math.pow(10, -executed.decimals) + 1e-9;
    if (executed.value >= budget.value - tol) continue;
    context.report({
      at: pc.ref,
      messageId: "spentInFull",
      field: pc.field,
      data: {
        phrase: clause,
        executed: formatNumber(executed.value, Math.max(2, executed.decimals)),
        budget: formatNumber(budget.value, Math.max(2, budget.decimals)),
        rate: `${formatDecimals((executed.value / budget.value) * 100, 2)}%`,
        cell: formatRef(executed.ref),
      },
      actual: clause,
    });
  }
}

export default proseRateMatches;
