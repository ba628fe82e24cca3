/**
 * Plumbing shared by every `jixiao` command: where output goes, how a command reports its exit code,
 * and how a command fails with one clear Chinese sentence instead of a stack trace.
 *
 * A command module exports `register(program, io)` and adds its sub-command to the commander program.
 * Its action writes through `io` (never `console`/`process.stdout` directly, so tests can capture it)
 * and either calls `io.setExitCode(n)` or throws a {@link CliError}; `main()` turns a CliError into its
 * message on stderr and its exit code.
 */
import type { Command } from "commander";

/** Where a command writes, and how it sets its exit code. */
export interface CliIo {
  /** Write to standard output (include the trailing newline yourself). */
  stdout(text: string): void;
  /** Write to standard error (include the trailing newline yourself). */
  stderr(text: string): void;
  /** Raise the process exit code; the highest code set during a run wins. */
  setExitCode(code: number): void;
  /** True when stderr is a terminal (progress bars go there); absent for captured output. */
  readonly stderrIsTTY?: boolean;
  /** True when stdout is a terminal. */
  readonly stdoutIsTTY?: boolean;
}

/** What every command module exports. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/** Exit codes of every command: 0 fine, 1 problems found (errors), 2 the input could not be used. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

/**
 * A failure the user can act on: `main()` prints `message` (one Chinese sentence, English in parentheses
 * where it helps) on stderr and exits with `exitCode`, never printing a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_UNREADABLE,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** An io writing to the real process streams. */
export function processIo(): CliIo & { readonly exitCode: () => number } {
  let code = 0;
  // `jixiao check 文件夹 | head`: when the reader goes away, stop quietly instead of dying with an EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount("error") === 0) {
      stream.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "EPIPE") process.exit(code);
        throw err;
      });
    }
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    setExitCode: (c) => {
      code = Math.max(code, c);
    },
    exitCode: () => code,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}

/** An io that collects output in memory (tests, workers). */
export function memoryIo(): CliIo & { out: string; err: string; readonly exitCode: () => number } {
  let code = 0;
  const io = {
    out: "",
    err: "",
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    setExitCode(c: number) {
      code = Math.max(code, c);
    },
    exitCode: () => code,
  };
  return io;
}
