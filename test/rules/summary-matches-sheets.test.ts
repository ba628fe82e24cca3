import { summaryMatchesSheets } from "../../src/core/rules/summary-matches-sheets";
import { ruleTester } from "../helpers/rule-tester";
import { patch, projectsWorkbook, summaryRows } from "../core/forms/fixtures";

const pct = (v: number) => ({ value: v, numberFormat: "0.00%" });

ruleTester.run(summaryMatchesSheets, {
  valid: [{ name: "two project sheets and their 汇总, all agreeing", workbook: projectsWorkbook() }],
  invalid: [
    {
      name: "the 汇总 row's 预算数 differs from its sheet (its 执行率 follows it): one finding at the 预算数",
      workbook: projectsWorkbook(patch(summaryRows(), { E5: 110, H5: 15, G5: pct(95 / 110), E6: 325.11, H6: 15, G6: pct(310.11 / 325.11) })),
      errors: [{ messageId: "rowDiffers", ref: "项目汇总!E5", field: "jx_projects.budget" }],
    },
    {
      name: "the 汇总 row's 得分 differs from the sheet's 总分",
      workbook: projectsWorkbook(patch(summaryRows(), { I4: 98 })),
      errors: [{ messageId: "rowDiffers", ref: "项目汇总!I4", field: "jx_projects.score", expected: "100" }],
    },
  ],
});
