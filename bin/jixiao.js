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
 * Before anything is compiled, V8 is told to optimise later and to keep its young generation small
 * ({@link V8_FLAGS}): see there for why and what was measured. When the command is done and nothing is
 * pending, the process ends at once ({@link idle}). docs/architecture.md, "CLI start" and the issue 12
 * passes, has the measurements behind each of these.
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
 *
 * `--semi-space-growth-factor=1` keeps the young generation at the size it starts with, instead of
 * doubling it each time most of it survives a scavenge. Each page of memory a process touches for the
 * first time costs CPU (≈ 12 µs a page on the 2-core machine: the faults of a small check are a third of
 * what it costs above a bare Node), and a grown young generation is fresh pages that a short run never
 * reuses. More, smaller scavenges cost less than those pages at every size measured (CPU, medians of
 * interleaved runs, same bundle): small report 269.6 → 259.4 ms (page faults 4 674 → 4 448), a
 * 400-institution workbook 627 → 593 ms, 2 000 institutions 1 342 → 1 218 ms (faults 23 488 → 16 405),
 * 24 distinct workbooks 1 323 → 1 256 ms.
 *
 * Set before the bundle is compiled: V8's code cache is bound to the flags, so every run must set them
 * the same way (a cache written under other flags is rejected, then rewritten).
 */
const V8_FLAGS = "--interrupt-budget=1000000 --semi-space-growth-factor=1";
setV8Flags(V8_FLAGS);

/**
 * `v8.setFlagsFromString(flags)`, without loading node:v8 when possible: that module loads Node's stream
 * modules with it (some 25 modules, ≈ 3 ms of a 0.23 s check on the 2-core machine), for its heap
 * snapshot streams. process.binding("v8") is the same native function that node:v8 calls. It is
 * deprecated (DEP0111, a warning only, which is held back for this one call, the setting restored at
 * once): wherever it is missing, throws, or lacks the function, node:v8 does it as before.
 */
function setV8Flags(flags) {
  let binding;
  const quiet = process.noDeprecation;
  try {
    process.noDeprecation = true;
    binding = process.binding("v8");
  } catch {
    binding = undefined;
  } finally {
    process.noDeprecation = quiet;
  }
  if (binding && typeof binding.setFlagsFromString === "function") binding.setFlagsFromString(flags);
  else require("v8").setFlagsFromString(flags);
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
 * How scripts/build-cli.js begins the bundle it writes already wrapped (keep the two equal): compiled as
 * a script, such a file's value is the module function that Module.wrap() would make of it.
 */
const WRAPPED =
  "/*jixiao:wrapped*/(typeof module===\"object\"&&this!==globalThis?(f)=>f.call(this,exports,require,module,__filename,__dirname):(f)=>f)" +
  "(function (exports, require, module, __filename, __dirname) {\n";

/** Fill `buffer` from the start with the first `size` bytes of the open file `fd`. */
function readInto(fd, buffer, size) {
  let done = 0;
  while (done < size) {
    const n = fs.readSync(fd, buffer, done, size - done, done);
    if (n === 0) throw new Error("the file is shorter than its size");
    done += n;
  }
}

/**
 * The bundle's source and its cache (undefined when there is none), read into one buffer. Every page of
 * memory a start touches for the first time costs CPU (≈ 12 µs a page on the 2-core machine: more than
 * the copy itself), so the 0.65 MB source and the 0.9 MB cache share their pages: the source is turned
 * into a string first, then the cache is read over it. An all-ASCII bundle (what terser writes, with
 * ascii_only) is decoded as Latin-1, the same characters without a UTF-8 decoder's work.
 */
function readSourceAndCache(fd, size, cacheFile) {
  let cacheFd;
  let cacheSize = 0;
  if (cacheFile) {
    try {
      cacheFd = fs.openSync(cacheFile, "r");
      cacheSize = fs.fstatSync(cacheFd).size;
    } catch {
      // no cache yet
    }
  }
  try {
    const buffer = Buffer.allocUnsafeSlow(Math.max(size, cacheSize));
    readInto(fd, buffer, size);
    const bytes = buffer.subarray(0, size);
    const source = require("buffer").isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
    let cachedData;
    if (cacheFd !== undefined) {
      try {
        readInto(cacheFd, buffer, cacheSize);
        cachedData = buffer.subarray(0, cacheSize);
      } catch {
        // An unreadable cache is no cache.
      }
    }
    return { source, cachedData };
  } finally {
    if (cacheFd !== undefined) fs.closeSync(cacheFd);
  }
}

/**
 * The bundle's source, the name of its cache in `dir` (from the size and time of the file opened) and
 * that cache's bytes when there is one.
 */
function readBundle(file, dir) {
  const fd = fs.openSync(file, "r");
  try {
    const st = fs.fstatSync(fd);
    const prefix = `jixiao-${installTag(file)}-${process.version}-${process.arch}-`;
    const cacheName = `${prefix}${st.size}-${Math.trunc(st.mtimeMs)}.bin`;
    const cacheFile = dir && path.join(dir, cacheName);
    return { prefix, cacheName, cacheFile, ...readSourceAndCache(fd, st.size, cacheFile) };
  } finally {
    fs.closeSync(fd);
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
  const dir = cacheDir();
  const { prefix, cacheName, cacheFile, source, cachedData } = readBundle(file, dir);
  // A bundle written by scripts/build-cli.js is wrapped already; an older one is wrapped here (a copy).
  const script = new vm.Script(source.startsWith(WRAPPED) ? source : Module.wrap(source), { filename: file, cachedData });
  const hadCache = cachedData !== undefined;
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod.loaded = true;
  const req = Module.createRequire(file);
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  const save = () => {
    if (!cacheFile || (hadCache && !script.cachedDataRejected)) return;
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
/**
 * Whether the run left nothing behind: no timer, request, child or other handle, and no `beforeExit`
 * listener. The standard streams' own handles count as nothing when they hold no unwritten output
 * (a terminal's streams stay listed for as long as they exist).
 */
function idle() {
  if (typeof process.getActiveResourcesInfo !== "function" || process.listenerCount("beforeExit") > 0) return false;
  let streams = false;
  for (const resource of process.getActiveResourcesInfo()) {
    if (resource !== "TTYWrap" && resource !== "PipeWrap") return false;
    streams = true;
  }
  return !streams || (process.stdout.writableLength === 0 && process.stderr.writableLength === 0);
}

cli.main(process.argv).then(
  (code) => {
    saveCache();
    process.exitCode = code;
    // When nothing is left to run, end now: Node would stop here too, but only after waiting for the
    // optimiser's background compiles of code that will never run again and freeing the whole heap,
    // ≈ 9 ms of CPU after a small check (docs/architecture.md, "CLI start"). setImmediate: once the
    // callbacks and promise reactions already queued have run. 'exit' listeners still run.
    setImmediate(() => {
      if (idle()) process.exit(code);
    });
  },
  (err) => {
    process.stderr.write(`jixiao: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
