import { proseIndicatorMatches } from "../../src/core/rules/prose-indicator-matches";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";

// The workbook's indicators (prose-workbook.ts): 参保人数 42.5万人, 参保率 94.5%, 资金拨付及时率 100%,
// 参保群众满意度 93%.
ruleTester.run(proseIndicatorMatches, {
  valid: [
    { name: "the text repeats the indicators' values", workbook: proseWorkbook({ achievements: "参保率94.5%，资金拨付及时率100%，参保群众满意度93%。" }) },
    { name: "a target, not an achievement (年初设定)", workbook: proseWorkbook({ achievements: "年初设定参保率95%，实际参保率94.5%。" }) },
    { name: "a threshold after the number (95%以上)", workbook: proseWorkbook({ achievements: "力争参保群众满意度达到95%以上。" }) },
    { name: "a wider scope (全市医疗保险参保人数) is another figure", workbook: proseWorkbook({ achievements: "全市医疗保险参保人数49.3万人。" }) },
    { name: "another year's figure", workbook: proseWorkbook({ achievements: "2020年参保率为92.1%。" }) },
    { name: "rounded as written: 93% stated as 93.0%", workbook: proseWorkbook({ achievements: "参保群众满意度93.0%。" }) },
    // 参保率 is said of many populations in one report (全市, 建档立卡贫困人口, 居民医保): too short a name to compare.
    { name: "a short indicator name (参保率) is not compared", workbook: proseWorkbook({ achievements: "全市1.2万名建档立卡贫困人口全部纳入城乡居民医保，参保率达100%。" }) },
    { name: "“各项绩效指标均已完成” where every indicator is met", workbook: proseWorkbook({ achievements: "各项绩效指标均已完成。", indicatorData: [["产出指标", "数量指标", "参保人数", "≥", "41万人", "42.5万人", 50, 50, ""], ["效益指标", "社会效益", "参保率", "≥", "95%", "95.5%", 50, 50, ""]] }) },
    {
      name: "a count's name without its 数 stating the table's value (检查定点医药机构531家)",
      workbook: proseWorkbook({ achievements: "全年检查定点医药机构531家。", indicatorData: [["产出指标", "数量指标", "检查定点医药机构数", "≥", "500家", "531家", 50, 50, ""], ["效益指标", "社会效益", "参保率", "≥", "95%", "95.5%", 50, 50, ""]] }),
    },
    { name: "a claim with its exception (…均已完成，但参保率未达到目标)", workbook: proseWorkbook({ achievements: "各项绩效指标均已完成，但参保率未达到年初目标。" }) },
    { name: "a hedge (绩效指标基本完成) or a plan (确保各项指标全部完成) is no claim", workbook: proseWorkbook({ achievements: "绩效指标基本完成。", measures: "下一步确保各项绩效指标全部完成。" }) },
    { name: "“效益指标均已达到” where only a 产出 indicator falls short", workbook: proseWorkbook({ achievements: "效益指标均已达到预期。" }) },
  ],
  invalid: [
    {
      name: "“各项绩效指标均已完成” while 参保率 94.5% falls short of ≥95%",
      workbook: proseWorkbook({ achievements: "2021年，我局各项绩效指标均已完成，参保群众满意度93%。" }),
      errors: [{ messageId: "claimsAllMet", ref: "基本信息!B17", field: "jx_achievements" }],
    },
    {
      name: "“全面完成年度绩效目标” and “产出指标全部达成” while 参保率 94.5% falls short of ≥95%",
      workbook: proseWorkbook({ achievements: "全面完成年度绩效目标。", problems: "产出指标全部达成。" }),
      errors: [
        { messageId: "claimsAllMet", ref: "基本信息!B17" },
        { messageId: "claimsAllMet", ref: "基本信息!B18" },
      ],
    },
    {
      name: "a completion rate after the indicator's value: 资金拨付及时率100%, 完成率为95% where 100% ÷ 100% is 100%",
      workbook: proseWorkbook({ achievements: "资金拨付及时率100%，完成率为95%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", expected: "100%" }],
    },
    {
      name: "参保群众满意度 95% where the indicator table says 93%",
      workbook: proseWorkbook({ achievements: "经问卷调查，参保群众满意度95%。" }),
      errors: [{ messageId: "actualMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "93%" }],
    },
    {
      // Found by a workbook built by hand: the name written without its 数 (检查定点医药机构531家) was not compared.
      name: "a count's name written without its 数: 检查定点医药机构 513家 where the indicator 检查定点医药机构数 says 531家",
      workbook: proseWorkbook({
        achievements: "全年检查定点医药机构513家。",
        indicatorData: [["产出指标", "数量指标", "检查定点医药机构数", "≥", "500家", "531家", 50, 50, ""], ["效益指标", "社会效益", "参保率", "≥", "95%", "95.5%", 50, 50, ""]],
      }),
      errors: [{ messageId: "actualMismatch", ref: "基本信息!B17", expected: "531家" }],
    },
    {
      name: "资金拨付及时率 98% where the table says 100% (the clerk kept last year's text)",
      workbook: proseWorkbook({ problems: "资金拨付及时率98%，个别资金拨付滞后。" }),
      errors: [{ messageId: "actualMismatch", ref: "基本信息!B18", expected: "100%" }],
    },
  ],
});
