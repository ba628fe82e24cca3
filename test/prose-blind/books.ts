/**
 * Real report text (../shared/seeds) placed where bureaus put it, beside the forms they fill: a separate
 * 自评报告 sheet with one paragraph per row in column A (一、项目概况 … 四、评价结论), one huge merged cell
 * A1:H40 with line breaks, a 自评结论 cell beside the form's table, and a 自评结论：… line below it.
 * Each text is the seed's own wording with the figures of the form it sits beside (changes commented).
 */
import { type BookSpec, type Ref, SheetWriter, copyBook } from "../forms-corpus/book";
import { writeProjectSheet, type ProjectData } from "../forms-corpus/project-form";
import { SEED004, SEED001_PROJECTS, seed001Project, projectTotal } from "../forms-corpus/seeds";
import { writeSummarySheet, type SummaryRow } from "../forms-corpus/summary-form";
import { writeDeptSheet, SEED002 } from "../forms-corpus/dept-form";
import { finalAccountsBook, SEED003 } from "../forms-corpus/final-accounts";

/** Where the text is written. */
export type Placement = "report-sheet" | "report-rows-merged" | "merged-cell" | "beside-table" | "below-table";
export const PLACEMENTS: readonly Placement[] = ["report-sheet", "report-rows-merged", "merged-cell", "beside-table", "below-table"];

/** A form with its text: the book, the sheet the form is on and the paragraphs. */
export interface Case {
  name: string;
  /** The form's sheets (no text yet). */
  sheets: SheetWriter[];
  /** The sheet beside whose table the text goes (beside-table / below-table). */
  formSheet: string;
  /** First free column right of the form, first free row below it. */
  right: string;
  below: number;
  paragraphs: string[];
}

/** A placed text: the book and, for each paragraph, the cell it is in. */
export interface Placed {
  book: BookSpec;
  cellOf: (paragraph: number) => Ref;
}

const show = (r: Ref): string => `${r.sheet}!${r.a1}`;
export { show };

/** Write the case's paragraphs at `where`. */
export function place(c: Case, where: Placement, paragraphs: string[] = c.paragraphs): Placed {
  const book = copyBook({ sheets: c.sheets.map((s) => s.spec) });
  const form = book.sheets.find((s) => s.name === c.formSheet)!;
  const w = new SheetWriter(where === "merged-cell" ? "文字说明" : "自评报告");
  if (where === "report-sheet") {
    w.width("A", 110);
    const refs = paragraphs.map((p, i) => w.set(`A${i + 1}`, p, /^[一二三四五六七八九十]+、/.test(p) || i === 0 ? { bold: true } : { wrap: true }));
    book.sheets.push(w.spec);
    return { book, cellOf: (i) => refs[i] };
  }
  if (where === "report-rows-merged") {
    // As pasted from Word: each paragraph merged over A:H, indented with two full-width spaces.
    const refs = paragraphs.map((p, i) => w.merged(`A${i + 1}:H${i + 1}`, /^[一二三四五六七八九十]+、/.test(p) || i === 0 ? p : `\u3000\u3000${p}`, { wrap: true }));
    book.sheets.push(w.spec);
    return { book, cellOf: (i) => refs[i] };
  }
  if (where === "merged-cell") {
    // Windows line breaks, as text pasted into a cell keeps them.
    const at = w.merged("A1:H40", paragraphs.join("\r\n"), { wrap: true });
    book.sheets.push(w.spec);
    return { book, cellOf: () => at };
  }
  if (where === "beside-table") {
    const col = c.right;
    const next = String.fromCharCode(col.charCodeAt(0) + 6);
    form.cells.set(`${col}3`, { v: "自评结论", bold: true, center: true });
    form.merges.push(`${col}3:${next}3`);
    form.cells.set(`${col}4`, { v: paragraphs.join("\n"), wrap: true });
    form.merges.push(`${col}4:${next}30`);
    form.widths[col] = 14;
    return { book, cellOf: () => ({ sheet: c.formSheet, a1: `${col}4` }) };
  }
  const r = c.below;
  form.cells.set(`A${r}`, { v: `自评结论：${paragraphs.join("\n")}`, wrap: true });
  form.merges.push(`A${r}:J${r + 8}`);
  return { book, cellOf: () => ({ sheet: c.formSheet, a1: `A${r}` }) };
}

// ------------------------------------------------------------------ a 财政部 项目表, seed 004
/**
 * Seed 004's project with 198.57 of its 215.11万元 spent (invented: the seed spent it all), so that the
 * 执行率 92.31% is a figure worth stating; everything else is the seed's.
 */
export const PROJECT: ProjectData = {
  ...SEED004,
  funds: { total: [185.11, 215.11, 198.57], fiscal: [185.11, 215.11, 198.57], carry: [0, 0, 0], other: [0, 0, 0] },
  actual: "2021年资金215.11万元已全额到位。截止2021年12月31日，已支付使用资金198.57万元，预算执行率92.31%。印制宣传海报1700张，宣传折页10万份。",
};

/** Seed 004 §一–§四, with 198.57 spent; paragraph indexes are used by the plants. */
export const PROJECT_TEXT = [
  "攀枝花市医疗保障事务中心业务运行费及追加工作经费项目支出绩效自评报告",
  "一、项目概况",
  "负责城镇职工基本医疗保险、城乡居民基本医疗保险、生育保险、医疗救助以及药品、医用耗材招采具体经办业务，制定、完善业务经办管理规程；负责对定点医药机构执行政策规定和为参保人员提供医疗服务进行指导和检查。",
  "二、项目资金申报及使用情况",
  // 4: the seed's 资金计划 sentence; the breakdown is added (年初 185.11 + 追加 30, the form's own figures).
  "该项目资金计划215.11万元，为财政全额拨款资金，其中年初预算185.11万元、追加预算30万元。",
  "2021年资金215.11万元已全额到位，资金到位率100%。",
  // 6: the seed says 215.11 spent; here 198.57 (the form's 全年执行数).
  "截止2021年12月31日，该项目资金已支付使用资金198.57万元，预算执行率为92.31%，主要用于稽核人员工资、社保缴费、公积金等支出；宣传费；差旅费。",
  "三、项目绩效情况",
  // 8: the seed's 质量指标 paragraph with the seed-004 example's completion sentence (1700 against 1500).
  "质量指标：医保政策及异地就医宣传有序开展，印制宣传海报1700张，超出年度目标200张，完成率为113.33%；宣传折页10万份，并发放到全市所有医保定点医院、定点药店、各乡镇、街道进行宣传，确保实现全民参保。",
  "时效指标：项目资金使用年度时效安排至2021年底，截止2021年12月31日，项目资金已按进度支付。",
  // 10
  "本项目共设置三级指标9个，均达成年度指标值。",
  "四、评价结论及建议",
  // 12: the score and grade of the form (execution 9.23 + 90 = 99.23, 优).
  "经自评，该项目综合得分为99.23分，自评等级为“优”。2021年本中心预算项目经费和市级预算追加项目资金基本使用完毕，达到年初预算绩效目标。",
];

export function projectCase(variant: "mof" | "sichuan" = "mof"): Case {
  const { sheet } = writeProjectSheet("项目自评表", PROJECT, variant);
  return { name: `项目表(${variant})`, sheets: [sheet], formSheet: "项目自评表", right: "L", below: 30, paragraphs: PROJECT_TEXT };
}

// ------------------------------------------------------------------ e. 项目绩效自评汇总表, seed 001
const SEED001_DATA = SEED001_PROJECTS.map((p, i) => seed001Project(p, i));
export const SUMMARY_ROWS: SummaryRow[] = SEED001_PROJECTS.map((p, i) => ({
  name: p.name,
  doc: p.doc,
  unit: p.unit,
  budget: p.budget,
  spent: p.spent,
  score: projectTotal(SEED001_DATA[i]),
  grade: SEED001_DATA[i].grade,
}));

/**
 * Seed 001 §一 and §四 (its 6个项目 corrected to 9; 83% written 82.62% as the table shows it), and the
 * seed's numbered problem items: item 1's later sentences are about its own project (28万元, 12.58万元).
 */
export const SUMMARY_TEXT = [
  "承德市医疗保障局2019年度预算项目绩效自评报告",
  "一、项目基本情况",
  // 2
  "2019年预算项目共有9项，预算资金共计192.31万元，支出158.89万元，预算执行率为82.62%，结转到2020年度33.42万元。其中局机关2019年度细化项目6项，预算资金149.31万元，支出133.89万元，结转到2020年度15.42万元；职工医保中心预算项目2项，预算资金33万元，支出15万元，结转到2020年度18万元；居民医保中心预算项目1项，预算资金10万元，支出10万元。",
  "二、绩效评价工作开展情况",
  "按照《承德市财政局关于做好2019年度市级部门预算项目绩效自评工作的通知》要求，我局着手组织本部门和所属单位开展2019年度预算项目绩效自评工作。",
  "三、存在的问题",
  // 6: the seed's item 1, split over sentences as clerks write it.
  "1、个别项目资金预算执行率较低。医疗服务与保障能力提升补助资金28万元，用于打击欺诈骗保专项检查。实际支出12.58万元，余15.42万元，预算执行率为44.93%。",
  // 7
  // 7: item 2, then a sentence naming the whole (全年共支出): compared with the form's total.
  "2、医疗服务与保障能力提升补助资金18万元（职工医保中心）项目资金尚未支出，将在今年上半年扫码支付信息系统研发工作全部完成后予以支付。全年共支出158.89万元。",
  "四、评价结论",
  // 9
  "2019年度共实施预算项目9个，支出158.89万元，整体预算执行率为82.62%。",
];

export function summaryCase(): Case {
  const { sheet } = writeSummarySheet("项目自评汇总表", SUMMARY_ROWS, { year: 2019, org: "承德市医疗保障局", blankAfter: 6, conclusion: "各项目均按要求开展自评。" });
  return { name: "汇总表", sheets: [sheet], formSheet: "项目自评汇总表", right: "M", below: 22, paragraphs: SUMMARY_TEXT };
}

// ------------------------------------------------------------------ c. 部门整体, seed 002
/** Seed 002 §一(二), §二(二), §三 (its 107.5% corrected to 103.91%; its 1603.44 to the form's 1603.45). */
export const DEPT_TEXT = [
  "2024年部门整体支出绩效自评报告",
  "一、部门基本情况",
  // 2
  "2024年区医保局年初部门预算安排1632.87万元，全年预算安排1711.75万元，全年执行1707.31万元，其中，基本支出103.86万元，项目支出1603.45万元。",
  "二、绩效自评结论",
  // 4
  "经自评，2024年度区医保局部门整体支出绩效自评综合得分为97.97分，自评结果为“优”。",
  "三、指标分析",
  // 6
  "2024年，区医保局全年预算安排1711.75万元，全年执行1707.31万元，预算执行率99.74%，得分9.97分。",
  // 7
  "年初设定的数量指标为城乡居民基本医疗保险完成参保任务数23万人。截至2024年6月底，完成参保任务数23.9万人，高于年初设定参保人数0.9万人，完成率为103.91%，得分10分。",
];

export function deptCase(): Case {
  const { sheet } = writeDeptSheet("部门整体自评表", SEED002);
  return { name: "部门整体", sheets: [sheet], formSheet: "部门整体自评表", right: "L", below: 60, paragraphs: DEPT_TEXT };
}

// ------------------------------------------------------------------ d. 决算, seed 003
/** Seed 003's 收入支出决算总体情况说明 (185.1% corrected to 85.1%), beside its 决算 tables. */
export const FINAL_TEXT = [
  "宣汉县医疗保障局2020年度部门决算情况说明",
  "一、收入支出决算总体情况说明",
  // 2
  "2020年度收入848.75万元、支出总计848.75万元。与2019年相比，收入减少4848.67万元，减少85.1%。减少原因是2019年收支包括对贫困人口的医保代缴5021.95万元，而2020年未纳入部门决算支出。",
  // 3
  "2020年本年支出合计848.75万元，其中：基本支出442.18万元，占52.1%；项目支出406.57万元，占47.9%。",
];

export function finalCase(): Case {
  const { sheets } = finalAccountsBook({ ...SEED003, report: [] });
  const kept = sheets.filter((s) => s.spec.cells.size > 0);
  return { name: "决算", sheets: kept, formSheet: kept[0].name, right: "J", below: 40, paragraphs: FINAL_TEXT };
}
