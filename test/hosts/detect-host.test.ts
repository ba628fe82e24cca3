/**
 * detectHost: WPS first, then Excel through Office.onReady; null (never a throw) when neither is there.
 */
import { detectHost } from "../../src/hosts/detect-host";
import type { WorkbookHost } from "../../src/hosts/host";

const fakeHost = (kind: WorkbookHost["kind"]): WorkbookHost => ({ kind }) as unknown as WorkbookHost;

describe("detectHost", () => {
  it("returns null in a plain browser without office.js", async () => {
    await expect(detectHost({ global: {} })).resolves.toBeNull();
  });

  it("prefers WPS when its Application with ActiveWorkbook is there", async () => {
    const app = { ActiveWorkbook: {} };
    const createWpsHost = jest.fn(() => fakeHost("wps"));
    const host = await detectHost({
      global: { Application: app, Office: { onReady: async () => ({ host: "Excel" }) } },
      createWpsHost,
      createExcelHost: () => fakeHost("excel"),
    });
    expect(host?.kind).toBe("wps");
    expect(createWpsHost).toHaveBeenCalledWith(app);
  });

  it("uses Excel when Office reports the Excel host", async () => {
    const host = await detectHost({ global: { Office: { onReady: async () => ({ host: "Excel" }) } }, createExcelHost: () => fakeHost("excel") });
    expect(host?.kind).toBe("excel");
  });

  it("returns null when office.js runs outside Office (host null) or onReady fails or hangs", async () => {
    const make = () => fakeHost("excel");
    await expect(detectHost({ global: { Office: { onReady: async () => ({ host: null }) } }, createExcelHost: make })).resolves.toBeNull();
    await expect(
      detectHost({ global: { Office: { onReady: () => Promise.reject(new Error("boom")) } }, createExcelHost: make }),
    ).resolves.toBeNull();
    await expect(
      detectHost({ global: { Office: { onReady: () => new Promise(() => undefined) } }, createExcelHost: make, officeTimeoutMs: 10 }),
    ).resolves.toBeNull();
  });
});

describe("detectHost with the real WPS adapter", () => {
  it("builds the WPS host from a global Application by default", async () => {
    const host = await detectHost({ global: { Application: { ActiveWorkbook: null } } });
    expect(host?.kind).toBe("wps");
  });
});
