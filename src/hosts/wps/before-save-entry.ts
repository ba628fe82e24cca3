/**
 * The before-save check as an entry of the WPS add-in, beside the task pane: the entry page (addin-main.ts,
 * through the ribbon's OnAddinLoad) starts it once per WPS application, with the page's alert/confirm as
 * the clerk's dialogs. The check itself is before-save.ts; the host adapter is not involved beyond its
 * synchronous reader.
 */
import { installBeforeSaveCheck, type BeforeSaveOutcome } from "./before-save";
import type { WpsAddinRoot } from "./et-types";

/** The page's dialogs. */
export interface BeforeSaveUi {
  readonly alert: (message: string) => void;
  readonly confirm?: (message: string) => boolean;
}

/** Applications that already listen: WPS may call onLoad again when the ribbon is rebuilt. */
const started = new WeakMap<WpsAddinRoot, { readonly remove: () => void; readonly last: () => BeforeSaveOutcome | undefined }>();

/**
 * Start checking every save of a self-evaluation workbook (once per application).
 * @param root - WPS's `wps`/`Application` object of the entry page
 * @param ui - the page's alert (errors on 保存) and confirm (另存为: save anyway or go back)
 * @returns the listener's handle (the same one on a second call)
 * @example
 *   startBeforeSaveCheck(window.wps, { alert: window.alert, confirm: window.confirm });
 */
export function startBeforeSaveCheck(root: WpsAddinRoot, ui: BeforeSaveUi): { readonly remove: () => void; readonly last: () => BeforeSaveOutcome | undefined } {
  const existing = started.get(root);
  if (existing) return existing;
  const handle = installBeforeSaveCheck(root.ApiEvent, root, { notify: ui.alert, ask: ui.confirm });
  const entry = {
    remove: () => {
      handle.remove();
      started.delete(root);
    },
    last: handle.last,
  };
  started.set(root, entry);
  return entry;
}
