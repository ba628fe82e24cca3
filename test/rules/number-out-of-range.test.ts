import { numberOutOfRange, showAbnormal } from "../../src/core/rules/number-out-of-range";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { formatMessage } from "../../src/core/engine/message";
import { formatNumber } from "../../src/core/units";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { buildWorkbook, fmt } from "../helpers/workbook-builder";

const incomeHeader = ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"];
const income = (rows: unknown[][]) =>
  buildWorkbook({ 收支情况: [incomeHeader, ...rows] as never }, { names: { jx_income: `收支情况!$A$1:$G$${rows.length + 1}` } });

/** 封面 with 全年预算数 B1, 全年执行数 B2, 预算执行率 B3. */
const cover = (budget: number, executed: number, rate: number | ReturnType<typeof fmt>) =>
  buildWorkbook(
    { 封面: [["全年预算数", budget], ["全年执行数", executed], ["预算执行率", rate]] as never },
    { names: { jx_budget_adjusted: "封面!$B$1", jx_executed: "封面!$B$2", jx_exec_rate: "封面!$B$3" } },
  );

ruleTester.run(numberOutOfRange, {
  valid: [
    { name: "ordinary figures", workbook: cover(1711.75, 1707.31, fmt(0.9974, "0.00%")) },
    { name: "a large but possible budget in 元 (9 999 亿元)", workbook: cover(999_900_000_000_000 / 1000, 1, fmt(0, "0.00%")) },
    { name: "float noise from a formula (2.27E-13) is not abnormal", workbook: income([["汇总", 2.27e-13, 0, 0, 0, 0, 0]]) },
    { name: "text is another rule's business", workbook: income([["汇总", "见附表", 0, 0, 0, 0, 0]]) },
  ],
  invalid: [
    {
      name: "a money cell of 1E+20",
      workbook: income([["汇总", 1e20, 0, 1e20, 0, 0, 0]]),
      errors: [
        { messageId: "abnormal", ref: "收支情况!B2", field: "jx_income.total" },
        { messageId: "abnormal", ref: "收支情况!D2", field: "jx_income.public" },
      ],
    },
    {
      name: "1E+308 and infinity in the scalars",
      workbook: cover(1e308, Number.POSITIVE_INFINITY, fmt(-1e300, "0.00%")),
      errors: [
        { messageId: "abnormal", ref: "封面!B1", field: "jx_budget_adjusted" },
        { messageId: "abnormal", ref: "封面!B2", field: "jx_executed" },
        { messageId: "abnormal", ref: "封面!B3", field: "jx_exec_rate" },
      ],
    },
  ],
});

describe("the message a clerk reads", () => {
  it("names the value as Excel shows it", () => {
    const [f] = runRule(numberOutOfRange, { name: "", workbook: income([["汇总", 1e20, 0, 0, 0, 0, 0]]) });
    expect(f.message).toBe("收入情况表的“收入合计”的数值异常（1E+20）：超出任何预算金额、比率或分值的合理范围，相关检查已跳过；请核对后重新填写。");
    expect(showAbnormal(Number.NaN)).toBe("非数字");
    expect(showAbnormal(-Infinity)).toBe("负无穷大");
    expect(showAbnormal(1.5e308)).toBe("1.5E+308");
  });

  it("no rule prints Infinity, NaN, an exponent or a 300-digit figure for an extreme value", () => {
    for (const [budget, executed, rate] of [
      [1e308, 1707.31, 0.9974],
      [1711.75, 1e308, 0.9974],
      [1711.75, 1707.31, 1e308],
      [1e-300, 1707.31, 0.9974],
      [1711.75, 1e-300, 0.9974],
      [0, 1707.31, 0.9974],
    ]) {
      const report = checkWorkbook(cover(budget, executed, fmt(rate, "0.00%")));
      // number-out-of-range names the value as Excel shows it (1E+308); every other message is checked.
      for (const f of report.findings.filter((x) => x.ruleId !== "number-out-of-range")) {
        expect({ budget, executed, rate, message: f.message }).toEqual({ budget, executed, rate, message: expect.not.stringMatching(/Infinity|NaN|\de[+-]?\d|\d{25}/i) });
      }
    }
  });

  it("the extreme value is its own finding; the rate rule does not compute with it", () => {
    const report = checkWorkbook(cover(1e308, 1707.31, fmt(0.9974, "0.00%")));
    expect(report.findings.filter((f) => f.ref === "B1").map((f) => f.ruleId)).toContain("number-out-of-range");
    expect(report.findings.filter((f) => f.ruleId === "exec-rate-matches")).toEqual([]);
  });

  it("formatMessage and formatNumber never print a non-finite value", () => {
    expect(formatMessage("应为 {{v}}", { v: Number.POSITIVE_INFINITY })).toBe("应为 （数值异常）");
    expect(formatMessage("{{v}}%", { v: Number.NaN })).toBe("（数值异常）%");
    expect(formatMessage("差 {{v}}", { v: 1e-7 })).toBe("差 0.0000001");
    expect(formatNumber(Number.NaN, 2, { unit: "%" })).toBe("（数值异常）");
    expect(formatNumber(1e20, 2)).toBe("（数值异常）");
    expect(formatNumber(1711.75, 2, { thousands: true })).toBe("1,711.75");
  });
});
