/**
 * What the disk or another process did, in the officer's words. SQLite and the file system report a held lock, a full
 * disk, a folder without write permission or a directory where the data file should be with their own codes; each
 * becomes its own Vietnamese message with what to do, never "tệp hỏng" (the file is intact) nor a bare internal
 * error. Used where the data is opened, where a command's transaction fails and where a backup is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { describeHolder, otherHolders } from './holders';

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

/** Bytes free for this process on the disk holding `dir` (null when the system cannot say). */
export function freeBytes(dir: string): number | null {
  try {
    const stat = fs.statfsSync(dir);
    return stat.bavail * stat.bsize;
  } catch {
    return null;
  }
}

/** Under this much free space a failed write is the disk being full, whatever code SQLite gave it. */
const NEARLY_FULL_BYTES = 1024 * 1024;

export type StorageProblem = 'locked' | 'full' | 'read-only' | 'not-a-file';

/** Which storage problem an error is, or null when it is something else (damage, a bug). */
export function storageProblem(error: unknown, dir: string): StorageProblem | null {
  const code = codeOf(error);
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'locked';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'SQLITE_CANTOPEN_ISDIR' || code === 'EISDIR') return 'not-a-file';
  if (/^SQLITE_READONLY/.test(code) || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only';
  if (/^SQLITE_(IOERR|CANTOPEN)/.test(code)) {
    const free = freeBytes(dir);
    if (free !== null && free < NEARLY_FULL_BYTES) return 'full';
    if (!canWrite(dir)) return 'read-only';
  }
  return null;
}

function canWrite(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    const probe = path.join(dir, `.ghi-thu-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The error as a CoreError with its own code and message, or null when it is not a storage problem. `file` is the data
 * file (or the backup being written); `doing` says what was being done ("ghi dữ liệu", "sao lưu").
 */
export function storageError(error: unknown, file: string, doing: string): CoreError | null {
  if (error instanceof CoreError) return null;
  const dir = path.dirname(file);
  const problem = storageProblem(error, dir);
  const cause = String((error as Error | null)?.message ?? error);
  switch (problem) {
    case 'locked': {
      const others = otherHolders(path.basename(dir) === 'backups' ? path.dirname(dir) : dir);
      const who = others.length > 0 ? others.map(describeHolder).join('; ') : 'một chương trình khác';
      return new CoreError(
        'DB_LOCKED',
        `Dữ liệu đang được dùng: ${who} đang ghi vào tệp ${file}, nên không ${doing} được lúc này; không có gì được ghi. Hãy chờ việc đó xong rồi làm lại; nếu vẫn vậy, hãy đóng các cửa sổ Sổ vốn MTQG khác (hoặc máy chủ web) rồi thử lại.`,
        { file, cause, holders: others.map((h) => ({ pid: h.pid, host: h.host, actor: h.actor })) },
      );
    }
    case 'full': {
      const free = freeBytes(dir);
      return new CoreError(
        'DISK_FULL',
        `Ổ đĩa đầy: không ${doing} được vào ${dir}${free === null ? '' : ` (còn trống ${Math.floor(free / 1024)} KB)`}; không có gì được ghi, dữ liệu vẫn nguyên vẹn. Hãy giải phóng dung lượng trên ổ đĩa này (xoá tệp không cần, dọn thùng rác) rồi làm lại.`,
        { file, cause, freeBytes: free },
      );
    }
    case 'read-only':
      return new CoreError(
        'DB_READ_ONLY',
        `Không có quyền ghi vào thư mục dữ liệu ${dir}, nên không ${doing} được; không có gì được ghi. Hãy kiểm tra quyền của thư mục (hoặc ổ đĩa chỉ đọc, thẻ nhớ bị khoá) hoặc chọn thư mục khác bằng --data.`,
        { file, cause },
      );
    case 'not-a-file':
      return notAFile(file);
    default:
      return null;
  }
}

export function notAFile(file: string): CoreError {
  return new CoreError(
    'DB_PATH_NOT_FILE',
    `${file} là một thư mục, không phải tệp dữ liệu. Hãy đổi tên hoặc chuyển thư mục đó đi (tệp dữ liệu của văn phòng phải là một tệp), hoặc chọn thư mục dữ liệu khác bằng --data.`,
    { file },
  );
}
