import { buildCorpus } from "../forms-corpus/corpus";
test("show", () => {
  for (const c of buildCorpus().filter((x) => ["final-accounts"].includes(x.file))) {
    for (const sh of c.book.sheets) {
      const rows = new Map<number, string[]>();
      for (const [a1, cell] of sh.cells) { const r = Number(a1.replace(/^[A-Z]+/, "")); if (!rows.has(r)) rows.set(r, []); rows.get(r)!.push(`${a1}=${JSON.stringify(cell.v)}`); }
      console.log(c.file, sh.name, [...rows.keys()].sort((a,b)=>a-b).map((r) => (rows.get(r) ?? []).join(" | ")).join("\n"));
    }
  }
});
