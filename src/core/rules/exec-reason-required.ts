/**
 * exec-reason-required — when the 预算执行率 is below the profile's threshold (90%), a reason for the
 * shortfall must be written: 四川 requires it [S12], and reviewers ask for it everywhere. The reason
 * is looked for in the 偏差原因 column of a 预算执行率 row of jx_indicators, else in the 存在的主要问题
 * text (jx_problems), which must then speak of the budget's execution.
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { scoresFor } from "../scoring/score";
import { proseCells, withoutGuidance } from "../narrative/prose-cells";
import { roundTo } from "../units";
import type { CellRef, WorkbookSnapshot } from "../model/snapshot";
import { parseA1, parseArea, toA1 } from "../model/address";

/** Message ids of exec-reason-required. */
export type MessageId = "reasonMissing";

/** Words that show a text explains the execution (执行, 支付进度, 结余 …). */
const ABOUT_EXECUTION = /执行|支付|进度|结余|结转|未支出|未使用|拨付|序时/;

/** A funds block's own 原因 column header (四川: 年初预算 | … | 预算执行率 | 权重 | 得分 | 原因). */
const REASON_HEADER = /^(?:原因|原因说明|偏差原因|未完成原因|执行偏差原因|偏差原因分析)$/;

/**
 * The cell where the funds block wants the reason: right of the 预算执行率 on its row, under a 原因 header
 * one to three rows above (the top-left cell of its merge, where the text goes). Undefined without one.
 */
function reasonCellBeside(snapshot: WorkbookSnapshot, rate: CellRef | undefined): CellRef | undefined {
  if (!rate) return undefined;
  const sheet = snapshot.sheets.find((x) => x.name === rate.sheet);
  if (!sheet) return undefined;
  const at = parseA1(rate.address);
  for (let up = 1; up <= 3; up++) {
    for (let col = at.col + 1; col <= at.col + 8; col++) {
      const v = sheet.cells[toA1({ row: at.row - up, col })]?.value;
      if (typeof v !== "string" || !REASON_HEADER.test(v.replace(/\s+/g, ""))) continue;
      const target = { row: at.row, col };
      for (const m of sheet.merges) {
        const a = parseArea(m);
        if (target.row >= a.start.row && target.row <= a.end.row && col >= a.start.col && col <= a.end.col) return { sheet: rate.sheet, address: toA1(a.start) };
      }
      return { sheet: rate.sheet, address: toA1(target) };
    }
  }
  return undefined;
}

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
        // The template's printed guidance (四川: “…预算执行率未达到90%的需说明原因（100字以内）…”) is no reason.
        // Within one sentence: “预算执行率86.51%；…网办率未达到60%的目标” speaks of the execution and of a
        // shortfall, but not of the execution's shortfall.
        const explains = (t: unknown): boolean =>
          typeof t === "string" &&
          withoutGuidance(t)
            .split(/[。；;！？!?\n]/)
            .some((sentence) => ABOUT_EXECUTION.test(sentence) && /结转|未|尚|延|推迟|滞后|下年|次年|原因/.test(sentence));
        if (context.model.form && [...reasons, ...proseCells(context.model).map((c) => c.text)].some(explains)) return;
        const s = context.model.scalars;
        const at = r.execRow?.reasonRef ?? reasonCellBeside(context.model.snapshot, s.jx_exec_rate?.ref) ?? s.jx_exec_rate?.ref ?? s.jx_executed?.ref ?? s.jx_problems?.ref;
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
