/**
 * The 项目支出绩效自评表 as bureaus hand it out, in two variants:
 *
 * - `mof`: the 财政部 form (财预〔2020〕10号 附件): title, a “（2021年度）” line, “填报单位：…” as label and
 *   value in one cell, 项目名称 / 主管部门 / 实施单位, the 项目资金（万元） block (年度资金总额, 其中：当年财政拨款,
 *   上年结转资金, 其他资金 × 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, only 总额 carrying
 *   分值, 执行率 and 得分, “—” elsewhere), 年度总体目标 预期目标 | 实际完成情况, the 绩效指标 table (绩效指标 |
 *   一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施) with merged 一级/二级
 *   cells and values written with their unit (“≥10万份”), a blank row inside the table, the 总分 row, the
 *   自评等级 and a 填报人 / 填报日期 line filed the year after.
 * - `sichuan`: the 四川 form: 指标性质 (≥ / ≤ / = / 定性) and 度量单位 in their own columns, bare numbers in
 *   指标值 / 实际完成值, 权重 for 分值, 未完成原因分析 for the reason column.
 */
import { type BookSpec, type Ref, SheetWriter, MONEY, RATE, ref } from "./book";
import { type Relation, sum } from "./relations";
import type { Trap } from "./types";

export type Sign = "≥" | "≤" | "=" | "定性";

export interface Indicator {
  l1: string;
  l2: string;
  name: string;
  sign: Sign;
  /** The target: a number (with `unit`) or the 定性 text. */
  target: number | string;
  unit: string;
  actual: number | string;
  weight: number;
  score: number;
  /** The reason (偏差原因分析 / 未完成原因分析) for an indicator not achieved. */
  reason?: string;
}

export interface ProjectData {
  year: number;
  name: string;
  dept: string;
  unit: string;
  /** 年初预算数, 全年预算数, 全年执行数 per row. */
  funds: { total: [number, number, number]; fiscal: [number, number, number]; carry: [number, number, number]; other: [number, number, number] };
  execWeight: number;
  goal: string;
  actual: string;
  indicators: Indicator[];
  grade: string;
  filer: string;
  phone: string;
  filedOn: string;
}

export const round2 = (x: number): number => Math.round(x * 100 + 1e-9) / 100;
export const rate4 = (num: number, den: number): number => Math.round((num / den) * 10000) / 10000;
export const execScore = (d: ProjectData): number => round2(Math.min(d.funds.total[2] / d.funds.total[1], 1) * d.execWeight);
export const totalScore = (d: ProjectData): number => round2(execScore(d) + d.indicators.reduce((a, i) => a + i.score, 0));
export const totalWeight = (d: ProjectData): number => d.execWeight + d.indicators.reduce((a, i) => a + i.weight, 0);

/** Where the interesting cells of one project sheet are. */
export interface ProjectCells {
  sheet: string;
  title: Ref;
  yearLine: Ref;
  unitLine: Ref;
  name: Ref;
  /** [年初, 全年, 执行] per fund row. */
  total: Ref[];
  fiscal: Ref[];
  carry: Ref[];
  other: Ref[];
  execWeight: Ref;
  execRate: Ref;
  execScore: Ref;
  goal: Ref;
  actual: Ref;
  /** Per indicator: target, actual, weight, score, reason. */
  ind: { target: Ref; actual: Ref; weight: Ref; score: Ref; reason: Ref; unit?: Ref; sign?: Ref }[];
  blankRow: number;
  weightTotal: Ref;
  scoreTotal: Ref;
  grade: Ref;
  filedOn: Ref;
}

function indicatorText(i: Indicator, which: "target" | "actual"): string | number {
  const v = which === "target" ? i.target : i.actual;
  if (i.sign === "定性" || typeof v === "string") return v;
  return which === "target" ? `${i.sign === "=" ? "" : i.sign}${v}${i.unit}` : `${v}${i.unit}`;
}

/** Merge runs of equal values in column `col` over rows [top, top + values.length). */
export function mergeRuns(w: SheetWriter, col: string, top: number, values: string[], shown: string[] = values): void {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== values[start]) {
      w.set(`${col}${top + start}`, shown[start], { center: true });
      if (i - start > 1) w.merge(`${col}${top + start}:${col}${top + i - 1}`);
      start = i;
    }
  }
}

/** Write one project form on a new sheet. */
export function writeProjectSheet(name: string, d: ProjectData, variant: "mof" | "sichuan"): { sheet: SheetWriter; cells: ProjectCells; relations: Relation[]; traps: Trap[] } {
  const w = new SheetWriter(name);
  const S = (a: string): Ref => ref(name, a);
  ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].forEach((c, i) => w.width(c, [10, 12, 14, 22, 14, 14, 10, 10, 10, 22][i]));
  const title = w.merged("A1:J1", variant === "mof" ? "项目支出绩效自评表" : "四川省项目支出绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged("A2:J2", `（${d.year}年度）`, { center: true, size: 12 });
  const unitLine = w.merged("A3:G3", `填报单位：${d.unit}`);
  w.merged("H3:J3", "金额单位：万元");
  let nameRef: Ref;
  if (variant === "mof") {
    w.merged("A4:B4", "项目名称", { bold: true, center: true });
    nameRef = w.merged("C4:J4", d.name);
    w.merged("A5:B5", "主管部门", { bold: true, center: true });
    w.merged("C5:E5", d.dept);
    w.merged("F5:G5", "实施单位", { bold: true, center: true });
    w.merged("H5:J5", d.unit);
  } else {
    // The 四川 form writes each identity field as label and value in one cell.
    nameRef = w.merged("A4:J4", `项目名称：${d.name}`);
    w.merged("A5:E5", `主管部门：${d.dept}`);
    w.merged("F5:J5", `实施单位：${d.unit}`);
  }

  // 项目资金（万元）
  w.merged("A6:B10", "项目资金（万元）", { bold: true, center: true });
  w.merge("C6:D6");
  const weightLabel = variant === "mof" ? "分值" : "权重";
  ["年初预算数", "全年预算数", "全年执行数", weightLabel, "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}6`, h, { bold: true }));
  const rows: [string, [number, number, number]][] = [
    ["年度资金总额", d.funds.total],
    ["其中：当年财政拨款", d.funds.fiscal],
    ["上年结转资金", d.funds.carry],
    ["其他资金", d.funds.other],
  ];
  const fundRefs: Ref[][] = rows.map(([label, v], i) => {
    const r = 7 + i;
    w.merged(`C${r}:D${r}`, label, { center: true });
    const out = [w.money(`E${r}`, v[0]), w.money(`F${r}`, v[1]), w.money(`G${r}`, v[2])];
    if (i > 0) ["H", "I", "J"].forEach((c) => w.dash(`${c}${r}`));
    return out;
  });
  const execWeight = w.set("H7", d.execWeight, { fmt: "0" });
  const execRate = w.rate("I7", rate4(d.funds.total[2], d.funds.total[1]));
  const execScoreRef = w.set("J7", execScore(d), { fmt: MONEY });

  // 年度总体目标
  w.merged("A11:A12", "年度总体目标", { bold: true, center: true });
  w.merged("B11:F11", "预期目标", { bold: true, center: true });
  w.merged("G11:J11", "实际完成情况", { bold: true, center: true });
  const goal = w.merged("B12:F12", d.goal, { wrap: true });
  const actual = w.merged("G12:J12", d.actual, { wrap: true });

  // 绩效指标
  const top = 14;
  const n = d.indicators.length;
  const ind: ProjectCells["ind"] = [];
  if (variant === "mof") {
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"BCDEFGH"[i]}13`, h, { bold: true }));
    w.merged("I13:J13", "偏差原因分析及改进措施", { bold: true, center: true });
    // 绩效指标 spans the header, the indicators and the blank row.
    w.merged(`A13:A${top + n}`, "绩效指标", { bold: true, center: true });
    mergeRuns(w, "B", top, d.indicators.map((i) => i.l1));
    mergeRuns(w, "C", top, d.indicators.map((i) => `${i.l1}/${i.l2}`), d.indicators.map((i) => i.l2));
    d.indicators.forEach((i, k) => {
      const r = top + k;
      w.set(`D${r}`, i.name);
      const target = w.set(`E${r}`, indicatorText(i, "target"), { center: true });
      const act = w.set(`F${r}`, indicatorText(i, "actual"), { center: true });
      const weight = w.set(`G${r}`, i.weight, { fmt: "0" });
      const score = w.set(`H${r}`, i.score, { fmt: MONEY });
      const reason = w.merged(`I${r}:J${r}`, i.reason ?? null, { wrap: true });
      ind.push({ target, actual: act, weight, score, reason });
    });
  } else {
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分", "未完成原因分析"].forEach((h, i) => w.label(`${"ABCDEFGHIJ"[i]}13`, h, { bold: true }));
    mergeRuns(w, "A", top, d.indicators.map((i) => i.l1));
    mergeRuns(w, "B", top, d.indicators.map((i) => `${i.l1}/${i.l2}`), d.indicators.map((i) => i.l2));
    d.indicators.forEach((i, k) => {
      const r = top + k;
      w.set(`C${r}`, i.name);
      const sign = w.set(`D${r}`, i.sign, { center: true });
      const target = typeof i.target === "number" ? w.set(`E${r}`, i.target, { fmt: Number.isInteger(i.target) ? "0" : MONEY }) : w.set(`E${r}`, i.target, { center: true });
      const unit = w.set(`F${r}`, i.unit || null, { center: true });
      const act = typeof i.actual === "number" ? w.set(`G${r}`, i.actual, { fmt: Number.isInteger(i.actual) ? "0" : MONEY }) : w.set(`G${r}`, i.actual, { center: true });
      const weight = w.set(`H${r}`, i.weight, { fmt: "0" });
      const score = w.set(`I${r}`, i.score, { fmt: MONEY });
      const reason = w.set(`J${r}`, i.reason ?? null, { wrap: true });
      ind.push({ target, actual: act, weight, score, reason, unit, sign });
    });
  }
  // A blank row inside the table (the form has more rows than this project uses).
  const blankRow = top + n;
  const totalRow = blankRow + 1;
  const wCol = variant === "mof" ? "G" : "H";
  const sCol = variant === "mof" ? "H" : "I";
  w.merged(`A${totalRow}:${variant === "mof" ? "F" : "G"}${totalRow}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`${wCol}${totalRow}`, totalWeight(d), { fmt: "0" });
  const scoreTotal = w.set(`${sCol}${totalRow}`, totalScore(d), { fmt: MONEY });
  if (variant === "mof") w.merge(`I${totalRow}:J${totalRow}`);
  w.merged(`A${totalRow + 1}:${variant === "mof" ? "F" : "G"}${totalRow + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`${wCol}${totalRow + 1}:J${totalRow + 1}`, d.grade, { center: true });
  w.merged(`A${totalRow + 3}:D${totalRow + 3}`, `填报人：${d.filer}`);
  w.merged(`E${totalRow + 3}:G${totalRow + 3}`, `联系电话：${d.phone}`);
  const filedOn = w.merged(`H${totalRow + 3}:J${totalRow + 3}`, `填报日期：${d.filedOn}`);

  const cells: ProjectCells = {
    sheet: name,
    title,
    yearLine,
    unitLine,
    name: nameRef,
    total: fundRefs[0],
    fiscal: fundRefs[1],
    carry: fundRefs[2],
    other: fundRefs[3],
    execWeight,
    execRate,
    execScore: execScoreRef,
    goal,
    actual,
    ind,
    blankRow,
    weightTotal,
    scoreTotal,
    grade,
    filedOn,
  };
  const relations: Relation[] = [];
  const cols = ["年初预算数", "全年预算数", "全年执行数"];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(cells.total[c], [cells.fiscal[c], cells.carry[c], cells.other[c]], `年度资金总额 ${cols[c]} = 其中 各项`));
  }
  relations.push({ kind: "rate", rate: execRate, num: cells.total[2], den: cells.total[1], decimals: 2, label: "执行率 = 全年执行数 ÷ 全年预算数" });
  relations.push({ kind: "execScore", score: execScoreRef, num: cells.total[2], den: cells.total[1], weight: execWeight, label: "执行率得分 = min(执行率, 1) × 分值" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ 分值"));
  relations.push(sum(scoreTotal, [execScoreRef, ...ind.map((i) => i.score)], "总分 得分 = Σ 得分"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: filedOn, why: "填报日期 in the year after the evaluated year (a report is filed the next year)" },
    { at: fundRefs[2][0], why: "上年结转资金 0 beside “—” in its 分值/执行率/得分 cells" },
    { at: S(`H8`), why: "“—” in an unused 分值 cell of a 其中 row" },
    { at: S(`A${blankRow}`), why: "a blank row inside the indicator table, before 总分" },
    { at: unitLine, why: "“填报单位：…” label and value in one cell" },
    ...(variant === "sichuan" ? [{ at: nameRef, why: "“项目名称：…” label and value in one cell" }] : []),
    { at: yearLine, why: `the year written “（${d.year}年度）” on its own line under the title` },
  ];
  return { sheet: w, cells, relations, traps };
}

export function projectBook(d: ProjectData, variant: "mof" | "sichuan", sheetName: string): { book: BookSpec; cells: ProjectCells; relations: Relation[]; traps: Trap[] } {
  const { sheet, cells, relations, traps } = writeProjectSheet(sheetName, d, variant);
  return { book: { sheets: [sheet.spec] }, cells, relations, traps };
}

export { RATE };
