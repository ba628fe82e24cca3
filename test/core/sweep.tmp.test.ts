import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, snapshotOf, type BookSpec } from "../forms-corpus/book";
import { buildCorpus } from "../forms-corpus/corpus";
test("sweep", () => {
  const out: string[] = [];
  for (const c of buildCorpus().filter((x) => !process.env.ONLY || process.env.ONLY.split(",").includes(x.file))) {
    let silent = 0, wrong = 0, total = 0;
    const miss: string[] = [];
    for (const sh of c.book.sheets) for (const [a1, cell] of sh.cells) {
      if (typeof cell.v !== "number" || cell.v === 0 || (cell.fmt ?? "").includes("%")) continue;
      if (Number.isInteger(cell.v) && cell.v > 1900 && cell.v < 2100) continue;
      total++;
      const b: BookSpec = copyBook(c.book);
      b.sheets.find((s) => s.name === sh.name)!.cells.get(a1)!.v = (cell.v as number) * 10000;
      const f = checkWorkbook(snapshotOf(b)).findings;
      const here = f.filter((x) => x.sheet === sh.name && x.ref === a1 && x.severity !== "info");
      const elsewhere = f.filter((x) => x.severity === "error" && !(x.sheet === sh.name && x.ref === a1) && x.ruleId !== "prose-amount-matches-table" && !x.ruleId.startsWith("prose"));
      if (here.length === 0) { silent++; miss.push(`${sh.name}!${a1}=${cell.v}${elsewhere.length ? " (elsewhere " + elsewhere.map((x) => x.ruleId + "@" + x.ref).slice(0, 2).join(",") + ")" : ""}`); }
      else if (elsewhere.length) { wrong++; miss.push(`EXTRA ${sh.name}!${a1}: ${elsewhere.map((x) => x.ruleId + "@" + x.sheet + "!" + x.ref).slice(0, 3).join(",")}`); }
    }
    out.push(`${c.file}: ${total} cells, silent ${silent}, extra-errors ${wrong}\n   ${miss.slice(0, 12).join("\n   ")}`);
  }
  console.log(out.join("\n"));
});
