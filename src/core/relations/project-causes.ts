/**
 * Causes in a project list (jx_projects): a row whose 预算数, 执行数 or 结转结余 is wrong breaks its own
 * 结转结余 = 预算数 − 执行数, its 执行率 and the 合计 of its column. The one cell whose correction makes
 * all of them hold is the cause; the 合计 and the row's other cells are its consequences.
 */
import type { ReportModel, TableRow } from "../model/report-model";
import { roundTo } from "../units/parse";
import { evaluate, failingChecks, readMoney, readMoneyScalar, rowName, tableChecks, type Figure, type Overrides } from "./footing";
import { touchesUnitMistake, unitMistakeKeys } from "./unit-mistakes";
import { sheetValueOf } from "./summary-links";

/** A cell of a project row to correct. */
export interface ProjectCause {
  readonly figure: Figure;
  readonly value: number;
  readonly decimals: number;
  readonly column: "budget" | "executed" | "carryover";
  readonly rowName: string;
  /** The row writes a 结转结余 (else only its 执行率 and the 合计 corroborate the correction). */
  readonly withCarryover: boolean;
  /** The row's own relations could not tell; its project's own sheet did (summary-links.ts). */
  readonly bySheet?: boolean;
  /** Neither could the sheet: the failing 合计/小计, each anchored by its own 执行率, blame this row alone. */
  readonly byTotals?: boolean;
  /**
   * A 元/万元 slip that the row's formulas follow (its 执行率 `=F44/E44` and the 合计 `=SUM(F42:F45)` computed
   * from the slipped amount, so no relation breaks): the amount is 10 000 times what its row allows. The
   * formula cells that follow it (the 合计 of its column) are listed with the value they take once it is
   * corrected.
   */
  readonly byScale?: {
    readonly follows: readonly { readonly key: string; readonly value: number }[];
    /** The evidence: the row's rate formula, or the form's whole (a part 100 times the 年度资金总额). */
    readonly whole?: { readonly label: string; readonly value: number };
  };
}

function rateOf(row: TableRow): { value: number; decimals: number } | undefined {
  const cell = row.cells.rate?.cell;
  const v = cell?.value;
  if (typeof v === "number") {
    // A percent shown with one decimal (`0.0%`: 44.9%) holds its ratio to 3 decimals, not 4.
    const pct = /^[^;]*?0(?:\.(0+))?\s*%/.exec(cell?.numberFormat ?? "");
    return { value: Math.abs(v) > 2 ? v / 100 : v, decimals: pct && Math.abs(v) <= 2 ? (pct[1]?.length ?? 0) + 2 : 4 };
  }
  if (typeof v !== "string") return undefined;
  const m = /^\s*(-?\d+(?:\.(\d+))?)\s*%\s*$/.exec(v);
  return m ? { value: Number(m[1]) / 100, decimals: (m[2]?.length ?? 0) + 2 } : undefined;
}

const cache = new WeakMap<ReportModel, readonly ProjectCause[]>();

/** The certain causes of a project list's failing relations (unit slips are no-unit-mistake's). */
export function projectCauses(model: ReportModel): readonly ProjectCause[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: ProjectCause[] = [];
  const table = model.tables.jx_projects;
  const flagged = table ? unitMistakeKeys(model) : new Set<string>();
  // A cause needs a failing 合计 of the list to corroborate it (below): without one, no row has a cause,
  // and the list's checks need not be built.
  let corroborated = false;
  for (const c of failingChecks(model)) if (c.table === "jx_projects" && c.kind === "summary" && !touchesUnitMistake(c, flagged)) corroborated = true;
  if (table && corroborated) {
    const checks = tableChecks(model, "jx_projects").filter((c) => !touchesUnitMistake(c, flagged));
    const loose: { column: "budget" | "executed"; figure: Figure; value: number; row: TableRow }[] = [];
    for (const row of table.rows) {
      if (row.isSummary) continue;
      const fig = (k: "budget" | "executed" | "carryover"): Figure | undefined => (row.cells[k] ? readMoney(row.cells[k], `jx_projects.${k}`, model.moneyUnit) : undefined);
      const b = fig("budget");
      const e = fig("executed");
      const c = fig("carryover");
      if (!b || !e || b.blank || e.blank) continue;
      // A 元/万元 slip in the row is no-unit-mistake's finding.
      if ([b, e, c].some((f) => f && flagged.has(f.key))) continue;
      const rate = rateOf(row);
      const rateOk = (bv: number, ev: number): boolean => !rate || !(bv > 0) || Math.abs(ev / bv - rate.value) <= 0.5 * Math.pow(10, -rate.decimals) + 1e-9;
      const mine = checks.filter((k) => [b, e, c].some((f) => f && (k.target.key === f.key || k.terms.some((t) => t.figure.key === f.key))));
      // Corroboration: the 合计 of a column fails too (without a 合计, a row's 结转结余 and 执行率 are
      // each reported at themselves).
      if (!mine.some((k) => k.kind === "summary" && !evaluate(k).ok)) continue;
      const tries: { column: ProjectCause["column"]; figure: Figure; value: number }[] = [];
      if (c && !c.blank) {
        tries.push({ column: "budget", figure: b, value: e.value + c.value });
        tries.push({ column: "executed", figure: e, value: b.value - c.value });
        tries.push({ column: "carryover", figure: c, value: b.value - e.value });
      } else if (rate) {
        // No 结转结余 column: the row's rate tells which of its two amounts the 合计 disagrees with.
        tries.push({ column: "executed", figure: e, value: b.value * rate.value });
        if (rate.value > 0) tries.push({ column: "budget", figure: b, value: e.value / rate.value });
        // A rate shown to fewer places (44.9%) only bounds the amount: the failing 合计 gives its value —
        // for a row its own rate contradicts (a row that agrees with its rate is not the cause).
        const rowFails = !rateOk(b.value, e.value);
        for (const [column, f] of rowFails ? ([["executed", e], ["budget", b]] as const) : []) {
          for (const k of mine) {
            const term = k.kind === "summary" ? k.terms.find((t) => t.figure.key === f.key) : undefined;
            if (!term || evaluate(k).ok) continue;
            tries.push({ column, figure: f, value: f.value + term.sign * (k.target.value - evaluate(k).expected) });
          }
        }
      }
      const fits = (t: { column: ProjectCause["column"]; figure: Figure; value: number }): boolean => {
        const decimals = Number.isFinite(t.figure.decimals) ? t.figure.decimals : 2;
        const value = roundTo(t.value, decimals);
        if (value < 0) return false;
        const o: Overrides = new Map([[t.figure.key, { value, decimals }]]);
        const bv = t.column === "budget" ? value : b.value;
        const ev = t.column === "executed" ? value : e.value;
        return mine.every((k) => evaluate(k, o).ok) && rateOk(bv, ev);
      };
      // Several tries of one column (the failing 合计 and its 小计 each give the amount) are one cause.
      const oneColumn = (g: readonly { column: ProjectCause["column"] }[]): boolean => new Set(g.map((t) => t.column)).size === 1;
      let good = tries.filter(fits);
      let bySheet = false;
      if (!oneColumn(good)) {
        // The row's own relations cannot tell (a project with nothing spent: its 执行率 is 0 whatever the
        // 预算数): the project's own sheet can. An amount that differs from the sheet, which agrees with
        // itself, and whose sheet value makes every relation of the row hold, is the cause.
        const linked: typeof tries = [];
        for (const [column, f] of [["budget", b], ["executed", e]] as const) {
          const v = sheetValueOf(model, f);
          if (v !== undefined) linked.push({ column, figure: f, value: v });
        }
        good = linked.filter(fits);
        bySheet = good.length > 0;
      }
      if (good.length === 0 && !bySheet) {
        // Nor the sheet: a row whose 执行率 cannot tell (0 spent: 0% whatever the 预算数) may still be the
        // one row of the list whose correction makes every failing 合计/小计 hold (judged below).
        for (const [column, f] of [["budget", b], ["executed", e]] as const) {
          const k = mine.find((x) => x.kind === "summary" && !evaluate(x).ok && x.terms.some((t) => t.figure.key === f.key));
          if (!k) continue;
          const others = k.terms.reduce((sum, t) => sum + (t.figure.key === f.key ? 0 : t.sign * t.figure.value), 0);
          const t = { column, figure: f, value: k.target.value - others };
          if (fits(t)) loose.push({ ...t, row });
        }
      }
      if (!oneColumn(good)) continue;
      const g = good[0];
      const decimals = Number.isFinite(g.figure.decimals) ? g.figure.decimals : 2;
      out.push({ figure: g.figure, value: roundTo(g.value, decimals), decimals, column: g.column, rowName: rowName(row), withCarryover: c !== undefined && !c.blank, ...(bySheet ? { bySheet } : {}) });
    }
    if (out.length === 0 && loose.length > 0) {
      const cause = looseCause(model, table, checks, loose);
      if (cause) out.push(cause);
    }
  }
  if (table && out.length === 0) out.push(...scaleSlips(model, table, flagged));
  cache.set(model, out);
  return out;
}

/**
 * Rows whose 执行率 is a formula that follows an amount typed in 元 in a 万元 list (or the reverse): the rate
 * reads 854054.05% (or 0.01%), every relation holds because the formulas follow the slip, and only the
 * scale tells. An amount is the slip when dividing (multiplying) it by 10 000 gives a rate between 1% and
 * 150% while the written ratio is over 100 (under 0.0002). The 合计 of its column, when a formula, follows.
 */
function scaleSlips(model: ReportModel, table: NonNullable<ReportModel["tables"]["jx_projects"]>, flagged: ReadonlySet<string>): ProjectCause[] {
  const out: ProjectCause[] = [];
  const summary = table.rows.find((r) => r.isSummary);
  const plausible = (ratio: number): boolean => ratio >= 0.01 && ratio <= 1.5;
  // The form's whole, when it has one (a 部门整体 form's 年度资金总额): no row of its list can be 100 times it.
  const whole = {
    budget: model.form?.kind === "dept" ? readMoneyScalar(model, "jx_budget_adjusted") : undefined,
    executed: model.form?.kind === "dept" ? readMoneyScalar(model, "jx_executed") : undefined,
  };
  for (const row of table.rows) {
    if (row.isSummary || row.subtotalOf) continue;
    const b = row.cells.budget ? readMoney(row.cells.budget, "jx_projects.budget", model.moneyUnit) : undefined;
    const e = row.cells.executed ? readMoney(row.cells.executed, "jx_projects.executed", model.moneyUnit) : undefined;
    // A row amount over 100 times the form's whole that ÷10 000 fits within it: typed in 元.
    const overWhole = ([["budget", b, whole.budget, "全年预算数"], ["executed", e, whole.executed, "全年执行数"]] as const).find(
      ([, f, w]) => f && w && !f.blank && !f.formula && !w.blank && w.value > 0 && !flagged.has(f.key) && f.value > 100 * w.value && f.value / 10000 <= w.value,
    );
    if (overWhole) {
      const [column, f, w, label] = overWhole;
      const decimals = Number.isFinite(f!.decimals) ? Math.max(2, f!.writtenDecimals) : 2;
      out.push({ figure: f!, value: roundTo(f!.value / 10000, decimals), decimals, column, rowName: rowName(row), withCarryover: false, byScale: { follows: [], whole: { label, value: w!.value } } });
      continue;
    }
    const rateCell = row.cells.rate?.cell;
    if (rateCell?.formula === undefined || typeof rateCell.value !== "number") continue;
    if (!b || !e || b.blank || e.blank || !(b.value > 0) || !(e.value > 0) || b.formula || e.formula || flagged.has(b.key) || flagged.has(e.key)) continue;
    const ratio = e.value / b.value;
    // The rate as the formula computed it from these very cells.
    if (Math.abs(rateCell.value - ratio) > 1e-6 * Math.max(1, ratio)) continue;
    const pick = ratio > 100 && plausible(ratio / 10000) ? { column: "executed" as const, figure: e } : ratio < 0.0002 && plausible(ratio * 10000) ? { column: "budget" as const, figure: b } : undefined;
    if (!pick) continue;
    const decimals = Number.isFinite(pick.figure.decimals) ? Math.max(2, pick.figure.writtenDecimals) : 2;
    const value = roundTo(pick.figure.value / 10000, decimals);
    const total = summary?.cells[pick.column];
    const follows = total?.cell?.formula !== undefined && typeof total.cell.value === "number" ? [{ key: `${total.ref.sheet}!${total.ref.address}`, value: roundTo(total.cell.value - pick.figure.value + value, 6) }] : [];
    out.push({ figure: pick.figure, value, decimals, column: pick.column, rowName: rowName(row), withCarryover: false, byScale: { follows } });
  }
  return out;
}

/**
 * The one row amount that every failing 合计/小计 of the list blames, when no row's own relations name it:
 * its correction makes all of them hold and keeps its row's 执行率, no other row's amount would do (the
 * others' 执行率 anchor them), and each failing total is anchored by its own 执行率 (so the total is not
 * the slip either). Seed 001's 扫码支付 (18 budgeted, 0 spent) typed 18.50 under a 小计 and the 合计.
 */
function looseCause(
  model: ReportModel,
  table: NonNullable<ReportModel["tables"]["jx_projects"]>,
  checks: readonly ReturnType<typeof tableChecks>[number][],
  loose: readonly { column: "budget" | "executed"; figure: Figure; value: number; row: TableRow }[],
): ProjectCause | undefined {
  const failing = checks.filter((k) => k.kind === "summary" && !evaluate(k).ok);
  const all = loose.filter((t) => {
    const decimals = Number.isFinite(t.figure.decimals) ? t.figure.decimals : 2;
    const o: Overrides = new Map([[t.figure.key, { value: roundTo(t.value, decimals), decimals }]]);
    return failing.every((k) => evaluate(k, o).ok);
  });
  if (all.length !== 1) return undefined;
  // Every failing total must be anchored by its own 执行率 (it holds as written and not at the sum).
  for (const k of failing) {
    // (A 小计 row is a row of the list like the others, the 合计 its summary row.)
    const row = table.rows.find((r) => Object.values(r.cells).some((c) => c?.ref.sheet === k.target.ref.sheet && c.ref.address === k.target.ref.address));
    const rate = row ? rateOf(row) : undefined;
    const b = row?.cells.budget ? readMoney(row.cells.budget, "jx_projects.budget", model.moneyUnit) : undefined;
    const e = row?.cells.executed ? readMoney(row.cells.executed, "jx_projects.executed", model.moneyUnit) : undefined;
    if (!rate || !b || !e || !(b.value > 0)) return undefined;
    const holds = (bv: number, ev: number): boolean => bv > 0 && Math.abs(ev / bv - rate.value) <= 0.5 * Math.pow(10, -rate.decimals) + 1e-9;
    const sum = evaluate(k).expected;
    const atSum = k.target.key === b.key ? holds(sum, e.value) : k.target.key === e.key ? holds(b.value, sum) : true;
    if (!holds(b.value, e.value) || atSum) return undefined;
  }
  const t = all[0];
  const decimals = Number.isFinite(t.figure.decimals) ? t.figure.decimals : 2;
  const c = t.row.cells.carryover ? readMoney(t.row.cells.carryover, "jx_projects.carryover", model.moneyUnit) : undefined;
  return { figure: t.figure, value: roundTo(t.value, decimals), decimals, column: t.column, rowName: rowName(t.row), withCarryover: c !== undefined && !c.blank, byTotals: true };
}

/** The overrides that apply the project causes. */
export function projectOverrides(model: ReportModel): Overrides {
  return new Map(projectCauses(model).map((c) => [c.figure.key, { value: c.value, decimals: c.decimals }]));
}
