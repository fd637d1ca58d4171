import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { tempDir } from '../../support/helpers';
import { cliRunAsync as cli } from '../../support/cli-capture';

const FIXTURES = path.resolve(__dirname, '../../fixtures/excel');


function office(): string {
  const data = tempDir();
  expect(runCli(['init', '--office', '180', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
  return data;
}

async function assignmentCount(data: string): Promise<number> {
  const listed = await cli(['assignments', 'list', '--year', '2024', '--json', '--data', data]);
  return (JSON.parse(listed.out) as { lines: unknown[] }).lines.length;
}

describe('CLI import', () => {
  it('--dry-run --json reports year, office, detail lines, totalDong and findings with cells, and writes nothing', async () => {
    const data = office();
    const result = await cli(['import', path.join(FIXTURES, 'tinh-giao-von-2024.xlsx'), '--dry-run', '--json', '--data', data]);
    expect(result.code).toBe(EXIT.ok);
    const report = JSON.parse(result.out) as {
      totalDong: number;
      lines: { amountDong: number; cell: string }[];
      year: number;
      office: { districtCode: string };
      findings: { severity: string; rule: string; cell: string | null; message: string }[];
      committed: boolean;
    };
    expect(report).toMatchObject({ year: 2024, office: { districtCode: '180' }, totalDong: 15_970_750_000, committed: false });
    expect(report.lines).toHaveLength(15);
    expect(report.lines.reduce((s, l) => s + l.amountDong, 0)).toBe(report.totalDong);
    expect(report.lines.map((l) => l.cell)).toContain('D16');
    expect(report.findings).toEqual([{ severity: 'W', rule: 'doc', code: 'IMPORT_HIDDEN_ROW', sheet: 'Biểu 01', cell: 'B16', message: expect.stringContaining('ẩn') }]);
    expect(await assignmentCount(data)).toBe(0);
  });

  it('the text summary names the district, year and unit read from the file, the unit as officers write it', async () => {
    const data = office();
    const result = await cli(['import', path.join(FIXTURES, 'tinh-giao-von-2024.xlsx'), '--dry-run', '--data', data]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out.split('\n')[0]).toBe('Tệp: tinh-giao-von-2024.xlsx — trang "Biểu 01", Huyện Tràng Định, năm 2024, đơn vị tính triệu đồng');
    expect(result.out).not.toMatch(/\btrieu\b/);
  });

  it('commits, then the same file again is a no-op with a message', async () => {
    const data = office();
    const file = path.join(FIXTURES, 'tcvn3-vntimeh.xlsx');
    const first = await cli(['import', file, '--data', data]);
    expect(first.code).toBe(EXIT.ok);
    expect(first.out).toContain('Đã nhập 9 dòng chi tiết');
    expect(await assignmentCount(data)).toBe(13);
    const again = await cli(['import', file, '--json', '--data', data]);
    expect(again.code).toBe(EXIT.ok);
    expect(JSON.parse(again.out)).toMatchObject({ noop: true, committed: false, message: expect.stringContaining('đã được nhập') });
    expect(await assignmentCount(data)).toBe(13);
  });

  it('exits 1 with the findings and writes nothing when the file has an error; 2 on bad usage', async () => {
    const data = office();
    const wrong = await cli(['import', path.join(FIXTURES, 'tong-lech-chi-tiet.xlsx'), '--json', '--data', data]);
    expect(wrong.code).toBe(EXIT.validation);
    const report = JSON.parse(wrong.out) as { findings: { severity: string; rule: string; cell: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'E', rule: '2', cell: 'E17' }));
    const other = await cli(['import', path.join(FIXTURES, 'huyen-van-quan.xlsx'), '--data', data]);
    expect(other.code).toBe(EXIT.validation);
    expect(other.err).toContain('Huyện Văn Quan');
    const notExcel = await cli(['import', path.join(FIXTURES, 'generate.ts'), '--json', '--data', data]);
    expect(notExcel.code).toBe(EXIT.validation);
    expect(JSON.parse(notExcel.out)).toMatchObject({ ok: false, findings: [expect.objectContaining({ severity: 'E', code: 'IMPORT_NOT_WORKBOOK' })] });
    expect(await assignmentCount(data)).toBe(0);
    expect((await cli(['import', '--data', data])).code).toBe(EXIT.usage);
    expect((await cli(['import', 'a.xlsx', '--unit', 'ty', '--data', data])).code).toBe(EXIT.usage);
  });
});
