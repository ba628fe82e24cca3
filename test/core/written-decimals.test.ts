/**
 * writtenDecimals takes a short cut for numbers whose shortest form has at most 15 significant digits
 * (issue 12): it must agree with the definition — the decimals of the number's 15-digit form as Excel
 * shows it in General — on every finite number.
 */
import fc from "fast-check";
import { writtenDecimals } from "../../src/core/units/parse";
import { referenceWrittenDecimals } from "../helpers/reference-units";

test("agrees with the 15-digit definition on any double, on amounts with cents and on tiny and huge values", () => {
  const cents = fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 100);
  const scaled = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 12 })).map(([n, d]) => n / 10 ** d);
  fc.assert(fc.property(fc.oneof(fc.double({ noNaN: true }), cents, scaled), (v) => writtenDecimals(v) === referenceWrittenDecimals(v)), { numRuns: 20000 });
  for (const v of [0.1 + 0.2, 1 / 3, 346.77, -0.0001, 1e-7, 1.5e-10, 123456789012.345, 1e21 + 0.5, 2 ** 53 + 0.5, 0.30000000000000004]) {
    expect(writtenDecimals(v)).toBe(referenceWrittenDecimals(v));
  }
});
