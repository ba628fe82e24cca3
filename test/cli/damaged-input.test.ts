/**
 * Inputs that cannot be read, as the audit found them, generated here (nothing large is committed): a
 * package with a referenced part missing or with XML that does not parse, a damaged archive, a named pipe
 * or a device given as the workbook, a folder given to fill, and a workbook of 1 048 573 rows × 10
 * numbers that is 2 MB on disk. Each gets exit 2 and its one sentence from check, fill and narrative —
 * never blank cells checked as if they were empty, never a hang, never a heap crash.
 */
import { execFile, execFileSync } from "child_process";
import { existsSync, mkdtempSync, promises as fs, realpathSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import JSZip from "jszip";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { openXlsx } from "../../src/hosts/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "hefei-2024.xlsx");
const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), "jixiao-damaged-")));
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}

/** A copy of the example with `edit` applied to its archive. */
async function damaged(name: string, edit: (zip: JSZip) => Promise<void> | void): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(EXAMPLE));
  await edit(zip);
  const file = path.join(tmp, name);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const truncate = (part: string) => async (zip: JSZip) => {
  const xml = await zip.file(part)!.async("string");
  zip.file(part, xml.slice(0, Math.floor(xml.length / 2)));
};

const sub = (part: string, from: RegExp | string, to: string) => async (zip: JSZip) => {
  const xml = await zip.file(part)!.async("string");
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`nothing to change in ${part}`);
  zip.file(part, changed);
};

/** [case, how to make it, the sentence it must produce]. */
const CASES: [string, () => Promise<string>, RegExp][] = [
  ["shared strings missing (cells would read as blank)", () => damaged("no-sst.xlsx", (z) => void z.remove("xl/sharedStrings.xml")), /文件已损坏：缺少 xl\/sharedStrings\.xml/],
  ["a worksheet part missing", () => damaged("no-sheet.xlsx", (z) => void z.remove("xl/worksheets/sheet1.xml")), /文件已损坏：缺少 xl\/worksheets\/sheet1\.xml/],
  ["worksheet XML cut in half", () => damaged("half-sheet.xlsx", truncate("xl/worksheets/sheet1.xml")), /文件已损坏：xl\/worksheets\/sheet1\.xml 无法解析/],
  ["styles XML cut in half", () => damaged("half-styles.xlsx", truncate("xl/styles.xml")), /文件已损坏：xl\/styles\.xml 无法解析/],
  ["shared strings XML cut in half", () => damaged("half-sst.xlsx", truncate("xl/sharedStrings.xml")), /文件已损坏：xl\/sharedStrings\.xml 无法解析/],
  ["[Content_Types].xml missing", () => damaged("no-types.xlsx", (z) => void z.remove("[Content_Types].xml")), /文件已损坏：缺少 \[Content_Types\]\.xml/],
  ["the workbook's relationships missing", () => damaged("no-rels.xlsx", (z) => void z.remove("xl/_rels/workbook.xml.rels")), /文件已损坏：缺少 xl\/_rels\/workbook\.xml\.rels/],
  ["a sheet without its relationship", () => damaged("no-rel.xlsx", sub("xl/workbook.xml", /r:id="rId4"/, 'r:id="rId99"')), /文件已损坏：工作表“基本情况”在 xl\/_rels\/workbook\.xml\.rels 中没有对应的部件/],
  ["a relationship to a missing worksheet part", () => damaged("rel-missing.xlsx", sub("xl/_rels/workbook.xml.rels", "worksheets/sheet1.xml", "worksheets/sheet9.xml")), /文件已损坏：缺少 xl\/worksheets\/sheet9\.xml/],
  ["a worksheet without sheetData", () => damaged("no-sheetdata.xlsx", sub("xl/worksheets/sheet1.xml", /<sheetData[\s\S]*<\/sheetData>/, "")), /文件已损坏：xl\/worksheets\/sheet1\.xml 中没有单元格数据/],
  ["the styles part missing", () => damaged("no-styles.xlsx", (z) => void z.remove("xl/styles.xml")), /文件已损坏：缺少 xl\/styles\.xml/],
  ["a shared-string index past the table (a cell would read as blank)", () => damaged("sst-range.xlsx", sub("xl/worksheets/sheet1.xml", /(<c [^>]*t="s"[^>]*>)<v>\d+<\/v>/, "$1<v>99999</v>")), /文件已损坏：工作表“基本情况”引用了 xl\/sharedStrings\.xml 中不存在的文本/],
  [
    "the archive cut short",
    async () => {
      const bytes = await fs.readFile(EXAMPLE);
      const file = path.join(tmp, "cut.xlsx");
      await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      return file;
    },
    /损坏/,
  ],
];

describe.each(CASES)("%s", (_name, make, sentence) => {
  let file: string;
  beforeAll(async () => {
    file = await make();
  });

  it("check: exit 2 with the sentence (labelled corrupt, not unsupported)", async () => {
    const r = await run("check", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(sentence);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
    const json = await run("check", file, path.join(ROOT, "examples", "linxiang-2021.xlsx"), "--format", "json");
    const entry = (JSON.parse(json.out) as { workbooks: { error?: { problem: string; message: string } }[] }).workbooks[0];
    expect(entry.error?.problem).toBe("corrupt");
    expect(entry.error?.message).toMatch(sentence);
  });

  it("fill and narrative: exit 2 with the sentence, nothing written", async () => {
    for (const args of [["fill", file, "-o", `${file}.fill.xlsx`], ["narrative", file, "-o", `${file}.narr.xlsx`]]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(sentence);
      expect(existsSync(args[3])).toBe(false);
    }
  });
});

describe("files that are not regular files are refused at once", () => {
  it.each([["check"], ["fill"], ["narrative"]])("%s: a named pipe (nothing writes to it: reading would block forever)", async (command) => {
    const fifo = path.join(tmp, `${command}.fifo`);
    execFileSync("mkfifo", [fifo]);
    const args = command === "check" ? [command, fifo] : [command, fifo, "-o", path.join(tmp, `${command}-fifo-out.xlsx`)];
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件（管道、设备或套接字）/);
  });

  it("a device", async () => {
    const r = await run("check", "/dev/null");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件/);
  });

  it("a folder given to fill as its input", async () => {
    const r = await run("fill", tmp, "-o", path.join(tmp, "folder-out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/这是一个文件夹/);
  });
});

/** A zip archive written by hand (stored sizes and CRC), so that a 300 MB part deflates natively, in chunks. */
async function writeZip(file: string, entries: readonly { readonly name: string; readonly chunks: () => Iterable<string> }[]): Promise<void> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let crc = 0;
    let size = 0;
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    deflate.on("data", (b: Buffer) => out.push(b));
    const done = new Promise((resolve) => deflate.on("end", resolve));
    for (const text of e.chunks()) {
      const bytes = Buffer.from(text, "utf8");
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once("drain", resolve));
    }
    deflate.end();
    await done;
    const data = Buffer.concat(out);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  await fs.writeFile(file, Buffer.concat([...locals, dir, end]));
}

/**
 * The audit's bomb: one sheet of `rows` rows × 10 numbers, deflated as it is generated (never held whole
 * in memory), declaring `declaredRows` rows in its <dimension> (none when undefined). The audit's file had
 * all 1 048 573 rows (24 MB); here 120 000 real rows (1.2 million cells, over the default limit) keep the
 * file at 3 MB and the test quick, while the declared size is the audit's.
 */
async function bomb(file: string, rows: number, declaredRows?: number): Promise<void> {
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (declaredRows !== undefined ? `<dimension ref="A1:J${declaredRows}"/>` : "") +
    "<sheetData>";
  function* sheet(): Generator<string> {
    yield head;
    const cols = "ABCDEFGHIJ";
    for (let start = 1; start <= rows; start += 4000) {
      const parts: string[] = [];
      for (let r = start; r < Math.min(start + 4000, rows + 1); r++) {
        parts.push(`<row r="${r}">`);
        for (let c = 0; c < 10; c++) parts.push(`<c r="${cols[c]}${r}"><v>${c + 1}</v></c>`);
        parts.push("</row>");
      }
      yield parts.join("");
    }
    yield "</sheetData></worksheet>";
  }
  const one = (text: string) => () => [text];
  await writeZip(file, [
    {
      name: "[Content_Types].xml",
      chunks: one(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      chunks: one('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    },
    {
      name: "xl/workbook.xml",
      chunks: one('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="收支情况" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      chunks: one('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    },
    { name: "xl/worksheets/sheet1.xml", chunks: sheet },
  ]);
}

describe("a workbook too large to read", () => {
  const big = path.join(tmp, "bomb.xlsx");
  const noDimension = path.join(tmp, "bomb-no-dimension.xlsx");
  beforeAll(async () => {
    await bomb(big, 120_000, 1_048_573);
    await bomb(noDimension, 150_000);
  }, 120_000);

  it("is small on disk", async () => {
    expect((await fs.stat(big)).size).toBeLessThan(5 * 1024 * 1024);
  });

  it("check, fill, narrative: exit 2 with the row count, no heap crash", async () => {
    const sentence = "工作簿过大（约 1 048 573 行）：请删除空行或拆分后再检查";
    const check = await run("check", big);
    expect(check.code).toBe(2);
    expect(check.err).toContain(sentence);
    for (const command of ["fill", "narrative"]) {
      const r = await run(command, big, "-o", path.join(tmp, `bomb-${command}.xlsx`));
      expect(r.code).toBe(2);
      expect(r.err).toContain(sentence);
    }
  }, 120_000);

  it("without a <dimension>, the rows are counted", async () => {
    const r = await run("check", noDimension);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/工作簿过大（约 1[0-9]{2} [0-9]{3} 行）/);
  }, 60_000);

  it("the limit is configurable: --max-cells and JIXIAO_MAX_CELLS", async () => {
    const small = path.join(tmp, "small-limit-out.xlsx");
    const r = await run("fill", EXAMPLE, "-o", small, "--max-cells", "50");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/工作簿过大（约 \d+ 行）/);
    expect(existsSync(small)).toBe(false);
    expect((await run("fill", EXAMPLE, "-o", small, "--max-cells", "lots")).err).toMatch(/--max-cells 须为正整数/);
    const previous = process.env.JIXIAO_MAX_CELLS;
    process.env.JIXIAO_MAX_CELLS = "50";
    try {
      const c = await run("check", EXAMPLE);
      expect(c.code).toBe(2);
      expect(c.err).toMatch(/工作簿过大/);
    } finally {
      if (previous === undefined) delete process.env.JIXIAO_MAX_CELLS;
      else process.env.JIXIAO_MAX_CELLS = previous;
    }
    // And the default reads the example.
    expect((await run("check", EXAMPLE)).code).toBeLessThan(2);
  });

  it("the host refuses it before building the workbook (openXlsx)", async () => {
    await expect(openXlsx(big)).rejects.toMatchObject({ problem: "too-large" });
  }, 60_000);

  const built = existsSync(path.join(ROOT, "dist", "cli", "index.js"));
  (built ? it : it.skip)("batch mode on worker threads (the built CLI): the bomb is one unreadable line, the others are checked", async () => {
    const r = await new Promise<{ code: number; out: string; err: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, "bin", "jixiao.js"), "check", big, EXAMPLE, path.join(ROOT, "examples", "linxiang-2021.xlsx")],
        { cwd: ROOT, env: { ...process.env, JIXIAO_WORKERS: "2" }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr }),
      );
    });
    expect(r.err).toBe("");
    expect(r.code).toBe(2);
    const lines = r.out.split("\n").filter((l) => /^[✓✗!] /.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^✗ .*bomb\.xlsx.*工作簿过大（约 1 048 573 行）/);
    expect(lines.slice(1).every((l) => !/工作簿过大|内部错误/.test(l))).toBe(true);
  }, 150_000);
});
