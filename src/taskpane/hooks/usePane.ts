/**
 * The pane's state and operations: one useReducer plus async operations over the host. Every host
 * failure (a HostResult error or a throw) becomes a notice shown in a MessageBar; nothing is swallowed.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { CellWrite, Finding, Ignore, ReportModel, ReportWithIgnores, WorkbookSnapshot } from "../../core";
import { formatRef, ignoreSheet, readIgnores } from "../../core";
import type { HostError, HostResult, SavedFill, WorkbookHost } from "../../hosts/host";
import { highlightsFor, marksSheet, readMarks, restoreWrites, type FillPlan, type NameSuggestion, type PaneServices } from "../services";
import type { StringsApi } from "../strings";

/** A long operation (shown with a spinner and its own label). */
export type Operation = "apply" | "check" | "clear" | "fill" | "fix" | "ignore" | "locate" | "names" | "narrative" | "read" | "undo";

/** A message shown in a MessageBar. */
export interface Notice {
  readonly id: number;
  readonly intent: "error" | "info" | "success" | "warning";
  readonly text: string;
  readonly detail?: string;
}

/** The pane's state. */
export interface PaneState {
  readonly busy: Operation | null;
  readonly notices: readonly Notice[];
  readonly model?: ReportModel;
  readonly report?: ReportWithIgnores;
  readonly ignores: readonly Ignore[];
  /** Fills saved before marking, to restore exactly (also kept in the jx_marks sheet). */
  readonly marks: readonly SavedFill[];
  /** The 自动计算 preview, before 应用. */
  readonly plan?: FillPlan;
  /** Writes that restore the cells 自动计算 changed (撤销). */
  readonly undo?: readonly CellWrite[];
  readonly suggestions: readonly NameSuggestion[];
}

type Action =
  | { type: "busy"; op: Operation | null }
  | { type: "notice"; notice: Omit<Notice, "id"> }
  | { type: "dismiss"; id: number }
  | { type: "model"; model: ReportModel; suggestions: readonly NameSuggestion[] }
  | { type: "checked"; model: ReportModel; report: ReportWithIgnores; ignores: readonly Ignore[]; suggestions: readonly NameSuggestion[] }
  | { type: "marks"; marks: readonly SavedFill[] }
  | { type: "plan"; plan: FillPlan | undefined }
  | { type: "undo"; writes: readonly CellWrite[] | undefined };

let nextNoticeId = 1;

function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case "busy":
      // A new operation retires the previous one's confirmations; errors stay until dismissed.
      return { ...state, busy: action.op, notices: action.op ? state.notices.filter((n) => n.intent === "error") : state.notices };
    case "notice":
      return { ...state, notices: [...state.notices, { ...action.notice, id: nextNoticeId++ }] };
    case "dismiss":
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
    case "model":
      return { ...state, model: action.model, suggestions: action.suggestions };
    case "checked":
      return { ...state, model: action.model, report: action.report, ignores: action.ignores, suggestions: action.suggestions };
    case "marks":
      return { ...state, marks: action.marks };
    case "plan":
      return { ...state, plan: action.plan };
    case "undo":
      return { ...state, undo: action.writes };
  }
}

const INITIAL: PaneState = { busy: null, notices: [], ignores: [], marks: [], suggestions: [] };

/** A host operation failed: carries the adapter's HostError. */
export class HostOperationError extends Error {
  readonly hostError: HostError;
  constructor(hostError: HostError) {
    super(hostError.detail ? `${hostError.message}（${hostError.detail}）` : hostError.message);
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

/** What the pane's components call. */
export interface PaneApi {
  readonly state: PaneState;
  check(): Promise<void>;
  locate(finding: Finding): Promise<void>;
  fix(finding: Finding): Promise<void>;
  ignore(finding: Finding, reason: string): Promise<void>;
  /** Take an ignore back: the finding counts again from the next check (this one). */
  unignore(finding: Finding): Promise<void>;
  clearMarks(): Promise<void>;
  planFill(): Promise<void>;
  applyFill(): Promise<void>;
  cancelFill(): void;
  undoFill(): Promise<void>;
  writeNarrative(): Promise<void>;
  saveNames(names: readonly NameSuggestion[]): Promise<void>;
  dismiss(id: number): void;
}

/**
 * The pane's state machine over a host.
 * @param host - the workbook host (Excel, WPS or a fake in tests)
 * @param services - the core behind the pane
 * @param strings - for the notices' text
 */
export function usePane(host: WorkbookHost, services: PaneServices, strings: StringsApi): PaneApi {
  const [state, dispatch] = useReducer(reducer, INITIAL);
  // Async operations read the latest values through refs: a closure's `state` may be stale.
  const marksRef = useRef<readonly SavedFill[]>([]);
  const stateRef = useRef(state);
  stateRef.current = state;
  const stringsRef = useRef(strings);
  stringsRef.current = strings;
  const busyRef = useRef(false);

  const setMarks = useCallback((marks: readonly SavedFill[]) => {
    marksRef.current = marks;
    dispatch({ type: "marks", marks });
  }, []);

  const notify = useCallback((intent: Notice["intent"], text: string, detail?: string) => dispatch({ type: "notice", notice: { intent, text, detail } }), []);

  /** Run one operation: spinner on, errors to a MessageBar, spinner off. One at a time. */
  const run = useCallback(
    async (op: Operation, body: () => Promise<void>): Promise<void> => {
      if (busyRef.current) return;
      busyRef.current = true;
      dispatch({ type: "busy", op });
      try {
        await body();
      } catch (err) {
        const text = err instanceof HostOperationError ? err.message : stringsRef.current.t("errorUnexpected", { detail: err instanceof Error ? err.message : String(err) });
        notify("error", text);
      } finally {
        busyRef.current = false;
        dispatch({ type: "busy", op: null });
      }
    },
    [notify],
  );

  const read = useCallback(async (): Promise<WorkbookSnapshot> => unwrap(await host.readWorkbook()), [host]);

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

  const checkNow = useCallback(async () => {
    const snapshot = await read();
    const outcome = services.check(snapshot);
    dispatch({ type: "checked", ...outcome, suggestions: services.suggestNames(outcome.model) });
    // A crashed rule means part of the report went unchecked: say so rather than look all clear.
    for (const r of outcome.report.ruleResults) {
      if (r.status === "crashed") notify("error", stringsRef.current.t("ruleCrashed", { rule: r.ruleId, error: r.error ?? "" }));
    }
    if (marksRef.current.length === 0) marksRef.current = readMarks(snapshot);
    await mark(outcome.report.findings);
  }, [read, services, mark, notify]);

  /** After a write: re-check when a report is on screen, else just refresh the identity. */
  const refresh = useCallback(async () => {
    if (stateRef.current.report) {
      await checkNow();
      return;
    }
    const model = services.map(await read());
    dispatch({ type: "model", model, suggestions: services.suggestNames(model) });
  }, [checkNow, read, services]);

  // First read: identity, mapping, and marks left in the workbook by an earlier session.
  useEffect(() => {
    void run("read", async () => {
      const snapshot = await read();
      const model = services.map(snapshot);
      dispatch({ type: "model", model, suggestions: services.suggestNames(model) });
      const saved = readMarks(snapshot);
      if (saved.length > 0 && marksRef.current.length === 0) setMarks(saved);
    });
  }, [run, read, services, setMarks]);

  const api = useMemo<PaneApi>(() => {
    const t = (...args: Parameters<StringsApi["t"]>) => stringsRef.current.t(...args);
    return {
      state,
      check: () => run("check", checkNow),
      locate: (finding) =>
        run("locate", async () => {
          unwrap(await host.select({ sheet: finding.sheet, address: finding.ref }));
        }),
      fix: (finding) =>
        run("fix", async () => {
          if (!finding.fix) return;
          unwrap(await host.applyWrites(finding.fix.writes));
          await checkNow();
        }),
      ignore: (finding, reason) =>
        run("ignore", async () => {
          // Re-read the sheet so that ignores added elsewhere (another pane, by hand) are kept.
          const existing = readIgnores(await read());
          const entry: Ignore = { ruleId: finding.ruleId, cell: formatRef({ sheet: finding.sheet, address: finding.ref }), reason: reason.trim(), date: today() };
          unwrap(await host.writeSheet(ignoreSheet([...existing, entry])));
          await checkNow();
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
          notify("success", t("marksCleared", { count }));
        }),
      planFill: () =>
        run("fill", async () => {
          const planFills = services.planFills;
          if (!planFills) {
            notify("warning", t("fillUnavailable"));
            return;
          }
          const snapshot = await read();
          const plan = planFills(snapshot, services.map(snapshot));
          if (plan.writes.length === 0 && plan.conflicts.length === 0) {
            dispatch({ type: "plan", plan: undefined });
            notify("info", t("fillNothing"));
          } else dispatch({ type: "plan", plan });
          if (plan.conflicts.length > 0) notify("warning", t("fillConflicts", { count: plan.conflicts.length }));
        }),
      applyFill: () =>
        run("apply", async () => {
          const plan = stateRef.current.plan;
          if (!plan) return;
          const writes = plan.writes.map((w) => w.write);
          // Old values from a fresh read, just before writing: that is what 撤销 must put back.
          const restore = restoreWrites(await read(), writes);
          const count = unwrap(await host.applyWrites(writes));
          dispatch({ type: "undo", writes: restore });
          dispatch({ type: "plan", plan: undefined });
          notify("success", t("fillApplied", { count }));
          await refresh();
        }),
      cancelFill: () => dispatch({ type: "plan", plan: undefined }),
      undoFill: () =>
        run("undo", async () => {
          const restore = stateRef.current.undo;
          if (!restore) {
            notify("info", t("undoUnavailable"));
            return;
          }
          unwrap(await host.applyWrites(restore));
          dispatch({ type: "undo", writes: undefined });
          notify("success", t("fillUndone", { count: restore.length }));
          await refresh();
        }),
      writeNarrative: () =>
        run("narrative", async () => {
          const narrative = services.narrative;
          if (!narrative) {
            notify("warning", t("narrativeUnavailable"));
            return;
          }
          const model = services.map(await read());
          const content = narrative(model, stateRef.current.report);
          unwrap(await host.writeSheet(content));
          notify("success", t("narrativeWritten", { sheet: content.name }));
        }),
      saveNames: (names) =>
        run("names", async () => {
          const count = unwrap(await host.addNames(names.map((n) => ({ name: n.name, ref: n.ref }))));
          notify("success", t("mappingNamesSaved", { count }));
          await refresh();
        }),
      dismiss: (id) => dispatch({ type: "dismiss", id }),
    };
  }, [state, run, checkNow, host, read, refresh, services, setMarks, notify]);

  return api;
}
