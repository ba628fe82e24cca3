/**
 * 部门整体支出绩效自评表: the funds block split 按收入性质 (一般公共预算财政拨款, 政府性基金, 国有资本经营预算,
 * 财政专户管理资金, 单位资金/其他资金) and 按支出性质 (基本支出 = 人员经费 + 公用经费, 项目支出), each split summing
 * to 年度资金总额 in 年初预算数 / 全年预算数 / 全年执行数; then the indicators and the 总分 row.
 */
import { FUNDS_BIND, FUNDS_COLUMNS, IDENTITY_FIELDS, MONEY_COLUMNS, TOTAL_ROW } from "./common";
import type { FormDecl, GridColumn, GridRow } from "./types";

/**
 * The funds columns as 部门整体 forms head them: the common ones plus the 四川 words (预算执行数 for 全年执行数;
 * 调整后预算数 and 年初预算 are common already).
 */
const DEPT_COLUMNS: readonly GridColumn[] = FUNDS_COLUMNS.map((c) => (c.key === "executed" ? { ...c, labels: [...c.labels, "预算执行数", "实际支出数", "全年支出数"] } : c));

/**
 * The block's total as 部门整体 forms word it: 年度资金总额, 总额 (四川), 年度预算总额, 部门预算总额, 部门整体支出总额 …
 * Also what detection asks for ({@link DEPT_OVERALL} `requires`, with 合计 / 总计 that close a block at its
 * bottom): a total row the grid reads must never keep the form from being detected (a form whose total
 * said 年度预算资金总额 was once not detected at all, and its funds block was read as a project list).
 */
const DEPT_TOTAL_LABELS = [...TOTAL_ROW.labels, "总额", "年度预算总额", "预算总额", "部门预算总额", "部门预算资金总额", "部门整体支出总额", "部门支出总额", "部门资金总额"];
const DEPT_TOTAL_ROW: GridRow = { ...TOTAL_ROW, labels: [...DEPT_TOTAL_LABELS, "合计", "总计"] };

export const DEPT_OVERALL: FormDecl = {
  id: "dept-overall",
  name: "部门整体支出绩效自评表",
  kind: "dept",
  anchors: [
    ["部门整体支出绩效自评表", "部门整体支出绩效自评", "部门整体绩效自评表", "整体支出绩效自评表", "部门整体支出绩效评价表", "整体支出绩效评价表"],
    DEPT_TOTAL_LABELS,
    ["按收入性质分", "按收入性质"],
    ["按支出性质分", "按支出性质"],
    ["一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算"],
    ["基本支出", "基本经费"],
    ["人员经费"],
    ["公用经费"],
    ["项目支出", "项目经费"],
    ["年度总体目标", "年度绩效目标", "部门年度绩效目标"],
    // The indicator table's and the score's words as bureaus write them (一级 | 指标 …, 综合得分): a form
    // whose funds split only 财政拨款 / 其他资金 has few anchors to spare.
    ["一级指标", "一级"],
    ["总分", "综合得分", "总得分"],
  ],
  minAnchors: 5,
  // A 部门整体 form split like a 项目 form (当年财政拨款 / 上年结转资金 / 其他资金) ties with the 项目 forms on
  // anchors; its title or its splits (required below) make it the 部门整体 form.
  priority: 2,
  // The block's total may close it at the bottom (`合  计`) instead of opening it (年度资金总额).
  requires: [DEPT_TOTAL_ROW.labels, ["按收入性质分", "按收入性质", "按支出性质分", "按支出性质", "部门整体支出绩效自评表", "部门整体支出绩效自评", "整体支出绩效自评表", "整体支出绩效评价表"]],
  fields: [...IDENTITY_FIELDS, { field: "jx_supervisor", labels: ["主管部门"] }, { field: "jx_implementer", labels: ["实施单位"] }],
  grids: [
    {
      id: "funds",
      name: "年度资金",
      mode: "matrix",
      columns: DEPT_COLUMNS,
      rows: [
        DEPT_TOTAL_ROW,
        { key: "public", name: "一般公共预算财政拨款", labels: ["一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算资金", "一般公共预算", "财政拨款"] },
        { key: "govFund", name: "政府性基金预算财政拨款", labels: ["政府性基金预算财政拨款", "政府性基金预算拨款", "政府性基金拨款", "政府性基金"] },
        { key: "capital", name: "国有资本经营预算财政拨款", labels: ["国有资本经营预算财政拨款", "国有资本经营预算拨款", "国有资本经营预算"] },
        { key: "special", name: "财政专户管理资金", labels: ["财政专户管理资金", "财政专户管理资金收入", "纳入专户管理的非税收入"] },
        { key: "own", name: "单位资金", labels: ["单位资金", "单位自有资金", "其他资金", "其他收入", "其他"] },
        // Some bureaus split the 部门整体 funds like the 项目 form: 当年财政拨款 / 上年结转资金 / 其他资金.
        { key: "current", name: "当年财政拨款", labels: ["当年财政拨款", "本年财政拨款", "当年财政资金"] },
        { key: "carry", name: "上年结转资金", labels: ["上年结转资金", "上年结转", "上年结转结余资金", "上年结转结余"] },
        { key: "basic", name: "基本支出", labels: ["基本支出", "基本经费"] },
        { key: "personnel", name: "人员经费", labels: ["人员经费", "人员支出"] },
        { key: "publicUse", name: "公用经费", labels: ["公用经费", "公用支出"] },
        { key: "project", name: "项目支出", labels: ["项目支出", "项目经费"] },
      ],
      bind: FUNDS_BIND,
    },
  ],
  tables: [
    { table: "jx_indicators", blankRowsInside: true, aliases: { weight: ["权重"], reason: ["未完成原因分析"] } },
    // A list of the department's 重点项目 (序号 | 重点项目名称 | 预算数 | 执行数 | 执行率 | 自评得分 | 自评等次, a
    // 合计 row), under the funds block or after the indicators: read as a project list (a subset of 项目支出,
    // tied to no line of the funds block). Opened only by its own name header, never by a funds block's `项目`.
    // The 年度总体目标 written as a table of 任务 (任务名称 | 主要内容 | 预算数 | 执行数) is read the same way when
    // the form has no 重点项目 list: each task's money is a part of the year's, never 100 times its whole.
    { table: "jx_projects", blankRowsInside: true, aliases: { name: ["重点项目名称", "重点项目", "项目名称（重点项目）", "任务名称", "主要任务"] }, startLabels: ["重点项目名称", "重点项目", "项目名称", "项目名称（重点项目）", "任务名称", "主要任务"],
      // A list with no 合计 row ends where the form's next block begins.
      stopLabels: ["年度总体目标", "年度绩效目标", "部门年度绩效目标", "预期目标", "实际完成情况", "绩效指标", "一级指标", "绩效自评得分汇总", "得分汇总", "自评等级", "评价等次", "自评结论", "总分", "综合得分"],
    },
  ],
  relations: [
    { kind: "sum", grid: "funds", total: "total", parts: ["public", "govFund", "capital", "special", "own", "current", "carry"], columns: MONEY_COLUMNS, name: "按收入性质分" },
    { kind: "sum", grid: "funds", total: "total", parts: ["basic", "project"], columns: MONEY_COLUMNS, name: "按支出性质分" },
    { kind: "sum", grid: "funds", total: "basic", parts: ["personnel", "publicUse"], columns: MONEY_COLUMNS, name: "基本支出" },
    { kind: "rate", grid: "funds", rate: "rate", numerator: "executed", denominator: "adjusted", rows: ["public", "govFund", "capital", "special", "own", "current", "carry", "basic", "personnel", "publicUse", "project"] },
  ],
};
