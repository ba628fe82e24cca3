/**
 * `jixiao check DIR --summary 审核结果.xlsx` on a 财政局's batch: ~300 workbooks (copies of the examples plus
 * unreadable files made here). The workbook opens in LibreOffice, its 汇总 and 问题明细 agree with the JSON
 * report of the same run, every unreadable file is a row that says why; the .csv form is UTF-8 with a BOM;
 * a terminal gets a progress bar, a pipe does not. Runs the built CLI (bin/jixiao.js → dist/) on workers.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/run-cli";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");
const BIN = path.join(ROOT, "bin", "jixiao.js");
const built = existsSync(path.join(ROOT, "dist", "cli", "summary.js"));

function runBin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

function sh(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => execFile(cmd, args, { cwd, timeout: 120_000 }, (e) => (e ? reject(e) : resolve())));
}

interface Report {
  workbooks: { file: string; status: string; summary?: { errors: number; warnings: number; infos: number; unit: string | null; year: number | null; score: number | null; grade: string | null }; error?: { message: string } }[];
  findings: { file: string; severity: string; rule: string; cell: string; message: string; expected: unknown; actual: unknown }[];
}

/** Parse LibreOffice's CSV (RFC 4180 quoting) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const LEVEL: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

(built ? describe : describe.skip)("--summary on a batch of 300 workbooks", () => {
  let dir: string;
  let batch: string;
  let json: Report;
  let code: number;
  const summary = (): string => path.join(dir, "审核结果.xlsx");

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-summary-"));
    batch = path.join(dir, "收到的报表");
    await fs.mkdir(batch);
    const examples = (await fs.readdir(EXAMPLES)).filter((f) => f.endsWith(".xlsx")).sort();
    // 296 copies of the examples (however many there are), plus the 4 bad inputs below: 300 workbooks.
    for (let n = 0; n < 296; n++) {
      const f = examples[n % examples.length];
      await fs.copyFile(path.join(EXAMPLES, f), path.join(batch, `${String(Math.floor(n / examples.length) + 1).padStart(3, "0")}-${f}`));
    }
    // The bad inputs of the check tests: text, a cut zip, an old .xls renamed, an empty file.
    await fs.writeFile(path.join(batch, "900-文字.xlsx"), "预算执行率 99.74%\n");
    await fs.writeFile(path.join(batch, "901-截断.xlsx"), (await fs.readFile(path.join(EXAMPLES, "hefei-2024.xlsx"))).subarray(0, 2000));
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(path.join(batch, "902-旧版.xlsx"), Buffer.concat([ole, Buffer.alloc(1024), Buffer.from("Workbook", "utf16le")]));
    await fs.writeFile(path.join(batch, "903-空.xlsx"), "");
    const r = await runBin(["check", batch, "--format", "json", "--summary", summary()], { JIXIAO_WORKERS: "2" });
    code = r.code;
    expect(r.err).toBe("");
    json = JSON.parse(r.out) as Report;
  }, 120_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("checks all 300 and exits 2 for the unreadable ones", () => {
    expect(json.workbooks).toHaveLength(300);
    expect(json.workbooks.filter((w) => w.status === "unreadable")).toHaveLength(4);
    expect(code).toBe(2);
  });

  it("opens in LibreOffice, whose 汇总 and 问题明细 agree with the JSON report, row for row", async () => {
    await sh("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, "lo"), summary()], dir);
    const overview = parseCsv(await fs.readFile(path.join(dir, "lo", "审核结果-汇总.csv"), "utf8"));
    const detail = parseCsv(await fs.readFile(path.join(dir, "lo", "审核结果-问题明细.csv"), "utf8"));
    expect(overview[0]).toEqual(["单位", "年度", "表样", "综合得分", "等次", "错误", "警告", "提示", "文件", "说明"]);
    expect(detail[0]).toEqual(["单位", "文件", "工作表", "单元格", "级别", "规则", "说明", "应为", "实为"]);
    expect(overview).toHaveLength(301);
    expect(detail).toHaveLength(json.findings.length + 1);

    // 汇总: each workbook's counts equal its JSON summary; an unreadable file's row says why.
    const byFile = new Map(overview.slice(1).map((r) => [r[8], r]));
    expect(byFile.size).toBe(300);
    for (const w of json.workbooks) {
      const row = byFile.get(w.file)!;
      if (w.summary) {
        expect(row.slice(5, 8).map(Number)).toEqual([w.summary.errors, w.summary.warnings, w.summary.infos]);
        expect(row[1]).toBe(w.summary.year === null ? "" : String(w.summary.year));
        expect(row[4]).toBe(w.summary.grade ?? "");
      } else {
        expect(row[9]).toBe(`无法读取：${w.error!.message}`);
      }
    }
    // Unreadable first, then by errors (most first), then by unit.
    const errs = overview.slice(5).map((r) => Number(r[5]));
    expect(overview.slice(1, 5).every((r) => r[9].startsWith("无法读取"))).toBe(true);
    expect(errs).toEqual([...errs].sort((a, b) => b - a));

    // 问题明细: one row per finding, the same findings per file, level by level.
    const key = (file: string, cell: string, level: string, rule: string): string => `${file}|${cell}|${level}|${rule}`;
    const fromJson = json.findings.map((f) => key(f.file, f.cell.split("!").pop()!, LEVEL[f.severity], f.rule)).sort();
    const fromSheet = detail.slice(1).map((r) => key(r[1], r[3], r[4], r[5])).sort();
    expect(fromSheet).toEqual(fromJson);
  }, 120_000);

  it("frozen header, autofilter, widths that fit, numbers as numbers, files as links", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题明细"]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      // The widest 说明 or file column is wider than a default column.
      expect(Math.max(...ws.columns.map((c) => c.width ?? 0))).toBeGreaterThan(30);
    }
    const overview = wb.getWorksheet("汇总")!;
    const checkedRow = overview.getRow(6);
    expect(typeof checkedRow.getCell(2).value).toBe("number"); // 年度
    expect(typeof checkedRow.getCell(6).value).toBe("number"); // 错误
    const link = checkedRow.getCell(9).value as { text: string; hyperlink: string };
    expect(link.hyperlink).toMatch(/^收到的报表\/\d{3}-.+\.xlsx$/);
    // The link leads to the file, relative to the summary's folder.
    expect(existsSync(path.join(dir, link.hyperlink))).toBe(true);
    const detail = wb.getWorksheet("问题明细")!;
    const numeric = json.findings.filter((f) => typeof f.expected === "number").length;
    let seen = 0;
    detail.eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(8).value === "number") seen++;
    });
    expect(seen).toBe(numeric);
  });
});

describe("--summary in .csv, the progress bar, and bad targets", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-summary-csv-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const run = runCli;

  it(".csv: 汇总 and 问题明细 beside it, both UTF-8 with a BOM, counts as in JSON", async () => {
    const target = path.join(dir, "审核结果.csv");
    const hefei = path.join(EXAMPLES, "hefei-2024.xlsx");
    const { out } = await run("check", hefei, "--format", "json", "--summary", target);
    const report = JSON.parse(out) as Report;
    const overview = await fs.readFile(target);
    const detail = await fs.readFile(path.join(dir, "审核结果-问题明细.csv"));
    for (const b of [overview, detail]) expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(overview.subarray(3).toString("utf8"));
    expect(rows[1].slice(0, 2)).toEqual(["区医疗保障局", "2024"]);
    expect(rows[1][5]).toBe(String(report.workbooks[0].summary!.errors));
    expect(parseCsv(detail.subarray(3).toString("utf8")).filter((r) => r.length > 1)).toHaveLength(report.findings.length + 1);
  });

  it("a target that is not .xlsx/.csv, or exists, is one sentence before any file is checked", async () => {
    const hefei = path.join(EXAMPLES, "hefei-2024.xlsx");
    const bad = await run("check", hefei, "--summary", path.join(dir, "x.txt"));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--summary 的文件名须以 .xlsx 或 .csv 结尾");
    const existing = path.join(dir, "old.xlsx");
    await fs.writeFile(existing, "keep");
    const refused = await run("check", hefei, "--summary", existing);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe("");
    expect(await fs.readFile(existing, "utf8")).toBe("keep");
  });

  (built ? it : it.skip)("a terminal gets a progress bar (done/total) on stderr; a pipe gets none", async () => {
    const piped = await runBin(["check", "examples", "--format", "json"], { JIXIAO_WORKERS: "1" });
    expect(piped.err).toBe("");
    // `script` gives the command a pseudo-terminal.
    const tty = await new Promise<string>((resolve) =>
      execFile("script", ["-qec", `${process.execPath} ${BIN} check examples --format json --report ${path.join(dir, "r.json")}`, "/dev/null"], { cwd: ROOT, env: { ...process.env, JIXIAO_WORKERS: "1" } }, (_e, stdout) => resolve(stdout)),
    );
    const n = (await fs.readdir(path.join(ROOT, "examples"))).filter((f) => f.endsWith(".xlsx")).length;
    // The bar is redrawn on cli-progress's timer (10 frames a second): which counts it paints depends on
    // how fast each file is checked, so any count after the first file will do.
    expect(tty).toMatch(new RegExp(`检查 .*[1-9]\\d*/${n} 个工作簿`));
    expect(tty).toMatch(new RegExp(`\\d+/${n} 个工作簿 \\| 剩余约`));
  });
});
