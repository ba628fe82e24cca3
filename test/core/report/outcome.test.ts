/**
 * Issue 11 point 1: no false all-clear. An empty sheet is 未识别, the bureau's blank templates are
 * 尚未填写 (with what to fill), and only a filled report without error is 通过 (可以导出).
 */
import * as path from "path";
import { checkModel, mapWorkbook, outcomeOf, type WorkbookSnapshot } from "../../../src/core";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { buildWorkbook } from "../../helpers/workbook-builder";

const ROOT = path.resolve(__dirname, "../../..");
const outcome = (snap: WorkbookSnapshot) => {
  const model = mapWorkbook(snap);
  return outcomeOf(model, checkModel(model));
};

describe("outcomeOf", () => {
  test("an empty Sheet1 is 未识别, never exportable", () => {
    const o = outcome(buildWorkbook({ Sheet1: [] }));
    expect(o.kind).toBe("unrecognised");
    expect(o.recognised).toBe(0);
    expect(o.exportable).toBe(false);
  });

  test("a sheet with a couple of matching labels is still 未识别", () => {
    const o = outcome(buildWorkbook({ Sheet1: [["单位名称", "某某公司"], ["年度", 2024], ["合计", 12]] }));
    expect(o.kind).toBe("unrecognised");
    expect(o.exportable).toBe(false);
  });

  test.each(["jixiao-dept.xlsx", "jixiao-project.xlsx"])("the blank template %s is 尚未填写, listing what to fill", async (file) => {
    const o = outcome(await readXlsxFile(path.join(ROOT, "assets", "templates", file)));
    expect(o.kind).toBe("blank");
    expect(o.exportable).toBe(false);
    const labels = o.missing.map((m) => m.label);
    expect(labels).toContain("部门（单位）名称");
    expect(labels).toContain("评价年度");
    // Every item says where to go.
    expect(o.missing.every((m) => m.at !== undefined)).toBe(true);
  });

  test("a filled example with errors is not exportable; one without is 通过", async () => {
    const linxiang = outcome(await readXlsxFile(path.join(ROOT, "examples", "linxiang-2021.xlsx")));
    expect(linxiang.kind).toBe("errors");
    expect(linxiang.errors).toBeGreaterThan(0);
    expect(linxiang.exportable).toBe(false);
    const chengde = outcome(await readXlsxFile(path.join(ROOT, "examples", "chengde-2019-projects.xlsx")));
    expect(chengde.kind).toBe("passed");
    expect(chengde.exportable).toBe(true);
  });

  test("a crashed rule keeps a report from passing", async () => {
    const snap = await readXlsxFile(path.join(ROOT, "examples", "chengde-2019-projects.xlsx"));
    const model = mapWorkbook(snap);
    const report = checkModel(model);
    const crashed = { ...report, ruleResults: [...report.ruleResults, { ruleId: "x", status: "crashed" as const, findings: 0, error: "boom" }] };
    expect(outcomeOf(model, crashed).kind).toBe("errors");
    expect(outcomeOf(model, crashed).exportable).toBe(false);
  });
});
