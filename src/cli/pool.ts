/**
 * Check many files: in this thread, or on a pool of worker_threads each taking the next file when it is
 * done. Results are delivered in input order as soon as all earlier files are done, so a 财政局 checking
 * hundreds of workbooks sees lines appear steadily.
 *
 * The pool is used only where it pays ({@link workersFor}). A worker must load the engine and the .xlsx
 * reader before its first file (about as long as checking 3–5 small workbooks), and on 2 cores the
 * pool's threads compete with the main thread and the machine's other work: `npm run bench` measured
 * the pool at a third of one thread's rate on 2 cores (16 distinct workbooks). So: one thread on 2 cores
 * or fewer, and on more cores a pool only for at least {@link MIN_FILES_PER_WORKER} files per worker.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Worker as WorkerThread } from "worker_threads";
import { checkFile, type CheckFileOptions, type FileOutcome } from "./check-file";
import type { WorkerAnswer, WorkerJob } from "./worker";

/** The compiled worker script, when running from dist/ (under ts-jest the sources run in-process instead). */
function workerScript(): string | undefined {
  const script = path.join(__dirname, "worker.js");
  return __filename.endsWith(".js") && fs.existsSync(script) ? script : undefined;
}

/** Files each worker should get at least for its start-up to pay. */
export const MIN_FILES_PER_WORKER = 8;

/**
 * How many threads check `files` files: JIXIAO_WORKERS when set (bench, tests); else 1 on 2 cores or
 * fewer; else one per core but no more than one per {@link MIN_FILES_PER_WORKER} files (1 = this thread).
 * @param files - how many files
 * @param cores - the machine's cores (default: os.cpus(), asked only for two files or more)
 * @param env - JIXIAO_WORKERS (default: the environment's)
 */
export function workersFor(files: number, cores?: number, env: string | undefined = process.env.JIXIAO_WORKERS): number {
  // One file needs no pool, and no os.cpus() either (it reads /proc/cpuinfo: ≈ 1 ms of every single check).
  if (files <= 1) return 1;
  const forced = Number(env);
  if (env !== undefined && env !== "" && Number.isInteger(forced) && forced > 0) return Math.max(1, Math.min(forced, files));
  const n = cores ?? (os.cpus().length || 1);
  if (n <= 2) return 1;
  return Math.max(1, Math.min(n, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** @deprecated use {@link workersFor} (kept for scripts that called it). */
export function poolSize(files: number): number {
  return workersFor(files);
}

const immediate = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Let the event loop pass its timers phase once. One setImmediate called from the poll phase runs in the
 * same turn, before any timer; a second one, queued from the check phase, runs only after the next turn's
 * timers (the progress bar redraws on a timer).
 */
async function turnEventLoop(): Promise<void> {
  await immediate();
  await immediate();
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
  const size = workersFor(files.length);
  if (!script || size <= 1) {
    for (let i = 0; i < files.length; i++) {
      deliver(i, await checkFile(files[i], options));
      // A check is synchronous work from end to end (the light reader reads with fflate and saxes, not
      // with streams): let the event loop turn between files, so that the progress bar's timer and other
      // callbacks run while a batch is checked, not only at its end.
      if (i + 1 < files.length) await turnEventLoop();
    }
    return results as FileOutcome[];
  }
  // worker_threads only when a pool runs: a single check does not pay for loading it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require("worker_threads") as typeof import("worker_threads");
  let next = 0;
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = (): void => {
      const worker: WorkerThread = new Worker(script);
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
