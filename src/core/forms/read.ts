/**
 * Read one sheet by a form declaration: label/value fields (also `标签：值` written in one cell), the 2-D
 * blocks, the schema tables (blank rows inside kept), the 总分 row, and the relations the form declares,
 * each cell bound to where it is. Pure: a SheetGrid in, plain bindings out.
 */
import type { CellSnapshot } from "../model/snapshot";
import type { BoundCell, DeclaredRate, DeclaredSum, MoneyUnit, RelationCell, ScalarBinding, TableRow } from "../model/report-model";
import { normalizeLabel, tableDef, type ColumnDef, type ScalarFieldId, type TableDef } from "../schema/fields";
import { toA1, type Area } from "../model/address";
import { cellText, isBlank, isNumberLike, type SheetGrid } from "../mapping/grid";
import { readTable } from "../mapping/table-reader";
import { isTitleRow, tableEnd } from "../mapping/auto-map";
import { emptyResult, type MappingResult } from "../mapping/types";
import type { CellPath, FieldDecl, FormDecl, GridDecl } from "./types";
import { IDENTITY_FIELDS } from "./common";
import { toHalfWidth } from "../units";
import { parseCell } from "../units/parse";

/** What reading a sheet by a form gives. */
export interface FormRead {
  readonly form: FormDecl;
  readonly sheet: string;
  readonly result: MappingResult;
  readonly relations: DeclaredSum[];
  readonly rates: DeclaredRate[];
  /** Declared rates whose cell is blank beside both amounts (a line's 执行率 not filled in). */
  readonly rateGaps: DeclaredRate[];
  readonly moneyUnit?: MoneyUnit;
  /** The blocks' rectangles (header to last row), where no other table is to be read. */
  readonly blocks: Area[];
  /** A cell of a found block, for the links between forms ({@link linkRelations}). */
  readonly cellOf: (grid: string, row: string, column: string) => RelationCell | undefined;
  /** The lines above a pairs total (FormDecl.rowLinks), labelled as written. */
  readonly linesOf: (grid: string, total: string) => RelationCell[];
  /** A table block's rows (合计 aside) in one column, labelled by their names. */
  readonly rowsOf: (grid: string, column: string) => RelationCell[];
}

/** A label as compared: normalised, without 其中 or a split's heading (`按收入性质分：`), brackets' content (`（万元）`, `（A）`) or a closing colon. */
export function labelKey(text: string): string {
  // Asked of most text cells, several times: each pass runs only when its first character test says
  // it can change the text (a bracket, a leading 按 or 其中, a trailing colon).
  let k = normalizeLabel(text);
  if (k.includes("(") || k.includes("（")) k = k.replace(/[(（][^)）]*[)）]/g, "");
  // A split's heading written in its first row's cell (`按收入性质分：一般公共预算财政拨款`) labels that row.
  if (k.startsWith("按")) k = k.replace(/^按[^:：]{1,8}[:：]/, "");
  if (k.startsWith("其中")) k = normalizeLabel(k.slice(2).replace(/^[:：,，、]/, ""));
  const last = k.charCodeAt(k.length - 1);
  return last === 0x3a || last === 0xff1a ? k.replace(/[:：]+$/, "") : k;
}

/** Whether a cell's text is a dash or a word for "nothing" (`—`, `-`, `/`, `无`): an unused cell. */
export function isDash(cell: CellSnapshot | undefined): boolean {
  return typeof cell?.value === "string" && /^[\s—–\-－―─/／\\、]*$|^(?:无|不适用)$/.test(cell.value.trim()) && cell.value.trim() !== "";
}

/** The longest label of `labels` that a text of label key `k` is (or starts with); 0 when none. */
function keyMatch(k: string, labels: readonly string[]): number {
  if (!k) return 0;
  let best = 0;
  for (const l of labels) {
    const lk = declaredKey(l);
    if (lk && (k === lk || (k.startsWith(lk) && k.length - lk.length <= 6)) && lk.length > best) best = lk.length;
  }
  return best;
}

/**
 * The label key of a label the forms declare, computed once per label: the forms' labels are a fixed
 * vocabulary (never a workbook's text), compared against every text cell. Bounded all the same.
 */
const declaredKeys = new Map<string, string>();
function declaredKey(label: string): string {
  let k = declaredKeys.get(label);
  if (k === undefined) {
    k = labelKey(label);
    if (declaredKeys.size < 10000) declaredKeys.set(label, k);
  }
  return k;
}

/** A text cell of a sheet. */
interface TextCell {
  readonly row: number;
  readonly col: number;
  readonly cell: CellSnapshot;
  readonly text: string;
}

/** Each grid's non-blank text cells in row, then column order (built once per grid, i.e. per sheet object). */
const textCellsOf = new WeakMap<SheetGrid, TextCell[]>();

/**
 * A sheet's text cells, top to bottom and left to right. Fields are searched label by label over them:
 * walking this list, rather than every row's columns and cells, skips the figures and the lookups.
 */
function textCells(grid: SheetGrid): TextCell[] {
  let list = textCellsOf.get(grid);
  if (list === undefined) {
    list = [];
    for (const row of grid.rowNumbers) {
      for (const col of grid.colsIn(row)) {
        const cell = grid.cell(row, col);
        if (cell !== undefined && typeof cell.value === "string") list.push({ row, col, cell, text: cell.value });
      }
    }
    textCellsOf.set(grid, list);
  }
  return list;
}

/**
 * The label key of a text of `grid`, once per sheet: the blocks' searches ask it of the same header
 * and row texts once per declared block and column.
 */
function keyIn(grid: SheetGrid, text: string): string {
  return grid.memo(labelKey, text);
}

/** A bound cell at (row, col): dashes read as blank (an unused cell counts as nothing). */
function boundAt(grid: SheetGrid, row: number, col: number): BoundCell {
  const b = grid.bound(row, col);
  return b.cell !== undefined && isDash(b.cell) ? { ref: b.ref } : b;
}

/** Labels of the total row that closes an indicator table. */
const TOTAL_ROW_LABELS = new Set(["总分", "合计", "总计", "得分合计", "综合得分", "自评总分", "总得分"]);

/** The first filled text of a row, as a label key. */
function firstText(grid: SheetGrid, row: number): string {
  const c = grid.colsIn(row)[0];
  return c === undefined ? "" : labelKey(cellText(grid.cell(row, c)));
}

// ---------------------------------------------------------------------------------------------------
// Fields

/** Every label any identity field may have, to stop a `标签：值` value at the next label. */
function allFieldLabels(form: FormDecl): string[] {
  return form.fields.flatMap((f) => f.labels).sort((a, b) => b.length - a.length);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `label：` patterns by label, compiled once (labels come from the form declarations). */
const inlinePatterns = new Map<string, { readonly first: RegExp; readonly next: RegExp }>();
function inlinePattern(label: string): { readonly first: RegExp; readonly next: RegExp } {
  let p = inlinePatterns.get(label);
  if (p === undefined) {
    const l = escape(label);
    p = { first: new RegExp(`(?:^|[\\s，,；;])${l}\\s*(?:[(（][^)）]{0,6}[)）])?\\s*[:：]`), next: new RegExp(`(?:^|\\s)${l}\\s*(?:[(（][^)）]{0,6}[)）])?\\s*[:：]`) };
    if (inlinePatterns.size < 10000) inlinePatterns.set(label, p);
  }
  return p;
}

/** `label：value` inside a text (start of the text or after a space): the value, "" when empty. */
function inlineValue(text: string, label: string, others: readonly string[]): string | undefined {
  // Asked of every text cell for every label: a text without the label or without a colon cannot
  // match (a label holding a space aside, since U+3000 reads as one below).
  if (!text.includes(":") && !text.includes("：")) return undefined;
  if (!text.includes(label) && !label.includes(" ")) return undefined;
  const t = text.replace(/\u3000/g, " ");
  const m = inlinePattern(label).first.exec(t);
  if (!m) return undefined;
  let rest = t.slice(m.index + m[0].length);
  // Cut at the next `label：` (填报单位：某某局    填报日期：2022年1月).
  let cut = rest.length;
  for (const o of others) {
    const r = inlinePattern(o).next.exec(rest);
    if (r && r.index < cut) cut = r.index;
  }
  rest = rest.slice(0, cut);
  // `填报单位：（盖章）某某局`, `填报单位：某某局（盖章）`: the stamp's place is no part of the name.
  return rest
    .trim()
    .replace(/^[(（]\s*(?:盖章|公章|签章|印章|签字|签名)\s*[)）]\s*/, "")
    .replace(/\s*[(（]\s*(?:盖章|公章|签章|印章|签字|签名)\s*[)）]$/, "");
}

/** Whether a cell's text is any label of the form (a field's, a grid's or a table column's). */
function isFormLabel(text: string, vocabulary: ReadonlySet<string>): boolean {
  const k = labelKey(text);
  return k !== "" && vocabulary.has(k);
}

function formVocabulary(form: FormDecl): Set<string> {
  const v = new Set<string>();
  for (const f of form.fields) for (const l of f.labels) v.add(labelKey(l));
  for (const g of form.grids) for (const x of [...g.columns, ...g.rows]) for (const l of x.labels) v.add(labelKey(l));
  for (const t of form.tables) for (const c of tableDef(t.table).columns) for (const l of [c.label, ...c.aliases]) v.add(labelKey(l));
  return v;
}

/** A form's vocabulary and field labels, derived once per declaration (forms are constants). */
const formWords = new WeakMap<FormDecl, { readonly vocabulary: ReadonlySet<string>; readonly others: readonly string[] }>();
function wordsOf(form: FormDecl): { readonly vocabulary: ReadonlySet<string>; readonly others: readonly string[] } {
  let w = formWords.get(form);
  if (w === undefined) {
    w = { vocabulary: formVocabulary(form), others: allFieldLabels(form) };
    formWords.set(form, w);
  }
  return w;
}

/** A short label, a colon and a value in one cell: `填报日期：2025年3月10日`, `联系电话：0314-1234567`. */
const LABEL_AND_VALUE = /^[^:：\d]{2,12}[:：]\s*\S/;

/** The value cell right of a label at (row, col): the first filled cell before the next label. */
function valueRight(grid: SheetGrid, row: number, col: number, vocabulary: ReadonlySet<string>): BoundCell {
  const end = grid.merge(row, col)?.end.col ?? col;
  for (const c of grid.colsIn(row, end + 1, end + 8)) {
    const cell = grid.cell(row, c);
    if (isBlank(cell)) continue;
    // Another label, or another label with its value (`填报日期：2025年3月10日` after a blank 评价等次).
    if (typeof cell?.value === "string" && (isFormLabel(cell.value, vocabulary) || LABEL_AND_VALUE.test(cell.value))) break;
    return { ref: { sheet: grid.name, address: grid.address(row, c) }, cell };
  }
  return { ref: { sheet: grid.name, address: grid.address(row, end + 1) } };
}

function binding(id: ScalarFieldId, b: BoundCell): ScalarBinding {
  return b.cell ? { id, ref: b.ref, cell: b.cell, source: "label" } : { id, ref: b.ref, source: "label" };
}

/** Read one field: `label | value`, or `label：value` in one cell. */
function readField(grid: SheetGrid, field: FieldDecl, others: readonly string[], vocabulary: ReadonlySet<string>, tables: readonly Area[] = [], maxText = 200): ScalarBinding | undefined {
  let blank: ScalarBinding | undefined;
  const cells = textCells(grid);
  for (const label of field.labels) {
    const key = declaredKey(label);
    const rest = others.filter((o) => o !== label);
    for (const t of cells) {
      const { row, col, text } = t;
      if (text.length > maxText) continue;
      // A table's header (a 汇总 with a 主管部门 column) is no label of a field.
      if (tables.some((a) => row >= a.start.row && row <= a.end.row && col >= a.start.col && col <= a.end.col)) continue;
      if (keyIn(grid, text) === key && !/[:：]\s*\S/.test(text)) {
        const b = binding(field.field, valueRight(grid, row, col, vocabulary));
        // A conclusion beside 自评结论 is the grade only when it states one (`良`, `优秀（92分）`), not a paragraph.
        // Left blank, it is the grade's cell when the label says so (自评结论（等级）).
        if (field.field === "jx_grade" && CONCLUSION_LABELS.has(label) && !(b.cell ? gradeWord(String(b.cell.value ?? "")) : /等级|等次/.test(text))) continue;
        if (b.cell) return b;
        // `评价年度：` across a merged line: the value belongs in that same cell.
        const m = grid.merge(row, col);
        blank ??= /[:：]\s*$/.test(text) && m && m.end.col > m.start.col ? { id: field.field, ref: { sheet: grid.name, address: grid.address(row, col) }, source: "label" } : b;
        continue;
      }
      const inline = inlineValue(text, label, rest);
      if (inline === undefined) continue;
      if (field.field === "jx_grade" && CONCLUSION_LABELS.has(label) && !gradeWord(inline)) continue;
      // A note stating the scale (`评价等级：90分（含）以上为优，80（含）-90分为良…`) is no grade written.
      if (field.field === "jx_grade" && inline !== "" && !gradeLike(inline)) continue;
      const ref = { sheet: grid.name, address: grid.address(row, col) };
      if (inline !== "") return { id: field.field, ref, cell: { value: inline }, source: "label" };
      const right = valueRight(grid, row, col, vocabulary);
      if (right.cell) return binding(field.field, right);
      // `评价年度：` across a merged line: the value belongs in that same cell.
      const m = grid.merge(row, col);
      blank ??= m && m.end.col > m.start.col ? { id: field.field, ref, source: "label" } : binding(field.field, right);
    }
  }
  return blank;
}

/** Labels of a conclusion that may hold the grade (自评结论（等级） | 良) or a paragraph. */
const CONCLUSION_LABELS: ReadonlySet<string> = new Set(["自评结论", "评价结论", "自评结果", "评价结果"]);

/** Whether a value states a grade: the grade word first (`良`, `优秀（92.5分）`, `“良好”`), nothing long. */
function gradeWord(value: string): boolean {
  const v = value.trim().replace(/^[“"‘']/, "");
  return v.length <= 16 && /^(?:优|良|中|差|一般|较差|合格|不合格)/.test(v) && gradeLike(v);
}

/**
 * Whether the text after `评价等级：` can be a grade (`优`, `良好（85.5分）`, `等次：良`), not the scale a note
 * row defines (`85分（含）以上为优，75（含）-85分为良…`, `优秀、良好、一般、较差四个等次`).
 */
function gradeLike(value: string): boolean {
  const v = value.trim();
  return v.length <= 16 && !/以上|以下|[、，,；;]/.test(v);
}

/** `（2021年度）` under the title. */
const YEAR_LINE = /^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/;
/** A title naming the year: `2021年度项目支出绩效自评表`. */
const TITLE_YEAR = /(?:19|20)\d{2}\s*年度?[^，。；;,]{0,24}?(?:绩效|自评|评价|整体支出|项目支出|预算项目|决算|汇总|资产占用情况表|资产情况表)/;
/** …or after it, in brackets: `部门整体支出绩效自评表（2023年度）`, the unit perhaps after it (`（金额单位：万元）`). */
const TITLE_YEAR_AFTER = /(?:绩效|自评|评价|整体支出|项目支出|决算|汇总)[^，。；;,]{0,12}?[(（]\s*(?:19|20)\d{2}\s*年度?\s*[)）]\s*(?:[(（]\s*(?:金额)?单位\s*[:：]\s*(?:万元|元)\s*[)）]\s*)?$/;
/** A unit's name ends so (某某局, 某某中心 …). */
const UNIT_END = /(?:局|委员会|委|办公室|办|中心|院|所|站|厅|部|会|队|处|校|馆|社|台|馆|政府|街道|镇|乡|公司|集团)$/;

/** How many filled rows at the top of a sheet may hold its title. */
const TITLE_ROWS = 6;

function titleCells(grid: SheetGrid): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  for (const row of grid.rowNumbers.slice(0, TITLE_ROWS)) {
    for (const col of grid.colsIn(row)) {
      const v = grid.cell(row, col)?.value;
      // Full-width digits (（２０２１年度）) read as the year they are.
      if (typeof v === "string" && v.trim().length <= 80) out.push({ row, col, text: v.trim().replace(/[０-９]/g, (d) => toHalfWidth(d)) });
    }
  }
  return out;
}

/** The year and unit a form writes in its title lines, when no label gives them. */
function identityFromTitle(grid: SheetGrid, scalars: MappingResult["scalars"]): void {
  const titles = titleCells(grid);
  if (!scalars.jx_report_year?.cell) {
    const line = titles.find((t) => YEAR_LINE.test(t.text.replace(/\s+/g, ""))) ?? titles.find((t) => TITLE_YEAR.test(t.text) || TITLE_YEAR_AFTER.test(t.text));
    if (line) scalars.jx_report_year = { id: "jx_report_year", ref: { sheet: grid.name, address: toA1(line) }, cell: grid.cell(line.row, line.col), source: "label" };
  }
  if (!scalars.jx_unit_name?.cell) {
    const from = scalars.jx_implementer?.cell ? scalars.jx_implementer : scalars.jx_supervisor?.cell ? scalars.jx_supervisor : undefined;
    if (from) {
      scalars.jx_unit_name = { ...from, id: "jx_unit_name" };
      return;
    }
    for (const t of titles) {
      const m = /^(.{2,30}?)\s*(?:(?:19|20)\d{2}\s*年度?|部门整体|项目支出|预算项目)/.exec(t.text.replace(/\s+/g, ""));
      if (m && UNIT_END.test(m[1])) {
        scalars.jx_unit_name = { id: "jx_unit_name", ref: { sheet: grid.name, address: toA1(t) }, cell: { value: m[1] }, source: "label" };
        return;
      }
    }
  }
}

/**
 * The identity a sheet without a form writes (a cover: `单位名称：某某局`, `评价年度：2021年度`, a title
 * naming the year): only short cells are read, so that a report's paragraphs are never taken for labels.
 * Only filled fields are returned.
 */
export function readIdentity(grid: SheetGrid): MappingResult["scalars"] {
  const fields = IDENTITY_FIELDS.filter((f) => f.field !== "jx_grade");
  const others = fields.flatMap((f) => f.labels).sort((a, b) => b.length - a.length);
  const vocabulary = new Set(others.map(labelKey));
  const scalars: MappingResult["scalars"] = {};
  for (const f of fields) {
    const b = readField(grid, f, others, vocabulary, [], 60);
    if (b?.cell) scalars[f.field] = b;
  }
  identityFromTitle(grid, scalars);
  return scalars;
}

// ---------------------------------------------------------------------------------------------------
// Grids

/** A grid as found: its cells by row key, then column key. */
interface GridFound {
  readonly decl: GridDecl;
  /** Header text of each column, as written. */
  readonly columns: Map<string, { col: number; header: string }>;
  readonly rows: Map<string, number>;
  /** The value column of each pairs row (pairs mode). */
  readonly pairCol: Map<string, number>;
  /** The label column of each pairs row (pairs mode). */
  readonly labelCol?: Map<string, number>;
  /**
   * matrix: rows written side by side inside the block (`一般公共预算： 100 | 基本支出： 80` under the
   * column headers): which column their amounts belong to is not known, so they are not read, and no
   * relation over them is checked (no false error on a layout not understood).
   */
  readonly sideBySide?: ReadonlySet<string>;
  /**
   * matrix written as `标签：数值` lines (`年度资金总额：346.77万元 | 全年执行数：295.11万元 | 执行率：85.10%`):
   * each figure by `row|column`, its cell the text cell, its value the number the text writes.
   */
  readonly inline?: ReadonlyMap<string, BoundCell>;
  /**
   * matrix: rows with amounts whose label is none of the declared rows (a 上年结转 the form adds), each
   * with the rows it may be a part beside: a sum over parts next to such a row is not checked, since the
   * row may be one of its parts.
   */
  readonly unknownRows?: readonly number[];
}

/**
 * The unknown rows of a matrix block: rows with amounts and an undeclared label, up to the first row
 * without amounts after the last known row (the block's end).
 */
function unknownRowsOf(rows: readonly { row: number; known: boolean; label?: boolean }[]): number[] {
  const lastKnown = Math.max(-1, ...rows.filter((r) => r.known).map((r) => r.row));
  const out: number[] = [];
  for (const r of rows) {
    if (r.row > lastKnown && r.label) break;
    if (!r.known && !r.label) out.push(r.row);
  }
  return out;
}

/** The best column key of a header text (longest label), or undefined. */
function columnKeyOf(k: string, decl: GridDecl): string | undefined {
  let best: { key: string; len: number } | undefined;
  for (const c of decl.columns) {
    const len = keyMatch(k, c.labels);
    if (len > 0 && (!best || len > best.len)) best = { key: c.key, len };
  }
  return best?.key;
}

/** A row label's outline numbering (`一、基本支出`, `（二）项目支出`, `2.项目支出`). */
const ROW_NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d))/;

function rowKeyOf(k: string, decl: GridDecl, taken?: ReadonlyMap<string, number>): string | undefined {
  // A numbered row (`一、基本支出`) is the row its name declares.
  if (ROW_NUMBERING.test(k)) k = labelKey(k.replace(ROW_NUMBERING, ""));
  let best: { key: string; len: number } | undefined;
  for (const r of decl.rows) {
    const len = keyMatch(k, r.labels);
    // Equal labels (`总计` on the 收入 and the 支出 side): the first one not found yet.
    if (len > 0 && (!best || len > best.len || (len === best.len && taken?.has(best.key) && !taken.has(r.key)))) best = { key: r.key, len };
  }
  return best?.key;
}

/**
 * Whether a column found for a key takes it: the key has no column yet, or only a hidden one and this
 * one shows (last year's figures kept in a hidden column headed like this year's).
 */
function takes(grid: SheetGrid, had: { readonly col: number } | undefined, col: number): boolean {
  return had === undefined || grid.preferCol(had.col, col) === col;
}

/** How far below its header a matrix block's rows may go. */
const GRID_ROWS = 25;

/**
 * A column's name as its header writes it, without the unit the header may carry (`公用经费（万元）` names
 * 公用经费, as under a `金额单位：万元` line): the name the relations and the prose go by.
 */
function headerName(text: string): string {
  return text.trim().replace(/\s*[(（](?:万元|元)[)）]$/, "");
}

function findMatrix(grid: SheetGrid, decl: GridDecl): GridFound | undefined {
  for (const row of grid.rowNumbers) {
    const columns = new Map<string, { col: number; header: string }>();
    for (const col of grid.colsIn(row)) {
      const v = grid.cell(row, col)?.value;
      if (typeof v !== "string") continue;
      const key = columnKeyOf(keyIn(grid, v), decl);
      if (key && takes(grid, columns.get(key), col)) columns.set(key, { col, header: headerName(v) });
    }
    const money = decl.columns.filter((c) => c.kind === "money" && columns.has(c.key)).length;
    if (money >= 1) {
      // A two-row header (预算资金（万元） over 年初预算数 | 全年预算数 | 全年执行数, with 执行率 | 分值 | 得分
      // merged down both rows): the headers merged from the row above name their columns here too.
      for (const m of grid.merges) {
        if (m.start.row >= row || m.end.row < row || m.start.col !== m.end.col) continue;
        const v = grid.cell(m.start.row, m.start.col)?.value;
        const key = typeof v === "string" ? columnKeyOf(keyIn(grid, v), decl) : undefined;
        if (key && takes(grid, columns.get(key), m.start.col)) columns.set(key, { col: m.start.col, header: headerName(String(v)) });
      }
      // … or not merged (the merge undone): a header of the row above over a column this row leaves blank.
      const above = row - 1;
      if (above >= 1 && !grid.colsIn(above).some((c) => isNumberLike(grid.cell(above, c)))) {
        for (const col of grid.colsIn(above)) {
          const v = grid.cell(above, col)?.value;
          if (typeof v !== "string" || !isBlank(grid.cell(row, col)) || grid.merge(above, col)) continue;
          const key = columnKeyOf(keyIn(grid, v), decl);
          if (key && !columns.has(key)) columns.set(key, { col, header: headerName(v) });
        }
      }
    }
    if (columns.size < 2 || money < 1) continue;
    // A header of three rows (预算资金情况 over 预算数 over 年初预算数 | 全年预算数, with 全年执行数 | 执行率
    // merged down the lower two): the columns the rows below the found one name are this block's too.
    let top = row;
    for (const below of grid.rowsIn(row + 1, row + 2)) {
      if (below !== top + 1) break;
      const named = new Map<string, { col: number; header: string }>();
      let figures = false;
      for (const col of grid.colsIn(below)) {
        const v = grid.cell(below, col)?.value;
        if (typeof v !== "string") {
          if (isNumberLike(grid.cell(below, col))) figures = true;
          continue;
        }
        const key = columnKeyOf(keyIn(grid, v), decl);
        if (key && !columns.has(key) && takes(grid, named.get(key), col)) named.set(key, { col, header: headerName(v) });
      }
      if (figures || named.size === 0) break;
      for (const [k, c] of named) columns.set(k, c);
      top = below;
    }
    const firstValueCol = Math.min(...[...columns.values()].map((c) => c.col));
    const rows = new Map<string, number>();
    const sideBySide = new Set<string>();
    const moneyCols = decl.columns.filter((c) => c.kind === "money" && columns.has(c.key)).map((c) => columns.get(c.key)!.col);
    const figureRows: { row: number; known: boolean; label?: boolean }[] = [];
    for (const r of grid.rowsIn(top + 1, top + GRID_ROWS)) {
      // Text cells left of the figures, rightmost first (`项目资金 | 其中：上年结转资金`).
      const texts = grid.colsIn(r, 1, firstValueCol - 1).filter((c) => typeof grid.cell(r, c)?.value === "string").reverse();
      // A row label among the figures: the row is two label/amount pairs side by side.
      const inside = grid.colsIn(r, firstValueCol).map((c) => grid.cell(r, c)?.value).filter((v): v is string => typeof v === "string" && v.length <= 40).map((v) => rowKeyOf(keyIn(grid, v), decl)).filter((k): k is string => k !== undefined);
      if (inside.length) {
        for (const k of inside) sideBySide.add(k);
        for (const c of texts) {
          const k = rowKeyOf(keyIn(grid, String(grid.cell(r, c)?.value)), decl);
          if (k) sideBySide.add(k);
        }
        continue;
      }
      let known = false;
      for (const c of texts) {
        const key = rowKeyOf(keyIn(grid, String(grid.cell(r, c)?.value)), decl);
        if (key) {
          // A row of last year's figures hidden under this year's (项目支出 twice): the visible one.
          const had = rows.get(key);
          if (had === undefined || grid.preferRow(had, r) === r) rows.set(key, r);
          known = true;
          break;
        }
      }
      const figures = moneyCols.some((c) => isNumberLike(grid.cell(r, c)));
      if (figures) figureRows.push({ row: r, known });
      else figureRows.push({ row: r, known: false, label: true });
    }
    if (rows.size === 0) continue;
    return { decl, columns, rows, pairCol: new Map(), ...(sideBySide.size ? { sideBySide } : {}), unknownRows: unknownRowsOf(figureRows) };
  }
  return undefined;
}

/** A share's written value as a fraction (75.24 under `占比（%）`, 0.7524 shown `0.00%`, text `75.24%`). */
function shareValue(cell: CellSnapshot | undefined, percentColumn: boolean): number | undefined {
  const p = parseCell(cell);
  if (p.kind !== "number" || (p.unit !== undefined && !p.percent)) return undefined;
  return !p.percent && (percentColumn || Math.abs(p.value) > 2) ? p.value / 100 : p.value;
}

/**
 * The shares of a block (占比 = the row's amount ÷ the total row's amount), as declared rates: checked by
 * form-rate-matches and, as evidence, telling which cell of a failing sum is its cause (a part whose own
 * share disagrees with it; a total every share disagrees with). A blank share of a part is a gap
 * (form-rate-matches asks for it when its column is filled elsewhere); the 合计's own share (100%) may be
 * left out, as many tables print it.
 */
function shareRates(
  grid: SheetGrid,
  form: FormDecl,
  f: GridFound,
  rel: Extract<FormDecl["relations"][number], { kind: "share" }>,
  relCell: (f: GridFound, row: string, col: string, label?: string) => RelationCell | undefined,
): { rates: DeclaredRate[]; gaps: DeclaredRate[] } {
  const out: DeclaredRate[] = [];
  const gaps: DeclaredRate[] = [];
  const whole = relCell(f, rel.total, rel.amount);
  const header = f.columns.get(rel.share)?.header ?? "占比";
  if (!whole) return { rates: out, gaps };
  // Percent points: the header says so (`占比（%）`, or `（%）` on a header row of its own), or a share of the
  // column is above 1 (a fraction never is: 75.24 beside 1.09 makes the 1.09 points too).
  const shareCol = f.columns.get(rel.share)?.col;
  const firstRow = Math.min(...f.rows.values());
  const headerCells = shareCol === undefined ? [] : grid.rowsIn(Math.max(1, firstRow - 3), firstRow - 1).map((r) => cellText(grid.cell(r, shareCol)));
  const plain = [...f.rows.keys()].map((k) => relCell(f, k, rel.share)).map((c) => parseCell(c?.cell.cell)).filter((p) => p.kind === "number" && !p.percent && p.unit === undefined);
  const percent = /[%％]/.test(header) || headerCells.some((t) => /[%％]|百分比/.test(t)) || plain.some((p) => p.kind === "number" && Math.abs(p.value) > 1);
  const name = header.replace(/\s+/g, "").replace(/[（(][^）)]*[)）]$/, "");
  const figure = (c: RelationCell): number | undefined => {
    const p = parseCell(c.cell.cell);
    return p.kind === "number" && !p.percent ? p.value : undefined;
  };
  for (const row of [rel.total, ...rel.rows]) {
    if (!f.rows.has(row)) continue;
    const rate = relCell(f, row, rel.share);
    const numerator = relCell(f, row, rel.amount);
    if (!rate || !numerator) continue;
    const blank = !rate.cell.cell || isBlank(rate.cell.cell);
    if (blank && row === rel.total) continue;
    let denominator = whole;
    // 人员经费's share may be of 基本支出: the parent when the share as written is the row over it.
    const parentKey = rel.within?.[row];
    const parent = parentKey && f.rows.has(parentKey) ? relCell(f, parentKey, rel.amount) : undefined;
    if (parent) {
      const v = shareValue(rate.cell.cell, percent);
      const n = figure(numerator);
      const dw = figure(whole);
      const dp = figure(parent);
      // Agreeing at the share's printed precision (two decimals of the percent), not merely closer: a
      // 合计 typed in 元 makes every share far from its row ÷ the 合计, and still no share of the parent.
      const agrees = (d: number): boolean => Math.abs(n! / d - v!) <= 0.00005 + 1e-9;
      if (v !== undefined && n !== undefined && dw && dp && agrees(dp) && !agrees(dw)) denominator = parent;
    }
    const amountHeader = (f.columns.get(rel.amount)?.header ?? rel.amount).replace(/\s+/g, "").replace(/[（(][^）)]*[)）]$/, "");
    (blank ? gaps : out).push({
      id: `${form.id}:${f.decl.id}:${row}:share`,
      sheet: grid.name,
      where: rate.label,
      rate,
      numerator,
      denominator,
      headers: { rate: name, numerator: amountHeader, denominator: `${denominator.label}的${amountHeader}` },
      share: true,
      ...(percent ? { percent } : {}),
    });
  }
  return { rates: out, gaps };
}

/** Columns headed 行次/栏次 (line numbers of 决算 tables), never amounts. */
function lineNumberColumns(grid: SheetGrid): Set<number> {
  const out = new Set<number>();
  for (const row of grid.rowNumbers.slice(0, 12)) {
    for (const col of grid.colsIn(row)) {
      if (/^(行次|栏次|行号)$/.test(labelKey(cellText(grid.cell(row, col))))) out.add(col);
    }
  }
  return out;
}

function findPairs(grid: SheetGrid, decl: GridDecl): GridFound | undefined {
  const skip = lineNumberColumns(grid);
  const rows = new Map<string, number>();
  const pairCol = new Map<string, number>();
  const labelCol = new Map<string, number>();
  for (const row of grid.rowNumbers) {
    const cols = grid.colsIn(row);
    for (const col of cols) {
      const v = grid.cell(row, col)?.value;
      if (typeof v !== "string" || v.length > 40) continue;
      const key = rowKeyOf(keyIn(grid, v), decl, rows);
      // A line of last year's figures hidden above this year's: the visible one is the line.
      const had = key === undefined ? undefined : rows.get(key);
      if (!key || (had !== undefined && grid.preferRow(had, row) === had)) continue;
      // The amount: the first filled cell to the right (not a 行次), if a figure; a label there means none.
      // Hidden columns (last year's amounts) only when no visible one is there.
      const end = grid.merge(row, col)?.end.col ?? col;
      const amountRight = (hidden: boolean): { at?: number; first?: number } => {
        let first: number | undefined;
        for (let c = end + 1; c <= end + 4; c++) {
          if (skip.has(c) || (!hidden && grid.colHidden(c))) continue;
          first ??= c;
          const cell = grid.cell(row, c);
          if (isBlank(cell)) continue;
          return { at: isNumberLike(cell) || isDash(cell) || cell?.error ? c : undefined, first };
        }
        return { first };
      };
      let { at, first } = amountRight(false);
      if (at === undefined && first === undefined) ({ at, first } = amountRight(true));
      const target = at ?? first;
      if (target === undefined) continue;
      if (at === undefined && !isBlank(grid.cell(row, target))) continue;
      rows.set(key, row);
      pairCol.set(key, target);
      labelCol.set(key, col);
    }
  }
  return rows.size ? { decl, columns: new Map([["amount", { col: 0, header: decl.columns[0]?.labels[0] ?? "金额" }]]), rows, pairCol, labelCol } : undefined;
}

/**
 * The lines above a pairs total in its own label column (`一、社会保障和就业支出 | 32 | 67.78` above
 * 本年支出合计), up to the header (an amount column headed by text: 金额, 决算数) or another declared line:
 * each line with a label and an amount, a “—” or nothing (an unused line of the printed form).
 */
function linesAbove(grid: SheetGrid, f: GridFound, total: string): RelationCell[] {
  return topLines(rawLinesAbove(grid, f, total));
}

const TOP_LINE = /^[一二三四五六七八九十]+[、.．]/;

/**
 * The 其中 breakdowns among the lines above a total: a numbered line (一、基本支出) followed by lines that
 * open with 其中 (其中：人员经费, 公用经费) up to the next numbered line — the numbered line = Σ them.
 */
function nestedLines(grid: SheetGrid, f: GridFound, total: string): { head: RelationCell; parts: RelationCell[] }[] {
  const raw = rawLinesAbove(grid, f, total);
  const out: { head: RelationCell; parts: RelationCell[] }[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!TOP_LINE.test(raw[i].label) || !/^其中/.test(raw[i + 1]?.label ?? "")) continue;
    const parts: RelationCell[] = [];
    for (let k = i + 1; k < raw.length && !TOP_LINE.test(raw[k].label); k++) parts.push({ ...raw[k], label: raw[k].label.replace(/^其中[:：]?/, "") });
    out.push({ head: { ...raw[i], label: raw[i].label.replace(TOP_LINE, "") }, parts });
  }
  return out;
}

function rawLinesAbove(grid: SheetGrid, f: GridFound, total: string): RelationCell[] {
  const row = f.rows.get(total);
  const labelAt = f.labelCol?.get(total);
  const amountAt = f.pairCol.get(total);
  if (row === undefined || labelAt === undefined || amountAt === undefined) return [];
  const declared = new Set([...f.rows.entries()].filter(([, r]) => r !== row).map(([, r]) => r));
  const out: RelationCell[] = [];
  for (let r = row - 1; r >= 1; r--) {
    const amount = grid.cell(r, amountAt);
    if (!isBlank(amount) && !isNumberLike(amount) && !isDash(amount)) break;
    if (declared.has(r) && f.labelCol && [...f.rows.entries()].some(([k, x]) => x === r && f.labelCol?.get(k) === labelAt)) break;
    const label = cellText(grid.cell(r, labelAt)).trim();
    if (!label) {
      if (isBlank(amount) || isDash(amount)) continue;
      return []; // an amount without a label: not a line list this reading understands
    }
    out.push({ cell: boundAt(grid, r, amountAt), field: `${f.decl.id}.line${r}`, label });
  }
  return out.reverse();
}

/** The top level of the lines above a total, the only one that adds up to it. */
function topLines(out: RelationCell[]): RelationCell[] {
  // Only the top level adds up to the total: numbered lines (一、… beside （一）… or 其中：…), or the
  // shortest 科目编码 (类 208 beside 款 20801). A 其中 line with no numbering to tell the levels apart: no sum.
  const top = /^[一二三四五六七八九十]+[、.．]/;
  const code = (t: string): number | undefined => /^(\d{3,})/.exec(t)?.[1].length;
  let lines = out;
  if (lines.some((l) => top.test(l.label))) lines = lines.filter((l) => top.test(l.label));
  else if (lines.length && lines.every((l) => code(l.label) !== undefined)) {
    const min = Math.min(...lines.map((l) => code(l.label) ?? 0));
    lines = lines.filter((l) => code(l.label) === min);
  } else if (lines.some((l) => /^(?:其中|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])/.test(l.label))) return [];
  return lines.map((l) => ({ ...l, label: l.label.replace(top, "") }));
}

/**
 * A 小计 column named by the header over it: `基本支出 / 小计` is 基本支出's, `本年支出 / 小计` (a 公开 table's
 * 本年支出 | 小计 | 基本支出 | 项目支出) the total. Undefined when the text is no 小计 or nothing names it.
 */
function subtotalKey(grid: SheetGrid, decl: GridDecl, text: string, r: number, c: number, top: number): string | undefined {
  if (keyIn(grid, text) !== "小计") return undefined;
  // The header over it may sit above the row where the table's labels begin (本年支出 over 小计 | 基本支出 …).
  for (let up = r - 1; up >= Math.max(1, top - 2); up--) {
    const parent = grid.text(up, c);
    if (!parent || parent === text) continue;
    const k = keyIn(grid, parent);
    const own = columnKeyOf(k, decl);
    if (own !== undefined) return own;
    if (decl.columns.some((x) => x.key === "total") && /^(?:本年|全年)?(?:支出|收入)(?:合计|总计|决算数?)?$/.test(k)) return "total";
    return undefined;
  }
  return undefined;
}

/** How many rows below its first header row a table's header may reach (merged two- and three-row headers). */
const TABLE_HEADER_ROWS = 3;

/**
 * A table of any rows under declared columns: the header row is the first with two of the columns;
 * each sheet column is named by its lowest header text that is a label (`基本支出 / 小计` → 小计); data rows
 * follow until a blank row; the row named 合计 is the total row (key `total`), the others keyed `r<row>`.
 */
function findTable(grid: SheetGrid, decl: GridDecl): (GridFound & { readonly codes: Map<string, string> }) | undefined {
  for (const row of grid.rowNumbers) {
    const hits = grid.colsIn(row).filter((c) => columnKeyOf(keyIn(grid, grid.text(row, c)), decl) !== undefined);
    if (hits.length < 2) continue;
    let last = Math.min(row + TABLE_HEADER_ROWS - 1, grid.maxRow);
    // The header ends above the first row of figures: a 合计 row's label (科目编码 column) is no header.
    for (let r = row + 1; r <= last; r++) {
      if (grid.colsIn(r).some((c) => isNumberLike(grid.cell(r, c)))) {
        last = r - 1;
        break;
      }
    }
    const columns = new Map<string, { col: number; header: string }>();
    for (let c = 1; c <= grid.maxCol; c++) {
      for (let r = last; r >= row; r--) {
        const t = grid.text(r, c);
        const key = t ? subtotalKey(grid, decl, t, r, c, row) ?? columnKeyOf(keyIn(grid, t), decl) : undefined;
        if (key && takes(grid, columns.get(key), c)) {
          columns.set(key, { col: c, header: headerName(t).replace(/\s+/g, "") });
          break;
        }
      }
    }
    if (columns.size < 2) continue;
    const first = Math.min(...[...columns.values()].map((x) => x.col));
    const rows = new Map<string, number>();
    const codes = new Map<string, string>();
    let started = false;
    const filled = (r: number): number => [...columns.values()].filter((x) => isNumberLike(grid.cell(r, x.col)) || isDash(grid.cell(r, x.col))).length;
    // A blank row between rows of figures (a printed form's spacing) does not end the table: the next
    // filled row, one or two rows down, fills two of its columns.
    const goesOn = (r: number): boolean => {
      const next = [r + 1, r + 2].find((x) => x <= grid.maxRow && grid.colsIn(x).length > 0);
      return next !== undefined && filled(next) >= 2;
    };
    for (let r = row + 1; r <= grid.maxRow; r++) {
      const cells = grid.colsIn(r);
      if (cells.length === 0) {
        if (started && !goesOn(r)) break;
        continue;
      }
      const figures = filled(r) > 0;
      const name = grid.colsIn(r, 1, first - 1).map((c) => cellText(grid.cell(r, c))).join(" ").trim() || grid.text(r, 1);
      if (!figures) {
        if (started) break;
        continue;
      }
      started = true;
      const key = /合计|总计/.test(name.replace(/\s+/g, "")) && !rows.has("total") ? "total" : `r${r}`;
      rows.set(key, r);
      const code = /^\s*(\d{3,})/.exec(name)?.[1];
      if (code) codes.set(key, code);
    }
    if (rows.size < 2) continue;
    return { decl, columns, rows, pairCol: new Map(), codes };
  }
  return undefined;
}

/** `年度资金总额：346.77万元`, `执行率：85.10%`, `预算执行率得分：8.51分`: label, number, unit. */
const INLINE_FIGURE = /^\s*(.{1,24}?)\s*[:：]\s*(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(万元|元|分|%|％)?\s*$/;

/**
 * A matrix block written as label-and-value cells instead of a table: each row of the sheet whose first
 * such cell names a declared row (`年度资金总额：346.77万元`, `其中：财政拨款：300.00万元`) gives that row's
 * 全年预算数 and, in its other cells, the columns they name (`年初预算数：…`, `全年执行数：…`, `执行率：…`);
 * a line naming no row (`预算执行率分值：10分 | 预算执行率得分：8.51分`) belongs to the total. A row may also
 * be named by a plain label cell before its figures (`基本支出 | 年初预算数：856.30万元 | 全年预算数：… |
 * 全年执行数：… | 执行率：…`), each figure then naming its column. Only when the
 * total row is written so; the figures keep the text cell's address (a finding points at that cell).
 */
function findInline(grid: SheetGrid, decl: GridDecl): GridFound | undefined {
  const inline = new Map<string, BoundCell>();
  const rows = new Map<string, number>();
  const columns = new Map<string, { col: number; header: string }>();
  const columnOf = (label: string): string | undefined => {
    const k = keyIn(grid, label);
    if (/分值|权重/.test(k)) return decl.columns.some((c) => c.key === "weight") ? "weight" : undefined;
    if (/得分/.test(k)) return decl.columns.some((c) => c.key === "score") ? "score" : undefined;
    return columnKeyOf(k, decl);
  };
  for (const row of grid.rowNumbers) {
    let rowKey: string | undefined;
    const figures: { col: number; column: string; cell: BoundCell }[] = [];
    for (const col of grid.colsIn(row)) {
      const v = grid.cell(row, col)?.value;
      if (typeof v !== "string" || v.length > 40) continue;
      const m = INLINE_FIGURE.exec(v);
      if (!m) {
        // A plain row label before the row's figures (`基本支出 | 年初预算数：856.30万元 | 全年预算数：…`).
        if (figures.length === 0 && rowKey === undefined) {
          const named = rowKeyOf(keyIn(grid, v), decl);
          if (named && !rows.has(named)) rowKey = named;
        }
        continue;
      }
      const label = m[1];
      const value = Number(m[2].replace(/,/g, ""));
      const percent = m[3] === "%" || m[3] === "％";
      const decimals = m[2].split(".")[1]?.length ?? 0;
      const ref = grid.bound(row, col).ref;
      const cell: BoundCell = { ref, cell: percent ? { value: value / 100, numberFormat: decimals ? `0.${"0".repeat(decimals)}%` : "0%" } : { value, numberFormat: decimals ? `0.${"0".repeat(decimals)}` : "0" } };
      const asRow = figures.length === 0 && rowKey === undefined ? rowKeyOf(keyIn(grid, label), decl) : undefined;
      // A row's amount, never points (`合计：100分`) nor a rate.
      if (asRow && !rows.has(asRow) && !percent && m[3] !== "分") {
        rowKey = asRow;
        figures.push({ col, column: "adjusted", cell });
        continue;
      }
      const column = columnOf(label);
      if (column && (column === "rate") === percent) figures.push({ col, column, cell });
    }
    if (figures.length === 0) continue;
    const key = rowKey ?? (rows.has("total") ? "total" : undefined);
    if (key === undefined) continue;
    if (!rows.has(key)) rows.set(key, row);
    for (const f of figures) {
      if (inline.has(`${key}|${f.column}`)) continue;
      inline.set(`${key}|${f.column}`, f.cell);
      const c = columns.get(f.column);
      if (!c || f.col < c.col) columns.set(f.column, { col: f.col, header: decl.columns.find((x) => x.key === f.column)?.labels[0] ?? f.column });
    }
  }
  if (!rows.has("total") || !inline.has("total|adjusted")) return undefined;
  return { decl, columns, rows, pairCol: new Map(), inline };
}

function gridCell(grid: SheetGrid, found: GridFound, rowKey: string, colKey: string): BoundCell | undefined {
  if (found.inline) return found.inline.get(`${rowKey}|${colKey}`);
  const row = found.rows.get(rowKey);
  if (row === undefined) return undefined;
  const col = found.decl.mode === "pairs" ? found.pairCol.get(rowKey) : found.columns.get(colKey)?.col;
  return col === undefined ? undefined : boundAt(grid, row, col);
}

// ---------------------------------------------------------------------------------------------------
// Tables

/** The schema table with the form's extra header words. */
function withAliases(def: TableDef, aliases: Readonly<Record<string, readonly string[]>> | undefined): TableDef {
  if (!aliases) return def;
  const columns: ColumnDef[] = def.columns.map((c) => (aliases[c.key] ? { ...c, aliases: [...c.aliases, ...aliases[c.key]] } : c));
  return { ...def, columns };
}

// ---------------------------------------------------------------------------------------------------

/** The money unit a sheet writes (`项目资金（万元）`, `单位：元`), when it says one. */
function sheetUnit(grid: SheetGrid): MoneyUnit | undefined {
  for (const row of grid.rowNumbers) {
    for (const col of grid.colsIn(row)) {
      const v = grid.cell(row, col)?.value;
      if (typeof v !== "string" || v.length > 60 || !v.includes("元")) continue;
      const t = normalizeLabel(v);
      if (/[(（]万元[)）]|单位[:：]?万元|万元[)）]?$/.test(t)) return "万元";
      if (/[(（]元[)）]|单位[:：]?元/.test(t)) return "元";
    }
  }
  return undefined;
}

/**
 * Read a sheet by a form.
 * @param grid - the sheet
 * @param form - the declaration detected on it
 * @returns the bindings, the declared relations with their cells, the money unit the sheet writes
 */
export function readForm(grid: SheetGrid, form: FormDecl): FormRead {
  const result = emptyResult();
  const relations: DeclaredSum[] = [];
  const rates: DeclaredRate[] = [];
  const rateGaps: DeclaredRate[] = [];
  const { vocabulary, others } = wordsOf(form);

  // Tables first, so that their cells are not read as fields.
  const areas: Area[] = [];
  for (const t of form.tables) {
    const def = withAliases(tableDef(t.table), t.aliases);
    const firstLabels = new Set((t.startLabels ?? [def.columns[0].label, ...def.columns[0].aliases]).map(normalizeLabel));
    const baseStop = tableEnd(grid);
    const stops = t.stopLabels ? new Set(t.stopLabels.map(labelKey)) : undefined;
    const stopAt =
      t.table === "jx_indicators"
        ? (r: number): boolean => baseStop(r) || TOTAL_ROW_LABELS.has(firstText(grid, r))
        : stops
          ? (r: number): boolean => baseStop(r) || stops.has(firstText(grid, r))
          : baseStop;
    // A list with a 合计 row may be grouped under headings (一、专项业务费 … 小计, 二、运转保障经费 … 小计).
    const headingAt = def.hasSummaryRow ? (r: number): boolean => isTitleRow(grid, r) : undefined;
    for (const row of grid.rowNumbers) {
      const start = grid.colsIn(row).find((c) => firstLabels.has(grid.memo(normalizeLabel, cellText(grid.cell(row, c)))));
      if (start === undefined) continue;
      const at = { row, col: start };
      const read = readTable(grid, def, { start: at, end: at }, { source: "label", auto: { stopAt, blankRowsInside: t.blankRowsInside, headingAt } });
      if (read.problems.length) continue;
      result.tables[t.table] = read.binding;
      result.areas[t.table] = read.area;
      areas.push(read.area);
      if (t.table === "jx_indicators") {
        bindTotalRow(grid, read.binding, read.area, result);
        acrossSummary(grid, read.area.end.row, result);
      }
      break;
    }
  }

  const levelSums = levelWeightSums(grid, form, result.tables.jx_indicators);
  relations.push(...levelSums);

  for (const f of form.fields) {
    const b = readField(grid, f, others, vocabulary, areas);
    if (b && !(result.scalars[f.field]?.cell && !b.cell)) result.scalars[f.field] = b;
  }
  identityFromTitle(grid, result.scalars);

  const found = new Map<string, GridFound>();
  const blocks: Area[] = [];
  for (const g of form.grids) {
    const hit = g.mode === "matrix" ? (findMatrix(grid, g) ?? findInline(grid, g)) : g.mode === "pairs" ? findPairs(grid, g) : findTable(grid, g);
    if (!hit) continue;
    found.set(g.id, hit);
    const rowsAt = [...hit.rows.values()];
    const colsAt = hit.decl.mode === "pairs" ? [...hit.pairCol.values()] : [...hit.columns.values()].map((c) => c.col);
    if (rowsAt.length && colsAt.length) blocks.push({ start: { row: Math.min(...rowsAt) - 1, col: 1 }, end: { row: Math.max(...rowsAt), col: Math.max(...colsAt) } });
    for (const b of g.bind ?? []) {
      const cell = gridCell(grid, hit, b.row, b.column);
      if (cell) result.scalars[b.field] = binding(b.field, cell);
    }
  }

  const rowName = (f: GridFound, row: string): string => {
    const declared = f.decl.rows.find((r) => r.key === row)?.name;
    if (declared) return declared;
    const r = f.rows.get(row);
    if (r === undefined) return row;
    const first = Math.min(...[...f.columns.values()].map((x) => x.col));
    return grid.colsIn(r, 1, first - 1).map((c) => cellText(grid.cell(r, c))).filter((t) => !/^\d+$/.test(t)).join(" ") || (row === "total" ? "合计" : row);
  };
  const relCell = (f: GridFound, row: string, col: string, label?: string): RelationCell | undefined => {
    const cell = gridCell(grid, f, row, col);
    const name = label ?? rowName(f, row);
    // A table's row (a 决算 table's 类 / 款 / 项 line) keeps its own name, whatever label the relation gives the cell.
    return cell ? { cell, field: `${form.id}.${f.decl.id}.${row}.${col}`, label: name, ...(f.decl.mode === "table" && row !== "total" ? { row: rowName(f, row) } : {}) } : undefined;
  };
  for (const rel of form.relations) {
    const f = found.get(rel.grid);
    if (!f) continue;
    if (rel.kind === "across") {
      const header = (k: string): string => {
        const h = f.columns.get(k)?.header ?? k;
        return /^(?:合\s*计|总\s*计)$/.test(h.trim()) ? (f.decl.columns.find((c) => c.key === k)?.name ?? h) : h;
      };
      for (const row of f.rows.keys()) {
        const target = relCell(f, row, rel.total, header(rel.total));
        const terms = rel.parts.map((p) => relCell(f, row, p, header(p))).filter((x): x is RelationCell => x !== undefined).map((x) => ({ ...x, sign: 1 as const }));
        if (!target || terms.length === 0) continue;
        if (rel.whole && rel.parts.some((p) => !f.columns.has(p))) continue;
        relations.push({ id: `${form.id}:${f.decl.id}:${row}:${rel.total}`, sheet: grid.name, where: `${rowName(f, row)}（${rel.name}）`, target, terms });
      }
      continue;
    }
    if (rel.kind === "share") {
      const shares = shareRates(grid, form, f, rel, relCell);
      rates.push(...shares.rates);
      rateGaps.push(...shares.gaps);
      continue;
    }
    if (rel.kind === "above") {
      const terms = linesAbove(grid, f, rel.total);
      const target = relCell(f, rel.total, "amount");
      if (!target || terms.length === 0) continue;
      relations.push({ id: `${form.id}:${f.decl.id}:${rel.total}:above`, sheet: grid.name, where: rel.name, target, terms: terms.map((t) => ({ ...t, sign: 1 as const })) });
      // 一、基本支出 = 其中：人员经费 + 公用经费, when the lines say so.
      for (const n of nestedLines(grid, f, rel.total)) {
        relations.push({ id: `${form.id}:${f.decl.id}:${n.head.field}:nested`, sheet: grid.name, where: `${n.head.label} = ${n.parts.map((p) => p.label).join(" + ")}`, target: n.head, terms: n.parts.map((t) => ({ ...t, sign: 1 as const })) });
      }
      continue;
    }
    if (rel.kind === "down") {
      if (!f.rows.has("total") || !("codes" in f)) continue;
      const codes = (f as GridFound & { codes: Map<string, string> }).codes;
      const others = [...f.rows.keys()].filter((k) => k !== "total");
      // A 科目编码 hierarchy (类 201, 款 20101, 项 2010101): the 合计 sums the top level only.
      const lengths = others.map((k) => codes.get(k)?.length).filter((x): x is number => x !== undefined);
      const top = lengths.length === others.length && lengths.length > 0 ? Math.min(...lengths) : undefined;
      const members = top === undefined ? others : others.filter((k) => codes.get(k)?.length === top);
      for (const col of rel.columns) {
        const target = relCell(f, "total", col);
        const terms = members.map((k) => relCell(f, k, col)).filter((x): x is RelationCell => x !== undefined).map((x) => ({ ...x, sign: 1 as const }));
        if (!target || terms.length === 0) continue;
        relations.push({ id: `${form.id}:${f.decl.id}:total:${col}`, sheet: grid.name, where: `合计（${f.columns.get(col)?.header ?? col}）`, target: { ...target, label: "合计" }, terms });
      }
      // Down the hierarchy: each 类 = Σ its 款, each 款 = Σ its 项 (the codes one level longer that start with it).
      if (top !== undefined) {
        for (const parent of others) {
          const p = codes.get(parent)!;
          const under = others.filter((k) => k !== parent && codes.get(k)!.startsWith(p) && codes.get(k)!.length > p.length);
          if (under.length === 0) continue;
          const next = Math.min(...under.map((k) => codes.get(k)!.length));
          const kids = under.filter((k) => codes.get(k)!.length === next);
          for (const col of rel.columns) {
            const target = relCell(f, parent, col);
            const terms = kids.map((k) => relCell(f, k, col)).filter((x): x is RelationCell => x !== undefined).map((x) => ({ ...x, sign: 1 as const }));
            if (!target || terms.length === 0) continue;
            relations.push({ id: `${form.id}:${f.decl.id}:${parent}:${col}:down`, sheet: grid.name, where: `${rowName(f, parent)}（${f.columns.get(col)?.header ?? col}）`, target, terms });
          }
        }
      }
      continue;
    }
    if (rel.kind === "sum") {
      if (rel.unless?.some((r) => f.rows.has(r))) continue;
      if (f.sideBySide && [rel.total, ...rel.parts].some((k) => f.sideBySide!.has(k.replace(/^-/, "")))) continue;
      // A row with amounts the form does not declare, among or right after the parts, or under the same
      // split heading as one of them (`按收入性质分` over 财政资金 | 专户资金 | 单位资金), may be one of them.
      const partRows = rel.parts.map((p) => f.rows.get(p.replace(/^-/, ""))).filter((r): r is number => r !== undefined);
      if (partRows.length && f.unknownRows?.some((u) => u > Math.min(...partRows) && u <= Math.max(...partRows) + 1)) continue;
      if (partRows.length && f.unknownRows?.length) {
        const headings = new Set(partRows.map((r) => splitHeadingOf(grid, f, r)).filter((h): h is string => h !== undefined));
        if (
          headings.size &&
          f.unknownRows.some((u) => {
            const h = splitHeadingOf(grid, f, u);
            return h !== undefined && headings.has(h);
          })
        )
          continue;
      }
      for (const col of rel.columns) {
        const target = relCell(f, rel.total, col);
        const terms = rel.parts
          .map((p) => {
            const sign: 1 | -1 = p.startsWith("-") ? -1 : 1;
            const c = relCell(f, p.replace(/^-/, ""), col);
            return c ? { ...c, sign } : undefined;
          })
          .filter((x): x is RelationCell & { sign: 1 | -1 } => x !== undefined);
        if (!target || terms.length === 0) continue;
        const header = f.decl.mode === "pairs" ? rel.name : `${rel.name}（${f.columns.get(col)?.header.replace(/\s+/g, "") ?? col}）`;
        relations.push({ id: `${form.id}:${f.decl.id}:${rel.total}=${rel.parts.join("+")}:${col}`, sheet: grid.name, where: header, target, terms });
      }
    } else {
      for (const row of rel.rows) {
        const rate = relCell(f, row, rel.rate);
        const numerator = relCell(f, row, rel.numerator);
        const denominator = relCell(f, row, rel.denominator);
        if (!rate || !numerator || !denominator) continue;
        const header = (key: string): string => (f.columns.get(key)?.header ?? key).replace(/\s+/g, "").replace(/[（(][^）)]*[）)]$/, "");
        const headers = { rate: header(rel.rate), numerator: header(rel.numerator), denominator: header(rel.denominator) };
        (rate.cell.cell ? rates : rateGaps).push({ id: `${form.id}:${f.decl.id}:${row}:rate`, sheet: grid.name, where: rate.label, rate, numerator, denominator, headers });
      }
    }
  }
  for (const f of found.values()) relations.push(...undeclaredSplit(grid, form, f), ...headedSplits(grid, form, f));
  const cellOf = (gridId: string, row: string, column: string): RelationCell | undefined => {
    const f = found.get(gridId);
    if (!f) return undefined;
    // Named with its table (another sheet's cell in a message): `支出决算表 合计（本年支出合计）`.
    const header = f.decl.mode === "pairs" ? "" : `（${f.columns.get(column)?.header.replace(/\s+/g, "") ?? column}）`;
    return relCell(f, row, column, `${f.decl.name} ${rowName(f, row)}${header}`);
  };
  const linesOf = (gridId: string, total: string): RelationCell[] => {
    const f = found.get(gridId);
    return f && f.decl.mode === "pairs" ? linesAbove(grid, f, total) : [];
  };
  const rowsOf = (gridId: string, column: string): RelationCell[] => {
    const f = found.get(gridId);
    if (!f || f.decl.mode !== "table") return [];
    return [...f.rows.keys()].filter((k) => k !== "total").map((k) => relCell(f, k, column, rowName(f, k))).filter((x): x is RelationCell => x !== undefined);
  };
  return { form, sheet: grid.name, result, relations, rates, rateGaps, moneyUnit: sheetUnit(grid), blocks, cellOf, linesOf, rowsOf };
}

/** A figure of a cell: a number, or text that is only a number (`1,711.75`). */
function figureOf(cell: CellSnapshot | undefined): number | undefined {
  if (typeof cell?.value === "number") return cell.value;
  if (!isNumberLike(cell) || typeof cell?.value !== "string" || cell.value.includes("%")) return undefined;
  const n = Number(cell.value.replace(/[,，\s]/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

/** The label of each row of a matrix block: its rightmost text left of the figures. */
function blockLabels(grid: SheetGrid, f: GridFound): (row: number) => string {
  const firstValueCol = Math.min(...[...f.columns.values()].map((c) => c.col));
  return (r) =>
    grid
      .colsIn(r, 1, firstValueCol - 1)
      .map((c) => cellText(grid.cell(r, c)).trim())
      .filter((t) => t !== "")
      .pop() ?? "";
}

/**
 * Whether rows of a matrix block add up to its total row, as written, in at least one money column (a blank
 * or “—” part counts as 0): the proof that rows no declaration names are a split of the total. One wrong
 * cell breaks one column; the others still say it is a split.
 */
function footsAsWritten(grid: SheetGrid, f: GridFound, totalRow: number, parts: readonly number[]): boolean {
  return f.decl.columns.some((c) => {
    if (c.kind !== "money" || !f.columns.has(c.key)) return false;
    const col = f.columns.get(c.key)!.col;
    const total = figureOf(grid.cell(totalRow, col));
    const terms = parts.map((r) => figureOf(grid.cell(r, col)) ?? (isBlank(grid.cell(r, col)) || isDash(grid.cell(r, col)) ? 0 : undefined));
    if (total === undefined || total === 0 || terms.some((t) => t === undefined)) return false;
    return Math.abs(total - terms.reduce((a: number, t) => a + (t ?? 0), 0)) < 0.005;
  });
}

/**
 * A 其中 split no header declares (`年度资金总额 | 其中：中央补助 | 本级财政`, a 上年结转 among rows the form
 * does not name): the rows with amounts right under a matrix block's total row, the first labelled 其中,
 * down to the block's end. It is a split — the parts add up to the total — when they do in at least one
 * money column as written; then every money column is checked (one wrong cell breaks one column, the
 * others still say it is a split). Two parts at least; only when the declared split does not already cover
 * those rows (one of them is undeclared).
 */
function undeclaredSplit(grid: SheetGrid, form: FormDecl, f: GridFound): DeclaredSum[] {
  if (f.decl.mode !== "matrix" || f.inline || f.sideBySide || !f.unknownRows?.length) return [];
  const totalRow = f.rows.get("total");
  if (totalRow === undefined) return [];
  const labelOf = blockLabels(grid, f);
  const known = new Set(f.rows.values());
  const rows = [...new Set([...known, ...f.unknownRows])].filter((r) => r > totalRow).sort((a, b) => a - b);
  // Consecutive rows under the total (blank rows aside), the first a 其中.
  const parts: number[] = [];
  for (const r of rows) {
    if (parts.length && grid.rowsIn(parts[parts.length - 1] + 1, r - 1).length > 0) break;
    if (!parts.length && grid.rowsIn(totalRow + 1, r - 1).length > 0) break;
    parts.push(r);
  }
  if (parts.length < 2 || !/^\s*其中/.test(labelOf(parts[0])) || !parts.some((r) => !known.has(r))) return [];
  const moneyCols = f.decl.columns.filter((c) => c.kind === "money" && f.columns.has(c.key));
  if (!footsAsWritten(grid, f, totalRow, parts)) return [];
  const out: DeclaredSum[] = [];
  const name = (r: number): string => labelOf(r).replace(/^\s*其中[:：]?/, "") || `第${r}行`;
  for (const c of moneyCols) {
    const { col, header } = f.columns.get(c.key)!;
    const target: RelationCell = { cell: boundAt(grid, totalRow, col), field: `${form.id}.${f.decl.id}.total.${c.key}`, label: labelOf(totalRow) || "合计" };
    const terms = parts.map((r) => ({ cell: boundAt(grid, r, col), field: `${form.id}.${f.decl.id}.r${r}.${c.key}`, label: name(r), sign: 1 as const }));
    out.push({ id: `${form.id}:${f.decl.id}:total=split:${c.key}`, sheet: grid.name, where: `${target.label}（${header.replace(/\s+/g, "")}）`, target, terms });
  }
  return out;
}

/** A split's heading: `按收入性质分`, `按资金来源分：`, `按支出用途`, alone or before its first row's label. */
const SPLIT_HEADING = /^\s*按[^:：\s]{1,10}分|^\s*按(?:收入|支出|资金|经济|功能)[^:：\s]{0,8}[:：]?\s*$/;

/**
 * The split heading a row of a matrix block falls under, as `row,col` of the heading's cell; undefined when
 * none. The heading is merged down a column left of the row labels (`按收入性质分` over A5:A7, the rows'
 * labels in B), written in that column on the section's first row only (the merge undone), on a row of its
 * own above the rows (`按支出性质分：`), or before the first row's label in its cell (`按收入性质分：一般公共预算`).
 * The search goes up from the row to the block's total row (a row above the total belongs to no split).
 */
function splitHeadingOf(grid: SheetGrid, f: GridFound, row: number): string | undefined {
  const totalRow = f.rows.get("total");
  const firstValueCol = Math.min(...[...f.columns.values()].map((c) => c.col));
  const moneyCols = f.decl.columns.filter((c) => c.kind === "money" && f.columns.has(c.key)).map((c) => f.columns.get(c.key)!.col);
  for (let r = row; r >= 1 && r > (totalRow ?? 0) && row - r <= GRID_ROWS; r--) {
    // Only through the block: a row with other text where the amounts go (年度总体目标's paragraph, the
    // indicator table's header) is past its end, and no heading above it is this row's.
    if (moneyCols.some((c) => !isBlank(grid.cell(r, c)) && !isNumberLike(grid.cell(r, c)) && !isDash(grid.cell(r, c)))) return undefined;
    const cols = grid.colsIn(r, 1, firstValueCol - 1);
    for (let i = 0; i < cols.length; i++) {
      const t = cellText(grid.cell(r, cols[i]));
      if (!SPLIT_HEADING.test(t)) continue;
      // On the row itself, a heading must stand left of the label, or carry the label after its colon.
      if (r === row && i === cols.length - 1 && !/[:：]\s*\S/.test(t)) continue;
      return `${r},${cols[i]}`;
    }
    // Merged down beside the rows: the merge's top-left cell is the heading.
    for (let c = 1; c < firstValueCol; c++) {
      const m = grid.merge(r, c);
      if (!m || m.end.row === m.start.row || m.start.row === r) continue;
      if (SPLIT_HEADING.test(cellText(grid.cell(m.start.row, m.start.col)))) return `${m.start.row},${m.start.col}`;
    }
  }
  return undefined;
}

/**
 * The splits of a matrix block whose rows the form does not all name (`按收入性质分` over 财政拨款收入 | 事业收入
 * | 其他收入, where the 部门整体 form knows no 事业收入): the rows under one split heading (splitHeadingOf) are
 * the parts of the block's total, whatever their labels, when they add up to it in at least one money
 * column as written — then every money column is checked, so that a 元 slip or a wrong figure in an
 * unnamed row is found, not passed over. A 其中 row (and a row the form declares a part of a sub-total,
 * 人员经费 under 基本支出) is no part of the split. Only sections with an undeclared row: a declared split
 * is checked by the form's own relation.
 */
function headedSplits(grid: SheetGrid, form: FormDecl, f: GridFound): DeclaredSum[] {
  if (f.decl.mode !== "matrix" || f.inline || f.sideBySide || !f.unknownRows?.length) return [];
  const totalRow = f.rows.get("total");
  if (totalRow === undefined) return [];
  const labelOf = blockLabels(grid, f);
  // Rows that are parts of a sub-total (人员经费, 公用经费 under 基本支出).
  const subParts = new Set<number>();
  for (const rel of form.relations ?? []) {
    if (rel.kind !== "sum" || rel.grid !== f.decl.id || rel.total === "total") continue;
    for (const p of rel.parts) {
      const r = f.rows.get(p.replace(/^-/, ""));
      if (r !== undefined) subParts.add(r);
    }
  }
  const unknown = new Set(f.unknownRows);
  const sections = new Map<string, number[]>();
  for (const r of [...new Set([...f.rows.values(), ...f.unknownRows])].sort((a, b) => a - b)) {
    if (r <= totalRow || subParts.has(r) || /^\s*其中/.test(labelOf(r).replace(/^\s*按[^:：]{1,10}[:：]/, ""))) continue;
    const h = splitHeadingOf(grid, f, r);
    if (h !== undefined) sections.set(h, [...(sections.get(h) ?? []), r]);
  }
  const moneyCols = f.decl.columns.filter((c) => c.kind === "money" && f.columns.has(c.key));
  const out: DeclaredSum[] = [];
  for (const [heading, parts] of sections) {
    if (parts.length < 2 || !parts.some((r) => unknown.has(r))) continue;
    if (!footsAsWritten(grid, f, totalRow, parts)) continue;
    const [hr, hc] = heading.split(",").map(Number);
    const name = cellText(grid.cell(hr, hc)).trim().replace(/[:：].*$/, "") || "分项";
    const rowName = (r: number): string => labelOf(r).replace(/^\s*按[^:：]{1,10}[:：]/, "") || `第${r}行`;
    for (const c of moneyCols) {
      const { col, header } = f.columns.get(c.key)!;
      const target: RelationCell = { cell: boundAt(grid, totalRow, col), field: `${form.id}.${f.decl.id}.total.${c.key}`, label: labelOf(totalRow) || "合计" };
      const terms = parts.map((r) => ({ cell: boundAt(grid, r, col), field: `${form.id}.${f.decl.id}.r${r}.${c.key}`, label: rowName(r), sign: 1 as const }));
      out.push({ id: `${form.id}:${f.decl.id}:total=${heading}:${c.key}`, sheet: grid.name, where: `${name}（${header.replace(/\s+/g, "")}）`, target, terms });
    }
  }
  return out;
}

/** A line's or row's name as matched across tables: no numbering (一、), no 科目编码, no spaces. */
function lineName(label: string): string {
  return normalizeLabel(label).replace(/^[一二三四五六七八九十]+[、.．]/, "").replace(/^\d{3,}/, "").replace(/[\s\u3000]/g, "");
}

/**
 * The relations between the forms read into one model (FormDecl.links): a 支出决算表's 合计 against the
 * 收入支出决算总表's 本年支出合计. A link is checked only when each of its cells is found.
 * @param reads - the forms of one model
 */
export function linkRelations(reads: readonly FormRead[]): DeclaredSum[] {
  const out: DeclaredSum[] = [];
  for (const read of reads) {
    for (const link of read.form.links ?? []) {
      const at = (p: CellPath): RelationCell | undefined => (p.form === undefined ? read : reads.find((r) => r.form.id === p.form))?.cellOf(p.grid, p.row, p.column);
      const target = at(link.target);
      const terms = link.terms.map(at);
      if (!target || terms.some((t) => t === undefined)) continue;
      out.push({
        id: `${read.form.id}:link:${link.name}`,
        sheet: target.cell.ref.sheet,
        where: link.name,
        target,
        terms: (terms as RelationCell[]).map((t) => ({ ...t, sign: 1 as const })),
      });
    }
  }
  for (const read of reads) {
    for (const link of read.form.rowLinks ?? []) {
      const of = (form?: string): FormRead | undefined => (form === undefined ? read : reads.find((r) => r.form.id === form));
      const lines = of(link.lines.form)?.linesOf(link.lines.grid, link.lines.total) ?? [];
      const rows = of(link.rows.form)?.rowsOf(link.rows.grid, link.rows.column) ?? [];
      for (const line of lines) {
        const name = lineName(line.label);
        const same = rows.filter((r) => name.length >= 2 && lineName(r.label) === name);
        if (same.length !== 1) continue;
        out.push({ id: `${read.form.id}:rowlink:${link.name}:${name}`, sheet: line.cell.ref.sheet, where: `${link.name}（${name}）`, target: line, terms: [{ ...same[0], sign: 1 }] });
      }
    }
  }
  return out;
}

/**
 * The row closing the indicator table (`总分 | … | 100 | 95`): its 得分 is the 综合得分, its 分值 the
 * total of the weights.
 */
function bindTotalRow(grid: SheetGrid, table: MappingResult["tables"]["jx_indicators"], area: Area, result: MappingResult): void {
  if (!table) return;
  const scoreCol = table.columns.find((c) => c.key === "score")?.col;
  const weightCol = table.columns.find((c) => c.key === "weight")?.col;
  for (const r of grid.rowsIn(area.end.row + 1, area.end.row + 3)) {
    if (!TOTAL_ROW_LABELS.has(firstText(grid, r))) continue;
    if (scoreCol !== undefined) result.scalars.jx_score_total = binding("jx_score_total", boundAt(grid, r, scoreCol));
    if (weightCol !== undefined) {
      let weight = boundAt(grid, r, weightCol);
      // A 分值 per level (一级指标 | 分值 | … | 三级指标 | 分值): the 总分 row writes its 分值 under the first one.
      if (weight.cell === undefined) {
        const same = levelWeightColumns(grid, table);
        const at = same.find((c) => isNumberLike(grid.cell(r, c)));
        if (at !== undefined) weight = boundAt(grid, r, at);
      }
      result.scalars.jx_weight_total = binding("jx_weight_total", weight);
    }
    return;
  }
  // `自评总分：92.50分` in one cell under the table (merged across it): the 综合得分 that text writes, at that
  // cell. Unread, a wrong 总分 so written passed as 可以导出, and the prose's score was compared with nothing.
  for (const r of grid.rowsIn(area.end.row + 1, area.end.row + 3)) {
    for (const c of grid.colsIn(r)) {
      const v = grid.cell(r, c)?.value;
      const m = typeof v === "string" ? INLINE_SCORE_TOTAL.exec(v) : null;
      if (!m) continue;
      const decimals = m[1].split(".")[1]?.length ?? 0;
      result.scalars.jx_score_total = { id: "jx_score_total", ref: grid.bound(r, c).ref, cell: { value: Number(m[1]), numberFormat: decimals ? `0.${"0".repeat(decimals)}` : "0" }, source: "label" };
      return;
    }
  }
}

/** The 综合得分 written with its label in one cell: `自评总分：92.50分`, `综合得分: 88`, `总分：96.3分`. */
const INLINE_SCORE_TOTAL = /^\s*(?:绩效)?(?:自评)?(?:综合得分|总分|总得分|自评得分|得分合计)\s*[:：]\s*(\d{1,3}(?:\.\d+)?)\s*分?\s*$/;

/** The first cell of a score summary's rows written across: its 分值 row and its 得分 row. */
const ACROSS_WEIGHT = new Set(["分值", "权重", "标准分值", "标准分", "满分"]);
const ACROSS_SCORE = new Set(["得分", "自评得分", "实际得分"]);

/**
 * A 得分汇总 written across, under the indicator table: a header row naming the groups (`项目 | 预算执行率 | 产出指标
 * | 效益指标 | 满意度指标 | 总分`), then a row headed 分值 and one headed 得分 with the figures under each group.
 * Read as the schema's jx_score_summary, one row per group (its cells on the 分值 and 得分 rows); the 总分
 * column is the form's 综合得分 and 分值 total when the indicator table has no total row.
 */
function acrossSummary(grid: SheetGrid, after: number, result: MappingResult): void {
  if (result.tables.jx_score_summary) return;
  const first = (r: number): string => {
    const c = grid.colsIn(r)[0];
    return c === undefined ? "" : labelKey(cellText(grid.cell(r, c)));
  };
  for (const r of grid.rowsIn(after + 1, after + 12)) {
    const a = first(r);
    const b = first(r + 1);
    const weightRow = ACROSS_WEIGHT.has(a) && ACROSS_SCORE.has(b) ? r : ACROSS_SCORE.has(a) && ACROSS_WEIGHT.has(b) ? r + 1 : undefined;
    if (weightRow === undefined) continue;
    const scoreRow = weightRow === r ? r + 1 : r;
    const header = r - 1;
    const labelCol = grid.colsIn(r)[0];
    const groups = grid.colsIn(header).filter((c) => c > labelCol && typeof grid.cell(header, c)?.value === "string" && (isNumberLike(grid.cell(weightRow, c)) || isNumberLike(grid.cell(scoreRow, c))));
    if (groups.length < 2) return;
    const rows: TableRow[] = groups.map((c) => ({
      row: scoreRow,
      cells: { level1: grid.bound(header, c), weight: boundAt(grid, weightRow, c), score: boundAt(grid, scoreRow, c) },
      isSummary: false,
      level1: cellText(grid.cell(header, c)).trim(),
    }));
    result.tables.jx_score_summary = {
      id: "jx_score_summary",
      source: "label",
      sheet: grid.name,
      headerRow: header,
      columns: [
        { key: "level1", header: cellText(grid.cell(header, labelCol)), col: labelCol },
        { key: "weight", header: cellText(grid.cell(weightRow, labelCol)), col: labelCol },
        { key: "score", header: cellText(grid.cell(scoreRow, labelCol)), col: labelCol },
      ],
      rows,
    };
    result.areas.jx_score_summary = { start: { row: header, col: labelCol }, end: { row: Math.max(weightRow, scoreRow), col: Math.max(...groups) } };
    // Its 总分 column is the form's total when no total row closed the indicator table.
    const total = groups.find((c) => TOTAL_ROW_LABELS.has(labelKey(cellText(grid.cell(header, c)))));
    if (total !== undefined) {
      if (!result.scalars.jx_score_total?.cell) result.scalars.jx_score_total = binding("jx_score_total", boundAt(grid, scoreRow, total));
      if (!result.scalars.jx_weight_total?.cell) result.scalars.jx_weight_total = binding("jx_weight_total", boundAt(grid, weightRow, total));
    }
    return;
  }
}

/**
 * The columns headed like the indicators' 分值 left of their deepest level (`一级指标 | 分值 | 二级指标 | 分值 |
 * 三级指标 | 分值`): each level's own 分值, written once per group (merged down its rows).
 */
function levelWeightColumns(grid: SheetGrid, table: NonNullable<MappingResult["tables"]["jx_indicators"]>): number[] {
  const weight = table.columns.find((c) => c.key === "weight");
  const deepest = ["level3", "level2", "level1"].map((k) => table.columns.find((c) => c.key === k)?.col).find((x) => x !== undefined);
  if (!weight || deepest === undefined || weight.col < deepest) return [];
  const key = labelKey(weight.header);
  return grid.colsIn(table.headerRow, 1, deepest - 1).filter((c) => labelKey(cellText(grid.cell(table.headerRow, c))) === key);
}

/**
 * Whether a group starts at `row` in the level left of the 分值 column `col`: its label is written there
 * (in its own cell or at the top of its merge), and the 分值 cell is not the lower part of a merge from above.
 */
function namesGroup(grid: SheetGrid, row: number, col: number, previous: number | undefined): boolean {
  const own = grid.merge(row, col);
  if (own && own.start.row !== row) return false;
  const label = grid.merge(row, col - 1);
  if (label && label.start.row !== row) return false;
  const text = cellText(grid.cell(row, col - 1)).trim();
  // The group's label written again on each of its rows (the merges undone) names no new group.
  return text !== "" && (previous === undefined || cellText(grid.shown(previous, col - 1)).trim() !== text);
}

/**
 * Each level's 分值 (merged down its group's rows, or written in its first row with the rows below left
 * blank) = Σ the 分值 of the indicators of those rows.
 */
function levelWeightSums(grid: SheetGrid, form: FormDecl, table: MappingResult["tables"]["jx_indicators"]): DeclaredSum[] {
  if (!table) return [];
  const out: DeclaredSum[] = [];
  for (const col of levelWeightColumns(grid, table)) {
    // A level whose 分值 was left blank beside filled ones is a relation all the same (its target blank):
    // the form is not finished, and the blank is reported where it is (total-matches-parts, “空白”).
    const used = table.rows.some((r) => isNumberLike(grid.cell(r.row, col)));
    for (const row of table.rows) {
      const own = grid.cell(row.row, col);
      if (!isNumberLike(own) && !(used && isBlank(own) && namesGroup(grid, row.row, col, table.rows[table.rows.indexOf(row) - 1]?.row))) continue;
      const merge = grid.merges.find((m) => m.start.row === row.row && m.start.col === col);
      // Not merged (the merge undone, the 分值 left in the group's first row): the group runs down to the
      // row where this level or a shallower one names its next group.
      const next = merge ? undefined : table.rows.find((r) => r.row > row.row && grid.colsIn(r.row, 1, col).some((c) => !isBlank(grid.cell(r.row, c))));
      const end = merge ? merge.end.row : next ? next.row - 1 : table.rows[table.rows.length - 1].row;
      const members = table.rows.filter((r) => r.row >= row.row && r.row <= end && r.cells.weight?.cell !== undefined);
      if (members.length === 0) continue;
      const name = cellText(grid.cell(row.row, col - 1)).trim() || `第${row.row}行`;
      out.push({
        id: `${form.id}:levels:${col}:${row.row}`,
        sheet: grid.name,
        where: `${name}分值`,
        target: { cell: boundAt(grid, row.row, col), field: `${form.id}.levels.${row.row}.weight`, label: `${name}分值` },
        terms: members.map((m) => ({ cell: m.cells.weight, field: "jx_indicators.weight", label: cellText(m.cells.level3?.cell) || `第${m.row}行`, sign: 1 as const })),
        points: true,
      });
    }
  }
  return out;
}
