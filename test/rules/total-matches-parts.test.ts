import { totalMatchesParts } from "../../src/core/rules/total-matches-parts";
import { buildWorkbook, errorCell, fmt, formula, type TestCell } from "../helpers/workbook-builder";
import { ruleTester, runRule } from "../helpers/rule-tester";

const EXPENSE_HEADER: TestCell[] = ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"];
/** Seed 000's expense table (临湘市医疗保障局 2021), as handed in. */
const SEED_EXPENSE: TestCell[][] = [
  ["局机关及二级机构汇总", 30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0],
  ["1、局机关", 1911.06, 1911.06, 1640.27, 270.79, null, 0, 0],
  ["2、二级机构1", 28892.07, 346.77, 224.06, 122.71, "28545.30", 0, 0],
  ["3、二级机构2", null, null, null, null, null, null, null],
];
const INCOME_HEADER: TestCell[] = ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"];
const SEED_INCOME: TestCell[][] = [
  ["局机关及二级机构汇总", 30803.13, 0, 30750.58, 52.55, 0, 0],
  ["1、局机关", 1911.06, 0, 1858.51, 52.55, 0, 0],
  ["2、二级机构1", 28892.07, 0, 28892.07, 0, 0, 0],
  ["3、二级机构2", null, null, null, null, null, null],
];

/** The expense table at 支出!A1 (header in row 1, 汇总 in row 2), with `edit` applied to its data rows. */
function expense(edit: (rows: TestCell[][]) => void = () => undefined) {
  const rows = SEED_EXPENSE.map((r) => [...r]);
  edit(rows);
  return buildWorkbook({ 支出: [EXPENSE_HEADER, ...rows] }, { names: { jx_expense: "支出!$A$1:$H$5" } });
}

function income(edit: (rows: TestCell[][]) => void = () => undefined) {
  const rows = SEED_INCOME.map((r) => [...r]);
  edit(rows);
  return buildWorkbook({ 收入: [INCOME_HEADER, ...rows] }, { names: { jx_income: "收入!$A$1:$G$5" } });
}

ruleTester.run(totalMatchesParts, {
  valid: [
    { name: "seed 000 expense table as handed in", workbook: expense() },
    { name: "seed 000 income table as handed in", workbook: income() },
    {
      name: "an honest 0.01 of rounding in the 汇总 row is not an error",
      workbook: expense((r) => {
        r[0][2] = 2257.84;
      }),
    },
    {
      name: "figures are judged as displayed (0.00 format over unrounded values)",
      workbook: expense((r) => {
        r[1][3] = fmt(1640.2712, "0.00");
        r[1][4] = fmt(270.7904, "#,##0.00");
      }),
    },
    {
      name: "numbers typed as text with thousands separators and full-width digits are read",
      workbook: expense((r) => {
        r[0][1] = "30,803.13";
        r[1][1] = "１９１１.０６";
      }),
    },
    {
      name: "a fully blank institution row is ignored and a blank part counts as 0",
      workbook: expense(),
    },
    {
      name: "a breakdown left blank is missing data, not a wrong sum (hefei-2024: 基本支出 without 人员/公用)",
      workbook: buildWorkbook(
        {
          收支情况: [
            ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出"],
            ["区医保局", 1707.31, 103.86, null, null, 1603.44],
          ],
        },
        { names: { jx_expense: "收支情况!$A$1:$F$2" } },
      ),
    },
    {
      name: "a 元 amount written with its unit in a 万元 table is converted",
      workbook: expense((r) => {
        r[1][5] = "0元";
      }),
    },
  ],
  invalid: [
    {
      name: "a mistyped row total: one finding at the total with a fix (the 汇总 consequence is not repeated)",
      workbook: expense((r) => {
        r[1][1] = 1911.6;
      }),
      errors: [{ messageId: "rowMismatch", ref: "支出!B3", field: "jx_expense.total", expected: 1911.06, fix: { "支出!B3": 1911.06 } }],
    },
    {
      name: "a wrong 汇总 cell: one finding at it with a fix",
      workbook: expense((r) => {
        r[0][2] = 2275.83;
      }),
      errors: [{ messageId: "rowMismatch", ref: "支出!C2", field: "jx_expense.basic", expected: 2257.83, fix: { "支出!C2": 2257.83 } }],
    },
    {
      name: "a 汇总 column that does not add up (0.02 off is more than rounding)",
      workbook: expense((r) => {
        r[0][3] = 1864.35;
        r[0][4] = 393.48;
      }),
      errors: [
        { messageId: "summaryMismatch", ref: "支出!D2", field: "jx_expense.personnel", expected: 1864.33 },
        { messageId: "summaryMismatch", ref: "支出!E2", field: "jx_expense.publicUse", expected: 393.5 },
      ],
    },
    {
      name: "收入合计 ≠ the five sources",
      workbook: income((r) => {
        r[2][3] = 28890.07;
      }),
      // 二级机构1's 公共财政拨款 breaks its row's 收入合计 and the 汇总 column: one finding, at it.
      errors: [{ messageId: "partMismatch", ref: "收入!D4", expected: 28892.07, fix: { "收入!D4": 28892.07 } }],
    },
    {
      name: "a blank total over non-blank parts",
      workbook: expense((r) => {
        r[1][1] = null;
      }),
      errors: [{ messageId: "rowMismatch", ref: "支出!B3", expected: 1911.06, fix: { "支出!B3": 1911.06 } }],
    },
    {
      name: "an error value in a money cell: its checks cannot be made, said once at the cell",
      workbook: expense((r) => {
        r[1][4] = errorCell("#REF!");
      }),
      errors: [{ messageId: "cellError", ref: "支出!E3", field: "jx_expense.publicUse" }],
    },
    {
      name: "an error value in the 汇总 row (a formula over a deleted sheet)",
      workbook: income((r) => {
        r[0][1] = errorCell("#REF!");
      }),
      errors: [{ messageId: "cellError", ref: "收入!B2", field: "jx_income.total" }],
    },
    {
      name: "三公经费合计 ≠ the four items",
      workbook: buildWorkbook(
        {
          三公: [
            ["机构名称", "三公经费合计", "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"],
            ["1、局机关", 12.5, 3.2, 8.1, 0, 0],
          ],
        },
        { names: { jx_sangong: "三公!$A$1:$F$2" } },
      ),
      errors: [{ messageId: "rowMismatch", ref: "三公!B2", field: "jx_sangong.total", expected: 11.3, fix: { "三公!B2": 11.3 } }],
    },
    {
      name: "固定资产合计 ≠ the three",
      workbook: buildWorkbook(
        {
          资产: [
            ["机构名称", "固定资产合计", "在用固定资产", "出租固定资产", "其他"],
            ["局机关", 100, 90, 5, 4],
          ],
        },
        { names: { jx_assets: "资产!$A$1:$E$2" } },
      ),
      errors: [{ messageId: "rowMismatch", ref: "资产!B2", expected: 99 }],
    },
  ],
});

describe("total-matches-parts fix or suggestion", () => {
  test("a formula total gets a suggestion, not a fix", () => {
    const wb = expense((r) => {
      r[1][1] = formula("C3+F3+1", 1912.06);
    });
    const found = runRule(totalMatchesParts, { name: "formula", workbook: wb });
    expect(found.map((f) => `${f.messageId}@${f.ref}`)).toEqual(["summaryMismatch@B2", "rowMismatch@B3"]);
    const atB3 = found.find((f) => f.ref === "B3");
    expect(atB3?.fix).toBeUndefined();
    expect(atB3?.suggestions?.[0].writes).toEqual([{ at: { sheet: "支出", address: "B3" }, value: 1911.06 }]);
  });

  test("a part that breaks its row and its column is the one finding, with the value that makes both hold", () => {
    // 局机关 人员支出 mistyped: both 局机关 基本支出 and the 汇总 人员支出 disagree with it; 1640.27 mends both.
    const wb = expense((r) => {
      r[1][3] = 1604.27;
    });
    const found = runRule(totalMatchesParts, { name: "part in doubt", workbook: wb });
    expect(found.map((f) => `${f.messageId}@${f.ref}`)).toEqual(["partMismatch@D3"]);
    expect(found[0].fix?.writes).toEqual([{ at: { sheet: "支出", address: "D3" }, value: 1640.27 }]);
  });

  test("when a part is itself in doubt (two parts of one row mistyped) the totals only get suggestions", () => {
    const wb = expense((r) => {
      r[1][3] = 1604.27;
      r[1][4] = 280.79;
    });
    const found = runRule(totalMatchesParts, { name: "parts in doubt", workbook: wb });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.messageId !== "partMismatch" && f.fix === undefined && f.suggestions?.length === 1)).toBe(true);
  });
});
