import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/cli';
import { openCore, type Core } from '../../../electron/core/core';
import { loadMigrations } from '../../../electron/core/db/migrations';
import type { Result } from '../../../shared/api/result';
import { tempDir } from '../../support/helpers';
import { cliRun as cli } from '../../support/cli-capture';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Opens the core on a data folder for one piece of set-up and closes it before the CLI opens the same folder. */
function withCore<T>(dataDir: string, run: (core: Core) => T): T {
  const core = openCore({ dataDir, actor: 'test' });
  try {
    return run(core);
  } finally {
    core.close();
  }
}


describe('CLI', () => {
  it('init --office 180 then info --json: the office is a pilot, with schema version and catalog counts', () => {
    const data = tempDir();
    const init = cli(['init', '--office', '180', '--data', data, '--json']);
    expect(init.code).toBe(EXIT.ok);
    expect(JSON.parse(init.out)).toMatchObject({ districtCode: '180', pilot: true });
    const info = cli(['info', '--data', data, '--json']);
    expect(info.code).toBe(EXIT.ok);
    const value = JSON.parse(info.out);
    expect(value.office).toMatchObject({ districtCode: '180', districtName: 'Huyện Tràng Định', pilot: true });
    expect(value.schemaVersion).toBe(loadMigrations(path.resolve(import.meta.dirname, '../../../resources/migrations')).length);
    expect(value.catalog).toEqual([
      expect.objectContaining({ periodCode: '2021-2025', programs: 3, rows: 62 }),
      expect.objectContaining({ periodCode: '2026-2035', programs: 1, rows: 20 }),
    ]);
    expect(value.units).toEqual([expect.objectContaining({ dataset: '2024-11', count: 212 }), expect.objectContaining({ dataset: '2025-07', count: 65 })]);
  });

  it('init --office 184 (Văn Quan) is not a pilot', () => {
    const data = tempDir();
    expect(cli(['init', '--office', '184', '--data', data]).code).toBe(EXIT.ok);
    expect(JSON.parse(cli(['info', '--data', data, '--json']).out).office.pilot).toBe(false);
  });

  it('an unknown district code exits 1 with a clear message and leaves no database', () => {
    const data = tempDir();
    const result = cli(['init', '--office', '999', '--data', data]);
    expect(result.code).toBe(EXIT.validation);
    expect(result.err).toContain('Mã đơn vị: "999" không có trong danh mục');
    expect(fs.existsSync(path.join(data, 'so-von.sqlite'))).toBe(false);
  });

  it('usage errors exit 2; info before init exits 1', () => {
    expect(cli([]).code).toBe(EXIT.usage);
    expect(cli(['frobnicate']).code).toBe(EXIT.usage);
    expect(cli(['init']).code).toBe(EXIT.usage);
    expect(cli(['assignments', 'list', '--data', tempDir()]).code).toBe(EXIT.usage);
    expect(cli(['init', '--bogus-flag']).code).toBe(EXIT.usage);
    const info = cli(['info', '--data', tempDir()]);
    expect(info.code).toBe(EXIT.validation);
    expect(info.err).toContain('OFFICE_NOT_INITIALIZED');
  });

  it('seed-demo then assignments list --year 2024 prints the lines', () => {
    const data = tempDir();
    expect(cli(['seed-demo', '--data', data]).code).toBe(EXIT.ok);
    const list = cli(['assignments', 'list', '--year', '2024', '--data', data, '--json']);
    expect(list.code).toBe(EXIT.ok);
    const sheet = JSON.parse(list.out);
    expect(sheet.lines.length).toBeGreaterThan(10);
    // The year's money and the 2023 money carried over are totalled apart.
    const ofYear = (y: number) => sheet.lines.filter((l: { originYear: number }) => l.originYear === y).reduce((a: number, l: { amountDong: number }) => a + l.amountDong, 0);
    expect(sheet.totals.grandDong).toBe(ofYear(2024));
    expect(sheet.carriedOver).toEqual([{ originYear: 2023, totals: expect.objectContaining({ grandDong: ofYear(2023) }) }]);
    expect(ofYear(2023)).toBe(4_120_000_000);
    const text = cli(['assignments', 'list', '--year', '2024', '--data', data]).out;
    expect(text).toContain('Tổng cộng vốn năm 2024: 68.059.050.000 đồng');
    expect(text).toContain('Tổng cộng vốn năm 2023 kéo dài sang năm 2024: 4.120.000.000 đồng');
  });

  it('refuses a database from a newer version with its error code', async () => {
    const data = tempDir();
    expect(cli(['init', '--office', '180', '--data', data]).code).toBe(EXIT.ok);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(data, 'so-von.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const result = cli(['info', '--data', data, '--json']);
    expect(result.code).toBe(EXIT.validation);
    expect(JSON.parse(result.out).error.code).toBe('DB_FROM_FUTURE');
  });

  describe('decision ledger', () => {
    function seeded(): string {
      const data = tempDir();
      const seed = cli(['seed-demo', '--data', data]);
      expect(seed.code).toBe(EXIT.ok);
      expect(seed.out).toContain('17 dòng vốn được giao, 3 quyết định đã ban hành');
      return data;
    }

    it('decisions list --year 2024 shows the three issued sample decisions', () => {
      const data = seeded();
      const list = cli(['decisions', 'list', '--year', '2024', '--data', data, '--json']);
      expect(list.code).toBe(EXIT.ok);
      const decisions = JSON.parse(list.out) as { numberText: string; status: string }[];
      expect(decisions).toHaveLength(3);
      expect(decisions.map((d) => d.numberText).sort()).toEqual(['19/NQ-HĐND', '215/QĐ-UBND', '28/NQ-HĐND']);
      expect(decisions.every((d) => d.status === 'issued')).toBe(true);
      const text = cli(['decisions', 'list', '--year', '2024', '--data', data]);
      expect(text.code).toBe(EXIT.ok);
      expect(text.out).toContain('215/QĐ-UBND\t15/03/2024\tPhân bổ\tĐã ban hành\t17 dòng\ttăng 67.585.500.000');
      expect(text.out).toContain('28/NQ-HĐND\t20/09/2024\tĐiều chỉnh\tĐã ban hành');
      // NQ 19 breaks down the NS tỉnh đối ứng SN: 161,55 + 60 + 104 + 50 + 58 + 40 = 473,55 triệu on 6 lines.
      expect(text.out).toContain('19/NQ-HĐND\t25/07/2024\tPhân bổ\tĐã ban hành\t6 dòng\ttăng 473.550.000');
      expect(cli(['decisions', 'list', '--year', '2023', '--data', data]).out).toContain('Chưa có quyết định nào.');
    });

    it('decision show <id> of the HĐND adjustment has before and after amounts on its lines', () => {
      const data = seeded();
      const decisions = JSON.parse(cli(['decisions', 'list', '--year', '2024', '--data', data, '--json']).out) as { id: number; numberText: string }[];
      const adjustment = decisions.find((d) => d.numberText === '28/NQ-HĐND')!;
      const show = cli(['decision', 'show', String(adjustment.id), '--data', data, '--json']);
      expect(show.code).toBe(EXIT.ok);
      const doc = JSON.parse(show.out);
      expect(doc.header).toMatchObject({ numberText: '28/NQ-HĐND', kind: 'dieu_chinh', issuer: 'HDND', status: 'issued' });
      expect(doc.lines).toHaveLength(2);
      for (const line of doc.lines) {
        expect(line.beforeDong).not.toBeNull();
        expect(line.afterDong).toBe(line.beforeDong + line.amountDong);
      }
      const text = cli(['decision', 'show', String(adjustment.id), '--data', data]);
      expect(text.code).toBe(EXIT.ok);
      expect(text.out).toContain('Nghị quyết 28/NQ-HĐND ngày 20/09/2024 — Đã ban hành');
      expect(text.out).toContain('Căn cứ:');
      expect(text.out).toContain('trước 1.500.000.000\tgiảm 0\ttăng 300.000.000\tsau 1.800.000.000');
    });

    it('decision show: a non-numeric id exits 2, an unknown one exits 1 with NOT_FOUND', () => {
      const data = seeded();
      expect(cli(['decision', 'show', 'abc', '--data', data]).code).toBe(EXIT.usage);
      expect(cli(['decision', 'show', '--data', data]).code).toBe(EXIT.usage);
      expect(cli(['decision', 'list', '--data', data]).code).toBe(EXIT.usage);
      const missing = cli(['decision', 'show', '999', '--data', data]);
      expect(missing.code).toBe(EXIT.validation);
      expect(missing.err).toContain('NOT_FOUND');
    });

    it('plan --year 2024 gives assigned, re-planned, allocated and remaining in đồng per program × source × capital type', () => {
      const data = seeded();
      const plan = cli(['plan', '--year', '2024', '--data', data, '--json']);
      expect(plan.code).toBe(EXIT.ok);
      const balance = JSON.parse(plan.out);
      expect(balance).toMatchObject({ year: 2024, asOf: null });
      expect(balance.rows).toContainEqual(
        expect.objectContaining({
          originYear: 2024,
          programCode: 'DTTS',
          sourceCode: 'NSTW',
          capitalType: 'SN',
          assignedDong: 7795500000,
          replannedDong: 300000000,
          allocatedDong: 8095500000,
          remainingDong: 0,
        }),
      );
      expect(balance.rows).toContainEqual(
        expect.objectContaining({ originYear: 2023, programCode: 'DTTS', sourceCode: 'NSTW', capitalType: 'DTPT', remainingDong: 4120000000 }),
      );
      // NS tỉnh đối ứng SN of DTTS: 221.550.000 assigned, broken down by NQ 19 (161.550.000 + 60.000.000).
      expect(balance.rows).toContainEqual(
        expect.objectContaining({ originYear: 2024, programCode: 'DTTS', sourceCode: 'NST_DOIUNG', capitalType: 'SN', assignedDong: 221550000, allocatedDong: 221550000, remainingDong: 0 }),
      );
      for (const row of balance.rows) {
        for (const key of ['assignedDong', 'replannedDong', 'allocatedDong', 'remainingDong']) expect(Number.isInteger(row[key])).toBe(true);
      }
      const text = cli(['plan', '--year', '2024', '--data', data]);
      expect(text.code).toBe(EXIT.ok);
      expect(text.out).toContain('7.795.500.000');
      expect(text.out).toContain('2023\tDTTS\tNSTW\tDTPT\t4.120.000.000\t0\t0\t4.120.000.000\t0,0%');
      // Plans never mix money years: no 94,3% (68.059,05 ÷ 72.179,05 triệu) any more, each year on its own.
      expect(text.out).not.toContain('94,3%');
      expect(text.out).toContain('Cộng vốn năm 2024: được giao 68.059.050.000, HĐND điều chỉnh 0, đã phân bổ 68.059.050.000, còn lại 0 đồng, tỷ lệ 100,0%');
      expect(text.out).toContain('Cộng vốn năm 2023 kéo dài sang năm 2024: được giao 4.120.000.000, HĐND điều chỉnh 0, đã phân bổ 0, còn lại 4.120.000.000 đồng, tỷ lệ 0,0%');
    });

    it('plan --year 2024 --json: 2024 money and 2023 carried-over money as separate groups with separate rates; progress agrees on each plan', () => {
      const data = seeded();
      const balance = JSON.parse(cli(['plan', '--year', '2024', '--data', data, '--json']).out);
      expect(balance.groups).toEqual([
        expect.objectContaining({ originYear: 2024, carriedOver: false, label: 'Vốn năm 2024', assignedDong: 68_059_050_000, replannedDong: 0, allocatedDong: 68_059_050_000, remainingDong: 0, rate: 1, rateText: '100,0%' }),
        expect.objectContaining({ originYear: 2023, carriedOver: true, label: 'Vốn năm 2023 kéo dài sang năm 2024', assignedDong: 4_120_000_000, allocatedDong: 0, remainingDong: 4_120_000_000, rate: 0, rateText: '0,0%' }),
      ]);
      expect(balance).not.toHaveProperty('rate');
      // Each group adds up its own rows only.
      for (const g of balance.groups) {
        const rows = balance.rows.filter((r: { originYear: number }) => r.originYear === g.originYear);
        expect(rows.reduce((a: number, r: { assignedDong: number }) => a + r.assignedDong, 0)).toBe(g.assignedDong);
      }
      // progress divides each year's disbursement by the same plans: the whole-year 2024 plan and the extended 2023 plan.
      const progress = JSON.parse(cli(['progress', '--year', '2024', '--as-of', '2024-12-31', '--data', data, '--json']).out);
      const overall = (kind: string, originYear: number) =>
        progress.totals.find((t: { denominator: { kind: string; originYear: number }; programCode: string | null; capitalType: string | null }) => t.denominator.kind === kind && t.denominator.originYear === originYear && t.programCode === null && t.capitalType === null);
      expect(overall('ca_nam', 2024).planDong).toBe(balance.groups[0].assignedDong + balance.groups[0].replannedDong);
      expect(overall('keo_dai', 2023).planDong).toBe(balance.groups[1].assignedDong);
      expect(progress.rows.filter((r: { originYear: number }) => r.originYear === 2023).every((r: { denominator: { kind: string } }) => r.denominator.kind === 'keo_dai')).toBe(true);
    });

    it('Quy tắc 11 — Tỷ lệ vốn đối ứng: broken (warning) in the sample year where the counterpart is under 10% (GNBV SN 154 of 3.110 triệu = 4,95%, ĐTPT 0); holds for NTM at 10%', () => {
      const data = seeded();
      const balance = JSON.parse(cli(['plan', '--year', '2024', '--data', data, '--json']).out);
      const ratio = (program: string, capital: string) => balance.counterpart.find((c: { programCode: string; capitalType: string }) => c.programCode === program && c.capitalType === capital);
      expect(ratio('GNBV', 'SN')).toMatchObject({ nstwDong: 3_110_000_000, counterpartDong: 154_000_000, ratioText: '4,95%', minimumText: '10%', shortfallDong: 157_000_000 });
      expect(ratio('GNBV', 'SN').warning).toMatchObject({ severity: 'W', ruleId: 11, ruleName: 'Tỷ lệ vốn đối ứng' });
      expect(ratio('GNBV', 'DTPT')).toMatchObject({ nstwDong: 9_870_000_000, counterpartDong: 0, ratioText: '0%', shortfallDong: 987_000_000 });
      expect(ratio('GNBV', 'DTPT').warning.message).toContain('= 0%, thấp hơn mức tối thiểu 10%');
      // Holds: NTM's counterpart is exactly 10% of NSTW.
      expect(ratio('NTM', 'DTPT')).toMatchObject({ ratioText: '10%', shortfallDong: 0, warning: null });
      expect(ratio('NTM', 'SN')).toMatchObject({ ratioText: '10%', shortfallDong: 0, warning: null });
      const text = cli(['plan', '--year', '2024', '--data', data]).out;
      expect(text).toContain('GNBV SN: 154.000.000 / 3.110.000.000 = 4,95% (tối thiểu 10%) — CẢNH BÁO');
      expect(text).toContain('[W] Quy tắc 11 (Tỷ lệ vốn đối ứng)');
    });

    it('plan --as-of before the HĐND resolutions does not count them; a missing --year or a bad date exits 2', () => {
      const data = seeded();
      const plan = cli(['plan', '--year', '2024', '--as-of', '2024-06-01', '--data', data, '--json']);
      expect(plan.code).toBe(EXIT.ok);
      const balance = JSON.parse(plan.out);
      expect(balance.asOf).toBe('2024-06-01');
      expect(balance.rows).toContainEqual(
        expect.objectContaining({ originYear: 2024, programCode: 'DTTS', capitalType: 'SN', sourceCode: 'NSTW', replannedDong: 0, allocatedDong: 7795500000 }),
      );
      // NQ 19 (25/7) has not broken down the NS tỉnh đối ứng SN yet.
      expect(balance.rows).toContainEqual(
        expect.objectContaining({ originYear: 2024, programCode: 'DTTS', capitalType: 'SN', sourceCode: 'NST_DOIUNG', allocatedDong: 0, remainingDong: 221550000 }),
      );
      expect(cli(['plan', '--data', data]).code).toBe(EXIT.usage);
      expect(cli(['plan', '--year', '2024', '--as-of', '01/06/2024', '--data', data]).code).toBe(EXIT.usage);
      expect(cli(['plan', '--year', '2024', '--as-of', '2024-02-30', '--data', data]).code).toBe(EXIT.usage);
    });

    it('check-draft exits 1 for an over-allocating draft (rule 5), 0 for a balanced adjustment', () => {
      const data = seeded();
      const { overId, adjustmentId } = withCore(data, (core) => {
        const over = ok(core.invoke('decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-10-01' }));
        ok(
          core.invoke('decisions.lines.apply', {
            decisionId: over.header.id,
            changes: [
              {
                op: 'add',
                line: { componentCode: 'NTM.ND05', recipient: { kind: 'commune', code: '05995' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 5000000000 } },
              },
            ],
          }),
        );
        const adjustment = ok(core.invoke('decisions.create', { year: 2024, kind: 'dieu_chinh', issuer: 'UBND', docDate: '2024-10-01', fromPlan: true }));
        const nd05 = adjustment.lines.filter((l) => l.componentCode === 'NTM.ND05');
        const lineFor = (code: string) => nd05.find((l) => l.recipient.code === code)!.id;
        ok(
          core.invoke('decisions.lines.apply', {
            decisionId: adjustment.header.id,
            changes: [
              { op: 'update', id: lineFor('05995'), patch: { amount: { dong: -100000000 } } },
              { op: 'update', id: lineFor('06046'), patch: { amount: { dong: 100000000 } } },
            ],
          }),
        );
        return { overId: over.header.id, adjustmentId: adjustment.header.id };
      });

      const over = cli(['check-draft', String(overId), '--data', data]);
      expect(over.code).toBe(EXIT.validation);
      expect(over.out).toMatch(/^\[E\] Quy tắc 5 \(Không vượt số được giao\): Vượt số được giao/m);
      expect(over.out).toContain('Tổng: 1 lỗi, 0 cảnh báo, 0 thông tin.');
      const overJson = cli(['check-draft', String(overId), '--data', data, '--json']);
      expect(overJson.code).toBe(EXIT.validation);
      expect(JSON.parse(overJson.out)).toMatchObject({ decisionId: overId, errors: 1, findings: [expect.objectContaining({ severity: 'E', ruleId: 5 })] });

      const balanced = cli(['check-draft', String(adjustmentId), '--data', data]);
      expect(balanced.code).toBe(EXIT.ok);
      expect(balanced.out).toContain('Tổng: 0 lỗi');
      expect(JSON.parse(cli(['check-draft', String(adjustmentId), '--data', data, '--json']).out).errors).toBe(0);

      const inDraftList = JSON.parse(cli(['decisions', 'list', '--year', '2024', '--data', data, '--json']).out) as { id: number; status: string }[];
      expect(inDraftList.filter((d) => d.status === 'draft').map((d) => d.id).sort()).toEqual([overId, adjustmentId].sort());
      expect(cli(['decisions', 'list', '--year', '2024', '--data', data]).out).toContain(`(dự thảo #${overId})\t01/10/2024\tPhân bổ\tDự thảo`);
    });

    it('check-draft: unknown id exits 1 with NOT_FOUND, an issued decision exits 1 with DECISION_ISSUED, a non-numeric id exits 2', () => {
      const data = seeded();
      const missing = cli(['check-draft', '999', '--data', data]);
      expect(missing.code).toBe(EXIT.validation);
      expect(missing.err).toContain('NOT_FOUND');
      const missingJson = cli(['check-draft', '999', '--data', data, '--json']);
      expect(missingJson.code).toBe(EXIT.validation);
      expect(JSON.parse(missingJson.out).error.code).toBe('NOT_FOUND');
      const issuedId = (JSON.parse(cli(['decisions', 'list', '--year', '2024', '--data', data, '--json']).out) as { id: number }[])[0]!.id;
      const issued = cli(['check-draft', String(issuedId), '--data', data]);
      expect(issued.code).toBe(EXIT.validation);
      expect(issued.err).toContain('DECISION_ISSUED');
      expect(cli(['check-draft', 'abc', '--data', data]).code).toBe(EXIT.usage);
      expect(cli(['check-draft', '--data', data]).code).toBe(EXIT.usage);
    });

    it('the usage text lists the decision-ledger commands', () => {
      const help = cli(['--help']);
      expect(help.code).toBe(EXIT.ok);
      for (const command of ['decisions list', 'decision show', 'plan --year', 'check-draft']) expect(help.out).toContain(command);
    });
  });
});
