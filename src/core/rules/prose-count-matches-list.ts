/**
 * prose-count-matches-list — a count in the text of a list the workbook holds must match it:
 * "N个项目" against the rows of jx_projects, "N个一级/二级/三级指标" against jx_indicators. Counts of a
 * subset (其中2个项目、3个项目未完成、有2个项目) are left alone.
 */
import { defineRule } from "../engine/types";
import type { ReportModel } from "../model/report-model";
import { proseCells } from "../narrative/prose-cells";
import { quoteSentence } from "../narrative/phrase";
import { normalizeLabel } from "../schema/fields";

/** Message ids of prose-count-matches-list. */
export type MessageId = "countMismatch";

/** The counts of the workbook's lists; each may be written with or without a 预算执行率 row. */
export interface ListCounts {
  readonly projects?: readonly number[];
  readonly level1?: readonly number[];
  readonly level2?: readonly number[];
  readonly level3?: readonly number[];
}

const EXEC = /预算执行|执行率/;

function text(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? normalizeLabel(String(v)) : "";
}

/**
 * Count the lists of a workbook: project rows, and distinct 一级 / 二级 indicators and 三级 rows
 * (each with and without a 预算执行率 row, since reports count it either way).
 */
export function listCounts(model: ReportModel): ListCounts {
  const out: { -readonly [K in keyof ListCounts]: number[] } = {};
  const projects = model.tables.jx_projects;
  if (projects) out.projects = [projects.rows.filter((r) => text(r.cells.name?.cell?.value) && !/合计|汇总|总计/.test(text(r.cells.name?.cell?.value))).length];
  const ind = model.tables.jx_indicators;
  if (ind) {
    const rows = ind.rows.filter((r) => text(r.cells.level3?.cell?.value) || text(r.level1 ?? r.cells.level1?.cell?.value));
    const count = (rs: typeof rows): [number, number, number] => {
      const l1 = new Set(rs.map((r) => text(r.level1 ?? r.cells.level1?.cell?.value)).filter(Boolean));
      const l2 = new Set(rs.filter((r) => text(r.level2 ?? r.cells.level2?.cell?.value)).map((r) => `${text(r.level1 ?? r.cells.level1?.cell?.value)}|${text(r.level2 ?? r.cells.level2?.cell?.value)}`));
      const l3 = rs.filter((r) => text(r.cells.level3?.cell?.value)).length;
      return [l1.size, l2.size, l3];
    };
    const all = count(rows);
    const noExec = count(rows.filter((r) => !EXEC.test(`${text(r.level1 ?? r.cells.level1?.cell?.value)}${text(r.cells.level3?.cell?.value)}`)));
    out.level1 = [all[0], noExec[0]];
    out.level2 = [all[1], noExec[1]];
    out.level3 = [all[2], noExec[2]];
  }
  return out;
}

const NOUNS: readonly [RegExp, keyof ListCounts, string][] = [
  [/^一级指标/, "level1", "一级指标"],
  [/^二级指标/, "level2", "二级指标"],
  [/^(?:三级指标|绩效指标)/, "level3", "三级指标"],
  [/^(?:预算)?项目/, "projects", "项目"],
];

/** Counts in prose must match the lists in the workbook. */
export const proseCountMatchesList = defineRule<MessageId>({
  id: "prose-count-matches-list",
  meta: {
    type: "problem",
    docs: { description: "文字中的项目数、指标数应与工作簿中的清单一致。", recommended: true },
    messages: {
      "countMismatch": "“{{sentence}}”写有“{{phrase}}”，但工作簿中列有{{actualCount}}个{{noun}}。",
    },
  },
  create(context) {
    return {
      workbook() {
        const counts = listCounts(context.model);
        for (const pc of proseCells(context.model)) {
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "count" || (q.unit !== "个" && q.unit !== "项") || q.approx || q.direction || q.comparator) continue;
            const after = pc.text.slice(q.end, q.end + 12).replace(/\s+/g, "");
            // The noun after the count (9个项目), or before it (共实施预算项目9个).
            const before = q.rawLabel.replace(/\s+/g, "");
            const noun = NOUNS.find(([re]) => re.test(after)) ?? NOUNS.find(([, , name]) => before.endsWith(name) || (name === "项目" && before.endsWith("预算项目")));
            if (!noun) continue;
            const list = counts[noun[1]];
            if (!list || list.includes(q.value)) continue;
            // A subset: 其中2个项目, 有3个项目, 2个项目未完成 / 执行率低于…
            const label = q.rawLabel.replace(/\s+/g, "");
            if (/(?:其中|中|有|仅|只|未|另)$/.test(label) && !/(?:共有|设有|含有|包含有)$/.test(label)) continue;
            const clause = pc.text.slice(q.end).split(/[，,。；;]/)[0];
            if (/未|没有|尚未|低于|不足|超过|以上|以下|以内/.test(clause)) continue;
            // A count after 其中 in its sentence is a subset (其中7个项目自评为优，1个项目自评为良); so is a
            // count of those with a grade or a result (N个项目自评为…/评为…/达到…).
            const sentenceBefore = pc.text.slice(q.sentence.start, q.start);
            if (/其中/.test(sentenceBefore) || /^(?:项目)?(?:自评|评为|评价为|等次为|达到|获得|完成)/.test(after.replace(noun[0], "")) || (!NOUNS.some(([re]) => re.test(after)) && /均|都/.test(clause))) continue;
            const written = noun[0].exec(after)?.[0];
            const phrase = written ? `${q.text}${written}` : `${noun[2]}${q.text}`;
            context.report({
              at: pc.ref,
              messageId: "countMismatch",
              field: pc.field,
              data: { sentence: quoteSentence(q), phrase, actualCount: list[0], noun: noun[2] },
              expected: `${list[0]}${q.unit}${noun[2]}`,
              actual: phrase,
            });
          }
        }
      },
    };
  },
});

export default proseCountMatchesList;
