/**
 * The text cells the prose checks read — the narrative scalars (jx_achievements …) and every string cell
 * of the narrative sheet 评价报告综述 — and the workbook facts they are checked against.
 */
import type { CellRef, CellSnapshot, SheetSnapshot } from "../model/snapshot";
import { sameForm, type ReportModel, type TableBinding, type TableRow } from "../model/report-model";
import { indexToCol } from "../model/address";
import type { ColumnDef, ScalarFieldId, TableId } from "../schema/fields";
import { TABLES, normalizeLabel } from "../schema/fields";
import { isDateFormat, parseCell, writtenDecimals } from "../units";
import { checksTouchingUnitMistakes, findUnitMistakes } from "../relations/unit-mistakes";
import { projectCauses } from "../relations/project-causes";
import { checksInvolving, evaluate, failingChecks, readMoney, refKey, type SumCheck } from "../relations/footing";
import { checkRate, readRate } from "../rules/lib/rates";
import { causeCorrections, causeOf, type Cause } from "../relations/cause";
import { analyzeProse, type ProseAnalysis, type ProseQuantity, halfWidth } from "./extract";
import { convertUnit, decimalShift, moneyFactor } from "../units";
import { formById } from "../forms";
import { settledYear } from "./report-year";
import { paragraphsOf, partWrite, tableRowSentences, type Paragraph, type ProsePart, type SheetParagraphs } from "./paragraphs";
import type { Fix } from "../engine/types";
import type { CellWrite } from "../model/writes";
import { textCells } from "../rules/lib/text-cells";
import { extend } from "../rules/lib/extend";
import { byProject, type ProseText } from "./prose-projects";

/** The sheet the narrative is written to and read from. */
export const NARRATIVE_SHEET = "评价报告综述";

/** The narrative scalar fields, in the order the report uses them. */
export const PROSE_FIELDS: readonly ScalarFieldId[] = ["jx_duties", "jx_tasks", "jx_achievements", "jx_problems", "jx_measures"];

/** A text cell with its analysis. */
export interface ProseCell {
  readonly ref: CellRef;
  /** The scalar field, absent for a cell of the narrative sheet. */
  readonly field?: ScalarFieldId;
  readonly text: string;
  readonly analysis: ProseAnalysis;
  /**
   * A paragraph written over several cells (wrapped by hand onto the next row, its section number in the
   * cell to its left): the cells and where each starts in {@link text}. `ref` is its text's first cell.
   */
  readonly parts?: readonly ProsePart[];
}

const cache = new WeakMap<ReportModel, ProseCell[]>();
/** The model's prose cells that span several cells, by `Sheet!A1` of their `ref`. */
const spanning = new WeakMap<ReportModel, Map<string, ProseCell>>();

/** A prose cell read from a sheet: one cell's text, or the paragraph it starts. */
function sheetProse(sheet: string, address: string, value: string, paragraph: Paragraph | undefined): ProseCell {
  const text = paragraph?.text ?? value;
  return { ref: { sheet, address }, text, analysis: analyzeProse(text), ...(paragraph ? { parts: paragraph.parts } : {}) };
}

/**
 * A finding at a paragraph that spans cells, placed on the cell its fix changes: each write of the
 * paragraph's new text becomes the write of the one cell holding the changed figure, and the finding moves
 * there; a fix that would change two cells is dropped. A finding without a fix goes to the one cell that
 * holds the phrase it quotes (`actual`), else stays at the paragraph's first cell. Any other finding is
 * returned as is.
 */
export function placeOnPart<D extends { readonly at: CellRef; readonly fix?: Fix; readonly suggestions?: readonly Fix[]; readonly actual?: unknown }>(model: ReportModel, d: D): D {
  const pc = spanning.get(model)?.get(`${d.at.sheet}!${d.at.address}`);
  if (!pc?.parts) return d;
  let at: CellRef | undefined;
  const onPart = (f: Fix): Fix | undefined => {
    const writes: CellWrite[] = [];
    for (const w of f.writes) {
      if (w.at.sheet !== pc.ref.sheet || w.at.address !== pc.ref.address || typeof w.value !== "string") {
        writes.push(w);
        continue;
      }
      const one = partWrite({ text: pc.text, parts: pc.parts! }, w.value);
      if (!one) return undefined;
      at ??= one.at;
      writes.push({ ...w, ...one });
    }
    return { ...f, writes };
  };
  const fix = d.fix && onPart(d.fix);
  const suggestions = d.suggestions?.map(onPart).filter((f): f is Fix => f !== undefined);
  // Without a fix, the phrase the finding quotes (`actual`), when exactly one cell holds it whole.
  if (!at && typeof d.actual === "string" && d.actual) {
    const holding = pc.parts.filter((x) => x.text.includes(d.actual as string));
    if (holding.length === 1 && pc.text.indexOf(d.actual) === pc.text.lastIndexOf(d.actual)) at = holding[0].ref;
  }
  return { ...d, at: at ?? d.at, fix, suggestions: suggestions?.length ? suggestions : undefined };
}

/**
 * Every text cell the prose rules read: the narrative fields, the cells of the narrative sheet, and any
 * other text cell long enough to be prose (see {@link isProseText}) on any sheet — a report written as
 * paragraphs in column A, a 自评结论 cell beside or below a table, a 实际完成情况 cell, an indicator's
 * remark. A narrative-sheet cell whose text is already inside a narrative field (the generator copies the
 * clerk's text) is left out, so that one mistake gives one finding; so are cells the mapping bound to a
 * non-narrative field (a title read for the year) and table cells other than the indicators' remarks.
 * @param model - the mapped workbook
 * @returns the cells: scalars first, then the narrative sheet, then the other sheets, each top to bottom
 */
export function proseCells(model: ReportModel): ProseCell[] {
  const hit = cache.get(model);
  if (hit) return hit;
  let out: ProseCell[] = [];
  const seen = new Set<string>();
  for (const id of PROSE_FIELDS) {
    const b = model.scalars[id];
    const v = b?.cell?.value;
    if (!b || typeof v !== "string" || !v.trim()) continue;
    seen.add(`${b.ref.sheet}!${b.ref.address}`);
    out.push({ ref: b.ref, field: id, text: v, analysis: analyzeProse(v) });
  }
  const fieldTexts = out.map((c) => c.text);
  const sheet = model.snapshot.sheets.find((s) => s.name === NARRATIVE_SHEET);
  if (sheet) {
    const texts = textCells(sheet);
    const paragraphs = paragraphsOf(sheet);
    for (let i = 0; i < texts.length; i++) {
      const { address, value: v } = texts[i];
      if (!v.trim() || seen.has(`${sheet.name}!${address}`) || paragraphs.tails.has(address)) continue;
      const t = v.trim();
      if (fieldTexts.some((f) => f.includes(t))) continue;
      out.push(sheetProse(sheet.name, address, v, paragraphs.heads.get(address)));
    }
  }
  out.push(...otherProseCells(model, seen));
  // A workbook of several projects' forms: a paragraph of its report naming one project is that project's.
  out = byProject(model, out, heldElsewhere, NARRATIVE_SHEET);
  const spans = new Map<string, ProseCell>();
  for (const pc of out) if (pc.parts) spans.set(`${pc.ref.sheet}!${pc.ref.address}`, pc);
  if (spans.size) spanning.set(model, spans);
  cache.set(model, out);
  return out;
}

/** Sheets the add-in writes for its own bookkeeping: never prose. */
export const BOOKKEEPING_SHEETS: ReadonlySet<string> = new Set(["jx_ignore", "jx_marks"]);
/**
 * Sheets of instructions (填报说明, 评分标准): their rates and amounts are rules, not the unit's figures. A sheet
 * of the unit's own text (文字说明, 情况说明, 决算说明) is prose.
 */
export const INSTRUCTION_SHEET = /^说明$|填报说明|填表说明|编制说明|使用说明|操作说明|指标说明|填报要求|填表要求|评分标准|评分细则|评分规则|指引|附注|模板/;
/**
 * The title of the unit's own report (`某局2023年度“三公”经费支出情况说明`, `三、“三公”经费财政拨款支出决算情况说明`,
 * `…绩效自评报告`): a sheet named only 说明 that opens with one holds the unit's text, not instructions.
 */
const REPORT_TITLE = /(?:情况|决算|支出|收支)说明$|绩效(?:自评|评价)报告|自评报告/;
const INSTRUCTION_TITLE = /填报|填表|编制说明|使用说明|操作说明|评分/;
const instructionSheets = new WeakMap<SheetSnapshot, boolean>();

/**
 * Whether a sheet holds instructions (see {@link INSTRUCTION_SHEET}). A sheet named only `说明` is the unit's
 * text when its first text cell (its title, within the first eight rows) names the unit's report.
 */
export function isInstructionSheet(sheet: SheetSnapshot): boolean {
  if (!INSTRUCTION_SHEET.test(sheet.name)) return false;
  if (sheet.name.trim() !== "说明") return true;
  let known = instructionSheets.get(sheet);
  if (known === undefined) {
    // (Within the first rows: a title three rows down, under blank rows, still opens the sheet.)
    const first = Object.entries(sheet.cells)
      .filter(([a, c]) => typeof c.value === "string" && c.value.trim() !== "" && Number(/\d+$/.exec(a)?.[0] ?? 99) <= 8)
      .sort(([a], [b]) => Number(/\d+$/.exec(a)![0]) - Number(/\d+$/.exec(b)![0]))[0];
    // (The report typed into one cell: its first line is the title.)
    const title = first ? String(first[1].value).split(/\r?\n/)[0].replace(/\s+/g, "") : "";
    known = !(title.length <= 60 && REPORT_TITLE.test(title) && !INSTRUCTION_TITLE.test(title));
    instructionSheets.set(sheet, known);
  }
  return known;
}

/** A form's own notes under a table (注：1.执行率=…；填报说明：…): instructions, not the unit's text. */
export const INSTRUCTION_TEXT = /^\s*(?:注|备注说明|说明|填报说明|填表说明|填报要求)\s*[0-9一１]?\s*[:：.．、]/;

/**
 * A clause of a template's printed guidance: the 四川 form's funds block carries, in its 原因 cell,
 * “1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的
 * （追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。”, and its answer cells start as
 * prompts ending “（200字以内）”. Its rates and words are the template's, not the unit's.
 */
const GUIDANCE_CLAUSE = /字以内|需(?:要)?说明(?:原因|理由)|应单独说明|其他资金包括|执行率\s*[=＝]/;

/**
 * The text without the clauses of a template's printed guidance (see {@link GUIDANCE_CLAUSE}), split at
 * ；。 and line breaks: what the clerk wrote, or "" when the cell holds only the template's guidance.
 */
export function withoutGuidance(text: string): string {
  if (!GUIDANCE_CLAUSE.test(text)) return text;
  return text
    .split(/(?<=[；;。\n])/)
    .filter((clause) => !GUIDANCE_CLAUSE.test(clause))
    .join("")
    .trim();
}

/**
 * Whether a text reads as prose rather than a label, a name or a value: at least 15 characters (spaces
 * aside) with a clause or sentence mark (，。；！？), or any text of an indicator's remark cell.
 */
export function isProseText(text: string): boolean {
  // Removing spaces only shortens a text: one shorter than 15 (most labels and names) is no prose.
  if (text.length < 15) return false;
  const t = text.replace(/\s+/g, "");
  return t.length >= 15 && /[，,。；;！？!?]/.test(t);
}

/** Prose cells outside the narrative fields and the narrative sheet. */
function otherProseCells(model: ReportModel, seen: Set<string>): ProseCell[] {
  // The indicators' remark cells (偏差原因), by sheet then address: any text there counts.
  const remarks = new Map<string, Set<string>>();
  for (const row of model.tables.jx_indicators?.rows ?? []) {
    const c = row.cells.reason;
    // A table cell's `cell` is the snapshot's cell at its address (table-reader); one bound without it
    // is blank or whitespace, which is never prose nor a remark.
    if (c && typeof c.cell?.value === "string") addRef(remarks, c.ref);
  }
  // First the candidates: text cells that are a remark or read as prose. The cheap tests run on text
  // cells only (rules/lib/text-cells.ts), and nearly every text cell (labels, names) fails them, so the
  // bindings below are looked at only for the few sheets that have a candidate.
  const candidates: Candidate[] = [];
  for (const sheet of model.snapshot.sheets) {
    if (sheet.name === NARRATIVE_SHEET || BOOKKEEPING_SHEETS.has(sheet.name) || isInstructionSheet(sheet)) continue;
    candidates.push(...sheetCandidates(sheet, remarks.get(sheet.name)));
  }
  // A report's small table (表1 收支预算执行情况) under its paragraphs: each row read as the sentence it states.
  for (const sheet of model.snapshot.sheets) {
    const table = reportTable(model, sheet);
    if (table) for (const { address, paragraph } of tableRowSentences(sheet, table, model.moneyUnit ?? "万元")) candidates.push({ sheet: sheet.name, address, value: paragraph.text, paragraph });
  }
  if (!candidates.length) return [];
  // A candidate bound to a field is that field's business: every scalar, and every text cell of a table
  // other than the remarks (numbers are never candidates, so only text cells are remembered).
  const sheets = new Set(candidates.map((c) => c.sheet));
  const bound = new Map<string, Set<string>>();
  for (const b of Object.values(model.scalars)) if (b) addRef(bound, b.ref);
  for (const [tid, t] of Object.entries(model.tables)) {
    for (const row of t?.rows ?? []) {
      for (const key in row.cells) {
        const c = row.cells[key];
        if (typeof c.cell?.value !== "string" || !sheets.has(c.ref.sheet) || (tid === "jx_indicators" && key === "reason")) continue;
        addRef(bound, c.ref);
      }
    }
  }
  const out: ProseCell[] = [];
  for (const { sheet, address, value, paragraph } of candidates) {
    const key = `${sheet}!${address}`;
    if (seen.has(key) || bound.get(sheet)?.has(address)) continue;
    seen.add(key);
    out.push(sheetProse(sheet, address, value, paragraph));
  }
  return out;
}

/** A text cell that could be prose, with the paragraph it starts. */
interface Candidate {
  readonly sheet: string;
  readonly address: string;
  readonly value: string;
  readonly paragraph?: Paragraph;
}

/** A sheet's text cells that are a remark (any text) or read as prose, each paragraph from its first cell. */
function sheetCandidates(sheet: SheetSnapshot, sheetRemarks?: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const texts = textCells(sheet);
  let paragraphs: SheetParagraphs | undefined;
  for (let i = 0; i < texts.length; i++) {
    const { address, value } = texts[i];
    if (sheetRemarks?.has(address)) {
      if (value.trim() !== "") out.push({ sheet: sheet.name, address, value });
      continue;
    }
    // A paragraph over several cells is read whole from its first cell (rules/lib/text-cells.ts has the
    // cells; the paragraphs are looked for on a sheet only once one of its cells could be prose).
    paragraphs ??= paragraphsOf(sheet);
    if (paragraphs.tails.has(address)) continue;
    const paragraph = paragraphs.heads.get(address);
    const text = paragraph?.text ?? value;
    // The template's printed guidance alone (四川: “1.预算执行率=…（100字以内）；…”) is no prose of the unit.
    if (isProseText(text) && !INSTRUCTION_TEXT.test(text) && isProseText(withoutGuidance(text))) out.push({ sheet: sheet.name, address, value, ...(paragraph ? { paragraph } : {}) });
  }
  return out;
}

/**
 * The prose of a sheet the model does not hold (another part's report sheet), for the paragraphs there that
 * name the model's project (narrative/prose-projects.ts).
 */
function heldElsewhere(sheet: SheetSnapshot): ProseText[] {
  // Read once per sheet: every part of the workbook but the first asks.
  let hit = elsewhere.get(sheet);
  if (!hit) {
    hit = sheetCandidates(sheet).map((c) => ({ ref: { sheet: c.sheet, address: c.address }, text: c.paragraph?.text ?? c.value, ...(c.paragraph ? { parts: c.paragraph.parts } : {}) }));
    elsewhere.set(sheet, hit);
  }
  return hit;
}

const elsewhere = new WeakMap<SheetSnapshot, ProseText[]>();

/** Add a cell to a by-sheet set of addresses. */
function addRef(to: Map<string, Set<string>>, ref: CellRef): void {
  let onSheet = to.get(ref.sheet);
  if (!onSheet) to.set(ref.sheet, (onSheet = new Set()));
  onSheet.add(ref.address);
}

/** A number of the workbook: its value, shown decimals and cell. */
export interface Fact {
  readonly value: number;
  readonly decimals: number;
  readonly ref: CellRef;
  /** The row's name, for table cells. */
  readonly rowName?: string;
  /** The number format groups thousands (`#,##0.00`). */
  readonly thousands?: boolean;
  /** The table's 合计 / 汇总 row (or a sum of the rows). */
  readonly isTotal?: boolean;
  /** The unit the cell's own table writes, when it is not the workbook's (a 三公经费 table in 元). */
  readonly ownUnit?: string;
  /**
   * The cell breaks a relation of the tables (a 合计 that is not its parts' sum): the table rules report it
   * at its cause, and a text that agrees with the other cells is not to be called wrong against it.
   */
  readonly suspect?: boolean;
  /**
   * The value at which the cell would make a failing total hold, when that total's cause is uncertain (the
   * 合计 or any part): a text stating it agrees with the table as corrected.
   */
  readonly alternative?: number;
}

/** A number cell read, or undefined when it is not a number. */
export function factOf(ref: CellRef, cell: Parameters<typeof parseCell>[0], rowName?: string, moneyUnit?: string): Fact | undefined {
  const p = parseCell(cell);
  if (p.kind !== "number") return undefined;
  const thousands = /#,##|,0/.test(cell?.numberFormat ?? "") || (typeof cell?.value === "string" && /\d,\d{3}/.test(cell.value));
  let value = p.value;
  let decimals = p.decimals;
  // A cell that says its own money unit ("3467700元" in a 万元 table) is read in the table's unit (346.77),
  // as the footing rules read it; a bare 万 / 亿 in a money cell can only mean 万元 / 亿元.
  const unit = p.unit !== undefined ? (BARE_MONEY_UNITS[p.unit.trim()] ?? p.unit.trim()) : undefined;
  if (moneyUnit !== undefined && unit !== undefined && unit !== moneyUnit && moneyFactor(unit) !== undefined) {
    const converted = convertUnit(value, unit, moneyUnit);
    const shift = decimalShift(unit, moneyUnit);
    if (converted === undefined || shift === undefined) return undefined;
    value = converted;
    // Shown as the converted number reads (3467700元 → 346.77, not 346.7700), never finer than written.
    decimals = Math.max(0, Math.min(decimals + shift, writtenDecimals(value)));
  }
  return { value, decimals, ref, rowName, ...(thousands ? { thousands } : {}) };
}

/** Money units written without 元, as clerks shorten them in a money column. */
const BARE_MONEY_UNITS: Readonly<Record<string, string>> = { 万: "万元", 亿: "亿元", 千: "千元" };

/** A scalar field's number (corrected when no-unit-mistake flags it). */
export function scalarFact(model: ReportModel, id: ScalarFieldId): Fact | undefined {
  const b = model.scalars[id];
  return b ? correctedFact(model, factOf(b.ref, b.cell, undefined, model.moneyUnit)) : undefined;
}

/**
 * A money cell as it will read once its 元/万元 slip is fixed (itself when not flagged), so that a text
 * stating the right amount is not compared with the slipped cell — one slip, one finding (no-unit-mistake's).
 */
export function correctedFact(model: ReportModel, fact: Fact | undefined): Fact | undefined {
  if (!fact) return undefined;
  const key = `${fact.ref.sheet}!${fact.ref.address}`;
  for (const m of findUnitMistakes(model)) {
    const hit = m.figure.key === key ? m.corrected : m.alsoCorrected.find((x) => x.figure.key === key)?.corrected;
    if (hit !== undefined) return extend(fact, { value: hit, decimals: Math.max(fact.decimals, writtenDecimals(hit)) });
  }
  // A project row's certain cause (project-row-consistent's finding: its 执行率 and the 合计 agree on
  // 115.20) reads as corrected: the text stating the right figure is not the mistake.
  for (const c of projectCauses(model)) {
    if (c.figure.key === key) return extend(fact, { value: c.value, decimals: Math.max(fact.decimals, c.decimals) });
    // A 合计 formula that follows a slipped row (=SUM(F42:F45) over 158000 typed for 15.80) reads as it will.
    const follows = c.byScale?.follows.find((x) => x.key === key);
    if (follows) return extend(fact, { value: follows.value });
  }
  // A listed project's amount whose own row disagrees with its typed 执行率 (a list with no 合计 to tell which
  // cell is wrong): project-row-consistent reports the row; the text stating either amount is not blamed.
  if (rowsAgainstRate(model).has(key)) return extend(fact, { suspect: true });
  // A cell is suspect when one of its checks fails once the slips found elsewhere are corrected (found
  // once per model, usually none): a 年度资金总额 whose 其中 row holds a 元 slip is right, and the text
  // stating it is held to it.
  if (failingChecks(model).size === 0) return fact;
  // The certain cause of a failing relation reads as its relations give it (a 年度资金总额 +10 whose
  // 其中 rows and 执行率 agree on 215.11): the text is held to what the table will say once corrected.
  const cause = causeCorrections(model).get(refKey(fact.ref));
  if (cause) return extend(fact, { value: cause.value, decimals: Math.max(fact.decimals, cause.decimals) });
  const failing = failingOnceSettled(model);
  if (failing.size === 0) return fact;
  // A check still failing says nothing against a cell its relations clear: the cause lies among other
  // cells (a 年度资金总额 its 执行率 and its other split confirm, over 其中 rows one of which is wrong).
  const at = refKey(fact.ref);
  const against = (c: SumCheck): boolean => {
    if (!failing.has(c)) return false;
    const cause = causeFor(model, c);
    return cause === undefined || cause.figure.key === at || (cause.alternatives ?? []).some((f) => f.key === at);
  };
  const mine = checksInvolving(model, at);
  if (mine.some(against)) return extend(fact, { suspect: true });
  // The total named without certainty (“请核对合计与各分项”): any of its parts may be the one to correct, so
  // a text quoting a part at the value that would make the total hold (因公出国（境）费2.36万元 over a 1.84 that
  // breaks the 合计) may be the right one; a text stating neither value is still wrong.
  const loose = mine.filter((c) => {
    if (!failing.has(c)) return false;
    const cause = causeFor(model, c);
    return !!cause && !cause.unique && !cause.alternatives?.length && cause.figure.key === c.target.key && c.terms.some((t) => t.figure.key === at);
  });
  if (loose.length > 1) return extend(fact, { suspect: true });
  if (loose.length === 1) {
    const c = loose[0];
    const term = c.terms.find((t) => t.figure.key === at)!;
    const others = c.terms.reduce((a, t) => (t === term ? a : a + t.sign * t.figure.value), 0);
    return extend(fact, { alternative: term.sign * (c.target.value - others) });
  }
  return fact;
}

const againstRate = new WeakMap<ReportModel, ReadonlySet<string>>();

/**
 * The 预算数 and 执行数 cells of the jx_projects rows whose typed 执行率 disagrees with them, in a list with no
 * 合计 row (once per model).
 */
function rowsAgainstRate(model: ReportModel): ReadonlySet<string> {
  const hit = againstRate.get(model);
  if (hit) return hit;
  const out = new Set<string>();
  const rows = model.tables.jx_projects?.rows ?? [];
  // With a 合计 row, the list's relations pin the cause (projectCauses): only a list without one is read so.
  for (const row of rows.some((r) => r.isSummary) ? [] : rows) {
    const b = row.cells.budget;
    const e = row.cells.executed;
    const rate = row.cells.rate?.cell?.formula === undefined ? readRate(row.cells.rate) : undefined;
    if (!b || !e || !rate) continue;
    const bf = readMoney(b, "jx_projects.budget", model.moneyUnit);
    const ef = readMoney(e, "jx_projects.executed", model.moneyUnit);
    if (!bf || !ef || bf.blank || ef.blank) continue;
    if (checkRate(rate, ef, bf)?.ok === false) {
      out.add(refKey(b.ref));
      out.add(refKey(e.ref));
    }
  }
  againstRate.set(model, out);
  return out;
}

const causes = new WeakMap<ReportModel, Map<SumCheck, Cause | undefined>>();

/** The cause of a failing check as total-matches-parts names it (checks of a found 元 slip and 项目 rows aside). */
function causeFor(model: ReportModel, check: SumCheck): Cause | undefined {
  let byCheck = causes.get(model);
  if (!byCheck) causes.set(model, (byCheck = new Map()));
  if (byCheck.has(check)) return byCheck.get(check);
  const touching = checksTouchingUnitMistakes(model);
  const cause = check.kind === "project" || touching.has(check) ? undefined : causeOf(model, check, (c) => c.kind !== "project" && !touching.has(c));
  byCheck.set(check, cause);
  return cause;
}

const settledFailing = new WeakMap<ReportModel, ReadonlySet<SumCheck>>();

/**
 * The checks that fail as written and still fail with every slip the workbook's relations pin corrected:
 * the 元/万元 slips no-unit-mistake reports and the certain causes of the form's failing relations. A check
 * another cell's slip explains says nothing against the cells it shares with that slip.
 */
function failingOnceSettled(model: ReportModel): ReadonlySet<SumCheck> {
  const hit = settledFailing.get(model);
  if (hit) return hit;
  const failing = failingChecks(model);
  let out = failing;
  if (failing.size > 0) {
    const overrides = new Map<string, { value: number; decimals: number }>();
    for (const m of findUnitMistakes(model)) {
      overrides.set(m.figure.key, { value: m.corrected, decimals: writtenDecimals(m.corrected) });
      for (const x of m.alsoCorrected) overrides.set(x.figure.key, { value: x.corrected, decimals: writtenDecimals(x.corrected) });
    }
    for (const [key, c] of causeCorrections(model)) if (!overrides.has(key)) overrides.set(key, c);
    if (overrides.size > 0) {
      const still = new Set<SumCheck>();
      for (const c of failing) if (!evaluate(c, overrides).ok) still.add(c);
      out = still;
    }
  }
  settledFailing.set(model, out);
  return out;
}

/**
 * The report year (jx_report_year: 2024, "2024", "2024年", "2024年度") — as the workbook settles it: a year
 * line that is the odd one (year-matches-report's finding) does not make the text wrong.
 */
export function reportYear(model: ReportModel): number | undefined {
  return settledYear(model).year;
}

/** A money field the prose may name: the labels it goes by in prose and its numbers. */
export interface MoneyEntry {
  /** `jx_budget_adjusted`, `jx_expense.basic`. */
  readonly field: string;
  /** The label shown in messages (基本支出). */
  readonly name: string;
  /** Prose labels, normalised, longest first. */
  readonly labels: readonly string[];
  readonly facts: readonly Fact[];
  /** For a form's declared row: the figure a bare amount states (its 全年执行数). */
  readonly stated?: Fact;
  /**
   * Short words of the column (预算, 支出, 结余) that state it only after a row's name: 公共卫生服务类项目预算,
   * 某补助资金结余 (a project list's rows are named in prose so).
   */
  readonly short?: readonly string[];
}

/** The project list's columns in short words, after a project's or a category's name. */
const SHORT_LABELS: Readonly<Record<string, readonly string[]>> = {
  "jx_projects.budget": ["预算数", "预算"],
  "jx_projects.executed": ["执行数", "实际支出", "支出", "执行"],
  "jx_projects.carryover": ["结转结余", "结余", "结转"],
};

const SCALAR_PROSE: readonly [ScalarFieldId, string, readonly string[]][] = [
  ["jx_budget_initial", "年初预算数", ["年初预算数", "年初预算"]],
  ["jx_budget_adjusted", "全年预算数", ["调整后预算数", "调整后预算", "全年预算数", "全年预算"]],
  ["jx_executed", "全年执行数", ["全年执行数", "全年执行"]],
];

const MONEY_TABLES: readonly TableId[] = ["jx_income", "jx_expense", "jx_sangong", "jx_assets", "jx_projects"];
/**
 * Aliases too loose to name one column in prose (财政拨款 is often 公共财政 + 基金; 项目经费 is any project's
 * funds: 预算项目经费, 某项目经费28万元).
 */
const LOOSE = new Set(["财政拨款", "年末结转和结余", "项目经费"]);

/** A cell naming its row as a total (合计, 总 计, 合计：). */
const TOTAL_ROW = /^(?:合计|总计|汇总)[:：]?$/;

const totalRowCache = new WeakMap<ReportModel, Map<string, Set<number>>>();

/** The rows of a sheet with a cell reading 合计 / 总计 / 汇总 (in any column: the 合计 of a 项目 table is often merged over 序号…实施单位). */
function totalRows(model: ReportModel, sheet: string): Set<number> {
  let bySheet = totalRowCache.get(model);
  if (!bySheet) totalRowCache.set(model, (bySheet = new Map()));
  let rows = bySheet.get(sheet);
  if (rows) return rows;
  rows = new Set();
  const snap = model.snapshot.sheets.find((x) => x.name === sheet);
  // Text cells only, with their row already read (rules/lib/text-cells.ts).
  // (Indexed, and 计 or 汇 first — every 合计, 总计 and 汇总 has one — before any string is built: a
  // 收支情况 sheet has thousands of text cells, most of them institution names.)
  const texts = snap ? textCells(snap) : [];
  for (let i = 0; i < texts.length; i++) {
    const v = texts[i].value;
    if ((v.includes("计") || v.includes("汇")) && TOTAL_ROW.test(v.replace(/\s+/g, ""))) rows.add(texts[i].row);
  }
  bySheet.set(sheet, rows);
  return rows;
}

/** The row's name, normalised (`1、局机关` → `局机关`). */
export function rowName(row: TableRow): string | undefined {
  const v = row.cells.name?.cell?.value;
  return typeof v === "string" && v.trim() ? normalizeLabel(v) : undefined;
}

const entryCache = new WeakMap<ReportModel, MoneyEntry[]>();

const columnLabels = new Map<TableId, readonly { col: ColumnDef; labels: readonly string[] }[]>();

/**
 * Names prose gives a money column that are no header of it: a 决算 report's 年末固定资产原值 is the 固定资产
 * table's 合计 (the table lists 原值 by use: 在用, 出租, 其他).
 */
const PROSE_LABELS: Readonly<Record<string, readonly string[]>> = {
  "jx_assets.total": ["年末固定资产原值", "年末固定资产总额", "固定资产原值", "固定资产总额", "固定资产总值"],
};

/**
 * A money table's money columns with the labels prose may name them by (normalised, 4 characters or more,
 * not {@link LOOSE}, longest first); columns without one are left out. The schema's own constants: worked
 * out once per table, not for every workbook.
 */
function moneyColumns(tid: TableId): readonly { col: ColumnDef; labels: readonly string[] }[] {
  const hit = columnLabels.get(tid);
  if (hit) return hit;
  const cols: { col: ColumnDef; labels: readonly string[] }[] = [];
  for (const col of TABLES.find((t) => t.id === tid)?.columns ?? []) {
    if (!col.money) continue;
    const labels = [col.label, ...col.aliases, ...(PROSE_LABELS[`${tid}.${col.key}`] ?? [])].map(normalizeLabel).filter((l) => l.length >= 4 && !LOOSE.has(l));
    if (labels.length) cols.push({ col, labels: labels.sort((a, b) => b.length - a.length) });
  }
  columnLabels.set(tid, cols);
  return cols;
}

/** Every money field the prose may name, with its numbers. */
export function moneyEntries(model: ReportModel): MoneyEntry[] {
  const hit = entryCache.get(model);
  if (hit) return hit;
  const out: MoneyEntry[] = [];
  for (const [id, name, labels] of SCALAR_PROSE) {
    const f = scalarFact(model, id);
    if (f) out.push({ field: id, name, labels, facts: [f] });
  }
  for (const tid of MONEY_TABLES) {
    const table = model.tables[tid];
    if (!table) continue;
    const own = ownMoneyUnit(table, tid);
    const inUnit = (f: Fact | undefined): Fact | undefined => (f && own && own !== model.moneyUnit ? factIn(f, own, model.moneyUnit) : f);
    for (const { col, labels } of moneyColumns(tid)) {
      const facts: Fact[] = [];
      const totals = totalRows(model, table.sheet);
      for (const row of table.rows) {
        const c = row.cells[col.key];
        if (!c) continue;
        const f = inUnit(correctedFact(model, factOf(c.ref, c.cell, rowName(row), own ?? model.moneyUnit)));
        if (f) facts.push(row.isSummary || totals.has(row.row) ? extend(f, { isTotal: true }) : f);
      }
      const short = SHORT_LABELS[`${tid}.${col.key}`];
      if (facts.length) out.push({ field: `${tid}.${col.key}`, name: col.label, labels, facts, ...(short ? { short } : {}) });
    }
  }
  out.push(...relationEntries(model, out));
  entryCache.set(model, out);
  return out;
}

/**
 * The money unit a table's own headers declare (`三公经费合计（元）`, `在用固定资产（元）`) when every money
 * column that names one names the same: a 三公经费 or 固定资产 table kept in 元 beside a report in 万元. When
 * no header names one, the unit line written just above the table (`金额单位：元`).
 */
export function ownMoneyUnit(table: TableBinding, tid: TableId): "元" | "万元" | undefined {
  const money = new Set(moneyColumns(tid).map((m) => m.col.key));
  const units = new Set<string>();
  for (const c of table.columns) {
    if (!money.has(c.key)) continue;
    const t = normalizeLabel(c.header);
    if (/[(（]万元[)）]|单位[:：]?万元/.test(t)) units.add("万元");
    else if (/[(（]元[)）]|单位[:：]?元/.test(t)) units.add("元");
  }
  if (units.size === 0) return table.unitLine;
  return units.size === 1 ? ([...units][0] as "元" | "万元") : undefined;
}

/** A fact read in `from` (元), stated in `to` (万元): 11200.00 → 1.12 with its decimals shifted. */
function factIn(f: Fact, from: string, to: string): Fact | undefined {
  const value = convertUnit(f.value, from, to);
  const shift = decimalShift(from, to);
  if (value === undefined || shift === undefined) return undefined;
  return extend(f, { value, decimals: Math.max(0, f.decimals + shift), ownUnit: from });
}

/**
 * The money cells a detected form declares in its relations (a 部门整体 form's 基本支出 / 公用经费 rows, a
 * 决算 总表's 本年收入合计), by their Chinese label, for figures the schema's fields do not hold. Each label's
 * cells are every column of its row; the one a bare amount states is the 全年执行数 (or the 决算 amount).
 */
function relationEntries(model: ReportModel, have: readonly MoneyEntry[]): MoneyEntry[] {
  const known = new Set(have.flatMap((e) => e.facts.map((f) => `${f.ref.sheet}!${f.ref.address}`)));
  // The 合计 row's cells (targets of a relation whose target is labelled 合计 / 总计): what a bare 人员经费
  // in the text states, as the total row of a schema table is.
  const totals = new Set(
    (model.relations ?? []).filter((r) => /^(?:合计|总计|合\s*计)$/.test(normalizeLabel(r.target.label))).map((r) => `${r.target.cell.ref.sheet}!${r.target.cell.ref.address}`),
  );
  const byLabel = new Map<string, { field: string; facts: Fact[]; stated: Fact[] }>();
  for (const r of model.relations ?? []) {
    for (const c of [r.target, ...r.terms]) {
      const key = `${c.cell.ref.sheet}!${c.cell.ref.address}`;
      // Quotes dropped, as the prose's labels drop them (“三公”经费支出).
      const label = normalizeLabel(c.label.replace(/^其中[:：]?/, "")).replace(/[“”"‘’]/g, "");
      if (known.has(key) || label.length < 4 || LOOSE.has(label)) continue;
      known.add(key);
      const fact = correctedFact(model, factOf(c.cell.ref, c.cell.cell, undefined, model.moneyUnit));
      if (!fact) continue;
      const f = totals.has(key) ? extend(fact, { isTotal: true }) : fact;
      const e = byLabel.get(label) ?? { field: c.field, facts: [], stated: [] };
      e.facts.push(f);
      // A 全年执行数, a 决算 amount, a line of a 决算 总表 (its one amount): the figure a bare amount states.
      // (A block whose ROWS are 预算数 / 决算数, the “三公”经费 by columns: its 决算数 row.)
      if (/\.(?:executed|amount|line\d+)$|\.amount\.[^.]+$/.test(c.field)) e.stated.push(f);
      byLabel.set(label, e);
    }
  }
  const out: MoneyEntry[] = [];
  for (const [label, e] of byLabel) {
    // The stated figure first: a single-fact entry is compared as one value, several only for unit slips.
    const facts = e.stated.length === 1 ? [e.stated[0], ...e.facts.filter((f) => f !== e.stated[0])] : e.facts;
    out.push({ field: e.field, name: label, labels: [label], facts, ...(e.stated.length === 1 ? { stated: e.stated[0] } : {}) });
  }
  return out;
}

/** Words before a field label that make the prose about something narrower than the field. */
const NARROWER = /项目|专项|资金|基金|经费|财政拨款|一般公共预算|政府性基金|其中/;

/** What a prose amount's label points at: the entry and the facts it may mean. */
export interface LabelMatch {
  readonly entry: MoneyEntry;
  /** The facts the amount may stand for: the named row, else every row. */
  readonly facts: readonly Fact[];
  /** A row (or the scalar) is identified, so a different value is a mismatch. */
  readonly single: boolean;
}

/**
 * Find the money field a prose amount is attached to: its label ends with the field's label (基本支出,
 * 全年预算), and the words before name the row (局机关) or nothing narrower (项目、专项、财政拨款…). A label
 * that is only a generic word for the form's whole amount (支出, 已支付使用资金, 预算资金) stands for the
 * form's overall budget or spending ({@link overallFact}) — read on the prose cell's own sheet when it
 * holds one, so that each project sheet of a workbook is compared with its own figures.
 * @param sheet - the sheet of the prose cell (omit to compare with the model's scalars)
 */
export function matchMoneyLabel(model: ReportModel, label: string, sheet?: string, before?: string, item?: string): LabelMatch | undefined {
  // 社会保障和就业类支出, 社会保障和就业（类）支出: the 功能分类's 类 names the 决算 row 社会保障和就业支出
  // (and （款） （项） in brackets a row of that level).
  // 其中基本支出: the 其中 opens a list of the form's own parts, it does not narrow 基本支出.
  const l = normalizeLabel(label)
    .replace(/^其中[:：]?/, "")
    .replace(/部门/g, "")
    .replace(/(.{2})(?:[（(]?类[)）]?|[（(][款项][)）])(支出|收入)$/, "$1$2")
    // “三公”经费财政拨款支出决算 is the “三公”经费支出 of a 财政拨款 “三公” table.
    .replace(/(三公经费)(?:财政拨款)?支出(?:决算)?$/, "$1支出")
    // On a project's own form, 项目全年执行 / 本项目全年预算 are the form's own figures (as 部门 is on a 部门 form).
    .replace(model.form?.kind === "project" ? /^(?:本|该|此)?项目(?=(?:全年|年初|调整后)(?:预算|执行))/ : /^$^/, "");
  // A 决算 line named with its level (行政运行（项）, 社会保险经办机构（项）：支出决算为…).
  const line = accountLineMatch(model, l, before, sheet);
  if (line !== undefined) return line || undefined;
  const generic = genericOverall(l);
  if (generic) {
    // “医疗救助：预算数…，执行数…”: the generic word belongs to the item named before the colon.
    if (before !== undefined && (itemBeforeColon(model, before) || narrowerSubject(before))) return undefined;
    // “2、某补助资金28万元……。实际支出12.58万元”: the numbered item's subject carries to its later sentences
    // (and, within one sentence, “办公经费20万元（…），用于…，实际支出20万元”).
    if (item !== undefined && before !== undefined && itemNamesPart(model, item + before, before)) return undefined;
    // “全年实施重点项目4个，预算1597.55万元，执行1588.45万元” on a 部门整体 form: the key projects' total (its
    // 重点项目 list's 合计), a subset of the department's, never the form's whole.
    if (before !== undefined && model.form?.kind !== "project" && model.form?.kind !== "summary" && KEY_PROJECTS.test(before)) {
      const listed = tableTotal(model, "jx_projects", generic);
      if (!listed || listed.suspect || (sheet !== undefined && !factApplies(model, listed, sheet))) return undefined;
      return { entry: { field: `jx_projects.${generic}`, name: generic === "budget" ? "重点项目合计预算数" : "重点项目合计执行数", labels: [l], facts: [listed] }, facts: [listed], single: true };
    }
    const f = overallFact(model, generic, sheet);
    if (!f || f.suspect) return undefined;
    const name = generic === "budget" ? "全年预算数" : "全年执行数";
    return { entry: { field: generic === "budget" ? "jx_budget_adjusted" : "jx_executed", name, labels: [l], facts: [f] }, facts: [f], single: true };
  }
  const accounts = accountsMatch(model, l, sheet);
  if (accounts !== undefined) return accounts || undefined;
  for (const entry of moneyEntries(model)) {
    const lbl = entry.labels.find((x) => l.endsWith(x));
    if (!lbl) continue;
    const prefix = l.slice(0, l.length - lbl.length);
    if (NARROWER.test(prefix)) continue;
    if (entry.stated) {
      if (NARROWER.test(prefix) || !ADVERBS_ONLY.test(prefix)) continue;
      // A row whose figures break a relation is that finding's (the text may state its other column, right).
      if (entry.stated.suspect || entry.facts.some((f) => f.suspect)) return undefined;
      if (sheet !== undefined && !factApplies(model, entry.stated, sheet)) return undefined;
      return { entry, facts: entry.facts, single: true };
    }
    if (entry.facts.length === 1 && !entry.field.includes(".")) {
      if (entry.facts[0].suspect) return undefined;
      if (sheet !== undefined && !factApplies(model, entry.facts[0], sheet)) return undefined;
      return { entry, facts: entry.facts, single: true };
    }
    if (sheet !== undefined && !entry.facts.some((f) => factApplies(model, f, sheet))) return undefined;
    const named = entry.facts.filter((f) => f.rowName && f.rowName.length >= 2 && prefix.includes(f.rowName));
    if (named.some((f) => f.suspect)) return undefined;
    if (named.length) return { entry, facts: named, single: named.length === 1 };
    // No row named: the table's total row, when there is one, is what the text states; any row may be meant.
    const total = entry.facts.filter((f) => f.isTotal);
    if (!ADVERBS_ONLY.test(prefix) || total.length !== 1 || total[0].suspect) return { entry, facts: entry.facts, single: false };
    return { entry, facts: [total[0], ...entry.facts.filter((f) => !f.isTotal)], single: true };
  }
  const executed = rowExecuted(model, l, sheet);
  if (executed !== undefined) return executed || undefined;
  // A row's name, then a short word of its column (公共卫生服务类项目预算, 某补助资金结余): that row's figure.
  for (const entry of moneyEntries(model)) {
    const word = entry.short?.find((x) => l.endsWith(x));
    if (!word) continue;
    const prefix = l.slice(0, l.length - word.length);
    if (sheet !== undefined && !entry.facts.some((f) => factApplies(model, f, sheet))) continue;
    const named = entry.facts.filter((f) => f.rowName && f.rowName.length >= 4 && !f.isTotal && prefix.includes(normalizeLabel(f.rowName)));
    if (named.length === 0) continue;
    if (named.some((f) => f.suspect)) return undefined;
    return { entry, facts: named, single: named.length === 1 };
  }
  return spendingTotal(model, l, sheet, before, item);
}

/** A funds row's name, then 执行 (当年财政拨款执行, 上年结转资金全年执行数): group 1 is the row's name. */
const ROW_EXECUTED = /^(.{2,}?)(?:全年)?执行(?:数|金额)?$/;

/**
 * “其中当年财政拨款执行272.66万元”, “上年结转资金执行32.00万元”, “其中财政拨款执行1893.11万元”: a row of the form's
 * funds block named as the form names it (its declared name or one of its labels: 财政拨款 for the 部门整体
 * form's 一般公共预算财政拨款 row), then 执行 — that row's 全年执行数. undefined when the words name no such row;
 * false when the row's figure breaks the form's relations (that is the table's finding).
 */
function rowExecuted(model: ReportModel, label: string, sheet?: string): LabelMatch | false | undefined {
  const m = ROW_EXECUTED.exec(label);
  if (!m || !model.relations?.length) return undefined;
  const name = m[1];
  const seen = new Map<string, { field: string; cell: (typeof model.relations)[number]["target"]["cell"] }>();
  for (const r of model.relations) {
    for (const c of [r.target, ...r.terms]) {
      const parts = c.field.split(".");
      if (parts.length !== 4 || parts[3] !== "executed") continue;
      if (sheet !== undefined && c.cell.ref.sheet !== sheet && !sheetInModel(model, sheet)) continue;
      const row = formById(parts[0])?.grids?.find((g) => g.id === parts[1])?.rows.find((x) => x.key === parts[2]);
      if (!row || ![row.name, ...row.labels].some((x) => normalizeLabel(x) === name)) continue;
      seen.set(`${c.cell.ref.sheet}!${c.cell.ref.address}`, { field: c.field, cell: c.cell });
    }
  }
  if (seen.size !== 1) return undefined;
  const [{ field, cell }] = [...seen.values()];
  const f = correctedFact(model, factOf(cell.ref, cell.cell, undefined, model.moneyUnit));
  if (!f) return undefined;
  if (f.suspect) return false;
  return { entry: { field, name: `${name}全年执行数`, labels: [name], facts: [f] }, facts: [f], single: true };
}

/** The year's spending as a total: 支出合计, 本年支出合计, 支出总计, 支出决算总额 (group 1: 合计 / 总计 / 总额). */
const SPENDING_TOTAL = /^(?:本年度?|当年度?|全年|年度|度|共|累计|实际|全部)*(?:本年)?支出(?:决算)?(合计|总计|总额)$/;

/**
 * 支出合计 / 支出总计 on a form with neither a 决算 总表 nor a 支出 table (a 部门整体 form: “2020年度收入848.74万元、
 * 支出总计848.75万元”): the year's spending, the form's 全年执行数. 支出合计 is that; 支出总计 / 总额 may also
 * count the 年末结转和结余, so it is the 全年执行数 only when nothing was left (全年执行数 equals 全年预算数) —
 * else it is compared with nothing. (收入 is not read so: the year's 收入 leaves out the 上年结转 the 全年预算数
 * may hold — seed 003's 收入848.74 against its 848.75.)
 */
function spendingTotal(model: ReportModel, label: string, sheet?: string, before?: string, item?: string): LabelMatch | undefined {
  const m = SPENDING_TOTAL.exec(label);
  if (!m) return undefined;
  if (before !== undefined && (itemBeforeColon(model, before) || narrowerSubject(before))) return undefined;
  if (item !== undefined && before !== undefined && itemNamesPart(model, item + before, before)) return undefined;
  const e = overallFact(model, "executed", sheet);
  if (!e || e.suspect) return undefined;
  if (m[1] !== "合计") {
    const b = overallFact(model, "budget", sheet);
    if (!b || b.suspect || Math.abs(b.value - e.value) > 0.5 * Math.pow(10, -Math.max(b.decimals, e.decimals, 2))) return undefined;
  }
  return { entry: { field: "jx_executed", name: "全年执行数", labels: [label], facts: [e] }, facts: [e], single: true };
}

/** A 决算 总表's words for the year's income or spending as a whole (收入, 本年收入, 收入合计, 支出总计). */
const ACCOUNTS_WORD = /^(?:本年度?|当年度?|全年|年度|度|共|累计|实际|全部)*(?:本年)?(收入|支出)(?:决算)?(合计|总计|总额|数)?$/;

/**
 * A 决算 总表's 收入 / 支出 in prose: 总计 there includes the 结转和结余 lines, but clerks write 支出总计 (or
 * 收入, 收入总计) meaning the year's own 本年支出合计 / 本年收入合计, so either line may be meant — the one the
 * words name first. undefined when the words are no such total or the workbook has no 决算 总表 (then the
 * ordinary matching applies); false when a line that may be meant breaks the tables (compared with nothing).
 */
function accountsMatch(model: ReportModel, label: string, sheet?: string): LabelMatch | false | undefined {
  const m = ACCOUNTS_WORD.exec(label);
  if (!m) return undefined;
  const side = m[1];
  const entries = moneyEntries(model);
  const line = (name: string): { entry: MoneyEntry; fact: Fact } | undefined => {
    const entry = entries.find((e) => e.name === name && e.stated);
    return entry?.stated ? { entry, fact: entry.stated } : undefined;
  };
  const year = line(`本年${side}合计`);
  const grand = line(`${side}总计`);
  if (!year) return undefined;
  // 本年支出合计 names its line exactly; 支出总计, 收入, 收入合计 may mean either.
  const exact = label.includes("本年") && m[2] === "合计";
  const lines = !grand || exact ? [year] : m[2] === "总计" ? [grand, year] : [year, grand];
  if (lines.some((x) => x.fact.suspect)) return false;
  if (sheet !== undefined && !lines.some((x) => factApplies(model, x.fact, sheet))) return false;
  return { entry: lines[0].entry, facts: lines.map((x) => x.fact), single: true };
}

/** A 决算 line named with its level (`社会保险经办机构（项）`, `其中行政运行（项）`, `住房保障支出（类）`). */
const LEVEL_NAMED = /^(?:其中[:：]?)?(.{2,30}?)\((?:类|款|项)\)(?:支出)?$/;
/** The words a 决算说明 writes after `某某（项）：` (支出决算为31.57万元). */
const LINE_AMOUNT = /^(?:支出)?决算(?:数)?$|^支出(?:数)?$/;
/** `…（款）社会保险经办机构（项）：支出决算为`: the last line named before the colon. */
const LINE_BEFORE = /([\u4e00-\u9fff]{2,30})[（(][类款项][)）]\s*[:：][^：:，,。；;]*$/;

/**
 * A line of a 决算 table of 类 / 款 / 项 named in the text with its level: `行政运行（项）281.43万元`, or
 * `社会保险经办机构（项）：支出决算为31.57万元` — the line's 合计 (its amount). False when the line is named
 * but its figure breaks a relation (not judged), undefined when no such line is named.
 */
function accountLineMatch(model: ReportModel, label: string, before: string | undefined, sheet: string | undefined): LabelMatch | false | undefined {
  let subject = LEVEL_NAMED.exec(label)?.[1];
  if (subject === undefined && before !== undefined && LINE_AMOUNT.test(label)) subject = LINE_BEFORE.exec(before)?.[1];
  if (subject === undefined) return undefined;
  const names = [normalizeLabel(subject), normalizeLabel(`${subject}支出`)];
  const seen = new Map<string, Fact>();
  for (const r of model.relations ?? []) {
    for (const c of [r.target, ...r.terms]) {
      if (!c.row || !/\.(?:total|amount)$/.test(c.field) || !names.includes(normalizeLabel(c.row.replace(/^[\d\s]+/, "")))) continue;
      const key = `${c.cell.ref.sheet}!${c.cell.ref.address}`;
      if (seen.has(key)) continue;
      const f = correctedFact(model, factOf(c.cell.ref, c.cell.cell, c.row, model.moneyUnit));
      if (f) seen.set(key, f);
    }
  }
  const facts = [...seen.values()];
  if (facts.length !== 1) return undefined;
  if (facts[0].suspect || (sheet !== undefined && !factApplies(model, facts[0], sheet))) return false;
  return { entry: { field: "accounts.line", name: subject, labels: [normalizeLabel(subject)], facts }, facts, single: true };
}

/** A heading before a colon (自评结论：, （二）支出情况：) introduces the form's own figures; an item name does not. */
const HEADING = /(?:结论|情况|概况|说明|总结|成效|结果|评价|分析|目标|措施|建议|问题|效益|综述|执行)$|^[(（]?[一二三四五六七八九十\d]+[)）、.．]/;

/**
 * Whether the clause before an amount starts with “Item：” naming something other than the form (the form's
 * own project named so — `医保经办能力提升项目：全年预算数…` — is the form).
 */
function itemBeforeColon(model: ReportModel, before: string): boolean {
  // The colon may open the sentence's list (“医疗救助：预算数…，执行数…”): its subject is the words before it.
  const i = Math.max(before.lastIndexOf("："), before.lastIndexOf(":"));
  if (i < 0) return false;
  const subject = (before.slice(0, i).split(/[，,。；;]/).pop() ?? "").trim().replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*/, "");
  return subject !== "" && !HEADING.test(subject) && !namesOwnProject(model, subject);
}

/**
 * Whether words name the form's own project (jx_project_name) and no other project form of the workbook: its
 * name in full (with its bracketed 文号 or unit, or a 项目编码 before it), or a part of it (without the
 * brackets, a closing 项目 aside). `医疗服务与保障能力提升补助资金` names none of three projects so called.
 */
function namesOwnProject(model: ReportModel, words: string): boolean {
  const project = model.scalars.jx_project_name?.cell?.value;
  if (typeof project !== "string") return false;
  const subject = normalizeLabel(words);
  const short = subject.replace(/项目$/, "");
  const names = (name: string): boolean => {
    const full = normalizeLabel(name);
    const bare = full.replace(/[(（][^)）]*[)）]/g, "");
    return full.length >= 4 && short.length >= 4 && (full.includes(subject) || subject.includes(full) || bare.includes(short));
  };
  if (!names(project)) return false;
  return !(model.forms ?? []).some((f) => f.kind === "project" && f.projectName !== undefined && !sameForm(f, model.form) && names(f.projectName));
}

/**
 * Whether the sentence so far has moved from the form as a whole to one of its parts, so that a generic
 * word (预算资金, 支出, 预算执行率) belongs to that part: a breakdown (其中局机关…预算资金149.31万元), or an item
 * introduced with its own amount (医疗服务与保障能力提升补助资金（28万元），支出12.58万元).
 * @param before - the sentence's text before the amount or rate
 */
export function narrowerSubject(before: string): boolean {
  const paren = /[(（][^()（）]*\d[^()（）]*(?:万?元|亿元)[)）]/;
  const i = Math.max(before.lastIndexOf("；"), before.lastIndexOf(";"));
  // A clause after a “；” that opens with the whole's own words (…、市县配套230.00万元；全年执行…) speaks of the
  // whole again; one naming its own subject (…；职工医保中心预算项目2项，预算资金…) goes on with the 其中 list.
  if (i >= 0) {
    const clause = before.slice(i + 1);
    if (/其中|分别/.test(clause) || paren.test(clause)) return true;
    if (/^\s*(?:全年|本年度?|当年度?|年度)/.test(clause)) return false;
  }
  return /其中|分别/.test(before) || paren.test(before);
}

/** A list item's marker: 1、 2. （3） 一是 第一， (not a decimal: 1.5). */
const ITEM_MARKER = "(?:\\d{1,2}\\s*[、.．](?!\\d)|[(（]\\d{1,2}[)）]|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、])";
// The patterns built from ITEM_MARKER, built once at load rather than by a `new RegExp` (a source string to
// assemble, look up and wrap) on every call: they run for every prose amount.
/** A text that opens with an item marker. */
const OPENS_ITEM = new RegExp(`^\\s*${ITEM_MARKER}`);
/** Item markers at the start of a line or after a sentence's end; group 1 is the marker. */
const ITEM_MARKERS = new RegExp(`(?:^|[。；;！？!?])\\s*(${ITEM_MARKER})`, "g");
/** An item's opening words up to its first amount (group 1), written with or without separators (1,235,000.00元). */
const ITEM_OPENING = new RegExp(`^\\s*${ITEM_MARKER}\\s*([^，,。；;：:、\\d]{2,40}?)\\s*[(（]?\\s*\\d+(?:,\\d{3})*(?:\\.\\d+)?\\s*(?:万元|元|亿元)`);

/**
 * A numbered item's text before a sentence of it (`2、某补助资金28万元，用于…。` before `实际支出12.58万元`):
 * from the item's marker (1、 2. （3） 一是 at the start of a line or after 。；), included, to the sentence, on
 * the same line; "" when the sentence opens an item or is in no numbered item.
 * @param text - the whole text of the cell
 * @param sentenceStart - where the sentence starts in it
 */
export function itemBefore(text: string, sentenceStart: number): string {
  // A sentence that opens an item (the next item's marker) starts a new subject.
  if (OPENS_ITEM.test(text.slice(sentenceStart, sentenceStart + 8))) return "";
  const head = text.slice(0, sentenceStart);
  const line = head.slice(head.lastIndexOf("\n") + 1);
  let at = -1;
  const marker = ITEM_MARKERS;
  marker.lastIndex = 0;
  for (let m = marker.exec(line); m; m = marker.exec(line)) at = m.index + m[0].length - m[1].length;
  return at < 0 ? "" : line.slice(at);
}

/** Words that name the whole (the form's total) in a sentence. */
const NAMES_WHOLE = /全年|全局|整体|总体|合计|总计|共计|全部项目|所有项目|本部门|我局|本单位|部门整体/;
/** A generic name of money that is no subject of its own (2021年资金, 项目资金, 预算资金). */
const GENERIC_SUBJECT = /^(?:(?:19|20)\d{2}年度?)?(?:本年度?|当年度?|全年|年度|该|本|此)?(?:项目)?(?:资金|预算资金|项目资金|经费|预算|财政资金|专项资金)(?:计划|总额)?$/;

/**
 * Whether a numbered item introduces a part of the form — a named fund or project with its own amount
 * (`医疗服务与保障能力提升补助资金28万元`, `…补助资金（28万元）`) — so that a generic word in its later sentences
 * (实际支出, 预算执行率) is about that part. A sentence naming the whole (全年、整体、合计 …) still speaks of the
 * form; an item naming the form's own project is the whole.
 * @param item - the item's text before the sentence ({@link itemBefore})
 * @param before - the sentence's text before the amount or rate
 */
export function itemNamesPart(model: ReportModel, item: string, before: string): boolean {
  if (!item.trim() || NAMES_WHOLE.test(before)) return false;
  // The words right after an item's marker, up to its first amount, are the item's subject whatever they end
  // with (5、购置应急保障用车 20.6 万元…，实际支出 20.6 万元).
  const opening = ITEM_OPENING.exec(item);
  if (opening && namesPart(model, opening[1], true)) return true;
  const amount = /([\u4e00-\u9fa5A-Za-z（）()]{4,40}?)\s*[(（]?\s*\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万元|元|亿元)/g;
  for (let m = amount.exec(item); m; m = amount.exec(item)) if (namesPart(model, m[1])) return true;
  return false;
}

/**
 * Whether the words before an amount name a part of the form (a fund or project of its own:
 * `医疗服务与保障能力提升补助资金`), not a generic word for the whole (`2021年资金`, `项目资金`) nor the form's
 * own project (`jx_project_name`).
 */
export function namesPart(model: ReportModel, words: string, itemSubject = false): boolean {
  const subject = normalizeLabel(words.replace(/[(（]$/, ""))
    .replace(/^(?:其中|包括|共|安排|下达|拨付|到位)/, "")
    .replace(/(?:下达|安排|拨付|到位|预算|共计|合计|总额|计划)+$/, "");
  if (subject.length < (itemSubject ? 2 : 4) || (!itemSubject && !/(?:资金|经费|补助|项目|费)$/.test(subject)) || GENERIC_SUBJECT.test(subject)) return false;
  // The form's own generic words (该项目资金已支付使用资金, 预算资金) are the whole, not a part.
  if (genericOverall(subject.replace(/部门/g, ""))) return false;
  const project = model.scalars.jx_project_name?.cell?.value;
  const own = typeof project === "string" ? normalizeLabel(project).replace(/[(（][^)）]*[)）]/g, "") : "";
  return !(own && (own.includes(subject) || subject.includes(own)));
}

/** Words that may stand before a generic label without narrowing it (已支付, 共支出, 全年累计支出, 2019年度). */
const ADVERBS_ONLY = /^(?:本年度?|当年度?|全年|年度|度|已|共|累计|合计|总计|实际|全部|截至目前|截止目前|截至年底)*$/;

/** Generic words for the form's whole spending and budget, without a field name. */
const GENERIC_EXECUTED = /^(?:支出|支出数|支付|支付使用资金|使用资金|支出资金|执行|执行数|执行金额|执行资金|实际执行数|完成支出|支出决算|决算支出)$/;
const GENERIC_BUDGET = /^(?:预算|预算数|预算资金|预算总额|全年预算资金|年度预算|下达资金|下达预算|预算安排|安排资金|安排预算|到位资金)$/;

function genericOverall(label: string): "budget" | "executed" | undefined {
  // “该项目资金已支付使用资金”: the form's own subject (该项目, 本单位) before the generic word does not narrow it.
  const m = /^(?:(?:该|本|此)(?:项目|单位|部门|中心|局)?(?:资金)?)?(?:本年度?|当年度?|全年|年度|度|已|共|累计|实际|全部|截至目前|截止目前|截至年底)*(.*)$/.exec(label);
  const core = m?.[1] ?? label;
  if (GENERIC_EXECUTED.test(core)) return "executed";
  if (GENERIC_BUDGET.test(core)) return "budget";
  return undefined;
}

/** Whether a fact of the model may be compared with prose on `sheet` (see {@link sheetInModel}). */
function factApplies(model: ReportModel, f: Fact, sheet: string): boolean {
  return f.ref.sheet === sheet || sheetInModel(model, sheet);
}

const inModelCache = new WeakMap<ReportModel, Map<string, boolean>>();

/**
 * Whether the model's figures describe a sheet: a money figure was mapped from it, or every number on it was
 * mapped (a text sheet beside the tables — 整体绩效, 自评报告 — has none, or only its bound 人员编制). A sheet
 * with numbers of its own that the mapping did not read is another form of the workbook (the second
 * project's sheet): the model says nothing of it, and its text is compared with nothing but itself.
 */
export function sheetInModel(model: ReportModel, sheet: string): boolean {
  let m = inModelCache.get(model);
  if (!m) inModelCache.set(model, (m = new Map()));
  const hit = m.get(sheet);
  if (hit !== undefined) return hit;
  let result = hasOwnAmounts(model, sheet);
  if (!result) {
    const snap = model.snapshot.sheets.find((x) => x.name === sheet);
    const unbound = snap ? unboundNumbers(model, snap) : [];
    result = !unbound.length || (snap !== undefined && restatesModel(model, snap, unbound));
  }
  m.set(sheet, result);
  return result;
}

/** The number cells of a report's small table on `sheet` (see {@link restatesModel}), undefined when it has none. */
function reportTable(model: ReportModel, sheet: SheetSnapshot): string[] | undefined {
  if (sheet.name === NARRATIVE_SHEET || BOOKKEEPING_SHEETS.has(sheet.name) || isInstructionSheet(sheet)) return undefined;
  // Cheapest first: a sheet without the paragraphs of a report (every form's table sheet) is never one,
  // and its money facts (hasOwnAmounts reads every money cell of the model) are not wanted here.
  if (!hasReportParagraphs(sheet) || hasOwnAmounts(model, sheet.name)) return undefined;
  const unbound = unboundNumbers(model, sheet);
  return unbound.length && restatesModel(model, sheet, unbound) ? unbound.map(([a]) => a) : undefined;
}

/** A sheet's numbers that the mapping did not read (dates aside). */
function unboundNumbers(model: ReportModel, snap: SheetSnapshot): [string, CellSnapshot][] {
  const bound = new Set<string>();
  for (const b of Object.values(model.scalars)) if (b && b.ref.sheet === snap.name) bound.add(b.ref.address);
  for (const t of Object.values(model.tables)) {
    if (t?.sheet !== snap.name) continue;
    for (const row of t.rows) for (const c of Object.values(row.cells)) bound.add(c.ref.address);
  }
  // A date (填报日期 typed as a date, a number shown as 2024年3月15日) is no figure of another form.
  return Object.entries(snap.cells).filter(([address, c]) => typeof c.value === "number" && !bound.has(address) && !isDateFormat(c.numberFormat));
}

/** Paragraphs a sheet needs to be a report with a small table in it (表1 收支预算执行情况) rather than a form. */
const REPORT_PARAGRAPHS = 3;

/**
 * Whether a sheet's numbers that the mapping did not read are a small table inside a report: the sheet has
 * paragraphs of prose, and half its rows holding such numbers at least restate, in one of their cells, a
 * number of another sheet (`合计 | 1711.75 | 1707.31 | 99.74%` under the paragraph on the budget, `基本支出 | 442.18 |
 * 52.1%`). Such a table quotes the form; another form's sheet has figures of its own.
 */
function hasReportParagraphs(snap: SheetSnapshot): boolean {
  let n = 0;
  for (const t of textCells(snap)) if (isProseText(t.value) && ++n >= REPORT_PARAGRAPHS) return true;
  return false;
}

function restatesModel(model: ReportModel, snap: SheetSnapshot, unbound: readonly (readonly [string, CellSnapshot])[]): boolean {
  if (!hasReportParagraphs(snap)) return false;
  // The numbers of the workbook's other sheets (the tables the report quotes).
  const known: number[] = [];
  for (const other of model.snapshot.sheets) {
    if (other.name === snap.name) continue;
    for (const c of Object.values(other.cells)) if (typeof c.value === "number" && c.value !== 0) known.push(c.value);
  }
  const rows = new Map<number, boolean>();
  for (const [address, c] of unbound) {
    const row = Number(/\d+$/.exec(address)?.[0]);
    const v = c.value as number;
    // A rate (0.9974) within its shown 0.01%, an amount within its shown 0.01.
    const tolerance = Math.abs(v) < 1 ? 0.00005 : 0.005;
    // A table in 元 quoted in the report's 万元 (4421800.00 → 442.18) restates it too.
    // A small whole number (a weight, a score, a count) is everywhere: it quotes nothing.
    const restated = (!Number.isInteger(v) || Math.abs(v) >= 100) && known.some((k) => Math.abs(k - v) <= tolerance || (tolerance > 0.001 && Math.abs(k / 10000 - v) <= tolerance));
    rows.set(row, (rows.get(row) ?? false) || restated);
  }
  // Half the rows at least: one row of the small table typed wrong (487.40 for 442.18) leaves it the report's.
  const quoting = [...rows.values()].filter(Boolean).length;
  return quoting > 0 && quoting * 2 >= rows.size;
}

/**
 * The form's whole budget (全年预算数) or spending (全年执行数): the scalar, else the 项目 table's 合计 row
 * (or the sum of its rows when it has none), else for spending the 支出 table's 合计. Sources on the prose's
 * own sheet come first; on a sheet the model does not describe there is none.
 */
export function overallFact(model: ReportModel, what: "budget" | "executed", sheet?: string): Fact | undefined {
  const candidates: Fact[] = [];
  const scalar = scalarFact(model, what === "budget" ? "jx_budget_adjusted" : "jx_executed");
  if (scalar) candidates.push(scalar);
  const projects = tableTotal(model, "jx_projects", what === "budget" ? "budget" : "executed");
  if (projects) candidates.push(projects);
  if (what === "executed") {
    const expense = tableTotal(model, "jx_expense", "total", true);
    if (expense) candidates.push(expense);
  }
  if (sheet === undefined) return candidates[0];
  return candidates.find((f) => f.ref.sheet === sheet) ?? (sheetInModel(model, sheet) && !hasOwnAmounts(model, sheet) ? candidates[0] : undefined);
}

/** The words of a sentence about a department's key projects (its 重点项目 list), not its whole. */
const KEY_PROJECTS = /重点项目/;

/** A budget increase written in prose (追加78.88万元, 调增…, 追加预算…). */
export const ADJUSTMENT = /(?:追加|调增)了?(?:预算|资金|经费)?\s*$/;

/**
 * The year's budget increase by the tables: 全年预算数 − 年初预算数 (both as the prose on `sheet` may cite
 * them), with the finer of their decimals; undefined without both, or when it is not an increase.
 */
export function budgetAdjustment(model: ReportModel, sheet: string): { fact: Fact; adjusted: Fact; initial: Fact } | undefined {
  const adjusted = overallFact(model, "budget", sheet);
  const initialMatch = matchMoneyLabel(model, "年初预算", sheet);
  const initial = initialMatch?.single ? initialMatch.facts[0] : undefined;
  if (!adjusted || !initial || adjusted.suspect || initial.suspect) return undefined;
  const decimals = Math.max(adjusted.decimals, initial.decimals);
  const value = Math.round((adjusted.value - initial.value) * Math.pow(10, decimals)) / Math.pow(10, decimals);
  if (value <= 0) return undefined;
  return { fact: { value, decimals, ref: adjusted.ref }, adjusted, initial };
}

/** The funds left over, as a label: 结余资金, 结转结余, 2022年结余, 年末结转资金. */
export const LEFT_OVER = /^(?:(?:19|20)\d{2}年度?)?(?:年末|全年|当年|本年度?|项目)?(?:结余|结转|结转结余|结余结转)(?:资金|经费)?$/;

/**
 * The funds left over by the tables: 全年预算数 − 全年执行数 of the form as a whole (what a text's 结余资金 /
 * 结转结余 states), when neither is suspect and something is left.
 */
export function leftOver(model: ReportModel, sheet: string): { fact: Fact; budget: Fact; executed: Fact } | undefined {
  const budget = overallFact(model, "budget", sheet);
  const executed = overallFact(model, "executed", sheet);
  if (!budget || !executed || budget.suspect || executed.suspect) return undefined;
  const decimals = Math.max(budget.decimals, executed.decimals);
  const value = Math.round((budget.value - executed.value) * Math.pow(10, decimals)) / Math.pow(10, decimals);
  if (value <= 0) return undefined;
  return { fact: { value, decimals, ref: executed.ref }, budget, executed };
}

/** Whether a sheet holds a mapped money figure. */
function hasOwnAmounts(model: ReportModel, sheet: string): boolean {
  return moneyEntries(model).some((e) => e.facts.some((f) => f.ref.sheet === sheet));
}

/**
 * A money table column's total: its 合计 row, else (unless `summaryOnly`) the sum of its rows, with the
 * finest decimals of the rows; the cell is the 合计's, or the first row's for a sum.
 */
export function tableTotal(model: ReportModel, tid: TableId, key: string, summaryOnly = false): Fact | undefined {
  const table = model.tables[tid];
  if (!table) return undefined;
  const entry = moneyEntries(model).find((e) => e.field === `${tid}.${key}`);
  if (!entry) return undefined;
  const total = entry.facts.find((f) => f.isTotal) ?? totalBelow(model, table, key);
  if (total || summaryOnly) return total;
  if (!entry.facts.length || entry.facts.some((f) => f.suspect)) return undefined;
  const decimals = Math.max(...entry.facts.map((f) => f.decimals));
  const value = Math.round(entry.facts.reduce((a, f) => a + f.value, 0) * Math.pow(10, decimals)) / Math.pow(10, decimals);
  return { value, decimals, ref: entry.facts[0].ref, isTotal: true };
}

/**
 * The 合计 row of a table that the mapping cut short (a blank row inside it): the first row below the
 * header whose cell reads 合计 / 总计, read in the column of `key`.
 */
function totalBelow(model: ReportModel, table: TableBinding, key: string): Fact | undefined {
  const col = table.columns.find((c) => c.key === key);
  if (!col) return undefined;
  const rows = [...totalRows(model, table.sheet)].filter((r) => r > table.headerRow).sort((a, b) => a - b);
  if (!rows.length) return undefined;
  const address = `${indexToCol(col.col)}${rows[0]}`;
  const cell = model.snapshot.sheets.find((s) => s.name === table.sheet)?.cells[address];
  const f = correctedFact(model, factOf({ sheet: table.sheet, address }, cell, undefined, model.moneyUnit));
  return f ? extend(f, { isTotal: true }) : undefined;
}

/** The sentence speaks of another year before the amount (上年全年预算…). */
export function otherYear(text: string, q: ProseQuantity): boolean {
  // Within the amount's own clause, and the clause before it when that one holds no figure (上年度，… /
  // 与上年相比，…): “基本支出655.18万元，比上年增长6.99%；项目支出441.57万元” — 项目支出 is this year's.
  const clauses = text.slice(q.sentence.start, q.start).split(/[，,；;]/);
  const own = clauses[clauses.length - 1];
  const prev = clauses.length > 1 ? clauses[clauses.length - 2] : "";
  const scope = /\d/.test(prev) ? own : prev + own;
  // 上年结转资金 is a line of this year's funds (what came over from last year), not last year's figure.
  return /上年(?!结转)|去年|上一年|同期|以前年度|历年|下年|明年/.test(scope);
}

/**
 * The amounts the text states for each of `keys` (`Sheet!A1` of table cells): money quantities whose
 * label names that cell alone (基本支出103.86万元 for the 基本支出 line's 全年执行数). What a clerk wrote twice,
 * in the table and in the 综述, tells which of two cells a broken relation blames.
 */
export function proseStatements(model: ReportModel, keys: ReadonlySet<string>): Map<string, ProseQuantity[]> {
  const out = new Map<string, ProseQuantity[]>();
  if (keys.size === 0) return out;
  // The rows that state one figure (a declared row's 全年执行数), among the cells asked about.
  const entries = moneyEntries(model).filter((e) => e.stated && keys.has(refKey(e.stated.ref)));
  if (entries.length === 0) return out;
  for (const pc of proseCells(model)) {
    for (const q of pc.analysis.quantities) {
      if (q.kind !== "money" || q.approx || q.direction || q.changeTo || q.comparator) continue;
      // Another year's figure (上年基本支出…) is not this table's.
      if (otherYear(pc.text, q)) continue;
      // Matched by the row's own label, not through matchMoneyLabel, which leaves a row under suspicion
      // (every candidate here is) to the relation's finding.
      const l = normalizeLabel(q.label).replace(/^其中[:：]?/, "");
      const entry = entries.find((e) => e.labels.some((x) => l.endsWith(x) && ADVERBS_ONLY.test(l.slice(0, l.length - x.length))));
      if (!entry?.stated) continue;
      const key = refKey(entry.stated.ref);
      const list = out.get(key) ?? [];
      list.push(q);
      out.set(key, list);
    }
  }
  return out;
}

/** Whether a prose amount (converted to `unit`) stands for a fact's value, within both roundings. */
export function amountMatches(q: ProseQuantity, unit: string, f: Fact): boolean {
  const v = convertUnit(q.value, q.unit, unit);
  if (v === undefined) return false;
  const tol = halfWidth(q, unit) + 0.5 * Math.pow(10, -Math.max(0, f.decimals)) + 1e-9;
  return Math.abs(v - f.value) <= tol || (f.alternative !== undefined && Math.abs(v - f.alternative) <= tol);
}
