/**
 * 部门决算: the 收入支出决算总表 (财决01: 收入 by source, 本年收入合计, 使用非财政拨款结余, 年初结转和结余,
 * 收入总计 | 本年支出合计, 结余分配, 年末结转和结余, 支出总计) and the 支出决算表 (支出 = 基本支出 (人员经费 +
 * 公用经费) + 项目支出), as 项目 | 金额 pairs that may stand side by side.
 */
import { IDENTITY_FIELDS } from "./common";
import type { FormDecl, GridRow } from "./types";

const AMOUNT = [{ key: "amount", labels: ["决算数", "金额", "本年决算数"], kind: "money" as const }];

/** The income lines of the 总表 and of the 变动表, by source (财政拨款 three ways, 上级补助 … 其他收入). */
const INCOME_LINES: readonly GridRow[] = [
  { key: "public", name: "一般公共预算财政拨款收入", labels: ["一般公共预算财政拨款收入", "一般公共预算财政拨款"] },
  { key: "govFund", name: "政府性基金预算财政拨款收入", labels: ["政府性基金预算财政拨款收入", "政府性基金预算财政拨款"] },
  { key: "capital", name: "国有资本经营预算财政拨款收入", labels: ["国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款"] },
  { key: "upper", name: "上级补助收入", labels: ["上级补助收入"] },
  { key: "business", name: "事业收入", labels: ["事业收入"] },
  { key: "operating", name: "经营收入", labels: ["经营收入"] },
  { key: "affiliated", name: "附属单位上缴收入", labels: ["附属单位上缴收入"] },
  { key: "otherIncome", name: "其他收入", labels: ["其他收入"] },
];

export const FINAL_ACCOUNTS: FormDecl = {
  id: "final-accounts",
  name: "收入支出决算总表",
  kind: "accounts",
  anchors: [
    ["收入支出决算总表", "收入支出决算表"],
    ["本年收入合计"],
    ["本年支出合计"],
    ["年初结转和结余"],
    ["年末结转和结余"],
    ["收入总计"],
    ["支出总计"],
    ["一般公共预算财政拨款收入", "一般公共预算财政拨款"],
  ],
  minAnchors: 4,
  requires: [["年初结转和结余"], ["年末结转和结余"]],
  fields: IDENTITY_FIELDS,
  grids: [
    {
      id: "accounts",
      name: "收入支出决算总表",
      mode: "pairs",
      columns: AMOUNT,
      rows: [
        ...INCOME_LINES,
        { key: "incomeTotal", name: "本年收入合计", labels: ["本年收入合计"] },
        { key: "useBalance", name: "使用非财政拨款结余", labels: ["使用非财政拨款结余", "使用非财政拨款结余（含专用结余）", "用事业基金弥补收支差额"] },
        { key: "carryIn", name: "年初结转和结余", labels: ["年初结转和结余"] },
        { key: "incomeGrand", name: "收入总计", labels: ["收入总计", "总计"] },
        { key: "expenseTotal", name: "本年支出合计", labels: ["本年支出合计"] },
        { key: "distribution", name: "结余分配", labels: ["结余分配"] },
        { key: "carryOut", name: "年末结转和结余", labels: ["年末结转和结余"] },
        { key: "expenseGrand", name: "支出总计", labels: ["支出总计", "总计"] },
      ],
    },
  ],
  tables: [],
  relations: [
    {
      kind: "sum",
      grid: "accounts",
      total: "incomeTotal",
      parts: ["public", "govFund", "capital", "upper", "business", "operating", "affiliated", "otherIncome"],
      columns: ["amount"],
      name: "本年收入合计 = 各项收入之和",
    },
    { kind: "above", grid: "accounts", total: "expenseTotal", name: "本年支出合计 = 各项支出之和" },
    { kind: "sum", grid: "accounts", total: "incomeGrand", parts: ["incomeTotal", "useBalance", "carryIn"], columns: ["amount"], name: "收入总计" },
    { kind: "sum", grid: "accounts", total: "expenseGrand", parts: ["expenseTotal", "distribution", "carryOut"], columns: ["amount"], name: "支出总计" },
    { kind: "sum", grid: "accounts", total: "expenseGrand", parts: ["incomeGrand"], columns: ["amount"], name: "收方总计 = 支方总计" },
    {
      kind: "sum",
      grid: "accounts",
      total: "carryOut",
      parts: ["carryIn", "incomeTotal", "useBalance", "-expenseTotal", "-distribution"],
      columns: ["amount"],
      name: "年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余",
      unless: ["incomeGrand", "expenseGrand"],
    },
  ],
};

export const FINAL_EXPENSE: FormDecl = {
  id: "final-expense",
  name: "支出决算表",
  kind: "accounts",
  anchors: [["支出决算表", "一般公共预算财政拨款支出决算表", "财政拨款支出决算表"], ["基本支出", "基本经费"], ["人员经费"], ["公用经费"], ["项目支出", "项目经费"], ["合计", "总计", "本年支出合计", "支出合计"], ["科目名称", "功能分类科目", "科目编码"]],
  minAnchors: 5,
  // A 决算 table says so: its title or its 科目 columns. Without them, 基本/人员/公用/项目支出 under a
  // name column is the contract's 支出 table (机构名称 or 单位名称 …), which auto-map reads.
  // The 财政拨款支出决算表 layout has only 合计 / 基本支出 / 项目支出 columns (no 人员经费 / 公用经费).
  requires: [["基本支出", "基本经费"], ["项目支出", "项目经费"], ["支出决算表", "一般公共预算财政拨款支出决算表", "财政拨款支出决算表", "科目名称", "功能分类科目", "科目编码"]],
  // 机构名称 heads the contract's 支出 table (one row per institution), which auto-map reads.
  excludes: ["年度资金总额", "一级指标", "年末结转和结余", "机构名称"],
  fields: IDENTITY_FIELDS,
  grids: [
    {
      id: "expense",
      name: "支出决算表",
      mode: "pairs",
      columns: AMOUNT,
      rows: [
        { key: "expenseTotal", name: "本年支出合计", labels: ["本年支出合计", "支出合计"] },
        { key: "basic", name: "基本支出", labels: ["基本支出", "基本经费"] },
        { key: "personnel", name: "人员经费", labels: ["人员经费"] },
        { key: "publicUse", name: "公用经费", labels: ["公用经费"] },
        { key: "project", name: "项目支出", labels: ["项目支出", "项目经费"] },
      ],
    },
    {
      id: "byClass",
      name: "支出决算表",
      mode: "table",
      columns: [
        { key: "total", labels: ["本年支出合计", "支出合计", "合计"], kind: "money" },
        { key: "basic", labels: ["小计", "基本支出", "基本经费"], kind: "money" },
        { key: "personnel", labels: ["人员经费", "人员支出"], kind: "money" },
        { key: "publicUse", labels: ["公用经费", "公用支出"], kind: "money" },
        { key: "project", labels: ["项目支出", "项目经费"], kind: "money" },
        { key: "upper", labels: ["上缴上级支出"], kind: "money" },
        { key: "operating", labels: ["经营支出"], kind: "money" },
        { key: "affiliated", labels: ["对附属单位补助支出"], kind: "money" },
      ],
      rows: [],
    },
  ],
  tables: [],
  relations: [
    { kind: "sum", grid: "expense", total: "expenseTotal", parts: ["basic", "project"], columns: ["amount"], name: "支出 = 基本支出 + 项目支出" },
    { kind: "sum", grid: "expense", total: "basic", parts: ["personnel", "publicUse"], columns: ["amount"], name: "基本支出 = 人员经费 + 公用经费" },
    { kind: "across", grid: "byClass", total: "total", parts: ["basic", "project", "upper", "operating", "affiliated"], name: "本年支出合计 = 基本支出 + 项目支出 + …" },
    { kind: "across", grid: "byClass", total: "basic", parts: ["personnel", "publicUse"], name: "基本支出 = 人员经费 + 公用经费" },
    { kind: "down", grid: "byClass", columns: ["total", "basic", "personnel", "publicUse", "project", "upper", "operating", "affiliated"] },
  ],
  // The 支出决算表 repeats the 总表's 本年支出合计 (公开03表 and 公开01表 of one 部门决算).
  links: [
    { name: "支出决算表合计 = 收入支出决算总表本年支出合计", target: { form: "final-accounts", grid: "accounts", row: "expenseTotal", column: "amount" }, terms: [{ grid: "byClass", row: "total", column: "total" }] },
    { name: "支出决算表 = 收入支出决算总表本年支出合计", target: { form: "final-accounts", grid: "accounts", row: "expenseTotal", column: "amount" }, terms: [{ grid: "expense", row: "expenseTotal", column: "amount" }] },
  ],
  // Each 功能分类 line of the 总表's 支出 side = the 支出决算表's row of that 类.
  rowLinks: [{ name: "总表支出 = 支出决算表", lines: { form: "final-accounts", grid: "accounts", total: "expenseTotal" }, rows: { grid: "byClass", column: "total" } }],
};

/** 收入决算表: by 功能分类 rows, 本年收入合计 = the sources, and a 合计 row. */
export const FINAL_INCOME: FormDecl = {
  id: "final-income",
  name: "收入决算表",
  kind: "accounts",
  anchors: [["收入决算表"], ["本年收入合计"], ["财政拨款收入", "一般公共预算财政拨款收入"], ["上级补助收入"], ["事业收入"], ["经营收入"], ["科目名称", "科目编码"], ["合计"]],
  minAnchors: 4,
  requires: [["本年收入合计"], ["财政拨款收入", "一般公共预算财政拨款收入"]],
  excludes: ["年末结转和结余", "年度资金总额", "一级指标", "机构名称"],
  fields: IDENTITY_FIELDS,
  grids: [
    {
      id: "byClass",
      name: "收入决算表",
      mode: "table",
      columns: [
        { key: "total", labels: ["本年收入合计", "收入合计"], kind: "money" },
        { key: "fiscal", labels: ["财政拨款收入", "一般公共预算财政拨款收入"], kind: "money" },
        { key: "upper", labels: ["上级补助收入"], kind: "money" },
        { key: "business", labels: ["事业收入"], kind: "money" },
        { key: "operating", labels: ["经营收入"], kind: "money" },
        { key: "affiliated", labels: ["附属单位上缴收入"], kind: "money" },
        { key: "other", labels: ["其他收入"], kind: "money" },
      ],
      rows: [],
    },
  ],
  tables: [],
  relations: [
    { kind: "across", grid: "byClass", total: "total", parts: ["fiscal", "upper", "business", "operating", "affiliated", "other"], name: "本年收入合计 = 各项收入之和" },
    { kind: "down", grid: "byClass", columns: ["total", "fiscal", "upper", "business", "operating", "affiliated", "other"] },
  ],
  // The 收入决算表's 合计 repeats the 总表's 收入 lines: 本年收入合计, and 财政拨款收入 = the three 财政拨款
  // lines (一般公共预算, 政府性基金预算, 国有资本经营预算); the other sources line by line.
  links: [
    { name: "收入决算表合计 = 收入支出决算总表本年收入合计", target: { form: "final-accounts", grid: "accounts", row: "incomeTotal", column: "amount" }, terms: [{ grid: "byClass", row: "total", column: "total" }] },
    {
      name: "收入决算表财政拨款收入 = 总表三项财政拨款收入",
      target: { grid: "byClass", row: "total", column: "fiscal" },
      terms: ["public", "govFund", "capital"].map((row) => ({ form: "final-accounts", grid: "accounts", row, column: "amount" })),
    },
    ...(
      [
        ["upper", "upper", "上级补助收入"],
        ["business", "business", "事业收入"],
        ["operating", "operating", "经营收入"],
        ["affiliated", "affiliated", "附属单位上缴收入"],
        ["other", "otherIncome", "其他收入"],
      ] as const
    ).map(([column, row, name]) => ({
      name: `收入决算表${name} = 收入支出决算总表${name}`,
      target: { form: "final-accounts", grid: "accounts", row, column: "amount" },
      terms: [{ grid: "byClass", row: "total", column }],
    })),
  ],
};

/**
 * 收入支出决算变动情况表: each line of the 决算 (本年收入合计 and its sources, 本年支出合计 = 基本支出 (人员经费 +
 * 公用经费) + 项目支出, “三公”经费, 机关运行经费) × 上年决算数 | 本年决算数 | 增减额 | 增减率, where 增减额 =
 * 本年 − 上年 and 增减率 = 增减额 ÷ 上年.
 */
export const FINAL_CHANGE: FormDecl = {
  id: "final-change",
  name: "收入支出决算变动情况表",
  kind: "accounts",
  anchors: [
    ["收入支出决算变动情况表", "决算变动情况表", "收支决算变动表", "决算变动表", "决算增减变动表"],
    ["上年决算数", "上年决算", "上年数"],
    ["本年决算数", "本年决算", "本年数"],
    ["增减额", "增减变动额", "增减数", "增减金额", "增减变动"],
    ["增减率", "增减幅度", "增减比例", "变动率", "增减%"],
    ["本年收入合计", "收入合计"],
    ["本年支出合计", "支出合计"],
  ],
  minAnchors: 4,
  requires: [
    ["增减额", "增减变动额", "增减数", "增减金额", "增减变动"],
    ["增减率", "增减幅度", "增减比例", "变动率", "增减%"],
  ],
  excludes: ["年度资金总额", "一级指标"],
  fields: IDENTITY_FIELDS,
  grids: [
    {
      id: "change",
      name: "决算变动",
      mode: "matrix",
      columns: [
        { key: "prev", labels: ["上年决算数", "上年决算", "上年数"], kind: "money" },
        // `amount`: the figure a bare amount in the prose states (narrative/prose-cells.ts), like a 总表 line.
        { key: "amount", labels: ["本年决算数", "本年决算", "本年数"], kind: "money" },
        { key: "change", labels: ["增减额", "增减变动额", "增减数", "增减金额"], kind: "money" },
        { key: "changeRate", labels: ["增减率", "增减幅度", "增减比例", "变动率", "增减%"], kind: "rate" },
      ],
      rows: [
        { key: "incomeTotal", name: "本年收入合计", labels: ["本年收入合计", "收入合计"] },
        ...INCOME_LINES,
        { key: "expenseTotal", name: "本年支出合计", labels: ["本年支出合计", "支出合计"] },
        { key: "basic", name: "基本支出", labels: ["基本支出", "基本经费"] },
        { key: "personnel", name: "人员经费", labels: ["人员经费", "人员支出"] },
        { key: "publicUse", name: "公用经费", labels: ["公用经费", "公用支出"] },
        { key: "project", name: "项目支出", labels: ["项目支出", "项目经费"] },
        { key: "upperExpense", name: "上缴上级支出", labels: ["上缴上级支出"] },
        { key: "operatingExpense", name: "经营支出", labels: ["经营支出"] },
        { key: "affiliatedExpense", name: "对附属单位补助支出", labels: ["对附属单位补助支出"] },
        { key: "sangong", name: "“三公”经费支出", labels: ["“三公”经费支出", "“三公”经费", "\"三公\"经费支出", "\"三公\"经费", "三公经费支出", "三公经费"] },
        { key: "ops", name: "机关运行经费", labels: ["机关运行经费支出", "机关运行经费"] },
      ],
    },
  ],
  tables: [],
  relations: [
    {
      kind: "sum",
      grid: "change",
      total: "incomeTotal",
      parts: ["public", "govFund", "capital", "upper", "business", "operating", "affiliated", "otherIncome"],
      columns: ["prev", "amount", "change"],
      name: "本年收入合计 = 各项收入之和",
    },
    {
      kind: "sum",
      grid: "change",
      total: "expenseTotal",
      parts: ["basic", "project", "upperExpense", "operatingExpense", "affiliatedExpense"],
      columns: ["prev", "amount", "change"],
      name: "本年支出合计 = 基本支出 + 项目支出 + …",
    },
    { kind: "sum", grid: "change", total: "basic", parts: ["personnel", "publicUse"], columns: ["prev", "amount", "change"], name: "基本支出 = 人员经费 + 公用经费" },
    { kind: "across", grid: "change", total: "amount", parts: ["prev", "change"], name: "本年决算数 = 上年决算数 + 增减额" },
    {
      kind: "rate",
      grid: "change",
      rate: "changeRate",
      numerator: "change",
      denominator: "prev",
      rows: ["incomeTotal", "public", "govFund", "capital", "upper", "business", "operating", "affiliated", "otherIncome", "expenseTotal", "basic", "personnel", "publicUse", "project", "upperExpense", "operatingExpense", "affiliatedExpense", "sangong", "ops"],
    },
  ],
};
