/** @jest-environment jsdom */
/**
 * The page's first screen (scripts/pane-shell.js, rendered into taskpane.html at build time): its words
 * are the pane's own, its 检查我的报表 is enabled at once, a click there shows 正在检查报表… at once
 * (taskpane.html's inline script), and the pane, when it mounts, takes that click and checks the
 * workbook — the same findings as its own button gives.
 */
import "../helpers/jsdom-setup";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import * as fs from "fs";
import * as path from "path";
import { zhCN } from "../../src/taskpane/strings/zh-CN";
import { takeEarlyCheck } from "../../src/taskpane/early-check";
import { renderPane, testHost } from "./pane-fixture";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build helper
const { renderPaneShell, SHELL_STRINGS } = require("../../scripts/pane-shell") as {
  renderPaneShell(): { html: string; css: string };
  SHELL_STRINGS: Record<string, string>;
};

const TEMPLATE = fs.readFileSync(path.join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
/** taskpane.html's inline scripts (the old-webview check, the first screen's click), in page order. */
const INLINE = [...TEMPLATE.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

afterEach(() => {
  cleanup();
  document.body.innerHTML = "";
  delete (window as { jixiaoEarlyCheck?: boolean }).jixiaoEarlyCheck;
});

/** Put the first screen in the page as taskpane.html does, and run the page's inline scripts. */
function showShell(): void {
  const { html } = renderPaneShell();
  document.body.innerHTML = `<div id="root">${html}</div>`;
  for (const code of INLINE) new Function(code)();
}

describe("the first screen (taskpane.html before the pane has started)", () => {
  test("says what the pane says: its words are the pane's Chinese strings", () => {
    expect(SHELL_STRINGS.appTitle).toBe(zhCN.appTitle);
    expect(SHELL_STRINGS.actionCheck).toBe(zhCN.actionCheck);
    expect(SHELL_STRINGS.actionFill).toBe(zhCN.actionFill);
    expect(SHELL_STRINGS.actionNarrative).toBe(zhCN.actionNarrative);
    expect(SHELL_STRINGS.busyCheck).toBe(zhCN.busyCheck);
  });

  test("shows the title and an enabled 检查我的报表; the buttons that need the pane are disabled", () => {
    showShell();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(zhCN.appTitle);
    const toolbar = screen.getByRole("toolbar", { name: zhCN.appTitle });
    // The only visible 检查我的报表 is the live one (its busy twin is hidden).
    const checks = within(toolbar).getAllByRole("button", { name: zhCN.actionCheck });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toBeEnabled();
    expect(within(toolbar).getByRole("button", { name: zhCN.actionFill })).toBeDisabled();
    expect(within(toolbar).getByRole("button", { name: zhCN.actionNarrative })).toBeDisabled();
    expect(screen.getByRole("status")).toHaveTextContent("正在加载绩效自评助手");
  });

  test("a click there shows 正在检查报表… at once, and the pane, once mounted, checks the workbook: the findings its own button gives", async () => {
    showShell();
    screen.getByRole("button", { name: zhCN.actionCheck }).click();
    expect((window as { jixiaoEarlyCheck?: boolean }).jixiaoEarlyCheck).toBe(true);
    expect(screen.getByText(zhCN.busyCheck)).toBeInTheDocument();
    // The live button gives way to its disabled twin: no second click while it works.
    const buttons = screen.getAllByRole("button", { name: zhCN.actionCheck });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toBeDisabled();

    // The pane starts (index.tsx renders App in place of the first screen) and takes the click.
    document.body.innerHTML = "";
    const host = testHost();
    renderPane(host, { takeEarlyCheck });
    await screen.findByTestId("summary-counts");
    await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));
    expect(screen.getByTestId("summary-counts")).toHaveTextContent("错误 1 · 警告 1 · 提示 1");
    expect(within(screen.getByRole("region", { name: "错误 1" })).getByText("收支情况!C11")).toBeInTheDocument();
    // Taken once: one read for the check, no background read besides it.
    expect(host.calls.filter((c) => c.op === "readWorkbook")).toHaveLength(1);
    expect((window as { jixiaoEarlyCheck?: boolean }).jixiaoEarlyCheck).toBe(false);
  });

  test("without a click there the pane does not check by itself", async () => {
    showShell();
    document.body.innerHTML = "";
    const host = testHost();
    renderPane(host, { takeEarlyCheck });
    await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));
    expect(screen.queryByTestId("summary-counts")).toBeNull();
    expect(screen.getByRole("button", { name: zhCN.actionCheck })).toBeEnabled();
  });
});
