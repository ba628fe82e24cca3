/**
 * Check one workbook file: read it with the light .xlsx reader (src/hosts/xlsx/light.ts), run the engine,
 * and return a plain, serialisable outcome (it crosses worker_threads). Unreadable files are outcomes too, never exceptions.
 */
import { checkModel, ENGINE_VERSION } from "../core/engine/run-rules";
import { mapWorkbook } from "../core/mapping";
import { outcomeOf, type OutcomeKind } from "../core/report/outcome";
import type { ReportModel } from "../core/model/report-model";
import { reportYear } from "../core/narrative/prose-cells";
import { gradeFor, gradeLabel } from "../core/scoring/score";
import { withFormBands } from "../core/scoring/form-bands";
import { withFormGradeWords } from "../core/scoring/grade-words";
import { applyIgnores, readIgnores } from "../core/report/ignores";
import { PRESETS, type Preset } from "../core/config/presets";
import { PROFILES, findProfile } from "../core/scoring/profiles";
import type { ScoringProfile } from "../core/scoring/types";
import { formatRef } from "../core/model/address";
import type { Severity } from "../core/engine/types";
// The light reader (no xlsx-populate, no JSZip) and the leaf modules of the .xlsx host: never its index,
// which loads xlsx-populate for the commands that write workbooks.
import { readWorkbookFile } from "../hosts/xlsx/light";
import { limitsFor, limitsFromEnv } from "../hosts/xlsx/package";
import { XlsxReadError } from "../hosts/xlsx/sniff";
import { now } from "./clock";
import { CliError } from "./io";
import { loadRuleFile } from "./rules-file";

/** What the user chose on the command line (plain strings, so they can be sent to workers). */
export interface CheckFileOptions {
  /** A preset id (`recommended`, `strict`). */
  readonly preset: string;
  /** A scoring profile id or Chinese name; the workbook's jx_profile when absent. */
  readonly profile?: string;
  /** The most cells a workbook may have (`--max-cells`); JIXIAO_MAX_CELLS or one million when absent. */
  readonly maxCells?: number;
  /** A bureau rule file (`--rules`, .xlsx or .csv): its 审核公式 run after the built-in rules. */
  readonly rules?: string;
  /** Last year's workbook (`--previous`): its figures are compared with this year's. */
  readonly previous?: string;
}

/** One finding as the JSON output shows it (contract: ../shared/contract.md). */
export interface JsonFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** `收支情况!C11`. */
  readonly cell: string;
  readonly field: string | null;
  readonly message: string;
  readonly expected: string | number | null;
  readonly actual: string | number | null;
}

/** A finding plus what the text report groups by. */
export interface CliFinding extends JsonFinding {
  readonly sheet: string;
  readonly ref: string;
}

/** The per-workbook summary of the JSON output. */
export interface JsonSummary {
  readonly file: string;
  readonly valid: boolean;
  readonly findings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** The 综合得分 the engine computed, when it could. */
  readonly score: number | null;
  /** The 等次 of that score under the profile (优/良/中/差), when there is a score. */
  readonly grade: string | null;
  /** 部门（单位）名称 (jx_unit_name), when the workbook states it. */
  readonly unit: string | null;
  /** 评价年度 (jx_report_year), when the workbook states it. */
  readonly year: number | null;
  /** The form detected (its Chinese name; several when the workbook holds several), null when none. */
  readonly form: string | null;
  /**
   * What the check means before export, as the pane shows it (src/core/report/outcome.ts): `passed` (no
   * error: the only one that may be handed in), `errors`, `blank` (a form not yet filled: no figure typed)
   * or `unrecognised` (no 自评 form found: nothing was checked). A blank or unrecognised workbook has no
   * error and is still no pass.
   */
  readonly outcome: OutcomeKind;
  /** The inputs still blank, in the form's words (`全年执行数`, `支出和结余情况`). */
  readonly missing: readonly string[];
  /** Findings the clerk ignored (jx_ignore sheet), left out of the counts. */
  readonly ignored: number;
  readonly rules: number;
  readonly preset: string;
  readonly profile: string;
  readonly engineVersion: string;
  /** Rules that threw (recorded and skipped, the rest of the run went on). */
  readonly crashed: readonly { readonly rule: string; readonly error: string }[];
  /** Time to read the file and time the engine took, in milliseconds. */
  readonly loadMs: number;
  readonly checkMs: number;
}

/** The outcome of checking one file. */
export type FileOutcome =
  | { readonly file: string; readonly ok: true; readonly findings: readonly CliFinding[]; readonly summary: JsonSummary }
  | { readonly file: string; readonly ok: false; readonly problem: string; readonly message: string };

/**
 * Resolve the preset id.
 * @throws CliError for an unknown id
 */
export function resolvePreset(id: string): Preset {
  const preset = PRESETS[id];
  if (!preset) throw new CliError(`未知的规则预设“${id}”，可选：${Object.keys(PRESETS).join("、")}（unknown preset）`);
  return preset;
}

/**
 * Resolve the profile id or name.
 * @throws CliError for an unknown profile
 */
export function resolveProfile(id: string | undefined): ScoringProfile | undefined {
  if (id === undefined) return undefined;
  const profile = findProfile(id);
  if (!profile) throw new CliError(`未知的评分方案“${id}”，可选：${Object.keys(PROFILES).join("、")}（unknown profile）`);
  return profile;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Check one file. Never throws for a bad file: the outcome says what is wrong. */
export async function checkFile(file: string, options: CheckFileOptions): Promise<FileOutcome> {
  const preset = resolvePreset(options.preset);
  const profile = resolveProfile(options.profile);
  const t0 = now();
  let snapshot;
  try {
    snapshot = await readWorkbookFile(file, options.maxCells !== undefined ? limitsFor(options.maxCells) : limitsFromEnv());
  } catch (err) {
    if (err instanceof XlsxReadError) return { file, ok: false, problem: err.problem, message: err.message };
    return { file, ok: false, problem: "corrupt", message: `文件已损坏，无法读取（corrupt .xlsx file）：${err instanceof Error ? err.message : String(err)}` };
  }
  const t1 = now();
  // What the clerk ignored in the pane (with a reason, kept in the workbook) is ignored here too.
  const model = mapWorkbook(snapshot);
  const bureauRules = options.rules !== undefined ? await loadRuleFile(options.rules) : undefined;
  const previous = options.previous !== undefined ? await loadPrevious(options.previous) : undefined;
  const report = applyIgnores(
    checkModel(model, { preset, profile, host: "cli", ...(bureauRules ? { bureauRules } : {}), ...(previous ? { previous } : {}) }),
    readIgnores(snapshot),
  );
  const t2 = now();
  const outcome = outcomeOf(model, report);
  const findings: CliFinding[] = report.findings.map((f) => ({
    rule: f.ruleId,
    severity: f.severity,
    cell: formatRef({ sheet: f.sheet, address: f.ref }),
    field: f.field ?? null,
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    sheet: f.sheet,
    ref: f.ref,
  }));
  return {
    file,
    ok: true,
    findings,
    summary: {
      file,
      valid: report.valid,
      findings: report.stats.findings,
      errors: report.stats.errors,
      warnings: report.stats.warnings,
      infos: report.stats.infos,
      score: report.score ?? null,
      grade: gradeOf(report.score, report.meta.profile, model),
      unit: unitOf(model),
      year: reportYear(model) ?? null,
      form: report.form?.name ?? null,
      outcome: outcome.kind,
      missing: outcome.missing.map((m) => m.label),
      ignored: report.ignored.length,
      rules: report.stats.rules,
      preset: report.meta.preset,
      profile: report.meta.profile,
      engineVersion: ENGINE_VERSION,
      crashed: report.ruleResults.filter((r) => r.status === "crashed").map((r) => ({ rule: r.ruleId, error: r.error ?? "" })),
      loadMs: round(t1 - t0),
      checkMs: round(t2 - t1),
    },
  };
}

/** The grade of the score as the form itself grades and words it (its written bands, 优秀 / 良好 …). */
function gradeOf(score: number | undefined, profileId: string, model: ReportModel): string | null {
  const named = findProfile(profileId);
  if (score === undefined || !named) return null;
  const profile = withFormGradeWords(withFormBands(named, model.snapshot), model);
  const band = gradeFor(score, profile);
  return band ? gradeLabel(band) : null;
}

function unitOf(model: ReportModel): string | null {
  const v = model.scalars.jx_unit_name?.cell?.value;
  return v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim();
}

/**
 * The form (表样) mapping detected. Read loosely: the forms work adds `form` (or `forms`) to the model;
 * until it does, this is null.
 */

const previousCache = new Map<string, Promise<ReportModel>>();

/**
 * Last year's workbook, read and mapped once per process.
 * @throws CliError when it cannot be read
 */
export function loadPrevious(file: string): Promise<ReportModel> {
  let p = previousCache.get(file);
  if (!p) {
    p = readWorkbookFile(file).then(mapWorkbook, (err: unknown) => {
      throw new CliError(`无法读取上年报表“${file}”：${err instanceof Error ? err.message : String(err)}`);
    });
    previousCache.set(file, p);
    p.catch(() => previousCache.delete(file));
  }
  return p;
}

/** The exit code an outcome asks for: 0 no error, 1 errors, 2 unreadable. */
export function exitCodeOf(outcome: FileOutcome): number {
  if (!outcome.ok) return 2;
  return outcome.summary.errors > 0 ? 1 : 0;
}
