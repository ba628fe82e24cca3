/**
 * Plumbing shared by every `jixiao` command: where output goes, how a command reports its exit code,
 * and how a command fails with one clear Chinese sentence instead of a stack trace.
 *
 * A command module exports `register(program, io)` and adds its sub-command to the commander program.
 * Its action writes through `io` (never `console`/`process.stdout` directly, so tests can capture it)
 * and either calls `io.setExitCode(n)` or throws a {@link CliError}; `main()` turns a CliError into its
 * message on stderr and its exit code.
 */
import * as fs from "fs";
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

/**
 * Write all of `text` to a descriptor that is a pipe or a file, synchronously. EAGAIN (a pipe another
 * process made non-blocking is full) waits a millisecond and tries again; other errors (EPIPE: the reader
 * went away) are thrown.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EAGAIN") throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/**
 * Whether `fd` is a pipe, a file or a socket (not a character device such as a terminal or /dev/null),
 * so that it can be written with fs.writeSync.
 */
function plainDescriptor(fd: number): boolean {
  try {
    return !fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * An io writing to the real process streams.
 *
 * Output to a pipe or a file (`jixiao check … | findstr`, `> 结果.txt`, a script capturing it) is written
 * with fs.writeSync on the descriptor: creating `process.stdout` for a pipe builds a net.Socket (the net
 * module, pipe_wrap, stream_base_commons; ≈ 12 ms of a 0.35 s `jixiao check` when it also loaded the
 * stream modules, a few ms now that node:v8 loads those anyway), all for one write. A terminal (or /dev/null) still gets
 * `process.stdout`/`process.stderr`, created on first use: on a Windows console the stream converts the
 * Chinese text for the console, which raw bytes would garble. Both write synchronously on Linux and
 * macOS, so lines keep their order.
 */
export function processIo(): CliIo & { readonly exitCode: () => number } {
  let code = 0;
  // `jixiao check 文件夹 | head`: when the reader goes away, stop quietly instead of dying with an EPIPE stack trace.
  const onError = (err: NodeJS.ErrnoException): void => {
    if (err.code === "EPIPE") process.exit(code);
    throw err;
  };
  const writer = (fd: 1 | 2): ((text: string) => void) => {
    let direct: boolean | undefined;
    return (text) => {
      direct ??= plainDescriptor(fd);
      if (direct) {
        try {
          writeAll(fd, text);
        } catch (err) {
          onError(err as NodeJS.ErrnoException);
        }
        return;
      }
      const stream = fd === 1 ? process.stdout : process.stderr;
      if (stream.listenerCount("error") === 0) stream.on("error", onError);
      stream.write(text);
    };
  };
  /** isTTY without creating the stream for a pipe or a file (which is never a terminal). */
  const isTTY = (fd: 1 | 2): boolean => !plainDescriptor(fd) && (fd === 1 ? process.stdout : process.stderr).isTTY === true;
  return {
    stdout: writer(1),
    stderr: writer(2),
    setExitCode: (c) => {
      code = Math.max(code, c);
    },
    exitCode: () => code,
    get stderrIsTTY() {
      return isTTY(2);
    },
    get stdoutIsTTY() {
      return isTTY(1);
    },
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
