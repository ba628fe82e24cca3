/**
 * @jest-environment node
 */
/**
 * The task pane on old Office webviews: taskpane.html's inline ES5 block tells a clerk on Internet Explorer 11
 * (Trident) or Edge Legacy (EdgeHTML) — volume-licensed Office 2016/2019 — what version is needed and what to
 * do, instead of 正在加载 forever; in Chromium webviews it does nothing.
 */
import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";
import { Linter } from "eslint";

const ROOT = path.join(__dirname, "..");
// taskpane.html as webpack writes it: the template with the build-time first screen (scripts/pane-shell.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderPaneShell } = require("../scripts/pane-shell") as { renderPaneShell: () => { css: string; html: string } };
const SHELL = renderPaneShell();
const HTML = fs
  .readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8")
  .replace("<%= shell.css %>", () => SHELL.css)
  .replace("<%= shell.html %>", () => SHELL.html);
const BLOCK = [...HTML.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((s) => s.includes("jixiaoUnsupportedWebview"))!;

const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
  webview2: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
  wps: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/104.0.5112.102 Safari/537.36 WpsOfficeApp/12.1.0",
};

/** The pane page as the webview loads it, without office.js or the bundle: what the clerk sees first. */
function pane(userAgent: string, strip: (w: Window & typeof globalThis) => void = () => undefined): { boot: string; flagged: boolean; checkButton: boolean } {
  const html = HTML.replace(/<script[^>]*src=[^>]*><\/script>/g, "");
  const dom = new JSDOM(html, {
    runScripts: "dangerously",
    beforeParse: (w) => {
      Object.defineProperty(w.navigator, "userAgent", { value: userAgent });
      strip(w as unknown as Window & typeof globalThis);
    },
  });
  const w = dom.window as unknown as { jixiaoUnsupportedWebview?: boolean; document: Document };
  return {
    boot: w.document.getElementById("boot")!.textContent ?? "",
    flagged: w.jixiaoUnsupportedWebview === true,
    // The first screen's 检查我的报表: only where the pane can run (an old webview must not promise a check).
    checkButton: w.document.getElementById("jx-shell-check") !== null,
  };
}

describe("old Office webviews", () => {
  test("the block is ES5: Internet Explorer 11 can run it", () => {
    expect(BLOCK).toBeDefined();
    const fatal = new Linter().verify(BLOCK, { languageOptions: { ecmaVersion: 5, sourceType: "script" } }).filter((m) => m.fatal);
    expect(fatal).toEqual([]);
    // And it would fail on a newer construct, so the check above means something.
    const es6 = new Linter().verify("var f = () => 1;", { languageOptions: { ecmaVersion: 5, sourceType: "script" } });
    expect(es6.some((m) => m.fatal)).toBe(true);
  });

  test.each([
    ["Internet Explorer 11 (Trident)", UA.ie11],
    ["Edge Legacy (EdgeHTML)", UA.edgeHtml],
  ])("%s: the pane says which Office is needed and what to do", (_name, ua) => {
    const { boot, flagged, checkButton } = pane(ua);
    expect(flagged).toBe(true);
    expect(checkButton).toBe(false);
    expect(boot).toContain("绩效自评助手无法在此版本的 Excel 中运行");
    expect(boot).toContain("Microsoft 365 或 Office 2021 及以上");
    expect(boot).toContain("Office 2016、Office 2019 不能使用");
    expect(boot).toContain("WPS");
    expect(boot).not.toContain("正在加载");
  });

  test("a webview without ES2019 built-ins (no Object.fromEntries) is told too, whatever its user agent says", () => {
    const { flagged } = pane(UA.webview2, (w) => {
      delete (w.Object as { fromEntries?: unknown }).fromEntries;
    });
    expect(flagged).toBe(true);
  });

  test.each([
    ["Edge WebView2 (Microsoft 365, Office 2021)", UA.webview2],
    ["WPS (Chromium)", UA.wps],
  ])("%s: nothing changes, the first screen stays until the bundle takes over", (_name, ua) => {
    expect(pane(ua)).toEqual({ boot: "正在加载绩效自评助手……", flagged: false, checkButton: true });
  });
});
