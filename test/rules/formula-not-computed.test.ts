import { formulaNotComputed } from "../../src/core/rules/formula-not-computed";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { ruleTester } from "../helpers/rule-tester";
import { mofProject } from "../core/forms/fixtures";

/** The national project form (2021, consistent) with some cells replaced. */
function withCells(cells: Readonly<Record<string, CellSnapshot>>): WorkbookSnapshot {
  const wb = mofProject();
  const s = wb.sheets[0];
  return { ...wb, sheets: [{ ...s, cells: { ...s.cells, ...cells } }] };
}

const total = (): number => Number(mofProject().sheets[0].cells.D7?.value);

ruleTester.run(formulaNotComputed, {
  valid: [
    { name: "no formula", workbook: mofProject() },
    { name: "a formula with its result (saved by Excel, or computed by the reader)", workbook: withCells({ D7: { value: total(), formula: "D8+D9+D10" } }) },
    { name: "a formula showing an error Excel would show (#DIV/0!): not unknown", workbook: withCells({ J2: { value: null, formula: "1/0", error: "#DIV/0!" } }) },
  ],
  invalid: [
    {
      name: "a 合计 whose formula the reader could not compute: named at its cell",
      workbook: withCells({ D7: { value: null, formula: 'INDIRECT("D8")', uncomputed: true } }),
      errors: [{ messageId: "notComputed", ref: "项目自评表!D7", expected: undefined }],
    },
    {
      name: "two such cells: each named",
      workbook: withCells({ D7: { value: null, formula: "[1]Sheet1!D7", uncomputed: true }, H7: { value: null, formula: "预算执行率*10", uncomputed: true } }),
      errors: [
        { messageId: "notComputed", ref: "项目自评表!D7" },
        { messageId: "notComputed", ref: "项目自评表!H7" },
      ],
    },
  ],
});

test("while a value is unknown, the other rules' findings (which would judge a blank) are withheld and no score is given", () => {
  const wb = withCells({ D7: { value: null, formula: 'INDIRECT("D8")', uncomputed: true } });
  const report = checkWorkbook(wb);
  expect(report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.ref}`)).toEqual(["error formula-not-computed D7"]);
  expect(report.findings[0].message).toMatch(/没有保存计算结果.*Excel 或 WPS.*保存.*再重新检查/);
  expect(report.valid).toBe(false);
  expect(report.score).toBeUndefined();
  // The same cell typed blank (no formula) is a blank: the rules judge it.
  const blank = withCells({ D7: { value: null } });
  expect(checkWorkbook(blank).findings.some((f) => f.ruleId !== "formula-not-computed" && f.severity === "error")).toBe(true);
});
