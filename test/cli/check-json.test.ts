/**
 * The command line's output contract (issue 13, point 3): the versioned JSON report, valid against
 * docs/report.schema.json, the same shape for one workbook or many, without timings unless asked; globs
 * expanded by jixiao itself; text that survives a GBK console; --report writing a file.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { outputIsUtf8 } from "../../src/cli/format";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");
const HEFEI = path.join(EXAMPLES, "hefei-2024.xlsx");
const LINXIANG = path.join(EXAMPLES, "linxiang-2021.xlsx");

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function withEnv<T>(vars: Record<string, string | undefined>, f: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

let validate: ReturnType<Ajv2020["compile"]>;
let dir: string;
beforeAll(async () => {
  const schema = JSON.parse(await fs.readFile(path.join(ROOT, "docs", "report.schema.json"), "utf8")) as object;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-json-"));
  validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function expectValid(json: unknown): void {
  const ok = validate(json);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

interface Report {
  schemaVersion: string;
  workbooks: { file: string; status: string; summary?: Record<string, unknown>; error?: { problem: string; message: string } }[];
  findings: { file: string; severity: string; rule: string; cell: string }[];
  summary: Record<string, number>;
}

describe("the JSON report", () => {
  it("one workbook: versioned, valid against docs/report.schema.json, with its unit, year, score and grade", async () => {
    const { out } = await run("check", HEFEI, "--format", "json");
    const json = JSON.parse(out) as Report;
    expectValid(json);
    expect(json.schemaVersion).toBe("1.0");
    expect(json.workbooks[0].summary).toMatchObject({ year: 2024, unit: "区医疗保障局" });
    expect(typeof json.workbooks[0].summary!.score).toBe("number");
    expect(["优", "良", "中", "差"]).toContain(String(json.workbooks[0].summary!.grade).slice(0, 1));
  });

  it("many workbooks (one unreadable) have the same shape, and the totals are the sums of the workbooks", async () => {
    const bad = path.join(dir, "bad.xlsx");
    await fs.writeFile(bad, "not a workbook");
    const { code, out } = await run("check", HEFEI, LINXIANG, bad, "--format", "json");
    expect(code).toBe(2);
    const json = JSON.parse(out) as Report;
    expectValid(json);
    expect(json.workbooks.map((w) => w.status)).toEqual(["checked", "checked", "unreadable"]);
    expect(json.workbooks[2].error).toEqual({ problem: "not-xlsx", message: expect.stringContaining("不是 .xlsx 工作簿文件") });
    const checked = json.workbooks.filter((w) => w.summary);
    for (const k of ["errors", "warnings", "infos", "findings"]) {
      expect(json.summary[k]).toBe(checked.reduce((n, w) => n + Number(w.summary![k]), 0));
    }
    expect(json.summary.findings).toBe(json.findings.length);
    expect(json.summary).toMatchObject({ workbooks: 3, checked: 2, unreadable: 1 });
    // Each finding names its workbook, and a workbook's findings are counted in its own summary.
    for (const w of checked) expect(json.findings.filter((f) => f.file === w.file)).toHaveLength(Number(w.summary!.findings));
  });

  it("two runs print the same bytes; timings only with --timings (and still valid)", async () => {
    const a = await run("check", HEFEI, LINXIANG, "--format", "json");
    const b = await run("check", HEFEI, LINXIANG, "--format", "json");
    expect(a.out).toBe(b.out);
    expect(a.out).not.toMatch(/loadMs|checkMs|timings/);
    const timed = JSON.parse((await run("check", HEFEI, "--format", "json", "--timings")).out) as Report;
    expectValid(timed);
    expect(timed.workbooks[0].summary!.timings).toEqual({ loadMs: expect.any(Number), checkMs: expect.any(Number) });
    // The text footer of a batch has no time either, unless asked.
    expect((await run("check", HEFEI, LINXIANG)).out).not.toContain("用时");
    expect((await run("check", HEFEI, LINXIANG, "--timings")).out).toMatch(/用时 \d+\.\d 秒/);
  });

  it("the schema rejects what the report never contains (so the test above can fail)", () => {
    expect(validate({ schemaVersion: "1.0", findings: [], summary: {} })).toBe(false);
  });
});

describe("globs are expanded by jixiao, as cmd.exe and PowerShell do not", () => {
  it('"examples/*.xlsx" checks every example, in name order', async () => {
    const files = (await fs.readdir(EXAMPLES)).filter((f) => f.endsWith(".xlsx")).sort();
    const { out } = await run("check", path.join(EXAMPLES, "*.xlsx"), "--format", "json");
    const json = JSON.parse(out) as Report;
    expect(json.workbooks.map((w) => path.basename(w.file))).toEqual(files);
  });

  it("a relative pattern, and one that matches nothing", async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const json = JSON.parse((await run("check", "examples/hefei-*.xlsx", "--format", "json")).out) as Report;
      expect(json.workbooks.map((w) => w.file)).toEqual([path.join("examples", "hefei-2024.xlsx")]);
      const none = await run("check", "examples/*.xlsm");
      expect(none.code).toBe(2);
      expect(none.err).toContain("没有与“examples/*.xlsm”匹配的 .xlsx 工作簿");
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("text that survives a GBK console", () => {
  it("outside UTF-8 the marks are √ and × (both in GBK), never ✓ or ✗", async () => {
    const bad = path.join(dir, "bad2.xlsx");
    await fs.writeFile(bad, "not a workbook");
    const gbk = await withEnv({ JIXIAO_ENCODING: "gbk" }, () => run("check", HEFEI, LINXIANG, bad));
    expect(gbk.out).not.toMatch(/[✓✗]/);
    expect(gbk.out).toMatch(/^× .*bad2\.xlsx：无法读取/m);
    const utf8 = await withEnv({ JIXIAO_ENCODING: "utf8" }, () => run("check", HEFEI, LINXIANG, bad));
    expect(utf8.out).toMatch(/^✗ .*bad2\.xlsx：无法读取/m);
    // Every character of the GBK text exists in GBK: round-trip through a GBK decoder of its encoding.
    const iconv = (await import("iconv-lite")).default;
    expect(iconv.decode(iconv.encode(gbk.out, "gbk"), "gbk")).toBe(gbk.out);
  });

  it("outside UTF-8 the JSON is ASCII (\\u escapes) and parses to the same report", async () => {
    const gbk = await withEnv({ JIXIAO_ENCODING: "gbk" }, () => run("check", HEFEI, "--format", "json"));
    const utf8 = await withEnv({ JIXIAO_ENCODING: "utf8" }, () => run("check", HEFEI, "--format", "json"));
    expect([...gbk.out].filter((c) => c.charCodeAt(0) > 0x7f)).toEqual([]);
    expect(JSON.parse(gbk.out)).toEqual(JSON.parse(utf8.out));
  });

  it("the encoding follows JIXIAO_ENCODING, then the Windows code page, then the locale", () => {
    expect(outputIsUtf8({}, "win32", 936)).toBe(false);
    expect(outputIsUtf8({}, "win32", 65001)).toBe(true);
    expect(outputIsUtf8({}, "win32", undefined)).toBe(false);
    expect(outputIsUtf8({ JIXIAO_ENCODING: "UTF-8" }, "win32", 936)).toBe(true);
    expect(outputIsUtf8({ LANG: "zh_CN.UTF-8" }, "linux")).toBe(true);
    expect(outputIsUtf8({ LANG: "zh_CN.GBK" }, "linux")).toBe(false);
    expect(outputIsUtf8({ LC_ALL: "zh_CN.GB18030", LANG: "en_US.UTF-8" }, "linux")).toBe(false);
    expect(outputIsUtf8({ LANG: "zh_CN" }, "linux")).toBe(false);
    expect(outputIsUtf8({}, "darwin")).toBe(true);
  });
});

describe("--report FILE", () => {
  it("writes the text report as UTF-8 with a BOM, prints nothing, and keeps the exit code", async () => {
    const target = path.join(dir, "结果.txt");
    const direct = await run("check", HEFEI);
    const r = await withEnv({ JIXIAO_ENCODING: "gbk" }, () => run("check", HEFEI, "--report", target));
    expect(r.out).toBe("");
    expect(r.code).toBe(direct.code);
    const bytes = await fs.readFile(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The file is UTF-8 whatever the console takes: the same text as the UTF-8 console gets.
    expect(bytes.subarray(3).toString("utf8")).toBe(direct.out);
  });

  it("writes JSON without a BOM (RFC 8259), parseable as it is", async () => {
    const target = path.join(dir, "结果.json");
    await run("check", HEFEI, LINXIANG, "--format", "json", "--report", target);
    const text = await fs.readFile(target, "utf8");
    expect(text.charCodeAt(0)).toBe("{".charCodeAt(0));
    expectValid(JSON.parse(text));
  });

  it("refuses to write over an input (by another path too) or over an existing file without --force", async () => {
    const copy = path.join(dir, "copy.xlsx");
    await fs.copyFile(HEFEI, copy);
    const before = await fs.readFile(copy);
    const sneaky = path.join(dir, ".", "sub", "..", "copy.xlsx");
    const over = await run("check", copy, "--report", sneaky);
    expect(over.code).toBe(2);
    expect(over.err).toContain("就是输入文件");
    expect(await fs.readFile(copy)).toEqual(before);

    const target = path.join(dir, "exists.txt");
    await fs.writeFile(target, "keep me");
    const refused = await run("check", HEFEI, "--report", target);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("已存在：如确要覆盖请加 --force");
    expect(await fs.readFile(target, "utf8")).toBe("keep me");
    await run("check", HEFEI, "--report", target, "--force");
    expect(await fs.readFile(target, "utf8")).toContain("检查：");
  });
});
