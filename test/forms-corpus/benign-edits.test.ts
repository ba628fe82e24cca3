/**
 * What clerks add to a form that changes none of its figures: a sign-off block under the table
 * (填表人 / 联系电话 / 填报日期 in the table's own columns), a 封面 sheet before the form, a 填报说明 sheet
 * full of example figures after it, the first sheet left named “Sheet1”, labels padded with spaces and
 * no-break spaces. Every consistent corpus workbook stays without error or warning after each, and every
 * planted mistake the corpus finds is still found at its cause. Also: a 填报日期 typed as a date (a serial
 * under the table, in a money column), a title's year in full-width digits (２０１９年度), 合　计 spaced, a
 * blank row under every title, the sheets in reverse order, accounting formats with rates shown 0.0%.
 */
import { parseA1 } from "./book";
import { hasText, insertRow, lastRow, sweepEdits, textSheet, type Edit } from "./edit-sweep";

/**
 * Each edit changes a copy of the book; one that moves cells returns where an edited address was before
 * (so that findings compare with the unedited book's).
 */
const EDITS: Record<string, Edit> = {
  "sign-off block": (b, year) => {
    const s = b.sheets[0];
    const r = lastRow(s) + 2;
    s.cells.set(`A${r}`, { v: "填表人：王芳" });
    s.cells.set(`C${r}`, { v: "联系电话：0731-84561234" });
    // A form that already gives its 填报日期 keeps that one (a second date would contradict it).
    if (!hasText(b, /填报日期|报告日期|填表日期/)) s.cells.set(`E${r}`, { v: `填报日期：${year + 1}年3月15日` });
    s.cells.set(`A${r + 1}`, { v: "单位负责人：李明" });
    s.cells.set(`C${r + 1}`, { v: "手机：13807311234" });
  },
  "封面 sheet": (b, year) => {
    b.sheets.unshift(textSheet(b.sheets.some((x) => x.name === "封面") ? "首页" : "封面", [`${year}年度绩效自评报告`, "填报单位（盖章）：某某县医疗保障局", `填报日期：${year + 1}年3月`, "联系人：王芳  电话：0731-84561234"]));
  },
  "填报说明 sheet": (b) => {
    b.sheets.push(
      textSheet("填报说明", [
        "填报说明：",
        "1.金额单位为万元，保留两位小数。",
        "2.预算执行率=全年执行数/全年预算数×100%，得分=执行率×10分，最高10分。",
        "3.自评总分100分，其中预算执行率10分，产出指标50分，效益指标30分，满意度指标10分。",
        "5.本表于2月28日前报送财政局绩效科。",
      ]),
    );
  },
  "填报日期 typed as a date": (b, year) => {
    // A date serial (shown 2024年3月15日) in the money column of the first sheet, under its tables.
    const s = b.sheets[0];
    const r = lastRow(s) + 2;
    const serial = Math.round((Date.UTC(year + 1, 2, 15) - Date.UTC(1899, 11, 30)) / 86400000);
    s.cells.set(`A${r}`, { v: "填报日期：" });
    s.cells.set(`E${r}`, { v: serial, fmt: 'yyyy"年"m"月"d"日"' });
  },
  "full-width digits in the titles": (b) => {
    for (const s of b.sheets) {
      for (const [at, c] of s.cells) if (typeof c.v === "string" && parseA1(at).row <= 3) c.v = c.v.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    }
  },
  "spaced 合计": (b) => {
    for (const s of b.sheets) for (const c of s.cells.values()) c.v = c.v === "合计" ? "合　计" : c.v === "总计" ? "总  计" : c.v;
  },
  "a blank row under every title": (b) => {
    for (const s of b.sheets) insertRow(s, 2);
    return (a) => a.replace(/\d+$/, (r) => String(Number(r) >= 3 ? Number(r) - 1 : Number(r)));
  },
  "sheets in reverse order": (b) => {
    b.sheets.reverse();
  },
  "accounting number formats, rates shown 0.0%": (b) => {
    for (const s of b.sheets) {
      for (const c of s.cells.values()) {
        if (c.fmt === "0.00") c.fmt = "#,##0.00_);[Red]\\(#,##0.00\\)";
        else if (c.fmt === "0.00%") c.fmt = "0.0%";
      }
    }
  },
  "first sheet named Sheet1": (b) => {
    b.sheets[0].name = "Sheet1";
  },
  "padded labels": (b) => {
    for (const s of b.sheets) for (const c of s.cells.values()) if (typeof c.v === "string" && c.v.length < 20 && /[\u4e00-\u9fa5]/.test(c.v)) c.v = ` ${c.v}\u00a0`;
  },
};

/** Edits that write into the tables' own columns (under them): every variant is run with these. */
const INSIDE: ReadonlySet<string> = new Set(["sign-off block", "填报日期 typed as a date"]);
sweepEdits(EDITS, INSIDE);
