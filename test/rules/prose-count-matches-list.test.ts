import { proseCountMatchesList } from "../../src/core/rules/prose-count-matches-list";
import { ruleTester } from "../helpers/rule-tester";
import { proseWorkbook } from "../narrative/prose-workbook";
import { patch, summaryRows } from "../core/forms/fixtures";
import { buildWorkbook } from "../helpers/workbook-builder";

ruleTester.run(proseCountMatchesList, {
  valid: [
    { name: "the whole a breakdown is of: 3个项目中2个项目自评为优 (three projects)", workbook: proseWorkbook({ achievements: "二、自评结果。3个项目中2个项目自评为优，1个项目自评为良。" }) },
    { name: "the count after its noun, as listed: 共设置三级指标5个", workbook: proseWorkbook({ achievements: "本项目共设置三级指标5个，其中4个达成年度指标值。" }) },
    { name: "a breakdown after 其中: 其中2个项目自评为优，1个项目自评为良", workbook: proseWorkbook({ achievements: "共实施3个项目，其中2个项目自评为优，1个项目自评为良。" }) },
    { name: "a subset before the noun: 完成的三级指标4个", workbook: proseWorkbook({ achievements: "已完成的三级指标4个。" }) },
    { name: "3 projects, 3 一级, 5 二级, 5 三级 as listed", workbook: proseWorkbook({ achievements: "全年共安排3个项目。指标体系设置预算执行率和3个一级指标，5个二级指标，5个三级指标。" }) },
    { name: "a subset: 其中1个项目", workbook: proseWorkbook({ achievements: "其中1个项目超预算执行。" }) },
    { name: "a subset: 2个项目未完成", workbook: proseWorkbook({ achievements: "2个项目未完成年度目标。" }) },
    { name: "other things counted in 个", workbook: proseWorkbook({ achievements: "内设7个股室，下属1个二级机构。" }) },
  ],
  invalid: [
    {
      name: "the whole a breakdown is of: 5个项目中2个项目自评为优 beside three projects",
      workbook: proseWorkbook({ achievements: "二、自评结果。5个项目中2个项目自评为优，3个项目自评为良。" }),
      errors: [{ messageId: "countMismatch", ref: "基本信息!B17", expected: "3个项目" }],
    },
    {
      name: "the count after its noun: 共设置三级指标9个 beside five",
      workbook: proseWorkbook({ achievements: "本项目共设置三级指标9个，均达成年度指标值。" }),
      errors: [{ messageId: "countMismatch", ref: "基本信息!B17", expected: "5个三级指标" }],
    },
    {
      name: "6个项目 beside three projects",
      workbook: proseWorkbook({ achievements: "全年共安排6个项目，执行良好。" }),
      errors: [{ messageId: "countMismatch", ref: "基本信息!B17", field: "jx_achievements", expected: "3个项目" }],
    },
    {
      name: "seed 002 wording: 9个二级指标，9个三级指标 beside five",
      workbook: proseWorkbook({ problems: "设置预算执行率和3个一级指标，9个二级指标，9个三级指标。" }),
      errors: [
        { messageId: "countMismatch", ref: "基本信息!B18", expected: "5个二级指标" },
        { messageId: "countMismatch", ref: "基本信息!B18", expected: "5个三级指标" },
      ],
    },
    {
      name: "a count of 一级指标 with fewer rows listed",
      workbook: proseWorkbook({ indicatorRows: 3, achievements: "设置2个一级指标。" }),
      errors: [{ messageId: "countMismatch", expected: "1个一级指标" }],
    },
  ],
});

describe("a count of projects by grade against a 汇总's 自评结果 column", () => {
  // Two projects graded 优 in the fixture's 汇总; the sentence sits below the table.
  const withText = (t: string): ReturnType<typeof buildWorkbook> => buildWorkbook({ 项目汇总: patch(summaryRows(), { A9: "自评结论：", B9: t }) });
  ruleTester.run(proseCountMatchesList, {
    valid: [
      { name: "其中2个项目自评为优 as graded", workbook: withText("共实施2个项目，其中2个项目自评为优。") },
      { name: "a grade no row is given, counted 0", workbook: withText("2个项目自评为优，0个项目自评为良。") },
    ],
    invalid: [
      {
        name: "其中1个项目自评为优 beside two graded 优: at the sentence, naming the count",
        workbook: withText("共实施2个项目，其中1个项目自评为优，1个项目自评为良。"),
        errors: [
          { messageId: "countMismatch", ref: "项目汇总!B9", expected: "2个项目" },
          { messageId: "countMismatch", ref: "项目汇总!B9", expected: "0个项目" },
        ],
      },
    ],
  });
});
