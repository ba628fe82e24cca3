/**
 * A scoring profile: the weights, formulas, tiers and bands of one jurisdiction, as data.
 * The national profile is the default; provinces are variants (see profiles/).
 */

/** A grade band: scores at or above `min` (and below the next band's min) get `grade`. */
export interface GradeBand {
  readonly min: number;
  /** The canonical grade: 优 / 良 / 中 / 差. */
  readonly grade: "优" | "良" | "中" | "差";
  /** Other ways of writing it that are accepted (湖南: 优秀). */
  readonly aliases: readonly string[];
  /** The text fill writes for this band (湖南 forms write 优秀). @default grade */
  readonly label?: string;
}

/** A 定性 tier: a score between `min`×分值 (inclusive) and `max`×分值. */
export interface QualitativeTier {
  readonly label: string;
  /** Texts that select this tier (达成年度指标, 部分达成 …). */
  readonly matches: readonly string[];
  readonly min: number;
  readonly max: number;
  /** Whether `max` is inclusive (only the top tier). */
  readonly maxInclusive: boolean;
}

/** An over-target penalty step: when (B−A)/A ≥ over, deduct `deduct`×分值. */
export interface OverTargetStep {
  readonly over: number;
  readonly deduct: number;
}

/** The weights of the 一级 groups. Keys are the 一级指标 names as normalised (产出, 效益, 满意度). */
export interface GroupWeight {
  readonly group: string;
  /** Labels that belong to this group (产出指标, 效益指标, 满意度指标, 服务对象满意度 …). */
  readonly matches: readonly string[];
  readonly weight: number;
}

/**
 * A named indicator with its own scoring rule (岳阳's 部门整体 indicators: 在职人员控制率 ≤ 100% full,
 * −0.5 per point over …). It replaces the generic 正向/反向 formula for the rows whose 三级指标 matches.
 */
export type IndicatorRule =
  | {
      /** Full marks up to `limit`; `perPoint` points off for every percentage point beyond it. */
      readonly kind: "deduct-per-point";
      /** Substrings of the 三级指标 name that select the rule. */
      readonly matches: readonly string[];
      /** `over`: points are lost above the limit; `under`: below it. */
      readonly side: "over" | "under";
      /** The limit as a fraction (1 = 100%, 0 = 0%). */
      readonly limit: number;
      /** Points deducted per percentage point beyond the limit. */
      readonly perPoint: number;
      /** Deduct per this many percentage points (预算完成率: −2 per 5 points). @default 1 */
      readonly step?: number;
      readonly source: string;
    }
  | {
      /** The score is the share of the 分值 of the first tier whose `min` (fraction) the value reaches. */
      readonly kind: "tiers";
      readonly matches: readonly string[];
      /** Highest first; `share` of the 分值. `upTo` instead of `min` means value ≤ upTo (预算调整率). */
      readonly tiers: readonly { readonly min?: number; readonly upTo?: number; readonly share: number }[];
      readonly source: string;
    };

/** A scoring profile. */
export interface ScoringProfile {
  /** Stable id, the value of `jx_profile` (`national`, `hubei`, `sichuan`, `hunan`). */
  readonly id: string;
  /** Chinese name shown to users (全国（财政部）默认). */
  readonly name: string;
  /** Where the rules come from. */
  readonly source: string;
  /** Total points; weights must sum to it. @default 100 */
  readonly totalPoints: number;
  /** Weight of 预算执行率. @default 10 */
  readonly execWeight: number;
  /** Weights of the indicator groups. */
  readonly groups: readonly GroupWeight[];
  /** 正向 unmet: B/A × w. */
  readonly positive: "ratio";
  /** 反向 unmet: `linear` = (1 − (B−A)/A) × w, 0 at B ≥ 2A (platform); `inverse-ratio` = A/B × w (worksheet). */
  readonly negative: "linear" | "inverse-ratio";
  readonly qualitativeTiers: readonly QualitativeTier[];
  readonly overTargetPenalty: readonly OverTargetStep[];
  /** Decimals of every score. @default 2 */
  readonly scoreDecimals: number;
  readonly grades: readonly GradeBand[];
  /** Below this 执行率 a written reason is required. @default 0.9 */
  readonly execReasonBelow: number;
  /**
   * 跨期审核 (`--previous`): a headline amount moving more than this fraction from last year needs a written
   * reason. @default 0.3 (src/core/previous SWING_THRESHOLD)
   */
  readonly swingThreshold?: number;
  /** Named indicators with their own rule (湖南/岳阳). @default [] */
  readonly indicatorRules?: readonly IndicatorRule[];
}
