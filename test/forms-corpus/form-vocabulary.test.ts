/**
 * The words a bureau's copy of a form uses for its rows, headers and titles, one at a time, on a layout
 * the other corpus files do not have: a 部门整体支出绩效自评表 whose split headings (按收入性质分 / 按支出性质分)
 * are merged down column A with their rows in column B on the same rows, `填报单位（盖章）：…` and
 * `金额单位：万元` on one line, a 备注 column, 总分 and 评价等次 rows, the 自评报告 on its own sheet (seed 002's
 * figures, 项目支出 corrected to 1603.45 so that the split foots).
 *
 * Found by building such a workbook by hand: with its total row worded 年度预算资金总额 the form was not
 * detected at all (detection asked for 年度资金总额 / 资金总额 / 总额 at the start of a label), and the check
 * read the funds block as a project list: eight false errors on a consistent workbook, every planted
 * mistake lost. Each word below is one a bureau's form uses; for each, the consistent workbook must stay
 * clean and each planted mistake must be found at its cell, as `jixiao check` reports it.
 */
import { type BookSpec, MONEY, RATE, SheetWriter, copyBook, plant, type Ref } from "./book";
import { checkBook, removeTempDir, show } from "./run";

afterAll(removeTempDir);

/** The words of the layout that a bureau may say otherwise. */
interface Words {
  title: string;
  total: string;
  income: string;
  expense: string;
  publicFunds: string;
  executed: string;
  adjusted: string;
  rate: string;
  scoreTotal: string;
  grade: string;
}

const BASE: Words = {
  title: "2024年度部门整体支出绩效自评表",
  total: "年度预算资金总额",
  income: "按收入性质分",
  expense: "按支出性质分",
  publicFunds: "一般公共预算",
  executed: "全年执行数",
  adjusted: "全年预算数",
  rate: "执行率",
  scoreTotal: "总分",
  grade: "评价等次",
};

const SHEET = "部门整体支出绩效自评表";
const REPORT = "自评报告";

/** The workbook, and the cells the mistakes are planted in. */
function deptBook(w: Words): { book: BookSpec; at: Record<"basicExecuted" | "rate" | "scoreTotal" | "grade" | "execScore", Ref> } {
  const s = new SheetWriter(SHEET);
  s.merged("A1:I1", w.title, { bold: true, size: 16, center: true });
  s.merged("A2:E2", "填报单位（盖章）：某区医疗保障局");
  s.merged("G2:I2", "金额单位：万元");
  s.merged("A3:B3", "项  目", { bold: true });
  ["年初预算数", w.adjusted, w.executed, "分值", w.rate, "得分", "备注"].forEach((h, i) => s.label(`${"CDEFGHI"[i]}3`, h, { bold: true }));
  const money = (r: number, v: [number, number, number]): void => {
    v.forEach((x, i) => s.set(`${"CDE"[i]}${r}`, x, { fmt: MONEY }));
  };
  s.merged("A4:B4", w.total);
  money(4, [1632.87, 1711.75, 1707.31]);
  s.set("F4", 10, { fmt: "0" });
  const rate = s.set("G4", 0.9974, { fmt: RATE });
  const execScore = s.set("H4", 9.97, { fmt: MONEY });
  s.merged("A5:A7", w.income);
  s.label("B5", w.publicFunds);
  money(5, [1632.87, 1711.75, 1707.31]);
  s.label("B6", "政府性基金预算");
  s.label("B7", "其他资金");
  for (const r of [6, 7]) for (const c of "CDE") s.dash(`${c}${r}`);
  s.merged("A8:A9", w.expense);
  s.label("B8", "基本支出");
  money(8, [100.0, 104.2, 103.86]);
  s.label("B9", "项目支出");
  money(9, [1532.87, 1607.55, 1603.45]);
  s.merged("A10:B10", "年度总体目标");
  s.merged("C10:I10", "推进医保综合柜员制改革，做好城乡居民医保参保缴费，落实医疗救助政策，加强医保基金监管。", { wrap: true });
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => s.label(`${"ABCDEFGH"[i]}11`, h, { bold: true }));
  const rows: [string, string, string, string, number, number, string?][] = [
    ["数量指标", "城乡居民医保参保人数", "≥23万人", "23.9万人", 15, 15],
    ["数量指标", "现场检查定点医药机构数", "≥500家", "531家", 10, 10],
    ["质量指标", "困难群体回访率", "100%", "100%", 10, 10],
    ["时效指标", "医疗救助资金按时拨付率", "100%", "96%", 10, 9.6, "个别救助对象资料不全延后拨付，下一步加强资料预审。"],
    ["成本指标", "部门整体支出", "≤1711.75万元", "1707.31万元", 5, 5],
    ["社会效益指标", "城乡居民医保参保率", "≥100%", "107.5%", 15, 15],
    ["可持续影响指标", "医保基金运行平稳", "平稳", "平稳", 15, 15],
    ["服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10],
  ];
  rows.forEach(([l2, name, target, actual, weight, score, reason], i) => {
    const r = 12 + i;
    s.label(`B${r}`, l2);
    s.set(`C${r}`, name);
    s.set(`D${r}`, target);
    s.set(`E${r}`, actual);
    s.set(`F${r}`, weight, { fmt: "0" });
    s.set(`G${r}`, score, { fmt: "0.00" });
    if (reason) s.text(`H${r}`, reason);
  });
  s.merged("A12:A16", "产出指标");
  s.merged("A17:A18", "效益指标");
  s.set("A19", "满意度指标");
  s.merged("A20:E20", w.scoreTotal);
  s.set("F20", 100, { fmt: "0" });
  const scoreTotal = s.set("G20", 99.57, { fmt: MONEY });
  s.merged("A21:E21", w.grade);
  const grade = s.merged("F21:I21", "优");
  const t = new SheetWriter(REPORT);
  t.width("A", 100);
  [
    "2024年部门整体支出绩效自评报告",
    "一、部门预算执行情况",
    "2024年区医保局年初部门预算安排1632.87万元，全年预算安排1711.75万元，全年执行1707.31万元，预算执行率99.74%。其中，基本支出103.86万元，项目支出1603.45万元。",
    "二、绩效自评结果",
    "经自评，本部门2024年度整体支出绩效自评得分99.57分，评价等次为优。",
  ].forEach((p, i) => t.set(`A${i + 1}`, p));
  return { book: { sheets: [s.spec, t.spec] }, at: { basicExecuted: { sheet: SHEET, a1: "E8" }, rate, scoreTotal, grade, execScore } };
}

/** One bureau's word at a time. */
const WORDINGS: [string, Partial<Words>][] = [
  ["the total row 年度预算资金总额", {}],
  ["the total row 年度资金总额", { total: "年度资金总额" }],
  ["the total row 预算资金总额", { total: "预算资金总额" }],
  ["the total row 部门预算总额", { total: "部门预算总额" }],
  ["the total row 部门整体支出总额", { total: "部门整体支出总额" }],
  ["the total row 年度资金总额（万元）", { total: "年度资金总额（万元）" }],
  ["the split headed 按资金来源分 / 按支出用途分", { income: "按资金来源分", expense: "按支出用途分" }],
  ["the income row 财政拨款收入", { publicFunds: "财政拨款收入" }],
  ["the title 部门（单位）整体支出绩效自评表", { title: "2024年度部门（单位）整体支出绩效自评表" }],
  ["the title 部门整体绩效自评表", { title: "部门整体绩效自评表" }],
  ["the headers 全年预算数（A） / 全年执行数（B） / 执行率（B/A）", { adjusted: "全年预算数（A）", executed: "全年执行数（B）", rate: "执行率（B/A）" }],
  ["the header 调整后预算数 / 实际支出数 / 预算执行率", { adjusted: "调整后预算数", executed: "实际支出数", rate: "预算执行率" }],
  ["the header 决算数 for what was spent", { executed: "决算数" }],
  ["the score row 综合得分", { scoreTotal: "综合得分" }],
  ["the score row 自评总分", { scoreTotal: "自评总分" }],
  ["the grade row 绩效等级", { grade: "绩效等级" }],
  ["the grade row 自评结果", { grade: "自评结果" }],
];

describe.each(WORDINGS)("部门整体 form with %s", (_name, words) => {
  const { book, at } = deptBook({ ...BASE, ...words });
  const cell = (r: Ref): string => `${r.sheet}!${r.a1}`;

  test("consistent: read as the 部门整体 form, no error and no warning", async () => {
    const seen = await checkBook(book, "vocabulary");
    expect(seen.form).toBe("部门整体支出绩效自评表");
    expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
    expect(seen.exitCode).toBe(0);
  });

  const plants: [string, Ref, string | number, string][] = [
    ["基本支出 executed typed in 元", at.basicExecuted, 1038600, "no-unit-mistake"],
    ["the 执行率 99.47% for 99.74%", at.rate, 0.9947, "exec-rate-matches"],
    ["the 预算执行率得分 9.79 for 9.97", at.execScore, 9.79, "total-score-matches"],
    ["the 总分 99.87 for 99.57", at.scoreTotal, 99.87, "total-score-matches"],
    ["the grade 良 for a score of 99.57", at.grade, "良", "grade-matches-band"],
  ];
  test.each(plants)("%s → one error, at its cell", async (_what, where, value, rule) => {
    const b = copyBook(book);
    plant(b, where, value);
    const seen = await checkBook(b, "vocabulary");
    // The report's sentences that quote the figure may be pointed at too; nothing else on the form.
    const onForm = seen.findings.filter((f) => f.severity === "error" && !f.cell.startsWith(`${REPORT}!`));
    expect(onForm.map((f) => `${f.rule} ${f.cell}`)).toEqual([`${rule} ${cell(where)}`]);
    expect(seen.exitCode).toBe(1);
  });
});
