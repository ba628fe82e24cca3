/**
 * Issue 11 point 11: finding messages in English too. Every messageId of every rule has an English
 * template with the same placeholders (so no rule's finding falls back to Chinese in English mode), and
 * re-rendering a finding from its rule's template gives the message the rule built — with numbers as clerks
 * write them (point 9): thousands separators, and the table's unit after amounts, in the pane, the CLI's
 * text and English alike, while the JSON report's numbers stay numbers.
 */
import * as path from "path";
import { RULES, checkWorkbook } from "../../../src/core";
import { EN_MESSAGES, displayData, groupNumbersIn, localizeMessage, showDatum } from "../../../src/core/i18n";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { promises as fs } from "fs";
import * as os from "os";
import { AT, namedWorkbook, namedWorkbookInYuan, plant, writeSpec, type WorkbookSpec } from "../../acceptance/clerk-workbook";
import { runCli } from "../../helpers/run-cli";

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
  test.each(["linxiang-2021.xlsx", "hefei-2024.xlsx", "chengde-2019-projects.xlsx"])("%s: Chinese re-rendered equals the rule's message; English is English", async (file) => {
    const report = checkWorkbook(await readXlsxFile(path.resolve(__dirname, "../../../examples", file)));
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      const zh = localizeMessage(f, "zh-CN");
      expect(zh).toBe(f.message);
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

describe("amounts in messages carry thousands separators and the table's unit", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-i18n-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  let n = 0;
  const fileOf = async (spec: WorkbookSpec): Promise<string> => {
    const file = path.join(dir, `wb-${++n}.xlsx`);
    await writeSpec(spec, file);
    return file;
  };
  const footing = async (file: string) => {
    const f = checkWorkbook(await readXlsxFile(file)).findings.find((x) => x.ruleId === "total-matches-parts" && x.sheet === AT.expense && x.ref === "H7");
    if (!f) throw new Error("no footing finding at H7");
    return f;
  };

  test("a 万元 table: “支出合计为 162.60万元 … 之和为 126.60万元（相差 36.00万元）”, in English too; data stays as the rule gave it", async () => {
    const f = await footing(await fileOf(plant(namedWorkbook(), AT.expense, "H7", 162.6)));
    expect(f.message).toBe("“医保基金中心”的支出合计为 162.60万元，但基本支出、项目支出之和为 126.60万元（相差 36.00万元），支出合计应等于各分项之和。");
    expect(localizeMessage(f, "zh-CN")).toBe(f.message);
    expect(localizeMessage(f, "en")).toContain("162.60 ten-thousand yuan");
    expect(localizeMessage(f, "en")).not.toMatch(/万元/);
    expect(f.data).toMatchObject({ actual: "162.60", expected: "126.60", diff: "36.00" });
  });

  test("a 元 table: the amounts read 1,626,000.00元 with separators", async () => {
    const f = await footing(await fileOf(plant(namedWorkbookInYuan(), AT.expense, "H7", 1626000)));
    expect(f.message).toMatch(/支出合计为 1,626,000\.00元，但基本支出、项目支出之和为 1,266,000\.00元（相差 360,000\.00元）/);
    expect(localizeMessage(f, "en")).toContain("1,626,000.00 yuan");
  });

  test("the CLI's text report shows the amounts as the pane does (no plain duplicate appended); its JSON keeps numbers", async () => {
    const file = await fileOf(plant(namedWorkbook(), AT.expense, "H7", 162.6));
    const text = await runCli("check", file);
    const line = text.out.split("\n").find((l) => l.includes("H7") && l.includes("total-matches-parts"));
    expect(line).toContain("支出合计为 162.60万元");
    expect(line).not.toContain("应为 126.6");
    const json = await runCli("check", file, "--format", "json");
    const report = JSON.parse(json.out) as { findings: { cell: string; rule: string; message: string; expected: unknown; actual: unknown }[] };
    const j = report.findings.find((x) => x.rule === "total-matches-parts" && x.cell.endsWith("H7"));
    expect(j?.message).toContain("162.60万元");
    expect(typeof j?.expected).toBe("number");
    expect(typeof j?.actual).toBe("number");
  });

  test("quotes of the clerk's own text are never regrouped or given a unit", () => {
    const d = displayData("prose-parts-sum/sumMismatch", { whole: "19787.89万元", parts: "491.97万元、11548.57万元", sum: "19797.89万元" }, "万元");
    expect(d).toEqual({ whole: "19787.89万元", parts: "491.97万元、11548.57万元", sum: "19,797.89万元" });
    // A 元 slip's figure as written stays bare; the figure it should be gets the unit.
    expect(displayData("no-unit-mistake/tooLarge", { label: "基本支出", actual: "3467700", written: "元", unit: "万元", expected: "346.77", why: "" }, "万元")).toMatchObject({
      actual: "3,467,700",
      expected: "346.77万元",
    });
    // The rule's own sentence: its amounts grouped, a year left alone.
    expect(displayData("no-unit-mistake/tooLarge", { actual: "309397300", expected: "30939.73", why: "（与年初预算数 30500.00、全年预算数 31030.00相比，2021年）" }, "万元").why).toBe(
      "（与年初预算数 30,500.00、全年预算数 31,030.00相比，2021年）",
    );
    // A score column in the 汇总 table is not an amount.
    expect(displayData("summary-matches-sheets/rowDiffers", { column: "得分", actual: "9", expected: "10" }, "万元")).toMatchObject({ actual: "9", expected: "10" });
    expect(displayData("summary-matches-sheets/rowDiffers", { column: "预算数", actual: "1711.75", expected: "1611.75" }, "万元")).toMatchObject({ actual: "1,711.75万元", expected: "1,611.75万元" });
  });
});
