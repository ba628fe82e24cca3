/**
 * The slice of xlsx-populate 1.21 (which ships no types) that the .xlsx adapter uses, typed here rather
 * than declared as an ambient module. Members starting with `_` are the library's internals: the parsed
 * XML nodes it keeps (used read-only, except the cached-value children re-attached before saving, see
 * index.ts) — they are stable in 1.21.0, which package.json pins.
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
  _rows: (PopulateRow | undefined)[];
  _mergeCells: Record<string, unknown>;
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
    parseNode.call(this, node);
    if ((type === "s" || type === "str" || type === "inlineStr") && typeof this._value === "number") this._value = String(this._value);
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
