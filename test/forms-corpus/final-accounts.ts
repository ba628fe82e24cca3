/**
 * d. 部门决算 tables beside a 整体绩效 text sheet, filled with seed 003 (宣汉县医疗保障局 2020):
 *
 * - 收入支出决算总表 (公开01表): 收入 | 行次 | 金额 beside 支出 | 行次 | 金额; 八 income sources, 3 功能分类 支出
 *   rows, blank rows, 本年收入合计 / 本年支出合计, 使用非财政拨款结余 / 结余分配, 年初结转和结余 / 年末结转和结余,
 *   总计 = 总计: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
 * - 收入决算表: 科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 |
 *   附属单位上缴收入 | 其他收入; a 合计 row over the 类 rows.
 * - 支出决算表: 科目编码 | 科目名称 | 本年支出合计 | 基本支出 (小计, 其中：人员经费, 公用经费) | 项目支出 |
 *   上缴上级支出 | 经营支出 | 对附属单位补助支出, three merged header rows; 支出 = 基本 + 项目 + …; 基本 = 人员 + 公用.
 * - 整体绩效: the 绩效评价报告 as paragraphs in column A (一、… 四、评价结论).
 *
 * Seed 003 says 收入 848.74 and 支出 848.75 (no 结转), 人员经费 384.03 + 公用经费 58.16 = 442.19 against 基本支出
 * 442.18: the CONSISTENT version uses 848.75 and 公用经费 58.15. The split of 基本支出 by 类 is derived:
 * 社会保障和就业 67.78 and 住房保障 24.96 are all 基本 (人员), so 卫生健康 基本 = 442.18 − 92.74 = 349.44 and
 * its 项目 = 756.01 − 349.44 = 406.57, the seed's 项目支出.
 */
import { type Ref, SheetWriter } from "./book";
import { num, txt, yuan } from "./corpus-helpers";
import { type Relation, equal, sum } from "./relations";
import type { FormCase, Trap, Variant } from "./types";

export interface FinalData {
  year: number;
  unit: string;
  income: { label: string; v: number }[];
  carryIn: number;
  nonFiscalUsed: number;
  carryOut: number;
  distribution: number;
  /** 功能分类 类: code, name, 基本 (人员, 公用), 项目. */
  classes: { code: string; name: string; personnel: number; publicUse: number; project: number; basic?: number; income?: number }[];
  report: string[];
}

const r2 = (x: number): number => Math.round(x * 100 + 1e-9) / 100;

export const SEED003: FinalData = {
  year: 2020,
  unit: "宣汉县医疗保障局",
  income: [
    { label: "一、一般公共预算财政拨款收入", v: 848.75 },
    { label: "二、政府性基金预算财政拨款收入", v: 0 },
    { label: "三、国有资本经营预算财政拨款收入", v: 0 },
    { label: "四、上级补助收入", v: 0 },
    { label: "五、事业收入", v: 0 },
    { label: "六、经营收入", v: 0 },
    { label: "七、附属单位上缴收入", v: 0 },
    { label: "八、其他收入", v: 0 },
  ],
  carryIn: 0,
  nonFiscalUsed: 0,
  carryOut: 0,
  distribution: 0,
  classes: [
    { code: "208", name: "社会保障和就业支出", personnel: 67.78, publicUse: 0, project: 0 },
    { code: "210", name: "卫生健康支出", personnel: 291.29, publicUse: 58.15, project: 406.57 },
    { code: "221", name: "住房保障支出", personnel: 24.96, publicUse: 0, project: 0 },
  ],
  report: [
    "宣汉县医疗保障局2020年部门整体支出绩效评价报告",
    "一、部门（单位）概况",
    "（一）机构组成及人员概况：县医保局有行政编制9个，实有在职职工8人。下属事业单位县医疗保障事务中心，事业编制24人，实有在职职工25人。局现有退休人员3人。",
    "二、部门财政资金收支情况",
    "（一）部门财政资金收入情况：2020年部门收入决算总额为848.75万元，为一般公共预算财政拨款848.75万元。与2019年相比，收入减少4848.67万元，减少85.1%。减少原因是2019年收支包括对贫困人口的医保代缴5021.95万元，而2020年未纳入部门决算支出。",
    "（二）部门财政资金支出情况：2020年支出决算848.75万元，其中基本支出442.18万元，占52.1%；项目支出406.57万元，占47.9%。包括：社会保障和就业类支出67.78万元；卫生健康类支出756.01万元；住房保障类支出24.96万元。",
    "基本支出中，人员经费384.03万元，公用经费58.15万元。",
    "三、部门整体预算绩效管理情况",
    "2020年，我单位积极履职，强化管理，较好的完成了年度工作目标，预算执行完成100%。",
    "",
    "四、评价结论及建议",
    "（一）评价结论：2020年，根据局年初工作规划和重点性工作，积极履职，强化管理，较好的完成了年度工作目标。通过加强预算收支管理，不断建立健全内部管理制度，部门整体支出管理情况得到提升。",
  ],
};

export interface FinalCells {
  summary: { income: Ref[]; incomeTotal: Ref; nonFiscal: Ref; carryIn: Ref; inTotal: Ref; spend: Ref[]; spendTotal: Ref; distribution: Ref; carryOut: Ref; outTotal: Ref };
  income: { total: Ref[]; rows: Ref[][] };
  spend: { total: Ref[]; rows: Ref[][] };
  report: Ref[];
  yearLines: Ref[];
}

export function finalAccountsBook(d: FinalData, o: { unit?: "元" | "万元" } = {}): { sheets: SheetWriter[]; cells: FinalCells; relations: Relation[]; traps: Trap[] } {
  // The tables' money unit: the seed's 万元, or 元 (every amount ×10000, two decimals, `金额单位：元`).
  const unit = o.unit ?? "万元";
  const money = (w: SheetWriter, at: string, v: number): Ref => w.money(at, unit === "元" ? Math.round(v * 1000000) / 100 : v);
  // A class's 基本支出 and 收入 as the report gives them (the examples keep the seed's own rounding).
  const basic = (c: FinalData["classes"][number]): number => c.basic ?? r2(c.personnel + c.publicUse);
  const spendOf = (c: FinalData["classes"][number]): number => r2(basic(c) + c.project);
  const incomeTotal = r2(d.income.reduce((a, x) => a + x.v, 0));
  const spendTotal = r2(d.classes.reduce((a, c) => a + spendOf(c), 0));

  // ---- 收入支出决算总表
  const s1 = new SheetWriter("收入支出决算总表");
  ["A", "B", "C", "D", "E", "F"].forEach((c, i) => s1.width(c, [34, 6, 14, 30, 6, 14][i]));
  s1.merged("A1:F1", "收入支出决算总表", { bold: true, size: 16, center: true });
  const y1 = s1.merged("A2:E2", `${d.year}年度`, { center: true });
  s1.set("F2", "公开01表");
  s1.merged("A3:D3", `部门：${d.unit}`);
  s1.merged("E3:F3", `金额单位：${unit}`);
  s1.merged("A4:C4", "收入", { bold: true, center: true });
  s1.merged("D4:F4", "支出", { bold: true, center: true });
  ["项目", "行次", "金额", "项目", "行次", "金额"].forEach((h, i) => s1.label(`${"ABCDEF"[i]}5`, h, { bold: true }));
  const income = d.income.map((x, i) => {
    s1.set(`A${6 + i}`, x.label);
    s1.set(`B${6 + i}`, i + 1, { center: true });
    return money(s1, `C${6 + i}`, x.v);
  });
  const spend = d.classes.map((c, i) => {
    s1.set(`D${6 + i}`, `${["一", "二", "三", "四", "五"][i]}、${c.name}`);
    s1.set(`E${6 + i}`, 32 + i, { center: true });
    return money(s1, `F${6 + i}`, spendOf(c));
  });
  // rows 6 + classes .. 13 on the right and 14 on both sides stay blank: the form has more lines than used.
  const foot = (r: number, l: string, lv: number, rl: string, rv: number, ln: number): [Ref, Ref] => {
    s1.set(`A${r}`, l, { bold: true });
    s1.set(`B${r}`, ln, { center: true });
    s1.set(`D${r}`, rl, { bold: true });
    s1.set(`E${r}`, ln + 50, { center: true });
    return [money(s1, `C${r}`, lv), money(s1, `F${r}`, rv)];
  };
  const [incomeTotalRef, spendTotalRef] = foot(15, "本年收入合计", incomeTotal, "本年支出合计", spendTotal, 9);
  const [nonFiscal, distribution] = foot(16, "使用非财政拨款结余", d.nonFiscalUsed, "结余分配", d.distribution, 10);
  const [carryIn, carryOut] = foot(17, "年初结转和结余", d.carryIn, "年末结转和结余", d.carryOut, 11);
  const [inTotal, outTotal] = foot(18, "总计", r2(incomeTotal + d.nonFiscalUsed + d.carryIn), "总计", r2(spendTotal + d.distribution + d.carryOut), 12);

  // ---- 收入决算表
  const s2 = new SheetWriter("收入决算表");
  ["A", "B", "C", "D", "E", "F", "G", "H", "I"].forEach((c, i) => s2.width(c, [10, 24, 13, 13, 11, 11, 11, 13, 11][i]));
  s2.merged("A1:I1", "收入决算表", { bold: true, size: 16, center: true });
  const y2 = s2.merged("A2:G2", `部门：${d.unit}（${d.year}年度）`);
  s2.merged("H2:I2", `金额单位：${unit}`);
  s2.merged("A3:B3", "项目", { bold: true, center: true });
  s2.label("A4", "科目编码", { bold: true });
  s2.label("B4", "科目名称", { bold: true });
  ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"].forEach((h, i) => s2.merged(`${"CDEFGHI"[i]}3:${"CDEFGHI"[i]}4`, h, { bold: true, center: true }));
  s2.merged("A5:B5", "合计", { bold: true, center: true });
  const incRows = d.classes.map((c, i) => {
    const r = 6 + i;
    s2.set(`A${r}`, c.code);
    s2.set(`B${r}`, c.name);
    const v = c.income ?? spendOf(c);
    return [v, v, 0, 0, 0, 0, 0].map((x, k) => money(s2, `${"CDEFGHI"[k]}${r}`, x));
  });
  const incTot = "CDEFGHI".split("").map((col, k) => money(s2, `${col}5`, r2(d.classes.reduce((a, c) => a + (k <= 1 ? (c.income ?? spendOf(c)) : 0), 0))));

  // ---- 支出决算表
  const s3 = new SheetWriter("支出决算表");
  ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].forEach((c, i) => s3.width(c, [10, 24, 13, 12, 12, 12, 12, 12, 10, 14][i]));
  s3.merged("A1:J1", "支出决算表", { bold: true, size: 16, center: true });
  const y3 = s3.merged("A2:H2", `部门：${d.unit}（${d.year}年度）`);
  s3.merged("I2:J2", `金额单位：${unit}`);
  s3.merged("A3:B4", "项目", { bold: true, center: true });
  s3.label("A5", "科目编码", { bold: true });
  s3.label("B5", "科目名称", { bold: true });
  s3.merged("C3:C5", "本年支出合计", { bold: true, center: true });
  s3.merged("D3:F3", "基本支出", { bold: true, center: true });
  s3.merged("D4:D5", "小计", { bold: true, center: true });
  s3.merged("E4:F4", "其中：", { bold: true, center: true });
  s3.label("E5", "人员经费", { bold: true });
  s3.label("F5", "公用经费", { bold: true });
  ["项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"].forEach((h, i) => s3.merged(`${"GHIJ"[i]}3:${"GHIJ"[i]}5`, h, { bold: true, center: true }));
  s3.merged("A6:B6", "合计", { bold: true, center: true });
  const spRows = d.classes.map((c, i) => {
    const r = 7 + i;
    s3.set(`A${r}`, c.code);
    s3.set(`B${r}`, c.name);
    return [spendOf(c), basic(c), c.personnel, c.publicUse, c.project, 0, 0, 0].map((x, k) => money(s3, `${"CDEFGHIJ"[k]}${r}`, x));
  });
  const spTot = "CDEFGHIJ".split("").map((col, k) => money(s3, `${col}6`, r2(d.classes.reduce((a, c) => a + [spendOf(c), basic(c), c.personnel, c.publicUse, c.project, 0, 0, 0][k], 0))));

  // ---- 整体绩效
  const s4 = new SheetWriter("整体绩效");
  s4.width("A", 110);
  const report = d.report.map((p, i) => (p ? s4.set(`A${i + 1}`, p, i === 0 ? { bold: true, size: 14 } : /^[一二三四五六七八九十]、/.test(p) ? { bold: true } : { wrap: true }) : { sheet: s4.name, a1: `A${i + 1}` }));

  const relations: Relation[] = [
    sum(incomeTotalRef, income, "本年收入合计 = Σ 收入 1–8"),
    sum(spendTotalRef, spend, "本年支出合计 = Σ 功能分类"),
    sum(inTotal, [incomeTotalRef, nonFiscal, carryIn], "收方总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余"),
    sum(outTotal, [spendTotalRef, distribution, carryOut], "支方总计 = 本年支出合计 + 结余分配 + 年末结转和结余"),
    equal(inTotal, outTotal, "收方总计 = 支方总计"),
    equal(incTot[0], incomeTotalRef, "收入决算表 合计 = 总表 本年收入合计"),
    equal(spTot[0], spendTotalRef, "支出决算表 合计 = 总表 本年支出合计"),
  ];
  incRows.forEach((row, i) => relations.push(sum(row[0], row.slice(1), `收入决算表 ${d.classes[i].name} 本年收入合计 = Σ 来源`)));
  relations.push(sum(incTot[0], incTot.slice(1), "收入决算表 合计 = Σ 来源"));
  incTot.forEach((t, k) => relations.push(sum(t, incRows.map((row) => row[k]), `收入决算表 合计 列${k + 1} = Σ 类`)));
  const spendRow = (row: Ref[], label: string): void => {
    relations.push(sum(row[0], [row[1], row[4], row[5], row[6], row[7]], `${label} 本年支出合计 = 基本 + 项目 + …`));
    relations.push(sum(row[1], [row[2], row[3]], `${label} 基本支出 = 人员经费 + 公用经费`));
  };
  spRows.forEach((row, i) => spendRow(row, `支出决算表 ${d.classes[i].name}`));
  spendRow(spTot, "支出决算表 合计");
  spTot.forEach((t, k) => relations.push(sum(t, spRows.map((row) => row[k]), `支出决算表 合计 列${k + 1} = Σ 类`)));
  d.classes.forEach((_c, i) => relations.push(equal(spend[i], spRows[i][0], `总表 ${d.classes[i].name} = 支出决算表`)));

  const traps: Trap[] = [
    { at: { sheet: s1.name, a1: "C14" }, why: "blank rows inside the 收入支出决算总表 before 本年收入合计" },
    { at: { sheet: s1.name, a1: "F9" }, why: "the unused 支出 lines of the 总表 left blank" },
    { at: report[9], why: "an empty paragraph row on the text sheet" },
  ];
  return {
    sheets: [s1, s2, s3, s4],
    cells: {
      summary: { income, incomeTotal: incomeTotalRef, nonFiscal, carryIn, inTotal, spend, spendTotal: spendTotalRef, distribution, carryOut, outTotal },
      income: { total: incTot, rows: incRows },
      spend: { total: spTot, rows: spRows },
      report,
      yearLines: [y1, y2, y3],
    },
    relations,
    traps,
  };
}

export function finalAccountsCase(): FormCase {
  const { sheets, cells: c, relations, traps } = finalAccountsBook(SEED003);
  const health = 1; // 卫生健康支出
  const variants: Variant[] = [
    num("part-not-footing", "收入决算表 卫生健康 财政拨款收入 765.01 (756.01)", c.income.rows[health][1], 765.01),
    num("part-not-footing", "支出决算表 卫生健康 人员经费 292.29 (基本 349.44 = 291.29 + 58.15)", c.spend.rows[health][2], 292.29),
    num("part-not-footing", "总表 年末结转和结余 10 (年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 gives 0)", c.summary.carryOut, 10),
    num("yuan-in-part", "支出决算表 卫生健康 基本支出 3494400 (349.44 万元 in 元)", c.spend.rows[health][1], yuan),
    num("yuan-in-total", "总表 本年支出合计 8487500 (848.75 万元 in 元)", c.summary.spendTotal, yuan),
    num("total-wrong", "支出决算表 合计 本年支出合计 858.75 (Σ 848.75)", c.spend.total[0], 858.75),
    txt("title-year", "整体绩效 title says 2019年 (the report is 2020's)", c.report[0], "2020年", "2019年"),
    txt("prose-pct-change", "减少185.1% for a fall of 4848.67 from 5697.42 (85.1%; seed 003's own mistake)", c.report[4], "减少85.1%", "减少185.1%"),
    txt("prose-vs-table", "基本支出 占55.1% (442.18 / 848.75 = 52.1%)", c.report[5], "占52.1%", "占55.1%"),
    txt("prose-vs-table", "项目支出460.57万元 (table 406.57)", c.report[5], "项目支出406.57万元", "项目支出460.57万元"),
    txt("prose-yuan", "公用经费581500元 beside the 万元 tables", c.report[6], "公用经费58.15万元", "公用经费581500元"),
  ];
  return { form: "final-accounts", seed: "003", file: "final-accounts", book: { sheets: sheets.map((s) => s.spec) }, relations, variants, traps };
}
