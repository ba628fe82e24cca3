/**
 * The `jixiao` command line: `check`, `fill`, `narrative`, `template`.
 * bin/jixiao.js calls {@link main} with `process.argv` and exits with the code it resolves to.
 *
 * Commands are loaded lazily: `jixiao check …` loads the check command only (the engine and the .xlsx
 * reader), never ExcelJS (a devDependency used by `template`), docx or the narrative and fill code, so
 * that it starts fast and runs after `npm ci --omit=dev`. `--version` loads no command at all; `--help`,
 * `help` and anything unrecognised load every command so that commander can list or suggest them.
 */
import { Command, CommanderError } from "commander";
import { CliError, EXIT_UNREADABLE, processIo, type CliIo, type RegisterCommand } from "./io";

export type { CliIo, RegisterCommand } from "./io";
export { CliError } from "./io";

/** Commander's help headings in Chinese. */
const HEADINGS: Readonly<Record<string, string>> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};
const helpInChinese = { styleTitle: (title: string): string => HEADINGS[title] ?? title };

/**
 * The commands, in the order `--help` lists them, each loaded only when asked for. `import()` (not
 * `require`) so that the CLI bundle (webpack.config.js, `cli`) puts each command in its own chunk, read
 * from disk only when that command runs.
 */
const COMMANDS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  // `check` is the main path: in the bundle it is part of the first file (eager), never a separate chunk.
  check: async () => (await import(/* webpackMode: "eager" */ "./commands/check")).register,
  fill: async () => (await import(/* webpackChunkName: "fill" */ "./commands/fill")).register,
  narrative: async () => (await import(/* webpackChunkName: "narrative" */ "./commands/narrative")).register,
  template: async () => (await import(/* webpackChunkName: "template" */ "./commands/template")).register,
  rules: async () => (await import(/* webpackChunkName: "rules" */ "./commands/rules")).register,
};

/** The command names `argv` needs registered: none for `--version`, the one named, else all. */
export function commandsFor(argv: readonly string[]): string[] {
  const first = argv[2];
  if (first === "-V" || first === "--version") return [];
  if (first !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, first)) return [first];
  return Object.keys(COMMANDS);
}

/**
 * Build the commander program with `commands` (default: every command) registered against `io`.
 * @param commands - the command names to load and register (see {@link commandsFor})
 */
export async function buildProgram(io: CliIo, commands: readonly string[] = Object.keys(COMMANDS)): Promise<Command> {
  const registers = await Promise.all(commands.map((name) => COMMANDS[name]()));
  const program = new Command();
  program
    .name("jixiao")
    .description("绩效自评助手：检查、计算并填写预算绩效自评表（.xlsx）")
    .version(readVersion(), "-V, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [command]", "显示某个命令的帮助")
    .showHelpAfterError("（运行 jixiao --help 查看用法）")
    .exitOverride()
    .configureHelp(helpInChinese)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const register of registers) register(program, io);
  for (const sub of program.commands) {
    sub
      .exitOverride()
      .configureHelp(helpInChinese)
      .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
    sub.helpOption("-h, --help", "显示帮助");
  }
  return program;
}

/**
 * Run the CLI.
 * @param argv - `process.argv` shape: `[node, script, command, ...args]`
 * @param io - where output goes (the process streams by default)
 * @returns the exit code: 0 no error, 1 errors found, 2 the input could not be read or the usage was wrong
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  const real = io ? undefined : processIo();
  const out: CliIo = io ?? real!;
  let code = 0;
  const tracked: CliIo = {
    stdout: (s) => out.stdout(s),
    stderr: (s) => out.stderr(s),
    setExitCode: (c) => {
      code = Math.max(code, c);
      out.setExitCode(c);
    },
    // Getters: asking a real io whether a stream is a terminal may create that stream (processIo).
    get stderrIsTTY() {
      return out.stderrIsTTY;
    },
    get stdoutIsTTY() {
      return out.stdoutIsTTY;
    },
  };
  const program = await buildProgram(tracked, argv.length <= 2 ? Object.keys(COMMANDS) : commandsFor(argv));
  if (argv.length <= 2) {
    tracked.stdout(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help / --version end through here with exit code 0; usage errors were already printed.
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return code;
      return Math.max(code, EXIT_UNREADABLE);
    }
    if (err instanceof CliError) {
      tracked.stderr(`jixiao: ${err.message}\n`);
      return Math.max(code, err.exitCode);
    }
    // Anything else is a bug in jixiao: say so in one sentence, without a stack trace.
    const message = err instanceof Error ? err.message : String(err);
    tracked.stderr(`jixiao: 内部错误，请把这条信息报告给维护者（internal error）：${message}\n`);
    return Math.max(code, EXIT_UNREADABLE);
  }
}

function readVersion(): string {
  try {
    // dist/cli/index.js and src/cli/index.ts both sit two levels below the package root.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require("../../package.json") as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
