import { mapWorkbook, suggestNames } from "../../src/core/mapping";
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

  test("a name on the header's first cell reads the table from that corner", () => {
    const wb = buildWorkbook(
      { 项目: [["项目名称", "预算数", "执行数"], ["A", 10, 9], ["B", 5, 5], [], ["备注：无"]] },
      { names: { jx_projects: "项目!$A$1" } },
    );
    const m = mapWorkbook(wb);
    expect(columnsOf(m.tables.jx_projects)).toEqual({ name: 1, budget: 2, executed: 3 });
    expect(m.tables.jx_projects?.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(m.mapping.problems).toEqual([]);
  });

  test("a named rectangle that also covers the title row above the header", () => {
    const wb = buildWorkbook(
      { 收支: [["年度收入情况（万元）"], ["机构名称", "收入合计", "其他收入"], ["汇总", 10, 10]] },
      { names: { jx_income: "收支!$A$1:$C$3" }, merges: { 收支: ["A1:C1"] } },
    );
    const t = mapWorkbook(wb).tables.jx_income;
    expect(t?.headerRow).toBe(2);
    expect(columnsOf(t)).toEqual({ name: 1, total: 2, other: 3 });
    expect(t?.rows.map((r) => [r.row, r.isSummary])).toEqual([[3, true]]);
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

/** A clerk's sheet laid out like seed 000 (a Word report pasted into Excel), without any names. */
function seed000Sheet() {
  const rows = [
    ["临湘市  2021 年度部门（单位）整体支出绩效评价自评报告"], // 1
    ["部门(单位)名称", "临湘市医疗保障局"], // 2
    ["报告日期", "2022年8月16日"], // 3
    ["联系人", "杨美荣", "联络电话", "3728919"], // 4
    ["人员编制", 65, "实有人数", 65], // 5
    ["职能职责概述", "我局职能职责主要分两大块。"], // 6
    [], // 7
    ["年度收入情况（万元）"], // 8
    ["机构名称", "收入合计", "其中："], // 9
    [null, null, "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"], // 10
    ["局机关及二级机构汇总", 30803.13, 0, 30750.58, 52.55, 0, 0], // 11
    ["1、局机关", 1911.06, 0, 1858.51, 52.55, 0, 0], // 12
    ["2、二级机构1", 28892.07, 0, 28892.07, 0, 0, 0], // 13
    ["3、二级机构2"], // 14
    ["部门（单位）年度支出和结余情况（万元）"], // 15
    ["机构名称", "支出合计", "其中：", null, null, null, "结余"], // 16
    [null, null, "基本支出", "其中：", null, "项目支出", "当年结余", "累计结余"], // 17
    [null, null, null, "人员支出", "公用支出"], // 18
    ["局机关及二级机构汇总", 30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0], // 19
    ["1、局机关", 1911.06, 1911.06, 1640.27, 270.79, null, 0, 0], // 20
    ["2、二级机构1", 28892.07, 346.77, 224.06, 122.71, "28545.30", 0, 0], // 21
    ["3、二级机构2"], // 22
    ["机构名称", "三公经费\n\n合计", "其中："], // 23
    [null, null, "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"], // 24
    ["局机关及二级机构汇总", 32.25, 32.25, 0, 0, 0], // 25
    ["1、局机关", 24, 24, 0, 0, 0], // 26
    ["2、二级机构1", 8.25, 8.25, 0, 0, 0], // 27
    ["3、二级机构2"], // 28
    ["机构名称", "固定资产\n\n合计", "其中：", null, "其他"], // 29
    [null, null, "在用固定资产", "出租固定资产"], // 30
    ["局机关及二级机构汇总", 88.57, 88.57, 0, 0], // 31
    ["1、局机关", 51.14, 51.14, 0, 0], // 32
    ["2、二级机构1", 37.43, 37.43, 0, 0], // 33
    ["3、二级机构2"], // 34
    ["三、部门（单位）整体支出绩效自评情况"], // 35
    ["一级指标", "二级指标", "三级指标", "分值"], // 36
    ["产出指标", "质量指标", "指标1：财政供养控制率", 5], // 37
    [null, null, "指标2：三公经费变动率", 3], // 38
    [null, "数量指标", "指标1：基本支出", 7], // 39
    ["效益指标", "社会效益", "指标1：保证医保局工作正常运行", 3], // 40
    ["绩效自评综合得分", 96], // 41
    ["评价等次", "优秀"], // 42
  ];
  const merges = [
    "A8:G8", "A9:A10", "B9:B10", "C9:G9",
    "A15:H15", "A16:A18", "B16:B18", "C16:F16", "G16:H16", "C17:C18", "D17:E17", "F17:F18", "G17:G18", "H17:H18",
    "A23:A24", "B23:B24", "C23:F23",
    "A29:A30", "B29:B30", "C29:D29", "E29:E30",
    "A35:H35", "A37:A39", "B37:B38",
  ];
  return buildWorkbook({ 整体支出: rows }, { merges: { 整体支出: merges } });
}

describe("mapWorkbook by labels (auto-map)", () => {
  test("maps all four money tables of a seed-000 sheet, every column and row", () => {
    const m = mapWorkbook(seed000Sheet());
    const { jx_income: income, jx_expense: expense, jx_sangong: sangong, jx_assets: assets } = m.tables;
    for (const t of [income, expense, sangong, assets]) expect(t?.source).toBe("label");

    expect(income?.headerRow).toBe(10);
    expect(columnsOf(income)).toEqual({ name: 1, total: 2, carryover: 3, public: 4, fund: 5, special: 6, other: 7 });
    expect(valuesOf(income)).toEqual([
      { row: 11, isSummary: true, name: "局机关及二级机构汇总", total: 30803.13, carryover: 0, public: 30750.58, fund: 52.55, special: 0, other: 0 },
      { row: 12, name: "1、局机关", total: 1911.06, carryover: 0, public: 1858.51, fund: 52.55, special: 0, other: 0 },
      { row: 13, name: "2、二级机构1", total: 28892.07, carryover: 0, public: 28892.07, fund: 0, special: 0, other: 0 },
      { row: 14, name: "3、二级机构2", total: null, carryover: null, public: null, fund: null, special: null, other: null },
    ]);

    expect(expense?.headerRow).toBe(18);
    expect(columnsOf(expense)).toEqual({ name: 1, total: 2, basic: 3, personnel: 4, publicUse: 5, project: 6, balanceYear: 7, balanceTotal: 8 });
    expect(valuesOf(expense)).toEqual([
      { row: 19, isSummary: true, name: "局机关及二级机构汇总", total: 30803.13, basic: 2257.83, personnel: 1864.33, publicUse: 393.5, project: 28545.3, balanceYear: 0, balanceTotal: 0 },
      { row: 20, name: "1、局机关", total: 1911.06, basic: 1911.06, personnel: 1640.27, publicUse: 270.79, project: null, balanceYear: 0, balanceTotal: 0 },
      { row: 21, name: "2、二级机构1", total: 28892.07, basic: 346.77, personnel: 224.06, publicUse: 122.71, project: "28545.30", balanceYear: 0, balanceTotal: 0 },
      { row: 22, name: "3、二级机构2", total: null, basic: null, personnel: null, publicUse: null, project: null, balanceYear: null, balanceTotal: null },
    ]);

    expect(sangong?.headerRow).toBe(24);
    expect(columnsOf(sangong)).toEqual({ name: 1, total: 2, reception: 3, vehicleOps: 4, vehicleBuy: 5, abroad: 6 });
    expect(valuesOf(sangong)).toEqual([
      { row: 25, isSummary: true, name: "局机关及二级机构汇总", total: 32.25, reception: 32.25, vehicleOps: 0, vehicleBuy: 0, abroad: 0 },
      { row: 26, name: "1、局机关", total: 24, reception: 24, vehicleOps: 0, vehicleBuy: 0, abroad: 0 },
      { row: 27, name: "2、二级机构1", total: 8.25, reception: 8.25, vehicleOps: 0, vehicleBuy: 0, abroad: 0 },
      { row: 28, name: "3、二级机构2", total: null, reception: null, vehicleOps: null, vehicleBuy: null, abroad: null },
    ]);

    expect(assets?.headerRow).toBe(30);
    expect(columnsOf(assets)).toEqual({ name: 1, total: 2, inUse: 3, leased: 4, other: 5 });
    expect(valuesOf(assets)).toEqual([
      { row: 31, isSummary: true, name: "局机关及二级机构汇总", total: 88.57, inUse: 88.57, leased: 0, other: 0 },
      { row: 32, name: "1、局机关", total: 51.14, inUse: 51.14, leased: 0, other: 0 },
      { row: 33, name: "2、二级机构1", total: 37.43, inUse: 37.43, leased: 0, other: 0 },
      { row: 34, name: "3、二级机构2", total: null, inUse: null, leased: null, other: null },
    ]);
    expect(m.moneyUnit).toBe("万元");
    expect(m.mapping.problems).toEqual([]);
  });

  test("the seed-000 indicator table (一级/二级/三级指标 | 分值, merged groups) ends at the 综合得分 row", () => {
    const t = mapWorkbook(seed000Sheet()).tables.jx_indicators;
    expect(t?.source).toBe("label");
    expect(t?.headerRow).toBe(36);
    expect(columnsOf(t)).toEqual({ level1: 1, level2: 2, level3: 3, weight: 4 });
    expect(t?.rows.map((r) => [r.row, r.level1, r.level2, r.cells.weight.cell?.value])).toEqual([
      [37, "产出指标", "质量指标", 5],
      [38, "产出指标", "质量指标", 3],
      [39, "产出指标", "数量指标", 7],
      [40, "效益指标", "社会效益", 3],
    ]);
  });

  test("maps the scalars of a seed-000 sheet from the cells beside their labels", () => {
    const m = mapWorkbook(seed000Sheet());
    const at = (id: keyof typeof m.scalars): [string | undefined, unknown] => [m.scalars[id]?.ref.address, m.scalars[id]?.cell?.value];
    expect(at("jx_unit_name")).toEqual(["B2", "临湘市医疗保障局"]);
    expect(at("jx_report_date")).toEqual(["B3", "2022年8月16日"]);
    expect(at("jx_contact_name")).toEqual(["B4", "杨美荣"]);
    expect(at("jx_contact_phone")).toEqual(["D4", "3728919"]);
    expect(at("jx_staff_quota")).toEqual(["B5", 65]);
    expect(at("jx_staff_actual")).toEqual(["D5", 65]);
    expect(at("jx_duties")).toEqual(["B6", "我局职能职责主要分两大块。"]);
    expect(at("jx_score_total")).toEqual(["B41", 96]);
    expect(at("jx_grade")).toEqual(["B42", "优秀"]);
    expect(m.scalars.jx_unit_name?.source).toBe("label");
    // No 评价年度 label: the title that names the year stands for it.
    expect(at("jx_report_year")).toEqual(["A1", "临湘市  2021 年度部门（单位）整体支出绩效评价自评报告"]);
    expect(m.mapping.missingScalars).toContain("jx_budget_initial");
  });

  test("suggestNames lists the cells and rectangles to save as names", () => {
    const names = suggestNames(mapWorkbook(seed000Sheet()));
    const byName = Object.fromEntries(names.map((n) => [n.name, n.ref]));
    expect(byName).toMatchObject({
      jx_unit_name: "整体支出!$B$2",
      jx_staff_quota: "整体支出!$B$5",
      jx_income: "整体支出!$A$9:$G$14",
      jx_expense: "整体支出!$A$16:$H$22",
      jx_sangong: "整体支出!$A$23:$F$28",
      jx_assets: "整体支出!$A$29:$E$34",
    });
    // Saved names map back to the same tables.
    const wb = seed000Sheet();
    const named = mapWorkbook({ ...wb, names: names.map((n) => ({ name: n.name, refersTo: n.ref })) });
    expect(named.tables.jx_expense?.source).toBe("name");
    expect(valuesOf(named.tables.jx_expense)).toEqual(valuesOf(mapWorkbook(wb).tables.jx_expense));
    expect(named.scalars.jx_staff_actual?.cell?.value).toBe(65);
  });

  test("names win: a workbook with any jx_ name is not auto-mapped", () => {
    const wb = seed000Sheet();
    const m = mapWorkbook({ ...wb, names: [{ name: "jx_report_year", refersTo: "整体支出!$A$7" }] });
    expect(m.tables.jx_income).toBeUndefined();
    expect(m.scalars.jx_unit_name).toBeUndefined();
    expect(suggestNames(m)).toEqual([]);
  });

  test("合计 headers are told apart by the other columns and the titles above", () => {
    const wb = buildWorkbook({
      表: [
        ["“三公”经费支出情况（元）"],
        ["单位名称", "合计", "公务接待费", "公务用车运行维护费", "公务用车购置费", "因公出国（境）费"],
        ["合计", 100, 40, 60, 0, 0],
        [],
        ["固定资产情况（元）"],
        ["单位名称", "合计", "在用", "出租", "其他"],
        ["合计", 50, 50, 0, 0],
      ],
    });
    const m = mapWorkbook(wb);
    expect(columnsOf(m.tables.jx_sangong)).toEqual({ name: 1, total: 2, reception: 3, vehicleOps: 4, vehicleBuy: 5, abroad: 6 });
    expect(m.tables.jx_sangong?.rows.map((r) => r.row)).toEqual([3]);
    expect(columnsOf(m.tables.jx_assets)).toEqual({ name: 1, total: 2, inUse: 3, leased: 4, other: 5 });
    expect(m.tables.jx_assets?.rows.map((r) => [r.row, r.isSummary])).toEqual([[7, true]]);
    expect(m.moneyUnit).toBe("元");
  });

  test("a bare 机构名称 | 合计 header takes its table from the title above, or is reported as ambiguous", () => {
    const titled = buildWorkbook({
      表: [["“三公”经费支出情况"], ["机构名称", "合计"], ["合计", 100], [], ["固定资产情况"], ["机构名称", "合计"], ["合计", 50]],
    });
    const m = mapWorkbook(titled);
    expect([m.tables.jx_sangong?.headerRow, m.tables.jx_assets?.headerRow]).toEqual([2, 6]);
    expect(m.mapping.problems).toEqual([]);

    const bare = mapWorkbook(buildWorkbook({ 表: [["机构名称", "合计"], ["合计", 100]] }));
    expect(bare.tables.jx_sangong).toBeUndefined();
    expect(bare.tables.jx_assets).toBeUndefined();
    expect(bare.mapping.problems).toEqual([
      { code: "ambiguous", target: "jx_sangong", detail: "第 1 行的表头（机构名称 | 合计）既可能是三公经费表，也可能是固定资产表", ref: { sheet: "表", address: "A1" } },
    ]);
  });

  test("maps indicators, score summary and projects by their labels", () => {
    const wb = buildWorkbook({
      封面: [["评价年度", 2024], ["部门名称", "区医保局"], ["金额单位", "万元"], ["年初预算数", 1632.87, "全年预算数", 1711.75], ["全年执行数", 1707.31, "预算执行率", fmtRate(0.9974)]],
      指标: [
        ["绩效指标"],
        ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "参保人数", "≥", "41万人", "49.3万人", 25, 25],
        [null, null, "救助人次", "≥", "1.5万人次", "1.8万人次", 25, 25],
        ["满意度指标", "服务对象满意度", "满意度", "≥", "90%", "95%", 10, 10],
        ["总分", null, null, null, null, null, 60, 60],
        [],
        ["得分汇总"],
        ["一级指标", "分值", "得分"],
        ["预算执行率", 10, 9.97],
        ["产出指标", 50, 50],
        [],
        ["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"],
        ["医保信息化", "承财社[2019]171号", 48.5, 48.5, 0, "100%"],
        ["基金监管", "承财社[2019]163号", 28, 12.58, 15.42, "44.93%"],
      ],
    });
    const m = mapWorkbook(wb);
    const ind = m.tables.jx_indicators;
    expect(columnsOf(ind)).toEqual({ level1: 1, level2: 2, level3: 3, direction: 4, target: 5, actual: 6, weight: 7, score: 8, reason: 9 });
    expect(ind?.rows.map((r) => [r.row, r.level1, r.level2])).toEqual([[3, "产出指标", "数量指标"], [4, "产出指标", "数量指标"], [5, "满意度指标", "服务对象满意度"]]);
    // The 总分 row closing the indicator table: the total score is in its 得分 column (H), not 分值 (G).
    expect(m.scalars.jx_score_total?.ref.address).toBe("H6");
    const sum = m.tables.jx_score_summary;
    expect(columnsOf(sum)).toEqual({ level1: 1, weight: 2, score: 3 });
    expect(sum?.rows.map((r) => [r.row, r.level1])).toEqual([[10, "预算执行率"], [11, "产出指标"]]);
    const proj = m.tables.jx_projects;
    expect(columnsOf(proj)).toEqual({ name: 1, docNo: 2, budget: 3, executed: 4, carryover: 5, rate: 6 });
    expect(proj?.rows.map((r) => r.row)).toEqual([14, 15]);
    expect(m.scalars.jx_report_year?.cell?.value).toBe(2024);
    expect(m.scalars.jx_budget_initial?.ref).toEqual({ sheet: "封面", address: "B4" });
    expect(m.scalars.jx_budget_adjusted?.ref.address).toBe("D4");
    expect(m.scalars.jx_executed?.ref.address).toBe("B5");
    expect(m.scalars.jx_exec_rate?.ref.address).toBe("D5");
  });

  test("labels side by side form a header: the values are read below (项目资金 block)", () => {
    const wb = buildWorkbook({
      自评表: [
        ["单位：元"],
        ["项目资金", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
        ["年度资金总额", 1000, 1200, 1150, 10, fmtRate(0.9583), 9.58],
        ["人员编制", "实有人数"],
        [9, 8],
      ],
    });
    const m = mapWorkbook(wb);
    const at = (id: keyof typeof m.scalars) => [m.scalars[id]?.ref.address, m.scalars[id]?.cell?.value];
    expect(at("jx_budget_initial")).toEqual(["B3", 1000]);
    expect(at("jx_budget_adjusted")).toEqual(["C3", 1200]);
    expect(at("jx_executed")).toEqual(["D3", 1150]);
    expect(at("jx_exec_rate")).toEqual(["F3", 0.9583]);
    expect(at("jx_staff_quota")).toEqual(["A5", 9]);
    expect(at("jx_staff_actual")).toEqual(["B5", 8]);
    expect(m.moneyUnit).toBe("元");
  });

  test("a blank template: labels bind the empty cell beside them; narratives read below", () => {
    const wb = buildWorkbook({
      封面: [["评价年度", null, "部门名称", "区医保局"], ["存在的主要问题"], ["一是预算编制不够精细。"]],
    });
    const m = mapWorkbook(wb);
    expect(m.scalars.jx_report_year).toEqual({ id: "jx_report_year", ref: { sheet: "封面", address: "B1" }, source: "label" });
    expect(m.scalars.jx_unit_name?.ref.address).toBe("D1");
    expect(m.scalars.jx_problems?.ref.address).toBe("A3");
  });
});

function fmtRate(v: number) {
  return { value: v, numberFormat: "0.00%" };
}

describe("sheets the add-in writes", () => {
  test("auto-map never binds a field to the narrative, ignore or marks sheet", () => {
    const { buildWorkbook } = jest.requireActual("../helpers/workbook-builder") as typeof import("../helpers/workbook-builder");
    const { mapWorkbook: map } = jest.requireActual("../../src/core/mapping") as typeof import("../../src/core/mapping");
    const wb = buildWorkbook({
      自评表: [["存在的主要问题"], ["预算编制不够精准。"]],
      评价报告综述: [["四、存在的主要问题"], ["【待填写：存在的主要问题】"], ["改进措施"], ["【待填写：改进措施】"]],
      jx_ignore: [["规则", "单元格", "原因", "日期"]],
    });
    const model = map(wb);
    expect(model.scalars.jx_problems?.ref.sheet).toBe("自评表");
    expect(model.scalars.jx_measures).toBeUndefined();
  });
});
