/**
 * Formatters of `jixiao check`: pure functions from outcomes to text. JSON follows the contract exactly;
 * the text report is for people (Chinese, grouped by sheet then severity, with counts).
 */
import type { Severity } from "../core/engine/types";
import type { CliFinding, FileOutcome, JsonFinding, JsonSummary } from "./check-file";

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

function jsonFinding(f: CliFinding): JsonFinding {
  return { rule: f.rule, severity: f.severity, cell: f.cell, field: f.field, message: f.message, expected: f.expected, actual: f.actual };
}

/** The contract's JSON for one workbook: `{"findings":[…],"summary":{…}}`. */
export function formatJson(outcome: FileOutcome & { ok: true }): string {
  return `${JSON.stringify({ findings: outcome.findings.map(jsonFinding), summary: outcome.summary }, null, 2)}\n`;
}

/** The JSON for several workbooks: one entry per file (findings and summary, or the reading error), then totals. */
export function formatJsonBatch(outcomes: readonly FileOutcome[]): string {
  const workbooks = outcomes.map((o) =>
    o.ok ? { file: o.file, findings: o.findings.map(jsonFinding), summary: o.summary } : { file: o.file, error: { problem: o.problem, message: o.message } },
  );
  return `${JSON.stringify({ workbooks, summary: batchTotals(outcomes) }, null, 2)}\n`;
}

/** Totals over several workbooks. */
export function batchTotals(outcomes: readonly FileOutcome[]): {
  workbooks: number;
  valid: number;
  withErrors: number;
  unreadable: number;
  errors: number;
  warnings: number;
  infos: number;
} {
  const ok = outcomes.filter((o): o is FileOutcome & { ok: true } => o.ok);
  const sum = (k: "errors" | "warnings" | "infos"): number => ok.reduce((n, o) => n + o.summary[k], 0);
  return {
    workbooks: outcomes.length,
    valid: ok.filter((o) => o.summary.errors === 0).length,
    withErrors: ok.filter((o) => o.summary.errors > 0).length,
    unreadable: outcomes.length - ok.length,
    errors: sum("errors"),
    warnings: sum("warnings"),
    infos: sum("infos"),
  };
}

function counts(s: Pick<JsonSummary, "errors" | "warnings" | "infos">): string {
  return `${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示`;
}

/** The message, plus the expected and actual values when the message does not already say them. */
function withDetail(f: CliFinding): string {
  const parts: string[] = [];
  if (f.expected !== null && f.expected !== "" && !f.message.includes(String(f.expected))) parts.push(`应为 ${f.expected}`);
  if (f.actual !== null && f.actual !== "" && !f.message.includes(String(f.actual))) parts.push(`实为 ${f.actual}`);
  return parts.length ? `${f.message}（${parts.join("，")}）` : f.message;
}

/** The readable report of one workbook. */
export function formatText(outcome: FileOutcome & { ok: true }): string {
  const { findings, summary } = outcome;
  const lines: string[] = [];
  lines.push(`检查：${outcome.file}`);
  if (summary.form) lines.push(`表样：${summary.form}`);
  const score = summary.score !== null ? `，综合得分 ${summary.score}` : "";
  if (findings.length === 0) {
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
  lines.push(summary.errors > 0 ? `结论：有 ${summary.errors} 个错误需要修改。` : "结论：没有发现错误。");
  return `${lines.join("\n")}\n`;
}

/** One summary line per workbook (several files). */
export function formatSummaryLine(outcome: FileOutcome): string {
  if (!outcome.ok) return `✗ ${outcome.file}：无法读取 — ${outcome.message}\n`;
  const s = outcome.summary;
  const mark = s.errors > 0 ? "✗" : s.warnings > 0 ? "!" : "✓";
  const score = s.score !== null ? `，综合得分 ${s.score}` : "";
  return `${mark} ${outcome.file}：${counts(s)}${score}\n`;
}

/** The closing line of several workbooks. */
export function formatBatchFooter(outcomes: readonly FileOutcome[], ms: number): string {
  const t = batchTotals(outcomes);
  return `\n共检查 ${t.workbooks} 个工作簿：${t.valid} 个没有错误，${t.withErrors} 个有错误，${t.unreadable} 个无法读取（用时 ${(ms / 1000).toFixed(1)} 秒）。\n`;
}
