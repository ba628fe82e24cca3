import { formFieldAbsent } from "../../src/core/rules/form-field-absent";
import { requiredField } from "../../src/core/rules/required-field";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { mofProject, mofProjectRows, patch } from "../core/forms/fixtures";

/** The national form without its `（2021年度）` line: no year anywhere. */
const noYear = mofProject(patch(mofProjectRows(), { A2: null }));

ruleTester.run(formFieldAbsent, {
  valid: [
    { name: "the national form with its year line and 填报单位", workbook: mofProject() },
    { name: "the year only in the title (2021年度项目支出绩效自评表)", workbook: mofProject(patch(mofProjectRows(), { A1: "2021年度项目支出绩效自评表", A2: null })) },
  ],
  invalid: [
    { name: "no year anywhere on the form: a note at the form's first cell", workbook: noYear, errors: [{ messageId: "fieldAbsent", ref: "项目自评表!A1", field: "jx_report_year" }] },
  ],
});

test("a form that does not carry the year is no required-field error", () => {
  expect(runRule(requiredField, { name: "no year", workbook: noYear })).toEqual([]);
});

test("a 评价年度 label left blank is still required-field's error", () => {
  const found = runRule(requiredField, { name: "blank", workbook: mofProject(patch(mofProjectRows(), { A2: "评价年度：" })) });
  expect(found.map((f) => [f.messageId, f.ref])).toEqual([["blankYear", "A2"]]);
});
