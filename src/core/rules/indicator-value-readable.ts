/**
 * indicator-value-readable — a 定量 indicator's 年度指标值 and 实际完成值 are numbers in units that
 * can be compared (23万人 with 23.9万人 or 239000人; 95% with 0.96). The platform rejects a non-numeric
 * 定量 完成值 [S4]; a unit that cannot be reconciled (万人 against 万元) is reported, never guessed.
 */
import { defineRule } from "../engine/types";
import { scoresFor } from "../scoring/score";

/** Message ids of indicator-value-readable. */
export type MessageId = "missingTarget" | "missingActual" | "unreadableTarget" | "unreadableActual" | "unitMismatch" | "ambiguousPercent";

/** 定量 values are readable and comparable. */
export const indicatorValueReadable = defineRule<MessageId>({
  id: "indicator-value-readable",
  meta: {
    type: "problem",
    docs: { description: "定量指标的年度指标值和实际完成值应为可比较的数值（单位一致或可换算）。", recommended: true },
    messages: {
      "missingTarget": "定量指标“{{item}}”没有填写年度指标值，无法计算得分。",
      "missingActual": "定量指标“{{item}}”没有填写实际完成值，无法计算得分。",
      "unreadableTarget": "定量指标“{{item}}”的年度指标值“{{text}}”不是数值，无法计算得分；请写成如“≥95%”“23万人”。",
      "unreadableActual": "定量指标“{{item}}”的实际完成值“{{text}}”不是数值，无法计算得分；定量指标的完成值须为数值。",
      "unitMismatch": "定量指标“{{item}}”的指标值与完成值单位不一致（{{units}}），无法换算比较。",
      "ambiguousPercent": "定量指标“{{item}}”的指标值与完成值（{{units}}）一个是百分数、一个是普通数，无法确定是否同一口径。",
    },
  },
  create(context) {
    const ids = {
      "missing-target": "missingTarget",
      "missing-actual": "missingActual",
      "unreadable-target": "unreadableTarget",
      "unreadable-actual": "unreadableActual",
      "unit-mismatch": "unitMismatch",
      "ambiguous-percent": "ambiguousPercent",
    } as const;
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        for (const ind of r.indicators) {
          const p = ind.problem;
          if (!p || !p.at) continue;
          // A blank value is required-field's finding (blankTarget / blankActual): one finding per problem.
          if (p.code === "missing-target" || p.code === "missing-actual") continue;
          const onTarget = p.code === "unreadable-target";
          context.report({
            at: p.at,
            messageId: ids[p.code],
            field: onTarget ? "jx_indicators.target" : "jx_indicators.actual",
            data: { item: ind.level3 || ind.level2, text: p.detail, units: p.detail },
            actual: p.detail,
          });
        }
      },
    };
  },
});

export default indicatorValueReadable;
