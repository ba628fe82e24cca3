/**
 * scripts/wps-xml.js: WPS's add-in lists (publish.xml, jsplugins.xml) are edited as XML. Other add-ins
 * survive every edit, our entry appears once, and a malformed list is refused with one sentence.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script
const wpsXml = require("../../scripts/wps-xml.js") as {
  upsertEntry(text: string | undefined, entry: Record<string, string>, label?: string): string;
  removeEntry(text: string, name: string, label?: string): { text: string; removed: number };
  entries(doc: Document): Record<string, string>[];
  parseList(text: string, label: string): Document;
};

const OURS = { kind: "jsplugin", name: "jixiao", type: "et", url: "jixiao_0.2.0", version: "0.2.0", enable: "enable" };
const list = (text: string) => wpsXml.entries(wpsXml.parseList(text, "t"));

/** WPS's own layout: declaration, one entry per line. */
const MULTI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <!-- 公文系统 -->
  <jspluginonline name="oa" type="wps" url="http://oa.gov.test/addin/" enable="enable"/>
  <jsplugin name="dingmi" type="wps" url="dingmi_1.0.0" version="1.0.0" enable="enable_dev" install="null"/>
  <jsplugin name="jixiao" type="et" url="jixiao_0.1.0" version="0.1.0" enable="enable"/>
  <jsplugin name="yinzhang" type="et" url="http://intranet/yinzhang.7z" version="3.1"/>
</jsplugins>
`;

describe("upsertEntry", () => {
  test("a one-line publish.xml that already lists another add-in keeps it and gains ours", () => {
    const oneLine = '<jsplugins><jspluginonline name="oa" type="wps" url="http://oa/" enable="enable"/></jsplugins>';
    const out = wpsXml.upsertEntry(oneLine, OURS);
    expect(list(out)).toEqual([
      { kind: "jspluginonline", name: "oa", type: "wps", url: "http://oa/", enable: "enable" },
      OURS,
    ]);
  });

  test("a multi-add-in list: every other entry survives with all its attributes, the comment too; our old entry is replaced", () => {
    const out = wpsXml.upsertEntry(MULTI, OURS);
    const before = list(MULTI).filter((e) => e.name !== "jixiao");
    const after = list(out);
    expect(after.filter((e) => e.name !== "jixiao")).toEqual(before);
    expect(after.filter((e) => e.name === "jixiao")).toEqual([OURS]);
    expect(out).toContain("<!-- 公文系统 -->");
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    // The layout stays one entry per line, ours last.
    expect(out.split("\n").filter((l) => /<jsplugin(online)? /.test(l))).toHaveLength(4);
    expect(out.trimEnd().split("\n").slice(-2)[0]).toBe('  <jsplugin name="jixiao" type="et" url="jixiao_0.2.0" version="0.2.0" enable="enable"/>');
  });

  test("switching to the online mode replaces the offline entry of the same name (one entry per add-in)", () => {
    const online = { kind: "jspluginonline", name: "jixiao", type: "et", url: "http://srv/jixiao_0.2.0/", version: "0.2.0", enable: "enable" };
    const out = wpsXml.upsertEntry(MULTI, online);
    expect(list(out).filter((e) => e.name === "jixiao")).toEqual([online]);
    expect(list(out)).toHaveLength(4);
  });

  test("no file yet, or an empty one: a new list with only our entry", () => {
    for (const text of [undefined, "", "\uFEFF\n"]) expect(list(wpsXml.upsertEntry(text, OURS))).toEqual([OURS]);
  });

  test("a list with a UTF-8 BOM keeps it", () => {
    const out = wpsXml.upsertEntry(`\uFEFF${MULTI}`, OURS);
    expect(out.startsWith("\uFEFF<?xml")).toBe(true);
    expect(list(out)).toHaveLength(4);
  });

  test("running twice gives the same file (idempotent)", () => {
    const once = wpsXml.upsertEntry(MULTI, OURS);
    expect(wpsXml.upsertEntry(once, OURS)).toBe(once);
  });

  test.each([
    ["an unclosed tag", '<jsplugins><jsplugin name="oa" type="wps" url="x"></jsplugins>'],
    ["a truncated file", '<?xml version="1.0"?>\n<jsplugins>\n  <jsplugin name="oa"'],
    ["text that is not XML", "jixiao_0.1.0"],
    ["a duplicated attribute", '<jsplugins><jsplugin name="oa" name="ob"/></jsplugins>'],
  ])("%s is refused with one sentence naming the file", (_what, bad) => {
    let message = "";
    try {
      wpsXml.upsertEntry(bad, OURS, "C:\\Users\\clerk\\AppData\\Roaming\\kingsoft\\wps\\jsaddons\\publish.xml");
    } catch (err) {
      message = (err as Error).message;
      expect((err as Error).name).toBe("WPSListError");
    }
    expect(message).toMatch(/^C:\\Users\\clerk\\.*publish\.xml 不是格式正确的 XML（.+），未作任何修改。$/);
    expect(message.split("\n")).toHaveLength(1);
  });

  test("well-formed XML that is not a <jsplugins> list is refused too", () => {
    expect(() => wpsXml.upsertEntry("<customUI><ribbon/></customUI>", OURS, "publish.xml")).toThrow(
      "publish.xml 的根元素是 <customUI> 而不是 <jsplugins>，不是 WPS 加载项列表，未作任何修改。",
    );
  });
});

describe("removeEntry", () => {
  test("uninstall removes only ours", () => {
    const { text, removed } = wpsXml.removeEntry(MULTI, "jixiao");
    expect(removed).toBe(1);
    expect(list(text).map((e) => e.name)).toEqual(["oa", "dingmi", "yinzhang"]);
    expect(text).not.toMatch(/\n\s*\n/); // no blank line left where ours was
  });
});
