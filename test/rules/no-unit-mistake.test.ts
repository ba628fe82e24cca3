import { noUnitMistake } from "../../src/core/rules/no-unit-mistake";
import { totalMatchesParts } from "../../src/core/rules/total-matches-parts";
import { execRateMatches } from "../../src/core/rules/exec-rate-matches";
import { projectRowConsistent } from "../../src/core/rules/project-row-consistent";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { buildWorkbook, formula, type TestCell } from "../helpers/workbook-builder";
import { ruleTester } from "../helpers/rule-tester";

const EXPENSE_HEADER: TestCell[] = ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"];
/** Seed 000's expense table (临湘市医疗保障局 2021). */
const SEED_EXPENSE: TestCell[][] = [
  ["局机关及二级机构汇总", 30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0],
  ["1、局机关", 1911.06, 1911.06, 1640.27, 270.79, null, 0, 0],
  ["2、二级机构1", 28892.07, 346.77, 224.06, 122.71, 28545.3, 0, 0],
  ["3、二级机构2", null, null, null, null, null, null, null],
];

function expense(edit: (rows: TestCell[][]) => void = () => undefined, unit?: string) {
  const rows = SEED_EXPENSE.map((r) => [...r]);
  edit(rows);
  const sheets: Record<string, TestCell[][]> = { 支出: [EXPENSE_HEADER, ...rows] };
  const names: Record<string, string> = { jx_expense: "支出!$A$1:$H$5" };
  if (unit) {
    sheets.封面 = [["金额单位", unit]];
    names.jx_money_unit = "封面!$B$1";
  }
  return buildWorkbook(sheets, { names });
}

/** 部门预算执行 block of seed 002 (区医保局 2024): 年初 1632.87, 全年 1711.75, 执行 1707.31 万元. */
function budget(initial: TestCell, adjusted: TestCell, executed: TestCell, unit?: string) {
  const rows: TestCell[][] = [
    ["年初预算数", initial],
    ["全年预算数", adjusted],
    ["全年执行数", executed],
    ["金额单位", unit ?? null],
  ];
  return buildWorkbook(
    { 预算: rows },
    {
      names: {
        jx_budget_initial: "预算!$B$1",
        jx_budget_adjusted: "预算!$B$2",
        jx_executed: "预算!$B$3",
        ...(unit ? { jx_money_unit: "预算!$B$4" } : {}),
      },
    },
  );
}

ruleTester.run(noUnitMistake, {
  valid: [
    { name: "seed 000 expense table as handed in", workbook: expense() },
    { name: "seed 002 budget figures as handed in", workbook: budget(1632.87, 1711.75, 1707.31) },
    { name: "a 元 workbook with 元 figures", workbook: budget(16328700, 17117500, 17073100, "元") },
    {
      name: "a plain footing error is not a unit mistake",
      workbook: expense((r) => {
        r[2][2] = 364.77;
      }),
    },
    { name: "one budget figure alone is not compared", workbook: budget(null, 17117500, null) },
  ],
  invalid: [
    {
      name: "seed 000: “346.77元” typed in a 万元 table, the number right and the word wrong",
      workbook: expense((r) => {
        r[2][2] = "346.77元";
      }),
      errors: [{ messageId: "unitWordWrong", ref: "支出!C4", field: "jx_expense.basic", expected: 346.77, fix: { "支出!C4": 346.77 } }],
    },
    {
      name: "seed 000: 二级机构1 基本支出 entered in 元 (3467700) in a 万元 table",
      workbook: expense((r) => {
        r[2][2] = 3467700;
      }),
      errors: [{ messageId: "tooLarge", ref: "支出!C4", field: "jx_expense.basic", expected: 346.77, fix: { "支出!C4": 346.77 } }],
    },
    {
      name: "the reverse: a 万元 figure (346.77) in a 元 table",
      workbook: expense((r) => {
        for (const row of r) for (let i = 1; i < row.length; i++) if (typeof row[i] === "number") row[i] = Math.round((row[i] as number) * 1e6) / 100;
        r[2][2] = 346.77;
      }, "元"),
      errors: [{ messageId: "tooSmall", ref: "支出!C4", expected: 3467700, fix: { "支出!C4": 3467700 } }],
    },
    {
      name: "a whole institution row copied from 元 accounts into the 万元 table: one finding for the row",
      workbook: expense((r) => {
        r[1] = ["1、局机关", 19110600, 19110600, 16402700, 2707900, null, 0, 0];
      }),
      errors: [
        {
          messageId: "rowTooLarge",
          ref: "支出!B3",
          field: "jx_expense.total",
          expected: 1911.06,
          fix: { "支出!B3": 1911.06, "支出!C3": 1911.06, "支出!D3": 1640.27, "支出!E3": 270.79 },
        },
      ],
    },
    {
      name: "a row copied from 元 accounts whose 累计结余 also fits alone: still one finding for the row",
      workbook: expense((r) => {
        r[1] = ["1、局机关", 19110600, 19110600, 16402700, 2707900, null, 0, 50000];
        r[0][7] = 5;
      }),
      errors: [
        {
          messageId: "rowTooLarge",
          ref: "支出!B3",
          expected: 1911.06,
          fix: { "支出!B3": 1911.06, "支出!C3": 1911.06, "支出!D3": 1640.27, "支出!E3": 270.79, "支出!H3": 5 },
        },
      ],
    },
    {
      name: "two cells of one row in 元 (基本支出 and 人员支出): two findings, no footing cascade",
      workbook: expense((r) => {
        r[2][2] = 3467700;
        r[2][3] = 2240600;
      }),
      errors: [
        { messageId: "tooLarge", ref: "支出!C4", expected: 346.77, fix: { "支出!C4": 346.77 } },
        { messageId: "tooLarge", ref: "支出!D4", expected: 224.06, fix: { "支出!D4": 224.06 } },
      ],
    },
    {
      name: "a 汇总 cell and the row cell under it both in 元",
      workbook: expense((r) => {
        r[0][2] = 22578300;
        r[2][2] = 3467700;
      }),
      errors: [
        { messageId: "tooLarge", ref: "支出!C2", expected: 2257.83 },
        { messageId: "tooLarge", ref: "支出!C4", expected: 346.77 },
      ],
    },
    {
      name: "executed entered in 元 against a 万元 budget (17073100 vs 1711.75)",
      workbook: budget(1632.87, 1711.75, 17073100),
      errors: [{ messageId: "tooLarge", ref: "预算!B3", field: "jx_executed", expected: 1707.31, fix: { "预算!B3": 1707.31 } }],
    },
    {
      name: "two of three figures agree: the odd one out is flagged, whatever its direction",
      workbook: budget(1632.87, 0.171175, 1707.31),
      errors: [{ messageId: "tooSmall", ref: "预算!B2", field: "jx_budget_adjusted", expected: 1711.75 }],
    },
    {
      name: "with only two figures in a 元 workbook, the smaller one is the slip",
      workbook: budget(null, 1711.75, 17073100, "元"),
      errors: [{ messageId: "tooSmall", ref: "预算!B2", expected: 17117500 }],
    },
  ],
});

describe("one slip, one finding", () => {
  test("seed 000 with 3467700 gives exactly one finding, from no-unit-mistake, with a fix writing 346.77", () => {
    const wb = expense((r) => {
      r[2][2] = 3467700;
    });
    const report = checkWorkbook(wb, {
      rules: [execRateMatches, noUnitMistake, projectRowConsistent, totalMatchesParts],
      preset: { id: "test", rules: { "exec-rate-matches": "error", "no-unit-mistake": "error", "project-row-consistent": "error", "total-matches-parts": "error" } },
    });
    expect(report.ruleResults.filter((r) => r.status === "crashed")).toEqual([]);
    expect(report.findings.map((f) => [f.ruleId, f.messageId, `${f.sheet}!${f.ref}`])).toEqual([["no-unit-mistake", "tooLarge", "支出!C4"]]);
    expect(report.findings[0].fix?.writes).toEqual([{ at: { sheet: "支出", address: "C4" }, value: 346.77 }]);
  });

  test("a whole row in 元 is one finding across all footing rules", () => {
    const wb = expense((r) => {
      r[2] = ["2、二级机构1", 288920700, 3467700, 2240600, 1227100, 285453000, 0, 0];
    });
    const report = checkWorkbook(wb, {
      rules: [noUnitMistake, totalMatchesParts],
      preset: { id: "test", rules: { "no-unit-mistake": "error", "total-matches-parts": "error" } },
    });
    expect(report.findings.map((f) => [f.ruleId, f.messageId, f.ref])).toEqual([["no-unit-mistake", "rowTooLarge", "B4"]]);
    expect(report.findings[0].fix?.writes.map((w) => w.value)).toEqual([28892.07, 346.77, 224.06, 122.71, 28545.3]);
  });

  test("a formula cell off by 10 000 gets a suggestion instead of a fix", () => {
    const wb = expense((r) => {
      r[2][2] = formula("D4+E4*10000", 3467700);
    });
    const report = checkWorkbook(wb, { rules: [noUnitMistake], preset: { id: "t", rules: { "no-unit-mistake": "error" } } });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0].fix).toBeUndefined();
    expect(report.findings[0].suggestions?.[0].writes[0].value).toBe(346.77);
  });

  test("the executed slip does not also make the rate wrong", () => {
    const wb = buildWorkbook(
      { 预算: [["全年预算数", 1711.75], ["全年执行数", 17073100], ["预算执行率", "99.74%"]] },
      { names: { jx_budget_adjusted: "预算!$B$1", jx_executed: "预算!$B$2", jx_exec_rate: "预算!$B$3" } },
    );
    const report = checkWorkbook(wb, {
      rules: [execRateMatches, noUnitMistake],
      preset: { id: "t", rules: { "exec-rate-matches": "error", "no-unit-mistake": "error" } },
    });
    expect(report.findings.map((f) => f.ruleId)).toEqual(["no-unit-mistake"]);
  });

  test("a rate wrong even after the slip is corrected is still reported, against the corrected amount", () => {
    const wb = buildWorkbook(
      { 预算: [["全年预算数", 1711.75], ["全年执行数", 17073100], ["预算执行率", "99.47%"]] },
      { names: { jx_budget_adjusted: "预算!$B$1", jx_executed: "预算!$B$2", jx_exec_rate: "预算!$B$3" } },
    );
    const report = checkWorkbook(wb, {
      rules: [execRateMatches, noUnitMistake],
      preset: { id: "t", rules: { "exec-rate-matches": "error", "no-unit-mistake": "error" } },
    });
    expect(report.findings.map((f) => [f.ruleId, f.ref, f.expected])).toEqual([
      ["no-unit-mistake", "B2", 1707.31],
      ["exec-rate-matches", "B3", "99.74%"],
    ]);
  });
});

test("the word is the slip: the message quotes the cell and names the table's unit", () => {
  const report = checkWorkbook(expense((r) => {
    r[2][2] = "346.77元";
  }));
  const f = report.findings.find((x) => x.ruleId === "no-unit-mistake");
  expect(f?.message).toBe("基本支出填写为“346.77元”，但本表金额单位为万元：按“元”换算，相关的合计与分项不符，按万元读则全部相符；应为 346.77万元（去掉“元”）。");
});
