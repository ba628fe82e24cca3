/**
 * Fixes as a transaction: a fix is offered only when applying it leaves no new error, the writes are
 * previewed old → new before they are applied, and the cells are restored exactly (value, formula and
 * number format) on 撤销.
 *
 * A rule proposes its fix from its own view of a cell; another rule may judge the same cell after the
 * write. "83%" stored as text converts to the number 0.83, and then 预算执行率 is checked and found to be
 * 82.62%. {@link safeFixes} applies each fix to a copy of the workbook, re-checks, and folds in the fixes
 * the re-check proposes for the cells just written, until nothing new is found at them; a fix that still
 * leaves a new error is withdrawn (kept as a suggestion for the clerk's judgement).
 */
import type { CellWrite, Finding, Fix, Report } from "../engine/types";
import type { CellRef, CellSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { formatRef } from "../model/address";
import { applyWritesToSnapshot } from "../fill/apply";
import { groupThousands } from "../units/thousands";

export { groupThousands };

/** Checks a workbook (map + rules), the same way the report being fixed was made. */
export type Checker = (snapshot: WorkbookSnapshot) => Report;

/** A finding's identity across checks: rule, message and cell. */
export function findingKey(f: Pick<Finding, "ruleId" | "messageId" | "sheet" | "ref">): string {
  return `${f.ruleId}\u0000${f.messageId}\u0000${f.sheet}!${f.ref}`;
}

function cellKey(at: CellRef): string {
  return formatRef({ sheet: at.sheet, address: at.address.replace(/\$/g, "").toUpperCase() });
}

/** Writes merged per cell, in order; a later write to a cell replaces the earlier (its format kept if it sets none). */
export function mergeWrites(...lists: readonly (readonly CellWrite[])[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const list of lists) {
    for (const w of list) {
      const key = cellKey(w.at);
      const prev = byCell.get(key);
      const numberFormat = w.numberFormat ?? prev?.numberFormat;
      byCell.delete(key); // keep the latest write last
      byCell.set(key, { ...w, ...(numberFormat !== undefined ? { numberFormat } : {}) });
    }
  }
  return [...byCell.values()];
}

/** What {@link resolveWrites} found. */
export interface Resolution {
  /** The writes to apply (the fix's own, plus what the re-checks folded in). */
  readonly writes: readonly CellWrite[];
  /** The descriptions of the fixes folded in, in order (the first is the fix's own). */
  readonly descriptions: readonly string[];
  /** Findings of the report that the writes make go away. */
  readonly resolved: readonly string[];
  /** Errors the writes would add (empty when the fix is safe). */
  readonly newErrors: readonly Finding[];
  /** The workbook after the writes. */
  readonly after: WorkbookSnapshot;
  /** The report after the writes. */
  readonly report: Report;
}

/**
 * Apply writes to a copy of the workbook and re-check; while the re-check reports new findings at the
 * cells written that carry a fix of their own, fold those in and re-check again.
 * @param snapshot - the workbook the report was made from
 * @param before - its report
 * @param fix - the fix to resolve
 * @param check - map + check, as for `before`
 * @param rounds - how many times to fold in (each costs one check) @default 3
 * @returns the writes and what they do; `newErrors` non-empty means the fix is not safe
 */
export function resolveWrites(snapshot: WorkbookSnapshot, before: Report, fix: Fix, check: Checker, rounds = 3): Resolution {
  const known = new Set(before.findings.map(findingKey));
  let writes = mergeWrites(fix.writes);
  const descriptions = [fix.description];
  for (let round = 0; ; round++) {
    const after = applyWritesToSnapshot(snapshot, writes);
    const report = check(after);
    const fresh = report.findings.filter((f) => !known.has(findingKey(f)));
    const written = new Set(writes.map((w) => cellKey(w.at)));
    const atWritten = fresh.filter((f) => written.has(cellKey({ sheet: f.sheet, address: f.ref })) && f.fix !== undefined);
    if (atWritten.length === 0 || round >= rounds) {
      const now = new Set(report.findings.map(findingKey));
      return {
        writes,
        descriptions,
        resolved: before.findings.map(findingKey).filter((k) => !now.has(k)),
        newErrors: fresh.filter((f) => f.severity === "error"),
        after,
        report,
      };
    }
    for (const f of atWritten) {
      if (f.fix && !descriptions.includes(f.fix.description)) descriptions.push(f.fix.description);
    }
    writes = mergeWrites(writes, ...atWritten.map((f) => f.fix?.writes ?? []));
  }
}

/** A finding whose fix was checked: `fix` is safe (possibly widened), or withdrawn into `suggestions`. */
export interface SafeFixesResult {
  readonly findings: readonly Finding[];
  /** Fixes withdrawn because they would leave a new error. */
  readonly withdrawn: number;
  /** Fixes widened by what the re-check found at the same cells. */
  readonly widened: number;
  /** How many checks it cost (for the bench, and to keep it bounded). */
  readonly checks: number;
}

/** Same group for 全部修复: the same rule and message. */
export function fixGroupKey(f: Pick<Finding, "ruleId" | "messageId">): string {
  return `${f.ruleId}\u0000${f.messageId}`;
}

/**
 * Check every fix of a report; withdraw the ones that would add an error, widen the ones whose cell
 * another rule judges afterwards.
 *
 * Cost: the fixes of one rule and message are first tried together (one check); when that adds nothing
 * new at all, each is safe on its own too in practice and kept as is. Otherwise each is resolved alone.
 * @param snapshot - the workbook
 * @param report - its report (before ignores: an ignored finding is still a finding the fix must not add)
 * @param check - map + check
 * @returns the findings with safe fixes
 * @example safeFixes(chengde, checkWorkbook(chengde), checkWorkbook).findings[0].fix?.writes[0].value // 0.8262
 */
export function safeFixes(snapshot: WorkbookSnapshot, report: Report, check: Checker): SafeFixesResult {
  let checks = 0;
  const counted: Checker = (s) => {
    checks++;
    return check(s);
  };
  const known = new Set(report.findings.map(findingKey));
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!f.fix) continue;
    const k = fixGroupKey(f);
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const safeAsIs = new Set<Finding>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const writes = mergeWrites(...members.map((f) => f.fix?.writes ?? []));
    const after = counted(applyWritesToSnapshot(snapshot, writes));
    if (after.findings.every((f) => known.has(findingKey(f)))) for (const f of members) safeAsIs.add(f);
  }
  let withdrawn = 0;
  let widened = 0;
  const findings = report.findings.map((f): Finding => {
    if (!f.fix || safeAsIs.has(f)) return f;
    const r = resolveWrites(snapshot, report, f.fix, counted);
    if (r.newErrors.length > 0 || !r.resolved.includes(findingKey(f))) {
      withdrawn++;
      const { fix, ...rest } = f;
      return { ...rest, suggestions: [...(f.suggestions ?? []), fix] };
    }
    if (r.descriptions.length === 1) return f;
    widened++;
    return { ...f, fix: { description: r.descriptions[r.descriptions.length - 1], writes: r.writes } };
  });
  return { findings, withdrawn, widened, checks };
}

/** One row of a fix preview: a cell, what it holds, what it will hold. */
export interface PreviewRow {
  readonly at: CellRef;
  /** `项目支出!B16`. */
  readonly cell: string;
  readonly before: CellSnapshot | undefined;
  readonly after: CellSnapshot;
}

/**
 * Old → new for every cell the writes touch, in write order.
 * @param snapshot - the workbook now
 * @param writes - the writes to preview
 * @returns one row per cell
 */
export function previewWrites(snapshot: WorkbookSnapshot, writes: readonly CellWrite[]): PreviewRow[] {
  const merged = mergeWrites(writes);
  const after = applyWritesToSnapshot(snapshot, merged);
  const cellIn = (wb: WorkbookSnapshot, at: CellRef): CellSnapshot | undefined =>
    wb.sheets.find((s) => s.name === at.sheet)?.cells[at.address.replace(/\$/g, "").toUpperCase()];
  return merged.map((w) => ({ at: w.at, cell: formatRef(w.at), before: cellIn(snapshot, w.at), after: cellIn(after, w.at) ?? { value: null } }));
}

/**
 * The writes that put cells back as they are in `snapshot` (value, formula and number format), for
 * 撤销. A cell that had no number format gets "General" back when the writes set one.
 * @param snapshot - the workbook just before the writes
 * @param writes - the writes about to be applied
 * @returns one restoring write per cell
 */
export function restoreWrites(snapshot: WorkbookSnapshot, writes: readonly CellWrite[]): CellWrite[] {
  const seen = new Set<string>();
  const out: CellWrite[] = [];
  for (const w of writes) {
    const key = cellKey(w.at);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = snapshot.sheets.find((s) => s.name === w.at.sheet)?.cells[w.at.address.replace(/\$/g, "").toUpperCase()];
    const numberFormat = old?.numberFormat ?? (w.numberFormat !== undefined ? "General" : undefined);
    const restore: CellWrite =
      old?.formula !== undefined
        ? { at: w.at, formula: old.formula, value: old.value, ...(numberFormat !== undefined ? { numberFormat } : {}) }
        : { at: w.at, value: old?.value ?? null, ...(numberFormat !== undefined ? { numberFormat } : {}) };
    out.push(restore);
  }
  return out;
}

/** How a cell reads to a clerk: as formatted (82.62%, 1,711.75), text in quotes, blank as —. */
export function showCell(cell: CellSnapshot | undefined, blank = "（空）"): string {
  if (!cell || cell.value === null || cell.value === undefined || cell.value === "") return blank;
  const v = cell.value;
  if (typeof v === "string") return `“${v}”（文字）`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return showNumberAs(v, cell.numberFormat);
}

/** A number as its format shows it: percent, thousands separators, the format's decimals. */
export function showNumberAs(v: number, numberFormat?: string): string {
  const nf = numberFormat ?? "";
  const percent = /0(?:\.(0+))?%/.exec(nf);
  if (percent) return `${(v * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const fixed = /0\.(0+)/.exec(nf);
  const decimals = fixed ? fixed[1].length : Math.min(6, (String(Math.round(v * 1e6) / 1e6).split(".")[1] ?? "").length);
  return groupThousands(v.toFixed(decimals));
}

