/**
 * The cell index a reader primes (SheetCellsBuilder, src/core/model/cell-index.ts) is exactly the index
 * the engine would build by enumerating the sheet's record (buildIndex): same keys in the same order,
 * same cells, rows, columns, canonical flags, text list and blank flags. Checked for every workbook the
 * tests know, read by both readers (the light one of `jixiao check` and the xlsx-populate one), and for
 * the orders a host may add cells in (out of order, twice). A snapshot that lost its priming (JSON-cloned,
 * as a worker or the pane's message passing would hand it over) is indexed from its record and checked
 * with the same findings.
 */
import { spawnSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import type {
  CellSnapshot,
  SheetSnapshot,
  WorkbookSnapshot,
} from "../../../src/core/model/snapshot";
import {
  buildIndex,
  cellIndex,
  hasCellIndex,
  SheetCellsBuilder,
} from "../../../src/core/model/cell-index";
import { checkWorkbook } from "../../../src/core/engine/run-rules";
import { limitsFromEnv, readXlsxFile } from "../../../src/hosts/xlsx";
import { lightSnapshot } from "../../../src/hosts/xlsx/light";
import {
  ExcelHost,
  type ExcelRun,
  type RequirementCheck,
} from "../../../src/hosts/excel/excel-host";
import { createWpsHost } from "../../../src/hosts/wps/wps-host";
import { createFakeEt } from "../../hosts/fakes/et-fake";
import { readerAcceptanceSpecs, writeSpec } from "../../acceptance/clerk-workbook";
import { writeBook } from "../../forms-corpus/book";
import { buildCorpus } from "../../forms-corpus/corpus";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeWorkbook } = require("../../../scripts/lib/bench-workbook.js") as {
  makeWorkbook(
    file: string,
    o: {
      institutions: number;
      projects: number;
      indicators: number;
      seed: number;
    },
  ): Promise<void>;
};

const ROOT = path.join(__dirname, "..", "..", "..");
jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-cell-index-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every sheet of a freshly read snapshot arrives primed, and its primed index is buildIndex's. */
function expectPrimedExact(label: string, snapshot: WorkbookSnapshot): void {
  for (const sheet of snapshot.sheets) {
    expect({ label, sheet: sheet.name, primed: hasCellIndex(sheet) }).toEqual({
      label,
      sheet: sheet.name,
      primed: true,
    });
    const primed = cellIndex(sheet);
    expect(primed).toStrictEqual(buildIndex(sheet));
    // Same cell objects, not copies: rules compare bound cells by identity.
    primed.addresses.forEach((a, i) => {
      if (primed.cells[i] !== sheet.cells[a])
        throw new Error(`${label} ${sheet.name}!${a}: not the record's cell`);
    });
  }
}

/** Both readers of `file` prime every sheet exactly. */
async function expectFile(file: string): Promise<WorkbookSnapshot> {
  const light = lightSnapshot(readFileSync(file), limitsFromEnv());
  if (!("snapshot" in light))
    throw new Error(`${file}: the light reader fell back (${light.fallback})`);
  expectPrimedExact(`light ${path.basename(file)}`, light.snapshot);
  expectPrimedExact(`full ${path.basename(file)}`, await readXlsxFile(file));
  return light.snapshot;
}

/** A JSON clone carries no priming; its index is built from the record and checks the same. */
function expectCloneChecksTheSame(snapshot: WorkbookSnapshot): void {
  const clone = JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot;
  for (const [i, sheet] of clone.sheets.entries()) {
    expect(hasCellIndex(sheet)).toBe(false);
    expect(cellIndex(sheet)).toStrictEqual(cellIndex(snapshot.sheets[i]));
  }
  const fresh = JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot;
  const findings = (s: WorkbookSnapshot): unknown =>
    checkWorkbook(s, { host: "test" }).findings;
  expect(findings(fresh)).toEqual(findings(snapshot));
}

describe("a reader's primed index is the index of its record", () => {
  test("every example workbook and the rich fixture; a JSON clone of each checks with the same findings", async () => {
    const examples = (await fs.readdir(path.join(ROOT, "examples")))
      .filter((f) => f.endsWith(".xlsx"))
      .sort();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const f of examples)
      expectCloneChecksTheSame(
        await expectFile(path.join(ROOT, "examples", f)),
      );
    await expectFile(path.join(ROOT, "test", "fixtures", "xlsx", "rich.xlsx"));
  });

  test("the acceptance workbooks, consistent and with planted mistakes", async () => {
    const specs = readerAcceptanceSpecs();
    expect(specs.filter((s) => s.planted).length).toBeGreaterThanOrEqual(5);
    for (const [i, { spec, planted }] of specs.entries()) {
      const file = path.join(dir, `acceptance-${i}.xlsx`);
      await writeSpec(spec, file);
      const snapshot = await expectFile(file);
      if (planted) expectCloneChecksTheSame(snapshot);
    }
  });

  test("the forms corpus, every form consistent and with its first planted mistake", async () => {
    const corpus = buildCorpus();
    expect(corpus.length).toBeGreaterThan(5);
    for (const c of corpus) {
      const file = path.join(dir, `${c.file}.xlsx`);
      await writeBook(c.book, file);
      await expectFile(file);
      const variant = c.variants[0];
      if (variant) {
        const planted = structuredClone(c.book);
        variant.plant(planted);
        const pfile = path.join(dir, `${c.file}-planted.xlsx`);
        await writeBook(planted, pfile);
        expectCloneChecksTheSame(await expectFile(pfile));
      }
    }
  });

  test("bench workbooks at 10 and 400 institutions", async () => {
    for (const institutions of [10, 400]) {
      const file = path.join(dir, `bench-${institutions}.xlsx`);
      await makeWorkbook(file, {
        institutions,
        projects: 30,
        indicators: 40,
        seed: 7,
      });
      const snapshot = await expectFile(file);
      if (institutions === 10) expectCloneChecksTheSame(snapshot);
    }
  });

  const python = ["python3", "/usr/bin/python3"].find(
    (py) =>
      spawnSync(py, ["-c", "import openpyxl"], { stdio: "ignore" }).status ===
      0,
  );
  (python ? test : test.skip)("the red-team workbooks (openpyxl)", async () => {
    const out = path.join(dir, "red-team");
    await fs.mkdir(out);
    const made = spawnSync(
      python!,
      [path.join(ROOT, "test", "red-team", "make.py"), out],
      { encoding: "utf8" },
    );
    expect(made.stderr).toBe("");
    const files = (await fs.readdir(out))
      .filter((f) => f.endsWith(".xlsx"))
      .sort();
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) await expectFile(path.join(out, f));
  });
});

interface FakeWindow {
  __JIXIAO_SEED__: WorkbookSnapshot;
  __JIXIAO_FILLS__: Readonly<Record<string, string>>;
  Excel: { run: ExcelRun };
  Office: { context: { requirements: { isSetSupported: RequirementCheck } } };
  __jixiao: { model: { syncs: number } };
}

/** The e2e's stand-in for office.js (as test/hosts/excel-host-contract.test.ts loads it), seeded with a snapshot. */
function fakeExcel(snapshot: WorkbookSnapshot): FakeWindow {
  const stub = readFileSync(
    path.join(ROOT, "test", "e2e", "office-stub.js"),
    "utf8",
  );
  const win = {
    __JIXIAO_SEED__: JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot,
    __JIXIAO_FILLS__: {},
  } as FakeWindow;
  new Function("window", stub)(win);
  return win;
}

describe("the Office adapters prime the index of what they read", () => {
  /** A workbook with the cells a host is asked to add: formatted blanks, one above the last filled row. */
  async function seed(): Promise<{
    snapshot: WorkbookSnapshot;
    asked: { sheet: string; address: string }[];
  }> {
    const light = lightSnapshot(
      readFileSync(path.join(ROOT, "examples", "linxiang-2021.xlsx")),
      limitsFromEnv(),
    );
    if (!("snapshot" in light)) throw new Error(light.fallback);
    const snapshot = JSON.parse(
      JSON.stringify(light.snapshot),
    ) as WorkbookSnapshot;
    const first = snapshot.sheets[0];
    (first.cells as Record<string, CellSnapshot>).A1 ??= {
      value: null,
      numberFormat: "0.00%",
    };
    (first.cells as Record<string, CellSnapshot>).Z2 = {
      value: null,
      numberFormat: "@",
    };
    (first.cells as Record<string, CellSnapshot>).Z900 = {
      value: null,
      numberFormat: "#,##0.00",
    };
    const asked = ["A1", "Z2", "Z900", "Y3"].map((address) => ({
      sheet: first.name,
      address,
    }));
    return { snapshot, asked };
  }

  test("Excel: a whole read and a read in row blocks, with formatted blank cells asked for", async () => {
    const { snapshot, asked } = await seed();
    for (const maxResponseBytes of [undefined, 2000]) {
      const win = fakeExcel(snapshot);
      const host = new ExcelHost(win.Excel.run, {
        isSetSupported: win.Office.context.requirements.isSetSupported,
        ...(maxResponseBytes ? { maxResponseBytes } : {}),
      });
      // A read above the budget teaches the adapter to read in blocks the next time.
      for (const round of [0, 1]) {
        win.__jixiao.model.syncs = 0;
        const read = await host.readWorkbook({ cells: asked });
        if (maxResponseBytes !== undefined && round === 1)
          expect(win.__jixiao.model.syncs).toBeGreaterThan(2);
        if (!read.ok) throw new Error(read.error.message);
        // Z2 comes after the used range's cells, out of row order: a new key at the end of the record.
        expect(read.value.sheets[0].cells.Z2).toEqual({
          value: null,
          numberFormat: "@",
        });
        expect(read.value.sheets[0].cells.Z900).toEqual({
          value: null,
          numberFormat: "#,##0.00",
        });
        expectPrimedExact(
          `excel ${maxResponseBytes ?? "whole"} ${round}`,
          read.value,
        );
      }
    }
  });

  test("WPS: the sheets it reads, number formats included", async () => {
    const { snapshot, asked } = await seed();
    const host = createWpsHost(createFakeEt(snapshot));
    const read = await host.readWorkbook();
    if (!read.ok) throw new Error(read.error.message);
    expect(
      read.value.sheets.some((sh) =>
        Object.values(sh.cells).some((c) => c.numberFormat !== undefined),
      ),
    ).toBe(true);
    expectPrimedExact("wps", read.value);
    // Asking for formatted blanks copies the sheets (left unprimed): still indexed exactly, from the record.
    const withAsked = await host.readWorkbook({ cells: asked });
    if (!withAsked.ok) throw new Error(withAsked.error.message);
    for (const sheet of withAsked.value.sheets)
      expect(cellIndex(sheet)).toStrictEqual(buildIndex(sheet));
  });
});

/** The record the readers wrote before the builder: plain assignment, in the same order. */
function assigned(
  adds: readonly [number, number, CellSnapshot][],
  toKey: (row: number, col: number) => string,
): Record<string, CellSnapshot> {
  const cells: Record<string, CellSnapshot> = {};
  for (const [row, col, cell] of adds) cells[toKey(row, col)] = cell;
  return cells;
}

const LETTERS = ["", "A", "B", "C", "D"];
const key = (row: number, col: number): string =>
  `${LETTERS[col] ?? "?"}${row}`;

function built(adds: readonly [number, number, CellSnapshot][], capacity?: number): SheetSnapshot {
  const b = new SheetCellsBuilder(capacity);
  for (const [row, col, cell] of adds) b.add(row, col, cell);
  return b.sheet("表", ["A1:B1"]);
}

describe("SheetCellsBuilder", () => {
  const text = (value: string): CellSnapshot => ({ value });
  const num = (value: number): CellSnapshot => ({
    value,
    numberFormat: "0.00",
  });

  test("row by row: the record of plain assignment, primed with buildIndex's index (texts, blanks, formulas without value)", () => {
    const adds: [number, number, CellSnapshot][] = [
      [1, 1, text("项目名称")],
      [1, 3, text("  ")],
      [2, 2, num(12.5)],
      [2, 4, { value: null, formula: "SUM(B2:C2)" }],
      [10, 1, { value: null, error: "#REF!" }],
    ];
    const sheet = built(adds);
    expect(sheet).toEqual({
      name: "表",
      cells: assigned(adds, key),
      merges: ["A1:B1"],
    });
    expect(Object.keys(sheet.cells)).toEqual(["A1", "C1", "B2", "D2", "A10"]);
    expect(hasCellIndex(sheet)).toBe(true);
    const ix = cellIndex(sheet);
    expect(ix).toStrictEqual(buildIndex(sheet));
    expect(Array.from(ix.blank)).toEqual([0, 1, 0, 1, 0]);
    expect(ix.texts).toEqual([0, 1]);
  });

  test("a late cell out of order (a host adding a formatted blank) is a new key at the end: still primed, still exact", () => {
    const adds: [number, number, CellSnapshot][] = [
      [2, 1, text("收入")],
      [3, 2, num(1)],
      [1, 4, { value: null, numberFormat: "0.00%" }],
      [2, 3, { value: null, numberFormat: "0.00" }],
      [4, 1, text("合计")],
    ];
    // Sized for all of them, for fewer (its lists grow), and for more (they are cut to size).
    for (const capacity of [5, 1, 64]) {
      const sheet = built(adds, capacity);
      expect(Object.keys(sheet.cells)).toEqual(["A2", "B3", "D1", "C2", "A4"]);
      expect(hasCellIndex(sheet)).toBe(true);
      expect(cellIndex(sheet)).toStrictEqual(buildIndex(sheet));
    }
  });

  test("a key added twice keeps its first place with its last value: the same record, left unprimed, indexed from the record", () => {
    const adds: [number, number, CellSnapshot][] = [
      [1, 1, text("旧")],
      [1, 2, num(2)],
      [1, 1, text("新")],
      [2, 1, num(3)],
    ];
    const sheet = built(adds);
    expect(sheet.cells).toEqual(assigned(adds, key));
    expect(Object.keys(sheet.cells)).toEqual(["A1", "B1", "A2"]);
    expect(hasCellIndex(sheet)).toBe(false);
    const ix = cellIndex(sheet);
    expect(ix.cells[0]).toEqual(text("新"));
    expect(ix).toStrictEqual(buildIndex(sheet));
  });

  test("a position outside a worksheet builds the readers' key (`A0`) and leaves the sheet unprimed", () => {
    const adds: [number, number, CellSnapshot][] = [
      [1, 1, text("a")],
      [0, 1, text("b")],
    ];
    const sheet = built(adds);
    expect(Object.keys(sheet.cells)).toEqual(["A1", "A0"]);
    expect(hasCellIndex(sheet)).toBe(false);
    expect(cellIndex(sheet).rows[1]).toBe(0);
  });
});
