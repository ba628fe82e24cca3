/**
 * A form whose 得分 cells are still blank is not scored yet: the 四川 一体化 项目表 is published that way
 * (分值 printed, 得分 empty). `jixiao check` must not call it ready to export: each blank 得分 — the
 * indicators', the 预算执行率's and the 综合得分 — is reported at its cell with the score the rules give,
 * and the outcome is `errors`, not `passed`. The same form scored (layout λ) passes.
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { mapWorkbook } from "../../src/core/mapping";
import { outcomeOf } from "../../src/core/report/outcome";
import { copyBook, snapshotOf } from "./book";
import { sichuanSystemCase } from "./bureau-variants-8";

const CASE = sichuanSystemCase();

function checked(blank: readonly string[]) {
  const book = copyBook(CASE.book);
  for (const a of blank) book.sheets[0].cells.delete(a);
  const snapshot = snapshotOf(book);
  const report = checkWorkbook(snapshot);
  return { report, outcome: outcomeOf(mapWorkbook(snapshot), report) };
}

test("scored as published: passes", () => {
  expect(checked([]).outcome.kind).toBe("passed");
});

test("the first project's 得分 left blank: each blank score is reported with its value, nothing to export", () => {
  const { report, outcome } = checked(["I9", "J15", "J16", "J17"]);
  expect(report.findings.map((f) => [f.ref, f.messageId, f.expected])).toEqual([
    ["I9", "blankExecScore", 10],
    ["J15", "blankScore", 60],
    ["J16", "blankScore", 30],
    ["J17", "blankTotalScore", 100],
  ]);
  expect(report.findings.find((f) => f.ref === "J16")?.message).toBe("指标“足额保障率(参保率)”的得分为空，自评表还没有评分；按评分规则应为 30 分，请填写（或点“自动计算”）。");
  expect(outcome).toMatchObject({ kind: "errors", exportable: false });
});

test("only the 综合得分 left blank on the second project: reported at it with the sum of the scores", () => {
  const { report } = checked(["J43"]);
  expect(report.findings.map((f) => [f.ref, f.messageId, f.expected])).toEqual([["J43", "blankTotalScore", 96.65]]);
});
