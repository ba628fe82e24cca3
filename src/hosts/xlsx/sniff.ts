/**
 * Tell what kind of file the bytes are before handing them to a zip reader, so that each bad input gets
 * its own clear sentence: a password-protected workbook and a legacy .xls are both OLE compound files
 * (magic D0 CF 11 E0); an .xlsx is a zip (PK\x03\x04) holding xl/workbook.xml.
 */

/** Why a file cannot be read as a workbook. */
export type XlsxProblem =
  | "missing"
  | "directory"
  | "not-regular"
  | "empty"
  | "encrypted"
  | "legacy-xls"
  | "not-xlsx"
  | "corrupt"
  | "too-large"
  | "unsupported";

/** The Chinese sentence (with English in parentheses) for each problem. */
export const PROBLEM_MESSAGES: Readonly<Record<XlsxProblem, string>> = {
  missing: "找不到文件（file not found）",
  directory: "这是一个文件夹，不是工作簿文件（is a directory）",
  "not-regular": "这不是普通文件（管道、设备或套接字），无法作为工作簿读取（not a regular file）",
  empty: "文件是空的，不是 .xlsx 工作簿（empty file）",
  encrypted: "工作簿设置了打开密码，请在 Excel 或 WPS 中取消密码后另存再检查（password-protected workbook）",
  "legacy-xls": "这是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查（legacy .xls format）",
  "not-xlsx": "不是 .xlsx 工作簿文件（not an .xlsx workbook）",
  corrupt: "工作簿文件已损坏，无法读取（corrupt .xlsx file）",
  "too-large": "工作簿过大：请删除空行或拆分后再检查（workbook too large）",
  unsupported: "工作簿中有本工具无法读取的内容，请在 Excel 或 WPS 中另存为普通 .xlsx 后再检查（unsupported workbook content）",
};

/**
 * A workbook that cannot be opened, with a code and a message for people.
 * @param message - a more precise sentence than the problem's default (which part is damaged, how large)
 */
export class XlsxReadError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    readonly detail?: string,
    message?: string,
  ) {
    super(message ?? PROBLEM_MESSAGES[problem]);
    this.name = "XlsxReadError";
  }
}

/** A damaged package: "文件已损坏：缺少 xl/sharedStrings.xml". */
export function corruptPart(part: string, what: "missing" | "unreadable", detail?: string): XlsxReadError {
  const sentence = what === "missing" ? `文件已损坏：缺少 ${part}（corrupt .xlsx file: missing part）` : `文件已损坏：${part} 无法解析（corrupt .xlsx file: malformed part）`;
  return new XlsxReadError("corrupt", detail ?? part, sentence);
}

/** `1048573` → `1 048 573`, as the messages write large counts. */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** A workbook over the read limit: "工作簿过大（约 1 048 573 行）：请删除空行或拆分后再检查". */
export function tooLarge(rows: number, detail: string): XlsxReadError {
  return new XlsxReadError("too-large", detail, `工作簿过大（约 ${groupDigits(rows)} 行）：请删除空行或拆分后再检查（workbook too large）`);
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Encrypted OOXML packages carry an `EncryptionInfo` stream; its directory entry name is UTF-16LE. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * Classify raw bytes. Returns undefined when they look like a zip (the zip reader decides the rest),
 * else the problem.
 */
export function sniff(bytes: Uint8Array): XlsxProblem | undefined {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, CFB_MAGIC)) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO) ? "encrypted" : "legacy-xls";
  }
  if (startsWith(bytes, ZIP_MAGIC)) return undefined;
  // An empty zip archive starts with the end-of-central-directory record.
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "not-xlsx";
  return "not-xlsx";
}
