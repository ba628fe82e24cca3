/**
 * Mapping: snapshot → ReportModel, by defined names, else by reading labels (auto-map).
 * PLACEHOLDER — replaced by the mapping implementation.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import type { ReportModel } from "../model/report-model";

/** Map a workbook snapshot onto the schema. */
export function mapWorkbook(snapshot: WorkbookSnapshot): ReportModel {
  return {
    snapshot,
    scalars: {},
    tables: {},
    moneyUnit: "万元",
    mapping: { found: 0, missingScalars: [], missingTables: [], problems: [] },
  };
}
