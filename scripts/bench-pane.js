"use strict";
/* global document, requestAnimationFrame -- the page functions run in Chromium (page.evaluate). */
/**
 * The pane rows of `npm run bench` (issue 12), from the production build in dist-web/ (`npm run build:web`):
 *
 * - first chunk: every JavaScript file of the taskpane entry, gzipped at level 9 with node:zlib (what the
 *   build's GzipBudgetPlugin enforces). Goal ≤ 150 KiB.
 * - time to an enabled 检查我的报表: Debian's Chromium (playwright-core, as the e2e) opens a blank page and
 *   reads its first paint, then opens taskpane.html with office.js replaced by the e2e's stand-in
 *   (test/e2e/office-stub.js) holding examples/linxiang-2021.xlsx, and takes performance.now() when the
 *   button is first enabled (the pane has read and mapped the workbook by then). Interleaved rounds,
 *   medians. Goal ≤ 3 × the blank page's first paint. Also printed: the pane's own first contentful paint
 *   and when its engine chunk arrived.
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
  const local = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  let raw = 0;
  let gz = 0;
  for (const src of local) {
    const bytes = fs.readFileSync(path.join(distWeb, src.replace(/^\.?\//, "")));
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: local, raw, gz };
}

/** A static server for dist-web plus a blank page, on a random port of 127.0.0.1. */
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
 * Blank first paint and the pane's times (ms from navigation start), `rounds` interleaved rounds.
 * @returns medians { blank, ready, paint, engine }
 */
async function paneTimes({ root, distWeb, readXlsxFile, rounds, median }) {
  const { chromium } = require(require.resolve("playwright-core", { paths: [root] }));
  const seed = await readXlsxFile(path.join(root, "examples", "linxiang-2021.xlsx"));
  const stub = `window.__JIXIAO_SEED__ = ${JSON.stringify(seed)};\n${fs.readFileSync(path.join(root, "test", "e2e", "office-stub.js"), "utf8")}`;
  const server = await serve(distWeb);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-quic"] });
  const samples = [];
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
      const pane = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
      await pane.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
      await pane.goto(`${server.url}/taskpane.html`);
      const t = await pane.evaluate(
        () =>
          new Promise((resolve) => {
            const poll = () => {
              const b = [...document.querySelectorAll("button")].find((x) => x.textContent && x.textContent.includes("检查我的报表"));
              if (b && !b.disabled) {
                const ready = performance.now();
                const fcp = performance.getEntriesByName("first-contentful-paint")[0];
                const engine = performance.getEntriesByType("resource").find((r) => /\/engine\.js$/.test(r.name));
                resolve({ ready, paint: fcp ? fcp.startTime : NaN, engine: engine ? engine.responseEnd : NaN });
              } else requestAnimationFrame(poll);
            };
            poll();
          }),
      );
      await pane.close();
      samples.push({ blank: blankPaint, ...t });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const m = (k) => median(samples.map((s) => s[k]).filter((x) => !Number.isNaN(x)));
  return { blank: m("blank"), ready: m("ready"), paint: m("paint"), engine: m("engine") };
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
  console.log(`  ${goal("enabled 检查我的报表 ÷ blank page first paint", t.ready / t.blank, 3)}`);
}

module.exports = { paneBench, firstChunkGzip };
