/**
 * The single mistakes the property test used to miss on the 省版多项目簿 (nine provincial project sheets
 * plus a 项目汇总 with the 合计 on top), each as the user sees it: the finding at the planted cell (or, when
 * the relations cannot tell, at one of the cells the oracle names), and no error anywhere else.
 *
 * - a 其中 row of a project that spent nothing (8.扫码支付: 0 of 18, so its 执行率 is 0 whatever the
 *   预算数): the 汇总 row repeating its 年度资金总额 corroborates the total, so the 其中 row is the slip;
 * - the same project's 汇总 row: its own sheet says 18, so the row is the slip, not the 合计;
 * - the 预算执行率 分值: its 得分 as written (4.49 = 44.93% × 10) says 10, not an indicator's 分值;
 * - a 总分 (sheet or 汇总 row) that crosses a grade band: the 评价等次 follows the true score;
 * - an indicator's 得分 under a 总分 the 汇总 repeats: one of the indicators, never the 总分.
 */
import { PRESETS } from "../../src/core/config/presets";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { type BookSpec, copyBook, plant, snapshotOf } from "./book";
import { buildCorpus } from "./corpus";
import { possibleCauses } from "./relations";

const CASE = buildCorpus().find((c) => c.form === "province-sheets")!;

function planted(at: string, value: number): { book: BookSpec; causes: string[]; findings: { severity: string; rule: string; cell: string; message: string }[] } {
  const i = at.lastIndexOf("!");
  const book = plant(copyBook(CASE.book), { sheet: at.slice(0, i), a1: at.slice(i + 1) }, value);
  const report = checkWorkbook(snapshotOf(book), { preset: PRESETS.recommended, host: "cli" });
  return {
    book,
    causes: possibleCauses(book, CASE.relations),
    findings: report.findings.map((f) => ({ severity: f.severity, rule: f.ruleId, cell: `${f.sheet}!${f.ref}`, message: f.message })),
  };
}

const errors = (fs: { severity: string; rule: string; cell: string }[]): string[] => fs.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`);

describe("省版多项目簿: single mistakes found at their cause", () => {
  test("8.扫码支付 其中：本年财政拨款 全年预算数 18.50 (总额 18, nothing spent): at the 其中 row, not the 年度资金总额 its 汇总 row repeats", () => {
    const { causes, findings } = planted("8.扫码支付!E7", 18.5);
    expect(causes).toEqual(["8.扫码支付!E7"]);
    expect(errors(findings)).toEqual(["total-matches-parts 8.扫码支付!E7"]);
    expect(findings[0].message).toContain("应为 18.00万元");
  });

  test("8.扫码支付 上年结转资金 37.50 beside 18 + 0 = 18: at 上年结转资金", () => {
    const { findings } = planted("8.扫码支付!E8", 37.5);
    expect(errors(findings)).toEqual(["total-matches-parts 8.扫码支付!E8"]);
  });

  test("项目汇总 扫码支付 row 全年预算数 18.50 (its sheet 18, nothing spent): at the row, not the 合计 and its 执行率", () => {
    const { causes, findings } = planted("项目汇总!E12", 18.5);
    expect(causes).toEqual(["项目汇总!E12"]);
    expect(errors(findings).sort()).toEqual(["project-row-consistent 项目汇总!E12", "summary-matches-sheets 项目汇总!E12"]);
    const row = findings.find((f) => f.rule === "project-row-consistent")!;
    expect(row.message).toContain("与该行的合计行和该项目的自评表都不符");
    expect(row.message).toContain("应为 18.00万元");
  });

  test.each([
    ["2.基金监管!G6", 10.5],
    ["2.基金监管!G6", 6.79],
    ["1.培训补助!G6", 9.5],
  ])("预算执行率 分值 %s = %s: at the 分值, not the 执行率得分 and the 总分 row", (at, value) => {
    const { causes, findings } = planted(at, value);
    expect(causes).toEqual([at]);
    expect(errors(findings)).toEqual([`weights-sum ${at}`]);
  });

  test("2.基金监管 总分 78.78 (81.99: 良 → 中): at the 总分, the 评价等次 良 is right", () => {
    const { findings } = planted("2.基金监管!G19", 78.78);
    expect(errors(findings)).toEqual(["total-score-matches 2.基金监管!G19"]);
  });

  test("项目汇总 基金监管 自评得分 78.78 (its sheet 81.99): at the 得分, the 评价等次 良 is right", () => {
    const { findings } = planted("项目汇总!H6", 78.78);
    expect(errors(findings)).toEqual(["summary-matches-sheets 项目汇总!H6"]);
  });

  test("2.基金监管 an indicator 得分 9.50 under the 总分 81.99 the 汇总 repeats: at an indicator that could be it, naming the others", () => {
    const { causes, findings } = planted("2.基金监管!G14", 9.5);
    expect(causes).toEqual(["2.基金监管!G14", "2.基金监管!G15"]);
    const errs = findings.filter((f) => f.severity === "error");
    expect(errs.map((f) => f.rule)).toEqual(["total-score-matches"]);
    expect(causes).toContain(errs[0].cell);
    expect(errs[0].message).toContain("综合得分 81.99 与项目汇总表（项目汇总!H6）一致");
    expect(errs[0].message).toContain("也可能是");
  });
});
