// The exchange commands of the CLI over real data folders: export package, import-package (ok, no-op, refusals),
// export report, with their exit codes, Vietnamese messages and --json output.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { tempDir } from '../../support/helpers';
import { cliRunAsync as cli } from '../../support/cli-capture';

const quiet = { out: () => {}, err: () => {}, env: {} };


function seeded(): string {
  const data = tempDir();
  expect(runCli(['seed-demo', '--data', data], quiet)).toBe(EXIT.ok);
  return data;
}

function office(district: string): string {
  const data = tempDir();
  expect(runCli(['init', '--office', district, '--signer', 'Hoàng Văn Minh|Chủ tịch UBND huyện', '--data', data], quiet)).toBe(EXIT.ok);
  return data;
}

describe('CLI exchange package and report', () => {
  it('export package then import-package into a fresh office of the district: exit 0, then a second import is a no-op (exit 0)', async () => {
    const source = seeded();
    const file = path.join(tempDir(), 'goi-2024.xlsx');
    const exported = await cli(['export', 'package', '--year', '2024', '--out', file, '--data', source, '--json']);
    expect(exported.code, exported.err).toBe(EXIT.ok);
    const value = JSON.parse(exported.out) as { file: string; sha256: string; fileName: string };
    expect(value).toMatchObject({ file, fileName: 'goi-trao-doi-180-nam-2024.xlsx' });
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['goi-2024.xlsx']);

    const target = office('180');
    const imported = await cli(['import-package', file, '--data', target]);
    expect(imported.code, imported.err).toBe(EXIT.ok);
    expect(imported.out).toContain('Đã nhập gói năm 2024 từ tệp "goi-2024.xlsx"');
    // The demo: 14 + 3 (NS tỉnh đối ứng SN) assignment lines, 71.705,5 + 221,55 + 154 + 98 = 72.179,05 triệu;
    // QĐ 215 (17 lines), NQ 28 (2) and NQ 19 (6): 25 lines.
    expect(imported.out).toContain('17 dòng vốn được giao, tổng 72.179.050.000 đồng; 3 quyết định, nghị quyết đã ban hành với 25 dòng');
    // Allocated: QĐ 215 67.585,5 + NQ 19 473,55 (NQ 28 moves 300, nets 0) = 68.059,05; remaining 72.179,05 − 68.059,05 = 4.120.
    const plan = await cli(['plan', '--year', '2024', '--data', target]);
    // The year's money and the 2023 money carried over are separate groups, each with its own rate (rule 12).
    expect(plan.out).toContain('Cộng vốn năm 2024: được giao 68.059.050.000, HĐND điều chỉnh 0, đã phân bổ 68.059.050.000, còn lại 0 đồng, tỷ lệ 100,0%');
    expect(plan.out).toContain('Cộng vốn năm 2023 kéo dài sang năm 2024: được giao 4.120.000.000, HĐND điều chỉnh 0, đã phân bổ 0, còn lại 4.120.000.000 đồng, tỷ lệ 0,0%');

    const again = await cli(['import-package', file, '--data', target, '--json']);
    expect(again.code).toBe(EXIT.ok);
    expect(JSON.parse(again.out)).toMatchObject({ noop: true, year: 2024, sha256: value.sha256 });
    expect(JSON.parse(again.out).message).toContain('không ghi gì thêm');
  });

  it('import-package refuses with exit 1 and the reason: another district, an edited file, a year with data', async () => {
    const source = seeded();
    const file = path.join(tempDir(), 'goi.xlsx');
    expect((await cli(['export', 'package', '--year', '2024', '--out', file, '--data', source])).code).toBe(EXIT.ok);

    const wrong = await cli(['import-package', file, '--data', office('188')]);
    expect(wrong.code).toBe(EXIT.validation);
    expect(wrong.err).toContain('Lỗi [IMPORT_WRONG_OFFICE]');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Chi tiết quyết định')!.getCell(4, 14).value = 1;
    const edited = path.join(path.dirname(file), 'goi-da-sua.xlsx');
    await wb.xlsx.writeFile(edited);
    const tampered = await cli(['import-package', edited, '--data', office('180'), '--json']);
    expect(tampered.code).toBe(EXIT.validation);
    expect(JSON.parse(tampered.out)).toMatchObject({ ok: false, error: { code: 'PACKAGE_TAMPERED' } });

    const full = await cli(['import-package', file, '--data', source]);
    expect(full.code).toBe(EXIT.validation);
    expect(full.err).toContain('Lỗi [PACKAGE_TARGET_NOT_EMPTY]');
  });

  it('export report writes the workbook in the unit asked for', async () => {
    const data = seeded();
    const out = path.join(tempDir(), 'bao-cao.xlsx');
    const result = await cli(['export', 'report', '--year', '2024', '--out', out, '--unit', 'nghin', '--as-of', '2024-12-31', '--data', data]);
    expect(result.code, result.err).toBe(EXIT.ok);
    expect(result.out).toBe(`Đã ghi báo cáo phân bổ vốn năm 2024 vào ${out}.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo chương trình', 'Theo hợp phần', 'Theo xã']);
    expect(wb.worksheets[0]!.getCell(4, 1).value).toBe('Đơn vị tính: nghìn đồng');
    expect(wb.worksheets[0]!.getCell(6, 5).value).toBe(72_179_050_000); // assigned: 71.705,5 + 473,55 (NS tỉnh đối ứng SN) triệu
  });

  it('usage errors exit 2 and write nothing', async () => {
    const data = seeded();
    const dir = tempDir();
    const cases = [
      ['export', 'package', '--out', path.join(dir, 'x.xlsx'), '--data', data],
      ['export', 'package', '--year', '24', '--out', path.join(dir, 'x.xlsx'), '--data', data],
      ['export', 'package', '--year', '2024', '--data', data],
      ['export', 'package', '--year', '2024', '--out', '/khong/co/thu-muc/x.xlsx', '--data', data],
      ['export', 'report', '--year', '2024', '--out', path.join(dir, 'x.xlsx'), '--unit', 'ty', '--data', data],
      ['export', 'report', '--year', '2024', '--out', path.join(dir, 'x.xlsx'), '--as-of', '31/12/2024', '--data', data],
      ['export', 'bang', '--data', data],
      ['import-package', '--data', data],
      ['import-package', path.join(dir, 'khong-co.xlsx'), '--data', data],
    ];
    for (const args of cases) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(EXIT.usage);
      expect(result.err).toContain('Sai cú pháp');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    // A year with nothing to export is refused by the core: exit 1.
    const empty = await cli(['export', 'package', '--year', '2030', '--out', path.join(dir, 'x.xlsx'), '--data', data]);
    expect(empty.code).toBe(EXIT.validation);
    expect(empty.err).toContain('Năm 2030 chưa có vốn được giao hay quyết định đã ban hành');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
