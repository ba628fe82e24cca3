/**
 * The output policy of every `jixiao` command, for every file it writes (`-o`, `--docx`, templates, and
 * the reports other commands add). Nothing is written until every target has been checked:
 *
 * - a target is never an input, by any path: the same resolved path, the same file reached through a
 *   symlinked folder, a symlink to the input, or a hard link (same device and inode);
 * - two targets of one run are never the same file (`--docx` equal to `-o`);
 * - an existing target is refused unless `--force`; a target that exists but is not a regular file (a
 *   folder, a pipe, a device) is always refused;
 * - every target's folder exists, is a folder and is writable.
 *
 * {@link writeFileAtomic} then writes each file to a temporary file in the target's folder and renames it,
 * so that a failure never leaves half a file; without `--force` the final step refuses to replace a file
 * that appeared in the meantime.
 *
 * Every refusal is a {@link CliError} (exit 2) with one Chinese sentence.
 */
import { constants as fsConstants, promises as fs, type Stats } from "fs";
import * as path from "path";
import { CliError, EXIT_UNREADABLE } from "./io";

/**
 * Six random bytes in hex for a temporary name. crypto is required only when a file is written: loading it
 * costs every `jixiao check` that prints to the screen some milliseconds of start-up.
 */
function randomHex(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("crypto") as typeof import("crypto")).randomBytes(6).toString("hex");
}

/** One file a command is about to write. */
export interface OutputTarget {
  /** The path as the user typed it. */
  readonly path: string;
  /** The option that named it, for messages: `-o`, `--docx`, `--summary`. */
  readonly option: string;
}

/** A target that passed every check. */
export interface PlannedOutput {
  /** The path as the user typed it (for messages). */
  readonly display: string;
  /** The absolute path to write. */
  readonly path: string;
  readonly option: string;
  /** Whether a file is there now (and will be replaced: only with --force). */
  readonly replaces: boolean;
  /** Whether --force was given: a file that appears before the write is replaced too. */
  readonly force: boolean;
}

/** Options of {@link planOutputs}. */
export interface PlanOptions {
  /** Replace existing targets (`--force`). */
  readonly force?: boolean;
}

async function statOrUndefined(p: string, follow = true): Promise<Stats | undefined> {
  try {
    return follow ? await fs.stat(p) : await fs.lstat(p);
  } catch {
    return undefined;
  }
}

/** The path with every symlink resolved, including a link to a file that does not exist yet. */
async function canonical(p: string, depth = 0): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    const link = await statOrUndefined(abs, false);
    if (link?.isSymbolicLink() && depth < 16) {
      try {
        return await canonical(path.resolve(path.dirname(abs), await fs.readlink(abs)), depth + 1);
      } catch {
        // unreadable link: fall through
      }
    }
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Identity of a file: its canonical path and, when it exists, its device and inode. */
interface Identity {
  readonly canonical: string;
  readonly stat?: Stats;
}

async function identify(p: string): Promise<Identity> {
  return { canonical: await canonical(p), stat: await statOrUndefined(p) };
}

/** Whether two identities name the same file (same canonical path, or same device and inode). */
function same(a: Identity, b: Identity): boolean {
  if (a.canonical === b.canonical) return true;
  return a.stat !== undefined && b.stat !== undefined && a.stat.dev === b.stat.dev && a.stat.ino === b.stat.ino;
}

/**
 * Check every target before anything is written.
 * @param inputs - the files the command reads (never written, whatever path names them)
 * @param targets - the files it will write, in the order it writes them
 * @param options - `force` replaces existing regular files
 * @returns the targets with absolute paths, in the same order
 * @throws CliError (exit 2) with one Chinese sentence for the first target that may not be written
 */
export async function planOutputs(inputs: readonly string[], targets: readonly OutputTarget[], options: PlanOptions = {}): Promise<PlannedOutput[]> {
  const inputIds = await Promise.all(inputs.map(async (p) => ({ path: p, id: await identify(p) })));
  const planned: (PlannedOutput & { id: Identity })[] = [];
  for (const t of targets) {
    const abs = path.resolve(t.path);
    const id = await identify(abs);
    for (const input of inputIds) {
      if (same(id, input.id)) {
        throw new CliError(
          `输出文件“${t.path}”就是输入文件${path.resolve(t.path) === path.resolve(input.path) ? "" : `“${input.path}”（同一文件的另一路径或链接）`}：jixiao 从不改写原文件，请用 ${t.option} 指定另一个文件（refusing to overwrite the input file）`,
          EXIT_UNREADABLE,
        );
      }
    }
    for (const earlier of planned) {
      if (same(id, earlier.id)) {
        throw new CliError(`${t.option} 与 ${earlier.option} 指向同一个文件“${t.path}”，请为它们指定不同的文件（two outputs name the same file）`, EXIT_UNREADABLE);
      }
    }
    const link = await statOrUndefined(abs, false);
    if (link !== undefined) {
      if (id.stat === undefined) {
        throw new CliError(`输出文件“${t.path}”是一个指向不存在文件的链接，请指定另一个文件（dangling symlink）`, EXIT_UNREADABLE);
      }
      if (id.stat.isDirectory()) throw new CliError(`输出文件“${t.path}”是一个文件夹，请指定文件名（output is a directory）`, EXIT_UNREADABLE);
      if (!id.stat.isFile()) throw new CliError(`输出文件“${t.path}”不是普通文件（管道或设备），无法写入（output is not a regular file）`, EXIT_UNREADABLE);
      if (!options.force) {
        throw new CliError(`输出文件“${t.path}”已存在：如确要覆盖请加 --force，否则请换一个文件名（output exists）`, EXIT_UNREADABLE);
      }
    }
    const dir = path.dirname(abs);
    const dirStat = await statOrUndefined(dir);
    if (dirStat === undefined) throw new CliError(`输出文件夹“${path.dirname(t.path)}”不存在，请先创建它（no such directory）`, EXIT_UNREADABLE);
    if (!dirStat.isDirectory()) throw new CliError(`“${path.dirname(t.path)}”不是文件夹，无法在其中写入“${t.path}”（not a directory）`, EXIT_UNREADABLE);
    try {
      await fs.access(dir, fsConstants.W_OK | fsConstants.X_OK);
    } catch {
      throw new CliError(`没有写入文件夹“${path.dirname(t.path)}”的权限（permission denied）`, EXIT_UNREADABLE);
    }
    planned.push({ display: t.path, path: abs, option: t.option, replaces: link !== undefined, force: options.force === true, id });
  }
  return planned.map(({ id: _id, ...rest }) => rest);
}

/** Options of {@link writeFileAtomic}. */
export interface WriteOptions {
  /** Replace a file that is there (only after planOutputs allowed it with --force). */
  readonly replace?: boolean;
}

/**
 * Write `bytes` to `target` all at once: a temporary file in the same folder, then a rename (or, when
 * replacing is not allowed, a hard link that fails if the target appeared meanwhile). A failure leaves the
 * target as it was and removes the temporary file.
 * @throws CliError (exit 2) when the file cannot be written
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${randomHex()}.jixiao-tmp`);
  try {
    const handle = await fs.open(tmp, "wx", 0o666);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace) {
      await fs.rename(tmp, abs);
    } else {
      try {
        await fs.link(tmp, abs);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // Some file systems (FAT, some network shares) have no hard links: check again, then rename.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw err;
        if ((await statOrUndefined(abs, false)) !== undefined) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        await fs.rename(tmp, abs);
      }
    }
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CliError(`输出文件“${target}”已存在：如确要覆盖请加 --force，否则请换一个文件名（output exists）`, EXIT_UNREADABLE);
    if (code === "ENOSPC") throw new CliError(`磁盘空间不足，无法写入“${target}”（no space left on device）`, EXIT_UNREADABLE);
    if (code === "EACCES" || code === "EPERM") throw new CliError(`没有写入“${target}”的权限（permission denied）`, EXIT_UNREADABLE);
    throw new CliError(`无法写入“${target}”（${code ?? (err instanceof Error ? err.message : String(err))}）`, EXIT_UNREADABLE);
  } finally {
    // A successful link leaves the temporary name behind.
    await fs.unlink(tmp).catch(() => undefined);
  }
}

/**
 * Write planned outputs in order (each atomically).
 * @param files - a planned output and its bytes
 */
export async function writeOutputs(files: readonly { readonly target: PlannedOutput; readonly bytes: Uint8Array | string }[]): Promise<void> {
  for (const f of files) await writeFileAtomic(f.target.path, f.bytes, { replace: f.target.force });
}
