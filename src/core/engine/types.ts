/**
 * Rules, findings and fixes: the engine's vocabulary (eslint-style; see ../shared/style.md).
 */
import type { CellRef, WorkbookSnapshot } from "../model/snapshot";
import type { CellWrite } from "../model/writes";

export type { CellWrite } from "../model/writes";
import type { MoneyUnit, ReportModel, TableBinding } from "../model/report-model";
import type { ScoringProfile } from "../scoring/types";
import type { HiddenAt } from "../model/hidden";

/** Severity of a finding. It comes from the preset, never from the rule. */
export type Severity = "error" | "warning" | "info";

/** What a rule is about. */
export type RuleType = "problem" | "suggestion" | "layout";

/** A host capability a rule needs (most need none). */
export type Capability = "formulas" | "numberFormats" | "merges";

/** A fix: cell writes plus a Chinese description of what it does (shown before applying). */
export interface Fix {
  readonly description: string;
  readonly writes: readonly CellWrite[];
}

/** A finding: one problem at one cell. */
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  /** The Chinese message, built from the rule's template and `data`. */
  readonly message: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address without `$`. */
  readonly ref: string;
  /** 1-based. */
  readonly row: number;
  readonly col: number;
  /** The schema field (`jx_expense.basic`, `jx_exec_rate`) the cell belongs to, when known. */
  readonly field?: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** The workbook's money unit, when the message shows amounts of `data` in it (i18n/display.ts). */
  readonly moneyUnit?: MoneyUnit;
  readonly expected?: string | number;
  readonly actual?: string | number;
  /** Safe to apply without judgement. */
  readonly fix?: Fix;
  /** Needs the clerk's judgement. */
  readonly suggestions?: readonly Fix[];
  /**
   * Where the cell is out of the clerk's sight: a hidden row or column (the message then ends by saying
   * so, so that the clerk can find the cell), or a hidden sheet. Absent when the cell shows.
   */
  readonly hidden?: HiddenAt;
}

/** What a rule passes to `context.report`. */
export interface ReportDescriptor<M extends string = string> {
  readonly at: CellRef;
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly field?: string;
  readonly expected?: string | number;
  readonly actual?: string | number;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
}

/** What a rule sees. */
export interface RuleContext<M extends string = string> {
  readonly id: string;
  readonly model: ReportModel;
  readonly snapshot: WorkbookSnapshot;
  readonly profile: ScoringProfile;
  /** The rule's options: its defaultOptions overlaid with the preset's. */
  readonly options: Readonly<Record<string, unknown>>;
  report(descriptor: ReportDescriptor<M>): void;
}

/** Hooks a rule may implement; each is called once per run (table once per mapped table). */
export interface RuleVisitors {
  workbook?(): void;
  table?(table: TableBinding): void;
  end?(): void;
}

/** Rule metadata. */
export interface RuleMeta<M extends string = string> {
  readonly type: RuleType;
  readonly docs: { readonly description: string; readonly recommended: boolean };
  /** Chinese message templates with `{{placeholder}}`s, keyed by camelCase messageId. */
  readonly messages: Readonly<Record<M, string>>;
  readonly fixable?: boolean;
  readonly hasSuggestions?: boolean;
  readonly requires?: readonly Capability[];
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
}

/** A rule. */
export interface Rule<M extends string = string> {
  readonly id: string;
  readonly meta: RuleMeta<M>;
  create(context: RuleContext<M>): RuleVisitors;
}

/** Define a rule with its message ids checked by the compiler. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** The outcome of one rule in one run. */
export interface RuleResult {
  readonly ruleId: string;
  readonly status: "passed" | "failed" | "crashed" | "off";
  readonly findings: number;
  readonly error?: string;
}

/** The report of one check. */
export interface Report {
  readonly valid: boolean;
  /** The workbook's 综合得分 as computed, when it can be. */
  readonly score?: number;
  readonly stats: {
    readonly rules: number;
    readonly findings: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly ms: number;
  };
  readonly ruleResults: readonly RuleResult[];
  readonly findings: readonly Finding[];
  /** The form detected (the first one, in sheet order), and every form with its sheet. */
  readonly form?: { readonly id: string; readonly name: string };
  readonly forms?: readonly { readonly id: string; readonly name: string; readonly sheet: string }[];
  readonly meta: {
    readonly engineVersion: string;
    readonly host: string;
    readonly ranAt: string;
    readonly preset: string;
    readonly profile: string;
  };
}
