#!/usr/bin/env node
"use strict";
/**
 * Build the command-line bundle dist/bundle/ (webpack.config.js, `cliConfig`) that bin/jixiao.js runs.
 * Part of `npm run build` and of `prepare`; fails (exit 1) on any webpack error.
 *
 * One change to the shared config, for the start of `jixiao check` (issue 12): commander's
 * `require("node:child_process")`, made when commander is loaded and used only by executable subcommands
 * that jixiao does not have, gets src/cli/lazy-child-process.ts, which loads child_process on first use.
 *
 * Then dist/bundle/jixiao.js is written already wrapped ({@link WRAPPED}): bin/jixiao.js compiles it as
 * it is read, without the 0.65 MB copy that Module.wrap() makes (docs/architecture.md, "CLI start").
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const { cliConfig } = require(path.join(__dirname, "..", "webpack.config.js"));

const LAZY_CHILD_PROCESS = path.join(__dirname, "..", "src", "cli", "lazy-child-process.ts");
const COMMANDER = `${path.sep}node_modules${path.sep}commander${path.sep}`;

/**
 * The first line of the wrapped bundle; bin/jixiao.js looks for exactly this text (keep the two equal;
 * test/cli/launcher.test.ts checks). Compiled as a script by the launcher, the file's value is the
 * module function, as Module.wrap() would have made it (the test on `this` is false at a script's top
 * level). Loaded by require() instead, the same expression calls that function with the module's own
 * arguments, so the file still works as an ordinary CommonJS module.
 */
const WRAPPED =
  "/*jixiao:wrapped*/(typeof module===\"object\"&&this!==globalThis?(f)=>f.call(this,exports,require,module,__filename,__dirname):(f)=>f)" +
  "(function (exports, require, module, __filename, __dirname) {\n";

/** Rewrite `file` (the bundle webpack wrote) wrapped: {@link WRAPPED}, the bundle, and the function's end. */
function writeWrapped(file) {
  const text = fs.readFileSync(file, "utf8");
  if (text.startsWith(WRAPPED)) return;
  fs.writeFileSync(file, `${WRAPPED}${text}\n})`);
}

const config = cliConfig();
config.plugins = [
  ...(config.plugins ?? []),
  new webpack.NormalModuleReplacementPlugin(/^(node:)?child_process$/, (resource) => {
    if (!resource.context.includes(COMMANDER)) return;
    // Node built-ins are externals, matched on the dependency's own request: both are redirected.
    resource.request = LAZY_CHILD_PROCESS;
    for (const dep of resource.dependencies) dep.request = LAZY_CHILD_PROCESS;
  }),
];

webpack(config, (err, stats) => {
  if (err || stats.hasErrors()) {
    process.stderr.write(`jixiao build-cli: ${err ? err.message : stats.toString("errors-only")}\n`);
    process.exit(1);
  }
  if (stats.hasWarnings()) process.stderr.write(`${stats.toString("errors-warnings")}\n`);
  try {
    writeWrapped(path.join(config.output.path, "jixiao.js"));
  } catch (e) {
    process.stderr.write(`jixiao build-cli: ${e.message}\n`);
    process.exit(1);
  }
  const assets = stats.toJson({ all: false, assets: true }).assets;
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const main = assets.find((a) => a.name === "jixiao.js");
  process.stdout.write(`jixiao build-cli: dist/bundle/ (${assets.length} files; jixiao.js ${main ? kib(main.size) : "?"})\n`);
});
