/**
 * The bureau template: its layout as data, the written .xlsx (read back with the xlsx host), a copy filled
 * from seed 000 and recalculated by LibreOffice, and LibreOffice opening it (PDF export).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MONEY_FORMAT, RATE_FORMAT, SHEET_NAMES, buildTemplate, templateSnapshot, type TemplateCell, type WorkbookTemplate } from "../../src/core/template";
import { SCALAR_FIELDS, TABLES, tableDef, type TableId } from "../../src/core/schema/fields";
import { parseRef, toA1 } from "../../src/core/model/address";
import { mapWorkbook } from "../../src/core/mapping";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import type { CellWrite, Finding } from "../../src/core/engine/types";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { renderTemplate } from "../../src/cli/commands/template";
import { openXlsx } from "../../src/hosts/xlsx";
import JSZip from "jszip";

/**
 * Errors the template itself causes. A blank form legitimately gets "未填写" reminders (required-field) at
 * its empty input cells — those are the clerk's to fill, not template faults; anything else is a fault.
 */
function templateFaults(t: WorkbookTemplate, snap: WorkbookSnapshot): Finding[] {
  const errors = checkWorkbook(snap).findings.filter((f) => f.severity === "error");
  return errors.filter((f) => {
    const c = cellOf(t, f.sheet, f.ref);
    return !(f.ruleId === "required-field" && c?.role === "input" && c.value === undefined);
  });
}

const FINANCE_TABLES: readonly TableId[] = ["jx_income", "jx_expense", "jx_sangong", "jx_assets", "jx_projects"];

function cellOf(t: WorkbookTemplate, sheet: string, address: string): TemplateCell | undefined {
  return t.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.address === address);
}

function nameRef(t: WorkbookTemplate, id: string): { sheet: string; row: number; col: number; lastRow: number; lastCol: number } {
  const n = t.names.find((x) => x.name === id);
  if (!n) throw new Error(`no name ${id}`);
  const p = parseRef(n.refersTo)!;
  return { sheet: p.sheet!, row: p.area.start.row, col: p.area.start.col, lastRow: p.area.end.row, lastCol: p.area.end.col };
}

/** The cell of a table column (by header label) in the data row whose first cell reads `rowLabel`, or the k-th data row. */
function tableCell(t: WorkbookTemplate, id: TableId, row: string | number, header: string): { sheet: string; address: string } {
  const r = nameRef(t, id);
  let col = -1;
  for (let c = r.col; c <= r.lastCol; c++) if (cellOf(t, r.sheet, toA1({ row: r.row, col: c }))?.value === header) col = c;
  if (col < 0) throw new Error(`${id} has no header ${header}`);
  let target = typeof row === "number" ? r.row + 1 + row : -1;
  if (typeof row === "string") {
    for (let k = r.row + 1; k <= r.lastRow; k++) if (cellOf(t, r.sheet, toA1({ row: k, col: r.col }))?.value === row) target = k;
  }
  if (target < 0) throw new Error(`${id} has no row ${row}`);
  return { sheet: r.sheet, address: toA1({ row: target, col }) };
}

describe("template layout (data)", () => {
  const dept = buildTemplate({ kind: "dept" });
  const project = buildTemplate({ kind: "project" });

  test("the dept template names every scalar and every table of the contract", () => {
    const names = dept.names.map((n) => n.name).sort();
    expect(names).toEqual([...SCALAR_FIELDS.filter((f) => !f.formOnly).map((f) => f.id), ...TABLES.map((t) => t.id)].sort());
  });

  test("the project template has no 收支 tables but every scalar and the indicator tables", () => {
    const names = new Set(project.names.map((n) => n.name));
    for (const f of SCALAR_FIELDS.filter((x) => !x.formOnly)) expect(names.has(f.id)).toBe(true);
    for (const id of FINANCE_TABLES) expect(names.has(id)).toBe(false);
    expect(names.has("jx_indicators") && names.has("jx_score_summary")).toBe(true);
    expect(project.sheets.map((s) => s.name)).not.toContain(SHEET_NAMES.finance);
    expect(cellOf(project, SHEET_NAMES.basic, "B5")?.value).toBe("项目支出");
  });

  test.each(TABLES.map((t) => [t.id]))("%s: the named rectangle starts with the schema's header labels", (id) => {
    const r = nameRef(dept, id);
    const def = tableDef(id as TableId);
    const headers: string[] = [];
    for (let c = r.col; c <= r.lastCol; c++) headers.push(String(cellOf(dept, r.sheet, toA1({ row: r.row, col: c }))?.value ?? ""));
    // The summary table uses the optional-less form: 一级指标, 分值, 得分.
    const expected = def.columns.filter((c) => !c.formOnly && (id !== "jx_score_summary" || c.key !== "level2")).map((c) => c.label);
    expect(headers).toEqual(expected);
  });

  test("scalar names sit on input cells, computed fields on grey formula cells", () => {
    for (const f of SCALAR_FIELDS.filter((x) => !x.formOnly)) {
      const r = nameRef(dept, f.id);
      const cell = cellOf(dept, r.sheet, toA1({ row: r.row, col: r.col }));
      expect({ id: f.id, role: cell?.role, hasFormula: cell?.formula !== undefined }).toEqual({
        id: f.id,
        role: f.computed ? "computed" : "input",
        hasFormula: Boolean(f.computed),
      });
    }
  });

  test("money cells are #,##0.00 and rate cells 0.00%", () => {
    for (const def of TABLES.filter((t) => FINANCE_TABLES.includes(t.id))) {
      for (const col of def.columns.filter((c) => c.money && !c.formOnly)) {
        const at = tableCell(dept, def.id, def.hasSummaryRow && def.id !== "jx_projects" ? "局机关" : 0, col.label);
        expect({ at, fmt: cellOf(dept, at.sheet, at.address)?.numberFormat }).toEqual({ at, fmt: MONEY_FORMAT });
      }
    }
    for (const id of ["jx_budget_initial", "jx_budget_adjusted", "jx_executed"]) {
      const r = nameRef(dept, id);
      expect(cellOf(dept, r.sheet, toA1(r))?.numberFormat).toBe(MONEY_FORMAT);
    }
    const rate = nameRef(dept, "jx_exec_rate");
    expect(cellOf(dept, rate.sheet, toA1(rate))?.numberFormat).toBe(RATE_FORMAT);
    const projRate = tableCell(dept, "jx_projects", 0, "执行率");
    expect(cellOf(dept, projRate.sheet, projRate.address)?.numberFormat).toBe(RATE_FORMAT);
  });

  test("the summary rows and the 合计 columns are formulas; the parts are inputs", () => {
    const total = tableCell(dept, "jx_income", "局机关及二级机构汇总", "公共财政拨款");
    expect(cellOf(dept, total.sheet, total.address)).toMatchObject({ role: "computed", formula: expect.stringContaining("SUM(D6:D9)") });
    const rowTotal = tableCell(dept, "jx_expense", "局机关", "基本支出");
    expect(cellOf(dept, rowTotal.sheet, rowTotal.address)).toMatchObject({ role: "computed", formula: expect.stringMatching(/SUM\(D\d+,E\d+\)/) });
    const part = tableCell(dept, "jx_expense", "局机关", "人员支出");
    expect(cellOf(dept, part.sheet, part.address)?.role).toBe("input");
  });

  test("指标方向 and 评价等次 carry drop-down lists", () => {
    const ind = nameRef(dept, "jx_indicators");
    const evalSheet = dept.sheets.find((s) => s.name === SHEET_NAMES.evaluation)!;
    expect(evalSheet.validations).toContainEqual(expect.objectContaining({ range: `D${ind.row + 1}:D${ind.lastRow}`, list: ["≥", "≤", "=", "定性"] }));
    const grade = nameRef(dept, "jx_grade");
    expect(evalSheet.validations).toContainEqual(expect.objectContaining({ range: toA1(grade), list: ["优", "良", "中", "差"] }));
  });

  test("the indicator groups are pre-filled from the national profile", () => {
    const snap = templateSnapshot(dept);
    const model = mapWorkbook(snap);
    const table = model.tables.jx_indicators!;
    expect(table.source).toBe("name");
    const groups = [...new Set(table.rows.map((r) => `${r.level1}/${r.level2}`))];
    expect(groups).toEqual(
      expect.arrayContaining(["产出指标/数量指标", "产出指标/成本指标", "效益指标/可持续影响指标", "满意度指标/服务对象满意度指标"]),
    );
  });

  test("the 填表说明 sheet explains the colours and the profile's weights", () => {
    const guide = dept.sheets.find((s) => s.name === SHEET_NAMES.guide)!;
    expect(guide.cells.find((c) => c.role === "input")?.value).toBe("示例");
    expect(guide.cells.find((c) => c.role === "computed")?.value).toBe("示例");
    const text = guide.cells.map((c) => String(c.value ?? "")).join("\n");
    expect(text).toContain("黄色");
    expect(text).toContain("灰色");
    expect(text).toContain("产出50分");
  });

  test.each([["dept"], ["project"]] as const)("the empty %s template maps by name and checks without errors of its own", (kind) => {
    const t = buildTemplate({ kind });
    const snap = templateSnapshot(t);
    const model = mapWorkbook(snap);
    expect(model.mapping.problems).toEqual([]);
    expect(templateFaults(t, snap)).toEqual([]);
    // Clean, literally: a clerk opening the bureau's blank template sees no finding at all.
    expect(checkWorkbook(snap).findings.map((f) => `${f.ruleId} ${f.sheet}!${f.ref}`)).toEqual([]);
  });
});

// ----------------------------------------------------------------------------------------------
// The written file.

function soffice(args: readonly string[], profile: string): void {
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, ...args], { stdio: "pipe", timeout: 60000 });
}

async function readBytes(bytes: Buffer): Promise<WorkbookSnapshot> {
  const host = await openXlsx(bytes);
  const r = await host.readWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("the written template", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-template-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([["dept"], ["project"]] as const)("%s: names, formulas and formats survive the file; it checks without errors of its own", async (kind) => {
    const t = buildTemplate({ kind });
    const snap = await readBytes(await renderTemplate(t));
    expect(snap.sheets.map((s) => s.name)).toEqual(t.sheets.map((s) => s.name));
    expect(snap.names.map((n) => [n.name, n.refersTo.replace(/'/g, "")]).sort()).toEqual(t.names.map((n) => [n.name, n.refersTo]).sort());
    const rate = nameRef(t, "jx_exec_rate");
    const cell = snap.sheets.find((s) => s.name === rate.sheet)!.cells[toA1(rate)];
    expect(cell).toMatchObject({ formula: expect.stringContaining("/B4"), numberFormat: RATE_FORMAT });
    expect(templateFaults(t, snap)).toEqual([]);
    expect(checkWorkbook(snap).findings.map((f) => `${f.ruleId} ${f.sheet}!${f.ref}`)).toEqual([]);
  });

  test("input and computed cells are filled differently (yellow / grey) in the file", async () => {
    const t = buildTemplate({ kind: "dept" });
    const host = await openXlsx(await renderTemplate(t));
    // Highlight returns the fill that was there before: a read of the fills without changing anything lasting.
    const input = nameRef(t, "jx_executed");
    const computed = nameRef(t, "jx_exec_rate");
    const saved = await host.highlight([
      { at: { sheet: input.sheet, address: toA1(input) }, color: "#FF0000" },
      { at: { sheet: computed.sheet, address: toA1(computed) }, color: "#FF0000" },
    ]);
    expect(saved.ok && saved.value.map((s) => s.color)).toEqual([t.palette.input, t.palette.computed]);
  });

  test("the committed templates are what the generator writes now (regenerate: npm run build && node scripts/make-templates.js)", async () => {
    for (const kind of ["dept", "project"] as const) {
      const committed = path.join(__dirname, "..", "..", "assets", "templates", `jixiao-${kind}.xlsx`);
      const snap = await readBytes(fs.readFileSync(committed));
      const fresh = await readBytes(await renderTemplate(buildTemplate({ kind })));
      expect(snap).toEqual(fresh);
    }
  });

  test("the file carries the drop-down lists of 指标方向 and 评价等次", async () => {
    const t = buildTemplate({ kind: "dept" });
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "templates", "jixiao-dept.xlsx")));
    const lists: Record<string, string> = {};
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(name)!.async("string");
      for (const m of xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*><formula1>([^<]*)<\/formula1>/g)) lists[m[1]] = m[2].replace(/&quot;/g, '"');
    }
    const ind = nameRef(t, "jx_indicators");
    const grade = nameRef(t, "jx_grade");
    expect(lists[`D${ind.row + 1}:D${ind.lastRow}`]).toBe('"≥,≤,=,定性"');
    expect(lists[toA1(grade)]).toBe('"优,良,中,差"');
  });

  test("LibreOffice opens both templates and exports a PDF", () => {
    for (const kind of ["dept", "project"]) {
      const committed = path.join(__dirname, "..", "..", "assets", "templates", `jixiao-${kind}.xlsx`);
      soffice(["--convert-to", "pdf", "--outdir", dir, committed], path.join(dir, "lo"));
      const pdf = path.join(dir, `jixiao-${kind}.pdf`);
      expect(fs.existsSync(pdf)).toBe(true);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
});

// ----------------------------------------------------------------------------------------------
// Seed 000 (临湘市医疗保障局 2021, ../shared/seeds/000_*.txt) typed into the template.

/** The seed's tables: rows 局机关 and 二级机构1 (the 汇总 row is the template's formula). */
const SEED = {
  basic: {
    jx_report_year: 2021,
    jx_unit_name: "临湘市医疗保障局",
    jx_report_date: "2022年8月16日",
    jx_contact_name: "杨美荣",
    jx_contact_phone: "3728919",
    jx_staff_quota: 65,
    jx_staff_actual: 65,
  },
  income: {
    局机关: { 上年结转: 0, 公共财政拨款: 1858.51, 政府基金拨款: 52.55, 纳入专户管理的非税收入拨款: 0, 其他收入: 0 },
    二级机构1: { 上年结转: 0, 公共财政拨款: 28892.07, 政府基金拨款: 0, 纳入专户管理的非税收入拨款: 0, 其他收入: 0 },
  },
  expense: {
    局机关: { 人员支出: 1640.27, 公用支出: 270.79, 当年结余: 0, 累计结余: 0 },
    二级机构1: { 人员支出: 224.06, 公用支出: 122.71, 项目支出: 28545.3, 当年结余: 0, 累计结余: 0 },
  },
  sangong: {
    局机关: { 公务接待费: 24, 公务用车运维费: 0, 公务用车购置费: 0, 因公出国费: 0 },
    二级机构1: { 公务接待费: 8.25, 公务用车运维费: 0, 公务用车购置费: 0, 因公出国费: 0 },
  },
  assets: {
    局机关: { 在用固定资产: 51.14, 出租固定资产: 0, 其他: 0 },
    二级机构1: { 在用固定资产: 37.43, 出租固定资产: 0, 其他: 0 },
  },
  /** 二级 group → [三级, 分值]; the seed gives no targets, so each is a 定性 indicator fully achieved. */
  indicators: {
    数量指标: [["基本支出", 7], ["项目支出", 10]],
    质量指标: [["财政供养控制率", 5], ["三公经费变动率", 3], ["重点支出安排率", 5], ["公务卡刷卡率", 3], ["政府采购执行率", 3]],
    时效指标: [["资金发放率", 10], ["资金分配方法", 5], ["资金支付进度", 5], ["预决算公开及时性", 3], ["管理制度健全性", 3]],
    成本指标: [["补贴标准", 3], ["公示公开", 5], ["资金结余", 3]],
    经济效益指标: [["提高医保资金的使用效益", 5]],
    社会效益指标: [["保证医保局工作正常运行", 3]],
    生态效益指标: [["实现医保基金效益最大化", 5]],
    服务对象满意度指标: [["参保人员对政策及时知晓", 5]],
  } as Record<string, [string, number][]>,
};

/** The seed's own totals, which the template's formulas must reproduce. */
const SEED_TOTALS = { income: 30803.13, expenseBasic: 2257.83, personnel: 1864.33, sangong: 32.25, assets: 88.57 };

describe("the template filled from seed 000", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-seed-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the numbers used here are the seed's", () => {
    const seedsDir = path.join(__dirname, "..", "..", "..", "shared", "seeds");
    const file = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).find((f) => f.startsWith("000_")) : undefined;
    if (!file) return; // the seeds live beside the project on developer machines and CI only
    const text = fs.readFileSync(path.join(seedsDir, file), "utf8");
    for (const v of [1858.51, 28892.07, 1640.27, 224.06, 122.71, 28545.3, 8.25, 51.14, 37.43, ...Object.values(SEED_TOTALS)]) {
      expect({ v, inSeed: text.includes(String(v)) }).toEqual({ v, inSeed: true });
    }
  });

  test("recalculated by LibreOffice, the formulas give the seed's totals and the checks find no money or mapping errors", async () => {
    const t = buildTemplate({ kind: "dept" });
    const host = await openXlsx(await renderTemplate(t));
    const writes: CellWrite[] = [];
    const put = (at: { sheet: string; address: string }, value: string | number): void => void writes.push({ at, value });
    for (const [id, value] of Object.entries(SEED.basic)) {
      const r = nameRef(t, id);
      put({ sheet: r.sheet, address: toA1(r) }, value);
    }
    const tables: [TableId, Record<string, Record<string, number>>][] = [
      ["jx_income", SEED.income],
      ["jx_expense", SEED.expense],
      ["jx_sangong", SEED.sangong],
      ["jx_assets", SEED.assets],
    ];
    for (const [id, rows] of tables) {
      for (const [org, cols] of Object.entries(rows)) for (const [h, v] of Object.entries(cols)) put(tableCell(t, id, org, h), v);
    }
    // 部门整体: 全年预算 = 收入合计, 全年执行 = 支出合计 (the seed has no separate 预算执行 block).
    for (const [id, v] of [["jx_budget_initial", 30803.13], ["jx_budget_adjusted", 30803.13], ["jx_executed", 30803.13]] as const) {
      const r = nameRef(t, id);
      put({ sheet: r.sheet, address: toA1(r) }, v);
    }
    const ind = nameRef(t, "jx_indicators");
    const sheet = t.sheets.find((s) => s.name === ind.sheet)!;
    for (const [level2, items] of Object.entries(SEED.indicators)) {
      const start = sheet.cells.find((c) => c.value === level2 && c.address.startsWith("B"))!;
      const row0 = Number(start.address.slice(1));
      items.forEach(([name, weight], k) => {
        const row = row0 + k;
        put({ sheet: ind.sheet, address: `C${row}` }, name);
        put({ sheet: ind.sheet, address: `D${row}` }, "定性");
        put({ sheet: ind.sheet, address: `E${row}` }, "达成年度指标");
        put({ sheet: ind.sheet, address: `F${row}` }, "达成年度指标");
        put({ sheet: ind.sheet, address: `G${row}` }, weight);
        put({ sheet: ind.sheet, address: `H${row}` }, weight);
      });
    }
    const applied = await host.applyWrites(writes);
    expect(applied).toEqual({ ok: true, value: writes.length });
    const filled = path.join(dir, "filled.xlsx");
    await host.saveAs(filled);
    fs.mkdirSync(path.join(dir, "calc"));
    soffice(["--convert-to", "xlsx", "--outdir", path.join(dir, "calc"), filled], path.join(dir, "lo"));
    const snap = await readBytes(fs.readFileSync(path.join(dir, "calc", "filled.xlsx")));

    const model = mapWorkbook(snap);
    expect(model.mapping.problems).toEqual([]);
    const summary = (id: TableId, key: string): unknown => model.tables[id]?.rows.find((r) => r.isSummary)?.cells[key]?.cell?.value;
    expect(summary("jx_income", "total")).toBeCloseTo(SEED_TOTALS.income, 2);
    expect(summary("jx_expense", "total")).toBeCloseTo(SEED_TOTALS.income, 2);
    expect(summary("jx_expense", "basic")).toBeCloseTo(SEED_TOTALS.expenseBasic, 2);
    expect(summary("jx_expense", "personnel")).toBeCloseTo(SEED_TOTALS.personnel, 2);
    expect(summary("jx_sangong", "total")).toBeCloseTo(SEED_TOTALS.sangong, 2);
    expect(summary("jx_assets", "total")).toBeCloseTo(SEED_TOTALS.assets, 2);
    expect(model.scalars.jx_exec_rate?.cell?.value).toBe(1);
    expect(model.scalars.jx_exec_score?.cell?.value).toBe(10);
    // The seed's weights add up to 91 + 10 = 101: the total and grade follow the formulas regardless.
    expect(model.scalars.jx_score_total?.cell?.value).toBe(101);
    expect(model.scalars.jx_grade?.cell?.value).toBe("优");

    const report = checkWorkbook(snap);
    // Whatever the seed itself gets wrong (its weights), nothing may be wrong with the money tables,
    // the basic information or the mapping: the template computes those.
    const errors = report.findings.filter((f) => f.severity === "error");
    const outsideIndicators = errors.filter((f) => !/^jx_(indicators|score_summary|score_total|grade)/.test(f.field ?? "") && f.sheet !== ind.sheet);
    expect(outsideIndicators).toEqual([]);
    // …and the seed's real mistake is found: its 分值 add up to 101, not 100.
    // It is the only error: the filled template is otherwise clean.
    expect([...new Set(errors.map((f) => f.ruleId))]).toEqual(["weights-sum"]);
  });
});
