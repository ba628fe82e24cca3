/**
 * Before export in WPS: when the clerk saves a self-evaluation workbook that still has errors, say so.
 *
 * WPS raises `WorkbookBeforeSave` through `Application.ApiEvent` (et-jsapi-declare: EtApiEvent) and lets the
 * listener answer by setting `ApiEvent.Cancel` before it returns, so the check runs synchronously here
 * (the WPS API is synchronous anyway). The save is never blocked silently: either the clerk is told and the
 * save goes on, or (with `ask`) the clerk chooses between saving anyway and going back to fix.
 *
 * The workbook checked is the one the event passes, not `ActiveWorkbook`: 全部保存 (Save All) raises the event
 * once per open workbook while the active one stays the same. The entry page installs the listener
 * (before-save-entry.ts); the host adapter (wps-host.ts) only lends its synchronous reader.
 */
import { checkModel } from "../../core/engine/run-rules";
import type { Finding, Report } from "../../core/engine/types";
import { formatRef } from "../../core/model/address";
import { hasContractNames, mapWorkbook } from "../../core/mapping";
import type { WorkbookSnapshot } from "../../core/model/snapshot";
import type { EtWorkbook, WpsApiEvent, WpsApplication } from "./et-types";
import { readWorkbookSync } from "./wps-host";

/** How many errors the message lists before "…等 N 处". */
const LISTED = 5;

/** Options of {@link installBeforeSaveCheck}. */
export interface BeforeSaveOptions {
  /** Tell the clerk (WPS: `alert`). Always called when there are errors, unless `ask` is given. */
  readonly notify: (message: string) => void;
  /**
   * Ask the clerk whether to save anyway (WPS: `confirm`); false cancels this save. Used when the clerk
   * saves a copy (另存为, `SaveAsUi`), i.e. exports a file to hand in; a plain save only notifies. When
   * absent, every save goes on after {@link notify}.
   */
  readonly ask?: (message: string) => boolean;
  /** Runs the check; default: map then check with the recommended preset. */
  readonly check?: (snapshot: WorkbookSnapshot) => Report | undefined;
  /** Told about every report, e.g. so that an open pane can show the same findings. */
  readonly onReport?: (report: Report) => void;
}

/** What the listener decided, for tests and logs. */
export type BeforeSaveOutcome = "not-a-report" | "clean" | "warned" | "cancelled-by-clerk" | "check-failed";

/** The application as the reader sees it, with the workbook being saved as its active workbook. */
function savingView(app: WpsApplication, book: EtWorkbook): WpsApplication {
  return {
    get ActiveWorkbook() {
      return book;
    },
    get DisplayAlerts() {
      return app.DisplayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      app.DisplayAlerts = v;
    },
  };
}

/** A key per open workbook (its full path; the name for a workbook never saved). */
function workbookKey(book: EtWorkbook | null | undefined): string {
  if (!book) return "";
  return String(book.FullName || book.Name || "");
}

/** The message, saying which workbook it is about (全部保存 can tell about several). */
function named(book: EtWorkbook | null | undefined, message: string): string {
  const name = book?.Name;
  return typeof name === "string" && name ? `“${name}”${message}` : message;
}

/** Map and check, or undefined for a workbook that is not a self-evaluation (no jx_ names, nothing mapped). */
function defaultCheck(snapshot: WorkbookSnapshot): Report | undefined {
  const model = mapWorkbook(snapshot);
  // Saving an unrelated workbook in WPS must not raise self-evaluation errors.
  if (!hasContractNames(snapshot) && model.mapping.found < 3) return undefined;
  return checkModel(model, { host: "wps" });
}

/**
 * The Chinese message for a report's errors.
 * @returns undefined when the report has no error
 * @example
 *   errorMessage(report); // "本表还有 2 处错误：\n1. 收支情况!B5：…"
 */
export function errorMessage(report: Report): string | undefined {
  const errors: Finding[] = report.findings.filter((f) => f.severity === "error");
  if (!errors.length) return undefined;
  const lines = errors.slice(0, LISTED).map((f, i) => `${i + 1}. ${formatRef({ sheet: f.sheet, address: f.ref })}：${f.message}`);
  if (errors.length > LISTED) lines.push(`……等共 ${errors.length} 处，请在“绩效自评”任务窗格中查看全部。`);
  return `本表还有 ${errors.length} 处错误：\n${lines.join("\n")}`;
}

/**
 * Listen for WPS's before-save event and tell the clerk about errors.
 * @param events - `Application.ApiEvent`
 * @param app - `Application` (to read the workbook)
 * @returns a function that removes the listener, and the outcome of the last save for diagnostics
 */
export function installBeforeSaveCheck(
  events: WpsApiEvent,
  app: WpsApplication,
  options: BeforeSaveOptions,
): { readonly remove: () => void; readonly last: () => BeforeSaveOutcome | undefined } {
  const check = options.check ?? defaultCheck;
  let last: BeforeSaveOutcome | undefined;
  /** Per workbook, the errors last told about on a plain save: the same list is not repeated at every Ctrl+S. */
  const toldAbout = new Map<string, string>();

  const listener = (workbook: EtWorkbook, saveAsUi: boolean): void => {
    // The workbook being saved; only a WPS that passes none falls back to the active one.
    const book = workbook ?? app.ActiveWorkbook;
    const key = workbookKey(book);
    let report: Report | undefined;
    try {
      report = check(readWorkbookSync(savingView(app, book)));
    } catch (err) {
      // A failed check must never stop a save; say that nothing was checked.
      last = "check-failed";
      options.notify(`保存前未能检查本表（${err instanceof Error ? err.message : String(err)}），已照常保存。`);
      return;
    }
    if (!report) {
      last = "not-a-report";
      return;
    }
    options.onReport?.(report);
    const message = errorMessage(report);
    if (!message) {
      last = "clean";
      toldAbout.delete(key);
      return;
    }
    const signature = report.findings
      .filter((f) => f.severity === "error")
      .map((f) => `${f.ruleId}@${f.sheet}!${f.ref}`)
      .join("|");
    if (saveAsUi && options.ask) {
      const saveAnyway = options.ask(`${named(book, message)}\n\n仍要保存吗？选“确定”照常保存，选“取消”返回修改。`);
      if (!saveAnyway) {
        events.Cancel = true;
        last = "cancelled-by-clerk";
        return;
      }
      last = "warned";
      return;
    }
    if (!saveAsUi && signature === toldAbout.get(key)) {
      last = "warned";
      return;
    }
    toldAbout.set(key, signature);
    options.notify(`${named(book, message)}\n\n文件已照常保存；报送前请先改正。`);
    last = "warned";
  };

  events.AddApiEventListener("WorkbookBeforeSave", listener);
  return {
    remove: () => events.RemoveApiEventListener("WorkbookBeforeSave", listener),
    last: () => last,
  };
}
