#!/usr/bin/env node
"use strict";
/**
 * Build the command-line bundle dist/bundle/ (webpack.config.js, `cliConfig`) that bin/jixiao.js runs.
 * Part of `npm run build` and of `prepare`; fails (exit 1) on any webpack error.
 *
 * One change to the shared config, for the start of `jixiao check` (issue 12): commander's
 * `require("node:child_process")`, made when commander is loaded and used only by executable subcommands
 * that jixiao does not have, gets src/cli/lazy-child-process.ts, which loads child_process on first use.
 */
const path = require("path");
const webpack = require("webpack");
const { cliConfig } = require(path.join(__dirname, "..", "webpack.config.js"));

const LAZY_CHILD_PROCESS = path.join(__dirname, "..", "src", "cli", "lazy-child-process.ts");
const COMMANDER = `${path.sep}node_modules${path.sep}commander${path.sep}`;

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
  const assets = stats.toJson({ all: false, assets: true }).assets;
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const main = assets.find((a) => a.name === "jixiao.js");
  process.stdout.write(`jixiao build-cli: dist/bundle/ (${assets.length} files; jixiao.js ${main ? kib(main.size) : "?"})\n`);
});
