/**
 * The Report model: what mapping makes of a snapshot, and what rules, scoring and the narrative read.
 * Every value keeps the cell it came from, so every finding can point at it.
 */
import type { CellRef, CellSnapshot, WorkbookSnapshot } from "./snapshot";
import type { ScalarFieldId, TableId } from "../schema/fields";

/** How a field or table was found. */
export type MappingSource = "name" | "label";

/** The workbook's money unit. */
export type MoneyUnit = "元" | "万元";

/** One cell bound to a schema field. */
export interface BoundCell {
  readonly ref: CellRef;
  /** Undefined when the cell is empty. */
  readonly cell?: CellSnapshot;
}

/** A scalar field found in the workbook. */
export interface ScalarBinding extends BoundCell {
  readonly id: ScalarFieldId;
  readonly source: MappingSource;
}

/** A table column found by its header. */
export interface TableColumn {
  readonly key: string;
  /** The header text as written in the workbook. */
  readonly header: string;
  /** 1-based column index on the sheet. */
  readonly col: number;
}

/** One data row of a table (blank rows are skipped). */
export interface TableRow {
  /** 1-based row index on the sheet. */
  readonly row: number;
  /** Cells by column key; every found column has an entry, empty cells have no `cell`. */
  readonly cells: Readonly<Record<string, BoundCell>>;
  /** The 汇总/合计 row of a money table. */
  readonly isSummary: boolean;
  /**
   * For jx_indicators / jx_score_summary: 一级/二级 carried down from the rows above when blank
   * (merged cells), so that every row knows its group.
   */
  readonly level1?: string;
  readonly level2?: string;
}

/** A table found in the workbook. */
export interface TableBinding {
  readonly id: TableId;
  readonly source: MappingSource;
  readonly sheet: string;
  /** The last header row (1-based); data rows start below it. */
  readonly headerRow: number;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/** What mapping found and did not find. */
export interface MappingInfo {
  readonly found: number;
  readonly missingScalars: readonly ScalarFieldId[];
  readonly missingTables: readonly TableId[];
  /** Problems met while mapping (a name pointing at `#REF!`, a table without required columns …). */
  readonly problems: readonly MappingProblem[];
}

/** A problem met while mapping, reported by the `mapping-problem` rule. */
export interface MappingProblem {
  readonly code: "broken-name" | "missing-column" | "ambiguous" | "not-a-table";
  readonly target: string;
  readonly detail: string;
  readonly ref?: CellRef;
}

/** The mapped self-evaluation. */
export interface ReportModel {
  readonly snapshot: WorkbookSnapshot;
  readonly scalars: Readonly<Partial<Record<ScalarFieldId, ScalarBinding>>>;
  readonly tables: Readonly<Partial<Record<TableId, TableBinding>>>;
  /** From jx_money_unit, `万元` when absent. */
  readonly moneyUnit: MoneyUnit;
  readonly mapping: MappingInfo;
}
