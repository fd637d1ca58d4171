import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { listBackups } from '../../../electron/core/backup/backups';
import { tempDir } from '../../support/helpers';
import { assign, call, officeCore } from '../../support/ledger-helpers';

const dataDirOf = (core: object) => (core as { dataDir: string }).dataDir;
const assignmentCount = (core: ReturnType<typeof officeCore>) => call(core, 'assignments.list', { year: 2024 }).lines.length;

describe('backups.* commands on an open core', () => {
  it('lists backups newest first with their Vietnamese reason, takes one now, checks the data file', () => {
    const core = officeCore();
    const taken = call(core, 'backups.create', {});
    expect(taken).toMatchObject({ reason: 'thu-cong', reasonLabel: 'Thủ công' });
    expect(taken.name).toMatch(/^thu-cong-\d{8}T\d{6}(-\d+)?\.sqlite$/);
    expect(taken.sizeBytes).toBeGreaterThan(0);
    const list = call(core, 'backups.list', {});
    expect(list.backupDir).toBe(path.join(dataDirOf(core), 'backups'));
    expect(list.dataFile).toBe(path.join(dataDirOf(core), 'so-von.sqlite'));
    expect(list.dataSizeBytes).toBeGreaterThan(0);
    expect(list.backups[0]).toEqual(taken);
    expect(list.retention).toEqual({ recent: 10, days: 30, cap: 60 });
    const report = call(core, 'backups.check', {});
    expect(report).toMatchObject({ ok: true, problems: [], file: list.dataFile });
    expect(report.latestBackup?.name).toBe(taken.name);
  });

  it('restore in place: the change after the backup is gone, the pre-restore backup exists, and every command still works', () => {
    const core = officeCore();
    assign(core, 2024, 'NTM.ND05', 'NSTW', 'SN', 1_000_000);
    const backup = call(core, 'backups.create', {});
    assign(core, 2024, 'NTM.ND05', 'NSH', 'SN', 2_000_000);
    expect(assignmentCount(core)).toBe(2);
    const oldConnection = core.db;

    const outcome = call(core, 'backups.restore', { file: backup.name });
    expect(outcome.restoredFrom.name).toBe(backup.name);
    expect(outcome.undoBackup).toMatchObject({ reason: 'truoc-khoi-phuc', reasonLabel: 'Trước khi khôi phục' });
    expect(outcome.upgradedFrom).toBeNull();
    expect(oldConnection.open).toBe(false);
    expect(core.db).not.toBe(oldConnection);
    expect(core.db.open).toBe(true);

    // The change made after the backup is gone; reads and writes go on through the same core.
    expect(assignmentCount(core)).toBe(1);
    assign(core, 2024, 'NTM.ND05', 'NST_DOIUNG', 'SN', 3_000_000);
    expect(assignmentCount(core)).toBe(2);
    expect(call(core, 'app.info', {}).office?.districtCode).toBe('180');
    expect(call(core, 'backups.check', {}).ok).toBe(true);
    const audit = core.db.prepare("SELECT actor, after_json FROM audit_log WHERE command = 'backups.restore'").all();
    expect(audit).toEqual([{ actor: 'test', after_json: JSON.stringify({ restoredFrom: backup.name }) }]);

    // The backup taken just before the restore holds the data as it was: restoring it undoes the restore.
    const listed = call(core, 'backups.list', {}).backups.map((b) => b.name);
    expect(listed).toContain(outcome.undoBackup!.name);
    call(core, 'backups.restore', { file: outcome.undoBackup!.name });
    const sources = call(core, 'assignments.list', { year: 2024 }).lines.map((l) => l.sourceCode).sort();
    expect(sources).toEqual(['NSH', 'NSTW']);

    // Another core opening the same folder later sees the restored data.
    core.close();
    const reopened = openCore({ dataDir: dataDirOf(core), actor: 'test' });
    try {
      expect(call(reopened, 'assignments.list', { year: 2024 }).lines).toHaveLength(2);
    } finally {
      reopened.close();
    }
  });

  it('refuses anything but a backup of the office backups folder, by name, and leaves the data alone', () => {
    const core = officeCore();
    assign(core, 2024, 'NTM.ND05', 'NSTW', 'SN', 1_000_000);
    const dataDir = dataDirOf(core);
    const backup = call(core, 'backups.create', {});
    // A sound database outside the backups folder, even with a backup-like name.
    const outside = path.join(tempDir(), 'thu-cong-20240101T000000.sqlite');
    fs.copyFileSync(path.join(dataDir, 'backups', backup.name), outside);
    for (const file of [
      outside,
      `../${path.basename(path.dirname(outside))}/thu-cong-20240101T000000.sqlite`,
      `..${path.sep}so-von.sqlite`,
      path.join(dataDir, 'backups', backup.name),
      'so-von.sqlite',
      '..',
      'thu-cong-20240101T000000.sqlite',
      `backups/${backup.name}`,
      `..\\backups\\${backup.name}`,
    ]) {
      const result = core.invoke('backups.restore', { file });
      expect(result.ok, file).toBe(false);
      if (!result.ok) {
        expect(result.error.code, file).toBe('BACKUP_NOT_FOUND');
        expect(result.error.message, file).toMatch(/bản sao lưu/);
      }
    }
    expect(listBackups(dataDir).filter((b) => b.reason === 'truoc-khoi-phuc')).toEqual([]);
    expect(assignmentCount(core)).toBe(1);
  });

  it('a damaged backup, or one written by a newer version, is refused and the current data stays open and unchanged', () => {
    const core = officeCore();
    assign(core, 2024, 'NTM.ND05', 'NSTW', 'SN', 1_000_000);
    const dataDir = dataDirOf(core);
    const damaged = 'thu-cong-20240101T000000.sqlite';
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'backups', damaged), 'không phải cơ sở dữ liệu');
    const refused = core.invoke('backups.restore', { file: damaged });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    expect(assignmentCount(core)).toBe(1);

    const future = call(core, 'backups.create', {});
    const futureFile = path.join(dataDir, 'backups', future.name);
    const raw = new Database(futureFile);
    raw.pragma('user_version = 999');
    raw.close();
    assign(core, 2024, 'NTM.ND05', 'NSH', 'SN', 2_000_000);
    const newer = core.invoke('backups.restore', { file: future.name });
    expect(newer.ok).toBe(false);
    if (!newer.ok) {
      expect(newer.error.code).toBe('DB_OPEN_FAILED');
      expect(newer.error.message).toContain('Dữ liệu hiện tại được giữ nguyên');
    }
    expect(core.db.open).toBe(true);
    expect(assignmentCount(core)).toBe(2);
    assign(core, 2024, 'NTM.ND05', 'NST_DOIUNG', 'SN', 3_000_000);
    expect(assignmentCount(core)).toBe(3);
  });

  it('restores the oldest backup of a full folder even though the retention run of the pre-restore backup removes it', () => {
    const core = officeCore();
    assign(core, 2024, 'NTM.ND05', 'NSTW', 'SN', 1_000_000);
    const dataDir = dataDirOf(core);
    const taken = call(core, 'backups.create', {});
    const source = path.join(dataDir, 'backups', taken.name);
    // Sixty backups from long ago (one a day in 2023): the oldest is the first the retention policy drops.
    for (let day = 0; day < 60; day++) {
      const stamp = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      fs.copyFileSync(source, path.join(dataDir, 'backups', `hang-ngay-${stamp}.sqlite`));
    }
    fs.rmSync(source);
    assign(core, 2024, 'NTM.ND05', 'NSH', 'SN', 2_000_000);
    const oldest = call(core, 'backups.list', {}).backups.at(-1)!;
    expect(oldest.name).toBe('hang-ngay-20230101T000000.sqlite');
    expect(call(core, 'backups.restore', { file: oldest.name }).restoredFrom.name).toBe(oldest.name);
    expect(assignmentCount(core)).toBe(1);
  });

  it('is refused while a long task (an import) is running, and allowed once it has ended', async () => {
    const core = officeCore();
    const backup = call(core, 'backups.create', {});
    const workbook = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/excel/tinh-giao-von-2024.xlsx')).toString('base64');
    // The import registers its task as it starts, then reads the file asynchronously.
    const pending = core.invokeAsync('import.analyze', { fileName: 'tinh-giao-von-2024.xlsx', base64: workbook, jobId: 'nhap-1' });
    const busy = core.invoke('backups.restore', { file: backup.name });
    expect(busy).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    if (!busy.ok) expect(busy.error.message).toContain('Đọc tệp Excel');
    expect((await pending).ok).toBe(true);
    expect(core.invoke('backups.restore', { file: backup.name }).ok).toBe(true);
  });
});
