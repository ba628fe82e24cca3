/**
 * Issue 11 point 1: no false all-clear. An empty sheet is 未识别, the bureau's blank templates are
 * 尚未填写 (with what to fill), and only a filled report without error is 通过 (可以导出).
 */
import * as path from "path";
import { checkModel, mapWorkbook, outcomeOf, type WorkbookSnapshot } from "../../../src/core";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { buildWorkbook } from "../../helpers/workbook-builder";
import { snapshotOf } from "../../forms-corpus/book";
import { buildCorpus } from "../../forms-corpus/corpus";

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

  // The forms clerks keep: the 决算 tables and a 项目汇总表 hold few of the template's fields, and were
  // 未识别 — which hid the 决算 workbook's two real errors behind "没有可检查的内容".
  test("the 决算 tables with their real mistakes are 有错误, their findings shown, not 未识别", async () => {
    const o = outcome(await readXlsxFile(path.join(ROOT, "examples", "xuanhan-2020-final.xlsx")));
    expect(o.kind).toBe("errors");
    expect(o.errors).toBe(2);
    expect(o.exportable).toBe(false);
  });

  test("a 项目汇总表 with warnings only is 通过", async () => {
    const o = outcome(await readXlsxFile(path.join(ROOT, "examples", "chengde-2019-summary.xlsx")));
    expect(o.kind).toBe("passed");
    expect(o.exportable).toBe(true);
  });

  const corpus = buildCorpus();
  test.each(corpus.map((c) => [c.file, c] as const))("the consistent %s workbook is 通过; emptied of its figures, 尚未填写", (_name, c) => {
    const book = snapshotOf(c.book);
    expect(outcome(book).kind).toBe("passed");
    // Every number and every text that reads as one removed: the bureau's form as handed out.
    const empty: WorkbookSnapshot = {
      ...book,
      sheets: book.sheets.map((sh) => ({
        ...sh,
        cells: Object.fromEntries(Object.entries(sh.cells).filter(([, cell]) => typeof cell.value !== "number" && !(typeof cell.value === "string" && /\d/.test(cell.value)))),
      })),
    };
    const o = outcome(empty);
    expect(o.kind === "blank" || o.kind === "unrecognised").toBe(true);
    expect(o.exportable).toBe(false);
  });
});
