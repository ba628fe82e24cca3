import { evaluate, readMoney, type Figure, type SumCheck } from "../../src/core/relations/footing";
import { checkRate, readRate } from "../../src/core/rules/lib/rates";
import type { CellSnapshot } from "../../src/core/model/snapshot";

let n = 0;
function fig(cell: CellSnapshot | undefined, unit = "万元"): Figure {
  const f = readMoney({ ref: { sheet: "S", address: `A${++n}` }, cell }, "jx_expense.total", unit);
  if (!f) throw new Error("unreadable");
  return f;
}
function check(target: Figure, ...parts: Figure[]): SumCheck {
  return { kind: "row", table: "jx_expense", sheet: "S", target, terms: parts.map((figure) => ({ figure, sign: 1 as const })), targetKey: "total", termKeys: [], rowName: "x", row: 1 };
}

describe("readMoney", () => {
  test("General money is read to at least 2 decimals (a General cell shows its whole value)", () => {
    expect(fig({ value: 28545.3 }).decimals).toBe(2);
    // A written 0 is exactly nothing: no rounding room for a slip elsewhere (issue 9).
    expect(fig({ value: 0 }).decimals).toBe(Infinity);
  });
  test("a number format sets the displayed precision and the value is rounded as shown", () => {
    const f = fig({ value: 1711.7549, numberFormat: "0.00" });
    expect(f.value).toBe(1711.75);
    expect(f.decimals).toBe(2);
    expect(fig({ value: 1711.75, numberFormat: "0" }).decimals).toBe(0);
  });
  test("text with a money unit is converted into the workbook's unit, with its precision", () => {
    const f = fig({ value: "346.77元" });
    expect(f.value).toBeCloseTo(0.034677, 12);
    expect(f.decimals).toBe(6);
  });
  test("a bare 万 or 亿 in a money cell means 万元 / 亿元 (1711.75万, 0.17亿)", () => {
    expect(fig({ value: "1711.75万" })).toMatchObject({ value: 1711.75, decimals: 2 });
    const yi = fig({ value: "0.17亿" });
    expect(yi.value).toBeCloseTo(1700, 9);
    expect(yi.decimals).toBe(-2);
    expect(fig({ value: "1711.75万" }, "元").value).toBeCloseTo(17117500, 6);
  });
  test("blanks are exact zeros; text, errors, percentages and other units are unreadable", () => {
    expect(fig(undefined)).toMatchObject({ blank: true, value: 0, decimals: Infinity });
    expect(fig({ value: "—" }).blank).toBe(true);
    for (const cell of [{ value: "优" }, { value: null, error: "#REF!" }, { value: "12%" }, { value: "5万人" }]) {
      expect(readMoney({ ref: { sheet: "S", address: "Z1" }, cell }, "f", "万元")).toBeUndefined();
    }
  });
});

describe("evaluate (XBRL Calculations 1.1 style)", () => {
  test("seed 000: 2257.83 = 1911.06 + 346.77", () => {
    expect(evaluate(check(fig({ value: 2257.83 }), fig({ value: 1911.06 }), fig({ value: 346.77 }))).ok).toBe(true);
  });
  test("0.01 of honest rounding holds; 0.02 does not", () => {
    expect(evaluate(check(fig({ value: 2257.84 }), fig({ value: 1911.06 }), fig({ value: 346.77 }))).ok).toBe(true);
    expect(evaluate(check(fig({ value: 1911.07 }), fig({ value: 1911.06 }), fig(undefined))).ok).toBe(true);
    const r = evaluate(check(fig({ value: 2257.85 }), fig({ value: 1911.06 }), fig({ value: 346.77 })));
    expect(r.ok).toBe(false);
    expect(r.expected).toBe(2257.83);
  });
  test("coarser display widens the interval", () => {
    expect(evaluate(check(fig({ value: 2258, numberFormat: "0" }), fig({ value: 1911.06 }), fig({ value: 346.77 }))).ok).toBe(true);
  });
  test("overrides try a correction", () => {
    const basic = fig({ value: 3467700 });
    const c = check(fig({ value: 2257.83 }), fig({ value: 1911.06 }), basic);
    expect(evaluate(c).ok).toBe(false);
    expect(evaluate(c, new Map([[basic.key, { value: 346.77, decimals: 6 }]])).ok).toBe(true);
  });
  test("a subtraction term (结转结余 = 预算 − 执行)", () => {
    const c: SumCheck = { ...check(fig({ value: 15.42 })), terms: [{ figure: fig({ value: 28 }), sign: 1 }, { figure: fig({ value: 12.58 }), sign: -1 }] };
    expect(evaluate(c).ok).toBe(true);
  });
});

describe("rates", () => {
  const budget = fig({ value: 1711.75 });
  const executed = fig({ value: 1707.31 });
  test.each([
    [{ value: 0.9974, numberFormat: "0.00%" }, true],
    [{ value: "99.74%" }, true],
    [{ value: 99.74 }, true],
    [{ value: 1, numberFormat: "0%" }, true],
    [{ value: "99.7%" }, true],
    [{ value: "99.73%" }, false],
    [{ value: 0.9947 }, false],
  ])("%j matches 1707.31 / 1711.75: %s", (cell, ok) => {
    const rate = readRate({ ref: { sheet: "S", address: "R1" }, cell });
    expect(rate).toBeDefined();
    if (!rate) return;
    const r = checkRate(rate, executed, budget);
    expect(r?.ok).toBe(ok);
    expect(r?.expectedText).toBe("99.74%");
  });
  test("no judgement without a positive budget; text is not a rate", () => {
    expect(checkRate({ value: 0, decimals: 4 }, executed, fig({ value: 0 }))).toBeUndefined();
    expect(readRate({ ref: { sheet: "S", address: "R1" }, cell: { value: "达成" } })).toBeUndefined();
    expect(readRate({ ref: { sheet: "S", address: "R1" }, cell: { value: "12万元" } })).toBeUndefined();
  });
});
