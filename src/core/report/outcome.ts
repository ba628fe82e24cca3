/**
 * The outcome of a check, as a clerk must read it before export. Three honest states and one plain one:
 *
 * - `unrecognised` — little or nothing of a self-evaluation was found (an empty sheet, another
 *   workbook): the rules had nothing to check, so "no finding" means nothing.
 * - `blank` — the form was recognised but holds no figures yet (a bureau template): say what to fill.
 * - `errors` — the report has errors to correct.
 * - `passed` — a filled report with no error (and no rule that crashed): the only state that may be
 *   exported.
 *
 * Pure: it reads the mapped model and the report, nothing else.
 */
import type { CellRef, CellSnapshot } from "../model/snapshot";
import { toA1 } from "../model/address";
import type { ReportModel, TableBinding } from "../model/report-model";
import type { Report } from "../engine/types";
import { SCALAR_FIELDS, TABLES, type ScalarFieldId, type TableId } from "../schema/fields";

/** Which of the states a check ended in. */
export type OutcomeKind = "unrecognised" | "blank" | "errors" | "passed";

/** Something the clerk must still fill in, with where. */
export interface MissingInput {
  /** The field or table id (`jx_unit_name`, `jx_expense`). */
  readonly id: string;
  /** What to fill, in the template's words (`部门（单位）名称`, `支出和结余情况`). */
  readonly label: string;
  /** The cell to go to (a scalar's cell, a table's first data cell), when the form has one. */
  readonly at?: CellRef;
}

/** The outcome of one check. */
export interface Outcome {
  readonly kind: OutcomeKind;
  /** Fields and tables mapping found, of `total`. */
  readonly recognised: number;
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Rules that crashed: part of the workbook went unchecked, so it never passes. */
  readonly crashed: number;
  /** Inputs still blank (the list a `blank` outcome shows; also given for the other states). */
  readonly missing: readonly MissingInput[];
  /** Only `passed` may say 可以导出. */
  readonly exportable: boolean;
}

/**
 * Fewer fields than this found, or no table at all, and the workbook is not taken for a
 * self-evaluation: a sheet with a 单位 label and a 合计 row is not a report.
 */
export const RECOGNISED_AT_LEAST = 6;

/** The inputs a clerk types (not computed), in the order the form asks for them. */
const INPUT_SCALARS: readonly ScalarFieldId[] = [
  "jx_unit_name",
  "jx_report_year",
  "jx_budget_adjusted",
  "jx_executed",
  "jx_duties",
  "jx_tasks",
  "jx_achievements",
  "jx_problems",
  "jx_measures",
];

/** Figures that show a form has been filled: any of these holding a number. */
const FIGURE_SCALARS: readonly ScalarFieldId[] = ["jx_budget_initial", "jx_budget_adjusted", "jx_executed"];

function isBlankCell(cell: CellSnapshot | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.error !== undefined) return false;
  return cell.value === null || cell.value === undefined || (typeof cell.value === "string" && cell.value.trim() === "");
}

/** A typed figure: a number, or text that reads as one ("83%", "1,711.75"). Formulas do not count. */
function isFigure(cell: CellSnapshot | undefined): boolean {
  if (!cell || cell.formula !== undefined) return false;
  if (typeof cell.value === "number") return true;
  return typeof cell.value === "string" && /\d/.test(cell.value);
}

/** The money (or weight/actual) columns a clerk types in a table. */
function figureColumns(id: TableId): readonly string[] {
  if (id === "jx_indicators") return ["weight", "actual", "target"];
  if (id === "jx_score_summary") return [];
  return (TABLES.find((t) => t.id === id)?.columns ?? []).filter((c) => c.money).map((c) => c.key);
}

/** Does the table hold any typed figure in a data row? */
function tableFilled(table: TableBinding): boolean {
  const keys = figureColumns(table.id);
  return table.rows.some((r) => !r.isSummary && keys.some((k) => isFigure(r.cells[k]?.cell)));
}

/** Where a clerk starts filling a table: the first input cell of its first data row. */
function tableStart(table: TableBinding): CellRef {
  const keys = figureColumns(table.id);
  const row = table.rows.find((r) => !r.isSummary) ?? table.rows[0];
  for (const k of ["name", "level3", ...keys]) {
    const bound = row?.cells[k];
    if (bound && isBlankCell(bound.cell)) return bound.ref;
  }
  // No data row yet: the first cell under the header.
  const first = table.columns.length ? Math.min(...table.columns.map((c) => c.col)) : 1;
  return { sheet: table.sheet, address: toA1({ row: table.headerRow + 1, col: first }) };
}

/** The inputs still blank: the scalars a clerk types, then every table without a figure. */
export function missingInputs(model: ReportModel): MissingInput[] {
  const out: MissingInput[] = [];
  for (const id of INPUT_SCALARS) {
    const bound = model.scalars[id];
    if (!bound || !isBlankCell(bound.cell)) continue;
    out.push({ id, label: SCALAR_FIELDS.find((f) => f.id === id)?.label ?? id, at: bound.ref });
  }
  for (const def of TABLES) {
    const table = model.tables[def.id];
    if (!table || figureColumns(def.id).length === 0 || tableFilled(table)) continue;
    out.push({ id: def.id, label: def.label, at: tableStart(table) });
  }
  return out;
}

/**
 * Has the clerk typed any figure at all (a budget, an amount in a table, an indicator's value, an amount
 * of a form's declared sums — a 决算 table, a 部门整体 form's 资金 block — or of one of its forms)?
 */
export function hasFigures(model: ReportModel): boolean {
  if (FIGURE_SCALARS.some((id) => isFigure(model.scalars[id]?.cell))) return true;
  if (Object.values(model.tables).some((t) => t !== undefined && tableFilled(t))) return true;
  if ((model.relations ?? []).some((r) => isFigure(r.target.cell.cell) || r.terms.some((t) => isFigure(t.cell.cell)))) return true;
  return (model.parts ?? []).some((p) => p !== model && hasFigures(p));
}

/**
 * The outcome of a check.
 * @param model - the mapped workbook the report was made from
 * @param report - the report (with ignores applied, if any: ignored findings do not count)
 * @returns the state, the counts, and the inputs still blank
 * @example outcomeOf(mapWorkbook(emptySheet), report).kind // "unrecognised"
 */
export function outcomeOf(model: ReportModel, report: Report): Outcome {
  const tables = Object.values(model.tables).filter((t) => t !== undefined).length;
  const recognised = model.mapping.found;
  const total = SCALAR_FIELDS.length + TABLES.length;
  const crashed = report.ruleResults.filter((r) => r.status === "crashed").length;
  const missing = missingInputs(model);
  const { errors, warnings, infos } = report.stats;
  // A form the engine detected (a 决算 table, a 项目汇总表, the 财政部 form) is a 自评 workbook even where the
  // template's fields are few: the 决算 tables hold none of them.
  const known = (recognised >= RECOGNISED_AT_LEAST && tables > 0) || (model.forms?.length ?? 0) > 0;
  let kind: OutcomeKind;
  // 未识别 shows no findings (there is nothing to check): never where an error was found.
  if (!known && errors === 0 && crashed === 0) kind = "unrecognised";
  else if (!hasFigures(model)) kind = "blank";
  else if (errors > 0 || crashed > 0) kind = "errors";
  else kind = "passed";
  return { kind, recognised, total, errors, warnings, infos, crashed, missing, exportable: kind === "passed" };
}
