import { groupWeightsMatchProfile } from "../../src/core/rules/group-weights-match-profile";
import { SICHUAN } from "../../src/core/scoring/profiles";
import { ruleTester } from "../helpers/rule-tester";
import { scoreBook, withIndicator } from "../core/scoring/score-workbook";

ruleTester.run(groupWeightsMatchProfile, {
  valid: [
    { name: "national 10 / 50 / 30 / 10", workbook: scoreBook() },
    { name: "四川: 10 plus 90 for all indicators", workbook: scoreBook(), profile: SICHUAN },
  ],
  invalid: [
    {
      name: "湖北 (chosen by jx_profile) wants 预算执行 20 and 产出 40",
      workbook: scoreBook({ profile: "湖北" }),
      errors: [
        { messageId: "execWeight", ref: "自评表!B4", expected: 20 },
        { messageId: "groupWeight", ref: "自评表!G11", expected: 40 },
      ],
    },
    {
      // Weights moved between groups, still totalling 100 (no 得分汇总 to say otherwise). A single 分值 off
      // that breaks the total is weights-sum's finding at that 分值 (scoring/settle.ts), not this one.
      name: "产出 weighted 55 and 效益 25 nationally",
      workbook: scoreBook({ indicators: withIndicator(0, 6, 15).map((r, i) => (i === 4 ? r.map((c, j) => (j === 6 ? 10 : j === 7 ? 10 : c)) : r)), summary: null }),
      errors: [
        { messageId: "groupWeight", ref: "自评表!G11", field: "jx_indicators.weight", expected: 50 },
        { messageId: "groupWeight", ref: "自评表!G15", field: "jx_indicators.weight", expected: 30 },
      ],
    },
  ],
});
