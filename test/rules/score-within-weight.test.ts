import { scoreWithinWeight } from "../../src/core/rules/score-within-weight";
import { ruleTester } from "../helpers/rule-tester";
import { SUMMARY, scoreBook, withIndicator } from "../core/scoring/score-workbook";

ruleTester.run(scoreWithinWeight, {
  valid: [
    { name: "every score within its weight", workbook: scoreBook() },
    { name: "a score equal to its weight, and 0", workbook: scoreBook({ indicators: withIndicator(3, 7, 0) }) },
  ],
  invalid: [
    {
      name: "an indicator scored above its weight",
      workbook: scoreBook({ indicators: withIndicator(0, 7, 12) }),
      errors: [{ messageId: "aboveWeight", ref: "自评表!H11", field: "jx_indicators.score", expected: 10 }],
    },
    {
      name: "a negative indicator score",
      workbook: scoreBook({ indicators: withIndicator(1, 7, -1) }),
      errors: [{ messageId: "negative", ref: "自评表!H12", expected: 0 }],
    },
    {
      name: "预算执行率得分 above its 分值",
      workbook: scoreBook({ scalars: { jx_exec_score: 12 } }),
      errors: [{ messageId: "aboveWeight", ref: "自评表!B5", field: "jx_exec_score", expected: 10 }],
    },
    {
      name: "a summary row above its 分值",
      workbook: scoreBook({ summary: SUMMARY.map((r, i) => (i === 1 ? ["产出指标", 50, 55] : r)) }),
      errors: [{ messageId: "aboveWeight", ref: "得分汇总!C3", field: "jx_score_summary.score" }],
    },
  ],
});
