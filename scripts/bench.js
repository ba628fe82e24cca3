#!/usr/bin/env node
"use strict";
/**
 * npm run bench — jixiao's speed goals (issue 12), each printed as a ratio next to its goal with PASS/FAIL.
 * Ratios, not times: the machine is shared, so every figure is compared with a reference measured in the
 * same run, interleaved (median of several rounds). In-process figures are CPU time (user + system,
 * process.cpuUsage), and process starts are the child's CPU time (/usr/bin/time, wall time where it is
 * missing): on a machine shared with other work, wall time mostly measures the neighbours.
 *
 *   node scripts/bench.js [--quick] [--keep] [--root DIR]
 *
 * - engine ÷ load: map + check (checkWorkbook on the snapshot) against loading the same file with
 *   xlsx-populate, at 50, 400 and 2 000 institutions. Goal ≤ 0.10. Each timed window starts once V8's
 *   background threads are idle ({@link settle}), so that no window pays for another's compiles. "jixiao read" is the reader `check`
 *   uses (the light reader, src/hosts/xlsx/light.ts); "read + engine ÷ load" (no goal) shows the whole
 *   check pipeline against the plain load.
 * - memory: peak RSS of `check` (read + engine, one process) against a plain xlsx-populate load of the
 *   2 000-institution file. Goal ≤ 1.3.
 * - batch: files/s on distinct workbooks with 1 worker and with the pool; the CLI's own choice must be
 *   within 10 % of the faster.
 * - CLI start: `node bin/jixiao.js --version` and `check` on a small example against a bare `node -e 0`
 *   (with the launcher's code cache, written by the first run; the start without it is printed too).
 *   Goal ≤ 1.5.
 * - pane (scripts/bench-pane.js, from dist-web/: run `npm run build:web` first): the first chunk gzipped
 *   (goal ≤ 150 KiB) and the time to an enabled 检查我的报表 in Chromium against a blank page's first
 *   paint (goal ≤ 3).
 *
 * --quick: fewer rounds and a smaller batch (about half the time). --root DIR: bench another checkout's
 * built dist/ and bin/ (e.g. main, for "before" figures). Uses the built CLI: run `npm run build` first.
 * Workbooks are generated with ExcelJS (scripts/lib/bench-workbook.js) into a temp directory, removed at
 * the end unless --keep.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync, spawnSync } = require("child_process");
const { performance } = require("perf_hooks");
const { makeWorkbook } = require("./lib/bench-workbook");
const { paneBench } = require("./bench-pane");

const has = (flag) => process.argv.includes(`--${flag}`);
const argOf = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const QUICK = has("quick");
const KEEP = has("keep");
const ROOT = path.resolve(argOf("root") ?? path.join(__dirname, ".."));
const DIST = path.join(ROOT, "dist");
if (!fs.existsSync(path.join(DIST, "cli", "index.js"))) {
  console.error(`bench: 请先运行 npm run build（${DIST} is missing: run \`npm run build\` first）`);
  process.exit(2);
}
/** The newest modification time of a file under `p` (ms; 0 for an empty folder). */
const newest = (p) => {
  const st = fs.statSync(p);
  return st.isDirectory() ? Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f)))) : st.mtimeMs;
};
// A dist/ older than src/ would time the code of the last build, not the sources: refuse rather than
// print figures of other code (this happened: a pull without a build benched the previous pass).
if (fs.existsSync(path.join(ROOT, "src"))) {
  const built = ["core/engine/run-rules.js", "hosts/xlsx/light.js", "bundle/jixiao.js"].map((f) => path.join(DIST, f)).filter((f) => fs.existsSync(f));
  if (built.some((f) => fs.statSync(f).mtimeMs < newest(path.join(ROOT, "src")))) {
    console.error(`bench: dist/ 比 src/ 旧，请先运行 npm run build（${DIST} is older than the sources: run \`npm run build\` first）`);
    process.exit(2);
  }
}
const XlsxPopulate = require(require.resolve("xlsx-populate", { paths: [ROOT] }));
const { readXlsxFile } = require(path.join(DIST, "hosts", "xlsx"));
/**
 * The reader `jixiao check` uses (src/cli/check-file.ts): the light reader where the checkout has one
 * (src/hosts/xlsx/light.ts), else the full one (an older checkout given with --root).
 */
const LIGHT = path.join(DIST, "hosts", "xlsx", "light.js");
const checkReader = fs.existsSync(LIGHT) ? require(LIGHT).readWorkbookFile : readXlsxFile;
const { checkWorkbook } = require(path.join(DIST, "core", "engine", "run-rules"));
const pool = require(path.join(DIST, "cli", "pool"));

const ROUNDS = QUICK ? 3 : 4;
/** Rounds after the measured ones, shown without a goal: the engine and the load once V8 has compiled both. */
const WARM = QUICK ? 0 : 4;
const BATCH = QUICK ? 12 : 24;
const STARTS = QUICK ? 5 : 9;

/** CPU milliseconds (user + system) spent by this process since `from` (a process.cpuUsage()). */
const cpuSince = (from) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/**
 * Wait until V8's background threads are idle: this process spends under 0.25 ms of CPU in 5 ms (at
 * most 2 s). Each timed window of engineVsLoad starts after one. TurboFan compiles on background threads,
 * and a compile the previous window started (xlsx-populate's or the light reader's XML parser: saxes'
 * `write` took 213 ms of background CPU in one run) would otherwise finish inside the next window and be
 * counted there: `--trace-opt` showed the engine's windows paying for the reader's `write` and fflate's
 * `inflt`, and the load's for the engine's. Each window still pays for the background work it starts
 * itself while it runs.
 */
async function settle() {
  let last = cpuSince(ZERO);
  for (let i = 0; i < 400; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = cpuSince(ZERO);
    if (now - last < 0.25) return;
    last = now;
  }
}
const ZERO = process.cpuUsage();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
const verdicts = [];
/** One goal row: the measured ratio next to its goal. */
function goal(label, ratio, limit, better = "lower") {
  const pass = better === "lower" ? ratio <= limit : ratio >= limit;
  const text = `${label.padEnd(48)} ${ratio.toFixed(2).padStart(6)}  goal ${better === "lower" ? "≤" : "≥"} ${limit.toFixed(2)}  ${pass ? "PASS" : "FAIL"}`;
  verdicts.push(text);
  return text;
}

async function engineVsLoad(dir) {
  console.log(`engine (map + check) ÷ xlsx-populate load, CPU time, median of ${ROUNDS} interleaved rounds, each window after background work settled:`);
  for (const institutions of [50, 400, 2000]) {
    const file = path.join(dir, `inst-${institutions}.xlsx`);
    await makeWorkbook(file, { institutions, projects: 30, indicators: 40, seed: 7 });
    const bytes = fs.readFileSync(file);
    const load = [];
    const read = [];
    const engine = [];
    let cells = 0;
    let findings = 0;
    const warmLoad = [];
    const warmEngine = [];
    for (let r = 0; r < ROUNDS + WARM; r++) {
      await settle();
      let t = process.cpuUsage();
      await XlsxPopulate.fromDataAsync(bytes);
      (r < ROUNDS ? load : warmLoad).push(cpuSince(t));
      await settle();
      t = process.cpuUsage();
      const snapshot = await checkReader(file);
      if (r < ROUNDS) read.push(cpuSince(t));
      await settle();
      t = process.cpuUsage();
      const report = checkWorkbook(snapshot, { host: "bench" });
      (r < ROUNDS ? engine : warmEngine).push(cpuSince(t));
      cells = snapshot.sheets.reduce((n, s) => n + Object.keys(s.cells).length, 0);
      findings = report.stats.findings;
    }
    const [l, rd, e] = [median(load), median(read), median(engine)];
    console.log(
      `  ${String(institutions).padStart(5)} institutions ${String(cells).padStart(7)} cells  load ${ms(l)}  jixiao read ${ms(rd)}  engine ${ms(e)} (${((e * 1000) / cells).toFixed(1)} µs/cell)  findings ${findings}`,
    );
    console.log(`  ${goal(`engine ÷ load, ${institutions} institutions`, e / l, 0.1)}`);
    // No goal: the whole check pipeline (what `jixiao check` spends on the file) against a plain load.
    console.log(`  ${`read + engine ÷ load, ${institutions} institutions`.padEnd(48)} ${((rd + e) / l).toFixed(2).padStart(6)}  (no goal)`);
    // No goal: the same file's next rounds, once V8 has compiled both sides (a batch past its first files).
    if (WARM) {
      const [wl, we] = [median(warmLoad), median(warmEngine)];
      console.log(`  ${`warm (rounds ${ROUNDS + 1}–${ROUNDS + WARM}): engine ${we.toFixed(0)} ÷ load ${wl.toFixed(0)} ms`.padEnd(48)} ${(we / wl).toFixed(2).padStart(6)}  (no goal)`);
    }
  }
}

/** Peak RSS (KiB) of a child process running `code` with `file`; the smaller of two runs. */
function peakRss(code, file) {
  const runs = [0, 1].map(() => {
    const r = spawnSync(process.execPath, ["-e", code, file], { cwd: ROOT, encoding: "utf8", env: { ...process.env, JIXIAO_WORKERS: "1" } });
    if (r.status !== 0) throw new Error(`memory probe failed: ${r.stderr}`);
    return Number(r.stdout.trim());
  });
  return Math.min(...runs);
}

function memory(dir) {
  console.log("\npeak memory (max RSS of one process) at 2 000 institutions:");
  const file = path.join(dir, "inst-2000.xlsx");
  const plain = peakRss(
    `require(${JSON.stringify(require.resolve("xlsx-populate", { paths: [ROOT] }))}).fromFileAsync(process.argv[1]).then(() => console.log(process.resourceUsage().maxRSS))`,
    file,
  );
  const check = peakRss(
    `require(${JSON.stringify(path.join(DIST, "cli", "check-file"))}).checkFile(process.argv[1], { preset: "recommended" }).then((o) => { if (!o.ok) throw new Error(o.message); console.log(process.resourceUsage().maxRSS); })`,
    file,
  );
  console.log(`  plain load ${(plain / 1024).toFixed(0)} MiB, check ${(check / 1024).toFixed(0)} MiB`);
  console.log(`  ${goal("peak memory ÷ plain load", check / plain, 1.3)}`);
}

async function batch(dir) {
  console.log(`\nbatch of ${BATCH} distinct workbooks (50 institutions, 30 projects, 40 indicators, each its own seed), ${os.cpus().length} cores:`);
  const batchDir = path.join(dir, "batch");
  fs.mkdirSync(batchDir);
  const files = [];
  for (let i = 0; i < BATCH; i++) {
    const f = path.join(batchDir, `unit-${String(i + 1).padStart(3, "0")}.xlsx`);
    await makeWorkbook(f, { institutions: 50, projects: 30, indicators: 40, seed: 100 + i });
    files.push(f);
  }
  const cores = os.cpus().length || 1;
  const saved = process.env.JIXIAO_WORKERS;
  const rate = async (workers) => {
    if (workers === undefined) delete process.env.JIXIAO_WORKERS;
    else process.env.JIXIAO_WORKERS = String(workers);
    const t0 = performance.now();
    const outcomes = await pool.checkFiles(files, { preset: "recommended" }, () => undefined);
    const wall = performance.now() - t0;
    if (outcomes.some((o) => !o.ok)) throw new Error("a bench workbook was unreadable");
    return { rate: (files.length * 1000) / wall, outcomes };
  };
  // Interleaved: one worker, the pool, one worker, the pool; the better of two each.
  const one = [];
  const many = [];
  let same = true;
  for (let r = 0; r < 2; r++) {
    const a = await rate(1);
    const b = await rate(Math.max(2, cores));
    one.push(a.rate);
    many.push(b.rate);
    same &&= JSON.stringify(a.outcomes.map((o) => o.findings)) === JSON.stringify(b.outcomes.map((o) => o.findings));
  }
  if (saved === undefined) delete process.env.JIXIAO_WORKERS;
  else process.env.JIXIAO_WORKERS = saved;
  const r1 = Math.max(...one);
  const rp = Math.max(...many);
  const chosen = typeof pool.workersFor === "function" ? pool.workersFor(files.length) : pool.poolSize(files.length);
  const rc = chosen <= 1 ? r1 : rp;
  console.log(`  1 worker ${r1.toFixed(1).padStart(6)} files/s   pool of ${Math.max(2, cores)} ${rp.toFixed(1).padStart(6)} files/s   findings identical: ${same ? "yes" : "NO"}`);
  console.log(`  the CLI uses ${chosen <= 1 ? "1 worker" : `a pool of ${chosen}`} for ${files.length} files on ${cores} cores: ${rc.toFixed(1)} files/s`);
  console.log(`  ${goal("CLI's batch rate ÷ the faster of 1 worker / pool", rc / Math.max(r1, rp), 0.9, "higher")}`);
}

/** Which file bin/jixiao.js runs: the bundle, or the tsc modules when the bundle is missing or older. */
function cliEntry() {
  const bundle = path.join(DIST, "bundle", "jixiao.js");
  const modules = path.join(DIST, "cli", "index.js");
  const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : undefined);
  const b = mtime(bundle);
  const m = mtime(modules);
  if (b !== undefined && (m === undefined || m <= b + 2000)) return `the bundle dist/bundle/jixiao.js (${(fs.statSync(bundle).size / 1024).toFixed(0)} KiB)`;
  return "the tsc modules dist/cli/ (no bundle, or tsc ran after it: `npm run build` builds both)";
}

/**
 * A child's exact CPU time (user + sys, ms) from wait4, through python3 (Node reports no child's rusage):
 * the child runs with stdout a pipe, as in the bench before, and the figure comes back on stderr's last
 * line. GNU time prints user and sys in hundredths of a second, cut rather than rounded, which at these
 * sizes (60–120 ms) made the start ratios read about 0.25 high (docs/architecture.md, "Issue 12, fifth
 * pass"). Undefined when python3 is missing: then GNU time, else wall time.
 */
const WAIT4 = [
  "import os, sys",
  "pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)",
  "_, status, ru = os.wait4(pid, 0)",
  "sys.stderr.write('\\n%.3f\\n' % ((ru.ru_utime + ru.ru_stime) * 1000))",
].join("\n");
const exactCpu = (() => {
  const probe = spawnSync("python3", ["-c", WAIT4, process.execPath, "-e", "0"], { encoding: "utf8" });
  if (probe.status !== 0 || !Number.isFinite(Number(probe.stderr.trim().split("\n").pop()))) return undefined;
  return (argv, env) => {
    const r = spawnSync("python3", ["-c", WAIT4, ...argv], { cwd: ROOT, encoding: "utf8", env });
    return Number(r.stderr.trim().split("\n").pop());
  };
})();

function cliStart() {
  const bin = path.join(ROOT, "bin", "jixiao.js");
  const small = path.join(ROOT, "examples", "linxiang-2021.xlsx");
  const gnuTime = fs.existsSync("/usr/bin/time");
  const exact = exactCpu !== undefined;
  // The launcher's V8 code cache lives in a temp folder of this run: the first run writes it (like a
  // clerk's first `jixiao check`), the others use it; JIXIAO_CODE_CACHE=0 shows a start without it.
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-cache-"));
  const withCache = { ...process.env, TMPDIR: cacheHome, TMP: cacheHome, TEMP: cacheHome };
  const noCache = { ...withCache, JIXIAO_CODE_CACHE: "0" };
  const time = (args, env = process.env) => {
    if (exact) return exactCpu([process.execPath, ...args], env);
    if (gnuTime) {
      const r = spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, ...args], { cwd: ROOT, encoding: "utf8", env });
      const [user, sys] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
      return (user + sys) * 1000;
    }
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore", env });
    return performance.now() - t;
  };
  const bare = [];
  const version = [];
  const check = [];
  const cold = [];
  try {
    for (let i = 0; i < STARTS; i++) {
      bare.push(time(["-e", "0"]));
      version.push(time([bin, "--version"], withCache));
      check.push(time([bin, "check", small], withCache));
      cold.push(time([bin, "check", small], noCache));
    }
  } finally {
    fs.rmSync(cacheHome, { recursive: true, force: true });
  }
  const [b, v, c, k] = [median(bare), median(version), median(check), median(cold)];
  console.log(`\nCLI start (${exact ? "CPU time of the process, exact (wait4)" : gnuTime ? "CPU time of the process, to 10 ms (GNU time)" : "wall time"}), median of ${STARTS} interleaved runs; bin/jixiao.js runs ${cliEntry()}:`);
  console.log(`  node -e 0 ${ms(b)}   --version ${ms(v)}   check ${path.basename(small)} ${ms(c)} (without the code cache ${ms(k)})`);
  console.log(`  ${goal("jixiao --version ÷ node -e 0", v / b, 1.5)}`);
  console.log(`  ${goal("jixiao check (small file) ÷ node -e 0", c / b, 1.5)}`);
}

(async () => {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-"));
  let commit = "";
  try {
    commit = execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  console.log(`jixiao bench — ${ROOT}${commit ? ` @ ${commit}` : ""}, node ${process.version}, ${os.cpus().length} cores${QUICK ? ", --quick" : ""}\n`);
  try {
    await engineVsLoad(dir);
    memory(dir);
    await batch(dir);
    cliStart();
    await paneBench({ root: ROOT, readXlsxFile, rounds: QUICK ? 3 : 5, median, goal, ms });
  } finally {
    if (KEEP) console.log(`\nkept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nsummary (${((performance.now() - started) / 1000).toFixed(0)} s):`);
  for (const v of verdicts) console.log(`  ${v}`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
