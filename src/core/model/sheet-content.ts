/** A sheet of values to write whole (the narrative sheet): what the core hands to a host. */
export interface SheetContent {
  readonly name: string;
  /** Rows of cells: strings and numbers, null for empty. */
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Column widths in characters, optional. */
  readonly columnWidths?: readonly number[];
  /** 0-based row indexes shown as headings (bold). */
  readonly headingRows?: readonly number[];
  /**
   * Hide the sheet from the clerk: the pane's bookkeeping sheets (jx_ignore, jx_marks) travel with the
   * workbook but are not part of the report.
   */
  readonly hidden?: boolean;
}
