/**
 * Scoring limits of the 预算管理一体化 platform and of provincial schemes, as profile data a bureau's profile
 * opts into (none of the built-in profiles applies them: the national rules do not say so).
 *
 * - Over-target deductions [S14, one 部门整体 scheme; shared/domain.md §1]: when a 定量 indicator is met and
 *   (完成值 − 指标值) ÷ 指标值 is 200% up to 300%, deduct 10% of its 分值; 300% up to 500%, 20%; 500% or
 *   more, 30% — targets set obviously too low cost points (财预〔2020〕10号 says so in general terms, (mem)).
 * - A cap on 综合得分 (or on the 等次) when 预算执行率 is low: some provinces are said to have one, but no
 *   rule text was found, so it is not encoded (domain.md marks it (mem)); a bureau that has the text can add
 *   it here as data once scoring reads it.
 */
import type { OverTargetStep, ScoringProfile } from "../types";

/** The [S14] over-target steps: (B−A)/A ≥ 2 → −10%, ≥ 3 → −20%, ≥ 5 → −30% of the 分值. */
export const OVER_TARGET_S14: readonly OverTargetStep[] = [
  { over: 2, deduct: 0.1 },
  { over: 3, deduct: 0.2 },
  { over: 5, deduct: 0.3 },
];

/** Where OVER_TARGET_S14 comes from. */
export const OVER_TARGET_S14_SOURCE = "部门整体支出绩效评价指标体系（超额完成扣分：超 200%–300% 扣 10%，300%–500% 扣 20%，500% 以上扣 30%）[S14]";

/** A profile with the over-target deductions of a scheme (a bureau's own profile builds on a built-in one). */
export function withOverTargetPenalty(profile: ScoringProfile, steps: readonly OverTargetStep[] = OVER_TARGET_S14, id = `${profile.id}-over-target`): ScoringProfile {
  return { ...profile, id, name: `${profile.name}（超目标扣分）`, source: `${profile.source}；${OVER_TARGET_S14_SOURCE}`, overTargetPenalty: steps };
}
