/**
 * `jixiao template [--kind dept|project] -o OUT` through the CLI's main().
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { readXlsxFile } from "../../src/hosts/xlsx";

describe("jixiao template", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-template-cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes the dept template by default, with the contract names", async () => {
    const io = memoryIo();
    // The output policy (src/cli/output.ts) checks folders, it does not create them.
    fs.mkdirSync(path.join(dir, "sub"));
    const out = path.join(dir, "sub", "模板.xlsx");
    expect(await main(["node", "jixiao", "template", "-o", out], io)).toBe(0);
    expect(io.out).toContain("已生成模板");
    const snap = await readXlsxFile(out);
    expect(snap.sheets.map((s) => s.name)).toEqual(["基本情况", "收支情况", "绩效自评", "文字说明", "填表说明", "jx_rules"]);
    expect(snap.names.map((n) => n.name)).toContain("jx_income");
  });

  test("--kind project writes the project template (no 收支情况)", async () => {
    const io = memoryIo();
    const out = path.join(dir, "project.xlsx");
    expect(await main(["node", "jixiao", "template", "--kind", "project", "-o", out], io)).toBe(0);
    const snap = await readXlsxFile(out);
    expect(snap.sheets.map((s) => s.name)).not.toContain("收支情况");
    expect(snap.sheets[0].cells.B5?.value).toBe("项目支出");
  });

  test("--profile hubei pre-fills its 预算执行率 weight, keeps every indicator group, and names the profile", async () => {
    const io = memoryIo();
    const out = path.join(dir, "hubei.xlsx");
    expect(await main(["node", "jixiao", "template", "--profile", "hubei", "-o", out], io)).toBe(0);
    const snap = await readXlsxFile(out);
    const evaluation = snap.sheets.find((s) => s.name === "绩效自评")!;
    expect(evaluation.cells.E4?.value).toBe(20);
    const labels = Object.values(evaluation.cells).map((c) => c.value);
    expect(labels).toEqual(expect.arrayContaining(["产出指标", "效益指标", "满意度指标"]));
    expect(snap.sheets[0].cells.B12?.value).toBe("hubei");
    const bad = memoryIo();
    expect(await main(["node", "jixiao", "template", "--profile", "mars", "-o", path.join(dir, "m.xlsx")], bad)).toBe(2);
    expect(bad.err).toContain("未知的评分规则");
  });

  test("an unknown kind or a non-.xlsx output is a usage error (exit 2) with a Chinese message, and writes nothing", async () => {
    const io = memoryIo();
    expect(await main(["node", "jixiao", "template", "--kind", "county", "-o", path.join(dir, "a.xlsx")], io)).toBe(2);
    expect(io.err).toContain("--kind 只能是 dept");
    expect(fs.existsSync(path.join(dir, "a.xlsx"))).toBe(false);
    const io2 = memoryIo();
    expect(await main(["node", "jixiao", "template", "-o", path.join(dir, "a.txt")], io2)).toBe(2);
    expect(io2.err).toContain(".xlsx");
  });
});
