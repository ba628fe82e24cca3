/**
 * date-in-amount — a money or rate cell with a date or time number format. Excel turns what a clerk types
 * into such a cell into a date (`1.1` becomes 1月1日, stored as the serial number 45292), and the cell
 * shows a date while every sum reads the serial number. jixiao reads the number too, so the figure is
 * almost certainly not what the clerk meant: it is reported, with the number actually stored.
 */
import { defineRule } from "../engine/types";
import { isDateFormat, showStored } from "../units";
import { oddFigures } from "./lib/numeric-cells";

/** Message ids of date-in-amount. */
export type MessageId = "dateInMoney" | "dateInRate";

/** Money and rate cells formatted as dates or times. */
export const dateInAmount = defineRule<MessageId>({
  id: "date-in-amount",
  meta: {
    type: "problem",
    docs: { description: "金额和比率单元格不应设置为日期或时间格式（否则输入的数字会变成日期）。", recommended: true },
    messages: {
      dateInMoney: "{{what}}设置成了日期格式（{{format}}），单元格显示为日期，实际保存的数值是 {{value}}；请改为数值格式并重新填写金额。",
      dateInRate: "{{what}}设置成了日期格式（{{format}}），单元格显示为日期，实际保存的数值是 {{value}}；请改为百分比格式并重新填写比率。",
    },
  },
  create(context) {
    return {
      workbook() {
        // A workbook has a handful of number formats over thousands of cells: each is judged once.
        const dateFormat = new Map<string, boolean>();
        // Only the figures that are not plain numbers (rules/lib/numeric-cells.ts): a date-formatted one is among them.
        for (const { bound, field: f } of oddFigures(context.model)) {
          const cell = bound.cell;
          if (f.kind === "number" || !cell || typeof cell.value !== "number" || !cell.numberFormat) continue;
          let isDate = dateFormat.get(cell.numberFormat);
          if (isDate === undefined) dateFormat.set(cell.numberFormat, (isDate = isDateFormat(cell.numberFormat)));
          if (!isDate) continue;
          const value = showStored(cell.value);
          context.report({
            at: bound.ref,
            messageId: f.kind === "rate" ? "dateInRate" : "dateInMoney",
            field: f.field,
            data: { what: f.what, format: cell.numberFormat, value },
            actual: cell.value,
          });
        }
      },
    };
  },
});

export default dateInAmount;
