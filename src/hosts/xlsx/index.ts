/**
 * The .xlsx file host: reads a workbook into a WorkbookSnapshot and edits a copy with xlsx-populate,
 * which keeps every part it does not touch (charts, drawings, comments, styles, names with their scope,
 * validation, conditional formats). ExcelJS is never used here: it drops charts, constant and
 * whole-column names, turns sheet-local names global and expands large named areas cell by cell
 * (see ../shared/toolchain.md). The input file is never written: edits go to {@link XlsxHost.saveAs}.
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { CellRef, WorkbookSnapshot } from "../../core/model/snapshot";
import type { CellWrite } from "../../core/engine/types";
import type { SheetContent } from "../../core/model/sheet-content";
import { parseA1, quoteSheet } from "../../core/model/address";
import type { Highlight, HostCapabilities, HostError, HostResult, SavedFill, WorkbookHost } from "../host";
import { elements, loadParts, PartParseError, SheetClass, type PopulateCell, type PopulateSheet, type PopulateWorkbook, type XmlNode } from "./populate";
import { readSnapshot, readStyleTable } from "./read";
import { computeUncached } from "./evaluate";
import { corruptPart, XlsxReadError, sniff } from "./sniff";
import { normalizeSheetParts } from "./normalize";
import { limitsFromEnv, preflight, type ReadLimits } from "./package";
import { deriveXf, type StyleChange } from "./styles";
import { finishPackage } from "./finish";

export { XlsxReadError, PROBLEM_MESSAGES, sniff } from "./sniff";
export type { XlsxProblem } from "./sniff";
export { DEFAULT_MAX_CELLS, limitsFor, limitsFromEnv, type ReadLimits } from "./package";

const CAPABILITIES: HostCapabilities = { highlight: true, comments: false, select: true, addNames: true, addSheets: true };

function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

function fail<T>(code: HostError["code"], message: string, detail?: string): HostResult<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

/** Whether `address` is a cell inside the sheet grid (A1 … XFD1048576). */
function validAddress(address: string): boolean {
  try {
    const p = parseA1(address);
    return p.row >= 1 && p.row <= 1048576 && p.col >= 1 && p.col <= 16384;
  } catch {
    return false;
  }
}

/** Whether every part of `C11` or `A1:D4` is a valid cell address. */
function validArea(area: string): boolean {
  return area.split(":").length <= 2 && area.split(":").every(validAddress);
}

/** `$C$11` from `C11`. */
function anchored(address: string): string {
  return address.replace(/^([A-Za-z]+)(\d+)$/, (_m, c: string, r: string) => `$${c.toUpperCase()}$${r}`);
}

/** The .xlsx host. Create it with {@link openXlsx}. */
export class XlsxHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly capabilities = CAPABILITIES;
  /** Original style index of each highlighted cell, so that clearing restores it exactly. */
  private readonly savedStyles = new Map<string, string | number | undefined>();
  private dirty = false;
  /** The sheets as loaded, by position, with whether each was the selected tab. */
  private readonly loaded: readonly ({ readonly sheet: PopulateSheet; readonly tabSelected: boolean } | undefined)[];
  /** Sheets whose cells, styles or layout this host changed: only these are written anew. */
  private readonly touched = new Set<PopulateSheet>();

  constructor(
    private readonly workbook: PopulateWorkbook,
    /** The resolved path the workbook was read from, if any: saveAs refuses to write there. */
    readonly sourcePath?: string,
    /**
     * Whether `workbook` is exactly as loaded from its package (openXlsx): then a sheet this host does not
     * change is written back byte for byte. A workbook edited before it is handed over is written whole.
     */
    pristine = false,
  ) {
    this.loaded = pristine ? workbook.sheets().map((sheet) => ({ sheet, tabSelected: tabSelected(sheet) })) : [];
  }

  /** The cell's style with `change` applied, reusing an identical format already in the workbook. */
  private restyle(cell: PopulateCell, change: StyleChange): void {
    const base = cell._style !== undefined ? (cell._style as { id(): number }).id() : Number(cell._styleId ?? 0);
    cell._style = undefined;
    cell._styleId = deriveXf(this.workbook.styleSheet()._node, base, change);
  }

  /** Read the snapshot (values with formulas' cached results, formulas, formats, merges, scoped names). */
  async readWorkbook(): Promise<HostResult<WorkbookSnapshot>> {
    try {
      // Formulas a script wrote without their results are computed (evaluate.ts).
      return ok(await computeUncached(readSnapshot(this.workbook)));
    } catch (err) {
      return fail("read-failed", "读取工作簿内容失败", err instanceof Error ? err.message : String(err));
    }
  }

  private sheetOf(name: string): PopulateSheet | undefined {
    return this.workbook.sheet(name);
  }

  private cellAt(at: CellRef): PopulateCell | undefined {
    const sheet = this.sheetOf(at.sheet);
    if (!sheet || !validAddress(at.address)) return undefined;
    const pos = parseA1(at.address);
    return sheet.cell(pos.row, pos.col);
  }

  /** Apply values, formulas and number formats; all targets are checked before anything is written. */
  async applyWrites(writes: readonly CellWrite[]): Promise<HostResult<number>> {
    for (const w of writes) {
      if (!this.sheetOf(w.at.sheet)) return fail("not-found", `找不到工作表“${w.at.sheet}”`);
      if (!validAddress(w.at.address)) return fail("not-found", `单元格地址“${w.at.address}”无效`);
    }
    try {
      for (const w of writes) {
        const cell = this.cellAt(w.at)!;
        if (w.formula !== undefined) {
          cell.formula(w.formula.replace(/^=/, ""));
          // Keep the expected result as the cached value, so readers that do not recalculate see it.
          if (w.value !== undefined && w.value !== null) cell._value = w.value;
        } else if (w.value !== undefined) {
          cell.value(w.value === null ? undefined : w.value);
        }
        if (w.numberFormat !== undefined) this.restyle(cell, { numberFormat: w.numberFormat });
        this.touched.add(this.sheetOf(w.at.sheet)!);
      }
      this.dirty = true;
      return ok(writes.length);
    } catch (err) {
      return fail("write-failed", "写入单元格失败", err instanceof Error ? err.message : String(err));
    }
  }

  /** Paint solid fills, remembering each cell's original style so that {@link clearHighlights} is exact. */
  async highlight(marks: readonly Highlight[]): Promise<HostResult<readonly SavedFill[]>> {
    const styles = readStyleTable(this.workbook);
    const saved: SavedFill[] = [];
    for (const m of marks) {
      if (!this.cellAt(m.at)) return fail("not-found", `找不到单元格“${m.at.sheet}!${m.at.address}”`);
    }
    for (const m of marks) {
      const cell = this.cellAt(m.at)!;
      const key = `${m.at.sheet}!${m.at.address}`;
      const styleId = cell._styleId;
      const color = cell._style === undefined ? (styleId !== undefined ? (styles.fills[Number(styleId)] ?? null) : null) : currentFill(cell);
      if (!this.savedStyles.has(key)) this.savedStyles.set(key, cell._style === undefined ? styleId : undefined);
      saved.push({ at: m.at, color });
      this.restyle(cell, { fill: m.color });
      this.touched.add(this.sheetOf(m.at.sheet)!);
    }
    this.dirty = true;
    return ok(saved);
  }

  /** Restore the fills saved by {@link highlight}: the cell gets its original style index back. */
  async clearHighlights(saved: readonly SavedFill[]): Promise<HostResult<number>> {
    let n = 0;
    for (const s of saved) {
      const cell = this.cellAt(s.at);
      if (!cell) continue;
      const key = `${s.at.sheet}!${s.at.address}`;
      if (this.savedStyles.has(key)) {
        const original = this.savedStyles.get(key);
        cell._style = undefined;
        if (original === undefined) delete cell._styleId;
        else cell._styleId = original;
        this.savedStyles.delete(key);
      } else {
        this.restyle(cell, { fill: s.color });
      }
      this.touched.add(this.sheetOf(s.at.sheet)!);
      n++;
    }
    return ok(n);
  }

  /** Make the cell the active one when the file is next opened. */
  async select(at: CellRef): Promise<HostResult<void>> {
    const sheet = this.sheetOf(at.sheet);
    if (!sheet) return fail("not-found", `找不到工作表“${at.sheet}”`);
    if (!validAddress(at.address)) return fail("not-found", `单元格地址“${at.address}”无效`);
    sheet.active(true);
    sheet.activeCell(at.address);
    this.touched.add(sheet);
    return ok(undefined);
  }

  /**
   * Add the sheet, or replace its content in place when it exists: same position, same part, same
   * relationship, so that writing it again leaves the package as it was (no orphaned relationship).
   */
  async writeSheet(content: SheetContent): Promise<HostResult<void>> {
    try {
      const sheets = this.workbook.sheets();
      const index = sheets.findIndex((s) => s.name() === content.name);
      let sheet: PopulateSheet;
      if (index >= 0) {
        const old = sheets[index];
        sheet = new SheetClass(this.workbook, old._idNode);
        this.workbook._sheets[index] = sheet;
        // Names scoped to the sheet and the active tab follow it.
        for (const node of elements(elements(this.workbook._node, "definedNames")[0], "definedName")) {
          if (node.localSheet === old) node.localSheet = sheet;
        }
        if (this.workbook._activeSheet === old) this.workbook._activeSheet = sheet;
        if (tabSelected(old)) sheet.tabSelected(true);
      } else {
        sheet = this.workbook.addSheet(content.name);
      }
      this.fillSheet(sheet, content);
      this.touched.add(sheet);
      if (content.hidden) sheet.hidden(true);
      this.dirty = true;
      return ok(undefined);
    } catch (err) {
      return fail("write-failed", `写入工作表“${content.name}”失败`, err instanceof Error ? err.message : String(err));
    }
  }

  private fillSheet(sheet: PopulateSheet, content: SheetContent): void {
    const headings = new Set(content.headingRows ?? []);
    // One bold and one wrapped format for the whole sheet, reused from the workbook when it has them.
    const root = this.workbook.styleSheet()._node;
    let bold: number | undefined;
    let wrap: number | undefined;
    content.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const cell = sheet.cell(r + 1, c + 1).value(v);
        if (headings.has(r)) cell._styleId = bold ??= deriveXf(root, 0, { bold: true });
        else if (typeof v === "string" && v.length > 40) cell._styleId = wrap ??= deriveXf(root, 0, { wrapText: true });
      });
    });
    (content.columnWidths ?? []).forEach((w, c) => {
      if (w > 0) sheet.column(c + 1).width(w);
    });
  }

  /** Add (or re-point) workbook-scoped names; a `CellRef` becomes an absolute `'Sheet'!$C$11`. */
  async addNames(names: readonly { readonly name: string; readonly ref: CellRef | string }[]): Promise<HostResult<number>> {
    for (const n of names) {
      if (typeof n.ref !== "string" && (!this.sheetOf(n.ref.sheet) || !validArea(n.ref.address))) {
        return fail("not-found", `名称 ${n.name} 指向的单元格“${n.ref.sheet}!${n.ref.address}”不存在`);
      }
    }
    try {
      for (const n of names) {
        const ref =
          typeof n.ref === "string"
            ? n.ref.replace(/^=/, "")
            : `${quoteSheet(n.ref.sheet)}!${n.ref.address.includes(":") ? n.ref.address.split(":").map(anchored).join(":") : anchored(n.ref.address)}`;
        const existing = this.workbook.definedName(n.name);
        if (existing !== undefined) this.workbook.definedName(n.name, null);
        this.workbook.definedName(n.name, ref);
      }
      this.dirty = true;
      return ok(names.length);
    } catch (err) {
      return fail("write-failed", "添加名称失败", err instanceof Error ? err.message : String(err));
    }
  }

  /** The edited workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    const restore = this.keepCachedValues();
    if (this.dirty) this.requestRecalculation();
    // A sheet this host did not change, still at its place and with its tab selection, keeps its part
    // byte for byte (its <dimension>, its t="n", its formatting): xlsx-populate would rewrite it.
    const sheets = this.workbook.sheets();
    const kept = new Set<number>();
    sheets.forEach((sheet, i) => {
      const was = this.loaded[i];
      if (was && was.sheet === sheet && !this.touched.has(sheet) && was.tabSelected === tabSelected(sheet)) kept.add(i);
    });
    try {
      return await finishPackage(this.workbook, kept);
    } finally {
      restore();
    }
  }

  /**
   * Write the edited workbook to `outPath` (a temporary file in the same folder, then a rename). Refuses
   * to write over the file it was read from, by any path (links included). The CLI uses its own output
   * policy (src/cli/output.ts); this is for other callers.
   * @throws Error when outPath is the input file or cannot be written
   */
  async saveAs(outPath: string): Promise<void> {
    const target = path.resolve(outPath);
    if (this.sourcePath !== undefined && (await samePath(target, this.sourcePath))) {
      throw new Error("输出文件不能是输入文件本身（refusing to overwrite the input file）");
    }
    const bytes = await this.toBuffer();
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.jixiao-tmp`);
    try {
      await fs.writeFile(tmp, bytes, { flag: "wx" });
      await fs.rename(tmp, target);
    } finally {
      await fs.unlink(tmp).catch(() => undefined);
    }
  }

  /**
   * xlsx-populate drops formulas' cached results on output (so Excel shows no stale value); we keep them as
   * the `<v>` child, so that other readers (and our own checks) still see the values, and ask Excel/WPS to
   * recalculate on load instead.
   */
  private keepCachedValues(): () => void {
    // Error values typed without a formula (`<c t="e"><v>#N/A</v></c>`): xlsx-populate cannot write them, so
    // they go out as raw children for this output and are put back afterwards.
    const errors: PopulateCell[] = [];
    for (const sheet of this.workbook.sheets()) {
      for (const row of sheet._rows) {
        if (!row) continue;
        for (const cell of row._cells) {
          if (!cell) continue;
          if (cell._formulaType === undefined) {
            const v = cell._value;
            if (typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "function") {
              errors.push(cell);
              cell._remainingAttributes = { ...(cell._remainingAttributes ?? {}), t: "e" };
              cell._remainingChildren = [{ name: "v", attributes: {}, children: [(v as { error(): string }).error()] }];
              cell._value = undefined;
              (cell as { _errorValue?: unknown })._errorValue = v;
            }
            continue;
          }
          const v = cell._value;
          const others = (cell._remainingChildren ?? []).filter((c) => !(typeof c === "object" && c.name === "v"));
          const attrs = { ...(cell._remainingAttributes ?? {}) };
          delete attrs.t;
          let text: string | number | undefined;
          if (typeof v === "number" && Number.isFinite(v)) text = v;
          else if (typeof v === "string") {
            text = v;
            attrs.t = "str";
          } else if (typeof v === "boolean") {
            text = v ? 1 : 0;
            attrs.t = "b";
          } else if (typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "function") {
            text = (v as { error(): string }).error();
            attrs.t = "e";
          }
          cell._remainingChildren = text === undefined ? (others.length ? others : undefined) : [{ name: "v", attributes: {}, children: [text] }, ...others];
          cell._remainingAttributes = Object.keys(attrs).length ? attrs : undefined;
        }
      }
    }
    return () => {
      for (const cell of errors) {
        const holder = cell as { _errorValue?: unknown };
        cell._value = holder._errorValue;
        delete holder._errorValue;
        delete cell._remainingChildren;
        if (cell._remainingAttributes) {
          delete cell._remainingAttributes.t;
          if (Object.keys(cell._remainingAttributes).length === 0) delete cell._remainingAttributes;
        }
      }
    };
  }

  /** Set `<calcPr fullCalcOnLoad="1"/>` so that Excel, WPS and LibreOffice recompute after our edits. */
  private requestRecalculation(): void {
    const root = this.workbook._node;
    let calcPr: XmlNode | undefined = elements(root, "calcPr")[0];
    if (!calcPr) {
      calcPr = { name: "calcPr", attributes: {}, children: [] };
      // calcPr comes after definedNames (CT_Workbook order); before oleSize and the rest.
      const after = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
      const idx = root.children.findIndex((c) => typeof c === "object" && after.includes(c.name));
      if (idx < 0) root.children.push(calcPr);
      else root.children.splice(idx, 0, calcPr);
    }
    calcPr.attributes.fullCalcOnLoad = "1";
  }
}

/** Whether the sheet's tab is selected, read without making xlsx-populate add a `<sheetViews>`. */
function tabSelected(sheet: PopulateSheet): boolean {
  const view = elements(elements(sheet._node, "sheetViews")[0], "sheetView")[0];
  const v = view?.attributes.tabSelected;
  return v === 1 || v === "1" || v === "true";
}

/** The solid fill colour xlsx-populate holds for a cell whose style it has already cloned. */
function currentFill(cell: PopulateCell): string | null {
  const fill = cell.style("fill") as { type?: string; color?: { rgb?: string } } | undefined;
  const rgb = fill && fill.type === "solid" ? fill.color?.rgb : undefined;
  return rgb ? `#${rgb.slice(-6).toUpperCase()}` : null;
}

/** Whether two paths name the same file (also through links): what saveAs and the CLI refuse to overwrite. */
export async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const real = async (p: string): Promise<string> => {
    const abs = path.resolve(p);
    return fs.realpath(path.dirname(abs)).then((d) => path.join(d, path.basename(abs)), () => abs);
  };
  if ((await real(a)) === (await real(b))) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/**
 * Read a file's bytes for a workbook, classifying a missing path or a directory.
 * @throws XlsxReadError
 */
async function readBytes(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new XlsxReadError("missing", file);
  }
  if (stat.isDirectory()) throw new XlsxReadError("directory", file);
  // A pipe or a device would block the read (or never end): refused before opening it.
  if (!stat.isFile()) throw new XlsxReadError("not-regular", file);
  return fs.readFile(file);
}

/**
 * Open a workbook for reading and editing. The archive is opened once; the parts are checked (every
 * referenced part present, within the size limits) and inflated once before xlsx-populate parses them.
 * @param pathOrBuffer - a file path, or the file's bytes
 * @param limits - how many cells and bytes may be read (default: JIXIAO_MAX_CELLS or one million cells)
 * @throws XlsxReadError with a Chinese message for a missing path, a directory, a pipe or device, a
 *   non-xlsx, a damaged package (naming the part), a legacy .xls, a password-protected workbook, or a
 *   workbook over the limits
 */
export async function openXlsx(pathOrBuffer: string | Buffer | Uint8Array, limits: ReadLimits = limitsFromEnv()): Promise<XlsxHost> {
  const source = typeof pathOrBuffer === "string" ? path.resolve(pathOrBuffer) : undefined;
  const bytes = source !== undefined ? await readBytes(source) : Buffer.from(pathOrBuffer as Uint8Array);
  const problem = sniff(bytes);
  if (problem) throw new XlsxReadError(problem, source);
  // Look inside the zip first: a damaged archive is "corrupt", a zip without a workbook part (a .docx, a
  // plain archive) is "not an xlsx"; only then may xlsx-populate's own failure mean unsupported content.
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new XlsxReadError("corrupt", err instanceof Error ? err.message : String(err));
  }
  if (!zip.file("xl/workbook.xml")) throw new XlsxReadError("not-xlsx", source);
  await normalizeSheetParts(zip);
  const texts = await preflight(zip, limits);
  let workbook: PopulateWorkbook;
  try {
    workbook = await loadParts(zip, texts);
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    if (err instanceof PartParseError) throw corruptPart(err.part, "unreadable", err.message);
    // Every part is present and parses (package.ts), so what xlsx-populate trips over is a part whose
    // structure is broken (a required element missing): damage, not content we do not support.
    const detail = err instanceof Error ? err.message : String(err);
    throw new XlsxReadError("corrupt", detail, `文件已损坏：工作簿结构不完整，无法读取（corrupt .xlsx file）`);
  }
  const damaged = (workbook as { __jixiaoDamage?: string }).__jixiaoDamage;
  if (damaged !== undefined) {
    throw new XlsxReadError("corrupt", `sheet ${damaged}: shared string index out of range`, `文件已损坏：工作表“${damaged}”引用了 xl/sharedStrings.xml 中不存在的文本（corrupt .xlsx file）`);
  }
  return new XlsxHost(workbook, source, true);
}

/**
 * Read a workbook file into the engine's snapshot.
 * @throws XlsxReadError (see {@link openXlsx})
 */
export async function readXlsxFile(file: string, limits: ReadLimits = limitsFromEnv()): Promise<WorkbookSnapshot> {
  const host = await openXlsx(file, limits);
  const result = await host.readWorkbook();
  if (!result.ok) throw new XlsxReadError("corrupt", result.error.detail ?? result.error.message);
  return result.value;
}
