"use strict";
/**
 * The task pane's first screen, rendered at build time into taskpane.html (issue 12): the title and the
 * toolbar as Fluent UI renders them (the real Button, Title3 and Spinner, through react-dom/server and
 * Griffel's server renderer — same markup and CSS as the running pane), so the clerk sees the pane, and
 * can click 检查我的报表, as soon as the page paints instead of once React, Fluent and office.js have all
 * started (≈ 1 s on a slow PC).
 *
 * A click before the pane has started is kept (taskpane.html's small inline script: `jixiaoEarlyCheck`),
 * shown at once as 正在检查报表… with the button disabled, and handed to the pane when it mounts
 * (src/taskpane/index.tsx → App's `takeEarlyCheck`): the pane then reads the workbook and checks it, as
 * a click on its own button does. React replaces this markup when it renders into #root.
 *
 * Only the look comes from here; the words must be the pane's own (test/taskpane/shell.test.ts compares
 * them with src/taskpane/strings/zh-CN.ts). CommonJS on purpose: webpack.config.js requires it.
 */
const React = require("react");
const { renderToStaticMarkup } = require("react-dom/server");
const {
  Button,
  FluentProvider,
  RendererProvider,
  SSRProvider,
  Spinner,
  Title3,
  createDOMRenderer,
  renderToStyleElements,
  webLightTheme,
} = require("@fluentui/react-components");
const { CalculatorRegular, DocumentTextRegular, SearchRegular } = require("@fluentui/react-icons");

/** The words on the first screen: the pane's own (strings/zh-CN.ts), checked by test/taskpane/shell.test.ts. */
const SHELL_STRINGS = {
  appTitle: "绩效自评助手",
  actionCheck: "检查我的报表",
  actionFill: "自动计算",
  actionNarrative: "生成综述",
  busyCheck: "正在检查报表…",
  loading: "正在加载绩效自评助手……",
};

/**
 * The layout of App.tsx's `root`, `header` and `toolbar` styles (makeStyles there), with the theme's
 * values, so nothing moves when React takes over.
 */
function layoutCss(t) {
  return [
    `.jx-shell{display:flex;flex-direction:column;gap:${t.spacingVerticalM};padding:${t.spacingHorizontalM};box-sizing:border-box;max-width:100%;min-width:0;overflow-wrap:anywhere}`,
    `.jx-shell-header{display:flex;align-items:center;justify-content:space-between;gap:${t.spacingHorizontalS};flex-wrap:wrap}`,
    `.jx-shell-toolbar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:${t.spacingHorizontalS};padding-top:${t.spacingVerticalXS};padding-bottom:${t.spacingVerticalXS};background-color:${t.colorNeutralBackground1};border-bottom:1px solid ${t.colorNeutralStroke2}}`,
    `.jx-shell-status{font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300};color:${t.colorNeutralForeground2}}`,
    "[hidden]{display:none!important}",
  ].join("");
}

/**
 * Render the first screen.
 * @returns `{ html, css }`: `html` for inside #root, `css` (style elements) for the head
 */
function renderPaneShell() {
  const h = React.createElement;
  const s = SHELL_STRINGS;
  const renderer = createDOMRenderer();
  const html = renderToStaticMarkup(
    h(
      RendererProvider,
      { renderer },
      h(
        SSRProvider,
        null,
        h(
          FluentProvider,
          { theme: webLightTheme },
          h(
            "main",
            { className: "jx-shell", id: "jx-shell" },
            h("div", { className: "jx-shell-header" }, h(Title3, { as: "h1" }, s.appTitle)),
            h(
              "div",
              { className: "jx-shell-toolbar", role: "toolbar", "aria-label": s.appTitle },
              // The live button, and the same button as it looks while a check runs (shown on click).
              h(Button, { id: "jx-shell-check", appearance: "primary", icon: h(SearchRegular) }, s.actionCheck),
              h(Button, { id: "jx-shell-checking", appearance: "primary", icon: h(SearchRegular), disabled: true, hidden: true }, s.actionCheck),
              h(Button, { icon: h(CalculatorRegular), disabled: true }, s.actionFill),
              h(Button, { icon: h(DocumentTextRegular), disabled: true }, s.actionNarrative),
            ),
            h("div", { id: "boot", className: "jx-shell-status", role: "status" }, s.loading),
            h("div", { id: "jx-shell-busy", hidden: true }, h(Spinner, { size: "tiny", labelPosition: "after", label: s.busyCheck })),
          ),
        ),
      ),
    ),
  );
  const css = renderToStaticMarkup(renderToStyleElements(renderer)) + `<style>${layoutCss(webLightTheme)}</style>`;
  return { html, css };
}

module.exports = { renderPaneShell, SHELL_STRINGS };
