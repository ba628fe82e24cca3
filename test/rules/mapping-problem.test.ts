import { mappingProblem } from "../../src/core/rules/mapping-problem";
import { ruleTester } from "../helpers/rule-tester";
import { buildWorkbook } from "../helpers/workbook-builder";

const projects = [
  ["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"],
  ["医保信息化", "承财社[2019]171号", 48.5, 48.5, 0, 1],
];

ruleTester.run(mappingProblem, {
  valid: [
    { name: "every name resolves and every required column is there", workbook: buildWorkbook({ 项目: projects, 封面: [[2021]] }, { names: { jx_projects: "项目!$A$1:$F$2", jx_report_year: "封面!$A$1" } }) },
    { name: "a workbook without names or tables has nothing to report", workbook: buildWorkbook({ Sheet1: [["备注"]] }) },
    { name: "jx_profile names a known profile (湖北)", workbook: buildWorkbook({ 封面: [[2021, "湖北"]] }, { names: { jx_report_year: "封面!$A$1", jx_profile: "封面!$B$1" } }) },
  ],
  invalid: [
    {
      name: "jx_profile names no profile: scored by the default, and said at that cell",
      workbook: buildWorkbook({ 封面: [[2021, "江苏"]] }, { names: { jx_report_year: "封面!$A$1", jx_profile: "封面!$B$1" } }),
      errors: [{ messageId: "unknownProfile", ref: "封面!B1", field: "jx_profile" }],
    },
    {
      name: "a name pointing at #REF! is reported at A1 of the first sheet",
      workbook: buildWorkbook({ 封面: [["评价年度", 2021]], 项目: projects }, { names: { jx_report_year: "封面!#REF!", jx_projects: "项目!$A$1:$F$2" } }),
      errors: [{ messageId: "brokenName", ref: "封面!A1", field: "jx_report_year" }],
    },
    {
      name: "a name pointing at a deleted sheet",
      workbook: buildWorkbook({ 封面: [["x"]] }, { names: { jx_income: "收支情况!$A$1:$G$5" } }),
      errors: [{ messageId: "brokenName", ref: "封面!A1", field: "jx_income" }],
    },
    {
      name: "a table without a required column is reported at its header row",
      workbook: buildWorkbook({ 项目: [[], ["项目名称", "资金文号", "预算数", "结转结余"], ["医保信息化", "x", 48.5, 0]] }, { names: { jx_projects: "项目!$A$2:$D$3" } }),
      errors: [{ messageId: "missingColumn", ref: "项目!A2", field: "jx_projects.executed" }],
    },
    {
      name: "an untitled 机构名称 | 合计 table without names is ambiguous",
      workbook: buildWorkbook({ 表: [["部门名称", "区医保局"], [], ["机构名称", "合计"], ["合计", 100]] }),
      errors: [{ messageId: "ambiguous", ref: "表!A3", field: "jx_sangong" }],
    },
    {
      name: "a named indicator table without 分值",
      workbook: buildWorkbook(
        { 指标: [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"], ["产出指标", "数量指标", "参保人数", "41万人", "49.3万人", 10]] },
        { names: { jx_indicators: "指标!$A$1:$F$2" } },
      ),
      errors: [{ messageId: "missingColumn", ref: "指标!A1", field: "jx_indicators.weight" }],
    },
  ],
});
