/**
 * prose-parts-sum — a whole and the parts the text lists for it ("X万元，其中：A a万元、B b万元";
 * "X万元。（A a万元、B b万元）") must add up, judged with the rounding of each written number. A list that
 * says it is incomplete (等, approximate parts) is only wrong when its parts exceed the whole.
 */
import { defineRule } from "../engine/types";
import { halfWidth, valueIn, type ProseQuantity } from "../narrative/extract";
import { amountMatches, itemBefore, matchMoneyLabel, proseCells } from "../narrative/prose-cells";
import { formatDecimals, replacePhrase } from "../narrative/phrase";
import type { ReportModel } from "../model/report-model";
import { convertUnit } from "../units";

/** Message ids of prose-parts-sum. */
export type MessageId = "sumMismatch" | "unitMismatch" | "partUnitMistake";

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
    },
    fixable: true,
  },
  create(context) {
    return {
      workbook() {
        // Counts are often overlapping categories (查处585家，其中通报60家、约谈314家…): off by default.
        const counts = context.options.counts === true;
        for (const pc of proseCells(context.model)) {
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
            context.report({
              at: pc.ref,
              messageId: digitsAgree ? "unitMismatch" : "sumMismatch",
              field: pc.field,
              data,
              expected: sumText,
              actual: whole.text,
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

/** The one part written in another money unit whose digits, read in the whole's unit, make the sum hold. */
function unitSlip(parts: readonly ProseQuantity[], values: readonly number[], whole: number, unit: string, tol: number): ProseQuantity | undefined {
  const other = parts.filter((p) => p.kind === "money" && p.unit !== unit);
  if (other.length !== 1) return undefined;
  const p = other[0];
  const sum = values.reduce((a, v, i) => a + (parts[i] === p ? p.value : v), 0);
  return Math.abs(sum - whole) <= tol ? p : undefined;
}

export default prosePartsSum;
