/**
 * A worker thread of `jixiao check` with several files: receives `{index, file, options}`, answers
 * `{index, outcome}`. One worker per core (see pool.ts).
 */
import { parentPort } from "worker_threads";
import { checkFile, type CheckFileOptions, type FileOutcome } from "./check-file";

/** A job sent to a worker. */
export interface WorkerJob {
  readonly index: number;
  readonly file: string;
  readonly options: CheckFileOptions;
}

/** A worker's answer. */
export interface WorkerAnswer {
  readonly index: number;
  readonly outcome: FileOutcome;
}

const port = parentPort;
if (port) {
  port.on("message", (job: WorkerJob) => {
    checkFile(job.file, job.options).then(
      (outcome) => port.postMessage({ index: job.index, outcome } satisfies WorkerAnswer),
      (err: unknown) =>
        port.postMessage({
          index: job.index,
          outcome: { file: job.file, ok: false, problem: "internal", message: `内部错误（internal error）：${err instanceof Error ? err.message : String(err)}` },
        } satisfies WorkerAnswer),
    );
  });
}
