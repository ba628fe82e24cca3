/**
 * The output policy (src/cli/output.ts) as a clerk meets it, for every command that writes: an output
 * that is the input by any path (the same path spelled differently, a symlink, a hard link, the input
 * reached through a symlinked folder) is refused and the input is untouched; an existing file is kept
 * unless --force; `--docx` equal to `-o` is refused; a missing or unwritable folder is refused before
 * anything is written; a failed write leaves no half file. Each refusal is exit 2 and one sentence.
 */
import { createHash } from "crypto";
import { execFileSync } from "child_process";
import { mkdtempSync, promises as fs, realpathSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { planOutputs, writeFileAtomic } from "../../src/cli/output";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "hefei-2024.xlsx");

const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), "jixiao-output-")));
const input = path.join(tmp, "in", "报表.xlsx");
let inputHash: string;

async function sha(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

/** The sentence of a refusal: one line on stderr, exit 2. */
function refused(r: { code: number; out: string; err: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.out).toBe("");
}

beforeAll(async () => {
  await fs.mkdir(path.join(tmp, "in"));
  await fs.copyFile(EXAMPLE, input);
  inputHash = await sha(input);
  await fs.symlink(input, path.join(tmp, "link.xlsx"));
  await fs.link(input, path.join(tmp, "hard.xlsx"));
  await fs.symlink(path.join(tmp, "in"), path.join(tmp, "alias"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
afterEach(async () => {
  // Whatever was refused, the clerk's workbook is the same file with the same bytes.
  expect(await sha(input)).toBe(inputHash);
  expect((await fs.lstat(input)).isFile()).toBe(true);
});

/** Paths that name the input. */
const sameFile = (): [string, string][] => [
  ["the same path", input],
  ["the path spelled differently", path.join(tmp, "in", ".", "..", "in", "报表.xlsx")],
  ["a symlink to it", path.join(tmp, "link.xlsx")],
  ["a hard link to it", path.join(tmp, "hard.xlsx")],
  ["it through a symlinked folder", path.join(tmp, "alias", "报表.xlsx")],
];

describe.each([
  ["fill", (out: string, ...more: string[]) => ["fill", input, "-o", out, ...more]],
  ["narrative -o", (out: string, ...more: string[]) => ["narrative", input, "-o", out, ...more]],
  ["narrative --docx", (out: string, ...more: string[]) => ["narrative", input, "-o", path.join(tmp, `n-${Math.random().toString(36).slice(2)}.xlsx`), "--docx", out, ...more]],
])("%s", (_name, args) => {
  it.each(sameFile().map(([label, p]) => [label, p]))("refuses an output that is the input: %s", async (_label, target) => {
    const before = await fs.readdir(tmp);
    refused(await run(...args(target)), /就是输入文件.*jixiao 从不改写原文件/);
    refused(await run(...args(target, "--force")), /就是输入文件/);
    expect(await fs.readdir(tmp)).toEqual(before);
  });

  it("refuses an existing output without --force, replaces it with --force", async () => {
    const target = path.join(tmp, `existing-${Math.random().toString(36).slice(2)}.bin`);
    await fs.writeFile(target, "keep me");
    refused(await run(...args(target)), /输出文件“.+”已存在：如确要覆盖请加 --force/);
    expect(await fs.readFile(target, "utf8")).toBe("keep me");
    const r = await run(...args(target, "--force"));
    expect(r.err).toBe("");
    expect(r.code).toBeLessThan(2); // fill: 1 when cells that hold another value were kept
    expect((await fs.readFile(target)).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses an output in a missing folder, writing nothing", async () => {
    const before = await fs.readdir(tmp);
    refused(await run(...args(path.join(tmp, "no-such-folder", "out.bin"))), /输出文件夹“.+no-such-folder”不存在/);
    expect(await fs.readdir(tmp)).toEqual(before);
  });

  it("refuses a folder as the output", async () => {
    refused(await run(...args(path.join(tmp, "in"), "--force")), /是一个文件夹/);
  });
});

describe("narrative with two outputs", () => {
  it("refuses --docx equal to -o (also through a link) before writing either", async () => {
    const out = path.join(tmp, "both.xlsx");
    refused(await run("narrative", input, "-o", out, "--docx", out), /--docx 与 -o 指向同一个文件/);
    await expect(fs.stat(out)).rejects.toThrow();
    await fs.symlink(out, path.join(tmp, "both-link.docx"));
    refused(await run("narrative", input, "-o", out, "--docx", path.join(tmp, "both-link.docx")), /--docx 与 -o 指向同一个文件/);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("refuses --docx into a missing folder before the .xlsx is written", async () => {
    const out = path.join(tmp, "first.xlsx");
    refused(await run("narrative", input, "-o", out, "--docx", path.join(tmp, "missing", "report.docx")), /输出文件夹“.+missing”不存在/);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("refuses when the --docx target exists, leaving -o unwritten", async () => {
    const out = path.join(tmp, "second.xlsx");
    const docx = path.join(tmp, "second.docx");
    await fs.writeFile(docx, "an older report");
    refused(await run("narrative", input, "-o", out, "--docx", docx), /“.+second\.docx”已存在/);
    await expect(fs.stat(out)).rejects.toThrow();
    expect(await fs.readFile(docx, "utf8")).toBe("an older report");
  });
});

describe("template", () => {
  it("refuses an existing file without --force and replaces it with --force", async () => {
    const out = path.join(tmp, "template.xlsx");
    await fs.writeFile(out, "keep me");
    refused(await run("template", "-o", out), /已存在：如确要覆盖请加 --force/);
    expect(await fs.readFile(out, "utf8")).toBe("keep me");
    expect((await run("template", "-o", out, "--force")).code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses a missing folder", async () => {
    refused(await run("template", "-o", path.join(tmp, "nowhere", "t.xlsx")), /输出文件夹“.+nowhere”不存在/);
  });
});

describe("planOutputs and writeFileAtomic", () => {
  it("checks every target before returning, in order", async () => {
    const planned = await planOutputs([input], [
      { path: path.join(tmp, "a.xlsx"), option: "-o" },
      { path: path.join(tmp, "a.docx"), option: "--docx" },
    ]);
    expect(planned.map((p) => [p.option, path.basename(p.path), p.replaces])).toEqual([
      ["-o", "a.xlsx", false],
      ["--docx", "a.docx", false],
    ]);
  });

  it("refuses a read-only folder", async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to refuse
    const ro = path.join(tmp, "ro");
    await fs.mkdir(ro, { mode: 0o555 });
    await expect(planOutputs([input], [{ path: path.join(ro, "x.xlsx"), option: "-o" }])).rejects.toThrow(/没有写入文件夹/);
  });

  it("a failed write leaves neither half a file nor a temporary file", async () => {
    const dir = path.join(tmp, "atomic");
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, "x.xlsx"), "old");
    // The target appeared after planning: without --force it is kept whole.
    await expect(writeFileAtomic(path.join(dir, "x.xlsx"), "new")).rejects.toThrow(/已存在/);
    expect(await fs.readFile(path.join(dir, "x.xlsx"), "utf8")).toBe("old");
    await writeFileAtomic(path.join(dir, "x.xlsx"), "new", { replace: true });
    expect(await fs.readFile(path.join(dir, "x.xlsx"), "utf8")).toBe("new");
    expect(await fs.readdir(dir)).toEqual(["x.xlsx"]);
  });

  it("a named pipe as the output is refused at once (never blocks)", async () => {
    const fifo = path.join(tmp, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    refused(await run("fill", input, "-o", fifo, "--force"), /不是普通文件/);
  });
});
