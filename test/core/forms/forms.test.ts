/**
 * The forms layer on workbooks laid out as bureaus lay them out (test/core/forms/fixtures.ts): each form
 * is detected, a consistent workbook checks clean, and each planted mistake is one finding at its cause.
 */
import { mapWorkbook } from "../../../src/core/mapping";
import { checkWorkbook } from "../../../src/core/engine/run-rules";
import { detectForm } from "../../../src/core/forms/detect";
import { SheetGrid } from "../../../src/core/mapping/grid";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { buildWorkbook, fmt, type TestCell } from "../../helpers/workbook-builder";
import { mofProject, mofProjectRows, patch, projectsWorkbook, summaryRows } from "./fixtures";

/** Errors and warnings as `rule messageId Sheet!A1`. */
function problems(wb: WorkbookSnapshot): string[] {
  return checkWorkbook(wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.ruleId} ${f.messageId} ${f.sheet}!${f.ref}`);
}

const pct = (v: number): TestCell => fmt(v, "0.00%");

describe("财政部 项目支出绩效自评表", () => {
  test("is detected and read: identity from 填报单位：… and （2021年度）, the 项目资金 block, the 总分 row", () => {
    const m = mapWorkbook(mofProject());
    expect(m.form?.id).toBe("mof-project");
    expect(m.scalars.jx_unit_name?.cell?.value).toBe("攀枝花市医疗保障事务中心");
    expect(m.scalars.jx_report_year?.ref.address).toBe("A2");
    expect(m.scalars.jx_project_name?.cell?.value).toBe("业务运行费及追加工作经费");
    expect(m.scalars.jx_budget_adjusted?.ref.address).toBe("D7");
    expect(m.scalars.jx_exec_score?.ref.address).toBe("H7");
    expect(m.scalars.jx_score_total?.ref.address).toBe("H21");
    expect(m.scalars.jx_weight_total?.ref.address).toBe("G21");
    // The blank row inside the indicator table does not cut it.
    expect(m.tables.jx_indicators?.rows.map((r) => r.row)).toEqual([14, 15, 17, 18, 19, 20]);
    expect(m.relations?.map((r) => r.where)).toEqual(["项目资金（年初预算数）", "项目资金（全年预算数）", "项目资金（全年执行数）"]);
  });

  test("the consistent form: no error, no warning (填报日期 in the next year, “—” cells, a blank row)", () => {
    expect(problems(mofProject())).toEqual([]);
  });

  test.each([
    ["上年结转资金 typed in 元", { D8: 165.11, D9: 500000 }, "no-unit-mistake tooLarge 项目自评表!D9"],
    ["a 其中 row that does not foot", { D8: 205.11 }, "total-matches-parts formMismatch 项目自评表!D8"],
    ["执行率得分 full marks for 92.98%", { E7: 200, E8: 200, G7: pct(200 / 215.11) }, "total-score-matches execScoreMismatch 项目自评表!H7"],
    ["the 总分 row's 分值 90", { G21: 90 }, "weights-sum totalRowMismatch 项目自评表!G21"],
    ["an indicator's 实际完成值 in 元", { D20: "单位运行成本", E20: "≤200万元", F20: "2000000" }, "no-unit-mistake indicatorTooLarge 项目自评表!F20"],
    // The 完成值 is the form's own 全年执行数 (215.11): the target is the one typed in 元.
    ["an indicator's 年度指标值 in 元", { D20: "项目总成本", E20: "≤2151100万元", F20: "215.11万元" }, "no-unit-mistake targetTooLarge 项目自评表!E20"],
    ["not achieved, reason empty", { F14: "800份", H14: 16, H21: 96 }, "indicator-reason-required reasonMissing 项目自评表!I14"],
  ])("%s: one finding, at the cause", (_name, cells, expected) => {
    expect(problems(mofProject(patch(mofProjectRows(), cells)))).toEqual([expected]);
  });

  test("a year missing from the form is a note, not an error", () => {
    const r = checkWorkbook(mofProject(patch(mofProjectRows(), { A2: null })));
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([["form-field-absent", "info"]]);
  });
});

describe("one project per sheet plus a 项目汇总", () => {
  test("each sheet is its own form; the workbook names them all", () => {
    const m = mapWorkbook(projectsWorkbook());
    expect(m.forms?.map((f) => [f.sheet, f.id])).toEqual([
      ["项目汇总", "project-summary"],
      ["业务运行费", "mof-project"],
      ["信息化建设", "mof-project"],
    ]);
    expect(m.parts).toHaveLength(3);
    expect(problems(projectsWorkbook())).toEqual([]);
  });

  test("a wrong 合计 amount: one finding at the amount, not at its (right) 执行率 and 结转结余", () => {
    expect(problems(projectsWorkbook(patch(summaryRows(), { E6: 325.11 })))).toEqual(["total-matches-parts summaryMismatch 项目汇总!E6"]);
  });

  test("a 汇总 row that differs from its sheet", () => {
    expect(problems(projectsWorkbook(patch(summaryRows(), { I5: 98 })))).toEqual(["summary-matches-sheets rowDiffers 项目汇总!I5"]);
  });

  test("a project's 自评得分 over 100 in a 汇总 on its own: one error at that score", () => {
    const only = (rows: TestCell[][]): WorkbookSnapshot => buildWorkbook({ 项目汇总: rows }, { merges: { 项目汇总: ["A1:J1", "A6:D6"] } });
    expect(problems(only(summaryRows()))).toEqual([]);
    expect(problems(only(patch(summaryRows(), { I4: 105 })))).toEqual(["score-within-weight aboveWeight 项目汇总!I4"]);
  });

  test("a project row's 执行数 that breaks its row and the 合计: one finding at the 执行数", () => {
    expect(problems(projectsWorkbook(patch(summaryRows(), { F5: 96 })))).toContain("project-row-consistent amountMismatch 项目汇总!F5");
  });
});

describe("部门整体支出绩效自评表 with both fund splits", () => {
  const rows = (): TestCell[][] => [
    ["部门整体支出绩效自评表"],
    ["（2024年度）"],
    ["填报单位：区医疗保障局", null, null, null, null, null, "填报日期：2025年3月10日"],
    ["项目", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", null, 1632.87, 1711.75, 1707.31, 10, pct(0.9974), 9.97],
    ["按收入性质分", "一般公共预算财政拨款", 1632.87, 1711.75, 1707.31, "—", pct(0.9974), "—"],
    [null, "政府性基金预算财政拨款", 0, 0, 0, "—", "—", "—"],
    [null, "国有资本经营预算财政拨款", 0, 0, 0, "—", "—", "—"],
    [null, "财政专户管理资金", 0, 0, 0, "—", "—", "—"],
    [null, "单位资金", 0, 0, 0, "—", "—", "—"],
    ["按支出性质分", "基本支出", 100, 104, 103.86, "—", pct(0.9987), "—"],
    [null, "其中：人员经费", 80, 84, 83.86, "—", pct(0.9983), "—"],
    [null, "公用经费", 20, 20, 20, "—", pct(1), "—"],
    [null, "项目支出", 1532.87, 1607.75, 1603.45, "—", pct(0.9973), "—"],
  ];
  const wb = (r = rows()): WorkbookSnapshot => buildWorkbook({ 部门整体: r }, { merges: { 部门整体: ["A1:H1", "A2:H2", "A4:B4", "A5:B5", "A6:A10", "A11:A14"] } });

  test("is detected, the splits are declared relations, and the consistent form is clean", () => {
    const m = mapWorkbook(wb());
    expect(m.form?.id).toBe("dept-overall");
    expect(m.relations).toHaveLength(9);
    expect(problems(wb())).toEqual([]);
  });

  test("a 项目支出 that alone breaks the 按支出性质 split is the cause (the total agrees with the other split)", () => {
    const r = patch(rows(), { E14: 1613.45, G14: pct(1613.45 / 1607.75) });
    expect(problems(wb(r))).toEqual(["total-matches-parts formMismatch 部门整体!E14"]);
  });

  test("a 人员经费 typed in 元 is one finding at that cell", () => {
    const r = patch(rows(), { E12: 838600 });
    expect(problems(wb(r))).toEqual(["no-unit-mistake tooLarge 部门整体!E12"]);
  });

  test("a split's heading written in its first row's cell (按收入性质分：一般公共预算财政拨款) labels that row", () => {
    const r = rows();
    r[5] = [null, "按收入性质分：一般公共预算财政拨款", ...r[5].slice(2)];
    r[10] = [null, "按支出性质分：基本支出", ...r[10].slice(2)];
    expect(mapWorkbook(wb(r)).relations).toHaveLength(9);
    expect(problems(wb(r))).toEqual([]);
    expect(problems(wb(patch(r, { E12: 838600 })))).toEqual(["no-unit-mistake tooLarge 部门整体!E12"]);
  });
});

describe("detection", () => {
  test("a sheet of prose is no form; a 决算 总表 is", () => {
    const prose = new SheetGrid(buildWorkbook({ 报告: [["一、项目概况"], ["项目资金215.11万元，已全部支出。"]] }).sheets[0]);
    expect(detectForm(prose)).toBeUndefined();
    const accounts = new SheetGrid(
      buildWorkbook({
        总表: [["收入支出决算总表"], ["项目", "行次", "金额", "项目", "行次", "金额"], ["本年收入合计", 9, 848.74, "本年支出合计", 59, 848.75], ["年初结转和结余", 11, 0.01, "年末结转和结余", 61, 0]],
      }).sheets[0],
    );
    expect(detectForm(accounts)?.form.id).toBe("final-accounts");
  });
});
