import { proseRateMatches } from "../../src/core/rules/prose-rate-matches";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";
import { buildWorkbook } from "../helpers/workbook-builder";

/** Seed 002's 数量 indicator as a row of jx_indicators, its remark in the 偏差原因 column. */
function indicatorRow(target: string, actual: string, remark: string) {
  return buildWorkbook(
    { 绩效自评: [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], ["产出指标", "数量指标", "城乡居民基本医疗保险完成参保任务数", target, actual, 10, 9, remark]] },
    { names: { jx_report_year: "绩效自评!$J$1", jx_indicators: "绩效自评!$A$1:$H$2" } },
  );
}

// Seed 002 (区医保局 2024), verbatim.
const seed002 =
  "年初设定的数量指标为城乡居民基本医疗保险完成参保任务数23万人。截至2024年6月底，完成参保任务数23.9万人，高于年初设定参保人数0.9万人，完成率为107.5%，得分9分。";

/** A “三公”经费 table by columns (预算数 / 决算数 rows) beside a 说明 quoting the 决算 and its 完成预算 percent. */
function sangong(done: string) {
  return buildWorkbook({
    三公经费: [
      ["2023年度“三公”经费财政拨款支出决算表"],
      ["部门：某区交通运输局", null, null, null, null, "金额单位：万元"],
      ["项目", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "其中：公务用车购置费", "公务用车运行维护费", "公务接待费"],
      ["预算数", 49.5, 3, 40.5, 28, 12.5, 6],
      ["决算数", 45.43, 2.36, 38.72, 26.8, 11.92, 4.35],
    ],
    说明: [["三、2023年度“三公”经费财政拨款支出决算情况说明"], [`2023年“三公”经费财政拨款支出决算为45.43万元，完成预算的${done}。其中：因公出国（境）费2.36万元；公务接待费4.35万元。`]],
  });
}

ruleTester.run(proseRateMatches, {
  valid: [
    { name: "完成预算的91.78%: the 决算 45.43 over the 预算数 49.50 of the same line of the “三公” table", workbook: sangong("91.78%") },
    {
      name: "seed 004: 资金全部使用完毕 where 全年执行数 = 全年预算数",
      workbook: proseWorkbook({ achievements: "2021年本中心预算项目经费和市级预算追加项目资金全部使用完毕，达到年初预算绩效目标。", scalars: { jx_executed: 31000, jx_exec_rate: 1 } }),
    },
    { name: "one source spent in full (追加资金全部使用完毕) says nothing of the whole budget", workbook: proseWorkbook({ achievements: "年中追加资金已全部使用完毕。" }) },
    { name: "a plan (确保资金年底前全部支付完毕) is no statement of the year's result", workbook: proseWorkbook({ measures: "下一步确保资金年底前全部支付完毕。" }) },
    { name: "a task finished (各项工作执行完毕) is not the funds", workbook: proseWorkbook({ achievements: "各项工作执行完毕。" }) },
    { name: "seed 004: 资金215.11万元已全额到位，资金到位率100%", workbook: proseWorkbook({ achievements: "2021年资金31000万元已全额到位，资金到位率100%。" }) },
    { name: "a 到位率 from the sentence's amounts: 下达预算31000万元，到位资金30000万元，到位率96.77%", workbook: proseWorkbook({ achievements: "下达预算31000万元，到位资金30000万元，资金到位率96.77%。" }) },
    { name: "a 到位率 against the 全年预算数: 到位资金30000万元，到位率96.8%", workbook: proseWorkbook({ achievements: "到位资金30000万元，资金到位率96.8%。" }) },
    { name: "a named fund's 到位率 is not the form's", workbook: proseWorkbook({ achievements: "其中医疗救助资金到位率105%。" }) },
    { name: "a scoring rule: 到位率100%的得满分", workbook: proseWorkbook({ achievements: "资金到位率100%的得满分。" }) },
    { name: "seed 003: 基本支出 占52.1% of the 支出决算 it is listed under", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["（二）部门财政资金支出情况：2020年支出决算848.75万元，其中基本支出442.18万元，占52.1%；项目支出406.57万元，占47.9%。"]] } }) },
    { name: "seed 003: shares of a list after 主要用于以下方面:, of the amount before the colon (7.98% balanced for 7.986%)", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["2020年一般公共预算财政拨款支出848.75万元，主要用于以下方面:社会保障和就业（类）支出67.78万元，占7.98%；卫生健康（类）支出756.01万元，占89.08%；住房保障（类）支出24.96万元，占2.94%。"]] } }) },
    {
      name: "seed 003's sentence with the whole wrong (884.75): the shares are the parts' over their sum, so none is reported (the whole is prose-parts-sum's one finding)",
      workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["2020年一般公共预算财政拨款支出884.75万元，主要用于以下方面:社会保障和就业（类）支出67.78万元，占7.98%；卫生健康（类）支出756.01万元，占89.08%；住房保障（类）支出24.96万元，占2.94%。"]] } }),
    },
    { name: "以下方面 with no whole before it: shares of the list's sum", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["主要用于以下方面：社会保障和就业支出67.78万元，占7.98%；卫生健康支出756.01万元，占89.08%；住房保障支出24.96万元，占2.94%。"]] } }) },
    { name: "seed 003 三公: shares adding up to 100% are shares of the list's sum (8 of 9 is 88.9%)", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["2020年“三公”经费财政拨款支出决算中，无因公出国（境）费支出；公务用车购置及运行维护费支出决算8万元，占88.9%；公务接待费支出决算1万元，占11.1%。"]] } }) },
    { name: "a list that goes on (等) has no sum: its shares are not checked", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["主要用于以下方面：办公费8万元，占50%；印刷费1万元，占20%等。"]] } }) },
    { name: "integer amounts: 11.1% agrees with 1 of 8＋1 only loosely, so shares adding up to 107% are not checked", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["公务用车运行维护费8万元，占95.9%；公务接待费1万元，占11.1%。"]] } }) },
    { name: "shares that do not add up to 100%, no whole, no 以下方面: not checked", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["公务用车运行维护费8万元，占80%；公务接待费1万元，占11.1%。"]] } }) },
    { name: "an amount far before the colon is not the list's whole", workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["收入100万元，较上年有所增长，主要用于以下方面：办公费80万元，占66.7%；印刷费40万元，占33.3%。"]] } }) },
    { name: "seed 004: 完成1700张，超出年度目标200张 — 113.33%", workbook: proseWorkbook({ achievements: "印制宣传海报1700张，超出年度目标200张，完成率为113.33%。" }) },
    { name: "a growth against a growth target: 增长5.4%，低于年度目标6%，完成率为90%", workbook: proseWorkbook({ achievements: "农村居民人均可支配收入增长5.4%，低于年度目标6%，完成率为90%。" }) },
    { name: "a percent target read as the difference also agrees: 达到96%，超出年度目标1%，完成率为101.05%", workbook: proseWorkbook({ achievements: "参保率达到96%，超出年度目标1%，完成率为101.05%。" }) },
    { name: "seed 002: 23.9万人，高于年初设定0.9万人 — 103.91%", workbook: proseWorkbook({ achievements: "完成参保任务数23.9万人，高于年初设定参保人数0.9万人，完成率为103.91%。" }) },
    { name: "预算执行率 after an amount that is not a budget/spending pair: the tables' 99.36%", workbook: proseWorkbook({ achievements: "已支付使用资金30803.13万元，预算执行率99.36%。" }) },
    { name: "a part's own 执行率 (项目支出预算执行率) is not the form's", workbook: proseWorkbook({ achievements: "项目支出预算执行率95%。" }) },
    { name: "the actual is the value written as 完成, not a later sub-count", workbook: proseWorkbook({ achievements: "年初目标41万人。实际完成42.5万人，其中新增2万人，完成率103.66%。" }) },
    { name: "seed 002: 预算执行率99.74% from the sentence's amounts", workbook: proseWorkbook({ achievements: "2024年，区医保局全年预算安排1711.75万元，全年执行1707.31万元，预算执行率99.74%，得分9.97分。" }) },
    { name: "seed 002 corrected: 103.9%", workbook: proseWorkbook({ achievements: seed002.replace("107.5%", "103.9%") }) },
    { name: "预算执行率 without amounts is read against the scalars (30803.13 / 31000)", workbook: proseWorkbook({ problems: "预算执行率为99.36%，部分项目序时支付。" }) },
    { name: "a percent target and actual", workbook: proseWorkbook({ achievements: "年初设定的质量指标为参保率≥95%，实际完成94.5%，完成率为99.47%。" }) },
    { name: "an indicator's remark with the right 完成率 (23.9万人 of 23万人)", workbook: indicatorRow("≥23万人", "23.9万人", "超额完成，完成率为103.9%") },
    { name: "an indicator's remark, units reconciled (239000人 of 23万人)", workbook: indicatorRow("23万人", "239000人", "完成率103.91%") },
    { name: "参保率 is not a completion rate", workbook: proseWorkbook({ achievements: "参保缴费23.9万人，完成参保率107.5%。" }) },
    { name: "共支出30803.13万元，占全年预算的99.36%: the form's 全年预算数 31000", workbook: proseWorkbook({ achievements: "全年共支出30803.13万元，占全年预算的99.36%。" }) },
    { name: "a share of a budget the text states itself is read against that (占该项目预算的50%)", workbook: proseWorkbook({ achievements: "信息化项目预算200万元，支出100万元，占该项目预算的50%。" }) },
  ],
  invalid: [
    {
      name: "共支出30803.13万元，占全年预算的97.36%: the share of a budget the text does not state is the form's 全年预算数 (99.36%)",
      workbook: proseWorkbook({ achievements: "全年共支出30803.13万元，占全年预算的97.36%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", expected: "99.36%" }],
    },
    {
      name: "完成预算的89.43% for 45.43 ÷ 49.50 = 91.78%",
      workbook: sangong("89.43%"),
      errors: [{ messageId: "rateMismatch", ref: "说明!A2", expected: "91.78%" }],
    },
    {
      name: "“预算资金已全部使用完毕” while 全年执行数 30803.13 is short of 全年预算数 31000",
      workbook: proseWorkbook({ achievements: "全年预算资金已全部使用完毕，参保人数42.5万人。" }),
      errors: [{ messageId: "spentInFull", ref: "基本信息!B17", field: "jx_achievements" }],
    },
    {
      name: "seed 004: 资金已全额到位，资金到位率95%",
      workbook: proseWorkbook({ achievements: "2021年资金31000万元已全额到位，资金到位率95%。" }),
      errors: [{ messageId: "arrivalInFull", ref: "基本信息!B17", expected: "100%" }],
    },
    {
      name: "到位资金30000万元 of 全年预算数31000, 到位率100%",
      workbook: proseWorkbook({ achievements: "到位资金30000万元，资金到位率100%。" }),
      errors: [{ messageId: "arrivalRate", expected: "96.8%" }],
    },
    {
      name: "a 到位率 above 100% with no amounts to compute it",
      workbook: proseWorkbook({ achievements: "项目资金到位率107%。" }),
      errors: [{ messageId: "arrivalOver100", expected: "100%以内" }],
    },
    {
      name: "seed 003 on a text sheet beside the tables: 基本支出 占55.1% of 848.75 (52.1%)",
      workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["标题"], ["（二）部门财政资金支出情况：2020年支出决算848.75万元，其中基本支出442.18万元，占55.1%；项目支出406.57万元，占47.9%。"]] } }),
      errors: [{ messageId: "rateMismatch", ref: "整体绩效!A2", expected: "52.1%" }],
    },
    {
      name: "seed 003: 卫生健康（类）支出 占96.08% of 848.75 before 以下方面 (89.07%)",
      workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["标题"], ["2020年一般公共预算财政拨款支出848.75万元，主要用于以下方面:社会保障和就业（类）支出67.78万元，占7.98%；卫生健康（类）支出756.01万元，占96.08%；住房保障（类）支出24.96万元，占2.94%。"]] } }),
      errors: [{ messageId: "rateMismatch", ref: "整体绩效!A2", expected: "89.07%" }],
    },
    {
      name: "seed 003: an amount changed (社会保障和就业（类）支出75.56万元) no longer is 7.98% of 848.75",
      workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["标题"], ["2020年一般公共预算财政拨款支出848.75万元，主要用于以下方面:社会保障和就业（类）支出75.56万元，占7.98%；卫生健康（类）支出756.01万元，占89.08%；住房保障（类）支出24.96万元，占2.94%。"]] } }),
      errors: [{ messageId: "rateMismatch", ref: "整体绩效!A2", expected: "8.90%" }],
    },
    {
      name: "以下方面 with no whole: 住房保障支出 占9.94% of the list's sum 848.75 (2.94%)",
      workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["标题"], ["主要用于以下方面：社会保障和就业支出67.78万元，占7.98%；卫生健康支出756.01万元，占89.08%；住房保障支出24.96万元，占9.94%。"]] } }),
      errors: [{ messageId: "rateMismatch", ref: "整体绩效!A2", expected: "2.94%" }],
    },
    {
      name: "seed 003 三公: 公务接待费 占18.1%, the shares adding up to 100% (8 of 9 is 88.9%, 1 of 9 is 11.1%)",
      workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["标题"], ["2020年“三公”经费财政拨款支出决算中，无因公出国（境）费支出；公务用车购置及运行维护费支出决算8万元，占81.9%；公务接待费支出决算1万元，占18.1%。"]] } }),
      errors: [
        { messageId: "rateMismatch", ref: "整体绩效!A2", expected: "88.9%" },
        { messageId: "rateMismatch", ref: "整体绩效!A2", expected: "11.1%" },
      ],
    },
    {
      name: "三公 to two decimals: 公务用车 占95.9% while 11.1% is precisely 1.00 of the list's 9.00",
      workbook: proseWorkbook({ year: 2020, extraSheets: { 整体绩效: [["标题"], ["2020年“三公”经费财政拨款支出决算中，无因公出国（境）费支出；公务用车购置及运行维护费支出决算8.00万元，占95.9%；公务接待费支出决算1.00万元，占11.1%。"]] } }),
      errors: [{ messageId: "rateMismatch", ref: "整体绩效!A2", expected: "88.9%" }],
    },
    {
      name: "seed 004: 完成1700张，超出年度目标200张，完成率为131.33% — the target is 1500",
      workbook: proseWorkbook({ achievements: "印制宣传海报1700张，超出年度目标200张，完成率为131.33%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", expected: "113.33%" }],
    },
    {
      name: "a growth against a growth target set at 6% (exact, not 5.5–6.5%): 增长5.4% is 90% of it, not 95%",
      workbook: proseWorkbook({ achievements: "农村居民人均可支配收入增长5.4%，低于年度目标6%，完成率为95%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", expected: "90.0%" }],
    },
    {
      name: "seed 002 in one sentence: 23.9万人，高于年初设定0.9万人，完成率为107.5%",
      workbook: proseWorkbook({ achievements: "完成参保任务数23.9万人，高于年初设定参保人数0.9万人，完成率为107.5%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", expected: "103.9%" }],
    },
    {
      name: "预算执行率 after an amount that is not a budget/spending pair is the tables' (99.36%)",
      workbook: proseWorkbook({ achievements: "已支付使用资金30803.13万元，预算执行率96.50%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", expected: "99.36%" }],
    },
    {
      name: "seed 002 as a workbook: the 数量 indicator's remark says 完成率为107.5% for 23.9 of 23",
      workbook: indicatorRow("≥23万人", "23.9万人", "完成率为107.5%"),
      errors: [{ messageId: "rowRateMismatch", ref: "绩效自评!H2", field: "jx_indicators.reason", expected: "103.9%" }],
    },
    {
      name: "seed 002: 完成率107.5% for 23.9 of 23 (target in the sentence before)",
      workbook: proseWorkbook({ achievements: seed002 }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "103.9%" }],
    },
    {
      name: "预算执行率 against the sentence's amounts",
      workbook: proseWorkbook({ problems: "全年预算数1711.75万元，全年执行数1707.31万元，预算执行率为97.74%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B18", expected: "99.74%" }],
    },
    {
      name: "预算执行率 against the workbook's scalars",
      workbook: proseWorkbook({ measures: "本年度预算执行率为98.36%。" }),
      errors: [{ messageId: "rateMismatch", ref: "基本信息!B19", field: "jx_measures", expected: "99.36%" }],
    },
  ],
});
