import type { ScoringProfile } from "../types";
import { NATIONAL } from "./national";

/**
 * 湖北: 预算执行情况 20, 产出 40, 效益 + 满意度 40 (one group), no bonus points; 定性 tiers
 * 100–80 / 80–50 / 50–0 % of the 分值 (the 一体化 platform's 湖北 tip, ../shared/domain.md §1 [S5]).
 * Formulas, rounding and grade bands are not documented for 湖北 and follow the national profile (mem).
 */
export const HUBEI: ScoringProfile = {
  ...NATIONAL,
  id: "hubei",
  name: "湖北省",
  source: "一体化平台 pmkpi 湖北自评提示：预算执行情况20分、产出40分、效益及满意度40分，不设加分；定性 100–80/80–50/50–0",
  execWeight: 20,
  groups: [
    { group: "产出", matches: ["产出", "产出指标", "产出目标"], weight: 40 },
    {
      group: "效益和满意度",
      matches: ["效益", "效益指标", "效益目标", "满意度", "满意度指标", "服务对象满意度", "服务对象满意度指标", "社会公众或服务对象满意度"],
      weight: 40,
    },
  ],
  qualitativeTiers: [
    { label: "达成年度指标", matches: NATIONAL.qualitativeTiers[0].matches, min: 0.8, max: 1, maxInclusive: true },
    { label: "部分达成年度指标并具有一定效果", matches: NATIONAL.qualitativeTiers[1].matches, min: 0.5, max: 0.8, maxInclusive: false },
    { label: "未达成年度指标且效果较差", matches: NATIONAL.qualitativeTiers[2].matches, min: 0, max: 0.5, maxInclusive: false },
  ],
  overTargetPenalty: [],
};
