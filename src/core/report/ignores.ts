/**
 * Ignored findings, kept IN THE WORKBOOK (a sheet named `jx_ignore`) so that the next check — in the
 * pane, in another host, or on the command line — remembers what the clerk chose to ignore and why.
 *
 * The sheet has one header row, 规则 | 单元格 | 原因 | 日期, then one row per ignore. Columns are found by
 * header label, so a clerk who reorders them does not break it.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import type { SheetContent } from "../model/sheet-content";
import type { Finding, Report, RuleResult } from "../engine/types";
import { formatRef, parseA1, parseCellRef, toA1 } from "../model/address";

/** The name of the sheet that holds the ignores. */
export const IGNORE_SHEET = "jx_ignore";

/** The header labels of the ignore sheet, in the order {@link ignoreSheet} writes them. */
export const IGNORE_HEADERS = ["规则", "单元格", "原因", "日期"] as const;

/** One ignored finding: a rule at a cell, with the clerk's reason. */
export interface Ignore {
  /** The rule id (`total-matches-parts`). */
  readonly ruleId: string;
  /** The cell as findings show it: `收支情况!C11`. */
  readonly cell: string;
  readonly reason: string;
  /** When it was ignored, `YYYY-MM-DD`. */
  readonly date: string;
}

/** A report whose ignored findings were moved aside: they are not in `findings` and not counted. */
export interface ReportWithIgnores extends Report {
  readonly ignored: readonly Finding[];
}

/** The key an ignore and a finding share: rule id plus normalized cell. */
function key(ruleId: string, cell: string): string {
  return `${ruleId.trim()}\u0000${normalizeCell(cell)}`;
}

/** `'收支情况'!$C$11` and `收支情况!C11` are the same cell. */
function normalizeCell(cell: string): string {
  try {
    return formatRef(parseCellRef(cell.trim()));
  } catch {
    // Not a cell reference (typed by hand?): compare it as written, it can still match exactly.
    return cell.trim();
  }
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/**
 * Read the ignores kept in the workbook's `jx_ignore` sheet.
 * @param snapshot - the workbook
 * @returns the ignores in sheet order; empty when the sheet is absent. Rows without a rule or a cell
 *   are skipped (a half-typed row must not ignore everything).
 * @example
 *   readIgnores(wb) // [{ruleId: "total-matches-parts", cell: "收支情况!C11", reason: "口径不同", date: "2026-11-22"}]
 */
export function readIgnores(snapshot: WorkbookSnapshot): Ignore[] {
  const sheet = snapshot.sheets.find((s) => s.name === IGNORE_SHEET);
  if (!sheet) return [];
  let maxRow = 0;
  let maxCol = 0;
  for (const address of Object.keys(sheet.cells)) {
    const pos = parseA1(address);
    maxRow = Math.max(maxRow, pos.row);
    maxCol = Math.max(maxCol, pos.col);
  }
  const at = (row: number, col: number): string => text(sheet.cells[toA1({ row, col })]?.value);
  // Columns by header label; the default positions when a header is missing.
  const column = (label: string, fallback: number): number => {
    for (let col = 1; col <= maxCol; col++) if (at(1, col) === label) return col;
    return fallback;
  };
  const [ruleCol, cellCol, reasonCol, dateCol] = IGNORE_HEADERS.map((h, i) => column(h, i + 1));
  const out: Ignore[] = [];
  for (let row = 2; row <= maxRow; row++) {
    const ruleId = at(row, ruleCol);
    const cell = at(row, cellCol);
    if (!ruleId || !cell) continue;
    out.push({ ruleId, cell: normalizeCell(cell), reason: at(row, reasonCol), date: at(row, dateCol) });
  }
  return out;
}

/**
 * Move the findings that match an ignore (same rule, same cell) to `ignored`; they no longer count
 * in `stats` or `valid`.
 * @param report - from checkModel
 * @param ignores - from {@link readIgnores}
 * @returns a new report; the input is not changed
 * @example
 *   applyIgnores(report, [{ruleId: "total-matches-parts", cell: "收支情况!C11", reason: "…", date: "2026-11-22"}])
 */
export function applyIgnores(report: Report, ignores: readonly Ignore[]): ReportWithIgnores {
  const keys = new Set(ignores.map((i) => key(i.ruleId, i.cell)));
  const kept: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of report.findings) {
    (keys.has(key(f.ruleId, formatRef({ sheet: f.sheet, address: f.ref }))) ? ignored : kept).push(f);
  }
  const count = (s: Finding["severity"]): number => kept.filter((f) => f.severity === s).length;
  const perRule = new Map<string, number>();
  for (const f of kept) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const ruleResults: RuleResult[] = report.ruleResults.map((r) =>
    r.status === "failed" || r.status === "passed"
      ? { ...r, findings: perRule.get(r.ruleId) ?? 0, status: perRule.get(r.ruleId) ? "failed" : "passed" }
      : r,
  );
  const errors = count("error");
  return {
    ...report,
    valid: errors === 0,
    stats: { ...report.stats, findings: kept.length, errors, warnings: count("warning"), infos: count("info") },
    ruleResults,
    findings: kept,
    ignored,
  };
}

/**
 * The `jx_ignore` sheet for a list of ignores (header row first), to write with a host's writeSheet.
 * @param ignores - every ignore to keep (the sheet is replaced whole)
 * @returns the sheet content
 * @example
 *   ignoreSheet([{ruleId: "no-unit-mistake", cell: "收支情况!C11", reason: "已核实", date: "2026-11-22"}]).rows[1]
 *   // ["no-unit-mistake", "收支情况!C11", "已核实", "2026-11-22"]
 */
export function ignoreSheet(ignores: readonly Ignore[]): SheetContent {
  return {
    name: IGNORE_SHEET,
    rows: [[...IGNORE_HEADERS], ...ignores.map((i) => [i.ruleId, normalizeCell(i.cell), i.reason, i.date])],
    columnWidths: [24, 20, 40, 12],
    headingRows: [0],
    hidden: true,
  };
}
