/**
 * Mapping: snapshot → ReportModel, by defined names (`jx_…`, the contract), else by reading the
 * sheet's labels (auto-map). Every bound value keeps the cell it came from.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import type { MoneyUnit, ReportModel, TableBinding } from "../model/report-model";
import { SCALAR_FIELDS, TABLES } from "../schema/fields";
import { indexToCol, quoteSheet, type Area } from "../model/address";
import { cellText } from "./grid";
import { hasContractNames, mapByNames } from "./by-name";
import { autoMap } from "./auto-map";
import { gridsOf, type MappingResult } from "./types";

export { hasContractNames } from "./by-name";

/** Table rectangles (header rows included) of the models this module built, for {@link suggestNames}. */
const tableAreas = new WeakMap<TableBinding, Area>();

/** The money unit written in jx_money_unit: `元` or `万元` (the default). */
function moneyUnitOf(result: MappingResult, fallback: MoneyUnit | undefined): MoneyUnit {
  const text = cellText(result.scalars.jx_money_unit?.cell).replace(/\s/g, "");
  if (text.includes("万元")) return "万元";
  if (text.includes("元")) return "元";
  return fallback ?? "万元";
}

/** Sheets written by the add-in, skipped by auto-map. */
export const ADDIN_SHEETS: ReadonlySet<string> = new Set(["评价报告综述", "jx_ignore", "jx_marks"]);

/**
 * Map a workbook snapshot onto the schema of the contract.
 *
 * A workbook with at least one `jx_` name is mapped by its names only; one without is mapped by its
 * labels (auto-map, `source: "label"`). Problems (a name pointing at `#REF!`, a table without a
 * required column …) are collected in `mapping.problems`, never thrown.
 *
 * @param snapshot - the workbook as read by a host
 * @returns the model: scalars and tables bound to their cells, the money unit, what was found
 * @example
 *   const model = mapWorkbook(snapshot);
 *   model.scalars.jx_executed?.ref; // { sheet: "收支情况", address: "C11" }
 *   model.tables.jx_income?.rows.find((r) => r.isSummary)?.cells.total.ref;
 */
export function mapWorkbook(snapshot: WorkbookSnapshot): ReportModel {
  const grids = gridsOf(snapshot);
  const byName = hasContractNames(snapshot);
  // Sheets the add-in writes itself (the narrative, ignores, saved marks) are never read as the clerk's labels:
  // a regenerated 综述 must not rebind 存在的主要问题 to its own copy.
  const auto = byName ? undefined : autoMap(snapshot, grids.filter((g) => !ADDIN_SHEETS.has(g.name)));
  const result = auto ? auto.result : mapByNames(snapshot, grids);
  for (const def of TABLES) {
    const table = result.tables[def.id];
    const area = result.areas[def.id];
    if (table && area) tableAreas.set(table, area);
  }
  const missingScalars = SCALAR_FIELDS.filter((f) => !result.scalars[f.id]).map((f) => f.id);
  const missingTables = TABLES.filter((t) => !result.tables[t.id]).map((t) => t.id);
  return {
    snapshot,
    scalars: result.scalars,
    tables: result.tables,
    moneyUnit: moneyUnitOf(result, auto?.titleUnit),
    mapping: {
      found: Object.keys(result.scalars).length + Object.keys(result.tables).length,
      missingScalars,
      missingTables,
      problems: result.problems,
    },
  };
}

/** `$C$11` / `$A$3:$H$9` for an area. */
function absolute(area: Area): string {
  const a = `$${indexToCol(area.start.col)}$${area.start.row}`;
  const b = `$${indexToCol(area.end.col)}$${area.end.row}`;
  return a === b ? a : `${a}:${b}`;
}

/**
 * The defined names a clerk could save for what auto-map found (保存为名称): each scalar as its
 * single cell, each table as its rectangle including the header rows. Fields already bound by name
 * are left out.
 *
 * @param model - from {@link mapWorkbook}
 * @returns names with absolute, sheet-qualified references, in contract order
 * @example
 *   suggestNames(model); // [{ name: "jx_unit_name", ref: "封面!$B$3" }, { name: "jx_income", ref: "收支情况!$A$5:$G$10" }]
 */
export function suggestNames(model: ReportModel): { name: string; ref: string }[] {
  const out: { name: string; ref: string }[] = [];
  for (const f of SCALAR_FIELDS) {
    const s = model.scalars[f.id];
    if (!s || s.source !== "label") continue;
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(s.ref.address) ?? [];
    if (col === undefined) continue;
    out.push({ name: f.id, ref: `${quoteSheet(s.ref.sheet)}!$${col}$${row}` });
  }
  for (const def of TABLES) {
    const t = model.tables[def.id];
    if (!t || t.source !== "label") continue;
    const area = tableAreas.get(t) ?? fallbackArea(t);
    out.push({ name: def.id, ref: `${quoteSheet(t.sheet)}!${absolute(area)}` });
  }
  return out;
}

/** A table's rectangle from the binding alone (models not built here): last header row to last row. */
function fallbackArea(t: TableBinding): Area {
  const cols = t.columns.map((c) => c.col);
  const last = t.rows.length ? t.rows[t.rows.length - 1].row : t.headerRow;
  return { start: { row: t.headerRow, col: Math.min(...cols) }, end: { row: last, col: Math.max(...cols) } };
}
