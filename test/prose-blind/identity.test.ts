/**
 * Identity as forms write it (issue 9, kinds 1 and 8), through `jixiao check` on an .xlsx: the year as a
 * line under the title, as “评价年度：2021” in one cell, only in the title; the unit as “填报单位：…” with
 * (盖章), full- or half-width colons and spaces, “单位名称：…”, “部门名称：…”, only in 主管部门 / 实施单位, or only
 * in the title; a 填报日期 in the following year. None of these may give a “未找到评价年度/部门名称” error or
 * any warning; a wrong year in the title or the year line is found at that cell; a form that carries no
 * year at all gets a note (信息), never an error.
 */
import { checkBook, removeTempDir, show, writeTemp } from "../forms-corpus/run";
import { runCli } from "../helpers/run-cli";
import { ABSENT, CONSISTENT, WRONG_YEAR } from "./identity";

afterAll(removeTempDir);

test.each(CONSISTENT.map((v) => [v.what, v] as const))("complete form, %s: no error, no warning", async (_what, v) => {
  const seen = await checkBook(v.book(), "identity-ok");
  expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  // Nor a note that the form lacks a year or a unit it does carry.
  expect(show(seen.findings.filter((f) => f.rule === "form-field-absent"))).toEqual([]);
  // And the year and unit are the ones the form writes.
  const run = await runCli("check", await writeTemp(v.book(), "identity-summary"), "--format", "json");
  const summary = (JSON.parse(run.out) as { workbooks: { summary: { year: number | null; unit: string | null } }[] }).workbooks[0].summary;
  expect({ year: summary.year, unit: summary.unit }).toEqual({ year: v.year, unit: v.unit });
});

test.each(WRONG_YEAR.map((v) => [v.what, v] as const))("%s: found at that cell, and nowhere else", async (_what, v) => {
  const seen = await checkBook(v.book(), "identity-year");
  const notes = seen.findings.filter((f) => f.severity !== "info");
  expect(show(notes)).toEqual([expect.stringContaining(`year-matches-report ${v.at}: `)]);
  expect(notes[0].message).toContain("2020");
  expect(notes[0].message).toContain("2021");
});

test.each(ABSENT.map((v) => [v.what, v] as const))("a form without it, %s: a note, never an error", async (_what, v) => {
  const seen = await checkBook(v.book(), "identity-absent");
  expect(show(seen.findings.filter((f) => f.severity !== "info"))).toEqual([]);
  const note = seen.findings.filter((f) => f.rule === "form-field-absent");
  expect(note.map((f) => f.severity)).toEqual(["info"]);
  expect(note[0].message).toContain(`未包含${v.field}`);
});
