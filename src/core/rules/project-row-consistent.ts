/**
 * project-row-consistent — each project row of jx_projects: 结转结余 = 预算数 − 执行数, and
 * 执行率 = 执行数 ÷ 预算数, judged with rounding intervals.
 */
import { isUnfilled } from "../model/cell-index";
import { defineRule, type Fix } from "../engine/types";
import { formatNumber } from "../units/convert";
import { roundTo } from "../units/parse";
import { columnLabel, evaluate, failingChecks, readMoney, rowName } from "../relations/footing";
import { checkRate, readRate } from "./lib/rates";
import { correctedFigure, touchesUnitMistake, unitMistakeKeys } from "../relations/unit-mistakes";
import { projectCauses, projectOverrides } from "../relations/project-causes";
import { sheetValueOf } from "../relations/summary-links";

/** Message ids of project-row-consistent. */
export type MessageId = "carryoverMismatch" | "rateMismatch" | "rateError" | "cellError" | "amountMismatch" | "rateBlank" | "scaleSlip" | "overWhole";

/** 结转结余 and 执行率 of each project row agree with its 预算数 and 执行数. */
export const projectRowConsistent = defineRule<MessageId>({
  id: "project-row-consistent",
  meta: {
    type: "problem",
    docs: { description: "项目行的结转结余应等于预算数减执行数，执行率应等于执行数除以预算数。", recommended: true },
    messages: {
      "carryoverMismatch": "项目“{{row}}”的结转结余为 {{actual}}，但预算数 {{budget}} − 执行数 {{executed}} = {{expected}}，两者不符。",
      "rateMismatch": "项目“{{row}}”的执行率为 {{actual}}，但执行数 {{executed}} ÷ 预算数 {{budget}} = {{expected}}，两者不符。",
      "rateBlank": "项目“{{row}}”的执行率为空，而其他项目都已填写；按执行数 {{executed}} ÷ 预算数 {{budget}} 应为 {{expected}}，请填写（或点“自动计算”）。",
      "rateError": "项目“{{row}}”的执行率是错误值 {{actual}}，按执行数 {{executed}} ÷ 预算数 {{budget}} 应为 {{expected}}。",
      "cellError": "项目“{{row}}”的{{column}}是错误值 {{code}}，该项目的结转结余和执行率无法核对；请改正公式或填写数值。",
      "amountMismatch": "项目“{{row}}”的{{column}}为 {{actual}}，与该行的{{evidence}}都不符；应为 {{expected}}，改正后各项关系全部相符。",
      "overWhole": "“{{row}}”的{{column}}为 {{actual}}，是本部门年度资金总额{{whole}} {{total}} 的 {{times}} 倍，一行不可能超过全部：像是把 {{expected}} 万元按元填写。请改为 {{expected}}。",
      "scaleSlip": "项目“{{row}}”的{{column}}为 {{actual}}，按公式算得执行率 {{rate}}，差了一万倍：像是把 {{expected}} 万元按元填写（执行率、合计由公式随之算出，所以都没有报错）。请改为 {{expected}}。",
    },
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const table = model.tables.jx_projects;
        if (!table) return;
        const flagged = unitMistakeKeys(model);
        // A 合计 amount that is not the sum of the projects is total-matches-parts' finding; its 执行率
        // and 结转结余 are judged on the sum (they are right when they agree with it): one finding, at the
        // cause (issue 9, kind 3).
        const fixes = projectOverrides(model);
        const summaryFix = new Map<string, { value: number; decimals: number }>();
        // Only a check that fails as written is reported or corrected here: the failing ones (in check
        // order) are all that need be read.
        const failing = [...failingChecks(model)].filter((c) => c.table === "jx_projects");
        for (const c of failing) {
          if (c.kind !== "summary" || c.table !== "jx_projects" || touchesUnitMistake(c, flagged)) continue;
          const r = evaluate(c);
          // A 合计 that adds up once a row's own cause is corrected is right.
          if (!r.ok && !(fixes.size > 0 && evaluate(c, fixes).ok)) summaryFix.set(c.target.key, { value: r.expected, decimals: Number.isFinite(c.target.decimals) ? c.target.decimals : 2 });
        }
        // A row's 预算数 or 执行数 that alone breaks its 结转结余, its 执行率 and the 合计: one finding, there.
        const causes = projectCauses(model);
        for (const c of causes) {
          if (c.column === "carryover") continue;
          const d = Math.max(0, c.decimals);
          const label = columnLabel(model, "jx_projects", c.column);
          if (c.byScale?.whole) {
            const w = c.byScale.whole;
            context.report({
              at: c.figure.ref,
              messageId: "overWhole",
              field: c.figure.field,
              data: { row: c.rowName, column: label, actual: formatNumber(c.figure.value, d), expected: formatNumber(c.value, d), whole: w.label, total: formatNumber(w.value, 2), times: formatNumber(Math.round(c.figure.value / w.value), 0) },
              expected: c.value,
              actual: c.figure.value,
              fix: { description: `将${c.figure.ref.address}改为 ${formatNumber(c.value, d)}`, writes: [{ at: c.figure.ref, value: c.value }] },
            });
            continue;
          }
          if (c.byScale) {
            const row = table.rows.find((r) => r.cells[c.column]?.ref.address === c.figure.ref.address && r.cells[c.column]?.ref.sheet === c.figure.ref.sheet);
            const rate = row?.cells.rate?.cell?.value;
            context.report({
              at: c.figure.ref,
              messageId: "scaleSlip",
              field: c.figure.field,
              data: { row: c.rowName, column: label, actual: formatNumber(c.figure.value, d), expected: formatNumber(c.value, d), rate: typeof rate === "number" ? `${formatNumber(rate * 100, 2)}%` : "" },
              expected: c.value,
              actual: c.figure.value,
              fix: { description: `将${c.figure.ref.address}改为 ${formatNumber(c.value, d)}`, writes: [{ at: c.figure.ref, value: c.value }] },
            });
            continue;
          }
          context.report({
            at: c.figure.ref,
            messageId: "amountMismatch",
            field: c.figure.field,
            data: { row: c.rowName, column: label, actual: formatNumber(c.figure.value, d), expected: formatNumber(c.value, d), evidence: c.bySheet ? "合计行和该项目的自评表" : c.byTotals ? "合计行" : c.withCarryover ? "结转结余、执行率和合计行" : "执行率和合计行" },
            expected: c.value,
            actual: c.figure.value,
            suggestions: [{ description: `将${c.figure.ref.address}改为 ${formatNumber(c.value, d)}`, writes: [{ at: c.figure.ref, value: c.value }] }],
          });
        }
        for (const check of failing) {
          if (check.kind !== "project" || touchesUnitMistake(check, flagged)) continue;
          const result = evaluate(check);
          if (result.ok || summaryFix.has(check.target.key) || (summaryFix.size > 0 && evaluate(check, summaryFix).ok)) continue;
          if (fixes.size > 0 && !fixes.has(check.target.key) && evaluate(check, fixes).ok) continue;
          const d = Number.isFinite(check.target.decimals) ? Math.max(0, check.target.decimals) : 2;
          const [budget, executed] = check.terms.map((t) => t.figure);
          const fix: Fix = {
            description: `将${check.target.ref.address}改为 ${formatNumber(result.expected, d)}（预算数 − 执行数）`,
            writes: [{ at: check.target.ref, value: result.expected }],
          };
          context.report({
            at: check.target.ref,
            messageId: "carryoverMismatch",
            field: check.target.field,
            data: {
              row: check.rowName,
              actual: formatNumber(check.target.value, d),
              budget: formatNumber(budget.value, Math.min(d, 6)),
              executed: formatNumber(executed.value, Math.min(d, 6)),
              expected: formatNumber(result.expected, d),
            },
            expected: result.expected,
            actual: check.target.value,
            ...(check.target.formula ? { suggestions: [fix] } : { fix }),
          });
        }
        // The 执行率 column filled row by row: a blank among filled ones is a gap, not a rate that holds.
        const ratesFilled = table.rows.some((r) => r.cells.rate && readRate(r.cells.rate) !== undefined);
        for (const row of table.rows) {
          // An error value in an amount leaves the row unchecked: say so at that cell.
          for (const key of ["budget", "executed", "carryover"] as const) {
            const bound = row.cells[key];
            const code = bound?.cell?.error;
            if (!bound || code === undefined) continue;
            context.report({
              at: bound.ref,
              messageId: "cellError",
              field: `jx_projects.${key}`,
              data: { row: rowName(row), column: columnLabel(model, "jx_projects", key), code },
              actual: code,
            });
          }
          const rateCell = row.cells.rate;
          const budgetCell = row.cells.budget;
          const executedCell = row.cells.executed;
          if (!rateCell || !budgetCell || !executedCell) continue;
          const rawBudget = readMoney(budgetCell, "jx_projects.budget", model.moneyUnit);
          const rawExecuted = readMoney(executedCell, "jx_projects.executed", model.moneyUnit);
          const rateErrorCode = rateCell.cell?.error;
          const rc = rateCell.cell;
          if (ratesFilled && isUnfilled(rc)) {
            // An amount with a 元/万元 slip is no-unit-mistake's finding first: the rate follows once it is fixed.
            const slipped = rawBudget && rawExecuted && (correctedFigure(model, rawBudget) !== rawBudget || correctedFigure(model, rawExecuted) !== rawExecuted);
            if (rawBudget && rawExecuted && !slipped && !rawBudget.blank && !rawExecuted.blank && rawBudget.value > 0) {
              const value = roundTo(rawExecuted.value / rawBudget.value, 4);
              const expected = `${(value * 100).toFixed(2)}%`;
              context.report({
                at: rateCell.ref,
                messageId: "rateBlank",
                field: "jx_projects.rate",
                data: { row: rowName(row), executed: formatNumber(rawExecuted.value, 2), budget: formatNumber(rawBudget.value, 2), expected },
                expected,
                suggestions: [{ description: `填入 ${expected}`, writes: [{ at: rateCell.ref, value, numberFormat: "0.00%" }] }],
              });
            }
            continue;
          }
          // A #DIV/0! rate (a formula over a blank budget cell, say) is judged like any wrong rate.
          const rate = rateErrorCode !== undefined ? { value: 0, decimals: 4 } : readRate(rateCell);
          if (!rawBudget || !rawExecuted || !rate || rawBudget.blank || rawExecuted.blank) continue;
          // Judge the rate on amounts with any 元/万元 slip corrected (that slip is no-unit-mistake's).
          const asSum = (f: typeof rawBudget): typeof rawBudget => {
            const o = summaryFix.get(f.key);
            return o ? { ...f, value: o.value, decimals: o.decimals } : f;
          };
          const asCause = (f: typeof rawBudget): typeof rawBudget => {
            const o = fixes.get(f.key);
            return o ? { ...f, value: o.value, decimals: o.decimals } : f;
          };
          const budget = asCause(asSum(correctedFigure(model, rawBudget)));
          const executed = asCause(asSum(correctedFigure(model, rawExecuted)));
          const result = checkRate(rate, executed, budget);
          if (!result || (result.ok && rateErrorCode === undefined)) continue;
          // A rate computed by a formula (=F46/E46) that agrees with the amounts as written follows them: the
          // amount found wrong is the mistake, and correcting it corrects the rate.
          if (rateErrorCode === undefined && rc?.formula !== undefined && (budget !== rawBudget || executed !== rawExecuted) && checkRate(rate, rawExecuted, rawBudget)?.ok) continue;
          // An amount that differs from its project's own sheet, whose sheet value agrees with the rate: the
          // amount is the cause (summary-matches-sheets reports it), the rate is right.
          if (rateErrorCode === undefined) {
            const bySheet = (f: typeof rawBudget): typeof rawBudget | undefined => {
              const v = sheetValueOf(model, f);
              return v === undefined ? undefined : { ...f, value: v };
            };
            const b2 = bySheet(rawBudget);
            const e2 = bySheet(rawExecuted);
            if ((b2 && checkRate(rate, executed, b2)?.ok) || (e2 && checkRate(rate, e2, budget)?.ok)) continue;
          }
          const fix: Fix = {
            description: `将${rateCell.ref.address}改为 ${result.expectedText}`,
            writes: [{ at: rateCell.ref, value: roundTo(result.ratio, 4), numberFormat: "0.00%" }],
          };
          context.report({
            at: rateCell.ref,
            messageId: rateErrorCode !== undefined ? "rateError" : "rateMismatch",
            field: "jx_projects.rate",
            data: {
              row: rowName(row),
              actual: rateErrorCode ?? result.actualText,
              budget: budget === rawBudget ? String(budgetCell.cell?.value ?? "") : String(budget.value),
              executed: executed === rawExecuted ? String(executedCell.cell?.value ?? "") : String(executed.value),
              expected: result.expectedText,
            },
            expected: result.expectedText,
            actual: rateErrorCode ?? result.actualText,
            ...(rateCell.cell?.formula !== undefined ? { suggestions: [fix] } : { fix }),
          });
        }
      },
    };
  },
});

export default projectRowConsistent;
