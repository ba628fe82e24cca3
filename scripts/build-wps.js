#!/usr/bin/env node
"use strict";
/**
 * Build the WPS 表格 add-in without Kingsoft's wpsjs CLI (which needs a WPS client and interactive prompts,
 * see ../shared/toolchain.md):
 *
 *   npm run build:wps -- [--server-url http://host/jsaddons/] [--merge-jsplugins current-jsplugins.xml]
 *                        [--out dist-wps] [--web dist-web]
 *
 * It builds the task pane first when dist-web/ is missing (npm run build:web).
 *
 * Output (dist-wps/):
 *   jixiao_<version>/            the add-in folder (WPS's "name_version" convention)
 *     ribbon.xml                 a 绩效自评 tab with one button
 *     index.html + main.js       the entry page: ribbon callbacks, before-save check (src/hosts/wps/addin-main.ts)
 *     images/                    ribbon icons
 *     taskpane/                  the task pane from dist-web/, without the office.js CDN script
 *   jixiao.7z                    the offline package (the folder above, packed as `wpsjs build` packs it)
 *   publish.xml                  single machine: goes to the user's jsaddons folder beside jixiao_<version>/
 *   jsplugins.xml                intranet server, online mode: <jspluginonline> → the folder on the server
 *   jsplugins-offline.xml        intranet server, offline mode: <jsplugin> → jixiao.7z (WPS caches it per version)
 *   oem.ini.txt                  the oem.ini lines of the server modes
 *   install-linux.sh, install-windows.ps1, uninstall-windows.ps1   single-machine installers
 * With --merge-jsplugins, both jsplugins files are that list plus our entry (other add-ins kept; the given
 * file itself is never written). docs/wps.md explains every mode step by step.
 */
const fs = require("fs");
const path = require("path");

const { spawnSync } = require("child_process");
const wpsXml = require("./wps-xml");

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

/** Bad input (arguments, a malformed list): one sentence, exit 2. */
class UsageError extends Error {}

function parseArgs(argv) {
  const defaultWeb = path.join(root, "dist-web");
  const opts = { out: path.join(root, "dist-wps"), web: defaultWeb, webGiven: false, serverUrl: process.env.JIXIAO_WPS_SERVER_URL || DEFAULT_SERVER_URL, allowMissingPane: false, mergeJsplugins: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} 需要一个值`);
      return argv[++i];
    };
    if (a === "--out") opts.out = path.resolve(next());
    else if (a === "--web") {
      opts.web = path.resolve(next());
      opts.webGiven = true;
    } else if (a === "--merge-jsplugins") opts.mergeJsplugins = path.resolve(next());
    else if (a === "--server-url") opts.serverUrl = next();
    else if (a === "--allow-missing-pane") opts.allowMissingPane = true;
    else throw new UsageError(`未知参数 ${a}`);
  }
  if (!/^https?:\/\//.test(opts.serverUrl)) throw new UsageError(`--server-url 须以 http:// 或 https:// 开头：${opts.serverUrl}`);
  if (!opts.serverUrl.endsWith("/")) opts.serverUrl += "/";
  return opts;
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
function publishEntry(folder) {
  return { kind: "jsplugin", name: ADDIN_NAME, type: "et", url: folder, version: pkg.version, enable: "enable" };
}

/** Intranet server, online mode: WPS loads the add-in from the server each time it starts. */
function onlineEntry(url) {
  return { kind: "jspluginonline", name: ADDIN_NAME, type: "et", url, version: pkg.version, enable: "enable" };
}

/** Intranet server, offline mode: WPS downloads the .7z once per version and runs its local copy. */
function offlineEntry(url) {
  return { kind: "jsplugin", name: ADDIN_NAME, type: "et", url, version: pkg.version, enable: "enable" };
}

function oemIni(serverUrl) {
  return `; 加入每台电脑 WPS 安装目录下 office6/cfgs/oem.ini（已有的节名不要重复，把这两行并入对应节）。
; 一台电脑只有一个 JSPluginsServer：若已指向别的服务器（例如公文系统），不要改写，把我们的条目并入那个 jsplugins.xml。
; 离线方式：把服务器上的 jsplugins-offline.xml 改名为 jsplugins.xml（或并入已有的 jsplugins.xml），本行不变。
[Support]
JsApiPlugin=true

[Server]
JSPluginsServer=${serverUrl}jsplugins.xml
`;
}

/**
 * Linux single-machine installer. publish.xml is edited with Python's xml.dom.minidom (python3 ships with
 * UOS and Kylin), with the same rules as scripts/wps-xml.js: a malformed list is refused before anything is
 * copied, other add-ins are kept, a backup is left beside it.
 */
function installLinux(folder) {
  return `#!/bin/sh
# 单机安装绩效自评助手（WPS 表格加载项）：复制加载项并在 publish.xml 中登记（保留其他加载项）。
set -e
here="$(cd "$(dirname "$0")" && pwd)"
dir="$HOME/.local/share/Kingsoft/wps/jsaddons"
if ! command -v python3 >/dev/null 2>&1; then
  echo "未找到 python3，无法安全地修改 publish.xml；请按 docs/wps.md 手工安装。" >&2
  exit 2
fi
mkdir -p "$dir"
publish="$dir/publish.xml"
# Check and merge first, into a temporary file: nothing is changed when publish.xml cannot be read.
tmp="$dir/.publish.xml.jixiao-tmp"
JX_PUBLISH="$publish" JX_OUT="$tmp" JX_NAME="${ADDIN_NAME}" JX_URL="${folder}" JX_VERSION="${pkg.version}" python3 - <<'PY'
import os, re, sys
from xml.dom import minidom
from xml.parsers.expat import ExpatError
path, out = os.environ["JX_PUBLISH"], os.environ["JX_OUT"]
name = os.environ["JX_NAME"]
text = ""
if os.path.exists(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8-sig", errors="strict")
bom = os.path.exists(path) and open(path, "rb").read(3) == b"\\xef\\xbb\\xbf"
if not text.strip():
    text = '<?xml version="1.0" encoding="UTF-8"?>\\n<jsplugins>\\n</jsplugins>\\n'
try:
    doc = minidom.parseString(text.encode("utf-8"))
except ExpatError as e:
    sys.stderr.write("%s 不是格式正确的 XML（%s），未作任何修改。\\n" % (path, e))
    sys.exit(2)
root = doc.documentElement
if root.tagName != "jsplugins":
    sys.stderr.write("%s 的根元素是 <%s> 而不是 <jsplugins>，不是 WPS 加载项列表，未作任何修改。\\n" % (path, root.tagName))
    sys.exit(2)
kids = list(root.childNodes)
has_entries = any(n.nodeType == n.ELEMENT_NODE for n in kids)
indent = "" if has_entries or (kids and "\\n" not in "".join(n.data for n in kids if n.nodeType == n.TEXT_NODE)) else "\\n  "
for i, n in enumerate(kids):
    if n.nodeType == n.TEXT_NODE and "\\n" in n.data and i + 1 < len(kids) and kids[i + 1].nodeType == n.ELEMENT_NODE:
        indent = n.data[n.data.rfind("\\n"):]
        break
for n in list(root.childNodes):
    if n.nodeType == n.ELEMENT_NODE and n.tagName in ("jsplugin", "jspluginonline") and n.getAttribute("name") == name:
        prev = n.previousSibling
        if prev is not None and prev.nodeType == prev.TEXT_NODE and not prev.data.strip():
            root.removeChild(prev)
        root.removeChild(n)
el = doc.createElement("jsplugin")
for k, v in (("name", name), ("type", "et"), ("url", os.environ["JX_URL"]), ("version", os.environ["JX_VERSION"]), ("enable", "enable")):
    el.setAttribute(k, v)
last = root.lastChild
closing = last if last is not None and last.nodeType == last.TEXT_NODE and not last.data.strip() else None
if indent:
    root.insertBefore(doc.createTextNode(indent), closing)
root.insertBefore(el, closing)
if indent and closing is None:
    root.appendChild(doc.createTextNode("\\n"))
m = re.match(r"\\s*(<\\?xml[^>]*\\?>)", text)
decl = m.group(1) if m else '<?xml version="1.0" encoding="UTF-8"?>'
body = "".join(n.toxml() for n in doc.childNodes)
with open(out, "wb") as f:
    f.write(((u"\\ufeff" if bom else u"") + decl + "\\n" + body + "\\n").encode("utf-8"))
PY
rm -rf "$dir/${folder}"
cp -R "$here/${folder}" "$dir/${folder}"
if [ -f "$publish" ]; then cp "$publish" "$publish.bak"; fi
mv "$tmp" "$publish"
echo "已安装到 $dir/${folder}。请完全退出 WPS 后重新打开表格，在“绩效自评”选项卡点击“自评助手”。"
`;
}

/** UTF-8 with BOM: Windows PowerShell 5.1 reads a .ps1 without one in the ANSI code page (GBK), garbling Chinese. */
function writePs1(file, text) {
  fs.writeFileSync(file, `\uFEFF${text.replace(/\r?\n/g, "\r\n")}`, "utf8");
}

/** The PowerShell that loads publish.xml with System.Xml, or stops (exit 2) with one sentence. */
function psLoadPublish() {
  return `function Read-Publish($publish) {
  $doc = New-Object System.Xml.XmlDocument
  $doc.PreserveWhitespace = $true
  if ((Test-Path $publish) -and ((Get-Content -Raw -Encoding UTF8 $publish) -match '\\S')) {
    try { $doc.Load($publish) } catch {
      Write-Host "$publish 不是格式正确的 XML（$($_.Exception.GetBaseException().Message)），未作任何修改。"
      exit 2
    }
    if ($doc.DocumentElement.Name -ne 'jsplugins') {
      Write-Host "$publish 的根元素是 <$($doc.DocumentElement.Name)> 而不是 <jsplugins>，不是 WPS 加载项列表，未作任何修改。"
      exit 2
    }
  } else {
    $doc.LoadXml("<?xml version=\`"1.0\`" encoding=\`"UTF-8\`"?>\`n<jsplugins>\`n</jsplugins>")
  }
  return ,$doc
}

function Remove-Ours($doc) {
  $root = $doc.DocumentElement
  foreach ($n in @($root.ChildNodes)) {
    if ($n.NodeType -eq [System.Xml.XmlNodeType]::Element -and ($n.Name -eq 'jsplugin' -or $n.Name -eq 'jspluginonline') -and $n.GetAttribute('name') -eq '${ADDIN_NAME}') {
      $prev = $n.PreviousSibling
      if ($prev -ne $null -and $prev.NodeType -eq [System.Xml.XmlNodeType]::Whitespace) { [void]$root.RemoveChild($prev) }
      [void]$root.RemoveChild($n)
    }
  }
}

function Save-Publish($doc, $publish) {
  if (Test-Path $publish) { Copy-Item $publish "$publish.bak" -Force }
  $settings = New-Object System.Xml.XmlWriterSettings
  $settings.Encoding = New-Object System.Text.UTF8Encoding $false
  $writer = [System.Xml.XmlWriter]::Create($publish, $settings)
  try { $doc.Save($writer) } finally { $writer.Close() }
}
`;
}

/**
 * Windows single-machine installer: publish.xml edited with .NET's System.Xml (the same rules as
 * scripts/wps-xml.js), checked before anything is copied.
 */
function installWindows(folder) {
  return `# 单机安装绩效自评助手（WPS 表格加载项）：复制加载项并在 publish.xml 中登记（保留其他加载项）。
# 用法：右键“使用 PowerShell 运行”，或 powershell -ExecutionPolicy Bypass -File install-windows.ps1
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$dir = Join-Path $env:APPDATA "kingsoft\\wps\\jsaddons"
New-Item -ItemType Directory -Force -Path $dir | Out-Null
$publish = Join-Path $dir "publish.xml"
${psLoadPublish()}
# Check publish.xml first: nothing is copied or changed when it cannot be read.
$doc = Read-Publish $publish
$root = $doc.DocumentElement
# The indentation the list already uses before its entries; none in a one-line file.
$indent = ""
foreach ($n in @($root.ChildNodes)) {
  if ($n.NodeType -eq [System.Xml.XmlNodeType]::Whitespace -and $n.Value.Contains("\`n") -and $n.NextSibling -ne $null -and $n.NextSibling.NodeType -eq [System.Xml.XmlNodeType]::Element) {
    $indent = $n.Value.Substring($n.Value.LastIndexOf("\`n")); break
  }
}
if (@($root.ChildNodes | Where-Object { $_.NodeType -eq [System.Xml.XmlNodeType]::Element }).Count -eq 0 -and ($root.ChildNodes.Count -eq 0 -or $root.InnerText.Contains("\`n"))) { $indent = "\`n  " }
Remove-Ours $doc
$el = $doc.CreateElement("jsplugin")
$el.SetAttribute("name", "${ADDIN_NAME}")
$el.SetAttribute("type", "et")
$el.SetAttribute("url", "${folder}")
$el.SetAttribute("version", "${pkg.version}")
$el.SetAttribute("enable", "enable")
$closing = $root.LastChild
if ($closing -ne $null -and $closing.NodeType -ne [System.Xml.XmlNodeType]::Whitespace) { $closing = $null }
if ($indent -ne "") { [void]$root.InsertBefore($doc.CreateWhitespace($indent), $closing) }
[void]$root.InsertBefore($el, $closing)
if ($indent -ne "" -and $closing -eq $null) { [void]$root.AppendChild($doc.CreateWhitespace("\`n")) }

$target = Join-Path $dir "${folder}"
if (Test-Path $target) { Remove-Item -Recurse -Force $target }
Copy-Item -Recurse (Join-Path $here "${folder}") $target
Save-Publish $doc $publish
Write-Host "已安装到 $target。请完全退出 WPS 后重新打开表格，在“绩效自评”选项卡点击“自评助手”。"
`;
}

/** Windows uninstaller: removes our entry and folders, keeps every other add-in. */
function uninstallWindows() {
  return `# 卸载绩效自评助手（WPS 表格加载项）：从 publish.xml 中删除本加载项（保留其他加载项）并删除其文件夹。
$ErrorActionPreference = "Stop"
$dir = Join-Path $env:APPDATA "kingsoft\\wps\\jsaddons"
$publish = Join-Path $dir "publish.xml"
${psLoadPublish()}
if (Test-Path $publish) {
  $doc = Read-Publish $publish
  Remove-Ours $doc
  Save-Publish $doc $publish
}
Get-ChildItem -Directory $dir -Filter "${ADDIN_NAME}_*" -ErrorAction SilentlyContinue | Remove-Item -Recurse -Force
Write-Host "已卸载绩效自评助手。请完全退出 WPS 后重新打开。"
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

/** A 7-Zip command on PATH (p7zip's 7z/7za, 7-Zip's 7zz), or undefined. */
function find7z() {
  for (const cmd of ["7z", "7za", "7zz", "7zr"]) {
    const r = spawnSync(cmd, ["i"], { stdio: "ignore" });
    if (!r.error && r.status === 0) return cmd;
  }
  return undefined;
}

/** The offline package as `wpsjs build` makes it: <name>.7z holding the <name>_<version>/ folder. */
function pack7z(sevenZip, outDir, folder) {
  const archive = path.join(outDir, `${ADDIN_NAME}.7z`);
  const r = spawnSync(sevenZip, ["a", "-t7z", "-mx=9", "-bd", "-y", archive, folder], { cwd: outDir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${sevenZip} 打包失败：${(r.stderr || r.stdout || "").trim().split("\n").pop()}`);
  return archive;
}

/** Build the task pane (what `npm run build:web` does) when dist-web/ has none. */
function buildWeb() {
  const webpack = require("webpack");
  const config = require(path.join(root, "webpack.config.js"))({}, { mode: "production" });
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
  // Read and check the administrator's list before anything is built or written.
  let existing;
  if (opts.mergeJsplugins) {
    if (!fs.existsSync(opts.mergeJsplugins)) throw new UsageError(`找不到 --merge-jsplugins 指定的文件 ${opts.mergeJsplugins}`);
    existing = fs.readFileSync(opts.mergeJsplugins, "utf8");
    wpsXml.parseList(existing, opts.mergeJsplugins);
  }

  const folder = `${ADDIN_NAME}_${pkg.version}`;
  const addin = path.join(opts.out, folder);

  let paneNote = "task pane copied from dist-web";
  if (!fs.existsSync(path.join(opts.web, "taskpane.html")) && !opts.webGiven && !opts.allowMissingPane) {
    process.stdout.write("build:wps: dist-web/ has no task pane yet: building it first (npm run build:web)\n");
    await buildWeb();
    paneNote = "task pane built and copied from dist-web";
  }

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
  if (fs.existsSync(path.join(opts.web, "taskpane.html"))) {
    copyPane(opts.web, pane);
  } else if (opts.allowMissingPane) {
    placeholderPane(pane);
    paneNote = "PLACEHOLDER task pane (dist-web missing: run npm run build:web)";
  } else {
    throw new UsageError(`找不到任务窗格 ${path.join(opts.web, "taskpane.html")}：请先运行 npm run build:web（the task pane is not built）`);
  }

  const sevenZip = find7z();
  let offlineNote;
  if (sevenZip) {
    pack7z(sevenZip, opts.out, folder);
    fs.writeFileSync(path.join(opts.out, "jsplugins-offline.xml"), wpsXml.upsertEntry(existing, offlineEntry(`${opts.serverUrl}${ADDIN_NAME}.7z`), "jsplugins-offline.xml"));
    offlineNote = `offline package ${ADDIN_NAME}.7z + jsplugins-offline.xml`;
  } else {
    offlineNote = "NO offline package: 7-Zip not found (apt-get install p7zip-full, or 7-Zip on Windows), online and single-machine modes only";
  }

  fs.writeFileSync(path.join(opts.out, "publish.xml"), wpsXml.upsertEntry(undefined, publishEntry(folder), "publish.xml"));
  fs.writeFileSync(path.join(opts.out, "jsplugins.xml"), wpsXml.upsertEntry(existing, onlineEntry(`${opts.serverUrl}${folder}/`), "jsplugins.xml"));
  fs.writeFileSync(path.join(opts.out, "oem.ini.txt"), oemIni(opts.serverUrl));
  fs.writeFileSync(path.join(opts.out, "install-linux.sh"), installLinux(folder), { mode: 0o755 });
  writePs1(path.join(opts.out, "install-windows.ps1"), installWindows(folder));
  writePs1(path.join(opts.out, "uninstall-windows.ps1"), uninstallWindows());
  const serverNote = opts.serverUrl === DEFAULT_SERVER_URL ? " (placeholder: pass --server-url for the intranet modes)" : "";
  const mergeNote = existing !== undefined ? `; merged into the list of ${opts.mergeJsplugins}` : "";
  process.stdout.write(`build:wps: ${path.relative(root, opts.out) || opts.out}/${folder} — ${paneNote}; ${offlineNote}; jsplugins.xml → ${opts.serverUrl}${folder}/${serverNote}${mergeNote}\n`);
}

main().catch((err) => {
  const usage = err instanceof UsageError || (err && err.name === "WPSListError");
  process.stderr.write(`build:wps: ${err && err.message ? err.message : String(err)}\n`);
  process.exit(usage ? 2 : 1);
});
