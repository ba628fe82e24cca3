/**
 * `OFFICE_JS_URL=… npm run build:web`: the pages load office.js from the bureau's own server instead of
 * Microsoft's CDN (an intranet without internet); the help page (the manifest's SupportUrl) is emitted.
 * Built with the real webpack.config.js, the pane's entry swapped for a one-line module to keep it quick.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { JSDOM } from "jsdom";

const ROOT = path.join(__dirname, "..");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const makeConfig = (): webpack.Configuration => require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });

/** The script addresses a page loads, as the browser parses them (the build minifies the HTML). */
const scripts = (html: string): string[] => Array.from(new JSDOM(html).window.document.querySelectorAll("script[src]")).map((s) => s.getAttribute("src")!);
/** The pane's entry scripts, preloaded and run once the first screen has painted. */
const entries = (html: string): string[] => Array.from(new JSDOM(html).window.document.querySelectorAll("link[rel=preload][data-jixiao-entry]")).map((s) => s.getAttribute("href")!);

async function build(officeJsUrl: string | undefined): Promise<Record<string, string>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "jx-web-"));
  const entry = path.join(out, "entry.js");
  fs.writeFileSync(entry, "document.title = document.title;\n");
  const before = process.env.OFFICE_JS_URL;
  if (officeJsUrl === undefined) delete process.env.OFFICE_JS_URL;
  else process.env.OFFICE_JS_URL = officeJsUrl;
  try {
    const config = { ...makeConfig(), entry: { taskpane: entry }, output: { path: out, filename: "[name].js", clean: false } };
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => (err ? reject(err) : stats?.hasErrors() ? reject(new Error(stats.toString("errors-only"))) : resolve())),
    );
    const pages: Record<string, string> = {};
    for (const f of fs.readdirSync(out).filter((f) => f.endsWith(".html"))) pages[f] = fs.readFileSync(path.join(out, f), "utf8");
    return pages;
  } finally {
    if (before === undefined) delete process.env.OFFICE_JS_URL;
    else process.env.OFFICE_JS_URL = before;
    fs.rmSync(out, { recursive: true, force: true });
  }
}

describe("OFFICE_JS_URL", () => {
  test("by default the pages load office.js from Microsoft's CDN, and help.html is emitted", async () => {
    const pages = await build(undefined);
    expect(Object.keys(pages).sort()).toEqual(["commands.html", "help.html", "taskpane.html"]);
    expect(scripts(pages["taskpane.html"])).toEqual([CDN]);
    // The pane's own script: fetched at once, run after the first paint (webpack.config.js, PaintFirstPlugin).
    expect(entries(pages["taskpane.html"])).toEqual(["taskpane.js"]);
    expect(scripts(pages["commands.html"])).toEqual([CDN]);
    expect(pages["help.html"]).toContain("绩效自评助手 · 使用帮助");
  }, 120000);

  test("set to the bureau's copy: every page loads that copy and none the CDN", async () => {
    const local = "https://jixiao.intranet.test/office/1/office.js";
    const pages = await build(local);
    for (const f of ["taskpane.html", "commands.html"]) {
      expect({ f, office: scripts(pages[f])[0], cdn: pages[f].includes("appsforoffice.microsoft.com") }).toEqual({ f, office: local, cdn: false });
    }
  }, 120000);

  test("a path on the pane's own server works; an http:// address is refused in one sentence", async () => {
    const pages = await build("/office/office.js");
    expect(scripts(pages["taskpane.html"])[0]).toBe("/office/office.js");
    process.env.OFFICE_JS_URL = "http://intranet/office.js";
    try {
      expect(() => makeConfig()).toThrow(/^OFFICE_JS_URL 须为 https:\/\/ 网址或以 \/ 开头的路径/);
    } finally {
      delete process.env.OFFICE_JS_URL;
    }
  }, 120000);
});
