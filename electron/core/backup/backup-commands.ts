/**
 * The backup commands of the Cài đặt & sao lưu screen. Backups are files, not rows: they are logged with the
 * logger; a restore also leaves an audit row in the restored data (who restored which backup, when).
 */
import path from 'node:path';
import type { BackupEntry, BackupList, IntegrityReport, RestoreOutcome } from '../../../shared/api/backup';
import { backupReasonLabel } from '../../../shared/domain/backup-reasons';
import { writeAudit, type CoreContext } from '../context';
import { CoreError } from '../errors';
import { backupDir } from '../paths';
import { keepDamagedState } from '../db/database';
import { assertNoOtherHolder, checkDatabaseFile, restorePrecheck, createBackup, DEFAULT_RETENTION, listBackups, resolveBackupName, restoreBackup, undoRestore, type BackupFile } from './backups';

const dataDirOf = (ctx: CoreContext) => path.dirname(ctx.dataFile);

function entry(file: BackupFile): BackupEntry {
  return { name: path.basename(file.file), reason: file.reason, reasonLabel: backupReasonLabel(file.reason), takenAt: file.takenAt, sizeBytes: file.sizeBytes };
}

export function backupList(ctx: CoreContext): BackupList {
  const dataDir = dataDirOf(ctx);
  return {
    dataFile: ctx.dataFile,
    // The data's own size: in WAL mode the main file alone lags behind what was written.
    dataSizeBytes: Number(ctx.db.pragma('page_count', { simple: true })) * Number(ctx.db.pragma('page_size', { simple: true })),
    backupDir: backupDir(dataDir),
    backups: listBackups(dataDir).map(entry),
    retention: { ...DEFAULT_RETENTION },
  };
}

export function backupNow(ctx: CoreContext): BackupEntry {
  const taken = entry(createBackup(ctx.db, dataDirOf(ctx), 'thu-cong'));
  ctx.log.info('Sao lưu thủ công', { actor: ctx.actor, file: taken.name, sizeBytes: taken.sizeBytes });
  return taken;
}

export function integrityCheck(ctx: CoreContext): IntegrityReport {
  const rows = ctx.db.pragma('quick_check(20)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  const latest = listBackups(dataDirOf(ctx))[0];
  if (problems.length === 0) return { file: ctx.dataFile, ok: true, problems, checkedAt: ctx.now(), latestBackup: latest ? entry(latest) : null };
  // The damaged state as found (main file and WAL) is copied aside first: closing the connection later checkpoints.
  const keptAt = keepDamagedState(ctx.dataFile, backupDir(dataDirOf(ctx)));
  ctx.log.error('Kiểm tra toàn vẹn: tệp dữ liệu có lỗi', { file: ctx.dataFile, problems, keptAt });
  return { file: ctx.dataFile, ok: false, problems, checkedAt: ctx.now(), latestBackup: latest ? entry(latest) : null, keptAt };
}

/**
 * Restores a backup of the office's backups folder while the core is open: the core closes its database, the
 * backup replaces the file (the current data is backed up first), the core reopens and upgrades it and goes on
 * serving. When the restored file cannot be opened (written by a newer version…), the previous data is put back.
 */
export function restoreInPlace(ctx: CoreContext, name: string, confirmOtherOffice = false): RestoreOutcome {
  const dataDir = dataDirOf(ctx);
  const chosen = resolveBackupName(dataDir, name);
  const running = ctx.jobs.active();
  if (running.length > 0) {
    throw new CoreError('BUSY', `Đang chạy: ${running.map((t) => t.label).join(', ')}. Hãy chờ việc này xong (hoặc huỷ nó) rồi khôi phục.`, {
      jobs: running.map((t) => t.jobId),
    });
  }
  assertNoOtherHolder(dataDir);
  const check = checkDatabaseFile(chosen.file);
  if (!check.ok) {
    throw new CoreError('DB_DAMAGED', `Bản sao lưu ${name} bị hỏng (${check.problems.slice(0, 2).join('; ')}), không khôi phục; dữ liệu hiện tại giữ nguyên. Hãy chọn bản sao lưu khác.`, {
      name,
      problems: check.problems.slice(0, 10),
    });
  }
  // Another office's backup is asked about before anything is closed or copied (the app shows the question).
  restorePrecheck(ctx.dataFile, chosen.file, { allowOtherOffice: confirmOtherOffice });
  let replaced: { value: ReturnType<typeof restoreBackup>; schemaVersion: number; upgradedFrom: number | null };
  try {
    const { value, migration } = ctx.replaceDatabase(
      () => restoreBackup(ctx.dataFile, dataDir, chosen.file, { allowOtherOffice: confirmOtherOffice }),
      (done) => {
        if (done.undoBackup) undoRestore(ctx.dataFile, done.undoBackup);
      },
    );
    replaced = { value, schemaVersion: migration.to, upgradedFrom: migration.from < migration.to ? migration.from : null };
  } catch (error) {
    ctx.log.error(`Khôi phục ${name} thất bại; dữ liệu trước đó được giữ`, error);
    const reason = error instanceof CoreError ? error.message : 'lỗi khi thay tệp dữ liệu (chi tiết trong tệp nhật ký)';
    throw new CoreError('DB_OPEN_FAILED', `Không khôi phục được từ ${name}: ${reason} Dữ liệu hiện tại được giữ nguyên.`, {
      name,
      cause: error instanceof CoreError ? error.code : 'INTERNAL',
    });
  }
  const undoBackup = replaced.value.undoBackup ? listBackups(dataDir).find((b) => b.file === replaced.value.undoBackup) : undefined;
  const outcome: RestoreOutcome = {
    restoredFrom: entry(chosen),
    undoBackup: undoBackup ? entry(undoBackup) : null,
    schemaVersion: replaced.schemaVersion,
    upgradedFrom: replaced.upgradedFrom,
  };
  ctx.db.transaction(() => writeAudit(ctx, 'backups.restore', 'database', null, { undoBackup: outcome.undoBackup?.name ?? null }, { restoredFrom: name }))();
  ctx.log.info('Đã khôi phục dữ liệu từ bản sao lưu', { actor: ctx.actor, restoredFrom: name, undoBackup: outcome.undoBackup?.name ?? null, schemaVersion: outcome.schemaVersion });
  return outcome;
}
