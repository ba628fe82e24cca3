/**
 * Whether a workbook is a blank form: a template nobody has started filling in. A bureau's template
 * must check clean when empty (a clerk opening it should not be greeted by errors), so rules about
 * missing input stay quiet until the first figure or text is typed.
 */
import type { ReportModel } from "../../model/report-model";
import type { CellSnapshot } from "../../model/snapshot";
import { SCALAR_FIELDS, TABLES, type ScalarFieldId } from "../../schema/fields";

/** Scalars a template may pre-fill (unit, profile, weight, report kind): they are not the clerk's input. */
const PREFILLED: ReadonlySet<ScalarFieldId> = new Set(["jx_money_unit", "jx_profile", "jx_exec_weight", "jx_report_kind"]);

/** Indicator columns the clerk fills (一级/二级 are often pre-filled by the template). */
const INDICATOR_INPUTS = ["level3", "target", "actual", "weight", "score"];

/** A value the clerk typed: present, not a formula, not an empty string. */
function typed(cell: CellSnapshot | undefined): boolean {
  if (!cell || cell.formula !== undefined) return false;
  if (cell.error !== undefined) return true;
  return !(cell.value === null || (typeof cell.value === "string" && cell.value.trim() === ""));
}

/**
 * True when nothing has been typed yet: no input scalar holds a value, no money cell of any table
 * holds one, and no indicator has a name, value, weight or score.
 * @param model - the mapped workbook
 * @returns whether the workbook is an untouched form
 */
export function isBlankForm(model: ReportModel): boolean {
  for (const def of SCALAR_FIELDS) {
    if (def.computed || PREFILLED.has(def.id)) continue;
    if (typed(model.scalars[def.id]?.cell)) return false;
  }
  for (const def of TABLES) {
    const table = model.tables[def.id];
    if (!table) continue;
    const inputs = def.id === "jx_indicators" ? INDICATOR_INPUTS : def.columns.filter((c) => c.money).map((c) => c.key);
    for (const row of table.rows) {
      for (const key of inputs) if (typed(row.cells[key]?.cell)) return false;
    }
  }
  return true;
}
