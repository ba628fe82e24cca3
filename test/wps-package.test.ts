/**
 * `npm run build:wps` (scripts/build-wps.js): the package has its files, ribbon.xml parses and names
 * callbacks the entry page defines, the button opens a task pane that exists in the package, the publish
 * files point where the files are, the offline .7z holds the add-in folder, the installers keep other
 * add-ins and refuse a malformed publish.xml without changing it, and every .ps1 has a UTF-8 BOM.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { JSDOM } from "jsdom";
import { FakeApplication } from "./hosts/fakes/et-fake";

const root = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
const SERVER = "http://jxserver.intranet.test/wps/";
const FOLDER = `jixiao_${pkg.version}`;

function parseXml(file: string): Document {
  const doc = new JSDOM(fs.readFileSync(file, "utf8"), { contentType: "text/xml" }).window.document;
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

describe("build:wps", () => {
  let out: string;
  let addin: string;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "jx-wps-"));
    // As an administrator runs it: the task pane comes from dist-web/, built first when it is missing.
    execFileSync(process.execPath, [path.join(root, "scripts", "build-wps.js"), "--out", out, "--server-url", SERVER], { stdio: "pipe", timeout: 280000 });
    addin = path.join(out, FOLDER);
  }, 300000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test("produces the add-in folder (name_version) and the publish files", () => {
    for (const f of ["ribbon.xml", "index.html", "main.js", "images/icon-32.png", "taskpane/taskpane.html"]) {
      expect({ f, exists: fs.existsSync(path.join(addin, f)) }).toEqual({ f, exists: true });
    }
    for (const f of ["publish.xml", "jsplugins.xml", "jsplugins-offline.xml", "jixiao.7z", "oem.ini.txt", "install-linux.sh", "install-windows.ps1", "uninstall-windows.ps1"]) {
      expect({ f, exists: fs.existsSync(path.join(out, f)) }).toEqual({ f, exists: true });
    }
    expect(fs.readFileSync(path.join(addin, "index.html"), "utf8")).toContain('<script src="main.js"></script>');
  });

  test("ribbon.xml parses: a 绩效自评 tab and group with one button", () => {
    const doc = parseXml(path.join(addin, "ribbon.xml"));
    const tab = doc.getElementsByTagName("tab")[0];
    expect(tab.getAttribute("label")).toBe("绩效自评");
    expect(tab.getElementsByTagName("group")[0].getAttribute("label")).toBe("绩效自评");
    const button = tab.getElementsByTagName("button")[0];
    expect(button.getAttribute("onAction")).toBe("OnAction");
    expect(doc.documentElement.getAttribute("onLoad")).toBe("OnAddinLoad");
  });

  test("main.js defines every callback ribbon.xml names; the button opens a task pane that is in the package", () => {
    const doc = parseXml(path.join(addin, "ribbon.xml"));
    const callbacks = new Set<string>();
    for (const el of Array.from(doc.getElementsByTagName("*"))) {
      for (const attr of ["onLoad", "onAction", "getImage", "getLabel", "getEnabled", "getVisible"]) {
        const v = el.getAttribute(attr);
        if (v) callbacks.add(v);
      }
    }
    const wps = new FakeApplication();
    const alerts: string[] = [];
    const page: Record<string, unknown> = {
      wps,
      location: { href: `file://${addin.replace(/\\/g, "/")}/index.html` },
      alert: (m: string) => alerts.push(m),
      confirm: () => true,
      URL,
    };
    vm.runInNewContext(fs.readFileSync(path.join(addin, "main.js"), "utf8"), page);
    for (const name of callbacks) expect({ name, type: typeof page[name] }).toEqual({ name, type: "function" });

    const call = (name: string, ...args: unknown[]): unknown => (page[name] as (...a: unknown[]) => unknown)(...args);
    expect(call("OnAddinLoad", {})).toBe(true);
    expect(wps.ApiEvent.listeners).toHaveLength(1); // the before-save check is installed

    const button = doc.getElementsByTagName("button")[0];
    const id = button.getAttribute("id")!;
    expect(call("OnAction", { Id: id })).toBe(true);
    expect(wps.panes).toHaveLength(1);
    expect(wps.panes[0].Visible).toBe(true);
    const paneFile = decodeURI(new URL(wps.panes[0].url).pathname);
    expect(fs.existsSync(paneFile)).toBe(true);
    expect(path.relative(addin, paneFile)).toBe(path.join("taskpane", "taskpane.html"));
    // A second click hides the same pane instead of opening another.
    call("OnAction", { Id: id });
    expect(wps.panes).toHaveLength(1);
    expect(wps.panes[0].Visible).toBe(false);

    const image = call("GetImage", { Id: id }) as string;
    expect(fs.existsSync(path.join(addin, image))).toBe(true);
    expect(alerts).toEqual([]);
  });

  test("the task pane is the real one (built when dist-web was missing) and does not load office.js from Microsoft's CDN", () => {
    const html = fs.readFileSync(path.join(addin, "taskpane", "taskpane.html"), "utf8");
    expect(html).not.toContain("appsforoffice.microsoft.com");
    expect(html).not.toContain("任务窗格尚未构建");
    expect(fs.existsSync(path.join(addin, "taskpane", "taskpane.js"))).toBe(true);
  });

  test("jixiao.7z (offline mode) holds the add-in folder as wpsjs packs it, and jsplugins-offline.xml points at it", () => {
    const listing = execFileSync("7z", ["l", "-slt", path.join(out, "jixiao.7z")], { encoding: "utf8" });
    const files = listing
      .split("\n")
      .filter((l) => l.startsWith("Path = "))
      .map((l) => l.slice("Path = ".length).replace(/\\/g, "/"));
    for (const f of ["ribbon.xml", "index.html", "main.js", "taskpane/taskpane.html", "taskpane/taskpane.js"]) expect(files).toContain(`${FOLDER}/${f}`);
    const entry = parseXml(path.join(out, "jsplugins-offline.xml")).getElementsByTagName("jsplugin")[0];
    expect([entry.getAttribute("name"), entry.getAttribute("type"), entry.getAttribute("version")]).toEqual(["jixiao", "et", pkg.version]);
    const url = entry.getAttribute("url")!;
    expect(url).toBe(`${SERVER}jixiao.7z`);
    expect(fs.existsSync(path.join(out, url.slice(SERVER.length)))).toBe(true);
    // The archive unpacks to the same files as the folder beside it.
    const unpacked = path.join(out, "unpacked");
    execFileSync("7z", ["x", "-y", `-o${unpacked}`, path.join(out, "jixiao.7z")], { stdio: "pipe" });
    expect(fs.readFileSync(path.join(unpacked, FOLDER, "main.js"))).toEqual(fs.readFileSync(path.join(addin, "main.js")));
  });

  test("every .ps1 is UTF-8 with a BOM (Windows PowerShell 5.1 reads it as GBK otherwise) and edits publish.xml with System.Xml", () => {
    const ps1 = fs.readdirSync(out).filter((f) => f.endsWith(".ps1"));
    expect(ps1.sort()).toEqual(["install-windows.ps1", "uninstall-windows.ps1"]);
    for (const f of ps1) {
      const bytes = fs.readFileSync(path.join(out, f));
      expect({ f, bom: [...bytes.subarray(0, 3)] }).toEqual({ f, bom: [0xef, 0xbb, 0xbf] });
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toContain("System.Xml.XmlDocument");
      expect(text).toContain("未作任何修改");
      // No text edits of the list (the old installer's -notmatch/-replace emptied one-line files).
      expect(text).not.toMatch(/-notmatch|-replace|Get-Content \$publish -Encoding/);
    }
  });

  test("publish.xml (single machine) names the add-in folder beside it, with the package version", () => {
    const entry = parseXml(path.join(out, "publish.xml")).getElementsByTagName("jsplugin")[0];
    expect({ name: entry.getAttribute("name"), type: entry.getAttribute("type"), version: entry.getAttribute("version"), enable: entry.getAttribute("enable") }).toEqual({
      name: "jixiao",
      type: "et",
      version: pkg.version,
      enable: "enable",
    });
    expect(fs.existsSync(path.join(out, entry.getAttribute("url")!, "ribbon.xml"))).toBe(true);
  });

  test("jsplugins.xml (intranet server) points at the add-in folder under --server-url, and oem.ini points at jsplugins.xml", () => {
    const entry = parseXml(path.join(out, "jsplugins.xml")).getElementsByTagName("jspluginonline")[0];
    expect(entry.getAttribute("name")).toBe("jixiao");
    expect(entry.getAttribute("type")).toBe("et");
    const url = entry.getAttribute("url")!;
    expect(url).toBe(`${SERVER}${FOLDER}/`);
    // Served as the output folder is laid out: the url's path below the server root is the add-in folder.
    expect(fs.existsSync(path.join(out, url.slice(SERVER.length), "ribbon.xml"))).toBe(true);
    const ini = fs.readFileSync(path.join(out, "oem.ini.txt"), "utf8");
    expect(ini).toContain(`JSPluginsServer=${SERVER}jsplugins.xml`);
    expect(ini).toContain("JsApiPlugin=true");
  });

  describe("install-linux.sh", () => {
    let n = 0;
    /** A fresh home whose jsaddons holds `publish` (or nothing), then the installer run there. */
    function install(publish: string | undefined) {
      const home = path.join(out, `home${++n}`);
      const jsaddons = path.join(home, ".local", "share", "Kingsoft", "wps", "jsaddons");
      fs.mkdirSync(jsaddons, { recursive: true });
      const file = path.join(jsaddons, "publish.xml");
      if (publish !== undefined) fs.writeFileSync(file, publish);
      const r = spawnSync("sh", [path.join(out, "install-linux.sh")], { env: { ...process.env, HOME: home }, encoding: "utf8" });
      return { r, jsaddons, file };
    }
    const entries = (file: string) =>
      Array.from(parseXml(file).documentElement.childNodes)
        .filter((e): e is Element => e.nodeType === 1)
        .map((e) => [e.nodeName, ...Array.from(e.attributes).map((a) => `${a.name}=${a.value}`)].join(" "));
    const OURS = `jsplugin name=jixiao type=et url=${FOLDER} version=${pkg.version} enable=enable`;

    test("no publish.xml yet: installs the folder and a list with our entry", () => {
      const { r, jsaddons, file } = install(undefined);
      expect(r.status).toBe(0);
      expect(fs.existsSync(path.join(jsaddons, FOLDER, "ribbon.xml"))).toBe(true);
      expect(entries(file)).toEqual([OURS]);
    });

    test("a one-line publish.xml that lists another add-in: both entries are there afterwards", () => {
      const { r, file } = install('<jsplugins><jspluginonline name="oa" type="wps" url="http://oa/" enable="enable"/></jsplugins>');
      expect(r.status).toBe(0);
      expect(entries(file)).toEqual(["jspluginonline name=oa type=wps url=http://oa/ enable=enable", OURS]);
      expect(fs.existsSync(`${file}.bak`)).toBe(true);
    });

    test("a multi-add-in publish.xml with an older jixiao: the others survive attribute for attribute, ours is replaced", () => {
      const multi = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        "<jsplugins>",
        "  <!-- 公文系统 -->",
        '  <jspluginonline name="oa" type="wps" url="http://oa.gov.test/addin/" enable="enable"/>',
        '  <jsplugin name="jixiao" type="et" url="jixiao_0.0.1" version="0.0.1" enable="enable"/>',
        '  <jsplugin name="dingmi" type="wps" url="dingmi_1.0.0" version="1.0.0" enable="enable_dev" install="null"/>',
        "</jsplugins>",
        "",
      ].join("\n");
      const { r, file } = install(`\uFEFF${multi}`);
      expect(r.status).toBe(0);
      expect(entries(file)).toEqual([
        "jspluginonline name=oa type=wps url=http://oa.gov.test/addin/ enable=enable",
        "jsplugin name=dingmi type=wps url=dingmi_1.0.0 version=1.0.0 enable=enable_dev install=null",
        OURS,
      ]);
      const text = fs.readFileSync(file, "utf8");
      expect(text.startsWith('\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
      expect(text).toContain("<!-- 公文系统 -->");
      expect(text.split("\n").filter((l) => /^ {2}<jsplugin/.test(l))).toHaveLength(3);
      // Installing again changes nothing.
      const again = spawnSync("sh", [path.join(out, "install-linux.sh")], { env: { ...process.env, HOME: path.dirname(path.dirname(path.dirname(path.dirname(path.dirname(file))))) }, encoding: "utf8" });
      expect(again.status).toBe(0);
      expect(fs.readFileSync(file, "utf8")).toBe(text);
    });

    test.each([
      ["an unclosed tag", '<jsplugins>\n  <jsplugin name="oa" type="wps" url="oa_1.0">\n</jsplugins>\n'],
      ["a truncated file", '<?xml version="1.0"?>\n<jsplugins>\n  <jsplugin name="oa"'],
      ["another XML file", "<customUI/>"],
    ])("a malformed publish.xml (%s) is refused in one sentence, left byte for byte, and nothing is installed", (_what, bad) => {
      const { r, jsaddons, file } = install(bad);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(/未作任何修改。$/);
      expect(fs.readFileSync(file, "utf8")).toBe(bad);
      expect(fs.existsSync(path.join(jsaddons, FOLDER))).toBe(false);
      expect(fs.readdirSync(jsaddons)).toEqual(["publish.xml"]);
    });
  });

  describe("--merge-jsplugins (the server already lists other add-ins: one JSPluginsServer per PC)", () => {
    const build = (outDir: string, list: string) =>
      spawnSync(process.execPath, [path.join(root, "scripts", "build-wps.js"), "--out", outDir, "--server-url", SERVER, "--merge-jsplugins", list, "--allow-missing-pane", "--web", path.join(outDir, "no-web")], {
        encoding: "utf8",
        timeout: 120000,
      });

    test("both jsplugins files keep the server's other add-ins and add ours; the given file is not written", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-wps-merge-"));
      try {
        const list = path.join(dir, "server-jsplugins.xml");
        const text = '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="oa" type="wps" url="http://oa/addin/"/>\n  <jsplugin name="yinzhang" type="et" url="http://srv/yinzhang.7z" version="3.1"/>\n</jsplugins>\n';
        fs.writeFileSync(list, text);
        const r = build(path.join(dir, "out"), list);
        expect(r.status).toBe(0);
        expect(fs.readFileSync(list, "utf8")).toBe(text);
        for (const f of ["jsplugins.xml", "jsplugins-offline.xml"]) {
          const doc = parseXml(path.join(dir, "out", f));
          const names = Array.from(doc.documentElement.children).map((e) => [e.nodeName, e.getAttribute("name")]);
          expect({ f, names }).toEqual({ f, names: [["jspluginonline", "oa"], ["jsplugin", "yinzhang"], [f === "jsplugins.xml" ? "jspluginonline" : "jsplugin", "jixiao"]] });
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 150000);

    test("a malformed list: exit 2 with one sentence, before anything is built; the file is unchanged", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-wps-merge-"));
      try {
        const list = path.join(dir, "jsplugins.xml");
        const bad = '<jsplugins><jspluginonline name="oa" url="http://oa/"></jsplugins>';
        fs.writeFileSync(list, bad);
        const r = build(path.join(dir, "out"), list);
        expect(r.status).toBe(2);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr).toContain(`${list} 不是格式正确的 XML`);
        expect(fs.readFileSync(list, "utf8")).toBe(bad);
        expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
