/**
 * The behaviour every WorkbookHost adapter must have, whatever it drives (WPS, Excel, .xlsx): run it from
 * an adapter's test with a factory that seeds the host's world from a snapshot and reads that world back
 * independently of the adapter.
 *
 *   runHostContract("wps (fake ET)", async (snapshot, fills) => {
 *     const app = createFakeEt(snapshot, { fills });
 *     return { host: createWpsHost(app), read: async () => fakeSnapshot(app), readFills: async (refs) => fakeFills(app, refs) };
 *   });
 */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { parseRef } from "../../src/core/model/address";
import type { WorkbookHost } from "../../src/hosts/host";
import type { CellWrite } from "../../src/core/engine/types";
import { restoreWrites } from "../../src/core/fix";
import { buildWorkbook, errorCell, fmt, formula } from "../helpers/workbook-builder";

/** What a factory returns. */
export interface HostUnderTest {
  readonly host: WorkbookHost;
  /** The world's state, read without the adapter. */
  readonly read: () => Promise<WorkbookSnapshot>;
  /** Fills of `Sheet!A1` cells (`#RRGGBB` or null), read without the adapter; omit if the world has none. */
  readonly readFills?: (refs: readonly string[]) => Promise<readonly (string | null)[]>;
}

/** Seeds a host's world from a snapshot plus initial fills (`Sheet!A1` → `#RRGGBB`). */
export type HostFactory = (snapshot: WorkbookSnapshot, fills: Readonly<Record<string, string>>) => Promise<HostUnderTest>;

/** Options: what an adapter legitimately cannot do. */
export interface HostContractOptions {
  /** The world cannot hold error values (e.g. a mock without them). */
  readonly noErrorValues?: boolean;
  /** readWorkbook ignores ReadOptions.cells (the .xlsx host: the CLI writes a new file and has no 撤销). */
  readonly noBlankFormats?: boolean;
}

/** The fixture: a Chinese sheet, a quoted sheet name, data not starting at A1, merges, formats, names of every kind. */
export function contractWorkbook(): WorkbookSnapshot {
  const wb = buildWorkbook(
    {
      收支情况: [
        ["机构名称", "收入合计", "公共财政拨款", "执行率"],
        ["汇总", formula("SUM(B3:B4)", 300), fmt(300, "#,##0.00"), formula("C2/B2", 1)],
        ["局机关", fmt(100.5, "#,##0.00"), 100.5, fmt(0.9971, "0.00%")],
        ["二级机构1", 199.5, "199.5", true],
      ],
      "Sheet 1": [
        [null, "一级指标", "得分"],
        [null, "产出指标", 45],
        [null, null, errorCell("#DIV/0!")],
        [null, null, null],
      ],
    },
    {
      names: { jx_income: "收支情况!$A$1:$D$4", jx_rate: "0.2", jx_total: "'Sheet 1'!$C$4" },
      localNames: [{ name: "jx_local", refersTo: "收支情况!$B$2", scope: "收支情况" }],
      merges: { "Sheet 1": ["B4:B6"] },
      origin: { "Sheet 1": { row: 3, col: 1 } },
    },
  );
  return wb;
}

function sortNames(s: WorkbookSnapshot): WorkbookSnapshot {
  const canon = (r: string): string => {
    const p = parseRef(r);
    return p ? `${p.sheet ?? ""}!${p.area.start.row},${p.area.start.col}:${p.area.end.row},${p.area.end.col}` : r;
  };
  return {
    sheets: s.sheets.map((sh) => ({ ...sh, merges: [...sh.merges].sort() })),
    names: [...s.names].map((n) => ({ ...n, refersTo: canon(n.refersTo) })).sort((a, b) => a.name.localeCompare(b.name) || (a.scope ?? "").localeCompare(b.scope ?? "")),
  };
}

function withoutErrors(s: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...s,
    sheets: s.sheets.map((sh): SheetSnapshot => ({ ...sh, cells: Object.fromEntries(Object.entries(sh.cells).filter(([, c]) => c.error === undefined)) })),
  };
}

function cell(s: WorkbookSnapshot, sheet: string, address: string): CellSnapshot | undefined {
  return s.sheets.find((x) => x.name === sheet)?.cells[address];
}

/**
 * Register the contract tests for one adapter.
 * @param label - shown in the test names
 * @param make - seeds a fresh world per test
 */
export function runHostContract(label: string, make: HostFactory, options: HostContractOptions = {}): void {
  const base = (): WorkbookSnapshot => (options.noErrorValues ? withoutErrors(contractWorkbook()) : contractWorkbook());

  describe(`${label}: WorkbookHost contract`, () => {
    test("readWorkbook returns values, formulas, formats, merges and names with their scope faithfully", async () => {
      const input = base();
      const { host } = await make(input, {});
      const r = await host.readWorkbook();
      if (!r.ok) throw new Error(r.error.message);
      expect(sortNames(r.value)).toEqual(sortNames(input));
    });

    test("readWorkbook reads hidden sheets, rows and columns: the visibility, and runs among the cells", async () => {
      const input = base();
      const hidden: WorkbookSnapshot = {
        ...input,
        sheets: [
          // Row 3 (局机关) and columns C:D hidden, as a clerk hides last year's figures.
          { ...input.sheets[0], hiddenRows: [[3, 3]], hiddenCols: [[3, 4]] },
          { ...input.sheets[1], hiddenRows: [[4, 5]] },
          { name: "2022年自评表", cells: { A1: { value: "2022年度部门整体支出绩效自评表" }, B2: { value: 100 } }, merges: [], visibility: "hidden" },
          { name: "jx_marks", cells: { A1: { value: "单元格" } }, merges: [], visibility: "veryHidden" },
        ],
      };
      const { host } = await make(hidden, {});
      const r = await host.readWorkbook();
      if (!r.ok) throw new Error(r.error.message);
      expect(sortNames(r.value)).toEqual(sortNames(hidden));
    });

    test("applyWrites changes exactly the given cells and reports how many", async () => {
      const input = base();
      const { host, read } = await make(input, {});
      const r = await host.applyWrites([
        { at: { sheet: "收支情况", address: "C4" }, value: 199.5 },
        { at: { sheet: "收支情况", address: "E1" }, value: "备注" },
        { at: { sheet: "收支情况", address: "D3" }, formula: "C3/B3", value: 1, numberFormat: "0.00%" },
        { at: { sheet: "Sheet 1", address: "C4" }, numberFormat: "0.00" },
        { at: { sheet: "收支情况", address: "A4" }, value: null },
      ]);
      expect(r).toEqual({ ok: true, value: 5 });
      const after = await read();
      expect(cell(after, "收支情况", "C4")?.value).toBe(199.5);
      expect(cell(after, "收支情况", "E1")?.value).toBe("备注");
      expect(cell(after, "收支情况", "D3")).toMatchObject({ formula: "C3/B3", numberFormat: "0.00%" });
      expect(cell(after, "Sheet 1", "C4")).toMatchObject({ value: 45, numberFormat: "0.00" });
      expect(cell(after, "收支情况", "A4")).toBeUndefined();
      // Everything else is as it was.
      const touched = new Set(["收支情况!C4", "收支情况!E1", "收支情况!D3", "Sheet 1!C4", "收支情况!A4"]);
      for (const sheet of input.sheets) {
        for (const [address, c] of Object.entries(sheet.cells)) {
          if (touched.has(`${sheet.name}!${address}`)) continue;
          expect({ at: `${sheet.name}!${address}`, cell: cell(after, sheet.name, address) }).toEqual({ at: `${sheet.name}!${address}`, cell: c });
        }
      }
      expect(sortNames(after).names).toEqual(sortNames(input).names);
    });

    (options.noBlankFormats ? test.skip : test)(
      "撤销 of writes into blank cells puts back their own number format (read with the cells about to be written)",
      async () => {
        // A template presets formats on blank input cells: a rate as "0.00%", a code column as text "@".
        const input = base();
        const sheets = input.sheets.map((sh) =>
          sh.name === "收支情况"
            ? { ...sh, cells: { ...sh.cells, E3: { value: null, numberFormat: "0.00%" }, F3: { value: null, numberFormat: "@" } } }
            : sh,
        );
        const { host } = await make({ ...input, sheets }, {});
        const at = (address: string) => ({ sheet: "收支情况", address });
        const writes: CellWrite[] = [
          { at: at("E3"), value: 12.5, numberFormat: "#,##0.00" },
          { at: at("F3"), value: 3, numberFormat: "General" },
          { at: at("B4"), value: 200 },
        ];
        const unwrap = async (p: ReturnType<WorkbookHost["readWorkbook"]>): Promise<WorkbookSnapshot> => {
          const r = await p;
          if (!r.ok) throw new Error(r.error.message);
          return r.value;
        };
        // A plain read lists non-empty cells only; asked for, blank cells come with their format.
        expect(cell(await unwrap(host.readWorkbook()), "收支情况", "E3")).toBeUndefined();
        const asked = { cells: [...writes.map((w) => w.at), { sheet: "不存在", address: "A1" }] };
        const before = await unwrap(host.readWorkbook(asked));
        expect(cell(before, "收支情况", "E3")).toEqual({ value: null, numberFormat: "0.00%" });
        expect(cell(before, "收支情况", "F3")).toEqual({ value: null, numberFormat: "@" });
        expect(cell(before, "收支情况", "B4")).toEqual({ value: 199.5 });
        const restore = restoreWrites(before, writes);
        expect(await host.applyWrites(writes)).toMatchObject({ ok: true });
        const during = await unwrap(host.readWorkbook(asked));
        expect(cell(during, "收支情况", "E3")).toEqual({ value: 12.5, numberFormat: "#,##0.00" });
        expect(await host.applyWrites(restore)).toMatchObject({ ok: true });
        const after = await unwrap(host.readWorkbook(asked));
        expect(cell(after, "收支情况", "E3")).toEqual({ value: null, numberFormat: "0.00%" });
        expect(cell(after, "收支情况", "F3")).toEqual({ value: null, numberFormat: "@" });
        expect(cell(after, "收支情况", "B4")).toEqual({ value: 199.5 });
      },
    );

    test("applyWrites with a missing sheet or a bad address writes nothing and returns an error", async () => {
      const input = base();
      const { host, read } = await make(input, {});
      const r = await host.applyWrites([
        { at: { sheet: "收支情况", address: "B3" }, value: 1 },
        { at: { sheet: "不存在", address: "A1" }, value: 2 },
      ]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("not-found");
      expect(cell(await read(), "收支情况", "B3")).toEqual(cell(input, "收支情况", "B3"));
      const bad = await host.applyWrites([{ at: { sheet: "收支情况", address: "ZZZZ0" }, value: 1 }]);
      expect(bad.ok).toBe(false);
    });

    test("highlight then clearHighlights restores every fill exactly, and leaves values alone", async () => {
      const input = base();
      const fills = { "收支情况!B3": "#FFF2CC", "收支情况!C3": "#E7E6E6" };
      const { host, read, readFills } = await make(input, fills);
      const refs = ["收支情况!B3", "收支情况!C3", "收支情况!B4", "Sheet 1!C4"];
      const at = refs.map((r) => ({ sheet: r.split("!")[0], address: r.split("!")[1] }));
      const saved = await host.highlight(at.map((a, i) => ({ at: a, color: i % 2 ? "#FFC7CE" : "#FF0000", note: "合计不等于各项之和" })));
      if (!saved.ok) throw new Error(saved.error.message);
      expect(saved.value.map((s) => s.color)).toEqual(["#FFF2CC", "#E7E6E6", null, null]);
      if (readFills) expect(await readFills(refs)).toEqual(["#FF0000", "#FFC7CE", "#FF0000", "#FFC7CE"]);
      // Highlighting again (a re-check) must not make the highlight colour the one to restore.
      const again = await host.highlight([{ at: at[0], color: "#00FF00" }]);
      expect(again.ok).toBe(true);
      const cleared = await host.clearHighlights(saved.value);
      expect(cleared).toEqual({ ok: true, value: 4 });
      if (readFills) expect(await readFills(refs)).toEqual(["#FFF2CC", "#E7E6E6", null, null]);
      expect(sortNames(await read())).toEqual(sortNames(input));
    });

    test("writeSheet replaces a sheet in place and keeps nothing stale; a new name adds a sheet", async () => {
      const input = base();
      const { host, read } = await make(input, {});
      const r = await host.writeSheet({ name: "Sheet 1", rows: [["自评报告"], ["一、基本情况", null, 3]], headingRows: [0], columnWidths: [40] });
      expect(r).toEqual({ ok: true, value: undefined });
      const after = await read();
      expect(after.sheets.map((s) => s.name)).toEqual(["收支情况", "Sheet 1"]);
      const sheet = after.sheets[1];
      expect(sheet.cells).toEqual({ A1: { value: "自评报告" }, A2: { value: "一、基本情况" }, C2: { value: 3 } });
      expect(sheet.merges).toEqual([]);
      expect(after.sheets[0]).toEqual(input.sheets[0]);
      const added = await host.writeSheet({ name: "自评报告", rows: [["正文"]] });
      expect(added.ok).toBe(true);
      const last = await read();
      expect(last.sheets.map((s) => s.name)).toEqual(["收支情况", "Sheet 1", "自评报告"]);
      expect(last.sheets[2].cells).toEqual({ A1: { value: "正文" } });
    });

    test("addNames adds workbook-scoped names that read back through readWorkbook", async () => {
      const input = base();
      const { host, read } = await make(input, {});
      const r = await host.addNames([
        { name: "jx_unit_name", ref: { sheet: "Sheet 1", address: "B3" } },
        { name: "jx_expense", ref: "收支情况!$A$1:$D$4" },
      ]);
      expect(r).toEqual({ ok: true, value: 2 });
      for (const snap of [await read(), await host.readWorkbook().then((x) => (x.ok ? x.value : { sheets: [], names: [] }))]) {
        const unit = snap.names.find((n) => n.name === "jx_unit_name");
        expect(unit?.scope).toBeUndefined();
        expect(parseRef(unit?.refersTo ?? "")).toMatchObject({ sheet: "Sheet 1", area: { start: { row: 3, col: 2 }, end: { row: 3, col: 2 } } });
        const expense = snap.names.find((n) => n.name === "jx_expense");
        expect(parseRef(expense?.refersTo ?? "")).toMatchObject({ sheet: "收支情况", area: { start: { row: 1, col: 1 }, end: { row: 4, col: 4 } } });
      }
      const missing = await host.addNames([{ name: "jx_x", ref: { sheet: "不存在", address: "A1" } }]);
      expect(missing.ok).toBe(false);
    });

    test("select navigates to a cell on another sheet; a missing sheet is an error value", async () => {
      const { host } = await make(base(), {});
      expect(await host.select({ sheet: "Sheet 1", address: "C4" })).toEqual({ ok: true, value: undefined });
      const r = await host.select({ sheet: "不存在", address: "A1" });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("not-found");
    });

    test("errors are returned, never thrown", async () => {
      const { host } = await make(base(), {});
      await expect(host.select({ sheet: "收支情况", address: "not an address" })).resolves.toMatchObject({ ok: false });
      await expect(host.highlight([{ at: { sheet: "不存在", address: "A1" }, color: "#FF0000" }])).resolves.toMatchObject({ ok: false });
      await expect(host.clearHighlights([{ at: { sheet: "不存在", address: "A1" }, color: null }])).resolves.toMatchObject({ ok: true });
      await expect(host.addNames([{ name: "jx_bad", ref: { sheet: "收支情况", address: "??" } }])).resolves.toMatchObject({ ok: false });
    });
  });
}
