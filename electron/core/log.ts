import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string, data?: unknown): void;
  error(message: string, error?: unknown): void;
}

export interface LogRotation {
  /** A log file past this size is renamed so-von.1.log (the older ones shift up) before the next line. */
  maxBytes: number;
  /** How many rotated files are kept (so-von.1.log … so-von.<kept>.log); older ones are overwritten. */
  kept: number;
}

export const DEFAULT_LOG_ROTATION: LogRotation = { maxBytes: 2 * 1024 * 1024, kept: 3 };

/** Appends to <dir>/so-von.log and rotates it (so-von.1.log …) past 2 MB; stack traces live here, not in the UI. */
export function createFileLogger(dir: string, rotation: LogRotation = DEFAULT_LOG_ROTATION): Logger {
  const file = path.join(dir, 'so-von.log');
  const write = (level: string, message: string, extra?: unknown) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      if (fs.existsSync(file) && fs.statSync(file).size > rotation.maxBytes) rotate(file, rotation.kept);
      const detail = extra instanceof Error ? `\n${extra.stack ?? extra.message}` : extra === undefined ? '' : ` ${JSON.stringify(extra)}`;
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message}${detail}\n`);
    } catch {
      // Logging must never take the app down.
    }
  };
  return { info: (m, d) => write('INFO', m, d), error: (m, e) => write('ERROR', m, e) };
}

function rotate(file: string, kept: number): void {
  const base = file.replace(/\.log$/, '');
  for (let i = kept - 1; i >= 1; i--) {
    const from = `${base}.${i}.log`;
    if (fs.existsSync(from)) fs.renameSync(from, `${base}.${i + 1}.log`);
  }
  fs.renameSync(file, `${base}.1.log`);
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
