#!/usr/bin/env node
"use strict";
/**
 * `npm run test:all`: the one test command of the README and of .ci/run.
 *
 * 1. Finds the system packages the suites need (Debian names) and installs the missing ones with apt-get
 *    when it can (as root, or through sudo without a password prompt); when it cannot, it says exactly which
 *    packages to install and stops (exit 1).
 * 2. Runs typecheck, lint, the TypeScript build (dist/ for the CLI tests) and every jest suite, stopping at
 *    the first failure with its exit code.
 *
 *   node scripts/test-all.js             # set up, then test
 *   node scripts/test-all.js --dry-run   # print what it would do, change nothing, run nothing
 *
 * The decision is the pure function `plan()`, tested by test/test-all.test.ts (with --dry-run for the
 * detection on a machine whose PATH lacks the tools); nothing here is tested by uninstalling packages.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");

/**
 * What each suite needs, by Debian package, and how to tell that it is there.
 * `commands`: any one of them on PATH; `dpkg`: the package is installed (checked only where dpkg exists);
 * `python`: a Python module python3 can import (where there is no dpkg to ask).
 */
const PACKAGES = [
  { name: "chromium", why: "test/e2e (the task pane in a real browser)", commands: ["chromium", "chromium-browser"] },
  { name: "libreoffice-calc", why: "test/template (templates open in LibreOffice Calc)", commands: ["soffice", "libreoffice"], dpkg: true },
  { name: "libreoffice-writer", why: "test/cli/narrative (the .docx converts to PDF)", commands: ["soffice", "libreoffice"], dpkg: true },
  { name: "poppler-utils", why: "test/cli/narrative (pdftotext reads the PDF)", commands: ["pdftotext"] },
  { name: "python3-openpyxl", why: "cross-checks of written workbooks with a second reader (python3 + openpyxl)", dpkg: true, python: "openpyxl" },
  { name: "p7zip-full", why: "build:wps (the offline .7z package) and test/wps-package", commands: ["7z", "7za", "7zz"] },
];

/** Is an executable `cmd` on `envPath`? */
function onPath(cmd, envPath) {
  for (const dir of (envPath || "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return true;
    } catch {
      // not here
    }
  }
  return false;
}

/** The probes of the real machine (tests pass their own). */
function systemProbe(env = process.env) {
  return {
    command: (cmd) => onPath(cmd, env.PATH),
    dpkgInstalled: (pkg) => {
      if (!onPath("dpkg-query", env.PATH)) return undefined; // not a Debian system: rely on the commands
      const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8", env });
      return r.status === 0 && /install ok installed/.test(r.stdout);
    },
    pythonModule: (mod) => {
      if (!onPath("python3", env.PATH)) return false;
      return spawnSync("python3", ["-c", `import ${mod}`], { stdio: "ignore", env }).status === 0;
    },
  };
}

/** The Debian packages that are missing, in PACKAGES order. */
function missingPackages(probe) {
  const missing = [];
  for (const p of PACKAGES) {
    let present = true;
    if (p.commands) present = p.commands.some((c) => probe.command(c));
    if (present && p.dpkg) {
      const installed = probe.dpkgInstalled(p.name);
      // Where dpkg answers, it decides (the system python3 has the module even when another python3 is first
      // on PATH); elsewhere the module must import.
      if (installed !== undefined) present = installed;
      else if (p.python) present = probe.pythonModule(p.python);
    } else if (present && p.python) present = probe.pythonModule(p.python);
    if (!present) missing.push(p.name);
  }
  return missing;
}

/**
 * What to do about the missing packages.
 * @param {{missing: string[], uid: number, apt: boolean, sudo: boolean}} machine
 *   uid: the user id (0 = root); apt: apt-get is on PATH; sudo: `sudo -n true` succeeds (no password prompt)
 * @returns {{action: "none"} | {action: "install", commands: string[][]} | {action: "tell", message: string}}
 */
function plan(machine) {
  const { missing } = machine;
  if (!missing.length) return { action: "none" };
  const list = missing.join(" ");
  if (machine.apt && (machine.uid === 0 || machine.sudo)) {
    const prefix = machine.uid === 0 ? [] : ["sudo", "-n"];
    return {
      action: "install",
      commands: [
        [...prefix, "apt-get", "update"],
        [...prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "--no-install-recommends", ...missing],
      ],
    };
  }
  const why = missing.map((name) => `  ${name}: ${PACKAGES.find((p) => p.name === name).why}`).join("\n");
  const how = machine.apt
    ? `Run as an administrator:  sudo apt-get install -y ${list}`
    : `This machine has no apt-get: install the equivalents of these Debian packages with its package manager: ${list}`;
  return { action: "tell", message: `test:all needs these system packages, which are missing: ${list}\n${why}\n${how}\nThen run npm run test:all again.` };
}

/** The test steps after set-up. */
const STEPS = [
  ["npm", ["run", "typecheck"]],
  ["npm", ["run", "lint"]],
  ["npm", ["run", "build"]],
  ["npx", ["jest", "--ci"]],
];

function show(cmd) {
  return cmd.join(" ");
}

function main(argv) {
  const dryRun = argv.includes("--dry-run");
  const env = process.env;
  // Only a dry run may pretend to be another user (so that the test can see the "cannot install" answer).
  const uid = dryRun && env.JIXIAO_SETUP_UID !== undefined ? Number(env.JIXIAO_SETUP_UID) : typeof process.getuid === "function" ? process.getuid() : -1;
  const apt = onPath("apt-get", env.PATH);
  const sudo = uid !== 0 && onPath("sudo", env.PATH) && spawnSync("sudo", ["-n", "true"], { stdio: "ignore", env }).status === 0;
  const missing = missingPackages(systemProbe(env));
  const decision = plan({ missing, uid, apt, sudo });

  if (decision.action === "tell") {
    process.stderr.write(`${decision.message}\n`);
    return 1;
  }
  if (decision.action === "install") {
    process.stdout.write(`test:all: installing ${missing.join(" ")}\n`);
    for (const cmd of decision.commands) {
      if (dryRun) {
        process.stdout.write(`would run: ${show(cmd)}\n`);
        continue;
      }
      const r = spawnSync(cmd[0], cmd.slice(1), { stdio: "inherit", env });
      if (r.status !== 0) {
        process.stderr.write(`test:all: ${show(cmd)} failed (exit ${r.status}); install by hand: apt-get install -y ${missing.join(" ")}\n`);
        return r.status || 1;
      }
    }
  } else {
    process.stdout.write("test:all: every system package is installed\n");
  }
  for (const [cmd, args] of STEPS) {
    if (dryRun) {
      process.stdout.write(`would run: ${cmd} ${args.join(" ")}\n`);
      continue;
    }
    process.stdout.write(`\ntest:all: ${cmd} ${args.join(" ")}\n`);
    const r = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT, env });
    if (r.status !== 0) return r.status || 1;
  }
  return 0;
}

module.exports = { PACKAGES, plan, missingPackages, systemProbe, STEPS };

if (require.main === module) process.exit(main(process.argv.slice(2)));
