/**
 * What both .xlsx readers share and neither needs a library for: Excel's built-in number formats, the
 * expansion of a shared formula to the other cells of its range, and how a sheet's state and a row's or
 * column's `hidden` attribute read. A leaf module (no xlsx-populate, no JSZip), so that the light reader of
 * the check path (light.ts) can use it without loading either.
 */
import { colToIndex, indexToCol } from "../../core/model/address";
import type { SheetVisibility } from "../../core/model/snapshot";

/**
 * An OOXML boolean attribute as xlsx-populate's parser leaves it: `1` (a number once parsed), `"true"`,
 * or the text `"1"` (the light reader's saxes keeps every attribute as text).
 */
export function isTrue(v: unknown): boolean {
  return v === 1 || v === "1" || v === "true";
}

/** A `<sheet state>` of workbook.xml as the snapshot writes it. */
export function visibilityOfState(state: unknown): SheetVisibility {
  return state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
}

/** Excel's built-in number formats (ECMA-376 §18.8.30) that are not `General`. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * Shift the relative references of a formula by (rows, cols): how a shared formula's master text applies
 * to another cell of its range. String literals and quoted sheet names are left alone; `$`-anchored parts,
 * function names (`LOG10(`) and names are not references and do not move.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  let out = "";
  let i = 0;
  const ref = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    ref.lastIndex = i;
    const m = /[A-Za-z0-9_.\u4e00-\u9fff]/.test(prev) ? null : ref.exec(formula);
    const next = m ? formula[i + m[0].length] ?? "" : "";
    if (m && !/[A-Za-z0-9_(.\u4e00-\u9fff]/.test(next)) {
      const col = m[1] ? m[2] : indexToCol(Math.max(1, colToIndex(m[2]) + cols));
      const row = m[3] ? m[4] : String(Math.max(1, Number(m[4]) + rows));
      out += `${m[1]}${col.toUpperCase()}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    // Copy a whole identifier at once, so that a reference-like tail inside it (SUMX2) is not shifted.
    const word = /[A-Za-z0-9_.\u4e00-\u9fff]+/y;
    word.lastIndex = i;
    const w = word.exec(formula);
    if (w) {
      out += w[0];
      i += w[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
