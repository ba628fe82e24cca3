/**
 * A 部门整体支出绩效自评表 with a list of its 重点项目 inside it, as many provinces' forms carry it (seed 002's
 * form, project data invented, consistent to the cent):
 *
 * ο. seed 002's 部门整体 form (dept-form.ts: funds by 收入性质 / 支出性质, the indicators, the 得分汇总, 自评等级
 *    and 自评结论) followed, after the indicators, by a `重点项目绩效自评情况` block: 序号 | 重点项目名称 (merged
 *    over two columns) | 项目类别 | 预算数（万元） | 执行数（万元） | 执行率 | 自评得分 | 自评等次 | 备注, four
 *    projects and a 合计 row (score and grade “—”). The list is a SUBSET of the 项目支出 line: its 合计
 *    (1597.55 / 1588.45) is not the 项目支出 (1607.55 / 1603.45) nor the 年度资金总额, and must not be read as
 *    either. A `自评报告` sheet quotes the projects one paragraph each (“医保信息化建设项目预算120.00万元，执行
 *    115.20万元，执行率96.00%，自评得分95分，评价等次为“优”。”) and their total.
 */
import { MONEY, type Ref, SheetWriter, lastRow, parseA1 } from "./book";
import { moveCells } from "./edit-sweep";
import { num, put, txt, yuan } from "./corpus-helpers";
import { SEED002, writeDeptSheet } from "./dept-form";
import { rate4 } from "./project-form";
import { type Relation, sum } from "./relations";
import { gradeOf } from "./seeds";
import type { FormCase, Trap, Variant } from "./types";

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** The key projects: name, category, 预算数, 执行数 (万元), 自评得分. */
const KEY_PROJECTS = [
  { name: "医保信息化建设项目", kind: "信息化建设", budget: 120.0, spent: 115.2, score: 95 },
  { name: "城乡医疗救助资金", kind: "民生保障", budget: 1450.0, spent: 1449.1, score: 97.5 },
  { name: "医保基金监管专项经费", kind: "业务运行", budget: 18.5, spent: 15.8, score: 86 },
  { name: "医保经办服务能力提升项目", kind: "业务运行", budget: 9.05, spent: 8.35, score: 78.5 },
];
const KEY_BUDGET = 1597.55;
const KEY_SPENT = 1588.45;

export function deptKeyProjectsCase(): FormCase {
  const name = "部门整体自评表";
  const { sheet: w, cells: c, relations: deptRelations, traps: deptTraps } = writeDeptSheet(name, SEED002);

  // 重点项目绩效自评情况, two rows under the 自评结论.
  const t = lastRow(w.spec) + 2;
  w.merged(`A${t}:J${t}`, "重点项目绩效自评情况", { bold: true, center: true });
  const h = t + 1;
  w.label(`A${h}`, "序号", { bold: true });
  w.merged(`B${h}:C${h}`, "重点项目名称", { bold: true, center: true });
  ["项目类别", "预算数（万元）", "执行数（万元）", "执行率", "自评得分", "自评等次", "备注"].forEach((x, i) => w.label(`${"DEFGHIJ"[i]}${h}`, x, { bold: true, wrap: true }));
  const rows = KEY_PROJECTS.map((p, k) => {
    const r = h + 1 + k;
    w.set(`A${r}`, k + 1, { center: true });
    w.merged(`B${r}:C${r}`, p.name);
    w.label(`D${r}`, p.kind);
    const budget = w.money(`E${r}`, p.budget);
    const spent = w.money(`F${r}`, p.spent);
    const rate = w.rate(`G${r}`, rate4(p.spent, p.budget));
    const score = w.set(`H${r}`, p.score, { fmt: MONEY });
    const grade = w.label(`I${r}`, gradeOf(p.score));
    return { budget, spent, rate, score, grade };
  });
  const tr = h + 1 + KEY_PROJECTS.length;
  w.merged(`A${tr}:D${tr}`, "合计", { bold: true, center: true });
  const total = { budget: w.money(`E${tr}`, KEY_BUDGET), spent: w.money(`F${tr}`, KEY_SPENT), rate: w.rate(`G${tr}`, rate4(KEY_SPENT, KEY_BUDGET)) };
  w.dash(`H${tr}`);
  w.dash(`I${tr}`);

  // 自评报告: the projects quoted one paragraph each.
  const rp = new SheetWriter("自评报告");
  rp.width("A", 110);
  rp.set("A1", `${SEED002.unit}${SEED002.year}年度部门整体支出绩效自评报告`, { bold: true, size: 14, center: true });
  rp.set("A2", "一、部门预算执行情况", { bold: true });
  rp.text("A3", `${SEED002.year}年区医保局全年预算安排1711.75万元，全年执行1707.31万元，预算执行率99.74%。其中基本支出103.86万元，项目支出1603.45万元。`);
  rp.set("A4", "二、重点项目绩效情况", { bold: true });
  const listPara = rp.text("A5", `全年实施重点项目${KEY_PROJECTS.length}个，预算${KEY_BUDGET.toFixed(2)}万元，执行${KEY_SPENT.toFixed(2)}万元，执行率${pct(rate4(KEY_SPENT, KEY_BUDGET))}。`);
  const paras: Ref[] = KEY_PROJECTS.map((p, k) =>
    rp.text(`A${6 + k}`, `${k + 1}.${p.name}预算${p.budget.toFixed(2)}万元，执行${p.spent.toFixed(2)}万元，执行率${pct(rate4(p.spent, p.budget))}，自评得分${p.score}分，评价等次为“${gradeOf(p.score)}”。`),
  );
  rp.set(`A${6 + KEY_PROJECTS.length}`, "三、存在问题及改进措施", { bold: true });
  rp.text(`A${7 + KEY_PROJECTS.length}`, "部分项目支出进度偏慢。下一步加强项目进度管理，提高资金使用效益。");

  const relations: Relation[] = [...deptRelations];
  relations.push(sum(total.budget, rows.map((r) => r.budget), "重点项目 合计 预算数 = Σ"));
  relations.push(sum(total.spent, rows.map((r) => r.spent), "重点项目 合计 执行数 = Σ"));
  rows.forEach((r, k) => relations.push({ kind: "rate", rate: r.rate, num: r.spent, den: r.budget, decimals: 2, label: `${KEY_PROJECTS[k].name} 执行率` }));
  relations.push({ kind: "rate", rate: total.rate, num: total.spent, den: total.budget, decimals: 2, label: "重点项目 合计 执行率" });

  const traps: Trap[] = [
    ...deptTraps,
    { at: total.budget, why: "the 重点项目 合计 (1597.55) is a subset of 项目支出 (1607.55), not the 年度资金总额" },
    { at: total.spent, why: "the 重点项目 合计 执行数 (1588.45) below 项目支出's 1603.45" },
    { at: rows[1].spent, why: "城乡医疗救助资金 执行 1449.10, quoted as 1449.1 in the 实际完成情况" },
    { at: listPara, why: "the 自评报告's total of the key projects (1597.55 / 1588.45), not the department's" },
    { at: paras[3], why: "a project graded 中 (78.5) in the report" },
    { at: { sheet: name, a1: `H${tr}` }, why: "“—” as the 合计's 自评得分" },
  ];

  const r = rows;
  const variants: Variant[] = [
    num("rate-wrong", "医保基金监管专项经费 执行率 95.41% (15.80/18.50 = 85.41%)", r[2].rate, 0.9541),
    num("part-not-footing", "医保信息化建设项目 执行数 151.20 (its 执行率 96.00% of 120.00 and the 合计 give 115.20)", r[0].spent, 151.2),
    num("yuan-in-part", "医保基金监管专项经费 执行数 158000 (15.80 万元 in 元)", r[2].spent, yuan),
    num("summary-total", "重点项目 合计 执行数 1598.45 (Σ 1588.45)", total.spent, 1598.45),
    num("yuan-in-total", "重点项目 合计 预算数 15975500 (1597.55 万元 in 元)", total.budget, yuan),
    put("grade-mismatch", "医保经办服务能力提升项目 自评等次 良 for 78.5", r[3].grade, "良"),
    put("grade-mismatch", "医保基金监管专项经费 自评等次 优 for 86", r[2].grade, "优"),
    txt("prose-vs-table", "自评报告 says 医保信息化建设项目执行105.20万元 (table 115.20)", paras[0], "执行115.20万元", "执行105.20万元"),
    txt("prose-vs-table", "自评报告 says 医保基金监管专项经费执行率95.41% (table 85.41%)", paras[2], "执行率85.41%", "执行率95.41%"),
    txt("prose-vs-table", "自评报告 says 城乡医疗救助资金自评得分93.5分 (table 97.5)", paras[1], "自评得分97.5分", "自评得分93.5分"),
    txt("prose-vs-table", "自评报告 counts 5 重点项目 (table 4)", listPara, `重点项目${KEY_PROJECTS.length}个`, "重点项目5个"),
    num("total-wrong", "年度资金总额 全年执行数 1717.31 (both splits give 1707.31)", c.total[2], 1717.31),
  ];
  return { form: "dept-key-projects", seed: "002", file: "dept-key-projects", book: { sheets: [w.spec, rp.spec] }, relations, variants, traps };
}

/** Every Ref reachable from `roots` (relations, traps, cells) on `sheet` at or below `from`: moved down `by` rows, once each. */
function shiftRefs(roots: unknown[], sheet: string, from: number, by: number): void {
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (typeof x !== "object" || x === null || seen.has(x)) return;
    seen.add(x);
    if (x instanceof Map) {
      for (const v of x.values()) walk(v);
      return;
    }
    const r = x as { sheet?: unknown; a1?: unknown };
    if (r.sheet === sheet && typeof r.a1 === "string" && /^[A-Z]+\d+$/.test(r.a1)) {
      const p = parseA1(r.a1);
      if (p.row >= from) (r as { a1: string }).a1 = r.a1.replace(/\d+$/, String(p.row + by));
      return;
    }
    for (const v of Object.values(x)) walk(v);
  };
  roots.forEach(walk);
}

export function deptKeyProjectsTopCase(): FormCase {
  const name = "部门整体自评表";
  const { sheet: w, cells: c, relations: deptRelations, traps: deptTraps } = writeDeptSheet(name, SEED002);
  // The list goes right under the funds block (its last line is row 17): everything from row 18 moves down.
  const at = 18;
  const size = 2 + KEY_PROJECTS.length;
  moveCells(w.spec, (col, row) => [col, row >= at ? row + size : row]);
  shiftRefs([c, deptRelations, deptTraps], name, at, size);
  w.merged(`A${at}:J${at}`, "其中：重点项目", { bold: true });
  const h = at + 1;
  w.label(`A${h}`, "序号", { bold: true });
  w.merged(`B${h}:D${h}`, "项目名称", { bold: true, center: true });
  ["预算数（万元）", "执行数（万元）", "执行率", "自评得分", "评价等次", "备注"].forEach((x, i) => w.label(`${"EFGHIJ"[i]}${h}`, x, { bold: true, wrap: true }));
  const rows = KEY_PROJECTS.map((p, k) => {
    const r = h + 1 + k;
    w.set(`A${r}`, k + 1, { center: true });
    w.merged(`B${r}:D${r}`, p.name);
    const budget = w.money(`E${r}`, p.budget);
    const spent = w.money(`F${r}`, p.spent);
    const rate = w.rate(`G${r}`, rate4(p.spent, p.budget));
    const score = w.set(`H${r}`, p.score, { fmt: MONEY });
    const grade = w.label(`I${r}`, gradeOf(p.score));
    w.set(`J${r}`, k === 1 ? "含资助参保资金" : null);
    return { budget, spent, rate, score, grade };
  });
  // The 自评结论 quotes the largest project.
  const conclusion = c.conclusion;
  const text = String(w.spec.cells.get(conclusion.a1)!.v);
  w.spec.cells.set(conclusion.a1, { ...w.spec.cells.get(conclusion.a1)!, v: `${text}重点项目中，城乡医疗救助资金预算1450.00万元，执行1449.10万元，执行率99.94%，自评得分97.5分。` });

  const relations: Relation[] = [...deptRelations];
  rows.forEach((r, k) => relations.push({ kind: "rate", rate: r.rate, num: r.spent, den: r.budget, decimals: 2, label: `${KEY_PROJECTS[k].name} 执行率` }));
  const traps: Trap[] = [
    ...deptTraps,
    { at: { sheet: name, a1: `A${at}` }, why: "a “其中：重点项目” line right under the funds block's 项目支出 line" },
    { at: rows[3].spent, why: "the last project, right above 年度总体目标 (no 合计 row closes the list)" },
    { at: { sheet: name, a1: `J${h + 2}` }, why: "a 备注 beside a project" },
    { at: conclusion, why: "the 自评结论 quoting a project's own figures (1449.10, 97.5分), not the department's" },
  ];
  const variants: Variant[] = [
    num("rate-wrong", "医保基金监管专项经费 执行率 95.41% (15.80/18.50 = 85.41%)", rows[2].rate, 0.9541),
    num("yuan-in-part", "医保信息化建设项目 预算数 1200000 (120.00 万元 in 元)", rows[0].budget, yuan),
    put("grade-mismatch", "医保经办服务能力提升项目 评价等次 良 for 78.5", rows[3].grade, "良"),
    txt("prose-vs-table", "自评结论 says 城乡医疗救助资金执行1494.10万元 (table 1449.10)", conclusion, "执行1449.10万元", "执行1494.10万元"),
    txt("prose-vs-table", "自评结论 says 城乡医疗救助资金自评得分95.7分 (table 97.5)", conclusion, "自评得分97.5分", "自评得分95.7分"),
    num("total-wrong", "年度资金总额 全年执行数 1717.31 (both splits give 1707.31)", c.total[2], 1717.31),
    num("exec-score-wrong", "执行率得分 10 (full marks) for 99.74% of 10 = 9.97", c.execScore, 10),
  ];
  return { form: "dept-key-projects-top", seed: "002", file: "dept-key-projects-top", book: { sheets: [w.spec] }, relations, variants, traps };
}

/** The year's 任务 of ο3: name, what it is, 预算数, 执行数 (万元); they cover the 年度资金总额 (1711.75 / 1707.31). */
const TASKS = [
  { name: "医保经办服务", what: "推进“综合柜员制”改革，所有服务事项实现“一窗通办”", budget: 104.2, spent: 103.86 },
  { name: "城乡居民医保参保", what: "扎实做好城乡居民医保参保工作，确保应保尽保", budget: 50.0, spent: 49.5 },
  // Not named 城乡医疗救助: the 实际完成情况 says 城乡医疗救助共支出1569.37万元 (the 医疗救助 fund's spending, which
  // the task's 1449.10 of the budget is not).
  { name: "医疗救助经办", what: "做好城乡医疗救助和资助参保，确保应救尽救", budget: 1450.0, spent: 1449.1 },
  { name: "医保基金监管", what: "开展医保专项检查和重点检查，规范定点医药机构", budget: 107.55, spent: 104.85 },
];

export function deptTasksCase(): FormCase {
  const name = "部门整体自评表";
  const { sheet: w, cells: c, relations: deptRelations, traps: deptTraps } = writeDeptSheet(name, SEED002);
  // The 年度总体目标 block (rows 18–19: 预期目标 | 实际完成情况) becomes a table of tasks: one header row and a row
  // per task, so everything from row 20 moves down by the tasks' rows.
  const size = TASKS.length;
  moveCells(w.spec, (col, row) => [col, row >= 20 ? row + size : row]);
  shiftRefs([c, deptRelations, deptTraps], name, 20, size);
  for (const a of ["A18", "B18", "G18", "B19", "G19"]) w.spec.cells.delete(a);
  w.spec.merges = w.spec.merges.filter((m) => !["A18:A19", "B18:F18", "G18:J18", "B19:F19", "G19:J19"].includes(m));
  w.merged(`A18:A${19 + size}`, "年度总体目标", { bold: true, center: true });
  w.merged("B18:C18", "任务名称", { bold: true, center: true });
  w.merged("D18:H18", "主要内容", { bold: true, center: true });
  w.label("I18", "预算数（万元）", { bold: true, wrap: true });
  w.label("J18", "执行数（万元）", { bold: true, wrap: true });
  const rows = TASKS.map((t, k) => {
    const r = 19 + k;
    w.merged(`B${r}:C${r}`, t.name);
    w.merged(`D${r}:H${r}`, t.what, { wrap: true });
    return { budget: w.money(`I${r}`, t.budget), spent: w.money(`J${r}`, t.spent) };
  });
  const r = 19 + size;
  w.merged(`B${r}:C${r}`, "实际完成情况", { bold: true, center: true });
  const done = w.merged(`D${r}:J${r}`, SEED002.actual, { wrap: true });

  // The tasks happen to cover the year (Σ 预算数 1711.75, Σ 执行数 1707.31), but no form says they must: no
  // relation is declared for them, and their mistakes are planted as plain cells (`put`). A task's 执行数 off
  // by a few 万元 (1494.10 for 1449.10) is therefore not planted: nothing ties it, and the engine passes it
  // over (docs/architecture.md, fourth session).
  const relations: Relation[] = [...deptRelations];
  const traps: Trap[] = [
    ...deptTraps,
    { at: rows[0].budget, why: "a task's 预算数 equal to the 基本支出 (104.20), no line of the funds block" },
    { at: rows[2].spent, why: "a task's 执行数 (1449.10) that the 实际完成情况 quotes as 1449.1" },
    { at: { sheet: name, a1: "B18" }, why: "the tasks' header 任务名称 | 主要内容 | 预算数（万元） | 执行数（万元）" },
    { at: done, why: "the 实际完成情况 on its own row under the tasks" },
  ];
  const variants: Variant[] = [
    num("total-wrong", "年度资金总额 全年执行数 1717.31 (both splits give 1707.31)", c.total[2], 1717.31),
    num("part-not-footing", "其中：人员经费 全年执行数 88.95 (基本 103.86 = 87.95 + 15.91)", c.personnel[2], 88.95),
    num("rate-wrong", "执行率 97.95% for 1707.31/1711.75 = 99.74%", c.execRate, 0.9795),
    put("grade-mismatch", "自评等级 良 for 97.97", c.grade, "良"),
    txt("prose-vs-table", "自评结论 says 全年执行1703.71万元 (table 1707.31)", c.conclusion, "全年执行1707.31万元", "全年执行1703.71万元"),
    put("yuan-in-part", "城乡居民医保参保 任务执行数 495000 (49.50 万元 in 元)", rows[1].spent, 495000),
  ];
  return { form: "dept-tasks", seed: "002", file: "dept-tasks", book: { sheets: [w.spec] }, relations, variants, traps };
}
