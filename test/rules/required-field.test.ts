import { requiredField } from "../../src/core/rules/required-field";
import { ruleTester } from "../helpers/rule-tester";
import { buildWorkbook } from "../helpers/workbook-builder";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, snapshotOf } from "../forms-corpus/book";
import { buildCorpus } from "../forms-corpus/corpus";

const header = ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分"];
const names = { jx_report_year: "封面!$B$1", jx_unit_name: "封面!$B$2", jx_indicators: "指标!$A$1:$H$4" };

function workbook(cover: unknown[][], rows: unknown[][]) {
  return buildWorkbook({ 封面: cover as never, 指标: [header, ...rows] as never }, { names });
}

const cover = [["评价年度", 2021], ["部门名称", "临湘市医疗保障局"]];

ruleTester.run(requiredField, {
  valid: [
    {
      name: "year, unit and every indicator filled; a 定性 row needs no figures",
      workbook: workbook(cover, [
        ["产出指标", "数量指标", "参保人数", "≥", "41万人", "49.3万人", 10, 10],
        [null, "质量指标", "服务质量", "定性", null, null, 10, 9],
        ["效益指标", "社会效益", "维护社会稳定", null, "达成年度指标", "", 20, 18],
      ]),
    },
    { name: "an auto-mapped workbook with a year and a unit name", workbook: buildWorkbook({ 封面: [["评价年度", "2021年"], ["单位名称", "区医保局"]] }) },
    { name: "an auto-mapped workbook whose title names the year", workbook: buildWorkbook({ 封面: [["临湘市  2021 年度部门（单位）整体支出"], ["单位名称", "区医保局"]] }) },
    { name: "a workbook that is not a self-evaluation at all", workbook: buildWorkbook({ Sheet1: [["hello"]] }) },
    {
      name: "a blank form (the bureau template, nothing typed yet: groups pre-filled, formulas only)",
      workbook: workbook([["评价年度", null], ["部门名称", null]], [["产出指标", "数量指标", null, null, null, null, null, { value: 0, formula: "0" }]]),
    },
  ],
  invalid: [
    {
      name: "分值 given, 得分 left blank: not scored yet, the rules' score offered",
      workbook: workbook(cover, [
        ["产出指标", "数量指标", "参保人数", "≥", "41万人", "49.3万人", 10, null],
        [null, "质量指标", "审核准确率", "≥", "95%", "90%", 20, 18.95],
      ]),
      errors: [{ messageId: "blankScore", ref: "指标!H2", expected: 10 }],
    },
    {
      name: "the form once the clerk has typed something: the reminders begin",
      workbook: workbook([["评价年度", null], ["部门名称", null]], [["产出指标", "数量指标", "参保人数", "≥", "41万人", null, 10, null]]),
      errors: [
        { messageId: "blankYear", ref: "封面!B1" },
        { messageId: "blankUnitName", ref: "封面!B2" },
        { messageId: "blankActual", ref: "指标!F2" },
      ],
    },
    {
      name: "blank year and unit name at their named cells",
      workbook: workbook([["评价年度", null], ["部门名称", "  "]], [["产出指标", "数量指标", "参保人数", "≥", "41万人", "49.3万人", 10, 10]]),
      errors: [
        { messageId: "blankYear", ref: "封面!B1", field: "jx_report_year" },
        { messageId: "blankUnitName", ref: "封面!B2", field: "jx_unit_name" },
      ],
    },
    {
      name: "a 定量 indicator without target or actual, and one without 分值",
      workbook: workbook(cover, [
        ["产出指标", "数量指标", "参保人数", "≥", null, "49.3万人", 10, 10],
        [null, null, "救助人次", "≥", "1.5万人次", null, null, 10],
        [null, "质量指标", "参保率", null, null, null, 10, 10],
      ]),
      errors: [
        { messageId: "blankTarget", ref: "指标!E2", field: "jx_indicators.target" },
        { messageId: "blankActual", ref: "指标!F3", field: "jx_indicators.actual" },
        { messageId: "blankWeight", ref: "指标!G3", field: "jx_indicators.weight" },
        { messageId: "blankTarget", ref: "指标!E4" },
        { messageId: "blankActual", ref: "指标!F4" },
      ],
    },
    {
      name: "an auto-mapped workbook without any 评价年度 label or dated title",
      workbook: buildWorkbook({ 封面: [["部门整体支出绩效自评报告"], ["单位名称", "区医保局"]] }),
      errors: [{ messageId: "missingField", ref: "封面!A1", field: "jx_report_year" }],
    },
  ],
});

describe("blank cells of the forms as provinces print them", () => {
  const blanked = (file: string, sheet: string, a1: string) => {
    const c = buildCorpus().find((x) => x.file === file)!;
    const book = copyBook(c.book);
    book.sheets.find((s) => s.name === sheet)!.cells.delete(a1);
    return checkWorkbook(snapshotOf(book)).findings.filter((f) => f.severity === "error");
  };
  test("the 预算执行率 scored as a row of the indicator table (layout α), its 得分 left blank: the rules' score offered there", () => {
    const found = blanked("dept-framework", "整体支出绩效自评", "G18");
    expect(found.map((f) => `${f.ref} ${f.message}`)).toEqual(["G18 预算执行率得分为空，自评表还没有评分；按评分规则应为 9.61 分，请填写（或点“自动计算”）。"]);
  });
  test("a 二级 分值 of a form with a 分值 per level (layout p) left blank: reported there with the sum of its indicators' 分值", () => {
    const found = blanked("project-levels", "绩效自评表", "D14");
    expect(found.map((f) => f.ref)).toEqual(["D14"]);
    expect(found[0].message).toContain("数量指标分值填写为 空白，按其余各数应为 20.00");
  });
});
