#!/usr/bin/env node
"use strict";
/**
 * Build the WPS 表格 add-in without Kingsoft's wpsjs CLI (which needs a WPS client and interactive prompts,
 * see ../shared/toolchain.md):
 *
 *   npm run build:web            # the task pane (dist-web/), once
 *   npm run build:wps -- [--server-url http://host/jsaddons/] [--out dist-wps] [--web dist-web]
 *
 * Output (dist-wps/):
 *   jixiao_<version>/            the add-in folder (WPS's "name_version" convention)
 *     ribbon.xml                 a 绩效自评 tab with one button
 *     index.html + main.js       the entry page: ribbon callbacks, before-save check (src/hosts/wps/addin-main.ts)
 *     images/                    ribbon icons
 *     taskpane/                  the task pane from dist-web/, without the office.js CDN script
 *   publish.xml                  single machine: goes to the user's jsaddons folder beside jixiao_<version>/
 *   jsplugins.xml                intranet server: served next to jixiao_<version>/, named in oem.ini
 *   oem.ini.txt                  the two oem.ini lines of the server mode
 *   install-linux.sh, install-windows.ps1   single-machine installers (copy + publish.xml entry)
 * docs/wps.md explains both modes step by step.
 */
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** The add-in's name in publish.xml/jsplugins.xml; also the folder prefix. */
const ADDIN_NAME = "jixiao";
/** Placeholder until the administrator passes --server-url (docs/wps.md says where it is used). */
const DEFAULT_SERVER_URL = "http://wps-addins.example.gov.cn/jsaddons/";

/** The ribbon ids, image and pane path: kept in one place with the entry page (src/hosts/wps/ribbon.ts). */
const RIBBON = {
  tab: "jxTab",
  group: "jxGroup",
  openPane: "jxOpenPane",
  image: "images/icon-32.png",
  pane: "taskpane/taskpane.html",
};

function parseArgs(argv) {
  const opts = { out: path.join(root, "dist-wps"), web: path.join(root, "dist-web"), serverUrl: process.env.JIXIAO_WPS_SERVER_URL || DEFAULT_SERVER_URL, allowMissingPane: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} 需要一个值`);
      return argv[++i];
    };
    if (a === "--out") opts.out = path.resolve(next());
    else if (a === "--web") opts.web = path.resolve(next());
    else if (a === "--server-url") opts.serverUrl = next();
    else if (a === "--allow-missing-pane") opts.allowMissingPane = true;
    else throw new Error(`未知参数 ${a}`);
  }
  if (!/^https?:\/\//.test(opts.serverUrl)) throw new Error(`--server-url 须以 http:// 或 https:// 开头：${opts.serverUrl}`);
  if (!opts.serverUrl.endsWith("/")) opts.serverUrl += "/";
  return opts;
}

function xmlEscape(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function ribbonXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="${RIBBON.tab}" label="绩效自评">
        <group id="${RIBBON.group}" label="绩效自评">
          <button id="${RIBBON.openPane}" label="自评助手" size="large" onAction="OnAction" getImage="GetImage"
                  screentip="打开绩效自评助手" supertip="检查、计算并填写预算绩效自评表；再次点击可隐藏任务窗格。"/>
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;
}

function indexHtml() {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>绩效自评助手（WPS 加载项入口）</title>
    <script src="main.js"></script>
  </head>
  <body></body>
</html>
`;
}

/** Single machine: the add-in folder sits beside publish.xml in jsaddons, so the url is the folder name. */
function publishXml(folder) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${xmlEscape(folder)}" version="${xmlEscape(pkg.version)}" enable="enable"/>
</jsplugins>
`;
}

/** Intranet server: WPS loads the add-in from the server each time (online mode). */
function jspluginsXml(url) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlEscape(url)}" version="${xmlEscape(pkg.version)}" enable="enable"/>
</jsplugins>
`;
}

function oemIni(serverUrl) {
  return `; 加入每台电脑 WPS 安装目录下 office6/cfgs/oem.ini（已有的节名不要重复，把这两行并入对应节）
[Support]
JsApiPlugin=true

[Server]
JSPluginsServer=${serverUrl}jsplugins.xml
`;
}

function installLinux(folder) {
  return `#!/bin/sh
# 单机安装绩效自评助手（WPS 表格加载项）：复制加载项并在 publish.xml 中登记。
set -e
here="$(cd "$(dirname "$0")" && pwd)"
dir="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$dir"
rm -rf "$dir/${folder}"
cp -R "$here/${folder}" "$dir/${folder}"
entry='  <jsplugin name="${ADDIN_NAME}" type="et" url="${folder}" version="${pkg.version}" enable="enable"/>'
if [ -f "$dir/publish.xml" ]; then
  cp "$dir/publish.xml" "$dir/publish.xml.bak"
  # drop an older jixiao entry, keep everything else, add ours before </jsplugins>
  grep -v 'name="${ADDIN_NAME}"' "$dir/publish.xml.bak" | sed "s#</jsplugins>#$entry\\n</jsplugins>#" > "$dir/publish.xml"
else
  cp "$here/publish.xml" "$dir/publish.xml"
fi
echo "已安装到 $dir/${folder}。请完全退出 WPS 后重新打开表格，在“绩效自评”选项卡点击“自评助手”。"
`;
}

function installWindows(folder) {
  return `# 单机安装绩效自评助手（WPS 表格加载项）：复制加载项并在 publish.xml 中登记。
# 用法：右键“使用 PowerShell 运行”，或 powershell -ExecutionPolicy Bypass -File install-windows.ps1
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$dir = Join-Path $env:APPDATA "kingsoft\\wps\\jsaddons"
New-Item -ItemType Directory -Force -Path $dir | Out-Null
$target = Join-Path $dir "${folder}"
if (Test-Path $target) { Remove-Item -Recurse -Force $target }
Copy-Item -Recurse (Join-Path $here "${folder}") $target
$entry = '  <jsplugin name="${ADDIN_NAME}" type="et" url="${folder}" version="${pkg.version}" enable="enable"/>'
$publish = Join-Path $dir "publish.xml"
if (Test-Path $publish) {
  Copy-Item $publish "$publish.bak" -Force
  $lines = Get-Content $publish -Encoding UTF8 | Where-Object { $_ -notmatch 'name="${ADDIN_NAME}"' }
  $text = ($lines -join [Environment]::NewLine) -replace '</jsplugins>', ($entry + [Environment]::NewLine + '</jsplugins>')
  [IO.File]::WriteAllText($publish, $text, (New-Object Text.UTF8Encoding $false))
} else {
  Copy-Item (Join-Path $here "publish.xml") $publish
}
Write-Host "已安装到 $target。请完全退出 WPS 后重新打开表格，在“绩效自评”选项卡点击“自评助手”。"
`;
}

/** Copy dist-web into the add-in, without office.js: WPS is detected first, and an intranet may not reach the CDN. */
function copyPane(web, dest) {
  fs.mkdirSync(dest, { recursive: true });
  for (const entry of fs.readdirSync(web, { withFileTypes: true })) {
    const from = path.join(web, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) {
      copyPane(from, to);
    } else if (entry.name === "commands.html") {
      continue; // Office's FunctionFile; WPS uses index.html instead
    } else if (entry.name.endsWith(".html")) {
      const html = fs.readFileSync(from, "utf8").replace(/<script[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com[^>]*>\s*<\/script>\s*/g, "");
      fs.writeFileSync(to, html);
    } else {
      fs.copyFileSync(from, to);
    }
  }
}

function placeholderPane(dest) {
  fs.mkdirSync(dest, { recursive: true });
  fs.writeFileSync(
    path.join(dest, "taskpane.html"),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>绩效自评助手</title></head>' +
      "<body><p>任务窗格尚未构建：请在项目中运行 npm run build:web 后再运行 npm run build:wps。</p></body></html>\n",
  );
}

/** Bundle the entry page script with webpack (the same toolchain as the task pane, no extra dependency). */
function bundleMain(outDir) {
  const webpack = require("webpack");
  const config = {
    mode: "production",
    target: ["web", "es2017"],
    devtool: false,
    entry: path.join(root, "src", "hosts", "wps", "addin-main.ts"),
    output: { path: outDir, filename: "main.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json"), compilerOptions: { module: "esnext", target: "es2017" } },
          },
        },
      ],
    },
    performance: { hints: false },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const folder = `${ADDIN_NAME}_${pkg.version}`;
  const addin = path.join(opts.out, folder);
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(addin, { recursive: true });

  await bundleMain(addin);
  fs.writeFileSync(path.join(addin, "ribbon.xml"), ribbonXml());
  fs.writeFileSync(path.join(addin, "index.html"), indexHtml());
  fs.mkdirSync(path.join(addin, "images"), { recursive: true });
  for (const size of [16, 32, 64]) {
    const icon = path.join(root, "assets", `icon-${size}.png`);
    if (fs.existsSync(icon)) fs.copyFileSync(icon, path.join(addin, "images", `icon-${size}.png`));
  }

  const pane = path.join(addin, "taskpane");
  let paneNote = "task pane copied from dist-web";
  if (fs.existsSync(path.join(opts.web, "taskpane.html"))) {
    copyPane(opts.web, pane);
  } else if (opts.allowMissingPane) {
    placeholderPane(pane);
    paneNote = "PLACEHOLDER task pane (dist-web missing: run npm run build:web)";
  } else {
    throw new Error(`找不到任务窗格 ${path.join(opts.web, "taskpane.html")}：请先运行 npm run build:web（the task pane is not built）`);
  }

  fs.writeFileSync(path.join(opts.out, "publish.xml"), publishXml(folder));
  fs.writeFileSync(path.join(opts.out, "jsplugins.xml"), jspluginsXml(`${opts.serverUrl}${folder}/`));
  fs.writeFileSync(path.join(opts.out, "oem.ini.txt"), oemIni(opts.serverUrl));
  fs.writeFileSync(path.join(opts.out, "install-linux.sh"), installLinux(folder), { mode: 0o755 });
  fs.writeFileSync(path.join(opts.out, "install-windows.ps1"), installWindows(folder));
  const serverNote = opts.serverUrl === DEFAULT_SERVER_URL ? " (placeholder: pass --server-url for the intranet mode)" : "";
  process.stdout.write(`build:wps: ${path.relative(root, opts.out) || opts.out}/${folder} — ${paneNote}; jsplugins.xml → ${opts.serverUrl}${folder}/${serverNote}\n`);
}

main().catch((err) => {
  process.stderr.write(`build:wps: ${err && err.message ? err.message : String(err)}\n`);
  process.exit(1);
});
