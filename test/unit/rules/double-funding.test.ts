// Rule 26 — no double funding: the same project, or the same content for the same recipient, in the same money year,
// funded under two programs is a warning listing both lines; co-financing within one program (NSTW and its local
// counterpart) is normal and not flagged. Matches are exact (the same registered project) or fuzzy, diacritics-
// insensitive (project codes and names, line contents).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { addLines, assign, call, draft, findings, issue, line, officeCore } from '../../support/ledger-helpers';

function year(): Core {
  const core = officeCore();
  for (const [component, capital] of [
    ['DTTS.DA4.TDA1', 'DTPT'],
    ['NTM.ND02', 'DTPT'],
    ['GNBV.DA2', 'SN'],
    ['DTTS.DA1.ND2', 'SN'],
  ] as const) {
    assign(core, 2024, component, 'NSTW', capital, 5_000_000_000);
    assign(core, 2024, component, 'NST_DOIUNG', capital, 500_000_000);
  }
  call(core, 'projects.create', { code: 'TD-2024-09', name: 'Đường giao thông nội thôn Nà Lùng', communeCode: '06004' });
  call(core, 'projects.create', { code: 'TD-2024-10', name: 'Nhà văn hóa thôn Bản Chắt', communeCode: '06004' });
  call(core, 'projects.create', { code: 'NTM-24-05', name: 'Nha van hoa thon Ban Chat', communeCode: '06004' });
  call(core, 'projects.create', { code: 'TD-2024-11', name: 'Kênh mương nội đồng thôn Pác Khuông', communeCode: '06004' });
  return core;
}

const dtpt = (component: string, projectCode: string, dong: number, sourceCode = 'NSTW') => line(component, dong, { projectCode, capitalType: 'DTPT', sourceCode, recipient: { kind: 'commune', code: '06004' } });
const rule26 = (core: Core, id: number) => findings(core, id).filter((f) => f.ruleId === 26);

describe('Quy tắc 26 — Không trùng nguồn hỗ trợ', () => {
  it('holds: a project co-financed by NSTW and its counterpart in one program, and different projects under two programs', () => {
    const core = year();
    const first = draft(core, { docDate: '2024-03-15' });
    addLines(core, first, [dtpt('DTTS.DA4.TDA1', 'TD-2024-09', 2_000_000_000), dtpt('DTTS.DA4.TDA1', 'TD-2024-09', 200_000_000, 'NST_DOIUNG')]);
    expect(rule26(core, first)).toEqual([]);
    expect(issue(core, first, '2024-03-15').ok).toBe(true);
    const second = draft(core, { docDate: '2024-04-10' });
    addLines(core, second, [dtpt('NTM.ND02', 'TD-2024-11', 1_000_000_000)]);
    expect(rule26(core, second)).toEqual([]);
  });

  it('broken (exact): the project an issued DTTS decision funds, funded again under NTM, listed with both lines; a warning, so the draft can still be issued', () => {
    const core = year();
    const first = draft(core, { docDate: '2024-03-15' });
    addLines(core, first, [dtpt('DTTS.DA4.TDA1', 'TD-2024-09', 2_000_000_000)]);
    expect(issue(core, first, '2024-03-15').ok).toBe(true);
    const second = draft(core, { docDate: '2024-04-10' });
    const [again] = addLines(core, second, [dtpt('NTM.ND02', 'TD-2024-09', 800_000_000)]);
    const found = rule26(core, second);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'W', ruleName: 'Không trùng nguồn hỗ trợ', lineIds: [again] });
    expect(found[0]!.message).toContain('dòng 1 (NTM.ND02, NSTW DTPT) thuộc chương trình NTM');
    expect(found[0]!.message).toContain('dòng 1 của 01/QĐ-UBND (DTTS.DA4.TDA1, NSTW DTPT) thuộc chương trình DTTS');
    expect(found[0]!.message).toContain('cùng dự án TD-2024-09 Đường giao thông nội thôn Nà Lùng');
    expect(issue(core, second, '2024-04-10').ok).toBe(true);
  });

  it('broken (fuzzy): two records of one project typed with and without diacritics, and one content for one commune under two programs, in the same draft', () => {
    const core = year();
    const d = draft(core, { docDate: '2024-03-15' });
    const ids = addLines(core, d, [
      dtpt('DTTS.DA4.TDA1', 'TD-2024-10', 900_000_000),
      dtpt('NTM.ND02', 'NTM-24-05', 700_000_000),
      line('GNBV.DA2', 300_000_000, { recipient: { kind: 'commune', code: '06004' }, note: 'Hỗ trợ phát triển sản xuất cây hồi thôn Nà Pàn' }),
      line('DTTS.DA1.ND2', 250_000_000, { recipient: { kind: 'commune', code: '06004' }, note: 'ho tro phat trien san xuat cay hoi, thon Na Pan' }),
      line('DTTS.DA1.ND2', 100_000_000, { recipient: { kind: 'commune', code: '06001' }, note: 'Hỗ trợ phát triển sản xuất cây hồi thôn Nà Pàn' }),
    ]);
    const found = rule26(core, d);
    expect(found.map((f) => f.lineIds.sort((a, b) => a - b))).toEqual([
      [ids[0], ids[1]],
      [ids[2], ids[3]],
    ]);
    expect(found[0]!.message).toContain('tên dự án gần trùng: "Nhà văn hóa thôn Bản Chắt" và "Nha van hoa thon Ban Chat"');
    expect(found[1]!.message).toContain('cùng đơn vị nhận');
    // The same content for another commune is another beneficiary: not a match.
    expect(found.some((f) => f.lineIds.includes(ids[4]!))).toBe(false);
  });
});
