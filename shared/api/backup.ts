/** Backups: list, take one now, integrity check, restore in place. */
import { z } from 'zod';
import { command, empty, shortText } from './schemas';

export interface BackupEntry {
  /** The file name inside the office's backups folder; what `backups.restore` takes. */
  name: string;
  /** Why it was taken, as in its name: "thu-cong", "hang-ngay", "truoc-ban-hanh", "truoc-khoi-phuc", "truoc-nang-cap-v1-len-v2"… */
  reason: string;
  /** The same in Vietnamese: "Thủ công", "Hằng ngày", "Trước khi ban hành"… */
  reasonLabel: string;
  /** ISO time (UTC) it was taken. */
  takenAt: string;
  sizeBytes: number;
}

export interface BackupRetention {
  /** The most recent backups kept whatever their age. */
  recent: number;
  /** One a day kept for this many days. */
  days: number;
  /** Never more than this many files. */
  cap: number;
}

export interface BackupList {
  dataFile: string;
  dataSizeBytes: number;
  backupDir: string;
  /** Newest first. */
  backups: BackupEntry[];
  retention: BackupRetention;
}

export interface IntegrityReport {
  file: string;
  /** PRAGMA quick_check found nothing wrong. */
  ok: boolean;
  /** What quick_check reported when not ok (at most 20 lines). */
  problems: string[];
  checkedAt: string;
  /** The newest backup, to restore from when the file is damaged. */
  latestBackup: BackupEntry | null;
  /** When damaged: where the file was copied as found (main file + WAL), before anything else touched it. */
  keptAt?: string | null;
}

export interface RestoreOutcome {
  restoredFrom: BackupEntry;
  /** The copy of the data as it was just before the restore ("Trước khi khôi phục"): restoring it undoes the restore. */
  undoBackup: BackupEntry | null;
  schemaVersion: number;
  /** Set when the restored backup was written by an older version and has been upgraded. */
  upgradedFrom: number | null;
}

/** A copy written to a file the officer named (`backup --out`). */
export interface SavedBackup {
  /** Absolute path of the copy. */
  file: string;
  reason: 'thu-cong';
  /** ISO time (UTC) it was taken. */
  takenAt: string;
  sizeBytes: number;
}

export const backupCommands = {
  'backups.list': command<BackupList>()(empty, { reads: true }),
  /** A consistent copy of the data now ("Thủ công"), then the retention policy. */
  'backups.create': command<BackupEntry>()(empty),
  /** A consistent copy of the data to a file at the path given (hosts that write local files: CLI, desktop), written whole or not at all. */
  'backups.saveTo': command<SavedBackup>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
  /** PRAGMA quick_check of the open data file. */
  'backups.check': command<IntegrityReport>()(empty, { reads: true }),
  /**
   * Replaces the data by a backup of the office's backups folder, chosen by file name (anything else is refused).
   * The current data is backed up first, so the restore can be undone; the core reopens and upgrades the data.
   */
  'backups.restore': command<RestoreOutcome>()(
    // confirmOtherOffice: the officer was shown RESTORE_OTHER_OFFICE (both offices named) and confirmed.
    z.object({ file: shortText(260).min(1), confirmOtherOffice: z.boolean().optional() }).strict(),
  ),
} as const;
