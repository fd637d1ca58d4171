// Rule 17 (issue 17, point 8): a resolution that is a legal normative document carries the year in its number
// ("19/2024/NQ-HĐND"); individual decisions keep "215/QĐ-UBND". The flag is data on the draft; the number, the
// header and the printed number line follow it.
import { describe, expect, it } from 'vitest';
import { documentNumberText } from '../../../shared/domain/documents';
import { numberLine } from '../../../shared/print/format-rules';
import { addLines, assign, call, draft, issue, line, officeCore, SIGNER } from '../../support/ledger-helpers';

describe('Quy tắc 17 — Số, ký hiệu văn bản: normative resolutions', () => {
  it('holds: "19/2022/NQ-HĐND" for a normative resolution, "215/QĐ-UBND" and "07/QĐ-UBND" for individual decisions', () => {
    expect(documentNumberText(19, 'HDND', 2022)).toBe('19/2022/NQ-HĐND');
    expect(documentNumberText(215, 'UBND')).toBe('215/QĐ-UBND');
    expect(documentNumberText(7, 'UBND')).toBe('07/QĐ-UBND');
    expect(documentNumberText(3, 'HDND', 2024)).toBe('03/2024/NQ-HĐND');
  });

  it('an HĐND resolution marked normative is issued, shown and printed as "NN/YYYY/NQ-HĐND"; a UBND decision cannot be marked', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 500_000_000);
    call(core, 'delegations.create', { basisNumber: '12/2024/NQ-HĐND', basisDate: '2024-07-10', basisIssuer: 'HĐND tỉnh Lạng Sơn', firstYear: 2024, lastYear: 2025 });
    const resolution = draft(core, { issuer: 'HDND', docDate: '2024-08-01' });
    addLines(core, resolution, [line('GNBV.DA2', 500_000_000)]);
    expect(call(core, 'decisions.update', { id: resolution, patch: { normative: true } }).header).toMatchObject({ normative: true });
    const issued = issue(core, resolution, '2024-08-01', SIGNER.hdndChair, 19);
    expect(issued.ok, issued.ok ? '' : issued.error.message).toBe(true);
    const header = call(core, 'decisions.get', { id: resolution }).header;
    expect(header).toMatchObject({ normative: true, numberText: '19/2024/NQ-HĐND' });
    const printed = call(core, 'print.decision', { id: resolution });
    expect(printed.numberLine).toBe('Số: 19/2024/NQ-HĐND');
    expect(numberLine(printed)).toEqual([]);
    // An individual UBND decision keeps its plain number and cannot be made normative.
    const decision = draft(core, { docDate: '2024-09-01' });
    const refused = core.invoke('decisions.update', { id: decision, patch: { normative: true } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toContain('215/QĐ-UBND');
  });
});
