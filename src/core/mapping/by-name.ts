/**
 * Mapping by defined names (the contract): `jx_…` names, workbook scope preferred over sheet scope,
 * compared case-insensitively as Excel does.
 */
import type { DefinedName, WorkbookSnapshot } from "../model/snapshot";
import { parseRef, toA1, type Area } from "../model/address";
import { SCALAR_FIELDS, TABLES } from "../schema/fields";
import { isBlank, type SheetGrid } from "./grid";
import { headerTop, readTable } from "./table-reader";
import { tableEnd } from "./auto-map";
import { emptyResult, findGrid, type MappingResult } from "./types";

/** Whether a snapshot has at least one `jx_` name (then names, not labels, drive the mapping). */
export function hasContractNames(snapshot: WorkbookSnapshot): boolean {
  return snapshot.names.some((n) => n.name.toLowerCase().startsWith("jx_"));
}

/** The names by lower-cased name; a workbook-scoped name wins over sheet-scoped ones. */
function nameIndex(names: readonly DefinedName[]): Map<string, DefinedName> {
  const index = new Map<string, DefinedName>();
  for (const n of names) {
    const key = n.name.toLowerCase();
    const prev = index.get(key);
    if (!prev || (prev.scope !== undefined && n.scope === undefined)) index.set(key, n);
  }
  return index;
}

/** Where a name points: its sheet and rectangle, or why it cannot be used. */
type Resolved = { ok: true; grid: SheetGrid; area: Area } | { ok: false; detail: string };

function resolve(name: DefinedName, grids: readonly SheetGrid[]): Resolved {
  if (name.refersTo.toUpperCase().includes("#REF!")) return { ok: false, detail: `${name.name} 指向已删除的单元格（#REF!）` };
  const parsed = parseRef(name.refersTo);
  if (!parsed) return { ok: false, detail: `${name.name} 的引用无法识别：${name.refersTo}` };
  const sheet = parsed.sheet ?? name.scope;
  if (sheet === undefined) return { ok: false, detail: `${name.name} 的引用没有工作表：${name.refersTo}` };
  const grid = findGrid(grids, sheet);
  if (!grid) return { ok: false, detail: `${name.name} 指向不存在的工作表“${sheet}”` };
  return { ok: true, grid, area: parsed.area };
}

/** Map every contract field and table that has a name. */
export function mapByNames(snapshot: WorkbookSnapshot, grids: readonly SheetGrid[]): MappingResult {
  const result = emptyResult();
  const index = nameIndex(snapshot.names);
  for (const field of SCALAR_FIELDS) {
    const name = index.get(field.id);
    if (!name) continue;
    const r = resolve(name, grids);
    if (!r.ok) {
      result.problems.push({ code: "broken-name", target: field.id, detail: r.detail });
      continue;
    }
    const ref = { sheet: r.grid.name, address: toA1(r.area.start) };
    const cell = r.grid.cell(r.area.start.row, r.area.start.col);
    result.scalars[field.id] = cell && !isBlank(cell) ? { id: field.id, ref, cell, source: "name" } : { id: field.id, ref, source: "name" };
  }
  for (const def of TABLES) {
    const name = index.get(def.id);
    if (!name) continue;
    const r = resolve(name, grids);
    if (!r.ok) {
      result.problems.push({ code: "broken-name", target: def.id, detail: r.detail });
      continue;
    }
    const single = r.area.start.row === r.area.end.row && r.area.start.col === r.area.end.col;
    // A name on the header's first cell only: read the table as auto-map would, from that corner.
    const read = single
      ? readTable(r.grid, def, r.area, { source: "name", auto: { stopAt: tableEnd(r.grid) } })
      : readTable(r.grid, def, { start: { row: headerTop(r.grid, def, r.area), col: r.area.start.col }, end: r.area.end }, { source: "name" });
    result.tables[def.id] = read.binding;
    result.areas[def.id] = read.area;
    result.problems.push(...read.problems);
  }
  return result;
}
