/**
 * 跨期审核 (issue 14): this year's workbook against last year's. A seed-based pair is built here from seed
 * 002 (examples/hefei-2024.xlsx): last year's copy has 全年执行数 1500.00 and 支出合计 1500.00; this year's
 * prose misquotes last year's 全年执行数 (“比上年增加200万元” implies 1507.31) and states a 较上年 percentage
 * that the two years do not give. Checked through the engine and through `jixiao check --previous`.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { checkModel } from "../../src/core/engine/run-rules";
import { mapWorkbook } from "../../src/core/mapping";
import type { CellRef, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { openXlsx, readXlsxFile } from "../../src/hosts/xlsx";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";

const HEFEI = path.join(__dirname, "..", "..", "examples", "hefei-2024.xlsx");

let dir: string;
let thisFile: string;
let lastFile: string;
let prose: CellRef;

const THIS_PROSE = "2024年，区医保局全年执行数1707.31万元，比上年增加200万元，增长13.27%。";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-previous-"));
  const model = mapWorkbook(await readXlsxFile(HEFEI));
  prose = (model.scalars.jx_achievements ?? model.scalars.jx_duties)!.ref;
  const executed = model.scalars.jx_executed!.ref;
  const year = model.scalars.jx_report_year!.ref;
  const expense = model.tables.jx_expense!;
  const total = (expense.rows.find((r) => r.isSummary) ?? expense.rows[0]).cells.total!.ref;

  const mine = await openXlsx(HEFEI);
  expect((await mine.applyWrites([{ at: prose, value: THIS_PROSE }])).ok).toBe(true);
  thisFile = path.join(dir, "2024.xlsx");
  await mine.saveAs(thisFile);

  const last = await openXlsx(HEFEI);
  expect(
    (await last.applyWrites([
      { at: year, value: 2023 },
      { at: executed, value: 1500 },
      { at: total, value: 1500 },
      { at: prose, value: "2023年全年执行数1500.00万元。" },
    ])).ok,
  ).toBe(true);
  lastFile = path.join(dir, "2023.xlsx");
  await last.saveAs(lastFile);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("this year against last year", () => {
  it("finds the misquoted 上年 figure and the wrong 较上年 percentage at the sentence", async () => {
    const report = checkModel(mapWorkbook(await readXlsxFile(thisFile)), { previous: mapWorkbook(await readXlsxFile(lastFile)) });
    const mine = report.findings.filter((f) => f.ruleId.startsWith("previous-"));
    const base = mine.find((f) => f.ruleId === "previous-figure-matches")!;
    expect(base).toMatchObject({ severity: "error", sheet: prose.sheet, ref: prose.address, expected: 1500, actual: 1507.31 });
    expect(base.message).toContain("上年报表中为 1500.00万元");
    const pct = mine.filter((f) => f.ruleId === "previous-change-percent");
    // 13.27% for (1707.31 − 1500) ÷ 1500 = 13.82%.
    expect(pct).toContainEqual(expect.objectContaining({ severity: "error", ref: prose.address, actual: "13.27%", expected: "13.82%" }));
    // The sentence is consistent in itself (200 ÷ 1507.31 = 13.27%): only last year's figures show it is wrong.
    expect(report.findings.filter((f) => f.ruleId === "prose-change-percent" && f.ref === prose.address)).toEqual([]);
  });

  it("when last year's 全年执行数 is what the sentence implies (1507.31), neither figure nor percentage is flagged", async () => {
    const model = mapWorkbook(await readXlsxFile(HEFEI));
    const host = await openXlsx(lastFile);
    expect((await host.applyWrites([{ at: model.scalars.jx_executed!.ref, value: 1507.31 }])).ok).toBe(true);
    const right = path.join(dir, "2023-right.xlsx");
    await host.saveAs(right);
    const thisModel = mapWorkbook(await readXlsxFile(thisFile));
    const report = checkModel(thisModel, { previous: mapWorkbook(await readXlsxFile(right)) });
    expect(report.findings.filter((f) => f.ruleId.startsWith("previous-") && f.message.includes("全年执行数"))).toEqual([]);
    // Without last year's workbook nothing is compared.
    expect(checkModel(thisModel).findings.some((f) => f.ruleId.startsWith("previous-"))).toBe(false);
  });

  it("jixiao check --previous reports them and exits 1; an unreadable last-year file is one sentence", async () => {
    const io = memoryIo();
    const code = await main(["node", "jixiao", "check", thisFile, "--previous", lastFile, "--format", "json"], io);
    const json = JSON.parse(io.out) as { findings: { rule: string; cell: string }[] };
    expect(json.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["previous-figure-matches", "previous-change-percent"]));
    expect(code).toBe(1);
    const bad = memoryIo();
    expect(await main(["node", "jixiao", "check", thisFile, "--previous", path.join(dir, "none.xlsx")], bad)).toBe(2);
    expect(bad.err).toContain("无法读取上年报表");
  });
});

describe("the other cross-period checks", () => {
  function setCells(snap: WorkbookSnapshot, writes: readonly { at: CellRef; value: number | string }[]): WorkbookSnapshot {
    return {
      ...snap,
      sheets: snap.sheets.map((s) => {
        const mine = writes.filter((w) => w.at.sheet === s.name);
        if (!mine.length) return s;
        const cells = { ...s.cells };
        for (const w of mine) cells[w.at.address] = { value: w.value };
        return { ...s, cells };
      }),
    };
  }

  it("this year's 上年结转 must be last year's 累计结余, institution by institution", async () => {
    const snap = await readXlsxFile(path.join(__dirname, "..", "..", "examples", "linxiang-2021.xlsx"));
    const model = mapWorkbook(snap);
    const income = model.tables.jx_income!;
    const expense = model.tables.jx_expense!;
    // Last year: every institution's 累计结余 equals this year's 上年结转, except the first, off by 10.
    const writes = income.rows.flatMap((row, i) => {
      const name = String(row.cells.name?.cell?.value ?? "");
      const target = expense.rows.find((r) => String(r.cells.name?.cell?.value ?? "") === name)?.cells.balanceTotal?.ref;
      const carry = Number(row.cells.carryover?.cell?.value ?? 0);
      return target ? [{ at: target, value: i === 0 ? carry + 10 : carry }] : [];
    });
    expect(writes.length).toBeGreaterThan(1);
    const last = mapWorkbook(setCells(snap, writes));
    const found = checkModel(model, { previous: last }).findings.filter((f) => f.ruleId === "previous-figure-matches" && f.field === "jx_income.carryover");
    expect(found).toEqual([expect.objectContaining({ severity: "error", ref: income.rows[0].cells.carryover!.ref.address })]);
  });

  it("a headline amount that moved more than 30% with no reason in the text is a warning at its cell", async () => {
    const snap = await readXlsxFile(HEFEI);
    const model = mapWorkbook(snap);
    const last = mapWorkbook(setCells(snap, [{ at: model.scalars.jx_budget_adjusted!.ref, value: 1000 }]));
    const found = checkModel(model, { previous: last }).findings.filter((f) => f.ruleId === "previous-swing-explained");
    expect(found).toContainEqual(expect.objectContaining({ severity: "warning", ref: model.scalars.jx_budget_adjusted!.ref.address, actual: "71.2%" }));
    // Within the threshold: nothing.
    const near = mapWorkbook(setCells(snap, [{ at: model.scalars.jx_budget_adjusted!.ref, value: 1600 }]));
    expect(checkModel(model, { previous: near }).findings.some((f) => f.ruleId === "previous-swing-explained" && f.ref === model.scalars.jx_budget_adjusted!.ref.address)).toBe(false);
  });
});

describe("the swing threshold is profile data", () => {
  it("a profile with swingThreshold 0.8 lets a 71% move pass", async () => {
    const { NATIONAL } = await import("../../src/core/scoring/profiles");
    const snap = await readXlsxFile(HEFEI);
    const model = mapWorkbook(snap);
    const ref = model.scalars.jx_budget_adjusted!.ref;
    const lastSnap = { ...snap, sheets: snap.sheets.map((s) => (s.name === ref.sheet ? { ...s, cells: { ...s.cells, [ref.address]: { value: 1000 } } } : s)) };
    const last = mapWorkbook(lastSnap);
    const swings = (threshold?: number): number =>
      checkModel(model, { previous: last, profile: { ...NATIONAL, ...(threshold !== undefined ? { swingThreshold: threshold } : {}) } }).findings.filter(
        (f) => f.ruleId === "previous-swing-explained" && f.ref === ref.address,
      ).length;
    expect(swings()).toBe(1);
    expect(swings(0.8)).toBe(0);
  });
});
