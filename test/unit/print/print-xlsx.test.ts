import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { annexWorkbook, moneyFormat } from '../../../electron/core/print/xlsx';
import { formatAmount, type Dong, type MoneyUnit } from '../../../shared/money/dong';
import type { PrintAnnex, PrintDocument } from '../../../shared/print/document';
import { tempDir, testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';
import { parseCsv } from '../../support/libreoffice';

const OUT_DIR = path.resolve(import.meta.dirname, '../../test-results/print');
const LIBREOFFICE_TIMEOUT = 120_000;

function sampleDoc(options: { unit?: MoneyUnit; orientation?: 'portrait' | 'landscape' } = {}): PrintDocument {
  const core = testCore();
  call(core, 'demo.seed', {});
  return call(core, 'print.decision', { id: 1, unit: options.unit ?? 'trieu', annexes: ['tong_hop', 'theo_xa'], ...(options.orientation ? { orientation: options.orientation } : {}) });
}

async function writeWorkbook(doc: PrintDocument, name = 'phu-luc.xlsx'): Promise<string> {
  const file = path.join(tempDir('sovon-xlsx-'), name);
  fs.writeFileSync(file, await annexWorkbook(doc));
  return file;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Row number of the table's first header row (the "STT" cell in column A). */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === 'STT') return r;
  throw new Error(`no table header on ${ws.name}`);
}

/** Every text value on a sheet, row by row. */
function textsOf(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
  return texts;
}

/** What the PDF shows for a money cell: the vi-VN text, blank for zero and for no value. */
const shown = (value: unknown, unit: MoneyUnit): string => (typeof value === 'number' && value !== 0 ? formatAmount(value as Dong, unit) : '');
/** vi-VN "67.585,5" → en-US "67,585.5", so a LibreOffice running in either locale can be compared. */
const enUS = (vi: string): string => vi.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
const displayedAs = (actual: string, vi: string): boolean => actual === vi || actual === enUS(vi);

const moneyKeys = (annex: PrintAnnex) => annex.columns.flatMap((c, i) => (c.kind === 'money' ? [{ key: c.key, col: i + 1 }] : []));

function requireTool(command: string, install: string): void {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error && (probe.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`"${command}" is not on PATH: these tests read the workbook back with LibreOffice and poppler; install ${install} (CI installs libreoffice-calc-nogui and poppler-utils).`);
  }
}

/** Converts with headless LibreOffice in a private profile (parallel runs do not share one) and returns the output file. */
function soffice(file: string, target: string, extension: string): string {
  requireTool('soffice', 'libreoffice-calc-nogui');
  const outDir = tempDir('sovon-lo-out-');
  const profile = tempDir('sovon-lo-profile-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: LIBREOFFICE_TIMEOUT - 10_000,
  });
  const out = path.join(outDir, `${path.basename(file, '.xlsx')}.${extension}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76';

describe('print-ready workbook of decision annexes (exceljs)', () => {
  it('reads back with exceljs: sheets, header lines, merged grouped header, integer đồng in every money cell, page setup', async () => {
    const doc = sampleDoc();
    const wb = await readWorkbook(await writeWorkbook(doc));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Phụ lục I', 'Phụ lục II']);

    wb.worksheets.forEach((ws, index) => {
      const annex = doc.annexes[index]!;
      const texts = textsOf(ws);
      expect(texts).toEqual(expect.arrayContaining([...doc.issuerLines, doc.nationalTitle, doc.motto, annex.label, annex.title, annex.attachedTo, annex.unitLine, annex.amountInWords!]));
      expect(annex.attachedTo).toBe('(Kèm theo Quyết định số 215/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân huyện Tràng Định)');
      // The number and the dated place line head the first annex only, as in the PDF.
      expect(texts.includes('Số: 215/QĐ-UBND')).toBe(index === 0);
      expect(texts.includes('Tràng Định, ngày 15 tháng 3 năm 2024')).toBe(index === 0);
      // The signature block and Nơi nhận close the last annex.
      const last = index === doc.annexes.length - 1;
      for (const line of ['Nơi nhận:', ...doc.recipients, doc.signature.authority!, ...doc.signature.role, doc.signature.name]) expect(texts.includes(line), line).toBe(last);

      // Grouped two-row header: single-level columns span both rows, the budget groups span their two columns.
      const h = headerRowOf(ws);
      expect(annex.headerDepth).toBe(2);
      const merges = ws.model.merges;
      for (const range of [`A${h}:A${h + 1}`, `B${h}:B${h + 1}`, `C${h}:C${h + 1}`, `D${h}:E${h}`, `F${h}:G${h}`, `H${h}:H${h + 1}`, `I${h}:I${h + 1}`]) expect(merges).toContain(range);
      expect([ws.getCell(h, 4).value, ws.getCell(h + 1, 4).value, ws.getCell(h + 1, 5).value, ws.getCell(h, 6).value]).toEqual(['Ngân sách trung ương', 'Vốn ĐTPT', 'Kinh phí SN', 'Ngân sách tỉnh đối ứng']);
      expect(ws.getCell(h, 1).font.name).toBe('Times New Roman');
      expect(ws.getCell(h, 1).border.top?.style).toBe('thin');
      // The annex label, title and (Kèm theo …) are centered across the whole table width.
      const labelRow = ws.getRows(1, h)!.find((r) => r.getCell(1).value === annex.label)!;
      expect(merges).toContain(`A${labelRow.number}:I${labelRow.number}`);
      expect(labelRow.getCell(1).font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });

      // TỔNG SỐ first, then every row of the model; money cells hold the exact integer đồng.
      const first = h + annex.headerDepth;
      expect(ws.getCell(first, 2).value).toBe('TỔNG SỐ');
      expect(ws.getCell(first, 2).font).toMatchObject({ bold: true, size: 11 });
      expect(ws.getCell(first + 1, 2).alignment.wrapText).toBe(true);
      // Column widths follow the model's mm widths, scaled to the printable width (297 − 30 − 15 mm).
      const total = annex.columns.reduce((a, c) => a + c.width, 0);
      annex.columns.forEach((c, i) => expect(((ws.getColumn(i + 1).width! * 7 + 5) / 96) * 25.4).toBeCloseTo((c.width / total) * 252, 1));
      let moneyCells = 0;
      annex.rows.forEach((row, r) => {
        expect(ws.getCell(first + r, 1).value ?? '').toBe(row.stt);
        expect(ws.getCell(first + r, 2).value).toBe(row.cells.label);
        for (const { key, col } of moneyKeys(annex)) {
          const cell = ws.getCell(first + r, col);
          const value = row.cells[key];
          if (typeof value === 'number') {
            expect(Number.isInteger(cell.value), `${cell.address}`).toBe(true);
            expect(cell.value, `${cell.address}`).toBe(value);
            expect(cell.numFmt).toBe(moneyFormat(value, 'trieu'));
            expect(cell.numFmt).toMatch(/^#,##0(\.0{1,6})?,,;-#,##0(\.0{1,6})?,,;""$/);
            moneyCells++;
          } else expect(cell.value).toBeNull();
        }
      });
      expect(moneyCells).toBeGreaterThan(30);
      expect(ws.getCell(first, 3).value).toBe(67_585_500_000);
      expect(ws.getCell(first, 3).numFmt).toBe('#,##0.0,,;-#,##0.0,,;""');
      expect(ws.getCell(first, 4).numFmt).toBe('#,##0,,;-#,##0,,;""');

      // No formulas anywhere.
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

      // Page setup: A4, the model's orientation, Nghị định 30 margins, one page wide, the header on every page.
      const ps = ws.pageSetup;
      expect(ps.paperSize).toBe(9);
      expect(ps.orientation).toBe('landscape');
      expect(ps.fitToPage).toBe(true);
      expect(ps.fitToWidth).toBe(1);
      expect(ps.fitToHeight).toBe(0);
      expect(ps.horizontalCentered).toBe(true);
      const m = ps.margins!;
      expect([m.top, m.bottom, m.left, m.right].map((inch) => Math.round(inch * 25.4 * 10) / 10)).toEqual([20, 20, 30, 15]);
      expect(ps.printTitlesRow).toBe(`${h}:${h + 1}`);
      // Nghị định 30/2020: page number centred at the top, none on the first page.
      expect(ws.headerFooter.oddHeader).toContain('&C');
      expect(ws.headerFooter.oddHeader).toContain('&P');
      expect(ws.headerFooter.differentFirst).toBe(true);
    });
  });

  it('follows the model: portrait orientation, a single annex named "Phụ lục", units nghìn and đồng', async () => {
    const portrait = sampleDoc({ orientation: 'portrait', unit: 'nghin' });
    const single: PrintDocument = { ...portrait, annexes: [{ ...portrait.annexes[0]!, label: 'Phụ lục' }] };
    const wb = await readWorkbook(await writeWorkbook(single));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Phụ lục']);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe('portrait');
    const first = headerRowOf(ws) + 2;
    expect(ws.getCell(first, 3).value).toBe(67_585_500_000);
    expect(ws.getCell(first, 3).numFmt).toBe('#,##0,;-#,##0,;""');
    // The signature follows the only annex.
    expect(textsOf(ws)).toContain(portrait.signature.name);

    // A draft says so on top of the first sheet only; a one-column table still gets every header and signature line.
    const draft = await readWorkbook(await writeWorkbook({ ...portrait, draft: true }));
    expect(textsOf(draft.worksheets[0]!)[0]).toBe('DỰ THẢO — chưa ban hành');
    expect(textsOf(draft.worksheets[1]!)).not.toContain('DỰ THẢO — chưa ban hành');
    const narrow = { ...portrait.annexes[0]!, columns: portrait.annexes[0]!.columns.filter((c) => c.key === 'label') };
    const oneColumn = (await readWorkbook(await writeWorkbook({ ...portrait, annexes: [narrow] }))).worksheets[0]!;
    expect(textsOf(oneColumn)).toEqual(expect.arrayContaining([...portrait.issuerLines, portrait.nationalTitle, portrait.motto, portrait.numberLine, portrait.placeDateLine, 'Nơi nhận:', ...portrait.recipients, portrait.signature.name, 'TỔNG SỐ']));

    expect(moneyFormat(1_500 as Dong, 'nghin')).toBe('#,##0.0,;-#,##0.0,;""');
    expect(moneyFormat(1_234_567 as Dong, 'trieu')).toBe('#,##0.000000,,;-#,##0.000000,,;""');
    expect(moneyFormat(-1_234_500_000 as Dong, 'trieu')).toBe('#,##0.0,,;-#,##0.0,,;""');
    expect(moneyFormat(67_585_500_000 as Dong, 'dong')).toBe('#,##0;-#,##0;""');
  });

  it('keeps user text that starts with = + - @ as text, never a formula', async () => {
    const doc = sampleDoc();
    const annex = doc.annexes[0]!;
    const tricky = ['=SUM(A1:A9)', '+84 912 345 678', '-1+2', '@HYPERLINK("x")'];
    const rows = annex.rows.map((row, i) => (i >= 1 && i <= tricky.length ? { ...row, cells: { ...row.cells, label: tricky[i - 1]!, note: tricky[i - 1]! } } : row));
    const file = await writeWorkbook({ ...doc, annexes: [{ ...annex, rows }] });
    const ws = (await readWorkbook(file)).worksheets[0]!;
    const first = headerRowOf(ws) + 2;
    tricky.forEach((text, i) => {
      for (const col of [2, 9]) {
        const cell = ws.getCell(first + 1 + i, col);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(text);
      }
    });
    const read = execFileSync('/usr/bin/python3', ['-c', PY_TYPES, file, String(first + 1), String(first + tricky.length)], { encoding: 'utf8' });
    expect(JSON.parse(read)).toEqual(tricky.map((t) => [[t, 's'], [t, 's']]));
  });
});

/** openpyxl: value and data type of columns B and I of some rows. */
const PY_TYPES = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps([[[ws.cell(r, c).value, ws.cell(r, c).data_type] for c in (2, 9)] for r in range(int(sys.argv[2]), int(sys.argv[3]) + 1)], ensure_ascii=False))
`;

/** openpyxl: every cell of sheet 1 (value, number format, type), merged ranges, page setup, print titles. */
const PY_DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
cells = [[{"v": c.value, "f": c.number_format, "t": c.data_type} for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)]
print(json.dumps({
  "sheets": wb.sheetnames,
  "cells": cells,
  "merged": sorted(str(r) for r in ws.merged_cells.ranges),
  "paperSize": ws.page_setup.paperSize,
  "orientation": ws.page_setup.orientation,
  "fitToWidth": ws.page_setup.fitToWidth,
  "fitToHeight": ws.page_setup.fitToHeight,
  "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage,
  "printTitleRows": ws.print_title_rows,
  "margins": [ws.page_margins.top, ws.page_margins.bottom, ws.page_margins.left, ws.page_margins.right],
  "header": ws.oddHeader.center.text,
}, ensure_ascii=False))
`;

interface PyCell {
  v: string | number | null;
  f: string;
  t: string;
}

describe('print-ready workbook read by independent readers', () => {
  it('openpyxl reads the exact đồng, the number formats and the Vietnamese text of sheet 1', async () => {
    const doc = sampleDoc();
    const file = await writeWorkbook(doc);
    const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY_DUMP, file], { encoding: 'utf8' })) as {
      sheets: string[];
      cells: PyCell[][];
      merged: string[];
      paperSize: number;
      orientation: string;
      fitToWidth: number;
      fitToHeight: number;
      fitToPage: boolean;
      printTitleRows: string;
      margins: number[];
      header: string;
    };
    const annex = doc.annexes[0]!;
    expect(out.sheets).toEqual(['Phụ lục I', 'Phụ lục II']);
    const h = out.cells.findIndex((row) => row[0]!.v === 'STT') + 1;
    expect(h).toBeGreaterThan(0);
    const strings = out.cells.flat().filter((c) => c.t === 's').map((c) => c.v);
    expect(strings).toEqual(expect.arrayContaining([doc.numberLine, doc.placeDateLine, annex.label, annex.title, annex.attachedTo, annex.unitLine, annex.amountInWords]));
    expect(out.cells.flat().every((c) => c.t !== 'f')).toBe(true);
    expect(out.merged).toEqual(expect.arrayContaining([`A${h}:A${h + 1}`, `D${h}:E${h}`, `F${h}:G${h}`]));
    annex.rows.forEach((row, r) => {
      const cells = out.cells[h + 1 + r]!;
      expect(cells[1]!.v).toBe(row.cells.label);
      for (const { key, col } of moneyKeys(annex)) {
        const cell = cells[col - 1]!;
        const value = row.cells[key];
        if (typeof value === 'number') {
          expect(cell.t).toBe('n');
          expect(Number.isInteger(cell.v)).toBe(true);
          expect(cell.v).toBe(value);
          expect(cell.f).toBe(moneyFormat(value, 'trieu'));
        } else expect(cell.v).toBeNull();
      }
    });
    expect(out.cells[h + 1]![2]!.v).toBe(67_585_500_000);
    expect(out).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, fitToPage: true, printTitleRows: `$${h}:$${h + 1}` });
    expect(out.margins.map((m) => Math.round(m * 25.4))).toEqual([20, 20, 30, 15]);
    expect(out.header).toContain('&P');
  });

  it(
    'LibreOffice shows the amounts of every money cell as the PDF does, in triệu, nghìn and đồng, and the Vietnamese text intact',
    async () => {
      for (const unit of ['trieu', 'nghin', 'dong'] as const) {
        const doc = sampleDoc({ unit });
        const annex = doc.annexes[0]!;
        const csv = parseCsv(fs.readFileSync(soffice(await writeWorkbook(doc, `phu-luc-${unit}.xlsx`), CSV_UTF8, 'csv'), 'utf8'));
        const texts = csv.flat();
        for (const text of [...doc.issuerLines, doc.nationalTitle, doc.motto, doc.numberLine, doc.placeDateLine, annex.label, annex.title, annex.attachedTo, annex.unitLine, annex.amountInWords!]) expect(texts, text).toContain(text);
        const h = csv.findIndex((row) => row[0] === 'STT');
        expect(csv[h]!.slice(0, 4)).toEqual(['STT', 'Nội dung', 'Tổng số', 'Ngân sách trung ương']);
        expect(csv[h + 1]!.slice(3, 7)).toEqual(['Vốn ĐTPT', 'Kinh phí SN', 'Vốn ĐTPT', 'Kinh phí SN']);
        annex.rows.forEach((row, r) => {
          const line = csv[h + 2 + r]!;
          expect(line[0]).toBe(row.stt);
          expect(line[1]).toBe(row.cells.label);
          for (const { key, col } of moneyKeys(annex)) {
            const expected = shown(row.cells[key], unit);
            expect(displayedAs(line[col - 1]!, expected), `${unit} row ${r} ${key}: "${line[col - 1]}" vs "${expected}"`).toBe(true);
          }
        });
        const total = csv[h + 2]!;
        expect(total[1]).toBe('TỔNG SỐ');
        const expectedTotal = { trieu: '67.585,5', nghin: '67.585.500', dong: '67.585.500.000' }[unit];
        expect(displayedAs(total[2]!, expectedTotal), `${unit}: ${total[2]}`).toBe(true);
        if (unit === 'trieu') {
          // Whole millions show no dangling decimal separator; zero shows blank.
          expect(displayedAs(total[3]!, '52.090')).toBe(true);
          expect(displayedAs(total[4]!, '11.885,5')).toBe(true);
          expect(total[6]).toBe('');
        }
      }
    },
    LIBREOFFICE_TIMEOUT * 2,
  );

  it(
    'LibreOffice prints it to PDF: Phụ lục I and the amounts in the text; page 1 saved as a PNG to look at',
    async () => {
      const doc = sampleDoc();
      const pdf = soffice(await writeWorkbook(doc, 'phu-luc-pdf.xlsx'), 'pdf', 'pdf');
      requireTool('pdftotext', 'poppler-utils');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Phụ lục I');
      expect(text).toContain('Phụ lục II');
      expect(text).toContain('67');
      expect(text).toMatch(/67[.,]585[.,]5/);
      expect(text).toContain('(Kèm theo Quyết định số 215/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân huyện Tràng Định)');
      expect(text).toContain('Nơi nhận:');
      expect(text).toContain(doc.signature.name);
      // Page numbers from page 2 on, at the top: the second page starts with "2".
      expect(text.split('\f')[1]!.trim().startsWith('2')).toBe(true);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      fs.mkdirSync(OUT_DIR, { recursive: true });
      const png = path.join(OUT_DIR, 'xlsx-libreoffice-page1');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(10_000);
    },
    LIBREOFFICE_TIMEOUT,
  );
});
