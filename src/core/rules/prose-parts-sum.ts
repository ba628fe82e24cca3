/**
 * prose-parts-sum — a whole and the parts the text lists for it ("X万元，其中：A a万元、B b万元";
 * "X万元。（A a万元、B b万元）") must add up, judged with the rounding of each written number. A list that
 * says it is incomplete (等, approximate parts) is only wrong when its parts exceed the whole.
 */
import { defineRule } from "../engine/types";
import { halfWidth, valueIn } from "../narrative/extract";
import { proseCells } from "../narrative/prose-cells";
import { formatDecimals } from "../narrative/phrase";

/** Message ids of prose-parts-sum. */
export type MessageId = "sumMismatch" | "unitMismatch";

/** Parts listed in prose must add up to their whole. */
export const prosePartsSum = defineRule<MessageId>({
  id: "prose-parts-sum",
  meta: {
    type: "problem",
    docs: { description: "文字中列出的各组成部分之和应等于其总数。", recommended: true },
    defaultOptions: { counts: false },
    messages: {
      "sumMismatch": "文字中“{{whole}}”的各部分（{{parts}}）之和为{{sum}}，与总数不符。",
      "unitMismatch": "文字中“{{whole}}”与其各部分（{{parts}}）的单位不一致：各部分之和为{{sum}}。",
    },
  },
  create(context) {
    return {
      workbook() {
        // Counts are often overlapping categories (查处585家，其中通报60家、约谈314家…): off by default.
        const counts = context.options.counts === true;
        for (const pc of proseCells(context.model)) {
          for (const list of pc.analysis.partLists) {
            const { whole } = list;
            if (whole.kind !== "money" && !counts) continue;
            // Parts are the whole's own sentence's: an amount of a later sentence (追回医保基金105.16万元
            // after 资助金额120.27万元。) is another matter.
            const parts = list.marker === "其中" ? list.parts.filter((p) => p.sentence.index === whole.sentence.index && !/[。\n]|(?:^|[^\d.])\d+[、．.](?!\d)/.test(pc.text.slice(whole.end, p.start))) : list.parts;
            if (parts.length < 2 || (parts.length < list.parts.length && parts.reduce((a, p) => a + (valueIn(p, whole.unit) ?? 0), 0) < whole.value)) continue;
            const u = whole.unit;
            const values = parts.map((p) => valueIn(p, u));
            if (values.some((v) => v === undefined)) continue;
            const sum = (values as number[]).reduce((a, b) => a + b, 0);
            const tol = parts.reduce((a, p) => a + halfWidth(p, u), 0) + halfWidth(whole) + 1e-9 * Math.max(1, Math.abs(sum));
            if (Math.abs(sum - whole.value) <= tol) continue;
            // The list ended earlier than the extraction thought (其中A，B；现场检查…，追回C): the first parts
            // already make the whole.
            let prefix = 0;
            let prefixTol = halfWidth(whole) + 1e-9;
            const closes = (values as number[]).some((v, i) => {
              prefix += v;
              prefixTol += halfWidth(parts[i], u);
              return i >= 1 && i < values.length - 1 && Math.abs(prefix - whole.value) <= prefixTol;
            });
            if (closes) continue;
            if (list.partial && sum < whole.value) continue;
            const partUnit = parts.every((p) => p.unit === parts[0].unit) ? parts[0].unit : u;
            const decimals = Math.max(...parts.map((p) => p.decimals));
            const digitSum = parts.reduce((a, p) => a + (valueIn(p, partUnit) ?? 0), 0);
            const sumText = `${formatDecimals(digitSum, decimals)}${partUnit}`;
            const digitsAgree = partUnit !== u && Math.abs(digitSum - whole.value) <= parts.reduce((a, p) => a + halfWidth(p), 0) + halfWidth(whole) + 1e-9;
            const data = { whole: whole.text, parts: parts.map((p) => p.text).join("、"), sum: sumText };
            context.report({
              at: pc.ref,
              messageId: digitsAgree ? "unitMismatch" : "sumMismatch",
              field: pc.field,
              data,
              expected: sumText,
              actual: whole.text,
            });
          }
        }
      },
    };
  },
});

export default prosePartsSum;
