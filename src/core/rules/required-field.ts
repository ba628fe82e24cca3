/**
 * required-field — what the report cannot go without: the 评价年度 and the 部门（单位）名称, and for
 * every 定量 indicator its 年度指标值 and 实际完成值; every indicator's 分值; and, once 分值 are given, the
 * 得分 of each indicator, of the 预算执行率 and the 综合得分 (a form not yet scored is no report to send). Without them nothing can
 * be scored or compared, and the 财政局 sends the report back.
 */
import { isUnfilled } from "../model/cell-index";
import { parseA1, toA1 } from "../model/address";
import { defineRule } from "../engine/types";
import type { BoundCell, ReportModel, TableRow } from "../model/report-model";
import type { CellRef, CellSnapshot } from "../model/snapshot";
import type { ScalarFieldId } from "../schema/fields";
import { parseCell } from "../units";
import { isBlankForm } from "./lib/blank-form";
import { scoresFor } from "../scoring/score";
import { showNumber } from "../scoring/indicator-value";

/** Message ids of required-field. */
export type MessageId = "blankYear" | "blankUnitName" | "missingField" | "blankTarget" | "blankActual" | "blankWeight" | "blankScore" | "blankExecScore" | "blankTotalScore" | "blankScoreJudged" | "blankExecWeight" | "blankWeightTotal" | "blankGroupScore" | "blankGroupWeight" | "blankAmount";

/** A text without any digit (`达成年度指标`, `好`): a 定性 value, not a figure. */
function isQualitativeText(cell: CellSnapshot | undefined): boolean {
  const p = parseCell(cell);
  return p.kind === "text" && !/[0-9０-９]/.test(p.text);
}

/** Whether an indicator row is 定性: its 指标方向 says so, or its values are words, not figures. */
export function isQualitativeRow(row: TableRow): boolean {
  const direction = row.cells.direction?.cell;
  if (direction && String(direction.value ?? "").includes("定性")) return true;
  return isQualitativeText(row.cells.target?.cell) || isQualitativeText(row.cells.actual?.cell);
}

const isEmpty = (b: BoundCell | undefined): boolean => b !== undefined && !b.cell;

/** Whether the cell at `ref` holds nothing (no value, no formula, no error). */
function isBlankAt(model: ReportModel, ref: CellRef): boolean {
  return isUnfilled(model.snapshot.sheets.find((x) => x.name === ref.sheet)?.cells[ref.address]);
}

/**
 * The blank 分值 cell of a 得分汇总's 总分 row (`总分 | (blank) | 97.97`): in the summary's 分值 column, on the row
 * of the 综合得分 when that stands in the summary's 得分 column below its rows. Undefined when it is not so, or
 * not blank.
 */
function summaryWeightTotal(model: ReportModel): CellRef | undefined {
  const summary = model.tables.jx_score_summary;
  const total = model.scalars.jx_score_total;
  if (!summary || !total?.cell || total.ref.sheet !== summary.sheet) return undefined;
  const weightCol = summary.columns.find((c) => c.key === "weight")?.col;
  const scoreCol = summary.columns.find((c) => c.key === "score")?.col;
  const at = parseA1(total.ref.address);
  const last = summary.rows.reduce((a, r) => Math.max(a, r.row), summary.headerRow);
  if (weightCol === undefined || at.col !== scoreCol || at.row <= last) return undefined;
  const ref = { sheet: summary.sheet, address: toA1({ row: at.row, col: weightCol }) };
  return isBlankAt(model, ref) ? ref : undefined;
}

/** The report year, unit name and the indicators' values and weights are filled in. */
export const requiredField = defineRule<MessageId>({
  id: "required-field",
  meta: {
    type: "problem",
    docs: { description: "评价年度、部门（单位）名称，每个定量指标的年度指标值、实际完成值，每个指标的分值，以及已设分值的各项得分和综合得分必须填写。", recommended: true },
    messages: {
      "blankYear": "评价年度未填写。报告、评分和说明都以评价年度为准，请填写年份（如 2021）。",
      "blankUnitName": "部门（单位）名称未填写。请填写报送单位的全称。",
      "missingField": "未找到{{label}}（名称 {{name}}）。请在相应单元格旁写上“{{label}}”，或定义名称 {{name}} 指向它。",
      "blankTarget": "指标“{{indicator}}”是定量指标，但年度指标值为空，无法评分；请填写年初设定的指标值。",
      "blankActual": "指标“{{indicator}}”是定量指标，但实际完成值为空，无法评分；请填写实际完成的数值。",
      "blankWeight": "指标“{{indicator}}”的分值为空，无法计算得分和总分；请填写该指标的分值。",
      "blankScore": "指标“{{indicator}}”的得分为空，自评表还没有评分；按评分规则应为 {{expected}} 分，请填写（或点“自动计算”）。",
      "blankExecScore": "预算执行率得分为空，自评表还没有评分；按评分规则应为 {{expected}} 分，请填写（或点“自动计算”）。",
      "blankTotalScore": "综合得分（总分）为空，自评表还没有评分；按各项得分应为 {{expected}} 分，请填写（或点“自动计算”）。",
      "blankScoreJudged": "指标“{{indicator}}”的得分为空，自评表还没有评分；请按完成情况评分并填写（分值 {{weight}} 分）。",
      "blankExecWeight": "预算执行率的分值为空；按评分规则应为 {{expected}} 分，请填写。",
      "blankWeightTotal": "总分行的分值为空；预算执行率与各指标分值之和为 {{expected}} 分，请填写。",
      "blankGroupScore": "得分汇总中“{{group}}”的得分为空；其下各项得分之和为 {{expected}} 分，请填写（或点“自动计算”）。",
      "blankAmount": "{{label}}为空；预算执行率和得分都以它为准，请填写。",
      "blankGroupWeight": "得分汇总中“{{group}}”的分值为空；其下各项分值之和为 {{expected}} 分，请填写。",
    },
    hasSuggestions: true,
  },
  create(context) {
    const required: readonly { id: ScalarFieldId; label: string; blank: MessageId }[] = [
      { id: "jx_report_year", label: "评价年度", blank: "blankYear" },
      { id: "jx_unit_name", label: "部门（单位）名称", blank: "blankUnitName" },
    ];
    return {
      workbook() {
        const { model, snapshot } = context;
        // A template nobody has started filling in checks clean: reminders begin with the first typed value.
        if (isBlankForm(model)) return;
        const first = snapshot.sheets[0];
        for (const f of required) {
          const s = model.scalars[f.id];
          if (s) {
            if (!s.cell || parseCell(s.cell).kind === "blank") context.report({ at: s.ref, messageId: f.blank, field: f.id });
          } else if (first && model.mapping.found > 0 && !model.form) {
            // A detected form that does not carry the field at all gets a note (form-field-absent), not an error.
            // Only for a workbook that looks like a self-evaluation at all: something else was found.
            context.report({ at: { sheet: first.name, address: "A1" }, messageId: "missingField", field: f.id, data: { label: f.label, name: f.id } });
          }
        }
        // The amounts the 预算执行率 is computed from, left blank on a form that has their cells.
        for (const [id, label] of [["jx_budget_adjusted", "全年预算数"], ["jx_executed", "全年执行数"]] as const) {
          const b = model.scalars[id];
          if (b && isBlankAt(model, b.ref) && b.source !== "name") context.report({ at: b.ref, messageId: "blankAmount", field: id, data: { label } });
        }
        const indicators = model.tables.jx_indicators;
        if (!indicators) return;
        // A row the form lists unscored on purpose (分值 and 得分 blank, the others making up the total).
        const scores = scoresFor(model, context.profile);
        const unscored = new Set(scores.unscoredRows ?? []);
        const byRow = new Map(scores.indicators.map((i) => [i.row, i]));
        for (const row of indicators.rows) {
          const level3 = row.cells.level3?.cell;
          if (!level3) continue;
          const indicator = String(level3.value ?? "").trim();
          if (!isQualitativeRow(row)) {
            if (isEmpty(row.cells.target)) context.report({ at: row.cells.target.ref, messageId: "blankTarget", field: "jx_indicators.target", data: { indicator } });
            if (isEmpty(row.cells.actual)) context.report({ at: row.cells.actual.ref, messageId: "blankActual", field: "jx_indicators.actual", data: { indicator } });
          }
          if (isEmpty(row.cells.weight) && !unscored.has(row.row)) context.report({ at: row.cells.weight.ref, messageId: "blankWeight", field: "jx_indicators.weight", data: { indicator } });
          // A 分值 without its 得分: the form is not scored yet (a printed 四川 form is published so). Not
          // an all-clear: the score the rules give is offered, not written.
          const ind = byRow.get(row.row);
          const expected = ind?.expected;
          if (isEmpty(row.cells.score) && !isEmpty(row.cells.weight) && row.cells.weight && !unscored.has(row.row) && ind?.weight !== undefined) {
            if (expected !== undefined) {
              context.report({ at: row.cells.score.ref, messageId: "blankScore", field: "jx_indicators.score", data: { indicator, expected: showNumber(expected) }, expected, suggestions: [{ description: `填入 ${showNumber(expected)}`, writes: [{ at: row.cells.score.ref, value: expected }] }] });
            } else if (isQualitativeRow(row) || (!isEmpty(row.cells.target) && !isEmpty(row.cells.actual))) {
              // A 定性 row (达成年度指标): its score is the clerk's judgement within its tier, not a formula.
              context.report({ at: row.cells.score.ref, messageId: "blankScoreJudged", field: "jx_indicators.score", data: { indicator, weight: showNumber(ind.weight) } });
            }
          }
        }
        // The 预算执行率 得分 and the 综合得分 of a form that scores its indicators, left blank.
        const scored = indicators.rows.some((r) => parseCell(r.cells.weight?.cell).kind === "number");
        const execScore = model.scalars.jx_exec_score;
        if (scored && execScore && !execScore.cell && scores.execScore !== undefined) {
          context.report({ at: execScore.ref, messageId: "blankExecScore", field: "jx_exec_score", data: { expected: showNumber(scores.execScore) }, expected: scores.execScore, suggestions: [{ description: `填入 ${showNumber(scores.execScore)}`, writes: [{ at: execScore.ref, value: scores.execScore }] }] });
        }
        // The 预算执行率 scored as a row of the indicator table (履职效能 framework), its 得分 left blank.
        const execRow = scores.execRow;
        if (scored && !execScore && execRow?.ref && execRow.written === undefined && isBlankAt(model, execRow.ref) && scores.execScore !== undefined) {
          context.report({ at: execRow.ref, messageId: "blankExecScore", field: "jx_exec_score", data: { expected: showNumber(scores.execScore) }, expected: scores.execScore, suggestions: [{ description: `填入 ${showNumber(scores.execScore)}`, writes: [{ at: execRow.ref, value: scores.execScore }] }] });
        }
        const weighted = scores.indicators.filter((i) => i.weight !== undefined);
        const execWeight = model.scalars.jx_exec_weight;
        if (scored && scores.execPresent && execWeight && !execWeight.cell) {
          context.report({ at: execWeight.ref, messageId: "blankExecWeight", field: "jx_exec_weight", data: { expected: showNumber(context.profile.execWeight) }, expected: context.profile.execWeight });
        }
        const weightTotal = model.scalars.jx_weight_total;
        const weightSum = weighted.reduce((a, i) => a + (i.weight ?? 0), scores.execPresent ? scores.execWeight : 0);
        // The 总分 row's 分值: bound, or (left blank, so the labels found no number) the 得分汇总's 分值 cell on
        // the row of its 总分 得分.
        const weightTotalAt = weightTotal ? (weightTotal.cell ? undefined : weightTotal.ref) : summaryWeightTotal(model);
        if (scored && weightTotalAt && weighted.length === scores.indicators.length) {
          context.report({ at: weightTotalAt, messageId: "blankWeightTotal", field: "jx_weight_total", data: { expected: showNumber(weightSum) }, expected: weightSum });
        }
        // The rows of a 得分汇总 (or the 小计 rows of the table) left blank where their indicators give a value.
        for (const g of scores.groups) {
          if (g.ref && g.written === undefined && g.ref.address !== model.scalars.jx_score_total?.ref.address && g.ref.address !== model.scalars.jx_exec_score?.ref.address && isBlankAt(model, g.ref) && g.expected !== undefined) {
            context.report({ at: g.ref, messageId: "blankGroupScore", field: "jx_score_summary.score", data: { group: g.group, expected: showNumber(g.expected) }, expected: g.expected });
          }
          const w = g.level === "exec" ? scores.execWeight : g.level === "total" ? (weighted.length === scores.indicators.length ? weightSum : undefined) : g.indicatorWeight;
          if (g.weightRef && g.weightWritten === undefined && g.weightRef.address !== weightTotal?.ref.address && g.weightRef.address !== execWeight?.ref.address && isBlankAt(model, g.weightRef) && w !== undefined) {
            context.report({ at: g.weightRef, messageId: "blankGroupWeight", field: "jx_score_summary.weight", data: { group: g.group, expected: showNumber(w) }, expected: w });
          }
        }
        const total = model.scalars.jx_score_total;
        if (scored && total && !total.cell && scores.total !== undefined) {
          context.report({ at: total.ref, messageId: "blankTotalScore", field: "jx_score_total", data: { expected: showNumber(scores.total) }, expected: scores.total, suggestions: [{ description: `填入 ${showNumber(scores.total)}`, writes: [{ at: total.ref, value: scores.total }] }] });
        }
      },
    };
  },
});

export default requiredField;
