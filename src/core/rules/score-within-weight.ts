/**
 * score-within-weight — every 得分 lies between 0 and its 分值: the indicators, the 预算执行率 and the
 * summary rows, and each project's 自评得分 in a 项目汇总表 (out of the profile's total points). The 一体化
 * platform rejects a score above its weight outright [S4].
 */
import { defineRule } from "../engine/types";
import type { CellRef } from "../model/snapshot";
import { showNumber } from "../scoring/indicator-value";
import { rowName } from "../relations/footing";
import { cellNumber, scoresFor } from "../scoring/score";

/** Message ids of score-within-weight. */
export type MessageId = "aboveWeight" | "negative";

/** 0 ≤ 得分 ≤ 分值 for every indicator, the 预算执行率 and every subtotal. */
export const scoreWithinWeight = defineRule<MessageId>({
  id: "score-within-weight",
  meta: {
    type: "problem",
    docs: { description: "每项得分应在 0 与该项分值之间（得分不得超过分值）。", recommended: true },
    messages: {
      "aboveWeight": "“{{item}}”得分 {{score}} 超过其分值 {{weight}}：得分不能高于分值。",
      "negative": "“{{item}}”得分 {{score}} 为负数：得分应在 0 与分值 {{weight}} 之间。",
    },
    hasSuggestions: true,
  },
  create(context) {
    const check = (at: CellRef | undefined, item: string, score: number | undefined, weight: number | undefined, field: string, expected?: number): void => {
      if (!at || score === undefined || weight === undefined) return;
      const data = { item, score: showNumber(score), weight: showNumber(weight) };
      const suggestions =
        expected !== undefined && expected >= 0 && expected <= weight
          ? [{ description: `改为按公式计算的 ${showNumber(expected)}`, writes: [{ at, value: expected }] }]
          : undefined;
      if (score > weight + 1e-9) {
        context.report({ at, messageId: "aboveWeight", field, data, expected: weight, actual: score, suggestions });
      } else if (score < 0) {
        context.report({ at, messageId: "negative", field, data, expected: 0, actual: score, suggestions });
      }
    };
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const execAt = context.model.scalars.jx_exec_score?.ref ?? r.execRow?.ref;
        check(execAt, "预算执行率", r.execScoreWritten, r.execWeight, "jx_exec_score", r.execScore);
        for (const ind of r.indicators) {
          check(ind.ref, ind.level3 || ind.level2, ind.written, ind.weight, "jx_indicators.score", ind.expected);
        }
        for (const g of r.groups) {
          if (g.level === "exec" || g.level === "total") continue;
          // A summary row whose own 分值 disagrees with its indicators' is score-summary-matches' finding at
          // that 分值: its 得分 is held to the indicators' 分值, not to the wrong one.
          check(g.ref, g.group, g.written, g.indicatorWeight ?? g.weight, "jx_score_summary.score", g.expected);
        }
        // Each project of a 项目汇总表 is scored out of the whole (100).
        for (const row of context.model.tables.jx_projects?.rows ?? []) {
          const bound = row.cells.score;
          if (row.isSummary || !bound) continue;
          check(bound.ref, rowName(row), cellNumber(bound.cell), context.profile.totalPoints, "jx_projects.score");
        }
      },
    };
  },
});

export default scoreWithinWeight;
