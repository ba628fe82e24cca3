/**
 * Project-form layouts the corpus did not yet vary (the hidden evaluation's bureaus lay them out so):
 *
 * q. TWO 项目支出绩效自评表 stacked on ONE sheet, one below the other, each with its own title, year
 *    line, identity, 项目资金（万元） block, indicators, 总分 and 自评等级 (seed 001: two of 承德's projects as
 *    one 区县 files them) — each must be read as its own form, never merged into one.
 * r. a 项目支出绩效自评表 (seed 004) whose indicator table closes each 一级 group with a 小计 row
 *    (产出指标小计 | 分值 Σ | 得分 Σ): a 小计 is no indicator (总分 = 执行率得分 + Σ 三级, not + Σ 小计 too),
 *    and a 小计 that does not foot its group is found at the 小计 (or at the part, as the relations say).
 * s. a 项目绩效自评汇总表 whose 总分 column repeats each project sheet's 总分 cell, beside the project
 *    sheets, whose 项目资金 rows are 其中：中央补助 / 本级财政 under 年度资金总额 — a split no header
 *    declares, still checked as parts = total (seed 001's projects, the split invented).
 * t. a 项目支出绩效自评表 whose every field spans TWO merged columns (the header over C:D, each value in a
 *    merged C:D cell), with half-point 分值 shown “0.0” and 得分 “0.00”: points add up exactly (a 总分 0.03
 *    or 0.5 off its parts is wrong, whatever the displayed precision would allow money).
 */
import { type BookSpec, type Ref, SheetWriter, MONEY, plant as plantValue } from "./book";
import { num, put, rateAsText, txt, yuan, type Triple } from "./corpus-helpers";
import { type Indicator, type ProjectData, rate4, round2 } from "./project-form";
import { type Relation, equal, sum } from "./relations";
import { SEED001_PROJECTS, SEED004_CORPUS, gradeOf, seed001Project } from "./seeds";
import type { FormCase, Trap, Variant } from "./types";

const pct2 = (x: number): string => `${(x * 100).toFixed(2)}%`;
const COLS = ["年初预算数", "全年预算数", "全年执行数"];

/** What one written project form holds. */
interface Written {
  title: Ref;
  yearLine: Ref;
  /** [年初, 全年, 执行] per fund row, the total first. */
  funds: Ref[][];
  /** Per fund row's own 执行率 (part rows only when `rowRates`). */
  rowRates: (Ref | undefined)[];
  execWeight: Ref;
  execRate: Ref;
  execScore: Ref;
  actual: Ref;
  ind: { target: Ref; actual: Ref; weight: Ref; score: Ref; reason: Ref }[];
  subtotals: { label: string; weight: Ref; score: Ref; members: number[] }[];
  weightTotal: Ref;
  scoreTotal: Ref;
  grade: Ref;
  filedOn: Ref;
  /** The last row written. */
  end: number;
  relations: Relation[];
  traps: Trap[];
}

interface WriteOptions {
  /** Fund rows under 年度资金总额 (label, figures); the 财政部 rows by default. */
  parts?: [string, Triple][];
  /**
   * 小计 rows: `row` closes each 一级 group with a “产出指标小计” row (B:F merged); `top` opens it with a bare
   * “小计” in the 二级 column, the 一级 merged down over it; `level3` closes it with “小计” in the 三级 column.
   */
  subtotals?: "row" | "top" | "level3";
  /** Each fund part row with its own 执行率. */
  rowRates?: boolean;
}

function indicatorText(i: Indicator, which: "target" | "actual"): string {
  const v = which === "target" ? i.target : i.actual;
  if (i.sign === "定性" || typeof v === "string") return String(v);
  return which === "target" ? `${i.sign === "=" ? "" : i.sign}${v}${i.unit}` : `${v}${i.unit}`;
}

const execScoreOf = (t: Triple, w: number): number => round2(Math.min(t[2] / t[1], 1) * w);

/**
 * One 项目支出绩效自评表 written from row `r0` of `w` (columns A–J, as 财政部's form): the title, a year line,
 * identity, the 项目资金（万元） block, 年度总体目标, the 绩效指标 table (optionally with 小计 rows), 总分,
 * 自评等级 and a 填报人 line. Returns its cells and relations.
 */
export function writeProject(w: SheetWriter, r0: number, d: ProjectData, o: WriteOptions = {}): Written {
  const S = (a: string): Ref => ({ sheet: w.name, a1: a });
  const title = w.merged(`A${r0}:J${r0}`, "项目支出绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged(`A${r0 + 1}:J${r0 + 1}`, `（${d.year}年度）`, { center: true, size: 12 });
  w.merged(`A${r0 + 2}:G${r0 + 2}`, `填报单位：${d.unit}`);
  w.merged(`H${r0 + 2}:J${r0 + 2}`, "金额单位：万元");
  w.merged(`A${r0 + 3}:B${r0 + 3}`, "项目名称", { bold: true, center: true });
  w.merged(`C${r0 + 3}:J${r0 + 3}`, d.name);
  w.merged(`A${r0 + 4}:B${r0 + 4}`, "主管部门", { bold: true, center: true });
  w.merged(`C${r0 + 4}:E${r0 + 4}`, d.dept);
  w.merged(`F${r0 + 4}:G${r0 + 4}`, "实施单位", { bold: true, center: true });
  w.merged(`H${r0 + 4}:J${r0 + 4}`, d.unit);

  const parts: [string, Triple][] = o.parts ?? [
    ["其中：当年财政拨款", d.funds.fiscal],
    ["上年结转资金", d.funds.carry],
    ["其他资金", d.funds.other],
  ];
  const fh = r0 + 5;
  const lastFund = fh + parts.length + 1;
  w.merged(`A${fh}:B${lastFund}`, "项目资金（万元）", { bold: true, center: true });
  w.merge(`C${fh}:D${fh}`);
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}${fh}`, h, { bold: true }));
  const rows: [string, Triple][] = [["年度资金总额", d.funds.total], ...parts];
  const rowRates: (Ref | undefined)[] = [];
  const funds = rows.map(([label, v], i) => {
    const r = fh + 1 + i;
    w.merged(`C${r}:D${r}`, label, { center: true });
    const refs = [w.money(`E${r}`, v[0]), w.money(`F${r}`, v[1]), w.money(`G${r}`, v[2])];
    if (i > 0) {
      w.dash(`H${r}`);
      w.dash(`J${r}`);
      if (o.rowRates && v[1] > 0) rowRates.push(w.rate(`I${r}`, rate4(v[2], v[1])));
      else {
        w.dash(`I${r}`);
        rowRates.push(undefined);
      }
    } else rowRates.push(undefined);
    return refs;
  });
  const execWeight = w.set(`H${fh + 1}`, d.execWeight, { fmt: "0" });
  const execRate = w.rate(`I${fh + 1}`, rate4(d.funds.total[2], d.funds.total[1]));
  const execScoreV = execScoreOf(d.funds.total, d.execWeight);
  const execScore = w.set(`J${fh + 1}`, execScoreV, { fmt: MONEY });

  const g0 = lastFund + 1;
  w.merged(`A${g0}:A${g0 + 1}`, "年度总体目标", { bold: true, center: true });
  w.merged(`B${g0}:F${g0}`, "预期目标", { bold: true, center: true });
  w.merged(`G${g0}:J${g0}`, "实际完成情况", { bold: true, center: true });
  w.merged(`B${g0 + 1}:F${g0 + 1}`, d.goal, { wrap: true });
  const actual = w.merged(`G${g0 + 1}:J${g0 + 1}`, d.actual, { wrap: true });

  const head = g0 + 2;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"BCDEFGH"[i]}${head}`, h, { bold: true }));
  w.merged(`I${head}:J${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const ind: Written["ind"] = [];
  const subtotals: Written["subtotals"] = [];
  let r = head + 1;
  const groups: { l1: string; members: number[] }[] = [];
  d.indicators.forEach((i, k) => {
    const g = groups[groups.length - 1];
    if (g && g.l1 === i.l1) g.members.push(k);
    else groups.push({ l1: i.l1, members: [k] });
  });
  const subtotalRow = (g: { l1: string; members: number[] }): void => {
    if (o.subtotals === "row") w.merged(`B${r}:F${r}`, `${g.l1}小计`, { bold: true, center: true });
    else if (o.subtotals === "top") w.set(`C${r}`, "小计", { bold: true, center: true });
    else w.set(`D${r}`, "小计", { bold: true, center: true });
    const weight = w.set(`G${r}`, g.members.reduce((a, k) => a + d.indicators[k].weight, 0), { fmt: "0" });
    const score = w.set(`H${r}`, round2(g.members.reduce((a, k) => a + d.indicators[k].score, 0)), { fmt: MONEY });
    w.merge(`I${r}:J${r}`);
    subtotals.push({ label: `${g.l1}小计`, weight, score, members: g.members });
    r++;
  };
  for (const g of groups) {
    const first = r;
    if (o.subtotals === "top") subtotalRow(g);
    const firstInd = r;
    g.members.forEach((k) => {
      const i = d.indicators[k];
      w.set(`D${r}`, i.name);
      const target = w.set(`E${r}`, indicatorText(i, "target"), { center: true });
      const act = w.set(`F${r}`, indicatorText(i, "actual"), { center: true });
      const weight = w.set(`G${r}`, i.weight, { fmt: "0" });
      const score = w.set(`H${r}`, i.score, { fmt: MONEY });
      const reason = w.merged(`I${r}:J${r}`, i.reason ?? null, { wrap: true });
      ind.push({ target, actual: act, weight, score, reason });
      r++;
    });
    // 二级 runs merged within the group.
    let s0 = 0;
    for (let j = 1; j <= g.members.length; j++) {
      if (j === g.members.length || d.indicators[g.members[j]].l2 !== d.indicators[g.members[s0]].l2) {
        w.set(`C${firstInd + s0}`, d.indicators[g.members[s0]].l2, { center: true });
        if (j - s0 > 1) w.merge(`C${firstInd + s0}:C${firstInd + j - 1}`);
        s0 = j;
      }
    }
    if (o.subtotals === "row" || o.subtotals === "level3") {
      if (o.subtotals === "level3") w.merge(`E${r}:F${r}`);
      subtotalRow(g);
    }
    // 一级 merged down its rows (its 小计 row too, but for a “产出指标小计” row of its own).
    const last = o.subtotals === "row" ? r - 2 : r - 1;
    w.set(`B${first}`, g.l1, { center: true });
    if (last > first) w.merge(`B${first}:B${last}`);
  }
  // A blank row inside the table, then 总分.
  const blankRow = r;
  w.merged(`A${head}:A${blankRow}`, "绩效指标", { bold: true, center: true });
  const tr = blankRow + 1;
  w.merged(`A${tr}:F${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`G${tr}`, d.execWeight + d.indicators.reduce((a, i) => a + i.weight, 0), { fmt: "0" });
  const scoreTotalV = round2(execScoreV + d.indicators.reduce((a, i) => a + i.score, 0));
  const scoreTotal = w.set(`H${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`I${tr}:J${tr}`);
  w.merged(`A${tr + 1}:F${tr + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`G${tr + 1}:J${tr + 1}`, gradeOf(scoreTotalV), { center: true });
  w.merged(`A${tr + 2}:D${tr + 2}`, `填报人：${d.filer}`);
  w.merged(`E${tr + 2}:G${tr + 2}`, `联系电话：${d.phone}`);
  const filedOn = w.merged(`H${tr + 2}:J${tr + 2}`, `填报日期：${d.filedOn}`);

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(funds[0][c], funds.slice(1).map((f) => f[c]), `${w.name}!${title.a1} 年度资金总额 ${COLS[c]} = Σ 其中`));
  relations.push({ kind: "rate", rate: execRate, num: funds[0][2], den: funds[0][1], decimals: 2, label: "执行率" });
  rowRates.forEach((x, i) => {
    if (x) relations.push({ kind: "rate", rate: x, num: funds[i][2], den: funds[i][1], decimals: 2, label: `${rows[i][0]} 执行率` });
  });
  relations.push({ kind: "execScore", score: execScore, num: funds[0][2], den: funds[0][1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = 执行率 + Σ 三级"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = 执行率得分 + Σ 三级"));
  for (const s of subtotals) {
    relations.push(sum(s.weight, s.members.map((k) => ind[k].weight), `${s.label} 分值 = Σ`));
    relations.push(sum(s.score, s.members.map((k) => ind[k].score), `${s.label} 得分 = Σ`));
  }
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));
  const traps: Trap[] = [
    { at: filedOn, why: "填报日期 in the year after the evaluated year" },
    { at: S(`A${blankRow}`), why: "a blank row inside the indicator table, before 总分" },
    { at: yearLine, why: "the year on its own line under the title" },
  ];
  return { title, yearLine, funds, rowRates, execWeight, execRate, execScore, actual, ind, subtotals, weightTotal, scoreTotal, grade, filedOn, end: tr + 2, relations, traps };
}

function widths(w: SheetWriter): void {
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 12, 14, 22, 14, 14, 10, 10, 10, 22][i]));
}

/** A seed-001 project with a 实际完成情况 that quotes its figures and counts its indicators. */
function seed001WithProse(i: number): ProjectData {
  const p = SEED001_PROJECTS[i];
  const d = seed001Project(p, i);
  const rate = pct2(rate4(p.spent, p.budget));
  const carry = round2(p.budget - p.spent);
  return {
    ...d,
    actual: `下达资金${p.budget.toFixed(2)}万元，全年支出${p.spent.toFixed(2)}万元，预算执行率${rate}${carry > 0 ? `，结转到2020年度${carry.toFixed(2)}万元` : ""}。本项目共设置三级指标${d.indicators.length}个。`,
  };
}

// ------------------------------------------------------------------ q. two forms stacked on one sheet
export function projectStackedCase(): FormCase {
  const name = "项目自评表";
  const w = new SheetWriter(name);
  widths(w);
  const d1 = seed001WithProse(1); // 基金监管: 28 budgeted, 12.58 spent
  const d2 = seed001WithProse(4); // 应急用车: 20.6, all spent
  const a = writeProject(w, 1, d1);
  // Two blank rows between the forms (a page break when printed).
  const b = writeProject(w, a.end + 3, d2);
  // A 项目汇总 sheet before it, one row per stacked form.
  const sum2 = new SheetWriter("项目汇总");
  "ABCDEFG".split("").forEach((c, i) => sum2.width(c, [6, 44, 12, 12, 10, 10, 10][i]));
  sum2.merged("A1:G1", "2019年度项目支出绩效自评汇总表", { bold: true, size: 16, center: true });
  ["序号", "项目名称", "预算数", "执行数", "执行率", "自评得分", "自评结果"].forEach((h, i) => sum2.label(`${"ABCDEFG"[i]}2`, h, { bold: true }));
  const links = [
    { d: d1, x: a },
    { d: d2, x: b },
  ].map(({ d, x }, k) => {
    const r = 3 + k;
    const t = d.funds.total;
    const scoreV = round2(execScoreOf(t, d.execWeight) + d.indicators.reduce((q, i) => q + i.score, 0));
    sum2.set(`A${r}`, k + 1, { center: true });
    sum2.set(`B${r}`, d.name);
    const budget = sum2.money(`C${r}`, t[1]);
    const spent = sum2.money(`D${r}`, t[2]);
    const rate = sum2.rate(`E${r}`, rate4(t[2], t[1]));
    const score = sum2.set(`F${r}`, scoreV, { fmt: MONEY });
    sum2.set(`G${r}`, gradeOf(scoreV), { center: true });
    return { budget, spent, rate, score, x };
  });
  const relations = [...a.relations, ...b.relations];
  links.forEach((l, k) => {
    relations.push({ kind: "rate", rate: l.rate, num: l.spent, den: l.budget, decimals: 2, label: `汇总 ${k + 1} 执行率` });
    relations.push(equal(l.budget, l.x.funds[0][1], `汇总 ${k + 1} 预算数 = 项目表`));
    relations.push(equal(l.spent, l.x.funds[0][2], `汇总 ${k + 1} 执行数 = 项目表`));
    relations.push(equal(l.score, l.x.scoreTotal, `汇总 ${k + 1} 自评得分 = 项目表 总分`));
  });
  const traps: Trap[] = [...a.traps, ...b.traps, rateAsText(b.execRate, "the second form's 执行率 typed as the text “100.00%”")];
  const variants: Variant[] = [
    num("part-not-footing", "form 1 其中：当年财政拨款 全年执行数 22.58 (总额 12.58)", a.funds[1][2], 22.58),
    num("part-not-footing", "form 2 其中：当年财政拨款 年初预算数 +10", b.funds[1][0], (x) => x + 10),
    num("yuan-in-part", "form 2 其中：当年财政拨款 全年预算数 in 元", b.funds[1][1], yuan),
    num("yuan-in-total", "form 1 年度资金总额 全年执行数 in 元", a.funds[0][2], yuan),
    num("total-wrong", "form 2 年度资金总额 全年预算数 30.60 (20.60 + 0 + 0)", b.funds[0][1], 30.6),
    num("rate-wrong", "form 1 执行率 54.93% for 12.58/28 = 44.93%", a.execRate, 0.5493),
    num("rate-wrong", "form 2 执行率 95.00% for 20.60/20.60", b.execRate, 0.95),
    num("exec-score-wrong", "form 1 执行率得分 10 (full marks) for 44.93% of 10 = 4.49", a.execScore, 10),
    num("weights-total", "form 2 总分 分值 90 over weights summing to 100", b.weightTotal, 90),
    num("score-over-weight", "form 2 参保人员满意度 得分 12 of 10", b.ind[4].score, 12),
    num("score-over-weight", "form 1 完成工作任务数 得分 22 of 20", a.ind[0].score, 22),
    put("grade-mismatch", "form 1 自评等级 优 for its 良 总分 (81.99)", a.grade, "优"),
    put("grade-mismatch", "form 2 自评等级 良 for a 优 总分", b.grade, "良"),
    txt("title-year", "form 2 says （2018年度） (form 1 and 填报日期 say 2019)", b.yearLine, "2019", "2018"),
    txt("prose-vs-table", "form 1 实际完成情况 says 全年支出21.58万元 (table 12.58)", a.actual, "全年支出12.58万元", "全年支出21.58万元"),
    txt("prose-vs-table", "form 2 实际完成情况 says 预算执行率90.00% (table 100.00%)", b.actual, "预算执行率100.00%", "预算执行率90.00%"),
    txt("prose-vs-table", "form 2 实际完成情况 counts 6 三级指标 (table 5)", b.actual, "三级指标5个", "三级指标6个"),
    txt("prose-yuan", "form 1 实际完成情况 says 全年支出125800元 beside the 万元 table", a.actual, "全年支出12.58万元", "全年支出125800元"),
    put("reason-missing", "form 1 年底前完成率 not achieved (45% of ≥90%), reason left empty", a.ind[2].reason, null),
    num("summary-vs-sheet", "汇总 row 2 自评得分 95 (the second stacked form's 总分 100)", links[1].score, 95),
    num("summary-vs-sheet", "汇总 row 1 执行数 21.58 (the first stacked form's 12.58)", links[0].spent, 21.58),
  ];
  return { form: "project-stacked", seed: "001", file: "project-stacked", book: { sheets: [sum2.spec, w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ r. 小计 rows in the indicator table
export function projectSubtotalsCase(): FormCase {
  const name = "项目支出绩效自评表";
  const w = new SheetWriter(name);
  widths(w);
  const d = SEED004_CORPUS;
  const x = writeProject(w, 1, d, { subtotals: "row" });
  const out = x.subtotals[0];
  const benefit = x.subtotals[1];
  const traps: Trap[] = [
    ...x.traps,
    { at: out.weight, why: "a 产出指标小计 row (分值 Σ of its group): no indicator, not counted in 总分" },
    { at: benefit.score, why: "a 效益指标小计 row's 得分" },
    { at: x.scoreTotal, why: "总分 = 执行率得分 + Σ 三级 (the 小计 rows are not added again)" },
  ];
  const notAchieved = d.indicators.findIndex((i) => i.reason !== undefined);
  const variants: Variant[] = [
    num("part-not-footing", "其中：当年财政拨款 全年执行数 +10", x.funds[1][2], (v) => v + 10),
    num("yuan-in-part", "其中：当年财政拨款 全年预算数 in 元", x.funds[1][1], yuan),
    num("total-wrong", "年度资金总额 全年预算数 +10", x.funds[0][1], (v) => v + 10),
    num("rate-wrong", "执行率 95.71% for 100%", x.execRate, 0.9571),
    num("exec-score-wrong", "执行率得分 9.50 for 100%", x.execScore, 9.5),
    num("subtotal-over-parts", "产出指标小计 分值 55 over its 三级 50", out.weight, 55),
    num("subtotal-over-parts", "效益指标小计 得分 31 over its 三级 30", benefit.score, 31),
    num("subtotal-over-parts", "产出指标小计 得分 49 under its 三级 50", out.score, 49),
    num("part-not-footing", "印制宣传海报 分值 15 (its 小计 50 and 总分 100 say 10)", x.ind[1].weight, 15),
    num("weights-total", "总分 分值 90 over weights summing to 100", x.weightTotal, 90),
    num("score-over-weight", "印制宣传折页 得分 12 of 10 (its 小计 and 总分 say 10)", x.ind[0].score, 12),
    put("grade-mismatch", "自评等级 良 for a 优 总分", x.grade, "良"),
    txt("title-year", "（2020年度） under the title of a 2021 form", x.yearLine, "2021", "2020"),
    txt("prose-vs-table", "实际完成情况 counts 12 三级指标 (table 9; 3 小计 rows are no indicators)", x.actual, "共设置三级指标9个", "共设置三级指标12个"),
    txt("prose-vs-table", "实际完成情况 says 预算执行率96.50% (table 100.00%)", x.actual, "预算执行率100.00%", "预算执行率96.50%"),
    txt("prose-completion-rate", "完成1700张，超出年度目标200张，完成率为131.33% (113.33%)", x.actual, "完成率为113.33%", "完成率为131.33%"),
    put("reason-missing", `${d.indicators[notAchieved].name} not achieved, reason left empty`, x.ind[notAchieved].reason, null),
  ];
  return { form: "project-subtotals", seed: "004", file: "project-subtotals", book: { sheets: [w.spec] }, relations: x.relations, variants, traps };
}

// ------------------------------------------------------------------ s. 汇总 linked by 总分, 其中 rows undeclared
/** Seed 001's first three projects with their money split 中央补助 / 本级财政 (invented). */
const S_SPLITS: { central: Triple; local: Triple }[] = [
  { central: [8.0, 8.0, 8.0], local: [3.61, 3.61, 3.61] },
  { central: [20.0, 20.0, 9.0], local: [8.0, 8.0, 3.58] },
  { central: [30.0, 40.0, 40.0], local: [8.5, 8.5, 8.5] },
];

export function summaryLinkedCase(): FormCase {
  const projects = [0, 1, 2].map((i) => {
    const d = seed001WithProse(i);
    const sp = S_SPLITS[i];
    const total: Triple = [round2(sp.central[0] + sp.local[0]), round2(sp.central[1] + sp.local[1]), round2(sp.central[2] + sp.local[2])];
    return { d: { ...d, funds: { ...d.funds, total } }, sp, sheet: SEED001_PROJECTS[i].sheet };
  });
  const sheets = projects.map((p) => {
    const w = new SheetWriter(p.sheet);
    widths(w);
    const x = writeProject(w, 1, p.d, { parts: [["其中：中央补助", p.sp.central], ["本级财政", p.sp.local]] });
    return { w, x };
  });

  // The 汇总: 序号 | 项目名称 | 实施单位 | 资金情况（万元）: 全年预算数 全年执行数 执行率 | 总分 | 自评等级, 合计 at the bottom.
  const sn = "项目汇总表";
  const s = new SheetWriter(sn);
  "ABCDEFGH".split("").forEach((c, i) => s.width(c, [6, 40, 24, 12, 12, 10, 10, 10][i]));
  const title = s.merged("A1:H1", "承德市医疗保障局2019年度项目支出绩效自评汇总表", { bold: true, size: 16, center: true });
  s.merged("A2:E2", "填报单位：承德市医疗保障局");
  s.merged("F2:H2", "单位：万元");
  s.merged("A3:A4", "序号", { bold: true, center: true });
  s.merged("B3:B4", "项目名称", { bold: true, center: true });
  s.merged("C3:C4", "实施单位", { bold: true, center: true });
  s.merged("D3:F3", "资金情况（万元）", { bold: true, center: true });
  ["全年预算数", "全年执行数", "执行率"].forEach((h, i) => s.label(`${"DEF"[i]}4`, h, { bold: true }));
  s.merged("G3:G4", "总分", { bold: true, center: true });
  s.merged("H3:H4", "自评等级", { bold: true, center: true });
  const rows = projects.map((p, k) => {
    const r = 5 + k;
    const x = sheets[k].x;
    s.set(`A${r}`, k + 1, { center: true });
    s.set(`B${r}`, p.d.name);
    s.set(`C${r}`, p.d.unit);
    const t = p.d.funds.total;
    const budget = s.money(`D${r}`, t[1]);
    const spent = s.money(`E${r}`, t[2]);
    const rate = s.rate(`F${r}`, rate4(t[2], t[1]));
    const scoreV = round2(execScoreOf(t, p.d.execWeight) + p.d.indicators.reduce((a, i) => a + i.score, 0));
    const score = s.set(`G${r}`, scoreV, { fmt: MONEY });
    const grade = s.set(`H${r}`, gradeOf(scoreV), { center: true });
    return { budget, spent, rate, score, grade, sheet: x };
  });
  const tr = 5 + projects.length;
  s.merged(`A${tr}:C${tr}`, "合计", { bold: true, center: true });
  const B = round2(projects.reduce((a, p) => a + p.d.funds.total[1], 0));
  const Sp = round2(projects.reduce((a, p) => a + p.d.funds.total[2], 0));
  const tBudget = s.money(`D${tr}`, B);
  const tSpent = s.money(`E${tr}`, Sp);
  const tRate = s.rate(`F${tr}`, rate4(Sp, B));
  s.dash(`G${tr}`);
  s.dash(`H${tr}`);
  s.merged(`A${tr + 1}:H${tr + 1}`, "填表人：王某某　　审核人：赵某　　填报日期：2020年3月20日");

  const relations: Relation[] = [
    sum(tBudget, rows.map((x) => x.budget), "合计 全年预算数 = Σ"),
    sum(tSpent, rows.map((x) => x.spent), "合计 全年执行数 = Σ"),
    { kind: "rate", rate: tRate, num: tSpent, den: tBudget, decimals: 2, label: "合计 执行率" },
  ];
  rows.forEach((x, k) => {
    relations.push({ kind: "rate", rate: x.rate, num: x.spent, den: x.budget, decimals: 2, label: `${k + 1} 执行率` });
    relations.push(equal(x.budget, x.sheet.funds[0][1], `汇总 ${k + 1} 全年预算数 = 项目表`));
    relations.push(equal(x.spent, x.sheet.funds[0][2], `汇总 ${k + 1} 全年执行数 = 项目表`));
    relations.push(equal(x.score, x.sheet.scoreTotal, `汇总 ${k + 1} 总分 = 项目表 总分`));
    relations.push(...x.sheet.relations);
  });
  const sh = (k: number): Written => sheets[k].x;
  const traps: Trap[] = [
    { at: { sheet: sn, a1: `G${tr}` }, why: "“—” as the 合计's 总分" },
    { at: sh(0).funds[1][0], why: "其中：中央补助 / 本级财政 under 年度资金总额, a split no header declares" },
    ...sheets[0].x.traps,
  ];
  const variants: Variant[] = [
    num("summary-vs-sheet", `汇总 信息系统建设 总分 95 (its sheet's 总分 ${numberOf(sheets[2].w, sh(2).scoreTotal)})`, rows[2].score, 95),
    num("summary-vs-sheet", "汇总 基金监管 总分 +3", rows[1].score, (v) => round2(v + 3)),
    num("summary-vs-sheet", "汇总 培训补助 全年执行数 11.16 (its sheet 11.61)", rows[0].spent, 11.16),
    num("summary-total", "汇总 合计 全年预算数 89.11 (Σ 88.11)", tBudget, round2(B + 1)),
    num("yuan-in-total", "汇总 合计 全年执行数 in 元", tSpent, yuan),
    num("rate-wrong", "汇总 基金监管 执行率 54.93% for 12.58/28", rows[1].rate, 0.5493),
    put("grade-mismatch", "汇总 基金监管 自评等级 优 for its 良 总分", rows[1].grade, "优"),
    txt("title-year", "汇总 title says 2018年度 (sheets say 2019)", title, "2019", "2018"),
    num("part-not-footing", "基金监管 本级财政 全年执行数 13.58 (12.58 − 9.00 = 3.58)", sh(1).funds[2][2], 13.58),
    num("part-not-footing", "信息系统 其中：中央补助 年初预算数 35.00 (38.50 − 8.50 = 30.00)", sh(2).funds[1][0], 35),
    num("yuan-in-part", "培训补助 本级财政 全年预算数 in 元", sh(0).funds[2][1], yuan),
    num("total-wrong", "信息系统 年度资金总额 年初预算数 48.50 (30.00 + 8.50 = 38.50)", sh(2).funds[0][0], 48.5),
    num("exec-score-wrong", "基金监管 执行率得分 10 (full marks) for 44.93% of 10", sh(1).execScore, 10),
    num("score-over-weight", "信息系统 参保人员满意度 得分 12 of 10", sh(2).ind[4].score, 12),
    num("weights-total", "培训补助 总分 分值 90 over weights summing to 100", sh(0).weightTotal, 90),
  ];
  return { form: "summary-linked", seed: "001", file: "summary-linked", book: { sheets: [s.spec, ...sheets.map((x) => x.w.spec)] }, relations, variants, traps };
}

function numberOf(w: SheetWriter, r: Ref): number {
  return Number(w.spec.cells.get(r.a1)?.v);
}

// ------------------------------------------------------------------ t. every field two merged columns, exact points
const T = {
  year: 2023,
  name: "医保经办窗口适老化改造项目",
  dept: "某区医疗保障局",
  unit: "某区医疗保障服务中心",
  total: [180.0, 196.5, 187.35] as Triple,
  fiscal: [160.0, 170.0, 163.8] as Triple,
  carry: [20.0, 20.0, 17.05] as Triple,
  other: [0, 6.5, 6.5] as Triple,
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "改造经办服务窗口", target: "≥20个", actual: "20个", weight: 12.5, score: 12.5 },
    { l1: "产出指标", l2: "数量指标", name: "配置适老化设备", target: "≥40台", actual: "36台", weight: 12.5, score: 11.25, reason: "2台设备因厂家停产更换型号，延至次年一季度到货；下一步督促供应商按期交付。" },
    { l1: "产出指标", l2: "质量指标", name: "改造验收合格率", target: "100%", actual: "100%", weight: 10, score: 10 },
    { l1: "产出指标", l2: "时效指标", name: "年内完工率", target: "≥95%", actual: "95%", weight: 7.5, score: 7.5 },
    { l1: "产出指标", l2: "成本指标", name: "项目总成本", target: "≤196.5万元", actual: "187.35万元", weight: 7.5, score: 7.5 },
    { l1: "效益指标", l2: "社会效益指标", name: "老年人办事平均用时缩短", target: "≥30%", actual: "28%", weight: 15, score: 14, reason: "部分窗口改造后人员培训不到位；下一步开展专项培训。" },
    { l1: "效益指标", l2: "可持续影响指标", name: "适老化服务长效机制", target: "建立", actual: "达成年度指标", weight: 15, score: 15 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "老年参保群众满意度", target: "≥90%", actual: "92.5%", weight: 10, score: 10 },
  ] as { l1: string; l2: string; name: string; target: string; actual: string; weight: number; score: number; reason?: string }[],
};

export function projectMergedCase(): FormCase {
  const name = "绩效自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJKLMN".split("").forEach((c, i) => w.width(c, [10, 14, 9, 9, 9, 9, 9, 9, 6, 6, 7, 7, 9, 9][i]));
  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const pair = (c: string): string => String.fromCharCode(c.charCodeAt(0) + 1);
  /** A value in a merged two-column cell (C → C:D). */
  const two = (c: string, r: number, v: string | number | null, opts: Parameters<SheetWriter["set"]>[2] = {}): Ref => w.merged(`${c}${r}:${pair(c)}${r}`, v, opts);
  w.merged("A1:N1", `${T.year}年度项目支出绩效自评表`, { bold: true, size: 16, center: true });
  const title: Ref = S("A1");
  w.merged("A2:I2", `填报单位（盖章）：${T.unit}`);
  w.merged("J2:N2", "金额单位：万元");
  w.label("A3", "项目名称", { bold: true });
  w.merged("B3:N3", T.name);
  w.label("A4", "主管部门", { bold: true });
  w.merged("B4:F4", T.dept);
  w.merged("G4:H4", "实施单位", { bold: true, center: true });
  w.merged("I4:N4", T.unit);
  // 项目资金（万元）: each field two merged columns, header and values alike.
  w.merged("A5:A9", "项目资金（万元）", { bold: true, center: true });
  w.label("B5", "资金来源", { bold: true });
  const heads = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
  const colsOf = ["C", "E", "G", "I", "K", "M"];
  heads.forEach((h, i) => two(colsOf[i], 5, h, { bold: true, center: true }));
  const rows: [string, Triple][] = [
    ["年度资金总额", T.total],
    ["其中：财政拨款", T.fiscal],
    ["上年结转资金", T.carry],
    ["其他资金", T.other],
  ];
  const funds = rows.map(([label, v], i) => {
    const r = 6 + i;
    w.set(`B${r}`, label, { center: true });
    const refs = [two("C", r, v[0], { fmt: MONEY }), two("E", r, v[1], { fmt: MONEY }), two("G", r, v[2], { fmt: MONEY })];
    if (i > 0) ["I", "K", "M"].forEach((c) => two(c, r, "—", { center: true }));
    return refs;
  });
  const execWeight = two("I", 6, 10, { fmt: "0.0" });
  const execRate = two("K", 6, rate4(T.total[2], T.total[1]), { fmt: "0.00%" });
  const execScoreV = execScoreOf(T.total, 10);
  const execScore = two("M", 6, execScoreV, { fmt: MONEY });
  w.label("A10", "年度总体目标", { bold: true });
  w.merged("B10:N10", "完成20个经办服务窗口适老化改造，配置适老化设备40台，提升老年参保群众办事体验。", { wrap: true });
  w.label("A11", "实际完成情况", { bold: true });
  const actual = w.merged(
    "B11:N11",
    `${T.year}年全年预算196.50万元，执行187.35万元，预算执行率${pct2(rate4(T.total[2], T.total[1]))}。改造窗口20个，配置适老化设备36台，完成率为90.00%。本项目共设置三级指标8个，其中2个未达成年度指标值。`,
    { wrap: true },
  );
  const head = 12;
  w.label(`A${head}`, "一级指标", { bold: true });
  w.label(`B${head}`, "二级指标", { bold: true });
  two("C", head, "三级指标", { bold: true, center: true });
  two("E", head, "年度指标值", { bold: true, center: true });
  two("G", head, "实际完成值", { bold: true, center: true });
  two("I", head, "分值", { bold: true, center: true });
  two("K", head, "得分", { bold: true, center: true });
  two("M", head, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  const runs = (col: string, values: string[], shown: string[]): void => {
    let s0 = 0;
    for (let i = 1; i <= values.length; i++) {
      if (i === values.length || values[i] !== values[s0]) {
        w.set(`${col}${top + s0}`, shown[s0], { center: true });
        if (i - s0 > 1) w.merge(`${col}${top + s0}:${col}${top + i - 1}`);
        s0 = i;
      }
    }
  };
  runs("A", T.indicators.map((i) => i.l1), T.indicators.map((i) => i.l1));
  runs("B", T.indicators.map((i) => `${i.l1}/${i.l2}`), T.indicators.map((i) => i.l2));
  const ind = T.indicators.map((i, k) => {
    const r = top + k;
    two("C", r, i.name);
    two("E", r, i.target, { center: true });
    const act = two("G", r, i.actual, { center: true });
    const weight = two("I", r, i.weight, { fmt: "0.0" });
    const score = two("K", r, i.score, { fmt: MONEY });
    const reason = two("M", r, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  const tr = top + T.indicators.length;
  w.merged(`A${tr}:H${tr}`, "总分", { bold: true, center: true });
  const weightTotal = two("I", tr, 10 + T.indicators.reduce((a, i) => a + i.weight, 0), { fmt: "0.0" });
  const scoreTotalV = round2(execScoreV + T.indicators.reduce((a, i) => a + i.score, 0));
  const scoreTotal = two("K", tr, scoreTotalV, { fmt: MONEY });
  w.merge(`M${tr}:N${tr}`);
  w.merged(`A${tr + 1}:H${tr + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`I${tr + 1}:N${tr + 1}`, gradeOf(scoreTotalV), { center: true });
  const filed = w.merged(`A${tr + 2}:N${tr + 2}`, "填表人：陈某　　联系电话：0571-8888666　　填报日期：2024年3月12日");

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(funds[0][c], [funds[1][c], funds[2][c], funds[3][c]], `年度资金总额 ${COLS[c]} = Σ 其中`));
  relations.push({ kind: "rate", rate: execRate, num: funds[0][2], den: funds[0][1], decimals: 2, label: "执行率" });
  relations.push({ kind: "execScore", score: execScore, num: funds[0][2], den: funds[0][1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: funds[0][1], why: "a value in a merged two-column cell under a two-column header" },
    { at: ind[0].weight, why: "a half-point 分值 (12.5) shown “0.0”" },
    { at: funds[3][0], why: "其他资金 年初预算数 0 beside a 全年预算数 added during the year" },
    { at: filed, why: "填报日期 in the year after, in one cell with 填表人 and 联系电话" },
    { at: title, why: "the year in the title (no year line)" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：财政拨款 全年执行数 173.80 (187.35 − 17.05 − 6.50 = 163.80)", funds[1][2], 173.8),
    num("part-not-footing", "上年结转资金 年初预算数 25.00 (180 − 160 − 0 = 20)", funds[2][0], 25),
    num("yuan-in-part", "上年结转资金 全年执行数 170500 (17.05 万元 in 元)", funds[2][2], yuan),
    num("yuan-in-total", "年度资金总额 全年预算数 1965000 (196.50 万元 in 元)", funds[0][1], yuan),
    num("total-wrong", "年度资金总额 全年执行数 178.35 (163.80 + 17.05 + 6.50 = 187.35)", funds[0][2], 178.35),
    num("rate-wrong", "执行率 93.35% for 187.35/196.50 = 95.34%", execRate, 0.9335),
    num("exec-score-wrong", "执行率得分 10.00 (full marks) for 95.34% of 10 = 9.53", execScore, 10),
    num("weights-total", "总分 分值 99.5 over half-point weights summing to 100.0", weightTotal, 99.5),
    num("weights-total", "总分 分值 100.5 over half-point weights summing to 100.0", weightTotal, 100.5),
    num("weights-total", "配置适老化设备 分值 13.0 (总分 100.0 says 12.5)", ind[1].weight, 13),
    num("score-over-weight", "改造经办服务窗口 得分 13.00 of 12.5", ind[0].score, 13),
    num("total-wrong", `总分 得分 ${round2(scoreTotalV + 0.03).toFixed(2)} (Σ ${scoreTotalV.toFixed(2)}: points add up exactly)`, scoreTotal, round2(scoreTotalV + 0.03)),
    put("grade-mismatch", `自评等级 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", "title says 2022年度 (filed 2024, prose says 2023 figures)", title, "2023", "2022"),
    txt("prose-vs-table", "实际完成情况 says 执行178.35万元 (table 187.35)", actual, "执行187.35万元", "执行178.35万元"),
    txt("prose-vs-table", "实际完成情况 counts 9 三级指标 (table 8)", actual, "三级指标8个", "三级指标9个"),
    txt("prose-yuan", "实际完成情况 says 执行1873500元 beside the 万元 table", actual, "执行187.35万元", "执行1873500元"),
    put("reason-missing", "配置适老化设备 not achieved (36 of ≥40), reason left empty", ind[1].reason, null),
  ];
  return { form: "project-merged", seed: "—", file: "project-merged", book: { sheets: [w.spec] }, relations, variants, traps };
}

export type { BookSpec };
export { plantValue };
