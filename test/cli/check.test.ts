/**
 * `jixiao check` as a user meets it: exit codes, the contract's JSON, the Chinese text report, one line per
 * workbook for a folder, and one clear sentence (never a stack trace) for every kind of bad input.
 * Most cases run main() in-process; the last block runs the built CLI (bin/jixiao.js → dist/) with workers.
 */
import { createHash } from "crypto";
import { execFile, spawn } from "child_process";
import { promises as fs, existsSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { openXlsx } from "../../src/hosts/xlsx";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const XlsxPopulate: { fromFileAsync(p: string): Promise<{ outputAsync(o: { password: string }): Promise<Buffer> }> } = require("xlsx-populate");

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");
const LINXIANG = path.join(EXAMPLES, "linxiang-2021.xlsx");
const HEFEI = path.join(EXAMPLES, "hefei-2024.xlsx");

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function sha(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(text).not.toMatch(/Error:/);
}

interface JsonOut {
  findings: Record<string, unknown>[];
  workbooks: { file: string; status: string; summary: Record<string, unknown> }[];
  summary: Record<string, unknown>;
}

describe("jixiao check FILE", () => {
  it("--format json follows the contract and the exit code follows the errors", async () => {
    const before = await sha(HEFEI);
    const { code, out, err } = await run("check", HEFEI, "--format", "json");
    expect(err).toBe("");
    const json = JSON.parse(out) as JsonOut;
    expect(Object.keys(json)).toEqual(["schemaVersion", "tool", "workbooks", "findings", "summary"]);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(["file", "rule", "severity", "cell", "field", "message", "expected", "actual"]);
      expect(f.file).toBe(HEFEI);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(f.cell).toMatch(/^(.+)!([A-Z]+)(\d+)$/);
      expect(typeof f.message).toBe("string");
    }
    expect(json.workbooks).toHaveLength(1);
    const own = json.workbooks[0].summary;
    expect(own).toMatchObject({ file: HEFEI, preset: "recommended" });
    const errors = json.findings.filter((f) => f.severity === "error").length;
    expect(own.errors).toBe(errors);
    expect(own.valid).toBe(errors === 0);
    expect(json.summary).toMatchObject({ workbooks: 1, checked: 1, errors, valid: errors === 0 ? 1 : 0 });
    expect(code).toBe(errors > 0 ? 1 : 0);
    // The input file is never written.
    expect(await sha(HEFEI)).toBe(before);
  });

  it("1707.30 against 1707.31 in seed 002 is honest rounding: no finding on the 支出 row", async () => {
    const json = JSON.parse((await run("check", HEFEI, "--format", "json")).out) as JsonOut;
    expect(json.findings.filter((f) => String(f.cell).startsWith("收支情况!"))).toEqual([]);
  });

  it("the text report is Chinese, grouped by sheet and severity, with counts", async () => {
    const { code, out } = await run("check", LINXIANG);
    expect(out.split("\n")[0]).toBe(`检查：${LINXIANG}`);
    expect(out).toMatch(/^(未发现问题|共发现 \d+ 处问题：\d+ 个错误，\d+ 个警告，\d+ 条提示)/m);
    expect(out).toMatch(/结论：(没有发现错误|有 \d+ 个错误需要修改)。\n$/);
    const json = JSON.parse((await run("check", LINXIANG, "--format", "json")).out) as JsonOut;
    for (const f of json.findings) {
      const sheet = String(f.cell).split("!")[0];
      expect(out).toContain(`工作表“${sheet}”`);
      expect(out).toContain(String(f.message));
    }
    expect(code).toBe(json.findings.some((f) => f.severity === "error") ? 1 : 0);
  });

  it("--preset strict never reports fewer errors than recommended", async () => {
    const rec = JSON.parse((await run("check", LINXIANG, "--format", "json")).out) as JsonOut;
    const strict = JSON.parse((await run("check", LINXIANG, "--format", "json", "--preset", "strict")).out) as JsonOut;
    expect(strict.workbooks[0].summary.preset).toBe("strict");
    expect(Number(strict.summary.errors)).toBeGreaterThanOrEqual(Number(rec.summary.errors));
  });
});

describe("the examples' real mistakes are found at their cells", () => {
  const CLERK = path.join(EXAMPLES, "linxiang-2021-clerk.xlsx");
  async function findings(file: string): Promise<{ code: number; list: Record<string, unknown>[] }> {
    const r = await run("check", file, "--format", "json");
    return { code: r.code, list: (JSON.parse(r.out) as JsonOut).findings };
  }

  it("seed 000: “基本支出346.77元” in the prose, against 346.77 万元 in the table", async () => {
    const { code, list } = await findings(LINXIANG);
    expect(list).toContainEqual(expect.objectContaining({ rule: "prose-amount-matches-table", cell: "文字说明!B4", severity: "error" }));
    expect(code).toBe(1);
  });

  it("seed 000 in the clerk's own layout (no names): the same prose mistake is found through the auto-mapped tables", async () => {
    const { list } = await findings(CLERK);
    expect(list).toContainEqual(expect.objectContaining({ rule: "prose-amount-matches-table", cell: "自评表!B9" }));
    // The four money tables foot in the seed: no footing finding on the auto-mapped tables.
    expect(list.filter((f) => f.rule === "total-matches-parts")).toEqual([]);
  });

  it("seed 000's 基本支出 346.77 typed in 元 (3467700) in the 万元 table is one finding naming the unit mistake", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-yuan-"));
    try {
      const host = await openXlsx(LINXIANG);
      expect(await host.applyWrites([{ at: { sheet: "收支情况", address: "C12" }, value: 3467700 }])).toEqual({ ok: true, value: 1 });
      const file = path.join(dir, "yuan.xlsx");
      await host.saveAs(file);
      const { code, list } = await findings(file);
      const onTable = list.filter((f) => String(f.cell).startsWith("收支情况!"));
      expect(onTable).toEqual([expect.objectContaining({ rule: "no-unit-mistake", cell: "收支情况!C12", severity: "error" })]);
      expect(code).toBe(1);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("a finding the clerk ignored in the pane (jx_ignore sheet, with a reason) is left out and counted as ignored", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-ignore-"));
    try {
      const host = await openXlsx(HEFEI);
      const rows = [["规则", "单元格", "原因", "日期"], ["score-summary-matches", "绩效自评!C15", "财政局同意按原分值上报", "2026-11-22"]];
      expect((await host.writeSheet({ name: "jx_ignore", rows })).ok).toBe(true);
      const file = path.join(dir, "ignored.xlsx");
      await host.saveAs(file);
      const before = await findings(HEFEI);
      const r = await run("check", file, "--format", "json");
      const json = JSON.parse(r.out) as JsonOut;
      expect(json.findings).not.toContainEqual(expect.objectContaining({ rule: "score-summary-matches", cell: "绩效自评!C15" }));
      expect(json.findings).toHaveLength(before.list.length - 1);
      expect(json.workbooks[0].summary.ignored).toBe(1);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("seed 002: the 产出指标 subtotal written 50 where its indicators give 48", async () => {
    const { code, list } = await findings(HEFEI);
    expect(list).toContainEqual(expect.objectContaining({ rule: "score-summary-matches", cell: "绩效自评!C15", severity: "error", expected: 48, actual: 50 }));
    // Its second mistake: the 数量 indicator's remark “完成率为107.5%” for 23.9万人 of 23万人.
    expect(list).toContainEqual(expect.objectContaining({ rule: "prose-rate-matches", cell: "绩效自评!I5", severity: "error", expected: "103.9%" }));
    expect(code).toBe(1);
  });
});

describe("several files or a folder", () => {
  it("prints one summary line per workbook and exits with the highest code", async () => {
    const { code, out } = await run("check", EXAMPLES);
    const files = (await fs.readdir(EXAMPLES)).filter((f) => f.endsWith(".xlsx")).sort();
    const lines = out.split("\n").filter((l) => /^[✓✗!] /.test(l));
    expect(lines).toHaveLength(files.length);
    files.forEach((f, i) => expect(lines[i]).toMatch(new RegExp(`^[✓✗!] .*${f.replace(/[.]/g, "\\.")}：\\d+ 个错误，\\d+ 个警告，\\d+ 条提示`)));
    expect(out).toMatch(new RegExp(`共检查 ${files.length} 个工作簿：`));
    expect(code).toBe(lines.some((l) => l.startsWith("✗")) ? 1 : 0);
  });

  it("an unreadable file among good ones gets its own line and exit 2; JSON lists it with its problem", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-batch-"));
    try {
      await fs.copyFile(HEFEI, path.join(dir, "a.xlsx"));
      await fs.writeFile(path.join(dir, "b.xlsx"), "not a workbook");
      const text = await run("check", dir);
      expect(text.code).toBe(2);
      expect(text.out).toContain(`✗ ${path.join(dir, "b.xlsx")}：无法读取 — 不是 .xlsx 工作簿文件（not an .xlsx workbook）`);
      expect(text.out).toContain("1 个无法读取");
      const json = JSON.parse((await run("check", path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx"), "--format", "json")).out) as {
        workbooks: { file: string; error?: { problem: string } }[];
        summary: { workbooks: number; unreadable: number };
      };
      expect(json.workbooks.map((w) => w.error?.problem ?? "ok")).toEqual(["ok", "not-xlsx"]);
      expect(json.summary).toMatchObject({ workbooks: 2, unreadable: 1 });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("bad input: one clear Chinese sentence and exit 2", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bad-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function expectSentence(args: string[], sentence: string): Promise<void> {
    const { code, out, err } = await run(...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(sentence);
    expect(err.trim().split("\n")).toHaveLength(1);
    noStackTrace(err);
  }

  it("a missing path", async () => {
    await expectSentence(["check", path.join(dir, "nope.xlsx")], "找不到文件或文件夹");
  });

  it("a text file", async () => {
    const f = path.join(dir, "notes.txt");
    await fs.writeFile(f, "预算执行率 99.74%\n");
    await expectSentence(["check", f], "不是 .xlsx 工作簿文件");
  });

  it("an old .xls renamed .xlsx", async () => {
    const f = path.join(dir, "old.xlsx");
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(f, Buffer.concat([header, Buffer.alloc(1024), Buffer.from("Workbook", "utf16le")]));
    await expectSentence(["check", f], "这是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查");
  });

  it("a corrupt zip", async () => {
    const f = path.join(dir, "cut.xlsx");
    const bytes = await fs.readFile(HEFEI);
    await fs.writeFile(f, bytes.subarray(0, 2000));
    await expectSentence(["check", f], "工作簿文件已损坏，无法读取");
  });

  it("a password-protected workbook", async () => {
    const f = path.join(dir, "locked.xlsx");
    const wb = await XlsxPopulate.fromFileAsync(HEFEI);
    await fs.writeFile(f, await wb.outputAsync({ password: "123456" }));
    await expectSentence(["check", f], "工作簿设置了打开密码");
  });

  it("an empty folder", async () => {
    const empty = path.join(dir, "empty");
    await fs.mkdir(empty);
    await expectSentence(["check", empty], "中没有 .xlsx 工作簿");
  });

  it("an unknown preset or format", async () => {
    await expectSentence(["check", HEFEI, "--preset", "lenient"], "未知的规则预设“lenient”");
    const { code, err } = await run("check", HEFEI, "--format", "xml");
    expect(code).toBe(2);
    noStackTrace(err);
  });

  it("an unknown scoring profile", async () => {
    await expectSentence(["check", HEFEI, "--profile", "火星"], "未知的评分方案“火星”");
  });

  it("no file at all", async () => {
    const { code, err } = await run("check");
    expect(code).toBe(2);
    expect(err).toContain("missing required argument");
  });
});

describe("the built CLI (bin/jixiao.js → dist/)", () => {
  const bin = path.join(ROOT, "bin", "jixiao.js");
  const built = existsSync(path.join(ROOT, "dist", "cli", "index.js"));
  const runBin = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, cwd: ROOT }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
      });
    });

  (built ? it : it.skip)("checks a folder on worker threads with the same lines, in the same order, as one thread", async () => {
    const viaWorkers = await runBin(["check", "examples"], { JIXIAO_WORKERS: "2" });
    const inProcess = await runBin(["check", "examples"], { JIXIAO_WORKERS: "1" });
    expect(viaWorkers.err).toBe("");
    const lines = (s: string): string[] => s.split("\n").filter((l) => /^[✓✗!] /.test(l));
    expect(lines(viaWorkers.out)).toEqual(lines(inProcess.out));
    expect(viaWorkers.code).toBe(inProcess.code);
  });

  (built ? it : it.skip)("a missing file: exit 2 and one sentence on stderr", async () => {
    const r = await runBin(["check", "no-such-file.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("jixiao: 找不到文件或文件夹“no-such-file.xlsx”（no such file or directory）\n");
  });

  (built ? it : it.skip)("a reader that stops early (| head) ends the run quietly, without an EPIPE stack trace", async () => {
    const child = spawn(process.execPath, [bin, "check", "examples"], { cwd: ROOT, env: { ...process.env, JIXIAO_WORKERS: "1" } });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err).toBe("");
    expect(code).not.toBeNull();
  });

  (built ? it : it.skip)("--help lists the four commands", async () => {
    const r = await runBin(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["check", "fill", "narrative", "template"]) expect(r.out).toMatch(new RegExp(`^  ${c}\\b`, "m"));
  });
});
