/**
 * A faithful fake of WPS 表格's (ET's) JS object model, shaped by et-jsapi-declare and by how the
 * VBA-style model behaves in Excel/WPS:
 * - collections are 1-based (`Item(1)`), `Item(name)` works, a missing item throws;
 * - `Range.Value2`/`Formula` of several cells are 2-D arrays (rows of columns), of one cell a scalar;
 *   empty cells read as undefined in Value2 and "" in Formula; error values read as COM error codes;
 * - `NumberFormat`, `MergeCells` and `Interior.Color` of a mixed range read as null, and so does `Hidden` of
 *   entire rows (columns) some of which are hidden; `Hidden` of a range that is not entire rows or
 *   columns throws, as in ET;
 * - `Interior.Color` is BGR (0xBBGGRR); no fill reads Color 16777215 and ColorIndex -4142;
 * - `UsedRange` starts at the first used cell (not A1), and is A1 on an empty sheet;
 * - `Workbook.Names` holds workbook- and sheet-level names; a sheet-level name reads `Sheet!name`
 *   and its Parent is the worksheet; `RefersTo` starts with `=` and follows sheet renames, `#REF!` after a delete;
 * - `Range.Select()` fails unless the range's sheet is the active one; `AddComment` fails on a cell that
 *   already has a comment; `Worksheet.Delete()` asks the user unless `DisplayAlerts` is false.
 * The fake does not calculate: a written formula keeps the cached value null.
 */
import type { CellSnapshot, CellValue, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { formatArea, indexToCol, parseRef, quoteSheet, toA1, type Area } from "../../../src/core/model/address";
import { hiddenFields, runsOf } from "../../../src/core/model/hidden";
import type {
  EtComment,
  EtFont,
  EtInterior,
  EtName,
  EtNames,
  EtRange,
  EtSheets,
  EtWorkbook,
  EtWorksheet,
  WpsAddinRoot,
  WpsApiEvent,
  WpsTaskPane,
} from "../../../src/hosts/wps/et-types";

/** COM error codes (HRESULT 0x800A07xx) as Value2 returns them for error cells. */
export const COM_ERRORS: Readonly<Record<string, number>> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

const WHITE = 16777215;
const NONE = -4142;

/** One stored cell. */
export interface FakeCell {
  value: string | number | boolean | null;
  /** An error value (`#DIV/0!`); `value` is then null. */
  error?: string;
  /** With `=`. */
  formula?: string;
  numberFormat: string;
  /** BGR, null for no fill. */
  fill: number | null;
  comment?: string;
  bold?: boolean;
  wrap?: boolean;
}

/** Calls the fake counts, for assertions on how the adapter talks to ET. */
export interface FakeStats {
  value2Reads: number;
  cellValue2Reads: number;
  alertsShown: number;
  /** Reads of `Range.Hidden`. */
  hiddenReads: number;
}

/** `#RRGGBB` → BGR integer. */
export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** BGR integer → `#RRGGBB`. */
export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EtError";
  }
}

export class FakeSheet implements EtWorksheet {
  readonly cells = new Map<string, FakeCell>();
  merges: Area[] = [];
  columnWidths = new Map<number, number>();
  deleted = false;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  Visible = -1;
  /** Hidden rows and columns (1-based). */
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  private name: string;
  readonly Names: EtNames;

  constructor(
    readonly book: FakeWorkbook,
    name: string,
  ) {
    this.name = name;
    this.Names = new FakeNames(book, this);
  }

  get Name(): string {
    return this.name;
  }
  set Name(v: string) {
    if (this.book.sheets.some((s) => s !== this && s.name === v)) throw new EtError("工作表名称已存在");
    if (!v || /[\\/?*[\]:]/.test(v) || v.length > 31) throw new EtError("工作表名称无效");
    this.name = v;
  }
  get Index(): number {
    return this.book.sheets.indexOf(this) + 1;
  }
  get Parent(): FakeWorkbook {
    return this.book;
  }

  key(row: number, col: number): string {
    return `${row},${col}`;
  }
  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(this.key(row, col));
  }
  ensure(row: number, col: number): FakeCell {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, numberFormat: "General", fill: null };
      this.cells.set(k, c);
    }
    return c;
  }
  /** A cell counts for UsedRange when it has content or formatting. */
  private used(c: FakeCell): boolean {
    return c.value !== null || c.error !== undefined || c.formula !== undefined || c.numberFormat !== "General" || c.fill !== null || c.comment !== undefined || Boolean(c.bold);
  }

  get UsedRange(): EtRange {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = 0;
    let c2 = 0;
    const grow = (r: number, c: number): void => {
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    };
    for (const [k, c] of this.cells) {
      if (!this.used(c)) continue;
      const [r, col] = k.split(",").map(Number);
      grow(r, col);
    }
    for (const m of this.merges) {
      grow(m.start.row, m.start.col);
      grow(m.end.row, m.end.col);
    }
    if (r2 === 0) return new FakeRange(this, { start: { row: 1, col: 1 }, end: { row: 1, col: 1 } });
    return new FakeRange(this, { start: { row: r1, col: c1 }, end: { row: r2, col: c2 } });
  }

  get Cells(): EtRange {
    return new FakeRange(this, { start: { row: 1, col: 1 }, end: { row: 1048576, col: 16384 } });
  }

  Range(Cell1: unknown, Cell2?: number): EtRange {
    this.book.checkAlive(this);
    if (typeof Cell1 !== "string" || Cell2 !== undefined) throw new EtError("Range: 仅支持 A1 地址");
    const parsed = parseRef(Cell1);
    if (!parsed || parsed.sheet !== undefined) throw new EtError(`Range: 无效地址 ${Cell1}`);
    return new FakeRange(this, parsed.area);
  }

  Activate(): void {
    this.book.checkAlive(this);
    this.book.active = this;
  }

  Delete(): void {
    this.book.checkAlive(this);
    if (this.book.sheets.length === 1) throw new EtError("工作簿至少要含有一张可视工作表");
    if (this.book.app.DisplayAlerts) {
      // Real ET shows a confirmation dialog here; a script cannot answer it.
      this.book.app.stats.alertsShown++;
    }
    this.book.sheets.splice(this.book.sheets.indexOf(this), 1);
    this.deleted = true;
    if (this.book.active === this) this.book.active = this.book.sheets[0];
  }
}

class FakeInterior implements EtInterior {
  constructor(private readonly range: FakeRange) {}
  private fills(): (number | null)[] {
    return this.range.positions().map(([r, c]) => this.range.sheet.cell(r, c)?.fill ?? null);
  }
  get Color(): unknown {
    const f = this.fills();
    if (f.some((x) => x !== f[0])) return null;
    return f[0] ?? WHITE;
  }
  set Color(v: unknown) {
    if (typeof v !== "number") throw new EtError("Interior.Color 须为数字");
    for (const [r, c] of this.range.positions()) this.range.sheet.ensure(r, c).fill = v;
  }
  get ColorIndex(): unknown {
    const f = this.fills();
    if (f.some((x) => x !== f[0])) return null;
    return f[0] === null ? NONE : 1;
  }
  set ColorIndex(v: unknown) {
    if (v !== NONE && v !== 0) throw new EtError("fake supports only ColorIndex = xlColorIndexNone");
    for (const [r, c] of this.range.positions()) {
      const cell = this.range.sheet.cell(r, c);
      if (cell) cell.fill = null;
    }
  }
  get Pattern(): unknown {
    return this.fills().every((f) => f === null) ? NONE : 1;
  }
  set Pattern(_v: unknown) {
    // Not used by the adapter.
  }
}

class FakeFont implements EtFont {
  constructor(private readonly range: FakeRange) {}
  get Bold(): boolean {
    return this.range.positions().every(([r, c]) => Boolean(this.range.sheet.cell(r, c)?.bold));
  }
  set Bold(v: boolean) {
    for (const [r, c] of this.range.positions()) this.range.sheet.ensure(r, c).bold = v;
  }
}

class FakeComment implements EtComment {
  constructor(private readonly cell: FakeCell) {}
  Text(text?: string): string {
    if (text !== undefined) this.cell.comment = text;
    return this.cell.comment ?? "";
  }
  Delete(): void {
    delete this.cell.comment;
  }
}

/** A range: a rectangle of one sheet. */
export class FakeRange implements EtRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly area: Area,
  ) {}

  private get app(): FakeApplication {
    return this.sheet.book.app;
  }
  private get single(): boolean {
    return this.area.start.row === this.area.end.row && this.area.start.col === this.area.end.col;
  }
  /** Every [row, col] of the range, row by row. */
  positions(): [number, number][] {
    const out: [number, number][] = [];
    for (let r = this.area.start.row; r <= this.area.end.row; r++) for (let c = this.area.start.col; c <= this.area.end.col; c++) out.push([r, c]);
    return out;
  }
  private grid<T>(f: (r: number, c: number) => T): T | T[][] {
    if (this.single) return f(this.area.start.row, this.area.start.col);
    const rows: T[][] = [];
    for (let r = this.area.start.row; r <= this.area.end.row; r++) {
      const row: T[] = [];
      for (let c = this.area.start.col; c <= this.area.end.col; c++) row.push(f(r, c));
      rows.push(row);
    }
    return rows;
  }
  private assign(v: unknown, set: (r: number, c: number, x: unknown) => void): void {
    if (Array.isArray(v)) {
      const rows = v as unknown[];
      rows.forEach((row, i) => {
        const cols = Array.isArray(row) ? (row as unknown[]) : [row];
        cols.forEach((x, j) => {
          const r = this.area.start.row + i;
          const c = this.area.start.col + j;
          if (r <= this.area.end.row && c <= this.area.end.col) set(r, c, x);
        });
      });
    } else {
      for (const [r, c] of this.positions()) set(r, c, v);
    }
  }
  private storeValue(r: number, c: number, x: unknown): void {
    const cell = this.sheet.ensure(r, c);
    delete cell.formula;
    delete cell.error;
    if (x === undefined || x === null || x === "") cell.value = null;
    else if (typeof x === "string" && x.startsWith("=")) {
      // Writing "=…" into Value2 enters a formula, as in Excel.
      cell.formula = x;
      cell.value = null;
    } else if (typeof x === "string" && x.startsWith("'")) cell.value = x.slice(1);
    else if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") cell.value = x;
    else throw new EtError("Value2: 不支持的值类型");
  }

  get Value2(): string | unknown[] {
    this.app.stats.value2Reads++;
    if (this.single) this.app.stats.cellValue2Reads++;
    return this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell?.error !== undefined) return COM_ERRORS[cell.error];
      if (!cell || cell.value === null) return undefined;
      return cell.value;
    }) as string | unknown[];
  }
  set Value2(v: string | unknown[]) {
    this.assign(v, (r, c, x) => this.storeValue(r, c, x));
  }
  get Formula(): string {
    return this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (!cell) return "";
      if (cell.formula !== undefined) return cell.formula;
      return cell.value === null ? "" : String(cell.value);
    }) as string;
  }
  set Formula(v: string) {
    this.assign(v, (r, c, x) => this.storeValue(r, c, x));
  }
  get NumberFormat(): string {
    const formats = this.positions().map(([r, c]) => this.sheet.cell(r, c)?.numberFormat ?? "General");
    return (formats.every((f) => f === formats[0]) ? formats[0] : null) as string;
  }
  set NumberFormat(v: string) {
    for (const [r, c] of this.positions()) this.sheet.ensure(r, c).numberFormat = v;
  }
  private mergeOf(r: number, c: number): Area | undefined {
    return this.sheet.merges.find((m) => r >= m.start.row && r <= m.end.row && c >= m.start.col && c <= m.end.col);
  }
  get MergeCells(): boolean {
    const flags = this.positions().map(([r, c]) => this.mergeOf(r, c) !== undefined);
    if (flags.every((f) => f)) return true;
    if (flags.every((f) => !f)) return false;
    return null as unknown as boolean;
  }
  set MergeCells(v: boolean) {
    if (v) this.Merge();
    else this.UnMerge();
  }
  get MergeArea(): EtRange {
    if (!this.single) return this;
    const m = this.mergeOf(this.area.start.row, this.area.start.col);
    return m ? new FakeRange(this.sheet, m) : this;
  }
  Merge(): void {
    this.UnMerge();
    // Merging keeps the top-left value only, as Excel does (after a prompt we do not model).
    for (const [r, c] of this.positions()) {
      if (r === this.area.start.row && c === this.area.start.col) continue;
      const cell = this.sheet.cell(r, c);
      if (cell) {
        cell.value = null;
        delete cell.formula;
      }
    }
    this.sheet.merges.push(this.area);
  }
  UnMerge(): void {
    this.sheet.merges = this.sheet.merges.filter(
      (m) => m.end.row < this.area.start.row || m.start.row > this.area.end.row || m.end.col < this.area.start.col || m.start.col > this.area.end.col,
    );
  }
  get Interior(): EtInterior {
    return new FakeInterior(this);
  }
  get Font(): EtFont {
    return new FakeFont(this);
  }
  get WrapText(): boolean {
    return this.positions().every(([r, c]) => Boolean(this.sheet.cell(r, c)?.wrap));
  }
  set WrapText(v: boolean) {
    for (const [r, c] of this.positions()) this.sheet.ensure(r, c).wrap = v;
  }
  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.area.start.col) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    for (let c = this.area.start.col; c <= this.area.end.col; c++) this.sheet.columnWidths.set(c, v);
  }
  get EntireRow(): EtRange {
    return new FakeRange(this.sheet, { start: { row: this.area.start.row, col: 1 }, end: { row: this.area.end.row, col: 16384 } });
  }
  get EntireColumn(): EtRange {
    return new FakeRange(this.sheet, { start: { row: 1, col: this.area.start.col }, end: { row: 1048576, col: this.area.end.col } });
  }
  /** The lines a Hidden read or write is about: entire rows, or entire columns; anything else is ET's error. */
  private lines(): { set: Set<number>; from: number; to: number } {
    const { start, end } = this.area;
    if (start.col === 1 && end.col === 16384) return { set: this.sheet.hiddenRows, from: start.row, to: end.row };
    if (start.row === 1 && end.row === 1048576) return { set: this.sheet.hiddenCols, from: start.col, to: end.col };
    throw new EtError("不能取得类 Range 的 Hidden 属性");
  }
  get Hidden(): unknown {
    this.app.stats.hiddenReads++;
    const { set, from, to } = this.lines();
    let hidden = 0;
    for (const n of set) if (n >= from && n <= to) hidden++;
    return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
  }
  set Hidden(v: unknown) {
    const { set, from, to } = this.lines();
    for (let n = from; n <= to; n++) {
      if (v) set.add(n);
      else set.delete(n);
    }
  }
  get Row(): number {
    return this.area.start.row;
  }
  get Column(): number {
    return this.area.start.col;
  }
  get Count(): number {
    return (this.area.end.row - this.area.start.row + 1) * (this.area.end.col - this.area.start.col + 1);
  }
  get Rows(): EtRange {
    return new FakeLines(this.sheet, this.area, "rows");
  }
  get Columns(): EtRange {
    return new FakeLines(this.sheet, this.area, "cols");
  }
  get Cells(): EtRange {
    return this;
  }
  get Comment(): EtComment {
    const cell = this.sheet.cell(this.area.start.row, this.area.start.col);
    // COM returns Nothing for a cell without a comment.
    return (cell?.comment !== undefined ? new FakeComment(cell) : null) as EtComment;
  }
  get Worksheet(): EtWorksheet {
    return this.sheet;
  }
  Item(RowIndex: string | number, ColumnIndex?: string | number): EtRange {
    const r = this.area.start.row + Number(RowIndex) - 1;
    const c = this.area.start.col + Number(ColumnIndex ?? 1) - 1;
    return new FakeRange(this.sheet, { start: { row: r, col: c }, end: { row: r, col: c } });
  }
  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    const one = (r: number, c: number): string => `${ColumnAbsolute ? "$" : ""}${indexToCol(c)}${RowAbsolute ? "$" : ""}${r}`;
    const a = one(this.area.start.row, this.area.start.col);
    return this.single ? a : `${a}:${one(this.area.end.row, this.area.end.col)}`;
  }
  AddComment(Text?: string): EtComment {
    const cell = this.sheet.ensure(this.area.start.row, this.area.start.col);
    if (cell.comment !== undefined) throw new EtError("AddComment: 该单元格已有批注");
    cell.comment = Text ?? "";
    return new FakeComment(cell);
  }
  ClearComments(): void {
    for (const [r, c] of this.positions()) {
      const cell = this.sheet.cell(r, c);
      if (cell) delete cell.comment;
    }
  }
  ClearContents(): unknown {
    for (const [r, c] of this.positions()) {
      const cell = this.sheet.cell(r, c);
      if (cell) {
        cell.value = null;
        delete cell.formula;
        delete cell.error;
      }
    }
    return true;
  }
  Clear(): unknown {
    for (const [r, c] of this.positions()) this.sheet.cells.delete(this.sheet.key(r, c));
    this.UnMerge();
    return true;
  }
  Select(): unknown {
    if (this.sheet.book.active !== this.sheet) throw new EtError("Range 类的 Select 方法无效");
    this.sheet.book.selection = { sheet: this.sheet.Name, address: formatArea(this.area) };
    return true;
  }
}

/** `Range.Rows` / `Range.Columns`: Item(i) is the i-th row or column of the range. */
class FakeLines extends FakeRange {
  constructor(
    sheet: FakeSheet,
    area: Area,
    private readonly kind: "rows" | "cols",
  ) {
    super(sheet, area);
  }
  override get Count(): number {
    return this.kind === "rows" ? this.area.end.row - this.area.start.row + 1 : this.area.end.col - this.area.start.col + 1;
  }
  override Item(index: string | number): EtRange {
    const i = Number(index) - 1;
    if (this.kind === "rows") return new FakeRange(this.sheet, { start: { row: this.area.start.row + i, col: this.area.start.col }, end: { row: this.area.start.row + i, col: this.area.end.col } });
    return new FakeRange(this.sheet, { start: { row: this.area.start.row, col: this.area.start.col + i }, end: { row: this.area.end.row, col: this.area.start.col + i } });
  }
}

/** A defined name: a reference (that follows its sheet) or a constant/formula text. */
class FakeName implements EtName {
  Visible = true;
  constructor(
    private readonly book: FakeWorkbook,
    readonly bare: string,
    readonly scope: FakeSheet | undefined,
    private target: { sheet: FakeSheet; area: Area } | { text: string },
  ) {}
  get Name(): string {
    return this.scope ? `${quoteSheet(this.scope.Name)}!${this.bare}` : this.bare;
  }
  set Name(_v: string) {
    throw new EtError("fake: renaming names is not modelled");
  }
  get RefersTo(): string | boolean {
    if ("text" in this.target) return `=${this.target.text}`;
    const { sheet, area } = this.target;
    const abs = `$${indexToCol(area.start.col)}$${area.start.row}` + (formatArea(area).includes(":") ? `:$${indexToCol(area.end.col)}$${area.end.row}` : "");
    return sheet.deleted ? `=#REF!${abs}` : `=${quoteSheet(sheet.Name)}!${abs}`;
  }
  set RefersTo(v: string | boolean) {
    this.target = this.book.parseTarget(String(v));
  }
  get Parent(): unknown {
    return this.scope ?? this.book;
  }
  Delete(): void {
    this.book.names.splice(this.book.names.indexOf(this), 1);
  }
}

class FakeNames implements EtNames {
  constructor(
    private readonly book: FakeWorkbook,
    /** Worksheet.Names lists and adds that sheet's names; Workbook.Names lists all. */
    private readonly sheet?: FakeSheet,
  ) {}
  private list(): FakeName[] {
    return this.sheet ? this.book.names.filter((n) => n.scope === this.sheet) : this.book.names;
  }
  get Count(): number {
    return this.list().length;
  }
  Item(Index?: string | number): EtName {
    const list = this.list();
    if (typeof Index === "number") {
      const n = list[Index - 1];
      if (!n) throw new EtError(`Names.Item(${Index}): 下标越界`);
      return n;
    }
    const n = list.find((x) => x.Name === Index || (this.sheet && x.bare === Index)) ?? (this.sheet ? undefined : list.find((x) => !x.scope && x.bare === Index));
    if (!n) throw new EtError(`Names.Item(${String(Index)}): 找不到名称`);
    return n;
  }
  Add(Name?: string | EtRange, RefersTo?: unknown, Visible?: boolean): EtName {
    if (typeof Name !== "string" || !/^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(Name)) throw new EtError(`Names.Add: 名称无效 ${String(Name)}`);
    if (typeof RefersTo !== "string" || !RefersTo.startsWith("=")) throw new EtError("Names.Add: RefersTo 须以 = 开头");
    const existing = this.book.names.find((n) => n.bare === Name && n.scope === this.sheet);
    if (existing) existing.Delete();
    const name = new FakeName(this.book, Name, this.sheet, this.book.parseTarget(RefersTo));
    if (Visible === false) name.Visible = false;
    this.book.names.push(name);
    return name;
  }
}

class FakeSheets implements EtSheets {
  constructor(private readonly book: FakeWorkbook) {}
  get Count(): number {
    return this.book.sheets.length;
  }
  Item(Index: string | number | unknown[]): EtWorksheet | EtSheets {
    const s = typeof Index === "number" ? this.book.sheets[Index - 1] : this.book.sheets.find((x) => x.Name === Index);
    if (!s) throw new EtError(`Worksheets.Item(${String(Index)}): 下标越界`);
    return s;
  }
  Add(Before?: unknown, After?: unknown): EtWorksheet {
    let n = this.book.sheets.length + 1;
    while (this.book.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
    const sheet = new FakeSheet(this.book, `Sheet${n}`);
    const at = Before instanceof FakeSheet ? this.book.sheets.indexOf(Before) : After instanceof FakeSheet ? this.book.sheets.indexOf(After) + 1 : this.book.active ? this.book.sheets.indexOf(this.book.active) : 0;
    this.book.sheets.splice(at, 0, sheet);
    // A new sheet becomes the active one.
    this.book.active = sheet;
    return sheet;
  }
}

export class FakeWorkbook implements EtWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  readonly Worksheets: EtSheets = new FakeSheets(this);
  readonly Names: EtNames = new FakeNames(this);

  constructor(
    readonly app: FakeApplication,
    readonly Name = "自评表.xlsx",
    readonly FullName = `/home/clerk/${Name}`,
  ) {}

  get ActiveSheet(): EtWorksheet {
    return this.active ?? this.sheets[0];
  }
  checkAlive(sheet: FakeSheet): void {
    if (sheet.deleted) throw new EtError("对象已被删除");
  }
  parseTarget(refersTo: string): { sheet: FakeSheet; area: Area } | { text: string } {
    const text = refersTo.replace(/^=/, "");
    const parsed = parseRef(text);
    if (parsed?.sheet !== undefined) {
      const sheet = this.sheets.find((s) => s.Name === parsed.sheet);
      if (sheet) return { sheet, area: parsed.area };
    }
    return { text };
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.Name === name);
  }
}

class FakeApiEvent implements WpsApiEvent {
  Cancel = false;
  readonly listeners: ((wb: EtWorkbook, saveAsUi: boolean) => void)[] = [];
  AddApiEventListener(_name: "WorkbookBeforeSave", callback: (Workbook: EtWorkbook, SaveAsUi: boolean) => void): void {
    this.listeners.push(callback);
  }
  RemoveApiEventListener(_name: "WorkbookBeforeSave", callback?: (Workbook: EtWorkbook, SaveAsUi: boolean) => void): void {
    const i = callback ? this.listeners.indexOf(callback) : -1;
    if (i >= 0) this.listeners.splice(i, 1);
  }
}

export class FakeApplication implements WpsAddinRoot {
  DisplayAlerts = true;
  readonly stats: FakeStats = { value2Reads: 0, cellValue2Reads: 0, alertsShown: 0, hiddenReads: 0 };
  /** The active workbook (ActiveWorkbook). */
  workbook: FakeWorkbook | null;
  /** Every open workbook, the active one first until another is opened. */
  readonly workbooks: FakeWorkbook[] = [];
  readonly ApiEvent = new FakeApiEvent();
  readonly panes: (WpsTaskPane & { url: string; title?: string })[] = [];
  private readonly storage = new Map<string, string>();
  readonly PluginStorage = {
    setItem: (key: string, value: number | boolean | string): void => void this.storage.set(key, String(value)),
    getItem: (key: string): string => this.storage.get(key) ?? "",
  };

  constructor() {
    this.workbook = new FakeWorkbook(this);
    this.workbooks.push(this.workbook);
  }

  /** Open another workbook holding the snapshot; the active workbook stays active. */
  openWorkbook(snapshot: WorkbookSnapshot, name: string): FakeWorkbook {
    const book = new FakeWorkbook(this, name);
    loadSnapshot(book, snapshot);
    this.workbooks.push(book);
    return book;
  }

  get ActiveWorkbook(): EtWorkbook {
    // COM returns Nothing when no workbook is open.
    return this.workbook as EtWorkbook;
  }
  CreateTaskPane(url: string, title?: string): WpsTaskPane {
    const pane = { url, title, Visible: false, ID: this.panes.length + 1, Width: 300 };
    this.panes.push(pane);
    return pane;
  }
  GetTaskPane(id: number): WpsTaskPane {
    const pane = this.panes.find((p) => p.ID === id);
    if (!pane) throw new EtError("找不到任务窗格");
    return pane;
  }
  /**
   * Simulate the clerk pressing 保存: WorkbookBeforeSave passes the workbook being saved (the active one
   * unless `book` says otherwise), then the save happens unless a listener set Cancel.
   */
  save(saveAsUi = false, book: FakeWorkbook | null = this.workbook): { saved: boolean } {
    this.ApiEvent.Cancel = false;
    for (const l of this.ApiEvent.listeners) l(book as EtWorkbook, saveAsUi);
    return { saved: !this.ApiEvent.Cancel };
  }

  /** 全部保存 (Save All): one WorkbookBeforeSave per open workbook, each with its own workbook; the active one does not change. */
  saveAll(): { name: string; saved: boolean }[] {
    return this.workbooks.map((book) => ({ name: book.Name, saved: this.save(false, book).saved }));
  }
}

/** Options of {@link createFakeEt}. */
export interface FakeEtOptions {
  /** Fills by `Sheet!A1`, `#RRGGBB`. */
  readonly fills?: Readonly<Record<string, string>>;
}

/** Build a fake application whose active workbook holds the snapshot. */
export function createFakeEt(snapshot: WorkbookSnapshot, options: FakeEtOptions = {}): FakeApplication {
  const app = new FakeApplication();
  const book = app.workbook!;
  loadSnapshot(book, snapshot);
  for (const [ref, color] of Object.entries(options.fills ?? {})) {
    const p = parseRef(ref)!;
    book.sheet(p.sheet!)!.ensure(p.area.start.row, p.area.start.col).fill = hexToBgr(color);
  }
  return app;
}

/** Fill an empty fake workbook with a snapshot's sheets, cells, merges and names. */
function loadSnapshot(book: FakeWorkbook, snapshot: WorkbookSnapshot): void {
  for (const s of snapshot.sheets) {
    const sheet = new FakeSheet(book, s.name);
    book.sheets.push(sheet);
    for (const [address, c] of Object.entries(s.cells)) {
      const p = parseRef(address)!.area.start;
      const cell = sheet.ensure(p.row, p.col);
      cell.value = c.error !== undefined ? null : c.value;
      if (c.error !== undefined) cell.error = c.error;
      if (c.formula !== undefined) cell.formula = `=${c.formula}`;
      if (c.numberFormat !== undefined) cell.numberFormat = c.numberFormat;
    }
    sheet.merges = s.merges.map((m) => parseRef(m)!.area);
    sheet.Visible = s.visibility === "hidden" ? 0 : s.visibility === "veryHidden" ? 2 : -1;
    for (const [a, b] of s.hiddenRows ?? []) for (let r = a; r <= b; r++) sheet.hiddenRows.add(r);
    for (const [a, b] of s.hiddenCols ?? []) for (let c = a; c <= b; c++) sheet.hiddenCols.add(c);
  }
  book.active = book.sheets.find((s) => s.Visible === -1) ?? book.sheets[0];
  for (const n of snapshot.names) {
    const scope = n.scope !== undefined ? book.sheet(n.scope) : undefined;
    book.names.push(new FakeName(book, n.name, scope, book.parseTarget(n.refersTo)));
  }
}

/** Read the fake's state back as a snapshot, straight from its storage (independent of the adapter). */
export function fakeSnapshot(app: FakeApplication): WorkbookSnapshot {
  const book = app.workbook!;
  return {
    sheets: book.sheets.map((sheet) => {
      const cells: Record<string, CellSnapshot> = {};
      const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const extent = { rowLo: Infinity, rowHi: 0, colLo: Infinity, colHi: 0 };
      for (const [r, c] of keys) {
        const cell = sheet.cell(r, c)!;
        if (cell.value === null && cell.formula === undefined && cell.error === undefined) continue;
        extent.rowLo = Math.min(extent.rowLo, r);
        extent.rowHi = Math.max(extent.rowHi, r);
        extent.colLo = Math.min(extent.colLo, c);
        extent.colHi = Math.max(extent.colHi, c);
        const value: CellValue = cell.value;
        cells[toA1({ row: r, col: c })] = {
          value,
          ...(cell.error !== undefined ? { error: cell.error } : {}),
          ...(cell.formula !== undefined ? { formula: cell.formula.slice(1) } : {}),
          ...(cell.numberFormat !== "General" ? { numberFormat: cell.numberFormat } : {}),
        };
      }
      const visibility = sheet.Visible === 0 ? "hidden" : sheet.Visible === 2 ? "veryHidden" : "visible";
      const hidden = hiddenFields({ visibility, rows: runsOf(sheet.hiddenRows), cols: runsOf(sheet.hiddenCols) }, extent);
      return { name: sheet.Name, cells, merges: sheet.merges.map(formatArea), ...hidden };
    }),
    names: book.names.map((n) => ({
      name: n.bare,
      refersTo: String(n.RefersTo).replace(/^=/, ""),
      ...(n.scope ? { scope: n.scope.Name } : {}),
    })),
  };
}

/** The fill of each cell (`Sheet!A1`), `#RRGGBB` or null. */
export function fakeFills(app: FakeApplication, refs: readonly string[]): (string | null)[] {
  return refs.map((ref) => {
    const p = parseRef(ref)!;
    const fill = app.workbook!.sheet(p.sheet!)?.cell(p.area.start.row, p.area.start.col)?.fill ?? null;
    return fill === null ? null : bgrToHex(fill);
  });
}
