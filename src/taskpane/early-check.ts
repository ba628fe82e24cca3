/**
 * 检查我的报表 on the page's first screen (taskpane.html, scripts/pane-shell.js), clicked before the pane
 * had started: taskpane.html's inline script sets `window.jixiaoEarlyCheck`; the pane takes it once it
 * has mounted (the first screen is gone by then, so no click can come after) and checks at once.
 */

/** Was 检查我的报表 clicked on the first screen? Answers true once, then false. */
export function takeEarlyCheck(): boolean {
  const page = window as { jixiaoEarlyCheck?: boolean };
  const clicked = page.jixiaoEarlyCheck === true;
  page.jixiaoEarlyCheck = false;
  return clicked;
}
