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
 *
 * Before anything is compiled, V8 is told to optimise later than it would by default
 * ({@link V8_FLAGS}): see there for why and what was measured.
 */
const path = require("path");
// `--version` alone needs no command and no commander: answer it before loading anything else.
if (process.argv.length === 3 && (process.argv[2] === "--version" || process.argv[2] === "-V")) {
  process.stdout.write(`${require(path.join(__dirname, "..", "package.json")).version}\n`);
  return;
}
/**
 * V8 counts the bytecode each function runs and sends it to TurboFan, its optimising compiler, once the
 * count passes the "interrupt budget" (67 584 in Node 20). TurboFan compiles on a background thread whose
 * CPU the process pays; a `jixiao check` of one report is over before most of that code runs often enough
 * to pay it back, and a big run spends it on hundreds of functions that run a few hundred times each.
 * Fifteen times that budget sends only the functions that really are hot. Measured on this project's
 * 2-core machine (CPU user+sys, medians of interleaved runs; docs/architecture.md "CLI start"): `check`
 * of a small report 0.35 → 0.28 s, a 2 000-institution workbook 2.2 → 1.6 s, 24 distinct workbooks
 * 1.8 → 1.3 s, 200 distinct workbooks 5.4 → 4.5 s. Switching TurboFan off instead (`--max-opt=1`,
 * `--no-opt`) helps one report as much but makes the 200-workbook batch 1.7 × slower.
 * Set before the bundle is compiled: V8's code cache is bound to the flags, so every run must set them
 * the same way (a cache written under other flags is rejected, then rewritten).
 */
const V8_FLAGS = "--interrupt-budget=1000000";
require("v8").setFlagsFromString(V8_FLAGS);

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
    // Usually there: look first (mkdirSync with `recursive` walks the whole path each time).
    let st = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!st) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      st = fs.lstatSync(dir);
    }
    // Someone else's folder, or one others may write to, could hold a planted cache: do without.
    if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * A short tag of the bundle's path (32-bit FNV-1a, base 36): each installation (each checkout) has its own
 * cache files, so that removing stale ones never touches another installation's.
 */
function installTag(file) {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Cache files of the launcher before the install tag (`jixiao-v20.1.0-x64-SIZE-MTIME.bin`): never read now. */
const UNTAGGED_CACHE = /^jixiao-v\d+\.\d+\.\d+-\w+-\d+-\d+\.bin$/;

/**
 * After a new cache is written: remove this installation's caches of earlier bundle builds (same Node and
 * architecture, another size or time: that bundle file is gone), their leftover temporary files, and
 * untagged caches of the earlier launcher. Each build used to leave a 1 MB file behind. Only names of our
 * own pattern, in our own private folder; the caches of another Node version stay (both may be in use).
 */
function removeStaleCaches(dir, prefix, keep) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const ours = name.startsWith(prefix) && name !== keep && (name.endsWith(".bin") || name.endsWith(".tmp"));
    if (!ours && !UNTAGGED_CACHE.test(name)) continue;
    try {
      // A temporary file may be another run writing the same cache right now: only old ones are leftovers.
      if (name.endsWith(".tmp") && Date.now() - fs.statSync(path.join(dir, name)).mtimeMs < 60_000) continue;
      fs.unlinkSync(path.join(dir, name));
    } catch {
      // Gone already, or not ours to remove: nothing to do.
    }
  }
}

/**
 * Load the bundle like require() would, compiled with the code cache; returns its exports and a
 * function that saves a fresh cache when the one found was missing or rejected.
 */
function loadBundle(file) {
  // The Module class the loader already has: require("module") would also load the public module
  // API and the ES module loader it brings (≈ 0.3–1 ms; the same object).
  const Module = module.constructor;
  const vm = require("vm");
  const source = fs.readFileSync(file, "utf8");
  const dir = cacheDir();
  const st = fs.statSync(file);
  const prefix = `jixiao-${installTag(file)}-${process.version}-${process.arch}-`;
  const cacheName = `${prefix}${st.size}-${Math.trunc(st.mtimeMs)}.bin`;
  const cacheFile = dir && path.join(dir, cacheName);
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
      return;
    }
    removeStaleCaches(dir, prefix, cacheName);
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
