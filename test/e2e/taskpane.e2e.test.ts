/**
 * End to end: the built task pane (dist-web) in Debian's Chromium, with office.js replaced by an
 * in-page stand-in (./office-stub.js) holding the seed-000 workbook (临湘市医疗保障局 2021, where the
 * 二级机构1 基本支出 346.77 万元 was entered as 3467700). The clerk clicks 检查我的报表, sees the unit
 * finding (its cell filled), clicks 定位 (the cell is selected), then 修复 (the cell in the fake workbook
 * changes, the finding goes, the fill is restored), then 清除标记. axe-core runs on the checked pane, the
 * fix preview and the 未识别 state (no serious or critical violation). In a short pane, a fix keeps the
 * list where it was and focuses the card now in the fixed one's place. A click in the very frame
 * 检查我的报表 first shows (the page's first screen, before the pane has started) says 正在检查报表… and
 * then gives exactly the engine's findings. The time to an enabled 检查我的报表 is printed as a ratio of
 * a blank page's first paint (a measure, not a timed test).
 *
 * Screenshots for the README are written ONLY by `npm run screenshot` (JIXIAO_SCREENSHOTS=<dir>), never by
 * `npm test`: a test run must not modify tracked files.
 *
 * Builds with webpack when dist-web is missing or older than the sources (~20–90 s on 2 cores).
 * Run alone: `npx jest test/e2e --maxWorkers=1`.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { checkWorkbook } from "../../src/core/engine/run-rules";
import type { Finding } from "../../src/core/engine/types";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { formatRef } from "../../src/core/model/address";
import { localizeMessage } from "../../src/core/i18n";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { buildWorkbook, type TestCell } from "../helpers/workbook-builder";

// The bench's probe and static server (dist-web plus a blank page, 127.0.0.1 only): the e2e and
// `npm run bench` measure the same page the same way.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bench's CommonJS module
const { readyProbe, serve } = require("../../scripts/bench-pane") as {
  readyProbe: () => void;
  serve: (dir: string) => Promise<{ url: string; close(): Promise<void> }>;
};

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist-web");
const EXAMPLE = path.join(ROOT, "examples", "linxiang-2021.xlsx");
/** Where `npm run screenshot` wants the README's screenshots; unset in a test run (nothing is written). */
const SHOTS = process.env.JIXIAO_SCREENSHOTS ? path.resolve(ROOT, process.env.JIXIAO_SCREENSHOTS) : undefined;
const AXE = require.resolve("axe-core/axe.min.js");
const CHROMIUM = "/usr/bin/chromium";

jest.setTimeout(300_000);

/** Newest modification time under a path (files only). */
function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

/**
 * Build dist-web unless it is newer than everything it is built from. JIXIAO_E2E_REUSE=1 reuses an
 * existing build regardless (for quick local reruns; CI leaves it unset).
 */
function ensureBuilt(): void {
  if (process.env.JIXIAO_E2E_REUSE === "1" && fs.existsSync(path.join(DIST, "taskpane.html"))) return;
  const built = fs.existsSync(path.join(DIST, "taskpane.js")) ? fs.statSync(path.join(DIST, "taskpane.js")).mtimeMs : 0;
  const sources = Math.max(newest(path.join(ROOT, "src")), newest(path.join(ROOT, "webpack.config.js")), newest(path.join(ROOT, "assets")));
  if (built > sources && fs.existsSync(path.join(DIST, "taskpane.html"))) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
    cwd: ROOT,
    stdio: "pipe",
  });
}

/** Seed 000's 支出 table, used only when examples/linxiang-2021.xlsx (the cli helper's example) is absent. */
function fallbackSeed(): WorkbookSnapshot {
  const rows: TestCell[][] = [
    ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"],
    ["局机关及二级机构汇总", 30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0],
    ["1、局机关", 1911.06, 1911.06, 1640.27, 270.79, null, 0, 0],
    ["2、二级机构1", 28892.07, 3467700, 224.06, 122.71, 28545.3, 0, 0],
    ["3、二级机构2", null, null, null, null, null, null, null],
  ];
  return buildWorkbook(
    { 封面: [["部门（单位）名称", "临湘市医疗保障局"], ["评价年度", 2021], ["金额单位", "万元"]], 支出: rows },
    { names: { jx_unit_name: "封面!$B$1", jx_report_year: "封面!$B$2", jx_money_unit: "封面!$B$3", jx_expense: "支出!$A$1:$H$5" } },
  );
}

/**
 * The seed-000 example with the clerk's slip the test is about: 二级机构1's 基本支出 346.77 (万元) typed
 * as 3467700 (元). The example itself holds the correct figure (the real report made the same slip in
 * its prose, "346.77元"), so the slip is applied here, to the one cell of the sheet that holds 346.77.
 */
async function seedSnapshot(): Promise<{ snapshot: WorkbookSnapshot; source: string }> {
  if (!fs.existsSync(EXAMPLE)) return { snapshot: fallbackSeed(), source: "built-in seed-000 expense table" };
  const example = await readXlsxFile(EXAMPLE);
  let slipped = 0;
  const sheets = example.sheets.map((sheet) => {
    const cells = { ...sheet.cells };
    for (const [address, cell] of Object.entries(cells)) {
      if (cell.value === 346.77 && cell.formula === undefined) {
        cells[address] = { ...cell, value: 3467700 };
        slipped++;
      }
    }
    return { ...sheet, cells };
  });
  if (slipped !== 1) throw new Error(`expected one 346.77 cell in ${EXAMPLE}, found ${slipped}`);
  return { snapshot: { ...example, sheets }, source: "examples/linxiang-2021.xlsx with 346.77 typed as 3467700" };
}

describe("task pane in Chromium with an Office stand-in", () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let page: Page;
  let unitFinding: Finding;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    const { snapshot } = await seedSnapshot();
    // What the engine says about this workbook, computed here in Node: the page must show the same.
    const report = checkWorkbook(snapshot);
    const found = report.findings.find((f) => f.ruleId === "no-unit-mistake" && f.fix !== undefined);
    if (!found) throw new Error(`the seed has no fixable no-unit-mistake finding: ${JSON.stringify(report.findings.map((f) => f.ruleId))}`);
    unitFinding = found;

    server = await serve(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-quic"] });
    // Reduced motion: axe must judge the dialog as shown, not mid fade-in (contrast of a half-opaque surface).
    page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN", reducedMotion: "reduce" });
    currentPage = page;
    currentErrors = consoleErrors;
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    const stub = `window.__JIXIAO_SEED__ = ${JSON.stringify(snapshot)};\n${fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8")}`;
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("checks the workbook, shows the unit finding, previews and applies its fix in the workbook, with no serious accessibility violation", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    const check = page.getByRole("button", { name: "检查我的报表" });
    await check.waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent?.includes("检查我的报表"));
      return b !== undefined && !b.disabled;
    });
    await check.click();

    // The message as the pane shows it: the rule's words, numbers grouped as clerks write them.
    const shown = localizeMessage(unitFinding, "zh-CN");
    expect(shown).toContain("3,467,700");
    const card = page.locator(`[data-rule="no-unit-mistake"]`).filter({ hasText: shown });
    await explain(card.waitFor({ state: "visible", timeout: 30_000 }));
    expect(await card.innerText()).toContain(formatRef({ sheet: unitFinding.sheet, address: unitFinding.ref }));

    // The flagged cell is filled in the workbook.
    expect(await fillAt(page, unitFinding.sheet, unitFinding.ref)).toMatch(/^#[0-9A-Fa-f]{6}$/);

    // The conclusion line, as the CLI says it.
    expect(await page.getByTestId("conclusion").innerText()).toMatch(/^结论：有 \d+ 个错误需要修改$/);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, "taskpane-check.png"), fullPage: false });
    }

    // 定位 selects the cell in the workbook.
    await card.getByRole("button", { name: "定位" }).click();
    await page.waitForFunction(
      (want) => (window as unknown as { __jixiao: { model: { selected: string | null } } }).__jixiao.model.selected === want,
      `${unitFinding.sheet}!${unitFinding.ref}`,
      { timeout: 30_000 },
    );

    const before = await cellValue(page, unitFinding.sheet, unitFinding.ref);
    expect(before).toBe(unitFinding.actual);
    await card.getByRole("button", { name: "修复" }).click();
    // The preview: old → new for the cell, nothing written yet.
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForTimeout(400); // any transition left under reduced motion
    expect(await dialog.getByTestId("fix-change").first().innerText()).toContain("3,467,700");
    expect(await cellValue(page, unitFinding.sheet, unitFinding.ref)).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "taskpane-fix-preview.png"), fullPage: false });
    await dialog.getByRole("button", { name: "应用修复" }).click();
    const expected = unitFinding.fix?.writes[0].value;
    await page.waitForFunction(
      ([s, a, v]) => (window as unknown as { __jixiao: { cell(s: string, a: string): { value: unknown } | null } }).__jixiao.cell(s, a)?.value === v,
      [unitFinding.sheet, unitFinding.ref, expected] as const,
      { timeout: 30_000 },
    );
    expect(await cellValue(page, unitFinding.sheet, unitFinding.ref)).toBe(expected);
    // The pane re-checks after a fix: the finding is gone.
    await page.locator(`[data-rule="no-unit-mistake"]`).filter({ hasText: shown }).waitFor({ state: "detached", timeout: 30_000 });
    // The re-check after the fix restored the fixed cell's own fill (it had none).
    expect(await fillAt(page, unitFinding.sheet, unitFinding.ref)).toBeNull();

    // 清除标记 restores every marked cell.
    await page.getByRole("button", { name: "清除标记" }).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __jixiao: { model: { sheets: { fills: Record<string, string> }[] } } }).__jixiao.model.sheets.every(
          (s) => Object.keys(s.fills).length === 0,
        ),
      undefined,
      { timeout: 30_000 },
    );
    expect(consoleErrors).toEqual([]);
  });

  it("keeps the list where the clerk was after a fix: no jump to the top, focus on the card now in its place", async () => {
    // A short pane, so that the list scrolls and the fixed card sits below the fold.
    const short = await browser.newPage({ viewport: { width: 420, height: 480 }, locale: "zh-CN", reducedMotion: "reduce" });
    const stub = `window.__JIXIAO_SEED__ = ${JSON.stringify((await seedSnapshot()).snapshot)};\n${fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8")}`;
    await short.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
    await short.goto(`${server.url}/taskpane.html`);
    await short.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent?.includes("检查我的报表") && !b.disabled), undefined, { timeout: 30_000 });
    await short.getByRole("button", { name: "检查我的报表" }).click();
    const shown = localizeMessage(unitFinding, "zh-CN");
    const card = short.locator(`[data-rule="no-unit-mistake"]`).filter({ hasText: shown });
    await card.waitFor({ state: "visible", timeout: 30_000 });
    await card.evaluate((el) => el.scrollIntoView({ block: "center" }));
    const before = await short.evaluate(() => window.scrollY);
    // The test means something only if the list really scrolled.
    expect(before).toBeGreaterThan(0);
    await card.getByRole("button", { name: "修复" }).click();
    const dialog = short.getByRole("dialog");
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    await dialog.getByRole("button", { name: "应用修复" }).click();
    await card.waitFor({ state: "detached", timeout: 30_000 });
    await short.waitForFunction(() => document.activeElement?.hasAttribute("data-finding-card") === true, undefined, { timeout: 30_000 });
    const after = await short.evaluate(() => window.scrollY);
    // One card fewer may pull the page up by at most about a card; it never jumps back to the top.
    expect(after).toBeGreaterThan(0);
    expect(Math.abs(after - before)).toBeLessThan(240);
    // The focused card (the one now in the fixed card's place) is on screen.
    const box = await short.evaluate(() => {
      const r = (document.activeElement as HTMLElement).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    expect(box.bottom).toBeGreaterThan(0);
    expect(box.top).toBeLessThan(box.height);
    await short.close();
  });

  it("says 未识别 for an empty Sheet1, never 可以导出, with no serious accessibility violation", async () => {
    const empty = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN", reducedMotion: "reduce" });
    const seed = { sheets: [{ name: "Sheet1", cells: {}, merges: [] }], names: [] };
    const stub = `window.__JIXIAO_SEED__ = ${JSON.stringify(seed)};\n${fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8")}`;
    await empty.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
    await empty.goto(`${server.url}/taskpane.html`);
    const check = empty.getByRole("button", { name: "检查我的报表" });
    await check.waitFor({ state: "visible", timeout: 30_000 });
    await empty.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent?.includes("检查我的报表") && !b.disabled));
    await check.click();
    await empty.getByText("未识别为绩效自评表").first().waitFor({ state: "visible", timeout: 30_000 });
    expect(await empty.locator("body").innerText()).not.toContain("可以导出");
    // The template it offers is really there to download.
    for (const name of ["下载部门整体支出模板", "下载项目支出模板"]) {
      const href = await empty.getByRole("link", { name }).getAttribute("href");
      const response = await empty.request.get(new URL(href ?? "", empty.url()).toString());
      expect({ name, status: response.status() }).toEqual({ name, status: 200 });
      expect((await response.body()).subarray(0, 2).toString()).toBe("PK");
    }
    expect(await axeViolations(empty)).toEqual([]);
    if (SHOTS) await empty.screenshot({ path: path.join(SHOTS, "taskpane-unrecognised.png"), fullPage: false });
    await empty.close();
  });

  it("a click in the very frame 检查我的报表 first shows: 正在检查报表… at once, then the findings the engine gives — never 可以导出 first", async () => {
    const { snapshot } = await seedSnapshot();
    const expected = checkWorkbook(snapshot);
    const early = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
    const errors: string[] = [];
    early.on("pageerror", (e) => errors.push(e.message));
    const stub = `window.__JIXIAO_SEED__ = ${JSON.stringify(snapshot)};\n${fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8")}`;
    await early.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
    // scripts/bench-pane.js's probe: finds the button in the first frame where it is enabled, visible and on
    // top, clicks it there, and records when 正在检查报表… and the result first show.
    await early.addInitScript(() => ((window as unknown as { __jxClickAtReady: boolean }).__jxClickAtReady = true));
    await early.addInitScript(readyProbe);
    await early.goto(`${server.url}/taskpane.html`);
    type Probe = { __jxReady?: number; __jxClicked?: number; __jxProgress?: number; __jxResult?: number };
    await early.waitForFunction(() => (window as unknown as Probe).__jxResult !== undefined, undefined, { timeout: 60_000 });
    const t = await early.evaluate(() => {
      const w = window as unknown as Probe;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { ready: w.__jxReady, clicked: w.__jxClicked, progress: w.__jxProgress, result: w.__jxResult, paint: fcp ? fcp.startTime : undefined };
    });
    // Clicked no later than the frame after the first paint… (the button is on the page's first screen).
    expect(t.ready).toBeDefined();
    expect(t.clicked).toBeDefined();
    expect(t.paint).toBeDefined();
    // …and it said it was working before any result.
    expect(t.progress).toBeDefined();
    expect(t.progress!).toBeGreaterThanOrEqual(t.clicked!);
    expect(t.progress!).toBeLessThanOrEqual(t.result!);
    // The result: what the engine finds in this workbook (computed here in Node), nothing more, nothing less.
    await early.getByTestId("summary-counts").waitFor({ state: "visible", timeout: 60_000 });
    expect(await early.getByTestId("summary-counts").innerText()).toContain(`错误 ${expected.stats.errors} · 警告 ${expected.stats.warnings} · 提示 ${expected.stats.infos}`);
    await early.waitForFunction((n) => document.querySelectorAll("[data-finding-card]").length === n, expected.findings.length, { timeout: 30_000 });
    const cells = await early.locator("[data-finding-card] [data-testid=finding-cell]").allInnerTexts();
    expect(cells.sort()).toEqual(expected.findings.map((f) => formatRef({ sheet: f.sheet, address: f.ref })).sort());
    expect(await early.locator("body").innerText()).not.toContain("可以导出");
    // The flagged cells are painted in the workbook, as after a late click.
    expect(await fillAt(early, unitFinding.sheet, unitFinding.ref)).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(errors).toEqual([]);
    console.log(
      `pane: clicked at ${t.clicked!.toFixed(0)} ms, in the frame painted by ${t.ready!.toFixed(0)} ms (first contentful paint ${t.paint!.toFixed(0)} ms); 正在检查报表… at ${t.progress!.toFixed(0)} ms, ${expected.findings.length} findings at ${t.result!.toFixed(0)} ms`,
    );
    await early.close();
  });

  it("prints the time to an enabled 检查我的报表 against a blank page's first paint (measured, not asserted)", async () => {
    const samples: { blank: number; ready: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const blank = await browser.newPage();
      await blank.goto(`${server.url}/__blank.html`);
      const paint = await blank.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const read = (): void => {
              const e = performance.getEntriesByName("first-paint")[0] ?? performance.getEntriesByName("first-contentful-paint")[0];
              if (e) resolve(e.startTime);
              else setTimeout(read, 10);
            };
            read();
          }),
      );
      await blank.close();
      const pane = await browser.newPage({ viewport: { width: 420, height: 900 } });
      const stub = `window.__JIXIAO_SEED__ = ${JSON.stringify((await seedSnapshot()).snapshot)};\n${fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8")}`;
      await pane.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
      // As `npm run bench` measures it (scripts/bench-pane.js): the first frame with the button enabled,
      // visible and on top, watched from navigation start, and not before the page's first paint.
      await pane.addInitScript(readyProbe);
      await pane.goto(`${server.url}/taskpane.html`);
      await pane.waitForFunction(
        () => (window as unknown as { __jxReady?: number }).__jxReady !== undefined && performance.getEntriesByName("first-contentful-paint").length > 0,
        undefined,
        { timeout: 60_000 },
      );
      const ready = await pane.evaluate(() => Math.max((window as unknown as { __jxReady: number }).__jxReady, performance.getEntriesByName("first-contentful-paint")[0].startTime));
      await pane.close();
      samples.push({ blank: paint, ready });
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const blank = median(samples.map((x) => x.blank));
    const ready = median(samples.map((x) => x.ready));
    // Issue 12's goal is ≤ 3×; printed for the bench's record, never asserted (timing is the machine's).
    console.log(`pane: enabled 检查我的报表 at ${ready.toFixed(0)} ms, blank first paint ${blank.toFixed(0)} ms, ratio ${(ready / blank).toFixed(2)}× (goal ≤ 3×)`);
    expect(ready).toBeGreaterThan(0);
  });

  it("shows a clear Chinese message, not a blank page, when office.js cannot load", async () => {
    const bare = await browser.newPage();
    await bare.route("https://appsforoffice.microsoft.com/**", (route) => route.abort("namenotresolved"));
    await bare.goto(`${server.url}/taskpane.html`);
    await bare.getByText("请在 Excel 或 WPS 中使用").waitFor({ state: "visible", timeout: 30_000 });
    expect(await bare.locator("body").innerText()).toMatch(/Excel|WPS/);
    await bare.close();
  });
});

/**
 * axe-core's serious and critical violations on the page, as "rule: target" strings. Fluent's focus
 * sentinels (tabster's dummy inputs, `data-tabster-dummy`) are excepted: they are focusable on purpose,
 * invisible and hidden from assistive technology, and axe reports them as aria-hidden focusable elements.
 */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html })) }));
  });
  const out: string[] = [];
  for (const v of violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    for (const n of v.nodes) {
      if (/data-tabster-dummy/.test(n.html)) continue;
      out.push(`${v.id} (${v.impact}): ${n.target} ${n.html.slice(0, 160)}`);
    }
  }
  return out;
}

/** On a timeout, say what the pane showed instead (its text and the page's errors). */
async function explain<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (e) {
    const text = await currentPage?.locator("body").innerText().catch(() => "(no page)");
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- the pane showed ---\n${text}\n--- page errors ---\n${currentErrors.join("\n")}`);
  }
}
let currentPage: Page | undefined;
let currentErrors: string[] = [];

async function fillAt(page: Page, sheet: string, address: string): Promise<string | null> {
  return page.evaluate(
    ([s, a]) => (window as unknown as { __jixiao: { fill(s: string, a: string): string | null } }).__jixiao.fill(s, a),
    [sheet, address] as const,
  );
}

async function cellValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(
    ([s, a]) => (window as unknown as { __jixiao: { cell(s: string, a: string): { value: unknown } | null } }).__jixiao.cell(s, a)?.value,
    [sheet, address] as const,
  );
}
