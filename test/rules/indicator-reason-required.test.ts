import { indicatorReasonRequired } from "../../src/core/rules/indicator-reason-required";
import { ruleTester } from "../helpers/rule-tester";
import { mofProject, mofProjectRows, patch } from "../core/forms/fixtures";

/** 审核病例数 800 of ≥1000: scored 16 of 20, total 96. */
const short = (reason: string | null) => mofProject(patch(mofProjectRows(), { F14: "800份", H14: 16, H21: 96, I14: reason }));

ruleTester.run(indicatorReasonRequired, {
  valid: [
    { name: "every indicator achieved", workbook: mofProject() },
    { name: "not achieved, with its reason", workbook: short("下半年病例集中报送，审核顺延至次年一季度") },
    { name: "“—” in the reason of an indicator achieved (the form's 不适用)", workbook: mofProject(patch(mofProjectRows(), { I15: "—", I16: "/" })) },
  ],
  invalid: [
    { name: "not achieved, reason column empty: at the reason cell", workbook: short(null), errors: [{ messageId: "reasonMissing", ref: "项目自评表!I14", field: "jx_indicators.reason" }] },
    ...["—", "/", "无", " - "].map((mark) => ({
      name: `not achieved, reason “${mark}” like an achieved row's: at the reason cell`,
      workbook: short(mark),
      errors: [{ messageId: "reasonPlaceholder" as const, ref: "项目自评表!I14", field: "jx_indicators.reason" }],
    })),
    {
      name: "定性 部分达成 with no reason",
      workbook: mofProject(patch(mofProjectRows(), { F19: "部分达成年度指标并具有一定效果", H19: 10, H21: 95 })),
      errors: [{ messageId: "reasonMissing", ref: "项目自评表!I19" }],
    },
  ],
});
