/**
 * The text cells the prose checks read — the narrative scalars (jx_achievements …) and every string cell
 * of the narrative sheet 评价报告综述 — and the workbook facts they are checked against.
 */
import type { CellRef } from "../model/snapshot";
import type { ReportModel, TableRow } from "../model/report-model";
import type { ScalarFieldId, TableId } from "../schema/fields";
import { TABLES, normalizeLabel } from "../schema/fields";
import { parseCell, writtenDecimals } from "../units";
import { findUnitMistakes } from "../relations/unit-mistakes";
import { causeCorrections } from "../relations/cause";
import { analyzeProse, type ProseAnalysis, type ProseQuantity, halfWidth } from "./extract";
import { convertUnit, decimalShift, moneyFactor } from "../units";

/** The sheet the narrative is written to and read from. */
export const NARRATIVE_SHEET = "评价报告综述";

/** The narrative scalar fields, in the order the report uses them. */
export const PROSE_FIELDS: readonly ScalarFieldId[] = ["jx_duties", "jx_tasks", "jx_achievements", "jx_problems", "jx_measures"];

/** A text cell with its analysis. */
export interface ProseCell {
  readonly ref: CellRef;
  /** The scalar field, absent for a cell of the narrative sheet. */
  readonly field?: ScalarFieldId;
  readonly text: string;
  readonly analysis: ProseAnalysis;
}

const cache = new WeakMap<ReportModel, ProseCell[]>();

/**
 * Every text cell the prose rules read. A narrative-sheet cell whose text is already inside a narrative
 * field (the generator copies the clerk's text) is left out, so that one mistake gives one finding.
 * @param model - the mapped workbook
 * @returns the cells, scalars first, then the narrative sheet top to bottom
 */
export function proseCells(model: ReportModel): ProseCell[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: ProseCell[] = [];
  const seen = new Set<string>();
  for (const id of PROSE_FIELDS) {
    const b = model.scalars[id];
    const v = b?.cell?.value;
    if (!b || typeof v !== "string" || !v.trim()) continue;
    seen.add(`${b.ref.sheet}!${b.ref.address}`);
    out.push({ ref: b.ref, field: id, text: v, analysis: analyzeProse(v) });
  }
  const fieldTexts = out.map((c) => c.text);
  out.push(...reportCells(model, seen, fieldTexts));
  const sheet = model.snapshot.sheets.find((s) => s.name === NARRATIVE_SHEET);
  if (sheet) {
    const addrs = Object.keys(sheet.cells).sort((a, b) => rowOf(a) - rowOf(b) || a.length - b.length || a.localeCompare(b));
    for (const address of addrs) {
      const v = sheet.cells[address].value;
      if (typeof v !== "string" || !v.trim() || seen.has(`${sheet.name}!${address}`)) continue;
      const t = v.trim();
      if (fieldTexts.some((f) => f.includes(t))) continue;
      out.push({ ref: { sheet: sheet.name, address }, text: v, analysis: analyzeProse(v) });
    }
  }
  cache.set(model, out);
  return out;
}

/** Shorter texts are labels, titles or table entries, not prose. */
const MIN_PROSE = 16;

/**
 * Prose wherever a detected form's workbook holds it: paragraphs of a report sheet (一、项目概况 … 四、评价
 * 结论, in column A), a 自评结论 cell beside a table. Cells of the mapped tables, bound scalars and the
 * narrative sheet are left out; so is text without a figure.
 */
function reportCells(model: ReportModel, seen: Set<string>, fieldTexts: readonly string[]): ProseCell[] {
  if (!model.forms?.some((f) => f.id !== "hunan-dept")) return [];
  const skip = new Set(seen);
  for (const b of Object.values(model.scalars)) if (b) skip.add(`${b.ref.sheet}!${b.ref.address}`);
  for (const t of Object.values(model.tables)) {
    if (!t) continue;
    for (const r of t.rows) for (const c of Object.values(r.cells)) skip.add(`${c.ref.sheet}!${c.ref.address}`);
  }
  const out: ProseCell[] = [];
  for (const sheet of model.snapshot.sheets) {
    if (sheet.name === NARRATIVE_SHEET) continue;
    const addrs = Object.keys(sheet.cells).sort((a, b) => rowOf(a) - rowOf(b) || a.length - b.length || a.localeCompare(b));
    for (const address of addrs) {
      const v = sheet.cells[address].value;
      if (typeof v !== "string" || v.trim().length < MIN_PROSE || !/[0-9０-９]/.test(v) || skip.has(`${sheet.name}!${address}`)) continue;
      if (fieldTexts.some((f) => f.includes(v.trim()))) continue;
      out.push({ ref: { sheet: sheet.name, address }, text: v, analysis: analyzeProse(v) });
    }
  }
  return out;
}

function rowOf(address: string): number {
  return Number(/\d+/.exec(address)?.[0] ?? 0);
}

/** A number of the workbook: its value, shown decimals and cell. */
export interface Fact {
  readonly value: number;
  readonly decimals: number;
  readonly ref: CellRef;
  /** The row's name, for table cells. */
  readonly rowName?: string;
  /** The number format groups thousands (`#,##0.00`). */
  readonly thousands?: boolean;
}

/** A number cell read, or undefined when it is not a number. */
export function factOf(ref: CellRef, cell: Parameters<typeof parseCell>[0], rowName?: string, moneyUnit?: string): Fact | undefined {
  const p = parseCell(cell);
  if (p.kind !== "number") return undefined;
  const thousands = /#,##|,0/.test(cell?.numberFormat ?? "") || (typeof cell?.value === "string" && /\d,\d{3}/.test(cell.value));
  let value = p.value;
  let decimals = p.decimals;
  // A cell that says its own money unit ("3467700元" in a 万元 table) is read in the table's unit (346.77),
  // as the footing rules read it; a bare 万 / 亿 in a money cell can only mean 万元 / 亿元.
  const unit = p.unit !== undefined ? (BARE_MONEY_UNITS[p.unit.trim()] ?? p.unit.trim()) : undefined;
  if (moneyUnit !== undefined && unit !== undefined && unit !== moneyUnit && moneyFactor(unit) !== undefined) {
    const converted = convertUnit(value, unit, moneyUnit);
    const shift = decimalShift(unit, moneyUnit);
    if (converted === undefined || shift === undefined) return undefined;
    value = converted;
    // Shown as the converted number reads (3467700元 → 346.77, not 346.7700), never finer than written.
    decimals = Math.max(0, Math.min(decimals + shift, writtenDecimals(value)));
  }
  return { value, decimals, ref, rowName, ...(thousands ? { thousands } : {}) };
}

/** Money units written without 元, as clerks shorten them in a money column. */
const BARE_MONEY_UNITS: Readonly<Record<string, string>> = { 万: "万元", 亿: "亿元", 千: "千元" };

/** A scalar field's number (corrected when no-unit-mistake flags it). */
export function scalarFact(model: ReportModel, id: ScalarFieldId): Fact | undefined {
  const b = model.scalars[id];
  return b ? correctedFact(model, factOf(b.ref, b.cell, undefined, model.moneyUnit)) : undefined;
}

/**
 * A money cell as it will read once its 元/万元 slip is fixed (itself when not flagged), so that a text
 * stating the right amount is not compared with the slipped cell — one slip, one finding (no-unit-mistake's).
 */
export function correctedFact(model: ReportModel, fact: Fact | undefined): Fact | undefined {
  if (!fact) return undefined;
  const key = `${fact.ref.sheet}!${fact.ref.address}`;
  // A cell a form's relations blame without doubt reads as corrected (total-matches-parts reports it).
  const settled = causeCorrections(model).get(key);
  if (settled) return { ...fact, value: settled.value, decimals: Math.max(0, Number.isFinite(settled.decimals) ? settled.decimals : 2) };
  for (const m of findUnitMistakes(model)) {
    const hit = m.figure.key === key ? m.corrected : m.alsoCorrected.find((x) => x.figure.key === key)?.corrected;
    if (hit !== undefined) return { ...fact, value: hit, decimals: Math.max(fact.decimals, writtenDecimals(hit)) };
  }
  return fact;
}

/** The report year (jx_report_year: 2024, "2024", "2024年", "2024年度"). */
export function reportYear(model: ReportModel): number | undefined {
  const v = model.scalars.jx_report_year?.cell?.value;
  const m = /(19|20)\d\d/.exec(String(v ?? ""));
  return m ? Number(m[0]) : undefined;
}

/** A money field the prose may name: the labels it goes by in prose and its numbers. */
export interface MoneyEntry {
  /** `jx_budget_adjusted`, `jx_expense.basic`. */
  readonly field: string;
  /** The label shown in messages (基本支出). */
  readonly name: string;
  /** Prose labels, normalised, longest first. */
  readonly labels: readonly string[];
  readonly facts: readonly Fact[];
}

const SCALAR_PROSE: readonly [ScalarFieldId, string, readonly string[]][] = [
  ["jx_budget_initial", "年初预算数", ["年初预算数", "年初预算", "年初预算安排"]],
  ["jx_budget_adjusted", "全年预算数", ["调整后预算数", "调整后预算", "全年预算数", "全年预算", "全年预算安排"]],
  ["jx_executed", "全年执行数", ["全年执行数", "全年执行", "支付使用资金", "已支付资金"]],
];

const MONEY_TABLES: readonly TableId[] = ["jx_income", "jx_expense", "jx_sangong", "jx_assets"];
/** Aliases too loose to name one column in prose (财政拨款 is often 公共财政 + 基金). */
const LOOSE = new Set(["财政拨款", "年末结转和结余"]);

/** The row's name, normalised (`1、局机关` → `局机关`). */
export function rowName(row: TableRow): string | undefined {
  const v = row.cells.name?.cell?.value;
  return typeof v === "string" && v.trim() ? normalizeLabel(v) : undefined;
}

const entryCache = new WeakMap<ReportModel, MoneyEntry[]>();

/** Every money field the prose may name, with its numbers. */
export function moneyEntries(model: ReportModel): MoneyEntry[] {
  const hit = entryCache.get(model);
  if (hit) return hit;
  const out: MoneyEntry[] = [];
  for (const [id, name, labels] of SCALAR_PROSE) {
    const f = scalarFact(model, id);
    if (f) out.push({ field: id, name, labels, facts: [f] });
  }
  for (const tid of MONEY_TABLES) {
    const table = model.tables[tid];
    const def = TABLES.find((t) => t.id === tid);
    if (!table || !def) continue;
    for (const col of def.columns) {
      if (!col.money) continue;
      const labels = [col.label, ...col.aliases].map(normalizeLabel).filter((l) => l.length >= 4 && !LOOSE.has(l));
      if (!labels.length) continue;
      const facts: Fact[] = [];
      for (const row of table.rows) {
        const c = row.cells[col.key];
        if (!c) continue;
        const f = correctedFact(model, factOf(c.ref, c.cell, rowName(row), model.moneyUnit));
        if (f) facts.push(f);
      }
      if (facts.length) out.push({ field: `${tid}.${col.key}`, name: col.label, labels: labels.sort((a, b) => b.length - a.length), facts });
    }
  }
  entryCache.set(model, out);
  return out;
}

/** Words before a field label that make the prose about something narrower than the field. */
const NARROWER = /项目|专项|资金|基金|经费|财政拨款|一般公共预算|政府性基金|其中/;

/** What a prose amount's label points at: the entry and the facts it may mean. */
export interface LabelMatch {
  readonly entry: MoneyEntry;
  /** The facts the amount may stand for: the named row, else every row. */
  readonly facts: readonly Fact[];
  /** A row (or the scalar) is identified, so a different value is a mismatch. */
  readonly single: boolean;
}

/**
 * Find the money field a prose amount is attached to: its label ends with the field's label (基本支出,
 * 全年预算), and the words before name the row (局机关) or nothing narrower (项目、专项、财政拨款…).
 */
export function matchMoneyLabel(model: ReportModel, label: string): LabelMatch | undefined {
  const l = normalizeLabel(label).replace(/部门/g, "");
  for (const entry of moneyEntries(model)) {
    const lbl = entry.labels.find((x) => l.endsWith(x));
    if (!lbl) continue;
    const prefix = l.slice(0, l.length - lbl.length);
    if (NARROWER.test(prefix)) continue;
    if (entry.facts.length === 1 && !entry.field.includes(".")) return { entry, facts: entry.facts, single: true };
    const named = entry.facts.filter((f) => f.rowName && f.rowName.length >= 2 && prefix.includes(f.rowName));
    if (named.length) return { entry, facts: named, single: named.length === 1 };
    return { entry, facts: entry.facts, single: false };
  }
  return undefined;
}

/** Whether a prose amount (converted to `unit`) stands for a fact's value, within both roundings. */
export function amountMatches(q: ProseQuantity, unit: string, f: Fact): boolean {
  const v = convertUnit(q.value, q.unit, unit);
  if (v === undefined) return false;
  const tol = halfWidth(q, unit) + 0.5 * Math.pow(10, -Math.max(0, f.decimals)) + 1e-9;
  return Math.abs(v - f.value) <= tol;
}
