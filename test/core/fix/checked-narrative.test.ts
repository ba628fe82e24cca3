/**
 * Issue 11 point 3: 生成综述 right after a check does not repeat what the check flagged. On the 临湘
 * example the check finds "346.77元" (a 万元 amount written in 元) and a 综合得分 of 96 that the
 * indicators make 91: the narrative says 346.77万元 and 91分, marks a figure still known to be wrong
 * 【待核实：…】, and lists every 【待填写】 gap with its cell.
 */
import * as path from "path";
import { checkWorkbook } from "../../../src/core";
import { checkedNarrative } from "../../../src/core/fix/narrative";
import { readXlsxFile } from "../../../src/hosts/xlsx";

const ROOT = path.resolve(__dirname, "../../..");
const text = (rows: readonly (readonly (string | number | null)[])[]): string => rows.map((r) => r.join("")).join("\n");

describe("checkedNarrative", () => {
  test("临湘: corrected and computed values, known-wrong figures marked, gaps listed with their cells", async () => {
    const snap = await readXlsxFile(path.join(ROOT, "examples", "linxiang-2021.xlsx"));
    const report = checkWorkbook(snap);
    expect(report.findings.some((f) => f.ruleId === "prose-amount-matches-table" && f.message.includes("346.77元"))).toBe(true);
    expect(report.findings.some((f) => f.ruleId === "total-score-matches")).toBe(true);

    const n = checkedNarrative(snap, checkWorkbook);
    const all = text(n.sheet.rows);
    expect(all).not.toContain("346.77元");
    expect(all).toContain("综合得分为91分");
    expect(all).not.toContain("综合得分为96分");
    // 19787.89 is said to be the sum of parts that add up to 19797.89: no fix can know which is right.
    expect(n.toVerify).toContain("19787.89万元");
    expect(all).toContain("【待核实：19787.89万元】");
    // Every gap is listed once, at the cell that holds it.
    const count = (all.match(/【待填写：/g) ?? []).length;
    expect(n.gaps).toHaveLength(count);
    for (const g of n.gaps) {
      const row = Number(/\d+$/.exec(g.at.address)?.[0]) - 1;
      expect(String(n.sheet.rows[row][0])).toContain(`【待填写：${g.what}】`);
    }
    // Plain Chinese: a gap is never glued to an indicator's name.
    const before = all.split("【待填写：年度指标值】").slice(0, -1);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((p) => !p.endsWith("”，年度指标值"))).toEqual([]);
    expect(all).toContain("实际完成情况为“达成年度指标”");
    // The input is not changed.
    expect(checkWorkbook(snap).stats.errors).toBe(report.stats.errors);
  });

  test("a blank template: nothing invented, every gap listed", async () => {
    const n = checkedNarrative(await readXlsxFile(path.join(ROOT, "assets", "templates", "jixiao-dept.xlsx")), checkWorkbook);
    expect(n.gaps.map((g) => g.what)).toEqual(expect.arrayContaining(["部门（单位）名称", "评价年度", "综合得分"]));
    expect(n.toVerify).toEqual([]);
  });
});
