/**
 * The bureau template as data: sheets, cells, roles, names, formats and validations. A writer
 * (the CLI's exceljs writer) turns it into an .xlsx; tests turn it into a WorkbookSnapshot.
 */

/** Which template: 部门整体支出 (with the 收支 tables) or 项目支出. */
export type TemplateKind = "dept" | "project";

/**
 * What a cell is for. `input` cells are typed by the clerk (light yellow), `computed` cells hold a
 * formula the clerk should not overwrite (grey); the rest are layout.
 */
export type CellRole = "title" | "section" | "label" | "header" | "input" | "computed" | "note";

/** One cell of the template. */
export interface TemplateCell {
  /** A1 address without `$`. */
  readonly address: string;
  readonly role: CellRole;
  /** A pre-filled value (labels, defaults such as `万元`). */
  readonly value?: string | number;
  /** A formula without the leading `=` (computed cells). */
  readonly formula?: string;
  readonly numberFormat?: string;
  /** Wrap text (long labels, narrative inputs). */
  readonly wrap?: boolean;
}

/** A list validation (drop-down) on one cell or a range. */
export interface TemplateValidation {
  /** `"D8"` or `"D8:D42"`. */
  readonly range: string;
  readonly list: readonly string[];
  /** A short Chinese prompt shown when the cell is selected. */
  readonly prompt?: string;
}

/** One sheet of the template. */
export interface TemplateSheet {
  readonly name: string;
  readonly cells: readonly TemplateCell[];
  /** Merged areas (`"A8:A27"`). */
  readonly merges: readonly string[];
  readonly validations: readonly TemplateValidation[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Row heights in points by 1-based row. */
  readonly rowHeights: Readonly<Record<number, number>>;
  /** A hidden sheet (jx_rules: the bureau's 审核公式). */
  readonly hidden?: boolean;
}

/** A workbook-scoped defined name of the contract. */
export interface TemplateName {
  /** `jx_…`. */
  readonly name: string;
  /** Sheet-qualified absolute reference without `=`: `收支情况!$A$3:$G$8`. */
  readonly refersTo: string;
}

/** The fills of the roles, `#RRGGBB`. */
export interface TemplatePalette {
  readonly input: string;
  readonly computed: string;
  readonly header: string;
}

/** The whole template. */
export interface WorkbookTemplate {
  readonly kind: TemplateKind;
  /** The profile whose groups and weights pre-fill the indicators. */
  readonly profileId: string;
  readonly sheets: readonly TemplateSheet[];
  readonly names: readonly TemplateName[];
  readonly palette: TemplatePalette;
}
