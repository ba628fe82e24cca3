import { proseScoreMatches } from "../../src/core/rules/prose-score-matches";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";

// The workbook's 综合得分 is 97.86 (9.94 + 20 + 14.92 + 15 + 28 + 10) and its 评价等次 优.
ruleTester.run(proseScoreMatches, {
  valid: [
    { name: "the form's score and grade", workbook: proseWorkbook({ achievements: "经自评，2021年度部门整体支出绩效自评综合得分为97.86分，自评结果为“优”。" }) },
    { name: "rounded to one decimal", workbook: proseWorkbook({ achievements: "经自评，综合得分97.9分，评价等次为优秀。" }) },
    { name: "a part's score: an indicator group, the 执行率, a full mark", workbook: proseWorkbook({ achievements: "产出指标（满分50分，实得49.92分）；预算执行率得分9.94分；指标得分合计87.92分。" }) },
    { name: "a subset's grade: 其中7个项目自评为优，1个项目评价等次为良", workbook: proseWorkbook({ achievements: "共9个项目，其中7个项目评价等次为优，1个项目评价等次为良。" }) },
    { name: "another year's grade", workbook: proseWorkbook({ achievements: "2020年度自评等级为良，2021年度综合得分97.86分。" }) },
    { name: "a grading scale, not a statement", workbook: proseWorkbook({ achievements: "评价等级为优、良、中、差四档，综合得分97.86分。" }) },
    { name: "a named project's score in a 部门 report", workbook: proseWorkbook({ achievements: "医疗救助项目自评得分92分，基金监管项目自评得分88分。" }) },
    { name: "the 执行率得分 right after the rate (seed 001)", workbook: proseWorkbook({ achievements: "全年预算安排31000万元，全年执行30803.13万元，预算执行率99.36%，得分9.94分。" }) },
    { name: "the 执行率得分 in a bracket with its full mark", workbook: proseWorkbook({ achievements: "（一）预算执行率（满分10分，实得9.94分）。" }) },
    { name: "an indicator's 得分 after its value", workbook: proseWorkbook({ achievements: "参保人数42.5万人，得分20分；参保群众满意度93%，得分10分。" }) },
    { name: "a 一级指标 group's 得分 (the sum of its indicators)", workbook: proseWorkbook({ achievements: "（一）产出指标（分值50分，得分49.92分）；（二）效益指标（分值30分，得分28分）。" }) },
    { name: "a part's rate and score (其中…): not the form's", workbook: proseWorkbook({ achievements: "其中医疗救助资金预算执行率97.58%，得分9.76分。" }) },
    { name: "another year's 执行率得分", workbook: proseWorkbook({ achievements: "2020年预算执行率95%，得分9.5分。" }) },
    { name: "a scoring rule: 满分10分", workbook: proseWorkbook({ achievements: "预算执行率指标满分10分，得分按执行率计算。" }) },
    { name: "自评得分 after clauses with figures of their own: the form's", workbook: proseWorkbook({ achievements: "共设置绩效指标6个，5个达到年度指标值，自评得分97.86分。" }) },
    { name: "a part named in the clause before the score, which states no figure", workbook: proseWorkbook({ achievements: "共设置绩效指标6个，其中产出指标完成较好，自评得分48分。" }) },
    { name: "no grade in the workbook: nothing to compare", workbook: proseWorkbook({ scalars: { jx_grade: null }, achievements: "自评等级为“良”。" }) },
  ],
  invalid: [
    {
      name: "综合得分95.86分 (form 97.86)",
      workbook: proseWorkbook({ achievements: "经自评，2021年度部门整体支出绩效自评综合得分为95.86分，自评结果为“优”。" }),
      errors: [{ messageId: "scoreMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "97.86分" }],
    },
    {
      name: "预算执行率99.36%，得分9.97分 (form 9.94)",
      workbook: proseWorkbook({ achievements: "全年预算安排31000万元，全年执行30803.13万元，预算执行率99.36%，得分9.97分。" }),
      errors: [{ messageId: "partScoreMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "9.94分" }],
    },
    {
      name: "预算执行率（满分10分，实得9.5分） (form 9.94)",
      workbook: proseWorkbook({ achievements: "（一）预算执行率（满分10分，实得9.5分）。" }),
      errors: [{ messageId: "partScoreMismatch", expected: "9.94分" }],
    },
    {
      name: "预算执行率得分9.5分 (form 9.94)",
      workbook: proseWorkbook({ achievements: "预算执行率得分9.5分；指标得分合计87.92分。" }),
      errors: [{ messageId: "partScoreMismatch", expected: "9.94分" }],
    },
    {
      name: "an indicator's 得分 after its value: 参保人数42.5万人，得分18分 (form 20)",
      workbook: proseWorkbook({ achievements: "参保人数42.5万人，得分18分。" }),
      errors: [{ messageId: "partScoreMismatch", expected: "20分" }],
    },
    {
      name: "a 一级指标 group's 得分: 产出指标（分值50分，得分45分） (indicators 49.92)",
      workbook: proseWorkbook({ achievements: "（一）产出指标（分值50分，得分45分）。" }),
      errors: [{ messageId: "partScoreMismatch", expected: "49.92分" }],
    },
    {
      name: "共设置绩效指标6个，5个达到年度指标值，自评得分95.86分 (form 97.86): the count before is another clause",
      workbook: proseWorkbook({ achievements: "共设置绩效指标6个，5个达到年度指标值，自评得分95.86分。" }),
      errors: [{ messageId: "scoreMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "97.86分" }],
    },
    {
      name: "自评结果为“良” (form 优)",
      workbook: proseWorkbook({ problems: "经自评，综合得分为97.86分，自评结果为“良”。" }),
      errors: [{ messageId: "gradeMismatch", ref: "基本信息!B18", expected: "优" }],
    },
  ],
});
