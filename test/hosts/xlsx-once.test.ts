/**
 * Issue 12: a workbook is unzipped once. openXlsx opens the archive once (xlsx-populate is handed the
 * open archive, not the bytes again), and each worksheet and the shared strings are inflated once (the
 * text inflated for the size and damage checks is the text xlsx-populate parses).
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { openXlsx } from "../../src/hosts/xlsx";

const EXAMPLES = ["hefei-2024.xlsx", "chengde-2019-projects.xlsx"].map((f) => path.join(__dirname, "..", "..", "examples", f));

test.each(EXAMPLES.map((f) => [path.basename(f), f]))("%s: one archive read, each large part inflated once", async (_name, file) => {
  const bytes = await fs.readFile(file);
  const probe = await JSZip.loadAsync(bytes);
  const zipObject = Object.getPrototypeOf(probe.file("xl/workbook.xml")) as { internalStream(this: { name: string }, type: string): unknown };
  const inflated = new Map<string, number>();
  const internalStream = zipObject.internalStream;
  const loads: unknown[] = [];
  const realLoad = JSZip.loadAsync.bind(JSZip);
  const load = jest.spyOn(JSZip, "loadAsync").mockImplementation(((data: unknown, options?: JSZip.JSZipLoadOptions) => {
    loads.push(data);
    return realLoad(data as Buffer, options);
  }) as typeof JSZip.loadAsync);
  zipObject.internalStream = function (this: { name: string }, type: string) {
    inflated.set(this.name, (inflated.get(this.name) ?? 0) + 1);
    return internalStream.call(this, type);
  };
  try {
    const host = await openXlsx(file);
    expect((await host.readWorkbook()).ok).toBe(true);
  } finally {
    zipObject.internalStream = internalStream;
    load.mockRestore();
  }
  // The bytes are unzipped once; xlsx-populate's own call receives the archive already open.
  expect(loads.filter((d) => Buffer.isBuffer(d) || d instanceof Uint8Array)).toHaveLength(1);
  expect(loads.every((d) => Buffer.isBuffer(d) || d instanceof JSZip)).toBe(true);
  const large = [...inflated.entries()].filter(([name]) => /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml)$/.test(name));
  expect(large.length).toBeGreaterThan(1);
  expect(large.filter(([, n]) => n !== 1)).toEqual([]);
});
