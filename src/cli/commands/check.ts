/**
 * `jixiao check FILE... [--format json|text] [--preset recommended|strict] [--profile ID]`
 *
 * One file: the full report (JSON per the contract, or a readable Chinese report grouped by sheet and
 * severity). Several files or a folder: one summary line per workbook, checked on every core.
 * Exit 0 no error, 1 errors, 2 unreadable (the highest over all workbooks). The files are only read.
 */
import { Command, Option } from "commander";
import { performance } from "perf_hooks";
import { exitCodeOf, resolvePreset, resolveProfile, type CheckFileOptions, type FileOutcome } from "../check-file";
import { expandInputs } from "../files";
import { formatBatchFooter, formatJson, formatJsonBatch, formatSummaryLine, formatText } from "../format";
import { CliError, type CliIo } from "../io";
import { checkFiles } from "../pool";

interface CheckFlags {
  readonly format: "json" | "text";
  readonly preset: string;
  readonly profile?: string;
}

/** Register `jixiao check`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("check")
    .argument("<files...>", "要检查的 .xlsx 工作簿，或包含工作簿的文件夹")
    .description("检查绩效自评工作簿，列出每一处不一致（退出码：0 无错误，1 有错误，2 无法读取）")
    .addOption(new Option("-f, --format <format>", "输出格式").choices(["text", "json"]).default("text"))
    .option("-p, --preset <id>", "规则预设：recommended（推荐）或 strict（严格：警告也算错误）", "recommended")
    .option("--profile <id>", "评分方案（默认取工作簿中的 jx_profile，否则为全国通用方案）")
    .action(async (paths: string[], flags: CheckFlags) => {
      io.setExitCode(await runCheck(paths, flags, io));
    });
}

/** Run the check and write its output; returns the exit code. */
export async function runCheck(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
  // Validate options before touching any file, so a typo is one clear sentence.
  resolvePreset(flags.preset);
  resolveProfile(flags.profile);
  const options: CheckFileOptions = flags.profile === undefined ? { preset: flags.preset } : { preset: flags.preset, profile: flags.profile };
  const single = paths.length === 1;
  const files = await expandInputs(paths, { allowMissing: !single });
  const started = performance.now();

  if (single && files.length === 1 && files[0] === paths[0]) {
    const [outcome] = await checkFiles(files, options, () => undefined);
    if (!outcome.ok) throw new CliError(`无法检查“${outcome.file}”：${outcome.message}`);
    io.stdout(flags.format === "json" ? formatJson(outcome) : formatText(outcome));
    return exitCodeOf(outcome);
  }

  const outcomes: FileOutcome[] = await checkFiles(files, options, (o) => {
    if (flags.format === "text") io.stdout(formatSummaryLine(o));
  });
  if (flags.format === "json") io.stdout(formatJsonBatch(outcomes));
  else io.stdout(formatBatchFooter(outcomes, performance.now() - started));
  return outcomes.reduce((code, o) => Math.max(code, exitCodeOf(o)), 0);
}
