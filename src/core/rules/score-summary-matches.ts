/**
 * score-summary-matches — each row of the 得分汇总 (jx_score_summary) equals the sum of its
 * indicators' 得分, its 分值 the sum of their 分值, and the 预算执行率 row equals jx_exec_score. A
 * headline that does not add up is the commonest arithmetic slip (seed 002: 产出 50 over 9 + 10 + 15 + 14).
 */
import { defineRule } from "../engine/types";
import { showNumber } from "../scoring/indicator-value";
import { effectiveScore, scoreTolerance, scoresFor } from "../scoring/score";

/** Message ids of score-summary-matches. */
export type MessageId = "subtotalMismatch" | "execMismatch" | "totalRowMismatch" | "weightMismatch" | "scoreCause" | "subtotalAnchored" | "execWeightMismatch" | "totalWeightMismatch";

/** Each summary row = Σ its indicators; the 预算执行率 row = jx_exec_score. */
export const scoreSummaryMatches = defineRule<MessageId>({
  id: "score-summary-matches",
  meta: {
    type: "problem",
    docs: { description: "得分汇总中各一级（二级）指标的得分和分值应等于其下各指标之和，预算执行率得分应一致。", recommended: true },
    messages: {
      "subtotalMismatch": "“{{group}}”得分 {{written}}，但其下各指标得分之和为 {{expected}}（{{parts}}）。",
      "execMismatch": "得分汇总中预算执行率得分 {{written}}，与预算执行率得分 {{expected}} 不一致。",
      "totalRowMismatch": "得分汇总的“{{group}}”为 {{written}}，但预算执行率得分与各指标得分之和为 {{expected}}。",
      "weightMismatch": "“{{group}}”分值 {{written}}，但其下各指标分值之和为 {{expected}}（{{parts}}）。",
      "execWeightMismatch": "得分汇总中预算执行率分值 {{written}}，与预算执行率分值 {{expected}} 不一致。",
      "totalWeightMismatch": "得分汇总的“{{group}}”分值为 {{written}}，但预算执行率分值与各指标分值之和为 {{expected}}。",
      "scoreCause": "“{{item}}”得分填写为 {{written}}；按{{anchor}}，应为 {{expected}}，改正后得分汇总与综合得分全部相符。",
      "subtotalAnchored": "“{{group}}”得分 {{written}} 与综合得分相符，但其下各指标得分之和为 {{expected}}（{{parts}}）：应是{{items}}中某一项的得分有误，请核对。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        const tolerance = scoreTolerance(context.profile);
        const byRow = new Map(r.indicators.map((i) => [i.row, i]));
        // The one 得分 that breaks the 得分汇总 and the 综合得分 (scoring/settle.ts), when no other rule
        // already marks it (a 得分 above its 分值 is score-within-weight's): reported at it.
        for (const s of r.settled?.scores ?? []) {
          if (s.evident) continue;
          context.report({
            at: s.ref,
            messageId: "scoreCause",
            field: "jx_indicators.score",
            data: { item: s.item, written: showNumber(s.written), anchor: s.anchor, expected: showNumber(s.value) },
            expected: s.value,
            actual: s.written,
            suggestions: [{ description: `改为 ${showNumber(s.value)}`, writes: [{ at: s.ref, value: s.value }] }],
          });
        }
        // A 得分汇总 row that agrees with the 综合得分 is not the cause when its indicators do not add up to
        // it: one of them is, and no single one is certain — the finding is at the first, naming them all.
        const anchored = r.settled?.ambiguous;
        if (anchored && anchored.group.written !== undefined && anchored.group.expected !== undefined) {
          const g = anchored.group;
          const members = g.indicatorRows.map((row) => byRow.get(row)).filter((i) => i !== undefined);
          context.report({
            at: anchored.cells[0].ref,
            messageId: "subtotalAnchored",
            field: "jx_indicators.score",
            data: {
              group: g.group,
              written: showNumber(g.written!),
              expected: showNumber(g.expected!),
              parts: members.map((m) => showNumber(effectiveScore(m) ?? 0)).join(" + "),
              items: anchored.cells.map((c) => `“${c.item}”`).join("、"),
            },
            expected: g.written,
            actual: g.expected,
          });
        }
        for (const g of r.groups) {
          const members = g.indicatorRows.map((row) => byRow.get(row)).filter((i) => i !== undefined);
          if (g !== anchored?.group && g.ref && g.written !== undefined && g.expected !== undefined && Math.abs(g.written - g.expected) > tolerance) {
            const messageId: MessageId = g.level === "exec" ? "execMismatch" : g.level === "total" ? "totalRowMismatch" : "subtotalMismatch";
            const parts = members.map((m) => showNumber(effectiveScore(m) ?? 0)).join(" + ");
            context.report({
              at: g.ref,
              messageId,
              field: "jx_score_summary.score",
              data: { group: g.group, written: showNumber(g.written), expected: showNumber(g.expected), parts },
              expected: g.expected,
              actual: g.written,
              suggestions: [{ description: `改为 ${showNumber(g.expected)}`, writes: [{ at: g.ref, value: g.expected }] }],
            });
          }
          // The summary's 合计/总分 row carries the weights' total too.
          const allWeights = r.indicators.every((i) => i.weight !== undefined) ? r.indicators.reduce((a, i) => a + (i.weight ?? 0), r.execPresent ? r.execWeight : 0) : undefined;
          if (g.level === "total" && g.weightRef && g.weightWritten !== undefined && allWeights !== undefined && Math.abs(g.weightWritten - allWeights) > 1e-6) {
            const expected = Math.round(allWeights * 1e8) / 1e8;
            context.report({
              at: g.weightRef,
              messageId: "totalWeightMismatch",
              field: "jx_score_summary.weight",
              data: { group: g.group, written: showNumber(g.weightWritten), expected: showNumber(expected) },
              expected,
              actual: g.weightWritten,
              suggestions: [{ description: `改为 ${showNumber(expected)}`, writes: [{ at: g.weightRef, value: expected }] }],
            });
          }
          if (g.level === "exec" && g.weightRef && g.weightWritten !== undefined && Math.abs(g.weightWritten - r.execWeight) > 1e-6) {
            context.report({
              at: g.weightRef,
              messageId: "execWeightMismatch",
              field: "jx_score_summary.weight",
              data: { written: showNumber(g.weightWritten), expected: showNumber(r.execWeight) },
              expected: r.execWeight,
              actual: g.weightWritten,
              suggestions: [{ description: `改为 ${showNumber(r.execWeight)}`, writes: [{ at: g.weightRef, value: r.execWeight }] }],
            });
          }
          // The 分值 cells that could each be the slip all lie in this group (weights-sum names them): the
          // group's 分值 agrees with the 总分 and is not the cause.
          const candidates = r.settled?.weightCandidates;
          const explained = candidates !== undefined && candidates.length >= 2 && candidates.every((c) => c.key !== "exec" && g.indicatorRows.includes(c.key));
          if (
            !explained &&
            g.weightRef &&
            (g.level === "level1" || g.level === "level2") &&
            g.weight !== undefined &&
            g.indicatorWeight !== undefined &&
            Math.abs(g.weight - g.indicatorWeight) > 1e-6
          ) {
            context.report({
              at: g.weightRef,
              messageId: "weightMismatch",
              field: "jx_score_summary.weight",
              data: { group: g.group, written: showNumber(g.weight), expected: showNumber(g.indicatorWeight), parts: members.map((m) => showNumber(m.weight ?? 0)).join(" + ") },
              expected: g.indicatorWeight,
              actual: g.weight,
              suggestions: [{ description: `改为 ${showNumber(g.indicatorWeight)}`, writes: [{ at: g.weightRef, value: g.indicatorWeight }] }],
            });
          }
        }
      },
    };
  },
});

export default scoreSummaryMatches;
