/**
 * total-score-matches — the 综合得分 (jx_score_total) equals the 预算执行率得分 plus every indicator's
 * 得分, and the headline subtotals of the 得分汇总 add up to it too (seed 002: 97.97 against
 * 9.97 + 50 + 30 + 10). 财政局 quality checks ask for "分值计算散总一致" [S25].
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { roundScore, scoresFor } from "../scoring/score";

/** Message ids of total-score-matches. */
export type MessageId = "totalMismatch" | "summaryMismatch";

/** jx_score_total = jx_exec_score + Σ indicator 得分 (and = Σ the summary's headline rows). */
export const totalScoreMatches = defineRule<MessageId>({
  id: "total-score-matches",
  meta: {
    type: "problem",
    docs: { description: "综合得分应等于预算执行率得分加各指标得分之和，并与得分汇总一致。", recommended: true },
    messages: {
      "totalMismatch": "综合得分 {{written}}，但预算执行率得分 {{exec}} 加各指标得分之和 {{indicators}} 为 {{expected}}。",
      "summaryMismatch": "综合得分 {{written}}，但得分汇总各项相加为 {{expected}}（{{parts}}），两者不一致。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const at = context.model.scalars.jx_score_total?.ref;
        const written = r.totalWritten;
        if (!at || written === undefined) return;
        const tolerance = 0.5 * Math.pow(10, -context.profile.scoreDecimals) + 1e-9;
        const totalWrong = r.total !== undefined && Math.abs(written - r.total) > tolerance;
        if (r.total !== undefined && totalWrong) {
          const exec = r.execPresent ? (r.execScoreWritten ?? r.execScore ?? 0) : 0;
          context.report({
            at,
            messageId: "totalMismatch",
            field: "jx_score_total",
            data: { written: showNumber(written), exec: showNumber(exec), indicators: showNumber(roundScore(r.total - exec, context.profile)), expected: showNumber(r.total) },
            expected: r.total,
            actual: written,
            suggestions: [{ description: `改为 ${showNumber(r.total)}`, writes: [{ at, value: r.total }] }],
          });
        }
        // The headline rows: 预算执行率 plus the 一级 rows, or the 二级 rows when there is no 一级 row.
        const level1 = r.groups.filter((g) => g.level === "level1");
        const heads = [...r.groups.filter((g) => g.level === "exec"), ...(level1.length ? level1 : r.groups.filter((g) => g.level === "level2"))];
        if (heads.length < 2 || heads.some((g) => g.written === undefined)) return;
        const sum = roundScore(heads.reduce((s, g) => s + (g.written ?? 0), 0), context.profile);
        if (Math.abs(sum - written) <= tolerance) return;
        // The same disagreement already reported: the headlines add up to the indicators' total.
        if (totalWrong && r.total !== undefined && Math.abs(sum - r.total) <= tolerance) return;
        context.report({
          at,
          messageId: "summaryMismatch",
          field: "jx_score_total",
          data: { written: showNumber(written), expected: showNumber(sum), parts: heads.map((g) => `${g.group} ${showNumber(g.written ?? 0)}`).join(" + ") },
          expected: sum,
          actual: written,
        });
      },
    };
  },
});

export default totalScoreMatches;
