/**
 * Pick the host the task pane runs in: WPS first (its JS API is a global, present synchronously), then
 * Excel through Office.js. Nothing here may throw when office.js failed to load — the page then shows a
 * message instead of going blank — so every global is probed with `typeof`.
 */
import type { WorkbookHost } from "./host";
import { createExcelHost } from "./excel";
import { createWpsHost } from "./wps/wps-host";
import type { WpsApplication } from "./wps/et-types";

/** What detectHost looks at; the defaults read the page's globals. Tests pass their own. */
export interface DetectEnvironment {
  /** The global object (window). */
  readonly global?: Record<string, unknown>;
  /** Builds the WPS host from WPS's `Application`; default: the ET adapter (src/hosts/wps/wps-host.ts). */
  readonly createWpsHost?: (app: unknown) => WorkbookHost;
  /** Builds the Excel host once Office reports Excel; default: the Office.js adapter over Excel.run. */
  readonly createExcelHost?: () => WorkbookHost;
  /** How long to wait for Office.onReady before giving up, in ms. @default 10000 */
  readonly officeTimeoutMs?: number;
}

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
}

function wpsApplication(g: Record<string, unknown>): unknown {
  const app = g.Application as { ActiveWorkbook?: unknown } | undefined;
  if (app && typeof app === "object" && "ActiveWorkbook" in app) return app;
  const wps = g.wps as { EtApplication?: () => unknown; Application?: unknown } | undefined;
  if (wps && typeof wps === "object") {
    if (typeof wps.EtApplication === "function") return wps.EtApplication();
    if (wps.Application) return wps.Application;
  }
  return undefined;
}

/**
 * Detect the host: WPS, then Excel; null when neither is there (a plain browser, or office.js blocked).
 * @returns the host adapter, or null
 */
export async function detectHost(env: DetectEnvironment = {}): Promise<WorkbookHost | null> {
  const g = env.global ?? (globalThis as unknown as Record<string, unknown>);
  const app = wpsApplication(g);
  // The ET object model is untyped at run time; wps-host's adapter guards every call it makes on it.
  if (app !== undefined) return (env.createWpsHost ?? ((a: unknown) => createWpsHost(a as WpsApplication)))(app);

  const office = g.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== "function") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), env.officeTimeoutMs ?? 10_000);
    });
    const info = await Promise.race([office.onReady(), timeout]);
    // Outside an Office client office.js still loads and reports host null.
    if (!info || info.host !== "Excel") return null;
    if (typeof g.Excel === "undefined" && !env.createExcelHost) return null;
    return (env.createExcelHost ?? createExcelHost)();
  } catch {
    // A broken office.js must leave the pane usable with its "no host" message rather than a blank page.
    return null;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
