/**
 * Run the real path on a corpus book: write it as .xlsx into a temp dir, then `jixiao check <file>
 * --format json` (the CLI's own entry point, in process), and read back what a user would see.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";
import { type BookSpec, writeBook } from "./book";

export interface SeenFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  /** `Sheet!A1`, the sheet unquoted. */
  cell: string;
  message: string;
}

export interface Seen {
  exitCode: number;
  findings: SeenFinding[];
  /** The detected form, when the CLI reports one (`summary.form`). */
  form: unknown;
  stderr: string;
}

let dir: string | undefined;
let counter = 0;

export async function tempDir(): Promise<string> {
  if (!dir) dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-forms-corpus-"));
  return dir;
}

export async function removeTempDir(): Promise<void> {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
  dir = undefined;
}

/** `'项目 自评'!D8` → `项目 自评!D8`. */
export function unquote(cell: string): string {
  const i = cell.lastIndexOf("!");
  let sheet = cell.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return `${sheet}!${cell.slice(i + 1).replace(/\$/g, "")}`;
}

export async function writeTemp(book: BookSpec, stem: string): Promise<string> {
  const file = path.join(await tempDir(), `${stem}-${++counter}.xlsx`);
  await writeBook(book, file, { store: true });
  return file;
}

/** Check a book as the CLI does. */
export async function checkBook(book: BookSpec, stem: string): Promise<Seen> {
  const file = await writeTemp(book, stem);
  const io = memoryIo();
  let code: number;
  try {
    code = await main(["node", "jixiao", "check", file, "--format", "json"], io);
  } catch (err) {
    return { exitCode: 2, findings: [], form: undefined, stderr: err instanceof Error ? err.message : String(err) };
  }
  if (!io.out.trim()) return { exitCode: code, findings: [], form: undefined, stderr: io.err };
  const json = JSON.parse(io.out) as { findings: { rule: string; severity: SeenFinding["severity"]; cell: string; message: string }[]; summary?: { form?: unknown } };
  return {
    exitCode: code,
    findings: json.findings.map((f) => ({ rule: f.rule, severity: f.severity, cell: unquote(f.cell), message: f.message })),
    form: json.summary?.form,
    stderr: io.err,
  };
}

export const show = (fs: readonly SeenFinding[]): string[] => fs.map((f) => `${f.severity} ${f.rule} ${f.cell}: ${f.message}`);
