/**
 * Issue 9 “Done when”: `jixiao check` on each new example (examples/, built by scripts/make-examples.js from
 * test/forms-corpus/examples.ts) reports the seed's real mistakes, at their cells, and nothing else.
 *
 * - The committed file is what the generator writes (same sheets, merges and cell values), so the examples
 *   stay reproducible by `npm run examples`.
 * - Every REQUIRED real mistake gets a finding (error or warning) at its cell; an optional one may.
 * - No error and no warning anywhere else.
 */
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { showRef } from "./book";
import { buildExamples } from "./examples";
import { unquote } from "./run";

const EXAMPLES = buildExamples();
const dir = path.join(__dirname, "..", "..", "examples");

interface Seen {
  severity: string;
  rule: string;
  cell: string;
  message: string;
}

const checked = new Map<string, Promise<{ code: number; findings: Seen[] }>>();

/** `jixiao check examples/<file> --format json`, once per file. */
function checkExample(file: string): Promise<{ code: number; findings: Seen[] }> {
  let p = checked.get(file);
  if (!p) {
    p = runCheck(file);
    checked.set(file, p);
  }
  return p;
}

async function runCheck(file: string): Promise<{ code: number; findings: Seen[] }> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", "check", path.join(dir, file), "--format", "json"], io);
  const json = JSON.parse(io.out) as { findings: Seen[] };
  return { code, findings: json.findings.map((f) => ({ ...f, cell: unquote(f.cell) })) };
}

describe.each(EXAMPLES.map((e) => [e.file, e] as const))("examples/%s", (_f, e) => {
  test(`${e.file} (seed ${e.seed}, ${e.form}) is what scripts/make-examples.js writes`, async () => {
    const snap = await readXlsxFile(path.join(dir, e.file));
    expect(snap.names).toEqual([]);
    expect(snap.sheets.map((s) => s.name)).toEqual(e.book.sheets.map((s) => s.name));
    for (const s of e.book.sheets) {
      const read = snap.sheets.find((x) => x.name === s.name)!;
      const want: Record<string, unknown> = {};
      for (const [a1, c] of s.cells) if (c.v !== null) want[a1] = c.v;
      const got: Record<string, unknown> = {};
      for (const [a1, c] of Object.entries(read.cells)) got[a1] = c.value;
      expect({ sheet: s.name, cells: got }).toEqual({ sheet: s.name, cells: want });
      expect([...read.merges].sort()).toEqual([...s.merges].sort());
    }
  });

  const required = e.mistakes.filter((m) => m.required);
  if (required.length > 0) {
    test.each(required.map((m) => [`${e.file} › real mistake found: ${m.what} → ${showRef(m.at)}`, m] as const))("%s", async (_n, m) => {
      const { findings } = await checkExample(e.file);
      const here = findings.filter((f) => f.cell === showRef(m.at) && (f.severity === "error" || f.severity === "warning"));
      expect({ at: showRef(m.at), found: here.length > 0, all: here.length > 0 ? "(ok)" : findings.map((f) => `${f.severity} ${f.rule} ${f.cell}: ${f.message}`) }).toEqual({
        at: showRef(m.at),
        found: true,
        all: "(ok)",
      });
    });
  }

  test(`${e.file} › nothing else: no error and no warning outside the seed's real mistakes`, async () => {
    const { code, findings } = await checkExample(e.file);
    expect(code).not.toBe(2);
    const allowed = new Set(e.mistakes.map((m) => showRef(m.at)));
    expect(findings.filter((f) => (f.severity === "error" || f.severity === "warning") && !allowed.has(f.cell)).map((f) => `${f.severity} ${f.rule} ${f.cell}: ${f.message}`)).toEqual([]);
  });
});
