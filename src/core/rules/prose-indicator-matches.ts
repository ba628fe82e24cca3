/**
 * prose-indicator-matches — a value the text gives for a performance indicator by its name ("参保群众满意率
 * 88%", "印制宣传海报1700张") should be that indicator's 实际完成值 in the 绩效指标 table. A warning: the
 * text may speak of another scope or period than the indicator, but a reader who finds 95% in the 综述 and
 * 88% in the table cannot tell which one the bureau stands by.
 *
 * Only a statement of what was achieved is compared: a number after target words (年初, 目标, 设定, 计划,
 * 不低于 …), before 的目标 / 以上, or in a sentence about another year is left alone, and so is a name that
 * several indicators share.
 *
 * Also a text that says every indicator was met (“各项绩效指标均已完成”, “全面完成年度绩效目标”) while the
 * table scores a quantitative indicator as not met (its 实际完成值 short of its 年度指标值): boilerplate kept
 * from a template or from last year, which the 财政局 reads as the report contradicting itself.
 */
import { defineRule } from "../engine/types";
import { formatRef, parseA1, toA1 } from "../model/address";
import type { ReportModel } from "../model/report-model";
import type { CellRef } from "../model/snapshot";
import type { ProseQuantity } from "../narrative/extract";
import { proseCells, reportYear } from "../narrative/prose-cells";
import { normalizeLabel } from "../schema/fields";
import { scoresFor, type IndicatorScore } from "../scoring/score";
import { showNumber } from "../scoring/indicator-value";
import { moneyFactor } from "../units";
import { formatDecimals } from "../narrative/phrase";

/** Message ids of prose-indicator-matches. */
export type MessageId = "actualMismatch" | "rateMismatch" | "claimsAllMet";

/**
 * A claim that every indicator (or target) was met: 各项绩效指标均已完成 / 绩效目标全部实现 / 全面完成年度绩效目标 /
 * 产出指标均达到预期. Group 1: the words before 指标 / 目标 (a 一级 group named there narrows the claim).
 */
const ALL_MET = [
  /((?:各项|所有|全部|各)?[\u4e00-\u9fa5]{0,8}?)(?:绩效)?(?:指标|目标)(?:任务|值)?(?:均|全部|都|全面|圆满)(?:已经|已|按期|如期|顺利|得到)?(?:完成|达成|实现|达到|达标)/,
  /(?:全部|全面|圆满|均)(?:已经|已)?(?:完成|达成|实现|达到)了?((?:各项|所有|全部)?[\u4e00-\u9fa5]{0,8}?)(?:绩效)?(?:目标|指标)/,
];
/** Words that make a claim a plan, a requirement or a hedge, not a statement of the year's result. */
const NOT_A_RESULT = /确保|力争|争取|要求|计划|将|下一步|明年|下年|未|没有|尚未|基本|大部分|部分|多数|绝大|其余|其他|除|整改/;
/** A sentence that names its own exception (…均已完成，但参保率未达到目标): no claim of every indicator. */
const EXCEPTION = /(?:但|除|其余|其他|只有|仅)[^。]*?(?:未|没有|尚未|差|低于|不足|偏低)/;

/** Words before a number (in its clause) that make it a target, not an achievement. */
const TARGET_BEFORE = /年初|设定|目标|计划|预期|预计|指标值|不低于|不少于|不高于|不超过|力争|确保|要求|标准|上年|去年|同期|以上|以下/;
/** Words right after a number that make it a target or a threshold. */
const TARGET_AFTER = /^(?:的?(?:年度)?(?:目标|指标|要求|标准)|及?以上|及?以下|以内|左右)/;

/** Words before an indicator's name that leave its scope as it is. */
const NO_SCOPE = /^(?:其中|实际|完成|实现|达到|达|全年|年度|本年度?|当年|累计完成|项目)*$/;

interface Named {
  readonly name: string;
  readonly value: number;
  readonly decimals: number;
  readonly unit: string;
  readonly shown: string;
  readonly ref: CellRef;
  readonly indicator: string;
  /** The 年度指标值 in the same unit, when it is a plain “at least” or “equal” target. */
  readonly target?: number;
  readonly targetShown?: string;
}

function cellText(cell: { readonly value?: unknown } | undefined): string {
  const v = cell?.value;
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

/** An indicator's name as prose writes it: `指标1：基本支出（万元）` → `基本支出`. */
function cleanName(level3: string): string {
  return normalizeLabel(level3.replace(/^\s*(?:指标\s*\d+|\d+)\s*[:：、.．]\s*/, "").replace(/[（(][^）)]*[）)]\s*$/, ""));
}

/** Values the text names indicators by must be their 实际完成值. */
export const proseIndicatorMatches = defineRule<MessageId>({
  id: "prose-indicator-matches",
  meta: {
    type: "problem",
    docs: { description: "文字中以指标名称写出的完成情况（如“参保群众满意率88%”）应与绩效指标表的实际完成值一致。", recommended: true },
    messages: {
      "actualMismatch": "文字“{{phrase}}”与绩效指标“{{indicator}}”的实际完成值 {{actual}}（{{cell}}）不一致，请核对文字或指标表。",
      "rateMismatch": "文字中的完成率“{{phrase}}”有误：“{{stated}}”÷ 绩效指标“{{indicator}}”的年度指标值 {{target}} 应为 {{expected}}。",
      "claimsAllMet": "文字“{{phrase}}”说指标全部完成，但绩效指标“{{indicator}}”的实际完成值 {{actual}} 未达到年度指标值 {{target}}（{{cell}}）{{more}}；请改写文字或核对指标表。",
    },
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const rows = model.tables.jx_indicators?.rows ?? [];
        const named: Named[] = [];
        claimsAllMet(context, scoresFor(model, context.profile).indicators);
        for (const ind of scoresFor(model, context.profile).indicators) {
          const a = ind.actual;
          if (a.kind !== "number" || !ind.actualRef) continue;
          const name = cleanName(ind.level3);
          // A short name (参保率, 回访率) is said of many populations in one report: too ambiguous to compare.
          if (name.length < 4) continue;
          const unitCell = cellText(rows.find((r) => r.row === ind.row)?.cells.unit?.cell).trim();
          const percent = a.percent || (!a.unit && /^[%％]$/.test(unitCell));
          const unit = percent ? "%" : (a.unit ?? unitCell);
          // Money is the tables' (prose-amount-matches-table): an indicator 基本支出 of the whole department
          // is not what 局机关基本支出 states.
          if (!unit || moneyFactor(unit) !== undefined) continue;
          const value = a.percent ? a.value * 100 : a.value;
          const decimals = a.percent ? Math.max(0, a.decimals - 2) : a.decimals;
          const t = ind.target;
          const target =
            t.kind === "number" && t.percent === a.percent && (t.unit ?? "") === (a.unit ?? "") && t.value > 0 && (!t.sign || t.sign === "≥" || t.sign === "=") && ind.direction !== "≤"
              ? { target: a.percent ? t.value * 100 : t.value, targetShown: t.raw }
              : {};
          // A bare number beside its 度量单位 column (四川: 54 | %) is shown with that unit: “54%”.
          const raw = a.raw || showNumber(value);
          const shown = !a.percent && !a.unit && unitCell && !raw.endsWith(unitCell) ? `${raw}${unitCell}` : raw;
          named.push({ name, value, decimals, unit, shown, ref: ind.actualRef, indicator: ind.level3.trim(), ...target });
        }
        if (named.length === 0) return;
        const year = reportYear(model);
        for (const pc of proseCells(model)) {
          // The 年度总体目标's 预期目标 states targets, not what was achieved.
          if (isGoalCell(model, pc.ref)) continue;
          for (const q of pc.analysis.quantities) {
            if (q.kind === "year" || q.approx || q.direction || q.changeTo || q.comparator) continue;
            // “经办业务网办率完成54%”: the verb of achievement between the name and its value is no part of the name.
            const label = normalizeLabel(q.label).replace(/(?:实际)?(?:完成值为|完成值|完成了|完成)$/, "");
            if (label.length < 4) continue;
            // The label is the indicator's name, with at most words that add no scope (全市医疗保险参保人数 is
            // not the indicator 参保人数, which may count one scheme).
            // A count's name is written without its 数 / 数量 before the figure (检查定点医药机构531家 for the
            // indicator 检查定点医药机构数).
            const names = (n: Named): string[] => {
              const stem = n.name.replace(/(?:个数|数量|数)$/, "");
              return stem !== n.name && stem.length >= 4 ? [n.name, stem] : [n.name];
            };
            const matches = named.filter((n) => names(n).some((x) => label.endsWith(x) && NO_SCOPE.test(label.slice(0, label.length - x.length))) && sameUnit(q, n.unit));
            // A name several indicators share, or the same indicator twice (two rows): not one value.
            if (matches.length !== 1) continue;
            const n = matches[0];
            // 配置适老化设备36台，完成率为90.00%: the rate the sentence gives for the value it states, against
            // the indicator's target.
            const next = pc.analysis.quantities[pc.analysis.quantities.indexOf(q) + 1];
            if (n.target !== undefined && next?.kind === "percent" && next.sentence.index === q.sentence.index && /完成(?:率|比例|比率)?$/.test(normalizeLabel(next.label)) && next.start - q.end <= 8 && !next.approx) {
              const expected = (q.value / n.target) * 100;
              const tol = 0.5 * Math.pow(10, -next.decimals) + ((0.5 * Math.pow(10, -q.decimals)) / n.target) * 100 + 1e-9;
              if (Math.abs(next.value - expected) > tol) {
                const shown = `${formatDecimals(expected, next.decimals)}%`;
                context.report({
                  at: pc.ref,
                  messageId: "rateMismatch",
                  field: pc.field,
                  data: { phrase: next.text, stated: q.text, indicator: n.indicator, target: n.targetShown ?? showNumber(n.target), cell: formatRef(n.ref), expected: shown },
                  expected: shown,
                  actual: next.text,
                });
              }
            }
            // The clause before the number, less the indicator's own name (which may hold 目标 or 计划).
            const clause = normalizeLabel(pc.text.slice(q.sentence.start, q.start).split(/[，,；;]/).pop() ?? "");
            const own = names(n).find((x) => clause.endsWith(x));
            const before = own ? clause.slice(0, clause.length - own.length) : clause;
            if (TARGET_BEFORE.test(before) || TARGET_AFTER.test(pc.text.slice(q.end).trimStart())) continue;
            // Another year's figure (2020年参保率… in a 2021 report).
            if (year !== undefined && pc.analysis.quantities.some((y) => y.kind === "year" && y.sentence.index === q.sentence.index && y.start < q.start && y.value !== year)) continue;
            const tol = 0.5 * Math.pow(10, -q.decimals) + 0.5 * Math.pow(10, -n.decimals) + 1e-9;
            if (Math.abs(q.value - n.value) <= tol) continue;
            context.report({
              at: pc.ref,
              messageId: "actualMismatch",
              field: pc.field,
              data: { phrase: q.text, indicator: n.indicator, actual: n.shown, cell: formatRef(n.ref) },
              expected: n.shown,
              actual: q.text,
            });
          }
        }
      },
    };
  },
});

/** A text claiming every indicator met while the table scores one not met: one finding per claim. */
function claimsAllMet(context: Parameters<(typeof proseIndicatorMatches)["create"]>[0], indicators: readonly IndicatorScore[]): void {
  const unmet = indicators.filter((i) => i.met === false && i.target.kind === "number" && i.actual.kind === "number" && i.actualRef);
  if (unmet.length === 0) return;
  const groups = [...new Set(indicators.map((i) => normalizeLabel(i.level1)).filter((g) => g.length >= 2))];
  for (const pc of proseCells(context.model)) {
    if (isGoalCell(context.model, pc.ref)) continue;
    for (const sentence of pc.analysis.sentences) {
      const text = sentence.text.replace(/\s+/g, "");
      for (const re of ALL_MET) {
        const m = re.exec(text);
        if (!m) continue;
        if (EXCEPTION.test(text)) break;
        // The clause of the claim: no plan, requirement or hedge in it, nor right before it.
        const clause = text.slice(0, m.index + m[0].length).split(/[，,；;：:]/).pop() ?? "";
        if (NOT_A_RESULT.test(clause) || NOT_A_RESULT.test(m[0])) break;
        // 产出指标均已完成: the claim is the 产出 group's only.
        const named = groups.filter((g) => m[0].includes(g) || m[0].includes(g.replace(/指标$/, "")));
        const scope = named.length === 1 ? unmet.filter((i) => normalizeLabel(i.level1) === named[0]) : named.length === 0 ? unmet : [];
        if (scope.length === 0) break;
        const first = scope[0];
        context.report({
          at: pc.ref,
          messageId: "claimsAllMet",
          field: pc.field,
          data: {
            // 我局各项绩效指标均已完成 → 各项绩效指标均已完成: the claim from its quantifier on.
            phrase: re === ALL_MET[0] ? m[0].replace(/^.*?(?=各项|所有|全部|年度|绩效)/, "") : m[0],
            indicator: first.level3.trim() || first.level2.trim(),
            actual: first.actual.raw,
            target: first.target.raw,
            cell: formatRef(first.actualRef as CellRef),
            more: scope.length > 1 ? `等${scope.length}项` : "",
          },
          actual: m[0],
        });
        break;
      }
    }
  }
}

/** A 预期目标 / 年度目标 heading: the cells under it (or right of it) state the year's targets. */
const GOAL_HEADING = /^(?:预期|年度|绩效|总体)*目标(?:值|内容)?$/;

/** Whether the cell is a goal's text: under a 预期目标 heading (three rows up) or right of one. */
function isGoalCell(model: ReportModel, ref: CellRef): boolean {
  const sheet = model.snapshot.sheets.find((s) => s.name === ref.sheet);
  if (!sheet) return false;
  const { row, col } = parseA1(ref.address);
  const heading = (r: number, c: number): boolean => {
    const v = r >= 1 && c >= 1 ? sheet.cells[toA1({ row: r, col: c })]?.value : undefined;
    return typeof v === "string" && GOAL_HEADING.test(normalizeLabel(v));
  };
  for (let r = row - 1; r >= row - 3; r--) if (heading(r, col)) return true;
  for (let c = col - 1; c >= col - 3; c--) if (heading(row, c)) return true;
  return false;
}

/** Whether a prose quantity is in the indicator's unit (a percentage for a percentage). */
function sameUnit(q: ProseQuantity, unit: string): boolean {
  if (unit === "%") return q.kind === "percent";
  return q.kind !== "percent" && q.unit === unit;
}

export default proseIndicatorMatches;
