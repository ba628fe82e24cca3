/**
 * An in-memory WorkbookHost over a WorkbookSnapshot, for tests of anything that drives a host (the task
 * pane, fix application, the narrative writer). It applies writes, highlights, sheets and names to its
 * own copy, records every call, and can be told to fail any operation.
 *
 *   const host = createFakeHost(buildWorkbook({...}), { fills: { "收支情况!C11": "#00FF00" } });
 *   await host.applyWrites([{ at: { sheet: "收支情况", address: "C11" }, value: 1 }]);
 *   host.cell("收支情况!C11")?.value // 1
 */
import type { CellSnapshot, CellRef, DefinedName, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import type { CellWrite } from "../../src/core/engine/types";
import type { SheetContent } from "../../src/core/model/sheet-content";
import { formatRef, parseCellRef, parseRef, toA1 } from "../../src/core/model/address";
import type { Highlight, HostCapabilities, HostError, HostResult, ReadOptions, SavedFill, WorkbookHost } from "../../src/hosts/host";

/** The operations a fake host can be told to fail. */
export type FakeOperation = "readWorkbook" | "applyWrites" | "highlight" | "clearHighlights" | "select" | "writeSheet" | "addNames";

/** Options of {@link createFakeHost}. */
export interface FakeHostOptions {
  /** The cells' own fills before anything is painted: `Sheet!A1` → `#RRGGBB`. */
  readonly fills?: Readonly<Record<string, string>>;
  readonly capabilities?: Partial<HostCapabilities>;
  /** Make an operation return this error (until {@link FakeHost.failNext} is changed). */
  readonly fail?: Partial<Record<FakeOperation, HostError>>;
  /** Make an operation throw instead (an adapter bug). */
  readonly throwOn?: Partial<Record<FakeOperation, Error>>;
  /** Delay each call (ms) so progress states can be observed. */
  readonly delayMs?: number;
}

/** One recorded call. */
export interface FakeCall {
  readonly op: FakeOperation;
  readonly arg?: unknown;
}

/** The fake host, plus what tests inspect. */
export interface FakeHost extends WorkbookHost {
  /** The current workbook (the host's own copy). */
  snapshot(): WorkbookSnapshot;
  /** A cell of the current workbook, `Sheet!A1`. */
  cell(ref: string): CellSnapshot | undefined;
  /** A cell's current fill, `Sheet!A1` → `#RRGGBB` or null. */
  fill(ref: string): string | null;
  /** Every fill currently set (cells with no fill are absent). */
  fills(): Record<string, string>;
  /** The cells selected, in order, as `Sheet!A1`. */
  readonly selected: string[];
  /** Every call, in order. */
  readonly calls: FakeCall[];
  /** Sheet names as written by writeSheet, in order. */
  readonly sheetsWritten: string[];
  /** Set or clear a failure for an operation. */
  failNext(op: FakeOperation, error: HostError | undefined): void;
}

type MutableSheet = { name: string; cells: Record<string, CellSnapshot>; merges: string[] } & Pick<SheetSnapshot, "visibility" | "hiddenRows" | "hiddenCols">;

function clone(wb: WorkbookSnapshot): { sheets: MutableSheet[]; names: DefinedName[] } {
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      merges: [...s.merges],
      cells: Object.fromEntries(Object.entries(s.cells).map(([a, c]) => [a, { ...c }])),
      // A hidden tab, hidden rows and columns stay as they are: the fake host never changes them.
      ...(s.visibility ? { visibility: s.visibility } : {}),
      ...(s.hiddenRows ? { hiddenRows: s.hiddenRows } : {}),
      ...(s.hiddenCols ? { hiddenCols: s.hiddenCols } : {}),
    })),
    names: wb.names.map((n) => ({ ...n })),
  };
}

function freeze(wb: { sheets: MutableSheet[]; names: DefinedName[] }): WorkbookSnapshot {
  const copy = clone(wb);
  return { sheets: copy.sheets as SheetSnapshot[], names: copy.names };
}

/** Create a fake host over a copy of `initial`. */
export function createFakeHost(initial: WorkbookSnapshot, options: FakeHostOptions = {}): FakeHost {
  const wb = clone(initial);
  const fillMap = new Map<string, string>(Object.entries(options.fills ?? {}).map(([r, c]) => [formatRef(parseCellRef(r)), c]));
  const failures = new Map<FakeOperation, HostError>(Object.entries(options.fail ?? {}) as [FakeOperation, HostError][]);
  const selected: string[] = [];
  const calls: FakeCall[] = [];
  const sheetsWritten: string[] = [];

  const key = (at: CellRef): string => formatRef(at);
  const sheetOf = (name: string): MutableSheet | undefined => wb.sheets.find((s) => s.name === name);

  async function run<T>(op: FakeOperation, arg: unknown, body: () => HostResult<T>): Promise<HostResult<T>> {
    calls.push({ op, arg });
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const thrown = options.throwOn?.[op];
    if (thrown) throw thrown;
    const error = failures.get(op);
    if (error) return { ok: false, error };
    return body();
  }
  const badAddress = (address: string): boolean => !/^[A-Z]{1,3}[1-9]\d*$/.test(address);
  const badRef = (at: CellRef): { readonly ok: false; readonly error: HostError } | undefined =>
    !sheetOf(at.sheet) ? notFound(at.sheet) : badAddress(at.address) ? { ok: false, error: { code: "not-found", message: `单元格地址无效：${at.address}` } } : undefined;
  const notFound = (what: string): { readonly ok: false; readonly error: HostError } => ({ ok: false, error: { code: "not-found", message: `找不到工作表“${what}”` } });

  const host: FakeHost = {
    kind: "xlsx",
    capabilities: { highlight: true, comments: false, select: true, addNames: true, addSheets: true, ...options.capabilities },
    selected,
    calls,
    sheetsWritten,
    snapshot: () => freeze(wb),
    cell: (ref) => {
      const at = parseCellRef(ref);
      const c = sheetOf(at.sheet)?.cells[at.address];
      return c ? { ...c } : undefined;
    },
    fill: (ref) => fillMap.get(formatRef(parseCellRef(ref))) ?? null,
    fills: () => Object.fromEntries(fillMap),
    failNext: (op, error) => {
      if (error) failures.set(op, error);
      else failures.delete(op);
    },

    // Like the real adapters: a blank cell that only carries a number format is read only when asked for.
    readWorkbook: (options?: ReadOptions) =>
      run<WorkbookSnapshot>("readWorkbook", options, () => {
        const asked = new Set((options?.cells ?? []).map((at) => key(at)));
        const snap = freeze(wb);
        const blank = (c: CellSnapshot): boolean => (c.value === null || c.value === "") && c.formula === undefined && c.error === undefined;
        const sheets = snap.sheets.map((s) => ({
          ...s,
          cells: Object.fromEntries(Object.entries(s.cells).filter(([a, c]) => !blank(c) || asked.has(key({ sheet: s.name, address: a })))),
        }));
        return { ok: true, value: { ...snap, sheets } };
      }),

    applyWrites: (writes: readonly CellWrite[]) =>
      run<number>("applyWrites", writes, () => {
        for (const w of writes) {
          const bad = badRef(w.at);
          if (bad) return bad;
        }
        for (const w of writes) {
          const sheet = sheetOf(w.at.sheet) as MutableSheet;
          const old: CellSnapshot = sheet.cells[w.at.address] ?? { value: null };
          let next: CellSnapshot = { ...old };
          if (w.formula !== undefined) next = { ...next, formula: w.formula, value: w.value ?? null };
          else if (w.value !== undefined) {
            // Writing a value replaces a formula, as typing into a cell does.
            const { formula: _formula, error: _error, ...rest } = next;
            next = { ...rest, value: w.value };
          }
          if (w.numberFormat !== undefined) {
            const { numberFormat: _nf, ...rest } = next;
            next = w.numberFormat === "General" ? rest : { ...rest, numberFormat: w.numberFormat };
          }
          if (next.value === null && next.formula === undefined && next.numberFormat === undefined && next.error === undefined) delete sheet.cells[w.at.address];
          else sheet.cells[w.at.address] = next;
        }
        return { ok: true, value: writes.length };
      }),

    highlight: (marks: readonly Highlight[]) =>
      run<readonly SavedFill[]>("highlight", marks, () => {
        const saved: SavedFill[] = [];
        for (const m of marks) {
          const bad = badRef(m.at);
          if (bad) return bad;
        }
        for (const m of marks) {
          saved.push({ at: m.at, color: fillMap.get(key(m.at)) ?? null });
          fillMap.set(key(m.at), m.color);
        }
        return { ok: true, value: saved };
      }),

    clearHighlights: (saved: readonly SavedFill[]) =>
      run<number>("clearHighlights", saved, () => {
        // Restore in reverse so that a cell painted twice ends with its first saved fill.
        for (const s of [...saved].reverse()) {
          if (s.color === null) fillMap.delete(key(s.at));
          else fillMap.set(key(s.at), s.color);
        }
        return { ok: true, value: saved.length };
      }),

    select: (at: CellRef) =>
      run<void>("select", at, () => {
        const bad = badRef(at);
        if (bad) return bad;
        selected.push(key(at));
        return { ok: true, value: undefined };
      }),

    writeSheet: (content: SheetContent) =>
      run<void>("writeSheet", content, () => {
        const cells: Record<string, CellSnapshot> = {};
        content.rows.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v !== null && v !== "") cells[toA1({ row: i + 1, col: j + 1 })] = { value: v };
          }),
        );
        const existing = sheetOf(content.name);
        if (existing) {
          existing.cells = cells;
          existing.merges = [];
        }
        else wb.sheets.push({ name: content.name, cells, merges: [] });
        sheetsWritten.push(content.name);
        return { ok: true, value: undefined };
      }),

    addNames: (names) =>
      run<number>("addNames", names, () => {
        for (const n of names) {
          if (typeof n.ref === "string") {
            const parsed = parseRef(n.ref);
            if (!parsed?.sheet || !sheetOf(parsed.sheet)) return notFound(parsed?.sheet ?? n.ref);
          } else {
            const bad = badRef(n.ref);
            if (bad) return bad;
          }
        }
        for (const n of names) {
          const refersTo = typeof n.ref === "string" ? n.ref : formatRef(n.ref);
          wb.names = wb.names.filter((x) => !(x.name === n.name && x.scope === undefined));
          wb.names.push({ name: n.name, refersTo });
        }
        return { ok: true, value: names.length };
      }),
  };
  return host;
}
