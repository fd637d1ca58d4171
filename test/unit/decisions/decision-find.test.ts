import { describe, expect, it } from 'vitest';
import { parseDecisionNumber } from '../../../electron/core/decisions/find';
import { addLines, assign, call, draft, expectOk, issue, line, officeCore, SIGNER } from '../../support/ledger-helpers';

describe('a decision named as an officer names it (decisions.find)', () => {
  it('reads the number as written, without diacritics, with the year, or with "Số:"', () => {
    expect(parseDecisionNumber('215/QĐ-UBND')).toEqual({ number: 215, issuer: 'UBND', year: null });
    expect(parseDecisionNumber('215/qd-ubnd')).toEqual({ number: 215, issuer: 'UBND', year: null });
    expect(parseDecisionNumber('Số: 07/NQ-HĐND')).toEqual({ number: 7, issuer: 'HDND', year: null });
    expect(parseDecisionNumber('19/2024/NQ-HĐND')).toEqual({ number: 19, issuer: 'HDND', year: 2024 });
    expect(parseDecisionNumber('215/QĐ-TTg')).toBeNull();
    expect(parseDecisionNumber('abc')).toBeNull();
  });

  it('a number used in two years asks for the year, naming both; with --year it is found', () => {
    const core = officeCore();
    for (const year of [2024, 2025]) {
      assign(core, year, 'GNBV.DA2', 'NSTW', 'SN', 1_000);
      const id = draft(core, { year, docDate: `${year}-03-15` });
      addLines(core, id, [line('GNBV.DA2', 400)]);
      expectOk(issue(core, id, `${year}-03-15`, SIGNER.ubndChair, 5));
    }
    const ambiguous = core.invoke('decisions.find', { ref: '05/QĐ-UBND' });
    expect(ambiguous).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const message = ambiguous.ok ? '' : ambiguous.error.message;
    for (const part of ['ngày 15/03/2024', 'ngày 15/03/2025', '--year']) expect(message).toContain(part);
    expect(call(core, 'decisions.find', { ref: '5/QĐ-UBND', year: 2025 }).docDate).toBe('2025-03-15');
    expect(call(core, 'decisions.find', { ref: '5/2024/QD-UBND' }).docDate).toBe('2024-03-15');
    expect(core.invoke('decisions.find', { ref: '5/NQ-HĐND' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
