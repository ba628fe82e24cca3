/**
 * 跨期审核: this year's workbook against last year's (`jixiao check THIS.xlsx --previous LAST.xlsx`).
 *
 * - previous-figure-matches: a 上年 figure this year states must be last year's value — in the tables
 *   (this year's 上年结转 of each institution is last year's 累计结余 / 年末结转和结余) and in the prose
 *   (“比上年增加200万元” for 1707.31万元 states 1507.31万元 for last year; “由1500万元增加到…” states it outright).
 * - previous-change-percent: each 较上年/比上年/同比 percentage in the prose is recomputed from both years'
 *   values of what its sentence is about (全年执行数, 支出合计, 基本支出 …).
 * - previous-swing-explained: a headline amount that moved more than the profile's threshold (30% by
 *   default) with no sentence giving a reason (原因, 由于, 主要是 …) naming it.
 *
 * Last year's workbook may be in another layout: both are read through mapping (names or labels).
 */
import { defineRule, type Rule, type Severity } from "../engine/types";
import type { ReportModel } from "../model/report-model";
import type { CellRef } from "../model/snapshot";
import { matchMoneyLabel, proseCells, type Fact } from "../narrative/prose-cells";
import { valueIn, type ChangeStatement, type ProseQuantity } from "../narrative/extract";
import { formatDecimals, quoteSentence } from "../narrative/phrase";
import { normalizeLabel, scalarField } from "../schema/fields";
import { parseCell } from "../units";

/** Default: a headline amount moving more than 30% from last year needs a written reason. */
export const SWING_THRESHOLD = 0.3;

/** The severities of the cross-period rules (recommended preset). */
export const PREVIOUS_SEVERITIES: Readonly<Record<string, Severity>> = {
  "previous-figure-matches": "error",
  "previous-change-percent": "error",
  "previous-swing-explained": "warning",
};

function num(model: ReportModel, ref: CellRef | undefined): number | undefined {
  if (!ref) return undefined;
  const cell = model.snapshot.sheets.find((s) => s.name === ref.sheet)?.cells[ref.address];
  const p = parseCell(cell);
  return p.kind === "number" ? p.value : undefined;
}

const LAST_YEAR = /(?:比|较|与|同)(?:上年|去年|上一年|上年度|同期|\d{4}年度?)|同比/;

/** The fact the prose's subject names in a model: one value (a scalar, or a table's 汇总 row). */
function factFor(model: ReportModel, subject: string): Fact | undefined {
  const m = subject ? matchMoneyLabel(model, subject) : undefined;
  if (!m) return undefined;
  if (m.single) return m.facts[0];
  // A table column: the 汇总/合计 row (or the only row) stands for the whole.
  return m.facts.find((f) => f.rowName !== undefined && /汇总|合计|总计/.test(f.rowName)) ?? (m.facts.length === 1 ? m.facts[0] : undefined);
}

function subjectOf(q: ProseQuantity): string {
  return q.label.replace(/(?:比|较|与)(?:上年|去年|上一年|上年度|\d{4}年度?)(?:相比|同期)?|同比|增加|减少|增长|下降|上升/g, "");
}

/** What a change sentence is about, found in `model`: the first of its quantities whose label names a value. */
function factOfChange(model: ReportModel, ch: ChangeStatement): { fact: Fact; subject: string } | undefined {
  for (const q of [ch.current, ch.previous, ch.delta, ch.percent]) {
    if (!q) continue;
    const subject = subjectOf(q);
    const fact = factFor(model, subject);
    if (fact) return { fact, subject };
  }
  return undefined;
}

function round(x: number, d: number): number {
  const f = Math.pow(10, d);
  return Math.round(x * f) / f;
}

/** The rules that compare a workbook with last year's. */
export function previousYearRules(last: ReportModel, options: { swingThreshold?: number } = {}): Rule[] {
  const threshold = options.swingThreshold ?? SWING_THRESHOLD;

  const figure = defineRule({
    id: "previous-figure-matches",
    meta: {
      type: "problem",
      docs: { description: "本年报表中引用的上年数应等于上年报表中的数。", recommended: true },
      messages: {
        carryover: "{{name}}的上年结转 {{actual}}，但上年报表中其年末累计结余为 {{expected}}。",
        proseBase: "“{{sentence}}”所述上年{{subject}}为 {{actual}}{{unit}}（{{how}}），但上年报表中为 {{expected}}{{unit}}。",
      },
    },
    create(context) {
      return {
        workbook() {
          const model = context.model;
          // Tables: 上年结转 (income) against last year's 累计结余 (expense), institution by institution.
          const income = model.tables.jx_income;
          const lastExpense = last.tables.jx_expense;
          if (income && lastExpense) {
            for (const row of income.rows) {
              const cell = row.cells.carryover;
              const name = String(row.cells.name?.cell?.value ?? "").trim();
              const value = num(model, cell?.ref);
              if (!cell || value === undefined || !name) continue;
              const match = lastExpense.rows.find((r) => normalizeLabel(String(r.cells.name?.cell?.value ?? "")) === normalizeLabel(name) || (row.isSummary && r.isSummary));
              const lastValue = num(last, match?.cells.balanceTotal?.ref);
              if (lastValue === undefined || Math.abs(lastValue - value) <= 0.005 + 1e-9) continue;
              context.report({ at: cell.ref, messageId: "carryover", data: { name, actual: value, expected: lastValue }, field: "jx_income.carryover", expected: lastValue, actual: value });
            }
          }
          // Prose: the base a change sentence implies (current − increase, or the value it went from).
          for (const pc of proseCells(model)) {
            for (const ch of pc.analysis.changes) {
              const q = ch.delta ?? ch.percent;
              if (!LAST_YEAR.test(q.sentence.text)) continue;
              let stated: number | undefined;
              let how: string;
              let unit: string;
              let decimals: number;
              const found = factOfChange(last, ch);
              if (!found) continue;
              const { fact: lastFact, subject } = found;
              if (ch.previous && ch.previous.kind === "money") {
                unit = ch.previous.unit;
                stated = ch.previous.value;
                decimals = ch.previous.decimals;
                how = `“${ch.previous.text}”`;
              } else if (ch.delta && ch.delta.kind === "money") {
                unit = ch.delta.unit;
                const thisFact = factOfChange(model, ch)?.fact;
                const current = ch.current ? valueIn(ch.current, unit) : thisFact ? valueIn({ ...ch.delta, value: thisFact.value, unit: model.moneyUnit }, unit) : undefined;
                if (current === undefined) continue;
                stated = ch.direction === "up" ? current - ch.delta.value : current + ch.delta.value;
                decimals = Math.max(ch.delta.decimals, ch.current?.decimals ?? 2);
                how = `本年 ${formatDecimals(current, decimals)}${unit} ${ch.direction === "up" ? "−" : "+"} ${ch.delta.text}`;
              } else continue;
              const expected = valueIn({ ...q, value: lastFact.value, unit: last.moneyUnit }, unit);
              if (expected === undefined || stated === undefined) continue;
              const tolerance = 0.5 * Math.pow(10, -decimals) * 2 + 1e-9;
              if (Math.abs(stated - expected) <= tolerance) continue;
              context.report({
                at: pc.ref,
                messageId: "proseBase",
                field: pc.field,
                data: { sentence: quoteSentence(q), subject, actual: formatDecimals(stated, decimals), expected: formatDecimals(expected, decimals), unit, how },
                expected: round(expected, decimals),
                actual: round(stated, decimals),
              });
            }
          }
        },
      };
    },
  });

  const percent = defineRule({
    id: "previous-change-percent",
    meta: {
      type: "problem",
      docs: { description: "文字中较上年的变动百分比，应按本年与上年报表的数重新计算。", recommended: true },
      messages: {
        percent: "“{{sentence}}”中的“{{phrase}}”与两年报表不符：本年{{subject}} {{current}}，上年 {{previous}}，变动幅度应为{{expected}}。",
      },
    },
    create(context) {
      return {
        workbook() {
          const model = context.model;
          for (const pc of proseCells(model)) {
            for (const ch of pc.analysis.changes) {
              const p = ch.percent;
              if (!LAST_YEAR.test(p.sentence.text)) continue;
              const here = factOfChange(model, ch);
              const there = factOfChange(last, ch);
              if (!here || !there) continue;
              const { fact: thisFact, subject } = here;
              const lastFact = there.fact;
              const lastValue = valueIn({ ...p, kind: "money", value: lastFact.value, unit: last.moneyUnit }, model.moneyUnit);
              if (lastValue === undefined || lastValue <= 0) continue;
              const change = (thisFact.value - lastValue) / lastValue;
              const signed = ch.direction === "down" ? -p.value / 100 : p.value / 100;
              const half = 0.5 * Math.pow(10, -p.decimals) / 100;
              // Rounding of both years' amounts widens what the written percentage may honestly be.
              const slack = (0.5 * Math.pow(10, -Math.min(thisFact.decimals, lastFact.decimals)) * 2) / lastValue;
              if (Math.abs(signed - change) <= half + slack + 1e-9) continue;
              const decimals = Math.max(p.decimals, 1);
              const expectedText = `${change >= 0 ? "增长" : "下降"}${formatDecimals(Math.abs(change) * 100, decimals)}%`;
              context.report({
                at: pc.ref,
                messageId: "percent",
                field: pc.field,
                data: {
                  sentence: quoteSentence(p),
                  phrase: p.text,
                  subject,
                  current: `${formatDecimals(thisFact.value, thisFact.decimals)}${model.moneyUnit}`,
                  previous: `${formatDecimals(lastValue, lastFact.decimals)}${model.moneyUnit}`,
                  expected: expectedText,
                },
                expected: `${formatDecimals(change * 100, decimals)}%`,
                actual: p.text,
              });
            }
          }
        },
      };
    },
  });

  const swing = defineRule({
    id: "previous-swing-explained",
    meta: {
      type: "suggestion",
      docs: { description: "与上年相比变动较大的主要金额，应在文字中说明原因。", recommended: true },
      messages: {
        swing: "{{label}}由上年 {{previous}} 变为 {{current}}（{{change}}），超过 {{threshold}}，文字中未见说明原因。",
      },
    },
    create(context) {
      return {
        workbook() {
          const model = context.model;
          const prose = proseCells(model).map((c) => c.text);
          const explained = (label: string): boolean =>
            prose.some((t) => t.split(/[。；;！!？?\n]/).some((s) => s.includes(label) && /原因|由于|因为|主要是|系因|因/.test(s)));
          const items: { label: string; aliases: string[]; ref?: CellRef; lastRef?: CellRef; lastModel: ReportModel }[] = [
            { label: "全年预算数", aliases: ["预算"], ref: model.scalars.jx_budget_adjusted?.ref, lastRef: last.scalars.jx_budget_adjusted?.ref, lastModel: last },
            { label: "全年执行数", aliases: ["执行", "支出"], ref: model.scalars.jx_executed?.ref, lastRef: last.scalars.jx_executed?.ref, lastModel: last },
          ];
          const summaryCell = (m: ReportModel, table: "jx_expense" | "jx_sangong", key: string): CellRef | undefined =>
            (m.tables[table]?.rows.find((r) => r.isSummary) ?? (m.tables[table]?.rows.length === 1 ? m.tables[table]?.rows[0] : undefined))?.cells[key]?.ref;
          items.push({ label: "支出合计", aliases: ["支出"], ref: summaryCell(model, "jx_expense", "total"), lastRef: summaryCell(last, "jx_expense", "total"), lastModel: last });
          items.push({ label: "三公经费", aliases: ["三公"], ref: summaryCell(model, "jx_sangong", "total"), lastRef: summaryCell(last, "jx_sangong", "total"), lastModel: last });
          for (const item of items) {
            const current = num(model, item.ref);
            const previous = num(last, item.lastRef);
            if (current === undefined || previous === undefined || previous <= 0 || !item.ref) continue;
            const change = (current - previous) / previous;
            if (Math.abs(change) <= threshold + 1e-12) continue;
            if ([item.label, ...item.aliases].some(explained)) continue;
            context.report({
              at: item.ref,
              messageId: "swing",
              data: {
                label: item.label,
                previous: `${previous}${model.moneyUnit}`,
                current: `${current}${model.moneyUnit}`,
                change: `${change >= 0 ? "增长" : "下降"}${formatDecimals(Math.abs(change) * 100, 1)}%`,
                threshold: `${formatDecimals(threshold * 100, 0)}%`,
              },
              expected: `≤${formatDecimals(threshold * 100, 0)}%`,
              actual: `${formatDecimals(change * 100, 1)}%`,
            });
          }
        },
      };
    },
  });

  return [figure, percent, swing] as Rule[];
}

/** Last year's 评价年度, for messages. */
export function yearOf(model: ReportModel): number | undefined {
  const field = scalarField("jx_report_year");
  const v = model.scalars[field.id]?.cell?.value;
  const m = /(19|20)\d\d/.exec(String(v ?? ""));
  return m ? Number(m[0]) : undefined;
}
