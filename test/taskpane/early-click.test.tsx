/** @jest-environment jsdom */
/**
 * 检查我的报表 before the engine (and the first read) is there (issue 12): the button is usable as soon
 * as the pane shows; an early click shows that it is working, then checks the workbook as it is at the
 * click — the same findings as a click made once everything has loaded, never the first read's older
 * copy, never 可以导出 before anything was checked. The engine is held back by the `loadEngine` prop
 * (the real chunk is what index.tsx loads); the rules are the real ones unless a test says otherwise.
 */
import "../helpers/jsdom-setup";
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import * as path from "path";
import type { WorkbookHost } from "../../src/hosts/host";
import type { ServicesModule } from "../../src/taskpane/engine";
import * as realEngine from "../../src/taskpane/services";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { createFakeHost, type FakeHost } from "../helpers/fake-host";
import { renderPane, testHost, testServices } from "./pane-fixture";

afterEach(cleanup);

const button = (name: string) => screen.getByRole("button", { name });
const EXAMPLE = path.join(__dirname, "..", "..", "examples", "linxiang-2021.xlsx");

/** An engine load the test lets through when it wants. */
function heldEngine(module: ServicesModule = realEngine): { load: () => Promise<ServicesModule>; release(): Promise<void>; calls: number } {
  let open!: (m: ServicesModule) => void;
  const gate = new Promise<ServicesModule>((resolve) => {
    open = resolve;
  });
  const held = {
    calls: 0,
    load: () => {
      held.calls++;
      return gate;
    },
    release: async () => {
      await act(async () => {
        open(module);
        await gate;
      });
    },
  };
  return held;
}

/** What the clerk reads off a checked pane: the counts, and every finding card's rule, cell and text. */
function shownFindings(): { counts: string; cards: string[] } {
  const counts = screen.getByTestId("summary-counts").textContent ?? "";
  const cards = Array.from(document.querySelectorAll<HTMLElement>("[data-finding-card]")).map(
    (c) => `${c.dataset.rule ?? ""} ${c.querySelector("[data-testid=finding-cell]")?.textContent ?? ""} ${c.textContent ?? ""}`,
  );
  return { counts, cards: cards.sort() };
}

/** Wait for a checked pane with nothing under way. */
async function checked(): Promise<void> {
  await screen.findByTestId("summary-counts", undefined, { timeout: 30_000 });
  await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"), { timeout: 30_000 });
}

describe("检查我的报表 before the engine has loaded", () => {
  test("the button is enabled at the first render, before the engine or the first read is there; a click shows progress, then the findings", async () => {
    const engine = heldEngine();
    const host = createFakeHost(await readXlsxFile(EXAMPLE));
    renderPane(host, { services: undefined, loadEngine: engine.load });
    // At once: enabled, while the engine is still held back.
    expect(engine.calls).toBe(1);
    expect(button("检查我的报表")).toBeEnabled();
    act(() => {
      fireEvent.click(button("检查我的报表"));
    });
    // Working, and saying so; no result (let alone 可以导出) before anything was checked.
    expect(await screen.findByText("正在检查报表…")).toBeInTheDocument();
    expect(button("检查我的报表")).toBeDisabled();
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true");
    expect(screen.queryByTestId("summary-counts")).toBeNull();
    expect(document.body.textContent).not.toContain("可以导出");
    await engine.release();
    await checked();
    expect(document.querySelectorAll("[data-finding-card]").length).toBeGreaterThan(0);
    expect(screen.queryByText("正在检查报表…")).toBeNull();
  });

  test("an early click yields the same findings as a click made once the engine and the first read are done", async () => {
    const snapshot = await readXlsxFile(EXAMPLE);

    const engine = heldEngine();
    renderPane(createFakeHost(snapshot), { services: undefined, loadEngine: engine.load });
    fireEvent.click(button("检查我的报表"));
    await engine.release();
    await checked();
    const early = shownFindings();
    cleanup();

    renderPane(createFakeHost(snapshot), { services: undefined, loadEngine: () => Promise.resolve(realEngine) });
    await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"), { timeout: 30_000 });
    // The first read has mapped the workbook: its identity is on screen before the late click.
    await waitFor(() => expect(document.querySelector('[data-field="jx_report_year"]')?.textContent).toBe("2021"));
    fireEvent.click(button("检查我的报表"));
    await checked();
    const late = shownFindings();

    expect(early.cards.length).toBeGreaterThan(0);
    expect(early).toEqual(late);
  });

  test("a click while the first read is still out checks the workbook as it is at the click; the first read's older copy never shows over it", async () => {
    // The first read is taken at once but answers only when the test says (a slow Excel on the web).
    const fake: FakeHost = testHost();
    let answerFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => {
      answerFirst = resolve;
    });
    let reads = 0;
    const host: WorkbookHost = {
      ...fake,
      capabilities: fake.capabilities,
      readWorkbook: async (options) => {
        const result = fake.readWorkbook(options);
        if (reads++ === 0) await firstHeld;
        return result;
      },
    };
    renderPane(fake, { host, services: testServices() });
    expect(button("检查我的报表")).toBeEnabled();
    // The clerk corrects the unit's name and the 坏 cell in the workbook, then clicks.
    await fake.applyWrites([
      { at: { sheet: "基本情况", address: "B1" }, value: "新测试局" },
      { at: { sheet: "收支情况", address: "C12" }, value: "好" },
    ]);
    fireEvent.click(button("检查我的报表"));
    await screen.findByTestId("summary-counts");
    // The workbook at the click: the corrected cell is no longer a finding.
    expect(screen.getByTestId("summary-counts")).toHaveTextContent("错误 1 · 警告 0 · 提示 1");
    await waitFor(() => expect(document.querySelector('[data-field="jx_unit_name"]')?.textContent).toBe("新测试局"));
    // Now the first read answers, with the workbook as it was before the correction: it is dropped.
    await act(async () => {
      answerFirst();
      await firstHeld;
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(document.querySelector('[data-field="jx_unit_name"]')?.textContent).toBe("新测试局");
    expect(screen.getByTestId("summary-counts")).toHaveTextContent("错误 1 · 警告 0 · 提示 1");
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false");
    expect(reads).toBe(2);
  });

  test("an engine that fails to load: the click says so in one notice, no result, and the next click loads it again", async () => {
    const host = testHost();
    let attempts = 0;
    const load = (): Promise<ServicesModule> => {
      attempts++;
      // The first download fails (a dropped connection); the next one works.
      if (attempts <= 2) return Promise.reject(new Error("ChunkLoadError: Loading chunk engine failed"));
      return Promise.resolve({ createServices: () => testServices() });
    };
    renderPane(host, { services: undefined, loadEngine: load });
    expect(button("检查我的报表")).toBeEnabled();
    await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));
    fireEvent.click(button("检查我的报表"));
    await screen.findByText(/检查程序没有加载成功，请检查网络后再点一次/);
    await waitFor(() => expect(button("检查我的报表")).toBeEnabled());
    expect(screen.queryByTestId("summary-counts")).toBeNull();
    expect(document.body.textContent).not.toContain("可以导出");
    fireEvent.click(button("检查我的报表"));
    await checked();
    expect(screen.getByTestId("summary-counts")).toHaveTextContent("错误 1 · 警告 1 · 提示 1");
    expect(attempts).toBe(3);
  });
});
