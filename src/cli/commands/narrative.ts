/**
 * PLACEHOLDER registered by the cli helper so that `jixiao narrative` exists; the owner of this file replaces it.
 */
import type { Command } from "commander";
import { EXIT_UNREADABLE, type CliIo } from "../io";

/** Register `jixiao narrative <file> -o OUT`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("narrative <file>")
    .description("在工作簿副本中添加或替换绩效自评报告文字页")
    .requiredOption("-o, --output <out>", "输出文件（不会改写输入文件）")
    .action(() => {
      io.stderr("jixiao: 该命令尚未实现（not implemented yet）。\n");
      io.setExitCode(EXIT_UNREADABLE);
    });
}
