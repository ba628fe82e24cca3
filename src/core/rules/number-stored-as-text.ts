/**
 * number-stored-as-text — a money, rate or score cell holding a number typed as text (`"1,711.75"`,
 * `"１７１１.７５"`, `"99.74%"`). jixiao reads such text as the number (units' parseCell), so no footing
 * error follows; but Excel's SUM skips text, so the workbook's own totals and anything the 财政局 sums
 * silently leave the figure out.
 */
import { defineRule, type CellWrite, type Fix } from "../engine/types";
import type { BoundCell, RelationCell, TableBinding } from "../model/report-model";
import { formatNumber, parseCell, roundTo } from "../units";
import { readMoney } from "../relations/footing";
import { correctedFigure, unitMistakeKeys } from "../relations/unit-mistakes";
import { oddFigures, type OddFigure } from "./lib/numeric-cells";

/** Message ids of number-stored-as-text. */
export type MessageId = "numberAsText" | "rateAsText";

/** Table columns of rates (besides the rate scalars), written back as a percentage. */
const RATE_COLUMNS: ReadonlySet<string> = new Set(["jx_projects.rate"]);

/** A number-format code showing `decimals` places (`0.00`). */
function plainFormat(decimals: number): string {
  const d = Math.max(0, Math.min(decimals, 10));
  return d > 0 ? `0.${"0".repeat(d)}` : "0";
}

/** Numbers typed as text in money, rate and score cells. */
export const numberStoredAsText = defineRule<MessageId>({
  id: "number-stored-as-text",
  meta: {
    type: "problem",
    docs: { description: "金额、比率、分值等单元格中以文本形式保存的数字应转换为数值。", recommended: true },
    messages: {
      "numberAsText": "{{what}}中的“{{text}}”是文本而不是数值，Excel 求和时会跳过它（本检查按 {{value}} 计算）；请转换为数值 {{value}}。",
      "rateAsText": "{{what}}中的“{{text}}”是文本而不是数值，公式无法引用；请转换为数值 {{value}}（设置为百分比格式）。",
    },
    fixable: true,
  },
  create(context) {
    const check = (b: BoundCell | undefined, field: string, what: string, rate: boolean, money = false): void => {
      const cell = b?.cell;
      // A formula's text result (=TEXT(...)) is the formula's business; rewriting it would lose the formula.
      if (!b || !cell || typeof cell.value !== "string" || cell.formula) return;
      const p = parseCell(cell);
      if (p.kind !== "number" || !p.fromText) return;
      // A zero typed as text (“0.00” for a row with no money) changes no sum that skips it: nothing to convert.
      if (p.value === 0) return;
      const text = cell.value.trim();
      if (money && !p.percent) {
        checkMoney(b, field, what, text, p.decimals);
        return;
      }
      // Points typed with their unit (“9.97分”) are a 分值 or 得分 all the same; other units (`41人`) are left alone.
      if (p.unit !== undefined && !(p.percent && rate) && !(p.unit === "分" && !rate)) return;
      let write: CellWrite;
      let shown: string;
      if (rate) {
        // A rate is stored as an Excel fraction with a percent format: "99.74%" → 0.9974, "99.74" → 0.9974.
        const scaled = !p.percent && p.value > 1.5;
        const decimals = scaled ? p.decimals + 2 : p.decimals;
        const fraction = scaled ? roundTo(p.value / 100, decimals) : p.value;
        write = { at: b.ref, value: fraction, numberFormat: "0.00%" };
        shown = formatNumber(fraction, decimals, { unit: "%" });
      } else {
        if (p.percent) return;
        const keepFormat = cell.numberFormat === undefined || cell.numberFormat.trim() !== "@";
        write = keepFormat ? { at: b.ref, value: p.value } : { at: b.ref, value: p.value, numberFormat: plainFormat(p.decimals) };
        shown = String(p.value);
      }
      const fix: Fix = { description: `将${b.ref.address}的文本“${text}”转换为数值 ${shown}`, writes: [write] };
      context.report({
        at: b.ref,
        messageId: rate ? "rateAsText" : "numberAsText",
        field,
        data: { what, text, value: shown },
        expected: write.value as number,
        actual: text,
        fix,
      });
    };
    /**
     * Money text, read as the footing rules read it: in the workbook's money unit, converting a unit the
     * text names ("3467700元" in a 万元 table is 346.77). A cell no-unit-mistake flags (text "3467700" in a
     * 万元 table) gets no fix: converting it would keep the slip; no-unit-mistake's fix writes the
     * corrected number, which also ends the text. The message names the corrected value.
     */
    const checkMoney = (b: BoundCell, field: string, what: string, text: string, parsedDecimals: number): void => {
      const fig = readMoney(b, field, context.model.moneyUnit);
      // Text with a unit that is not money (`41万人`) is not a money figure: nothing to convert.
      if (!fig || fig.blank) return;
      const slipped = unitMistakeKeys(context.model).has(fig.key);
      const target = slipped ? correctedFigure(context.model, fig) : fig;
      const decimals = Number.isFinite(target.writtenDecimals) ? Math.min(target.writtenDecimals, 10) : parsedDecimals;
      const value = roundTo(target.value, Math.max(decimals, 0));
      const shown = String(value);
      const keepFormat = b.cell?.numberFormat === undefined || b.cell.numberFormat.trim() !== "@";
      const write: CellWrite = keepFormat ? { at: b.ref, value } : { at: b.ref, value, numberFormat: plainFormat(decimals) };
      context.report({
        at: b.ref,
        messageId: "numberAsText",
        field,
        data: { what, text, value: shown },
        expected: value,
        actual: text,
        ...(slipped ? {} : { fix: { description: `将${b.ref.address}的文本“${text}”转换为数值 ${shown}`, writes: [write] } }),
      });
    };
    // Text is among the figures that are not plain numbers (rules/lib/numeric-cells.ts): only those are
    // looked at, scalars in the workbook visitor, then each table's in its own visit (the findings' order).
    const odd = oddFigures(context.model);
    const byTable = new Map<TableBinding, OddFigure[]>();
    for (const f of odd) {
      if (!f.table) continue;
      const list = byTable.get(f.table);
      if (list) list.push(f);
      else byTable.set(f.table, [f]);
    }
    const visit = ({ bound, field: f, table }: OddFigure): void => check(bound, f.field, f.what, table ? RATE_COLUMNS.has(f.field) : f.kind === "rate", f.kind === "money");
    /**
     * The figures a detected form's own relations use (a 部门整体 form's 按收入性质 / 按支出性质 rows, its
     * rows' 执行率) that are no scalar or table cell: text there is skipped by SUM just the same.
     */
    const formFigures = (): void => {
      const seen = new Set(odd.map((f) => `${f.bound.ref.sheet}!${f.bound.ref.address}`));
      const once = (c: RelationCell, rate: boolean, money: boolean): void => {
        const key = `${c.cell.ref.sheet}!${c.cell.ref.address}`;
        if (seen.has(key)) return;
        seen.add(key);
        check(c.cell, c.field, c.label, rate, money);
      };
      for (const r of context.model.relations ?? []) for (const c of [r.target, ...r.terms]) once(c, false, !r.points);
      for (const r of context.model.rates ?? []) {
        once(r.rate, true, false);
        once(r.numerator, false, true);
        once(r.denominator, false, true);
      }
    };
    return {
      workbook() {
        for (const f of odd) if (!f.table) visit(f);
        formFigures();
      },
      table(table) {
        for (const f of byTable.get(table) ?? []) visit(f);
      },
    };
  },
});

export default numberStoredAsText;
