// The spellings seen in published Vietnamese budget files, each on a fixture written here: units ("Tr đồng",
// "Tiệu đồng", "1.000.000 đồng", "Nghìn đồng", "ĐVT:"), "Đơn vị:" naming an organisation, decomposed Unicode (NFD),
// a header over three merged rows, row markers A…H, I, K with roman and arabic numerals and "-", a blank cell
// (no amount) against "-" (zero), an .xlsx named .xls, and a real 97-2003 .xls.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/api/import';
import { buildTree } from '../../../electron/core/import/stt';
import { provinceWorkbook, TRANG_DINH_2024, type Amount, type TableRow } from '../../fixtures/excel/province-workbooks';
import { LIBREOFFICE_TIMEOUT } from '../../support/libreoffice';
import { tempDir, testCore } from '../../support/helpers';

const TRANG_DINH_TOTAL = 15_970_750_000;

function numericRows(rows: TableRow[] = TRANG_DINH_2024): TableRow[] {
  const numeric = (a: Amount): Amount => (typeof a === 'string' ? (a === '-' ? null : Number(a.replace(/\./g, '').replace(',', '.'))) : a);
  return rows.map((r) => ({ ...r, amounts: r.amounts?.map(numeric) as TableRow['amounts'], children: r.children ? numericRows(r.children) : undefined }));
}

/** The Tràng Định workbook with some cells changed, written again by exceljs. */
async function edited(change: (ws: ExcelJS.Worksheet) => void, rows: TableRow[] = TRANG_DINH_2024): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await provinceWorkbook({ rows })) as unknown as ArrayBuffer);
  change(wb.worksheets[0]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function analyzeResult(bytes: Buffer, fileName = 'tinh.xlsx') {
  const core = testCore({ district: '180' });
  return core.invokeAsync('import.analyze', { fileName, base64: bytes.toString('base64'), year: 2024 });
}

async function analyze(bytes: Buffer, fileName?: string): Promise<ImportPreview> {
  const result = await analyzeResult(bytes, fileName);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const errorsOf = (p: ImportPreview) => p.findings.filter((f) => f.severity === 'E');

describe('units as province files write them', () => {
  it.each([
    ['Đơn vị tính: Tr đồng', 'trieu', TRANG_DINH_TOTAL],
    ['ĐVT: Triệu đồng', 'trieu', TRANG_DINH_TOTAL],
    ['Đơn vị tính: Tiệu đồng', 'trieu', TRANG_DINH_TOTAL],
    ['Đơn vị tính: 1.000.000 đồng', 'trieu', TRANG_DINH_TOTAL],
    ['ĐVT: Nghìn đồng', 'nghin', TRANG_DINH_TOTAL / 1000],
  ] as const)('"%s" is %s', async (label, unit, total) => {
    const p = await analyze(await edited((ws) => (ws.getCell('G4').value = label)));
    expect({ unit: p.unit, totalDong: p.totalDong, errors: errorsOf(p) }).toEqual({ unit, totalDong: total, errors: [] });
  });

  it('"Đơn vị:" naming an organisation is not a unit; the unit label after it (same cell or another) is', async () => {
    const apart = await analyze(
      await edited((ws) => {
        ws.getCell('A4').value = 'Đơn vị: UBND huyện Tràng Định';
        ws.getCell('G4').value = 'ĐVT: triệu đồng';
      }),
    );
    expect(apart).toMatchObject({ unit: 'trieu', totalDong: TRANG_DINH_TOTAL });
    const together = await analyze(
      await edited((ws) => {
        ws.getCell('A4').value = 'Đơn vị: UBND huyện Tràng Định - Đơn vị tính: triệu đồng';
        ws.getCell('G4').value = null;
      }),
    );
    expect(together).toMatchObject({ unit: 'trieu', totalDong: TRANG_DINH_TOTAL });
    expect(errorsOf(together)).toEqual([]);
  });
});

describe('text and layout', () => {
  it('reads text in decomposed Unicode (NFD) as the same words', async () => {
    const nfd = await edited((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') cell.value = cell.value.normalize('NFD');
        }),
      ),
    );
    // The fixture really holds decomposed letters.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(nfd as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getCell('B9').value)).not.toBe(String(wb.worksheets[0]!.getCell('B9').value).normalize('NFC'));
    const p = await analyze(nfd);
    expect(p).toMatchObject({ unit: 'trieu', year: 2024, totalDong: TRANG_DINH_TOTAL, canCommit: true });
    expect(p.rows.find((r) => r.row === 9)).toMatchObject({ componentCode: 'DTTS', name: expect.stringMatching(/^Chương trình MTQG/) });
  });

  it('reads a header spread over three merged rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu 01');
    ws.getCell('A1').value = 'UBND TỈNH LẠNG SƠN';
    ws.getCell('A2').value = 'KẾ HOẠCH VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024 - HUYỆN TRÀNG ĐỊNH';
    ws.getCell('F3').value = 'Đơn vị tính: triệu đồng';
    const header: [string, string][] = [
      ['A5:A7', 'STT'],
      ['B5:B7', 'Nội dung'],
      ['C5:C7', 'Tổng số'],
      ['D5:G5', 'Kế hoạch vốn được giao'],
      ['D6:E6', 'Ngân sách trung ương'],
      ['F6:G6', 'Ngân sách tỉnh đối ứng'],
    ];
    for (const [range, text] of header) {
      ws.mergeCells(range);
      ws.getCell(range.split(':')[0]!).value = text;
    }
    ['Vốn đầu tư phát triển', 'Vốn sự nghiệp', 'Vốn đầu tư phát triển', 'Vốn sự nghiệp'].forEach((text, i) => (ws.getCell(7, 4 + i).value = text));
    ['A', 'B', '1=2+3+4+5', '2', '3', '4', '5'].forEach((text, i) => (ws.getCell(8, 1 + i).value = text));
    const rows: (string | number | null)[][] = [
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 2795, 2000, 750, null, 45],
      ['1', 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo', 2000, 2000, null, null, null],
      ['2', 'DA 4 - TDA 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng', 300, null, 300, null, '-'],
      ['3', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', 495, null, 450, null, 45],
    ];
    rows.forEach((values, i) => values.forEach((value, c) => value !== null && (ws.getCell(9 + i, 1 + c).value = value)));
    const p = await analyze(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(p).toMatchObject({ headerRows: [5, 8], unit: 'trieu', totalDong: 2_795_000_000 });
    expect(p.columns.filter((c) => c.role === 'amount').map((c) => [c.col, c.sourceCode, c.capitalType])).toEqual([
      ['D', 'NSTW', 'DTPT'],
      ['E', 'NSTW', 'SN'],
      ['F', 'NST_DOIUNG', 'DTPT'],
      ['G', 'NST_DOIUNG', 'SN'],
    ]);
    expect(errorsOf(p)).toEqual([]);
  });

  it('row markers: A…H, then I and K are letters; roman, arabic and "-" open levels under them', () => {
    const markers = ['A', 'I', '1', '-', '-', 'II', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'I', '1', 'K', 'I', 'II'];
    const parents = buildTree(markers.map((stt, i) => ({ row: i + 1, stt })));
    const parentMarker = (row: number) => {
      const parent = parents.get(row);
      return parent === null || parent === undefined ? null : `${markers[parent - 1]}@${parent}`;
    };
    expect(markers.map((_, i) => parentMarker(i + 1))).toEqual([
      null, // A
      'A@1', // I (roman, under A)
      'I@2', // 1
      '1@3', // -
      '1@3', // -
      'A@1', // II
      null, // B
      null, // C
      null, // D
      null, // Đ
      null, // E
      null, // G
      null, // H
      null, // I: the letter after H
      'I@14', // 1
      null, // K: the letter after I
      'K@16', // I: roman under K
      'K@16', // II
    ]);
  });
});

describe('blank and "-"', () => {
  it('a blank cell is no amount (a blank subtotal is not checked); "-" is zero (a "-" subtotal over money is an error)', async () => {
    const rows = numericRows();
    const blank = await analyze(await edited((ws) => (ws.getCell('E10').value = null), rows));
    expect(errorsOf(blank)).toEqual([]);
    expect(blank.totalDong).toBe(TRANG_DINH_TOTAL);
    const dash = await analyze(await edited((ws) => (ws.getCell('E10').value = '-'), rows));
    expect(errorsOf(dash)).toEqual([expect.objectContaining({ rule: '2', cell: 'E10', foundDong: 0, expectedDong: 1_700_500_000 })]);
  });
});

describe('file names and formats', () => {
  it('accepts an .xlsx saved under an .xls name by its content', async () => {
    const p = await analyze(await provinceWorkbook(), 'tinh-giao-von-2024.xls');
    expect(p).toMatchObject({ fileName: 'tinh-giao-von-2024.xls', totalDong: TRANG_DINH_TOTAL, canCommit: true });
  });

  it(
    'answers a real 97-2003 .xls (written by LibreOffice) with how to save it as .xlsx',
    async () => {
      const dir = tempDir();
      const source = path.join(dir, 'tinh.xlsx');
      fs.writeFileSync(source, await provinceWorkbook());
      execFileSync('soffice', [`-env:UserInstallation=file://${tempDir('sovon-lo-profile-')}`, '--headless', '--convert-to', 'xls', '--outdir', dir, source], { stdio: 'pipe', timeout: LIBREOFFICE_TIMEOUT - 10_000 });
      const xls = fs.readFileSync(path.join(dir, 'tinh.xls'));
      expect(xls.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
      const result = await analyzeResult(xls, 'tinh.xls');
      expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_LEGACY_XLS', message: expect.stringContaining('Sổ làm việc Excel (*.xlsx)') } });
    },
    LIBREOFFICE_TIMEOUT,
  );
});
