import fc from "fast-check";
import { formatNumber, interval, parseCell, parseText } from "../../src/core/units";

describe("units properties", () => {
  test("parseText never throws on arbitrary strings and always returns a known kind", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[-+(（]?[0-9０-９,，.．]{0,12}[)）]?(%|元|万元|亿元|万人)?$/)), (s) => {
        const p = parseText(s);
        expect(["blank", "error", "text", "number"]).toContain(p.kind);
        if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("parseCell never throws on arbitrary cells", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null)),
        fc.option(fc.oneof(fc.string(), fc.constantFrom("0.00", "0.00%", "#,##0.00_);(#,##0.00)", '0.00"万元"', "General", "@"))),
        (value, numberFormat) => {
          const p = parseCell({ value, numberFormat: numberFormat ?? undefined });
          expect(["blank", "error", "text", "number"]).toContain(p.kind);
        },
      ),
    );
  });

  test("parseText(formatNumber(x, d, opts)) gives x back at d decimals", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.record({ thousands: fc.boolean(), unit: fc.constantFrom(undefined, "元", "万元", "亿元", "万人", "%", "百分比") }),
        (x, d, opts) => {
          const text = formatNumber(x, d, opts);
          const p = parseText(text);
          expect(p.kind).toBe("number");
          if (p.kind !== "number") return;
          const percent = opts.unit === "%" || opts.unit === "百分比";
          const shown = percent ? Math.max(d, 2) : d;
          // The value read back lies within the interval of the shown precision around x.
          const [lo, hi] = interval({ value: x, decimals: shown });
          const slack = Math.abs(x) * 1e-12 + 1e-12;
          expect(p.value).toBeGreaterThanOrEqual(lo - slack);
          expect(p.value).toBeLessThanOrEqual(hi + slack);
          expect(p.decimals).toBe(shown);
          expect(p.percent).toBe(percent);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
