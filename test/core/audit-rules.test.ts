/**
 * 审核公式 as data (issue 14): a bureau's rules, written as Excel formulas, change what check reports —
 * 强制 an error (the workbook is no longer valid, so the pane does not say 可以导出), 提示 a warning — whether
 * they come from the workbook's own jx_rules sheet (every host) or a rule file (`--rules`); a malformed rule
 * is one finding naming it; the template's rules find the seeds' mistakes.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import { mapWorkbook } from "../../src/core/mapping";
import { evaluate, readRuleRows, tryRules, XlError, type BureauRule } from "../../src/core/audit";
import { TEMPLATE_RULES, templateRuleRows } from "../../src/core/audit/template-rules";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { runCli } from "../helpers/run-cli";

const HEFEI = path.join(__dirname, "..", "..", "examples", "hefei-2024.xlsx");

let hefei: WorkbookSnapshot;
beforeAll(async () => {
  hefei = await readXlsxFile(HEFEI);
});

function withSheet(snap: WorkbookSnapshot, name: string, rows: readonly (readonly (string | number)[])[]): WorkbookSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  rows.forEach((r, i) => r.forEach((v, c) => (cells[`${String.fromCharCode(65 + c)}${i + 1}`] = { value: v })));
  return { ...snap, sheets: [...snap.sheets, { name, cells, merges: [] }] };
}

function setCell(snap: WorkbookSnapshot, sheet: string, address: string, value: string | number): WorkbookSnapshot {
  return { ...snap, sheets: snap.sheets.map((s) => (s.name === sheet ? { ...s, cells: { ...s.cells, [address]: { value } } } : s)) };
}

function rules(rows: readonly (readonly string[])[]): BureauRule[] {
  const read = readRuleRows([["编号", "级别", "说明", "公式", "标记单元格"], ...rows], (n) => `测试 第 ${n} 行`);
  if ("problem" in read) throw new Error(read.problem);
  return read.rules;
}

describe("the formula language", () => {
  const model = (): ReturnType<typeof mapWorkbook> => mapWorkbook(hefei);
  it("reads schema fields, cells on Chinese-named sheets, table columns and Excel functions", () => {
    const m = model();
    expect(evaluate("=jx_budget_adjusted-jx_budget_initial", { model: m })).toBeCloseTo(78.88, 6);
    const executed = m.scalars.jx_executed!;
    expect(evaluate(`=${executed.ref.sheet}!${executed.ref.address}`, { model: m })).toBe(executed.cell!.value);
    // 三级指标 column: one value per data row.
    const level3 = evaluate("=COUNTA(jx_indicators[三级指标])", { model: m });
    expect(level3).toBe(m.tables.jx_indicators!.rows.filter((r) => r.cells.level3?.cell).length);
    expect(evaluate('=IF(jx_executed>0, "有支出", 1/0)', { model: m })).toBe("有支出");
    expect(evaluate("=ROUND(jx_executed/jx_budget_adjusted,4)", { model: m })).toBeCloseTo(0.9974, 4);
  });

  it("says what is wrong: unknown names and functions, division by zero", () => {
    const m = model();
    expect(evaluate("=不存在的名称+1", { model: m })).toEqual(expect.any(XlError));
    expect((evaluate("=NOSUCH(1)", { model: m }) as XlError).code).toBe("#NAME?");
    expect((evaluate("=1/0", { model: m }) as XlError).code).toBe("#DIV/0!");
  });
});

describe("bureau rules in check", () => {
  const ruleFile = rules([
    ["B01", "强制", "执行数不能超过全年预算数的 90%（故意不成立）", "=jx_executed<=0.9*jx_budget_adjusted", "jx_executed"],
    ["B02", "提示", "预算执行率低于 100% 须在存在问题中说明（故意不成立）", "=LEN(jx_problems)>100000", ""],
    ["B03", "强制", "成立的规则", "=jx_executed<=jx_budget_adjusted", ""],
  ]);

  it("a 强制 rule that fails is an error at its mark cell; a 提示 one a warning; one that holds says nothing", () => {
    const before = checkWorkbook(hefei, { host: "cli" });
    const after = checkWorkbook(hefei, { host: "cli", bureauRules: ruleFile });
    const executed = mapWorkbook(hefei).scalars.jx_executed!.ref;
    const b01 = after.findings.find((f) => f.ruleId === "bureau/B01")!;
    expect(b01).toMatchObject({ severity: "error", sheet: executed.sheet, ref: executed.address, actual: 1707.31 });
    expect(b01.message).toContain("审核公式 B01 不成立：执行数不能超过全年预算数的 90%");
    expect(after.findings.find((f) => f.ruleId === "bureau/B02")).toMatchObject({ severity: "warning" });
    expect(after.findings.some((f) => f.ruleId === "bureau/B03")).toBe(false);
    expect(after.stats.errors).toBe(before.stats.errors + 1);
    expect(after.stats.warnings).toBe(before.stats.warnings + 1);
  });

  it("under the strict preset a 提示 rule is an error too", async () => {
    const { STRICT } = await import("../../src/core/config/presets");
    const r = checkWorkbook(hefei, { preset: STRICT, bureauRules: ruleFile });
    expect(r.findings.find((f) => f.ruleId === "bureau/B02")?.severity).toBe("error");
  });

  it("the workbook's own jx_rules sheet runs in every host (checkWorkbook, as the pane calls it) and makes a 强制 failure invalid", () => {
    const clean = setCell(hefei, "绩效自评", "C15", 48); // fix seed 002's subtotal so only the rule decides
    const snap = withSheet(clean, "jx_rules", [
      ["编号", "级别", "说明", "公式", "标记单元格"],
      ["S01", "强制", "全年预算数不得高于年初预算数（故意不成立）", "=jx_budget_adjusted<=jx_budget_initial", "jx_budget_adjusted"],
    ]);
    const r = checkWorkbook(snap);
    expect(r.findings.filter((f) => f.ruleId.startsWith("bureau/"))).toEqual([expect.objectContaining({ ruleId: "bureau/S01", severity: "error", expected: "<=1632.87", actual: 1711.75 })]);
    expect(r.valid).toBe(false);
  });

  it("a malformed rule is one finding naming the rule, and the other rules still run", () => {
    const bad = rules([
      ["M01", "强制", "括号不全", "=SUM(1+", ""],
      ["M02", "强制", "未知函数", "=FOO(1)=1", ""],
      ["M03", "严重", "级别写错", "=TRUE", ""],
      ["M04", "提示", "结果不是 TRUE/FALSE", "=1+1", ""],
      ["M05", "强制", "没有这一列", "=SUM(jx_indicators[不存在的列])>0", ""],
      ["B01", "强制", "仍然运行", "=jx_executed<=0.9*jx_budget_adjusted", "jx_executed"],
    ]);
    const r = checkWorkbook(hefei, { bureauRules: bad });
    const own = r.findings.filter((f) => f.ruleId.startsWith("bureau/"));
    for (const id of ["M01", "M02", "M03", "M04", "M05"]) {
      const mine = own.filter((f) => f.ruleId === `bureau/${id}`);
      expect(mine).toHaveLength(1);
      expect(mine[0].message).toMatch(new RegExp(`^审核公式 ${id} 无法执行：`));
    }
    expect(own.find((f) => f.ruleId === "bureau/M03")!.message).toContain("级别“严重”应为 强制 或 提示");
    expect(own.some((f) => f.ruleId === "bureau/B01")).toBe(true);
    expect(r.ruleResults.filter((x) => x.status === "crashed")).toEqual([]);
  });

  it("a rule on a part the workbook lacks does not apply (no finding)", () => {
    const r = checkWorkbook(hefei, { bureauRules: rules([["P01", "强制", "项目表", "=SUM(jx_projects[执行数])>1000000", ""]]) });
    expect(r.findings.some((f) => f.ruleId === "bureau/P01")).toBe(false);
  });
});

describe("the template's rules find the seeds' mistakes", () => {
  const template = (): BureauRule[] => {
    const read = readRuleRows(templateRuleRows(), (n) => `jx_rules!A${n}`);
    if ("problem" in read) throw new Error(read.problem);
    return read.rules;
  };

  it("every template rule is well formed and holds or does not apply on an empty model", () => {
    expect(TEMPLATE_RULES.map((r) => r[0])).toEqual(["JX01", "JX02", "JX03", "JX04", "JX05", "JX06"]);
    const empty = mapWorkbook({ sheets: [{ name: "Sheet1", cells: {}, merges: [] }], names: [] });
    for (const t of tryRules(template(), empty)) expect(["成立", "不适用"]).toContain(t.result);
  });

  it("seed 002: “追加49.17万元” where 全年预算数 − 年初预算数 = 1711.75 − 1632.87 = 78.88, marked at the sentence", () => {
    const r = checkWorkbook(hefei, { bureauRules: template() });
    const f = r.findings.find((x) => x.ruleId === "bureau/JX04")!;
    expect(f).toMatchObject({ severity: "warning", actual: 29.71, expected: "<=0.01" });
    expect(f.message).toContain("左边为 29.71");
    const cell = hefei.sheets.find((s) => s.name === f.sheet)!.cells[f.ref];
    expect(String(cell.value)).toContain("追加49.17万元");
  });

  it("seed 003: 机关运行经费 464.12万元 stated against 公用经费 58.16 is an error", () => {
    const m = mapWorkbook(hefei);
    const problems = m.scalars.jx_problems ?? m.scalars.jx_achievements!;
    const expense = m.tables.jx_expense!;
    const publicUse = expense.rows.filter((row) => !row.isSummary).map((row) => row.cells.publicUse);
    let snap = setCell(hefei, problems.ref.sheet, problems.ref.address, "2020年，我局机关运行经费支出464.12万元，比2019年增加232.87万元。");
    snap = setCell(snap, publicUse[0]!.ref.sheet, publicUse[0]!.ref.address, 58.16);
    for (const other of publicUse.slice(1)) snap = setCell(snap, other!.ref.sheet, other!.ref.address, 0);
    const r = checkWorkbook(snap, { bureauRules: template() });
    expect(r.findings.find((x) => x.ruleId === "bureau/JX01")).toMatchObject({ severity: "error", sheet: problems.ref.sheet, ref: problems.ref.address, actual: 464.12 });
  });

  it("seed 001: a report rated 优 with nothing spent is an error at the grade; 实有人数 above 编制数 a warning", () => {
    const m = mapWorkbook(hefei);
    let snap = setCell(hefei, m.scalars.jx_executed!.ref.sheet, m.scalars.jx_executed!.ref.address, 0);
    snap = setCell(snap, m.scalars.jx_grade!.ref.sheet, m.scalars.jx_grade!.ref.address, "优");
    const quota = m.scalars.jx_staff_quota!;
    const actual = m.scalars.jx_staff_actual!;
    snap = setCell(snap, quota.ref.sheet, quota.ref.address, 20);
    snap = setCell(snap, actual.ref.sheet, actual.ref.address, 23);
    const r = checkWorkbook(snap, { bureauRules: template() });
    expect(r.findings.find((x) => x.ruleId === "bureau/JX03")).toMatchObject({ severity: "error", ref: m.scalars.jx_grade!.ref.address });
    expect(r.findings.find((x) => x.ruleId === "bureau/JX02")).toMatchObject({ severity: "warning", ref: actual.ref.address, actual: 23, expected: "<=20" });
  });
});

describe("jixiao check --rules and jixiao rules test", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-rules-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const run = runCli;
  const csv = [
    "编号,级别,说明,公式,标记单元格",
    "C01,强制,执行数不超过预算的九成（故意不成立）,=jx_executed<=0.9*jx_budget_adjusted,jx_executed",
    'C02,提示,须写存在问题,"=IF(jx_exec_rate<1, LEN(jx_problems)>0, TRUE)",',
    "C03,强制,坏公式,=SUM(1+,",
  ].join("\r\n");

  it("a CSV rule file (UTF-8 with BOM, as Excel saves it) changes check's result; the JSON names the rules", async () => {
    const file = path.join(dir, "审核公式.csv");
    await fs.writeFile(file, `\uFEFF${csv}\r\n`);
    const without = JSON.parse((await run("check", HEFEI, "--format", "json")).out) as { findings: { rule: string; severity: string }[] };
    const withRules = await run("check", HEFEI, "--format", "json", "--rules", file);
    const json = JSON.parse(withRules.out) as { findings: { rule: string; severity: string; message: string }[] };
    const bureau = json.findings.filter((f) => f.rule.startsWith("bureau/"));
    expect(bureau.map((f) => [f.rule, f.severity])).toEqual(expect.arrayContaining([["bureau/C01", "error"], ["bureau/C03", "error"]]));
    expect(bureau.find((f) => f.rule === "bureau/C03")!.message).toContain("审核公式.csv 第 4 行");
    expect(json.findings.length).toBe(without.findings.length + bureau.length);
    expect(withRules.code).toBe(1);
  });

  it("rules test shows each rule's result; a GBK CSV or a missing header is one sentence", async () => {
    const file = path.join(dir, "r.csv");
    await fs.writeFile(file, csv);
    const r = await run("rules", "test", file, "--on", HEFEI);
    expect(r.out).toMatch(/^C01 {2}\[强制\] {2}不成立：左边为 1707\.31，右边为 1540\.575/m);
    expect(r.out).toMatch(/^C03 {2}\[强制\] {2}无法执行：公式写法有误/m);
    expect(r.code).toBe(2);
    const gbk = path.join(dir, "gbk.csv");
    await fs.writeFile(gbk, Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xb9, 0xab, 0xca, 0xbd, 0x0a])); // 编号,公式 in GBK
    const bad = await run("check", HEFEI, "--rules", gbk);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("不是 UTF-8 编码");
    const noHeader = path.join(dir, "nohead.csv");
    await fs.writeFile(noHeader, "a,b\n1,2\n");
    expect((await run("check", HEFEI, "--rules", noHeader)).err).toContain("找不到表头");
  });
});

describe("rules typed into Excel", () => {
  it("a rule typed with its = (a live formula, #NAME? in Excel) is read from its formula text", () => {
    const snap: WorkbookSnapshot = {
      ...hefei,
      sheets: [
        ...hefei.sheets,
        {
          name: "jx_rules",
          merges: [],
          cells: {
            A1: { value: "编号" }, B1: { value: "级别" }, C1: { value: "说明" }, D1: { value: "公式" },
            A2: { value: "F01" }, B2: { value: "强制" }, C2: { value: "故意不成立" },
            D2: { value: null, error: "#NAME?", formula: "jx_executed<=0.5*jx_budget_adjusted" },
          },
        },
      ],
    };
    expect(checkWorkbook(snap).findings.find((f) => f.ruleId === "bureau/F01")).toMatchObject({ severity: "error", actual: 1707.31 });
  });

  it("the template stores its formulas without =, so no host turns them into formulas", () => {
    for (const row of templateRuleRows().slice(1)) expect(row[3]).not.toMatch(/^=/);
  });
});
