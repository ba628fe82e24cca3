/**
 * The WPS entry page script (bundled to dist-wps/main.js by scripts/build-wps.js): puts the ribbon callbacks
 * on the page's global scope, where WPS looks them up by the names ribbon.xml gives.
 */
import type { WpsAddinRoot } from "./et-types";
import { createRibbon } from "./ribbon";

const page = globalThis as unknown as {
  wps?: WpsAddinRoot;
  Application?: WpsAddinRoot;
  location: { href: string };
  alert(message: string): void;
  confirm(message: string): boolean;
  OnAddinLoad?: unknown;
  OnAction?: unknown;
  GetImage?: unknown;
};

const root = page.wps ?? page.Application;
if (root) {
  const ribbon = createRibbon({
    root,
    pageUrl: page.location.href,
    alert: (m) => page.alert(m),
    confirm: (m) => page.confirm(m),
  });
  page.OnAddinLoad = ribbon.OnAddinLoad;
  page.OnAction = ribbon.OnAction;
  page.GetImage = ribbon.GetImage;
}
