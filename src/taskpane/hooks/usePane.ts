/**
 * The pane's state and operations: one useReducer plus async operations over the host. Every host
 * failure (a HostResult error or a throw) becomes one notice in plain Chinese with what to do, the raw
 * detail behind a disclosure; a new operation replaces the notices of the last one, so they never stack.
 *
 * Fixes are a transaction like 自动计算: preview (old → new for every cell), apply, a message saying
 * what changed, and 撤销 restoring values and number formats. A batch (全部修复) is one write between
 * two reads (before, for 撤销; after, as the host recalculated it), not a re-read per fix.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import type { CellRef, CellWrite, Finding, Ignore, Outcome, PreviewRow, ReportModel, ReportWithIgnores, WorkbookSnapshot } from "../../core";
import { formatRef } from "../../core/model/address";
import { ignoreSheet, readIgnores } from "../../core/report/ignores";
import { mergeWrites, previewWrites, showCell } from "../../core/fix";
import type { HostError, HostResult, SavedFill, WorkbookHost } from "../../hosts/host";
import type { FillPlan, NameSuggestion, NarrativeResult, PaneServices } from "../services";
import { highlightsFor, marksSheet, readMarks, restoreWrites } from "../marks";
import type { StringKey, StringsApi } from "../strings";

/** A long operation (shown with a spinner and its own label). */
export type Operation = "apply" | "check" | "clear" | "fill" | "fix" | "ignore" | "locate" | "names" | "narrative" | "read" | "undo";

/** A message shown in a MessageBar. */
export interface Notice {
  readonly id: number;
  readonly intent: "error" | "info" | "success" | "warning";
  /** A short title (errors and crashes have one). */
  readonly title?: string;
  readonly text: string;
  /** Technical detail, shown only behind 详细信息. */
  readonly detail?: string;
}

/** A fix waiting for 应用修复: the findings it resolves and old → new for every cell it writes. */
export interface FixPreviewState {
  readonly findings: readonly Finding[];
  readonly writes: readonly CellWrite[];
  readonly rows: readonly PreviewRow[];
}

/** What 撤销 puts back, and what it undoes. */
export interface UndoState {
  readonly kind: "fix" | "fill";
  readonly writes: readonly CellWrite[];
}

/** The pane's state. */
export interface PaneState {
  readonly busy: Operation | null;
  /**
   * The first read (identity, mapping, marks of an earlier session) is under way. It runs in the
   * background: no button waits for it, and an operation started meanwhile reads the workbook afresh
   * (the first read's result is then dropped, never shown over the newer one).
   */
  readonly starting: boolean;
  readonly notices: readonly Notice[];
  /** The workbook as last read (and as last written by the pane). */
  readonly snapshot?: WorkbookSnapshot;
  readonly model?: ReportModel;
  readonly report?: ReportWithIgnores;
  readonly outcome?: Outcome;
  readonly ignores: readonly Ignore[];
  /** Fills saved before marking, to restore exactly (also kept in the jx_marks sheet). */
  readonly marks: readonly SavedFill[];
  /** The 自动计算 preview, before 应用. */
  readonly plan?: FillPlan;
  /** The fix preview, before 应用修复. */
  readonly fixPreview?: FixPreviewState;
  /** Writes that restore the cells the last fixes or 自动计算 changed (撤销). */
  readonly undo?: UndoState;
  /** The last 生成综述: its gaps to fill. */
  readonly narrative?: NarrativeResult;
  readonly suggestions: readonly NameSuggestion[];
  /** Bumped after each applied fix or ignore, so the list can move focus to the next card. */
  readonly listChanges: number;
}

type Action =
  | { type: "busy"; op: Operation | null }
  | { type: "started" }
  | { type: "notice"; notice: Omit<Notice, "id"> }
  | { type: "dismiss"; id: number }
  | { type: "model"; snapshot: WorkbookSnapshot; model: ReportModel; suggestions: readonly NameSuggestion[] }
  | { type: "checked"; snapshot: WorkbookSnapshot; model: ReportModel; report: ReportWithIgnores; outcome: Outcome; ignores: readonly Ignore[]; suggestions: readonly NameSuggestion[] }
  | { type: "marks"; marks: readonly SavedFill[] }
  | { type: "plan"; plan: FillPlan | undefined }
  | { type: "fixPreview"; preview: FixPreviewState | undefined }
  | { type: "undo"; undo: UndoState | undefined }
  | { type: "narrative"; narrative: NarrativeResult | undefined }
  | { type: "listChanged" };

let nextNoticeId = 1;

function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case "busy":
      // A new operation replaces the last one's notices: a clerk clicking twice sees one bar, not two.
      return { ...state, busy: action.op, notices: action.op && action.op !== "locate" ? [] : state.notices };
    case "notice": {
      // The same text twice in one operation is one notice.
      if (state.notices.some((n) => n.text === action.notice.text && n.intent === action.notice.intent)) return state;
      return { ...state, notices: [...state.notices, { ...action.notice, id: nextNoticeId++ }] };
    }
    case "started":
      return { ...state, starting: false };
    case "dismiss":
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
    case "model":
      return { ...state, snapshot: action.snapshot, model: action.model, suggestions: action.suggestions };
    case "checked":
      return {
        ...state,
        snapshot: action.snapshot,
        model: action.model,
        report: action.report,
        outcome: action.outcome,
        ignores: action.ignores,
        suggestions: action.suggestions,
      };
    case "marks":
      return { ...state, marks: action.marks };
    case "plan":
      return { ...state, plan: action.plan };
    case "fixPreview":
      return { ...state, fixPreview: action.preview };
    case "undo":
      return { ...state, undo: action.undo };
    case "narrative":
      return { ...state, narrative: action.narrative };
    case "listChanged":
      return { ...state, listChanges: state.listChanges + 1 };
  }
}

const INITIAL: PaneState = { busy: null, starting: true, notices: [], ignores: [], marks: [], suggestions: [], listChanges: 0 };

/** A host operation failed: carries the adapter's HostError. */
export class HostOperationError extends Error {
  readonly hostError: HostError;
  constructor(hostError: HostError) {
    super(hostError.detail && !hostError.message.includes(hostError.detail) ? `${hostError.message}（${hostError.detail}）` : hostError.message);
    this.name = "HostOperationError";
    this.hostError = hostError;
  }
}

function unwrap<T>(result: HostResult<T>): T {
  if (!result.ok) throw new HostOperationError(result.error);
  return result.value;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Known host failures, by what their English detail says, and the Chinese sentence that tells what to do. */
const HOST_PATTERNS: readonly [RegExp, StringKey][] = [
  [/InvalidOperationInCellEditMode|cell[- ]editing mode|编辑模式|单元格编辑/i, "hostCellEdit"],
  [/\bprotect|AccessDenied|保护/i, "hostProtected"],
  [/RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|payload|too-large/i, "hostTooLarge"],
  [/ActivityLimitReached|Busy|正忙|ServiceNotAvailable|Timeout/i, "hostBusy"],
  [/ItemNotFound|InvalidReference|not-found/i, "hostNotFound"],
];

/**
 * One notice for an operation that failed: plain words first (what to do), the technical detail
 * behind a disclosure.
 * @param err - a HostOperationError or anything thrown
 * @param strings - the pane's strings
 */
export function explainFailure(err: unknown, strings: StringsApi): Omit<Notice, "id"> {
  const hostError = err instanceof HostOperationError ? err.hostError : undefined;
  const raw = hostError ? [hostError.code, hostError.message, hostError.detail ?? ""].join(" ") : err instanceof Error ? `${err.name} ${err.message}` : String(err);
  const detail = hostError ? (hostError.detail ?? hostError.message) : err instanceof Error ? err.message : String(err);
  for (const [pattern, key] of HOST_PATTERNS) {
    if (pattern.test(raw)) return { intent: "error", title: strings.s.errorTitle, text: strings.s[key], detail };
  }
  // An adapter's own Chinese sentence, without the English detail it may carry.
  const chinese = hostError && /[\u4e00-\u9fff]/.test(hostError.message) ? hostError.message.replace(hostError.detail ?? "\u0000", "").replace(/[：:]\s*$/, "") : undefined;
  const text = chinese && chinese.trim() !== "" ? chinese : strings.t("hostUnknown", { message: detail });
  return { intent: "error", title: strings.s.errorTitle, text, ...(text.includes(detail) ? {} : { detail }) };
}

/** What the pane's components call. */
export interface PaneApi {
  readonly state: PaneState;
  check(): Promise<void>;
  locate(at: CellRef): Promise<void>;
  /** Show what the fixes of these findings would write (one finding, or a group for 全部修复). */
  previewFix(findings: readonly Finding[]): void;
  applyFix(): Promise<void>;
  cancelFix(): void;
  ignore(finding: Finding, reason: string): Promise<void>;
  /** Take an ignore back: the finding counts again from the next check (this one). */
  unignore(finding: Finding): Promise<void>;
  clearMarks(): Promise<void>;
  planFill(): Promise<void>;
  /** Apply the plan's writes, plus the conflicts chosen to overwrite (by cell, `收支情况!C11`). */
  applyFill(overwrite?: readonly string[]): Promise<void>;
  cancelFill(): void;
  undo(): Promise<void>;
  writeNarrative(): Promise<void>;
  saveNames(names: readonly NameSuggestion[]): Promise<void>;
  dismiss(id: number): void;
}

/** Options of {@link usePane}. */
export interface PaneOptions {
  /**
   * Asked once, when the pane has mounted: was 检查我的报表 clicked before the pane had started (on the
   * page's first screen, scripts/pane-shell.js)? If so the pane checks at once, with a read made now,
   * instead of its first background read.
   */
  readonly takeEarlyCheck?: () => boolean;
}

/** "项目支出!B16 “83%”（文字）→ 82.62%" for the notice after a fix (the first few cells). */
function describeChanges(rows: readonly PreviewRow[]): string {
  const shown = rows.slice(0, 3).map((r) => `${r.cell} ${showCell(r.before)} → ${showCell(r.after)}`);
  return rows.length > 3 ? `${shown.join("；")} 等` : shown.join("；");
}

/**
 * The pane's state machine over a host.
 * @param host - the workbook host (Excel, WPS or a fake in tests)
 * @param services - the core behind the pane
 * @param strings - for the notices' text
 */
export function usePane(host: WorkbookHost, services: PaneServices, strings: StringsApi, options: PaneOptions = {}): PaneApi {
  const [state, dispatch] = useReducer(reducer, INITIAL);
  // Async operations read the latest values through refs: a closure's `state` may be stale.
  const marksRef = useRef<readonly SavedFill[]>([]);
  const stateRef = useRef(state);
  stateRef.current = state;
  const stringsRef = useRef(strings);
  stringsRef.current = strings;
  const busyRef = useRef(false);
  /** Bumped when an operation starts: the first read drops its result when one started after it. */
  const epochRef = useRef(0);

  const setMarks = useCallback((marks: readonly SavedFill[]) => {
    marksRef.current = marks;
    dispatch({ type: "marks", marks });
  }, []);

  const notify = useCallback((notice: Omit<Notice, "id">) => dispatch({ type: "notice", notice }), []);

  /** Run one operation: spinner on, errors to a MessageBar, spinner off. One at a time. */
  const run = useCallback(
    async (op: Operation, body: () => Promise<void>): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = true;
      epochRef.current++;
      dispatch({ type: "busy", op });
      try {
        await body();
      } catch (err) {
        notify(explainFailure(err, stringsRef.current));
      } finally {
        busyRef.current = false;
        dispatch({ type: "busy", op: null });
      }
    },
    [notify],
  );

  /** Read the workbook; `writing`: cells about to be written, whose own number format 撤销 must keep even when blank. */
  const read = useCallback(
    async (writing?: readonly CellWrite[]): Promise<WorkbookSnapshot> =>
      unwrap(await host.readWorkbook(writing ? { cells: writing.map((w) => w.at) } : undefined)),
    [host],
  );

  /** Paint the findings' cells, first restoring whatever the pane painted before. */
  const mark = useCallback(
    async (findings: readonly Finding[]) => {
      if (!host.capabilities.highlight) return;
      const had = marksRef.current;
      const highlights = highlightsFor(findings);
      if (host.replaceMarks) {
        // One batch where the host offers it (Excel: two round trips instead of six).
        if (had.length > 0 || highlights.length > 0) setMarks(unwrap(await host.replaceMarks(had, highlights, host.capabilities.addSheets ? marksSheet : undefined)));
        return;
      }
      if (had.length > 0) {
        unwrap(await host.clearHighlights(had));
        setMarks([]);
      }
      const saved = highlights.length > 0 ? unwrap(await host.highlight(highlights)) : [];
      setMarks(saved);
      // Keep the saved fills in the workbook too, so 清除标记 still restores them after a reload.
      if (host.capabilities.addSheets && (saved.length > 0 || had.length > 0)) unwrap(await host.writeSheet(marksSheet(saved)));
    },
    [host, setMarks],
  );

  /** Check a snapshot (read just now, or as the pane just wrote it) and show the result. */
  const checkSnapshot = useCallback(
    async (snapshot: WorkbookSnapshot) => {
      const outcome = services.check(snapshot);
      dispatch({ type: "checked", snapshot, model: outcome.model, report: outcome.report, outcome: outcome.outcome, ignores: outcome.ignores, suggestions: services.suggestNames(outcome.model) });
      // A crashed rule means part of the report went unchecked: one notice, the details behind a disclosure.
      const crashed = outcome.report.ruleResults.filter((r) => r.status === "crashed");
      if (crashed.length > 0) {
        const s = stringsRef.current;
        notify({
          intent: "error",
          title: s.t("crashTitle", { count: crashed.length }),
          text: s.s.crashBody,
          detail: crashed.map((r) => `${r.ruleId}: ${r.error ?? ""}`).join("\n"),
        });
      }
      if (marksRef.current.length === 0) marksRef.current = readMarks(snapshot);
      await mark(outcome.report.findings);
    },
    [services, mark, notify],
  );

  const checkNow = useCallback(async () => checkSnapshot(await read()), [checkSnapshot, read]);

  /** After a write: re-check when a report is on screen, else just refresh the identity. */
  const refresh = useCallback(async () => {
    if (stateRef.current.report) {
      await checkNow();
      return;
    }
    const snapshot = await read();
    const model = services.map(snapshot);
    dispatch({ type: "model", snapshot, model, suggestions: services.suggestNames(model) });
  }, [checkNow, read, services]);

  // First read: identity, mapping, and marks left in the workbook by an earlier session. In the
  // background (issue 12): 检查我的报表 does not wait for it (nor for the engine it needs), and a click
  // meanwhile checks a read of its own, made at the click. What this read found is shown only when no
  // operation started after it began — never over a newer read, whatever finishes first.
  const takeEarlyCheck = useRef(options.takeEarlyCheck);
  const checkedAtStart = useRef(false);
  // A layout effect: asked once the page's first screen is gone (no click can land on it any more), and
  // the busy state is rendered before the browser paints — no flash of an enabled button in between.
  useLayoutEffect(() => {
    if (takeEarlyCheck.current?.() !== true) return;
    takeEarlyCheck.current = undefined;
    checkedAtStart.current = true;
    // The check reads the workbook itself and shows its identity and marks: no background read besides.
    void run("check", checkNow).finally(() => dispatch({ type: "started" }));
  }, [run, checkNow]);

  useEffect(() => {
    if (checkedAtStart.current) return;
    const epoch = epochRef.current;
    const current = (): boolean => epochRef.current === epoch;
    void (async () => {
      try {
        const snapshot = await read();
        if (!current()) return;
        const model = services.map(snapshot);
        dispatch({ type: "model", snapshot, model, suggestions: services.suggestNames(model) });
        const saved = readMarks(snapshot);
        if (saved.length > 0 && marksRef.current.length === 0) setMarks(saved);
      } catch (err) {
        // Said only when nothing newer has spoken since: a check started meanwhile reports its own read.
        if (current()) notify(explainFailure(err, stringsRef.current));
      } finally {
        dispatch({ type: "started" });
      }
    })();
  }, [read, services, setMarks, notify, run, checkNow]);

  const api = useMemo<PaneApi>(() => {
    const t = (...args: Parameters<StringsApi["t"]>) => stringsRef.current.t(...args);
    return {
      state,
      check: () => run("check", checkNow),
      locate: (at) =>
        run("locate", async () => {
          unwrap(await host.select(at));
        }),
      previewFix: (findings) => {
        const snapshot = stateRef.current.snapshot;
        const fixable = findings.filter((f) => f.fix !== undefined);
        if (!snapshot || fixable.length === 0) return;
        const writes = mergeWrites(...fixable.map((f) => f.fix?.writes ?? []));
        dispatch({ type: "plan", plan: undefined });
        dispatch({ type: "fixPreview", preview: { findings: fixable, writes, rows: previewWrites(snapshot, writes) } });
      },
      cancelFix: () => dispatch({ type: "fixPreview", preview: undefined }),
      applyFix: () =>
        run("fix", async () => {
          const preview = stateRef.current.fixPreview;
          if (!preview) return;
          // The dialog closes at once: a failure is told in the pane, not behind a modal.
          dispatch({ type: "fixPreview", preview: undefined });
          // One read just before writing (what 撤销 must put back), one write for the whole batch, one
          // re-read: the host recalculates formulas that depend on the fixed cells, which a simulated
          // snapshot would not. Two reads per batch, whatever its size — never one per fix.
          const fresh = await read(preview.writes);
          const restore = restoreWrites(fresh, preview.writes);
          const rows = previewWrites(fresh, preview.writes);
          const count = unwrap(await host.applyWrites(preview.writes));
          dispatch({ type: "undo", undo: { kind: "fix", writes: restore } });
          await checkNow();
          notify({ intent: "success", text: t("fixApplied", { count, changes: describeChanges(rows) }) });
          dispatch({ type: "listChanged" });
        }),
      ignore: (finding, reason) =>
        run("ignore", async () => {
          // Re-read the sheet so that ignores added elsewhere (another pane, by hand) are kept.
          const existing = readIgnores(await read());
          const entry: Ignore = { ruleId: finding.ruleId, cell: formatRef({ sheet: finding.sheet, address: finding.ref }), reason: reason.trim(), date: today() };
          unwrap(await host.writeSheet(ignoreSheet([...existing, entry])));
          await checkNow();
          dispatch({ type: "listChanged" });
        }),
      unignore: (finding) =>
        run("ignore", async () => {
          const cell = formatRef({ sheet: finding.sheet, address: finding.ref });
          const kept = readIgnores(await read()).filter((i) => !(i.ruleId === finding.ruleId && i.cell === cell));
          unwrap(await host.writeSheet(ignoreSheet(kept)));
          await checkNow();
        }),
      clearMarks: () =>
        run("clear", async () => {
          const saved = marksRef.current;
          const count = unwrap(await host.clearHighlights(saved));
          setMarks([]);
          if (host.capabilities.addSheets) unwrap(await host.writeSheet(marksSheet([])));
          notify({ intent: "success", text: t("marksCleared", { count }) });
        }),
      planFill: () =>
        run("fill", async () => {
          const planFills = services.planFills;
          if (!planFills) {
            notify({ intent: "warning", text: t("fillUnavailable") });
            return;
          }
          const snapshot = await read();
          const model = services.map(snapshot);
          const plan = planFills(snapshot, model);
          dispatch({ type: "model", snapshot, model, suggestions: services.suggestNames(model) });
          dispatch({ type: "fixPreview", preview: undefined });
          const blocked = plan.blocked ?? [];
          if (plan.writes.length === 0 && plan.conflicts.length === 0 && blocked.length === 0) {
            dispatch({ type: "plan", plan: undefined });
            notify({ intent: "info", text: t("fillNothing") });
          } else dispatch({ type: "plan", plan });
          if (plan.writes.length === 0 && plan.conflicts.length > 0) notify({ intent: "info", text: t("fillNothingConflicts", { count: plan.conflicts.length }) });
          else if (plan.conflicts.length > 0) notify({ intent: "warning", text: t("fillConflicts", { count: plan.conflicts.length }) });
        }),
      applyFill: (overwrite = []) =>
        run("apply", async () => {
          const plan = stateRef.current.plan;
          if (!plan) return;
          const chosen = new Set(overwrite);
          const writes = [...plan.writes, ...plan.conflicts.filter((c) => !c.formula && chosen.has(c.cell))].map((w) => w.write);
          if (writes.length === 0) return;
          // Old values from a fresh read, just before writing: that is what 撤销 must put back.
          const restore = restoreWrites(await read(writes), writes);
          const count = unwrap(await host.applyWrites(writes));
          dispatch({ type: "undo", undo: { kind: "fill", writes: restore } });
          dispatch({ type: "plan", plan: undefined });
          await refresh();
          notify({ intent: "success", text: t("fillApplied", { count }) });
        }),
      cancelFill: () => dispatch({ type: "plan", plan: undefined }),
      undo: () =>
        run("undo", async () => {
          const undo = stateRef.current.undo;
          if (!undo) {
            notify({ intent: "info", text: t("undoUnavailable") });
            return;
          }
          unwrap(await host.applyWrites(undo.writes));
          dispatch({ type: "undo", undo: undefined });
          await refresh();
          notify({ intent: "success", text: t(undo.kind === "fix" ? "fixUndone" : "fillUndone", { count: undo.writes.length }) });
        }),
      writeNarrative: () =>
        run("narrative", async () => {
          const narrative = services.narrative;
          if (!narrative) {
            notify({ intent: "warning", text: t("narrativeUnavailable") });
            return;
          }
          const snapshot = await read();
          const model = services.map(snapshot);
          const result = narrative(snapshot, model);
          dispatch({ type: "model", snapshot, model, suggestions: services.suggestNames(model) });
          unwrap(await host.writeSheet(result.sheet));
          dispatch({ type: "narrative", narrative: result });
          notify({ intent: "success", text: t("narrativeWritten", { sheet: result.sheet.name }) });
        }),
      saveNames: (names) =>
        run("names", async () => {
          const count = unwrap(await host.addNames(names.map((n) => ({ name: n.name, ref: n.ref }))));
          notify({ intent: "success", text: t("mappingNamesSaved", { count }) });
          await refresh();
        }),
      dismiss: (id) => dispatch({ type: "dismiss", id }),
    };
  }, [state, run, checkNow, host, read, refresh, services, setMarks, notify]);

  return api;
}
