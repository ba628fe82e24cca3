/**
 * `jixiao fill FILE -o OUT [--overwrite] [--format text|json] [--profile ID]`
 *
 * Computes the cells the rules compute (预算执行率 and its 得分, each 定量 indicator's 得分, the 得分汇总,
 * the 综合得分, the 评价等次, project 执行率 / 结转结余) and writes them into a copy of FILE, through the
 * xlsx host so that everything else in the file is kept. Only blank cells are written; a computed cell
 * holding a different value is listed and kept unless --overwrite. FILE itself is never written.
 * Exit 0: copy written, nothing left in conflict; 1: copy written, conflicts kept; 2: FILE unreadable,
 * OUT unwritable, OUT is FILE (by any path) or OUT exists without --force (see ../output.ts).
 */
import { Command, Option } from "commander";
import { computeFills, type FillPlan, type FillWrite } from "../../core/fill";
import { formatRef } from "../../core/model/address";
import type { CellValue } from "../../core/model/snapshot";
import { showNumber } from "../../core/scoring/indicator-value";
import { findProfile, NATIONAL } from "../../core/scoring/profiles";
import { roundTo } from "../../core/units";
import { openXlsx, type XlsxHost } from "../../hosts/xlsx";
import { resolveProfile } from "../check-file";
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from "../io";
import { planOutputs, writeOutputs } from "../output";
import { readLimitOption, xlsxOpenError } from "../read-limits";

interface FillFlags {
  readonly output: string;
  readonly overwrite?: boolean;
  readonly force?: boolean;
  readonly maxCells?: string;
  readonly format: "text" | "json";
  readonly profile?: string;
}

/** Chinese names of the fields fill writes. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  "jx_exec_rate": "预算执行率",
  "jx_exec_score": "预算执行率得分",
  "jx_grade": "评价等次",
  "jx_indicators.score": "指标得分",
  "jx_projects.carryover": "项目结转结余",
  "jx_projects.grade": "项目自评结果",
  "jx_projects.rate": "项目执行率",
  "jx_score_summary.score": "汇总得分",
  "jx_score_total": "综合得分",
};

const RATE_FIELDS = new Set(["jx_exec_rate", "jx_projects.rate"]);

/** Register `jixiao fill`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("fill")
    .argument("<file>", "要填写的 .xlsx 工作簿（不会被改写）")
    .description("把计算得到的执行率、得分、合计和等次写入工作簿的副本（退出码：0 已写入，1 已写入但有未覆盖的不同数值，2 无法读取或写入）")
    .requiredOption("-o, --output <out>", "输出文件（必须与输入文件不同）")
    .option("--overwrite", "已有数值与计算结果不同时也改写（默认只填空白单元格）")
    .option("--force", "输出文件已存在时覆盖它（默认拒绝）")
    .option("--max-cells <n>", "单个工作簿最多读取的单元格数（默认 1000000，也可用环境变量 JIXIAO_MAX_CELLS）")
    .addOption(new Option("-f, --format <format>", "输出格式").choices(["text", "json"]).default("text"))
    .option("--profile <id>", "评分方案（默认取工作簿中的 jx_profile，否则为全国通用方案）")
    .action(async (file: string, flags: FillFlags) => {
      io.setExitCode(await runFill(file, flags, io));
    });
}


/**
 * Fill a copy and report what changed.
 * @returns the exit code
 * @throws CliError (exit 2) when OUT is FILE, FILE cannot be read or OUT cannot be written
 */
export async function runFill(file: string, flags: FillFlags, io: CliIo): Promise<number> {
  const profileOverride = resolveProfile(flags.profile);
  const limits = readLimitOption(flags.maxCells);
  const [target] = await planOutputs([file], [{ path: flags.output, option: "-o" }], { force: flags.force === true });
  let host: XlsxHost;
  try {
    host = await openXlsx(file, limits);
  } catch (err) {
    throw xlsxOpenError(file, err);
  }
  const read = await host.readWorkbook();
  if (!read.ok) throw new CliError(`无法读取“${file}”：${read.error.message}`, EXIT_UNREADABLE);
  const plan = computeFills(read.value, profileOverride, { overwrite: flags.overwrite === true });
  if (plan.writes.length) {
    const applied = await host.applyWrites(plan.writes);
    if (!applied.ok) throw new CliError(`无法写入计算结果：${applied.error.message}`, EXIT_UNREADABLE);
  }
  await writeOutputs([{ target, bytes: await host.toBuffer() }]);
  const written = new Set(plan.writes);
  const kept = plan.conflicts.filter((c) => !written.has(c));
  io.stdout(flags.format === "json" ? formatFillJson(file, flags.output, plan, kept) : formatFillText(file, flags.output, plan, kept));
  return kept.length ? EXIT_FINDINGS : EXIT_OK;
}

/** A cell value as the clerk reads it: 空白, 99.74%, 9.97, 优. */
function show(value: CellValue, field: string): string {
  if (value === null || value === undefined || value === "") return "空白";
  if (typeof value === "number") return RATE_FIELDS.has(field) ? showNumber(roundTo(value, 4), true) : showNumber(roundTo(value, 6));
  return String(value);
}

function line(w: FillWrite): string {
  const label = FIELD_LABELS[w.field] ?? w.field;
  const reason = w.reason ? `（${w.reason}）` : "";
  return `  ${formatRef(w.at)}  ${label}：${show(w.oldValue, w.field)} → ${show(w.newValue, w.field)}${reason}\n`;
}

/** The text report of a fill. */
export function formatFillText(file: string, output: string, plan: FillPlan, kept: readonly FillWrite[]): string {
  const profile = findProfile(plan.profile) ?? NATIONAL;
  let out = `填写：${file} → ${output}（评分方案：${profile.name}）\n`;
  if (plan.writes.length === 0) out += "没有需要填写的空白单元格。\n";
  else {
    out += `已写入 ${plan.writes.length} 个单元格：\n`;
    for (const w of plan.writes) out += line(w);
  }
  if (kept.length) {
    out += `\n有 ${kept.length} 个单元格已有数值且与计算结果不同，未改写（核实后可用 --overwrite 改写）：\n`;
    for (const w of kept) out += line(w);
  }
  return out;
}

/** The JSON report of a fill. */
export function formatFillJson(file: string, output: string, plan: FillPlan, kept: readonly FillWrite[]): string {
  const entry = (w: FillWrite) => ({ cell: formatRef(w.at), field: w.field, old: w.oldValue, new: w.newValue, reason: w.reason });
  return `${JSON.stringify({ file, output, profile: plan.profile, writes: plan.writes.map(entry), conflicts: kept.map(entry) }, null, 2)}\n`;
}
