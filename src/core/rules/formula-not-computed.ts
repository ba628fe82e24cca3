/**
 * formula-not-computed — a formula the file stores WITHOUT its result (a workbook written by a program and
 * never opened in Excel or WPS) that jixiao cannot compute either (INDIRECT, another workbook's cell, a
 * defined name in Chinese): its value is unknown. Read as blank it would make every total that adds it
 * “不平” and every text quoting it “不一致” — mistakes the clerk did not make — or, worse, let a check pass
 * over figures nobody has seen. So each such cell is named, as an error (the report cannot be handed in as
 * checked), with what to do: open the workbook in Excel or WPS, save it, check again. While any is left,
 * the other rules' findings are withheld (engine/run-rules.ts): they would judge blanks.
 */
import { defineRule } from "../engine/types";
import type { CellSnapshot, SheetSnapshot } from "../model/snapshot";
import { cellIndex, hasCellIndex } from "../model/cell-index";

/** Message ids of formula-not-computed. */
export type MessageId = "notComputed";

/** The cells of a sheet that the reader marked `uncomputed`, in sheet order. */
function uncomputedCells(sheet: SheetSnapshot): [string, CellSnapshot][] {
  const out: [string, CellSnapshot][] = [];
  if (hasCellIndex(sheet)) {
    // An indexed sheet: an unknown value is among the index's odd cells (null, not a finite number).
    const ix = cellIndex(sheet);
    for (let i = 0; i < ix.odd.length; i++) {
      const c = ix.cells[ix.odd[i]];
      if (c?.uncomputed) out.push([ix.addresses[ix.odd[i]], c]);
    }
    return out;
  }
  for (const [a, c] of Object.entries(sheet.cells)) if (c.uncomputed) out.push([a, c]);
  return out;
}

/** Each formula whose value the file does not store and jixiao cannot compute, named at its cell. */
export const formulaNotComputed = defineRule<MessageId>({
  id: "formula-not-computed",
  meta: {
    type: "problem",
    docs: { description: "公式没有保存计算结果、也无法自动计算时，指出该单元格，请先在 Excel 或 WPS 中打开并保存后再检查。", recommended: true },
    messages: {
      "notComputed":
        "单元格中的公式“={{formula}}”没有保存计算结果（工作簿可能由程序生成、未在 Excel 或 WPS 中打开保存过），jixiao 也无法算出它的值，无法核对与它有关的数字{{count}}。请先用 Excel 或 WPS 打开本工作簿并保存，再重新检查；在此之前其他检查结果暂不显示，以免把未知的值当作空白误报。",
    },
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        const skipped = new Set((model.skipped ?? []).map((s) => s.sheet));
        const all: { sheet: string; address: string; cell: CellSnapshot }[] = [];
        for (const sheet of model.snapshot.sheets) {
          if (skipped.has(sheet.name)) continue;
          for (const [address, cell] of uncomputedCells(sheet)) all.push({ sheet: sheet.name, address, cell });
        }
        for (const x of all) {
          context.report({
            at: { sheet: x.sheet, address: x.address },
            messageId: "notComputed",
            data: { formula: x.cell.formula ?? "", count: all.length > 1 ? `（本工作簿共有 ${all.length} 个这样的公式）` : "" },
            actual: `=${x.cell.formula ?? ""}`,
          });
        }
      },
    };
  },
});

export default formulaNotComputed;
