import { zhCN } from "../../src/taskpane/strings/zh-CN";
import { en } from "../../src/taskpane/strings/en";
import { format, pseudoLocale } from "../../src/taskpane/strings";

describe("pane strings", () => {
  test("both catalogs are key-sorted and have the same keys", () => {
    const zh = Object.keys(zhCN);
    const e = Object.keys(en);
    expect(zh).toEqual([...zh].sort());
    expect(e).toEqual([...e].sort());
    expect(e).toEqual(zh);
  });

  test("every string is non-empty and uses the same placeholders in both languages", () => {
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(zhCN[key].length).toBeGreaterThan(0);
      expect(en[key].length).toBeGreaterThan(0);
      expect({ key, p: placeholders(en[key]) }).toEqual({ key, p: placeholders(zhCN[key]) });
    }
  });

  test("the button names the e2e test clicks are exactly these in Chinese", () => {
    expect([zhCN.actionCheck, zhCN.actionLocate, zhCN.actionFix, zhCN.actionIgnore, zhCN.actionClearMarks, zhCN.actionFill, zhCN.actionApply, zhCN.actionUndo, zhCN.actionNarrative, zhCN.actionSaveNames]).toEqual([
      "检查我的报表", "定位", "修复", "忽略", "清除标记", "自动计算", "应用", "撤销", "生成综述", "保存识别结果",
    ]);
  });

  test("format fills placeholders and leaves unknown ones visible; pseudoLocale doubles every string", () => {
    expect(format("错误 {{errors}} · 警告 {{warnings}}", { errors: 2, warnings: 0 })).toBe("错误 2 · 警告 0");
    expect(format("{{missing}}", {})).toBe("{{missing}}");
    expect(pseudoLocale(zhCN).actionFix).toBe("修复修复");
  });
});
