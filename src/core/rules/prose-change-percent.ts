/**
 * prose-change-percent — "比上年增加X万元，增长Y%": Y must be X over the base (the current value minus
 * the increase, plus the decrease). The current value is taken from the same sentence or the one before
 * ("收入848.74万元。与2019年相比，收入减少4848.68万元，减少85.1%"), else from the table when the subject
 * names one field; "由A增加到B，增长Y%" is (B−A)÷A.
 */
import { defineRule } from "../engine/types";
import type { ProseQuantity } from "../narrative/extract";
import { valueIn } from "../narrative/extract";
import { ADJUSTMENT, amountMatches, budgetAdjustment, matchMoneyLabel, proseCells } from "../narrative/prose-cells";
import { formatDecimals, quoteSentence, replacePhrase } from "../narrative/phrase";
import { divide, mid, percentAgrees, rangeOf, type Range } from "../narrative/ratios";
import type { DeclaredRate, ReportModel } from "../model/report-model";
import { readMoney, refKey, type Figure } from "../relations/footing";
import { settledFigure } from "../relations/cause";
import { correctedFigure } from "../relations/unit-mistakes";
import { formatRef } from "../model/address";

/** A comparison with last year (比上年, 较上年, 同比, 与上年相比): the percentage is a year-on-year change. */
const YEAR_ON_YEAR = /(?:比|较|与)(?:上年|去年|上一年度?|上年度)(?:相比|同期)?|同比/;

/**
 * The rate a form declares on the row whose stated amount is `cell` (a 决算变动表's 增减率 = 增减额 ÷
 * 上年决算数 on the line of 本年决算数): found through the row relation that ties the amount to the rate's
 * numerator and denominator (本年 = 上年 + 增减额).
 */
function rowChangeRate(model: ReportModel, cell: string): DeclaredRate | undefined {
  for (const r of model.rates ?? []) {
    const num = refKey(r.numerator.cell.ref);
    const den = refKey(r.denominator.cell.ref);
    const tied = (model.relations ?? []).some((s) => refKey(s.target.cell.ref) === cell && s.terms.some((t) => refKey(t.cell.ref) === num) && s.terms.some((t) => refKey(t.cell.ref) === den));
    if (tied) return r;
  }
  return undefined;
}

/** A declared cell as a figure, corrected for a 元/万元 slip or a relation that blames it. */
function settledMoney(model: ReportModel, c: DeclaredRate["numerator"]): Figure | undefined {
  const raw = readMoney(c.cell, c.field, model.moneyUnit);
  return raw && !raw.blank ? settledFigure(model, correctedFigure(model, raw)) : undefined;
}

/** Message ids of prose-change-percent. */
export type MessageId = "percentMismatch" | "impossibleDecrease" | "tableChangeMismatch";

/** Percentage changes must equal the change over its base. */
export const proseChangePercent = defineRule<MessageId>({
  id: "prose-change-percent",
  meta: {
    type: "problem",
    docs: { description: "文字中的增减百分比应等于变动额除以上年基数。", recommended: true },
    messages: {
      "percentMismatch": "“{{sentence}}”中的“{{phrase}}”有误：变动{{delta}}，基数{{base}}，变动幅度应为{{expected}}。",
      "impossibleDecrease": "“{{sentence}}”中的“{{phrase}}”不可能：减少幅度不能超过100%（减少100%即减为零），请核对百分比。",
      "tableChangeMismatch": "“{{sentence}}”中的“{{phrase}}”与表中“{{row}}”不符：{{numName}} {{delta}} ÷ {{denName}} {{base}}（{{cell}}）为{{expected}}。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        for (const pc of proseCells(model)) {
          const judged = new Set<ProseQuantity>();
          for (const ch of pc.analysis.changes) {
            let delta: Range | undefined;
            let base: Range | undefined;
            let point: number | undefined;
            let deltaText: string;
            let unit: string;
            if (ch.delta && ch.base) {
              // 比年初预算增长Z%: the change over the base the text names.
              const d = ch.delta;
              unit = d.unit;
              delta = rangeOf(d);
              base = rangeOf(ch.base, unit);
              const b = valueIn(ch.base, unit);
              if (!delta || !base || b === undefined) continue;
              // 追加49.17万元 where the tables give 78.88, with the percentage right for 78.88: the amount is
              // prose-amount-matches-table's finding, not the percentage.
              const adj = ADJUSTMENT.test(d.rawLabel) && d.kind === "money" ? budgetAdjustment(model, pc.ref.sheet) : undefined;
              if (adj && !amountMatches(d, model.moneyUnit, adj.fact)) {
                const a = valueIn({ ...d, value: adj.fact.value, unit: model.moneyUnit }, unit);
                const h = 0.5 * Math.pow(10, -adj.fact.decimals) * (valueIn({ ...d, value: 1, unit: model.moneyUnit }, unit) ?? 1);
                const r = a !== undefined ? divide([a - h, a + h], base) : undefined;
                if (r && percentAgrees(ch.percent, r)) continue;
              }
              point = d.value / b;
              deltaText = d.text;
            } else if (ch.delta) {
              const d = ch.delta;
              unit = d.unit;
              delta = rangeOf(d);
              let current: Range | undefined = ch.current ? rangeOf(ch.current, unit) : undefined;
              if (!current && d.kind === "money") {
                // No current value in the text: the subject may name one table value (基本支出 → 汇总).
                const subject = d.label.replace(/(?:比|较|与)(?:上年|去年|\d{4}年度?)(?:相比|同期)?|同比/g, "");
                const m = subject ? matchMoneyLabel(model, subject, pc.ref.sheet) : undefined;
                const f = m?.single ? m.facts[0] : undefined;
                const v = f ? valueIn({ ...d, value: f.value, unit: model.moneyUnit }, unit) : undefined;
                if (f && v !== undefined) {
                  const h = 0.5 * Math.pow(10, -f.decimals) * ((valueIn({ ...d, value: 1, unit: model.moneyUnit }, unit) ?? 1));
                  current = [v - h, v + h];
                }
              }
              if (!delta || !current) continue;
              base = ch.direction === "up" ? [current[0] - delta[1], current[1] - delta[0]] : [current[0] + delta[0], current[1] + delta[1]];
              const c = mid(current);
              point = d.value / (ch.direction === "up" ? c - d.value : c + d.value);
              deltaText = d.text;
            } else if (ch.current && ch.previous) {
              unit = ch.current.unit;
              const cur = rangeOf(ch.current, unit);
              const prev = rangeOf(ch.previous, unit);
              if (!cur || !prev) continue;
              base = prev;
              delta = ch.direction === "up" ? [cur[0] - prev[1], cur[1] - prev[0]] : [prev[0] - cur[1], prev[1] - cur[0]];
              const cv = ch.current.value;
              const pv = valueIn(ch.previous, unit) ?? ch.previous.value;
              point = Math.abs(cv - pv) / pv;
              deltaText = `${formatDecimals(Math.abs(cv - pv), Math.max(ch.current.decimals, ch.previous.decimals))}${unit}`;
            } else continue;
            if (base[0] <= 0 || delta[0] < 0) continue;
            judged.add(ch.percent);
            const ratio = divide(delta, base);
            if (!ratio || percentAgrees(ch.percent, ratio)) continue;
            const p: ProseQuantity = ch.percent;
            const decimals = Math.max(p.decimals, 1);
            const expectedText = `${formatDecimals((point ?? mid(ratio)) * 100, decimals)}%`;
            const baseText = ch.base ? ch.base.text : `${formatDecimals(mid(base), Math.max(ch.delta?.decimals ?? 2, ch.current?.decimals ?? 0))}${unit}`;
            context.report({
              at: pc.ref,
              messageId: "percentMismatch",
              field: pc.field,
              data: { sentence: quoteSentence(p), phrase: p.text, delta: deltaText, base: baseText, expected: expectedText },
              expected: expectedText,
              actual: p.text,
              suggestions: [{ description: `把“${p.text}”改为“${expectedText}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, p, expectedText) }] }],
            });
          }
          // “支出比预算减少Y%” beside 预算资金X万元 and 实际支出Z万元 in the same sentence: Y is |Z − X| ÷ X.
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "percent" || !q.direction || q.changeTo || judged.has(q)) continue;
            const named = /^(.{1,8}?)(?:比|较)(.{1,8})$/.exec(q.label);
            if (!named || /上年|去年|同期|上一年|\d{4}年/.test(named[2])) continue;
            const before = pc.analysis.quantities.filter((x) => x.sentence.index === q.sentence.index && x.start < q.start && x.kind === "money" && !x.direction && !x.changeTo);
            const cur = before.filter((x) => x.label.includes(named[1]) && !x.label.includes(named[2]));
            const base = before.filter((x) => x.label.includes(named[2]) && !x.label.includes(named[1]));
            if (cur.length !== 1 || base.length !== 1) continue;
            const unit = base[0].unit;
            const c = rangeOf(cur[0], unit);
            const b = rangeOf(base[0], unit);
            if (!c || !b || b[0] <= 0) continue;
            judged.add(q);
            const up = q.direction === "up";
            const delta: Range = up ? [c[0] - b[1], c[1] - b[0]] : [b[0] - c[1], b[1] - c[0]];
            const ratio = delta[1] < 0 ? undefined : divide([Math.max(0, delta[0]), delta[1]], b);
            if (ratio && percentAgrees(q, ratio)) continue;
            const cv = valueIn(cur[0], unit) ?? cur[0].value;
            const bv = valueIn(base[0], unit) ?? base[0].value;
            const decimals = Math.max(q.decimals, 1);
            const expectedText = `${formatDecimals((Math.abs(cv - bv) / bv) * 100, decimals)}%`;
            context.report({
              at: pc.ref,
              messageId: "percentMismatch",
              field: pc.field,
              data: { sentence: quoteSentence(q), phrase: q.text, delta: `${formatDecimals(Math.abs(cv - bv), Math.max(cur[0].decimals, base[0].decimals))}${unit}`, base: base[0].text, expected: expectedText },
              expected: expectedText,
              actual: q.text,
              suggestions: [{ description: `把“${q.text}”改为“${expectedText}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, expectedText) }] }],
            });
          }
          // “基本支出655.18万元，比上年增长6.99%” with no change amount in the text: the amount is a line of a
          // table that declares each line's change rate (决算变动表: 增减率 = 增减额 ÷ 上年决算数), and the
          // percentage must be that line's change, computed from its amounts.
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "percent" || !q.direction || q.changeTo || judged.has(q) || !YEAR_ON_YEAR.test(q.label + q.rawLabel)) continue;
            const before = pc.analysis.quantities.filter((x) => x.sentence.index === q.sentence.index && x.end <= q.start);
            const last = before[before.length - 1];
            if (!last || last.kind !== "money" || last.direction || last.changeTo || last.approx) continue;
            const match = matchMoneyLabel(model, last.label, pc.ref.sheet);
            const stated = match?.single ? match.facts[0] : undefined;
            if (!stated || !amountMatches(last, model.moneyUnit, stated)) continue;
            const r = rowChangeRate(model, refKey(stated.ref));
            const num = r && settledMoney(model, r.numerator);
            const den = r && settledMoney(model, r.denominator);
            if (!r || !num || !den || !(den.value > 0)) continue;
            judged.add(q);
            const h = (f: Figure): number => (Number.isFinite(f.decimals) ? 0.5 * Math.pow(10, -f.decimals) : 0);
            const signed = q.direction === "up" ? 1 : -1;
            const d: Range = [signed * num.value - h(num), signed * num.value + h(num)];
            const ratio = d[1] < 0 ? undefined : divide([Math.max(0, d[0]), d[1]], [den.value - h(den), den.value + h(den)]);
            if (ratio && percentAgrees(q, ratio)) continue;
            const point = num.value / den.value;
            const decimals = Math.max(q.decimals, 1);
            const expectedText = `${point >= 0 ? "增长" : "减少"}${formatDecimals(Math.abs(point) * 100, decimals)}%`;
            const hd = r.headers ?? { rate: "增减率", numerator: "增减额", denominator: "上年决算数" };
            context.report({
              at: pc.ref,
              messageId: "tableChangeMismatch",
              field: pc.field,
              data: {
                sentence: quoteSentence(q),
                phrase: q.text,
                row: r.where.trim(),
                numName: hd.numerator,
                delta: formatDecimals(num.value, Math.max(0, Number.isFinite(num.decimals) ? num.decimals : 2)),
                denName: hd.denominator,
                base: formatDecimals(den.value, Math.max(0, Number.isFinite(den.decimals) ? den.decimals : 2)),
                cell: formatRef(r.rate.cell.ref),
                expected: expectedText,
              },
              expected: expectedText,
              actual: q.text,
            });
          }
          // 减少117.38% with nothing to measure it against: a fall of more than the whole is impossible.
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "percent" || q.direction !== "down" || q.changeTo || judged.has(q) || !(q.value > 100)) continue;
            context.report({
              at: pc.ref,
              messageId: "impossibleDecrease",
              field: pc.field,
              data: { sentence: quoteSentence(q), phrase: q.text },
              actual: q.text,
            });
          }
        }
      },
    };
  },
});

export default proseChangePercent;
