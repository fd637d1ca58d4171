// Issue 21, point 5: moving money of a 2021–2025 task with no remaining need into a 2026–2030 content (NQ 257/2025/QH15
// Điều 1 khoản 7 điểm b), on the commune sample of Xã Tràng Định (06046): its carried-over GNBV.DA2 money (NSTW SN,
// origin year 2025, 215.000.000 đồng in 2026). One test per check: what the text settles refuses, the rest warns.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { TransferCheck, TransferFindingCode } from '../../../shared/api/transfers';

type Input = TransferInput;
import { count, testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';
import { SAMPLE_TRANSFER, type TransferInput } from '../../support/transfer-helpers';

const CARRIED = 215_000_000;

function commune(): Core {
  const core = testCore();
  call(core, 'office.setup', { districtCode: '06046', signers: [{ name: 'Lý Văn Hòa', title: 'Chủ tịch UBND xã' }] });
  call(core, 'demo.seed', {});
  return core;
}

const base: Input = SAMPLE_TRANSFER;


function check(core: Core, patch: Partial<Input> = {}): TransferCheck {
  return call(core, 'transfers.check', { ...base, ...patch });
}

const codes = (c: TransferCheck, severity: 'E' | 'W' | 'I') => c.findings.filter((f) => f.severity === severity).map((f) => f.code);

function refused(core: Core, patch: Partial<Input>, code: TransferFindingCode): string {
  const before = count(core, 'content_transfer');
  const result = core.invoke('transfers.record', { ...base, ...patch });
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('TRANSFER_REFUSED');
  expect((result.error.details as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain(code);
  expect(count(core, 'content_transfer')).toBe(before);
  return result.error.message;
}

describe('moving 2021–2025 money into a 2026–2030 content (NQ 257/2025/QH15 khoản 7 điểm b)', () => {
  it('records an approved move: kept with its basis, immutable, audited, and it lowers what is still open on the key', () => {
    const core = commune();
    const first = check(core);
    expect(first.openDong).toBe(CARRIED);
    expect(codes(first, 'E')).toEqual([]);
    // Only the two questions the law leaves open for every transfer (deadline, ceiling: test/unit/transfers/transfer-ledger.test.ts).
    expect(codes(first, 'W')).toEqual(['TRANSFER_DEADLINE_UNSETTLED', 'TRANSFER_CEILING_UNSETTLED']);
    // What applies after the move is said, with its basis (information, not a warning).
    expect(first.findings.find((f) => f.code === 'TRANSFER_RULES_AFTER_MOVE')).toMatchObject({ severity: 'I', certainty: 'V' });

    const recorded = call(core, 'transfers.record', base);
    expect(recorded).toMatchObject({ number: '41/QĐ-UBND', fromComponentCode: 'GNBV.DA2', toComponentCode: 'MTQG2635.HP2.ND02', originYear: 2025, amountDong: 100_000_000, toCapitalType: 'SN' });
    expect(recorded.approvalBasis).toContain('512/UBND-KT');
    expect(call(core, 'transfers.list', { year: 2026 }).map((t) => t.number)).toEqual(['41/QĐ-UBND']);
    expect(count(core, "audit_log WHERE command = 'transfers.record'")).toBe(1);
    expect(() => core.db.prepare('UPDATE content_transfer SET amount_dong = 1').run()).toThrow(/không được sửa/);
    expect(() => core.db.prepare('DELETE FROM content_transfer').run()).toThrow(/không được xoá/);

    expect(check(core, { number: '42/QĐ-UBND' }).openDong).toBe(CARRIED - 100_000_000);
    // The same number twice is refused.
    const again = core.invoke('transfers.record', { ...base, amount: { dong: 1_000 } });
    expect(again.ok).toBe(false);
  });

  it('balance: never more than is still open on the 2021–2025 key, counting the moves already recorded', () => {
    const core = commune();
    const message = refused(core, { amount: { dong: CARRIED + 1 } }, 'TRANSFER_OVER_OPEN');
    expect(message).toContain('vượt số còn lại 215.000.000 đồng của GNBV.DA2');
    call(core, 'transfers.record', base);
    refused(core, { number: '42/QĐ-UBND', amount: { dong: CARRIED - 100_000_000 + 1 } }, 'TRANSFER_OVER_OPEN');
    expect(call(core, 'transfers.record', { ...base, number: '42/QĐ-UBND', amount: { dong: CARRIED - 100_000_000 } }).amountDong).toBe(115_000_000);
    expect(check(core, { number: '43/QĐ-UBND', amount: { dong: 1 } }).openDong).toBe(0);
  });

  it('approval basis and approving body are required text', () => {
    const core = commune();
    expect(refused(core, { approvalBasis: '' }, 'TRANSFER_NO_BASIS')).toContain('căn cứ chấp thuận');
    expect(refused(core, { approvedBy: '' }, 'TRANSFER_NO_BASIS')).toContain('cơ quan chấp thuận');
  });

  it('a date before the resolution of 11/12/2025 is refused', () => {
    const core = commune();
    expect(refused(core, { docDate: '2025-11-30' }, 'TRANSFER_BEFORE_RESOLUTION')).toContain('11/12/2025');
  });

  it('the money moved must be a 2021–2025 task and origin year', () => {
    const core = commune();
    refused(core, { fromComponentCode: 'MTQG2635.HP1.ND02' }, 'TRANSFER_FROM_NOT_2021_2025');
    refused(core, { fromComponentCode: 'GNBV' }, 'TRANSFER_FROM_NOT_2021_2025');
    refused(core, { originYear: 2026 }, 'TRANSFER_FROM_NOT_2021_2025');
    refused(core, { fromComponentCode: 'KHONG.CO' }, 'TRANSFER_FROM_NOT_2021_2025');
  });

  it('the content receiving it must be a valid content of the 2026–2035 catalog, with the capital type it allows', () => {
    const core = commune();
    refused(core, { toComponentCode: 'NTM.ND05' }, 'TRANSFER_TO_NOT_2026_2035');
    expect(refused(core, { toComponentCode: 'MTQG2635.HP1' }, 'TRANSFER_TO_NOT_2026_2035')).toContain('hợp phần');
    refused(core, { toComponentCode: 'MTQG2635' }, 'TRANSFER_TO_NOT_2026_2035');
    refused(core, { toComponentCode: 'MTQG2635.HP9.ND99' }, 'TRANSFER_TO_NOT_2026_2035');
    // A province's catalog row that allows only investment money (catalog data, as a province may set it).
    core.db.prepare("UPDATE component SET allowed_capital_types = 'DTPT' WHERE code = 'MTQG2635.HP2.ND02'").run();
    expect(refused(core, {}, 'TRANSFER_CAPITAL_TYPE_NOT_ALLOWED')).toContain('chỉ DTPT');
  });

  it('who approves is not settled by the text: a commune approval warns ([?]) and is still recorded', () => {
    const core = commune();
    const c = check(core, { approvedBy: 'UBND xã Tràng Định' });
    expect(codes(c, 'E')).toEqual([]);
    const warning = c.findings.find((f) => f.code === 'TRANSFER_APPROVER_UNCONFIRMED')!;
    expect(warning).toMatchObject({ severity: 'W', certainty: '?' });
    expect(warning.basis).toContain('NQ 257/2025/QH15');
    const recorded = call(core, 'transfers.record', { ...base, approvedBy: 'UBND xã Tràng Định' });
    expect(recorded.warnings.map((w) => w.code)).toContain('TRANSFER_APPROVER_UNCONFIRMED');
  });

  it('a change of capital type warns ([?]) and is still recorded with the warning', () => {
    const core = commune();
    const c = check(core, { toCapitalType: 'DTPT' });
    expect(codes(c, 'E')).toEqual([]);
    expect(c.findings.find((f) => f.code === 'TRANSFER_CAPITAL_TYPE_CHANGE')).toMatchObject({ severity: 'W', certainty: '?' });
    expect(call(core, 'transfers.record', { ...base, toCapitalType: 'DTPT' }).toCapitalType).toBe('DTPT');
  });

  it("local counterpart money warns that no rule of its own was found (our inference, [I])", () => {
    const core = commune();
    const c = check(core, { sourceCode: 'NST_DOIUNG' });
    expect(c.findings.find((f) => f.code === 'TRANSFER_SOURCE_SHARE_UNKNOWN')).toMatchObject({ severity: 'W', certainty: 'I' });
    // The sample carries no counterpart money on this key: nothing is open there, so the move itself is refused.
    expect(c.openDong).toBe(0);
    expect(codes(c, 'E')).toEqual(['TRANSFER_OVER_OPEN']);
  });
});
