/**
 * The zip reading of the light .xlsx reader (light.ts): the subset of fflate's `unzipSync` it uses — list
 * the entries through a filter, inflate the ones it keeps — with Node's own zlib doing the inflating.
 *
 * Why not fflate itself for every workbook (issue 12, the start of `jixiao check`): fflate builds its
 * Huffman and CRC tables when its module loads (≈ 65 000 interpreted loop turns, 8–14 ms of a 0.3 s run)
 * and loads worker_threads for its asynchronous API; its inflate is JavaScript that runs cold in a short
 * process. zlib.inflateRawSync is native, and its module costs little more than the stream modules the
 * launcher already loads. No well-kept library lists a zip from a Buffer synchronously without that kind
 * of start-up: yauzl (MIT) is asynchronous over streams, adm-zip (MIT) parses and sorts every header and
 * loads its writer, encryption and file-system helpers. So the classic format's central directory —
 * the only structure needed to find the parts — is walked here, and anything beyond it goes to fflate:
 * - **Walked here**: one disk, the end-of-central-directory record exactly at the end (after its comment),
 *   no zip64 field, every central and local header with its signature, stored (0) or deflated (8) data.
 * - **fflate, loaded on first need**: everything else that is still a zip (zip64 archives, which some
 *   writers use for any size; an archive with bytes after its comment). Then fflate lists and inflates as
 *   before this file existed.
 * - **Refused (thrown)**: what neither could read, a part inflating to another size than declared (zlib
 *   stops at the declared size plus one byte), an unknown compression method. light.ts treats any throw
 *   as an anomaly and leaves the file to the full reader, which words the refusal.
 * test/hosts/xlsx-light.test.ts compares the light reader, through this file, with the full one on every
 * workbook the tests know and on planted anomalies.
 */
import * as zlib from "zlib";
import type * as Fflate from "fflate";

/** An entry as fflate's `unzipSync` filter sees it. */
export interface UnzipFileInfo {
  /** The entry's name (UTF-8 when the archive says so, else Latin-1: fflate's decoding). */
  readonly name: string;
  /** Compressed size in bytes. */
  readonly size: number;
  /** Size once inflated, as the archive declares it. */
  readonly originalSize: number;
  /** Compression method: 0 stored, 8 deflate. */
  readonly compression: number;
}

export interface UnzipOptions {
  /** Return true to inflate the entry; every entry is offered, in central-directory order. */
  readonly filter?: (info: UnzipFileInfo) => boolean;
}

/** The archive is outside the walked subset: fflate takes it whole. */
class OutsideSubset extends Error {}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const EOCD_SIZE = 22;
/** The longest comment a zip can end with (its length is a 16-bit field). */
const MAX_COMMENT = 0xffff;

let fflate: typeof Fflate | undefined;
/** fflate, loaded the first time an archive needs it (its tables cost every start, see above). */
function loadFflate(): typeof Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fflate ??= require("fflate") as typeof Fflate;
  return fflate;
}

/**
 * Like fflate's `unzipSync(bytes, { filter })`: the entries the filter keeps, by name, inflated.
 * @throws when the archive cannot be read or an entry does not inflate to its declared size
 */
export function unzipSync(bytes: Uint8Array, options: UnzipOptions = {}): Record<string, Uint8Array> {
  try {
    return walk(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
  } catch (err) {
    if (err instanceof OutsideSubset) return loadFflate().unzipSync(bytes, options);
    throw err;
  }
}

function outside(): never {
  throw new OutsideSubset();
}

/** The classic (non-zip64, single-disk) central directory, walked entry by entry. */
function walk(data: Buffer, options: UnzipOptions): Record<string, Uint8Array> {
  // The end record sits right before the archive's comment: find it from the end, as readers do.
  let end = data.length - EOCD_SIZE;
  const lowest = Math.max(0, data.length - EOCD_SIZE - MAX_COMMENT);
  while (end >= lowest && data.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < lowest) outside();
  const disk = data.readUInt16LE(end + 4);
  const directoryDisk = data.readUInt16LE(end + 6);
  const entriesHere = data.readUInt16LE(end + 8);
  const entries = data.readUInt16LE(end + 10);
  const directoryOffset = data.readUInt32LE(end + 16);
  const commentLength = data.readUInt16LE(end + 20);
  // 0xffff / 0xffffffff mean "see the zip64 record"; several disks, or bytes after the comment, are rare
  // enough to leave to fflate.
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entries || entries === 0xffff || directoryOffset === 0xffffffff) outside();
  if (end + EOCD_SIZE + commentLength !== data.length) outside();

  const files: Record<string, Uint8Array> = {};
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > end || data.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error("zip: invalid central directory");
    const flags = data.readUInt16LE(at + 8);
    const compression = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const originalSize = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLen = data.readUInt16LE(at + 32);
    const localOffset = data.readUInt32LE(at + 42);
    if (size === 0xffffffff || originalSize === 0xffffffff || localOffset === 0xffffffff) outside();
    // Bit 0: encrypted. fflate would inflate the ciphertext; refuse it here (the full reader words it).
    if (flags & 1) throw new Error("zip: encrypted entry");
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > end) throw new Error("zip: invalid central directory");
    // Bit 11: the name is UTF-8; otherwise fflate reads it as Latin-1 (code page 437 would be the letter of
    // the format; light.ts accepts printable ASCII names only, the same in all three).
    const name = flags & 0x800 ? data.toString("utf8", at + 46, nameEnd) : data.toString("latin1", at + 46, nameEnd);
    at = nameEnd + extraLength + commentLen;
    const info: UnzipFileInfo = { name, size, originalSize, compression };
    if (options.filter && !options.filter(info)) continue;
    files[name] = entryData(data, localOffset, info);
  }
  return files;
}

/** One entry's bytes: its local header says where the data starts. */
function entryData(data: Buffer, localOffset: number, info: UnzipFileInfo): Uint8Array {
  if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new Error(`zip: invalid local header for ${info.name}`);
  const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
  if (start + info.size > data.length) throw new Error(`zip: ${info.name} is cut short`);
  const raw = data.subarray(start, start + info.size);
  if (info.compression === 0) return new Uint8Array(raw);
  if (info.compression !== 8) throw new Error(`zip: unknown compression type ${info.compression}`);
  // One byte more than declared is allowed so that a larger part is seen (and refused by its size), never
  // more: the declared sizes are what light.ts checks against the byte limit before inflating.
  return zlib.inflateRawSync(raw, { maxOutputLength: info.originalSize + 1 });
}
