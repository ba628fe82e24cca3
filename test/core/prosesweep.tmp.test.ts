import { checkWorkbook } from "../../src/core/engine/run-rules";
import { copyBook, snapshotOf } from "../forms-corpus/book";
import { buildCorpus } from "../forms-corpus/corpus";
test("prose sweep", () => {
  const out: string[] = [];
  for (const c of buildCorpus()) {
    const base = new Set(checkWorkbook(snapshotOf(c.book)).findings.map((f) => `${f.ruleId}@${f.sheet}!${f.ref}`));
    let total = 0, silent = 0;
    const miss: string[] = [];
    for (const sh of c.book.sheets) for (const [a1, cell] of sh.cells) {
      if (typeof cell.v !== "string" || cell.v.length < 25) continue;
      const re = /(\d+(?:\.\d+)?)(\s*)(万元|元|%|分|亿元)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(cell.v))) {
        const n = Number(m[1]);
        if (n === 0 || (Number.isInteger(n) && n >= 1900 && n <= 2100)) continue;
        const dec = (m[1].split(".")[1] ?? "").length;
        const changed = (m[3] === "%" ? n + 7 : n * 1.1 + 1).toFixed(dec);
        const text = cell.v.slice(0, m.index) + changed + m[2] + m[3] + cell.v.slice(m.index + m[0].length);
        const b = copyBook(c.book);
        b.sheets.find((s) => s.name === sh.name)!.cells.get(a1)!.v = text;
        total++;
        const f = checkWorkbook(snapshotOf(b)).findings.filter((x) => !base.has(`${x.ruleId}@${x.sheet}!${x.ref}`) && x.severity !== "info");
        if (!f.some((x) => x.sheet === sh.name && x.ref === a1)) {
          silent++;
          miss.push(`${sh.name}!${a1}: …${cell.v.slice(Math.max(0, m.index - 18), m.index)}[${m[0]}→${changed}${m[3]}]${cell.v.slice(m.index + m[0].length, m.index + m[0].length + 8)}…`);
        }
      }
    }
    out.push(`${c.file}: ${total} prose numbers, silent ${silent}\n   ${miss.slice(0, 40).join("\n   ")}`);
  }
  console.log(out.join("\n"));
});
