import { convertUnit, decimalShift, formatInfo, formatNumber, interval, moneyFactor, parseCell, parseText, roundTo } from "../../src/core/units";
import type { Parsed } from "../../src/core/units";

function num(p: Parsed): { value: number; unit?: string; percent: boolean; decimals: number } {
  if (p.kind !== "number") throw new Error(`not a number: ${JSON.stringify(p)}`);
  return { value: p.value, unit: p.unit, percent: p.percent, decimals: p.decimals };
}

describe("parseText", () => {
  test.each([
    ["1,711.75", 1711.75, undefined, false, 2],
    ["１７１１.７５", 1711.75, undefined, false, 2],
    ["１，７１１．７５", 1711.75, undefined, false, 2],
    ["1711.75", 1711.75, undefined, false, 2],
    [" 1 711.75 ", 1711.75, undefined, false, 2],
    ["99.74%", 0.9974, "%", true, 4],
    ["９９．７４％", 0.9974, "%", true, 4],
    ["100百分比", 1, "%", true, 2],
    ["107.5%", 1.075, "%", true, 3],
    ["346.77元", 346.77, "元", false, 2],
    ["5.33亿元", 5.33, "亿元", false, 2],
    ["23.9万人", 23.9, "万人", false, 1],
    ["1.8万人次", 1.8, "万人次", false, 1],
    ["41万人", 41, "万人", false, 0],
    ["531家", 531, "家", false, 0],
    ["2475.60万元", 2475.6, "万元", false, 2],
    ["28545.30", 28545.3, undefined, false, 2],
    ["0", 0, undefined, false, 0],
    ["-12.5", -12.5, undefined, false, 1],
    ["−12.5", -12.5, undefined, false, 1],
    ["－12.5", -12.5, undefined, false, 1],
    ["+4.5", 4.5, undefined, false, 1],
    ["(12.5)", -12.5, undefined, false, 1],
    ["（12.5）万元", -12.5, "万元", false, 1],
    [".5", 0.5, undefined, false, 1],
    ["1.5E3", 1500, undefined, false, -2],
    ["¥12.00", 12, "元", false, 2],
  ])("%j is the number %d %s", (text, value, unit, percent, decimals) => {
    const p = num(parseText(text));
    expect(p.value).toBeCloseTo(value, 12);
    expect(p.unit).toBe(unit);
    expect(p.percent).toBe(percent);
    expect(p.decimals).toBe(decimals);
  });

  test("numbers typed as text are marked fromText and keep what was written", () => {
    expect(parseText("1,711.75")).toMatchObject({ kind: "number", fromText: true, raw: "1,711.75" });
  });

  test("percent fractions carry no binary noise", () => {
    expect(num(parseText("99.74%")).value).toBe(0.9974);
    expect(num(parseText("0.07%")).value).toBe(0.0007);
  });

  test.each(["", "   ", "—", "——", "-", "–", "/", "－"])("%j is blank", (text) => {
    expect(parseText(text)).toEqual({ kind: "blank" });
  });

  test.each(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?"])("%j is an error", (text) => {
    expect(parseText(text)).toEqual({ kind: "error", code: text });
  });

  test.each(["达成年度指标", "优", "≥95%", "≤1", "3、二级机构2", "12,34", "1.2.3", "12元5角", "1,711.75元元元元元元", "--5", "-(5)"])(
    "%j is text",
    (text) => {
      expect(parseText(text)).toEqual({ kind: "text", text });
    },
  );
});

describe("parseCell", () => {
  test("an empty cell is blank", () => {
    expect(parseCell(undefined)).toEqual({ kind: "blank" });
    expect(parseCell({ value: null })).toEqual({ kind: "blank" });
  });
  test("an error cell is an error", () => {
    expect(parseCell({ value: null, error: "#DIV/0!" })).toEqual({ kind: "error", code: "#DIV/0!" });
  });
  test("decimals come from the number format", () => {
    expect(num(parseCell({ value: 1711.754, numberFormat: "0.00" })).decimals).toBe(2);
    expect(num(parseCell({ value: 1711.75, numberFormat: "#,##0.00_);[Red](#,##0.00)" })).decimals).toBe(2);
    expect(num(parseCell({ value: 1711.75, numberFormat: "0" })).decimals).toBe(0);
    expect(num(parseCell({ value: 1711.75, numberFormat: "#,##0.000" })).decimals).toBe(3);
  });
  test("a percent format makes a fraction with two more decimals", () => {
    expect(num(parseCell({ value: 0.9974, numberFormat: "0.00%" }))).toEqual({ value: 0.9974, unit: "%", percent: true, decimals: 4 });
    expect(num(parseCell({ value: 0.83, numberFormat: "0%" })).decimals).toBe(2);
  });
  test("General shows the shortest form (15 significant digits)", () => {
    expect(num(parseCell({ value: 1711.75 })).decimals).toBe(2);
    expect(num(parseCell({ value: 0.1 + 0.2 })).decimals).toBe(1);
    expect(num(parseCell({ value: 28545.3, numberFormat: "General" })).decimals).toBe(1);
    expect(num(parseCell({ value: 1e-7 })).decimals).toBe(7);
    expect(num(parseCell({ value: 52 })).decimals).toBe(0);
  });
  test("a literal unit in the format is the unit", () => {
    expect(num(parseCell({ value: 5, numberFormat: '0.00"万元"' })).unit).toBe("万元");
  });
  test("stored numbers are not fromText; strings are", () => {
    expect(parseCell({ value: 5 })).toMatchObject({ fromText: false, raw: "5" });
    expect(parseCell({ value: "1,711.75" })).toMatchObject({ kind: "number", value: 1711.75, fromText: true });
    expect(parseCell({ value: "99.74%" })).toMatchObject({ kind: "number", value: 0.9974, percent: true });
    expect(parseCell({ value: "优" })).toEqual({ kind: "text", text: "优" });
    expect(parseCell({ value: "—" })).toEqual({ kind: "blank" });
    expect(parseCell({ value: true })).toEqual({ kind: "text", text: "TRUE" });
  });
});

describe("formatInfo", () => {
  test.each([
    ["0.00", 2, false],
    ["0.00%", 4, true],
    ["#,##0", 0, false],
    ['#,##0.00"元"', 2, false],
    ["#,##0.00,", -1, false],
  ])("%s shows %d decimals", (format, decimals, percent) => {
    expect(formatInfo(format)).toMatchObject({ decimals, percent });
  });
  test("General and text formats show no fixed decimals", () => {
    expect(formatInfo("General").decimals).toBeUndefined();
    expect(formatInfo("@").decimals).toBeUndefined();
    expect(formatInfo(undefined).decimals).toBeUndefined();
  });
});

describe("interval", () => {
  test("is the value ± half a unit of the last decimal", () => {
    const [lo, hi] = interval({ value: 1711.75, decimals: 2 });
    expect(lo).toBeCloseTo(1711.745, 9);
    expect(hi).toBeCloseTo(1711.755, 9);
    expect(interval({ value: 1500, decimals: -2 })).toEqual([1450, 1550]);
  });
});

describe("convertUnit and moneyFactor", () => {
  test.each([
    [3467700, "元", "万元", 346.77],
    [346.77, "万元", "元", 3467700],
    [5.33, "亿元", "万元", 53300],
    [23.9, "万人", "人", 239000],
    [1.8, "万人次", "人次", 18000],
    [0.9974, "%", "百分比", 0.9974],
    [531, "家", "家", 531],
  ])("%d %s is %d %s", (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });
  test.each([
    ["万元", "人"],
    ["户", "家"],
    ["个", "家"],
    ["人", "人次"],
    ["%", "元"],
  ])("%s does not convert to %s", (from, to) => {
    expect(convertUnit(1, from, to)).toBeUndefined();
  });
  test("money factors", () => {
    expect(moneyFactor("元")).toBe(1);
    expect(moneyFactor("万元")).toBe(1e4);
    expect(moneyFactor("亿元")).toBe(1e8);
    expect(moneyFactor("万人")).toBeUndefined();
    expect(decimalShift("元", "万元")).toBe(4);
  });
});

describe("formatNumber and roundTo", () => {
  test.each([
    [1711.75, 2, {}, "1711.75"],
    [1711.75, 2, { thousands: true }, "1,711.75"],
    [-1234567.891, 2, { thousands: true }, "-1,234,567.89"],
    [0.9974, 4, { unit: "%" }, "99.74%"],
    [346.77, 2, { unit: "元" }, "346.77元"],
    [28545.3, 2, {}, "28545.30"],
    [-0.001, 2, {}, "0.00"],
    [2.675, 2, {}, "2.68"],
  ])("%d at %d decimals %j is %s", (value, decimals, options, text) => {
    expect(formatNumber(value, decimals, options)).toBe(text);
  });
  test("roundTo rounds half away from zero without binary noise", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
  });
});
