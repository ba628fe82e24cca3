/**
 * Functions a bureau rule may call besides Excel's: what the prose (综述, 文字说明) states. Excel has no way
 * to read a number out of a sentence, and the seeds show rules that need it (追加 amounts, 机关运行经费,
 * counts of 二级/三级指标), so these two are jixiao's own, documented in docs/rules-as-data.md:
 *
 * - `JX_PROSE_AMOUNT("机关运行经费")`: the first amount stated right after the label in the prose, in the
 *   workbook's money unit (`464.12万元` → 464.12 in a 万元 workbook); #N/A when the prose does not state one.
 * - `JX_PROSE_COUNT("二级指标")`: the count stated right before the label (`9个二级指标`, `九个二级指标`);
 *   #N/A when none.
 *
 * The prose cell the number came from is recorded, so that a failing rule is marked there.
 */
import type { CellRef } from "../model/snapshot";
import type { ReportModel } from "../model/report-model";
import { proseCells } from "../narrative/prose-cells";
import { convertUnit } from "../units";

/** The text a clerk writes: the prose fields and the narrative sheet, then the indicators' remarks (偏差原因). */
function texts(model: ReportModel): { ref: CellRef; text: string }[] {
  const out: { ref: CellRef; text: string }[] = proseCells(model).map((c) => ({ ref: c.ref, text: c.text }));
  for (const row of model.tables.jx_indicators?.rows ?? []) {
    const b = row.cells.reason;
    if (b?.cell && typeof b.cell.value === "string" && b.cell.value.trim()) out.push({ ref: b.ref, text: b.cell.value });
  }
  return out;
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (enough for counts of indicators). */
function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return undefined;
  if (!m[2]) return m[1] !== undefined && m[3] === undefined ? DIGITS[m[1]] : undefined;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[3] ? DIGITS[m[3]] : 0);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The amount stated after `label`, in the money unit. */
export function proseAmount(model: ReportModel, label: string, cited?: CellRef[]): number | undefined {
  const re = new RegExp(`${escape(label)}[^0-9，。；！？\\n]{0,12}?(\\d+(?:\\.\\d+)?)\\s*(亿元|万元|元)`);
  for (const cell of texts(model)) {
    const m = re.exec(cell.text);
    if (!m) continue;
    const value = convertUnit(Number(m[1]), m[2], model.moneyUnit);
    if (value === undefined) continue;
    cited?.push(cell.ref);
    return value;
  }
  return undefined;
}

/** The count stated before `label` (`9个二级指标`). */
export function proseCount(model: ReportModel, label: string, cited?: CellRef[]): number | undefined {
  const re = new RegExp(`(\\d+|[一二两三四五六七八九十]{1,3})\\s*(?:个|项|条)\\s*${escape(label)}`);
  for (const cell of texts(model)) {
    const m = re.exec(cell.text);
    const n = m ? chineseNumber(m[1]) : undefined;
    if (n === undefined) continue;
    cited?.push(cell.ref);
    return n;
  }
  return undefined;
}
