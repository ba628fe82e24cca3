/**
 * The WPS 表格 adapter: the same WorkbookHost as Excel and .xlsx, on WPS's synchronous, VBA-style JS API
 * (`Application.ActiveWorkbook`, `Names`, `Range.Value2` …). Every call is synchronous; the async interface
 * only wraps it, and every failure comes back as a HostResult instead of an exception.
 *
 * Reads are per sheet, not per cell: one `Value2` and one `Formula` read of the whole used range (2-D
 * arrays), number formats per column (a column with one format reads as that format, a mixed one as null,
 * and only then per non-empty cell), merges only in rows whose `MergeCells` is not false, hidden rows and
 * columns by halving the used rows (columns) only where `Hidden` reads mixed.
 */
import type { CellSnapshot, CellValue, DefinedName, LineRun, SheetSnapshot, SheetVisibility, WorkbookSnapshot, CellRef } from "../../core/model/snapshot";
import type { CellWrite } from "../../core/engine/types";
import type { SheetContent } from "../../core/model/sheet-content";
import { indexToCol, parseA1, parseRef, quoteSheet, toA1 } from "../../core/model/address";
import { SheetCellsBuilder } from "../../core/model/cell-index";
import type { Highlight, HostCapabilities, HostError, HostResult, ReadOptions, SavedFill, WorkbookHost } from "../host";
import { XL_COLOR_INDEX_NONE, type EtRange, type EtSheets, type EtWorkbook, type EtWorksheet, type WpsApplication } from "./et-types";

const CAPABILITIES: HostCapabilities = { highlight: true, comments: true, select: true, addNames: true, addSheets: true };

/**
 * COM error codes (HRESULT 0x800A07xx) that `Value2` returns for error cells, by Excel error text.
 * WPS follows Excel's automation model here; a string such as `#DIV/0!` in a formula cell is accepted too.
 */
const COM_ERROR_TEXT: Readonly<Record<number, string>> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};
const ERROR_TEXTS = new Set(Object.values(COM_ERROR_TEXT));

/** "General" as WPS reports it in English and in Chinese builds. */
const GENERAL = /^(general|g\/通用格式|常规)$/i;

/** Et.XlSheetVisibility.xlSheetHidden: the pane's bookkeeping sheets are hidden, not very hidden (a clerk can still unhide them). */
const XL_SHEET_HIDDEN = 0;
/** Et.XlSheetVisibility.xlSheetVeryHidden. */
const XL_SHEET_VERY_HIDDEN = 2;

/** Worksheet.Visible as the snapshot writes it (-1 xlSheetVisible; some builds answer a boolean). */
function visibilityOf(visible: unknown): SheetVisibility {
  if (visible === XL_SHEET_VERY_HIDDEN) return "veryHidden";
  return visible === XL_SHEET_HIDDEN || visible === false ? "hidden" : "visible";
}

/**
 * The hidden runs among lines `first…last`, asking `hidden(a, b)` of whole spans: true (all of them
 * hidden) and false (none) answer a span in one call; anything else (null: some are) halves it. A sheet
 * without hidden lines costs one call, and each hidden run about two per halving.
 */
export function hiddenSpans(first: number, last: number, hidden: (a: number, b: number) => unknown): LineRun[] {
  const out: LineRun[] = [];
  const walk = (a: number, b: number): void => {
    const h = hidden(a, b);
    if (h === true) out.push([a, b]);
    else if (h !== false && a < b) {
      const mid = Math.floor((a + b) / 2);
      walk(a, mid);
      walk(mid + 1, b);
    }
  };
  if (first <= last) walk(first, last);
  return out;
}

/** `#RRGGBB` → the BGR integer `Interior.Color` takes (0xBBGGRR). */
export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** The BGR integer `Interior.Color` returns → `#RRGGBB`. */
export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

/** Thrown inside the adapter and turned into a HostResult at the edge. */
class WpsHostFailure extends Error {
  constructor(readonly error: HostError) {
    super(error.message);
    this.name = "WpsHostFailure";
  }
}

function failure(code: HostError["code"], message: string, detail?: string): WpsHostFailure {
  return new WpsHostFailure(detail === undefined ? { code, message } : { code, message, detail });
}

/** Run a synchronous body and return its result or its failure as a HostResult. */
function guard<T>(code: HostError["code"], message: string, body: () => T): HostResult<T> {
  try {
    return { ok: true, value: body() };
  } catch (err) {
    if (err instanceof WpsHostFailure) return { ok: false, error: err.error };
    return { ok: false, error: { code, message, detail: err instanceof Error ? err.message : String(err) } };
  }
}

function isWorksheet(x: EtWorksheet | EtSheets): x is EtWorksheet {
  return typeof (x as EtWorksheet).Name === "string" && "UsedRange" in x;
}

function workbookOf(app: WpsApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  // COM's Nothing arrives as null (or undefined in some builds).
  if (wb === null || wb === undefined) throw failure("not-found", "没有打开的工作簿，请先打开自评表");
  return wb;
}

function worksheets(wb: EtWorkbook): EtWorksheet[] {
  const out: EtWorksheet[] = [];
  const n = wb.Worksheets.Count;
  for (let i = 1; i <= n; i++) {
    const s = wb.Worksheets.Item(i);
    if (isWorksheet(s)) out.push(s);
  }
  return out;
}

function sheetNamed(wb: EtWorkbook, name: string): EtWorksheet {
  // Looked up by walking the collection: Item(name) throws on a missing sheet, and we want our own message.
  const s = worksheets(wb).find((x) => x.Name === name);
  if (!s) throw failure("not-found", `找不到工作表“${name}”`);
  return s;
}

/** A 2-D array from a Value2/Formula read: one cell reads as a scalar. */
function grid(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  return [[v]];
}

function cellOf(value: unknown, formula: unknown): CellSnapshot | undefined {
  const f = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  const withFormula = (c: { value: CellValue; error?: string }): CellSnapshot => (f !== undefined ? { ...c, formula: f } : c);
  if (typeof value === "number" && COM_ERROR_TEXT[value] !== undefined) return withFormula({ value: null, error: COM_ERROR_TEXT[value] });
  if (typeof value === "string" && f !== undefined && ERROR_TEXTS.has(value)) return withFormula({ value: null, error: value });
  if (value === undefined || value === null || value === "") return f !== undefined ? withFormula({ value: value === "" ? "" : null }) : undefined;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return withFormula({ value });
  // Anything else (a Date in some builds) is kept as its text rather than dropped.
  return withFormula({ value: String(value) });
}

function readSheet(ws: EtWorksheet): SheetSnapshot {
  const used = ws.UsedRange;
  const r0 = used.Row;
  const c0 = used.Column;
  const values = grid(used.Value2);
  const formulas = grid(used.Formula);
  // The non-empty cells row by row, each with its final value (number format included) before it goes
  // into the record: then the builder writes the same record as before and primes the cell index.
  const present: { i: number; j: number; cell: CellSnapshot }[] = [];
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = cellOf(v, formulas[i]?.[j]);
      if (!cell) return;
      present.push({ i, j, cell });
    }),
  );

  // Number formats: one read per column, per cell only in mixed columns and only for non-empty cells.
  if (present.length) {
    const single = values.length === 1 && values[0].length === 1;
    const columnFormat = new Map<number, string | null>();
    for (const p of present) {
      const { i, j } = p;
      if (!columnFormat.has(j)) {
        const fmt: unknown = single ? used.NumberFormat : used.Columns.Item(j + 1).NumberFormat;
        columnFormat.set(j, typeof fmt === "string" ? fmt : null);
      }
      const fmt = columnFormat.get(j) ?? (used.Item(i + 1, j + 1).NumberFormat as unknown);
      if (typeof fmt === "string" && fmt !== "" && !GENERAL.test(fmt)) p.cell = { ...p.cell, numberFormat: fmt };
    }
  }
  const cells = new SheetCellsBuilder(present.length);
  for (const { i, j, cell } of present) cells.add(r0 + i, c0 + j, cell);

  // Hidden rows and columns of the used range: `Hidden` of whole rows (columns), halved where mixed.
  const lastRow = r0 + values.length - 1;
  const lastCol = c0 + Math.max(1, values[0]?.length ?? 1) - 1;
  const left = indexToCol(c0);
  const rows = present.length ? hiddenSpans(r0, lastRow, (a, b) => ws.Range(`${left}${a}:${left}${b}`).EntireRow.Hidden) : [];
  const cols = present.length ? hiddenSpans(c0, lastCol, (a, b) => ws.Range(`${indexToCol(a)}${r0}:${indexToCol(b)}${r0}`).EntireColumn.Hidden) : [];

  // Merges: skip the sheet, then each row, when MergeCells reads false (null means mixed).
  const merges: string[] = [];
  if ((used.MergeCells as unknown) !== false) {
    // Cells inside a merge already found are not asked again (a merged 一级 column spans dozens of rows).
    const covered = new Set<string>();
    values.forEach((row, i) => {
      if ((used.Rows.Item(i + 1).MergeCells as unknown) === false) return;
      row.forEach((_v, j) => {
        if (covered.has(`${i},${j}`)) return;
        const cell = used.Item(i + 1, j + 1);
        if ((cell.MergeCells as unknown) !== true) return;
        const area = cell.MergeArea;
        merges.push(area.Address(false, false).replace(/\$/g, ""));
        const rows = area.Rows.Count;
        const cols = area.Columns.Count;
        for (let di = 0; di < rows; di++) for (let dj = 0; dj < cols; dj++) covered.add(`${area.Row - r0 + di},${area.Column - c0 + dj}`);
      });
    });
  }
  return cells.sheet(ws.Name, merges, { visibility: visibilityOf(ws.Visible), rows, cols });
}

/** `Sheet!name` (quoted or not) → its parts; a workbook-level name has no `!`. */
function splitName(full: string): { scope?: string; name: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(full);
  if (quoted) return { scope: quoted[1].replace(/''/g, "'"), name: quoted[2] };
  const bang = full.lastIndexOf("!");
  return bang > 0 ? { scope: full.slice(0, bang), name: full.slice(bang + 1) } : { name: full };
}

function readNames(wb: EtWorkbook): DefinedName[] {
  const out: DefinedName[] = [];
  const n = wb.Names.Count;
  for (let i = 1; i <= n; i++) {
    const item = wb.Names.Item(i);
    const { scope: fromName, name } = splitName(item.Name);
    let scope = fromName;
    if (scope === undefined) {
      // Some builds report a local name bare; its Parent is then the worksheet, not the workbook.
      const parent = item.Parent as { Name?: unknown; UsedRange?: unknown } | null;
      if (parent && parent !== wb && typeof parent.Name === "string" && "UsedRange" in parent) scope = parent.Name;
    }
    const refersTo = String(item.RefersTo).replace(/^=/, "");
    out.push(scope !== undefined ? { name, refersTo, scope } : { name, refersTo });
  }
  return out;
}

/**
 * Read the active workbook synchronously (the before-save listener needs the answer before WPS saves).
 * @throws Error when there is no workbook or WPS refuses a read
 */
export function readWorkbookSync(app: WpsApplication): WorkbookSnapshot {
  const wb = workbookOf(app);
  return { sheets: worksheets(wb).map(readSheet), names: readNames(wb) };
}

/**
 * Add the blank cells among `asked` that carry a number format of their own (ReadOptions.cells), as
 * `{value: null, numberFormat}`: what 撤销 must put back after a write into them. Cells on sheets
 * that do not exist are skipped (the write will report them).
 */
function withFormatsOf(app: WpsApplication, snapshot: WorkbookSnapshot, asked: readonly CellRef[]): WorkbookSnapshot {
  if (asked.length === 0) return snapshot;
  const wb = workbookOf(app);
  const sheets = snapshot.sheets.map((s) => ({ ...s, cells: { ...s.cells } }));
  for (const at of asked) {
    const sheet = sheets.find((s) => s.name === at.sheet);
    const address = at.address.replace(/\$/g, "").toUpperCase();
    if (!sheet || sheet.cells[address] !== undefined) continue;
    const fmt: unknown = rangeAt(wb, { sheet: at.sheet, address }).NumberFormat;
    if (typeof fmt === "string" && fmt !== "" && !GENERAL.test(fmt)) sheet.cells[address] = { value: null, numberFormat: fmt };
  }
  return { ...snapshot, sheets };
}

function rangeAt(wb: EtWorkbook, at: CellRef): EtRange {
  const ws = sheetNamed(wb, at.sheet);
  try {
    parseA1(at.address);
  } catch {
    throw failure("not-found", `单元格地址“${at.address}”无效`);
  }
  return ws.Range(at.address);
}

/** A string that ET would take for a formula is written as text. */
function literal(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" && /^[=]/.test(v) ? `'${v}` : v;
}

function absolute(address: string): string {
  return address
    .split(":")
    .map((a) => {
      const p = parseA1(a);
      return `$${indexToCol(p.col)}$${p.row}`;
    })
    .join(":");
}

/** Options of {@link createWpsHost}. */
export interface WpsHostOptions {
  /** Attach a highlight's note as a cell comment. @default true */
  readonly comments?: boolean;
}

/**
 * The WorkbookHost for WPS 表格.
 * @param app - WPS's global `Application` (or `wps`), or a fake of it in tests
 * @returns a host whose methods never throw: failures come back as `{ok: false, error}`
 * @example
 *   const host = createWpsHost(window.Application);
 *   const snap = await host.readWorkbook(); // {ok: true, value: {sheets, names}}
 */
export function createWpsHost(app: WpsApplication, options: WpsHostOptions = {}): WorkbookHost {
  const useComments = options.comments ?? true;
  /** The fill each highlighted cell had before the first highlight, so that clearing is exact. */
  const originals = new Map<string, string | null>();
  /** Cells where we added a comment (and must remove it again). */
  const ourComments = new Set<string>();
  const key = (at: CellRef): string => `${at.sheet}!${at.address.toUpperCase()}`;

  return {
    kind: "wps",
    capabilities: CAPABILITIES,

    async readWorkbook(options: ReadOptions = {}) {
      return guard("read-failed", "读取工作簿内容失败", () => withFormatsOf(app, readWorkbookSync(app), options.cells ?? []));
    },

    async applyWrites(writes: readonly CellWrite[]) {
      return guard("write-failed", "写入单元格失败", () => {
        const wb = workbookOf(app);
        // Resolve every target first: a bad one fails the batch before anything is written.
        const ranges = writes.map((w) => rangeAt(wb, w.at));
        writes.forEach((w, i) => {
          const range = ranges[i];
          if (w.formula !== undefined) range.Formula = `=${w.formula.replace(/^=/, "")}`;
          else if (w.value === null) range.ClearContents();
          else if (w.value !== undefined) range.Value2 = literal(w.value) as string;
          if (w.numberFormat !== undefined) range.NumberFormat = w.numberFormat;
        });
        return writes.length;
      });
    },

    async highlight(marks: readonly Highlight[]) {
      return guard("write-failed", "标记单元格失败", () => {
        const wb = workbookOf(app);
        const ranges = marks.map((m) => rangeAt(wb, m.at));
        return marks.map((m, i): SavedFill => {
          const interior = ranges[i].Interior;
          const color = interior.ColorIndex === XL_COLOR_INDEX_NONE || typeof interior.Color !== "number" ? null : bgrToHex(interior.Color);
          if (!originals.has(key(m.at))) originals.set(key(m.at), color);
          interior.Color = hexToBgr(m.color);
          if (useComments && m.note && !ourComments.has(key(m.at)) && !ranges[i].Comment) {
            ranges[i].AddComment(m.note);
            ourComments.add(key(m.at));
          }
          return { at: m.at, color };
        });
      });
    },

    async clearHighlights(saved: readonly SavedFill[]) {
      return guard("write-failed", "清除标记失败", () => {
        const wb = workbookOf(app);
        let n = 0;
        for (const s of saved) {
          let range: EtRange;
          try {
            range = rangeAt(wb, s.at);
          } catch {
            continue; // the sheet was deleted or renamed since: nothing left to restore
          }
          const k = key(s.at);
          const color = originals.has(k) ? (originals.get(k) ?? null) : s.color;
          if (color === null) range.Interior.ColorIndex = XL_COLOR_INDEX_NONE;
          else range.Interior.Color = hexToBgr(color);
          originals.delete(k);
          if (ourComments.has(k)) {
            range.ClearComments();
            ourComments.delete(k);
          }
          n++;
        }
        return n;
      });
    },

    async select(at: CellRef) {
      return guard("not-found", "无法定位到该单元格", () => {
        const wb = workbookOf(app);
        const range = rangeAt(wb, at);
        // Select() fails on a sheet that is not active.
        sheetNamed(wb, at.sheet).Activate();
        range.Select();
      });
    },

    async writeSheet(content: SheetContent) {
      return guard("write-failed", `写入工作表“${content.name}”失败`, () => {
        const wb = workbookOf(app);
        const sheets = worksheets(wb);
        const existing = sheets.find((s) => s.Name === content.name);
        const alerts = app.DisplayAlerts;
        // Deleting a sheet asks the user first; the pane's own confirmation already did.
        app.DisplayAlerts = false;
        let sheet: EtWorksheet;
        try {
          sheet = wb.Worksheets.Add(undefined, existing ?? sheets[sheets.length - 1]);
          if (existing) existing.Delete();
          sheet.Name = content.name;
        } finally {
          app.DisplayAlerts = alerts;
        }
        const width = Math.max(0, ...content.rows.map((r) => r.length));
        if (content.rows.length && width) {
          const rows = content.rows.map((r) => Array.from({ length: width }, (_x, j) => (r[j] === null || r[j] === undefined ? "" : literal(r[j] as string | number))));
          sheet.Range(`A1:${toA1({ row: rows.length, col: width })}`).Value2 = rows;
          for (const h of content.headingRows ?? []) {
            if (h < rows.length) sheet.Range(`A${h + 1}:${toA1({ row: h + 1, col: width })}`).Font.Bold = true;
          }
        }
        (content.columnWidths ?? []).forEach((w, j) => {
          if (w > 0) sheet.Range(toA1({ row: 1, col: j + 1 })).ColumnWidth = w;
        });
        if (content.hidden) sheet.Visible = XL_SHEET_HIDDEN;
      });
    },

    async addNames(names: readonly { readonly name: string; readonly ref: CellRef | string }[]) {
      return guard("write-failed", "添加名称失败", () => {
        const wb = workbookOf(app);
        const resolved = names.map((n) => {
          if (typeof n.ref === "string") {
            const text = n.ref.replace(/^=/, "");
            const parsed = parseRef(text);
            if (parsed?.sheet !== undefined) sheetNamed(wb, parsed.sheet);
            return { name: n.name, refersTo: text };
          }
          sheetNamed(wb, n.ref.sheet);
          return { name: n.name, refersTo: `${quoteSheet(n.ref.sheet)}!${absolute(n.ref.address)}` };
        });
        for (const n of resolved) wb.Names.Add(n.name, `=${n.refersTo}`);
        return resolved.length;
      });
    },
  };
}
