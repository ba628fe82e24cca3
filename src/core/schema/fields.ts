/**
 * The self-evaluation schema: every scalar field and table of ../shared/contract.md, with the labels
 * and aliases a clerk's own sheet may use. The defined name is the field id.
 */

/** How a scalar's value is read. */
export type FieldKind = "year" | "text" | "date" | "integer" | "money" | "rate" | "number" | "narrative";

/** A scalar field of the contract (one cell). */
export interface ScalarFieldDef {
  /** The defined name, `jx_…`. */
  readonly id: ScalarFieldId;
  readonly label: string;
  readonly kind: FieldKind;
  /** Labels that name this field in a clerk's sheet (auto-map), besides `label`. */
  readonly aliases: readonly string[];
  /** Written by the add-in (fill), not typed by the clerk. */
  readonly computed?: boolean;
  /** Read from the bureaus' own forms (docs/contract.md); the add-in's template does not lay it out. */
  readonly formOnly?: boolean;
}

/** Every scalar field id of the contract. */
export type ScalarFieldId =
  | "jx_report_year"
  | "jx_unit_name"
  | "jx_report_kind"
  | "jx_report_date"
  | "jx_contact_name"
  | "jx_contact_phone"
  | "jx_staff_quota"
  | "jx_staff_actual"
  | "jx_money_unit"
  | "jx_profile"
  | "jx_budget_initial"
  | "jx_budget_adjusted"
  | "jx_executed"
  | "jx_exec_rate"
  | "jx_exec_weight"
  | "jx_exec_score"
  | "jx_score_total"
  | "jx_grade"
  | "jx_duties"
  | "jx_tasks"
  | "jx_achievements"
  | "jx_problems"
  | "jx_measures"
  | "jx_project_name"
  | "jx_supervisor"
  | "jx_implementer"
  | "jx_weight_total";

/** The scalar fields, in contract order. */
export const SCALAR_FIELDS: readonly ScalarFieldDef[] = [
  { id: "jx_report_year", label: "评价年度", kind: "year", aliases: ["年度", "评价年份", "预算年度"] },
  { id: "jx_unit_name", label: "部门（单位）名称", kind: "text", aliases: ["部门名称", "单位名称", "部门(单位)名称", "主管部门", "填报单位", "预算单位"] },
  { id: "jx_report_kind", label: "评价类型", kind: "text", aliases: ["评价方式"] },
  { id: "jx_report_date", label: "报告日期", kind: "date", aliases: ["填报日期"] },
  { id: "jx_contact_name", label: "联系人", kind: "text", aliases: ["填报人"] },
  { id: "jx_contact_phone", label: "联系电话", kind: "text", aliases: ["联络电话"] },
  { id: "jx_staff_quota", label: "人员编制", kind: "integer", aliases: ["编制人数", "编制数"] },
  { id: "jx_staff_actual", label: "实有人数", kind: "integer", aliases: ["在职人数", "实有人员"] },
  { id: "jx_money_unit", label: "金额单位", kind: "text", aliases: ["单位（元/万元）"] },
  { id: "jx_profile", label: "评分规则", kind: "text", aliases: ["评分方案"] },
  { id: "jx_budget_initial", label: "年初预算数", kind: "money", aliases: ["年初预算"] },
  { id: "jx_budget_adjusted", label: "全年预算数", kind: "money", aliases: ["调整后预算数", "全年预算", "全年预算数（A）", "全年预算数(A)"] },
  { id: "jx_executed", label: "全年执行数", kind: "money", aliases: ["全年执行", "全年执行数（B）", "全年执行数(B)", "执行数"] },
  { id: "jx_exec_rate", label: "预算执行率", kind: "rate", aliases: ["执行率", "执行率（B/A）"], computed: true },
  { id: "jx_exec_weight", label: "预算执行率分值", kind: "number", aliases: [] },
  { id: "jx_exec_score", label: "预算执行率得分", kind: "number", aliases: [], computed: true },
  { id: "jx_score_total", label: "绩效自评综合得分", kind: "number", aliases: ["综合得分", "总分", "自评得分"], computed: true },
  { id: "jx_grade", label: "评价等次", kind: "text", aliases: ["自评等级", "评价等级", "等次"], computed: true },
  { id: "jx_duties", label: "职能职责概述", kind: "narrative", aliases: ["主要职能", "职能职责"] },
  { id: "jx_tasks", label: "年度主要工作任务", kind: "narrative", aliases: ["年度主要工作内容"] },
  { id: "jx_achievements", label: "总体运行情况及取得的成绩", kind: "narrative", aliases: ["年度部门（单位）总体运行情况及取得的成绩"] },
  { id: "jx_problems", label: "存在的主要问题", kind: "narrative", aliases: ["存在问题"] },
  { id: "jx_measures", label: "改进措施和有关建议", kind: "narrative", aliases: ["改进措施", "下一步工作举措"] },
  // What the 财政部 项目支出 form and the 部门整体 forms carry besides (docs/contract.md).
  { id: "jx_project_name", formOnly: true, label: "项目名称", kind: "text", aliases: [] },
  { id: "jx_supervisor", formOnly: true, label: "主管部门", kind: "text", aliases: [] },
  { id: "jx_implementer", formOnly: true, label: "实施单位", kind: "text", aliases: [] },
  { id: "jx_weight_total", formOnly: true, label: "总分分值", kind: "number", aliases: [] },
];

/** Every table id of the contract. */
export type TableId =
  | "jx_income"
  | "jx_expense"
  | "jx_sangong"
  | "jx_assets"
  | "jx_projects"
  | "jx_indicators"
  | "jx_score_summary";

/** A column of a table: a stable key plus the header label and its aliases. */
export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  readonly aliases: readonly string[];
  /** The column holds money in the workbook's money unit. */
  readonly money?: boolean;
  /** The column must be present for the table to be usable. */
  readonly required?: boolean;
  /** Read from the bureaus' own forms (docs/contract.md); the add-in's template does not lay it out. */
  readonly formOnly?: boolean;
}

/** `total = Σ parts`, checked on every data row. */
export interface RowRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

/** A table of the contract. */
export interface TableDef {
  readonly id: TableId;
  readonly label: string;
  readonly columns: readonly ColumnDef[];
  /** Row relations among columns (收入合计 = the five sources …). */
  readonly relations: readonly RowRelation[];
  /** A money table whose 汇总/合计 row must equal the sum of the other rows, column by column. */
  readonly hasSummaryRow: boolean;
  /** Labels near the table that identify it when auto-mapping a sheet without names. */
  readonly titleHints: readonly string[];
}

const NAME_COL: ColumnDef = { key: "name", label: "机构名称", aliases: ["单位名称", "部门名称", "单位"], required: true };

/** The tables, in contract order. */
export const TABLES: readonly TableDef[] = [
  {
    id: "jx_income",
    label: "收入情况",
    hasSummaryRow: true,
    titleHints: ["年度收入情况", "收入情况"],
    columns: [
      NAME_COL,
      { key: "total", label: "收入合计", aliases: ["收入总计", "本年收入合计"], money: true, required: true },
      { key: "carryover", label: "上年结转", aliases: ["上年结转结余", "年初结转和结余"], money: true },
      { key: "public", label: "公共财政拨款", aliases: ["一般公共预算财政拨款", "一般公共预算拨款", "财政拨款"], money: true },
      { key: "fund", label: "政府基金拨款", aliases: ["政府性基金预算财政拨款", "政府性基金拨款"], money: true },
      { key: "special", label: "纳入专户管理的非税收入拨款", aliases: ["专户管理的非税收入拨款", "非税收入拨款"], money: true },
      { key: "other", label: "其他收入", aliases: [], money: true },
    ],
    relations: [{ total: "total", parts: ["carryover", "public", "fund", "special", "other"] }],
  },
  {
    id: "jx_expense",
    label: "支出和结余情况",
    hasSummaryRow: true,
    titleHints: ["年度支出和结余情况", "支出情况"],
    columns: [
      NAME_COL,
      { key: "total", label: "支出合计", aliases: ["支出总计", "本年支出合计"], money: true, required: true },
      { key: "basic", label: "基本支出", aliases: ["基本经费"], money: true },
      { key: "personnel", label: "人员支出", aliases: ["人员经费"], money: true },
      { key: "publicUse", label: "公用支出", aliases: ["公用经费"], money: true },
      { key: "project", label: "项目支出", aliases: ["项目经费"], money: true },
      { key: "balanceYear", label: "当年结余", aliases: ["本年结余"], money: true },
      { key: "balanceTotal", label: "累计结余", aliases: ["年末结转和结余"], money: true },
    ],
    relations: [
      { total: "total", parts: ["basic", "project"] },
      { total: "basic", parts: ["personnel", "publicUse"] },
    ],
  },
  {
    id: "jx_sangong",
    label: "三公经费",
    hasSummaryRow: true,
    titleHints: ["三公经费"],
    columns: [
      NAME_COL,
      { key: "total", label: "三公经费合计", aliases: ["三公经费", "合计"], money: true, required: true },
      { key: "reception", label: "公务接待费", aliases: [], money: true },
      { key: "vehicleOps", label: "公务用车运维费", aliases: ["公务用车运行维护费"], money: true },
      { key: "vehicleBuy", label: "公务用车购置费", aliases: [], money: true },
      { key: "abroad", label: "因公出国费", aliases: ["因公出国（境）费", "因公出国(境)费"], money: true },
    ],
    relations: [{ total: "total", parts: ["reception", "vehicleOps", "vehicleBuy", "abroad"] }],
  },
  {
    id: "jx_assets",
    label: "固定资产",
    hasSummaryRow: true,
    titleHints: ["固定资产"],
    columns: [
      NAME_COL,
      { key: "total", label: "固定资产合计", aliases: ["固定资产", "合计"], money: true, required: true },
      { key: "inUse", label: "在用固定资产", aliases: ["在用"], money: true },
      { key: "leased", label: "出租固定资产", aliases: ["出租"], money: true },
      { key: "other", label: "其他", aliases: ["其他固定资产"], money: true },
    ],
    relations: [{ total: "total", parts: ["inUse", "leased", "other"] }],
  },
  {
    id: "jx_projects",
    label: "项目支出",
    hasSummaryRow: true,
    titleHints: ["项目支出", "预算项目"],
    columns: [
      { key: "name", label: "项目名称", aliases: ["项目"], required: true },
      { key: "docNo", label: "资金文号", aliases: ["文号"] },
      { formOnly: true, key: "unit", label: "实施单位", aliases: ["项目实施单位", "项目单位"] },
      { key: "budget", label: "预算数", aliases: ["预算资金", "全年预算数", "调整后预算数", "全年预算", "预算金额", "年度预算", "年度预算数", "预算安排数", "预算安排", "全年预算安排"], money: true, required: true },
      {
        key: "executed",
        label: "执行数",
        aliases: ["支出数", "实际支出", "实际支出数", "全年执行数", "实际执行数", "全年实际支出", "全年执行", "执行金额", "支出金额", "全年支出数", "已支出数"],
        money: true,
        required: true,
      },
      { key: "carryover", label: "结转结余", aliases: ["结余", "结转"], money: true },
      { key: "rate", label: "执行率", aliases: ["预算执行率"] },
      { formOnly: true, key: "score", label: "自评得分", aliases: ["得分", "绩效自评得分", "总分", "自评总分", "绩效自评总分", "自评分数", "自评分", "评价得分"] },
      { formOnly: true, key: "grade", label: "自评结果", aliases: ["自评等级", "评价等次", "等次", "自评等次", "评价等级", "等级", "绩效等级", "绩效等次"] },
    ],
    relations: [],
  },
  {
    id: "jx_indicators",
    label: "绩效指标",
    hasSummaryRow: false,
    titleHints: ["绩效指标"],
    columns: [
      { key: "level1", label: "一级指标", aliases: ["一级", "一级指标名称"], required: true },
      { key: "level2", label: "二级指标", aliases: ["二级", "二级指标名称"] },
      { key: "level3", label: "三级指标", aliases: ["指标名称", "三级", "指标内容", "三级指标名称", "三级指标内容", "指标"], required: true },
      { key: "direction", label: "指标方向", aliases: ["指标性质", "计算符号", "符号"] },
      { key: "target", label: "年度指标值", aliases: ["指标值", "年度指标值（A）", "年度指标值(A)", "绩效目标", "年度目标值", "目标值", "年度目标", "预期指标值", "预期目标值", "绩效目标值", "指标目标值", "年度绩效目标值"] },
      { key: "actual", label: "实际完成值", aliases: ["实际完成值（B）", "实际完成值(B)", "完成情况", "完成值", "全年实际值", "实际值", "实际完成情况", "实际完成", "实际完成指标值", "完成指标值", "全年完成值", "实际完成数"] },
      { formOnly: true, key: "unit", label: "度量单位", aliases: ["计量单位"] },
      { key: "weight", label: "分值", aliases: ["权重", "标准分值", "指标分值", "标准分", "指标权重", "满分"], required: true },
      { key: "score", label: "得分", aliases: ["自评得分", "实际得分", "评分", "自评分", "评价得分", "得分情况"] },
      { key: "reason", label: "偏差原因分析及改进措施", aliases: ["未完成原因分析", "偏差原因分析", "偏差原因"] },
    ],
    relations: [],
  },
  {
    id: "jx_score_summary",
    label: "得分汇总",
    hasSummaryRow: false,
    titleHints: ["得分汇总", "评分汇总"],
    columns: [
      // The group column as 得分汇总 blocks head it (指标 | 分值 | 得分); not 项目, which heads a funds block too.
      { key: "level1", label: "一级指标", aliases: ["一级", "一级指标名称", "指标", "指标类别", "评价指标", "指标类型", "评价内容"], required: true },
      { key: "level2", label: "二级指标", aliases: ["二级", "二级指标名称"] },
      { key: "weight", label: "分值", aliases: ["权重", "标准分值", "指标分值", "标准分", "指标权重", "满分"], required: true },
      { key: "score", label: "得分", aliases: ["自评得分", "实际得分", "评分", "自评分", "评价得分"], required: true },
    ],
    relations: [],
  },
];

/** Look up a scalar field definition. */
export function scalarField(id: ScalarFieldId): ScalarFieldDef {
  const def = SCALAR_FIELDS.find((f) => f.id === id);
  if (!def) throw new Error(`Unknown field ${id}`);
  return def;
}

/** Look up a table definition. */
export function tableDef(id: TableId): TableDef {
  const def = TABLES.find((t) => t.id === id);
  if (!def) throw new Error(`Unknown table ${id}`);
  return def;
}

/** Whether a UTF-16 code unit is whitespace as a regex `\s` sees it. */
function isRegexSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether toLowerCase leaves a code unit as it is: no ASCII capital, CJK ideographs and punctuation. */
function caseless(c: number): boolean {
  if (c < 0x80) return c < 65 || c > 90;
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff20) || (c >= 0xff3b && c <= 0xffef);
}

/** A list numbering a label may open with (`1、`, `（一）`, `3.`); applied after the full-width pass. */
const NUMBERING = /^[(（]?[一二三四五六七八九十\d]+[)）、.．]/;
/** First characters {@link NUMBERING} can match at. */
const NUMBERING_START = new Set([..."(（一二三四五六七八九十0123456789"].map((c) => c.charCodeAt(0)));

/**
 * Normalise a label for comparison: full-width → half-width, no whitespace, no `:`/`：`,
 * no leading list numbering (`1、`, `（一）`), brackets unified.
 *
 * Called for nearly every text cell of a workbook (form detection, table headers, auto-map), so the
 * text is scanned once by char codes and each regex pass runs only when the scan says it can change
 * something; the result is the same as applying every pass (test/core/mapping-labels.test.ts).
 */
export function normalizeLabel(text: string): string {
  let t = text;
  let wide = false;
  let space = false;
  let cased = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) wide = true;
    else if (isRegexSpace(c)) space = true;
    else if (!caseless(c)) cased = true;
  }
  if (wide) t = t.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // U+3000 is whitespace to a regex as well: removing all whitespace removes it too.
  if (space) t = t.replace(/\s+/g, "");
  if (NUMBERING_START.has(t.charCodeAt(0))) t = t.replace(NUMBERING, "");
  const last = t.charCodeAt(t.length - 1);
  if (last === 0x3a || last === 0xff1a) t = t.slice(0, -1);
  // Full-width Ａ–Ｚ became capitals above.
  return cased || wide ? t.toLowerCase() : t;
}
