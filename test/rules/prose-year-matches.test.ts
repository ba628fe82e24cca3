import { proseYearMatches } from "../../src/core/rules/prose-year-matches";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";

ruleTester.run(proseYearMatches, {
  valid: [
    { name: "last year's self-evaluation referred to", workbook: proseWorkbook({ year: 2021, achievements: "2020年度绩效自评发现的问题已全部整改。" }) },
    { name: "seed 002: 截至2024年底 in a 2024 report", workbook: proseWorkbook({ year: 2024, achievements: "截至2024年底，区医保局编制共4人。" }) },
    { name: "seed 002: 截至2024年6月底 is not the year end", workbook: proseWorkbook({ year: 2024, achievements: "截至2024年6月底，完成参保任务数23.9万人。" }) },
    { name: "seed 003: a comparison with 2019 in a 2020 report", workbook: proseWorkbook({ year: 2020, achievements: "与2019年相比，收入减少4848.68万元。减少原因是2019年收支包括医保代缴。" }) },
    { name: "seed 003: preparing next year's work", workbook: proseWorkbook({ year: 2020, achievements: "提前推动2021年城乡居民医保参保工作。" }) },
    { name: "上年（2020年） in a 2021 report", workbook: proseWorkbook({ year: 2021, achievements: "上年（2020年）基金结余较多。" }) },
    { name: "a comparison with another year keeps a budget sentence alone", workbook: proseWorkbook({ year: 2021, achievements: "2020年全年预算1200万元，比上年增加100万元。" }) },
    { name: "no report year: nothing to compare", workbook: proseWorkbook({ year: null, achievements: "截至2019年12月31日，共有车辆1辆。" }) },
    { name: "seed 004: a document issued in the year of its number", workbook: proseWorkbook({ year: 2021, duties: "2004年10月22日经市政府通过对《关于考核扣减的医疗服务质量保证金用途的请示》（攀劳社〔2004〕62号）的请示的批准。" }) },
    { name: "seed 004 corrected: 1999年6月29日 … 印发 … 〔1999〕", workbook: proseWorkbook({ year: 2021, duties: "1999年6月29日，劳动和社会保障部、财政部、国家经济贸易委员会、卫生部、国家中医药管理局印发关于《关于加强城镇职工基本医疗保险费用结算管理意见》（劳社部发〔1999〕23号）第五条规定：加强定点医疗机构门诊处方审核。" }) },
    { name: "a later event under an older document is no mistake", workbook: proseWorkbook({ year: 2021, duties: "2021年3月1日起，按照《项目支出绩效评价管理办法》（财预〔2020〕10号）开展自评。" }) },
    { name: "a date without an issuing verb before the number", workbook: proseWorkbook({ year: 2021, duties: "2019年5月召开会议，学习《关于…的通知》（医保发〔2020〕5号）。" }) },
  ],
  invalid: [
    {
      name: "seed 004: a 1999 document (劳社部发〔1999〕23号) dated 1996年6月29日",
      workbook: proseWorkbook({ year: 2021, duties: "1996年6月29日，劳动和社会保障部、财政部、国家经济贸易委员会、卫生部、国家中医药管理局印发关于《关于加强城镇职工基本医疗保险费用结算管理意见》（劳社部发〔1999〕23号）第五条规定：加强定点医疗机构门诊处方审核。" }),
      errors: [{ messageId: "documentBeforeItsNumber", ref: "基本信息!B15", field: "jx_duties" }],
    },
    {
      name: "seed 003: 截至2019年12月31日 in a 2020 report",
      workbook: proseWorkbook({ year: 2020, achievements: "截至2019年12月31日，我局共有车辆1辆。" }),
      errors: [{ messageId: "yearMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "2020年" }],
    },
    {
      name: "a template leftover: 2020年度绩效自评 in a 2021 report",
      workbook: proseWorkbook({ year: "2021年", problems: "2020年度绩效自评工作中发现以下问题。" }),
      errors: [{ messageId: "yearMismatch", ref: "基本信息!B18", expected: "2021年" }],
    },
    {
      name: "本年度（2020年） in a 2021 report",
      workbook: proseWorkbook({ year: 2021, measures: "本年度（2020年）将加强管理。" }),
      errors: [{ messageId: "yearMismatch", expected: "2021年" }],
    },
    {
      name: "seed 002: the unit named between the year and 绩效自评 (经自评，2023年度区医保局部门整体支出绩效自评…) in a 2024 report",
      workbook: proseWorkbook({ year: 2024, achievements: "经自评，2023年度区医保局部门整体支出绩效自评综合得分为96.97分，自评结果为“优”。" }),
      errors: [{ messageId: "yearMismatch", expected: "2024年" }],
    },
    {
      name: "a comparison with this year's 年初预算 only: 2021年全年预算…比年初预算增加 in a 2022 report",
      workbook: proseWorkbook({ year: 2022, achievements: "2021年全年预算1302.40万元，比年初预算增加67.84万元，增长5.50%；全年执行1108.33万元。" }),
      errors: [{ messageId: "yearMismatch", expected: "2022年" }],
    },
  ],
});
