/**
 * The narrative (评价报告综述) written from the workbook: the sections clerks hand in, every number with
 * the precision and unit of its cell, and a visible 【待填写：…】 wherever the workbook holds nothing —
 * never invented text. Its sentences use the wording the prose rules read, so that checking a freshly
 * generated narrative gives no prose finding.
 */
import { withFormGradeWords } from "../scoring/grade-words";
import type { ReportModel, TableBinding, TableRow } from "../model/report-model";
import type { SheetContent } from "../model/sheet-content";
import type { SheetSnapshot, WorkbookSnapshot, CellSnapshot } from "../model/snapshot";
import { toA1 } from "../model/address";
import type { ScoringProfile } from "../scoring/types";
import { gradeLabel, indicatorNumbers, scoresFor, effectiveScore, type IndicatorScore } from "../scoring/score";
import { formatNumber, parseText, roundTo } from "../units";
import { correctedFact, factOf, NARRATIVE_SHEET, ownMoneyUnit, reportYear, scalarFact, type Fact } from "./prose-cells";
import { listCounts } from "../rules/prose-count-matches-list";
import { formMoney, projectConclusion, projectIndicatorParagraphs, projectParts, projectProblemParagraphs } from "./forms-narrative";

/** A section of the narrative. */
export interface NarrativeSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** The narrative document: what the sheet and the Word document both show. */
export interface NarrativeDoc {
  readonly title: string;
  readonly sections: readonly NarrativeSection[];
}

/** A sub-heading paragraph of a section: （一）基本情况, （二）产出指标（分值50分，得分49.92分）. */
export function isSubheading(paragraph: string): boolean {
  return /^（[一二三四五六七八九十]+）[^。；：]{1,40}$/.test(paragraph);
}

/** A visible gap the clerk must fill. */
export function todo(what: string): string {
  return `【待填写：${what}】`;
}

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

function paragraphsOf(value: unknown, missing: string): string[] {
  const t = text(value);
  // A gap this generator left (read back by a label-mapped workbook) is still a gap, not the clerk's text.
  if (!t || /^【待填写：[^】]*】$/.test(t)) return [todo(missing)];
  return t.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
}

function money(f: Fact | undefined, unit: string): string | undefined {
  return f ? formatNumber(f.value, Math.max(0, f.decimals), { unit, thousands: f.thousands === true }) : undefined;
}

function showScore(v: number | undefined): string | undefined {
  return v === undefined ? undefined : String(roundTo(v, 2));
}

function summaryRow(table: TableBinding | undefined): TableRow | undefined {
  if (!table) return undefined;
  return table.rows.find((r) => r.isSummary) ?? (table.rows.length === 1 ? table.rows[0] : undefined);
}

/** A table cell's number, corrected when no-unit-mistake flags it (the checker compares with the same). */
function rowFact(model: ReportModel, row: TableRow | undefined, key: string): Fact | undefined {
  const c = row?.cells[key];
  return c ? correctedFact(model, factOf(c.ref, c.cell)) : undefined;
}

/** "合计X万元，其中：A a万元、B b万元。" for the non-zero parts. */
function totalSentence(model: ReportModel, row: TableRow | undefined, total: [string, string], parts: readonly [string, string][], unit: string): string | undefined {
  const t = money(rowFact(model, row, total[0]), unit);
  if (!t) return undefined;
  const listed = parts
    .map(([key, label]) => [label, rowFact(model, row, key)] as const)
    .filter(([, f]) => f && f.value !== 0)
    .map(([label, f]) => `${label}${money(f, unit)}`);
  return listed.length ? `${total[1]}${t}，其中：${listed.join("、")}。` : `${total[1]}${t}。`;
}

function percentText(fraction: number, decimals: number): string {
  return formatNumber(fraction, Math.max(2, decimals), { unit: "%" });
}

function cellRaw(cell: CellSnapshot | undefined): string {
  if (!cell) return "";
  return text(cell.value);
}

function indicatorValueText(ind: IndicatorScore, which: "target" | "actual", row: TableRow | undefined): string {
  const c = row?.cells[which]?.cell;
  return cellRaw(c);
}

function level2Name(ind: IndicatorScore): string {
  const l2 = ind.level2.trim();
  if (!l2) return "指标";
  return l2.endsWith("指标") ? l2 : `${l2}指标`;
}

/**
 * Write the narrative from the workbook.
 * @param model - the mapped workbook
 * @param profile - the scoring profile (weights, bands, the 执行率 threshold)
 * @returns the document: a title and the six sections 一 … 六
 * @example generateNarrative(mapWorkbook(snapshot), NATIONAL).sections[1].heading // "二、收支及预算执行情况"
 */
export function generateNarrative(model: ReportModel, given: ScoringProfile): NarrativeDoc {
  // The grade in the form's own words (优秀 where the form writes 优秀), as fill writes it.
  const profile = withFormGradeWords(given, model);
  const unit = model.moneyUnit;
  const s = model.scalars;
  const year = reportYear(model);
  const yearText = year !== undefined ? `${year}` : todo("评价年度");
  const unitName = text(s.jx_unit_name?.cell?.value) || todo("部门（单位）名称");
  const kind = text(s.jx_report_kind?.cell?.value).replace(/^部门（单位）/, "");
  const scores = scoresFor(model, profile);

  // 一、概况
  const quota = scalarFact(model, "jx_staff_quota");
  const staff = scalarFact(model, "jx_staff_actual");
  const overview = [
    "（一）基本情况",
    `${unitName}人员编制${quota ? `${quota.value}人` : todo("人员编制")}，实有人数${staff ? `${staff.value}人` : todo("实有人数")}。`,
    "（二）主要职能职责",
    ...paragraphsOf(s.jx_duties?.cell?.value, "职能职责概述"),
    "（三）年度主要工作任务",
    ...paragraphsOf(s.jx_tasks?.cell?.value, "年度主要工作任务"),
    "（四）总体运行情况及取得的成绩",
    ...paragraphsOf(s.jx_achievements?.cell?.value, "总体运行情况及取得的成绩"),
  ];

  // 二、收支及预算执行情况
  const money2: string[] = [];
  // The forms clerks keep (决算 tables, a 部门整体 form) declare their sums instead of the schema's tables.
  const fromForms = formMoney(model, yearText);
  const income = summaryRow(model.tables.jx_income);
  money2.push(
    totalSentence(model, income, ["total", `${yearText}年度收入合计`], [["carryover", "上年结转"], ["public", "公共财政拨款"], ["fund", "政府基金拨款"], ["special", "纳入专户管理的非税收入拨款"], ["other", "其他收入"]], unit) ??
      fromForms.income ??
      todo("收入情况"),
  );
  const expense = summaryRow(model.tables.jx_expense);
  money2.push(totalSentence(model, expense, ["total", "支出合计"], [["basic", "基本支出"], ["project", "项目支出"]], unit) ?? fromForms.expense ?? todo("支出情况"));
  const basic = totalSentence(model, expense, ["basic", "基本支出"], [["personnel", "人员支出"], ["publicUse", "公用支出"]], unit) ?? fromForms.basic;
  if (basic) money2.push(basic);
  const by = money(rowFact(model, expense, "balanceYear"), unit);
  const bt = money(rowFact(model, expense, "balanceTotal"), unit);
  if (by || bt) money2.push([by ? `当年结余${by}` : "", bt ? `累计结余${bt}` : ""].filter(Boolean).join("，") + "。");
  // A table kept in its own unit (三公经费合计（元） beside a report in 万元) is quoted in that unit.
  const ownUnit = (tid: "jx_sangong" | "jx_assets"): string => {
    const t = model.tables[tid];
    return (t && ownMoneyUnit(t, tid)) ?? unit;
  };
  const sangong = totalSentence(model, summaryRow(model.tables.jx_sangong), ["total", "三公经费合计"], [["reception", "公务接待费"], ["vehicleOps", "公务用车运维费"], ["vehicleBuy", "公务用车购置费"], ["abroad", "因公出国费"]], ownUnit("jx_sangong"));
  if (sangong) money2.push(sangong);
  const assets = totalSentence(model, summaryRow(model.tables.jx_assets), ["total", "固定资产合计"], [["inUse", "在用固定资产"], ["leased", "出租固定资产"], ["other", "其他"]], ownUnit("jx_assets"));
  if (assets) money2.push(assets);
  // Several project forms without a 汇总 (two stacked on one sheet, as 四川 counties publish them): the
  // workbook's scalars are the first form's, so each project speaks for itself (its own figures).
  const parts = projectParts(model, profile);
  const perProject = parts.length >= 2 && scores.indicators.length > 0;
  const initial = perProject ? undefined : money(scalarFact(model, "jx_budget_initial"), unit);
  if (initial) money2.push(`年初预算数${initial}。`);
  const adjusted = money(scalarFact(model, "jx_budget_adjusted"), unit);
  const executed = money(scalarFact(model, "jx_executed"), unit);
  const rateDecimals = s.jx_exec_rate?.cell ? Math.max(2, factOf(s.jx_exec_rate.ref, s.jx_exec_rate.cell)?.decimals ?? 4) : 4;
  // From the amounts as the text states them (a 元/万元 slip corrected, as the checker reads them).
  const execFact = scalarFact(model, "jx_executed");
  const budgetFact = scalarFact(model, "jx_budget_adjusted");
  const execRate = execFact && budgetFact && budgetFact.value > 0 ? execFact.value / budgetFact.value : scores.execRate;
  const execRateText = execRate !== undefined ? percentText(execRate, rateDecimals) : undefined;
  const execScore = showScore(scores.execScoreWritten ?? scores.execScore);
  const execSentence = (m: ReportModel, r: typeof scores, adj: string | undefined, exe: string | undefined, rateText: string | undefined, sc: string | undefined): string =>
    `全年预算数${adj ?? todo("全年预算数")}，全年执行数${exe ?? todo("全年执行数")}，预算执行率为${rateText ?? todo("预算执行率")}，得分${sc ? `${sc}分` : todo("预算执行率得分")}（分值${r.execWeight}分）。`;
  if (!perProject) money2.push(execSentence(model, scores, adjusted, executed, execRateText, execScore));
  for (const p of perProject ? parts : []) {
    const e = scalarFact(p.model, "jx_executed");
    const b = scalarFact(p.model, "jx_budget_adjusted");
    const rc = p.model.scalars.jx_exec_rate;
    const rd = rc?.cell ? Math.max(2, factOf(rc.ref, rc.cell)?.decimals ?? 4) : 4;
    const rate = e && b && b.value > 0 ? percentText(e.value / b.value, rd) : undefined;
    money2.push(`${p.name}：${execSentence(p.model, p.scores, money(b, unit), money(e, unit), rate, showScore(p.scores.execScoreWritten ?? p.scores.execScore))}`);
  }
  const projects = model.tables.jx_projects;
  if (projects) {
    // Projects only: not the 合计 row nor a 局机关小计 / 所属单位小计 (prose-count-matches-list counts alike).
    const rows = projects.rows.filter((r) => !r.isSummary && !r.subtotalOf && text(r.cells.name?.cell?.value) && !/合计|汇总|总计|小计/.test(text(r.cells.name?.cell?.value)));
    if (rows.length) money2.push(`全年共安排${rows.length}个项目。`);
    for (const r of rows) {
      const b = rowFact(model, r, "budget");
      const e = rowFact(model, r, "executed");
      const rc = r.cells.rate;
      const rd = rc?.cell ? Math.max(2, factOf(rc.ref, rc.cell)?.decimals ?? 4) : 4;
      const rate = b && e && b.value > 0 ? `，执行率为${percentText(e.value / b.value, rd)}` : "";
      money2.push(`${text(r.cells.name?.cell?.value)}：预算数${money(b, unit) ?? todo("预算数")}，执行数${money(e, unit) ?? todo("执行数")}${rate}。`);
    }
  }

  // 三、绩效指标完成情况 (of each project, in a workbook of one project form per sheet)
  const ind3: string[] = [];
  const indRows = new Map((model.tables.jx_indicators?.rows ?? []).map((r) => [r.row, r]));
  const counts = listCounts(model);
  if (!perProject && counts.level1 && counts.level2 && counts.level3) {
    ind3.push(`本年度绩效指标体系设置预算执行率和${counts.level1[1]}个一级指标、${counts.level2[1]}个二级指标、${counts.level3[1]}个三级指标，完成情况如下。`);
  } else if ((perProject || !scores.indicators.length) && parts.length) ind3.push(...projectIndicatorParagraphs(parts));
  else ind3.push(todo("绩效指标（工作簿中无绩效指标表）"));
  const groupOrder: string[] = [];
  for (const ind of scores.indicators) if (!groupOrder.includes(ind.level1)) groupOrder.push(ind.level1);
  const numerals = "一二三四五六七八九十";
  let n = 0;
  (perProject ? [] : scores.indicators).forEach((ind, i) => {
    if (groupOrder.length > 0 && scores.indicators.findIndex((x) => x.level1 === ind.level1) === i) {
      const members = scores.indicators.filter((x) => x.level1 === ind.level1);
      const weights = members.map((x) => x.weight);
      const got = members.map(effectiveScore);
      const w = weights.every((x) => x !== undefined) ? `分值${showScore(weights.reduce((a, b) => a + (b ?? 0), 0))}分` : "";
      const g = got.every((x) => x !== undefined) ? `得分${showScore(got.reduce((a, b) => a + (b ?? 0), 0))}分` : "";
      const label = ind.level1 || "其他指标";
      ind3.push(`（${numerals[n] ?? n + 1}）${label}${w || g ? `（${[w, g].filter(Boolean).join("，")}）` : ""}`);
      n++;
    }
    const row = indRows.get(ind.row);
    const target = indicatorValueText(ind, "target", row);
    const actual = indicatorValueText(ind, "actual", row);
    const dir = ind.direction && ind.direction !== "定性" && !/^[≥≤><=]|不低于|不高于/.test(target) ? ind.direction : "";
    const score = showScore(effectiveScore(ind));
    const weight = ind.weight !== undefined ? `（分值${showScore(ind.weight)}分）` : "";
    const head = `${i + 1}. ${[ind.level1, ind.level2].filter(Boolean).join("—")}：`;
    // A number (≥41万人, 95%) follows the indicator's name; a text target (按时上解) is set apart.
    const numeric = /^(?:[≥≤><=＞＜]|不低于|不高于)?\s*[\d０-９]/.test(target);
    // Plain Chinese whatever is blank: "年初设定的数量指标为“财政供养控制率”，年度指标值【待填写：年度指标值】，
    // 实际完成情况为“达成年度指标”" — never a gap glued to the indicator's name.
    const name = ind.level3 || todo("三级指标名称");
    const targetText = !target ? `“${name}”，年度指标值${todo("年度指标值")}` : numeric ? `${name}${dir}${target}` : `“${name}”（${target}）`;
    const actualNumeric = /^(?:约|超)?\s*[\d０-９]/.test(actual);
    const actualText = !actual ? `实际完成值${todo("实际完成值")}` : actualNumeric ? `实际完成${actual}` : `实际完成情况为“${actual}”`;
    const parts = [`年初设定的${level2Name(ind)}为${targetText}`, actualText];
    const nums = indicatorNumbers(ind);
    const positive = ind.direction === "≥" || ind.direction === ">" || ind.direction === "=" || ind.direction === undefined;
    // 完成率 only between two plainly written numbers: "超90%" or "约23万人" has no exact ratio.
    const plain = parseText(actual.replace(/^\s+/, "")).kind === "number" && parseText(target.replace(/^(?:[≥≤><=＞＜]|不低于|不高于)/, "")).kind === "number";
    if (nums && positive && nums.a > 0 && plain) parts.push(`完成率为${percentText(nums.b / nums.a, 4)}`);
    parts.push(`得分${score !== undefined ? `${score}分` : todo("得分")}${weight}`);
    ind3.push(`${head}${parts.join("，")}。`);
  });

  // 四、存在的主要问题
  const problems = paragraphsOf(s.jx_problems?.cell?.value, "存在的主要问题");
  if (!perProject && execRate !== undefined && execRate < profile.execReasonBelow) {
    problems.push(`预算执行率为${execRateText}，低于${roundTo(profile.execReasonBelow * 100, 2)}%，偏差原因：${todo("预算执行率偏低的原因")}。`);
  }
  for (const ind of perProject ? [] : scores.indicators) {
    if (ind.met !== false) continue;
    const row = indRows.get(ind.row);
    const reason = text(row?.cells.reason?.cell?.value);
    problems.push(
      `“${ind.level3}”未达到年度指标值：年度指标值为${indicatorValueText(ind, "target", row) || todo("年度指标值")}，实际完成${indicatorValueText(ind, "actual", row) || todo("实际完成值")}。偏差原因：${reason || todo(`“${ind.level3}”的偏差原因分析`)}`.replace(/([^。])$/, "$1。"),
    );
  }

  if (perProject || !scores.indicators.length) problems.push(...projectProblemParagraphs(parts, todo));

  // 六、自评结论
  const total = showScore(scores.totalWritten ?? scores.total);
  const grade = scores.gradeWritten ?? (scores.grade ? gradeLabel(scores.grade) : undefined);
  const conclusion =
    (perProject || (total === undefined && grade === undefined)) && parts.length
      ? projectConclusion(unitName, yearText, parts, profile)
      : [`经自评，${unitName}${yearText}年度绩效自评综合得分为${total !== undefined ? `${total}分` : todo("综合得分")}，评价等次为“${grade ?? todo("评价等次")}”。`];

  return {
    title: `${unitName}${yearText}年度${kind || ""}绩效自评报告`,
    sections: [
      { heading: "一、部门（单位）概况", paragraphs: overview },
      { heading: "二、收支及预算执行情况", paragraphs: money2 },
      { heading: "三、绩效指标完成情况", paragraphs: ind3 },
      { heading: "四、存在的主要问题", paragraphs: problems },
      { heading: "五、改进措施", paragraphs: paragraphsOf(s.jx_measures?.cell?.value, "改进措施和有关建议") },
      { heading: "六、自评结论", paragraphs: conclusion },
    ],
  };
}

/**
 * The narrative as a sheet: the title, then each heading and its paragraphs one per row in column A;
 * the title, the headings and the sub-headings （一）… are marked for bold.
 * @param doc - from {@link generateNarrative}
 * @returns the whole sheet 评价报告综述, which replaces any earlier one
 */
export function narrativeSheet(doc: NarrativeDoc): SheetContent {
  const rows: (string | null)[][] = [[doc.title], [null]];
  const headingRows = [0];
  for (const section of doc.sections) {
    headingRows.push(rows.length);
    rows.push([section.heading]);
    for (const p of section.paragraphs) {
      if (isSubheading(p)) headingRows.push(rows.length);
      rows.push([p]);
    }
  }
  return { name: NARRATIVE_SHEET, rows, columnWidths: [120], headingRows };
}

/**
 * A snapshot with the sheet written in: an existing sheet of that name is replaced whole (nothing stale
 * is kept), a new one is added at the end. Used to check a generated narrative before writing it.
 */
export function withSheet(snapshot: WorkbookSnapshot, content: SheetContent): WorkbookSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  content.rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null && v !== "") cells[toA1({ row: i + 1, col: j + 1 })] = { value: v };
    }),
  );
  const sheet: SheetSnapshot = { name: content.name, cells, merges: [] };
  const exists = snapshot.sheets.some((s) => s.name === content.name);
  return {
    ...snapshot,
    sheets: exists ? snapshot.sheets.map((s) => (s.name === content.name ? sheet : s)) : [...snapshot.sheets, sheet],
  };
}
