/**
 * total-matches-parts — every total equals the sum of its parts: the row relations of the money tables
 * (收入合计 = the five sources; 支出合计 = 基本 + 项目; 基本 = 人员 + 公用; 三公 and 固定资产 合计), and the
 * 汇总 row = Σ the other rows, column by column. Rounding is judged like XBRL Calculations 1.1, so an
 * honest 0.01 is never an error. Checks that involve a 元/万元 slip are left to no-unit-mistake.
 */
import { defineRule, type Fix, type ReportDescriptor } from "../engine/types";
import type { ReportModel } from "../model/report-model";
import { formatNumber } from "../units/convert";
import { tableDef } from "../schema/fields";
import { checksOf, columnLabel, evaluate, failingChecks, formChecks, hasUnreadableMoney, holdsAsIs, rowName, type Figure, type Overrides, type SumCheck } from "../relations/footing";
import { anchoredByRate } from "../relations/rate-links";
import { roundTo } from "../units/parse";
import { checksTouchingUnitMistakes } from "../relations/unit-mistakes";
import { causeOf, decimalsOf as figureDecimals, type Cause } from "../relations/cause";
import { amountMatches, proseStatements, type Fact } from "../narrative/prose-cells";
import { projectOverrides } from "../relations/project-causes";

/** Message ids of total-matches-parts. */
export type MessageId = "rowMismatch" | "summaryMismatch" | "cellError" | "formMismatch" | "formTotalMismatch" | "partMismatch" | "formPartsMismatch";

function decimalsOf(check: SumCheck): number {
  const d = check.target.decimals;
  return Number.isFinite(d) ? Math.max(0, d) : 2;
}

/** Every total equals the sum of its parts (row relations and the 汇总 row), within rounding. */
export const totalMatchesParts = defineRule<MessageId>({
  id: "total-matches-parts",
  meta: {
    type: "problem",
    docs: { description: "合计数应等于各分项之和（行内关系与汇总行），允许四舍五入误差。", recommended: true },
    messages: {
      "rowMismatch": "“{{row}}”的{{total}}为 {{actual}}，但{{parts}}之和为 {{expected}}（相差 {{diff}}），{{total}}应等于各分项之和。",
      "summaryMismatch": "“{{row}}”的{{total}}为 {{actual}}，但其余各行{{total}}之和为 {{expected}}（相差 {{diff}}），汇总行应等于各行之和。",
      "cellError": "“{{row}}”的{{column}}是错误值 {{code}}，与它有关的合计（{{checks}}）都无法核对；请改正公式或填写数值。",
      "formMismatch": "“{{where}}”不平：{{relation}}。{{label}}填写为 {{actual}}，按其余各数应为 {{expected}}（相差 {{diff}}），改正后各项关系全部相符。",
      "formTotalMismatch": "“{{where}}”不平：{{relation}}。{{label}}填写为 {{actual}}，各分项之和为 {{expected}}（相差 {{diff}}），请核对合计与各分项。",
      "formPartsMismatch": "“{{where}}”不平：{{relation}}。{{total}}与其他各项关系相符，应是{{labels}}中某一项有误：{{label}}填写为 {{actual}}，按其余各数应为 {{expected}}（相差 {{diff}}），请核对。",
      "partMismatch": "“{{row}}”的{{label}}为 {{actual}}，使{{relations}}都不平；按各合计应为 {{expected}}（相差 {{diff}}），改正后各项关系全部相符。",
    },
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        reportErrorValues(context.model, (d) => context.report(d));
        const touching = checksTouchingUnitMistakes(model);
        // The checks this rule judges: not a project row's own (project-row-consistent's), not one left to
        // no-unit-mistake. Tested per check rather than listed: listing every check would build an object
        // per check and per cell of the workbook, and only the few that fail are ever looked at.
        const counted = (c: SumCheck): boolean => c.kind !== "project" && !touching.has(c);
        reportForms(model, counted, (d) => context.report(d));
        // A 合计 that adds up once a project row's own cause is corrected is that cause's consequence.
        const projectFixes = projectOverrides(model);
        // Verdicts as written are judged once per model (failingChecks): most checks hold.
        const failingAsIs = failingChecks(model);
        const keptCheck = (c: SumCheck): boolean => counted(c) && c.kind !== "form" && !(c.table === "jx_projects" && projectFixes.size > 0 && failingAsIs.has(c) && holdsAsIs(c, projectFixes));
        const kept = { has: keptCheck };
        // A part that breaks two totals at once (局机关's 人员支出 breaks its row's 基本支出 and the 汇总 row's
        // 人员支出): the one finding is at that part, and the totals it explains are not reported.
        // (failingChecks lists the failing checks in check order.)
        const asWritten = [...failingAsIs].filter(keptCheck);
        const parts = asWritten.length ? reportPartCauses(model, asWritten, kept, (d) => context.report(d)) : new Map();
        const failing = parts.size > 0 ? asWritten.filter((c) => !holdsAsIs(c, parts)) : asWritten;
        // Indexed look-ups instead of scans over every check: a 汇总 check has a term per institution.
        const failingSet = new Set(failing);
        // The kept checks whose target is this cell, in check order.
        const byTarget = (f: Figure): SumCheck[] => checksOf(model, f).filter((c) => c.target.key === f.key && kept.has(c));
        // One verdict per cell: a wrong 汇总 total fails both its row relation and its column.
        const verdicts: { check: SumCheck; expected: number; sum: number; d: number; safe: boolean }[] = [];
        const seen = new Set<string>();
        for (const check of failing) {
          if (seen.has(check.target.key)) continue;
          seen.add(check.target.key);
          const result = evaluate(check);
          const d = decimalsOf(check);
          // The total alone is to blame when no other failing check touches its parts, and the sum
          // written there makes every check on the total hold. Otherwise the clerk must judge.
          const partsSuspect = check.terms.some((t) => checksOf(model, t.figure).some((other) => other !== check && failingSet.has(other)));
          const overrides = new Map([[check.target.key, { value: result.expected, decimals: d }]]);
          const repairs = checksOf(model, check.target)
            .filter((c) => kept.has(c))
            .every((c) => evaluate(c, overrides).ok);
          verdicts.push({ check, expected: result.expected, sum: result.sum, d, safe: !check.target.formula && !partsSuspect && repairs });
        }
        // A total that is wrong only because of a part fixed safely elsewhere (a 汇总 row over a
        // mistyped 局机关 total) is explained by that fix: report the cause, not every consequence.
        const safeOverrides = new Map(verdicts.filter((v) => v.safe).map((v) => [v.check.target.key, { value: v.expected, decimals: v.d }]));
        for (const v of verdicts) {
          const check = v.check;
          if (!v.safe && safeOverrides.size > 0 && byTarget(check.target).every((c) => evaluate(c, safeOverrides).ok)) continue;
          const d = v.d;
          const table = check.table === "form" ? "jx_income" : check.table;
          const total = columnLabel(model, table, check.targetKey);
          const parts = check.termKeys.map((k) => columnLabel(model, table, k)).join("、");
          const data = {
            row: check.rowName,
            total,
            parts,
            actual: check.target.blank ? "空白" : formatNumber(check.target.value, d),
            expected: formatNumber(v.expected, d),
            diff: formatNumber(Math.abs(v.sum - check.target.value), d),
          };
          const write: Fix = {
            description: `将${check.target.ref.address}改为${formatNumber(v.expected, d)}（各分项之和）`,
            writes: [{ at: check.target.ref, value: v.expected }],
          };
          context.report({
            at: check.target.ref,
            messageId: check.kind === "summary" ? "summaryMismatch" : "rowMismatch",
            field: check.target.field,
            data,
            expected: v.expected,
            actual: check.target.blank ? "" : check.target.value,
            ...(v.safe ? { fix: write } : { suggestions: [write] }),
          });
        }
      },
    };
  },
});

/**
 * The relations a form declares (项目资金's 其中 rows, the fund splits, the 决算 balances): each failure
 * once, at its cause — the one cell whose correction makes every relation around it hold — else at the
 * total, with the relation written out.
 */
function reportForms(model: ReportModel, counted: (c: SumCheck) => boolean, report: (d: ReportDescriptor<MessageId>) => void): void {
  const reported = new Set<string>();
  for (const check of formChecks(model)) {
    if (!counted(check) || evaluate(check).ok) continue;
    const cause = likeliestFirst(model, check, causeOf(model, check, counted));
    const at = cause?.figure ?? check.target;
    if (reported.has(at.key)) continue;
    reported.add(at.key);
    // Points (exact, see DeclaredSum.points) are shown as the clerk wrote them.
    const d = Number.isFinite(at.decimals) ? Math.max(0, at.decimals) : check.declared?.points && Number.isFinite(at.writtenDecimals) ? Math.max(0, at.writtenDecimals) : 2;
    const show = (x: number): string => formatNumber(x, d);
    const relation =
      `${check.targetKey} ${show(check.target.value)} ≠ ` +
      check.terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? "− " : "") : t.sign < 0 ? "− " : "+ "}${check.termKeys[i]} ${show(t.figure.value)}`).join(" ");
    const label = at === check.target ? check.targetKey : check.termKeys[check.terms.findIndex((t) => t.figure.key === at.key)];
    const expected = cause ? cause.value : evaluate(check).expected;
    const write: Fix = { description: `将${at.ref.address}改为${show(expected)}`, writes: [{ at: at.ref, value: expected }] };
    const unique = cause?.unique === true;
    const labelOf = (f: Figure): string => check.termKeys[check.terms.findIndex((t) => t.figure.key === f.key)] ?? f.field;
    const alternatives = cause?.alternatives ?? [];
    const data = { where: check.rowName, relation, label, actual: at.blank ? "空白" : show(at.value), expected: show(expected), diff: show(Math.abs(expected - at.value)) };
    report({
      at: at.ref,
      messageId: alternatives.length ? "formPartsMismatch" : at === check.target && !unique ? "formTotalMismatch" : "formMismatch",
      field: at.field,
      data: alternatives.length ? { ...data, total: check.targetKey, labels: [at, ...alternatives].map((f) => `“${labelOf(f)}”`).join("、") } : data,
      expected,
      actual: at.blank ? "" : at.value,
      ...(unique && !at.formula ? { fix: write } : { suggestions: [write] }),
    });
  }
}

/**
 * Of several parts that would each make a relation hold (基本支出 or 项目支出, nothing else pinning either),
 * the likelier slip first: the one whose corrected value the report's text states for it while the text
 * does not state what the table shows (项目支出1603.45万元 in the 综述 over a 1630.45 in the table); else
 * the one whose correction only swaps two of its digits (1630.45 for 1603.45, a difference divisible by
 * 9 — the classic keying slip). Still not certain: the finding keeps naming the others.
 */
function likeliestFirst(model: ReportModel, check: SumCheck, cause: Cause | undefined): Cause | undefined {
  if (!cause?.alternatives?.length) return cause;
  const total = check.terms.reduce((s, t) => s + t.sign * t.figure.value, 0);
  const correctedOf = (f: Figure): number | undefined => {
    const t = check.terms.find((x) => x.figure.key === f.key);
    return t ? roundTo(t.sign * (check.target.value - (total - t.sign * t.figure.value)), figureDecimals(f)) : undefined;
  };
  const all = [cause.figure, ...cause.alternatives];
  const options = all.map((figure) => ({ figure, value: figure === cause.figure ? cause.value : correctedOf(figure) }));
  const stated = proseStatements(model, new Set(all.map((f) => f.key)));
  const fact = (f: Figure, value: number): Fact => ({ value, decimals: figureDecimals(f), ref: f.ref });
  const says = (f: Figure, value: number): boolean => (stated.get(f.key) ?? []).some((q) => amountMatches(q, model.moneyUnit, fact(f, value)));
  const vouched = options.filter((o) => o.value !== undefined && says(o.figure, o.value) && !says(o.figure, o.figure.value));
  const swapped = options.filter((o) => o.value !== undefined && digitsSwapped(o.figure.value, o.value));
  const pick = vouched.length === 1 ? vouched[0] : swapped.length === 1 ? swapped[0] : undefined;
  if (!pick || pick.figure === cause.figure || pick.value === undefined) return cause;
  return { figure: pick.figure, value: pick.value, decimals: figureDecimals(pick.figure), unique: false, alternatives: all.filter((f) => f !== pick.figure) };
}

/** `a` and `b` (to the cent) are the same digits with two neighbours swapped: 1630.45 and 1603.45. */
function digitsSwapped(a: number, b: number): boolean {
  const x = String(Math.round(Math.abs(a) * 100));
  const y = String(Math.round(Math.abs(b) * 100));
  if (x.length !== y.length || x === y) return false;
  const diff = [...x].map((c, i) => (c === y[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]];
}

/**
 * Parts of the schema tables' checks that are the cause of two or more failing checks: a cell that is a
 * term (never the target) of failing checks, whose correction — the value that makes one of them hold —
 * makes every check it takes part in hold, and does not break a rate that agrees with it as written.
 * Reported once each; returns the corrections, so that the checks they explain are not reported again.
 */
function reportPartCauses(model: ReportModel, failing: readonly SumCheck[], kept: { has(c: SumCheck): boolean }, report: (d: ReportDescriptor<MessageId>) => void): Overrides {
  const out = new Map<string, { value: number; decimals: number }>();
  const targets = new Set(failing.map((c) => c.target.key));
  const byTerm = new Map<string, { figure: Figure; checks: SumCheck[] }>();
  for (const c of failing) {
    for (const t of c.terms) {
      if (targets.has(t.figure.key)) continue;
      const hit = byTerm.get(t.figure.key) ?? { figure: t.figure, checks: [] };
      hit.checks.push(c);
      byTerm.set(t.figure.key, hit);
    }
  }
  for (const { figure, checks } of byTerm.values()) {
    if (checks.length < 2 || figure.formula) continue;
    const first = checks[0];
    const term = first.terms.find((t) => t.figure.key === figure.key)!;
    const others = first.terms.reduce((s, t) => s + (t.figure.key === figure.key ? 0 : t.sign * t.figure.value), 0);
    const decimals = Number.isFinite(figure.decimals) ? Math.max(0, figure.decimals) : 2;
    const value = roundTo(term.sign * (first.target.value - others), decimals);
    if (value < 0 && figure.value >= 0) continue;
    const overrides: Overrides = new Map([[figure.key, { value, decimals }]]);
    const around = checksOf(model, figure).filter((c) => kept.has(c));
    if (!around.every((c) => evaluate(c, overrides).ok) || anchoredByRate(model, figure.key, value)) continue;
    out.set(figure.key, { value, decimals });
    const show = (x: number): string => formatNumber(x, decimals);
    const table = first.table === "form" ? "jx_income" : first.table;
    const column = figure.field.includes(".") ? figure.field.slice(figure.field.indexOf(".") + 1) : figure.field;
    const describe = (c: SumCheck): string =>
      c.kind === "summary" ? `汇总行${columnLabel(model, table, c.targetKey)}（各行之和）` : `“${c.rowName}”的${columnLabel(model, c.table === "form" ? table : c.table, c.targetKey)}`;
    const write: Fix = { description: `将${figure.ref.address}改为${show(value)}`, writes: [{ at: figure.ref, value }] };
    report({
      at: figure.ref,
      messageId: "partMismatch",
      field: figure.field,
      data: {
        row: rowOfFigure(checks, figure),
        label: columnLabel(model, table, column),
        actual: figure.blank ? "空白" : show(figure.value),
        relations: checks.map(describe).join("和"),
        expected: show(value),
        diff: show(Math.abs(value - figure.value)),
      },
      expected: value,
      actual: figure.blank ? "" : figure.value,
      fix: write,
    });
  }
  return out;
}

/** The row name of a part: the row check it is a term of names its row. */
function rowOfFigure(checks: readonly SumCheck[], figure: Figure): string {
  return checks.find((c) => c.kind === "row" && c.row === figure.row)?.rowName ?? checks.find((c) => c.kind === "row")?.rowName ?? `第${figure.row}行`;
}

/**
 * Money cells of the footing tables that hold an error value (`#REF!`, `#DIV/0!`): every check they
 * take part in is left out of footing, so say so at the cell instead of passing silently.
 * jx_projects is project-row-consistent's.
 */
function reportErrorValues(model: ReportModel, report: (d: ReportDescriptor<MessageId>) => void): void {
  // An error value is a money cell footing could not read: when it read them all, there is none.
  if (!hasUnreadableMoney(model)) return;
  for (const table of Object.values(model.tables)) {
    if (!table || table.id === "jx_projects") continue;
    const def = tableDef(table.id);
    if (def.relations.length === 0 && !def.hasSummaryRow) continue;
    const money = def.columns.filter((c) => c.money).map((c) => c.key);
    for (const row of table.rows) {
      for (const key of money) {
        const bound = row.cells[key];
        const code = bound?.cell?.error;
        if (!bound || code === undefined) continue;
        const label = (k: string): string => columnLabel(model, table.id, k);
        const checks = def.relations
          .filter((r) => r.total === key || r.parts.includes(key))
          .map((r) => `${label(r.total)} = ${r.parts.filter((p) => row.cells[p]).map(label).join(" + ")}`);
        if (def.hasSummaryRow) checks.push(row.isSummary ? `汇总行${label(key)} = 各行之和` : `汇总行${label(key)}`);
        report({
          at: bound.ref,
          messageId: "cellError",
          field: `${table.id}.${key}`,
          data: { row: rowName(row), column: label(key), code, checks: checks.join("；") },
          actual: code,
        });
      }
    }
  }
}

export default totalMatchesParts;
