/**
 * 部门整体表: an indicator's 分值 off by 0.5 inside the 产出 group. The 得分汇总's 产出 分值 (50) and the
 * 总分 row (100) both agree with the profile, so neither total is the slip; several 分值 of the group could
 * be. They used to be reported at the two totals; now at one 分值 that could be it, naming the others.
 */
import { PRESETS } from "../../src/core/config/presets";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, plant, snapshotOf } from "./book";
import { buildCorpus } from "./corpus";
import { possibleCauses } from "./relations";

const CASE = buildCorpus().find((c) => c.form === "dept-whole")!;
const SHEET = "部门整体自评表";

describe("部门整体表: a 分值 slip inside a group is found at a 分值 that could be it, not at the totals", () => {
  test.each([
    ["G21", 10.5, "G21"],
    ["G22", 10.5, "G22"],
    ["G23", 14.5, "G21"],
    // 部门整体支出总成本 earned full marks (15) by its 实际完成值: its 分值 15.5 is named first.
    ["G24", 15.5, "G24"],
  ])("%s = %s → weights-sum at %s, no error at the 得分汇总 or the 总分 row", (a1, value, at) => {
    const book = plant(copyBook(CASE.book), { sheet: SHEET, a1 }, value);
    const causes = possibleCauses(book, CASE.relations);
    const errors = checkWorkbook(snapshotOf(book), { preset: PRESETS.recommended, host: "cli" }).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.ruleId} ${f.sheet}!${f.ref}`)).toEqual([`weights-sum ${SHEET}!${at}`]);
    expect(causes).toContain(`${SHEET}!${at}`);
    expect(errors[0].message).toContain("中某一项分值有误");
  });
});
