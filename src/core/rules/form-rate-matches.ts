/**
 * form-rate-matches — every rate a form declares on a row of its blocks (the 执行率 of each 其中 / 按收入性质
 * / 按支出性质 row of a funds block, the 增减率 of a 决算变动表 row) equals its numerator ÷ its denominator
 * at the rate's displayed precision, judged with rounding intervals. The form's headline 预算执行率
 * (jx_exec_rate) is exec-rate-matches' own.
 *
 * Found at the cause: a numerator or denominator that a relation blames (a part that does not foot, a 元/万元
 * slip) is judged at its corrected value, so a rate that follows the right amount is not reported for a
 * wrong amount (total-matches-parts or no-unit-mistake reports the amount); nor is a rate computed from
 * the wrong amount as written (it agrees with the cells as they are: the amount is the one finding).
 */
import { defineRule } from "../engine/types";
import { readMoney, refKey } from "../relations/footing";
import { settledFigure } from "../relations/cause";
import { correctedFigure } from "../relations/unit-mistakes";
import { slippedInputs } from "./no-unit-mistake";
import { showStored } from "../units/finite";
import { checkRate, readRate } from "./lib/rates";
import { isUnfilled } from "../model/cell-index";

/** Message ids of form-rate-matches. */
export type MessageId = "rateMismatch" | "rateBlank";

/** A figure as the clerk wrote it, never with an exponent. */
function shown(value: unknown): string {
  return typeof value === "number" ? showStored(value) : String(value);
}

/** Each declared rate of a form's rows = numerator ÷ denominator. */
export const formRateMatches = defineRule<MessageId>({
  id: "form-rate-matches",
  meta: {
    type: "problem",
    docs: { description: "表中各行的比率（如各资金来源的执行率、决算变动表的增减率）应等于对应两列金额之比。", recommended: true },
    messages: {
      "rateMismatch": "“{{row}}”的{{rateName}}填写为 {{actual}}，但{{numName}} {{num}} ÷ {{denName}} {{den}} = {{expected}}，两者不符。",
      "rateBlank": "“{{row}}”的{{rateName}}为空，而同列其他行都已填写；按{{numName}} {{num}} ÷ {{denName}} {{den}} 应为 {{expected}}，请填写（或点“自动计算”）。",
    },
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const headline = model.scalars.jx_exec_rate;
        const done = new Set<string>();
        if (headline) done.add(refKey(headline.ref));
        // A column of rates the form fills line by line: a blank among filled ones is a gap (a form that
        // leaves every line's rate blank, as the national form may, uses no such column).
        const colOf = (ref: { sheet: string; address: string }): string => `${ref.sheet}!${ref.address.replace(/\d+$/, "")}`;
        const filledColumns = new Set((model.rates ?? []).filter((r) => readRate(r.rate.cell, r.percent) !== undefined).map((r) => colOf(r.rate.cell.ref)));
        for (const r of [...(model.rates ?? []), ...(model.rateGaps ?? [])]) {
          const key = refKey(r.rate.cell.ref);
          if (done.has(key)) continue;
          done.add(key);
          if (isUnfilled(r.rate.cell.cell) && filledColumns.has(colOf(r.rate.cell.ref))) {
            const n = readMoney(r.numerator.cell, r.numerator.field, model.moneyUnit);
            const d = readMoney(r.denominator.cell, r.denominator.field, model.moneyUnit);
            if (n && d && !n.blank && !d.blank && d.value > 0) {
              const h = r.headers ?? { rate: "比率", numerator: "分子", denominator: "分母" };
              const value = Math.round((n.value / d.value) * 10000) / 10000;
              const expected = `${(value * 100).toFixed(2)}%`;
              context.report({
                at: r.rate.cell.ref,
                messageId: "rateBlank",
                field: r.rate.field,
                data: { row: r.where.trim(), rateName: h.rate, numName: h.numerator, num: shown(n.cell?.value ?? n.value), denName: h.denominator, den: shown(d.cell?.value ?? d.value), expected },
                expected,
                suggestions: [
                  r.percent
                    ? { description: `填入 ${expected.replace(/%$/, "")}`, writes: [{ at: r.rate.cell.ref, value: Math.round(value * 1000000) / 10000, numberFormat: "0.00" }] }
                    : { description: `填入 ${expected}`, writes: [{ at: r.rate.cell.ref, value, numberFormat: "0.00%" }] },
                ],
              });
            }
            continue;
          }
          const rate = readRate(r.rate.cell, r.percent);
          const rawNum = readMoney(r.numerator.cell, r.numerator.field, model.moneyUnit);
          const rawDen = readMoney(r.denominator.cell, r.denominator.field, model.moneyUnit);
          if (!rate || !rawNum || !rawDen || rawNum.blank || rawDen.blank) continue;
          // A slipped or mis-footed amount is reported where it is: judge the rate against its correction.
          // An amount a formula total adds, typed in the wrong unit, reads corrected too (no-unit-mistake reports it).
          const input = (f: typeof rawNum): typeof rawNum => {
            const v = slippedInputs(model).get(f.key);
            return v === undefined ? f : { ...f, value: v };
          };
          const num = settledFigure(model, correctedFigure(model, input(rawNum)));
          const den = settledFigure(model, correctedFigure(model, input(rawDen)));
          const result = checkRate(rate, num, den);
          if (!result || result.ok) continue;
          // A rate computed from the amount as written (which the relations correct) follows that amount:
          // the amount is the one finding.
          if ((num !== rawNum || den !== rawDen) && checkRate(rate, rawNum, rawDen)?.ok) continue;
          const h = r.headers ?? { rate: "比率", numerator: "分子", denominator: "分母" };
          const value = Math.round(result.ratio * 10000) / 10000;
          context.report({
            at: r.rate.cell.ref,
            messageId: "rateMismatch",
            field: r.rate.field,
            data: {
              row: r.where.trim(),
              rateName: h.rate,
              actual: result.actualText,
              numName: h.numerator,
              num: num === rawNum ? shown(rawNum.cell?.value ?? rawNum.value) : shown(num.value),
              denName: h.denominator,
              den: den === rawDen ? shown(rawDen.cell?.value ?? rawDen.value) : shown(den.value),
              expected: result.expectedText,
            },
            expected: result.expectedText,
            actual: result.actualText,
            // A column headed in percent (`占比（%）`) holds percent points: the fix writes them.
            fix: {
              description: `将${r.rate.cell.ref.address}改为 ${r.percent ? result.expectedText.replace(/%$/, "") : result.expectedText}`,
              writes: [r.percent ? { at: r.rate.cell.ref, value: Math.round(value * 1000000) / 10000, numberFormat: "0.00" } : { at: r.rate.cell.ref, value, numberFormat: "0.00%" }],
            },
          });
        }
      },
    };
  },
});

export default formRateMatches;
