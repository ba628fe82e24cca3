import { proseScoreMatches } from "../../src/core/rules/prose-score-matches";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";

// The workbook's 综合得分 is 97.86 (9.94 + 20 + 14.92 + 15 + 28 + 10) and its 评价等次 优.
ruleTester.run(proseScoreMatches, {
  valid: [
    { name: "the form's score and grade", workbook: proseWorkbook({ achievements: "经自评，2021年度部门整体支出绩效自评综合得分为97.86分，自评结果为“优”。" }) },
    { name: "rounded to one decimal", workbook: proseWorkbook({ achievements: "经自评，综合得分97.9分，评价等次为优秀。" }) },
    { name: "a part's score: an indicator group, the 执行率, a full mark", workbook: proseWorkbook({ achievements: "产出指标（满分50分，实得48分）；预算执行率得分9.94分；指标得分合计87.92分。" }) },
    { name: "a subset's grade: 其中7个项目自评为优，1个项目评价等次为良", workbook: proseWorkbook({ achievements: "共9个项目，其中7个项目评价等次为优，1个项目评价等次为良。" }) },
    { name: "another year's grade", workbook: proseWorkbook({ achievements: "2020年度自评等级为良，2021年度综合得分97.86分。" }) },
    { name: "a grading scale, not a statement", workbook: proseWorkbook({ achievements: "评价等级为优、良、中、差四档，综合得分97.86分。" }) },
    { name: "a named project's score in a 部门 report", workbook: proseWorkbook({ achievements: "医疗救助项目自评得分92分，基金监管项目自评得分88分。" }) },
    { name: "no grade in the workbook: nothing to compare", workbook: proseWorkbook({ scalars: { jx_grade: null }, achievements: "自评等级为“良”。" }) },
  ],
  invalid: [
    {
      name: "综合得分95.86分 (form 97.86)",
      workbook: proseWorkbook({ achievements: "经自评，2021年度部门整体支出绩效自评综合得分为95.86分，自评结果为“优”。" }),
      errors: [{ messageId: "scoreMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "97.86分" }],
    },
    {
      name: "自评结果为“良” (form 优)",
      workbook: proseWorkbook({ problems: "经自评，综合得分为97.86分，自评结果为“良”。" }),
      errors: [{ messageId: "gradeMismatch", ref: "基本信息!B18", expected: "优" }],
    },
  ],
});
