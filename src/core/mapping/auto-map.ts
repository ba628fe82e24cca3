/**
 * Auto-map: a workbook without `jx_` names is mapped by reading its labels.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import type { MoneyUnit } from "../model/report-model";
import type { SheetGrid } from "./grid";
import { emptyResult, type MappingResult } from "./types";

/** What auto-map found, plus a money unit read from table titles (`（万元）`). */
export interface AutoMapResult {
  readonly result: MappingResult;
  readonly titleUnit?: MoneyUnit;
}

/** Map a workbook by its labels. */
export function autoMap(_snapshot: WorkbookSnapshot, _grids: readonly SheetGrid[]): AutoMapResult {
  return { result: emptyResult() };
}
