// Benchmarks of disbursement on a year holding 100,000 entries (5,000 keys × 20 cut-offs): the progress by program ×
// capital type × source (progress.year_100k_entries_ms), the dashboard with its monthly pacing
// (dashboard.year_100k_entries_ms), and saving 500 grid entries at one cut-off (disbursement.save_500_ms).
import { openCore } from '../../electron/core/core';
import { medianOf, record, time } from './measure';

export function benchDisbursement(dataDir: string): void {
  const core = openCore({ dataDir, actor: 'bench' });
  try {
    const seeded = core.invoke('demo.seed', {});
    if (!seeded.ok) throw new Error(seeded.error.message);
    const db = core.db;
    const components = (db.prepare("SELECT c.id FROM component c WHERE c.period_code = '2021-2025' AND c.level <> 'program'").all() as { id: number }[]).map((c) => c.id);
    const communes = (db.prepare("SELECT id FROM admin_unit WHERE dataset = '2024-11' AND parent_code = '180'").all() as { id: number }[]).map((u) => u.id);
    const insert = db.prepare(
      `INSERT INTO disbursement (year, cutoff_date, component_id, commune_unit_id, source_code, capital_type, origin_year, cumulative_dong, data_source, created_at, updated_at)
       VALUES (2025, ?, ?, ?, ?, ?, 2025, ?, 'tu_bao_cao', 'now', 'now')`,
    );
    const cutoffs = Array.from({ length: 20 }, (_, i) => `2025-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 ? '28' : '14'}`);
    db.transaction(() => {
      let keys = 0;
      for (const component of components) {
        for (const commune of communes) {
          for (const [source, capital] of [['NSTW', 'SN'], ['NST_DOIUNG', 'DTPT']] as const) {
            if (keys++ >= 5000) return;
            cutoffs.forEach((cutoff, i) => insert.run(cutoff, component, commune, source, capital, (i + 1) * 1_000_000));
          }
        }
      }
    })();
    record('progress.year_100k_entries_ms', medianOf(3, () => core.invoke('disbursement.progress', { year: 2025, asOf: '2025-10-28' })), 'ms');
    record('dashboard.year_100k_entries_ms', medianOf(3, () => core.invoke('disbursement.dashboard', { year: 2025, asOf: '2025-10-28' })), 'ms');
    const sheet = core.invoke('disbursement.sheet', { year: 2025, cutoffDate: '2025-10-31' });
    if (!sheet.ok) throw new Error(sheet.error.message);
    const entries = sheet.value.rows.slice(0, 500).map((r) => ({
      key: { componentCode: r.componentCode, projectCode: r.projectCode, communeCode: r.communeCode, sourceCode: r.sourceCode, capitalType: r.capitalType, originYear: r.originYear },
      cumulative: { dong: 30_000_000 },
    }));
    record(
      'disbursement.save_500_ms',
      time(() => {
        const r = core.invoke('disbursement.save', { year: 2025, cutoffDate: '2025-10-31', entries });
        if (!r.ok) throw new Error(r.error.message);
      }),
      'ms',
    );
  } finally {
    core.close();
  }
}
