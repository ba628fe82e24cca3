/**
 * Auto-map: a workbook without `jx_` names is mapped by reading its labels, the way a clerk's own
 * sheet (or a report pasted from Word, like seed 000) is laid out.
 *
 * Tables first: a row holding a table's first column label (机构名称, 项目名称, 一级指标) starts a
 * candidate header; the table whose required columns and most other columns are found there wins
 * (ties go to the table whose title hint is written just above or in the header: 三公经费合计 vs
 * 固定资产合计). A table ends at its first fully blank row, at a title row, or at the next table's header.
 * Then scalars: a cell whose label is a field's label or alias takes the nearest non-empty cell to its
 * right (or below, for the narrative fields), outside the tables found.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import type { MoneyUnit, ScalarBinding } from "../model/report-model";
import { SCALAR_FIELDS, TABLES, normalizeLabel, type ScalarFieldDef, type TableDef } from "../schema/fields";
import { toA1, type Area } from "../model/address";
import { cellText, isBlank, isNumberLike, type SheetGrid } from "./grid";
import { columnLabels, readTable, type TableRead } from "./table-reader";
import { emptyResult, type MappingResult } from "./types";

/** What auto-map found, plus a money unit read from table titles (`年度收入情况（万元）`). */
export interface AutoMapResult {
  readonly result: MappingResult;
  readonly titleUnit?: MoneyUnit;
}

/** How many rows above a header are searched for the table's title. */
const TITLE_ROWS_ABOVE = 3;
/** How many rows below a narrative label its text may start. */
const NARRATIVE_ROWS_BELOW = 5;
/** How many rows below a label in a header row its value may sit (a merged two-row header). */
const HEADER_ROWS_BELOW = 2;

/** Normalised scalar labels → field (the first field listing a label wins). */
const SCALAR_BY_LABEL: ReadonlyMap<string, ScalarFieldDef> = (() => {
  const m = new Map<string, ScalarFieldDef>();
  for (const f of SCALAR_FIELDS) {
    for (const l of [f.label, ...f.aliases].map(normalizeLabel)) if (!m.has(l)) m.set(l, f);
  }
  return m;
})();

/** Every normalised label of every table column. */
const COLUMN_LABELS: ReadonlySet<string> = new Set(TABLES.flatMap((t) => t.columns.flatMap(columnLabels)));

const TITLE_HINTS: readonly string[] = TABLES.flatMap((t) => t.titleHints.map(normalizeLabel));

function norm(grid: SheetGrid, row: number, col: number): string {
  return grid.memo(normalizeLabel, cellText(grid.cell(row, col)));
}

/** The last character of every normalised schema label: a text ending otherwise is no label. */
const LABEL_ENDINGS: ReadonlySet<string> = new Set([...SCALAR_BY_LABEL.keys(), ...COLUMN_LABELS].map((l) => l.slice(-1)));

/**
 * A text normalised for an exact label lookup, or `""` when it cannot be a label. Most cells of a big
 * sheet are data; checking the last character first spares normalising each of them.
 */
function labelText(raw: string): string {
  const t = raw.replace(/[\s:：]+$/, "");
  let last = t.slice(-1);
  const code = last.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) last = String.fromCharCode(code - 0xfee0);
  return LABEL_ENDINGS.has(last.toLowerCase()) ? normalizeLabel(raw) : "";
}

/** {@link labelText} of a cell. */
function labelAt(grid: SheetGrid, row: number, col: number): string {
  const v = grid.cell(row, col)?.value;
  // Memoised per sheet: every table's end test (title, header, closing rows) reads each row's labels again.
  return typeof v === "string" ? grid.memo(labelText, v) : "";
}

/** Whether a text is a label of the schema (a scalar's or a column's), hence never a value. */
function isLabel(text: string): boolean {
  const n = labelText(text);
  return n !== "" && (SCALAR_BY_LABEL.has(n) || COLUMN_LABELS.has(n));
}

/** A section heading's numbering: `三、`, `（二）`, `第一部分`. Data rows are numbered `1、`, never so. */
const SECTION_NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部章节])/;

/**
 * A row holding one text cell that names a table (`部门（单位）年度支出和结余情况（万元）`), starts a
 * section (`三、部门（单位）整体支出绩效自评情况`) or is merged across the width of a table (a banner).
 */
export function isTitleRow(grid: SheetGrid, row: number): boolean {
  const cols = grid.colsIn(row);
  if (cols.length !== 1 || isNumberLike(grid.cell(row, cols[0]))) return false;
  const raw = cellText(grid.cell(row, cols[0]));
  const text = normalizeLabel(raw);
  if (TITLE_HINTS.some((h) => text.includes(h)) || SECTION_NUMBERING.test(raw.replace(/\s+/g, ""))) return true;
  const m = grid.merge(row, cols[0]);
  return m !== undefined && m.start.row === m.end.row && m.end.col - m.start.col >= 2;
}

/** A row that starts some table's header: its first column label plus another of its labels. */
function isHeaderRow(grid: SheetGrid, row: number): boolean {
  const texts = new Set(grid.colsIn(row).map((c) => labelAt(grid, row, c)));
  return TABLES.some((t) => {
    const [first, ...rest] = t.columns;
    return columnLabels(first).some((l) => texts.has(l)) && rest.some((c) => columnLabels(c).some((l) => texts.has(l)));
  });
}

/**
 * Labels that close the indicator tables (`绩效自评综合得分 | 96`, `评价等次 | 优`). Only these: a row
 * named 预算执行率 is a real row of the score summary.
 */
const CLOSING_LABELS: ReadonlySet<string> = new Set(
  SCALAR_FIELDS.filter((f) => f.id === "jx_score_total" || f.id === "jx_grade").flatMap((f) => [f.label, ...f.aliases].map(normalizeLabel)),
);

/** A row that starts with a closing scalar's label: the table above ends there. */
function isScalarRow(grid: SheetGrid, row: number): boolean {
  const cols = grid.colsIn(row);
  return cols.length > 0 && CLOSING_LABELS.has(labelAt(grid, row, cols[0]));
}

/**
 * The sign-off lines bureaus put under a form (`填表人：王芳 | 联系电话：0731-… | 填报日期：2024年3月15日`,
 * `单位负责人：李明`): a label of this list, then a colon, in the row's first cell.
 */
const SIGN_OFF = /^(?:填表人|填报人|制表人|审核人|复核人|经办人|联系人|联系电话|电话|手机|填报日期|填表日期|制表日期|报送日期|单位负责人|财务负责人|主要负责人|分管领导|负责人|单位(?:\(盖章\)|（盖章）)|填报单位(?:\(盖章\)|（盖章）))[:：]/;

/**
 * A sign-off row under a table. Its texts sit in the table's columns (a 填报日期 under 执行数), so read as a
 * data row it made that column's 合计 check unreadable — and a table ends at a blank row only when the
 * row after the blank is no data row, which a sign-off row with two texts looked like.
 */
function isSignOffRow(grid: SheetGrid, row: number): boolean {
  const cols = grid.colsIn(row);
  if (cols.length === 0) return false;
  const first = grid.cell(row, cols[0])?.value;
  return typeof first === "string" && first.length <= 80 && SIGN_OFF.test(first.replace(/\s+/g, ""));
}

/** Where a table found from its header's corner ends: a title row, another header, 综合得分/评价等次, a sign-off row. */
export function tableEnd(grid: SheetGrid): (row: number) => boolean {
  return (row) => isTitleRow(grid, row) || isHeaderRow(grid, row) || isScalarRow(grid, row) || isSignOffRow(grid, row);
}

/** Whether the row just above a header (a blank row aside) is the table's title (`绩效自评得分汇总`). */
function titledRightAbove(grid: SheetGrid, row: number, def: TableDef): boolean {
  const hints = def.titleHints.map(normalizeLabel);
  const above = grid.rowsIn(Math.max(1, row - 2), row - 1);
  const r = above[above.length - 1];
  return r !== undefined && grid.colsIn(r).some((c) => hints.some((h) => norm(grid, r, c).includes(h)));
}

/** Whether a table's title hint is written just above its header or in the header itself. */
function hasTitleHint(grid: SheetGrid, def: TableDef, read: TableRead): boolean {
  const hints = def.titleHints.map(normalizeLabel);
  for (let r = Math.max(1, read.area.start.row - TITLE_ROWS_ABOVE); r <= read.binding.headerRow; r++) {
    for (const c of grid.colsIn(r)) {
      // Quotes are dropped: titles write “三公”经费.
      const text = norm(grid, r, c).replace(/[“”"'‘’]/g, "");
      if (hints.some((h) => text.includes(h))) return true;
    }
  }
  return false;
}

function inside(area: Area, row: number, col: number): boolean {
  return row >= area.start.row && row <= area.end.row && col >= area.start.col && col <= area.end.col;
}

/** A unit line's text, normalised: `单位：元`, `金额单位：万元`, `（单位：元）`. */
const UNIT_LINE = /^[(（]?(?:金额)?单位:(万元|元)[)）]?$/;

/**
 * The unit of a `单位：元` line in the rows just above a table's header (up to its title; a row of figures
 * above is another table's, and ends the search).
 */
function unitLineAbove(grid: SheetGrid, top: number): "元" | "万元" | undefined {
  for (let r = top - 1; r >= Math.max(1, top - TITLE_ROWS_ABOVE); r--) {
    const cols = grid.colsIn(r);
    if (cols.some((c) => isNumberLike(grid.cell(r, c)))) return undefined;
    for (const c of cols) {
      const m = UNIT_LINE.exec(norm(grid, r, c));
      if (m) return m[1] === "万元" ? "万元" : "元";
    }
  }
  return undefined;
}

/** Find the tables of one sheet. */
function mapTables(grid: SheetGrid, found: Set<string>, result: MappingResult): Area[] {
  const areas: Area[] = [];
  let claimedUntil = 0;
  const stopAt = tableEnd(grid);
  for (const row of grid.rowNumbers) {
    if (row <= claimedUntil) continue;
    const texts = grid.colsIn(row).map((c) => ({ c, n: labelAt(grid, row, c) }));
    const candidates: { def: TableDef; read: TableRead; score: number }[] = [];
    for (const def of TABLES) {
      if (found.has(def.id)) continue;
      const firstLabels = columnLabels(def.columns[0]);
      let start = texts.find((t) => firstLabels.includes(t.n));
      let read: TableRead;
      if (start) {
        // A blank row inside a table (a printed form's spacing) does not end it when the rows go on below.
        read = readTable(grid, def, { start: { row, col: start.c }, end: { row, col: start.c } }, { source: "label", auto: { stopAt, blankRowsInside: true } });
      } else {
        // A 得分汇总 whose group column says 项目 (项目 | 分值 | 得分): read so only right under its own title
        // (`绩效自评得分汇总`), since a funds block's header says 项目 | … | 分值 | … | 得分 too.
        const first = texts.find((t) => t.n !== "");
        if (def.id !== "jx_score_summary" || !first || !titledRightAbove(grid, row, def)) continue;
        start = first;
        const named: TableDef = { ...def, columns: def.columns.map((c) => (c.key === "level1" ? { ...c, aliases: [...c.aliases, first.n] } : c)) };
        read = readTable(grid, named, { start: { row, col: first.c }, end: { row, col: first.c } }, { source: "label", auto: { stopAt, blankRowsInside: true } });
      }
      // Every required column, and a third of the others at least (seed 000's indicator table has only
      // 一级/二级/三级指标 and 分值).
      const required = def.columns.filter((c) => c.required).length;
      const complete = read.problems.length === 0 && read.matched >= Math.max(required, Math.ceil(def.columns.length / 3));
      if (!complete) continue;
      // Columns decide; a title hint only breaks ties (a header of 机构名称 | 合计 | …).
      candidates.push({ def, read, score: read.matched * 2 + (hasTitleHint(grid, def, read) ? 1 : 0) });
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b.score - a.score);
    const [best, second] = candidates;
    if (second && second.score === best.score) {
      // 机构名称 | 合计 with nothing else and no title: 三公经费 or 固定资产? Guessing would check the wrong sums.
      const header = [...best.read.binding.columns].sort((a, b) => a.col - b.col).map((c) => c.header.replace(/\s+/g, "")).join(" | ");
      result.problems.push({
        code: "ambiguous",
        target: best.def.id,
        detail: `第 ${row} 行的表头（${header}）既可能是${best.def.label}表，也可能是${second.def.label}表`,
        ref: { sheet: grid.name, address: toA1(best.read.area.start) },
      });
      continue;
    }
    found.add(best.def.id);
    const unit = unitLineAbove(grid, best.read.area.start.row);
    result.tables[best.def.id] = unit ? { ...best.read.binding, unitLine: unit } : best.read.binding;
    result.areas[best.def.id] = best.read.area;
    areas.push(best.read.area);
    claimedUntil = best.read.area.end.row;
  }
  return areas;
}

/** Field kinds whose value is a figure. */
const NUMERIC_KINDS: ReadonlySet<string> = new Set(["money", "number", "rate", "integer", "year"]);

interface Candidate {
  readonly binding: ScalarBinding;
  readonly hasValue: boolean;
}

/** The value cell of a label at (row, col), or undefined when there is none. */
function valueFor(grid: SheetGrid, row: number, col: number, field: ScalarFieldDef, tables: readonly Area[]): Candidate | undefined {
  const merged = grid.merge(row, col);
  const nextCol = (merged?.end.col ?? col) + 1;
  const bind = (r: number, c: number): Candidate | undefined => {
    if (tables.some((a) => inside(a, r, c))) return undefined;
    const ref = { sheet: grid.name, address: toA1({ row: r, col: c }) };
    const cell = grid.cell(r, c);
    return isBlank(cell) ? { binding: { id: field.id, ref, source: "label" }, hasValue: false } : { binding: { id: field.id, ref, cell, source: "label" }, hasValue: true };
  };
  const right = grid.colsIn(row, nextCol)[0];
  // Labels side by side (年初预算数 | 全年预算数 | 全年执行数) form a header: the values sit below.
  const leftCol = (merged?.start.col ?? col) - 1;
  const nextRow = (merged?.end.row ?? row) + 1;
  const besideLabel = leftCol >= 1 && isLabel(grid.text(row, leftCol));
  // The last label of such a header may have a column of notes right of it (… | 预算执行率得分 | 备注): a
  // figure under a numeric label is its value, not the note column's heading beside it.
  const noteBeside = besideLabel && NUMERIC_KINDS.has(field.kind) && right !== undefined && !isNumberLike(grid.cell(row, right)) && isNumberLike(grid.cell(nextRow, col));
  if (right !== undefined && !noteBeside && !isLabel(cellText(grid.cell(row, right)))) return bind(row, right);
  const headerLayout = right === nextCol || besideLabel;
  if (headerLayout || field.kind === "narrative") {
    const depth = field.kind === "narrative" ? NARRATIVE_ROWS_BELOW : HEADER_ROWS_BELOW;
    for (const r of grid.rowsIn(nextRow, nextRow + depth - 1)) {
      const cell = grid.cell(r, col);
      if (isBlank(cell)) continue;
      if (isLabel(cellText(cell))) break;
      return bind(r, col);
    }
  }
  // A label with nothing beside it (a blank template): the cell next to it (below it, in a header) is
  // where the value goes.
  if (headerLayout) return isLabel(cellText(grid.cell(nextRow, col))) ? undefined : bind(nextRow, col);
  return bind(row, nextCol);
}

/**
 * The 总分 row closing an indicator table (national 项目支出 form: `总分 | … | 100 | 95 | …`): the total
 * score is in the table's 得分 column, not in the first figure to the right (that is the 分值 total).
 */
function totalBelowIndicators(grid: SheetGrid, row: number, field: ScalarFieldDef, result: MappingResult): Candidate | undefined {
  // The indicator table's 总分 row, else the score summary's (绩效自评得分汇总 … 总分 | 100 | 97.97).
  const id = [result.tables.jx_indicators, result.tables.jx_score_summary].find((t, i) => {
    const a = i === 0 ? result.areas.jx_indicators : result.areas.jx_score_summary;
    return t && a && t.sheet === grid.name && row === a.end.row + 1;
  })?.id;
  const table = id ? result.tables[id] : undefined;
  const area = id ? result.areas[id] : undefined;
  if (field.id !== "jx_score_total" || !table || !area || table.sheet !== grid.name || row !== area.end.row + 1) return undefined;
  const col = table.columns.find((c) => c.key === "score")?.col;
  if (col === undefined) return undefined;
  const ref = { sheet: grid.name, address: toA1({ row, col }) };
  const cell = grid.cell(row, col);
  // Left blank (for fill to compute), it is still the 总分's cell: the first figure right of the label
  // would be the 分值 total.
  if (!cell || isBlank(cell)) return { binding: { id: field.id, ref, source: "label" }, hasValue: false };
  return { binding: { id: field.id, ref, cell, source: "label" }, hasValue: true };
}

/** Map a workbook by its labels. */
export function autoMap(_snapshot: WorkbookSnapshot, grids: readonly SheetGrid[], exclude?: ReadonlyMap<string, readonly Area[]>): AutoMapResult {
  const result = emptyResult();
  const found = new Set<string>();
  const tableAreas = new Map<SheetGrid, Area[]>();
  // `exclude`: areas a form reads as its own table (a 部门整体 form's 重点项目 list), whose headers (自评得分) are
  // no labels of the form's fields.
  for (const grid of grids) tableAreas.set(grid, [...mapTables(grid, found, result), ...(exclude?.get(grid.name) ?? [])]);

  const candidates = new Map<string, Candidate[]>();
  for (const grid of grids) {
    const areas = tableAreas.get(grid) ?? [];
    for (const row of grid.rowNumbers) {
      for (const col of grid.colsIn(row)) {
        if (areas.some((a) => inside(a, row, col))) continue;
        const cell = grid.cell(row, col);
        if (typeof cell?.value !== "string") continue;
        const field = SCALAR_BY_LABEL.get(grid.memo(labelText, cell.value));
        if (!field) continue;
        const cand = totalBelowIndicators(grid, row, field, result) ?? valueFor(grid, row, col, field, areas);
        if (cand) candidates.set(field.id, [...(candidates.get(field.id) ?? []), cand]);
      }
    }
  }
  for (const f of SCALAR_FIELDS) {
    const list = candidates.get(f.id);
    if (!list) continue;
    // A label with a value beats an earlier one left blank (a repeated label on a later page).
    result.scalars[f.id] = (list.find((c) => c.hasValue) ?? list[0]).binding;
  }
  // The 总分 row closing a score summary also carries the total of the 分值 (jx_weight_total).
  const total = result.scalars.jx_score_total;
  const summary = result.tables.jx_score_summary;
  const summaryArea = result.areas.jx_score_summary;
  const weightCol = summary?.columns.find((c) => c.key === "weight")?.col;
  if (!result.scalars.jx_weight_total && total && summary && summaryArea && weightCol !== undefined && total.ref.sheet === summary.sheet) {
    const row = Number(/\d+$/.exec(total.ref.address)?.[0]);
    const grid = grids.find((g) => g.name === summary.sheet);
    const cell = grid?.cell(row, weightCol);
    if (row === summaryArea.end.row + 1 && cell) result.scalars.jx_weight_total = { id: "jx_weight_total", ref: { sheet: summary.sheet, address: toA1({ row, col: weightCol }) }, cell, source: "label" };
  }
  if (!result.scalars.jx_report_year) {
    const title = titleWithYear(grids);
    if (title) result.scalars.jx_report_year = title;
  }
  return { result, titleUnit: titleUnit(grids, result) };
}

/** How many filled rows at the top of a sheet may hold its title. */
const TITLE_ROWS = 6;
/** A year followed closely by the words of a self-evaluation's title (`2021 年度部门（单位）整体支出`). */
const TITLE_YEAR = /(?:19|20)\d{2}\s*年度?[^，。；;,]{0,16}?(?:绩效|自评|评价|整体支出|项目支出|预算项目)/;

/**
 * Without a 评价年度 label, the report's title names the year (seed 000: `临湘市  2021 年度部门（单位）整体
 * 支出`): the title cell is bound, and readers take the year from its text as they do from `2021年度`.
 */
function titleWithYear(grids: readonly SheetGrid[]): ScalarBinding | undefined {
  for (const grid of grids) {
    for (const row of grid.rowNumbers.slice(0, TITLE_ROWS)) {
      for (const col of grid.colsIn(row)) {
        const cell = grid.cell(row, col);
        if (typeof cell?.value !== "string" || cell.value.length > 60 || !TITLE_YEAR.test(cell.value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))) continue;
        return { id: "jx_report_year", ref: { sheet: grid.name, address: toA1({ row, col }) }, cell, source: "label" };
      }
    }
  }
  return undefined;
}

/** The money unit written in the tables' titles or headers (`（万元）`, `单位：元`). */
function titleUnit(grids: readonly SheetGrid[], result: MappingResult): MoneyUnit | undefined {
  for (const def of TABLES) {
    const t = result.tables[def.id];
    const area = result.areas[def.id];
    if (!t || !area || !def.columns.some((c) => c.money)) continue;
    const grid = grids.find((g) => g.name === t.sheet);
    if (!grid) continue;
    for (let r = Math.max(1, area.start.row - TITLE_ROWS_ABOVE); r <= t.headerRow; r++) {
      for (const c of grid.colsIn(r)) {
        const text = norm(grid, r, c);
        if (/万元/.test(text)) return "万元";
        if (/[(（:]元[)）]?|单位[:：]?元/.test(text)) return "元";
      }
    }
  }
  // A loose 单位：万元 line anywhere (above a block of figures).
  for (const grid of grids) {
    for (const row of grid.rowNumbers) {
      for (const col of grid.colsIn(row)) {
        const v = grid.cell(row, col)?.value;
        if (typeof v !== "string" || !v.includes("单位")) continue;
        const m = /^[(（]?(?:金额)?单位:(万元|元)[)）]?$/.exec(normalizeLabel(v));
        if (m) return m[1] === "万元" ? "万元" : "元";
      }
    }
  }
  return undefined;
}
