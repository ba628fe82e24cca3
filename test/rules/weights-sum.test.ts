import { weightsSum } from "../../src/core/rules/weights-sum";
import { HUBEI } from "../../src/core/scoring/profiles";
import { ruleTester } from "../helpers/rule-tester";
import { scoreBook, withIndicator } from "../core/scoring/score-workbook";

ruleTester.run(weightsSum, {
  valid: [
    { name: "10 + 90 = 100", workbook: scoreBook() },
    { name: "no 预算执行率分值 cell: the profile's 10 + 90", workbook: scoreBook({ scalars: { jx_exec_weight: "" } }) },
  ],
  invalid: [
    {
      // The 得分汇总 says 产出 50: of the 产出 weights only the first, lowered back to 10, makes every
      // weight total hold (the others would fall below their 得分) — the finding is at it, with its value.
      name: "one 产出 weight of 12 for 10, the 得分汇总 saying 产出 50",
      workbook: scoreBook({ indicators: withIndicator(0, 6, 12) }),
      errors: [{ messageId: "weightCause", ref: "自评表!G11", field: "jx_indicators.weight", expected: 10, fix: { "自评表!G11": 10 } }],
    },
    {
      // Without a 得分汇总 any indicator could take the missing half point, but not the 预算执行率 分值 (its
      // 得分 9.97 is min(99.74%, 1) × 10): the total's finding is at the first indicator 分值 that could be it.
      name: "indicator weights that add to 99.5, no 得分汇总",
      workbook: scoreBook({ indicators: withIndicator(3, 6, 14.5), summary: null }),
      errors: [{ messageId: "totalMismatch", ref: "自评表!G11", field: "jx_indicators.weight", expected: 100 }],
    },
    {
      name: "湖北 gives 预算执行 20, so 90 points of indicators make 110",
      workbook: scoreBook({ scalars: { jx_exec_weight: "" } }),
      profile: HUBEI,
      errors: [{ messageId: "totalMismatch", ref: "自评表!G11", field: "jx_indicators.weight", expected: 100 }],
    },
    {
      name: "no 预算执行率 at all: the indicators alone must make 100",
      workbook: scoreBook({
        scalars: { jx_budget_adjusted: "", jx_executed: "", jx_exec_rate: "", jx_exec_weight: "", jx_exec_score: "" },
        summary: null,
      }),
      errors: [{ messageId: "indicatorsMismatch", ref: "自评表!G11", expected: 100 }],
    },
    {
      name: "an indicator without 分值",
      workbook: scoreBook({ indicators: withIndicator(1, 6, "") }),
      errors: [{ messageId: "missingWeight", ref: "自评表!G12" }],
    },
  ],
});
