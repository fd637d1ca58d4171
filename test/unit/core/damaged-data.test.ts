import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, restoreLatestGoodBackup } from '../../../electron/core/backup/backups';
import { openCore } from '../../../electron/core/core';
import { CoreError } from '../../../electron/core/errors';
import { databaseFile } from '../../../electron/core/paths';
import { recoveryOffer } from '../../../electron/main/damaged-data';
import { tempDir } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';

describe('a damaged office database at start', () => {
  it('is offered the newest sound backup: a damaged newer backup is skipped, the damaged file kept, the data opens again', () => {
    const data = tempDir();
    const core = openCore({ dataDir: data, actor: 'test' });
    call(core, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
    call(core, 'assignments.create', { year: 2024, componentCode: 'GNBV.DA2', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_000_000_000 } });
    const sound = call(core, 'backups.create', {});
    core.close();
    // A newer backup that is itself damaged (a disk error): it must not be the one restored.
    const newer = path.join(data, 'backups', 'thu-cong-29991231T235959.sqlite');
    fs.writeFileSync(newer, Buffer.alloc(8192, 7));
    fs.truncateSync(databaseFile(data), Math.floor(fs.statSync(databaseFile(data)).size / 3));

    let opened: unknown;
    try {
      openCore({ dataDir: data, actor: 'test' });
    } catch (error) {
      opened = error;
    }
    expect(opened).toBeInstanceOf(CoreError);
    expect((opened as CoreError).code, (opened as Error).message).toBe("DB_DAMAGED");
    const offer = recoveryOffer(opened);
    expect(offer).toMatchObject({ buttons: ['Khôi phục bản sao lưu', 'Thoát'], message: expect.stringContaining('bị hỏng') });
    // The dialog names the backup it will restore: the newest sound one, not the newer damaged one.
    expect(offer!.detail).toContain(sound.name);
    expect(offer!.detail).not.toContain('29991231');

    const restored = restoreLatestGoodBackup(databaseFile(data), data);
    expect(path.basename(restored!.restoredFrom)).toBe(sound.name);
    expect(listBackups(data).some((b) => b.reason === 'truoc-khoi-phuc')).toBe(true);
    const again = openCore({ dataDir: data, actor: 'test' });
    expect(call(again, 'assignments.list', { year: 2024 }).totals.grandDong).toBe(1_000_000_000);
    again.close();
  });

  it('an empty file is not a sound backup (SQLite would read it as an empty database)', () => {
    const data = tempDir();
    const core = openCore({ dataDir: data, actor: 'test' });
    call(core, 'office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] });
    const sound = call(core, 'backups.create', {});
    core.close();
    fs.writeFileSync(path.join(data, 'backups', 'thu-cong-29991231T235959.sqlite'), '');
    fs.writeFileSync(databaseFile(data), Buffer.alloc(4096, 9));
    expect(path.basename(restoreLatestGoodBackup(databaseFile(data), data)!.restoredFrom)).toBe(sound.name);
    const again = openCore({ dataDir: data, actor: 'test' });
    expect(call(again, 'app.info', {}).office?.districtCode).toBe('180');
    again.close();
  });

  it('offers nothing for another error, or when there is no backup to restore', () => {
    expect(recoveryOffer(new CoreError('DB_FROM_FUTURE', 'x'))).toBeNull();
    expect(recoveryOffer(new CoreError('DB_DAMAGED', 'x', { latestBackup: null }))).toBeNull();
    expect(recoveryOffer(new Error('x'))).toBeNull();
  });
});

describe('half-written backups left by a killed process', () => {
  it('are swept at the first open of a day once an hour old; a younger one is left to its writer', async () => {
    const { sweepPartialBackups } = await import('../../../electron/core/backup/backups');
    const data = tempDir();
    fs.mkdirSync(path.join(data, 'backups'));
    const old = path.join(data, 'backups', 'thu-cong-20240101T000000.sqlite.partial');
    const young = path.join(data, 'backups', 'thu-cong-20240101T010000.sqlite.partial');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(young, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect(sweepPartialBackups(data)).toEqual([old]);
    expect(fs.existsSync(young)).toBe(true);
  });
});
