// The commune sample as an officer first sees it (issue 21, point 8): its carried-over 2021–2025 money runs to
// 31/12/2026 under NQ 257/2025/QH15, so rule 13 does not call it overdue since 31/01/2026; and its council allocates the
// recurrent breakdown without the province's delegation, which only the NQ 111 pilot asked of a district (rule 7).
import { describe, expect, it } from 'vitest';
import { call, officeCore } from '../../support/ledger-helpers';

describe('the commune sample year (Xã Tràng Định 2026)', () => {
  it('gives the former communes’ 2025 money its 31/12/2026 deadline: not overdue in December 2026', () => {
    const core = officeCore('06046');
    call(core, 'demo.seed', {});
    const deadlines = call(core, 'disbursement.deadlines', { year: 2026, asOf: '2026-12-05' });
    const carried = deadlines.rows.filter((r) => r.originYear === 2025);
    expect(carried.length).toBeGreaterThan(0);
    for (const row of carried) {
      expect(row.deadline, `${row.programCode} ${row.sourceCode} ${row.capitalType}`).toBe('2026-12-31');
      expect(row.status).not.toBe('qua_han');
      expect(row.deadlineBasis).toContain('257/2025/QH15');
    }
  });

  it('asks no province delegation of the commune’s recurrent breakdown, and names the commune level', () => {
    const core = officeCore('06046');
    call(core, 'demo.seed', {});
    const sheet = call(core, 'recurrent.sheet', { year: 2026 });
    expect(sheet.delegationRequired).toBe(false);
    expect(sheet.officeLevel).toBe('xa');
  });

  it('still asks it of a district while the pilot rule is valid (2024), not after the district level ended (2026)', () => {
    const core = officeCore('180');
    expect(call(core, 'recurrent.sheet', { year: 2024 }).delegationRequired).toBe(true);
    expect(call(core, 'recurrent.sheet', { year: 2026 }).delegationRequired).toBe(false);
  });
});
