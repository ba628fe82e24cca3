/**
 * prose-unit-matches-table — an amount the text restates from a 万元 table should be written in 万元: the
 * value "2151100元" beside a 全年执行数 of 215.11 万元 is right, so this is no contradiction (that is
 * prose-amount-matches-table's), but a reader comparing text and table must convert, and a 元 figure among
 * 万元 ones is how a real ×10000 slip ("346.77元") hides. A warning, with a safe fix that rewrites the phrase
 * in the table's unit.
 */
import { defineRule } from "../engine/types";
import { formatRef } from "../model/address";
import { amountMatches, itemBefore, matchMoneyLabel, proseCells } from "../narrative/prose-cells";
import { replacePhrase } from "../narrative/phrase";
import { formatNumber } from "../units";

/** Message ids of prose-unit-matches-table. */
export type MessageId = "unitDiffers";

/** Amounts restated from the tables should use the tables' money unit. */
export const proseUnitMatchesTable = defineRule<MessageId>({
  id: "prose-unit-matches-table",
  meta: {
    type: "suggestion",
    docs: { description: "文字中引用表中金额时，宜使用与表格相同的金额单位（表格以万元计时不写作元）。", recommended: true },
    messages: {
      "unitDiffers": "文字“{{phrase}}”即表中{{label}}{{tableValue}}（{{cell}}），数值无误，但表格以{{unit}}为单位；宜写作“{{expected}}”，与表格一致，便于核对。",
    },
    fixable: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const unit = model.moneyUnit;
        // Only 元 in a 万元 workbook: 亿元 for large sums and 万元 beside a 元 table are how prose is written.
        if (unit !== "万元") return;
        for (const pc of proseCells(model)) {
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "money" || q.unit !== "元" || q.approx || q.direction || q.changeTo || q.comparator) continue;
            const match = matchMoneyLabel(model, q.label, pc.ref.sheet, pc.text.slice(q.sentence.start, q.start), itemBefore(pc.text, q.sentence.start));
            const f = match?.facts.find((x) => amountMatches(q, unit, x));
            // A table kept in 元 (`三公经费合计（元）`) is quoted in 元 rightly.
            if (!match || !f || f.ownUnit === q.unit) continue;
            const shown = formatNumber(f.value, f.decimals, { unit });
            context.report({
              at: pc.ref,
              messageId: "unitDiffers",
              field: pc.field,
              data: { phrase: q.text, label: match.entry.name, tableValue: shown, cell: formatRef(f.ref), unit, expected: shown },
              expected: shown,
              actual: q.text,
              fix: { description: `把“${q.text}”改为“${shown}”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, shown) }] },
            });
          }
        }
      },
    };
  },
});

export default proseUnitMatchesTable;
