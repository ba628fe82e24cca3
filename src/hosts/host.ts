/**
 * The one interface every host adapter implements: Excel (Office.js), WPS (its JS API) and .xlsx files.
 * Adapters return errors as values (HostResult) rather than logging them.
 */
import type { CellRef, WorkbookSnapshot } from "../core/model/snapshot";
import type { CellWrite } from "../core/engine/types";
import type { SheetContent } from "../core/model/sheet-content";

export type { SheetContent };

/** Which host an adapter drives. */
export type HostKind = "excel" | "wps" | "xlsx";

/** What a host can do; the pane hides what it cannot. */
export interface HostCapabilities {
  /** Cell fills can be set and restored. */
  readonly highlight: boolean;
  /** Notes or comments can be attached to cells. */
  readonly comments: boolean;
  /** Cells can be selected (navigated to). */
  readonly select: boolean;
  /** Defined names can be added. */
  readonly addNames: boolean;
  /** Sheets can be added and replaced. */
  readonly addSheets: boolean;
}

/** A failure an adapter reports instead of throwing. */
export interface HostError {
  readonly code: "read-failed" | "write-failed" | "not-found" | "unsupported" | "too-large";
  /** A Chinese sentence for the clerk. */
  readonly message: string;
  readonly detail?: string;
}

/** Either a value or a HostError. */
export type HostResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HostError };

/** A highlight to paint on a cell. */
export interface Highlight {
  readonly at: CellRef;
  /** `#RRGGBB`. */
  readonly color: string;
  /** Optional note text (where comments are supported). */
  readonly note?: string;
}

/** What was under a highlight before, so that it can be restored exactly. */
export interface SavedFill {
  readonly at: CellRef;
  /** `#RRGGBB`, or null for no fill. */
  readonly color: string | null;
}

/** Options of {@link WorkbookHost.readWorkbook}. */
export interface ReadOptions {
  /**
   * Cells about to be written. Each one that is blank but carries its own number format (a template's
   * "0.00%" or "@") is reported too, as `{value: null, numberFormat}`, so that 撤销 can put the format
   * back; non-blank cells are read as always. Read in the same round trips as the rest of the workbook.
   */
  readonly cells?: readonly CellRef[];
}

/** The host interface. */
export interface WorkbookHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** Read everything the engine needs, in a constant number of round trips. */
  readWorkbook(options?: ReadOptions): Promise<HostResult<WorkbookSnapshot>>;
  /** Apply cell writes (fixes, fills) in one batch. */
  applyWrites(writes: readonly CellWrite[]): Promise<HostResult<number>>;
  /** Paint highlights; returns what was there before, for {@link clearHighlights}. */
  highlight(marks: readonly Highlight[]): Promise<HostResult<readonly SavedFill[]>>;
  /** Restore fills saved by {@link highlight}. */
  clearHighlights(saved: readonly SavedFill[]): Promise<HostResult<number>>;
  /**
   * Optional: clearHighlights(previous), highlight(marks) and writeSheet(bookkeeping(saved)) as one
   * batch, for hosts where each call is a round trip (Excel: two syncs instead of six).
   * @returns the fills saved under `marks`
   */
  replaceMarks?(
    previous: readonly SavedFill[],
    marks: readonly Highlight[],
    bookkeeping?: (saved: readonly SavedFill[]) => SheetContent,
  ): Promise<HostResult<readonly SavedFill[]>>;
  /** Select (navigate to) a cell. */
  select(at: CellRef): Promise<HostResult<void>>;
  /** Add or replace a whole sheet (the narrative sheet). */
  writeSheet(content: SheetContent): Promise<HostResult<void>>;
  /** Add workbook-scoped defined names (保存为名称). */
  addNames(names: readonly { readonly name: string; readonly ref: CellRef | string }[]): Promise<HostResult<number>>;
}
