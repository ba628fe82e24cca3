/**
 * The WPS 表格 host: adapter, before-save check, ribbon callbacks, and the structural ET typings.
 */
import type { WorkbookHost } from "../host";
import type { WpsApplication } from "./et-types";
import { createWpsHost } from "./wps-host";

export { bgrToHex, createWpsHost, hexToBgr, readWorkbookSync } from "./wps-host";
export type { WpsHostOptions } from "./wps-host";
export { errorMessage, installBeforeSaveCheck } from "./before-save";
export type { BeforeSaveOptions, BeforeSaveOutcome } from "./before-save";
export { RIBBON, createRibbon } from "./ribbon";
export type { RibbonCallbacks, RibbonControl, RibbonEnvironment } from "./ribbon";
export type { EtRange, EtWorkbook, EtWorksheet, WpsAddinRoot, WpsApiEvent, WpsApplication } from "./et-types";

/**
 * For detect-host's `createWpsHost` hook, which receives WPS's `Application` as `unknown`.
 * @param app - the global `Application` (or `wps`) of a WPS add-in page
 * @returns the WPS host
 * @throws TypeError when `app` is not WPS's application object
 * @example
 *   detectHost({ createWpsHost: wpsHostFromGlobal });
 */
export function wpsHostFromGlobal(app: unknown): WorkbookHost {
  if (typeof app !== "object" || app === null || !("ActiveWorkbook" in app)) throw new TypeError("not WPS's Application object");
  return createWpsHost(app as WpsApplication);
}
