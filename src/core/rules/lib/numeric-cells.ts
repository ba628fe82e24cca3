/**
 * Every cell of the model that holds a figure: the money, rate, number and integer scalars, the money
 * columns of the tables, the 项目 执行率 and the indicator and score-summary 分值 and 得分. Shared by the
 * rules that look at a figure's value or format whatever it means (number-out-of-range, date-in-amount).
 */
import type { BoundCell, ReportModel, TableBinding } from "../../model/report-model";
import type { CellSnapshot } from "../../model/snapshot";
import { isAbnormalNumber } from "../../units";
import { cellIndex, type CellIndex } from "../../model/cell-index";
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
  jx_projects: ["rate", "score"],
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
 * Why it is shaped so: a 400-institution workbook has ≈9 000 table figure cells, nearly all plain
 * numbers, and reading each through its row (`row.cells[key].cell.value`) costs more than the rules'
 * tests (cache misses on three objects per cell). The sheet's odd cells are already known from its one
 * scan (lib/text-cells.ts: text cells and odd values, a few dozen besides the labels), so each is looked
 * up in the table instead: its row and column say which bound cell it would be, and it is that figure
 * only if that bound cell holds this very cell object. Tables bind each row's cell at the row and the
 * column's sheet column (mapping/table-reader.ts), so no figure is missed; the identity check means no
 * other cell is taken for one. Cached on the model object (never across workbooks).
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
    const sheet = model.snapshot.sheets.find((s) => s.name === table.sheet);
    const keys = new Set([...def.columns.filter((c) => c.money).map((c) => c.key), ...(EXTRA_COLUMNS[def.id] ?? [])]);
    const columns = def.columns.filter((c) => keys.has(c.key) && table.columns.some((tc) => tc.key === c.key));
    if (!sheet || !columns.length) continue;
    // Field, description and kind per column, once (not a string per cell); columns by sheet column.
    const cols = columns.map((c) => {
      const field = `${def.id}.${c.key}`;
      const kind: FigureKind = c.money ? "money" : RATE_COLUMNS.has(field) ? "rate" : "number";
      return { key: c.key, field: { field, what: `${def.label}表的“${c.label}”`, kind } };
    });
    const bySheetCol = new Map<number, number[]>();
    cols.forEach((c, i) => {
      for (const tc of table.columns) if (tc.key === c.key) bySheetCol.set(tc.col, [...(bySheetCol.get(tc.col) ?? []), i]);
    });
    // The table rows at a sheet row, by binary search when the rows are in sheet order (as mapping
    // reads them): a Map of an array per row cost an allocation per table row, ≈ 8 000 at 2 000
    // institutions, to look up a few dozen odd cells. Rows out of order get that Map.
    const rows = table.rows;
    const span = rowSpan(rows);
    // The table's figure columns as a mask: several tables often share a sheet (收入, 支出, 三公, 资产
    // one under another), and most of its text cells are another table's, or a name column's.
    let lastCol = 0;
    for (const tc of table.columns) if (tc.col > lastCol) lastCol = tc.col;
    const figureCol = new Uint8Array(lastCol + 1);
    for (const col of bySheetCol.keys()) figureCol[col] = 1;
    let byRow: Map<number, number[]> | undefined;
    if (!span.sorted) {
      byRow = new Map<number, number[]>();
      for (let i = 0; i < rows.length; i++) {
        const list = byRow.get(rows[i].row);
        if (list) list.push(i);
        else byRow.set(rows[i].row, [i]);
      }
    }
    // (row index, column index) of each odd figure; sorted below into the table's row-by-row order.
    const hits: number[][] = [];
    const hit = (ri: number, cis: readonly number[], cell: CellSnapshot): void => {
      for (const ci of cis) if (rows[ri].cells[cols[ci].key]?.cell === cell) hits.push([ri, ci]);
    };
    const look = (row: number, col: number, cell: CellSnapshot): void => {
      const cis = bySheetCol.get(col);
      if (!cis) return;
      if (byRow) {
        for (const ri of byRow.get(row) ?? []) hit(ri, cis, cell);
        return;
      }
      // The first row at or below `row`, then every row at it (ascending, as the Map lists them).
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rows[mid].row < row) lo = mid + 1;
        else hi = mid;
      }
      for (let ri = lo; ri < rows.length && rows[ri].row === row; ri++) hit(ri, cis, cell);
    };
    const ix = cellIndex(sheet);
    const found = inTable(ix, ix.texts, span.top, span.bottom, figureCol, inTable(ix, ix.odd, span.top, span.bottom, figureCol, []));
    for (let k = 0; k < found.length; k++) look(ix.rows[found[k]], ix.cols[found[k]], ix.cells[found[k]]);
    hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (let h = 0; h < hits.length; h++) {
      const [ri, ci] = hits[h];
      // One cell object under two keys of the snapshot (`C11` and `c11`) is one figure.
      if (h > 0 && hits[h - 1][0] === ri && hits[h - 1][1] === ci) continue;
      out.push({ bound: table.rows[ri].cells[cols[ci].key], field: cols[ci].field, table });
    }
  }
  cache.set(model, out);
  return out;
}

/*
 * The two loops below run over every row of a table and every text cell of its sheet. They are small
 * functions of their own on purpose: V8 optimises a hot loop by compiling the whole function around it
 * (on-stack replacement), and when that function was oddFigures, with its closures and set-up, TurboFan
 * spent 60–125 ms compiling it, eight times over a bench run (deoptimised by the tables' different row
 * shapes). A small loop compiles in well under a millisecond; the set-up, run once per table, never needs
 * optimising.
 */

/** Whether a table's rows are in sheet order, and the first and last sheet row they span. */
function rowSpan(rows: readonly { readonly row: number }[]): { sorted: boolean; top: number; bottom: number } {
  let sorted = true;
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i].row;
    if (i > 0 && r < rows[i - 1].row) sorted = false;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
  }
  return { sorted, top, bottom };
}

/**
 * The cells of `list` (indexes into the sheet's cell index: its text or odd-value cells, as textCells
 * and oddValueCells list them) inside rows top…bottom and in a column marked in `figureCol`, appended to
 * `out`. Rows and columns come from the index's two typed arrays, not an object per cell.
 */
function inTable(ix: CellIndex, list: readonly number[], top: number, bottom: number, figureCol: Uint8Array, out: number[]): number[] {
  const { rows, cols } = ix;
  const width = figureCol.length;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const row = rows[i];
    const col = cols[i];
    if (row >= top && row <= bottom && col < width && figureCol[col] === 1) out.push(i);
  }
  return out;
}

/** Whether a cell is anything but a plain number (see {@link oddFigures}). */
function isOdd(cell: CellSnapshot): boolean {
  const v = cell.value;
  return typeof v !== "number" || cell.numberFormat !== undefined || isAbnormalNumber(v);
}
