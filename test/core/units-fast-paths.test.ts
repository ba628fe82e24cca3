/**
 * roundTo, writtenDecimals and shiftDecimal read money without printing it when they can (a multiplication,
 * a rounding and a division by an exact power of ten). Their answers must be exactly those of the string
 * round trips they replace — the reference copies below — on money-like numbers and on arbitrary doubles.
 */
import fc from "fast-check";
import { roundTo, shiftDecimal, shortDecimals, writtenDecimals } from "../../src/core/units/parse";
import { referenceRoundTo, referenceWrittenDecimals } from "../helpers/reference-units";

/** Money as clerks write it: an integer number of cents (or of 10^-d) in a plausible range. */
const moneyArb = fc.tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 8 })).map(([m, d]) => m / 10 ** d);
const anyDoubleArb = fc.double({ noNaN: false, noDefaultInfinity: false });
const numberArb = fc.oneof(moneyArb, anyDoubleArb, fc.constantFrom(0, -0, 0.1 + 0.2, 1e-7, 123456789012345.6, 1e15, 1.005, 2.675, -1.005, 5e-324));

describe("units fast paths", () => {
  test("roundTo gives what the string round trip gives", () => {
    fc.assert(
      fc.property(numberArb, fc.integer({ min: -3, max: 22 }), (x, d) => {
        expect(Object.is(roundTo(x, d), referenceRoundTo(x, d))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  test("writtenDecimals gives the decimals of the 15-digit form", () => {
    fc.assert(
      fc.property(numberArb, (x) => {
        expect(writtenDecimals(x)).toBe(referenceWrittenDecimals(x));
      }),
      { numRuns: 20000 },
    );
  });

  test("shiftDecimal gives Number(`${x}e${k}`)", () => {
    fc.assert(
      fc.property(numberArb, fc.integer({ min: -8, max: 8 }), (x, k) => {
        expect(Object.is(shiftDecimal(x, k), Number(`${x}e${k}`))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  test("shortDecimals finds the decimals String() prints, or says it cannot", () => {
    expect(shortDecimals(1711.75)).toBe(2);
    expect(shortDecimals(0.1 + 0.2)).toBe(-1);
    expect(shortDecimals(28545.3)).toBe(1);
    expect(shortDecimals(-0.0001)).toBe(4);
    expect(shortDecimals(1e-7)).toBe(-1);
    fc.assert(
      fc.property(numberArb, (x) => {
        const d = shortDecimals(x);
        if (d >= 0) expect(d).toBe(/\.(\d+)$/.exec(String(x))?.[1].length ?? 0);
      }),
      { numRuns: 20000 },
    );
  });
});
