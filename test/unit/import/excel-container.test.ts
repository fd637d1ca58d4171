/**
 * The container check before exceljs: real workbooks pass; every hostile or wrong file is refused with its own
 * IMPORT_* code and a Vietnamese message naming the file. All inputs are made here — no committed binaries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/api/result';
import {
  DEFAULT_CONTAINER_LIMITS,
  inspectWorkbookBytes,
  inspectWorkbookFile,
  type ContainerLimits,
} from '../../../electron/core/excel/container';
import { CoreError } from '../../../electron/core/errors';

const MIB = 1024 * 1024;
/** Letters only Vietnamese text has: the message is in Vietnamese, not an English fallback. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

// -------------------------------------------------------------------------------------------------------------
// Inputs

async function realWorkbook(sheets: number, rows = 20): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (let s = 1; s <= sheets; s++) {
    const sheet = workbook.addWorksheet(`Biểu ${s}`);
    sheet.addRow(['STT', 'Đơn vị', 'Kế hoạch vốn (đồng)']);
    for (let r = 1; r <= rows; r++) sheet.addRow([r, `Xã Tân Lập ${r}`, r * 125_000_000]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One entry of a hand-built zip; `payload` is already compressed with `method`. */
interface RawEntry {
  name: string;
  payload: Buffer;
  method: number;
  crc: number;
  size: number;
  flags?: number;
  /** A different name in the local header than in the central directory. */
  localName?: string;
  /** Central-directory fields written instead of the true ones. */
  central?: Partial<{ compressedSize: number; uncompressedSize: number; localOffset: number }>;
}

const bytesOf = (content: string | Buffer) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

function deflated(name: string, content: string | Buffer): RawEntry {
  const data = bytesOf(content);
  return { name, payload: deflateRawSync(data), method: 8, crc: crc32(data), size: data.length };
}

function stored(name: string, content: string | Buffer): RawEntry {
  const data = bytesOf(content);
  return { name, payload: data, method: 0, crc: crc32(data), size: data.length };
}

function localHeader(entry: RawEntry): Buffer {
  const name = Buffer.from(entry.localName ?? entry.name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE((entry.flags ?? 0) | 0x0800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.payload.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralHeader(entry: RawEntry, localOffset: number): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE((entry.flags ?? 0) | 0x0800, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.central?.compressedSize ?? entry.payload.length, 20);
  header.writeUInt32LE(entry.central?.uncompressedSize ?? entry.size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(entry.central?.localOffset ?? localOffset, 42);
  return Buffer.concat([header, name]);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}

/** A zip written field by field, so each test can make exactly the lie it needs. */
function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const local = Buffer.concat([localHeader(entry), entry.payload]);
    centrals.push(centralHeader(entry, offset));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endRecord(entries.length, directory.length, offset)]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORKBOOK_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook/>';
const SHEET_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet><sheetData/></worksheet>';

/** The two parts that make a zip count as a workbook, plus one sheet. */
const skeleton = (): RawEntry[] => [
  deflated('[Content_Types].xml', CONTENT_TYPES),
  deflated('xl/workbook.xml', WORKBOOK_XML),
  deflated('xl/worksheets/sheet1.xml', SHEET_XML),
];

/**
 * A real raw-deflate stream of `mebibytes` MiB of zeros built without making them: one sync-flushed MiB (about
 * 1 KB, byte-aligned, non-final) repeated, then an empty final block. Back-references stay valid across copies.
 */
function zerosStream(mebibytes: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(MIB), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => chunk), Buffer.from([0x03, 0x00])]);
}

/** A minimal Compound File: header sector and one directory sector holding the given entry names. */
function compoundFile(names: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(0, 0x30); // first directory sector
  const directory = Buffer.alloc(512);
  ['Root Entry', ...names].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = i === 0 ? 5 : name.startsWith('\u0006') ? 1 : 2;
    directory[at + 67] = 1;
  });
  return Buffer.concat([header, directory]);
}

async function jszipOf(files: Record<string, string | Buffer>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

// -------------------------------------------------------------------------------------------------------------
// Assertions

function refusalOf(run: () => unknown): CoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

function expectRefused(bytes: Uint8Array, code: ErrorCode, fileName = 'so-lieu-tinh.xlsx', limits?: ContainerLimits): CoreError {
  const error = refusalOf(() => inspectWorkbookBytes(bytes, fileName, limits));
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  expect(error.message).toContain(`"${fileName}"`);
  expect(error.message).toMatch(VIETNAMESE);
  expect(error.details).toMatchObject({ fileName });
  return error;
}

let small: Buffer;
beforeAll(async () => {
  small = await realWorkbook(3);
});

// -------------------------------------------------------------------------------------------------------------

describe('real workbooks', () => {
  it('passes a workbook written by exceljs and lists its sheet parts', () => {
    const report = inspectWorkbookBytes(small, 'ke-hoach-2025.xlsx');
    expect(report.sheetParts).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
    expect(report.entries).toBeGreaterThanOrEqual(8);
    expect(report.uncompressedBytes).toBeGreaterThan(small.length);
  });

  it('lists sheet parts in natural order (sheet2 before sheet10)', async () => {
    const report = inspectWorkbookBytes(await realWorkbook(11, 1), 'nhieu-bieu.xlsx');
    expect(report.sheetParts).toEqual(Array.from({ length: 11 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`));
  });

  it('passes a zip with folder entries, stored parts and a UTF-8 part name', async () => {
    const bytes = await jszipOf({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': WORKBOOK_XML, 'xl/worksheets/sheet1.xml': SHEET_XML, 'docProps/ghi-chú.xml': '<a/>' }, 'STORE');
    expect(inspectWorkbookBytes(bytes, 'a.xlsx').sheetParts).toEqual(['xl/worksheets/sheet1.xml']);
  });

  it('passes a workbook written with data descriptors (sizes after the data, as LibreOffice and streaming writers do)', async () => {
    const zip = await JSZip.loadAsync(small);
    const streamed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true });
    expect(streamed.readUInt16LE(6) & 0x0008).toBe(0x0008);
    expect(inspectWorkbookBytes(streamed, 'libreoffice.xlsx').sheetParts).toHaveLength(3);
  });

  it('inspects a multi-megabyte workbook quickly', async () => {
    const bytes = await realWorkbook(1, 25_000);
    expect(bytes.length).toBeGreaterThan(500_000);
    inspectWorkbookBytes(bytes, 'lon.xlsx'); // warm-up
    const started = performance.now();
    const report = inspectWorkbookBytes(bytes, 'lon.xlsx');
    expect(performance.now() - started).toBeLessThan(500);
    expect(report.uncompressedBytes).toBeGreaterThan(4 * bytes.length);
  });
});

describe('files that are not zips', () => {
  it('refuses an empty file', () => {
    expectRefused(new Uint8Array(0), 'IMPORT_EMPTY', 'trong.xlsx');
  });

  it('refuses a file over the size limit', () => {
    const error = expectRefused(small, 'IMPORT_TOO_LARGE', 'lon.xlsx', { ...DEFAULT_CONTAINER_LIMITS, maxFileBytes: 1000 });
    expect(error.details).toMatchObject({ size: small.length, limit: 1000 });
  });

  it('refuses a password-protected workbook (CFB with EncryptionInfo)', () => {
    const error = expectRefused(compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'IMPORT_ENCRYPTED', 'mat-khau.xlsx');
    expect(error.message).toContain('mật khẩu');
    expect(error.message).toContain('Bảo vệ sổ làm việc');
  });

  it('refuses an Excel 97-2003 workbook (CFB without EncryptionInfo)', () => {
    const error = expectRefused(compoundFile(['Workbook', '\u0005SummaryInformation']), 'IMPORT_LEGACY_XLS', 'cu.xls');
    expect(error.message).toContain('97-2003');
    expect(error.message).toContain('.xlsx');
  });

  it('says a Word 97-2003 document is not a workbook', () => {
    const error = expectRefused(compoundFile(['WordDocument', '1Table']), 'IMPORT_NOT_WORKBOOK', 'cong-van.xls');
    expect(error.message).toContain('Word');
  });

  it.each([
    ['HTML saved as .xls', '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1</td></tr></table></body></html>', 'HTML'],
    ['HTML with a BOM and doctype', '\ufeff\r\n<!DOCTYPE html><html><head><meta charset="utf-8"></head></html>', 'HTML'],
    ['CSV text', 'Mã xã;Tên xã;Kế hoạch vốn\n25123;Tân Lập;1250000000\n', 'CSV'],
    ['CSV whose first cell starts with PK', 'PK;Tên\n1;Tân Lập\n', 'CSV'],
    ['XML Spreadsheet 2003', '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>', 'XML 2003'],
    ['a PDF', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'PDF'],
  ])('names what it looks like: %s', (_, content, named) => {
    const error = expectRefused(Buffer.from(content, content.startsWith('%PDF') ? 'latin1' : 'utf8'), 'IMPORT_NOT_WORKBOOK', 'bieu-mau.xls');
    expect(error.message).toContain(named);
  });

  it('recognises UTF-16 "Unicode text" exported by Excel', () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã xã\tTên xã\r\n25123\tTân Lập\r\n', 'utf16le')]);
    expect(expectRefused(text, 'IMPORT_NOT_WORKBOOK', 'unicode.txt').message).toContain('CSV');
  });

  it('refuses random bytes without naming a format', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    const error = expectRefused(random, 'IMPORT_NOT_WORKBOOK', 'rac.xlsx');
    expect(error.details).toMatchObject({ looksLike: 'unknown' });
  });
});

describe('damaged zips', () => {
  it.each([
    ['10%', (n: number) => Math.floor(n * 0.1)],
    ['50%', (n: number) => Math.floor(n * 0.5)],
    ['minus 1 byte', (n: number) => n - 1],
    ['minus 30 bytes', (n: number) => n - 30],
    ['minus 100 bytes', (n: number) => n - 100],
  ])('refuses a workbook cut at %s as truncated', (_, cut) => {
    expectRefused(small.subarray(0, cut(small.length)), 'IMPORT_TRUNCATED', 'tai-chua-het.xlsx');
  });

  it('refuses bytes appended after the end record', () => {
    expectRefused(Buffer.concat([small, Buffer.from('rác')]), 'IMPORT_TRUNCATED');
  });

  it('refuses a central directory that points at no local header', () => {
    const entries = skeleton();
    entries[2]!.central = { localOffset: 7 };
    expect(expectRefused(buildZip(entries), 'IMPORT_TRUNCATED').details).toMatchObject({ reason: 'local-header-missing' });
  });

  it('refuses an entry whose CRC does not match its content', () => {
    const entries = skeleton();
    entries[2]!.crc ^= 1;
    expect(expectRefused(buildZip(entries), 'IMPORT_TRUNCATED').details).toMatchObject({ reason: 'crc' });
  });

  it('refuses a deflate stream that is cut short', () => {
    const entries = skeleton();
    const sheet = entries[2]!;
    sheet.payload = sheet.payload.subarray(0, sheet.payload.length - 5);
    expect(expectRefused(buildZip(entries), 'IMPORT_TRUNCATED').details).toMatchObject({ reason: 'inflate' });
  });
});

describe('zips that are not xlsx', () => {
  it('names a Word .docx', async () => {
    const docx = await jszipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
    const error = expectRefused(docx, 'IMPORT_NOT_WORKBOOK', 'bao-cao.xlsx');
    expect(error.message).toContain('Word (.docx)');
    expect(error.details).toMatchObject({ looksLike: 'docx' });
  });

  it('names an OpenDocument spreadsheet .ods', () => {
    const ods = buildZip([
      stored('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
      deflated('content.xml', '<office:document-content/>'),
      deflated('META-INF/manifest.xml', '<manifest:manifest/>'),
    ]);
    const error = expectRefused(ods, 'IMPORT_NOT_WORKBOOK', 'bang-tinh.ods');
    expect(error.message).toContain('.ods');
    expect(error.details).toMatchObject({ looksLike: 'ods' });
  });

  it('says a zip holding a workbook must be unpacked', async () => {
    const zip = await jszipOf({ 'gui-huyen/ke-hoach.xlsx': small });
    expect(expectRefused(zip, 'IMPORT_NOT_WORKBOOK', 'tep-nen.zip').message).toContain('giải nén');
  });

  it('refuses a workbook without [Content_Types].xml', () => {
    expectRefused(buildZip(skeleton().slice(1)), 'IMPORT_NOT_WORKBOOK');
  });

  it('refuses an empty zip', () => {
    expectRefused(endRecord(0, 0, 0), 'IMPORT_NOT_WORKBOOK');
  });

  it('refuses an entry compressed with a method other than stored or deflated', () => {
    const entries = skeleton();
    entries[2]!.method = 12; // bzip2
    expect(expectRefused(buildZip(entries), 'IMPORT_NOT_WORKBOOK').details).toMatchObject({ method: 12 });
  });

  it('refuses ZIP64 clearly', () => {
    const entries = skeleton();
    entries[2]!.central = { uncompressedSize: 0xffffffff };
    const error = expectRefused(buildZip(entries), 'IMPORT_NOT_WORKBOOK');
    expect(error.message).toContain('ZIP64');
    expect(error.details).toMatchObject({ reason: 'zip64' });
  });
});

describe('size limits and zip bombs', () => {
  it('refuses more entries than allowed', async () => {
    const files: Record<string, string> = { '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': WORKBOOK_XML };
    for (let i = 0; i < DEFAULT_CONTAINER_LIMITS.maxEntries; i++) files[`xl/media/p${i}.xml`] = '<a/>';
    const error = expectRefused(await jszipOf(files, 'STORE'), 'IMPORT_TOO_LARGE', 'qua-nhieu-phan.xlsx');
    expect(error.details).toMatchObject({ limit: DEFAULT_CONTAINER_LIMITS.maxEntries });
  });

  it.each<[string, Partial<ContainerLimits>, string]>([
    ['entries', { maxEntries: 3 }, 'entries'],
    ['one entry', { maxEntryBytes: 500 }, 'entry'],
    ['total', { maxTotalBytes: 5_000 }, 'total'],
  ])('enforces small limits passed in: %s', (_, limits, reason) => {
    const error = expectRefused(small, 'IMPORT_TOO_LARGE', 'nho.xlsx', { ...DEFAULT_CONTAINER_LIMITS, ...limits });
    if (reason !== 'entries') expect(error.details).toMatchObject({ reason });
  });

  it('refuses a 1 GiB entry of zeros declared honestly, without inflating it', () => {
    const bomb = zerosStream(1024);
    const entries = [...skeleton(), { name: 'xl/worksheets/sheet2.xml', payload: bomb, method: 8, crc: 0, size: 1024 * MIB }];
    const error = expectRefused(buildZip(entries), 'IMPORT_TOO_LARGE', 'bom.xlsx');
    expect(error.details).toMatchObject({ entry: 'xl/worksheets/sheet2.xml', reason: 'entry' });
  });

  it('stops inflating a 1 GiB entry whose header lies that it is 1 000 bytes', () => {
    const bomb = zerosStream(1024);
    const lying = { name: 'xl/worksheets/sheet2.xml', payload: bomb, method: 8, crc: 0, size: 1000 };
    const started = performance.now();
    const error = expectRefused(buildZip([...skeleton(), lying]), 'IMPORT_TOO_LARGE', 'bom-gia.xlsx');
    expect(error.details).toMatchObject({ entry: 'xl/worksheets/sheet2.xml', reason: 'ratio' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops a lying header at the per-entry limit passed in', () => {
    const lying = { ...deflated('xl/worksheets/sheet2.xml', Buffer.alloc(200_000)), size: 100 };
    const error = expectRefused(buildZip([...skeleton(), lying]), 'IMPORT_TOO_LARGE', 'bom-nho.xlsx', { ...DEFAULT_CONTAINER_LIMITS, maxEntryBytes: 64 * 1024 });
    expect(error.details).toMatchObject({ reason: 'entry', limit: 64 * 1024 });
  });

  it('refuses a suspicious compression ratio on a part over 1 MB', () => {
    const zeros = deflated('xl/media/image1.bin', Buffer.alloc(2 * MIB));
    expect(expectRefused(buildZip([...skeleton(), zeros]), 'IMPORT_TOO_LARGE').details).toMatchObject({ reason: 'ratio' });
    const lying = { ...zeros, size: 1000 };
    expect(expectRefused(buildZip([...skeleton(), lying]), 'IMPORT_TOO_LARGE').details).toMatchObject({ reason: 'ratio' });
  });

  it('lets highly compressible small parts through (the ratio only applies over 1 MB)', () => {
    const report = inspectWorkbookBytes(buildZip([...skeleton(), deflated('xl/styles.xml', ' '.repeat(500_000))]), 'a.xlsx');
    expect(report.uncompressedBytes).toBeGreaterThan(500_000);
  });
});

describe('unsafe content', () => {
  async function withSheetXml(transform: (xml: string) => string | Buffer, part = 'xl/worksheets/sheet1.xml'): Promise<Buffer> {
    const zip = await JSZip.loadAsync(small);
    const xml = await zip.file(part)!.async('string');
    zip.file(part, transform(xml));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  it('refuses a DOCTYPE with an ENTITY in a sheet', async () => {
    const bytes = await withSheetXml((xml) => xml.replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaa">]>'));
    const error = expectRefused(bytes, 'IMPORT_UNSAFE_CONTENT', 'xxe.xlsx');
    expect(error.details).toMatchObject({ entry: 'xl/worksheets/sheet1.xml', reason: 'dtd' });
    expect(error.message).toContain('DOCTYPE');
  });

  it('refuses an ENTITY in a .rels part, whatever its case', async () => {
    const bytes = await withSheetXml((xml) => xml.replace('?>', '?><!entity a "b">'), '_rels/.rels');
    expect(expectRefused(bytes, 'IMPORT_UNSAFE_CONTENT').details).toMatchObject({ entry: '_rels/.rels' });
  });

  it('refuses a DOCTYPE in a UTF-16 part', async () => {
    const bytes = await withSheetXml((xml) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('?>', '?><!DOCTYPE x SYSTEM "file:///etc/passwd">'), 'utf16le')]),
    );
    expectRefused(bytes, 'IMPORT_UNSAFE_CONTENT');
  });

  it('lets ordinary exclamation marks and comments through', async () => {
    const bytes = await withSheetXml((xml) => xml.replace('?>', '?><!-- Chú ý! -->'));
    expect(inspectWorkbookBytes(bytes, 'a.xlsx').sheetParts).toHaveLength(3);
  });

  it.each(['../evil.xml', 'xl/../../evil.xml', '/etc/passwd', 'C:/Windows/evil.xml', 'xl\\..\\..\\evil.xml', '\\\\server\\share\\x.xml'])(
    'refuses the part name %s',
    (name) => {
      const error = expectRefused(buildZip([...skeleton(), deflated(name, '<a/>')]), 'IMPORT_UNSAFE_CONTENT', 'duong-dan.xlsx');
      expect(error.details).toMatchObject({ reason: 'unsafe-name' });
    },
  );

  it.each(['xl/workbook.xml', 'XL/Workbook.xml'])('refuses a duplicate of xl/workbook.xml named %s', (name) => {
    const error = expectRefused(buildZip([...skeleton(), deflated(name, WORKBOOK_XML)]), 'IMPORT_UNSAFE_CONTENT', 'trung-ten.xlsx');
    expect(error.details).toMatchObject({ reason: 'duplicate-name' });
  });

  it('refuses an entry with the encryption flag', () => {
    const entries = skeleton();
    entries[2]!.flags = 0x0001;
    const error = expectRefused(buildZip(entries), 'IMPORT_ENCRYPTED', 'ma-hoa.xlsx');
    expect(error.details).toMatchObject({ entry: 'xl/worksheets/sheet1.xml' });
  });

  it('refuses a local header whose name differs from the central directory', () => {
    const entries = skeleton();
    entries[2]!.localName = 'xl/worksheets/sheet9.xml';
    expect(expectRefused(buildZip(entries), 'IMPORT_UNSAFE_CONTENT').details).toMatchObject({ reason: 'header-mismatch' });
  });

  it('refuses a local header whose sizes differ from the central directory', () => {
    const entries = skeleton();
    entries[2]!.central = { uncompressedSize: entries[2]!.size + 1 };
    expect(expectRefused(buildZip(entries), 'IMPORT_UNSAFE_CONTENT').details).toMatchObject({ reason: 'header-mismatch' });
  });

  it('refuses overlapping entries', () => {
    const entries = skeleton();
    // Bit 3 (sizes in a data descriptor) lets the local header stay silent about the overstated size.
    entries[1] = { ...entries[1]!, flags: 0x0008, central: { compressedSize: entries[1]!.payload.length + 40 } };
    expect(expectRefused(buildZip(entries), 'IMPORT_UNSAFE_CONTENT').details).toMatchObject({ reason: 'overlap' });
  });
});

describe('inspectWorkbookFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-container-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('returns the report and exactly the bytes it checked', async () => {
    const file = path.join(dir, 'ke-hoach.xlsx');
    fs.writeFileSync(file, small);
    const result = await inspectWorkbookFile(file);
    expect(result.bytes.equals(small)).toBe(true);
    expect(result.sheetParts).toHaveLength(3);
  });

  it('refuses an oversized file from its size alone', async () => {
    const file = path.join(dir, 'qua-lon.xlsx');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, DEFAULT_CONTAINER_LIMITS.maxFileBytes + 1); // sparse: nothing to read
    const error = await inspectWorkbookFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'IMPORT_TOO_LARGE', details: { fileName: 'qua-lon.xlsx', limit: DEFAULT_CONTAINER_LIMITS.maxFileBytes } });
  });

  it('refuses an empty file, a folder and a missing file with clear codes', async () => {
    const empty = path.join(dir, 'trong.xlsx');
    fs.writeFileSync(empty, '');
    await expect(inspectWorkbookFile(empty)).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    await expect(inspectWorkbookFile(dir)).rejects.toMatchObject({ code: 'IMPORT_NOT_WORKBOOK' });
    await expect(inspectWorkbookFile(path.join(dir, 'khong-co.xlsx'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('mutated workbooks', () => {
  type Mutation =
    | { kind: 'flip'; at: number; fromEnd: boolean; xor: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'insert'; at: number; fromEnd: boolean; bytes: Uint8Array };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), fromEnd: fc.boolean(), xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), fromEnd: fc.boolean(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  );

  /** Positions near the end land in the central directory and EOCD record, where structure lives. */
  function position(length: number, at: number, fromEnd: boolean): number {
    if (length === 0) return 0;
    return fromEnd ? length - 1 - (at % Math.min(length, 600)) : at % length;
  }

  function mutate(original: Buffer, mutations: Mutation[]): Buffer {
    let bytes = Buffer.from(original);
    for (const m of mutations) {
      if (m.kind === 'flip' && bytes.length > 0) bytes[position(bytes.length, m.at, m.fromEnd)]! ^= m.xor;
      if (m.kind === 'truncate') bytes = bytes.subarray(0, m.at % (bytes.length + 1));
      if (m.kind === 'insert') {
        const at = position(bytes.length, m.at, m.fromEnd);
        bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
      }
    }
    return bytes;
  }

  it('either passes or throws a CoreError with an IMPORT_ code, never anything else', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const bytes = mutate(small, mutations);
        try {
          const report = inspectWorkbookBytes(bytes, 'dot-bien.xlsx');
          expect(report.entries).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(CoreError);
          const { code, message } = error as CoreError;
          expect(code).toMatch(/^IMPORT_/);
          expect(message).toContain('"dot-bien.xlsx"');
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
