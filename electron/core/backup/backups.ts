/**
 * Backups of the office database: consistent copies (VACUUM INTO) in data/backups, taken before migrations,
 * before every issue, once a day and on demand; kept by a retention policy; checked and restored safely
 * (restoring first backs up the current database, so a restore can be undone).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/sqlite';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { backupDir } from '../paths';
import { vietnamDate } from '../../../shared/format/today';

export interface BackupFile {
  file: string;
  /** What it was taken for: "thu-cong", "truoc-ban-hanh", "hang-ngay", "truoc-khoi-phuc", "truoc-nang-cap-…". */
  reason: string;
  /** ISO time it was taken (from its name). */
  takenAt: string;
  sizeBytes: number;
}

const NAME = /^(.+)-(\d{8}T\d{6})(?:-\d+)?\.sqlite$/;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

function takenAtOf(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}T${compact.slice(9, 11)}:${compact.slice(11, 13)}:${compact.slice(13, 15)}Z`;
}

export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => ({ file: path.join(dir, name), reason: match[1]!, takenAt: takenAtOf(match[2]!), sizeBytes: fs.statSync(path.join(dir, name)).size }))
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.file < b.file ? 1 : -1));
}

export interface RetentionPolicy {
  /** The most recent backups kept whatever their age. */
  recent: number;
  /** One backup per day kept for this many days. */
  days: number;
  /** Never more than this many files. */
  cap: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { recent: 10, days: 30, cap: 60 };

/** The backups a retention policy would delete (newest first in, pure: decided on names and times only). */
export function backupsToPrune(backups: BackupFile[], policy: RetentionPolicy, now: Date): BackupFile[] {
  const keep = new Set<string>();
  backups.slice(0, policy.recent).forEach((b) => keep.add(b.file));
  const seenDays = new Set<string>();
  const oldest = new Date(now.getTime() - policy.days * 86_400_000).toISOString();
  for (const b of backups) {
    const day = vietnamDate(b.takenAt);
    if (b.takenAt >= oldest && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.file);
    }
  }
  const kept = backups.filter((b) => keep.has(b.file)).slice(0, policy.cap);
  const keptSet = new Set(kept.map((b) => b.file));
  return backups.filter((b) => !keptSet.has(b.file));
}

/** A consistent copy of the live database; then the retention policy. Never inside a transaction. */
export function createBackup(db: Db, dataDir: string, reason: string, now = new Date(), policy = DEFAULT_RETENTION): BackupFile {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, `${reason}-${stamp(now)}.sqlite`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${reason}-${stamp(now)}-${n}.sqlite`);
  // Written under a temporary name and renamed: a process killed mid-copy leaves no half backup in the list.
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  fs.renameSync(partial, file);
  for (const old of backupsToPrune(listBackups(dataDir), policy, now)) fs.rmSync(old.file, { force: true });
  return { file, reason, takenAt: takenAtOf(stamp(now)), sizeBytes: fs.statSync(file).size };
}

/**
 * Half-written copies a killed process left (`*.partial`, as large as the database): removed once they are an
 * hour old — a younger one may be another process's backup still being written.
 */
export function sweepPartialBackups(dataDir: string, now = new Date()): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.partial')) continue;
    const file = path.join(dir, name);
    if (now.getTime() - fs.statSync(file).mtimeMs < 60 * 60 * 1000) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

/** One backup a day, taken when the app opens the database for the first time that day. */
export function dailyBackupIfDue(db: Db, dataDir: string, now = new Date()): BackupFile | null {
  sweepPartialBackups(dataDir, now);
  // The officer's day, not UTC's: the first start after midnight in Vietnam takes the day's copy.
  const today = vietnamDate(now);
  if (listBackups(dataDir).some((b) => vietnamDate(b.takenAt) === today)) return null;
  return createBackup(db, dataDir, 'hang-ngay', now);
}

export interface CheckResult {
  ok: boolean;
  problems: string[];
}

/** PRAGMA quick_check on a database file opened read-only; an unreadable file is a problem, not a crash. */
export function checkDatabaseFile(file: string): CheckResult {
  if (!fs.existsSync(file)) return { ok: false, problems: [`Không có tệp ${file}.`] };
  let db: Database.Database | null = null;
  try {
    // SQLite reads an empty file as an empty, sound database: a backup must also be one of ours.
    if (fs.statSync(file).size === 0) return { ok: false, problems: ['Tệp rỗng (0 byte).'] };
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) return { ok: false, problems };
    const version = db.pragma('user_version', { simple: true }) as number;
    const office = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'office'").get();
    if (version < 1 || !office) return { ok: false, problems: ['Không phải dữ liệu của Sổ vốn MTQG (không có bảng văn phòng, phiên bản lược đồ 0).'] };
    return { ok: true, problems: [] };
  } catch (error) {
    return { ok: false, problems: [`Không đọc được tệp: ${(error as Error).message}`] };
  } finally {
    db?.close();
  }
}

/**
 * The backup an officer chose, by its file name: only a plain name of a backup file directly inside the office's
 * backups folder is accepted (no path, no "..", no other file), so a restore can never read a file elsewhere.
 */
export function resolveBackupName(dataDir: string, name: string): BackupFile {
  const dir = backupDir(dataDir);
  const plain = name.length > 0 && !/[\\/\0]/.test(name) && name !== '.' && name !== '..' && path.basename(name) === name;
  const match = plain ? NAME.exec(name) : null;
  if (!match) {
    throw new CoreError(
      'BACKUP_NOT_FOUND',
      `"${name}" không phải tên một bản sao lưu. Chỉ khôi phục được các tệp trong thư mục sao lưu ${dir}, chọn theo tên (ví dụ thu-cong-20240301T080000.sqlite); hãy chọn bản sao lưu trong danh sách.`,
      { name, backupDir: dir },
    );
  }
  const file = path.join(dir, name);
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) {
    throw new CoreError('BACKUP_NOT_FOUND', `Không có bản sao lưu ${name} trong thư mục ${dir} (có thể đã bị xoá theo chính sách lưu giữ). Hãy tải lại danh sách và chọn bản khác.`, {
      name,
      backupDir: dir,
    });
  }
  return { file, reason: match[1]!, takenAt: takenAtOf(match[2]!), sizeBytes: stat.size };
}

/** Puts a copy of `source` in place of the database file: copied beside it, then renamed over it (atomic). */
function replaceDatabaseFile(dataFile: string, source: string): void {
  const partial = `${dataFile}.khoi-phuc.tmp`;
  fs.copyFileSync(source, partial);
  installDatabaseFile(dataFile, partial);
}

function installDatabaseFile(dataFile: string, partial: string): void {
  for (const side of [`${dataFile}-wal`, `${dataFile}-shm`]) fs.rmSync(side, { force: true });
  fs.renameSync(partial, dataFile);
}

/**
 * Replaces the office database by a backup: the backup is checked and copied beside the database first (so the
 * retention run of the next step cannot remove it), the current database is backed up ("truoc-khoi-phuc"), then the
 * copy is renamed over the database (the rename is atomic, so a crash leaves either the old or the new file).
 * The database must not be open elsewhere.
 */
export function restoreBackup(dataFile: string, dataDir: string, backupFile: string): { restoredFrom: string; undoBackup: string | null } {
  const check = checkDatabaseFile(backupFile);
  if (!check.ok) {
    throw new CoreError('DB_OPEN_FAILED', `Bản sao lưu ${path.basename(backupFile)} bị hỏng, không khôi phục: ${check.problems.slice(0, 3).join('; ')}`, { file: backupFile });
  }
  const partial = `${dataFile}.khoi-phuc.tmp`;
  fs.copyFileSync(backupFile, partial);
  let undoBackup: string | null = null;
  try {
    if (fs.existsSync(dataFile)) undoBackup = backUpBeforeRestore(dataFile, dataDir);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  installDatabaseFile(dataFile, partial);
  return { restoredFrom: backupFile, undoBackup };
}

/**
 * The data about to be replaced, kept as "truoc-khoi-phuc": a consistent copy when SQLite can read it; a damaged
 * file cannot be vacuumed, so its bytes are kept as they are (for the technicians, never offered as sound).
 */
function backUpBeforeRestore(dataFile: string, dataDir: string): string {
  let current: Database.Database | null = null;
  try {
    current = openSqlite(dataFile);
    const file = createBackup(current, dataDir, 'truoc-khoi-phuc').file;
    current.pragma('wal_checkpoint(TRUNCATE)');
    return file;
  } catch {
    const dir = backupDir(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    let file = path.join(dir, `truoc-khoi-phuc-${stamp(new Date())}.sqlite`);
    for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `truoc-khoi-phuc-${stamp(new Date())}-${n}.sqlite`);
    fs.copyFileSync(dataFile, file);
    // Its write-ahead log holds the latest committed work: kept beside it for the technicians.
    if (fs.existsSync(`${dataFile}-wal`)) fs.copyFileSync(`${dataFile}-wal`, `${file}-wal`);
    return file;
  } finally {
    current?.close();
  }
}

/** Puts the data saved just before a restore back in place (when the restored file could not be opened). */
export function undoRestore(dataFile: string, undoBackup: string): void {
  replaceDatabaseFile(dataFile, undoBackup);
}

/**
 * When the office database is damaged: the newest backup that passes its own check, restored in place (the
 * damaged file is kept as the "truoc-khoi-phuc" backup). Null when no backup is sound.
 */
export function restoreLatestGoodBackup(dataFile: string, dataDir: string): { restoredFrom: string; undoBackup: string | null } | null {
  for (const backup of listBackups(dataDir)) {
    if (!checkDatabaseFile(backup.file).ok) continue;
    return restoreBackup(dataFile, dataDir, backup.file);
  }
  return null;
}
