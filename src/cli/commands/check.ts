/**
 * `jixiao check FILE... [--format json|text]` (being written).
 */
import type { Command } from "commander";
import { EXIT_UNREADABLE, type CliIo } from "../io";

/** Register `jixiao check`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("check <files...>")
    .description("检查绩效自评工作簿，列出每一处不一致")
    .action(() => {
      io.stderr("jixiao: 该命令尚未实现（not implemented yet）。\n");
      io.setExitCode(EXIT_UNREADABLE);
    });
}
