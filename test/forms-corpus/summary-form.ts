/**
 * The 项目绩效自评汇总表: title, “填报单位：…” in one cell, a two-row merged header (序号 | 项目名称 | 资金文号 |
 * 实施单位 | 资金情况（万元）: 预算数 执行数 执行率 结转结余 | 自评情况: 自评得分 自评结果 | 备注), one row per
 * project with a blank row between the 局机关 projects and the centres' ones, a 合计 row, and a
 * “自评结论：…” text cell below the table.
 */
import { type Ref, SheetWriter, MONEY } from "./book";
import { type Relation, sum } from "./relations";
import type { Trap } from "./types";
import { rate4, round2 } from "./project-form";

export interface SummaryRow {
  name: string;
  doc: string | null;
  unit: string;
  budget: number;
  spent: number;
  /** null: the report gives no score (“—”). */
  score: number | null;
  grade: string;
}

export interface SummaryCells {
  sheet: string;
  title: Ref;
  rows: { budget: Ref; spent: Ref; rate: Ref; carry: Ref; score: Ref; grade: Ref }[];
  total: { budget: Ref; spent: Ref; rate: Ref; carry: Ref };
  conclusion: Ref;
  blankRow: number;
}

export interface SummaryOptions {
  year: number;
  org: string;
  /** Insert a blank row after this many projects (the 局机关 block). */
  blankAfter?: number;
  conclusion: string;
  /** 执行率 as the clerk types it: `0.00%` (default) or whole percents `0%` (seed 001: 83%, 45%). */
  wholePercent?: boolean;
}

export function writeSummarySheet(name: string, rows: SummaryRow[], o: SummaryOptions): { sheet: SheetWriter; cells: SummaryCells; relations: Relation[]; traps: Trap[] } {
  const w = new SheetWriter(name);
  ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].forEach((c, i) => w.width(c, [6, 34, 18, 20, 11, 11, 10, 11, 10, 10, 10][i]));
  const title = w.merged("A1:K1", `${o.org}${o.year}年度项目支出绩效自评汇总表`, { bold: true, size: 16, center: true });
  w.merged("A2:G2", `填报单位：${o.org}`);
  w.merged("H2:K2", "单位：万元");
  w.merged("A3:A4", "序号", { bold: true, center: true });
  w.merged("B3:B4", "项目名称", { bold: true, center: true });
  w.merged("C3:C4", "资金文号", { bold: true, center: true });
  w.merged("D3:D4", "实施单位", { bold: true, center: true });
  w.merged("E3:H3", "资金情况（万元）", { bold: true, center: true });
  ["预算数", "执行数", "执行率", "结转结余"].forEach((h, i) => w.label(`${"EFGH"[i]}4`, h, { bold: true }));
  w.merged("I3:J3", "自评情况", { bold: true, center: true });
  w.label("I4", "自评得分", { bold: true });
  w.label("J4", "自评结果", { bold: true });
  w.merged("K3:K4", "备注", { bold: true, center: true });

  let r = 5;
  let blankRow = -1;
  const cells: SummaryCells["rows"] = [];
  rows.forEach((p, i) => {
    if (o.blankAfter !== undefined && i === o.blankAfter) {
      blankRow = r;
      r++;
    }
    w.set(`A${r}`, i + 1, { center: true });
    w.set(`B${r}`, p.name);
    if (p.doc) w.set(`C${r}`, p.doc);
    else w.dash(`C${r}`);
    w.set(`D${r}`, p.unit);
    cells.push({
      budget: w.money(`E${r}`, p.budget),
      spent: w.money(`F${r}`, p.spent),
      rate: o.wholePercent ? w.set(`G${r}`, Math.round((p.spent / p.budget) * 100) / 100, { fmt: "0%" }) : w.rate(`G${r}`, rate4(p.spent, p.budget)),
      carry: w.money(`H${r}`, round2(p.budget - p.spent)),
      score: p.score === null ? w.dash(`I${r}`) : w.set(`I${r}`, p.score, { fmt: MONEY }),
      grade: w.set(`J${r}`, p.grade, { center: true }),
    });
    r++;
  });
  const budget = round2(rows.reduce((a, p) => a + p.budget, 0));
  const spent = round2(rows.reduce((a, p) => a + p.spent, 0));
  w.merged(`A${r}:D${r}`, "合计", { bold: true, center: true });
  const total = {
    budget: w.money(`E${r}`, budget),
    spent: w.money(`F${r}`, spent),
    rate: o.wholePercent ? w.set(`G${r}`, Math.round((spent / budget) * 100) / 100, { fmt: "0%" }) : w.rate(`G${r}`, rate4(spent, budget)),
    carry: w.money(`H${r}`, round2(budget - spent)),
  };
  w.dash(`I${r}`);
  w.dash(`J${r}`);
  const conclusion = w.merged(`A${r + 2}:K${r + 2}`, `自评结论：${o.conclusion}`, { wrap: true });

  const relations: Relation[] = [];
  cells.forEach((c, i) => {
    relations.push({ kind: "rate", rate: c.rate, num: c.spent, den: c.budget, decimals: o.wholePercent ? 0 : 2, label: `项目${i + 1} 执行率` });
    relations.push(sum(c.budget, [c.spent, c.carry], `项目${i + 1} 预算数 = 执行数 + 结转结余`));
  });
  relations.push(sum(total.budget, cells.map((c) => c.budget), "合计 预算数 = Σ 项目"));
  relations.push(sum(total.spent, cells.map((c) => c.spent), "合计 执行数 = Σ 项目"));
  relations.push(sum(total.carry, cells.map((c) => c.carry), "合计 结转结余 = Σ 项目"));
  relations.push({ kind: "rate", rate: total.rate, num: total.spent, den: total.budget, decimals: o.wholePercent ? 0 : 2, label: "合计 执行率 = 合计执行数 ÷ 合计预算数" });
  relations.push(sum(total.budget, [total.spent, total.carry], "合计 预算数 = 执行数 + 结转结余"));

  const traps: Trap[] = [{ at: { sheet: name, a1: `I${r}` }, why: "“—” in the 合计 row's 自评得分" }];
  if (blankRow > 0) traps.push({ at: { sheet: name, a1: `A${blankRow}` }, why: "a blank row between the 局机关 projects and the centres' (the table goes on)" });
  return { sheet: w, cells: { sheet: name, title, rows: cells, total, conclusion, blankRow }, relations, traps };
}
