/**
 * The plain, read-only picture of a workbook that every host adapter produces and the core reads.
 * No library objects, no host handles: only data, so that the same engine runs in Excel, WPS and the CLI.
 */

/** A cell's (cached) value. Error values are carried in {@link CellSnapshot.error}, with `value` null. */
export type CellValue = string | number | boolean | null;

/** One non-empty cell. */
export interface CellSnapshot {
  /** The value as the host stores it (a formula's cached result). */
  readonly value: CellValue;
  /** The error text (`#REF!`, `#DIV/0!` …) when the cell holds an error value. */
  readonly error?: string;
  /** The formula without its leading `=`, when the cell holds one. */
  readonly formula?: string;
  /** The number format code (`0.00%`, `#,##0.00`), absent for `General`. */
  readonly numberFormat?: string;
  /**
   * Set by the .xlsx reader on a formula the file stores without its result and that jixiao could not
   * compute either (a function it lacks, another workbook's cell, a name it cannot read): its value is
   * unknown, not blank (src/hosts/xlsx/evaluate.ts, rule formula-not-computed).
   */
  readonly uncomputed?: true;
}

/**
 * Whether a sheet's tab shows: `hidden` (the clerk can unhide it: 右键 → 取消隐藏) or `veryHidden` (only code
 * can show it again).
 */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** Rows or columns as one run, 1-based and inclusive: `[17, 17]` is row 17 alone, `[5, 9]` five rows. */
export type LineRun = readonly [first: number, last: number];

/** One worksheet: its non-empty cells keyed by A1 address without `$` (`"C11"`). */
export interface SheetSnapshot {
  readonly name: string;
  readonly cells: Readonly<Record<string, CellSnapshot>>;
  /** Merged areas as A1 ranges (`"A5:A9"`). */
  readonly merges: readonly string[];
  /** How the sheet's tab shows; absent when it is visible (readers leave `"visible"` out). */
  readonly visibility?: SheetVisibility;
  /**
   * Hidden rows among the rows of the sheet's cells (first to last non-empty row): ascending runs that
   * neither overlap nor touch, absent when none is hidden. Runs, not one flag per cell or row: a sheet
   * that hides every row below its form is one run (see model/hidden.ts).
   */
  readonly hiddenRows?: readonly LineRun[];
  /** Hidden columns among the columns of the sheet's cells, as {@link hiddenRows}. */
  readonly hiddenCols?: readonly LineRun[];
}

/** A defined name, kept with its scope. */
export interface DefinedName {
  readonly name: string;
  /** What the name refers to, as written without `=`: `收支情况!$C$11`, `'Sheet 1'!$A$1:$B$4`, `0.2`. */
  readonly refersTo: string;
  /** The sheet a sheet-scoped (local) name belongs to; absent for workbook scope. */
  readonly scope?: string;
}

/** The whole workbook as the engine sees it. */
export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly DefinedName[];
  /**
   * The file asks to be recalculated when opened (`<calcPr fullCalcOnLoad="1"/>`): its formulas' stored
   * results are not what Excel, WPS or LibreOffice will show (a generator's placeholder 0, or stale after
   * edits), and the .xlsx reader computes them afresh.
   */
  readonly recalcOnOpen?: boolean;
}

/** A single cell in the workbook: sheet name plus A1 address without `$`. */
export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}
