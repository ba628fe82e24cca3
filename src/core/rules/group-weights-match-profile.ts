/**
 * group-weights-match-profile — the 分值 of each 一级 group (产出 50, 效益 30, 满意度 10, 预算执行率
 * 10 nationally; 湖北 20/40/40; 四川 10 + 90) match the profile. Weights may be adjusted, so this is
 * advice, not an error (../shared/domain.md §1).
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { scoresFor } from "../scoring/score";

/** Message ids of group-weights-match-profile. */
export type MessageId = "groupWeight" | "execWeight";

/** Each 一级 group's 分值 matches the scoring profile. */
export const groupWeightsMatchProfile = defineRule<MessageId>({
  id: "group-weights-match-profile",
  meta: {
    type: "suggestion",
    docs: { description: "各一级指标的分值合计宜与评分规则（如产出50、效益30、满意度10、预算执行率10）一致。", recommended: true },
    messages: {
      "groupWeight": "“{{group}}”各指标分值合计 {{weight}}，“{{profile}}”规定为 {{expected}}；如有调整请说明理由。",
      "execWeight": "预算执行率分值为 {{weight}}，“{{profile}}”规定为 {{expected}}。",
    },
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const p = context.profile;
        const execWeight = context.model.scalars.jx_exec_weight;
        const execAt = execWeight?.cell !== undefined ? execWeight.ref : r.execRow?.weight !== undefined ? r.execRow.weightRef : undefined;
        if (execAt && Math.abs(r.execWeight - p.execWeight) > 1e-6) {
          context.report({
            at: execAt,
            messageId: "execWeight",
            field: "jx_exec_weight",
            data: { weight: showNumber(r.execWeight), profile: p.name, expected: showNumber(p.execWeight) },
            expected: p.execWeight,
            actual: r.execWeight,
          });
        }
        // Indicators grouped by a scheme the profile does not know (投入 / 过程 / 产出 / 效益 of the 部门整体
        // framework, 财预〔2013〕53号): the profile's split of the points does not apply to its groups.
        if (r.otherGroups?.length) return;
        for (const g of r.profileGroups) {
          // A group with no indicator at all is a layout question (its points may move to the others).
          if (!g.at || g.indicatorRows.length === 0 || Math.abs(g.weight - g.profileWeight) < 1e-6) continue;
          context.report({
            at: g.at,
            messageId: "groupWeight",
            field: "jx_indicators.weight",
            data: { group: g.group, weight: showNumber(g.weight), profile: p.name, expected: showNumber(g.profileWeight) },
            expected: g.profileWeight,
            actual: g.weight,
          });
        }
      },
    };
  },
});

export default groupWeightsMatchProfile;
