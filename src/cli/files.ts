/**
 * Turn the paths on the command line into workbook files: a folder contributes every .xlsx below it
 * (Office's `~$` lock files and hidden files skipped), a file is taken as given (its content decides
 * whether it is readable). An empty folder or a missing path is a CliError.
 *
 * A path with glob characters that names no file (`"examples/*.xlsx"`, which cmd.exe and PowerShell pass
 * on unexpanded) is expanded here with tinyglobby, to its .xlsx files in name order.
 */
// Synchronous calls: a check of a file or two would otherwise load fs.promises (and with it readline) at
// start, and a command line walks one path at a time anyway.
import * as fs from "fs";
import * as path from "path";
import { CliError } from "./io";

/** Whether a path is a glob pattern: `*`, `?`, `[…]` or `{a,b}`. */
export function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

/** The .xlsx files a pattern matches, sorted (backslashes are separators, as on Windows). */
async function expandGlob(pattern: string): Promise<string[]> {
  const { glob } = await import("tinyglobby");
  const posix = path.sep === "\\" ? pattern.replace(/\\/g, "/") : pattern;
  const found = await glob(posix, { onlyFiles: true, dot: false, expandDirectories: false, absolute: path.isAbsolute(pattern) });
  return found
    .filter((f) => /\.xlsx$/i.test(f) && !path.basename(f).startsWith("~$"))
    .map((f) => path.normalize(f))
    .sort((a, b) => a.localeCompare(b));
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && /\.xlsx$/i.test(e.name)) out.push(full);
  }
}

/**
 * Expand paths to files, keeping the user's order.
 * @param options.allowMissing - keep missing paths (reported per file) instead of failing
 * @throws CliError for a missing path (unless allowed) or a folder with no .xlsx
 */
export async function expandInputs(paths: readonly string[], options: { allowMissing?: boolean } = {}): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      if (isGlob(p)) {
        const matched = await expandGlob(p);
        if (matched.length === 0) throw new CliError(`没有与“${p}”匹配的 .xlsx 工作簿（no .xlsx file matches the pattern）`);
        files.push(...matched);
        continue;
      }
      if (options.allowMissing) {
        files.push(p);
        continue;
      }
      throw new CliError(`找不到文件或文件夹“${p}”（no such file or directory）`);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      await walk(p, found);
      if (found.length === 0) throw new CliError(`文件夹“${p}”中没有 .xlsx 工作簿（no .xlsx files in folder）`);
      files.push(...found);
    } else {
      files.push(p);
    }
  }
  return files;
}
