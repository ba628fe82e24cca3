/**
 * number-out-of-range — a figure no 自评表 can hold: infinite, not a number, or 10¹⁵ or more in absolute
 * value (a money cell of 1E+20, a rate of 1E+308). Such a value is usually a paste or formula accident; it
 * is reported here, once, and every other rule reads the cell as unreadable instead of printing "应为
 * Infinity" or a 300-digit quotient.
 */
import { defineRule } from "../engine/types";
import { isAbnormalNumber } from "../units";
import { oddFigures } from "./lib/numeric-cells";

/** Message ids of number-out-of-range. */
export type MessageId = "abnormal";

/** The value as Excel's General format shows it: `1E+20`, `-1.5E+308`; 无穷大 / 非数字 otherwise. */
export function showAbnormal(value: number): string {
  if (Number.isNaN(value)) return "非数字";
  if (!Number.isFinite(value)) return value > 0 ? "正无穷大" : "负无穷大";
  const [mantissa, exponent] = value.toExponential(2).split("e");
  return `${mantissa.replace(/\.?0+$/, "")}E${exponent.startsWith("-") ? exponent : `+${exponent.replace(/^\+/, "")}`}`;
}

/** Figures outside any range a budget, rate or score can take. */
export const numberOutOfRange = defineRule<MessageId>({
  id: "number-out-of-range",
  meta: {
    type: "problem",
    docs: { description: "金额、比率、分值等单元格的数值不得为无穷大、非数字或超过 10 的 15 次方（数值异常）。", recommended: true },
    messages: {
      abnormal: "{{what}}的数值异常（{{shown}}）：超出任何预算金额、比率或分值的合理范围，相关检查已跳过；请核对后重新填写。",
    },
  },
  create(context) {
    return {
      workbook() {
        // Only the figures that are not plain numbers (rules/lib/numeric-cells.ts): an abnormal one is among them.
        for (const { bound, field: f } of oddFigures(context.model)) {
          const v = bound.cell?.value;
          if (typeof v !== "number" || !isAbnormalNumber(v)) continue;
          const shown = showAbnormal(v);
          context.report({ at: bound.ref, messageId: "abnormal", field: f.field, data: { what: f.what, shown }, actual: shown });
        }
      },
    };
  },
});

export default numberOutOfRange;
