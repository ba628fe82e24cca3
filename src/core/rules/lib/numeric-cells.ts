/**
 * Every cell of the model that holds a figure: the money, rate, number and integer scalars, the money
 * columns of the tables, the 项目 执行率 and the indicator and score-summary 分值 and 得分. Shared by the
 * rules that look at a figure's value or format whatever it means (number-out-of-range, date-in-amount).
 */
import type { BoundCell, ReportModel, TableBinding } from "../../model/report-model";
import type { CellSnapshot } from "../../model/snapshot";
import { isAbnormalNumber } from "../../units";
import { SCALAR_FIELDS, TABLES, type FieldKind } from "../../schema/fields";

/** What a figure cell is. */
export type FigureKind = "money" | "rate" | "number";

/** What a figure cell is: its field, a Chinese description and its kind (one object per field, shared by its cells). */
export interface FigureField {
  readonly field: string;
  /** `全年预算数`, `收入表的“上年结转”`. */
  readonly what: string;
  readonly kind: FigureKind;
}

const SCALAR_KINDS: Readonly<Partial<Record<FieldKind, FigureKind>>> = { money: "money", rate: "rate", number: "number", integer: "number" };

/** Table columns holding a figure besides the money columns. */
const EXTRA_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  jx_projects: ["rate"],
  jx_indicators: ["weight", "score"],
  jx_score_summary: ["weight", "score"],
};
const RATE_COLUMNS: ReadonlySet<string> = new Set(["jx_projects.rate"]);

/** A figure cell that is not a plain number: text, a number with a number format, an abnormal number or none. */
export interface OddFigure {
  readonly bound: BoundCell;
  readonly field: FigureField;
  /** The table the cell belongs to; absent for a scalar. */
  readonly table?: TableBinding;
}

const cache = new WeakMap<ReportModel, readonly OddFigure[]>();

/**
 * The figure cells of the model that are bound to a cell and are not a plain number (General format,
 * finite, below 10¹⁵), scalars first, then tables row by row: everything number-out-of-range,
 * date-in-amount and number-stored-as-text look at.
 *
 * Why a list of the odd ones: a 400-institution workbook has ≈9 000 figure cells, nearly all plain
 * numbers, and each lookup `row.cells[key]` costs more than the rules' tests. The cells are walked once
 * per model (cached on the model object, so never across workbooks) and the rules read the few left.
 */
export function oddFigures(model: ReportModel): readonly OddFigure[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: OddFigure[] = [];
  for (const f of SCALAR_FIELDS) {
    const kind = SCALAR_KINDS[f.kind];
    const bound = model.scalars[f.id];
    if (kind && bound?.cell && isOdd(bound.cell)) out.push({ bound, field: { field: f.id, what: f.label, kind } });
  }
  for (const def of TABLES) {
    const table = model.tables[def.id];
    if (!table) continue;
    const keys = new Set([...def.columns.filter((c) => c.money).map((c) => c.key), ...(EXTRA_COLUMNS[def.id] ?? [])]);
    const columns = def.columns.filter((c) => keys.has(c.key) && table.columns.some((tc) => tc.key === c.key));
    // Field, description and kind per column, once (not a string per cell).
    const cols = columns.map((c) => {
      const field = `${def.id}.${c.key}`;
      const kind: FigureKind = c.money ? "money" : RATE_COLUMNS.has(field) ? "rate" : "number";
      return { key: c.key, field: { field, what: `${def.label}表的“${c.label}”`, kind } };
    });
    for (const row of table.rows) {
      for (const c of cols) {
        const bound = row.cells[c.key];
        if (bound?.cell && isOdd(bound.cell)) out.push({ bound, field: c.field, table });
      }
    }
  }
  cache.set(model, out);
  return out;
}

/** Whether a cell is anything but a plain number (see {@link oddFigures}). */
function isOdd(cell: CellSnapshot): boolean {
  const v = cell.value;
  return typeof v !== "number" || cell.numberFormat !== undefined || isAbnormalNumber(v);
}
