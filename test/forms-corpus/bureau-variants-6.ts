/**
 * Two layouts from provinces not modelled before (invented data, consistent to the cent), each with every
 * mistake kind of types.ts that applies planted by the corpus machinery:
 *
 * α. a 部门整体支出绩效自评表 whose 一级指标 follow another framework: 履职效能 / 管理效率 / 运行成本 /
 *    社会效应 / 可持续发展 (neither 产出 / 效益 / 满意度 nor 投入 / 过程). The 预算执行率 is NOT scored in
 *    the funds block: it is an indicator row of the table (管理效率 › 预算执行 › 预算执行率, 指标值 100%,
 *    完成值 the block's rate, 分值 10, 得分 min(rate, 1) × 10); 满意度 is a 二级 under 社会效应. Grade words
 *    are 优秀 / 良好 / 一般 / 较差 (一般 = 中, 较差 = 差), and the 评价等次 is typed with the score in the same
 *    cell: “良好（87.83分）”.
 * β. a 项目支出绩效自评表 whose grade bands are written on the form itself, in a note row under the table
 *    (“评价等级：85分（含）以上为优，75（含）-85分为良，60（含）-75分为中，60分以下为差”, not the national
 *    90 / 80 / 60), and whose 自评得分 sits in a merged cell H:J on the right of the 总分 row.
 */
import { type Ref, SheetWriter, MONEY } from "./book";
import { num, put, txt, yuan, type Triple, type IndicatorRow } from "./corpus-helpers";
import { mergeRuns, rate4, round2 } from "./project-form";
import { type Relation, sum } from "./relations";
import type { FormCase, Trap, Variant } from "./types";

const COLS = ["年初预算数", "全年预算数", "全年执行数"];


// ------------------------------------------------------------------ α. 履职效能 / 管理效率 / … framework

const A = {
  year: 2024,
  unit: "某县交通运输局",
  total: [2860.0, 3012.5, 2894.36] as Triple,
  public: [2600.0, 2752.5, 2646.04] as Triple,
  other: [260.0, 260.0, 248.32] as Triple,
  basic: [1620.0, 1655.3, 1650.88] as Triple,
  personnel: [1380.0, 1402.3, 1400.65] as Triple,
  publicUse: [240.0, 253.0, 250.23] as Triple,
  project: [1240.0, 1357.2, 1243.48] as Triple,
};
const EXEC_RATE = rate4(A.total[2], A.total[1]);
const EXEC_SCORE = round2(Math.min(A.total[2] / A.total[1], 1) * 10);
const A_ROWS: IndicatorRow[] = [
  { l1: "履职效能", l2: "重点工作完成情况", name: "重点工作完成率", target: "100%", actual: "85%", weight: 10, score: 8.5, reason: "2项农村公路提质改造工程受汛期影响顺延至次年；下一步加强汛期施工组织。" },
  { l1: "履职效能", l2: "重点工作完成情况", name: "工作完成及时率", target: "≥95%", actual: "80%", weight: 10, score: 8.42, reason: "部分养护工程招标流标后重新招标，完工时间推后；下一步提前启动采购程序。" },
  { l1: "履职效能", l2: "工作质量", name: "工程质量达标率", target: "≥95%", actual: "85%", weight: 10, score: 8.95, reason: "3个标段交工检测未一次通过，已责令整改；下一步加强过程质量抽检。" },
  { l1: "管理效率", l2: "预算执行", name: "预算执行率", target: "100%", actual: `${(EXEC_RATE * 100).toFixed(2)}%`, weight: 10, score: EXEC_SCORE, reason: "部分项目按合同进度付款，尾款待审计结算后支付。" },
  { l1: "管理效率", l2: "预算执行", name: "结转结余率", target: "≤5%", actual: "3.92%", weight: 5, score: 5 },
  { l1: "管理效率", l2: "采购管理", name: "政府采购执行率", target: "≥95%", actual: "98%", weight: 5, score: 5 },
  { l1: "管理效率", l2: "资产管理", name: "固定资产利用率", target: "≥95%", actual: "92%", weight: 5, score: 4.84, reason: "新购检测设备待安装调试，暂未投入使用；下一步督促供应商按期验收。" },
  { l1: "运行成本", l2: "成本控制", name: "公用经费支出", target: "≤253万元", actual: "250.23万元", weight: 5, score: 5 },
  { l1: "运行成本", l2: "成本控制", name: "“三公经费”控制率", target: "≤100%", actual: "112%", weight: 5, score: 4.4, reason: "执法车辆老化，维修费用超出预算；下一步按规定更新车辆，压减运行维护费。" },
  { l1: "运行成本", l2: "成本控制", name: "在职人员控制率", target: "≤100%", actual: "103%", weight: 5, score: 4.85, reason: "年中接收安置退役军人3名，暂超编制；下一步通过自然减员消化。" },
  { l1: "社会效应", l2: "社会效益", name: "农村公路优良路率", target: "≥98%", actual: "80%", weight: 10, score: 8.16, reason: "部分路段受重载车辆碾压损坏，修复未完成；下一步加强超限治理。" },
  { l1: "社会效应", l2: "满意度", name: "社会公众满意度", target: "≥90%", actual: "78%", weight: 10, score: 8.67, reason: "群众对施工期间通行不便意见较多；下一步优化施工组织，做好交通疏导。" },
  { l1: "可持续发展", l2: "长效管理", name: "养护管理制度健全性", target: "健全", actual: "部分达成年度指标", weight: 5, score: 3.5, reason: "养护考核办法尚在修订；下一步年内出台实施。" },
  { l1: "可持续发展", l2: "人才队伍", name: "培训计划完成率", target: "≥90%", actual: "72%", weight: 5, score: 4, reason: "受工程任务影响，2期业务培训未按计划举办；下一步调整培训时间。" },
];

export function deptFrameworkCase(): FormCase {
  const name = "整体支出绩效自评";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [12, 16, 22, 13, 13, 13, 10, 8, 9, 28][i]));
  const title = w.merged("A1:J1", `${A.unit}${A.year}年度部门整体支出绩效自评表`, { bold: true, size: 16, center: true });
  w.merged("A2:F2", `部门（单位）名称：${A.unit}`);
  const filed = w.merged("G2:J2", "填报日期：2025年3月10日");
  // Funds block: 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 (no 分值 / 得分: the rate is scored in the table).
  w.merged("A3:C3", "资金情况（万元）", { bold: true, center: true });
  ["年初预算数", "全年预算数", "全年执行数", "执行率"].forEach((h, i) => w.label(`${"DEFG"[i]}3`, h, { bold: true }));
  w.merged("H3:J3", "备注", { bold: true, center: true });
  const row = (r: number, label: string, v: Triple): { refs: Ref[]; rate: Ref } => {
    w.merged(`A${r}:C${r}`, label);
    const refs = [w.money(`D${r}`, v[0]), w.money(`E${r}`, v[1]), w.money(`F${r}`, v[2])];
    const rate = w.rate(`G${r}`, rate4(v[2], v[1]));
    w.merge(`H${r}:J${r}`);
    return { refs, rate };
  };
  const total = row(4, "年度资金总额", A.total);
  const pub = row(5, "  其中：财政拨款", A.public);
  const other = row(6, "        其他资金", A.other);
  const basic = row(7, "  基本支出", A.basic);
  const personnel = row(8, "    其中：人员经费", A.personnel);
  const publicUse = row(9, "          公用经费", A.publicUse);
  const project = row(10, "  项目支出", A.project);
  w.merged("A11:C11", "年度总体目标", { bold: true, center: true });
  w.merged("D11:J11", "保障全县农村公路养护和交通运输安全，完成重点交通工程建设，提升群众出行满意度。", { wrap: true });
  w.merged("A12:C12", "实际完成情况", { bold: true, center: true });
  const scoreTotalV = round2(A_ROWS.reduce((a, x) => a + x.score, 0));
  const actual = w.merged(
    "D12:J12",
    `${A.year}年全年预算3012.50万元，比年初预算增加152.50万元，增长5.33%；全年执行2894.36万元，预算执行率${(EXEC_RATE * 100).toFixed(2)}%。其中基本支出1650.88万元，项目支出1243.48万元。设置一级指标5个、三级指标14个。农村公路养护里程完成612公里，超出年度目标12公里，完成率为102%。`,
    { wrap: true },
  );

  // Indicators: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 (H:J).
  const head = 14;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"ABCDEFG"[i]}${head}`, h, { bold: true }));
  w.merged(`H${head}:J${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  mergeRuns(w, "A", top, A_ROWS.map((i) => i.l1));
  mergeRuns(w, "B", top, A_ROWS.map((i) => `${i.l1}/${i.l2}`), A_ROWS.map((i) => i.l2));
  const ind = A_ROWS.map((i, k) => {
    const r = top + k;
    w.set(`C${r}`, i.name);
    w.set(`D${r}`, i.target, { center: true });
    const act = w.set(`E${r}`, i.actual, { center: true });
    const weight = w.set(`F${r}`, i.weight, { fmt: "0" });
    const score = w.set(`G${r}`, i.score, { fmt: MONEY });
    const reason = w.merged(`H${r}:J${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  const tr = top + A_ROWS.length;
  w.merged(`A${tr}:E${tr}`, "合    计", { bold: true, center: true });
  const weightTotal = w.set(`F${tr}`, A_ROWS.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotal = w.set(`G${tr}`, scoreTotalV, { fmt: MONEY });
  w.merge(`H${tr}:J${tr}`);
  w.merged(`A${tr + 1}:E${tr + 1}`, "评价等次", { bold: true, center: true });
  const gradeText = `良好（${scoreTotalV.toFixed(2)}分）`;
  const grade = w.merged(`F${tr + 1}:J${tr + 1}`, gradeText, { center: true });
  const notes = w.merged(`A${tr + 2}:J${tr + 2}`, "注：评价等次分为优秀、良好、一般、较差四个等次。", { wrap: true });

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total.refs[c], [pub.refs[c], other.refs[c]], `总额 ${COLS[c]} = 财政拨款 + 其他资金`));
    relations.push(sum(total.refs[c], [basic.refs[c], project.refs[c]], `总额 ${COLS[c]} = 基本 + 项目`));
    relations.push(sum(basic.refs[c], [personnel.refs[c], publicUse.refs[c]], `基本支出 ${COLS[c]} = 人员 + 公用`));
  }
  for (const [lbl, x] of [["总额", total], ["财政拨款", pub], ["其他资金", other], ["基本支出", basic], ["人员经费", personnel], ["公用经费", publicUse], ["项目支出", project]] as const) {
    relations.push({ kind: "rate", rate: x.rate, num: x.refs[2], den: x.refs[1], decimals: 2, label: `${lbl} 执行率` });
  }
  const execIdx = A_ROWS.findIndex((x) => x.name === "预算执行率");
  relations.push({ kind: "execScore", score: ind[execIdx].score, num: total.refs[2], den: total.refs[1], weight: ind[execIdx].weight, label: "预算执行率 指标得分 = min(执行率, 1) × 分值" });
  relations.push(sum(weightTotal, ind.map((m) => m.weight), "合计 分值 = Σ"));
  relations.push(sum(scoreTotal, ind.map((m) => m.score), "合计 得分 = Σ"));
  ind.forEach((m, k) => relations.push({ kind: "le", a: m.score, b: m.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const traps: Trap[] = [
    { at: S(`A${top}`), why: "一级指标 履职效能 (another framework: 履职效能 / 管理效率 / 运行成本 / 社会效应 / 可持续发展)" },
    { at: ind[execIdx].score, why: "预算执行率 scored as an indicator row of the table, not in the funds block" },
    { at: grade, why: "the grade typed with the score in one cell “良好（…分）”" },
    { at: notes, why: "a notes row naming the grade words 优秀 / 良好 / 一般 / 较差" },
    { at: filed, why: "填报日期 in the year after the evaluated year" },
    { at: weightTotal, why: "分值 summing to 100 with the 预算执行率 inside the table" },
  ];
  const satisfaction = A_ROWS.findIndex((x) => x.name === "社会公众满意度");
  const key = A_ROWS.findIndex((x) => x.name === "重点工作完成率");
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 全年执行数 1410.65 (基本 1650.88 = 1400.65 + 250.23)", personnel.refs[2], 1410.65),
    num("part-not-footing", "其他资金 年初预算数 270 (2860 − 2600 = 260)", other.refs[0], 270),
    num("yuan-in-part", "项目支出 全年预算数 13572000 (1357.20 万元 in 元)", project.refs[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 28943600 (2894.36 万元 in 元)", total.refs[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 3022.50 (both splits say 3012.50)", total.refs[1], 3022.5),
    num("rate-wrong", "年度资金总额 执行率 94.08% for 2894.36/3012.50 = 96.08%", total.rate, 0.9408),
    num("exec-score-wrong", `预算执行率 indicator 得分 10 (full marks) for 96.08% of 10 = ${EXEC_SCORE}`, ind[execIdx].score, 10),
    num("weights-total", "合计 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "重点工作完成率 得分 12 of 10", ind[key].score, 12),
    put("grade-mismatch", `评价等次 “一般（${scoreTotalV.toFixed(2)}分）” for ${scoreTotalV} (一般 = 中)`, grade, `一般（${scoreTotalV.toFixed(2)}分）`),
    put("grade-mismatch", `评价等次 “优秀（${scoreTotalV.toFixed(2)}分）” for ${scoreTotalV}`, grade, `优秀（${scoreTotalV.toFixed(2)}分）`),
    put("grade-mismatch", `评价等次 “良好（85.50分）”: the score in the grade cell is not the 合计 ${scoreTotalV}`, grade, "良好（85.50分）"),
    txt("title-year", "title says 2023年度 (filed 2025, the table is 2024's)", title, "2024年度", "2023年度"),
    txt("prose-pct-change", "比年初预算增加152.50万元，增长15.33% (5.33%)", actual, "增长5.33%", "增长15.33%"),
    txt("prose-vs-table", "实际完成情况 says 预算执行率98.06% (table 96.08%)", actual, "预算执行率96.08%", "预算执行率98.06%"),
    txt("prose-vs-table", "实际完成情况 says 项目支出1234.48万元 (table 1243.48)", actual, "项目支出1243.48万元", "项目支出1234.48万元"),
    txt("prose-vs-table", "实际完成情况 counts 16 三级指标 (table 14)", actual, "三级指标14个", "三级指标16个"),
    txt("prose-yuan", "实际完成情况 says 全年执行28943600元 beside the 万元 table", actual, "全年执行2894.36万元", "全年执行28943600元"),
    txt("prose-completion-rate", "完成612公里，超出年度目标12公里，完成率为112% (102%)", actual, "完成率为102%", "完成率为112%"),
    put("reason-missing", "社会公众满意度 not achieved (78% of ≥90%), reason left empty", ind[satisfaction].reason, null),
    put("indicator-yuan-slip", "公用经费支出 实际完成值 “2502300万元” (250.23 万元 in 元)", ind[A_ROWS.findIndex((x) => x.name === "公用经费支出")].actual, "2502300万元"),
  ];
  return { form: "dept-framework", seed: "—", file: "dept-framework", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ β. bands on the form, 自评得分 merged right of 总分

const B = {
  year: 2024,
  name: "农村公路养护专项资金",
  dept: "某县交通运输局",
  unit: "某县公路养护中心",
  total: [500.0, 520.0, 468.3] as Triple,
  fiscal: [450.0, 470.0, 421.5] as Triple,
  other: [50.0, 50.0, 46.8] as Triple,
};
const B_EXEC_RATE = rate4(B.total[2], B.total[1]);
const B_EXEC_SCORE = round2(Math.min(B.total[2] / B.total[1], 1) * 10);
const B_ROWS: IndicatorRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "养护公路里程", target: "≥120公里", actual: "110公里", weight: 15, score: 13.75, reason: "2条县道因改建工程暂停养护；下一步改建完成后纳入养护计划。" },
  { l1: "产出指标", l2: "数量指标", name: "危桥改造数量", target: "≥8座", actual: "4座", weight: 10, score: 5, reason: "4座危桥设计变更，延至次年实施；下一步加快变更审批。" },
  { l1: "产出指标", l2: "质量指标", name: "养护工程验收合格率", target: "≥95%", actual: "88%", weight: 10, score: 9.26, reason: "部分路段平整度未达标，已返工；下一步加强施工过程监理。" },
  { l1: "产出指标", l2: "时效指标", name: "工程按期完成率", target: "≥90%", actual: "80%", weight: 5, score: 4.44, reason: "雨季施工受阻；下一步合理安排工期。" },
  { l1: "产出指标", l2: "成本指标", name: "每公里养护成本", target: "≤3.9万元", actual: "3.71万元", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "公路优良路率", target: "≥80%", actual: "68%", weight: 15, score: 12.75, reason: "重载车辆增多，路面病害加剧；下一步联合开展超限治理。" },
  { l1: "效益指标", l2: "可持续影响指标", name: "养护长效机制", target: "建立", actual: "达成年度指标", weight: 15, score: 15 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "沿线群众满意度", target: "≥90%", actual: "86%", weight: 10, score: 9.56, reason: "施工期间通行不便；下一步做好交通疏导和公示。" },
];

export function projectBandsCase(): FormCase {
  const name = "项目绩效自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHIJ".split("").forEach((c, i) => w.width(c, [10, 12, 14, 22, 14, 14, 10, 10, 10, 22][i]));
  w.merged("A1:J1", "项目支出绩效自评表", { bold: true, size: 16, center: true });
  const yearLine = w.merged("A2:J2", `（${B.year}年度）`, { center: true, size: 12 });
  w.merged("A3:G3", `填报单位：${B.unit}`);
  w.merged("H3:J3", "金额单位：万元");
  w.merged("A4:B4", "项目名称", { bold: true, center: true });
  w.merged("C4:J4", B.name);
  w.merged("A5:B5", "主管部门", { bold: true, center: true });
  w.merged("C5:E5", B.dept);
  w.merged("F5:G5", "实施单位", { bold: true, center: true });
  w.merged("H5:J5", B.unit);
  w.merged("A6:B9", "项目资金（万元）", { bold: true, center: true });
  w.merge("C6:D6");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => w.label(`${"EFGHIJ"[i]}6`, h, { bold: true }));
  const fund = (r: number, label: string, v: Triple): Ref[] => {
    w.merged(`C${r}:D${r}`, label, { center: true });
    return [w.money(`E${r}`, v[0]), w.money(`F${r}`, v[1]), w.money(`G${r}`, v[2])];
  };
  const total = fund(7, "年度资金总额", B.total);
  const fiscal = fund(8, "其中：财政资金", B.fiscal);
  const other = fund(9, "其他资金", B.other);
  for (const r of [8, 9]) ["H", "I", "J"].forEach((c) => w.dash(`${c}${r}`));
  const execWeight = w.set("H7", 10, { fmt: "0" });
  const execRate = w.rate("I7", B_EXEC_RATE);
  const execScore = w.set("J7", B_EXEC_SCORE, { fmt: MONEY });
  w.merged("A10:A11", "年度总体目标", { bold: true, center: true });
  w.merged("B10:F10", "预期目标", { bold: true, center: true });
  w.merged("G10:J10", "实际完成情况", { bold: true, center: true });
  w.merged("B11:F11", "完成农村公路养护120公里、危桥改造8座，公路优良路率达到80%以上。", { wrap: true });
  const actual = w.merged(
    "G11:J11",
    `${B.year}年全年预算520.00万元，比年初预算增加20.00万元，增长4.00%；执行468.30万元，预算执行率${(B_EXEC_RATE * 100).toFixed(2)}%。完成养护公路里程110公里，改造危桥4座；完成路面修补工程26个，超出年度目标2个，完成率为108.33%。共设置三级指标8个。`,
    { wrap: true },
  );
  const top = 13;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"BCDEFGH"[i]}12`, h, { bold: true }));
  w.merged("I12:J12", "偏差原因分析及改进措施", { bold: true, center: true });
  w.merged(`A12:A${top + B_ROWS.length - 1}`, "绩效指标", { bold: true, center: true });
  mergeRuns(w, "B", top, B_ROWS.map((i) => i.l1));
  mergeRuns(w, "C", top, B_ROWS.map((i) => `${i.l1}/${i.l2}`), B_ROWS.map((i) => i.l2));
  const ind = B_ROWS.map((i, k) => {
    const r = top + k;
    w.set(`D${r}`, i.name);
    w.set(`E${r}`, i.target, { center: true });
    const act = w.set(`F${r}`, i.actual, { center: true });
    const weight = w.set(`G${r}`, i.weight, { fmt: "0" });
    const score = w.set(`H${r}`, i.score, { fmt: MONEY });
    const reason = w.merged(`I${r}:J${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual: act, reason };
  });
  const tr = top + B_ROWS.length;
  const scoreTotalV = round2(B_EXEC_SCORE + B_ROWS.reduce((a, x) => a + x.score, 0));
  w.merged(`A${tr}:F${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`G${tr}`, 10 + B_ROWS.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  // The 自评得分 in a merged cell over the 得分 and reason columns, right of the 总分 row.
  const scoreTotal = w.merged(`H${tr}:J${tr}`, scoreTotalV, { fmt: MONEY, center: true });
  w.merged(`A${tr + 1}:F${tr + 1}`, "自评等级", { bold: true, center: true });
  const grade = w.merged(`G${tr + 1}:J${tr + 1}`, "优", { center: true });
  const bands = w.merged(`A${tr + 2}:J${tr + 2}`, "评价等级：85分（含）以上为优，75（含）-85分为良，60（含）-75分为中，60分以下为差。", { wrap: true });
  w.merged(`A${tr + 4}:D${tr + 4}`, "填报人：王某");
  const filed = w.merged(`H${tr + 4}:J${tr + 4}`, "填报日期：2025年2月28日");

  const relations: Relation[] = [];
  for (let c = 0; c < 3; c++) relations.push(sum(total[c], [fiscal[c], other[c]], `年度资金总额 ${COLS[c]} = 财政资金 + 其他资金`));
  relations.push({ kind: "rate", rate: execRate, num: total[2], den: total[1], decimals: 2, label: "执行率" });
  relations.push({ kind: "execScore", score: execScore, num: total[2], den: total[1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: grade, why: `自评等级 优 for ${scoreTotalV}: 优 by the bands written on the form (85 and above), 良 by the national ones` },
    { at: bands, why: "the grade bands written in a note row under the table" },
    { at: scoreTotal, why: "自评得分 in a merged cell H:J right of the 总分 row" },
    { at: filed, why: "填报日期 in the year after the evaluated year" },
    { at: yearLine, why: "the year on its own line under the title" },
  ];
  const cost = B_ROWS.findIndex((x) => x.name === "每公里养护成本");
  const bridges = B_ROWS.findIndex((x) => x.name === "危桥改造数量");
  const variants: Variant[] = [
    num("part-not-footing", "其中：财政资金 全年执行数 431.50 (总额 468.30 = 421.50 + 46.80)", fiscal[2], 431.5),
    num("part-not-footing", "其他资金 年初预算数 60 (500 − 450 = 50)", other[0], 60),
    num("yuan-in-part", "其中：财政资金 全年预算数 4700000 (470 万元 in 元)", fiscal[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 4683000 (468.30 万元 in 元)", total[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 530 (Σ 520)", total[1], 530),
    num("rate-wrong", `执行率 80.06% for 468.30/520 = ${(B_EXEC_RATE * 100).toFixed(2)}%`, execRate, 0.8006),
    num("exec-score-wrong", `执行率得分 10 (full marks) for ${(B_EXEC_RATE * 100).toFixed(2)}% of 10 = ${B_EXEC_SCORE}`, execScore, 10),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "危桥改造数量 得分 12 of 10", ind[bridges].score, 12),
    put("grade-mismatch", `自评等级 良 for ${scoreTotalV} (优 from 85 by the bands on the form)`, grade, "良"),
    txt("title-year", "（2023年度） under the title of a 2024 form", yearLine, "2024", "2023"),
    txt("prose-vs-table", "实际完成情况 says 预算执行率96.50% (table 90.06%)", actual, `预算执行率${(B_EXEC_RATE * 100).toFixed(2)}%`, "预算执行率96.50%"),
    txt("prose-vs-table", "实际完成情况 says 执行486.30万元 (table 468.30)", actual, "执行468.30万元", "执行486.30万元"),
    txt("prose-vs-table", "实际完成情况 counts 10 三级指标 (table 8)", actual, "共设置三级指标8个", "共设置三级指标10个"),
    txt("prose-yuan", "实际完成情况 says 执行4683000元 beside the 万元 table", actual, "执行468.30万元", "执行4683000元"),
    txt("prose-pct-change", "比年初预算增加20.00万元，增长14.00% (4.00%)", actual, "增长4.00%", "增长14.00%"),
    txt("prose-completion-rate", "完成26个，超出年度目标2个，完成率为118.33% (108.33%)", actual, "完成率为108.33%", "完成率为118.33%"),
    put("indicator-yuan-slip", "每公里养护成本 实际完成值 “37100万元” (3.71 万元 in 元)", ind[cost].actual, "37100万元"),
    put("reason-missing", "危桥改造数量 not achieved (4 of ≥8座), reason left empty", ind[bridges].reason, null),
  ];
  return { form: "project-bands", seed: "—", file: "project-bands", book: { sheets: [w.spec] }, relations, variants, traps };
}
