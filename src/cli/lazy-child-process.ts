/**
 * What the CLI bundle gives commander for `require("node:child_process")` (scripts/build-cli.js). commander
 * loads child_process when it is loaded, for executable subcommands (`spawn`), which jixiao does not
 * have; loading it costs every start a few milliseconds, so here it is loaded on the first call only.
 */
import type { ChildProcess, SpawnOptions } from "child_process";

/** child_process.spawn, loaded when first called. */
export function spawn(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("child_process") as typeof import("child_process")).spawn(command, args, options);
}
