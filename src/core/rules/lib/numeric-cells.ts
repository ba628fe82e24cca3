/**
 * Every cell of the model that holds a figure: the money, rate, number and integer scalars, the money
 * columns of the tables, the 项目 执行率 and the indicator and score-summary 分值 and 得分. Shared by the
 * rules that look at a figure's value or format whatever it means (number-out-of-range, date-in-amount).
 */
import type { BoundCell, ReportModel } from "../../model/report-model";
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

/**
 * Visit the figure cells of the model that are bound to a cell, scalars first, then tables row by row.
 *
 * A visitor, not a list: a 400-institution workbook has ≈10 000 figure cells, and the rules that read
 * them (number-out-of-range, date-in-amount) report almost none, so no object is made per cell — the
 * callback gets the bound cell and its column's shared {@link FigureField}.
 * @param kinds - only the figures of these kinds (a column of another kind is not walked at all)
 */
export function forEachFigure(model: ReportModel, kinds: ReadonlySet<FigureKind>, visit: (bound: BoundCell, field: FigureField) => void): void {
  for (const f of SCALAR_FIELDS) {
    const kind = SCALAR_KINDS[f.kind];
    const bound = model.scalars[f.id];
    if (kind && kinds.has(kind) && bound?.cell) visit(bound, { field: f.id, what: f.label, kind });
  }
  for (const def of TABLES) {
    const table = model.tables[def.id];
    if (!table) continue;
    const keys = new Set([...def.columns.filter((c) => c.money).map((c) => c.key), ...(EXTRA_COLUMNS[def.id] ?? [])]);
    const columns = def.columns.filter((c) => keys.has(c.key) && table.columns.some((tc) => tc.key === c.key));
    // Field, description and kind per column, once (not a string per cell).
    const cols: (FigureField & { key: string })[] = [];
    for (const c of columns) {
      const field = `${def.id}.${c.key}`;
      const kind: FigureKind = c.money ? "money" : RATE_COLUMNS.has(field) ? "rate" : "number";
      if (kinds.has(kind)) cols.push({ key: c.key, field, what: `${def.label}表的“${c.label}”`, kind });
    }
    if (!cols.length) continue;
    for (const row of table.rows) {
      for (const c of cols) {
        const bound = row.cells[c.key];
        if (bound?.cell) visit(bound, c);
      }
    }
  }
}
