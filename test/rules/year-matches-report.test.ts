import { yearMatchesReport } from "../../src/core/rules/year-matches-report";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { buildWorkbook, fmt } from "../helpers/workbook-builder";

const names = { jx_report_year: "封面!$B$2", jx_report_date: "封面!$B$3", jx_achievements: "封面!$B$4" };

/** A cover sheet: title in A1, year in B2, report date in B3, a narrative in B4, more rows below. */
function cover(title: string, year: unknown, date: unknown, more: unknown[][] = [], narrative = "") {
  return buildWorkbook({ 封面: [[title], ["评价年度", year], ["报告日期", date], ["总体运行情况及取得的成绩", narrative], ...more] as never }, { names });
}

ruleTester.run(yearMatchesReport, {
  valid: [
    { name: "title, year and a report date the year after", workbook: cover("临湘市  2021 年度部门（单位）整体支出", 2021, "2022年8月16日") },
    { name: "the year written as text, a date serial in the report year", workbook: cover("2021年度部门整体支出绩效自评报告", "2021年度", fmt(44545, "yyyy-mm-dd")) },
    {
      name: "years about other periods are fine",
      workbook: cover("2021年度部门整体支出绩效自评报告", 2021, "2022年1月5日", [
        ["2020年度结转资金"],
        ["与2020年度绩效自评结果相比有所提高"],
        ["依据《关于做好2019年度部门整体支出绩效自评工作的通知》"],
        ["“十四五”规划（2021-2025年）"],
        ["报告日期：2022年8 月16日"],
        ["评价年度：2021年"],
      ]),
    },
    {
      name: "long narrative prose is left to prose-year-matches",
      workbook: cover("2021年度部门整体支出绩效自评报告", 2021, "2022年1月5日", [], "我局2020年度部门整体支出绩效自评得分为95分，2021年继续加强预算管理，各项工作稳步推进，取得了较好成效，群众满意度进一步提高。"),
    },
    { name: "no report year: nothing to compare", workbook: cover("2020年度部门整体支出绩效自评报告", null, "2019年1月1日") },
    {
      name: "years as column headers below the title rows (a 决算变动表's 2020年度 | 2021年度) are not year lines",
      workbook: buildWorkbook({ 封面: [["2021年度部门整体支出绩效自评报告"], ["评价年度", 2021], ["报告日期", "2022年3月1日"]], 变动表: [["收入支出决算变动情况表"], ["部门：某县医疗保障局（2021年度）"], ["金额单位：万元"], ["项目", "2020年度", "2021年度"]] } as never, { names }),
    },
    { name: "a year-end self-evaluation dated in December of the report year", workbook: cover("2021年度部门整体支出绩效自评报告", 2021, "2021年12月20日") },
  ],
  invalid: [
    {
      name: "a 决算 table's year line under its title kept from last year (部门：…（2020年度）) in a 2021 workbook",
      workbook: buildWorkbook({ 封面: [["2021年度部门整体支出绩效自评报告"], ["评价年度", 2021], ["报告日期", "2022年3月1日"]], 收入决算表: [["收入决算表"], ["部门：某县医疗保障局（2020年度）"], ["项目", "本年收入合计"]] } as never, { names }),
      errors: [{ messageId: "titleYear", ref: "收入决算表!A2", expected: "2021年" }],
    },
    {
      name: "填报日期 in March of the report year: last year's report date kept",
      workbook: cover("2021年度部门整体支出绩效自评报告", 2021, "2021年3月15日"),
      errors: [{ messageId: "reportDateEarly", ref: "封面!B3", field: "jx_report_date", expected: "2022年" }],
    },
    {
      name: "填报日期 typed as a date (a serial) in March of the report year",
      workbook: cover("2021年度部门整体支出绩效自评报告", 2021, fmt(44270, 'yyyy"年"m"月"d"日"')),
      errors: [{ messageId: "reportDateEarly", ref: "封面!B3", field: "jx_report_date", expected: "2022年" }],
    },
    {
      name: "auto-mapped: the dated title is the year; a heading below names another",
      workbook: buildWorkbook({ 封面: [["临湘市  2021 年度部门（单位）整体支出"], ["绩效评价自评报告"], ["附：2020年度部门整体支出绩效自评表"]] }),
      errors: [{ messageId: "titleYear", ref: "封面!A3", expected: "2021年" }],
    },
    {
      name: "last year's title left in a 2021 workbook",
      workbook: cover("2020年度部门整体支出绩效自评报告", 2021, "2022年3月1日"),
      errors: [{ messageId: "titleYear", ref: "封面!A1", expected: "2021年" }],
    },
    {
      name: "a report date two years off, a statement and a heading naming another year",
      workbook: cover("2021年度部门整体支出绩效自评报告", 2021, "2019年3月1日", [["评价年度：2020年"], ["承德市医疗保障局 2019 年度预算项目绩效自评报告"], ["报告日期：2024年1月5日"]]),
      errors: [
        { messageId: "reportDateYear", ref: "封面!B3", field: "jx_report_date", expected: "2021年或2022年" },
        { messageId: "statementYear", ref: "封面!A5" },
        { messageId: "titleYear", ref: "封面!A6" },
        { messageId: "reportDateYear", ref: "封面!A7" },
      ],
    },
  ],
});

describe("year-matches-report suggestions", () => {
  test("the title is offered with the report year, as a suggestion, not a fix", () => {
    const [f] = runRule(yearMatchesReport, { name: "s", workbook: cover("临湘市 2020 年度部门（单位）整体支出", 2021, "2022年3月1日") });
    expect(f.fix).toBeUndefined();
    expect(f.suggestions?.[0].writes).toEqual([{ at: { sheet: "封面", address: "A1" }, value: "临湘市 2021 年度部门（单位）整体支出" }]);
  });
});

test("a date typed as a date is quoted as the clerk sees it (2024年3月15日), not as its serial", () => {
  const found = runRule(yearMatchesReport, { name: "serial", workbook: cover("2021年度部门整体支出绩效自评报告", 2021, fmt(45366, 'yyyy"年"m"月"d"日"')) });
  expect(found.map((f) => [f.messageId, f.ref])).toEqual([["reportDateYear", "B3"]]);
  expect(found[0].message).toContain("报告日期“2024年3月15日”在 2024 年");
  expect(found[0].message).not.toMatch(/45,?366/);
});
