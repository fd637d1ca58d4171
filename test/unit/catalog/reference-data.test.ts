import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../electron/core/paths';
import { seedReferenceData } from '../../../electron/core/reference/seed';
import { count, testCore } from '../../support/helpers';

const seedDir = path.join(defaultResourcesDir(), 'seed');
const csvRows = (file: string) => parse(fs.readFileSync(path.join(seedDir, file), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

describe('reference data seeded from resources/', () => {
  it('loads every catalog row of both program periods, with level labels as data', () => {
    const core = testCore();
    const perPeriod = core.db.prepare('SELECT period_code, COUNT(*) AS n FROM component GROUP BY period_code ORDER BY period_code').all();
    expect(perPeriod).toEqual([
      { period_code: '2021-2025', n: csvRows('programs-2021-2025.csv').length },
      { period_code: '2026-2035', n: csvRows('programs-2026-2035.csv').length },
    ]);
    const label = core.db.prepare("SELECT label_vi FROM component_level WHERE period_code = ? AND level = 'project'");
    expect(label.get('2021-2025')).toEqual({ label_vi: 'Dự án' });
    expect(label.get('2026-2035')).toEqual({ label_vi: 'Hợp phần' });
  });

  it('loads administrative units of 2024 and 2025 with validity and successors', () => {
    const core = testCore();
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM admin_unit WHERE dataset = '2024-11'").get()).toEqual({ n: csvRows('langson-units.csv').length });
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM admin_unit WHERE dataset = '2025-07'").get()).toEqual({ n: csvRows('langson-units-2025.csv').length });
    // Xã Đại Đồng (Tràng Định) was split on 01/12/2024 and the code 06040 reused: keyed by (dataset, code).
    const daiDong = core.db
      .prepare(
        `SELECT s.effective_date, s.successor_code FROM admin_unit u JOIN admin_unit_successor s ON s.unit_id = u.id
         WHERE u.dataset = '2024-11' AND u.code = '06040' ORDER BY s.effective_date, s.successor_code`,
      )
      .all() as { effective_date: string; successor_code: string }[];
    expect(daiDong.filter((s) => s.effective_date === '2024-12-01').length).toBe(2);
    expect(daiDong.some((s) => s.effective_date === '2025-07-01')).toBe(true);
    expect(core.db.prepare("SELECT valid_to FROM admin_unit WHERE dataset = '2024-11' AND code = '180'").get()).toEqual({ valid_to: '2025-06-30' });
  });

  it('pilot designations agree with the pilot flags of the unit list', () => {
    const core = testCore();
    const flagged = csvRows('langson-units.csv')
      .filter((r) => r.pilot_nq111_2024 === 'pilot' && r.level === 'huyen')
      .map((r) => r.unit_code)
      .sort();
    const designated = (core.db.prepare('SELECT district_code FROM pilot_designation ORDER BY district_code').all() as { district_code: string }[]).map((r) => r.district_code);
    expect(designated).toEqual(flagged);
    expect(designated).toEqual(['180', '188']);
  });

  it('re-seeding unchanged files changes nothing; office data keeps its references', () => {
    const core = testCore({ district: '180' });
    core.invoke('assignments.create', { year: 2024, componentCode: 'DTTS.DA1.ND2', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 5 } });
    const components = count(core, 'component');
    expect(seedReferenceData(core.db, seedDir, 'later')).toEqual([]);
    // A changed dataset is upserted by its natural key: ids referenced by assignments survive.
    core.db.prepare("UPDATE reference_dataset SET sha256 = 'stale' WHERE name = 'programs-2021-2025.csv'").run();
    expect(seedReferenceData(core.db, seedDir, 'later')).toEqual(['programs-2021-2025.csv']);
    expect(count(core, 'component')).toBe(components);
    expect(core.db.pragma('foreign_key_check')).toEqual([]);
  });
});
