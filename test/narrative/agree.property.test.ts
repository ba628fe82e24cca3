/**
 * Generator and checker agree (the acceptance): for any workbook whose tables foot, a freshly
 * generated narrative written into the snapshot gives no prose finding.
 */
import fc from "fast-check";
import { generateNarrative, narrativeSheet, withSheet } from "../../src/core/narrative/generate";
import { mapWorkbook } from "../../src/core/mapping";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { NATIONAL } from "../../src/core/scoring/profiles";
import { RULES } from "../../src/core/rules";
import { roundTo } from "../../src/core/units";
import { fmt, type TestCell } from "../helpers/workbook-builder";
import { proseWorkbook } from "./prose-workbook";

const prose = RULES.filter((r) => r.id.startsWith("prose-"));
/** Money with 0–2 decimals, sometimes with a 0.00 format. */
const amount = fc.record({ cents: fc.integer({ min: 0, max: 3_000_000 }), decimals: fc.constantFrom(0, 1, 2), formatted: fc.boolean() });
type Amount = { cents: number; decimals: number; formatted: boolean };
const value = (a: Amount): number => roundTo(a.cents / 100, a.decimals);
const cell = (v: number, formatted: boolean): TestCell => (formatted ? fmt(v, "0.00") : v);

const indicator = fc.record({
  target: fc.integer({ min: 1, max: 100_000 }),
  actual: fc.integer({ min: 0, max: 150_000 }),
  unit: fc.constantFrom("万人", "%", "家", "万元"),
  direction: fc.constantFrom("≥", "≤", "="),
});

test("a generated narrative passes every prose rule", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(amount, amount, amount), { minLength: 1, maxLength: 3 }),
      fc.tuple(amount, amount, amount),
      fc.array(indicator, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.integer({ min: 0, max: 12_000 }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 120_000 })), { minLength: 0, maxLength: 5 }),
      (units, incomeParts, inds, budgetCents, execPermille, projects) => {
        const fmtAll = units[0][0].formatted;
        const rows = units.map(([p, u, j], i) => {
          const [pv, uv, jv] = [value(p), value(u), value(j)];
          const basic = roundTo(pv + uv, 2);
          return [`${i + 1}、机构${i + 1}`, roundTo(basic + jv, 2), basic, pv, uv, jv, 0, 0];
        });
        const sumCol = (c: number): number => roundTo(rows.reduce((a, r) => a + (r[c] as number), 0), 2);
        const expenseRows = [["汇总", ...[1, 2, 3, 4, 5].map(sumCol), 0, 0], ...rows].map((r) => r.map((v) => (typeof v === "number" ? cell(v, fmtAll) : v)));
        const [pub, fund, other] = incomeParts.map(value);
        const incomeRows = [["汇总", roundTo(pub + fund + other, 2), 0, pub, fund, 0, other].map((v) => (typeof v === "number" ? cell(v, fmtAll) : v))];
        const budget = budgetCents / 100;
        const executed = roundTo((budget * execPermille) / 10_000, 2);
        const indicatorData = inds.map((x, i) => ["产出指标", `二级${i}`, `指标${i}`, x.direction, `${x.target / 10}${x.unit}`, `${x.actual / 10}${x.unit}`, 10, 5, ""]);
        const projectRows = projects.map(([b, e], i) => [`项目${i + 1}`, "", b / 100, e / 100, roundTo((b - e) / 100, 2), fmt(roundTo(e / b, 4), "0.00%")]);
        const wb = proseWorkbook({
          expenseRows,
          incomeRows,
          indicatorData,
          projectRows,
          scalars: { jx_budget_adjusted: fmt(budget, "0.00"), jx_executed: fmt(executed, "0.00"), jx_exec_rate: fmt(roundTo(executed / budget, 4), "0.00%") },
        });
        const doc = generateNarrative(mapWorkbook(wb), NATIONAL);
        const report = checkWorkbook(withSheet(wb, narrativeSheet(doc)), { rules: prose });
        expect(report.ruleResults.filter((r) => r.status === "crashed")).toEqual([]);
        expect(report.findings.filter((f) => f.sheet === "评价报告综述").map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      },
    ),
    { numRuns: 60 },
  );
});
