/**
 * prose-score-matches — the 综合得分 and the 评价等次 stated in the text ("经自评，该项目综合得分为99.23分，
 * 自评等级为“优”") must be the form's: jx_score_total (as written, or as its parts add up when the total cell
 * is itself wrong — that is total-score-matches' finding) and jx_grade. A part's 得分 named unmistakably —
 * 预算执行率得分, “预算执行率99.74%，得分9.97分”, “预算执行率（满分10分，实得9.97分）”, an indicator's value followed
 * by its 得分, a 一级指标 group “产出指标（分值50分，得分49.92分）” — must be that part's score in the form. Grades of
 * a subset (7个项目自评为优) are left alone.
 */
import { defineRule } from "../engine/types";
import { formatRef } from "../model/address";
import { itemBefore, itemNamesPart, narrowerSubject, proseCells, reportYear, sheetInModel, type ProseCell } from "../narrative/prose-cells";
import type { ReportModel, TableRow } from "../model/report-model";
import type { CellRef } from "../model/snapshot";
import { normalizeLabel } from "../schema/fields";
import type { ScoreResult } from "../scoring/score";
import { quoteSentence, replacePhrase } from "../narrative/phrase";
import { showNumber } from "../scoring/indicator-value";
import { cellNumber, gradeFor, gradeMatches, scoreTolerance, scoresFor } from "../scoring/score";
import { halfWidth, type ProseQuantity } from "../narrative/extract";

/** Message ids of prose-score-matches. */
export type MessageId = "scoreMismatch" | "gradeMismatch" | "partScoreMismatch";

/** A label naming the form's overall score. */
const OVERALL_SCORE = /(?:综合得分|自评总分|总得分|自评得分|绩效得分|评价得分|得分合计|总分)$/;
/** Words that make a score a part's (an indicator's, a group's, a project's among several). */
const PART_SCORE = /指标|执行率|满分|分值|权重|其中|项目[^综]*(?:分别|各)|分别|平均|最高|最低|上年|去年|上一年/;
/** 自评等级为“优” / 评价等次：良 / 自评结果为“优秀”. */
const GRADE = /(自评等级|评价等级|自评等次|评价等次|绩效等级|绩效等次|自评结果|评价结果|自评结论|等次|等级)\s*(?:为|是|评定为|确定为|[:：])?\s*[“"「『]?\s*(优秀|优|良好|良|中等|合格|中|差|不合格)\s*[”"」』]?/g;

/** The grade's class: 优秀 → 优, 良好 → 良, 中等/合格 → 中, 不合格 → 差. */
function gradeClass(text: string): string | undefined {
  const t = text.replace(/\s+/g, "");
  if (/^优/.test(t)) return "优";
  if (/^良/.test(t)) return "良";
  if (/^(?:中|合格)/.test(t)) return "中";
  if (/^(?:差|不合格)/.test(t)) return "差";
  return undefined;
}

/** The score and grade stated in the text must be the form's. */
export const proseScoreMatches = defineRule<MessageId>({
  id: "prose-score-matches",
  meta: {
    type: "problem",
    docs: { description: "文字中写明的综合得分和评价等次应与表中一致。", recommended: true },
    messages: {
      "scoreMismatch": "“{{sentence}}”中的“{{phrase}}”与表中综合得分{{expected}}分（{{cell}}）不一致。",
      "gradeMismatch": "“{{sentence}}”中的评价等次“{{written}}”与表中评价等次“{{expected}}”（{{cell}}）不一致。",
      "partScoreMismatch": "“{{sentence}}”中{{part}}的得分“{{phrase}}”与表中{{part}}的得分{{expected}}分（{{cell}}）不一致。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const totalAt = model.scalars.jx_score_total;
        const r = scoresFor(model, context.profile);
        const tolerance = scoreTolerance(context.profile);
        // The scores the text may state: the total as written, and as its parts add up (a form with its
        // 总分 left blank is required-field's and total-score-matches' concern, not the text's).
        const scores = !totalAt || r.totalWritten === undefined ? [] : [r.totalWritten, r.total].filter((x): x is number => x !== undefined);
        const gradeCell = model.scalars.jx_grade;
        const gradeText = typeof gradeCell?.cell?.value === "string" ? gradeCell.cell.value : undefined;
        const grade = gradeText ? gradeClass(gradeText) : undefined;
        const year = reportYear(model);
        // The grade the score calls for: a text agreeing with it while the form's grade cell does not is right
        // (the cell is grade-matches-band's finding).
        const bandScore = totalAt ? (r.totalWritten ?? r.total) : undefined;
        const band = bandScore !== undefined ? gradeFor(bandScore, context.profile) : undefined;
        /** A part's 得分 stated in the text (预算执行率…，得分9.97分) against that part's score in the form. */
        const checkPartScores = (pc: ProseCell, res: ScoreResult): void => {
          const qs = pc.analysis.quantities;
          qs.forEach((q, i) => {
            if (q.kind !== "score" || q.approx || q.direction || q.comparator) return;
            const subject = scoreSubject(pc, qs, i);
            if (!subject) return;
            // Another year's score (2020年预算执行率…得分) is not the form's.
            if (year !== undefined && qs.some((y) => y.kind === "year" && y.sentence.index === q.sentence.index && y.start < q.start && y.value !== year)) return;
            if (/上年|去年|上一年|同期|满分为|标准/.test(pc.text.slice(q.sentence.start, q.start))) return;
            const part = partOf(model, res, subject, pc, q);
            if (!part) return;
            const tol = halfWidth(q, "分") + tolerance + 1e-9;
            if (part.scores.some((s) => Math.abs(s - q.value) <= tol)) return;
            const shown = showNumber(part.scores[0]);
            context.report({
              at: pc.ref,
              messageId: "partScoreMismatch",
              field: pc.field,
              data: { sentence: quoteSentence(q), part: part.name, phrase: q.text, expected: shown, cell: part.ref ? formatRef(part.ref) : "各三级指标得分之和" },
              expected: `${shown}分`,
              actual: q.text,
              suggestions: [{ description: `把“${q.text}”改为“${shown}分”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, `${shown}分`) }] }],
            });
          });
        };
        for (const pc of proseCells(model)) {
          if (!sheetInModel(model, pc.ref.sheet)) continue;
          // A listed project's own score (“医保信息化建设项目预算120.00万元，…，自评得分95分”): that row's 自评得分.
          const listed = new Set<ProseQuantity>();
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "score" || q.approx || q.direction || q.comparator || !OVERALL_SCORE.test(q.label.replace(/\s+/g, ""))) continue;
            const row = listedProject(model, pc.text.slice(q.sentence.start, q.start));
            if (!row) continue;
            listed.add(q);
            const own = cellNumber(row.row.cells.score?.cell);
            if (own === undefined || Math.abs(own - q.value) <= halfWidth(q, "分") + tolerance + 1e-9) continue;
            const shown = showNumber(own);
            const part = `项目“${row.name}”`;
            context.report({
              at: pc.ref,
              messageId: "partScoreMismatch",
              field: pc.field,
              data: { sentence: quoteSentence(q), part, phrase: q.text, expected: shown, cell: formatRef(row.row.cells.score!.ref) },
              expected: `${shown}分`,
              actual: q.text,
              suggestions: [{ description: `把“${q.text}”改为“${shown}分”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, `${shown}分`) }] }],
            });
          }
          // A listed project's grade (…，评价等次为“良”) against that row's 自评等次.
          const listedGrades = new Set<number>();
          GRADE.lastIndex = 0;
          for (let m = GRADE.exec(pc.text); m; m = GRADE.exec(pc.text)) {
            const start = Math.max(pc.text.lastIndexOf("。", m.index), pc.text.lastIndexOf("\n", m.index)) + 1;
            const row = listedProject(model, pc.text.slice(start, m.index));
            if (!row) continue;
            listedGrades.add(m.index);
            const own = row.row.cells.grade;
            const ownText = typeof own?.cell?.value === "string" ? own.cell.value.trim() : undefined;
            const written = gradeClass(m[2]);
            if (!own || !ownText || !written || gradeClass(ownText) === undefined || gradeClass(ownText) === written) continue;
            // A text agreeing with the row's 自评得分 while the row's grade cell does not is right (the cell is
            // grade-matches-band's finding).
            const rowScore = cellNumber(row.row.cells.score?.cell);
            const rowBand = rowScore !== undefined ? gradeFor(rowScore, context.profile) : undefined;
            if (rowBand && gradeMatches(m[2], rowBand)) continue;
            const sentence = pc.text.slice(start, pc.text.indexOf("。", m.index) + 1 || undefined).trim();
            context.report({
              at: pc.ref,
              messageId: "gradeMismatch",
              field: pc.field,
              data: { sentence: sentence.length > 60 ? `${sentence.slice(0, 58)}…` : sentence, written: m[2], expected: ownText, cell: formatRef(own.ref) },
              expected: ownText,
              actual: m[2],
            });
          }
          if (scores.length && totalAt) {
            for (const q of pc.analysis.quantities) {
              if (q.kind !== "score" || q.approx || q.direction || q.comparator || listed.has(q)) continue;
              const label = q.label.replace(/\s+/g, "");
              if (!OVERALL_SCORE.test(label) || PART_SCORE.test(label)) continue;
              // A named project's score in a 部门 or 汇总 report (医疗救助项目自评得分92分) is a part's.
              if (model.form?.kind !== "project" && /项目/.test(label.replace(/^(?:本|该|此)项目/, ""))) continue;
              // With several scored forms in the workbook (one 项目表 per sheet), a shared text's score may be any
              // project's: every part word of the sentence counts.
              const sentence = pc.text.slice(q.sentence.start, q.start);
              const before = (model.forms?.filter((f) => f.kind === "project" || f.kind === "dept").length ?? 0) > 1 ? sentence : scoreScope(sentence);
              if (PART_SCORE.test(before.replace(/预算执行率?和|预算执行率、/g, "")) && !/综合得分|总分/.test(label)) continue;
              const tol = halfWidth(q, "分") + tolerance + 1e-9;
              if (scores.some((s) => Math.abs(s - q.value) <= tol)) continue;
              const expected = r.totalWritten ?? scores[0];
              const shown = showNumber(expected);
              context.report({
                at: pc.ref,
                messageId: "scoreMismatch",
                field: pc.field,
                data: { sentence: quoteSentence(q), phrase: q.text, expected: shown, cell: formatRef(totalAt.ref) },
                expected: `${shown}分`,
                actual: q.text,
                suggestions: [{ description: `把“${q.text}”改为“${shown}分”`, writes: [{ at: pc.ref, value: replacePhrase(pc.text, q, `${shown}分`) }] }],
              });
            }
          }
          checkPartScores(pc, r);
          if (!grade || !gradeCell) continue;
          GRADE.lastIndex = 0;
          for (let m = GRADE.exec(pc.text); m; m = GRADE.exec(pc.text)) {
            const written = gradeClass(m[2]);
            if (!written || written === grade || listedGrades.has(m.index)) continue;
            // A list of grades (评价等级为优、良、中、差) is the scale, not a statement.
            if (/^\s*[”"」』]?\s*[、，,和及或/]\s*[“"「『]?\s*(?:优|良|中|差|合格|不合格)/.test(pc.text.slice(m.index + m[0].length))) continue;
            if (band && grade && !gradeMatches(grade, band) && gradeMatches(written, band)) continue;
            // A subset's grade (7个项目自评为优, 其中…) or another year's is not the form's.
            const start = Math.max(pc.text.lastIndexOf("。", m.index), pc.text.lastIndexOf("\n", m.index)) + 1;
            const clause = pc.text.slice(start, m.index);
            if (/其中|个项目|项目中|分别|上年|去年|上一年/.test(clause)) continue;
            if (year !== undefined && [...clause.matchAll(/((?:19|20)\d{2})\s*年/g)].some((y) => Number(y[1]) !== year)) continue;
            const sentence = pc.text.slice(start, pc.text.indexOf("。", m.index) + 1 || undefined).trim();
            context.report({
              at: pc.ref,
              messageId: "gradeMismatch",
              field: pc.field,
              data: { sentence: sentence.length > 60 ? `${sentence.slice(0, 58)}…` : sentence, written: m[2], expected: gradeText!.trim(), cell: formatRef(gradeCell.ref) },
              expected: gradeText!.trim(),
              actual: m[2],
            });
          }
        }
      },
    };
  },
});

/**
 * The words of a sentence before a score that may make it a part's: its own clause, and the clause before
 * when that one states no figure (“其中，产出指标完成较好，自评得分48分”). A clause with figures of its own
 * is another statement: “共设置绩效指标8个，7个达到年度指标值，自评得分98.86分” scores the whole form.
 */
function scoreScope(before: string): string {
  const clauses = before.split(/[，,；;]/);
  const own = clauses[clauses.length - 1];
  const prev = clauses.length > 1 ? clauses[clauses.length - 2] : "";
  return /\d/.test(prev) ? own : prev + own;
}

/** A part's own score label: 得分, 实得, 实得分, 得分为. */
const BARE_SCORE = /^(?:得分|实得分?|得|评分|计分)(?:为|是)?[:：]?$/;
/** A part's full mark or weight before its score: （满分10分，实得9.97分）. */
const FULL_MARK = /^(?:满分|分值|权重|标准分|总分值)(?:为|是)?[:：]?$/;

/**
 * The part a score in the text belongs to, by the words: the label itself (预算执行率得分), the value
 * right before it (预算执行率99.74%，得分9.97分; 参保群众满意率92%，得分10分), or the name before a bracket
 * holding its full mark (预算执行率（满分10分，实得9.97分）). Its name and the sentence's text before it.
 */
function scoreSubject(pc: ProseCell, qs: readonly ProseQuantity[], i: number): { name: string; at: number } | undefined {
  const q = qs[i];
  const label = normalizeLabel(q.label);
  const own = /^(.{2,}?)(?:的)?(?:得分|实得分?)(?:为|是)?$/.exec(label);
  if (own && !OVERALL_SCORE.test(label)) return { name: own[1], at: q.start - q.rawLabel.length };
  if (!BARE_SCORE.test(label)) return undefined;
  const prev = qs[i - 1];
  if (!prev || prev.sentence.index !== q.sentence.index || prev.direction || prev.comparator) return undefined;
  // Only a comma (or nothing) and the score's own label between the two.
  const between = pc.text.slice(prev.end, q.start).replace(/\s+/g, "");
  if (!/^[，,、；;]?(?:得分|实得分?|得|评分|计分)(?:为|是)?[:：]?$/.test(between)) return undefined;
  if (prev.kind === "score") {
    if (!FULL_MARK.test(normalizeLabel(prev.label))) return undefined;
    // 预算执行率（满分10分，实得9.97分）: the name before the bracket.
    const open = pc.text.slice(q.sentence.start, prev.start).replace(/\s+/g, "");
    const m = /([^，,；;。:：（()）]{2,})[（(](?:满分|分值|权重|标准分|总分值)(?:为|是)?[:：]?$/.exec(open);
    return m ? { name: normalizeLabel(m[1]), at: q.sentence.start } : undefined;
  }
  if (prev.kind === "year" || prev.approx || prev.changeTo) return undefined;
  return prev.label ? { name: normalizeLabel(prev.label), at: prev.start - prev.rawLabel.length } : undefined;
}

/** Words of the form's whole: a score or grade after them is the form's, not the project named before. */
const WHOLE_AFTER = /整体|本部门|部门|本单位|综合得分|总分|总得分|合计|全部/;

/**
 * The row of the form's project list (a 汇总 or a 部门整体 form's 重点项目) that the words before a score or a
 * grade name — its 项目名称 (four characters at least), the last one named when several are.
 */
function listedProject(model: ReportModel, before: string): { row: TableRow; name: string } | undefined {
  const rows = model.tables.jx_projects?.rows;
  if (!rows?.length) return undefined;
  const words = normalizeLabel(before);
  let best: { row: TableRow; name: string; at: number; end: number } | undefined;
  for (const row of rows) {
    if (row.isSummary || row.subtotalOf) continue;
    const v = row.cells.name?.cell?.value;
    const name = typeof v === "string" ? normalizeLabel(v).replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/, "") : "";
    if (name.length < 4) continue;
    const at = words.lastIndexOf(name);
    if (at >= 0 && (!best || at > best.at)) best = { row, name: String(v).trim(), at, end: at + name.length };
  }
  // The whole named after the project (…等项目顺利实施，部门整体自评得分97.97分) takes the figure back.
  if (best && WHOLE_AFTER.test(words.slice(best.end))) return undefined;
  return best && { row: best.row, name: best.name };
}

/** The form's overall 预算执行率 (as prose-rate-matches reads it). */
const EXEC_SUBJECT = /^(?:本项目|项目|部门整体|部门|整体|全年|年度|本年度?|当年度?|总体|综合|资金)*(?:预算|资金)?执行率$/;
/** Words before an indicator's name that leave its scope as it is (as prose-indicator-matches reads them). */
const NO_SCOPE = /^(?:其中|实际|完成|实现|达到|达|全年|年度|本年度?|当年|累计完成|项目)*$/;

/** The form's part a subject names, with the scores the text may state for it (the written one first). */
function partOf(
  model: ReportModel,
  r: ScoreResult,
  subject: { name: string; at: number },
  pc: ProseCell,
  q: ProseQuantity,
): { name: string; scores: number[]; ref?: CellRef } | undefined {
  const name = subject.name.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]/, "");
  const before = pc.text.slice(q.sentence.start, subject.at);
  if (EXEC_SUBJECT.test(name)) {
    // A part's rate (其中…, a fund of its own) is not the form's.
    if (narrowerSubject(before) || itemNamesPart(model, itemBefore(pc.text, q.sentence.start) + before, before)) return undefined;
    const written = r.execScoreWritten;
    if (written === undefined) return undefined;
    const ref = model.scalars.jx_exec_score?.ref ?? r.execRow?.ref;
    return { name: "预算执行率", scores: [written, r.execScore].filter((x): x is number => x !== undefined), ref };
  }
  if (name.length < 4 || /其中|分别/.test(before)) return undefined;
  // A 一级指标 group (产出指标（分值50分，得分49.92分）): its 得分 in the summary, or its indicators' sum.
  const groups = r.groups.filter((g) => g.level === "level1" && normalizeLabel(g.group) === name);
  if (groups.length === 1) {
    const g = groups[0];
    const scores = [g.written, g.expected].filter((x): x is number => x !== undefined);
    return scores.length ? { name, scores, ref: g.ref } : undefined;
  }
  // An indicator by its name (unique): its 得分 as written, or as the profile computes it.
  const inds = r.indicators.filter((ind) => {
    const n = normalizeLabel(ind.level3.replace(/^\s*(?:指标\s*\d+|\d+)\s*[:：、.．]\s*/, "").replace(/[（(][^）)]*[）)]\s*$/, ""));
    return n.length >= 4 && name.endsWith(n) && NO_SCOPE.test(name.slice(0, name.length - n.length));
  });
  if (inds.length !== 1 || inds[0].written === undefined) return undefined;
  const ind = inds[0];
  const scores = [ind.written!, ind.settled, ind.expected].filter((x): x is number => x !== undefined);
  return { name: `指标“${ind.level3.trim()}”`, scores, ref: ind.ref };
}

export default proseScoreMatches;
