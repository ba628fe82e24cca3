/**
 * Read one table of the schema from a rectangle of a sheet: header rows (one to four, with merged
 * `其中` cells), columns found by label, data rows, the 汇总 row and the carried-down 一级/二级 groups.
 * Used both for named rectangles and for tables found by auto-map.
 */
import type { BoundCell, MappingProblem, MappingSource, TableBinding, TableColumn, TableRow } from "../model/report-model";
import { normalizeLabel, type ColumnDef, type TableDef } from "../schema/fields";
import { toA1, type Area } from "../model/address";
import { isBlank, isNumberLike, type SheetGrid } from "./grid";

/** The most header rows a table may have (seed 000's 支出 table has three). */
const MAX_HEADER_ROWS = 4;

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  readonly source: MappingSource;
  /**
   * Auto-map mode: the rectangle's bottom and right edges are unknown. The columns end where the header
   * ends, and the rows end at the first fully blank row or where `stopAt(row)` is true.
   */
  readonly auto?: {
    readonly stopAt: (row: number) => boolean;
    /**
     * Blank rows do not end the table when the next filled row (within two blank rows) is still a row
     * of it (a printed form's spacing): it must not be a stop row and must fill two of the table's columns.
     */
    readonly blankRowsInside?: boolean;
    /**
     * A stop row that is only a heading of the rows under it (`一、专项业务费` merged across a 项目汇总表 grouped
     * by category) does not end the table when the next filled row is still a row of it; the heading is
     * no data row.
     */
    readonly headingAt?: (row: number) => boolean;
  };
}

/** What {@link readTable} found. */
export interface TableRead {
  readonly binding: TableBinding;
  /** The table's rectangle: header rows through the last data row. */
  readonly area: Area;
  readonly problems: readonly MappingProblem[];
  /** How many of the table's columns were found. */
  readonly matched: number;
}

/** `其中`, the label of a grouping header cell that is never a column itself. */
const AMONG = "其中";

const labelCache = new WeakMap<ColumnDef, readonly string[]>();

/** The normalised labels (label + aliases) of a column (computed once per column). */
export function columnLabels(col: ColumnDef): readonly string[] {
  let labels = labelCache.get(col);
  if (!labels) {
    labels = [col.label, ...col.aliases].map(normalizeLabel);
    labelCache.set(col, labels);
  }
  return labels;
}

const vocabCache = new WeakMap<TableDef, ReadonlySet<string>>();

/** Every normalised header label of a table (its columns' labels and aliases, plus 其中), once per table definition. */
function headerVocabulary(def: TableDef): ReadonlySet<string> {
  let set = vocabCache.get(def);
  if (set === undefined) {
    const words = new Set<string>([AMONG]);
    for (const c of def.columns) for (const l of columnLabels(c)) words.add(l);
    vocabCache.set(def, (set = words));
  }
  return set;
}

/**
 * The header row of a named rectangle: its first row, unless the clerk's name also covers a title row
 * or two above the header (`年度收入情况（万元）`): then the first of the next rows holding one of the
 * table's labels.
 */
export function headerTop(grid: SheetGrid, def: TableDef, area: Area): number {
  const vocab = headerVocabulary(def);
  const labelled = (r: number): boolean =>
    grid.colsIn(r, area.start.col, area.end.col).some((c) => {
      const n = grid.memo(normalizeLabel, String(grid.cell(r, c)?.value ?? ""));
      return n !== AMONG && vocab.has(n);
    });
  if (labelled(area.start.row)) return area.start.row;
  for (let r = area.start.row + 1; r <= Math.min(area.end.row, area.start.row + 3); r++) if (labelled(r)) return r;
  return area.start.row;
}

/**
 * Whether row `r` continues the header that starts at `top`: no numbers, an empty first column, and
 * either a header label of the table or a first column merged down from the header.
 */
function continuesHeader(grid: SheetGrid, r: number, top: number, span: { left: number; right: number }, vocab: ReadonlySet<string>): boolean {
  const nameMerge = grid.merge(r, span.left);
  const mergedDown = nameMerge !== undefined && nameMerge.start.row >= top && nameMerge.start.row < r;
  if (!isBlank(grid.cell(r, span.left))) return false;
  const cols = grid.colsIn(r, span.left, span.right);
  if (cols.some((c) => isNumberLike(grid.cell(r, c)) || grid.cell(r, c)?.error)) return false;
  if (mergedDown) return true;
  return cols.some((c) => vocab.has(grid.memo(normalizeLabel, String(grid.cell(r, c)?.value ?? ""))));
}

/** A unit written after a header's label, normalised (`(万元)`, `(元)`, `(%)`), when a label precedes it. */
const UNIT_SUFFIX = /(?<=.)\((?:万元|元|%)\)$/;

/**
 * Match the table's columns to sheet columns by their header texts.
 * Pass 1: a column's own (lowest) header equals a label or alias. Pass 2: any header row of a free
 * column equals one (a label sitting in a merged cell above). Pass 3: a free column's own header
 * contains a label (`三公经费\n合计（万元）`), when exactly one column claims it.
 */
function matchColumns(headers: Map<number, string[]>, def: TableDef, grid: SheetGrid): Map<string, number> {
  // A header's unit (`预算数（万元）`, `执行率（%）`) is no part of its label: the column is 预算数's.
  const norm = (t: string): string => grid.memo(normalizeLabel, t).replace(UNIT_SUFFIX, "");
  const assigned = new Map<string, number>();
  const used = new Set<number>();
  const own = new Map<number, string>();
  for (const [col, texts] of headers) {
    const lowest = [...texts].reverse().find((t) => t !== "");
    if (lowest !== undefined) own.set(col, norm(lowest));
  }
  const cols = [...headers.keys()].sort((a, b) => a - b);
  const assign = (key: string, col: number): void => {
    assigned.set(key, col);
    used.add(col);
  };
  for (const col of cols) {
    const text = own.get(col);
    if (!text) continue;
    const def1 = def.columns.find((c) => !assigned.has(c.key) && columnLabels(c).includes(text));
    if (def1) assign(def1.key, col);
  }
  // A header repeated at each level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 …): the row's own
  // column is the one after the deepest level the table names; those before it are the levels' subtotals.
  const deepest = ["level3", "level2", "level1"].map((k) => assigned.get(k)).find((x) => x !== undefined);
  if (deepest !== undefined) {
    for (const [key, col] of [...assigned]) {
      if (key.startsWith("level") || col > deepest) continue;
      const labels = columnLabels(def.columns.find((c) => c.key === key)!);
      const after = cols.find((x) => x > deepest && !used.has(x) && labels.includes(own.get(x) ?? ""));
      if (after === undefined) continue;
      used.delete(col);
      assign(key, after);
    }
  }
  for (const c of def.columns) {
    if (assigned.has(c.key)) continue;
    const labels = columnLabels(c);
    const hit = cols.find((col) => !used.has(col) && (headers.get(col) ?? []).some((t) => t !== "" && labels.includes(norm(t))));
    if (hit !== undefined) assign(c.key, hit);
  }
  const claims = new Map<string, number[]>();
  for (const col of cols) {
    const text = own.get(col);
    if (used.has(col) || !text || text === AMONG) continue;
    let best: { key: string; len: number } | undefined;
    for (const c of def.columns) {
      if (assigned.has(c.key)) continue;
      for (const l of columnLabels(c)) {
        if (l.length >= 2 && text.includes(l) && (!best || l.length > best.len)) best = { key: c.key, len: l.length };
      }
    }
    if (best) claims.set(best.key, [...(claims.get(best.key) ?? []), col]);
  }
  for (const [key, claimants] of claims) if (claimants.length === 1) assign(key, claimants[0]);
  return assigned;
}

/**
 * Leave out of the matching each hidden column whose own header is a visible column's: last year's
 * figures kept in a hidden column headed like this year's (全年执行数 | 全年执行数) must not be read for
 * them, nor for another column that shares the label.
 */
function dropHiddenTwins(headers: Map<number, string[]>, grid: SheetGrid): void {
  const hidden = [...headers.keys()].filter((c) => grid.colHidden(c));
  if (hidden.length === 0) return;
  const own = (col: number): string => grid.memo(normalizeLabel, [...(headers.get(col) ?? [])].reverse().find((t) => t !== "") ?? "");
  const shown = new Set([...headers.keys()].filter((c) => !grid.colHidden(c)).map(own));
  for (const c of hidden) if (own(c) !== "" && shown.has(own(c))) headers.delete(c);
}

/**
 * Whether a row's name makes it the 汇总 row: it starts with 汇总/合计/总计 (spaces aside) or holds 汇总 or
 * 合计. Asked of every row of a table until the 汇总 row is found (often the last one), so the common
 * case (a name holding none of 汇, 合, 总) is told by three searches, without a copy of the text.
 */
function isSummaryName(name: string): boolean {
  if (name.includes("汇总") || name.includes("合计")) return true;
  if (!name.includes("汇") && !name.includes("合") && !name.includes("总")) return false;
  return /^(?:汇总|合计|总计)/.test(name.replace(/\s+/g, ""));
}

/** A subtotal row's label: `小计`, `产出指标小计`, `小计（产出指标）`. */
const SUBTOTAL_LABEL = /^(?:.{0,12}小计|小计[(（].{0,12}[)）])$/;

/**
 * Read a table from `area` (whose first row is the header).
 * @param grid - the sheet
 * @param def - the schema table
 * @param area - the rectangle; in auto mode only its top-left corner matters
 */
export function readTable(grid: SheetGrid, def: TableDef, area: Area, options: ReadTableOptions): TableRead {
  const top = area.start.row;
  const left = area.start.col;
  const bottomLimit = options.auto ? grid.maxRow : Math.min(area.end.row, grid.maxRow);
  let right = options.auto ? grid.maxCol : Math.min(area.end.col, grid.maxCol);
  const vocab = headerVocabulary(def);

  let headerRow = top;
  while (headerRow + 1 <= bottomLimit && headerRow + 1 < top + MAX_HEADER_ROWS && continuesHeader(grid, headerRow + 1, top, { left, right }, vocab)) {
    headerRow++;
  }

  if (options.auto) {
    // The header's own extent (cells and their merges) is the table's width.
    let edge = left;
    for (let r = top; r <= headerRow; r++) {
      for (const c of grid.colsIn(r, left, right)) edge = Math.max(edge, grid.merge(r, c)?.end.col ?? c);
    }
    for (const m of grid.merges) {
      if (m.start.row >= top && m.start.row <= headerRow && m.start.col >= left && m.start.col <= right) edge = Math.max(edge, m.end.col);
    }
    right = edge;
  }

  const headers = new Map<number, string[]>();
  for (let c = left; c <= right; c++) {
    const texts: string[] = [];
    for (let r = top; r <= headerRow; r++) texts.push(grid.text(r, c));
    if (texts.some((t) => t !== "")) headers.set(c, texts);
  }
  dropHiddenTwins(headers, grid);
  const assigned = matchColumns(headers, def, grid);
  const columns: TableColumn[] = def.columns
    .filter((c) => assigned.has(c.key))
    .map((c) => {
      const col = assigned.get(c.key) as number;
      const texts = headers.get(col) ?? [];
      return { key: c.key, header: [...texts].reverse().find((t) => t !== "") ?? "", col };
    });

  const problems: MappingProblem[] = def.columns
    .filter((c) => c.required && !assigned.has(c.key))
    .map((c) => ({
      code: "missing-column" as const,
      target: `${def.id}.${c.key}`,
      detail: c.label,
      ref: { sheet: grid.name, address: toA1({ row: top, col: left }) },
    }));

  const dataRows = options.auto
    ? autoDataRows(grid, options.auto, columns, headerRow, bottomLimit, left, right)
    : declaredDataRows(grid, headerRow, bottomLimit, left, right);

  const rows = bindRows(grid, def, dataRows, columns, left, assigned);

  const binding: TableBinding = { id: def.id, source: options.source, sheet: grid.name, headerRow, columns, rows };
  const bottom = options.auto ? Math.max(headerRow, dataRows[dataRows.length - 1] ?? headerRow) : area.end.row;
  return { binding, area: { start: { row: top, col: left }, end: { row: bottom, col: right } }, problems, matched: columns.length };
}

/**
 * The table's rows: every data row's cells bound, its 合计 flag and (indicator tables) its 一级/二级 group.
 * A function of its own, apart from readTable's set-up: this loop binds every cell of every row of every
 * table (48 000 at 2 000 institutions), and V8 optimises a hot loop by compiling the whole function around
 * it — readTable entire took TurboFan 40–60 ms each time, this loop alone a fraction of that.
 */
function bindRows(grid: SheetGrid, def: TableDef, dataRows: readonly number[], columns: readonly TableColumn[], left: number, assigned: ReadonlyMap<string, number>): TableRow[] {
  const grouped = def.id === "jx_indicators" || def.id === "jx_score_summary";
  const nameCol = assigned.get("name");
  const c1 = assigned.get("level1");
  const c2 = assigned.get("level2");
  const c3 = assigned.get("level3");
  // The columns as two flat lists: nothing in the loop is looked up or allocated that the binding does
  // not keep.
  const keys = columns.map((c) => c.key);
  const at = columns.map((c) => c.col);
  const width = keys.length;
  let summaryFound = false;
  let level1: string | undefined;
  let level2: string | undefined;
  const rows: TableRow[] = [];
  for (let di = 0; di < dataRows.length; di++) {
    const r = dataRows[di];
    const cells: Record<string, BoundCell> = {};
    // grid.bound: the snapshot's own address key, not an A1 string formatted per cell of every row.
    for (let j = 0; j < width; j++) cells[keys[j]] = grid.bound(r, at[j]);
    // A 小计 label merged from the left across the name column (序号 | 项目名称 | … under one “小计”) names the
    // row: bound as its name, so that the row is read as its group's subtotal, not as an unnamed item.
    if (def.hasSummaryRow && nameCol !== undefined && cells.name?.cell === undefined) {
      const m = grid.merge(r, nameCol);
      if (m !== undefined && m.start.row === r && m.start.col < nameCol && grid.text(r, nameCol).includes("小计")) cells.name = grid.bound(r, m.start.col);
      else if (m === undefined) {
        // The merge undone: the 小计 label left alone in the 序号 cell, the name cell blank.
        const c = grid.colsIn(r, 1, nameCol - 1).at(-1);
        if (c !== undefined && /^小计|小计$/.test(grid.text(r, c).replace(/\s+/g, ""))) cells.name = grid.bound(r, c);
      }
    }
    let isSummary = false;
    if (def.hasSummaryRow && !summaryFound && nameCol !== undefined) {
      // The 合计 label may sit left of the name column (in 序号, or merged across both), also when the
      // table was found from its name column (序号 left of it, the merge undone: `合计 | | … | 192.31`).
      let name = grid.text(r, nameCol);
      for (let c = nameCol - 1; name === "" && c >= 1; c--) name = grid.text(r, c);
      if (isSummaryName(name)) isSummary = summaryFound = true;
    }
    if (!grouped) {
      rows.push({ row: r, cells, isSummary });
      continue;
    }
    const t1 = c1 !== undefined ? grid.text(r, c1) : "";
    const t2 = c2 !== undefined ? grid.text(r, c2) : "";
    // A 小计 written in the 三级 column (产出指标 | … | 小计 | | | 50 | 49.79) names the row, not an
    // indicator: it is read as the row's label, where a 小计 in the 一级 or 二级 column is.
    if (c3 !== undefined && c3 !== c2 && cells.level3?.cell !== undefined && SUBTOTAL_LABEL.test(grid.text(r, c3).replace(/\s+/g, ""))) {
      cells.level2 = cells.level3;
      cells.level3 = { ref: cells.level3.ref };
    }
    if (t1 !== "" && t1 !== level1) {
      // A new 一级 group: its 二级 does not carry over from the previous group.
      level1 = t1;
      level2 = t2 !== "" ? t2 : undefined;
    } else if (t2 !== "") {
      level2 = t2;
    }
    rows.push({ row: r, cells, isSummary, level1, level2 });
  }
  return def.hasSummaryRow && nameCol !== undefined ? withCategoryRows(grid, rows, nameCol) : rows;
}

/** A category's numbering: 一、二、… in the 序号 cell or before the name. */
const SECTION_NO = /^[一二三四五六七八九十]+[、.．]?$/;
const SECTION_NAME = /^[一二三四五六七八九十]+[、.．]/;
/** An item's numbering: 1、2、… (or （1）) in the 序号 cell or before the name. */
const ITEM_NO = /^\d+[、.．]?$/;
const ITEM_NAME = /^(?:\d+[、.．)）]|[(（]\d+[)）])/;

/**
 * A list grouped by category, each category's own row carrying the subtotal of the items under it (`一 |
 * 公共卫生服务类 | 447.00` over `1 | 基本公共卫生服务补助 | 320.00` …): such a row — numbered 一、二 … where the
 * items are numbered 1、2 … — sums the rows under it up to the next category or the 合计. A category row
 * with no item under it (`二、项目支出` beside `一、基本支出` and its 其中 rows) is an item itself.
 */
function withCategoryRows(grid: SheetGrid, rows: TableRow[], nameCol: number): TableRow[] {
  const kind = (r: number): "section" | "item" | undefined => {
    const before = nameCol > 1 ? grid.text(r, nameCol - 1).replace(/\s+/g, "") : "";
    const name = grid.text(r, nameCol).replace(/\s+/g, "");
    // The name's own numbering (`1、局机关`) is the row's, over a 序号 column's (一、 added in front).
    if (SECTION_NAME.test(name)) return "section";
    if (ITEM_NAME.test(name) || name.startsWith("其中")) return "item";
    if (SECTION_NO.test(before)) return "section";
    if (ITEM_NO.test(before)) return "item";
    return undefined;
  };
  const kinds = rows.map((row) => (row.isSummary ? undefined : kind(row.row)));
  if (!kinds.includes("section") || !kinds.includes("item")) return rows;
  const out = [...rows];
  for (let i = 0; i < rows.length; i++) {
    if (kinds[i] !== "section") continue;
    const members: number[] = [];
    for (let j = i + 1; j < rows.length && kinds[j] !== "section" && !rows[j].isSummary; j++) members.push(rows[j].row);
    if (members.length) out[i] = { ...rows[i], subtotalOf: members };
  }
  return out;
}

/*
 * The data rows, in functions of their own (like bindRows): each loop visits every row under the header.
 */

/** The rows of an auto-mapped table: down from the header to the first blank row (or a stop row). */
function autoDataRows(grid: SheetGrid, auto: NonNullable<ReadTableOptions["auto"]>, columns: readonly TableColumn[], headerRow: number, bottomLimit: number, left: number, right: number): number[] {
  const dataRows: number[] = [];
  const matchedCols = columns.map((c) => c.col);
  // The table's own header written again inside it (a page break pasted in: 一级指标 | 二级指标 | … before
  // the 效益指标) is no data row and does not end the table when its rows go on below.
  const ownHeader = columns.filter((c) => c.header !== "").map((c) => ({ col: c.col, text: normalizeLabel(c.header) }));
  const sameAsHeader = (r: number): boolean => {
    if (ownHeader.length < 2) return false;
    const same = ownHeader.filter((h) => grid.memo(normalizeLabel, grid.text(r, h.col)) === h.text).length;
    return same >= 2 && same * 2 >= ownHeader.length;
  };
  const continues = (r: number): boolean => {
    for (let next = r + 1; next <= Math.min(r + 3, bottomLimit); next++) {
      if (!grid.hasCellsIn(next, left, right) || sameAsHeader(next)) continue;
      if (next > r + 2 && !sameAsHeader(next - 1)) return false;
      if (auto.stopAt(next)) return false;
      return matchedCols.filter((c) => !isBlank(grid.shown(next, c))).length >= 2;
    }
    return false;
  };
  // A group heading may sit left of the table's first column too (merged from 序号 across the row).
  const heading = (r: number): boolean => auto.headingAt !== undefined && auto.headingAt(r) && continues(r);
  const repeatsHeader = (r: number): boolean => dataRows.length > 0 && sameAsHeader(r) && continues(r);
  for (let r = headerRow + 1; r <= bottomLimit; r++) {
    if (!grid.hasCellsIn(r, left, right)) {
      if (auto.blankRowsInside && dataRows.length > 0 && continues(r)) continue;
      if (heading(r)) continue;
      break;
    }
    if (repeatsHeader(r)) continue;
    if (auto.stopAt(r)) {
      if (heading(r)) continue;
      break;
    }
    dataRows.push(r);
  }
  return dataRows;
}

/** The rows of a table in a declared area: every row under the header with a cell inside the area. */
function declaredDataRows(grid: SheetGrid, headerRow: number, bottomLimit: number, left: number, right: number): number[] {
  const dataRows: number[] = [];
  const inRange = grid.rowsIn(headerRow + 1, bottomLimit);
  for (let i = 0; i < inRange.length; i++) if (grid.hasCellsIn(inRange[i], left, right)) dataRows.push(inRange[i]);
  return dataRows;
}
