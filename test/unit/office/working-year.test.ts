// The app frame's working year and the end of the district level (issue 15, points 3 and 8), against real SQLite files:
// which years hold data, what the frame says once when the district level has ended, why rule 10 refuses a draft,
// and the date the disbursement screens open at (the latest cut-off, not 31/12 past the data).
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { initialYear, parseYearPath, vietnamYear, yearChoices } from '../../../renderer/app/working-year';
import { percentAxisDecimals, percentLabel } from '../../../renderer/charts/percent-axis';
import { tempDir, testCore } from '../../support/helpers';
import { addLines, call, findings } from '../../support/ledger-helpers';

describe('the working year', () => {
  it('after the sample data every screen opens on 2024, the latest year with data, not the calendar year', () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const info = call(core, 'app.info', {});
    expect(info.dataYears).toEqual([2024]);
    expect(initialYear(null, info.dataYears, 2026)).toBe(2024);
    // A remembered year is kept while it has data (or nothing has any); one left empty gives way to the data.
    expect(initialYear(2024, [2025, 2024], 2026)).toBe(2024);
    expect(initialYear(2026, [2024], 2026)).toBe(2024);
    expect(initialYear(2027, [], 2026)).toBe(2027);
    expect(initialYear(null, [], 2026)).toBe(2026);
    expect(yearChoices([2024], 2026, 2024)).toEqual([2027, 2026, 2024]);
  });

  it('reads the year of a route, whatever screen', () => {
    expect(parseYearPath('/quyet-dinh/2024/5')).toEqual({ screen: 'quyet-dinh', year: 2024 });
    expect(parseYearPath('/giai-ngan')).toEqual({ screen: 'giai-ngan', year: null });
    expect(parseYearPath('/du-an')).toEqual({ screen: 'du-an', year: null });
    expect(parseYearPath('/tong-quan/1999')).toEqual({ screen: 'tong-quan', year: null });
  });

  it('the current year is Vietnam’s: 31/12/2025 23:30 UTC is already 2026 in Hà Nội', () => {
    expect(vietnamYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(vietnamYear(new Date('2025-12-31T16:59:00Z'))).toBe(2025);
  });
});

describe('the end of the district level (rule 10)', () => {
  function coreOn(nowIso: string) {
    const core = openCore({ dataDir: tempDir(), actor: 'test', now: () => nowIso });
    call(core, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
    return core;
  }

  it('the frame says it once with the legal reason after 30/06/2025 (Vietnam time), not before', () => {
    const after = coreOn('2026-03-01T08:00:00.000Z');
    const notice = call(after, 'app.info', {}).levelNotice;
    expect(notice).toMatchObject({ endedOn: '2025-07-01' });
    expect(notice!.legalBasis).toMatch(/NQ 203\/2025\/QH15/);
    expect(notice!.message).toMatch(/Huyện Tràng Định không còn ban hành quyết định phân bổ, điều chỉnh mới/);
    expect(notice!.message).toMatch(/ghi đúng ngày ban hành/);
    after.close();
    // 30/06/2025 17:30 UTC is 01/07/2025 00:30 in Vietnam: the level has ended there.
    const midnight = coreOn('2025-06-30T17:30:00.000Z');
    expect(call(midnight, 'app.info', {}).levelNotice).not.toBeNull();
    midnight.close();
    const before = coreOn('2025-06-30T16:30:00.000Z');
    expect(call(before, 'app.info', {}).levelNotice).toBeNull();
    before.close();
  });

  it('rule 10 on an undated 2024 draft explains why (the law), which date was judged and how to record an older decision', () => {
    const core = coreOn('2026-03-01T08:00:00.000Z');
    call(core, 'assignments.create', { year: 2024, componentCode: 'GNBV.DA2', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_000_000_000 } });
    const id = call(core, 'decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND' }).header.id;
    addLines(core, id, [{ componentCode: 'GNBV.DA2', recipient: { kind: 'district' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 400_000_000 } }]);
    const rule10 = findings(core, id).filter((f) => f.ruleId === 10);
    expect(rule10).toHaveLength(1);
    expect(rule10[0]!.message).toMatch(/Nghị quyết 203\/2025\/QH15/);
    expect(rule10[0]!.message).toMatch(/Dự thảo chưa ghi ngày ban hành nên được xét như ban hành hôm nay \(01\/03\/2026\)/);
    expect(rule10[0]!.message).toMatch(/ghi đúng ngày ban hành của nó/);
    // Dated before the end, the same draft is no longer refused by rule 10.
    call(core, 'decisions.update', { id, patch: { docDate: '2024-05-10' } });
    expect(findings(core, id).filter((f) => f.ruleId === 10)).toEqual([]);
    core.close();
  });
});

describe('the date Tổng quan and Giải ngân open at (point 8)', () => {
  it('the sample opens at 30/06/2024, its last cut-off; the monthly line stops there and no December warning is raised at 31/12', () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    // testCore's clock is 01/03/2024: the latest cut-off reported up to that day is 29/02.
    expect(call(core, 'disbursement.defaultCutoff', { year: 2024 }).date).toBe('2024-02-29');
    core.close();
    const later = openCore({ dataDir: core.dataDir, actor: 'test', now: () => '2026-12-05T08:00:00.000Z' });
    expect(call(later, 'disbursement.defaultCutoff', { year: 2024 }).date).toBe('2024-06-30');
    expect(call(later, 'disbursement.defaultCutoff', { year: 2023 }).date).toBe('2023-12-31');
    expect(call(later, 'disbursement.dashboard', { year: 2024 }).asOf).toBe('2024-06-30');
    const atYearEnd = call(later, 'disbursement.dashboard', { year: 2024, asOf: '2024-12-31' });
    expect(atYearEnd.pacing.months.map((m) => m.actual?.rateText ?? null)).toEqual(['2,0%', '3,7%', '7,5%', '12,5%', '18,0%', '25,0%', null, null, null, null, null, null]);
    expect(atYearEnd.alerts.filter((a) => a.kind === 'cham_tien_do').map((a) => a.message)).toEqual([expect.stringMatching(/^Tháng 6: giải ngân đạt 25,0%, thấp hơn mục tiêu 30,0%/)]);
    later.close();
  });

  it('rate axes keep small rates apart: 0,2% is not labelled "0%"', () => {
    expect(percentAxisDecimals([0.002, 0.004])).toBe(2);
    expect(percentLabel(0.0025, percentAxisDecimals([0.004]))).toBe('0,25%');
    expect(percentLabel(0.005, percentAxisDecimals([0.02]))).toBe('0,5%');
    expect(percentLabel(0.25, percentAxisDecimals([0.25, 0.42]))).toBe('25%');
    expect(percentLabel(0, percentAxisDecimals([null, 0.003]))).toBe('0,00%');
  });
});

describe('one number of decimals per column (point 9)', () => {
  it('68.059,05 / 17.014,763 / 13.134 triệu are shown 68.059,050 / 17.014,763 / 13.134,000; whole amounts keep none', async () => {
    const { columnFormatter, columnDecimals } = await import('../../../shared/money/column-decimals');
    const format = columnFormatter([68_059_050_000, 17_014_763_000, 13_134_000_000], 'trieu');
    expect([68_059_050_000, 17_014_763_000, 13_134_000_000].map(format)).toEqual(['68.059,050', '17.014,763', '13.134,000']);
    expect(columnDecimals([1_250_000_000, 302_000_000], 'trieu')).toBe(0);
    expect(columnDecimals([72_179_050_000], 'trieu')).toBe(2);
    expect(columnDecimals([1_500, 7], 'nghin')).toBe(3);
    expect(columnDecimals([], 'dong')).toBe(0);
  });
});

describe('import preview of another district’s file (point 10)', () => {
  it('names the file’s district, as its error does, and says nothing of "already in the book" beside the error', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/excel', name)).toString('base64');
    const core = testCore({ district: '180' });
    const analyze = (name: string) => core.invokeAsync('import.analyze', { fileName: name, base64: fixture(name), year: 2024 });
    const ours = await analyze('tinh-giao-von-2024.xlsx');
    if (!ours.ok) throw new Error(ours.error.message);
    const committed = await core.invokeAsync('import.commit', { fileName: 'tinh-giao-von-2024.xlsx', base64: fixture('tinh-giao-von-2024.xlsx'), year: 2024, expectedSha256: ours.value.sha256, expectedTotalDong: ours.value.totalDong, expectedDigest: ours.value.digest });
    expect(committed.ok).toBe(true);
    const other = await analyze('huyen-van-quan.xlsx');
    if (!other.ok) throw new Error(other.error.message);
    expect(other.value.findings).toContainEqual(expect.objectContaining({ severity: 'E', code: 'IMPORT_WRONG_DISTRICT', message: expect.stringContaining('Tệp là của Huyện Văn Quan') }));
    expect(other.value.districtName).toBe('Huyện Văn Quan');
    expect(other.value.noop).toBeNull();
    expect(other.value.canCommit).toBe(false);
  });
});

describe('carried-over money on the Giải ngân sheet (point 9)', () => {
  it('the 2023 money extended to 2024 shows its extended plan 4.120 beside the 1.648 disbursed, not 0', () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const sheet = call(core, 'disbursement.sheet', { year: 2024, cutoffDate: '2024-06-30' });
    const carried = sheet.rows.filter((r) => r.originYear === 2023);
    expect(carried.map((r) => [r.componentCode, r.sourceCode, r.capitalType, r.planDong, r.cumulativeDong, r.rateText])).toEqual([['DTTS.DA4.TDA1', 'NSTW', 'DTPT', 4_120_000_000, 1_648_000_000, '40,0%']]);
  });
});
