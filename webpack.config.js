/**
 * Builds the task pane: dist-web/taskpane.html + taskpane.js + commands.html + assets/icon-*.png.
 * CommonJS on purpose (webpack-cli 6 on Node 20, see ../shared/toolchain.md pitfall 2).
 *
 * office.js is NOT bundled: taskpane.html loads it from Microsoft's CDN, as Office requires.
 * `npm run dev-server` serves https://localhost:3000 with the certificates of office-addin-dev-certs
 * when ~/.office-addin-dev-certs holds them (run `npx office-addin-dev-certs install` once on a
 * machine with Office); otherwise it falls back to http://localhost:3000 (fine for a browser, not for
 * sideloading: Office only loads https task panes).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { renderPaneShell } = require("./scripts/pane-shell");

const ASSETS = path.resolve(__dirname, "assets");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * OFFICE_JS_URL=https://intranet.example/office/office.js npm run build:web serves office.js from the bureau's
 * own server instead of Microsoft's CDN (an intranet without internet; README "Excel on an intranet").
 * Office pages are https, so the copy must be https or on the pages' own server (a path like /office/office.js).
 */
function officeJsUrl(env) {
  const url = env.OFFICE_JS_URL;
  if (!url) return OFFICE_JS_CDN;
  if (!/^(https:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/.test(url)) {
    throw new Error(`OFFICE_JS_URL 须为 https:// 网址或以 / 开头的路径（与任务窗格同一服务器），收到“${url}”`);
  }
  return url;
}

/** Replace the CDN address in every emitted page when OFFICE_JS_URL is set. */
class OfficeJsUrlPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsUrlPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsUrlPlugin", (data) => {
        data.html = data.html.split(OFFICE_JS_CDN).join(this.url);
        return data;
      });
    });
  }
}
const ICON = /^icon-\d+\.png$/;
const TEMPLATES = path.join(ASSETS, "templates");

/**
 * Emit assets/icon-*.png as dist-web/assets/… (the manifest points at them) and the bureau templates as
 * dist-web/assets/templates/*.xlsx (the pane's 未识别 state offers them for download); no copy plugin needed.
 */
class EmitIconsPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("EmitIconsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EmitIconsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          if (!fs.existsSync(ASSETS)) return;
          for (const file of fs.readdirSync(ASSETS).filter((f) => ICON.test(f)).sort()) {
            const full = path.join(ASSETS, file);
            compilation.fileDependencies.add(full);
            compilation.emitAsset(`assets/${file}`, new RawSource(fs.readFileSync(full)));
          }
          if (fs.existsSync(TEMPLATES)) {
            for (const file of fs.readdirSync(TEMPLATES).filter((f) => f.endsWith(".xlsx")).sort()) {
              const full = path.join(TEMPLATES, file);
              compilation.fileDependencies.add(full);
              compilation.emitAsset(`assets/templates/${file}`, new RawSource(fs.readFileSync(full)));
            }
          }
        },
      );
    });
  }
}

/**
 * The pane's first chunk (what Office loads before anything shows) is at most 150 KiB gzipped (issue 12).
 * webpack's own size hints (below) count uncompressed bytes; this counts what travels: every JavaScript
 * file of each entry point, gzipped at level 9 with node:zlib after minification, and fails the
 * production build above the budget. `npm run bench` prints the same figure.
 */
const FIRST_CHUNK_GZIP_BUDGET = 150 * 1024;

/** The gzipped size of an entry point's JavaScript files, by entry name. */
function entryGzipSizes(compilation) {
  const sizes = new Map();
  for (const [name, entry] of compilation.entrypoints) {
    let total = 0;
    for (const file of entry.getFiles().filter((f) => f.endsWith(".js"))) {
      total += zlib.gzipSync(compilation.getAsset(file).source.buffer(), { level: 9 }).length;
    }
    sizes.set(name, total);
  }
  return sizes;
}

class GzipBudgetPlugin {
  constructor(budget) {
    this.budget = budget;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("GzipBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "GzipBudgetPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const [name, size] of entryGzipSizes(compilation)) {
          if (size > this.budget) {
            compilation.errors.push(
              new compiler.webpack.WebpackError(
                `jixiao: the first chunk of "${name}" is ${(size / 1024).toFixed(1)} KiB gzipped, over its budget of ${(this.budget / 1024).toFixed(0)} KiB ` +
                  "(issue 12): load what the first paint does not need on demand (React.lazy, import()).",
              ),
            );
          }
        }
      });
    });
  }
}

/**
 * taskpane.html runs the pane's script only once the first screen has painted (issue 12). A deferred
 * script that has already arrived when the parser finishes runs before the browser's first paint, so
 * the page stayed blank while React, Fluent and the pane compiled and ran (≈ 0.5–1 s on a slow PC).
 * Instead: `<link rel=preload>` fetches taskpane.js at once, at the top of the head, and a small inline
 * script at the end of the body inserts it after the first frame (requestAnimationFrame runs just before
 * a frame is painted; a task posted from there runs after it). A hidden page (no frames) starts at once,
 * and a page whose first frame is slow starts after a second at the latest.
 *
 * The same script preloads the engine's chunks (src/taskpane/engine.ts, chunk "engine" and the chunks it
 * needs) at that moment: the browser fetches them while the pane starts, in parallel with its first
 * render instead of once it asks for them — and not before the first paint, where they would compete
 * with office.js and the page itself. Preloading only fetches; nothing runs before the pane asks for it.
 */
class PaintFirstPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("PaintFirstPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap({ name: "PaintFirstPlugin", stage: -10 }, (data) => {
        if (data.outputName !== "taskpane.html") return data;
        const isEntry = (tag) => tag.tagName === "script" && tag.attributes && typeof tag.attributes.src === "string";
        const entries = [...data.headTags, ...data.bodyTags].filter(isEntry).map((tag) => tag.attributes.src);
        if (entries.length === 0) return data;
        data.headTags = data.headTags.filter((tag) => !isEntry(tag));
        data.bodyTags = data.bodyTags.filter((tag) => !isEntry(tag));
        data.headTags.unshift(...entries.map((src) => ({ tagName: "link", voidTag: true, meta: { plugin: "PaintFirstPlugin" }, attributes: { rel: "preload", as: "script", href: src, "data-jixiao-entry": true } })));
        const group = compilation.namedChunkGroups.get("engine");
        const engine = group ? group.getFiles().filter((f) => f.endsWith(".js")).map((f) => `${data.publicPath}${f}`) : [];
        // ES5 on purpose (the old-webview check in taskpane.html must still be able to speak).
        const loader =
          "(function(){if(window.jixiaoUnsupportedWebview)return;var started=false;" +
          "function start(){if(started)return;started=true;" +
          `${JSON.stringify(entries)}.forEach(function(src){var s=document.createElement("script");s.src=src;s.async=false;document.body.appendChild(s);});` +
          `${JSON.stringify(engine)}.forEach(function(href){var l=document.createElement("link");l.rel="preload";l.as="script";l.href=href;document.head.appendChild(l);});}` +
          'if(document.visibilityState==="hidden"||typeof requestAnimationFrame!=="function"){start();return;}' +
          "requestAnimationFrame(function(){setTimeout(start,0);});setTimeout(start,1000);})();";
        data.bodyTags.push({ tagName: "script", voidTag: false, meta: { plugin: "PaintFirstPlugin" }, innerHTML: loader, attributes: {} });
        return data;
      });
    });
  }
}

/** https options from office-addin-dev-certs' default location, or undefined when they are not there. */
function devCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const found = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  if (!found) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/**
 * The command line as one file (issue 12): dist/bundle/jixiao.js, run by bin/jixiao.js, with the packages
 * it needs (commander, xlsx-populate, JSZip…) inside, so `jixiao check` reads one file instead of resolving
 * and reading some 220 modules. `check` is in that first file; fill, narrative, template and rules come as
 * chunks (dist/bundle/<name>.js) loaded only when their command runs, and ExcelJS/docx only with them.
 * dist/bundle/worker.js is the batch worker (src/cli/pool.ts looks for worker.js beside the running file).
 * Node built-ins stay outside. Minified without compressing, keeping every function and class name (stack
 * traces name the functions, and the build stays fast enough for `prepare`); local variables are renamed,
 * which took the check bundle from 672 to 507 KiB: reading the file and V8's code cache cost ≈ 20 µs a KiB
 * at every start (13 ms less CPU for `jixiao check`, medians of 21 interleaved runs). `npm run build`
 * builds it after tsc (scripts/build-cli.js); `npm ci --omit=dev` uses the shipped copy. Some production
 * dependencies stay outside (CLI_EXTERNAL): required from node_modules only by the paths that need them,
 * so a plain check does not even read them.
 */
/**
 * Left in node_modules: the formula libraries (only a workbook or --rules with 审核公式 evaluates them),
 * ExcelJS (template, check --summary) and docx (narrative --docx) — megabytes that `check` never runs.
 */
const CLI_EXTERNAL = ["@formulajs/formulajs", "@borgar/fx", "exceljs", "docx"];

function cliConfig() {
  return {
    mode: "production",
    target: "node20",
    devtool: false,
    entry: { jixiao: "./src/cli/index.ts", worker: "./src/cli/worker.ts" },
    output: {
      path: path.resolve(__dirname, "dist", "bundle"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
      // Always write the files, even when unchanged: bin/jixiao.js runs the bundle only when it is newer
      // than dist/cli (tsc runs first in `npm run build`), so a bundle left with its old time after a
      // rebuild would silently send every command to the slower tsc modules.
      compareBeforeEmit: false,
    },
    // __dirname is the bundle's own folder (pool.ts finds worker.js there).
    node: { __dirname: false, __filename: false },
    resolve: {
      extensions: [".ts", ".js", ".json"],
      // fflate's Node build requires worker_threads when it is loaded, for its asynchronous functions
      // (≈ 2 ms of every `jixiao check`: node:worker_threads and the modules it loads). The light reader
      // uses unzipSync only, which is the same code in the browser build (fflate's own "fflate/browser"
      // export; the two files differ only in how they start a worker). Do not use fflate's asynchronous
      // functions in the CLI: they would look for a browser Worker. test/cli/install.test.ts checks that
      // `check` loads no worker_threads.
      alias: { fflate$: "fflate/browser" },
    },
    externals: Object.fromEntries(CLI_EXTERNAL.map((name) => [name, `commonjs ${name}`])),
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.build.json"),
              compilerOptions: { module: "esnext", sourceMap: false },
            },
          },
        },
      ],
    },
    optimization: {
      minimize: true,
      minimizeOptions: { javascript: { compress: false, mangle: { keep_fnames: true, keep_classnames: true }, format: { ascii_only: true, comments: false } } },
      moduleIds: "named",
      chunkIds: "named",
    },
    performance: { hints: false },
  };
}

function paneConfig(env = {}, argv = {}) {
  const production = argv.mode !== "development";
  const officeJs = officeJsUrl(process.env);
  const certs = production ? undefined : devCerts();
  if (!production && env.WEBPACK_SERVE && !certs) {
    console.warn(
      "[jixiao] 未找到 ~/.office-addin-dev-certs 中的证书，开发服务器使用 http://localhost:3000（Office 只加载 https 任务窗格；" +
        "需要时先运行 npx office-addin-dev-certs install）。",
    );
  }
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "eval-cheap-module-source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-web"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`'s job; the bundle only needs transpiling.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so that webpack can tree-shake Fluent UI and the named icon imports.
              compilerOptions: { module: "esnext", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        // Body, not head: the first screen's inline scripts run before it (PaintFirstPlugin moves it anyway).
        inject: "body",
        // The first screen (title, toolbar, a live 检查我的报表), rendered here with Fluent's own components.
        templateParameters: { shell: renderPaneShell() },
      }),
      // The manifest's FunctionFile: Office loads it (hidden) for ribbon commands; ours has none beyond
      // ShowTaskpane, so it only needs office.js and onReady.
      new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: [],
        inject: false,
        templateContent:
          '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>绩效自评助手</title>' +
          `<script src="${OFFICE_JS_CDN}"></script>` +
          '<script>if (typeof Office !== "undefined") Office.onReady(function () {});</script>' +
          "</head><body></body></html>",
      }),
      // The manifest's SupportUrl: the Chinese help page, a static file.
      new HtmlWebpackPlugin({ template: "./src/help/help.html", filename: "help.html", chunks: [], inject: false, minify: false }),
      new EmitIconsPlugin(),
      ...(officeJs !== OFFICE_JS_CDN ? [new OfficeJsUrlPlugin(officeJs)] : []),
      new PaintFirstPlugin(),
      ...(production ? [new GzipBudgetPlugin(FIRST_CHUNK_GZIP_BUDGET)] : []),
    ],
    // webpack's size hints, uncompressed, as errors: the first chunk is about 440 KiB minified (≈ 133 KiB
    // gzipped); no JavaScript file, first or lazy, may pass 480 KiB. Templates and icons are not code.
    performance: production
      ? { hints: "error", maxEntrypointSize: 480 * 1024, maxAssetSize: 480 * 1024, assetFilter: (file) => file.endsWith(".js") }
      : { hints: false },
    devServer: {
      port: 3000,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certs ? { type: "https", options: certs } : { type: "http" },
      static: [{ directory: ASSETS, publicPath: "/assets" }],
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

/** `webpack` builds the pane; scripts/build-cli.js builds the command line from `cliConfig`. */
module.exports = paneConfig;
module.exports.cliConfig = cliConfig;
module.exports.FIRST_CHUNK_GZIP_BUDGET = FIRST_CHUNK_GZIP_BUDGET;
module.exports.GzipBudgetPlugin = GzipBudgetPlugin;
