import { indicatorValueReadable } from "../../src/core/rules/indicator-value-readable";
import { ruleTester } from "../helpers/rule-tester";
import { scoreBook, withIndicator } from "../core/scoring/score-workbook";
import { fmt } from "../helpers/workbook-builder";

ruleTester.run(indicatorValueReadable, {
  valid: [
    { name: "values with units", workbook: scoreBook() },
    { name: "万人 against 人 converts", workbook: scoreBook({ indicators: withIndicator(0, 5, "239000人") }) },
    { name: "≥95% against a percent-formatted 0.96", workbook: scoreBook({ indicators: withIndicator(1, 5, fmt(0.96, "0%")) }) },
    { name: "≥95% against a bare 96 (percentage points)", workbook: scoreBook({ indicators: withIndicator(1, 5, 96) }) },
    // Blank values are required-field's findings (blankActual / blankTarget): one finding per problem.
    { name: "a blank 完成值 is left to required-field", workbook: scoreBook({ indicators: withIndicator(0, 5, "") }) },
    { name: "a blank 指标值 (direction ≥) is left to required-field", workbook: scoreBook({ indicators: withIndicator(0, 4, "") }) },
  ],
  invalid: [
    {
      name: "a 定量 完成值 written in words",
      workbook: scoreBook({ indicators: withIndicator(0, 5, "已完成") }),
      errors: [{ messageId: "unreadableActual", ref: "自评表!F11", field: "jx_indicators.actual" }],
    },
    {
      name: "万人 against 万元",
      workbook: scoreBook({ indicators: withIndicator(0, 5, "23.9万元") }),
      errors: [{ messageId: "unitMismatch", ref: "自评表!F11" }],
    },
    {
      name: "a 定量 target in words",
      workbook: scoreBook({ indicators: withIndicator(0, 4, "大幅提高") }),
      errors: [{ messageId: "unreadableTarget", ref: "自评表!E11", field: "jx_indicators.target" }],
    },
    {
      name: "5% against a bare 0.5",
      workbook: scoreBook({ indicators: withIndicator(1, 4, "≥5%").map((r, i) => (i === 1 ? r.map((c, j) => (j === 5 ? 0.5 : c)) : r)) }),
      errors: [{ messageId: "ambiguousPercent", ref: "自评表!F12" }],
    },
  ],
});
