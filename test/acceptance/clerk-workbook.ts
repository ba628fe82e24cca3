/**
 * A consistent self-evaluation workbook laid out unlike every fixture, example and template: each table
 * on its own sheet (sheet names with spaces), none starting at A1, columns in another order, extra
 * columns (序号, 备注, 说明, 负责科室) and notes around the tables, the 合计 row last in some tables and
 * 汇总 first in another, headers with full-width characters (机构　名称, 年度指标值（Ａ）) and aliases
 * (一般公共预算财政拨款, 政府性基金拨款, 因公出国（境）费). Money in 万元.
 *
 * The workbook is described as data ({@link WorkbookSpec}) so that each acceptance test can plant one
 * mistake in a copy, then written as a real .xlsx with ExcelJS (a NEW file: ExcelJS is fine for that).
 * Two layouts of the same numbers: {@link namedWorkbook} (jx_ defined names) and {@link seedLayoutWorkbook}
 * (no names, seed 000's two/three-row headers with merged 其中 cells, for auto-map).
 */
import ExcelJS from "exceljs";

/** A cell: a value, optionally with a number format. */
export interface CellSpec {
  v: string | number | null;
  fmt?: string;
  /** A formula (without `=`); `v` is then its cached result. */
  f?: string;
}

/** A sheet: cells by A1 address, merged areas, column widths. */
export interface SheetSpec {
  name: string;
  cells: Map<string, CellSpec>;
  merges: string[];
}

/** A workbook: sheets in order and workbook-scoped defined names (name → `'Sheet'!$A$1:$B$2`). */
export interface WorkbookSpec {
  sheets: SheetSpec[];
  names: Map<string, string>;
}

export const MONEY = "#,##0.00";
export const RATE = "0.00%";

function colLetter(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  return letters.split("").reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
}

/** `C5` + (dr, dc). */
export function offset(a1: string, dr: number, dc: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return `${colLetter(colIndex(m[1]) + dc)}${Number(m[2]) + dr}`;
}

class SheetWriter {
  readonly spec: SheetSpec;
  constructor(name: string) {
    this.spec = { name, cells: new Map(), merges: [] };
  }
  set(a1: string, v: string | number | null, fmt?: string): void {
    this.spec.cells.set(a1, fmt ? { v, fmt } : { v });
  }
  /** Write rows at `topLeft`; numbers get `numFmt` (per column when an array). Returns the covered area. */
  rows(topLeft: string, rows: readonly (readonly (string | number | null)[])[], numFmt?: string | readonly (string | undefined)[]): string {
    let width = 0;
    rows.forEach((row, r) => {
      width = Math.max(width, row.length);
      row.forEach((v, c) => {
        if (v === null) return;
        const fmt = typeof v === "number" ? (Array.isArray(numFmt) ? numFmt[c] : (numFmt as string | undefined)) : undefined;
        this.set(offset(topLeft, r, c), v, fmt);
      });
    });
    return `${topLeft}:${offset(topLeft, rows.length - 1, width - 1)}`;
  }
  merge(area: string): void {
    this.spec.merges.push(area);
  }
}

/** `'Sheet name'!$C$5:$J$9`. */
function ref(sheet: string, area: string): string {
  const abs = area
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `'${sheet}'!${abs}`;
}

// ------------------------------------------------------------------------------------------ the numbers
/** Institutions (the 合计/汇总 row is added per table). */
export const UNITS = ["局机关", "医保事务中心", "医保基金中心"] as const;

/** 收入: 上年结转, 公共财政拨款, 政府基金拨款, 纳入专户管理的非税收入拨款, 其他收入, 收入合计. */
export const INCOME = {
  rows: [
    { carry: 10.0, pub: 1858.51, fund: 52.55, special: 0, other: 0, total: 1921.06 },
    { carry: 0, pub: 28892.07, fund: 0, special: 0, other: 0, total: 28892.07 },
    { carry: 5.2, pub: 120.3, fund: 0, special: 0, other: 1.1, total: 126.6 },
  ],
  sum: { carry: 15.2, pub: 30870.88, fund: 52.55, special: 0, other: 1.1, total: 30939.73 },
};

/** 支出: 支出合计 = 基本 + 项目; 基本 = 人员 + 公用. */
export const EXPENSE = {
  rows: [
    { total: 1921.06, basic: 1911.06, personnel: 1640.27, publicUse: 270.79, project: 10.0, year: 0, acc: 5.0 },
    { total: 28892.07, basic: 346.77, personnel: 224.06, publicUse: 122.71, project: 28545.3, year: 0, acc: 0 },
    { total: 126.6, basic: 100.5, personnel: 80.1, publicUse: 20.4, project: 26.1, year: 0, acc: 7.0 },
  ],
  sum: { total: 30939.73, basic: 2358.33, personnel: 1944.43, publicUse: 413.9, project: 28581.4, year: 0, acc: 12.0 },
};

/** 三公经费. */
export const SANGONG = {
  rows: [
    { total: 24.0, reception: 18.0, ops: 6.0, buy: 0, abroad: 0 },
    { total: 8.25, reception: 8.25, ops: 0, buy: 0, abroad: 0 },
    { total: 3.5, reception: 2.0, ops: 1.5, buy: 0, abroad: 0 },
  ],
  sum: { total: 35.75, reception: 28.25, ops: 7.5, buy: 0, abroad: 0 },
};

/** 固定资产. */
export const ASSETS = {
  rows: [
    { total: 51.14, inUse: 51.14, leased: 0, other: 0 },
    { total: 37.43, inUse: 36.43, leased: 0, other: 1.0 },
    { total: 12.0, inUse: 10.0, leased: 2.0, other: 0 },
  ],
  sum: { total: 100.57, inUse: 97.57, leased: 2.0, other: 1.0 },
};

/** Projects: 预算, 执行, 结转结余 = 预算 − 执行, 执行率 = 执行 ÷ 预算. */
export const PROJECTS = [
  { name: "城乡医疗救助资金", doc: "湘财社〔2021〕12号", budget: 28600.0, executed: 28545.3, carry: 54.7, rate: 0.9981 },
  { name: "医保信息化建设", doc: "湘财社〔2021〕31号", budget: 30.0, executed: 26.1, carry: 3.9, rate: 0.87 },
  { name: "执法装备购置", doc: null, budget: 10.0, executed: 10.0, carry: 0, rate: 1 },
];

/** Indicators: 一级, 二级, 三级, 方向, 指标值, 完成值, 分值, 得分. */
export const INDICATORS: readonly (readonly [string, string, string, string, string, string, number, number])[] = [
  ["产出指标", "数量指标", "城乡居民参保人数", "≥", "45万人", "49.3万人", 15, 15],
  ["产出指标", "质量指标", "定点机构稽查覆盖率", "≥", "95%", "100%", 10, 10],
  ["产出指标", "时效指标", "救助资金支付及时性", "定性", "按时支付", "达成年度指标", 10, 10],
  ["产出指标", "成本指标", "医疗救助项目总成本", "≤", "28600万元", "28545.30万元", 15, 15],
  ["效益指标", "社会效益指标", "基本医疗保险参保率", "≥", "95%", "95.44%", 15, 15],
  ["效益指标", "可持续影响指标", "基金监管长效机制", "定性", "建立长效机制", "达成年度指标", 15, 15],
  ["满意度指标", "服务对象满意度指标", "参保群众满意率", "≥", "90%", "93%", 10, 10],
];

/** 一级指标 summary: 预算执行率 then the three groups. */
export const SUMMARY: readonly (readonly [string, number, number])[] = [
  ["预算执行率", 10, 9.97],
  ["产出指标", 50, 50],
  ["效益指标", 30, 30],
  ["满意度指标", 10, 10],
];

export const EXEC = { initial: 30500.0, adjusted: 31030.0, executed: 30939.73, rate: 0.9971, weight: 10, score: 9.97 };
export const TOTAL = 99.97;
export const GRADE = "优";

/** The texts; each sentence is true of the tables (the prose tests plant one untruth each). */
export const TEXTS = {
  duties: "贯彻落实国家和省医疗保障政策，负责全市医疗保险、医疗救助的经办管理和医保基金监督。",
  tasks: "一是稳参保增基金；二是落实医疗救助政策；三是加强基金监管；四是推进医保信息化建设。",
  achievements:
    "2021年，我局全年预算31030.00万元，全年执行30939.73万元，预算执行率99.71%。" +
    "医保事务中心基本支出346.77万元，其中：人员支出224.06万元、公用支出122.71万元。" +
    "年度目标参保23万人，实际完成23.9万人，完成率103.9%。" +
    "三公经费35.75万元，比上年减少204.25万元，下降85.1%。" +
    "全年追回违规基金200.34万元，其中：定点医院160.00万元、定点药店40.34万元。",
  problems: "一是预算编制不够精准。二是绩效管理人员队伍较弱，能力有待提升。",
  measures: "一是细化预算编制。二是加强绩效管理培训，提高服务效能。",
};

export const TITLE = "湘北市医疗保障局2021年度部门整体支出绩效自评表";

// ------------------------------------------------------------------------------------------ named layout
/** Where the named layout puts the cells the tests plant mistakes into (sheet, A1). */
export const AT = {
  info: "基本 信息",
  income: "收入 情况",
  expense: "支出 情况",
  sangong: "三公 经费",
  assets: "固定 资产",
  projects: "项目 执行",
  exec: "预算 执行",
  indicators: "绩效 指标",
  text: "文字 说明",
} as const;

/**
 * The consistent workbook with jx_ defined names. Cell positions (used by the tests):
 * - 基本 信息: title B2; 评价年度 E4 … 金额单位 E12; 综合得分 E14; 等次 E15.
 * - 收入 情况: header C5 (C 机构 D 备注 E 其他 F 一般公共预算财政拨款 G 上年结转 H 收入合计 I 政府性基金 J 专户), rows 6–8, 合计 9.
 * - 支出 情况: header B4 (B 序号 C 机构 D 项目 E 基本 F 公用 G 人员 H 支出合计 I 累计结余 J 当年结余 K 说明), rows 5–7, 合计 8.
 * - 三公 经费: header D6 (D 机构 E 运维 F 接待 G 出国 H 购置 I 合计), rows 7–9, 合计 10.
 * - 固定 资产: header A10 (A 机构 B 其他 C 出租 D 在用 E 合计), 汇总 11, rows 12–14.
 * - 项目 执行: header B3 (B 项目名称 C 执行数 D 预算数 E 执行率 F 结转结余 G 资金文号 H 负责科室), rows 4–6.
 * - 预算 执行: labels B3–B8, values C3–C8 (年初, 全年预算, 全年执行, 执行率, 分值, 得分).
 * - 绩效 指标: header B4 (B 一级 C 二级 D 三级 E 分值 F 得分 G 方向 H 指标值 I 完成值 J 偏差原因 K 备注), rows 5–11;
 *   得分汇总 header B14 (B 一级 C 分值 D 得分 E 备注), rows 15–18.
 * - 文字 说明: labels B3–B7, texts D3–D7 (职能, 任务, 成绩, 问题, 措施).
 */
export function namedWorkbook(): WorkbookSpec {
  const names = new Map<string, string>();
  const sheets: SheetSpec[] = [];

  // 基本 信息
  const info = new SheetWriter(AT.info);
  info.set("B2", TITLE);
  info.merge("B2:F2");
  info.set("C3", "项目");
  info.set("E3", "填报内容");
  info.set("F3", "说明");
  const scalars: [string, string | number, string, string?][] = [
    ["评价年度", 2021, "jx_report_year"],
    ["部门（单位）名称", "湘北市医疗保障局", "jx_unit_name"],
    ["评价类型", "部门整体支出", "jx_report_kind"],
    ["报告日期", "2022年3月10日", "jx_report_date"],
    ["联系人", "王芳", "jx_contact_name"],
    ["联系电话", "0730-3728919", "jx_contact_phone"],
    ["人员编制", 65, "jx_staff_quota"],
    ["实有人数", 63, "jx_staff_actual", "含借调2人"],
    ["金额单位", "万元", "jx_money_unit", "各表金额均以万元为单位"],
  ];
  scalars.forEach(([label, value, name, note], i) => {
    const r = 4 + i;
    info.set(`C${r}`, label);
    info.set(`E${r}`, value);
    if (note) info.set(`F${r}`, note);
    names.set(name, ref(AT.info, `E${r}`));
  });
  info.set("C14", "绩效自评综合得分");
  info.set("E14", TOTAL, "0.00");
  names.set("jx_score_total", ref(AT.info, "E14"));
  info.set("C15", "评价等次");
  info.set("E15", GRADE);
  names.set("jx_grade", ref(AT.info, "E15"));
  sheets.push(info.spec);

  // 收入 情况: columns shuffled, 合计 last, aliases and a full-width space in the header.
  const inc = new SheetWriter(AT.income);
  inc.set("C2", "年度收入情况");
  inc.set("C3", "单位：万元");
  const incHeader = ["机构　名称", "备注", "其他收入", "一般公共预算财政拨款", "上年结转", "收入合计", "政府性基金拨款", "纳入专户管理的非税收入拨款"];
  const incRow = (name: string, note: string | null, r: (typeof INCOME)["sum"]) => [name, note, r.other, r.pub, r.carry, r.total, r.fund, r.special];
  const incArea = inc.rows(
    "C5",
    [incHeader, incRow(UNITS[0], "含结转", INCOME.rows[0]), incRow(UNITS[1], null, INCOME.rows[1]), incRow(UNITS[2], "新设", INCOME.rows[2]), incRow("合计", null, INCOME.sum)],
    MONEY,
  );
  names.set("jx_income", ref(AT.income, incArea));
  inc.set("C11", "注：上年结转含医保基金中心结转5.20万元。");
  sheets.push(inc.spec);

  // 支出 情况: 序号 first, 项目 before 基本, 公用 before 人员, 合计 last, a 说明 column.
  const exp = new SheetWriter(AT.expense);
  exp.set("B2", "年度支出和结余情况（金额单位：万元）");
  const expHeader = ["序号", "机构名称", "项目支出", "基本支出", "公用支出", "人员支出", "支出合计", "累计结余", "当年结余", "说明"];
  const expRow = (no: number | null, name: string, r: (typeof EXPENSE)["sum"], note: string | null) => [no, name, r.project, r.basic, r.publicUse, r.personnel, r.total, r.acc, r.year, note];
  const expArea = exp.rows(
    "B4",
    [expHeader, expRow(1, UNITS[0], EXPENSE.rows[0], null), expRow(2, UNITS[1], EXPENSE.rows[1], "救助资金由中心拨付"), expRow(3, UNITS[2], EXPENSE.rows[2], null), expRow(null, "合计", EXPENSE.sum, null)],
    [undefined, undefined, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY],
  );
  names.set("jx_expense", ref(AT.expense, expArea));
  sheets.push(exp.spec);

  // 三公 经费 at D6.
  const sg = new SheetWriter(AT.sangong);
  sg.set("D3", "“三公”经费支出情况");
  sg.set("D4", "单位：万元");
  const sgRow = (name: string, r: (typeof SANGONG)["sum"]) => [name, r.ops, r.reception, r.abroad, r.buy, r.total];
  const sgArea = sg.rows(
    "D6",
    [["机构名称", "公务用车运维费", "公务接待费", "因公出国（境）费", "公务用车购置费", "三公经费合计"], sgRow(UNITS[0], SANGONG.rows[0]), sgRow(UNITS[1], SANGONG.rows[1]), sgRow(UNITS[2], SANGONG.rows[2]), sgRow("合计", SANGONG.sum)],
    MONEY,
  );
  names.set("jx_sangong", ref(AT.sangong, sgArea));
  sheets.push(sg.spec);

  // 固定 资产 at A10, 汇总 first.
  const as = new SheetWriter(AT.assets);
  as.set("A1", "固定资产情况");
  as.set("A2", "说明：按财务账面原值填列。");
  as.set("A8", "单位：万元");
  const asRow = (name: string, r: (typeof ASSETS)["sum"]) => [name, r.other, r.leased, r.inUse, r.total];
  const asArea = as.rows(
    "A10",
    [["机构名称", "其他", "出租固定资产", "在用固定资产", "固定资产合计"], asRow("全局汇总", ASSETS.sum), asRow(UNITS[0], ASSETS.rows[0]), asRow(UNITS[1], ASSETS.rows[1]), asRow(UNITS[2], ASSETS.rows[2])],
    MONEY,
  );
  names.set("jx_assets", ref(AT.assets, asArea));
  sheets.push(as.spec);

  // 项目 执行 at B3.
  const pj = new SheetWriter(AT.projects);
  pj.set("B1", "预算项目执行情况（万元）");
  const pjArea = pj.rows(
    "B3",
    [["项目名称", "执行数", "预算数", "执行率", "结转结余", "资金文号", "负责科室"], ...PROJECTS.map((p, i) => [p.name, p.executed, p.budget, p.rate, p.carry, p.doc, ["待遇保障股", "信息股", "办公室"][i]])],
    [undefined, MONEY, MONEY, RATE, MONEY],
  );
  names.set("jx_projects", ref(AT.projects, pjArea));
  sheets.push(pj.spec);

  // 预算 执行: vertical block.
  const ex = new SheetWriter(AT.exec);
  ex.set("B1", "预算执行情况");
  const execRows: [string, number, string, string][] = [
    ["年初预算数", EXEC.initial, MONEY, "jx_budget_initial"],
    ["全年预算数", EXEC.adjusted, MONEY, "jx_budget_adjusted"],
    ["全年执行数", EXEC.executed, MONEY, "jx_executed"],
    ["预算执行率", EXEC.rate, RATE, "jx_exec_rate"],
    ["预算执行率分值", EXEC.weight, "0", "jx_exec_weight"],
    ["预算执行率得分", EXEC.score, "0.00", "jx_exec_score"],
  ];
  execRows.forEach(([label, v, fmt, name], i) => {
    ex.set(`B${3 + i}`, label);
    ex.set(`C${3 + i}`, v, fmt);
    names.set(name, ref(AT.exec, `C${3 + i}`));
  });
  ex.set("D5", "以财政决算数为准");
  sheets.push(ex.spec);

  // 绩效 指标 at B4: 分值/得分 before the values, full-width header letters, merged 一级 cells.
  const ind = new SheetWriter(AT.indicators);
  ind.set("B2", "部门整体支出绩效指标完成情况");
  const indHeader = ["一级指标", "二级指标", "三级指标", "分值", "得分", "指标方向", "年度指标值（Ａ）", "实际完成值(B)", "偏差原因分析及改进措施", "备注"];
  const indRows = INDICATORS.map(([l1, l2, l3, dir, a, b, w, s], i) => [i === 0 || INDICATORS[i - 1][0] !== l1 ? l1 : null, l2, l3, w, s, dir, a, b, null, i === 3 ? "含追加资金" : null]);
  const indArea = ind.rows("B4", [indHeader, ...indRows], [undefined, undefined, undefined, "0", "0.00"]);
  names.set("jx_indicators", ref(AT.indicators, indArea));
  ind.merge("B5:B8");
  ind.merge("B9:B10");
  ind.set("B13", "一级指标得分汇总");
  const sumArea = ind.rows("B14", [["一级指标", "分值", "得分", "备注"], ...SUMMARY.map(([l, w, s]) => [l, w, s, null])], [undefined, "0", "0.00"]);
  names.set("jx_score_summary", ref(AT.indicators, sumArea));
  sheets.push(ind.spec);

  // 文字 说明: labels in B, text in D.
  const tx = new SheetWriter(AT.text);
  tx.set("B1", "文字说明部分");
  const texts: [string, string, string][] = [
    ["职能职责概述", TEXTS.duties, "jx_duties"],
    ["年度主要工作任务", TEXTS.tasks, "jx_tasks"],
    ["总体运行情况及取得的成绩", TEXTS.achievements, "jx_achievements"],
    ["存在的主要问题", TEXTS.problems, "jx_problems"],
    ["改进措施和有关建议", TEXTS.measures, "jx_measures"],
  ];
  texts.forEach(([label, text, name], i) => {
    tx.set(`B${3 + i}`, label);
    tx.set(`D${3 + i}`, text);
    names.set(name, ref(AT.text, `D${3 + i}`));
  });
  sheets.push(tx.spec);

  return { sheets, names };
}

// ------------------------------------------------------------------------------------------ seed-000 layout
/** Sheet names of the auto-map layout. */
export const SEED_AT = { front: "自评 报告", tables: "收支 情况", scores: "绩效 自评" } as const;

/**
 * The same numbers without defined names, laid out like seed 000's tables: two/three-row headers with
 * merged 其中 cells, 机构名称 first, the 汇总 row first, titles with （万元）, columns in the seed's order.
 * Unlike examples/linxiang-2021-clerk.xlsx, the tables sit on their own sheet starting at column B,
 * with a 说明 column on the right, and the scores and projects on a third sheet.
 * Cell positions: 收支 情况: 收入 header B3:H4, rows 5 (汇总) 6–8; 支出 header B11:I13, rows 14 (汇总) 15–17
 * (基本支出 in column D, so 医保事务中心 基本支出 = D16); 三公 header B20:G21, rows 22–25; 固定资产 header B28:F29, rows 30–33.
 */
export function seedLayoutWorkbook(): WorkbookSpec {
  const sheets: SheetSpec[] = [];
  const names = new Map<string, string>();

  const front = new SheetWriter(SEED_AT.front);
  front.set("A1", "湘北市  2021 年度部门（单位）整体支出绩效评价自评报告");
  front.merge("A1:F1");
  const pairs: [string, string, string, string | number][] = [
    ["A3", "评价年度", "B3", 2021],
    ["A4", "部门(单位)名称", "B4", "湘北市医疗保障局"],
    ["A5", "报告日期", "B5", "2022年3月10日"],
    ["A6", "联系人", "B6", "王芳"],
    ["C6", "联络电话", "D6", "0730-3728919"],
    ["A7", "人员编制", "B7", 65],
    ["C7", "实有人数", "D7", 63],
  ];
  for (const [la, l, va, v] of pairs) {
    front.set(la, l);
    front.set(va, v);
  }
  const textRows: [string, string][] = [
    ["职能职责概述", TEXTS.duties],
    ["年度主要工作内容", TEXTS.tasks],
    ["年度部门（单位）总体运行情况及取得的成绩", TEXTS.achievements],
    ["存在的主要问题", TEXTS.problems],
    ["改进措施和有关建议", TEXTS.measures],
  ];
  textRows.forEach(([l, t], i) => {
    front.set(`A${9 + i}`, l);
    front.set(`B${9 + i}`, t);
    front.merge(`B${9 + i}:F${9 + i}`);
  });
  sheets.push(front.spec);

  const ws = new SheetWriter(SEED_AT.tables);
  const seedNames = ["局机关及二级机构汇总", `1、${UNITS[0]}`, `2、${UNITS[1]}`, `3、${UNITS[2]}`];
  const data = (top: number, rows: (readonly number[])[]) => ws.rows(`B${top}`, rows.map((r, i) => [seedNames[i], ...r]), "0.00");

  ws.set("B2", "年度收入情况（万元）");
  ws.rows("B3", [["机构名称", "收入合计", "其中："], [null, null, "上年结转", "一般公共预算财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"]]);
  ["B3:B4", "C3:C4", "D3:H3"].forEach((a) => ws.merge(a));
  const inc = (r: (typeof INCOME)["sum"]) => [r.total, r.carry, r.pub, r.fund, r.special, r.other];
  data(5, [inc(INCOME.sum), ...INCOME.rows.map(inc)]);
  ws.set("I5", "说明");

  ws.set("B10", "部门（单位）年度支出和结余情况（万元）");
  ws.rows("B11", [
    ["机构名称", "支出合计", "其中：", null, null, null, "结余"],
    [null, null, "基本支出", "其中：", null, "项目支出", "当年结余", "累计结余"],
    [null, null, null, "人员支出", "公用支出"],
  ]);
  ["B11:B13", "C11:C13", "D11:G11", "H11:I11", "D12:D13", "E12:F12", "G12:G13", "H12:H13", "I12:I13"].forEach((a) => ws.merge(a));
  const exp = (r: (typeof EXPENSE)["sum"]) => [r.total, r.basic, r.personnel, r.publicUse, r.project, r.year, r.acc];
  data(14, [exp(EXPENSE.sum), ...EXPENSE.rows.map(exp)]);

  ws.set("B19", "“三公”经费情况（万元）");
  ws.rows("B20", [["机构名称", "三公经费\n\n合计", "其中："], [null, null, "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"]]);
  ["B20:B21", "C20:C21", "D20:G20"].forEach((a) => ws.merge(a));
  const sg = (r: (typeof SANGONG)["sum"]) => [r.total, r.reception, r.ops, r.buy, r.abroad];
  data(22, [sg(SANGONG.sum), ...SANGONG.rows.map(sg)]);

  ws.set("B27", "固定资产情况（万元）");
  ws.rows("B28", [["机构名称", "固定资产\n\n合计", "其中：", null, "其他"], [null, null, "在用固定资产", "出租固定资产"]]);
  ["B28:B29", "C28:C29", "D28:E28", "F28:F29"].forEach((a) => ws.merge(a));
  const as = (r: (typeof ASSETS)["sum"]) => [r.total, r.inUse, r.leased, r.other];
  data(30, [as(ASSETS.sum), ...ASSETS.rows.map(as)]);
  sheets.push(ws.spec);

  const ev = new SheetWriter(SEED_AT.scores);
  ev.rows("A1", [["年初预算数", "全年预算数", "全年执行数", "预算执行率", "预算执行率分值", "预算执行率得分"]]);
  ev.rows("A2", [[EXEC.initial, EXEC.adjusted, EXEC.executed, EXEC.rate, EXEC.weight, EXEC.score]], [MONEY, MONEY, MONEY, RATE, "0", "0.00"]);
  ev.set("A4", "预算项目执行情况");
  ev.rows("A5", [["项目名称", "资金文号", "预算数", "执行数", "结转结余", "执行率"], ...PROJECTS.map((p) => [p.name, p.doc, p.budget, p.executed, p.carry, p.rate])], [undefined, undefined, MONEY, MONEY, MONEY, RATE]);
  ev.set("A10", "三、部门（单位）整体支出绩效自评情况");
  const header = ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  const body = INDICATORS.map(([l1, l2, l3, dir, a, b, w, s], i) => [i === 0 || INDICATORS[i - 1][0] !== l1 ? l1 : null, l2, l3, dir, a, b, w, s, null]);
  ev.rows("A11", [header, ...body]);
  ev.merge("A12:A15");
  ev.merge("A16:A17");
  ev.set("A20", "得分汇总");
  ev.rows("A21", [["一级指标", "分值", "得分"], ...SUMMARY.map((r) => [...r])]);
  ev.set("A27", "绩效自评综合得分");
  ev.set("B27", TOTAL);
  ev.set("A28", "评价等次");
  ev.set("B28", GRADE);
  sheets.push(ev.spec);
  return { sheets, names };
}

// ------------------------------------------------------------------------------------------ planting + writing
/** A deep copy, to plant one mistake in. */
export function copySpec(spec: WorkbookSpec): WorkbookSpec {
  return {
    sheets: spec.sheets.map((s) => ({ name: s.name, cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])), merges: [...s.merges] })),
    names: new Map(spec.names),
  };
}

/** Set (plant) a cell value, keeping its number format unless `fmt` is given. */
export function plant(spec: WorkbookSpec, sheet: string, a1: string, v: string | number | null, fmt?: string): WorkbookSpec {
  const s = spec.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const old = s.cells.get(a1);
  s.cells.set(a1, { v, fmt: fmt ?? old?.fmt });
  return spec;
}

/** Make a cell a formula with the given cached result (keeping its number format). */
export function plantFormula(spec: WorkbookSpec, sheet: string, a1: string, formula: string, cached: number): WorkbookSpec {
  const s = spec.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  s.cells.set(a1, { v: cached, fmt: s.cells.get(a1)?.fmt, f: formula });
  return spec;
}

/** The value currently at a cell of the spec. */
export function valueAt(spec: WorkbookSpec, sheet: string, a1: string): string | number | null | undefined {
  return spec.sheets.find((x) => x.name === sheet)?.cells.get(a1)?.v;
}

const ERROR_VALUES: ReadonlySet<string> = new Set(["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!"]);

/** Write the spec as a real .xlsx with ExcelJS (an error code such as `#REF!` becomes an error value). */
export async function writeSpec(spec: WorkbookSpec, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao acceptance";
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [a1, c] of s.cells) {
      if (c.v === null) continue;
      const cell = ws.getCell(a1);
      // `#REF!`, `#DIV/0!` … are written as Excel error values, not as text.
      if (c.f !== undefined) cell.value = { formula: c.f, result: c.v ?? undefined } as ExcelJS.CellFormulaValue;
      else cell.value = typeof c.v === "string" && ERROR_VALUES.has(c.v) ? ({ error: c.v } as ExcelJS.CellErrorValue) : c.v;
      if (c.fmt) cell.numFmt = c.fmt;
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  for (const [name, r] of spec.names) wb.definedNames.add(r, name);
  await wb.xlsx.writeFile(file);
}

/** The money cells of the named layout (sheet → addresses), for the 元 variant. */
const NAMED_MONEY: Readonly<Record<string, readonly string[]>> = (() => {
  const area = (cols: string, from: number, to: number): string[] => {
    const out: string[] = [];
    for (const c of cols) for (let r = from; r <= to; r++) out.push(`${c}${r}`);
    return out;
  };
  return {
    [AT.income]: area("EFGHIJ", 6, 9),
    [AT.expense]: area("DEFGHIJ", 5, 8),
    [AT.sangong]: area("EFGHI", 7, 10),
    [AT.assets]: area("BCDE", 11, 14),
    [AT.projects]: area("CDF", 4, 6),
    [AT.exec]: ["C3", "C4", "C5"],
  };
})();

/**
 * The named workbook with its money in 元 (jx_money_unit 元, every money cell × 10 000, table titles
 * saying 元). The texts keep their 万元 amounts, which the checker converts.
 */
export function namedWorkbookInYuan(): WorkbookSpec {
  const spec = copySpec(namedWorkbook());
  for (const [sheet, cells] of Object.entries(NAMED_MONEY)) {
    for (const a1 of cells) {
      const v = valueAt(spec, sheet, a1);
      if (typeof v === "number") plant(spec, sheet, a1, Math.round(v * 10000 * 100) / 100);
    }
  }
  plant(spec, AT.info, "E12", "元");
  plant(spec, AT.info, "F12", "各表金额均以元为单位");
  for (const s of spec.sheets) {
    for (const [a1, c] of s.cells) {
      if (typeof c.v === "string" && /^(单位：万元|.*（(金额单位：)?万元）)$/.test(c.v)) s.cells.set(a1, { ...c, v: c.v.replace("万元", "元") });
    }
  }
  return spec;
}

/**
 * The acceptance workbooks the reader tests go through (test/hosts/xlsx-light.test.ts,
 * test/core/model/cell-index.test.ts): the consistent ones (named, in the seed's layout, in 元), then
 * one per kind of planted cell a reader must carry as written (error values, text with separators,
 * full-width digits, a formula with its cached result).
 */
export function readerAcceptanceSpecs(): { readonly spec: WorkbookSpec; readonly planted: boolean }[] {
  const base = namedWorkbook();
  return [
    { spec: base, planted: false },
    { spec: seedLayoutWorkbook(), planted: false },
    { spec: namedWorkbookInYuan(), planted: false },
    { spec: plant(copySpec(base), AT.exec, "C5", "#REF!"), planted: true },
    { spec: plant(copySpec(base), AT.income, "F6", "1,858.51"), planted: true },
    { spec: plant(copySpec(base), AT.projects, "E5", "#DIV/0!"), planted: true },
    { spec: plant(copySpec(base), AT.sangong, "F7", "１８.００"), planted: true },
    { spec: plantFormula(copySpec(base), AT.expense, "E5", "SUM(E6:E8)", 1911.6), planted: true },
  ];
}
