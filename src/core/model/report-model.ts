/**
 * The Report model: what mapping makes of a snapshot, and what rules, scoring and the narrative read.
 * Every value keeps the cell it came from, so every finding can point at it.
 */
import type { CellRef, CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
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
   * A category's own row carrying the subtotal of the rows under it (`一 | 公共卫生服务类` over projects
   * numbered 1, 2, 3 …): the sheet rows it sums. Such a row is no item of the list.
   */
  readonly subtotalOf?: readonly number[];
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
  /**
   * The money unit of a `单位：元` / `金额单位：万元` line just above the table's header (between its title
   * and its header), when one is written there: a table kept in its own unit that says so above it,
   * not in its headers.
   */
  readonly unitLine?: "元" | "万元";
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

/** A cell taking part in a declared relation, with the label a message shows for it. */
export interface RelationCell {
  readonly cell: BoundCell;
  /** Schema-like field id (`form.funds.total.adjusted`), for findings. */
  readonly field: string;
  /** Chinese label of the cell (`年度资金总额`, `其中：上年结转资金`). */
  readonly label: string;
  /** The name of the cell's row in a table of any rows (a 决算 table's `社会保险经办机构`), apart from `label`. */
  readonly row?: string;
}

/**
 * A `target = Σ ± terms` relation a form declares (the 其中 rows of 项目资金 against 年度资金总额, in
 * each column; a fund split; 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余). Checked by the
 * relations layer with rounding intervals, like the schema tables' relations.
 */
export interface DeclaredSum {
  /** Stable id: `mof-project:funds:total=parts:adjusted`. */
  readonly id: string;
  readonly sheet: string;
  /** What the relation is about, shown in messages (`全年预算数`, `按支出性质分`). */
  readonly where: string;
  readonly target: RelationCell;
  readonly terms: readonly (RelationCell & { readonly sign: 1 | -1 })[];
  /**
   * Points (分值, 得分), not money: each figure is the number stored, whatever the format shows (a 分值 of 10
   * shown “0” is 10, not 9.5 to 10.5) — points add up exactly.
   */
  readonly points?: boolean;
}

/** A declared rate relation: `rate = numerator ÷ denominator` (a 执行率 column of a funds block). */
export interface DeclaredRate {
  readonly id: string;
  readonly sheet: string;
  readonly where: string;
  readonly rate: RelationCell;
  readonly numerator: RelationCell;
  readonly denominator: RelationCell;
  /** The headers of the three columns as written (`执行率`, `全年执行数`, `全年预算数`), for messages. */
  readonly headers?: { readonly rate: string; readonly numerator: string; readonly denominator: string };
  /**
   * The rate column is headed in percent (`占比（%）`): a plain number is percent points (1.09 is 1.09%,
   * not 109%), and a fix writes percent points.
   */
  readonly percent?: boolean;
  /** A share (占比) of a total rather than a rate between two columns of its row: messages say so. */
  readonly share?: boolean;
}

/** A form detected on a sheet. */
export interface FormInstance {
  /** The form's id (`mof-project`, `dept-overall`, `project-summary` …). */
  readonly id: string;
  /** Its Chinese name (`项目支出绩效自评表（财政部）`). */
  readonly name: string;
  readonly sheet: string;
  /** The rows the form occupies when several forms are stacked on its sheet (first, last); absent: the whole sheet. */
  readonly rows?: readonly [number, number];
  /** What the form is about: one project, a whole department, a list of projects, 决算 tables. */
  readonly kind: "project" | "dept" | "summary" | "accounts";
  /** The 项目名称 written on the form (project forms), to match a 汇总 row with its sheet. */
  readonly projectName?: string;
  /** The evaluation year the form writes on its own sheet, and where. */
  readonly year?: number;
  readonly yearRef?: CellRef;
  /** The form's own headline figures (a project form's 全年预算数, 全年执行数, 执行率, 总分), to compare a 汇总 row with. */
  readonly figures?: {
    readonly budget?: BoundCell;
    readonly executed?: BoundCell;
    readonly rate?: BoundCell;
    readonly score?: BoundCell;
    /** The cells the 总分 adds up (执行率得分 and each indicator's 得分), to tell a wrong 总分 from a wrong 汇总 row. */
    readonly scoreParts?: readonly BoundCell[];
  };
  /** A 汇总 form's list of projects (its jx_projects rows), to pair each row with its project's own sheet. */
  readonly projects?: TableBinding;
  /** The sums the form declares on its own sheet (项目资金's 其中 rows …), to tell a figure its own sheet contradicts. */
  readonly relations?: readonly DeclaredSum[];
  /** Fields the form does not carry at all (so a missing one is a note, not an error). */
  readonly absent: readonly ScalarFieldId[];
  /** The model of this form's sheet (its own scalars and tables), when the workbook holds several forms. */
  readonly model?: ReportModel;
}

/** Whether two detected forms are the same one: the same sheet and, for stacked forms, the same rows. */
export function sameForm(a: Pick<FormInstance, "sheet" | "rows">, b: Pick<FormInstance, "sheet" | "rows"> | undefined): boolean {
  return b !== undefined && a.sheet === b.sheet && a.rows?.[0] === b.rows?.[0];
}

/**
 * A sheet the check leaves out, and why (the sheet-not-checked rule tells the clerk):
 * - `hidden` — its tab is hidden: the clerk cannot see it (last year's sheet kept out of sight). Its
 *   cells are still in the workbook: a visible formula that reads them keeps its cached value.
 * - `earlier-year` — a visible copy of a form for an earlier year than another form of the same kind in
 *   the workbook (`2022年自评表` beside this year's): last year's report, not this year's mistake.
 */
export interface SkippedSheet {
  readonly sheet: string;
  readonly reason: "hidden" | "earlier-year";
  /**
   * Whether the sheet holds a form or a table of the report (what the clerk is told about). A hidden
   * sheet of drop-down lists or notes is left out silently.
   */
  readonly holdsReport: boolean;
  /** earlier-year: the year the sheet is for, the year of the report, and the cell that says so. */
  readonly year?: number;
  readonly reportYear?: number;
  readonly at?: CellRef;
}

/** The mapped self-evaluation. */
export interface ReportModel {
  readonly snapshot: WorkbookSnapshot;
  readonly scalars: Readonly<Partial<Record<ScalarFieldId, ScalarBinding>>>;
  readonly tables: Readonly<Partial<Record<TableId, TableBinding>>>;
  /** From jx_money_unit, `万元` when absent. */
  readonly moneyUnit: MoneyUnit;
  readonly mapping: MappingInfo;
  /** The forms detected, one per sheet, in sheet order (absent when none was detected). */
  readonly forms?: readonly FormInstance[];
  /** The form this model reads (the first detected one for the workbook's model). */
  readonly form?: FormInstance;
  /** Relations declared by the detected forms, checked with the schema's own. */
  readonly relations?: readonly DeclaredSum[];
  readonly rates?: readonly DeclaredRate[];
  /** Declared rates left blank beside both their amounts (form-rate-matches: a gap in a filled column). */
  readonly rateGaps?: readonly DeclaredRate[];
  /**
   * The models to check when the workbook holds several forms that each carry their own figures (one
   * 项目支出绩效自评表 per sheet): each is checked on its own. Absent: check this model.
   */
  readonly parts?: readonly ReportModel[];
  /**
   * A workbook of several parts: its sheets without a form of their own (a report in paragraphs, which only
   * the first part holds) and the form each part checks, in part order. A paragraph there that names a
   * project is checked by that project's part (narrative/prose-projects.ts). Absent with one part.
   */
  readonly shared?: { readonly sheets: readonly SheetSnapshot[]; readonly forms: readonly FormInstance[] };
  /**
   * Sheets left out of the check (hidden ones, copies of an earlier year's forms), in tab order: no
   * rule reads them, and `snapshot` does not hold them. Absent when none.
   */
  readonly skipped?: readonly SkippedSheet[];
  /**
   * The workbook as read, skipped sheets included, when some were skipped: for what reads a sheet by its
   * name wherever it is (a bureau's 审核公式, a defined name pointing into a hidden sheet).
   */
  readonly whole?: WorkbookSnapshot;
}
