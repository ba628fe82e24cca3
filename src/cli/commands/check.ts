/**
 * `jixiao check FILE|DIR|GLOB... [--format json|text] [--preset ID] [--profile ID] [--timings]
 *   [--report FILE] [--summary 审核结果.xlsx|.csv] [--force]`
 *
 * Text: one workbook gets the full report (Chinese, grouped by sheet and severity); several get one line
 * each and a total. JSON: the versioned report (docs/report.schema.json), the same shape for one workbook
 * or many. `--report` writes the output to a file instead of stdout; `--summary` writes the 审核结果
 * workbook (or CSV) of the whole batch. Exit 0 no error, 1 errors, 2 unreadable (the highest over all
 * workbooks). The files checked are only read.
 */
import { Command, Option } from "commander";
import { ENGINE_VERSION } from "../../core/engine/run-rules";
import { exitCodeOf, loadPrevious, resolvePreset, resolveProfile, type CheckFileOptions, type FileOutcome } from "../check-file";
import { expandInputs } from "../files";
import { formatBatchFooter, formatJsonReport, formatSummaryLine, formatText, jsonReport, outputIsUtf8, type OutputStyle } from "../format";
import { CliError, type CliIo } from "../io";
import { elapsedMs, now } from "../clock";
import { checkFiles } from "../pool";
import { loadRuleFile } from "../rules-file";
import { planOutputs } from "../output";
import { BOM, writeOutputFile } from "../summary-write";

export interface CheckFlags {
  readonly format: "json" | "text";
  readonly preset: string;
  readonly profile?: string;
  readonly timings?: boolean;
  readonly report?: string;
  readonly summary?: string;
  readonly force?: boolean;
  readonly rules?: string;
  readonly previous?: string;
}

/** Register `jixiao check`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("check")
    .argument("<files...>", "要检查的 .xlsx 工作簿、包含工作簿的文件夹，或通配符（如 \"报表/*.xlsx\"）")
    .description("检查绩效自评工作簿，列出每一处不一致（退出码：0 无错误，1 有错误，2 无法读取）")
    .addOption(new Option("-f, --format <format>", "输出格式").choices(["text", "json"]).default("text"))
    .option("-p, --preset <id>", "规则预设：recommended（推荐）或 strict（严格：警告也算错误）", "recommended")
    .option("--profile <id>", "评分方案（默认取工作簿中的 jx_profile，否则为全国通用方案）")
    .option("--timings", "在输出中包含读取和检查用时（默认不含，两次运行的输出相同）")
    .option("--report <file>", "把检查结果写入文件（UTF-8；文本带 BOM，便于记事本和 WPS 打开）而不是屏幕")
    .option("--summary <file>", "把整批的审核结果写成一个工作簿（.xlsx：汇总、问题明细）或 .csv（UTF-8 带 BOM）")
    .option("--force", "--report / --summary 的文件已存在时覆盖它")
    .option("--previous <file>", "上年的自评工作簿：核对本年引用的上年数、较上年的变动百分比，以及变动较大而未说明原因的金额")
    .option("--rules <file>", "财政局的审核公式文件（.xlsx 或 .csv：编号、级别、说明、公式、标记单元格），与工作簿自带的 jx_rules 一同运行")
    .action(async (paths: string[], flags: CheckFlags) => {
      io.setExitCode(await runCheck(paths, flags, io));
    });
}

/** The console code page on Windows (`chcp`), undefined elsewhere or when it cannot be read. */
function windowsCodePage(): number | undefined {
  if (process.platform !== "win32") return undefined;
  try {
    // Required here, on Windows only: child_process costs every other start a few milliseconds.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require("child_process") as typeof import("child_process");
    const m = /(\d+)\s*$/.exec(execFileSync("chcp.com", { encoding: "latin1", timeout: 2000, windowsHide: true }).trim());
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function readVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("../../../package.json") as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** A progress bar on stderr when it is a terminal (files done / total, ETA); nothing otherwise. */
interface Progress {
  tick(): void;
  /** Print a line above the bar (or straight to stdout when there is no bar). */
  line(text: string): void;
  stop(): void;
}

async function progressFor(total: number, io: CliIo, style: OutputStyle): Promise<Progress> {
  const plain: Progress = { tick: () => undefined, line: (t) => io.stdout(t), stop: () => undefined };
  // `total` first: asking whether stderr is a terminal creates its stream, which one report does not need.
  if (total < 2 || !io.stderrIsTTY) return plain;
  const { MultiBar, Presets } = await import("cli-progress");
  const multi = new MultiBar(
    {
      format: `检查 {bar} {value}/{total} 个工作簿 | 剩余约 {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
      barCompleteChar: style.utf8 ? "█" : "#",
      barIncompleteChar: style.utf8 ? "░" : "-",
    },
    Presets.shades_classic,
  );
  const bar = multi.create(total, 0);
  return {
    tick: () => bar.increment(),
    // The lines go to stdout; when stdout is the same terminal they are printed above the bar.
    line: (t) => (io.stdoutIsTTY ? multi.log(t) : io.stdout(t)),
    stop: () => multi.stop(),
  };
}

/** Run the check and write its output; returns the exit code. */
export async function runCheck(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
  // Validate options before touching any file, so a typo is one clear sentence.
  resolvePreset(flags.preset);
  resolveProfile(flags.profile);
  if (flags.summary !== undefined && !/\.(xlsx|csv)$/i.test(flags.summary)) {
    throw new CliError(`--summary 的文件名须以 .xlsx 或 .csv 结尾：“${flags.summary}”（summary must be .xlsx or .csv）`);
  }
  const options: CheckFileOptions = {
    preset: flags.preset,
    ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
    ...(flags.rules !== undefined ? { rules: flags.rules } : {}),
    ...(flags.previous !== undefined ? { previous: flags.previous } : {}),
  };
  // A bad rule file is one sentence before any workbook is checked.
  if (flags.rules !== undefined) await loadRuleFile(flags.rules);
  if (flags.previous !== undefined) await loadPrevious(flags.previous);
  const single = paths.length === 1;
  const files = await expandInputs(paths, { allowMissing: !single });
  const started = now();
  // A report file is UTF-8 whatever the console takes; the console gets GBK-safe text when it is not UTF-8.
  const style: OutputStyle = { utf8: flags.report !== undefined || outputIsUtf8(process.env, process.platform, windowsCodePage()), timings: flags.timings === true };
  const toFile = flags.report !== undefined;
  const singleFile = single && files.length === 1 && files[0] === paths[0];

  // Refuse a bad --report/--summary target before a long batch, not after it.
  // Both together, so that --report and --summary naming one file is refused too.
  const targets = [
    ...(flags.report !== undefined ? [{ path: flags.report, option: "--report" }] : []),
    ...(flags.summary !== undefined ? [{ path: flags.summary, option: "--summary" }] : []),
  ];
  if (targets.length > 0) await planOutputs(files, targets, { force: flags.force === true });
  const progress = await progressFor(files.length, io, style);
  let text = "";
  let outcomes: FileOutcome[];
  try {
    outcomes = await checkFiles(files, options, (o) => {
      progress.tick();
      if (flags.format === "text" && !singleFile) {
        const line = formatSummaryLine(o, style);
        if (toFile) text += line;
        else progress.line(line);
      }
    });
  } finally {
    progress.stop();
  }

  if (singleFile && !outcomes[0].ok && flags.format === "text" && flags.summary === undefined) {
    throw new CliError(`无法检查“${outcomes[0].file}”：${outcomes[0].message}`);
  }
  if (flags.format === "json") {
    text = formatJsonReport(jsonReport(outcomes, { version: readVersion(), engineVersion: ENGINE_VERSION }, style), style);
  } else if (singleFile) {
    const o = outcomes[0];
    text = o.ok ? formatText(o) : formatSummaryLine(o, style);
  } else {
    const footer = formatBatchFooter(outcomes, flags.timings ? elapsedMs(started) : undefined);
    if (toFile) text += footer;
    else io.stdout(footer);
    if (!toFile) text = "";
  }

  if (toFile) {
    await writeOutputFile(flags.report!, flags.format === "json" ? text : BOM + text, { inputs: files, force: flags.force, option: "--report" });
  } else if (text) {
    io.stdout(text);
  }
  if (flags.summary !== undefined) {
    const { writeSummary } = await import("../summary");
    await writeSummary(flags.summary, outcomes, { inputs: files, force: flags.force });
  }
  return outcomes.reduce((code, o) => Math.max(code, exitCodeOf(o)), 0);
}
