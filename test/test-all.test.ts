/**
 * `npm run test:all` (scripts/test-all.js): which system packages it installs, and what it says when it
 * cannot install them. The decision is tested as a function and through --dry-run on a PATH without the
 * tools, never by uninstalling anything.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS Node script
const setup = require("../scripts/test-all.js") as {
  PACKAGES: { name: string }[];
  plan(m: { missing: string[]; uid: number; apt: boolean; sudo: boolean }): { action: string; commands?: string[][]; message?: string };
  missingPackages(probe: { command(c: string): boolean; dpkgInstalled(p: string): boolean | undefined; pythonModule(m: string): boolean }): string[];
};

const ROOT = path.join(__dirname, "..");
const ALL = ["chromium", "libreoffice-calc", "libreoffice-writer", "poppler-utils", "python3-openpyxl", "p7zip-full"];

describe("test:all set-up", () => {
  test("the packages it knows are the ones the suites use", () => {
    expect(setup.PACKAGES.map((p) => p.name)).toEqual(ALL);
  });

  test("a machine with every tool misses nothing; one without them misses every package", () => {
    const everything = { command: () => true, dpkgInstalled: () => true, pythonModule: () => true };
    expect(setup.missingPackages(everything)).toEqual([]);
    expect(setup.missingPackages({ command: () => false, dpkgInstalled: () => undefined, pythonModule: () => false })).toEqual(ALL);
  });

  test("python3-openpyxl: dpkg decides where it answers; elsewhere the module must import", () => {
    const noModule = { command: () => true, dpkgInstalled: () => true, pythonModule: () => false };
    expect(setup.missingPackages(noModule)).toEqual([]);
    expect(setup.missingPackages({ ...noModule, dpkgInstalled: () => undefined })).toEqual(["python3-openpyxl"]);
  });

  test("LibreOffice without Writer: soffice is there, but dpkg says libreoffice-writer is not installed", () => {
    const probe = { command: () => true, dpkgInstalled: (p: string) => p !== "libreoffice-writer", pythonModule: () => true };
    expect(setup.missingPackages(probe)).toEqual(["libreoffice-writer"]);
  });

  test("root installs with apt-get; a sudoer uses sudo -n; nothing to do when nothing is missing", () => {
    expect(setup.plan({ missing: [], uid: 1000, apt: false, sudo: false })).toEqual({ action: "none" });
    const root = setup.plan({ missing: ["chromium", "poppler-utils"], uid: 0, apt: true, sudo: false });
    expect(root.action).toBe("install");
    expect(root.commands).toEqual([
      ["apt-get", "update"],
      ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "--no-install-recommends", "chromium", "poppler-utils"],
    ]);
    const sudoer = setup.plan({ missing: ["chromium"], uid: 1000, apt: true, sudo: true });
    expect(sudoer.commands!.every((c) => c[0] === "sudo" && c[1] === "-n")).toBe(true);
  });

  test("a user who cannot install is told exactly which packages to install, and why", () => {
    const told = setup.plan({ missing: ["chromium", "python3-openpyxl"], uid: 1000, apt: true, sudo: false });
    expect(told.action).toBe("tell");
    expect(told.message).toContain("sudo apt-get install -y chromium python3-openpyxl");
    expect(told.message).toContain("test/e2e");
    const noApt = setup.plan({ missing: ["poppler-utils"], uid: 0, apt: false, sudo: false });
    expect(noApt.action).toBe("tell");
    expect(noApt.message).toContain("no apt-get");
    expect(noApt.message).toContain("poppler-utils");
  });

  describe("--dry-run on a machine whose PATH has none of the tools", () => {
    let bin: string;
    beforeAll(() => {
      // A PATH with node and apt-get only (a stand-in apt-get that would fail if it were ever run).
      bin = fs.mkdtempSync(path.join(os.tmpdir(), "jx-testall-"));
      fs.symlinkSync(process.execPath, path.join(bin, "node"));
      fs.writeFileSync(path.join(bin, "apt-get"), "#!/bin/sh\necho apt-get must not run in a dry run >&2\nexit 99\n", { mode: 0o755 });
    });
    afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(ROOT, "scripts", "test-all.js"), "--dry-run"], { encoding: "utf8", env: { PATH: bin, ...env } });

    test("as root: it would apt-get install every package, then typecheck, lint, build and run jest", () => {
      const r = run({ JIXIAO_SETUP_UID: "0" });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`would run: env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${ALL.join(" ")}`);
      const steps = r.stdout.split("\n").filter((l) => l.startsWith("would run: np"));
      expect(steps).toEqual(["would run: npm run typecheck", "would run: npm run lint", "would run: npm run build", "would run: npx jest --ci"]);
    });

    test("as a user without sudo: exit 1 with the exact apt-get line, and nothing run", () => {
      const r = run({ JIXIAO_SETUP_UID: "1000" });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`sudo apt-get install -y ${ALL.join(" ")}`);
      expect(r.stdout).not.toContain("would run");
    });
  });

  test("this machine has what the suites need (else the suites below would fail for set-up, not for code)", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "test-all.js"), "--dry-run"], { encoding: "utf8" });
    expect(out).toContain("every system package is installed");
  });
});
