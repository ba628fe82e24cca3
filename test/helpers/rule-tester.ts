/**
 * ruleTester.run(rule, {valid, invalid}) — eslint's RuleTester for our rules.
 * Cases are snapshots (usually from buildWorkbook). Assertions are on messageId, ref and fix output,
 * never on message wording.
 */
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import type { Finding, Rule } from "../../src/core/engine/types";
import type { ScoringProfile } from "../../src/core/scoring/types";
import { checkWorkbook } from "../../src/core/engine/run-rules";

/** An expected finding. `ref` is `Sheet!A1`. */
export interface ExpectedFinding {
  readonly messageId: string;
  readonly ref?: string;
  readonly field?: string;
  /** Expected writes of the fix: `Sheet!A1` → value. */
  readonly fix?: Readonly<Record<string, string | number | boolean | null>>;
  readonly expected?: string | number;
}

/** A test case. */
export interface RuleCase {
  readonly name: string;
  readonly workbook: WorkbookSnapshot;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly profile?: ScoringProfile;
}

/** An invalid case. `errors` lists every finding of this rule, in report order. */
export interface InvalidCase extends RuleCase {
  readonly errors: readonly ExpectedFinding[];
}

/** Run a rule alone on a workbook; returns its findings. Throws if the rule crashed. */
export function runRule(rule: Rule, c: RuleCase): Finding[] {
  const report = checkWorkbook(c.workbook, {
    rules: [rule],
    profile: c.profile,
    preset: { id: "test", rules: { [rule.id]: c.options ? { severity: "error", options: c.options } : "error" } },
  });
  const crashed = report.ruleResults.find((r) => r.status === "crashed");
  if (crashed) throw new Error(`Rule ${rule.id} crashed: ${crashed.error}`);
  return [...report.findings];
}

function fixWrites(f: Finding): Record<string, unknown> | undefined {
  if (!f.fix) return undefined;
  return Object.fromEntries(f.fix.writes.map((w) => [`${w.at.sheet}!${w.at.address}`, w.value ?? w.formula ?? null]));
}

/** Declare valid and invalid cases for a rule, as jest tests. */
export const ruleTester = {
  run(rule: Rule, cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] }): void {
    describe(rule.id, () => {
      describe("valid", () => {
        for (const c of cases.valid) {
          test(c.name, () => {
            expect(runRule(rule, c).map((f) => `${f.messageId} @ ${f.sheet}!${f.ref}: ${f.message}`)).toEqual([]);
          });
        }
      });
      describe("invalid", () => {
        for (const c of cases.invalid) {
          test(c.name, () => {
            const found = runRule(rule, c);
            expect(found.map((f) => f.messageId)).toEqual(c.errors.map((e) => e.messageId));
            c.errors.forEach((e, i) => {
              const f = found[i];
              if (e.ref) expect(`${f.sheet}!${f.ref}`).toBe(e.ref);
              if (e.field) expect(f.field).toBe(e.field);
              if (e.expected !== undefined) expect(f.expected).toBe(e.expected);
              if (e.fix) expect(fixWrites(f)).toEqual(e.fix);
              // Every message must be filled: no placeholder left.
              expect(f.message).not.toMatch(/\{\{/);
            });
          });
        }
      });
    });
  },
};
