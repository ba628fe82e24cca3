/**
 * `jixiao check --format json` gives each workbook's 综合得分 and its grade in the summary (the 财政局's
 * batch table reads it). The grade is the one the form itself gives that score: by the bands written on
 * the form (85 / 75 / 60 on a provincial project form) and in the form's own words (优秀 / 良好 on the 湖南
 * form), as check's findings and fill already judge it.
 */
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { gradeFor, gradeLabel } from "../../src/core/scoring/score";
import { NATIONAL } from "../../src/core/scoring/profiles";
import { deptFrameworkCase, projectBandsCase } from "./bureau-variants-6";
import { hunanCase } from "./hunan-form";
import { removeTempDir, writeTemp } from "./run";
import type { FormCase } from "./types";

afterAll(removeTempDir);

async function summaryOf(c: FormCase): Promise<{ score: number | null; grade: string | null }> {
  const file = await writeTemp(c.book, `summary-grade-${c.file}`);
  const io = memoryIo();
  await main(["node", "jixiao", "check", file, "--format", "json"], io);
  const json = JSON.parse(io.out) as { workbooks: { summary: { score: number | null; grade: string | null } }[] };
  return json.workbooks[0].summary;
}

test("a form with its own bands (85 / 75 / 60): the summary grades the score by them", async () => {
  const s = await summaryOf(projectBandsCase());
  expect(s.score).not.toBeNull();
  // Between the form's 优 threshold and the national one, the two disagree: the form's is given.
  expect(s.score!).toBeGreaterThanOrEqual(85);
  expect(s.score!).toBeLessThan(90);
  expect(gradeLabel(gradeFor(s.score!, NATIONAL)!)).toBe("良");
  expect(s.grade).toMatch(/^优/);
});

test("the 湖南 form and a form whose notes list 优秀 / 良好 / 一般 / 较差: the summary uses those words", async () => {
  for (const c of [hunanCase(), deptFrameworkCase()]) {
    const s = await summaryOf(c);
    expect(s.score).not.toBeNull();
    expect([c.file, s.grade]).toEqual([c.file, expect.stringMatching(/^(优秀|良好|一般|中|较差)$/)]);
  }
});
