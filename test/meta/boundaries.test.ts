/**
 * Layer boundaries (style.md): the core is pure — no Office/WPS globals, no DOM, no Node APIs, no React,
 * no hosts; Office/Excel/WPS identifiers appear only under src/hosts.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Source without comments and string literals, so that prose mentioning "Office" does not count. */
function code(file: string): string {
  return fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/`(?:\\.|[^`\\])*`/g, "``")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''");
}

describe("src/core is pure", () => {
  const files = walk(path.join(root, "src/core"));
  test.each(files.map((f) => [path.relative(root, f)]))("%s", (rel) => {
    const file = path.join(root, rel);
    const raw = fs.readFileSync(file, "utf8");
    const imports = [...raw.matchAll(/from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    for (const spec of imports) {
      expect({ rel, spec, ok: !/^(fs|path|os|child_process|worker_threads|node:.*|react|react-dom|@fluentui\/.*|xlsx-populate|exceljs|docx|commander)$/.test(spec) && !spec.includes("/hosts/") && !spec.includes("/taskpane/") && !spec.includes("/cli/") }).toEqual({ rel, spec, ok: true });
    }
    const body = code(file);
    for (const ident of ["Office.", "Excel.", "wps.", "window.", "document.", "Buffer.", "process.", "console.log"]) {
      expect({ rel, ident, present: body.includes(ident) }).toEqual({ rel, ident, present: false });
    }
  });
});

describe("Office and WPS globals appear only under src/hosts", () => {
  const files = ["src/core", "src/taskpane", "src/cli"].flatMap((d) => (fs.existsSync(path.join(root, d)) ? walk(path.join(root, d)) : []));
  const allowed = new Set(["src/taskpane/index.tsx"]);
  test.each(files.map((f) => [path.relative(root, f)]).filter(([rel]) => !allowed.has(rel)))("%s", (rel) => {
    const body = code(path.join(root, rel));
    expect({ rel, office: /\b(Office|Excel)\.[a-z]/i.test(body) || /\bwps\.[A-Z]/.test(body) }).toEqual({ rel, office: false });
  });
});
