/**
 * `jixiao check … --summary 审核结果.xlsx|.csv`: one 审核结果 for a whole batch, as a 财政局 reviews it.
 *
 * Sheet 汇总: one row per workbook — 单位, 年度, 表样, 综合得分, 等次, 错误, 警告, 提示, 文件 (a link), 说明 —
 * unreadable files first (说明 says why), then by errors (most first), then by unit. Sheet 问题明细: one row
 * per finding — 单位, 文件, 工作表, 单元格, 级别, 规则, 说明, 应为, 实为 — in the JSON report's order. Frozen header,
 * autofilter, widths that fit, numbers as numbers. Written with ExcelJS (loaded only here, only for
 * --summary). A .csv target gets the 汇总 rows, and the 问题明细 rows beside it in `<name>-问题明细.csv`, both
 * UTF-8 with a BOM so that Excel and WPS open them in Chinese.
 */
import * as path from "path";
import type { Severity } from "../core/engine/types";
import type { FileOutcome, JsonSummary } from "./check-file";
import { writeOutputFile } from "./summary-write";

type Value = string | number | null;

/** A sheet of the summary: its name, header and rows (plain values; `link` marks the file column). */
export interface SummarySheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Value[])[];
  /** Column index (0-based) holding a file path, shown as a hyperlink in .xlsx. */
  readonly linkColumn?: number;
  /** Number formats by column index. */
  readonly formats?: Readonly<Record<number, string>>;
}

const LEVEL: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };

export const OVERVIEW_HEADER = ["单位", "年度", "表样", "综合得分", "等次", "错误", "警告", "提示", "文件", "说明"] as const;
export const DETAIL_HEADER = ["单位", "文件", "工作表", "单元格", "级别", "规则", "说明", "应为", "实为"] as const;

function unitName(o: FileOutcome): string {
  return o.ok ? (o.summary.unit ?? path.basename(o.file, path.extname(o.file))) : path.basename(o.file, path.extname(o.file));
}

/** The 说明 of a checked workbook: rules that crashed, or why a workbook without error is still no pass. */
function noteOf(s: JsonSummary): string | null {
  const notes: string[] = [];
  if (s.errors === 0 && s.outcome === "blank") notes.push("尚未填写，不能视为通过");
  if (s.errors === 0 && s.outcome === "unrecognised") notes.push("未识别为绩效自评表，不能视为通过");
  if (s.crashed.length) notes.push(`有 ${s.crashed.length} 条规则运行出错，已跳过`);
  return notes.length ? notes.join("；") : null;
}

/** The two sheets of the summary, as data (also what the tests compare with the JSON report). */
export function summarySheets(outcomes: readonly FileOutcome[]): [SummarySheet, SummarySheet] {
  const sorted = [...outcomes].sort((a, b) => {
    if (a.ok !== b.ok) return a.ok ? 1 : -1;
    const ea = a.ok ? a.summary.errors : 0;
    const eb = b.ok ? b.summary.errors : 0;
    return eb - ea || unitName(a).localeCompare(unitName(b), "zh-Hans-CN") || a.file.localeCompare(b.file);
  });
  const overview = sorted.map((o): Value[] =>
    o.ok
      ? [unitName(o), o.summary.year, o.summary.form, o.summary.score, o.summary.grade, o.summary.errors, o.summary.warnings, o.summary.infos, o.file, noteOf(o.summary)]
      : [unitName(o), null, null, null, null, null, null, null, o.file, `无法读取：${o.message}`],
  );
  const detail = outcomes.flatMap((o) =>
    o.ok
      ? o.findings.map((f): Value[] => [unitName(o), o.file, f.sheet, f.ref, LEVEL[f.severity], f.rule, f.message, f.expected, f.actual])
      : [],
  );
  return [
    { name: "汇总", header: OVERVIEW_HEADER, rows: overview, linkColumn: 8, formats: { 3: "0.00" } },
    { name: "问题明细", header: DETAIL_HEADER, rows: detail, linkColumn: 1 },
  ];
}

/** Display width of a value: CJK and full-width characters count two. */
function width(v: Value): number {
  const s = v === null ? "" : String(v);
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** The ExcelJS workbook of the summary (`links` relative to `base`, the folder of the summary file). */
async function buildWorkbook(sheets: readonly SummarySheet[], base: string, asCsv: boolean): Promise<import("exceljs").Workbook> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow([...s.header]);
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      const row = ws.addRow([...r]);
      if (!asCsv && s.linkColumn !== undefined && typeof r[s.linkColumn] === "string") {
        const file = r[s.linkColumn] as string;
        const target = path.relative(base, path.resolve(file)).split(path.sep).join("/");
        const cell = row.getCell(s.linkColumn + 1);
        cell.value = { text: file, hyperlink: target };
        cell.font = { color: { argb: "FF0563C1" }, underline: true };
      }
    }
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(Number(col) + 1).numFmt = fmt;
    s.header.forEach((h, i) => {
      const longest = Math.max(width(h), ...s.rows.map((r) => width(r[i] ?? null)));
      ws.getColumn(i + 1).width = Math.min(80, Math.max(6, longest + 2));
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows.length + 1), column: s.header.length } };
  }
  return wb;
}

/** The name of the 问题明细 CSV beside a .csv summary. */
export function detailCsvPath(target: string): string {
  const ext = path.extname(target);
  return `${target.slice(0, target.length - ext.length)}-问题明细${ext}`;
}

/**
 * Write the summary of a batch.
 * @param target - `.xlsx` (two sheets) or `.csv` (汇总, with 问题明细 in `<name>-问题明细.csv`)
 */
export async function writeSummary(target: string, outcomes: readonly FileOutcome[], options: { inputs: readonly string[]; force?: boolean }): Promise<void> {
  const sheets = summarySheets(outcomes);
  const base = path.dirname(path.resolve(target));
  const asCsv = /\.csv$/i.test(target);
  const wb = await buildWorkbook(sheets, base, asCsv);
  if (!asCsv) {
    await writeOutputFile(target, new Uint8Array(await wb.xlsx.writeBuffer()), { ...options, option: "--summary" });
    return;
  }
  const targets = [target, detailCsvPath(target)];
  for (let i = 0; i < sheets.length; i++) {
    const csv = await wb.csv.writeBuffer({ sheetName: sheets[i].name, formatterOptions: { writeBOM: true } });
    await writeOutputFile(targets[i], new Uint8Array(csv), { ...options, option: "--summary" });
  }
}

/** ExcelJS, loaded on first use (its CommonJS export arrives as `default` or as the module itself). */
async function loadExcelJS(): Promise<typeof import("exceljs")> {
  const mod = (await import("exceljs")) as typeof import("exceljs") & { default?: typeof import("exceljs") };
  return mod.default ?? mod;
}
