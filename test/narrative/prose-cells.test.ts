/**
 * Which cells the prose rules read (text wherever it is) and which figures they compare it with, on
 * workbooks laid out as bureaus lay them out, without defined names.
 */
import { mapWorkbook } from "../../src/core/mapping";
import { isProseText, overallFact, proseCells, sheetInModel } from "../../src/core/narrative/prose-cells";
import { buildWorkbook, fmt, type TestCell } from "../helpers/workbook-builder";

function projectSheet(budget: number, spent: number, text: string, remark = ""): TestCell[][] {
  return [
    ["项目支出绩效自评表"],
    ["（2021年度）"],
    ["项目名称", "业务运行费"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", fmt(budget, "#,##0.00"), fmt(budget, "#,##0.00"), fmt(spent, "#,##0.00"), 10, fmt(spent / budget, "0.00%"), 10],
    ["实际完成情况", text],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "印制宣传海报", "≥1500张", "1700张", 10, 10, remark],
  ];
}

const cellsOf = (wb: ReturnType<typeof buildWorkbook>): string[] => proseCells(mapWorkbook(wb)).map((c) => `${c.ref.sheet}!${c.ref.address}`);

describe("proseCells: text wherever it is", () => {
  test("a report sheet of paragraphs in column A beside 决算 tables: every paragraph, not the headings or the title", () => {
    const wb = buildWorkbook({
      支出决算表: [["支出决算表"], ["科目名称", "本年支出合计", "基本支出", "项目支出"], ["合计", 848.75, 442.18, 406.57]],
      整体绩效: [
        ["宣汉县医疗保障局2020年部门整体支出绩效评价报告"],
        ["一、部门（单位）概况"],
        ["（一）部门财政资金支出情况：2020年支出决算848.75万元，其中基本支出442.18万元，占52.1%。"],
        [""],
        ["四、评价结论及建议"],
        ["（一）评价结论：2020年，积极履职，强化管理，较好的完成了年度工作目标。"],
      ],
    });
    expect(cellsOf(wb)).toEqual(["整体绩效!A3", "整体绩效!A6"]);
  });

  test("a 实际完成情况 cell beside the 项目资金 block and an indicator's remark, however short", () => {
    const wb = buildWorkbook({ 项目自评表: projectSheet(215.11, 215.11, "已支付使用资金215.11万元，预算执行率100.00%。", "完成率113.33%") });
    expect(cellsOf(wb)).toEqual(["项目自评表!B6", "项目自评表!H8"]);
  });

  test("labels, names and values are not prose", () => {
    expect(isProseText("城乡居民基本医疗保险完成参保任务数")).toBe(false);
    expect(isProseText("填报单位：攀枝花")).toBe(false);
    expect(isProseText("1,711.75")).toBe(false);
    expect(isProseText("自评结论：经自评，综合得分为97.97分，自评结果为“优”。")).toBe(true);
  });
});

describe("the figures a text is compared with", () => {
  test("a second project's sheet, with numbers the mapping did not read, is not described by the model", () => {
    const model = mapWorkbook(buildWorkbook({ "1.培训补助": projectSheet(11.61, 11.61, "下达资金11.61万元，支出11.61万元。"), "2.基金监管": projectSheet(28, 12.58, "下达资金28万元，支出12.58万元。") }));
    expect(sheetInModel(model, "1.培训补助")).toBe(true);
    expect(sheetInModel(model, "2.基金监管")).toBe(false);
    expect(overallFact(model, "executed", "1.培训补助")?.value).toBe(11.61);
    expect(overallFact(model, "executed", "2.基金监管")).toBeUndefined();
  });

  test("a text-only sheet is described by the model: the form's totals apply to it", () => {
    const model = mapWorkbook(buildWorkbook({ 项目自评表: projectSheet(215.11, 210, "x"), 报告: [["已支付使用资金210万元，预算执行率97.62%。"]] }));
    expect(sheetInModel(model, "报告")).toBe(true);
    expect(overallFact(model, "budget", "报告")?.value).toBe(215.11);
  });

  test("a 项目 summary table cut at a blank row: its 合计 row below is the total, not the sum of the rows read", () => {
    const model = mapWorkbook(
      buildWorkbook({
        汇总: [
          ["项目绩效自评汇总表"],
          ["序号", "项目名称", "预算数", "执行数", "执行率"],
          [1, "办公经费", 20, 20, fmt(1, "0.00%")],
          [2, "基金监管", 28, 12.58, fmt(0.4493, "0.00%")],
          [],
          [3, "居民医保经费", 10, 10, fmt(1, "0.00%")],
          ["合计", "", 58, 42.58, fmt(0.7341, "0.00%")],
          [],
          ["自评结论：共实施预算项目3个，预算资金58万元，支出42.58万元，预算执行率为73.41%。"],
        ],
      }),
    );
    expect(overallFact(model, "budget", "汇总")?.value).toBe(58);
    expect(overallFact(model, "executed", "汇总")?.value).toBe(42.58);
  });
});
