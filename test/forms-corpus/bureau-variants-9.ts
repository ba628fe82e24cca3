/**
 * Two layouts the corpus did not have yet, as bureaus hand them out (invented data, consistent to the cent),
 * each with every mistake kind of types.ts that applies:
 *
 * μ. a 部门整体支出绩效自评表 whose 年度总体目标 and 实际完成情况 are two long-text cells SIDE BY SIDE (A:D and
 *    E:H under a header row of their own), both full of figures (the goal's targets and 年初 budget, the
 *    done text's 全年预算 / 执行 / 执行率 / 增长 / completion rate / indicator count / score); a funds block
 *    年度资金总额 / 其中：财政拨款 / 其他资金 × 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 with a rate
 *    on every line and “—” in the lines' 分值 / 得分; the indicators in ONE name column (`指标`, no 二级):
 *    一级指标 | 指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, 产出 / 效益 / 满意度 merged
 *    down column A, a 反向 indicator (失业率 ≤5.5%), a 成本 indicator in 万元; 总分 and 评价等次 rows.
 * ν. a 项目支出绩效自评表 in 元: every money header says `（元）` (`年初预算数（元）`, no unit line), the funds rows
 *    年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 with “—” where a cell does not apply (上年结转's
 *    年初预算数, the whole 其他资金 line, the lines' 分值 / 得分, the reason of every achieved indicator); the
 *    实际完成情况 says “详见自评报告”, and the text is on its own sheet `自评报告` with numbered sections
 *    (一、二、… headings on rows of their own, paragraphs under them) speaking 万元.
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

// ------------------------------------------------------------------ μ. side-by-side goal / done, one 指标 column

const M = {
  year: 2023,
  unit: "某市人力资源和社会保障局",
  total: [1850.0, 2016.4, 1938.36] as Triple,
  fiscal: [1800.0, 1966.4, 1893.11] as Triple,
  other: [50.0, 50.0, 45.25] as Triple,
};
const M_EXEC_SCORE = round2(Math.min(M.total[2] / M.total[1], 1) * 10);
const M_ROWS: Omit<IndicatorRow, "l2">[] = [
  { l1: "产出指标", name: "城镇新增就业人数", target: "≥12000人", actual: "13500人", weight: 15, score: 15 },
  { l1: "产出指标", name: "职业技能培训人次", target: "≥8000人次", actual: "7600人次", weight: 15, score: 14.25, reason: "下半年两期培训班因场地改造延后至次年开班；下一步提前落实培训场地，按季度均衡开班。" },
  { l1: "产出指标", name: "社会保障卡持卡人数覆盖率", target: "≥98%", actual: "99.1%", weight: 10, score: 10 },
  { l1: "产出指标", name: "工伤认定按时办结率", target: "100%", actual: "100%", weight: 5, score: 5 },
  { l1: "产出指标", name: "部门整体支出成本控制数", target: "≤2016.40万元", actual: "1938.36万元", weight: 5, score: 5 },
  { l1: "效益指标", name: "城镇调查失业率", target: "≤5.5%", actual: "5.1%", weight: 15, score: 15 },
  { l1: "效益指标", name: "劳动人事争议仲裁结案率", target: "≥90%", actual: "94.6%", weight: 15, score: 15 },
  { l1: "满意度指标", name: "服务对象满意度", target: "≥90%", actual: "93.5%", weight: 10, score: 10 },
];

export function deptSideBySideCase(): FormCase {
  const name = "部门整体支出绩效自评表";
  const w = new SheetWriter(name);
  "ABCDEFGH".split("").forEach((c, i) => w.width(c, [12, 26, 14, 14, 14, 10, 10, 30][i]));
  const title = w.merged("A1:H1", `${M.year}年度部门整体支出绩效自评表`, { bold: true, size: 16, center: true });
  w.merged("A2:E2", `部门（单位）名称：${M.unit}`);
  const unitLine = w.merged("F2:H2", "单位：万元");
  w.merged("A3:B3", "资金情况", { bold: true, center: true });
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"CDEFGH"[i]}3`, h, { bold: true }));
  const line = (r: number, label: string, v: Triple): { refs: Ref[]; rate: Ref } => {
    w.merged(`A${r}:B${r}`, label);
    const refs = [w.money(`C${r}`, v[0]), w.money(`D${r}`, v[1]), w.money(`E${r}`, v[2])];
    return { refs, rate: w.rate(`G${r}`, rate4(v[2], v[1])) };
  };
  const total = line(4, "年度资金总额", M.total);
  const fiscal = line(5, "其中：财政拨款", M.fiscal);
  const other = line(6, "      其他资金", M.other);
  const execWeight = w.set("F4", 10, { fmt: "0" });
  const execScore = w.set("H4", M_EXEC_SCORE, { fmt: MONEY });
  for (const r of [5, 6]) ["F", "H"].forEach((c) => w.dash(`${c}${r}`));

  // 年度总体目标 | 实际完成情况, side by side.
  const execPct = pct(rate4(M.total[2], M.total[1]));
  const rows = M_ROWS;
  const scoreTotalV = round2(M_EXEC_SCORE + rows.reduce((a, x) => a + x.score, 0));
  w.merged("A7:D7", "年度总体目标", { bold: true, center: true });
  w.merged("E7:H7", "实际完成情况", { bold: true, center: true });
  const goal = w.merged(
    "A8:D8",
    `${M.year}年年初预算安排1850.00万元。实现城镇新增就业12000人以上，开展职业技能培训8000人次以上，城镇调查失业率控制在5.5%以内，社会保障卡持卡人数覆盖率达到98%以上，劳动人事争议仲裁结案率保持在90%以上。`,
    { wrap: true },
  );
  const done = w.merged(
    "E8:H8",
    `${M.year}年全年预算2016.40万元，比年初预算增加166.40万元，增长8.99%；全年执行1938.36万元，预算执行率${execPct}，其中财政拨款执行1893.11万元。城镇新增就业13500人，超出年度目标1500人，完成率为112.50%；开展职业技能培训7600人次，未达到年度目标；城镇调查失业率5.1%。共设置绩效指标8个，7个达到年度指标值，自评得分${scoreTotalV.toFixed(2)}分。`,
    { wrap: true },
  );

  // 绩效指标: 一级指标 | 指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施.
  const head = 9;
  ["一级指标", "指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"ABCDEF"[i]}${head}`, h, { bold: true }));
  w.merged(`G${head}:H${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  mergeRuns(w, "A", top, rows.map((i) => i.l1));
  const ind = rows.map((i, k) => {
    const r = top + k;
    w.set(`B${r}`, i.name);
    w.set(`C${r}`, i.target, { center: true });
    const actual = w.set(`D${r}`, i.actual, { center: true });
    const weight = w.set(`E${r}`, i.weight, { fmt: "0" });
    const score = w.set(`F${r}`, i.score, { fmt: MONEY });
    const reason = w.merged(`G${r}:H${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual, reason };
  });
  const tr = top + rows.length;
  w.merged(`A${tr}:D${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`E${tr}`, 10 + rows.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`F${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`G${tr}:H${tr}`);
  w.merged(`A${tr + 1}:D${tr + 1}`, "评价等次", { bold: true, center: true });
  const grade = w.merged(`E${tr + 1}:H${tr + 1}`, gradeOf(scoreTotalV), { center: true });
  w.merged(`A${tr + 3}:D${tr + 3}`, "填报人：王丽");
  const filedOn = w.merged(`E${tr + 3}:H${tr + 3}`, `填报日期：${M.year + 1}年3月20日`);

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(total.refs[c], [fiscal.refs[c], other.refs[c]], `年度资金总额 ${COLS[c]} = 财政拨款 + 其他资金`));
  for (const [lbl, x] of [["总额", total], ["财政拨款", fiscal], ["其他资金", other]] as const) {
    relations.push({ kind: "rate", rate: x.rate, num: x.refs[2], den: x.refs[1], decimals: 2, label: `${lbl} 执行率` });
  }
  relations.push({ kind: "execScore", score: execScore, num: total.refs[2], den: total.refs[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const k = (n: string): number => rows.findIndex((x) => x.name === n);
  const training = k("职业技能培训人次");
  const cost = k("部门整体支出成本控制数");
  const jobs = k("城镇新增就业人数");
  const traps: Trap[] = [
    { at: goal, why: "the 年度总体目标 beside the 实际完成情况: targets (12000人, 5.5%) and the 年初 budget, no contradiction" },
    { at: done, why: "the 实际完成情况 as a long text right of the goal, its figures the table's" },
    { at: unitLine, why: "“单位：万元” right of the unit's name" },
    { at: { sheet: name, a1: "F5" }, why: "“—” as the 分值 of a split line" },
    { at: other.rate, why: "a split line's own 执行率 (其他资金 90.50%)" },
    { at: ind[k("城镇调查失业率")].actual, why: "a 反向 indicator met (5.1% of ≤5.5%)" },
    { at: ind[cost].actual, why: "a 成本 indicator in 万元 equal to the table's 全年执行数" },
    { at: filedOn, why: "填报日期 in the year after the evaluated year" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：财政拨款 全年执行数 1903.11 (1938.36 − 45.25 = 1893.11)", fiscal.refs[2], 1903.11),
    num("part-not-footing", "其他资金 年初预算数 60.00 (1850 − 1800 = 50)", other.refs[0], 60),
    num("yuan-in-part", "其中：财政拨款 全年预算数 19664000 (1966.40 万元 in 元)", fiscal.refs[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 19383600 (1938.36 万元 in 元)", total.refs[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 2026.40 (Σ 2016.40)", total.refs[1], 2026.4),
    num("rate-wrong", `年度资金总额 执行率 91.30% (${execPct})`, total.rate, 0.913),
    num("rate-wrong", "其他资金 执行率 95.00% (45.25/50 = 90.50%)", other.rate, 0.95),
    num("exec-score-wrong", `执行率得分 10 (full marks) for ${execPct} of 10 = ${M_EXEC_SCORE}`, execScore, 10),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "城镇新增就业人数 得分 18 of 15", ind[jobs].score, 18),
    num("subtotal-over-parts", `总分 得分 99.86 (Σ ${scoreTotalV})`, scoreTotal, 99.86),
    put("grade-mismatch", `评价等次 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", `title says ${M.year - 1}年度 (the 实际完成情况 says ${M.year})`, title, `${M.year}年度`, `${M.year - 1}年度`),
    txt("prose-pct-change", "比年初预算增加166.40万元，增长108.99% (8.99%)", done, "增长8.99%", "增长108.99%"),
    txt("prose-vs-table", `实际完成情况 says 预算执行率91.30% (table ${execPct})`, done, `预算执行率${execPct}`, "预算执行率91.30%"),
    txt("prose-vs-table", "实际完成情况 says 全年执行1983.36万元 (table 1938.36)", done, "全年执行1938.36万元", "全年执行1983.36万元"),
    txt("prose-vs-table", "实际完成情况 says 财政拨款执行1839.11万元 (table 1893.11)", done, "财政拨款执行1893.11万元", "财政拨款执行1839.11万元"),
    txt("prose-vs-table", `实际完成情况 says 自评得分96.86分 (table ${scoreTotalV})`, done, `自评得分${scoreTotalV.toFixed(2)}分`, "自评得分96.86分"),
    txt("prose-vs-table", "实际完成情况 counts 10 绩效指标 (table 8)", done, "共设置绩效指标8个", "共设置绩效指标10个"),
    txt("prose-yuan", "实际完成情况 says 全年执行19383600元 beside the 万元 table", done, "全年执行1938.36万元", "全年执行19383600元"),
    txt("prose-completion-rate", "完成13500人，超出年度目标1500人，完成率为121.50% (112.50%)", done, "完成率为112.50%", "完成率为121.50%"),
    put("indicator-yuan-slip", "部门整体支出成本控制数 实际完成值 “19383600万元” (1938.36 万元 in 元)", ind[cost].actual, "19383600万元"),
    put("reason-missing", "职业技能培训人次 not achieved (7600 of ≥8000), reason left empty", ind[training].reason, null),
  ];
  return { form: "dept-sidebyside", seed: "—", file: "dept-sidebyside", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ ν. a project form in 元 with “—”, text on a 自评报告 sheet

const N = {
  year: 2023,
  name: "社区居家养老服务补助项目",
  dept: "某区民政局",
  unit: "某区养老服务指导中心",
  /** [年初, 全年, 执行]; null where the form shows “—”. */
  total: [3150000.0, 3580000.0, 3046580.0] as Triple,
  fiscal: [3150000.0, 3200000.0, 2726580.0] as Triple,
  carry: [null, 380000.0, 320000.0] as [null, number, number],
};
const N_EXEC_SCORE = round2(Math.min(N.total[2] / N.total[1], 1) * 10);
const N_ROWS: IndicatorRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "居家养老服务对象人数", target: "≥1200人", actual: "1260人", weight: 15, score: 15 },
  { l1: "产出指标", l2: "数量指标", name: "助餐服务人次", target: "≥36000人次", actual: "30600人次", weight: 15, score: 12.75, reason: "3个社区助餐点因场地改造延后开业；下一步督促改造进度，年内全部开业。" },
  { l1: "产出指标", l2: "质量指标", name: "服务质量抽查合格率", target: "≥95%", actual: "97%", weight: 10, score: 10 },
  { l1: "产出指标", l2: "时效指标", name: "补助资金拨付及时率", target: "100%", actual: "100%", weight: 5, score: 5 },
  { l1: "产出指标", l2: "成本指标", name: "项目成本控制数", target: "≤358.00万元", actual: "304.66万元", weight: 5, score: 5 },
  { l1: "效益指标", l2: "社会效益指标", name: "居家养老服务覆盖率", target: "≥30%", actual: "31.5%", weight: 20, score: 20 },
  { l1: "效益指标", l2: "可持续影响指标", name: "居家养老服务网络运行机制", target: "健全", actual: "健全", weight: 10, score: 10 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "服务对象满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
];

export function projectYuanReportCase(): FormCase {
  const name = "项目支出绩效自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 12, 14, 22, 16, 16, 16, 8, 10, 22][i]));
  const title = w.merged("A1:J1", `${N.year}年度项目支出绩效自评表`, { bold: true, size: 16, center: true });
  w.merged("A2:B2", "项目名称", { bold: true, center: true });
  w.merged("C2:J2", N.name);
  w.merged("A3:B3", "主管部门", { bold: true, center: true });
  w.merged("C3:E3", N.dept);
  w.merged("F3:G3", "实施单位", { bold: true, center: true });
  w.merged("H3:J3", N.unit);
  w.merged("A4:B8", "项目资金", { bold: true, center: true });
  w.merge("C4:D4");
  ["年初预算数（元）", "全年预算数（元）", "全年执行数（元）", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}4`, h, { bold: true, wrap: true }));
  const YUAN = "#,##0.00";
  const money = (at: string, v: number | null): Ref => (v === null ? w.dash(at) : w.set(at, v, { fmt: YUAN }));
  const line = (r: number, label: string, v: readonly (number | null)[] | null): { refs: Ref[]; rate?: Ref } => {
    w.merged(`C${r}:D${r}`, label, { center: true });
    if (!v) {
      ["E", "F", "G", "H", "I", "J"].forEach((c) => w.dash(`${c}${r}`));
      return { refs: [] };
    }
    const refs = [money(`E${r}`, v[0]), money(`F${r}`, v[1]), money(`G${r}`, v[2])];
    const rate = w.rate(`I${r}`, rate4(v[2]!, v[1]!));
    if (r > 5) ["H", "J"].forEach((c) => w.dash(`${c}${r}`));
    return { refs, rate };
  };
  const total = line(5, "年度资金总额", N.total);
  const fiscal = line(6, "其中：当年财政拨款", N.fiscal);
  const carry = line(7, "上年结转资金", N.carry);
  line(8, "其他资金", null);
  const execWeight = w.set("H5", 10, { fmt: "0" });
  const execScore = w.set("J5", N_EXEC_SCORE, { fmt: MONEY });

  w.merged("A9:A10", "年度总体目标", { bold: true, center: true });
  w.merged("B9:F9", "预期目标", { bold: true, center: true });
  w.merged("G9:J9", "实际完成情况", { bold: true, center: true });
  const goal = w.merged("B10:F10", "为辖区1200名以上居家老年人提供助餐、助洁、助医等上门服务，全年助餐服务36000人次以上，居家养老服务覆盖率达到30%以上。", { wrap: true });
  const actualCell = w.merged("G10:J10", "详见自评报告。", { wrap: true });

  const head = 11;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"BCDEFGH"[i]}${head}`, h, { bold: true }));
  w.merged(`I${head}:J${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  const rows = N_ROWS;
  w.merged(`A${head}:A${top + rows.length - 1}`, "绩效指标", { bold: true, center: true });
  mergeRuns(w, "B", top, rows.map((i) => i.l1));
  mergeRuns(w, "C", top, rows.map((i) => `${i.l1}/${i.l2}`), rows.map((i) => i.l2));
  const ind = rows.map((i, k) => {
    const r = top + k;
    w.set(`D${r}`, i.name);
    w.set(`E${r}`, i.target, { center: true });
    const actual = w.set(`F${r}`, i.actual, { center: true });
    const weight = w.set(`G${r}`, i.weight, { fmt: "0" });
    const score = w.set(`H${r}`, i.score, { fmt: MONEY });
    // “—” where no reason is needed (the indicator met its target).
    const reason = w.merged(`I${r}:J${r}`, i.reason ?? "—", i.reason ? { wrap: true } : { center: true });
    return { weight, score, actual, reason };
  });
  const tr = top + rows.length;
  const scoreTotalV = round2(N_EXEC_SCORE + rows.reduce((a, x) => a + x.score, 0));
  w.merged(`A${tr}:F${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`G${tr}`, 10 + rows.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`H${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`I${tr}:J${tr}`);
  w.merged(`A${tr + 1}:F${tr + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`G${tr + 1}:J${tr + 1}`, gradeOf(scoreTotalV), { center: true });

  // 自评报告: numbered sections, headings on rows of their own, in 万元.
  const execPct = pct(rate4(N.total[2], N.total[1]));
  const rp = new SheetWriter("自评报告");
  rp.width("A", 110);
  const reportTitle = rp.set("A1", `${N.name}${N.year}年度绩效自评报告`, { bold: true, size: 14, center: true });
  rp.set("A2", "一、项目基本情况", { bold: true });
  rp.text("A3", `该项目由${N.unit}实施，通过政府购买服务方式为辖区居家老年人提供助餐、助洁、助医等服务。${N.year}年年初预算315.00万元，上年结转资金38.00万元，全年预算358.00万元，比年初预算增加43.00万元，增长13.65%。`);
  rp.set("A4", "二、预算执行情况", { bold: true });
  const execPara = rp.text("A5", `截至${N.year}年12月31日，项目全年执行304.66万元，预算执行率${execPct}。其中当年财政拨款执行272.66万元，上年结转资金执行32.00万元。`);
  rp.set("A6", "三、绩效目标完成情况", { bold: true });
  const indPara = rp.text("A7", "项目设置三级指标8个，7个达到年度指标值。全年服务居家老年人1260人，超出年度目标60人，完成率为105.00%；助餐服务30600人次，未达到年度目标。");
  rp.set("A8", "四、自评结论", { bold: true });
  const conclusion = rp.text("A9", `经自评，项目综合得分${scoreTotalV.toFixed(2)}分，评价等次为“${gradeOf(scoreTotalV)}”。预算执行率未达到90%，主要原因是部分社区助餐点开业延后，相应运营补助未能拨付。`);
  rp.set("A10", "五、存在问题及改进措施", { bold: true });
  rp.text("A11", "助餐点建设进度偏慢。下一步加强项目进度管理，提高资金使用效益。");
  const budgetPara = { sheet: "自评报告", a1: "A3" };

  const relations: Relation[] = [
    sum(total.refs[0], [fiscal.refs[0]], "年度资金总额 年初预算数 = 当年财政拨款 (上年结转 —)"),
    ...[1, 2].map((c) => sum(total.refs[c], [fiscal.refs[c], carry.refs[c]], `年度资金总额 ${COLS[c]} = 当年财政拨款 + 上年结转资金`)),
  ];
  for (const [lbl, x] of [["总额", total], ["当年财政拨款", fiscal], ["上年结转资金", carry]] as const) {
    relations.push({ kind: "rate", rate: x.rate!, num: x.refs[2], den: x.refs[1], decimals: 2, label: `${lbl} 执行率` });
  }
  relations.push({ kind: "execScore", score: execScore, num: total.refs[2], den: total.refs[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const k = (n: string): number => rows.findIndex((x) => x.name === n);
  const meals = k("助餐服务人次");
  const cost = k("项目成本控制数");
  const traps: Trap[] = [
    { at: total.refs[1], why: "amounts in 元 (3,580,000.00) under `全年预算数（元）` beside a 自评报告 in 万元 (358.00万元)" },
    { at: carry.refs[0], why: "“—” as 上年结转资金's 年初预算数 (nothing carried over is budgeted at the start)" },
    { at: { sheet: name, a1: "E8" }, why: "the whole 其他资金 line “—” (不适用)" },
    { at: ind[0].reason, why: "“—” in the reason of an achieved indicator" },
    { at: actualCell, why: "实际完成情况 “详见自评报告。”" },
    { at: ind[cost].actual, why: "an indicator value in 万元 (304.66万元) where the table is in 元" },
    { at: goal, why: "the 预期目标: targets, no contradiction" },
    { at: { sheet: "自评报告", a1: "A2" }, why: "a numbered heading on a row of its own" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：当年财政拨款 全年执行数 2,762,580.00 (3,046,580 − 320,000 = 2,726,580)", fiscal.refs[2], 2762580),
    num("part-not-footing", "上年结转资金 全年预算数 830,000.00 (3,580,000 − 3,200,000 = 380,000)", carry.refs[1], 830000),
    num("yuan-in-part", "上年结转资金 全年执行数 32.00 (万元 typed in the 元 table)", carry.refs[2], wan),
    num("yuan-in-total", "年度资金总额 全年预算数 358.00 (万元 typed in the 元 table)", total.refs[1], wan),
    num("total-wrong", "年度资金总额 全年执行数 3,064,580.00 (Σ 3,046,580.00)", total.refs[2], 3064580),
    num("rate-wrong", `年度资金总额 执行率 81.50% (${execPct})`, total.rate!, 0.815),
    num("rate-wrong", "上年结转资金 执行率 94.21% (320,000/380,000 = 84.21%)", carry.rate!, 0.9421),
    num("exec-score-wrong", `执行率得分 10 (full marks) for ${execPct} of 10 = ${N_EXEC_SCORE}`, execScore, 10),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "助餐服务人次 得分 16 of 15", ind[meals].score, 16),
    num("subtotal-over-parts", `总分 得分 98.26 (Σ ${scoreTotalV})`, scoreTotal, 98.26),
    put("grade-mismatch", `自评等级 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", `title says ${N.year - 1}年度 (the 自评报告 says ${N.year})`, title, `${N.year}年度`, `${N.year - 1}年度`),
    txt("title-year", `the 自评报告's title says ${N.year - 1}年度 (the form says ${N.year})`, reportTitle, `${N.year}年度`, `${N.year - 1}年度`),
    txt("prose-pct-change", "比年初预算增加43.00万元，增长113.65% (13.65%)", budgetPara, "增长13.65%", "增长113.65%"),
    txt("prose-vs-table", `自评报告 says 预算执行率81.50% (table ${execPct})`, execPara, `预算执行率${execPct}`, "预算执行率81.50%"),
    txt("prose-vs-table", "自评报告 says 全年执行340.66万元 (table 3,046,580.00元)", execPara, "全年执行304.66万元", "全年执行340.66万元"),
    txt("prose-vs-table", "自评报告 says 上年结转资金执行23.00万元 (table 320,000.00元)", execPara, "上年结转资金执行32.00万元", "上年结转资金执行23.00万元"),
    txt("prose-vs-table", `自评报告 says 综合得分92.26分 (table ${scoreTotalV})`, conclusion, `综合得分${scoreTotalV.toFixed(2)}分`, "综合得分92.26分"),
    txt("prose-vs-table", "自评报告 counts 9 三级指标 (table 8)", indPara, "三级指标8个", "三级指标9个"),
    txt("prose-yuan", "自评报告 says 全年执行3046580.00万元 (the table's 元 figure with 万元)", execPara, "全年执行304.66万元", "全年执行3046580.00万元"),
    txt("prose-yuan", "自评报告 says 全年预算358.00元 (the 万元 figure with 元)", budgetPara, "全年预算358.00万元", "全年预算358.00元"),
    txt("prose-completion-rate", "完成1260人，超出年度目标60人，完成率为150.00% (105.00%)", indPara, "完成率为105.00%", "完成率为150.00%"),
    put("indicator-yuan-slip", "项目成本控制数 实际完成值 “3046580万元” (the table's 元 with 万元)", ind[cost].actual, "3046580万元"),
    put("reason-missing", "助餐服务人次 not achieved (30600 of ≥36000), reason left empty", ind[meals].reason, null),
    put("reason-missing", "助餐服务人次 not achieved (30600 of ≥36000), reason “—” like the achieved rows'", ind[meals].reason, "—"),
  ];
  return { form: "project-yuan-report", seed: "—", file: "project-yuan-report", book: { sheets: [w.spec, rp.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ ξ. a system export: money to three decimals, “百分比”

const X = {
  year: 2022,
  name: "农村饮水安全工程维修养护项目",
  dept: "某县水利局",
  unit: "某县农村供水管理站",
  total: [120.0, 135.6, 118.347] as Triple,
  fiscal: [100.0, 115.6, 101.862] as Triple,
  carry: [20.0, 20.0, 16.485] as Triple,
  other: [0, 0, 0] as Triple,
};
const X_EXEC_SCORE = round2(Math.min(X.total[2] / X.total[1], 1) * 10);
const X_ROWS: IndicatorRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "维修养护供水工程处数", target: "≥45处", actual: "48处", weight: 20, score: 20 },
  { l1: "产出指标", l2: "质量指标", name: "维修工程验收合格率", target: "≥100百分比", actual: "100百分比", weight: 15, score: 15 },
  { l1: "产出指标", l2: "时效指标", name: "维修养护任务完成及时率", target: "≥95百分比", actual: "90百分比", weight: 10, score: 9.47, reason: "汛期暴雨致3处工程延期施工；下一步提前安排汛前维修。" },
  { l1: "产出指标", l2: "成本指标", name: "单处工程平均维修成本", target: "≤3万元", actual: "2.466万元", weight: 5, score: 5 },
  { l1: "效益指标", l2: "社会效益指标", name: "农村自来水普及率", target: "≥92百分比", actual: "93.5百分比", weight: 30, score: 30 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "受益群众满意度", target: "≥90百分比", actual: "95百分比", weight: 10, score: 10 },
];

/**
 * ξ. A 项目支出绩效自评表 as one provincial 一体化 system exports it (domain.md [S13], the 池州 form): money in 万元 to
 * THREE decimals (`0.000`: 118.347), `其中：本年财政拨款` for 当年, percents written with the unit word `百分比`
 * (`≥100百分比`, `93.5百分比`), 0.000 in the unused 其他资金 line, a rate on the 总额 line only, and the 实际完成情况
 * quoting the figures to three decimals.
 */
export function projectThreeDecimalsCase(): FormCase {
  const name = "项目支出绩效自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 12, 14, 22, 14, 14, 14, 8, 10, 22][i]));
  const title = w.merged("A1:J1", "项目支出绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged("A2:J2", `（${X.year}年度）`, { center: true });
  w.merged("A3:B3", "项目名称", { bold: true, center: true });
  w.merged("C3:J3", X.name);
  w.merged("A4:B4", "主管部门", { bold: true, center: true });
  w.merged("C4:E4", X.dept);
  w.merged("F4:G4", "实施单位", { bold: true, center: true });
  w.merged("H4:J4", X.unit);
  w.merged("A5:B9", "项目资金（万元）", { bold: true, center: true, wrap: true });
  w.merge("C5:D5");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}5`, h, { bold: true }));
  const M3 = "0.000";
  const line = (r: number, label: string, v: Triple): Ref[] => {
    w.merged(`C${r}:D${r}`, label, { center: true });
    const refs = [w.set(`E${r}`, v[0], { fmt: M3 }), w.set(`F${r}`, v[1], { fmt: M3 }), w.set(`G${r}`, v[2], { fmt: M3 })];
    if (r > 6) ["H", "I", "J"].forEach((c) => w.dash(`${c}${r}`));
    return refs;
  };
  const total = line(6, "年度资金总额", X.total);
  const fiscal = line(7, "其中：本年财政拨款", X.fiscal);
  const carry = line(8, "上年结转资金", X.carry);
  const other = line(9, "其他资金", X.other);
  const execWeight = w.set("H6", 10, { fmt: "0" });
  const execPct = pct(rate4(X.total[2], X.total[1]));
  const execRate = w.rate("I6", rate4(X.total[2], X.total[1]));
  const execScore = w.set("J6", X_EXEC_SCORE, { fmt: MONEY });

  const rows = X_ROWS;
  const scoreTotalV = round2(X_EXEC_SCORE + rows.reduce((a, x) => a + x.score, 0));
  w.merged("A10:A11", "年度总体目标", { bold: true, center: true });
  w.merged("B10:F10", "预期目标", { bold: true, center: true });
  w.merged("G10:J10", "实际完成情况", { bold: true, center: true });
  const goal = w.merged("B11:F11", `${X.year}年完成45处以上农村供水工程维修养护，农村自来水普及率达到92%以上，保障农村群众饮水安全。`, { wrap: true });
  const actual = w.merged(
    "G11:J11",
    `${X.year}年全年预算135.600万元，实际执行118.347万元，预算执行率${execPct}，其中本年财政拨款执行101.862万元；部分工程因汛期延期施工，结算尾款尚未支付，结转至次年。完成48处供水工程维修养护，超出年度目标3处，完成率为106.67%；农村自来水普及率达到93.5%。项目自评得分${scoreTotalV.toFixed(2)}分。`,
    { wrap: true },
  );

  const head = 12;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"BCDEFGH"[i]}${head}`, h, { bold: true }));
  w.merged(`I${head}:J${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  w.merged(`A${head}:A${top + rows.length - 1}`, "绩效指标", { bold: true, center: true });
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
  w.merged(`A${tr}:F${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`G${tr}`, 10 + rows.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`H${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`I${tr}:J${tr}`);
  w.merged(`A${tr + 1}:F${tr + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`G${tr + 1}:J${tr + 1}`, gradeOf(scoreTotalV), { center: true });
  w.merged(`A${tr + 2}:E${tr + 2}`, "填报人：刘强");
  const filedOn = w.merged(`F${tr + 2}:J${tr + 2}`, `填报日期：${X.year + 1}年3月15日`);

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(total[c], [fiscal[c], carry[c], other[c]], `年度资金总额 ${COLS[c]} = 其中 各项`));
  relations.push({ kind: "rate", rate: execRate, num: total[2], den: total[1], decimals: 2, label: "执行率" });
  relations.push({ kind: "execScore", score: execScore, num: total[2], den: total[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const k = (n: string): number => rows.findIndex((x) => x.name === n);
  const late = k("维修养护任务完成及时率");
  const cost = k("单处工程平均维修成本");
  const traps: Trap[] = [
    { at: total[2], why: "money to three decimals (118.347, format 0.000)" },
    { at: actual, why: "the 实际完成情况 quoting the amounts to three decimals (118.347万元, 101.862万元)" },
    { at: ind[k("维修工程验收合格率")].actual, why: "“100百分比” against “≥100百分比”: the unit word 百分比 for %" },
    { at: ind[late].actual, why: "“90百分比” of “≥95百分比”: not met, scored 9.47 of 10 with its reason" },
    { at: other[0], why: "0.000 in the unused 其他资金 line" },
    { at: yearLine, why: "the year on its own line under a title without one" },
    { at: title, why: "the national title, no year in it" },
    { at: filedOn, why: "填报日期 in the year after the evaluated year" },
    { at: goal, why: "the 预期目标: targets (45处, 92%), no contradiction" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：本年财政拨款 全年执行数 101.826 (118.347 − 16.485 = 101.862)", fiscal[2], 101.826),
    num("part-not-footing", "上年结转资金 全年预算数 20.600 (135.600 − 115.600 = 20.000)", carry[1], 20.6),
    num("yuan-in-part", "上年结转资金 全年执行数 164850 (16.485 万元 in 元)", carry[2], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 1183470 (118.347 万元 in 元)", total[2], yuan),
    num("total-wrong", "年度资金总额 全年执行数 118.356 (Σ 118.347, a slip in the third decimal)", total[2], 118.356),
    num("total-wrong", "年度资金总额 全年预算数 153.600 (Σ 135.600)", total[1], 153.6),
    num("rate-wrong", `执行率 78.28% (${execPct})`, execRate, 0.7828),
    num("exec-score-wrong", `执行率得分 10 (full marks) for ${execPct} of 10 = ${X_EXEC_SCORE}`, execScore, 10),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "单处工程平均维修成本 得分 6 of 5", ind[cost].score, 6),
    num("subtotal-over-parts", `总分 得分 ${round2(scoreTotalV + 1).toFixed(2)} (Σ ${scoreTotalV})`, scoreTotal, round2(scoreTotalV + 1)),
    put("grade-mismatch", `自评等级 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", `（${X.year - 1}年度） under the title (the text says ${X.year})`, yearLine, `${X.year}`, `${X.year - 1}`),
    txt("prose-vs-table", "实际完成情况 says 实际执行118.437万元 (table 118.347: digits swapped in the decimals)", actual, "实际执行118.347万元", "实际执行118.437万元"),
    txt("prose-vs-table", "实际完成情况 says 本年财政拨款执行110.862万元 (table 101.862)", actual, "本年财政拨款执行101.862万元", "本年财政拨款执行110.862万元"),
    txt("prose-vs-table", `实际完成情况 says 预算执行率78.28% (table ${execPct})`, actual, `预算执行率${execPct}`, "预算执行率78.28%"),
    txt("prose-vs-table", `实际完成情况 says 自评得分${round2(scoreTotalV - 2).toFixed(2)}分 (table ${scoreTotalV})`, actual, `自评得分${scoreTotalV.toFixed(2)}分`, `自评得分${round2(scoreTotalV - 2).toFixed(2)}分`),
    txt("prose-yuan", "实际完成情况 says 全年预算135.600元 (the 万元 figure with 元)", actual, "全年预算135.600万元", "全年预算135.600元"),
    txt("prose-completion-rate", "完成48处，超出年度目标3处，完成率为116.67% (106.67%)", actual, "完成率为106.67%", "完成率为116.67%"),
    put("indicator-yuan-slip", "单处工程平均维修成本 实际完成值 “24660万元” (2.466 万元 in 元)", ind[cost].actual, "24660万元"),
    put("reason-missing", "维修养护任务完成及时率 not achieved (90 of ≥95百分比), reason left empty", ind[late].reason, null),
  ];
  return { form: "project-three-decimals", seed: "—", file: "project-three-decimals", book: { sheets: [w.spec] }, relations, variants, traps };
}
