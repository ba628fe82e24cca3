/**
 * Bureaus name the same columns differently (调整后预算数 for 全年预算数, 全年实际支出 for 全年执行数, 标准分值
 * for 分值, 全年实际值 for 实际完成值 …). Every corpus layout, with each header renamed to a synonym bureaus
 * use, must stay free of errors when consistent and must still report each planted number, score and grade
 * mistake. A sweep of this kind found 年初数, 全年实际支出, 实际得分, 全年实际值, 评价等级 and others unread.
 *
 * Left out on purpose: 分数 for 分值 (in a clerk's form it may be the score as well as the points), a bare
 * 预算数 in a funds block (a three-row header's parent cell over 年初预算数 / 全年预算数).
 *
 * A row label is renamed with its numbering or 其中 kept (一、基本支出 → 一、基本经费, 其中：人员经费 →
 * 其中：人员支出), so the funds rows of every layout are swept, not only the ones written bare.
 */
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, snapshotOf, type BookSpec } from "./book";
import { buildCorpus } from "./corpus";
import type { Kind } from "./types";

const SYNONYMS: readonly (readonly [string, string])[] = [
  ["全年预算数", "调整后预算数"],
  ["全年预算数", "全年预算"],
  ["全年执行数", "实际执行数"],
  ["全年执行数", "全年实际支出"],
  ["年初预算数", "年初数"],
  ["执行率", "预算执行率"],
  ["分值", "权重"],
  ["分值", "标准分值"],
  ["得分", "实际得分"],
  ["年度指标值", "年度目标值"],
  ["实际完成值", "全年实际值"],
  ["实际完成值", "完成值"],
  ["评价等次", "评价等级"],
  // Row labels and the indicator table's headers.
  ["当年财政拨款", "本年财政拨款"],
  ["上年结转资金", "上年结转结余"],
  ["其他资金", "其他来源资金"],
  ["人员经费", "人员支出"],
  ["公用经费", "公用支出"],
  ["基本支出", "基本经费"],
  ["项目支出", "项目经费"],
  ["合计", "总计"],
  ["总分", "综合得分"],
  ["一级指标", "一级"],
  ["三级指标", "指标名称"],
  ["偏差原因分析及改进措施", "偏差原因及改进措施"],
  ["产出指标", "产出"],
  ["效益指标", "效益"],
  ["满意度指标", "满意度"],
];
const KINDS: ReadonlySet<Kind> = new Set<Kind>(["part-not-footing", "yuan-in-part", "yuan-in-total", "total-wrong", "rate-wrong", "exec-score-wrong", "subtotal-over-parts", "weights-total", "score-over-weight", "grade-mismatch"]);

const norm = (s: string): string => s.replace(/\s+/g, "");
/** What may stand before a row label: its numbering (一、 1. （一）) or 其中：. */
const ROW_PREFIX = /^(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])?(?:其中[:：])?$/;
/** The cell's text with `label` renamed to `synonym`, when the cell is that label (with a row prefix). */
function renamed(v: string, label: string, synonym: string): string | undefined {
  const n = norm(v);
  if (n === label) return synonym;
  if (!n.endsWith(label) || !ROW_PREFIX.test(n.slice(0, n.length - label.length)) || !v.includes(label)) return undefined;
  return v.replace(label, synonym);
}
const keys = (b: BookSpec, severity?: string): string[] =>
  checkWorkbook(snapshotOf(b))
    .findings.filter((f) => (severity ? f.severity === severity : f.severity !== "info"))
    .map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${f.ref}`);

const cases = buildCorpus().flatMap((c) =>
  SYNONYMS.flatMap(([label, synonym]) => {
    const cells: [string, string, string][] = [];
    for (const sh of c.book.sheets) {
      for (const [a1, cell] of sh.cells) {
        const to = typeof cell.v === "string" ? renamed(cell.v, label, synonym) : undefined;
        if (to !== undefined) cells.push([sh.name, a1, to]);
      }
    }
    return cells.length ? [[`${c.file}: ${label} → ${synonym}`, c, cells] as const] : [];
  }),
);

test.each(cases)("%s", (_name, c, cells) => {
  const rename = (b: BookSpec): BookSpec => {
    for (const [s, a, to] of cells) b.sheets.find((x) => x.name === s)!.cells.get(a)!.v = to;
    return b;
  };
  const before = new Set(keys(c.book));
  const consistent = keys(rename(copyBook(c.book)), "error").filter((k) => !before.has(k));
  const unseen = c.variants
    .filter((v) => KINDS.has(v.kind))
    .filter((v) => {
      const planted = copyBook(c.book);
      v.plant(planted);
      return !keys(rename(planted)).some((k) => !before.has(k));
    })
    .map((v) => `${v.kind}: ${v.what}`);
  expect({ "new errors on the consistent workbook": consistent, "planted mistakes no longer reported": unseen }).toEqual({
    "new errors on the consistent workbook": [],
    "planted mistakes no longer reported": [],
  });
});
