/**
 * bin/jixiao.js, the launcher, takes short cuts for the start of `jixiao check` (issue 12,
 * docs/architecture.md "CLI start"); each must leave the report and the exit code exactly as they were:
 * - the bundle is written already wrapped by scripts/build-cli.js (no Module.wrap copy), and a bundle
 *   of the older, plain form still runs;
 * - the V8 flag is set through process.binding("v8") (node:v8 not loaded), and through node:v8 where
 *   that binding is missing, without a deprecation warning either way;
 * - the process ends as soon as the run has left nothing pending, and waits as before when something is.
 * Uses the built bundle: skipped when it is not built, like the other built-CLI tests.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs, readFileSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "jixiao.js");
const BUNDLE = path.join(ROOT, "dist", "bundle", "jixiao.js");
const bundled = ((): boolean => {
  const modules = path.join(ROOT, "dist", "cli", "index.js");
  if (!existsSync(BUNDLE)) return false;
  return !existsSync(modules) || statSync(modules).mtimeMs <= statSync(BUNDLE).mtimeMs + 2000;
})();
const EXAMPLE = path.join(ROOT, "examples", "linxiang-2021.xlsx");
const itBundled = bundled ? it : it.skip;

interface Run {
  code: number;
  out: string;
  err: string;
}
const runNode = (args: string[], env: NodeJS.ProcessEnv): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
    });
  });

/** The value of `const WRAPPED = …;` in a source file, evaluated. */
function wrappedPrefix(file: string): string {
  const m = /\nconst WRAPPED =\s*([\s\S]*?);\n/.exec(readFileSync(file, "utf8"));
  if (!m) throw new Error(`no WRAPPED in ${file}`);
  return new Function(`return (${m[1]});`)() as string;
}

let tmp: string;
let env: NodeJS.ProcessEnv;
let reference: Run;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-launcher-"));
  const home = path.join(tmp, "cache-home");
  await fs.mkdir(home);
  // A cache folder of these tests' own; JIXIAO_CODE_CACHE=0 for the reference: no cache, nothing skipped.
  env = { ...process.env, TMPDIR: home, TMP: home, TEMP: home };
  if (bundled) reference = await runNode([BIN, "check", EXAMPLE], { ...env, JIXIAO_CODE_CACHE: "0" });
}, 60_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("the bundle written already wrapped", () => {
  it("build-cli.js writes the prefix the launcher looks for", () => {
    const prefix = wrappedPrefix(path.join(ROOT, "scripts", "build-cli.js"));
    expect(wrappedPrefix(BIN)).toBe(prefix);
    expect(prefix.endsWith("(function (exports, require, module, __filename, __dirname) {\n")).toBe(true);
  });

  itBundled("the built bundle starts with it, and still works through require()", async () => {
    expect(readFileSync(BUNDLE, "latin1").startsWith(wrappedPrefix(BIN))).toBe(true);
    const r = await runNode(["-e", `const m = require(${JSON.stringify(BUNDLE)}); process.stdout.write(typeof m.main);`], env);
    expect(r).toEqual({ code: 0, out: "function", err: "" });
  });

  itBundled("the report and exit code are the same with the cache, without it, and from a bundle of the plain form", async () => {
    expect(reference.code).toBe(1); // the example carries real mistakes
    expect(reference.out).toContain("共发现");
    expect(reference.err).toBe("");
    const first = await runNode([BIN, "check", EXAMPLE], env); // writes the cache
    const second = await runNode([BIN, "check", EXAMPLE], env); // reads it
    // A copy of the installation whose bundle is in webpack's own form (a build before the wrapped one).
    const app = path.join(tmp, "plain");
    await fs.mkdir(path.join(app, "dist"), { recursive: true });
    await fs.cp(path.join(ROOT, "bin"), path.join(app, "bin"), { recursive: true });
    await fs.cp(path.join(ROOT, "dist", "bundle"), path.join(app, "dist", "bundle"), { recursive: true });
    await fs.copyFile(path.join(ROOT, "package.json"), path.join(app, "package.json"));
    const text = readFileSync(BUNDLE, "latin1");
    const prefix = wrappedPrefix(BIN);
    expect(text.endsWith("\n})")).toBe(true);
    await fs.writeFile(path.join(app, "dist", "bundle", "jixiao.js"), text.slice(prefix.length, -"\n})".length), "latin1");
    const plainBin = path.join(app, "bin", "jixiao.js");
    const plain = await runNode([plainBin, "check", EXAMPLE], env);
    const plainCached = await runNode([plainBin, "check", EXAMPLE], env);
    for (const r of [first, second, plain, plainCached]) expect(r).toEqual(reference);
  }, 60_000);
});

describe("the V8 flag", () => {
  itBundled("is set without loading node:v8, and through node:v8 where process.binding is missing; no warning either way", async () => {
    const list = path.join(tmp, "builtins.json");
    const trace = path.join(tmp, "trace-builtins.js");
    await fs.writeFile(trace, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));`);
    const noBinding = path.join(tmp, "no-binding.js");
    await fs.writeFile(noBinding, `process.binding = () => { throw new Error("no process.binding here"); };`);

    const fast = await runNode(["--pending-deprecation", "--throw-deprecation", "-r", trace, BIN, "check", EXAMPLE], env);
    expect(fast).toEqual(reference);
    const fastModules = JSON.parse(readFileSync(list, "utf8")) as string[];
    expect(fastModules).not.toContain("NativeModule v8");

    const fallback = await runNode(["--pending-deprecation", "--throw-deprecation", "-r", noBinding, "-r", trace, BIN, "check", EXAMPLE], env);
    expect(fallback).toEqual(reference);
    expect(JSON.parse(readFileSync(list, "utf8")) as string[]).toContain("NativeModule v8");
  }, 60_000);

  itBundled("a deprecation warning of the run itself is still printed", async () => {
    // The launcher holds warnings back for its own call only: one emitted later still reaches stderr.
    const later = path.join(tmp, "later-warning.js");
    await fs.writeFile(later, `setTimeout(() => process.emitWarning("later", "DeprecationWarning", "DEP0000"), 0);`);
    const r = await runNode(["-r", later, BIN, "check", EXAMPLE], env);
    expect(r.out).toBe(reference.out);
    expect(r.err).toContain("DeprecationWarning: later");
  }, 60_000);
});

describe("the end of the process", () => {
  itBundled("waits for a timer still pending and runs 'exit' listeners; the exit code is kept", async () => {
    const marks = path.join(tmp, "marks.txt");
    const hook = path.join(tmp, "pending.js");
    await fs.writeFile(
      hook,
      `const fs = require("fs");
       setTimeout(() => fs.appendFileSync(${JSON.stringify(marks)}, "timer\\n"), 1500);
       process.on("exit", (code) => fs.appendFileSync(${JSON.stringify(marks)}, "exit " + code + "\\n"));`,
    );
    const r = await runNode(["-r", hook, BIN, "check", EXAMPLE], env);
    expect(r).toEqual(reference);
    expect(readFileSync(marks, "utf8")).toBe("timer\nexit 1\n");
  }, 60_000);

  itBundled("ends at once when nothing is pending, with 'exit' listeners run and each exit code kept", async () => {
    const marks = path.join(tmp, "marks-idle.txt");
    const hook = path.join(tmp, "idle.js");
    await fs.writeFile(hook, `process.on("exit", (code) => require("fs").appendFileSync(${JSON.stringify(marks)}, "exit " + code + "\\n"));`);
    const found = await runNode(["-r", hook, BIN, "check", EXAMPLE], env);
    expect(found).toEqual(reference);
    const missing = await runNode(["-r", hook, BIN, "check", path.join(tmp, "no-such-file.xlsx")], env);
    const missingRef = await runNode([BIN, "check", path.join(tmp, "no-such-file.xlsx")], { ...env, JIXIAO_CODE_CACHE: "0" });
    expect(missing).toEqual(missingRef);
    expect(missing.code).toBe(2);
    const version = await runNode(["-r", hook, BIN, "--version"], env);
    expect(version.code).toBe(0);
    expect(readFileSync(marks, "utf8")).toBe("exit 1\nexit 2\nexit 0\n");
  }, 60_000);
});
