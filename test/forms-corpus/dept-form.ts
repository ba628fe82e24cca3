/**
 * c. 部门整体支出绩效自评表 with both fund splits, filled with seed 002 (区医保局 2024, a 一体化 export):
 * title, “（2024年度）”, “部门（单位）名称：…” and “填报日期：…” as label and value in one cell, 主管部门 /
 * 实施单位, the 年度预算执行情况（万元） block (年度资金总额; 按收入性质分: 一般公共预算财政拨款, 政府性基金预算
 * 财政拨款, 国有资本经营预算财政拨款, 财政专户管理资金, 单位资金; 按支出性质分: 基本支出 (其中：人员经费, 公用经费),
 * 项目支出 × 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, “—” where a row has no 分值/得分 or
 * no money), 年度总体目标, the indicator table, a blank row, the 绩效自评得分汇总 block (预算执行率, 产出, 效益,
 * 满意度, 总分 × 分值 / 得分), 自评等级 and a 自评结论 text cell.
 *
 * Seed 002 gives 年初 1632.87, 全年 1711.75, 执行 1707.31 (基本 103.86, 项目 1603.44 — corrected to 1603.45
 * so that the split foots exactly), 综合得分 97.97, 优. The split of 基本支出 into 人员/公用 and the 年初/全年
 * split by 支出性质 are invented. Its real mistakes (追加49.17 for 78.88; 完成率107.5% for 23.9/23 = 103.91%;
 * 产出 subtotal 50 over parts 48; “9个二级指标” for 7) are corrected here and planted back as variants.
 */
import { type Ref, SheetWriter, MONEY } from "./book";
import { put, num, rateAsText, txt, yuan, type Triple } from "./corpus-helpers";
import { mergeRuns, rate4, round2 } from "./project-form";
import { type Relation, equal, sum } from "./relations";
import type { FormCase, Trap, Variant } from "./types";


export interface DeptData {
  year: number;
  unit: string;
  filedOn: string;
  total: Triple;
  income: { label: string; v: Triple }[];
  basic: Triple;
  personnel: Triple;
  publicUse: Triple;
  project: Triple;
  goal: string;
  actual: string;
  indicators: { l1: string; l2: string; name: string; target: string; actual: string; weight: number; score: number; reason?: string }[];
  conclusion: string;
  grade: string;
}

export const SEED002: DeptData = {
  year: 2024,
  unit: "区医疗保障局",
  filedOn: "2025年3月10日",
  total: [1632.87, 1711.75, 1707.31],
  income: [
    { label: "一般公共预算财政拨款", v: [1632.87, 1711.75, 1707.31] },
    { label: "政府性基金预算财政拨款", v: [0, 0, 0] },
    { label: "国有资本经营预算财政拨款", v: [0, 0, 0] },
    { label: "财政专户管理资金", v: [0, 0, 0] },
    { label: "单位资金", v: [0, 0, 0] },
  ],
  basic: [100.0, 104.2, 103.86],
  personnel: [85.0, 88.1, 87.95],
  publicUse: [15.0, 16.1, 15.91],
  project: [1532.87, 1607.55, 1603.45],
  goal:
    "1.推进“综合柜员制”改革，所有服务事项实现“一窗通办”；2.扎实做好城乡居民医保参保工作，确保应保尽保；3.做好城乡医疗救助，确保应救尽救；4.开展医保专项检查和重点检查，规范定点医药机构。",
  actual:
    "2024年医保综合窗口办件量累计4.6万件；全区城乡居民医保参保缴费23.9万人；城乡医疗救助共支出1569.37万元，其中医疗救助基金支出1449.1万元，资助参保资金120.27万元；现场检查531家，查处违规医药机构29家，追回医保基金105.16万元。",
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "城乡居民基本医疗保险完成参保任务数", target: "≥23万人", actual: "23.9万人", weight: 10, score: 10 },
    { l1: "产出指标", l2: "时效指标", name: "经费支出的时效性", target: "按时上解、拨付", actual: "达成年度指标", weight: 10, score: 10 },
    { l1: "产出指标", l2: "质量指标", name: "经费支出的合规性", target: "合规", actual: "达成年度指标", weight: 15, score: 13 },
    { l1: "产出指标", l2: "成本指标", name: "部门整体支出总成本", target: "≤1711.75万元", actual: "1707.31万元", weight: 15, score: 15 },
    { l1: "效益指标", l2: "社会效益指标", name: "困难群众基本医疗权益保障", target: "有效保障", actual: "达成年度指标", weight: 15, score: 15 },
    { l1: "效益指标", l2: "可持续影响指标", name: "医保基金安全", target: "持续维护", actual: "达成年度指标", weight: 15, score: 15 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保群众满意率", target: "≥90%", actual: "92%", weight: 10, score: 10 },
  ],
  conclusion:
    "经自评，2024年度区医保局部门整体支出绩效自评综合得分为97.97分，自评结果为“优”。全年预算安排1711.75万元，全年执行1707.31万元，预算执行率99.74%，得分9.97分。年初预算安排1632.87万元，因城乡居民医保参保缴费人数高于年初设定人数追加78.88万元，比年初预算增长4.83%。截至2024年6月底，完成参保任务数23.9万人，高于年初设定参保人数0.9万人，完成率为103.91%。指标体系设置预算执行率和3个一级指标，7个二级指标，7个三级指标。",
  grade: "优",
};

export interface DeptCells {
  sheet: string;
  yearLine: Ref;
  total: Ref[];
  income: Ref[][];
  basic: Ref[];
  personnel: Ref[];
  publicUse: Ref[];
  project: Ref[];
  rateOf: Map<string, Ref>;
  execWeight: Ref;
  execRate: Ref;
  execScore: Ref;
  ind: { weight: Ref; score: Ref; reason: Ref }[];
  group: { label: string; weight: Ref; score: Ref }[];
  weightTotal: Ref;
  scoreTotal: Ref;
  grade: Ref;
  conclusion: Ref;
  filedOn: Ref;
}

export function writeDeptSheet(name: string, d: DeptData): { sheet: SheetWriter; cells: DeptCells; relations: Relation[]; traps: Trap[] } {
  const w = new SheetWriter(name);
  ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].forEach((c, i) => w.width(c, [12, 12, 16, 18, 13, 13, 13, 9, 10, 12][i]));
  w.merged("A1:J1", "部门整体支出绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged("A2:J2", `（${d.year}年度）`, { center: true, size: 12 });
  w.merged("A3:F3", `部门（单位）名称：${d.unit}`);
  const filedOn = w.merged("G3:J3", `填报日期：${d.filedOn}`);
  w.merged("A4:B4", "主管部门", { bold: true, center: true });
  w.merged("C4:E4", d.unit);
  w.merged("F4:G4", "实施单位", { bold: true, center: true });
  w.merged("H4:J4", d.unit);

  w.merged("A5:B17", "年度预算执行情况（万元）", { bold: true, center: true });
  w.merge("C5:D5");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}5`, h, { bold: true }));
  const rateOf = new Map<string, Ref>();
  const row = (r: number, label: string, v: Triple, indent = false): Ref[] => {
    w.merged(`C${r}:D${r}`, label, indent ? {} : { center: true });
    const refs = [w.money(`E${r}`, v[0]), w.money(`F${r}`, v[1]), w.money(`G${r}`, v[2])];
    if (r !== 6) {
      w.dash(`H${r}`);
      if (v[1] > 0) rateOf.set(label, w.rate(`I${r}`, rate4(v[2], v[1])));
      else w.dash(`I${r}`);
      w.dash(`J${r}`);
    }
    return refs;
  };
  const total = row(6, "年度资金总额", d.total);
  w.merged("C7:D7", "按收入性质分：", { bold: true });
  const income = d.income.map((x, i) => row(8 + i, x.label, x.v, true));
  w.merged("C13:D13", "按支出性质分：", { bold: true });
  const basic = row(14, "基本支出", d.basic, true);
  const personnel = row(15, "其中：人员经费", d.personnel, true);
  const publicUse = row(16, "公用经费", d.publicUse, true);
  const project = row(17, "项目支出", d.project, true);
  const execWeight = w.set("H6", 10, { fmt: "0" });
  const execRate = w.rate("I6", rate4(d.total[2], d.total[1]));
  const execScoreV = round2(Math.min(d.total[2] / d.total[1], 1) * 10);
  const execScore = w.set("J6", execScoreV, { fmt: MONEY });

  w.merged("A18:A19", "年度总体目标", { bold: true, center: true });
  w.merged("B18:F18", "预期目标", { bold: true, center: true });
  w.merged("G18:J18", "实际完成情况", { bold: true, center: true });
  w.merged("B19:F19", d.goal, { wrap: true });
  w.merged("G19:J19", d.actual, { wrap: true });

  ["一级指标", "二级指标"].forEach((h, i) => w.label(`${"AB"[i]}20`, h, { bold: true }));
  w.merged("C20:D20", "三级指标", { bold: true, center: true });
  ["指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"EFGH"[i]}20`, h, { bold: true }));
  w.merged("I20:J20", "偏差原因分析及改进措施", { bold: true, center: true });
  const top = 21;
  mergeRuns(w, "A", top, d.indicators.map((i) => i.l1));
  mergeRuns(w, "B", top, d.indicators.map((i) => `${i.l1}/${i.l2}`), d.indicators.map((i) => i.l2));
  const ind = d.indicators.map((i, k) => {
    const r = top + k;
    w.merged(`C${r}:D${r}`, i.name);
    w.set(`E${r}`, i.target, { center: true });
    w.set(`F${r}`, i.actual, { center: true });
    return { weight: w.set(`G${r}`, i.weight, { fmt: "0" }), score: w.set(`H${r}`, i.score, { fmt: MONEY }), reason: w.merged(`I${r}:J${r}`, i.reason ?? null, { wrap: true }) };
  });
  const blank = top + d.indicators.length; // a blank row before the score summary
  const s = blank + 1;
  w.merged(`A${s}:J${s}`, "绩效自评得分汇总", { bold: true, center: true });
  w.merged(`A${s + 1}:D${s + 1}`, "一级指标", { bold: true, center: true });
  w.label(`E${s + 1}`, "分值", { bold: true });
  w.label(`F${s + 1}`, "得分", { bold: true });
  const groups = ["产出指标", "效益指标", "满意度指标"];
  w.merged(`A${s + 2}:D${s + 2}`, "预算执行率", { center: true });
  const execW2 = w.set(`E${s + 2}`, 10, { fmt: "0" });
  const execS2 = w.set(`F${s + 2}`, execScoreV, { fmt: MONEY });
  const group = groups.map((g, i) => {
    const r = s + 3 + i;
    w.merged(`A${r}:D${r}`, g, { center: true });
    const members = d.indicators.filter((x) => x.l1 === g);
    return {
      label: g,
      weight: w.set(`E${r}`, members.reduce((a, x) => a + x.weight, 0), { fmt: "0" }),
      score: w.set(`F${r}`, round2(members.reduce((a, x) => a + x.score, 0)), { fmt: MONEY }),
    };
  });
  const tr = s + 3 + groups.length;
  w.merged(`A${tr}:D${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`E${tr}`, 10 + d.indicators.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`F${tr}`, round2(execScoreV + d.indicators.reduce((a, x) => a + x.score, 0)), { fmt: MONEY });
  w.merged(`A${tr + 1}:D${tr + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`E${tr + 1}:F${tr + 1}`, d.grade, { center: true });
  const conclusion = w.merged(`A${tr + 3}:J${tr + 3}`, `自评结论：${d.conclusion}`, { wrap: true });

  const cells: DeptCells = {
    sheet: name,
    yearLine,
    total,
    income,
    basic,
    personnel,
    publicUse,
    project,
    rateOf,
    execWeight,
    execRate,
    execScore,
    ind,
    group,
    weightTotal,
    scoreTotal,
    grade,
    conclusion,
    filedOn,
  };

  const relations: Relation[] = [];
  const cols = ["年初预算数", "全年预算数", "全年执行数"];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total[c], income.map((x) => x[c]), `年度资金总额 ${cols[c]} = Σ 按收入性质`));
    relations.push(sum(total[c], [basic[c], project[c]], `年度资金总额 ${cols[c]} = 基本支出 + 项目支出`));
    relations.push(sum(basic[c], [personnel[c], publicUse[c]], `基本支出 ${cols[c]} = 人员经费 + 公用经费`));
  }
  const rowsWithRate: [string, Ref[]][] = [...d.income.map((x, i) => [x.label, income[i]] as [string, Ref[]]), ["基本支出", basic], ["其中：人员经费", personnel], ["公用经费", publicUse], ["项目支出", project]];
  for (const [label, refs] of rowsWithRate) {
    const rate = rateOf.get(label);
    if (rate) relations.push({ kind: "rate", rate, num: refs[2], den: refs[1], decimals: 2, label: `${label} 执行率` });
  }
  relations.push({ kind: "rate", rate: execRate, num: total[2], den: total[1], decimals: 2, label: "执行率 = 全年执行数 ÷ 全年预算数" });
  relations.push({ kind: "execScore", score: execScore, num: total[2], den: total[1], weight: execWeight, label: "执行率得分" });
  relations.push(equal(execS2, execScore, "得分汇总 预算执行率 = 执行率得分"));
  relations.push(equal(execW2, execWeight, "得分汇总 预算执行率分值 = 分值"));
  group.forEach((g) => {
    const members = d.indicators.map((x, k) => (x.l1 === g.label ? ind[k] : undefined)).filter((x): x is (typeof ind)[number] => !!x);
    relations.push(sum(g.score, members.map((m) => m.score), `${g.label} 得分 = Σ 三级指标得分`));
    relations.push(sum(g.weight, members.map((m) => m.weight), `${g.label} 分值 = Σ 三级指标分值`));
  });
  relations.push(sum(weightTotal, [execW2, ...group.map((g) => g.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execS2, ...group.map((g) => g.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: filedOn, why: "填报日期 in the year after the evaluated year" },
    { at: { sheet: name, a1: "C7" }, why: "the “按收入性质分：” label row with no amounts" },
    { at: { sheet: name, a1: "I9" }, why: "“—” as the 执行率 of a row with no money" },
    { at: { sheet: name, a1: `A${blank}` }, why: "a blank row between the indicators and the score summary" },
  ];
  return { sheet: w, cells, relations, traps };
}

export function deptWholeCase(): FormCase {
  const { sheet, cells: c, relations, traps } = writeDeptSheet("部门整体自评表", SEED002);
  const g = (label: string) => c.group.find((x) => x.label === label)!;
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 全年执行数 88.95 (基本 103.86 = 87.95 + 15.91)", c.personnel[2], 88.95),
    num("part-not-footing", "一般公共预算财政拨款 年初预算数 1642.87 (总额 1632.87)", c.income[0][0], 1642.87),
    num("part-not-footing", "项目支出 全年预算数 1617.55 (1711.75 − 104.20 = 1607.55)", c.project[1], 1617.55),
    num("yuan-in-part", "公用经费 全年执行数 159100 (15.91 万元 in 元)", c.publicUse[2], yuan),
    num("yuan-in-total", "基本支出 (a subtotal) 全年预算数 1042000", c.basic[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 17073100", c.total[2], yuan),
    num("total-wrong", "年度资金总额 全年执行数 1717.31 (both splits give 1707.31)", c.total[2], 1717.31),
    num("rate-wrong", "执行率 97.95% for 1707.31/1711.75 = 99.74%", c.execRate, 0.9795),
    num("exec-score-wrong", "执行率得分 10 (full marks) for 99.74% of 10 = 9.97", c.execScore, 10),
    num("subtotal-over-parts", "产出指标 得分 50 over its parts 10 + 10 + 13 + 15 = 48 (seed 002's own mistake)", g("产出指标").score, 50),
    num("weights-total", "总分 分值 90 over weights summing to 100", c.weightTotal, 90),
    num("score-over-weight", "经费支出的合规性 得分 16 of 15", c.ind[2].score, 16),
    put("grade-mismatch", "自评等级 良 for 97.97", c.grade, "良"),
    txt("title-year", "（2023年度） under the title of the 2024 form", c.yearLine, "2024", "2023"),
    txt("prose-vs-table", "自评结论 says 预算执行率97.74% (table 99.74%)", c.conclusion, "预算执行率99.74%", "预算执行率97.74%"),
    txt("prose-vs-table", "自评结论 says 全年执行1703.71万元 (table 1707.31)", c.conclusion, "全年执行1707.31万元", "全年执行1703.71万元"),
    txt("prose-vs-table", "自评结论 counts 9个二级指标 (table 7; seed 002's own mistake)", c.conclusion, "7个二级指标", "9个二级指标"),
    txt("prose-vs-table", "自评结论 says 追加49.17万元 (1711.75 − 1632.87 = 78.88; seed 002's own mistake)", c.conclusion, "追加78.88万元", "追加49.17万元"),
    txt("prose-yuan", "自评结论 says 全年预算安排17117500元 beside the 万元 table", c.conclusion, "全年预算安排1711.75万元", "全年预算安排17117500元"),
    txt("prose-pct-change", "追加78.88万元，比年初预算增长14.83% (4.83%)", c.conclusion, "增长4.83%", "增长14.83%"),
    txt("prose-completion-rate", "完成23.9万人，高于目标0.9万人，完成率为107.5% (103.91%; seed 002's own mistake)", c.conclusion, "完成率为103.91%", "完成率为107.5%"),
  ];
  const textRate = rateAsText(c.rateOf.get("基本支出")!, "基本支出 执行率 typed as the text “99.67%”");
  return { form: "dept-whole", seed: "002", file: "dept-whole", book: { sheets: [sheet.spec] }, relations, variants, traps: [...traps, textRate] };
}
