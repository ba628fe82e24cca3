/**
 * Workbooks laid out as bureaus lay out their forms (merged cells, “（万元）” in headers, “—” in unused
 * cells, blank rows inside tables, label：value in one cell), without defined names.
 */
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { buildWorkbook, fmt, type TestCell } from "../../helpers/workbook-builder";

type Rows = TestCell[][];

/** Replace cells: { "E9": 1500 } on a copy of the rows (A1 addresses on the sheet's own rows). */
export function patch(rows: Rows, cells: Readonly<Record<string, TestCell>>): Rows {
  const out = rows.map((r) => [...r]);
  for (const [a1, v] of Object.entries(cells)) {
    const m = /^([A-Z])(\d+)$/.exec(a1);
    if (!m) throw new Error(a1);
    const r = Number(m[2]) - 1;
    const c = m[1].charCodeAt(0) - 65;
    while (out.length <= r) out.push([]);
    out[r][c] = v;
  }
  return out;
}

const pct = (v: number): TestCell => fmt(v, "0.00%");

/** 财政部 项目支出绩效自评表 (财预〔2020〕10号 附件), consistent. */
export function mofProjectRows(): Rows {
  return [
    ["项目支出绩效自评表"],
    ["（2021年度）"],
    ["填报单位：攀枝花市医疗保障事务中心", null, null, null, null, null, "填报日期：2022年3月10日"],
    ["项目名称", "业务运行费及追加工作经费"],
    ["主管部门", "攀枝花市医疗保障局", null, null, "实施单位", "攀枝花市医疗保障事务中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 200, 215.11, 215.11, 10, pct(1), 10],
    [null, "其中：当年财政拨款", 200, 215.11, 215.11, "—", "—", "—"],
    [null, "上年结转资金", 0, 0, 0, "—", "—", "—"],
    [null, "其他资金", 0, 0, 0, "—", "—", "—"],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "保障医保经办正常运转，完成费用审核。", null, null, null, "全年完成费用审核，医保经办运转正常。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "审核病例数", "≥1000份", "1200份", 20, 20],
    [null, null, "质量指标", "审核准确率", "≥95%", "98%", 15, 15],
    [],
    [null, null, "时效指标", "资金支付及时率", "100%", "100%", 15, 15],
    [null, "效益指标", "社会效益指标", "参保率", "≥95%", "96%", 15, 15],
    [null, null, "可持续影响指标", "基金运行平稳", "达成年度指标", "达成年度指标", 15, 15],
    [null, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, null, 100, 100],
  ];
}

export const MOF_MERGES = ["A1:I1", "A2:I2", "B4:I4", "A6:B6", "A7:A10", "A11:A12", "A13:A20", "B14:B17", "B18:B19", "A21:F21"];

export function mofProject(rows: Rows = mofProjectRows(), sheet = "项目自评表"): WorkbookSnapshot {
  return buildWorkbook({ [sheet]: rows }, { merges: { [sheet]: MOF_MERGES } });
}

/** A second project's form: 100 budgeted, 80 spent, 执行率 80%, 得分 8, 总分 98. */
export function mofProject2Rows(): Rows {
  return patch(mofProjectRows(), {
    B4: "医保信息化建设",
    C7: 100, D7: 100, E7: 95, G7: pct(0.95), H7: 9.5,
    C8: 100, D8: 100, E8: 95,
    H21: 99.5,
  });
}

/** 项目绩效自评汇总表 of the two projects above (seed 001's layout). */
export function summaryRows(): Rows {
  return [
    ["2021年度项目绩效自评汇总表"],
    ["填报单位：攀枝花市医疗保障局", null, null, null, null, null, null, null, "单位：万元"],
    ["序号", "项目名称", "资金文号", "实施单位", "预算数", "执行数", "执行率", "结转结余", "自评得分", "自评结果"],
    [1, "业务运行费及追加工作经费", "攀财社〔2021〕1号", "攀枝花市医疗保障事务中心", 215.11, 215.11, pct(1), 0, 100, "优"],
    [2, "医保信息化建设", "攀财社〔2021〕7号", "攀枝花市医疗保障事务中心", 100, 95, pct(0.95), 5, 99.5, "优"],
    ["合计", null, null, null, 315.11, 310.11, pct(310.11 / 315.11), 5, "—", "—"],
  ];
}

/** A workbook of two project sheets and their 汇总. */
export function projectsWorkbook(summary: Rows = summaryRows(), p1: Rows = mofProjectRows(), p2: Rows = mofProject2Rows()): WorkbookSnapshot {
  return buildWorkbook({ 项目汇总: summary, 业务运行费: p1, 信息化建设: p2 }, { merges: { 项目汇总: ["A1:J1", "A6:D6"], 业务运行费: MOF_MERGES, 信息化建设: MOF_MERGES } });
}
