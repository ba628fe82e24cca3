/**
 * The forms corpus: every form of issue 9, laid out as bureaus lay it out, filled from a real seed, with
 * one variant per planted mistake kind that applies. Build with {@link buildCorpus}; write a book with
 * `writeBook` (book.ts). Nothing here runs the engine.
 */
import { type BookSpec, numberAt, plant } from "./book";
import { num, put, rateAsText, txt, yuan } from "./corpus-helpers";
import { finalStackedCase, finalYuanCase, provinceProjectCase, provinceSheetsCase, summaryTopCase } from "./bureau-variants";
import { deptThreeRowCase, projectInlineCase, projectLevelsCase, summaryYuanCase } from "./bureau-variants-2";
import { projectMergedCase, projectStackedCase, projectSubtotalsCase, summaryLinkedCase } from "./bureau-variants-3";
import { deptGroupsCase, deptInlineCase, finalChangeCase, finalSangongYuanCase } from "./bureau-variants-4";
import { deptTypedCase, summaryTypedCase } from "./bureau-variants-5";
import { deptFrameworkCase, projectBandsCase } from "./bureau-variants-6";
import { deptAcrossCase, deptYuanCoverCase, finalClassesCase, projectLevelsOfGovernmentCase, projectPercentCase, projectQualitativeCase, summaryGroupsCase, summaryHeadsCase } from "./bureau-variants-7";
import { sichuanSystemCase } from "./bureau-variants-8";
import { deptSideBySideCase, projectThreeDecimalsCase, projectYuanReportCase } from "./bureau-variants-9";
import { assetsCase, finalSharesCase, sangongColumnsCase, sangongRowsCase } from "./bureau-variants-10";
import { deptKeyProjectsCase, deptKeyProjectsTopCase, deptTasksCase } from "./bureau-variants-11";
import { deptWholeCase } from "./dept-form";
import { deptCityCase, deptSichuanCase } from "./dept-layouts";
import { finalAccountsCase } from "./final-accounts";
import { hunanCase } from "./hunan-form";
import { type ProjectCells, type ProjectData, projectBook, writeProjectSheet, round2 } from "./project-form";
import { type Relation, equal } from "./relations";
import { SEED001_PROJECTS, SEED004_CORPUS, gradeOf, projectTotal, seed001Project } from "./seeds";
import { type SummaryRow, writeSummarySheet } from "./summary-form";
import type { FormCase, Trap, Variant } from "./types";

// ------------------------------------------------------------------ a/b. the 项目支出绩效自评表
function projectVariants(c: ProjectCells, d: ProjectData, form: "mof" | "sichuan"): Variant[] {
  const v: Variant[] = [
    num("part-not-footing", "其中：当年财政拨款 年初预算数 +10", c.fiscal[0], (x) => x + 10),
    num("part-not-footing", "其中：当年财政拨款 全年预算数 +10", c.fiscal[1], (x) => x + 10),
    num("part-not-footing", "其中：当年财政拨款 全年执行数 +10", c.fiscal[2], (x) => x + 10),
    num("yuan-in-part", "其中：当年财政拨款 全年预算数 in 元", c.fiscal[1], yuan),
    num("yuan-in-total", "年度资金总额 全年执行数 in 元", c.total[2], yuan),
    num("total-wrong", "年度资金总额 全年预算数 +10", c.total[1], (x) => x + 10),
    num("rate-wrong", "执行率 95.71% for 100%", c.execRate, 0.9571),
    num("exec-score-wrong", `执行率得分 9.50 for ${d.funds.total[2]}/${d.funds.total[1]}`, c.execScore, 9.5),
    num("weights-total", "总分 分值 90 over weights summing to 100", c.weightTotal, 90),
    num("score-over-weight", "first indicator 得分 12 of 10", c.ind[0].score, 12),
    put("grade-mismatch", `自评等级 良 for ${projectTotal(d)}`, c.grade, "良"),
    txt("title-year", "（2020年度） under the title of a 2021 form", c.yearLine, "2021", "2020"),
    txt("prose-vs-table", "实际完成情况 says 预算执行率96.50% (table 100.00%)", c.actual, "预算执行率100.00%", "预算执行率96.50%"),
    txt("prose-vs-table", "实际完成情况 says 支付使用资金251.11万元 (table 215.11)", c.actual, "已支付使用资金215.11万元", "已支付使用资金251.11万元"),
    txt("prose-vs-table", "实际完成情况 counts 10 三级指标 (table 9)", c.actual, "共设置三级指标9个", "共设置三级指标10个"),
    txt("prose-yuan", "实际完成情况 says 支付使用资金2151100元 beside the 万元 table", c.actual, "已支付使用资金215.11万元", "已支付使用资金2151100元"),
    txt("prose-completion-rate", "完成1700张，超出年度目标200张，完成率为131.33% (113.33%)", c.actual, "完成率为113.33%", "完成率为131.33%"),
  ];
  const notAchieved = c.ind.findIndex((_, k) => d.indicators[k].reason !== undefined);
  if (notAchieved >= 0) v.push(put("reason-missing", `${d.indicators[notAchieved].name} not achieved, reason left empty`, c.ind[notAchieved].reason, null));
  if (form === "sichuan") {
    const cost = d.indicators.findIndex((i) => i.unit === "万元");
    const at = c.ind[cost].actual;
    v.push({ kind: "indicator-yuan-slip", what: `${d.indicators[cost].name} 实际完成值 in 元 (2151100 for 215.11 万元)`, cause: at, relational: false, plant: (b) => plant(b, at, yuan(numberAt(b, at))) });
  }
  return v;
}

function projectCase(form: "mof-project" | "sichuan-project"): FormCase {
  const variant = form === "mof-project" ? "mof" : "sichuan";
  const sheet = form === "mof-project" ? "项目自评表" : "项目支出绩效自评表";
  const { book, cells, relations, traps } = projectBook(SEED004_CORPUS, variant, sheet);
  const textRate = rateAsText(cells.execRate, "执行率 typed as the text “100.00%”");
  return { form, seed: "004", file: form, book, relations, variants: projectVariants(cells, SEED004_CORPUS, variant), traps: [...traps, textRate] };
}

// ------------------------------------------------------------------ e. 项目绩效自评汇总表
const SEED001_DATA = SEED001_PROJECTS.map((p, i) => seed001Project(p, i));

function seed001Rows(): SummaryRow[] {
  return SEED001_PROJECTS.map((p, i) => ({ name: p.name, doc: p.doc, unit: p.unit, budget: p.budget, spent: p.spent, score: projectTotal(SEED001_DATA[i]), grade: SEED001_DATA[i].grade }));
}

function conclusion001(rows: SummaryRow[]): string {
  const n = (g: string): number => rows.filter((r) => r.grade === g).length;
  return `2019年度共实施预算项目9个，预算资金192.31万元，支出158.89万元，预算执行率为82.62%，结转到2020年度33.42万元。其中${n("优")}个项目自评为优，${n("良")}个项目自评为良，${n("中")}个项目自评为中。`;
}

function summaryCase(): FormCase {
  const rows = seed001Rows();
  const { sheet, cells, relations, traps } = writeSummarySheet("项目自评汇总表", rows, { year: 2019, org: "承德市医疗保障局", blankAfter: 6, conclusion: conclusion001(rows) });
  const r = cells.rows;
  const t = cells.total;
  const variants: Variant[] = [
    num("part-not-footing", "办公经费 执行数 21 (20 budgeted, 100%, 结转 0)", r[3].spent, 21),
    num("part-not-footing", "职工医保管理工作经费 预算数 16", r[6].budget, 16),
    num("part-not-footing", "基金监管 结转结余 16.42 (28 − 12.58 = 15.42)", r[1].carry, 16.42),
    num("yuan-in-part", "信息系统建设 预算数 485000 (48.5 万元 in 元)", r[2].budget, yuan),
    num("yuan-in-total", "合计 执行数 1588900 (158.89 万元 in 元)", t.spent, yuan),
    num("total-wrong", "合计 预算数 193.31 (Σ 192.31)", t.budget, 193.31),
    num("summary-total", "合计 结转结余 34.42 (Σ 33.42)", t.carry, 34.42),
    num("rate-wrong", "基金监管 执行率 54.93% (12.58/28 = 44.93%)", r[1].rate, 0.5493),
    put("grade-mismatch", `基金监管 自评结果 优 for ${rows[1].score}`, r[1].grade, "优"),
    txt("title-year", "title says 2018年度 (the table is 2019's)", cells.title, "2019", "2018"),
    txt("prose-vs-table", "自评结论 rate 83.62% (table 82.62%)", cells.conclusion, "预算执行率为82.62%", "预算执行率为83.62%"),
    txt("prose-vs-table", "自评结论 counts 6 projects (table 9)", cells.conclusion, "共实施预算项目9个", "共实施预算项目6个"),
    txt("prose-vs-table", "自评结论 says 支出185.89万元 (table 158.89)", cells.conclusion, "支出158.89万元", "支出185.89万元"),
    txt("prose-yuan", "自评结论 says 预算资金1923100元 beside the 万元 table", cells.conclusion, "预算资金192.31万元", "预算资金1923100元"),
  ];
  return { form: "project-summary", seed: "001", file: "project-summary", book: { sheets: [sheet.spec] }, relations, variants, traps: [...traps, rateAsText(t.rate, "合计 执行率 typed as the text “82.62%”")] };
}

// ------------------------------------------------------------------ f. project sheets plus 项目汇总
function projectSheetsCase(): FormCase {
  const rows = seed001Rows();
  const summary = writeSummarySheet("项目汇总", rows, { year: 2019, org: "承德市医疗保障局", conclusion: conclusion001(rows) });
  const sheets = SEED001_PROJECTS.map((p, i) => writeProjectSheet(p.sheet, SEED001_DATA[i], "mof"));
  const relations: Relation[] = [...summary.relations];
  // The project sheets share one layout: the traps of the first stand for all nine.
  const traps: Trap[] = [...summary.traps, ...sheets[0].traps];
  sheets.forEach((s, i) => {
    relations.push(...s.relations);
    const row = summary.cells.rows[i];
    relations.push(equal(row.budget, s.cells.total[1], `汇总 ${i + 1} 预算数 = 项目表 全年预算数`));
    relations.push(equal(row.spent, s.cells.total[2], `汇总 ${i + 1} 执行数 = 项目表 全年执行数`));
    relations.push(equal(row.score, s.cells.scoreTotal, `汇总 ${i + 1} 自评得分 = 项目表 总分`));
  });
  const r = summary.cells.rows;
  const sh = (i: number): ProjectCells => sheets[i].cells;
  const variants: Variant[] = [
    num("summary-vs-sheet", `汇总 信息系统建设 自评得分 95 (its sheet's 总分 ${rows[2].score})`, r[2].score, 95),
    num("summary-vs-sheet", "汇总 应急用车 执行数 20.06 (its sheet 20.60)", r[4].spent, 20.06),
    num("summary-total", "汇总 合计 执行数 159.89 (Σ 158.89)", summary.cells.total.spent, 159.89),
    num("part-not-footing", "2.基金监管 其中：当年财政拨款 全年执行数 22.58 (总额 12.58)", sh(1).fiscal[2], 22.58),
    num("yuan-in-part", "4.办公经费 其中：当年财政拨款 全年预算数 in 元", sh(3).fiscal[1], yuan),
    num("exec-score-wrong", "2.基金监管 执行率得分 10 (full marks) for 12.58/28 → 4.49", sh(1).execScore, 10),
    num("rate-wrong", "8.扫码支付 执行率 100% for 0/18", sh(7).execRate, 1),
    put("grade-mismatch", `8.扫码支付 自评等级 优 for ${rows[7].score} (the seed's own mistake)`, sh(7).grade, "优"),
    txt("title-year", "7.职工医保经费 says （2018年度）", sh(6).yearLine, "2019", "2018"),
    num("yuan-in-total", "汇总 合计 预算数 1923100 (192.31 万元 in 元)", summary.cells.total.budget, yuan),
    num("weights-total", "5.应急用车 总分 分值 90 over weights summing to 100", sh(4).weightTotal, 90),
    num("score-over-weight", "6.执法用车 参保人员满意度 得分 12 of 10", sh(5).ind[4].score, 12),
    put("reason-missing", "2.基金监管 时效指标 not achieved (45% of ≥90%), reason left empty", sh(1).ind[2].reason, null),
    txt("prose-vs-table", "项目汇总 自评结论 counts 6 projects (9 sheets, 9 rows)", summary.cells.conclusion, "共实施预算项目9个", "共实施预算项目6个"),
  ];
  return {
    form: "project-sheets",
    seed: "001",
    file: "project-sheets",
    book: { sheets: [summary.sheet.spec, ...sheets.map((s) => s.sheet.spec)] },
    relations,
    variants,
    traps,
  };
}

/** Every form of the corpus. */
export function buildCorpus(): FormCase[] {
  return [
    projectCase("mof-project"),
    projectCase("sichuan-project"),
    deptWholeCase(),
    deptSichuanCase(),
    deptCityCase(),
    finalAccountsCase(),
    summaryCase(),
    projectSheetsCase(),
    hunanCase(),
    // Other bureaus' layouts of the same forms (bureau-variants.ts).
    provinceProjectCase(),
    summaryTopCase(),
    finalYuanCase(),
    provinceSheetsCase(),
    finalStackedCase(),
    // More bureau layouts (bureau-variants-2.ts).
    deptThreeRowCase(),
    projectInlineCase(),
    summaryYuanCase(),
    projectLevelsCase(),
    // Project layouts q–t (bureau-variants-3.ts).
    projectStackedCase(),
    projectSubtotalsCase(),
    summaryLinkedCase(),
    projectMergedCase(),
    // Layouts u–x (bureau-variants-4.ts).
    deptGroupsCase(),
    finalChangeCase(),
    finalSangongYuanCase(),
    deptInlineCase(),
    // Layouts y–z, cells as clerks type them (bureau-variants-5.ts).
    deptTypedCase(),
    summaryTypedCase(),
    // Layouts α–β, provinces not modelled before (bureau-variants-6.ts).
    deptFrameworkCase(),
    projectBandsCase(),
    // Layouts γ–η: two-row headers with percent numbers, a 元 form behind a cover and instructions, 小计 groups, unscored rows, category rows as subtotals (bureau-variants-7.ts).
    projectPercentCase(),
    deptYuanCoverCase(),
    summaryGroupsCase(),
    projectQualitativeCase(),
    summaryHeadsCase(),
    finalClassesCase(),
    deptAcrossCase(),
    projectLevelsOfGovernmentCase(),
    // Layout λ: the 四川 一体化 项目表 as counties publish it, two on one sheet (bureau-variants-8.ts).
    sichuanSystemCase(),
    // Layouts μ–ξ: a 部门整体 form with goal and done side by side and one 指标 column; a 项目表 in 元 with “—” and a 自评报告 sheet; a system export to three decimals with “百分比” (bureau-variants-9.ts).
    deptSideBySideCase(),
    projectYuanReportCase(),
    projectThreeDecimalsCase(),
    // Layouts ρ–υ: 决算 tables with a 占比 column; “三公”经费 by rows and by columns, each with a 说明; a 国有资产占用情况表 with counts (bureau-variants-10.ts).
    finalSharesCase(),
    sangongRowsCase(),
    sangongColumnsCase(),
    assetsCase(),
    // Layout ο: a 部门整体 form with a 重点项目 list inside it and a 自评报告 quoting each project (bureau-variants-11.ts).
    deptKeyProjectsCase(),
    deptKeyProjectsTopCase(),
    deptTasksCase(),
  ];
}

export { gradeOf, round2 };
export type { BookSpec };
