/**
 * The evaluation year a workbook is about, settled once for every rule that needs it: the year the form
 * writes (jx_report_year), unless the workbook shows that cell is the odd one — another form of the
 * workbook agrees on a different year, or the 填报日期 cannot follow it and the rest of the workbook names
 * the year before the filing date more often. year-matches-report reports the odd cell; the prose rules
 * and the narrative go by the settled year, so that one wrong year line is one finding.
 */
import { sameForm, type ReportModel } from "../model/report-model";
import type { CellSnapshot } from "../model/snapshot";
import { toHalfWidth } from "../units";
import { textCells } from "../rules/lib/text-cells";

/** The year written (`own`) and the year the workbook is about (`year`). */
export interface SettledYear {
  readonly own?: number;
  readonly year?: number;
}

/** The report year of a cell: a number (2021) or text holding one (`2021年度`). */
export function yearOf(cell: CellSnapshot | undefined): number | undefined {
  const v = cell?.value;
  if (typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2100) return v;
  const m = /(?:19|20)\d{2}/.exec(toHalfWidth(String(v ?? "")));
  return m ? Number(m[0]) : undefined;
}

/** A date serial's calendar day (1900 system, as Excel and WPS store dates), or undefined outside 1954–2118. */
function serialDate(v: number): Date | undefined {
  return v > 20000 && v < 80000 ? new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000) : undefined;
}

/** The month of a date cell (a serial, or text `2021年3月15日` / `2021-03-15`), when it gives one. */
export function dateMonth(cell: CellSnapshot): number | undefined {
  const v = cell.value;
  if (typeof v === "number") {
    const d = serialDate(v);
    return d ? d.getUTCMonth() + 1 : undefined;
  }
  const m = /(?:19|20)\d{2}\s*(?:年|[-/.．])\s*(\d{1,2})/.exec(toHalfWidth(String(v ?? "")));
  const month = m ? Number(m[1]) : undefined;
  return month !== undefined && month >= 1 && month <= 12 ? month : undefined;
}

/** A date cell as the clerk sees it: a serial as `2024年3月15日`, text as written. */
export function dateText(cell: CellSnapshot): string {
  const v = cell.value;
  const d = typeof v === "number" ? serialDate(v) : undefined;
  return d ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : String(v ?? "");
}

/** The year of a date cell: a date serial (1900 system) or text holding a year. */
export function dateYear(cell: CellSnapshot): number | undefined {
  const v = cell.value;
  if (typeof v === "number") {
    return serialDate(v)?.getUTCFullYear();
  }
  const m = /((?:19|20)\d{2})\s*(?:年|[-/.])/.exec(toHalfWidth(String(v ?? "")));
  return m ? Number(m[1]) : undefined;
}

const cache = new WeakMap<ReportModel, SettledYear>();

/** The written and the settled evaluation year of a model. */
export function settledYear(model: ReportModel): SettledYear {
  const hit = cache.get(model);
  if (hit) return hit;
  const result = settle(model);
  cache.set(model, result);
  return result;
}

function settle(model: ReportModel): SettledYear {
  const yearBinding = model.scalars.jx_report_year;
  const own = yearOf(yearBinding?.cell);
  if (own === undefined) return {};
  // A workbook of several forms (one per project, a 汇总): a form whose year differs from the year every
  // other form writes is the odd one.
  const others = (model.forms ?? []).filter((f) => f.year !== undefined && !sameForm(f, model.form)).map((f) => f.year as number);
  const consensus = others.length >= 1 && others.every((y) => y === others[0]) ? others[0] : undefined;
  let year = consensus !== undefined && consensus !== own && model.form?.yearRef && yearBinding && yearBinding.ref.sheet === model.form.sheet ? consensus : own;
  // A form's year line against its 填报日期 (filed in the evaluated year or the next): when they disagree
  // and the rest of the workbook names the year before the filing date more often than the year line's,
  // the year line is the odd one (（2020年度） on a 2021 form filed in 2022).
  const dateBinding = model.scalars.jx_report_date;
  const dateCell = dateBinding?.cell;
  const filed = dateCell ? dateYear(dateCell) : undefined;
  const counts = new Map<number, number>();
  const count = (y: number): number => {
    const hit = counts.get(y);
    if (hit !== undefined || !yearBinding) return hit ?? 0;
    let n = 0;
    const written = `${y}年`;
    for (const sheet of model.snapshot.sheets) {
      // Text cells only (rules/lib/text-cells.ts); one without 年 (toHalfWidth leaves 年 as it is) names no year.
      const texts = textCells(sheet);
      for (let i = 0; i < texts.length; i++) {
        const { address, value } = texts[i];
        if (!value.includes("年") || (address === yearBinding.ref.address && sheet.name === yearBinding.ref.sheet)) continue;
        // The 填报日期 is the evidence weighed against the counts, not one of them.
        if (dateBinding && address === dateBinding.ref.address && sheet.name === dateBinding.ref.sheet) continue;
        // A year named as the one compared with (与2019年相比, 比2019年, 较2019年同期) is no claim of the report's year.
        const text = toHalfWidth(value);
        for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
          if (/[与比较]$/.test(text.slice(Math.max(0, at - 1), at)) || /^(?:相比|同期|同比|比较)/.test(text.slice(at + written.length, at + written.length + 2))) continue;
          n++;
        }
      }
    }
    counts.set(y, n);
    return n;
  };
  // A 填报日期 early in the written year itself (2023年4月6日 under a 2023年度 title) cannot follow it either: a
  // year's self-evaluation is made after the year (November and December may be a year-end 自评). The
  // title then names the filing year, not the evaluated one.
  const month = dateCell ? dateMonth(dateCell) : undefined;
  const early = filed === own && month !== undefined && month <= 10;
  if (year === own && model.form && yearBinding && filed !== undefined && filed !== own && filed !== own + 1) {
    if (count(filed - 1) > count(own)) year = filed - 1;
  }
  // There the date alone rules the written year out: the year before it wins a tie (a date copied from last
  // year's report instead leaves the report naming its own year more often).
  if (year === own && model.form && yearBinding && early && count(own - 1) > 0 && count(own - 1) >= count(own)) year = own - 1;
  // A form's own year line (（2019年度） under its title) that no other cell of the workbook names, while the
  // rest names one later year in two cells or more (the report's title and its sentences, 2020年度) and the
  // 填报日期, if any, can follow that year: the form's line is the odd one, copied from last year's form. (A
  // report copied from last year names an earlier year: the form keeps its year, and the report is flagged.)
  // (The form's year may also be named a few times elsewhere, in passing — 减少原因是2019年收支包括… — while
  // the rest names the later year more than three times as often.)
  if (year === own && others.length === 0 && model.form && yearBinding && yearBinding.ref.sheet === model.form.sheet) {
    const later = laterYears(model, own);
    const best = later.length === 1 ? later[0] : undefined;
    if (best !== undefined && count(best) >= 2 && count(best) > 3 * count(own) && (filed === undefined || filed === best || filed === best + 1)) year = best;
  }
  return { own, year };
}

/** The years after `own` (up to two later) that any text cell of the workbook names (`2020年`). */
function laterYears(model: ReportModel, own: number): number[] {
  const found = new Set<number>();
  for (const sheet of model.snapshot.sheets) {
    const texts = textCells(sheet);
    for (let i = 0; i < texts.length; i++) {
      const value = texts[i].value;
      if (!value.includes("年")) continue;
      // A date (填报日期：2024年3月18日) says when the form was filed, not which year it is about.
      for (const m of toHalfWidth(value).matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) {
        const y = Number(m[1]);
        if (y > own && y <= own + 2) found.add(y);
      }
    }
  }
  return [...found];
}
