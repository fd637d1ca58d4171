import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string, data?: unknown): void;
  error(message: string, error?: unknown): void;
}

const MAX_LOG_BYTES = 2 * 1024 * 1024;
const KEPT_LOGS = 3;

/** Appends to <dir>/so-von.log and rotates it (so-von.1.log …) past 2 MB; stack traces live here, not in the UI. */
export function createFileLogger(dir: string): Logger {
  const file = path.join(dir, 'so-von.log');
  const write = (level: string, message: string, extra?: unknown) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_LOG_BYTES) rotate(file);
      const detail = extra instanceof Error ? `\n${extra.stack ?? extra.message}` : extra === undefined ? '' : ` ${JSON.stringify(extra)}`;
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message}${detail}\n`);
    } catch {
      // Logging must never take the app down.
    }
  };
  return { info: (m, d) => write('INFO', m, d), error: (m, e) => write('ERROR', m, e) };
}

function rotate(file: string): void {
  const base = file.replace(/\.log$/, '');
  for (let i = KEPT_LOGS - 1; i >= 1; i--) {
    const from = `${base}.${i}.log`;
    if (fs.existsSync(from)) fs.renameSync(from, `${base}.${i + 1}.log`);
  }
  fs.renameSync(file, `${base}.1.log`);
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
