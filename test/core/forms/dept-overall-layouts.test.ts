/**
 * The 部门整体支出绩效自评表 read safely in layouts the corpus does not build (issue 9: bureaus vary the
 * form): funds split like a 项目 form (当年财政拨款 / 上年结转资金 / 其他资金), a source the declaration does
 * not know (事业收入), and the splits written side by side under the column headers (`一般公共预算： 2000 |
 * 基本支出： 900`), whose column is not known. A consistent workbook gives no error or warning in each; a
 * planted mistake in a split that is understood is found at a cell that could be its cause.
 */
import { PRESETS } from "../../../src/core/config/presets";
import { checkWorkbook } from "../../../src/core/engine/run-rules";
import type { CellSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";

type Row = [string, (number | string)[]];

/** A 部门整体 form: title, year line, funds header and 年度资金总额 (2000 / 2200 / 2150), `rows`, indicators, 总分. */
function form(rows: Row[]): WorkbookSnapshot {
  const c: Record<string, CellSnapshot> = {};
  const put = (a: string, v: string | number, numberFormat?: string): void => {
    c[a] = numberFormat && typeof v === "number" ? { value: v, numberFormat } : { value: v };
  };
  put("A1", "部门整体支出绩效自评表");
  put("A2", "（2023年度）");
  put("A3", "部门名称");
  put("B3", "某市市场监督管理局");
  put("A4", "年度预算执行情况（万元）");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(`${"CDEFGH"[i]}4`, h));
  put("A5", "年度资金总额：");
  [2000, 2200, 2150].forEach((v, i) => put(`${"CDE"[i]}5`, v, "0.00"));
  put("F5", 10);
  put("G5", 0.9773, "0.00%");
  put("H5", 9.77, "0.00");
  rows.forEach(([label, values], i) => {
    put(`A${6 + i}`, label);
    values.forEach((v, j) => put(`${"CDEFGH"[j]}${6 + i}`, v, "0.00"));
  });
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => put(`${"ABCDEFGH"[i]}20`, h));
  const indicators: [string, string, string, string, string, number, number][] = [
    ["产出指标", "数量指标", "检查企业数", "≥1000户", "1200户", 25, 25],
    ["产出指标", "质量指标", "抽检合格率", "≥95%", "97%", 25, 25],
    ["效益指标", "社会效益指标", "食品安全事件", "0起", "0起", 30, 30],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10],
  ];
  indicators.forEach((r, i) => r.forEach((v, j) => put(`${"ABCDEFG"[j]}${21 + i}`, v, j === 6 ? "0.00" : undefined)));
  put("A25", "总分");
  put("F25", 100);
  put("G25", 99.77, "0.00");
  return { sheets: [{ name: "自评表", cells: c, merges: ["A1:H1", "A2:H2", "B3:H3", "A4:B4"] }], names: [] };
}

function seen(wb: WorkbookSnapshot): { form: string | undefined; findings: string[] } {
  const r = checkWorkbook(wb, { preset: PRESETS.recommended, host: "cli" });
  return { form: r.form?.id, findings: r.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.ruleId} ${f.sheet}!${f.ref}`) };
}

const PROJECT_LIKE: Row[] = [
  ["其中：当年财政拨款", [1800, 1950, 1900]],
  ["上年结转资金", [150, 200, 200]],
  ["其他资金", [50, 50, 50]],
  ["按支出性质分：", []],
  ["基本支出", [900, 950, 940]],
  ["项目支出", [1100, 1250, 1210]],
];

test("funds split like a 项目 form: detected as the 部门整体 form, consistent → no error, no warning", () => {
  expect(seen(form(PROJECT_LIKE))).toEqual({ form: "dept-overall", findings: [] });
});

test("funds split like a 项目 form: 上年结转资金 全年预算数 210 (1950 + 200 + 50 = 2200) → a finding at one of the parts, never at the 年度资金总额 the 支出 split confirms", () => {
  const rows = PROJECT_LIKE.map(([l, v]): Row => [l, l === "上年结转资金" ? [150, 210, 200] : v]);
  const f = seen(form(rows)).findings;
  expect(f.length).toBe(1);
  expect(["error total-matches-parts 自评表!D6", "error total-matches-parts 自评表!D7", "error total-matches-parts 自评表!D8"]).toContain(f[0]);
});

test("a source the form does not declare (事业收入) among the 收入 rows: the 收入 split is not checked (no false error)", () => {
  const rows: Row[] = [
    ["一般公共预算财政拨款", [1800, 1950, 1900]],
    ["事业收入", [150, 200, 200]],
    ["单位资金", [50, 50, 50]],
    ["基本支出", [900, 950, 940]],
    ["项目支出", [1100, 1250, 1210]],
  ];
  expect(seen(form(rows))).toEqual({ form: "dept-overall", findings: [] });
});

test("the splits written side by side under the column headers: not read as columns (no false error)", () => {
  const rows: Row[] = [
    ["按收入性质分：", ["", "", "按支出性质分："]],
    ["一般公共预算：", [2000, "", "基本支出：", "", 900]],
    ["政府性基金预算：", [150, "", "项目支出：", "", 1250]],
    ["国有资本经营预算：", [0]],
    ["财政专户管理资金收入：", [0]],
    ["单位资金：", [0]],
  ];
  expect(seen(form(rows))).toEqual({ form: "dept-overall", findings: [] });
});
