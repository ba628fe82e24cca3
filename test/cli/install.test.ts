/**
 * `jixiao check` runs in an install without dev dependencies, and starts by loading only what checking
 * needs (issue 12). Two proofs:
 * - the modules the built CLI actually loads (traced in a child process) are all production packages
 *   in package-lock.json (what `npm ci --omit=dev` keeps), and `check` loads no ExcelJS, docx, narrative
 *   generator, template or fill code;
 * - a real `npm ci --omit=dev` of package.json + lockfile + dist + bin in a clean temp folder (from npm's
 *   cache, falling back to the configured registry), whose `prepare` finds no TypeScript and keeps the
 *   shipped dist/, then `jixiao check` on an example gives the same report as in the repository.
 * Uses the built CLI (dist/): skipped when it is not built, like the other built-CLI tests.
 */
import { execFile, execFileSync } from "child_process";
import { existsSync, promises as fs, readFileSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const built = existsSync(path.join(ROOT, "dist", "cli", "index.js"));
/**
 * `npm run build` also built the CLI bundle that bin/jixiao.js runs (scripts/build-cli.js), and no `tsc`
 * ran after it (then bin/jixiao.js runs the fresher dist/cli/ modules, as these tests would see).
 */
const bundled = ((): boolean => {
  const bundle = path.join(ROOT, "dist", "bundle", "jixiao.js");
  const modules = path.join(ROOT, "dist", "cli", "index.js");
  if (!existsSync(bundle)) return false;
  return !existsSync(modules) || statSync(modules).mtimeMs <= statSync(bundle).mtimeMs + 2000;
})();
const EXAMPLE = path.join(ROOT, "examples", "linxiang-2021.xlsx");

function npmAvailable(): boolean {
  try {
    execFileSync("npm", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

interface Run {
  code: number;
  out: string;
  err: string;
}
const runNode = (args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
    });
  });

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-install-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
}, 120_000);

/** Run `root`/bin/jixiao.js with a require hook; return the files it loaded (relative to `root`). */
async function loaded(args: string[], root: string = ROOT): Promise<{ run: Run; files: string[] }> {
  const list = path.join(tmp, `loaded-${path.basename(root)}-${args.join("-").replace(/[^\w-]/g, "_")}.json`);
  const hook = path.join(tmp, "trace.js");
  await fs.writeFile(
    hook,
    // Modules through require(), and scripts compiled by vm.Script (how bin/jixiao.js loads the bundle).
    `const M = require("module"); const vm = require("vm"); const seen = new Set(); const orig = M._load;
     M._load = function (r, p, i) { const x = orig.apply(this, arguments); try { seen.add(M._resolveFilename(r, p)); } catch {} return x; };
     const Script = vm.Script; vm.Script = class extends Script { constructor(code, o) { super(code, o); if (o && o.filename) seen.add(o.filename); } };
     process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify([...seen])));`,
  );
  const run = await runNode(["-r", hook, path.join(root, "bin", "jixiao.js"), ...args], root);
  const files = (JSON.parse(await fs.readFile(list, "utf8")) as string[]).filter((f) => path.isAbsolute(f)).map((f) => path.relative(root, f));
  return { run, files };
}

/** The files of the CLI bundle (dist/bundle/) among `files`. */
const bundleFiles = (files: string[]): string[] => files.filter((f) => f.startsWith("dist/bundle/")).sort();

describe("what the built CLI loads", () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };

  /** The lockfile key of the package a loaded file belongs to (`node_modules/a/node_modules/@b/c`). */
  function packageOf(file: string): string | undefined {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
    return m?.[1];
  }

  const devOnly = (files: string[]): string[] =>
    [...new Set(files.map(packageOf).filter((p): p is string => p !== undefined))].filter((p) => lock.packages[p] === undefined || lock.packages[p].dev === true);

  (bundled ? it : it.skip)("check runs from the one bundle file: no module of node_modules or dist/cli, no other chunk", async () => {
    const { run, files } = await loaded(["check", EXAMPLE]);
    expect(run.err).toBe("");
    expect(run.out).toContain("共发现");
    expect(bundleFiles(files)).toEqual(["dist/bundle/jixiao.js"]);
    expect(files.filter((f) => f.includes("node_modules") || f.startsWith("dist/cli") || f.startsWith("dist/core") || f.startsWith("dist/hosts"))).toEqual([]);
  });

  (bundled ? it : it.skip)("check loads no Node module it does not use: no worker_threads (fflate's Node build), no public module API", async () => {
    // Node's own list of the built-in modules it loaded, written at exit by a hook that itself loads none
    // of those named below (the require hook of `loaded()` loads "module" and "vm").
    const list = path.join(tmp, "builtins-check.json");
    const hook = path.join(tmp, "trace-builtins.js");
    await fs.writeFile(hook, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));`);
    // stdout is a pipe, as for `npm run bench` and scripts capturing the report.
    const run = await runNode(["-r", hook, path.join(ROOT, "bin", "jixiao.js"), "check", EXAMPLE], ROOT);
    expect(run.err).toBe("");
    expect(run.out).toContain("共发现");
    const builtins = JSON.parse(await fs.readFile(list, "utf8")) as string[];
    expect(builtins).toContain("NativeModule vm"); // the list is Node's, and the bundle was compiled by vm
    expect(builtins.filter((m) => /^NativeModule (worker_threads|internal\/worker|module|zlib|net)$/.test(m))).toEqual([]);
  });

  (bundled ? it : it.skip)("fill loads its own chunk beside the bundle, and production packages only", async () => {
    const { run, files } = await loaded(["fill", EXAMPLE, "-o", path.join(tmp, "filled-bundle.xlsx")]);
    expect(run.err).toBe("");
    expect(bundleFiles(files)).toContain("dist/bundle/fill.js");
    expect(bundleFiles(files)).not.toContain("dist/bundle/template.js");
    expect(devOnly(files)).toEqual([]);
  });

  (built ? it : it.skip)("check loads production packages only, and none of ExcelJS, docx, the narrative generator, template or fill code", async () => {
    const { run, files } = await loaded(["check", EXAMPLE]);
    expect(run.err).toBe("");
    expect(run.out).toContain("共发现");
    expect(devOnly(files)).toEqual([]);
    expect(files.filter((f) => /node_modules\/(exceljs|docx)\//.test(f) || /^dist\/(core\/(narrative\/generate|template|fill)|cli\/(docx|commands\/(fill|narrative|template)))/.test(f))).toEqual([]);
  });

  (bundled ? it : it.skip)("the check bundle holds no xlsx-populate, JSZip or ExcelJS: the light reader reads the workbook", async () => {
    // Module ids are paths (webpack.config.js, moduleIds "named"): a package inside the file names itself.
    const text = await fs.readFile(path.join(ROOT, "dist", "bundle", "jixiao.js"), "utf8");
    expect(["xlsx-populate", "jszip", "exceljs"].filter((p) => text.includes(`node_modules/${p}/`))).toEqual([]);
    expect(text).toContain("node_modules/fflate/");
    expect(text).toContain("node_modules/saxes/");
  });

  (built ? it : it.skip)("check through the tsc modules (dist/cli) loads no xlsx-populate, JSZip or ExcelJS either", async () => {
    const script = path.join(tmp, "run-modules.js");
    await fs.writeFile(
      script,
      `require(${JSON.stringify(path.join(ROOT, "dist", "cli", "index.js"))}).main([process.argv[0], "jixiao", ...process.argv.slice(2)]).then((c) => { process.exitCode = c; });`,
    );
    const list = path.join(tmp, "loaded-modules.json");
    const hook = path.join(tmp, "trace-modules.js");
    await fs.writeFile(
      hook,
      `const M = require("module"); const seen = new Set(); const orig = M._load;
       M._load = function (r, p, i) { const x = orig.apply(this, arguments); try { seen.add(M._resolveFilename(r, p)); } catch {} return x; };
       process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify([...seen])));`,
    );
    const run = await runNode(["-r", hook, script, "check", EXAMPLE], ROOT);
    expect(run.err).toBe("");
    expect(run.out).toContain("共发现");
    const files = (JSON.parse(await fs.readFile(list, "utf8")) as string[]).map((f) => path.relative(ROOT, f));
    expect(files.filter((f) => /node_modules\/(xlsx-populate|jszip|exceljs|lodash)\//.test(f) || /^dist\/hosts\/xlsx\/(index|populate|read)\.js$/.test(f))).toEqual([]);
    expect(files).toContain("dist/hosts/xlsx/light.js");
  });

  (built ? it : it.skip)("--version loads no command and no package; --help and fill load production packages only", async () => {
    const version = await loaded(["--version"]);
    expect(version.run.out).toBe(`${(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version}\n`);
    expect(version.files.filter((f) => f.includes("node_modules") || f.startsWith("dist"))).toEqual([]);
    const help = await loaded(["--help"]);
    expect(help.run.out).toMatch(/^ {2}template\b/m);
    expect(devOnly(help.files)).toEqual([]);
    const fill = await loaded(["fill", EXAMPLE, "-o", path.join(tmp, "filled.xlsx")]);
    expect(fill.run.err).toBe("");
    expect(devOnly(fill.files)).toEqual([]);
  });
});

describe("the bundle's code cache (bin/jixiao.js)", () => {
  (bundled ? it : it.skip)("the first run writes a cache only this user can read; later runs use it and print the same report", async () => {
    const tmpdir = path.join(tmp, "cache-home");
    await fs.mkdir(tmpdir);
    const env = { ...process.env, TMPDIR: tmpdir, TMP: tmpdir, TEMP: tmpdir };
    const reference = await runNode([path.join(ROOT, "bin", "jixiao.js"), "check", EXAMPLE], ROOT, { ...env, JIXIAO_CODE_CACHE: "0" });
    expect(await fs.readdir(tmpdir)).toEqual([]); // JIXIAO_CODE_CACHE=0: no cache at all
    const first = await runNode([path.join(ROOT, "bin", "jixiao.js"), "check", EXAMPLE], ROOT, env);
    const [dir] = await fs.readdir(tmpdir);
    expect(dir).toMatch(/^jixiao-code-cache/);
    const caches = await fs.readdir(path.join(tmpdir, dir));
    expect(caches).toHaveLength(1);
    if (process.platform !== "win32") {
      expect((await fs.stat(path.join(tmpdir, dir))).mode & 0o077).toBe(0);
      expect((await fs.stat(path.join(tmpdir, dir, caches[0]))).mode & 0o077).toBe(0);
    }
    const second = await runNode([path.join(ROOT, "bin", "jixiao.js"), "check", EXAMPLE], ROOT, env);
    expect(await fs.readdir(path.join(tmpdir, dir))).toEqual(caches);
    for (const r of [first, second]) {
      expect(r.err).toBe("");
      expect({ code: r.code, out: r.out }).toEqual({ code: reference.code, out: reference.out });
    }
    expect(reference.out).toContain("共发现");
  });

  (bundled ? it : it.skip)("a cache folder others can write to is not used", async () => {
    if (process.platform === "win32" || typeof process.getuid !== "function") return;
    const tmpdir = path.join(tmp, "cache-open");
    const dir = path.join(tmpdir, `jixiao-code-cache-${process.getuid()}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.chmod(dir, 0o777);
    const r = await runNode([path.join(ROOT, "bin", "jixiao.js"), "check", EXAMPLE], ROOT, { ...process.env, TMPDIR: tmpdir });
    expect(r.err).toBe("");
    expect(r.out).toContain("共发现");
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe("npm ci --omit=dev in a clean folder", () => {
  const npm = npmAvailable();
  if (!npm) {
    it.skip("skipped: npm is not available on this machine", () => undefined);
    return;
  }

  (built ? it : it.skip)(
    "installs without dev dependencies (prepare keeps the shipped dist/) and jixiao check gives the same report",
    async () => {
      const app = path.join(tmp, "app");
      await fs.mkdir(path.join(app, "scripts"), { recursive: true });
      for (const f of ["package.json", "package-lock.json", "scripts/prepare.js"]) await fs.copyFile(path.join(ROOT, f), path.join(app, f));
      for (const d of ["dist", "bin"]) await fs.cp(path.join(ROOT, d), path.join(app, d), { recursive: true });
      // A clean environment for npm: none of the npm_* variables a parent `npm test` sets (they could carry
      // its own flags), but the same cache and registry configuration.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || /^npm_config_(cache|registry|userconfig)$/i.test(k)));
      const install = await new Promise<Run>((resolve) => {
        execFile("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: app, env, maxBuffer: 1 << 26 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr }),
        );
      });
      if (install.code !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.err}`);
      expect(install.err).toContain("using the dist/ that is already built");
      expect(existsSync(path.join(app, "node_modules", "typescript"))).toBe(false);
      // exceljs is a runtime dependency (template, check --summary), loaded only by the commands that write workbooks.

      const { run: installed, files } = await loaded(["check", EXAMPLE], app);
      const here = await runNode([path.join(ROOT, "bin", "jixiao.js"), "check", EXAMPLE], ROOT);
      // What runs there is the shipped bundle, as built by `npm run build`.
      if (bundled) expect(bundleFiles(files)).toEqual(["dist/bundle/jixiao.js"]);
      expect(installed.err).toBe("");
      expect(installed.code).toBe(1); // the example carries real mistakes
      expect(installed.out).toBe(here.out);

      // Every command runs without dev dependencies: template writes its workbook with ExcelJS (a dependency).
      const template = await runNode([path.join(app, "bin", "jixiao.js"), "template", "-o", path.join(tmp, "t.xlsx")], app);
      expect(template.err).toBe("");
      expect(template.code).toBe(0);
      expect(existsSync(path.join(tmp, "t.xlsx"))).toBe(true);
    },
    15 * 60_000,
  );
});
