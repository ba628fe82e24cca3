/**
 * Look at a package before xlsx-populate builds anything from it, so that what cannot be read is refused
 * with one sentence instead of being misread or running out of memory:
 *
 * - **Damage.** Every part the workbook references (its relationships, each worksheet, the shared strings
 *   when a cell uses them) must be present; a missing one is "文件已损坏：缺少 <part>" — never cells read
 *   as blank. XML that does not parse is reported by {@link loadParts} with the part's name.
 * - **Size.** The parts xlsx-populate parses are inflated here, once, as a stream, counting cells and rows
 *   as they come: above the limit the inflation stops and the file is "工作簿过大（约 N 行）" (N from the
 *   sheet's `<dimension>`, else extrapolated from the rows read so far). The text is
 *   kept and handed to xlsx-populate, so each part is inflated once and the archive is read once.
 */
import { StringDecoder } from "string_decoder";
import type JSZip from "jszip";
import { corruptPart, tooLarge, XlsxReadError } from "./sniff";

/** How much of a workbook may be read. */
export interface ReadLimits {
  /** Cells over all worksheets (and shared strings) — each costs memory in xlsx-populate. */
  readonly maxCells: number;
  /** Bytes of XML inflated in all (a guard against parts with few, very long cells). */
  readonly maxBytes: number;
}

/** One million cells: ten times the largest 自评 workbook seen (2 000 institutions ≈ 100 000 cells). */
export const DEFAULT_MAX_CELLS = 1_000_000;

/** The limits for `maxCells` cells: 160 bytes of XML per cell, at least 64 MiB. */
export function limitsFor(maxCells: number): ReadLimits {
  return { maxCells, maxBytes: Math.max(64 * 1024 * 1024, maxCells * 160) };
}

/**
 * The limits from the environment: `JIXIAO_MAX_CELLS` (a positive whole number), else the default.
 * Worker threads inherit the environment, so a batch uses the same limit.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const raw = env.JIXIAO_MAX_CELLS?.replace(/[\s_,]/g, "");
  const n = raw ? Number(raw) : NaN;
  return limitsFor(Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_CELLS);
}

/** The parts xlsx-populate parses besides the worksheets. */
const WORKBOOK_PARTS = ["[Content_Types].xml", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"];

/** The inflated text of each part xlsx-populate will parse, by part name. */
export type PartTexts = Map<string, string>;

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** A relationship target resolved against the folder of its source part (`xl/`). */
export function resolveTarget(sourceDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourceDir ? sourceDir.split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Internal relationships of a .rels part: [id, type (last segment), resolved target]. */
export function relationships(relsXml: string, sourceDir: string): { id: string; type: string; target: string; tag: string }[] {
  const out = [];
  for (const tag of relsXml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    if (attr(tag, "TargetMode") === "External") continue;
    const type = attr(tag, "Type") ?? "";
    out.push({ id: attr(tag, "Id") ?? "", type: type.slice(type.lastIndexOf("/") + 1), target: resolveTarget(sourceDir, decodeURI(attr(tag, "Target") ?? "")), tag });
  }
  return out;
}

/** What a worksheet's inflation counted. */
interface Counted {
  cells: number;
  rows: number;
  /** Rows the `<dimension>` declares, if any. */
  declaredRows?: number;
  /** Rows the highest `<row r="…">` seen names. */
  lastRow: number;
}

const CELL = /<(?:\w+:)?c[\s>/]/g;
const ROW = /<(?:\w+:)?row[\s>/]/g;
const ROW_NUMBER = /<(?:\w+:)?row\b[^>]*?\sr\s*=\s*"(\d+)"/g;
const DIMENSION = /<(?:\w+:)?dimension\b[^>]*?\sref\s*=\s*"[A-Za-z]*(\d*)(?::[A-Za-z]*(\d+))?"/;

/** JSZip's StreamHelper. */
interface InflateStream {
  on(event: "data", cb: (chunk: Uint8Array) => void): InflateStream;
  on(event: "error", cb: (err: Error) => void): InflateStream;
  on(event: "end", cb: () => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}

/** A running budget shared by every part of one workbook. */
class Budget {
  bytes = 0;
  cells = 0;
  constructor(readonly limits: ReadLimits) {}
}

/** Count matches of `re` ending after `from` in `text`. */
function countFrom(re: RegExp, text: string, from: number): number {
  re.lastIndex = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (m.index + m[0].length > from) n++;
  return n;
}

/**
 * Inflate one part as a stream, within the budget.
 * @param sheet - count cells and rows (a worksheet); shared strings count `<si>` as cells
 */
function inflate(zip: JSZip, name: string, budget: Budget, kind: "sheet" | "strings" | "other"): Promise<{ text: string; counted: Counted }> {
  const file = zip.file(name)!;
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder("utf8");
    const chunks: string[] = [];
    const counted: Counted = { cells: 0, rows: 0, lastRow: 0 };
    let carry = "";
    let bytes = 0;
    let done = false;
    // internalStream (JSZip 3, untyped): chunks as they are inflated, so that a bomb stops early.
    const stream = (file as unknown as { internalStream(type: "uint8array"): InflateStream }).internalStream("uint8array");
    const stop = (err: Error): void => {
      if (done) return;
      done = true;
      stream.pause();
      reject(err);
    };
    // The rows the sheet declares (<dimension>), else the rows read so far scaled to the part's size.
    const estimateRows = (): number => {
      const seen = Math.max(counted.rows, counted.lastRow);
      if (counted.declaredRows !== undefined && counted.declaredRows >= seen) return counted.declaredRows;
      const declaredSize = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? bytes;
      return bytes > 0 ? Math.max(seen, Math.round((seen * Math.max(declaredSize, bytes)) / bytes)) : seen;
    };
    stream
      .on("data", (chunk: Uint8Array) => {
        if (done) return;
        bytes += chunk.length;
        budget.bytes += chunk.length;
        const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        chunks.push(text);
        if (kind !== "other") {
          const combined = carry + text;
          if (kind === "sheet") {
            if (counted.declaredRows === undefined && chunks.length <= 4) {
              const d = DIMENSION.exec(chunks.join(""));
              if (d) counted.declaredRows = Number(d[2] ?? d[1] ?? 0);
            }
            const cells = countFrom(CELL, combined, carry.length);
            counted.cells += cells;
            budget.cells += cells;
            counted.rows += countFrom(ROW, combined, carry.length);
            ROW_NUMBER.lastIndex = 0;
            let m: RegExpExecArray | null;
            while ((m = ROW_NUMBER.exec(combined))) counted.lastRow = Math.max(counted.lastRow, Number(m[1]));
          } else {
            const strings = countFrom(/<(?:\w+:)?si[\s>/]/g, combined, carry.length);
            budget.cells += strings;
          }
          carry = combined.slice(-48);
        }
        if (budget.cells > budget.limits.maxCells || budget.bytes > budget.limits.maxBytes) {
          stop(tooLarge(kind === "sheet" ? estimateRows() : Math.max(budget.cells, 1), `${name}: over ${budget.limits.maxCells} cells or ${budget.limits.maxBytes} bytes`));
        }
      })
      .on("error", (err: Error) => stop(new XlsxReadError("corrupt", `${name}: ${err.message}`, `文件已损坏：${name} 无法解压（corrupt .xlsx file）`)))
      .on("end", () => {
        if (done) return;
        done = true;
        chunks.push(decoder.end());
        resolve({ text: chunks.join(""), counted });
      })
      .resume();
  });
}

/**
 * Check a package and inflate the parts xlsx-populate parses.
 * Call after the worksheet parts were renumbered (normalize.ts): sheet i is `xl/worksheets/sheet{i+1}.xml`.
 * @returns the text of each part, for {@link loadParts}
 * @throws XlsxReadError "corrupt" naming a missing part, "too-large" above the limits
 */
export async function preflight(zip: JSZip, limits: ReadLimits): Promise<PartTexts> {
  const budget = new Budget(limits);
  const texts: PartTexts = new Map();
  for (const part of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"]) {
    if (!zip.file(part)) throw corruptPart(part, "missing");
  }
  for (const part of WORKBOOK_PARTS) {
    if (zip.file(part)) texts.set(part, (await inflate(zip, part, budget, part === "xl/sharedStrings.xml" ? "strings" : "other")).text);
  }
  const workbookXml = texts.get("xl/workbook.xml") ?? "";
  if (!/<(?:\w+:)?sheets[\s>]/.test(workbookXml)) throw new XlsxReadError("corrupt", "no <sheets>", "文件已损坏：xl/workbook.xml 中没有工作表列表（corrupt .xlsx file）");
  const rels = relationships(texts.get("xl/_rels/workbook.xml.rels") ?? "", "xl");
  for (const r of rels) {
    if (r.type === "calcChain") continue; // dropped on load and rebuilt by Excel
    if (!zip.file(r.target)) throw corruptPart(r.target, "missing");
  }
  // xlsx-populate reads the shared strings and styles from their usual names only.
  for (const [type, usual] of [["sharedStrings", "xl/sharedStrings.xml"], ["styles", "xl/styles.xml"]] as const) {
    const rel = rels.find((r) => r.type === type);
    if (rel && rel.target !== usual && !texts.has(usual)) {
      texts.set(usual, (await inflate(zip, rel.target, budget, type === "sharedStrings" ? "strings" : "other")).text);
      zip.remove(rel.target);
      texts.set("xl/_rels/workbook.xml.rels", texts.get("xl/_rels/workbook.xml.rels")!.replace(rel.tag, rel.tag.replace(/(\sTarget\s*=\s*")[^"]*(")/, `$1${usual.slice(3)}$2`)));
      texts.set("[Content_Types].xml", texts.get("[Content_Types].xml")!.split(`PartName="/${rel.target}"`).join(`PartName="/${usual}"`));
    }
  }
  const sheetCount = (/<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1].match(/<(?:\w+:)?sheet\b/g) ?? []).length;
  let usesSharedStrings = false;
  for (let i = 1; i <= sheetCount; i++) {
    const part = `xl/worksheets/sheet${i}.xml`;
    if (!zip.file(part)) throw corruptPart(part, "missing");
    const { text } = await inflate(zip, part, budget, "sheet");
    if (!/<(?:\w+:)?sheetData[\s>/]/.test(text)) throw new XlsxReadError("corrupt", `${part}: no <sheetData>`, `文件已损坏：${part} 中没有单元格数据（sheetData）（corrupt .xlsx file）`);
    texts.set(part, text);
    if (!usesSharedStrings && /\st\s*=\s*"s"/.test(text)) usesSharedStrings = true;
    const relsPart = `xl/worksheets/_rels/sheet${i}.xml.rels`;
    if (zip.file(relsPart)) {
      const relsText = (await inflate(zip, relsPart, budget, "other")).text;
      texts.set(relsPart, relsText);
      for (const r of relationships(relsText, "xl/worksheets")) {
        if (!zip.file(r.target)) throw corruptPart(r.target, "missing");
      }
    }
  }
  if (usesSharedStrings && !texts.has("xl/sharedStrings.xml")) throw corruptPart("xl/sharedStrings.xml", "missing");
  // The styles part is optional (ECMA-376; Excel opens a package without one, and a few exporters write
  // none), but xlsx-populate cannot do without it: give it an empty one, declared in the content types
  // and the workbook's relationships, so that a copy written from this package holds a consistent one.
  if (!texts.has("xl/styles.xml")) addEmptyStyles(zip, texts);
  return texts;
}

/** The smallest style sheet Excel accepts: one font, the two required fills, one border, one format. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

/** Add {@link EMPTY_STYLES} as xl/styles.xml, with its content type and the workbook's relationship to it. */
function addEmptyStyles(zip: JSZip, texts: PartTexts): void {
  texts.set("xl/styles.xml", EMPTY_STYLES);
  zip.file("xl/styles.xml", EMPTY_STYLES);
  const types = texts.get("[Content_Types].xml");
  if (types !== undefined && !types.includes('PartName="/xl/styles.xml"')) {
    texts.set("[Content_Types].xml", types.replace(/<\/(\w+:)?Types>\s*$/, (end) => `<Override PartName="/xl/styles.xml" ContentType="${STYLES_TYPE}"/>${end}`));
  }
  const rels = texts.get("xl/_rels/workbook.xml.rels") ?? "";
  if (!rels.includes(STYLES_REL)) {
    const ids = new Set([...rels.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    texts.set("xl/_rels/workbook.xml.rels", rels.replace(/<\/(\w+:)?Relationships>\s*$/, (end) => `<Relationship Id="rId${n}" Type="${STYLES_REL}" Target="styles.xml"/>${end}`));
  }
}
