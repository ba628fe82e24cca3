/**
 * The report's meta: `ranAt` is the time of the check as an ISO 8601 UTC timestamp, the text
 * `Date.prototype.toISOString` gives (build-report.ts assembles it from the UTC fields).
 */
import { buildReport } from "../../../src/core/report/build-report";

const input = { findings: [], ruleResults: [], ms: 0, host: "test", preset: "recommended", profile: "national", engineVersion: "t" };

describe("buildReport meta.ranAt", () => {
  test("is the check's time, written as toISOString writes it", () => {
    const before = Date.now();
    const { ranAt } = buildReport(input).meta;
    const after = Date.now();
    expect(ranAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const at = Date.parse(ranAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
    expect(new Date(at).toISOString()).toBe(ranAt);
  });

  test.each([0, 951868799999, 1e12 + 7, 253402300799999])("pads every field like toISOString (%d ms since 1970)", (t) => {
    jest.useFakeTimers({ now: t });
    try {
      expect(buildReport(input).meta.ranAt).toBe(new Date(t).toISOString());
    } finally {
      jest.useRealTimers();
    }
  });
});
