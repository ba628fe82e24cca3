import { computeFills } from "../../../src/core/fill";
import { snapshotOf } from "../../forms-corpus/book";
import { buildCorpus } from "../../forms-corpus/corpus";
test("dbg", () => {
  for (const c of buildCorpus().filter((x) => ["dept-city", "project-inline"].includes(x.file))) {
    const plan = computeFills(snapshotOf(c.book));
    for (const w of plan.conflicts) console.log(c.file, `${w.at.sheet}!${w.at.address}`, w.field, JSON.stringify(w.oldValue), "->", JSON.stringify(w.newValue), w.reason);
  }
});
