import { qualitativeScoreInTier } from "../../src/core/rules/qualitative-score-in-tier";
import { HUBEI } from "../../src/core/scoring/profiles";
import { ruleTester } from "../helpers/rule-tester";
import { INDICATORS, scoreBook } from "../core/scoring/score-workbook";
import type { TestCell } from "../helpers/workbook-builder";

/** Row 13 (时效, 定性, 分值 10) with this 完成值 and 得分. */
const timely = (actual: TestCell, score: TestCell) =>
  INDICATORS.map((r, i) => (i === 2 ? [r[0], r[1], r[2], r[3], r[4], actual, r[6], score, r[8]] : [...r]));

ruleTester.run(qualitativeScoreInTier, {
  valid: [
    { name: "达成 scored 10 of 10", workbook: scoreBook() },
    { name: "达成 scored 8 (80% included)", workbook: scoreBook({ indicators: timely("达成年度指标", 8) }) },
    { name: "部分达成 scored 6", workbook: scoreBook({ indicators: timely("部分达成年度指标并具有一定效果", 6) }) },
    { name: "湖北: 部分达成 scored 5.5 (80–50)", workbook: scoreBook({ indicators: timely("部分达成", 5.5) }), profile: HUBEI },
  ],
  invalid: [
    {
      name: "达成 scored 7",
      workbook: scoreBook({ indicators: timely("达成年度指标", 7) }),
      errors: [{ messageId: "outsideTier", ref: "自评表!H13", field: "jx_indicators.score", expected: "8–10" }],
    },
    {
      name: "部分达成 scored 8 (80% excluded)",
      workbook: scoreBook({ indicators: timely("部分达成", 8) }),
      errors: [{ messageId: "outsideTier", ref: "自评表!H13", expected: "6–8" }],
    },
    {
      name: "未达成 scored 6",
      workbook: scoreBook({ indicators: timely("未达成年度指标且效果较差", 6) }),
      errors: [{ messageId: "outsideTier", ref: "自评表!H13", expected: "0–6" }],
    },
    {
      name: "national: 部分达成 scored 5.5",
      workbook: scoreBook({ indicators: timely("部分达成", 5.5) }),
      errors: [{ messageId: "outsideTier", ref: "自评表!H13" }],
    },
    {
      name: "a 完成值 that names no tier",
      workbook: scoreBook({ indicators: timely("按时上解", 10) }),
      errors: [{ messageId: "noTier", ref: "自评表!F13", field: "jx_indicators.actual" }],
    },
  ],
});
