import { dateInAmount } from "../../src/core/rules/date-in-amount";
import { isDateFormat } from "../../src/core/units";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { buildWorkbook, fmt } from "../helpers/workbook-builder";

const incomeHeader = ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"];
const income = (rows: unknown[][]) =>
  buildWorkbook({ 收支情况: [incomeHeader, ...rows] as never }, { names: { jx_income: `收支情况!$A$1:$G$${rows.length + 1}` } });

ruleTester.run(dateInAmount, {
  valid: [
    { name: "money with a number format", workbook: income([["汇总", fmt(1711.75, "#,##0.00"), 0, fmt(1711.75, '0.00"万元"'), 0, 0, 0]]) },
    { name: "a rate with a percent format", workbook: buildWorkbook({ 封面: [[fmt(0.9974, "0.00%")]] }, { names: { jx_exec_rate: "封面!$A$1" } }) },
    { name: "a date in the 报告日期 field is a date", workbook: buildWorkbook({ 封面: [[fmt(45292, "yyyy/m/d")]] }, { names: { jx_report_date: "封面!$A$1" } }) },
    { name: "a 分值 is not money: left to other rules", workbook: buildWorkbook({ 封面: [[fmt(10, "m/d")]] }, { names: { jx_exec_weight: "封面!$A$1" } }) },
  ],
  invalid: [
    {
      name: "1.1 typed into a date-formatted money cell (read as 45292)",
      workbook: income([["汇总", fmt(45292, "yyyy/m/d"), 0, 1711.75, 0, 0, 0]]),
      errors: [{ messageId: "dateInMoney", ref: "收支情况!B2", field: "jx_income.total" }],
    },
    {
      name: "a rate formatted as 月日 in Chinese",
      workbook: buildWorkbook({ 封面: [[fmt(45292, 'm"月"d"日"')]] }, { names: { jx_exec_rate: "封面!$A$1" } }),
      errors: [{ messageId: "dateInRate", ref: "封面!A1", field: "jx_exec_rate" }],
    },
    {
      name: "a time format on 全年预算数",
      workbook: buildWorkbook({ 封面: [["全年预算数", fmt(0.5, "h:mm")]] }, { names: { jx_budget_adjusted: "封面!$B$1" } }),
      errors: [{ messageId: "dateInMoney", ref: "封面!B1", field: "jx_budget_adjusted" }],
    },
  ],
});

test("the message names the format and the number actually stored", () => {
  const [f] = runRule(dateInAmount, { name: "", workbook: income([["汇总", fmt(45292, "yyyy/m/d"), 0, 0, 0, 0, 0]]) });
  expect(f.message).toBe("收入情况表的“收入合计”设置成了日期格式（yyyy/m/d），单元格显示为日期，实际保存的数值是 45292；请改为数值格式并重新填写金额。");
});

test("isDateFormat tells dates and times from numbers", () => {
  for (const d of ["yyyy/m/d", "m/d/yy", 'yyyy"年"m"月"d"日"', "[$-F800]dddd, mmmm dd, yyyy", "h:mm", "[h]:mm:ss", "mm:ss", "d-mmm-yy", "yyyy-mm-dd;@"]) expect({ d, date: isDateFormat(d) }).toEqual({ d, date: true });
  for (const n of [undefined, "General", "0.00", "#,##0.00", "0.00%", '0.00"万元"', "[Red]#,##0.00", "0.00E+00", "@", '#,##0.00_);[Red]\\(#,##0.00\\)', '"天数"0']) expect({ n, date: isDateFormat(n) }).toEqual({ n, date: false });
});
