/** What every file import of the CLI shares. The arguments: `<tệp> [--dry-run] [--json] [--year NĂM] [--data THƯ_MỤC]`, plus its own options. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiError } from '../../shared/api/result';
import { DEFAULT_CONTAINER_LIMITS } from '../core';

export interface FileArgs {
  file: string;
  dryRun: boolean;
  json: boolean;
  year: number | undefined;
  /** The command's own options, as given (strings). */
  extra: Record<string, string | undefined>;
}

export function parseFileArgs(argv: string[], extraOptions: string[], usage: string, fail: (message: string) => Error): FileArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      year: { type: 'string' },
      data: { type: 'string' },
      ...Object.fromEntries(extraOptions.map((name) => [name, { type: 'string' as const }])),
    },
  });
  const [file, extra] = positionals;
  if (!file || extra !== undefined) throw fail(`cần đúng một tệp: "${usage}".`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw fail(`--year "${String(values.year)}" không phải năm hợp lệ.`);
  const own = values as Record<string, unknown>;
  return {
    file,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    year,
    extra: Object.fromEntries(extraOptions.map((name) => [name, typeof own[name] === 'string' ? (own[name] as string) : undefined])),
  };
}

/** The file for the core to read by its path, or why it cannot be: missing, a folder, or larger than any workbook the core reads. */
export function fileToImport(file: string): { fileName: string; filePath: string } | { error: ApiError } {
  const fileName = path.basename(file);
  let info: fs.Stats;
  try {
    info = fs.statSync(file);
  } catch {
    return { error: { code: 'NOT_FOUND', message: `Không tìm thấy tệp "${file}".` } };
  }
  if (info.size > DEFAULT_CONTAINER_LIMITS.maxFileBytes) {
    return { error: { code: 'IMPORT_TOO_LARGE', message: `Tệp "${fileName}" quá lớn (${Math.round(info.size / 1e6)} MB, tối đa ${Math.round(DEFAULT_CONTAINER_LIMITS.maxFileBytes / 1e6)} MB).` } };
  }
  return { fileName, filePath: path.resolve(file) };
}

/** The file to send to the core as base64, or why it cannot be: missing, or larger than any workbook the core reads. */
export function readFileToImport(file: string): { fileName: string; base64: string } | { error: ApiError } {
  const fileName = path.basename(file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return { error: { code: 'NOT_FOUND', message: `Không tìm thấy tệp "${file}".` } };
  }
  if (size > DEFAULT_CONTAINER_LIMITS.maxFileBytes) {
    return { error: { code: 'IMPORT_TOO_LARGE', message: `Tệp "${fileName}" quá lớn (${Math.round(size / 1e6)} MB, tối đa ${Math.round(DEFAULT_CONTAINER_LIMITS.maxFileBytes / 1e6)} MB).` } };
  }
  return { fileName, base64: fs.readFileSync(file).toString('base64') };
}
