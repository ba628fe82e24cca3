/**
 * Layouts other bureaus hand out, beside the corpus's first ones (issue 9: “build for the forms, not for
 * your fixtures”). Same seeds, same relations, other layouts:
 *
 * h. a provincial 项目支出绩效自评表 (the shape several provinces print: 江苏, 河北, 广东 alike): the year only in
 *    the title (`2021年度项目支出绩效自评表`), `填报单位（盖章）：…` and `项目名称：…` as label and value in one
 *    cell, `主管部门：… | 实施单位：…` side by side, 项目资金 headers with their letters (`全年预算数（A）`,
 *    `全年执行数（B）`, `执行率（B/A）`), `年度资金总额：` with a colon, `其中：本年财政拨款`, the 一级指标 in
 *    column A (no 绩效指标 column), indicator values with their units in the text (`≥95%`, `10万份`), a blank
 *    row BETWEEN two groups of indicators, “—” in the reasons of achieved indicators, the 总分 row, a
 *    `评价等次` row and 填表人 / 联系电话 / 填报日期 all in one cell.
 * i. a 项目支出绩效自评结果汇总表 with another column set and order: 序号 | 项目名称 | 实施单位 | 资金来源 |
 *    全年预算数 | 全年执行数 | 执行率 | 自评得分 | 评价等次 | 备注 — no 资金文号, no 结转结余 —, the 合计 row
 *    at the TOP (right under the header), `主管部门：…` as the unit line, and a `说明：` paragraph below.
 * j. the 部门决算 tables in 元 (`金额单位：元`, amounts with two decimals in 元) beside a report written in
 *    万元: the report's 万元 are the tables' 元 ÷ 10000 (a trap: no unit warning), and a slip is a figure
 *    typed in 万元 (÷10000) in a 元 table.
 * k. a workbook of nine provincial project sheets (h) and the 汇总 of i: each 汇总 row = its sheet.
 * l. a 收入支出决算总表 stacked in one 项目 | 行次 | 决算数 column pair, 支出 by 性质 with 其中 lines.
 */
import { type Ref, SheetWriter, MONEY, ref } from "./book";
import { num, put, rateAsText, txt } from "./corpus-helpers";
import { finalAccountsBook, SEED003 } from "./final-accounts";
import { type ProjectData, execScore, mergeRuns, rate4, round2, totalScore, totalWeight } from "./project-form";
import { type Relation, equal, sum } from "./relations";
import { SEED001_PROJECTS, SEED004_CORPUS, gradeOf, projectTotal, seed001Project } from "./seeds";
import type { FormCase, Trap, Variant } from "./types";

// ------------------------------------------------------------------ h. provincial 项目支出绩效自评表
function unitText(sign: string, v: number | string, unit: string, target: boolean): string {
  if (typeof v === "string") return v;
  return target ? `${sign === "=" ? "" : sign}${v}${unit}` : `${v}${unit}`;
}

/** Where the interesting cells of one provincial project sheet are. */
export interface ProvinceCells {
  title: Ref;
  funds: Ref[][];
  execRate: Ref;
  execScore: Ref;
  actual: Ref;
  ind: { target: Ref; actual: Ref; weight: Ref; score: Ref; reason: Ref }[];
  weightTotal: Ref;
  scoreTotal: Ref;
  grade: Ref;
}

/** One provincial 项目支出绩效自评表 on a sheet of its own. */
export function writeProvinceSheet(name: string, d: ProjectData): { sheet: SheetWriter; cells: ProvinceCells; relations: Relation[]; traps: Trap[] } {
  const w = new SheetWriter(name);
  const S = (a: string): Ref => ref(name, a);
  ["A", "B", "C", "D", "E", "F", "G", "H", "I"].forEach((c, i) => w.width(c, [12, 14, 24, 14, 14, 12, 10, 12, 20][i]));
  const title = w.merged("A1:I1", `${d.year}年度项目支出绩效自评表`, { bold: true, size: 16, center: true });
  const unitLine = w.merged("A2:F2", `填报单位（盖章）：${d.unit}`);
  w.merged("G2:I2", "单位：万元");
  const nameCell = w.merged("A3:I3", `项目名称：${d.name}`);
  w.merged("A4:D4", `主管部门：${d.dept}`);
  w.merged("E4:I4", `实施单位：${d.unit}`);

  w.merged("A5:B9", "项目资金", { bold: true, center: true });
  ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"].forEach((h, i) => w.label(`${"DEFGHI"[i]}5`, h, { bold: true }));
  const rows: [string, [number, number, number]][] = [
    ["年度资金总额：", d.funds.total],
    ["其中：本年财政拨款", d.funds.fiscal],
    ["上年结转资金", d.funds.carry],
    ["其他资金", d.funds.other],
  ];
  const funds = rows.map(([label, v], i) => {
    const r = 6 + i;
    w.set(`C${r}`, label);
    const out = [w.money(`D${r}`, v[0]), w.money(`E${r}`, v[1]), w.money(`F${r}`, v[2])];
    if (i > 0) ["G", "H", "I"].forEach((c) => w.dash(`${c}${r}`));
    return out;
  });
  const execWeight = w.set("G6", d.execWeight, { fmt: "0" });
  const execRate = w.rate("H6", rate4(d.funds.total[2], d.funds.total[1]));
  const execScoreRef = w.set("I6", execScore(d), { fmt: MONEY });

  w.merged("A10:A11", "年度总体目标", { bold: true, center: true });
  w.merged("B10:E10", "预期目标", { bold: true, center: true });
  w.merged("F10:I10", "实际完成情况", { bold: true, center: true });
  w.merged("B11:E11", d.goal, { wrap: true });
  const actual = w.merged("F11:I11", d.actual, { wrap: true });

  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"ABCDEFG"[i]}12`, h, { bold: true }));
  w.merged("H12:I12", "偏差原因分析及改进措施", { bold: true, center: true });
  // A blank row between the 产出 indicators and the others (the printed form's spare line).
  const firstOther = d.indicators.findIndex((i) => i.l1 !== "产出指标");
  const blankRow = 13 + firstOther;
  const rowOf = (k: number): number => 13 + k + (k >= firstOther ? 1 : 0);
  const groups = [d.indicators.slice(0, firstOther), d.indicators.slice(firstOther)];
  groups.forEach((g, gi) => {
    const top = gi === 0 ? 13 : blankRow + 1;
    mergeRuns(w, "A", top, g.map((i) => i.l1));
    mergeRuns(w, "B", top, g.map((i) => `${i.l1}/${i.l2}`), g.map((i) => i.l2));
  });
  const ind = d.indicators.map((i, k) => {
    const r = rowOf(k);
    w.set(`C${r}`, i.name);
    const target = w.set(`D${r}`, unitText(i.sign, i.target, i.unit, true), { center: true });
    const act = w.set(`E${r}`, unitText(i.sign, i.actual, i.unit, false), { center: true });
    const weight = w.set(`F${r}`, i.weight, { fmt: "0" });
    const score = w.set(`G${r}`, i.score, { fmt: MONEY });
    const reason = w.merged(`H${r}:I${r}`, i.reason ?? "—", { wrap: true });
    return { target, actual: act, weight, score, reason };
  });
  const totalRow = rowOf(d.indicators.length - 1) + 1;
  w.merged(`A${totalRow}:E${totalRow}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`F${totalRow}`, totalWeight(d), { fmt: "0" });
  const scoreTotal = w.set(`G${totalRow}`, totalScore(d), { fmt: MONEY });
  w.merged(`H${totalRow}:I${totalRow}`, "—", { center: true });
  w.merged(`A${totalRow + 1}:E${totalRow + 1}`, "评价等次", { bold: true, center: true });
  const grade = w.merged(`F${totalRow + 1}:I${totalRow + 1}`, d.grade, { center: true });
  const filed = w.merged(`A${totalRow + 2}:I${totalRow + 2}`, `填表人：${d.filer}    联系电话：${d.phone}    填报日期：${d.filedOn}`);

  const relations: Relation[] = [];
  ["年初预算数", "全年预算数", "全年执行数"].forEach((c, k) => relations.push(sum(funds[0][k], [funds[1][k], funds[2][k], funds[3][k]], `年度资金总额 ${c} = 其中 各项`)));
  relations.push({ kind: "rate", rate: execRate, num: funds[0][2], den: funds[0][1], decimals: 2, label: "执行率 = B ÷ A" });
  relations.push({ kind: "execScore", score: execScoreRef, num: funds[0][2], den: funds[0][1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ 分值"));
  relations.push(sum(scoreTotal, [execScoreRef, ...ind.map((i) => i.score)], "总分 得分 = Σ 得分"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: title, why: "the year only in the title (“…年度项目支出绩效自评表”)" },
    { at: unitLine, why: "“填报单位（盖章）：…” label and value in one cell" },
    { at: nameCell, why: "“项目名称：…” label and value in one cell" },
    { at: filed, why: "填表人, 联系电话 and 填报日期 (the year after) in one cell" },
    { at: S(`A${blankRow}`), why: "a blank row between the 产出 indicators and the 效益 indicators" },
    { at: ind[0].reason, why: "“—” in the reason of an achieved indicator" },
    { at: S("G7"), why: "“—” in an unused 分值 cell of a 其中 row" },
  ];
  return { sheet: w, cells: { title, funds, execRate, execScore: execScoreRef, actual, ind, weightTotal, scoreTotal, grade }, relations, traps };
}

export function provinceProjectCase(): FormCase {
  const d: ProjectData = SEED004_CORPUS;
  const { sheet: w, cells, relations, traps: sheetTraps } = writeProvinceSheet("项目自评", d);
  const { title, funds, execRate, execScore: execScoreRef, actual, ind, weightTotal, grade } = cells;
  const notAchieved = d.indicators.findIndex((i) => i.reason !== undefined);
  const variants: Variant[] = [
    num("part-not-footing", "其中：本年财政拨款 年初预算数 +10", funds[1][0], (x) => x + 10),
    num("part-not-footing", "其中：本年财政拨款 全年执行数 +10", funds[1][2], (x) => x + 10),
    num("yuan-in-part", "其中：本年财政拨款 全年预算数 in 元", funds[1][1], (x) => Math.round(x * 1000000) / 100),
    num("yuan-in-total", "年度资金总额 全年执行数 in 元", funds[0][2], (x) => Math.round(x * 1000000) / 100),
    num("total-wrong", "年度资金总额 全年预算数（A） +10", funds[0][1], (x) => x + 10),
    num("rate-wrong", "执行率（B/A） 95.71% for 100%", execRate, 0.9571),
    num("exec-score-wrong", "执行率得分 9.50 for 100%", execScoreRef, 9.5),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "印制宣传折页 得分 12 of 10", ind[0].score, 12),
    put("grade-mismatch", `评价等次 良 for ${totalScore(d)}`, grade, "良"),
    txt("title-year", "title says 2020年度 (the form is 2021's, filed 2022)", title, "2021年度", "2020年度"),
    txt("prose-vs-table", "实际完成情况 says 预算执行率96.50% (table 100.00%)", actual, "预算执行率100.00%", "预算执行率96.50%"),
    txt("prose-vs-table", "实际完成情况 says 支付使用资金251.11万元 (table 215.11)", actual, "已支付使用资金215.11万元", "已支付使用资金251.11万元"),
    txt("prose-yuan", "实际完成情况 says 支付使用资金2151100元 beside the 万元 table", actual, "已支付使用资金215.11万元", "已支付使用资金2151100元"),
    txt("prose-completion-rate", "完成率为131.33% (1700 of 1500: 113.33%)", actual, "完成率为113.33%", "完成率为131.33%"),
    put("reason-missing", `${d.indicators[notAchieved].name} not achieved, reason left empty`, ind[notAchieved].reason, null),
  ];
  const traps: Trap[] = [...sheetTraps, rateAsText(execRate, "执行率（B/A） typed as the text “100.00%”")];
  return { form: "province-project", seed: "004", file: "province-project", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ i. 汇总表, other columns, 合计 on top
const FUND_SOURCES = ["中央转移支付", "中央转移支付", "中央转移支付", "市级财政资金", "市级财政资金", "市级财政资金", "市级财政资金", "中央转移支付", "市级财政资金"];

interface TopRow {
  name: string;
  unit: string;
  source: string;
  budget: number;
  spent: number;
  score: number;
  grade: string;
}

/** Seed 001's nine projects as rows of the 自评结果汇总表. */
function seed001TopRows(): TopRow[] {
  return SEED001_PROJECTS.map((p, i) => {
    const d = seed001Project(p, i);
    return { name: p.name, unit: p.unit, source: FUND_SOURCES[i], budget: p.budget, spent: p.spent, score: projectTotal(d), grade: gradeOf(projectTotal(d)) };
  });
}

interface TopCells {
  title: Ref;
  unitLine: Ref;
  total: { budget: Ref; spent: Ref; rate: Ref };
  rows: { budget: Ref; spent: Ref; rate: Ref; score: Ref; grade: Ref }[];
  note: Ref;
  subtotals: { budget: Ref; spent: Ref; rate: Ref }[];
}

/** The 自评结果汇总表 (合计 on top) on a sheet of its own. */
function writeSummaryTop(name: string, projects: TopRow[], o: { subtotals?: boolean } = {}): { sheet: SheetWriter; cells: TopCells; relations: Relation[] } {
  const w = new SheetWriter(name);
  ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].forEach((c, i) => w.width(c, [6, 36, 22, 14, 12, 12, 10, 10, 10, 10][i]));
  const title = w.merged("A1:J1", "2019年度项目支出绩效自评结果汇总表", { bold: true, size: 16, center: true });
  const unitLine = w.merged("A2:G2", "主管部门：承德市医疗保障局");
  w.merged("H2:J2", "金额单位：万元");
  ["序号", "项目名称", "实施单位", "资金来源", "全年预算数", "全年执行数", "执行率", "自评得分", "评价等次", "备注"].forEach((h, i) => w.label(`${"ABCDEFGHIJ"[i]}3`, h, { bold: true }));
  const budget = round2(projects.reduce((a, p) => a + p.budget, 0));
  const spent = round2(projects.reduce((a, p) => a + p.spent, 0));
  w.merged("A4:D4", "合计", { bold: true, center: true });
  const total = { budget: w.money("E4", budget), spent: w.money("F4", spent), rate: w.rate("G4", rate4(spent, budget)) };
  w.dash("H4");
  w.dash("I4");
  // With subtotals: a 小计 row heads each group of projects (局机关, then 所属单位), numbered 一、二.
  const subtotals: { budget: Ref; spent: Ref; rate: Ref; members: number[] }[] = [];
  const groupOf = (p: TopRow): number => (p.unit === projects[0].unit ? 0 : 1);
  let r = 4;
  const rows = projects.map((p, i) => {
    r++;
    if (o.subtotals && (i === 0 || groupOf(p) !== groupOf(projects[i - 1]))) {
      const members = projects.map((x, k) => (groupOf(x) === groupOf(p) ? k : -1)).filter((k) => k >= 0);
      const b = round2(members.reduce((a, k) => a + projects[k].budget, 0));
      const e = round2(members.reduce((a, k) => a + projects[k].spent, 0));
      w.set(`A${r}`, ["一", "二"][groupOf(p)], { center: true });
      w.set(`B${r}`, groupOf(p) === 0 ? "局机关小计" : "所属单位小计", { bold: true });
      subtotals.push({ budget: w.money(`E${r}`, b), spent: w.money(`F${r}`, e), rate: w.rate(`G${r}`, rate4(e, b)), members });
      r++;
    }
    w.set(`A${r}`, i + 1, { center: true });
    w.set(`B${r}`, p.name);
    w.set(`C${r}`, p.unit);
    w.set(`D${r}`, p.source, { center: true });
    return {
      budget: w.money(`E${r}`, p.budget),
      spent: w.money(`F${r}`, p.spent),
      rate: w.rate(`G${r}`, rate4(p.spent, p.budget)),
      score: w.set(`H${r}`, p.score, { fmt: MONEY }),
      grade: w.set(`I${r}`, p.grade, { center: true }),
    };
  });
  const last = r + 1;
  const note = w.merged(
    `A${last + 1}:J${last + 1}`,
    `自评情况综述：2019年度共实施项目9个，全年预算数${budget}万元，全年执行数${spent}万元，预算执行率${(rate4(spent, budget) * 100).toFixed(2)}%。`,
    { wrap: true },
  );
  w.merged(`A${last + 2}:J${last + 2}`, "填表人：王某某    联系电话：0314-2222222    填报日期：2020年3月20日");

  const relations: Relation[] = [];
  rows.forEach((c, i) => relations.push({ kind: "rate", rate: c.rate, num: c.spent, den: c.budget, decimals: 2, label: `项目${i + 1} 执行率` }));
  relations.push(sum(total.budget, rows.map((c) => c.budget), "合计 全年预算数 = Σ 项目"));
  relations.push(sum(total.spent, rows.map((c) => c.spent), "合计 全年执行数 = Σ 项目"));
  relations.push({ kind: "rate", rate: total.rate, num: total.spent, den: total.budget, decimals: 2, label: "合计 执行率" });
  subtotals.forEach((t, g) => {
    relations.push(sum(t.budget, t.members.map((k) => rows[k].budget), `小计${g + 1} 全年预算数 = Σ 组内项目`));
    relations.push(sum(t.spent, t.members.map((k) => rows[k].spent), `小计${g + 1} 全年执行数 = Σ 组内项目`));
    relations.push({ kind: "rate", rate: t.rate, num: t.spent, den: t.budget, decimals: 2, label: `小计${g + 1} 执行率` });
  });
  return { sheet: w, cells: { title, unitLine, total, rows, note, subtotals }, relations };
}

export function summaryTopCase(): FormCase {
  const projects = seed001TopRows();
  const name = "自评结果汇总";
  const { sheet: w, cells, relations } = writeSummaryTop(name, projects, { subtotals: true });
  const { title, unitLine, total, rows, note, subtotals } = cells;

  const variants: Variant[] = [
    num("part-not-footing", "办公经费 全年执行数 19 (20 budgeted, 100%)", rows[3].spent, 19),
    num("part-not-footing", "基金监管 全年预算数 29 (12.58 spent, 44.93%)", rows[1].budget, 29),
    num("yuan-in-part", "信息系统建设 全年预算数 485000 (48.5 万元 in 元)", rows[2].budget, (x) => Math.round(x * 1000000) / 100),
    num("yuan-in-total", "合计 全年执行数 1588900 (158.89 万元 in 元)", total.spent, (x) => Math.round(x * 1000000) / 100),
    num("total-wrong", "合计 全年预算数 193.31 (Σ 192.31)", total.budget, 193.31),
    num("summary-total", "合计 全年执行数 159.89 (Σ 158.89)", total.spent, 159.89),
    num("rate-wrong", "基金监管 执行率 54.93% (12.58/28 = 44.93%)", rows[1].rate, 0.5493),
    put("grade-mismatch", `基金监管 评价等次 优 for ${projects[1].score}`, rows[1].grade, "优"),
    num("subtotal-over-parts", "局机关小计 全年预算数 +2 over its projects' sum", subtotals[0].budget, (x) => round2(x + 2)),
    num("subtotal-over-parts", "所属单位小计 全年执行数 26 over its projects' 25", subtotals[1].spent, 26),
    txt("title-year", "title says 2018年度 (the table is 2019's, filed 2020)", title, "2019年度", "2018年度"),
    txt("prose-vs-table", "综述 says 预算执行率83.62% (table 82.62%)", note, "预算执行率82.62%", "预算执行率83.62%"),
    txt("prose-vs-table", "综述 counts 8 projects (table 9)", note, "共实施项目9个", "共实施项目8个"),
    txt("prose-yuan", "综述 says 全年预算数1923100元 beside the 万元 table", note, "全年预算数192.31万元", "全年预算数1923100元"),
  ];
  const traps: Trap[] = [
    { at: total.budget, why: "the 合计 row at the top, right under the header" },
    { at: subtotals[0].budget, why: "a 小计 row heading each group (the 合计 adds the projects, not the 小计)" },
    { at: unitLine, why: "“主管部门：…” as the unit line" },
    { at: ref(name, "H4"), why: "“—” in the 合计 row's 自评得分" },
    rateAsText(total.rate, "合计 执行率 typed as the text “82.62%”"),
  ];
  return { form: "summary-top", seed: "001", file: "summary-top", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ j. 决算 tables in 元
export function finalYuanCase(): FormCase {
  const { sheets, cells: c, relations, traps } = finalAccountsBook(SEED003, { unit: "元" });
  const health = 1;
  const wan = (x: number): number => Math.round(x / 100) / 100; // 元 typed as 万元
  const variants: Variant[] = [
    num("part-not-footing", "支出决算表 卫生健康 人员经费 2922900.00 (基本 3494400 = 2912900 + 581500)", c.spend.rows[health][2], 2922900),
    num("part-not-footing", "总表 年末结转和结余 100000 (the balance gives 0)", c.summary.carryOut, 100000),
    num("yuan-in-part", "支出决算表 卫生健康 基本支出 349.44 (3494400 元 typed in 万元)", c.spend.rows[health][1], wan),
    num("yuan-in-total", "总表 本年支出合计 848.75 (8487500 元 typed in 万元)", c.summary.spendTotal, wan),
    num("total-wrong", "支出决算表 合计 本年支出合计 8587500 (Σ 8487500)", c.spend.total[0], 8587500),
    txt("prose-vs-table", "基本支出 占55.1% (4421800 / 8487500 = 52.1%)", c.report[5], "占52.1%", "占55.1%"),
    txt("prose-vs-table", "项目支出460.57万元 (table 4065700 元)", c.report[5], "项目支出406.57万元", "项目支出460.57万元"),
  ];
  const yuanTraps: Trap[] = [...traps, { at: c.report[6], why: "the report's 万元 beside tables in 元 (58.15万元 = 581500.00 元): no unit remark" }];
  return { form: "final-yuan", seed: "003", file: "final-yuan", book: { sheets: sheets.map((s) => s.spec) }, relations, variants, traps: yuanTraps };
}

// ------------------------------------------------------------------ k. provincial project sheets + 汇总 (合计 on top)
export function provinceSheetsCase(): FormCase {
  const projects = seed001TopRows();
  const summary = writeSummaryTop("项目汇总", projects);
  const data = SEED001_PROJECTS.map((p, i) => seed001Project(p, i));
  const sheets = SEED001_PROJECTS.map((p, i) => writeProvinceSheet(p.sheet, data[i]));
  const relations: Relation[] = [...summary.relations];
  sheets.forEach((s, i) => {
    relations.push(...s.relations);
    const row = summary.cells.rows[i];
    relations.push(equal(row.budget, s.cells.funds[0][1], `汇总 ${i + 1} 全年预算数 = 项目表 全年预算数`));
    relations.push(equal(row.spent, s.cells.funds[0][2], `汇总 ${i + 1} 全年执行数 = 项目表 全年执行数`));
    relations.push(equal(row.score, s.cells.scoreTotal, `汇总 ${i + 1} 自评得分 = 项目表 总分`));
  });
  const r = summary.cells.rows;
  const sh = (i: number): ProvinceCells => sheets[i].cells;
  const notTop = data.findIndex((d) => d.grade !== "优");
  const variants: Variant[] = [
    num("summary-vs-sheet", `汇总 信息系统建设 自评得分 95 (its sheet's 总分 ${projects[2].score})`, r[2].score, 95),
    num("summary-vs-sheet", "汇总 应急用车 全年执行数 20.06 (its sheet 20.60)", r[4].spent, 20.06),
    num("summary-total", "汇总 合计 全年执行数 159.89 (Σ 158.89)", summary.cells.total.spent, 159.89),
    num("part-not-footing", "2.基金监管 其中：本年财政拨款 全年执行数 22.58 (总额 12.58)", sh(1).funds[1][2], 22.58),
    num("yuan-in-part", "4.办公经费 其中：本年财政拨款 全年预算数 in 元", sh(3).funds[1][1], (x) => Math.round(x * 1000000) / 100),
    num("exec-score-wrong", "2.基金监管 执行率得分 10 (full marks) for 12.58/28 → 4.49", sh(1).execScore, 10),
    num("rate-wrong", "8.扫码支付 执行率 100% for 0/18", sh(7).execRate, 1),
    num("weights-total", "5.应急用车 总分 分值 90 over weights summing to 100", sh(4).weightTotal, 90),
    num("score-over-weight", "6.执法用车 参保人员满意度 得分 12 of 10", sh(5).ind[4].score, 12),
    put("grade-mismatch", `${SEED001_PROJECTS[notTop].sheet} 评价等次 优 for ${projects[notTop].score}`, sh(notTop).grade, "优"),
    txt("title-year", "7.职工医保经费 title says 2018年度", sh(6).title, "2019年度", "2018年度"),
    put("reason-missing", "2.基金监管 时效指标 not achieved (45% of ≥90%), reason left empty", sh(1).ind[2].reason, null),
    txt("prose-vs-table", "项目汇总 综述 counts 6 projects (9 sheets, 9 rows)", summary.cells.note, "共实施项目9个", "共实施项目6个"),
  ];
  const traps: Trap[] = [...sheets[0].traps, { at: summary.cells.total.budget, why: "the 汇总's 合计 row at the top, right under the header" }];
  return { form: "province-sheets", seed: "001", file: "province-sheets", book: { sheets: [summary.sheet.spec, ...sheets.map((s) => s.sheet.spec)] }, relations, variants, traps };
}

// ------------------------------------------------------------------ l. a 总表 stacked in one column pair
/**
 * The 收入支出决算总表 as some bureaus print it: 收入 then 支出 in one 项目 | 行次 | 决算数 column pair, 支出
 * by 性质 (一、基本支出, 其中：人员经费, 公用经费, 二、项目支出) rather than by 功能分类. Seed 003's figures.
 */
export function finalStackedCase(): FormCase {
  const d = SEED003;
  const w = new SheetWriter("收支决算总表");
  ["A", "B", "C"].forEach((c, i) => w.width(c, [36, 8, 16][i]));
  w.merged("A1:C1", "收入支出决算总表", { bold: true, size: 16, center: true });
  w.merged("A2:B2", `编制单位：${d.unit}（${d.year}年度）`);
  w.set("C2", "单位：万元");
  ["项目", "行次", "决算数"].forEach((h, i) => w.label(`${"ABC"[i]}3`, h, { bold: true }));
  const personnel = round2(d.classes.reduce((a, c) => a + c.personnel, 0));
  const publicUse = round2(d.classes.reduce((a, c) => a + c.publicUse, 0));
  const basic = round2(personnel + publicUse);
  const project = round2(d.classes.reduce((a, c) => a + c.project, 0));
  const income = round2(d.income.reduce((a, x) => a + x.v, 0));
  const spend = round2(basic + project);
  const lines: [string, number][] = [
    ...d.income.slice(0, 3).map((x): [string, number] => [x.label, x.v]),
    ["四、其他收入", 0],
    ["本年收入合计", income],
    ["使用非财政拨款结余", d.nonFiscalUsed],
    ["年初结转和结余", d.carryIn],
    ["收入总计", round2(income + d.nonFiscalUsed + d.carryIn)],
    ["一、基本支出", basic],
    ["其中：人员经费", personnel],
    ["公用经费", publicUse],
    ["二、项目支出", project],
    ["本年支出合计", spend],
    ["结余分配", d.distribution],
    ["年末结转和结余", d.carryOut],
    ["支出总计", round2(spend + d.distribution + d.carryOut)],
  ];
  const at = new Map<string, Ref>();
  lines.forEach(([label, v], i) => {
    w.set(`A${4 + i}`, label, /合计|总计/.test(label) ? { bold: true } : {});
    w.set(`B${4 + i}`, i + 1, { center: true });
    at.set(label, w.money(`C${4 + i}`, v));
  });
  const c = (label: string): Ref => at.get(label) as Ref;
  const relations: Relation[] = [
    sum(c("本年收入合计"), [...d.income.slice(0, 3).map((x) => c(x.label)), c("四、其他收入")], "本年收入合计 = Σ 收入"),
    sum(c("收入总计"), [c("本年收入合计"), c("使用非财政拨款结余"), c("年初结转和结余")], "收入总计"),
    sum(c("一、基本支出"), [c("其中：人员经费"), c("公用经费")], "基本支出 = 人员经费 + 公用经费"),
    sum(c("本年支出合计"), [c("一、基本支出"), c("二、项目支出")], "本年支出合计 = 基本 + 项目"),
    sum(c("支出总计"), [c("本年支出合计"), c("结余分配"), c("年末结转和结余")], "支出总计"),
    equal(c("收入总计"), c("支出总计"), "收入总计 = 支出总计"),
  ];
  const variants: Variant[] = [
    num("part-not-footing", "二、项目支出 411.57 (848.75 − 442.18 = 406.57)", c("二、项目支出"), (x) => round2(x + 5)),
    num("part-not-footing", "年末结转和结余 10 (the balance gives 0)", c("年末结转和结余"), 10),
    num("subtotal-over-parts", "一、基本支出 452.18 over 人员经费 + 公用经费 442.18", c("一、基本支出"), (x) => round2(x + 10)),
    num("yuan-in-part", "二、项目支出 4065700 (406.57 万元 in 元)", c("二、项目支出"), (x) => Math.round(x * 1000000) / 100),
    num("yuan-in-total", "本年支出合计 8487500 (848.75 万元 in 元)", c("本年支出合计"), (x) => Math.round(x * 1000000) / 100),
    num("total-wrong", "本年收入合计 858.75 (Σ 848.75)", c("本年收入合计"), (x) => round2(x + 10)),
  ];
  const traps: Trap[] = [
    { at: c("其中：人员经费"), why: "其中 lines under 一、基本支出 (not added again into 本年支出合计)" },
    { at: c("收入总计"), why: "收入 and 支出 stacked in one column pair" },
  ];
  return { form: "final-stacked", seed: "003", file: "final-stacked", book: { sheets: [w.spec] }, relations, variants, traps };
}
