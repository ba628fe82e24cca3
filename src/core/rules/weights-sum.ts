/**
 * weights-sum — the 分值 of the indicators plus the 预算执行率 分值 add up to the profile's total
 * (100): the 2016 notice allows the weights to be adjusted but they must still total 100 [S1].
 */
import { defineRule } from "../engine/types";
import type { CellRef } from "../model/snapshot";
import { showNumber } from "../scoring/indicator-value";
import { cellNumber, scoresFor } from "../scoring/score";
import { roundTo } from "../units";

/** Message ids of weights-sum. */
export type MessageId = "totalMismatch" | "indicatorsMismatch" | "missingWeight" | "totalRowMismatch" | "weightCause" | "weightOff" | "weightEither";

/** Σ 分值 + 预算执行率分值 = the profile's total points. */
export const weightsSum = defineRule<MessageId>({
  id: "weights-sum",
  meta: {
    type: "problem",
    docs: { description: "各指标分值与预算执行率分值之和应等于总分（通常为 100 分）。", recommended: true },
    messages: {
      "totalMismatch": "分值合计为 {{sum}}（预算执行率 {{exec}} + 各指标 {{indicators}}），按“{{profile}}”应为 {{total}}。",
      "indicatorsMismatch": "工作簿未设预算执行率，各指标分值合计 {{indicators}}，按“{{profile}}”应为 {{total}}。",
      "missingWeight": "指标“{{item}}”没有分值，分值合计无法核对。",
      "totalRowMismatch": "总分行的分值填写为 {{written}}，但预算执行率 {{exec}} 与各指标分值 {{indicators}} 之和为 {{sum}}。",
      "weightOff": "“{{item}}”的分值填写为 {{actual}}，使分值合计为 {{sum}}；总分行与评分标准均为 {{total}}，只有此项改为 {{expected}} 才能相符，请核对。",
      "weightCause": "“{{item}}”的分值填写为 {{written}}；按{{anchor}}，应为 {{expected}}，改正后各项分值合计全部相符。",
      "weightEither": "分值合计为 {{sum}}，但总分行与评分标准均为 {{total}}：应是{{items}}中某一项分值有误（只有它们改正后各项分值合计都相符）。“{{item}}”的分值填写为 {{actual}}，按合计应为 {{expected}}，请核对。",
    },
    fixable: true,
  },
  create(context) {
    return {
      workbook() {
        const r = scoresFor(context.model, context.profile);
        if (r.indicators.length === 0) return;
        // The one 分值 whose correction makes every weight total hold (scoring/settle.ts): reported at it;
        // the scores are computed with the corrected 分值, so the totals below add up.
        for (const w of r.settled?.weights ?? []) {
          context.report({
            at: w.ref,
            messageId: "weightCause",
            field: w.key === "exec" ? "jx_exec_weight" : "jx_indicators.weight",
            data: { item: w.item, written: showNumber(w.written), anchor: w.anchor, expected: showNumber(w.value) },
            expected: w.value,
            actual: w.written,
            fix: { description: `改为 ${showNumber(w.value)}`, writes: [{ at: w.ref, value: w.value }] },
          });
        }
        const missing = r.indicators.filter((i) => i.weight === undefined);
        for (const ind of missing) {
          if (ind.weightRef) context.report({ at: ind.weightRef, messageId: "missingWeight", field: "jx_indicators.weight", data: { item: ind.level3 || ind.level2 } });
        }
        if (missing.length) return;
        const indicators = roundTo(r.indicators.reduce((s, i) => s + (i.weight ?? 0), 0), 8);
        const exec = r.execPresent ? r.execWeight : 0;
        const sum = roundTo(indicators + exec, 8);
        const total = context.profile.totalPoints;
        // The 总分 row's 分值 (jx_weight_total) is a total like any other: wrong when the weights above it
        // add up to something else — the finding is at the total, not at a weight.
        const rowTotal = context.model.scalars.jx_weight_total;
        const written = cellNumber(rowTotal?.cell);
        // The 总分 row agrees with the profile's total: the total is corroborated, so a weight is wrong.
        // When one weight alone can absorb the excess (a 分值 of 150000: 15 typed ×10000), it is the
        // cause; otherwise the total row is named once (the profile finding would repeat it).
        if (rowTotal && written !== undefined && Math.abs(written - sum) > 1e-6 && Math.abs(written - total) < 1e-6) {
          const excess = sum - total;
          const execWeight = context.model.scalars.jx_exec_weight;
          const weights = [
            ...(r.execPresent && execWeight?.cell ? [{ at: execWeight.ref, field: "jx_exec_weight", item: "预算执行率", weight: exec }] : []),
            ...r.indicators.filter((i) => i.weightRef).map((i) => ({ at: i.weightRef!, field: "jx_indicators.weight", item: i.level3 || i.level2, weight: i.weight ?? 0, score: i.written })),
          ];
          let able: { at: CellRef; field: string; item: string; weight: number; score?: number }[] = weights.filter((w) => w.weight - excess >= 0 && w.weight - excess <= total);
          // Several could: the one whose 得分 exceeds it as written and fits once corrected (分值 19.44 under
          // a 得分 of 20) is the slip.
          if (able.length > 1) able = able.filter((w) => w.score !== undefined && w.score > w.weight + 1e-9 && w.score <= w.weight - excess + 1e-9);
          // Still several, and the weight relations (the 得分汇总's group 分值 too) leave only some of them
          // (scoring/settle.ts): the finding is at the first, naming the others — not at the 总分 row that
          // agrees with the profile.
          // One whose indicator earned full marks by its own 实际完成值 and wrote the corrected 分值 as its
          // 得分 (15 of a 分值 typed 15.5) first.
          const fullMarks = (c: { key: number | "exec"; value: number }): boolean => {
            const ind = r.indicators.find((i) => i.row === c.key);
            return ind?.met === true && ind.written !== undefined && Math.abs(ind.written - (c.value - excess)) <= 1e-6 && Math.abs(ind.written - c.value) > 1e-6;
          };
          const candidates = r.settled?.weightCandidates ? [...r.settled.weightCandidates].sort((a, b) => Number(fullMarks(b)) - Number(fullMarks(a))) : undefined;
          if (able.length !== 1 && candidates && candidates.length >= 2) {
            const first = candidates[0];
            const expected = roundTo(first.value - excess, 8);
            context.report({
              at: first.ref,
              messageId: "weightEither",
              field: first.key === "exec" ? "jx_exec_weight" : "jx_indicators.weight",
              data: { sum: showNumber(sum), total: showNumber(total), items: candidates.map((c) => `“${c.item}”`).join("、"), item: first.item, actual: showNumber(first.value), expected: showNumber(expected) },
              expected,
              actual: first.value,
            });
            return;
          }
          if (able.length === 1) {
            const w = able[0];
            const expected = roundTo(w.weight - excess, 8);
            context.report({
              at: w.at,
              messageId: "weightOff",
              field: w.field,
              data: { item: w.item, actual: showNumber(w.weight), sum: showNumber(sum), total: showNumber(total), expected: showNumber(expected) },
              expected,
              actual: w.weight,
            });
            return;
          }
        }
        if (rowTotal && written !== undefined && Math.abs(written - sum) > 1e-6) {
          context.report({
            at: rowTotal.ref,
            messageId: "totalRowMismatch",
            field: "jx_weight_total",
            data: { written: showNumber(written), exec: showNumber(exec), indicators: showNumber(indicators), sum: showNumber(sum) },
            expected: sum,
            actual: written,
          });
          if (Math.abs(sum - total) < 1e-6 || Math.abs(written - total) < 1e-6) return;
        }
        if (Math.abs(sum - total) < 1e-6) return;
        // Point at the 预算执行率分值 when it is written, else at the first indicator's 分值 — unless the
        // relations say which 分值 could be the cause (scoring/settle.ts): then at the first of those.
        const execWeight = context.model.scalars.jx_exec_weight;
        const candidate = r.settled?.weightCandidates?.[0];
        const onExec = candidate ? candidate.key === "exec" : execWeight?.cell !== undefined;
        const at = candidate ? candidate.ref : onExec ? execWeight?.ref : r.indicators.find((i) => i.weightRef)?.weightRef;
        if (!at) return;
        context.report({
          at,
          messageId: r.execPresent ? "totalMismatch" : "indicatorsMismatch",
          field: onExec ? "jx_exec_weight" : "jx_indicators.weight",
          data: { sum: showNumber(sum), exec: showNumber(exec), indicators: showNumber(indicators), profile: context.profile.name, total: showNumber(total) },
          expected: total,
          actual: sum,
        });
      },
    };
  },
});

export default weightsSum;
