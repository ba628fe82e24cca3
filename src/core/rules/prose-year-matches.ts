/**
 * prose-year-matches — a year in the text that is plainly the report period but is not the report year
 * (jx_report_year): "截至2019年12月31日" in a 2020 report, "2023年度绩效自评" in a 2024 one,
 * "本年度（2023年）". Conservative: sentences that compare with another year (比上年、与2019年相比、增加、减少)
 * and plans for the next year are left alone.
 *
 * Also a document dated before the year its own number gives (seed 004: “1996年6月29日，…印发关于《…》
 * （劳社部发〔1999〕23号）”): a 文号's bracketed year is the year the document was issued.
 */
import { defineRule } from "../engine/types";
import { proseCells, reportYear } from "../narrative/prose-cells";
import { quoteSentence } from "../narrative/phrase";

/** Message ids of prose-year-matches. */
export type MessageId = "yearMismatch" | "documentBeforeItsNumber";

/** A full date: 1996年6月29日 (the day may be left out: 1996年6月). */
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/g;
/** A document number with its year in brackets: 劳社部发〔1999〕23号, 财预[2020]10号, 川医保发（2021）5号. */
const DOC_NUMBER = /[\u4e00-\u9fa5A-Za-z]{1,12}\s*[〔［[(（]\s*((?:19|20)\d{2})\s*[〕］\])）]\s*\d{1,4}\s*号/;
/** Words that say the date is the document's issue: 印发, 发布, 下发 … */
const ISSUED = /印发|发布|下发|出台|颁布|发文|制定|发出|转发/;

/**
 * The documents a text dates before their own number's year: a full date, then within the same sentence
 * (no other date between, an issuing verb between) the first document number, whose year is later.
 */
export function documentsBeforeTheirNumber(text: string): { date: string; dateYear: number; number: string; numberYear: number; quote: string }[] {
  const out: { date: string; dateYear: number; number: string; numberYear: number; quote: string }[] = [];
  for (const m of text.matchAll(DATE)) {
    const from = (m.index ?? 0) + m[0].length;
    const end = text.slice(from).search(/[。！？!?\n]/);
    const rest = text.slice(from, end < 0 ? undefined : from + end).slice(0, 160);
    const doc = DOC_NUMBER.exec(rest);
    if (!doc) continue;
    const between = rest.slice(0, doc.index);
    if (new RegExp(DATE.source).test(between) || !ISSUED.test(between)) continue;
    const dateYear = Number(m[1]);
    const numberYear = Number(doc[1]);
    if (numberYear <= dateYear) continue;
    // The number's closing bracket (…（劳社部发〔1999〕23号）) goes with it.
    const docEnd = doc.index + doc[0].length + (/^[)）]/.test(rest.slice(doc.index + doc[0].length)) ? 1 : 0);
    const whole = `${m[0]}${rest.slice(0, docEnd)}`;
    const quote = whole.length > 60 ? `${m[0]}，…${rest.slice(Math.max(0, doc.index - 20), docEnd)}` : whole;
    out.push({ date: m[0], dateYear, number: doc[0].trim(), numberYear, quote });
  }
  return out;
}

const COMPARISON = /比|较|相比|同比|上年|去年|增加|减少|增长|下降|提前|下一步|明年|下年|计划|将|整改|发现的问题|指出|反馈/;
const PERIOD_AFTER = /^年度?(?:部门整体支出|项目支出|部门)?(?:绩效自评|绩效评价|自评|预算执行|部门预算|全年预算|年初预算|决算)|^年度[“"]?三公[”"]?经费[^，。；;,]{0,12}?(?:决算|情况说明)|^年度(?:国有)?资产占用情况/;
/** The year of a self-evaluation named with its subject between (2024年度区医保局部门整体支出绩效自评). */
const EVALUATION_AFTER = /^年度[^，。；;,、：:“”"]{1,12}?(?:部门整体支出|项目支出)?(?:绩效自评|绩效评价)/;
/** Words of a comparison within the year (比年初预算增加…): no other period is named. */
const WITHIN_YEAR = /(?:比|较|与)年初(?:预算)?(?:数)?(?:相比)?|增加|减少|增长|下降/g;

/** Whether the sentence compares with another period, rather than only with this year's 年初预算. */
function comparesPeriods(sentence: string): boolean {
  if (!COMPARISON.test(sentence)) return false;
  const withinYear = /(?:比|较|与)年初/.test(sentence) && !/上年|去年|同期|同比|上一年|(?:19|20)\d{2}年[^度]{0,3}(?:相比|比)/.test(sentence);
  return !withinYear || COMPARISON.test(sentence.replace(WITHIN_YEAR, ""));
}
const YEAR_END_AFTER = /^年度?(?:12月(?:底|末|31日)?|年底|年末|底|末)/;

/** Years in prose must match the report year. */
export const proseYearMatches = defineRule<MessageId>({
  id: "prose-year-matches",
  meta: {
    type: "problem",
    docs: { description: "文字中表示本评价期的年份应与评价年度一致。", recommended: true },
    messages: {
      "yearMismatch": "“{{sentence}}”中的“{{phrase}}”与评价年度{{reportYear}}年不符。",
      "documentBeforeItsNumber": "“{{sentence}}”：文号“{{number}}”是{{numberYear}}年的文件，印发日期却写作{{date}}，早于文号的年份；请核对日期或文号。",
    },
  },
  create(context) {
    return {
      workbook() {
        for (const pc of proseCells(context.model)) {
          for (const d of documentsBeforeTheirNumber(pc.text)) {
            context.report({
              at: pc.ref,
              messageId: "documentBeforeItsNumber",
              field: pc.field,
              data: { sentence: d.quote, number: d.number, numberYear: d.numberYear, date: d.date },
              actual: d.date,
            });
          }
        }
        const year = reportYear(context.model);
        if (year === undefined) return;
        for (const pc of proseCells(context.model)) {
          const text = pc.text;
          for (const q of pc.analysis.quantities) {
            if (q.kind !== "year") continue;
            const after = text.slice(q.start + 4, q.start + 20);
            // The words right before the year, across a bracket (本年度（2020年）).
            const label = text.slice(Math.max(0, q.start - 8), q.start).replace(/\s+/g, "");
            let expectedYear: number | undefined;
            if (/(?:本年度?|当年度?)[(（]$/.test(label)) expectedYear = year;
            else if (/(?:上年度?|上一年度?)[(（]$/.test(label)) expectedYear = year - 1;
            else if (/(?:截至|截止|截止到|截至到)$/.test(label) && YEAR_END_AFTER.test(after)) expectedYear = year;
            else if ((PERIOD_AFTER.test(after) || EVALUATION_AFTER.test(text.slice(q.start + 4, q.start + 32))) && !comparesPeriods(q.sentence.text)) expectedYear = year;
            if (expectedYear === undefined || q.value === expectedYear) continue;
            if (expectedYear === year && comparesPeriods(q.sentence.text) && !/[(（]$/.test(label)) continue;
            const phrase = text.slice(q.start, q.start + 4 + (/^年度?/.exec(after)?.[0].length ?? 1));
            context.report({
              at: pc.ref,
              messageId: "yearMismatch",
              field: pc.field,
              data: { sentence: quoteSentence(q), phrase, reportYear: year },
              expected: `${expectedYear}年`,
              actual: phrase,
            });
          }
        }
      },
    };
  },
});

export default proseYearMatches;
