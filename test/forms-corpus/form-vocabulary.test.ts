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
import { checkBook, removeTempDir, show, type Seen } from "./run";
import { writeExpenseSplitAndGoal } from "./hand-dept";

afterAll(removeTempDir);

/** The book with one cell planted, checked as `jixiao check` does. */
async function checkPlanted(book: BookSpec, at: Ref, value: string | number): Promise<Seen> {
  const b = copyBook(book);
  plant(b, at, value);
  return checkBook(b, "vocabulary");
}

/** The errors on the forms (the 自评报告's sentences quoting a planted figure aside), as `rule Sheet!A1`. */
const formErrors = (seen: Seen): string[] => seen.findings.filter((f) => f.severity === "error" && !f.cell.startsWith(`${REPORT}!`)).map((f) => `${f.rule} ${f.cell}`);
/** Every error, as `rule Sheet!A1`. */
const allErrors = (seen: Seen): string[] => seen.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`);

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
  /** The three rows under the income heading, with their 年初 / 全年 / 执行; absent: 一般公共预算 and two “—” rows. */
  incomeRows?: [string, [number, number, number]][];
  /** The indicator table's eight headers (一级 … 偏差原因). */
  indicatorHeaders?: string[];
  /** 总分 and 评价等次 each written with its value in one cell merged across the table (`自评总分：99.57分`). */
  inlineTotals?: boolean;
  /** A 绩效自评得分汇总 block under the form (rows 23–29), its group column headed so (项目, 一级指标 …). */
  scoreSummaryHeader?: string;
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
  if (w.incomeRows) {
    w.incomeRows.forEach(([label, v], i) => {
      s.label(`B${5 + i}`, label);
      money(5 + i, v);
    });
  } else {
    s.label("B5", w.publicFunds);
    money(5, [1632.87, 1711.75, 1707.31]);
    s.label("B6", "政府性基金预算");
    s.label("B7", "其他资金");
    for (const r of [6, 7]) for (const c of "CDE") s.dash(`${c}${r}`);
  }
  writeExpenseSplitAndGoal(s, money, w.expense);
  (w.indicatorHeaders ?? ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]).forEach((h, i) =>
    s.label(`${"ABCDEFGH"[i]}11`, h, { bold: true }),
  );
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
  let scoreTotal: Ref;
  let grade: Ref;
  if (w.inlineTotals) {
    scoreTotal = s.merged("A20:I20", `${w.scoreTotal}：99.57分`);
    grade = s.merged("A21:I21", `${w.grade}：优`);
  } else {
    s.merged("A20:E20", w.scoreTotal);
    s.set("F20", 100, { fmt: "0" });
    scoreTotal = s.set("G20", 99.57, { fmt: MONEY });
    s.merged("A21:E21", w.grade);
    grade = s.merged("F21:I21", "优");
  }
  if (w.scoreSummaryHeader) {
    s.merged("A23:C23", "绩效自评得分汇总", { bold: true, center: true });
    [w.scoreSummaryHeader, "分值", "得分"].forEach((h, i) => s.label(`${"ABC"[i]}24`, h, { bold: true }));
    (
      [
        ["预算执行率", 10, 9.97],
        ["产出指标", 50, 49.6],
        ["效益指标", 30, 30],
        ["满意度指标", 10, 10],
        ["总分", 100, 99.57],
      ] as const
    ).forEach(([label, weight, score], i) => {
      s.label(`A${25 + i}`, label);
      s.set(`B${25 + i}`, weight, { fmt: "0" });
      s.set(`C${25 + i}`, score, { fmt: MONEY });
    });
  }
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
  // The indicator table's headers: with 标准分 / 评分 or 一级指标名称 the 总分 was read from the 分值 column
  // (100), and with 年度目标 / 绩效目标值 a wrong 总分 was blamed on an indicator's 得分.
  ["indicator headers 标准分 / 评分", { indicatorHeaders: ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "标准分", "评分", "偏差原因分析及改进措施"] }],
  ["indicator headers 一级指标名称 …", { indicatorHeaders: ["一级指标名称", "二级指标名称", "三级指标名称", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"] }],
  ["indicator headers 年度目标 / 完成情况", { indicatorHeaders: ["一级指标", "二级指标", "三级指标", "年度目标", "完成情况", "分值", "得分", "偏差原因分析及改进措施"] }],
  ["indicator headers 绩效目标值 / 实际完成指标值 / 指标分值 / 自评得分", { indicatorHeaders: ["一级指标", "二级指标", "三级指标", "绩效目标值", "实际完成指标值", "指标分值", "自评得分", "未完成原因分析"] }],
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
    const seen = await checkPlanted(book, where, value);
    // The report's sentences that quote the figure may be pointed at too; nothing else on the form.
    expect(formErrors(seen)).toEqual([`${rule} ${cell(where)}`]);
    expect(seen.exitCode).toBe(1);
  });
});

describe.each([
  ["自评总分", "评价等次"],
  ["综合得分", "自评等级"],
])("部门整体 form whose %s and %s are written with their values in one cell", (scoreLabel, gradeLabel) => {
  const { book, at } = deptBook({ ...BASE, scoreTotal: scoreLabel, grade: gradeLabel, inlineTotals: true });

  test("consistent: no error and no warning", async () => {
    const seen = await checkBook(book, "vocabulary");
    expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  });

  test.each([
    ["the 总分 99.87 for 99.57", at.scoreTotal, `${scoreLabel}：99.87分`, "total-score-matches"],
    ["the grade 良 for a score of 99.57", at.grade, `${gradeLabel}：良`, "grade-matches-band"],
  ])("%s → one error, at that cell (it was passed as 可以导出)", async (_what, where, text, rule) => {
    const seen = await checkPlanted(book, where, text);
    expect(formErrors(seen)).toEqual([`${rule} ${SHEET}!${where.a1}`]);
    expect(seen.exitCode).toBe(1);
  });
});

/**
 * The income split in words the form does not declare (事业收入, 经营收入, 自有资金, 专户资金 …): the rows under
 * the 按收入性质分 heading are its parts whatever they say. Before, such a row made the split unchecked
 * (a 元 slip in it passed as 可以导出), or was left out of it (a false error on a consistent form).
 */
const INCOME: [number, number, number][] = [
  [1500.0, 1560.0, 1556.0],
  [100.0, 120.0, 119.5],
  [32.87, 31.75, 31.81],
];
const INCOME_WORDINGS: [string, string[]][] = [
  ["财政拨款收入 / 事业收入 / 其他收入", ["财政拨款收入", "事业收入", "其他收入"]],
  ["一般公共预算拨款收入 / 事业收入 / 经营收入", ["一般公共预算拨款收入", "事业收入", "经营收入"]],
  ["一般公共预算资金 / 政府性基金预算资金 / 自有资金", ["一般公共预算资金", "政府性基金预算资金", "自有资金"]],
  ["财政资金 / 专户资金 / 单位自有资金", ["财政资金", "专户资金", "单位自有资金"]],
  ["公共财政预算拨款 / 政府性基金拨款 / 其他", ["公共财政预算拨款", "政府性基金拨款", "其他"]],
];

describe.each(INCOME_WORDINGS)("部门整体 form whose income rows say %s", (_name, labels) => {
  const incomeRows = labels.map((l, i) => [l, INCOME[i]] as [string, [number, number, number]]);
  const { book } = deptBook({ ...BASE, incomeRows });

  test("consistent: no error and no warning", async () => {
    const seen = await checkBook(book, "vocabulary");
    expect(seen.form).toBe("部门整体支出绩效自评表");
    expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  });

  test.each([5, 6, 7])("the row %i's 全年执行数 typed in 元 → one error, at its cell", async (row) => {
    const seen = await checkPlanted(book, { sheet: SHEET, a1: `E${row}` }, INCOME[row - 5][2] * 10000);
    expect(formErrors(seen)).toEqual([`no-unit-mistake ${SHEET}!E${row}`]);
    expect(seen.exitCode).toBe(1);
  });
});

// ------------------------------------------------------------------ the 财政部 项目支出绩效自评表

/** The project form's words that bureaus vary. */
interface ProjectWords {
  title: string;
  funds: string;
  total: string;
  current: string;
  carry: string;
  adjusted: string;
  executed: string;
  levels: [string, string, string];
  scoreTotal: string;
}

const PROJECT_BASE: ProjectWords = {
  title: "项目支出绩效自评表",
  funds: "项目资金（万元）",
  total: "年度资金总额",
  current: "其中：当年财政拨款",
  carry: "上年结转资金",
  adjusted: "全年预算数",
  executed: "全年执行数",
  levels: ["一级指标", "二级指标", "三级指标"],
  scoreTotal: "总分",
};

const PROJECT = "项目支出绩效自评表";

/**
 * The national form as published (财预〔2020〕10号): the 项目资金 block merged down A:B with its rows in
 * column C, a 执行率 on every funds line, 绩效指标 merged down column A beside the indicator table
 * (invented data: 346.77 / 295.10, 85.10%, 8.51; 总分 98.01, 优).
 */
function projectBook(w: ProjectWords): { book: BookSpec; at: Record<"currentExecuted" | "carryExecuted" | "rate" | "execScore" | "scoreTotal" | "grade", Ref> } {
  const s = new SheetWriter(PROJECT);
  s.merged("A1:J1", w.title, { bold: true, size: 16, center: true });
  s.merged("A2:J2", "（2024年度）", { center: true });
  s.merged("A3:B3", "项目名称");
  s.merged("C3:J3", "城乡居民医疗救助项目");
  s.merged("A4:B4", "主管部门");
  s.merged("C4:E4", "某区医疗保障局");
  s.merged("F4:G4", "实施单位");
  s.merged("H4:J4", "某区医疗保障局");
  s.merged("A5:B8", w.funds, { bold: true });
  ["年初预算数", w.adjusted, w.executed, "分值", "执行率", "得分"].forEach((h, i) => s.label(`${"DEFGHI"[i]}5`, h, { bold: true }));
  const line = (r: number, label: string, v: [number, number, number], rate: number): Ref => {
    s.label(`C${r}`, label);
    v.forEach((x, i) => s.set(`${"DEF"[i]}${r}`, x, { fmt: MONEY }));
    return s.set(`H${r}`, rate, { fmt: RATE });
  };
  const rate = line(6, w.total, [300.0, 346.77, 295.1], 0.851);
  s.set("G6", 10, { fmt: "0" });
  const execScore = s.set("I6", 8.51, { fmt: MONEY });
  line(7, w.current, [300.0, 320.0, 270.1], 0.8441);
  line(8, w.carry, [0, 26.77, 25.0], 0.9339);
  for (const r of [7, 8]) for (const c of "GI") s.dash(`${c}${r}`);
  s.merged("A9:A10", "年度总体目标");
  s.merged("B9:F9", "预期目标");
  s.merged("G9:J9", "实际完成情况");
  s.merged("B10:F10", "资助困难群众参保，实施医疗救助，减轻困难群众医疗负担。", { wrap: true });
  s.merged("G10:J10", "全年医疗救助1.8万人次，资助参保3511人，困难群众医疗负担有效减轻。", { wrap: true });
  s.merged("A11:A17", "绩效指标");
  [...w.levels, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => s.label(`${"BCDEFGHI"[i]}11`, h, { bold: true }));
  const rows: [string, string, string, string, string, number, number, string?][] = [
    ["产出指标", "数量指标", "医疗救助人次", "≥1.5万人次", "1.8万人次", 20, 20],
    ["", "数量指标", "资助参保人数", "≥3500人", "3511人", 10, 10],
    ["", "质量指标", "救助政策落实率", "100%", "100%", 10, 10],
    ["", "时效指标", "救助资金拨付及时率", "100%", "95%", 10, 9.5, "部分救助对象资料不全，拨付延后；下一步加强资料预审。"],
    ["效益指标", "社会效益指标", "困难群众医疗负担减轻", "有效减轻", "有效减轻", 30, 30],
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "94%", 10, 10],
  ];
  rows.forEach(([l1, l2, name, target, actual, weight, score, reason], i) => {
    const r = 12 + i;
    if (l1) s.label(`B${r}`, l1);
    s.label(`C${r}`, l2);
    s.set(`D${r}`, name);
    s.set(`E${r}`, target);
    s.set(`F${r}`, actual);
    s.set(`G${r}`, weight, { fmt: "0" });
    s.set(`H${r}`, score, { fmt: "0.00" });
    if (reason) s.text(`I${r}`, reason);
  });
  s.merge("B12:B15");
  s.merged("A18:F18", w.scoreTotal);
  s.set("G18", 100, { fmt: "0" });
  const scoreTotal = s.set("H18", 98.01, { fmt: MONEY });
  s.merged("A19:F19", "评价等次");
  const grade = s.merged("G19:J19", "优");
  return {
    book: { sheets: [s.spec] },
    at: { currentExecuted: { sheet: PROJECT, a1: "F7" }, carryExecuted: { sheet: PROJECT, a1: "F8" }, rate, execScore, scoreTotal, grade },
  };
}

const PROJECT_WORDINGS: [string, Partial<ProjectWords>][] = [
  ["the national words", {}],
  ["the title 2024年度项目支出绩效自评表", { title: "2024年度项目支出绩效自评表" }],
  ["the block headed 资金情况（万元）", { funds: "资金情况（万元）" }],
  ["the total row 合计", { total: "合计" }],
  ["the total row 总额", { total: "总额" }],
  ["the total row 项目资金总额", { total: "项目资金总额" }],
  ["the line 其中：本级财政资金", { current: "其中：本级财政资金" }],
  ["the line 上年结余资金", { carry: "上年结余资金" }],
  ["the headers 调整后预算数 / 实际支出数", { adjusted: "调整后预算数", executed: "实际支出数" }],
  ["the header 决算数 for what was spent", { executed: "决算数" }],
  ["the indicator headers 一级 / 二级 / 三级", { levels: ["一级", "二级", "三级"] }],
  ["the indicator header 指标名称", { levels: ["一级指标", "二级指标", "指标名称"] }],
  ["the score row 综合得分", { scoreTotal: "综合得分" }],
];

describe.each(PROJECT_WORDINGS)("项目支出绩效自评表 with %s", (_name, words) => {
  const { book, at } = projectBook({ ...PROJECT_BASE, ...words });
  const cell = (r: Ref): string => `${r.sheet}!${r.a1}`;

  test("consistent: read as the national project form, no error and no warning", async () => {
    const seen = await checkBook(book, "vocabulary");
    expect(seen.form).toBe("项目支出绩效自评表（财政部）");
    expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
    expect(seen.exitCode).toBe(0);
  });

  const plants: [string, Ref, string | number, string][] = [
    ["当年财政拨款 executed typed in 元", at.currentExecuted, 2701000, "no-unit-mistake"],
    ["上年结转 executed 35.00 for 25.00 (its line's 执行率 says which)", at.carryExecuted, 35, "total-matches-parts"],
    ["the 执行率 81.50% for 85.10%", at.rate, 0.815, "exec-rate-matches"],
    ["the 预算执行率得分 8.15 for 8.51", at.execScore, 8.15, "total-score-matches"],
    ["the 总分 99.01 for 98.01", at.scoreTotal, 99.01, "total-score-matches"],
    ["the grade 良 for a score of 98.01", at.grade, "良", "grade-matches-band"],
  ];
  test.each(plants)("%s → one error, at its cell", async (_what, where, value, rule) => {
    const seen = await checkPlanted(book, where, value);
    const errors = allErrors(seen);
    expect(errors).toContain(`${rule} ${cell(where)}`);
    expect(errors.filter((e) => !e.endsWith(` ${cell(where)}`))).toEqual([]);
    expect(seen.exitCode).toBe(1);
  });
});

// ------------------------------------------------------------------ the 项目绩效自评汇总表

interface SummaryWords {
  budget: string;
  executed: string;
  score: string;
  grade: string;
}

const SUMMARY = "项目汇总";
/** 项目名称, 预算数, 执行数, 自评得分, 等次 (invented; each rate to four decimals as typed). */
const SUMMARY_ROWS: [string, number, number, number, string][] = [
  ["城乡居民医疗救助", 346.77, 295.1, 88.5, "良"],
  ["医保信息化建设", 120.0, 115.2, 95.2, "优"],
  ["医保基金监管专项", 80.0, 78.4, 92.0, "优"],
  ["医保经办服务能力提升", 45.5, 30.0, 76.3, "中"],
];

/** A 汇总 as a bureau words its headers: 序号 | 项目名称 | 主管部门 | budget | executed | 执行率 | score | grade, 合计 at the bottom. */
function summaryBook(w: SummaryWords): { book: BookSpec; at: Record<"executed" | "rate" | "budgetTotal" | "grade", Ref> } {
  const s = new SheetWriter(SUMMARY);
  s.merged("A1:H1", "2024年度项目支出绩效自评汇总表", { bold: true, size: 16, center: true });
  s.merged("A2:D2", "填报单位：某区医疗保障局");
  s.merged("F2:H2", "单位：万元");
  ["序号", "项目名称", "主管部门", w.budget, w.executed, "执行率", w.score, w.grade].forEach((h, i) => s.label(`${"ABCDEFGH"[i]}3`, h, { bold: true }));
  SUMMARY_ROWS.forEach(([name, budget, executed, score, grade], i) => {
    const r = 4 + i;
    s.set(`A${r}`, i + 1, { fmt: "0" });
    s.set(`B${r}`, name);
    s.set(`C${r}`, "某区医疗保障局");
    s.set(`D${r}`, budget, { fmt: MONEY });
    s.set(`E${r}`, executed, { fmt: MONEY });
    s.set(`F${r}`, Math.round((executed / budget) * 10000) / 10000, { fmt: RATE });
    s.set(`G${r}`, score, { fmt: "0.0" });
    s.set(`H${r}`, grade);
  });
  const budget = Math.round(SUMMARY_ROWS.reduce((t, x) => t + x[1], 0) * 100) / 100;
  const executed = Math.round(SUMMARY_ROWS.reduce((t, x) => t + x[2], 0) * 100) / 100;
  s.merged("A8:C8", "合计");
  const budgetTotal = s.set("D8", budget, { fmt: MONEY });
  s.set("E8", executed, { fmt: MONEY });
  s.set("F8", Math.round((executed / budget) * 10000) / 10000, { fmt: RATE });
  return {
    book: { sheets: [s.spec] },
    at: { executed: { sheet: SUMMARY, a1: "E5" }, rate: { sheet: SUMMARY, a1: "F6" }, budgetTotal, grade: { sheet: SUMMARY, a1: "H7" } },
  };
}

const SUMMARY_WORDINGS: [string, SummaryWords][] = [
  ["全年预算数 / 全年执行数 / 自评得分 / 评价等次", { budget: "全年预算数", executed: "全年执行数", score: "自评得分", grade: "评价等次" }],
  ["预算金额 / 支出金额", { budget: "预算金额", executed: "支出金额", score: "自评得分", grade: "评价等次" }],
  ["年度预算 / 实际支出", { budget: "年度预算", executed: "实际支出", score: "自评得分", grade: "评价等次" }],
  ["预算安排数 / 实际支出数", { budget: "预算安排数", executed: "实际支出数", score: "自评得分", grade: "评价等次" }],
  ["自评分数 / 绩效等级", { budget: "全年预算数", executed: "全年执行数", score: "自评分数", grade: "绩效等级" }],
];

describe.each(SUMMARY_WORDINGS)("项目绩效自评汇总表 headed %s", (_name, words) => {
  const { book, at } = summaryBook(words);
  const cell = (r: Ref): string => `${r.sheet}!${r.a1}`;

  test("consistent: read as the 汇总, no error and no warning", async () => {
    const seen = await checkBook(book, "vocabulary");
    expect(seen.form).toBe("项目绩效自评汇总表");
    expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
    expect(seen.exitCode).toBe(0);
  });

  const plants: [string, Ref, string | number, string][] = [
    ["a project's 执行数 typed in 元", at.executed, 1152000, "no-unit-mistake"],
    ["a project's 执行率 94.98% for 98.00%", at.rate, 0.9498, "project-row-consistent"],
    ["the 合计 预算数 10 too high", at.budgetTotal, 602.27, "total-matches-parts"],
    ["a grade 良 for 92.0", at.grade, "良", "grade-matches-band"],
  ];
  test.each(plants)("%s → one error, at its cell", async (_what, where, value, rule) => {
    const seen = await checkPlanted(book, where, value);
    const errors = allErrors(seen);
    expect(errors).toEqual([`${rule} ${cell(where)}`]);
    expect(seen.exitCode).toBe(1);
  });
});

describe("a grade written as a letter (A / B / C / D, some provinces' 等级)", () => {
  const { book, at } = deptBook(BASE);
  test.each(["A", "Ａ", "A级"])("%s for a score of 99.57 is 优: no error", async (letter) => {
    const seen = await checkPlanted(book, at.grade, letter);
    expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
    expect(seen.exitCode).toBe(0);
  });
  test.each(["B", "C级"])("%s for a score of 99.57 → the grade's error, at its cell", async (letter) => {
    const seen = await checkPlanted(book, at.grade, letter);
    const errors = allErrors(seen);
    expect(errors).toEqual([`grade-matches-band ${SHEET}!${at.grade.a1}`]);
  });
});

describe.each(["项目", "一级指标", "指标"])("a 绩效自评得分汇总 under the form, its groups headed %s", (header) => {
  const { book } = deptBook({ ...BASE, scoreSummaryHeader: header });

  test("consistent: no error and no warning", async () => {
    const seen = await checkBook(book, "vocabulary");
    expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  });

  // Headed 项目, the block was not read at all: a group's wrong 分值 or 得分 in it passed as 可以导出.
  test.each([
    ["the 产出 得分 48.6 for 49.6", "C26", 48.6],
    ["the 产出 分值 45 for 50", "B26", 45],
  ])("%s → found at that cell", async (_what, a1, value) => {
    const seen = await checkPlanted(book, { sheet: SHEET, a1 }, value);
    const onForm = seen.findings.filter((f) => f.severity !== "info" && !f.cell.startsWith(`${REPORT}!`));
    expect(onForm.map((f) => f.cell)).toContain(`${SHEET}!${a1}`);
    expect(onForm.filter((f) => f.severity === "error" && f.cell !== `${SHEET}!${a1}`).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    expect(seen.exitCode).toBe(1);
  });
});
