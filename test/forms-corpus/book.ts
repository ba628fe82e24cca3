/**
 * A workbook described as data, so that a planted mistake is a one-cell edit of a copy, and written as a
 * real .xlsx with ExcelJS (a NEW file; ExcelJS never edits a clerk's workbook). Bureaus' forms carry
 * merged headers, number formats, bold titles and wrapped text; all of that is kept here. No defined
 * names are ever written: clerks' own files have none.
 */
import ExcelJS from "exceljs";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { hiddenFields, runsOf } from "../../src/core/model/hidden";

export type Value = string | number | null;

/** A cell: value plus the formatting a clerk's form has. */
export interface CellSpec {
  v: Value;
  /** Number format (`0.00`, `0.00%`, `#,##0.00`). */
  fmt?: string;
  bold?: boolean;
  /** Wrapped, top-aligned text (long paragraphs). */
  wrap?: boolean;
  /** Centred (headers, merged labels). */
  center?: boolean;
  /** Font size (titles). */
  size?: number;
  /**
   * A formula (`SUM(E8:E12)`, no `=`): written with `v` as its cached result (what Excel saves), or with
   * no result at all when the book is written `{ formulaResults: false }` (a generator's file never opened).
   */
  formula?: string;
}

export interface SheetSpec {
  name: string;
  cells: Map<string, CellSpec>;
  merges: string[];
  /** Column widths by letter. */
  widths: Record<string, number>;
  /** Hidden columns by letter (a clerk's old figures kept out of sight). */
  hiddenCols?: string[];
  /** Hidden rows by number. */
  hiddenRows?: number[];
  /** A hidden tab (last year's sheet kept out of sight), or a very hidden one. */
  state?: "hidden" | "veryHidden";
}

export interface BookSpec {
  sheets: SheetSpec[];
}

/** A cell of the workbook: sheet and A1 address. */
export interface Ref {
  sheet: string;
  a1: string;
}

export const MONEY = "0.00";
export const RATE = "0.00%";

export function colLetter(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  return letters.split("").reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
}

/** `C5` → { col: 3, row: 5 }. */
export function parseA1(a1: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad A1 ${a1}`);
  return { col: colIndex(m[1]), row: Number(m[2]) };
}

export function a1(col: number, row: number): string {
  return `${colLetter(col)}${row}`;
}

/** Writes one sheet: cells, merges and formats. */
export class SheetWriter {
  readonly spec: SheetSpec;
  constructor(name: string) {
    this.spec = { name, cells: new Map(), merges: [], widths: {} };
  }
  get name(): string {
    return this.spec.name;
  }
  set(at: string, v: Value, opts: Omit<CellSpec, "v"> = {}): Ref {
    this.spec.cells.set(at, { v, ...opts });
    return { sheet: this.spec.name, a1: at };
  }
  /** A money cell (0.00), or "—" when null-like and `dash`. */
  money(at: string, v: number): Ref {
    return this.set(at, v, { fmt: MONEY });
  }
  rate(at: string, v: number): Ref {
    return this.set(at, v, { fmt: RATE });
  }
  dash(at: string): Ref {
    return this.set(at, "—", { center: true });
  }
  label(at: string, v: string, opts: Omit<CellSpec, "v"> = {}): Ref {
    return this.set(at, v, { center: true, ...opts });
  }
  text(at: string, v: string): Ref {
    return this.set(at, v, { wrap: true });
  }
  /** Merge `area` and write `v` at its top-left. */
  merged(area: string, v: Value, opts: Omit<CellSpec, "v"> = {}): Ref {
    const tl = area.split(":")[0];
    this.spec.merges.push(area);
    return this.set(tl, v, opts);
  }
  merge(area: string): void {
    this.spec.merges.push(area);
  }
  width(col: string, w: number): void {
    this.spec.widths[col] = w;
  }
}

/** The last row of a sheet that has a cell (0 when none). */
export function lastRow(s: SheetSpec): number {
  let r = 0;
  for (const a of s.cells.keys()) r = Math.max(r, parseA1(a).row);
  return r;
}

export function ref(sheet: string, at: string): Ref {
  return { sheet, a1: at };
}

export function showRef(r: Ref): string {
  return `${r.sheet}!${r.a1}`;
}

export function copyBook(b: BookSpec): BookSpec {
  return {
    sheets: b.sheets.map((s) => ({ name: s.name, cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])), merges: [...s.merges], widths: { ...s.widths }, ...(s.hiddenCols ? { hiddenCols: [...s.hiddenCols] } : {}), ...(s.hiddenRows ? { hiddenRows: [...s.hiddenRows] } : {}), ...(s.state ? { state: s.state } : {}) })),
  };
}

function sheetOf(b: BookSpec, name: string): SheetSpec {
  const s = b.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The value at a cell (undefined when empty). */
export function valueAt(b: BookSpec, r: Ref): Value | undefined {
  return sheetOf(b, r.sheet).cells.get(r.a1)?.v;
}

/** The number at a cell; throws when it is not a number (a corpus bug). */
export function numberAt(b: BookSpec, r: Ref): number {
  const v = valueAt(b, r);
  if (typeof v !== "number") throw new Error(`${showRef(r)} is not a number: ${String(v)}`);
  return v;
}

/** Plant a value, keeping the cell's format. */
export function plant(b: BookSpec, r: Ref, v: Value): BookSpec {
  const s = sheetOf(b, r.sheet);
  const old = s.cells.get(r.a1);
  s.cells.set(r.a1, { ...(old ?? {}), v });
  return b;
}

/** Replace `from` by `to` in the text of a cell (throws when `from` is absent: the plant must happen). */
export function plantText(b: BookSpec, r: Ref, from: string, to: string): BookSpec {
  const v = valueAt(b, r);
  if (typeof v !== "string" || !v.includes(from)) throw new Error(`${showRef(r)} has no “${from}”: ${String(v)}`);
  return plant(b, r, v.replace(from, to));
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/**
 * Write the book as a real .xlsx (no defined names). `store` leaves the zip entries uncompressed (a valid
 * .xlsx, faster to write and read: the tests use it; the committed examples are compressed).
 */
export async function writeBook(b: BookSpec, file: string, options: { store?: boolean; formulaResults?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao forms corpus";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const s of b.sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    for (const [col, w] of Object.entries(s.widths)) ws.getColumn(col).width = w;
    for (const [at, c] of s.cells) {
      if (c.v === null && c.formula === undefined) continue;
      const cell = ws.getCell(at);
      if (c.formula !== undefined) cell.value = (options.formulaResults === false ? { formula: c.formula } : { formula: c.formula, result: c.v }) as ExcelJS.CellValue;
      else cell.value = c.v;
      if (c.fmt) cell.numFmt = c.fmt;
      if (c.bold || c.size) cell.font = { bold: !!c.bold, ...(c.size ? { size: c.size } : {}) };
      if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      else if (c.center) cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      if (!c.size) cell.border = THIN;
    }
    for (const m of s.merges) ws.mergeCells(m);
    for (const c of s.hiddenCols ?? []) ws.getColumn(c).hidden = true;
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
  }
  await wb.xlsx.writeFile(file, options.store ? ({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>) : undefined);
}

/**
 * The snapshot the .xlsx host reads from the file `writeBook` writes (cells with their number formats,
 * merges, hidden tabs, rows and columns; blank cells left out): for tests that check a book in-process,
 * without writing it.
 */
export function snapshotOf(book: BookSpec): WorkbookSnapshot {
  return {
    sheets: book.sheets.map((s) => {
      const cells: Record<string, CellSnapshot> = {};
      const extent = { rowLo: Infinity, rowHi: 0, colLo: Infinity, colHi: 0 };
      for (const [a1, c] of s.cells) {
        if (c.v === null) continue;
        cells[a1] = { value: c.v, ...(c.fmt && c.fmt !== "General" ? { numberFormat: c.fmt } : {}), ...(c.formula !== undefined ? { formula: c.formula } : {}) };
        const { col, row } = parseA1(a1);
        extent.rowLo = Math.min(extent.rowLo, row);
        extent.rowHi = Math.max(extent.rowHi, row);
        extent.colLo = Math.min(extent.colLo, col);
        extent.colHi = Math.max(extent.colHi, col);
      }
      const hidden = hiddenFields({ visibility: s.state, rows: runsOf(s.hiddenRows ?? []), cols: runsOf((s.hiddenCols ?? []).map(colIndex)) }, extent);
      return { name: s.name, cells, merges: [...s.merges], ...hidden };
    }),
    names: [],
  };
}
