/**
 * Cell styles that are found before they are made. xlsx-populate's `cell.style(...)` clones the cell's
 * format, font, fill and border for every cell it touches, so each run of a command grew styles.xml (31
 * new formats per `narrative`). Here a style is derived from the cell's own (bold, wrapped, a solid fill,
 * a number format) and an identical format, font or fill already in the workbook is reused: running a
 * command again adds nothing.
 */
import { elements, type XmlNode } from "./populate";

/** What to change in a cell's style. */
export interface StyleChange {
  readonly bold?: boolean;
  readonly wrapText?: boolean;
  /** `#RRGGBB` for a solid fill, null for no fill. */
  readonly fill?: string | null;
  /** A number format code (`0.00%`). */
  readonly numberFormat?: string;
}

/** Excel's built-in format ids by code (the ones a write may ask for). */
const BUILTIN_IDS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

function clone(node: XmlNode): XmlNode {
  return JSON.parse(JSON.stringify(node)) as XmlNode;
}

/** A canonical text of a node (attributes sorted, values as strings), to compare two nodes. */
function key(node: XmlNode | string | number): string {
  if (typeof node !== "object") return JSON.stringify(String(node));
  const attrs = Object.keys(node.attributes)
    .filter((k) => node.attributes[k] !== undefined)
    .sort()
    .map((k) => `${k}=${JSON.stringify(String(node.attributes[k]))}`);
  return `<${node.name} ${attrs.join(" ")}>${node.children.map(key).join("")}</${node.name}>`;
}

/** The index of a node equal to `node` among `parent`'s children, appending it when there is none. */
function findOrAppend(parent: XmlNode, node: XmlNode): number {
  const wanted = key(node);
  const list = elements(parent);
  const found = list.findIndex((n) => key(n) === wanted);
  if (found >= 0) return found;
  parent.children.push(node);
  return list.length;
}

function section(root: XmlNode, name: string, before: string): XmlNode {
  let node = elements(root, name)[0];
  if (!node) {
    node = { name, attributes: {}, children: [] };
    const idx = root.children.findIndex((c) => typeof c === "object" && c.name === before);
    if (idx < 0) root.children.push(node);
    else root.children.splice(idx, 0, node);
  }
  return node;
}

function numFmtId(root: XmlNode, code: string): number {
  if (BUILTIN_IDS[code] !== undefined) return BUILTIN_IDS[code];
  const numFmts = section(root, "numFmts", "fonts");
  const existing = elements(numFmts, "numFmt").find((n) => String(n.attributes.formatCode) === code);
  if (existing) return Number(existing.attributes.numFmtId);
  const next = Math.max(163, ...elements(numFmts, "numFmt").map((n) => Number(n.attributes.numFmtId))) + 1;
  numFmts.children.push({ name: "numFmt", attributes: { numFmtId: next, formatCode: code }, children: [] });
  return next;
}

/** Keep a section's optional `count` right (or absent). */
function recount(root: XmlNode): void {
  for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) {
    const node = elements(root, name)[0];
    if (node && node.attributes.count !== undefined) node.attributes.count = elements(node).length;
  }
}

/**
 * The cell format (`cellXfs` index) that is `baseXf` with `change` applied, reusing an identical one.
 * @param root - the parsed styles part (workbook.styleSheet()._node)
 * @param baseXf - the cell's current format index (0 when it has none)
 */
export function deriveXf(root: XmlNode, baseXf: number, change: StyleChange): number {
  const cellXfs = section(root, "cellXfs", "cellStyles");
  const xfs = elements(cellXfs, "xf");
  const base = xfs[baseXf] ?? xfs[0];
  const xf: XmlNode = base ? clone(base) : { name: "xf", attributes: { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 }, children: [] };
  if (change.bold !== undefined) {
    const fonts = section(root, "fonts", "fills");
    const font = clone(elements(fonts, "font")[Number(xf.attributes.fontId ?? 0)] ?? { name: "font", attributes: {}, children: [] });
    font.children = font.children.filter((c) => !(typeof c === "object" && c.name === "b"));
    if (change.bold) font.children.unshift({ name: "b", attributes: {}, children: [] });
    xf.attributes.fontId = findOrAppend(fonts, font);
    xf.attributes.applyFont = 1;
  }
  if (change.fill !== undefined) {
    if (change.fill === null) xf.attributes.fillId = 0;
    else {
      const fills = section(root, "fills", "borders");
      const rgb = `FF${change.fill.replace(/^#/, "").toUpperCase()}`;
      const fill: XmlNode = {
        name: "fill",
        attributes: {},
        children: [{ name: "patternFill", attributes: { patternType: "solid" }, children: [{ name: "fgColor", attributes: { rgb }, children: [] }, { name: "bgColor", attributes: { indexed: 64 }, children: [] }] }],
      };
      xf.attributes.fillId = findOrAppend(fills, fill);
    }
    xf.attributes.applyFill = 1;
  }
  if (change.wrapText !== undefined) {
    let alignment = elements(xf, "alignment")[0];
    if (!alignment) {
      alignment = { name: "alignment", attributes: {}, children: [] };
      xf.children.unshift(alignment);
    }
    if (change.wrapText) {
      alignment.attributes.wrapText = 1;
      alignment.attributes.vertical = "top";
    } else delete alignment.attributes.wrapText;
    xf.attributes.applyAlignment = 1;
  }
  if (change.numberFormat !== undefined) {
    xf.attributes.numFmtId = numFmtId(root, change.numberFormat);
    xf.attributes.applyNumberFormat = 1;
  }
  const id = findOrAppend(cellXfs, xf);
  recount(root);
  return id;
}
