import { numberStoredAsText } from "../../src/core/rules/number-stored-as-text";
import { totalMatchesParts } from "../../src/core/rules/total-matches-parts";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { buildWorkbook, fmt, formula } from "../helpers/workbook-builder";

const incomeHeader = ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"];
const income = (rows: unknown[][]) =>
  buildWorkbook({ 收支情况: [incomeHeader, ...rows] as never }, { names: { jx_income: `收支情况!$A$1:$G$${rows.length + 1}` } });

ruleTester.run(numberStoredAsText, {
  valid: [
    { name: "numbers stored as numbers", workbook: income([["汇总", 1711.75, 0, 1711.75, 0, 0, 0]]) },
    { name: "a name cell that looks like a number is not a money cell", workbook: income([["2021", 10, 0, 10, 0, 0, 0]]) },
    { name: "a formula returning text keeps its formula", workbook: income([["汇总", formula('TEXT(D2,"0.00")', "1711.75"), 0, 1711.75, 0, 0, 0]]) },
    { name: "words in a money cell are not a number", workbook: income([["汇总", "见附表", 0, 10, 0, 0, 0]]) },
    {
      name: "indicator targets may be text (41万人, ≥95%); weights and scores are numbers",
      workbook: buildWorkbook(
        { 指标: [["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["产出指标", "参保率", "≥95%", "95.44%", 10, 10]] },
        { names: { jx_indicators: "指标!$A$1:$F$2" } },
      ),
    },
    { name: "a rate stored as a fraction with a percent format", workbook: buildWorkbook({ 封面: [[fmt(0.9971, "0.00%")]] }, { names: { jx_exec_rate: "封面!$A$1" } }) },
    { name: "a zero typed as text (“0.00”): no sum changes when it is skipped", workbook: income([["汇总", 10, "0.00", 10, 0, 0, 0]]) },
  ],
  invalid: [
    {
      name: "a score typed with its unit (“9.97分”)",
      workbook: buildWorkbook({ 封面: [["预算执行率得分", "9.97分"]] }, { names: { jx_exec_score: "封面!$B$1" } }),
      errors: [{ messageId: "numberAsText", ref: "封面!B1", field: "jx_exec_score", fix: { "封面!B1": 9.97 } }],
    },
    {
      name: "a money figure typed with a thousands separator",
      workbook: income([["汇总", "1,711.75", 0, 1711.75, 0, 0, 0]]),
      errors: [{ messageId: "numberAsText", ref: "收支情况!B2", field: "jx_income.total", expected: 1711.75, fix: { "收支情况!B2": 1711.75 } }],
    },
    {
      name: "full-width digits in a money scalar",
      workbook: buildWorkbook({ 封面: [["全年预算数", "１７１１.７５"]] }, { names: { jx_budget_adjusted: "封面!$B$1" } }),
      errors: [{ messageId: "numberAsText", ref: "封面!B1", field: "jx_budget_adjusted", fix: { "封面!B1": 1711.75 } }],
    },
    {
      name: "a rate typed as text becomes a fraction",
      workbook: buildWorkbook(
        { 封面: [["99.71%"]], 项目: [["项目名称", "预算数", "执行数", "执行率"], ["基金监管", 28, 12.58, "44.93"]] },
        { names: { jx_exec_rate: "封面!$A$1", jx_projects: "项目!$A$1:$D$2" } },
      ),
      errors: [
        { messageId: "rateAsText", ref: "封面!A1", field: "jx_exec_rate", fix: { "封面!A1": 0.9971 } },
        { messageId: "rateAsText", ref: "项目!D2", field: "jx_projects.rate", fix: { "项目!D2": 0.4493 } },
      ],
    },
    {
      name: "an auto-mapped table (no names) pasted from Word",
      workbook: buildWorkbook({
        自评表: [
          ["年度收入情况（万元）"],
          ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"],
          ["局机关及二级机构汇总", "30,803.13", 0, 30750.58, 52.55, 0, 0],
        ],
      }),
      errors: [{ messageId: "numberAsText", ref: "自评表!B3", field: "jx_income.total", fix: { "自评表!B3": 30803.13 } }],
    },
    {
      name: "money text with the table's unit (“346.77万元” in a 万元 table) converts to 346.77",
      workbook: buildWorkbook({ 封面: [["全年预算数", "346.77万元"]] }, { names: { jx_budget_adjusted: "封面!$B$1" } }),
      errors: [{ messageId: "numberAsText", ref: "封面!B1", field: "jx_budget_adjusted", expected: 346.77, fix: { "封面!B1": 346.77 } }],
    },
    {
      name: "money text in another unit (“3467700元” in the 万元 table) converts to the table's unit",
      workbook: income([
        ["汇总", 1057.83, 0, 1057.83, 0, 0, 0],
        ["局机关", 711.06, 0, 711.06, 0, 0, 0],
        ["事务中心", "3467700元", 0, 346.77, 0, 0, 0],
      ]),
      errors: [{ messageId: "numberAsText", ref: "收支情况!B4", field: "jx_income.total", expected: 346.77, fix: { "收支情况!B4": 346.77 } }],
    },
    {
      // no-unit-mistake flags B4 and its fix writes 346.77; converting the text to 3467700 would keep the slip.
      name: "money text that is a 元 slip (“3467700” in the 万元 table): warned with the corrected value, no fix",
      workbook: income([
        ["汇总", 1057.83, 0, 1057.83, 0, 0, 0],
        ["局机关", 711.06, 0, 711.06, 0, 0, 0],
        ["事务中心", "3467700", 0, 346.77, 0, 0, 0],
      ]),
      errors: [{ messageId: "numberAsText", ref: "收支情况!B4", field: "jx_income.total", expected: 346.77 }],
    },
    {
      name: "indicator 分值 and 得分 typed as text",
      workbook: buildWorkbook(
        { 指标: [["一级指标", "三级指标", "分值", "得分"], ["产出指标", "参保人数", "10", " 9.5 "]] },
        { names: { jx_indicators: "指标!$A$1:$D$2" } },
      ),
      errors: [
        { messageId: "numberAsText", ref: "指标!C2", field: "jx_indicators.weight", fix: { "指标!C2": 10 } },
        { messageId: "numberAsText", ref: "指标!D2", field: "jx_indicators.score", fix: { "指标!D2": 9.5 } },
      ],
    },
  ],
});

describe("number-stored-as-text fixes", () => {
  test("rates get a percent format; a text-formatted (@) money cell gets a number format", () => {
    const wb = buildWorkbook(
      { 封面: [["99.71%", fmt("1,711.75", "@")]] },
      { names: { jx_exec_rate: "封面!$A$1", jx_executed: "封面!$B$1" } },
    );
    const writes = runRule(numberStoredAsText, { name: "formats", workbook: wb }).flatMap((f) => f.fix?.writes ?? []);
    expect(writes).toEqual([
      { at: { sheet: "封面", address: "A1" }, value: 0.9971, numberFormat: "0.00%" },
      { at: { sheet: "封面", address: "B1" }, value: 1711.75, numberFormat: "0.00" },
    ]);
  });
});

test("a total and a part typed as text (one in full-width digits): only these warnings, no footing error", () => {
  const wb = income([
    ["局机关及二级机构汇总", 30803.13, 0, 30750.58, 52.55, 0, 0],
    ["1、局机关", "１９１１.０６", 0, "1,858.51", 52.55, 0, 0],
    ["2、二级机构1", 28892.07, 0, 28892.07, 0, 0, 0],
  ]);
  const report = checkWorkbook(wb, {
    rules: [numberStoredAsText, totalMatchesParts],
    preset: { id: "test", rules: { "number-stored-as-text": "warning", "total-matches-parts": "error" } },
  });
  expect(report.ruleResults.filter((r) => r.status === "crashed")).toEqual([]);
  expect(report.findings.map((f) => [f.ruleId, f.severity, `${f.sheet}!${f.ref}`])).toEqual([
    ["number-stored-as-text", "warning", "收支情况!B3"],
    ["number-stored-as-text", "warning", "收支情况!D3"],
  ]);
});

test("a 元 slip typed as text: no-unit-mistake's fix is the only fix (the convert fix would write 3467700 万元)", () => {
  const wb = income([
    ["汇总", 1057.83, 0, 1057.83, 0, 0, 0],
    ["局机关", 711.06, 0, 711.06, 0, 0, 0],
    ["事务中心", "3467700", 0, 346.77, 0, 0, 0],
  ]);
  const report = checkWorkbook(wb);
  const at = report.findings.filter((f) => `${f.sheet}!${f.ref}` === "收支情况!B4");
  expect(at.map((f) => [f.ruleId, f.fix?.writes.map((w) => w.value)])).toEqual([
    ["no-unit-mistake", [346.77]],
    ["number-stored-as-text", undefined],
  ]);
});
