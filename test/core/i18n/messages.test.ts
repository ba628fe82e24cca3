/**
 * Issue 11 point 11: finding messages in English too. Every messageId of every rule has an English
 * template with the same placeholders (so no rule's finding falls back to Chinese in English mode), and
 * re-rendering a finding from its rule's template gives the message the rule built — with numbers grouped
 * by thousands, as clerks write them (point 9).
 */
import * as path from "path";
import { RULES, checkWorkbook } from "../../../src/core";
import { EN_MESSAGES, groupNumbersIn, localizeMessage, showDatum } from "../../../src/core/i18n";
import { readXlsxFile } from "../../../src/hosts/xlsx";

const placeholders = (t: string): string[] => [...new Set([...t.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

describe("English finding messages", () => {
  const keys = RULES.flatMap((r) => Object.keys(r.meta.messages).map((id) => `${r.id}/${id}`));

  test("every messageId of every rule has an English template", () => {
    expect(keys.filter((k) => EN_MESSAGES[k] === undefined)).toEqual([]);
  });

  test("every English template uses exactly its Chinese template's placeholders", () => {
    for (const r of RULES)
      for (const [id, zh] of Object.entries(r.meta.messages)) {
        expect({ key: `${r.id}/${id}`, placeholders: placeholders(EN_MESSAGES[`${r.id}/${id}`] ?? "") }).toEqual({ key: `${r.id}/${id}`, placeholders: placeholders(zh as string) });
      }
  });

  test("no English template is left for a message that no longer exists", () => {
    expect(Object.keys(EN_MESSAGES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  test("English templates hold no Chinese of their own (the data may)", () => {
    for (const [k, t] of Object.entries(EN_MESSAGES)) {
      const own = t.replace(/\{\{\s*\w+\s*\}\}/g, "").replace(/“[^”]*”/g, "");
      expect({ k, chinese: /[\u4e00-\u9fff]/.test(own) }).toEqual({ k, chinese: false });
    }
  });
});

describe("localizeMessage on the examples", () => {
  test.each(["linxiang-2021.xlsx", "hefei-2024.xlsx", "chengde-2019-projects.xlsx"])("%s: Chinese re-rendered equals the rule's message (but for grouping); English is English", async (file) => {
    const report = checkWorkbook(await readXlsxFile(path.resolve(__dirname, "../../../examples", file)));
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      const zh = localizeMessage(f, "zh-CN");
      expect(zh.replace(/(\d),(?=\d{3})/g, "$1")).toBe(f.message);
      const en = localizeMessage(f, "en");
      expect(en).not.toBe(f.message);
      expect(en).not.toMatch(/\{\{/);
    }
  });

  test("a 元 slip reads 3,467,700.00, a year stays 2021", () => {
    expect(showDatum("3467700.00")).toBe("3,467,700.00");
    expect(showDatum(500909.62)).toBe("500,909.62");
    expect(showDatum(2021)).toBe(2021);
    expect(showDatum("346.77万元")).toBe("346.77万元");
    expect(groupNumbersIn("将C12由 3467700.00 改为 346.77（除以10000）")).toBe("将C12由 3,467,700.00 改为 346.77（除以10,000）");
    expect(groupNumbersIn("收支情况!AB12345 与 2021 年")).toBe("收支情况!AB12345 与 2021 年");
  });
});
