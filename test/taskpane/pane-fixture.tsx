/**
 * Shared set-up for the pane tests: a tiny workbook, three tiny rules (one finding per severity, one
 * with a fix), canned fill and narrative adapters, and a render helper. The real rules are exercised
 * separately (app-engine.test.tsx); these keep the UI tests independent of rule wording.
 */
import type { JSX } from "react";
import { render, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defineRule, formatRef, type Rule, type WorkbookSnapshot } from "../../src/core";
import { App, type AppProps } from "../../src/taskpane/App";
import { createServices, type FillPlan, type PaneServices, type ServicesOptions } from "../../src/taskpane/services";
import { buildWorkbook, fmt } from "../helpers/workbook-builder";
import { createFakeHost, type FakeHost, type FakeHostOptions } from "../helpers/fake-host";

/** Reports a money cell written as text with 元 (error) and offers the number as a fix. */
export const textMoney: Rule = defineRule({
  id: "test-text-money",
  meta: { type: "problem", docs: { description: "t", recommended: false }, messages: { text: "金额“{{value}}”是文字，应为数字 {{expected}}" }, fixable: true },
  create(context) {
    return {
      workbook() {
        for (const sheet of context.snapshot.sheets) {
          for (const [address, cell] of Object.entries(sheet.cells)) {
            if (typeof cell.value === "string" && /^[\d,.]+元$/.test(cell.value)) {
              const n = Number(cell.value.replace(/[,元]/g, ""));
              const at = { sheet: sheet.name, address };
              context.report({ at, messageId: "text", data: { value: cell.value, expected: n }, fix: { description: `把 ${formatRef(at)} 改为数字 ${n}`, writes: [{ at, value: n }] } });
            }
          }
        }
      },
    };
  },
});

/** Reports every cell whose value is "坏" (warning, no fix). */
export const badCell: Rule = defineRule({
  id: "test-bad-cell",
  meta: { type: "problem", docs: { description: "t", recommended: false }, messages: { bad: "这里写着“坏”" } },
  create(context) {
    return {
      workbook() {
        for (const sheet of context.snapshot.sheets)
          for (const [address, cell] of Object.entries(sheet.cells)) if (cell.value === "坏") context.report({ at: { sheet: sheet.name, address }, messageId: "bad" });
      },
    };
  },
});

/** Reports every cell whose value is "注" (info). */
export const noteCell: Rule = defineRule({
  id: "test-note-cell",
  meta: { type: "suggestion", docs: { description: "t", recommended: false }, messages: { note: "请补充说明" } },
  create(context) {
    return {
      workbook() {
        for (const sheet of context.snapshot.sheets)
          for (const [address, cell] of Object.entries(sheet.cells)) if (cell.value === "注") context.report({ at: { sheet: sheet.name, address }, messageId: "note" });
      },
    };
  },
});

export const TEST_RULES = [textMoney, badCell, noteCell];
export const TEST_PRESET = { id: "test", rules: { "test-bad-cell": "warning", "test-note-cell": "info", "test-text-money": "error" } } as const;

/**
 * 基本情况: enough of a self-evaluation to be recognised (identity, budget, a small expense table), so
 * the pane shows a list rather than 未识别. 收支情况: C11 "1,711.75元" (error, fixable), C12 "坏"
 * (warning), C13 "注" (info); D5 a rate with an old value.
 */
export function testWorkbook(): WorkbookSnapshot {
  return buildWorkbook({
    基本情况: [
      ["部门（单位）名称", "测试局"],
      ["评价年度", 2025],
      ["评价类型", "部门整体支出"],
      ["全年预算数", 100],
      ["全年执行数", 99.71],
      ["金额单位", "万元"],
      [],
      ["支出和结余情况"],
      ["机构名称", "支出合计", "基本支出", "项目支出"],
      ["汇总", 10, 4, 6],
      ["局机关", 10, 4, 6],
    ],
    收支情况: [
      ["单位", "测试局"],
      [],
      [],
      [],
      [null, null, null, fmt(0.5, "0.00%")],
      [],
      [],
      [],
      [],
      [],
      [null, null, "1,711.75元"],
      [null, null, "坏"],
      [null, null, "注"],
    ],
  });
}

/** A canned 自动计算: D5 0.5 → 0.9971, D6 empty → 10. */
export const TEST_PLAN: FillPlan = {
  writes: [
    { write: { at: { sheet: "收支情况", address: "D5" }, value: 0.9971, numberFormat: "0.00%" }, cell: "收支情况!D5", field: "jx_exec_rate", oldValue: 0.5, newValue: 0.9971, reason: "执行数 ÷ 全年预算数" },
    { write: { at: { sheet: "收支情况", address: "D6" }, value: 10 }, cell: "收支情况!D6", field: "jx_exec_score", oldValue: null, newValue: 10, reason: "执行率 × 分值" },
  ],
  conflicts: [],
};

/** Services over the test rules, with canned fill and narrative. */
export function testServices(overrides: ServicesOptions = {}): PaneServices {
  return createServices({
    check: { rules: TEST_RULES, preset: TEST_PRESET },
    planFills: () => TEST_PLAN,
    narrative: () => ({
      sheet: { name: "绩效自评综述", rows: [["一、基本情况"], ["测试局 2025 年度部门整体支出绩效自评。"], ["人员编制【待填写：人员编制】。"]], headingRows: [0] },
      gaps: [{ at: { sheet: "绩效自评综述", address: "A3" }, what: "人员编制" }],
      toVerify: [],
    }),
    ...overrides,
  });
}

/** Render the pane inside a FluentProvider, as index.tsx does. */
export function renderPane(host: FakeHost | null, props: Partial<AppProps> = {}): RenderResult {
  const ui: JSX.Element = (
    <FluentProvider theme={webLightTheme}>
      <App host={host} services={props.services ?? testServices()} {...props} />
    </FluentProvider>
  );
  return render(ui);
}

/** A fake host over the test workbook. */
export function testHost(options: FakeHostOptions = {}, workbook: WorkbookSnapshot = testWorkbook()): FakeHost {
  return createFakeHost(workbook, options);
}
