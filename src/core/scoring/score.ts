/**
 * Scoring: 预算执行率, every indicator, the 一级/二级 subtotals, the 综合得分 and the 等次, computed by a
 * profile's rules (../shared/domain.md §1) next to what the workbook says. Rules compare the two; fill
 * writes the computed values into blank cells.
 */
import type { CellRef, CellSnapshot } from "../model/snapshot";
import type { BoundCell, ReportModel, TableRow } from "../model/report-model";
import { normalizeLabel } from "../schema/fields";
import { convertUnit, moneyFactor, parseCell, roundTo, toHalfWidth } from "../units";
import {
  directionKind,
  directionName,
  matchTier,
  parseDirection,
  readIndicatorValue,
  reconcile,
  showNumber,
  type Direction,
  type IndicatorNumber,
  type IndicatorValue,
} from "./indicator-value";
import { readMoneyScalar } from "../relations/footing";
import { correctedFigure } from "../relations/unit-mistakes";
import { settledFigure } from "../relations/cause";
import type { GradeBand, IndicatorRule, QualitativeTier, ScoringProfile } from "./types";
import { settle, type SettleCell, type SettleSum, type Settled } from "./settle";
import { extend } from "../rules/lib/extend";
import { checkRate, readRate } from "../rules/lib/rates";

/** Why an indicator could not be scored by formula. */
export interface IndicatorProblem {
  readonly code: "missing-target" | "missing-actual" | "unreadable-target" | "unreadable-actual" | "unit-mismatch" | "ambiguous-percent";
  /** Chinese detail for messages (the units, the text that could not be read). */
  readonly detail: string;
  /** The cell the problem is about. */
  readonly at?: CellRef;
}

/** One 三级指标 row, scored. */
export interface IndicatorScore {
  /** 1-based sheet row. */
  readonly row: number;
  /** The 得分 cell (absent when the table has no 得分 column). */
  readonly ref?: CellRef;
  readonly weightRef?: CellRef;
  readonly targetRef?: CellRef;
  readonly actualRef?: CellRef;
  readonly reasonRef?: CellRef;
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
  readonly direction?: Direction;
  /** Where the direction came from: the 指标方向 column, the target's leading sign, or the default. */
  readonly directionSource?: "column" | "target" | "default";
  readonly target: IndicatorValue;
  readonly actual: IndicatorValue;
  readonly weight?: number;
  /** The 得分 as written, when it is a number. */
  readonly written?: number;
  /** The 得分 cell holds something that is not a number. */
  readonly writtenText?: string;
  /** The score by the profile's formula (定量 only). */
  readonly expected?: number;
  readonly met?: boolean;
  /** The formula in words: `反向指标未达成：(1 − (1707.31 − 1632.87) ÷ 1632.87) × 15 = 14.32`. */
  readonly formulaText?: string;
  /** 定性: the tier the 完成值 selects. */
  readonly tier?: QualitativeTier;
  /** 定性: the score range of that tier, rounded like the platform (`round(w×k, 2)`). */
  readonly tierRange?: { readonly min: number; readonly max: number; readonly maxInclusive: boolean };
  /**
   * 定性 by a deadline (`2022年12月底前` / `2023年3月完成`): the 完成值's date is after it, so no tier follows
   * from words (`完成` is late), and the score is the evaluator's judgement.
   */
  readonly late?: true;
  readonly problem?: IndicatorProblem;
  /**
   * The 实际完成值 of a money indicator off by 10 000 against its target (元 typed in a 万元 indicator):
   * scored as corrected; no-unit-mistake reports it at the cell. `cell` says which of the two slipped: the
   * 完成值, unless it is a figure of the form's own money table and the 年度指标值 is not.
   */
  readonly unitSlip?: {
    readonly at: CellRef;
    readonly written: number;
    readonly corrected: number;
    readonly unit: string;
    readonly factor: number;
    readonly cell: "actual" | "target";
  };
  /**
   * The 得分 that makes the 得分汇总 and the 总分 hold, when this written 得分 is their cause (settle.ts):
   * sums use it; the rules report the written one at its cell.
   */
  readonly settled?: number;
}

/** A subtotal: a jx_score_summary row (or a 一级 group of the indicators when there is no summary). */
export interface GroupScore {
  /** The label as written (`产出指标`, `产出指标/数量指标`, `预算执行率`, `合计`). */
  readonly group: string;
  readonly level: "exec" | "level1" | "level2" | "total";
  readonly row?: number;
  /** The 得分 cell of the summary row. */
  readonly ref?: CellRef;
  readonly weightRef?: CellRef;
  /** The 分值 written on the summary row, else the sum of its indicators' 分值. */
  readonly weight?: number;
  /** The 分值 written on the summary row (undefined when blank). */
  readonly weightWritten?: number;
  /** The sum of its indicators' 分值. */
  readonly indicatorWeight?: number;
  /** The sum of its indicators' 得分 (written, else computed); undefined when one is unknown. */
  readonly expected?: number;
  /** The 得分 written on the summary row. */
  readonly written?: number;
  /** Rows of the indicators it sums. */
  readonly indicatorRows: readonly number[];
}

/** A group of the profile (产出 50 …) with what the workbook gives it. */
export interface ProfileGroupScore {
  readonly group: string;
  readonly profileWeight: number;
  /** Σ 分值 of the indicators in the group. */
  readonly weight: number;
  readonly indicatorRows: readonly number[];
  /** The first 分值 cell of the group, to point findings at. */
  readonly at?: CellRef;
}

/** The scores of a workbook. */
export interface ScoreResult {
  readonly profile: string;
  /** 执行数 ÷ 全年预算数 (a fraction), from the amounts, else as written in jx_exec_rate. */
  readonly execRate?: number;
  /** Where execRate came from: the amounts (执行数 ÷ 全年预算数) or the rate cell as written. */
  readonly execRateSource?: "amounts" | "written";
  /**
   * True when an amount behind execRate was flagged as a 元/万元 slip (relations/unit-mistakes) and its
   * corrected value was used instead: execFormula says so, and so does the reason fill gives for the
   * rate and score it writes (they are right once the slip is fixed; no-unit-mistake reports the slip).
   */
  readonly execAmountsCorrected?: boolean;
  /**
   * True when the 预算执行率 and its 得分 as written agree with each other and not with 全年执行数 ÷
   * 全年预算数: an amount is the slip (exec-rate-matches reports it there), and the rate as written is
   * scored (execRateSource "written"), so the 得分 and the 得分汇总 are not questioned for it.
   */
  readonly execAmountsSuspect?: boolean;
  /** The weight of 预算执行率: jx_exec_weight, else the profile's. */
  readonly execWeight: number;
  /** min(执行率, 1) × 分值, rounded. */
  readonly execScore?: number;
  /** jx_exec_score as written. */
  readonly execScoreWritten?: number;
  readonly execFormula?: string;
  /** The workbook sets a 预算执行率 (amounts, rate, 分值, 得分, or a row for it); when not, the indicators carry the whole total. */
  readonly execPresent: boolean;
  /** The 预算执行率 row of jx_indicators, when the table lists one. */
  readonly execRow?: ExecRow;
  readonly indicators: readonly IndicatorScore[];
  /**
   * Rows of the indicator table the form leaves unscored on purpose (a 定性 item listed for its 完成情况,
   * 分值 and 得分 blank, the other 分值 already making up the total): not in `indicators`.
   */
  readonly unscoredRows?: readonly number[];
  readonly groups: readonly GroupScore[];
  readonly profileGroups: readonly ProfileGroupScore[];
  /**
   * 一级 groups of the indicators that no group of the profile matches (投入, 过程 of the 财预〔2013〕53号
   * framework): the workbook follows another scheme, whose group weights the profile cannot judge.
   */
  readonly otherGroups?: readonly string[];
  /**
   * 预算执行率得分 (computed, else written) + Σ indicator 得分 (written where written — a clerk may have a
   * reason — else computed); undefined when one is unknown.
   */
  readonly total?: number;
  readonly totalFormula?: string;
  /** jx_score_total as written. */
  readonly totalWritten?: number;
  /** The band of `total`. */
  readonly grade?: GradeBand;
  /** jx_grade as written. */
  readonly gradeWritten?: string;
  /** The weight and score cells found to be the cause of a mismatch (settle.ts), scored at their corrected value. */
  readonly settled?: SettledScores;
}

/** What settle.ts found: causes, and the indicators that could each be the cause of a subtotal's mismatch. */
export interface SettledScores {
  readonly weights: readonly Settled[];
  readonly scores: readonly Settled[];
  /** A 得分汇总 row that agrees with the 总分 while its indicators do not add up to it, no single one of them certain. */
  readonly ambiguous?: { readonly group: GroupScore; readonly cells: readonly SettleCell[] };
  /** The 分值 cells that could each make the weights total hold, none certain (weights-sum names them). */
  readonly weightCandidates?: readonly SettleCell[];
}

/**
 * A number read from a cell (weight, score), or undefined. A weight or score shown as a percentage (`15%`:
 * a 权重 column some provinces' forms fill in percent, typed 15% and stored 0.15) is that many points out of
 * 100, as the clerk reads it.
 */
export function cellNumber(cell: CellSnapshot | undefined): number | undefined {
  const p = parseCell(cell);
  if (p.kind !== "number") return undefined;
  return p.percent ? roundTo(p.value * 100, 10) : p.value;
}

function cellText(cell: CellSnapshot | undefined): string {
  const v = cell?.value;
  return v === null || v === undefined ? "" : String(v).trim();
}

/** Round a score the profile's way. */
export function roundScore(value: number, profile: ScoringProfile): number {
  // Binary noise (14.315000000000001) must not decide the rounding: clean to 10 places first.
  return roundTo(roundTo(value, 10), profile.scoreDecimals);
}

/** The grade band a score falls in (lower bound inclusive). */
export function gradeFor(score: number, profile: ScoringProfile): GradeBand | undefined {
  const bands = [...profile.grades].sort((a, b) => b.min - a.min);
  return bands.find((b) => score >= b.min - 1e-9);
}

/** Whether a written grade names this band (优 or 优秀 …). */
export function gradeMatches(written: string, band: GradeBand): boolean {
  const s = gradeWord(written);
  const names = [band.grade, band.label ?? band.grade, ...band.aliases].map((n) => normalizeLabel(n));
  return names.includes(s) || names.some((n) => n.length > 1 && s === `${n}等`) || s === `${normalizeLabel(band.grade)}等`;
}

/** Marks that tick a printed choice (☑优, 优☑, √优, 优秀（√）). */
const TICKS = "☑✅■√✓✔☒●◼▣";
/** Boxes left empty beside the other choices. */
const BOXES = "□☐○◯";
/** A choice: a mark or box before it, a word (优, 良好, 不合格, A级), a mark or box after it or in brackets. */
const CHOICE = new RegExp(`([${TICKS}${BOXES}]?)\\s?([\\u4e00-\\u9fff]{1,4}|[A-DＡ-Ｄ]级?)(?:[（(]\\s*([${TICKS}]?)\\s*[)）]|([${TICKS}${BOXES}]?))`, "g");
const TICKED = new RegExp(`[${TICKS}]`);

/**
 * A grade written as the printed form's choices with one ticked — `☑优 □良 □中 □差`, `优☑ 良□ 中□ 差□`,
 * `√优  良  中  差`, `优秀（√） 良好（ ） 合格（ ）` — read as the ticked word; undefined unless exactly one of
 * two or more choices is ticked.
 */
export function tickedChoice(written: string): { word: string; rewrite: (to: string) => string } | undefined {
  if (!TICKED.test(written)) return undefined;
  const found = [...written.matchAll(CHOICE)].map((m) => ({ m, ticked: [m[1], m[3], m[4]].some((x) => x !== undefined && x !== "" && TICKS.includes(x)) }));
  const ticked = found.filter((c) => c.ticked);
  if (found.length < 2 || ticked.length !== 1) return undefined;
  const from = ticked[0];
  const emptyBox = found.find((c) => !c.ticked && c.m[1])?.m[1] ?? found.find((c) => !c.ticked && c.m[4])?.m[4] ?? "";
  return {
    word: from.m[2],
    // The same choices with the tick moved to `to` (one of them), undefined-safe: the text unchanged otherwise.
    rewrite: (to: string): string => {
      const target = found.find((c) => normalizeLabel(c.m[2]) === normalizeLabel(to));
      if (!target || target === from) return written;
      const mark = (c: typeof from, tick: boolean): string => {
        const [whole, before, word, inside, after] = c.m;
        const tickChar = [from.m[1], from.m[3], from.m[4]].find((x) => x && TICKS.includes(x)) ?? "☑";
        if (inside !== undefined) return whole.replace(/[（(]\s*[^)）]*\s*[)）]$/, tick ? `（${tickChar}）` : "（ ）");
        const space = whole.slice((before ?? "").length, whole.length - word.length - (after ?? "").length);
        const box = tick ? tickChar : emptyBox;
        if (from.m[1]) return before ? `${box}${space}${word}${after ?? ""}` : `${space}${box}${word}${after ?? ""}`;
        return `${before ?? ""}${space}${word}${box}`;
      };
      let out = "";
      let last = 0;
      for (const c of found) {
        const i = c.m.index ?? 0;
        out += written.slice(last, i) + (c === from ? mark(c, false) : c === target ? mark(c, true) : c.m[0]);
        last = i + c.m[0].length;
      }
      return out + written.slice(last);
    },
  };
}

/**
 * `written` printed as choices with one ticked (☑优 □良 …), with the tick moved to `band`'s choice (its grade,
 * label, aliases or `word`); undefined when `written` is no such text or names none of them.
 */
export function retickedFor(written: string, band: GradeBand, word?: string): string | undefined {
  const ticked = tickedChoice(written);
  if (!ticked) return undefined;
  return [band.grade, band.label ?? band.grade, ...band.aliases, ...(word ? [word] : [])].map((w) => ticked.rewrite(w)).find((t) => t !== written);
}

/**
 * The grade a clerk typed, without a label before it or the score written beside it: “等次：良好” → 良好,
 * “评价等次：优” → 优, “优（92分）” → 优, “良 85.5分” → 良 (normalised: no spaces, half-width).
 */
export function gradeWord(written: string): string {
  return normalizeLabel(tickedChoice(written)?.word ?? written)
    .replace(/[“”"'「」]/g, "")
    .replace(/^(?:自评|评价|绩效)?(?:等次|等级|结果)[:：]/, "")
    .replace(/[(（][^()（）]*\d[^()（）]*[)）]$/, "")
    .replace(/[,，]?\d+(?:\.\d+)?分$/, "");
}

/** The text fill writes for a band. */
export function gradeLabel(band: GradeBand): string {
  return band.label ?? band.grade;
}

/** Strip 指标/目标 and brackets so that 产出指标 = 产出, 社会效益指标 = 社会效益. */
export function groupKey(label: string): string {
  return normalizeLabel(label)
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/(指标|目标)$/, "");
}

/**
 * The label keys of one scoring run, memoised by label. A workbook's indicators repeat a handful of
 * 一级/二级 labels and each key is a chain of regex replaces (normalizeLabel), and the same labels are asked
 * again for every indicator × profile group: this keeps it to one normalisation per distinct label.
 * Made per {@link scoreWorkbook} call, so nothing is shared between workbooks.
 */
class LabelKeys {
  private readonly norms = new Map<string, string>();
  private readonly groupKeys = new Map<string, string>();
  private readonly level1Keys = new Map<string, string>();
  private readonly profileGroups = new Map<string, string | undefined>();
  private readonly rules = new Map<string, IndicatorRule | undefined>();

  constructor(private readonly profile: ScoringProfile) {}

  /** normalizeLabel, memoised. */
  norm(label: string): string {
    let k = this.norms.get(label);
    if (k === undefined) this.norms.set(label, (k = normalizeLabel(label)));
    return k;
  }

  /** {@link groupKey}, memoised. */
  groupKey(label: string): string {
    let k = this.groupKeys.get(label);
    if (k === undefined) {
      k = this.norm(label)
        .replace(/[(（][^)）]*[)）]/g, "")
        .replace(/(指标|目标)$/, "");
      this.groupKeys.set(label, k);
    }
    return k;
  }

  /** The canonical 一级 group of a label (产出 / 效益 / 满意度), else its {@link groupKey}. */
  level1Key(label: string): string {
    let k = this.level1Keys.get(label);
    if (k === undefined) {
      const g = this.groupKey(label);
      k = g.includes("产出") ? "产出" : g.includes("满意") ? "满意度" : g.includes("效益") ? "效益" : g;
      this.level1Keys.set(label, k);
    }
    return k;
  }

  /** The profile group (产出 50 …) a 一级 label belongs to: by its key, else by its canonical 一级 group. */
  profileGroup(level1: string): string | undefined {
    if (this.profileGroups.has(level1)) return this.profileGroups.get(level1);
    const k = this.groupKey(level1);
    const groups = this.profile.groups;
    let hit = groups.find((g) => g.matches.some((m) => this.groupKey(m) === k) || this.groupKey(g.group) === k)?.group;
    if (hit === undefined) {
      const canonical = this.level1Key(level1);
      hit = groups.find((g) => g.matches.some((m) => this.level1Key(m) === canonical))?.group;
    }
    this.profileGroups.set(level1, hit);
    return hit;
  }

  /** The profile's own rule for a 三级指标 (人员控制率 …), by its normalised name; undefined for the formula. */
  indicatorRule(level3: string): IndicatorRule | undefined {
    if (this.rules.has(level3)) return this.rules.get(level3);
    const k = this.norm(level3);
    const rule = (this.profile.indicatorRules ?? []).find((ir) => ir.matches.some((m) => k.includes(this.norm(m))));
    this.rules.set(level3, rule);
    return rule;
  }

  /** A label naming the 预算执行率 (执行率, 预算执行, 资金执行). */
  isExecLabel(label: string): boolean {
    const k = this.norm(label);
    return k.includes("执行率") || k.includes("预算执行") || k.includes("资金执行");
  }

  /** A label naming the total (合计, 总分, 综合得分 …). */
  isTotalLabel(label: string): boolean {
    return TOTAL_LABEL.test(this.norm(label));
  }
}

/** The money figures of a form (its 预算数 and 执行数), in its money unit: what a money indicator is checked against. */
export interface MoneyFigures {
  readonly unit?: string;
  readonly values: readonly number[];
}
const NO_MONEY: MoneyFigures = { values: [] };

function moneyFiguresOf(model: ReportModel): MoneyFigures {
  const values: number[] = [];
  for (const id of ["jx_budget_initial", "jx_budget_adjusted", "jx_executed"] as const) {
    const v = cellNumber(model.scalars[id]?.cell);
    if (v !== undefined && v > 0) values.push(v);
  }
  return { unit: model.moneyUnit, values };
}

function bound(row: TableRow, key: string): BoundCell | undefined {
  return row.cells[key];
}

/** Whether a 完成值 restates the 年度指标值 as done: the same words, or them after 已 / 已经 / 均已 (`已建立`). */
function restates(actual: string, target: string): boolean {
  const squeeze = (t: string): string => toHalfWidth(t).replace(/\s+/g, "").replace(/[。.]$/, "");
  const a = squeeze(actual);
  const t = squeeze(target);
  return t !== "" && (a === t || a.replace(/^(?:已经|均已|全部|已)/, "") === t.replace(/^(?:已经|均已|全部|已)/, ""));
}

/** A date written as `2022年12月（31日）`: year, month and day (the month's end when no day is written). */
function writtenDate(text: string): number | undefined {
  const m = /((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/.exec(toHalfWidth(text).replace(/\s+/g, ""));
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return Number(m[1]) * 10000 + month * 100 + (m[3] !== undefined ? Number(m[3]) : 31);
}

/**
 * A deadline target (`2022年12月底前`, `2022年6月30日前完成`) against the 完成值's date (`2023年3月完成`):
 * true when done by then, false when after, undefined when either is no date.
 */
function metDeadline(target: string, actual: string): boolean | undefined {
  if (!/(?:前|以前|之前|止)(?:完成)?$/.test(toHalfWidth(target).replace(/\s+/g, "").replace(/[。.]$/, ""))) return undefined;
  const due = writtenDate(target);
  const done = writtenDate(actual);
  return due === undefined || done === undefined ? undefined : done <= due;
}

/** Score one row of jx_indicators. */
export function scoreIndicatorRow(
  row: TableRow,
  profile: ScoringProfile,
  weightOverride?: number,
  keys: LabelKeys = new LabelKeys(profile),
  money: MoneyFigures = NO_MONEY,
): IndicatorScore {
  const target = readIndicatorValue(bound(row, "target")?.cell);
  const actual = readIndicatorValue(bound(row, "actual")?.cell);
  // A 分值 settled as the cause of a weights mismatch (settle.ts) is scored at its corrected value.
  const weight = weightOverride ?? cellNumber(bound(row, "weight")?.cell);
  const scoreCell = bound(row, "score")?.cell;
  const written = cellNumber(scoreCell);
  const writtenText = written === undefined && cellText(scoreCell) ? cellText(scoreCell) : undefined;
  const base = {
    row: row.row,
    ref: bound(row, "score")?.ref,
    weightRef: bound(row, "weight")?.ref,
    targetRef: bound(row, "target")?.ref,
    actualRef: bound(row, "actual")?.ref,
    reasonRef: bound(row, "reason")?.ref,
    level1: row.level1 ?? cellText(bound(row, "level1")?.cell),
    level2: row.level2 ?? cellText(bound(row, "level2")?.cell),
    level3: cellText(bound(row, "level3")?.cell),
    target,
    actual,
    weight,
    written,
    writtenText,
  };
  // Direction: the 指标方向 column, else the target's leading sign, else 定性 for text and = for numbers.
  let direction: Direction | undefined = parseDirection(bound(row, "direction")?.cell?.value ?? undefined);
  let directionSource: IndicatorScore["directionSource"] = direction ? "column" : undefined;
  if (!direction && target.kind === "number" && target.sign) {
    direction = target.sign;
    directionSource = "target";
  } else if (!direction && target.kind === "text") {
    direction = "定性";
    directionSource = "default";
  } else if (!direction && target.kind === "number") {
    direction = "=";
    directionSource = "default";
  }
  if (!direction) return { ...base };

  if (direction === "定性") {
    const text = actual.kind === "text" ? actual.text : target.kind === "text" && actual.kind === "blank" ? "" : actual.raw;
    const top = Math.max(...profile.qualitativeTiers.map((t) => t.min));
    const reached = profile.qualitativeTiers.findIndex((t) => t.min === top);
    // A deadline (`2022年12月底前`) against the date it was done (`2023年3月完成`): on time is reached; late is
    // no tier the words could tell (the 完成 in it was late).
    const onTime = target.kind === "text" && text ? metDeadline(target.text, text) : undefined;
    if (onTime === false) return extend(base, { direction, directionSource, late: true as const });
    let index = onTime ? reached : text ? matchTier(text, profile.qualitativeTiers) : undefined;
    // A 完成值 that repeats the 年度指标值 word for word (`稳步提高` / `稳步提高`), or says it is done
    // (`已建立` for `建立`), states the target was reached.
    if (index === undefined && text && target.kind === "text" && restates(text, target.text) && reached >= 0) index = reached;
    const tier = index === undefined ? undefined : profile.qualitativeTiers[index];
    const tierRange =
      tier && weight !== undefined
        ? { min: roundTo(weight * tier.min, 2), max: roundTo(weight * tier.max, 2), maxInclusive: tier.maxInclusive }
        : undefined;
    return extend(base, { direction, directionSource, tier, tierRange });
  }

  const q = extend(base, { direction, directionSource });
  if (target.kind === "blank") return extend(q, { problem: { code: "missing-target", detail: "年度指标值为空", at: base.targetRef } satisfies IndicatorProblem });
  if (target.kind !== "number") return extend(q, { problem: { code: "unreadable-target", detail: target.raw, at: base.targetRef } satisfies IndicatorProblem });
  if (actual.kind === "blank") return extend(q, { problem: { code: "missing-actual", detail: "实际完成值为空", at: base.actualRef } satisfies IndicatorProblem });
  if (actual.kind !== "number") return extend(q, { problem: { code: "unreadable-actual", detail: actual.raw, at: base.actualRef } satisfies IndicatorProblem });
  const r = reconcile(target, actual);
  if (!r.ok) {
    return extend(q, {
      problem: {
        code: r.problem,
        detail: r.problem === "unit-mismatch" ? `${r.unitA || "无单位"} 与 ${r.unitB || "无单位"}` : `${target.raw} 与 ${actual.raw}`,
        at: base.actualRef,
      } satisfies IndicatorProblem,
    });
  }
  // A money indicator whose 完成值 is 10 000 times its target (or a 10 000th) was typed in the other
  // unit: score the corrected value, and say so (no-unit-mistake reports it at the cell).
  const unit = r.unit ?? (cellText(bound(row, "unit")?.cell) || undefined);
  let unitSlip: IndicatorScore["unitSlip"];
  if (unit && !r.percent && moneyFactor(unit) !== undefined && r.a > 0 && r.b > 0 && base.actualRef) {
    for (const factor of [1 / 10000, 10000]) {
      const fixed = r.b * factor;
      const near = (x: number, y: number): boolean => x / y >= 1 / 3 && x / y <= 3;
      if (near(fixed, r.a) && !near(r.b, r.a)) {
        // Which of the two was typed in the other unit: the one that is not a figure of the form's money
        // table (a 成本指标 of 215.11万元 whose 完成值 is the table's 全年执行数 215.11 has its target slipped).
        const toUnit = money.unit !== undefined ? (moneyFactor(money.unit) ?? 1) / (moneyFactor(unit) ?? 1) : 1;
        const isFigure = (x: number): boolean => money.values.some((m) => Math.abs(m * toUnit - x) <= 0.005 * Math.max(1, toUnit));
        unitSlip =
          base.targetRef && isFigure(r.b) && !isFigure(r.a)
            ? { at: base.targetRef, written: r.a, corrected: roundTo(r.a / factor, 6), unit, factor: 1 / factor, cell: "target" }
            : { at: base.actualRef, written: r.b, corrected: roundTo(fixed, 6), unit, factor, cell: "actual" };
        break;
      }
    }
  }
  const a = unitSlip?.cell === "target" ? unitSlip.corrected : r.a;
  const b = unitSlip?.cell === "actual" ? unitSlip.corrected : r.b;
  if (weight === undefined) return unitSlip ? extend(q, { unitSlip }) : q;
  const rule = keys.indicatorRule(base.level3);
  const computed = rule ? scoreByRule(rule, b, weight, r.percent, profile) : scoreByFormula(direction, a, b, weight, r.percent, r.unit, profile);
  return extend(extend(q, computed), unitSlip ? { unitSlip } : {});
}

interface Computed {
  readonly expected: number;
  readonly met: boolean;
  readonly formulaText: string;
}

function scoreByFormula(direction: Direction, a: number, b0: number, w: number, percent: boolean, unit: string | undefined, profile: ScoringProfile): Computed {
  const name = directionName(direction);
  const kind = directionKind(direction);
  const n = (x: number): string => showNumber(x, percent);
  const withUnit = (x: number): string => (percent ? n(x) : `${n(x)}${unit ?? ""}`);
  const W = showNumber(w);
  const round = (x: number): number => roundScore(x, profile);
  // The platform replaces a negative 完成值 by 0 before scoring [S2].
  const negativeNote = b0 < 0 ? `完成值 ${n(b0)} 为负数，按 0 计；` : "";
  const b = b0 < 0 ? 0 : b0;
  const full = (why: string): Computed => {
    const penalty = overTargetPenalty(kind, a, b, profile);
    if (!penalty) return { expected: round(w), met: true, formulaText: `${name}已达成：${negativeNote}${why}，得满分 ${W}` };
    const score = round(w * (1 - penalty.deduct));
    return {
      expected: score,
      met: true,
      formulaText:
        `${name}已达成：${why}，但超出指标值 ${showNumber(roundTo((b - a) / a, 4), true)}（(${n(b)} − ${n(a)}) ÷ ${n(a)}），` +
        `按偏离度扣 ${showNumber(penalty.deduct, true)} 分值：${W} × (1 − ${showNumber(penalty.deduct, true)}) = ${showNumber(score)}`,
    };
  };
  if (kind === "negative") {
    if (b <= a) return full(`${withUnit(b)} ≤ ${withUnit(a)}`);
    if (a <= 0) return { expected: 0, met: false, formulaText: `${name}未达成：${negativeNote}指标值为 ${n(a)}，完成值 ${withUnit(b)} 超过指标值，得 0 分` };
    if (profile.negative === "inverse-ratio") {
      const score = round((a / b) * w);
      return { expected: score, met: false, formulaText: `${name}未达成：${negativeNote}${n(a)} ÷ ${n(b)} × ${W} = ${showNumber(score)}` };
    }
    if (b >= 2 * a) {
      return { expected: 0, met: false, formulaText: `${name}未达成：${negativeNote}完成值 ${withUnit(b)} 达到指标值 ${withUnit(a)} 的 2 倍或以上，得 0 分` };
    }
    const score = round((1 - (b - a) / a) * w);
    return { expected: score, met: false, formulaText: `${name}未达成：${negativeNote}(1 − (${n(b)} − ${n(a)}) ÷ ${n(a)}) × ${W} = ${showNumber(score)}` };
  }
  if (kind === "equal" && a === 0) {
    if (b <= 0) return full(`指标值为 0，完成值 ${withUnit(b)} ≤ 0`);
    return { expected: 0, met: false, formulaText: `${name}未达成：指标值为 0，完成值 ${withUnit(b)} > 0，得 0 分` };
  }
  // 正向, and 等于 with a positive target (the platform scores it like 正向).
  if (b >= a) return full(`${withUnit(b)} ≥ ${withUnit(a)}`);
  if (a <= 0) return { expected: 0, met: false, formulaText: `${name}未达成：${negativeNote}指标值 ${n(a)} 不为正数，无法按比例计分，得 0 分` };
  const score = round((b / a) * w);
  return { expected: score, met: false, formulaText: `${name}未达成：${negativeNote}${n(b)} ÷ ${n(a)} × ${W} = ${showNumber(score)}` };
}

function overTargetPenalty(kind: string, a: number, b: number, profile: ScoringProfile): { deduct: number } | undefined {
  if (kind === "negative" || a <= 0 || profile.overTargetPenalty.length === 0) return undefined;
  const over = (b - a) / a;
  const steps = [...profile.overTargetPenalty].sort((x, y) => y.over - x.over);
  const step = steps.find((s) => over >= s.over - 1e-12);
  return step && step.deduct > 0 ? { deduct: step.deduct } : undefined;
}

function scoreByRule(rule: IndicatorRule, b: number, w: number, percent: boolean, profile: ScoringProfile): Computed {
  const n = (x: number): string => showNumber(x, percent);
  const W = showNumber(w);
  if (rule.kind === "deduct-per-point") {
    const beyond = rule.side === "over" ? b - rule.limit : rule.limit - b;
    if (beyond <= 1e-12) {
      return { expected: roundScore(w, profile), met: true, formulaText: `按${rule.source}评分标准：${n(b)} ${rule.side === "over" ? "≤" : "≥"} ${showNumber(rule.limit, true)}，得满分 ${W}` };
    }
    const points = roundTo(beyond * 100, 8);
    const step = rule.step ?? 1;
    const score = roundScore(Math.max(0, w - (rule.perPoint * points) / step), profile);
    const per = step === 1 ? `每个百分点扣 ${showNumber(rule.perPoint)} 分` : `每 ${showNumber(step)} 个百分点扣 ${showNumber(rule.perPoint)} 分`;
    return {
      expected: score,
      met: false,
      formulaText: `按${rule.source}评分标准（${per}）：${rule.side === "over" ? "超出" : "低于"} ${showNumber(points)} 个百分点，${W} − ${showNumber(rule.perPoint)} × ${showNumber(points)}${step === 1 ? "" : ` ÷ ${showNumber(step)}`} = ${showNumber(score)}`,
    };
  }
  const tier = rule.tiers.find((t) => (t.min !== undefined ? b >= t.min - 1e-12 : t.upTo !== undefined ? b <= t.upTo + 1e-12 : false));
  const share = tier?.share ?? 0;
  const score = roundScore(w * share, profile);
  const where = tier?.min !== undefined && Number.isFinite(tier.min) ? `≥ ${showNumber(tier.min, true)}` : tier?.upTo !== undefined && Number.isFinite(tier.upTo) ? `≤ ${showNumber(tier.upTo, true)}` : "不在以上档次";
  return { expected: score, met: share >= 1, formulaText: `按${rule.source}评分标准：${n(b)} ${where}，得 ${showNumber(roundTo(share, 4), true)} 分值：${W} × ${showNumber(roundTo(share, 4), true)} = ${showNumber(score)}` };
}

/** The 得分 an indicator contributes to sums: written when written, else computed. */
export function effectiveScore(ind: IndicatorScore): number | undefined {
  return ind.settled ?? ind.written ?? ind.expected;
}

function sum(values: readonly (number | undefined)[]): number | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return roundTo(s, 10);
}

/** A 预算执行率 row of jx_indicators (the 一体化 export lists it with the indicators). */
export interface ExecRow {
  readonly row: number;
  readonly ref?: CellRef;
  readonly weightRef?: CellRef;
  readonly reasonRef?: CellRef;
  readonly weight?: number;
  readonly written?: number;
  /** The 偏差原因 written on the row. */
  readonly reason: string;
}

/**
 * A row of the indicator table that is not an indicator: a 合计/总分 row, or a 一级/二级 subtotal row
 * (a group label and a 分值 but no 三级指标 and no values). Counting it would count its indicators twice.
 */
function isSubtotalRow(row: TableRow, keys: LabelKeys): boolean {
  const own = (key: string): string => cellText(bound(row, key)?.cell);
  if (keys.isTotalLabel(own("level1")) || keys.isTotalLabel(own("level2")) || keys.isTotalLabel(own("level3"))) return true;
  return own("level3") === "" && own("target") === "" && own("actual") === "" && own("direction") === "" && (own("level1") !== "" || own("level2") !== "");
}

function isExecRow(row: TableRow, keys: LabelKeys): boolean {
  const l1 = row.level1 ?? cellText(bound(row, "level1")?.cell);
  const l3 = keys.norm(cellText(bound(row, "level3")?.cell));
  return keys.isExecLabel(l1) || /^(预算执行率|预算资金执行率|资金执行率|执行率|预算执行情况)$/.test(l3);
}

function execRowOf(row: TableRow): ExecRow {
  return {
    row: row.row,
    ref: bound(row, "score")?.ref,
    weightRef: bound(row, "weight")?.ref,
    reasonRef: bound(row, "reason")?.ref,
    weight: cellNumber(bound(row, "weight")?.cell),
    written: cellNumber(bound(row, "score")?.cell),
    reason: cellText(bound(row, "reason")?.cell),
  };
}

/** The 执行率 and its score. */
function execPart(
  model: ReportModel,
  profile: ScoringProfile,
  execRow: ExecRow | undefined,
  weightOverride?: number,
): Pick<ScoreResult, "execRate" | "execRateSource" | "execAmountsCorrected" | "execAmountsSuspect" | "execWeight" | "execScore" | "execScoreWritten" | "execFormula" | "execRow"> {
  const s = model.scalars;
  const execWeight = weightOverride ?? cellNumber(s.jx_exec_weight?.cell) ?? execRow?.weight ?? profile.execWeight;
  const execScoreWritten = cellNumber(s.jx_exec_score?.cell) ?? execRow?.written;
  const budget = parseCell(s.jx_budget_adjusted?.cell);
  const executed = parseCell(s.jx_executed?.cell);
  let execRate: number | undefined;
  let execRateSource: ScoreResult["execRateSource"];
  let execFormula: string | undefined;
  let execAmountsCorrected: boolean | undefined;
  let execAmountsSuspect: boolean | undefined;
  if (budget.kind === "number" && executed.kind === "number" && budget.value > 0) {
    let e = budget.unit && executed.unit ? convertUnit(executed.value, executed.unit, budget.unit) : executed.value;
    let b = budget.value;
    // A 元/万元 slip in either amount is no-unit-mistake's finding: score the amount as it will read once
    // corrected (as exec-rate-matches judges the rate), so the one slip does not also question a right
    // 得分 or have fill write a score from the slipped amount. The formula says so.
    const rawE = readMoneyScalar(model, "jx_executed");
    const rawB = readMoneyScalar(model, "jx_budget_adjusted");
    const fixedE = rawE && !rawE.blank ? settledFigure(model, correctedFigure(model, rawE)) : undefined;
    const fixedB = rawB && !rawB.blank ? settledFigure(model, correctedFigure(model, rawB)) : undefined;
    const notes: string[] = [];
    if (rawE && fixedE && fixedE !== rawE) {
      e = fixedE.value;
      notes.push(`全年执行数疑为单位错误，按 ${showNumber(fixedE.value)} 计`);
    }
    if (rawB && fixedB && fixedB !== rawB) {
      b = fixedB.value;
      notes.push(`全年预算数疑为单位错误，按 ${showNumber(fixedB.value)} 计`);
    }
    if (e !== undefined && b > 0) {
      execRate = roundTo(e / b, 12);
      execRateSource = "amounts";
      execAmountsCorrected = notes.length > 0 || undefined;
      execFormula = `${notes.length ? `${notes.join("，")}：` : ""}预算执行率 = 全年执行数 ÷ 全年预算数 = ${showNumber(e)} ÷ ${showNumber(b)} = ${showNumber(roundTo(execRate, 4), true)}`;
      // The rate and the 得分 as written agree with each other and not with the amounts (100.00% and 10 over
      // 30765.63 ÷ 30803.13 = 99.88%): two cells against one, so an amount is the slip. Score the rate
      // as written; exec-rate-matches reports the amount.
      const written = readRate(s.jx_exec_rate);
      if (!execAmountsCorrected && written && execScoreWritten !== undefined && fixedE && fixedB && fixedE === rawE && fixedB === rawB && !checkRate(written, fixedE, fixedB)?.ok) {
        const tolerance = scoreTolerance(profile);
        const by = (rate: number): number => roundScore(Math.min(Math.max(rate, 0), 1) * execWeight, profile);
        if (Math.abs(by(written.value) - execScoreWritten) <= tolerance && Math.abs(by(execRate) - execScoreWritten) > tolerance) {
          execFormula += `，与所填预算执行率 ${showNumber(roundTo(written.value, 6), true)} 和预算执行率得分 ${showNumber(execScoreWritten)} 都不符（疑全年执行数或全年预算数有误），按所填预算执行率计`;
          execRate = written.value;
          execRateSource = "written";
          execAmountsSuspect = true;
        }
      }
    }
  }
  if (execRate === undefined) {
    const written = parseCell(s.jx_exec_rate?.cell);
    if (written.kind === "number") {
      // A rate written without % (99.74) is percentage points; a fraction (0.9974) is itself.
      execRate = written.percent || written.value <= 1.5 ? written.value : written.value / 100;
      execRateSource = "written";
      execFormula = `预算执行率按表中所填 ${showNumber(roundTo(execRate, 6), true)}`;
    }
  }
  if (execRate === undefined) return { execWeight, execScoreWritten, execRow };
  const capped = Math.min(Math.max(execRate, 0), 1);
  const execScore = roundScore(capped * execWeight, profile);
  // fill gives each half of the formula as the reason of its own write: the score's half repeats the correction.
  const correction = execAmountsCorrected ? `（${execFormula?.split("：")[0]}）` : "";
  execFormula += `；得分 = min(${showNumber(roundTo(execRate, 4), true)}, 100%) × ${showNumber(execWeight)} = ${showNumber(execScore)}${correction}`;
  return { execRate, execRateSource, execAmountsCorrected, ...(execAmountsSuspect ? { execAmountsSuspect } : {}), execWeight, execScore, execScoreWritten, execFormula, execRow };
}

/** A 合计 / 总分 label, normalised. */
const TOTAL_LABEL = /^(合计|总计|总分|综合得分|自评得分|得分合计|绩效自评综合得分)$/;

/**
 * Score a mapped workbook by a profile.
 * @param model - from mapWorkbook
 * @param profile - usually profileFor(model)
 * @returns computed and written scores side by side
 * @example
 * const r = scoreWorkbook(mapWorkbook(snapshot), NATIONAL);
 * r.execScore // 9.97 for 1707.31 of 1711.75 at weight 10
 */
export function scoreWorkbook(model: ReportModel, profile: ScoringProfile): ScoreResult {
  // Score as written; then, when a 分值 or a 得分 is the one cell that breaks the sums (settle.ts), again
  // with it corrected, so that only that cell is reported.
  const keys = new LabelKeys(profile);
  const first = scoreOnce(model, profile, NO_FIXES, keys);
  const weighed = settleWeights(model, profile, first);
  const weight = weighed?.settled;
  const fixes: Fixes = weight ? { weights: new Map([[weight.key, weight.value]]), scores: new Map() } : NO_FIXES;
  const second = weight ? scoreOnce(model, profile, fixes, keys) : first;
  const scores = settleScores(model, profile, second);
  const weightCandidates = !weight && weighed && weighed.candidates.length >= 2 ? weighed.candidates : undefined;
  if (!weight && !scores.settled && !scores.ambiguous && !weightCandidates) return first;
  const third = scores.settled ? scoreOnce(model, profile, { weights: fixes.weights, scores: new Map([[scores.settled.key as number, scores.settled.value]]) }, keys) : second;
  return extend(third, {
    settled: { weights: weight ? [weight] : [], scores: scores.settled ? [scores.settled] : [], ...(scores.ambiguous ? { ambiguous: scores.ambiguous } : {}), ...(weightCandidates ? { weightCandidates } : {}) },
  });
}

/** Corrections settle.ts found: 分值 by indicator row (or "exec"), 得分 by indicator row. */
interface Fixes {
  readonly weights: ReadonlyMap<number | "exec", number>;
  readonly scores: ReadonlyMap<number, number>;
}
const NO_FIXES: Fixes = { weights: new Map(), scores: new Map() };

/** The 分值 cell of 预算执行率 and its value, when written. */
function execWeightCell(model: ReportModel, r: ScoreResult): { ref: CellRef; value: number } | undefined {
  const s = model.scalars.jx_exec_weight;
  const v = cellNumber(s?.cell);
  if (s && v !== undefined) return { ref: s.ref, value: v };
  if (r.execRow?.weightRef && r.execRow.weight !== undefined) return { ref: r.execRow.weightRef, value: r.execRow.weight };
  return undefined;
}

/**
 * The one 分值 that breaks the weights: Σ 分值 (预算执行率 included) = the profile's total (when the 总分
 * row's 分值 is absent or says the same), each 一级/二级 row of the 得分汇总 = Σ its indicators' 分值, the
 * 预算执行率 row = the 预算执行率 分值, and no 分值 below its 得分.
 */
function settleWeights(model: ReportModel, profile: ScoringProfile, r: ScoreResult): ReturnType<typeof settle> | undefined {
  if (r.indicators.length === 0 || r.indicators.some((i) => i.weight === undefined || !i.weightRef)) return undefined;
  const tolerance = 1e-6;
  const exec = r.execPresent ? execWeightCell(model, r) : undefined;
  const cells: SettleCell[] = r.indicators.map((i) => ({
    key: i.row,
    ref: i.weightRef!,
    item: i.level3 || i.level2,
    value: i.weight!,
    bound: i.written !== undefined && i.written >= 0 ? i.written : undefined,
    evidence: (v: number) => i.written !== undefined && i.written > i.weight! + tolerance && i.written <= v + tolerance,
  }));
  // The 预算执行率 分值 must also keep its 得分 = min(执行率, 1) × 分值 as written.
  const rate = r.execRate;
  const execValid =
    rate !== undefined && r.execScoreWritten !== undefined ? (v: number) => Math.abs(roundScore(Math.min(Math.max(rate, 0), 1) * v, profile) - r.execScoreWritten!) <= scoreTolerance(profile) : undefined;
  // Its own evidence: the 得分 as written breaks the formula under the 分值 as written and keeps it under
  // the corrected one (a 分值 of 10.5 under a 得分 of 4.49 = 44.93% × 10): the 分值 is the slip, not an
  // indicator's 分值 that would absorb the same excess.
  const execEvidence = execValid && exec ? (v: number) => !execValid(exec.value) && execValid(v) : undefined;
  if (exec) cells.push({ key: "exec", ref: exec.ref, item: "预算执行率", value: exec.value, bound: r.execScoreWritten, ...(execValid ? { valid: execValid } : {}), ...(execEvidence ? { evidence: execEvidence } : {}) });
  const sums: SettleSum[] = [];
  const rowTotal = cellNumber(model.scalars.jx_weight_total?.cell);
  if (rowTotal === undefined || Math.abs(rowTotal - profile.totalPoints) <= tolerance) {
    sums.push({
      keys: [...r.indicators.map((i) => i.row), ...(exec ? ["exec" as const] : [])],
      constant: exec ? 0 : r.execPresent ? r.execWeight : 0,
      target: profile.totalPoints,
      name: `分值合计 ${showNumber(profile.totalPoints)}`,
    });
  }
  for (const g of r.groups) {
    if (g.weightWritten === undefined) continue;
    if (g.level === "exec" && exec) sums.push({ keys: ["exec"], constant: 0, target: g.weightWritten, name: `得分汇总“${g.group}”分值 ${showNumber(g.weightWritten)}` });
    if ((g.level === "level1" || g.level === "level2") && g.indicatorRows.length) sums.push({ keys: g.indicatorRows, constant: 0, target: g.weightWritten, name: `“${g.group}”分值 ${showNumber(g.weightWritten)}` });
  }
  return settle(cells, sums, tolerance, "weight");
}

/**
 * The one 得分 that breaks the scores: each 一级/二级 row of the 得分汇总 = Σ its indicators' 得分, the 总分
 * (综合得分) = 预算执行率得分 + Σ 得分, each 得分 within 0 and its 分值. When several indicators would do and a
 * 得分汇总 row that agrees with the 总分 fails, they are returned as `ambiguous` (that row is not the cause).
 */
function settleScores(model: ReportModel, profile: ScoringProfile, r: ScoreResult): { settled?: Settled; ambiguous?: SettledScores["ambiguous"] } {
  const tolerance = scoreTolerance(profile);
  // A wrong 预算执行率得分 is total-score-matches' own finding: the total is not judged here then.
  if (r.execScoreWritten !== undefined && r.execScore !== undefined && Math.abs(r.execScoreWritten - r.execScore) > tolerance) return {};
  const written = r.indicators.filter((i) => i.written !== undefined && i.ref);
  if (written.length === 0) return {};
  const cells: SettleCell[] = written.map((i) => ({
    key: i.row,
    ref: i.ref!,
    item: i.level3 || i.level2,
    value: i.written!,
    bound: i.weight,
    evidence: (v: number) => {
      const w = i.written!;
      if (i.weight !== undefined && w > i.weight + tolerance) return true;
      if (i.tierRange && (w < i.tierRange.min - tolerance || w > i.tierRange.max + tolerance)) return v >= i.tierRange.min - tolerance && v <= i.tierRange.max + tolerance;
      return i.expected !== undefined && Math.abs(w - i.expected) > tolerance && Math.abs(v - i.expected) <= tolerance;
    },
    // 54 of ≥60 scored 18 of 20 = 54 ÷ 60 × 20: the 得分 is its formula's, so a 总分 two points above the
    // sum is the total's mistake, not this row's (a full 20 would contradict its own 完成值).
    contradicts: (v: number) => i.expected !== undefined && Math.abs(i.written! - i.expected) <= tolerance && Math.abs(v - i.expected) > tolerance,
  }));
  const isCell = new Set(written.map((i) => i.row));
  const others = (rows: readonly number[]): number | undefined => {
    let s = 0;
    for (const row of rows) {
      if (isCell.has(row)) continue;
      const ind = r.indicators.find((i) => i.row === row);
      const v = ind ? effectiveScore(ind) : undefined;
      if (v === undefined) return undefined;
      s += v;
    }
    return s;
  };
  const sums: SettleSum[] = [];
  const exec = r.execPresent ? (r.execScore ?? r.execScoreWritten) : 0;
  const allRows = r.indicators.map((i) => i.row);
  const rest = others(allRows);
  const totals = [r.totalWritten, ...r.groups.filter((g) => g.level === "total" && g.ref && g.ref.address !== model.scalars.jx_score_total?.ref.address).map((g) => g.written)];
  for (const t of totals) {
    if (t === undefined || exec === undefined || rest === undefined) continue;
    sums.push({ keys: allRows.filter((x) => isCell.has(x)), constant: exec + rest, target: t, name: `综合得分 ${showNumber(t)}` });
  }
  const groupSums = new Map<SettleSum, GroupScore>();
  for (const g of r.groups) {
    if ((g.level !== "level1" && g.level !== "level2") || g.written === undefined || g.indicatorRows.length === 0) continue;
    const c = others(g.indicatorRows);
    if (c === undefined) continue;
    const sum: SettleSum = { keys: g.indicatorRows.filter((x) => isCell.has(x)), constant: c, target: g.written, name: `“${g.group}”得分 ${showNumber(g.written)}` };
    sums.push(sum);
    groupSums.set(sum, g);
  }
  const out = settle(cells, sums, tolerance, "score");
  if (out.settled) return { settled: out.settled };
  const group = out.failing.map((s) => groupSums.get(s)).find((g) => g !== undefined);
  if (group && out.candidates.length >= 2 && out.failing.some((s) => !groupSums.has(s))) return { ambiguous: { group, cells: out.candidates } };
  return {};
}

/** A 小计 row of the indicator table and the indicators it adds up. */
interface TableSubtotal {
  readonly row: TableRow;
  readonly group: string;
  readonly level: "level1" | "level2";
  readonly members: readonly IndicatorScore[];
}

/** `产出指标小计`, `小计（产出指标）`, `数量指标合计` → the group it names (`产出指标`, `数量指标`), else "". */
function subtotalName(text: string): string | undefined {
  const t = text.replace(/\s+/g, "");
  const m = /^(.{0,12}?)(?:小计|合计)$/.exec(t) ?? /^(?:小计|合计)[(（](.{0,12})[)）]$/.exec(t);
  if (!m || /^(?:总分|总计|综合得分)/.test(t)) return undefined;
  return m[1].replace(/^其中[:：]?/, "");
}

/**
 * The 小计 rows written inside the indicator table (below or above their group, the label in the 一级 or
 * the 二级 column): a row with a 分值 or an 得分, no 三级指标 and no values, labelled 小计 or 合计 with or
 * without its group's name. Its indicators are the group it names (一级, else 二级), else the indicators
 * between it and the previous 小计 (a bare 小计 under its group). A 总分 row is no 小计.
 */
function tableSubtotals(rows: readonly TableRow[], indicators: readonly IndicatorScore[], keys: LabelKeys): TableSubtotal[] {
  const out: TableSubtotal[] = [];
  let previous = 0;
  for (const row of rows) {
    const own = (key: string): string => cellText(bound(row, key)?.cell);
    if (own("level3") !== "" || own("target") !== "" || own("actual") !== "") continue;
    // 合计 / 总分 alone close the table: the total row, not a 小计.
    if (keys.isTotalLabel(own("level1")) || keys.isTotalLabel(own("level2"))) continue;
    if (cellNumber(bound(row, "weight")?.cell) === undefined && cellNumber(bound(row, "score")?.cell) === undefined) continue;
    const label = [own("level1"), own("level2")].find((t) => subtotalName(t) !== undefined);
    if (label === undefined) continue;
    const named = subtotalName(label) ?? "";
    const byL1 = (name: string): IndicatorScore[] => (name ? indicators.filter((i) => keys.level1Key(i.level1) === keys.level1Key(name)) : []);
    const byL2 = (name: string): IndicatorScore[] => (name ? indicators.filter((i) => keys.groupKey(i.level2) === keys.groupKey(name)) : []);
    let members = byL1(named);
    let level: "level1" | "level2" = "level1";
    if (members.length === 0 && named) {
      members = byL2(named);
      level = "level2";
    }
    // A bare 小计 in the 二级 column of a 一级 merged down its rows (above or below its indicators): the
    // 一级 it sits in.
    if (members.length === 0 && !named && row.level1 && subtotalName(row.level1) === undefined) {
      members = byL1(row.level1);
      level = "level1";
    }
    if (members.length === 0) {
      members = indicators.filter((i) => i.row > previous && i.row < row.row);
      level = "level1";
    }
    previous = row.row;
    if (members.length === 0) continue;
    out.push({ row, group: named || members[0].level1 || label, level, members });
  }
  return out;
}

/** A 分值 or 得分 cell left empty, or marked empty (“—”, “/”, “无”). */
function leftEmpty(cell: CellSnapshot | undefined): boolean {
  if (cell === undefined || cellNumber(cell) !== undefined) return cell === undefined;
  return /^[\s—–\-－/／无]*$/.test(cellText(cell));
}

/**
 * The indicator rows a form lists without scoring them: 分值 and 得分 both empty, while the others already
 * make up the totals — their 分值 (and the 预算执行率's) the profile's or the 总分 row's total, or their 得分
 * (and the 执行率得分) the 总分 as written (either side suffices, so that one wrong 分值 or 得分 elsewhere is
 * still that cell's finding). A row whose 分值 was forgotten leaves both short and stays an indicator
 * (weights-sum reports it).
 */
function unscoredRows(model: ReportModel, profile: ScoringProfile, indicators: readonly IndicatorScore[], exec: { weight: number; score?: number }): number[] {
  const blank = indicators.filter((i) => i.weight === undefined && i.written === undefined && leftEmpty(i.weightRef ? cellAt(model, i.weightRef) : undefined) && leftEmpty(i.ref ? cellAt(model, i.ref) : undefined));
  if (blank.length === 0 || blank.length === indicators.length) return [];
  const others = indicators.filter((i) => !blank.includes(i));
  const weights = others.every((i) => i.weight !== undefined) ? roundTo(others.reduce((a, i) => a + i.weight!, 0) + exec.weight, 8) : undefined;
  const totals = [profile.totalPoints, cellNumber(model.scalars.jx_weight_total?.cell)];
  if (weights !== undefined && totals.some((t) => t !== undefined && Math.abs(t - weights) < 1e-6)) return blank.map((i) => i.row);
  const scoreTotal = cellNumber(model.scalars.jx_score_total?.cell);
  if (scoreTotal === undefined || exec.score === undefined || others.some((i) => i.written === undefined)) return [];
  const scores = others.reduce((a, i) => a + i.written!, exec.score);
  return Math.abs(scores - scoreTotal) <= 0.005 + 1e-9 ? blank.map((i) => i.row) : [];
}

/** The cell at a reference of the model's snapshot. */
function cellAt(model: ReportModel, ref: CellRef): CellSnapshot | undefined {
  return model.snapshot.sheets.find((s) => s.name === ref.sheet)?.cells[ref.address];
}

function scoreOnce(model: ReportModel, profile: ScoringProfile, fixes: Fixes, keys: LabelKeys): ScoreResult {
  const indicatorTable = model.tables.jx_indicators;
  const rows = (indicatorTable?.rows ?? []).filter(
    (row) => (cellText(bound(row, "level3")?.cell) !== "" || cellNumber(bound(row, "weight")?.cell) !== undefined) && !isSubtotalRow(row, keys),
  );
  // A 预算执行率 row inside the indicator table is the 执行率 item, not an indicator: keep it apart so
  // that it is not counted twice in the total.
  const execRowBinding = rows.find((row) => isExecRow(row, keys));
  const execRow = execRowBinding ? execRowOf(execRowBinding) : undefined;
  const exec = execPart(model, profile, execRow, fixes.weights.get("exec"));
  const money = moneyFiguresOf(model);
  const scored = rows
    .filter((row) => row !== execRowBinding)
    .map((row) => {
      const ind = scoreIndicatorRow(row, profile, fixes.weights.get(row.row), keys, money);
      const settled = fixes.scores.get(row.row);
      return settled === undefined ? ind : extend(ind, { settled });
    });
  const execPresent =
    exec.execRate !== undefined ||
    execRow !== undefined ||
    model.scalars.jx_exec_weight?.cell !== undefined ||
    model.scalars.jx_exec_score?.cell !== undefined ||
    (model.tables.jx_score_summary?.rows ?? []).some((row) => keys.isExecLabel(cellText(bound(row, "level1")?.cell)));
  const unscored = unscoredRows(model, profile, scored, execPresent ? { weight: exec.execWeight, score: exec.execScoreWritten ?? exec.execScore } : { weight: 0, score: 0 });
  const indicators = unscored.length ? scored.filter((i) => !unscored.includes(i.row)) : scored;

  // The 预算执行率得分 is a formula with no room for judgement (min(执行率, 1) × 分值): the computed one is
  // the truth the total and the summary's 预算执行率 row are held to, so a wrong jx_exec_score is blamed at
  // that cell alone (total-score-matches execScoreMismatch), not at the total and the summary row as well.
  // The written one counts only when there is nothing to compute it from.
  const execEffective = exec.execScore ?? exec.execScoreWritten;
  const indicatorSum = sum(indicators.map(effectiveScore));
  // A workbook that sets no 预算执行率 at all (execPresent false) scores its indicators out of the whole
  // total ((mem): the weight moves to the indicators), so the total is their sum alone.
  let total: number | undefined;
  let totalFormula: string | undefined;
  if (indicatorTable && indicatorSum !== undefined && !execPresent) {
    total = roundScore(indicatorSum, profile);
    totalFormula = `综合得分 = 各指标得分之和 ${showNumber(total)}（工作簿未设预算执行率）`;
  } else if (indicatorTable && indicatorSum !== undefined && execEffective !== undefined) {
    total = roundScore(execEffective + indicatorSum, profile);
    totalFormula = `综合得分 = 预算执行率得分 ${showNumber(execEffective)} + 各指标得分之和 ${showNumber(roundTo(indicatorSum, 4))} = ${showNumber(total)}`;
  }

  // Subtotals: the summary table's rows, else one per 一级 group of the indicators.
  const groups: GroupScore[] = [];
  const summary = model.tables.jx_score_summary;
  if (summary) {
    for (const row of summary.rows) {
      const ownL1 = cellText(bound(row, "level1")?.cell);
      const ownL2 = cellText(bound(row, "level2")?.cell);
      const l1 = ownL1 || row.level1 || "";
      const base = {
        row: row.row,
        ref: bound(row, "score")?.ref,
        weightRef: bound(row, "weight")?.ref,
        written: cellNumber(bound(row, "score")?.cell),
        weightWritten: cellNumber(bound(row, "weight")?.cell),
      };
      const writtenWeight = base.weightWritten;
      if (!ownL2 && keys.isExecLabel(l1)) {
        groups.push(extend(base, { group: l1, level: "exec" as const, weight: writtenWeight ?? exec.execWeight, expected: execEffective, indicatorRows: [] }));
        continue;
      }
      if (!ownL2 && keys.isTotalLabel(l1)) {
        groups.push(extend(base, { group: l1, level: "total" as const, weight: writtenWeight, expected: total, indicatorRows: [] }));
        continue;
      }
      if (!l1) continue;
      const members = indicators.filter(
        (ind) => keys.level1Key(ind.level1) === keys.level1Key(l1) && (!ownL2 || keys.groupKey(ind.level2) === keys.groupKey(ownL2)),
      );
      groups.push(
        extend(base, {
          group: ownL2 ? `${l1}/${ownL2}` : l1,
          level: ownL2 ? ("level2" as const) : ("level1" as const),
          weight: writtenWeight ?? sum(members.map((m) => m.weight)),
          indicatorWeight: members.length ? sum(members.map((m) => m.weight)) : undefined,
          expected: members.length ? sum(members.map(effectiveScore)) : undefined,
          indicatorRows: members.map((m) => m.row),
        }),
      );
    }
  } else {
    // 小计 rows inside the indicator table (产出指标小计 | 50 | 49.79): each is its group's written subtotal.
    const written = tableSubtotals(indicatorTable?.rows ?? [], indicators, keys);
    const seen = new Map<string, IndicatorScore[]>();
    for (const ind of indicators) {
      const k = keys.level1Key(ind.level1);
      seen.set(k, [...(seen.get(k) ?? []), ind]);
    }
    for (const w of written) {
      groups.push({
        group: w.group,
        level: w.level,
        row: w.row.row,
        ref: bound(w.row, "score")?.ref,
        weightRef: bound(w.row, "weight")?.ref,
        written: cellNumber(bound(w.row, "score")?.cell),
        weightWritten: cellNumber(bound(w.row, "weight")?.cell),
        weight: cellNumber(bound(w.row, "weight")?.cell) ?? sum(w.members.map((m) => m.weight)),
        indicatorWeight: sum(w.members.map((m) => m.weight)),
        expected: sum(w.members.map(effectiveScore)),
        indicatorRows: w.members.map((m) => m.row),
      });
    }
    const covered = new Set(written.filter((w) => w.level === "level1").map((w) => keys.level1Key(w.members[0].level1)));
    for (const [k, members] of seen) {
      if (covered.has(k)) continue;
      groups.push({
        group: members[0].level1,
        level: "level1",
        weight: sum(members.map((m) => m.weight)),
        indicatorWeight: sum(members.map((m) => m.weight)),
        expected: sum(members.map(effectiveScore)),
        indicatorRows: members.map((m) => m.row),
      });
    }
  }

  const profileGroups: ProfileGroupScore[] = profile.groups.map((g) => {
    const members = indicators.filter((ind) => keys.profileGroup(ind.level1) === g.group);
    return {
      group: g.group,
      profileWeight: g.weight,
      weight: roundTo(members.reduce((s, m) => s + (m.weight ?? 0), 0), 10),
      indicatorRows: members.map((m) => m.row),
      at: members.find((m) => m.weightRef)?.weightRef,
    };
  });

  const otherGroups = [...new Set(indicators.filter((ind) => ind.level1 && keys.profileGroup(ind.level1) === undefined).map((ind) => ind.level1))];

  const gradeText = cellText(model.scalars.jx_grade?.cell);
  return {
    profile: profile.id,
    ...exec,
    execPresent,
    indicators,
    ...(unscored.length ? { unscoredRows: unscored } : {}),
    groups,
    profileGroups,
    ...(otherGroups.length ? { otherGroups } : {}),
    total,
    totalFormula,
    totalWritten: cellNumber(model.scalars.jx_score_total?.cell),
    grade: total !== undefined ? gradeFor(total, profile) : undefined,
    gradeWritten: gradeText || undefined,
  };
}

/** The 定量 value of an indicator, for callers that need A and B (the narrative's 完成率). */
export function indicatorNumbers(ind: IndicatorScore): { readonly a: number; readonly b: number; readonly percent: boolean } | undefined {
  if (ind.target.kind !== "number" || ind.actual.kind !== "number") return undefined;
  const r = reconcile(ind.target as IndicatorNumber, ind.actual as IndicatorNumber);
  return r.ok ? { a: r.a, b: r.b, percent: r.percent } : undefined;
}

const cache = new WeakMap<ReportModel, Map<ScoringProfile, ScoreResult>>();

/** {@link scoreWorkbook}, computed once per model and profile (every score rule asks for it). */
export function scoresFor(model: ReportModel, profile: ScoringProfile): ScoreResult {
  let byProfile = cache.get(model);
  if (!byProfile) {
    byProfile = new Map();
    cache.set(model, byProfile);
  }
  let result = byProfile.get(profile);
  if (!result) {
    result = scoreWorkbook(model, profile);
    byProfile.set(profile, result);
  }
  return result;
}

/**
 * Half a unit of the profile's last score decimal: two scores closer than this are the same score as
 * written (9.97 vs 9.9700001).
 * @param profile - the scoring profile
 * @returns the tolerance
 */
export function scoreTolerance(profile: ScoringProfile): number {
  return 0.5 * Math.pow(10, -profile.scoreDecimals) + 1e-9;
}
