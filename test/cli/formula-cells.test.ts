/**
 * Formula cells through the CLI check path (checkFile, the light reader). Bureaus' forms compute their totals,
 * rates and scores with formulas (`=SUM(E8:E12)`, `=G6/F6`, `=MIN(G6/F6,1)*H6`). The workbook is corpus
 * layout ο (a 部门整体 form with a 重点项目 list, bureau-variants-11.ts) with those cells written as formulas:
 *
 * (a) WITH cached results, as Excel and WPS save them: checked as the numbers they show — clean when
 *     consistent (a score formula left unrounded, 9.974…, shown 9.97, is no mistake), a slip found at its cause;
 * (b) WITHOUT cached results, as a generator writes them: computed as Excel would on opening (SUBTOTAL
 *     included) and checked; a formula jixiao cannot compute (INDIRECT, another workbook, a name in Chinese)
 *     is named at its cell with what to do (open and save in Excel or WPS), nothing else is claimed, and the
 *     outcome is never `passed`.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { checkFile, type FileOutcome } from "../../src/cli/check-file";
import { conclusionOf } from "../../src/cli/format";
import { type BookSpec, copyBook, writeBook } from "../forms-corpus/book";
import { deptKeyProjectsCase } from "../forms-corpus/bureau-variants-11";

const SHEET = "部门整体自评表";
const CASE = deptKeyProjectsCase();
const cellOf = (b: BookSpec, a1: string): number => {
  const v = b.sheets.find((s) => s.name === SHEET)!.cells.get(a1)?.v;
  if (typeof v !== "number") throw new Error(`${a1} is not a number`);
  return v;
};

/** The form's computed cells, as a bureau's template writes them. */
const FORMULAS: Readonly<Record<string, string>> = {
  E6: "SUM(E8:E12)",
  F6: "SUM(F8:F12)",
  G6: "SUM(G8:G12)",
  E14: "E15+E16",
  F14: "F15+F16",
  G14: "G15+G16",
  I6: "G6/F6",
  J6: "MIN(G6/F6,1)*H6",
  F31: "J6",
  F35: "SUM(F31:F34)",
  G42: "F42/E42",
  G43: "F43/E43",
  G44: "F44/E44",
  G45: "F45/E45",
  E46: "SUM(E42:E45)",
  F46: "SUM(F42:F45)",
  G46: "F46/E46",
};

/**
 * The book with `formulas` in place of those cells, each cached result what Excel computes from the other
 * cells (`typed` are the cells typed differently first).
 */
function withFormulas(typed: Readonly<Record<string, number>> = {}, formulas: Readonly<Record<string, string>> = FORMULAS): BookSpec {
  const book = copyBook(CASE.book);
  const s = book.sheets.find((x) => x.name === SHEET)!;
  for (const [a1, v] of Object.entries(typed)) s.cells.set(a1, { ...s.cells.get(a1)!, v });
  const n = (a1: string): number => {
    const v = s.cells.get(a1)?.v;
    return typeof v === "number" ? v : 0;
  };
  const sum = (col: string, from: number, to: number): number => {
    let t = 0;
    for (let r = from; r <= to; r++) t += n(`${col}${r}`);
    return t;
  };
  // In dependency order: what Excel stores as each formula's result.
  const results: [string, () => number][] = [
    ["E6", () => sum("E", 8, 12)],
    ["F6", () => sum("F", 8, 12)],
    ["G6", () => sum("G", 8, 12)],
    ["E14", () => n("E15") + n("E16")],
    ["F14", () => n("F15") + n("F16")],
    ["G14", () => n("G15") + n("G16")],
    ["I6", () => n("G6") / n("F6")],
    ["J6", () => Math.min(n("G6") / n("F6"), 1) * n("H6")],
    ["F31", () => n("J6")],
    ["F35", () => sum("F", 31, 34)],
    ...[42, 43, 44, 45].map((r): [string, () => number] => [`G${r}`, () => n(`F${r}`) / n(`E${r}`)]),
    ["E46", () => sum("E", 42, formulas.E46 === "SUM(E42:E44)" ? 44 : 45)],
    ["F46", () => sum("F", 42, formulas.F46 === "SUM(F42:F44)" ? 44 : 45)],
    ["G46", () => n("F46") / n("E46")],
  ];
  for (const [a1, value] of results) {
    const formula = formulas[a1];
    if (formula === undefined) continue;
    s.cells.set(a1, { ...s.cells.get(a1)!, v: value(), formula });
  }
  return book;
}

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-formula-cells-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function check(book: BookSpec, formulaResults: boolean): Promise<Extract<FileOutcome, { ok: true }>> {
  const file = path.join(dir, `form-${++counter}.xlsx`);
  await writeBook(book, file, { formulaResults });
  const out = await checkFile(file, { preset: "recommended" });
  if (!out.ok) throw new Error(out.message);
  return out;
}

const shown = (o: Extract<FileOutcome, { ok: true }>, severities = ["error", "warning"]): string[] =>
  o.findings.filter((f) => severities.includes(f.severity)).map((f) => `${f.severity} ${f.rule} ${f.cell}`);

describe("(a) formulas with their cached results (saved by Excel or WPS)", () => {
  test("the premise: the file stores formula and result", async () => {
    const book = withFormulas();
    const cell = book.sheets[0].cells.get("J6")!;
    expect(cell.formula).toBe("MIN(G6/F6,1)*H6");
    // Unrounded, as Excel computes it; the form shows it 0.00.
    expect(cell.v).toBeCloseTo(9.974, 3);
    expect(cellOf(book, "F46")).toBeCloseTo(1588.45, 9);
  });

  test("a consistent form: checked as the numbers its cells show, passed, nothing reported", async () => {
    const o = await check(withFormulas(), true);
    expect(shown(o)).toEqual([]);
    expect(o.summary.outcome).toBe("passed");
  });

  test("元 typed in a project's 执行数 (its rate and the 合计 formulas follow it, so no relation breaks): found at the typed cell by its scale, the text quoting 15.80 and 1588.45 not blamed", async () => {
    const o = await check(withFormulas({ F44: 158000 }), true);
    expect(shown(o)).toEqual([`error project-row-consistent ${SHEET}!F44`]);
    const f = o.findings.find((x) => x.cell === `${SHEET}!F44`)!;
    expect(f.message).toMatch(/158,?000\.00.*854,?054\.05%.*15\.80 万元按元填写/);
    expect(o.summary.outcome).toBe("errors");
  });

  test("元 typed in a funds line that the 年度资金总额 =SUM(G8:G12), its 执行率 and its score formulas add: one finding, at the typed cell", async () => {
    const o = await check(withFormulas({ G8: 17073100 }), true);
    expect(shown(o)).toEqual([`error no-unit-mistake ${SHEET}!G8`]);
    expect(o.findings[0].message).toMatch(/17,073,100.*1,707\.31万元/);
    expect(o.summary.outcome).toBe("errors");
  });

  test("a 合计 formula that leaves a project out (=SUM(F42:F44)): found at the 合计; its rate formula, which follows it, is not blamed", async () => {
    const o = await check(withFormulas({}, { ...FORMULAS, F46: "SUM(F42:F44)" }), true);
    expect(shown(o).filter((x) => x.startsWith("error"))).toEqual([`error total-matches-parts ${SHEET}!F46`]);
    expect(o.findings[0].message).toMatch(/1,580\.10.*1,588\.45/);
    expect(o.summary.outcome).toBe("errors");
  });
});

describe("(b) formulas without results (written by a program, never opened in Excel)", () => {
  test("computable formulas: computed as Excel would show them, and a consistent form passes", async () => {
    const o = await check(withFormulas(), false);
    expect(shown(o)).toEqual([]);
    expect(o.summary.outcome).toBe("passed");
    expect(o.summary.score).toBeCloseTo(97.97, 2);
  });

  test("SUBTOTAL totals (Excel's AutoSum in a list) are computed too", async () => {
    const o = await check(withFormulas({}, { ...FORMULAS, E46: "SUBTOTAL(9,E42:E45)", F46: "SUBTOTAL(109,F42:F45)", G6: "SUBTOTAL(9,G8:G12)" }), false);
    expect(shown(o)).toEqual([]);
    expect(o.summary.outcome).toBe("passed");
  });

  test("元 typed in a project's 执行数: found at its cause once the formulas are computed", async () => {
    const o = await check(withFormulas({ F44: 158000 }), false);
    expect(shown(o)).toEqual([`error project-row-consistent ${SHEET}!F44`]);
  });

  const uncomputable = { ...FORMULAS, G6: 'INDIRECT("G8")+0', F46: "[1]Sheet1!F46", J6: "预算执行率*10" };

  test("formulas jixiao cannot compute: each named at its cell with what to do; nothing else claimed; never passed", async () => {
    const o = await check(withFormulas({}, uncomputable), false);
    expect(shown(o, ["error", "warning", "info"])).toEqual([
      `error formula-not-computed ${SHEET}!G6`,
      `error formula-not-computed ${SHEET}!J6`,
      `error formula-not-computed ${SHEET}!F46`,
    ]);
    for (const f of o.findings) {
      expect(f.message).toMatch(/没有保存计算结果/);
      expect(f.message).toMatch(/Excel 或 WPS 打开本工作簿并保存/);
    }
    expect(o.findings[0].message).toContain('=INDIRECT("G8")+0');
    expect(o.findings[0].message).toContain("共有 3 个");
    expect(o.summary.outcome).toBe("errors");
    expect(o.summary.valid).toBe(false);
    expect(o.summary.score).toBeNull();
    expect(conclusionOf(o.summary)).not.toMatch(/没有发现错误/);
  });

  test("an unknown 合计 beside a real slip: still only the notice (the slip is reported once the file is saved)", async () => {
    const o = await check(withFormulas({ F44: 158000 }, { ...FORMULAS, F46: "INDIRECT(\"F42\")" }), false);
    expect(shown(o)).toEqual([`error formula-not-computed ${SHEET}!F46`]);
    expect(o.summary.outcome).not.toBe("passed");
  });

  test("the same workbook with its results saved (as Excel saves it): the notice is gone and the figures are checked", async () => {
    const o = await check(withFormulas({}, uncomputable), true);
    expect(shown(o)).toEqual([]);
    expect(o.summary.outcome).toBe("passed");
  });
});
