import { NATIONAL } from "../../../src/core/scoring/profiles";
import { matchTier, parseDirection, readIndicatorText, readIndicatorValue, reconcile, type IndicatorNumber } from "../../../src/core/scoring/indicator-value";

describe("parseDirection", () => {
  test.each([
    ["≥", "≥"],
    [">=", "≥"],
    ["＞＝", "≥"],
    ["大于等于", "≥"],
    ["正向", "≥"],
    ["正向指标", "≥"],
    [">", ">"],
    ["≤", "≤"],
    ["小于等于", "≤"],
    ["反向", "≤"],
    ["<", "<"],
    ["=", "="],
    ["等于", "="],
    ["定性", "定性"],
    ["定性指标", "定性"],
  ])("%s → %s", (text, dir) => expect(parseDirection(text)).toBe(dir));

  test("unknown text and blanks are undefined", () => {
    expect(parseDirection("越多越好吗")).toBeUndefined();
    expect(parseDirection("")).toBeUndefined();
    expect(parseDirection(null)).toBeUndefined();
  });
});

describe("readIndicatorText / readIndicatorValue", () => {
  test("values as written", () => {
    expect(readIndicatorText("≥95%")).toMatchObject({ kind: "number", value: 0.95, percent: true, sign: "≥" });
    expect(readIndicatorText("23.9万人")).toMatchObject({ kind: "number", value: 23.9, unit: "万人", sign: undefined });
    expect(readIndicatorText("≤1632.87万元")).toMatchObject({ kind: "number", value: 1632.87, unit: "万元", sign: "≤" });
    expect(readIndicatorText("100%")).toMatchObject({ kind: "number", value: 1, percent: true });
    expect(readIndicatorText("3764家")).toMatchObject({ kind: "number", value: 3764, unit: "家" });
    expect(readIndicatorText("≥100百分比")).toMatchObject({ kind: "number", value: 1, percent: true, sign: "≥" });
    expect(readIndicatorText("达成年度指标")).toMatchObject({ kind: "text", text: "达成年度指标" });
    expect(readIndicatorText("")).toMatchObject({ kind: "blank" });
  });

  test("cells: a percent-formatted number, an error, an empty cell", () => {
    expect(readIndicatorValue({ value: 0.96, numberFormat: "0.00%" })).toMatchObject({ kind: "number", value: 0.96, percent: true });
    expect(readIndicatorValue({ value: null, error: "#REF!" })).toMatchObject({ kind: "error" });
    expect(readIndicatorValue(undefined)).toMatchObject({ kind: "blank" });
  });
});

describe("reconcile", () => {
  const n = (text: string) => readIndicatorText(text) as IndicatorNumber;
  test("万人 vs 人 converts into the target's unit", () => {
    expect(reconcile(n("23万人"), n("239000人"))).toMatchObject({ ok: true, a: 23, b: 23.9, unit: "万人" });
  });
  test("% vs 百分比 are one unit", () => {
    expect(reconcile(n("≥100百分比"), n("98%"))).toMatchObject({ ok: true, a: 1, b: 0.98 });
  });
  test("万人 vs 万元 is a mismatch", () => {
    expect(reconcile(n("23万人"), n("23万元"))).toMatchObject({ ok: false, problem: "unit-mismatch" });
  });
  test("a bare number beside a percentage is read the one plausible way, else ambiguous", () => {
    expect(reconcile(n("≥95%"), n("96"))).toMatchObject({ ok: true, b: 0.96 });
    expect(reconcile(n("100%"), n("1"))).toMatchObject({ ok: true, b: 1 });
    expect(reconcile(n("≥5%"), n("0.5"))).toMatchObject({ ok: false, problem: "ambiguous-percent" });
  });
});

describe("matchTier", () => {
  const tiers = NATIONAL.qualitativeTiers;
  test("the longest match wins: 未达成 is not 达成", () => {
    expect(matchTier("达成年度指标", tiers)).toBe(0);
    expect(matchTier("部分达成年度指标并具有一定效果", tiers)).toBe(1);
    expect(matchTier("未达成年度指标且效果较差", tiers)).toBe(2);
    expect(matchTier("未完成", tiers)).toBe(2);
    expect(matchTier("按时上解", tiers)).toBeUndefined();
  });
  test("overlapping words: the one written first wins (部分达成年度指标 is 部分达成, not the 达成年度指标 inside it)", () => {
    expect(matchTier("部分达成年度指标", tiers)).toBe(1);
    expect(matchTier("基本达成年度指标", tiers)).toBe(1);
    expect(matchTier("未达成年度指标", tiers)).toBe(2);
    expect(matchTier("完成情况：部分达成", tiers)).toBe(1);
    expect(matchTier("全部达成年度指标", tiers)).toBe(0);
  });
});
