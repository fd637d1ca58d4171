// Issue 21, point 2: the programs of 2026 onward and the funding sources as dated data, loaded from resources/seed
// into a real SQLite file: the merged program's hợp phần and nội dung thành phần under keys of our own (the printed
// numbering stays a label in the note), the other national target programs funded for 2026–2030, and the sources
// with their validity; and point 1's office levels with their validity.
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/helpers';

describe('2026 catalog, national programs, funding sources and office levels as data', () => {
  it('the merged program: two hợp phần, 10 + 5 nội dung thành phần keyed by article order, the printed number only in the note', () => {
    const { db } = testCore();
    const rows = db.prepare("SELECT code, parent_code, level, note FROM component WHERE period_code = '2026-2035' ORDER BY sort_order").all() as {
      code: string;
      parent_code: string | null;
      level: string;
      note: string;
    }[];
    expect(rows.filter((r) => r.level === 'project').map((r) => r.code)).toEqual(['MTQG2635.HP1', 'MTQG2635.HP2']);
    expect(rows.filter((r) => r.parent_code === 'MTQG2635.HP1')).toHaveLength(10);
    expect(rows.filter((r) => r.parent_code === 'MTQG2635.HP2')).toHaveLength(5);
    // Our keys follow the article order; the source's printed numbers ("01", "2", "03"…) are kept in the note as a label.
    expect(rows.filter((r) => r.parent_code === 'MTQG2635.HP1').map((r) => r.code)).toEqual(Array.from({ length: 10 }, (_, i) => `MTQG2635.HP1.ND${String(i + 1).padStart(2, '0')}`));
    expect(rows.filter((r) => r.level === 'content').every((r) => /Điều \d+/.test(r.note))).toBe(true);
  });

  it('the other national target programs of 2026–2030 (NQ 27/2026/QH16) add up to 254.027 tỷ with their validity', () => {
    const { db } = testCore();
    const programs = db.prepare('SELECT code, nstw_dtpt_2026_2030_ty_dong AS amount, valid_from, valid_to FROM national_program ORDER BY sort_order').all() as {
      code: string;
      amount: number;
      valid_from: string;
      valid_to: string;
    }[];
    expect(programs.map((p) => p.code)).toEqual(['VH2535', 'MATUY2530', 'MTQG2635', 'YTE2635', 'GDDT2635']);
    expect(programs.reduce((s, p) => s + p.amount, 0)).toBe(254_027);
    expect(programs.find((p) => p.code === 'MTQG2635')).toMatchObject({ valid_from: '2026-01-01', valid_to: '2035-12-31' });
  });

  it('funding sources: NSTW, NS tỉnh, NS xã, lồng ghép, tín dụng chính sách, huy động; NS huyện ends 30/06/2025', () => {
    const { db } = testCore();
    const sources = db.prepare('SELECT code, valid_to FROM funding_source ORDER BY sort_order').all() as { code: string; valid_to: string | null }[];
    expect(sources.map((s) => s.code)).toEqual(['NSTW', 'NST_DOIUNG', 'NSH', 'NSX', 'LONG_GHEP', 'TIN_DUNG', 'HUY_DONG']);
    expect(sources.find((s) => s.code === 'NSH')!.valid_to).toBe('2025-06-30');
    expect(sources.filter((s) => s.code !== 'NSH').every((s) => s.valid_to === null)).toBe(true);
  });

  it('office levels: a district until 30/06/2025, a commune or ward from 01/07/2025, each over its own unit list', () => {
    const { db } = testCore();
    expect(db.prepare('SELECT code, unit_dataset, unit_levels, valid_from, valid_to FROM office_level ORDER BY sort_order').all()).toEqual([
      { code: 'huyen', unit_dataset: '2024-11', unit_levels: 'huyen|thanh_pho|thi_xa', valid_from: null, valid_to: '2025-06-30' },
      { code: 'xa', unit_dataset: '2025-07', unit_levels: 'xa|phuong', valid_from: '2025-07-01', valid_to: null },
    ]);
  });
});
