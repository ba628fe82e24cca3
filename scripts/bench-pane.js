"use strict";
/* global document, window, performance, requestAnimationFrame, MessageChannel -- the page functions run in Chromium (page.evaluate). */
/**
 * The pane rows of `npm run bench` (issue 12), from the production build in dist-web/ (`npm run build:web`):
 *
 * - first chunk: every JavaScript file of the taskpane entry, gzipped at level 9 with node:zlib (what the
 *   build's GzipBudgetPlugin enforces). Goal ≤ 150 KiB.
 * - time to an enabled 检查我的报表: Debian's Chromium (playwright-core, as the e2e) opens a blank page and
 *   reads its first paint, then opens taskpane.html with office.js replaced by the e2e's stand-in
 *   (test/e2e/office-stub.js) holding examples/linxiang-2021.xlsx, and takes performance.now() in the
 *   first frame where the button is enabled, visible and the topmost element under its centre (see
 *   readyProbe: watched from navigation start, frame by frame). Interleaved rounds, medians. Goal ≤ 3 ×
 *   the blank page's first paint. Also printed: the pane's own first contentful paint, when its engine
 *   chunk arrived, and one round that CLICKS the button in the frame it first showed: when 正在检查报表…
 *   showed and when the result did, and whether the findings equal a late click's — if the click shows
 *   no progress or other findings, the goal row fails.
 *
 * Pages are served by a static server on 127.0.0.1 only; nothing leaves the machine.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const zlib = require("zlib");

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

/** Gzipped size (bytes) of the JavaScript the taskpane entry loads first, from dist-web/taskpane.html. */
function firstChunkGzip(distWeb) {
  const html = fs.readFileSync(path.join(distWeb, "taskpane.html"), "utf8");
  // Script tags, and the entry scripts that webpack.config.js's PaintFirstPlugin preloads and runs after the first paint.
  const tags = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g), ...html.matchAll(/<link[^>]*\bdata-jixiao-entry\b[^>]*>/g)].map((m) =>
    m[1] !== undefined ? m[1] : (/\bhref="?([^"\s>]+)"?/.exec(m[0]) || [])[1],
  );
  const local = tags.filter((src) => src && !/^https?:/.test(src));
  let raw = 0;
  let gz = 0;
  for (const src of local) {
    const bytes = fs.readFileSync(path.join(distWeb, src.replace(/^\.?\//, "")));
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: local, raw, gz };
}

/** A static server for dist-web plus a blank page, on a random port of 127.0.0.1 (also the e2e's server). */
async function serve(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".txt": "text/plain" };
  const BLANK = "<!doctype html><html><head><meta charset='utf-8'><title>blank</title></head><body><p>.</p></body></html>";
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname).replace(/^\/+/, "");
    if (rel === "__blank.html") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(BLANK);
      return;
    }
    const file = path.resolve(dir, rel || "taskpane.html");
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Runs in the pane's page before anything else (page.addInitScript): from the first frame on, looks at
 * every frame (requestAnimationFrame runs just before the browser paints it) for 检查我的报表 as the clerk
 * sees it: present, not disabled, visible (a box of its own, not hidden) and the topmost element at its
 * centre (document.elementFromPoint), so that a click there lands on it. Records the end of that frame
 * in window.__jxReady; the caller takes the later of it and the first contentful paint (a frame may run
 * its callbacks yet paint later, the very first one above all). With `__jxClickAtReady`, also clicks it in that very frame (HTMLElement.click(): the
 * page's own handler runs, as for a mouse click) and records when 正在检查报表… first shows
 * (__jxProgress) and when the result does (__jxResult: the summary counts, or 未识别).
 * Kept ES5-plain: it is serialised into the page.
 */
function readyProbe() {
  var clickAtReady = window.__jxClickAtReady === true;
  function checkButton() {
    var buttons = document.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      if (!b.textContent || b.textContent.indexOf("检查我的报表") < 0 || b.disabled || b.hidden) continue;
      var r = b.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      var top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (top && (top === b || b.contains(top))) return b;
    }
    return null;
  }
  // The first task after that frame: by then the frame has been handed to the compositor (a frame's
  // requestAnimationFrame callbacks run before its paint, so their own time would be a little early).
  var channel = new MessageChannel();
  channel.port1.onmessage = function () {
    window.__jxReady = performance.now();
  };
  var seen = false;
  function frame() {
    var now = performance.now();
    if (!seen) {
      var b = checkButton();
      if (b) {
        seen = true;
        channel.port2.postMessage(0);
        if (clickAtReady) {
          window.__jxClicked = now;
          b.click();
        }
      }
    }
    if (clickAtReady && seen) {
      var text = document.body ? document.body.innerText : "";
      if (window.__jxProgress === undefined && text.indexOf("正在检查报表") >= 0) window.__jxProgress = now;
      if (window.__jxResult === undefined && (document.querySelector("[data-testid=summary-counts]") || text.indexOf("未识别") >= 0)) {
        window.__jxResult = now;
        var counts = document.querySelector("[data-testid=summary-counts]");
        window.__jxFindings = { counts: counts ? counts.textContent : "", cards: document.querySelectorAll("[data-finding-card]").length };
      }
      if (window.__jxResult !== undefined) return;
    } else if (seen) return;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
}

/** Open the pane in a fresh page with the stand-in holding `stub`; `clickAtReady` as in readyProbe. */
async function openPane(browser, url, stub, clickAtReady) {
  const pane = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
  await pane.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
  if (clickAtReady) await pane.addInitScript(() => (window.__jxClickAtReady = true));
  await pane.addInitScript(readyProbe);
  await pane.goto(`${url}/taskpane.html`);
  return pane;
}

/** A page's value once defined (polled from Node; the time is the page's own, recorded in the page). */
async function pageValue(page, name) {
  try {
    await page.waitForFunction((n) => window[n] !== undefined, name, { timeout: 60_000 });
  } catch (e) {
    const shown = await page.evaluate(() => document.body.innerText).catch(() => "(no page)");
    throw new Error(`${name} never came: ${e instanceof Error ? e.message : String(e)}\n--- the pane showed ---\n${shown}`);
  }
  return page.evaluate((n) => window[n], name);
}

/**
 * Blank first paint and the pane's times (ms from navigation start), `rounds` interleaved rounds, then
 * one round that clicks 检查我的报表 in the frame it first shows and a late click for comparison.
 * @returns medians { blank, ready, paint, engine } and `click` (that round's figures)
 */
async function paneTimes({ root, distWeb, readXlsxFile, rounds, median }) {
  const { chromium } = require(require.resolve("playwright-core", { paths: [root] }));
  const seed = await readXlsxFile(path.join(root, "examples", "linxiang-2021.xlsx"));
  const stub = `window.__JIXIAO_SEED__ = ${JSON.stringify(seed)};\n${fs.readFileSync(path.join(root, "test", "e2e", "office-stub.js"), "utf8")}`;
  const server = await serve(distWeb);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-quic"] });
  const samples = [];
  let click;
  try {
    for (let i = 0; i < rounds; i++) {
      const blank = await browser.newPage();
      await blank.goto(`${server.url}/__blank.html`);
      const blankPaint = await blank.evaluate(
        () =>
          new Promise((resolve) => {
            const read = () => {
              const e = performance.getEntriesByName("first-paint")[0] || performance.getEntriesByName("first-contentful-paint")[0];
              if (e) resolve(e.startTime);
              else setTimeout(read, 10);
            };
            read();
          }),
      );
      await blank.close();
      const pane = await openPane(browser, server.url, stub, false);
      const shown = await pageValue(pane, "__jxReady");
      // The engine chunk's arrival, once it has (the pane fetches it alongside its first render).
      await pane.waitForFunction(
        () => performance.getEntriesByName("first-contentful-paint").length > 0 && performance.getEntriesByType("resource").some((r) => /\/engine\.js$/.test(r.name)),
        undefined,
        { timeout: 60_000 },
      );
      const t = await pane.evaluate(() => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        const engine = performance.getEntriesByType("resource").find((r) => /\/engine\.js$/.test(r.name));
        return { paint: fcp ? fcp.startTime : NaN, engine: engine ? engine.responseEnd : NaN };
      });
      await pane.close();
      // Not before the page has painted anything at all: an enabled button in a frame not yet painted is not seen.
      samples.push({ blank: blankPaint, ready: Math.max(shown, t.paint), ...t });
    }
    // Clickable, not only enabled: click in the frame the button first shows, and compare with a late click.
    const early = await openPane(browser, server.url, stub, true);
    await pageValue(early, "__jxReady");
    const at = await early.evaluate(() => window.__jxClicked);
    const result = await pageValue(early, "__jxResult");
    const progress = await early.evaluate(() => window.__jxProgress);
    const earlyFindings = await early.evaluate(() => window.__jxFindings);
    await early.close();
    const late = await openPane(browser, server.url, stub, false);
    await pageValue(late, "__jxReady");
    await late.waitForFunction(() => document.querySelector("main[aria-busy=false] [data-field]") !== null, undefined, { timeout: 60_000 });
    await late.getByRole("button", { name: "检查我的报表" }).click();
    await late.getByTestId("summary-counts").waitFor({ timeout: 60_000 });
    const lateFindings = await late.evaluate(() => ({
      counts: document.querySelector("[data-testid=summary-counts]").textContent,
      cards: document.querySelectorAll("[data-finding-card]").length,
    }));
    await late.close();
    click = { at, progress, result, same: JSON.stringify(earlyFindings) === JSON.stringify(lateFindings), early: earlyFindings, late: lateFindings };
  } finally {
    await browser.close();
    await server.close();
  }
  const m = (k) => median(samples.map((s) => s[k]).filter((x) => !Number.isNaN(x)));
  return { blank: m("blank"), ready: m("ready"), paint: m("paint"), engine: m("engine"), click };
}

/**
 * Print the pane rows. `goal(label, value, limit)` records a goal row; `ms` formats milliseconds.
 * Skips (saying so) when dist-web/ or Chromium is missing: no row is a pass by absence.
 */
async function paneBench({ root, readXlsxFile, rounds, median, goal, ms }) {
  const distWeb = path.join(root, "dist-web");
  console.log("\ntask pane (dist-web/, production build):");
  if (!fs.existsSync(path.join(distWeb, "taskpane.html"))) {
    console.log("  not measured: dist-web/ is missing — run `npm run build:web` first");
    console.log(`  ${goal("pane first chunk, KiB gzipped (NOT MEASURED)", Infinity, 150)}`);
    return;
  }
  const newest = (p) => {
    const st = fs.statSync(p);
    return st.isDirectory() ? Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f)))) : st.mtimeMs;
  };
  if (fs.existsSync(path.join(root, "src")) && newest(path.join(root, "src")) > fs.statSync(path.join(distWeb, "taskpane.js")).mtimeMs) {
    console.log("  note: dist-web/ is older than src/ — these figures are of the last `npm run build:web`, not of the sources");
  }
  const size = firstChunkGzip(distWeb);
  console.log(`  first chunk: ${size.files.join(" + ")}, ${(size.raw / 1024).toFixed(0)} KiB, ${(size.gz / 1024).toFixed(1)} KiB gzipped`);
  console.log(`  ${goal("pane first chunk, KiB gzipped", size.gz / 1024, 150)}`);
  if (!CHROMIUM) {
    console.log("  time to an enabled 检查我的报表: not measured (no Chromium at /usr/bin/chromium)");
    console.log(`  ${goal("enabled 检查我的报表 ÷ blank first paint (NOT MEASURED)", Infinity, 3)}`);
    return;
  }
  const t = await paneTimes({ root, distWeb, readXlsxFile, rounds, median });
  console.log(
    `  Chromium, median of ${rounds} interleaved rounds: blank first paint ${ms(t.blank)}   pane first paint ${ms(t.paint)}   engine chunk in ${ms(t.engine)}   检查我的报表 enabled ${ms(t.ready)}`,
  );
  const c = t.click;
  console.log(
    `  clicked in the frame it first showed (at ${ms(c.at).trim()}): 正在检查报表… after ${c.progress === undefined ? "NEVER" : ms(c.progress - c.at).trim()}, ` +
      `the result after ${ms(c.result - c.at).trim()}; ${c.same ? "same findings as a late click" : `NOT the findings of a late click: ${JSON.stringify(c.early)} vs ${JSON.stringify(c.late)}`} (${c.late.counts}, ${c.late.cards} cards)`,
  );
  // A button that shows but does not work when clicked is not ready: then the row fails whatever its time.
  const works = c.same && c.progress !== undefined;
  console.log(`  ${goal(`enabled 检查我的报表 ÷ blank page first paint${works ? "" : " (CLICK FAILED)"}`, works ? t.ready / t.blank : Infinity, 3)}`);
}

module.exports = { paneBench, firstChunkGzip, readyProbe, serve };
