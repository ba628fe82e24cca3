/**
 * 合计在上汇总表 (自评结果汇总表 with 小计 rows): a project that spent nothing (扫码支付, 0 of 18) typed with
 * another 预算数. Its 执行率 (0%) cannot tell, so the 小计 and the 合计 were reported, with their 执行率, and
 * every row of the group that could absorb the difference — though those rows' own 执行率 (100%) anchor
 * them, and the totals' 执行率 anchor the totals. The finding is at the row alone.
 */
import { PRESETS } from "../../src/core/config/presets";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, plant, snapshotOf } from "./book";
import { buildCorpus } from "./corpus";
import { possibleCauses } from "./relations";

const CASE = buildCorpus().find((c) => c.form === "summary-top")!;

describe("合计在上汇总表: a 0-spent project's 预算数 is found at the row, not at the 小计 and 合计", () => {
  test.each([18.5, 14.79, 517.99])("扫码支付 全年预算数 %s (18)", (value) => {
    const book = plant(copyBook(CASE.book), { sheet: "自评结果汇总", a1: "E14" }, value);
    expect(possibleCauses(book, CASE.relations)).toEqual(["自评结果汇总!E14"]);
    const errors = checkWorkbook(snapshotOf(book), { preset: PRESETS.recommended, host: "cli" }).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.ruleId} ${f.sheet}!${f.ref}`)).toEqual(["project-row-consistent 自评结果汇总!E14"]);
    expect(errors[0].message).toContain("应为 18.00万元");
  });
});
