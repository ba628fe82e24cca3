import { indicatorScoreMatches } from "../../src/core/rules/indicator-score-matches";
import { NATIONAL } from "../../src/core/scoring/profiles";
import { ruleTester } from "../helpers/rule-tester";
import { scoreBook, withIndicator } from "../core/scoring/score-workbook";

ruleTester.run(indicatorScoreMatches, {
  valid: [
    { name: "every 定量 score follows the formula", workbook: scoreBook() },
    { name: "定性 scores are not computed", workbook: scoreBook({ indicators: withIndicator(2, 7, 9) }) },
    // The 预算执行率得分 is total-score-matches' (an error), not a warning here as well.
    { name: "a wrong 预算执行率得分 is not reported here", workbook: scoreBook({ scalars: { jx_exec_score: 10 } }) },
  ],
  invalid: [
    {
      name: "反向 成本 scored 14 instead of 14.32",
      workbook: scoreBook({ indicators: withIndicator(3, 7, 14) }),
      errors: [{ messageId: "scoreDiffers", ref: "自评表!H14", field: "jx_indicators.score", expected: 14.32 }],
    },
    {
      name: "正向 met (23.9万人 ≥ 23万人) but scored 9",
      workbook: scoreBook({ indicators: withIndicator(0, 7, 9) }),
      errors: [{ messageId: "scoreDiffers", ref: "自评表!H11", expected: 10 }],
    },
    {
      name: "the A/B worksheet rule gives 14.35",
      workbook: scoreBook(),
      profile: { ...NATIONAL, negative: "inverse-ratio" },
      errors: [{ messageId: "scoreDiffers", ref: "自评表!H14", expected: 14.35 }],
    },
  ],
});
