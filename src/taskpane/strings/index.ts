/**
 * The pane's languages: Chinese first, English switchable. Components read strings through
 * {@link useStrings}; a catalog can be swapped whole (the pseudo-locale test does).
 */
import { createContext, useContext } from "react";
import { zhCN, type StringKey, type Strings } from "./zh-CN";
import { en } from "./en";

export type { StringKey, Strings };

/** A language of the pane. */
export type Language = "zh-CN" | "en";

/** The catalogs by language. */
export const CATALOGS: Readonly<Record<Language, Strings>> = { en, "zh-CN": zhCN };

/** Fill `{{name}}` placeholders. */
export function format(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** A pseudo-locale for layout tests: every string doubled (longer than any real translation). */
export function pseudoLocale(strings: Strings): Strings {
  return Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, `${v}${v}`])) as Strings;
}

/** The strings in effect, with a formatter. */
export interface StringsApi {
  readonly s: Strings;
  /** The language of the finding messages (the rules' own templates per locale, core/i18n). */
  readonly locale: Language;
  t(key: StringKey, data?: Readonly<Record<string, string | number>>): string;
}

/** Build a StringsApi over a catalog. */
export function stringsApi(s: Strings, locale: Language = "zh-CN"): StringsApi {
  return { s, locale, t: (key, data) => format(s[key], data) };
}

/** The strings context; Chinese by default. */
export const StringsContext = createContext<StringsApi>(stringsApi(zhCN));

/** The strings in effect. */
export function useStrings(): StringsApi {
  return useContext(StringsContext);
}
