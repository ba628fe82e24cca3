/**
 * grade-matches-band — the 评价等次 (jx_grade) is the band of the 综合得分 under the profile (national:
 * ≥ 90 优, 80–90 良, 60–80 中, < 60 差, lower bound inclusive). Aliases such as 优秀 are accepted.
 * "评分与评级相符" is one of the 财政局's quality checks [S25].
 */
import { isUnfilled } from "../model/cell-index";
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { cellNumber, gradeFor, gradeLabel, gradeMatches, scoresFor, retickedFor } from "../scoring/score";
import { withFormGradeWords } from "../scoring/grade-words";
import type { GradeBand } from "../scoring/types";
import { writtenTotalIsSlip } from "./lib/written-total";
import { sheetScoreOf } from "../relations/summary-links";
import type { CellRef } from "../model/snapshot";
import { toHalfWidth } from "../units/parse";

/** Message ids of grade-matches-band. */
export type MessageId = "gradeMismatch" | "gradeScoreMismatch" | "gradeBlank";

/** jx_grade follows the band of jx_score_total. */
export const gradeMatchesBand = defineRule<MessageId>({
  id: "grade-matches-band",
  meta: {
    type: "problem",
    docs: { description: "评价等次应与综合得分所在的分数段一致（如 90 分及以上为优）。", recommended: true },
    messages: {
      "gradeMismatch": "评价等次写为“{{written}}”，但综合得分 {{score}} 按“{{profile}}”应评为“{{expected}}”（{{band}}）。",
      "gradeScoreMismatch": "评价等次“{{written}}”中写的得分 {{inGrade}} 与综合得分 {{score}} 不一致，请核对。",
      "gradeBlank": "评价等次为空；按综合得分 {{score}} 分应为“{{expected}}”，请填写（或点“自动计算”）。",
    },
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    const reportScore = (at: CellRef, field: string, written: string, inGrade: number, score: number): void => {
      const fixed = written.replace(/\d+(?:\.\d+)?(?=\s*分?\s*[)）]?\s*$)/, score.toFixed(Math.max(decimalsOf(inGrade, written), decimalsOf(score, String(score)))));
      context.report({
        at,
        messageId: "gradeScoreMismatch",
        field,
        data: { written, inGrade: showNumber(inGrade), score: showNumber(score) },
        expected: showNumber(score),
        actual: showNumber(inGrade),
        fix: { description: `将${at.address}中的得分改为 ${showNumber(score)}`, writes: [{ at, value: fixed }] },
      });
    };
    return {
      workbook() {
        // The grade to write is the form's own word for the band (良好 where the form writes 良好), as fill writes it.
        const words = withFormGradeWords(context.profile, context.model);
        const wordFor = (band: GradeBand): string => gradeLabel(words.grades.find((g) => g.grade === band.grade) ?? band);
        // Each project of a 项目汇总表: its 自评结果 against its own 自评得分.
        for (const row of context.model.tables.jx_projects?.rows ?? []) {
          const gradeCell = row.cells.grade;
          const text = gradeCell?.cell?.value;
          const score = cellNumber(row.cells.score?.cell);
          if (row.isSummary || !gradeCell || typeof text !== "string" || !text.trim() || score === undefined) continue;
          // A 自评得分 no project can have (above the full mark, below 0) is score-within-weight's finding:
          // the score is the slip, not the grade written beside it.
          if (!possibleScore(score, context.profile.totalPoints)) continue;
          const band = gradeFor(score, context.profile);
          if (!band || !context.profile.grades.some((g) => gradeMatches(text, g))) continue;
          if (gradeMatches(text, band)) {
            // “优（92.50分）”: the score typed beside the grade is the 自评得分 too — unless it is the sheet's
            // 总分 and the 自评得分 is the slip (summary-matches-sheets).
            const inGrade = scoreInGrade(text);
            const ownScore = sheetScoreOf(context.model, row);
            if (inGrade === undefined || Math.abs(inGrade - score) <= 0.005 || (ownScore !== undefined && Math.abs(ownScore - inGrade) <= 0.005)) continue;
            reportScore(gradeCell.ref, "jx_projects.grade", text.trim(), inGrade, score);
            continue;
          }
          // A 自评得分 that differs from its project's own sheet is summary-matches-sheets' finding: a grade
          // that follows the sheet's 总分 is right, the score is the slip.
          const own = sheetScoreOf(context.model, row);
          const ownBand = own !== undefined && Math.abs(own - score) > 0.005 ? gradeFor(own, context.profile) : undefined;
          if (ownBand && gradeMatches(text, ownBand)) continue;
          const expected = wordFor(band);
          context.report({
            at: gradeCell.ref,
            messageId: "gradeMismatch",
            field: "jx_projects.grade",
            data: { written: text.trim(), score: showNumber(score), profile: context.profile.name, expected, band: `${showNumber(band.min)} 分起` },
            expected,
            actual: text.trim(),
            fix: { description: `将${gradeCell.ref.address}改为“${expected}”`, writes: [{ at: gradeCell.ref, value: expected }] },
          });
        }
        const r = scoresFor(context.model, context.profile);
        const at = context.model.scalars.jx_grade?.ref;
        const written = r.gradeWritten;
        const score = r.totalWritten ?? r.total;
        // The form's 评价等次 cell left blank beside a score: not filled yet (never an all-clear).
        if (at && isUnfilled(context.model.scalars.jx_grade?.cell) && r.totalWritten !== undefined && possibleScore(r.totalWritten, context.profile.totalPoints)) {
          const band = gradeFor(r.totalWritten, context.profile);
          if (band) {
            const expected = wordFor(band);
            context.report({
              at,
              messageId: "gradeBlank",
              field: "jx_grade",
              data: { score: showNumber(r.totalWritten), expected },
              expected,
              suggestions: [{ description: `填入“${expected}”`, writes: [{ at, value: expected }] }],
            });
          }
          return;
        }
        if (!at || !written || score === undefined || !possibleScore(score, context.profile.totalPoints)) return;
        const band = gradeFor(score, context.profile);
        if (!band) return;
        if (gradeMatches(written, band)) {
          // “良好（85.50分）” beside a 综合得分 of 88.90: the score typed in the grade cell is wrong — unless it is
          // the sum and the written total is the slip (total-score-matches reports the total).
          const inGrade = scoreInGrade(written);
          if (inGrade === undefined || Math.abs(inGrade - score) <= 0.005) return;
          if (r.total !== undefined && Math.abs(r.total - inGrade) <= 0.005 && writtenTotalIsSlip(context.model, context.profile)) return;
          reportScore(at, "jx_grade", written, inGrade, score);
          return;
        }
        // A written 综合得分 that is not the sum of its parts is total-score-matches' finding: a grade that
        // follows the sum is right, the total is the slip.
        const sumBand = r.total !== undefined && writtenTotalIsSlip(context.model, context.profile) ? gradeFor(r.total, context.profile) : undefined;
        if (sumBand && gradeMatches(written, sumBand)) return;
        const sorted = [...context.profile.grades].sort((a, b) => b.min - a.min);
        const upper = sorted[sorted.indexOf(band) - 1];
        const range = upper ? `${showNumber(band.min)} 分（含）至 ${showNumber(upper.min)} 分` : `${showNumber(band.min)} 分及以上`;
        const expected = wordFor(band);
        // The printed choices with one ticked (☑优 □良 …): the fix moves the tick to the band's choice.
        const value = retickedFor(written, band, expected) ?? expected;
        context.report({
          at,
          messageId: "gradeMismatch",
          field: "jx_grade",
          data: { written, score: showNumber(score), profile: context.profile.name, expected, band: range },
          expected,
          actual: written,
          fix: { description: `将评价等次改为“${value}”`, writes: [{ at, value }] },
        });
      },
    };
  },
});

export default gradeMatchesBand;

/** A score a report can have: between 0 and the profile's full mark. */
function possibleScore(score: number, totalPoints: number): boolean {
  return score >= 0 && score <= totalPoints + 1e-9;
}


/** The score a clerk typed in the grade cell (“良好（85.50分）”, “良 85.5分”), or undefined. */
export function scoreInGrade(text: string): number | undefined {
  const s = toHalfWidth(text).trim();
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/.exec(s) ?? /(\d+(?:\.\d+)?)\s*分\s*$/.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** Decimals to write a corrected score with: as many as the clerk wrote, at least the score's own. */
function decimalsOf(_value: number, written: string): number {
  const m = /\d+\.(\d+)\s*分?\s*[)）]?\s*$/.exec(toHalfWidth(written).trim());
  return m ? Math.min(m[1].length, 2) : 0;
}
