import { projectRowConsistent } from "../../src/core/rules/project-row-consistent";
import { buildWorkbook, errorCell, fmt, formula, type TestCell } from "../helpers/workbook-builder";
import { ruleTester, runRule } from "../helpers/rule-tester";

const HEADER: TestCell[] = ["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"];
/** Seed 001 (承德 2019): 医疗服务与保障能力提升补助资金 28 万元, 支出 12.58, 结余 15.42, 执行率 45%. */
const SEED_PROJECTS: TestCell[][] = [
  ["医疗服务与保障能力提升补助资金", "承财社[2019]163号", 28, 12.58, 15.42, "45%"],
  ["医疗服务与保障能力提升补助资金（职工医保中心）", null, 18, 0, 18, fmt(0, "0%")],
  ["居民医保中心项目", null, 10, 10, null, fmt(1, "0.00%")],
];

function projects(edit: (rows: TestCell[][]) => void = () => undefined) {
  const rows = SEED_PROJECTS.map((r) => [...r]);
  edit(rows);
  return buildWorkbook({ 项目: [HEADER, ...rows] }, { names: { jx_projects: `项目!$A$1:$F$${rows.length + 1}` } });
}

ruleTester.run(projectRowConsistent, {
  valid: [
    { name: "seed 001 project rows (whole-percent rates)", workbook: projects() },
    {
      name: "a project spending well over its budget, rate formula following (150 of 100: 150%): no slip",
      workbook: projects((r) => {
        r[2][3] = 15;
        r[2][5] = { ...formula("D4/C4", 1.5), numberFormat: "0.00%" };
      }),
    },
    {
      name: "rates as fractions and text, carry-over left blank",
      workbook: projects((r) => {
        r[0][5] = 12.58 / 28;
        r[0][4] = null;
        r[1][5] = "0.00%";
      }),
    },
    {
      name: "a project without a budget is not judged",
      workbook: projects((r) => {
        r.push(["新项目", null, null, 3, null, null]);
      }),
    },
  ],
  invalid: [
    {
      name: "执行数 typed in 元 (125800 for 12.58) with the 执行率 a formula that follows it (=D2/C2: 449285.71%): the amount, by its scale",
      workbook: projects((r) => {
        r[0][3] = 125800;
        r[0][4] = null;
        r[0][5] = { ...formula("D2/C2", 125800 / 28), numberFormat: "0.00%" };
      }),
      errors: [{ messageId: "scaleSlip", ref: "项目!D2", field: "jx_projects.executed", expected: 12.58, fix: { "项目!D2": 12.58 } }],
    },
    {
      name: "a #DIV/0! 执行率 is judged like a wrong rate, with the value as fix",
      workbook: projects((r) => {
        r[0][5] = errorCell("#DIV/0!");
      }),
      errors: [{ messageId: "rateError", ref: "项目!F2", field: "jx_projects.rate", expected: "44.93%", fix: { "项目!F2": 0.4493 } }],
    },
    {
      name: "an error value in 执行数 leaves the row unchecked: said at the cell",
      workbook: projects((r) => {
        r[1][3] = errorCell("#REF!");
      }),
      errors: [{ messageId: "cellError", ref: "项目!D3", field: "jx_projects.executed" }],
    },
    {
      name: "结转结余 ≠ 预算 − 执行",
      workbook: projects((r) => {
        r[0][4] = 15.24;
      }),
      errors: [{ messageId: "carryoverMismatch", ref: "项目!E2", field: "jx_projects.carryover", expected: 15.42, fix: { "项目!E2": 15.42 } }],
    },
    {
      name: "执行率 ≠ 执行 ÷ 预算",
      workbook: projects((r) => {
        r[0][5] = "54%";
      }),
      errors: [{ messageId: "rateMismatch", ref: "项目!F2", field: "jx_projects.rate", expected: "44.93%", fix: { "项目!F2": 0.4493 } }],
    },
    {
      name: "both wrong on one row",
      workbook: projects((r) => {
        r[2][4] = 1;
        r[2][5] = fmt(0.9, "0.00%");
      }),
      errors: [
        { messageId: "carryoverMismatch", ref: "项目!E4", expected: 0 },
        { messageId: "rateMismatch", ref: "项目!F4", expected: "100.00%" },
      ],
    },
  ],
});

describe("project-row-consistent", () => {
  test("a formula carry-over gets a suggestion", () => {
    const [f] = runRule(projectRowConsistent, {
      name: "formula",
      workbook: projects((r) => {
        r[0][4] = formula("C2-D2-1", 14.42);
      }),
    });
    expect(f.messageId).toBe("carryoverMismatch");
    expect(f.fix).toBeUndefined();
    expect(f.suggestions?.[0].writes).toEqual([{ at: { sheet: "项目", address: "E2" }, value: 15.42 }]);
  });

  test("a 元/万元 slip in 预算数 is left to no-unit-mistake", () => {
    const found = runRule(projectRowConsistent, {
      name: "unit slip",
      workbook: projects((r) => {
        r[0][2] = 280000;
        r[0][5] = null;
      }),
    });
    expect(found).toEqual([]);
  });
});
