/**
 * Milliseconds for the `--timings` figures, from process.hrtime: perf_hooks' `performance` would load the
 * whole performance timeline at every start of the CLI just to read a clock.
 */

/** A monotonic time in milliseconds (only differences mean anything). */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds since `start` (a {@link now}). */
export function elapsedMs(start: number): number {
  return now() - start;
}
