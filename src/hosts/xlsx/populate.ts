/**
 * The slice of xlsx-populate 1.21 (which ships no types) that the .xlsx adapter uses, typed here rather
 * than declared as an ambient module. Members starting with `_` are the library's internals: the parsed
 * XML nodes it keeps (used read-only, except the cached-value children re-attached before saving, see
 * index.ts) — they are stable in 1.21.0, which package.json pins. {@link loadParts} also drives the
 * workbook's loader (`_initAsync`, `_parseNodesAsync`) so that a file is unzipped and inflated once, and
 * finish.ts wraps `outputAsync` to keep unchanged sheets byte for byte.
 */

/** A parsed XML element as xlsx-populate keeps it. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string | number | undefined>;
  children: (XmlNode | string | number)[];
  /** Set by xlsx-populate on definedName nodes with a localSheetId. */
  localSheet?: PopulateSheet;
}

/** A formula error value. */
export interface PopulateFormulaError {
  error(): string;
}

/** A rich-text value. */
export interface PopulateRichText {
  text(): string;
}

/** A cell. */
export interface PopulateCell {
  value(): unknown;
  value(value: string | number | boolean | null | undefined): PopulateCell;
  formula(formula: string): PopulateCell;
  style(name: string): unknown;
  style(name: string, value: unknown): PopulateCell;
  style(styles: Record<string, unknown>): PopulateCell;
  columnNumber(): number;
  _value?: unknown;
  _formula?: string;
  _formulaType?: string;
  _formulaRef?: string;
  _sharedFormulaId?: string | number;
  _styleId?: string | number;
  _style?: unknown;
  _remainingAttributes?: Record<string, string | number | undefined>;
  _remainingChildren?: (XmlNode | string | number)[];
}

/** A row. */
export interface PopulateRow {
  _cells: (PopulateCell | undefined)[];
  /** The `<row>` element (r, hidden, ht …). */
  _node: XmlNode;
}

/** A column. */
export interface PopulateColumn {
  width(width: number): PopulateColumn;
}

/** A worksheet. */
export interface PopulateSheet {
  hidden(hidden: boolean): PopulateSheet;
  name(): string;
  name(newName: string): PopulateSheet;
  cell(address: string): PopulateCell;
  cell(row: number, column: number): PopulateCell;
  column(columnNumber: number): PopulateColumn;
  activeCell(address: string): PopulateSheet;
  active(active: true): PopulateSheet;
  tabSelected(selected: boolean): PopulateSheet;
  /** The `<worksheet>` element. */
  _node: XmlNode;
  /** The `<sheet>` element of workbook.xml (name, sheetId, r:id, state). */
  _idNode: XmlNode;
  _rows: (PopulateRow | undefined)[];
  _mergeCells: Record<string, unknown>;
  /** The `<col>` element covering each column number (one element shared by its min…max run). */
  _colNodes: (XmlNode | undefined)[];
}

/** The style sheet. */
export interface PopulateStyleSheet {
  _node: XmlNode;
}

/** A workbook. */
export interface PopulateWorkbook {
  sheets(): PopulateSheet[];
  sheet(nameOrIndex: string | number): PopulateSheet | undefined;
  addSheet(name: string, index?: number): PopulateSheet;
  deleteSheet(name: string): PopulateWorkbook;
  definedName(name: string): unknown;
  definedName(name: string, refersTo: string | null): PopulateWorkbook;
  outputAsync(): Promise<Buffer>;
  styleSheet(): PopulateStyleSheet;
  _node: XmlNode;
  _sheets: PopulateSheet[];
  _activeSheet?: PopulateSheet;
  /** The open archive the workbook was read from; outputAsync writes its parts into it. */
  _zip: {
    file(name: string): unknown;
    file(name: string, data: unknown, options?: unknown): unknown;
    remove(name: string): unknown;
    files: Record<string, unknown>;
  };
  _contentTypes: { _node: XmlNode };
  _relationships: { _node: XmlNode };
}

/** The module. */
export interface PopulateModule {
  fromDataAsync(data: Buffer | Uint8Array): Promise<PopulateWorkbook>;
  fromBlankAsync(): Promise<PopulateWorkbook>;
}

// The library has no types; this is the one place it is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const XlsxPopulate: PopulateModule = require("xlsx-populate");

/**
 * xlsx-populate's XML parser turns every text that round-trips through Number() into a number, so a
 * number stored as text (`"199.5"` in a string cell — exactly what the number-stored-as-text rule looks
 * for) would be read as the number 199.5. The conversion is lossless (`String(n)` gives the text back), so
 * string-typed cells (`s`, `str`, `inlineStr`) get their text back right after parsing.
 */
/** Whether the shared-string table has an entry at `index` (an empty string counts). */
function sharedStringExists(cell: PopulateCell, index: number): boolean {
  const table = (cell as unknown as { workbook(): { sharedStrings(): { _stringArray?: unknown[] } } }).workbook().sharedStrings()._stringArray;
  return Number.isInteger(index) && index >= 0 && table !== undefined && index < table.length;
}

interface CellPrototype {
  _parseNode(this: PopulateCell, node: XmlNode): void;
  __jixiaoTextFix?: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cellPrototype = (require("xlsx-populate/lib/Cell") as { prototype: CellPrototype }).prototype;
if (!cellPrototype.__jixiaoTextFix) {
  const parseNode = cellPrototype._parseNode;
  cellPrototype._parseNode = function (this: PopulateCell, node: XmlNode): void {
    const type = node.attributes.t;
    // Read before parsing: xlsx-populate empties the node as it parses it.
    const v = type === "s" ? elements(node, "v")[0] : undefined;
    const sharedIndex = v === undefined ? undefined : Number(textOf(v));
    // An empty inline string, as openpyxl writes "" (`<c t="inlineStr"/>`, no <is> or an empty one), is a
    // blank cell; xlsx-populate would dereference the missing <is> child and the whole file read as corrupt.
    if (type === "inlineStr" && elements(elements(node, "is")[0]).length === 0) {
      delete node.attributes.t;
      node.children = node.children.filter((c) => !(typeof c === "object" && c !== null && c.name === "is"));
    }
    parseNode.call(this, node);
    if ((type === "s" || type === "str" || type === "inlineStr") && typeof this._value === "number") this._value = String(this._value);
    // A shared-string index past the end of the table would read as a blank cell: the package is damaged.
    // (An empty shared string, `<si><t></t></si>`, which ExcelJS writes for "", also reads as undefined: only
    // an index past the table's end is damage.)
    if (sharedIndex !== undefined && this._value === undefined && !sharedStringExists(this, sharedIndex)) {
      const sheet = (this as unknown as { sheet(): PopulateSheet & { workbook(): PopulateWorkbook & { __jixiaoDamage?: string } } }).sheet();
      const workbook = sheet.workbook();
      workbook.__jixiaoDamage ??= sheet.name();
    }
  };
  cellPrototype.__jixiaoTextFix = true;
}

/** The child elements of a node (skipping text). */
export function elements(node: XmlNode | undefined, name?: string): XmlNode[] {
  if (!node) return [];
  return node.children.filter((c): c is XmlNode => typeof c === "object" && c !== null && (name === undefined || c.name === name));
}

/** The text content of a node (its first text child). */
export function textOf(node: XmlNode): string {
  const first = node.children[0];
  return typeof first === "string" || typeof first === "number" ? String(first) : "";
}

/** xlsx-populate's Sheet class (to replace a sheet's content in place). */
export type SheetConstructor = new (workbook: PopulateWorkbook, idNode: XmlNode) => PopulateSheet;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const SheetClass: SheetConstructor = require("xlsx-populate/lib/Sheet");

interface WorkbookInternals {
  _initAsync(data: unknown, opts?: unknown): Promise<PopulateWorkbook>;
  _convertInputToBufferAsync(input: unknown): Promise<unknown>;
  _parseNodesAsync(names: readonly string[]): Promise<(XmlNode | undefined)[]>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorkbookClass: new () => WorkbookInternals = require("xlsx-populate/lib/Workbook");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XmlParserClass: new () => { parseAsync(xml: string): Promise<XmlNode> } = require("xlsx-populate/lib/XmlParser");

/**
 * xlsx-populate's loader calls `JSZip.loadAsync(data)`. Given an archive that is already open it now
 * returns it as is (before, that threw), so that a file is unzipped once: {@link loadParts} hands over the
 * archive opened for the checks in package.ts.
 */
interface JSZipStatic {
  loadAsync(data: unknown, options?: unknown): Promise<unknown>;
  __jixiaoPreloaded?: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jszipModule = require("jszip") as JSZipStatic;
if (!jszipModule.__jixiaoPreloaded) {
  const load = jszipModule.loadAsync;
  jszipModule.loadAsync = function (this: unknown, data: unknown, options?: unknown): Promise<unknown> {
    const opened = typeof data === "object" && data !== null && "files" in data && typeof (data as { generateAsync?: unknown }).generateAsync === "function";
    return opened ? Promise.resolve(data) : load.call(this, data, options);
  };
  jszipModule.__jixiaoPreloaded = true;
}

/** A part whose XML does not parse. */
export class PartParseError extends Error {
  constructor(
    readonly part: string,
    cause: unknown,
  ) {
    super(`${part}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "PartParseError";
  }
}

/**
 * Build xlsx-populate's workbook from an archive that is already open, parsing the part texts already
 * inflated (package.ts) instead of inflating them again.
 * @param zip - the open archive (xlsx-populate keeps it and writes its output into it)
 * @param texts - part name → XML text; each entry is dropped once parsed
 * @throws PartParseError naming the first part whose XML does not parse
 */
export async function loadParts(zip: unknown, texts: Map<string, string>): Promise<PopulateWorkbook> {
  const workbook = new WorkbookClass();
  const parser = new XmlParserClass();
  const files = zip as { file(name: string): { async(type: "string"): Promise<string> } | null };
  workbook._convertInputToBufferAsync = (input: unknown) => Promise.resolve(input);
  workbook._parseNodesAsync = (names) =>
    Promise.all(
      names.map(async (name) => {
        let text = texts.get(name);
        texts.delete(name);
        if (text === undefined) {
          const file = files.file(name);
          if (!file) return undefined;
          text = await file.async("string");
        }
        if (text.trim() === "") throw new PartParseError(name, new Error("empty part"));
        try {
          return await parser.parseAsync(text);
        } catch (err) {
          throw new PartParseError(name, err);
        }
      }),
    );
  const loaded = await workbook._initAsync(zip);
  delete (workbook as Partial<WorkbookInternals>)._parseNodesAsync;
  delete (workbook as Partial<WorkbookInternals>)._convertInputToBufferAsync;
  return loaded;
}
