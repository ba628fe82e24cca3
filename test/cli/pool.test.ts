/**
 * Batch checking: where the pool of worker threads is used (only where `npm run bench` showed it pays),
 * and that one thread and the pool give exactly the same outcomes, file by file, in input order.
 * The pool half runs the built CLI's pool (dist/; skipped when not built, like the other built-CLI tests).
 */
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { MIN_FILES_PER_WORKER, workersFor } from "../../src/cli/pool";
import type { FileOutcome } from "../../src/cli/check-file";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeWorkbook } = require("../../scripts/lib/bench-workbook.js") as {
  makeWorkbook(file: string, o: { institutions: number; projects: number; indicators: number; seed: number }): Promise<void>;
};

const ROOT = path.join(__dirname, "..", "..");
const built = existsSync(path.join(ROOT, "dist", "cli", "pool.js"));

describe("workersFor: one thread unless the pool pays", () => {
  it("uses this thread on 1 or 2 cores, whatever the number of files", () => {
    for (const files of [1, 10, 1000]) {
      expect(workersFor(files, 1, undefined)).toBe(1);
      expect(workersFor(files, 2, undefined)).toBe(1);
    }
  });

  it("on more cores, one worker per core but at least 8 files each", () => {
    expect(workersFor(MIN_FILES_PER_WORKER * 2 - 1, 8, undefined)).toBe(1);
    expect(workersFor(MIN_FILES_PER_WORKER * 2, 8, undefined)).toBe(2);
    expect(workersFor(1000, 8, undefined)).toBe(8);
    expect(workersFor(3, 8, undefined)).toBe(1);
  });

  it("JIXIAO_WORKERS overrides, never above the number of files; nonsense is ignored", () => {
    expect(workersFor(10, 2, "4")).toBe(4);
    expect(workersFor(3, 2, "4")).toBe(3);
    expect(workersFor(10, 2, "0")).toBe(1);
    expect(workersFor(10, 2, "x")).toBe(1);
    expect(workersFor(100, 8, "")).toBe(8);
  });
});

describe("one thread and the pool give the same outcomes", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-pool-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  (built ? it : it.skip)(
    "on distinct workbooks (examples, generated ones with slips, an unreadable file): same findings and summaries, same order",
    async () => {
      const files = (await fs.readdir(path.join(ROOT, "examples"))).filter((f) => f.endsWith(".xlsx")).sort().map((f) => path.join(ROOT, "examples", f));
      for (let i = 0; i < 4; i++) {
        const f = path.join(dir, `unit-${i}.xlsx`);
        await makeWorkbook(f, { institutions: 20 + 10 * i, projects: 10, indicators: 20, seed: 300 + i });
        files.push(f);
      }
      const bad = path.join(dir, "not-a-workbook.xlsx");
      await fs.writeFile(bad, "这不是工作簿");
      files.splice(2, 0, bad);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pool = require(path.join(ROOT, "dist", "cli", "pool.js")) as typeof import("../../src/cli/pool");
      const saved = process.env.JIXIAO_WORKERS;
      const run = async (workers: string): Promise<{ outcomes: FileOutcome[]; order: number[] }> => {
        process.env.JIXIAO_WORKERS = workers;
        const order: number[] = [];
        const outcomes = await pool.checkFiles(files, { preset: "recommended" }, (_o, i) => order.push(i));
        return { outcomes, order };
      };
      try {
        const one = await run("1");
        const many = await run("2");
        // Timings differ from run to run; everything else must be the same.
        const strip = (os: FileOutcome[]) => os.map((o) => (o.ok ? { ...o, summary: { ...o.summary, loadMs: 0, checkMs: 0 } } : o));
        expect(strip(many.outcomes)).toEqual(strip(one.outcomes));
        expect(many.order).toEqual(files.map((_, i) => i));
        expect(one.outcomes.filter((o) => !o.ok).map((o) => o.file)).toEqual([bad]);
        expect(one.outcomes.some((o) => o.ok && o.findings.length > 0)).toBe(true);
      } finally {
        if (saved === undefined) delete process.env.JIXIAO_WORKERS;
        else process.env.JIXIAO_WORKERS = saved;
      }
    },
    120_000,
  );
});
