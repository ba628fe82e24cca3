/**
 * 湖南 部门整体 form: a wrong 全年执行数 (or 全年预算数) that moves the 执行率 far enough to change the 得分 was
 * reported at the 预算执行率, the 预算执行率得分 and the 得分汇总 row — three consequences, none the cause.
 * The rate and the 得分 as written agree with each other and not with the amounts: the finding is at an
 * amount (the 全年执行数 first, naming the 全年预算数), and nothing else is an error.
 */
import { PRESETS } from "../../src/core/config/presets";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, plant, snapshotOf } from "./book";
import { buildCorpus } from "./corpus";
import { possibleCauses } from "./relations";

const CASE = buildCorpus().find((c) => c.form === "hunan-whole")!;

function errorsAfter(at: string, value: number): { causes: string[]; errors: { rule: string; cell: string; message: string }[] } {
  const i = at.lastIndexOf("!");
  const book = plant(copyBook(CASE.book), { sheet: at.slice(0, i), a1: at.slice(i + 1) }, value);
  const report = checkWorkbook(snapshotOf(book), { preset: PRESETS.recommended, host: "cli" });
  return {
    causes: possibleCauses(book, CASE.relations),
    errors: report.findings.filter((f) => f.severity === "error").map((f) => ({ rule: f.ruleId, cell: `${f.sheet}!${f.ref}`, message: f.message })),
  };
}

describe("湖南整体表: a wrong 全年执行数 is reported at the amount, not at the 执行率", () => {
  test.each([
    ["绩效自评!C2", 30765.63],
    ["绩效自评!C2", 30303.14],
    ["绩效自评!B2", 30840.63],
  ])("%s = %s: one finding, at the 全年执行数, naming the 全年预算数", (at, value) => {
    const { causes, errors } = errorsAfter(at, value);
    expect(causes).toEqual(["绩效自评!B2", "绩效自评!C2"]);
    expect(errors.map((e) => `${e.rule} ${e.cell}`)).toEqual(["exec-rate-matches 绩效自评!C2"]);
    expect(errors[0].message).toContain("预算执行率 100.00% 与预算执行率得分 10 相符");
    expect(errors[0].message).toContain("也可能是全年预算数有误");
  });

  test("a rate typed wrong alone (90.00% beside 得分 10) is still reported at the rate", () => {
    const { errors } = errorsAfter("绩效自评!D2", 0.9);
    expect(errors.map((e) => `${e.rule} ${e.cell}`)).toEqual(["exec-rate-matches 绩效自评!D2"]);
  });
});
