/** Files a command writes at a path the caller names (CLI, desktop): only where the host lets the core touch local files. */
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from './context';
import { CoreError } from './errors';

/** The absolute path of a file to write, refused on hosts that do not let the core write local files (the web host). */
export function localTarget(ctx: CoreContext, file: string): string {
  if (!ctx.readsFilePaths) throw new CoreError('FORBIDDEN', 'Nơi chạy này không cho phần mềm ghi tệp theo đường dẫn; hãy tải tệp về.', { file });
  const target = path.resolve(file);
  if (!fs.existsSync(path.dirname(target))) throw new CoreError('NOT_FOUND', `Thư mục không tồn tại: ${path.dirname(target)}. Hãy chọn một thư mục có sẵn.`, { file: target });
  return target;
}

/** Writes beside the target and renames: a failure leaves no half-written file. */
export function writeWhole(target: string, write: (partial: string) => void): void {
  const partial = `${target}.${process.pid}.tmp`;
  try {
    fs.rmSync(partial, { force: true });
    write(partial);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
