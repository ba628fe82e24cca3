/**
 * `npm run build:wps` (scripts/build-wps.js): the package has its files, ribbon.xml parses and names
 * callbacks the entry page defines, the button opens a task pane that exists in the package, and the
 * publish files point where the files are.
 */
import { execFileSync } from "child_process";
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
    const web = path.join(root, "dist-web");
    // The task pane comes from `npm run build:web`; without it the package carries a placeholder page.
    const paneArgs = fs.existsSync(path.join(web, "taskpane.html")) ? ["--web", web] : ["--allow-missing-pane", "--web", path.join(out, "no-web")];
    execFileSync(process.execPath, [path.join(root, "scripts", "build-wps.js"), "--out", out, "--server-url", SERVER, ...paneArgs], { stdio: "pipe", timeout: 120000 });
    addin = path.join(out, FOLDER);
  }, 150000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test("produces the add-in folder (name_version) and the publish files", () => {
    for (const f of ["ribbon.xml", "index.html", "main.js", "images/icon-32.png", "taskpane/taskpane.html"]) {
      expect({ f, exists: fs.existsSync(path.join(addin, f)) }).toEqual({ f, exists: true });
    }
    for (const f of ["publish.xml", "jsplugins.xml", "oem.ini.txt", "install-linux.sh", "install-windows.ps1"]) {
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

  test("the task pane does not load office.js from Microsoft's CDN in WPS", () => {
    expect(fs.readFileSync(path.join(addin, "taskpane", "taskpane.html"), "utf8")).not.toContain("appsforoffice.microsoft.com");
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

  test("install-linux.sh installs into a user's jsaddons and keeps other add-ins in publish.xml", () => {
    const home = path.join(out, "home");
    const jsaddons = path.join(home, ".local", "share", "Kingsoft", "wps", "jsaddons");
    fs.mkdirSync(jsaddons, { recursive: true });
    fs.writeFileSync(
      path.join(jsaddons, "publish.xml"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="oa" type="wps" url="http://oa/"/>\n  <jsplugin name="jixiao" type="et" url="jixiao_0.0.1" version="0.0.1"/>\n</jsplugins>\n',
    );
    execFileSync("sh", [path.join(out, "install-linux.sh")], { env: { ...process.env, HOME: home }, stdio: "pipe" });
    expect(fs.existsSync(path.join(jsaddons, FOLDER, "ribbon.xml"))).toBe(true);
    const doc = parseXml(path.join(jsaddons, "publish.xml"));
    expect(doc.getElementsByTagName("jspluginonline")[0].getAttribute("name")).toBe("oa");
    const ours = Array.from(doc.getElementsByTagName("jsplugin"));
    expect(ours.map((e) => [e.getAttribute("name"), e.getAttribute("url"), e.getAttribute("version")])).toEqual([["jixiao", FOLDER, pkg.version]]);
  });
});
