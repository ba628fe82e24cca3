import type { ScoringProfile } from "../types";

/**
 * 全国（财政部）默认: 财预〔2020〕10号 and the 2016 财政部 notice — 预算执行率 10, 产出 50, 效益 30,
 * 满意度 10; 反向 indicators by the 一体化 platform's linear rule; 定性 tiers 100–80 / 80–60 / 60–0 %;
 * bands 90 / 80 / 60. See ../shared/domain.md §1.
 */
export const NATIONAL: ScoringProfile = {
  id: "national",
  name: "全国（财政部）默认",
  source: "财预〔2020〕10号《项目支出绩效评价管理办法》；财政部2016年中央部门项目支出绩效自评通知；一体化平台 pmkpi 自评计分规则",
  totalPoints: 100,
  execWeight: 10,
  groups: [
    { group: "产出", matches: ["产出", "产出指标", "产出目标"], weight: 50 },
    { group: "效益", matches: ["效益", "效益指标", "效益目标"], weight: 30 },
    { group: "满意度", matches: ["满意度", "满意度指标", "服务对象满意度", "服务对象满意度指标", "社会公众或服务对象满意度"], weight: 10 },
  ],
  positive: "ratio",
  negative: "linear",
  qualitativeTiers: [
    { label: "达成年度指标", matches: ["达成年度指标", "达成预期指标", "达成", "全部达成", "完成", "已完成"], min: 0.8, max: 1, maxInclusive: true },
    { label: "部分达成年度指标并具有一定效果", matches: ["部分达成", "基本达成", "部分完成", "基本完成"], min: 0.6, max: 0.8, maxInclusive: false },
    { label: "未达成年度指标且效果较差", matches: ["未达成", "未完成", "效果较差"], min: 0, max: 0.6, maxInclusive: false },
  ],
  overTargetPenalty: [],
  scoreDecimals: 2,
  grades: [
    // Some provinces grade A / B / C / D (A级); the letters are the same four bands.
    { min: 90, grade: "优", aliases: ["优秀", "A", "A级"] },
    { min: 80, grade: "良", aliases: ["良好", "B", "B级"] },
    { min: 60, grade: "中", aliases: ["中等", "一般", "合格", "C", "C级"] },
    { min: 0, grade: "差", aliases: ["较差", "不合格", "D", "D级"] },
  ],
  execReasonBelow: 0.9,
};
