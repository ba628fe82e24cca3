#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` via `prepare`).
const path = require("path");
// `--version` alone needs no command and no commander: answer it before loading anything else.
if (process.argv.length === 3 && (process.argv[2] === "--version" || process.argv[2] === "-V")) {
  process.stdout.write(`${require(path.join(__dirname, "..", "package.json")).version}\n`);
  return;
}
// Node 22.1+ can keep the compiled modules between runs (in the OS temp folder): a faster start for
// every later `jixiao check`. Older Node (20) has no such cache; nothing happens there.
const nodeModule = require("module");
if (typeof nodeModule.enableCompileCache === "function") {
  try {
    nodeModule.enableCompileCache();
  } catch {
    // A cache that cannot be written only costs speed.
  }
}
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "cli", "index.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("jixiao: 尚未构建命令行工具，请先运行 npm run build（the CLI is not built: run `npm run build`).\n");
  process.exit(2);
}
require(entry).main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`jixiao: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 2; },
);
