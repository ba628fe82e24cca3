/**
 * Build the engine's WorkbookSnapshot from a workbook loaded by xlsx-populate, without touching anything:
 * style getters of xlsx-populate clone styles (and would change styles.xml on save), so number formats
 * and fills are read from the parsed styles part instead.
 */
import type { CellSnapshot, CellValue, DefinedName, SheetSnapshot, WorkbookSnapshot } from "../../core/model/snapshot";
import { colToIndex, indexToCol } from "../../core/model/address";
import { elements, textOf, type PopulateCell, type PopulateFormulaError, type PopulateRichText, type PopulateWorkbook, type XmlNode } from "./populate";

/** Excel's built-in number formats (ECMA-376 §18.8.30) that are not `General`. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** What the styles part says about each cell style index (`s` attribute). */
export interface StyleTable {
  /** Number format code per style index, undefined for General. */
  readonly formats: readonly (string | undefined)[];
  /** Solid fill colour `#RRGGBB` per style index, null for none. */
  readonly fills: readonly (string | null)[];
}

/** Read number formats and fills per style index from the parsed styles part. */
export function readStyleTable(workbook: PopulateWorkbook): StyleTable {
  const root = workbook.styleSheet()._node;
  const custom = new Map<number, string>();
  for (const f of elements(elements(root, "numFmts")[0], "numFmt")) {
    custom.set(Number(f.attributes.numFmtId), String(f.attributes.formatCode ?? ""));
  }
  const fillColors = elements(elements(root, "fills")[0], "fill").map(fillColor);
  const formats: (string | undefined)[] = [];
  const fills: (string | null)[] = [];
  for (const xf of elements(elements(root, "cellXfs")[0], "xf")) {
    const id = Number(xf.attributes.numFmtId ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    formats.push(code && code !== "General" ? code : undefined);
    fills.push(fillColors[Number(xf.attributes.fillId ?? 0)] ?? null);
  }
  return { formats, fills };
}

function fillColor(fill: XmlNode): string | null {
  const pattern = elements(fill, "patternFill")[0];
  if (!pattern || pattern.attributes.patternType === undefined || pattern.attributes.patternType === "none") return null;
  const fg = elements(pattern, "fgColor")[0];
  const rgb = fg?.attributes.rgb;
  if (typeof rgb !== "string") return null;
  return `#${rgb.slice(-6).toUpperCase()}`;
}

function isFormulaError(v: unknown): v is PopulateFormulaError {
  return typeof v === "object" && v !== null && typeof (v as PopulateFormulaError).error === "function";
}

function isRichText(v: unknown): v is PopulateRichText {
  return typeof v === "object" && v !== null && typeof (v as PopulateRichText).text === "function";
}

/**
 * Shift the relative references of a formula by (rows, cols): how a shared formula's master text applies
 * to another cell of its range. String literals and quoted sheet names are left alone; `$`-anchored parts,
 * function names (`LOG10(`) and names are not references and do not move.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  let out = "";
  let i = 0;
  const ref = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    ref.lastIndex = i;
    const m = /[A-Za-z0-9_.\u4e00-\u9fff]/.test(prev) ? null : ref.exec(formula);
    const next = m ? formula[i + m[0].length] ?? "" : "";
    if (m && !/[A-Za-z0-9_(.\u4e00-\u9fff]/.test(next)) {
      const col = m[1] ? m[2] : indexToCol(Math.max(1, colToIndex(m[2]) + cols));
      const row = m[3] ? m[4] : String(Math.max(1, Number(m[4]) + rows));
      out += `${m[1]}${col.toUpperCase()}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    // Copy a whole identifier at once, so that a reference-like tail inside it (SUMX2) is not shifted.
    const word = /[A-Za-z0-9_.\u4e00-\u9fff]+/y;
    word.lastIndex = i;
    const w = word.exec(formula);
    if (w) {
      out += w[0];
      i += w[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The snapshot of one cell, or undefined when it is empty. */
export function cellSnapshot(cell: PopulateCell, styles: StyleTable, sharedFormula?: string): CellSnapshot | undefined {
  const raw = cell._value;
  const own = cell._formulaType !== undefined && typeof cell._formula === "string" ? cell._formula : undefined;
  const formula = own ?? (cell._formulaType !== undefined ? sharedFormula : undefined);
  let value: CellValue = null;
  let error: string | undefined;
  if (isFormulaError(raw)) error = raw.error();
  else if (isRichText(raw)) value = raw.text();
  else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") value = raw;
  else if (raw instanceof Date) value = raw.getTime();
  if ((value === null || value === "") && error === undefined && formula === undefined) return undefined;
  const numberFormat = cell._styleId !== undefined ? styles.formats[Number(cell._styleId)] : undefined;
  const snap: { value: CellValue; error?: string; formula?: string; numberFormat?: string } = { value: error ? null : value };
  if (error !== undefined) snap.error = error;
  if (formula !== undefined) snap.formula = formula;
  if (numberFormat !== undefined) snap.numberFormat = numberFormat;
  return snap;
}

/** Every defined name with its scope, as written (constants, whole columns and print areas unexpanded). */
export function readDefinedNames(workbook: PopulateWorkbook): DefinedName[] {
  const sheets = workbook.sheets();
  const out: DefinedName[] = [];
  for (const node of elements(elements(workbook._node, "definedNames")[0], "definedName")) {
    const name = String(node.attributes.name ?? "");
    if (!name) continue;
    const refersTo = textOf(node).replace(/^=/, "");
    const local = node.localSheet ?? (node.attributes.localSheetId !== undefined ? sheets[Number(node.attributes.localSheetId)] : undefined);
    out.push(local ? { name, refersTo, scope: local.name() } : { name, refersTo });
  }
  return out;
}

/** The whole snapshot. Memory is proportional to the cells present in the file, never to names' areas. */
export function readSnapshot(workbook: PopulateWorkbook): WorkbookSnapshot {
  const styles = readStyleTable(workbook);
  const sheets: SheetSnapshot[] = workbook.sheets().map((sheet) => {
    const cells: Record<string, CellSnapshot> = {};
    const rows = sheet._rows;
    // Shared formulas: the master cell holds the text; the other cells of its range only its id.
    const masters = new Map<string, { formula: string; row: number; col: number }>();
    for (let r = 0; r < rows.length; r++) {
      const rowCells = rows[r]?._cells ?? [];
      for (let c = 0; c < rowCells.length; c++) {
        const cell = rowCells[c];
        if (cell && cell._sharedFormulaId !== undefined && typeof cell._formula === "string" && cell._formulaRef !== undefined) {
          masters.set(String(cell._sharedFormulaId), { formula: cell._formula, row: r, col: c });
        }
      }
    }
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      const rowCells = row._cells;
      for (let c = 0; c < rowCells.length; c++) {
        const cell = rowCells[c];
        if (!cell) continue;
        const master = cell._sharedFormulaId !== undefined && cell._formula === undefined ? masters.get(String(cell._sharedFormulaId)) : undefined;
        const snap = cellSnapshot(cell, styles, master ? shiftFormula(master.formula, r - master.row, c - master.col) : undefined);
        if (snap) cells[`${indexToCol(c)}${r}`] = snap;
      }
    }
    return { name: sheet.name(), cells, merges: Object.keys(sheet._mergeCells) };
  });
  return { sheets, names: readDefinedNames(workbook) };
}
