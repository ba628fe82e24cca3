#!/usr/bin/env node
"use strict";
/**
 * Generate the example workbooks in examples/ from seeds 000–004 (../shared/seeds): their real
 * numbers and their real mistakes, nothing planted. Run: node scripts/make-examples.js
 * ExcelJS only creates new files here (it is never used to edit a clerk's workbook, see docs/architecture.md).
 * examples/README.md lists each file and the mistakes it carries.
 *
 * The workbooks in the forms bureaus hand out (issue 9: the 财政部 项目表, the 部门整体 form with its fund
 * splits, 决算 tables, the 项目汇总表, a workbook of project sheets) are laid out by the forms corpus in
 * test/forms-corpus (TypeScript, shared with the acceptance tests); this script compiles it on the fly
 * with the TypeScript compiler (a devDependency, like this script's purpose).
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const ts = require("typescript");

// Load test/forms-corpus/*.ts: transpile each module to CommonJS as it is required.
require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

const OUT = path.join(__dirname, "..", "examples");
const MONEY = "#,##0.00";
const BOLD = { bold: true };
const WRAP = { wrapText: true, vertical: "top" };

/** `'收支情况'!$A$4:$G$9` for a sheet and an A1 range. */
function ref(ws, range) {
  const abs = range
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `'${ws.name}'!${abs}`;
}

function colLetter(n) {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Write a 2-D array at (row, col); null leaves a cell empty. Returns the A1 range it covers. */
function put(ws, top, left, rows, opts = {}) {
  let width = 0;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(top + r, left + c);
      cell.value = v;
      if (typeof v === "number" && opts.numFmt && (opts.numFmtFrom === undefined || c >= opts.numFmtFrom)) cell.numFmt = opts.numFmt;
      if (opts.headerRows && r < opts.headerRows) {
        cell.font = BOLD;
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      }
    });
  });
  return `${colLetter(left)}${top}:${colLetter(left + width - 1)}${top + rows.length - 1}`;
}

/** A label in column A and a value in column B, each named when `name` is given. */
function field(wb, ws, row, label, value, name, numFmt) {
  ws.getCell(row, 1).value = label;
  ws.getCell(row, 1).font = BOLD;
  const cell = ws.getCell(row, 2);
  if (value !== null && value !== undefined) cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  if (typeof value === "string" && value.length > 40) cell.alignment = WRAP;
  if (name) wb.definedNames.add(ref(ws, `B${row}`), name);
}

function newBook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao examples";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  return wb;
}

async function save(wb, file) {
  const out = path.join(OUT, file);
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

// ---------------------------------------------------------------- seed 000: 临湘市医疗保障局 2021
const LX = {
  unit: "临湘市医疗保障局",
  date: "2022年8月16日",
  contact: "杨美荣",
  phone: "3728919",
  duties:
    "我局职能职责主要分两大块：一是主要落实国家、省医疗保障各项待遇政策，组织制定、补充和完善全市医疗保障筹资和待遇政策，完善动态调整和区域调剂平衡机制，统筹城乡医疗保障待遇标准；贯彻执行全省城乡统一的药品、医用耗材、医疗服务项目、医疗服务设施等医保目录并制定全市统一的支付标准；负责全市医疗保障经办管理、绩效考核、公共服务体系和信息化建设。二是负责全市范围内医保关系的建立、中断、转移、终止等经办事务；负责各类医疗保障基金、医疗救助金管理、运行、结算等经办事务；拟定职责范围内的医疗保障经办事务的操作流程及流程相关的管理办法。",
  tasks:
    "任务1：稳参保增基金，保障能力不断强化。\n任务2：保基本谋发展，惠民服务扎实给力。市医保局继续就将保障民生、惠民服务作为重点工作来抓，积极落实基本医疗保险、大病保险、医疗救助、医保扶贫等优惠政策。\n任务3：完善监管，持续监测。健全监督举报、智能监控、信用管理、监测分析等机制，严厉打击欺诈骗保行为。\n任务4：切实加强行业队伍建设。",
  achievements:
    "1、稳参保增基金，保障能力不断强化。2021年，全市医疗保险参保人数49.3万人，参保率达95.44%，征缴基金5.33亿元,实现参保覆盖面稳定在95%的工作目标。1—12月，支付基金5.29亿元，充分保障了人民群众的医疗需求。截止2021年12月，各项医保基金历年累计结余19787.89万元。（职工医保统筹基金结余491.97万元、个人账户结余11548.57万元、居民医保结余7757.35万元）\n" +
    "2、严监管保安全，基金整治成绩显著。截止12月，共开展医保日常稽查210余次，查处定点医药机构违法违规行为70余例，约谈1家，停网整改改4家，追回违规基金200.34万元。\n" +
    "3、基本支出情况。临湘市医疗保障局机关基本支出1911.06万元，其中：工资福利支出420.05万元、一般商品和服务支出270.79万元、对个人和家庭的补助1220.22万元。临湘市医疗保障事务中心基本支出346.77元，其中：工资福利支出215.73万元、一般商品和服务支出122.71万元。",
  problems:
    "一是基本医保全覆盖难度大。由于社会保险费征收职责划转税务部门后，缴费工作机制的改变，城乡居民参保积极性有所消减。\n二是基金支付风险逐年升高。2020年，城乡居民医保又相继启动普通门诊统筹和高血压、糖尿病“两病”门诊用药保障制度，基金支付额大幅上涨。\n三是医疗监管困难仍然突出。",
  measures:
    "一、履行医保部门职责，做好重点工作。二、织密医疗监管防护网，整治违规行为。三、完善基本医保制度建设，增强托底功能。四、加强医保管理队伍建设，提高服务效能。",
  names: ["局机关及二级机构汇总", "1、局机关", "2、二级机构1", "3、二级机构2"],
  income: [
    [30803.13, 0, 30750.58, 52.55, 0, 0],
    [1911.06, 0, 1858.51, 52.55, 0, 0],
    [28892.07, 0, 28892.07, 0, 0, 0],
    [null, null, null, null, null, null],
  ],
  expense: [
    [30803.13, 2257.83, 1864.33, 393.5, 28545.3, 0, 0],
    [1911.06, 1911.06, 1640.27, 270.79, null, 0, 0],
    [28892.07, 346.77, 224.06, 122.71, 28545.3, 0, 0],
    [null, null, null, null, null, null, null],
  ],
  sangong: [
    [32.25, 32.25, 0, 0, 0],
    [24, 24, 0, 0, 0],
    [8.25, 8.25, 0, 0, 0],
    [null, null, null, null, null],
  ],
  assets: [
    [88.57, 88.57, 0, 0],
    [51.14, 51.14, 0, 0],
    [37.43, 37.43, 0, 0],
    [null, null, null, null],
  ],
  // 一级, 二级, 三级, 分值 — as the seed's table gives them (its only number column).
  indicators: [
    ["产出指标", "质量指标", "指标1：财政供养控制率", 5],
    [null, null, "指标2：三公经费变动率", 3],
    [null, null, "指标3：重点支出安排率", 5],
    [null, null, "指标4：公务卡刷卡率", 3],
    [null, null, "指标5：政府采购执行率", 3],
    [null, "数量指标", "指标1：基本支出", 7],
    [null, null, "指标2：项目支出", 10],
    [null, "时效指标", "指标1：资金发放率", 10],
    [null, null, "指标2：资金分配方法", 5],
    [null, null, "指标3：资金支付进度", 5],
    [null, null, "指标4：预决算公开及时性", 3],
    [null, null, "指标5：管理制度健全性", 3],
    [null, "成本指标", "指标1：补贴标准", 3],
    [null, null, "指标2：公示公开", 5],
    [null, null, "指标3：资金结余", 3],
    ["效益指标", "社会效益", "指标1：保证医保局工作正常运行；指标2：维护社会稳定、增进社会和谐", 3],
    [null, "经济效益", "指标1：提高医保资金的使用效益；指标2：减轻了参保患者的经济负担", 5],
    [null, "生态效益", "指标1：实现医保基金效益最大化", 5],
    ["满意度指标", "社会公众或服务对象满意度", "指标1：参保人员对政策及时知晓", 5],
  ],
};

/** Merge runs of blank 一级/二级 cells into the cell above (as the seed's table does). */
function mergeCarried(ws, top, col, values) {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== null) {
      if (i - 1 > start) {
        ws.mergeCells(top + start, col, top + i - 1, col);
        ws.getCell(top + start, col).alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      }
      start = i;
    }
  }
}

function basicInfoSheet(wb, info) {
  const ws = wb.addWorksheet("基本情况");
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 44;
  ws.getCell("A1").value = info.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.mergeCells("A1:B1");
  field(wb, ws, 3, "评价年度", info.year, "jx_report_year");
  field(wb, ws, 4, "部门（单位）名称", info.unit, "jx_unit_name");
  field(wb, ws, 5, "评价类型", info.kind, "jx_report_kind");
  field(wb, ws, 6, "报告日期", info.date, "jx_report_date");
  field(wb, ws, 7, "联系人", info.contact, "jx_contact_name");
  field(wb, ws, 8, "联系电话", info.phone, "jx_contact_phone");
  field(wb, ws, 9, "人员编制", info.quota, "jx_staff_quota");
  field(wb, ws, 10, "实有人数", info.actual, "jx_staff_actual");
  field(wb, ws, 11, "金额单位", "万元", "jx_money_unit");
  return ws;
}

function textSheet(wb, texts) {
  const ws = wb.addWorksheet("文字说明");
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 100;
  const rows = [
    ["职能职责概述", texts.duties, "jx_duties"],
    ["年度主要工作任务", texts.tasks, "jx_tasks"],
    ["总体运行情况及取得的成绩", texts.achievements, "jx_achievements"],
    ["存在的主要问题", texts.problems, "jx_problems"],
    ["改进措施和有关建议", texts.measures, "jx_measures"],
  ];
  rows.forEach(([label, text, name], i) => {
    field(wb, ws, i + 2, label, text, name);
    ws.getCell(i + 2, 2).alignment = WRAP;
    ws.getRow(i + 2).height = Math.min(400, 16 * Math.ceil((text || "").length / 45 + 1));
  });
  ws.getCell("A1").value = "文字说明";
  ws.getCell("A1").font = BOLD;
  return ws;
}

/** One titled money table with a single header row, named. Returns the next free row. */
function moneyTable(wb, ws, top, title, header, names, rows, name) {
  ws.getCell(top, 1).value = title;
  ws.getCell(top, 1).font = BOLD;
  const body = rows.map((r, i) => [names[i], ...r]);
  const range = put(ws, top + 1, 1, [header, ...body], { numFmt: MONEY, headerRows: 1 });
  wb.definedNames.add(ref(ws, range), name);
  return top + 2 + body.length + 1;
}

async function linxiangTemplate() {
  const wb = newBook();
  basicInfoSheet(wb, { title: "临湘市2021年度部门（单位）整体支出绩效自评表", year: 2021, unit: LX.unit, kind: "部门整体支出", date: LX.date, contact: LX.contact, phone: LX.phone, quota: 65, actual: 65 });
  const ws = wb.addWorksheet("收支情况");
  ws.getColumn(1).width = 22;
  for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 14;
  let row = 1;
  row = moneyTable(wb, ws, row, "年度收入情况（万元）", ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"], LX.names, LX.income, "jx_income");
  row = moneyTable(wb, ws, row, "年度支出和结余情况（万元）", ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"], LX.names, LX.expense, "jx_expense");
  row = moneyTable(wb, ws, row, "三公经费情况（万元）", ["机构名称", "三公经费合计", "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"], LX.names, LX.sangong, "jx_sangong");
  moneyTable(wb, ws, row, "固定资产情况（万元）", ["机构名称", "固定资产合计", "在用固定资产", "出租固定资产", "其他"], LX.names, LX.assets, "jx_assets");

  const ev = wb.addWorksheet("绩效自评");
  [12, 14, 46, 10, 14, 14, 8, 8, 30].forEach((w, i) => (ev.getColumn(i + 1).width = w));
  ev.getCell("A1").value = "整体支出绩效定量目标及实施计划完成情况";
  ev.getCell("A1").font = BOLD;
  const header = ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  // The seed's table gives each indicator one number (分值) and no target or actual value; its prose reports
  // every target met ("实现…的工作目标"), so: 定性, 达成年度指标, full marks.
  const body = LX.indicators.map(([l1, l2, l3, w]) => [l1, l2, l3, "定性", null, "达成年度指标", w, w, null]);
  const range = put(ev, 3, 1, [header, ...body], { headerRows: 1 });
  wb.definedNames.add(ref(ev, range), "jx_indicators");
  mergeCarried(ev, 4, 1, body.map((r) => r[0]));
  mergeCarried(ev, 4, 2, body.map((r) => r[1]));
  let r = 4 + body.length + 1;
  ev.getCell(r, 1).value = "一级指标汇总";
  ev.getCell(r, 1).font = BOLD;
  const summary = [
    ["一级指标", "分值", "得分"],
    ["产出指标", 73, 73],
    ["效益指标", 13, 13],
    ["满意度指标", 5, 5],
  ];
  wb.definedNames.add(ref(ev, put(ev, r + 1, 1, summary, { headerRows: 1 })), "jx_score_summary");
  r += summary.length + 2;
  ev.getCell(r, 1).value = "绩效自评综合得分";
  ev.getCell(r, 2).value = 96;
  wb.definedNames.add(ref(ev, `B${r}`), "jx_score_total");
  ev.getCell(r + 1, 1).value = "评价等次";
  ev.getCell(r + 1, 2).value = "优秀";
  wb.definedNames.add(ref(ev, `B${r + 1}`), "jx_grade");
  textSheet(wb, LX);
  await save(wb, "linxiang-2021.xlsx");
}

/** Seed 000's own layout: one sheet, two/three-row headers with merged 其中 cells, no defined names. */
async function linxiangClerk() {
  const wb = newBook();
  const ws = wb.addWorksheet("自评表");
  ws.getColumn(1).width = 24;
  for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 14;
  const merge = (a) => ws.mergeCells(a);
  const label = (a, v) => {
    ws.getCell(a).value = v;
    ws.getCell(a).font = BOLD;
  };
  const text = (a, v) => {
    ws.getCell(a).value = v;
    ws.getCell(a).alignment = WRAP;
  };
  ws.getCell("A1").value = "临湘市  2021 年度部门（单位）整体支出绩效评价自评报告";
  ws.getCell("A1").font = { bold: true, size: 14 };
  merge("A1:H1");
  label("A2", "部门(单位)名称");
  ws.getCell("B2").value = LX.unit;
  merge("B2:H2");
  label("A3", "报告日期");
  ws.getCell("B3").value = LX.date;
  label("A4", "一、部门（单位）基本概况");
  label("A5", "联系人");
  ws.getCell("B5").value = LX.contact;
  label("C5", "联络电话");
  ws.getCell("D5").value = LX.phone;
  label("A6", "人员编制");
  ws.getCell("B6").value = 65;
  label("C6", "实有人数");
  ws.getCell("D6").value = 65;
  label("A7", "职能职责概述");
  text("B7", LX.duties);
  merge("B7:H7");
  label("A8", "年度主要工作内容");
  text("B8", LX.tasks);
  merge("B8:H8");
  label("A9", "年度部门（单位）总体运行情况及取得的成绩");
  text("B9", LX.achievements);
  merge("B9:H9");
  for (const [r, t] of [[7, LX.duties], [8, LX.tasks], [9, LX.achievements]]) ws.getRow(r).height = Math.min(400, 16 * Math.ceil(t.length / 70 + 1));
  for (const r of [26, 32]) ws.getRow(r).height = 40;
  label("A10", "二、部门（单位）收支情况");

  const data = (top, rows) => put(ws, top, 1, rows.map((r, i) => [LX.names[i], ...r]), { numFmt: "0.00", numFmtFrom: 1 });
  // 收入: 机构名称 | 收入合计 | 其中：(5)
  label("A11", "年度收入情况（万元）");
  merge("A11:G11");
  put(ws, 12, 1, [["机构名称", "收入合计", "其中："], [null, null, "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"]], { headerRows: 2 });
  merge("A12:A13");
  merge("B12:B13");
  merge("C12:G12");
  data(14, LX.income);

  // 支出: three header rows; 其中： over 基本/项目, 结余 over 当年/累计, 其中： over 人员/公用.
  label("A18", "部门（单位）年度支出和结余情况（万元）");
  merge("A18:H18");
  put(
    ws,
    19,
    1,
    [
      ["机构名称", "支出合计", "其中：", null, null, null, "结余"],
      [null, null, "基本支出", "其中：", null, "项目支出", "当年结余", "累计结余"],
      [null, null, null, "人员支出", "公用支出"],
    ],
    { headerRows: 3 },
  );
  ["A19:A21", "B19:B21", "C19:F19", "G19:H19", "C20:C21", "D20:E20", "F20:F21", "G20:G21", "H20:H21"].forEach(merge);
  data(22, LX.expense);

  // 三公经费: the seed breaks the header inside the cell.
  put(ws, 26, 1, [["机构名称", "三公经费\n\n合计", "其中："], [null, null, "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"]], { headerRows: 2 });
  ["A26:A27", "B26:B27", "C26:F26"].forEach(merge);
  data(28, LX.sangong);

  put(ws, 32, 1, [["机构名称", "固定资产\n\n合计", "其中：", null, "其他"], [null, null, "在用固定资产", "出租固定资产"]], { headerRows: 2 });
  ["A32:A33", "B32:B33", "C32:D32", "E32:E33"].forEach(merge);
  data(34, LX.assets);

  label("A38", "三、部门（单位）整体支出绩效自评情况");
  merge("A38:H38");
  put(ws, 39, 1, [["一级指标", "二级指标", "三级指标", "分值"]], { headerRows: 1 });
  put(ws, 40, 1, LX.indicators);
  mergeCarried(ws, 40, 1, LX.indicators.map((r) => r[0]));
  mergeCarried(ws, 40, 2, LX.indicators.map((r) => r[1]));
  const end = 40 + LX.indicators.length;
  label(`A${end}`, "绩效自评综合得分");
  ws.getCell(`B${end}`).value = 96;
  label(`A${end + 1}`, "评价等次");
  ws.getCell(`B${end + 1}`).value = "优秀";
  await save(wb, "linxiang-2021-clerk.xlsx");
}

// ---------------------------------------------------------------- seed 001: 承德市医疗保障局 2019 项目
const CD_PROJECTS = [
  ["医疗服务与保障能力提升补助资金", "承财社[2019]107号", 11.61, 11.61],
  ["医疗服务与保障能力提升补助资金", "承财社[2019]163号", 28, 12.58],
  ["医疗服务与保障能力提升（医保信息系统建设）补助资金", "承财社[2019]171号", 48.5, 48.5],
  ["办公经费", "承财社[2019]201号", 20, 20],
  ["购置应急保障用车", "承财社[2019]75号", 20.6, 20.6],
  ["购置行政执法用车", "承财社[2019]75号", 20.6, 20.6],
  ["职工医保管理工作经费", null, 15, 15],
  ["医疗服务与保障能力提升补助资金（职工医保中心）", null, 18, 0],
  ["城乡居民医保管理工作经费", null, 10, 10],
];

async function chengde() {
  const wb = newBook();
  basicInfoSheet(wb, { title: "承德市医疗保障局2019年度预算项目绩效自评表", year: 2019, unit: "承德市医疗保障局", kind: "项目支出", date: "2020年", contact: null, phone: null, quota: null, actual: null });
  const ws = wb.addWorksheet("项目支出");
  [44, 20, 12, 12, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell("A1").value = "2019年度预算项目执行情况（万元）";
  ws.getCell("A1").font = BOLD;
  // 结转结余 as the report states it (预算 − 执行); 执行率 as a clerk types it, whole percent.
  const rows = CD_PROJECTS.map(([n, doc, b, e]) => [n, doc, b, e, Math.round((b - e) * 100) / 100, Math.round((e / b) * 100) / 100]);
  const range = put(ws, 3, 1, [["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"], ...rows], { headerRows: 1 });
  wb.definedNames.add(ref(ws, range), "jx_projects");
  for (let r = 4; r < 4 + rows.length; r++) {
    for (const c of [3, 4, 5]) ws.getCell(r, c).numFmt = MONEY;
    ws.getCell(r, 6).numFmt = "0%";
  }
  const t = 4 + rows.length + 1;
  field(wb, ws, t, "全年预算数", 192.31, "jx_budget_adjusted", MONEY);
  field(wb, ws, t + 1, "全年执行数", 158.89, "jx_executed", MONEY);
  field(wb, ws, t + 2, "预算执行率", "83%", "jx_exec_rate");
  field(wb, ws, t + 3, "结转到2020年度", 33.42, null, MONEY);
  textSheet(wb, {
    duties: "承德市医疗保障局2018年底新成立，2019年未安排经费预算。",
    tasks: "2019 年全球预算项目共有 9 项，其中局机关 2019 年度细化项目 6 项，职工医保中心预算项目 2 项，居民医保中心预算项目 1 项。",
    achievements:
      "2019 年全球预算项目共有 9 项，预算资金共计 192.31 万元，支出 158.89 万元，预算执行率为 83%，结转到 2020 年度 33.42 万元。其中局机关 2019 年度细化项目 6 项，预算资金 149.31 万元，支出 133.89 万元，结转到 2020 年度 15.42 万元；职工医保中心预算项目 2 项，预算资金 33 万元，支出 15 万元，结转到 2020 年度 18 万元；居民医保中心预算项目 1 项，预算资金 10 万元，支出 10 万元。",
    problems:
      "1、个别项目资金预算执行率较低。医疗服务与保障能力提升补助资金（28 万元），支出 12.58 万元，余 15.42 万元，预算执行率为 45%。医疗服务与保障能力提升补助资金 18 万元（职工医保中心）项目资金尚未支出。",
    measures: "2020 年将继续依法查处医疗保障领域违规违法行为，持续保持打击欺诈骗保高压态势；扫码支付信息系统研发工作全部完成后予以支付。",
  });
  await save(wb, "chengde-2019-projects.xlsx");
}

// ---------------------------------------------------------------- seed 002: 合肥 区医保局 2024
async function hefei() {
  const wb = newBook();
  basicInfoSheet(wb, { title: "2024年部门整体支出绩效自评表", year: 2024, unit: "区医疗保障局", kind: "部门整体支出", date: null, contact: null, phone: null, quota: 4, actual: 4 });
  const ws = wb.addWorksheet("收支情况");
  [22, 14, 14, 14, 14, 14, 14, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // The report gives the year's spending as 基本 103.86 + 项目 1603.44 = 全年执行 1707.31 (1707.30: honest rounding).
  moneyTable(wb, ws, 1, "年度支出情况（万元）", ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"], ["区医保局"], [[1707.31, 103.86, null, null, 1603.44, null, null]], "jx_expense");

  const ev = wb.addWorksheet("绩效自评");
  [12, 18, 34, 10, 16, 26, 8, 8, 40].forEach((w, i) => (ev.getColumn(i + 1).width = w));
  put(ev, 1, 1, [["年初预算数", "全年预算数", "全年执行数", "预算执行率", "分值", "得分"]], { headerRows: 1 });
  const vals = [1632.87, 1711.75, 1707.31, 0.9974, 10, 9.97];
  const names = ["jx_budget_initial", "jx_budget_adjusted", "jx_executed", "jx_exec_rate", "jx_exec_weight", "jx_exec_score"];
  vals.forEach((v, i) => {
    const cell = ev.getCell(2, i + 1);
    cell.value = v;
    cell.numFmt = i < 3 ? MONEY : i === 3 ? "0.00%" : "0.00";
    wb.definedNames.add(ref(ev, `${colLetter(i + 1)}2`), names[i]);
  });
  const header = ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  const body = [
    ["产出指标", "数量指标", "城乡居民基本医疗保险完成参保任务数", "≥", "23万人", "23.9万人", 10, 9, "完成率为107.5%"],
    [null, "时效指标", "经费支出的时效性", "定性", "按时上解至医保基金专户", "均已按时完成", 10, 10, null],
    [null, "质量指标", "经费支出的合规性", "定性", "应保尽保、应救尽救", "已完成", 15, 15, null],
    [null, "成本指标", "项目总成本", "≤", "1632.87万元", "1707.31万元", 15, 14, "城乡居民医保参保缴费人数高于年初设定人数，追加49.17万元"],
    ["效益指标", "社会效益指标", "有力保障困难群众基本医疗权益", "定性", "保障困难群众基本医疗权益", "城乡居民医保超额完成任务，医疗救助应救尽救", 15, 15, null],
    [null, "可持续影响指标", "维护医保基金安全", "定性", "持续推动医保工作走深走实", "有效提升为民服务能力和水平", 15, 15, null],
    ["满意度指标", "服务对象满意度指标", "群众满意率", "≥", "90%", "超90%", 10, 10, null],
  ];
  const range = put(ev, 4, 1, [header, ...body], { headerRows: 1 });
  wb.definedNames.add(ref(ev, range), "jx_indicators");
  mergeCarried(ev, 5, 1, body.map((r) => r[0]));
  const s = 5 + body.length + 1;
  const summary = [
    ["一级指标", "分值", "得分"],
    ["预算执行率", 10, 9.97],
    ["产出指标", 50, 50],
    ["效益指标", 30, 30],
    ["满意度指标", 10, 10],
  ];
  wb.definedNames.add(ref(ev, put(ev, s, 1, summary, { headerRows: 1 })), "jx_score_summary");
  const t = s + summary.length + 1;
  ev.getCell(t, 1).value = "绩效自评综合得分";
  ev.getCell(t, 2).value = 97.97;
  wb.definedNames.add(ref(ev, `B${t}`), "jx_score_total");
  ev.getCell(t + 1, 1).value = "评价等次";
  ev.getCell(t + 1, 2).value = "优";
  wb.definedNames.add(ref(ev, `B${t + 1}`), "jx_grade");
  textSheet(wb, {
    duties: "1.贯彻执行国家、省和市有关医疗保险、生育保险、医疗救助、疾病应急救治等医疗保障法律法规和政策规定。2.落实全区医疗保障管理体制改革任务。3.贯彻执行省医疗保险监督管理办法，建立健全医疗保障基金安全防控机制。",
    tasks:
      "1.推进“综合柜员制”改革，所有服务事项实现“一窗通办”。2.扎实做好城乡居民医保参保工作，确保做到应保尽保。3.做好城乡医疗救助。4.开展医保专项检查和重点检查。",
    achievements:
      "2024年区医保局年初部门预算安排1632.87万元，全年预算安排1711.75万元，全年执行1707.31万元，其中，基本支出103.86万元，项目支出1603.44万元。预算执行率99.74%，得分9.97分。2024年全区城乡居民医保参保缴费23.9万人，完成参保率107.5%。2024年全区城乡医疗救助共支出1569.37万元，其中医疗救助1.8万人次，医疗救助基金支出1449.1万元；资助参保3511人，资助金额120.27万元。经自评，2024年度区医保局部门整体支出绩效自评综合得分为97.97分，自评结果为“优”。",
    problems: "一是预算编制不够精准科学。二是绩效管理理念不够强，存在一定的“重分配、轻管理，重支出、轻绩效”的思想。三是绩效管理人员队伍较弱，能力不强。",
    measures: "（1）细化预算编制工作，认真做好预算的编制。（2）加强财务管理，严格财务审核。（3）完善资产管理。（4）对相关人员加强培训。",
  });
  await save(wb, "hefei-2024.xlsx");
}

// ---------------------------------------------------------------- issue 9: the forms bureaus use (seeds 001, 003, 004)
async function bureauForms() {
  const { buildExamples } = require("../test/forms-corpus/examples.ts");
  const { writeBook } = require("../test/forms-corpus/book.ts");
  for (const example of buildExamples()) {
    const out = path.join(OUT, example.file);
    await writeBook(example.book, out);
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
}

(async () => {
  await linxiangTemplate();
  await linxiangClerk();
  await chengde();
  await hefei();
  await bureauForms();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
