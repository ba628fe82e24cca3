/**
 * The identity lines of a form as bureaus write them: the year as a line under the title, as
 * “评价年度：2021”, only in the title; the unit as “填报单位：…” (with (盖章), full- or half-width colons and
 * spaces), “单位名称：…”, “部门名称：…”, only in 主管部门 / 实施单位, or only in the title. Each variant edits
 * the 财政部 项目表 (seed 004) or the 部门整体 form (seed 002) in one or two cells.
 */
import { type BookSpec, copyBook } from "../forms-corpus/book";
import { writeProjectSheet } from "../forms-corpus/project-form";
import { writeDeptSheet, SEED002 } from "../forms-corpus/dept-form";
import { PROJECT } from "./books";

export const P = "项目自评表";
export const D = "部门整体自评表";

export function projectBase(): BookSpec {
  return { sheets: [writeProjectSheet(P, PROJECT, "mof").sheet.spec] };
}

export function sichuanBase(): BookSpec {
  return { sheets: [writeProjectSheet(P, PROJECT, "sichuan").sheet.spec] };
}

/** A cover sheet in front of the form: title, 单位名称：…, 评价年度：…, 填报日期. */
export function withCover(b: BookSpec): BookSpec {
  const cover: BookSpec["sheets"][number] = { name: "封面", cells: new Map(), merges: [], widths: { A: 60 } };
  cover.cells.set("A2", { v: "项目支出绩效自评报告", bold: true, size: 18 });
  cover.cells.set("A5", { v: "单位名称：攀枝花市医疗保障事务中心" });
  cover.cells.set("A6", { v: "评价年度：2021年度" });
  cover.cells.set("A7", { v: "报告日期：2022年3月15日" });
  return { sheets: [cover, ...copyBook(b).sheets] };
}

export function deptBase(): BookSpec {
  return { sheets: [writeDeptSheet(D, SEED002).sheet.spec] };
}

/** Set (or, with null, clear) cells of a copy. */
export function edit(b: BookSpec, sheet: string, cells: Record<string, string | number | null>): BookSpec {
  const c = copyBook(b);
  const s = c.sheets.find((x) => x.name === sheet)!;
  for (const [at, v] of Object.entries(cells)) {
    if (v === null) s.cells.delete(at);
    else s.cells.set(at, { ...(s.cells.get(at) ?? {}), v });
  }
  return c;
}

/** Drop a merge (a label cell and its value cell on what was one merged line). */
export function unmerge(b: BookSpec, sheet: string, area: string): BookSpec {
  const s = b.sheets.find((x) => x.name === sheet)!;
  s.merges = s.merges.filter((m) => m !== area);
  return b;
}

export interface IdentityVariant {
  what: string;
  book: () => BookSpec;
  /** The year and unit `check` must report (summary.year, summary.unit). */
  year?: number;
  unit?: string;
}

/** Complete forms: no error and no warning about the year or the unit. */
export const CONSISTENT: IdentityVariant[] = [
  { what: "（2021年度） under the title, 填报单位：… in one cell", book: projectBase, year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "评价年度：2021 in one cell", book: () => edit(projectBase(), P, { A2: "评价年度：2021" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "评价年度:2021年 (half-width colon)", book: () => edit(projectBase(), P, { A2: "评价年度:2021年" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "评价年度：2021年度    填报日期：2022年3月 on one line", book: () => edit(projectBase(), P, { A2: "评价年度：2021年度    填报日期：2022年3月" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "the year only in the title (2021年度项目支出绩效自评表)", book: () => edit(projectBase(), P, { A1: "2021年度项目支出绩效自评表", A2: null }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "the year in the title with spaces (2021 年度 项目支出绩效自评表)", book: () => edit(projectBase(), P, { A1: "2021 年度 项目支出绩效自评表", A2: null }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "填报单位(盖章)：…", book: () => edit(projectBase(), P, { A3: "填报单位(盖章)：攀枝花市医疗保障事务中心" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "填报单位（盖章）: … (full-width brackets, half-width colon, space)", book: () => edit(projectBase(), P, { A3: "填报单位（盖章）: 攀枝花市医疗保障事务中心" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "填报单位 ： … (spaces around a full-width colon)", book: () => edit(projectBase(), P, { A3: "填报单位 ： 攀枝花市医疗保障事务中心" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "单位名称：…", book: () => edit(projectBase(), P, { A3: "单位名称：攀枝花市医疗保障事务中心" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "部门名称：…", book: () => edit(projectBase(), P, { A3: "部门名称：攀枝花市医疗保障局" }), year: 2021, unit: "攀枝花市医疗保障局" },
  { what: "no 填报单位 line: the unit is the 实施单位", book: () => edit(projectBase(), P, { A3: null }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "填报日期 the year after (2022年3月15日)", book: projectBase, year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "填报单位：（盖章）… (the stamp after the colon)", book: () => edit(projectBase(), P, { A3: "填报单位：（盖章）攀枝花市医疗保障事务中心" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "填报单位（盖章）： | value in the next cell", book: () => edit(projectBase(), P, { A3: "填报单位（盖章）：", H3: "攀枝花市医疗保障事务中心" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "评价年度 | 2021年 in two cells", book: () => unmerge(edit(projectBase(), P, { A2: "评价年度", C2: "2021年" }), P, "A2:J2"), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "a bare 2021年度 line under the title", book: () => edit(projectBase(), P, { A2: "2021年度" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "unit and year only in the title (某某中心2021年度项目支出绩效自评表), no 填报单位 line", book: () => edit(projectBase(), P, { A1: "攀枝花市医疗保障事务中心2021年度项目支出绩效自评表", A2: null, A3: null }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "四川: 主管部门：… and 实施单位：… each in one cell, no 填报单位 line: the unit is the 实施单位", book: () => edit(sichuanBase(), P, { A3: null }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "a cover sheet with 单位名称：… and 评价年度：…, the form without them", book: () => withCover(edit(projectBase(), P, { A2: null, A3: null })), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "（２０２１年度） in full-width digits", book: () => edit(projectBase(), P, { A2: "（２０２１年度）" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "评价年度：２０２１年 in full-width digits", book: () => edit(projectBase(), P, { A2: "评价年度：２０２１年" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "填报单位:… (half-width colon, no space) and 2021年 in the year line", book: () => edit(projectBase(), P, { A2: "2021年", A3: "填报单位:攀枝花市医疗保障事务中心" }), year: 2021, unit: "攀枝花市医疗保障事务中心" },
  { what: "部门整体: unit only in the title (区医疗保障局2024年度部门整体支出绩效自评表)", book: () => edit(deptBase(), D, { A1: "区医疗保障局2024年度部门整体支出绩效自评表", A2: null, A3: null, C4: null, H4: null }), year: 2024, unit: "区医疗保障局" },
  { what: "部门整体: 部门（单位）名称：… and （2024年度）", book: deptBase, year: 2024, unit: "区医疗保障局" },
  { what: "部门整体: 主管部门：… in one cell, 实施单位 blank", book: () => edit(deptBase(), D, { A3: "主管部门：区医疗保障局", C4: null, H4: null }), year: 2024, unit: "区医疗保障局" },
];

/** A wrong year where the form writes it: found at that cell. */
export const WRONG_YEAR: (IdentityVariant & { at: string })[] = [
  { what: "title says 2020年度 while the year line says 2021年度", at: `${P}!A1`, book: () => edit(projectBase(), P, { A1: "2020年度项目支出绩效自评表" }) },
  { what: "the year line says （2020年度） while the title says 2021年度", at: `${P}!A2`, book: () => edit(projectBase(), P, { A1: "2021年度项目支出绩效自评表", A2: "（2020年度）" }) },
  { what: "评价年度：2020 beside a text about 2021", at: `${P}!A2`, book: () => edit(projectBase(), P, { A2: "评价年度：2020", G12: "截止2021年12月31日，已支付使用资金198.57万元，2021年度预算执行率92.31%。" }) },
];

/** Forms that do not carry a field at all: a note, never an error. */
export const ABSENT: (IdentityVariant & { field: string })[] = [
  { what: "no year anywhere (no year line, title without a year)", field: "评价年度", book: () => edit(projectBase(), P, { A2: null }) },
];
