/**
 * Grade bands written on the form itself. Provinces print their own bands in a note row (“评价等级：85分（含）
 * 以上为优，75（含）-85分为良，60（含）-75分为中，60分以下为差”, or “优（90分及以上）、良（80—90分）…”); the
 * form is graded by them, not by the profile's. A statement is used only when it names at least three
 * grades of the profile, each once, with thresholds that fall as the grade falls and a lowest band written
 * “…以下”; several statements must agree, else the profile's bands stay.
 */
import { cellIndex } from "../model/cell-index";
import type { WorkbookSnapshot } from "../model/snapshot";
import { toHalfWidth } from "../units/parse";
import { gradeMatches } from "./score";
import type { GradeBand, ScoringProfile } from "./types";

/** Texts longer than this are report prose, not a note row. */
const MAX_NOTE = 200;

const WORD = "(优秀|良好|优|良|中等|一般|合格|中|较差|不合格|差)";
const NUM = "(\\d+(?:\\.\\d+)?)";
const INCL = "(?:分)?(?:\\(含\\))?";
const DASH = "[-—–~～至到]+";

/** “90分(含)以上为优” / “80(含)-90分为良” / “60分以下为差” (threshold first). */
const THRESHOLD_FIRST = new RegExp(`${NUM}${INCL}(?:(?:及)?以上|${DASH}${NUM}分?(?:\\(不含\\))?|以下)(?:的)?(?:为|评为|定为|:)${WORD}`, "g");
/** “优(90分及以上)” / “良(80—90分)” / “差(60分以下)” (grade first). */
const GRADE_FIRST = new RegExp(`${WORD}(?:等次|等级)?\\(${NUM}${INCL}(?:(?:及)?以上|${DASH}${NUM}分?|以下)\\)`, "g");

interface Written {
  readonly word: string;
  /** The lower bound; 0 for a band written “…以下”. */
  readonly min: number;
}

/** The bands one text states, or undefined when it states none (or not cleanly). */
export function parseBands(text: string, profile: ScoringProfile): GradeBand[] | undefined {
  const s = toHalfWidth(text).replace(/\s+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/[：]/g, ":").replace(/[“”"']/g, "");
  if (!/以上|以下/.test(s)) return undefined;
  const found: Written[] = [];
  for (const m of s.matchAll(THRESHOLD_FIRST)) found.push({ word: m[3], min: m[0].includes("以下") ? 0 : Number(m[1]) });
  if (found.length < 3) {
    found.length = 0;
    for (const m of s.matchAll(GRADE_FIRST)) found.push({ word: m[1], min: m[0].includes("以下") ? 0 : Number(m[2]) });
  }
  if (found.length < 3) return undefined;
  const bands: GradeBand[] = [];
  for (const w of found) {
    const band = profile.grades.find((g) => gradeMatches(w.word, g));
    if (!band || bands.some((b) => b.grade === band.grade)) return undefined;
    bands.push({ ...band, min: w.min, label: w.word });
  }
  // Better grades first in the profile's order; their thresholds must fall strictly, ending at 0.
  const order = [...profile.grades].sort((a, b) => b.min - a.min).map((g) => g.grade);
  bands.sort((a, b) => order.indexOf(a.grade) - order.indexOf(b.grade));
  for (let i = 1; i < bands.length; i++) if (!(bands[i].min < bands[i - 1].min)) return undefined;
  if (bands[bands.length - 1].min !== 0) return undefined;
  return bands;
}

/** Bands found per snapshot and profile: every part of a workbook of several forms asks again. */
const found = new WeakMap<WorkbookSnapshot, Map<ScoringProfile, GradeBand[] | undefined>>();

/** The bands the workbook's short texts state, when they all agree; undefined otherwise. */
export function bandsOnForm(snapshot: WorkbookSnapshot, profile: ScoringProfile): GradeBand[] | undefined {
  let byProfile = found.get(snapshot);
  if (byProfile === undefined) found.set(snapshot, (byProfile = new Map()));
  if (byProfile.has(profile)) return byProfile.get(profile);
  const bands = readBands(snapshot, profile);
  byProfile.set(profile, bands);
  return bands;
}

function readBands(snapshot: WorkbookSnapshot, profile: ScoringProfile): GradeBand[] | undefined {
  let out: GradeBand[] | undefined;
  for (const sheet of snapshot.sheets) {
    // The text cells of the sheet's index, in the record's order (not every cell of a large sheet).
    const ix = cellIndex(sheet);
    for (let i = 0; i < ix.texts.length; i++) {
      const v = ix.cells[ix.texts[i]].value;
      if (typeof v !== "string" || v.length > MAX_NOTE || (!v.includes("以上") && !v.includes("以下"))) continue;
      const bands = parseBands(v, profile);
      if (!bands) continue;
      const key = (b: GradeBand[]): string => b.map((x) => `${x.grade}${x.min}`).join(",");
      if (out && key(out) !== key(bands)) return undefined;
      out = bands;
    }
  }
  return out;
}

/**
 * The profile with the grade bands the form writes, when it writes them (same id; the name says so).
 * @param profile - the profile the workbook is checked by
 * @param snapshot - the workbook
 */
export function withFormBands(profile: ScoringProfile, snapshot: WorkbookSnapshot): ScoringProfile {
  const bands = bandsOnForm(snapshot, profile);
  if (!bands) return profile;
  const same = bands.length === profile.grades.length && bands.every((b) => profile.grades.some((g) => g.grade === b.grade && g.min === b.min));
  if (same) return profile;
  return { ...profile, name: `${profile.name}，等级按表内注明`, grades: bands };
}
