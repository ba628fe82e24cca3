import { proseRateMatches } from "../../src/core/rules/prose-rate-matches";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";

// Seed 002 (区医保局 2024), verbatim.
const seed002 =
  "年初设定的数量指标为城乡居民基本医疗保险完成参保任务数23万人。截至2024年6月底，完成参保任务数23.9万人，高于年初设定参保人数0.9万人，完成率为107.5%，得分9分。";

ruleTester.run(proseRateMatches, {
  valid: [
    { name: "the actual is the value written as 完成, not a later sub-count", workbook: proseWorkbook({ achievements: "年初目标41万人。实际完成42.5万人，其中新增2万人，完成率103.66%。" }) },
    { name: "seed 002: 预算执行率99.74% from the sentence's amounts", workbook: proseWorkbook({ achievements: "2024年，区医保局全年预算安排1711.75万元，全年执行1707.31万元，预算执行率99.74%，得分9.97分。" }) },
    { name: "seed 002 corrected: 103.9%", workbook: proseWorkbook({ achievements: seed002.replace("107.5%", "103.9%") }) },
    { name: "预算执行率 without amounts is read against the scalars (30803.13 / 31000)", workbook: proseWorkbook({ problems: "预算执行率为99.36%，部分项目序时支付。" }) },
    { name: "a percent target and actual", workbook: proseWorkbook({ achievements: "年初设定的质量指标为参保率≥95%，实际完成94.5%，完成率为99.47%。" }) },
    { name: "参保率 is not a completion rate", workbook: proseWorkbook({ achievements: "参保缴费23.9万人，完成参保率107.5%。" }) },
  ],
  invalid: [
    {
      name: "seed 002: 完成率107.5% for 23.9 of 23 (target in the sentence before)",
      workbook: proseWorkbook({ achievements: seed002 }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "103.9%" }],
    },
    {
      name: "预算执行率 against the sentence's amounts",
      workbook: proseWorkbook({ problems: "全年预算数1711.75万元，全年执行数1707.31万元，预算执行率为97.74%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B18", expected: "99.74%" }],
    },
    {
      name: "预算执行率 against the workbook's scalars",
      workbook: proseWorkbook({ measures: "本年度预算执行率为98.36%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B19", field: "jx_measures", expected: "99.36%" }],
    },
  ],
});
