/**
 * src/hosts/xlsx/unzip.ts, the zip reading of the light reader: the same entries and bytes as fflate's
 * unzipSync (which it replaces on the check path) for every kind of archive — the classic format it walks
 * itself, and zip64 or trailing bytes, which it hands to fflate — and a refusal (an exception, which
 * light.ts turns into the full reader's sentence) for what neither can read.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { unzipSync as fflateUnzip, zipSync, type Zippable } from "fflate";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { limitsFromEnv } from "../../src/hosts/xlsx";
import { lightSnapshot } from "../../src/hosts/xlsx/light";
import { unzipSync, type UnzipFileInfo } from "../../src/hosts/xlsx/unzip";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "linxiang-2021.xlsx");

/** Every entry as both readers list it, and the bytes of each. */
function both(bytes: Uint8Array): { ours: { seen: UnzipFileInfo[]; files: Record<string, Uint8Array> }; theirs: { seen: UnzipFileInfo[]; files: Record<string, Uint8Array> } } {
  const read = (unzip: typeof unzipSync): { seen: UnzipFileInfo[]; files: Record<string, Uint8Array> } => {
    const seen: UnzipFileInfo[] = [];
    const files = unzip(bytes, {
      filter: (info) => {
        seen.push({ ...info });
        return true;
      },
    });
    return { seen, files: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new Uint8Array(v)])) };
  };
  return { ours: read(unzipSync), theirs: read(fflateUnzip) };
}

const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const u64 = (n: number): number[] => [...u32(n), 0, 0, 0, 0];

/** The end-of-central-directory record of a classic archive (no comment): its offset and fields. */
function endRecord(zip: Uint8Array): { at: number; entries: number; size: number; offset: number } {
  const at = zip.length - 22;
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  expect(view.readUInt32LE(at)).toBe(0x06054b50);
  return { at, entries: view.readUInt16LE(at + 10), size: view.readUInt32LE(at + 12), offset: view.readUInt32LE(at + 16) };
}

/**
 * The same archive in zip64 form, as writers that always use zip64 leave it: a zip64 end record and its
 * locator before the classic end record, whose count and offset say "see zip64" (0xffff, 0xffffffff).
 */
function asZip64(zip: Uint8Array): Uint8Array {
  const end = endRecord(zip);
  const zip64End = [...u32(0x06064b50), ...u64(44), 45, 0, 45, 0, ...u32(0), ...u32(0), ...u64(end.entries), ...u64(end.entries), ...u64(end.size), ...u64(end.offset)];
  const locator = [...u32(0x07064b50), ...u32(0), ...u64(end.at), ...u32(1)];
  const classic = [...u32(0x06054b50), 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, ...u32(end.size), ...u32(0xffffffff), 0, 0];
  return Uint8Array.from([...zip.subarray(0, end.at), ...zip64End, ...locator, ...classic]);
}

/** The archive with a comment after its end record (its length in the record). */
function withComment(zip: Uint8Array, comment: string): Uint8Array {
  const out = Uint8Array.from([...zip, ...Buffer.from(comment, "latin1")]);
  out[zip.length - 2] = comment.length & 0xff;
  out[zip.length - 1] = comment.length >>> 8;
  return out;
}

const sample: Zippable = {
  "[Content_Types].xml": [new TextEncoder().encode("<Types/>".repeat(50)), { level: 6 }],
  "xl/stored.xml": [new TextEncoder().encode("<stored>not compressed</stored>"), { level: 0 }],
  "xl/empty.xml": [new Uint8Array(0), { level: 6 }],
  "xl/名字.xml": [new TextEncoder().encode("<a>中文</a>"), { level: 9 }],
};

describe("unzipSync reads what fflate reads", () => {
  it("a real workbook: the same entries, sizes, methods and bytes", () => {
    const { ours, theirs } = both(readFileSync(EXAMPLE));
    expect(ours.seen.length).toBeGreaterThan(5);
    expect(ours).toEqual(theirs);
  });

  it("stored, deflated and empty entries, a UTF-8 name, and an archive comment", () => {
    const zip = zipSync(sample);
    for (const bytes of [zip, withComment(zip, "written by a test")]) {
      const { ours, theirs } = both(bytes);
      expect(ours.seen.map((e) => [e.name, e.compression])).toEqual([
        ["[Content_Types].xml", 8],
        ["xl/stored.xml", 0],
        ["xl/empty.xml", 8],
        ["xl/名字.xml", 8],
      ]);
      expect(ours).toEqual(theirs);
    }
  });

  it("only the entries the filter keeps are inflated", () => {
    const files = unzipSync(zipSync(sample), { filter: (info) => info.name.startsWith("xl/s") });
    expect(Object.keys(files)).toEqual(["xl/stored.xml"]);
    expect(new TextDecoder().decode(files["xl/stored.xml"])).toBe("<stored>not compressed</stored>");
  });

  it("zip64 and bytes after the end record are read too (by fflate)", () => {
    const zip = zipSync(sample);
    const trailing = Uint8Array.from([...zip, 1, 2, 3]);
    for (const bytes of [asZip64(zip), trailing]) {
      const { ours, theirs } = both(bytes);
      expect(ours.seen).toHaveLength(4);
      expect(ours).toEqual(theirs);
    }
  });

  it("a zip64 workbook is read by the light reader, giving the snapshot of the original", () => {
    const original = readFileSync(EXAMPLE);
    const plain = lightSnapshot(original, limitsFromEnv());
    const zip64 = lightSnapshot(asZip64(original), limitsFromEnv());
    expect("snapshot" in plain).toBe(true);
    expect(zip64).toEqual(plain);
    expect(Object.keys((zip64 as { snapshot: WorkbookSnapshot }).snapshot.sheets[0].cells).length).toBeGreaterThan(10);
  });
});

describe("unzipSync refuses what cannot be read", () => {
  const zip = zipSync(sample);

  it("no end record, a broken central directory, a broken local header", () => {
    expect(() => unzipSync(new TextEncoder().encode("not a zip at all, just some text"))).toThrow();
    const end = endRecord(zip);
    const badDirectory = Uint8Array.from(zip);
    badDirectory[end.offset] = 0;
    expect(() => unzipSync(badDirectory)).toThrow(/central directory/);
    const badLocal = Uint8Array.from(zip);
    badLocal[0] = 0;
    expect(() => unzipSync(badLocal)).toThrow(/local header/);
  });

  it("deflated data cut short, or longer than the archive declares", () => {
    const { seen } = both(zip).ours;
    const first = seen[0];
    const damaged = Uint8Array.from(zip);
    // The first entry's data starts after its 30-byte local header and its name (no extra field).
    const start = 30 + Buffer.byteLength(first.name);
    damaged.fill(0xff, start, start + Math.min(8, first.size));
    expect(() => unzipSync(damaged)).toThrow();
    // Declared a third of its real size: zlib stops one byte past it and refuses (fflate would cut it).
    const shrunk = Uint8Array.from(zip);
    Buffer.from(shrunk.buffer).writeUInt32LE(Math.floor(first.originalSize / 3), endRecord(zip).offset + 24);
    expect(() => unzipSync(shrunk)).toThrow(/larger than/);
  });

  it("an encrypted entry or an unknown compression method", () => {
    const central = endRecord(zip).offset;
    const encrypted = Uint8Array.from(zip);
    encrypted[central + 8] |= 1;
    expect(() => unzipSync(encrypted)).toThrow(/encrypted/);
    const method = Uint8Array.from(zip);
    method[central + 10] = 12; // bzip2
    expect(() => unzipSync(method)).toThrow(/compression/);
  });
});
