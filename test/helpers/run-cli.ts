/**
 * Run the `jixiao` command line in process, as the user types it, and read back what it printed.
 */
import { main } from "../../src/cli";
import { memoryIo } from "../../src/cli/io";

/** The exit code and the text written to stdout and stderr. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * @param args - the arguments after `jixiao` (`"check", "a.xlsx", "--format", "json"`)
 * @returns what the command printed and its exit code
 */
export async function runCli(...args: string[]): Promise<CliRun> {
  const io = memoryIo();
  const code = await main(["node", "jixiao", ...args], io);
  return { code, out: io.out, err: io.err };
}
