import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { tempDir } from '../../support/helpers';
import { cliRunAsync as cli } from '../../support/cli-capture';


function seeded(): string {
  const data = tempDir();
  expect(runCli(['seed-demo', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
  return data;
}

describe('CLI export annex', () => {
  it('writes the print-ready workbook of a decision, annexes chosen by their numbers', async () => {
    const data = seeded();
    const out = path.join(data, 'nq-28.xlsx');
    const result = await cli(['export', 'annex', '--decision', '2', '--format', 'xlsx', '--out', out, '--annex', 'I', '--data', data]);
    expect(result).toMatchObject({ code: EXIT.ok });
    expect(result.out).toContain('Đã ghi 1 phụ lục');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Phụ lục I']);
    const texts = book.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(texts).toContain('Số: 28/NQ-HĐND');
    expect(texts.some((t) => t.includes('ĐIỀU CHỈNH KẾ HOẠCH VỐN'))).toBe(true);
  });

  it('prints the PDF of the annexes through Chromium', async () => {
    const data = seeded();
    const out = path.join(data, 'qd-215.pdf');
    const result = await cli(['export', 'annex', '--decision', '1', '--format', 'pdf', '--out', out, '--unit', 'nghin', '--orientation', 'portrait', '--data', data]);
    expect(result.code, result.err).toBe(EXIT.ok);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Số: 215/QĐ-UBND');
    expect(text).toContain('Đơn vị tính: nghìn đồng');
    expect(text).toContain('67.585.500');
  }, 120_000);

  it('refuses an unknown decision (exit 1, no file) and bad options (exit 2)', async () => {
    const data = seeded();
    const out = path.join(data, 'x.pdf');
    const missing = await cli(['export', 'annex', '--decision', '99', '--format', 'xlsx', '--out', out, '--data', data]);
    expect(missing.code).toBe(EXIT.validation);
    expect(missing.err).toContain('NOT_FOUND');
    expect(fs.existsSync(out)).toBe(false);
    expect((await cli(['export', 'annex', '--decision', '1', '--format', 'doc', '--out', out, '--data', data])).code).toBe(EXIT.usage);
    const noAnnex = await cli(['export', 'annex', '--decision', '1', '--format', 'xlsx', '--out', out, '--annex', 'IV', '--data', data]);
    expect(noAnnex.code).toBe(EXIT.usage);
    expect(noAnnex.err).toContain('không có phụ lục "IV"');
    expect((await cli(['export', 'annex', '--decision', '1', '--format', 'xlsx', '--out', '/khong/co/thu-muc/x.xlsx', '--data', data])).code).toBe(EXIT.usage);
  });
});
