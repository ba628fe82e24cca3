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
      // The headlines add up to 99.29 as well: one disagreement, reported once.
      errors: [{ messageId: "totalMismatch", ref: "自评表!B6", field: "jx_score_total", expected: 99.29 }],
    },
    {
      name: "no 预算执行率 at all (seed 000): the total is the indicators' sum, reported once",
      workbook: scoreBook({
        scalars: { jx_budget_adjusted: "", jx_executed: "", jx_exec_rate: "", jx_exec_weight: "", jx_exec_score: "", jx_score_total: 96 },
        summary: [
          ["产出指标", 50, 49.32],
          ["效益指标", 30, 30],
          ["满意度指标", 10, 10],
        ],
      }),
      errors: [{ messageId: "totalMismatch", ref: "自评表!B6", expected: 89.32 }],
    },
    {
      name: "the summary's headline rows add to 99.97, not the total 99.29",
      workbook: scoreBook({ summary: SUMMARY.map((r, i) => (i === 1 ? ["产出指标", 50, 50] : r)) }),
      errors: [{ messageId: "summaryMismatch", ref: "自评表!B6", expected: 99.97 }],
    },
  ],
});
