/**
 * Before export in WPS: the WorkbookBeforeSave listener against the fake ET (app.save() plays the clerk's
 * 保存: listeners run, then the save happens unless one set ApiEvent.Cancel; app.saveAll() plays 全部保存,
 * one event per open workbook, each passing its own workbook).
 */
import { installBeforeSaveCheck, errorMessage } from "../../src/hosts/wps/before-save";
import { startBeforeSaveCheck } from "../../src/hosts/wps/before-save-entry";
import { createFakeEt } from "./fakes/et-fake";
import { buildWorkbook } from "../helpers/workbook-builder";
import type { Report } from "../../src/core/engine/types";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";

/** A 收入 table whose 汇总 row does not add up: 100 + 50 ≠ 200. */
function brokenIncome(): WorkbookSnapshot {
  return buildWorkbook(
    {
      收支情况: [
        ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"],
        ["汇总", 200, 0, 150, 0, 0, 0],
        ["局机关", 100, 0, 100, 0, 0, 0],
        ["二级机构1", 50, 0, 50, 0, 0, 0],
      ],
    },
    { names: { jx_income: "收支情况!$A$1:$G$4" } },
  );
}

function fakeReport(errors: number): Report {
  const finding = (i: number) => ({
    ruleId: "total-matches-parts",
    messageId: "summaryRow",
    message: `第 ${i} 处不相符`,
    severity: "error" as const,
    sheet: "收支情况",
    ref: `B${i + 1}`,
    row: i + 1,
    col: 2,
    data: {},
  });
  return {
    valid: errors === 0,
    stats: { rules: 1, findings: errors, errors, warnings: 0, infos: 0, ms: 0 },
    ruleResults: [],
    findings: Array.from({ length: errors }, (_x, i) => finding(i + 1)),
    meta: { engineVersion: "t", host: "wps", ranAt: "", preset: "recommended", profile: "national" },
  };
}

describe("WorkbookBeforeSave", () => {
  test("a workbook with errors: the clerk is told, and the save goes on", () => {
    const app = createFakeEt(brokenIncome());
    const told: string[] = [];
    const listener = installBeforeSaveCheck(app.ApiEvent, app, { notify: (m) => told.push(m) });
    expect(app.save()).toEqual({ saved: true });
    expect(listener.last()).toBe("warned");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^“自评表\.xlsx”本表还有 \d+ 处错误/);
    expect(told[0]).toContain("收支情况!B2");
    expect(told[0]).toContain("已照常保存");
  });

  test("另存为 (export) with ask: the clerk who chooses 取消 cancels this save, 确定 saves", () => {
    const app = createFakeEt(brokenIncome());
    let answer = false;
    const asked: string[] = [];
    installBeforeSaveCheck(app.ApiEvent, app, { notify: () => undefined, ask: (m) => (asked.push(m), answer) });
    expect(app.save(true)).toEqual({ saved: false });
    answer = true;
    expect(app.save(true)).toEqual({ saved: true });
    expect(asked).toHaveLength(2);
    expect(asked[0]).toContain("仍要保存吗");
  });

  test("a plain save is never cancelled, and the same errors are not repeated at every save", () => {
    const app = createFakeEt(brokenIncome());
    const told: string[] = [];
    installBeforeSaveCheck(app.ApiEvent, app, { notify: (m) => told.push(m), ask: () => false });
    expect(app.save()).toEqual({ saved: true });
    expect(app.save()).toEqual({ saved: true });
    expect(told).toHaveLength(1);
    // A new error is news: tell again.
    app.workbook!.sheet("收支情况")!.ensure(4, 2).value = 70;
    expect(app.save()).toEqual({ saved: true });
    expect(told).toHaveLength(2);
  });

  test("a clean report says nothing and saves", () => {
    const app = createFakeEt(brokenIncome());
    const told: string[] = [];
    const reports: Report[] = [];
    const l = installBeforeSaveCheck(app.ApiEvent, app, { notify: (m) => told.push(m), check: () => fakeReport(0), onReport: (r) => reports.push(r) });
    expect(app.save()).toEqual({ saved: true });
    expect(told).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(l.last()).toBe("clean");
  });

  test("a workbook that is not a self-evaluation is not checked", () => {
    const app = createFakeEt(buildWorkbook({ Sheet1: [["姓名", "电话"], ["张三", "123"]] }));
    const told: string[] = [];
    const l = installBeforeSaveCheck(app.ApiEvent, app, { notify: (m) => told.push(m) });
    expect(app.save()).toEqual({ saved: true });
    expect(told).toEqual([]);
    expect(l.last()).toBe("not-a-report");
  });

  test("a crashing check never blocks the save, and says nothing was checked", () => {
    const app = createFakeEt(brokenIncome());
    const told: string[] = [];
    installBeforeSaveCheck(app.ApiEvent, app, {
      notify: (m) => told.push(m),
      ask: () => false,
      check: () => {
        throw new Error("boom");
      },
    });
    expect(app.save()).toEqual({ saved: true });
    expect(told[0]).toContain("未能检查");
  });

  test("remove() stops listening", () => {
    const app = createFakeEt(brokenIncome());
    const told: string[] = [];
    const l = installBeforeSaveCheck(app.ApiEvent, app, { notify: (m) => told.push(m) });
    l.remove();
    app.save();
    expect(told).toEqual([]);
  });

  test("全部保存 (Save All) checks each saved workbook, not the active one each time", () => {
    // The active workbook is an unrelated list; the self-evaluation is open in the background.
    const app = createFakeEt(buildWorkbook({ Sheet1: [["姓名", "电话"], ["张三", "123"]] }));
    app.openWorkbook(brokenIncome(), "局机关自评表.xlsx");
    const told: string[] = [];
    const l = installBeforeSaveCheck(app.ApiEvent, app, { notify: (m) => told.push(m) });
    expect(app.saveAll()).toEqual([
      { name: "自评表.xlsx", saved: true },
      { name: "局机关自评表.xlsx", saved: true },
    ]);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^“局机关自评表\.xlsx”本表还有 \d+ 处错误/);
    expect(told[0]).toContain("收支情况!B2");
    expect(l.last()).toBe("warned");
    expect(app.ActiveWorkbook.Name).toBe("自评表.xlsx");
  });

  test("全部保存 with two broken workbooks tells about each, once per workbook", () => {
    const app = createFakeEt(brokenIncome());
    app.openWorkbook(brokenIncome(), "二级机构自评表.xlsx");
    const told: string[] = [];
    installBeforeSaveCheck(app.ApiEvent, app, { notify: (m) => told.push(m) });
    app.saveAll();
    expect(told.map((m) => m.slice(0, m.indexOf("”") + 1))).toEqual(["“自评表.xlsx”", "“二级机构自评表.xlsx”"]);
    // Saving all again with the same errors repeats nothing.
    app.saveAll();
    expect(told).toHaveLength(2);
  });

  test("the message lists the first five errors and counts the rest", () => {
    const m = errorMessage(fakeReport(7))!;
    expect(m.split("\n").filter((l) => /^\d\. /.test(l))).toHaveLength(5);
    expect(m).toContain("等共 7 处");
    expect(errorMessage(fakeReport(0))).toBeUndefined();
  });
});

describe("startBeforeSaveCheck (the entry)", () => {
  test("starts one listener per application, with the page's alert and confirm", () => {
    const app = createFakeEt(brokenIncome());
    const alerts: string[] = [];
    const first = startBeforeSaveCheck(app, { alert: (m) => alerts.push(m), confirm: () => false });
    expect(startBeforeSaveCheck(app, { alert: (m) => alerts.push(m) })).toBe(first);
    expect(app.ApiEvent.listeners).toHaveLength(1);
    expect(app.save(true)).toEqual({ saved: false }); // 另存为 asks; the clerk chose 取消
    expect(app.save()).toEqual({ saved: true });
    expect(alerts).toHaveLength(1);
    first.remove();
    expect(app.ApiEvent.listeners).toHaveLength(0);
  });
});
