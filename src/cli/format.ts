/**
 * Formatters of `jixiao check`: pure functions from outcomes to text. JSON follows the contract exactly;
 * the text report is for people (Chinese, grouped by sheet then severity, with counts).
 */
import type { Severity } from "../core/engine/types";
import type { CliFinding, FileOutcome, JsonFinding, JsonSummary } from "./check-file";

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/**
 * The version of the JSON report. Bumped in its minor part when a field is added, in its major part when a
 * field is removed, renamed or changes meaning. docs/report.schema.json describes it (checked in tests).
 */
export const SCHEMA_VERSION = "1.0";

/** How output is written: whether the terminal or file takes UTF-8, and whether timings are wanted. */
export interface OutputStyle {
  /** False on a GBK console: no ✓/✗ (not in GBK) and JSON keeps to ASCII (\uXXXX escapes). */
  readonly utf8: boolean;
  /** Include each workbook's load and engine times (`--timings`); off by default so two runs are identical. */
  readonly timings?: boolean;
}

export const UTF8: OutputStyle = { utf8: true };

/** A finding in the JSON report: the contract's fields plus the workbook it belongs to. */
export interface JsonReportFinding extends JsonFinding {
  readonly file: string;
}

/** A workbook's summary in the JSON report (timings only with `--timings`). */
export type JsonWorkbookSummary = Omit<JsonSummary, "loadMs" | "checkMs"> & { readonly timings?: { readonly loadMs: number; readonly checkMs: number } };

/** One entry of `workbooks`: a checked workbook, or one that could not be read, with why. */
export type JsonWorkbook =
  | { readonly file: string; readonly status: "checked"; readonly summary: JsonWorkbookSummary }
  | { readonly file: string; readonly status: "unreadable"; readonly error: { readonly problem: string; readonly message: string } };

/** The JSON report: the same shape for one workbook or many. */
export interface JsonReport {
  readonly schemaVersion: string;
  readonly tool: { readonly name: "jixiao"; readonly version: string; readonly engineVersion: string };
  readonly workbooks: readonly JsonWorkbook[];
  readonly findings: readonly JsonReportFinding[];
  readonly summary: BatchTotals;
}

function jsonFinding(file: string, f: CliFinding): JsonReportFinding {
  return { file, rule: f.rule, severity: f.severity, cell: f.cell, field: f.field, message: f.message, expected: f.expected, actual: f.actual };
}

function workbookSummary(s: JsonSummary, timings: boolean): JsonWorkbookSummary {
  const { loadMs, checkMs, ...rest } = s;
  return timings ? { ...rest, timings: { loadMs, checkMs } } : rest;
}

/** Build the JSON report of any number of workbooks, in the order given. */
export function jsonReport(outcomes: readonly FileOutcome[], meta: { version: string; engineVersion: string }, style: OutputStyle = UTF8): JsonReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "jixiao", version: meta.version, engineVersion: meta.engineVersion },
    workbooks: outcomes.map((o): JsonWorkbook =>
      o.ok
        ? { file: o.file, status: "checked", summary: workbookSummary(o.summary, style.timings === true) }
        : { file: o.file, status: "unreadable", error: { problem: o.problem, message: o.message } },
    ),
    findings: outcomes.flatMap((o) => (o.ok ? o.findings.map((f) => jsonFinding(o.file, f)) : [])),
    summary: batchTotals(outcomes),
  };
}

/** Serialise the JSON report; outside UTF-8 every non-ASCII character is a \uXXXX escape (the same JSON once parsed). */
export function formatJsonReport(report: JsonReport, style: OutputStyle = UTF8): string {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  return style.utf8 ? text : text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Totals over the workbooks of a run. */
export interface BatchTotals {
  readonly workbooks: number;
  /** Workbooks read and checked. */
  readonly checked: number;
  /** Checked workbooks without an error. */
  readonly valid: number;
  readonly withErrors: number;
  readonly unreadable: number;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Totals over several workbooks. */
export function batchTotals(outcomes: readonly FileOutcome[]): BatchTotals {
  const ok = outcomes.filter((o): o is FileOutcome & { ok: true } => o.ok);
  const sum = (k: "errors" | "warnings" | "infos" | "findings"): number => ok.reduce((n, o) => n + o.summary[k], 0);
  return {
    workbooks: outcomes.length,
    checked: ok.length,
    valid: ok.filter((o) => o.summary.errors === 0).length,
    withErrors: ok.filter((o) => o.summary.errors > 0).length,
    unreadable: outcomes.length - ok.length,
    findings: sum("findings"),
    errors: sum("errors"),
    warnings: sum("warnings"),
    infos: sum("infos"),
  };
}

/**
 * Whether standard output takes UTF-8. JIXIAO_ENCODING (`utf8`/`gbk`) decides when set. On Windows the
 * console's code page decides (`codePage`, from `chcp`): only 65001 is UTF-8 — PowerShell 5.1 re-decodes
 * redirected output in the console's code page (936, GBK, in China). Elsewhere the locale decides: a
 * charset other than UTF-8 (`zh_CN.GBK`, `zh_CN.GB18030`, or a bare `zh_CN`, which glibc takes as GB2312)
 * is not UTF-8; anything else is.
 */
export function outputIsUtf8(env: Readonly<Record<string, string | undefined>>, platform: string, codePage?: number): boolean {
  const forced = (env.JIXIAO_ENCODING ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
  if (forced === "utf8") return true;
  if (forced !== "") return false;
  if (platform === "win32") return codePage === 65001;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  const charset = /\.([^@]+)/.exec(locale)?.[1];
  if (charset) return /^utf-?8$/i.test(charset);
  return !/^zh_(CN|SG|TW|HK)$/i.test(locale.split("@")[0]);
}

/** The marks of the one-line summaries: ✓/✗ in UTF-8, √/× (both in GBK) elsewhere. */
function marks(style: OutputStyle): { ok: string; bad: string; warn: string } {
  return style.utf8 ? { ok: "✓", bad: "✗", warn: "!" } : { ok: "√", bad: "×", warn: "!" };
}

function counts(s: Pick<JsonSummary, "errors" | "warnings" | "infos">): string {
  return `${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示`;
}

/** The message, plus the expected and actual values when the message does not already say them. */
function withDetail(f: CliFinding): string {
  const parts: string[] = [];
  // The message groups thousands (500,909.62万元); the values are plain (500909.62).
  const plain = f.message.replace(/(\d),(?=\d{3})/g, "$1");
  if (f.expected !== null && f.expected !== "" && !plain.includes(String(f.expected))) parts.push(`应为 ${f.expected}`);
  if (f.actual !== null && f.actual !== "" && !plain.includes(String(f.actual))) parts.push(`实为 ${f.actual}`);
  return parts.length ? `${f.message}（${parts.join("，")}）` : f.message;
}

/** The readable report of one workbook. */
export function formatText(outcome: FileOutcome & { ok: true }): string {
  const { findings, summary } = outcome;
  const lines: string[] = [];
  lines.push(`检查：${outcome.file}`);
  if (summary.form) lines.push(`表样：${summary.form}`);
  const score = summary.score !== null ? `，综合得分 ${summary.score}` : "";
  if (findings.length === 0 && summary.outcome === "unrecognised") {
    lines.push(`没有找到绩效自评表的内容（运行规则 ${summary.rules} 条）。`);
  } else if (findings.length === 0 && summary.outcome === "blank") {
    lines.push(`报表中还没有填写数字（运行规则 ${summary.rules} 条）。`);
  } else if (findings.length === 0) {
    lines.push(`未发现问题（运行规则 ${summary.rules} 条${score}）。`);
  } else {
    lines.push(`共发现 ${findings.length} 处问题：${counts(summary)}（运行规则 ${summary.rules} 条${score}）。`);
  }
  const sheets: string[] = [];
  const bySheet = new Map<string, CliFinding[]>();
  for (const f of findings) {
    if (!bySheet.has(f.sheet)) {
      bySheet.set(f.sheet, []);
      sheets.push(f.sheet);
    }
    bySheet.get(f.sheet)!.push(f);
  }
  for (const sheet of sheets) {
    const own = bySheet.get(sheet)!;
    lines.push("");
    lines.push(`工作表“${sheet}”（${own.length} 处）`);
    for (const severity of SEVERITY_ORDER) {
      const group = own.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      lines.push(`  ${SEVERITY_LABEL[severity]}（${group.length}）`);
      for (const f of group) {
        lines.push(`    ${f.ref.padEnd(6)} ${withDetail(f)}  [${f.rule}]`);
      }
    }
  }
  for (const c of summary.crashed) lines.push(`注意：规则 ${c.rule} 运行出错，已跳过（rule crashed）：${c.error}`);
  lines.push("");
  lines.push(conclusionOf(summary));
  return `${lines.join("\n")}\n`;
}

/**
 * The closing line of one workbook: its errors, else why it is still no pass (a form not yet filled, or
 * no 自评 form found), else 没有发现错误 — the only line a report may be handed in on.
 */
export function conclusionOf(s: JsonSummary): string {
  if (s.errors > 0) return `结论：有 ${s.errors} 个错误需要修改。`;
  if (s.outcome === "unrecognised") return "结论：未识别为绩效自评表，没有检查任何内容，不能视为通过。";
  if (s.outcome === "blank") {
    const shown = s.missing.slice(0, 6).join("、");
    return `结论：报表尚未填写，不能视为通过${shown ? `（请先填写：${shown}${s.missing.length > 6 ? " 等" : ""}）` : ""}。`;
  }
  return "结论：没有发现错误。";
}

/** Why a workbook without error is still no pass, in a few words (empty when it passed). */
function notPassed(s: JsonSummary): string {
  return s.errors > 0 ? "" : s.outcome === "unrecognised" ? "，未识别为绩效自评表" : s.outcome === "blank" ? "，尚未填写" : "";
}

/** One summary line per workbook (several files). */
export function formatSummaryLine(outcome: FileOutcome, style: OutputStyle = UTF8): string {
  const m = marks(style);
  if (!outcome.ok) return `${m.bad} ${outcome.file}：无法读取 — ${outcome.message}\n`;
  const s = outcome.summary;
  const mark = s.errors > 0 ? m.bad : s.warnings > 0 || notPassed(s) ? m.warn : m.ok;
  const score = s.score !== null ? `，综合得分 ${s.score}` : "";
  return `${mark} ${outcome.file}：${counts(s)}${score}${notPassed(s)}\n`;
}

/** The closing line of several workbooks. */
export function formatBatchFooter(outcomes: readonly FileOutcome[], ms?: number): string {
  const t = batchTotals(outcomes);
  const took = ms === undefined ? "" : `（用时 ${(ms / 1000).toFixed(1)} 秒）`;
  const notFilled = outcomes.filter((o) => o.ok && o.summary.errors === 0 && o.summary.outcome !== "passed").length;
  const valid = notFilled ? `${t.valid} 个没有错误（其中 ${notFilled} 个尚未填写或未识别，不能视为通过）` : `${t.valid} 个没有错误`;
  return `\n共检查 ${t.workbooks} 个工作簿：${valid}，${t.withErrors} 个有错误，${t.unreadable} 个无法读取${took}。\n`;
}
