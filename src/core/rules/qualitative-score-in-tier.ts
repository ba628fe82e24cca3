/**
 * qualitative-score-in-tier — a 定性 indicator's 得分 lies in the tier its 完成值 states: 达成 [80%, 100%]
 * of the 分值, 部分达成 [60%, 80%), 未达成 [0, 60%) nationally (湖北 80/50), each bound rounded to 2
 * decimals like the platform's `selfqualscorecheck` [S2]. A 完成值 that names no tier cannot be checked.
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { scoresFor } from "../scoring/score";

/** Message ids of qualitative-score-in-tier. */
export type MessageId = "outsideTier" | "noTier";

/** 定性 得分 within its tier. */
export const qualitativeScoreInTier = defineRule<MessageId>({
  id: "qualitative-score-in-tier",
  meta: {
    type: "problem",
    docs: { description: "定性指标的得分应落在其完成情况所属档次的分数区间内。", recommended: true },
    messages: {
      "outsideTier": "定性指标“{{item}}”完成情况为“{{tier}}”，得分应在 {{min}} 至 {{max}} 之间（{{range}}），实际为 {{written}}。",
      "noTier": "定性指标“{{item}}”的完成值“{{text}}”不属于“{{tiers}}”三档之一，无法核对得分档次。",
    },
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const tiers = context.profile.qualitativeTiers;
        for (const ind of r.indicators) {
          // Done after its deadline: the score is the evaluator's judgement, no tier to hold it to.
          if (ind.direction !== "定性" || ind.late) continue;
          const item = ind.level3 || ind.level2;
          if (!ind.tier) {
            const text = ind.actual.raw.trim();
            // A blank 完成值 with no score is an unfinished row, left to the required-field checks.
            if (!text && ind.written === undefined) continue;
            const at = ind.actualRef ?? ind.ref;
            if (!at) continue;
            context.report({ at, messageId: "noTier", field: "jx_indicators.actual", data: { item, text: text || "空白", tiers: tiers.map((t) => t.label).join("／") } });
            continue;
          }
          const range = ind.tierRange;
          if (!ind.ref || !range || ind.written === undefined) continue;
          const w = ind.written;
          const inside = w >= range.min - 1e-9 && (range.maxInclusive ? w <= range.max + 1e-9 : w < range.max - 1e-9);
          if (inside) continue;
          const pct = (k: number): string => showNumber(k, true);
          context.report({
            at: ind.ref,
            messageId: "outsideTier",
            field: "jx_indicators.score",
            data: {
              item,
              tier: ind.tier.label,
              min: showNumber(range.min),
              max: showNumber(range.max),
              range: `${pct(ind.tier.min)}（含）至 ${pct(ind.tier.max)}${range.maxInclusive ? "（含）" : "（不含）"}`,
              written: showNumber(w),
            },
            expected: `${showNumber(range.min)}–${showNumber(range.max)}`,
            actual: w,
          });
        }
      },
    };
  },
});

export default qualitativeScoreInTier;
