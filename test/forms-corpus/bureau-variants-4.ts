/**
 * Four more bureau layouts (the hidden evaluation's forms are unlike ours), invented data consistent to
 * the cent, each with every mistake kind of types.ts that applies planted by the corpus machinery:
 *
 * u. a 部门整体支出绩效自评表 whose indicators follow the 财预〔2013〕53号 framework: 一级指标 投入 / 过程 /
 *    产出 / 效益 (not 产出 / 效益 / 满意度), their 分值 with the 执行率's 10 summing to 100, and a “小  计” row
 *    after each group carrying the group's 分值 and 得分 sums (the 一级 name merged down over its indicators
 *    AND its 小计 row); the funds block with the split headings on rows of their own
 *    (“按收入性质分：” / “按支出性质分：” and “—” across), then a 合计 row and 评价等次.
 * v. a 收入支出决算变动情况表: 项目 | 上年决算数 | 本年决算数 | 增减额 | 增减率 (本年收入合计 and its sources,
 *    本年支出合计 = 基本支出 (人员经费 + 公用经费) + 项目支出, “三公”经费), 增减额 = 本年 − 上年 and 增减率 =
 *    增减额 ÷ 上年; a 决算说明 text sheet quoting the changes (“比上年增加76.91万元，增长7.54%”, and
 *    “基本支出655.18万元，增长6.99%” whose rate only the table gives).
 * w. 部门决算 tables in 万元 (seed 003's 总表 and 支出决算表) beside a “三公”经费 table and a 固定资产 table
 *    written in 元 (headers “合计（元）”), by institution (合计 / 局机关 / 事务中心), and a 决算说明 in 万元.
 * x. a 部门整体支出绩效自评表 with label and value in ONE cell throughout: “年度资金总额：1,302.40万元”,
 *    “年初预算数：1,234.56万元”, “执行率：85.10%” on every funds row (both splits), “预算执行率分值：10分”,
 *    “自评得分：92.51分”, “评价等次：优”, “填报单位：…”.
 */
import { type BookSpec, type Ref, SheetWriter, MONEY, RATE, plant as plantValue, showRef, valueAt } from "./book";
import { num, put, txt, yuan, type Triple, type IndicatorRow } from "./corpus-helpers";
import { finalAccountsBook, SEED003 } from "./final-accounts";
import { mergeRuns, rate4, round2 } from "./project-form";
import { type Relation, equal, sum } from "./relations";
import { gradeOf } from "./seeds";
import type { FormCase, Kind, Trap, Variant } from "./types";

const COLS = ["年初预算数", "全年预算数", "全年执行数"];
const pct2 = (x: number): string => `${(x * 100).toFixed(2)}%`;

// ------------------------------------------------------------------ u. 投入 / 过程 / 产出 / 效益 with 小计 rows


const U = {
  year: 2023,
  unit: "某市文化广电旅游局",
  total: [2860.0, 3012.5, 2894.36] as Triple,
  public: [2600.0, 2740.5, 2640.12] as Triple,
  govFund: [200.0, 212.0, 198.24] as Triple,
  other: [60.0, 60.0, 56.0] as Triple,
  basic: [1620.0, 1655.3, 1650.88] as Triple,
  personnel: [1380.0, 1402.3, 1400.65] as Triple,
  publicUse: [240.0, 253.0, 250.23] as Triple,
  project: [1240.0, 1357.2, 1243.48] as Triple,
  indicators: [
    { l1: "投入", l2: "目标设定", name: "绩效目标合理性", target: "合理", actual: "达成年度指标", weight: 5, score: 5 },
    { l1: "投入", l2: "预算配置", name: "在职人员控制率", target: "≤100%", actual: "96.5%", weight: 5, score: 5 },
    { l1: "投入", l2: "预算配置", name: "公用经费控制率", target: "≤100%", actual: "98.9%", weight: 5, score: 5 },
    { l1: "过程", l2: "预算执行", name: "预算调整率", target: "≤10%", actual: "5.33%", weight: 5, score: 5 },
    { l1: "过程", l2: "预算执行", name: "结转结余率", target: "≤5%", actual: "3.92%", weight: 5, score: 5 },
    { l1: "过程", l2: "预算管理", name: "预决算信息公开性", target: "按规定公开", actual: "达成年度指标", weight: 5, score: 5 },
    {
      l1: "过程",
      l2: "资产管理",
      name: "固定资产利用率",
      target: "≥95%",
      actual: "92%",
      weight: 5,
      score: 4.84,
      reason: "部分文物保护设备待安装调试，暂未投入使用；下一步督促供应商按期完成安装验收。",
    },
    { l1: "产出", l2: "职责履行", name: "实际完成率", target: "≥95%", actual: "98%", weight: 10, score: 10 },
    { l1: "产出", l2: "职责履行", name: "完成及时率", target: "≥95%", actual: "96%", weight: 10, score: 10 },
    { l1: "产出", l2: "职责履行", name: "重点工作办结率", target: "100%", actual: "100%", weight: 10, score: 10 },
    { l1: "效益", l2: "社会效益", name: "公共文化服务覆盖率", target: "≥90%", actual: "93%", weight: 10, score: 10 },
    { l1: "效益", l2: "可持续影响", name: "公共文化服务体系持续完善", target: "持续完善", actual: "达成年度指标", weight: 5, score: 5 },
    { l1: "效益", l2: "服务对象满意度", name: "社会公众满意度", target: "≥90%", actual: "92%", weight: 10, score: 10 },
  ] as IndicatorRow[],
};

export function deptGroupsCase(): FormCase {
  const name = "整体支出自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 14, 22, 13, 13, 13, 10, 8, 9, 26][i]));
  const title = w.merged("A1:J1", `${U.year}年度部门整体支出绩效自评表`, { bold: true, size: 16, center: true });
  w.merged("A2:F2", `部门名称：${U.unit}`);
  w.merged("G2:J2", "填报日期：2024年3月15日");
  // Funds block: 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 | 备注.
  w.merged("A3:C3", "项  目", { bold: true, center: true });
  ["年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "执行率", "分值", "得分"].forEach((h, i) => w.label(`${"DEFGHI"[i]}3`, h, { bold: true }));
  w.label("J3", "备注", { bold: true });
  const row = (r: number, label: string, v: Triple): { refs: Ref[]; rate: Ref } => {
    w.merged(`A${r}:C${r}`, label);
    const refs = [w.money(`D${r}`, v[0]), w.money(`E${r}`, v[1]), w.money(`F${r}`, v[2])];
    const rate = w.rate(`G${r}`, rate4(v[2], v[1]));
    return { refs, rate };
  };
  const heading = (r: number, label: string): void => {
    w.merged(`A${r}:C${r}`, label, { bold: true });
    ["D", "E", "F", "G", "H", "I"].forEach((c) => w.dash(`${c}${r}`));
  };
  const total = row(4, "年度资金总额", U.total);
  const execWeight = w.set("H4", 10, { fmt: "0" });
  const execScoreV = round2(Math.min(U.total[2] / U.total[1], 1) * 10);
  const execScore = w.set("I4", execScoreV, { fmt: MONEY });
  heading(5, "按收入性质分：");
  const pub = row(6, "  一般公共预算财政拨款", U.public);
  const fund = row(7, "  政府性基金预算财政拨款", U.govFund);
  const other = row(8, "  其他资金", U.other);
  heading(9, "按支出性质分：");
  const basic = row(10, "  基本支出", U.basic);
  const personnel = row(11, "    其中：人员经费", U.personnel);
  const publicUse = row(12, "          公用经费", U.publicUse);
  const project = row(13, "  项目支出", U.project);
  for (let r = 6; r <= 13; r++) if (r !== 9) ["H", "I"].forEach((c) => w.dash(`${c}${r}`));
  w.merged("A14:C14", "年度总体目标", { bold: true, center: true });
  w.merged("D14:J14", "围绕公共文化服务体系建设，完成重点文化惠民工程，提升公共文化服务覆盖率和群众满意度。", { wrap: true });
  w.merged("A15:C15", "实际完成情况", { bold: true, center: true });
  const actual = w.merged(
    "D15:J15",
    "全年预算3012.50万元，比年初预算增加152.50万元，增长5.33%；全年执行2894.36万元，预算执行率96.08%。其中基本支出1650.88万元，项目支出1243.48万元。设置一级指标4个、三级指标13个。",
    { wrap: true },
  );

  // Indicators, grouped, a 小  计 row after each group.
  const head = 17;
  // Columns: A 一级 | B 二级 | C:D 三级 | E 指标值 | F 完成值 | G 分值 | H 得分 | I:J 原因.
  w.label(`A${head}`, "一级指标", { bold: true });
  w.label(`B${head}`, "二级指标", { bold: true });
  w.merged(`C${head}:D${head}`, "三级指标", { bold: true, center: true });
  ["年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"EFGH"[i]}${head}`, h, { bold: true }));
  w.merged(`I${head}:J${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const groups: { l1: string; weight: Ref; score: Ref; members: { weight: Ref; score: Ref; actual: Ref; reason: Ref }[] }[] = [];
  let r = head + 1;
  for (const l1 of ["投入", "过程", "产出", "效益"]) {
    const items = U.indicators.filter((i) => i.l1 === l1);
    const top = r;
    mergeRuns(w, "B", top, items.map((i) => i.l2));
    const members = items.map((i, k) => {
      const at = top + k;
      w.merged(`C${at}:D${at}`, i.name);
      w.set(`E${at}`, i.target, { center: true });
      const act = w.set(`F${at}`, i.actual, { center: true });
      const weight = w.set(`G${at}`, i.weight, { fmt: "0" });
      const score = w.set(`H${at}`, i.score, { fmt: MONEY });
      const reason = w.merged(`I${at}:J${at}`, i.reason ?? null, { wrap: true });
      return { weight, score, actual: act, reason };
    });
    const sub = top + items.length;
    w.merged(`A${top}:A${sub}`, l1, { center: true, bold: true });
    w.merged(`B${sub}:F${sub}`, "小  计", { bold: true, center: true });
    w.merge(`I${sub}:J${sub}`);
    const gw = w.set(`G${sub}`, items.reduce((a, x) => a + x.weight, 0), { fmt: "0", bold: true });
    const gs = w.set(`H${sub}`, round2(items.reduce((a, x) => a + x.score, 0)), { fmt: MONEY, bold: true });
    groups.push({ l1, weight: gw, score: gs, members });
    r = sub + 1;
  }
  const tr = r;
  w.merged(`A${tr}:F${tr}`, "合  计", { bold: true, center: true });
  w.merge(`I${tr}:J${tr}`);
  const weightTotalV = 10 + U.indicators.reduce((a, x) => a + x.weight, 0);
  const weightTotal = w.set(`G${tr}`, weightTotalV, { fmt: "0" });
  const scoreTotalV = round2(execScoreV + U.indicators.reduce((a, x) => a + x.score, 0));
  const scoreTotal = w.set(`H${tr}`, scoreTotalV, { fmt: MONEY });
  w.merged(`A${tr + 1}:B${tr + 1}`, "评价等次", { bold: true, center: true });
  const grade = w.merged(`C${tr + 1}:D${tr + 1}`, gradeOf(scoreTotalV), { center: true });
  w.merged(`A${tr + 2}:B${tr + 2}`, "自评结论", { bold: true, center: true });
  const conclusion = w.merged(
    `C${tr + 2}:J${tr + 2}`,
    `经自评，本部门${U.year}年度部门整体支出绩效自评得分${scoreTotalV.toFixed(2)}分，评价等次为“${gradeOf(scoreTotalV)}”。全年完成重点工作办结率100%，社会公众满意度92%，高于年度目标2个百分点。`,
    { wrap: true },
  );

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total.refs[c], [pub.refs[c], fund.refs[c], other.refs[c]], `总额 ${COLS[c]} = Σ 按收入性质`));
    relations.push(sum(total.refs[c], [basic.refs[c], project.refs[c]], `总额 ${COLS[c]} = 基本 + 项目`));
    relations.push(sum(basic.refs[c], [personnel.refs[c], publicUse.refs[c]], `基本支出 ${COLS[c]} = 人员 + 公用`));
  }
  for (const [lbl, x] of [["总额", total], ["一般公共预算", pub], ["政府性基金", fund], ["其他资金", other], ["基本支出", basic], ["人员经费", personnel], ["公用经费", publicUse], ["项目支出", project]] as const) {
    relations.push({ kind: "rate", rate: x.rate, num: x.refs[2], den: x.refs[1], decimals: 2, label: `${lbl} 执行率` });
  }
  relations.push({ kind: "execScore", score: execScore, num: total.refs[2], den: total.refs[1], weight: execWeight, label: "执行率得分" });
  for (const g of groups) {
    relations.push(sum(g.weight, g.members.map((m) => m.weight), `${g.l1} 小计 分值 = Σ`));
    relations.push(sum(g.score, g.members.map((m) => m.score), `${g.l1} 小计 得分 = Σ`));
    g.members.forEach((m, k) => relations.push({ kind: "le", a: m.score, b: m.weight, label: `${g.l1} 指标${k + 1} 得分 ≤ 分值` }));
  }
  relations.push(sum(weightTotal, [execWeight, ...groups.map((g) => g.weight)], "合计 分值 = 执行率 + Σ 小计"));
  relations.push(sum(scoreTotal, [execScore, ...groups.map((g) => g.score)], "合计 得分 = 执行率得分 + Σ 小计"));

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const [gIn, gProc, gOut] = groups;
  const traps: Trap[] = [
    { at: S("D5"), why: "“—” across the 按收入性质分： heading row" },
    { at: gIn.weight, why: "a 小  计 row's 分值 (the group's sum, not an indicator)" },
    { at: gProc.score, why: "a 小  计 row's 得分 (the group's sum, not an indicator)" },
    { at: S("A18"), why: "一级指标 投入 (the 53号 framework: 投入 / 过程 / 产出 / 效益)" },
    { at: S("G2"), why: "填报日期 in the year after the evaluated year" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 全年执行数 1410.65 (基本 1650.88 = 1400.65 + 250.23)", personnel.refs[2], 1410.65),
    num("part-not-footing", "政府性基金 年初预算数 210 (2860 − 2600 − 60 = 200)", fund.refs[0], 210),
    num("yuan-in-part", "项目支出 全年预算数 13572000 (1357.20 万元 in 元)", project.refs[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 28943600 (2894.36 万元 in 元)", total.refs[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 3022.50 (both splits say 3012.50)", total.refs[1], 3022.5),
    num("rate-wrong", "年度资金总额 执行率 94.08% for 2894.36/3012.50 = 96.08%", total.rate, 0.9408),
    num("rate-wrong", "公用经费 执行率 89.91% for 250.23/253.00 = 98.91%", publicUse.rate, 0.8991),
    num("exec-score-wrong", `执行率得分 10 (full marks) for 96.08% of 10 = ${execScoreV}`, execScore, 10),
    num("subtotal-over-parts", "过程 小计 分值 25 over its indicators 20", gProc.weight, 25),
    num("subtotal-over-parts", "产出 小计 得分 32 over its indicators 30", gOut.score, 32),
    num("subtotal-over-parts", "投入 小计 得分 14 under its indicators 15", gIn.score, 14),
    num("weights-total", "合计 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "实际完成率 得分 12 of 10 (小计 and 合计 follow it)", gOut.members[0].score, 12),
    put("grade-mismatch", `评价等次 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", "title says 2022年度 (filed 2024, the prose says 2023)", title, "2023", "2022"),
    txt("prose-pct-change", "比年初预算增加152.50万元，增长15.33% (5.33%)", actual, "增长5.33%", "增长15.33%"),
    txt("prose-vs-table", "实际完成情况 says 预算执行率98.06% (table 96.08%)", actual, "预算执行率96.08%", "预算执行率98.06%"),
    txt("prose-vs-table", "实际完成情况 says 项目支出1234.48万元 (table 1243.48)", actual, "项目支出1243.48万元", "项目支出1234.48万元"),
    txt("prose-vs-table", "实际完成情况 counts 15 三级指标 (table 13)", actual, "三级指标13个", "三级指标15个"),
    txt("prose-vs-table", `自评结论 says 自评得分97.45分 (table ${scoreTotalV})`, conclusion, `${scoreTotalV.toFixed(2)}分`, "97.45分"),
    txt("prose-yuan", "实际完成情况 says 全年执行28943600元 beside the 万元 table", actual, "全年执行2894.36万元", "全年执行28943600元"),
    put("reason-missing", "固定资产利用率 not achieved (92% of ≥95%), reason left empty", gProc.members[3].reason, null),
  ];
  return { form: "dept-groups", seed: "—", file: "dept-groups", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ v. 收入支出决算变动情况表

/** One row of the 变动表: label, 上年决算数, 本年决算数 (增减额 and 增减率 follow). */
const V: { label: string; prev: number; cur: number }[] = [
  { label: "本年收入合计", prev: 1024.36, cur: 1108.52 },
  { label: "  其中：一般公共预算财政拨款收入", prev: 986.16, cur: 1062.4 },
  { label: "        政府性基金预算财政拨款收入", prev: 20.0, cur: 0 },
  { label: "        其他收入", prev: 18.2, cur: 46.12 },
  { label: "本年支出合计", prev: 1019.84, cur: 1096.75 },
  { label: "  基本支出", prev: 612.4, cur: 655.18 },
  { label: "    其中：人员经费", prev: 528.75, cur: 569.03 },
  { label: "          公用经费", prev: 83.65, cur: 86.15 },
  { label: "  项目支出", prev: 407.44, cur: 441.57 },
  { label: "“三公”经费支出", prev: 12.6, cur: 10.85 },
];

export function finalChangeCase(): FormCase {
  const name = "收支决算变动表";
  const w = new SheetWriter(name);
  "ABCDE".split("").forEach((c, i) => w.width(c, [34, 14, 14, 14, 12][i]));
  const title = w.merged("A1:E1", "2023年度收入支出决算变动情况表", { bold: true, size: 16, center: true });
  w.merged("A2:C2", "部门：某县医疗保障局");
  w.merged("D2:E2", "金额单位：万元");
  w.label("A3", "项    目", { bold: true });
  ["上年决算数", "本年决算数", "增减额", "增减率"].forEach((h, i) => w.label(`${"BCDE"[i]}3`, h, { bold: true }));
  const rows = V.map((x, k) => {
    // A blank row between the 收入 and the 支出 block, and before the “三公”经费.
    const r = 4 + k + (k >= 4 ? 1 : 0) + (k >= 9 ? 1 : 0);
    w.set(`A${r}`, x.label, k === 0 || k === 4 ? { bold: true } : {});
    const change = round2(x.cur - x.prev);
    return {
      prev: w.money(`B${r}`, x.prev),
      cur: w.money(`C${r}`, x.cur),
      change: w.money(`D${r}`, change),
      rate: w.rate(`E${r}`, rate4(change, x.prev)),
    };
  });
  const last = 4 + V.length + 2;
  w.merged(`A${last}:E${last}`, "注：增减额 = 本年决算数 − 上年决算数；增减率 = 增减额 ÷ 上年决算数。");
  const filed = w.merged(`A${last + 1}:E${last + 1}`, "单位负责人：陈某　　填表人：刘某　　填报日期：2024年3月20日");

  const tn = "决算说明";
  const t = new SheetWriter(tn);
  t.width("A", 110);
  const tTitle = t.set("A1", "某县医疗保障局2023年度部门决算情况说明", { bold: true, size: 14, center: true });
  t.text("A3", "一、收入支出决算总体情况说明");
  const p1 = t.text("A4", "2023年度本年收入合计1108.52万元，比上年增加84.16万元，增长8.22%；本年支出合计1096.75万元，比上年增加76.91万元，增长7.54%。主要原因是人员经费和医保经办项目支出增加。");
  const p2 = t.text("A5", "二、支出决算情况说明。基本支出655.18万元，比上年增长6.99%，其中人员经费569.03万元、公用经费86.15万元；项目支出441.57万元，比上年增长8.38%。");
  const p3 = t.text("A6", "三、“三公”经费支出决算情况说明。2023年“三公”经费支出10.85万元，比上年减少1.75万元，减少13.89%，主要是公务用车运行维护费减少。");

  const COLS4 = ["上年决算数", "本年决算数", "增减额"] as const;
  const cols = (x: (typeof rows)[number]): Ref[] => [x.prev, x.cur, x.change];
  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(cols(rows[0])[c], [1, 2, 3].map((k) => cols(rows[k])[c]), `本年收入合计 ${COLS4[c]} = Σ 来源`));
    relations.push(sum(cols(rows[4])[c], [cols(rows[5])[c], cols(rows[8])[c]], `本年支出合计 ${COLS4[c]} = 基本 + 项目`));
    relations.push(sum(cols(rows[5])[c], [cols(rows[6])[c], cols(rows[7])[c]], `基本支出 ${COLS4[c]} = 人员 + 公用`));
  }
  rows.forEach((x, k) => {
    relations.push(sum(x.cur, [x.prev, x.change], `${V[k].label.trim()} 本年 = 上年 + 增减额`));
    relations.push({ kind: "rate", rate: x.rate, num: x.change, den: x.prev, decimals: 2, label: `${V[k].label.trim()} 增减率` });
  });

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const [inc, pub, , , exp, basic, personnel, publicUse, project, sangong] = rows;
  const traps: Trap[] = [
    { at: sangong.change, why: "a decrease written as a negative 增减额 (“三公”经费 −1.75)" },
    { at: sangong.rate, why: "a negative 增减率 (−13.89%)" },
    { at: rows[2].rate, why: "a source that fell to 0: 增减率 −100.00%" },
    { at: S("A8"), why: "a blank row between the 收入 and the 支出 block" },
    { at: filed, why: "填报日期 in the year after the 决算 year" },
    { at: p3, why: "a decrease in the 说明 (减少1.75万元，减少13.89%) that the table's −1.75 / −13.89% agrees with" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 本年决算数 579.03 (基本 655.18 = 569.03 + 86.15)", personnel.cur, 579.03),
    num("part-not-footing", "一般公共预算财政拨款收入 上年决算数 996.16 (1024.36 − 20 − 18.20 = 986.16)", pub.prev, 996.16),
    num("yuan-in-part", "项目支出 本年决算数 4415700 (441.57 万元 in 元)", project.cur, yuan),
    num("yuan-in-total", "本年支出合计 上年决算数 10198400 (1019.84 万元 in 元)", exp.prev, yuan),
    num("total-wrong", "本年收入合计 本年决算数 1118.52 (Σ 1108.52)", inc.cur, 1118.52),
    num("change-wrong", "基本支出 增减额 52.78 (655.18 − 612.40 = 42.78)", basic.change, 52.78),
    num("change-wrong", "项目支出 增减额 43.13 (441.57 − 407.44 = 34.13)", project.change, 43.13),
    num("change-wrong", "公用经费 增减率 29.90% (2.50 ÷ 83.65 = 2.99%)", publicUse.rate, 0.299),
    num("change-wrong", "本年收入合计 增减率 8.45% (84.16 ÷ 1024.36 = 8.22%)", inc.rate, 0.0845),
    txt("title-year", "表 title says 2022年度 (填报日期 2024, 说明 2023)", title, "2023", "2022"),
    txt("title-year", "决算说明 title says 2022年度部门决算", tTitle, "2023", "2022"),
    txt("prose-pct-change", "本年支出合计 … 比上年增加76.91万元，增长9.54% (7.54%)", p1, "增长7.54%", "增长9.54%"),
    txt("prose-pct-change", "基本支出655.18万元，比上年增长9.69% (the table's 增减率 6.99%)", p2, "增长6.99%", "增长9.69%"),
    txt("prose-pct-change", "项目支出441.57万元，比上年减少8.38% (the table says an increase)", p2, "比上年增长8.38%", "比上年减少8.38%"),
    txt("prose-vs-table", "决算说明 says 项目支出414.57万元 (table 441.57)", p2, "项目支出441.57万元", "项目支出414.57万元"),
    txt("prose-vs-table", "决算说明 says 本年收入合计1180.52万元 (table 1108.52)", p1, "本年收入合计1108.52万元", "本年收入合计1180.52万元"),
    txt("prose-yuan", "决算说明 says 公用经费861500元 beside the 万元 table", p2, "公用经费86.15万元", "公用经费861500元"),
  ];
  return { form: "final-change", seed: "003", file: "final-change", book: { sheets: [w.spec, t.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ x. label and value in one cell throughout

/** A “label：number unit” cell: where it is, the number's decimals, what follows the number. */
interface Inline {
  ref: Ref;
  decimals: number;
  suffix: string;
}

/** 1234.56 → “1,234.56” (thousands separators, as the clerk's form prints them). */
const grouped = (v: number, decimals: number): string => v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function inlineText(label: string, v: number, decimals: number, suffix: string): string {
  return `${label}：${suffix === "%" ? (v * 100).toFixed(decimals) : grouped(v, decimals)}${suffix}`;
}

/** Rewrite the number of an inline cell, keeping its label and unit. */
function setInline(b: BookSpec, x: Inline, v: number): void {
  const old = String(valueAt(b, x.ref));
  const i = Math.max(old.lastIndexOf("："), old.lastIndexOf(":"));
  plantValue(b, x.ref, inlineText(old.slice(0, i), v, x.decimals, x.suffix));
}

function inlineNumber(b: BookSpec, x: Inline): number {
  const m = /[：:]\s*(-?[\d,]+(?:\.\d+)?)/.exec(String(valueAt(b, x.ref)));
  if (!m) throw new Error(`${showRef(x.ref)} has no number`);
  const n = Number(m[1].replace(/,/g, ""));
  return x.suffix === "%" ? n / 100 : n;
}

/** A number planted into an inline cell. */
function inl(kind: Kind, what: string, x: Inline, value: number | ((old: number) => number)): Variant {
  return { kind, what, cause: x.ref, relational: true, plant: (b) => setInline(b, x, typeof value === "function" ? value(inlineNumber(b, x)) : value) };
}

const X = {
  year: 2022,
  unit: "某区市场监督管理局",
  rows: [
    { label: "年度资金总额", v: [1234.56, 1302.4, 1108.33] as Triple },
    { label: "其中：一般公共预算财政拨款", v: [1134.56, 1192.4, 1015.83] as Triple },
    { label: "其他资金", v: [100.0, 110.0, 92.5] as Triple },
    { label: "基本支出", v: [856.3, 870.1, 866.42] as Triple },
    { label: "其中：人员经费", v: [720.0, 731.2, 730.05] as Triple },
    { label: "公用经费", v: [136.3, 138.9, 136.37] as Triple },
    { label: "项目支出", v: [378.26, 432.3, 241.91] as Triple },
  ],
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "市场主体抽查户数", target: "≥1200户", actual: "1265户", weight: 15, score: 15 },
    { l1: "产出指标", l2: "数量指标", name: "食品安全抽检批次", target: "≥3000批次", actual: "3120批次", weight: 10, score: 10 },
    { l1: "产出指标", l2: "质量指标", name: "抽检不合格食品核查处置率", target: "100%", actual: "100%", weight: 10, score: 10 },
    {
      l1: "产出指标",
      l2: "时效指标",
      name: "投诉举报按时办结率",
      target: "≥98%",
      actual: "93%",
      weight: 10,
      score: 9.49,
      reason: "年末集中投诉量激增，部分复杂案件超期办结；下一步优化分流机制，增设专班。",
    },
    { l1: "产出指标", l2: "成本指标", name: "部门整体支出", target: "≤1302.40万元", actual: "1108.33万元", weight: 5, score: 5 },
    { l1: "效益指标", l2: "社会效益指标", name: "重大食品安全事故发生数", target: "0起", actual: "0起", weight: 15, score: 15 },
    { l1: "效益指标", l2: "可持续影响指标", name: "市场监管长效机制", target: "持续完善", actual: "达成年度指标", weight: 15, score: 15 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "市场主体满意度", target: "≥90%", actual: "94%", weight: 10, score: 10 },
  ] as IndicatorRow[],
};

export function deptInlineCase(): FormCase {
  const name = "部门整体自评表";
  const w = new SheetWriter(name);
  "ABCDEFGH".split("").forEach((c, i) => w.width(c, [12, 14, 24, 12, 12, 8, 8, 28][i]));
  w.merged("A1:H1", "部门整体支出绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged("A2:H2", `（${X.year}年度）`, { center: true });
  const unitCell = w.merged("A3:E3", `填报单位：${X.unit}`);
  const filed = w.merged("F3:H3", "填报日期：2023年2月28日");
  w.merged("A4:H4", "年度资金情况（万元）", { bold: true, center: true });
  const M = (area: string, label: string, v: number): Inline => ({ ref: w.merged(area, inlineText(label, v, 2, "万元")), decimals: 2, suffix: "万元" });
  const lines = X.rows.map((x, k) => {
    const r = 5 + k;
    w.set(`A${r}`, x.label);
    const money = [M(`B${r}:C${r}`, "年初预算数", x.v[0]), M(`D${r}:E${r}`, "全年预算数", x.v[1]), M(`F${r}:G${r}`, "全年执行数", x.v[2])];
    const rate: Inline = { ref: w.set(`H${r}`, inlineText("执行率", rate4(x.v[2], x.v[1]), 2, "%")), decimals: 2, suffix: "%" };
    return { money, rate };
  });
  const execScoreV = round2(Math.min(X.rows[0].v[2] / X.rows[0].v[1], 1) * 10);
  const er = 5 + X.rows.length;
  const execWeight: Inline = { ref: w.merged(`A${er}:C${er}`, "预算执行率分值：10分"), decimals: 0, suffix: "分" };
  const execScore: Inline = { ref: w.merged(`D${er}:H${er}`, inlineText("预算执行率得分", execScoreV, 2, "分")), decimals: 2, suffix: "分" };
  const g = er + 1;
  w.merged(`A${g}:B${g}`, "年度总体目标", { bold: true, center: true });
  w.merged(`C${g}:H${g}`, "加强市场主体监管和食品安全抽检，按时办结投诉举报，守住不发生重大食品安全事故的底线。", { wrap: true });
  w.merged(`A${g + 1}:B${g + 1}`, "实际完成情况", { bold: true, center: true });
  const actual = w.merged(
    `C${g + 1}:H${g + 1}`,
    "2022年全年预算1302.40万元，比年初预算增加67.84万元，增长5.50%；全年执行1108.33万元，执行率85.10%，其中项目支出241.91万元，执行率55.96%，主要是智慧监管平台二期尾款未到支付节点。抽查市场主体1265户，超出年度目标65户，完成率为105.42%。",
    { wrap: true },
  );
  const head = g + 2;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => w.label(`${"ABCDEFGH"[i]}${head}`, h, { bold: true }));
  mergeRuns(w, "A", head + 1, X.indicators.map((i) => i.l1));
  mergeRuns(w, "B", head + 1, X.indicators.map((i) => `${i.l1}/${i.l2}`), X.indicators.map((i) => i.l2));
  const ind = X.indicators.map((i, k) => {
    const r = head + 1 + k;
    w.set(`C${r}`, i.name);
    w.set(`D${r}`, i.target, { center: true });
    const act = w.set(`E${r}`, i.actual, { center: true });
    const weight = w.set(`F${r}`, i.weight, { fmt: "0" });
    const score = w.set(`G${r}`, i.score, { fmt: MONEY });
    const reason = w.set(`H${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  const tr = head + 1 + X.indicators.length;
  w.merged(`A${tr}:E${tr}`, "合计", { bold: true, center: true });
  const weightTotal = w.set(`F${tr}`, 10 + X.indicators.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotalV = round2(execScoreV + X.indicators.reduce((a, x) => a + x.score, 0));
  const scoreTotal = w.set(`G${tr}`, scoreTotalV, { fmt: MONEY });
  const grade = w.merged(`A${tr + 1}:D${tr + 1}`, `评价等次：${gradeOf(scoreTotalV)}`);
  w.merged(`E${tr + 1}:H${tr + 1}`, "填表人：周某　　联系电话：0571-88886666");

  const [total, pub, other, basic, personnel, publicUse, project] = lines;
  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total.money[c].ref, [pub.money[c].ref, other.money[c].ref], `总额 ${COLS[c]} = Σ 按收入性质`));
    relations.push(sum(total.money[c].ref, [basic.money[c].ref, project.money[c].ref], `总额 ${COLS[c]} = 基本 + 项目`));
    relations.push(sum(basic.money[c].ref, [personnel.money[c].ref, publicUse.money[c].ref], `基本支出 ${COLS[c]} = 人员 + 公用`));
  }
  lines.forEach((x, k) => relations.push({ kind: "rate", rate: x.rate.ref, num: x.money[2].ref, den: x.money[1].ref, decimals: 2, label: `${X.rows[k].label} 执行率` }));
  relations.push({ kind: "execScore", score: execScore.ref, num: total.money[2].ref, den: total.money[1].ref, weight: execWeight.ref, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight.ref, ...ind.map((i) => i.weight)], "合计 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore.ref, ...ind.map((i) => i.score)], "合计 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: total.money[0].ref, why: "“年初预算数：1,234.56万元” label, value (with a thousands separator) and unit in one cell" },
    { at: total.rate.ref, why: "“执行率：85.10%” label and rate in one cell" },
    { at: project.rate.ref, why: "a row 执行率 of 55.96% (explained in the 实际完成情况)" },
    { at: unitCell, why: "“填报单位：…” label and value in one cell" },
    { at: filed, why: "“填报日期：…” in the year after" },
    { at: yearLine, why: "the year on its own line under the title" },
    { at: grade, why: "“评价等次：优” label and grade in one cell" },
    { at: total.money[1].ref, why: "the amount without a thousands separator, “全年预算数：1302.40万元”", plant: (b) => plantValue(b, total.money[1].ref, "全年预算数：1302.40万元") },
  ];
  const variants: Variant[] = [
    inl("part-not-footing", "其中：人员经费 全年执行数 740.05 (基本 866.42 = 730.05 + 136.37)", personnel.money[2], 740.05),
    inl("part-not-footing", "其他资金 年初预算数 110.00 (1234.56 − 1134.56 = 100.00)", other.money[0], 110),
    inl("yuan-in-part", "项目支出 全年预算数 4323000万元 (432.30 万元 in 元)", project.money[1], yuan),
    inl("yuan-in-total", "年度资金总额 全年执行数 11083300万元 (1108.33 in 元)", total.money[2], yuan),
    inl("total-wrong", "年度资金总额 全年预算数 1312.40 (both splits say 1302.40)", total.money[1], 1312.4),
    inl("rate-wrong", "年度资金总额 执行率：95.10% for 1108.33/1302.40 = 85.10%", total.rate, 0.951),
    inl("rate-wrong", "项目支出 执行率：65.96% for 241.91/432.30 = 55.96%", project.rate, 0.6596),
    inl("rate-wrong", "其中：人员经费 执行率：89.84% for 730.05/731.20 = 99.84%", personnel.rate, 0.8984),
    inl("exec-score-wrong", `预算执行率得分：10.00分 (full marks) for 85.10% of 10 = ${execScoreV}`, execScore, 10),
    num("weights-total", "合计 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "市场主体抽查户数 得分 18 of 15", ind[0].score, 18),
    put("grade-mismatch", `评价等次：良 for ${scoreTotalV}`, grade, "评价等次：良"),
    txt("title-year", "（2021年度） under the title of a 2022 form (filed 2023)", yearLine, "2022", "2021"),
    txt("prose-pct-change", "比年初预算增加67.84万元，增长15.50% (5.50%)", actual, "增长5.50%", "增长15.50%"),
    txt("prose-vs-table", "实际完成情况 says 执行率88.10% (table 85.10%)", actual, "执行率85.10%", "执行率88.10%"),
    txt("prose-vs-table", "实际完成情况 says 项目支出214.91万元 (table 241.91)", actual, "项目支出241.91万元", "项目支出214.91万元"),
    txt("prose-yuan", "实际完成情况 says 全年执行11083300元 beside the 万元 lines", actual, "全年执行1108.33万元", "全年执行11083300元"),
    txt("prose-completion-rate", "抽查1265户，超出目标65户，完成率为115.42% (105.42%)", actual, "完成率为105.42%", "完成率为115.42%"),
    put("reason-missing", "投诉举报按时办结率 not achieved (93% of ≥98%), reason left empty", ind[3].reason, null),
    { kind: "indicator-yuan-slip", what: "部门整体支出 实际完成值 11083300万元 (1108.33 万元 in 元)", cause: ind[4].actual, relational: false, plant: (b) => plantValue(b, ind[4].actual, "11083300万元") },
  ];
  return { form: "dept-inline", seed: "—", file: "dept-inline", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ w. 三公经费 / 固定资产 in 元 beside 决算 in 万元

const W_SANGONG = [
  // 机构, 公务接待费, 公务用车运维费, 公务用车购置费, 因公出国费 (元)
  ["局机关", 6800.0, 51200.0, 0, 0],
  ["医疗保障事务中心", 4400.0, 29980.0, 0, 0],
] as const;
const W_ASSETS = [
  // 机构, 在用, 出租, 其他 (元)
  ["局机关", 598250.0, 0, 14200.0],
  ["医疗保障事务中心", 273260.0, 0, 0],
] as const;

export function finalSangongYuanCase(): FormCase {
  const report = [...SEED003.report];
  report.splice(9, 0, "2020年“三公”经费支出9.24万元，其中公务用车运行维护费8.12万元、公务接待费1.12万元，无因公出国（境）费和公务用车购置费；年末固定资产原值88.57万元。");
  const { sheets, cells: c, relations, traps } = finalAccountsBook({ ...SEED003, report });
  const YUAN = "#,##0.00";
  const sn = "三公经费及固定资产";
  const w = new SheetWriter(sn);
  "ABCDEF".split("").forEach((col, i) => w.width(col, [22, 18, 16, 18, 18, 16][i]));
  const title = w.merged("A1:F1", "2020年度“三公”经费支出决算表", { bold: true, size: 14, center: true });
  w.merged("A2:F2", "部门：宣汉县医疗保障局");
  ["机构名称", "三公经费合计（元）", "公务接待费（元）", "公务用车运维费（元）", "公务用车购置费（元）", "因公出国费（元）"].forEach((h, i) => w.label(`${"ABCDEF"[i]}3`, h, { bold: true }));
  const sgRows = W_SANGONG.map((x, k) => {
    const r = 5 + k;
    w.set(`A${r}`, x[0]);
    const parts = [1, 2, 3, 4].map((j) => w.set(`${"CDEF"[j - 1]}${r}`, x[j], { fmt: YUAN }));
    return [w.set(`B${r}`, round2(x[1] + x[2] + x[3] + x[4]), { fmt: YUAN }), ...parts];
  });
  w.set("A4", "合计", { bold: true });
  const sgTotal = [0, 1, 2, 3, 4].map((j) => w.set(`${"BCDEF"[j]}4`, round2(sgRows.reduce((a, row) => a + Number(w.spec.cells.get(row[j].a1)!.v), 0)), { fmt: YUAN }));
  w.merged("A8:F8", "固定资产情况表", { bold: true, size: 14, center: true });
  ["机构名称", "固定资产合计（元）", "在用固定资产（元）", "出租固定资产（元）", "其他（元）"].forEach((h, i) => w.label(`${"ABCDE"[i]}9`, h, { bold: true }));
  const asRows = W_ASSETS.map((x, k) => {
    const r = 11 + k;
    w.set(`A${r}`, x[0]);
    const parts = [1, 2, 3].map((j) => w.set(`${"CDE"[j - 1]}${r}`, x[j], { fmt: YUAN }));
    return [w.set(`B${r}`, round2(x[1] + x[2] + x[3]), { fmt: YUAN }), ...parts];
  });
  w.set("A10", "合计", { bold: true });
  const asTotal = [0, 1, 2, 3].map((j) => w.set(`${"BCDE"[j]}10`, round2(asRows.reduce((a, row) => a + Number(w.spec.cells.get(row[j].a1)!.v), 0)), { fmt: YUAN }));

  const rel: Relation[] = [...relations];
  for (const row of [sgTotal, ...sgRows]) rel.push(sum(row[0], row.slice(1), `三公经费合计 = Σ (${row[0].a1})`));
  for (let j = 0; j < 5; j++) rel.push(sum(sgTotal[j], sgRows.map((row) => row[j]), `三公 合计 = Σ 机构 列${j + 1}`));
  for (const row of [asTotal, ...asRows]) rel.push(sum(row[0], row.slice(1), `固定资产合计 = Σ (${row[0].a1})`));
  for (let j = 0; j < 4; j++) rel.push(sum(asTotal[j], asRows.map((row) => row[j]), `固定资产 合计 = Σ 机构 列${j + 1}`));

  const prose = c.report[9];
  const health = 1;
  const allTraps: Trap[] = [
    ...traps,
    { at: sgTotal[0], why: "a 三公经费 table in 元 (“三公经费合计（元）”) beside 决算 tables in 万元" },
    { at: asTotal[0], why: "a 固定资产 table in 元 beside 决算 tables in 万元" },
    { at: prose, why: "the 说明's 9.24万元 / 88.57万元 are the 元 tables' 92,380.00 / 885,710.00 ÷ 10000" },
  ];
  const variants: Variant[] = [
    num("yuan-in-part", "局机关 公务用车运维费 5.12 (万元 typed in the 元 table)", sgRows[0][2], 5.12),
    num("yuan-in-part", "事务中心 在用固定资产 27.33 (万元 typed in the 元 table)", asRows[1][1], 27.33),
    num("yuan-in-total", "固定资产 合计 88.57 (万元 typed in the 元 table)", asTotal[0], 88.57),
    num("yuan-in-total", "三公经费合计 合计 9.24 (万元 typed in the 元 table)", sgTotal[0], 9.24),
    num("yuan-in-part", "支出决算表 卫生健康 人员经费 2912900 (291.29 万元 in 元, in the 万元 part)", c.spend.rows[health][2], yuan),
    num("part-not-footing", "事务中心 公务接待费 5,400.00 (34,380.00 − 29,980.00 = 4,400.00)", sgRows[1][1], 5400),
    num("total-wrong", "三公 合计 公务用车运维费 82,180.00 (Σ 81,180.00)", sgTotal[2], 82180),
    txt("title-year", "三公 table title says 2019年度 (the 决算 is 2020's)", title, "2020", "2019"),
    txt("prose-vs-table", "说明 says “三公”经费支出9.42万元 (table 92,380.00元)", prose, "支出9.24万元", "支出9.42万元"),
    txt("prose-yuan", "说明 says 公用经费581500元 beside the 万元 tables", c.report[6], "公用经费58.15万元", "公用经费581500元"),
  ];
  return { form: "final-sangong-yuan", seed: "003", file: "final-sangong-yuan", book: { sheets: [...sheets.map((x) => x.spec), w.spec] }, relations: rel, variants, traps: allTraps };
}

export { COLS, pct2, equal, finalAccountsBook, SEED003, RATE, plantValue, showRef, valueAt };
export type { BookSpec, Kind };
