// Reliability figures: backup and restore of a 200 MB office database, and the crash harness at full count
// (the CLI killed with SIGKILL during imports, issues, backups, restores and package imports; see
// test/reliability/kill-harness.ts), with its rate (runs per minute) to plan the full run's time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackup, restoreBackup } from '../../electron/core/backup/backups';
import { openCore } from '../../electron/core/core';
import { databaseFile } from '../../electron/core/paths';
import { killHarness, OPERATIONS } from '../reliability/kill-harness';
import { record, time } from './measure';

const TARGET_BYTES = 200 * 1024 * 1024;

/** An office whose audit trail has grown to about 200 MB (the largest part of a long-used book). */
function bigOffice(dataDir: string): void {
  const core = openCore({ dataDir, actor: 'bench' });
  try {
    core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
    const row = JSON.stringify({ lines: Array.from({ length: 12 }, (_, i) => ({ componentCode: 'DTTS.DA4.TDA1', recipient: `Xã số ${i}`, amountDong: 1_234_567_000 + i, note: 'Dữ liệu thử hiệu năng' })) });
    const insert = core.db.prepare("INSERT INTO audit_log (at, actor, command, entity, entity_id, before_json, after_json) VALUES ('2024-06-30T08:00:00.000Z', 'bench', 'bench.fill', 'decision_line', ?, ?, ?)");
    const batch = core.db.transaction((from: number) => {
      for (let i = from; i < from + 10_000; i++) insert.run(i, row, row);
    });
    for (let n = 0; fs.statSync(databaseFile(dataDir)).size < TARGET_BYTES; n += 10_000) {
      batch(n);
      core.db.pragma('wal_checkpoint(TRUNCATE)');
    }
  } finally {
    core.close();
  }
}

export async function benchReliability(options: { killRuns: number }): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-bench-backup-'));
  try {
    bigOffice(dataDir);
    record('backup.db_size_MB', fs.statSync(databaseFile(dataDir)).size / 1024 / 1024, 'MB');
    const core = openCore({ dataDir, actor: 'bench' });
    let backupFile = '';
    try {
      record('backup.200mb_ms', time(() => (backupFile = createBackup(core.db, dataDir, 'thu-cong').file)), 'ms');
    } finally {
      core.close();
    }
    // Restore checks the backup, backs up the current data first, then swaps the file: all of it is timed.
    record('restore.200mb_ms', time(() => restoreBackup(databaseFile(dataDir), dataDir, backupFile)), 'ms');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const started = performance.now();
  // A smaller book than the tests' default keeps 1,000 runs within a few hours on a loaded machine; every operation
  // still writes in one transaction long enough to be killed inside it.
  const report = await killHarness({ runs: options.killRuns, lines: 1500, detailRows: 3000 });
  record('reliability.kill_runs', report.runs, 'count');
  record('reliability.kill_runs_per_minute', report.runs / ((performance.now() - started) / 60_000), 'count');
  for (const op of OPERATIONS) {
    const o = report.outcomes[op];
    record(`reliability.kill_${op}_killed_before_end`, o.killedBeforeEnd, 'count');
    record(`reliability.kill_${op}_happened`, o.happened, 'count');
    record(`reliability.kill_${op}_no_trace`, o.noTrace, 'count');
  }
}
