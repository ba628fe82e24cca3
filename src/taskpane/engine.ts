/**
 * The engine behind the pane, loaded after the first paint (issue 12): the pane's first chunk holds
 * React, Fluent and the pane itself; ./services — and through it the whole of src/core, the rules, the
 * formula libraries of bureau rules — is a chunk of its own, fetched as soon as the pane mounts.
 *
 * {@link withEngine} gives the pane services that forward to the real ones ({@link createServices}) and
 * the host, whose workbook reads resolve only once the engine is there too: the pane calls the engine
 * only with a workbook it has just read (usePane: every `services.*` call follows `await read()`), so
 * 检查我的报表 is enabled at once, and a click before the engine arrives waits for it inside the read,
 * under the usual spinner. The read itself starts at once, alongside the engine's download (not after
 * it): the workbook is read as it is at the click, and the two waits overlap.
 */
import type { WorkbookHost } from "../hosts/host";
import type { PaneServices, ServicesOptions } from "./services";
import { loadResults } from "./lazy/results";

/** What the engine chunk provides (./services). */
export type ServicesModule = Pick<typeof import("./services"), "createServices">;

let loading: Promise<typeof import("./services")> | undefined;

/**
 * Load the engine chunk (once; again after a failed load, e.g. a dropped connection), and the results
 * chunk with it (a check's report needs both).
 */
export function loadEngine(): Promise<typeof import("./services")> {
  if (!loading) {
    const attempt = import(/* webpackChunkName: "engine" */ "./services");
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
    void loadResults().catch(() => undefined); // the results' own Suspense retries when they are shown
  }
  return loading;
}

/**
 * Services that forward to the engine's, and `ready()`: settled once they do, rejected when the engine
 * failed to load — the next call then tries again. A services call before `ready()` has settled is a
 * bug of the caller (said so).
 */
function forwardingServices(load: () => Promise<ServicesModule>, options: ServicesOptions): { services: PaneServices; ready: () => Promise<void> } {
  let real: PaneServices | undefined;
  let pending: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (!pending) {
      const attempt = load().then(
        (m) => {
          real ??= m.createServices(options);
        },
        (e: unknown) => {
          // Said in the pane's one notice; the English cause stays in the message for the administrator.
          throw new Error(`检查程序没有加载成功，请检查网络后再点一次（${e instanceof Error ? e.message : String(e)}）`);
        },
      );
      pending = attempt;
      attempt.catch(() => {
        if (pending === attempt) pending = undefined; // the host's read reports the failure; the next read retries
      });
    }
    return pending;
  };
  void ready(); // start the download now, alongside the first render
  const engine = (): PaneServices => {
    if (!real) throw new Error("绩效自评助手的检查引擎尚未加载完成，请稍后重试（engine not loaded yet）");
    return real;
  };
  const services: PaneServices = {
    map: (snapshot) => engine().map(snapshot),
    check: (snapshot) => engine().check(snapshot),
    planFills: options.planFills === null ? null : (snapshot, model) => engine().planFills!(snapshot, model),
    narrative: options.narrative === null ? null : (snapshot, model) => engine().narrative!(snapshot, model),
    suggestNames: (model) => engine().suggestNames(model),
    ruleLabel: (ruleId, locale) => engine().ruleLabel(ruleId, locale),
  };
  return { services, ready };
}

/**
 * `host`, whose readWorkbook resolves once both the read and `ready` have (every other member is the
 * host's own). The read starts at the call, not after the engine: what is read is the workbook at the
 * click, and a slow engine download and a slow read (Excel on the web) overlap instead of adding up.
 */
function hostAfter(host: WorkbookHost, ready: () => Promise<unknown>): WorkbookHost {
  return new Proxy(host, {
    get(target, prop) {
      if (prop === "readWorkbook") {
        return async (...args: Parameters<WorkbookHost["readWorkbook"]>) => {
          const read = target.readWorkbook(...args);
          // An engine that failed to load fails the read (one notice); the read's own outcome is then dropped.
          read.catch(() => undefined);
          await Promise.all([read, ready()]);
          return read;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The pane's host and services over the engine loaded on demand (starts loading it now).
 * @param options - as for createServices
 * @param load - loads the engine; the real chunk by default (tests hold it back to click before it arrives)
 */
export function withEngine(
  host: WorkbookHost,
  options: ServicesOptions = {},
  load: () => Promise<ServicesModule> = loadEngine,
): { host: WorkbookHost; services: PaneServices } {
  const { services, ready } = forwardingServices(load, options);
  return { host: hostAfter(host, ready), services };
}
