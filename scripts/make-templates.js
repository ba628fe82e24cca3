#!/usr/bin/env node
"use strict";
// Regenerate the committed bureau templates (assets/templates/) with the CLI itself:
//   npm run build && node scripts/make-templates.js
// (--force: the committed files are replaced.) test/template/template.test.ts fails when the committed files differ from what the generator writes.
const { execFileSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
for (const kind of ["dept", "project"]) {
  const out = path.join(root, "assets", "templates", `jixiao-${kind}.xlsx`);
  execFileSync(process.execPath, [path.join(root, "bin", "jixiao.js"), "template", "--kind", kind, "-o", out, "--force"], { stdio: "inherit" });
}
