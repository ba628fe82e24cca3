import { totalScoreMatches } from "../../src/core/rules/total-score-matches";
import { ruleTester } from "../helpers/rule-tester";
import { INDICATORS, SUMMARY, scoreBook } from "../core/scoring/score-workbook";

ruleTester.run(totalScoreMatches, {
  valid: [
    { name: "99.29 = 9.97 + 89.32, and the summary agrees", workbook: scoreBook() },
    { name: "no summary table", workbook: scoreBook({ summary: null }) },
    { name: "no total written (fill's job)", workbook: scoreBook({ scalars: { jx_score_total: "" } }) },
    {
      // 17073100 is 1707.31 万元 typed in 元: no-unit-mistake's finding; the right 9.97 is scored on the corrected amount.
      name: "全年执行数 typed in 元: the right 预算执行率得分 9.97 and total are not questioned",
      workbook: scoreBook({ scalars: { jx_executed: 17073100 } }),
    },
    {
      // 效益 28 where its indicators give 30 is score-summary-matches' finding; the total 99.29 is right.
      name: "a wrong 得分汇总 row does not make the right total wrong",
      workbook: scoreBook({ summary: SUMMARY.map((r, i) => (i === 2 ? ["效益指标", 30, 28] : r)) }),
    },
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
      errors: [{ messageId: "totalMismatchNoExec", ref: "自评表!B6", expected: 89.32 }],
    },
    {
      name: "预算执行率得分 10 for 99.74%: an error at that cell; the total 99.29 (9.97 + 89.32) is right",
      workbook: scoreBook({ scalars: { jx_exec_score: 10 } }),
      errors: [{ messageId: "execScoreMismatch", ref: "自评表!B5", field: "jx_exec_score", expected: 9.97 }],
    },
    {
      // The total agrees with the cells as written: the cause is the 预算执行率得分 alone, and its fix
      // corrects the total with it (issue 9, kind 3).
      name: "预算执行率得分 9.79 carried into the total 99.11: one finding, at the score, whose fix corrects both",
      workbook: scoreBook({ scalars: { jx_exec_score: 9.79, jx_score_total: 99.11 } }),
      errors: [{ messageId: "execScoreMismatch", ref: "自评表!B5", expected: 9.97 }],
    },
    {
      name: "预算执行率得分 9.79 and a total that adds up with neither: both cells are wrong",
      workbook: scoreBook({ scalars: { jx_exec_score: 9.79, jx_score_total: 98 } }),
      errors: [
        { messageId: "execScoreMismatch", ref: "自评表!B5", expected: 9.97 },
        { messageId: "totalMismatch", ref: "自评表!B6", expected: 99.29 },
      ],
    },
    {
      name: "全年执行数 typed in 元 and 预算执行率得分 10: judged on the corrected amount (9.97), not the slipped one",
      workbook: scoreBook({ scalars: { jx_executed: 17073100, jx_exec_score: 10 } }),
      errors: [{ messageId: "execScoreMismatch", ref: "自评表!B5", field: "jx_exec_score", expected: 9.97 }],
    },
    {
      name: "an indicator score unknown (定量 完成值 in words): the total is held to the summary's headline rows",
      workbook: scoreBook({
        indicators: INDICATORS.map((r, i) => (i === 0 ? r.map((c, j) => (j === 5 ? "已完成" : j === 7 ? "" : c)) : r)),
        summary: SUMMARY.map((r, i) => (i === 1 ? ["产出指标", 50, 50] : r)),
      }),
      errors: [{ messageId: "summaryMismatch", ref: "自评表!B6", expected: 99.97 }],
    },
  ],
});
