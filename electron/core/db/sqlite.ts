/**
 * Every SQLite connection of the core is opened here, so the process can say once which compiled better-sqlite3
 * it loads: the Node build (tests, CLI, web host: the default) or, in the desktop shell, the Electron build whose
 * path the shell passes in (openCore's `sqliteBinding`; see electron/native/sqlite-binding.ts).
 */
import Database from 'better-sqlite3';
import { CoreError } from '../errors';

let nativeBinding: string | undefined;

/** The compiled module every later connection loads; undefined for the module's own build. */
export function useSqliteBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** The addon itself failed to load (missing, or built for another ABI): not the data file's fault. */
function isLibraryLoadError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ERR_DLOPEN_FAILED' || code === 'MODULE_NOT_FOUND' || (typeof message === 'string' && /NODE_MODULE_VERSION|was compiled against a different Node\.js version|\.node\b/.test(message));
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  try {
    return new Database(file, nativeBinding === undefined ? options : { ...options, nativeBinding });
  } catch (error) {
    if (!isLibraryLoadError(error)) throw error;
    // Said as what it is, so nobody restores a backup of a sound data file.
    throw new CoreError(
      'SQLITE_LIBRARY_FAILED',
      `Không nạp được thư viện SQLite (better-sqlite3${nativeBinding === undefined ? '' : ` tại ${nativeBinding}`}): ${(error as Error).message.split('\n')[0]}. Tệp dữ liệu không bị ảnh hưởng. Mở ứng dụng bằng "npm start" (dựng thư viện cho Electron), hoặc cài lại ứng dụng.`,
      { binding: nativeBinding ?? null },
    );
  }
}
