import { formatRef, parseA1, parseRef, toA1 } from "../../src/core/model/address";

describe("address", () => {
  test("round-trips A1 addresses", () => {
    for (const a of ["A1", "Z9", "AA10", "XFD1048576"]) expect(toA1(parseA1(a))).toBe(a);
  });
  test("parses sheet-qualified, quoted, whole-column and whole-row references", () => {
    expect(parseRef("'My ''s sheet'!$B$2:$C$4")).toEqual({ sheet: "My 's sheet", area: { start: { row: 2, col: 2 }, end: { row: 4, col: 3 } }, unbounded: false });
    expect(parseRef("收支情况!$A:$A")?.unbounded).toBe(true);
    expect(parseRef("Sheet1!$3:$5")?.area.start).toEqual({ row: 3, col: 1 });
    expect(parseRef("0.2")).toBeUndefined();
    expect(parseRef("#REF!")).toBeUndefined();
  });
  test("formats refs as findings show them, quoting only when needed", () => {
    expect(formatRef({ sheet: "收支情况", address: "C11" })).toBe("收支情况!C11");
    expect(formatRef({ sheet: "Sheet 1", address: "A1" })).toBe("'Sheet 1'!A1");
  });
});
