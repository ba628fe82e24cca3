/**
 * prose-count-matches-list — a count in the text of a list the workbook holds must match it:
 * "N个项目" against the rows of jx_projects, "N个一级/二级/三级指标" against jx_indicators. Counts of a
 * subset (其中2个项目、3个项目未完成、有2个项目) are left alone.
 */
import { defineRule } from "../engine/types";
import type { ReportModel, TableBinding } from "../model/report-model";
import { indexToCol } from "../model/address";
import { proseCells, sheetInModel } from "../narrative/prose-cells";
import { quoteSentence } from "../narrative/phrase";
import { normalizeLabel } from "../schema/fields";
import { textCells } from "./lib/text-cells";

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
 * The projects a 项目 table lists: its named rows other than totals — down to its 合计 row when the table
 * goes on past a blank row (the 局机关 projects, a blank row, the centres' projects, 合计).
 */
function projectCount(model: ReportModel, table: TableBinding): number {
  const named = (v: unknown): boolean => text(v) !== "" && !/合计|汇总|总计|小计/.test(text(v));
  // A category's own row (一 | 公共卫生服务类 carrying its projects' subtotal) is no project.
  const mapped = table.rows.filter((r) => !r.subtotalOf && named(r.cells.name?.cell?.value)).length;
  const nameCol = table.columns.find((c) => c.key === "name");
  const sheet = model.snapshot.sheets.find((x) => x.name === table.sheet);
  if (!nameCol || !sheet) return mapped;
  const last = table.rows.length ? table.rows[table.rows.length - 1].row : table.headerRow;
  const col = indexToCol(nameCol.col);
  // The first row below the mapped rows that reads 合计 in some cell: rows up to it are the table's.
  let totalRow: number | undefined;
  // Text cells only, with their row already read (lib/text-cells.ts).
  const texts = textCells(sheet);
  for (let i = 0; i < texts.length; i++) {
    const { value, row: r } = texts[i];
    // (计 first: every 合计 and 总计 has one, and most text cells are names.)
    if (!value.includes("计") || !/^(?:合计|总计)[:：]?$/.test(value.replace(/\s+/g, ""))) continue;
    if (r > last && (totalRow === undefined || r < totalRow)) totalRow = r;
  }
  if (totalRow === undefined) return mapped;
  let more = 0;
  for (let r = last + 1; r < totalRow; r++) if (named(sheet.cells[`${col}${r}`]?.value)) more++;
  return mapped + more;
}

/**
 * Count the lists of a workbook: project rows, and distinct 一级 / 二级 indicators and 三级 rows
 * (each with and without a 预算执行率 row, since reports count it either way).
 */
export function listCounts(model: ReportModel): ListCounts {
  const out: { -readonly [K in keyof ListCounts]: number[] } = {};
  const projects = model.tables.jx_projects;
  if (projects) out.projects = [projectCount(model, projects)];
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

/** The nouns a count may follow (三级指标9个), each with the words that make it a total, not a subset. */
const NOUNS_BEFORE: readonly [RegExp, keyof ListCounts, string][] = [
  [/一级指标$/, "level1", "一级指标"],
  [/二级指标$/, "level2", "二级指标"],
  [/(?:三级指标|绩效指标)$/, "level3", "三级指标"],
  [/(?:预算)?项目$/, "projects", "项目"],
];
/** Before the noun: a total's verb (共设置, 共实施, 设有) or nothing; a subset (完成的, 未达成, 其中) is left alone. */
const TOTAL_BEFORE_NOUN = /(?:^|共|共计|合计|总计|累计|设置了?|设定了?|设立了?|设有|共有|实施了?|开展了?|安排了?|涉及|包含|包括)(?:预算|绩效)?$/;
const SUBSET_WORDS = /未|完成|达成|达到|实现|其中|偏差|不|新增|重点|已/;

function nounBeforeCount(label: string, keyList = false): { noun: [RegExp, keyof ListCounts, string]; written: string } | undefined {
  // A total's verb after the noun (预算项目共有9项, 三级指标总数为9个) makes it a total as well.
  const verbAfter = TOTAL_AFTER_NOUN.exec(label);
  const l = verbAfter ? label.slice(0, verbAfter.index) : label;
  for (const [re, key, name] of NOUNS_BEFORE) {
    const m = re.exec(l);
    if (!m) continue;
    const before = l.slice(0, m.index);
    let lead = before.replace(/^(?:本项目|本部门|本单位|项目|部门|单位|\d{4}年度?|年度|全年|本年度?)/, "");
    // A 部门整体 form's list is its 重点项目: “实施重点项目4个” counts that list, no subset of it.
    if (keyList && key === "projects") lead = lead.replace(/重点$/, "");
    if (SUBSET_WORDS.test(lead) || (!verbAfter && !TOTAL_BEFORE_NOUN.test(lead))) return undefined;
    return { noun: [/$^/, key, name], written: label.slice(m.index) };
  }
  return undefined;
}

/** A total's verb written after the noun: 共有, 共计, 总数为 … */
const TOTAL_AFTER_NOUN = /(?:共有|共计|共|合计|总计|总数为?|数量为?|个数为?)$/;

/** `项目自评为优`, `个项目评价等次为“良”`: the grade a count of projects is given. */
const GRADE_CLAUSE = /^(?:个|项)?(?:预算)?项目(?:的)?(?:自评|评价)?(?:结果|等次|等级)?(?:为|是|评为|被评为)[“"‘]?([优良中差])/;

/**
 * How many projects of jx_projects carry `grade` (优秀 counts as 优), or undefined when a named project row
 * has no grade (the list cannot answer).
 */
function gradeCount(model: ReportModel, grade: string): number | undefined {
  const table = model.tables.jx_projects;
  if (!table || !table.columns.some((c) => c.key === "grade")) return undefined;
  const rows = table.rows.filter((r) => !r.isSummary && !r.subtotalOf && text(r.cells.name?.cell?.value) !== "" && !/合计|汇总|总计|小计/.test(text(r.cells.name?.cell?.value)));
  if (rows.length === 0) return undefined;
  let n = 0;
  for (const r of rows) {
    const g = text(r.cells.grade?.cell?.value);
    if (!/^[优良中差]/.test(g)) return undefined;
    if (g.startsWith(grade)) n++;
  }
  return n;
}

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
        // The lists are counted only when a text states a count of one (most workbooks: never).
        let counts: ListCounts | undefined;
        for (const pc of proseCells(context.model)) {
          // Another form's sheet (the second project of a workbook) is not counted by this model's lists.
          if (!sheetInModel(context.model, pc.ref.sheet)) continue;
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "count" || (q.unit !== "个" && q.unit !== "项") || q.approx || q.direction || q.comparator) continue;
            const after = pc.text.slice(q.end, q.end + 12).replace(/\s+/g, "");
            // The noun after the count (9个项目), or before it (共设置三级指标9个, 共实施预算项目9个).
            const nounAfter = NOUNS.find(([re]) => re.test(after));
            const nounBefore = nounAfter ? undefined : nounBeforeCount(q.label, context.model.form?.kind === "dept");
            const noun = nounAfter ?? nounBefore?.noun;
            if (!noun) continue;
            // 7个项目自评为优: the projects the list grades so.
            const graded = noun[1] === "projects" && nounAfter ? GRADE_CLAUSE.exec(pc.text.slice(q.end).split(/[，,。；;]/)[0]) : null;
            if (graded) {
              const n = gradeCount(context.model, graded[1]);
              if (n === undefined || n === q.value) continue;
              const phrase = `${q.text}${pc.text.slice(q.end).split(/[，,。；;]/)[0]}`;
              context.report({
                at: pc.ref,
                messageId: "countMismatch",
                field: pc.field,
                data: { sentence: quoteSentence(q), phrase, actualCount: n, noun: `评为“${graded[1]}”的项目` },
                expected: `${n}${q.unit}项目`,
                actual: phrase,
              });
              continue;
            }
            counts ??= listCounts(context.model);
            const list = counts[noun[1]];
            if (!list || list.includes(q.value)) continue;
            // A subset: 其中2个项目, 有3个项目, 2个项目未完成 / 执行率低于…
            const label = q.rawLabel.replace(/\s+/g, "");
            if (/(?:其中|中|有|仅|只|未|另)$/.test(label) && !/(?:共有|设有|含有|包含有)$/.test(label)) continue;
            const clause = pc.text.slice(q.end).split(/[，,。；;]/)[0];
            if (/未|没有|尚未|低于|不足|超过|以上|以下|以内/.test(clause)) continue;
            // A breakdown: 其中7个项目自评为优，1个项目自评为良 — every count after 其中, and a grade's class; but
            // “9个项目中，7个项目自评为优” counts the whole the breakdown is of.
            const wholeOfBreakdown = nounAfter !== undefined && /^(?:预算)?项目(?:中|里|当中)/.test(after);
            if (/其中/.test(pc.text.slice(q.sentence.start, q.start)) || (!wholeOfBreakdown && /(?:自评|评价)?(?:为|结果为|等次为|等级为)[优良中差]/.test(clause))) continue;
            const phrase = nounBefore ? `${nounBefore.written}${q.text}` : `${q.text}${noun[0].exec(after)?.[0] ?? noun[2]}`;
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
