/**
 * The links between a 项目汇总 sheet and the project forms of the same workbook (one 项目支出绩效自评表 per
 * sheet): each 汇总 row repeats its project's 全年预算数, 全年执行数 and 总分. Besides summary-matches-sheets'
 * own finding, the link is evidence for the cause of a relation that fails on either side: a sheet's
 * 年度资金总额 that its 汇总 row repeats is corroborated (a 其中 row is the slip, not the total), and a
 * 汇总 row that differs from its own sheet (while the sheet agrees with itself) is the cause of the 合计
 * that no longer adds up.
 */
import { sameForm, type BoundCell, type FormInstance, type ReportModel, type TableBinding, type TableRow } from "../model/report-model";
import { normalizeLabel } from "../schema/fields";
import { parseCell } from "../units/parse";
import { readMoney, type Figure } from "./footing";

/** The name a project goes by, for matching a 汇总 row with its sheet. */
function nameKey(text: string): string {
  return normalizeLabel(text).replace(/[“”"'《》（）()]/g, "").replace(/项目$/, "");
}

/** Two names' keys name the same project. */
function sameKey(x: string, y: string): boolean {
  return x.length >= 2 && y.length >= 2 && (x === y || (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x))));
}

/** Half a unit in the last displayed decimal (0 for an exact blank). */
export function half(decimals: number): number {
  return Number.isFinite(decimals) ? 0.5 * Math.pow(10, -Math.max(0, decimals)) : 0;
}

/** A 汇总 row and the project form (sheet) it repeats. */
export interface SummaryPair {
  readonly row: TableRow;
  readonly form: FormInstance;
  /** The project name as the row writes it. */
  readonly name: string;
}

/**
 * Each project row of a 汇总 table with its project's own form. Two projects may share a name (seed
 * 001: two 医疗服务与保障能力提升补助资金): the k-th row of a name goes with the k-th sheet of that name,
 * unless another sheet of that name agrees with its 预算数.
 */
export function summaryPairs(forms: readonly FormInstance[] | undefined, table: TableBinding | undefined, unit: string): SummaryPair[] {
  const projects = (forms ?? []).filter((f) => f.kind === "project" && f.projectName && f.figures);
  if (!table || projects.length === 0) return [];
  const out: SummaryPair[] = [];
  const used = new Map<string, number>();
  // Each name's key once (normalizeLabel is not free): the forms' here, each row's below.
  const keys = projects.map((p) => nameKey(p.projectName ?? ""));
  for (const row of table.rows) {
    if (row.isSummary) continue;
    const name = String(row.cells.name?.cell?.value ?? "").trim();
    if (!name) continue;
    const key = nameKey(name);
    const same = projects.filter((_, i) => sameKey(keys[i], key));
    if (same.length === 0) continue;
    const k = used.get(key) ?? 0;
    used.set(key, k + 1);
    const budget = readMoney(row.cells.budget ?? { ref: { sheet: "", address: "A1" } }, "budget", unit);
    const agreeing = same.find((p) => {
      const b = p.figures?.budget ? readMoney(p.figures.budget, "budget", unit) : undefined;
      return budget && b && Math.abs(budget.value - b.value) <= half(budget.decimals) + half(b.decimals) + 1e-9;
    });
    const form = same.length === 1 ? same[0] : (agreeing ?? same[k]);
    if (form?.figures) out.push({ row, form, name });
  }
  return out;
}

const pairsCache = new WeakMap<ReportModel, readonly SummaryPair[]>();

/** The pairs of the workbook's 汇总 form, seen from any of its models (the 汇总's or a project sheet's). */
export function workbookPairs(model: ReportModel): readonly SummaryPair[] {
  const hit = pairsCache.get(model);
  if (hit) return hit;
  const summary = (model.forms ?? []).find((f) => f.kind === "summary" && f.projects);
  const out = summary ? summaryPairs(model.forms, summary.projects, model.moneyUnit) : [];
  pairsCache.set(model, out);
  return out;
}

/** A number in a cell (a score), or undefined. */
function numberIn(bound: BoundCell | undefined): number | undefined {
  const p = parseCell(bound?.cell);
  return p.kind === "number" ? p.value : undefined;
}

/** A project form's figure and the 汇总 cell that repeats it. */
interface Link {
  readonly sheet: Figure;
  readonly summary: Figure;
  readonly form: FormInstance;
}

const linkCache = new WeakMap<ReportModel, ReadonlyMap<string, Link>>();

/** The money links of the workbook by the key of either side's cell (`Sheet!A1`). */
function moneyLinks(model: ReportModel): ReadonlyMap<string, Link> {
  const hit = linkCache.get(model);
  if (hit) return hit;
  const out = new Map<string, Link>();
  for (const { row, form } of workbookPairs(model)) {
    for (const [key, theirs] of [["budget", form.figures?.budget], ["executed", form.figures?.executed]] as const) {
      const mine = row.cells[key];
      if (!mine?.cell || !theirs?.cell) continue;
      const a = readMoney(mine, `jx_projects.${key}`, model.moneyUnit);
      const b = readMoney(theirs, key, model.moneyUnit);
      if (!a || !b || a.blank || b.blank) continue;
      const link = { sheet: b, summary: a, form };
      out.set(b.key, link);
      out.set(a.key, link);
    }
  }
  linkCache.set(model, out);
  return out;
}

function agree(a: number, da: number, b: number, db: number): boolean {
  return Math.abs(a - b) <= half(da) + half(db) + 1e-9;
}

/** The figure on the other side of a link, for a cell of either side. */
function otherSide(model: ReportModel, key: string): Figure | undefined {
  const link = moneyLinks(model).get(key);
  if (!link) return undefined;
  return link.sheet.key === key ? link.summary : link.sheet;
}

/**
 * Whether a project form's figure (or a 汇总 row's) at `value` breaks its agreement with the other side
 * of the link, which holds as written: evidence that the figure is right.
 */
export function anchoredBySummary(model: ReportModel, figure: Figure, value: number): boolean {
  const other = otherSide(model, figure.key);
  return other !== undefined && agree(figure.value, figure.decimals, other.value, other.decimals) && !agree(value, figure.decimals, other.value, other.decimals);
}

/** Whether a figure at `value` repairs its disagreement with the other side of the link. */
export function repairsSummary(model: ReportModel, figure: Figure, value: number): boolean {
  const other = otherSide(model, figure.key);
  return other !== undefined && !agree(figure.value, figure.decimals, other.value, other.decimals) && agree(value, figure.decimals, other.value, other.decimals);
}

/**
 * The value a 汇总 row's amount should have by its project's own sheet, when the two differ and the sheet
 * agrees with itself (none of its declared sums over that figure fails): the row is then the slip.
 */
export function sheetValueOf(model: ReportModel, figure: Figure): number | undefined {
  const link = moneyLinks(model).get(figure.key);
  if (!link || link.summary.key !== figure.key) return undefined;
  const { sheet, form } = link;
  if (agree(figure.value, figure.decimals, sheet.value, sheet.decimals)) return undefined;
  const own = (form.relations ?? []).filter((rel) => [rel.target, ...rel.terms].some((t) => t.cell.ref.sheet === sheet.ref.sheet && t.cell.ref.address === sheet.ref.address));
  for (const rel of own) {
    const target = readMoney(rel.target.cell, rel.target.field, model.moneyUnit);
    const terms = rel.terms.map((t) => ({ f: readMoney(t.cell, t.field, model.moneyUnit), sign: t.sign }));
    if (!target || terms.some((t) => !t.f) || terms.every((t) => t.f?.blank)) continue;
    const sum = terms.reduce((s, t) => s + t.sign * (t.f?.value ?? 0), 0);
    const slack = terms.reduce((s, t) => s + half(t.f?.decimals ?? Infinity), 0);
    if (Math.abs(sum - target.value) > slack + half(target.decimals) + 1e-9) return undefined;
  }
  return sheet.value;
}

/** The 汇总 row's 自评得分 that repeats this project form's 总分, when the workbook has a 汇总 row for it. */
export function summaryScoreOf(model: ReportModel): { value: number; ref: BoundCell["ref"] } | undefined {
  const form = model.form;
  if (!form || form.kind !== "project") return undefined;
  const pair = workbookPairs(model).find((p) => sameForm(p.form, form));
  const cell = pair?.row.cells.score;
  const value = numberIn(cell);
  return cell && value !== undefined ? { value, ref: cell.ref } : undefined;
}

/** The 总分 a 汇总 row's project writes on its own sheet. */
export function sheetScoreOf(model: ReportModel, row: TableRow): number | undefined {
  const pair = workbookPairs(model).find((p) => p.row === row);
  return numberIn(pair?.form.figures?.score);
}
