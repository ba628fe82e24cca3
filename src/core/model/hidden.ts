/**
 * What the clerk cannot see: hidden sheets, hidden rows and hidden columns of a snapshot
 * (SheetSnapshot.visibility, hiddenRows, hiddenCols), kept as runs of lines — a sheet that hides every
 * row below its form is one run, not a million flags — and the questions the engine asks of them.
 */
import type { LineRun, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "./snapshot";

/** Where a cell is out of the clerk's sight: its sheet, its row, its column, or both of these. */
export type HiddenAt = "sheet" | "row" | "column" | "row-column";

/** What a reader knows about a sheet's hidden parts, before they are fitted to its cells. */
export interface HiddenParts {
  readonly visibility?: SheetVisibility;
  /** Hidden rows as runs in any order (overlapping and touching runs are merged). */
  readonly rows?: readonly LineRun[];
  readonly cols?: readonly LineRun[];
}

/**
 * Lines as runs: `[3, 4, 5, 9]` → `[[3, 5], [9, 9]]`. The lines may come in any order and repeat.
 * @example runsOf([17]) // [[17, 17]]
 */
export function runsOf(lines: Iterable<number>): LineRun[] {
  const sorted = [...lines].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n <= last[1] + 1) last[1] = Math.max(last[1], n);
    else out.push([n, n]);
  }
  return out;
}

/**
 * Runs sorted, merged where they overlap or touch, and cut to `[lo, hi]` (a sheet's first and last line
 * holding a cell): what a snapshot keeps. Empty when nothing of them lies within.
 * @example normalizeRuns([[9, 9], [1, 3], [4, 4]], 2, 100) // [[2, 4], [9, 9]]
 */
export function normalizeRuns(runs: readonly LineRun[], lo: number, hi: number): LineRun[] {
  if (runs.length === 0 || lo > hi) return [];
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const first = Math.max(a, lo);
    const last = Math.min(b, hi);
    if (first > last) continue;
    const prev = out[out.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else out.push([first, last]);
  }
  return out;
}

/** Whether line `n` lies in one of the runs (ascending, as a snapshot keeps them). */
export function inRuns(runs: readonly LineRun[] | undefined, n: number): boolean {
  if (runs === undefined) return false;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = runs[mid];
    if (n < a) hi = mid - 1;
    else if (n > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether a sheet's tab is hidden (hidden or very hidden). */
export function isHiddenSheet(sheet: Pick<SheetSnapshot, "visibility">): boolean {
  return sheet.visibility === "hidden" || sheet.visibility === "veryHidden";
}

/** Whether a sheet hides any row or column among its cells. */
export function hidesLines(sheet: Pick<SheetSnapshot, "hiddenRows" | "hiddenCols">): boolean {
  return (sheet.hiddenRows?.length ?? 0) > 0 || (sheet.hiddenCols?.length ?? 0) > 0;
}

/**
 * Where a cell is hidden from the clerk, or undefined when it shows: its sheet's tab first, then its
 * row and its column.
 * @example hiddenAt(sheet, 17, 3) // "row" when row 17 is hidden
 */
export function hiddenAt(sheet: SheetSnapshot | undefined, row: number, col: number): HiddenAt | undefined {
  if (!sheet) return undefined;
  if (isHiddenSheet(sheet)) return "sheet";
  const r = inRuns(sheet.hiddenRows, row);
  const c = inRuns(sheet.hiddenCols, col);
  return r && c ? "row-column" : r ? "row" : c ? "column" : undefined;
}

/** Where a cell of the workbook is hidden, by sheet name, row and column (see {@link hiddenLookup}). */
export type HiddenLookup = (sheet: string, row: number, col: number) => HiddenAt | undefined;

const lookups = new WeakMap<WorkbookSnapshot, HiddenLookup | null>();

/**
 * {@link hiddenAt} by sheet name, for a workbook: undefined when nothing of it is hidden (most
 * workbooks), so that the engine asks nothing of them. Built once per snapshot object.
 */
export function hiddenLookup(snapshot: WorkbookSnapshot): HiddenLookup | undefined {
  let hit = lookups.get(snapshot);
  if (hit === undefined) {
    const sheets = snapshot.sheets.filter((s) => isHiddenSheet(s) || hidesLines(s));
    const byName = new Map(sheets.map((s) => [s.name, s]));
    hit = sheets.length === 0 ? null : (sheet, row, col) => hiddenAt(byName.get(sheet), row, col);
    lookups.set(snapshot, hit);
  }
  return hit ?? undefined;
}

/**
 * The hidden fields of a sheet snapshot from what a reader found, fitted to the sheet's cells (rows
 * `rowLo…rowHi`, columns `colLo…colHi`): visibility left out when visible, runs left out when none lies
 * among the cells. Every host calls it, so that they all write the same snapshot for the same workbook.
 */
export function hiddenFields(
  parts: HiddenParts | undefined,
  extent: { readonly rowLo: number; readonly rowHi: number; readonly colLo: number; readonly colHi: number },
): Pick<SheetSnapshot, "visibility" | "hiddenRows" | "hiddenCols"> {
  if (!parts) return {};
  const rows = normalizeRuns(parts.rows ?? [], extent.rowLo, extent.rowHi);
  const cols = normalizeRuns(parts.cols ?? [], extent.colLo, extent.colHi);
  return {
    ...(parts.visibility !== undefined && parts.visibility !== "visible" ? { visibility: parts.visibility } : {}),
    ...(rows.length ? { hiddenRows: rows } : {}),
    ...(cols.length ? { hiddenCols: cols } : {}),
  };
}
