/**
 * Numbers in finding messages as clerks write them: thousands separators, and the table's money unit
 * after an amount ("合计为 500,909.62万元", not "合计为 500909.62"). A rule passes its figures in `data`
 * as plain text; which placeholders of which message are amounts is declared here, per `ruleId/messageId`,
 * so that no rule's wording changes and the same data renders in every locale. The data itself (and the
 * report's numeric fields) stay as the rule gave them.
 */
import type { MoneyUnit } from "../model/report-model";
import type { HiddenAt } from "../model/hidden";
import { groupThousands } from "../units/thousands";

/** A language of the finding messages. */
export type MessageLocale = "zh-CN" | "en";

/** What the placeholders of one message hold. */
export interface MessageNumbers {
  /** Amounts in the workbook's money unit: grouped, then followed by the unit. */
  readonly money?: readonly string[];
  /** Only when this holds for the data (a column that may be an amount or a score). */
  readonly moneyWhen?: (data: Readonly<Record<string, string | number>>) => boolean;
  /** Figures that already carry their unit ("28581.40万元", "23.9万人"): the number is grouped. */
  readonly grouped?: readonly string[];
  /** The rule's own sentence with amounts in it ("与年初预算数 30500.00 … 相比"): its amounts are grouped. */
  readonly prose?: readonly string[];
  /** Shown exactly as stored (a date serial such as 45292 is what the formula bar shows, never 45,292). */
  readonly bare?: readonly string[];
}

const FOOTING: MessageNumbers = { money: ["actual", "expected", "diff"] };
/** A form's declared sum: amounts, except a level's 分值 (一级指标 分值 = Σ 三级 分值), which is points. */
const FORM_FOOTING: MessageNumbers = { ...FOOTING, moneyWhen: (d) => !/(?:分值|权重)$/.test(String(d.where ?? "")) };
const RATE_INPUTS: MessageNumbers = { money: ["executed", "budget"] };

/**
 * The placeholders that are amounts, per `ruleId/messageId`. Quotes of the clerk's own text
 * (`phrase`, `text`, `whole`, `parts`, `sentence`) are never touched: they are shown as written.
 */
export const MESSAGE_NUMBERS: Readonly<Record<string, MessageNumbers>> = {
  "total-matches-parts/rowMismatch": FOOTING,
  "total-matches-parts/summaryMismatch": FOOTING,
  "total-matches-parts/formMismatch": FORM_FOOTING,
  "total-matches-parts/formTotalMismatch": FORM_FOOTING,
  "exec-rate-matches/rateMismatch": RATE_INPUTS,
  "exec-rate-matches/rateError": RATE_INPUTS,
  "exec-rate-matches/amountMismatch": { money: ["actual", "executed", "budget", "expected"] },
  "exec-rate-matches/amountMismatchEither": { money: ["actual", "executed", "budget", "expected", "otherExpected"] },
  "prose-rate-matches/spentInFull": RATE_INPUTS,
  "project-row-consistent/rateMismatch": RATE_INPUTS,
  "project-row-consistent/rateError": RATE_INPUTS,
  "project-row-consistent/carryoverMismatch": { money: ["actual", "budget", "executed", "expected"] },
  "project-row-consistent/amountMismatch": { money: ["actual", "expected"] },
  // The figure written in the wrong unit (`actual`) is shown bare: the message names that unit itself.
  "no-unit-mistake/tooLarge": { money: ["expected"], prose: ["why"] },
  "no-unit-mistake/tooSmall": { money: ["expected"], prose: ["why"] },
  "no-unit-mistake/unitWordWrong": { money: ["expected"] },
  "no-unit-mistake/rowTooLarge": { money: ["expected"] },
  "no-unit-mistake/rowTooSmall": { money: ["expected"] },
  "summary-matches-sheets/rowDiffers": { money: ["actual", "expected"], moneyWhen: (d) => d.column === "预算数" || d.column === "执行数" },
  "prose-amount-matches-table/valueMismatch": { grouped: ["tableValue"] },
  "prose-amount-matches-table/unitMistake": { grouped: ["tableValue"] },
  "prose-amount-matches-table/adjustmentMismatch": { grouped: ["adjusted", "initial", "expected"] },
  "prose-amount-matches-table/leftOverMismatch": { grouped: ["budget", "executed", "expected"] },
  "prose-unit-matches-table/unitDiffers": { grouped: ["tableValue"] },
  "prose-parts-sum/sumMismatch": { grouped: ["sum"] },
  "prose-parts-sum/unitMismatch": { grouped: ["sum"] },
  "prose-parts-sum/wholeMismatchTable": { grouped: ["sum", "tableValue"] },
  "prose-parts-sum/wholeMismatchShares": { grouped: ["sum"] },
  "prose-change-percent/percentMismatch": { grouped: ["delta", "base"] },
  "date-in-amount/dateInMoney": { bare: ["value"] },
  "date-in-amount/dateInRate": { bare: ["value"] },
};

/** The unit as it follows an amount in each locale. */
const UNIT_TEXT: Readonly<Record<MessageLocale, Readonly<Record<MoneyUnit, string>>>> = {
  "zh-CN": { 万元: "万元", 元: "元" },
  en: { 万元: " ten-thousand yuan", 元: " yuan" },
};

/** `1234567.5` → `1,234,567.5` when a datum is a plain number of five or more integer digits (not a year). */
export function showDatum(v: string | number): string | number {
  const text = typeof v === "number" ? String(v) : v;
  if (!/^-?\d{5,}(\.\d+)?$/.test(text)) return v;
  return groupThousands(text);
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** An amount inside a sentence: four or more integer digits with decimals, or five or more (not a year). */
const AMOUNT_IN_TEXT = /(?<![\w.,])(?:\d{4,}\.\d+|\d{5,}(?:\.\d+)?)(?![\w])/g;
const NUMBER_WITH_UNIT = /^(-?\d+(?:\.\d+)?)([^\d.,].*)$/;

/**
 * A finding's data as its message shows it: amounts grouped and followed by the money unit, figures
 * with a unit grouped, any other plain number of five or more digits grouped.
 * @param key - `ruleId/messageId`
 * @param data - the finding's data
 * @param moneyUnit - the workbook's money unit; without it amounts are grouped but get no unit
 * @param locale - the message's language
 */
export function displayData(
  key: string,
  data: Readonly<Record<string, string | number>> = {},
  moneyUnit?: MoneyUnit,
  locale: MessageLocale = "zh-CN",
): Record<string, string | number> {
  const spec = MESSAGE_NUMBERS[key];
  const money = new Set(spec && (!spec.moneyWhen || spec.moneyWhen(data)) ? (spec.money ?? []) : []);
  const grouped = new Set(spec?.grouped ?? []);
  const prose = new Set(spec?.prose ?? []);
  const bare = new Set(spec?.bare ?? []);
  const unit = moneyUnit ? UNIT_TEXT[locale][moneyUnit] : "";
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    const text = typeof v === "number" ? String(v) : v;
    if (bare.has(k)) out[k] = v;
    else if (money.has(k) && PLAIN_NUMBER.test(text)) out[k] = `${groupThousands(text)}${unit}`;
    else if (grouped.has(k) && NUMBER_WITH_UNIT.test(text)) out[k] = text.replace(NUMBER_WITH_UNIT, (_m, n: string, rest: string) => `${groupThousands(n)}${rest}`);
    else if (prose.has(k)) out[k] = text.replace(AMOUNT_IN_TEXT, (m) => groupThousands(m));
    else out[k] = showDatum(v);
  }
  return out;
}

/** Whether a message shows amounts in the workbook's money unit (then its finding carries that unit). */
export function showsMoney(key: string): boolean {
  return (MESSAGE_NUMBERS[key]?.money ?? []).length > 0;
}

/** What a finding's message adds when its cell is in a hidden row or column, so that the clerk can find it. */
const HIDDEN_NOTES: Readonly<Record<MessageLocale, Readonly<Record<"row" | "column" | "row-column", string>>>> = {
  en: { column: " (this cell's column is hidden)", row: " (this cell's row is hidden)", "row-column": " (this cell's row and column are hidden)" },
  "zh-CN": { column: "（该单元格所在列已隐藏）", row: "（该单元格所在行已隐藏）", "row-column": "（该单元格所在行和列均已隐藏）" },
};

/**
 * The note a message ends with when its cell is out of sight (Finding.hidden): a hidden row or column. A
 * cell of a hidden sheet gets none: its finding's sheet is the hidden one, and the pane says so itself.
 * @example hiddenNote("row", "zh-CN") // "（该单元格所在行已隐藏）"
 */
export function hiddenNote(at: HiddenAt | undefined, locale: MessageLocale = "zh-CN"): string {
  return at === undefined || at === "sheet" ? "" : HIDDEN_NOTES[locale][at];
}
