import { applyIgnores, ignoreSheet, readIgnores, type Ignore } from "../../src/core/report/ignores";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { defineRule } from "../../src/core/engine/types";
import { buildWorkbook } from "../helpers/workbook-builder";

/** Reports every cell whose value is "坏" — enough to produce findings without the real rules. */
const badCell = defineRule({
  id: "test-bad-cell",
  meta: { type: "problem", docs: { description: "test", recommended: false }, messages: { bad: "{{cell}} 有问题" } },
  create(context) {
    return {
      workbook() {
        for (const sheet of context.snapshot.sheets) {
          for (const [address, cell] of Object.entries(sheet.cells)) {
            if (cell.value === "坏") context.report({ at: { sheet: sheet.name, address }, messageId: "bad", data: { cell: address } });
          }
        }
      },
    };
  },
});

const wb = buildWorkbook({ 收支情况: [["坏", "好", "坏"]], "Sheet 2": [["坏"]] });
const check = () => checkWorkbook(wb, { rules: [badCell], preset: { id: "t", rules: { "test-bad-cell": "error" } } });

describe("ignores", () => {
  test("readIgnores returns nothing when there is no jx_ignore sheet", () => {
    expect(readIgnores(wb)).toEqual([]);
  });

  test("ignoreSheet writes a header row and one row per ignore, and readIgnores reads it back", () => {
    const ignores: Ignore[] = [
      { ruleId: "test-bad-cell", cell: "收支情况!C1", reason: "口径不同，已核实", date: "2026-11-22" },
      { ruleId: "no-unit-mistake", cell: "'Sheet 2'!A1", reason: "", date: "2026-11-21" },
    ];
    const sheet = ignoreSheet(ignores);
    expect(sheet.name).toBe("jx_ignore");
    expect(sheet.rows[0]).toEqual(["规则", "单元格", "原因", "日期"]);
    expect(sheet.rows[1]).toEqual(["test-bad-cell", "收支情况!C1", "口径不同，已核实", "2026-11-22"]);
    const back = buildWorkbook({ jx_ignore: sheet.rows.map((r) => [...r]) });
    expect(readIgnores(back)).toEqual(ignores);
  });

  test("readIgnores finds columns by header, normalizes $ and quotes, and skips half-typed rows", () => {
    const sheet = buildWorkbook({
      jx_ignore: [
        ["日期", "原因", "单元格", "规则"],
        ["2026-11-22", "已核实", "收支情况!$C$1", "test-bad-cell"],
        ["2026-11-22", "没写规则", "收支情况!A1", null],
        [null, null, null, null],
        ["", "", "'Sheet 2'!$A$1", "r"],
      ],
    });
    expect(readIgnores(sheet)).toEqual([
      { ruleId: "test-bad-cell", cell: "收支情况!C1", reason: "已核实", date: "2026-11-22" },
      { ruleId: "r", cell: "'Sheet 2'!A1", reason: "", date: "" },
    ]);
  });

  test("applyIgnores moves matching findings to `ignored` and they stop counting", () => {
    const report = check();
    expect(report.stats.errors).toBe(3);
    expect(report.valid).toBe(false);
    const out = applyIgnores(report, [{ ruleId: "test-bad-cell", cell: "收支情况!$C$1", reason: "x", date: "" }]);
    expect(out.findings.map((f) => `${f.sheet}!${f.ref}`)).toEqual(["收支情况!A1", "Sheet 2!A1"]);
    expect(out.ignored.map((f) => f.ref)).toEqual(["C1"]);
    expect(out.stats.errors).toBe(2);
    expect(out.stats.findings).toBe(2);
    expect(out.ruleResults.find((r) => r.ruleId === "test-bad-cell")?.findings).toBe(2);
    // The input report is untouched.
    expect(report.findings).toHaveLength(3);
  });

  test("ignoring every finding makes the report valid; another rule's ignore at the same cell does not match", () => {
    const report = check();
    const all = applyIgnores(report, [
      { ruleId: "test-bad-cell", cell: "收支情况!A1", reason: "", date: "" },
      { ruleId: "test-bad-cell", cell: "收支情况!C1", reason: "", date: "" },
      { ruleId: "test-bad-cell", cell: "'Sheet 2'!A1", reason: "", date: "" },
    ]);
    expect(all.valid).toBe(true);
    expect(all.stats.errors).toBe(0);
    expect(all.ruleResults[0].status).toBe("passed");
    const other = applyIgnores(report, [{ ruleId: "other-rule", cell: "收支情况!A1", reason: "", date: "" }]);
    expect(other.findings).toHaveLength(3);
    expect(other.ignored).toHaveLength(0);
  });
});
