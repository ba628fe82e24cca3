import { mapWorkbook } from "../../src/core/mapping";
import type { TableBinding } from "../../src/core/model/report-model";
import { buildWorkbook, errorCell } from "../helpers/workbook-builder";

/** Column key → "A1 address" of a table's header cells, for compact assertions. */
function columnsOf(t: TableBinding | undefined): Record<string, number> {
  return Object.fromEntries((t?.columns ?? []).map((c) => [c.key, c.col]));
}

/** Row → values by key of a table, for compact assertions. */
function valuesOf(t: TableBinding | undefined): Record<string, unknown>[] {
  return (t?.rows ?? []).map((r) => ({
    row: r.row,
    ...(r.isSummary ? { isSummary: true } : {}),
    ...Object.fromEntries(Object.entries(r.cells).map(([k, b]) => [k, b.cell?.value ?? null])),
  }));
}

describe("mapWorkbook by defined names", () => {
  test("binds scalars to their cells, taking the top-left cell of a range", () => {
    const wb = buildWorkbook(
      { 封面: [["评价年度", 2021], ["部门名称", "临湘市医疗保障局"], ["金额单位", "元"], ["全年预算数", 1711.75, "x"]] },
      { names: { jx_report_year: "封面!$B$1", JX_UNIT_NAME: "封面!$B$2", jx_money_unit: "封面!$B$3", jx_budget_adjusted: "封面!$B$4:$C$4" } },
    );
    const m = mapWorkbook(wb);
    expect(m.scalars.jx_report_year).toEqual({ id: "jx_report_year", ref: { sheet: "封面", address: "B1" }, cell: { value: 2021 }, source: "name" });
    expect(m.scalars.jx_unit_name?.cell?.value).toBe("临湘市医疗保障局");
    expect(m.scalars.jx_budget_adjusted?.ref.address).toBe("B4");
    expect(m.moneyUnit).toBe("元");
    expect(m.mapping.found).toBe(4);
    expect(m.mapping.missingScalars).toContain("jx_executed");
    expect(m.mapping.missingScalars).not.toContain("jx_report_year");
    expect(m.mapping.missingTables).toHaveLength(7);
    expect(m.mapping.problems).toEqual([]);
  });

  test("an empty named cell is bound without a cell; money unit defaults to 万元", () => {
    const wb = buildWorkbook({ 封面: [["评价年度", null]] }, { names: { jx_report_year: "封面!$B$1" } });
    const m = mapWorkbook(wb);
    expect(m.scalars.jx_report_year).toEqual({ id: "jx_report_year", ref: { sheet: "封面", address: "B1" }, source: "name" });
    expect(m.moneyUnit).toBe("万元");
  });

  test("prefers a workbook-scoped name over a sheet-scoped one", () => {
    const wb = buildWorkbook(
      { A: [[2020]], B: [[2021]] },
      { localNames: [{ name: "jx_report_year", refersTo: "A!$A$1", scope: "A" }], names: { jx_report_year: "B!$A$1" } },
    );
    expect(mapWorkbook(wb).scalars.jx_report_year?.ref).toEqual({ sheet: "B", address: "A1" });
  });

  test("a sheet-scoped name is used when it is the only one", () => {
    const wb = buildWorkbook({ A: [[2020]] }, { localNames: [{ name: "jx_report_year", refersTo: "A!$A$1", scope: "A" }] });
    expect(mapWorkbook(wb).scalars.jx_report_year?.cell?.value).toBe(2020);
  });

  test("broken names are reported, not thrown", () => {
    const wb = buildWorkbook(
      { 封面: [[1]] },
      { names: { jx_report_year: "#REF!", jx_unit_name: "封面!#REF!", jx_executed: "0.2", jx_income: "缺失!$A$1:$B$3" } },
    );
    const m = mapWorkbook(wb);
    expect(m.mapping.problems.map((p) => [p.code, p.target])).toEqual([
      ["broken-name", "jx_report_year"],
      ["broken-name", "jx_unit_name"],
      ["broken-name", "jx_executed"],
      ["broken-name", "jx_income"],
    ]);
    expect(m.scalars.jx_report_year).toBeUndefined();
    expect(m.mapping.missingTables).toContain("jx_income");
  });

  test("a one-row-header table: columns by label and alias, blank rows skipped, 汇总 row", () => {
    const wb = buildWorkbook(
      {
        收支情况: [
          ["年度收入情况（万元）"],
          ["机构名称", "收入合计", "上年结转", "一般公共预算财政拨款", "政府性基金拨款", "纳入专户管理的非税收入拨款", "其他收入"],
          ["局机关及二级机构汇总", 30803.13, 0, 30750.58, 52.55, 0, 0],
          [],
          ["1、局机关", 1911.06, 0, 1858.51, 52.55, 0, 0],
          ["2、二级机构1", 28892.07, 0, 28892.07, 0, 0, 0],
        ],
      },
      { names: { jx_income: "收支情况!$A$2:$G$6" } },
    );
    const t = mapWorkbook(wb).tables.jx_income;
    expect(t?.source).toBe("name");
    expect(t?.headerRow).toBe(2);
    expect(columnsOf(t)).toEqual({ name: 1, total: 2, carryover: 3, public: 4, fund: 5, special: 6, other: 7 });
    expect(t?.columns.find((c) => c.key === "public")?.header).toBe("一般公共预算财政拨款");
    expect(valuesOf(t)).toEqual([
      { row: 3, isSummary: true, name: "局机关及二级机构汇总", total: 30803.13, carryover: 0, public: 30750.58, fund: 52.55, special: 0, other: 0 },
      { row: 5, name: "1、局机关", total: 1911.06, carryover: 0, public: 1858.51, fund: 52.55, special: 0, other: 0 },
      { row: 6, name: "2、二级机构1", total: 28892.07, carryover: 0, public: 28892.07, fund: 0, special: 0, other: 0 },
    ]);
    expect(t?.rows[0].cells.total.ref).toEqual({ sheet: "收支情况", address: "B3" });
  });

  test("a three-row header with merged 其中 cells (seed 000's 支出 table)", () => {
    const wb = buildWorkbook(
      {
        支出: [
          ["机构名称", "支出合计", "其中：", null, null, null, "结余"],
          [null, null, "基本支出", "其中：", null, "项目支出", "当年结余", "累计结余"],
          [null, null, null, "人员支出", "公用支出"],
          ["局机关及二级机构汇总", 30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0],
          ["1、局机关", 1911.06, 1911.06, 1640.27, 270.79, null, 0, 0],
          ["3、二级机构2"],
        ],
      },
      { names: { jx_expense: "支出!$A$1:$H$6" }, merges: { 支出: ["A1:A3", "B1:B3", "C1:F1", "G1:H1", "C2:C3", "D2:E2", "F2:F3", "G2:G3", "H2:H3"] } },
    );
    const t = mapWorkbook(wb).tables.jx_expense;
    expect(t?.headerRow).toBe(3);
    expect(columnsOf(t)).toEqual({ name: 1, total: 2, basic: 3, personnel: 4, publicUse: 5, project: 6, balanceYear: 7, balanceTotal: 8 });
    expect(t?.rows.map((r) => [r.row, r.isSummary])).toEqual([[4, true], [5, false], [6, false]]);
    expect(t?.rows[1].cells.project).toEqual({ ref: { sheet: "支出", address: "F5" } });
  });

  test("a two-row header whose label cell holds line breaks (三公经费\\n\\n合计)", () => {
    const wb = buildWorkbook(
      {
        三公: [
          ["机构名称", "三公经费\n\n合计", "其中："],
          [null, null, "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国（境）费"],
          ["局机关及二级机构汇总", 32.25, 32.25, 0, 0, 0],
        ],
      },
      { names: { jx_sangong: "三公!$A$1:$F$3" }, merges: { 三公: ["A1:A2", "B1:B2", "C1:F1"] } },
    );
    const t = mapWorkbook(wb).tables.jx_sangong;
    expect(columnsOf(t)).toEqual({ name: 1, total: 2, reception: 3, vehicleOps: 4, vehicleBuy: 5, abroad: 6 });
    expect(t?.headerRow).toBe(2);
    expect(t?.rows).toHaveLength(1);
  });

  test("a header that contains a label, when unambiguous", () => {
    const wb = buildWorkbook(
      { 资产: [["单位名称", "固定资产合计（万元）", "在用固定资产", "出租固定资产", "其他"], ["合计", 88.57, 88.57, 0, 0]] },
      { names: { jx_assets: "资产!$A$1:$E$2" } },
    );
    const t = mapWorkbook(wb).tables.jx_assets;
    expect(columnsOf(t)).toEqual({ name: 1, total: 2, inUse: 3, leased: 4, other: 5 });
    expect(t?.rows[0].isSummary).toBe(true);
  });

  test("a missing required column is a problem at the header row", () => {
    const wb = buildWorkbook(
      { 项目: [[null], ["项目名称", "预算数", "备注"], ["A项目", 10, ""]] },
      { names: { jx_projects: "项目!$A$2:$C$3" } },
    );
    const m = mapWorkbook(wb);
    expect(m.mapping.problems).toEqual([
      { code: "missing-column", target: "jx_projects.executed", detail: "执行数", ref: { sheet: "项目", address: "A2" } },
    ]);
    expect(columnsOf(m.tables.jx_projects)).toEqual({ name: 1, budget: 2 });
  });

  test("indicators: blank or merged 一级/二级 cells continue the group above", () => {
    const wb = buildWorkbook(
      {
        指标: [
          ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
          ["产出指标", "数量指标", "参保人数", "≥", "41万人", "49.3万人", 10, 10],
          [null, null, "救助人次", "≥", "1.5万人次", "1.8万人次", 10, 10],
          [null, "质量指标", "参保率", "≥", "95%", "95.44%", 10, 10],
          ["效益指标", null, "社会效益", "定性", "达成", "达成", 30, 28],
          ["满意度指标", "服务对象满意度", "满意度", "≥", "90%", "95%", 10, 10],
          [null, null, "投诉办结率", "=", "100%", "100%", 10, 10],
        ],
      },
      { names: { jx_indicators: "指标!$A$1:$I$7" }, merges: { 指标: ["A6:A7", "B6:B7"] } },
    );
    const t = mapWorkbook(wb).tables.jx_indicators;
    expect(Object.keys(columnsOf(t))).toEqual(["level1", "level2", "level3", "direction", "target", "actual", "weight", "score", "reason"]);
    expect(t?.rows.map((r) => [r.row, r.level1, r.level2])).toEqual([
      [2, "产出指标", "数量指标"],
      [3, "产出指标", "数量指标"],
      [4, "产出指标", "质量指标"],
      [5, "效益指标", undefined],
      [6, "满意度指标", "服务对象满意度"],
      [7, "满意度指标", "服务对象满意度"],
    ]);
    expect(t?.rows[2].cells.level1).toEqual({ ref: { sheet: "指标", address: "A4" } });
  });

  test("score summary with its 一级 carried down", () => {
    const wb = buildWorkbook(
      { 汇总: [["一级指标", "二级指标", "分值", "得分"], ["产出指标", "数量", 25, 24], [null, "质量", 25, 25], ["预算执行率", null, 10, 9.97]] },
      { names: { jx_score_summary: "汇总!$A$1:$D$4" } },
    );
    const t = mapWorkbook(wb).tables.jx_score_summary;
    expect(t?.rows.map((r) => [r.level1, r.level2])).toEqual([["产出指标", "数量"], ["产出指标", "质量"], ["预算执行率", undefined]]);
  });

  test("a whole-column name visits only the cells present", () => {
    const rows: (string | number)[][] = [["项目名称", "预算数", "执行数"]];
    for (let i = 0; i < 50; i++) rows.push([`项目${i}`, 10, 9]);
    const wb = buildWorkbook({ 项目: rows }, { names: { jx_projects: "项目!$A:$C" } });
    const started = Date.now();
    const t = mapWorkbook(wb).tables.jx_projects;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(t?.rows).toHaveLength(50);
    expect(t?.rows[49].row).toBe(51);
  });

  test("error cells are kept as cells, and a name to a table on another sheet case-insensitively", () => {
    const wb = buildWorkbook(
      { Data: [["项目名称", "预算数", "执行数"], ["A", errorCell("#DIV/0!"), 1]] },
      { names: { jx_projects: "data!$A$1:$C$2" } },
    );
    const t = mapWorkbook(wb).tables.jx_projects;
    expect(t?.sheet).toBe("Data");
    expect(t?.rows[0].cells.budget.cell?.error).toBe("#DIV/0!");
  });
});
