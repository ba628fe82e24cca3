/**
 * PLACEHOLDER registered by the cli helper so that `jixiao fill` exists; the owner of this file replaces it.
 */
import type { Command } from "commander";
import { EXIT_UNREADABLE, type CliIo } from "../io";

/** Register `jixiao fill <file> -o OUT`. */
export function register(program: Command, io: CliIo): void {
  program
    .command("fill <file>")
    .description("把计算得到的执行率、得分、合计和等次写入工作簿的副本")
    .requiredOption("-o, --output <out>", "输出文件（不会改写输入文件）")
    .action(() => {
      io.stderr("jixiao: 该命令尚未实现（not implemented yet）。\n");
      io.setExitCode(EXIT_UNREADABLE);
    });
}
