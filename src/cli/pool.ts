/**
 * Check many files on every core: a pool of worker_threads (size os.cpus().length, at most one per file),
 * each taking the next file when it is done. Results are delivered in input order as soon as all earlier
 * files are done, so a 财政局 checking hundreds of workbooks sees lines appear steadily.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { checkFile, type CheckFileOptions, type FileOutcome } from "./check-file";
import type { WorkerAnswer, WorkerJob } from "./worker";

/** The compiled worker script, when running from dist/ (under ts-jest the sources run in-process instead). */
function workerScript(): string | undefined {
  const script = path.join(__dirname, "worker.js");
  return __filename.endsWith(".js") && fs.existsSync(script) ? script : undefined;
}

/** How many workers: JIXIAO_WORKERS when set (bench, tests), else one per core. */
export function poolSize(files: number): number {
  const env = Number(process.env.JIXIAO_WORKERS);
  const wanted = Number.isInteger(env) && env > 0 ? env : os.cpus().length || 1;
  return Math.max(1, Math.min(wanted, files));
}

/**
 * Check every file, calling `onOutcome` in input order.
 * @returns the outcomes in input order
 */
export async function checkFiles(files: readonly string[], options: CheckFileOptions, onOutcome: (o: FileOutcome, index: number) => void): Promise<FileOutcome[]> {
  const results: (FileOutcome | undefined)[] = new Array(files.length);
  let flushed = 0;
  const deliver = (index: number, outcome: FileOutcome): void => {
    results[index] = outcome;
    while (flushed < files.length && results[flushed] !== undefined) {
      onOutcome(results[flushed]!, flushed);
      flushed++;
    }
  };
  const script = workerScript();
  const size = poolSize(files.length);
  if (!script || size <= 1) {
    for (let i = 0; i < files.length; i++) deliver(i, await checkFile(files[i], options));
    return results as FileOutcome[];
  }
  let next = 0;
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = (): void => {
      const worker = new Worker(script);
      running++;
      let current: number | undefined;
      const feed = (): void => {
        if (next >= files.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current], options } satisfies WorkerJob);
      };
      worker.on("message", (answer: WorkerAnswer) => {
        deliver(answer.index, answer.outcome);
        feed();
      });
      worker.on("error", (err) => {
        if (current !== undefined) {
          deliver(current, { file: files[current], ok: false, problem: "internal", message: `内部错误（internal error）：${err.message}` });
          current = undefined;
        }
      });
      worker.on("exit", () => {
        running--;
        // A worker that died mid-file leaves work behind: start a fresh one for the rest.
        if (next < files.length) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < size; i++) start();
  });
  return results as FileOutcome[];
}
