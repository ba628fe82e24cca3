/**
 * Structural differences between bureaus' copies of a form that the label mapping must read through (found
 * by test/forms-corpus/structural-edits.test.ts): a blank row inside a table, a 备注 column right of a row of
 * labels over their values, a unit line above a table instead of units in its headers (and units in the
 * headers instead of a line), a 序号 column numbering rows whose names carry their own numbers, merges
 * undone (合计 / 小计 left alone in the 序号 cell, a level's 分值 in its group's first row, a header cell no
 * longer merged down over the row of figures' headers).
 */
import { mapWorkbook } from "../../src/core/mapping";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { buildWorkbook } from "../helpers/workbook-builder";

const INCOME_HEADER = ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"];

describe("mapping through a bureau's structure", () => {
  test("a blank row inside an auto-mapped table does not end it", () => {
    const wb = buildWorkbook({
      收支情况: [["年度收入情况（万元）"], INCOME_HEADER, ["局机关及二级机构汇总", 300, 0, 300, 0, 0, 0], ["1、局机关", 100, 0, 100, 0, 0, 0], [], ["2、二级机构1", 200, 0, 200, 0, 0, 0]],
    });
    const t = mapWorkbook(wb).tables.jx_income;
    expect(t?.rows.map((r) => r.row)).toEqual([3, 4, 6]);
    expect(checkWorkbook(wb).findings.filter((f) => f.ruleId === "total-matches-parts")).toEqual([]);
  });

  test("a 备注 heading right of the last label of a header row is not that label's value", () => {
    const wb = buildWorkbook({
      绩效自评: [
        ["年初预算数", "全年预算数", "全年执行数", "预算执行率", "预算执行率分值", "预算执行率得分", "备注"],
        [100, 120, 120, 1, 10, 10, "含追加预算"],
      ],
    });
    expect(mapWorkbook(wb).scalars.jx_exec_score?.ref.address).toBe("F2");
  });

  test("a 单位：元 line just above a table is that table's unit", () => {
    const wb = buildWorkbook({
      三公: [["“三公”经费支出决算表"], [null, null, null, null, null, "金额单位：元"], ["机构名称", "三公经费合计", "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"], ["合计", 92380, 11200, 81180, 0, 0]],
    });
    expect(mapWorkbook(wb).tables.jx_sangong?.unitLine).toBe("元");
  });

  test("a header with its unit (预算数（万元）) is the column of its label", () => {
    const wb = buildWorkbook({
      汇总: [
        ["项目名称", "资金文号", "年初预算数（万元）", "预算数（万元）", "执行数（万元）", "结转结余（万元）", "执行率"],
        ["办公经费", "承财社[2019]201号", 18, 20, 20, 0, 1],
        ["合计", null, 18, 20, 20, 0, 1],
      ],
    });
    const cols = Object.fromEntries((mapWorkbook(wb).tables.jx_projects?.columns ?? []).map((c) => [c.key, c.col]));
    expect(cols).toMatchObject({ budget: 4, executed: 5, carryover: 6 });
  });

  test("a 序号 一、二、 before names numbered 1、2、 makes no category rows", () => {
    const wb = buildWorkbook({
      收支情况: [["序号", ...INCOME_HEADER], [null, "局机关及二级机构汇总", 300, 0, 300, 0, 0, 0], ["一、", "1、局机关", 100, 0, 100, 0, 0, 0], ["二、", "2、二级机构1", 200, 0, 200, 0, 0, 0], [null, "3、二级机构2"]],
    });
    expect(mapWorkbook(wb).tables.jx_income?.rows.some((r) => r.subtotalOf)).toBe(false);
    expect(checkWorkbook(wb).findings.filter((f) => f.ruleId === "total-matches-parts")).toEqual([]);
  });

  test("merges undone: a 合计 and a 小计 left in the 序号 cell still name their rows", () => {
    const wb = buildWorkbook({
      汇总: [
        ["序号", "项目名称", "预算数", "执行数", "结转结余", "执行率"],
        ["一、专项业务费"],
        [1, "甲", 10, 8, 2, 0.8],
        [2, "乙", 20, 20, 0, 1],
        ["小计", null, 30, 28, 2, 0.9333],
        ["二、运转保障经费"],
        [3, "丙", 5, 5, 0, 1],
        ["小计", null, 5, 5, 0, 1],
        ["合计", null, 35, 33, 2, 0.9429],
      ],
    });
    const rows = mapWorkbook(wb).tables.jx_projects?.rows ?? [];
    expect(rows.find((r) => r.isSummary)?.row).toBe(9);
    expect(rows.filter((r) => r.cells.name?.cell?.value === "小计").map((r) => r.row)).toEqual([5, 8]);
    expect(checkWorkbook(wb).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("the indicators' header written again inside the table (a page break pasted in) is skipped, not its end", () => {
    const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
    const wb = buildWorkbook({
      指标: [header, ["产出指标", "数量指标", "甲", "≥10", "10", 50, 50], [], header, ["效益指标", "社会效益指标", "乙", "提高", "达成", 50, 48], ["总分", null, null, null, null, 100, 98]],
    });
    expect(mapWorkbook(wb).tables.jx_indicators?.rows.map((r) => r.row)).toEqual([2, 5]);
  });
});

