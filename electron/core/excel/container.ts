/**
 * The container check that runs before any parser (exceljs) sees an imported workbook.
 *
 * Workbooks arrive from outside the office (the province, other districts, e-mail), so this is a security
 * boundary as much as a courtesy: anything that is not a plain, safe OOXML workbook is refused here with a
 * Vietnamese message that says what the file is and how to fix it — a password-protected or 97-2003 workbook,
 * an HTML/CSV/PDF file renamed to .xls, a half-downloaded file, a Word or OpenDocument file, a zip bomb, XML with
 * DTDs (XXE, "billion laughs"), path-traversal or duplicate part names.
 *
 * The zip reading is written by hand and deliberately strict: the End of Central Directory record must end the
 * file exactly, the central directory must fill exactly the bytes it claims, every entry's local header must be
 * where the directory says and agree with it, entries must not overlap, and every entry is actually inflated
 * under hard output caps and checked against its CRC-32 — declared sizes are only used to refuse early, never to
 * let anything through. ZIP64 is refused: a workbook under the file-size limit never needs it.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import type { ErrorCode } from '../../../shared/api/result';
import { CoreError } from '../errors';

export interface ContainerLimits {
  /** Size of the file itself. */
  maxFileBytes: number;
  /** Number of entries (parts and folders) in the zip. */
  maxEntries: number;
  /** Uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio, for entries over RATIO_APPLIES_ABOVE_BYTES uncompressed. */
  maxRatio: number;
}

const MIB = 1024 * 1024;

/**
 * Province workbooks are a few MB; 60 MB leaves room for embedded logos and scans while bounding what is read
 * into memory. 2 000 parts is several times a 100-sheet workbook with drawings and comments. 300 MB for one
 * sheet's XML is about a million filled rows — beyond what exceljs can load on an office PC anyway — and 600 MB in
 * all bounds the work of inflating. Real sheet XML compresses 5–50:1 (very repetitive sheets approach 100:1);
 * deflate tops out near 1 030:1, so 200:1 on parts over 1 MB refuses bombs without refusing real data.
 */
export const DEFAULT_CONTAINER_LIMITS: ContainerLimits = Object.freeze({
  maxFileBytes: 60 * MIB,
  maxEntries: 2_000,
  maxEntryBytes: 300 * MIB,
  maxTotalBytes: 600 * MIB,
  maxRatio: 200,
});

/** Small parts (styles, empty sheets) legitimately compress far beyond any ratio; only big parts can hurt. */
const RATIO_APPLIES_ABOVE_BYTES = MIB;

export interface ContainerReport {
  /** Entries in the zip's central directory (parts and folder entries). */
  entries: number;
  /** Sum of the actually inflated sizes of all entries. */
  uncompressedBytes: number;
  /** The xl/worksheets/*.xml parts, in natural order (sheet2 before sheet10). */
  sheetParts: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Errors: every message starts with 'Tệp "<name>"' and says what to do.

interface Inspection {
  buf: Buffer;
  fileName: string;
  limits: ContainerLimits;
}

function refuse(ctx: Pick<Inspection, 'fileName'>, code: ErrorCode, text: string, details: Record<string, unknown> = {}): CoreError {
  return new CoreError(code, `Tệp "${ctx.fileName}" ${text}`, { fileName: ctx.fileName, ...details });
}

const SAVE_AS_XLSX = 'Hãy mở tệp bằng Excel, chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx), rồi nhập tệp .xlsx vừa lưu.';
const ASK_AGAIN = 'Hãy tải lại tệp hoặc xin bên gửi gửi lại, rồi nhập lại.';
const UNPACK = 'Hãy giải nén rồi nhập tệp .xlsx ở bên trong.';
const PICK_XLSX = 'Hãy chọn đúng tệp Excel (.xlsx) chứa số liệu cần nhập.';

/** "61,2 MB" (Vietnamese decimal comma); small test limits show in KB. */
const formatMb = (bytes: number) =>
  bytes < MIB ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MIB).toFixed(1).replace('.', ',').replace(/,0$/, '')} MB`;

/** A part name as shown in a message: control characters made visible, very long names shortened. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible;
}

const truncated = (ctx: Inspection, why: string, details: Record<string, unknown> = {}) =>
  refuse(ctx, 'IMPORT_TRUNCATED', `bị hỏng hoặc chưa được tải về hết (${why}). ${ASK_AGAIN}`, details);

const encryptedWorkbook = (ctx: Inspection) =>
  refuse(
    ctx,
    'IMPORT_ENCRYPTED',
    'được đặt mật khẩu. Hãy mở tệp trong Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và nhập lại.',
    { container: 'cfb' },
  );

/** A zip entry encrypted by a zip tool (not Excel's own password, which makes a CFB file). */
const encryptedEntry = (ctx: Inspection, name: string) =>
  refuse(
    ctx,
    'IMPORT_ENCRYPTED',
    `có phần "${name}" bị mã hoá (nén kèm mật khẩu). Hãy mở tệp trong Excel bằng mật khẩu, lưu lại thành .xlsx không đặt mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi nhập lại.`,
    { entry: name, container: 'zip' },
  );

const zip64 = (ctx: Inspection, details: Record<string, unknown> = {}) =>
  refuse(
    ctx,
    'IMPORT_NOT_WORKBOOK',
    `được nén theo kiểu ZIP64 (dành cho tệp nén trên 4 GB), phần mềm không nhận kiểu này; một sổ làm việc dưới ${formatMb(ctx.limits.maxFileBytes)} không cần đến nó. ${SAVE_AS_XLSX}`,
    { reason: 'zip64', ...details },
  );

const unsafe = (ctx: Inspection, text: string, details: Record<string, unknown>) =>
  refuse(ctx, 'IMPORT_UNSAFE_CONTENT', `${text} Phần mềm không mở tệp này để bảo vệ máy; hãy xin bên gửi gửi lại tệp được lưu trực tiếp từ Excel.`, details);

function checkFileSize(ctx: Inspection, size: number): void {
  if (size === 0) throw refuse(ctx, 'IMPORT_EMPTY', 'trống (0 byte). Hãy kiểm tra lại tệp đã nhận hoặc xin bên gửi gửi lại.', { size });
  if (size > ctx.limits.maxFileBytes) {
    throw refuse(
      ctx,
      'IMPORT_TOO_LARGE',
      `quá lớn (${formatMb(size)}; tối đa ${formatMb(ctx.limits.maxFileBytes)}). Hãy xoá bớt trang tính, hình ảnh không cần thiết rồi lưu lại, hoặc tách số liệu thành nhiều tệp nhỏ hơn.`,
      { size, limit: ctx.limits.maxFileBytes },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Not a zip: name what it looks like.

const startsWith = (buf: Buffer, magic: Buffer) => buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic);
const latin1 = (text: string) => Buffer.from(text, 'latin1');

const CFB_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** A zip starts with a local header, or an EOCD record when empty, or a split-archive marker. */
const ZIP_MAGICS = ['PK\x03\x04', 'PK\x05\x06', 'PK\x07\x08'].map(latin1);

/** What a non-zip file looks like: a stable `kind` for details, the Vietnamese `what` and the fix. */
interface Lookalike {
  kind: string;
  what: string;
  advice: string;
}

const KNOWN_MAGIC: (Lookalike & { magic: Buffer })[] = [
  { magic: latin1('%PDF-'), kind: 'pdf', what: 'tài liệu PDF', advice: 'Không thể lấy số liệu từ PDF; hãy xin bên gửi tệp Excel gốc (.xlsx).' },
  { magic: latin1('Rar!\x1a\x07'), kind: 'rar', what: 'tệp nén RAR', advice: UNPACK },
  { magic: latin1('7z\xbc\xaf\x27\x1c'), kind: '7z', what: 'tệp nén 7-Zip', advice: UNPACK },
  { magic: latin1('\x1f\x8b'), kind: 'gzip', what: 'tệp nén gzip', advice: UNPACK },
];

/** The first few KB as text, or null when they hold control bytes that no text file has. */
function textHead(buf: Buffer): string | null {
  const sample = buf.subarray(0, 4096);
  let text: string;
  // Excel's "Unicode Text" export is UTF-16LE with a byte order mark.
  if (sample[0] === 0xff && sample[1] === 0xfe) text = sample.toString('utf16le', 2, sample.length - (sample.length % 2));
  else if (sample[0] === 0xfe && sample[1] === 0xff) text = swapped(sample.subarray(2)).toString('utf16le');
  else text = sample.toString('latin1').replace(/^\xef\xbb\xbf/, '');
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000e-\u001f]/.test(text) ? null : text;
}

/** A byte-swapped copy (UTF-16BE → UTF-16LE), dropping an odd last byte. */
function swapped(bytes: Buffer): Buffer {
  return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16();
}

function describeNonZip(buf: Buffer): Lookalike | null {
  const known = KNOWN_MAGIC.find((k) => startsWith(buf, k.magic));
  if (known) return known;
  const head = textHead(buf)?.trimStart().toLowerCase();
  if (head === undefined) return null;
  if (/<html|<!doctype html|<table|<body|<meta/.test(head)) {
    return { kind: 'html', what: 'một trang web (HTML) mang đuôi Excel, thường do phần mềm khác xuất ra', advice: SAVE_AS_XLSX };
  }
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return { kind: 'xml-spreadsheet-2003', what: 'bảng tính XML 2003 (XML Spreadsheet)', advice: SAVE_AS_XLSX };
  }
  if (head.startsWith('mime-version:')) return { kind: 'mht', what: 'một trang web lưu thành một tệp (MHT)', advice: SAVE_AS_XLSX };
  if (head.startsWith('<')) return { kind: 'xml', what: 'một tệp XML', advice: PICK_XLSX };
  return { kind: 'text', what: 'văn bản thuần (CSV hoặc TXT)', advice: SAVE_AS_XLSX };
}

function refuseNonZip(ctx: Inspection): CoreError {
  const described = describeNonZip(ctx.buf);
  if (!described) {
    return refuse(
      ctx,
      'IMPORT_NOT_WORKBOOK',
      'không phải sổ làm việc Excel (.xlsx) và không nhận ra định dạng của nó. Hãy thử mở bằng Excel: nếu mở được, lưu thành .xlsx (Sổ làm việc Excel) rồi nhập lại; nếu không, xin bên gửi gửi lại tệp.',
      { looksLike: 'unknown' },
    );
  }
  return refuse(ctx, 'IMPORT_NOT_WORKBOOK', `không phải sổ làm việc Excel (.xlsx): nội dung là ${described.what}. ${described.advice}`, {
    looksLike: described.kind,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// OLE2 / Compound File Binary: an encrypted OOXML workbook, or a 97-2003 .xls (or .doc).

const CFB_HEADER_BYTES = 512;
const CFB_DIRECTORY_ENTRY_BYTES = 128;
const CFB_MARKERS = new Set(['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book', 'WordDocument', 'PowerPoint Document']);

/**
 * The name of the CFB directory entry at `at`, or null when the 128 bytes there do not look like one
 * (name length even and ≤ 64 with a terminating NUL, type storage/stream/root, colour red/black).
 */
function cfbEntryName(buf: Buffer, at: number): string | null {
  const nameBytes = buf.readUInt16LE(at + 64);
  const type = buf[at + 66];
  const colour = buf[at + 67] ?? 2;
  if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) return null;
  if ((type !== 1 && type !== 2 && type !== 5) || colour > 1) return null;
  if (buf.readUInt16LE(at + nameBytes - 2) !== 0) return null;
  return buf.toString('utf16le', at, at + nameBytes - 2);
}

/**
 * The marker stream names present in a CFB file. Directory entries sit on 128-byte boundaries after the header
 * (sectors are 512 or 4 096 bytes), so a scan of those records finds them without following the FAT chains.
 */
function cfbMarkers(buf: Buffer): Set<string> {
  const found = new Set<string>();
  for (let at = CFB_HEADER_BYTES; at + CFB_DIRECTORY_ENTRY_BYTES <= buf.length; at += CFB_DIRECTORY_ENTRY_BYTES) {
    const name = cfbEntryName(buf, at);
    if (name !== null && CFB_MARKERS.has(name)) found.add(name);
  }
  return found;
}

function refuseCfb(ctx: Inspection): CoreError {
  const markers = cfbMarkers(ctx.buf);
  if (markers.has('EncryptionInfo') || markers.has('EncryptedPackage')) return encryptedWorkbook(ctx);
  if (markers.has('WordDocument') || markers.has('PowerPoint Document')) {
    const word = markers.has('WordDocument');
    const what = word ? 'tài liệu Word 97-2003 (.doc)' : 'bản trình chiếu PowerPoint 97-2003 (.ppt)';
    return refuse(ctx, 'IMPORT_NOT_WORKBOOK', `là ${what}, không phải sổ làm việc Excel. ${PICK_XLSX}`, { looksLike: word ? 'doc' : 'ppt' });
  }
  return refuse(
    ctx,
    'IMPORT_LEGACY_XLS',
    'là định dạng Excel 97-2003 (.xls). Hãy mở trong Excel và lưu thành .xlsx (Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx)), rồi nhập tệp .xlsx vừa lưu.',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Zip structure: End of Central Directory, central directory entries, local headers.

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const ZIP64_LOCATOR_BYTES = 20;
const MAX_COMMENT_BYTES = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_MASKED_HEADERS = 0x2000;
const ANY_ENCRYPTION = FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS;

const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;

interface EndRecord {
  at: number;
  entryCount: number;
  directoryOffset: number;
  directorySize: number;
}

interface CentralEntry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

interface LocatedEntry extends CentralEntry {
  dataStart: number;
  dataEnd: number;
}

/**
 * The EOCD record: searched backwards over the largest possible comment, and accepted only where its comment
 * ends the file exactly — a truncated file, or a stray signature inside compressed data, does not qualify.
 */
function findEndRecord(ctx: Inspection): number {
  const { buf } = ctx;
  const lowest = Math.max(0, buf.length - EOCD_BYTES - MAX_COMMENT_BYTES);
  for (let at = buf.length - EOCD_BYTES; at >= lowest; at--) {
    if (buf.readUInt32LE(at) === SIG_EOCD && at + EOCD_BYTES + buf.readUInt16LE(at + 20) === buf.length) return at;
  }
  throw truncated(ctx, 'không thấy phần mục lục ở cuối tệp', { reason: 'no-end-record' });
}

function readEndRecord(ctx: Inspection): EndRecord {
  const { buf, limits } = ctx;
  const at = findEndRecord(ctx);
  const disk = buf.readUInt16LE(at + 4);
  const directoryDisk = buf.readUInt16LE(at + 6);
  const entriesOnDisk = buf.readUInt16LE(at + 8);
  const entryCount = buf.readUInt16LE(at + 10);
  const directorySize = buf.readUInt32LE(at + 12);
  const directoryOffset = buf.readUInt32LE(at + 16);
  if (entryCount === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX) throw zip64(ctx);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw refuse(ctx, 'IMPORT_NOT_WORKBOOK', `là một phần của tệp nén chia thành nhiều tập, không phải sổ làm việc Excel. ${PICK_XLSX}`, {
      reason: 'multi-disk',
    });
  }
  if (entryCount > limits.maxEntries) {
    throw refuse(
      ctx,
      'IMPORT_TOO_LARGE',
      `có quá nhiều phần bên trong (${entryCount}; tối đa ${limits.maxEntries}) — sổ làm việc bình thường không có nhiều như vậy. Hãy mở trong Excel, xoá các trang tính thừa rồi lưu lại; nếu không rõ nguồn gốc tệp, đừng mở nó.`,
      { entries: entryCount, limit: limits.maxEntries },
    );
  }
  if (directoryOffset + directorySize !== at) {
    // The ZIP64 locator sits between the directory and the EOCD record; anything else there is damage.
    if (at >= ZIP64_LOCATOR_BYTES && buf.readUInt32LE(at - ZIP64_LOCATOR_BYTES) === SIG_ZIP64_LOCATOR) throw zip64(ctx);
    throw truncated(ctx, 'phần mục lục không khớp với vị trí của nó', { reason: 'directory-mismatch', directoryOffset, directorySize, endRecord: at });
  }
  return { at, entryCount, directoryOffset, directorySize };
}

/** Names are UTF-8 when flagged, else CP437; OOXML part names are ASCII, so latin1 shows them faithfully enough. */
const decodeName = (bytes: Buffer, flags: number) => bytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');

function readCentralEntry(ctx: Inspection, at: number, end: number, index: number): { entry: CentralEntry; next: number } {
  const { buf } = ctx;
  if (at + CENTRAL_BYTES > end || buf.readUInt32LE(at) !== SIG_CENTRAL) {
    throw truncated(ctx, `mục lục bị cắt ở mục thứ ${index + 1}`, { reason: 'directory-cut', index });
  }
  const nameLength = buf.readUInt16LE(at + 28);
  const next = at + CENTRAL_BYTES + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  if (next > end) throw truncated(ctx, `mục lục bị cắt ở mục thứ ${index + 1}`, { reason: 'directory-cut', index });
  const flags = buf.readUInt16LE(at + 8);
  const nameBytes = buf.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength);
  const entry: CentralEntry = {
    name: decodeName(nameBytes, flags),
    nameBytes,
    flags,
    method: buf.readUInt16LE(at + 10),
    crc: buf.readUInt32LE(at + 16),
    compressedSize: buf.readUInt32LE(at + 20),
    uncompressedSize: buf.readUInt32LE(at + 24),
    localOffset: buf.readUInt32LE(at + 42),
  };
  const diskStart = buf.readUInt16LE(at + 34);
  if (entry.compressedSize === U32_MAX || entry.uncompressedSize === U32_MAX || entry.localOffset === U32_MAX || diskStart === U16_MAX) {
    throw zip64(ctx, { entry: shown(entry.name) });
  }
  if (diskStart !== 0) throw truncated(ctx, `phần "${shown(entry.name)}" ghi ở một tập khác`, { reason: 'multi-disk', entry: shown(entry.name) });
  return { entry, next };
}

/** Exactly entryCount entries that fill the directory's bytes exactly. */
function readCentralDirectory(ctx: Inspection, end: EndRecord): CentralEntry[] {
  const entries: CentralEntry[] = [];
  const stop = end.directoryOffset + end.directorySize;
  let at = end.directoryOffset;
  for (let index = 0; index < end.entryCount; index++) {
    const read = readCentralEntry(ctx, at, stop, index);
    entries.push(read.entry);
    at = read.next;
  }
  if (at !== stop) throw truncated(ctx, 'mục lục có dữ liệu thừa', { reason: 'directory-slack' });
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Names and kind.

/** Why a part name is unsafe to hand to a parser that may map names to paths, or null when it is fine. */
function unsafeNameProblem(name: string): string | null {
  if (name.length === 0) return 'không có tên';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'có ký tự điều khiển trong tên';
  if (/^[/\\]/.test(name) || /^[a-z]:/i.test(name)) return 'là đường dẫn tuyệt đối';
  if (name.split(/[/\\]/).some((segment) => segment === '..')) return 'có ".." trỏ ra ngoài tệp';
  return null;
}

function checkNames(ctx: Inspection, entries: CentralEntry[]): void {
  // OPC part names compare case-insensitively, so "XL/Workbook.xml" duplicates "xl/workbook.xml".
  const seen = new Set<string>();
  for (const entry of entries) {
    const problem = unsafeNameProblem(entry.name);
    if (problem) {
      throw unsafe(ctx, `có phần mang tên không hợp lệ "${shown(entry.name)}" (${problem}).`, { entry: shown(entry.name), reason: 'unsafe-name' });
    }
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw unsafe(ctx, `có hai phần cùng tên "${shown(entry.name)}".`, { entry: shown(entry.name), reason: 'duplicate-name' });
    seen.add(key);
  }
}

type EntryIndex = Map<string, CentralEntry>;

/** The mimetype entry of an OpenDocument file (a few dozen bytes), or '' when it cannot be read. */
function readMimetype(ctx: Inspection, entry: CentralEntry, directoryOffset: number): string {
  try {
    const located = locateEntry(ctx, entry, directoryOffset);
    const small: Inspection = { ...ctx, limits: { ...ctx.limits, maxEntryBytes: 256, maxTotalBytes: 256 } };
    return inflateEntry(small, located, 0).toString('latin1');
  } catch {
    return '';
  }
}

function describeZip(ctx: Inspection, index: EntryIndex, directoryOffset: number): { text: string; looksLike: string } {
  const not = 'không phải sổ làm việc Excel (.xlsx).';
  if (index.size === 0) return { text: `là một tệp nén rỗng, ${not} ${ASK_AGAIN}`, looksLike: 'empty-zip' };
  if (index.has('xl/workbook.bin')) return { text: `là sổ làm việc Excel nhị phân (.xlsb), ${not} ${SAVE_AS_XLSX}`, looksLike: 'xlsb' };
  if (index.has('xl/workbook.xml')) {
    return { text: `thiếu phần [Content_Types].xml nên ${not} ${SAVE_AS_XLSX}`, looksLike: 'xlsx-without-content-types' };
  }
  if (index.has('word/document.xml')) return { text: `là tài liệu Word (.docx), ${not} ${PICK_XLSX}`, looksLike: 'docx' };
  if (index.has('ppt/presentation.xml')) return { text: `là bản trình chiếu PowerPoint (.pptx), ${not} ${PICK_XLSX}`, looksLike: 'pptx' };
  const mimetype = index.get('mimetype');
  if (mimetype) {
    const type = readMimetype(ctx, mimetype, directoryOffset);
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
      return {
        text: `là bảng tính OpenDocument (.ods), ${not} Hãy mở bằng Excel hoặc LibreOffice Calc, lưu thành .xlsx (Sổ làm việc Excel) rồi nhập lại.`,
        looksLike: 'ods',
      };
    }
    if (type.startsWith('application/vnd.oasis.opendocument')) return { text: `là tài liệu OpenDocument, ${not} ${PICK_XLSX}`, looksLike: 'opendocument' };
  }
  const inner = [...index.values()].find((entry) => /\.xls[xm]$/i.test(entry.name));
  if (inner) return { text: `là tệp nén chứa "${shown(inner.name)}", ${not} ${UNPACK}`, looksLike: 'zip-with-workbook' };
  return { text: `là một tệp nén (.zip), ${not} ${PICK_XLSX}`, looksLike: 'zip' };
}

function checkIsWorkbook(ctx: Inspection, entries: CentralEntry[], directoryOffset: number): void {
  const index: EntryIndex = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  // The workbook part is where the package's relationships say; xl/workbook.xml is only the usual place.
  if (index.has('[content_types].xml') && [...index.keys()].some((name) => /(^|\/)workbook\.xml$/.test(name))) return;
  const { text, looksLike } = describeZip(ctx, index, directoryOffset);
  throw refuse(ctx, 'IMPORT_NOT_WORKBOOK', text, { looksLike });
}

function checkFlagsAndMethods(ctx: Inspection, entries: CentralEntry[]): void {
  for (const entry of entries) {
    if (entry.flags & ANY_ENCRYPTION) throw encryptedEntry(ctx, shown(entry.name));
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) {
      throw refuse(
        ctx,
        'IMPORT_NOT_WORKBOOK',
        `có phần "${shown(entry.name)}" được nén theo kiểu không hỗ trợ (mã ${entry.method}); Excel không tạo ra kiểu này. ${SAVE_AS_XLSX}`,
        { entry: shown(entry.name), method: entry.method },
      );
    }
  }
}

const tooLargeEntry = (ctx: Inspection, entry: CentralEntry) =>
  refuse(
    ctx,
    'IMPORT_TOO_LARGE',
    `có phần "${shown(entry.name)}" khi giải nén lớn hơn ${formatMb(ctx.limits.maxEntryBytes)} — quá lớn để nhập. Hãy tách số liệu thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`,
    { entry: shown(entry.name), limit: ctx.limits.maxEntryBytes, reason: 'entry' },
  );

const tooLargeTotal = (ctx: Inspection, entry: CentralEntry) =>
  refuse(
    ctx,
    'IMPORT_TOO_LARGE',
    `khi giải nén lớn hơn ${formatMb(ctx.limits.maxTotalBytes)} — quá lớn để nhập. Hãy xoá bớt trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp.`,
    { entry: shown(entry.name), limit: ctx.limits.maxTotalBytes, reason: 'total' },
  );

const suspiciousRatio = (ctx: Inspection, entry: CentralEntry) =>
  refuse(
    ctx,
    'IMPORT_TOO_LARGE',
    `có phần "${shown(entry.name)}" nén với tỉ lệ bất thường (hơn ${ctx.limits.maxRatio}:1) — dấu hiệu tệp độc hại ("bom nén"). Phần mềm không mở tệp này; hãy xin bên gửi gửi lại tệp được lưu trực tiếp từ Excel.`,
    { entry: shown(entry.name), limit: ctx.limits.maxRatio, reason: 'ratio' },
  );

/** Refuses early on what the directory declares; the inflation below enforces the same limits on real sizes. */
function checkDeclaredSizes(ctx: Inspection, entries: CentralEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > ctx.limits.maxEntryBytes) throw tooLargeEntry(ctx, entry);
    total += entry.uncompressedSize;
    if (total > ctx.limits.maxTotalBytes) throw tooLargeTotal(ctx, entry);
    if (entry.uncompressedSize > RATIO_APPLIES_ABOVE_BYTES && entry.uncompressedSize > Math.max(1, entry.compressedSize) * ctx.limits.maxRatio) {
      throw suspiciousRatio(ctx, entry);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Local headers and data.

/** Where an entry's data lies, from the directory's offset, after checking the local header agrees. */
function locateEntry(ctx: Inspection, entry: CentralEntry, directoryOffset: number): LocatedEntry {
  const { buf } = ctx;
  const at = entry.localOffset;
  const name = shown(entry.name);
  if (at + LOCAL_BYTES > directoryOffset || buf.readUInt32LE(at) !== SIG_LOCAL) {
    throw truncated(ctx, `không thấy phần "${name}" ở vị trí mục lục ghi`, { reason: 'local-header-missing', entry: name });
  }
  const flags = buf.readUInt16LE(at + 6);
  const nameLength = buf.readUInt16LE(at + 26);
  const dataStart = at + LOCAL_BYTES + nameLength + buf.readUInt16LE(at + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > directoryOffset) throw truncated(ctx, `phần "${name}" bị cắt`, { reason: 'data-cut', entry: name });
  if (flags & ANY_ENCRYPTION) throw encryptedEntry(ctx, name);
  const sameName = buf.subarray(at + LOCAL_BYTES, at + LOCAL_BYTES + nameLength).equals(entry.nameBytes);
  // Streaming readers trust the local header, so it must say what the directory says (sizes are in a trailing
  // data descriptor instead when bit 3 is set).
  const deferred = (flags | entry.flags) & FLAG_DATA_DESCRIPTOR;
  const local = { method: buf.readUInt16LE(at + 8), crc: buf.readUInt32LE(at + 14), compressed: buf.readUInt32LE(at + 18), uncompressed: buf.readUInt32LE(at + 22) };
  if (!deferred && (local.compressed === U32_MAX || local.uncompressed === U32_MAX)) throw zip64(ctx, { entry: name });
  const sameData =
    local.method === entry.method &&
    (deferred || (local.crc === entry.crc && local.compressed === entry.compressedSize && local.uncompressed === entry.uncompressedSize));
  if (!sameName || !sameData) {
    throw unsafe(ctx, `có phần "${name}" được ghi khác nhau ở hai nơi trong tệp (tệp bị hỏng hoặc bị làm giả).`, { entry: name, reason: 'header-mismatch' });
  }
  return { ...entry, dataStart, dataEnd };
}

/** Overlapping entries are how "overlapping-file" zip bombs multiply one compressed stream; no writer makes them. */
function checkNoOverlap(ctx: Inspection, located: LocatedEntry[]): void {
  const byOffset = [...located].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    const after = byOffset[i]!;
    if (before.dataEnd > after.localOffset) {
      throw unsafe(ctx, `có các phần chồng lên nhau ("${shown(before.name)}" và "${shown(after.name)}").`, {
        entry: shown(after.name),
        reason: 'overlap',
      });
    }
  }
}

/** Larger than zlib's 16 KB default: fewer pieces to gather on big sheets. */
const INFLATE_CHUNK_BYTES = 64 * 1024;

const isBufferTooLarge = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';

/**
 * The entry's real content, inflated under the tightest of the three caps (entry, what is left of the total, and
 * compressed size × ratio), so a header that lies about sizes cannot make us produce more than the limits allow.
 */
function inflateEntry(ctx: Inspection, entry: LocatedEntry, totalSoFar: number): Buffer {
  const { limits } = ctx;
  const data = ctx.buf.subarray(entry.dataStart, entry.dataEnd);
  const caps = [
    { bytes: limits.maxEntryBytes, refusal: tooLargeEntry },
    { bytes: limits.maxTotalBytes - totalSoFar, refusal: tooLargeTotal },
    { bytes: Math.max(RATIO_APPLIES_ABOVE_BYTES, entry.compressedSize * limits.maxRatio), refusal: suspiciousRatio },
  ];
  const cap = caps.reduce((tightest, c) => (c.bytes < tightest.bytes ? c : tightest));
  let out: Buffer;
  // Some writers deflate empty folder entries to nothing at all rather than to an empty deflate block.
  if (entry.method === METHOD_STORED || data.length === 0) {
    out = data;
  } else {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap.bytes), chunkSize: INFLATE_CHUNK_BYTES });
    } catch (error) {
      if (isBufferTooLarge(error)) throw cap.refusal(ctx, entry);
      throw truncated(ctx, `không giải nén được phần "${shown(entry.name)}"`, { reason: 'inflate', entry: shown(entry.name) });
    }
  }
  if (out.length > cap.bytes) throw cap.refusal(ctx, entry);
  return out;
}

function checkContent(ctx: Inspection, entry: LocatedEntry, content: Buffer): void {
  if (content.length !== entry.uncompressedSize || crc32(content) !== entry.crc) {
    throw truncated(ctx, `phần "${shown(entry.name)}" không khớp mã kiểm tra`, { reason: 'crc', entry: shown(entry.name) });
  }
  if (/\.(xml|rels|vml)$/i.test(entry.name) && declaresDtd(content)) {
    throw unsafe(ctx, `có phần "${shown(entry.name)}" chứa khai báo DOCTYPE/ENTITY — Excel không bao giờ tạo ra nội dung này; tệp có thể bị làm giả để tấn công.`, {
      entry: shown(entry.name),
      reason: 'dtd',
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// DTDs in XML parts.

const BANG = 0x21;
const LT = 0x3c;
const DTD_KEYWORDS = ['doctype', 'entity'].map(latin1);

/** True when the letters at `at` spell `keyword` (lower-case ASCII), ignoring case. */
function keywordAt(buf: Buffer, at: number, keyword: Buffer): boolean {
  if (at + keyword.length > buf.length) return false;
  for (let i = 0; i < keyword.length; i++) if ((buf[at + i]! | 0x20) !== keyword[i]) return false;
  return true;
}

const isXmlSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Whether an XML part holds a DOCTYPE or ENTITY declaration. Parts are UTF-8 (found with a native byte search,
 * which stays fast on 100 MB sheets) or UTF-16 (decoded first). exceljs decodes every part as UTF-8, so other
 * encodings cannot smuggle a declaration past its parser.
 */
function declaresDtd(content: Buffer): boolean {
  const b0 = content[0];
  const b1 = content[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00)) return /<!\s*(doctype|entity)/i.test(content.toString('utf16le'));
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c)) return /<!\s*(doctype|entity)/i.test(swapped(content).toString('utf16le'));
  // A one-byte search runs at memchr speed, several times faster than searching for "<!".
  for (let at = content.indexOf(BANG, 1); at !== -1; at = content.indexOf(BANG, at + 1)) {
    if (content[at - 1] !== LT) continue;
    let word = at + 1;
    while (isXmlSpace(content[word])) word++;
    if (DTD_KEYWORDS.some((keyword) => keywordAt(content, word, keyword))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points.

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function inspectZip(ctx: Inspection, keep?: Map<string, Buffer>): ContainerReport {
  const end = readEndRecord(ctx);
  const entries = readCentralDirectory(ctx, end);
  checkNames(ctx, entries);
  checkIsWorkbook(ctx, entries, end.directoryOffset);
  checkFlagsAndMethods(ctx, entries);
  checkDeclaredSizes(ctx, entries);
  const located = entries.map((entry) => locateEntry(ctx, entry, end.directoryOffset));
  checkNoOverlap(ctx, located);
  let uncompressedBytes = 0;
  for (const entry of located) {
    const content = inflateEntry(ctx, entry, uncompressedBytes);
    checkContent(ctx, entry, content);
    keep?.set(entry.name, content);
    uncompressedBytes += content.length;
  }
  const sheetParts = entries.map((entry) => entry.name).filter((name) => SHEET_PART.test(name));
  return { entries: entries.length, uncompressedBytes, sheetParts: sheetParts.sort(naturalOrder.compare) };
}

/**
 * Checks that bytes are a safe OOXML workbook before any parser sees them; throws a CoreError with an IMPORT_*
 * code and a Vietnamese message naming `fileName` otherwise. Never throws anything else.
 */
export function inspectWorkbookBytes(bytes: Uint8Array, fileName: string, limits: ContainerLimits = DEFAULT_CONTAINER_LIMITS): ContainerReport {
  const ctx: Inspection = { buf: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, limits };
  checkFileSize(ctx, ctx.buf.length);
  if (startsWith(ctx.buf, CFB_MAGIC)) throw refuseCfb(ctx);
  if (!ZIP_MAGICS.some((magic) => startsWith(ctx.buf, magic))) throw refuseNonZip(ctx);
  return inspectZip(ctx);
}

/**
 * The same check, keeping what it inflated: the reader streams these parts instead of inflating the file again.
 * Folder entries are left out.
 */
export function inspectWorkbookParts(
  bytes: Uint8Array,
  fileName: string,
  limits: ContainerLimits = DEFAULT_CONTAINER_LIMITS,
): ContainerReport & { parts: Map<string, Buffer> } {
  const ctx: Inspection = { buf: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, limits };
  checkFileSize(ctx, ctx.buf.length);
  if (startsWith(ctx.buf, CFB_MAGIC)) throw refuseCfb(ctx);
  if (!ZIP_MAGICS.some((magic) => startsWith(ctx.buf, magic))) throw refuseNonZip(ctx);
  const parts = new Map<string, Buffer>();
  const report = inspectZip(ctx, parts);
  for (const name of parts.keys()) if (name.endsWith('/')) parts.delete(name);
  return { ...report, parts };
}

/** Reads at most `size` bytes: a file that grows after the stat cannot make us read more than was allowed. */
async function readAtMost(handle: FileHandle, size: number): Promise<Buffer> {
  const bytes = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

/**
 * Stats the file (refusing an oversized one without reading it) and reads it: the bytes the check and the parser
 * then see, so the parser reads exactly what was checked.
 */
export async function readWorkbookFileBytes(filePath: string, limits: ContainerLimits = DEFAULT_CONTAINER_LIMITS): Promise<Buffer> {
  const fileName = path.basename(filePath);
  const ctx: Inspection = { buf: Buffer.alloc(0), fileName, limits };
  const info = await stat(filePath).catch((error: unknown) => {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') {
      throw refuse(ctx, 'NOT_FOUND', `không còn ở vị trí đã chọn (${filePath}). Hãy chọn lại tệp.`, { filePath });
    }
    throw error;
  });
  if (!info.isFile()) throw refuse(ctx, 'IMPORT_NOT_WORKBOOK', `không phải là một tệp (có thể là thư mục). ${PICK_XLSX}`, { filePath });
  checkFileSize(ctx, info.size);
  const handle = await open(filePath, 'r');
  try {
    return await readAtMost(handle, info.size);
  } finally {
    await handle.close();
  }
}

/** Reads and inspects a file; returns the report and the bytes. */
export async function inspectWorkbookFile(filePath: string, limits: ContainerLimits = DEFAULT_CONTAINER_LIMITS): Promise<ContainerReport & { bytes: Buffer }> {
  const bytes = await readWorkbookFileBytes(filePath, limits);
  return { ...inspectWorkbookBytes(bytes, path.basename(filePath), limits), bytes };
}
