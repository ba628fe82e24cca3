/**
 * exec-rate-matches — 预算执行率 (jx_exec_rate) equals 全年执行数 ÷ 全年预算数 at the rate's displayed
 * precision, judged with rounding intervals (1707.31 ÷ 1711.75 = 99.74%).
 */
import { isUnfilled } from "../model/cell-index";
import { defineRule, type Fix } from "../engine/types";
import { formatRef } from "../model/address";
import { roundTo } from "../units/parse";
import { showStored } from "../units/finite";

/** A stored figure as the clerk wrote it, never with an exponent (1e-300 → 0). */
function shown(value: unknown): string {
  return typeof value === "number" ? showStored(value) : String(value);
}
import { checksOf, evaluate, readMoneyScalar, type Overrides } from "../relations/footing";
import { anchoredBySummary } from "../relations/summary-links";
import { scoresFor } from "../scoring/score";
import { showNumber } from "../scoring/indicator-value";
import { checkRate, readRate } from "./lib/rates";
import { correctedFigure } from "../relations/unit-mistakes";
import { settledFigure } from "../relations/cause";

/** Message ids of exec-rate-matches. */
export type MessageId = "rateMismatch" | "rateError" | "amountError" | "amountMismatch" | "amountMismatchEither" | "rateBlank";

/** The rate cell must equal executed / adjusted budget. */
export const execRateMatches = defineRule<MessageId>({
  id: "exec-rate-matches",
  meta: {
    type: "problem",
    docs: { description: "预算执行率应等于全年执行数除以全年预算数。", recommended: true },
    messages: {
      "rateMismatch": "预算执行率填写为 {{actual}}，但全年执行数 {{executed}} ÷ 全年预算数 {{budget}} = {{expected}}，两者不符。",
      "rateBlank": "预算执行率为空；按全年执行数 {{executed}} ÷ 全年预算数 {{budget}} 应为 {{expected}}，请填写（或点“自动计算”）。",
      "rateError": "预算执行率单元格是错误值 {{actual}}，按全年执行数 {{executed}} ÷ 全年预算数 {{budget}} 应为 {{expected}}。",
      "amountError": "{{label}}是错误值 {{actual}}，预算执行率（全年执行数 ÷ 全年预算数）无法核对；请改正公式或填写数值。",
      "amountMismatch": "{{label}}为 {{actual}}，但预算执行率 {{rate}} 与预算执行率得分 {{score}} 相符，而全年执行数 {{executed}} ÷ 全年预算数 {{budget}} = {{ratio}}，两者都不符；按{{other}}和预算执行率，{{label}}应约为 {{expected}}，请核对（若两个金额都无误，则预算执行率与其得分都需改正）。",
      "amountMismatchEither": "{{label}}为 {{actual}}，但预算执行率 {{rate}} 与预算执行率得分 {{score}} 相符，而全年执行数 {{executed}} ÷ 全年预算数 {{budget}} = {{ratio}}，两者都不符；按{{other}}和预算执行率，{{label}}应约为 {{expected}}；也可能是{{other}}有误（应约为 {{otherExpected}}），请核对（若两个金额都无误，则预算执行率与其得分都需改正）。",
    },
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const rateCell = model.scalars.jx_exec_rate;
        // An error value in either amount leaves the rate unchecked: say so at that cell.
        for (const [id, label] of [["jx_budget_adjusted", "全年预算数"], ["jx_executed", "全年执行数"]] as const) {
          const bound = model.scalars[id];
          const code = bound?.cell?.error;
          if (bound && code !== undefined && rateCell) context.report({ at: bound.ref, messageId: "amountError", field: id, data: { label, actual: code }, actual: code });
        }
        const rawExecuted = readMoneyScalar(model, "jx_executed");
        const rawBudget = readMoneyScalar(model, "jx_budget_adjusted");
        if (!rateCell || !rawExecuted || !rawBudget || rawExecuted.blank || rawBudget.blank) return;
        // A 元/万元 slip in either amount is no-unit-mistake's finding: judge the rate against the
        // corrected amounts, so the slip is not reported twice and a rate wrong anyway still is.
        // Likewise a 年度资金总额 that a form's relations blame (total-matches-parts reports it).
        const executed = settledFigure(model, correctedFigure(model, rawExecuted));
        const budget = settledFigure(model, correctedFigure(model, rawBudget));
        const error = rateCell.cell?.error;
        // The form's 预算执行率 cell left blank beside both amounts: not filled yet (never an all-clear).
        if (isUnfilled(rateCell.cell) && budget.value > 0) {
          const value = roundTo(executed.value / budget.value, 4);
          const expected = `${roundTo(value * 100, 2).toFixed(2)}%`;
          context.report({
            at: rateCell.ref,
            messageId: "rateBlank",
            field: "jx_exec_rate",
            data: { executed: shown(executed.cell?.value ?? executed.value), budget: shown(budget.cell?.value ?? budget.value), expected },
            expected,
            suggestions: [{ description: `填入 ${expected}`, writes: [{ at: rateCell.ref, value, numberFormat: "0.00%" }] }],
          });
          return;
        }
        const rate = error !== undefined ? { value: Number.NaN, decimals: 4 } : readRate(rateCell);
        if (!rate) return;
        const result = checkRate(Number.isNaN(rate.value) ? { value: 0, decimals: 4 } : rate, executed, budget);
        if (!result || (result.ok && error === undefined)) return;
        // The rate and its 得分 as written agree with each other, not with the amounts (scoring/score.ts):
        // an amount is the slip. The finding is at the one that can be corrected without breaking another
        // relation — the 全年执行数 first — naming the other when it could be it too.
        const scores = error === undefined ? scoresFor(model, context.profile) : undefined;
        if (scores?.execAmountsSuspect) {
          const tries = [
            { figure: executed, label: "全年执行数", other: "全年预算数", value: roundTo(budget.value * rate.value, 2) },
            ...(rate.value > 0 ? [{ figure: budget, label: "全年预算数", other: "全年执行数", value: roundTo(executed.value / rate.value, 2) }] : []),
          ].filter((t) => {
            const o: Overrides = new Map([[t.figure.key, { value: t.value, decimals: 2 }]]);
            return !anchoredBySummary(model, t.figure, t.value) && checksOf(model, t.figure).every((c) => evaluate(c, o).ok || !evaluate(c).ok);
          });
          if (tries.length > 0) {
            const [t, alt] = tries;
            context.report({
              at: t.figure.ref,
              messageId: alt ? "amountMismatchEither" : "amountMismatch",
              field: t.figure === executed ? "jx_executed" : "jx_budget_adjusted",
              data: {
                label: t.label,
                actual: shown(t.figure.cell?.value ?? t.figure.value),
                rate: result.actualText,
                score: showNumber(scores.execScoreWritten ?? 0),
                executed: shown(executed.cell?.value ?? executed.value),
                budget: shown(budget.cell?.value ?? budget.value),
                ratio: result.expectedText,
                other: t.other,
                expected: showNumber(t.value),
                ...(alt ? { otherExpected: showNumber(alt.value) } : {}),
              },
              expected: t.value,
              actual: t.figure.value,
              suggestions: [{ description: `将${t.figure.ref.address}改为 ${showNumber(t.value)}`, writes: [{ at: t.figure.ref, value: t.value }] }],
            });
            return;
          }
        }
        const value = roundTo(result.ratio, 4);
        const writeValue: Fix = {
          description: `将${rateCell.ref.address}改为 ${result.expectedText}`,
          writes: [{ at: rateCell.ref, value, numberFormat: "0.00%" }],
        };
        const sameSheet = (r: { sheet: string; address: string }): string => (r.sheet === rateCell.ref.sheet ? r.address : formatRef(r));
        const writeFormula: Fix = {
          description: `将${rateCell.ref.address}改为公式 =${sameSheet(executed.ref)}/${sameSheet(budget.ref)}`,
          writes: [{ at: rateCell.ref, formula: `${sameSheet(executed.ref)}/${sameSheet(budget.ref)}`, value, numberFormat: "0.00%" }],
        };
        context.report({
          at: rateCell.ref,
          messageId: error !== undefined ? "rateError" : "rateMismatch",
          field: "jx_exec_rate",
          data: {
            actual: error ?? result.actualText,
            executed: executed === rawExecuted ? shown(executed.cell?.value ?? executed.value) : shown(executed.value),
            budget: budget === rawBudget ? shown(budget.cell?.value ?? budget.value) : shown(budget.value),
            expected: result.expectedText,
          },
          expected: result.expectedText,
          actual: error ?? result.actualText,
          // A formula that computes the wrong thing points at the wrong cells: offer the right formula.
          ...(rateCell.cell?.formula !== undefined ? { suggestions: [writeFormula, writeValue] } : { fix: writeValue }),
        });
      },
    };
  },
});

export default execRateMatches;
