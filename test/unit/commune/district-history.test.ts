// Issue 21, point 4 (succession): the Tràng Định 2024 sample's exchange package, written by the CLI from a real
// district office, imported into the office of Xã Tràng Định (06046) as read-only history; then every refusal.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/cli';
import { openCore, type Core } from '../../../electron/core/core';
import { DISBURSEMENT_SHEET } from '../../../electron/core/exchange/package-format';
import type { HistoryImportSummary, HistoryView } from '../../../shared/api/history';
import { count, tempDir } from '../../support/helpers';
import { asFormatTwo } from '../../support/old-package';
import { cliRunAsync as cli } from '../../support/cli-capture';


/**
 * The district sample's 2024 package, as `export package` writes it; `record` may first add disbursement through the
 * district's own command (disbursement.save), as the office would have entered it.
 */
async function districtPackage(record?: (district: Core) => void): Promise<string> {
  const data = tempDir();
  expect((await cli(['init', '--office', '180', '--data', data])).code).toBe(EXIT.ok);
  expect((await cli(['seed-demo', '--data', data])).code).toBe(EXIT.ok);
  if (record) withCore(data, record);
  const file = path.join(tempDir(), 'goi-tran-dinh-2024.xlsx');
  const exported = await cli(['export', 'package', '--year', '2024', '--out', file, '--data', data]);
  expect(exported.err).toBe('');
  expect(exported.code).toBe(EXIT.ok);
  return file;
}

async function communeOffice(code = '06046'): Promise<string> {
  const data = tempDir();
  const init = await cli(['init', '--office', code, '--data', data]);
  expect(init.code, init.err).toBe(EXIT.ok);
  return data;
}

const HISTORY_TABLES = ['history_package', 'history_decision', 'history_line', 'history_disbursement', 'extension', 'decision', 'decision_line', 'assignment', 'ledger_fold'] as const;

function withCore<T>(data: string, run: (core: Core) => T): T {
  const core = openCore({ dataDir: data, actor: 'test', now: () => '2026-06-01T03:00:00.000Z' });
  try {
    return run(core);
  } finally {
    core.close();
  }
}

const counts = (data: string) => withCore(data, (core) => Object.fromEntries(HISTORY_TABLES.map((t) => [t, count(core, t)])));

describe('the former district as history of a commune office (issue 21, point 4)', () => {
  it('imports the Tràng Định 2024 package: decisions read-only, old communes under Xã Tràng Định, the money still open with 31/12/2026', async () => {
    const pkg = await districtPackage();
    const data = await communeOffice();

    const imported = await cli(['import-history', pkg, '--data', data]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(EXIT.ok);
    expect(imported.out).toContain('làm lịch sử (chỉ đọc, không tính vào kế hoạch của xã): 3 quyết định, nghị quyết đã ban hành');
    expect(imported.out).toContain('[chỉ đọc] 215/QĐ-UBND ngày 15/03/2024 (Huyện Tràng Định)');
    expect(imported.out).toContain('Xã Tràng Định: Xã Đề Thám (06046), Xã Hùng Sơn (06055), Xã Hùng Việt (06061)');
    expect(imported.out).toContain('Số giải ngân của huyện: 102 dòng (mọi kỳ số liệu), 6 dòng của các xã cũ');
    expect(imported.out).toMatch(
      /Xã Đề Thám → Xã Tràng Định, NSTW SN: phân bổ 500\.000\.000 đồng, đã giải ngân 200\.000\.000 đồng \(đến 30\/06\/2024\), còn 300\.000\.000 đồng; hạn giải ngân 31\/12\/2026 \(Kéo dài đến 31\/12\/2026 theo Nghị quyết số 257\/2025\/QH15/,
    );
    expect(imported.out).toContain('Tổng theo lịch sử: đã phân bổ 500.000.000 đồng, đã giải ngân 200.000.000 đồng, còn phải giải ngân 300.000.000 đồng');

    const shown = await cli(['history', '--as-of', '2026-06-30', '--json', '--data', data]);
    expect(shown.code).toBe(EXIT.ok);
    const view = JSON.parse(shown.out) as HistoryView;
    expect(view.packages.map((p) => [p.districtCode, p.year, p.carriesDisbursement])).toEqual([['180', 2024, true]]);
    expect(view.disbursementNote).toBeNull();
    expect(view.decisions.map((d) => d.numberText)).toEqual(['215/QĐ-UBND', '19/NQ-HĐND', '28/NQ-HĐND']);
    expect(view.decisions.every((d) => d.readOnly)).toBe(true);
    expect(view.formerUnits.map((u) => `${u.name}→${u.successorName}`)).toEqual(['Xã Đề Thám→Xã Tràng Định', 'Xã Hùng Sơn→Xã Tràng Định', 'Xã Hùng Việt→Xã Tràng Định']);
    // Only the lines whose recipient was one of the former communes: the sample gives Đề Thám 500 million of NTM SN.
    expect(view.open).toHaveLength(1);
    // The sample records Đề Thám's cumulative month by month to 30/06/2024 (200 million by June): the latest cut-off
    // counts, not the sum of the six, and the open money is allocated − disbursed.
    expect(view.open[0]).toMatchObject({
      originYear: 2024,
      componentCode: 'NTM.ND05',
      formerUnitCode: '06046',
      formerUnitName: 'Xã Đề Thám',
      sourceCode: 'NSTW',
      capitalType: 'SN',
      allocatedDong: 500_000_000,
      disbursedDong: 200_000_000,
      disbursedCutoff: '2024-06-30',
      openDong: 300_000_000,
      overDisbursedDong: 0,
      disbursementKnown: true,
      reassignedDong: 0,
      deadline: '2026-12-31',
      daysLeft: 184,
      status: 'con_han',
      decisions: ['215/QĐ-UBND'],
    });
    expect(view.open[0]!.openDong).toBe(view.open[0]!.allocatedDong - view.open[0]!.disbursedDong);
    expect([view.allocatedTotalDong, view.disbursedTotalDong, view.openTotalDong]).toEqual([500_000_000, 200_000_000, 300_000_000]);
    // Read at a date before the district's April figure, only what it had reported by then counts (100 million at 30/04).
    const earlier = await cli(['history', '--as-of', '2024-04-30', '--json', '--data', data]);
    expect((JSON.parse(earlier.out) as HistoryView).open[0]).toMatchObject({ disbursedDong: 100_000_000, openDong: 400_000_000, disbursedCutoff: '2024-04-30' });

    withCore(data, (core) => {
      // Kept apart: none of it is a decision, a ledger row or an assignment of the commune.
      expect(count(core, 'decision')).toBe(0);
      expect(count(core, 'ledger_fold')).toBe(0);
      const plan = core.invoke('ledger.plan', { year: 2024, groupBy: ['program'] });
      expect(plan.ok && plan.value.rows.length).toBe(0);
      // Never editable: the database refuses a change to the history.
      expect(() => core.db.prepare('UPDATE history_line SET amount_dong = 1').run()).toThrow(/chỉ được đọc/);
      expect(() => core.db.prepare('DELETE FROM history_decision').run()).toThrow(/chỉ được đọc/);
      expect(() => core.db.prepare('DELETE FROM history_package').run()).toThrow(/chỉ được đọc/);
      expect(() => core.db.prepare('UPDATE history_disbursement SET cumulative_dong = 0').run()).toThrow(/chỉ được đọc/);
      expect(() => core.db.prepare('DELETE FROM history_disbursement').run()).toThrow(/chỉ được đọc/);
      // The district's disbursement is history too: none of it in the commune's own disbursement book.
      expect(count(core, 'history_disbursement')).toBe(102);
      expect(count(core, 'disbursement')).toBe(0);
      // The audit row was written with the import.
      expect(count(core, "audit_log WHERE command = 'history.importPackage' AND entity = 'history_package'")).toBe(1);
    });

    // The same package again: a no-op, nothing written.
    const before = counts(data);
    const again = await cli(['import-history', pkg, '--json', '--data', data]);
    expect(again.code).toBe(EXIT.ok);
    const summary = JSON.parse(again.out) as HistoryImportSummary;
    expect(summary.noop).toBe(true);
    expect(summary.message).toContain('đã được nhập làm lịch sử');
    expect(counts(data)).toEqual(before);
  }, 120_000);

  it("the province's re-assignment of that money is an assignment with its origin year kept, and rule 13 follows it", async () => {
    const pkg = await districtPackage();
    const data = await communeOffice();
    expect((await cli(['import-history', pkg, '--data', data])).code).toBe(EXIT.ok);
    withCore(data, (core) => {
      const assigned = core.invoke('assignments.create', {
        year: 2026,
        componentCode: 'NTM.ND05',
        sourceCode: 'NSTW',
        capitalType: 'SN',
        originYear: 2024,
        amount: { dong: 500_000_000 },
        basisNumber: '1234/QĐ-UBND',
        basisDate: '2026-02-10',
        basisIssuer: 'UBND tỉnh Lạng Sơn',
        note: 'Giao lại vốn của xã Đề Thám cũ cho UBND xã Tràng Định làm chủ đầu tư',
      });
      expect(assigned.ok, assigned.ok ? '' : assigned.error.message).toBe(true);
      const deadlines = core.invoke('disbursement.deadlines', { year: 2026, asOf: '2026-12-15' });
      expect(deadlines.ok).toBe(true);
      if (!deadlines.ok) return;
      const row = deadlines.value.rows.find((r) => r.originYear === 2024 && r.programCode === 'NTM');
      expect(row).toMatchObject({ deadline: '2026-12-31', status: 'sap_het_han', remainingDong: 500_000_000 });
      expect(row!.deadlineBasis).toContain('257/2025/QH15');
      // The history's listing names what the province re-assigned on the same key.
      const view = core.invoke('history.show', { asOf: '2026-12-15' });
      expect(view.ok && view.value.open.map((o) => [o.formerUnitName, o.allocatedDong, o.reassignedDong, o.status])).toEqual([['Xã Đề Thám', 500_000_000, 500_000_000, 'sap_het_han']]);
    });
  }, 120_000);

  it('a package made before format 3 (no disbursement) still imports, and the history says plainly the open money is the allocation', async () => {
    const pkg = await asFormatTwo(await districtPackage());
    const data = await communeOffice();
    const imported = await cli(['import-history', pkg, '--data', data]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(EXIT.ok);
    expect(imported.out).toContain('Gói định dạng 2 (tạo trước định dạng 3) không mang số giải ngân của huyện: số còn phải giải ngân của các xã cũ là số huyện đã phân bổ, chưa trừ số đã giải ngân.');
    expect(imported.out).toContain('đã giải ngân: gói không có số, còn 500.000.000 đồng');

    const view = JSON.parse((await cli(['history', '--as-of', '2026-06-30', '--json', '--data', data])).out) as HistoryView;
    expect(view.packages.map((p) => p.carriesDisbursement)).toEqual([false]);
    expect(view.disbursementNote).toContain('không mang số giải ngân của huyện');
    expect(view.open.map((o) => [o.formerUnitName, o.allocatedDong, o.disbursedDong, o.openDong, o.disbursementKnown, o.status])).toEqual([['Xã Đề Thám', 500_000_000, 0, 500_000_000, false, 'con_han']]);
    withCore(data, (core) => expect(count(core, 'history_disbursement')).toBe(0));
  }, 120_000);

  it('money the district disbursed in full is open 0 with no deadline warning; disbursed beyond the allocation is said, not netted', async () => {
    // The district's year-end figure for Đề Thám, entered through its own command: 620 million against 500 allocated.
    const pkg = await districtPackage((district) => {
      const saved = district.invoke('disbursement.save', {
        year: 2024,
        cutoffDate: '2024-12-31',
        entries: [{ key: { componentCode: 'NTM.ND05', projectCode: null, communeCode: '06046', sourceCode: 'NSTW', capitalType: 'SN', originYear: 2024 }, cumulative: { dong: 620_000_000 } }],
      });
      expect(saved.ok, saved.ok ? '' : saved.error.message).toBe(true);
    });
    const data = await communeOffice();
    const imported = await cli(['import-history', pkg, '--json', '--data', data]);
    expect(imported.code).toBe(EXIT.ok);
    // Nothing of 2021–2025 is open for the former communes: no NQ 257 extension record is needed.
    expect((JSON.parse(imported.out) as HistoryImportSummary).extensionId).toBeNull();
    const shown = await cli(['history', '--as-of', '2026-12-15', '--data', data]);
    expect(shown.out).toContain('phân bổ 500.000.000 đồng, đã giải ngân 620.000.000 đồng (đến 31/12/2024), còn 0 đồng — giải ngân vượt số phân bổ 120.000.000 đồng, cần đối chiếu');
    const view = JSON.parse((await cli(['history', '--as-of', '2026-12-15', '--json', '--data', data])).out) as HistoryView;
    expect(view.open.map((o) => [o.allocatedDong, o.disbursedDong, o.openDong, o.overDisbursedDong, o.status])).toEqual([[500_000_000, 620_000_000, 0, 120_000_000, 'da_giai_ngan_het']]);
    expect(view.openTotalDong).toBe(0);
  }, 120_000);

  it('refuses a package of a district the commune was not formed from, naming both', async () => {
    const pkg = await districtPackage();
    const data = await communeOffice(otherDistrictCommune());
    const before = counts(data);
    const refused = await cli(['import-history', pkg, '--json', '--data', data]);
    expect(refused.code).toBe(EXIT.validation);
    const error = JSON.parse(refused.out || refused.err) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('HISTORY_WRONG_DISTRICT');
    expect(error.error.message).toContain('Huyện Tràng Định (mã 180)');
    expect(counts(data)).toEqual(before);
  }, 120_000);

  it('refuses a tampered package (the package checks) and a district office, writing nothing', async () => {
    const pkg = await districtPackage();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pkg);
    const lines = wb.getWorksheet('Chi tiết quyết định')!;
    const cell = lines.getCell(4, 14);
    cell.value = (cell.value as number) + 1_000_000;
    const tampered = path.join(path.dirname(pkg), 'goi-da-sua.xlsx');
    fs.writeFileSync(tampered, Buffer.from(await wb.xlsx.writeBuffer()));

    const data = await communeOffice();
    const before = counts(data);
    const refused = await cli(['import-history', tampered, '--data', data]);
    expect(refused.code).toBe(EXIT.validation);
    expect(refused.err).toContain('đã bị sửa sau khi xuất');
    expect(counts(data)).toEqual(before);

    // The disbursement is inside the integrity check too: a cumulative lowered by hand is refused.
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(pkg);
    const disbursed = wb2.getWorksheet(DISBURSEMENT_SHEET.name)!.getCell(4, 12);
    disbursed.value = 0;
    const lowered = path.join(path.dirname(pkg), 'goi-sua-giai-ngan.xlsx');
    fs.writeFileSync(lowered, Buffer.from(await wb2.xlsx.writeBuffer()));
    const refusedToo = await cli(['import-history', lowered, '--data', data]);
    expect(refusedToo.code).toBe(EXIT.validation);
    expect(refusedToo.err).toContain('đã bị sửa sau khi xuất');
    expect(counts(data)).toEqual(before);

    const district = tempDir();
    expect((await cli(['init', '--office', '180', '--data', district])).code).toBe(EXIT.ok);
    const notCommune = await cli(['import-history', pkg, '--data', district]);
    expect(notCommune.code).toBe(EXIT.validation);
    expect(notCommune.err).toContain('chỉ văn phòng cấp xã');
  }, 120_000);
});

/** A 2025 commune none of whose former communes belonged to Tràng Định (180): the reference lists read as text. */
function otherDistrictCommune(): string {
  const seed = (name: string) =>
    fs
      .readFileSync(path.join(__dirname, '../../../resources/seed', name), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(','));
  const trangDinh = new Set(seed('langson-units.csv').filter((r) => r[3] === '180').map((r) => r[0]));
  const row = seed('langson-units-2025.csv').find((r) => !r[5]!.split(';').some((p) => trangDinh.has(p.trim().slice(0, 5))));
  return row![0]!;
}

