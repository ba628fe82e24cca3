/**
 * xlsx-populate 1.21 does not follow the workbook's relationships to find worksheets: it reads sheet i of
 * `<sheets>` from `xl/worksheets/sheet{i+1}.xml`. Excel, WPS and LibreOffice number the parts in tab order,
 * but other generators (and some 一体化系统 exports) do not, and then a sheet would silently get another
 * sheet's cells. Before loading, the worksheet parts are renamed to the names xlsx-populate expects (with
 * their relationships and content types), and workbooks it cannot hold at all (chart sheets, macro and
 * dialog sheets) are refused with a clear message instead of being misread.
 */
import type JSZip from "jszip";
import { corruptPart, XlsxReadError } from "./sniff";

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts: string[] = ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Where one sheet of `<sheets>` lives: its position, its worksheet part and the relationship naming it. */
export interface SheetPart {
  readonly index: number;
  /** The worksheet part, as the relationship names it (`xl/worksheets/sheet3.xml`). */
  readonly part: string;
  readonly rel: { readonly tag: string; readonly target: string };
}

/**
 * The worksheet part of each sheet, read from the texts of xl/workbook.xml and its relationships with the
 * same patterns {@link normalizeSheetParts} uses (the light reader, light.ts, asks the same question).
 * @throws XlsxReadError("unsupported") for chart, macro or dialog sheets, or a worksheet outside
 *   xl/worksheets/ that is not at its usual name; XlsxReadError("corrupt") for a sheet without a relationship
 */
export function sheetParts(workbookXml: string, relsXml: string): SheetPart[] {
  const sheetsBlock = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1] ?? "";
  const sheetTags = sheetsBlock.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? [];
  const rels = new Map<string, { tag: string; target: string; type: string }>();
  for (const tag of relsXml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, "Id");
    if (id) rels.set(id, { tag, target: attr(tag, "Target") ?? "", type: attr(tag, "Type") ?? "" });
  }
  return sheetTags.map((tag, index) => {
    const rid = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const rel = rid ? rels.get(rid) : undefined;
    if (!rel) {
      throw new XlsxReadError(
        "corrupt",
        `sheet ${attr(tag, "name") ?? index + 1} has no relationship ${rid ?? ""}`,
        `文件已损坏：工作表“${attr(tag, "name") ?? index + 1}”在 xl/_rels/workbook.xml.rels 中没有对应的部件（corrupt .xlsx file: missing relationship）`,
      );
    }
    const kind = rel.type.slice(rel.type.lastIndexOf("/") + 1);
    if (kind !== "worksheet") throw new XlsxReadError("unsupported", `sheet ${attr(tag, "name") ?? index + 1} is a ${kind}`);
    const part = partPath(rel.target);
    if (part !== `xl/worksheets/sheet${index + 1}.xml` && (!part.startsWith("xl/worksheets/") || part.slice("xl/worksheets/".length).includes("/"))) {
      throw new XlsxReadError("unsupported", `worksheet part outside xl/worksheets/: ${part}`);
    }
    return { index, part, rel };
  });
}

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/**
 * Rename worksheet parts so that sheet i lives at `xl/worksheets/sheet{i+1}.xml`.
 * @returns true when the package was changed
 * @throws XlsxReadError("unsupported") for chart, macro or dialog sheets, or worksheets outside xl/worksheets/;
 *   XlsxReadError("corrupt") for a sheet without a relationship or a worksheet part that is missing
 */
export async function normalizeSheetParts(zip: JSZip): Promise<boolean> {
  const wbFile = zip.file("xl/workbook.xml");
  const relsFile = zip.file("xl/_rels/workbook.xml.rels");
  if (!wbFile || !relsFile) return false;
  const workbookXml = await wbFile.async("string");
  let relsXml = await relsFile.async("string");
  const moves = sheetParts(workbookXml, relsXml)
    .filter((p) => p.part !== `xl/worksheets/sheet${p.index + 1}.xml`)
    .map((p) => ({ index: p.index, from: p.part, rel: p.rel }));
  if (moves.length === 0) return false;

  // Two phases, so that swapped names never overwrite each other.
  const held = [];
  for (const m of moves) {
    const body = zip.file(m.from);
    if (!body) throw corruptPart(m.from, "missing");
    const rels = zip.file(relsOf(m.from));
    held.push({ ...m, body: await body.async("uint8array"), rels: rels ? await rels.async("uint8array") : undefined });
    zip.remove(m.from);
    if (rels) zip.remove(relsOf(m.from));
  }
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const h of held) types = types.split(`PartName="/${h.from}"`).join(`PartName="/@jixiao${h.index}"`);
  for (const h of held) {
    const to = `xl/worksheets/sheet${h.index + 1}.xml`;
    zip.file(to, h.body);
    if (h.rels) zip.file(relsOf(to), h.rels);
    relsXml = relsXml.replace(h.rel.tag, h.rel.tag.replace(/(\sTarget\s*=\s*")[^"]*(")/, `$1worksheets/sheet${h.index + 1}.xml$2`));
    types = types.split(`PartName="/@jixiao${h.index}"`).join(`PartName="/${to}"`);
  }
  zip.file("xl/_rels/workbook.xml.rels", relsXml);
  if (types) zip.file("[Content_Types].xml", types);
  return true;
}
