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

describe('progress and export report without --as-of read the latest date with data, and say so (issue 15)', () => {
  it('progress: the sample year is read at its latest reported cut-off (30/06/2024), not today', async () => {
    const data = seeded();
    const text = await cli(['progress', '--year', '2024', '--data', data]);
    expect(text.code, text.err).toBe(EXIT.ok);
    expect(text.out).toContain('lũy kế đến ngày 30/06/2024');
    expect(text.out).toContain('Không ghi --as-of: đọc đến ngày 30/06/2024, kỳ số liệu giải ngân mới nhất của năm 2024');
    const json = await cli(['progress', '--year', '2024', '--json', '--data', data]);
    expect(JSON.parse(json.out)).toMatchObject({ year: 2024, asOf: '2024-06-30' });
    // A date given is the date used, without the note.
    const given = await cli(['progress', '--year', '2024', '--as-of', '2024-03-31', '--data', data]);
    expect(given.out).toContain('lũy kế đến ngày 31/03/2024');
    expect(given.out).not.toContain('Không ghi --as-of');
  });

  it('export report: dated at the year’s latest issued decision, in the file and in the message', async () => {
    const data = seeded();
    const out = path.join(data, 'bao-cao.xlsx');
    const result = await cli(['export', 'report', '--year', '2024', '--out', out, '--data', data]);
    expect(result.code, result.err).toBe(EXIT.ok);
    expect(result.out).toContain('Không ghi --as-of: số liệu đến ngày 20/09/2024');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const texts = book.worksheets.flatMap((w) => w.getSheetValues().flat()).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('Số liệu đến ngày 20/09/2024'))).toBe(true);
  });
});
