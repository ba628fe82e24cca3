/**
 * prose-score-matches — the 综合得分 and the 评价等次 stated in the text ("经自评，该项目综合得分为99.23分，
 * 自评等级为“优”") must be the form's: jx_score_total (as written, or as its parts add up when the total cell
 * is itself wrong — that is total-score-matches' finding) and jx_grade. Scores of a part (指标, 一级指标,
 * 预算执行率, 满分 …) and grades of a subset (7个项目自评为优) are left alone.
 */
import { defineRule } from "../engine/types";
import { formatRef } from "../model/address";
import { proseCells, reportYear, sheetInModel } from "../narrative/prose-cells";
import { quoteSentence, replacePhrase } from "../narrative/phrase";
import { showNumber } from "../scoring/indicator-value";
import { gradeFor, gradeMatches, scoreTolerance, scoresFor } from "../scoring/score";
import { halfWidth } from "../narrative/extract";

/** Message ids of prose-score-matches. */
export type MessageId = "scoreMismatch" | "gradeMismatch";

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
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const totalAt = model.scalars.jx_score_total;
        const r = totalAt ? scoresFor(model, context.profile) : undefined;
        const tolerance = scoreTolerance(context.profile);
        // The scores the text may state: the total as written, and as its parts add up (a form with its
        // 总分 left blank is required-field's and total-score-matches' concern, not the text's).
        const scores = r?.totalWritten === undefined ? [] : [r.totalWritten, r.total].filter((x): x is number => x !== undefined);
        const gradeCell = model.scalars.jx_grade;
        const gradeText = typeof gradeCell?.cell?.value === "string" ? gradeCell.cell.value : undefined;
        const grade = gradeText ? gradeClass(gradeText) : undefined;
        const year = reportYear(model);
        // The grade the score calls for: a text agreeing with it while the form's grade cell does not is right
        // (the cell is grade-matches-band's finding).
        const bandScore = r?.totalWritten ?? r?.total;
        const band = bandScore !== undefined ? gradeFor(bandScore, context.profile) : undefined;
        for (const pc of proseCells(model)) {
          if (!sheetInModel(model, pc.ref.sheet)) continue;
          if (scores.length && totalAt) {
            for (const q of pc.analysis.quantities) {
              if (q.kind !== "score" || q.approx || q.direction || q.comparator) continue;
              const label = q.label.replace(/\s+/g, "");
              if (!OVERALL_SCORE.test(label) || PART_SCORE.test(label)) continue;
              // A named project's score in a 部门 or 汇总 report (医疗救助项目自评得分92分) is a part's.
              if (model.form?.kind !== "project" && /项目/.test(label.replace(/^(?:本|该|此)项目/, ""))) continue;
              const before = pc.text.slice(q.sentence.start, q.start);
              if (PART_SCORE.test(before.replace(/预算执行率?和|预算执行率、/g, "")) && !/综合得分|总分/.test(label)) continue;
              const tol = halfWidth(q, "分") + tolerance + 1e-9;
              if (scores.some((s) => Math.abs(s - q.value) <= tol)) continue;
              const expected = r?.totalWritten ?? scores[0];
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
          if (!grade || !gradeCell) continue;
          GRADE.lastIndex = 0;
          for (let m = GRADE.exec(pc.text); m; m = GRADE.exec(pc.text)) {
            const written = gradeClass(m[2]);
            if (!written || written === grade) continue;
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

export default proseScoreMatches;
