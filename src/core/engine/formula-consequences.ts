/**
 * Findings at formula cells that only follow a cell another finding blames. A bureau's form computes its
 * 年度资金总额 (`=SUM(G8:G12)`), its 执行率 (`=G6/F6`) and its 执行率得分 (`=MIN(G6/F6,1)*H6`) by formula: one
 * amount typed in 元 (G8) makes each of them read wrong too, and each rule that judges them would say so at
 * the formula — a cell the clerk never typed, which corrects itself once G8 does. So a finding at a formula
 * cell is left out when the cells the formula reads (its precedents, through other formulas) include a
 * typed cell that an error or warning already names: that finding is the cause, these are its echoes.
 * Nothing changes for a workbook without formulas, or for a formula whose own inputs are all unblamed (a
 * 合计 whose range leaves a row out is still reported at the 合计).
 */
import type { Finding } from "./types";
import type { SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { indexToCol, parseA1 } from "../model/address";

/** A reference in a formula: an optional sheet (`'项目 1'!` or `Sheet1!`), a cell, or a cell range. */
const REF = /(?<![A-Za-z0-9_.\u4e00-\u9fff])(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_\u4e00-\u9fff]+))(!))?\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?![A-Za-z0-9_(])/g;
/** A range larger than this is no form's block: its cells are not walked. */
const MAX_RANGE = 2000;

/**
 * The findings without those at formula cells whose precedents hold a blamed typed cell.
 * @param findings - every finding of the check (errors, warnings, infos)
 * @param snapshot - the workbook as read (formulas and values)
 */
export function withoutFormulaEchoes(findings: readonly Finding[], snapshot: WorkbookSnapshot): Finding[] {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s] as const));
  const formulaOf = (sheet: string, address: string): string | undefined => sheets.get(sheet)?.cells[address]?.formula;
  const blamed = new Set<string>();
  let atFormula = false;
  for (const f of findings) {
    if (f.severity === "info") continue;
    if (formulaOf(f.sheet, f.ref) === undefined) blamed.add(`${f.sheet}!${f.ref}`);
    else atFormula = true;
  }
  if (!atFormula || blamed.size === 0) return [...findings];
  const memo = new Map<string, boolean>();
  /** Whether the formula at (sheet, address) reads, directly or through formulas, a blamed typed cell. */
  const echoes = (sheet: SheetSnapshot, address: string, seen: Set<string>): boolean => {
    const key = `${sheet.name}!${address}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    if (seen.has(key)) return false;
    seen.add(key);
    const formula = sheet.cells[address]?.formula ?? "";
    let out = false;
    REF.lastIndex = 0;
    for (let m = REF.exec(formula); m && !out; m = REF.exec(formula)) {
      const named = m[3] ? (m[1]?.replace(/''/g, "'") ?? m[2]) : undefined;
      const target = named !== undefined ? sheets.get(named) : sheet;
      if (!target) continue;
      const a = parseA1(`${m[4]}${m[5]}`);
      const b = m[6] ? parseA1(`${m[6]}${m[7]}`) : a;
      const rows = Math.abs(b.row - a.row) + 1;
      const cols = Math.abs(b.col - a.col) + 1;
      if (rows * cols > MAX_RANGE) continue;
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row) && !out; r++) {
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col) && !out; c++) {
          const at = `${indexToCol(c)}${r}`;
          const cell = target.cells[at];
          if (!cell) continue;
          if (cell.formula === undefined) out = blamed.has(`${target.name}!${at}`);
          else out = echoes(target, at, seen);
        }
      }
    }
    memo.set(key, out);
    return out;
  };
  return findings.filter((f) => {
    const sheet = sheets.get(f.sheet);
    if (!sheet || sheet.cells[f.ref]?.formula === undefined) return true;
    return !echoes(sheet, f.ref, new Set());
  });
}
