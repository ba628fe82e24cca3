/**
 * The five real reports' whole texts (../shared/seeds; 000 is the 湖南 layout, read elsewhere) beside the form
 * each belongs to, on a 自评报告 sheet with a paragraph per row and as one merged cell: `jixiao check` reports
 * the seeds' real mistakes and nothing else. Lines the text files wrap inside a sentence are joined back, as
 * the paragraph is in a clerk's cell.
 */
import * as fs from "fs";
import * as path from "path";
import { checkBook, removeTempDir, show } from "../forms-corpus/run";
import { SheetWriter, type SheetSpec } from "../forms-corpus/book";
import { writeProjectSheet } from "../forms-corpus/project-form";
import { SEED004 } from "../forms-corpus/seeds";
import { summaryCase, deptCase, finalCase } from "./books";

afterAll(removeTempDir);

const seeds = path.join(__dirname, "..", "..", "..", "shared", "seeds");

/** A seed's paragraphs: Word bookmarks dropped, lines wrapped inside a sentence joined. */
function paragraphs(prefix: string): string[] {
  const file = fs.readdirSync(seeds).find((f) => f.startsWith(prefix))!;
  const lines = fs.readFileSync(path.join(seeds, file), "utf8").split(/\r?\n/).map((l) => l.replace(/\[bookmark:[^\]]*\]/g, "").trim()).filter(Boolean);
  const out: string[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !/[。：:；;！？!?）)]$/.test(prev) && !/^[#一二三四五六七八九十（(\d]/.test(l) && prev.length > 20) out[out.length - 1] = prev + l;
    else out.push(l);
  }
  return out;
}

const FORMS: [string, () => SheetSpec[], string[]][] = [
  // The seed's own slip, quoted twice (立项依据 and 资金来源): a 1999 document dated 1996年6月29日.
  ["004 攀枝花 项目 (财政部 项目表)", () => [writeProjectSheet("项目自评表", SEED004, "mof").sheet.spec], ["prose-year-matches 劳社部发〔1999〕23号"]],
  ["001 承德 (项目汇总表)", () => summaryCase().sheets.map((s) => s.spec), ["prose-count-matches-list 6 个项目"]],
  [
    "002 区医保局 (部门整体)",
    () => deptCase().sheets.map((s) => s.spec),
    // The form lists 7 indicators (the seed's table is not in the text); 107.5% is the seed's own slip, and so
    // is 产出指标（满分50分，实得50分）: its own 二级 lines add up to 48 (9+10+15+14), as the form's 得分.
    ["prose-count-matches-list 9个二级指标", "prose-count-matches-list 9个三级指标", "prose-rate-matches 107.5%", "prose-score-matches 产出指标"],
  ],
  ["003 宣汉 (决算)", () => finalCase().sheets.map((s) => s.spec), ["prose-change-percent 185.1%", "prose-change-percent 200.7%", "prose-year-matches 2019年"]],
];

const prefixOf = (name: string): string => `${name.slice(0, 3)}_`;

// Skipped when ../shared/seeds is absent (a worktree without /work/wt/shared), as test/narrative/seeds.test.ts.
(fs.existsSync(seeds) ? describe.each(FORMS) : describe.skip.each(FORMS))("%s", (name, sheets, real) => {
  const text = paragraphs(prefixOf(name));

  /** Each expected finding: the rule and a phrase its message quotes. */
  const matches = (seen: { rule: string; message: string }[]): string[] =>
    real.map((r) => {
      const [rule, phrase] = r.split(" ");
      return seen.some((f) => f.rule === rule && f.message.includes(phrase)) ? r : `MISSING ${r}`;
    });

  test("a paragraph per row: the seed's real mistakes and nothing else", async () => {
    const w = new SheetWriter("自评报告");
    text.forEach((p, i) => w.set(`A${i + 1}`, p, { wrap: true }));
    const seen = await checkBook({ sheets: [...sheets(), w.spec] }, "whole-seed");
    const notes = seen.findings.filter((f) => f.severity !== "info");
    expect(matches(notes)).toEqual(real);
    expect(show(notes.filter((f) => !real.some((r) => f.rule === r.split(" ")[0] && f.message.includes(r.split(" ")[1]))))).toEqual([]);
  });

  test("one merged cell: the same", async () => {
    const w = new SheetWriter("文字说明");
    w.merged("A1:H40", text.join("\n"), { wrap: true });
    const seen = await checkBook({ sheets: [...sheets(), w.spec] }, "whole-seed-merged");
    const notes = seen.findings.filter((f) => f.severity !== "info");
    expect(matches(notes)).toEqual(real);
    expect(show(notes.filter((f) => !real.some((r) => f.rule === r.split(" ")[0] && f.message.includes(r.split(" ")[1]))))).toEqual([]);
  });
});
