/**
 * Prose anywhere, on real text (issue 9, kind 6): the seeds' own paragraphs placed where bureaus put
 * them — a 自评报告 sheet with one paragraph per row (一、项目概况 … 四、评价结论), one huge merged cell
 * A1:H40 with line breaks, a 自评结论 cell beside the form's table, a 自评结论：… line below it — beside
 * the 财政部 项目表 (seed 004), the 项目汇总表 (seed 001), the 部门整体 form (seed 002) and the 决算 tables
 * (seed 003). Through the real path (`jixiao check --format json` on an .xlsx in os.tmpdir()):
 * the consistent text gives no error and no warning; each planted prose mistake is found at the text's
 * cell, by the rule that owns it, in plain Chinese naming the number written and the right one, with no
 * error anywhere else.
 */
import { checkBook, removeTempDir, show as showFindings } from "../forms-corpus/run";
import { PLACEMENTS, place, projectCase, summaryCase, deptCase, finalCase, show, type Case } from "./books";
import { PROJECT_PLANTS, SUMMARY_PLANTS, DEPT_PLANTS, FINAL_PLANTS, type Plant } from "./plants";

afterAll(removeTempDir);

const CASES: [string, () => Case, Plant[]][] = [
  ["财政部 项目表 (seed 004)", () => projectCase("mof"), PROJECT_PLANTS],
  ["四川 项目表 (seed 004)", () => projectCase("sichuan"), PROJECT_PLANTS],
  ["项目汇总表 (seed 001)", summaryCase, SUMMARY_PLANTS],
  ["部门整体 (seed 002)", deptCase, DEPT_PLANTS],
  ["决算 (seed 003)", finalCase, FINAL_PLANTS],
];

describe.each(CASES)("%s", (_name, make, plants) => {
  const c = make();

  test.each(PLACEMENTS)("consistent text (%s): no error, no warning", async (where) => {
    const seen = await checkBook(place(c, where).book, "blind-ok");
    expect(showFindings(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  });

  const planted = PLACEMENTS.flatMap((where) => plants.map((p) => [where, p.what, p] as const));
  test.each(planted)("%s: %s → found at the text cell", async (where, _what, p) => {
    const paragraphs = [...c.paragraphs];
    expect(paragraphs[p.paragraph]).toContain(p.from);
    paragraphs[p.paragraph] = paragraphs[p.paragraph].replace(p.from, p.to);
    const { book, cellOf } = place(c, where, paragraphs);
    const at = show(cellOf(p.paragraph));
    const seen = await checkBook(book, "blind-plant");
    const hit = seen.findings.filter((f) => f.cell === at && f.rule.startsWith(p.rule) && f.severity !== "info" && p.says.every((s) => f.message.includes(s)));
    const elsewhere = seen.findings.filter((f) => f.severity === "error" && f.cell !== at);
    expect({ found: hit.length > 0 ? "yes" : showFindings(seen.findings), elsewhere: showFindings(elsewhere) }).toEqual({ found: "yes", elsewhere: [] });
    // One mistake, one finding at the text.
    expect(showFindings(seen.findings.filter((f) => f.cell === at && f.severity !== "info"))).toHaveLength(1);
  });
});
