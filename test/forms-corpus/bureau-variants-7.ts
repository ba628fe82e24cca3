/**
 * Eight layouts the corpus did not vary yet, as bureaus really hand them out (invented data, consistent to
 * the cent), each with every mistake kind of types.ts that applies:
 *
 * γ. a 项目支出绩效自评表 whose funds header is split over TWO rows, the unit on the second
 *    (“全年执行数” over “（万元）”, “执行率” over “（%）”), whose rates are typed as plain percent NUMBERS
 *    (执行率 85.10 with the format 0.00, not 0.851 shown 85.10%), each funds line with its own rate, and whose
 *    指标值 / 实际完成值 carry comparator and unit in one cell (“≥30000份”, “≤5个工作日”, “100%”, “≥3000人次”,
 *    “达到预期”).
 * δ. a 部门整体支出绩效自评表 entirely in 元 (“单位：元” above the table, no header says 万元) after a 封面
 *    sheet and a 填报说明 sheet full of example amounts, rates, scores and other years (which are no part of the
 *    report), with the 自评报告 on its own sheet speaking 万元, and indicator values written in 万元.
 * ε. a 项目汇总表 grouped by category: 一、专项业务费 … 小计, 二、运转保障经费 … 小计, 三、上级转移支付 … 小计,
 *    then 合计 = Σ 小计 (not Σ every row above), with a 综述 sheet written one paragraph per row (一、（一）1. …),
 *    headings in merged A:H cells, the figures spread over several paragraphs.
 * ζ. a 项目支出绩效自评表 whose indicator table says 指标内容 / 指标值 / 实际完成值 / 分值 / 得分 /
 *    偏差原因分析及改进措施, the 一级 and 二级 merged down many rows, two qualitative 三级 rows left UNSCORED
 *    (分值 and 得分 blank), a date-valued 时效 indicator (“2022年12月底前” / “2023年3月完成”, late), units with
 *    an alternative in brackets (“40台（套）”), “已建立” for “建立”, the grade beside “自评结论（等级）”, the
 *    title naming the year it was filed in as the mistake, and a 合计 row whose 分值 100 and 得分 include the
 *    预算执行率's 10 and its score (the funds block's 分值 / 得分).
 * η. a 项目汇总表 whose category rows carry the subtotals themselves (`一 | 公共卫生服务类 | 447.00` over
 *    projects numbered 1, 2, 3 — no word 小计), the 合计 on TOP (= Σ categories, not Σ every row), no 结转结余
 *    column, and a 自评结论 naming a category's figures clause by clause.
 * ι. a 部门整体支出绩效自评表 whose 得分汇总 is written ACROSS under the indicator table (`项目 | 预算执行率 |
 *    产出指标 | 效益指标 | 满意度指标 | 总分`, then a 分值 row and a 得分 row), the 执行率's points and score only
 *    there (the funds block has 执行率 alone), no total row closing the indicator table.
 * κ. a 中央对地方转移支付项目 form whose funds split by level of government (其中：中央补助 / 省级补助 / 市县配套,
 *    rows no national form declares), the split and the 结余资金 quoted in the 实际完成情况 (seed 000's 专项资金
 *    “其中：中央财政补助…、省财政补助资金…、县市区财政补助资金…” in a form).
 * θ. seed 003's 一般公共预算财政拨款支出决算表 (公开05表) by 类 / 款 / 项 under a two-row header (本年支出 over
 *    小计 | 基本支出 | 项目支出: the 小计 is the total, not 基本支出's), 合计 on top, with a 决算说明 naming lines
 *    by level (`社会保险经办机构（项）：支出决算为31.57万元`, `其中行政运行（项）281.43万元`) and shares of the 类.
 */
import { type Ref, SheetWriter, MONEY } from "./book";
import { num, put, txt, type IndicatorRow, type Triple } from "./corpus-helpers";
import { mergeRuns, rate4, round2 } from "./project-form";
import { type Relation, sum } from "./relations";
import { gradeOf } from "./seeds";
import type { FormCase, Trap, Variant } from "./types";

const COLS = ["年初预算数", "全年预算数", "全年执行数"];
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
/** ×10000: 万元 typed in 元. */
const yuan = (v: number): number => Math.round(v * 10000 * 100) / 100;
/** ÷10000: 元 typed as 万元 in a 元 table. */
const wan = (v: number): number => Math.round(v / 100) / 100;

// ------------------------------------------------------------------ γ. two-row header, rates as percent numbers

const G = {
  year: 2023,
  name: "城乡居民医保参保宣传及经办服务项目",
  dept: "某市医疗保障局",
  unit: "某市医疗保障事务中心",
  total: [120.0, 135.5, 115.31] as Triple,
  fiscal: [100.0, 115.5, 98.62] as Triple,
  carry: [20.0, 20.0, 16.69] as Triple,
};
/** A rate as the clerk typed it: a percent number with two decimals (85.10 for 85.10%). */
const pctNum = (n: number, d: number): number => Math.round((n / d) * 10000) / 100;
const G_EXEC_SCORE = round2(Math.min(G.total[2] / G.total[1], 1) * 10);
/**
 * The 财政部 indicator block of layouts γ and κ from row `head`: 一级 / 二级 merged down B and C, 偏差原因
 * merged over I:J, a 总分 row (the 执行率's 10 points and `execScore` included) and a 自评等级 row under it.
 */
function indicatorBlock(w: SheetWriter, head: number, rows: readonly IndicatorRow[], execScore: number, targetHeader: string) {
  w.merged(`A${head}:A${head + rows.length}`, "绩效指标", { bold: true, center: true });
  ["一级指标", "二级指标", "三级指标", targetHeader, "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"BCDEFGH"[i]}${head}`, h, { bold: true }));
  w.merged(`I${head}:J${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  mergeRuns(w, "B", top, rows.map((i) => i.l1));
  mergeRuns(w, "C", top, rows.map((i) => `${i.l1}/${i.l2}`), rows.map((i) => i.l2));
  const ind = rows.map((i, k) => {
    const r = top + k;
    w.set(`D${r}`, i.name);
    w.set(`E${r}`, i.target, { center: true });
    const act = w.set(`F${r}`, i.actual, { center: true });
    const weight = w.set(`G${r}`, i.weight, { fmt: "0" });
    const score = w.set(`H${r}`, i.score, { fmt: MONEY });
    const reason = w.merged(`I${r}:J${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  const tr = top + rows.length;
  const scoreTotalV = round2(execScore + rows.reduce((a, x) => a + x.score, 0));
  w.merged(`B${tr}:F${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`G${tr}`, 10 + rows.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`H${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`I${tr}:J${tr}`);
  w.merged(`A${tr + 1}:B${tr + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`C${tr + 1}:D${tr + 1}`, gradeOf(scoreTotalV), { center: true });
  return { ind, tr, scoreTotalV, weightTotal, scoreTotal, grade };
}

const G_ROWS: IndicatorRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "宣传资料发放数量", target: "≥30000份", actual: "32000份", weight: 10, score: 10 },
  { l1: "产出指标", l2: "数量指标", name: "政策培训人次", target: "≥3000人次", actual: "2700人次", weight: 10, score: 9, reason: "受场地限制，2场乡镇集中培训改为线上，参训人次减少；下一步增加线下培训点。" },
  { l1: "产出指标", l2: "质量指标", name: "经办业务差错率", target: "≤1%", actual: "0.8%", weight: 10, score: 10 },
  { l1: "产出指标", l2: "时效指标", name: "待遇核定办结时限", target: "≤5个工作日", actual: "4个工作日", weight: 10, score: 10 },
  { l1: "产出指标", l2: "成本指标", name: "项目支出控制数", target: "≤135.5万元", actual: "115.31万元", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "城乡居民医保参保率", target: "≥95%", actual: "96.2%", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "医保政策知晓率", target: "100%", actual: "92%", weight: 10, score: 9.2, reason: "偏远村组宣传覆盖不足；下一步依托村医和网格员入户宣传。" },
  { l1: "效益指标", l2: "可持续影响指标", name: "经办服务长效机制", target: "达到预期", actual: "达到预期", weight: 10, score: 10 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保群众满意度", target: "≥90%", actual: "93%", weight: 10, score: 10 },
];

export function projectPercentCase(): FormCase {
  const name = "项目支出绩效自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 12, 14, 22, 13, 13, 13, 8, 10, 24][i]));
  w.merged("A1:J1", "项目支出绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged("A2:J2", `（${G.year}年度）`, { center: true, size: 12 });
  w.merged("A3:B3", "项目名称", { bold: true, center: true });
  w.merged("C3:J3", G.name);
  w.merged("A4:B4", "主管部门", { bold: true, center: true });
  w.merged("C4:E4", G.dept);
  w.merged("F4:G4", "实施单位", { bold: true, center: true });
  w.merged("H4:J4", G.unit);
  // The funds header over two rows: the labels, then their units.
  w.merged("A5:B10", "项目资金", { bold: true, center: true });
  w.merged("C5:D6", "资金来源", { bold: true, center: true });
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}5`, h, { bold: true }));
  ["（万元）", "（万元）", "（万元）", "", "（%）", ""].forEach((h, i) => {
    if (h) w.label(`${"EFGHIJ"[i]}6`, h, { bold: true });
  });
  const line = (r: number, label: string, v: Triple | null): { refs: Ref[]; rate?: Ref } => {
    w.merged(`C${r}:D${r}`, label, { center: true });
    if (!v) {
      ["E", "F", "G", "I"].forEach((c) => w.dash(`${c}${r}`));
      return { refs: [] };
    }
    const refs = [w.money(`E${r}`, v[0]), w.money(`F${r}`, v[1]), w.money(`G${r}`, v[2])];
    const rate = w.set(`I${r}`, pctNum(v[2], v[1]), { fmt: MONEY });
    return { refs, rate };
  };
  const total = line(7, "年度资金总额", G.total);
  const fiscal = line(8, "其中：财政拨款", G.fiscal);
  const carry = line(9, "上年结转", G.carry);
  line(10, "其他资金", null);
  for (const r of [8, 9, 10]) ["H", "J"].forEach((c) => w.dash(`${c}${r}`));
  const execWeight = w.set("H7", 10, { fmt: "0" });
  const execScore = w.set("J7", G_EXEC_SCORE, { fmt: MONEY });
  const execPct = pctNum(G.total[2], G.total[1]);
  w.merged("A11:A12", "年度总体目标", { bold: true, center: true });
  w.merged("B11:F11", "预期目标", { bold: true, center: true });
  w.merged("G11:J11", "实际完成情况", { bold: true, center: true });
  w.merged("B12:F12", "开展城乡居民医保政策宣传和参保动员，发放宣传资料30000份以上，培训3000人次以上，参保率稳定在95%以上。", { wrap: true });
  const actual = w.merged(
    "G12:J12",
    `${G.year}年全年预算135.50万元，比年初预算增加15.50万元，增长12.92%；全年执行115.31万元，预算执行率${execPct.toFixed(2)}%，未执行部分主要是部分培训经费待结算，结转下年使用。发放宣传资料32000份，超出年度目标2000份，完成率为106.67%；开展政策培训2700人次。共设置三级指标9个，其中7个达成年度指标值。`,
    { wrap: true },
  );
  const { ind, tr, scoreTotalV, weightTotal, scoreTotal, grade } = indicatorBlock(w, 13, G_ROWS, G_EXEC_SCORE, "指标值");
  w.merged(`E${tr + 1}:G${tr + 1}`, "填报人：刘某");
  const filed = w.merged(`H${tr + 1}:J${tr + 1}`, "填报日期：2024年2月26日");

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(total.refs[c], [fiscal.refs[c], carry.refs[c]], `年度资金总额 ${COLS[c]} = 财政拨款 + 上年结转`));
  for (const [lbl, x] of [["年度资金总额", total], ["财政拨款", fiscal], ["上年结转", carry]] as const) {
    relations.push({ kind: "rate", rate: x.rate!, num: x.refs[2], den: x.refs[1], decimals: 2, percent: true, label: `${lbl} 执行率（%）` });
  }
  relations.push({ kind: "execScore", score: execScore, num: total.refs[2], den: total.refs[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const traps: Trap[] = [
    { at: total.rate!, why: `执行率 typed as the percent number ${execPct.toFixed(2)} under “执行率（%）” (not 0.851)` },
    { at: fiscal.rate!, why: "a funds line's own 执行率 as a percent number" },
    { at: S("G6"), why: "the unit “（万元）” on a header row of its own under 全年执行数" },
    { at: ind[3].actual, why: "“4个工作日” against “≤5个工作日”: a reverse indicator met" },
    { at: ind[2].actual, why: "“0.8%” against “≤1%”: a rate indicator met from below" },
    { at: ind[7].actual, why: "“达到预期” as a qualitative target and actual" },
    { at: filed, why: "填报日期 in the year after the evaluated year" },
    { at: yearLine, why: "the year on its own line under the title" },
    { at: S("E10"), why: "“—” for a funds line with no money (其他资金)" },
  ];
  const training = G_ROWS.findIndex((x) => x.name === "政策培训人次");
  const cost = G_ROWS.findIndex((x) => x.name === "项目支出控制数");
  const variants: Variant[] = [
    num("part-not-footing", "其中：财政拨款 全年执行数 99.62 (总额 115.31 = 98.62 + 16.69)", fiscal.refs[2], 99.62),
    num("part-not-footing", "上年结转 年初预算数 25 (120 − 100 = 20)", carry.refs[0], 25),
    num("yuan-in-part", "上年结转 全年预算数 200000 (20 万元 in 元)", carry.refs[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 1153100 (115.31 万元 in 元)", total.refs[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 145.50 (Σ 135.50)", total.refs[1], 145.5),
    num("rate-wrong", `年度资金总额 执行率 95.10 for 115.31/135.50 = ${execPct.toFixed(2)}`, total.rate!, 95.1),
    num("rate-wrong", "财政拨款 执行率 83.39 for 98.62/115.50 = 85.39", fiscal.rate!, 83.39),
    num("exec-score-wrong", `执行率得分 10 (full marks) for ${execPct.toFixed(2)}% of 10 = ${G_EXEC_SCORE}`, execScore, 10),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "政策培训人次 得分 12 of 10", ind[training].score, 12),
    num("score-over-weight", "经办业务差错率 (≤1%) 得分 10.5 of 10", ind[2].score, 10.5),
    put("grade-mismatch", `自评等级 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", `（${G.year - 1}年度） under the title of a ${G.year} form`, yearLine, String(G.year), String(G.year - 1)),
    txt("prose-pct-change", "比年初预算增加15.50万元，增长21.92% (12.92%)", actual, "增长12.92%", "增长21.92%"),
    txt("prose-vs-table", `实际完成情况 says 预算执行率95.10% (table ${execPct.toFixed(2)})`, actual, `预算执行率${execPct.toFixed(2)}%`, "预算执行率95.10%"),
    txt("prose-vs-table", "实际完成情况 says 全年执行151.31万元 (table 115.31)", actual, "全年执行115.31万元", "全年执行151.31万元"),
    txt("prose-vs-table", "实际完成情况 counts 10 三级指标 (table 9)", actual, "共设置三级指标9个", "共设置三级指标10个"),
    txt("prose-yuan", "实际完成情况 says 全年执行1153100元 beside the 万元 table", actual, "全年执行115.31万元", "全年执行1153100元"),
    txt("prose-yuan", "实际完成情况 says 全年预算135.50元 (the 万元 figure with 元)", actual, "全年预算135.50万元", "全年预算135.50元"),
    txt("prose-completion-rate", "完成32000份，超出年度目标2000份，完成率为116.67% (106.67%)", actual, "完成率为106.67%", "完成率为116.67%"),
    put("indicator-yuan-slip", "项目支出控制数 实际完成值 “1153100万元” (115.31 万元 in 元)", ind[cost].actual, "1153100万元"),
    put("reason-missing", "政策培训人次 not achieved (2700 of ≥3000), reason left empty", ind[training].reason, null),
  ];
  return { form: "project-percent", seed: "—", file: "project-percent", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ δ. 封面 + 填报说明 + a form in 元 + 自评报告 in 万元

const D = {
  year: 2024,
  unit: "某县市场监督管理局",
  total: [8650000.0, 9126400.0, 8893572.36] as Triple,
  general: [8450000.0, 8926400.0, 8701255.16] as Triple,
  other: [200000.0, 200000.0, 192317.2] as Triple,
  basic: [6120000.0, 6385600.0, 6342118.45] as Triple,
  personnel: [5300000.0, 5512000.0, 5498730.12] as Triple,
  publicUse: [820000.0, 873600.0, 843388.33] as Triple,
  project: [2530000.0, 2740800.0, 2551453.91] as Triple,
};
const D_EXEC_SCORE = round2(Math.min(D.total[2] / D.total[1], 1) * 10);
const D_ROWS: IndicatorRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "食品安全监督抽检批次", target: "≥1200批次", actual: "1286批次", weight: 10, score: 10 },
  { l1: "产出指标", l2: "数量指标", name: "特种设备定期检验覆盖率", target: "100%", actual: "98%", weight: 10, score: 9.8, reason: "2台锅炉停用未能按期检验，已督促使用单位启用前报检；下一步建立停用设备台账。" },
  { l1: "产出指标", l2: "质量指标", name: "抽检不合格产品核查处置率", target: "100%", actual: "100%", weight: 10, score: 10 },
  { l1: "产出指标", l2: "时效指标", name: "投诉举报按时办结率", target: "≥98%", actual: "99.2%", weight: 10, score: 10 },
  { l1: "产出指标", l2: "成本指标", name: "部门整体支出总成本", target: "≤912.64万元", actual: "889.36万元", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "市场主体年报公示率", target: "≥90%", actual: "91.5%", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "区域性食品安全事件发生数", target: "0起", actual: "0起", weight: 10, score: 10 },
  { l1: "效益指标", l2: "可持续影响指标", name: "监管长效机制健全性", target: "健全", actual: "部分达成年度指标", weight: 10, score: 7.5, reason: "智慧监管平台二期尚在建设；下一步年内完成验收并上线。" },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "94%", weight: 10, score: 10 },
];

export function deptYuanCoverCase(): FormCase {
  // 封面.
  const cv = new SheetWriter("封面");
  cv.width("A", 80);
  const coverTitle = cv.set("A3", `${D.year}年度部门整体支出绩效自评报告`, { bold: true, size: 20, center: true });
  cv.set("A6", `部门（单位）名称：${D.unit}`, { size: 14 });
  cv.set("A7", "评价方式：部门（单位）绩效自评", { size: 14 });
  cv.set("A8", "评价机构：部门（单位）评价组", { size: 14 });
  const coverDate = cv.set("A9", "报告日期：2025年3月18日", { size: 14 });
  cv.set("A12", "某县财政局（制）", { size: 14, center: true });

  // 填报说明: example amounts, rates, scores and other years — instructions, not the report.
  const ins = new SheetWriter("填报说明");
  ins.width("A", 110);
  ins.set("A1", "填报说明", { bold: true, size: 14, center: true });
  const insLines = [
    "一、本表金额单位为元，保留两位小数；执行率保留两位小数。",
    "二、全年预算数指年初预算数加年中追加、调整后的预算数。例如：年初预算1,000,000.00元，年中追加200,000.00元，全年预算数为1,200,000.00元，比年初预算增长20%。",
    "三、预算执行率＝全年执行数÷全年预算数×100%；预算执行率得分＝预算执行率×10分，最高10分。例如：全年预算1,200,000.00元，全年执行1,140,000.00元，执行率为95.00%，得分为9.50分。",
    "四、绩效指标分值合计90分，与预算执行率10分合计100分。定量指标完成值达到指标值的得满分，未达到的按完成值÷指标值×分值计分；定性指标按达成、部分达成、未达成分档计分。",
    "五、评价等次：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。",
    "六、2023年度已开展重点评价的部门，本年度自评结果与2023年度评价结论一并报送；请于2025年3月31日前报送县财政局。",
  ];
  const insRefs = insLines.map((t, k) => ins.text(`A${3 + k}`, t));

  // The form, in 元.
  const name = "部门整体支出绩效自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 16, 22, 16, 16, 16, 10, 8, 9, 24][i]));
  const title = w.merged("A1:J1", `部门整体支出绩效自评表（${D.year}年度）`, { bold: true, size: 16, center: true });
  w.merged("A2:F2", `部门（单位）名称：${D.unit}`);
  const unitLine = w.merged("G2:J2", "单位：元");
  w.merged("A3:C3", "项  目", { bold: true, center: true });
  ["年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"].forEach((h, i) => w.label(`${"DEFGHI"[i]}3`, h, { bold: true }));
  w.label("J3", "备注", { bold: true });
  const YUAN = "#,##0.00";
  const line = (r: number, label: string, v: Triple | null, head?: string): { refs: Ref[]; rate?: Ref } => {
    if (head) w.set(`A${r}`, head, { center: true });
    w.merged(`B${r}:C${r}`, label);
    if (!v) {
      ["D", "E", "F", "G"].forEach((c) => w.dash(`${c}${r}`));
      return { refs: [] };
    }
    const refs = [w.set(`D${r}`, v[0], { fmt: YUAN }), w.set(`E${r}`, v[1], { fmt: YUAN }), w.set(`F${r}`, v[2], { fmt: YUAN })];
    const rate = v[1] > 0 ? w.rate(`G${r}`, rate4(v[2], v[1])) : undefined;
    if (!rate) w.dash(`G${r}`);
    return { refs, rate };
  };
  const total = line(4, "年度资金总额", D.total);
  w.merged("A5:A7", "按收入性质分", { center: true });
  const general = line(5, "一般公共预算财政拨款", D.general);
  line(6, "政府性基金预算财政拨款", null);
  const other = line(7, "其他资金", D.other);
  w.merged("A8:A11", "按支出性质分", { center: true });
  const basic = line(8, "基本支出", D.basic);
  const personnel = line(9, "其中：人员经费", D.personnel);
  const publicUse = line(10, "      公用经费", D.publicUse);
  const project = line(11, "项目支出", D.project);
  const execWeight = w.set("H4", 10, { fmt: "0" });
  const execScore = w.set("I4", D_EXEC_SCORE, { fmt: MONEY });
  for (let r = 5; r <= 11; r++) ["H", "I"].forEach((c) => w.set(`${c}${r}`, "/", { center: true }));
  w.merged("A12:C12", "年度总体目标", { bold: true, center: true });
  w.merged("D12:J12", "强化食品、特种设备安全监管，优化营商环境，守住不发生区域性系统性安全风险底线。", { wrap: true });
  w.merged("A13:C13", "实际完成情况", { bold: true, center: true });
  w.merged("D13:J13", "详见自评报告。", { wrap: true });

  const head = 15;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"ABCDEFG"[i]}${head}`, h, { bold: true }));
  w.merged(`H${head}:J${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  mergeRuns(w, "A", top, D_ROWS.map((i) => i.l1));
  mergeRuns(w, "B", top, D_ROWS.map((i) => `${i.l1}/${i.l2}`), D_ROWS.map((i) => i.l2));
  const ind = D_ROWS.map((i, k) => {
    const r = top + k;
    w.set(`C${r}`, i.name);
    w.set(`D${r}`, i.target, { center: true });
    const act = w.set(`E${r}`, i.actual, { center: true });
    const weight = w.set(`F${r}`, i.weight, { fmt: "0" });
    const score = w.set(`G${r}`, i.score, { fmt: MONEY });
    const reason = w.merged(`H${r}:J${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  const tr = top + D_ROWS.length;
  const scoreTotalV = round2(D_EXEC_SCORE + D_ROWS.reduce((a, x) => a + x.score, 0));
  w.merged(`A${tr}:E${tr}`, "总  分", { bold: true, center: true });
  const weightTotal = w.set(`F${tr}`, 10 + D_ROWS.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`G${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`H${tr}:J${tr}`);
  w.merged(`A${tr + 1}:E${tr + 1}`, "评价等次", { bold: true, center: true });
  const grade = w.merged(`F${tr + 1}:J${tr + 1}`, gradeOf(scoreTotalV), { center: true });

  // The 自评报告, in 万元.
  const execPct = pct(rate4(D.total[2], D.total[1]));
  const rp = new SheetWriter("自评报告");
  rp.width("A", 110);
  const reportTitle = rp.set("A1", `${D.unit}${D.year}年度部门整体支出绩效自评报告`, { bold: true, size: 14, center: true });
  rp.text("A3", "一、部门基本情况。县市场监督管理局内设8个股室，下设5个市场监管所，承担全县市场主体登记、食品安全、特种设备安全、产品质量等监管职责。");
  const budgetPara = rp.text(
    "A4",
    `二、预算执行情况。${D.year}年年初预算865.00万元，年中追加47.64万元，全年预算912.64万元，比年初预算增长5.51%。全年执行889.36万元，预算执行率${execPct}。其中基本支出634.21万元，项目支出255.15万元。`,
  );
  const indPara = rp.text("A5", "三、绩效目标完成情况。全年完成食品安全监督抽检1286批次，超出年度目标86批次，完成率为107.17%。指标体系设置一级指标3个、三级指标9个，8个达到年度指标值。");
  const conclusion = rp.text("A6", `四、自评结论。经自评，本部门${D.year}年度部门整体支出绩效综合得分${scoreTotalV.toFixed(2)}分，评价等次为“${gradeOf(scoreTotalV)}”。`);

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total.refs[c], [general.refs[c], other.refs[c]], `年度资金总额 ${COLS[c]} = 按收入性质`));
    relations.push(sum(total.refs[c], [basic.refs[c], project.refs[c]], `年度资金总额 ${COLS[c]} = 基本 + 项目`));
    relations.push(sum(basic.refs[c], [personnel.refs[c], publicUse.refs[c]], `基本支出 ${COLS[c]} = 人员 + 公用`));
  }
  for (const [lbl, x] of [["总额", total], ["一般公共预算", general], ["其他资金", other], ["基本支出", basic], ["人员经费", personnel], ["公用经费", publicUse], ["项目支出", project]] as const) {
    relations.push({ kind: "rate", rate: x.rate!, num: x.refs[2], den: x.refs[1], decimals: 2, label: `${lbl} 执行率` });
  }
  relations.push({ kind: "execScore", score: execScore, num: total.refs[2], den: total.refs[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    ...insRefs.map((at, k) => ({ at, why: `填报说明 line ${k + 1}: example amounts, rates, scores or years, not the report's` })),
    { at: coverDate, why: "the cover's 报告日期 in the year after the evaluated year" },
    { at: unitLine, why: "“单位：元” above the table, no header naming a unit" },
    { at: total.refs[1], why: "amounts in 元 (9,126,400.00) beside a 自评报告 in 万元 (912.64万元)" },
    { at: ind[4].actual, why: "an indicator value in 万元 (889.36万元) where the table is in 元" },
    { at: ind[6].actual, why: "“0起” against “0起”: a zero target met" },
    { at: { sheet: name, a1: "D6" }, why: "“—” for a line with no money (政府性基金)" },
    { at: { sheet: name, a1: "H5" }, why: "“/” as the 分值 of a split line" },
    {
      at: { sheet: "自评报告", a1: "A3" },
      why: "the 自评报告's paragraphs in ONE cell, one per line (Alt+Enter)",
      plant: (b) => {
        const sheet = b.sheets.find((x) => x.name === "自评报告")!;
        const paras = ["A3", "A4", "A5", "A6"].map((a) => String(sheet.cells.get(a)?.v ?? ""));
        sheet.cells.set("A3", { v: paras.join("\n"), wrap: true });
        for (const a of ["A4", "A5", "A6"]) sheet.cells.delete(a);
      },
    },
  ];
  const satisfaction = D_ROWS.findIndex((x) => x.name === "特种设备定期检验覆盖率");
  const cost = D_ROWS.findIndex((x) => x.name === "部门整体支出总成本");
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 全年执行数 5,489,730.12 (基本 6,342,118.45 = 5,498,730.12 + 843,388.33)", personnel.refs[2], 5489730.12),
    num("part-not-footing", "其他资金 年初预算数 210,000.00 (8,650,000 − 8,450,000 = 200,000)", other.refs[0], 210000),
    num("yuan-in-part", "项目支出 全年预算数 274.08 (万元 typed in the 元 table)", project.refs[1], wan),
    num("yuan-in-total", "年度资金总额 全年执行数 889.36 (万元 typed in the 元 table)", total.refs[2], wan),
    num("total-wrong", "年度资金总额 全年预算数 9,226,400.00 (both splits say 9,126,400.00)", total.refs[1], 9226400),
    num("rate-wrong", `年度资金总额 执行率 95.45% (${execPct})`, total.rate!, 0.9545),
    num("exec-score-wrong", `执行率得分 10 (full marks) for ${execPct} of 10 = ${D_EXEC_SCORE}`, execScore, 10),
    num("exec-score-wrong", `执行率得分 ${(D_EXEC_SCORE + 0.01).toFixed(2)} (rounded up; ${execPct} of 10 = ${D_EXEC_SCORE})`, execScore, round2(D_EXEC_SCORE + 0.01)),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "特种设备定期检验覆盖率 得分 12 of 10", ind[satisfaction].score, 12),
    put("grade-mismatch", `评价等次 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", `title says ${D.year - 1}年度 (cover and report say ${D.year})`, title, `${D.year}年度`, `${D.year - 1}年度`),
    txt("title-year", `the cover says ${D.year - 1}年度 (form and report say ${D.year})`, coverTitle, `${D.year}年度`, `${D.year - 1}年度`),
    txt("title-year", `the 自评报告's title says ${D.year - 1}年度 (form says ${D.year})`, reportTitle, `${D.year}年度`, `${D.year - 1}年度`),
    txt("prose-pct-change", "追加47.64万元，比年初预算增长15.51% (5.51%)", budgetPara, "增长5.51%", "增长15.51%"),
    txt("title-year", `the 自评报告 says ${D.year - 1}年年初预算 (last year's paragraph kept)`, budgetPara, `${D.year}年年初预算`, `${D.year - 1}年年初预算`),
    txt("prose-vs-table", `自评报告 says 预算执行率95.45% (table ${execPct})`, budgetPara, `预算执行率${execPct}`, "预算执行率95.45%"),
    txt("prose-vs-table", "自评报告 says 项目支出265.15万元 (table 2,551,453.91元)", budgetPara, "项目支出255.15万元", "项目支出265.15万元"),
    txt("prose-vs-table", "自评报告 says 全年预算921.64万元 (table 9,126,400.00元)", budgetPara, "全年预算912.64万元", "全年预算921.64万元"),
    txt("prose-vs-table", `自评报告 says 综合得分95.04分 (table ${scoreTotalV})`, conclusion, `${scoreTotalV.toFixed(2)}分`, "95.04分"),
    txt("prose-vs-table", "自评报告 counts 10个三级指标 (table 9)", indPara, "三级指标9个", "三级指标10个"),
    txt("prose-yuan", "自评报告 says 全年执行8893572.36万元 (the table's 元 figure with 万元)", budgetPara, "全年执行889.36万元", "全年执行8893572.36万元"),
    txt("prose-yuan", "自评报告 says 基本支出634.21元 (万元 figure with 元)", budgetPara, "基本支出634.21万元", "基本支出634.21元"),
    txt("prose-completion-rate", "完成1286批次，超出年度目标86批次，完成率为117.17% (107.17%)", indPara, "完成率为107.17%", "完成率为117.17%"),
    put("indicator-yuan-slip", "部门整体支出总成本 实际完成值 “8893572.36万元” (the table's 元 with 万元)", ind[cost].actual, "8893572.36万元"),
    put("reason-missing", "特种设备定期检验覆盖率 not achieved (98% of 100%), reason left empty", ind[satisfaction].reason, null),
  ];
  return { form: "dept-yuan-cover", seed: "—", file: "dept-yuan-cover", book: { sheets: [cv.spec, ins.spec, w.spec, rp.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ ε. 项目汇总表 grouped by category, 综述 over many rows

interface GroupedProject {
  name: string;
  unit: string;
  budget: number;
  spent: number;
  score: number;
}
const E_GROUPS: { head: string; label: string; rows: GroupedProject[] }[] = [
  {
    head: "一、专项业务费",
    label: "专项业务费",
    rows: [
      { name: "医保基金监管专项经费", unit: "局机关", budget: 45.0, spent: 42.3, score: 95.4 },
      { name: "医保信息化建设运维经费", unit: "医保事务中心", budget: 60.0, spent: 60.0, score: 98.0 },
      { name: "异地就医结算经办经费", unit: "医保事务中心", budget: 18.5, spent: 15.2, score: 86.5 },
    ],
  },
  {
    head: "二、运转保障经费",
    label: "运转保障经费",
    rows: [
      { name: "办公楼物业管理费", unit: "局机关", budget: 32.0, spent: 32.0, score: 99.0 },
      { name: "公务用车运行维护费", unit: "局机关", budget: 8.6, spent: 7.95, score: 93.2 },
    ],
  },
  {
    head: "三、上级转移支付",
    label: "上级转移支付",
    rows: [
      { name: "医疗服务与保障能力提升补助资金", unit: "局机关", budget: 28.0, spent: 12.58, score: 78.5 },
      { name: "医疗救助能力建设补助", unit: "医保事务中心", budget: 15.0, spent: 15.0, score: 96.0 },
      { name: "疾病应急救助补助", unit: "医保事务中心", budget: 10.0, spent: 6.5, score: 84.3 },
    ],
  },
];

export function summaryGroupsCase(): FormCase {
  const name = "项目汇总表";
  const w = new SheetWriter(name);
  "ABCDEFGHI".split("").forEach((c, i) => w.width(c, [8, 34, 16, 12, 12, 12, 10, 10, 10][i]));
  const title = w.merged("A1:I1", "某市医疗保障局2023年度项目支出绩效自评汇总表", { bold: true, size: 16, center: true });
  w.merged("A2:F2", "填报单位：某市医疗保障局");
  w.merged("G2:I2", "单位：万元");
  ["序号", "项目名称", "实施单位", "预算数", "执行数", "结转结余", "执行率", "自评得分", "自评等级"].forEach((h, i) => w.label(`${"ABCDEFGHI"[i]}3`, h, { bold: true }));
  let r = 4;
  let n = 0;
  const rows: { budget: Ref; spent: Ref; carry: Ref; rate: Ref; score: Ref; grade: Ref }[] = [];
  const subs: { budget: Ref; spent: Ref; carry: Ref; rate: Ref; members: number[] }[] = [];
  for (const g of E_GROUPS) {
    w.merged(`A${r}:I${r}`, g.head, { bold: true });
    r++;
    const members: number[] = [];
    for (const p of g.rows) {
      w.set(`A${r}`, ++n, { center: true });
      w.set(`B${r}`, p.name);
      w.set(`C${r}`, p.unit, { center: true });
      const carry = round2(p.budget - p.spent);
      members.push(rows.length);
      rows.push({
        budget: w.money(`D${r}`, p.budget),
        spent: w.money(`E${r}`, p.spent),
        carry: w.money(`F${r}`, carry),
        rate: w.rate(`G${r}`, rate4(p.spent, p.budget)),
        score: w.set(`H${r}`, p.score, { fmt: MONEY }),
        grade: w.set(`I${r}`, gradeOf(p.score), { center: true }),
      });
      r++;
    }
    const b = round2(g.rows.reduce((a, p) => a + p.budget, 0));
    const s = round2(g.rows.reduce((a, p) => a + p.spent, 0));
    w.merged(`A${r}:C${r}`, "小计", { bold: true, center: true });
    subs.push({ budget: w.money(`D${r}`, b), spent: w.money(`E${r}`, s), carry: w.money(`F${r}`, round2(b - s)), rate: w.rate(`G${r}`, rate4(s, b)), members });
    w.dash(`H${r}`);
    w.dash(`I${r}`);
    r++;
  }
  const all = E_GROUPS.flatMap((g) => g.rows);
  const B = round2(all.reduce((a, p) => a + p.budget, 0));
  const Sp = round2(all.reduce((a, p) => a + p.spent, 0));
  w.merged(`A${r}:C${r}`, "合计", { bold: true, center: true });
  const total = { budget: w.money(`D${r}`, B), spent: w.money(`E${r}`, Sp), carry: w.money(`F${r}`, round2(B - Sp)), rate: w.rate(`G${r}`, rate4(Sp, B)) };
  w.dash(`H${r}`);
  w.dash(`I${r}`);
  const tr = r;
  w.merged(`A${tr + 1}:I${tr + 1}`, "填表人：张某　　审核人：李某　　填报日期：2024年3月12日");

  // 综述: one paragraph per row, headings merged A:H.
  const on = "综述";
  const p = new SheetWriter(on);
  "ABCDEFGH".split("").forEach((c) => p.width(c, 14));
  const proseTitle = p.merged("A1:H1", "某市医疗保障局2023年度项目支出绩效自评综述", { bold: true, size: 14, center: true });
  let pr = 3;
  const para = (text: string, heading = false): Ref => {
    const at = p.merged(`A${pr}:H${pr}`, text, heading ? { bold: true } : { wrap: true });
    pr++;
    return at;
  };
  const cnt = (grade: string): number => all.filter((x) => gradeOf(x.score) === grade).length;
  const subRate = (k: number): string => pct(rate4(round2(E_GROUPS[k].rows.reduce((a, x) => a + x.spent, 0)), round2(E_GROUPS[k].rows.reduce((a, x) => a + x.budget, 0))));
  para("一、项目总体情况", true);
  para("（一）项目设立及资金安排", true);
  const p1 = para("1.2023年度本局共实施预算项目8个，分为三类：专项业务费项目3个、运转保障经费项目2个、上级转移支付项目3个。");
  const p2 = para(`2.全年预算资金217.10万元，实际支出191.53万元，预算执行率${pct(rate4(Sp, B))}，实际支出比预算减少11.78%，结转结余25.57万元。`);
  const p2b = para(`3.全年预算执行率为${pct(rate4(Sp, B))}，比上年提高2.15个百分点。`);
  para("（二）分类资金执行情况", true);
  const p3 = para(`1.专项业务费预算123.50万元，支出117.50万元，执行率${subRate(0)}。`);
  const p4 = para(`2.运转保障经费预算40.60万元，支出39.95万元，执行率${subRate(1)}。`);
  const p5 = para(`3.上级转移支付预算53.00万元，支出34.08万元，执行率${subRate(2)}，主要是疾病应急救助补助按实际发生拨付，医疗服务与保障能力提升补助资金结余15.42万元结转下年使用。`);
  para("二、绩效自评结果", true);
  const p6 = para(`8个项目中，${cnt("优")}个项目自评为优，${cnt("良")}个项目自评为良，${cnt("中")}个项目自评为中。`);
  para("三、存在的问题", true);
  para("个别上级转移支付项目资金到位晚、支出进度慢，年末结转较多。");
  para("四、改进措施", true);
  para("加强项目前期论证和预算执行监控，按月通报支出进度，对执行率低于60%的项目约谈实施单位。");

  const relations: Relation[] = [];
  rows.forEach((x, k) => {
    relations.push(sum(x.budget, [x.spent, x.carry], `项目${k + 1} 预算数 = 执行数 + 结转结余`));
    relations.push({ kind: "rate", rate: x.rate, num: x.spent, den: x.budget, decimals: 2, label: `项目${k + 1} 执行率` });
  });
  subs.forEach((s, k) => {
    relations.push(sum(s.budget, s.members.map((m) => rows[m].budget), `小计${k + 1} 预算数 = Σ`));
    relations.push(sum(s.spent, s.members.map((m) => rows[m].spent), `小计${k + 1} 执行数 = Σ`));
    relations.push(sum(s.carry, s.members.map((m) => rows[m].carry), `小计${k + 1} 结转结余 = Σ`));
    relations.push(sum(s.budget, [s.spent, s.carry], `小计${k + 1} 预算数 = 执行数 + 结转结余`));
    relations.push({ kind: "rate", rate: s.rate, num: s.spent, den: s.budget, decimals: 2, label: `小计${k + 1} 执行率` });
  });
  relations.push(sum(total.budget, subs.map((s) => s.budget), "合计 预算数 = Σ 小计"));
  relations.push(sum(total.spent, subs.map((s) => s.spent), "合计 执行数 = Σ 小计"));
  relations.push(sum(total.carry, subs.map((s) => s.carry), "合计 结转结余 = Σ 小计"));
  relations.push(sum(total.budget, [total.spent, total.carry], "合计 预算数 = 执行数 + 结转结余"));
  relations.push({ kind: "rate", rate: total.rate, num: total.spent, den: total.budget, decimals: 2, label: "合计 执行率" });

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const traps: Trap[] = [
    { at: total.budget, why: "合计 = Σ 小计 (217.10), not Σ every row above it (434.20)" },
    { at: subs[0].budget, why: "a 小计 row after each category" },
    { at: S("A4"), why: "a category heading row “一、专项业务费” merged across the table" },
    { at: S(`H${tr}`), why: "“—” in the 合计 row's 自评得分" },
    { at: rows[5].grade, why: `中 for ${all[5].score}: a project that spent 44.93% rated honestly` },
    { at: p5, why: "a 结转 amount (15.42万元) that is one project's 结转结余, not a category's" },
    { at: p1, why: "category counts (3, 2, 3) that are the table's" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "异地就医结算经办经费 执行数 16.20 (its 结转 3.30 and 小计 117.50 say 15.20)", rows[2].spent, 16.2),
    num("part-not-footing", "公务用车运行维护费 结转结余 0.75 (8.60 − 7.95 = 0.65)", rows[4].carry, 0.75),
    num("part-not-footing", "医保基金监管专项经费 预算数 46.00 (its 执行率 94.00% and 结转 2.70 say 45.00)", rows[0].budget, 46),
    num("rate-wrong", `合计 执行率 83.22% (191.53/217.10 = ${pct(rate4(Sp, B))})`, total.rate, 0.8322),
    num("subtotal-over-parts", "二、运转保障经费 小计 预算数 41.60 over parts 40.60", subs[1].budget, 41.6),
    num("subtotal-over-parts", "三、上级转移支付 小计 执行数 35.08 over parts 34.08", subs[2].spent, 35.08),
    num("yuan-in-part", "医疗救助能力建设补助 预算数 150000 (15 万元 in 元)", rows[6].budget, yuan),
    num("yuan-in-part", "一、专项业务费 小计 执行数 1175000 (117.50 万元 in 元)", subs[0].spent, yuan),
    num("yuan-in-total", "合计 执行数 1915300 (191.53 万元 in 元)", total.spent, yuan),
    num("total-wrong", "合计 预算数 227.10 (Σ 小计 217.10)", total.budget, 227.1),
    num("summary-total", "合计 结转结余 26.57 (Σ 小计 25.57)", total.carry, 26.57),
    num("rate-wrong", "二、运转保障经费 小计 执行率 94.40% (39.95/40.60 = 98.40%)", subs[1].rate, 0.944),
    num("rate-wrong", "医疗服务与保障能力提升补助资金 执行率 54.93% (12.58/28 = 44.93%)", rows[5].rate, 0.5493),
    put("grade-mismatch", `医疗服务与保障能力提升补助资金 自评等级 良 for ${all[5].score}`, rows[5].grade, "良"),
    put("grade-mismatch", `异地就医结算经办经费 自评等级 优 for ${all[2].score}`, rows[2].grade, "优"),
    txt("title-year", "title says 2022年度 (the 综述 and table are 2023's)", title, "2023年度", "2022年度"),
    txt("title-year", "the 综述's title says 2022年度 (the table and the paragraphs say 2023)", proseTitle, "2023年度", "2022年度"),
    txt("prose-pct-change", "实际支出比预算减少21.78% (11.78%)", p2, "减少11.78%", "减少21.78%"),
    txt("prose-vs-table", `综述 says 预算执行率82.22% (table ${pct(rate4(Sp, B))})`, p2, `预算执行率${pct(rate4(Sp, B))}`, "预算执行率82.22%"),
    txt("prose-vs-table", "综述 says 实际支出197.53万元 (table 191.53)", p2, "实际支出191.53万元", "实际支出197.53万元"),
    txt("prose-vs-table", `综述's own paragraph says 全年预算执行率为82.28% (合计 ${pct(rate4(Sp, B))})`, p2b, `执行率为${pct(rate4(Sp, B))}`, "执行率为82.28%"),
    txt("prose-vs-table", "综述 counts 9 projects (table 8)", p1, "共实施预算项目8个", "共实施预算项目9个"),
    txt("prose-vs-table", "综述 says 专项业务费支出171.50万元 (小计 117.50)", p3, "支出117.50万元", "支出171.50万元"),
    txt("prose-vs-table", `综述 says 运转保障经费执行率89.40% (小计 ${subRate(1)})`, p4, `执行率${subRate(1)}`, "执行率89.40%"),
    txt("prose-vs-table", `综述 counts ${cnt("优") + 1} projects 优 (table ${cnt("优")})`, p6, `${cnt("优")}个项目自评为优`, `${cnt("优") + 1}个项目自评为优`),
    txt("prose-yuan", "综述 says 全年预算资金2171000元 beside the 万元 table", p2, "全年预算资金217.10万元", "全年预算资金2171000元"),
  ];
  return { form: "summary-groups", seed: "001", file: "summary-groups", book: { sheets: [w.spec, p.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ ζ. 指标内容, unscored qualitative rows, 合计 with the 执行率

const Z = {
  year: 2022,
  name: "基层医疗卫生机构服务能力提升项目",
  dept: "某县卫生健康局",
  unit: "某县基层卫生服务中心",
  total: [300.0, 280.0, 262.45] as Triple,
  fiscal: [260.0, 240.0, 226.45] as Triple,
  other: [40.0, 40.0, 36.0] as Triple,
};
const Z_EXEC_SCORE = round2(Math.min(Z.total[2] / Z.total[1], 1) * 10);
/** weight / score null: a qualitative row the form leaves unscored. */
const Z_ROWS: { l1: string; l2: string; name: string; target: string; actual: string; weight: number | null; score: number | null; reason?: string }[] = [
  { l1: "产出指标", l2: "数量指标", name: "培训基层医务人员", target: "≥500人次", actual: "460人次", weight: 10, score: 9.2, reason: "部分乡镇卫生院人员紧张，未能全员脱产参训；下一步采取线上线下结合方式补训。" },
  { l1: "产出指标", l2: "数量指标", name: "配置基本诊疗设备", target: "≥40台（套）", actual: "40台（套）", weight: 10, score: 10 },
  { l1: "产出指标", l2: "数量指标", name: "建设标准化村卫生室", target: "≥12个", actual: "6个", weight: 10, score: 5, reason: "6个村卫生室因用地手续未完成延期建设；下一步协调自然资源部门加快办理。" },
  { l1: "产出指标", l2: "质量指标", name: "设备验收合格率", target: "100%", actual: "100%", weight: 5, score: 5 },
  { l1: "产出指标", l2: "质量指标", name: "培训质量", target: "显著提升", actual: "有所提升", weight: null, score: null },
  { l1: "产出指标", l2: "时效指标", name: "项目完成时间", target: "2022年12月底前", actual: "2023年3月完成", weight: 10, score: 5, reason: "村卫生室建设延期，整体完工推迟至2023年3月；下一步提前办理前期手续。" },
  { l1: "产出指标", l2: "成本指标", name: "设备购置单价", target: "≤5万元/台", actual: "4.8万元/台", weight: 5, score: 5 },
  { l1: "效益指标", l2: "社会效益指标", name: "基层首诊率", target: "≥60%", actual: "55%", weight: 15, score: 13.75, reason: "群众就医习惯仍倾向县级医院；下一步加强家庭医生签约服务引导。" },
  { l1: "效益指标", l2: "社会效益指标", name: "群众就医便利度", target: "明显改善", actual: "达到预期", weight: null, score: null },
  { l1: "效益指标", l2: "可持续影响指标", name: "基层服务能力长效机制", target: "建立", actual: "已建立", weight: 15, score: 15 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "就诊患者满意度", target: "≥85%", actual: "88%", weight: 10, score: 10 },
];

export function projectQualitativeCase(): FormCase {
  const name = "自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHI".split("").forEach((c, i) => w.width(c, [12, 14, 22, 14, 14, 12, 8, 9, 26][i]));
  const title = w.merged("A1:I1", `${Z.year}年度项目支出绩效自评表`, { bold: true, size: 16, center: true });
  w.merged("A2:E2", `填报单位（盖章）：${Z.unit}`);
  w.merged("F2:I2", "金额单位：万元");
  w.merged("A3:B3", "项目名称", { bold: true, center: true });
  w.merged("C3:I3", Z.name);
  w.merged("A4:B4", "主管部门", { bold: true, center: true });
  w.merged("C4:D4", Z.dept);
  w.merged("E4:F4", "实施单位", { bold: true, center: true });
  w.merged("G4:I4", Z.unit);
  w.merged("A5:B8", "项目资金（万元）", { bold: true, center: true });
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"DEFGHI"[i]}5`, h, { bold: true }));
  const fund = (r: number, label: string, v: Triple): Ref[] => {
    w.set(`C${r}`, label, { center: true });
    return [w.money(`D${r}`, v[0]), w.money(`E${r}`, v[1]), w.money(`F${r}`, v[2])];
  };
  const total = fund(6, "年度资金总额", Z.total);
  const fiscal = fund(7, "其中：财政拨款", Z.fiscal);
  const other = fund(8, "其他资金", Z.other);
  const execWeight = w.set("G6", 10, { fmt: "0" });
  const execRate = w.rate("H6", rate4(Z.total[2], Z.total[1]));
  const execScore = w.set("I6", Z_EXEC_SCORE, { fmt: MONEY });
  for (const r of [7, 8]) ["G", "H", "I"].forEach((c) => w.dash(`${c}${r}`));
  const execPct = pct(rate4(Z.total[2], Z.total[1]));
  w.merged("A9:A10", "年度总体目标", { bold: true, center: true });
  w.merged("B9:E9", "预期目标", { bold: true, center: true });
  w.merged("F9:I9", "实际完成情况", { bold: true, center: true });
  w.merged("B10:E10", "培训基层医务人员500人次以上，配置基本诊疗设备40台（套），建设标准化村卫生室12个，基层首诊率达到60%。", { wrap: true });
  const actual = w.merged(
    "F10:I10",
    `${Z.year}年全年预算280.00万元，比年初预算减少20.00万元，下降6.67%；全年执行262.45万元，预算执行率${execPct}。培训基层医务人员460人次，比年度目标少40人次，完成率为92%；配置基本诊疗设备40台（套），建成标准化村卫生室6个。共设置三级指标11个，其中定性指标2个未赋分。`,
    { wrap: true },
  );
  const head = 11;
  ["一级指标", "二级指标", "指标内容", "指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"ABCDEFG"[i]}${head}`, h, { bold: true }));
  w.merged(`H${head}:I${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  mergeRuns(w, "A", top, Z_ROWS.map((i) => i.l1));
  mergeRuns(w, "B", top, Z_ROWS.map((i) => `${i.l1}/${i.l2}`), Z_ROWS.map((i) => i.l2));
  const ind = Z_ROWS.map((i, k) => {
    const r = top + k;
    w.set(`C${r}`, i.name);
    w.set(`D${r}`, i.target, { center: true });
    const act = w.set(`E${r}`, i.actual, { center: true });
    const weight = i.weight === null ? undefined : w.set(`F${r}`, i.weight, { fmt: "0" });
    const score = i.score === null ? undefined : w.set(`G${r}`, i.score, { fmt: MONEY });
    const reason = w.merged(`H${r}:I${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  const scored = ind.filter((i): i is { weight: Ref; score: Ref; actual: Ref; reason: Ref } => !!i.weight && !!i.score);
  const tr = top + Z_ROWS.length;
  const scoreTotalV = round2(Z_EXEC_SCORE + Z_ROWS.reduce((a, x) => a + (x.score ?? 0), 0));
  w.merged(`A${tr}:E${tr}`, "合计", { bold: true, center: true });
  const weightTotal = w.set(`F${tr}`, 10 + Z_ROWS.reduce((a, x) => a + (x.weight ?? 0), 0), { fmt: "0" });
  const scoreTotal = w.set(`G${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`H${tr}:I${tr}`);
  w.merged(`A${tr + 1}:E${tr + 1}`, "自评结论（等级）", { bold: true, center: true });
  const grade = w.merged(`F${tr + 1}:I${tr + 1}`, gradeOf(scoreTotalV), { center: true });
  const note = w.merged(`A${tr + 2}:I${tr + 2}`, "说明：合计分值含预算执行率分值10分；定性指标未赋分的，只填写完成情况。", { wrap: true });
  w.merged(`A${tr + 3}:D${tr + 3}`, "填表人：赵某");
  // The date typed as a date (Excel's serial 45022 = 2023-04-06, shown 2023年4月6日), beside its label.
  w.merged(`E${tr + 3}:F${tr + 3}`, "填报日期", { center: true });
  const filed = w.merged(`G${tr + 3}:I${tr + 3}`, 45022, { fmt: 'yyyy"年"m"月"d"日"', center: true });

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(total[c], [fiscal[c], other[c]], `年度资金总额 ${COLS[c]} = 财政拨款 + 其他资金`));
  relations.push({ kind: "rate", rate: execRate, num: total[2], den: total[1], decimals: 2, label: "执行率" });
  relations.push({ kind: "execScore", score: execScore, num: total[2], den: total[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...scored.map((i) => i.weight)], "合计 分值 = 10 + Σ"));
  relations.push(sum(scoreTotal, [execScore, ...scored.map((i) => i.score)], "合计 得分 = 执行率得分 + Σ"));
  scored.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const quality = Z_ROWS.findIndex((x) => x.name === "培训质量");
  const timely = Z_ROWS.findIndex((x) => x.name === "项目完成时间");
  const clinics = Z_ROWS.findIndex((x) => x.name === "建设标准化村卫生室");
  const firstVisit = Z_ROWS.findIndex((x) => x.name === "基层首诊率");
  const traps: Trap[] = [
    { at: S(`F${top + quality}`), why: "a qualitative 三级 row left unscored (分值 and 得分 blank)" },
    { at: S(`G${top + Z_ROWS.findIndex((x) => x.name === "群众就医便利度")}`), why: "a second unscored qualitative row" },
    { at: ind[timely].actual, why: "a 时效 indicator valued by dates (2022年12月底前 / 2023年3月完成), scored by judgement" },
    { at: weightTotal, why: "合计 分值 100 including the 预算执行率's 10" },
    { at: scoreTotal, why: "合计 得分 including the 执行率得分 from the funds block" },
    { at: ind[Z_ROWS.findIndex((x) => x.name === "基层服务能力长效机制")].actual, why: "“已建立” as a qualitative actual" },
    { at: note, why: "a 说明 row under the table" },
    { at: filed, why: "填报日期 typed as a date (a serial number shown 2023年4月6日), in the year after the evaluated year" },
    { at: S("A12"), why: "一级指标 merged down seven rows" },
    { at: total[1], why: "全年预算数 below the 年初预算数 (a 调减)" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：财政拨款 全年执行数 236.45 (总额 262.45 = 226.45 + 36.00)", fiscal[2], 236.45),
    num("part-not-footing", "其他资金 全年预算数 45 (280 − 240 = 40)", other[1], 45),
    num("yuan-in-part", "其他资金 全年执行数 360000 (36 万元 in 元)", other[2], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 2624500 (262.45 万元 in 元)", total[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 290 (Σ 280)", total[1], 290),
    num("rate-wrong", `执行率 97.73% for 262.45/280 = ${execPct}`, execRate, 0.9773),
    num("exec-score-wrong", `执行率得分 10 (full marks) for ${execPct} of 10 = ${Z_EXEC_SCORE}`, execScore, 10),
    num("weights-total", "合计 分值 90 (the 执行率's 10 left out) over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "建设标准化村卫生室 得分 12 of 10", ind[clinics].score!, 12),
    num("score-over-weight", "基层首诊率 得分 15.5 of 15", ind[firstVisit].score!, 15.5),
    put("grade-mismatch", `自评结论（等级） 优 for ${scoreTotalV}`, grade, "优"),
    put("grade-mismatch", `自评结论（等级） 中 for ${scoreTotalV}`, grade, "中"),
    txt("title-year", `title says ${Z.year + 1}年度 (the year filed, not evaluated)`, title, `${Z.year}年度`, `${Z.year + 1}年度`),
    txt("prose-pct-change", "比年初预算减少20.00万元，下降16.67% (6.67%)", actual, "下降6.67%", "下降16.67%"),
    txt("prose-vs-table", `实际完成情况 says 预算执行率97.73% (table ${execPct})`, actual, `预算执行率${execPct}`, "预算执行率97.73%"),
    txt("prose-vs-table", "实际完成情况 says 全年执行226.45万元 (table 262.45)", actual, "全年执行262.45万元", "全年执行226.45万元"),
    txt("prose-vs-table", "实际完成情况 counts 12 三级指标 (table 11)", actual, "共设置三级指标11个", "共设置三级指标12个"),
    txt("prose-yuan", "实际完成情况 says 全年执行2624500元 beside the 万元 table", actual, "全年执行262.45万元", "全年执行2624500元"),
    txt("prose-yuan", "实际完成情况 says 全年预算280.00元 (the 万元 figure with 元)", actual, "全年预算280.00万元", "全年预算280.00元"),
    txt("prose-completion-rate", "培训460人次，比年度目标少40人次，完成率为96% (92%)", actual, "完成率为92%", "完成率为96%"),
    put("reason-missing", "建设标准化村卫生室 not achieved (6 of ≥12个), reason left empty", ind[clinics].reason, null),
    put("reason-missing", "基层首诊率 not achieved (55% of ≥60%), reason left empty", ind[firstVisit].reason, null),
    put("reason-missing", "项目完成时间 done after its deadline (2023年3月 for 2022年12月底前), reason left empty", ind[timely].reason, null),
  ];
  return { form: "project-qualitative", seed: "—", file: "project-qualitative", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ η. category rows that carry the subtotals, 合计 on top

const H_GROUPS: { no: string; name: string; rows: GroupedProject[] }[] = [
  {
    no: "一",
    name: "公共卫生服务类",
    rows: [
      { name: "基本公共卫生服务补助", unit: "疾控股", budget: 320.0, spent: 318.4, score: 96.5 },
      { name: "重大传染病防控经费", unit: "疾控股", budget: 85.0, spent: 76.5, score: 88.0 },
      { name: "妇幼健康服务项目", unit: "妇幼股", budget: 42.0, spent: 42.0, score: 98.0 },
    ],
  },
  {
    no: "二",
    name: "医疗服务能力建设类",
    rows: [
      { name: "乡镇卫生院设备购置", unit: "医政股", budget: 150.0, spent: 128.6, score: 83.6 },
      { name: "县级医院重点专科建设", unit: "医政股", budget: 60.0, spent: 60.0, score: 95.0 },
    ],
  },
  {
    no: "三",
    name: "卫生健康管理类",
    rows: [
      { name: "卫生监督执法经费", unit: "监督所", budget: 18.0, spent: 16.2, score: 91.2 },
      { name: "健康教育宣传经费", unit: "健教所", budget: 12.0, spent: 11.85, score: 94.5 },
    ],
  },
];

export function summaryHeadsCase(): FormCase {
  const name = "项目自评结果汇总";
  const w = new SheetWriter(name);
  "ABCDEFGH".split("").forEach((c, i) => w.width(c, [7, 30, 12, 14, 14, 11, 11, 11][i]));
  const title = w.merged("A1:H1", "某县卫生健康局2023年度项目支出绩效自评结果汇总表", { bold: true, size: 16, center: true });
  w.merged("A2:E2", "编制单位：某县卫生健康局");
  w.merged("F2:H2", "单位：万元");
  ["序号", "项目名称", "主管股室", "全年预算数", "全年执行数", "执行率", "自评得分", "评价等次"].forEach((h, i) => w.label(`${"ABCDEFGH"[i]}3`, h, { bold: true }));
  const all = H_GROUPS.flatMap((g) => g.rows);
  const B = round2(all.reduce((a, p) => a + p.budget, 0));
  const Sp = round2(all.reduce((a, p) => a + p.spent, 0));
  // 合计 first, then each category's row carrying its subtotal, then its projects.
  w.merged("A4:C4", "合计", { bold: true, center: true });
  const total = { budget: w.money("D4", B), spent: w.money("E4", Sp), rate: w.rate("F4", rate4(Sp, B)) };
  w.dash("G4");
  w.dash("H4");
  let r = 5;
  let n = 0;
  const rows: { budget: Ref; spent: Ref; rate: Ref; score: Ref; grade: Ref }[] = [];
  const heads: { budget: Ref; spent: Ref; rate: Ref; members: number[] }[] = [];
  for (const g of H_GROUPS) {
    const b = round2(g.rows.reduce((a, p) => a + p.budget, 0));
    const s = round2(g.rows.reduce((a, p) => a + p.spent, 0));
    w.set(`A${r}`, g.no, { center: true, bold: true });
    w.set(`B${r}`, g.name, { bold: true });
    const head = { budget: w.money(`D${r}`, b), spent: w.money(`E${r}`, s), rate: w.rate(`F${r}`, rate4(s, b)), members: [] as number[] };
    w.dash(`G${r}`);
    w.dash(`H${r}`);
    heads.push(head);
    r++;
    for (const p of g.rows) {
      w.set(`A${r}`, ++n, { center: true });
      w.set(`B${r}`, p.name);
      w.set(`C${r}`, p.unit, { center: true });
      head.members.push(rows.length);
      rows.push({ budget: w.money(`D${r}`, p.budget), spent: w.money(`E${r}`, p.spent), rate: w.rate(`F${r}`, rate4(p.spent, p.budget)), score: w.set(`G${r}`, p.score, { fmt: MONEY }), grade: w.set(`H${r}`, gradeOf(p.score), { center: true }) });
      r++;
    }
  }
  const cnt = (grade: string): number => all.filter((x) => gradeOf(x.score) === grade).length;
  const conclusionText = `自评结论：2023年度共实施项目7个，全年预算687.00万元，执行653.55万元，预算执行率${pct(rate4(Sp, B))}。其中公共卫生服务类项目预算447.00万元，执行436.90万元；医疗服务能力建设类项目执行188.60万元，执行率${pct(rate4(188.6, 210))}。${cnt("优")}个项目自评为优，${cnt("良")}个项目自评为良。`;
  const conclusion = w.merged(`A${r + 1}:H${r + 1}`, conclusionText, { wrap: true });
  w.merged(`A${r + 2}:H${r + 2}`, "填表人：孙某　　联系电话：0000-1234567　　填报日期：2024年3月5日");

  const relations: Relation[] = [];
  rows.forEach((x, k) => relations.push({ kind: "rate", rate: x.rate, num: x.spent, den: x.budget, decimals: 2, label: `项目${k + 1} 执行率` }));
  heads.forEach((h, k) => {
    relations.push(sum(h.budget, h.members.map((m) => rows[m].budget), `类${k + 1} 预算数 = Σ`));
    relations.push(sum(h.spent, h.members.map((m) => rows[m].spent), `类${k + 1} 执行数 = Σ`));
    relations.push({ kind: "rate", rate: h.rate, num: h.spent, den: h.budget, decimals: 2, label: `类${k + 1} 执行率` });
  });
  relations.push(sum(total.budget, heads.map((h) => h.budget), "合计 预算数 = Σ 类"));
  relations.push(sum(total.spent, heads.map((h) => h.spent), "合计 执行数 = Σ 类"));
  relations.push({ kind: "rate", rate: total.rate, num: total.spent, den: total.budget, decimals: 2, label: "合计 执行率" });

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const traps: Trap[] = [
    { at: total.budget, why: "合计 on top = Σ the category rows (687.00), not Σ every row under it (1374.00)" },
    { at: heads[0].budget, why: "a category row “一 | 公共卫生服务类” carrying its projects' subtotal, no word 小计" },
    { at: S("A5"), why: "序号 一、二、三 for categories, 1–7 for projects" },
    { at: conclusion, why: "项目7个 (the projects, not the 10 rows), a category's figures in the conclusion" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "重大传染病防控经费 执行数 86.50 (its 执行率 90.00% and its category 436.90 say 76.50)", rows[1].spent, 86.5),
    num("subtotal-over-parts", "二、医疗服务能力建设类 预算数 220.00 over its projects' 210.00", heads[1].budget, 220),
    num("subtotal-over-parts", "一、公共卫生服务类 执行数 446.90 over its projects' 436.90", heads[0].spent, 446.9),
    num("yuan-in-part", "县级医院重点专科建设 预算数 600000 (60 万元 in 元)", rows[4].budget, yuan),
    num("yuan-in-total", "合计 执行数 6535500 (653.55 万元 in 元)", total.spent, yuan),
    num("total-wrong", "合计 预算数 697.00 (Σ categories 687.00)", total.budget, 697),
    num("summary-total", "合计 执行数 663.55 (Σ categories 653.55)", total.spent, 663.55),
    num("rate-wrong", "三、卫生健康管理类 执行率 83.50% (28.05/30 = 93.50%)", heads[2].rate, 0.835),
    num("rate-wrong", "乡镇卫生院设备购置 执行率 95.73% (128.60/150 = 85.73%)", rows[3].rate, 0.9573),
    put("grade-mismatch", `乡镇卫生院设备购置 评价等次 优 for ${all[3].score}`, rows[3].grade, "优"),
    put("grade-mismatch", `重大传染病防控经费 评价等次 优 for ${all[1].score}`, rows[1].grade, "优"),
    num("rate-wrong", `合计 执行率 93.13% (653.55/687 = ${pct(rate4(Sp, B))})`, total.rate, 0.9313),
    txt("title-year", "title says 2022年度 (the conclusion and the date say 2023)", title, "2023年度", "2022年度"),
    txt("prose-vs-table", "自评结论 counts 10 projects (the table lists 7 under 3 categories)", conclusion, "共实施项目7个", "共实施项目10个"),
    txt("prose-vs-table", "自评结论 says 执行635.55万元 (合计 653.55)", conclusion, "执行653.55万元", "执行635.55万元"),
    txt("prose-vs-table", `自评结论 says 预算执行率91.13% (合计 ${pct(rate4(Sp, B))})`, conclusion, `预算执行率${pct(rate4(Sp, B))}`, "预算执行率91.13%"),
    txt("prose-vs-table", "自评结论 says 公共卫生服务类项目预算474.00万元 (its row 447.00)", conclusion, "项目预算447.00万元", "项目预算474.00万元"),
    txt("prose-vs-table", `自评结论 counts ${cnt("良") + 1} projects 良 (table ${cnt("良")})`, conclusion, `${cnt("良")}个项目自评为良`, `${cnt("良") + 1}个项目自评为良`),
    txt("prose-yuan", "自评结论 says 全年预算6870000元 beside the 万元 table", conclusion, "全年预算687.00万元", "全年预算6870000元"),
  ];
  return { form: "summary-heads", seed: "—", file: "summary-heads", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ θ. 一般公共预算财政拨款支出决算表 by 类 / 款 / 项

/**
 * Seed 003's 2020 spending by 功能分类 (its 三、具体情况), consistent to the cent: 类 = Σ 款, 款 = Σ 项, each
 * row 小计 = 基本支出 + 项目支出, 合计 = Σ 类 (848.75 = 基本 442.18 + 项目 406.57). Invented: 行政运行 281.43
 * (the seed's 313, so that 卫生健康's 基本支出 is its 349.44) and 医疗保障经办事务 180.57 (the seed's 149).
 */
const T_LINES: { code: string; name: string; basic: number; project: number }[] = [
  { code: "208", name: "社会保障和就业支出", basic: 67.78, project: 0 },
  { code: "20801", name: "人力资源和社会保障管理事务", basic: 31.57, project: 0 },
  { code: "2080109", name: "社会保险经办机构", basic: 31.57, project: 0 },
  { code: "20805", name: "行政事业单位养老支出", basic: 36.21, project: 0 },
  { code: "2080502", name: "事业单位离退休", basic: 2.94, project: 0 },
  { code: "2080505", name: "机关事业单位基本养老保险缴费支出", basic: 33.27, project: 0 },
  { code: "210", name: "卫生健康支出", basic: 349.44, project: 406.57 },
  { code: "21011", name: "行政事业单位医疗", basic: 68.01, project: 0 },
  { code: "2101101", name: "行政单位医疗", basic: 64.17, project: 0 },
  { code: "2101103", name: "公务员医疗补助", basic: 3.84, project: 0 },
  { code: "21015", name: "医疗保障管理事务", basic: 281.43, project: 406.57 },
  { code: "2101501", name: "行政运行", basic: 281.43, project: 0 },
  { code: "2101502", name: "一般行政管理事务", basic: 0, project: 90.0 },
  { code: "2101504", name: "医疗保障政策管理", basic: 0, project: 10.0 },
  { code: "2101506", name: "医疗保障经办事务", basic: 0, project: 180.57 },
  { code: "2101599", name: "其他医疗保障管理事务支出", basic: 0, project: 126.0 },
  { code: "221", name: "住房保障支出", basic: 24.96, project: 0 },
  { code: "22102", name: "住房改革支出", basic: 24.96, project: 0 },
  { code: "2210201", name: "住房公积金", basic: 24.96, project: 0 },
];

export function finalClassesCase(): FormCase {
  const name = "一般公共预算财政拨款支出决算表";
  const w = new SheetWriter(name);
  "ABCDE".split("").forEach((c, i) => w.width(c, [12, 34, 14, 14, 14][i]));
  w.merged("A1:E1", "一般公共预算财政拨款支出决算表", { bold: true, size: 16, center: true });
  w.set("E2", "公开05表");
  w.merged("A3:C3", "部门：宣汉县医疗保障局");
  const yearLine = w.set("D3", "2020年度", { center: true });
  w.set("E3", "金额单位：万元");
  // The 公开 header: 项目 (科目编码 | 科目名称) beside 本年支出 (小计 | 基本支出 | 项目支出).
  w.merged("A4:B4", "项目", { bold: true, center: true });
  w.merged("C4:E4", "本年支出", { bold: true, center: true });
  w.label("A5", "科目编码", { bold: true });
  w.label("B5", "科目名称", { bold: true });
  ["小计", "基本支出", "项目支出"].forEach((h, i) => w.label(`${"CDE"[i]}5`, h, { bold: true }));
  const basicTotal = round2(T_LINES.filter((l) => l.code.length === 3).reduce((a, l) => a + l.basic, 0));
  const projectTotal = round2(T_LINES.filter((l) => l.code.length === 3).reduce((a, l) => a + l.project, 0));
  w.merged("A6:B6", "合计", { bold: true, center: true });
  const total = [w.money("C6", round2(basicTotal + projectTotal)), w.money("D6", basicTotal), w.money("E6", projectTotal)];
  const lines = T_LINES.map((l, k) => {
    const r = 7 + k;
    w.set(`A${r}`, l.code);
    w.set(`B${r}`, l.name);
    return { code: l.code, cells: [w.money(`C${r}`, round2(l.basic + l.project)), w.money(`D${r}`, l.basic), w.money(`E${r}`, l.project)] };
  });
  const noteRow = 7 + T_LINES.length;
  const note = w.merged(`A${noteRow}:E${noteRow}`, "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。", { wrap: true });

  // The 决算说明, one paragraph per row.
  const p = new SheetWriter("决算说明");
  p.width("A", 110);
  p.set("A1", "宣汉县医疗保障局2020年度部门决算情况说明", { bold: true, size: 14, center: true });
  p.text("A3", "五、一般公共预算财政拨款支出决算情况说明");
  const p1 = p.text("A4", "（一）一般公共预算财政拨款支出决算总体情况：2020年一般公共预算财政拨款支出848.75万元，占本年支出合计的100%。与2019年相比，减少4848.67万元，减少85.1%。减少原因是2019年收支包括对贫困人口的医保代缴，而2020年未纳入部门决算支出。");
  const p2 = p.text("A5", "（二）一般公共预算财政拨款支出决算结构情况：2020年一般公共预算财政拨款支出848.75万元，主要用于以下方面：社会保障和就业（类）支出67.78万元，占7.99%；卫生健康（类）支出756.01万元，占89.07%；住房保障（类）支出24.96万元，占2.94%。");
  const p3 = p.text(
    "A6",
    "（三）一般公共预算财政拨款支出决算具体情况：1.社会保障和就业（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）：支出决算为31.57万元；行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为33.27万元。2.卫生健康（类）医疗保障管理事务（款）：支出决算为688.00万元，其中行政运行（项）281.43万元。3.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为24.96万元。",
  );
  const p4 = p.text("A7", "六、一般公共预算财政拨款基本支出决算情况说明：2020年一般公共预算财政拨款基本支出442.18万元，占52.10%；项目支出406.57万元，占47.90%。");

  const relations: Relation[] = [];
  const COLS3 = ["小计", "基本支出", "项目支出"];
  const children = (code: string): typeof lines => lines.filter((l) => l.code.length === code.length + 2 && l.code.startsWith(code));
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total[c], lines.filter((l) => l.code.length === 3).map((l) => l.cells[c]), `合计 ${COLS3[c]} = Σ 类`));
    for (const l of lines) {
      const kids = children(l.code);
      if (kids.length) relations.push(sum(l.cells[c], kids.map((x) => x.cells[c]), `${l.code} ${COLS3[c]} = Σ`));
    }
  }
  relations.push(sum(total[0], [total[1], total[2]], "合计 小计 = 基本 + 项目"));
  lines.forEach((l) => relations.push(sum(l.cells[0], [l.cells[1], l.cells[2]], `${l.code} 小计 = 基本 + 项目`)));

  const at = (code: string): (typeof lines)[number] => lines.find((l) => l.code === code)!;
  const traps: Trap[] = [
    { at: total[0], why: "合计 on top = Σ 类 (848.75), not Σ every 类, 款 and 项 row (2546.25)" },
    { at: at("21015").cells[0], why: "a 款 row = Σ its 项 rows (688.00)" },
    { at: { sheet: name, a1: "C5" }, why: "“小计” heading the 本年支出 total column (not 基本支出's 小计)" },
    { at: at("2101502").cells[1], why: "0 in 基本支出 of a 项目 line" },
    { at: p2, why: "shares of the 类 (占7.99% …) that are the table's" },
    { at: note, why: "a 注 row under the table" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "2101506 医疗保障经办事务 项目支出 190.57 (款 406.57 = 90 + 10 + 180.57 + 126; its 小计 180.57)", at("2101506").cells[2], 190.57),
    num("part-not-footing", "2080505 机关事业单位基本养老保险缴费支出 小计 34.27 (its 基本支出 33.27; 款 36.21)", at("2080505").cells[0], 34.27),
    num("subtotal-over-parts", "21015 医疗保障管理事务 小计 698.00 over its 项 688.00", at("21015").cells[0], 698),
    num("subtotal-over-parts", "208 社会保障和就业支出 基本支出 68.78 over its 款 67.78", at("208").cells[1], 68.78),
    num("yuan-in-part", "2210201 住房公积金 小计 249600 (24.96 万元 in 元)", at("2210201").cells[0], yuan),
    num("yuan-in-part", "21011 行政事业单位医疗 基本支出 680100 (68.01 万元 in 元)", at("21011").cells[1], yuan),
    num("subtotal-over-parts", "210 卫生健康支出 项目支出 416.57 over its 款 406.57", at("210").cells[2], 416.57),
    num("yuan-in-total", "合计 小计 8487500 (848.75 万元 in 元)", total[0], yuan),
    num("total-wrong", "合计 基本支出 452.18 (Σ 类 442.18)", total[1], 452.18),
    txt("title-year", "the year line says 2019年度 (the 决算说明 is 2020's)", yearLine, "2020", "2019"),
    txt("prose-pct-change", "与2019年相比，减少4848.67万元，减少185.1% (seed 003's own mistake; 85.1%)", p1, "减少85.1%", "减少185.1%"),
    txt("prose-pct-change", "与2019年相比，减少4848.67万元，减少58.1% (85.1%)", p1, "减少85.1%", "减少58.1%"),
    txt("prose-vs-table", "卫生健康（类）支出765.01万元 (table 756.01)", p2, "卫生健康（类）支出756.01万元", "卫生健康（类）支出765.01万元"),
    txt("prose-vs-table", "社会保障和就业（类）…占9.79% (67.78 ÷ 848.75 = 7.99%)", p2, "占7.99%", "占9.79%"),
    txt("prose-vs-table", "行政运行（项）218.43万元 (table 281.43)", p3, "行政运行（项）281.43万元", "行政运行（项）218.43万元"),
    txt("prose-vs-table", "医疗保障管理事务（款）：支出决算为668.00万元 (table 688.00)", p3, "支出决算为688.00万元", "支出决算为668.00万元"),
    txt("prose-vs-table", "基本支出442.18万元，占55.10% (52.10%)", p4, "占52.10%", "占55.10%"),
    txt("prose-vs-table", "基本支出424.18万元 (table 442.18)", p4, "基本支出442.18万元", "基本支出424.18万元"),
    txt("prose-yuan", "住房公积金（项）：支出决算为249600元 beside the 万元 table", p3, "支出决算为24.96万元", "支出决算为249600元"),
  ];
  return { form: "final-classes", seed: "003", file: "final-classes", book: { sheets: [w.spec, p.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ ι. the score summary written across (分值 / 得分 rows)

const I = {
  year: 2023,
  unit: "某县教育体育局",
  total: [5200.0, 5486.6, 5327.15] as Triple,
  general: [4900.0, 5186.6, 5041.35] as Triple,
  govFund: [300.0, 300.0, 285.8] as Triple,
  basic: [3800.0, 3916.4, 3905.72] as Triple,
  personnel: [3420.0, 3521.9, 3518.66] as Triple,
  publicUse: [380.0, 394.5, 387.06] as Triple,
  project: [1400.0, 1570.2, 1421.43] as Triple,
};
const I_EXEC_SCORE = round2(Math.min(I.total[2] / I.total[1], 1) * 10);
const I_ROWS: IndicatorRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "义务教育巩固率", target: "≥99%", actual: "99.3%", weight: 10, score: 10 },
  { l1: "产出指标", l2: "数量指标", name: "校舍维修改造面积", target: "≥12000平方米", actual: "10800平方米", weight: 10, score: 9, reason: "2所学校维修工程因雨季延期至次年春季；下一步合理安排工期。" },
  { l1: "产出指标", l2: "质量指标", name: "教师培训合格率", target: "≥95%", actual: "97%", weight: 10, score: 10 },
  { l1: "产出指标", l2: "时效指标", name: "学生资助资金发放及时率", target: "100%", actual: "100%", weight: 10, score: 10 },
  { l1: "产出指标", l2: "成本指标", name: "生均公用经费标准", target: "=720元/生", actual: "720元/生", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "适龄儿童入学率", target: "100%", actual: "100%", weight: 15, score: 15 },
  { l1: "效益指标", l2: "可持续影响指标", name: "校园安全长效机制", target: "健全", actual: "达成年度指标", weight: 15, score: 15 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "家长满意度", target: "≥90%", actual: "88%", weight: 10, score: 9.78, reason: "部分家长对课后服务时间安排有意见；下一步征求家长意见调整课后服务。" },
];

export function deptAcrossCase(): FormCase {
  const name = "整体支出自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHI".split("").forEach((c, i) => w.width(c, [12, 14, 22, 13, 13, 13, 11, 9, 24][i]));
  const title = w.merged("A1:I1", `${I.year}年度部门整体支出绩效自评表`, { bold: true, size: 16, center: true });
  w.merged("A2:F2", `部门名称：${I.unit}`);
  w.merged("G2:I2", "金额单位：万元");
  // Funds: 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 (the 执行率's points and score are in the summary).
  w.merged("A3:C3", "项目", { bold: true, center: true });
  ["年初预算数", "全年预算数", "全年执行数", "执行率"].forEach((h, i) => w.label(`${"DEFG"[i]}3`, h, { bold: true }));
  w.merged("H3:I3", "备注", { bold: true, center: true });
  const line = (r: number, label: string, v: Triple): { refs: Ref[]; rate: Ref } => {
    w.merged(`A${r}:C${r}`, label);
    w.merge(`H${r}:I${r}`);
    return { refs: [w.money(`D${r}`, v[0]), w.money(`E${r}`, v[1]), w.money(`F${r}`, v[2])], rate: w.rate(`G${r}`, rate4(v[2], v[1])) };
  };
  const total = line(4, "年度资金总额", I.total);
  const general = line(5, "按收入性质分：一般公共预算财政拨款", I.general);
  const govFund = line(6, "政府性基金预算财政拨款", I.govFund);
  const basic = line(7, "按支出性质分：基本支出", I.basic);
  const personnel = line(8, "其中：人员经费", I.personnel);
  const publicUse = line(9, "公用经费", I.publicUse);
  const project = line(10, "项目支出", I.project);
  const execPct = pct(rate4(I.total[2], I.total[1]));
  w.merged("A11:C11", "年度总体目标完成情况", { bold: true, center: true });
  const groupScore = (g: string): number => round2(I_ROWS.filter((x) => x.l1 === g).reduce((a, x) => a + x.score, 0));
  const scoreTotalV = round2(I_EXEC_SCORE + I_ROWS.reduce((a, x) => a + x.score, 0));
  const actual = w.merged(
    "D11:I11",
    `${I.year}年全年预算5486.60万元，执行5327.15万元，预算执行率${execPct}。维修改造校舍10800平方米，比年度目标少1200平方米，完成率为90%。产出指标得分${groupScore("产出指标")}分，效益指标得分${groupScore("效益指标")}分，满意度指标得分${groupScore("满意度指标")}分，综合得分${scoreTotalV.toFixed(2)}分，评价等次为${gradeOf(scoreTotalV)}。`,
    { wrap: true },
  );
  const head = 13;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"ABCDEFGH"[i]}${head}`, h, { bold: true }));
  // (col F is 实际完成值's neighbour: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因)
  w.label(`I${head}`, "偏差原因分析及改进措施", { bold: true });
  const top = head + 1;
  mergeRuns(w, "A", top, I_ROWS.map((i) => i.l1));
  mergeRuns(w, "B", top, I_ROWS.map((i) => `${i.l1}/${i.l2}`), I_ROWS.map((i) => i.l2));
  const ind = I_ROWS.map((i, k) => {
    const r = top + k;
    w.set(`C${r}`, i.name);
    w.set(`D${r}`, i.target, { center: true });
    const act = w.set(`E${r}`, i.actual, { center: true });
    const weight = w.set(`F${r}`, i.weight, { fmt: "0" });
    const score = w.set(`G${r}`, i.score, { fmt: MONEY });
    w.set(`H${r}`, null);
    const reason = w.set(`I${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  // The score summary written across: 项目 | 预算执行率 | 产出指标 | 效益指标 | 满意度指标 | 总分, then 分值 and 得分 rows.
  const s = top + I_ROWS.length + 1;
  w.merged(`A${s}:I${s}`, "绩效自评得分汇总", { bold: true, center: true });
  const heads = ["预算执行率", "产出指标", "效益指标", "满意度指标", "总分"];
  w.label(`A${s + 1}`, "项目", { bold: true });
  heads.forEach((h, i) => w.label(`${"BCDEF"[i]}${s + 1}`, h, { bold: true }));
  w.label(`A${s + 2}`, "分值", { bold: true });
  w.label(`A${s + 3}`, "得分", { bold: true });
  const groups = ["产出指标", "效益指标", "满意度指标"];
  const execW = w.set(`B${s + 2}`, 10, { fmt: "0" });
  const execS = w.set(`B${s + 3}`, I_EXEC_SCORE, { fmt: MONEY });
  const g = groups.map((label, i) => ({
    label,
    weight: w.set(`${"CDE"[i]}${s + 2}`, I_ROWS.filter((x) => x.l1 === label).reduce((a, x) => a + x.weight, 0), { fmt: "0" }),
    score: w.set(`${"CDE"[i]}${s + 3}`, groupScore(label), { fmt: MONEY }),
  }));
  const weightTotal = w.set(`F${s + 2}`, 10 + I_ROWS.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`F${s + 3}`, scoreTotalV, { fmt: MONEY });
  w.label(`A${s + 4}`, "评价等次", { bold: true });
  const grade = w.merged(`B${s + 4}:F${s + 4}`, gradeOf(scoreTotalV), { center: true });
  const filed = w.merged(`A${s + 6}:I${s + 6}`, "填报人：周某　　填报日期：2024年3月1日");

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total.refs[c], [general.refs[c], govFund.refs[c]], `总额 ${COLS[c]} = 按收入性质`));
    relations.push(sum(total.refs[c], [basic.refs[c], project.refs[c]], `总额 ${COLS[c]} = 基本 + 项目`));
    relations.push(sum(basic.refs[c], [personnel.refs[c], publicUse.refs[c]], `基本支出 ${COLS[c]} = 人员 + 公用`));
  }
  for (const [lbl, x] of [["总额", total], ["一般公共预算", general], ["政府性基金", govFund], ["基本支出", basic], ["人员经费", personnel], ["公用经费", publicUse], ["项目支出", project]] as const) {
    relations.push({ kind: "rate", rate: x.rate, num: x.refs[2], den: x.refs[1], decimals: 2, label: `${lbl} 执行率` });
  }
  relations.push({ kind: "execScore", score: execS, num: total.refs[2], den: total.refs[1], weight: execW, label: "汇总 预算执行率得分" });
  g.forEach((x) => {
    const members = I_ROWS.map((r, k) => (r.l1 === x.label ? ind[k] : undefined)).filter((m): m is (typeof ind)[number] => !!m);
    relations.push(sum(x.score, members.map((m) => m.score), `${x.label} 得分 = Σ`));
    relations.push(sum(x.weight, members.map((m) => m.weight), `${x.label} 分值 = Σ`));
  });
  relations.push(sum(weightTotal, [execW, ...g.map((x) => x.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execS, ...g.map((x) => x.score)], "总分 得分 = Σ"));
  ind.forEach((m, k) => relations.push({ kind: "le", a: m.score, b: m.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: scoreTotal, why: "the score summary written across (分值 and 得分 rows under 预算执行率 | 产出指标 | 效益指标 | 满意度指标 | 总分)" },
    { at: execS, why: "the 执行率得分 only in the summary, not in the funds block" },
    { at: g[0].score, why: "产出指标 得分 49 = Σ its indicators" },
    { at: ind[4].actual, why: "“720元/生” against “=720元/生”: an equal target met" },
    { at: filed, why: "填报日期 in the year after the evaluated year" },
  ];
  const facilities = I_ROWS.findIndex((x) => x.name === "校舍维修改造面积");
  const parents = I_ROWS.findIndex((x) => x.name === "家长满意度");
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 全年执行数 3528.66 (基本 3905.72 = 3518.66 + 387.06)", personnel.refs[2], 3528.66),
    num("part-not-footing", "政府性基金预算财政拨款 全年执行数 295.80 (总额 5327.15 − 5041.35 = 285.80)", govFund.refs[2], 295.8),
    num("yuan-in-part", "公用经费 全年预算数 3945000 (394.50 万元 in 元)", publicUse.refs[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 53271500 (5327.15 万元 in 元)", total.refs[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 5496.60 (both splits say 5486.60)", total.refs[1], 5496.6),
    num("rate-wrong", `年度资金总额 执行率 99.07% (${execPct})`, total.rate, 0.9907),
    num("rate-wrong", "项目支出 执行率 95.53% (1421.43/1570.20 = 90.53%)", project.rate, 0.9553),
    num("exec-score-wrong", `汇总 预算执行率 得分 10 (full marks) for ${execPct} of 10 = ${I_EXEC_SCORE}`, execS, 10),
    num("subtotal-over-parts", "汇总 产出指标 得分 50 over its indicators' 49 (seed 002's own mistake, written across)", g[0].score, 50),
    num("subtotal-over-parts", "汇总 效益指标 分值 35 over its indicators' 30", g[1].weight, 35),
    num("weights-total", "汇总 总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "校舍维修改造面积 得分 12 of 10", ind[facilities].score, 12),
    num("total-wrong", `汇总 总分 得分 ${(scoreTotalV + 1).toFixed(2)} (Σ ${scoreTotalV})`, scoreTotal, round2(scoreTotalV + 1)),
    put("grade-mismatch", `评价等次 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", `title says ${I.year - 1}年度 (filed 2024)`, title, `${I.year}年度`, `${I.year - 1}年度`),
    txt("prose-vs-table", `完成情况 says 产出指标得分50分 (汇总 ${groupScore("产出指标")})`, actual, `产出指标得分${groupScore("产出指标")}分`, "产出指标得分50分"),
    txt("prose-vs-table", `完成情况 says 综合得分99.49分 (汇总 ${scoreTotalV})`, actual, `综合得分${scoreTotalV.toFixed(2)}分`, "综合得分99.49分"),
    txt("prose-vs-table", "完成情况 says 执行5372.15万元 (table 5327.15)", actual, "执行5327.15万元", "执行5372.15万元"),
    txt("prose-vs-table", `完成情况 says 预算执行率99.07% (table ${execPct})`, actual, `预算执行率${execPct}`, "预算执行率99.07%"),
    txt("prose-vs-table", "完成情况 says 评价等次为良 (table 优)", actual, `评价等次为${gradeOf(scoreTotalV)}`, "评价等次为良"),
    txt("prose-yuan", "完成情况 says 全年预算54866000元 beside the 万元 table", actual, "全年预算5486.60万元", "全年预算54866000元"),
    txt("title-year", `完成情况 says ${I.year - 1}年全年预算 (last year's sentence kept)`, actual, `${I.year}年全年预算`, `${I.year - 1}年全年预算`),
    txt("prose-completion-rate", "维修改造校舍10800平方米，比年度目标少1200平方米，完成率为95% (90%)", actual, "完成率为90%", "完成率为95%"),
    put("reason-missing", "家长满意度 not achieved (88% of ≥90%), reason left empty", ind[parents].reason, null),
  ];
  return { form: "dept-across", seed: "002", file: "dept-across", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ κ. a transfer-payment project's funds by level of government

const K = {
  year: 2022,
  name: "医疗服务与保障能力提升补助资金",
  dept: "某市医疗保障局",
  unit: "某市医疗保障事务中心",
  total: [1200.0, 1260.0, 1185.6] as Triple,
  central: [700.0, 700.0, 680.2] as Triple,
  province: [300.0, 330.0, 311.4] as Triple,
  local: [200.0, 230.0, 194.0] as Triple,
};
const K_EXEC_SCORE = round2(Math.min(K.total[2] / K.total[1], 1) * 10);
const K_ROWS: IndicatorRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "医保信息平台接入定点机构数", target: "≥450家", actual: "462家", weight: 15, score: 15 },
  { l1: "产出指标", l2: "质量指标", name: "医保结算系统运行稳定率", target: "≥99%", actual: "99.6%", weight: 15, score: 15 },
  { l1: "产出指标", l2: "时效指标", name: "资金拨付及时率", target: "100%", actual: "96%", weight: 10, score: 9.6, reason: "部分市县配套资金到位较晚；下一步督促按时足额拨付。" },
  { l1: "产出指标", l2: "成本指标", name: "项目总成本", target: "≤1260万元", actual: "1185.6万元", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "异地就医直接结算率", target: "≥80%", actual: "83%", weight: 15, score: 15 },
  { l1: "效益指标", l2: "可持续影响指标", name: "医保经办服务能力", target: "持续提升", actual: "达成年度指标", weight: 15, score: 15 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保人员满意度", target: "≥90%", actual: "91%", weight: 10, score: 10 },
];

export function projectLevelsOfGovernmentCase(): FormCase {
  const name = "转移支付项目自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 12, 14, 22, 13, 13, 13, 8, 10, 22][i]));
  w.merged("A1:J1", "中央对地方转移支付项目绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged("A2:J2", `（${K.year}年度）`, { center: true });
  w.merged("A3:B3", "项目名称", { bold: true, center: true });
  w.merged("C3:J3", K.name);
  w.merged("A4:B4", "主管部门", { bold: true, center: true });
  w.merged("C4:E4", K.dept);
  w.merged("F4:G4", "实施单位", { bold: true, center: true });
  w.merged("H4:J4", K.unit);
  w.merged("A5:B9", "项目资金（万元）", { bold: true, center: true });
  w.merge("C5:D5");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}5`, h, { bold: true }));
  const fund = (r: number, label: string, v: Triple): Ref[] => {
    w.merged(`C${r}:D${r}`, label, { center: true });
    return [w.money(`E${r}`, v[0]), w.money(`F${r}`, v[1]), w.money(`G${r}`, v[2])];
  };
  const total = fund(6, "年度资金总额", K.total);
  const central = fund(7, "其中：中央补助", K.central);
  const province = fund(8, "省级补助", K.province);
  const local = fund(9, "市县配套", K.local);
  for (const r of [7, 8, 9]) ["H", "I", "J"].forEach((c) => w.dash(`${c}${r}`));
  const execWeight = w.set("H6", 10, { fmt: "0" });
  const execRate = w.rate("I6", rate4(K.total[2], K.total[1]));
  const execScore = w.set("J6", K_EXEC_SCORE, { fmt: MONEY });
  const execPct = pct(rate4(K.total[2], K.total[1]));
  w.merged("A10:A11", "年度总体目标", { bold: true, center: true });
  w.merged("B10:F10", "预期目标", { bold: true, center: true });
  w.merged("G10:J10", "实际完成情况", { bold: true, center: true });
  w.merged("B11:F11", "推进医保信息化建设，提升医保经办服务能力，实现定点医药机构医保信息平台全接入。", { wrap: true });
  const actual = w.merged(
    "G11:J11",
    `${K.year}年项目资金1260.00万元，其中中央补助700.00万元、省级补助330.00万元、市县配套230.00万元；全年执行1185.60万元，预算执行率${execPct}，结余资金74.40万元按规定结转使用。接入定点医药机构462家。`,
    { wrap: true },
  );
  const { ind, tr, scoreTotalV, weightTotal, scoreTotal, grade } = indicatorBlock(w, 12, K_ROWS, K_EXEC_SCORE, "年度指标值");
  const filed = w.merged(`E${tr + 1}:J${tr + 1}`, "填报日期：2023年2月20日");

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(total[c], [central[c], province[c], local[c]], `年度资金总额 ${COLS[c]} = 中央 + 省级 + 市县`));
  relations.push({ kind: "rate", rate: execRate, num: total[2], den: total[1], decimals: 2, label: "执行率" });
  relations.push({ kind: "execScore", score: execScore, num: total[2], den: total[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: central[1], why: "funds split by level of government (中央补助 / 省级补助 / 市县配套), rows no national form declares" },
    { at: actual, why: "the split quoted in the text (其中中央补助700.00万元、省级补助330.00万元、市县配套230.00万元)" },
    { at: filed, why: "填报日期 in the year after the evaluated year" },
    { at: yearLine, why: "the year on its own line under the title" },
  ];
  const timely = K_ROWS.findIndex((x) => x.name === "资金拨付及时率");
  const variants: Variant[] = [
    num("part-not-footing", "省级补助 全年执行数 321.40 (总额 1185.60 = 680.20 + 311.40 + 194.00)", province[2], 321.4),
    num("part-not-footing", "市县配套 全年预算数 220.00 (1260 − 700 − 330 = 230)", local[1], 220),
    num("part-not-footing", "中央补助 年初预算数 750.00 (1200 − 300 − 200 = 700)", central[0], 750),
    num("yuan-in-part", "中央补助 全年执行数 6802000 (680.20 万元 in 元)", central[2], yuan),
    num("yuan-in-total", "年度资金总额 全年预算数 12600000 (1260 万元 in 元)", total[1], yuan),
    num("total-wrong", "年度资金总额 年初预算数 1210.00 (Σ 1200.00)", total[0], 1210),
    num("rate-wrong", `执行率 84.10% (${execPct})`, execRate, 0.841),
    num("exec-score-wrong", `执行率得分 10 for ${execPct} of 10 = ${K_EXEC_SCORE}`, execScore, 10),
    num("weights-total", "总分 分值 95 over weights summing to 100", weightTotal, 95),
    num("score-over-weight", "资金拨付及时率 得分 10.6 of 10", ind[timely].score, 10.6),
    put("grade-mismatch", `自评等级 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", `（${K.year + 1}年度） on a ${K.year} form filed in ${K.year + 1}`, yearLine, String(K.year), String(K.year + 1)),
    txt("prose-vs-table", "实际完成情况 says 省级补助300.00万元 (全年预算数 330.00)", actual, "省级补助330.00万元", "省级补助300.00万元"),
    txt("prose-vs-table", "实际完成情况 says 市县配套320.00万元 (table 230.00; the parts then add to 1350)", actual, "市县配套230.00万元", "市县配套320.00万元"),
    txt("prose-vs-table", "实际完成情况 says 结余资金47.40万元 (1260.00 − 1185.60 = 74.40)", actual, "结余资金74.40万元", "结余资金47.40万元"),
    txt("prose-vs-table", `实际完成情况 says 预算执行率95.10% (${execPct})`, actual, `预算执行率${execPct}`, "预算执行率95.10%"),
    txt("prose-yuan", "实际完成情况 says 全年执行11856000元 beside the 万元 table", actual, "全年执行1185.60万元", "全年执行11856000元"),
    put("reason-missing", "资金拨付及时率 not achieved (96% of 100%), reason left empty", ind[timely].reason, null),
  ];
  return { form: "project-government", seed: "000", file: "project-government", book: { sheets: [w.spec] }, relations, variants, traps };
}
