/**
 * Build the engine's WorkbookSnapshot from a workbook loaded by xlsx-populate, without touching anything:
 * style getters of xlsx-populate clone styles (and would change styles.xml on save), so number formats
 * and fills are read from the parsed styles part instead.
 */
import type { CellSnapshot, CellValue, DefinedName, LineRun, SheetSnapshot, WorkbookSnapshot } from "../../core/model/snapshot";
import { SheetCellsBuilder } from "../../core/model/cell-index";
import type { HiddenParts } from "../../core/model/hidden";
import { BUILTIN_FORMATS, isTrue, shiftFormula, visibilityOfState } from "./cells";
import { elements, textOf, type PopulateCell, type PopulateFormulaError, type PopulateRichText, type PopulateSheet, type PopulateWorkbook, type XmlNode } from "./populate";

export { shiftFormula } from "./cells";

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

/** A sheet's visibility and hidden rows (`<row hidden="1">`) and columns (`<col min max hidden="1">`). */
function hiddenPartsOf(sheet: PopulateSheet): HiddenParts {
  const rows: LineRun[] = [];
  sheet._rows.forEach((row, r) => {
    if (row && isTrue(row._node?.attributes.hidden)) rows.push([r, r]);
  });
  const cols: LineRun[] = [];
  const seen = new Set<XmlNode>();
  sheet._colNodes.forEach((node) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (isTrue(node.attributes.hidden)) cols.push([Number(node.attributes.min), Number(node.attributes.max)]);
  });
  return { visibility: visibilityOfState(sheet._idNode.attributes.state), rows, cols };
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
    const rows = sheet._rows;
    // Shared formulas: the master cell holds the text; the other cells of its range only its id.
    const masters = new Map<string, { formula: string; row: number; col: number }>();
    let capacity = 0;
    for (let r = 0; r < rows.length; r++) {
      const rowCells = rows[r]?._cells ?? [];
      for (let c = 0; c < rowCells.length; c++) {
        const cell = rowCells[c];
        if (cell) capacity++;
        if (cell && cell._sharedFormulaId !== undefined && typeof cell._formula === "string" && cell._formulaRef !== undefined) {
          masters.set(String(cell._sharedFormulaId), { formula: cell._formula, row: r, col: c });
        }
      }
    }
    // Row by row, left to right: the builder primes the engine's cell index as it writes the record.
    const cells = new SheetCellsBuilder(capacity);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      const rowCells = row._cells;
      for (let c = 0; c < rowCells.length; c++) {
        const cell = rowCells[c];
        if (!cell) continue;
        const master = cell._sharedFormulaId !== undefined && cell._formula === undefined ? masters.get(String(cell._sharedFormulaId)) : undefined;
        const snap = cellSnapshot(cell, styles, master ? shiftFormula(master.formula, r - master.row, c - master.col) : undefined);
        if (snap) cells.add(r, c, snap);
      }
    }
    return cells.sheet(sheet.name(), Object.keys(sheet._mergeCells), hiddenPartsOf(sheet));
  });
  const calcPr = elements(workbook._node, "calcPr")[0];
  const recalc = /^(?:1|true)$/i.test(String(calcPr?.attributes.fullCalcOnLoad ?? ""));
  return { sheets, names: readDefinedNames(workbook), ...(recalc ? { recalcOnOpen: true } : {}) };
}
