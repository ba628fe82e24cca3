/**
 * The numbers of the real reports in ../shared/seeds, as the corpus uses them. Each CONSISTENT set is the
 * seed with its mistakes corrected (each correction is commented); numbers the seed does not give (a
 * 年初预算数, an indicator's target) are invented, plausibly, and marked “invented”.
 */
import type { Indicator, ProjectData } from "./project-form";

// ------------------------------------------------------------------ seed 004: 攀枝花市医疗保障事务中心 2021
/** 业务运行费及追加工作经费: 215.11万元, all 当年财政拨款, all spent (seed 004 §二). */
export const SEED004_INDICATORS: Indicator[] = [
  { l1: "产出指标", l2: "数量指标", name: "印制宣传折页", sign: "≥", target: 10, unit: "万份", actual: 10, weight: 10, score: 10 },
  // invented target 1500; the seed reports 1700 posters.
  { l1: "产出指标", l2: "数量指标", name: "印制宣传海报", sign: "≥", target: 1500, unit: "张", actual: 1700, weight: 10, score: 10 },
  // invented target 95%.
  { l1: "产出指标", l2: "质量指标", name: "费用审核按时完成率", sign: "≥", target: 95, unit: "%", actual: 100, weight: 10, score: 10 },
  { l1: "产出指标", l2: "时效指标", name: "资金使用率", sign: "=", target: 100, unit: "%", actual: 100, weight: 10, score: 10 },
  { l1: "产出指标", l2: "成本指标", name: "项目总成本", sign: "≤", target: 215.11, unit: "万元", actual: 215.11, weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "医保公共服务水平", sign: "定性", target: "稳步提高", unit: "", actual: "达成年度指标", weight: 10, score: 10 },
  // invented target and actual.
  { l1: "效益指标", l2: "社会效益指标", name: "定点医药机构联网结算覆盖率", sign: "≥", target: 95, unit: "%", actual: 97, weight: 10, score: 10 },
  { l1: "效益指标", l2: "可持续影响指标", name: "医保基金运行", sign: "定性", target: "平稳有序", unit: "", actual: "达成年度指标", weight: 10, score: 10 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保人员满意度", sign: "≥", target: 90, unit: "%", actual: 95, weight: 10, score: 10 },
];

/** Seed 004 as the example shows it (everything the seed reports is achieved). */
export const SEED004: ProjectData = {
  year: 2021,
  name: "业务运行费及追加工作经费",
  dept: "攀枝花市医疗保障局",
  unit: "攀枝花市医疗保障事务中心",
  // 年初预算数 185.11 is invented (the project name says a 追加 came during the year); 全年 215.11 and
  // 执行 215.11 are the seed's.
  funds: { total: [185.11, 215.11, 215.11], fiscal: [185.11, 215.11, 215.11], carry: [0, 0, 0], other: [0, 0, 0] },
  execWeight: 10,
  goal:
    "1.用于稽核人员工资、社保缴费、公积金等支出，保障医保经办工作正常运转；2.加大参保宣传力度，提升参保率，实现全民参保；3.按一定比例抽查全市所有定点医疗机构上一年度住院病例的完整病案纸质资料和费用明细。",
  actual:
    "2021年资金215.11万元已全额到位，资金到位率100%。截止2021年12月31日，已支付使用资金215.11万元，预算执行率100.00%。印制宣传海报1700张，超出年度目标200张，完成率为113.33%；宣传折页10万份，发放到全市所有医保定点医院、定点药店、各乡镇、街道。本项目共设置三级指标9个，均达成年度指标值。",
  indicators: SEED004_INDICATORS,
  grade: "优",
  filer: "李某某",
  phone: "0812-3333333",
  filedOn: "2022年3月15日",
};

/**
 * Seed 004 for the planted-mistake corpus: the same project, with one indicator NOT achieved (参保人员满意度
 * 93% against ≥95%, scored 93/95 × 10 = 9.79, with its reason), so that “a reason left empty” can be
 * planted as a one-cell change. Invented, as are its target and actual.
 */
export const SEED004_CORPUS: ProjectData = {
  ...SEED004,
  actual: SEED004.actual.replace("本项目共设置三级指标9个，均达成年度指标值。", "本项目共设置三级指标9个，其中8个达成年度指标值。"),
  indicators: SEED004_INDICATORS.map((i) =>
    i.name === "参保人员满意度"
      ? { ...i, target: 95, actual: 93, score: 9.79, reason: "部分参保群众反映异地就医报销周期较长；下一步简化经办流程，缩短报销时限。" }
      : i,
  ),
};

// ------------------------------------------------------------------ seed 001: 承德市医疗保障局 2019
export interface SummaryProject {
  /** Short name for the project's own sheet. */
  sheet: string;
  name: string;
  doc: string | null;
  unit: string;
  budget: number;
  spent: number;
}

/** The nine projects of seed 001 §一 (budget 192.31, spent 158.89, carried over 33.42). */
export const SEED001_PROJECTS: SummaryProject[] = [
  { sheet: "1.培训补助", name: "医疗服务与保障能力提升补助资金", doc: "承财社[2019]107号", unit: "承德市医疗保障局", budget: 11.61, spent: 11.61 },
  { sheet: "2.基金监管", name: "医疗服务与保障能力提升补助资金", doc: "承财社[2019]163号", unit: "承德市医疗保障局", budget: 28, spent: 12.58 },
  { sheet: "3.信息系统", name: "医疗服务与保障能力提升（医保信息系统建设）补助资金", doc: "承财社[2019]171号", unit: "承德市医疗保障局", budget: 48.5, spent: 48.5 },
  { sheet: "4.办公经费", name: "办公经费", doc: "承财社[2019]201号", unit: "承德市医疗保障局", budget: 20, spent: 20 },
  { sheet: "5.应急用车", name: "购置应急保障用车", doc: "承财社[2019]75号", unit: "承德市医疗保障局", budget: 20.6, spent: 20.6 },
  { sheet: "6.执法用车", name: "购置行政执法用车", doc: "承财社[2019]75号", unit: "承德市医疗保障局", budget: 20.6, spent: 20.6 },
  { sheet: "7.职工医保经费", name: "职工医保管理工作经费", doc: null, unit: "承德市职工医疗保险中心", budget: 15, spent: 15 },
  { sheet: "8.扫码支付", name: "医疗服务与保障能力提升补助资金（职工医保中心）", doc: null, unit: "承德市职工医疗保险中心", budget: 18, spent: 0 },
  { sheet: "9.居民医保经费", name: "城乡居民医保管理工作经费", doc: null, unit: "承德市城乡居民医疗保险中心", budget: 10, spent: 10 },
];

/** National grade bands (财预〔2020〕10号): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
export function gradeOf(score: number): string {
  return score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
}

/**
 * One 项目支出绩效自评表 per seed-001 project (the seed scores them only “得优”; the indicators and their
 * scores are invented from the seed's own words, and a project that spent little loses its 执行率得分, so
 * the CONSISTENT 汇总 no longer rates every project 优: that is the seed's real mistake).
 */
export function seed001Project(p: SummaryProject, index: number): ProjectData {
  const rate = p.budget === 0 ? 0 : p.spent / p.budget;
  // The two projects that did not spend their money also fell short on an output indicator (invented).
  const short = rate < 0.9;
  const indicators: Indicator[] = [
    { l1: "产出指标", l2: "数量指标", name: index === 0 ? "参加培训人数" : "完成工作任务数", sign: "≥", target: index === 0 ? 50 : 4, unit: index === 0 ? "人" : "项", actual: index === 0 ? 56 : 4, weight: 20, score: 20 },
    { l1: "产出指标", l2: "质量指标", name: "工作任务完成质量", sign: "定性", target: "达到要求", unit: "", actual: short ? "部分达成年度指标并具有一定效果" : "达成年度指标", weight: 15, score: short ? 10 : 15, reason: short ? "项目资金未按计划支出，部分工作延至下年完成。" : undefined },
    { l1: "产出指标", l2: "时效指标", name: "年底前完成率", sign: "≥", target: 90, unit: "%", actual: short ? Math.round(rate * 100) : 100, weight: 15, score: short ? round2((Math.round(rate * 100) / 90) * 15) : 15, reason: short ? "研发及检查工作跨年度实施，资金按进度支付。" : undefined },
    { l1: "效益指标", l2: "社会效益指标", name: "医疗保障经办和服务能力", sign: "定性", target: "进一步提升", unit: "", actual: "达成年度指标", weight: 30, score: 30 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保人员满意度", sign: "≥", target: 90, unit: "%", actual: 95, weight: 10, score: 10 },
  ];
  const d: ProjectData = {
    year: 2019,
    name: p.name + (p.doc ? `（${p.doc}）` : ""),
    dept: "承德市医疗保障局",
    unit: p.unit,
    funds: { total: [p.budget, p.budget, p.spent], fiscal: [p.budget, p.budget, p.spent], carry: [0, 0, 0], other: [0, 0, 0] },
    execWeight: 10,
    goal: "进一步提升医疗保障经办和服务能力，保障医保基金安全。",
    actual: `下达资金${p.budget}万元，支出${p.spent}万元${p.budget > p.spent ? `，结转到2020年度${round2(p.budget - p.spent)}万元` : ""}。`,
    indicators,
    grade: "",
    filer: "王某某",
    phone: "0314-2222222",
    filedOn: "2020年3月20日",
  };
  return { ...d, grade: gradeOf(projectTotal(d)) };
}

function round2(x: number): number {
  return Math.round(x * 100 + 1e-9) / 100;
}

export function projectTotal(d: ProjectData): number {
  const exec = round2(Math.min(d.funds.total[2] / d.funds.total[1], 1) * d.execWeight);
  return round2(exec + d.indicators.reduce((a, i) => a + i.score, 0));
}
