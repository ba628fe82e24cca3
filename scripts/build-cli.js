#!/usr/bin/env node
"use strict";
/**
 * Build the command-line bundle dist/bundle/ (webpack.config.js, `cliConfig`) that bin/jixiao.js runs.
 * Part of `npm run build` and of `prepare`; fails (exit 1) on any webpack error.
 */
const path = require("path");
const webpack = require("webpack");
const { cliConfig } = require(path.join(__dirname, "..", "webpack.config.js"));

webpack(cliConfig(), (err, stats) => {
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
