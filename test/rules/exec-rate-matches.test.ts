import { execRateMatches } from "../../src/core/rules/exec-rate-matches";
import { buildWorkbook, errorCell, fmt, formula, type TestCell } from "../helpers/workbook-builder";
import { ruleTester, runRule } from "../helpers/rule-tester";

/** Seed 002 (区医保局 2024): 全年预算 1711.75, 执行 1707.31 万元, 执行率 99.74%. */
function rate(rateCell: TestCell, adjusted: TestCell = 1711.75, executed: TestCell = 1707.31) {
  return buildWorkbook(
    {
      自评表: [
        ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [1632.87, adjusted, executed, 10, rateCell, 9.97],
      ],
    },
    { names: { jx_budget_initial: "自评表!$A$2", jx_budget_adjusted: "自评表!$B$2", jx_executed: "自评表!$C$2", jx_exec_rate: "自评表!$E$2" } },
  );
}

ruleTester.run(execRateMatches, {
  valid: [
    { name: "seed 002: a fraction with a 0.00% format", workbook: rate(fmt(0.9974, "0.00%")) },
    { name: "seed 002: text 99.74%", workbook: rate("99.74%") },
    { name: "the unrounded fraction", workbook: rate(1707.31 / 1711.75) },
    { name: "percent points typed without %", workbook: rate(99.74) },
    { name: "a whole-percent format (seed 001 rounds to 83%)", workbook: rate(fmt(0.83, "0%"), 192.31, 158.89) },
    { name: "rounding of the inputs is allowed for", workbook: rate("83.00%", 10.0, 8.3) },
    { name: "budget 0: not judged here", workbook: rate("0%", 0, 0) },
    { name: "text that is not a rate is another rule's business", workbook: rate("见附表") },
  ],
  invalid: [
    {
      name: "no rate written beside both amounts: a gap, with the rate to type offered (never an all-clear)",
      workbook: rate(null),
      errors: [{ messageId: "rateBlank", ref: "自评表!E2", field: "jx_exec_rate", expected: "99.74%" }],
    },
    {
      name: "a rate that does not match executed / budget",
      workbook: rate(fmt(0.9947, "0.00%")),
      errors: [{ messageId: "rateMismatch", ref: "自评表!E2", field: "jx_exec_rate", expected: "99.74%", fix: { "自评表!E2": 0.9974 } }],
    },
    {
      name: "text 99.47%",
      workbook: rate("99.47%"),
      errors: [{ messageId: "rateMismatch", ref: "自评表!E2", expected: "99.74%", fix: { "自评表!E2": 0.9974 } }],
    },
    {
      name: "the rate computed against the initial budget (1707.31 / 1632.87 = 104.56%)",
      workbook: rate("104.56%"),
      errors: [{ messageId: "rateMismatch", ref: "自评表!E2", expected: "99.74%" }],
    },
    {
      name: "an error value in the rate cell",
      workbook: rate(errorCell("#DIV/0!")),
      errors: [{ messageId: "rateError", ref: "自评表!E2", expected: "99.74%", fix: { "自评表!E2": 0.9974 } }],
    },
    {
      name: "an error value in 全年执行数: the rate cannot be checked, said at the amount",
      workbook: rate(fmt(0.9974, "0.00%"), 1711.75, errorCell("#REF!")),
      errors: [{ messageId: "amountError", ref: "自评表!C2", field: "jx_executed" }],
    },
    {
      name: "an error value in 全年预算数",
      workbook: rate(fmt(0.9974, "0.00%"), errorCell("#VALUE!")),
      errors: [{ messageId: "amountError", ref: "自评表!B2", field: "jx_budget_adjusted" }],
    },
  ],
});

describe("exec-rate-matches fix", () => {
  test("the fix writes the fraction with a 0.00% format", () => {
    const [f] = runRule(execRateMatches, { name: "fix", workbook: rate("99.47%") });
    expect(f.fix?.writes).toEqual([{ at: { sheet: "自评表", address: "E2" }, value: 0.9974, numberFormat: "0.00%" }]);
  });

  test("a formula rate gets suggestions (the right formula first), not a fix", () => {
    const [f] = runRule(execRateMatches, { name: "formula", workbook: rate(formula("C2/A2", 1.0456)) });
    expect(f.fix).toBeUndefined();
    expect(f.suggestions?.[0].writes[0]).toMatchObject({ formula: "C2/B2", numberFormat: "0.00%" });
  });
});
