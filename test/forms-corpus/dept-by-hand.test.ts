/**
 * A 部门整体 form built by hand as a county bureau lays it out (split headings merged down column A, seed
 * 002's figures, the 自评报告 on its own sheet), for what the corpus builders never vary.
 *
 * 1. Its 按支出性质分 split is only 基本支出 + 项目支出, neither row pinned by anything else (no
 * 人员经费 / 公用经费 under 基本支出, no rate on the lines): when the split does not foot, either line would make
 * it hold. The finding goes to the likelier one — the line whose right figure the 自评报告 states (项目支出1603.45万元
 * beside a table that shows 1613.45), else the line whose figure is its right one with two neighbouring
 * digits swapped (1630.45 for 1603.45) — and still names both, without a fix. Found by building such a
 * workbook by hand: every planted 项目支出 slip was reported at 基本支出, the first line.
 *
 * 2. Its 分值 column headed 权重 and filled in percent (`15%`, stored 0.15, as a clerk types it; 100% in the
 * 总分 row): the weights are points out of 100. Read as 0.15 they made some twenty false errors (every
 * 得分 over its 权重, the weights' total not 100) and every planted mistake was lost among them. A fix
 * for such a cell writes the fraction that shows the points (10% for 10, never 1000%).
 *
 * 3. Its 评价等次 printed as the choices with one ticked (`☑优 □良 □中 □差`, `优☑ 良□ …`, `√优  良  中  差`,
 * `优秀（√） 良好（ ） …`): read as a grade nobody wrote, a false error on every consistent workbook. The ticked
 * word is the grade; a wrong tick is found, and its fix (and `jixiao fill`) moves the tick.
 */
import { type BookSpec, MONEY, RATE, SheetWriter, copyBook, plant, snapshotOf, type Ref } from "./book";
import { checkBook, removeTempDir, writeTemp, type Seen } from "./run";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { writeExpenseSplitAndGoal } from "./hand-dept";
import { computeFills } from "../../src/core/fill";

afterAll(removeTempDir);

const SHEET = "部门整体支出绩效自评表";
const REPORT = "自评报告";
const BASIC: Ref = { sheet: SHEET, a1: "E8" };
const PROJECT: Ref = { sheet: SHEET, a1: "E9" };

/**
 * The form (seed 002's figures) and its report; `split` is the report's sentence on 基本 / 项目支出;
 * `percentWeights`: the 分值 column headed 权重, every weight (and the 总分 row's 100) typed in percent.
 */
function book(split: string, percentWeights = false, grade = "优", unitLine = "填报单位（盖章）：某区医疗保障局"): BookSpec {
  const points = (x: number): [number, { fmt: string }] => (percentWeights ? [x / 100, { fmt: "0%" }] : [x, { fmt: "0" }]);
  const s = new SheetWriter(SHEET);
  s.merged("A1:I1", "2024年度部门整体支出绩效自评表", { bold: true, center: true });
  s.merged("A2:E2", unitLine);
  s.merged("G2:I2", "金额单位：万元");
  s.merged("A3:B3", "项  目", { bold: true });
  ["年初预算数", "全年预算数", "全年执行数", percentWeights ? "权重" : "分值", "执行率", "得分", "备注"].forEach((h, i) => s.label(`${"CDEFGHI"[i]}3`, h, { bold: true }));
  const money = (r: number, v: number[]): void => v.forEach((x, i) => void s.set(`${"CDE"[i]}${r}`, x, { fmt: MONEY }));
  s.merged("A4:B4", "年度预算资金总额");
  money(4, [1632.87, 1711.75, 1707.31]);
  s.set("F4", ...points(10));
  s.set("G4", 0.9974, { fmt: RATE });
  s.set("H4", 9.97, { fmt: MONEY });
  s.merged("A5:A7", "按收入性质分");
  s.label("B5", "一般公共预算");
  money(5, [1632.87, 1711.75, 1707.31]);
  s.label("B6", "政府性基金预算");
  s.label("B7", "其他资金");
  for (const r of [6, 7]) for (const c of "CDE") s.dash(`${c}${r}`);
  writeExpenseSplitAndGoal(s, money);
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", percentWeights ? "权重" : "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => s.label(`${"ABCDEFGH"[i]}11`, h, { bold: true }));
  const rows: [string, string, string, string, string, number, number][] = [
    ["产出指标", "数量指标", "城乡居民医保参保人数", "≥23万人", "23.9万人", 30, 30],
    ["产出指标", "质量指标", "困难群体回访率", "100%", "98%", 20, 19.6],
    ["效益指标", "社会效益指标", "城乡居民医保参保率", "≥100%", "107.5%", 30, 30],
    ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10],
  ];
  rows.forEach(([l1, l2, name, target, actual, weight, score], i) => {
    [l1, l2, name, target, actual].forEach((v, j) => void s.set(`${"ABCDE"[j]}${12 + i}`, v));
    s.set(`F${12 + i}`, ...points(weight));
    s.set(`G${12 + i}`, score, { fmt: "0.00" });
  });
  s.text("H13", "个别困难群众外出务工未能回访，下一步电话回访。");
  s.merged("A16:E16", "总分");
  s.set("F16", ...points(100));
  s.set("G16", 99.57, { fmt: MONEY });
  s.merged("A17:E17", "评价等次");
  s.merged("F17:I17", grade);
  const t = new SheetWriter(REPORT);
  [
    "2024年部门整体支出绩效自评报告",
    `2024年区医保局年初部门预算安排1632.87万元，全年预算安排1711.75万元，全年执行1707.31万元，预算执行率99.74%。${split}`,
    "经自评，本部门2024年度整体支出绩效自评得分99.57分，评价等次为优。",
  ].forEach((p, i) => void t.set(`A${i + 1}`, p));
  return { sheets: [s.spec, t.spec] };
}

const STATED = "其中，基本支出103.86万元，项目支出1603.45万元。";

async function planted(split: string, at: Ref, value: number): Promise<Seen> {
  const b = copyBook(book(split));
  plant(b, at, value);
  return checkBook(b, "split-evidence");
}

/** The errors, as `rule Sheet!A1`. */
const errors = (seen: Seen): string[] => seen.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`);

test("consistent (the report states both lines): no error, no warning", async () => {
  const seen = await checkBook(book(STATED), "split-evidence");
  expect(seen.form).toBe("部门整体支出绩效自评表");
  expect(seen.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test.each([
  ["项目支出 1613.45, the report stating 1603.45", PROJECT, 1613.45, "1603.45"],
  ["基本支出 113.86, the report stating 103.86", BASIC, 113.86, "103.86"],
])("%s → the one error is at that line, naming both, the stated figure as the correction", async (_what, at, value, expected) => {
  const seen = await planted(STATED, at, value);
  expect(errors(seen)).toEqual([`total-matches-parts ${SHEET}!${at.a1}`]);
  const message = seen.findings.find((f) => f.severity === "error")!.message;
  expect(message).toContain("“基本支出”");
  expect(message).toContain("“项目支出”");
  expect(message).toContain(`按其余各数应为 ${expected}`);
});

test("项目支出 1630.45 for 1603.45 (two digits swapped), the report silent on the split → at 项目支出", async () => {
  const seen = await planted("", PROJECT, 1630.45);
  expect(errors(seen)).toEqual([`total-matches-parts ${SHEET}!E9`]);
  expect(seen.findings[0].message).toContain("按其余各数应为 1603.45");
});

test("nothing tells the lines apart (no statement, no swapped digits): one error on the split, both lines named", async () => {
  const seen = await planted("", BASIC, 113.86);
  const found = errors(seen);
  expect(found).toHaveLength(1);
  expect([`total-matches-parts ${SHEET}!E8`, `total-matches-parts ${SHEET}!E9`]).toContain(found[0]);
  expect(seen.findings[0].message).toMatch(/“(?:基本|项目)支出”、“(?:基本|项目)支出”中某一项有误/);
});

test("the report repeating the table's wrong figure is no evidence: both lines still named", async () => {
  const seen = await planted("其中，基本支出103.86万元，项目支出1613.45万元。", PROJECT, 1613.45);
  expect(errors(seen).filter((e) => e.includes(`${SHEET}!`))).toHaveLength(1);
  expect(seen.findings.find((f) => f.severity === "error")!.message).toMatch(/中某一项有误/);
});

describe("the 分值 column headed 权重, filled in percent (15% for 15 points)", () => {
  const percent = book(STATED, true);

  test("consistent: no error, no warning", async () => {
    const seen = await checkBook(percent, "percent-weights");
    expect(seen.form).toBe("部门整体支出绩效自评表");
    expect(seen.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test.each([
    ["an indicator's 得分 31 over its 权重 30%", "G12", 31, ["indicator-score-matches", "score-within-weight"]],
    ["an indicator's 权重 25% for 20%", "F13", 0.25, ["weights-sum"]],
    ["the 总分 99.87 for 99.57", "G16", 99.87, ["total-score-matches"]],
  ] as const)("%s → found at its cell, nothing else on the form", async (_what, a1, value, rules) => {
    const b = copyBook(percent);
    plant(b, { sheet: SHEET, a1 }, value);
    const seen = await checkBook(b, "percent-weights");
    const onForm = seen.findings.filter((f) => f.severity !== "info" && f.cell.startsWith(`${SHEET}!`));
    expect(onForm.map((f) => f.cell)).toEqual(rules.map(() => `${SHEET}!${a1}`));
    expect(onForm.map((f) => f.rule).sort()).toEqual([...rules].sort());
    expect(errors(seen).length).toBeGreaterThan(0);
  });

  test("the fix for a 权重 typed 25% writes 20% (the fraction 0.2), not 2000%", () => {
    const b = copyBook(percent);
    plant(b, { sheet: SHEET, a1: "F13" }, 0.25);
    const report = checkWorkbook(snapshotOf(b));
    const finding = report.findings.find((f) => f.ruleId === "weights-sum" && f.ref === "F13");
    expect(finding).toBeDefined();
    const writes = [finding!.fix, ...(finding!.suggestions ?? [])].flatMap((x) => x?.writes ?? []).filter((w) => w.at.address === "F13");
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(w.value).toBeCloseTo(0.2, 10);
  });
});

describe.each([
  ["☑优 □良 □中 □差", "□优 ☑良 □中 □差"],
  ["优☑ 良□ 中□ 差□", "优□ 良☑ 中□ 差□"],
  ["√优  良  中  差", "优  √良  中  差"],
  ["■优 □良 □中 □差", "□优 ■良 □中 □差"],
  ["优秀（√） 良好（ ） 合格（ ） 不合格（ ）", "优秀（ ） 良好（√） 合格（ ） 不合格（ ）"],
])("the 评价等次 printed as choices, one ticked: %s", (right, wrong) => {
  test("consistent: no error, no warning", async () => {
    const seen = await checkBook(book(STATED, false, right), "ticked-grade");
    expect(seen.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test(`ticked wrong (${wrong}) → one error at the grade; the fix and fill move the tick back`, async () => {
    const b = book(STATED, false, wrong);
    const seen = await checkBook(b, "ticked-grade");
    expect(errors(seen)).toEqual([`grade-matches-band ${SHEET}!F17`]);
    const finding = checkWorkbook(snapshotOf(b)).findings.find((f) => f.ruleId === "grade-matches-band")!;
    expect(finding.fix?.writes).toEqual([expect.objectContaining({ value: right })]);
    const fill = computeFills(snapshotOf(b), undefined, { overwrite: true });
    expect(fill.writes.filter((w) => w.field === "jx_grade").map((w) => w.newValue)).toEqual([right]);
  });
});

test.each(["填报单位：某区医疗保障局（盖章）", "填报单位：（盖章）某区医疗保障局", "单位名称（公章）：某区医疗保障局  填报人：李四", "部门名称：某区医疗保障局    主管部门：某市医疗保障局"])(
  "the unit line %s → the unit is 某区医疗保障局 (the stamp's place and the next label no part of the name)",
  async (line) => {
    const file = await writeTemp(book(STATED, false, "优", line), "unit-line");
    const io = memoryIo();
    await main(["node", "jixiao", "check", file, "--format", "json"], io);
    const json = JSON.parse(io.out) as { workbooks: { summary: { unit?: string; outcome?: string } }[] };
    expect(json.workbooks[0].summary.unit).toBe("某区医疗保障局");
    expect(json.workbooks[0].summary.outcome).toBe("passed");
  },
);
