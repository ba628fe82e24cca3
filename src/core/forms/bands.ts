/**
 * Several forms stacked on one sheet (two 项目支出绩效自评表 one below the other, each with its own title,
 * 项目资金 block, indicators and 总分): the sheet is cut into bands of rows, one per form, each read as a
 * sheet of its own (same name, same addresses, only its rows). Without the cut the first form's labels
 * would win and the second form's figures would be checked against the first's.
 */
import type { SheetSnapshot } from "../model/snapshot";
import { parseA1, parseArea } from "../model/address";
import { gridOf, type SheetGrid } from "../mapping/grid";
import { detectForm } from "./detect";
import { labelKey } from "./read";
import type { FormDecl } from "./types";

/** Texts longer than this are prose, never a form's title or label. */
const MAX_LABEL = 60;
/** How far above a repeated label a form's own title lines may start (title, year line, 填报单位). */
const LEAD_ROWS = 4;

/** Each row's short texts as label keys (one pass over the sheet's text cells). */
function rowKeys(grid: SheetGrid): { row: number; keys: string[] }[] {
  const out: { row: number; keys: string[] }[] = [];
  for (const row of grid.rowNumbers) {
    const keys: string[] = [];
    for (const col of grid.colsIn(row)) {
      const v = grid.cell(row, col)?.value;
      if (typeof v !== "string" || v.trim().length > MAX_LABEL) continue;
      const t = grid.memo(labelKey, v);
      if (t) keys.push(t);
    }
    if (keys.length) out.push({ row, keys });
  }
  return out;
}

/** The rows where one of `labels` is written as a short text (equal, a prefix, or inside a title). */
function rowsOf(texts: readonly { row: number; keys: string[] }[], labels: readonly string[]): number[] {
  const keys = labels.map(labelKey).filter((k) => k !== "");
  const match = (t: string): boolean => keys.some((k) => (k.length >= 5 ? t.includes(k) : t === k || (t.startsWith(k) && t.length - k.length <= 8)));
  return texts.filter((x) => x.keys.some(match)).map((x) => x.row);
}

/** One form's rows of a sheet: a sheet of the same name holding only them. */
export interface FormBand {
  readonly sheet: SheetSnapshot;
  /** First and last row of the band. */
  readonly rows: readonly [number, number];
}

/** The cells and merges of `sheet` within rows [from, to]. */
function band(sheet: SheetSnapshot, from: number, to: number): SheetSnapshot {
  const cells: Record<string, SheetSnapshot["cells"][string]> = {};
  for (const [a1, c] of Object.entries(sheet.cells)) {
    const { row } = parseA1(a1);
    if (row >= from && row <= to) cells[a1] = c;
  }
  const merges = sheet.merges.filter((m) => {
    const a = parseArea(m);
    return a.start.row >= from && a.end.row <= to;
  });
  return { name: sheet.name, cells, merges };
}

/**
 * The bands of a sheet holding several forms of the kind detected on it, or undefined (one form). A band
 * starts at each repetition of the form's title (else, on a project form, of 项目名称),
 * moved up over the lines just above it when a blank row separates them from the form before; the cut is
 * kept only when every band is, on its own, the same form.
 * @param sheet - the sheet as read
 * @param form - the form detected on the whole sheet
 */
export function formBands(sheet: SheetSnapshot, form: FormDecl): FormBand[] | undefined {
  // Only forms that describe one thing (a project, a department): a 汇总 or a 决算 table is one per sheet.
  if (form.kind !== "project" && form.kind !== "dept") return undefined;
  const grid = gridOf(sheet);
  const texts = rowKeys(grid);
  // Cut at the title, else (a project form) at 项目名称: labels a form writes once. Other anchors (基本支出,
  // 合计) may well repeat inside one form.
  const cuts: (readonly string[])[] = [form.anchors[0], ...(form.kind === "project" ? [["项目名称"]] : [])];
  for (const anchor of cuts) {
    const rows = rowsOf(texts, anchor);
    if (rows.length < 2) continue;
    // The first form starts at the top; each later one at its repeated label, or at the first row after
    // a blank line at most LEAD_ROWS above it (its title and year line).
    const starts = [grid.rowNumbers[0]];
    for (const r of rows.slice(1)) {
      let s = r;
      for (let k = r - 1; k >= Math.max(r - LEAD_ROWS, starts[starts.length - 1] + 1); k--) {
        if (grid.colsIn(k).length === 0) {
          s = k + 1;
          break;
        }
      }
      if (s > starts[starts.length - 1]) starts.push(s);
    }
    if (starts.length < 2) continue;
    const bands = starts.map((s, i): FormBand => {
      const to = i + 1 < starts.length ? starts[i + 1] - 1 : grid.maxRow;
      return { sheet: band(sheet, s, to), rows: [s, to] };
    });
    // Every band must be the form on its own (its required anchors, enough of the others).
    if (bands.every((b) => detectForm(gridOf(b.sheet), [form]) !== undefined)) return bands;
  }
  return undefined;
}
