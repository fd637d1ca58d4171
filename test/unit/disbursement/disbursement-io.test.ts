// Disbursement in and out through real files: a KBNN statement workbook written with exceljs and imported (findings
// with cells, one transaction, no-op on the same file, the column mapping remembered per layout), the CLI
// (`disbursement import`, `progress --json`), and the progress report workbook read back by LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../electron/cli/cli';
import { openCore, type Core } from '../../../electron/core/core';
import type { KbnnPreview } from '../../../shared/api/disbursement';
import { count, tempDir, testCore } from '../../support/helpers';
import { call, must } from '../../support/ledger-helpers';
import { cliRunAsync as cliAsync } from '../../support/cli-capture';

const CUMULATIVE_HEADER = 'Lũy kế giải ngân đến ngày 31/07/2024';

type StatementRow = [string, string, string, string, string, number | string];

/** The demo office's July figures as the treasury lists them: project or content code, name, source, type, origin year, cumulative (đồng). */
const JULY: StatementRow[] = [
  ['TD-2024-01', 'Công trình nước sinh hoạt tập trung thôn Nà Lùng', 'NSTW', 'ĐTPT', '2024', 2_100_000_000],
  ['DTTS.DA4.TDA1', 'Đầu tư cơ sở hạ tầng thiết yếu', 'Ngân sách trung ương', 'Đầu tư phát triển', '2024', 5_900_000_000],
  ['GNBV.DA2', 'Đa dạng hóa sinh kế', 'NSTW', 'Sự nghiệp', '2024', '350.000.000'],
  ['NTM.ND02', 'Hạ tầng kinh tế - xã hội nông thôn mới', 'NS tỉnh đối ứng', 'ĐTPT', '2024', 300_000_000],
];

async function statement(file: string, rows: StatementRow[], cumulativeHeader = CUMULATIVE_HEADER): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao kê');
  ws.addRow(['KHO BẠC NHÀ NƯỚC TRÀNG ĐỊNH']);
  ws.addRow(['BẢNG SAO KÊ TÌNH HÌNH GIẢI NGÂN VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA']);
  ws.addRow(['Đơn vị: đồng']);
  ws.addRow([]);
  ws.addRow(['STT', 'Mã dự án', 'Tên dự án, nội dung', 'Nguồn vốn', 'Loại vốn', 'Năm nguồn vốn', cumulativeHeader]);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  const sum = rows.reduce((a, r) => a + (typeof r[5] === 'number' ? r[5] : Number(r[5].replace(/\./g, ''))), 0);
  ws.addRow(['', 'Tổng cộng', '', '', '', '', { formula: `SUM(G6:G${5 + rows.length})`, result: sum }]);
  await wb.xlsx.writeFile(file);
  return file;
}

const base64 = (file: string) => fs.readFileSync(file).toString('base64');

function demoCore(): Core & { dataDir: string } {
  const core = testCore();
  call(core, 'demo.seed', {});
  return core;
}

const entriesAt = (core: Core, cutoff: string) => (core.db.prepare('SELECT COUNT(*) AS n FROM disbursement WHERE cutoff_date = ?').get(cutoff) as { n: number }).n;

describe('KBNN statement import', () => {
  it('recognizes the columns, the cut-off and the unit; commits the July figures in one transaction; the same file again changes nothing', async () => {
    const core = demoCore();
    const file = await statement(path.join(tempDir(), 'sao-ke-07-2024.xlsx'), JULY);
    const analyzed = must(await core.invokeAsync('disbursement.analyze', { fileName: 'sao-ke-07-2024.xlsx', base64: base64(file) }));
    expect(analyzed).toMatchObject({ sheet: 'Sao kê', headerRow: 5, year: 2024, cutoffDate: '2024-07-31', unit: 'dong', canCommit: true, templateKnown: false, totalDong: 8_650_000_000 });
    expect(analyzed.columns.map((c) => `${c.col}:${c.role}`)).toEqual(['A:null', 'B:projectCode', 'C:name', 'D:source', 'E:capitalType', 'F:originYear', 'G:cumulative']);
    expect(analyzed.lines.map((l) => [l.row, l.componentCode, l.projectCode, l.sourceCode, l.capitalType, l.originYear, l.cumulativeDong, l.previousDong])).toEqual([
      [6, 'DTTS.DA1.ND4', 'TD-2024-01', 'NSTW', 'DTPT', 2024, 2_100_000_000, 1_850_000_000],
      [7, 'DTTS.DA4.TDA1', null, 'NSTW', 'DTPT', 2024, 5_900_000_000, 5_200_000_000],
      [8, 'GNBV.DA2', null, 'NSTW', 'SN', 2024, 350_000_000, 318_580_000],
      [9, 'NTM.ND02', null, 'NST_DOIUNG', 'DTPT', 2024, 300_000_000, 287_149_000],
    ]);
    expect(entriesAt(core, '2024-07-31')).toBe(0);
    const committed = must(await core.invokeAsync('disbursement.commit', { fileName: 'sao-ke-07-2024.xlsx', base64: base64(file), expectedSha256: analyzed.sha256 }));
    expect(committed).toMatchObject({ noop: false, rows: 4, totalDong: 8_650_000_000, cutoffDate: '2024-07-31' });
    expect(committed.message).toBe('Đã nhập 4 dòng sao kê KBNN, lũy kế đến 31/07/2024: 8.650 triệu đồng.');
    expect(fs.existsSync(committed.backupFile!)).toBe(true);
    expect(core.db.prepare("SELECT COUNT(*) AS n, SUM(cumulative_dong) AS s FROM disbursement WHERE cutoff_date = '2024-07-31' AND data_source = 'kbnn'").get()).toEqual({ n: 4, s: 8_650_000_000 });
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'disbursement.commit'").get()).toEqual({ n: 1 });
    // GNBV at 31/07: DA1.TDA1 2.150 and DA4.TDA1 434,034 tr (June figures kept) + DA2 350 tr (the statement) = 2.934,034 tr of
    // the whole-year plan 9.870 + 1.540 + 1.120 + 450 + 154 (NS tỉnh đối ứng SN) = 13.134 tr → 22,339…% → 22,3%
    // (NQ 19 of 25/7 allocates the 154 tr to units; it was assigned already, so the plan is the same as on 30/06).
    const gnbv = call(core, 'disbursement.progress', { year: 2024, asOf: '2024-07-31' }).totals.find((t) => t.denominator.kind === 'ca_nam' && t.programCode === 'GNBV' && t.capitalType === null)!;
    expect(gnbv).toMatchObject({ planDong: 13_134_000_000, disbursedDong: 2_150_000_000 + 350_000_000 + 434_034_000, rateText: '22,3%' });
    const again = must(await core.invokeAsync('disbursement.analyze', { fileName: 'sao-ke-07-2024.xlsx', base64: base64(file) }));
    expect(again.noop).toMatch(/^Tệp này đã được nhập lúc/);
    expect(again.canCommit).toBe(false);
    const noop = must(await core.invokeAsync('disbursement.commit', { fileName: 'sao-ke-07-2024.xlsx', base64: base64(file), expectedSha256: again.sha256 }));
    expect(noop.noop).toBe(true);
    expect(entriesAt(core, '2024-07-31')).toBe(4);
  });

  it('names the cell of each problem in Vietnamese and writes nothing while one is an error', async () => {
    const core = demoCore();
    const rows: StatementRow[] = [...JULY.slice(0, 2), ['GNBV.DA2', 'Đa dạng hóa sinh kế', 'NSTW', 'SN', '2024', 300_000_000], ['XX-99', 'Dự án không có', 'NSTW', 'ĐTPT', '2024', 5], ['NTM.ND02', '', 'Vốn vay', 'ĐTPT', '2024', 1]];
    const file = await statement(path.join(tempDir(), 'sai.xlsx'), rows);
    const p = must(await core.invokeAsync('disbursement.analyze', { fileName: 'sai.xlsx', base64: base64(file) }));
    expect(p.canCommit).toBe(false);
    expect(p.findings.filter((f) => f.severity === 'E').map((f) => [f.cell, f.code])).toEqual([
      ['B9', 'KBNN_UNKNOWN_ROW'],
      ['D10', 'UNKNOWN_FUNDING_SOURCE'],
    ]);
    // Rule 14 is a warning (certainty I): the lower cumulative is named at its cell but does not block the file.
    expect(p.findings.filter((f) => f.severity === 'W').map((f) => [f.cell, f.code])).toContainEqual(['G8', 'DISBURSEMENT_DECREASE']);
    expect(p.findings.find((f) => f.code === 'DISBURSEMENT_DECREASE')!.message).toBe(
      'Dòng 8: lũy kế đến 31/07/2024 là 300.000.000 đồng, thấp hơn kỳ trước 318.580.000 đồng (30/06/2024) mà không có số thu hồi (quy tắc 14 — Lũy kế giải ngân không giảm). Số liệu đã được ghi kèm cảnh báo này; nếu có thu hồi, nhập số thu hồi để bỏ cảnh báo.',
    );
    const refused = await core.invokeAsync('disbursement.commit', { fileName: 'sai.xlsx', base64: base64(file), expectedSha256: p.sha256 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'KBNN_HAS_ERRORS' } });
    expect(!refused.ok && refused.error.message).toContain('Sao kê!B9');
    expect(entriesAt(core, '2024-07-31')).toBe(0);
    expect(count(core, 'disbursement_import')).toBe(0);
  });

  it('an unrecognized cumulative column is mapped once and remembered for the next statement laid out the same way', async () => {
    const core = demoCore();
    const header = 'Số đã thanh toán đến 31/07/2024';
    const july = await statement(path.join(tempDir(), 'kb-07.xlsx'), JULY, header);
    const unmapped = must(await core.invokeAsync('disbursement.analyze', { fileName: 'kb-07.xlsx', base64: base64(july) }));
    expect(unmapped.findings[0]).toMatchObject({ severity: 'E', code: 'KBNN_MISSING_COLUMN', message: 'Thiếu cột "Lũy kế giải ngân"; chọn cột đó ở phần ghép cột.' });
    const mapping = { columns: { G: 'cumulative' as const } };
    const mapped = must(await core.invokeAsync('disbursement.analyze', { fileName: 'kb-07.xlsx', base64: base64(july), mapping }));
    expect(mapped).toMatchObject({ canCommit: true, cutoffDate: '2024-07-31', totalDong: 8_650_000_000 });
    must(await core.invokeAsync('disbursement.commit', { fileName: 'kb-07.xlsx', base64: base64(july), mapping, expectedSha256: mapped.sha256 }));
    const august = await statement(
      path.join(tempDir(), 'kb-08.xlsx'),
      JULY.map((r) => [...r.slice(0, 5), typeof r[5] === 'number' ? r[5] + 100_000_000 : '450.000.000'] as StatementRow),
      'Số đã thanh toán đến 31/08/2024',
    );
    const next = must(await core.invokeAsync('disbursement.analyze', { fileName: 'kb-08.xlsx', base64: base64(august) }));
    expect(next).toMatchObject({ templateKnown: true, cutoffDate: '2024-08-31', canCommit: true, totalDong: 8_650_000_000 + 400_000_000 });
  });

  it('refuses a file that is not a workbook before reading it, through the shared container check', async () => {
    const core = demoCore();
    const result = await core.invokeAsync('disbursement.analyze', { fileName: 'x.xlsx', base64: Buffer.from('not a zip at all').toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_WORKBOOK' } });
  });
});


describe('CLI: disbursement import and progress', () => {
  function seeded(): string {
    const data = tempDir();
    const seed = runCli(['seed-demo', '--data', data], { out: () => {}, err: () => {}, env: {} });
    expect(seed).toBe(EXIT.ok);
    return data;
  }
  const julyRows = (data: string) => {
    const core = openCore({ dataDir: data, actor: 'test', create: false });
    try {
      return entriesAt(core, '2024-07-31');
    } finally {
      core.close();
    }
  };

  it('--dry-run --json lists the lines and writes nothing; an error exits 1 naming the cell; then the import commits and is a no-op the second time', async () => {
    const data = seeded();
    const file = await statement(path.join(tempDir(), 'sao-ke.xlsx'), JULY);
    const dry = await cliAsync(['disbursement', 'import', file, '--dry-run', '--json', '--data', data]);
    expect(dry.code).toBe(EXIT.ok);
    const report = JSON.parse(dry.out) as { totalDong: number; cutoffDate: string; lines: KbnnPreview['lines']; committed: boolean };
    expect(report).toMatchObject({ totalDong: 8_650_000_000, cutoffDate: '2024-07-31', committed: false });
    expect(report.lines).toHaveLength(4);
    expect(julyRows(data)).toBe(0);
    const bad = await statement(path.join(tempDir(), 'sai.xlsx'), [['XX-99', 'Không có', 'NSTW', 'ĐTPT', '2024', 5]]);
    const refused = await cliAsync(['disbursement', 'import', bad, '--data', data]);
    expect(refused.code).toBe(EXIT.validation);
    expect(refused.err).toContain('[E] Sao kê!B6: Dòng 6: "XX-99" không phải mã dự án');
    const done = await cliAsync(['disbursement', 'import', file, '--data', data]);
    expect(done.code).toBe(EXIT.ok);
    expect(done.out).toContain('Đã nhập 4 dòng sao kê KBNN, lũy kế đến 31/07/2024');
    // The unit as officers write it, not the option value (issue 15, point 1).
    expect(done.out).toMatch(/đơn vị (đồng|nghìn đồng|triệu đồng)$/m);
    expect(done.out).not.toMatch(/đơn vị (dong|nghin|trieu)\b/);
    expect(julyRows(data)).toBe(4);
    const again = await cliAsync(['disbursement', 'import', file, '--json', '--data', data]);
    expect(JSON.parse(again.out)).toMatchObject({ noop: true, committed: false });
    expect((await cliAsync(['disbursement', 'frobnicate', '--data', data])).code).toBe(EXIT.usage);
  });

  it('progress --year 2024 --as-of 2024-06-30 --json: plan, disbursed, rate and denominator by program × capital type × source', async () => {
    const data = seeded();
    let printed = '';
    const result = runCli(['progress', '--year', '2024', '--as-of', '2024-06-30', '--json', '--data', data], { out: (t) => (printed = t), err: () => {}, env: {} });
    expect(result).toBe(EXIT.ok);
    const value = JSON.parse(printed) as { rows: { programCode: string; capitalType: string; sourceCode: string; originYear: number; planDong: number; disbursedDong: number; rateText: string; denominator: { kind: string; label: string } }[] };
    // DTTS · NSTW · SN: plan 3.850 + 1.730 + 2.215,5 = 7.795,5 tr; disbursed 420 + 310 + 250 + 300 + 212 + 1.103 = 2.595 tr → 33,288…% → 33,3%.
    expect(value.rows.find((r) => r.programCode === 'DTTS' && r.capitalType === 'SN' && r.sourceCode === 'NSTW')).toEqual(
      expect.objectContaining({ originYear: 2024, planDong: 7_795_500_000, disbursedDong: 2_595_000_000, rateText: '33,3%', denominator: expect.objectContaining({ kind: 'ca_nam' }) }),
    );
    // The NS tỉnh đối ứng SN is planned (assigned) but not disbursed by 30/06: NQ 19 allocates it to the units on 25/7.
    expect(value.rows.find((r) => r.programCode === 'DTTS' && r.capitalType === 'SN' && r.sourceCode === 'NST_DOIUNG')).toMatchObject({ planDong: 221_550_000, disbursedDong: 0, rateText: '0,0%' });
    expect(value.rows.find((r) => r.originYear === 2023)).toMatchObject({ planDong: 4_120_000_000, disbursedDong: 1_648_000_000, rateText: '40,0%', denominator: { kind: 'keo_dai', label: 'Kế hoạch vốn năm 2023 kéo dài' } });
    expect(runCli(['progress', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.usage);
  });
});

const LIBREOFFICE_TIMEOUT = 120_000;

describe('progress report workbook', () => {
  it('LibreOffice reads back the same rates as the app shows, under each named denominator', async () => {
    const core = demoCore();
    const exported = must(await core.invokeAsync('disbursement.exportReport', { year: 2024, asOf: '2024-06-30' }));
    expect(exported.fileName).toBe('bao-cao-giai-ngan-2024-06-30.xlsx');
    const file = path.join(tempDir(), exported.fileName);
    fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));
    const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.error) throw new Error('"soffice" is not on PATH: install libreoffice-calc-nogui (CI installs it).');
    const outDir = tempDir('sovon-lo-out-');
    const profile = tempDir('sovon-lo-profile-');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, file], {
      stdio: 'pipe',
      timeout: LIBREOFFICE_TIMEOUT - 10_000,
    });
    const csv = fs.readFileSync(path.join(outDir, 'bao-cao-giai-ngan-2024-06-30.csv'), 'utf8');
    const rows = csv.split(/\r?\n/).map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
    const report = call(core, 'disbursement.report', { year: 2024, asOf: '2024-06-30' });
    // Every report row, in order: label, plan and disbursed in triệu, and the rate the app shows.
    const read = rows.filter((r) => report.sections.some((s) => s.rows.some((x) => x.label === r[1]))).map((r) => [r[1], r[4]]);
    const expected = report.sections.flatMap((s) => s.rows.map((r) => [r.label, r.rateText.replace(',', '.')]));
    expect(read).toEqual(expected);
    expect(expected.slice(0, 2)).toEqual([
      ['TỔNG SỐ', '25.0%'],
      [expect.stringContaining('vùng đồng bào dân tộc thiểu số'), '22.3%'],
    ]);
    expect(expected).toContainEqual([expect.stringContaining('giảm nghèo bền vững'), '22.1%']);
    // The whole-year total row: 67.585,5 + 473,55 (NS tỉnh đối ứng SN) = 68.059,05 tr planned, 17.014,763 tr disbursed
    // (DTTS 10.125 + GNBV 2.902,614 + NTM 3.987,149), 25,000…%.
    expect(rows.find((r) => r[1] === 'TỔNG SỐ')!.slice(2, 5)).toEqual(['68,059.05', '17,014.763', '25.0%']);
    expect(csv).toContain('Mẫu số: Kế hoạch cả năm 2024 (gồm vốn địa phương bổ sung)');
    expect(csv).toContain('Mẫu số: Kế hoạch vốn năm 2023 kéo dài');
    expect(csv).toContain('Bình quân cả nước');
  }, LIBREOFFICE_TIMEOUT);
});
