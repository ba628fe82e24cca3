/**
 * prose-rate-matches — a 执行率 or 完成率 stated in the text must equal the ratio of its parts: the
 * amounts in the same sentence (全年预算 / 全年执行; 年初设定 … / 实际完成 …, the target possibly in the
 * sentence before), else for 预算执行率 the workbook's 全年执行数 ÷ 全年预算数.
 */
import { defineRule } from "../engine/types";
import { analyzeProse, sameFamily, type ProseQuantity } from "../narrative/extract";
import { readIndicatorValue, reconcile, type IndicatorNumber } from "../scoring/indicator-value";
import { proseCells, scalarFact, type Fact } from "../narrative/prose-cells";
import { formatDecimals, quoteSentence, replacePhrase } from "../narrative/phrase";
import { divide, mid, percentAgrees, pointOf, rangeOf, type Range } from "../narrative/ratios";

/** Message ids of prose-rate-matches. */
export type MessageId = "rateMismatch" | "rowRateMismatch";

const TARGET = /年初|设定|目标|计划|指标值|预期/;
/** The excess over a target: 超出年度目标200张, 高于目标0.9万人. */
const OVER_TARGET = /(?:超出|超过|高于|多于)(?:年度|年初|全年)?(?:设定)?(?:目标|计划|指标值?|预期)/;
/** A difference, not a value: 高于年初设定参保人数0.9万人. */
const DIFFERENCE = /高于|低于|超过|超出|多于|少于|比|较/;

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
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        for (const pc of proseCells(model)) {
          const qs = pc.analysis.quantities;
          qs.forEach((q, i) => {
            if (q.kind !== "percent" || q.direction || q.comparator || q.approx) return;
            const isExec = /执行率$/.test(q.label);
            const isDone = /(?:完成率|达成率)$/.test(q.label);
            if (!isExec && !isDone) return;
            const before = qs.slice(0, i).filter((x) => x.sentence.index === q.sentence.index && !x.direction && !x.changeTo);
            let num: Range | undefined;
            let den: Range | undefined;
            let point: number | undefined;
            let numText = "";
            let denText = "";
            if (isExec) {
              const money = before.filter((x) => x.kind === "money");
              const budget = [...money].reverse().find((x) => /预算/.test(x.label) && !/执行/.test(x.label));
              const exec = [...money].reverse().find((x) => /执行|支出|决算|支付|使用/.test(x.label) && !/预算/.test(x.label));
              const e = scalarFact(model, "jx_executed");
              const b = scalarFact(model, "jx_budget_adjusted");
              if (exec && !budget && b && b.value > 0 && /预算执行率$/.test(q.label)) {
                // “已支付使用资金215.11万元，预算执行率96.50%”: the sentence's amount over the form's 全年预算数.
                num = rangeOf(exec, model.moneyUnit);
                den = factRange(b);
                numText = exec.text;
                denText = `${b.value}${model.moneyUnit}`;
                point = (pointOf(exec, model.moneyUnit) ?? 0) / b.value;
              } else if (budget && !exec && e && /预算执行率$/.test(q.label)) {
                num = factRange(e);
                den = rangeOf(budget, model.moneyUnit);
                numText = `${e.value}${model.moneyUnit}`;
                denText = budget.text;
                point = e.value / (pointOf(budget, model.moneyUnit) ?? 1);
              } else if (budget && exec) {
                den = rangeOf(budget, "元");
                num = rangeOf(exec, "元");
                numText = exec.text;
                denText = budget.text;
                point = (pointOf(exec, "元") ?? 0) / (pointOf(budget, "元") ?? 1);
              } else if (!money.length && /预算执行率$/.test(q.label)) {
                const e = scalarFact(model, "jx_executed");
                const b = scalarFact(model, "jx_budget_adjusted");
                if (!e || !b) return;
                num = factRange(e);
                den = factRange(b);
                point = e.value / b.value;
                numText = `${e.value}${model.moneyUnit}`;
                denText = `${b.value}${model.moneyUnit}`;
              }
            } else {
              const values = before.filter((x) => (x.kind === "count" || x.kind === "money" || x.kind === "percent") && !DIFFERENCE.test(x.rawLabel));
              const nonTarget = values.filter((x) => !TARGET.test(x.rawLabel));
              // 实际完成… / 完成…人 is the actual; else the last value before the rate.
              const actual = [...nonTarget].reverse().find((x) => /实际|完成/.test(x.rawLabel)) ?? nonTarget[nonTarget.length - 1];
              if (!actual) return;
              const fits = (x: ProseQuantity): boolean => x !== actual && TARGET.test(x.rawLabel) && sameFamily(x, actual);
              // “完成1700张，超出年度目标200张”: the excess over the target (the target when it is the larger part).
              const over = before.find((x) => x !== actual && OVER_TARGET.test(x.rawLabel) && sameFamily(x, actual));
              const a = rangeOf(actual, actual.unit);
              const y = over ? rangeOf(over, actual.unit) : undefined;
              if (over && a && y && (pointOf(over, actual.unit) ?? 0) < (pointOf(actual) ?? 0) / 2) {
                num = a;
                den = [a[0] - y[1], a[1] - y[0]];
                numText = actual.text;
                denText = `${actual.text} − ${over.text}`;
                point = (pointOf(actual) ?? 0) / ((pointOf(actual) ?? 0) - (pointOf(over, actual.unit) ?? 0));
                const ratio = divide(num, den);
                if (!ratio || percentAgrees(q, ratio)) return;
                const expected = `${formatDecimals(point * 100, Math.max(q.decimals, 1))}%`;
                context.report({
                  at: pc.ref,
                  messageId: "rateMismatch",
                  field: pc.field,
                  data: { sentence: quoteSentence(q), phrase: q.text, numerator: numText, denominator: denText, expected },
                  expected,
                  actual: q.text,
                  suggestions: [{ description: `把“${q.text}”改为“${expected}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, expected) }] }],
                });
                return;
              }
              let target = [...values].reverse().find(fits);
              if (!target) {
                const prev = qs.filter((x) => x.sentence.index === q.sentence.index - 1 && !DIFFERENCE.test(x.rawLabel));
                target = [...prev].reverse().find(fits);
              }
              if (!target) return;
              num = rangeOf(actual, actual.unit);
              den = rangeOf(target, actual.unit);
              numText = actual.text;
              denText = target.text;
              point = (pointOf(actual) ?? 0) / (pointOf(target, actual.unit) ?? 1);
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

export default proseRateMatches;
