/**
 * The template opens the add-in's task pane by itself in Excel (Office.AutoShowTaskpaneWithDocument):
 * the generated and the committed .xlsx carry a webextension part naming manifest.xml's add-in and a
 * taskpanes part, wired through [Content_Types].xml and the package relationships — checked by unzipping.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { renderTemplate } from "../../src/cli/commands/template";
import { buildTemplate, sharedFolderCatalog, WEBEXTENSION_TYPES } from "../../src/core/template";
import { readXlsxFile } from "../../src/hosts/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const manifest = new DOMParser().parseFromString(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), "text/xml");
const manifestId = manifest.getElementsByTagName("Id")[0].textContent;
const manifestVersion = manifest.getElementsByTagName("Version")[0].textContent;

const xml = async (zip: JSZip, file: string): Promise<Document> => {
  const text = await zip.file(file)?.async("string");
  if (text === undefined) throw new Error(`${file} is not in the package`);
  return new DOMParser().parseFromString(text, "text/xml") as unknown as Document;
};
const byLocal = (doc: Document, name: string): Element[] => Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === name);

/** Follow the package from its root to the webextension part, as Excel does. */
async function webExtensionOf(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const types = await xml(zip, "[Content_Types].xml");
  const overrides = new Map(byLocal(types, "Override").map((o) => [o.getAttribute("PartName"), o.getAttribute("ContentType")]));
  const rootRel = byLocal(await xml(zip, "_rels/.rels", ), "Relationship").find((r) => r.getAttribute("Type") === WEBEXTENSION_TYPES.taskpanesRel);
  const taskpanesPath = rootRel?.getAttribute("Target") ?? "";
  const taskpanes = await xml(zip, taskpanesPath);
  const pane = byLocal(taskpanes, "taskpane")[0];
  const refId = byLocal(taskpanes, "webextensionref")[0].getAttribute("r:id");
  const relsPath = `${path.posix.dirname(taskpanesPath)}/_rels/${path.posix.basename(taskpanesPath)}.rels`;
  const rel = byLocal(await xml(zip, relsPath), "Relationship").find((r) => r.getAttribute("Id") === refId)!;
  expect(rel.getAttribute("Type")).toBe(WEBEXTENSION_TYPES.webextensionRel);
  const wePath = path.posix.join(path.posix.dirname(taskpanesPath), rel.getAttribute("Target")!);
  const we = await xml(zip, wePath);
  const reference = byLocal(we, "reference")[0];
  const properties = Object.fromEntries(byLocal(we, "property").map((p) => [p.getAttribute("name"), p.getAttribute("value")]));
  return {
    contentTypes: [overrides.get(`/${taskpanesPath}`), overrides.get(`/${wePath}`)],
    pane: { dockstate: pane.getAttribute("dockstate"), visibility: pane.getAttribute("visibility") },
    reference: { id: reference.getAttribute("id"), version: reference.getAttribute("version"), storeType: reference.getAttribute("storeType"), store: reference.getAttribute("store") },
    properties,
  };
}

describe("the template opens the task pane with the workbook", () => {
  test("a generated template names manifest.xml's add-in, docked right and shown on open, for centralized deployment", async () => {
    const found = await webExtensionOf(await renderTemplate(buildTemplate({ kind: "dept" })));
    expect(found).toEqual({
      contentTypes: [WEBEXTENSION_TYPES.taskpanes, WEBEXTENSION_TYPES.webextension],
      pane: { dockstate: "right", visibility: "1" },
      reference: { id: manifestId, version: manifestVersion, storeType: "EXCatalog", store: "EXCatalog" },
      properties: { "Office.AutoShowTaskpaneWithDocument": "true" },
    });
  });

  test("--catalog: a shared-folder catalog is named by its UNC path; a path that is not UNC is refused", async () => {
    const found = await webExtensionOf(await renderTemplate(buildTemplate({ kind: "project" }), sharedFolderCatalog("\\\\fileserver\\jixiao\\")));
    expect(found.reference).toEqual({ id: manifestId, version: manifestVersion, storeType: "FileSystem", store: "\\\\fileserver\\jixiao" });
    expect(() => sharedFolderCatalog("D:\\addins")).toThrow("共享文件夹目录须为");
  });

  test.each(["dept", "project"])("the committed assets/templates/jixiao-%s.xlsx carries the parts and still reads as the template", async (kind) => {
    const bytes = fs.readFileSync(path.join(ROOT, "assets", "templates", `jixiao-${kind}.xlsx`));
    const found = await webExtensionOf(bytes);
    expect(found.properties["Office.AutoShowTaskpaneWithDocument"]).toBe("true");
    expect(found.reference.id).toBe(manifestId);
    const snap = await readXlsxFile(path.join(ROOT, "assets", "templates", `jixiao-${kind}.xlsx`));
    expect(snap.names.some((n) => n.name.startsWith("jx_"))).toBe(true);
  });
});
