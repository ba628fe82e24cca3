/**
 * score-summary-matches — each row of the 得分汇总 (jx_score_summary) equals the sum of its
 * indicators' 得分, its 分值 the sum of their 分值, and the 预算执行率 row equals jx_exec_score. A
 * headline that does not add up is the commonest arithmetic slip (seed 002: 产出 50 over 9 + 10 + 15 + 14).
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { effectiveScore, scoreTolerance, scoresFor } from "../scoring/score";

/** Message ids of score-summary-matches. */
export type MessageId = "subtotalMismatch" | "execMismatch" | "totalRowMismatch" | "weightMismatch";

/** Each summary row = Σ its indicators; the 预算执行率 row = jx_exec_score. */
export const scoreSummaryMatches = defineRule<MessageId>({
  id: "score-summary-matches",
  meta: {
    type: "problem",
    docs: { description: "得分汇总中各一级（二级）指标的得分和分值应等于其下各指标之和，预算执行率得分应一致。", recommended: true },
    messages: {
      "subtotalMismatch": "“{{group}}”得分 {{written}}，但其下各指标得分之和为 {{expected}}（{{parts}}）。",
      "execMismatch": "得分汇总中预算执行率得分 {{written}}，与预算执行率得分 {{expected}} 不一致。",
      "totalRowMismatch": "得分汇总的“{{group}}”为 {{written}}，但预算执行率得分与各指标得分之和为 {{expected}}。",
      "weightMismatch": "“{{group}}”分值 {{written}}，但其下各指标分值之和为 {{expected}}（{{parts}}）。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const tolerance = scoreTolerance(context.profile);
        const byRow = new Map(r.indicators.map((i) => [i.row, i]));
        for (const g of r.groups) {
          const members = g.indicatorRows.map((row) => byRow.get(row)).filter((i) => i !== undefined);
          if (g.ref && g.written !== undefined && g.expected !== undefined && Math.abs(g.written - g.expected) > tolerance) {
            const messageId: MessageId = g.level === "exec" ? "execMismatch" : g.level === "total" ? "totalRowMismatch" : "subtotalMismatch";
            const parts = members.map((m) => showNumber(effectiveScore(m) ?? 0)).join(" + ");
            context.report({
              at: g.ref,
              messageId,
              field: "jx_score_summary.score",
              data: { group: g.group, written: showNumber(g.written), expected: showNumber(g.expected), parts },
              expected: g.expected,
              actual: g.written,
              suggestions: [{ description: `改为 ${showNumber(g.expected)}`, writes: [{ at: g.ref, value: g.expected }] }],
            });
          }
          if (
            g.weightRef &&
            (g.level === "level1" || g.level === "level2") &&
            g.weight !== undefined &&
            g.indicatorWeight !== undefined &&
            Math.abs(g.weight - g.indicatorWeight) > 1e-6
          ) {
            context.report({
              at: g.weightRef,
              messageId: "weightMismatch",
              field: "jx_score_summary.weight",
              data: { group: g.group, written: showNumber(g.weight), expected: showNumber(g.indicatorWeight), parts: members.map((m) => showNumber(m.weight ?? 0)).join(" + ") },
              expected: g.indicatorWeight,
              actual: g.weight,
              suggestions: [{ description: `改为 ${showNumber(g.indicatorWeight)}`, writes: [{ at: g.weightRef, value: g.indicatorWeight }] }],
            });
          }
        }
      },
    };
  },
});

export default scoreSummaryMatches;
