import { sheetNotChecked } from "../../src/core/rules/sheet-not-checked";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { mapWorkbook } from "../../src/core/mapping";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { ruleTester } from "../helpers/rule-tester";
import { mofProject, mofProject2Rows, mofProjectRows, patch } from "../core/forms/fixtures";

/** The national project form (2021) with more sheets after it. */
function withSheets(...more: SheetSnapshot[]): WorkbookSnapshot {
  const wb = mofProject();
  return { ...wb, sheets: [...wb.sheets, ...more] };
}

/** The same project's form on another sheet: `year` in its year line, hidden or not. */
function copyOf(name: string, year: number, visibility?: SheetSnapshot["visibility"]): SheetSnapshot {
  const sheet = mofProject(patch(mofProjectRows(), { A2: `（${year}年度）`, E7: 190 }), name).sheets[0];
  return visibility ? { ...sheet, visibility } : sheet;
}

const LISTS: SheetSnapshot = { name: "下拉选项", cells: { A1: { value: "优" }, A2: { value: "良" } }, merges: [], visibility: "hidden" };
const MARKS: SheetSnapshot = { name: "jx_marks", cells: { A1: { value: "单元格" }, B1: { value: "原填充" } }, merges: [], visibility: "hidden" };

ruleTester.run(sheetNotChecked, {
  valid: [
    { name: "one form, nothing hidden", workbook: mofProject() },
    { name: "a hidden sheet of drop-down lists (no form, no table)", workbook: withSheets(LISTS) },
    { name: "the pane's own hidden sheet (jx_marks)", workbook: withSheets(MARKS) },
    { name: "a copy of the form for the SAME year (not an earlier one)", workbook: withSheets(copyOf("副本", 2021)) },
    {
      name: "another project's form with an earlier year: this year's form with a wrong year, not a copy",
      workbook: withSheets(mofProject(patch(mofProject2Rows(), { A2: "（2020年度）" }), "项目2").sheets[0]),
    },
  ],
  invalid: [
    { name: "a hidden copy of last year's form", workbook: withSheets(copyOf("2020年自评表", 2020, "hidden")), errors: [{ messageId: "hiddenSheet", ref: "2020年自评表!A1" }] },
    { name: "a very hidden one too", workbook: withSheets(copyOf("旧表", 2020, "veryHidden")), errors: [{ messageId: "hiddenSheet", ref: "旧表!A1" }] },
    { name: "a hidden form of this year (the clerk hid it): noted, not checked", workbook: withSheets(copyOf("项目表（隐藏）", 2021, "hidden")), errors: [{ messageId: "hiddenSheet", ref: "项目表（隐藏）!A1" }] },
    {
      name: "a visible copy of the same project's form for an earlier year: noted at its year line",
      workbook: withSheets(copyOf("2020年自评表", 2020)),
      errors: [{ messageId: "earlierYear", ref: "2020年自评表!A2", expected: "2021年" }],
    },
    {
      name: "the copy comes first: still the earlier year that is left out",
      workbook: { sheets: [copyOf("2020年自评表", 2020), ...mofProject().sheets], names: [] },
      errors: [{ messageId: "earlierYear", ref: "2020年自评表!A2" }],
    },
  ],
});

test("a skipped sheet is out of every rule and out of the model; the visible form is checked as before", () => {
  const alone = checkWorkbook(mofProject());
  for (const copy of [copyOf("2020年自评表", 2020, "hidden"), copyOf("2020年自评表", 2020)]) {
    const wb = withSheets(copy);
    const model = mapWorkbook(wb);
    expect(model.snapshot.sheets.map((s) => s.name)).toEqual(["项目自评表"]);
    expect(model.whole).toBe(wb);
    expect(model.forms?.map((f) => f.sheet)).toEqual(["项目自评表"]);
    const report = checkWorkbook(wb);
    expect(report.findings.filter((f) => f.ruleId !== "sheet-not-checked")).toEqual(alone.findings);
    expect(report.findings.filter((f) => f.sheet === "2020年自评表").map((f) => f.ruleId)).toEqual(["sheet-not-checked"]);
  }
});

test("a finding on a hidden sheet's cell is marked as such (no 定位, no paint in the pane)", () => {
  const f = checkWorkbook(withSheets(copyOf("2020年自评表", 2020, "hidden"))).findings.find((x) => x.ruleId === "sheet-not-checked");
  expect(f).toMatchObject({ severity: "info", hidden: "sheet" });
  // The note names the sheet itself: no “hidden cell” note is added to its message.
  expect(f?.message).toBe("已跳过隐藏工作表「2020年自评表」：隐藏的表不参加检查；如果它是本次要报送的表，请取消隐藏后再检查。");
});
