/**
 * Write the package xlsx-populate 1.21 builds, with what it leaves out put right, so that Excel never
 * asks to repair a file jixiao wrote:
 *
 * - a sheet it adds gets no `[Content_Types].xml` override (it would be typed `application/xml`): every
 *   worksheet part gets its worksheet override, and overrides of parts that are gone are removed;
 * - it drops `xl/calcChain.xml` but keeps the relationship and override pointing at it: both go too;
 * - a worksheet relationship no `<sheet>` refers to any more is removed;
 * - a sheet nothing changed is written back byte for byte (xlsx-populate would rewrite every sheet,
 *   dropping its `<dimension>` and the `t="n"` of its numbers);
 * - a package without docProps gets no empty docProps/app.xml and core.xml (xlsx-populate writes them
 *   as zero-byte parts, which are no XML).
 */
import { elements, type PopulateWorkbook, type XmlNode } from "./populate";

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";
const REL_PREFIX = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const SHEET_PART = /^\/xl\/worksheets\/sheet(\d+)\.xml$/;
const DOC_PROPS = /^docProps\/(?:app|core)\.xml$/;

function fixContentTypes(root: XmlNode, sheetCount: number): void {
  root.children = root.children.filter((c) => {
    if (typeof c !== "object" || c.name !== "Override") return true;
    const part = String(c.attributes.PartName ?? "");
    if (part === "/xl/calcChain.xml") return false;
    const m = SHEET_PART.exec(part);
    return !m || Number(m[1]) <= sheetCount;
  });
  const overrides = elements(root, "Override");
  for (let i = 1; i <= sheetCount; i++) {
    const part = `/xl/worksheets/sheet${i}.xml`;
    const existing = overrides.find((o) => o.attributes.PartName === part);
    if (existing) existing.attributes.ContentType = WORKSHEET_TYPE;
    else root.children.push({ name: "Override", attributes: { PartName: part, ContentType: WORKSHEET_TYPE }, children: [] });
  }
  if (!elements(root, "Default").some((d) => String(d.attributes.Extension).toLowerCase() === "rels")) {
    root.children.unshift({ name: "Default", attributes: { Extension: "rels", ContentType: RELS_TYPE }, children: [] });
  }
}

function fixRelationships(root: XmlNode, usedIds: ReadonlySet<string>): void {
  root.children = root.children.filter((c) => {
    if (typeof c !== "object") return true;
    const type = String(c.attributes.Type ?? "");
    if (type === `${REL_PREFIX}calcChain`) return false;
    if (type === `${REL_PREFIX}worksheet` && !usedIds.has(String(c.attributes.Id))) return false;
    return true;
  });
}

/**
 * Build the output package.
 * @param workbook - the edited workbook
 * @param kept - indexes of sheets to keep byte for byte (unchanged, at the place they were loaded from)
 */
export async function finishPackage(workbook: PopulateWorkbook, kept: ReadonlySet<number>): Promise<Buffer> {
  const sheets = workbook._sheets;
  const zip = workbook._zip;
  fixContentTypes(workbook._contentTypes._node, sheets.length);
  fixRelationships(workbook._relationships._node, new Set(sheets.map((s) => String(s._idNode.attributes["r:id"]))));
  // Parts of sheets that were deleted (their numbers are now past the last sheet).
  for (const name of Object.keys(zip.files)) {
    const m = /^xl\/worksheets\/(?:_rels\/)?sheet(\d+)\.xml(?:\.rels)?$/.exec(name);
    if (m && Number(m[1]) > sheets.length) zip.remove(name);
  }
  const preserved = new Set<string>();
  for (const i of kept) {
    preserved.add(`xl/worksheets/sheet${i + 1}.xml`);
    preserved.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`);
  }
  // outputAsync writes every part into the archive synchronously, then zips it: writes to the kept
  // sheets' parts are skipped for that call only, so their original entries go out unchanged.
  const file = zip.file;
  const remove = zip.remove;
  const target = zip as unknown as Record<string, unknown>;
  target.file = function (this: unknown, name: string, ...rest: unknown[]) {
    if (rest.length > 0 && preserved.has(name)) return zip;
    // A package without docProps (a few exporters write none) would get them as empty parts, which are
    // no XML (xlsx-populate builds them as nothing): leave them out, as the input did.
    if (rest.length > 0 && (rest[0] === undefined || rest[0] === "") && DOC_PROPS.test(name)) return zip;
    return (file as (...a: unknown[]) => unknown).call(zip, name, ...rest);
  };
  target.remove = function (this: unknown, name: string) {
    if (preserved.has(name)) return zip;
    return (remove as (n: string) => unknown).call(zip, name);
  };
  let output: Promise<Buffer>;
  try {
    output = workbook.outputAsync();
  } finally {
    target.file = file;
    target.remove = remove;
  }
  return output;
}
