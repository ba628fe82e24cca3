/**
 * `jixiao narrative FILE -o OUT [--docx REPORT.docx] [--profile ID]` — writes the narrative sheet
 * 评价报告综述 into a copy of the workbook (replacing an earlier one whole, keeping every other part of
 * the file through the xlsx host's preserving writer), and optionally the same text as a Word document.
 * FILE is never written; every output follows ../output.ts (never an input, never an existing file
 * without --force, both targets checked before either is written).
 */
import type { Command } from "commander";
import { mapWorkbook } from "../../core/mapping";
import { profileFor } from "../../core/engine/run-rules";
import { findProfile } from "../../core/scoring/profiles";
import { generateNarrative, narrativeSheet } from "../../core/narrative/generate";
import { openXlsx } from "../../hosts/xlsx";
import { narrativeDocx } from "../docx";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliIo } from "../io";
import { planOutputs, writeOutputs, type OutputTarget } from "../output";
import { readLimitOption, xlsxOpenError } from "../read-limits";

interface NarrativeFlags {
  readonly output: string;
  readonly docx?: string;
  readonly profile?: string;
  readonly force?: boolean;
  readonly maxCells?: string;
}

/** Register `jixiao narrative`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("narrative <file>")
    .description("在工作簿副本中添加或替换“评价报告综述”工作表，并可同时生成 Word 报告")
    .requiredOption("-o, --output <out>", "输出文件（不会改写输入文件）")
    .option("--docx <report>", "同时把综述写成 Word 文档（.docx）")
    .option("--profile <id>", "评分方案（默认取工作簿中的 jx_profile，否则为全国通用方案）")
    .option("--force", "输出文件已存在时覆盖它（默认拒绝）")
    .option("--max-cells <n>", "单个工作簿最多读取的单元格数（默认 1000000，也可用环境变量 JIXIAO_MAX_CELLS）")
    .action(async (file: string, flags: NarrativeFlags) => {
      io.setExitCode(await runNarrative(file, flags, io));
    });
}

/** Run the command; returns the exit code. */
export async function runNarrative(file: string, flags: NarrativeFlags, io: CliIo): Promise<number> {
  const explicit = flags.profile !== undefined ? findProfile(flags.profile) : undefined;
  if (flags.profile !== undefined && !explicit) throw new CliError(`未知的评分方案“${flags.profile}”`);
  const limits = readLimitOption(flags.maxCells);
  const targets: OutputTarget[] = [{ path: flags.output, option: "-o" }];
  if (flags.docx !== undefined) targets.push({ path: flags.docx, option: "--docx" });
  // Every target is checked (input, existing file, folder) before anything is read or written.
  const [xlsxTarget, docxTarget] = await planOutputs([file], targets, { force: flags.force === true });
  let host;
  try {
    host = await openXlsx(file, limits);
  } catch (err) {
    throw xlsxOpenError(file, err);
  }
  const read = await host.readWorkbook();
  if (!read.ok) throw new CliError(`无法读取“${file}”：${read.error.message}`, EXIT_UNREADABLE);
  const model = mapWorkbook(read.value);
  const doc = generateNarrative(model, explicit ?? profileFor(model));
  const written = await host.writeSheet(narrativeSheet(doc));
  if (!written.ok) throw new CliError(`${written.error.message}${written.error.detail ? `：${written.error.detail}` : ""}`);
  // Both files are built before either is written.
  const files = [{ target: xlsxTarget, bytes: await host.toBuffer() }];
  if (docxTarget) files.push({ target: docxTarget, bytes: await narrativeDocx(doc) });
  await writeOutputs(files);
  io.stdout(`已写入“评价报告综述”工作表：${flags.output}\n`);
  if (flags.docx !== undefined) io.stdout(`已生成 Word 报告：${flags.docx}\n`);
  const gaps = doc.sections.flatMap((s) => s.paragraphs).join("").split("【待填写").length - 1;
  if (gaps) io.stdout(`尚有 ${gaps} 处【待填写】需要补充。\n`);
  return EXIT_OK;
}
