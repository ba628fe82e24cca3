/**
 * The .xlsx host passes the shared WorkbookHost contract. Its "world" is the .xlsx file: the factory writes
 * the contract workbook with xlsx-populate, and `read` reads the bytes the host saves (a full round trip
 * through the file, so every check also proves the saved package).
 */
import { XlsxHost, openXlsx } from "../../src/hosts/xlsx";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { runHostContract } from "./host-contract-suite";

interface RawCell {
  value(v?: unknown): unknown;
  formula(f: string): RawCell;
  style(name: string, v?: unknown): unknown;
  _value?: unknown;
}
interface RawSheet {
  name(n?: string): string;
  hidden(h: boolean | "very"): RawSheet;
  row(r: number): { hidden(h: boolean): unknown };
  column(c: number): { hidden(h: boolean): unknown };
  cell(a: string): RawCell;
  range(a: string): { merged(m: boolean): unknown };
  definedName(n: string, r: string): unknown;
}
interface RawBook {
  sheet(i: number | string): RawSheet;
  addSheet(n: string): RawSheet;
  definedName(n: string, r: string): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XlsxPopulate: { fromBlankAsync(): Promise<RawBook>; fromDataAsync(b: Buffer): Promise<RawBook>; FormulaError: { getError(e: string): unknown } } = require("xlsx-populate");

async function writeWorld(snapshot: WorkbookSnapshot, fills: Readonly<Record<string, string>>): Promise<Buffer> {
  const wb = await XlsxPopulate.fromBlankAsync();
  snapshot.sheets.forEach((s, i) => {
    const sheet = i === 0 ? wb.sheet(0) : wb.addSheet(s.name);
    if (i === 0) sheet.name(s.name);
    for (const [address, c] of Object.entries(s.cells)) {
      const cell = sheet.cell(address);
      if (c.formula !== undefined) cell.formula(c.formula);
      if (c.error !== undefined) cell._value = XlsxPopulate.FormulaError.getError(c.error);
      else if (c.formula !== undefined) cell._value = c.value;
      else cell.value(c.value);
      if (c.numberFormat !== undefined) cell.style("numberFormat", c.numberFormat);
    }
    for (const m of s.merges) sheet.range(m).merged(true);
    for (const [a, b] of s.hiddenRows ?? []) for (let r = a; r <= b; r++) sheet.row(r).hidden(true);
    for (const [a, b] of s.hiddenCols ?? []) for (let c = a; c <= b; c++) sheet.column(c).hidden(true);
  });
  // Tabs hidden once every sheet exists (a workbook keeps at least one visible sheet).
  snapshot.sheets.forEach((s) => {
    if (s.visibility === "hidden" || s.visibility === "veryHidden") wb.sheet(s.name).hidden(s.visibility === "veryHidden" ? "very" : true);
  });
  for (const n of snapshot.names) {
    if (n.scope) wb.sheet(n.scope).definedName(n.name, n.refersTo);
    else wb.definedName(n.name, n.refersTo);
  }
  for (const [ref, color] of Object.entries(fills)) {
    const [sheet, address] = ref.split("!");
    wb.sheet(sheet).cell(address).style("fill", color.replace("#", ""));
  }
  // Saved through the host so formulas keep their cached values, as in a file Excel wrote.
  return new XlsxHost(wb as never).toBuffer();
}

runHostContract("xlsx (file)", async (snapshot, fills) => {
  const host = await openXlsx(await writeWorld(snapshot, fills));
  const reopen = async (): Promise<XlsxHost> => openXlsx(await host.toBuffer());
  return {
    host,
    read: async () => {
      const r = await (await reopen()).readWorkbook();
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    readFills: async (refs) => {
      const wb = await XlsxPopulate.fromDataAsync(await host.toBuffer());
      return refs.map((ref) => {
        const [sheet, address] = ref.split("!");
        const fill = wb.sheet(sheet).cell(address).style("fill") as { type?: string; color?: { rgb?: string } } | undefined;
        return fill && fill.type === "solid" && fill.color?.rgb ? `#${fill.color.rgb.slice(-6).toUpperCase()}` : null;
      });
    },
  };
}, { noBlankFormats: true });
