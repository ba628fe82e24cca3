import fc from "fast-check";
import { colToIndex, MAX_COLS, MAX_ROWS, parseA1, parseRef, type ParsedRef, type Position } from "../../src/core/model/address";

/** parseA1 as first written (one regex), the reference for the char-code fast path. */
function referenceA1(address: string): Position | "throws" {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return m ? { row: Number(m[2]), col: colToIndex(m[1]) } : "throws";
}

/** parseRef as first written. */
function referenceRef(text: string): ParsedRef | undefined {
  let rest = text.trim().replace(/^=/, "");
  let sheet: string | undefined;
  const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    rest = rest.slice(quoted[0].length);
  } else {
    const bang = rest.lastIndexOf("!");
    if (bang > 0) {
      sheet = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
    }
  }
  const norm = (a: Position, b: Position) => ({ start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) }, end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) } });
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
  if (cell) {
    const a = { row: Number(cell[2]), col: colToIndex(cell[1]) };
    const b = cell[3] ? { row: Number(cell[4]), col: colToIndex(cell[3]) } : a;
    return { sheet, area: norm(a, b), unbounded: false };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(rest);
  if (cols) return { sheet, area: norm({ row: 1, col: colToIndex(cols[1]) }, { row: MAX_ROWS, col: colToIndex(cols[2]) }), unbounded: true };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(rest);
  if (rows) return { sheet, area: norm({ row: Number(rows[1]), col: 1 }, { row: Number(rows[2]), col: MAX_COLS }), unbounded: true };
  return undefined;
}

const piece = fc.constantFrom("$", "A", "b", "Z", "AA", "XFD", "ABCD", "0", "1", "09", "10", "1048576", "12345678901234567", ":", "!", "'", " ", "=", "表", "-");
const ref = fc.array(piece, { maxLength: 9 }).map((p) => p.join(""));

describe("A1 parsing by char codes equals the regexes", () => {
  test("parseA1", () => {
    fc.assert(
      fc.property(ref, (t) => {
        let got: Position | "throws";
        try {
          got = parseA1(t);
        } catch {
          got = "throws";
        }
        expect(got).toEqual(referenceA1(t));
      }),
      { numRuns: 5000 },
    );
  });

  test("parseRef", () => {
    fc.assert(fc.property(ref, (t) => expect(parseRef(t)).toEqual(referenceRef(t))), { numRuns: 5000 });
  });

  test.each(["C11", "$C$11", "c11", "A5:A9", "$B$2:$A$1", "'Sheet 1'!$A$1:$B$4", "收支情况!C11", " C11 ", "=A1", "$A:$A", "3:5", "XFD1048576", "ABCD1"])("%s", (t) => {
    expect(parseRef(t)).toEqual(referenceRef(t));
  });
});
