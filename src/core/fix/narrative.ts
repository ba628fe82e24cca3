/**
 * 生成综述 from corrected and computed values. Right after a check has flagged "基本支出346.77元" and a
 * 综合得分 of 96 that the indicators make 91, the narrative must not repeat them: it is written from a
 * copy of the workbook with every safe fix applied and every computed cell recomputed (fill with
 * overwrite). A figure still known to be wrong after that (an error no fix resolves) is marked
 * 【待核实：…】 where the narrative quotes it, and every 【待填写：…】 gap is listed with its cell, so the
 * pane can take the clerk to each.
 */
import type { Finding, Report } from "../engine/types";
import type { CellRef, WorkbookSnapshot } from "../model/snapshot";
import type { SheetContent } from "../model/sheet-content";
import type { ScoringProfile } from "../scoring/types";
import { toA1 } from "../model/address";
import { mapWorkbook } from "../mapping";
import { profileFor } from "../engine/run-rules";
import { applyWritesToSnapshot, computeFillsForModel } from "../fill";
import { generateNarrative, narrativeSheet, type NarrativeDoc } from "../narrative/generate";
import { NARRATIVE_SHEET } from "../narrative/prose-cells";
import { mergeWrites, safeFixes, type Checker } from "./index";

/** The workbook as the narrative reads it: safe fixes applied, computed cells recomputed. */
export interface CorrectedWorkbook {
  readonly snapshot: WorkbookSnapshot;
  /** Fixes applied. */
  readonly fixed: number;
  /** Computed cells recomputed (blank or different). */
  readonly computed: number;
  /** The check of the corrected copy: what is still wrong. */
  readonly remaining: Report;
}

/**
 * A corrected copy of the workbook (never written back: the clerk decides what to fix in the workbook).
 * @param snapshot - the workbook
 * @param check - map + check
 */
export function correctedWorkbook(snapshot: WorkbookSnapshot, check: Checker, profile?: ScoringProfile): CorrectedWorkbook {
  // The narrative sheet of an earlier run is replaced: its prose is not the clerk's.
  const own = { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== NARRATIVE_SHEET) };
  const report = check(own);
  const safe = safeFixes(own, report, check);
  const fixes = safe.findings.filter((f) => f.fix !== undefined);
  const fixedCopy = fixes.length ? applyWritesToSnapshot(own, mergeWrites(...fixes.map((f) => f.fix?.writes ?? []))) : own;
  const model = mapWorkbook(fixedCopy);
  const fills = computeFillsForModel(model, profile ?? profileFor(model), { overwrite: true });
  const computedCopy = fills.writes.length ? applyWritesToSnapshot(fixedCopy, fills.writes) : fixedCopy;
  return { snapshot: computedCopy, fixed: fixes.length, computed: fills.writes.length, remaining: check(computedCopy) };
}

/** A 【待填写：…】 gap of the narrative sheet. */
export interface NarrativeGap {
  /** The narrative sheet's cell holding the gap. */
  readonly at: CellRef;
  /** What to fill (`年度指标值`). */
  readonly what: string;
}

/** The narrative, its sheet, and what the clerk must still do about it. */
export interface CheckedNarrative {
  readonly doc: NarrativeDoc;
  readonly sheet: SheetContent;
  readonly gaps: readonly NarrativeGap[];
  /** Figures marked 【待核实：…】 (known wrong, no fix). */
  readonly toVerify: readonly string[];
  readonly corrected: CorrectedWorkbook;
}

/** The figures an error names that a narrative may quote (a phrase of the prose, a written value). */
function wrongFigures(findings: readonly Finding[]): string[] {
  const out = new Set<string>();
  for (const f of findings) {
    if (f.severity !== "error") continue;
    for (const key of ["phrase", "whole"]) {
      const v = f.data[key];
      if (typeof v === "string" && /\d/.test(v) && v.length >= 3) out.add(v);
    }
  }
  // Longest first, so "19787.89万元" is marked before a shorter figure inside it.
  return [...out].sort((a, b) => b.length - a.length);
}

function mark(paragraph: string, figures: readonly string[], found: Set<string>): string {
  let out = paragraph;
  for (const fig of figures) {
    if (!out.includes(fig) || out.includes(`【待核实：${fig}】`)) continue;
    found.add(fig);
    out = out.split(fig).join(`【待核实：${fig}】`);
  }
  return out;
}

/**
 * Write the narrative from the corrected workbook; mark known-wrong figures; list the gaps.
 * @param snapshot - the workbook as read
 * @param check - map + check
 * @param profile - the scoring profile (by default the workbook's)
 * @example checkedNarrative(linxiang, checkWorkbook).doc // says 346.77万元 and 综合得分为91分
 */
export function checkedNarrative(snapshot: WorkbookSnapshot, check: Checker, profile?: ScoringProfile): CheckedNarrative {
  const corrected = correctedWorkbook(snapshot, check, profile);
  const model = mapWorkbook(corrected.snapshot);
  const raw = generateNarrative(model, profile ?? profileFor(model));
  const figures = wrongFigures(corrected.remaining.findings);
  const found = new Set<string>();
  const doc: NarrativeDoc = {
    title: raw.title,
    sections: raw.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs.map((p) => mark(p, figures, found)) })),
  };
  const sheet = narrativeSheet(doc);
  const gaps: NarrativeGap[] = [];
  sheet.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== "string") return;
      for (const m of v.matchAll(/【待填写：([^】]*)】/g)) gaps.push({ at: { sheet: sheet.name, address: toA1({ row: i + 1, col: j + 1 }) }, what: m[1] });
    }),
  );
  return { doc, sheet, gaps, toVerify: [...found], corrected };
}
