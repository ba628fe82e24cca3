/**
 * `jixiao fill` writes the grade in the form's OWN words. A form that shows 优秀 / 良好 / 一般 / 较差 (its notes
 * list them, its band note is written in them, a grade is already typed in them, or it is the 湖南 form) gets
 * 良好, not the national 良 — which the 财政局 would send back. A form that shows none keeps the profile's
 * 优 / 良 / 中 / 差. Each workbook is a corpus layout written to a temp .xlsx, filled by the CLI into a copy,
 * and the copy's grade cell is read back as the clerk will see it. `jixiao narrative` words the grade alike.
 */
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { copyBook, plant, type BookSpec, type Ref } from "./book";
import { deptThreeRowCase } from "./bureau-variants-2";
import { deptFrameworkCase, projectBandsCase } from "./bureau-variants-6";
import { hunanCase } from "./hunan-form";
import { removeTempDir, tempDir, writeTemp } from "./run";
import type { FormCase } from "./types";

afterAll(removeTempDir);

/** The grade cell of a corpus form: the trap that says it is the grade, else the one cell holding `text`. */
function gradeCell(c: FormCase, text: RegExp): Ref {
  const hits: Ref[] = [];
  for (const s of c.book.sheets) for (const [a1, cell] of s.cells) if (typeof cell.v === "string" && text.test(cell.v)) hits.push({ sheet: s.name, a1 });
  if (hits.length !== 1) throw new Error(`${c.file}: ${hits.length} cells match ${text}`);
  return hits[0];
}

let counter = 0;
/** `jixiao fill FILE -o OUT [...flags]`, then the text of `at` in OUT. */
async function fillAndRead(book: BookSpec, at: Ref, ...flags: string[]): Promise<unknown> {
  const file = await writeTemp(book, "fill-grade");
  const out = path.join(await tempDir(), `filled-${++counter}.xlsx`);
  const io = memoryIo();
  const code = await main(["node", "jixiao", "fill", file, "-o", out, ...flags], io);
  expect({ code, err: io.err }).toEqual({ code: 0, err: "" });
  const snap = await readXlsxFile(out);
  return snap.sheets.find((s) => s.name === at.sheet)?.cells[at.a1]?.value ?? null;
}

test("a 部门整体 form whose notes list 优秀、良好、一般、较差: fill writes 良好 for 88.90, not 良", async () => {
  const c = deptFrameworkCase();
  const grade = gradeCell(c, /^良好（/);
  const b = plant(copyBook(c.book), grade, null);
  expect(await fillAndRead(b, grade)).toBe("良好");
});

test("the same form with its grade typed 优秀 (wrong band) and no notes row: fill --overwrite writes 良好", async () => {
  const c = deptFrameworkCase();
  const grade = gradeCell(c, /^良好（/);
  const notes = gradeCell(c, /^注：评价等次分为/);
  const b = plant(plant(copyBook(c.book), notes, null), grade, "优秀");
  expect(await fillAndRead(b, grade, "--overwrite")).toBe("良好");
});

test("a project form whose band note is written 优秀 / 良好 / 一般 / 较差 (85 / 75 / 60): fill writes 优秀 for its score", async () => {
  const c = projectBandsCase();
  const grade = gradeCell(c, /^优$/);
  const note = gradeCell(c, /^评价等级：85分/);
  const b = copyBook(c.book);
  plant(b, note, "评价等级：85分（含）以上为优秀，75（含）-85分为良好，60（含）-75分为一般，60分以下为较差。");
  plant(b, grade, null);
  expect(await fillAndRead(b, grade)).toBe("优秀");
});

test("a band note with the national bands in the long words (90 / 80 / 60: 优秀 / 良好 / 中 / 较差): fill writes 良好, not 良", async () => {
  const c = projectBandsCase();
  const grade = gradeCell(c, /^优$/);
  const note = gradeCell(c, /^评价等级：85分/);
  const b = copyBook(c.book);
  plant(b, note, "注：等次按90分（含）以上为优秀、80（含）—90分为良好、60（含）—80分为中、60分以下为较差确定。");
  plant(b, grade, null);
  expect(await fillAndRead(b, grade)).toBe("良好");
});

test("the 湖南 整体 form (seed 000) with no jx_profile: fill writes 优秀", async () => {
  const c = hunanCase();
  const grade = gradeCell(c, /^优秀$/);
  const b = plant(copyBook(c.book), grade, null);
  expect(await fillAndRead(b, grade)).toBe("优秀");
});

test("a form that shows no grade words keeps the profile's: fill writes 优", async () => {
  const c = deptThreeRowCase();
  const grade = gradeCell(c, /^优$/);
  const b = plant(copyBook(c.book), grade, null);
  expect(await fillAndRead(b, grade)).toBe("优");
});

test("jixiao narrative words the grade as the form does: “优秀” on the 湖南 form with a blank grade", async () => {
  const c = hunanCase();
  const grade = gradeCell(c, /^优秀$/);
  const file = await writeTemp(plant(copyBook(c.book), grade, null), "narrative-grade");
  const out = path.join(await tempDir(), `narrative-${++counter}.xlsx`);
  const io = memoryIo();
  expect(await main(["node", "jixiao", "narrative", file, "-o", out], io)).toBe(0);
  const snap = await readXlsxFile(out);
  const texts = (snap.sheets.find((s) => s.name === "评价报告综述")?.cells ?? {}) as Record<string, { value: unknown }>;
  const conclusion = Object.values(texts).map((x) => x.value).find((v) => typeof v === "string" && /评价等次为“/.test(v));
  expect(conclusion).toMatch(/评价等次为“优秀”/);
});

