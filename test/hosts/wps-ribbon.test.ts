/**
 * The WPS entry page's ribbon callbacks against the fake add-in root.
 */
import { createRibbon, RIBBON } from "../../src/hosts/wps/ribbon";
import { wpsHostFromGlobal } from "../../src/hosts/wps";
import { FakeApplication } from "./fakes/et-fake";

function setup() {
  const root = new FakeApplication();
  const alerts: string[] = [];
  const ribbon = createRibbon({ root, pageUrl: "http://intranet.test/jsaddons/jixiao_0.1.0/index.html", alert: (m) => alerts.push(m), confirm: () => true });
  return { root, alerts, ribbon };
}

describe("ribbon callbacks", () => {
  test("the button opens the task pane from the add-in folder, titled 绩效自评助手", () => {
    const { root, ribbon } = setup();
    expect(ribbon.OnAction({ Id: RIBBON.openPane })).toBe(true);
    expect(root.panes).toEqual([expect.objectContaining({ url: "http://intranet.test/jsaddons/jixiao_0.1.0/taskpane/taskpane.html", title: "绩效自评助手", Visible: true })]);
  });

  test("a stale pane id (the pane was closed with its window) opens a new pane instead of failing", () => {
    const { root, ribbon, alerts } = setup();
    root.PluginStorage.setItem(RIBBON.paneKey, 42);
    expect(ribbon.OnAction({ Id: RIBBON.openPane })).toBe(true);
    expect(root.panes).toHaveLength(1);
    expect(root.PluginStorage.getItem(RIBBON.paneKey)).toBe("1");
    expect(alerts).toEqual([]);
  });

  test("a failure to create the pane is told to the clerk, not swallowed", () => {
    const { root, ribbon, alerts } = setup();
    root.CreateTaskPane = () => {
      throw new Error("加载项未受信任");
    };
    expect(ribbon.OnAction({ Id: RIBBON.openPane })).toBe(false);
    expect(alerts[0]).toContain("加载项未受信任");
  });

  test("other controls are not ours; GetImage gives the icon path only for our button", () => {
    const { ribbon, root } = setup();
    expect(ribbon.OnAction({ Id: "FileSave" })).toBe(false);
    expect(root.panes).toHaveLength(0);
    expect(ribbon.GetImage({ Id: RIBBON.openPane })).toBe("images/icon-32.png");
    expect(ribbon.GetImage({ Id: "x" })).toBe("");
  });

  test("OnAddinLoad installs the before-save check once", () => {
    const { root, ribbon } = setup();
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(root.ApiEvent.listeners).toHaveLength(1);
  });
});

describe("wpsHostFromGlobal (the hook detect-host calls)", () => {
  test("builds the WPS host from WPS's Application, and refuses anything else", async () => {
    const host = wpsHostFromGlobal(new FakeApplication());
    expect(host.kind).toBe("wps");
    expect((await host.readWorkbook()).ok).toBe(true);
    expect(() => wpsHostFromGlobal({})).toThrow(TypeError);
    expect(() => wpsHostFromGlobal(undefined)).toThrow(TypeError);
  });
});
