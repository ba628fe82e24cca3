/**
 * 决算 tables as short lists with a share column, the way 部门决算 and 部门整体 reports print them:
 *
 * - 收入决算表 / 支出决算表 / 部门收支总表 by line: `项目 | 本年数（万元） | 占比（%）` or `项目 | 预算数 | 决算数 | 占比`,
 *   rows 财政拨款收入 / 事业收入 / 经营收入 / 其他收入 and 基本支出 (其中：人员经费 / 公用经费) / 项目支出, a 合计
 *   on top or at the bottom; the share a fraction shown `0.00%`, text `35.62%`, or percent points under a
 *   `（%）` header. Each share = its row's amount ÷ the 合计's (人员经费 / 公用经费 may be of 基本支出).
 * - the “三公”经费 table by rows (`项目 | 上年决算数 | 本年决算数 | 增减额 | 增减率`, or `预算数 | 决算数`):
 *   合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, the 公务用车 line = 购置费 + 运行维护费,
 *   本年 = 上年 + 增减额, 增减率 = 增减额 ÷ 上年; or by columns (one header row `合计 | 因公出国（境）费 |
 *   公务用车购置及运行维护费 | 其中：公务用车购置费 | 公务用车运行维护费 | 公务接待费` over rows 预算数 / 决算数).
 */
import { IDENTITY_FIELDS } from "./common";
import type { FormDecl, GridRow } from "./types";

const SHARE_LABELS = ["占比", "比重", "所占比重", "占比重", "构成", "结构"];
const AMOUNT_LABELS = ["决算数", "本年数", "本年决算数", "本年决算", "金额", "决算金额", "本年金额", "支出数", "收入数"];

const INCOME_PARTS: readonly GridRow[] = [
  { key: "fiscal", name: "财政拨款收入", labels: ["财政拨款收入", "一般公共预算财政拨款收入", "财政拨款"] },
  { key: "upper", name: "上级补助收入", labels: ["上级补助收入"] },
  { key: "business", name: "事业收入", labels: ["事业收入"] },
  { key: "operating", name: "经营收入", labels: ["经营收入"] },
  { key: "affiliated", name: "附属单位上缴收入", labels: ["附属单位上缴收入"] },
  { key: "otherIncome", name: "其他收入", labels: ["其他收入"] },
];
const EXPENSE_PARTS: readonly GridRow[] = [
  { key: "basic", name: "基本支出", labels: ["基本支出", "基本经费"] },
  { key: "personnel", name: "人员经费", labels: ["人员经费", "人员支出"] },
  { key: "publicUse", name: "公用经费", labels: ["公用经费", "公用支出"] },
  { key: "project", name: "项目支出", labels: ["项目支出", "项目经费"] },
  { key: "upperExpense", name: "上缴上级支出", labels: ["上缴上级支出"] },
  { key: "operatingExpense", name: "经营支出", labels: ["经营支出"] },
  { key: "affiliatedExpense", name: "对附属单位补助支出", labels: ["对附属单位补助支出"] },
];
const INCOME_KEYS = INCOME_PARTS.map((r) => r.key);
const EXPENSE_TOP = ["basic", "project", "upperExpense", "operatingExpense", "affiliatedExpense"];
const WITHIN = { personnel: "basic", publicUse: "basic" };

export const FINAL_SHARES: FormDecl = {
  id: "final-shares",
  name: "收入支出决算表（含占比）",
  kind: "accounts",
  anchors: [
    SHARE_LABELS,
    AMOUNT_LABELS,
    ["合计", "总计", "收入合计", "支出合计", "本年收入合计", "本年支出合计"],
    ["收入决算表", "支出决算表", "收入支出决算表", "部门收支总表", "收支决算表", "收入决算情况表", "支出决算情况表"],
    ["财政拨款收入", "一般公共预算财政拨款收入"],
    ["事业收入"],
    ["经营收入"],
    ["其他收入"],
    ["基本支出", "基本经费"],
    ["人员经费"],
    ["公用经费"],
    ["项目支出", "项目经费"],
  ],
  minAnchors: 5,
  requires: [SHARE_LABELS, AMOUNT_LABELS],
  // The 决算 tables by 科目 (their own forms), the 总表 with its 结转 lines, the self-evaluation forms, the
  // contract's tables by 机构.
  excludes: ["科目编码", "科目名称", "年初结转和结余", "年末结转和结余", "年度资金总额", "一级指标", "机构名称"],
  priority: 2,
  fields: IDENTITY_FIELDS,
  grids: [
    {
      id: "lines",
      name: "决算表",
      mode: "matrix",
      columns: [
        { key: "budget", labels: ["预算数", "年初预算数", "全年预算数", "调整后预算数"], kind: "money" },
        { key: "amount", labels: AMOUNT_LABELS, kind: "money" },
        { key: "share", labels: SHARE_LABELS, kind: "rate" },
      ],
      rows: [
        { key: "total", name: "合计", labels: ["合计", "总计"] },
        { key: "incomeTotal", name: "收入合计", labels: ["本年收入合计", "收入合计", "收入总计"] },
        ...INCOME_PARTS,
        { key: "expenseTotal", name: "支出合计", labels: ["本年支出合计", "支出合计", "支出总计"] },
        ...EXPENSE_PARTS,
      ],
    },
  ],
  tables: [],
  relations: [
    { kind: "sum", grid: "lines", total: "incomeTotal", parts: INCOME_KEYS, columns: ["budget", "amount"], name: "收入合计 = 各项收入之和" },
    { kind: "sum", grid: "lines", total: "expenseTotal", parts: EXPENSE_TOP, columns: ["budget", "amount"], name: "支出合计 = 基本支出 + 项目支出 + …" },
    { kind: "sum", grid: "lines", total: "basic", parts: ["personnel", "publicUse"], columns: ["budget", "amount"], name: "基本支出 = 人员经费 + 公用经费" },
    // A bare 合计 totals whichever side the table lists (a 收入决算表's sources, a 支出决算表's lines).
    { kind: "sum", grid: "lines", total: "total", parts: INCOME_KEYS, columns: ["budget", "amount"], name: "合计 = 各项收入之和" },
    { kind: "sum", grid: "lines", total: "total", parts: EXPENSE_TOP, columns: ["budget", "amount"], name: "合计 = 基本支出 + 项目支出 + …" },
    { kind: "share", grid: "lines", share: "share", amount: "amount", total: "incomeTotal", rows: INCOME_KEYS },
    { kind: "share", grid: "lines", share: "share", amount: "amount", total: "expenseTotal", rows: EXPENSE_PARTS.map((r) => r.key), within: WITHIN },
    { kind: "share", grid: "lines", share: "share", amount: "amount", total: "total", rows: [...INCOME_KEYS, ...EXPENSE_PARTS.map((r) => r.key)], within: WITHIN },
  ],
};

/** The 合计 of the “三公”经费 as prose names it (“三公”经费支出21.72万元). */
const SANGONG_TOTAL = "“三公”经费支出";
const SANGONG_ROWS: readonly GridRow[] = [
  { key: "total", name: SANGONG_TOTAL, labels: ["合计", "总计", "“三公”经费合计", "三公经费合计", "“三公”经费", "三公经费", "\"三公\"经费"] },
  { key: "abroad", name: "因公出国（境）费", labels: ["因公出国（境）费", "因公出国费", "因公出国（境）经费"] },
  { key: "car", name: "公务用车购置及运行维护费", labels: ["公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车购置及运维费"] },
  { key: "carBuy", name: "公务用车购置费", labels: ["公务用车购置费", "公务用车购置"] },
  { key: "carRun", name: "公务用车运行维护费", labels: ["公务用车运行维护费", "公务用车运行费", "公务用车运维费"] },
  { key: "reception", name: "公务接待费", labels: ["公务接待费"] },
];

export const SANGONG: FormDecl = {
  id: "sangong",
  name: "“三公”经费支出决算表",
  kind: "accounts",
  anchors: [
    ["“三公”经费支出决算表", "三公经费支出决算表", "“三公”经费财政拨款支出决算表", "三公经费财政拨款支出决算表", "“三公”经费支出表", "三公经费支出表", "“三公”经费"],
    ["因公出国（境）费", "因公出国费"],
    ["公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车购置及运维费"],
    ["公务用车购置费"],
    ["公务用车运行维护费", "公务用车运行费", "公务用车运维费"],
    ["公务接待费"],
    ["合计"],
    ["上年决算数", "上年数", "预算数"],
    ["本年决算数", "本年数", "决算数"],
  ],
  minAnchors: 5,
  requires: [["因公出国（境）费", "因公出国费"], ["公务接待费"]],
  // The contract's 三公 table by 机构 (湖南) and the 决算 tables that list the 三公 as one line.
  excludes: ["机构名称", "科目编码", "科目名称", "年度资金总额", "一级指标", "本年收入合计", "本年支出合计"],
  priority: 2,
  fields: IDENTITY_FIELDS,
  grids: [
    {
      id: "rows",
      name: "“三公”经费支出决算表",
      mode: "matrix",
      columns: [
        { key: "prev", labels: ["上年决算数", "上年决算", "上年数", "上年支出数"], kind: "money" },
        { key: "budget", labels: ["预算数", "年初预算数", "全年预算数", "本年预算数"], kind: "money" },
        { key: "amount", labels: ["本年决算数", "本年决算", "本年数", "决算数", "本年支出数"], kind: "money" },
        { key: "change", labels: ["增减额", "增减变动额", "增减数", "增减金额", "比上年增减额"], kind: "money" },
        { key: "changeRate", labels: ["增减率", "增减幅度", "增减比例", "变动率", "增减%", "比上年增减率"], kind: "rate" },
      ],
      rows: SANGONG_ROWS,
    },
    {
      id: "columns",
      name: "“三公”经费支出决算表",
      mode: "matrix",
      columns: SANGONG_ROWS.map((r) => ({ key: r.key, labels: r.labels, kind: "money" as const, ...(r.key === "total" ? { name: SANGONG_TOTAL } : {}) })),
      rows: [
        { key: "prev", name: "上年决算数", labels: ["上年决算数", "上年决算", "上年数"] },
        { key: "budget", name: "预算数", labels: ["预算数", "年初预算数", "全年预算数", "本年预算数"] },
        { key: "amount", name: "决算数", labels: ["本年决算数", "本年决算", "本年数", "决算数", "本年支出数"] },
      ],
    },
  ],
  tables: [],
  relations: [
    { kind: "sum", grid: "rows", total: "total", parts: ["abroad", "car", "reception"], columns: ["prev", "budget", "amount", "change"], name: "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费" },
    { kind: "sum", grid: "rows", total: "car", parts: ["carBuy", "carRun"], columns: ["prev", "budget", "amount", "change"], name: "公务用车购置及运行维护费 = 购置费 + 运行维护费" },
    { kind: "across", grid: "rows", total: "amount", parts: ["prev", "change"], name: "本年决算数 = 上年决算数 + 增减额", whole: true },
    { kind: "rate", grid: "rows", rate: "changeRate", numerator: "change", denominator: "prev", rows: SANGONG_ROWS.map((r) => r.key) },
    { kind: "across", grid: "columns", total: "total", parts: ["abroad", "car", "reception"], name: "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费" },
    { kind: "across", grid: "columns", total: "car", parts: ["carBuy", "carRun"], name: "公务用车购置及运行维护费 = 购置费 + 运行维护费", whole: true },
  ],
};

/**
 * 国有资产占用情况表 (部门决算): `项目 | 数量 | 金额`, 资产总额 = 流动资产 + 固定资产 + 在建工程 + 无形资产 + 对外投资 +
 * 其他资产, 固定资产 = its national classes (房屋及构筑物, 通用设备, 专用设备, 文物和陈列品, 图书档案, 家具用具装具);
 * a 数量 column (车辆 3 辆, 设备 台（套）) is counts, never money. `其中：车辆` and the 单价50万元以上 lines are
 * read (prose may quote them) but are no part of a sum.
 */
export const ASSETS: FormDecl = {
  id: "assets",
  name: "国有资产占用情况表",
  kind: "accounts",
  anchors: [
    ["国有资产占用情况表", "资产占用情况表", "国有资产情况表", "资产情况表", "资产负债情况表"],
    ["资产总额", "资产总计", "资产合计"],
    ["流动资产"],
    ["固定资产"],
    ["无形资产"],
    ["在建工程"],
    ["房屋及构筑物", "房屋"],
    ["通用设备"],
    ["专用设备"],
    ["车辆"],
  ],
  minAnchors: 4,
  requires: [["资产总额", "资产总计", "资产合计"], ["固定资产"]],
  // The contract's 固定资产 table by 机构 (合计 | 在用 | 出租 | 其他), the 决算 tables by 科目, the forms.
  excludes: ["机构名称", "科目编码", "科目名称", "年度资金总额", "一级指标", "在用固定资产"],
  priority: 2,
  fields: IDENTITY_FIELDS,
  grids: [
    {
      id: "assets",
      name: "国有资产占用情况表",
      mode: "matrix",
      columns: [
        { key: "amount", labels: ["金额", "账面金额", "账面原值", "原值", "账面价值", "资产价值", "价值", "期末数", "年末数", "本年数", "决算数"], kind: "money" },
        { key: "count", labels: ["数量", "台数", "辆数", "台（套）数", "实有数"], kind: "number" },
      ],
      rows: [
        { key: "total", name: "资产总额", labels: ["资产总额", "资产总计", "资产合计"] },
        { key: "current", name: "流动资产", labels: ["流动资产"] },
        { key: "fixed", name: "固定资产", labels: ["固定资产"] },
        { key: "land", name: "土地", labels: ["土地"] },
        { key: "building", name: "房屋及构筑物", labels: ["房屋及构筑物", "房屋和构筑物", "房屋"] },
        { key: "general", name: "通用设备", labels: ["通用设备"] },
        { key: "special", name: "专用设备", labels: ["专用设备"] },
        { key: "relics", name: "文物和陈列品", labels: ["文物和陈列品"] },
        { key: "books", name: "图书、档案", labels: ["图书、档案", "图书档案"] },
        { key: "furniture", name: "家具、用具、装具及动植物", labels: ["家具、用具、装具及动植物", "家具用具装具及动植物", "家具用具装具", "家具、用具、装具", "家具用具"] },
        { key: "vehicle", name: "车辆", labels: ["车辆", "公务用车"] },
        { key: "construction", name: "在建工程", labels: ["在建工程"] },
        { key: "intangible", name: "无形资产", labels: ["无形资产"] },
        { key: "investment", name: "对外投资", labels: ["对外投资", "长期投资"] },
        { key: "otherAssets", name: "其他资产", labels: ["其他资产"] },
      ],
    },
  ],
  tables: [],
  relations: [
    { kind: "sum", grid: "assets", total: "total", parts: ["current", "fixed", "construction", "intangible", "investment", "otherAssets"], columns: ["amount"], name: "资产总额 = 流动资产 + 固定资产 + 在建工程 + 无形资产 + …" },
    { kind: "sum", grid: "assets", total: "fixed", parts: ["land", "building", "general", "special", "relics", "books", "furniture"], columns: ["amount"], name: "固定资产 = 房屋及构筑物 + 通用设备 + 专用设备 + …" },
  ],
};
