/**
 * g. The 湖南 (岳阳) 整体支出自评 layout, the CONTROL of the corpus: seed 000 (临湘市医疗保障局 2021) laid out as
 * today's examples and acceptance tests already read it (a front sheet of label/value pairs and texts; the
 * 收入 / 支出 / 三公经费 / 固定资产 tables with two- and three-row merged headers and rows 汇总, 局机关,
 * 二级机构1 and a blank 二级机构2; a 绩效自评 sheet with the 预算执行率 line, the indicator table, the
 * 得分汇总, 综合得分 and 评价等次), without defined names.
 *
 * Corrections of the seed: the prose says 346.77万元 (the seed: 346.77元) with its true parts 224.06 +
 * 122.71; 历年累计结余 19797.89 (the seed: 19787.89 against parts summing to 19797.89); weights that total
 * 100 (the seed's sum to 91 with a 综合得分 of 96). Invented: the 预算执行 line (年初 30500.00, 全年 = 执行 =
 * 30803.13, the seed's 支出合计), the indicators' targets and actuals.
 */
import { type Ref, SheetWriter, MONEY, RATE } from "./book";
import { num, put, txt, yuan } from "./corpus-helpers";
import { type Relation, sum } from "./relations";
import type { FormCase, Trap, Variant } from "./types";

const UNITS = ["局机关及二级机构汇总", "1、局机关", "2、二级机构1", "3、二级机构2"];
const INCOME = [
  [30803.13, 0, 30750.58, 52.55, 0, 0],
  [1911.06, 0, 1858.51, 52.55, 0, 0],
  [28892.07, 0, 28892.07, 0, 0, 0],
];
const EXPENSE = [
  [30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0],
  [1911.06, 1911.06, 1640.27, 270.79, 0, 0, 0],
  [28892.07, 346.77, 224.06, 122.71, 28545.3, 0, 0],
];
const SANGONG = [
  [32.25, 32.25, 0, 0, 0],
  [24, 24, 0, 0, 0],
  [8.25, 8.25, 0, 0, 0],
];
const ASSETS = [
  [88.57, 88.57, 0, 0],
  [51.14, 51.14, 0, 0],
  [37.43, 37.43, 0, 0],
];
/** 一级, 二级, 三级, 方向, 指标值, 完成值, 分值, 得分 (seed 000's indicator names; values invented). */
const INDICATORS: [string, string, string, string, string, string, number, number][] = [
  ["产出指标", "数量指标", "指标1：基本支出", "≤", "2257.83万元", "2257.83万元", 15, 15],
  ["产出指标", "质量指标", "指标1：财政供养控制率", "≤", "100%", "100%", 10, 10],
  ["产出指标", "时效指标", "指标1：资金发放率", "≥", "95%", "100%", 10, 10],
  ["产出指标", "成本指标", "指标3：资金结余", "定性", "无结余", "达成年度指标", 15, 15],
  ["效益指标", "社会效益指标", "指标1：保证医保局工作正常运行", "定性", "正常运行", "达成年度指标", 10, 10],
  ["效益指标", "经济效益指标", "指标1：提高医保资金的使用效益", "定性", "提高使用效益", "达成年度指标", 10, 10],
  ["效益指标", "生态效益指标", "指标1：实现医保基金效益最大化", "定性", "效益最大化", "达成年度指标", 10, 10],
  ["满意度指标", "服务对象满意度指标", "指标1：参保人员对政策及时知晓", "≥", "90%", "95%", 10, 10],
];
const EXEC = { initial: 30500.0, adjusted: 30803.13, executed: 30803.13, rate: 1, weight: 10, score: 10 };

const TEXTS = {
  duties: "我局职能职责主要分两大块：一是主要落实国家、省医疗保障各项待遇政策，组织制定、补充和完善全市医疗保障筹资和待遇政策；二是负责全市范围内医保关系的建立、中断、转移、终止等经办事务。",
  tasks: "任务1：稳参保增基金，保障能力不断强化。任务2：保基本谋发展，惠民服务扎实给力。任务3：完善监管，持续监测。任务4：切实加强行业队伍建设。",
  achievements:
    "2021年，全市医疗保险参保人数49.3万人，参保率达95.44%，征缴基金5.33亿元，实现参保覆盖面稳定在95%的工作目标。截止2021年12月，各项医保基金历年累计结余19797.89万元（职工医保统筹基金结余491.97万元、个人账户结余11548.57万元、居民医保结余7757.35万元）。临湘市医疗保障局机关基本支出1911.06万元，其中：工资福利支出420.05万元、一般商品和服务支出270.79万元、对个人和家庭的补助1220.22万元。临湘市医疗保障事务中心基本支出346.77万元，其中：工资福利支出224.06万元、一般商品和服务支出122.71万元。",
  problems: "一是基本医保全覆盖难度大。二是基金支付风险逐年升高。三是医疗监管困难仍然突出。",
  measures: "一、履行医保部门职责，做好重点工作。二、织密医疗监管防护网，整治违规行为。三、完善基本医保制度建设，增强托底功能。四、加强医保管理队伍建设，提高服务效能。",
};

export function hunanCase(): FormCase {
  const front = new SheetWriter("自评报告");
  front.width("A", 26);
  front.width("B", 60);
  const title = front.merged("A1:F1", "临湘市  2021 年度部门（单位）整体支出绩效评价自评报告", { bold: true, size: 14, center: true });
  const pairs: [string, string, string, string | number][] = [
    ["A3", "部门(单位)名称", "B3", "临湘市医疗保障局"],
    ["A4", "评价方式", "B4", "部门（单位）绩效自评"],
    ["A5", "报告日期", "B5", "2022年8月16日"],
    ["A6", "联系人", "B6", "杨美荣"],
    ["C6", "联络电话", "D6", "3728919"],
    ["A7", "人员编制", "B7", 65],
    ["C7", "实有人数", "D7", 65],
  ];
  for (const [la, l, va, v] of pairs) {
    front.set(la, l, { bold: true });
    front.set(va, v);
  }
  const texts: Ref[] = [];
  (
    [
      ["职能职责概述", TEXTS.duties],
      ["年度主要工作内容", TEXTS.tasks],
      ["年度部门（单位）总体运行情况及取得的成绩", TEXTS.achievements],
      ["存在的主要问题", TEXTS.problems],
      ["改进措施和有关建议", TEXTS.measures],
    ] as const
  ).forEach(([l, t], i) => {
    front.set(`A${9 + i}`, l, { bold: true });
    texts.push(front.merged(`B${9 + i}:F${9 + i}`, t, { wrap: true }));
  });
  const achievements = texts[2];

  const ws = new SheetWriter("收支情况");
  ws.width("A", 24);
  // 汇总, 局机关, 二级机构1, then the blank 3、二级机构2 row the form provides.
  const block = (top: number, rows: number[][]): Ref[][] => {
    ws.set(`A${top + rows.length}`, UNITS[rows.length]);
    return rows.map((r, i) => {
      ws.set(`A${top + i}`, UNITS[i]);
      return r.map((v, k) => ws.money(`${"BCDEFGH"[k]}${top + i}`, v));
    });
  };
  ws.merged("A1:G1", "年度收入情况（万元）", { bold: true });
  ws.merged("A2:A3", "机构名称", { bold: true, center: true });
  ws.merged("B2:B3", "收入合计", { bold: true, center: true });
  ws.merged("C2:G2", "其中：", { bold: true, center: true });
  ["上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"].forEach((h, i) => ws.label(`${"CDEFG"[i]}3`, h, { bold: true }));
  const inc = block(4, INCOME);

  ws.merged("A9:H9", "部门（单位）年度支出和结余情况（万元）", { bold: true });
  ws.merged("A10:A12", "机构名称", { bold: true, center: true });
  ws.merged("B10:B12", "支出合计", { bold: true, center: true });
  ws.merged("C10:F10", "其中：", { bold: true, center: true });
  ws.merged("G10:H10", "结余", { bold: true, center: true });
  ws.merged("C11:C12", "基本支出", { bold: true, center: true });
  ws.merged("D11:E11", "其中：", { bold: true, center: true });
  ws.merged("F11:F12", "项目支出", { bold: true, center: true });
  ws.merged("G11:G12", "当年结余", { bold: true, center: true });
  ws.merged("H11:H12", "累计结余", { bold: true, center: true });
  ws.label("D12", "人员支出", { bold: true });
  ws.label("E12", "公用支出", { bold: true });
  const exp = block(13, EXPENSE);

  ws.merged("A18:A19", "机构名称", { bold: true, center: true });
  ws.merged("B18:B19", "三公经费\n\n合计", { bold: true, center: true });
  ws.merged("C18:F18", "其中：", { bold: true, center: true });
  ["公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"].forEach((h, i) => ws.label(`${"CDEF"[i]}19`, h, { bold: true }));
  const sg = block(20, SANGONG);

  ws.merged("A25:A26", "机构名称", { bold: true, center: true });
  ws.merged("B25:B26", "固定资产\n\n合计", { bold: true, center: true });
  ws.merged("C25:D25", "其中：", { bold: true, center: true });
  ws.merged("E25:E26", "其他", { bold: true, center: true });
  ws.label("C26", "在用固定资产", { bold: true });
  ws.label("D26", "出租固定资产", { bold: true });
  const as = block(27, ASSETS);

  const ev = new SheetWriter("绩效自评");
  ["年初预算数", "全年预算数", "全年执行数", "预算执行率", "预算执行率分值", "预算执行率得分"].forEach((h, i) => ev.label(`${"ABCDEF"[i]}1`, h, { bold: true }));
  const e = {
    initial: ev.money("A2", EXEC.initial),
    adjusted: ev.money("B2", EXEC.adjusted),
    executed: ev.money("C2", EXEC.executed),
    rate: ev.set("D2", EXEC.rate, { fmt: RATE }),
    weight: ev.set("E2", EXEC.weight, { fmt: "0" }),
    score: ev.set("F2", EXEC.score, { fmt: MONEY }),
  };
  ev.merged("A4:I4", "三、部门（单位）整体支出绩效自评情况", { bold: true });
  ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => ev.label(`${"ABCDEFGHI"[i]}5`, h, { bold: true }));
  const ind = INDICATORS.map(([l1, l2, l3, dir, a, b, w, s], i) => {
    const r = 6 + i;
    if (i === 0 || INDICATORS[i - 1][0] !== l1) ev.set(`A${r}`, l1, { center: true });
    ev.set(`B${r}`, l2);
    ev.set(`C${r}`, l3);
    ev.set(`D${r}`, dir, { center: true });
    ev.set(`E${r}`, a);
    ev.set(`F${r}`, b);
    return { weight: ev.set(`G${r}`, w, { fmt: "0" }), score: ev.set(`H${r}`, s, { fmt: MONEY }), l1 };
  });
  ev.merge("A6:A9");
  ev.merge("A10:A12");
  ev.merged("A15:C15", "得分汇总", { bold: true });
  ["一级指标", "分值", "得分"].forEach((h, i) => ev.label(`${"ABC"[i]}16`, h, { bold: true }));
  const groups = ["产出指标", "效益指标", "满意度指标"];
  ev.set("A17", "预算执行率");
  ev.set("B17", 10, { fmt: "0" });
  const sumExec = ev.set("C17", EXEC.score, { fmt: MONEY });
  const grp = groups.map((g, i) => {
    ev.set(`A${18 + i}`, g);
    const members = ind.filter((x) => x.l1 === g);
    return {
      g,
      weight: ev.set(`B${18 + i}`, INDICATORS.filter((x) => x[0] === g).reduce((a, x) => a + x[6], 0), { fmt: "0" }),
      score: ev.set(`C${18 + i}`, INDICATORS.filter((x) => x[0] === g).reduce((a, x) => a + x[7], 0), { fmt: MONEY }),
      members,
    };
  });
  const total = EXEC.score + INDICATORS.reduce((a, x) => a + x[7], 0);
  ev.set("A22", "绩效自评综合得分", { bold: true });
  const totalRef = ev.set("B22", total, { fmt: MONEY });
  ev.set("A23", "评价等次", { bold: true });
  const grade = ev.set("B23", "优秀");

  const relations: Relation[] = [];
  const rowSum = (rows: Ref[][], total: number, parts: number[], label: string): void => {
    rows.forEach((r, i) => relations.push(sum(r[total], parts.map((p) => r[p]), `${label} ${UNITS[i]}`)));
  };
  const colSum = (rows: Ref[][], label: string): void => {
    rows[0].forEach((t, k) => relations.push(sum(t, [rows[1][k], rows[2][k]], `${label} 汇总 列${k + 1}`)));
  };
  rowSum(inc, 0, [1, 2, 3, 4, 5], "收入合计 = Σ 来源");
  colSum(inc, "收入");
  rowSum(exp, 0, [1, 4], "支出合计 = 基本 + 项目");
  rowSum(exp, 1, [2, 3], "基本 = 人员 + 公用");
  colSum(exp, "支出");
  rowSum(sg, 0, [1, 2, 3, 4], "三公合计 = Σ");
  colSum(sg, "三公");
  rowSum(as, 0, [1, 2, 3], "固定资产合计 = Σ");
  colSum(as, "固定资产");
  relations.push({ kind: "rate", rate: e.rate, num: e.executed, den: e.adjusted, decimals: 2, label: "预算执行率" });
  relations.push({ kind: "execScore", score: e.score, num: e.executed, den: e.adjusted, weight: e.weight, label: "预算执行率得分" });
  relations.push(sum(sumExec, [e.score], "得分汇总 预算执行率 = 预算执行率得分"));
  grp.forEach((g) => relations.push(sum(g.score, g.members.map((m) => m.score), `${g.g} 得分 = Σ`)));
  grp.forEach((g) => relations.push(sum(g.weight, g.members.map((m) => m.weight), `${g.g} 分值 = Σ`)));
  relations.push(sum(totalRef, [sumExec, ...grp.map((g) => g.score)], "综合得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: { sheet: ws.name, a1: "A7" }, why: "the blank row 3、二级机构2 of the 收入 table" },
    { at: { sheet: front.name, a1: "B5" }, why: "报告日期 2022年8月16日, the year after the evaluated 2021" },
    { at: grade, why: "评价等次 written 优秀 (湖南's word for 优)" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "局机关 人员支出 1650.27 (基本 1911.06 = 1640.27 + 270.79)", exp[1][2], 1650.27),
    num("yuan-in-part", "二级机构1 基本支出 3467700 (346.77 万元 in 元)", exp[2][1], yuan),
    num("yuan-in-total", "汇总 收入合计 308031300", inc[0][0], yuan),
    num("total-wrong", "汇总 三公经费合计 33.25 (Σ 32.25)", sg[0][0], 33.25),
    num("rate-wrong", "预算执行率 90.00% for 100%", e.rate, 0.9),
    num("exec-score-wrong", "预算执行率得分 9.50 for 100% of 10", e.score, 9.5),
    num("subtotal-over-parts", "得分汇总 产出指标 52 over its parts summing to 50", grp[0].score, 52),
    num("score-over-weight", "指标1：基本支出 得分 18 of 15", ind[0].score, 18),
    put("grade-mismatch", "评价等次 良 for 100", grade, "良"),
    txt("title-year", "title says 2020 年度 (the report is 2021's)", title, "2021", "2020"),
    txt("prose-yuan", "事务中心基本支出346.77元 beside the 万元 table (seed 000's own mistake)", achievements, "基本支出346.77万元", "基本支出346.77元"),
    txt("prose-vs-table", "机关基本支出1991.06万元 (table 1911.06)", achievements, "基本支出1911.06万元", "基本支出1991.06万元"),
    txt("prose-vs-table", "历年累计结余19787.89万元 over parts summing to 19797.89 (seed 000's own mistake)", achievements, "19797.89", "19787.89"),
  ];
  return { form: "hunan-whole", seed: "000", file: "hunan-whole", book: { sheets: [front.spec, ws.spec, ev.spec] }, relations, variants, traps };
}
