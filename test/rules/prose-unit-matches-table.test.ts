import { proseUnitMatchesTable } from "../../src/core/rules/prose-unit-matches-table";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";
import { buildWorkbook, fmt } from "../helpers/workbook-builder";

/** A 财政部 项目 form without names: the 项目资金 block in 万元 and the 实际完成情况 text beside it. */
function projectForm(text: string) {
  return buildWorkbook({
    项目自评表: [
      ["项目支出绩效自评表"],
      ["（2021年度）"],
      ["项目名称", "业务运行费"],
      ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["", "年度资金总额", fmt(185.11, "#,##0.00"), fmt(215.11, "#,##0.00"), fmt(215.11, "#,##0.00"), 10, fmt(1, "0.00%"), 10],
      ["实际完成情况", text],
    ],
  });
}

ruleTester.run(proseUnitMatchesTable, {
  valid: [
    { name: "the amount in the table's unit", workbook: proseWorkbook({ achievements: "全年执行30803.13万元。" }) },
    { name: "an amount in 元 that is no table figure (a small expense)", workbook: proseWorkbook({ achievements: "公务接待费3200元，较上年有所下降。" }) },
    { name: "a large sum in 亿元 is how prose is written", workbook: proseWorkbook({ achievements: "全年执行3.0803亿元。" }) },
    { name: "346.77元 for 346.77万元 is a slip, not a unit choice: prose-amount-matches-table's", workbook: proseWorkbook({ achievements: "事务中心基本支出346.77元。" }) },
    { name: "a 元 workbook", workbook: proseWorkbook({ scalars: { jx_money_unit: "元" }, achievements: "全年执行308031300元。" }) },
    { name: "an amount of something narrower (项目资金) is not the table's", workbook: proseWorkbook({ achievements: "医疗救助项目全年预算72760000元。" }) },
  ],
  invalid: [
    {
      name: "a table figure restated in 元 beside the 万元 table, with a fix that writes it in 万元",
      workbook: proseWorkbook({ achievements: "事务中心基本支出3467700元。" }),
      errors: [{ messageId: "unitDiffers", ref: "基本信息!B17", field: "jx_achievements", expected: "346.77万元", fix: { "基本信息!B17": "事务中心基本支出346.77万元。" } }],
    },
    {
      name: "a form without names: 已支付使用资金2151100元 is the 全年执行数 215.11 万元",
      workbook: projectForm("截止2021年12月31日，已支付使用资金2151100元，预算执行率100.00%。"),
      errors: [{ messageId: "unitDiffers", ref: "项目自评表!B6", expected: "215.11万元", fix: { "项目自评表!B6": "截止2021年12月31日，已支付使用资金215.11万元，预算执行率100.00%。" } }],
    },
  ],
});
