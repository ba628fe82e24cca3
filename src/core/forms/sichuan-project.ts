/**
 * 项目支出绩效自评表, 四川 variant [S12]: the national form plus 指标性质 (the sign), 度量单位 in its own
 * column (指标值 and 实际完成值 are bare numbers), 权重 for 分值, and 未完成原因分析 for the reason.
 */
import { MOF_PROJECT, PROJECT_FIELDS, PROJECT_FUNDS } from "./mof-project";
import type { FormDecl } from "./types";

export const SICHUAN_PROJECT: FormDecl = {
  id: "sichuan-project",
  name: "项目支出绩效自评表（四川）",
  kind: "project",
  anchors: [...MOF_PROJECT.anchors, ["指标性质"], ["度量单位", "计量单位"], ["权重"], ["未完成原因分析"]],
  minAnchors: 6,
  requires: [["年度资金总额", "项目资金"], ["一级指标", "三级指标", "指标内容"], ["度量单位", "计量单位", "未完成原因分析", "指标性质"]],
  priority: 1,
  fields: PROJECT_FIELDS,
  grids: [PROJECT_FUNDS],
  tables: [{ table: "jx_indicators", blankRowsInside: true, aliases: { target: ["指标值"], weight: ["权重"], reason: ["未完成原因分析"], direction: ["指标性质"] } }],
  relations: MOF_PROJECT.relations,
};
