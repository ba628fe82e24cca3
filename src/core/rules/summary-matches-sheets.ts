/**
 * summary-matches-sheets — a workbook of project forms (one 项目支出绩效自评表 per sheet) and a 项目汇总
 * sheet: each project's row in the 汇总 must repeat its own sheet's 全年预算数, 全年执行数, 执行率 and 总分.
 * The 汇总 is copied from the sheets, so a difference is reported at the 汇总 cell, naming the sheet.
 * (The 汇总's 合计 = Σ projects is total-matches-parts'.)
 */
import { isUnfilled } from "../model/cell-index";
import { defineRule } from "../engine/types";
import type { BoundCell, FormInstance, ReportModel, TableRow } from "../model/report-model";
import { formatRef } from "../model/address";
import { normalizeLabel } from "../schema/fields";
import { readMoney } from "../relations/footing";
import { readRate } from "./lib/rates";
import { cellNumber } from "../scoring/score";
import { formatNumber } from "../units/convert";

/** Message ids of summary-matches-sheets. */
export type MessageId = "rowDiffers" | "rowBlank";

/** The name a project goes by, for matching a 汇总 row with its sheet. */
function nameKey(text: string): string {
  return normalizeLabel(text).replace(/[“”"'《》（）()]/g, "").replace(/项目$/, "");
}

function sameProject(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  return x.length >= 2 && y.length >= 2 && (x === y || (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x))));
}

function half(decimals: number): number {
  return Number.isFinite(decimals) ? 0.5 * Math.pow(10, -Math.max(0, decimals)) : 0;
}

/** Each 汇总 row equals its project's own sheet. */
export const summaryMatchesSheets = defineRule<MessageId>({
  id: "summary-matches-sheets",
  meta: {
    type: "problem",
    docs: { description: "项目汇总表中每个项目的预算数、执行数、执行率和得分应与该项目自评表一致。", recommended: true },
    messages: {
      "rowDiffers": "汇总表中“{{project}}”的{{column}}为 {{actual}}，但该项目的自评表（{{where}}）为 {{expected}}，两者应一致。",
      "rowBlank": "汇总表中“{{project}}”的{{column}}为空，该项目的自评表（{{where}}）为 {{expected}}，请填写。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const table = model.tables.jx_projects;
        const projects = (model.forms ?? []).filter((f) => f.kind === "project" && f.projectName && f.figures);
        if (!table || projects.length === 0) return;
        const unit = model.moneyUnit;
        // Two projects may share a name (seed 001: two 医疗服务与保障能力提升补助资金): the k-th row of a
        // name goes with the k-th sheet of that name, unless another sheet of that name agrees with it.
        const used = new Map<string, number>();
        for (const row of table.rows) {
          if (row.isSummary) continue;
          const name = String(row.cells.name?.cell?.value ?? "").trim();
          if (!name) continue;
          const same = projects.filter((p) => sameProject(p.projectName ?? "", name));
          if (same.length === 0) continue;
          const k = used.get(nameKey(name)) ?? 0;
          used.set(nameKey(name), k + 1);
          const budget = readMoney(row.cells.budget ?? { ref: { sheet: "", address: "A1" } }, "budget", unit);
          const agreeing = same.find((p) => {
            const b = p.figures?.budget ? readMoney(p.figures.budget, "budget", unit) : undefined;
            return budget && b && Math.abs(budget.value - b.value) <= half(budget.decimals) + half(b.decimals) + 1e-9;
          });
          const form = same.length === 1 ? same[0] : (agreeing ?? same[k]);
          if (!form?.figures) continue;
          compare(row, form, name);
        }
        function compare(row: TableRow, form: FormInstance, project: string): void {
          const f = form.figures ?? {};
          const report = (mine: BoundCell, theirs: BoundCell, column: string, actual: string, expected: string, value: number): void => {
            context.report({
              at: mine.ref,
              messageId: "rowDiffers",
              field: `jx_projects.${column === "预算数" ? "budget" : column === "执行数" ? "executed" : column === "执行率" ? "rate" : "score"}`,
              data: { project, column, actual, expected, where: formatRef(theirs.ref) },
              expected,
              actual,
              suggestions: [{ description: `改为 ${expected}`, writes: [{ at: mine.ref, value }] }],
            });
          };
          // A cell of the row left blank where the project's sheet gives its figure: a gap, never an all-clear.
          const blankHere = (b: BoundCell | undefined): b is BoundCell => b !== undefined && isUnfilled(b.cell);
          for (const [key, column, other] of [["budget", "预算数", f.budget], ["executed", "执行数", f.executed], ["score", "得分", f.score]] as const) {
            const mine = row.cells[key];
            const v = cellNumber(other?.cell);
            if (!blankHere(mine) || !other || v === undefined || v === 0) continue;
            const shownValue = key === "score" ? String(v) : formatNumber(v, 2);
            context.report({
              at: mine.ref,
              messageId: "rowBlank",
              field: `jx_projects.${key}`,
              data: { project, column, expected: shownValue, where: formatRef(other.ref) },
              expected: shownValue,
              suggestions: [{ description: `填入 ${shownValue}`, writes: [{ at: mine.ref, value: v }] }],
            });
          }
          let amountsDiffer = false;
          for (const [key, column, other] of [["budget", "预算数", f.budget], ["executed", "执行数", f.executed]] as const) {
            const mine = row.cells[key];
            if (!mine?.cell || !other?.cell) continue;
            const a = readMoney(mine, `jx_projects.${key}`, unit);
            const b = readMoney(other, key, unit);
            if (!a || !b || a.blank || b.blank) continue;
            if (Math.abs(a.value - b.value) > half(a.decimals) + half(b.decimals) + 1e-9) {
              amountsDiffer = true;
              // The sheet contradicts itself and agrees with the 汇总 once corrected: its own relation
              // reports the sheet's cell; the 汇总 row is right.
              if (sheetSumSays(form, other, a.value, half(a.decimals), unit)) continue;
              const d = Number.isFinite(b.decimals) ? b.decimals : 2;
              report(mine, other, column, formatNumber(a.value, Number.isFinite(a.decimals) ? a.decimals : 2), formatNumber(b.value, d), b.value);
            }
          }
          const rate = row.cells.rate;
          const a = readRate(rate);
          const b = readRate(f.rate);
          // A rate that differs only because an amount does is that amount's consequence; a sheet rate
          // that disagrees with its own sheet's 执行数 ÷ 预算数 (while the 汇总's agrees) is exec-rate-matches'.
          const sheetBudget = f.budget ? readMoney(f.budget, "budget", unit) : undefined;
          const sheetExecuted = f.executed ? readMoney(f.executed, "executed", unit) : undefined;
          const ratio = sheetBudget && sheetExecuted && sheetBudget.value > 0 ? sheetExecuted.value / sheetBudget.value : undefined;
          const sheetRateWrong = ratio !== undefined && a && b && Math.abs(b.value - ratio) > half(b.decimals) + 1e-9 && Math.abs(a.value - ratio) <= half(a.decimals) + 1e-9;
          if (!amountsDiffer && !sheetRateWrong && rate?.cell && f.rate && a && b && Math.abs(a.value - b.value) > half(a.decimals) + half(b.decimals) + 1e-9) {
            report(rate, f.rate, "执行率", formatNumber(a.value, Math.max(2, a.decimals), { unit: "%" }), formatNumber(b.value, Math.max(2, b.decimals), { unit: "%" }), b.value);
          }
          const score = row.cells.score;
          const x = cellNumber(score?.cell);
          const y = cellNumber(f.score?.cell);
          // A sheet whose 总分 is not the sum of its own scores, while the 汇总 row is: total-score-matches
          // reports the sheet's 总分.
          const parts = (f.scoreParts ?? []).map((p) => cellNumber(p.cell));
          const partsSum = parts.length && parts.every((p) => p !== undefined) ? (parts as number[]).reduce((s, p) => s + p, 0) : undefined;
          const sheetScoreWrong = partsSum !== undefined && x !== undefined && y !== undefined && Math.abs(partsSum - y) > 0.005 && Math.abs(partsSum - x) <= 0.005;
          if (score?.cell && f.score && x !== undefined && y !== undefined && !sheetScoreWrong && Math.abs(x - y) > 0.005) report(score, f.score, "得分", String(x), String(y), y);
        }
      },
    };
  },
});

/**
 * Whether the sheet's own declared sum contradicts its figure `cell` (the 年度资金总额 against its 其中
 * rows) and holds at `value`, the 汇总's: then the sheet's cell is the cause, reported by its relation.
 */
function sheetSumSays(form: FormInstance, cell: BoundCell, value: number, tolerance: number, unit: ReportModel["moneyUnit"]): boolean {
  const at = `${cell.ref.sheet}!${cell.ref.address}`;
  return (form.relations ?? []).some((rel) => {
    if (`${rel.target.cell.ref.sheet}!${rel.target.cell.ref.address}` !== at) return false;
    const target = readMoney(rel.target.cell, rel.target.field, unit);
    const terms = rel.terms.map((t) => ({ f: readMoney(t.cell, t.field, unit), sign: t.sign }));
    if (!target || terms.some((t) => !t.f) || terms.every((t) => t.f?.blank)) return false;
    const sum = terms.reduce((s, t) => s + t.sign * (t.f?.value ?? 0), 0);
    const slack = terms.reduce((s, t) => s + half(t.f?.decimals ?? Infinity), 0);
    return Math.abs(sum - target.value) > slack + half(target.decimals) + 1e-9 && Math.abs(sum - value) <= slack + tolerance + 1e-9;
  });
}

export default summaryMatchesSheets;
