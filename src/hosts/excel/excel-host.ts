/**
 * The Excel host adapter: WorkbookHost over Office.js.
 *
 * Round trips are what make an Office add-in slow (each `context.sync()` crosses a process, on the web a
 * network), so every operation here has a fixed sync budget that does not grow with the workbook:
 * reading takes two (collections, then every range at once), writing takes one per ~4 MB of payload,
 * re-marking after a check two (save the fills; restore, paint and write the jx_marks sheet), so that
 * one 检查 is four round trips whatever the size. Excel on the web refuses a response above 5 MB: a
 * workbook whose used ranges are estimated above {@link ExcelHostOptions.maxResponseBytes} (or whose
 * one-shot read Excel refused as too large) is read in row blocks, one sync per block group.
 * `Excel.run` is a constructor parameter so that the tests drive this class with office-addin-mock's
 * context.
 */
import type { CellRef, CellSnapshot, CellValue, DefinedName, LineRun, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../core/model/snapshot";
import type { CellWrite } from "../../core/engine/types";
import { MAX_COLS, MAX_ROWS, indexToCol, parseA1, parseRef, quoteSheet } from "../../core/model/address";
import { SheetCellsBuilder } from "../../core/model/cell-index";
import { runsOf, type HiddenParts } from "../../core/model/hidden";
import type {
  Highlight,
  HostCapabilities,
  ReadOptions,
  HostError,
  HostResult,
  SavedFill,
  SheetContent,
  WorkbookHost,
} from "../host";

/** The shape of `Excel.run` this adapter needs (the batch form only). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, injectable for tests. */
export type RequirementCheck = (name: string, minVersion: string) => boolean;

/** Options of {@link ExcelHost}. */
export interface ExcelHostOptions {
  /** Requirement-set check; default: Office.context.requirements.isSetSupported, or "none" without Office. */
  readonly isSetSupported?: RequirementCheck;
  /**
   * Upper bound of the estimated request payload per `context.sync()` when writing, in bytes.
   * Excel on the web rejects requests above 5 MB; 4 MB leaves room for the protocol's own overhead.
   * @default 4000000
   */
  readonly maxPayloadBytes?: number;
  /**
   * Upper bound of the estimated response per `context.sync()` when reading (Excel on the web refuses
   * responses above 5 MB), estimated from the used ranges' addresses at {@link READ_BYTES_PER_CELL}.
   * @default 4000000
   */
  readonly maxResponseBytes?: number;
}

/**
 * Estimated bytes of the read response per cell of a used range: values, formulas, number formats and
 * value types as JSON. Measured on the bench workbooks (numbers with two decimals, "General", "Double",
 * short labels) at 30–35 bytes; 48 leaves room for text-heavy sheets.
 */
export const READ_BYTES_PER_CELL = 48;

/** Whether an Office.js error says that a request or response was too large. */
function isTooLarge(e: unknown): boolean {
  const code = describeError(e).code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "PayloadTooLarge";
}

/** Rows and columns of an area (`B2:D10` → 9 × 3). */
function areaSize(address: string): { top: number; left: number; rows: number; cols: number } {
  const [a, b] = localAddress(address).split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return { top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

/**
 * Cut used ranges into row blocks and group them so that each group's estimated response stays within
 * `budget` bytes: one sync per group. A sheet within budget is one block.
 * @param used - per sheet, its used range address (undefined for a blank sheet)
 * @returns the groups of blocks (sheet index and local address)
 */
export function planReadBlocks(used: readonly (string | undefined)[], budget: number): { sheet: number; address: string; bytes: number }[][] {
  const groups: { sheet: number; address: string; bytes: number }[][] = [];
  let group: { sheet: number; address: string; bytes: number }[] = [];
  let size = 0;
  used.forEach((address, sheet) => {
    if (address === undefined) return;
    const { top, left, rows, cols } = areaSize(address);
    const rowBytes = cols * READ_BYTES_PER_CELL;
    const perBlock = Math.max(1, Math.floor(budget / rowBytes));
    for (let r = 0; r < rows; r += perBlock) {
      const n = Math.min(perBlock, rows - r);
      const bytes = n * rowBytes;
      if (size > 0 && size + bytes > budget) {
        groups.push(group);
        group = [];
        size = 0;
      }
      group.push({ sheet, address: `${indexToCol(left)}${top + r}:${indexToCol(left + cols - 1)}${top + r + n - 1}`, bytes });
      size += bytes;
    }
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Which optional features the running Excel supports (ExcelApi requirement sets). */
export interface ExcelFeatures {
  /** ExcelApi 1.1: values, formulas, number formats, fills, worksheets.add. */
  readonly basic: boolean;
  /** ExcelApi 1.2: unmerge, column widths, getUsedRange(valuesOnly), rowHidden / columnHidden. */
  readonly formatting: boolean;
  /** ExcelApi 1.4: *OrNullObject, names.add, NamedItem.scope, worksheet-scoped names. */
  readonly nullObjects: boolean;
  /** ExcelApi 1.7: NamedItem.formula (the definition as written, also for constants). */
  readonly nameFormula: boolean;
  /** ExcelApi 1.9: fill.pattern, which tells "no fill" from a white fill. */
  readonly fillPattern: boolean;
  /** ExcelApi 1.9: getSpecialCellsOrNullObject("Visible"), which says which rows and columns are hidden. */
  readonly visibleCells: boolean;
  /** ExcelApi 1.10: threaded comments. */
  readonly comments: boolean;
  /** ExcelApi 1.13: getMergedAreasOrNullObject. */
  readonly mergedAreas: boolean;
  /** ExcelApi 1.18: notes. */
  readonly notes: boolean;
}

const DEFAULT_MAX_PAYLOAD = 4_000_000;

/** Office reports "no fill" as white unless fill.pattern (1.9) says otherwise. */
const NO_FILL_COLOR = "#FFFFFF";

function defaultRequirementCheck(): RequirementCheck {
  return (name, version) => {
    try {
      return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, version) === true;
    } catch {
      // Outside an Office client the requirements object may be missing: nothing optional is supported.
      return false;
    }
  };
}

/** Detect the requirement sets this adapter cares about. */
export function detectFeatures(check: RequirementCheck): ExcelFeatures {
  const has = (v: string): boolean => check("ExcelApi", v);
  return {
    basic: has("1.1"),
    formatting: has("1.2"),
    nullObjects: has("1.4"),
    nameFormula: has("1.7"),
    fillPattern: has("1.9"),
    visibleCells: has("1.9"),
    comments: has("1.10"),
    mergedAreas: has("1.13"),
    notes: has("1.18"),
  };
}

function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

function fail<T>(code: HostError["code"], message: string, detail?: string): HostResult<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

/** Office.js errors carry a code (ItemNotFound, InvalidArgument, RequestPayloadSizeLimitExceeded …). */
function describeError(e: unknown): { code?: string; detail: string } {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
    const code = typeof o.code === "string" ? o.code : undefined;
    const message = typeof o.message === "string" ? o.message : String(e);
    const location = typeof o.debugInfo?.errorLocation === "string" ? ` (${o.debugInfo.errorLocation})` : "";
    return { code, detail: `${code ? code + ": " : ""}${message}${location}` };
  }
  return { detail: String(e) };
}

/** Turn a thrown Office.js error into a HostError with a Chinese sentence for the clerk. */
function toFailure<T>(action: string, e: unknown): HostResult<T> {
  const { code, detail } = describeError(e);
  if (code === "ItemNotFound") return fail("not-found", `${action}失败：找不到相应的工作表、单元格或名称。`, detail);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "PayloadTooLarge") {
    return fail("too-large", `${action}失败：一次提交给 Excel 的数据太多，请分批操作。`, detail);
  }
  if (code === "ApiNotFound" || code === "UnsupportedOperation") {
    return fail("unsupported", `${action}失败：当前版本的 Excel 不支持此操作，请升级 Excel 后重试。`, detail);
  }
  return fail(action.startsWith("读取") ? "read-failed" : "write-failed", `${action}失败：${detail}`, detail);
}

/** Strip the sheet part and `$` signs of an address Office returns (`'My Sheet'!$B$2:$C$3` → `B2:C3`). */
function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/** Split a RangeAreas address (`S!A1:B2, S!C3`) on the commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Excel's Worksheet.visibility as the snapshot writes it. */
function visibilityOf(v: unknown): SheetVisibility {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

/** One dimension's hidden lines, or "unknown" when only a read of each line can tell. */
type Lines = LineRun[] | "unknown";

/**
 * The hidden rows and columns of a used range, from what the read's second sync loaded:
 * `rowHidden` / `columnHidden` (ExcelApi 1.2) say none (false), all (true) or some (null) of them are
 * hidden; for "some", the areas of its visible cells (`getSpecialCellsOrNullObject("Visible")`, ExcelApi
 * 1.9) say which: a row no visible area covers is hidden, and so is a column. Hidden rows and hidden
 * columns are all there is to hide (a cell is hidden only by its row or its column), so the areas are
 * the visible rows crossed with the visible columns.
 * @param range - the used range's address and its two flags
 * @param visible - the visible areas' address; null when no cell is visible; undefined when not asked
 * @returns per dimension the hidden runs, or "unknown" (an Excel before 1.9, or no visible cell at all)
 */
export function hiddenLines(range: { readonly address: string; readonly rowHidden: unknown; readonly columnHidden: unknown }, visible: string | null | undefined): { rows: Lines; cols: Lines } {
  const { top, left, rows, cols } = areaSize(range.address);
  const areas = typeof visible === "string" ? splitAreas(visible).map((a) => areaSize(a)) : undefined;
  const dimension = (flag: unknown, first: number, count: number, span: (a: ReturnType<typeof areaSize>) => [number, number]): Lines => {
    if (flag === false) return [];
    if (flag === true) return [[first, first + count - 1]];
    if (!areas) return "unknown";
    const shown = new Uint8Array(count);
    for (const a of areas) {
      const [from, n] = span(a);
      for (let k = Math.max(from, first); k < Math.min(from + n, first + count); k++) shown[k - first] = 1;
    }
    const hidden: number[] = [];
    shown.forEach((v, k) => {
      if (v === 0) hidden.push(first + k);
    });
    return runsOf(hidden);
  };
  return {
    rows: dimension(range.rowHidden, top, rows, (a) => [a.top, a.rows]),
    cols: dimension(range.columnHidden, left, cols, (a) => [a.left, a.cols]),
  };
}

/**
 * A name's definition as the snapshot writes it: the formula without `=`. Office.js throws on reading a
 * property that was not loaded, so `formula` is only read where it was (ExcelApi 1.7).
 */
function refersToOf(item: Excel.NamedItem, hasFormula: boolean): string {
  const formula = hasFormula ? (item as { formula?: unknown }).formula : undefined;
  if (typeof formula === "string" && formula.length > 0) return formula.replace(/^=/, "");
  const value: unknown = item.value;
  if (item.type === "String" && typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "string") return value.replace(/^=/, "");
  return String(value);
}

function scopeOf(item: Excel.NamedItem, hasScope: boolean): string | undefined {
  if (!hasScope) return undefined;
  const scope: unknown = (item as { scope?: unknown }).scope;
  return typeof scope === "string" ? scope : undefined;
}

/**
 * Turn one used range (or a block of it) into snapshot cells (only the non-empty ones), added to `cells`
 * row by row: the builder primes the engine's cell index as it writes the record.
 */
function rangeCells(range: Excel.Range, cells: SheetCellsBuilder = new SheetCellsBuilder()): SheetCellsBuilder {
  const origin = parseA1(localAddress(range.address).split(":")[0]);
  const values = range.values as unknown[][];
  const formulas = range.formulas as unknown[][];
  const formats = range.numberFormat as unknown[][];
  const types = range.valueTypes as unknown[][] | undefined;
  values.forEach((row, i) =>
    row.forEach((raw, j) => {
      const f = formulas?.[i]?.[j];
      const formula = typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
      if ((raw === "" || raw === null || raw === undefined) && formula === undefined) return;
      const nf = formats?.[i]?.[j];
      const numberFormat = typeof nf === "string" && nf !== "General" && nf !== "" ? nf : undefined;
      const isError = Array.isArray(types) && types[i]?.[j] === "Error";
      const value: CellValue = isError
        ? null
        : typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string"
          ? raw
          : raw === null || raw === undefined
            ? null
            : String(raw);
      const cell: CellSnapshot = {
        value,
        ...(isError ? { error: String(raw) } : {}),
        ...(formula !== undefined ? { formula } : {}),
        ...(numberFormat !== undefined ? { numberFormat } : {}),
      };
      cells.add(origin.row + i, origin.col + j, cell);
    }),
  );
  return cells;
}

/** Whether `address` is a single cell inside the sheet (`C11`, `$C$11`); Office would reject anything else. */
function isCellAddress(address: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return false;
  const { row, col } = parseA1(address);
  return row >= 1 && row <= MAX_ROWS && col >= 1 && col <= MAX_COLS;
}

/** Whether `address` is a cell or a rectangle (`A1:D4`). */
function isAreaAddress(address: string): boolean {
  const parts = address.split(":");
  return parts.length <= 2 && parts.every(isCellAddress);
}

/**
 * Text Excel would turn into something else when written through `values` (it parses like typing):
 * numbers, percentages, dates, formulas. Such text gets Excel's text prefix, an apostrophe, which is
 * not part of the value. Prose is left alone.
 */
function asText(s: string): string {
  return /^\s*[=+\-@]/.test(s) || /^\s*[\d.,]+\s*%?\s*$/.test(s) || /^\s*\d{1,4}\s*[-/.年]\s*\d{1,2}/.test(s) ? `'${s}` : s;
}

/** The sheet names of the workbook, loaded in the caller's batch (read them after its sync). */
function loadSheetNames(ctx: Excel.RequestContext): () => Set<string> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  return () => new Set(sheets.items.map((s) => s.name));
}

/** One contiguous horizontal run of writes with the same shape, written as one 2-D array. */
export interface WriteRun {
  readonly sheet: string;
  readonly row: number;
  readonly startCol: number;
  readonly writes: CellWrite[];
  readonly content: boolean;
  readonly format: boolean;
}

/** Merge writes to the same cell (later wins field by field), then cut them into contiguous row runs. */
export function planWriteRuns(writes: readonly CellWrite[]): WriteRun[] {
  const merged = new Map<string, { at: CellRef; row: number; col: number; w: CellWrite }>();
  for (const w of writes) {
    const pos = parseA1(w.at.address);
    const key = `${w.at.sheet}\u0000${pos.row}\u0000${pos.col}`;
    const prev = merged.get(key);
    const next: CellWrite = prev
      ? {
          at: w.at,
          ...(w.value !== undefined || w.formula !== undefined
            ? { value: w.value, ...(w.formula !== undefined ? { formula: w.formula } : {}) }
            : { value: prev.w.value, ...(prev.w.formula !== undefined ? { formula: prev.w.formula } : {}) }),
          ...((w.numberFormat ?? prev.w.numberFormat) !== undefined ? { numberFormat: w.numberFormat ?? prev.w.numberFormat } : {}),
        }
      : w;
    merged.set(key, { at: w.at, row: pos.row, col: pos.col, w: next });
  }
  const sorted = [...merged.values()].sort((a, b) =>
    a.at.sheet < b.at.sheet ? -1 : a.at.sheet > b.at.sheet ? 1 : a.row - b.row || a.col - b.col,
  );
  const runs: WriteRun[] = [];
  let run: WriteRun | undefined;
  let lastCol = 0;
  for (const { at, row, col, w } of sorted) {
    const content = w.value !== undefined || w.formula !== undefined;
    const format = w.numberFormat !== undefined;
    if (!content && !format) continue;
    if (run && run.sheet === at.sheet && run.row === row && lastCol === col - 1 && run.content === content && run.format === format) {
      run.writes.push(w);
    } else {
      run = { sheet: at.sheet, row, startCol: col, writes: [w], content, format };
      runs.push(run);
    }
    lastCol = col;
  }
  return runs;
}

/** The cell content Office.js expects: a formula with `=`, a value, `""` to clear (null would mean "leave"). */
function officeContent(w: CellWrite): string | number | boolean {
  if (w.formula !== undefined) return `=${w.formula}`;
  if (w.value === null || w.value === undefined) return "";
  return typeof w.value === "string" ? asText(w.value) : w.value;
}

function runAddress(run: WriteRun): string {
  const a = `${indexToCol(run.startCol)}${run.row}`;
  const b = `${indexToCol(run.startCol + run.writes.length - 1)}${run.row}`;
  return a === b ? a : `${a}:${b}`;
}

/** A rough size of what a run adds to the request, to keep each sync under Excel on the web's limit. */
function runPayload(run: WriteRun): number {
  let n = 120;
  for (const w of run.writes) {
    if (run.content) n += utf8Length(JSON.stringify(officeContent(w))) + 4;
    if (run.format) n += utf8Length(JSON.stringify(w.numberFormat)) + 4;
  }
  return n;
}

/** UTF-8 size without TextEncoder/Buffer (CJK text is 3 bytes a character on the wire). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Excel column width is in points; one character of the default font is about 5.7 pt (64 px / 8.43). */
function charsToPoints(chars: number): number {
  return Math.round(chars * 5.7 + 5);
}

/** What sync 1 of a read gives: the workbook's names, and its sheets' names and visibility in tab order. */
interface Book {
  readonly bookNames: Excel.NamedItemCollection;
  readonly sheetNames: string[];
  readonly visibility: SheetVisibility[];
}

/** The Excel host. */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly capabilities: HostCapabilities;
  readonly features: ExcelFeatures;
  private readonly run: ExcelRun;
  private readonly maxPayload: number;
  private readonly maxResponse: number;
  /** Notes/comments this adapter added while highlighting, so clearing removes only those. */
  private readonly addedNotes = new Map<string, { sheet: string; address: string; kind: "note" | "comment" }>();

  /**
   * @param run - `Excel.run` (or a test double handing in a mock context)
   * @param options - requirement-set check and payload limit
   */
  constructor(run: ExcelRun, options: ExcelHostOptions = {}) {
    this.run = run;
    this.maxPayload = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
    this.maxResponse = options.maxResponseBytes ?? DEFAULT_MAX_PAYLOAD;
    this.features = detectFeatures(options.isSetSupported ?? defaultRequirementCheck());
    this.capabilities = {
      highlight: this.features.basic,
      comments: this.features.notes || this.features.comments,
      select: this.features.basic,
      addNames: this.features.nullObjects,
      addSheets: this.features.basic,
    };
  }

  /**
   * Two syncs: (1) names, sheet names and visibility, (2) every sheet's local names, used range, merged
   * areas and hidden rows and columns (an Excel before ExcelApi 1.9 takes a third when a sheet hides some
   * of its rows or columns: see {@link hiddenParts}).
   * A workbook too large for one response (Excel on the web: 5 MB) is read in row blocks instead: the
   * used ranges' addresses first, then one sync per group of blocks estimated within maxResponseBytes.
   * Which workbooks need that is learnt from Excel refusing the one-shot read, or from the estimate of
   * the previous read of the same sheets, so that a large workbook pays the refusal once per session.
   * The number formats of `options.cells` (blank cells about to be written) are loaded in the same
   * sync as the used ranges: no extra round trip.
   */
  async readWorkbook(options: ReadOptions = {}): Promise<HostResult<WorkbookSnapshot>> {
    const asked = options.cells ?? [];
    const bad = asked.find((at) => !isCellAddress(at.address));
    if (bad) return fail("not-found", `读取工作簿失败：单元格地址“${bad.address}”无效。`);
    try {
      const first = await this.run((ctx) => this.readInOne(ctx, asked));
      if (first !== "too-large") return ok(first);
      return ok(await this.run((ctx) => this.readInBlocks(ctx, asked)));
    } catch (e) {
      return toFailure("读取工作簿", e);
    }
  }

  /** The sheet lists (joined names) of workbooks whose used ranges were estimated above the read budget. */
  private readonly largeBooks = new Set<string>();

  private nameProps(): string {
    // Only the properties the snapshot needs, and only those the running Excel has.
    return ["name", "type", "value", ...(this.features.nullObjects ? ["scope"] : []), ...(this.features.nameFormula ? ["formula"] : [])]
      .map((p) => `items/${p}`)
      .join(",");
  }

  /** Sync 1 of a read: the workbook's names and its sheets' names and visibility. */
  private async readBook(ctx: Excel.RequestContext): Promise<Book> {
    const bookNames = ctx.workbook.names;
    bookNames.load(this.nameProps());
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await ctx.sync();
    return { bookNames, sheetNames: sheets.items.map((s) => s.name), visibility: sheets.items.map((s) => visibilityOf(s.visibility)) };
  }

  /**
   * Queue each sheet's local names, used range (its address, and its cells when `cells`), merges, and
   * what tells its hidden rows and columns (a small answer: two flags and the visible areas' address).
   */
  private queueSheets(ctx: Excel.RequestContext, sheetNames: readonly string[], cells: boolean) {
    const nameProps = this.nameProps();
    return sheetNames.map((name) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      // Worksheet-scoped names need ExcelApi 1.4; without it there are none to read.
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- a navigation property (a proxy), loaded on the next line
      const names = this.features.nullObjects ? ws.names : undefined;
      names?.load(nameProps);
      const used = this.features.nullObjects ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
      used.load(cells ? "address, values, formulas, numberFormat, valueTypes" : "address");
      // Merges are formatting: take them from the used range that includes formatted cells, so that a
      // merge reaching below the last value (a merged label column) is still seen whole. getUsedRange
      // (not …OrNullObject) because a blank sheet then gives A1 rather than a null object to call into.
      const merged = this.features.mergedAreas ? ws.getUsedRange(false).getMergedAreasOrNullObject() : undefined;
      merged?.load("address");
      // Hidden lines of the cells' rows and columns. getUsedRange (not …OrNullObject) again: a blank
      // sheet gives A1, something to call getSpecialCells on.
      const probe = this.features.formatting ? ws.getUsedRange(true) : undefined;
      probe?.load("address, rowHidden, columnHidden");
      const visible = probe && this.features.visibleCells ? probe.getSpecialCellsOrNullObject("Visible") : undefined;
      visible?.load("address");
      return { name, names, used, merged, probe, visible };
    });
  }

  /**
   * Each sheet's visibility and hidden lines (SheetSnapshot.visibility, hiddenRows, hiddenCols) from what
   * the used ranges' sync loaded (see {@link hiddenLines}). Only an Excel without ExcelApi 1.9 that finds a
   * sheet hiding some but not all of its rows (or columns) takes one more sync: each such line's flag.
   */
  private async hiddenParts(
    ctx: Excel.RequestContext,
    visibility: readonly SheetVisibility[],
    perSheet: readonly { probe?: Excel.Range; visible?: Excel.RangeAreas }[],
  ): Promise<HiddenParts[]> {
    const found = perSheet.map((s) => {
      if (!s.probe) return { rows: [], cols: [] } as { rows: Lines; cols: Lines };
      const visible = s.visible === undefined ? undefined : s.visible.isNullObject === true ? null : s.visible.address;
      return hiddenLines(s.probe, visible);
    });
    // The per-line read: a proxy per line of the used range, all in one sync.
    const lines = perSheet.map((s, i) => {
      const { rows, cols } = found[i];
      if (!s.probe || (rows !== "unknown" && cols !== "unknown")) return undefined;
      const { top, left, rows: n, cols: m } = areaSize(s.probe.address);
      const rowRanges = rows === "unknown" ? Array.from({ length: n }, (_, k) => s.probe!.getRow(k)) : [];
      const colRanges = cols === "unknown" ? Array.from({ length: m }, (_, k) => s.probe!.getColumn(k)) : [];
      rowRanges.forEach((r) => r.load("rowHidden"));
      colRanges.forEach((c) => c.load("columnHidden"));
      return { top, left, rowRanges, colRanges };
    });
    if (lines.some((l) => l !== undefined)) await ctx.sync();
    return found.map((f, i) => {
      const l = lines[i];
      const hiddenOf = (ranges: readonly Excel.Range[], first: number, flag: (r: Excel.Range) => unknown): LineRun[] =>
        runsOf(ranges.flatMap((r, k) => (flag(r) === true ? [first + k] : [])));
      const rows = f.rows !== "unknown" ? f.rows : l ? hiddenOf(l.rowRanges, l.top, (r) => r.rowHidden) : [];
      const cols = f.cols !== "unknown" ? f.cols : l ? hiddenOf(l.colRanges, l.left, (r) => r.columnHidden) : [];
      return { visibility: visibility[i], rows, cols };
    });
  }

  /** The estimated read response of used ranges, from their addresses. */
  private static estimate(used: readonly (string | undefined)[]): number {
    return used.reduce((n, a) => {
      if (a === undefined) return n;
      const { rows, cols } = areaSize(a);
      return n + rows * cols * READ_BYTES_PER_CELL;
    }, 0);
  }

  /**
   * Queue the number formats of the cells asked for (ReadOptions.cells) on sheets that exist, one range
   * per contiguous row run; after the sync, `addTo` adds each blank one that has a format of its own.
   */
  private static queueFormats(ctx: Excel.RequestContext, sheetNames: readonly string[], asked: readonly CellRef[]) {
    const known = new Set(sheetNames);
    const runs = planWriteRuns(asked.filter((at) => known.has(at.sheet)).map((at) => ({ at, value: null })));
    const ranges = runs.map((run) => {
      const range = ctx.workbook.worksheets.getItem(run.sheet).getRange(runAddress(run));
      range.load("numberFormat");
      return { run, range };
    });
    return (sheetIndex: (sheet: string) => number, cells: readonly SheetCellsBuilder[]): void => {
      for (const { run, range } of ranges) {
        const formats = (range.numberFormat as unknown[][] | undefined)?.[0] ?? [];
        run.writes.forEach((w, j) => {
          const address = `${indexToCol(run.startCol + j)}${run.row}`;
          const target = cells[sheetIndex(run.sheet)];
          const nf = formats[j];
          if (!target || target.cells[address] !== undefined) return;
          // Added after the used range's cells, out of row order: the builder tells it is a new key.
          if (typeof nf === "string" && nf !== "" && nf !== "General") target.add(run.row, run.startCol + j, { value: null, numberFormat: nf });
        });
      }
    };
  }

  /** The whole read in two syncs (in blocks when known to be too large), or "too-large" when Excel refused it. */
  private async readInOne(ctx: Excel.RequestContext, asked: readonly CellRef[]): Promise<WorkbookSnapshot | "too-large"> {
    const book = await this.readBook(ctx);
    const { sheetNames } = book;
    const key = sheetNames.join("\u0000");
    if (this.largeBooks.has(key)) return this.readInBlocks(ctx, asked, book);
    const perSheet = this.queueSheets(ctx, sheetNames, true);
    const addFormats = ExcelHost.queueFormats(ctx, sheetNames, asked);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isTooLarge(e)) throw e;
      this.largeBooks.add(key);
      return "too-large";
    }
    const used = perSheet.map((s) => (s.used.isNullObject === true ? undefined : s.used.address));
    if (ExcelHost.estimate(used) > this.maxResponse) this.largeBooks.add(key);
    const cells = perSheet.map((s) => (s.used.isNullObject === true ? new SheetCellsBuilder() : rangeCells(s.used)));
    addFormats((sheet) => sheetNames.indexOf(sheet), cells);
    return this.snapshotOf(book.bookNames, perSheet, cells, await this.hiddenParts(ctx, book.visibility, perSheet));
  }

  /** The read in row blocks: names and addresses, then one sync per group of blocks within the budget. */
  private async readInBlocks(ctx: Excel.RequestContext, asked: readonly CellRef[], known?: Book): Promise<WorkbookSnapshot> {
    const book = known ?? (await this.readBook(ctx));
    const { bookNames, sheetNames } = book;
    const perSheet = this.queueSheets(ctx, sheetNames, false);
    // The formats of the cells asked for ride along with the addresses: a few cells, whatever the size.
    const addFormats = ExcelHost.queueFormats(ctx, sheetNames, asked);
    await ctx.sync();
    const used = perSheet.map((s) => (s.used.isNullObject === true ? undefined : s.used.address));
    const key = sheetNames.join("\u0000");
    if (ExcelHost.estimate(used) > this.maxResponse) this.largeBooks.add(key);
    else this.largeBooks.delete(key);
    const hidden = await this.hiddenParts(ctx, book.visibility, perSheet);
    const cells = perSheet.map(() => new SheetCellsBuilder());
    for (const group of planReadBlocks(used, this.maxResponse)) {
      const ranges = group.map((b) => {
        const range = ctx.workbook.worksheets.getItem(sheetNames[b.sheet]).getRange(b.address);
        range.load("address, values, formulas, numberFormat, valueTypes");
        return { sheet: b.sheet, range };
      });
      await ctx.sync();
      for (const r of ranges) rangeCells(r.range, cells[r.sheet]);
    }
    addFormats((sheet) => sheetNames.indexOf(sheet), cells);
    return this.snapshotOf(bookNames, perSheet, cells, hidden);
  }

  /** The snapshot from the loaded names, merges, each sheet's cells and its hidden parts. */
  private snapshotOf(
    bookNames: Excel.NamedItemCollection,
    perSheet: readonly { name: string; names?: Excel.NamedItemCollection; merged?: Excel.RangeAreas }[],
    cells: readonly SheetCellsBuilder[],
    hidden: readonly HiddenParts[],
  ): WorkbookSnapshot {
    const defined: DefinedName[] = [];
    const seen = new Set<string>();
    const add = (d: DefinedName): void => {
      const key = `${d.scope ?? ""}\u0000${d.name.toLowerCase()}`;
      if (seen.has(key)) return;
      seen.add(key);
      defined.push(d);
    };
    for (const item of bookNames.items) {
      // Some hosts list sheet-scoped names here too; those are taken from their sheet below, with the scope.
      if (scopeOf(item, this.features.nullObjects) === "Worksheet") continue;
      add({ name: item.name, refersTo: refersToOf(item, this.features.nameFormula) });
    }
    const snapshotSheets: SheetSnapshot[] = [];
    perSheet.forEach((s, i) => {
      for (const item of s.names?.items ?? []) {
        const scope = scopeOf(item, this.features.nullObjects);
        // Excel on the web returns workbook-scoped names under each sheet as well.
        if (scope === "Workbook") continue;
        const refersTo = refersToOf(item, this.features.nameFormula);
        if (scope === undefined && defined.some((d) => d.scope === undefined && d.name === item.name && d.refersTo === refersTo)) continue;
        add({ name: item.name, refersTo, scope: s.name });
      }
      const merges =
        s.merged && s.merged.isNullObject !== true && typeof s.merged.address === "string" ? splitAreas(s.merged.address).map(localAddress) : [];
      snapshotSheets.push(cells[i].sheet(s.name, merges, hidden[i]));
    });
    return { sheets: snapshotSheets, names: defined };
  }

  /**
   * Sync 1 checks that every target sheet exists (a failing batch would leave its first writes applied,
   * so nothing is queued until all targets are known good); then every write is queued as 2-D arrays of
   * contiguous runs, with one more sync per ~4 MB of payload.
   */
  async applyWrites(writes: readonly CellWrite[]): Promise<HostResult<number>> {
    const bad = writes.find((w) => !isCellAddress(w.at.address));
    if (bad) return fail("not-found", `写入单元格失败：单元格地址“${bad.at.address}”无效。`);
    const runs = planWriteRuns(writes);
    if (runs.length === 0) return ok(0);
    try {
      return await this.run(async (ctx) => {
        const sheetNames = loadSheetNames(ctx);
        await ctx.sync();
        const existing = sheetNames();
        const missing = runs.find((r) => !existing.has(r.sheet));
        if (missing) return fail<number>("not-found", `写入单元格失败：找不到工作表“${missing.sheet}”，没有写入任何单元格。`);
        const sheets = ctx.workbook.worksheets;
        let payload = 0;
        let cells = 0;
        for (const run of runs) {
          const size = runPayload(run);
          if (payload > 0 && payload + size > this.maxPayload) {
            await ctx.sync();
            payload = 0;
          }
          const range = sheets.getItem(run.sheet).getRange(runAddress(run));
          // The format first, so that a value written into a text-formatted cell stays text.
          /* eslint-disable office-addins/call-sync-after-load -- writes to a new proxy, not reads: the rule takes any `range` loaded elsewhere in the file for this one */
          if (run.format) range.numberFormat = [run.writes.map((w) => w.numberFormat ?? "General")];
          if (run.content) {
            const row = run.writes.map(officeContent);
            if (run.writes.some((w) => w.formula !== undefined)) range.formulas = [row];
            else range.values = [row];
          }
          /* eslint-enable office-addins/call-sync-after-load */
          payload += size;
          cells += run.writes.length;
        }
        await ctx.sync();
        return ok(cells);
      });
    } catch (e) {
      return toFailure("写入单元格", e);
    }
  }

  /** Sync 1 saves every marked cell's fill (and checks for existing notes); sync 2 paints them. */
  async highlight(marks: readonly Highlight[]): Promise<HostResult<readonly SavedFill[]>> {
    if (marks.length === 0) return ok([]);
    if (!this.capabilities.highlight) return fail("unsupported", "当前版本的 Excel 不支持单元格填充色（需要 ExcelApi 1.1）。");
    try {
      return await this.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        const cells = new Map<string, { at: CellRef; range: Excel.Range; fill: Excel.RangeFill; mark: Highlight; existingNote?: Excel.Note }>();
        for (const mark of marks) {
          const key = `${mark.at.sheet}!${mark.at.address}`;
          const prev = cells.get(key);
          if (prev) {
            // Keep the fill saved first (the clerk's own); paint the last mark.
            prev.mark = mark;
            continue;
          }
          const ws = sheets.getItem(mark.at.sheet);
          const range = ws.getRange(mark.at.address);
          // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- navigation properties (proxies), loaded on the next line
          const fill = range.format.fill;
          fill.load(this.features.fillPattern ? "color, pattern" : "color");
          cells.set(key, { at: mark.at, range, fill, mark });
        }
        const wantNotes = this.capabilities.comments && marks.some((m) => m.note !== undefined && m.note !== "");
        if (wantNotes && this.features.notes) {
          for (const c of cells.values()) {
            if (!c.mark.note) continue;
            c.existingNote = sheets.getItem(c.at.sheet).notes.getItemOrNullObject(c.at.address);
            c.existingNote.load("content");
          }
        }
        await ctx.sync();

        const saved: SavedFill[] = [];
        for (const c of cells.values()) {
          const color = typeof c.fill.color === "string" ? c.fill.color : null;
          const pattern: unknown = this.features.fillPattern ? (c.fill as { pattern?: unknown }).pattern : undefined;
          const none = pattern === "None" || (pattern === undefined && (color === null || color.toUpperCase() === NO_FILL_COLOR));
          saved.push({ at: c.at, color: none ? null : color });
          c.fill.color = c.mark.color;
        }
        const added: { key: string; sheet: string; address: string; kind: "note" | "comment" }[] = [];
        if (wantNotes) {
          // Notes go after the fills in the batch: if one fails, the fills before it are already applied.
          for (const c of cells.values()) {
            const note = c.mark.note;
            if (!note) continue;
            const key = `${c.at.sheet}!${c.at.address}`;
            if (this.features.notes) {
              if (c.existingNote?.isNullObject !== true) continue; // never overwrite the clerk's own note
              sheets.getItem(c.at.sheet).notes.add(c.at.address, note);
              added.push({ key, sheet: c.at.sheet, address: c.at.address, kind: "note" });
            } else if (!this.addedNotes.has(key)) {
              ctx.workbook.comments.add(`${quoteSheet(c.at.sheet)}!${c.at.address}`, note);
              added.push({ key, sheet: c.at.sheet, address: c.at.address, kind: "comment" });
            }
          }
        }
        await ctx.sync();
        // Remembered only once Excel has them, so that clearing never deletes what is not there.
        for (const a of added) this.addedNotes.set(a.key, { sheet: a.sheet, address: a.address, kind: a.kind });
        return ok<readonly SavedFill[]>(saved);
      });
    } catch (e) {
      return toFailure("标记单元格", e);
    }
  }

  /**
   * What the pane does after each check, in one Excel.run of two syncs: sync 1 reads which sheets exist,
   * the fills under the new marks (a cell still painted by `previous` keeps the fill saved then) and
   * their notes, and whether the bookkeeping sheet exists; sync 2 restores what `previous` painted and
   * is not marked again, removes the notes this adapter added, paints `marks` with their notes, and
   * writes `bookkeeping(saved)` (the jx_marks sheet) when given. Same result as clearHighlights,
   * highlight and writeSheet in a row (six syncs).
   * @returns the fills saved under `marks`, for the next call or clearHighlights
   */
  async replaceMarks(
    previous: readonly SavedFill[],
    marks: readonly Highlight[],
    bookkeeping?: (saved: readonly SavedFill[]) => SheetContent,
  ): Promise<HostResult<readonly SavedFill[]>> {
    if (marks.length > 0 && !this.capabilities.highlight) return fail("unsupported", "当前版本的 Excel 不支持单元格填充色（需要 ExcelApi 1.1）。");
    if (bookkeeping && !this.capabilities.addSheets) return fail("unsupported", "当前版本的 Excel 不支持添加工作表。");
    const keyOf = (at: CellRef): string => `${at.sheet}!${at.address}`;
    try {
      return await this.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        const sheetNames = loadSheetNames(ctx);
        const before = new Map(previous.filter((p) => isCellAddress(p.at.address)).map((p) => [keyOf(p.at), p]));
        const cells = new Map<string, { at: CellRef; fill?: Excel.RangeFill; mark: Highlight; existingNote?: Excel.Note }>();
        for (const mark of marks) {
          const key = keyOf(mark.at);
          const prev = cells.get(key);
          if (prev) {
            // Keep the fill saved first (the clerk's own); paint the last mark.
            prev.mark = mark;
            continue;
          }
          let fill: Excel.RangeFill | undefined;
          if (!before.has(key)) {
            fill = sheets.getItem(mark.at.sheet).getRange(mark.at.address).format.fill;
            fill.load(this.features.fillPattern ? "color, pattern" : "color");
          }
          cells.set(key, { at: mark.at, fill, mark });
        }
        const wantNotes = this.capabilities.comments && marks.some((m) => m.note !== undefined && m.note !== "");
        if (wantNotes && this.features.notes) {
          for (const c of cells.values()) {
            if (!c.mark.note) continue;
            c.existingNote = sheets.getItem(c.at.sheet).notes.getItemOrNullObject(c.at.address);
            c.existingNote.load("content");
          }
        }
        const content = bookkeeping ? bookkeeping([]) : undefined;
        const target = content && this.features.nullObjects ? sheets.getItemOrNullObject(content.name) : undefined;
        target?.load("name");
        await ctx.sync();

        const existing = sheetNames();
        const missing = marks.find((m) => !existing.has(m.at.sheet));
        if (missing) return fail<readonly SavedFill[]>("not-found", `标记单元格失败：找不到工作表“${missing.at.sheet}”。`);
        // 1. Restore what the previous marks painted and these do not paint again.
        for (const p of before.values()) {
          if (cells.has(keyOf(p.at)) || !existing.has(p.at.sheet)) continue;
          const fill = sheets.getItem(p.at.sheet).getRange(p.at.address).format.fill;
          if (p.color === null) fill.clear();
          else fill.color = p.color;
        }
        // 2. Remove the notes this adapter added under the previous marks.
        const removed: string[] = [];
        for (const p of before.values()) {
          const key = keyOf(p.at);
          const added = this.addedNotes.get(key);
          if (!added || !existing.has(added.sheet)) continue;
          if (added.kind === "note") sheets.getItem(added.sheet).notes.getItem(added.address).delete();
          else ctx.workbook.comments.getItemByCell(`${quoteSheet(added.sheet)}!${added.address}`).delete();
          removed.push(key);
        }
        // 3. Paint the new marks, saving what was under them.
        const saved: SavedFill[] = [];
        for (const [key, c] of cells) {
          const had = before.get(key);
          if (had) {
            saved.push({ at: c.at, color: had.color });
          } else {
            const fill = c.fill!;
            const color = typeof fill.color === "string" ? fill.color : null;
            const pattern: unknown = this.features.fillPattern ? (fill as { pattern?: unknown }).pattern : undefined;
            const none = pattern === "None" || (pattern === undefined && (color === null || color.toUpperCase() === NO_FILL_COLOR));
            saved.push({ at: c.at, color: none ? null : color });
          }
          sheets.getItem(c.at.sheet).getRange(c.at.address).format.fill.color = c.mark.color;
        }
        // 4. Notes after the fills: if one fails, the fills before it are already applied.
        const added: { key: string; sheet: string; address: string; kind: "note" | "comment" }[] = [];
        if (wantNotes) {
          for (const [key, c] of cells) {
            const note = c.mark.note;
            if (!note) continue;
            const ours = removed.includes(key);
            if (this.features.notes) {
              if (!ours && c.existingNote?.isNullObject !== true) continue; // never overwrite the clerk's own note
              sheets.getItem(c.at.sheet).notes.add(c.at.address, note);
              added.push({ key, sheet: c.at.sheet, address: c.at.address, kind: "note" });
            } else if (ours || !this.addedNotes.has(key)) {
              ctx.workbook.comments.add(`${quoteSheet(c.at.sheet)}!${c.at.address}`, note);
              added.push({ key, sheet: c.at.sheet, address: c.at.address, kind: "comment" });
            }
          }
        }
        // 5. The bookkeeping sheet, with the fills saved here.
        if (content && bookkeeping) {
          const exists = target ? target.isNullObject !== true : existing.has(content.name);
          this.queueSheet(ctx, bookkeeping(saved), exists);
        }
        await ctx.sync();
        removed.forEach((k) => this.addedNotes.delete(k));
        for (const a of added) this.addedNotes.set(a.key, { sheet: a.sheet, address: a.address, kind: a.kind });
        return ok<readonly SavedFill[]>(saved);
      });
    } catch (e) {
      return toFailure("标记单元格", e);
    }
  }

  /**
   * Two syncs: which sheets still exist, then each saved fill back (fill.clear() for no fill) and the
   * notes this adapter added. Cells on a sheet deleted since marking are skipped: nothing to restore.
   */
  async clearHighlights(saved: readonly SavedFill[]): Promise<HostResult<number>> {
    if (saved.length === 0) return ok(0);
    try {
      return await this.run(async (ctx) => {
        const sheetNames = loadSheetNames(ctx);
        await ctx.sync();
        const existing = sheetNames();
        const sheets = ctx.workbook.worksheets;
        const live = saved.filter((s) => existing.has(s.at.sheet) && isCellAddress(s.at.address));
        for (const s of live) {
          const fill = sheets.getItem(s.at.sheet).getRange(s.at.address).format.fill;
          if (s.color === null) fill.clear();
          else fill.color = s.color;
        }
        const removed: string[] = [];
        for (const s of live) {
          const key = `${s.at.sheet}!${s.at.address}`;
          const added = this.addedNotes.get(key);
          if (!added) continue;
          if (added.kind === "note") sheets.getItem(added.sheet).notes.getItem(added.address).delete();
          else ctx.workbook.comments.getItemByCell(`${quoteSheet(added.sheet)}!${added.address}`).delete();
          removed.push(key);
        }
        await ctx.sync();
        removed.forEach((k) => this.addedNotes.delete(k));
        return ok(live.length);
      });
    } catch (e) {
      return toFailure("清除标记", e);
    }
  }

  /** Activate the sheet and select the cell (one sync). */
  async select(at: CellRef): Promise<HostResult<void>> {
    try {
      return await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(at.sheet);
        ws.activate();
        ws.getRange(at.address).select();
        await ctx.sync();
        return ok<void>(undefined);
      });
    } catch (e) {
      return toFailure(`定位到 ${quoteSheet(at.sheet)}!${at.address} `, e);
    }
  }

  /**
   * Add the sheet, or unmerge, clear and reuse it when it exists (deleting it would turn names and
   * formulas that point at it into #REF!). Values go in as one 2-D array; text that Excel would parse
   * ("99.71%", "2021-12", "=…") gets the text prefix so that it stays as written.
   */
  async writeSheet(content: SheetContent): Promise<HostResult<void>> {
    if (!this.capabilities.addSheets) return fail("unsupported", "当前版本的 Excel 不支持添加工作表。");
    try {
      return await this.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        let existing: Excel.Worksheet | undefined;
        if (this.features.nullObjects) {
          existing = sheets.getItemOrNullObject(content.name);
          existing.load("name");
        } else {
          sheets.load("items/name");
        }
        await ctx.sync();
        const exists = this.features.nullObjects
          ? existing?.isNullObject !== true
          : sheets.items.some((s) => s.name === content.name);
        this.queueSheet(ctx, content, exists);
        await ctx.sync();
        return ok<void>(undefined);
      });
    } catch (e) {
      return toFailure(`写入工作表“${content.name}”`, e);
    }
  }

  /**
   * Queue a whole sheet's content (no sync): add it, or unmerge, clear and reuse it when it exists
   * (deleting it would turn names and formulas that point at it into #REF!).
   */
  private queueSheet(ctx: Excel.RequestContext, content: SheetContent, exists: boolean): void {
    const sheets = ctx.workbook.worksheets;
    const ws = exists ? sheets.getItem(content.name) : sheets.add(content.name);
    if (exists) {
      const whole = ws.getRange();
      if (this.features.formatting) whole.unmerge();
      whole.clear();
    }
    const width = Math.max(1, ...content.rows.map((r) => r.length), content.columnWidths?.length ?? 0);
    if (content.rows.length > 0) {
      const values = content.rows.map((r) =>
        Array.from({ length: width }, (_, j) => {
          const v = r[j];
          return v === null || v === undefined ? "" : typeof v === "string" ? asText(v) : v;
        }),
      );
      const range = ws.getRange(`A1:${indexToCol(width)}${content.rows.length}`);
      // eslint-disable-next-line office-addins/call-sync-after-load -- a write to a new proxy, not a read
      range.values = values;
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
      for (const h of content.headingRows ?? []) {
        if (h >= 0 && h < content.rows.length) range.getRow(h).format.font.bold = true;
      }
    }
    (this.features.formatting ? (content.columnWidths ?? []) : []).forEach((w, j) => {
      ws.getRange(`${indexToCol(j + 1)}1`).getEntireColumn().format.columnWidth = charsToPoints(w);
    });
    ws.visibility = content.hidden ? "Hidden" : "Visible";
    // No activate(): the pane also keeps bookkeeping sheets (marks, ignores) and must not jump to them;
    // it calls select() when the clerk should see the sheet.
  }

  /** Two syncs: look up which names exist, then replace those and add the rest (workbook scope). */
  async addNames(names: readonly { readonly name: string; readonly ref: CellRef | string }[]): Promise<HostResult<number>> {
    if (names.length === 0) return ok(0);
    if (!this.capabilities.addNames) return fail("unsupported", "当前版本的 Excel 不支持添加名称（需要 ExcelApi 1.4）。");
    const sheetOf = (ref: CellRef | string): string | undefined => (typeof ref === "string" ? parseRef(ref)?.sheet : ref.sheet);
    const bad = names.find((n) => (typeof n.ref === "string" ? !parseRef(n.ref)?.sheet : !isAreaAddress(n.ref.address)));
    if (bad) {
      const shown = typeof bad.ref === "string" ? bad.ref : `${bad.ref.sheet}!${bad.ref.address}`;
      return fail("write-failed", `名称“${bad.name}”的引用“${shown}”不是带工作表名的单元格地址。`);
    }
    try {
      return await this.run(async (ctx) => {
        const sheetNames = loadSheetNames(ctx);
        const collection = ctx.workbook.names;
        const existing = names.map((n) => {
          const item = collection.getItemOrNullObject(n.name);
          item.load("name");
          return item;
        });
        await ctx.sync();
        const existingSheets = sheetNames();
        const missing = names.find((n) => !existingSheets.has(sheetOf(n.ref) ?? ""));
        if (missing) return fail<number>("not-found", `保存名称失败：名称“${missing.name}”指向的工作表“${sheetOf(missing.ref) ?? ""}”不存在。`);
        names.forEach((n, i) => {
          if (existing[i].isNullObject !== true) existing[i].delete();
          const formula =
            typeof n.ref === "string"
              ? `=${n.ref.replace(/^=/, "")}`
              : `=${quoteSheet(n.ref.sheet)}!${n.ref.address
                  .split(":")
                  .map((a) => a.replace(/^\$?([A-Z]+)\$?(\d+)$/i, "$$$1$$$2"))
                  .join(":")}`;
          collection.add(n.name, formula);
        });
        await ctx.sync();
        return ok(names.length);
      });
    } catch (e) {
      return toFailure("保存名称", e);
    }
  }
}

/** Create the Excel host over the real `Excel.run`. */
export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost((batch) => Excel.run(batch), options);
}
