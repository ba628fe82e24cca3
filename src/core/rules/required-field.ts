/**
 * required-field — what the report cannot go without: the 评价年度 and the 部门（单位）名称, and for
 * every 定量 indicator its 年度指标值 and 实际完成值; every indicator's 分值. Without them nothing can
 * be scored or compared, and the 财政局 sends the report back.
 */
import { defineRule } from "../engine/types";
import type { BoundCell, TableRow } from "../model/report-model";
import type { CellSnapshot } from "../model/snapshot";
import type { ScalarFieldId } from "../schema/fields";
import { parseCell } from "../units";
import { isBlankForm } from "./lib/blank-form";
import { scoresFor } from "../scoring/score";

/** Message ids of required-field. */
export type MessageId = "blankYear" | "blankUnitName" | "missingField" | "blankTarget" | "blankActual" | "blankWeight";

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

/** The report year, unit name and the indicators' values and weights are filled in. */
export const requiredField = defineRule<MessageId>({
  id: "required-field",
  meta: {
    type: "problem",
    docs: { description: "评价年度、部门（单位）名称，以及每个定量指标的年度指标值、实际完成值和每个指标的分值必须填写。", recommended: true },
    messages: {
      "blankYear": "评价年度未填写。报告、评分和说明都以评价年度为准，请填写年份（如 2021）。",
      "blankUnitName": "部门（单位）名称未填写。请填写报送单位的全称。",
      "missingField": "未找到{{label}}（名称 {{name}}）。请在相应单元格旁写上“{{label}}”，或定义名称 {{name}} 指向它。",
      "blankTarget": "指标“{{indicator}}”是定量指标，但年度指标值为空，无法评分；请填写年初设定的指标值。",
      "blankActual": "指标“{{indicator}}”是定量指标，但实际完成值为空，无法评分；请填写实际完成的数值。",
      "blankWeight": "指标“{{indicator}}”的分值为空，无法计算得分和总分；请填写该指标的分值。",
    },
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
        const indicators = model.tables.jx_indicators;
        if (!indicators) return;
        // A row the form lists unscored on purpose (分值 and 得分 blank, the others making up the total).
        const unscored = new Set(scoresFor(model, context.profile).unscoredRows ?? []);
        for (const row of indicators.rows) {
          const level3 = row.cells.level3?.cell;
          if (!level3) continue;
          const indicator = String(level3.value ?? "").trim();
          if (!isQualitativeRow(row)) {
            if (isEmpty(row.cells.target)) context.report({ at: row.cells.target.ref, messageId: "blankTarget", field: "jx_indicators.target", data: { indicator } });
            if (isEmpty(row.cells.actual)) context.report({ at: row.cells.actual.ref, messageId: "blankActual", field: "jx_indicators.actual", data: { indicator } });
          }
          if (isEmpty(row.cells.weight) && !unscored.has(row.row)) context.report({ at: row.cells.weight.ref, messageId: "blankWeight", field: "jx_indicators.weight", data: { indicator } });
        }
      },
    };
  },
});

export default requiredField;
