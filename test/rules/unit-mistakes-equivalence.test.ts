/**
 * The indexed unit-slip search (relations looked up per cell instead of scanned) must find exactly what
 * the straightforward search found: same cells, same factors, same corrected values, same order. Random
 * small expense tables with slipped cells, slipped rows, footing errors and blanks, compared with the
 * reference copy of the old algorithm.
 */
import fc from "fast-check";
import { mapWorkbook } from "../../src/core/mapping";
import { checksInvolving, involves, sumChecks } from "../../src/core/relations/footing";
import { findUnitMistakes, touchesUnitMistake, unitMistakeKeys, type UnitMistake } from "../../src/core/relations/unit-mistakes";
import { findUnitMistakes as referenceFind } from "./reference/unit-mistakes-reference";
import { buildWorkbook, type TestCell } from "../helpers/workbook-builder";

const HEADER: TestCell[] = ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"];

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** What can happen to one cell. */
type Edit = "none" | "yuan" | "wan" | "off" | "blank";

const editArb: fc.Arbitrary<Edit> = fc.constantFrom<Edit>("none", "none", "none", "none", "none", "yuan", "wan", "off", "blank");

/** Mostly untouched cells, so that a long table has a slip or two rather than a mess. */
const sparseEditArb: fc.Arbitrary<Edit> = fc.oneof({ arbitrary: fc.constant<Edit>("none"), weight: 80 }, { arbitrary: editArb, weight: 1 });

const caseOf = (minRows: number, maxRows: number, edit: fc.Arbitrary<Edit> = editArb) => fc.record({
  rows: fc.array(
    fc.record({
      personnel: fc.integer({ min: 0, max: 500000 }),
      office: fc.integer({ min: 0, max: 500000 }),
      project: fc.integer({ min: 0, max: 500000 }),
      rowSlip: maxRows > 5 ? fc.oneof({ arbitrary: fc.constant<"none" | "yuan">("none"), weight: 60 }, { arbitrary: fc.constant<"none" | "yuan">("yuan"), weight: 1 }) : fc.constantFrom<"none" | "yuan">("none", "none", "none", "none", "yuan"),
      edits: fc.array(edit, { minLength: 5, maxLength: 5 }),
    }),
    { minLength: minRows, maxLength: maxRows },
  ),
  summaryEdits: fc.array(edit, { minLength: 5, maxLength: 5 }),
  unit: fc.constantFrom("万元", "元"),
  scalars: fc.array(fc.constantFrom(1, 1, 1, 10000, 1 / 10000), { minLength: 3, maxLength: 3 }),
});

function apply(v: number, e: Edit): TestCell {
  switch (e) {
    case "yuan":
      return r2(v * 10000);
    case "wan":
      return Number(`${v}e-4`);
    case "off":
      return r2(v + 1);
    case "blank":
      return null;
    default:
      return v;
  }
}

const caseArb = caseOf(1, 5);
/** Enough institutions that the 汇总 checks take the shortcut for long checks (16 terms or more). */
const longCaseArb = caseOf(16, 30, sparseEditArb);

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function workbook(c: Case) {
  const body = c.rows.map((r) => {
    const p = r.personnel / 100;
    const o = r.office / 100;
    const pr = r.project / 100;
    return [r2(p + o + pr), r2(p + o), p, o, pr];
  });
  const summary = [0, 1, 2, 3, 4].map((k) => r2(body.reduce((a, r) => a + r[k], 0)));
  const rows: TestCell[][] = [["汇总", ...summary.map((v, k) => apply(v, c.summaryEdits[k])), 0, 0]];
  c.rows.forEach((r, i) => {
    const scaled = body[i].map((v) => (r.rowSlip === "yuan" ? r2(v * 10000) : v));
    rows.push([`${i + 1}、机构${i + 1}`, ...scaled.map((v, k) => apply(v, r.edits[k])), 0, 0]);
  });
  const [a, b, e] = c.scalars;
  return buildWorkbook(
    {
      支出: [HEADER, ...rows],
      预算: [
        ["年初预算数", r2(1632.87 * a)],
        ["全年预算数", r2(1711.75 * b)],
        ["全年执行数", r2(1707.31 * e)],
        ["金额单位", c.unit],
      ],
    },
    {
      names: {
        jx_expense: `支出!$A$1:$H$${rows.length + 1}`,
        jx_budget_initial: "预算!$B$1",
        jx_budget_adjusted: "预算!$B$2",
        jx_executed: "预算!$B$3",
        jx_money_unit: "预算!$B$4",
      },
    },
  );
}

function plain(ms: readonly UnitMistake[]) {
  return ms.map((m) => ({
    key: m.figure.key,
    factor: m.factor,
    corrected: m.corrected,
    kind: m.kind,
    comparedWith: m.comparedWith.map((f) => f.key),
    alsoCorrected: m.alsoCorrected.map((x) => [x.figure.key, x.corrected]),
    rowName: m.rowName,
  }));
}

describe("indexed unit-slip search", () => {
  it("finds exactly what the reference search finds, in the same order", () => {
    let found = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const snapshot = workbook(c);
        const mine = plain(findUnitMistakes(mapWorkbook(snapshot)));
        const theirs = plain(referenceFind(mapWorkbook(snapshot)));
        if (theirs.length > 0) found++;
        expect(mine).toEqual(theirs);
      }),
      { numRuns: 400, seed: 20261122 },
    );
    // The generator must actually produce slips, or the comparison says nothing.
    expect(found).toBeGreaterThan(50);
  });

  it("judges long 汇总 checks exactly as the full evaluation does", () => {
    let found = 0;
    fc.assert(
      fc.property(longCaseArb, (c) => {
        const snapshot = workbook(c);
        const mine = plain(findUnitMistakes(mapWorkbook(snapshot)));
        const theirs = plain(referenceFind(mapWorkbook(snapshot)));
        if (theirs.some((m) => m.kind !== "scalar")) found++;
        expect(mine).toEqual(theirs);
      }),
      { numRuns: 120, seed: 42 },
    );
    expect(found).toBeGreaterThan(20);
  });

  it("indexes every check under every cell it involves, and only those", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const model = mapWorkbook(workbook(c));
        const checks = sumChecks(model);
        const keys = new Set(checks.flatMap((ch) => [ch.target.key, ...ch.terms.map((t) => t.figure.key)]));
        for (const key of keys) {
          expect(checksInvolving(model, key)).toEqual(checks.filter((ch) => involves(ch, key)));
        }
        const flagged = unitMistakeKeys(model);
        for (const ch of checks) {
          expect(touchesUnitMistake(ch, flagged)).toBe([...flagged].some((k) => involves(ch, k)));
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
