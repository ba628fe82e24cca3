import { scoreSummaryMatches } from "../../src/core/rules/score-summary-matches";
import { ruleTester } from "../helpers/rule-tester";
import { SUMMARY, scoreBook } from "../core/scoring/score-workbook";

const summaryWith = (index: number, row: (string | number)[]) => SUMMARY.map((r, i) => (i === index ? row : r));

ruleTester.run(scoreSummaryMatches, {
  valid: [
    { name: "every summary row adds up", workbook: scoreBook() },
    {
      name: "一级 and 二级 rows that add up",
      workbook: scoreBook({
        summaryHeader: ["一级指标", "二级指标", "分值", "得分"],
        summary: [
          ["产出指标", "", 50, 49.32],
          ["", "数量指标", 10, 10],
          ["", "成本指标", 15, 14.32],
          ["合计", "", 100, 99.29],
        ],
      }),
    },
  ],
  invalid: [
    {
      name: "产出 subtotal 50 over indicators that add to 49.32",
      workbook: scoreBook({ summary: summaryWith(1, ["产出指标", 50, 50]) }),
      errors: [{ messageId: "subtotalMismatch", ref: "得分汇总!C3", field: "jx_score_summary.score", expected: 49.32 }],
    },
    {
      name: "预算执行率 row differs from jx_exec_score",
      workbook: scoreBook({ summary: summaryWith(0, ["预算执行率", 10, 10]) }),
      errors: [{ messageId: "execMismatch", ref: "得分汇总!C2", expected: 9.97 }],
    },
    {
      name: "产出 分值 45 over indicator weights of 50",
      workbook: scoreBook({ summary: summaryWith(1, ["产出指标", 45, 49.32]) }),
      errors: [{ messageId: "weightMismatch", ref: "得分汇总!B3", field: "jx_score_summary.weight", expected: 50 }],
    },
    {
      name: "a 二级 row and the 合计 row that do not add up",
      workbook: scoreBook({
        summaryHeader: ["一级指标", "二级指标", "分值", "得分"],
        summary: [
          ["产出指标", "", 50, 49.32],
          ["", "成本指标", 15, 14],
          ["合计", "", 100, 100],
        ],
      }),
      errors: [
        { messageId: "subtotalMismatch", ref: "得分汇总!D3", expected: 14.32 },
        { messageId: "totalRowMismatch", ref: "得分汇总!D4", expected: 99.29 },
      ],
    },
  ],
});
