/**
 * Build snapshots from 2-D arrays (hyperformula's buildFromArray habit), for tests.
 *
 *   const wb = buildWorkbook({ 收支情况: [["机构名称", "收入合计"], ["汇总", 10]] }, { names: { jx_income: "收支情况!A1:B2" } });
 */
import type { CellSnapshot, DefinedName, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { toA1 } from "../../src/core/model/address";

/** A cell in a test array: a plain value, or a full CellSnapshot (for formats, formulas, errors). */
export type TestCell = string | number | boolean | null | undefined | CellSnapshot;

/** Options of buildWorkbook. */
export interface BuildOptions {
  /** Workbook-scoped names: name → refersTo. */
  readonly names?: Readonly<Record<string, string>>;
  /** Sheet-scoped names. */
  readonly localNames?: readonly DefinedName[];
  /** Merged areas per sheet. */
  readonly merges?: Readonly<Record<string, readonly string[]>>;
  /** Top-left corner of each sheet's array (default A1): { 收支情况: "B3" } */
  readonly origin?: Readonly<Record<string, { row: number; col: number }>>;
}

function toCell(v: TestCell): CellSnapshot | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "object") return v;
  return { value: v };
}

/** Build a sheet from rows. */
export function buildSheet(name: string, rows: readonly (readonly TestCell[])[], merges: readonly string[] = [], origin = { row: 1, col: 1 }): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const c = toCell(v);
      if (c) cells[toA1({ row: origin.row + i, col: origin.col + j })] = c;
    }),
  );
  return { name, cells, merges };
}

/** Build a workbook from sheets of rows. */
export function buildWorkbook(sheets: Readonly<Record<string, readonly (readonly TestCell[])[]>>, options: BuildOptions = {}): WorkbookSnapshot {
  return {
    sheets: Object.entries(sheets).map(([name, rows]) => buildSheet(name, rows, options.merges?.[name] ?? [], options.origin?.[name])),
    names: [
      ...Object.entries(options.names ?? {}).map(([name, refersTo]) => ({ name, refersTo })),
      ...(options.localNames ?? []),
    ],
  };
}

/** A cell with a number format. */
export function fmt(value: number | string, numberFormat: string): CellSnapshot {
  return { value, numberFormat };
}

/** A formula cell with its cached value. */
export function formula(f: string, value: number | string | null): CellSnapshot {
  return { value, formula: f };
}

/** An error cell. */
export function errorCell(code: string): CellSnapshot {
  return { value: null, error: code };
}
