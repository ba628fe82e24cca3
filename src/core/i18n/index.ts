/**
 * Finding messages per locale. A finding carries its rule's Chinese message already built (with numbers
 * as clerks write them, ./display.ts); the pane re-renders it from the rule's template and the finding's
 * `data` so that English is available without touching any rule: the English templates live in ./en.ts,
 * keyed `ruleId/messageId`.
 */
import type { Finding, Rule } from "../engine/types";
import { formatMessage } from "../engine/message";
import { RULES } from "../rules";
import { groupThousands } from "../units/thousands";
import { EN_MESSAGES } from "./en";
import { displayData, hiddenNote, showDatum, type MessageLocale } from "./display";

export { EN_MESSAGES, showDatum };
export { MESSAGE_NUMBERS, displayData, hiddenNote, showsMoney } from "./display";
export type { MessageLocale, MessageNumbers } from "./display";

const ZH = new Map<string, string>();
function zhTemplates(rules: readonly Rule[]): Map<string, string> {
  if (ZH.size === 0) for (const r of rules) for (const [id, t] of Object.entries(r.meta.messages)) ZH.set(`${r.id}/${id}`, t as string);
  return ZH;
}

/** Plain numbers of five or more integer digits in a text, grouped: "由 3467700.00 改为" → "由 3,467,700.00 改为". */
export function groupNumbersIn(text: string): string {
  return text.replace(/(?<![\w.,])(\d{5,}(?:\.\d+)?)(?![\w])/g, (m) => groupThousands(m));
}

/**
 * The message of a finding in a language, with numbers as clerks write them (./display.ts: thousands
 * separators, the money unit after amounts).
 * @param finding - from a report
 * @param locale - "zh-CN" (the rule's template) or "en" (./en.ts)
 * @returns the message; the finding's own `message` when no template is known for it (a rule from
 *   a test or a plug-in)
 * @example localizeMessage(f, "en") // "The budget execution rate is 83.00%, but executed 158.89 ÷ …"
 */
export function localizeMessage(finding: Pick<Finding, "ruleId" | "messageId" | "message" | "data" | "moneyUnit" | "hidden">, locale: MessageLocale): string {
  const key = `${finding.ruleId}/${finding.messageId}`;
  const template = locale === "en" ? EN_MESSAGES[key] : zhTemplates(RULES).get(key);
  if (template === undefined) return finding.message;
  return formatMessage(template, displayData(key, finding.data, finding.moneyUnit, locale)) + hiddenNote(finding.hidden, locale);
}
