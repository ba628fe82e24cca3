/**
 * The WPS add-in's entry page logic: the ribbon callbacks (ribbon.xml names them); OnAddinLoad starts the
 * before-save check (before-save-entry.ts).
 * WPS loads the entry page (index.html + main.js) once per application and calls `OnAddinLoad`, then
 * `OnAction`/`GetImage` by name on that page's global scope; addin-main.ts puts them there.
 */
import type { WpsAddinRoot, WpsTaskPane } from "./et-types";
import { startBeforeSaveCheck } from "./before-save-entry";

/** Control ids of ribbon.xml (scripts/build-wps.js writes the XML from these). */
export const RIBBON = {
  tab: "jxTab",
  group: "jxGroup",
  openPane: "jxOpenPane",
  /** Relative to the add-in folder. */
  image: "images/icon-32.png",
  /** Relative to the add-in folder. */
  pane: "taskpane/taskpane.html",
  paneTitle: "绩效自评助手",
  /** PluginStorage key of the pane's id, shared by every page of the add-in. */
  paneKey: "jixiao_taskpane_id",
} as const;

/** A ribbon control as WPS passes it to callbacks. */
export interface RibbonControl {
  readonly Id: string;
}

/** What the entry page needs from its environment. */
export interface RibbonEnvironment {
  readonly root: WpsAddinRoot;
  /** The entry page's own URL (its `location.href`); the pane URL is resolved against it. */
  readonly pageUrl: string;
  /** Show a message (the page's `alert`). */
  readonly alert: (message: string) => void;
  /** Ask yes/no (the page's `confirm`). */
  readonly confirm?: (message: string) => boolean;
}

/** The callbacks WPS calls by name. */
export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
}

/**
 * Build the ribbon callbacks.
 * @returns OnAddinLoad (installs the before-save check), OnAction (shows or hides the task pane), GetImage
 */
export function createRibbon(env: RibbonEnvironment): RibbonCallbacks {
  const paneUrl = new URL(RIBBON.pane, env.pageUrl).href;

  function existingPane(): WpsTaskPane | undefined {
    const id = Number(env.root.PluginStorage.getItem(RIBBON.paneKey));
    if (!id) return undefined;
    try {
      return env.root.GetTaskPane(id);
    } catch {
      return undefined; // closed with its document window, or WPS restarted the add-in
    }
  }

  return {
    OnAddinLoad() {
      // WPS may call onLoad again when the ribbon is rebuilt; the entry starts one listener per application.
      startBeforeSaveCheck(env.root, { alert: env.alert, confirm: env.confirm });
      return true;
    },
    OnAction(control) {
      if (control.Id !== RIBBON.openPane) return false;
      try {
        const pane = existingPane();
        if (pane) {
          pane.Visible = !pane.Visible;
          return true;
        }
        const created = env.root.CreateTaskPane(paneUrl, RIBBON.paneTitle);
        env.root.PluginStorage.setItem(RIBBON.paneKey, created.ID);
        created.Visible = true;
        return true;
      } catch (err) {
        env.alert(`无法打开绩效自评助手任务窗格：${err instanceof Error ? err.message : String(err)}`);
        return false;
      }
    },
    GetImage(control) {
      return control.Id === RIBBON.openPane ? RIBBON.image : "";
    },
  };
}
