/**
 * total-score-matches — the 预算执行率得分 (jx_exec_score) is min(执行率, 1) × 分值, and the 综合得分
 * (jx_score_total) equals that score plus every indicator's 得分 (seed 002: 97.97 = 9.97 + 48 + 30 + 10).
 * Each wrong cell is blamed at itself: a wrong 得分汇总 row is score-summary-matches' finding, so the total
 * is held to the indicators, not to the summary; a wrong jx_exec_score is reported here, and the total
 * and the summary's 预算执行率 row are held to the computed score. 财政局 quality checks ask for
 * "分值计算散总一致" [S25].
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { roundScore, scoreTolerance, scoresFor } from "../scoring/score";
import { summaryScoreOf } from "../relations/summary-links";
import { explainedByIndicator } from "./lib/written-total";

/** Message ids of total-score-matches. */
export type MessageId = "totalMismatch" | "totalMismatchNoExec" | "summaryMismatch" | "execScoreMismatch" | "indicatorMismatch";

/** jx_exec_score = the formula; jx_score_total = jx_exec_score + Σ indicator 得分. */
export const totalScoreMatches = defineRule<MessageId>({
  id: "total-score-matches",
  meta: {
    type: "problem",
    docs: { description: "预算执行率得分应等于按公式计算的值，综合得分应等于预算执行率得分加各指标得分之和。", recommended: true },
    messages: {
      "totalMismatch": "综合得分 {{written}}，但预算执行率得分 {{exec}} 加各指标得分之和 {{indicators}} 为 {{expected}}。",
      "totalMismatchNoExec": "综合得分 {{written}}，但本表未设预算执行率，各指标得分之和为 {{expected}}。",
      "summaryMismatch": "综合得分 {{written}}，但得分汇总各项相加为 {{expected}}（{{parts}}），两者不一致。",
      "execScoreMismatch": "预算执行率得分 {{written}}，按“{{profile}}”计算应为 {{expected}}。{{formula}}。",
      "indicatorMismatch": "综合得分 {{total}} 与项目汇总表（{{where}}）一致，但预算执行率得分与各指标得分之和为 {{sum}}（相差 {{diff}}）：应是某一项指标得分有误。“{{item}}”得分填写为 {{actual}}，按综合得分应为 {{expected}}{{others}}，请核对。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const tolerance = scoreTolerance(context.profile);
        // The 预算执行率得分 has no room for judgement: a written one that differs from the formula is an error here.
        const execAt = context.model.scalars.jx_exec_score?.ref ?? r.execRow?.ref;
        // A 综合得分 that adds up with the wrong 预算执行率得分 as written is right once that score is: the
        // one finding is at the score, and its fix corrects the total with it.
        const totalAt = context.model.scalars.jx_score_total?.ref;
        const asWritten = r.total !== undefined && r.execScore !== undefined && r.execScoreWritten !== undefined ? r.total - r.execScore + r.execScoreWritten : undefined;
        const totalAgreesAsWritten =
          r.execScoreWritten !== undefined && r.execScore !== undefined && Math.abs(r.execScoreWritten - r.execScore) > tolerance && r.totalWritten !== undefined && asWritten !== undefined && Math.abs(r.totalWritten - asWritten) <= tolerance;
        const totalFollows = totalAgreesAsWritten && totalAt && r.total !== undefined ? [{ at: totalAt, value: r.total }] : [];
        if (execAt && r.execScoreWritten !== undefined && r.execScore !== undefined && Math.abs(r.execScoreWritten - r.execScore) > tolerance) {
          context.report({
            at: execAt,
            messageId: "execScoreMismatch",
            field: "jx_exec_score",
            data: { written: showNumber(r.execScoreWritten), expected: showNumber(r.execScore), profile: context.profile.name, formula: r.execFormula ?? "" },
            expected: r.execScore,
            actual: r.execScoreWritten,
            suggestions: [{ description: `改为 ${showNumber(r.execScore)}`, writes: [{ at: execAt, value: r.execScore }, ...totalFollows] }],
          });
        }
        const at = context.model.scalars.jx_score_total?.ref;
        const written = r.totalWritten;
        if (!at || written === undefined) return;
        if (r.total !== undefined) {
          if (Math.abs(written - r.total) <= tolerance || totalAgreesAsWritten) return;
          // A total that adds up once one indicator's 得分 is what the rules give (an 得分 above its 分值,
          // reported at that cell by score-within-weight / indicator-score-matches) is right: that 得分 is
          // the cause, not the total.
          const explained = explainedByIndicator(r, written, tolerance);
          // A 综合得分 that agrees with the 得分汇总 while one of a row's indicators is wrong (settle.ts):
          // score-summary-matches names the indicators; the total is right.
          if (explained || r.settled?.ambiguous) return;
          const exec = r.execPresent ? (r.execScore ?? r.execScoreWritten ?? 0) : 0;
          // The 项目汇总 repeats this 综合得分 as written: the total is corroborated, so one of the
          // indicators' 得分 is the slip — reported at one that can absorb the difference (within 0 and
          // its 分值), naming the others, never at the total that the 汇总 confirms.
          const repeated = summaryScoreOf(context.model);
          if (repeated && Math.abs(repeated.value - written) <= tolerance) {
            const diff = written - r.total;
            const able = r.indicators.filter((ind) => {
              if (ind.written === undefined || !ind.ref) return false;
              const v = ind.written + diff;
              return v >= -tolerance && (ind.weight === undefined || v <= ind.weight + tolerance);
            });
            // One whose own formula gives the corrected 得分 (written 9.5 where its 实际完成值 earns 10) first.
            const cured = (ind: (typeof able)[number]): boolean =>
              ind.expected !== undefined && Math.abs(ind.written! - ind.expected) > tolerance && Math.abs(ind.written! + diff - ind.expected) <= tolerance;
            able.sort((a, b) => Number(cured(b)) - Number(cured(a)));
            if (able.length > 0) {
              const first = able[0];
              const expected = roundScore(first.written! + diff, context.profile);
              const name = (ind: (typeof able)[number]): string => `“${ind.level3 || ind.level2}”`;
              context.report({
                at: first.ref!,
                messageId: "indicatorMismatch",
                field: "jx_indicators.score",
                data: {
                  total: showNumber(written),
                  where: `${repeated.ref.sheet}!${repeated.ref.address}`,
                  sum: showNumber(r.total),
                  diff: showNumber(roundScore(Math.abs(diff), context.profile)),
                  item: first.level3 || first.level2,
                  actual: showNumber(first.written!),
                  expected: showNumber(expected),
                  others: able.length > 1 ? `；也可能是${able.slice(1).map(name).join("、")}的得分` : "",
                },
                expected,
                actual: first.written,
                suggestions: [{ description: `改为 ${showNumber(expected)}`, writes: [{ at: first.ref!, value: expected }] }],
              });
              return;
            }
          }
          context.report({
            at,
            messageId: r.execPresent ? "totalMismatch" : "totalMismatchNoExec",
            field: "jx_score_total",
            data: { written: showNumber(written), exec: showNumber(exec), indicators: showNumber(roundScore(r.total - exec, context.profile)), expected: showNumber(r.total) },
            expected: r.total,
            actual: written,
            suggestions: [{ description: `改为 ${showNumber(r.total)}`, writes: [{ at, value: r.total }] }],
          });
          return;
        }
        // Only when the indicators cannot give the total (a score unknown) is the summary the reference:
        // the headline rows, 预算执行率 plus the 一级 rows, or the 二级 rows when there is no 一级 row.
        const level1 = r.groups.filter((g) => g.level === "level1");
        const heads = [...r.groups.filter((g) => g.level === "exec"), ...(level1.length ? level1 : r.groups.filter((g) => g.level === "level2"))];
        if (heads.length < 2 || heads.some((g) => g.written === undefined)) return;
        const sum = roundScore(heads.reduce((s, g) => s + (g.written ?? 0), 0), context.profile);
        if (Math.abs(sum - written) <= tolerance) return;
        context.report({
          at,
          messageId: "summaryMismatch",
          field: "jx_score_total",
          data: { written: showNumber(written), expected: showNumber(sum), parts: heads.map((g) => `${g.group} ${showNumber(g.written ?? 0)}`).join(" + ") },
          expected: sum,
          actual: written,
        });
      },
    };
  },
});

export default totalScoreMatches;
