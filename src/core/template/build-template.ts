/**
 * The bureau template, laid out as data. Every cell the add-in reads or writes carries its contract
 * name (../shared/contract.md); table headers come from the schema (schema/fields.ts) so that the
 * template and the mapping can never disagree on a label.
 */
import { indexToCol, quoteSheet, toA1 } from "../model/address";
import { TABLES, tableDef as schemaTable, type ScalarFieldId, type TableDef, type TableId } from "../schema/fields";

/** A table as the template lays it out: without the columns only the bureaus' own forms carry. */
function tableDef(id: TableId): TableDef {
  const def = schemaTable(id);
  return { ...def, columns: def.columns.filter((c) => !c.formOnly) };
}
import { NATIONAL } from "../scoring/profiles";
import { PROFILES } from "../scoring/profiles";
import type { ScoringProfile } from "../scoring/types";
import type { CellRole, TemplateCell, TemplateKind, TemplateName, TemplatePalette, TemplateSheet, TemplateValidation, WorkbookTemplate } from "./types";

/** Number format of every money cell. */
export const MONEY_FORMAT = "#,##0.00";
/** Number format of every rate cell. */
export const RATE_FORMAT = "0.00%";
/** Number format of scores and weights. */
export const SCORE_FORMAT = "0.00";

/** Light yellow for what the clerk types, grey for what formulas compute. */
export const TEMPLATE_PALETTE: TemplatePalette = { input: "#FFF2CC", computed: "#E7E6E6", header: "#DDEBF7" };

/** The sheet names of the template. */
export const SHEET_NAMES = {
  basic: "基本情况",
  finance: "收支情况",
  evaluation: "绩效自评",
  text: "文字说明",
  guide: "填表说明",
} as const;

/** 指标方向 choices (contract: ≥, ≤, = or 定性). */
export const DIRECTIONS: readonly string[] = ["≥", "≤", "=", "定性"];

/** The organisations of the four money tables: the summary row first (its name contains 汇总). */
export const ORG_ROWS: readonly string[] = ["局机关及二级机构汇总", "局机关", "二级机构1", "二级机构2", "二级机构3"];

/**
 * The 二级指标 under each 一级 group of the national layout (domain.md §2), and how many blank
 * 三级 rows each gets. 产出 groups get five rows because real reports list up to five per group.
 */
export const INDICATOR_GROUPS: readonly { readonly level1: string; readonly group: string; readonly level2: readonly string[]; readonly rows: number }[] = [
  { level1: "产出指标", group: "产出", level2: ["数量指标", "质量指标", "时效指标", "成本指标"], rows: 5 },
  { level1: "效益指标", group: "效益", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"], rows: 3 },
  { level1: "满意度指标", group: "满意度", level2: ["服务对象满意度指标"], rows: 3 },
];

/** Options of {@link buildTemplate}. */
export interface TemplateOptions {
  /** @default "dept" */
  readonly kind?: TemplateKind;
  /** The profile that pre-fills the groups, weights and grade bands. @default NATIONAL */
  readonly profile?: ScoringProfile;
}

/** Accumulates one sheet's cells. */
class SheetDraft {
  readonly cells = new Map<string, TemplateCell>();
  readonly merges: string[] = [];
  readonly validations: TemplateValidation[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(
    readonly name: string,
    readonly columnWidths: readonly number[],
  ) {}

  put(row: number, col: number, role: CellRole, extra: Omit<TemplateCell, "address" | "role"> = {}): string {
    const address = toA1({ row, col });
    this.cells.set(address, { address, role, ...extra });
    return address;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push(`${toA1({ row: r1, col: c1 })}:${toA1({ row: r2, col: c2 })}`);
  }

  /** An absolute reference on this sheet, for a defined name. */
  ref(r1: number, c1: number, r2 = r1, c2 = c1): string {
    const a = `$${indexToCol(c1)}$${r1}`;
    const b = `$${indexToCol(c2)}$${r2}`;
    return `${quoteSheet(this.name)}!${a === b ? a : `${a}:${b}`}`;
  }

  done(): TemplateSheet {
    const cells = [...this.cells.values()].sort((x, y) => rowOf(x.address) - rowOf(y.address) || x.address.localeCompare(y.address));
    return { name: this.name, cells, merges: this.merges, validations: this.validations, columnWidths: this.columnWidths, rowHeights: this.rowHeights };
  }
}

function rowOf(address: string): number {
  return Number(/\d+$/.exec(address)?.[0] ?? 0);
}

import { RULES_SHEET } from "../audit/rules";
import { templateRuleRows } from "../audit/template-rules";

const a1 = (row: number, col: number): string => toA1({ row, col });

/**
 * Lay out the bureau template.
 * @param options - kind (`dept` has the 收支 tables, `project` does not) and profile
 * @returns the template as data, ready for a writer or {@link templateSnapshot}
 * @example
 *   const t = buildTemplate({ kind: "dept" });
 *   t.names.find((n) => n.name === "jx_exec_rate")?.refersTo; // "绩效自评!$D$4"
 */
export function buildTemplate(options: TemplateOptions = {}): WorkbookTemplate {
  const kind = options.kind ?? "dept";
  const profile = options.profile ?? NATIONAL;
  const names: TemplateName[] = [];
  const name = (id: ScalarFieldId | TableId, refersTo: string): void => void names.push({ name: id, refersTo });

  const sheets: TemplateSheet[] = [basicSheet(kind, profile, name)];
  if (kind === "dept") sheets.push(financeSheet(name));
  sheets.push(evaluationSheet(kind, profile, name), textSheet(name), guideSheet(kind, profile), rulesSheet());
  names.sort((x, y) => x.name.localeCompare(y.name));
  return { kind, profileId: profile.id, sheets, names, palette: TEMPLATE_PALETTE };
}

type NameSink = (id: ScalarFieldId | TableId, refersTo: string) => void;

function basicSheet(kind: TemplateKind, profile: ScoringProfile, name: NameSink): TemplateSheet {
  const s = new SheetDraft(SHEET_NAMES.basic, [18, 36, 30]);
  const title = kind === "dept" ? "部门（单位）整体支出绩效自评表" : "项目支出绩效自评表";
  s.put(1, 1, "title", { value: title });
  s.merge(1, 1, 1, 3);
  s.rowHeights[1] = 28;
  s.put(2, 1, "note", { value: "黄色单元格由填报人填写，灰色单元格由公式或绩效自评助手计算，请勿改动。详见「填表说明」。", wrap: true });
  s.merge(2, 1, 2, 3);
  s.rowHeights[2] = 30;
  const rows: { id: ScalarFieldId; label: string; value?: string | number; numberFormat?: string; list?: readonly string[]; hint?: string }[] = [
    { id: "jx_report_year", label: "评价年度", numberFormat: "0", hint: "四位年份，如 2024" },
    { id: "jx_unit_name", label: kind === "dept" ? "部门（单位）名称" : "主管部门（单位）名称", hint: "全称" },
    { id: "jx_report_kind", label: "评价类型", value: kind === "dept" ? "部门整体支出" : "项目支出", list: ["部门整体支出", "项目支出"] },
    { id: "jx_report_date", label: "报告日期", numberFormat: "yyyy\"年\"m\"月\"d\"日\"", hint: "如 2025年3月31日" },
    { id: "jx_contact_name", label: "联系人" },
    { id: "jx_contact_phone", label: "联系电话", numberFormat: "@" },
    { id: "jx_staff_quota", label: "人员编制", numberFormat: "0", hint: "人" },
    { id: "jx_staff_actual", label: "实有人数", numberFormat: "0", hint: "人" },
    { id: "jx_money_unit", label: "金额单位", value: "万元", list: ["万元", "元"], hint: "全表金额统一使用此单位" },
    { id: "jx_profile", label: "评分规则", value: profile.id, list: Object.keys(PROFILES), hint: profile.name },
  ];
  rows.forEach((r, i) => {
    const row = 3 + i;
    s.put(row, 1, "label", { value: r.label });
    s.put(row, 2, "input", { value: r.value, numberFormat: r.numberFormat });
    if (r.hint) s.put(row, 3, "note", { value: r.hint });
    if (r.list) s.validations.push({ range: a1(row, 2), list: r.list });
    name(r.id, s.ref(row, 2));
  });
  return s.done();
}

/** Column letter of a table column by key. */
function colOf(def: TableDef, key: string, firstCol = 1): number {
  const i = def.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${def.id} has no column ${key}`);
  return firstCol + i;
}

function financeSheet(name: NameSink): TemplateSheet {
  const s = new SheetDraft(SHEET_NAMES.finance, [24, 14, 14, 14, 14, 16, 14, 14]);
  s.put(1, 1, "title", { value: "部门（单位）收支情况" });
  s.merge(1, 1, 1, 8);
  s.rowHeights[1] = 26;
  let row = 3;
  const sections: { id: TableId; title: string }[] = [
    { id: "jx_income", title: "（一）年度收入情况" },
    { id: "jx_expense", title: "（二）年度支出和结余情况" },
    { id: "jx_sangong", title: "（三）“三公”经费" },
    { id: "jx_assets", title: "（四）固定资产" },
  ];
  for (const sec of sections) {
    const def = tableDef(sec.id);
    s.put(row, 1, "section", { value: sec.title });
    s.put(row, 2, "note", { value: "金额单位见「基本情况」" });
    const header = row + 1;
    def.columns.forEach((c, i) => s.put(header, 1 + i, "header", { value: c.label, wrap: true }));
    s.rowHeights[header] = 30;
    const first = header + 1;
    const last = first + ORG_ROWS.length - 1;
    ORG_ROWS.forEach((org, k) => {
      const r = first + k;
      s.put(r, 1, k === 0 ? "label" : "input", { value: org });
      def.columns.forEach((c, i) => {
        if (i === 0) return;
        const col = 1 + i;
        if (k === 0) {
          // The summary row adds up the organisations below it, so that 汇总 = Σ机构 holds by construction.
          const range = `${a1(first + 1, col)}:${a1(last, col)}`;
          s.put(r, col, "computed", { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, numberFormat: MONEY_FORMAT });
          return;
        }
        const rel = def.relations.find((x) => x.total === c.key);
        if (rel) {
          const parts = rel.parts.map((p) => a1(r, colOf(def, p)));
          s.put(r, col, "computed", { formula: `IF(COUNT(${parts.join(",")})=0,"",SUM(${parts.join(",")}))`, numberFormat: MONEY_FORMAT });
        } else {
          s.put(r, col, "input", { numberFormat: MONEY_FORMAT });
        }
      });
    });
    name(sec.id, s.ref(header, 1, last, def.columns.length));
    row = last + 2;
  }

  // Projects of the department: 结转结余 and 执行率 follow from 预算数 and 执行数.
  const def = tableDef("jx_projects");
  s.put(row, 1, "section", { value: "（五）项目支出明细" });
  const header = row + 1;
  def.columns.forEach((c, i) => s.put(header, 1 + i, "header", { value: c.label, wrap: true }));
  const first = header + 1;
  const last = first + 4;
  const cBudget = colOf(def, "budget");
  const cExec = colOf(def, "executed");
  for (let r = first; r <= last; r++) {
    s.put(r, 1, "input");
    s.put(r, 2, "input", { numberFormat: "@" });
    s.put(r, cBudget, "input", { numberFormat: MONEY_FORMAT });
    s.put(r, cExec, "input", { numberFormat: MONEY_FORMAT });
    const b = a1(r, cBudget);
    const e = a1(r, cExec);
    s.put(r, colOf(def, "carryover"), "computed", { formula: `IF(COUNT(${b},${e})=0,"",N(${b})-N(${e}))`, numberFormat: MONEY_FORMAT });
    s.put(r, colOf(def, "rate"), "computed", { formula: `IF(N(${b})=0,"",N(${e})/${b})`, numberFormat: RATE_FORMAT });
  }
  name("jx_projects", s.ref(header, 1, last, def.columns.length));
  return s.done();
}

/** Where the evaluation sheet put things, for the formulas that refer across blocks. */
interface IndicatorLayout {
  readonly first: number;
  readonly last: number;
  readonly groups: readonly { readonly level1: string; readonly first: number; readonly last: number }[];
}

function evaluationSheet(kind: TemplateKind, profile: ScoringProfile, name: NameSink): TemplateSheet {
  const s = new SheetDraft(SHEET_NAMES.evaluation, [14, 16, 28, 10, 14, 14, 10, 10, 36]);
  s.put(1, 1, "title", { value: kind === "dept" ? "部门（单位）整体支出绩效自评表" : "项目支出绩效自评表" });
  s.merge(1, 1, 1, 9);
  s.rowHeights[1] = 26;

  // 一、预算执行情况: one row of six cells, the names sit on the values.
  s.put(2, 1, "section", { value: "一、预算执行情况（金额单位见「基本情况」）" });
  const execHeaders = ["年初预算数", "全年预算数", "全年执行数", "预算执行率", "预算执行率分值", "预算执行率得分"];
  execHeaders.forEach((h, i) => s.put(3, 1 + i, "header", { value: h, wrap: true }));
  s.rowHeights[3] = 30;
  const r = 4;
  name("jx_budget_initial", s.ref(r, 1));
  name("jx_budget_adjusted", s.ref(r, 2));
  name("jx_executed", s.ref(r, 3));
  name("jx_exec_rate", s.ref(r, 4));
  name("jx_exec_weight", s.ref(r, 5));
  name("jx_exec_score", s.ref(r, 6));
  s.put(r, 1, "input", { numberFormat: MONEY_FORMAT });
  s.put(r, 2, "input", { numberFormat: MONEY_FORMAT });
  s.put(r, 3, "input", { numberFormat: MONEY_FORMAT });
  s.put(r, 4, "computed", { formula: `IF(N(B${r})=0,"",N(C${r})/B${r})`, numberFormat: RATE_FORMAT });
  s.put(r, 5, "input", { value: profile.execWeight, numberFormat: SCORE_FORMAT });
  // 得分 = 执行率 × 分值, capped at the 分值 (domain.md §1: the platform does not cap, we must).
  s.put(r, 6, "computed", { formula: `IF(D${r}="","",ROUND(MIN(D${r},1)*N(E${r}),${profile.scoreDecimals}))`, numberFormat: SCORE_FORMAT });

  // 二、绩效指标.
  s.put(6, 1, "section", { value: "二、绩效指标" });
  const table = tableDef("jx_indicators");
  const header = 7;
  table.columns.forEach((c, i) => s.put(header, 1 + i, "header", { value: c.label, wrap: true }));
  s.rowHeights[header] = 30;
  const layout = indicatorRows(s, profile, header + 1);
  name("jx_indicators", s.ref(header, 1, layout.last, table.columns.length));
  s.validations.push({ range: `D${layout.first}:D${layout.last}`, list: DIRECTIONS, prompt: "≥ 越大越好，≤ 越小越好，= 等于，定性 按达成程度" });

  // 三、得分汇总: one row per 一级 group plus 预算执行率.
  const sumTitle = layout.last + 2;
  s.put(sumTitle, 1, "section", { value: "三、得分汇总" });
  const sumHeader = sumTitle + 1;
  ["一级指标", "分值", "得分"].forEach((h, i) => s.put(sumHeader, 1 + i, "header", { value: h }));
  s.put(sumHeader + 1, 1, "label", { value: "预算执行率" });
  s.put(sumHeader + 1, 2, "computed", { formula: `IF(E${r}="","",E${r})`, numberFormat: SCORE_FORMAT });
  s.put(sumHeader + 1, 3, "computed", { formula: `IF(F${r}="","",F${r})`, numberFormat: SCORE_FORMAT });
  layout.groups.forEach((g, i) => {
    const row = sumHeader + 2 + i;
    const w = `G${g.first}:G${g.last}`;
    const sc = `H${g.first}:H${g.last}`;
    s.put(row, 1, "label", { value: g.level1 });
    s.put(row, 2, "computed", { formula: `IF(COUNT(${w})=0,"",SUM(${w}))`, numberFormat: SCORE_FORMAT });
    s.put(row, 3, "computed", { formula: `IF(COUNT(${sc})=0,"",SUM(${sc}))`, numberFormat: SCORE_FORMAT });
  });
  const sumLast = sumHeader + 1 + layout.groups.length;
  name("jx_score_summary", s.ref(sumHeader, 1, sumLast, 3));

  // 综合得分 and 等次, outside the summary table so that a total row is never mistaken for a group.
  const totalRow = sumLast + 2;
  const scores = `H${layout.first}:H${layout.last}`;
  s.put(totalRow, 1, "label", { value: "绩效自评综合得分" });
  s.put(totalRow, 2, "computed", {
    formula: `IF(COUNT(F${r},${scores})=0,"",ROUND(N(F${r})+SUM(${scores}),${profile.scoreDecimals}))`,
    numberFormat: SCORE_FORMAT,
  });
  name("jx_score_total", s.ref(totalRow, 2));
  s.put(totalRow + 1, 1, "label", { value: "评价等次" });
  s.put(totalRow + 1, 2, "computed", { formula: gradeFormula(`B${totalRow}`, profile) });
  s.validations.push({ range: a1(totalRow + 1, 2), list: profile.grades.map((g) => g.grade) });
  name("jx_grade", s.ref(totalRow + 1, 2));
  s.put(totalRow + 1, 3, "note", { value: bandsText(profile) });
  s.merge(totalRow + 1, 3, totalRow + 1, 9);
  return s.done();
}

/** Blank 三级 rows under pre-filled 一级/二级 labels, each label merged over its rows. */
function indicatorRows(s: SheetDraft, profile: ScoringProfile, first: number): IndicatorLayout {
  let row = first;
  const groups: { level1: string; first: number; last: number }[] = [];
  for (const g of INDICATOR_GROUPS) {
    // Keep the groups the profile weighs; a profile may weigh several together (湖北: 效益和满意度).
    const weighted = profile.groups.some((p) => p.group === g.group || p.matches.includes(g.level1));
    if (!weighted) continue;
    const gFirst = row;
    for (const level2 of g.level2) {
      const l2First = row;
      for (let k = 0; k < g.rows; k++, row++) {
        if (k === 0) s.put(row, 2, "label", { value: level2, wrap: true });
        s.put(row, 3, "input", { wrap: true });
        s.put(row, 4, "input");
        s.put(row, 5, "input");
        s.put(row, 6, "input");
        s.put(row, 7, "input", { numberFormat: SCORE_FORMAT });
        s.put(row, 8, "input", { numberFormat: SCORE_FORMAT });
        s.put(row, 9, "input", { wrap: true });
      }
      s.merge(l2First, 2, row - 1, 2);
    }
    s.put(gFirst, 1, "label", { value: g.level1, wrap: true });
    s.merge(gFirst, 1, row - 1, 1);
    groups.push({ level1: g.level1, first: gFirst, last: row - 1 });
  }
  return { first, last: row - 1, groups };
}

/** The grade as a nested IF over the profile's bands, highest first. */
function gradeFormula(total: string, profile: ScoringProfile): string {
  const bands = [...profile.grades].sort((x, y) => y.min - x.min);
  let f = `"${bands[bands.length - 1].grade}"`;
  for (let i = bands.length - 2; i >= 0; i--) f = `IF(${total}>=${bands[i].min},"${bands[i].grade}",${f})`;
  return `IF(${total}="","",${f})`;
}

function bandsText(profile: ScoringProfile): string {
  const bands = [...profile.grades].sort((x, y) => y.min - x.min);
  return bands.map((b, i) => (i === 0 ? `${b.min}分（含）以上为“${b.grade}”` : i === bands.length - 1 ? `${bands[i - 1].min}分以下为“${b.grade}”` : `${b.min}（含）—${bands[i - 1].min}分为“${b.grade}”`)).join("，");
}

function textSheet(name: NameSink): TemplateSheet {
  const s = new SheetDraft(SHEET_NAMES.text, [20, 76]);
  s.put(1, 1, "title", { value: "文字说明" });
  s.merge(1, 1, 1, 2);
  const rows: { id: ScalarFieldId; label: string }[] = [
    { id: "jx_duties", label: "职能职责概述" },
    { id: "jx_tasks", label: "年度主要工作任务" },
    { id: "jx_achievements", label: "总体运行情况及取得的成绩" },
    { id: "jx_problems", label: "存在的主要问题" },
    { id: "jx_measures", label: "改进措施和有关建议" },
  ];
  rows.forEach((x, i) => {
    const row = 2 + i;
    s.put(row, 1, "label", { value: x.label, wrap: true });
    s.put(row, 2, "input", { wrap: true });
    s.rowHeights[row] = 120;
    name(x.id, s.ref(row, 2));
  });
  return s.done();
}

function guideSheet(kind: TemplateKind, profile: ScoringProfile): TemplateSheet {
  const s = new SheetDraft(SHEET_NAMES.guide, [8, 88]);
  s.put(1, 1, "title", { value: "填表说明" });
  s.merge(1, 1, 1, 2);
  s.put(2, 1, "section", { value: "图例" });
  s.put(3, 1, "input", { value: "示例" });
  s.put(3, 2, "label", { value: "黄色：填报人填写的单元格。" });
  s.put(4, 1, "computed", { value: "示例" });
  s.put(4, 2, "label", { value: "灰色：由公式自动计算（或由绩效自评助手写入），请勿手工改动。" });
  s.put(5, 1, "header", { value: "示例" });
  s.put(5, 2, "label", { value: "蓝色：表头。请勿修改表头文字，绩效自评助手按表头识别各列。" });
  const groupWeights = profile.groups.map((g) => `${g.group}${g.weight}分`).join("、");
  const lines = [
    "1. 先填「基本情况」：评价年度、单位名称、报告日期、联系人、人员编制和实有人数；金额单位默认为万元，全表金额须统一使用该单位。",
    kind === "dept"
      ? "2. 「收支情况」四张表按机构逐行填写（局机关、各二级机构；无二级机构的行留空），“汇总”行和各“合计”列由公式计算。如二级机构多于三个，请在“二级机构3”行之上插入整行，公式和名称会随之扩展。"
      : "2. 项目支出自评无需填写收支情况表，请直接填写「绩效自评」。",
    "3. 「绩效自评」一、预算执行情况：全年预算数为调整后预算数；执行率和得分自动计算，得分不超过分值。执行率低于90%时，请在「文字说明」中说明原因。",
    `4. 绩效指标：在各二级指标下逐行填写三级指标、指标方向（≥、≤、=、定性，下拉选择）、年度指标值、实际完成值、分值和得分。分值合计应为 ${profile.totalPoints} 分（预算执行率 ${profile.execWeight} 分，${groupWeights}），得分不得超过分值。行数不够时请在组内插入整行。`,
    "5. 定性指标的完成值填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”，得分分别在分值的100%—80%、80%—60%、60%—0%之间。",
    `6. 综合得分和评价等次自动计算：${bandsText(profile)}。`,
    "7. 「文字说明」各栏为报告正文所需内容，其中的数字应与表格一致。",
    "8. 表中带名称（jx_ 开头）的单元格是绩效自评助手读取和写入的位置；移动或插入行列时名称会随之移动，请勿删除名称或整表复制粘贴到新文件。",
    "9. 在 Excel 或 WPS 中打开「绩效自评」任务窗格，点击“检查”即可查看问题清单；也可用命令行 jixiao check 检查本文件。",
  ];
  s.put(7, 1, "section", { value: "填写步骤" });
  lines.forEach((text, i) => {
    s.put(8 + i, 2, "label", { value: text, wrap: true });
    // About 42 CJK characters fit on a line of the 88-wide column; one line is about 16 points.
    s.rowHeights[8 + i] = Math.ceil(text.length / 42) * 16 + 4;
  });
  return s.done();
}

/** The hidden jx_rules sheet: the bureau's 审核公式 (src/core/audit/template-rules.ts). */
function rulesSheet(): TemplateSheet {
  const s = new SheetDraft(RULES_SHEET, [8, 8, 40, 80, 16]);
  templateRuleRows().forEach((row, i) =>
    row.forEach((value, c) => {
      if (value !== "") s.put(i + 1, c + 1, i === 0 ? "header" : "label", { value, wrap: c === 3 });
    }),
  );
  return { ...s.done(), hidden: true };
}

/** The names of every table the template carries, for quick checks. */
export function templateTables(template: WorkbookTemplate): readonly TableId[] {
  return TABLES.map((t) => t.id).filter((id) => template.names.some((n) => n.name === id));
}
