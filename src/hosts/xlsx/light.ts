/**
 * The light reader of the check path: a workbook file straight to the engine's WorkbookSnapshot, read-only,
 * without xlsx-populate or JSZip. fflate lists the archive and inflates only the parts a snapshot needs
 * (workbook, relationships, styles, shared strings, worksheets — never the theme, drawings or media), once;
 * saxes streams each part's XML. No document tree is built for the large parts (worksheets, shared
 * strings), so the memory is the file, the texts of its parts and the snapshot.
 *
 * The snapshot is the one {@link readXlsxFile} gives (read.ts over xlsx-populate), down to its quirks: the
 * number-looking text that xlsx-populate's XML parser turns into a number (a formula written `1` is no
 * formula there), the first child that its `findChild` and `children[0]` pick, the last row or cell of a
 * duplicated address winning, shared formulas expanded by {@link shiftFormula}, rich text as the text of
 * its runs. test/hosts/xlsx-light.test.ts compares both readers over every workbook the tests know.
 *
 * Bad input keeps its exact sentence by the simplest honest design: on ANY anomaly — a problem the sniff
 * finds, a zip fflate cannot list, a part missing, over the size limits, XML that is not well formed, a
 * structure xlsx-populate would trip over, or merely something this reader does not model (comments,
 * CDATA, literal carriage returns, which saxes normalises and sax does not) — it gives up and the file is
 * read again by {@link openXlsx}, which refuses it with today's sentence (or reads it, when it only was
 * unusual). That path is loaded on demand: a check of a sound workbook never loads xlsx-populate or JSZip.
 */
import * as fs from "fs";
import { unzipSync, type UnzipFileInfo } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellValue, DefinedName, LineRun, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../core/model/snapshot";
import { SheetCellsBuilder } from "../../core/model/cell-index";
import { BUILTIN_FORMATS, isTrue, shiftFormula, visibilityOfState } from "./cells";
import { sheetParts, relsOf } from "./normalize";
import { limitsFromEnv, relationships, type ReadLimits } from "./package";
import { sniff } from "./sniff";
import { computeUncached } from "./evaluate";

/** Something the light reader does not take on: the full reader decides (and words any refusal). */
class Anomaly extends Error {
  constructor(why: string) {
    super(why);
    this.name = "Anomaly";
  }
}

function anomaly(why: string): never {
  throw new Anomaly(why);
}

/** The parts xlsx-populate parses besides the worksheets (package.ts, WORKBOOK_PARTS). */
const WORKBOOK_PARTS = ["[Content_Types].xml", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"];

/** xlsx-populate's XmlParser drops a text child that is only whitespace (JavaScript's \s) unless xml:space="preserve". */
const ALL_WHITESPACE = /^\s+$/;

/** Whether xlsx-populate's parser would turn this text into a number (`_covertToNumberIfNumber`). */
function looksNumeric(text: string): boolean {
  return Number(text).toString() === text;
}

/** Cells and shared strings as package.ts counts them against the limit. */
const CELL = /<(?:\w+:)?c[\s>/]/g;
const SHARED_STRING = /<(?:\w+:)?si[\s>/]/g;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * saxes normalises what sax (xlsx-populate's parser) keeps: a carriage return in text becomes a line feed,
 * and a tab or line break inside an attribute value a space. Such a part is left to the full reader. The
 * prolog's line break (Excel writes `?>\r\n<worksheet`) is outside the root and does not count.
 */
const ATTRIBUTE_BREAK = /=\s*(?:"[^"<]*[\t\n\r]|'[^'<]*[\t\n\r])/;
function checkNormalisation(part: string, text: string): void {
  const root = text.search(/<[A-Za-z_]/);
  if (root < 0) return;
  if (text.indexOf("\r", root) >= 0) anomaly(`${part}: carriage return`);
  // The pattern only where a tab or line feed exists at all: most parts have none after the prolog, and a
  // regular expression run once is interpreted, not compiled (a cost at every start).
  if ((text.indexOf("\n", root) >= 0 || text.indexOf("\t", root) >= 0) && ATTRIBUTE_BREAK.test(text)) anomaly(`${part}: line break in an attribute`);
}

/** A first child as xlsx-populate's `children[0]` sees it: a text, an element (by name), or none. */
type First = undefined | { readonly text: string } | { readonly element: string };

/**
 * Parse one part with saxes, calling `open`, `text` and `close`; comments, CDATA, processing instructions
 * and DOCTYPEs are anomalies (sax and saxes split or drop them differently, and Excel writes none).
 * Text is delivered once per text node, after the whitespace rule of xlsx-populate's parser.
 */
function parse(
  part: string,
  text: string,
  handlers: {
    open(tag: SaxesTagPlain, depth: number): void;
    text?(text: string, depth: number): void;
    close(name: string, depth: number): void;
  },
): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const preserve: boolean[] = [];
  let pending = "";
  const flush = (): void => {
    if (pending === "") return;
    const t = pending;
    pending = "";
    const depth = preserve.length;
    if (depth === 0) return; // whitespace around the root (anything else is a saxes error)
    if (ALL_WHITESPACE.test(t) && !preserve[depth - 1]) return;
    if (!handlers.text) anomaly(`${part}: text in <${part}>`);
    handlers.text(t, depth);
  };
  const unsupported = (): void => anomaly(`${part}: comment, CDATA, processing instruction or DOCTYPE`);
  parser.on("text", (t) => {
    pending += t;
  });
  parser.on("opentag", (tag) => {
    flush();
    handlers.open(tag, preserve.length);
    preserve.push(tag.attributes["xml:space"] === "preserve");
  });
  parser.on("closetag", (tag) => {
    flush();
    preserve.pop();
    handlers.close(tag.name, preserve.length);
  });
  parser.on("comment", unsupported);
  parser.on("cdata", unsupported);
  parser.on("processinginstruction", unsupported);
  parser.on("doctype", unsupported);
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Anomaly) throw err;
    anomaly(`${part}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A small element tree (for workbook.xml and styles.xml), with xlsx-populate's children: elements and kept texts. */
interface Node {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (Node | string)[];
}

function parseTree(part: string, text: string): Node {
  const stack: Node[] = [];
  let root: Node | undefined;
  parse(part, text, {
    open(tag) {
      const node: Node = { name: tag.name, attributes: tag.attributes, children: [] };
      if (stack.length) stack[stack.length - 1].children.push(node);
      else root = node;
      stack.push(node);
    },
    text(t) {
      stack[stack.length - 1].children.push(t);
    },
    close() {
      stack.pop();
    },
  });
  return root ?? anomaly(`${part}: no root element`);
}

/** The first child named `name` (xlsx-populate's `xmlq.findChild`). */
function child(node: Node | undefined, name: string): Node | undefined {
  return node?.children.find((c): c is Node => typeof c !== "string" && c.name === name);
}

function elementsOf(node: Node | undefined, name: string): Node[] {
  return node ? node.children.filter((c): c is Node => typeof c !== "string" && c.name === name) : [];
}

/** An element whose children xlsx-populate walks as elements: a text among them would crash it. */
function noText(part: string, node: Node | undefined): void {
  if (node?.children.some((c) => typeof c === "string")) anomaly(`${part}: text in <${node.name}>`);
}

/** Only well-formedness matters for a part xlsx-populate parses but the snapshot does not read. */
function checkWellFormed(part: string, text: string): void {
  parse(part, text, { open() {}, text() {}, close() {} });
}

/** A relationships part: well formed, and no text among its relationships. */
function checkRels(part: string, text: string): void {
  parse(part, text, {
    open() {},
    text(_t, depth) {
      if (depth <= 1) anomaly(`${part}: text in <Relationships>`);
    },
    close() {},
  });
}

/** Number format code per style index (read.ts, readStyleTable: formats only). */
function readFormats(text: string): (string | undefined)[] {
  const part = "xl/styles.xml";
  checkNormalisation(part, text);
  const root = parseTree(part, text);
  if (root.name !== "styleSheet") anomaly(`${part}: root <${root.name}>`);
  noText(part, root);
  // StyleSheet's constructor needs these four.
  for (const name of ["fonts", "fills", "borders", "cellXfs"]) if (!child(root, name)) anomaly(`${part}: no <${name}>`);
  const numFmts = child(root, "numFmts");
  noText(part, numFmts);
  const custom = new Map<number, string>();
  for (const f of elementsOf(numFmts, "numFmt")) custom.set(Number(f.attributes.numFmtId), f.attributes.formatCode ?? "");
  return elementsOf(child(root, "cellXfs"), "xf").map((xf) => {
    const raw = xf.attributes.numFmtId;
    const id = raw === undefined ? 0 : Number(raw);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    return code && code !== "General" ? code : undefined;
  });
}

/** The workbook part: sheet names and visibility in tab order, and the defined names (scope resolved later). */
function readWorkbookPart(text: string): { sheets: { name: string; visibility: SheetVisibility }[]; names: { name: string; refersTo: string; localSheetId?: string }[]; recalc: boolean } {
  const part = "xl/workbook.xml";
  checkNormalisation(part, text);
  const root = parseTree(part, text);
  if (root.name !== "workbook") anomaly(`${part}: root <${root.name}>`);
  noText(part, root);
  const sheetsNode = child(root, "sheets") ?? anomaly(`${part}: no <sheets>`);
  noText(part, sheetsNode);
  const sheets = sheetsNode.children.map((c) => {
    if (typeof c === "string" || c.name !== "sheet" || c.attributes.name === undefined) anomaly(`${part}: unexpected child of <sheets>`);
    return { name: c.attributes.name, visibility: visibilityOfState(c.attributes.state) };
  });
  const definedNames = child(root, "definedNames");
  noText(part, definedNames);
  const names: { name: string; refersTo: string; localSheetId?: string }[] = [];
  for (const node of elementsOf(definedNames, "definedName")) {
    const name = node.attributes.name ?? "";
    if (!name) continue;
    const first = node.children[0];
    const refersTo = (typeof first === "string" ? first : "").replace(/^=/, "");
    const local = node.attributes.localSheetId;
    // `_sheets[localSheetId]` in xlsx-populate: anything but a plain index would pick no sheet or worse.
    if (local !== undefined && !/^\d+$/.test(local)) anomaly(`${part}: localSheetId ${local}`);
    names.push(local === undefined ? { name, refersTo } : { name, refersTo, localSheetId: local });
  }
  // <calcPr fullCalcOnLoad="1"/>: the stored formula results are recomputed by whoever opens the file.
  const recalc = /^(?:1|true)$/i.test(child(root, "calcPr")?.attributes.fullCalcOnLoad ?? "");
  return { sheets, names, recalc };
}

/** The shared strings: plain text, rich text as the text of its runs, undefined for an empty entry. */
function readSharedStrings(text: string): (string | undefined)[] {
  const part = "xl/sharedStrings.xml";
  checkNormalisation(part, text);
  const strings: (string | undefined)[] = [];
  // One <si> at a time. Its first child decides (SharedStrings._cacheExistingSharedStrings): a <t> is plain
  // text (that <t>'s first child), anything else is rich text, the text of each <r>'s first <t> (RichText).
  let first: First;
  let plain: First;
  let inFirstT = false;
  let runs: string[] = [];
  let inRun = false;
  let inRunT = false;
  /** The run's first <t>: "none" before it, "open" while it has no child yet, else its text. */
  let runT: "none" | "open" | { text: string } = "none";
  parse(part, text, {
    open(tag, depth) {
      if (depth === 0) {
        if (tag.name !== "sst") anomaly(`${part}: root <${tag.name}>`);
      } else if (depth === 1) {
        if (tag.name !== "si") anomaly(`${part}: <${tag.name}> in <sst>`);
        first = undefined;
        plain = undefined;
        runs = [];
      } else if (depth === 2) {
        inFirstT = first === undefined && tag.name === "t";
        if (first === undefined) first = { element: tag.name };
        if (tag.name === "r") {
          inRun = true;
          runT = "none";
        }
      } else if (depth === 3) {
        if (inFirstT && plain === undefined) anomaly(`${part}: an element as the text of <t>`);
        if (inRun && tag.name === "t" && runT === "none") {
          runT = "open";
          inRunT = true;
        }
      } else if (depth === 4 && inRunT && runT === "open") {
        anomaly(`${part}: an element as the text of a run`);
      }
    },
    text(t, depth) {
      if (depth <= 2) anomaly(`${part}: text in <${depth === 1 ? "sst" : "si"}>`);
      if (depth === 3 && inFirstT && plain === undefined) plain = { text: t };
      else if (depth === 4 && inRunT && runT === "open") runT = { text: t };
    },
    close(name, depth) {
      if (depth === 3) inRunT = false;
      else if (depth === 2) {
        inFirstT = false;
        if (inRun && name === "r") {
          // A run without text would read as "undefined" (or crash) in xlsx-populate: left to it.
          if (typeof runT !== "object") anomaly(`${part}: a run without text`);
          runs.push(runT.text);
          inRun = false;
        }
      } else if (depth === 1) {
        if (first === undefined) anomaly(`${part}: empty <si>`);
        if ("element" in first && first.element === "t") strings.push(plain && "text" in plain ? plain.text : undefined);
        else strings.push(runs.join(""));
      }
    },
  });
  return strings;
}

/** One `<c>` while it is parsed: what xlsx-populate's Cell._parseNode looks at. */
interface RawCell {
  readonly col: number;
  readonly t?: string;
  readonly s?: string;
  f?: { readonly ref?: string; readonly si?: string; first: First };
  v?: { first: First };
  is?: { elements: number; first: First; tFirst: First };
}

/**
 * One `<c>` once parsed, flat (a worksheet has tens of thousands: one small object each). For `v` and `f`:
 * undefined when the element is absent, null when it has no text child first, else that text.
 */
interface CellRecord {
  readonly col: number;
  readonly t?: string;
  readonly s?: string;
  readonly v: string | null | undefined;
  readonly f: string | null | undefined;
  readonly fref?: string;
  readonly fsi?: string;
  /** Element children of `<is>`, undefined without `<is>`. */
  readonly isElements?: number;
  /** The text of `<is>`'s first child when that is a `<t>`; null for a `<t>` without text; undefined otherwise. */
  readonly isText?: string | null;
}

function compact(c: RawCell): CellRecord {
  const isT = c.is?.first !== undefined && "element" in c.is.first && c.is.first.element === "t";
  return {
    col: c.col,
    t: c.t,
    s: c.s,
    v: c.v ? (textOfFirst(c.v.first) ?? null) : undefined,
    f: c.f ? (textOfFirst(c.f.first) ?? null) : undefined,
    fref: c.f?.ref,
    fsi: c.f?.si,
    isElements: c.is?.elements,
    isText: isT ? (textOfFirst(c.is!.tFirst) ?? null) : undefined,
  };
}

interface RawRow {
  readonly r: number;
  readonly cells: CellRecord[];
  /** `<row hidden="1">`. */
  readonly hidden: boolean;
}

const ROW_NUMBER = /^[1-9]\d*$/;
const CELL_REF = /^([A-Z]{1,3})\d+$/;

/** A `<col>`'s min or max: a plain column number, else the full reader decides. */
const COL_NUMBER = /^[1-9]\d*$/;

/** A worksheet part, streamed: its rows of cells, its merged areas and its hidden columns. */
function readSheetPart(part: string, text: string): { rows: RawRow[]; merges: string[]; hiddenCols: LineRun[] } {
  checkNormalisation(part, text);
  const rows: RawRow[] = [];
  // Merged areas keyed like Sheet._mergeCells (an object: same order, a repeated area once).
  const merges: Record<string, true> = {};
  let sheetData = 0;
  let inSheetData = false;
  let mergeCells = 0;
  let inMerge = false;
  let colsCount = 0;
  let inCols = false;
  const hiddenCols: LineRun[] = [];
  let row: RawRow | undefined;
  let cell: RawCell | undefined;
  /** The child of <c> being read (only the first <f>, <v> and <is> count). */
  let inC: "f" | "v" | "is" | undefined;
  /** Inside the first child of <is>, when it is a <t>. */
  let inIsT = false;
  const seenRows = new Set<number>();
  parse(part, text, {
    open(tag, depth) {
      const a = tag.attributes;
      switch (depth) {
        case 0:
          if (tag.name !== "worksheet") anomaly(`${part}: root <${tag.name}>`);
          break;
        case 1:
          if (tag.name === "sheetData") {
            if (++sheetData > 1) anomaly(`${part}: two <sheetData>`);
            inSheetData = true;
          } else if (tag.name === "mergeCells") inMerge = ++mergeCells === 1;
          else if (tag.name === "cols") {
            // xlsx-populate reads the first <cols> only (Sheet's findChild).
            if (++colsCount > 1) anomaly(`${part}: two <cols>`);
            inCols = true;
          }
          break;
        case 2:
          if (inSheetData) {
            const r = a.r;
            if (tag.name !== "row" || r === undefined || !ROW_NUMBER.test(r)) anomaly(`${part}: <${tag.name} r="${r}"> in <sheetData>`);
            const n = Number(r);
            if (seenRows.has(n)) anomaly(`${part}: row ${n} twice`);
            seenRows.add(n);
            row = { r: n, cells: [], hidden: isTrue(a.hidden) };
          } else if (inCols) {
            if (tag.name !== "col") anomaly(`${part}: <${tag.name}> in <cols>`);
            if (isTrue(a.hidden)) {
              if (!COL_NUMBER.test(a.min ?? "") || !COL_NUMBER.test(a.max ?? "")) anomaly(`${part}: <col min="${a.min}" max="${a.max}">`);
              hiddenCols.push([Number(a.min), Number(a.max)]);
            }
          } else if (inMerge) {
            if (tag.name !== "mergeCell" || a.ref === undefined) anomaly(`${part}: <${tag.name}> in <mergeCells>`);
            merges[a.ref] = true;
          }
          break;
        case 3:
          if (row) {
            const m = tag.name === "c" && a.r !== undefined ? CELL_REF.exec(a.r) : null;
            if (!m) anomaly(`${part}: <${tag.name}> in a row`);
            cell = { col: colNumber(m[1]), t: a.t, s: a.s };
          }
          break;
        case 4:
          inC = undefined;
          if (!cell) break;
          if (tag.name === "f" && !cell.f) {
            cell.f = { ref: a.ref, si: a.si, first: undefined };
            inC = "f";
          } else if (tag.name === "v" && !cell.v) {
            cell.v = { first: undefined };
            inC = "v";
          } else if (tag.name === "is" && !cell.is) {
            cell.is = { elements: 0, first: undefined, tFirst: undefined };
            inC = "is";
          }
          break;
        case 5:
          if (inC === "f" || inC === "v") {
            const holder = inC === "f" ? cell!.f! : cell!.v!;
            if (holder.first === undefined) anomaly(`${part}: an element as the text of <${inC}>`);
          } else if (inC === "is") {
            const is = cell!.is!;
            is.elements++;
            inIsT = is.first === undefined && tag.name === "t";
            if (is.first === undefined) is.first = { element: tag.name };
          }
          break;
        case 6:
          if (inIsT && cell!.is!.tFirst === undefined) anomaly(`${part}: an element as the text of <t>`);
          break;
      }
    },
    text(t, depth) {
      if (depth === 1 || (depth === 2 && (inSheetData || inMerge || inCols)) || (depth === 3 && row)) anomaly(`${part}: text where rows or cells belong`);
      if (depth === 5 && inC) {
        const holder = inC === "f" ? cell!.f! : inC === "v" ? cell!.v! : cell!.is!;
        if (holder.first === undefined) holder.first = { text: t };
      } else if (depth === 6 && inIsT) {
        const is = cell!.is!;
        if (is.tFirst === undefined) is.tFirst = { text: t };
      }
    },
    close(_name, depth) {
      switch (depth) {
        case 1:
          inSheetData = false;
          inMerge = false;
          inCols = false;
          break;
        case 2:
          if (row) rows.push(row);
          row = undefined;
          break;
        case 3:
          if (row && cell) row.cells.push(compact(cell));
          cell = undefined;
          break;
        case 4:
          inC = undefined;
          break;
        case 5:
          inIsT = false;
          break;
      }
    },
  });
  if (sheetData === 0) anomaly(`${part}: no <sheetData>`);
  return { rows, merges: Object.keys(merges), hiddenCols };
}

/** Column letters to their number (xlsx-populate's columnNameToNumber, upper case only here). */
function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function textOfFirst(first: First): string | undefined {
  return first !== undefined && "text" in first ? first.text : undefined;
}

/** What xlsx-populate's cell value is, after jixiao's patch (populate.ts): an error holds its code. */
type RawValue = string | number | boolean | undefined | null | { readonly error: string | undefined };

function rawValue(part: string, cell: CellRecord, strings: readonly (string | undefined)[]): RawValue {
  let type = cell.t;
  // An empty inline string (openpyxl's <c t="inlineStr"/>) is a blank cell (populate.ts).
  if (type === "inlineStr" && !cell.isElements) type = undefined;
  const hasV = cell.v !== undefined;
  const v = cell.v ?? undefined;
  switch (type) {
    case "s": {
      if (!hasV) return "";
      if (v === undefined) {
        if (strings.length === 0) anomaly(`${part}: shared string index out of range`);
        return undefined;
      }
      if (!/^(?:0|[1-9]\d*)$/.test(v) || Number(v) >= strings.length) anomaly(`${part}: shared string index ${v}`);
      return strings[Number(v)];
    }
    case "str":
      return v;
    case "inlineStr":
      // A first child that is not a <t> makes xlsx-populate keep the children array: no value.
      return cell.isText === undefined ? null : (cell.isText ?? undefined);
    case "b":
      if (!hasV) anomaly(`${part}: a boolean without <v>`);
      return v === "1";
    case "e":
      if (!hasV) anomaly(`${part}: an error without <v>`);
      if (v !== undefined && looksNumeric(v)) anomaly(`${part}: error value ${v}`);
      return { error: v };
    default: {
      const n = hasV ? Number(v) : undefined;
      // populate.ts turns a number back into text for a cell typed as a string, even an emptied inline one.
      return n !== undefined && cell.t === "inlineStr" ? String(n) : n;
    }
  }
}

/** The snapshot of one sheet (read.ts, readSnapshot and cellSnapshot). */
function sheetSnapshot(
  name: string,
  visibility: SheetVisibility,
  part: string,
  text: string,
  formats: readonly (string | undefined)[],
  strings: readonly (string | undefined)[],
): SheetSnapshot {
  const parsed = readSheetPart(part, text);
  const rows = parsed.rows;
  // xlsx-populate keeps rows and cells in arrays indexed by number: read in that order, and the last
  // cell of a repeated address wins (rows cannot repeat here).
  if (rows.some((r, i) => i > 0 && rows[i - 1].r > r.r)) rows.sort((a, b) => a.r - b.r);
  for (const row of rows) {
    const cells = row.cells;
    if (cells.some((c, i) => i > 0 && cells[i - 1].col >= c.col)) {
      const byCol = new Map<number, CellRecord>();
      for (const c of cells) byCol.set(c.col, c);
      cells.length = 0;
      cells.push(...[...byCol.values()].sort((a, b) => a.col - b.col));
    }
  }
  /** A cell's own formula text as xlsx-populate holds it: a number-looking text became a number. */
  const formulaOf = (c: CellRecord): string | number | undefined => {
    const t = c.f ?? undefined;
    return t !== undefined && looksNumeric(t) ? Number(t) : t;
  };
  // Shared formulas: the master cell holds the text, the other cells of its range only its id.
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  for (const row of rows) {
    for (const c of row.cells) {
      const formula = formulaOf(c);
      if (c.fsi !== undefined && typeof formula === "string" && c.fref !== undefined) masters.set(c.fsi, { formula, row: row.r, col: c.col });
    }
  }
  // The builder writes the record as before and primes the engine's cell index on the way (rows and
  // cells are in order here), so the engine never enumerates a record of tens of thousands of keys.
  let capacity = 0;
  for (const row of rows) capacity += row.cells.length;
  const cells = new SheetCellsBuilder(capacity);
  for (const row of rows) {
    for (const c of row.cells) {
      const own = formulaOf(c);
      let formula = typeof own === "string" ? own : undefined;
      if (formula === undefined && c.fsi !== undefined && own === undefined) {
        const master = masters.get(c.fsi);
        if (master) formula = shiftFormula(master.formula, row.r - master.row, c.col - master.col);
      }
      const raw = rawValue(part, c, strings);
      let value: CellValue = null;
      let error: string | undefined;
      if (typeof raw === "object" && raw !== null) error = raw.error;
      else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") value = raw;
      if ((value === null || value === "") && error === undefined && formula === undefined) continue;
      const numberFormat = c.s !== undefined ? formats[Number(c.s)] : undefined;
      const snap: { value: CellValue; error?: string; formula?: string; numberFormat?: string } = { value: error ? null : value };
      if (error !== undefined) snap.error = error;
      if (formula !== undefined) snap.formula = formula;
      if (numberFormat !== undefined) snap.numberFormat = numberFormat;
      cells.add(row.r, c.col, snap);
    }
  }
  const hiddenRows: LineRun[] = [];
  for (const row of rows) if (row.hidden) hiddenRows.push([row.r, row.r]);
  return cells.sheet(name, parsed.merges, { visibility, rows: hiddenRows, cols: parsed.hiddenCols });
}

/** How many bytes have been inflated, against the limit. */
interface Budget {
  bytes: number;
}

/** The archive's entries by name, nothing inflated. */
function listEntries(bytes: Uint8Array): Map<string, UnzipFileInfo> {
  const entries = new Map<string, UnzipFileInfo>();
  try {
    unzipSync(bytes, {
      filter(info) {
        // JSZip and fflate decode names differently outside ASCII; a repeated name, which one wins.
        if (entries.has(info.name) || !/^[\x20-\x7e]*$/.test(info.name)) anomaly(`zip: entry name ${info.name}`);
        entries.set(info.name, info);
        return false;
      },
    });
  } catch (err) {
    if (err instanceof Anomaly) throw err;
    anomaly(`zip: ${err instanceof Error ? err.message : String(err)}`);
  }
  return entries;
}

/**
 * Inflate the named parts and decode them as UTF-8. The sizes the archive declares are checked against the
 * byte limit before anything is inflated (fflate inflates into a buffer of the declared size), and each
 * part must inflate to exactly that size.
 */
function inflate(bytes: Uint8Array, entries: ReadonlyMap<string, UnzipFileInfo>, names: readonly string[], budget: Budget, limits: ReadLimits): Map<string, string> {
  const declared = names.reduce((n, name) => n + entries.get(name)!.originalSize, 0);
  if (budget.bytes + declared > limits.maxBytes) anomaly("over the byte limit");
  const wanted = new Set(names);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (info) => wanted.has(info.name) });
  } catch (err) {
    anomaly(`zip: ${err instanceof Error ? err.message : String(err)}`);
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const texts = new Map<string, string>();
  for (const name of names) {
    const data = files[name];
    if (!data || data.length !== entries.get(name)!.originalSize) anomaly(`${name}: inflated size`);
    budget.bytes += data.length;
    try {
      texts.set(name, decoder.decode(data));
    } catch {
      anomaly(`${name}: not UTF-8`);
    }
  }
  return texts;
}

/**
 * The snapshot of a workbook's bytes, or the reason the light reader leaves it to the full one.
 * Exported for the equivalence test, which makes sure the light path really read each workbook.
 */
export function lightSnapshot(bytes: Uint8Array, limits: ReadLimits): { readonly snapshot: WorkbookSnapshot } | { readonly fallback: string } {
  try {
    return { snapshot: snapshotOf(bytes, limits) };
  } catch (err) {
    return { fallback: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

const STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";

/** The snapshot, mirroring openXlsx's checks (index.ts, normalize.ts, package.ts) as anomalies. */
function snapshotOf(bytes: Uint8Array, limits: ReadLimits): WorkbookSnapshot {
  if (sniff(bytes)) anomaly("not a zip");
  const entries = listEntries(bytes);
  const has = (name: string): boolean => entries.has(name);
  if (!has("xl/workbook.xml")) anomaly("no xl/workbook.xml");
  for (const part of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"]) if (!has(part)) anomaly(`no ${part}`);
  const budget: Budget = { bytes: 0 };
  const texts = inflate(bytes, entries, WORKBOOK_PARTS.filter(has), budget, limits);
  const workbookXml = texts.get("xl/workbook.xml")!;
  const relsXml = texts.get("xl/_rels/workbook.xml.rels")!;
  // normalize.ts: where each sheet's cells are.
  let parts: { part: string }[];
  try {
    parts = sheetParts(workbookXml, relsXml);
  } catch (err) {
    anomaly(`sheets: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (new Set(parts.map((p) => p.part)).size !== parts.length) anomaly("two sheets in one part");
  // package.ts, preflight.
  if (!/<(?:\w+:)?sheets[\s>]/.test(workbookXml)) anomaly("no <sheets>");
  const rels = relationships(relsXml, "xl");
  for (const r of rels) if (r.type !== "calcChain" && !has(r.target)) anomaly(`missing ${r.target}`);
  for (const [type, usual] of [["sharedStrings", STRINGS], ["styles", STYLES]] as const) {
    const rel = rels.find((r) => r.type === type);
    if (rel && rel.target !== usual && !texts.has(usual)) anomaly(`${type} at ${rel.target}`);
  }
  const sheetCount = (/<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1].match(/<(?:\w+:)?sheet\b/g) ?? []).length;
  if (sheetCount !== parts.length) anomaly("sheet count");
  for (const p of parts) if (!has(p.part)) anomaly(`missing ${p.part}`);
  const sheetRels = parts.map((p) => relsOf(p.part)).filter(has);
  const sheetTexts = inflate(
    bytes,
    entries,
    parts.map((p) => p.part),
    budget,
    limits,
  );
  const relsTexts = inflate(bytes, entries, sheetRels, budget, limits);
  let usesSharedStrings = false;
  let cells = texts.has(STRINGS) ? count(SHARED_STRING, texts.get(STRINGS)!) : 0;
  for (const p of parts) {
    const text = sheetTexts.get(p.part)!;
    if (!/<(?:\w+:)?sheetData[\s>/]/.test(text)) anomaly(`${p.part}: no <sheetData>`);
    if (!usesSharedStrings && /\st\s*=\s*"s"/.test(text)) usesSharedStrings = true;
    cells += count(CELL, text);
  }
  if (cells > limits.maxCells) anomaly("over the cell limit");
  for (const text of relsTexts.values()) {
    for (const r of relationships(text, "xl/worksheets")) if (!has(r.target)) anomaly(`missing ${r.target}`);
  }
  if (usesSharedStrings && !texts.has(STRINGS)) anomaly(`missing ${STRINGS}`);
  if (!texts.has(STYLES)) anomaly(`missing ${STYLES}`);

  // Every part xlsx-populate parses must parse; then the snapshot.
  checkRels("[Content_Types].xml", texts.get("[Content_Types].xml")!);
  for (const part of ["docProps/app.xml", "docProps/core.xml"]) if (texts.has(part)) checkWellFormed(part, texts.get(part)!);
  checkRels("xl/_rels/workbook.xml.rels", relsXml);
  for (const [part, text] of relsTexts) checkRels(part, text);
  const formats = readFormats(texts.get(STYLES)!);
  const strings = texts.has(STRINGS) ? readSharedStrings(texts.get(STRINGS)!) : [];
  texts.clear();
  const workbook = readWorkbookPart(workbookXml);
  if (workbook.sheets.length !== parts.length) anomaly("sheet count");
  const sheets = parts.map((p, i) => {
    const text = sheetTexts.get(p.part)!;
    // Let each worksheet's text go as soon as it is read.
    sheetTexts.delete(p.part);
    return sheetSnapshot(workbook.sheets[i].name, workbook.sheets[i].visibility, p.part, text, formats, strings);
  });
  const names: DefinedName[] = workbook.names.map((n) => {
    const scope = n.localSheetId !== undefined ? sheets[Number(n.localSheetId)]?.name : undefined;
    return scope !== undefined ? { name: n.name, refersTo: n.refersTo, scope } : { name: n.name, refersTo: n.refersTo };
  });
  return { sheets, names, ...(workbook.recalc ? { recalcOnOpen: true } : {}) };
}

/**
 * Read a workbook file into the engine's snapshot: the light path, else (any anomaly) the full reader,
 * which reads it or refuses it with its sentence.
 * @throws XlsxReadError (see openXlsx in index.ts)
 */
export async function readWorkbookFile(file: string, limits: ReadLimits = limitsFromEnv()): Promise<WorkbookSnapshot> {
  let bytes: Uint8Array | undefined;
  try {
    // Synchronous: fs.promises would load readline and more at the start of every check.
    if (fs.statSync(file).isFile()) bytes = fs.readFileSync(file);
  } catch {
    // a missing path and the like: the full reader words it
  }
  if (bytes !== undefined) {
    const light = lightSnapshot(bytes, limits);
    if ("snapshot" in light) return computeUncached(light.snapshot);
    if (process.env.JIXIAO_DEBUG_READER) process.stderr.write(`jixiao: light reader fell back: ${light.fallback}\n`);
  }
  const full = await import(/* webpackChunkName: "xlsx-full" */ "./index");
  return full.readXlsxFile(file, limits);
}
