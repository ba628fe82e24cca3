import fc from "fast-check";
import { normalizeLabel } from "../../src/core/schema/fields";
import { labelKey } from "../../src/core/forms/read";

/** normalizeLabel as first written: every regex pass applied in turn (the reference the fast one must equal). */
function referenceNormalize(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/\s+/g, "")
    .replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]/, "")
    .replace(/[:：]$/, "")
    .toLowerCase();
}

/** labelKey as first written. */
function referenceKey(text: string): string {
  let k = referenceNormalize(text).replace(/[(（][^)）]*[)）]/g, "");
  k = k.replace(/^按[^:：]{1,8}[:：]/, "");
  if (k.startsWith("其中")) k = referenceNormalize(k.slice(2).replace(/^[:：,，、]/, ""));
  return k.replace(/[:：]+$/, "");
}

// Characters that each pass reacts to, and some it must leave alone (Latin capitals, Greek, roman
// numerals, circled letters: they change only by toLowerCase).
const ALPHABET = [..."aZ09 \t\n\u00a0\u2003\u3000\ufeff:：()（）、.．,，一二十三按其中合计收入（万元）ＡＺａ０９：，ÀΣⅠⒶİß项目名称-—%％"];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 14 }).map((cs) => cs.join(""));

describe("label normalisation (the fast scan equals the regex passes)", () => {
  test("normalizeLabel on mixed full-width, spaces, numbering, colons and cased letters", () => {
    fc.assert(fc.property(text, (t) => normalizeLabel(t) === referenceNormalize(t)), { numRuns: 20000 });
  });

  test("labelKey likewise", () => {
    fc.assert(fc.property(text, (t) => labelKey(t) === referenceKey(t)), { numRuns: 20000 });
  });

  test("on any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 12 }), (t) => normalizeLabel(t) === referenceNormalize(t) && labelKey(t) === referenceKey(t)), { numRuns: 3000 });
  });

  test("every UTF-16 code unit, alone and between label characters", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `合计${ch}`, `${ch}1、收入：`]) if (normalizeLabel(t) !== referenceNormalize(t)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test.each([
    ["（一）收入合计（万元）：", "收入合计(万元)", "收入合计"],
    ["1、 项目名称：", "项目名称", "项目名称"],
    ["其中：人员经费", "其中:人员经费", "人员经费"],
    ["按收入性质分：一般公共预算财政拨款", "按收入性质分:一般公共预算财政拨款", "一般公共预算财政拨款"],
    ["ＡＢＣ　Ｄ", "abcd", "abcd"],
    ["Ⅰ类", "ⅰ类", "ⅰ类"],
  ])("%s → %s / %s", (raw, norm, key) => {
    expect(normalizeLabel(raw)).toBe(norm);
    expect(labelKey(raw)).toBe(key);
  });
});
