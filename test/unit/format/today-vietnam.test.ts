import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentYearInVietnam, formatInstantInVietnam, todayInVietnam, vietnamDate } from '../../../shared/format/today';
import { vietnamYear } from '../../../renderer/app/working-year';
import { openCore } from '../../../electron/core/core';
import { dailyBackupIfDue, listBackups } from '../../../electron/core/backup/backups';
import { tempDir } from '../../support/helpers';

// 23:30 UTC on 31/12/2024 is 06:30 on 01/01/2025 in Hà Nội: the UTC date is yesterday there, and last year.
const LATE_UTC = new Date('2024-12-31T23:30:00.000Z');

describe('today in Vietnam (Asia/Ho_Chi_Minh), at 23:30 UTC', () => {
  afterEach(() => vi.useRealTimers());

  it('the helper gives the Vietnamese date and year, not the UTC ones', () => {
    vi.useFakeTimers({ now: LATE_UTC });
    expect(new Date().toISOString().slice(0, 10)).toBe('2024-12-31');
    expect(todayInVietnam()).toBe('2025-01-01');
    expect(currentYearInVietnam()).toBe(2025);
    expect(vietnamDate('2024-06-30T16:59:59Z')).toBe('2024-06-30');
    expect(vietnamDate('2024-06-30T17:00:00Z')).toBe('2024-07-01');
  });

  it('an instant is written in Vietnam\'s time: 23:30 UTC on 31/12/2024 reads 01/01/2025 06:30', () => {
    expect(formatInstantInVietnam(LATE_UTC)).toBe('01/01/2025 06:30');
    expect(formatInstantInVietnam('2024-03-01T08:00:00.000Z')).toBe('01/03/2024 15:00');
    expect(formatInstantInVietnam('không phải thời điểm')).toBe('không phải thời điểm');
  });

  it('the screens default to the Vietnamese year when no year has data', () => {
    vi.useFakeTimers({ now: LATE_UTC });
    expect(vietnamYear()).toBe(2025);
  });

  it('the core reads deadlines against the Vietnamese day: a task due 01/03 is overdue at 23:30 UTC that day', () => {
    const core = openCore({ dataDir: tempDir(), actor: 'test', now: () => '2024-03-01T23:30:00.000Z' });
    try {
      expect(core.invoke('office.setup', { districtCode: '180', signers: [] }).ok).toBe(true);
      const notice = core.invoke('notices.create', {
        number: '12/TB-UBND',
        noticeDate: '2024-02-01',
        issuer: 'UBND tỉnh Lạng Sơn',
        tasks: [{ item: '1', text: 'Báo cáo tiến độ', owner: 'UBND huyện', deadline: '2024-03-01' }],
      });
      expect(notice.ok).toBe(true);
      const tasks = core.invoke('tasks.list', {});
      expect(tasks.ok && tasks.value.map((t) => t.overdue)).toEqual([true]);
    } finally {
      core.close();
    }
  });

  it('the daily backup goes by the Vietnamese day: 23:30 UTC after a 10:00 UTC copy is a new day', () => {
    const dataDir = tempDir();
    const core = openCore({ dataDir, actor: 'test' });
    try {
      expect(dailyBackupIfDue(core.db, dataDir, new Date('2024-03-01T10:00:00Z'))).not.toBeNull();
      expect(dailyBackupIfDue(core.db, dataDir, new Date('2024-03-01T16:00:00Z'))).toBeNull();
      expect(dailyBackupIfDue(core.db, dataDir, new Date('2024-03-01T23:30:00Z'))).not.toBeNull();
      expect(listBackups(dataDir).filter((b) => b.reason === 'hang-ngay')).toHaveLength(2);
    } finally {
      core.close();
    }
  });
});
