/**
 * indicator-score-matches — each written 定量 得分 equals what the profile's formula gives: 正向 full
 * when met, else 完成值 ÷ 指标值 × 分值; 反向 full when met, else the platform's (1 − (B − A) ÷ A) × 分值
 * (or A ÷ B × 分值 where the profile says so). A warning: the clerk may have a documented reason, but
 * must see the formula. The 预算执行率得分 leaves no such room: total-score-matches reports it (an error).
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { scoreTolerance, scoresFor } from "../scoring/score";

/** Message ids of indicator-score-matches. */
export type MessageId = "scoreDiffers";

/** A written 得分 that differs from the profile's formula. */
export const indicatorScoreMatches = defineRule<MessageId>({
  id: "indicator-score-matches",
  meta: {
    type: "problem",
    docs: { description: "定量指标的得分应与评分规则的计算公式一致。", recommended: true },
    messages: {
      "scoreDiffers": "“{{item}}”得分 {{written}}，按“{{profile}}”计算应为 {{expected}}。{{formula}}。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const tolerance = scoreTolerance(context.profile);
        const profile = context.profile.name;
        for (const ind of r.indicators) {
          if (!ind.ref || ind.written === undefined || ind.expected === undefined) continue;
          if (Math.abs(ind.written - ind.expected) <= tolerance) continue;
          context.report({
            at: ind.ref,
            messageId: "scoreDiffers",
            field: "jx_indicators.score",
            data: { item: ind.level3 || ind.level2, written: showNumber(ind.written), expected: showNumber(ind.expected), profile, formula: ind.formulaText ?? "" },
            expected: ind.expected,
            actual: ind.written,
            suggestions: [{ description: `改为 ${showNumber(ind.expected)}`, writes: [{ at: ind.ref, value: ind.expected }] }],
          });
        }
      },
    };
  },
});

export default indicatorScoreMatches;
