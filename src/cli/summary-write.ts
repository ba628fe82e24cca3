/**
 * Where `jixiao check` writes a file (`--report`, `--summary`): through the one output policy of every
 * command (src/cli/output.ts) — never over an input by any path, never over an existing file without
 * --force, every target folder checked first, written to a temporary file and renamed.
 */
import { planOutputs, writeFileAtomic } from "./output";

/** UTF-8 byte order mark: Excel, WPS and Notepad then open the text as UTF-8 instead of GBK. */
export const BOM = "\uFEFF";

/** What a check output is checked against. */
export interface CheckOutputOptions {
  /** The files being checked: the target may not be any of them, by any path. */
  readonly inputs: readonly string[];
  /** Replace an existing target. */
  readonly force?: boolean;
  /** The option that named the target, for messages (`--report`, `--summary`). */
  readonly option?: string;
}

/**
 * Write `data` to `target` under the output policy.
 * @throws CliError (exit 2) when the target is an input, exists without --force, or cannot be written
 */
export async function writeOutputFile(target: string, data: string | Uint8Array, options: CheckOutputOptions): Promise<void> {
  const [planned] = await planOutputs(options.inputs, [{ path: target, option: options.option ?? "--report" }], { force: options.force === true });
  await writeFileAtomic(planned.path, data, { replace: planned.force });
}
