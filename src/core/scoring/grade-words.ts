/**
 * The grade WORDS a form uses. The bands (90 / 80 / 60) and the words (优 / 优秀 …) are two things: a form
 * graded by the national bands may still write 优秀 / 良好 / 一般 / 较差, and a 财政局 sends back a form whose
 * grade is not one of its own words. What fill writes, and what the generated report says, is the form's
 * word for the band, read from what the form itself shows, most explicit first:
 *
 * 1. a band note (“90分（含）以上为优秀，80（含）—90分为良好…”, scoring/form-bands.ts);
 * 2. a list of the grade words (“评价等次分为优秀、良好、一般、较差四个等次”, a header “评价等次（优/良/中/差）”);
 * 3. a grade already typed on the form (评价等次 “良好（88.90分）”, a 汇总's 自评结果 “优秀”);
 * 4. the detected form (the 湖南 整体 form writes 优秀 / 良好 / 中 / 差, seed 000);
 *
 * and the profile's own words for what the form does not show. A form that shows the long words (优秀, 良好,
 * 一般, 较差) for some grades gets the long words for the others too: 优秀 / 良好 / 中 / 较差.
 */
import { cellIndex } from "../model/cell-index";
import type { ReportModel } from "../model/report-model";
import { toHalfWidth } from "../units/parse";
import { bandsOnForm } from "./form-bands";
import { HUNAN } from "./profiles/hunan";
import { gradeMatches, gradeWord } from "./score";
import type { GradeBand, ScoringProfile } from "./types";

type Grade = GradeBand["grade"];

/** Texts longer than this are report prose, not a note or a header. */
const MAX_NOTE = 200;
/** The grade words a form may write, longest first. */
const WORDS = ["优秀", "良好", "中等", "一般", "合格", "较差", "不合格", "优", "良", "中", "差"];
/** Three or more grade words in a row, separated by 、 / ／ | ， (a list of the form's words). */
const WORD_LIST = new RegExp(`(?:${WORDS.join("|")})(?:[、/／|｜,，](?:${WORDS.join("|")})){2,}`, "g");
/** The long words: a form that writes one of them for a grade writes them for all. */
const LONG: Readonly<Record<Grade, string>> = { 优: "优秀", 良: "良好", 中: "中", 差: "较差" };
/** The forms whose own words are known (the detected form's id → its words). */
const FORM_WORDS: Readonly<Record<string, Readonly<Partial<Record<Grade, string>>>>> = {
  "hunan-dept": Object.fromEntries(HUNAN.grades.map((g) => [g.grade, g.label ?? g.grade])),
};

/** The band a word names, among the profile's. */
function bandOf(word: string, profile: ScoringProfile): GradeBand | undefined {
  return profile.grades.find((g) => gradeMatches(word, g));
}

/** Words from a list of grade words: each word once, each naming another band. */
function listedWords(text: string, profile: ScoringProfile): Partial<Record<Grade, string>> | undefined {
  const s = toHalfWidth(text).replace(/\s+/g, "");
  let out: Partial<Record<Grade, string>> | undefined;
  for (const m of s.matchAll(WORD_LIST)) {
    const words = m[0].split(/[、/／|｜,，]/);
    const found: Partial<Record<Grade, string>> = {};
    for (const w of words) {
      const band = bandOf(w, profile);
      if (!band || found[band.grade]) return undefined;
      found[band.grade] = w;
    }
    if (out && JSON.stringify(out) !== JSON.stringify(found)) return undefined;
    out = found;
  }
  return out;
}

/** The words the form's notes and headers list (rule 2), when they agree. */
function wordsOnForm(model: ReportModel, profile: ScoringProfile): Partial<Record<Grade, string>> | undefined {
  let out: Partial<Record<Grade, string>> | undefined;
  for (const sheet of model.snapshot.sheets) {
    // The sheet's text cells from its index, in the record's order (not every cell of a large sheet).
    const ix = cellIndex(sheet);
    for (let i = 0; i < ix.texts.length; i++) {
      const v = ix.cells[ix.texts[i]].value;
      if (typeof v !== "string" || v.length > MAX_NOTE || !/[优良中差般格]/.test(v)) continue;
      const words = listedWords(v, profile);
      if (!words) continue;
      if (out && JSON.stringify(out) !== JSON.stringify(words)) return undefined;
      out = words;
    }
  }
  return out;
}

/** The grades typed on the form (rule 3): the form's 评价等次, its parts', a 汇总's 自评结果 column. */
function typedWords(model: ReportModel, profile: ScoringProfile): Partial<Record<Grade, string>> {
  const out: Partial<Record<Grade, string>> = {};
  const typed: unknown[] = [];
  for (const m of [model, ...(model.parts ?? [])]) {
    typed.push(m.scalars.jx_grade?.cell?.value);
    for (const row of m.tables.jx_projects?.rows ?? []) if (!row.isSummary) typed.push(row.cells.grade?.cell?.value);
  }
  for (const v of typed) {
    if (typeof v !== "string" || !v.trim()) continue;
    const word = gradeWord(v);
    if (!WORDS.includes(word)) continue;
    const band = bandOf(word, profile);
    if (band && !out[band.grade]) out[band.grade] = word;
  }
  return out;
}

type Words = Partial<Record<Grade, string>>;
/** The words of a workbook's notes, per snapshot and profile: every cell is read once, not once per form and rule. */
const notesCache = new WeakMap<ReportModel["snapshot"], Map<string, { noted: Words; listed: Words }>>();

/** The words the form's band note (rule 1) and its lists of grade words (rule 2) give. */
function notesOf(model: ReportModel, profile: ScoringProfile): { noted: Words; listed: Words } {
  let bySnapshot = notesCache.get(model.snapshot);
  if (!bySnapshot) notesCache.set(model.snapshot, (bySnapshot = new Map()));
  const hit = bySnapshot.get(profile.id);
  if (hit) return hit;
  const noted: Words = {};
  for (const b of bandsOnForm(model.snapshot, profile) ?? []) if (b.label) noted[b.grade] = b.label;
  const out = { noted, listed: wordsOnForm(model, profile) ?? {} };
  bySnapshot.set(profile.id, out);
  return out;
}

/**
 * The profile with the grade words the form shows (see the module comment); the profile itself when the
 * form shows none. Only the words change: the bands stay the profile's (with the form's own, if written).
 * @param profile - the profile the workbook is scored by
 * @param model - the mapped workbook
 */
export function withFormGradeWords(profile: ScoringProfile, model: ReportModel): ScoringProfile {
  const { noted, listed } = notesOf(model, profile);
  const typed = typedWords(model, profile);
  const formIds = [model.form?.id, ...(model.forms ?? []).map((f) => f.id)].filter((x): x is string => typeof x === "string");
  const known = formIds.map((id) => FORM_WORDS[id]).find(Boolean) ?? {};
  const shown = (g: Grade): string | undefined => noted[g] ?? listed[g] ?? typed[g] ?? known[g];
  const grades = profile.grades.map((b) => b.grade);
  if (!grades.some((g) => shown(g) !== undefined)) return profile;
  const long = grades.some((g) => {
    const w = shown(g);
    return w !== undefined && w.length > 1;
  });
  let changed = false;
  const bands = profile.grades.map((b) => {
    const word = shown(b.grade) ?? (long ? LONG[b.grade] : undefined);
    if (word === undefined || word === (b.label ?? b.grade)) return b;
    changed = true;
    return { ...b, label: word };
  });
  return changed ? { ...profile, grades: bands } : profile;
}
