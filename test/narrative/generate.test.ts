import { generateNarrative, narrativeSheet, withSheet } from "../../src/core/narrative/generate";
import { mapWorkbook } from "../../src/core/mapping";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { NATIONAL } from "../../src/core/scoring/profiles";
import { RULES } from "../../src/core/rules";
import { proseWorkbook } from "./prose-workbook";

const prose = RULES.filter((r) => r.id.startsWith("prose-"));

function generated(options = {}) {
  const wb = proseWorkbook(options);
  const doc = generateNarrative(mapWorkbook(wb), NATIONAL);
  return { wb, doc, sheet: narrativeSheet(doc) };
}

describe("generateNarrative", () => {
  test("has the six sections in order", () => {
    const { doc } = generated();
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "一、部门（单位）概况",
      "二、收支及预算执行情况",
      "三、绩效指标完成情况",
      "四、存在的主要问题",
      "五、改进措施",
      "六、自评结论",
    ]);
    expect(doc.title).toBe("临湘市医疗保障局2021年度部门整体支出绩效自评报告");
  });

  test("numbers keep the precision and unit of their cells", () => {
    const all = generated().doc.sections.flatMap((s) => s.paragraphs).join("\n");
    expect(all).toContain("支出合计30803.13万元，其中：基本支出2257.83万元、项目支出28545.3万元。");
    expect(all).toContain("基本支出2257.83万元，其中：人员支出1864.33万元、公用支出393.5万元。");
    expect(all).toContain("全年预算数31000.00万元，全年执行数30803.13万元，预算执行率为99.36%，得分9.94分（分值10分）。");
    expect(all).toContain("年初设定的数量指标为参保人数≥41万人，实际完成42.5万人，完成率为103.66%，得分20分（分值20分）。");
    expect(all).toContain("（一）产出指标（分值50分，得分49.92分）");
    expect(all).toContain("年初设定的社会效益指标为“群众就医负担”（有效减轻），实际完成情况为“达成年度指标”，得分28分（分值30分）。");
    expect(all).toContain("经自评，临湘市医疗保障局2021年度绩效自评综合得分为97.86分，评价等次为“优”。");
  });

  test("problems add the unmet indicators with their 偏差原因, and the clerk's text stays", () => {
    const p = generated().doc.sections[3].paragraphs;
    expect(p[0]).toBe("基本医保全覆盖难度大。");
    expect(p).toContain("“参保率”未达到年度指标值：年度指标值为95%，实际完成94.5%。偏差原因：部分群众参保意愿不强。");
  });

  test("a low 执行率 asks for its reason; missing fields are visible gaps, never invented", () => {
    const { doc } = generated({ problems: "", measures: "", scalars: { jx_executed: 24000, jx_exec_score: null, jx_score_total: null, jx_grade: null } });
    const p = doc.sections[3].paragraphs;
    expect(p[0]).toBe("【待填写：存在的主要问题】");
    expect(p).toContain("预算执行率为77.42%，低于90%，偏差原因：【待填写：预算执行率偏低的原因】。");
    expect(doc.sections[4].paragraphs).toEqual(["【待填写：改进措施和有关建议】"]);
  });

  test("an indicator without a reason gets a 待填写 for it", () => {
    const { doc } = generated();
    expect(doc.sections[3].paragraphs.join("")).not.toContain("【待填写：“参保率”");
    const { doc: doc2 } = generated({ indicatorRows: 2 });
    expect(doc2.sections[2].paragraphs[0]).toBe("本年度绩效指标体系设置预算执行率和1个一级指标、2个二级指标、2个三级指标，完成情况如下。");
  });

  test("a thousands-grouped format is kept", () => {
    const { doc } = generated({ scalars: { jx_budget_adjusted: { value: 31000, numberFormat: "#,##0.00" } } });
    expect(doc.sections[1].paragraphs.join("")).toContain("全年预算数31,000.00万元");
  });

  test("the sheet: title and headings marked, one paragraph per row", () => {
    const { sheet } = generated();
    expect(sheet.name).toBe("评价报告综述");
    expect(sheet.rows[0]).toEqual(["临湘市医疗保障局2021年度部门整体支出绩效自评报告"]);
    expect(sheet.headingRows?.map((i) => sheet.rows[i][0])).toEqual([
      "临湘市医疗保障局2021年度部门整体支出绩效自评报告",
      "一、部门（单位）概况",
      "（一）基本情况",
      "（二）主要职能职责",
      "（三）年度主要工作任务",
      "（四）总体运行情况及取得的成绩",
      "二、收支及预算执行情况",
      "三、绩效指标完成情况",
      "（一）产出指标（分值50分，得分49.92分）",
      "（二）效益指标（分值30分，得分28分）",
      "（三）满意度指标（分值10分，得分10分）",
      "四、存在的主要问题",
      "五、改进措施",
      "六、自评结论",
    ]);
  });

  test("generator and checker agree: a fresh narrative gives no prose finding", () => {
    const { wb, sheet } = generated();
    const checked = checkWorkbook(withSheet(wb, sheet), { rules: prose });
    expect(checked.ruleResults.filter((r) => r.status === "crashed")).toEqual([]);
    expect(checked.findings.map((f) => `${f.ruleId} ${f.ref} ${f.message}`)).toEqual([]);
  });

  test("…also with a low 执行率 and unmet indicators", () => {
    const { wb, sheet } = generated({ scalars: { jx_executed: 24000 } });
    const checked = checkWorkbook(withSheet(wb, sheet), { rules: prose });
    expect(checked.findings.map((f) => `${f.ruleId} ${f.ref} ${f.message}`)).toEqual([]);
  });

  test("…also with a 元 slip in the table (the narrative writes the corrected amount the checker expects)", () => {
    const { wb, sheet, doc } = generated({ basic2: 3467700 });
    expect(doc.sections[1].paragraphs.join("")).toContain("基本支出2257.83万元");
    const checked = checkWorkbook(withSheet(wb, sheet), { rules: prose });
    expect(checked.findings.map((f) => `${f.ruleId} ${f.ref} ${f.message}`)).toEqual([]);
  });

  test("a mistake written into the generated sheet is found at its cell", () => {
    const { wb, sheet } = generated();
    const row = sheet.rows.findIndex((r) => String(r[0]).startsWith("支出合计"));
    const rows = sheet.rows.map((r, i) => (i === row ? [String(r[0]).replace("2257.83万元", "2257.83元")] : r));
    const checked = checkWorkbook(withSheet(wb, { ...sheet, rows }), { rules: prose });
    // One slip, one finding: the parts no longer adding up is the same 元, not a second mistake.
    expect(checked.findings.map((f) => `${f.ruleId}:${f.messageId}@${f.sheet}!${f.ref}`)).toEqual([`prose-amount-matches-table:unitMistake@评价报告综述!A${row + 1}`]);
  });

  test("regenerating replaces the sheet and keeps nothing stale", () => {
    const { wb, sheet } = generated();
    const stale = withSheet(wb, { name: "评价报告综述", rows: [["旧"], ["旧"], ["旧"], ...Array.from({ length: 200 }, () => ["旧文字"])] });
    const again = withSheet(stale, sheet);
    const s = again.sheets.find((x) => x.name === "评价报告综述")!;
    expect(Object.values(s.cells).map((c) => c.value)).not.toContain("旧文字");
    expect(again.sheets.filter((x) => x.name === "评价报告综述")).toHaveLength(1);
  });
});
