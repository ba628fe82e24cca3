/**
 * The prose mistakes planted in each case's text: paragraph, the words replaced, and what the finding
 * must mention (the number as planted, in the plain Chinese message).
 */
export interface Plant {
  what: string;
  paragraph: number;
  from: string;
  to: string;
  /** The rule expected to report it. */
  rule: string;
  /** Words the message must contain. */
  says: string[];
}

export const PROJECT_PLANTS: Plant[] = [
  { what: "执行率 written 95% (table 92.31%)", paragraph: 6, from: "预算执行率为92.31%", to: "预算执行率为95%", rule: "prose-rate-matches", says: ["95%", "92.3"] },
  { what: "198.57元 for 198.57万元", paragraph: 6, from: "198.57万元", to: "198.57元", rule: "prose-amount-matches-table", says: ["198.57元", "198.57万元"] },
  { what: "已支付 189.57万元 (table 198.57)", paragraph: 6, from: "198.57万元", to: "189.57万元", rule: "prose-amount-matches-table", says: ["189.57万元", "198.57万元"] },
  { what: "年初 185.11 + 追加 40 ≠ 215.11", paragraph: 4, from: "追加预算30万元", to: "追加预算40万元", rule: "prose-parts-sum", says: ["215.11万元"] },
  { what: "三级指标10个 (the form lists 9)", paragraph: 10, from: "三级指标9个", to: "三级指标10个", rule: "prose-count-matches-list", says: ["10个", "9"] },
  { what: "完成率115% for 1700 against 1500", paragraph: 8, from: "完成率为113.33%", to: "完成率为115%", rule: "prose-rate-matches", says: ["115%", "113.3"] },
  { what: "综合得分95.23分 (form 99.23)", paragraph: 12, from: "99.23分", to: "95.23分", rule: "prose-score-matches", says: ["95.23分", "99.23"] },
  { what: "自评等级“良” (form 优)", paragraph: 12, from: "“优”", to: "“良”", rule: "prose-score-matches", says: ["良", "优"] },
];

export const SUMMARY_PLANTS: Plant[] = [
  { what: "共有10项 beside 9 projects", paragraph: 2, from: "共有9项", to: "共有10项", rule: "prose-count-matches-list", says: ["10", "9"] },
  { what: "共实施10个项目 beside 9 projects", paragraph: 9, from: "共实施预算项目9个", to: "共实施10个项目", rule: "prose-count-matches-list", says: ["10个项目", "9"] },
  { what: "共实施预算项目8个 beside 9 projects", paragraph: 9, from: "预算项目9个", to: "预算项目8个", rule: "prose-count-matches-list", says: ["8", "9"] },
  { what: "执行率83.62% (table 82.62%)", paragraph: 2, from: "预算执行率为82.62%", to: "预算执行率为83.62%", rule: "prose-rate-matches", says: ["83.62%", "82.62%"] },
  { what: "item 1: 执行率54.93% for 12.58 of 28", paragraph: 6, from: "预算执行率为44.93%", to: "预算执行率为54.93%", rule: "prose-rate-matches", says: ["54.93%", "44.93%"] },
  { what: "item 2's sentence naming the whole: 全年共支出185.89万元 (table 158.89)", paragraph: 7, from: "全年共支出158.89万元", to: "全年共支出185.89万元", rule: "prose-amount-matches-table", says: ["185.89万元", "158.89万元"] },
  { what: "支出158.89元 beside a 万元 table", paragraph: 9, from: "支出158.89万元", to: "支出158.89元", rule: "prose-amount-matches-table", says: ["158.89元", "158.89万元"] },
];

export const DEPT_PLANTS: Plant[] = [
  { what: "基本支出103.86元", paragraph: 2, from: "基本支出103.86万元", to: "基本支出103.86元", rule: "prose-amount-matches-table", says: ["103.86元", "103.86万元"] },
  { what: "项目支出1503.45万元: parts ≠ 1707.31", paragraph: 2, from: "项目支出1603.45万元", to: "项目支出1503.45万元", rule: "prose-", says: ["1503.45"] },
  { what: "综合得分96.97分 (form 97.97)", paragraph: 4, from: "97.97分", to: "96.97分", rule: "prose-score-matches", says: ["96.97分", "97.97"] },
  { what: "自评结果“良” (form 优)", paragraph: 4, from: "“优”", to: "“良”", rule: "prose-score-matches", says: ["良", "优"] },
  { what: "预算执行率97.74% (form 99.74%)", paragraph: 6, from: "预算执行率99.74%", to: "预算执行率97.74%", rule: "prose-rate-matches", says: ["97.74%", "99.74%"] },
  { what: "完成率107.5% for 23.9 of 23 (seed 002's own mistake)", paragraph: 7, from: "完成率为103.91%", to: "完成率为107.5%", rule: "prose-rate-matches", says: ["107.5%"] },
];

export const FINAL_PLANTS: Plant[] = [
  { what: "减少185.1% for a fall of 85.1% (seed 003's own mistake)", paragraph: 2, from: "减少85.1%", to: "减少185.1%", rule: "prose-change-percent", says: ["185.1%", "85.1%"] },
  { what: "基本支出442.18元", paragraph: 3, from: "基本支出442.18万元", to: "基本支出442.18元", rule: "prose-", says: ["442.18元"] },
  { what: "项目支出416.57万元: parts ≠ 848.75", paragraph: 3, from: "项目支出406.57万元", to: "项目支出416.57万元", rule: "prose-", says: ["416.57"] },
];
