"use strict";
/**
 * Template-like workbooks of any size for the bench and the findings-equivalence test: n institutions,
 * projects and indicators, deterministic for a seed, with a few real-looking mistakes (one 元/万元 slip,
 * one footing error). Written with ExcelJS (a devDependency: bench and tests only).
 */
const ExcelJS = require("exceljs");

const r2 = (x) => Math.round(x * 100) / 100;

/** A deterministic pseudo-random generator, so every run benches the same workbooks. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ref(sheet, a, b) {
  const abs = (x) => x.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheet}'!${abs(a)}${b ? `:${abs(b)}` : ""}`;
}

function col(n) {
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Write rows at row `top`, name the rectangle. */
function table(wb, ws, top, rows, name) {
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(top + r, c + 1).value = v)));
  const width = Math.max(...rows.map((r) => r.length));
  wb.definedNames.add(ref(ws.name, `A${top}`, `${col(width)}${top + rows.length - 1}`), name);
  return top + rows.length + 2;
}

/** A template-like workbook with n institutions, projects and indicators (a few real-looking mistakes). */
async function makeWorkbook(file, { institutions, projects, indicators, seed }) {
  const rand = rng(seed);
  const money = () => r2(rand() * 5000);
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet("基本情况");
  const scalars = [
    ["评价年度", 2024, "jx_report_year"],
    ["部门（单位）名称", `第${seed}号测试单位`, "jx_unit_name"],
    ["评价类型", "部门整体支出", "jx_report_kind"],
    ["金额单位", "万元", "jx_money_unit"],
    ["人员编制", 65, "jx_staff_quota"],
    ["实有人数", 63, "jx_staff_actual"],
  ];
  scalars.forEach(([label, v, name], i) => {
    info.getCell(i + 1, 1).value = label;
    info.getCell(i + 1, 2).value = v;
    wb.definedNames.add(ref("基本情况", `B${i + 1}`), name);
  });

  const ws = wb.addWorksheet("收支情况");
  const inst = Array.from({ length: institutions }, (_, i) => `${i + 1}、二级机构${i + 1}`);
  const incomeRows = inst.map((n) => {
    const parts = [money(), money(), money(), money(), money()];
    return [n, r2(parts.reduce((a, b) => a + b, 0)), ...parts];
  });
  const expenseRows = inst.map((n) => {
    const [p, u, proj] = [money(), money(), money()];
    return [n, r2(p + u + proj), r2(p + u), p, u, proj, 0, 0];
  });
  const sum = (rows) => rows[0].slice(1).map((_, c) => r2(rows.reduce((a, r) => a + r[c + 1], 0)));
  const incomeTotal = sum(incomeRows);
  const expenseTotal = sum(expenseRows);
  // One 元/万元 slip (基本支出 typed in 元) and one footing error, as clerks make them.
  if (expenseRows.length > 3) expenseRows[3][2] = r2(expenseRows[3][2] * 10000);
  if (incomeRows.length > 5) incomeRows[5][1] = r2(incomeRows[5][1] + 1);
  let top = 1;
  top = table(wb, ws, top, [["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"], ["汇总", ...incomeTotal], ...incomeRows], "jx_income");
  top = table(wb, ws, top, [["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"], ["汇总", ...expenseTotal], ...expenseRows], "jx_expense");
  const sg = inst.map((n) => {
    const p = [money() / 100, money() / 100, 0, 0].map(r2);
    return [n, r2(p.reduce((a, b) => a + b, 0)), ...p];
  });
  top = table(wb, ws, top, [["机构名称", "三公经费合计", "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"], ["汇总", ...sum(sg)], ...sg], "jx_sangong");
  const as = inst.map((n) => {
    const p = [money(), money(), 0];
    return [n, r2(p.reduce((a, b) => a + b, 0)), ...p];
  });
  top = table(wb, ws, top, [["机构名称", "固定资产合计", "在用固定资产", "出租固定资产", "其他"], ["汇总", ...sum(as)], ...as], "jx_assets");
  const pr = Array.from({ length: projects }, (_, i) => {
    const b = money();
    const e = r2(b * (0.6 + rand() * 0.4));
    return [`项目${i + 1}`, `财预[2024]${i + 1}号`, b, e, r2(b - e), Math.round((e / b) * 10000) / 10000];
  });
  table(wb, ws, top, [["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"], ...pr], "jx_projects");
  for (let r = 0; r < pr.length; r++) ws.getCell(top + 1 + r, 6).numFmt = "0.00%";

  const ev = wb.addWorksheet("绩效自评");
  const groups = ["产出指标", "效益指标", "满意度指标"];
  const shares = [50, 30, 10];
  const ind = Array.from({ length: indicators }, (_, i) => {
    const g = i < indicators * 0.6 ? 0 : i < indicators * 0.9 ? 1 : 2;
    return [groups[g], "数量指标", `指标${i + 1}`, "≥", "95%", `${(95 + rand() * 5).toFixed(1)}%`, 0, 0, null];
  });
  // Spread each group's weight over its indicators (2 decimals), full marks.
  groups.forEach((g, gi) => {
    const own = ind.filter((r) => r[0] === g);
    own.forEach((r, k) => {
      const w = k === own.length - 1 ? r2(shares[gi] - r2(shares[gi] / own.length) * (own.length - 1)) : r2(shares[gi] / own.length);
      r[6] = w;
      r[7] = w;
    });
  });
  let t = table(wb, ev, 1, [["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], ...ind], "jx_indicators");
  t = table(wb, ev, t, [["一级指标", "分值", "得分"], ["预算执行率", 10, 10], ...groups.map((g, i) => [g, shares[i], shares[i]])], "jx_score_summary");
  ev.getCell(t, 1).value = "绩效自评综合得分";
  ev.getCell(t, 2).value = 100;
  wb.definedNames.add(ref("绩效自评", `B${t}`), "jx_score_total");
  ev.getCell(t + 1, 1).value = "评价等次";
  ev.getCell(t + 1, 2).value = "优";
  wb.definedNames.add(ref("绩效自评", `B${t + 1}`), "jx_grade");
  await wb.xlsx.writeFile(file);
}

module.exports = { makeWorkbook };
