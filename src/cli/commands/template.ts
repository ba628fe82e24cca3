/**
 * `jixiao template [--kind dept|project] -o OUT`: write the bureau template workbook.
 *
 * The layout is data from the core (src/core/template); this module only renders it with exceljs,
 * which is fine for a fresh file (toolchain.md: exceljs is for new workbooks, never for editing).
 */
import type { Command } from "commander";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  CENTRALIZED,
  buildTemplate,
  sharedFolderCatalog,
  webExtensionParts,
  type AddinCatalog,
  type TemplateCell,
  type TemplateKind,
  type WorkbookTemplate,
} from "../../core/template";
import { PROFILES, findProfile } from "../../core/scoring/profiles";
import type { ScoringProfile } from "../../core/scoring/types";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliIo } from "../io";
import { planOutputs, writeOutputs } from "../output";

/**
 * ExcelJS, loaded only when a template is rendered, so that `jixiao check` does not load it; an install
 * that lost it gets one clear sentence here instead of a stack trace.
 */
function loadExcelJs(): typeof ExcelJS {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require("exceljs") as typeof ExcelJS & { default?: typeof ExcelJS };
    return mod.default ?? mod;
  } catch {
    throw new CliError("生成模板需要 exceljs，请在 jixiao 目录重新运行 npm ci 后重试（template needs the package exceljs）。");
  }
}

/** `#RRGGBB` → exceljs ARGB. */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

function fillFor(template: WorkbookTemplate, cell: TemplateCell): string | undefined {
  switch (cell.role) {
    case "input":
      return template.palette.input;
    case "computed":
      return template.palette.computed;
    case "header":
      return template.palette.header;
    default:
      return undefined;
  }
}

/**
 * Render a template to .xlsx bytes.
 * @param template - from buildTemplate
 * @returns the workbook file contents
 */
export async function renderTemplate(template: WorkbookTemplate, catalog: AddinCatalog = CENTRALIZED): Promise<Buffer> {
  const wb = new (loadExcelJs().Workbook)();
  wb.creator = "jixiao";
  wb.title = template.kind === "dept" ? "部门（单位）整体支出绩效自评表" : "项目支出绩效自评表";
  // Formulas carry no cached results: make Excel, WPS and LibreOffice compute them on open.
  wb.calcProperties.fullCalcOnLoad = true;

  for (const sheet of template.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }], ...(sheet.hidden ? { state: "hidden" as const } : {}) });
    // One page wide, so that a printed or exported sheet never splits a table down the middle.
    const width = sheet.columnWidths.reduce((a, b) => a + b, 0);
    ws.pageSetup = { paperSize: 9, orientation: width > 100 ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    sheet.columnWidths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = height;
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.address);
      if (c.formula !== undefined) cell.value = { formula: c.formula, date1904: false };
      else if (c.value !== undefined) cell.value = c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      const fill = fillFor(template, c);
      if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } };
      // Spread the existing font: assigning a bare {bold} replaces the whole font (toolchain.md).
      if (c.role === "title") cell.font = { ...cell.font, bold: true, size: 14 };
      else if (c.role === "section" || c.role === "header") cell.font = { ...cell.font, bold: true };
      else if (c.role === "note") cell.font = { ...cell.font, italic: true, color: { argb: "FF7F7F7F" } };
      if (c.role === "header" || c.role === "input" || c.role === "computed" || (c.role === "label" && sheet.name !== "填表说明")) {
        cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      }
      cell.alignment = {
        vertical: "middle",
        horizontal: c.role === "header" || c.role === "title" ? "center" : undefined,
        wrapText: c.wrap ?? false,
      };
      // Only computed cells are locked; if a bureau protects the sheet, inputs stay editable.
      cell.protection = { locked: c.role !== "input" };
    }
    for (const m of sheet.merges) ws.mergeCells(m);
    for (const v of sheet.validations) {
      const validation: ExcelJS.DataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${v.list.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "请从下拉列表选择",
        error: `可选：${v.list.join("、")}`,
        ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
      };
      for (const address of expand(v.range)) ws.getCell(address).dataValidation = validation;
    }
  }
  for (const n of template.names) wb.definedNames.add(n.refersTo, n.name);
  const out = await wb.xlsx.writeBuffer();
  return addTaskpaneParts(Buffer.from(out as ArrayBuffer), catalog);
}

/**
 * Add the parts that open the add-in's task pane with the workbook (src/core/template/webextension.ts):
 * the parts themselves, their content types and the package-root relationship.
 */
async function addTaskpaneParts(bytes: Buffer, catalog: AddinCatalog): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const { parts, rootRelationship } = webExtensionParts(catalog);
  const types = await zip.file("[Content_Types].xml")?.async("string");
  const rels = await zip.file("_rels/.rels")?.async("string");
  // exceljs writes both, each with one closing tag; anything else means its output changed.
  if (!types || types.split("</Types>").length !== 2 || !rels || rels.split("</Relationships>").length !== 2) {
    throw new Error("unexpected package layout from exceljs: cannot add the task pane parts");
  }
  const overrides = parts
    .filter((p) => !p.path.endsWith(".rels"))
    .map((p) => `<Override PartName="/${p.path}" ContentType="${p.contentType}"/>`)
    .join("");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides}</Types>`));
  zip.file("_rels/.rels", rels.replace("</Relationships>", `<Relationship Id="${rootRelationship.id}" Type="${rootRelationship.type}" Target="${rootRelationship.target}"/></Relationships>`));
  for (const p of parts) zip.file(p.path, p.xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** `"D8:D10"` → D8, D9, D10 (one column or one row is all the template uses). */
function expand(range: string): string[] {
  const [a, b] = range.split(":");
  if (!b) return [a];
  const m1 = /^([A-Z]+)(\d+)$/.exec(a);
  const m2 = /^([A-Z]+)(\d+)$/.exec(b);
  if (!m1 || !m2 || m1[1] !== m2[1]) throw new Error(`Unsupported validation range ${range}`);
  const out: string[] = [];
  for (let r = Number(m1[2]); r <= Number(m2[2]); r++) out.push(`${m1[1]}${r}`);
  return out;
}

function parseKind(value: string): TemplateKind {
  if (value === "dept" || value === "project") return value;
  throw new CliError(`--kind 只能是 dept（部门整体支出）或 project（项目支出），收到“${value}”。`, EXIT_UNREADABLE);
}

function parseProfile(value: string | undefined): ScoringProfile | undefined {
  if (value === undefined) return undefined;
  const profile = findProfile(value);
  if (!profile) throw new CliError(`未知的评分规则“${value}”，可选：${Object.keys(PROFILES).join("、")}。`, EXIT_UNREADABLE);
  return profile;
}

/** Register `jixiao template [--kind dept|project] [--profile id] -o OUT`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("template")
    .description("生成财政局模板工作簿（部门整体支出或项目支出）")
    .option("-k, --kind <kind>", "模板类型：dept（部门整体支出）或 project（项目支出）", "dept")
    .option("-p, --profile <id>", `评分规则（${Object.keys(PROFILES).join("、")}），默认 national`)
    .option("--catalog <share>", "Excel 加载项的共享文件夹目录（\\\\服务器\\共享）；默认按集中部署（Microsoft 365 管理中心）引用加载项")
    .requiredOption("-o, --output <out>", "输出文件 .xlsx")
    .option("--force", "输出文件已存在时覆盖它（默认拒绝）")
    .action(async (opts: { kind: string; profile?: string; catalog?: string; output: string; force?: boolean }) => {
      const kind = parseKind(opts.kind);
      const profile = parseProfile(opts.profile);
      let catalog = CENTRALIZED;
      if (opts.catalog !== undefined) {
        try {
          catalog = sharedFolderCatalog(opts.catalog);
        } catch (err) {
          throw new CliError(`${err instanceof Error ? err.message : String(err)}。`, EXIT_UNREADABLE);
        }
      }
      if (!/\.xlsx$/i.test(opts.output)) throw new CliError(`输出文件须以 .xlsx 结尾：${opts.output}`, EXIT_UNREADABLE);
      const [target] = await planOutputs([], [{ path: opts.output, option: "-o" }], { force: opts.force === true });
      const bytes = await renderTemplate(buildTemplate({ kind, profile }), catalog);
      await writeOutputs([{ target, bytes }]);
      io.stdout(`已生成模板：${opts.output}\n`);
      io.setExitCode(EXIT_OK);
    });
}
