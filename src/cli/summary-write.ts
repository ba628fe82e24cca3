/**
 * The one place where `jixiao check` writes a file (`--report`, `--summary`). Kept in one function so that
 * the shared output policy (src/cli/output.ts, on its way) can take over here: never write over an input
 * by any path, refuse an existing target unless --force, write to a temporary file and rename it.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { CliError } from "./io";

/** UTF-8 byte order mark: Excel, WPS and Notepad then open the text as UTF-8 instead of GBK. */
export const BOM = "\uFEFF";

async function realOrResolved(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    // A file that does not exist yet: resolve its folder (which may be a link) and add the name.
    try {
      return path.join(await fs.realpath(path.dirname(path.resolve(p))), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}

/**
 * Write `data` to `target`.
 * @param options.inputs - the files being checked: the target may not be any of them, by any path
 * @param options.force - replace an existing target
 * @throws CliError when the target is an input, exists without --force, or cannot be written
 */
export async function writeOutputFile(target: string, data: string | Uint8Array, options: { inputs: readonly string[]; force?: boolean }): Promise<void> {
  await assertWritable(target, options);
  const temp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw new CliError(`无法写入“${target}”：${err instanceof Error ? err.message : String(err)}（cannot write output）`);
  }
}

/**
 * Whether `target` may be written: not an input by any path, and not an existing file unless forced.
 * @throws CliError saying why not
 */
export async function assertWritable(target: string, options: { inputs: readonly string[]; force?: boolean }): Promise<void> {
  const real = await realOrResolved(target);
  const targetStat = await fs.stat(target).catch(() => undefined);
  for (const input of options.inputs) {
    const inputStat = targetStat ? await fs.stat(input).catch(() => undefined) : undefined;
    // The same file by another path: a link, a hard link, a different spelling.
    const sameInode = targetStat !== undefined && inputStat !== undefined && targetStat.ino === inputStat.ino && targetStat.dev === inputStat.dev;
    if (sameInode || (await realOrResolved(input)) === real) throw new CliError(`不能把结果写到被检查的文件“${target}”上（output would overwrite an input）`);
  }
  let exists = false;
  try {
    await fs.stat(target);
    exists = true;
  } catch {
    /* a new file */
  }
  if (exists && !options.force) throw new CliError(`文件“${target}”已存在；如要覆盖，请加 --force（output exists）`);
}
