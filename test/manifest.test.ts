/**
 * @jest-environment jsdom
 */
/**
 * manifest.xml, checked offline: the elements Office requires, the permission and host, that every URL
 * is one the webpack build emits, and that every resid is defined. `npm run validate` adds Microsoft's
 * online validator where there is network.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const ORIGIN = "https://localhost:3000/";
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const root = doc.documentElement;

/** Direct children of the OfficeApp root by local name. */
function child(name: string): Element {
  const el = Array.from(root.children).find((c) => c.localName === name);
  if (!el) throw new Error(`manifest.xml has no <${name}>`);
  return el;
}

/** The files `npm run build:web` emits, from webpack.config.js itself (no build needed here). */
function emittedFiles(): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, loaded at run time
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" }) as {
    plugins: { userOptions?: { filename?: string } }[];
  };
  const files = new Set<string>();
  for (const p of config.plugins) if (p.userOptions?.filename) files.add(p.userOptions.filename);
  for (const f of fs.readdirSync(path.join(ROOT, "assets"))) if (/^icon-\d+\.png$/.test(f)) files.add(`assets/${f}`);
  return files;
}

describe("manifest.xml", () => {
  it("is well-formed XML for a task pane add-in", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    for (const name of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "DefaultSettings", "Permissions", "VersionOverrides"]) {
      expect(child(name)).toBeDefined();
    }
    expect(child("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("asks for ReadWriteDocument in Workbook (Excel) with ExcelApi 1.1", () => {
    expect(child("Permissions").textContent).toBe("ReadWriteDocument");
    expect(Array.from(child("Hosts").children).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const sets = Array.from(child("Requirements").getElementsByTagName("Set")).map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toEqual([["ExcelApi", "1.1"]]);
    expect(child("DefaultSettings").getElementsByTagName("SourceLocation")[0].getAttribute("DefaultValue")).toBe(`${ORIGIN}taskpane.html`);
  });

  it("is Chinese by default with English overrides for every user-visible string", () => {
    expect(child("DefaultLocale").textContent).toBe("zh-CN");
    expect(child("DisplayName").getAttribute("DefaultValue")).toBe("绩效自评助手");
    const strings = [
      child("DisplayName"),
      child("Description"),
      ...Array.from(doc.getElementsByTagNameNS(BT, "String")),
    ];
    for (const s of strings) {
      expect(s.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
      const overrides = Array.from(s.children).filter((c) => c.localName === "Override");
      expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
    }
  });

  it("puts a 绩效自评 group with a button that shows the task pane on the Home tab", () => {
    const tab = doc.getElementsByTagNameNS(OV, "OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = tab.getElementsByTagNameNS(OV, "Group")[0];
    const label = group.getElementsByTagNameNS(OV, "Label")[0].getAttribute("resid");
    const labelText = Array.from(doc.getElementsByTagNameNS(BT, "String")).find((s) => s.getAttribute("id") === label);
    expect(labelText?.getAttribute("DefaultValue")).toBe("绩效自评");
    const control = group.getElementsByTagNameNS(OV, "Control")[0];
    expect(control.getAttributeNS(XSI, "type")).toBe("Button");
    const action = control.getElementsByTagNameNS(OV, "Action")[0];
    expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
  });

  it("defines every resid it references, and every URL points at a file the build emits", () => {
    const defined = new Map<string, string>();
    for (const kind of ["Image", "Url", "String"]) {
      for (const el of Array.from(doc.getElementsByTagNameNS(BT, kind))) {
        const id = el.getAttribute("id");
        if (id) defined.set(id, el.getAttribute("DefaultValue") ?? "");
      }
    }
    const referenced = Array.from(doc.getElementsByTagName("*"))
      .map((el) => el.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(referenced.length).toBeGreaterThan(10);
    for (const r of referenced) expect(defined.has(r) ? r : `undefined resid ${r}`).toBe(r);

    const emitted = emittedFiles();
    expect([...emitted]).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-80.png"]));
    const urls = [
      ...Array.from(doc.getElementsByTagName("*")).flatMap((el) =>
        ["DefaultValue", "Value"].map((a) => el.getAttribute(a)).filter((v): v is string => v !== null && /^https?:/.test(v)),
      ),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(ORIGIN) ? url : `not on ${ORIGIN}: ${url}`).toBe(url);
      const file = url.slice(ORIGIN.length);
      expect(emitted.has(file) ? file : `not emitted by the build: ${file}`).toBe(file);
    }
    // Icons are real PNGs of the size their name says.
    for (const file of [...emitted].filter((f) => f.endsWith(".png"))) {
      const png = fs.readFileSync(path.join(ROOT, file));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)/.exec(file)?.[1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("parses with office-addin-manifest info (offline)", () => {
    const bin = path.join(ROOT, "node_modules", ".bin", "office-addin-manifest");
    const out = execFileSync(bin, ["info", "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(out).toContain("Type: TaskPaneApp");
    expect(out).toContain("Permissions: ReadWriteDocument");
    expect(out).toContain("Hosts: Workbook");
    expect(out).toContain("Source Location: https://localhost:3000/taskpane.html");
  });
});
