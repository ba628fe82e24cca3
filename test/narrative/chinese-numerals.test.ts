/**
 * Quantities written in Chinese numerals (十二, 两, 一百零五, 三成, 百分之八十五, 二〇二一年), read by the
 * prose reader like digits — and the Chinese words that only look like numbers (十、 headings, “十四五”,
 * 两条线, 一是) left alone. Sentences are the seeds' own (/work/shared/seeds) unless marked.
 */
import { analyzeProse, chineseNumeralValue, extractQuantities } from "../../src/core/narrative/extract";

const pick = (text: string) => extractQuantities(text).map((q) => [q.kind, q.value, q.unit, q.text]);

describe("chineseNumeralValue", () => {
  test.each([
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["两", 2],
    ["一百零五", 105],
    ["三百二十一", 321],
    ["两千零一十", 2010],
    ["二〇二一", 2021],
    ["一二〇", 120],
  ])("%s = %d", (text, value) => expect(chineseNumeralValue(text)).toBe(value));

  test("malformed numerals have no value", () => {
    for (const bad of ["十十", "百二百", "二三百", ""]) expect(chineseNumeralValue(bad)).toBeUndefined();
  });
});

describe("extractQuantities with Chinese numerals", () => {
  test("the issue's sentence: 共实施项目十二个，其中两个未完成 yields 12 and 2", () => {
    const [a, b] = extractQuantities("共实施项目十二个，其中两个未完成");
    expect(a).toMatchObject({ kind: "count", value: 12, unit: "个", text: "十二个", label: "共实施项目", start: 5, end: 8 });
    expect(b).toMatchObject({ kind: "count", value: 2, unit: "个", text: "两个" });
  });

  test("seed 001: 联合卫健、市场监管和公安三个部门组成联合检查组 (3 个) and 选派了 56 名业务骨干分三批次 (56 名, 3 批次)", () => {
    expect(pick("组织开展定点医药机构全面自查整改、县级交叉检查和市级督导检查，联合卫健、市场监管和公安三个部门组成联合检查组，开展监督检查。")).toEqual([
      ["count", 3, "个", "三个"],
    ]);
    expect(pick("我局选派了 56 名业务骨干分三批次参加了培训，学习了三明医改主要经验和做法，“三医联动”改革思路与实践")).toEqual([
      ["count", 56, "名", "56 名"],
      ["count", 3, "批次", "三批次"],
    ]);
  });

  test("seed 002: 三类业务整合至六个无差别综合柜员制医保窗口 (6 个), 一窗通办 is not a count", () => {
    expect(pick("将企业征缴、灵活就业人员参保、医保待遇三类业务整合至六个无差别综合柜员制医保窗口办理，所有服务事项实现“一窗通办”。")).toEqual([["count", 6, "个", "六个"]]);
  });

  test("seed 003: 一是两次延长2020年居民参保时间 (2 次 and the year; 一是 is list numbering)", () => {
    expect(pick("一是两次延长2020年居民参保时间。")).toEqual([
      ["count", 2, "次", "两次"],
      ["year", 2020, "年", "2020年"],
    ]);
  });

  test("一百零五, 三成 (a rounded rate), 百分之八十五 and 百分之九十九点五, 十余次, 两千多人, 三万元", () => {
    const qs = extractQuantities("完成一百零五项，覆盖率三成，满意度百分之八十五，知晓率百分之九十九点五，开展十余次，两千多人参加，节省三万元");
    expect(qs.map((q) => [q.kind, q.value, q.unit, q.decimals, q.approx])).toEqual([
      ["count", 105, "项", 0, false],
      ["percent", 30, "%", 0, true],
      ["percent", 85, "%", 0, false],
      ["percent", 99.5, "%", 1, false],
      ["count", 10, "次", 0, true],
      ["count", 2000, "人", 0, true],
      ["money", 3, "万元", 0, false],
    ]);
    expect(qs[2].label).toBe("满意度");
    expect(qs[6].direction).toBe("down");
  });

  test("二〇二一年 and 二〇二一年度 are years", () => {
    expect(pick("二〇二一年度部门整体支出，二〇二一年底")).toEqual([
      ["year", 2021, "年", "二〇二一年度"],
      ["year", 2021, "年", "二〇二一年"],
    ]);
  });

  test("Chinese words that are not quantities: seed headings, plan names and set phrases", () => {
    for (const text of [
      "十、其他重要事项的情况说明", // seed 000 heading
      "十一、政府性基金预算财政拨款", // seed 000 heading
      "做好“十四五”与“十三五”期间基本医疗保险政策衔接", // seed 003
      "一是守好收支“两条线”", // seed 004
      "参加省医保局组织的市县两级三明医改专题培训会议", // seed 001
      "我局职能职责主要分两大块", // seed 002
      "开展打击欺诈骗保“百日攻坚”专项行动", // seed 001
      "第三个目标，成立三成员小组，一般、统一、一次性", // ordinals, 成 as a word, lone 一
    ]) {
      expect({ text, found: pick(text) }).toEqual({ text, found: [] });
    }
  });

  test("a part list in Chinese numerals: 共实施项目十二个，其中已完成十个、未完成两个", () => {
    // Constructed from the sentence: the parts add up to the whole.
    const a = analyzeProse("共实施项目十二个，其中已完成十个、未完成两个。");
    expect(a.partLists.map((l) => [l.whole.value, l.parts.map((p) => p.value)])).toEqual([[12, [10, 2]]]);
  });
});
