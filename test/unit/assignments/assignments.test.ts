import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { count, testCore } from '../../support/helpers';

const line = { year: 2024, componentCode: 'DTTS.DA1.ND2', sourceCode: 'NSTW', capitalType: 'SN' as const };

function create(core: Core, extra: Record<string, unknown>) {
  return core.invoke('assignments.create', { ...line, ...extra });
}

describe('assignments', () => {
  it('creates a line from typed vi-VN text, with an audit entry in the same transaction', () => {
    const core = testCore({ district: '180' });
    const result = create(core, { amount: { text: '1.234,5', unit: 'trieu' }, basisNumber: '2390/QĐ-UBND', basisDate: '2023-12-12', basisIssuer: 'UBND tỉnh Lạng Sơn' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.line).toMatchObject({ amountDong: 1_234_500_000, originYear: 2024, programCode: 'DTTS', componentName: 'Hỗ trợ nhà ở' });
    expect(result.value.sheet.totals.grandDong).toBe(1_234_500_000);
    const audit = core.db.prepare("SELECT actor, command, entity_id, before_json, after_json FROM audit_log WHERE command = 'assignments.create'").all() as Record<string, unknown>[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'test', entity_id: result.value.line!.id, before_json: null });
    expect(JSON.parse(String(audit[0]!.after_json))).toMatchObject({ amountDong: 1_234_500_000 });
  });

  it('updates one field and records before → after', () => {
    const core = testCore({ district: '180' });
    const created = create(core, { amount: { dong: 100 } });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.line!.id;
    const updated = core.invoke('assignments.update', { id, patch: { amount: { text: '2', unit: 'nghin' } } });
    expect(updated.ok && updated.value.line!.amountDong).toBe(2_000);
    const audit = core.db.prepare("SELECT before_json, after_json FROM audit_log WHERE command = 'assignments.update'").get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json).amountDong).toBe(100);
    expect(JSON.parse(audit.after_json).amountDong).toBe(2_000);
    const deleted = core.invoke('assignments.delete', { id });
    expect(deleted.ok && deleted.value.sheet.lines).toEqual([]);
    expect(count(core, 'audit_log')).toBe(4); // setup, create, update, delete
  });

  it.each([
    ['12a', 'INVALID_AMOUNT', 'Số tiền: "12a" không phải là số tiền'],
    ['1,2,3', 'INVALID_AMOUNT', 'Số tiền:'],
    ['-5', 'NEGATIVE_AMOUNT', 'Số tiền: số vốn được giao không được âm'],
    ['1,0000001', 'INVALID_AMOUNT', 'tối đa 6 chữ số thập phân'],
  ])('refuses the amount %s with a Vietnamese message naming the field, writing nothing', (text, code, message) => {
    const core = testCore({ district: '180' });
    const auditBefore = count(core, 'audit_log');
    const result = create(core, { amount: { text, unit: 'trieu' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
    expect(result.error.details).toMatchObject({ field: 'amount' });
    expect(count(core, 'assignment')).toBe(0);
    expect(count(core, 'audit_log')).toBe(auditBefore);
  });

  it('refuses a component not valid for the year, an unknown component or source, and a future origin year', () => {
    const core = testCore({ district: '180' });
    const cases = [
      [{ year: 2026, amount: { dong: 1 } }, 'COMPONENT_NOT_VALID_FOR_YEAR', 'Hợp phần:'],
      [{ componentCode: 'KHONG.CO', amount: { dong: 1 } }, 'UNKNOWN_COMPONENT', 'Hợp phần:'],
      [{ sourceCode: 'XYZ', amount: { dong: 1 } }, 'UNKNOWN_FUNDING_SOURCE', 'Nguồn vốn:'],
      [{ originYear: 2025, amount: { dong: 1 } }, 'INVALID_ORIGIN_YEAR', 'Năm nguồn vốn:'],
    ] as const;
    for (const [extra, code, message] of cases) {
      const result = create(core, extra);
      expect(result.ok ? 'ok' : result.error.code).toBe(code);
      if (!result.ok) expect(result.error.message.startsWith(message)).toBe(true);
    }
    expect(count(core, 'assignment')).toBe(0);
  });

  it('keeps carried-over money on the catalog of its origin year', () => {
    const core = testCore({ district: '180' });
    const result = create(core, { year: 2026, originYear: 2025, amount: { dong: 7 } });
    expect(result.ok).toBe(true);
  });

  it('refuses schema-invalid input before any handler runs', () => {
    const core = testCore({ district: '180' });
    const result = core.invokeUnknown('assignments.create', { ...line, amount: { dong: 1.5 } });
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_INPUT');
    expect(core.invokeUnknown('no.such.command', {}).ok).toBe(false);
  });

  it('needs the office set up first', () => {
    const core = testCore();
    const result = create(core, { amount: { dong: 1 } });
    expect(result.ok ? 'ok' : result.error.code).toBe('OFFICE_NOT_INITIALIZED');
  });

  it('totals per program and per source × capital type equal the sums of the lines (property)', () => {
    const core = testCore({ district: '180' });
    const components = ['DTTS.DA1.ND2', 'DTTS.DA4.TDA1', 'GNBV.DA2', 'NTM.ND02'];
    const lineArb = fc.record({
      componentCode: fc.constantFrom(...components),
      sourceCode: fc.constantFrom('NSTW', 'NST_DOIUNG', 'NSH'),
      capitalType: fc.constantFrom('DTPT' as const, 'SN' as const),
      dong: fc.integer({ min: 0, max: 500_000_000_000 }),
    });
    let year = 2021;
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), (lines) => {
        year = year === 2025 ? 2021 : year + 1;
        core.db.prepare('DELETE FROM assignment WHERE year = ?').run(year);
        for (const l of lines) {
          const r = core.invoke('assignments.create', { year, componentCode: l.componentCode, sourceCode: l.sourceCode, capitalType: l.capitalType, amount: { dong: l.dong } });
          expect(r.ok).toBe(true);
        }
        const sheet = core.invoke('assignments.list', { year });
        if (!sheet.ok) throw new Error(sheet.error.message);
        const { totals } = sheet.value;
        const sum = (pred: (l: (typeof lines)[number]) => boolean) => lines.filter(pred).reduce((a, l) => a + l.dong, 0);
        expect(totals.grandDong).toBe(sum(() => true));
        for (const p of totals.byProgram) {
          expect(p.totalDong).toBe(sum((l) => l.componentCode.startsWith(p.programCode + '.')));
          expect(p.cells.reduce((a, c) => a + c.totalDong, 0)).toBe(p.totalDong);
        }
        for (const c of totals.bySourceCapital) expect(c.totalDong).toBe(sum((l) => l.sourceCode === c.sourceCode && l.capitalType === c.capitalType));
      }),
      { numRuns: 40 },
    );
  });
});

describe('office setup and demo data', () => {
  it('sets up a pilot and a non-pilot district from data; refuses an unknown code and a second setup', () => {
    const pilot = testCore({ district: '180' });
    const info = pilot.invoke('app.info', {});
    expect(info.ok && info.value.office).toMatchObject({ districtCode: '180', pilot: true, name: 'Phòng Tài chính - Kế hoạch huyện Tràng Định' });
    expect(pilot.invoke('office.setup', { districtCode: '188', signers: [] })).toMatchObject({ ok: false, error: { code: 'OFFICE_ALREADY_INITIALIZED' } });
    const other = testCore({ district: '184' });
    const otherInfo = other.invoke('app.info', {});
    expect(otherInfo.ok && otherInfo.value.office?.pilot).toBe(false);
    const unknown = testCore().invoke('office.setup', { districtCode: '999', signers: [] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_DISTRICT', details: { field: 'districtCode' } } });
  });

  it('seeds Tràng Định 2024 once; a second time is refused and writes nothing', () => {
    const core = testCore();
    const result = core.invoke('demo.seed', {});
    // resources/seed/demo-trang-dinh-2024.csv: 14 lines + 3 NS tỉnh đối ứng SN; QĐ 215, NQ 28 and NQ 19.
    expect(result.ok && result.value).toMatchObject({ year: 2024, office: { districtCode: '180', pilot: true }, assignmentLines: 17, decisions: 3 });
    const lines = count(core, 'assignment');
    expect(lines).toBe(17);
    expect(core.invoke('demo.seed', {})).toMatchObject({ ok: false, error: { code: 'DEMO_NEEDS_EMPTY_YEAR' } });
    expect(count(core, 'assignment')).toBe(lines);
  });
});
