/**
 * A form is data: the labels that anchor it, its label/value fields, its 2-D blocks (项目资金, the
 * funds of a 部门整体 form, the 决算 总表), the schema tables it holds, and the relations its figures
 * obey. `readForm` reads any declaration; adding a form is adding a file (docs/forms.md).
 */
import type { FormInstance } from "../model/report-model";
import type { ScalarFieldId, TableId } from "../schema/fields";

/** Labels that name one thing, in the order tried (normalised when compared). */
export type Labels = readonly string[];

/** A label/value field of a form: `填报单位：某某局`, `项目名称 | 某某项目`. */
export interface FieldDecl {
  readonly field: ScalarFieldId;
  /** Labels in priority order: the first label found with a value wins. */
  readonly labels: Labels;
}

/** A column of a 2-D block, found by its header. */
export interface GridColumn {
  readonly key: string;
  readonly labels: Labels;
  readonly kind: "money" | "rate" | "number";
  /** The name its cells go by in messages and prose when the header is a bare 合计 (`“三公”经费支出`). */
  readonly name?: string;
}

/** A row of a 2-D block, found by its label (`其中：上年结转资金`). */
export interface GridRow {
  readonly key: string;
  readonly labels: Labels;
  /** Shown in messages (`上年结转资金`). */
  readonly name: string;
}

/**
 * A 2-D block: rows found by label × columns found by header (`matrix`), rows whose single value
 * sits to the right of the label (`pairs`: the 收入支出决算总表's 项目 | 金额 pairs, side by side), or a
 * table of any rows under declared columns, closed by a 合计 row (`table`: the 收入决算表, 支出决算表 by
 * 功能分类; `rows` is then empty).
 */
export interface GridDecl {
  readonly id: string;
  readonly name: string;
  readonly mode: "matrix" | "pairs" | "table";
  /** matrix: the columns (at least two must be found on one header row). pairs: one column, `amount`. */
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  /** Cells that feed schema scalars: 年度资金总额 × 全年预算数 → jx_budget_adjusted. */
  readonly bind?: readonly { readonly row: string; readonly column: string; readonly field: ScalarFieldId }[];
}

/** A schema table on the form, with the form's own header words. */
export interface TableDecl {
  readonly table: TableId;
  /** Extra header labels by column key (`name: ["项目", "科目名称"]`). */
  readonly aliases?: Readonly<Record<string, Labels>>;
  /** The table may hold blank rows (a printed form's spacing): they do not end it. */
  readonly blankRowsInside?: boolean;
  /**
   * The header labels of the table's first column that open it on this form, instead of the schema's
   * (a 部门整体 form's 重点项目 list opens at `重点项目名称` / `项目名称`, never at a funds block headed `项目`).
   */
  readonly startLabels?: Labels;
  /**
   * Labels that end the table when a row opens with one (a list with no 合计 row followed by the form's next
   * block: `年度总体目标`, `一级指标`).
   */
  readonly stopLabels?: Labels;
}

/**
 * A relation among a block's cells: in each listed column, `total = Σ parts` (a part written `-key`
 * is subtracted), or a rate column `rate = numerator ÷ denominator` on each listed row.
 */
export type RelationDecl =
  | {
      readonly kind: "sum";
      readonly grid: string;
      readonly total: string;
      readonly parts: readonly string[];
      readonly columns: readonly string[];
      /** The relation in words, for messages (`按支出性质分`). */
      readonly name: string;
      /** Left out when any of these rows is on the form (a balance implied by the 总计 rows). */
      readonly unless?: readonly string[];
    }
  | { readonly kind: "rate"; readonly grid: string; readonly rate: string; readonly numerator: string; readonly denominator: string; readonly rows: readonly string[] }
  /**
   * On every row (合计 included), column `total` = Σ columns `parts`. `whole`: only where every part's
   * column is found (本年决算数 = 上年决算数 + 增减额 means nothing on a block with no 上年 column).
   */
  | { readonly kind: "across"; readonly grid: string; readonly total: string; readonly parts: readonly string[]; readonly name: string; readonly whole?: boolean }
  /**
   * A share column (占比, 比重): on the `total` row and each of `rows`, `share` = the row's `amount` ÷ the
   * `total` row's `amount`. `within`: a 其中 row whose share may be of its parent row instead (人员经费 of
   * 基本支出): the parent is its denominator when the share as written is the row over the parent.
   */
  | {
      readonly kind: "share";
      readonly grid: string;
      readonly share: string;
      readonly amount: string;
      readonly total: string;
      readonly rows: readonly string[];
      readonly within?: Readonly<Record<string, string>>;
    }
  /**
   * pairs mode: the total = Σ the lines written above it in its own label column, up to the header (the
   * 总表's 支出 side lists 功能分类 lines a form cannot name in advance: 一、一般公共服务支出 …).
   */
  | { readonly kind: "above"; readonly grid: string; readonly total: string; readonly name: string }
  /** table mode: in each listed column, the 合计 row = Σ the other rows (the top level of a 科目编码 hierarchy). */
  | { readonly kind: "down"; readonly grid: string; readonly columns: readonly string[] };

/** A cell of a form's block: grid id, row key (`total` for a table's 合计 row), column key (`amount` for pairs). */
export interface CellPath {
  /** Another form read in the same workbook (its id); this form when absent. */
  readonly form?: string;
  readonly grid: string;
  readonly row: string;
  readonly column: string;
}

/**
 * A relation across the forms of one workbook (决算 tables that repeat each other's totals): `target =
 * Σ terms`, checked when every cell is found (a form missing from the workbook drops the link).
 */
export interface LinkDecl {
  readonly name: string;
  readonly target: CellPath;
  readonly terms: readonly CellPath[];
}

/**
 * Lines that repeat another table's rows, matched by name (numbering and 科目编码 aside): each line above
 * `lines.total` in a pairs block = the row of the same name in a table block's `rows.column` (the 总表's
 * 一、社会保障和就业支出 = the 支出决算表's 208 社会保障和就业支出).
 */
export interface RowsLinkDecl {
  readonly name: string;
  readonly lines: { readonly form?: string; readonly grid: string; readonly total: string };
  readonly rows: { readonly form?: string; readonly grid: string; readonly column: string };
}

/** A form declaration. */
export interface FormDecl {
  readonly id: string;
  /** Chinese name, shown in the pane and in `check` output. */
  readonly name: string;
  readonly kind: FormInstance["kind"];
  /**
   * Detection: each anchor is a set of labels (any one of them counts). A sheet matches when at
   * least `minAnchors` anchors are found among its cells; the form with most anchors found wins, then
   * the higher `priority` (a provincial variant above the national form it extends).
   */
  readonly anchors: readonly Labels[];
  readonly minAnchors: number;
  /** Anchors that must all be found (besides the count): what no other form has. */
  readonly requires?: readonly Labels[];
  /** Labels that rule the form out (the 四川 columns for the national form). */
  readonly excludes?: Labels;
  readonly priority?: number;
  /**
   * The scoring profile (scoring/profiles) the form is graded by when the workbook names none in
   * jx_profile: a province's own form carries its province's split of the points (四川: 预算执行情况 10,
   * 绩效指标 90).
   */
  readonly profile?: string;
  /** Read by the labels auto-map of the schema (seed 000's 湖南 layout) rather than by declaration. */
  readonly legacy?: boolean;
  readonly fields: readonly FieldDecl[];
  readonly grids: readonly GridDecl[];
  readonly tables: readonly TableDecl[];
  readonly relations: readonly RelationDecl[];
  /** Relations with the cells of other forms in the same workbook (a 决算 table's 合计 = the 总表's line). */
  readonly links?: readonly LinkDecl[];
  readonly rowLinks?: readonly RowsLinkDecl[];
}
