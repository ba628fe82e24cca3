/**
 * 审核公式 as data: a bureau's own audit rules, written as Excel formulas in a hidden sheet `jx_rules` of its
 * template or in a rule file (`jixiao check --rules 审核公式.xlsx|.csv`). Each row: 编号, 级别 (强制/提示),
 * 说明, 公式, 标记单元格. A rule holds when its formula gives TRUE. A 强制 rule that fails is an error (the pane
 * does not say 可以导出); a 提示 rule that fails is a warning, which the clerk may ignore with a reason (the
 * 出错说明, kept in jx_ignore). A rule that cannot run (bad syntax, unknown function or name, a result that is
 * not TRUE/FALSE, a missing column) is one finding naming the rule, never a crash. A rule naming a schema
 * field or table the workbook does not have (`jx_staff_quota` in a 项目支出 report) does not apply.
 *
 * Each bureau rule becomes an engine rule with id `bureau/<编号>`, so findings, presets and ignores treat it
 * like any built-in rule.
 */
import type { CellRef, CellValue, WorkbookSnapshot } from "../model/snapshot";
import type { ReportModel } from "../model/report-model";
import { parseRef, quoteSheet, toA1 } from "../model/address";
import { normalizeLabel, SCALAR_FIELDS } from "../schema/fields";
import { defineRule, type Rule, type Severity } from "../engine/types";
import { evaluate, evaluateNode, firstCell, FormulaSyntaxError, MissingField, parse, showValue, XlError, type Value } from "./formula";

/** The sheet of the template (and of a rule workbook) holding the rules. */
export const RULES_SHEET = "jx_rules";
/** Its header row. */
export const RULES_HEADER = ["编号", "级别", "说明", "公式", "标记单元格"] as const;

/** 强制 (blocks submission) or 提示 (needs an explanation). */
export type RuleLevel = "强制" | "提示";

/** One bureau rule as written. */
export interface BureauRule {
  readonly id: string;
  /** Undefined when the 级别 cell is not one of 强制/提示 (the rule is then reported as malformed). */
  readonly level?: RuleLevel;
  readonly levelText: string;
  readonly description: string;
  readonly formula: string;
  /** `自评表!D8`, a name (`jx_staff_actual`), or empty (the formula's first reference). */
  readonly mark: string;
  /** Where the rule was written: `jx_rules!D5` or `审核公式.csv 第 5 行`. */
  readonly origin: string;
  /** The row's cell in this workbook's jx_rules sheet, when the rule lives there. */
  readonly at?: { readonly sheet: string; readonly address: string };
}

const LEVELS: Readonly<Record<string, RuleLevel>> = {
  强制: "强制",
  强制性: "强制",
  强制性审核: "强制",
  "0": "强制",
  error: "强制",
  提示: "提示",
  提示性: "提示",
  提示性审核: "提示",
  "1": "提示",
  warning: "提示",
};

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Read rule rows: the first row whose cells include 编号 and 公式 is the header; columns by header label.
 * @param rows - the sheet's or the CSV's rows
 * @param origin - how a row is named in messages: `(row) => "jx_rules!A5"`
 * @returns the rules, or a sentence saying why the rows are not a rule table
 */
export function readRuleRows(
  rows: readonly (readonly CellValue[])[],
  origin: (row: number) => string,
  at?: (row: number) => { sheet: string; address: string },
): { rules: BureauRule[] } | { problem: string } {
  const headerIndex = rows.findIndex((r) => r.some((c) => normalizeLabel(text(c)) === "编号") && r.some((c) => normalizeLabel(text(c)) === "公式"));
  if (headerIndex < 0) return { problem: `找不到表头（须有 ${RULES_HEADER.join("、")} 列）` };
  const header = rows[headerIndex].map((c) => normalizeLabel(text(c)).replace(/^\uFEFF/, ""));
  const col = (label: string, ...aliases: string[]): number => header.findIndex((h) => h === label || aliases.includes(h));
  const cId = col("编号", "规则编号");
  const cLevel = col("级别", "审核级别", "类型");
  const cDesc = col("说明", "审核说明", "描述");
  const cFormula = col("公式", "审核公式");
  const cMark = col("标记单元格", "标记", "单元格");
  const rules: BureauRule[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i];
    const get = (c: number): string => (c >= 0 ? text(r[c]) : "");
    const id = get(cId);
    const formula = get(cFormula);
    if (!id && !formula) continue;
    const levelText = get(cLevel);
    rules.push({
      id: id || `第${i + 1}行`,
      level: LEVELS[levelText] ?? (levelText === "" ? "强制" : undefined),
      levelText,
      description: get(cDesc),
      formula,
      mark: get(cMark),
      origin: origin(i + 1),
      ...(at ? { at: at(i + 1) } : {}),
    });
  }
  return { rules };
}

/** The rules of a workbook's own jx_rules sheet (none when it has no such sheet). */
export function rulesFromSnapshot(snapshot: WorkbookSnapshot, sheetName: string = RULES_SHEET): { rules: BureauRule[] } | { problem: string } {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) return { rules: [] };
  let maxRow = 0;
  let maxCol = 0;
  for (const a of Object.keys(sheet.cells)) {
    const p = parseRef(a)?.area.start;
    if (p) {
      maxRow = Math.max(maxRow, p.row);
      maxCol = Math.max(maxCol, p.col);
    }
  }
  const rows: CellValue[][] = [];
  for (let r = 1; r <= maxRow; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= maxCol; c++) {
      // A rule typed with its `=` became a live formula in Excel/WPS: the formula text is the rule.
      const cell = sheet.cells[toA1({ row: r, col: c })];
      row.push(cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? null));
    }
    rows.push(row);
  }
  return readRuleRows(
    rows,
    (row) => `${quoteSheet(sheet.name)}!A${row}`,
    (row) => ({ sheet: sheet.name, address: `A${row}` }),
  );
}

const MESSAGES = {
  failed: "审核公式 {{id}} 不成立：{{description}}（{{formula}}{{detail}}）",
  malformed: "审核公式 {{id}} 无法执行：{{why}}（{{origin}}：{{formula}}）",
  cannotEvaluate: "审核公式 {{id}} 计算出错：{{why}}（{{formula}}）",
} as const;

/** Where a rule's finding goes: its 标记单元格, else the formula's first cell, else the rule's own row. */
function markCell(rule: BureauRule, model: ReportModel): { sheet: string; address: string } | undefined {
  if (rule.mark) {
    const field = SCALAR_FIELDS.find((f) => f.id === rule.mark.toLowerCase());
    if (field) return model.scalars[field.id]?.ref;
    const named = model.snapshot.names.find((n) => n.name.toLowerCase() === rule.mark.toLowerCase());
    const ref = parseRef(named ? named.refersTo : rule.mark);
    if (ref?.sheet) return { sheet: ref.sheet, address: toA1(ref.area.start) };
  }
  try {
    return firstCell(rule.formula, { model }) ?? rule.at;
  } catch {
    return rule.at;
  }
}

function asNumber(v: Value): string | number {
  return typeof v === "number" ? Math.round(v * 1e6) / 1e6 : showValue(v);
}

/** What a failing comparison shows: 实为 the left side, 应为 the operator and the right side. */
function sides(formula: string, model: ReportModel, sheet: string | undefined): { expected?: string | number; actual?: string | number; detail: string } {
  let root = parse(formula) as { type: string; operator?: string; arguments?: unknown[]; callee?: { name: string } };
  // =IFERROR(a<=b, TRUE): the comparison inside is what failed.
  while (root.type === "CallExpression" && /^IFERROR$/i.test(root.callee?.name ?? "") && root.arguments?.[0]) root = root.arguments[0] as typeof root;
  if (root.type !== "BinaryExpression" || !["=", "<>", "<", ">", "<=", ">="].includes(root.operator ?? "")) return { detail: " 的结果为 FALSE" };
  const scope = { model, sheet };
  const left = evaluateNode(root.arguments![0] as never, scope);
  const right = evaluateNode(root.arguments![1] as never, scope);
  return {
    actual: asNumber(left),
    expected: typeof right === "number" && root.operator === "=" ? asNumber(right) : `${root.operator}${showValue(right)}`,
    detail: `：左边为 ${showValue(left)}，右边为 ${showValue(right)}`,
  };
}

/** The severity a bureau rule's findings get. Under the strict preset a 提示 is an error too. */
export function severityOf(rule: BureauRule, strict: boolean): Severity {
  return rule.level === "提示" && !strict ? "warning" : "error";
}

/** One engine rule for one bureau rule. */
export function toEngineRule(rule: BureauRule): Rule<keyof typeof MESSAGES> {
  return defineRule({
    id: `bureau/${rule.id}`,
    meta: {
      type: "problem",
      docs: { description: rule.description || `审核公式 ${rule.id}`, recommended: true },
      messages: MESSAGES,
    },
    create(context) {
      return {
        workbook() {
          const where = markCell(rule, context.model) ?? { sheet: context.snapshot.sheets[0]?.name ?? RULES_SHEET, address: "A1" };
          const base = { id: rule.id, formula: rule.formula.startsWith("=") ? rule.formula : `=${rule.formula}`, origin: rule.origin };
          const malformed = (why: string): void => context.report({ at: where, messageId: "malformed", data: { ...base, why } });
          if (!rule.formula) return malformed("没有写公式");
          if (rule.level === undefined) return malformed(`级别“${rule.levelText}”应为 强制 或 提示`);
          let value: Value;
          const cited: CellRef[] = [];
          try {
            value = evaluate(rule.formula, { model: context.model, sheet: where.sheet, cited });
          } catch (err) {
            if (err instanceof MissingField) return; // the workbook has no such part: the rule does not apply
            if (err instanceof FormulaSyntaxError) return malformed(`公式写法有误（${err.message}）`);
            throw err;
          }
          const v = Array.isArray(value) ? (value.length === 1 && value[0].length === 1 ? value[0][0] : value) : value;
          if (v instanceof XlError) {
            if (v.code === "#NAME?" || v.code === "#REF!") return malformed(`${v.code} ${v.why}`.trim());
            return context.report({ at: where, messageId: "cannotEvaluate", data: { ...base, why: `${v.code}${v.why ? ` ${v.why}` : ""}` } });
          }
          if (typeof v !== "boolean") return malformed(`公式应得出 TRUE 或 FALSE，实得 ${showValue(v as Value)}`);
          if (v) return;
          const s = sides(rule.formula, context.model, where.sheet);
          // A rule on what the prose states, without a mark cell, is marked at the sentence.
          context.report({
            at: !rule.mark && cited.length ? cited[0] : where,
            messageId: "failed",
            data: { ...base, description: rule.description || "（未写说明）", detail: s.detail },
            ...(s.expected !== undefined ? { expected: s.expected } : {}),
            ...(s.actual !== undefined ? { actual: s.actual } : {}),
          });
        },
      };
    },
  });
}

/** The outcome of one rule on one workbook (what `jixiao rules test` prints). */
export interface RuleTrial {
  readonly rule: BureauRule;
  readonly result: "成立" | "不成立" | "不适用" | "无法执行" | "计算出错";
  readonly value: string;
  readonly why?: string;
}

/** Evaluate each rule on a mapped workbook and say what came out. */
export function tryRules(rules: readonly BureauRule[], model: ReportModel): RuleTrial[] {
  return rules.map((rule): RuleTrial => {
    if (!rule.formula) return { rule, result: "无法执行", value: "", why: "没有写公式" };
    if (rule.level === undefined) return { rule, result: "无法执行", value: "", why: `级别“${rule.levelText}”应为 强制 或 提示` };
    const where = markCell(rule, model);
    try {
      const v = evaluate(rule.formula, { model, sheet: where?.sheet });
      const one = Array.isArray(v) && v.length === 1 && v[0].length === 1 ? v[0][0] : v;
      if (one instanceof XlError) return { rule, result: one.code === "#NAME?" || one.code === "#REF!" ? "无法执行" : "计算出错", value: one.code, why: one.why };
      if (typeof one !== "boolean") return { rule, result: "无法执行", value: showValue(one as Value), why: "公式应得出 TRUE 或 FALSE" };
      return { rule, result: one ? "成立" : "不成立", value: one ? "TRUE" : "FALSE", ...(one ? {} : { why: sides(rule.formula, model, where?.sheet).detail.replace(/^：/, "") }) };
    } catch (err) {
      if (err instanceof MissingField) return { rule, result: "不适用", value: "", why: `工作簿中没有 ${err.field}` };
      if (err instanceof FormulaSyntaxError) return { rule, result: "无法执行", value: "", why: `公式写法有误（${err.message}）` };
      throw err;
    }
  });
}

/**
 * The engine rules and severities of a workbook's bureau rules: its own jx_rules sheet plus `extra` (a rule
 * file), the file's rule winning over the sheet's of the same 编号. A jx_rules sheet without a header is one
 * finding at its A1.
 */
export function bureauRuleSet(model: ReportModel, extra: readonly BureauRule[] = [], strict = false): { rules: Rule[]; severities: Record<string, Severity> } {
  const own = rulesFromSnapshot(model.snapshot);
  const fileIds = new Set(extra.map((r) => r.id));
  const all = [...("rules" in own ? own.rules.filter((r) => !fileIds.has(r.id)) : []), ...extra];
  const rules: Rule[] = all.map(toEngineRule);
  const severities: Record<string, Severity> = Object.fromEntries(all.map((r) => [`bureau/${r.id}`, severityOf(r, strict)]));
  if ("problem" in own) {
    const sheet = model.snapshot.sheets.find((s) => s.name.toLowerCase() === RULES_SHEET)!.name;
    const problem = own.problem;
    rules.push(
      defineRule({
        id: "bureau/jx_rules",
        meta: { type: "problem", docs: { description: "jx_rules 工作表的格式", recommended: true }, messages: { noHeader: "审核公式表 {{sheet}} 无法读取：{{why}}" } },
        create: (context) => ({ workbook: () => context.report({ at: { sheet, address: "A1" }, messageId: "noHeader", data: { sheet, why: problem } }) }),
      }),
    );
    severities["bureau/jx_rules"] = "error";
  }
  return { rules, severities };
}
