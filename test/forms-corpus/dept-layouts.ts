/**
 * Two more layouts of the 部门整体支出绩效自评表, as other bureaus print it (the hidden evaluation uses
 * workbooks we have not seen: these are unlike c. in every way a bureau varies the form). Data invented,
 * consistent to the cent; each kind that applies is planted by the corpus machinery.
 *
 * c2. 四川-style (like the 四川 部门预算项目支出绩效自评表 of 510000_0013zp, for a whole department): the year
 *     only in the title “部门整体支出绩效自评表（2023年度）”, “填报单位：…” label and value in one cell, a
 *     “预算执行情况（10分）” block merged down column A, rows 总额 / 按收入性质分：其中：一般公共预算拨款 … /
 *     按支出性质分：其中：基本支出, 人员经费, 公用经费, 项目支出 × 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 |
 *     权重 | 得分 | 原因 (填报日期 in the same cell as 填报单位); “—” for a source the department has none of, “/” for 权重 and 得分 of the 其中 rows;
 *     a “绩效指标（90分）” block with 指标性质, bare 指标值 / 完成值 beside a 度量单位 column, 权重 and
 *     未完成原因分析; a blank row inside it; a 合计 row (权重 100 with the 执行率's 10); no 得分汇总; 评价等级;
 *     评价结论 / 存在问题 / 改进措施 text rows; the sheet left as “Sheet1”.
 * c3. a 市/区 layout (广东 / 浙江 style): unit and year only in the title “某某区卫生健康局2023年度部门整体支出
 *     绩效自评表”, a two-row merged header over the funds (资金类别 | 预算资金（万元）: 年初预算数, 全年预算数,
 *     全年执行数 | 执行率 | 分值 | 得分 | 备注), the splits' names merged down column A (按收入性质分 /
 *     按支出性质分) with the rows in column B, a source row all “—”; indicators with 一级/二级 merged
 *     vertically, 三级 over two merged columns, 分值 BEFORE 年度指标值, values with units in the text
 *     (“≥95%”, “≤3821.45万元”), a blank row between groups, then a 得分汇总 placed in columns E–G with a
 *     合计 row, “评价等次：优” in one cell and a 自评结论 paragraph.
 */
import { type Ref, SheetWriter, MONEY } from "./book";
import { num, put, rateAsText, txt, yuan } from "./corpus-helpers";
import { mergeRuns, rate4, round2 } from "./project-form";
import { type Relation, equal, sum } from "./relations";
import type { FormCase, Trap, Variant } from "./types";

type Triple = [number, number, number];
const COLS = ["年初预算数", "全年预算数", "全年执行数"];

/** A funds row: its label, amounts (null: “—” in every cell, the department has none), and its cells. */
interface FundsRow {
  label: string;
  v: Triple | null;
  refs?: Ref[];
  rate?: Ref;
}

/** The fund relations of both splits and the rates of every row with money. */
function fundRelations(total: Ref[], income: FundsRow[], basic: FundsRow, personnel: FundsRow, publicUse: FundsRow, project: FundsRow, execRate: Ref): Relation[] {
  const out: Relation[] = [];
  const inc = income.filter((r) => r.refs);
  for (let c = 0; c < 3; c++) {
    out.push(sum(total[c], inc.map((r) => r.refs![c]), `总额 ${COLS[c]} = Σ 按收入性质`));
    out.push(sum(total[c], [basic.refs![c], project.refs![c]], `总额 ${COLS[c]} = 基本支出 + 项目支出`));
    out.push(sum(basic.refs![c], [personnel.refs![c], publicUse.refs![c]], `基本支出 ${COLS[c]} = 人员经费 + 公用经费`));
  }
  for (const r of [...inc, basic, personnel, publicUse, project]) {
    if (r.rate) out.push({ kind: "rate", rate: r.rate, num: r.refs![2], den: r.refs![1], decimals: 2, label: `${r.label} 执行率` });
  }
  out.push({ kind: "rate", rate: execRate, num: total[2], den: total[1], decimals: 2, label: "总额 执行率" });
  return out;
}

interface Indicator {
  l1: string;
  l2: string;
  name: string;
  sign: string;
  target: string;
  unit: string;
  actual: string;
  weight: number;
  score: number;
  reason?: string;
}

// ------------------------------------------------------------------------------------------ c2. 四川-style

const C2 = {
  year: 2023,
  unit: "某县农业农村局",
  total: [1250.0, 1386.4, 1302.62] as Triple,
  income: [
    { label: "其中：一般公共预算拨款", v: [1100.0, 1206.4, 1150.12] as Triple },
    { label: "政府性基金预算拨款", v: [100.0, 130.0, 105.0] as Triple },
    { label: "国有资本经营预算拨款", v: null },
    { label: "财政专户管理资金", v: [0, 0, 0] as Triple },
    { label: "单位资金", v: [50.0, 50.0, 47.5] as Triple },
  ],
  basic: [650.0, 672.3, 668.95] as Triple,
  personnel: [560.0, 575.8, 574.35] as Triple,
  publicUse: [90.0, 96.5, 94.6] as Triple,
  project: [600.0, 714.1, 633.67] as Triple,
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "高标准农田建设面积", sign: "≥", target: "2", unit: "万亩", actual: "2.1", weight: 15, score: 15 },
    { l1: "产出指标", l2: "质量指标", name: "农产品质量安全抽检合格率", sign: "≥", target: "98", unit: "%", actual: "98.6", weight: 15, score: 15 },
    { l1: "产出指标", l2: "时效指标", name: "补贴资金发放及时率", sign: "=", target: "100", unit: "%", actual: "100", weight: 10, score: 10 },
    { l1: "产出指标", l2: "成本指标", name: "部门整体支出成本", sign: "≤", target: "1386.40", unit: "万元", actual: "1302.62", weight: 10, score: 10 },
    { l1: "效益指标", l2: "经济效益指标", name: "农村居民人均可支配收入增长率", sign: "≥", target: "6", unit: "%", actual: "5.4", weight: 15, score: 13.5, reason: "受农产品价格下行影响，收入增幅低于预期；下一步加强产销对接，发展特色产业" },
    { l1: "效益指标", l2: "社会效益指标", name: "带动农户数", sign: "≥", target: "3000", unit: "户", actual: "3200", weight: 15, score: 15 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "农户满意度", sign: "≥", target: "90", unit: "%", actual: "93", weight: 10, score: 10 },
  ] as Indicator[],
  grade: "优",
};

export function deptSichuanCase(): FormCase {
  const name = "Sheet1";
  const w = new SheetWriter(name);
  "ABCDEFGHIJK".split("").forEach((c, i) => w.width(c, [10, 12, 12, 22, 10, 11, 10, 11, 10, 10, 26][i]));
  const title = w.merged("A1:K1", `部门整体支出绩效自评表（${C2.year}年度）`, { bold: true, size: 16, center: true });
  const filed = w.merged("A2:G2", `填报单位：${C2.unit}　　　填报日期：2024年3月20日`);
  w.merged("H2:K2", "金额单位：万元");
  w.merged("A3:B3", "联系人", { bold: true, center: true });
  w.merged("C3:F3", "王晓");
  w.merged("G3:H3", "联系电话", { bold: true, center: true });
  w.merged("I3:K3", "0838-6212345");

  w.merged("A4:A16", "预算执行情况（10分）", { bold: true, center: true });
  w.merged("B4:C4", "年度预算数（万元）", { bold: true, center: true });
  ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"].forEach((h, i) => w.label(`${"DEFGHI"[i]}4`, h, { bold: true }));
  w.merged("J4:K4", "原因", { bold: true, center: true });
  const fundsRow = (r: number, row: FundsRow, first = false): FundsRow => {
    w.merged(`B${r}:C${r}`, row.label);
    if (!row.v) {
      ["D", "E", "F", "G"].forEach((c) => w.dash(`${c}${r}`));
    } else {
      row.refs = [w.money(`D${r}`, row.v[0]), w.money(`E${r}`, row.v[1]), w.money(`F${r}`, row.v[2])];
      if (row.v[1] > 0) row.rate = w.rate(`G${r}`, rate4(row.v[2], row.v[1]));
      else w.dash(`G${r}`);
    }
    if (!first) {
      w.set(`H${r}`, "/", { center: true });
      w.set(`I${r}`, "/", { center: true });
    }
    w.merge(`J${r}:K${r}`);
    return row;
  };
  const totalRow = fundsRow(5, { label: "总额", v: C2.total }, true);
  const execWeight = w.set("H5", 10, { fmt: "0" });
  const execScoreV = round2(Math.min(C2.total[2] / C2.total[1], 1) * 10);
  const execScore = w.set("I5", execScoreV, { fmt: MONEY });
  w.set("J5", "年中追加高标准农田建设资金136.40万元");
  w.merged("B6:C6", "按收入性质分：", { bold: true });
  const income = C2.income.map((x, i) => fundsRow(7 + i, { label: x.label, v: x.v }));
  w.merged("B12:C12", "按支出性质分：", { bold: true });
  const basic = fundsRow(13, { label: "其中：基本支出", v: C2.basic });
  const personnel = fundsRow(14, { label: "    人员经费", v: C2.personnel });
  const publicUse = fundsRow(15, { label: "    公用经费", v: C2.publicUse });
  const project = fundsRow(16, { label: "项目支出", v: C2.project });
  const execRate = totalRow.rate!;

  w.merged("A17:B17", "年度总体目标", { bold: true, center: true });
  w.merged("C17:K17", "推进高标准农田建设，保障农产品质量安全，按时足额发放各类惠农补贴，带动农户增收。", { wrap: true });
  w.merged("A18:B18", "年度目标完成情况", { bold: true, center: true });
  const actual = w.merged(
    "C18:K18",
    "全年建成高标准农田2.1万亩，农产品质量安全抽检合格率98.6%，各类补贴资金按时发放；带动农户3200户。农村居民人均可支配收入增长5.4%，低于年度目标6%，完成率为90%。",
    { wrap: true },
  );

  const head = 19;
  w.merged(`A${head}:A${head + 8}`, "绩效指标（90分）", { bold: true, center: true });
  ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"].forEach((h, i) => w.label(`${"BCDEFGHIJK"[i]}${head}`, h, { bold: true }));
  // Rows: 产出 ×4, 效益 ×2, a blank row, 满意度.
  const rowOf = (k: number): number => head + 1 + k + (k >= 6 ? 1 : 0);
  const blank = head + 7;
  mergeRuns(w, "B", head + 1, C2.indicators.slice(0, 6).map((i) => i.l1));
  mergeRuns(w, "C", head + 1, C2.indicators.slice(0, 6).map((i) => i.l2));
  const ind = C2.indicators.map((i, k) => {
    const r = rowOf(k);
    if (k >= 6) {
      w.set(`B${r}`, i.l1, { center: true });
      w.set(`C${r}`, i.l2, { center: true });
    }
    w.set(`D${r}`, i.name);
    w.set(`E${r}`, i.sign, { center: true });
    w.set(`F${r}`, i.target, { center: true });
    w.set(`G${r}`, i.unit, { center: true });
    return {
      actual: w.set(`H${r}`, i.actual, { center: true }),
      weight: w.set(`I${r}`, i.weight, { fmt: "0" }),
      score: w.set(`J${r}`, i.score, { fmt: MONEY }),
      reason: w.set(`K${r}`, i.reason ?? null, { wrap: true }),
    };
  });
  const tr = head + 9;
  w.merged(`A${tr}:H${tr}`, "合计", { bold: true, center: true });
  const weightTotal = w.set(`I${tr}`, 10 + C2.indicators.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotalV = round2(execScoreV + C2.indicators.reduce((a, x) => a + x.score, 0));
  const scoreTotal = w.set(`J${tr}`, scoreTotalV, { fmt: MONEY });
  w.merged(`A${tr + 1}:B${tr + 1}`, "评价等级", { bold: true, center: true });
  const grade = w.merged(`C${tr + 1}:D${tr + 1}`, C2.grade, { center: true });
  w.merged(`A${tr + 2}:B${tr + 2}`, "评价结论", { bold: true, center: true });
  const conclusion = w.merged(
    `C${tr + 2}:K${tr + 2}`,
    `经自评，${C2.year}年度部门整体支出绩效自评得分${scoreTotalV.toFixed(2)}分，评价等级为“优”。年初预算1250.00万元，年中追加136.40万元，比年初预算增长10.91%；全年调整后预算1386.40万元，执行1302.62万元，预算执行率93.96%。绩效指标共设置7个三级指标。`,
    { wrap: true },
  );
  w.merged(`A${tr + 3}:B${tr + 3}`, "存在问题", { bold: true, center: true });
  w.merged(`C${tr + 3}:K${tr + 3}`, "部分项目实施进度偏慢，资金支出不够均衡。", { wrap: true });
  w.merged(`A${tr + 4}:B${tr + 4}`, "改进措施", { bold: true, center: true });
  w.merged(`C${tr + 4}:K${tr + 4}`, "加强项目前期论证，按月调度支出进度。", { wrap: true });
  w.merged(`A${tr + 5}:E${tr + 5}`, "单位负责人：李华");
  w.merged(`F${tr + 5}:K${tr + 5}`, "财务负责人：赵敏");

  const relations = fundRelations(totalRow.refs!, income, basic, personnel, publicUse, project, execRate);
  relations.push({ kind: "execScore", score: execScore, num: totalRow.refs![2], den: totalRow.refs![1], weight: execWeight, label: "执行率得分" });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "合计 权重 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "合计 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 权重` }));

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const traps: Trap[] = [
    { at: S("G9"), why: "“—” in every cell of a source the department has none of (国有资本经营预算拨款)" },
    { at: S("H7"), why: "“/” as the 权重 of a 其中 row" },
    { at: S(`B${blank}`), why: "a blank row inside the indicator table" },
    { at: S("J5"), why: "a reason written beside the 总额 row" },
    { at: filed, why: "填报单位 and 填报日期 (the year after) in one cell" },
    rateAsText(basic.rate!, "基本支出 预算执行率 typed as the text “99.50%”"),
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 预算执行数 584.35 (基本 668.95 = 574.35 + 94.60)", personnel.refs![2], 584.35),
    num("part-not-footing", "政府性基金预算拨款 年初预算 110 (总额 1250)", income[1].refs![0], 110),
    num("part-not-footing", "项目支出 调整后预算数 724.10 (1386.40 − 672.30 = 714.10)", project.refs![1], 724.1),
    num("yuan-in-part", "公用经费 预算执行数 946000 (94.60 万元 in 元)", publicUse.refs![2], yuan),
    num("yuan-in-total", "总额 预算执行数 13026200", totalRow.refs![2], yuan),
    num("total-wrong", "总额 调整后预算数 1396.40 (both splits give 1386.40)", totalRow.refs![1], 1396.4),
    num("rate-wrong", "总额 预算执行率 95.96% for 1302.62/1386.40 = 93.96%", execRate, 0.9596),
    num("exec-score-wrong", "执行率得分 10 (full marks) for 93.96% of 10 = 9.40", execScore, 10),
    num("weights-total", "合计 权重 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "带动农户数 得分 16 of 15", ind[5].score, 16),
    put("grade-mismatch", `评价等级 良 for ${scoreTotalV}`, grade, "良"),
    txt("title-year", "title says （2022年度） on the 2023 form", title, "2023", "2022"),
    txt("prose-vs-table", "评价结论 says 预算执行率96.96% (table 93.96%)", conclusion, "预算执行率93.96%", "预算执行率96.96%"),
    txt("prose-vs-table", "评价结论 says 执行1320.62万元 (table 1302.62)", conclusion, "执行1302.62万元", "执行1320.62万元"),
    txt("prose-vs-table", "评价结论 counts 8个三级指标 (table 7)", conclusion, "7个三级指标", "8个三级指标"),
    txt("prose-yuan", "评价结论 says 执行13026200元 beside the 万元 table", conclusion, "执行1302.62万元", "执行13026200元"),
    txt("prose-pct-change", "追加136.40万元，比年初预算增长19.91% (10.91%)", conclusion, "增长10.91%", "增长19.91%"),
    txt("prose-completion-rate", "增长5.4%，低于年度目标6%，完成率为95% (90%)", actual, "完成率为90%", "完成率为95%"),
    put("reason-missing", "农村居民人均可支配收入增长率 not achieved (5.4 of ≥6), reason left empty", ind[4].reason, null),
    { kind: "indicator-yuan-slip", what: "部门整体支出成本 完成值 13026200 (1302.62 万元 in 元)", cause: ind[3].actual, relational: false, plant: (b) => put("indicator-yuan-slip", "", ind[3].actual, "13026200").plant(b) },
  ];
  return { form: "dept-sichuan", seed: "—", file: "dept-sichuan", book: { sheets: [w.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------------------------------ c3. 市/区 layout

const C3 = {
  year: 2023,
  unit: "某某区卫生健康局",
  total: [3560.0, 3821.45, 3788.02] as Triple,
  income: [
    { label: "一般公共预算财政拨款", v: [3200.0, 3421.45, 3400.12] as Triple },
    { label: "政府性基金预算财政拨款", v: [300.0, 340.0, 331.9] as Triple },
    { label: "国有资本经营预算财政拨款", v: null },
    { label: "财政专户管理资金", v: [0, 0, 0] as Triple },
    { label: "单位资金", v: [60.0, 60.0, 56.0] as Triple },
  ],
  basic: [1850.0, 1912.3, 1905.64] as Triple,
  personnel: [1600.0, 1648.7, 1646.2] as Triple,
  publicUse: [250.0, 263.6, 259.44] as Triple,
  project: [1710.0, 1909.15, 1882.38] as Triple,
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "家庭医生签约服务人数", sign: "", target: "≥45万人", unit: "", actual: "46.2万人", weight: 10, score: 10 },
    { l1: "产出指标", l2: "数量指标", name: "适龄儿童免疫规划疫苗接种率", sign: "", target: "≥95%", unit: "", actual: "97.8%", weight: 10, score: 10 },
    { l1: "产出指标", l2: "质量指标", name: "法定传染病报告及时率", sign: "", target: "100%", unit: "", actual: "100%", weight: 10, score: 10 },
    { l1: "产出指标", l2: "时效指标", name: "公共卫生项目资金拨付及时率", sign: "", target: "≥90%", unit: "", actual: "86%", weight: 10, score: 9.56, reason: "部分项目验收延后，资金拨付滞后；下一步加快验收，按月通报拨付进度" },
    { l1: "产出指标", l2: "成本指标", name: "部门整体支出总成本", sign: "", target: "≤3821.45万元", unit: "", actual: "3788.02万元", weight: 10, score: 10 },
    { l1: "效益指标", l2: "社会效益指标", name: "居民健康素养水平", sign: "", target: "≥30%", unit: "", actual: "32.5%", weight: 15, score: 15 },
    { l1: "效益指标", l2: "可持续影响指标", name: "基层医疗卫生机构服务能力", sign: "", target: "持续提升", unit: "", actual: "达成年度指标", weight: 15, score: 15 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", sign: "", target: "≥90%", unit: "", actual: "92.6%", weight: 10, score: 10 },
  ] as Indicator[],
  grade: "优",
};

export function deptCityCase(): FormCase {
  const name = "整体支出自评表";
  const w = new SheetWriter(name);
  "ABCDEFGHI".split("").forEach((c, i) => w.width(c, [12, 22, 14, 14, 14, 12, 12, 10, 26][i]));
  const title = w.merged("A1:I1", `${C3.unit}${C3.year}年度部门整体支出绩效自评表`, { bold: true, size: 16, center: true });
  w.merged("A2:E2", "填报日期：2024年4月12日");
  w.merged("F2:I2", "单位：万元");
  // A two-row header: 预算资金（万元） over the three amounts; the others merged down both rows.
  w.merged("A3:B4", "资金类别", { bold: true, center: true });
  w.merged("C3:E3", "预算资金（万元）", { bold: true, center: true });
  ["年初预算数", "全年预算数", "全年执行数"].forEach((h, i) => w.label(`${"CDE"[i]}4`, h, { bold: true }));
  w.merged("F3:F4", "执行率", { bold: true, center: true });
  w.merged("G3:G4", "分值", { bold: true, center: true });
  w.merged("H3:H4", "得分", { bold: true, center: true });
  w.merged("I3:I4", "备注", { bold: true, center: true });
  const fundsRow = (r: number, row: FundsRow, first = false): FundsRow => {
    w.set(`B${r}`, row.label);
    if (!row.v) {
      ["C", "D", "E", "F"].forEach((c) => w.dash(`${c}${r}`));
    } else {
      row.refs = [w.money(`C${r}`, row.v[0]), w.money(`D${r}`, row.v[1]), w.money(`E${r}`, row.v[2])];
      if (row.v[1] > 0) row.rate = w.rate(`F${r}`, rate4(row.v[2], row.v[1]));
      else w.dash(`F${r}`);
    }
    if (!first) {
      w.dash(`G${r}`);
      w.dash(`H${r}`);
    }
    return row;
  };
  w.merged("A5:B5", "年度资金总额", { bold: true, center: true });
  const totalRow = fundsRow(5, { label: "年度资金总额", v: C3.total }, true);
  // fundsRow wrote the label at B5 inside the merge A5:B5; keep only the merged label.
  w.spec.cells.delete("B5");
  const execWeight = w.set("G5", 10, { fmt: "0" });
  const execScoreV = round2(Math.min(C3.total[2] / C3.total[1], 1) * 10);
  const execScore = w.set("H5", execScoreV, { fmt: MONEY });
  w.merged("A6:A10", "按收入性质分", { bold: true, center: true });
  const income = C3.income.map((x, i) => fundsRow(6 + i, { label: x.label, v: x.v }));
  w.merged("A11:A14", "按支出性质分", { bold: true, center: true });
  const basic = fundsRow(11, { label: "基本支出", v: C3.basic });
  const personnel = fundsRow(12, { label: "其中：人员经费", v: C3.personnel });
  const publicUse = fundsRow(13, { label: "      公用经费", v: C3.publicUse });
  const project = fundsRow(14, { label: "项目支出", v: C3.project });
  const execRate = totalRow.rate!;

  w.merged("A16:B16", "年度总体目标", { bold: true, center: true });
  w.merged("C16:I16", "做实家庭医生签约服务，提高免疫规划接种率，及时报告法定传染病，提升居民健康素养和基层服务能力。", { wrap: true });
  w.merged("A17:B17", "目标完成情况", { bold: true, center: true });
  const actual = w.merged(
    "C17:I17",
    "全年家庭医生签约46.2万人，超出年度目标1.2万人，完成率为102.67%；适龄儿童免疫规划疫苗接种率97.8%；居民健康素养水平32.5%。",
    { wrap: true },
  );

  const head = 18;
  ["一级指标", "二级指标"].forEach((h, i) => w.label(`${"AB"[i]}${head}`, h, { bold: true }));
  w.merged(`C${head}:D${head}`, "三级指标", { bold: true, center: true });
  ["分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => w.label(`${"EFGHI"[i]}${head}`, h, { bold: true }));
  // 产出 ×5, a blank row, 效益 ×2, 满意度.
  const rowOf = (k: number): number => head + 1 + k + (k >= 5 ? 1 : 0);
  const blank = head + 6;
  mergeRuns(w, "A", head + 1, C3.indicators.slice(0, 5).map((i) => i.l1));
  mergeRuns(w, "B", head + 1, C3.indicators.slice(0, 5).map((i) => `${i.l1}/${i.l2}`), C3.indicators.slice(0, 5).map((i) => i.l2));
  mergeRuns(w, "A", head + 7, C3.indicators.slice(5).map((i) => i.l1));
  mergeRuns(w, "B", head + 7, C3.indicators.slice(5).map((i) => `${i.l1}/${i.l2}`), C3.indicators.slice(5).map((i) => i.l2));
  const ind = C3.indicators.map((i, k) => {
    const r = rowOf(k);
    w.merged(`C${r}:D${r}`, i.name);
    const weight = w.set(`E${r}`, i.weight, { fmt: "0" });
    w.set(`F${r}`, i.target, { center: true });
    const act = w.set(`G${r}`, i.actual, { center: true });
    return { weight, actual: act, score: w.set(`H${r}`, i.score, { fmt: MONEY }), reason: w.set(`I${r}`, i.reason ?? null, { wrap: true }) };
  });
  const tr = head + 10;
  w.merged(`A${tr}:D${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.set(`E${tr}`, 10 + C3.indicators.reduce((a, x) => a + x.weight, 0), { fmt: "0" });
  const scoreTotalV = round2(execScoreV + C3.indicators.reduce((a, x) => a + x.score, 0));
  const scoreTotal = w.set(`H${tr}`, scoreTotalV, { fmt: MONEY });

  // The 得分汇总, in columns E–G below the table.
  const s = tr + 2;
  w.label(`E${s}`, "一级指标", { bold: true });
  w.label(`F${s}`, "分值", { bold: true });
  w.label(`G${s}`, "得分", { bold: true });
  w.label(`E${s + 1}`, "预算执行率");
  const execW2 = w.set(`F${s + 1}`, 10, { fmt: "0" });
  const execS2 = w.set(`G${s + 1}`, execScoreV, { fmt: MONEY });
  const groups = ["产出指标", "效益指标", "满意度指标"].map((g, i) => {
    const r = s + 2 + i;
    w.label(`E${r}`, g);
    const members = C3.indicators.filter((x) => x.l1 === g);
    return {
      label: g,
      weight: w.set(`F${r}`, members.reduce((a, x) => a + x.weight, 0), { fmt: "0" }),
      score: w.set(`G${r}`, round2(members.reduce((a, x) => a + x.score, 0)), { fmt: MONEY }),
    };
  });
  const sr = s + 5;
  w.label(`E${sr}`, "合计", { bold: true });
  const sumW = w.set(`F${sr}`, 100, { fmt: "0" });
  const sumS = w.set(`G${sr}`, scoreTotalV, { fmt: MONEY });
  const grade = w.merged(`A${sr + 2}:D${sr + 2}`, `评价等次：${C3.grade}`);
  const conclusion = w.merged(
    `A${sr + 3}:I${sr + 3}`,
    `自评结论：${C3.unit}${C3.year}年度部门整体支出绩效自评综合得分${scoreTotalV.toFixed(2)}分，等次为优。全年预算3821.45万元，执行3788.02万元，预算执行率99.13%；其中基本支出1905.64万元，项目支出1882.38万元。年初预算3560.00万元，年中追加261.45万元，比年初预算增长7.34%。指标体系设置3个一级指标、8个三级指标。`,
    { wrap: true },
  );

  const relations = fundRelations(totalRow.refs!, income, basic, personnel, publicUse, project, execRate);
  relations.push({ kind: "execScore", score: execScore, num: totalRow.refs![2], den: totalRow.refs![1], weight: execWeight, label: "执行率得分" });
  relations.push(equal(execS2, execScore, "得分汇总 预算执行率 = 执行率得分"));
  relations.push(equal(execW2, execWeight, "得分汇总 预算执行率分值 = 分值"));
  groups.forEach((g) => {
    const members = C3.indicators.map((x, k) => (x.l1 === g.label ? ind[k] : undefined)).filter((x): x is (typeof ind)[number] => !!x);
    relations.push(sum(g.score, members.map((m) => m.score), `${g.label} 得分 = Σ`));
    relations.push(sum(g.weight, members.map((m) => m.weight), `${g.label} 分值 = Σ`));
  });
  relations.push(sum(weightTotal, [execWeight, ...ind.map((i) => i.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execScore, ...ind.map((i) => i.score)], "总分 得分 = Σ"));
  relations.push(sum(sumW, [execW2, ...groups.map((g) => g.weight)], "得分汇总 合计 分值 = Σ"));
  relations.push(sum(sumS, [execS2, ...groups.map((g) => g.score)], "得分汇总 合计 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const S = (a: string): Ref => ({ sheet: name, a1: a });
  const g = (label: string) => groups.find((x) => x.label === label)!;
  const traps: Trap[] = [
    { at: S("C8"), why: "“—” in every cell of a source the department has none of" },
    { at: S("F9"), why: "“—” as the 执行率 of a row with no money" },
    { at: S(`A${blank}`), why: "a blank row between indicator groups" },
    { at: S("A2"), why: "填报日期 in the year after the evaluated year" },
    rateAsText(execRate, "总额 执行率 typed as the text “99.13%”"),
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：人员经费 全年执行数 1656.20 (基本 1905.64 = 1646.20 + 259.44)", personnel.refs![2], 1656.2),
    num("part-not-footing", "单位资金 年初预算数 70 (总额 3560)", income[4].refs![0], 70),
    num("part-not-footing", "项目支出 全年预算数 1919.15 (3821.45 − 1912.30 = 1909.15)", project.refs![1], 1919.15),
    num("yuan-in-part", "政府性基金 全年执行数 3319000 (331.90 万元 in 元)", income[1].refs![2], yuan),
    num("yuan-in-total", "基本支出 (a subtotal) 全年预算数 19123000", basic.refs![1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 37880200", totalRow.refs![2], yuan),
    num("total-wrong", "年度资金总额 全年执行数 3798.02 (both splits give 3788.02)", totalRow.refs![2], 3798.02),
    num("rate-wrong", "执行率 97.13% for 3788.02/3821.45 = 99.13%", execRate, 0.9713),
    num("exec-score-wrong", "执行率得分 10 (full marks) for 99.13% of 10 = 9.91", execScore, 10),
    num("subtotal-over-parts", "得分汇总 产出指标 得分 50 over its parts 49.56", g("产出指标").score, 50),
    num("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    num("score-over-weight", "居民健康素养水平 得分 17 of 15", ind[5].score, 17),
    put("grade-mismatch", `评价等次：良 for ${scoreTotalV}`, grade, "评价等次：良"),
    txt("title-year", "title says 2022年度 on the 2023 form", title, "2023", "2022"),
    txt("prose-vs-table", "自评结论 says 预算执行率98.13% (table 99.13%)", conclusion, "预算执行率99.13%", "预算执行率98.13%"),
    txt("prose-vs-table", "自评结论 says 项目支出1828.38万元 (table 1882.38)", conclusion, "项目支出1882.38万元", "项目支出1828.38万元"),
    txt("prose-vs-table", "自评结论 counts 9个三级指标 (table 8)", conclusion, "8个三级指标", "9个三级指标"),
    txt("prose-yuan", "自评结论 says 执行37880200元 beside the 万元 table", conclusion, "执行3788.02万元", "执行37880200元"),
    txt("prose-pct-change", "追加261.45万元，比年初预算增长17.34% (7.34%)", conclusion, "增长7.34%", "增长17.34%"),
    txt("prose-completion-rate", "签约46.2万人，超出目标1.2万人，完成率为112.67% (102.67%)", actual, "完成率为102.67%", "完成率为112.67%"),
    put("reason-missing", "公共卫生项目资金拨付及时率 not achieved (86% of ≥90%), reason left empty", ind[3].reason, null),
    { kind: "indicator-yuan-slip", what: "部门整体支出总成本 实际完成值 37880200元 typed for 3788.02万元", cause: ind[4].actual, relational: false, plant: (b) => put("indicator-yuan-slip", "", ind[4].actual, "37880200万元").plant(b) },
  ];
  return { form: "dept-city", seed: "—", file: "dept-city", book: { sheets: [w.spec] }, relations, variants, traps };
}
