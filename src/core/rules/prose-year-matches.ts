/**
 * prose-year-matches — a year in the text that is plainly the report period but is not the report year
 * (jx_report_year): "截至2019年12月31日" in a 2020 report, "2023年度绩效自评" in a 2024 one,
 * "本年度（2023年）". Conservative: sentences that compare with another year (比上年、与2019年相比、增加、减少)
 * and plans for the next year are left alone.
 */
import { defineRule } from "../engine/types";
import { proseCells, reportYear } from "../narrative/prose-cells";
import { quoteSentence } from "../narrative/phrase";

/** Message ids of prose-year-matches. */
export type MessageId = "yearMismatch";

const COMPARISON = /比|较|相比|同比|上年|去年|增加|减少|增长|下降|提前|下一步|明年|下年|计划|将|整改|发现的问题|指出|反馈/;
const PERIOD_AFTER = /^年度?(?:部门整体支出|项目支出|部门)?(?:绩效自评|绩效评价|自评|预算执行|部门预算|全年预算|年初预算|决算)/;
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
    },
  },
  create(context) {
    return {
      workbook() {
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
