/**
 * year-matches-report — a title, heading or statement that names an evaluation year other than
 * jx_report_year ("2020年度部门整体支出绩效自评报告" in a 2021 workbook: last year's file reused), and a
 * 报告日期 outside the report year or the year after. Conservative by design: only short text cells
 * (titles, headings, labelled statements), only years followed by the words of a self-evaluation
 * (绩效自评, 整体支出 …), never inside a quoted document title 《…》 or a comparison (比上年 …).
 * Years in the narrative prose are prose-year-matches' business.
 */
import { defineRule, type Fix } from "../engine/types";
import type { CellRef, SheetSnapshot } from "../model/snapshot";
import { SCALAR_FIELDS } from "../schema/fields";
import { sameForm } from "../model/report-model";
import { toHalfWidth } from "../units";
import { dateMonth, dateText, dateYear, settledYear } from "../narrative/report-year";
import { textCells } from "./lib/text-cells";

/** Message ids of year-matches-report. */
export type MessageId = "titleYear" | "statementYear" | "reportDateYear" | "reportDateEarly";

/** Longer cells are prose, not titles or statements. */
const MAX_TITLE_LENGTH = 60;

/** A year followed, within a few characters, by the words that name a self-evaluation report. */
const TITLE_YEAR = /((?:19|20)\d{2})年度?(?=[^，。；;,！!？?]{0,16}?(?:绩效自评|绩效评价|自评报告|评价报告|整体支出|支出绩效|部门决算|决算[^，。；;,！!？?数额]{0,8}?(?:表|说明|报告)|情况说明$|资产占用情况表|资产情况表))/g;
/** A labelled statement of the evaluation year: 评价年度：2020年. */
const STATEMENT_YEAR = /^(?:评价年度|评价年份|预算年度|评价期间|绩效评价年度)[:：]?((?:19|20)\d{2})/;
/** A labelled report date: 报告日期：2022年8月16日. */
const REPORT_DATE = /^(?:报告日期|填报日期|报送日期)[:：]?/;
/** Words that compare periods: the year is then about another period on purpose. */
const COMPARISON = /比上年|与上年|上年度|去年|相比|同比|较上年|结转|规划|计划|十[一二三四五六七八九]五/;

/** Whether position `i` of `text` lies inside a quoted document title 《…》. */
function insideBookTitle(text: string, i: number): boolean {
  const before = text.slice(0, i);
  return before.lastIndexOf("《") > before.lastIndexOf("》");
}

/** The cell's text with `wrong` (as a year) replaced by `right`, for the suggestion. */
function replaceYear(text: string, wrong: number, right: number): string {
  // The year before 年 first (2020年度); else the year alone (评价年度：2020, a bare 2020).
  const before = new RegExp(`${wrong}(?=\\s*年)`);
  return before.test(text) ? text.replace(before, String(right)) : text.replace(new RegExp(`(?<!\\d)${wrong}(?!\\d)`), String(right));
}

/** Titles, statements and the report date agree with jx_report_year. */
export const yearMatchesReport = defineRule<MessageId>({
  id: "year-matches-report",
  meta: {
    type: "suggestion",
    docs: { description: "标题、评价年度说明和报告日期中的年份应与评价年度一致。", recommended: true },
    messages: {
      "titleYear": "“{{text}}”写的是 {{actual}} 年度，但评价年度是 {{year}} 年；可能沿用了往年的文件，请核对。",
      "statementYear": "“{{text}}”写的评价年度是 {{actual}} 年，与评价年度 {{year}} 年不一致，请核对。",
      "reportDateYear": "报告日期“{{text}}”在 {{actual}} 年，但评价年度是 {{year}} 年；报告通常在评价年度当年或次年出具，请核对日期。",
      "reportDateEarly": "报告日期“{{text}}”在评价年度 {{year}} 年结束之前；年度自评要在年度结束后才能作出，请核对日期（可能沿用了上一年报告的日期）。",
    },
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const { model, snapshot } = context;
        const yearBinding = model.scalars.jx_report_year;
        // The written year, and the year the workbook is about (the odd cell settled by the other forms'
        // years and the 填报日期: narrative/report-year.ts, shared with the prose rules).
        const { own, year: settled } = settledYear(model);
        if (own === undefined || settled === undefined) return;
        let year = settled;
        const others = (model.forms ?? []).filter((f) => f.year !== undefined && !sameForm(f, model.form));
        // A year read from a title or a year line (not a labelled 评价年度), older than every 资金文号 of the
        // table (`承财社[2019]107号`: the funds of year T are allotted in T−1 or T, never after): the title is
        // the odd one (last year's title kept on this year's table). The year is the 文号s' most common one.
        if (year === own && others.length === 0 && yearBinding?.cell && !STATEMENT_YEAR.test(toHalfWidth(String(yearBinding.cell.value ?? "")).replace(/\s+/g, ""))) {
          const docs = documentYears(snapshot);
          const years = [...docs.keys()];
          const [best] = [...docs.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
          if (best !== undefined && [...docs.values()].reduce((a, b) => a + b, 0) >= 2 && years.every((y) => y > own)) year = best;
        }
        if (year !== own && yearBinding?.cell) {
          // The cell as written: a `评价年度：2020` cell is bound to its value, but the fix rewrites the whole cell.
          const written = snapshot.sheets.find((x) => x.name === yearBinding.ref.sheet)?.cells[yearBinding.ref.address]?.value;
          const raw = String(written ?? yearBinding.cell.value ?? "");
          context.report({
            at: yearBinding.ref,
            messageId: "statementYear",
            field: "jx_report_year",
            data: { text: raw, actual: own, year },
            expected: `${year}年`,
            actual: `${own}年`,
            suggestions: [{ description: `将${yearBinding.ref.address}中的${own}年改为${year}年`, writes: [{ at: yearBinding.ref, value: typeof written === "number" ? year : replaceYear(raw, own, year) }] }],
          });
        }
        const key = (r: CellRef): string => `${r.sheet}!${r.address}`;
        const skip = new Set<string>();
        if (yearBinding) skip.add(key(yearBinding.ref));
        for (const f of SCALAR_FIELDS) {
          const b = model.scalars[f.id];
          if (b && f.kind === "narrative") skip.add(key(b.ref));
        }
        const date = model.scalars.jx_report_date;
        if (date?.cell) {
          skip.add(key(date.ref));
          const z = dateYear(date.cell);
          // A date early in the report year itself (2021年3月15日 on a 2021 report): the year is not over,
          // so the date is last year's report's, kept. November and December may be a year-end 自评.
          // A date typed as a date is a serial: it is shown as the clerk sees it (2024年3月15日).
          const month = dateMonth(date.cell);
          if (z === year && month !== undefined && month <= 10) {
            context.report({
              at: date.ref,
              messageId: "reportDateEarly",
              field: "jx_report_date",
              data: { text: dateText(date.cell), year },
              expected: `${year + 1}年`,
              actual: `${z}年${month}月`,
            });
          }
          if (z !== undefined && z !== year && z !== year + 1) {
            context.report({
              at: date.ref,
              messageId: "reportDateYear",
              field: "jx_report_date",
              data: { text: dateText(date.cell), actual: z, year },
              expected: `${year}年或${year + 1}年`,
              actual: `${z}年`,
            });
          }
        }
        for (const sheet of snapshot.sheets) {
          // Text cells only (rules/lib/text-cells.ts), and the cheap tests first: every pattern below
          // needs a four-digit year and a 年 or 期 (评价年度, 2020年度…报告, 评价期间, 报告日期), so a cell
          // without them (机构名称, 项目名称, 400、二级机构400 …: nearly all text cells) is passed over at once.
          const texts = textCells(sheet);
          for (let i = 0; i < texts.length; i++) {
            const { address, value } = texts[i];
            if (!mayNameYear(value)) continue;
            const at = { sheet: sheet.name, address };
            if (skip.has(key(at))) continue;
            const raw = value.trim();
            const text = toHalfWidth(raw).replace(/\s+/g, "");
            if (text.length === 0 || text.length > MAX_TITLE_LENGTH) continue;
            const found = check(text, year) ?? yearLine(text, address, year);
            if (!found) continue;
            const suggestion: Fix | undefined =
              found.messageId === "reportDateYear"
                ? undefined
                : { description: `将${address}中的${found.actual}年改为${year}年`, writes: [{ at, value: replaceYear(raw, found.actual, year) }] };
            context.report({
              at,
              messageId: found.messageId,
              field: found.messageId === "reportDateYear" ? "jx_report_date" : undefined,
              data: { text: raw, actual: found.actual, year },
              expected: found.messageId === "reportDateYear" ? `${year}年或${year + 1}年` : `${year}年`,
              actual: `${found.actual}年`,
              ...(suggestion ? { suggestions: [suggestion] } : {}),
            });
          }
        }
      },
    };
  },
});

/** How often each year is the year of a document number in a short cell (`承财社[2019]107号`, `〔2019〕`). */
function documentYears(snapshot: { sheets: readonly SheetSnapshot[] }): Map<number, number> {
  const out = new Map<number, number>();
  for (const sheet of snapshot.sheets) {
    const texts = textCells(sheet);
    for (let i = 0; i < texts.length; i++) {
      const v = texts[i].value;
      // 号 first: toHalfWidth leaves it as it is, and most short texts have none.
      if (v.length > 40 || !v.includes("号") || !hasFourDigits(v)) continue;
      const m = /[[〔【(]((?:19|20)\d{2})[\]〕】)]\s*\d+\s*号/.exec(toHalfWidth(v));
      if (m) out.set(Number(m[1]), (out.get(Number(m[1])) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Whether a text may hold a year {@link check} reports: a four-digit year and a 年 or 期 (every pattern
 * needs one: 2020年度, 评价年度, 评价期间, 报告日期; toHalfWidth and removing spaces change neither).
 */
function mayNameYear(text: string): boolean {
  return (text.includes("年") || text.includes("期")) && hasFourDigits(text);
}

/** Whether a text holds at least four digits (ASCII or full-width), in any positions. */
function hasFourDigits(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (++n >= 4) return true;
    }
  }
  return false;
}

/** The first contradicting year of a short text, if any. */
function check(text: string, year: number): { messageId: MessageId; actual: number } | undefined {
  if (REPORT_DATE.test(text)) {
    const m = /((?:19|20)\d{2})(?:年|[-/.])/.exec(text);
    const z = m ? Number(m[1]) : undefined;
    return z !== undefined && z !== year && z !== year + 1 ? { messageId: "reportDateYear", actual: z } : undefined;
  }
  const statement = STATEMENT_YEAR.exec(text);
  if (statement) {
    const z = Number(statement[1]);
    return z !== year ? { messageId: "statementYear", actual: z } : undefined;
  }
  if (COMPARISON.test(text)) return undefined;
  for (const m of text.matchAll(TITLE_YEAR)) {
    const z = Number(m[1]);
    if (z !== year && !insideBookTitle(text, m.index ?? 0)) return { messageId: "titleYear", actual: z };
  }
  return undefined;
}

/**
 * A table's year line under its title (`（2020年度）`, `部门：宣汉县医疗保障局（2020年度）`, `2020年度`): a
 * cell that is the year alone, or a unit's label with the year in brackets, in the sheet's first three
 * rows. A 收入决算表 copied from last year keeps last year's line while the other tables move on.
 */
const YEAR_LINE = /^(?:(?:部门|单位|编制单位|填报单位|主管部门|预算单位)[:：][^()]{1,30})?\(?((?:19|20)\d{2})年度?\)?$/;

function yearLine(text: string, address: string, year: number): { messageId: MessageId; actual: number } | undefined {
  const row = Number(/\d+$/.exec(address)?.[0] ?? "99");
  if (row > 3) return undefined;
  const m = YEAR_LINE.exec(text);
  const z = m ? Number(m[1]) : undefined;
  return z !== undefined && z !== year ? { messageId: "titleYear", actual: z } : undefined;
}

export default yearMatchesReport;
