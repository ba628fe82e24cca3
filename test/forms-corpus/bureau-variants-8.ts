/**
 * λ. The 四川 项目支出绩效自评表 as the province's 一体化 system prints it and counties publish it (报表编号
 * 510000_0013zp, `部门预算项目支出绩效自评表（2023年度）`; the layout of the forms on scqs.gov.cn, domain.md
 * [S12]), two projects stacked on one sheet as one county's publication shows them:
 * - a `报表编号：510000_0013zp` line above each title, the year only in the title;
 * - 项目基本情况 with 项目年度目标 / 年度目标完成情况 and 项目实施内容及过程概述;
 * - the funds block headed `预算执行情况（10分）` and `年度预算数（万元）`: 年初预算 | 调整后预算数 | 预算执行数 |
 *   预算执行率 | 权重 | 得分 | 原因, rows 总额, 其中：财政资金, 财政专户管理资金, 单位资金, 其他资金 (left blank),
 *   every line with its own 预算执行率 (0.00% where nothing was budgeted), `/` in the 权重 and 得分 of the lines;
 * - the 原因 cell, merged down the block, holding the template's printed guidance (“1.预算执行率=…未达到90%的需
 *   说明原因（100字以内）；2.…；3.其他资金包括：…”), and the second project's own reason after it;
 * - 绩效指标（90分）: 一级 | 二级 | 三级 | 指标性质 (≥ / ≤ / =) | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |
 *   未完成原因分析, closed by a 合计 row of the 权重 (执行率 10 + indicators 90) and the 得分;
 * - 评价结论 / 存在问题 / 改进措施 rows and the 项目负责人 / 财务负责人 line.
 * The first project's figures are the published form's (青神县, 工资性支出); the second is invented.
 */
import { type BookSpec, MONEY, type Ref, SheetWriter } from "./book";
import { type Triple, num, put, txt, yuan } from "./corpus-helpers";
import { mergeRuns, round2 } from "./project-form";
import { type Relation, sum } from "./relations";
import type { FormCase, Trap, Variant } from "./types";

const GUIDANCE = "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。";

interface ScIndicator {
  l1: string;
  l2: string;
  name: string;
  sign: string;
  target: number;
  unit: string;
  actual: number;
  weight: number;
  score: number;
  reason?: string;
}

interface ScProject {
  code: string;
  name: string;
  dept: string;
  unit: string;
  goal: string;
  done: string;
  process: string;
  /** 总额, 财政资金, 财政专户管理资金, 单位资金 (其他资金 is left blank). */
  funds: [Triple, Triple, Triple, Triple];
  reason: string;
  indicators: ScIndicator[];
  conclusion: string;
  problems: string;
  measures: string;
}

/** 预算执行率 as the form shows it (0.00% where nothing was budgeted). */
const rateOf = (t: Triple): number => (t[1] ? Math.round((t[2] / t[1]) * 10000) / 10000 : 0);
const execScoreOf = (p: ScProject): number => round2(Math.min(p.funds[0][2] / p.funds[0][1], 1) * 10);
const scoreTotalOf = (p: ScProject): number => round2(execScoreOf(p) + p.indicators.reduce((a, i) => a + i.score, 0));

const P1: ScProject = {
  code: "51000021R000000019951",
  name: "工资性支出",
  dept: "青神县医疗保障局",
  unit: "青神县医疗保障局",
  goal: "严格执行相关政策，保障工资及时、足额发放或社保及时、足额缴纳，预算编制科学合理，减少结余资金。",
  done: "全年工资按月足额发放，社保按时足额缴纳，无结余资金。",
  process: "按月发放在职人员工资，按时缴纳社会保险费，年中追加预算用于调资补发。",
  funds: [
    [238.93, 251.89, 251.89],
    [238.93, 251.89, 251.89],
    [0, 0, 0],
    [0, 0, 0],
  ],
  reason: GUIDANCE,
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "发放(缴纳)覆盖率", sign: "=", target: 100, unit: "%", actual: 100, weight: 60, score: 60 },
    { l1: "效益指标", l2: "社会效益指标", name: "足额保障率(参保率)", sign: "=", target: 100, unit: "%", actual: 100, weight: 30, score: 30 },
  ],
  conclusion: "本项目自评总分100分。全年调整后预算251.89万元，执行251.89万元，预算执行率100.00%，工资及社保足额保障。",
  problems: "无。",
  measures: "继续严格执行工资发放政策，提高预算编制的准确性。",
};

const P2: ScProject = {
  code: "51000021T000000203317",
  name: "医保经办能力提升项目",
  dept: "青神县医疗保障局",
  unit: "青神县医疗保障事务中心",
  goal: "完成医保经办信息系统升级，开展经办人员业务培训，提升经办服务质量和网办水平。",
  done: "信息系统升级按期完成并上线，培训经办人员520人次，网办率54%，未达到年度目标。",
  process: "上半年完成系统升级招标，9月完成部署上线；全年分4期开展业务培训。",
  funds: [
    [60, 85.6, 74.05],
    [60, 80, 69.2],
    [0, 0, 0],
    [0, 5.6, 4.85],
  ],
  reason: `${GUIDANCE}\n预算执行率未达90%的原因：信息系统升级改造尾款11.55万元因验收延后，结转至次年支付。`,
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "业务培训人次", sign: "≥", target: 500, unit: "人次", actual: 520, weight: 20, score: 20 },
    { l1: "产出指标", l2: "质量指标", name: "系统故障处理及时率", sign: "≥", target: 95, unit: "%", actual: 97, weight: 20, score: 20 },
    { l1: "产出指标", l2: "时效指标", name: "系统升级完成时限", sign: "≤", target: 12, unit: "月", actual: 9, weight: 10, score: 10 },
    { l1: "产出指标", l2: "成本指标", name: "项目成本控制数", sign: "≤", target: 85.6, unit: "万元", actual: 74.05, weight: 10, score: 10 },
    {
      l1: "效益指标",
      l2: "社会效益指标",
      name: "经办业务网办率",
      sign: "≥",
      target: 60,
      unit: "%",
      actual: 54,
      weight: 20,
      score: 18,
      reason: "线上渠道宣传不足，部分老年参保人仍习惯窗口办理；下一步加强网办宣传和帮办代办。",
    },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保群众满意度", sign: "≥", target: 90, unit: "%", actual: 93, weight: 10, score: 10 },
  ],
  conclusion: "本项目自评总分96.65分。全年调整后预算85.60万元，执行74.05万元，预算执行率86.51%；设置三级指标6个，其中5个达成年度指标值，经办业务网办率完成54%，未达到60%的目标。",
  problems: "网办宣传不够深入，部分经办人员业务能力有待提升。",
  measures: "加快项目验收和资金支付进度，加大网办宣传力度。",
};

/** Cells of one written project form. */
interface ScCells {
  title: Ref;
  lines: Ref[][];
  rates: Ref[];
  reason: Ref;
  execWeight: Ref;
  execScore: Ref;
  ind: { weight: Ref; score: Ref; actual: Ref; reason: Ref }[];
  weightTotal: Ref;
  scoreTotal: Ref;
  conclusion: Ref;
  problems: Ref;
}

/** Write one form from row `top`; returns its cells and the next free row. */
function writeForm(w: SheetWriter, sheet: string, top: number, p: ScProject, year: number): { cells: ScCells; next: number } {
  let r = top;
  w.merged(`A${r}:K${r}`, "报表编号：510000_0013zp");
  r++;
  const title = w.merged(`A${r}:K${r}`, `部门预算项目支出绩效自评表（${year}年度）`, { bold: true, size: 14, center: true });
  r++;
  w.merged(`A${r}:B${r}`, "项目名称", { bold: true, center: true });
  w.merged(`C${r}:K${r}`, `${p.code}-${p.name}`);
  r++;
  w.merged(`A${r}:B${r}`, "主管部门", { bold: true, center: true });
  w.merged(`C${r}:E${r}`, p.dept);
  w.merged(`F${r}:G${r}`, "实施单位（盖章）", { bold: true, center: true });
  w.merged(`H${r}:K${r}`, p.unit);
  r++;
  w.merged(`A${r}:A${r + 2}`, "项目基本情况", { bold: true, center: true });
  w.merged(`B${r}:C${r + 1}`, "1.项目年度目标完成情况", { wrap: true });
  w.merged(`D${r}:G${r}`, "项目年度目标", { bold: true, center: true });
  w.merged(`H${r}:K${r}`, "年度目标完成情况", { bold: true, center: true });
  r++;
  w.merged(`D${r}:G${r}`, p.goal, { wrap: true });
  w.merged(`H${r}:K${r}`, p.done, { wrap: true });
  r++;
  w.merged(`B${r}:C${r}`, "2.项目实施内容及过程概述", { wrap: true });
  w.merged(`D${r}:K${r}`, p.process, { wrap: true });
  r++;
  // 预算执行情况（10分）
  w.merged(`A${r}:A${r + 5}`, "预算执行情况（10分）", { bold: true, center: true, wrap: true });
  w.merged(`B${r}:C${r}`, "年度预算数（万元）", { bold: true, center: true });
  ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"].forEach((h, i) => w.label(`${"DEFGHI"[i]}${r}`, h, { bold: true }));
  w.merged(`J${r}:K${r}`, "原因", { bold: true, center: true });
  r++;
  const labels = ["总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"];
  const lines: Ref[][] = [];
  const rates: Ref[] = [];
  const first = r;
  labels.forEach((label, i) => {
    w.merged(`B${r}:C${r}`, label, { center: true });
    if (i < 4) {
      const t = p.funds[i];
      lines.push([w.money(`D${r}`, t[0]), w.money(`E${r}`, t[1]), w.money(`F${r}`, t[2])]);
      rates.push(w.rate(`G${r}`, rateOf(t)));
    }
    if (i > 0) ["H", "I"].forEach((c) => w.set(`${c}${r}`, "/", { center: true }));
    r++;
  });
  const execWeight = w.set(`H${first}`, 10, { fmt: "0" });
  const execScore = w.set(`I${first}`, execScoreOf(p), { fmt: MONEY });
  const reason = w.merged(`J${first}:K${first + 4}`, p.reason, { wrap: true });
  // 绩效指标（90分）
  const n = p.indicators.length;
  w.merged(`A${r}:A${r + n}`, "绩效指标（90分）", { bold: true, center: true, wrap: true });
  ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"].forEach((h, i) => w.label(`${"BCDEFGHIJK"[i]}${r}`, h, { bold: true }));
  r++;
  mergeRuns(w, "B", r, p.indicators.map((i) => i.l1));
  mergeRuns(w, "C", r, p.indicators.map((i) => `${i.l1}/${i.l2}`), p.indicators.map((i) => i.l2));
  const ind = p.indicators.map((i) => {
    w.set(`D${r}`, i.name);
    w.set(`E${r}`, i.sign, { center: true });
    w.set(`F${r}`, i.target, { fmt: Number.isInteger(i.target) ? "0" : MONEY });
    w.set(`G${r}`, i.unit, { center: true });
    const actual = w.set(`H${r}`, i.actual, { fmt: Number.isInteger(i.actual) ? "0" : MONEY });
    const weight = w.set(`I${r}`, i.weight, { fmt: "0" });
    const score = w.set(`J${r}`, i.score, { fmt: MONEY });
    const why = w.set(`K${r}`, i.reason ?? null, { wrap: true });
    r++;
    return { weight, score, actual, reason: why };
  });
  w.merged(`A${r}:H${r}`, "合计", { bold: true, center: true });
  const weightTotal = w.set(`I${r}`, 100, { fmt: "0" });
  const scoreTotal = w.set(`J${r}`, scoreTotalOf(p), { fmt: MONEY });
  r++;
  w.label(`A${r}`, "评价结论", { bold: true });
  const conclusion = w.merged(`B${r}:K${r}`, p.conclusion, { wrap: true });
  r++;
  w.label(`A${r}`, "存在问题", { bold: true });
  const problems = w.merged(`B${r}:K${r}`, p.problems, { wrap: true });
  r++;
  w.label(`A${r}`, "改进措施", { bold: true });
  w.merged(`B${r}:K${r}`, p.measures, { wrap: true });
  r++;
  w.merged(`A${r}:E${r}`, "项目负责人：张明");
  w.merged(`F${r}:K${r}`, "财务负责人：李华");
  return { cells: { title, lines, rates, reason, execWeight, execScore, ind, weightTotal, scoreTotal, conclusion, problems }, next: r + 2 };
}

/** Relations one form implies. */
function relationsOf(c: ScCells, what: string): Relation[] {
  const out: Relation[] = [];
  const cols = ["年初预算", "调整后预算数", "预算执行数"];
  for (let k = 0; k < 3; k++) out.push(sum(c.lines[0][k], [c.lines[1][k], c.lines[2][k], c.lines[3][k]], `${what} 总额 ${cols[k]} = Σ 其中`));
  c.lines.forEach((line, i) => {
    // A line with nothing budgeted shows 0.00%: no ratio to hold.
    if (i === 2) return;
    out.push({ kind: "rate", rate: c.rates[i], num: line[2], den: line[1], decimals: 2, label: `${what} 第${i + 1}行 预算执行率` });
  });
  out.push({ kind: "execScore", score: c.execScore, num: c.lines[0][2], den: c.lines[0][1], weight: c.execWeight, label: `${what} 执行率得分` });
  out.push(sum(c.weightTotal, [c.execWeight, ...c.ind.map((i) => i.weight)], `${what} 合计 权重 = Σ`));
  out.push(sum(c.scoreTotal, [c.execScore, ...c.ind.map((i) => i.score)], `${what} 合计 得分 = Σ`));
  c.ind.forEach((i, k) => out.push({ kind: "le", a: i.score, b: i.weight, label: `${what} 指标${k + 1} 得分 ≤ 权重` }));
  return out;
}

/** λ. Two 四川 一体化 project forms stacked on one sheet. */
export function sichuanSystemCase(): FormCase {
  const sheet = "项目支出绩效自评表";
  const year = 2023;
  const w = new SheetWriter(sheet);
  "ABCDEFGHIJK".split("").forEach((c, i) => w.width(c, [12, 12, 14, 20, 10, 12, 12, 10, 8, 10, 24][i]));
  const one = writeForm(w, sheet, 1, P1, year);
  const two = writeForm(w, sheet, one.next, P2, year);
  const a = one.cells;
  const b = two.cells;
  const book: BookSpec = { sheets: [w.spec] };
  const relations = [...relationsOf(a, "项目1"), ...relationsOf(b, "项目2")];
  const traps: Trap[] = [
    { at: a.reason, why: "the template's printed guidance in the 原因 cell (“…未达到90%的需说明原因（100字以内）…”): no prose of the unit" },
    { at: a.rates[2], why: "0.00% where nothing was budgeted (财政专户管理资金 0 / 0)" },
    { at: b.reason, why: "the guidance with the project's own reason after it" },
    { at: a.title, why: "the year only in the title, under a 报表编号 line" },
    { at: b.ind[4].actual, why: "网办率 54 of ≥60: not achieved, scored 18 of 20 with its reason" },
  ];
  const mofScore = scoreTotalOf(P2);
  const variants: Variant[] = [
    num("part-not-footing", "项目2 其中：财政资金 预算执行数 96.92 (74.05 = 69.20 + 4.85)", b.lines[1][2], 96.92),
    num("yuan-in-part", "项目2 单位资金 调整后预算数 56000 (5.60 万元 in 元)", b.lines[3][1], yuan),
    num("yuan-in-total", "项目1 总额 预算执行数 2518900 (251.89 万元 in 元)", a.lines[0][2], yuan),
    num("total-wrong", "项目2 总额 年初预算 70 (Σ 60)", b.lines[0][0], 70),
    num("rate-wrong", "项目2 总额 预算执行率 96.51% for 74.05/85.60 = 86.51%", b.rates[0], 0.9651),
    num("exec-score-wrong", "项目2 得分 10 (full marks) for 86.51% of 10 = 8.65", b.execScore, 10),
    num("weights-total", "项目1 合计 权重 90 over 10 + 90", a.weightTotal, 90),
    num("score-over-weight", "项目2 业务培训人次 得分 25 of 20", b.ind[0].score, 25),
    num("subtotal-over-parts", `项目2 合计 得分 98.65 (Σ ${mofScore})`, b.scoreTotal, 98.65),
    txt("prose-vs-table", "项目2 评价结论 says 预算执行率96.51% (table 86.51%)", b.conclusion, "预算执行率86.51%", "预算执行率96.51%"),
    txt("prose-vs-table", "项目2 评价结论 says 执行47.05万元 (table 74.05)", b.conclusion, "执行74.05万元", "执行47.05万元"),
    txt("prose-vs-table", "项目2 评价结论 says 自评总分98.65分 (table 96.65)", b.conclusion, "自评总分96.65分", "自评总分98.65分"),
    txt("prose-vs-table", "项目1 评价结论 says 预算执行率95.00% (table 100.00%)", a.conclusion, "预算执行率100.00%", "预算执行率95.00%"),
    txt("prose-yuan", "项目2 评价结论 says 执行74.05元 beside the 万元 table", b.conclusion, "执行74.05万元", "执行74.05元"),
    put("reason-missing", "项目2 经办业务网办率 not achieved (54 of ≥60), reason left empty", b.ind[4].reason, null),
    put("reason-missing", "项目2 执行率 86.51% with only the template's guidance in 原因", b.reason, GUIDANCE),
    txt("title-year", `项目2 title （${year - 1}年度） beside the first form's ${year}`, b.title, `（${year}年度）`, `（${year - 1}年度）`),
  ];
  return { form: "sichuan-system", seed: "—", file: "sichuan-system", book, relations, variants, traps };
}
