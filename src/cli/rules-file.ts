/**
 * Read a bureau rule file for `--rules` and `jixiao rules test`: an .xlsx (its jx_rules sheet, else its first
 * sheet) or a .csv (UTF-8, with or without a BOM; GBK is refused with a sentence saying how to save it).
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { CellValue } from "../core/model/snapshot";
import { readRuleRows, rulesFromSnapshot, type BureauRule } from "../core/audit/rules";
import { readWorkbookFile } from "../hosts/xlsx/light";
import { XlsxReadError } from "../hosts/xlsx/sniff";
import { CliError } from "./io";

const cache = new Map<string, Promise<BureauRule[]>>();

/** The rules of a file (read once per process). @throws CliError when the file cannot be used */
export function loadRuleFile(file: string): Promise<BureauRule[]> {
  const key = path.resolve(file);
  let p = cache.get(key);
  if (!p) {
    p = readRuleFile(file);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

async function readRuleFile(file: string): Promise<BureauRule[]> {
  const name = path.basename(file);
  if (/\.csv$/i.test(file)) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      throw new CliError(`找不到审核公式文件“${file}”（no such file）`);
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw new CliError(`审核公式文件“${file}”不是 UTF-8 编码；请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”（rule file is not UTF-8）`);
    }
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    const { Readable } = await import("stream");
    // Keep every cell as text (no number or date guessing): formulas and 编号 as written.
    const ws = await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v, parserOptions: { ignoreEmpty: true } });
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? null : String(v)));
      rows[row.number - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const read = readRuleRows(rows, (row) => `${name} 第 ${row} 行`);
    if ("problem" in read) throw new CliError(`审核公式文件“${file}”无法读取：${read.problem}（bad rule file）`);
    return read.rules;
  }
  if (!/\.xlsx$/i.test(file)) throw new CliError(`审核公式文件须为 .xlsx 或 .csv：“${file}”（rule file must be .xlsx or .csv）`);
  let snapshot;
  try {
    snapshot = await readWorkbookFile(file);
  } catch (err) {
    const why = err instanceof XlsxReadError ? err.message : err instanceof Error ? err.message : String(err);
    throw new CliError(`无法读取审核公式文件“${file}”：${why}`);
  }
  const sheetName = snapshot.sheets.find((s) => s.name.toLowerCase() === "jx_rules")?.name ?? snapshot.sheets[0]?.name;
  const read = sheetName ? rulesFromSnapshot(snapshot, sheetName) : { problem: "没有工作表" };
  if ("problem" in read) throw new CliError(`审核公式文件“${file}”无法读取：${read.problem}（bad rule file）`);
  // Rules from a file name their origin as file + row, not a cell of the checked workbook.
  return read.rules.map((r) => ({ ...r, origin: `${name} ${r.origin}`, at: undefined }));
}

/** ExcelJS, loaded on first use (its CommonJS export arrives as `default` or as the module itself). */
async function loadExcelJS(): Promise<typeof import("exceljs")> {
  const mod = (await import("exceljs")) as typeof import("exceljs") & { default?: typeof import("exceljs") };
  return mod.default ?? mod;
}
