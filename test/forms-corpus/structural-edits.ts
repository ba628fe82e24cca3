/**
 * How one bureau's copy of a form differs from another's in its structure, with every figure the same (the
 * edits structural-edits.test.ts sweeps the corpus with): the whole form shifted right and down (column A
 * left empty, a taller title block), a 序号 column in front (1, 2, 3 or 一、二、), a 备注 column right of
 * every table with notes in some rows, the unit moved out of the headers into a `金额单位：万元` line above
 * the table (and the reverse), blank rows inside the tables and between the funds and the indicator
 * blocks, headers split over two merged rows (`预算数` over `（万元）`), the prose joined into one big
 * merged cell or split one numbered paragraph per row, every merge undone (a copy pasted as values), the
 * 一级 / 二级 indicator groups written on every row instead of merged down, header labels broken over two
 * lines in their cells (Alt+Enter: `全年⏎预算数`), a blank spacer column between the labels and the
 * figures, the 合计 row on top of its list instead of at the bottom, the 执行数 column before the 预算数
 * column, the unit written in the title instead of on a line of its own, row labels indented with
 * full-width spaces, the indicators' header written again inside the table (a page break pasted in).
 */
import { a1, colLetter, parseA1, type CellSpec, type SheetSpec } from "./book";
import { readNumber } from "./relations";
import { moveCells, Moves, type Edit } from "./edit-sweep";

const isNumber = (c: CellSpec | undefined): boolean => c !== undefined && (typeof c.v === "number" || (typeof c.v === "string" && c.v.length < 16 && readNumber(c.v) !== undefined));
/** “—” or “/” for an empty amount: the row is a data row all the same. */
const isDash = (c: CellSpec): boolean => typeof c.v === "string" && /^\s*[—\-/－–]\s*$/.test(c.v);

/** The rows of a sheet by number, each its cells by column. */
function rowsOf(s: SheetSpec): Map<number, Map<number, CellSpec>> {
  const rows = new Map<number, Map<number, CellSpec>>();
  for (const [at, c] of s.cells) {
    if (c.v === null || c.v === "") continue;
    const p = parseA1(at);
    if (!rows.has(p.row)) rows.set(p.row, new Map());
    rows.get(p.row)!.set(p.col, c);
  }
  return rows;
}

/** Runs of consecutive rows that hold a number (a table's data rows), top to bottom. */
function dataRuns(s: SheetSpec): { from: number; to: number }[] {
  const rows = rowsOf(s);
  const numeric = [...rows].filter(([, cells]) => [...cells.values()].some((c) => isNumber(c) || isDash(c))).map(([r]) => r).sort((x, y) => x - y);
  const runs: { from: number; to: number }[] = [];
  for (const r of numeric) {
    const last = runs[runs.length - 1];
    if (last && last.to === r - 1) last.to = r;
    else runs.push({ from: r, to: r });
  }
  return runs;
}

/** The row above a run when it is a header (two texts or more, no number). */
function headerAbove(s: SheetSpec, run: { from: number }): number | undefined {
  const cells = rowsOf(s).get(run.from - 1);
  if (!cells) return undefined;
  const values = [...cells.values()];
  return values.filter((c) => typeof c.v === "string").length >= 2 && !values.some((c) => isNumber(c) || isDash(c)) ? run.from - 1 : undefined;
}

function maxCol(s: SheetSpec): number {
  let m = 0;
  for (const a of s.cells.keys()) m = Math.max(m, parseA1(a).col);
  for (const g of s.merges) for (const a of g.split(":")) m = Math.max(m, parseA1(a).col);
  return m;
}

/** A sheet that holds only text in column A, paragraphs among it (a 自评报告 / 综述 sheet, not a 封面). */
const isProseSheet = (s: SheetSpec): boolean =>
  s.cells.size > 1 && [...s.cells].every(([at, c]) => parseA1(at).col === 1 && typeof c.v === "string") && [...s.cells.values()].some((c) => String(c.v).length >= 60);

function shift(cols: number, rows: number): Edit {
  return (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      moveCells(s, (c, r) => [c + cols, r + rows]);
      moves.undo(s.name, (c, r) => [c - cols, r - rows]);
    }
    return moves.back;
  };
}

const CN = "一二三四五六七八九十";
const cnNumber = (n: number): string => (n <= 10 ? CN[n - 1] : n < 20 ? `十${CN[n - 11]}` : `${CN[Math.floor(n / 10) - 1]}十${n % 10 ? CN[(n % 10) - 1] : ""}`);

/** A 序号 column in front of every table: `序号` over the header, rows numbered down each run of data rows. */
function numbered(label: (n: number) => string | number): Edit {
  return (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      // A form that numbers its rows already (序号, 行次, 科目编码) gets no second numbering.
      if (isProseSheet(s) || [...s.cells.values()].some((c) => typeof c.v === "string" && /^(序号|行次|科目编码|编号)$/.test(c.v.trim()))) continue;
      moveCells(s, (c, r) => [c + 1, r]);
      const runs = dataRuns(s);
      moves.undo(s.name, (c, r) => [c - 1, r]);
      s.widths.A = 5;
      const rows = rowsOf(s);
      for (const run of runs) {
        // A total row (合计, 总分, 小计 …) gets no number, nor does a lone row or a table written across
        // (a 分值 row and a 得分 row under the groups).
        const numberedRows = Array.from({ length: run.to - run.from + 1 }, (_, i) => run.from + i).filter(
          (r) => ![...(rows.get(r)?.values() ?? [])].some((c) => typeof c.v === "string" && /合\s*计|总\s*计|总\s*分|小\s*计|^\s*(分值|得分|权重)\s*$/.test(c.v)),
        );
        if (numberedRows.length < 2) continue;
        const head = headerAbove(s, run);
        if (head !== undefined) s.cells.set(`A${head}`, { v: "序号", center: true });
        numberedRows.forEach((r, i) => s.cells.set(`A${r}`, { v: label(i + 1), center: true }));
      }
    }
    return moves.back;
  };
}

const NOTES = ["含追加预算", "—", null];

/** Long texts alone on their rows split where `at` matches, one piece per row (merged across as the text was). */
function splitTexts(at: RegExp): Edit {
  return (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      const alone = [...rowsOf(s)].filter(([, cells]) => cells.size === 1 && cells.has(1)).map(([r, cells]) => [r, cells.get(1)!] as const);
      // Bottom up, so that each paragraph's row is still its own when it is split.
      for (const [r, c] of alone.sort((x, y) => y[0] - x[0])) {
        if (typeof c.v !== "string" || c.v.length < 60) continue;
        const sentences = c.v.split(at).filter((x) => x.trim());
        const k = sentences.length;
        if (k < 2) continue;
        const merge = s.merges.find((g) => g.startsWith(`A${r}:`));
        const right = merge ? parseA1(merge.split(":")[1]).col : 1;
        moveCells(s, (col, row) => [col, row > r ? row + k - 1 : row]);
        // A sentence's row goes back to its paragraph's cell.
        moves.undo(s.name, (col, row) => (row > r && row < r + k ? [1, r] : [col, row >= r + k ? row - k + 1 : row]));
        sentences.forEach((v, i) => {
          s.cells.set(`A${r + i}`, { ...c, v });
          if (merge && i > 0) s.merges.push(`A${r + i}:${colLetter(right)}${r + i}`);
        });
      }
    }
    return moves.back;
  };
}

/** The edits, by name; each returns the mapper from an edited address back to the unedited book. */
export const STRUCTURAL_EDITS: Record<string, Edit> = {
  "shifted to column C, three rows down": shift(2, 3),
  "shifted to column B": shift(1, 0),
  "a 序号 column 1, 2, 3 in front": numbered((n) => n),
  "a 序号 column 一、二、 in front": numbered((n) => `${cnNumber(n)}、`),
  "a 备注 column right of every table, the title merged over it": (b) => {
    for (const s of b.sheets) {
      if (isProseSheet(s)) continue;
      const right = maxCol(s);
      // The title rows' merges that reach the right edge now reach the 备注 column.
      s.merges = s.merges.map((m) => {
        const [tl, br] = m.split(":").map(parseA1);
        return tl.row <= 2 && tl.col === 1 && br.col === right ? `${a1(tl.col, tl.row)}:${a1(right + 1, br.row)}` : m;
      });
      for (const run of dataRuns(s)) {
        const head = headerAbove(s, run) ?? run.from;
        // The table's own right edge: its header's and rows' cells and merges.
        const edge = Math.max(
          ...[...s.cells.keys()].map(parseA1).filter((p) => p.row >= head && p.row <= run.to).map((p) => p.col),
          ...s.merges.map((m) => m.split(":").map(parseA1)).filter(([tl, br]) => tl.row <= run.to && br.row >= head).map(([, br]) => br.col),
        );
        const col = colLetter(edge + 1);
        if (headerAbove(s, run) !== undefined) s.cells.set(`${col}${head}`, { v: "备注", center: true });
        for (let r = run.from; r <= run.to; r++) {
          const v = NOTES[(r - run.from) % NOTES.length];
          if (v !== null) s.cells.set(`${col}${r}`, { v });
        }
      }
    }
  },
  "blank rows inside the tables and before the indicators": (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      if (isProseSheet(s)) continue;
      const rows = rowsOf(s);
      const at = new Set<number>();
      // Between a table's second and third data rows …
      for (const run of dataRuns(s)) if (run.to - run.from >= 2) at.add(run.from + 2);
      // … and above the indicators' header, unless a blank row is already there.
      for (const [r, cells] of rows) if ([...cells.values()].some((c) => typeof c.v === "string" && c.v.trim() === "一级指标") && rows.has(r - 1)) at.add(r);
      for (const r of [...at].sort((x, y) => y - x)) moves.insertRow(s, r);
    }
    return moves.back;
  },
  "the unit in a line above the table, not in the headers": (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      const unitOf = new Map<number, { unit: string; right: number }>();
      for (const [at, c] of s.cells) {
        if (typeof c.v !== "string") continue;
        const m = /^(.+?)\s*[（(](万元|元)[)）]$/.exec(c.v.trim());
        if (!m || /单位/.test(m[1])) continue;
        c.v = m[1];
        const p = parseA1(at);
        const row = unitOf.get(p.row);
        if (row && row.unit !== m[2]) throw new Error(`${s.name} row ${p.row} has two units`);
        unitOf.set(p.row, { unit: m[2], right: maxCol(s) });
      }
      const declared = [...s.cells.values()].map((c) => (typeof c.v === "string" ? /^(?:金额)?单位[：:]\s*(万元|元)$/.exec(c.v.trim())?.[1] : undefined)).filter((u) => u);
      const units = new Set([...unitOf.values()].map((u) => u.unit));
      // A sheet that already says its one unit above the table keeps that line; otherwise each header
      // that lost its unit gets a line of its own above it.
      if (units.size === 1 && declared.length === 1 && units.has(declared[0]!)) continue;
      for (const r of [...unitOf.keys()].sort((x, y) => y - x)) {
        const { unit, right } = unitOf.get(r)!;
        moves.insertRow(s, r);
        s.cells.set(a1(right, r), { v: `金额单位：${unit}` });
      }
    }
    return moves.back;
  },
  "the unit in the money headers, no line above the table": (b) => {
    for (const s of b.sheets) {
      const lines = [...s.cells].filter(([, c]) => typeof c.v === "string" && /^(?:金额)?单位[：:]\s*(万元|元)$/.test(c.v.trim()));
      if (lines.length !== 1) continue;
      const unit = /(万元|元)$/.exec(String(lines[0][1].v).trim())![1];
      const below = parseA1(lines[0][0]).row;
      s.cells.delete(lines[0][0]);
      // Every money header over the sheet's tables (up to three header rows, under the line) now says the
      // unit itself.
      const rows = rowsOf(s);
      for (const run of dataRuns(s)) {
        for (let head = run.from - 1; head > Math.max(below, run.from - 4); head--) {
          const cells = rows.get(head);
          if (!cells || [...cells.values()].some((c) => isNumber(c) || isDash(c))) break;
          for (const [col, c] of cells) {
            const t = typeof c.v === "string" ? c.v.trim() : "";
            if (/预算|执行数|支出|资金|决算|收入|金额|结余|结转|拨款|合计|经费|资产|费$/.test(t) && !/率|分|权重|指标|名称|编码|文号|行次|序号|说明|原因|备注|[（(]|^项\s*目$/.test(t)) {
              s.cells.set(a1(col, head), { ...c, v: `${t}（${unit}）` });
            }
          }
        }
      }
    }
  },
  "headers over two merged rows (预算数 over （万元）)": (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      const split = new Map<number, Map<number, string>>();
      for (const [at, c] of s.cells) {
        if (typeof c.v !== "string") continue;
        const m = /^(.{2,}?)\s*([（(](?:万元|元|%)[)）])$/.exec(c.v.trim());
        const p = parseA1(at);
        const merge = s.merges.find((g) => g.startsWith(`${at}:`));
        if (!m || /单位/.test(m[1]) || (merge && parseA1(merge.split(":")[1]).row !== p.row)) continue;
        if (!split.has(p.row)) split.set(p.row, new Map());
        split.get(p.row)!.set(p.col, m[2]);
      }
      for (const r of [...split.keys()].sort((x, y) => y - x)) {
        const units = split.get(r)!;
        const oneRow = s.merges.filter((g) => {
          const [tl, br] = g.split(":").map(parseA1);
          return tl.row === r && br.row === r;
        });
        const cells = [...(rowsOf(s).get(r) ?? new Map<number, CellSpec>())];
        moves.insertRow(s, r + 1);
        for (const [col, c] of cells) {
          const merge = oneRow.find((g) => g.startsWith(`${a1(col, r)}:`));
          const right = merge ? parseA1(merge.split(":")[1]).col : col;
          const unit = units.get(col);
          if (unit && typeof c.v === "string") {
            c.v = c.v.trim().slice(0, -unit.length).trim();
            s.cells.set(a1(col, r + 1), { v: unit, center: true });
            if (merge) s.merges.push(`${a1(col, r + 1)}:${a1(right, r + 1)}`);
          } else {
            // Every other header cell of the row spans both rows.
            s.merges = s.merges.filter((g) => g !== merge);
            const spansBelow = s.merges.some((g) => g.startsWith(`${a1(col, r)}:`));
            if (!spansBelow) s.merges.push(`${a1(col, r)}:${a1(right, r + 1)}`);
          }
        }
      }
    }
    return moves.back;
  },
  "merges undone, each value left in its top-left cell": (b) => {
    for (const s of b.sheets) s.merges = [];
  },
  "indicator groups written on every row, not merged down": (b) => {
    for (const s of b.sheets) {
      const heads = [...s.cells].filter(([, c]) => typeof c.v === "string" && /^(一级指标|二级指标)$/.test(c.v.trim())).map(([at]) => parseA1(at));
      s.merges = s.merges.filter((m) => {
        const [tl, br] = m.split(":").map(parseA1);
        // A 一级 / 二级 group merged down under its header column: unmerged, its name on every row.
        const group = tl.col === br.col && br.row > tl.row && heads.some((h) => h.col === tl.col && h.row < tl.row && tl.row - h.row <= 20);
        if (!group) return true;
        const top = s.cells.get(a1(tl.col, tl.row));
        for (let r = tl.row + 1; r <= br.row; r++) if (top) s.cells.set(a1(tl.col, r), { ...top });
        return false;
      });
    }
  },
  "header labels broken over two lines in their cells (全年\\n预算数)": (b) => {
    for (const s of b.sheets) {
      const rows = rowsOf(s);
      for (const run of dataRuns(s)) {
        // The header rows over each table (up to three, no figures in them).
        for (let head = run.from - 1; head >= Math.max(1, run.from - 3); head--) {
          const cells = rows.get(head);
          if (!cells || [...cells.values()].some((c) => isNumber(c) || isDash(c))) break;
          for (const c of cells.values()) {
            // A label, not a year line (（2021年度）) nor a figure typed as text.
            if (typeof c.v === "string" && c.v.length >= 4 && c.v.length <= 12 && !/[\n\d０-９年]/.test(c.v)) c.v = `${c.v.slice(0, 2)}\n${c.v.slice(2)}`;
          }
        }
      }
    }
  },
  "a blank spacer column between the labels and the figures": (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      const figures = [...s.cells].filter(([, c]) => isNumber(c)).map(([at]) => parseA1(at).col);
      if (figures.length === 0) continue;
      const at = Math.min(...figures);
      moveCells(s, (c, r) => [c >= at ? c + 1 : c, r]);
      moves.undo(s.name, (c, r) => [c > at ? c - 1 : c, r]);
    }
    return moves.back;
  },
  "the 合计 row on top of its table, not at the bottom": (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      const rows = rowsOf(s);
      for (const run of dataRuns(s)) {
        const label = [...(rows.get(run.to)?.values() ?? [])].find((c) => typeof c.v === "string");
        const spans = s.merges.some((m) => {
          const [tl, br] = m.split(":").map(parseA1);
          return br.row > tl.row && tl.row <= run.to && br.row >= run.from;
        });
        // Only a plain list closed by its 合计 (no group merged down across its rows) is turned over.
        // (A list whose header is right above it: not the tail of a list a blank row cuts in two.)
        if (run.to - run.from < 2 || spans || headerAbove(s, run) === undefined || typeof label?.v !== "string" || !/^\s*(合\s*计|总\s*计)\s*$/.test(label.v)) continue;
        const { from, to } = run;
        moveCells(s, (c, r) => [c, r === to ? from : r >= from && r < to ? r + 1 : r]);
        moves.undo(s.name, (c, r) => [c, r === from ? to : r > from && r <= to ? r - 1 : r]);
      }
    }
    return moves.back;
  },
  "the 执行数 column before the 预算数 column": (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      const rows = rowsOf(s);
      for (const run of dataRuns(s)) {
        const head = headerAbove(s, run);
        const cells = head === undefined ? undefined : rows.get(head);
        if (head === undefined || !cells) continue;
        const text = (col: number): string => String(cells.get(col)?.v ?? "").replace(/\s+/g, "");
        // A 预算数 column with an 执行数 column right of it, neither under nor in a merge over the table.
        const budget = [...cells.keys()].find((c) => /预算(数|金额)?$/.test(text(c)) && /执行|支出/.test(text(c + 1)));
        if (budget === undefined) continue;
        const [x, y] = [budget, budget + 1];
        // The table's rows: down from its header while a row has a figure in the two columns, or none
        // there (a 按收入性质分： heading, a blank row) with figures in them one or two rows down.
        const figure = (r: number): boolean =>
          [x, y].some((c) => {
            const v = rows.get(r)?.get(c);
            return v !== undefined && (isNumber(v) || isDash(v) || v.v === "无");
          });
        const empty = (r: number): boolean => [x, y].every((c) => rows.get(r)?.get(c) === undefined);
        let end = run.from;
        while (figure(end + 1) || (empty(end + 1) && (figure(end + 2) || (empty(end + 2) && figure(end + 3))))) end++;
        const touched = s.merges.some((m) => {
          const [tl, br] = m.split(":").map(parseA1);
          return br.row >= head && tl.row <= end && br.col >= x && tl.col <= y;
        });
        if (touched) continue;
        const swap = (c: number, r: number): [number, number] => [r >= head && r <= end && (c === x || c === y) ? x + y - c : c, r];
        moveCells(s, swap);
        moves.undo(s.name, swap);
      }
    }
    return moves.back;
  },
  "the unit in the title (…自评表（金额单位：万元）), no line of its own": (b) => {
    for (const s of b.sheets) {
      const lines = [...s.cells].filter(([, c]) => typeof c.v === "string" && /^(?:金额)?单位[：:]\s*(万元|元)$/.test(c.v.trim()));
      const title = s.cells.get("A1");
      if (lines.length !== 1 || typeof title?.v !== "string") continue;
      title.v = `${title.v}（${String(lines[0][1].v).trim()}）`;
      s.cells.delete(lines[0][0]);
    }
  },
  "row labels indented with full-width spaces (　　其中：人员经费)": (b) => {
    for (const s of b.sheets) {
      const rows = rowsOf(s);
      for (const run of dataRuns(s)) {
        for (let r = run.from; r <= run.to; r++) {
          // Each data row's label: its first text cell.
          const label = [...(rows.get(r) ?? new Map<number, CellSpec>())].sort(([x], [y]) => x - y).find(([, c]) => typeof c.v === "string" && !isDash(c) && !isNumber(c))?.[1];
          if (label && typeof label.v === "string" && label.v.length <= 30) label.v = `\u3000\u3000${label.v}`;
        }
      }
    }
  },
  "the indicators' header repeated before the 效益指标 (a page break pasted in)": (b) => {
    const moves = new Moves();
    for (const s of b.sheets) {
      const head = [...s.cells].find(([, c]) => typeof c.v === "string" && c.v.trim() === "一级指标");
      const group = [...s.cells].find(([, c]) => typeof c.v === "string" && c.v.trim() === "效益指标");
      if (!head || !group) continue;
      const h = parseA1(head[0]).row;
      const at = parseA1(group[0]).row;
      // The header must be a row of its own right above the table (a 一级指标 in a score summary is another's).
      if (at <= h || at - h > 12) continue;
      const copy = [...s.cells].filter(([a]) => parseA1(a).row === h).map(([a, c]) => [parseA1(a).col, { ...c }] as const);
      const merges = s.merges.filter((m) => m.split(":").every((x) => parseA1(x).row === h));
      moves.insertRow(s, at);
      for (const [col, c] of copy) s.cells.set(a1(col, at), c);
      for (const m of merges) s.merges.push(m.replace(/\d+/g, String(at)));
    }
    return moves.back;
  },
  "the prose in one merged cell": (b) => {
    // The joined cell goes back to the paragraphs it was made of.
    const joined = new Map<string, { at: string; from: string[] }>();
    for (const s of b.sheets) {
      if (!isProseSheet(s)) continue;
      const rows = [...s.cells.keys()].map((a) => parseA1(a).row).sort((x, y) => x - y);
      const [title, ...body] = rows;
      if (body.length < 2) continue;
      const at = `A${title + 1}`;
      const text = body.map((r) => String(s.cells.get(`A${r}`)!.v)).join("\n");
      joined.set(s.name, { at, from: body.map((r) => `A${r}`) });
      s.cells = new Map([[`A${title}`, s.cells.get(`A${title}`)!], [at, { v: text, wrap: true }]]);
      s.merges = [`${at}:J${title + 30}`];
    }
    return (address, sheet) => (joined.get(sheet)?.at === address ? joined.get(sheet)!.from : address);
  },
  // A paragraph starts where the text numbers one (（二）, 三、, 2.) after a sentence ends, or on a new line.
  "long texts split one numbered paragraph per row": splitTexts(/\n|(?<=[。；;])(?=\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．](?!\d)))/),
  "long texts split one sentence per row": splitTexts(/(?<=。)/),
};
