/**
 * no-unit-mistake — a money cell entered in 元 in a 万元 workbook (or the reverse) is off by 10 000.
 * One finding per slip, at the cell, with a fix that divides (or multiplies) it; the footing rules
 * skip the relations the corrected value would satisfy.
 */
import { defineRule, type CellWrite } from "../engine/types";
import { formatNumber, moneyFactor } from "../units/convert";
import { parseCell } from "../units/parse";
import { columnLabel } from "../relations/footing";
import { findUnitMistakes, UNIT_FACTOR } from "../relations/unit-mistakes";
import { normalizeLabel, scalarField, type ScalarFieldId, type TableId } from "../schema/fields";
import { parseA1, toA1 } from "../model/address";
import type { Figure } from "../relations/footing";
import type { ReportModel } from "../model/report-model";
import type { CellRef } from "../model/snapshot";
import { scoresFor } from "../scoring/score";

/** Message ids of no-unit-mistake. */
export type MessageId = "rowTooLarge" | "rowTooSmall" | "tooLarge" | "tooSmall" | "unitWordWrong" | "indicatorTooLarge" | "indicatorTooSmall" | "targetTooLarge" | "targetTooSmall";

/**
 * The unit word a money cell's own text carries (“104.20元”) when it is not the table's and the number as typed
 * is the corrected value: the figure is right, the word beside it wrong.
 */
function wrongUnitWord(cell: { readonly value?: unknown } | undefined, tableUnit: string, corrected: number): string | undefined {
  if (!cell || typeof cell.value !== "string") return undefined;
  const p = parseCell(cell as Parameters<typeof parseCell>[0]);
  if (p.kind !== "number" || !p.unit || p.percent || p.unit === tableUnit || moneyFactor(p.unit) === undefined) return undefined;
  return Math.abs(p.value - corrected) <= 0.5 * Math.pow(10, -Math.max(p.decimals, 0)) + 1e-9 ? p.unit : undefined;
}

function label(model: Parameters<typeof columnLabel>[0], field: string): string {
  if (!field.startsWith("jx_")) {
    // A cell of a form's block: its row label and the column it sits in (`上年结转资金（全年预算数）`).
    for (const rel of model.relations ?? []) {
      for (const c of [rel.target, ...rel.terms]) if (c.field === field) return rel.where.includes("（") ? `${c.label}（${rel.where.split("（").pop()}` : c.label;
    }
    return field;
  }
  const dot = field.indexOf(".");
  if (dot < 0) return scalarField(field as ScalarFieldId).label;
  return columnLabel(model, field.slice(0, dot) as TableId, field.slice(dot + 1));
}

function shownDecimals(value: number): number {
  const s = String(value);
  const m = /\.(\d+)$/.exec(s);
  return Math.max(2, m ? m[1].length : 0);
}

/** The unit the clerk seems to have used. */
function writtenUnit(factor: number, moneyUnit: string): string {
  if (factor < 1 && moneyUnit === "万元") return "元";
  if (factor > 1 && moneyUnit === "元") return "万元";
  return factor < 1 ? "小一万倍的单位" : "大一万倍的单位";
}

/**
 * The money unit a cell's own column header declares (`公务用车运维费（元）` in a 三公经费 table kept in 元
 * beside a report in 万元), else the unit line above its table (`金额单位：元`), else the workbook's.
 */
function unitAt(model: ReportModel, ref: CellRef): string {
  const { row, col } = parseA1(ref.address);
  for (const t of Object.values(model.tables)) {
    if (!t || t.sheet !== ref.sheet || !t.rows.some((r) => r.row === row)) continue;
    const header = t.columns.find((c) => c.col === col)?.header;
    if (!header) continue;
    const h = normalizeLabel(header);
    if (/[(（]万元[)）]/.test(h)) return "万元";
    if (/[(（]元[)）]/.test(h)) return "元";
    if (t.unitLine) return t.unitLine;
  }
  return model.moneyUnit;
}

/** A money cell off by a factor of 10 000 (元 entered in a 万元 table, or the reverse). */
export const noUnitMistake = defineRule<MessageId>({
  id: "no-unit-mistake",
  meta: {
    type: "problem",
    docs: { description: "金额不应按错误的单位填写（元与万元相差一万倍）。", recommended: true },
    messages: {
      "rowTooLarge": "“{{row}}”一行的金额约为应有数额的一万倍，像是按“{{written}}”填写的；本表金额单位为{{unit}}，如{{label}} {{actual}} 应为 {{expected}}（整行换算后，汇总与各行全部相符）。",
      "rowTooSmall": "“{{row}}”一行的金额约为应有数额的万分之一，像是按“{{written}}”填写的；本表金额单位为{{unit}}，如{{label}} {{actual}} 应为 {{expected}}（整行换算后，汇总与各行全部相符）。",
      "tooLarge": "{{label}}填写为 {{actual}}，约为应有数额的一万倍，像是按“{{written}}”填写的；本表金额单位为{{unit}}，应为 {{expected}}{{why}}。",
      "tooSmall": "{{label}}填写为 {{actual}}，约为应有数额的万分之一，像是按“{{written}}”填写的；本表金额单位为{{unit}}，应为 {{expected}}{{why}}。",
      "unitWordWrong": "{{label}}填写为“{{actual}}”，但本表金额单位为{{unit}}：按“{{word}}”换算，相关的合计与分项不符，按{{unit}}读则全部相符；应为 {{expected}}（去掉“{{word}}”）。",
      "indicatorTooLarge": "指标“{{indicator}}”的实际完成值 {{actual}} 约为年度指标值 {{target}} 的一万倍，像是按“元”填写的；该指标单位为{{unit}}，应为 {{expected}}（按此计分）。",
      "indicatorTooSmall": "指标“{{indicator}}”的实际完成值 {{actual}} 约为年度指标值 {{target}} 的万分之一，像是按“万元”填写的；该指标单位为{{unit}}，应为 {{expected}}（按此计分）。",
      "targetTooLarge": "指标“{{indicator}}”的年度指标值 {{target}} 约为实际完成值 {{actual}} 的一万倍，像是按“元”填写的；完成值与本表金额一致，该指标单位为{{unit}}，年度指标值应为 {{expected}}（按此计分）。",
      "targetTooSmall": "指标“{{indicator}}”的年度指标值 {{target}} 约为实际完成值 {{actual}} 的万分之一，像是按“万元”填写的；完成值与本表金额一致，该指标单位为{{unit}}，年度指标值应为 {{expected}}（按此计分）。",
    },
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      workbook() {
        const model = context.model;
        for (const ind of scoresFor(model, context.profile).indicators) {
          const slip = ind.unitSlip;
          if (!slip) continue;
          const expected = formatNumber(slip.corrected, shownDecimals(slip.corrected));
          const target = ind.target.kind === "number" ? ind.target.raw : "";
          const onTarget = slip.cell === "target";
          context.report({
            at: slip.at,
            messageId: onTarget ? (slip.factor < 1 ? "targetTooLarge" : "targetTooSmall") : slip.factor < 1 ? "indicatorTooLarge" : "indicatorTooSmall",
            field: onTarget ? "jx_indicators.target" : "jx_indicators.actual",
            data: { indicator: ind.level3 || ind.level2, actual: ind.actual.raw, target, unit: slip.unit, expected },
            expected: slip.corrected,
            actual: slip.written,
            suggestions: [{ description: `将${slip.at.address}改为 ${expected}`, writes: [{ at: slip.at, value: slip.corrected }] }],
          });
        }
        for (const found of findUnitMistakes(model)) {
          // A total computed by a formula (=C7+C8) was not typed: the slip is in the cell it adds that,
          // corrected alone, gives the corrected total. The finding goes there, with a plain fix.
          const input = found.kind !== "row" && found.figure.formula ? slippedInput(model, found.figure, found.corrected, found.factor) : undefined;
          const m = input ? { ...found, figure: input.figure, corrected: input.corrected } : found;
          const f = m.figure;
          const d = shownDecimals(m.corrected);
          const expected = formatNumber(m.corrected, d);
          const why =
            m.kind === "row"
              ? ""
              : m.kind === "table"
              ? "（按此数，相关的合计与分项全部相符）"
              : `（与${m.comparedWith.map((o) => `${label(model, o.field)} ${formatNumber(o.value, 2)}`).join("、")}相比）`;
          const fix: { description: string; writes: CellWrite[] } = {
            description: `将${f.ref.address}由 ${formatNumber(f.value, Math.max(0, Math.min(6, Number.isFinite(f.writtenDecimals) ? f.writtenDecimals : 2)))} 改为 ${expected}（${m.factor > 1 ? "乘以" : "除以"}${UNIT_FACTOR}）`,
            writes: [{ at: f.ref, value: m.corrected }, ...m.alsoCorrected.map((x) => ({ at: x.figure.ref, value: x.corrected }))],
          };
          if (m.kind === "row") {
            fix.description = `将“${m.rowName ?? f.ref.address}”一行的金额${m.factor > 1 ? "乘以" : "除以"}${UNIT_FACTOR}`;
          }
          const formula = f.formula || m.alsoCorrected.some((x) => x.figure.formula);
          // “104.20元” typed in a 万元 table, 104.20 being right: the word is the slip, not the number.
          const word = m.kind !== "row" && m.alsoCorrected.length === 0 ? wrongUnitWord(f.cell, unitAt(model, f.ref), m.corrected) : undefined;
          if (word) fix.description = `将${f.ref.address}的“${String(f.cell?.value ?? "").trim()}”改为数值 ${expected}`;
          context.report({
            at: f.ref,
            messageId: word ? "unitWordWrong" : m.kind === "row" ? (m.factor < 1 ? "rowTooLarge" : "rowTooSmall") : m.factor < 1 ? "tooLarge" : "tooSmall",
            field: f.field,
            // A table in its own unit (元 beside a 万元 report) says that unit, not the workbook's.
            data: (() => {
              const own = unitAt(model, f.ref);
              const shown = own === model.moneyUnit ? expected : `${expected}${own}`;
              return { row: m.rowName ?? f.ref.address, label: label(model, f.field), written: writtenUnit(m.factor, own), actual: String(f.cell?.value ?? f.value).trim(), unit: own, expected: shown, why, ...(word ? { word } : {}) };
            })(),
            expected: m.corrected,
            actual: f.value,
            ...(formula ? { suggestions: [fix] } : { fix }),
          });
        }
      },
    };
  },
});

/**
 * The one cell a formula total adds (same sheet, `C7+C8`, `SUM(C7:C9)`) whose value times `factor`, with the
 * others as they are, makes the total its corrected value.
 */
function slippedInput(model: ReportModel, total: Figure, corrected: number, factor: number): { figure: Figure; corrected: number } | undefined {
  const formula = total.cell?.formula;
  const sheet = model.snapshot.sheets.find((s) => s.name === total.ref.sheet);
  if (!formula || !sheet || /[![]/.test(formula) || !/^[\s$A-Z\d:+(),]*$/i.test(formula.replace(/SUM/gi, ""))) return undefined;
  const addresses = new Set<string>();
  for (const m of formula.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/gi)) {
    const a = parseA1(`${m[1]}${m[2]}`);
    const b = m[3] ? parseA1(`${m[3]}${m[4]}`) : a;
    if ((b.row - a.row + 1) * (b.col - a.col + 1) > 200) return undefined;
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) addresses.add(toA1({ row: r, col: c }));
  }
  const hits: { figure: Figure; corrected: number }[] = [];
  for (const address of addresses) {
    const cell = sheet.cells[address];
    const v = cell?.value;
    if (!cell || typeof v !== "number" || v === 0 || cell.formula !== undefined) continue;
    const fixed = v * factor;
    if (Math.abs(total.value - v + fixed - corrected) > 0.005 + 1e-9 * Math.abs(total.value)) continue;
    const { row, col } = parseA1(address);
    hits.push({ figure: { ...total, key: `${sheet.name}!${address}`, ref: { sheet: sheet.name, address }, value: v, formula: false, cell, row, col, writtenDecimals: shownDecimals(v) }, corrected: Math.round(fixed * 1e6) / 1e6 });
  }
  return hits.length === 1 ? hits[0] : undefined;
}

const inputsCache = new WeakMap<ReportModel, ReadonlyMap<string, number>>();

/**
 * The cells typed in the wrong unit that formula totals add (`=SUM(G8:G12)` over 17073100 typed in G8), by
 * key, with their corrected values: where no-unit-mistake reports the slip of a formula total (once per
 * model). A rate of that cell's row is judged on the corrected value (form-rate-matches).
 */
export function slippedInputs(model: ReportModel): ReadonlyMap<string, number> {
  const hit = inputsCache.get(model);
  if (hit) return hit;
  const out = new Map<string, number>();
  for (const found of findUnitMistakes(model)) {
    if (found.kind === "row" || !found.figure.formula) continue;
    const input = slippedInput(model, found.figure, found.corrected, found.factor);
    if (input) out.set(input.figure.key, input.corrected);
  }
  inputsCache.set(model, out);
  return out;
}

export default noUnitMistake;
