/**
 * What each mapping strategy (by names, by labels) hands back to mapWorkbook.
 */
import type { MappingProblem, ScalarBinding, TableBinding } from "../model/report-model";
import type { ScalarFieldId, TableId } from "../schema/fields";
import type { Area } from "../model/address";
import { gridOf, type SheetGrid } from "./grid";
import type { WorkbookSnapshot } from "../model/snapshot";

/** The bindings a strategy found. */
export interface MappingResult {
  readonly scalars: Partial<Record<ScalarFieldId, ScalarBinding>>;
  readonly tables: Partial<Record<TableId, TableBinding>>;
  /** Each table's rectangle, header rows included (what 保存为名称 would name). */
  readonly areas: Partial<Record<TableId, Area>>;
  readonly problems: MappingProblem[];
}

/** An empty result to fill. */
export function emptyResult(): MappingResult {
  return { scalars: {}, tables: {}, areas: {}, problems: [] };
}

/** Index every sheet of a snapshot (once per sheet object: see {@link gridOf}). */
export function gridsOf(snapshot: WorkbookSnapshot): SheetGrid[] {
  return snapshot.sheets.map(gridOf);
}

/** The grid of a sheet by name: exact first, then case-insensitively (as Excel compares sheet names). */
export function findGrid(grids: readonly SheetGrid[], sheet: string): SheetGrid | undefined {
  return grids.find((g) => g.name === sheet) ?? grids.find((g) => g.name.toLowerCase() === sheet.toLowerCase());
}
