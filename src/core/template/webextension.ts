/**
 * The Office Open XML parts that make Excel open the add-in's task pane with the template
 * (Office.AutoShowTaskpaneWithDocument): a webextension part naming the add-in by its manifest Id and a
 * taskpanes part that docks it on the right, visible on open. Office looks the add-in up in the catalog the
 * reference names (centralized deployment, a shared-folder catalog, or a sideloaded manifest); where the
 * add-in is not installed, and in WPS and LibreOffice, the parts are ignored.
 *
 * Pure data: the CLI (src/cli/commands/template.ts) puts the parts into the .xlsx package.
 * Microsoft: "Automatically open a task pane with a document"; [MS-OWEXML] for the markup.
 */

/** manifest.xml's `<Id>` and `<Version>` (test/manifest.test.ts keeps them equal). */
export const ADDIN_MANIFEST = { id: "5089c3e3-3f5f-492a-9286-2dbfcbe0b966", version: "0.1.0.0" } as const;

/** The instance id of the add-in in the template (any GUID; fixed so that the template is reproducible). */
const INSTANCE_ID = "{6B1D2C8E-4A57-4F0B-9C3E-2D7A9E5B1F40}";

/** Where Excel finds the add-in the template names. */
export interface AddinCatalog {
  /**
   * `EXCatalog`: centralized deployment (Microsoft 365 admin center / Exchange);
   * `FileSystem`: a shared-folder catalog (`store` is its UNC path, `\\server\share`);
   * `Registry`: a manifest sideloaded on the PC (`store` is `developer`).
   */
  readonly storeType: "EXCatalog" | "FileSystem" | "Registry";
  readonly store: string;
}

/** Centralized deployment: needs no path. */
export const CENTRALIZED: AddinCatalog = { storeType: "EXCatalog", store: "EXCatalog" };

/**
 * The catalog for a shared-folder deployment.
 * @param share - the catalog's UNC path, e.g. `\\fileserver\jixiao`
 * @returns the FileSystem catalog
 * @throws Error when the path is not a UNC path
 */
export function sharedFolderCatalog(share: string): AddinCatalog {
  if (!/^\\\\[^\\]+\\[^\\]/.test(share)) throw new Error(`共享文件夹目录须为 \\\\服务器\\共享 形式的网络路径，收到“${share}”`);
  return { storeType: "FileSystem", store: share.replace(/\\+$/, "") };
}

/** One part of the package. */
export interface PackagePart {
  /** Path in the zip, without a leading slash. */
  readonly path: string;
  readonly contentType: string;
  readonly xml: string;
}

/** What to add to an .xlsx package. */
export interface WebExtensionParts {
  readonly parts: readonly PackagePart[];
  /** The relationship to add to `_rels/.rels` (the package root). */
  readonly rootRelationship: { readonly id: string; readonly type: string; readonly target: string };
}

const NS = {
  we: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  wetp: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};

/** The relationship types and content types Office uses for these parts. */
export const WEBEXTENSION_TYPES = {
  taskpanesRel: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextensionRel: "http://schemas.microsoft.com/office/2011/relationships/webextension",
  taskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webextension: "application/vnd.ms-office.webextension+xml",
} as const;

function attr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/**
 * The parts that open the task pane with the workbook.
 * @param catalog - where the add-in is deployed; default centralized deployment
 * @returns the webextension and taskpanes parts, the taskpanes part's relationships, and the root relationship
 * @example webExtensionParts(sharedFolderCatalog("\\\\fs\\jixiao")).parts.map((p) => p.path)
 *   // ["xl/webextensions/taskpanes.xml", "xl/webextensions/_rels/taskpanes.xml.rels", "xl/webextensions/webextension1.xml"]
 */
export function webExtensionParts(catalog: AddinCatalog = CENTRALIZED): WebExtensionParts {
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const taskpanes =
    `${decl}<wetp:taskpanes xmlns:wetp="${NS.wetp}">` +
    // visibility 1: open on the first open too (the clerk is asked to trust the add-in once).
    `<wetp:taskpane dockstate="right" visibility="1" width="350" row="4">` +
    `<wetp:webextensionref xmlns:r="${NS.r}" r:id="rId1"/>` +
    `</wetp:taskpane></wetp:taskpanes>`;
  const rels = `${decl}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${WEBEXTENSION_TYPES.webextensionRel}" Target="webextension1.xml"/></Relationships>`;
  const webextension =
    `${decl}<we:webextension xmlns:we="${NS.we}" id="${INSTANCE_ID}">` +
    `<we:reference id="${ADDIN_MANIFEST.id}" version="${ADDIN_MANIFEST.version}" store="${attr(catalog.store)}" storeType="${catalog.storeType}"/>` +
    `<we:alternateReferences/>` +
    `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
    `<we:bindings/>` +
    `<we:snapshot xmlns:r="${NS.r}"/>` +
    `</we:webextension>`;
  return {
    parts: [
      { path: "xl/webextensions/taskpanes.xml", contentType: WEBEXTENSION_TYPES.taskpanes, xml: taskpanes },
      { path: "xl/webextensions/_rels/taskpanes.xml.rels", contentType: "application/vnd.openxmlformats-package.relationships+xml", xml: rels },
      { path: "xl/webextensions/webextension1.xml", contentType: WEBEXTENSION_TYPES.webextension, xml: webextension },
    ],
    rootRelationship: { id: "rIdJxTaskpanes", type: WEBEXTENSION_TYPES.taskpanesRel, target: "xl/webextensions/taskpanes.xml" },
  };
}
