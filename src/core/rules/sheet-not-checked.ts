/**
 * sheet-not-checked — the sheets a check leaves out (ReportModel.skipped) are named once each, so that an
 * all-clear never passes over them in silence: a hidden sheet holding a form or a table of the report
 * (last year's sheet hidden rather than deleted), and a visible copy of an earlier year's form beside this
 * year's form of the same kind (`2022年自评表`). Notes, not errors: nothing on those sheets is wrong for
 * this year's report. A hidden sheet of drop-down lists or notes, and the add-in's own jx_ sheets, are not
 * mentioned.
 */
import { defineRule } from "../engine/types";

/** Message ids of sheet-not-checked. */
export type MessageId = "hiddenSheet" | "earlierYear";

/** Each skipped sheet that holds a form or a table of the report is noted once. */
export const sheetNotChecked = defineRule<MessageId>({
  id: "sheet-not-checked",
  meta: {
    type: "layout",
    docs: { description: "隐藏的工作表、以及已有本年度同一张表时往年的表不参加检查，各提示一次（不是错误）。", recommended: true },
    messages: {
      "hiddenSheet": "已跳过隐藏工作表「{{sheet}}」：隐藏的表不参加检查；如果它是本次要报送的表，请取消隐藏后再检查。",
      "earlierYear": "「{{sheet}}」是{{year}}年度的表，未检查（本报表是{{reportYear}}年度的）；如果它就是本年度的表，请把表中的年份改为{{reportYear}}年。",
    },
  },
  create(context) {
    return {
      workbook() {
        for (const s of context.model.skipped ?? []) {
          if (!s.holdsReport) continue;
          if (s.reason === "hidden") {
            context.report({ at: { sheet: s.sheet, address: "A1" }, messageId: "hiddenSheet", data: { sheet: s.sheet } });
          } else {
            context.report({
              at: s.at ?? { sheet: s.sheet, address: "A1" },
              messageId: "earlierYear",
              data: { sheet: s.sheet, year: s.year ?? "", reportYear: s.reportYear ?? "" },
              ...(s.year !== undefined ? { actual: `${s.year}年` } : {}),
              ...(s.reportYear !== undefined ? { expected: `${s.reportYear}年` } : {}),
            });
          }
        }
      },
    };
  },
});

export default sheetNotChecked;
