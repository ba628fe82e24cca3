/**
 * What the hand-built 部门整体 forms (form-vocabulary.test.ts, dept-by-hand.test.ts) share: seed 002's
 * 按支出性质分 split merged down column A (rows 8–9, 项目支出 corrected to 1603.45 so that it foots) and the
 * 年度总体目标 row under it (row 10).
 */
import type { SheetWriter } from "./book";

/** Rows 8–10: 基本支出 / 项目支出 under `heading`, each with 年初 / 全年 / 执行 through `money`, and the goal. */
export function writeExpenseSplitAndGoal(s: SheetWriter, money: (row: number, values: [number, number, number]) => void, heading = "按支出性质分"): void {
  s.merged("A8:A9", heading);
  s.label("B8", "基本支出");
  money(8, [100.0, 104.2, 103.86]);
  s.label("B9", "项目支出");
  money(9, [1532.87, 1607.55, 1603.45]);
  s.merged("A10:B10", "年度总体目标");
  s.merged("C10:I10", "推进医保综合柜员制改革，做好城乡居民医保参保缴费，落实医疗救助政策，加强医保基金监管。", { wrap: true });
}
