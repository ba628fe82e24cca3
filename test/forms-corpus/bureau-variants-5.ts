/**
 * Clerks' own files, typed by hand: the same forms as before, but with cells as clerks TYPE them, not as
 * a template stores them (invented layouts, seed numbers consistent to the cent):
 *
 * y. a 部门整体支出绩效自评表 (seed 002's figures) whose money is text throughout — “1,711.75”, “1707.31 ”
 *    with a trailing space, full-width “１６３２.８７”, “104.20万元” with the unit inside the cell — beside
 *    cells left as stored numbers; “—”, “/”, “无” and “0.00” for rows with no money; 执行率 typed “99.74%”,
 *    scores typed “9.97分”, 分值 typed “15”; a 行次 column; a HIDDEN column of 上年数 (last year's figures,
 *    kept when the sheet was copied); a hidden row holding last year's 项目支出; a blank row inside the funds
 *    table; the title merged over the table with the year in it; a notes row “注：…” under the table; and the
 *    grade typed “等次：优秀”.
 * z. a 项目绩效自评汇总表 (seed 001's nine projects) with a 行次 column instead of 序号, a hidden column of
 *    上年预算数, money typed as text (“11.61万元”, “28.00 ”, “４８.５０”, “1,923.10” style), a 调整数
 *    column with accountants' negatives “（2.50）” and “-1.20”, 执行率 as text “44.93%”, 自评得分 typed
 *    “92.50分”, 自评结果 typed “优（92.50分）”, a notes row under the 合计 and a 自评结论.
 *
 * A number typed as text is what the number-stored-as-text rule is for (docs/rules/number-stored-as-text.md:
 * Excel's SUM skips it): the consistent workbook shows that warning at each such money, rate or score cell
 * (`textNumbers`), and nothing else — no footing, rate or score error follows from the text itself.
 */
import { type BookSpec, type Ref, SheetWriter, MONEY, plant as plantValue, showRef, valueAt } from "./book";
import { put, txt, type Triple } from "./corpus-helpers";
import { SEED002 } from "./dept-form";
import { mergeRuns, rate4, round2 } from "./project-form";
import { type Relation, equal, readNumber, sum } from "./relations";
import { SEED001_PROJECTS, gradeOf, projectTotal, seed001Project } from "./seeds";
import type { FormCase, Kind, Trap, Variant } from "./types";

const COLS = ["年初预算数", "全年预算数", "全年执行数"];

/** How a clerk typed a number: renders a value as the cell's text. */
type Style = (v: number) => string;

const grouped = (v: number, d = 2): string => v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const full = (s: string): string => s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const S = {
  comma: ((v) => grouped(v)) as Style,
  space: ((v) => `${v.toFixed(2)} `) as Style,
  fullWidth: ((v) => full(v.toFixed(2))) as Style,
  wan: ((v) => `${v.toFixed(2)}万元`) as Style,
  pct: ((v) => `${(v * 100).toFixed(2)}%`) as Style,
  points: ((v) => `${v.toFixed(2)}分`) as Style,
  int: ((v) => String(v)) as Style,
};

/** A sheet writer that remembers how each text-typed number was typed (so a variant types it the same way). */
class TypedSheet extends SheetWriter {
  readonly styles = new Map<string, Style>();
  readonly textNumbers: Ref[] = [];
  /** A number typed as text in `style`, or stored as a number (`fmt`) when `style` is undefined. */
  typed(at: string, v: number, style: Style | undefined, fmt = MONEY): Ref {
    if (!style) return this.set(at, v, { fmt });
    const r = this.set(at, style(v), { center: true });
    this.styles.set(showRef(r), style);
    if (v !== 0) this.textNumbers.push(r);
    return r;
  }
}

/** A number planted into a cell, typed as the clerk typed that cell (text stays text in the same style). */
function typedNum(w: TypedSheet, kind: Kind, what: string, at: Ref, value: number | ((old: number) => number)): Variant {
  return {
    kind,
    what,
    cause: at,
    relational: true,
    plant: (b: BookSpec) => {
      const old = readNumber(valueAt(b, at));
      if (old === undefined) throw new Error(`${showRef(at)} holds no number`);
      const v = typeof value === "function" ? value(old) : value;
      const style = w.styles.get(showRef(at));
      plantValue(b, at, style ? style(v) : v);
    },
  };
}

/** ×10000 (万元 typed in 元), keeping the cell's own way of typing. */
const yuan = (v: number): number => Math.round(v * 10000 * 100) / 100;

// ------------------------------------------------------------------ y. 部门整体, typed by hand

export function deptTypedCase(): FormCase {
  const d = SEED002;
  const name = "整体自评（手填）";
  const w = new TypedSheet(name);
  "ABCDEFGHIJK".split("").forEach((c, i) => w.width(c, [6, 14, 16, 13, 11, 13, 13, 8, 10, 10, 16][i]));
  const title = w.merged("A1:K1", `${d.unit}${d.year}年度部门整体支出绩效自评表`, { bold: true, size: 16, center: true });
  const unitCell = w.merged("A2:E2", `填报单位：${d.unit}`);
  w.merged("F2:G2", "单位：万元");
  const filed = w.merged("H2:K2", `填报日期：${d.filedOn}`);
  // The header: 行次 | 项目 | 年初预算数 | 上年数 (hidden) | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 备注
  w.label("A3", "行次", { bold: true });
  w.merged("B3:C3", "项目", { bold: true, center: true });
  ["年初预算数", "上年数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "备注"].forEach((h, i) => w.label(`${"DEFGHIJK"[i]}3`, h, { bold: true }));
  w.spec.hiddenCols = ["E"];
  let line = 0;
  const row = (r: number, label: string, v: Triple | null, styles: [Style | undefined, Style | undefined, Style | undefined], lastYear: number | null, rateStyle: Style | undefined = S.pct): { money: Ref[]; rate?: Ref } => {
    w.set(`A${r}`, ++line, { center: true });
    w.merged(`B${r}:C${r}`, label);
    if (lastYear !== null) w.set(`E${r}`, lastYear, { fmt: MONEY });
    if (!v) return { money: [] };
    const money = [w.typed(`D${r}`, v[0], styles[0]), w.typed(`F${r}`, v[1], styles[1]), w.typed(`G${r}`, v[2], styles[2])];
    let rate: Ref | undefined;
    if (v[1] > 0) rate = w.typed(`I${r}`, rate4(v[2], v[1]), rateStyle, "0.00%");
    return { money, rate };
  };
  const total = row(4, "年度资金总额", d.total, [S.comma, S.comma, S.space], 1588.2);
  const execWeight = w.typed("H4", 10, S.int, "0");
  const execScoreV = round2(Math.min(d.total[2] / d.total[1], 1) * 10);
  const execScore = w.typed("J4", execScoreV, S.points);
  row(5, "按收入性质分：", null, [undefined, undefined, undefined], null);
  const fiscal = row(6, "一般公共预算财政拨款", d.income[0].v, [S.fullWidth, S.comma, undefined], 1588.2);
  // Rows with no money, as clerks leave them: a dash, a slash, 无, and zeros typed as text.
  const emptyRows: { label: string; mark: string }[] = [
    { label: "政府性基金预算财政拨款", mark: "—" },
    { label: "国有资本经营预算财政拨款", mark: "/" },
    { label: "财政专户管理资金", mark: "无" },
    { label: "单位资金", mark: "0.00" },
  ];
  const markCells: Ref[] = [];
  emptyRows.forEach((x, k) => {
    const r = 7 + k;
    w.set(`A${r}`, ++line, { center: true });
    w.merged(`B${r}:C${r}`, x.label);
    for (const c of ["D", "F", "G"]) markCells.push(w.set(`${c}${r}`, x.mark, { center: true }));
    w.set(`I${r}`, x.mark === "0.00" ? "—" : x.mark, { center: true });
  });
  const blankRow = 11; // a blank row inside the funds table
  row(12, "按支出性质分：", null, [undefined, undefined, undefined], null);
  const basic = row(13, "基本支出", d.basic, [S.wan, S.wan, S.wan], 98.6);
  const personnel = row(14, "其中：人员经费", d.personnel, [undefined, S.space, S.wan], 83.1);
  const publicUse = row(15, "公用经费", d.publicUse, [undefined, undefined, S.fullWidth], 15.5, undefined);
  const project = row(16, "项目支出", d.project, [S.comma, S.comma, S.comma], 1489.6);
  // Last year's 项目支出, copied with the sheet and hidden rather than deleted.
  const hiddenRow = 17;
  w.merged(`B${hiddenRow}:C${hiddenRow}`, "项目支出");
  w.set(`D${hiddenRow}`, 1450.0, { fmt: MONEY });
  w.set(`F${hiddenRow}`, 1489.6, { fmt: MONEY });
  w.set(`G${hiddenRow}`, 1476.33, { fmt: MONEY });
  w.spec.hiddenRows = [hiddenRow];
  const notes = w.merged("A18:K18", "注：1.本表金额单位为万元；2.执行率＝全年执行数÷全年预算数×100%；3.“—”“/”表示无此项资金。", { wrap: true });

  // 年度总体目标 and the indicator table.
  w.merged("A20:B21", "年度总体目标", { bold: true, center: true });
  w.merged("C20:F20", "预期目标", { bold: true, center: true });
  w.merged("G20:K20", "实际完成情况", { bold: true, center: true });
  w.merged("C21:F21", d.goal, { wrap: true });
  w.merged("G21:K21", d.actual, { wrap: true });
  const head = 22;
  ["一级指标", "二级指标"].forEach((h, i) => w.label(`${"AB"[i]}${head}`, h, { bold: true }));
  w.merged(`C${head}:D${head}`, "三级指标", { bold: true, center: true });
  ["指标值", "实际完成值", "分值", "得分"].forEach((h, i) => w.label(`${"FGHI"[i]}${head}`, h, { bold: true }));
  w.merged(`J${head}:K${head}`, "偏差原因分析及改进措施", { bold: true, center: true });
  const top = head + 1;
  mergeRuns(w, "A", top, d.indicators.map((i) => i.l1));
  mergeRuns(w, "B", top, d.indicators.map((i) => `${i.l1}/${i.l2}`), d.indicators.map((i) => i.l2));
  const ind = d.indicators.map((i, k) => {
    const r = top + k;
    w.merged(`C${r}:D${r}`, i.name);
    w.set(`F${r}`, i.target, { center: true });
    const actual = w.set(`G${r}`, i.actual, { center: true });
    const weight = w.typed(`H${r}`, i.weight, k % 2 === 0 ? S.int : undefined, "0");
    const score = w.typed(`I${r}`, i.score, k % 3 === 2 ? S.points : undefined);
    const reason = w.merged(`J${r}:K${r}`, i.reason ?? null, { wrap: true });
    return { weight, score, actual, reason };
  });
  const s = top + d.indicators.length + 1; // a blank row, then the score summary
  w.merged(`A${s}:K${s}`, "绩效自评得分汇总", { bold: true, center: true });
  w.merged(`A${s + 1}:D${s + 1}`, "一级指标", { bold: true, center: true });
  w.label(`E${s + 1}`, "分值", { bold: true });
  w.label(`F${s + 1}`, "得分", { bold: true });
  w.merged(`A${s + 2}:D${s + 2}`, "预算执行率", { center: true });
  const execW2 = w.typed(`E${s + 2}`, 10, undefined, "0");
  const execS2 = w.typed(`F${s + 2}`, execScoreV, S.points);
  const groups = ["产出指标", "效益指标", "满意度指标"].map((g, i) => {
    const r = s + 3 + i;
    w.merged(`A${r}:D${r}`, g, { center: true });
    const members = d.indicators.filter((x) => x.l1 === g);
    return {
      label: g,
      weight: w.typed(`E${r}`, members.reduce((a, x) => a + x.weight, 0), S.int, "0"),
      score: w.typed(`F${r}`, round2(members.reduce((a, x) => a + x.score, 0)), i === 0 ? S.points : undefined),
    };
  });
  const tr = s + 6;
  w.merged(`A${tr}:D${tr}`, "总分", { bold: true, center: true });
  const weightTotal = w.typed(`E${tr}`, 10 + d.indicators.reduce((a, x) => a + x.weight, 0), undefined, "0");
  const scoreTotalV = round2(execScoreV + d.indicators.reduce((a, x) => a + x.score, 0));
  const scoreTotal = w.typed(`F${tr}`, scoreTotalV, S.points);
  const grade = w.merged(`A${tr + 1}:F${tr + 1}`, `等次：${gradeOf(scoreTotalV) === "优" ? "优秀" : "良好"}`);
  const conclusion = w.merged(`A${tr + 3}:K${tr + 3}`, `自评结论：${d.conclusion}`, { wrap: true });
  w.merged(`A${tr + 4}:K${tr + 4}`, "注：得分保留两位小数；等次按90分（含）以上为优秀、80（含）—90分为良好、60（含）—80分为中、60分以下为差确定。", { wrap: true });

  const relations: Relation[] = [];
  const income = [fiscal];
  for (let c = 0; c < 3; c++) {
    relations.push(sum(total.money[c], income.map((x) => x.money[c]), `年度资金总额 ${COLS[c]} = Σ 按收入性质`));
    relations.push(sum(total.money[c], [basic.money[c], project.money[c]], `年度资金总额 ${COLS[c]} = 基本支出 + 项目支出`));
    relations.push(sum(basic.money[c], [personnel.money[c], publicUse.money[c]], `基本支出 ${COLS[c]} = 人员经费 + 公用经费`));
  }
  for (const [label, x] of [["一般公共预算财政拨款", fiscal], ["基本支出", basic], ["人员经费", personnel], ["公用经费", publicUse], ["项目支出", project]] as const) {
    if (x.rate) relations.push({ kind: "rate", rate: x.rate, num: x.money[2], den: x.money[1], decimals: 2, label: `${label} 执行率` });
  }
  relations.push({ kind: "rate", rate: total.rate!, num: total.money[2], den: total.money[1], decimals: 2, label: "执行率 = 全年执行数 ÷ 全年预算数" });
  relations.push({ kind: "execScore", score: execScore, num: total.money[2], den: total.money[1], weight: execWeight, label: "执行率得分" });
  relations.push(equal(execS2, execScore, "得分汇总 预算执行率 = 执行率得分"));
  relations.push(equal(execW2, execWeight, "得分汇总 预算执行率分值 = 分值"));
  groups.forEach((g) => {
    const members = d.indicators.map((x, k) => (x.l1 === g.label ? ind[k] : undefined)).filter((x): x is (typeof ind)[number] => !!x);
    relations.push(sum(g.score, members.map((m) => m.score), `${g.label} 得分 = Σ 三级指标得分`));
    relations.push(sum(g.weight, members.map((m) => m.weight), `${g.label} 分值 = Σ 三级指标分值`));
  });
  relations.push(sum(weightTotal, [execW2, ...groups.map((g) => g.weight)], "总分 分值 = Σ"));
  relations.push(sum(scoreTotal, [execS2, ...groups.map((g) => g.score)], "总分 得分 = Σ"));
  ind.forEach((i, k) => relations.push({ kind: "le", a: i.score, b: i.weight, label: `指标${k + 1} 得分 ≤ 分值` }));

  const traps: Trap[] = [
    { at: total.money[0], why: "年初预算数 typed “1,632.87” (text with a thousands separator)" },
    { at: total.money[2], why: "全年执行数 typed “1707.31 ” (text with a trailing space)" },
    { at: fiscal.money[0], why: "年初预算数 typed in full-width digits “１６３２.８７”" },
    { at: basic.money[1], why: "“104.20万元”: the unit typed inside the money cell" },
    { at: total.rate!, why: "执行率 typed as the text “99.74%”" },
    { at: execScore, why: "执行率得分 typed “9.97分”" },
    ...markCells.map((at) => ({ at, why: `“${String(w.spec.cells.get(at.a1)?.v)}” for a row with no money` })),
    { at: { sheet: name, a1: "E4" }, why: "a hidden column of 上年数 (last year's figures)" },
    { at: { sheet: name, a1: `F${hiddenRow}` }, why: "a hidden row with last year's 项目支出" },
    { at: { sheet: name, a1: `A${blankRow}` }, why: "a blank row inside the funds table" },
    { at: { sheet: name, a1: "A4" }, why: "a 行次 column (1, 2, 3 …)" },
    { at: notes, why: "a notes row “注：…” under the funds table" },
    { at: filed, why: "填报日期 in the year after the evaluated year" },
    { at: unitCell, why: "“填报单位：…” label and value in one cell" },
    { at: grade, why: "the grade typed “等次：优秀”" },
    { at: scoreTotal, why: "总分 typed “97.97分”" },
  ];
  const g = (label: string) => groups.find((x) => x.label === label)!;
  const N = (kind: Kind, what: string, at: Ref, value: number | ((old: number) => number)): Variant => typedNum(w, kind, what, at, value);
  const costIdx = d.indicators.findIndex((i) => i.actual.endsWith("万元"));
  const variants: Variant[] = [
    N("part-not-footing", "其中：人员经费 全年执行数 “88.95万元” (基本 103.86 = 87.95 + 15.91)", personnel.money[2], 88.95),
    N("part-not-footing", "一般公共预算财政拨款 年初预算数 “１６４２.８７” (总额 1632.87)", fiscal.money[0], 1642.87),
    N("part-not-footing", "项目支出 全年预算数 “1,617.55” (1711.75 − 104.20 = 1607.55)", project.money[1], 1617.55),
    N("yuan-in-part", "公用经费 全年执行数 “１５９１００.００” (15.91 万元 in 元)", publicUse.money[2], yuan),
    N("yuan-in-part", "基本支出 全年预算数 “1042000.00万元” (104.20 in 元, the unit still 万元)", basic.money[1], yuan),
    N("yuan-in-total", "年度资金总额 全年执行数 “17073100.00 ”", total.money[2], yuan),
    N("total-wrong", "年度资金总额 全年预算数 “1,721.75” (both splits give 1711.75)", total.money[1], 1721.75),
    N("rate-wrong", "执行率 “97.95%” for 1707.31/1711.75 = 99.74%", total.rate!, 0.9795),
    N("exec-score-wrong", "执行率得分 “10.00分” (full marks) for 99.74% of 10 = 9.97", execScore, 10),
    N("subtotal-over-parts", "产出指标 得分 “50.00分” over its parts 48 (seed 002's own mistake)", g("产出指标").score, 50),
    N("weights-total", "总分 分值 90 over weights summing to 100", weightTotal, 90),
    N("score-over-weight", "经费支出的合规性 得分 “16.00分” of 15", ind[2].score, 16),
    put("grade-mismatch", "等次 typed “等次：良好” for 97.97", grade, "等次：良好"),
    txt("title-year", "title says 2023年度 (the table is 2024's)", title, `${d.year}年度`, `${d.year - 1}年度`),
    txt("prose-vs-table", "自评结论 says 预算执行率97.74% (table “99.74%”)", conclusion, "预算执行率99.74%", "预算执行率97.74%"),
    txt("prose-vs-table", "自评结论 says 全年执行1703.71万元 (table “1707.31 ”)", conclusion, "全年执行1707.31万元", "全年执行1703.71万元"),
    txt("prose-vs-table", "自评结论 counts 9个二级指标 (table 7)", conclusion, "7个二级指标", "9个二级指标"),
    txt("prose-yuan", "自评结论 says 全年预算安排17117500元 beside the 万元 table", conclusion, "全年预算安排1711.75万元", "全年预算安排17117500元"),
    txt("prose-pct-change", "追加78.88万元，比年初预算增长14.83% (4.83%)", conclusion, "增长4.83%", "增长14.83%"),
    txt("prose-completion-rate", "完成23.9万人，高于目标0.9万人，完成率为107.5% (103.91%)", conclusion, "完成率为103.91%", "完成率为107.5%"),
    put("indicator-yuan-slip", `${d.indicators[costIdx].name} 实际完成值 “17073100万元” (1707.31 万元 in 元)`, ind[costIdx].actual, "17073100万元"),
  ];
  return { form: "dept-typed", seed: "002", file: "dept-typed", book: { sheets: [w.spec] }, relations, variants, traps, textNumbers: w.textNumbers };
}

// ------------------------------------------------------------------ z. 项目汇总表, typed by hand

export function summaryTypedCase(): FormCase {
  const data = SEED001_PROJECTS.map((p, i) => seed001Project(p, i));
  const rows = SEED001_PROJECTS.map((p, i) => ({ ...p, score: projectTotal(data[i]), grade: data[i].grade }));
  const name = "项目自评汇总（手填）";
  const w = new TypedSheet(name);
  "ABCDEFGHIJKLM".split("").forEach((c, i) => w.width(c, [6, 34, 18, 11, 11, 10, 11, 10, 11, 11, 16, 10, 8][i]));
  const title = w.merged("A1:M1", "承德市医疗保障局2019年度项目支出绩效自评汇总表", { bold: true, size: 16, center: true });
  w.merged("A2:H2", "填报单位：承德市医疗保障局");
  w.merged("I2:M2", "金额单位：万元");
  // 行次 | 项目名称 | 资金文号 | 年初预算数 | 上年预算数 (hidden) | 调整数 | 预算数 | 执行数 | 执行率 | 结转结余 | 自评得分 | 自评结果 | 备注
  ["行次", "项目名称", "资金文号", "年初预算数", "上年预算数", "调整数", "预算数", "执行数", "执行率", "结转结余", "自评得分", "自评结果", "备注"].forEach((h, i) =>
    w.label(`${"ABCDEFGHIJKLM"[i]}3`, h, { bold: true }),
  );
  w.spec.hiddenCols = ["E"];
  const moneyStyles: (Style | undefined)[] = [S.wan, S.space, S.fullWidth, S.comma, undefined];
  // 年初预算数 + 调整数 = 预算数; two projects were cut during the year (accountants' negatives).
  const cut = new Map<number, number>([
    [1, 2.5],
    [5, 1.2],
  ]);
  const negatives: Ref[] = [];
  const cells = rows.map((p, i) => {
    const r = 4 + i;
    w.set(`A${r}`, i + 1, { center: true });
    w.set(`B${r}`, p.name);
    w.set(`C${r}`, p.doc ?? "—", { center: true });
    const c = cut.get(i) ?? 0;
    w.set(`D${r}`, round2(p.budget + c), { fmt: MONEY });
    w.set(`E${r}`, round2(p.budget * 0.9), { fmt: MONEY });
    if (c) negatives.push(w.set(`F${r}`, i === 1 ? `（${c.toFixed(2)}）` : `-${c.toFixed(2)}`, { center: true }));
    else w.set(`F${r}`, "—", { center: true });
    const st = moneyStyles[i % moneyStyles.length];
    return {
      budget: w.typed(`G${r}`, p.budget, st),
      spent: w.typed(`H${r}`, p.spent, moneyStyles[(i + 1) % moneyStyles.length]),
      rate: w.typed(`I${r}`, rate4(p.spent, p.budget), i % 2 === 0 ? S.pct : undefined, "0.00%"),
      carry: w.typed(`J${r}`, round2(p.budget - p.spent), i % 3 === 0 ? S.wan : undefined),
      score: w.typed(`K${r}`, p.score, S.points),
      grade: w.set(`L${r}`, `${p.grade}（${p.score.toFixed(2)}分）`, { center: true }),
    };
  });
  const tr = 4 + rows.length;
  const budget = round2(rows.reduce((a, p) => a + p.budget, 0));
  const spent = round2(rows.reduce((a, p) => a + p.spent, 0));
  w.set(`A${tr}`, rows.length + 1, { center: true });
  w.merged(`B${tr}:C${tr}`, "合计", { bold: true, center: true });
  const total = {
    budget: w.typed(`G${tr}`, budget, S.comma),
    spent: w.typed(`H${tr}`, spent, S.wan),
    rate: w.typed(`I${tr}`, rate4(spent, budget), S.pct, "0.00%"),
    carry: w.typed(`J${tr}`, round2(budget - spent), undefined),
  };
  w.dash(`K${tr}`);
  w.set(`L${tr}`, "/", { center: true });
  const notes = w.merged(`A${tr + 1}:M${tr + 1}`, "注：1.预算数＝年初预算数＋调整数，调减以负数或括号表示；2.执行率＝执行数÷预算数；3.自评结果按优（90分及以上）、良（80—90分）、中（60—80分）、差（60分以下）填列。", { wrap: true });
  const conclusionText = (() => {
    const n = (g: string): number => rows.filter((r) => r.grade === g).length;
    return `2019年度共实施预算项目9个，预算资金192.31万元，支出158.89万元，预算执行率为82.62%，结转到2020年度33.42万元。其中${n("优")}个项目自评为优，${n("良")}个项目自评为良，${n("中")}个项目自评为中。`;
  })();
  const conclusion = w.merged(`A${tr + 3}:M${tr + 3}`, `自评结论：${conclusionText}`, { wrap: true });

  const relations: Relation[] = [];
  cells.forEach((c, i) => {
    relations.push({ kind: "rate", rate: c.rate, num: c.spent, den: c.budget, decimals: 2, label: `项目${i + 1} 执行率` });
    relations.push(sum(c.budget, [c.spent, c.carry], `项目${i + 1} 预算数 = 执行数 + 结转结余`));
  });
  relations.push(sum(total.budget, cells.map((c) => c.budget), "合计 预算数 = Σ 项目"));
  relations.push(sum(total.spent, cells.map((c) => c.spent), "合计 执行数 = Σ 项目"));
  relations.push(sum(total.carry, cells.map((c) => c.carry), "合计 结转结余 = Σ 项目"));
  relations.push({ kind: "rate", rate: total.rate, num: total.spent, den: total.budget, decimals: 2, label: "合计 执行率" });
  relations.push(sum(total.budget, [total.spent, total.carry], "合计 预算数 = 执行数 + 结转结余"));

  const traps: Trap[] = [
    ...negatives.map((at) => ({ at, why: `调整数 typed as an accountant's negative “${String(w.spec.cells.get(at.a1)?.v)}”` })),
    { at: { sheet: name, a1: "E4" }, why: "a hidden column of 上年预算数" },
    { at: { sheet: name, a1: "A4" }, why: "a 行次 column instead of 序号" },
    { at: cells[0].budget, why: "预算数 typed “11.61万元” with the unit inside the cell" },
    { at: cells[2].budget, why: "预算数 typed in full-width digits “４８.５０”" },
    { at: cells[0].score, why: "自评得分 typed “…分”" },
    { at: cells[0].grade, why: "自评结果 typed “优（…分）”" },
    { at: { sheet: name, a1: `K${tr}` }, why: "“—” in the 合计 row's 自评得分" },
    { at: notes, why: "a notes row “注：…” under the 合计" },
  ];
  const N = (kind: Kind, what: string, at: Ref, value: number | ((old: number) => number)): Variant => typedNum(w, kind, what, at, value);
  const r = cells;
  const variants: Variant[] = [
    N("part-not-footing", "办公经费 执行数 typed “21.00万元” (20 budgeted, 100%, 结转 0)", r[3].spent, 21),
    N("part-not-footing", "基金监管 结转结余 16.42 (28 − 12.58 = 15.42)", r[1].carry, 16.42),
    N("yuan-in-part", "信息系统建设 预算数 “４８５０００.００” (48.5 万元 in 元)", r[2].budget, yuan),
    N("yuan-in-total", "合计 执行数 “1588900.00万元” (158.89 in 元)", total.spent, yuan),
    N("total-wrong", "合计 预算数 “193.31” (Σ 192.31)", total.budget, 193.31),
    N("summary-total", "合计 结转结余 34.42 (Σ 33.42)", total.carry, 34.42),
    N("rate-wrong", "培训补助 执行率 “90.00%” (11.61/11.61 = 100%)", r[0].rate, 0.9),
    put("grade-mismatch", `基金监管 自评结果 typed “优（${rows[1].score.toFixed(2)}分）” for ${rows[1].score}`, r[1].grade, `优（${rows[1].score.toFixed(2)}分）`),
    txt("title-year", "title says 2018年度 (the table is 2019's)", title, "2019", "2018"),
    txt("prose-vs-table", "自评结论 rate 83.62% (table “82.62%”)", conclusion, "预算执行率为82.62%", "预算执行率为83.62%"),
    txt("prose-vs-table", "自评结论 counts 6 projects (table 9)", conclusion, "共实施预算项目9个", "共实施预算项目6个"),
    txt("prose-vs-table", "自评结论 says 支出185.89万元 (table “158.89万元”)", conclusion, "支出158.89万元", "支出185.89万元"),
    txt("prose-yuan", "自评结论 says 预算资金1923100元 beside the 万元 table", conclusion, "预算资金192.31万元", "预算资金1923100元"),
  ];
  return { form: "summary-typed", seed: "001", file: "summary-typed", book: { sheets: [w.spec] }, relations, variants, traps, textNumbers: w.textNumbers };
}
