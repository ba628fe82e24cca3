/**
 * The engine behind the pane, loaded after the first paint (issue 12): the pane's first chunk holds
 * React, Fluent and the pane itself; ./services — and through it the whole of src/core, the rules, the
 * formula libraries of bureau rules — is a chunk of its own, fetched as soon as the pane mounts.
 *
 * {@link withEngine} gives the pane services that forward to the real ones ({@link createServices}) and
 * the host, whose workbook reads wait for the engine: the pane calls the engine only with a workbook it
 * has just read (usePane: every `services.*` call follows `await read()`), so 检查我的报表 is enabled at
 * once, and a click before the engine arrives waits for it inside the read, under the usual spinner.
 */
import type { WorkbookHost } from "../hosts/host";
import type { PaneServices, ServicesOptions } from "./services";
import { loadResults } from "./lazy/results";

type ServicesModule = typeof import("./services");

let loading: Promise<ServicesModule> | undefined;

/** Load the engine chunk (once), and the results chunk with it (a check's report needs both). */
export function loadEngine(): Promise<ServicesModule> {
  if (!loading) {
    loading = import(/* webpackChunkName: "engine" */ "./services");
    void loadResults().catch(() => undefined); // the results' own Suspense retries when they are shown
  }
  return loading;
}

/** Services that forward to the engine's; a call before it loaded is a bug of the caller (said so). */
function forwardingServices(ready: Promise<ServicesModule>, options: ServicesOptions): PaneServices {
  let real: PaneServices | undefined;
  void ready.then(
    (m) => {
      real = m.createServices(options);
    },
    () => undefined, // the host's read reports the failure
  );
  const engine = (): PaneServices => {
    if (!real) throw new Error("绩效自评助手的检查引擎尚未加载完成，请稍后重试（engine not loaded yet）");
    return real;
  };
  return {
    map: (snapshot) => engine().map(snapshot),
    check: (snapshot) => engine().check(snapshot),
    planFills: options.planFills === null ? null : (snapshot, model) => engine().planFills!(snapshot, model),
    narrative: options.narrative === null ? null : (snapshot, model) => engine().narrative!(snapshot, model),
    suggestNames: (model) => engine().suggestNames(model),
    ruleLabel: (ruleId, locale) => engine().ruleLabel(ruleId, locale),
  };
}

/** `host`, with readWorkbook waiting for `ready` first (every other member is the host's own). */
function hostAfter(host: WorkbookHost, ready: Promise<unknown>): WorkbookHost {
  return new Proxy(host, {
    get(target, prop) {
      if (prop === "readWorkbook") {
        return async (...args: Parameters<WorkbookHost["readWorkbook"]>) => {
          await ready;
          return target.readWorkbook(...args);
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
 */
export function withEngine(host: WorkbookHost, options: ServicesOptions = {}): { host: WorkbookHost; services: PaneServices } {
  const ready = loadEngine();
  return { host: hostAfter(host, ready), services: forwardingServices(ready, options) };
}
