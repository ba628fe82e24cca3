/**
 * What a user sees on the bureau layouts of forms-corpus m/n/o (test/forms-corpus/bureau-variants-2.ts):
 * the finding's cell, rule and the words of its message, for the reading each layout needed.
 */
import { PRESETS } from "../../../src/core/config/presets";
import { checkWorkbook } from "../../../src/core/engine/run-rules";
import type { CellSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { type BookSpec, copyBook, plant } from "../../forms-corpus/book";
import { deptThreeRowCase, projectInlineCase, projectLevelsCase, summaryYuanCase } from "../../forms-corpus/bureau-variants-2";
import type { FormCase } from "../../forms-corpus/types";

function snapshotOf(book: BookSpec): WorkbookSnapshot {
  return {
    sheets: book.sheets.map((s) => {
      const cells: Record<string, CellSnapshot> = {};
      for (const [a1, c] of s.cells) if (c.v !== null) cells[a1] = c.fmt ? { value: c.v, numberFormat: c.fmt } : { value: c.v };
      return { name: s.name, cells, merges: [...s.merges] };
    }),
    names: [],
  };
}

function seen(c: FormCase, edit?: (b: BookSpec) => void): { form: string | undefined; findings: string[] } {
  const b = copyBook(c.book);
  edit?.(b);
  const r = checkWorkbook(snapshotOf(b), { preset: PRESETS.recommended, host: "cli" });
  return { form: r.form?.id, findings: r.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${f.ref}: ${f.message}`) };
}

describe("部门整体 with a three-row money header, 一、/其中 rows and “合  计” at the bottom", () => {
  const c = deptThreeRowCase();
  const S = "部门整体自评表";
  test("detected as the 部门整体 form (合计 closes the block), consistent → nothing", () => {
    expect(seen(c)).toEqual({ form: "dept-overall", findings: [] });
  });
  test("项目支出 年初预算数 (a column named only in the third header row) off by 10: one finding at the split, naming 按支出性质分", () => {
    const f = seen(c, (b) => plant(b, { sheet: S, a1: "C9" }, 1542.87)).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatch(new RegExp(`^error total-matches-parts ${S}!C(9|11): .*按支出性质分（年初预算数）`));
  });
  test("一、基本支出 = 其中：人员经费 + 公用经费: 人员经费 全年执行数 97.95 → at that cell", () => {
    const f = seen(c, (b) => plant(b, { sheet: S, a1: "E7" }, 97.95)).findings;
    expect(f.filter((x) => x.startsWith("error"))).toEqual([expect.stringMatching(new RegExp(`^error total-matches-parts ${S}!E7: .*基本支出`))]);
  });
});

describe("项目表 with label and value in one cell (年度资金总额：346.77万元)", () => {
  const c = projectInlineCase();
  const S = "项目自评表";
  test("read as the 项目 form: its 执行率得分 and 分值 lines count, consistent → nothing", () => {
    expect(seen(c)).toEqual({ form: "mof-project", findings: [] });
  });
  test("“执行率：95.10%” for 295.11 ÷ 346.77: at that cell, with the right rate", () => {
    const f = seen(c, (b) => plant(b, { sheet: S, a1: "G6" }, "执行率：95.10%")).findings;
    expect(f).toEqual([expect.stringMatching(new RegExp(`^error exec-rate-matches ${S}!G6: .*95\\.10%.*85\\.10%`))]);
  });
  test("“其中：财政拨款：300.00万元” … 全年执行数 265.33 (parts 305.11 for 295.11): at that cell", () => {
    const f = seen(c, (b) => plant(b, { sheet: S, a1: "E7" }, "全年执行数：265.33万元")).findings;
    expect(f).toEqual([expect.stringMatching(new RegExp(`^error total-matches-parts ${S}!E7: `))]);
  });
});

describe("项目汇总 in 元 with rates shown 0.0%, beside a 综述 in 万元", () => {
  const c = summaryYuanCase();
  const S = "项目自评汇总";
  test("a row's 执行数 that breaks its 44.9% and the 总计: at the 执行数, with the value that mends both", () => {
    const f = seen(c, (b) => plant(b, { sheet: S, a1: "E5" }, 135800)).findings;
    expect(f).toEqual([expect.stringMatching(new RegExp(`^error project-row-consistent ${S}!E5: .*125,800\\.00元`))]);
  });
  test("综述 “6个项目自评为优” where the 汇总 grades 7 so: at the sentence", () => {
    const f = seen(c, (b) => {
      const at = { sheet: "综述", a1: "A4" };
      const v = b.sheets[0].cells.get("A4")!.v as string;
      plant(b, at, v.replace("7个项目自评为优", "6个项目自评为优"));
    }).findings;
    expect(f).toEqual([expect.stringMatching(/^warning prose-count-matches-list 综述!A4: .*6个项目自评为优.*7个评为“优”的项目/)]);
  });
  test.each(["117.38%", "71.38%"])("综述 “支出比预算减少%s” beside 预算资金192.31万元 and 实际支出158.89万元: at the sentence, 17.38%", (pct) => {
    const f = seen(c, (b) => {
      const v = b.sheets[0].cells.get("A3")!.v as string;
      plant(b, { sheet: "综述", a1: "A3" }, v.replace("减少17.38%", `减少${pct}`));
    }).findings;
    expect(f).toEqual([expect.stringMatching(new RegExp(`^error prose-change-percent 综述!A3: .*“${pct.replace(".", "\\.")}”有误.*应为17\\.38%`))]);
  });
});

describe("项目表 with a 分值 per indicator level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值), merged down", () => {
  const c = projectLevelsCase();
  const S = "绩效自评表";
  test("the indicators' 分值 is the one after 三级指标; consistent → nothing", () => {
    expect(seen(c)).toEqual({ form: "mof-project", findings: [] });
  });
  test("产出指标 分值 55 over its 三级 50: at the 一级's 分值, in points (no 万元)", () => {
    const f = seen(c, (b) => plant(b, { sheet: S, a1: "B14" }, 55)).findings;
    expect(f).toEqual([expect.stringMatching(new RegExp(`^error total-matches-parts ${S}!B14: “产出指标分值”不平.*填写为 55，按其余各数应为 50（相差 5）`))]);
    expect(f[0]).not.toMatch(/万元/);
  });
  test("总分 分值 90 written under the first 分值 column: at that cell", () => {
    const f = seen(c, (b) => plant(b, { sheet: S, a1: "B23" }, 90)).findings;
    expect(f).toEqual([expect.stringMatching(new RegExp(`^error weights-sum ${S}!B23: 总分行的分值填写为 90`))]);
  });
});
