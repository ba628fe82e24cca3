/**
 * Evaluate an Excel formula against a workbook snapshot, without a calculation engine: the bureau's 审核公式
 * (rules as data). Parsing is @borgar/fx's (tokenizer + parser, MIT, structured references included); the
 * worksheet functions are @formulajs/formulajs's (MIT). This file only walks the parsed tree: it looks up
 * references in the snapshot and the report model, applies Excel's operators, and calls the functions.
 *
 * References a formula may use:
 * - cells and ranges, with or without a sheet: `自评表!D8`, `'收支 情况'!C11:C14`, `D8` (the rule's sheet);
 * - the schema's fields (`jx_executed`, `jx_staff_quota`), whether the workbook binds them by name or mapping
 *   found them by label, and any other defined name of the workbook;
 * - table columns: `jx_expense[公用支出]` (a schema table, column by header label or key) or `资金来源[全年执行数]`
 *   (a defined name over a rectangle whose first row is the header). `T[col]` is the data rows without the
 *   汇总/合计 row; `T[[#Totals],[col]]` is that row.
 *
 * Pure TS (runs in the pane, WPS and the CLI).
 */
import type { CellRef, CellSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { proseAmount, proseCount } from "./prose-functions";
import type { ReportModel, TableBinding } from "../model/report-model";
import { normalizeLabel, SCALAR_FIELDS, TABLES } from "../schema/fields";
import { parseRef, toA1 } from "../model/address";

type Fx = typeof import("@borgar/fx");
let fxLib: Fx | undefined;
let functionsLib: Record<string, unknown> | undefined;

/**
 * The parser and the function library are loaded on first use: a workbook without bureau rules (most of
 * them) does not pay for loading them (~0.2–0.7 s on this machine), in the CLI, its workers or the pane.
 */
function fx(): Fx {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (fxLib ??= require("@borgar/fx") as Fx);
}

function library(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (functionsLib ??= require("@formulajs/formulajs") as Record<string, unknown>);
}

const parseA1Ref = (text: string): ReturnType<Fx["parseA1Ref"]> => fx().parseA1Ref(text);
const parseStructRef = (text: string): ReturnType<Fx["parseStructRef"]> => fx().parseStructRef(text);

/** An Excel error value (`#VALUE!`, `#NAME?`, `#REF!` …), with why in Chinese. */
export class XlError {
  constructor(
    readonly code: string,
    readonly why: string = "",
  ) {}
}

/** A value during evaluation. `null` is a blank cell. */
export type Scalar = number | string | boolean | null | XlError;
export type Value = Scalar | Scalar[][];

/** A formula the parser rejects. */
export class FormulaSyntaxError extends Error {}

/** A reference the workbook lacks although the schema defines it (`jx_…`): the rule does not apply. */
export class MissingField extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

/** Where a formula is evaluated. */
export interface FormulaScope {
  readonly model: ReportModel;
  /** The sheet of sheet-less references (`D8`). */
  readonly sheet?: string;
  /** Filled with the prose cells JX_PROSE_* read (where a failing rule without a mark cell is marked). */
  readonly cited?: CellRef[];
}

type Node = {
  readonly type: string;
  readonly value?: unknown;
  readonly kind?: string;
  readonly operator?: string;
  readonly name?: string;
  readonly callee?: { readonly name: string };
  readonly arguments?: readonly Node[];
  readonly elements?: readonly (readonly Node[])[];
};

/** Parse a formula (with or without `=`). @throws FormulaSyntaxError */
export function parse(formula: string): Node {
  const text = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
  try {
    const lib = fx();
    return lib.parse(lib.tokenize(text, { mergeRefs: true, negativeNumbers: true }), { permitArrayRanges: true }) as unknown as Node;
  } catch (err) {
    throw new FormulaSyntaxError(err instanceof Error ? err.message : String(err));
  }
}

/** The references a formula names (cells, names, table columns), in order of appearance. */
export function references(formula: string): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.type === "ReferenceIdentifier") out.push(String(n.value));
    for (const a of n.arguments ?? []) walk(a);
    for (const row of n.elements ?? []) row.forEach(walk);
  };
  walk(parse(formula));
  return out;
}

/** An A1 reference as 0-based bounds with its sheet (undefined for names and whole rows/columns). */
function a1Range(text: string): { sheet?: string; top: number; left: number; bottom: number; right: number } | undefined {
  const ref = parseA1Ref(text.replace(/\$/g, "")) as { context?: string[]; range?: { top: number | null; left: number | null; bottom: number | null; right: number | null } } | undefined;
  const r = ref?.range;
  if (!r || r.top === null || r.left === null || r.bottom === null || r.right === null) return undefined;
  return { sheet: ref.context?.[0], top: r.top, left: r.left, bottom: r.bottom, right: r.right };
}

function isError(v: unknown): v is XlError {
  return v instanceof XlError;
}

function cellValue(cell: CellSnapshot | undefined): Scalar {
  if (!cell) return null;
  if (cell.error) return new XlError(cell.error);
  return cell.value;
}

function sheetOf(snapshot: WorkbookSnapshot, name: string) {
  return snapshot.sheets.find((s) => s.name === name) ?? snapshot.sheets.find((s) => normalizeLabel(s.name) === normalizeLabel(name));
}

function rangeValues(scope: FormulaScope, sheetName: string | undefined, top: number, left: number, bottom: number, right: number): Value {
  const name = sheetName ?? scope.sheet;
  if (!name) return new XlError("#REF!", "没有指明工作表");
  // A bureau's formula may read a hidden sheet (a 参数 sheet kept out of sight): the whole workbook.
  const sheet = sheetOf(scope.model.whole ?? scope.model.snapshot, name);
  if (!sheet) return new XlError("#REF!", `找不到工作表“${name}”`);
  if ((bottom - top + 1) * (right - left + 1) > 100_000) return new XlError("#REF!", "区域过大");
  const rows: Scalar[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: Scalar[] = [];
    for (let c = left; c <= right; c++) row.push(cellValue(sheet.cells[toA1({ row: r + 1, col: c + 1 })]));
    rows.push(row);
  }
  return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
}

/** A defined name's target, evaluated (a range, or a constant such as `0.2`). */
function definedName(scope: FormulaScope, name: string): Value | undefined {
  const snap = scope.model.snapshot;
  const key = name.toLowerCase();
  const found =
    snap.names.find((n) => n.name.toLowerCase() === key && n.scope !== undefined && n.scope === scope.sheet) ??
    snap.names.find((n) => n.name.toLowerCase() === key && n.scope === undefined);
  if (!found) return undefined;
  return evaluateNode(parse(found.refersTo), { ...scope });
}

function scalarField(scope: FormulaScope, name: string): Value | undefined {
  const def = SCALAR_FIELDS.find((f) => f.id === name.toLowerCase());
  if (!def) return undefined;
  const binding = scope.model.scalars[def.id];
  if (!binding) throw new MissingField(def.id);
  return cellValue(binding.cell);
}

/** The rows of a table column: data rows (without 汇总/合计) or the totals row. */
function tableColumn(scope: FormulaScope, tableName: string, column: string | undefined, totals: boolean): Value {
  const def = TABLES.find((t) => t.id === tableName.toLowerCase());
  if (def) {
    const table: TableBinding | undefined = scope.model.tables[def.id];
    if (!table) throw new MissingField(def.id);
    if (column === undefined) return new XlError("#REF!", `请写明 ${tableName} 的列，如 ${tableName}[${def.columns[1]?.label ?? "列名"}]`);
    const wanted = normalizeLabel(column);
    const colDef = def.columns.find((c) => c.key.toLowerCase() === column.toLowerCase() || normalizeLabel(c.label) === wanted || c.aliases.some((a) => normalizeLabel(a) === wanted));
    const col = table.columns.find((c) => c.key === colDef?.key) ?? table.columns.find((c) => normalizeLabel(c.header) === wanted);
    if (!col) return new XlError("#REF!", `表 ${tableName} 没有“${column}”列`);
    const rows = table.rows.filter((r) => r.isSummary === totals);
    return rows.map((r) => [cellValue(r.cells[col.key]?.cell)]);
  }
  // A defined name over a rectangle whose first row is the header.
  const snap = scope.model.snapshot;
  const named = snap.names.find((n) => n.name.toLowerCase() === tableName.toLowerCase());
  if (!named) return new XlError("#NAME?", `找不到表“${tableName}”`);
  const ref = a1Range(named.refersTo);
  if (!ref) return new XlError("#REF!", `名称 ${tableName} 不是一个区域`);
  const { sheet, top, left, bottom, right } = ref;
  const all = rangeValues(scope, sheet, top, left, bottom, right);
  if (!Array.isArray(all)) return new XlError("#REF!", `表 ${tableName} 只有一个单元格`);
  const header = all[0].map((h) => normalizeLabel(String(h ?? "")));
  const idx = column === undefined ? -1 : header.indexOf(normalizeLabel(column));
  if (idx < 0) return new XlError("#REF!", `表 ${tableName} 没有“${column ?? ""}”列`);
  const body = all.slice(1).filter((r) => r.some((v) => v !== null && v !== ""));
  const isTotal = (r: Scalar[]): boolean => r.some((v) => typeof v === "string" && /汇总|合计|总计/.test(v));
  return body.filter((r) => isTotal(r) === totals).map((r) => [r[idx]]);
}

function reference(node: Node, scope: FormulaScope): Value {
  const text = String(node.value);
  if (node.kind === "table") {
    const s = parseStructRef(text);
    if (!s) return new XlError("#REF!", `无法理解表引用 ${text}`);
    const sections = (s.sections ?? []) as string[];
    return tableColumn(scope, String(s.table ?? ""), (s.columns as string[] | undefined)?.[0], sections.includes("totals"));
  }
  if (node.kind === "name") {
    const field = scalarField(scope, text);
    if (field !== undefined) return field;
    const named = definedName(scope, text);
    if (named !== undefined) return named;
    if (/^jx_/i.test(text)) throw new MissingField(text);
    return new XlError("#NAME?", `找不到名称“${text}”`);
  }
  const ref = a1Range(text);
  if (!ref) return new XlError("#REF!", `无法理解引用 ${text}（整行整列引用不支持）`);
  return rangeValues(scope, ref.sheet, ref.top, ref.left, ref.bottom, ref.right);
}

function first(v: Value): Scalar {
  return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
}

function toNumber(v: Scalar): number | XlError {
  if (isError(v)) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = v.trim().replace(/,/g, "");
  const pct = /^[-+]?\d+(\.\d+)?%$/.test(s);
  const n = Number(pct ? s.slice(0, -1) : s);
  if (s === "" || Number.isNaN(n)) return new XlError("#VALUE!", `“${v}”不是数字`);
  return pct ? n / 100 : n;
}

function toText(v: Scalar): string | XlError {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Excel's comparison: numbers < text < booleans; text case-insensitive; blank is 0 or "". */
function compare(a: Scalar, b: Scalar): number | XlError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const rank = (v: Exclude<Scalar, XlError>): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") return a.toLowerCase().localeCompare(String(b).toLowerCase());
  return Number(a) - Number(b);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case "&": {
      const x = toText(a);
      const y = toText(b);
      return isError(x) ? x : isError(y) ? y : x + y;
    }
    case "=":
    case "<>":
    case "<":
    case ">":
    case "<=":
    case ">=": {
      const c = compare(a, b);
      if (isError(c)) return c;
      return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
    default: {
      const x = toNumber(a);
      const y = toNumber(b);
      if (isError(x)) return x;
      if (isError(y)) return y;
      if (op === "+") return x + y;
      if (op === "-") return x - y;
      if (op === "*") return x * y;
      if (op === "/") return y === 0 ? new XlError("#DIV/0!", "除数为 0") : x / y;
      if (op === "^") return x ** y;
      return new XlError("#VALUE!", `不支持的运算符 ${op}`);
    }
  }
}

/** Apply an operator element by element when one side is a range (array formulas, e.g. SUMPRODUCT((A=…)*(B<…))). */
function lift(op: (a: Scalar, b: Scalar) => Scalar, a: Value, b: Value): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return op(a, b);
  const A = Array.isArray(a) ? a : [[a]];
  const B = Array.isArray(b) ? b : [[b]];
  const rows = Math.max(A.length, B.length);
  const cols = Math.max(A[0]?.length ?? 0, B[0]?.length ?? 0);
  const at = (m: Scalar[][], r: number, c: number): Scalar => m[m.length === 1 ? 0 : r]?.[m[0].length === 1 ? 0 : c] ?? new XlError("#N/A");
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => op(at(A, r, c), at(B, r, c))));
}

function truthy(v: Scalar): boolean | XlError {
  if (isError(v)) return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    return new XlError("#VALUE!", `“${v}”不是 TRUE/FALSE`);
  }
  return (v ?? 0) !== 0;
}

/** Convert formulajs's results (Error objects with Excel's codes) to ours. */
function fromLibrary(v: unknown): Value {
  if (v instanceof Error) return new XlError(v.message || "#VALUE!");
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  if (Array.isArray(v)) return (v as unknown[]).map((row) => (Array.isArray(row) ? row.map((x) => first(fromLibrary(x))) : [first(fromLibrary(row))]));
  if (v === undefined) return null;
  return v as Scalar;
}

function toLibrary(v: Value): unknown {
  if (isError(v)) return new Error(v.code);
  if (Array.isArray(v)) return v.map((row) => row.map((x) => (isError(x) ? new Error(x.code) : x)));
  return v;
}


function call(name: string, args: readonly Node[], scope: FormulaScope): Value {
  const upper = name.toUpperCase().replace(/^_XLFN\./, "");
  // Lazy functions: only the branch taken is evaluated (as in Excel).
  if (upper === "IF") {
    const cond = truthy(first(evaluateNode(args[0], scope)));
    if (isError(cond)) return cond;
    if (cond) return args[1] ? evaluateNode(args[1], scope) : true;
    return args[2] ? evaluateNode(args[2], scope) : false;
  }
  if (upper === "IFERROR" || upper === "IFNA") {
    const v = evaluateNode(args[0], scope);
    const bad = upper === "IFERROR" ? isError(first(v)) : isError(first(v)) && (first(v) as XlError).code === "#N/A";
    return bad ? evaluateNode(args[1], scope) : v;
  }
  if (upper === "JX_PROSE_AMOUNT" || upper === "JX_PROSE_COUNT") {
    const label = first(args[0] ? evaluateNode(args[0], scope) : null);
    if (typeof label !== "string" || !label.trim()) return new XlError("#VALUE!", `${upper} 需要一个标签文字，如 ${upper}("二级指标")`);
    const n = upper === "JX_PROSE_AMOUNT" ? proseAmount(scope.model, label.trim(), scope.cited) : proseCount(scope.model, label.trim(), scope.cited);
    return n === undefined ? new XlError("#N/A", `文字中没有写${label}`) : n;
  }
  if (upper === "ISBLANK") {
    const v = evaluateNode(args[0], scope);
    return first(v) === null || first(v) === "";
  }
  const fn = library()[upper];
  if (typeof fn !== "function") return new XlError("#NAME?", `不认识的函数 ${name}`);
  const values = args.map((a) => evaluateNode(a, scope));
  const noErrors = !["ISERROR", "ISERR", "ISNA", "ERROR.TYPE", "COUNT", "COUNTA"].includes(upper);
  if (noErrors) {
    const err = values.map(first).find(isError);
    if (err && !values.some(Array.isArray)) return err;
  }
  try {
    return fromLibrary((fn as (...a: unknown[]) => unknown)(...values.map(toLibrary)));
  } catch (e) {
    return new XlError("#VALUE!", e instanceof Error ? e.message : String(e));
  }
}

/** Evaluate a parsed node. @throws MissingField when a schema field or table the formula names is absent */
export function evaluateNode(node: Node, scope: FormulaScope): Value {
  switch (node.type) {
    case "Literal":
      return node.value as Scalar;
    case "ErrorLiteral":
      return new XlError(String(node.value));
    case "ReferenceIdentifier":
      return reference(node, scope);
    case "ArrayExpression":
      return (node.elements ?? []).map((row) => row.map((n) => first(evaluateNode(n, scope))));
    case "UnaryExpression": {
      const v = evaluateNode(node.arguments![0], scope);
      const op = node.operator;
      return lift((a) => {
        const n = toNumber(a);
        if (isError(n)) return n;
        return op === "-" ? -n : op === "%" ? n / 100 : n;
      }, v, null);
    }
    case "BinaryExpression": {
      const op = node.operator!;
      if (op === ":" || op === "," || op === " ") return new XlError("#VALUE!", `不支持引用运算符“${op}”`);
      return lift((a, b) => binary(op, a, b), evaluateNode(node.arguments![0], scope), evaluateNode(node.arguments![1], scope));
    }
    case "CallExpression":
      return call(node.callee!.name, node.arguments ?? [], scope);
    default:
      return new XlError("#VALUE!", `不支持的公式成分 ${node.type}`);
  }
}

/** Evaluate a formula string. @throws FormulaSyntaxError, MissingField */
export function evaluate(formula: string, scope: FormulaScope): Value {
  return evaluateNode(parse(formula), scope);
}

/** A value as a rule message shows it. */
export function showValue(v: Value): string {
  if (Array.isArray(v)) return `{${v.map((r) => r.map((x) => showValue(x)).join(",")).join(";")}}`;
  if (isError(v)) return v.code;
  if (v === null) return "空白";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Math.round(v * 1e6) / 1e6);
  return `"${v}"`;
}

/** The first cell a formula refers to (for a rule without a mark cell), as a sheet and A1 address. */
export function firstCell(formula: string, scope: FormulaScope): { sheet: string; address: string } | undefined {
  for (const r of references(formula)) {
    const field = SCALAR_FIELDS.find((f) => f.id === r.toLowerCase());
    const bound = field ? scope.model.scalars[field.id] : undefined;
    if (bound) return bound.ref;
    const struct = r.includes("[") ? parseStructRef(r) : undefined;
    const table = struct ? TABLES.find((t) => t.id === String(struct.table).toLowerCase()) : undefined;
    const binding = table ? scope.model.tables[table.id] : undefined;
    if (binding) return { sheet: binding.sheet, address: toA1({ row: binding.headerRow, col: binding.columns[0]?.col ?? 1 }) };
    const ref = struct ? undefined : a1Range(r);
    if (ref) {
      const sheet = ref.sheet ?? scope.sheet;
      if (sheet) return { sheet, address: toA1({ row: ref.top + 1, col: ref.left + 1 }) };
    }
    const named = scope.model.snapshot.names.find((n) => n.name.toLowerCase() === r.toLowerCase());
    if (named) {
      const area = safeArea(named.refersTo);
      if (area) return area;
    }
  }
  return undefined;
}

function safeArea(refersTo: string): { sheet: string; address: string } | undefined {
  const r = parseRef(refersTo);
  return r?.sheet ? { sheet: r.sheet, address: toA1(r.area.start) } : undefined;
}
