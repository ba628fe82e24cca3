/**
 * Seed 002 (区医保局 2024 部门整体支出绩效自评报告, an 一体化 export) entered as a workbook: its
 * arithmetic is reproduced (执行率 99.74%, 9.97) and its two score mistakes are exposed — the 产出
 * subtotal 50 over parts 9 + 10 + 15 + 14 = 48, and the total 97.97 that does not equal its headline
 * parts 9.97 + 50 + 30 + 10. (Its 完成率 107.5% for 23.9 of 23 is prose, checked by the narrative rules.)
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { mapWorkbook } from "../../src/core/mapping";
import { NATIONAL } from "../../src/core/scoring/profiles";
import { scoreWorkbook } from "../../src/core/scoring/score";
import { buildWorkbook } from "../helpers/workbook-builder";

const seed002 = buildWorkbook(
  {
    自评表: [
      ["部门（单位）名称", "区医疗保障局"],
      ["评价年度", 2024],
      ["年初预算数", 1632.87],
      ["全年预算数", 1711.75],
      ["全年执行数", 1707.31],
      ["预算执行率", "99.74%"],
      ["预算执行率分值", 10],
      ["预算执行率得分", 9.97],
      ["绩效自评综合得分", 97.97],
      ["评价等次", "优"],
      [],
      ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "城乡居民基本医疗保险完成参保任务数", "≥", "23万人", "23.9万人", 10, 9, ""],
      ["", "时效指标", "经费支出的时效性", "定性", "达成年度指标", "达成年度指标", 10, 10, ""],
      ["", "质量指标", "经费支出的合规性", "定性", "达成年度指标", "达成年度指标", 15, 15, ""],
      ["", "成本指标", "项目总成本", "≤", "1632.87万元", "1707.31万元", 15, 14, "参保缴费人数高于年初设定人数，追加49.17万元"],
      ["效益指标", "社会效益指标", "保障困难群众基本医疗权益", "定性", "达成年度指标", "达成年度指标", 15, 15, ""],
      ["", "可持续影响指标", "维护医保基金安全", "定性", "达成年度指标", "达成年度指标", 15, 15, ""],
      ["满意度指标", "服务对象满意度指标", "群众满意率", "≥", "90%", "超90%", 10, 10, ""],
    ],
    得分汇总: [
      ["一级指标", "分值", "得分"],
      ["预算执行率", 10, 9.97],
      ["产出指标", 50, 50],
      ["效益指标", 30, 30],
      ["满意度指标", 10, 10],
    ],
  },
  {
    names: {
      jx_unit_name: "自评表!$B$1",
      jx_report_year: "自评表!$B$2",
      jx_budget_initial: "自评表!$B$3",
      jx_budget_adjusted: "自评表!$B$4",
      jx_executed: "自评表!$B$5",
      jx_exec_rate: "自评表!$B$6",
      jx_exec_weight: "自评表!$B$7",
      jx_exec_score: "自评表!$B$8",
      jx_score_total: "自评表!$B$9",
      jx_grade: "自评表!$B$10",
      jx_indicators: "自评表!$A$12:$I$19",
      jx_score_summary: "得分汇总!$A$1:$C$5",
    },
  },
);

describe("seed 002 as a workbook", () => {
  const result = scoreWorkbook(mapWorkbook(seed002), NATIONAL);

  test("reproduces its 执行率 99.74% and 得分 9.97", () => {
    expect(result.execRate?.toFixed(4)).toBe("0.9974");
    expect(result.execScore).toBe(9.97);
    expect(result.execScoreWritten).toBe(9.97);
  });

  test("its parts add to 97.97 as written, so the 产出 headline of 50 is the odd one out", () => {
    expect(result.total).toBe(97.97);
    const output = result.groups.find((g) => g.group === "产出指标");
    expect(output).toMatchObject({ written: 50, expected: 48 });
  });

  test("the check reports the 产出 subtotal 50 over 48, and not the total 97.97 (right by its indicators)", () => {
    const report = checkWorkbook(seed002);
    const errors = report.findings
      .filter((f) => f.severity === "error" && ["score-summary-matches", "total-score-matches"].includes(f.ruleId))
      .map((f) => [f.ruleId, f.messageId, `${f.sheet}!${f.ref}`, f.expected, f.actual]);
    expect(errors).toEqual([["score-summary-matches", "subtotalMismatch", "得分汇总!C3", 48, 50]]);
    expect(report.valid).toBe(false);
  });

  test("its hand scores differ from the formulas: 数量 met (10, not 9) and 成本 14.32 (not 14)", () => {
    const report = checkWorkbook(seed002);
    const warnings = report.findings
      .filter((f) => f.ruleId === "indicator-score-matches")
      .map((f) => [`${f.sheet}!${f.ref}`, f.expected, f.actual, f.data.formula]);
    expect(warnings).toEqual([
      ["自评表!H13", 10, 9, "正向指标已达成：23.9万人 ≥ 23万人，得满分 10"],
      ["自评表!H16", 14.32, 14, "反向指标未达成：(1 − (1707.31 − 1632.87) ÷ 1632.87) × 15 = 14.32"],
    ]);
  });

  test("the grade 优 stands either way (97.97 and 99.97 are both ≥ 90)", () => {
    const report = checkWorkbook(seed002);
    expect(report.findings.filter((f) => f.ruleId === "grade-matches-band")).toEqual([]);
  });
});
