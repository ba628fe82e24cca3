/**
 * indicator-reason-required — an indicator not achieved (its 实际完成值 short of the 年度指标值, or a
 * 定性 value below 达成) must say why in its 偏差原因分析 / 未完成原因分析 cell: the national and 四川
 * forms both ask for it, and a reviewer sends the form back when the column is empty.
 */
import { defineRule } from "../engine/types";
import { scoresFor } from "../scoring/score";

/** Message ids of indicator-reason-required. */
export type MessageId = "reasonMissing" | "reasonPlaceholder";

/**
 * What clerks write in a cell that does not apply (“—”, “/”, “-”, “无”, “不适用”): in the reason of an
 * indicator met, fine; in the reason of one NOT met, no reason at all.
 */
const PLACEHOLDER = /^\s*(?:[—\-－–/／\\]+|无|不适用)\s*$/;

/** A not-achieved indicator has its reason written. */
export const indicatorReasonRequired = defineRule<MessageId>({
  id: "indicator-reason-required",
  meta: {
    type: "problem",
    docs: { description: "未完成年度指标值的指标，应在偏差原因分析（未完成原因分析）栏写明原因。", recommended: true },
    messages: {
      "reasonMissing": "指标“{{indicator}}”未达成（{{how}}），但{{column}}栏为空；请写明未完成的原因和改进措施。",
      "reasonPlaceholder": "指标“{{indicator}}”未达成（{{how}}），但{{column}}栏只填了“{{written}}”；请写明未完成的原因和改进措施。",
    },
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const table = model.tables.jx_indicators;
        const column = table?.columns.find((c) => c.key === "reason");
        if (!table || !column) return;
        const rows = new Map(table.rows.map((r) => [r.row, r]));
        for (const ind of scoresFor(model, context.profile).indicators) {
          const row = rows.get(ind.row);
          const reason = row?.cells.reason;
          if (!reason) continue;
          const written = reason.cell ? reason.cell.value : undefined;
          const placeholder = typeof written === "string" && PLACEHOLDER.test(written);
          if (reason.cell && !placeholder) continue;
          let how: string | undefined;
          if (ind.met === false) how = `实际完成值 ${ind.actual.raw}，年度指标值 ${ind.target.raw}`;
          else if (ind.tier && ind.tier !== context.profile.qualitativeTiers[0]) how = `完成情况为“${ind.actual.raw}”`;
          else if (ind.late) how = `完成时间“${ind.actual.raw}”晚于“${ind.target.raw}”`;
          if (!how) continue;
          context.report({
            at: reason.ref,
            messageId: placeholder ? "reasonPlaceholder" : "reasonMissing",
            field: "jx_indicators.reason",
            data: { indicator: ind.level3 || ind.level2, how, column: column.header.replace(/\s+/g, "") || "偏差原因分析", ...(placeholder ? { written: String(written).trim() } : {}) },
          });
        }
      },
    };
  },
});

export default indicatorReasonRequired;
