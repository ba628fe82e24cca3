/**
 * Entry of the task pane: detect the host (WPS, then Excel through office.js), then render the pane
 * once inside one FluentProvider, in place of the first screen taskpane.html already shows (its
 * 检查我的报表 works before this runs: a click there is handed to the pane, see ./early-check).
 * When office.js could not load and there is no WPS, the pane still renders (host null) and tells the clerk where to open it; if even that fails, a plain Chinese message
 * replaces the loading text, so the page is never blank.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost } from "../hosts/detect-host";
import type { WorkbookHost } from "../hosts/host";
import { takeEarlyCheck } from "./early-check";

/** Shown when the pane itself cannot start (a plain DOM write, no React needed). */
function showFatal(container: HTMLElement, error: unknown): void {
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.style.padding = "16px";
  box.style.color = "#a4262c";
  const title = document.createElement("strong");
  title.textContent = "绩效自评助手无法启动";
  const detail = document.createElement("p");
  detail.textContent = `请关闭任务窗格后重新打开；如果问题依旧，请把这段信息发给管理员：${error instanceof Error ? error.message : String(error)}`;
  box.append(title, detail);
  container.replaceChildren(box);
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  let host: WorkbookHost | null = null;
  try {
    host = await detectHost();
  } catch (e) {
    // detectHost is built not to throw; if it does, the pane runs without a host and says so.
    console.error("jixiao: host detection failed", e);
  }
  try {
    createRoot(container).render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} takeEarlyCheck={takeEarlyCheck} />
      </FluentProvider>,
    );
  } catch (e) {
    showFatal(container, e);
  }
}

void start();
