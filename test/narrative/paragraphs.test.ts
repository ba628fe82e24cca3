/** Paragraphs written over several cells (narrative/paragraphs.ts): wrapped by hand, numbered in the cell to the left, a small table's rows. */
import { paragraphsOf, partWrite, tableRowSentences } from "../../src/core/narrative/paragraphs";
import type { SheetSnapshot } from "../../src/core/model/snapshot";

const sheet = (cells: Record<string, string>): SheetSnapshot => ({ name: "综述", cells: Object.fromEntries(Object.entries(cells).map(([a, v]) => [a, { value: v }])), merges: [] });

describe("paragraphsOf", () => {
  test("a row that opens with the unit of the row above's last amount continues it", () => {
    const p = paragraphsOf(sheet({ A3: "二、预算执行情况。全年预算1711.75", A4: "万元，全年执行1707.31万元。", A5: "三、自评结论。" }));
    expect(p.heads.get("A3")?.text).toBe("二、预算执行情况。全年预算1711.75万元，全年执行1707.31万元。");
    expect([...p.tails]).toEqual(["A4"]);
  });

  test("a row under a finished sentence, or one that opens with words, is a paragraph of its own", () => {
    const p = paragraphsOf(sheet({ A3: "全年预算1711.75万元。", A4: "万元以上的项目3个。", A5: "一、部门基本情况", A6: "区医疗保障局负责全区医疗保障工作。" }));
    expect(p.heads.size).toBe(0);
    expect(p.tails.size).toBe(0);
  });

  test("a row that opens with a word beginning like a unit (项目支出, 个别) does not continue a heading", () => {
    const p = paragraphsOf(sheet({ A3: "（二）支出情况", A4: "项目支出406.57万元，占47.9%。", A5: "三、存在的问题", A6: "个别项目资金到位晚，支出进度慢。" }));
    expect(p.heads.size).toBe(0);
  });

  test("a report typed one sentence per row: a sentence comparing the one above with another year goes on from it", () => {
    const p = paragraphsOf(sheet({ A3: "2020年度收入848.74万元、支出总计848.75万元。", A4: "与2019年相比，收入减少4848.68万元，减少85.1%。", A5: "比上年增长3%的是参保人数。", A6: "全年执行1707.31万元。" }));
    expect(p.heads.get("A3")?.text).toBe("2020年度收入848.74万元、支出总计848.75万元。与2019年相比，收入减少4848.68万元，减少85.1%。比上年增长3%的是参保人数。");
    expect([...p.tails]).toEqual(["A4", "A5"]);
    // Beside other cells on its row (a table's row), a finished sentence is not continued.
    expect(paragraphsOf(sheet({ A3: "收入848.74万元。", B3: "848.74", A4: "与2019年相比，收入减少4848.68万元。" })).heads.size).toBe(0);
  });

  test("a section number alone in the cell to the left opens the text", () => {
    const p = paragraphsOf(sheet({ A11: "3.", B11: "上级转移支付预算53.00万元，支出34.08万元。", A12: "4", B12: "其他经费预算1.00万元。" }));
    expect(p.heads.get("B11")?.text).toBe("3.上级转移支付预算53.00万元，支出34.08万元。");
    expect(p.heads.get("B12")?.text).toBe("4、其他经费预算1.00万元。");
  });
});

describe("partWrite", () => {
  const p = paragraphsOf(sheet({ A3: "全年预算1711.75", A4: "万元，全年执行1707.31万元。" })).heads.get("A3")!;

  test("a change inside one cell is that cell's write", () => {
    expect(partWrite(p, p.text.replace("1707.31", "1707.13"))).toEqual({ at: { sheet: "综述", address: "A4" }, value: "万元，全年执行1707.13万元。" });
    expect(partWrite(p, p.text.replace("1711.75", "1711.57"))).toEqual({ at: { sheet: "综述", address: "A3" }, value: "全年预算1711.57" });
  });

  test("a change across two cells has no write", () => {
    expect(partWrite(p, p.text.replace("1711.75万元", "1711.57元"))).toBeUndefined();
  });
});

describe("tableRowSentences", () => {
  const s: SheetSnapshot = {
    name: "自评报告",
    merges: [],
    cells: {
      A5: { value: "表1 收支预算执行情况" },
      A6: { value: "项目" },
      B6: { value: "预算数（万元）" },
      C6: { value: "执行数（万元）" },
      D6: { value: "执行率" },
      A7: { value: "合计" },
      B7: { value: 1711.75, numberFormat: "0.00" },
      C7: { value: 1707.31, numberFormat: "0.00" },
      D7: { value: 0.9974, numberFormat: "0.00%" },
      A8: { value: "其中：项目支出" },
      B8: { value: 1603.45, numberFormat: "0.00" },
    },
  };

  test("each row of a report's small table is the sentence it states, its figures on their own cells", () => {
    const rows = tableRowSentences(s, ["B7", "C7", "D7", "B8"], "万元");
    expect(rows.map((r) => r.paragraph.text)).toEqual(["预算数1711.75万元，执行数1707.31万元，执行率99.74%。", "其中：项目支出预算数1603.45万元。"]);
    expect(rows[0].paragraph.parts.map((p) => p.ref.address)).toEqual(["A7", "B7", "C7", "D7"]);
  });

  test("no fix writes words into a number cell", () => {
    const p = tableRowSentences(s, ["B7", "C7", "D7"], "万元")[0].paragraph;
    expect(partWrite(p, p.text.replace("99.74%", "99.47%"))).toBeUndefined();
  });
});
