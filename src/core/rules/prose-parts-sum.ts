/**
 * prose-parts-sum — a whole and the parts the text lists for it ("X万元，其中：A a万元、B b万元";
 * "X万元。（A a万元、B b万元）") must add up, judged with the rounding of each written number. A list that
 * says it is incomplete (等, approximate parts) is only wrong when its parts exceed the whole.
 */
import { defineRule } from "../engine/types";
import { halfWidth, valueIn, type ProseQuantity } from "../narrative/extract";
import { amountMatches, itemBefore, matchMoneyLabel, moneyEntries, overallFact, proseCells, type Fact, type ProseCell } from "../narrative/prose-cells";
import { listSum, openedLists, sharesVouchForSum } from "../narrative/opened-list";
import { formatRef } from "../model/address";
import { formatDecimals, replacePhrase } from "../narrative/phrase";
import type { ReportModel } from "../model/report-model";
import { convertUnit, formatNumber } from "../units";

/** Message ids of prose-parts-sum. */
export type MessageId = "sumMismatch" | "unitMismatch" | "partUnitMistake" | "balanceMismatch" | "wholeMismatchTable" | "wholeMismatchShares";

/** Parts listed in prose must add up to their whole. */
export const prosePartsSum = defineRule<MessageId>({
  id: "prose-parts-sum",
  meta: {
    type: "problem",
    docs: { description: "文字中列出的各组成部分之和应等于其总数。", recommended: true },
    defaultOptions: { counts: false },
    messages: {
      "sumMismatch": "文字中“{{whole}}”的各部分（{{parts}}）之和为{{sum}}，与总数不符。",
      "unitMismatch": "文字中“{{whole}}”与其各部分（{{parts}}）的单位不一致：各部分之和为{{sum}}。",
      "partUnitMistake": "文字“{{phrase}}”的单位有误：按“{{whole}}”的各部分（{{parts}}）相加，应写作“{{expected}}”。",
      "balanceMismatch": "文字中“{{budget}}”减去“{{spent}}”为{{expected}}，与“{{carry}}”不符：预算、支出和结转（结余）三者对不上。",
      "wholeMismatchTable": "文字中的总数“{{whole}}”有误：其后所列各项（{{parts}}）之和为{{sum}}，与表中{{label}}{{tableValue}}（{{cell}}）一致，总数应为{{tableValue}}。",
      "wholeMismatchShares": "文字中的总数“{{whole}}”有误：其后所列各项（{{parts}}）之和为{{sum}}，所列占比（{{shares}}）也是按{{sum}}计算的，总数应为{{sum}}。",
    },
    fixable: true,
  },
  create(context) {
    return {
      workbook() {
        // Counts are often overlapping categories (查处585家，其中通报60家、约谈314家…): off by default.
        const counts = context.options.counts === true;
        for (const pc of proseCells(context.model)) {
          const reported = new Set<ProseQuantity>();
          for (const list of pc.analysis.partLists) {
            const { whole } = list;
            if (whole.kind !== "money" && !counts) continue;
            // Parts are the whole's own sentence's: an amount of a later sentence (追回医保基金105.16万元
            // after 资助金额120.27万元。) is another matter.
            const parts = list.marker === "其中" ? list.parts.filter((p) => p.sentence.index === whole.sentence.index && !/[。\n]|(?:^|[^\d.])\d+[、．.](?!\d)/.test(pc.text.slice(whole.end, p.start))) : list.parts;
            if (parts.length < 2 || (parts.length < list.parts.length && parts.reduce((a, p) => a + (valueIn(p, whole.unit) ?? 0), 0) < whole.value)) continue;
            const u = whole.unit;
            const values = parts.map((p) => valueIn(p, u));
            if (values.some((v) => v === undefined)) continue;
            const sum = (values as number[]).reduce((a, b) => a + b, 0);
            const tol = parts.reduce((a, p) => a + halfWidth(p, u), 0) + halfWidth(whole) + 1e-9 * Math.max(1, Math.abs(sum));
            if (Math.abs(sum - whole.value) <= tol) continue;
            // The list ended earlier than the extraction thought (其中A，B；现场检查…，追回C): the first parts
            // already make the whole.
            let prefix = 0;
            let prefixTol = halfWidth(whole) + 1e-9;
            const closes = (values as number[]).some((v, i) => {
              prefix += v;
              prefixTol += halfWidth(parts[i], u);
              return i >= 1 && i < values.length - 1 && Math.abs(prefix - whole.value) <= prefixTol;
            });
            if (closes) continue;
            if (list.partial && sum < whole.value) continue;
            // One part in 元 beside a whole in 万元 (基本支出442.18元 of 848.75万元) whose digits make the sum:
            // the part's unit is the slip — prose-amount-matches-table's finding when the part names a table
            // figure with those digits, else this one, at the part.
            const slip = whole.kind === "money" ? unitSlip(parts, values as number[], whole.value, u, tol) : undefined;
            if (slip) {
              const asWhole = { ...slip, unit: u };
              const named = matchMoneyLabel(context.model, slip.label, pc.ref.sheet, pc.text.slice(slip.sentence.start, slip.start), itemBefore(pc.text, slip.sentence.start));
              if (named?.facts.some((f) => amountMatches(asWhole, context.model.moneyUnit, f))) continue;
              const expected = `${slip.numberText}${u}`;
              reported.add(whole);
              context.report({
                at: pc.ref,
                messageId: "partUnitMistake",
                field: pc.field,
                data: { phrase: slip.text, whole: whole.text, parts: parts.map((p) => p.text).join("、"), expected },
                expected,
                actual: slip.text,
                fix: { description: `把“${slip.text}”改为“${expected}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, slip, expected) }] },
              });
              continue;
            }
            // A part (or the whole) that the table contradicts, and whose table figure makes the sum hold
            // (项目支出1503.45万元 where the form says 1603.45): prose-amount-matches-table's one finding.
            if (whole.kind === "money" && tableExplains(context.model, pc.text, pc.ref.sheet, whole, parts, values as number[], tol)) continue;
            const partUnit = parts.every((p) => p.unit === parts[0].unit) ? parts[0].unit : u;
            const decimals = Math.max(...parts.map((p) => p.decimals));
            const digitSum = parts.reduce((a, p) => a + (valueIn(p, partUnit) ?? 0), 0);
            const sumText = `${formatDecimals(digitSum, decimals)}${partUnit}`;
            const digitsAgree = partUnit !== u && Math.abs(digitSum - whole.value) <= parts.reduce((a, p) => a + halfWidth(p), 0) + halfWidth(whole) + 1e-9;
            const data = { whole: whole.text, parts: parts.map((p) => p.text).join("、"), sum: sumText };
            // The parts make a total the tables give: the whole is the mistake, and the message says what the
            // tables give — unless the whole agrees with a table figure it names (then a part is wrong or left out).
            const ownFigure = whole.kind === "money" ? matchMoneyLabel(context.model, whole.label, pc.ref.sheet, pc.text.slice(whole.sentence.start, whole.start), itemBefore(pc.text, whole.sentence.start)) : undefined;
            const wholeAgrees = !!ownFigure?.facts.some((f) => amountMatches(whole, context.model.moneyUnit, f));
            const figure = whole.kind === "money" && partUnit === u && !wholeAgrees ? wholeFigure(context.model, pc, whole, digitSum, u, tol) : undefined;
            reported.add(whole);
            if (figure) {
              context.report({ at: pc.ref, messageId: "wholeMismatchTable", field: pc.field, data: { ...data, ...figure.data }, expected: figure.data.tableValue, actual: whole.text });
              continue;
            }
            context.report({
              at: pc.ref,
              messageId: digitsAgree ? "unitMismatch" : "sumMismatch",
              field: pc.field,
              data,
              expected: sumText,
              actual: whole.text,
            });
          }
          // “支出884.75万元，主要用于以下方面：A67.78万元，占7.98%；B…”: the listed amounts (and their shares) agree
          // with each other and with the tables, the whole does not — one finding, at the whole.
          for (const list of openedLists(pc.analysis)) {
            const { whole, parts } = list;
            // A whole already reported for its 其中 list (…万元，其中用于：…) is reported once.
            if (reported.has(whole)) continue;
            const s = listSum(list);
            if (!s || Math.abs(s.sum - whole.value) <= s.tol || (list.open && s.sum < whole.value)) continue;
            // A whole that names a table figure is prose-amount-matches-table's (contradicted) or right (then a
            // part is missing or wrong, which the parts' own labels tell).
            const named = (q: ProseQuantity) => matchMoneyLabel(context.model, q.label, pc.ref.sheet, pc.text.slice(q.sentence.start, q.start), itemBefore(pc.text, q.sentence.start));
            const own = named(whole);
            if (own?.single || own?.facts.some((f) => amountMatches(whole, context.model.moneyUnit, f))) continue;
            // A part the tables contradict is the mistake (prose-amount-matches-table's finding), not the whole.
            if (parts.some((p) => {
              const m = named(p);
              return !!m?.single && !m.facts.some((f) => amountMatches(p, context.model.moneyUnit, f));
            })) continue;
            const decimals = Math.max(...parts.map((p) => p.decimals));
            const sumText = `${formatDecimals(s.sum, decimals)}${whole.unit}`;
            const data = { whole: whole.text, parts: parts.map((p) => p.text).join("、"), sum: sumText };
            const figure = wholeFigure(context.model, pc, whole, s.sum, whole.unit, s.tol);
            if (figure) {
              context.report({ at: pc.ref, messageId: "wholeMismatchTable", field: pc.field, data: { ...data, ...figure.data }, expected: figure.data.tableValue, actual: whole.text });
            } else if (sharesVouchForSum(list)) {
              const shares = list.shares.map((x) => x!.text).join("、");
              context.report({ at: pc.ref, messageId: "wholeMismatchShares", field: pc.field, data: { ...data, shares }, expected: sumText, actual: whole.text });
            }
          }
          // 预算资金192.31万元，支出158.89万元，……结转到2020年度33.42万元: the budget is what was spent and
          // what was carried over.
          for (const b of balances(pc.text, pc.analysis.quantities)) {
            const values = [b.spent, b.carry].map((q) => valueIn(q, b.budget.unit));
            if (values.some((v) => v === undefined)) continue;
            const tol = halfWidth(b.budget) + halfWidth(b.spent, b.budget.unit) + halfWidth(b.carry, b.budget.unit) + 1e-9 * Math.max(1, b.budget.value);
            const [spent, carry] = values as number[];
            if (Math.abs(spent + carry - b.budget.value) <= tol) continue;
            // An amount the table contradicts (and whose table figure makes the balance hold) is
            // prose-amount-matches-table's one finding.
            if (tableExplains(context.model, pc.text, pc.ref.sheet, b.budget, [b.spent, b.carry], [spent, carry], tol)) continue;
            const decimals = Math.max(b.budget.decimals, b.spent.decimals);
            const expected = `${formatDecimals(b.budget.value - spent, decimals)}${b.budget.unit}`;
            context.report({
              at: pc.ref,
              messageId: "balanceMismatch",
              field: pc.field,
              data: { budget: b.budget.text, spent: b.spent.text, carry: b.carry.text, expected },
              expected,
              actual: b.carry.text,
            });
          }
        }
      },
    };
  },
});

/** Whether one amount of the list, replaced by the one table figure its label names, makes the sum hold. */
function tableExplains(model: ReportModel, text: string, sheet: string, whole: ProseQuantity, parts: readonly ProseQuantity[], values: readonly number[], tol: number): boolean {
  const figure = (q: ProseQuantity): number | undefined => {
    const m = matchMoneyLabel(model, q.label, sheet, text.slice(q.sentence.start, q.start), itemBefore(text, q.sentence.start));
    if (!m?.single || amountMatches(q, model.moneyUnit, m.facts[0])) return undefined;
    return convertUnit(m.facts[0].value, model.moneyUnit, whole.unit);
  };
  const sum = values.reduce((a, v) => a + v, 0);
  const w = figure(whole);
  if (w !== undefined && Math.abs(sum - w) <= tol) return true;
  return parts.some((p, i) => {
    const f = figure(p);
    return f !== undefined && Math.abs(sum - values[i] + f - whole.value) <= tol;
  });
}

/**
 * The table figure a whole's parts add up to, when the whole names none of its own: the form's overall
 * 全年执行数 / 全年预算数, else a money table's total (or one-cell) figure — the amount the tables give.
 */
function wholeFigure(model: ReportModel, pc: ProseCell, whole: ProseQuantity, sum: number, unit: string, tol: number): { data: { label: string; tableValue: string; cell: string } } | undefined {
  const candidates: { label: string; fact: Fact }[] = [];
  for (const what of ["executed", "budget"] as const) {
    const f = overallFact(model, what, pc.ref.sheet);
    if (f && !f.suspect) candidates.push({ label: what === "budget" ? "全年预算数" : "全年执行数", fact: f });
  }
  for (const e of moneyEntries(model)) {
    for (const f of e.facts) if (!f.suspect && (f.isTotal || f === e.stated || e.facts.length === 1)) candidates.push({ label: e.name, fact: f });
  }
  // A whole of spending is not the 本年收入合计 that happens to equal it: a figure of the whole's own side
  // (支出 / 收入 / 预算) when the whole names one.
  const side = sideOf(whole.label);
  const hit = candidates.find(({ label, fact }) => {
    const v = convertUnit(fact.value, model.moneyUnit, unit);
    return v !== undefined && Math.abs(v - sum) <= tol && (!side || sideOf(label) === side);
  });
  if (!hit) return undefined;
  const f = hit.fact;
  return { data: { label: hit.label, tableValue: formatNumber(f.value, f.decimals, { unit: model.moneyUnit }), cell: formatRef(f.ref) } };
}

/** The last of 支出 (执行) / 收入 / 预算 a label names: which side of the accounts an amount is on. */
function sideOf(label: string): "支出" | "收入" | "预算" | undefined {
  const m = /(支出|执行|收入|预算)(?!.*(?:支出|执行|收入|预算))/.exec(label);
  return m ? (m[1] === "执行" ? "支出" : (m[1] as "支出" | "收入" | "预算")) : undefined;
}

const BALANCE_CARRY = /结转|结余/;
const BALANCE_SPENT = /支出|执行数|支付|使用/;
const BALANCE_BUDGET = /预算|下达|安排|拨付|资金/;

/**
 * The clauses that state a budget, what was spent of it and what was carried over, one of each, in that
 * order, within one sentence and between two semicolons (a 其中 list of units, “局机关…；职工医保中心…；”,
 * is one balance per unit). The carried-over amount may follow a year (结转到2020年度33.42万元).
 */
function balances(text: string, quantities: readonly ProseQuantity[]): { budget: ProseQuantity; spent: ProseQuantity; carry: ProseQuantity }[] {
  const groups = new Map<string, ProseQuantity[]>();
  quantities.forEach((q, i) => {
    if (q.kind !== "money") return;
    const clause = text.slice(q.sentence.start, q.start).split(/[；;]/).length;
    const key = `${q.sentence.index}:${clause}`;
    // 结转到2020年度 is read as a year with the words before it; the amount after it inherits them.
    const prev = quantities[i - 1];
    const label = q.label || (prev?.kind === "year" && prev.sentence.index === q.sentence.index && /^[\s，,]*$/.test(text.slice(prev.end, q.start).replace(/年度?/, "")) ? prev.label : "");
    groups.set(key, [...(groups.get(key) ?? []), label === q.label ? q : { ...q, label }]);
  });
  const out: { budget: ProseQuantity; spent: ProseQuantity; carry: ProseQuantity }[] = [];
  for (const qs of groups.values()) {
    if (qs.some((q) => q.approx || q.direction || q.changeTo || q.comparator)) continue;
    const carry = qs.filter((q) => BALANCE_CARRY.test(q.label));
    const spent = qs.filter((q) => !BALANCE_CARRY.test(q.label) && BALANCE_SPENT.test(q.label));
    const budget = qs.filter((q) => !BALANCE_CARRY.test(q.label) && !BALANCE_SPENT.test(q.label) && BALANCE_BUDGET.test(q.label));
    if (carry.length !== 1 || spent.length !== 1 || budget.length !== 1 || qs.length !== 3) continue;
    if (!(budget[0].start < spent[0].start && spent[0].start < carry[0].start)) continue;
    out.push({ budget: budget[0], spent: spent[0], carry: carry[0] });
  }
  return out;
}

/** The one part written in another money unit whose digits, read in the whole's unit, make the sum hold. */
function unitSlip(parts: readonly ProseQuantity[], values: readonly number[], whole: number, unit: string, tol: number): ProseQuantity | undefined {
  const other = parts.filter((p) => p.kind === "money" && p.unit !== unit);
  if (other.length !== 1) return undefined;
  const p = other[0];
  const sum = values.reduce((a, v, i) => a + (parts[i] === p ? p.value : v), 0);
  return Math.abs(sum - whole) <= tol ? p : undefined;
}

export default prosePartsSum;
