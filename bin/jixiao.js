#!/usr/bin/env node
"use strict";
/**
 * Launcher. Runs the command-line bundle dist/bundle/jixiao.js (webpack.config.js `cliConfig`, built by
 * `npm run build` and `prepare`): one file with `check` and the packages it needs, so that a check does
 * not resolve and read some 220 modules. Other commands load their own chunk beside it.
 *
 * The bundle is compiled with a V8 code cache kept per user in the OS temp folder (what Node 22's
 * module.enableCompileCache does, which Node 20 lacks; see docs/architecture.md, "CLI start"): the cache
 * is written after a run, so it holds every function that run compiled, and V8 itself rejects a cache
 * that does not match the bundle or this Node. Without the bundle (a `tsc`-only build, or a `tsc` run
 * since the last `npm run build`), the compiled modules in dist/cli/ run instead.
 */
const path = require("path");
// `--version` alone needs no command and no commander: answer it before loading anything else.
if (process.argv.length === 3 && (process.argv[2] === "--version" || process.argv[2] === "-V")) {
  process.stdout.write(`${require(path.join(__dirname, "..", "package.json")).version}\n`);
  return;
}
const fs = require("fs");
const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist", "bundle", "jixiao.js");
const modules = path.join(root, "dist", "cli", "index.js");

/** The file's modification time in ms, or undefined when it does not exist. */
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The entry to run: the bundle, unless `tsc` rebuilt dist/cli after it (then the bundle may be stale and
 * the fresh modules win). Two seconds of slack: copying a built dist/ (an install) may order the files
 * either way, and tsc never finishes within two seconds of the bundle build it follows.
 */
function entry() {
  const b = mtime(bundle);
  const m = mtime(modules);
  if (b !== undefined && (m === undefined || m <= b + 2000)) return { file: bundle, bundled: true };
  if (m !== undefined) return { file: modules, bundled: false };
  return undefined;
}

/** A folder only this user can write, for the code cache; undefined when there is none. */
function cacheDir() {
  if (process.env.JIXIAO_CODE_CACHE === "0") return undefined;
  try {
    const os = require("os");
    const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
    const dir = path.join(os.tmpdir(), `jixiao-code-cache${uid === undefined ? "" : `-${uid}`}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    // Someone else's folder, or one others may write to, could hold a planted cache: do without.
    if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Load the bundle like require() would, compiled with the code cache; returns its exports and a
 * function that saves a fresh cache when the one found was missing or rejected.
 */
function loadBundle(file) {
  const Module = require("module");
  const vm = require("vm");
  const source = fs.readFileSync(file, "utf8");
  const dir = cacheDir();
  const st = fs.statSync(file);
  const cacheFile = dir && path.join(dir, `jixiao-${process.version}-${process.arch}-${st.size}-${Math.trunc(st.mtimeMs)}.bin`);
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod.loaded = true;
  const req = Module.createRequire(file);
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  const save = () => {
    if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(tmp, cacheFile);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  };
  return { exports: mod.exports, save };
}

const chosen = entry();
if (!chosen) {
  process.stderr.write("jixiao: 尚未构建命令行工具，请先运行 npm run build（the CLI is not built: run `npm run build`).\n");
  process.exit(2);
}
let cli;
let saveCache = () => undefined;
if (chosen.bundled) {
  const loaded = loadBundle(chosen.file);
  cli = loaded.exports;
  saveCache = loaded.save;
} else {
  cli = require(chosen.file);
}
cli.main(process.argv).then(
  (code) => {
    saveCache();
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`jixiao: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
