/**
 * The pane's size budget (issue 12): the production build fails when the first chunk passes 150 KiB
 * gzipped (GzipBudgetPlugin in webpack.config.js), and webpack's own size hints are errors. Built with
 * the real configuration and a small stand-in entry (like office-js-url.test.ts), to keep it quick: one
 * entry that fits, one padded with incompressible text past the budget.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

const ROOT = path.join(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const config = require(path.join(ROOT, "webpack.config.js")) as ((env: object, argv: { mode: string }) => webpack.Configuration) & {
  FIRST_CHUNK_GZIP_BUDGET: number;
  GzipBudgetPlugin: new (budget: number) => unknown;
};

jest.setTimeout(180_000);

/** Build the production configuration with `source` as the pane's entry; the errors, if any. */
async function buildWith(source: string): Promise<string[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "jx-budget-"));
  try {
    const entry = path.join(out, "entry.js");
    fs.writeFileSync(entry, source);
    const base = config({}, { mode: "production" });
    const cfg = { ...base, entry: { taskpane: entry }, output: { path: out, filename: "[name].js", clean: false } };
    return await new Promise<string[]>((resolve, reject) =>
      webpack(cfg, (err, stats) => (err ? reject(err) : resolve((stats?.toJson({ all: false, errors: true }).errors ?? []).map((e) => e.message)))),
    );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

describe("the pane's first-chunk budget", () => {
  it("is 150 KiB gzipped, checked in production builds, with webpack's size hints as errors", () => {
    expect(config.FIRST_CHUNK_GZIP_BUDGET).toBe(150 * 1024);
    const prod = config({}, { mode: "production" });
    expect(prod.plugins?.some((p) => p instanceof config.GzipBudgetPlugin)).toBe(true);
    expect(prod.performance).toMatchObject({ hints: "error" });
    const dev = config({}, { mode: "development" });
    expect(dev.plugins?.some((p) => p instanceof config.GzipBudgetPlugin)).toBe(false);
  });

  it("a first chunk within the budget builds; one past it fails the build with its gzipped size", async () => {
    expect(await buildWith("document.title = document.title;\n")).toEqual([]);
    // ~213 KiB of random base64 gzips to ~160 KiB: past the budget, below webpack's 480 KiB hint.
    const padding = randomBytes(160 * 1024).toString("base64");
    const errors = await buildWith(`window.__pad = ${JSON.stringify(padding)};\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/first chunk of "taskpane" is 1[5-9]\d\.\d KiB gzipped, over its budget of 150 KiB/);
  });
});
