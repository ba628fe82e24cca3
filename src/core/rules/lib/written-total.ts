/**
 * When the written 综合得分 is itself the slip: shared by total-score-matches (which reports it there) and
 * grade-matches-band (which then judges the 评价等次 by the sum), so that both agree.
 */
import type { ReportModel } from "../../model/report-model";
import type { ScoringProfile } from "../../scoring/types";
import { scoreTolerance, scoresFor, type ScoreResult } from "../../scoring/score";
import { summaryScoreOf } from "../../relations/summary-links";

/**
 * Whether the written 综合得分 is the slip this rule reports at it (totalMismatch): it is not the sum of
 * its parts, and neither a wrong 预算执行率得分, an indicator's 得分 above its 分值, an ambiguous 得分汇总 row
 * nor the 项目汇总 row that repeats it says the total is right. Then the sum is the 综合得分 that counts
 * (a 评价等次 that follows the sum is right).
 */
export function writtenTotalIsSlip(model: ReportModel, profile: ScoringProfile): boolean {
  const r = scoresFor(model, profile);
  const tolerance = scoreTolerance(profile);
  const written = r.totalWritten;
  if (written === undefined || r.total === undefined || Math.abs(written - r.total) <= tolerance || r.settled?.ambiguous) return false;
  const asWritten = r.execScore !== undefined && r.execScoreWritten !== undefined ? r.total - r.execScore + r.execScoreWritten : undefined;
  if (r.execScoreWritten !== undefined && r.execScore !== undefined && Math.abs(r.execScoreWritten - r.execScore) > tolerance && asWritten !== undefined && Math.abs(written - asWritten) <= tolerance) return false;
  if (explainedByIndicator(r, written, tolerance)) return false;
  const repeated = summaryScoreOf(model);
  return !(repeated && Math.abs(repeated.value - written) <= tolerance);
}

/**
 * A total that adds up once one indicator's 得分 is what the rules give (an 得分 above its 分值, reported at
 * that cell by score-within-weight / indicator-score-matches) is right: that 得分 is the cause.
 */
export function explainedByIndicator(r: ScoreResult, written: number, tolerance: number): boolean {
  return r.indicators.some((ind) => {
    if (ind.written === undefined || r.total === undefined) return false;
    const fixes = [ind.expected, ind.weight !== undefined && ind.written > ind.weight ? ind.weight : undefined].filter((x): x is number => x !== undefined && x !== ind.written);
    return fixes.some((v) => Math.abs(written - (r.total! - ind.written! + v)) <= tolerance);
  });
}
