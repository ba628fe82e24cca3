/**
 * The narrative's sentences for the forms clerks keep filling instead of the template: the 决算 tables'
 * and the 部门整体 form's money (read from the sums each form declares, when the workbook has no
 * jx_income / jx_expense table), and a workbook of project forms (a 项目汇总表 and one
 * 项目支出绩效自评表 per sheet: the model's parts), whose indicators, problems and grades are each
 * project's own. Same wording as generate.ts, so that the prose rules read back what is written here.
 */
import type { DeclaredSum, ReportModel, RelationCell } from "../model/report-model";
import type { ScoringProfile } from "../scoring/types";
import { gradeLabel, scoresFor } from "../scoring/score";
import { formatNumber, roundTo } from "../units";
import { normalizeLabel } from "../schema/fields";
import { correctedFact, factOf, type Fact } from "./prose-cells";

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

function money(f: Fact | undefined, unit: string): string | undefined {
  return f ? formatNumber(f.value, Math.max(0, f.decimals), { unit, thousands: f.thousands === true }) : undefined;
}

function factOfCell(model: ReportModel, c: RelationCell): Fact | undefined {
  return correctedFact(model, factOf(c.cell.ref, c.cell.cell, undefined, model.moneyUnit));
}

const labelOf = (c: RelationCell): string => normalizeLabel(c.label.replace(/^其中[:：]?/, ""));

/** The column a relation sums: the amount spent (`…executed`, a 决算 `…amount`) is the one a narrative states. */
const STATED = /\.(?:executed|amount)$/;

/** Sums of the amounts spent first, then the others in the form's order (a 决算 table has no executed column). */
function byStated(relations: readonly DeclaredSum[]): DeclaredSum[] {
  return [...relations.filter((r) => STATED.test(r.target.field)), ...relations.filter((r) => !STATED.test(r.target.field))];
}

/** "合计X万元，其中：A a万元、B b万元。" for the non-zero parts of one declared sum. */
function sumSentence(model: ReportModel, r: DeclaredSum, title: string, rename: ReadonlyMap<string, string> = new Map()): string | undefined {
  const unit = model.moneyUnit;
  const total = money(factOfCell(model, r.target), unit);
  if (!total) return undefined;
  const parts: string[] = [];
  for (const t of r.terms) {
    if (t.sign !== 1) return undefined;
    const f = factOfCell(model, t);
    if (!f) return undefined;
    if (f.value !== 0) parts.push(`${rename.get(`${t.cell.ref.sheet}!${t.cell.ref.address}`) ?? labelOf(t)}${money(f, unit)}`);
  }
  return parts.length ? `${title}${total}，其中：${parts.join("、")}。` : `${title}${total}。`;
}

/** The money sentences of section 二 from the forms' declared sums, where the schema's tables are missing. */
export interface FormMoney {
  readonly income?: string;
  readonly expense?: string;
  readonly basic?: string;
}

/**
 * 收入 and 支出 from the sums the workbook's forms declare: a 收入支出决算总表's 本年收入合计 and 本年支出合计
 * with their rows, a 支出决算表's or a 部门整体 form's 基本支出 = 人员经费 + 公用经费, and 基本支出 + 项目支出
 * (a 部门整体 form's 年度资金总额 by 支出性质). Only where the schema's jx_income / jx_expense are missing.
 */
export function formMoney(model: ReportModel, yearText: string): FormMoney {
  const relations = byStated((model.relations ?? []).filter((r) => !/:(?:row)?link:/.test(r.id)));
  const out: { income?: string; expense?: string; basic?: string } = {};
  if (!model.tables.jx_income) {
    const r = relations.find((x) => /^(?:本年)?收入合计$/.test(labelOf(x.target)));
    if (r) out.income = sumSentence(model, r, `${yearText}年度收入合计`);
  }
  if (!model.tables.jx_expense) {
    // 基本支出 = 人员经费 + 公用经费 (a 决算 表 calls that row 小计): its cell is the 基本支出 of the other sums.
    const basic = relations.find((x) => {
      const labels = x.terms.map(labelOf);
      return labels.some((l) => /^人员(?:经费|支出)$/.test(l)) && labels.some((l) => /^公用(?:经费|支出)$/.test(l));
    });
    const rename = new Map<string, string>();
    if (basic) rename.set(`${basic.target.cell.ref.sheet}!${basic.target.cell.ref.address}`, "基本支出");
    const isBasic = (c: RelationCell): boolean => labelOf(c) === "基本支出" || rename.has(`${c.cell.ref.sheet}!${c.cell.ref.address}`);
    const total =
      relations.find((x) => /^(?:本年)?支出合计$/.test(labelOf(x.target)) && x.terms.some(isBasic) && x.terms.some((t) => labelOf(t) === "项目支出")) ??
      relations.find((x) => /^(?:本年)?支出合计$/.test(labelOf(x.target))) ??
      relations.find((x) => x.terms.length === 2 && x.terms.some(isBasic) && x.terms.some((t) => labelOf(t) === "项目支出"));
    if (total) out.expense = sumSentence(model, total, "支出合计", rename);
    if (basic) out.basic = sumSentence(model, basic, "基本支出");
  }
  return out;
}

/** One project form of a workbook of several: its name and its scores. */
interface ProjectPart {
  readonly name: string;
  readonly model: ReportModel;
  readonly scores: ReturnType<typeof scoresFor>;
}

/** The project forms among a model's parts (each with its own indicator table). */
export function projectParts(model: ReportModel, profile: ScoringProfile): ProjectPart[] {
  const out: ProjectPart[] = [];
  for (const part of model.parts ?? []) {
    if (!part.tables.jx_indicators) continue;
    const form = part.forms?.find((f) => f.kind === "project");
    const name = text(part.scalars.jx_project_name?.cell?.value) || form?.projectName || form?.sheet || "";
    if (!name) continue;
    out.push({ name, model: part, scores: scoresFor(part, profile) });
  }
  return out;
}

const NUMERALS = "一二三四五六七八九十";

function showScore(v: number | undefined): string | undefined {
  return v === undefined ? undefined : String(roundTo(v, 2));
}

function gradeOf(p: ProjectPart): string | undefined {
  return p.scores.gradeWritten ?? (p.scores.grade ? gradeLabel(p.scores.grade) : undefined);
}

/** Section 三 for a workbook of project forms: per project, its indicators met and not, its 得分 and 等次. */
export function projectIndicatorParagraphs(parts: readonly ProjectPart[]): string[] {
  const out: string[] = [`本年度共对${parts.length}个项目开展绩效自评，各项目绩效指标完成情况如下。`];
  parts.forEach((p, i) => {
    const inds = p.scores.indicators;
    const met = inds.filter((x) => x.met === true).length;
    const unmet = inds.filter((x) => x.met === false).map((x) => `“${x.level3}”`);
    const total = showScore(p.scores.totalWritten ?? p.scores.total);
    const grade = gradeOf(p);
    const counts = `设置三级指标${inds.length}个${met || unmet.length ? `，其中${[met ? `${met}个达到年度指标值` : "", unmet.length ? `${unmet.length}个未达到（${unmet.join("、")}）` : ""].filter(Boolean).join("、")}` : ""}`;
    const result = [total !== undefined ? `自评得分${total}分` : "", grade ? `评价等次为“${grade}”` : ""].filter(Boolean).join("，");
    out.push(`（${NUMERALS[i] ?? i + 1}）${p.name}`);
    out.push(`${counts}${result ? `；${result}` : ""}。`);
  });
  return out;
}

/** Section 四 for a workbook of project forms: each project's indicators not met, with their reasons. */
export function projectProblemParagraphs(parts: readonly ProjectPart[], todo: (what: string) => string): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const rows = new Map((p.model.tables.jx_indicators?.rows ?? []).map((r) => [r.row, r]));
    for (const ind of p.scores.indicators) {
      if (ind.met !== false) continue;
      const row = rows.get(ind.row);
      const target = text(row?.cells.target?.cell?.value);
      const actual = text(row?.cells.actual?.cell?.value);
      const reason = text(row?.cells.reason?.cell?.value);
      out.push(
        `${p.name}：“${ind.level3}”未达到年度指标值：年度指标值为${target || todo("年度指标值")}，实际完成${actual || todo("实际完成值")}。偏差原因：${reason || todo(`“${ind.level3}”的偏差原因分析`)}`.replace(/([^。])$/, "$1。"),
      );
    }
  }
  return out;
}

/** Section 六 for a workbook of project forms without a 综合得分 of its own: each project's 得分 and 等次. */
export function projectConclusion(unitName: string, yearText: string, parts: readonly ProjectPart[], profile: ScoringProfile): string[] {
  const counts = new Map<string, number>();
  for (const p of parts) {
    const g = gradeOf(p);
    if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const order = [...profile.grades].sort((a, b) => b.min - a.min).map(gradeLabel);
  const graded = [...counts].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  const tally = graded.length ? `，其中${graded.map(([g, n]) => `评价等次为“${g}”的${n}个`).join("、")}` : "";
  const each = parts
    .map((p) => {
      const total = showScore(p.scores.totalWritten ?? p.scores.total);
      return total !== undefined ? `${p.name}${total}分` : undefined;
    })
    .filter((x): x is string => x !== undefined);
  return [`经自评，${unitName}${yearText}年度共${parts.length}个项目开展绩效自评${tally}。`, ...(each.length ? [`各项目自评得分：${each.join("；")}。`] : [])];
}
