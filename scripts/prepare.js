#!/usr/bin/env node
"use strict";
/**
 * `npm ci` runs this through `prepare`: build the CLI into dist/ with TypeScript, then the command-line
 * bundle dist/bundle/ (scripts/build-cli.js, webpack) that bin/jixiao.js runs. TypeScript and webpack are
 * devDependencies, so `npm ci --omit=dev` (an install for running the CLI only) does not have them: then
 * the dist/ that ships with the package is used as it is, and when there is none the launcher says how to
 * build it. Never fails the install for a missing compiler; a real compile error still fails it.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  require.resolve("webpack", { paths: [root] });
} catch {
  const built = fs.existsSync(path.join(root, "dist", "bundle", "jixiao.js")) || fs.existsSync(path.join(root, "dist", "cli", "index.js"));
  process.stderr.write(
    built
      ? "jixiao prepare: TypeScript is not installed (--omit=dev); using the dist/ that is already built.\n"
      : "jixiao prepare: TypeScript is not installed (--omit=dev) and dist/ is missing: run `npm ci` with dev dependencies, then `npm run build`.\n",
  );
  process.exit(0);
}
const steps = [
  [tsc, "-p", "tsconfig.build.json"],
  [path.join(__dirname, "build-cli.js")],
];
for (const args of steps) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
