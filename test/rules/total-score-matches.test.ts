import { totalScoreMatches } from "../../src/core/rules/total-score-matches";
import { ruleTester } from "../helpers/rule-tester";
import { SUMMARY, scoreBook } from "../core/scoring/score-workbook";

ruleTester.run(totalScoreMatches, {
  valid: [
    { name: "99.29 = 9.97 + 89.32, and the summary agrees", workbook: scoreBook() },
    { name: "no summary table", workbook: scoreBook({ summary: null }) },
    { name: "no total written (fill's job)", workbook: scoreBook({ scalars: { jx_score_total: "" } }) },
  ],
  invalid: [
    {
      name: "a total that is not 预算执行率 + Σ indicators",
      workbook: scoreBook({ scalars: { jx_score_total: 98 } }),
      errors: [
        { messageId: "totalMismatch", ref: "自评表!B6", field: "jx_score_total", expected: 99.29 },
        { messageId: "summaryMismatch", ref: "自评表!B6", expected: 99.29 },
      ],
    },
    {
      name: "the summary's headline rows add to 99.97, not the total 99.29",
      workbook: scoreBook({ summary: SUMMARY.map((r, i) => (i === 1 ? ["产出指标", 50, 50] : r)) }),
      errors: [{ messageId: "summaryMismatch", ref: "自评表!B6", expected: 99.97 }],
    },
  ],
});
