/**
 * Prose attributed to the project it names. A workbook of several forms (two 项目支出绩效自评表 stacked on one
 * sheet, one project per sheet beside a 汇总) is checked part by part (mapping/index.ts): its report sheet
 * without a form of its own is held by the first part only, and the add-in's 评价报告综述 by every part. A
 * paragraph there that names one project — its 项目名称 or its 项目编码, before the paragraph's first figure —
 * is that project's, and so is each following sentence until another project is named so: the paragraph (or
 * that run of its sentences) is checked by that project's part alone, against its own figures, and by no
 * other part; so is a paragraph under a heading naming one project (`（二）医保经办能力提升项目`). Prose naming no
 * project, or several at once (本年度对工资性支出、医保经办能力提升项目开展自评), stays with the parts that
 * read it before.
 */
import { sameForm, type FormInstance, type ReportModel } from "../model/report-model";
import type { SheetSnapshot } from "../model/snapshot";
import { analyzeProse } from "./extract";
import { textCells } from "../rules/lib/text-cells";
import type { ProseCell } from "./prose-cells";

/** A prose cell before its analysis: a sheet's paragraph as {@link byProject} scans it. */
export type ProseText = Omit<ProseCell, "analysis"> & { readonly analysis?: ProseCell["analysis"] };

/** A name a project goes by in prose, and its form. */
interface ProjectKey {
  readonly text: string;
  readonly form: FormInstance;
}

/** A run of a text's sentences, [start, end), and the project they are about (none: not one project's). */
interface Run {
  readonly start: number;
  end: number;
  readonly form?: FormInstance;
  /** The run opens with a clause naming projects (the text's first run, before any, does not). */
  readonly named?: true;
}

/** Shorter names are words of other texts (办公经费 in a 基本支出 sentence), not a project named. */
const MIN_NAME = 4;
/** A 项目编码: letters and digits, at least ten, with a digit (51000021T000000203317). */
const CODE = /[0-9A-Za-z]{10,}/g;
/** What separates a code from the name in a 项目名称 cell (`51000021R000000019951-工资性支出`). */
const EDGES = /^[\s\-—–_:：·.、|]+|[\s\-—–_:：·.、|]+$/g;

const keyCache = new WeakMap<object, readonly ProjectKey[]>();

/**
 * The names the parts' projects go by: the 项目名称 as written, its 项目编码, its name without the code and
 * without a closing bracket (a 文号, a unit) or 项目, longest first. A name two projects share names neither.
 */
function projectKeys(shared: NonNullable<ReportModel["shared"]>): readonly ProjectKey[] {
  const hit = keyCache.get(shared);
  if (hit) return hit;
  const byText = new Map<string, FormInstance | null>();
  for (const form of shared.forms) {
    if (form.kind !== "project" || !form.projectName) continue;
    const full = form.projectName.trim();
    const codes = (full.match(CODE) ?? []).filter((c) => /\d/.test(c));
    let name = full;
    for (const c of codes) name = name.replace(c, " ");
    name = name.replace(/[（(]\s*[)）]/g, "").replace(EDGES, "");
    // Without the 文号 or unit the form adds in brackets (购置应急保障用车（承财社[2019]75号）), and without 项目.
    const bare = name.replace(/\s*[（(][^（()）]*[)）]$/, "");
    const own = new Set([full, ...codes, name, bare, name.replace(/项目$/, ""), bare.replace(/项目$/, "")].filter((k) => k.length >= MIN_NAME));
    for (const k of own) byText.set(k, byText.has(k) && byText.get(k) !== form ? null : form);
  }
  const keys: ProjectKey[] = [];
  for (const [text, form] of byText) if (form) keys.push({ text, form });
  keys.sort((a, b) => b.text.length - a.text.length);
  keyCache.set(shared, keys);
  return keys;
}

/** The end of each clause-run of a text: after 。！？；and line breaks. */
const UNIT_END = /[。！？!?；;\n]/g;
/** A section or item number opening a paragraph (二、 （二） 2. 第二) or a heading's 项目名称： label. */
const LEADING_MARK = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．是]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[、，,是]?)\s*/;
/** A year (2023年, 2023年度): no figure of the project's. */
const YEAR = /^(?:19|20)\d{2}\s*年/;
const DIGIT = /[0-9０-９]/;

/** Where the first figure of `text[start, end)` stands (a digit outside the names and the years), else `end`. */
function firstFigure(text: string, start: number, end: number, names: readonly Run[]): number {
  let i = start + (LEADING_MARK.exec(text.slice(start, end))?.[0].length ?? 0);
  while (i < end) {
    const inName = names.find((n) => n.start <= i && i < n.end);
    if (inName) {
      i = inName.end;
      continue;
    }
    if (DIGIT.test(text[i])) {
      const year = YEAR.exec(text.slice(i, i + 8));
      if (!year || (i > 0 && DIGIT.test(text[i - 1]))) return i;
      i += year[0].length;
      continue;
    }
    i++;
  }
  return end;
}

/** The projects a text names, where: each name's longest key, names never overlapping. */
function namesIn(text: string, keys: readonly ProjectKey[]): Run[] {
  const names: Run[] = [];
  for (const k of keys) {
    for (let i = text.indexOf(k.text); i >= 0; i = text.indexOf(k.text, i + 1)) {
      const end = i + k.text.length;
      if (!names.some((n) => n.start < end && i < n.end)) names.push({ start: i, end, form: k.form });
    }
  }
  return names;
}

const runCache = new WeakMap<object, Map<string, readonly Run[]>>();

/**
 * A text's runs of sentences by the project they are about: a clause (up to 。！？；or a line break) that
 * names one project before its first figure opens that project's run, one naming several opens a run of
 * none; other clauses go on with the run before. A text naming no project is one run of none.
 */
function runsOf(text: string, keys: readonly ProjectKey[], shared: object): readonly Run[] {
  let byText = runCache.get(shared);
  if (!byText) runCache.set(shared, (byText = new Map()));
  const hit = byText.get(text);
  if (hit) return hit;
  const names = namesIn(text, keys);
  const runs: Run[] = [];
  let cur: Run = { start: 0, end: 0 };
  if (names.length) {
    let start = 0;
    const ends = [...text.matchAll(UNIT_END)].map((m) => (m.index ?? 0) + 1);
    for (const end of [...ends, text.length]) {
      if (end <= start) continue;
      const figure = firstFigure(text, start, end, names);
      const lead = new Set(names.filter((n) => n.start >= start && n.start < figure).map((n) => n.form));
      if (lead.size) {
        const form = lead.size === 1 ? [...lead][0] : undefined;
        if (form !== cur.form || !cur.named) {
          if (cur.end > cur.start) runs.push(cur);
          cur = { start, end: start, form, named: true };
        }
      }
      cur.end = end;
      start = end;
    }
  }
  cur.end = text.length;
  runs.push(cur);
  byText.set(text, runs);
  return runs;
}

/** A heading: a short text without a clause mark (（二）医保经办能力提升项目, 四、存在的主要问题). */
function isHeading(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && !/[，,。；;！？!?]/.test(t);
}

/** A cell holding only a section or item number (一、 （二） 3.): no heading of its own. */
const BARE_MARKER = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|\d{1,2}\s*[、.．]?)\s*$/;

const headingCache = new WeakMap<SheetSnapshot, { keys: readonly ProjectKey[]; under: ReadonlyMap<string, FormInstance> }>();

/**
 * The project each text cell of a report sheet stands under: the last heading above it (in reading order)
 * names that one project — `（二）51000021T000000203317-医保经办能力提升项目` over its paragraphs — until the
 * next heading (四、存在的主要问题) names none or several.
 */
function headingProjects(sheet: SheetSnapshot, keys: readonly ProjectKey[]): ReadonlyMap<string, FormInstance> {
  const hit = headingCache.get(sheet);
  if (hit && hit.keys === keys) return hit.under;
  const under = new Map<string, FormInstance>();
  let current: FormInstance | undefined;
  for (const t of textCells(sheet)) {
    if (!t.value.trim() || BARE_MARKER.test(t.value)) continue;
    if (isHeading(t.value)) {
      const named = new Set(namesIn(t.value, keys).map((n) => n.form));
      current = named.size === 1 ? [...named][0] : undefined;
    } else if (current) under.set(t.address, current);
  }
  headingCache.set(sheet, { keys, under });
  return under;
}

/**
 * The part of a prose cell the model checks: the span from its first to its last run the model keeps
 * (undefined when none), read as a paragraph of its own whose fix rewrites the cell it stands in.
 */
function keptSpan(pc: ProseText, runs: readonly Run[], heading: FormInstance | undefined, keep: (form: FormInstance | undefined) => boolean): ProseCell | undefined {
  // The text's opening sentences, naming no project, are about the one its heading names.
  const kept = runs.filter((r) => keep(r.named ? r.form : (r.form ?? heading)));
  if (!kept.length) return undefined;
  const start = kept[0].start;
  const end = kept[kept.length - 1].end;
  if (start === 0 && end === pc.text.length) return pc.analysis ? (pc as ProseCell) : { ...pc, analysis: analyzeProse(pc.text) };
  const text = pc.text.slice(start, end);
  // The cells' shares as offsets into the span (the first may start before it): a fix writes the whole cell.
  const parts = (pc.parts ?? [{ ref: pc.ref, start: 0, text: pc.text }]).map((p) => ({ ...p, start: p.start - start }));
  return { ref: pc.ref, ...(pc.field ? { field: pc.field } : {}), text, analysis: analyzeProse(text), parts };
}

/**
 * The prose cells the model checks, each paragraph of the report sheets (those without a form, and
 * `narrativeSheet`) given to the project it names, when the workbook holds several parts: the model's own
 * cells without the runs naming another part's project, and the runs naming its own project on a report
 * sheet it does not hold (`scan` reads that sheet's paragraphs).
 * @param cells - the model's prose cells as read from its own sheets
 */
export function byProject(model: ReportModel, cells: ProseCell[], scan: (sheet: SheetSnapshot) => ProseText[], narrativeSheet: string): ProseCell[] {
  const shared = model.shared;
  if (!shared) return cells;
  const keys = projectKeys(shared);
  if (!keys.length) return cells;
  const mine = model.form?.kind === "project" ? shared.forms.find((f) => sameForm(f, model.form)) : undefined;
  const reports = new Map<string, SheetSnapshot>();
  for (const s of shared.sheets) reports.set(s.name, s);
  const narrative = model.snapshot.sheets.find((s) => s.name === narrativeSheet);
  if (narrative) reports.set(narrativeSheet, narrative);
  const headingOf = (pc: ProseText): FormInstance | undefined => {
    const sheet = reports.get(pc.ref.sheet);
    return sheet ? headingProjects(sheet, keys).get(pc.ref.address) : undefined;
  };
  const out: ProseCell[] = [];
  for (const pc of cells) {
    if (!reports.has(pc.ref.sheet)) {
      out.push(pc);
      continue;
    }
    const span = keptSpan(pc, runsOf(pc.text, keys, shared), headingOf(pc), (f) => f === undefined || f === mine);
    if (span) out.push(span);
  }
  if (!mine) return out;
  const held = new Set(model.snapshot.sheets.map((s) => s.name));
  for (const sheet of shared.sheets) {
    if (held.has(sheet.name)) continue;
    const under = headingProjects(sheet, keys);
    for (const pc of scan(sheet)) {
      // Cheapest first: most paragraphs name no project, nor stand under a heading naming this one.
      if (under.get(pc.ref.address) !== mine && !keys.some((k) => k.form === mine && pc.text.includes(k.text))) continue;
      const span = keptSpan(pc, runsOf(pc.text, keys, shared), under.get(pc.ref.address), (f) => f === mine);
      if (span) out.push(span);
    }
  }
  return out;
}
