import { analyzeProse, extractQuantities, splitSentences } from "../../src/core/narrative/extract";

const pick = (text: string) => extractQuantities(text).map((q) => [q.kind, q.value, q.unit, q.label]);

describe("extractQuantities", () => {
  test("amounts with their unit, label, offsets and sentence", () => {
    const text = "2、临湘市医疗保障事务中心基本支出346.77元，其中：工资福利支出215.73万元。";
    const [q, q2] = extractQuantities(text);
    expect(q).toMatchObject({ kind: "money", value: 346.77, unit: "元", decimals: 2, text: "346.77元", numberText: "346.77", label: "临湘市医疗保障事务中心基本支出" });
    expect(text.slice(q.start, q.end)).toBe("346.77元");
    expect(q.sentence.text).toBe(text);
    expect(q2).toMatchObject({ value: 215.73, unit: "万元", label: "工资福利支出" });
  });

  test("a 功能分类 level in brackets stays in the label; other brackets still end it", () => {
    expect(pick("社会保障和就业（类）支出67.78万元，行政事业单位养老(款)支出12.5万元")).toEqual([
      ["money", 67.78, "万元", "社会保障和就业(类)支出"],
      ["money", 12.5, "万元", "行政事业单位养老(款)支出"],
    ]);
    expect(pick("（类）支出67.78万元，办公费（含差旅）支出3万元")).toEqual([
      ["money", 67.78, "万元", "支出"],
      ["money", 3, "万元", "支出"],
    ]);
  });

  test("亿元, rates, percentage points, counts of people, visits and institutions", () => {
    expect(pick("征缴基金5.33亿元，参保率达95.44%，比上年提高1.2个百分点，参保人数49.3万人，就诊16611人次，检查424家，办理3个项目")).toEqual([
      ["money", 5.33, "亿元", "征缴基金"],
      ["percent", 95.44, "%", "参保率"],
      ["points", 1.2, "个百分点", "比上年"],
      ["count", 49.3, "万人", "参保人数"],
      ["count", 16611, "人次", "就诊"],
      ["count", 424, "家", "检查"],
      ["count", 3, "个", "办理"],
    ]);
  });

  test("处 counts works (完成48处…超出年度目标3处) but 处理 / 处置 after a number are no unit", () => {
    expect(pick("完成48处供水工程维修养护，超出年度目标3处，完成率为106.67%")).toEqual([
      ["count", 48, "处", "完成"],
      ["count", 3, "处", "超出年度目标"],
      ["percent", 106.67, "%", "完成率"],
    ]);
    expect(pick("2处理站").filter((q) => q[2] === "处")).toEqual([]);
  });

  test("full-width digits, point and percent; thousands separators; a space before the unit", () => {
    expect(pick("全年预算１７１１.７５万元，执行率９９．７４％")).toEqual([
      ["money", 1711.75, "万元", "全年预算"],
      ["percent", 99.74, "%", "执行率"],
    ]);
    expect(pick("全年预算1,711.75万元，基金支付102.27 万元")).toEqual([
      ["money", 1711.75, "万元", "全年预算"],
      ["money", 102.27, "万元", "基金支付"],
    ]);
    expect(extractQuantities("全年预算1,711.75万元")[0].numberText).toBe("1,711.75");
  });

  test("years (2021年, 2021年度), but not months, days, list numbers or durations", () => {
    expect(pick("2021年度，1—12月，截至12月31日，2-6月减半征收，（1）医疗保障，3.2024年全区参保")).toEqual([
      ["year", 2021, "年", ""],
      ["year", 2024, "年", ""],
    ]);
    expect(pick("60个工作日缩短为15个工作日")).toEqual([
      ["count", 60, "个工作日", ""],
      ["count", 15, "个工作日", "缩短"],
    ]);
  });

  test("changes, comparators and approximations", () => {
    const [a, b, c] = extractQuantities("比2019年增加232.87万元，增长200.7%");
    expect(a).toMatchObject({ kind: "year", value: 2019 });
    expect(b).toMatchObject({ value: 232.87, direction: "up" });
    expect(c).toMatchObject({ value: 200.7, direction: "up", kind: "percent" });
    const all = extractQuantities("由40万人增加到42万人，指标值≥95%，5000余人次");
    expect(all[1]).toMatchObject({ value: 42, changeTo: true, direction: "up" });
    expect(all[2]).toMatchObject({ value: 95, comparator: "≥", label: "指标值" });
    expect(all[3]).toMatchObject({ value: 5000, unit: "人次", approx: true });
  });
});

describe("splitSentences", () => {
  test("at 。！？ and line breaks, keeping ；and ，inside", () => {
    expect(splitSentences("甲1万元；乙2万元。丙\n丁？").map((s) => s.text)).toEqual(["甲1万元；乙2万元。", "丙", "丁？"]);
  });
});

describe("analyzeProse", () => {
  test("seed 000: a bracketed breakdown after the whole's sentence", () => {
    const a = analyzeProse("各项医保基金历年累计结余19787.89万元。（职工医保统筹基金结余491.97万元、个人账户结余11548.57万元、居民医保结余7757.35万元）总体来说平稳。");
    expect(a.partLists).toHaveLength(1);
    expect(a.partLists[0].whole.value).toBe(19787.89);
    expect(a.partLists[0].parts.map((p) => p.value)).toEqual([491.97, 11548.57, 7757.35]);
    expect(a.partLists[0].marker).toBe("括号");
  });

  test("其中 lists: in the sentence, or opening the next one; money apart from counts", () => {
    const a = analyzeProse("城乡医疗救助共支出1569.37万元，其中医疗救助1.8万人次，医疗救助基金支出1449.1万元；资助参保3511人，资助金额120.27万元。");
    expect(a.partLists.map((l) => [l.whole.value, l.parts.map((p) => p.value)])).toEqual([[1569.37, [1449.1, 120.27]]]);
    const b = analyzeProse("支出决算为688万元，完成预算100%。其中：行政运行313万元、一般行政管理事务90万元。");
    expect(b.partLists.map((l) => [l.whole.value, l.marker])).toEqual([[688, "其中"]]);
  });

  test("a list marked 等 is partial", () => {
    expect(analyzeProse("项目支出100万元，其中：A 30万元、B 20万元等。").partLists[0].partial).toBe(true);
  });

  test("seed 003: change statements find the change and the current value", () => {
    const a = analyzeProse("2020年度收入848.74万元、支出总计848.75万元。与2019年相比，收入减少4848.68万元、支出减少4848.67万元，减少185.1%。");
    expect(a.changes).toHaveLength(1);
    expect(a.changes[0]).toMatchObject({ direction: "down" });
    expect(a.changes[0].delta?.value).toBe(4848.67);
    expect(a.changes[0].current?.value).toBe(848.75);
    expect(a.changes[0].percent.value).toBe(185.1);
  });
});
