import { formRateMatches } from "../../src/core/rules/form-rate-matches";
import { buildWorkbook, fmt, type TestCell } from "../helpers/workbook-builder";
import { ruleTester } from "../helpers/rule-tester";

/** A 收入支出决算变动情况表: 上年 | 本年 | 增减额 | 增减率 (invented, consistent to the cent). */
function change(o: { basicRate?: TestCell; basicChange?: TestCell; personnelRate?: TestCell } = {}) {
  const r = (x: number): TestCell => fmt(x, "0.00%");
  return buildWorkbook({
    变动表: [
      ["2023年度收入支出决算变动情况表"],
      ["部门：某县医疗保障局", null, null, "金额单位：万元"],
      ["项目", "上年决算数", "本年决算数", "增减额", "增减率"],
      ["本年支出合计", 1019.84, 1096.75, 76.91, r(0.0754)],
      ["基本支出", 612.4, 655.18, o.basicChange ?? 42.78, o.basicRate ?? r(0.0699)],
      ["其中：人员经费", 528.75, 569.03, 40.28, o.personnelRate ?? r(0.0762)],
      ["公用经费", 83.65, 86.15, 2.5, r(0.0299)],
      ["项目支出", 407.44, 441.57, 34.13, r(0.0838)],
      ["“三公”经费支出", 12.6, 10.85, -1.75, r(-0.1389)],
    ],
  });
}

ruleTester.run(formRateMatches, {
  valid: [
    { name: "every 增减率 = 增减额 ÷ 上年决算数 (a decrease included)", workbook: change() },
    { name: "a rate typed as text", workbook: change({ basicRate: "6.99%" }) },
    { name: "a 增减额 that breaks its row, with the rate following the right amount: the amount is the finding", workbook: change({ basicChange: 52.78 }) },
  ],
  invalid: [
    {
      name: "a 增减率 that is not 增减额 ÷ 上年决算数",
      workbook: change({ personnelRate: fmt(0.0672, "0.00%") }),
      errors: [{ messageId: "rateMismatch", ref: "变动表!E6", expected: "7.62%", fix: { "变动表!E6": 0.0762 } }],
    },
    {
      name: "text 9.69% for 6.99%",
      workbook: change({ basicRate: "9.69%" }),
      errors: [{ messageId: "rateMismatch", ref: "变动表!E5", expected: "6.99%" }],
    },
  ],
});
