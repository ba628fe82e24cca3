/**
 * How the CLI reads a workbook: the `--max-cells` option (else `JIXIAO_MAX_CELLS`, else the default) and
 * the one sentence a file that cannot be read gets.
 */
import { limitsFromEnv, type ReadLimits } from "../hosts/xlsx/package";
import { XlsxReadError } from "../hosts/xlsx/sniff";
import { CliError, EXIT_UNREADABLE } from "./io";

/**
 * The read limits for this run.
 * @param option - the `--max-cells` value as typed, if given
 * @throws CliError (exit 2) for a value that is not a positive whole number
 */
export function readLimitOption(option: string | undefined): ReadLimits {
  const base = limitsFromEnv();
  if (option === undefined) return base;
  const n = Number(option.replace(/[\s_,]/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new CliError(`--max-cells 须为正整数，收到“${option}”（invalid --max-cells）`, EXIT_UNREADABLE);
  return { ...base, maxCells: n };
}

/** The CliError for a workbook that could not be opened (exit 2, one sentence). */
export function xlsxOpenError(file: string, err: unknown): CliError {
  if (err instanceof XlsxReadError) return new CliError(`无法读取“${file}”：${err.message}`, EXIT_UNREADABLE);
  return new CliError(`无法读取“${file}”：${err instanceof Error ? err.message : String(err)}`, EXIT_UNREADABLE);
}
