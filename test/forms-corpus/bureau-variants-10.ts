/**
 * 决算 tables as 部门决算 / 部门整体 workbooks print them and the corpus did not have yet (invented data,
 * consistent to the cent), each with every mistake kind of types.ts that applies:
 *
 * ρ. a 收入决算表 and a 支出决算表 as two short tables with a 占比 (share) column, beside a 决算说明 that quotes
 *    the shares (seed 003's “基本支出442.18万元，占52.1%”): the 收入决算表 `项目 | 预算数 | 决算数 | 占比（%）`
 *    with 合计 on TOP and the share typed as a percent NUMBER (75.24 under `占比（%）`, one share below 2:
 *    1.09), rows 财政拨款收入 / 事业收入 / 经营收入 / 其他收入; the 支出决算表 `项目 | 本年数（万元） | 占比`
 *    with 合计 at the BOTTOM and the share a fraction shown `0.00%`, rows 基本支出 / 其中：人员经费 /
 *    公用经费 / 项目支出 (the 其中 shares of the 合计). Each share = part ÷ 合计 at its printed decimals.
 * σ. a “三公”经费 table by ROWS: `项目 | 上年决算数 | 本年决算数 | 增减额 | 增减率`, 合计 on top, 因公出国（境）费 /
 *    公务用车购置及运行维护费 (其中：公务用车购置费 / 公务用车运行维护费) / 公务接待费, “—” for a 增减率 over
 *    nothing (出国 0 → 0), a 说明 sheet (“三公”经费支出X万元，比上年减少Y万元，下降Z%).
 * τ. a “三公”经费 table by COLUMNS, as the 公开 tables print it: ONE header row `项目 | 合计 | 因公出国（境）费 |
 *    公务用车购置及运行维护费 | 其中：公务用车购置费 | 公务用车运行维护费 | 公务接待费` over rows 预算数 / 决算数,
 *    with a 说明 sheet quoting the 决算 and its 完成预算 percent.
 */
import { type Ref, SheetWriter } from "./book";
import { num, put, txt, yuan } from "./corpus-helpers";
import { round2 } from "./project-form";
import { type Relation, sum } from "./relations";
import type { FormCase, Trap, Variant } from "./types";

/** part ÷ total to `d` decimals of the percent (75.24 for 0.75243…). */
const pctOf = (part: number, total: number, d = 2): number => Math.round((part / total) * 100 * 10 ** d) / 10 ** d;
const P2 = (x: number): string => x.toFixed(2);

// ------------------------------------------------------------------ ρ. 收入 / 支出决算表 with a 占比 column

const R = {
  year: 2023,
  unit: "某县自然资源局",
  /** label, 预算数, 决算数 */
  income: [
    ["财政拨款收入", 1300.0, 1268.45],
    ["事业收入", 380.0, 356.2],
    ["经营收入", 20.0, 18.36],
    ["其他收入", 40.0, 42.79],
  ] as [string, number, number][],
  spend: { personnel: 1012.34, publicUse: 163.58, project: 497.63 },
};

export function finalSharesCase(): FormCase {
  const incBudget = round2(R.income.reduce((a, x) => a + x[1], 0));
  const incTotal = round2(R.income.reduce((a, x) => a + x[2], 0));

  // 收入决算表: 项目 | 预算数 | 决算数 | 占比（%）, 合计 on top, shares as percent numbers.
  const a = new SheetWriter("收入决算表");
  "ABCD".split("").forEach((c, i) => a.width(c, [26, 14, 14, 12][i]));
  const incTitle = a.merged("A1:D1", `${R.year}年度收入决算表`, { bold: true, size: 16, center: true });
  a.merged("A2:C2", `部门：${R.unit}`);
  a.set("D2", "单位：万元");
  ["项目", "预算数", "决算数", "占比（%）"].forEach((h, i) => a.label(`${"ABCD"[i]}3`, h, { bold: true }));
  a.set("A4", "合计", { bold: true });
  const incTot = { budget: a.money("B4", incBudget), amount: a.money("C4", incTotal), share: a.set("D4", 100, { fmt: "0.00" }) };
  const incRows = R.income.map((x, k) => {
    const r = 5 + k;
    a.set(`A${r}`, x[0]);
    return { budget: a.money(`B${r}`, x[1]), amount: a.money(`C${r}`, x[2]), share: a.set(`D${r}`, pctOf(x[2], incTotal), { fmt: "0.00" }) };
  });

  // 支出决算表: 项目 | 本年数（万元） | 占比, 合计 at the bottom, shares as fractions shown 0.00%.
  const s = R.spend;
  const basicV = round2(s.personnel + s.publicUse);
  const spendTotal = round2(basicV + s.project);
  const b = new SheetWriter("支出决算表");
  "ABC".split("").forEach((c, i) => b.width(c, [26, 16, 12][i]));
  b.merged("A1:C1", `${R.year}年度支出决算表`, { bold: true, size: 16, center: true });
  b.merged("A2:C2", `部门：${R.unit}`);
  ["项目", "本年数（万元）", "占比"].forEach((h, i) => b.label(`${"ABC"[i]}3`, h, { bold: true }));
  const line = (r: number, label: string, v: number): { amount: Ref; share: Ref } => {
    b.set(`A${r}`, label);
    return { amount: b.money(`B${r}`, v), share: b.rate(`C${r}`, pctOf(v, spendTotal) / 100) };
  };
  const basic = line(4, "一、基本支出", basicV);
  const personnel = line(5, "    其中：人员经费", s.personnel);
  const publicUse = line(6, "          公用经费", s.publicUse);
  const project = line(7, "二、项目支出", s.project);
  b.set("A8", "合计", { bold: true });
  const spTot = { amount: b.money("B8", spendTotal), share: b.rate("C8", 1) };

  // 决算说明, quoting the shares.
  const t = new SheetWriter("决算说明");
  t.width("A", 110);
  const tTitle = t.set("A1", `${R.unit}${R.year}年度部门决算情况说明`, { bold: true, size: 14, center: true });
  t.text("A2", "一、收入决算情况说明");
  const inc = R.income;
  const incShare = (k: number): string => P2(pctOf(inc[k][2], incTotal));
  const p1 = t.text(
    "A3",
    `${R.year}年度收入合计${P2(incTotal)}万元，其中：财政拨款收入${P2(inc[0][2])}万元，占${incShare(0)}%；事业收入${P2(inc[1][2])}万元，占${incShare(1)}%；经营收入${P2(inc[2][2])}万元，占${incShare(2)}%；其他收入${P2(inc[3][2])}万元，占${incShare(3)}%。`,
  );
  t.text("A4", "二、支出决算情况说明");
  const p2 = t.text(
    "A5",
    `${R.year}年度支出合计${P2(spendTotal)}万元，其中：基本支出${P2(basicV)}万元，占${P2(pctOf(basicV, spendTotal))}%；项目支出${P2(s.project)}万元，占${P2(pctOf(s.project, spendTotal))}%。基本支出中，人员经费${P2(s.personnel)}万元，公用经费${P2(s.publicUse)}万元。`,
  );
  t.text("A6", "三、其他重要事项的情况说明");
  t.text("A7", "本年度无政府性基金预算财政拨款收入和支出，无国有资本经营预算财政拨款收入和支出。");

  const relations: Relation[] = [
    sum(incTot.budget, incRows.map((x) => x.budget), "收入决算表 合计 预算数 = Σ 来源"),
    sum(incTot.amount, incRows.map((x) => x.amount), "收入决算表 合计 决算数 = Σ 来源"),
    sum(spTot.amount, [basic.amount, project.amount], "支出决算表 合计 = 基本 + 项目"),
    sum(basic.amount, [personnel.amount, publicUse.amount], "基本支出 = 人员 + 公用"),
  ];
  incRows.forEach((x, k) => relations.push({ kind: "rate", rate: x.share, num: x.amount, den: incTot.amount, decimals: 2, percent: true, label: `${R.income[k][0]} 占比` }));
  relations.push({ kind: "rate", rate: incTot.share, num: incTot.amount, den: incTot.amount, decimals: 2, percent: true, label: "收入 合计 占比" });
  for (const [lbl, x] of [["基本支出", basic], ["人员经费", personnel], ["公用经费", publicUse], ["项目支出", project], ["合计", spTot]] as const) {
    relations.push({ kind: "rate", rate: x.share, num: x.amount, den: spTot.amount, decimals: 2, label: `支出 ${lbl} 占比` });
  }

  const [fiscal, business, operating, other] = incRows;
  const traps: Trap[] = [
    { at: incTot.share, why: "合计 on top with its 占比 100.00 (a percent number)" },
    { at: operating.share, why: "a share below 2 typed as a percent number (1.09 under 占比（%）: 1.09%, not 109%)" },
    { at: spTot.share, why: "合计 at the bottom, 占比 100.00%" },
    { at: personnel.share, why: "a 其中 row's share of the 合计 (人员经费 60.49%), not of its 基本支出" },
    { at: p1, why: "the 说明 quoting each source with its share" },
    { at: p2, why: "the 说明 quoting 基本 / 项目 with their shares, 人员 / 公用 without" },
  ];
  const variants: Variant[] = [
    num("total-wrong", `收入决算表 合计 决算数 ${P2(incTotal + 10)} (Σ ${P2(incTotal)}; every share is of ${P2(incTotal)})`, incTot.amount, round2(incTotal + 10)),
    num("part-not-footing", "收入决算表 事业收入 决算数 365.20 (its 占比 21.13 and the 合计 say 356.20)", business.amount, 365.2),
    num("part-not-footing", "支出决算表 公用经费 173.58 (its 占比 and 基本支出 say 163.58)", publicUse.amount, 173.58),
    num("share-wrong", "收入决算表 经营收入 占比 1.90 (18.36 ÷ 1685.80 = 1.09%)", operating.share, 1.9),
    num("share-wrong", `收入决算表 财政拨款收入 占比 75.42 (${P2(pctOf(inc[0][2], incTotal))})`, fiscal.share, 75.42),
    num("share-wrong", `支出决算表 项目支出 占比 29.47% (${P2(pctOf(s.project, spendTotal))}%)`, project.share, 0.2947),
    num("yuan-in-part", "收入决算表 其他收入 决算数 427900 (42.79 万元 in 元)", other.amount, yuan),
    num("yuan-in-part", "支出决算表 项目支出 4976300 (497.63 万元 in 元)", project.amount, yuan),
    num("yuan-in-total", `支出决算表 合计 ${yuan(spendTotal)} (${P2(spendTotal)} 万元 in 元)`, spTot.amount, yuan),
    num("total-wrong", `支出决算表 合计 ${P2(spendTotal + 100)} (Σ ${P2(spendTotal)})`, spTot.amount, round2(spendTotal + 100)),
    txt("title-year", `收入决算表 title says ${R.year - 1}年度 (the 说明 says ${R.year})`, incTitle, `${R.year}年度`, `${R.year - 1}年度`),
    txt("title-year", `决算说明 title says ${R.year - 1}年度`, tTitle, `${R.year}年度`, `${R.year - 1}年度`),
    txt("prose-vs-table", "说明 says 事业收入365.20万元 (table 356.20)", p1, "事业收入356.20万元", "事业收入365.20万元"),
    txt("prose-vs-table", `说明 says 事业收入 占21.31% (table ${incShare(1)})`, p1, `占${incShare(1)}%`, "占21.31%"),
    txt("prose-vs-table", `说明 says 基本支出 占72.60% (table ${P2(pctOf(basicV, spendTotal))}%)`, p2, `占${P2(pctOf(basicV, spendTotal))}%`, "占72.60%"),
    txt("prose-vs-table", `说明 says 支出合计1637.55万元 (table ${P2(spendTotal)})`, p2, `支出合计${P2(spendTotal)}万元`, "支出合计1637.55万元"),
    txt("prose-yuan", "说明 says 公用经费1635800元 beside the 万元 tables", p2, "公用经费163.58万元", "公用经费1635800元"),
  ];
  return { form: "final-shares", seed: "003", file: "final-shares", book: { sheets: [a.spec, b.spec, t.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ σ. “三公”经费 by rows: 上年 | 本年 | 增减额 | 增减率

/** label, 上年决算数, 本年决算数 (万元). */
const S_ROWS: [string, number, number][] = [
  ["因公出国（境）费", 0, 0],
  ["公务用车购置及运行维护费", 38.6, 16.85],
  ["    其中：公务用车购置费", 25.0, 0],
  ["          公务用车运行维护费", 13.6, 16.85],
  ["公务接待费", 6.42, 4.87],
];

export function sangongRowsCase(): FormCase {
  const name = "三公经费支出表";
  const w = new SheetWriter(name);
  "ABCDE".split("").forEach((c, i) => w.width(c, [30, 14, 14, 14, 12][i]));
  const title = w.merged("A1:E1", "2023年度一般公共预算财政拨款“三公”经费支出决算表", { bold: true, size: 14, center: true });
  w.merged("A2:C2", "部门：某市生态环境局");
  w.merged("D2:E2", "单位：万元");
  ["项目", "上年决算数", "本年决算数", "增减额", "增减率"].forEach((h, i) => w.label(`${"ABCDE"[i]}3`, h, { bold: true }));
  const prevT = round2(S_ROWS[0][1] + S_ROWS[1][1] + S_ROWS[4][1]);
  const curT = round2(S_ROWS[0][2] + S_ROWS[1][2] + S_ROWS[4][2]);
  const row = (r: number, label: string, prev: number, cur: number): { prev: Ref; cur: Ref; change: Ref; rate?: Ref } => {
    w.set(`A${r}`, label, r === 4 ? { bold: true } : {});
    const change = round2(cur - prev);
    const out = { prev: w.money(`B${r}`, prev), cur: w.money(`C${r}`, cur), change: w.money(`D${r}`, change) };
    if (prev === 0) {
      w.dash(`E${r}`);
      return out;
    }
    return { ...out, rate: w.rate(`E${r}`, Math.round((change / prev) * 10000) / 10000) };
  };
  const total = row(4, "合计", prevT, curT);
  const [abroad, car, carBuy, carRun, reception] = S_ROWS.map((x, k) => row(5 + k, x[0], x[1], x[2]));
  const filed = w.merged("A11:E11", "注：本表反映部门本年度“三公”经费财政拨款支出情况。填报日期：2024年3月18日");

  const tn = "说明";
  const t = new SheetWriter(tn);
  t.width("A", 110);
  const tTitle = t.set("A1", "某市生态环境局2023年度“三公”经费支出情况说明", { bold: true, size: 14, center: true });
  const changeT = round2(prevT - curT);
  const rateT = P2((changeT / prevT) * 100);
  const p1 = t.text("A2", `2023年“三公”经费支出${P2(curT)}万元，比上年减少${P2(changeT)}万元，下降${rateT}%，主要是上年购置公务用车1辆，本年无购置支出。`);
  const p2 = t.text(
    "A3",
    `其中：因公出国（境）费0万元，与上年持平；公务用车购置及运行维护费16.85万元，比上年减少21.75万元，下降56.35%；公务接待费4.87万元，比上年减少1.55万元，下降24.14%。`,
  );

  const relations: Relation[] = [];
  const cols = (x: typeof total): Ref[] => [x.prev, x.cur, x.change];
  const COLS = ["上年决算数", "本年决算数", "增减额"];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(cols(total)[c], [cols(abroad)[c], cols(car)[c], cols(reception)[c]], `合计 ${COLS[c]} = 出国 + 车 + 接待`));
    relations.push(sum(cols(car)[c], [cols(carBuy)[c], cols(carRun)[c]], `公务用车 ${COLS[c]} = 购置 + 运维`));
  }
  for (const [lbl, x] of [["合计", total], ["出国", abroad], ["公务用车", car], ["购置", carBuy], ["运维", carRun], ["接待", reception]] as const) {
    relations.push(sum(x.cur, [x.prev, x.change], `${lbl} 本年 = 上年 + 增减额`));
    if (x.rate) relations.push({ kind: "rate", rate: x.rate, num: x.change, den: x.prev, decimals: 2, label: `${lbl} 增减率` });
  }

  const traps: Trap[] = [
    { at: { sheet: name, a1: "E5" }, why: "“—” as the 增减率 of 因公出国（境）费 (0 over 0)" },
    { at: carBuy.rate!, why: "a 增减率 of −100.00% (公务用车购置费 25.00 → 0)" },
    { at: carRun.rate!, why: "an increase inside a falling total (运维 +23.90%)" },
    { at: total.change, why: "a decrease written as a negative 增减额" },
    { at: filed, why: "填报日期 in the year after" },
    { at: p1, why: "“比上年减少23.30万元，下降51.75%”: the table's −23.30 / −51.75%" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "其中：公务用车运行维护费 本年决算数 18.65 (公务用车 16.85 = 0 + 16.85)", carRun.cur, 18.65),
    num("part-not-footing", "其中：公务用车购置费 上年决算数 52.00 (38.60 − 13.60 = 25.00)", carBuy.prev, 52),
    num("total-wrong", `合计 本年决算数 ${P2(curT + 1)} (Σ ${P2(curT)})`, total.cur, round2(curT + 1)),
    num("total-wrong", `合计 上年决算数 ${P2(prevT + 10)} (Σ ${P2(prevT)})`, total.prev, round2(prevT + 10)),
    num("yuan-in-part", "公务接待费 本年决算数 48700 (4.87 万元 in 元)", reception.cur, yuan),
    num("yuan-in-total", `合计 上年决算数 ${yuan(prevT)} (${P2(prevT)} 万元 in 元)`, total.prev, yuan),
    // (A negative 增减额 or 增减率 is no plant here: the oracle only tries values ≥ 0.)
    num("change-wrong", "公务用车运行维护费 增减额 4.25 (16.85 − 13.60 = 3.25)", carRun.change, 4.25),
    num("change-wrong", "公务用车运行维护费 增减率 32.90% (3.25 ÷ 13.60 = 23.90%)", carRun.rate!, 0.329),
    txt("title-year", "三公 table title says 2022年度 (the 说明 says 2023)", title, "2023年度", "2022年度"),
    txt("prose-pct-change", `说明 says 比上年减少${P2(changeT)}万元，下降15.75% (${rateT}%)`, p1, `下降${rateT}%`, "下降15.75%"),
    txt("prose-pct-change", "说明 says 公务接待费 … 比上年减少1.55万元，下降42.14% (24.14%)", p2, "下降24.14%", "下降42.14%"),
    txt("prose-vs-table", `说明 says “三公”经费支出27.12万元 (table ${P2(curT)})`, p1, `支出${P2(curT)}万元`, "支出27.12万元"),
    txt("prose-vs-table", "说明 says 公务接待费8.47万元 (table 4.87)", p2, "公务接待费4.87万元", "公务接待费8.47万元"),
    txt("prose-yuan", "说明 says 公务接待费48700元 beside the 万元 table", p2, "公务接待费4.87万元", "公务接待费48700元"),
    put("title-year", "说明 title says 2022年度", tTitle, "某市生态环境局2022年度“三公”经费支出情况说明"),
  ];
  return { form: "sangong-rows", seed: "003", file: "sangong-rows", book: { sheets: [w.spec, t.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ τ. “三公”经费 by columns: one header row, 预算数 / 决算数 rows

/** 预算数 and 决算数 of 因公出国, 公务用车购置费, 公务用车运行维护费, 公务接待费 (万元). */
const T_BUDGET = [3.0, 28.0, 12.5, 6.0];
const T_FINAL = [2.36, 26.8, 11.92, 4.35];

export function sangongColumnsCase(): FormCase {
  const name = "三公经费";
  const w = new SheetWriter(name);
  "ABCDEFG".split("").forEach((c, i) => w.width(c, [12, 12, 16, 22, 18, 20, 14][i]));
  const title = w.merged("A1:G1", "2023年度“三公”经费财政拨款支出决算表", { bold: true, size: 14, center: true });
  w.merged("A2:E2", "部门：某区交通运输局");
  w.merged("F2:G2", "金额单位：万元");
  ["项目", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "其中：公务用车购置费", "公务用车运行维护费", "公务接待费"].forEach((h, i) => w.label(`${"ABCDEFG"[i]}3`, h, { bold: true, wrap: true }));
  const row = (r: number, label: string, v: number[]): Ref[] => {
    w.set(`A${r}`, label);
    const car = round2(v[1] + v[2]);
    const tot = round2(v[0] + car + v[3]);
    return [tot, v[0], car, v[1], v[2], v[3]].map((x, k) => w.money(`${"BCDEFG"[k]}${r}`, x));
  };
  const budget = row(4, "预算数", T_BUDGET);
  const final = row(5, "决算数", T_FINAL);
  const finalT = round2(T_FINAL.reduce((a, x) => a + x, 0));
  const budgetT = round2(T_BUDGET.reduce((a, x) => a + x, 0));

  const t = new SheetWriter("说明");
  t.width("A", 110);
  t.set("A1", "三、2023年度“三公”经费财政拨款支出决算情况说明", { bold: true });
  const donePct = P2((finalT / budgetT) * 100);
  const p1 = t.text(
    "A2",
    `2023年“三公”经费财政拨款支出决算为${P2(finalT)}万元，完成预算的${donePct}%。其中：因公出国（境）费2.36万元；公务用车购置及运行维护费38.72万元（公务用车购置费26.80万元，公务用车运行维护费11.92万元）；公务接待费4.35万元。`,
  );

  const relations: Relation[] = [];
  for (const [lbl, x] of [["预算数", budget], ["决算数", final]] as const) {
    relations.push(sum(x[0], [x[1], x[2], x[5]], `${lbl} 合计 = 出国 + 车 + 接待`));
    relations.push(sum(x[2], [x[3], x[4]], `${lbl} 公务用车 = 购置 + 运维`));
  }
  const traps: Trap[] = [
    { at: final[3], why: "“其中：公务用车购置费” as a column header (a part of the column left of it)" },
    { at: p1, why: "the 说明 quoting the 决算 row and its 完成预算 percent" },
  ];
  const variants: Variant[] = [
    num("part-not-footing", "决算数 公务用车运行维护费 12.92 (38.72 − 26.80 = 11.92)", final[4], 12.92),
    num("part-not-footing", "预算数 公务用车购置费 38.00 (40.50 − 12.50 = 28.00)", budget[3], 38),
    num("subtotal-over-parts", "决算数 公务用车购置及运行维护费 39.72 (26.80 + 11.92 = 38.72)", final[2], 39.72),
    num("total-wrong", `决算数 合计 ${P2(finalT + 1)} (Σ ${P2(finalT)})`, final[0], round2(finalT + 1)),
    num("yuan-in-part", "决算数 公务接待费 43500 (4.35 万元 in 元)", final[5], yuan),
    num("yuan-in-total", `预算数 合计 ${yuan(budgetT)} (${P2(budgetT)} 万元 in 元)`, budget[0], yuan),
    txt("title-year", "表 title says 2022年度 (the 说明 is 2023's)", title, "2023年度", "2022年度"),
    txt("prose-vs-table", `说明 says 支出决算为45.34万元 (table ${P2(finalT)})`, p1, `决算为${P2(finalT)}万元`, "决算为45.34万元"),
    txt("prose-vs-table", "说明 says 公务接待费3.45万元 (table 4.35)", p1, "公务接待费4.35万元", "公务接待费3.45万元"),
    txt("prose-vs-table", `说明 says 完成预算的89.43% (table ${donePct}%)`, p1, `完成预算的${donePct}%`, "完成预算的89.43%"),
    txt("prose-yuan", "说明 says 公务接待费43500元 beside the 万元 table", p1, "公务接待费4.35万元", "公务接待费43500元"),
  ];
  return { form: "sangong-columns", seed: "003", file: "sangong-columns", book: { sheets: [w.spec, t.spec] }, relations, variants, traps };
}

// ------------------------------------------------------------------ υ. 国有资产占用情况表: amounts beside counts

/**
 * υ. A 国有资产占用情况表 as a 部门决算 prints it: `项目 | 数量 | 金额（万元）`, 资产总额 = 流动资产 + 固定资产 +
 * 在建工程 + 无形资产, 固定资产 = 房屋及构筑物 + 通用设备 + 专用设备 + 家具用具装具 (the national classes), and
 * `其中：车辆` under 通用设备 with its COUNT (3 辆) beside its amount: a count is no money (never summed, never a
 * 元 slip), and the 其中 row is no part of the classes' sum. A 说明 quotes the totals and the count.
 */
export function assetsCase(): FormCase {
  const name = "国有资产占用情况表";
  const w = new SheetWriter(name);
  "ABC".split("").forEach((c, i) => w.width(c, [30, 12, 16][i]));
  const title = w.merged("A1:C1", "2023年度国有资产占用情况表", { bold: true, size: 14, center: true });
  w.merged("A2:B2", "部门：某县市场监督管理局");
  w.set("C2", "单位：万元");
  ["项目", "数量", "金额（万元）"].forEach((h, i) => w.label(`${"ABC"[i]}3`, h, { bold: true }));
  const V = { current: 312.6, building: 702.18, general: 168.42, special: 56.0, furniture: 21.75, construction: 0, intangible: 25.5, vehicle: 68.42 };
  const fixedV = round2(V.building + V.general + V.special + V.furniture);
  const totalV = round2(V.current + fixedV + V.construction + V.intangible);
  const line = (r: number, label: string, v: number, count?: number): Ref => {
    w.set(`A${r}`, label);
    if (count === undefined) w.dash(`B${r}`);
    else w.set(`B${r}`, count, { fmt: "0", center: true });
    return w.money(`C${r}`, v);
  };
  const total = line(4, "资产总额", totalV);
  const current = line(5, "一、流动资产", V.current);
  const fixed = line(6, "二、固定资产", fixedV);
  const building = line(7, "    1.房屋及构筑物", V.building);
  const general = line(8, "    2.通用设备", V.general);
  const vehicle = line(9, "      其中：车辆", V.vehicle, 3);
  const special = line(10, "    3.专用设备", V.special);
  const furniture = line(11, "    4.家具用具装具", V.furniture);
  const construction = line(12, "三、在建工程", V.construction);
  const intangible = line(13, "四、无形资产", V.intangible);
  const vehicleCount: Ref = { sheet: name, a1: "B9" };

  const t = new SheetWriter("资产说明");
  t.width("A", 110);
  const tTitle = t.set("A1", "某县市场监督管理局2023年度国有资产占用情况说明", { bold: true, size: 14, center: true });
  const p1 = t.text(
    "A2",
    `截至2023年12月31日，本部门资产总额${P2(totalV)}万元，其中：流动资产${P2(V.current)}万元，固定资产${P2(fixedV)}万元，无形资产${P2(V.intangible)}万元。`,
  );
  const p2 = t.text("A3", `固定资产中，房屋及构筑物${P2(V.building)}万元，通用设备${P2(V.general)}万元；共有车辆3辆，账面金额${P2(V.vehicle)}万元。`);
  t.text("A4", "本年度未发生国有资产出租、出借及对外投资事项，资产管理制度健全，账实相符。");

  const relations: Relation[] = [
    sum(total, [current, fixed, construction, intangible], "资产总额 = 流动 + 固定 + 在建工程 + 无形"),
    sum(fixed, [building, general, special, furniture], "固定资产 = 房屋 + 通用 + 专用 + 家具"),
  ];
  const traps: Trap[] = [
    { at: vehicleCount, why: "车辆 数量 3 (a count, not money: neither summed nor a 元 slip)" },
    { at: vehicle, why: "“其中：车辆” under 通用设备: no part of the classes' sum (68.42 of 168.42)" },
    { at: construction, why: "0.00 in 在建工程" },
    { at: p2, why: "the 说明 quoting the count (3辆) beside the amounts" },
  ];
  const variants: Variant[] = [
    num("total-wrong", `资产总额 ${P2(totalV + 10)} (Σ ${P2(totalV)})`, total, round2(totalV + 10)),
    num("subtotal-over-parts", `固定资产 ${P2(fixedV + 1)} (Σ classes ${P2(fixedV)})`, fixed, round2(fixedV + 1)),
    num("yuan-in-part", "房屋及构筑物 7021800 (702.18 万元 in 元)", building, yuan),
    num("yuan-in-total", `资产总额 ${yuan(totalV)} (${P2(totalV)} 万元 in 元)`, total, yuan),
    num("yuan-in-part", "流动资产 3126000 (312.60 万元 in 元)", current, yuan),
    txt("title-year", "表 title says 2022年度 (the 说明 says 2023)", title, "2023年度", "2022年度"),
    txt("title-year", "说明 title says 2022年度", tTitle, "2023年度", "2022年度"),
    txt("prose-vs-table", `说明 says 资产总额1268.45万元 (table ${P2(totalV)})`, p1, `资产总额${P2(totalV)}万元`, "资产总额1268.45万元"),
    txt("prose-vs-table", `说明 says 固定资产984.35万元 (table ${P2(fixedV)})`, p1, `固定资产${P2(fixedV)}万元`, "固定资产984.35万元"),
    txt("prose-vs-table", "说明 says 通用设备186.42万元 (table 168.42)", p2, "通用设备168.42万元", "通用设备186.42万元"),
    txt("prose-yuan", "说明 says 无形资产255000元 beside the 万元 table", p1, `无形资产${P2(V.intangible)}万元`, "无形资产255000元"),
  ];
  return { form: "assets", seed: "003", file: "assets", book: { sheets: [w.spec, t.spec] }, relations, variants, traps };
}
