import { proseAmountMatchesTable } from "../../src/core/rules/prose-amount-matches-table";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";
import { buildWorkbook, fmt, type TestCell } from "../helpers/workbook-builder";

const seed000 = "2、临湘市医疗保障事务中心基本支出346.77元，其中：工资福利支出215.73万元、一般商品和服务支出122.71万元。";

/** A 财政部 项目 form without names, its 项目资金 block in 万元 and its 实际完成情况 text. */
function projectSheet(budget: number, spent: number, text: string): TestCell[][] {
  return [
    ["项目支出绩效自评表"],
    ["（2021年度）"],
    ["项目名称", "业务运行费"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", fmt(budget, "#,##0.00"), fmt(budget, "#,##0.00"), fmt(spent, "#,##0.00"), 10, fmt(spent / budget, "0.00%"), 10],
    ["实际完成情况", text],
  ];
}

/**
 * A 财政部 项目 form in 元 (`全年预算数（元）`) whose funds split 当年财政拨款 / 上年结转资金 (其他资金 “—”), with its
 * text on a 自评报告 sheet in 万元: 全年 3,580,000.00 / 3,046,580.00, 当年财政拨款 3,200,000.00 / 2,726,580.00, 上年结转
 * 380,000.00 / 320,000.00.
 */
function splitProjectWorkbook(text: string): ReturnType<typeof buildWorkbook> {
  const y = (v: number): TestCell => fmt(v, "#,##0.00");
  return buildWorkbook({
    项目支出绩效自评表: [
      ["2023年度项目支出绩效自评表"],
      ["项目名称", "社区居家养老服务补助项目"],
      ["项目资金", "", "年初预算数（元）", "全年预算数（元）", "全年执行数（元）", "分值", "执行率", "得分"],
      ["", "年度资金总额", y(3150000), y(3580000), y(3046580), 10, fmt(0.851, "0.00%"), 8.51],
      ["", "其中：当年财政拨款", y(3150000), y(3200000), y(2726580), "—", fmt(0.8521, "0.00%"), "—"],
      ["", "上年结转资金", "—", y(380000), y(320000), "—", fmt(0.8421, "0.00%"), "—"],
      ["", "其他资金", "—", "—", "—", "—", "—", "—"],
      ["年度总体目标", "预期目标", "", "", "实际完成情况", "详见自评报告。"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["", "产出指标", "数量指标", "服务对象人数", "≥1200人", "1260人", 90, 90, "—"],
      ["总分", "", "", "", "", "", 100, 98.51],
    ],
    自评报告: [["社区居家养老服务补助项目2023年度绩效自评报告"], ["二、预算执行情况"], [text]],
  });
}

/** A 收入支出决算总表 (本年收入合计 848.74, 本年支出合计 848.75, 总计 848.79) beside a 说明 sheet of `text`. */
function accountsWorkbook(text: string): ReturnType<typeof buildWorkbook> {
  return buildWorkbook({
    收入支出决算总表: [
      ["2020年度收入支出决算总表"],
      ["收入", "", "", "支出"],
      ["项目", "行次", "金额", "项目", "行次", "金额"],
      ["一、一般公共预算财政拨款收入", 1, 848.74, "一、卫生健康支出", 30, 848.75],
      ["本年收入合计", 9, 848.74, "本年支出合计", 33, 848.75],
      ["年初结转和结余", 10, 0.05, "年末结转和结余", 34, 0.04],
      ["总计", 11, 848.79, "总计", 35, 848.79],
    ],
    整体绩效说明: [["2020年度部门决算说明"], [text]],
  });
}

/** A 固定资产 table in 元 (seed 003's layout w: 885710元 in all) beside a 万元 report and its text. */
function assetsWorkbook(text: string): ReturnType<typeof buildWorkbook> {
  return buildWorkbook(
    {
      基本信息: [["金额单位", "万元"], ["评价年度", 2020]],
      固定资产: [
        ["机构名称", "固定资产合计（元）", "在用固定资产（元）", "出租固定资产（元）", "其他（元）"],
        ["合计", fmt(885710, "#,##0.00"), fmt(871510, "#,##0.00"), 0, fmt(14200, "#,##0.00")],
        ["局机关", fmt(612450, "#,##0.00"), fmt(598250, "#,##0.00"), 0, fmt(14200, "#,##0.00")],
        ["医疗保障事务中心", fmt(273260, "#,##0.00"), fmt(273260, "#,##0.00"), 0, 0],
      ],
      文字说明: [[text]],
    },
    { names: { jx_money_unit: "基本信息!$B$1", jx_report_year: "基本信息!$B$2", jx_assets: "固定资产!$A$1:$E$4" } },
  );
}

ruleTester.run(proseAmountMatchesTable, {
  valid: [
    { name: "决算: 支出总计 written for 本年支出合计 (848.75) is not a mistake", workbook: accountsWorkbook("2020年度收入848.74万元、支出总计848.75万元。") },
    { name: "决算: 支出总计 as the 总计 line (848.79) is right too", workbook: accountsWorkbook("2020年度收入总计848.79万元、支出总计848.79万元。") },
    { name: "seed 002: 追加78.88万元 is 全年预算 − 年初预算 (31000 − 30000 here: 1000)", workbook: proseWorkbook({ achievements: "年初预算安排30000万元，因参保人数增加追加1000万元，比年初预算增长3.33%。" }) },
    { name: "a form without names: 已支付使用资金 is its 全年执行数", workbook: buildWorkbook({ 项目自评表: projectSheet(215.11, 215.11, "已支付使用资金215.11万元，预算执行率100.00%。") }) },
    {
      name: "a second project's sheet is compared with its own figures, not the first sheet's",
      workbook: buildWorkbook({ "1.培训补助": projectSheet(11.61, 11.61, "下达资金11.61万元，支出11.61万元。"), "2.基金监管": projectSheet(28, 12.58, "下达资金28万元，支出12.58万元，结转15.42万元。") }),
    },
    { name: "a generic word with a narrower subject (城乡医疗救助共支出) is not the form's spending", workbook: buildWorkbook({ 项目自评表: projectSheet(215.11, 215.11, "城乡医疗救助共支出1569.37万元，其中医疗救助基金支出1449.1万元。") }) },
    {
      name: "a 元 slip in the table is no-unit-mistake's finding: the right 346.77万元 in the text is not compared with it",
      workbook: proseWorkbook({ basic2: 3467700, achievements: "事务中心基本支出346.77万元。" }),
    },
    {
      name: "a table cell written with its own unit (“3467700元” in the 万元 table) is read as 346.77万元: the right text agrees",
      workbook: proseWorkbook({ basic2: "3467700元", achievements: "二级机构1基本支出346.77万元。" }),
    },
    { name: "seed 004: 资金215.11万元已全额到位 on a form whose 全年预算数 is 215.11", workbook: buildWorkbook({ 项目自评表: projectSheet(215.11, 215.11, "2021年资金215.11万元已全额到位，资金到位率100%。") }) },
    { name: "a named fund received in full is a part, not the form's budget", workbook: proseWorkbook({ achievements: "其中医疗救助资金7276万元已全额到位。" }) },
    { name: "another year's funds received in full", workbook: buildWorkbook({ 项目自评表: projectSheet(215.11, 215.11, "2020年资金180万元已全额到位。") }) },
    { name: "年末固定资产原值88.57万元: the 固定资产合计 of 885710元", workbook: assetsWorkbook("2020年“三公”经费支出9.24万元；年末固定资产原值88.57万元。") },
    { name: "局机关固定资产原值 is its row (612450元)", workbook: assetsWorkbook("局机关固定资产原值61.25万元，医疗保障事务中心27.33万元。") },
    { name: "last year's 固定资产原值 is not this year's", workbook: assetsWorkbook("上年末固定资产原值80万元，本年有所增加。") },
    { name: "last year's budget is not this year's", workbook: proseWorkbook({ achievements: "上年全年预算安排28000万元，本年有所增加。" }) },
    { name: "another year's budget named by its year", workbook: proseWorkbook({ achievements: "2020年全年预算28000万元。" }) },
    { name: "seed 000: 局机关基本支出 as in the table", workbook: proseWorkbook({ achievements: "临湘市医疗保障局机关基本支出1911.06万元。" }) },
    { name: "an unnamed 基本支出 that is one of the rows", workbook: proseWorkbook({ achievements: "事务中心基本支出346.77万元。" }) },
    { name: "the same amount in 元", workbook: proseWorkbook({ achievements: "事务中心基本支出3467700元。" }) },
    { name: "全年预算 and 全年执行 as the scalars", workbook: proseWorkbook({ achievements: "全年预算安排31000万元，全年执行30803.13万元。" }) },
    { name: "a narrower amount (财政拨款基本支出) is not the column", workbook: proseWorkbook({ achievements: "一般公共预算财政拨款基本支出442.18万元。" }) },
    { name: "an approximate amount", workbook: proseWorkbook({ achievements: "全年执行约3.08亿元。" }) },
    { name: "a project's own budget is not the department's", workbook: proseWorkbook({ achievements: "医疗救助项目全年预算7276万元。" }) },
    {
      name: "a funds row named, then 执行 (其中当年财政拨款执行, 上年结转资金执行), and 项目全年执行 on a project's own form",
      workbook: splitProjectWorkbook("项目全年执行304.66万元，其中当年财政拨款执行272.66万元，上年结转资金执行32.00万元。"),
    },
  ],
  invalid: [
    {
      name: "上年结转资金执行23.00万元 (table 320,000.00元): 上年结转 is this year's line, not last year's figure",
      workbook: splitProjectWorkbook("项目全年执行304.66万元，其中当年财政拨款执行272.66万元，上年结转资金执行23.00万元。"),
      errors: [{ messageId: "valueMismatch", ref: "自评报告!A3" }],
    },
    {
      name: "其中当年财政拨款执行227.66万元 (table 2,726,580.00元)",
      workbook: splitProjectWorkbook("其中当年财政拨款执行227.66万元，上年结转资金执行32.00万元。"),
      errors: [{ messageId: "valueMismatch", ref: "自评报告!A3" }],
    },
    {
      name: "项目全年执行340.66万元 on the project's own form (table 3,046,580.00元)",
      workbook: splitProjectWorkbook("截至2023年12月31日，项目全年执行340.66万元。"),
      errors: [{ messageId: "valueMismatch", ref: "自评报告!A3" }],
    },
    {
      name: "年末固定资产原值98.57万元 where the 固定资产合计 is 885710元",
      workbook: assetsWorkbook("年末固定资产原值98.57万元。"),
      errors: [{ messageId: "valueMismatch", ref: "文字说明!A1", expected: "88.571万元" }],
    },
    {
      name: "seed 004: 资金236.62万元已全额到位 where 全年预算数 is 215.11",
      workbook: buildWorkbook({ 项目自评表: projectSheet(215.11, 215.11, "资金236.62万元已全额到位，资金到位率100%。") }),
      errors: [{ messageId: "inFullMismatch", ref: "项目自评表!B6", expected: "215.11万元" }],
    },
    {
      name: "决算: 收入858.74万元 against 本年收入合计 848.74",
      workbook: accountsWorkbook("2020年度收入858.74万元、支出848.75万元。"),
      errors: [{ messageId: "valueMismatch", ref: "整体绩效说明!A2", expected: "848.74万元" }],
    },
    {
      name: "决算: 支出总计 matching neither 本年支出合计 nor 总计 is reported against the 总计 line",
      workbook: accountsWorkbook("2020年度收入848.74万元、支出总计858.75万元。"),
      errors: [{ messageId: "valueMismatch", ref: "整体绩效说明!A2", expected: "848.79万元" }],
    },
    {
      name: "seed 002: 追加49.17万元 where 全年预算 − 年初预算 is 1000",
      workbook: proseWorkbook({ achievements: "年初预算安排30000万元，因参保人数增加追加49.17万元。" }),
      errors: [{ messageId: "adjustmentMismatch", ref: "基本信息!B17", expected: "1000.00万元" }],
    },
    {
      name: "a form without names: 已支付使用资金251.11万元 against its 全年执行数 215.11",
      workbook: buildWorkbook({ 项目自评表: projectSheet(215.11, 215.11, "截止2021年12月31日，已支付使用资金251.11万元。") }),
      errors: [{ messageId: "valueMismatch", ref: "项目自评表!B6", expected: "215.11万元" }],
    },
    {
      name: "seed 000: 346.77元 against 346.77 万元 is a unit slip, fixed by rewriting the phrase",
      workbook: proseWorkbook({ achievements: seed000 }),
      errors: [
        {
          messageId: "unitMistake",
          ref: "基本信息!B17",
          field: "jx_achievements",
          expected: "346.77万元",
          fix: { "基本信息!B17": seed000.replace("346.77元", "346.77万元") },
        },
      ],
    },
    {
      name: "a cell written “3467700元” against a text saying 356.77万元: compared in 万元",
      workbook: proseWorkbook({ basic2: "3467700元", problems: "二级机构1基本支出356.77万元。" }),
      errors: [{ messageId: "valueMismatch", ref: "基本信息!B18", field: "jx_problems", expected: "346.77万元" }],
    },
    {
      name: "a named row with another value",
      workbook: proseWorkbook({ problems: "局机关基本支出1900.06万元，比预算略低。" }),
      errors: [{ messageId: "valueMismatch", ref: "基本信息!B18", field: "jx_problems", expected: "1911.06万元" }],
    },
    {
      name: "全年预算 that is not jx_budget_adjusted",
      workbook: proseWorkbook({ achievements: "2021年全年预算安排31100万元。" }),
      errors: [{ messageId: "valueMismatch", expected: "31000.00万元" }],
    },
    {
      name: "in the narrative sheet, the cell of the sentence",
      workbook: proseWorkbook({ extraSheets: { 评价报告综述: [["评价报告综述"], ["支出合计30803.13元。"]] } }),
      errors: [{ messageId: "unitMistake", ref: "评价报告综述!A2", fix: { "评价报告综述!A2": "支出合计30803.13万元。" } }],
    },
  ],
});

describe("a 决算 功能分类 written with 类 (seed 003: 社会保障和就业类支出)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildCorpus } = require("../forms-corpus/corpus") as typeof import("../forms-corpus/corpus");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { copyBook, snapshotOf } = require("../forms-corpus/book") as typeof import("../forms-corpus/book");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkWorkbook } = require("../../src/core/engine/run-rules") as typeof import("../../src/core/engine/run-rules");
  const withText = (text: string): ReturnType<typeof checkWorkbook> => {
    const book = copyBook(buildCorpus().find((c) => c.file === "final-accounts")!.book);
    book.sheets.find((s) => s.name === "整体绩效")!.cells.get("A7")!.v = text;
    return checkWorkbook(snapshotOf(book));
  };
  const mismatches = (text: string): string[] =>
    withText(text)
      .findings.filter((f) => f.ruleId === "prose-amount-matches-table" && f.ref === "A7")
      .map((f) => String(f.expected));
  test.each(["社会保障和就业类支出67.78万元。", "社会保障和就业支出67.78万元。"])("%s agrees with the 总表 line", (text) => {
    expect(mismatches(text)).toEqual([]);
  });
  test.each(["社会保障和就业（类）支出67.78万元。", "社会保障和就业(类)支出67.78万元。", "卫生健康（类）支出756.01万元。"])(
    "%s (类 in brackets) agrees with the 总表 line",
    (text) => {
      expect(mismatches(text)).toEqual([]);
    },
  );
  test.each([
    "社会保障和就业类支出75.56万元。",
    "卫生健康类支出75.56万元。",
    "社会保障和就业（类）支出75.56万元。",
    "卫生健康(类)支出75.56万元。",
  ])("%s is found against its 总表 line", (text) => {
    expect(mismatches(text)).toEqual([text.startsWith("卫生") ? "756.01万元" : "67.78万元"]);
  });
});

describe("支出总计 on a 部门整体 form without a 决算 总表 (seed 003, examples/xuanhan-2020-dept.xlsx)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildExamples } = require("../forms-corpus/examples") as typeof import("../forms-corpus/examples");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { copyBook, snapshotOf } = require("../forms-corpus/book") as typeof import("../forms-corpus/book");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkWorkbook } = require("../../src/core/engine/run-rules") as typeof import("../../src/core/engine/run-rules");
  const seed = "2020年度收入848.74万元、支出总计848.75万元。";
  /** The findings at 整体绩效!A5 with the text there replaced; `leftOver`: a 全年预算数 of 860, 848.75 spent. */
  const mismatches = (text: string, leftOver = false): string[] => {
    const book = copyBook(buildExamples().find((e) => e.file === "xuanhan-2020-dept.xlsx")!.book);
    book.sheets.find((s) => s.name === "整体绩效")!.cells.get("A5")!.v = text;
    if (leftOver) {
      const form = book.sheets.find((s) => s.name === "部门整体自评表")!;
      const cells: Record<string, number> = { F6: 860, F8: 860, F17: 417.82, I6: 0.9869, I8: 0.9869, I17: 0.9731, J6: 9.87 };
      for (const [a1, v] of Object.entries(cells)) form.cells.get(a1)!.v = v;
    }
    return checkWorkbook(snapshotOf(book))
      .findings.filter((f) => f.ruleId === "prose-amount-matches-table" && f.ref === "A5")
      .map((f) => String(f.expected));
  };
  test.each([seed, "2020年本年支出合计848.75万元。", "2020年支出合计848.75万元。"])("%s agrees with the 全年执行数", (text) => {
    expect(mismatches(text)).toEqual([]);
  });
  test.each([seed.replace("848.75", "934.63"), "2020年支出合计934.63万元。", "2020年本年支出决算总额934.63万元。"])("%s is found against the 全年执行数 848.75", (text) => {
    expect(mismatches(text)).toEqual(["848.75万元"]);
  });
  test("收入 is not the 全年预算数: the year's 收入 leaves out a 上年结转 (848.74 against 848.75 is no finding)", () => {
    expect(mismatches("2020年度收入934.61万元。")).toEqual([]);
  });
  test("with money left over (848.75 spent of 860), 支出总计 may count the 结转和结余: compared with nothing; 支出合计 still is", () => {
    expect(mismatches(seed.replace("848.75", "934.63"), true)).toEqual([]);
    expect(mismatches("2020年支出合计934.63万元。", true)).toEqual(["848.75万元"]);
  });
  test("a part's 支出合计 (其中…) is not the form's", () => {
    expect(mismatches("2020年度支出848.75万元，其中局机关支出合计934.63万元。")).toEqual([]);
  });
});
