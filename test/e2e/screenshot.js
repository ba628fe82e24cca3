#!/usr/bin/env node
/**
 * `npm run screenshot`: regenerate the README's screenshots (docs/images/taskpane-check.png,
 * taskpane-fix-preview.png, taskpane-unrecognised.png) by running the Chromium e2e with
 * JIXIAO_SCREENSHOTS set. The only way these tracked files change: `npm test` never writes them.
 */
"use strict";
const path = require("path");
process.env.JIXIAO_SCREENSHOTS = process.env.JIXIAO_SCREENSHOTS || "docs/images";
require("jest")
  .run(["--runTestsByPath", path.join(__dirname, "taskpane.e2e.test.ts"), "--maxWorkers=1"])
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
