import type { ScoringProfile } from "../types";
import { NATIONAL } from "./national";

/**
 * 湖南 (岳阳 部门整体支出 form): the national weights, formulas and bands, written with the labels the
 * 湖南 forms use (评价等次 “优秀”, seed 000), plus the 岳阳 scoring rules for the common 部门整体
 * indicators (../shared/domain.md §3 [S16]):
 * - 在职人员控制率 ≤ 100% full, −0.5 per percentage point over;
 * - “三公经费”变动率 ≤ 0 full, −0.5 per point over;
 * - 重点支出安排率 ≥ 90% 5 of 5, 80–90% 4, 70–80% 3, 60–70% 2, below 60% 0;
 * - 预算调整率 0 → 3 of 3, ≤ 10% → 2, ≤ 20% → 1, ≤ 30% → 0.5, above → 0;
 * - “三公经费”控制率 ≤ 100% full (6), −1 per point over.
 * Where a bound's inclusion is not stated the lower bound is inclusive (mem). Labels other than 优秀
 * (良好 / 中 / 差) are not sourced (mem).
 */
export const HUNAN: ScoringProfile = {
  ...NATIONAL,
  id: "hunan",
  name: "湖南省（岳阳）",
  source: "岳阳市财政局 部门整体支出绩效评价指标评分标准；湖南部门整体支出绩效评价自评报告（评价等次：优秀）",
  grades: [
    { min: 90, grade: "优", aliases: ["优秀"], label: "优秀" },
    { min: 80, grade: "良", aliases: ["良好"], label: "良好" },
    { min: 60, grade: "中", aliases: ["中等", "一般", "合格"], label: "中" },
    { min: 0, grade: "差", aliases: ["较差", "不合格"], label: "差" },
  ],
  indicatorRules: [
    { kind: "deduct-per-point", matches: ["在职人员控制率", "财政供养人员控制率", "人员控制率"], side: "over", limit: 1, perPoint: 0.5, source: "岳阳 [S16]" },
    { kind: "deduct-per-point", matches: ["三公经费变动率", "“三公经费”变动率", "\"三公经费\"变动率"], side: "over", limit: 0, perPoint: 0.5, source: "岳阳 [S16]" },
    { kind: "deduct-per-point", matches: ["三公经费控制率", "“三公经费”控制率", "\"三公经费\"控制率"], side: "over", limit: 1, perPoint: 1, source: "岳阳 [S16]" },
    {
      kind: "tiers",
      matches: ["重点支出安排率"],
      tiers: [
        { min: 0.9, share: 1 },
        { min: 0.8, share: 0.8 },
        { min: 0.7, share: 0.6 },
        { min: 0.6, share: 0.4 },
        { min: Number.NEGATIVE_INFINITY, share: 0 },
      ],
      source: "岳阳 [S16]",
    },
    {
      kind: "tiers",
      matches: ["预算调整率", "预算控制率"],
      tiers: [
        { upTo: 0, share: 1 },
        { upTo: 0.1, share: 2 / 3 },
        { upTo: 0.2, share: 1 / 3 },
        { upTo: 0.3, share: 1 / 6 },
        { upTo: Number.POSITIVE_INFINITY, share: 0 },
      ],
      source: "岳阳 [S16]",
    },
  ],
};
