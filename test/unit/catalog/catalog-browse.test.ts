import { describe, expect, it } from 'vitest';
import { call } from '../../support/ledger-helpers';
import { testCore } from '../../support/helpers';

describe('catalog.browse: the reference data of the Danh mục screen', () => {
  const core = testCore();
  const data = call(core, 'catalog.browse', {});
  core.close();

  it('holds both program periods, each with its components, parents marked', () => {
    expect(data.periods.map((p) => [p.firstYear, p.lastYear])).toEqual([
      [2021, 2025],
      [2026, 2035],
    ]);
    expect(data.periods[0]!.components.length).toBeGreaterThan(10);
    expect(data.periods[1]!.components.length).toBeGreaterThan(0); // the 2026–2035 programs, as far as published
    const first = data.periods[0]!.components;
    expect(first.find((c) => c.code === 'DTTS.DA1')).toMatchObject({ parent: true, levelLabel: 'Dự án' });
    expect(first.find((c) => c.code === 'DTTS.DA1.ND4')).toMatchObject({ parent: false });
  });

  it('gives administrative units with their validity and successors', () => {
    const trangDinh = data.adminUnits.find((u) => u.code === '180');
    expect(trangDinh).toMatchObject({ name: 'Huyện Tràng Định', validTo: '2025-06-30' });
    expect(data.adminUnits.some((u) => u.successors.length > 0)).toBe(true);
  });

  it('gives funding sources with validity, reason codes, and every rule with its legal basis', () => {
    expect(data.fundingSources.find((s) => s.code === 'NSH')).toMatchObject({ validTo: '2025-06-30' });
    expect(data.reasonCodes.length).toBeGreaterThan(0);
    expect(data.rules.length).toBeGreaterThan(10);
    for (const r of data.rules) expect(r.legalBasis.trim(), `quy tắc ${r.ruleId}`).not.toBe('');
  });
});
