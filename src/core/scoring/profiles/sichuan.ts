import type { ScoringProfile } from "../types";
import { NATIONAL } from "./national";

/**
 * 四川: 预算执行情况 10 plus 绩效指标 90 (产出, 效益 and 满意度 share the 90 as the unit sets them);
 * 执行率 = 全年执行数 ÷ 调整后预算数; a written reason is required when 执行率 < 90%
 * (../shared/domain.md §1 [S12]). Indicator formulas and bands follow the national profile.
 */
export const SICHUAN: ScoringProfile = {
  ...NATIONAL,
  id: "sichuan",
  name: "四川省",
  source: "四川省财政厅 项目支出绩效自评：预算执行情况10分、绩效指标90分；执行率低于90%须说明原因",
  execWeight: 10,
  groups: [
    {
      group: "绩效指标",
      matches: [
        "绩效指标",
        "产出",
        "产出指标",
        "产出目标",
        "效益",
        "效益指标",
        "效益目标",
        "满意度",
        "满意度指标",
        "服务对象满意度",
        "服务对象满意度指标",
        "社会公众或服务对象满意度",
      ],
      weight: 90,
    },
  ],
  execReasonBelow: 0.9,
};
