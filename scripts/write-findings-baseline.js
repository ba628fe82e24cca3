#!/usr/bin/env node
"use strict";
/**
 * Rewrite test/fixtures/findings/*.json from the current engine. Run it only when a change of findings is
 * intended (and review the diff): the files are the "before" of test/core/findings-equivalence.test.ts.
 */
const { spawnSync } = require("child_process");
const path = require("path");
const r = spawnSync("npx", ["jest", "test/core/findings-equivalence.test.ts"], {
  cwd: path.join(__dirname, ".."),
  stdio: "inherit",
  env: { ...process.env, JIXIAO_WRITE_FINDINGS: "1" },
});
process.exit(r.status ?? 1);
