/**
 * exec-rate-matches — 预算执行率 (jx_exec_rate) equals 全年执行数 ÷ 全年预算数 at the rate's displayed
 * precision, judged with rounding intervals (1707.31 ÷ 1711.75 = 99.74%).
 */
import { defineRule, type Fix } from "../engine/types";
import { formatRef } from "../model/address";
import { roundTo } from "../units/parse";
import { readMoneyScalar } from "../relations/footing";
import { checkRate, readRate } from "./lib/rates";
import { correctedFigure } from "../relations/unit-mistakes";
import { settledFigure } from "../relations/cause";

/** Message ids of exec-rate-matches. */
export type MessageId = "rateMismatch" | "rateError" | "amountError";

/** The rate cell must equal executed / adjusted budget. */
export const execRateMatches = defineRule<MessageId>({
  id: "exec-rate-matches",
  meta: {
    type: "problem",
    docs: { description: "预算执行率应等于全年执行数除以全年预算数。", recommended: true },
    messages: {
      "rateMismatch": "预算执行率填写为 {{actual}}，但全年执行数 {{executed}} ÷ 全年预算数 {{budget}} = {{expected}}，两者不符。",
      "rateError": "预算执行率单元格是错误值 {{actual}}，按全年执行数 {{executed}} ÷ 全年预算数 {{budget}} 应为 {{expected}}。",
      "amountError": "{{label}}是错误值 {{actual}}，预算执行率（全年执行数 ÷ 全年预算数）无法核对；请改正公式或填写数值。",
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
        const rate = error !== undefined ? { value: Number.NaN, decimals: 4 } : readRate(rateCell);
        if (!rate) return;
        const result = checkRate(Number.isNaN(rate.value) ? { value: 0, decimals: 4 } : rate, executed, budget);
        if (!result || (result.ok && error === undefined)) return;
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
            executed: executed === rawExecuted ? String(executed.cell?.value ?? executed.value) : String(executed.value),
            budget: budget === rawBudget ? String(budget.cell?.value ?? budget.value) : String(budget.value),
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
