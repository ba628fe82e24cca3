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

/** A 收入决算表 with a 占比 column in percent points (invented: 1268.45 / 356.20 / 18.36 / 42.79 of 1685.80). */
function shares(o: { operating?: TestCell; business?: TestCell; total?: TestCell } = {}) {
  const p = (x: number): TestCell => fmt(x, "0.00");
  return buildWorkbook({
    收入决算表: [
      ["2023年度收入决算表"],
      ["部门：某县自然资源局", null, null, "单位：万元"],
      ["项目", "预算数", "决算数", "占比（%）"],
      ["合计", 1740, o.total ?? 1685.8, p(100)],
      ["财政拨款收入", 1300, 1268.45, p(75.24)],
      ["事业收入", 380, o.business ?? 356.2, p(21.13)],
      ["经营收入", 20, 18.36, o.operating ?? p(1.09)],
      ["其他收入", 40, 42.79, p(2.54)],
    ],
  });
}

/** A 支出决算表 with a 占比 column shown 0.00%, 合计 at the bottom. */
function spendShares(o: { personnel?: TestCell } = {}) {
  const r = (x: number): TestCell => fmt(x, "0.00%");
  return buildWorkbook({
    支出决算表: [
      ["2023年度支出决算表"],
      ["项目", "本年数（万元）", "占比"],
      ["一、基本支出", 1175.92, r(0.7027)],
      ["其中：人员经费", 1012.34, o.personnel ?? r(0.6049)],
      ["公用经费", 163.58, r(0.0977)],
      ["二、项目支出", 497.63, r(0.2973)],
      ["合计", 1673.55, r(1)],
    ],
  });
}

ruleTester.run(formRateMatches, {
  valid: [
    { name: "every 增减率 = 增减额 ÷ 上年决算数 (a decrease included)", workbook: change() },
    { name: "a rate typed as text", workbook: change({ basicRate: "6.99%" }) },
    { name: "a 增减额 that breaks its row, with the rate following the right amount: the amount is the finding", workbook: change({ basicChange: 52.78 }) },
    { name: "shares in percent points under 占比（%）, one below 2 (1.09 is 1.09%, not 109%)", workbook: shares() },
    { name: "a 合计 that does not foot, every share of the right 合计: the 合计 is the finding", workbook: shares({ total: 1695.8 }) },
    { name: "a part that does not foot, its share of the right part: the part is the finding", workbook: shares({ business: 365.2 }) },
    { name: "shares shown 0.00%, 合计 at the bottom, 其中 rows of the 合计", workbook: spendShares() },
    { name: "a 其中 row's share of its 基本支出 (86.09%)", workbook: spendShares({ personnel: fmt(0.8609, "0.00%") }) },
  ],
  invalid: [
    {
      name: "a 增减率 that is not 增减额 ÷ 上年决算数",
      workbook: change({ personnelRate: fmt(0.0672, "0.00%") }),
      errors: [{ messageId: "rateMismatch", ref: "变动表!E6", expected: "7.62%", fix: { "变动表!E6": 0.0762 } }],
    },
    {
      name: "a share in percent points that is not its part ÷ the 合计: the fix writes points",
      workbook: shares({ operating: fmt(1.9, "0.00") }),
      errors: [{ messageId: "rateMismatch", ref: "收入决算表!D7", expected: "1.09%", fix: { "收入决算表!D7": 1.09 } }],
    },
    {
      name: "a share shown 0.00% that is not its part ÷ the 合计",
      workbook: spendShares({ personnel: fmt(0.6094, "0.00%") }),
      errors: [{ messageId: "rateMismatch", ref: "支出决算表!C4", expected: "60.49%", fix: { "支出决算表!C4": 0.6049 } }],
    },
    {
      name: "text 9.69% for 6.99%",
      workbook: change({ basicRate: "9.69%" }),
      errors: [{ messageId: "rateMismatch", ref: "变动表!E5", expected: "6.99%" }],
    },
  ],
});
