/** @jest-environment jsdom */
/**
 * Issue 11 as a clerk sees it, over the real core: no false all-clear (未识别, 尚未填写), a fix that
 * makes nothing worse (承德 83% → 82.62%), 全部修复 with one preview, a list that groups, filters and
 * collapses, 自动计算 that says why, 生成综述 that counts its gaps, and English finding messages.
 */
import "../helpers/jsdom-setup";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as path from "path";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { SCALAR_FIELDS, TABLES } from "../../src/core/schema/fields";
import { createServices } from "../../src/taskpane/services";
import { buildWorkbook } from "../helpers/workbook-builder";
import { createFakeHost } from "../helpers/fake-host";
import { renderPane, testHost, testServices } from "./pane-fixture";

afterEach(cleanup);

const ROOT = path.resolve(__dirname, "../..");
const button = (name: string) => screen.getByRole("button", { name });
/** The pane is idle: the button enabled and nothing under way (the first read included). */
const ready = async (name = "检查我的报表") => {
  await waitFor(() => expect(button(name)).toBeEnabled());
  await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));
};
async function check(): Promise<void> {
  await ready();
  fireEvent.click(button("检查我的报表"));
  await waitFor(() => expect(screen.getByTestId("conclusion")).toBeInTheDocument());
  await ready();
}

describe("no false all-clear", () => {
  test("an empty Sheet1 is 未识别: it says so, offers the templates and 映射, never 可以导出", async () => {
    renderPane(createFakeHost(buildWorkbook({ Sheet1: [] })), { services: createServices() });
    await check();
    expect(screen.getByText("未识别为绩效自评表")).toBeInTheDocument();
    expect(screen.getByTestId("conclusion")).toHaveTextContent("结论：未识别为绩效自评表，无法检查");
    expect(screen.getByRole("link", { name: "下载部门整体支出模板" }).getAttribute("href")).toBe("assets/templates/jixiao-dept.xlsx");
    expect(document.body.textContent).not.toContain("可以导出");
    // 查看映射 opens the mapping.
    fireEvent.click(screen.getByRole("button", { name: "查看映射" }));
    expect(await screen.findByRole("table", { name: "映射" })).toBeInTheDocument();
  });

  test.each(["jixiao-dept.xlsx", "jixiao-project.xlsx"])("the blank template %s is 尚未填写, lists what to fill with 定位, never 可以导出", async (file) => {
    const host = createFakeHost(await readXlsxFile(path.join(ROOT, "assets", "templates", file)));
    renderPane(host, { services: createServices() });
    await check();
    expect(screen.getByText("表格尚未填写")).toBeInTheDocument();
    const list = screen.getByTestId("missing-inputs");
    expect(within(list).getByText("部门（单位）名称")).toBeInTheDocument();
    expect(document.body.textContent).not.toContain("可以导出");
    fireEvent.click(within(list).getByRole("button", { name: "定位 部门（单位）名称" }));
    await waitFor(() => expect(host.selected).toEqual(["基本情况!B4"]));
  });

  test("“已识别 n / 30 项” is explained in plain words", async () => {
    renderPane(testHost());
    await ready();
    // The total is the schema's (scalars + tables), whatever it grows to.
    const total = SCALAR_FIELDS.length + TABLES.length;
    expect(screen.getByTestId("fields-found-help")).toHaveTextContent(new RegExp(`自评表共有 ${total} 项内容.*在这个工作簿中找到了 \\d+ 项`));
  });
});

describe("fixes that never make things worse", () => {
  test("承德: “83%” stored as text is fixed to 82.62% as a number (not 83.00%), and the re-check is clean", async () => {
    const host = createFakeHost(await readXlsxFile(path.join(ROOT, "examples", "chengde-2019-projects.xlsx")));
    renderPane(host, { services: createServices() });
    await check();
    expect(screen.getByTestId("conclusion")).toHaveTextContent("结论：没有错误，可以导出");
    fireEvent.click(button("修复"));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getByTestId("fix-change")).toHaveTextContent("“83%”（文字） → 82.62%");
    fireEvent.click(within(dialog).getByRole("button", { name: "应用修复", hidden: true }));
    await waitFor(() => expect(host.cell("项目支出!B16")).toEqual({ value: 0.8262, numberFormat: "0.00%" }));
    await waitFor(() => expect(screen.getByText("报表已通过检查，可以导出")).toBeInTheDocument());
    expect(document.querySelectorAll("[data-finding-card]")).toHaveLength(0);
    // 撤销 puts back the text and the cell's own (General) format.
    await ready();
    fireEvent.click(button("撤销"));
    await waitFor(() => expect(host.cell("项目支出!B16")).toEqual({ value: "83%" }));
  });

  test("全部修复: 20 identical fixes in one preview, one write, two reads", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [null, null, `${(i + 1) * 100}.5元`]);
    const base = testHost().snapshot();
    const money = buildWorkbook({ 收支情况: rows }).sheets[0];
    const host = createFakeHost({ ...base, sheets: [base.sheets[0], money] });
    renderPane(host, { services: testServices() });
    await check();
    expect(screen.getByTestId("conclusion")).toHaveTextContent("结论：有 20 个错误需要修改");
    fireEvent.click(button("全部修复 (20)"));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getAllByTestId("fix-change")).toHaveLength(20);
    const reads = host.calls.filter((c) => c.op === "readWorkbook").length;
    fireEvent.click(within(dialog).getByRole("button", { name: "应用修复", hidden: true }));
    await waitFor(() => expect(screen.getByTestId("conclusion")).toHaveTextContent("结论：没有错误，可以导出"));
    expect(host.calls.filter((c) => c.op === "applyWrites")).toHaveLength(1);
    // Two reads for the whole batch (before, for 撤销; after, recalculated), never one per fix.
    expect(host.calls.filter((c) => c.op === "readWorkbook").length - reads).toBe(2);
    expect(host.cell("收支情况!C20")?.value).toBe(2000.5);
    expect(screen.getByText(/^已修改 20 个单元格：.* 等。可以撤销。$/)).toBeInTheDocument();
  });
});

describe("a list that scales", () => {
  test("groups by sheet or by kind of problem, filters by severity, collapses; severity on every card", async () => {
    renderPane(testHost());
    await check();
    // By severity (default): three groups, each card says its severity.
    expect(screen.getByRole("region", { name: "错误 1" })).toBeInTheDocument();
    for (const card of document.querySelectorAll("[data-finding-card]")) expect(card.getAttribute("aria-label")).toMatch(/^(错误|警告|提示) /);
    // Filter: warnings off.
    fireEvent.click(screen.getByRole("checkbox", { name: "警告 1" }));
    await waitFor(() => expect(document.querySelectorAll('[data-severity="warning"][data-finding-card]')).toHaveLength(0));
    expect(document.querySelectorAll("[data-finding-card]")).toHaveLength(2);
    fireEvent.click(screen.getByRole("checkbox", { name: "警告 1" }));
    // Group by sheet: one group 收支情况 with 3.
    fireEvent.click(screen.getByRole("combobox", { name: "分组" }));
    fireEvent.click(await screen.findByRole("option", { name: "按工作表" }));
    expect(await screen.findByRole("region", { name: "收支情况 3" })).toBeInTheDocument();
    // Collapse it.
    fireEvent.click(screen.getByRole("button", { name: /收支情况/ }));
    await waitFor(() => expect(screen.queryByRole("region", { name: "收支情况 3" })).toBeNull());
    fireEvent.click(button("全部展开"));
    expect(await screen.findByRole("region", { name: "收支情况 3" })).toBeInTheDocument();
  });

  test("the toolbar stays visible (sticky) and references do not wrap", async () => {
    renderPane(testHost());
    await check();
    const toolbar = screen.getByRole("toolbar");
    expect(getComputedStyle(toolbar).position).toBe("sticky");
    const ref = screen.getAllByTestId("finding-cell")[0];
    expect(getComputedStyle(ref).whiteSpace).toBe("nowrap");
  });

  test("numbers in messages as clerks write them: 3,467,700, and the amount it should be with its unit, 346.77万元", async () => {
    const snapshot = await readXlsxFile(path.join(ROOT, "examples", "linxiang-2021.xlsx"));
    const sheets = snapshot.sheets.map((sh) => ({ ...sh, cells: Object.fromEntries(Object.entries(sh.cells).map(([a, c]) => [a, c.value === 346.77 && c.formula === undefined ? { ...c, value: 3467700 } : c])) }));
    renderPane(createFakeHost({ ...snapshot, sheets }), { services: createServices() });
    await check();
    const unit = document.querySelector('[data-rule="no-unit-mistake"]') as HTMLElement;
    expect(unit.textContent).toMatch(/3,467,700/);
    expect(unit.textContent).not.toMatch(/3467700/);
    expect(unit.textContent).toContain("应为 346.77万元");
  });
});

describe("English finding messages", () => {
  test("the English pane shows the rules' messages in English", async () => {
    const snapshot = await readXlsxFile(path.join(ROOT, "examples", "chengde-2019-projects.xlsx"));
    renderPane(createFakeHost(snapshot), { services: createServices(), language: "en" });
    await ready("Check my report");
    fireEvent.click(button("Check my report"));
    await waitFor(() => expect(screen.getByTestId("conclusion")).toHaveTextContent("Conclusion: no errors, ready to export"));
    const card = document.querySelector('[data-rule="number-stored-as-text"]') as HTMLElement;
    expect(card.textContent).toContain("is text, not a number, so formulas cannot use it");
  });
});

describe("自动计算 that says why", () => {
  test("nothing blank: says so; a conflict shows old → new with 定位 and a per-cell 覆盖 that 应用 writes", async () => {
    const conflict = { write: { at: { sheet: "收支情况", address: "D5" }, value: 0.9971, numberFormat: "0.00%" }, cell: "收支情况!D5", field: "jx_exec_rate", oldValue: 0.5, newValue: 0.9971, reason: "执行数 ÷ 全年预算数", numberFormat: "0.00%" };
    const host = testHost();
    renderPane(host, { services: testServices({ planFills: () => ({ writes: [], conflicts: [conflict], blocked: [{ what: "综合得分", cell: "收支情况!B30", at: { sheet: "收支情况", address: "B30" }, missing: ["“资金上解及时性”的得分"] }] }) }) });
    await ready();
    fireEvent.click(button("自动计算"));
    expect(await screen.findByText("没有空白单元格需要写入。下面 1 个单元格已有不同的值，可逐个选择覆盖。")).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "已有不同的值，不会覆盖 (1)" });
    expect(within(table).getByText("50.00% → 99.71%")).toBeInTheDocument();
    expect(screen.getByTestId("fill-blocked")).toHaveTextContent("综合得分（收支情况!B30）暂不能计算：缺少“资金上解及时性”的得分。");
    expect(button("应用")).toBeDisabled();
    fireEvent.click(within(table).getByRole("button", { name: "定位 收支情况!D5" }));
    await waitFor(() => expect(host.selected).toContain("收支情况!D5"));
    fireEvent.click(within(table).getByRole("checkbox", { name: "覆盖 收支情况!D5" }));
    await waitFor(() => expect(button("应用")).toBeEnabled());
    fireEvent.click(button("应用"));
    await waitFor(() => expect(host.cell("收支情况!D5")?.value).toBe(0.9971));
    await ready();
    fireEvent.click(button("撤销"));
    await waitFor(() => expect(host.cell("收支情况!D5")).toEqual({ value: 0.5, numberFormat: "0.00%" }));
  });
});

describe("生成综述 with its gaps", () => {
  test("says how many 【待填写】 remain and 定位 goes to each", async () => {
    const host = testHost();
    renderPane(host);
    await ready();
    fireEvent.click(button("生成综述"));
    const result = await screen.findByTestId("narrative-result");
    expect(within(result).getByText("综述中还有 1 处【待填写】，请补充：")).toBeInTheDocument();
    fireEvent.click(within(result).getByRole("button", { name: "定位 人员编制" }));
    await waitFor(() => expect(host.selected).toContain("绩效自评综述!A3"));
  });

  test("over the real core on 临湘: the sheet says 346.77万元 and 91分, never 346.77元 or 96分", async () => {
    const host = createFakeHost(await readXlsxFile(path.join(ROOT, "examples", "linxiang-2021.xlsx")));
    renderPane(host, { services: createServices() });
    await ready();
    fireEvent.click(button("生成综述"));
    const result = await screen.findByTestId("narrative-result");
    expect(result.textContent).toMatch(/综述中还有 \d+ 处【待填写】/);
    const sheet = host.snapshot().sheets.find((s) => s.name === "评价报告综述");
    const all = Object.values(sheet?.cells ?? {}).map((c) => String(c.value)).join("\n");
    expect(all).toContain("综合得分为91分");
    expect(all).not.toContain("346.77元");
  });
});
