/**
 * Every amount, rate, score and count (N个, N项, N家) the corpus's prose states, changed one at a time (an
 * amount by +10% + 1, a percentage by 7 points, a score likewise, a count by 2), must be found at its prose cell — "prose that contradicts the
 * tables". The phrases no table of the layout states (another year's figure, a statistic of the bureau's
 * work, an indicator's value) are listed in NOT_IN_TABLES with why; the list may only shrink: a phrase on it
 * that starts being found fails the test, so that the list is kept honest.
 */
import { buildCorpus } from "./corpus";
import { findingKeys, foundAtNew, prosePlants, type ProsePlant } from "./prose-plants";

const NOT_IN_TABLES: ReadonlyMap<string, string> = new Map<string, string>([
  ["dept-whole 医保基金105.16万元", "追回医保基金: a statistic of the bureau's work"],
  ...["dept-key-projects", "dept-key-projects-top", "dept-tasks"].flatMap((f): [string, string][] => [
    [`${f} 医保基金105.16万元`, "追回医保基金: a statistic of the bureau's work (seed 002's text, as dept-whole)"],
    [`${f} 医药机构29家`, "查处违规医药机构: a statistic of the bureau's work"],
    [`${f} 现场检查531家`, "现场检查: a statistic of the bureau's work"],
  ]),
  ...["final-accounts", "final-yuan", "final-sangong-yuan"].flatMap((f): [string, string][] => [
    [`${f} 医保代缴5021.95万元`, "the previous year's 医保代缴"],
    [`${f} 执行完成100%`, "预算执行完成100%: a 决算 has no budget"],
  ]),
  ["assets 账面金额68.42万元", "共有车辆3辆，账面金额68.42万元: the 账面金额's subject (车辆) is carried from the count before it, which no label match follows"],
  ["hunan-whole 参保率达95.44%", "参保率: a statistic"],
  ["hunan-whole 征缴基金5.33亿元", "征缴基金: a statistic"],
  ["hunan-whole 面稳定在95%", "a target in prose"],
  ["dept-threerow ，未达到90%", "an indicator's target"],
  ["dept-typed 医保基金105.16万元", "追回医保基金: a statistic of the bureau's work"],
  ["dept-typed 医药机构29家", "查处违规医药机构: a statistic of the bureau's work"],
  ["dept-typed 现场检查531家", "现场检查: a statistic of the bureau's work"],
  // Notes rows under a hand-typed form (“注：…”) define things; they state no figure of the tables.
  ["dept-typed 预算数×100%", "a notes row: 执行率＝全年执行数÷全年预算数×100%, a definition"],
  ...["；等次按90分", "（含）—90分", "（含）—80分", "分为中、60分"].map((k): [string, string] => [`dept-typed ${k}`, "a notes row: the grade bands, a definition"]),
  ...["果按优（90分", "（80—90分", "（60—80分", "）、差（60分"].map((k): [string, string] => [`summary-typed ${k}`, "a notes row: the grade bands, a definition"]),
  // Counts (N个, N项, N家).
  ["dept-groups 年度目标2个", "高于年度目标2个百分点: a difference from an indicator's target"],
  ["dept-whole 医药机构29家", "查处违规医药机构: a statistic of the bureau's work"],
  ["dept-whole 现场检查531家", "现场检查: a statistic of the bureau's work"],
  ...["final-accounts", "final-yuan", "final-sangong-yuan"].map((f): [string, string] => [`${f} 行政编制9个`, "行政编制: a 决算 workbook has no 人员编制 cell"]),
  ...["mof-project", "sichuan-project", "province-project", "project-levels", "project-subtotals", "project-merged"].map((f): [string, string] => [
    `${f} 个，其中${f === "project-merged" ? 2 : 8}个`,
    "三级指标N个，其中M个达成 / 未达成: the indicators that met their targets are not counted (a 定性 indicator's 达成 is the clerk's call)",
  ]),
  ["project-inline 服务窗口12个", "the 年度目标 cell: a target"],
  ["project-merged 完成20个", "the 年度目标 cell: a target"],
  ["project-inline 新建窗口12个", "an indicator's name shortened (新建窗口 for 新建标准化经办服务窗口): names are matched whole"],
  ["project-merged 改造窗口20个", "an indicator's name shortened (改造窗口 for 改造经办服务窗口): names are matched whole"],
  // bureau-variants-6.ts.
  ["dept-framework 2项", "a reason cell: 2项…工程受汛期影响顺延, a statistic of the work"],
  ["dept-framework 3个", "a reason cell: 3个标段…未一次通过, a statistic of the work"],
  ["project-bands 路率达到80%", "the 预期目标 cell: a target"],
  ...["价等级：85分", "（含）-85分", "（含）-75分", "分为中，60分"].map((k): [string, string] => [`project-bands ${k}`, "a notes row: the grade bands, a definition (read as the form's bands; a changed band moves the grade's finding, not the note's)"]),
  // bureau-variants-7.ts.
  ["project-percent 个，其中7个", "三级指标N个，其中M个达成: the indicators that met their targets are not counted"],
  ["project-percent 率稳定在95%", "the 预期目标 cell: a target"],
  // The 填报说明 sheet's example figures are no part of the report: changed, they must cause no finding.
  ...["预算增长20%", "预算数×100%", "执行率×10分", "分，最高10分", "执行率为95.00%", "，得分为9.50分", "分值合计90分", "算执行率10分", "0分合计100分", "价等次：90分", "上为优，80分", "（含）至90分", "分为良，60分", "（含）至80分", "分为中，60分"].map(
    (k): [string, string] => [`dept-yuan-cover ${k}`, "the 填报说明 sheet: an example or a rule, not the report's figure"],
  ),
  ["dept-yuan-cover 理局内设8个", "内设股室: a statistic of the bureau"],
  ["dept-yuan-cover 室，下设5个", "下设市场监管所: a statistic of the bureau"],
  ["dept-yuan-cover 标9个，8个", "三级指标9个，8个达到: the indicators that met their targets are not counted"],
  ...["务费项目3个", "经费项目2个", "支付项目3个"].map((k): [string, string] => [`summary-groups ${k}`, "projects counted per category (专项业务费项目3个): only the whole list's count is checked"]),
  ["summary-groups 行率低于60%", "a threshold in the 改进措施"],
  ["summary-groups 上年提高2.15个", "比上年提高2.15个百分点: last year's rate, which no table states"],
  ["project-qualitative 村卫生室12个", "the 预期目标 cell: a target"],
  ["project-qualitative 诊率达到60%", "the 预期目标 cell: a target"],
  ["project-qualitative 村卫生室6个", "an indicator's name changed (建成标准化村卫生室 for 建设标准化村卫生室): names are matched whole"],
  ["project-qualitative 定性指标2个", "其中定性指标2个未赋分: a subset"],
  ["project-qualitative 6个", "a reason cell: 6个村卫生室…延期, a statistic of the work"],
  ["project-qualitative 行率分值10分", "a 说明 row: the 预算执行率's points, a definition"],
  ["project-government 医药机构462家", "an indicator's name reworded (接入定点医药机构 for 医保信息平台接入定点机构数): names are matched whole"],
  ["sichuan-system 率未达到90%", "the template's printed guidance beside the funds (未达到90%的需说明原因): a threshold, not a figure"],
  ["sichuan-system 行率未达90%", "the clerk's reason names the threshold (预算执行率未达90%的原因): not a figure"],
  ["sichuan-system 改造尾款11.55万元", "the reason's 尾款: 调整后预算 − 执行数, a difference no cell states"],
  ["sichuan-system ，网办率54%", "网办率 for the indicator 经办业务网办率: names are matched whole"],
  ["sichuan-system 个，其中5个", "其中5个达成年度指标值: a subset"],
  ["sichuan-system ，未达到60%", "未达到60%的目标: a target"],
  ["final-classes 出合计的100%", "占本年支出合计的100%: the 本年支出合计 of all funds, which this 财政拨款 table does not hold"],
  // bureau-variants-9.ts.
  ["dept-sidebyside 率控制在5.5%", "the 年度总体目标 cell (side by side with the 实际完成情况): a target"],
  ["dept-sidebyside 盖率达到98%", "the 年度总体目标 cell: a target"],
  ["dept-sidebyside 率保持在90%", "the 年度总体目标 cell: a target"],
  ["dept-sidebyside 标8个，7个", "绩效指标8个，7个达到年度指标值: the indicators that met their targets are not counted"],
  ["project-yuan-report 盖率达到30%", "the 预期目标 cell: a target"],
  ["project-yuan-report 3个", "a reason cell: 3个社区助餐点…延后开业, a statistic of the work"],
  ["project-yuan-report 标8个，7个", "三级指标8个，7个达到年度指标值: the indicators that met their targets are not counted"],
  ["project-yuan-report 率未达到90%", "预算执行率未达到90%: the threshold that asks for a reason, not a figure"],
  ["project-three-decimals 及率达到92%", "the 预期目标 cell: a target"],
]);

describe.each(buildCorpus().map((c) => [c.file, c] as const))("%s", (_file, c) => {
  const before = findingKeys(c.book);
  const planted = prosePlants(c);
  const found = (p: ProsePlant): boolean => foundAtNew(p.book, new Set([`${p.sheet}!${p.a1}`]), before);
  if (process.env.SWEEP_KEYS) for (const p of planted) if (!found(p)) console.log(JSON.stringify(p.key));
  const open = planted.filter((p) => !NOT_IN_TABLES.has(p.key));
  const known = planted.filter((p) => NOT_IN_TABLES.has(p.key));
  if (open.length) test.each(open.map((p) => [p.name, p] as const))("%s is found at its prose cell", (_n, p) => expect(found(p)).toBe(true));
  if (known.length) test.each(known.map((p) => [p.name, p] as const))("%s is not checked (no table states it)", (_n, p) => expect(found(p)).toBe(false));
});
