import { templateLeftover, findPlaceholder } from "../../src/core/rules/template-leftover";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { ruleTester } from "../helpers/rule-tester";
import { mofProject, mofProjectRows, patch } from "../core/forms/fixtures";

/** The national project form with a few cells rewritten. */
const form = (cells: Parameters<typeof patch>[1]): WorkbookSnapshot => mofProject(patch(mofProjectRows(), cells));

/** The form with one more sheet. */
function withSheet(sheet: SheetSnapshot): WorkbookSnapshot {
  const wb = mofProject();
  return { ...wb, sheets: [...wb.sheets, sheet] };
}

const textSheet = (name: string, lines: string[]): SheetSnapshot => ({
  name,
  cells: Object.fromEntries(lines.map((v, i) => [`A${i + 1}`, { value: v }])),
  merges: [],
});

ruleTester.run(templateLeftover, {
  valid: [
    { name: "a filled form", workbook: mofProject() },
    { name: "masked names and an anonymised unit (王某某, 张××, 某某局)", workbook: form({ A3: "填报单位：某某县医疗保障局", G3: "填表人：王某某", I12: "联系人：张××" }) },
    { name: "a 填报说明 sheet full of placeholders", workbook: withSheet(textSheet("填报说明", ["1.标题写“20XX年度项目支出绩效自评表”。", "2.金额写XX万元，请填写到小数点后两位。", "3.预算执行率=____%"])) },
    { name: "a form's own note under the table", workbook: form({ A22: "注：请填写偏差原因分析及改进措施，金额单位为万元。" }) },
    { name: "an X-ray and a multiplication sign", workbook: form({ I14: "购置X光机1台，执行率×10即得分。" }) },
    { name: "the 四川 form's printed guidance beside the funds", workbook: form({ I7: "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。" }) },
    { name: "a signature's and a date's blank lines", workbook: form({ A22: "单位负责人（签字）：______", G22: "填报日期：____年__月__日" }) },
    { name: "a prose 分析 after XX-free text", workbook: form({ I15: "经分析，审核准确率达标。" }) },
  ],
  invalid: [
    { name: "the year left as 20XX年", workbook: form({ A2: "（20XX年度）" }), errors: [{ messageId: "placeholder", ref: "项目自评表!A2" }] },
    { name: "an amount left as XX万元 in the text", workbook: form({ F12: "全年完成费用审核XX万元，医保经办运转正常。" }), errors: [{ messageId: "placeholder", ref: "项目自评表!F12" }] },
    { name: "a completion value left as ××%", workbook: form({ F15: "××%" }), errors: [{ messageId: "placeholder", ref: "项目自评表!F15" }] },
    { name: "a blank to fill", workbook: form({ I17: "资金支付及时率达到____%。" }), errors: [{ messageId: "placeholder", ref: "项目自评表!I17" }] },
    { name: "a gap of jixiao's own 综述 left unfilled", workbook: withSheet(textSheet("评价报告综述", ["四、存在的主要问题", "【待填写：存在的主要问题】"])), errors: [{ messageId: "placeholder", ref: "评价报告综述!A2" }] },
    { name: "the 四川 form's prompt left as the answer", workbook: form({ F12: "结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。(200字以内)" }), errors: [{ messageId: "placeholder", ref: "项目自评表!F12" }] },
    { name: "the template's prompt left in the answer", workbook: form({ F12: "（请填写实际完成情况）" }), errors: [{ messageId: "placeholder", ref: "项目自评表!F12" }] },
    {
      name: "prose on its own sheet: one finding per cell",
      workbook: withSheet(textSheet("自评报告", ["一、项目概况", "本项目20XX年度预算215.11万元，执行XX万元。", "二、存在问题", "此处填写存在的问题。"])),
      errors: [
        { messageId: "placeholder", ref: "自评报告!A2" },
        { messageId: "placeholder", ref: "自评报告!A4" },
      ],
    },
  ],
});

test("what the clerk reads: the placeholder, what is missing, the cell's text", () => {
  const report = checkWorkbook(form({ F12: "全年完成费用审核XX万元，医保经办运转正常。" }));
  const f = report.findings.find((x) => x.ruleId === "template-leftover");
  expect(f?.severity).toBe("warning");
  expect(f?.message).toBe("“全年完成费用审核XX万元，医保经办运转正常。”中的“XX”是模板留下的占位内容（数字未填写），报送前请改为实际内容。");
  // A warning: the report is not called ready without it being said.
  expect(report.findings.filter((x) => x.severity === "error")).toEqual([]);
});

test.each([
  ["2021年", undefined],
  ["20××年", "年份"],
  ["XXXX年度", "年份"],
  ["XXL型号", undefined],
  ["完成XX项", "数字"],
  ["XX分析", undefined],
  ["请输入", "填写提示"],
  ["（待定）", "填写提示"],
  ["申请资金", undefined],
])("findPlaceholder(%s) → %s", (text, what) => {
  expect(findPlaceholder(text)?.what).toBe(what);
});
