/**
 * 项目支出绩效自评表, 四川 variant [S12]: the national form plus 指标性质 (the sign), 度量单位 in its own
 * column (指标值 and 实际完成值 are bare numbers), 权重 for 分值, and 未完成原因分析 for the reason.
 *
 * Also the form as the 四川 一体化 system prints it (报表编号 510000_0013zp, `部门预算项目支出绩效自评表（2023年度）`,
 * published by 四川 counties): its funds block is headed `预算执行情况（10分）` / `年度预算数（万元）` with
 * 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因, its rows are 总额, 其中：财政资金,
 * 财政专户管理资金, 单位资金, 其他资金 (every line with its own 预算执行率), the indicators' 实际完成值 is headed
 * 完成值, and the table closes with a 合计 row of the 权重 (执行率 10 + indicators 90).
 */
import { FUNDS_BIND, FUNDS_COLUMNS, MONEY_COLUMNS, TOTAL_ROW } from "./common";
import { MOF_PROJECT, PROJECT_FIELDS, PROJECT_FUNDS } from "./mof-project";
import type { FormDecl, GridDecl } from "./types";

/** The funds block with the 四川 rows and words (总额, 财政专户管理资金, 单位资金, 预算执行数). */
const SICHUAN_FUNDS: GridDecl = {
  ...PROJECT_FUNDS,
  columns: FUNDS_COLUMNS.map((c) => (c.key === "executed" ? { ...c, labels: [...c.labels, "预算执行数"] } : c)),
  rows: [
    { ...TOTAL_ROW, labels: [...TOTAL_ROW.labels, "总额"] },
    ...PROJECT_FUNDS.rows.filter((r) => r.key !== "total" && r.key !== "other"),
    { key: "special", name: "财政专户管理资金", labels: ["财政专户管理资金", "财政专户资金"] },
    { key: "unitFunds", name: "单位资金", labels: ["单位资金", "单位自有资金"] },
    ...PROJECT_FUNDS.rows.filter((r) => r.key === "other"),
  ],
  bind: FUNDS_BIND,
};

export const SICHUAN_PROJECT: FormDecl = {
  id: "sichuan-project",
  name: "项目支出绩效自评表（四川）",
  kind: "project",
  anchors: [...MOF_PROJECT.anchors, ["指标性质"], ["度量单位", "计量单位"], ["权重"], ["未完成原因分析"], ["部门预算项目支出绩效自评表"], ["预算执行情况"]],
  minAnchors: 6,
  requires: [["年度资金总额", "项目资金", "年度预算数", "预算执行情况"], ["一级指标", "三级指标", "指标内容"], ["度量单位", "计量单位", "未完成原因分析", "指标性质"]],
  priority: 1,
  // The form prints its split (预算执行情况（10分）, 绩效指标（90分）): 产出 / 效益 / 满意度 share the 90.
  profile: "sichuan",
  fields: PROJECT_FIELDS,
  grids: [SICHUAN_FUNDS],
  tables: [{ table: "jx_indicators", blankRowsInside: true, aliases: { target: ["指标值"], actual: ["完成值"], weight: ["权重"], reason: ["未完成原因分析"], direction: ["指标性质"] } }],
  relations: [
    { kind: "sum", grid: "funds", total: "total", parts: ["current", "carry", "special", "unitFunds", "other"], columns: MONEY_COLUMNS, name: "项目资金" },
    { kind: "rate", grid: "funds", rate: "rate", numerator: "executed", denominator: "adjusted", rows: ["current", "carry", "special", "unitFunds", "other"] },
  ],
};
