/**
 * Open a package jixiao wrote and list what would make Excel ask "发现不可读取的内容，是否恢复":
 *
 * - every part has a content type (an Override, or a Default for its extension) of the right kind for
 *   what points at it (a worksheet typed `application/xml` is a problem), and no Override names a part
 *   that is not there;
 * - every part parses as XML;
 * - every internal relationship's target exists; no relationship Id is used twice, no two relationships
 *   of one part point at the same target, and every worksheet relationship of the workbook is used by a
 *   `<sheet>` (an orphaned one is a problem);
 * - and the counts (sheets, cell formats, fonts, fills, number formats, workbook relationships) so that
 *   a test can show a re-run does not make them grow.
 */
import JSZip from "jszip";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const XmlParser: new () => { parseAsync(xml: string): Promise<unknown> } = require("xlsx-populate/lib/XmlParser");

/** What {@link checkPackage} found. */
export interface PackageCheck {
  /** One line per problem; empty for a valid package. */
  readonly problems: string[];
  readonly counts: {
    readonly sheets: number;
    readonly cellXfs: number;
    readonly fonts: number;
    readonly fills: number;
    readonly numFmts: number;
    readonly workbookRels: number;
    readonly parts: number;
  };
}

const CT = "application/vnd.openxmlformats-officedocument.";
/** The content type a part must have, by the type of the relationship pointing at it. */
const EXPECTED: Readonly<Record<string, string | RegExp>> = {
  officeDocument: /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled\.main)\+xml$/,
  worksheet: `${CT}spreadsheetml.worksheet+xml`,
  sharedStrings: `${CT}spreadsheetml.sharedStrings+xml`,
  styles: `${CT}spreadsheetml.styles+xml`,
  theme: `${CT}theme+xml`,
  calcChain: `${CT}spreadsheetml.calcChain+xml`,
  "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
  "extended-properties": `${CT}extended-properties+xml`,
  "custom-properties": `${CT}custom-properties+xml`,
  comments: `${CT}spreadsheetml.comments+xml`,
  drawing: `${CT}drawing+xml`,
  chart: `${CT}drawingml.chart+xml`,
  table: `${CT}spreadsheetml.table+xml`,
};

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function tags(xml: string, name: string): Record<string, string>[] {
  return (xml.match(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, "g")) ?? []).map(attrs);
}

function resolve(sourceDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourceDir ? sourceDir.split("/") : [];
  for (const seg of decodeURI(target).split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function countIn(xml: string, section: string, item: string): number {
  const block = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml);
  return block?.[1] ? (block[1].match(new RegExp(`<${item}\\b`, "g")) ?? []).length : 0;
}

/**
 * Check a written package.
 * @param bytes - the .xlsx file's bytes
 */
export async function checkPackage(bytes: Uint8Array): Promise<PackageCheck> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const has = new Set(names);
  const text = async (n: string): Promise<string> => (await zip.file(n)?.async("string")) ?? "";

  const typesXml = await text("[Content_Types].xml");
  if (!typesXml) problems.push("no [Content_Types].xml");
  const defaults = new Map(tags(typesXml, "Default").map((d) => [d.Extension.toLowerCase(), d.ContentType]));
  const overrides = new Map(tags(typesXml, "Override").map((o) => [o.PartName.replace(/^\//, ""), o.ContentType]));
  const typeOf = (part: string): string | undefined => overrides.get(part) ?? defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());

  for (const part of overrides.keys()) if (!has.has(part)) problems.push(`override for a missing part: ${part}`);
  const parser = new XmlParser();
  for (const part of names) {
    if (part === "[Content_Types].xml") continue;
    const type = typeOf(part);
    if (!type) problems.push(`no content type: ${part}`);
    if (/\.(xml|rels|vml)$/i.test(part)) {
      try {
        await parser.parseAsync(await text(part));
      } catch (err) {
        problems.push(`does not parse: ${part} (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
      }
    }
    if (part.endsWith(".rels") && type !== "application/vnd.openxmlformats-package.relationships+xml") problems.push(`wrong content type ${type} for ${part}`);
  }

  let workbookRels: Record<string, string>[] = [];
  for (const relsPart of names.filter((n) => n.endsWith(".rels"))) {
    const sourceDir = relsPart.replace(/(^|\/)_rels\/[^/]*$/, "");
    const source = relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    if (source !== "" && !has.has(source)) problems.push(`relationships of a missing part: ${relsPart}`);
    const rels = tags(await text(relsPart), "Relationship");
    if (relsPart === "xl/_rels/workbook.xml.rels") workbookRels = rels;
    const ids = new Set<string>();
    const targets = new Set<string>();
    for (const r of rels) {
      if (ids.has(r.Id)) problems.push(`duplicate relationship id ${r.Id} in ${relsPart}`);
      ids.add(r.Id);
      if (r.TargetMode === "External") continue;
      const target = resolve(sourceDir, r.Target);
      const kind = r.Type.slice(r.Type.lastIndexOf("/") + 1);
      if (targets.has(`${kind} ${target}`)) problems.push(`duplicate relationship to ${target} in ${relsPart}`);
      targets.add(`${kind} ${target}`);
      if (!has.has(target)) {
        problems.push(`relationship ${r.Id} of ${relsPart} points at a missing part: ${target}`);
        continue;
      }
      const expected = EXPECTED[kind];
      const actual = typeOf(target);
      if (expected !== undefined && !(typeof expected === "string" ? actual === expected : expected.test(actual ?? ""))) {
        problems.push(`${target} is typed ${actual ?? "(none)"}, expected ${String(expected)}`);
      }
    }
  }

  const workbookXml = await text("xl/workbook.xml");
  const sheets = tags(workbookXml, "sheet");
  const used = new Set(sheets.map((s) => s["r:id"]));
  for (const r of workbookRels) {
    if (/\/(worksheet|chartsheet)$/.test(r.Type) && !used.has(r.Id)) problems.push(`orphaned relationship ${r.Id} → ${r.Target} (no <sheet> uses it)`);
  }
  for (const s of sheets) if (!workbookRels.some((r) => r.Id === s["r:id"])) problems.push(`sheet ${s.name} has no relationship ${s["r:id"]}`);
  const names2 = sheets.map((s) => s.name);
  if (new Set(names2).size !== names2.length) problems.push(`duplicate sheet names: ${names2.join(", ")}`);

  const stylesXml = await text("xl/styles.xml");
  return {
    problems,
    counts: {
      sheets: sheets.length,
      cellXfs: countIn(stylesXml, "cellXfs", "xf"),
      fonts: countIn(stylesXml, "fonts", "font"),
      fills: countIn(stylesXml, "fills", "fill"),
      numFmts: countIn(stylesXml, "numFmts", "numFmt"),
      workbookRels: workbookRels.length,
      parts: names.length,
    },
  };
}
