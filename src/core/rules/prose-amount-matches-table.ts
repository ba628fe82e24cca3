/**
 * prose-amount-matches-table — an amount in the text whose label names a table column or a money field
 * (基本支出, 支出合计, 全年预算, 全年执行) must agree with the workbook. "346.77元" beside a 基本支出 of
 * 346.77 万元 is a unit slip with a safe fix (rewrite the phrase); a different value for a named row or a
 * scalar is a mismatch.
 */
import { defineRule } from "../engine/types";
import { formatRef } from "../model/address";
import { ADJUSTMENT, LEFT_OVER, amountMatches, budgetAdjustment, itemBefore, itemNamesPart, leftOver, matchMoneyLabel, narrowerSubject, otherYear, overallFact, proseCells, reportYear } from "../narrative/prose-cells";
import { normalizeLabel } from "../schema/fields";
import type { ProseQuantity } from "../narrative/extract";
import { replacePhrase } from "../narrative/phrase";
import { formatNumber, writtenDecimals } from "../units";
import type { Fact } from "../narrative/prose-cells";
import { extend } from "./lib/extend";

/** Message ids of prose-amount-matches-table. */
export type MessageId = "unitMistake" | "valueMismatch" | "adjustmentMismatch" | "inFullMismatch" | "leftOverMismatch";

/** After an amount, words saying it was received in full: 已全额到位, 全部到位, 足额拨付到位. */
const IN_FULL_AFTER = /^\s*(?:已经?|均已|均)?(?:全额|全部|足额|全数)(?:拨付|下达)?到位/;
/** The form's funds as a whole, as a label before such an amount (资金, 2021年资金, 项目资金, 本项目预算资金). */
const WHOLE_FUNDS = /^(?:(?:19|20)\d{2}年度?)?(?:本年度?|当年度?|全年|年度|该|本|此)?(?:项目|部门)?(?:资金|预算资金|项目资金|经费|财政资金|专项资金|预算)?(?:共计|合计|总额|共)?$/;

/** A column's word alone (执行436.90万元, 余15.42万元) after an amount that named a project's row. */
const CARRIED_WORDS: Readonly<Record<string, string>> = { 支出: "支出", 执行: "执行", 执行数: "执行数", 实际支出: "实际支出", 结余: "结余", 结转: "结转", 结转结余: "结转结余", 余: "结余" };

/**
 * “公共卫生服务类项目预算447.00万元，执行436.90万元”, “某补助资金预算28万元，支出12.58万元，余15.42万元”: a bare
 * column word after an amount of the same sentence that named a row of the project list states that row's
 * figure of the column.
 */
function carriedRow(qs: readonly ProseQuantity[], q: ProseQuantity, match: (label: string) => ReturnType<typeof matchMoneyLabel>): ReturnType<typeof matchMoneyLabel> {
  const word = CARRIED_WORDS[normalizeLabel(q.label)];
  if (!word) return undefined;
  const prev = [...qs].reverse().find((x) => x.kind === "money" && x.sentence.index === q.sentence.index && x.end <= q.start && !x.direction && !x.changeTo);
  if (!prev) return undefined;
  const m = match(prev.label);
  if (!m || !m.single || !m.entry.field.startsWith("jx_projects.") || !m.facts[0].rowName) return undefined;
  return match(`${m.facts[0].rowName}${word}`);
}

/** Amounts named in prose must match the tables. */
export const proseAmountMatchesTable = defineRule<MessageId>({
  id: "prose-amount-matches-table",
  meta: {
    type: "problem",
    docs: { description: "文字中写明名目的金额应与表中对应数据一致（数值和单位）。", recommended: true },
    messages: {
      "unitMistake": "文字“{{phrase}}”的单位有误：{{label}}在表中为{{tableValue}}（{{cell}}），应写作“{{expected}}”。",
      "valueMismatch": "文字“{{phrase}}”与表中{{label}}{{tableValue}}（{{cell}}）不一致，请核对。",
      "adjustmentMismatch": "文字“{{phrase}}”与表中全年预算数{{adjusted}}（{{adjustedCell}}）减年初预算数{{initial}}（{{initialCell}}）之差{{expected}}不一致，请核对。",
      "inFullMismatch": "文字写“{{phrase}}”全额到位，但表中全年预算数为{{budget}}（{{cell}}），全额到位的资金应与之相等，请核对。",
      "leftOverMismatch": "文字“{{phrase}}”与表中全年预算数{{budget}}（{{budgetCell}}）减全年执行数{{executed}}（{{executedCell}}）之差{{expected}}不一致，请核对。",
    },
    fixable: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const unit = model.moneyUnit;
        const year = reportYear(model);
        const show = (v: number, d: number): string => formatNumber(v, d, { unit });
        // A figure of a table in 元 read in 万元 keeps six decimals for the comparison: shown as it reads (88.571).
        const showFact = (f: Fact): string => show(f.value, f.ownUnit ? Math.min(f.decimals, Math.max(2, writtenDecimals(f.value))) : f.decimals);
        for (const pc of proseCells(model)) {
          for (const q of pc.analysis.quantities) {
            if (q.kind === "money" && q.direction === "up" && !q.approx && !q.changeTo && ADJUSTMENT.test(q.rawLabel)) {
              // 追加78.88万元: the budget increase is 全年预算数 − 年初预算数.
              const adj = /预算/.test(q.sentence.text) && !otherYear(pc.text, q) ? budgetAdjustment(model, pc.ref.sheet) : undefined;
              if (adj && !amountMatches(q, unit, adj.fact)) {
                const expected = show(adj.fact.value, adj.fact.decimals);
                context.report({
                  at: pc.ref,
                  messageId: "adjustmentMismatch",
                  field: pc.field,
                  data: {
                    phrase: q.text,
                    adjusted: show(adj.adjusted.value, adj.adjusted.decimals),
                    adjustedCell: formatRef(adj.adjusted.ref),
                    initial: show(adj.initial.value, adj.initial.decimals),
                    initialCell: formatRef(adj.initial.ref),
                    expected,
                  },
                  expected,
                  actual: q.text,
                });
              }
              continue;
            }
            if (q.kind !== "money" || q.approx || q.direction || q.changeTo || q.comparator) continue;
            const before = pc.text.slice(q.sentence.start, q.start);
            const match =
              matchMoneyLabel(model, q.label, pc.ref.sheet, before, itemBefore(pc.text, q.sentence.start)) ?? carriedRow(pc.analysis.quantities, q, (l) => matchMoneyLabel(model, l, pc.ref.sheet));
            if (!match && LEFT_OVER.test(normalizeLabel(q.label)) && !narrowerSubject(before) && !itemNamesPart(model, itemBefore(pc.text, q.sentence.start) + before, before) && !otherYear(pc.text, q)) {
              // 结余资金74.40万元: what the form did not spend, 全年预算数 − 全年执行数.
              const left = leftOver(model, pc.ref.sheet);
              if (left && !amountMatches(q, unit, left.fact)) {
                const expected = show(left.fact.value, left.fact.decimals);
                context.report({
                  at: pc.ref,
                  messageId: "leftOverMismatch",
                  field: pc.field,
                  data: { phrase: q.text, budget: show(left.budget.value, left.budget.decimals), budgetCell: formatRef(left.budget.ref), executed: show(left.executed.value, left.executed.decimals), executedCell: formatRef(left.executed.ref), expected },
                  expected,
                  actual: q.text,
                });
              }
              continue;
            }
            if (!match) {
              // 资金215.11万元已全额到位: the funds received in full are the form's 全年预算数.
              if (!IN_FULL_AFTER.test(pc.text.slice(q.end, q.end + 12)) || !WHOLE_FUNDS.test(normalizeLabel(q.label))) continue;
              if (narrowerSubject(before) || itemNamesPart(model, itemBefore(pc.text, q.sentence.start) + before, before) || otherYear(pc.text, q)) continue;
              // A year named before the amount must be the report's (unknown: not judged).
              if (pc.analysis.quantities.some((y) => y.kind === "year" && y.sentence.index === q.sentence.index && y.start < q.start && y.value !== year)) continue;
              const b = overallFact(model, "budget", pc.ref.sheet);
              if (!b || b.suspect || amountMatches(q, unit, b)) continue;
              context.report({
                at: pc.ref,
                messageId: "inFullMismatch",
                field: pc.field,
                data: { phrase: q.text, budget: show(b.value, b.decimals), cell: formatRef(b.ref) },
                expected: show(b.value, b.decimals),
                actual: q.text,
              });
              continue;
            }
            if (match.facts.some((f) => amountMatches(q, unit, f))) continue;
            const sameDigits = q.unit !== unit ? match.facts.find((f) => amountMatches(extend(q, { unit }), unit, f)) : undefined;
            if (sameDigits) {
              const expected = `${q.numberText}${unit}`;
              context.report({
                at: pc.ref,
                messageId: "unitMistake",
                field: pc.field,
                data: { phrase: q.text, label: match.entry.name, tableValue: show(sameDigits.value, sameDigits.decimals), cell: formatRef(sameDigits.ref), expected },
                expected,
                actual: q.text,
                fix: { description: `把“${q.text}”改为“${expected}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, expected) }] },
              });
              continue;
            }
            if (!match.single) continue;
            // Another year's figure (上年全年预算…, 2020年全年预算… in a 2021 report) is not this table's.
            if (otherYear(pc.text, q)) continue;
            if (year !== undefined && pc.analysis.quantities.some((y) => y.kind === "year" && y.sentence.index === q.sentence.index && y.start < q.start && y.value !== year)) continue;
            const f = match.facts[0];
            context.report({
              at: pc.ref,
              messageId: "valueMismatch",
              field: pc.field,
              data: { phrase: q.text, label: match.entry.name, tableValue: showFact(f), cell: formatRef(f.ref) },
              expected: showFact(f),
              actual: q.text,
            });
          }
        }
      },
    };
  },
});

export default proseAmountMatchesTable;
