/**
 * The example workbooks of issue 9 (examples/, written by scripts/make-examples.js): real seeds in the
 * forms bureaus use, with the seeds' REAL numbers and REAL mistakes, nothing planted. Each example lists
 * its real mistakes with the cell where a checker should point:
 *
 * - `required`: a mistake that arithmetic or the report's own words prove (a count, a percentage, a
 *   grade against its score, a date against the year) — `jixiao check` must report it at that cell;
 * - optional: a real mistake that is a judgement or at the edge of rounding — a finding there is welcome,
 *   none is no failure.
 *
 * Everywhere else the example must be quiet: no error, no warning (examples.test.ts).
 */
import { type BookSpec, type Ref, SheetWriter, ref } from "./book";
import { writeDeptSheet, type DeptData } from "./dept-form";
import { finalAccountsBook, type FinalData, SEED003 } from "./final-accounts";
import { projectBook, writeProjectSheet } from "./project-form";
import { SEED001_PROJECTS, SEED004, projectTotal, seed001Project } from "./seeds";
import { writeSummarySheet } from "./summary-form";

export interface RealMistake {
  at: Ref;
  what: string;
  required: boolean;
}

export interface Example {
  file: string;
  seed: string;
  form: string;
  book: BookSpec;
  mistakes: RealMistake[];
}

/** A text sheet: one paragraph per row in column A. Returns the refs by index. */
function textSheet(name: string, paragraphs: string[]): { sheet: SheetWriter; at: Ref[] } {
  const w = new SheetWriter(name);
  w.width("A", 110);
  const at = paragraphs.map((p, i) => {
    const a = `A${i + 1}`;
    if (!p) return ref(name, a);
    return w.set(a, p, i === 0 ? { bold: true, size: 14 } : /^[一二三四五六七八九十]、/.test(p) ? { bold: true } : { wrap: true });
  });
  return { sheet: w, at };
}

// ------------------------------------------------------------------ seed 004 in the 财政部 项目 form
const SEED004_REPORT = [
  "攀枝花市医疗保障事务中心业务运行费及追加工作经费项目支出绩效自评报告",
  "一、项目概况",
  "（一）项目基本情况。负责城镇职工基本医疗保险、城乡居民基本医疗保险、生育保险、医疗救助以及药品、医用耗材招采具体经办业务，制定、完善业务经办管理规程；负责对定点医药机构执行政策规定和为参保人员提供医疗服务进行指导和检查。",
  "项目立项、资金申报的依据：1996年6月29日，劳动和社会保障部、财政部、国家经济贸易委员会、卫生部、国家中医药管理局印发关于《关于加强城镇职工基本医疗保险费用结算管理意见》（劳社部发〔1999〕23号）第五条规定：加强定点医疗机构门诊处方、入出院标准、住院病历和特殊检查治疗等基本医疗保险管理和费用支出审核。",
  "二、项目资金申报及使用情况",
  "1．资金计划。该项目资金计划215.11万元，为财政全额拨款资金。",
  "2．资金到位。2021年资金215.11万元已全额到位，资金到位率100%。",
  "3．资金使用。截止2021年12月31日，该项目资金已支付使用资金215.11万元，主要用于用于稽核人员工资、社保缴费、公积金等支出；宣传费；差旅费；补充人员经费，会议培训、政策宣传及办公场所基础设备维修等医保日常运转支出。",
  "三、项目绩效情况",
  "质量指标：医保政策及异地就医宣传有序开展，印制宣传海报1700张，宣传折页10万份，并发放到全市所有医保定点医院、定点药店、各乡镇、街道进行宣传。",
  "时效指标：项目资金使用年度时效安排至2021年底，截止2021年12月31日，资金使用率为100%。",
  "四、评价结论及建议",
  "（一）评价结论。2021年本中心预算项目经费和市级预算追加项目资金全部使用完毕，达到年初预算绩效目标。",
];

function panzhihua(): Example {
  const { book } = projectBook(SEED004, "mof", "项目自评表");
  const report = textSheet("自评报告", SEED004_REPORT);
  book.sheets.push(report.sheet.spec);
  return {
    file: "panzhihua-2021-project.xlsx",
    seed: "004",
    form: "财政部 项目支出绩效自评表",
    book,
    mistakes: [
      { at: report.at[3], what: "“1996年6月29日” for a document numbered 劳社部发〔1999〕23号 (a 1999 document cannot be issued in 1996)", required: true },
    ],
  };
}

// ------------------------------------------------------------------ seed 003 in the 部门整体 form and in 决算 tables
/** The 决算说明 / 绩效报告 paragraphs of seed 003 that carry numbers, as written (real mistakes included). */
const SEED003_TEXT = [
  "宣汉县医疗保障局2020年部门整体支出绩效评价报告",
  "一、部门（单位）概况",
  "县医保局有行政编制9个，实有在职职工8人。下属事业单位县医疗保障事务中心，事业编制24人，实有在职职工25人。局现有退休人员3人。",
  "二、部门财政资金收支情况",
  "2020年度收入848.74万元、支出总计848.75万元。与2019年相比，收入减少4848.68万元、支出减少4848.67万元，减少185.1%。减少原因是2019年收支包括对贫困人口的医保代缴5021.95万元，而2020年未纳入部门决算支出。",
  "2020年本年支出合计848.75万元，其中：基本支出442.18万元，占52.1%；项目支出406.57万元，占47.9%。",
  "2020年一般公共预算财政拨款支出848.75万元，主要用于以下方面：社会保障和就业（类）支出67.78万元，占7.98%；卫生健康（类）支出756.01万元，占89.08%；住房保障（类）支出24.96万元，占2.94%。",
  "2020年一般公共预算财政拨款基本支出442.18万元，其中：人员经费384.03万元，公用经费58.16万元。",
  "2020年，我局机关运行经费支出464.12万元，比2019年增加232.87万元，增长200.7%。增长原因是因机构合并，职能增加、人员增加，收、支相应增加。",
  "截至2019年12月31日，我局共有车辆1辆。无单价50万元以上通用设备，无单价100万元以上专用设备。",
  "2020年贫困人口县域内住院61752人次，政策范围内费用26393万元，报账24654万元，报账比例93%；门诊特殊疾病就诊16611人次，政策范围内费用809万元，报账741万元，报账比例91%。",
  "三、部门整体预算绩效管理情况",
  "2020年，我单位积极履职，强化管理，较好的完成了年度工作目标，预算执行完成100%。",
  "四、评价结论及建议",
  "2020年，根据局年初工作规划和重点性工作，积极履职，强化管理，较好的完成了年度工作目标。通过加强预算收支管理，不断建立健全内部管理制度，梳理内部管理流程，部门整体支出管理情况得到提升。",
];

function seed003TextMistakes(at: Ref[]): RealMistake[] {
  return [
    { at: at[4], what: "“减少185.1%” for a fall of 4848.68 from 5697.42 (85.1%, as the report itself says in its other sections)", required: true },
    { at: at[8], what: "机关运行经费 “增长200.7%” for 232.87 on 231.25 (= 464.12 − 232.87): 100.7%", required: true },
    { at: at[8], what: "机关运行经费 464.12万元 exceeds 公用经费 58.16万元 (机关运行经费 is part of 公用经费 by definition)", required: true },
    { at: at[9], what: "“截至2019年12月31日” in the 2020 report", required: true },
    { at: at[6], what: "shares at 2 decimals: 67.78 / 848.75 = 7.99% (written 7.98%), 756.01 / 848.75 = 89.07% (written 89.08%)", required: false },
    { at: at[10], what: "报账比例 741 / 809 = 91.6%, written 91% (truncated, not rounded)", required: false },
    { at: at[7], what: "人员经费 384.03 + 公用经费 58.16 = 442.19 against 基本支出 442.18 (a cent of rounding)", required: false },
    { at: at[4], what: "收入 848.74 against 支出 848.75 with no 结转 (a cent of rounding)", required: false },
  ];
}

export const SEED003_DEPT: DeptData = {
  year: 2020,
  unit: "宣汉县医疗保障局",
  filedOn: "2021年5月20日",
  // 年初预算数 is not in the seed: taken equal to 全年 (the report states no adjustment, 完成预算100%).
  total: [848.75, 848.75, 848.75],
  income: [
    { label: "一般公共预算财政拨款", v: [848.75, 848.75, 848.75] },
    { label: "政府性基金预算财政拨款", v: [0, 0, 0] },
    { label: "国有资本经营预算财政拨款", v: [0, 0, 0] },
    { label: "财政专户管理资金", v: [0, 0, 0] },
    { label: "单位资金", v: [0, 0, 0] },
  ],
  basic: [442.18, 442.18, 442.18],
  personnel: [384.03, 384.03, 384.03],
  publicUse: [58.16, 58.16, 58.16],
  project: [406.57, 406.57, 406.57],
  goal: "医疗保障助力抗疫斗争；反复动员推动全民参保；管服并重保障基金安全；精准到人落实医保扶贫。",
  actual:
    "实现104.1万人参加居民医保，参保率达101.7%；对缴费的188家企业减征483.23万元；实现450家定点医药机构全覆盖检查；20.6万余名贫困人口100%参保；报销办结时限由60个工作日缩短为15个工作日。",
  // Invented from the seed's own facts (the seed has no indicator table).
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "居民医保参保人数", target: "≥100万人", actual: "104.1万人", weight: 15, score: 15 },
    { l1: "产出指标", l2: "质量指标", name: "定点医药机构检查覆盖率", target: "100%", actual: "100%", weight: 15, score: 15 },
    { l1: "产出指标", l2: "时效指标", name: "报销办结时限", target: "≤15个工作日", actual: "15个工作日", weight: 10, score: 10 },
    { l1: "产出指标", l2: "成本指标", name: "部门整体支出", target: "≤848.75万元", actual: "848.75万元", weight: 10, score: 10 },
    { l1: "效益指标", l2: "社会效益指标", name: "建档立卡贫困人口参保率", target: "100%", actual: "100%", weight: 15, score: 15 },
    { l1: "效益指标", l2: "可持续影响指标", name: "医保基金运行", target: "收支平衡、略有结余", actual: "达成年度指标", weight: 15, score: 15 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保群众满意度", target: "群众满意", actual: "达成年度指标", weight: 10, score: 10 },
  ],
  conclusion: "2020年，根据局年初工作规划和重点性工作，积极履职，强化管理，较好的完成了年度工作目标，预算执行完成100%。",
  grade: "优",
};

function xuanhanDept(): Example {
  const { sheet, cells } = writeDeptSheet("部门整体自评表", SEED003_DEPT);
  const text = textSheet("整体绩效", SEED003_TEXT);
  return {
    file: "xuanhan-2020-dept.xlsx",
    seed: "003",
    form: "部门整体支出绩效自评表",
    book: { sheets: [sheet.spec, text.sheet.spec] },
    mistakes: [
      ...seed003TextMistakes(text.at),
      { at: cells.personnel[2], what: "人员经费 384.03 + 公用经费 58.16 = 442.19 against 基本支出 442.18 (a cent of rounding)", required: false },
    ],
  };
}

const SEED003_FINAL: FinalData = {
  ...SEED003,
  // As reported: 收入 848.74 (the 类 rows as the report's chart gives them: 67.78 + 756.00 + 24.96), 支出
  // 848.75, 公用经费 58.16 (人员 384.03 + 公用 58.16 = 442.19 against 基本 442.18).
  income: SEED003.income.map((x, i) => (i === 0 ? { ...x, v: 848.74 } : x)),
  classes: [
    { code: "208", name: "社会保障和就业支出", personnel: 67.78, publicUse: 0, project: 0, income: 67.78 },
    { code: "210", name: "卫生健康支出", personnel: 291.29, publicUse: 58.16, project: 406.57, basic: 349.44, income: 756.0 },
    { code: "221", name: "住房保障支出", personnel: 24.96, publicUse: 0, project: 0, income: 24.96 },
  ],
  report: SEED003_TEXT,
};

function xuanhanFinal(): Example {
  const { sheets, cells } = finalAccountsBook(SEED003_FINAL);
  return {
    file: "xuanhan-2020-final.xlsx",
    seed: "003",
    form: "部门决算 收入支出决算总表 / 收入决算表 / 支出决算表 + 整体绩效",
    book: { sheets: sheets.map((s) => s.spec) },
    mistakes: [
      ...seed003TextMistakes(cells.report),
      { at: cells.summary.outTotal, what: "收方总计 848.74 against 支方总计 848.75 with no 结转 (a cent of rounding)", required: false },
      { at: cells.spend.rows[1][1], what: "卫生健康 基本支出 349.44 against 人员 291.29 + 公用 58.16 = 349.45 (a cent of rounding)", required: false },
      { at: cells.spend.total[1], what: "合计 基本支出 442.18 against 人员 384.03 + 公用 58.16 = 442.19 (a cent of rounding)", required: false },
    ],
  };
}

// ------------------------------------------------------------------ seed 001: 汇总表, and project sheets + 汇总
const SEED001_CONCLUSION =
  "2019年全球预算项目共有9项，预算资金共计192.31万元，支出158.89万元，预算执行率为83%，结转到2020年度33.42万元。2019年度6个项目均达到预期效果，各项目自评均为优。";

function chengdeSummary(): Example {
  const rows = SEED001_PROJECTS.map((p) => ({ name: p.name, doc: p.doc, unit: p.unit, budget: p.budget, spent: p.spent, score: null, grade: "优" }));
  const { sheet, cells } = writeSummarySheet("项目自评汇总表", rows, { year: 2019, org: "承德市医疗保障局", blankAfter: 6, conclusion: SEED001_CONCLUSION, wholePercent: true });
  return {
    file: "chengde-2019-summary.xlsx",
    seed: "001",
    form: "项目绩效自评汇总表",
    book: { sheets: [sheet.spec] },
    mistakes: [
      { at: cells.conclusion, what: "“6个项目均达到预期效果” where the table lists 9 projects", required: true },
      { at: cells.rows[7].grade, what: "the 18万元 project that spent 0 (执行率 0%) rated 优", required: false },
      { at: cells.rows[1].grade, what: "the 28万元 project at 45% rated 优", required: false },
    ],
  };
}

function chengdeSheets(): Example {
  // Each project's sheet with indicators invented from the seed's words and honest scores, and the grade
  // the seed gives every project: 优.
  const data = SEED001_PROJECTS.map((p, i) => ({ ...seed001Project(p, i), grade: "优" }));
  const rows = SEED001_PROJECTS.map((p, i) => ({ name: p.name, doc: p.doc, unit: p.unit, budget: p.budget, spent: p.spent, score: projectTotal(data[i]), grade: "优" }));
  const summary = writeSummarySheet("项目汇总", rows, { year: 2019, org: "承德市医疗保障局", conclusion: SEED001_CONCLUSION, wholePercent: true });
  const sheets = SEED001_PROJECTS.map((p, i) => writeProjectSheet(p.sheet, data[i], "mof"));
  const mistakes: RealMistake[] = [{ at: summary.cells.conclusion, what: "“6个项目均达到预期效果” where the table lists 9 projects", required: true }];
  data.forEach((d, i) => {
    const total = projectTotal(d);
    if (total < 90) {
      mistakes.push({ at: sheets[i].cells.grade, what: `${SEED001_PROJECTS[i].sheet}: 自评等级 优 for a 总分 of ${total}`, required: true });
      mistakes.push({ at: summary.cells.rows[i].grade, what: `项目汇总 row ${i + 1}: 自评结果 优 for a 自评得分 of ${total}`, required: true });
    }
  });
  return {
    file: "chengde-2019-project-sheets.xlsx",
    seed: "001",
    form: "项目支出绩效自评表 × 9 + 项目汇总",
    book: { sheets: [summary.sheet.spec, ...sheets.map((s) => s.sheet.spec)] },
    mistakes,
  };
}

export function buildExamples(): Example[] {
  return [panzhihua(), xuanhanDept(), xuanhanFinal(), chengdeSummary(), chengdeSheets()];
}
