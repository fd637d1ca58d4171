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
import { describeHolder, otherHolders } from '../db/holders';
import { notAFile, storageError } from '../db/storage-errors';
import { writeWhole } from '../local-files';
import type { SavedBackup } from '../../../shared/api/backup';
import type { ErrorCode } from '../../../shared/api/result';
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
  try {
    fs.rmSync(partial, { force: true });
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, file);
  } catch (error) {
    // A full disk leaves a 0-byte or half copy: removed, and said as what it is.
    fs.rmSync(partial, { force: true });
    throw storageError(error, file, 'sao lưu') ?? error;
  }
  for (const old of backupsToPrune(listBackups(dataDir), policy, now)) fs.rmSync(old.file, { force: true });
  return { file, reason, takenAt: takenAtOf(stamp(now)), sizeBytes: fs.statSync(file).size };
}

/** A consistent copy of the data to a file the officer names (`backup --out`); outside the backups folder, so no retention. */
export function backupToFile(db: Db, target: string, now = new Date()): SavedBackup {
  try {
    writeWhole(target, (partial) => db.prepare('VACUUM INTO ?').run(partial));
  } catch (error) {
    throw storageError(error, target, 'sao lưu') ?? error;
  }
  return { file: target, reason: 'thu-cong', takenAt: now.toISOString(), sizeBytes: fs.statSync(target).size };
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
  /** The file could not be read now (busy, no permission, a directory, a full disk): not a verdict on the file. */
  unavailable?: { code: ErrorCode; message: string };
}

/** PRAGMA quick_check on a database file opened read-only; an unreadable file is a problem, not a crash. */
export function checkDatabaseFile(file: string): CheckResult {
  if (!fs.existsSync(file)) return { ok: false, problems: [`Không có tệp ${file}.`] };
  let db: Database.Database | null = null;
  try {
    if (fs.statSync(file).isDirectory()) {
      const error = notAFile(file);
      return { ok: false, problems: [error.message], unavailable: { code: error.code, message: error.message } };
    }
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
    const storage = storageError(error, file, 'đọc tệp');
    if (storage) return { ok: false, problems: [storage.message], unavailable: { code: storage.code, message: storage.message } };
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

export interface RestoreOptions {
  /** The newest schema this app knows: a backup written by a newer version is refused (nothing could open it). */
  maxSchemaVersion?: number;
  /** The officer confirmed (app) or gave --force (CLI): a backup of another office may replace this one. */
  allowOtherOffice?: boolean;
}

export interface DataIdentity {
  schemaVersion: number;
  districtCode: string | null;
  districtName: string | null;
  officeName: string | null;
}

/** Which office a data file (or backup) belongs to and its schema version, read without writing to it. */
export function dataIdentity(file: string): DataIdentity {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    let office: { name: string; code: string; name_vi: string } | undefined;
    try {
      office = db.prepare('SELECT o.name, u.code, u.name_vi FROM office o JOIN admin_unit u ON u.id = o.district_unit_id WHERE o.id = 1').get() as typeof office;
    } catch {
      office = undefined; // a schema without these tables: no office to compare
    }
    return { schemaVersion, districtCode: office?.code ?? null, districtName: office?.name_vi ?? null, officeName: office?.name ?? null };
  } finally {
    db.close();
  }
}

const officeLabel = (id: DataIdentity) => `${id.officeName ?? 'văn phòng'} (${id.districtName ?? 'huyện'}, mã ${id.districtCode})`;

/**
 * What a restore must not do silently: put in place a file this app cannot open (a newer schema), or another office's
 * data over this office's (district 188 over 180) unless the officer said so.
 */
export function restorePrecheck(dataFile: string, backupFile: string, options: RestoreOptions): void {
  const incoming = dataIdentity(backupFile);
  if (options.maxSchemaVersion !== undefined && incoming.schemaVersion > options.maxSchemaVersion) {
    throw new CoreError(
      'DB_FROM_FUTURE',
      `Bản sao lưu ${path.basename(backupFile)} được tạo bởi phiên bản Sổ vốn MTQG mới hơn (lược đồ ${incoming.schemaVersion}, phiên bản này hỗ trợ tới ${options.maxSchemaVersion}), nên không khôi phục; dữ liệu hiện tại giữ nguyên. Hãy cập nhật ứng dụng rồi khôi phục lại.`,
      { file: backupFile, fileSchemaVersion: incoming.schemaVersion, appSchemaVersion: options.maxSchemaVersion },
    );
  }
  if (options.allowOtherOffice || !fs.existsSync(dataFile) || !checkDatabaseFile(dataFile).ok) return;
  const current = dataIdentity(dataFile);
  if (current.districtCode === null || incoming.districtCode === null || current.districtCode === incoming.districtCode) return;
  throw new CoreError(
    'RESTORE_OTHER_OFFICE',
    `Bản sao lưu ${path.basename(backupFile)} là dữ liệu của ${officeLabel(incoming)}, còn dữ liệu hiện tại là của ${officeLabel(current)}. Khôi phục sẽ thay toàn bộ dữ liệu của ${current.districtName ?? 'văn phòng này'} bằng dữ liệu của ${incoming.districtName ?? 'văn phòng kia'} (dữ liệu hiện tại vẫn được sao lưu trước). Nếu đúng là muốn vậy, hãy xác nhận (trong ứng dụng) hoặc chạy lại lệnh với --force.`,
    { file: backupFile, current, incoming },
  );
}

/**
 * A swap of the data file while another process has it open would leave that process writing to the file put aside:
 * refused, naming the process and how to close it.
 */
export function assertNoOtherHolder(dataDir: string): void {
  const others = otherHolders(dataDir);
  if (others.length === 0) return;
  throw new CoreError(
    'DATA_IN_USE',
    `Không khôi phục được: dữ liệu đang được dùng bởi ${others.map(describeHolder).join('; ')}. Hãy đóng chương trình đó (thoát ứng dụng, hoặc Ctrl+C ở cửa sổ máy chủ web) rồi khôi phục lại. Dữ liệu hiện tại giữ nguyên.`,
    { holders: others.map((h) => ({ pid: h.pid, host: h.host, actor: h.actor, startedAt: h.startedAt })) },
  );
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
export function restoreBackup(
  dataFile: string,
  dataDir: string,
  backupFile: string,
  options: RestoreOptions = {},
): { restoredFrom: string; undoBackup: string | null } {
  assertNoOtherHolder(dataDir);
  const check = checkDatabaseFile(backupFile);
  if (check.unavailable) throw new CoreError(check.unavailable.code, check.unavailable.message, { file: backupFile });
  if (!check.ok) {
    throw new CoreError('DB_OPEN_FAILED', `Bản sao lưu ${path.basename(backupFile)} bị hỏng, không khôi phục: ${check.problems.slice(0, 3).join('; ')}`, { file: backupFile });
  }
  restorePrecheck(dataFile, backupFile, options);
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
 * The data about to be replaced, kept as "truoc-khoi-phuc": a consistent copy when it passes its check (read-only
 * first: a damaged file is never opened for writing, so nothing is checkpointed into it); a damaged file is kept by
 * its bytes as found, with its write-ahead log when it has one (for the technicians, never offered as sound).
 */
function backUpBeforeRestore(dataFile: string, dataDir: string): string {
  if (checkDatabaseFile(dataFile).ok) {
    const current = openSqlite(dataFile);
    try {
      const file = createBackup(current, dataDir, 'truoc-khoi-phuc').file;
      // A sound file's WAL goes into it before the WAL is removed: a restore killed between the two steps leaves
      // the previous data whole.
      current.pragma('wal_checkpoint(TRUNCATE)');
      return file;
    } finally {
      current.close();
    }
  }
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, `truoc-khoi-phuc-${stamp(new Date())}.sqlite`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `truoc-khoi-phuc-${stamp(new Date())}-${n}.sqlite`);
  try {
    fs.copyFileSync(dataFile, file);
    // Its write-ahead log may hold the latest committed work; an empty one holds nothing and is not copied.
    const wal = `${dataFile}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) fs.copyFileSync(wal, `${file}-wal`);
  } catch (error) {
    for (const f of [file, `${file}-wal`]) fs.rmSync(f, { force: true });
    throw storageError(error, file, 'giữ lại dữ liệu hiện tại trước khi khôi phục') ?? error;
  }
  return file;
}

/** Puts the data saved just before a restore back in place (when the restored file could not be opened). */
export function undoRestore(dataFile: string, undoBackup: string): void {
  replaceDatabaseFile(dataFile, undoBackup);
}

/**
 * When the office database is damaged: the newest backup that passes its own check, restored in place (the
 * damaged file is kept as the "truoc-khoi-phuc" backup). Null when no backup is sound.
 */
export function restoreLatestGoodBackup(dataFile: string, dataDir: string, options: RestoreOptions = {}): { restoredFrom: string; undoBackup: string | null } | null {
  for (const backup of listBackups(dataDir)) {
    if (!checkDatabaseFile(backup.file).ok) continue;
    if (options.maxSchemaVersion !== undefined && dataIdentity(backup.file).schemaVersion > options.maxSchemaVersion) continue;
    return restoreBackup(dataFile, dataDir, backup.file, options);
  }
  return null;
}
