/**
 * PLACEHOLDER registered by the cli helper so that `jixiao template` exists; the owner of this file replaces it.
 */
import type { Command } from "commander";
import { EXIT_UNREADABLE, type CliIo } from "../io";

/** Register `jixiao template -o OUT`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("template")
    .description("生成财政局模板工作簿")
    .requiredOption("-o, --output <out>", "输出文件（不会改写输入文件）")
    .action(() => {
      io.stderr("jixiao: 该命令尚未实现（not implemented yet）。\n");
      io.setExitCode(EXIT_UNREADABLE);
    });
}
