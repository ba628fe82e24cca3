/**
 * The 综述 on the forms clerks keep instead of the template: a 项目汇总表 with one 项目支出绩效自评表 per
 * sheet (seed 001, examples/chengde-2019-project-sheets.xlsx), the 决算 tables (seed 003,
 * examples/xuanhan-2020-final.xlsx), a 部门整体 form — and every bureau layout of the forms corpus. Each
 * section draws on what the workbook holds, and the narrative, written back, gives no prose finding the
 * workbook did not already have.
 */
import * as path from "path";
import { checkWorkbook, profileFor } from "../../src/core/engine/run-rules";
import { mapWorkbook } from "../../src/core/mapping";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { generateNarrative, narrativeSheet, withSheet, type NarrativeDoc } from "../../src/core/narrative/generate";
import { RULES } from "../../src/core/rules";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { snapshotOf } from "../forms-corpus/book";
import { buildCorpus } from "../forms-corpus/corpus";

const prose = RULES.filter((r) => r.id.startsWith("prose-"));
const EXAMPLES = path.join(__dirname, "..", "..", "examples");

function narrate(book: WorkbookSnapshot): { doc: NarrativeDoc; added: string[] } {
  const model = mapWorkbook(book);
  const doc = generateNarrative(model, profileFor(model));
  const show = (f: { ruleId: string; sheet: string; ref: string; message: string }): string => `${f.ruleId} ${f.sheet}!${f.ref} ${f.message}`;
  const before = new Set(checkWorkbook(book, { rules: prose }).findings.map((f) => `${f.ruleId} ${f.message}`));
  const added = checkWorkbook(withSheet(book, narrativeSheet(doc)), { rules: prose })
    .findings.filter((f) => !before.has(`${f.ruleId} ${f.message}`))
    .map(show);
  return { doc, added };
}

const section = (doc: NarrativeDoc, heading: string): readonly string[] => doc.sections.find((s) => s.heading.startsWith(heading))?.paragraphs ?? [];

test("a 项目汇总表 with one project form per sheet: each project's indicators, problems, 得分 and 等次", async () => {
  const { doc, added } = narrate(await readXlsxFile(path.join(EXAMPLES, "chengde-2019-project-sheets.xlsx")));
  const three = section(doc, "三、");
  expect(three[0]).toBe("本年度共对9个项目开展绩效自评，各项目绩效指标完成情况如下。");
  expect(three).not.toContain("【待填写：绩效指标（工作簿中无绩效指标表）】");
  expect(three).toContain("设置三级指标5个，其中2个达到年度指标值、1个未达到（“年底前完成率”）；自评得分81.99分，评价等次为“优”。");
  // The reason the clerk wrote on the project's sheet, not a gap.
  expect(section(doc, "四、")).toContain(
    "医疗服务与保障能力提升补助资金（职工医保中心）：“年底前完成率”未达到年度指标值：年度指标值为≥90%，实际完成0%。偏差原因：研发及检查工作跨年度实施，资金按进度支付。",
  );
  const six = section(doc, "六、");
  expect(six[0]).toBe("经自评，承德市医疗保障局2019年度共9个项目开展绩效自评，其中评价等次为“优”的9个。");
  expect(six[1]).toContain("医疗服务与保障能力提升补助资金（职工医保中心）70分");
  expect(six.join("")).not.toContain("【待填写");
  expect(added).toEqual([]);
});

test("the 决算 tables: 收入合计, 支出合计 and 基本支出 with their parts, from the tables' own figures", async () => {
  const { doc, added } = narrate(await readXlsxFile(path.join(EXAMPLES, "xuanhan-2020-final.xlsx")));
  const two = section(doc, "二、");
  expect(two.slice(0, 3)).toEqual([
    "2020年度收入合计848.74万元，其中：一般公共预算财政拨款收入848.74万元。",
    "支出合计848.75万元，其中：基本支出442.18万元、项目支出406.57万元。",
    "基本支出442.18万元，其中：人员经费384.03万元、公用经费58.16万元。",
  ]);
  expect(added).toEqual([]);
});

test("a 部门整体 form: 支出 by 性质 from its 年度资金总额 block (executed column)", async () => {
  const { doc, added } = narrate(await readXlsxFile(path.join(EXAMPLES, "xuanhan-2020-dept.xlsx")));
  expect(section(doc, "二、")).toContain("支出合计848.75万元，其中：基本支出442.18万元、项目支出406.57万元。");
  expect(added).toEqual([]);
});

describe("every consistent bureau layout of the forms corpus", () => {
  const cases = buildCorpus().map((c) => [c.file, c] as const);
  test.each(cases)("%s: the narrative written back adds no prose finding", (_name, c) => {
    expect(narrate(snapshotOf(c.book)).added).toEqual([]);
  });
  test("two stacked project forms: the narrative gives each project its own figures", () => {
    const c = buildCorpus().find((x) => x.file === "sichuan-system")!;
    const two = section(narrate(snapshotOf(c.book)).doc, "二、");
    expect(two).toContain("51000021R000000019951-工资性支出：全年预算数251.89万元，全年执行数251.89万元，预算执行率为100.00%，得分10分（分值10分）。");
    expect(two).toContain("51000021T000000203317-医保经办能力提升项目：全年预算数85.60万元，全年执行数74.05万元，预算执行率为86.51%，得分8.65分（分值10分）。");
  });
});
