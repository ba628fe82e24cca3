/**
 * exec-reason-required — when the 预算执行率 is below the profile's threshold (90%), a reason for the
 * shortfall must be written: 四川 requires it [S12], and reviewers ask for it everywhere. The reason
 * is looked for in the 偏差原因 column of a 预算执行率 row of jx_indicators, else in the 存在的主要问题
 * text (jx_problems), which must then speak of the budget's execution.
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { scoresFor } from "../scoring/score";
import { proseCells } from "../narrative/prose-cells";
import { roundTo } from "../units";

/** Message ids of exec-reason-required. */
export type MessageId = "reasonMissing";

/** Words that show a text explains the execution (执行, 支付进度, 结余 …). */
const ABOUT_EXECUTION = /执行|支付|进度|结余|结转|未支出|未使用|拨付|序时/;

/** 执行率 below the threshold needs a written reason. */
export const execReasonRequired = defineRule<MessageId>({
  id: "exec-reason-required",
  meta: {
    type: "suggestion",
    docs: { description: "预算执行率低于规定比例（通常为 90%）时，应写明偏差原因。", recommended: true },
    messages: {
      "reasonMissing": "预算执行率 {{rate}} 低于 {{limit}}，但没有写明未执行的原因（偏差原因分析或存在的主要问题中应说明）。",
    },
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const limit = context.profile.execReasonBelow;
        if (r.execRate === undefined || r.execRate >= limit - 1e-12) return;
        if (r.execRow?.reason) return;
        const problems = context.model.scalars.jx_problems?.cell?.value;
        if (typeof problems === "string" && ABOUT_EXECUTION.test(problems)) return;
        // A form's own words: an indicator's 偏差原因 or the report's text that speaks of the execution
        // (结转到下年度, 尚未支付 …) is the reason.
        const reasons = (context.model.tables.jx_indicators?.rows ?? []).map((row) => row.cells.reason?.cell?.value);
        if (context.model.form && [...reasons, ...proseCells(context.model).map((c) => c.text)].some((t) => typeof t === "string" && ABOUT_EXECUTION.test(t) && /结转|未|尚|延|推迟|滞后|下年|次年|原因/.test(t))) return;
        const s = context.model.scalars;
        const at = r.execRow?.reasonRef ?? s.jx_exec_rate?.ref ?? s.jx_executed?.ref ?? s.jx_problems?.ref;
        if (!at) return;
        const field = r.execRow?.reasonRef ? "jx_indicators.reason" : s.jx_exec_rate ? "jx_exec_rate" : s.jx_executed ? "jx_executed" : "jx_problems";
        context.report({
          at,
          messageId: "reasonMissing",
          field,
          data: { rate: showNumber(roundTo(r.execRate, 4), true), limit: showNumber(limit, true) },
          actual: roundTo(r.execRate, 4),
        });
      },
    };
  },
});

export default execReasonRequired;
