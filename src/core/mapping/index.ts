/**
 * Mapping: snapshot → ReportModel, by defined names (`jx_…`, the contract), else by reading the
 * sheet's labels (auto-map). Every bound value keeps the cell it came from.
 */
import type { CellRef, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import type { BoundCell, DeclaredRate, DeclaredSum, FormInstance, MoneyUnit, ReportModel, SkippedSheet, TableBinding } from "../model/report-model";
import { isHiddenSheet } from "../model/hidden";
import { toHalfWidth } from "../units";
import { SCALAR_FIELDS, TABLES, normalizeLabel, type ScalarFieldId } from "../schema/fields";
import { detectForm } from "../forms/detect";
import { formBands, type FormBand } from "../forms/bands";
import { linkRelations, readForm, readIdentity, type FormRead } from "../forms/read";
import type { FormDecl } from "../forms/types";
import type { SheetGrid } from "./grid";
import { indexToCol, quoteSheet, type Area } from "../model/address";
import { cellText } from "./grid";
import { hasContractNames, mapByNames } from "./by-name";
import { autoMap } from "./auto-map";
import { emptyResult, gridsOf, type MappingResult } from "./types";
import { gridOf } from "./grid";

export { hasContractNames } from "./by-name";

/** Table rectangles (header rows included) of the models this module built, for {@link suggestNames}. */
const tableAreas = new WeakMap<TableBinding, Area>();

/** The money unit written in jx_money_unit: `元` or `万元` (the default). */
function moneyUnitOf(result: MappingResult, fallback: MoneyUnit | undefined): MoneyUnit {
  const text = cellText(result.scalars.jx_money_unit?.cell).replace(/\s/g, "");
  if (text.includes("万元")) return "万元";
  if (text.includes("元")) return "元";
  return fallback ?? "万元";
}

/** Sheets written by the add-in, skipped by auto-map. */
export const ADDIN_SHEETS: ReadonlySet<string> = new Set(["评价报告综述", "jx_ignore", "jx_marks"]);

/**
 * The add-in's own bookkeeping sheets (jx_ignore, jx_marks, the bureau's jx_rules): hidden on purpose and
 * read by name where they are needed, so never skipped (nor announced) as a clerk's hidden sheet.
 */
const BOOKKEEPING = /^jx_/i;

/**
 * Map a workbook snapshot onto the schema of the contract.
 *
 * A workbook with at least one `jx_` name is mapped by its names only; one without is mapped by its
 * labels (auto-map, `source: "label"`). Problems (a name pointing at `#REF!`, a table without a
 * required column …) are collected in `mapping.problems`, never thrown. Hidden sheets and visible copies
 * of an earlier year's forms are left out of the model (`skipped`; its `snapshot` holds the rest).
 *
 * @param snapshot - the workbook as read by a host
 * @returns the model: scalars and tables bound to their cells, the money unit, what was found
 * @example
 *   const model = mapWorkbook(snapshot);
 *   model.scalars.jx_executed?.ref; // { sheet: "收支情况", address: "C11" }
 *   model.tables.jx_income?.rows.find((r) => r.isSummary)?.cells.total.ref;
 */
export function mapWorkbook(snapshot: WorkbookSnapshot): ReportModel {
  const grids = gridsOf(snapshot);
  const byName = hasContractNames(snapshot);
  // Hidden sheets are no part of the report the clerk sees (last year's sheet hidden rather than deleted).
  const hidden = hiddenSheets(snapshot, grids);
  const out = new Set(hidden.map((h) => h.sheet));
  // Sheets the add-in writes itself (the narrative, ignores, saved marks) are never read as the clerk's labels:
  // a regenerated 综述 must not rebind 存在的主要问题 to its own copy.
  let readable = grids.filter((g) => !ADDIN_SHEETS.has(g.name) && !out.has(g.name));
  const detected = readable.map((grid) => ({ grid, form: detectForm(grid)?.form }));
  const declared = detected.filter((d): d is { grid: SheetGrid; form: FormDecl } => d.form !== undefined && !d.form.legacy);
  if (declared.length === 0) {
    const checked = without(snapshot, hidden);
    const auto = byName ? undefined : autoMap(checked, readable);
    const result = auto ? auto.result : mapByNames(checked, grids);
    const model = withSkipped(modelOf(checked, result, moneyUnitOf(result, auto?.titleUnit)), hidden, snapshot);
    const forms = detected.filter((d) => d.form !== undefined).map((d) => instanceOf(d.form as FormDecl, d.grid.name, result));
    return forms.length ? { ...model, forms, form: forms[0] } : model;
  }
  // A detected form is read as declared; a `jx_` name the clerk saved still decides its own field.
  let forms = withBands(snapshot, declared);
  let reads = forms.map((d) => readForm(d.grid, d.form));
  // Last year's forms kept beside this year's are no part of the report either.
  const earlier = earlierYearCopies(forms, reads);
  if (earlier.length) {
    const old = new Set(earlier.map((e) => e.sheet));
    const keep = forms.map((d) => !old.has(d.grid.name));
    forms = forms.filter((_, i) => keep[i]);
    reads = reads.filter((_, i) => keep[i]);
    readable = readable.filter((g) => !old.has(g.name));
  }
  const skipped = [...hidden, ...earlier].sort((a, b) => sheetIndex(snapshot, a.sheet) - sheetIndex(snapshot, b.sheet));
  const checked = without(snapshot, skipped);
  return mapForms(checked, readable, forms, reads, byName ? mapByNames(checked, grids) : undefined, skipped, snapshot);
}

/**
 * The clerk's hidden sheets (not the add-in's own), each noted with whether it holds part of a report — a
 * form, a table of the schema, or two of its fields (a cover, a 文字说明) — which the clerk is then told
 * was not checked. A sheet of drop-down lists or notes holds none.
 */
function hiddenSheets(snapshot: WorkbookSnapshot, grids: readonly SheetGrid[]): SkippedSheet[] {
  const out: SkippedSheet[] = [];
  snapshot.sheets.forEach((sheet, i) => {
    if (!isHiddenSheet(sheet) || BOOKKEEPING.test(sheet.name)) return;
    const grid = grids[i];
    const holdsReport = !ADDIN_SHEETS.has(sheet.name) && (detectForm(grid) !== undefined || holdsFields(autoMap(snapshot, [grid]).result));
    out.push({ sheet: sheet.name, reason: "hidden", holdsReport });
  });
  return out;
}

/** Whether what auto-map read on a sheet is part of a report: a table, or two fields. */
function holdsFields(result: MappingResult): boolean {
  return Object.keys(result.tables).length > 0 || Object.keys(result.scalars).length >= 2;
}

/** The snapshot without the skipped sheets: what the rules read. */
function without(snapshot: WorkbookSnapshot, skipped: readonly SkippedSheet[]): WorkbookSnapshot {
  if (skipped.length === 0) return snapshot;
  const out = new Set(skipped.map((s) => s.sheet));
  return { sheets: snapshot.sheets.filter((s) => !out.has(s.name)), names: snapshot.names };
}

/** A model with the sheets it leaves out, and the whole workbook beside its own snapshot. */
function withSkipped(model: ReportModel, skipped: readonly SkippedSheet[], whole: WorkbookSnapshot): ReportModel {
  return skipped.length ? { ...model, skipped, whole } : model;
}

/** The evaluation year a form writes on its own sheet (its title, a year line, a 评价年度 label). */
function formYear(result: MappingResult, sheet: string): { year: number; ref: CellRef } | undefined {
  const cell = result.scalars.jx_report_year;
  const year = /(?:19|20)\d{2}/.exec(toHalfWidth(String(cell?.cell?.value ?? "")))?.[0];
  return year && cell && cell.ref.sheet === sheet ? { year: Number(year), ref: cell.ref } : undefined;
}

/** A project's or unit's name as compared between two forms (a label's normal form: half-width, no spaces). */
function plain(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? normalizeLabel(String(v)) : "";
}

/**
 * Copies of an earlier year's forms: a sheet whose form (the same form, for the same project and unit
 * when it names them) is for an earlier year than another sheet's of the workbook — the year its title
 * or year line writes, else the year its sheet's name writes (`2022年自评表`). Only against a form of the
 * same kind: a single form with a wrong year is this year's form with a mistake (year-matches-report),
 * and so is a project sheet whose project no other sheet has. Stacked forms (bands) are never skipped.
 */
function earlierYearCopies(forms: readonly Declared[], reads: readonly FormRead[]): SkippedSheet[] {
  const info = forms.map((d, i) => {
    const r = reads[i].result;
    const sheet = d.grid.name;
    const own = formYear(r, sheet);
    const named = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(sheet))?.[1];
    const year = own?.year ?? (named ? Number(named) : undefined);
    const unit = r.scalars.jx_unit_name?.ref.sheet === sheet ? plain(r.scalars.jx_unit_name.cell?.value) : "";
    const project = plain(r.scalars.jx_project_name?.cell?.value);
    // A project form is one project's: without its name, no other sheet is known to be the same form.
    // 决算 tables of one form may be different tables (a 收入决算表 and a 支出决算表 with a 占比 column):
    // a copy holds the same lines, so the lines its relations read are part of what makes it the same.
    const lines = d.form.kind === "accounts" ? [...new Set(reads[i].relations.flatMap((x) => [x.target, ...x.terms].map((c) => c.field.split(".").slice(1, 3).join("."))))].sort().join(",") : "";
    const key = d.form.kind === "project" && !project ? undefined : [d.form.id, project, unit, lines].join("\u0000");
    return { sheet, band: d.band !== undefined, year, at: own?.ref, key };
  });
  const newest = new Map<string, number>();
  for (const x of info) if (x.year !== undefined && x.key !== undefined) newest.set(x.key, Math.max(newest.get(x.key) ?? x.year, x.year));
  const old = new Map<string, SkippedSheet>();
  for (const x of info) {
    const top = x.key === undefined ? undefined : newest.get(x.key);
    if (x.band || x.year === undefined || top === undefined || x.year >= top || old.has(x.sheet)) continue;
    old.set(x.sheet, { sheet: x.sheet, reason: "earlier-year", holdsReport: true, year: x.year, reportYear: top, ...(x.at ? { at: x.at } : {}) });
  }
  return [...old.values()];
}

/** A form to read: its sheet's grid, or the grid of its band when several forms are stacked on the sheet. */
interface Declared {
  readonly grid: SheetGrid;
  readonly form: FormDecl;
  /** The band of rows this form occupies (forms/bands.ts), a sheet of the same name holding only them. */
  readonly band?: FormBand;
}

/** Each sheet holding several forms one below the other is read as one band per form. */
function withBands(snapshot: WorkbookSnapshot, declared: readonly { grid: SheetGrid; form: FormDecl }[]): Declared[] {
  return declared.flatMap((d) => {
    const sheet = snapshot.sheets.find((s) => s.name === d.grid.name);
    const bands = sheet ? formBands(sheet, d.form) : undefined;
    return bands ? bands.map((band) => ({ grid: gridOf(band.sheet), form: d.form, band })) : [d];
  });
}

/** A model from a mapping result. */
function modelOf(snapshot: WorkbookSnapshot, result: MappingResult, moneyUnit: MoneyUnit): ReportModel {
  for (const def of TABLES) {
    const table = result.tables[def.id];
    const area = result.areas[def.id];
    if (table && area) tableAreas.set(table, area);
  }
  const missingScalars = SCALAR_FIELDS.filter((f) => !result.scalars[f.id]).map((f) => f.id);
  const missingTables = TABLES.filter((t) => !result.tables[t.id]).map((t) => t.id);
  return {
    snapshot,
    scalars: result.scalars,
    tables: result.tables,
    moneyUnit,
    mapping: {
      found: Object.keys(result.scalars).length + Object.keys(result.tables).length,
      missingScalars,
      missingTables,
      problems: result.problems,
    },
  };
}

/** Identity fields: shared by every form of a workbook when a form does not write its own. */
const IDENTITY: readonly ScalarFieldId[] = ["jx_report_year", "jx_unit_name", "jx_report_date", "jx_contact_name", "jx_contact_phone", "jx_money_unit", "jx_profile"];
/** Fields a form's note is about when it does not carry them at all. */
const NOTED: readonly ScalarFieldId[] = ["jx_report_year", "jx_unit_name"];

function instanceOf(form: FormDecl, sheet: string, result: MappingResult, relations?: readonly DeclaredSum[]): FormInstance {
  const name = form.kind === "project" ? result.scalars.jx_project_name?.cell?.value : undefined;
  const yearCell = result.scalars.jx_report_year;
  // Full-width digits (（２０１９年度）) are the year they show.
  const year = /(?:19|20)\d{2}/.exec(String(yearCell?.cell?.value ?? "").replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))?.[0];
  return {
    ...(year && yearCell && yearCell.ref.sheet === sheet ? { year: Number(year), yearRef: yearCell.ref } : {}),
    id: form.id,
    name: form.name,
    sheet,
    kind: form.kind,
    ...(typeof name === "string" && name.trim() ? { projectName: name.trim() } : {}),
    ...(form.kind === "project"
      ? {
          figures: {
            budget: result.scalars.jx_budget_adjusted,
            executed: result.scalars.jx_executed,
            rate: result.scalars.jx_exec_rate,
            score: result.scalars.jx_score_total,
            scoreParts: scoreParts(result),
          },
        }
      : {}),
    ...(form.kind === "summary" && result.tables.jx_projects ? { projects: result.tables.jx_projects } : {}),
    ...(relations?.length ? { relations } : {}),
    absent: NOTED.filter((f) => !result.scalars[f]),
  };
}

/** The 执行率得分 and the indicators' 得分 of a project form (what its 总分 adds up). */
function scoreParts(result: MappingResult): BoundCell[] {
  const out: BoundCell[] = [];
  const exec = result.scalars.jx_exec_score;
  if (exec) out.push(exec);
  for (const row of result.tables.jx_indicators?.rows ?? []) if (!row.isSummary && row.cells.score) out.push(row.cells.score);
  return out;
}

/** Whether two reads carry the same figures (two projects' sheets): then each is checked on its own. */
function conflicts(a: MappingResult, b: MappingResult, kinds: readonly FormInstance["kind"][], kind: FormInstance["kind"]): boolean {
  // 决算 tables go with the form they accompany; two forms of their own (a 汇总 and a project, two
  // projects) are each checked on their own.
  if (kind !== "accounts" && kinds.some((k) => k !== "accounts")) return true;
  if (Object.keys(a.tables).some((t) => t in b.tables)) return true;
  return Object.keys(a.scalars).some((k) => !IDENTITY.includes(k as ScalarFieldId) && k in b.scalars);
}

/** Merge `from` into `into`: what `into` lacks (or has blank) is taken. */
function mergeInto(into: MappingResult, from: MappingResult, placed: (id: ScalarFieldId) => boolean = () => false): void {
  for (const [k, v] of Object.entries(from.scalars) as [ScalarFieldId, NonNullable<MappingResult["scalars"][ScalarFieldId]>][]) {
    const have = into.scalars[k];
    if (!have || (!have.cell && v.cell && !placed(k))) into.scalars[k] = v;
  }
  for (const [k, v] of Object.entries(from.tables) as [keyof MappingResult["tables"], TableBinding][]) {
    if (!into.tables[k]) {
      into.tables[k] = v;
      const area = from.areas[k];
      if (area) into.areas[k] = area;
    }
  }
  into.problems.push(...from.problems);
}

/**
 * A workbook holding declared forms: each sheet read by its own form; reads that do not carry the same
 * figures share one model (a 部门整体 form with its 决算 tables), the others get their own (one model per
 * project sheet), all checked; sheets without a form (a cover, a report in paragraphs) are read by the
 * schema's labels and belong to every model.
 */
function mapForms(
  snapshot: WorkbookSnapshot,
  readable: readonly SheetGrid[],
  declared: readonly Declared[],
  reads: readonly FormRead[],
  names: MappingResult | undefined,
  skipped: readonly SkippedSheet[],
  whole: WorkbookSnapshot,
): ReportModel {
  // A form read from a band of its sheet: the band, and what auto-map finds in that band alone.
  const bandOf = new Map<FormRead, { sheet: SheetSnapshot; rows: readonly [number, number]; legacy: MappingResult }>();
  declared.forEach((d, i) => {
    if (d.band) bandOf.set(reads[i], { sheet: d.band.sheet, rows: d.band.rows, legacy: autoMap(snapshot, [d.grid]).result });
  });
  const banded = new Set([...bandOf.values()].map((b) => b.sheet.name));
  const formSheets = new Set(reads.map((r) => r.sheet));
  const rest = readable.filter((g) => !formSheets.has(g.name));
  // The schema's own auto-map still reads what no form declares (a score summary beside a project
  // list, narrative fields on a report sheet); a form's own bindings win.
  // A 部门整体 form's project list (重点项目, 任务) is its own table: its 自评得分 header names no field of the form.
  const listed = new Map<string, Area[]>();
  for (const r of reads) {
    const a = r.form.kind === "dept" ? r.result.areas.jx_projects : undefined;
    if (a) listed.set(r.sheet, [...(listed.get(r.sheet) ?? []), a]);
  }
  const legacy = autoMap(snapshot, banded.size ? readable.filter((g) => !banded.has(g.name)) : readable, listed.size ? listed : undefined);
  const restNames = new Set(rest.map((g) => g.name));

  const groups: { reads: FormRead[]; result: MappingResult }[] = [];
  for (const read of reads) {
    const group = groups.find((g) => !conflicts(g.result, read.result, g.reads.map((r) => r.form.kind), read.form.kind));
    if (group) {
      group.reads.push(read);
      mergeInto(group.result, read.result);
    } else {
      const result: MappingResult = { scalars: { ...read.result.scalars }, tables: { ...read.result.tables }, areas: { ...read.result.areas }, problems: [...read.result.problems] };
      groups.push({ reads: [read], result });
    }
  }
  // Identity written once for the workbook (a cover, the 汇总's title) serves every form lacking its own.
  const shared = emptyResult();
  for (const g of groups) for (const id of IDENTITY) if (g.result.scalars[id]?.cell && !shared.scalars[id]) shared.scalars[id] = g.result.scalars[id];
  groups.forEach((g, i) => {
    // What auto-map found on the group's own sheets (and, for the first model, on sheets without a form).
    const mine = new Set(g.reads.map((r) => r.sheet));
    const extra = onSheets(legacy.result, (sheet) => mine.has(sheet) || (i === 0 && restNames.has(sheet)));
    for (const r of g.reads) {
      const b = bandOf.get(r);
      if (b) mergeInto(extra, onSheets(b.legacy, () => true));
    }
    // A table auto-map took from inside a form's own table (another project's indicator header read as
    // a score summary) is no table of its own.
    for (const [k, t] of Object.entries(extra.tables) as [keyof MappingResult["tables"], TableBinding][]) {
      const area = extra.areas[k];
      const clash = g.reads.some(
        (r) => r.sheet === t.sheet && area !== undefined && (Object.entries(r.result.areas).some(([rk, a]) => a && (rk === k || overlaps(a, area))) || r.blocks.some((b) => overlaps(b, area))),
      );
      if (clash) {
        delete extra.tables[k];
        delete extra.areas[k];
      }
    }
    // A cell the form places by its layout (the 执行率 of its 年度资金总额 row, the 得分 of its 总分 row) stays
    // its binding when blank: the labels' search would take the next filled cell for it (the “—” of the
    // row below, the 分值 beside), and fill would then have nowhere to write the computed value.
    mergeInto(g.result, extra, (id) => declaresField(g.reads, id) && !IDENTITY.includes(id));
  });
  const own = onSheets(legacy.result, (sheet) => restNames.has(sheet));
  for (const id of IDENTITY) if (own.scalars[id]?.cell && !shared.scalars[id]) shared.scalars[id] = own.scalars[id];
  // A cover's `单位名称：某某局` / `评价年度：2021年度` (label and value in one cell) serves every form too.
  for (const grid of rest) {
    const cover = readIdentity(grid);
    for (const id of IDENTITY) if (cover[id]?.cell && !shared.scalars[id]?.cell) shared.scalars[id] = cover[id];
  }
  if (names) overrideByNames(groups, names);
  const instances: FormInstance[] = [];
  const models = groups.map((g) => {
    for (const id of IDENTITY) {
      const have = g.result.scalars[id];
      const s = shared.scalars[id];
      // A field the clerk named (`jx_report_year` on a cell left blank) stays where the name points.
      if (s && (!have || (!have.cell && have.source !== "name" && !declaresField(g.reads, id)))) g.result.scalars[id] = s;
    }
    // Sheets without a form (a report in paragraphs, a cover) are the first model's: their prose is
    // checked once, against the first form's tables.
    const sheets = new Set([...g.reads.map((r) => r.sheet), ...(groups.indexOf(g) === 0 ? rest.map((r) => r.name) : [])]);
    // A form of a band sees only its band of the sheet (its prose, its tables), never the other forms'.
    const bands = new Map(g.reads.map((r) => bandOf.get(r)?.sheet).filter((b): b is SheetSnapshot => b !== undefined).map((b) => [b.name, b]));
    const own: WorkbookSnapshot = {
      sheets: snapshot.sheets.filter((s) => sheets.has(s.name) || !readable.some((r) => r.name === s.name)).map((s) => bands.get(s.name) ?? s),
      names: snapshot.names,
    };
    const unit = g.reads.map((r) => r.moneyUnit).find((u) => u !== undefined) ?? legacy.titleUnit;
    const mine = g.reads.map((r) => {
      const inst = instanceOf(r.form, r.sheet, { ...r.result, scalars: { ...g.result.scalars, ...r.result.scalars } }, r.relations);
      const rows = bandOf.get(r)?.rows;
      return rows ? { ...inst, rows } : inst;
    });
    instances.push(...mine);
    // Each form's own relations, then those between the forms of the model (FormDecl.links).
    const relations: DeclaredSum[] = [...g.reads.flatMap((r) => r.relations), ...linkRelations(g.reads)];
    const rates: DeclaredRate[] = g.reads.flatMap((r) => r.rates);
    const rateGaps: DeclaredRate[] = g.reads.flatMap((r) => r.rateGaps);
    const form: FormInstance = { ...mine[0], absent: NOTED.filter((f) => !g.result.scalars[f]) };
    return { ...modelOf(own, g.result, moneyUnitOf(g.result, unit)), form, relations, rates, rateGaps };
  });
  const forms = [...instances].sort((a, b) => sheetIndex(snapshot, a.sheet) - sheetIndex(snapshot, b.sheet));
  // Several parts: each is told of the sheets without a form and of every part's form, so that a paragraph
  // naming a project is checked against that project's own form (narrative/prose-projects.ts).
  const reports = models.length > 1 ? { sheets: snapshot.sheets.filter((s) => restNames.has(s.name)), forms: models.map((m) => m.form) } : undefined;
  const parts = models.map((m) => withSkipped({ ...m, forms, ...(reports ? { shared: reports } : {}) }, skipped, whole));
  const top = { ...parts[0], snapshot, forms };
  return parts.length > 1 ? { ...top, parts } : top;
}

/**
 * Defined names over a detected form, field by field: each `jx_` name replaces the form's binding of its
 * field (or adds it) in the model of the sheet it points at — the first model when that sheet has no form
 * of its own — and every other field keeps coming from the form. A broken name is reported as usual.
 */
function overrideByNames(groups: readonly { reads: FormRead[]; result: MappingResult }[], names: MappingResult): void {
  const groupOf = (sheet: string): MappingResult => (groups.find((g) => g.reads.some((r) => r.sheet === sheet)) ?? groups[0]).result;
  const onForm = (sheet: string): boolean => groups.some((g) => g.reads.some((r) => r.sheet === sheet));
  for (const [k, v] of Object.entries(names.scalars) as [ScalarFieldId, NonNullable<MappingResult["scalars"][ScalarFieldId]>][]) {
    // An identity name on a cover (a sheet without a form) serves every form, as the cover's labels do.
    if (IDENTITY.includes(k) && !onForm(v.ref.sheet)) for (const g of groups) g.result.scalars[k] = v;
    else groupOf(v.ref.sheet).scalars[k] = v;
  }
  for (const [k, v] of Object.entries(names.tables) as [keyof MappingResult["tables"], TableBinding][]) {
    const into = groupOf(v.sheet);
    into.tables[k] = v;
    const area = names.areas[k];
    if (area) into.areas[k] = area;
    else delete into.areas[k];
  }
  groups[0].result.problems.push(...names.problems);
}

function overlaps(a: Area, b: Area): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
}

/** The part of a mapping result that lies on the given sheets. */
function onSheets(result: MappingResult, keep: (sheet: string) => boolean): MappingResult {
  const out = emptyResult();
  for (const [k, v] of Object.entries(result.scalars) as [ScalarFieldId, NonNullable<MappingResult["scalars"][ScalarFieldId]>][]) if (keep(v.ref.sheet)) out.scalars[k] = v;
  for (const [k, v] of Object.entries(result.tables) as [keyof MappingResult["tables"], TableBinding][]) {
    if (!keep(v.sheet)) continue;
    out.tables[k] = v;
    const area = result.areas[k];
    if (area) out.areas[k] = area;
  }
  out.problems.push(...result.problems.filter((p) => !p.ref || keep(p.ref.sheet)));
  return out;
}

/** Whether one of the reads has a slot for the field (left blank by the clerk: an error there, not elsewhere). */
function declaresField(reads: readonly FormRead[], id: ScalarFieldId): boolean {
  return reads.some((r) => r.result.scalars[id] !== undefined);
}

function sheetIndex(snapshot: WorkbookSnapshot, sheet: string): number {
  return snapshot.sheets.findIndex((s) => s.name === sheet);
}

/** `$C$11` / `$A$3:$H$9` for an area. */
function absolute(area: Area): string {
  const a = `$${indexToCol(area.start.col)}$${area.start.row}`;
  const b = `$${indexToCol(area.end.col)}$${area.end.row}`;
  return a === b ? a : `${a}:${b}`;
}

/**
 * The defined names a clerk could save for what auto-map found (保存为名称): each scalar as its
 * single cell, each table as its rectangle including the header rows. Fields already bound by name
 * are left out.
 *
 * @param model - from {@link mapWorkbook}
 * @returns names with absolute, sheet-qualified references, in contract order
 * @example
 *   suggestNames(model); // [{ name: "jx_unit_name", ref: "封面!$B$3" }, { name: "jx_income", ref: "收支情况!$A$5:$G$10" }]
 */
export function suggestNames(model: ReportModel): { name: string; ref: string }[] {
  const out: { name: string; ref: string }[] = [];
  for (const f of SCALAR_FIELDS) {
    const s = model.scalars[f.id];
    if (!s || s.source !== "label") continue;
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(s.ref.address) ?? [];
    if (col === undefined) continue;
    out.push({ name: f.id, ref: `${quoteSheet(s.ref.sheet)}!$${col}$${row}` });
  }
  for (const def of TABLES) {
    const t = model.tables[def.id];
    if (!t || t.source !== "label") continue;
    const area = tableAreas.get(t) ?? fallbackArea(t);
    out.push({ name: def.id, ref: `${quoteSheet(t.sheet)}!${absolute(area)}` });
  }
  return out;
}

/** A table's rectangle from the binding alone (models not built here): last header row to last row. */
function fallbackArea(t: TableBinding): Area {
  const cols = t.columns.map((c) => c.col);
  const last = t.rows.length ? t.rows[t.rows.length - 1].row : t.headerRow;
  return { start: { row: t.headerRow, col: Math.min(...cols) }, end: { row: last, col: Math.max(...cols) } };
}
