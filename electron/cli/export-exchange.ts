/**
 * `export package`, `export report` and `import-package`: the exchange package and the allocation report as
 * files, through the same commands the app uses. Files are written beside the target and renamed, so a failure
 * leaves no half-written file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiError } from '../../shared/api/result';
import { formatDateVi, isValidIsoDate } from '../../shared/format/date';
import { todayInVietnam } from '../../shared/format/today';
import { MONEY_UNITS, type MoneyUnit } from '../../shared/money/dong';
import type { Core } from '../core';
import { historyLines } from './history-text';
import { ExportUsageError } from './export-args';

export type ExchangeRequest =
  | { kind: 'package'; year: number; out: string }
  | { kind: 'report'; year: number; out: string; unit: MoneyUnit; asOf?: string }
  | { kind: 'import'; file: string }
  | { kind: 'history-import'; file: string }
  | { kind: 'history'; asOf?: string };

/** What the CLI prints: the value for --json, the sentence otherwise; or the core's refusal. */
export type TaskOutcome = { ok: true; value: unknown; text: string } | { ok: false; error: ApiError };

/** True for the command lines this module handles. */
export function isExchangeCommand(argv: string[]): boolean {
  return argv[0] === 'import-package' || argv[0] === 'import-history' || argv[0] === 'history' || (argv[0] === 'export' && (argv[1] === 'package' || argv[1] === 'report'));
}

function requireYear(value: string | undefined): number {
  if (value === undefined) throw new ExportUsageError('Thiếu --year NĂM (ví dụ --year 2024).');
  if (!/^\d{4}$/.test(value)) throw new ExportUsageError(`--year phải là năm 4 chữ số, không phải "${value}".`);
  return Number(value);
}

function requireOut(value: string | undefined): string {
  if (!value) throw new ExportUsageError('Thiếu --out TỆP (ví dụ --out goi-2024.xlsx).');
  const dir = path.dirname(path.resolve(value));
  if (!fs.existsSync(dir)) throw new ExportUsageError(`Thư mục của --out không tồn tại: ${dir}`);
  return value;
}

export function parseExchangeArgs(argv: string[]): ExchangeRequest {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string' },
      'as-of': { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (positionals[0] === 'import-package' || positionals[0] === 'import-history') {
    const file = positionals[1];
    if (!file) throw new ExportUsageError(`Thiếu tệp gói; dùng "${positionals[0]} TỆP".`);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ExportUsageError(`Không có tệp ${file}.`);
    if (positionals.length > 2) throw new ExportUsageError(`Chỉ nhập một tệp mỗi lần; thừa "${positionals[2]}".`);
    return positionals[0] === 'import-package' ? { kind: 'import', file } : { kind: 'history-import', file };
  }
  if (positionals[0] === 'history') {
    const asOf = values['as-of'];
    if (asOf !== undefined && !isValidIsoDate(asOf)) throw new ExportUsageError(`--as-of phải là ngày dạng YYYY-MM-DD (ví dụ 2026-06-30), không phải "${asOf}".`);
    return { kind: 'history', ...(asOf ? { asOf } : {}) };
  }
  const year = requireYear(values.year);
  const out = requireOut(values.out);
  if (positionals[1] === 'package') return { kind: 'package', year, out };
  const unit = values.unit ?? 'trieu';
  if (!(MONEY_UNITS as readonly string[]).includes(unit)) throw new ExportUsageError('--unit phải là dong, nghin hoặc trieu.');
  const asOf = values['as-of'];
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new ExportUsageError(`--as-of phải là ngày dạng YYYY-MM-DD (ví dụ 2024-12-31), không phải "${asOf}".`);
  return { kind: 'report', year, out, unit: unit as MoneyUnit, ...(asOf ? { asOf } : {}) };
}

function writeAtomically(out: string, base64: string): string {
  const partial = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, Buffer.from(base64, 'base64'));
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return path.resolve(out);
}

/**
 * The date an allocation report is read at when none is given: the latest issued decision or resolution of the year
 * up to today (its figures end there; a 2024 report made in 2026 is not dated 2026), none when the year has none.
 */
function latestIssuedDate(core: Core, year: number): string | undefined {
  const today = todayInVietnam();
  const list = core.invoke('decisions.list', { year, status: 'issued' });
  if (!list.ok) return undefined;
  const dates = list.value.map((d) => d.docDate).filter((d): d is string => d !== null && d <= today);
  return dates.sort().at(-1);
}

export async function runExchange(core: Core, request: ExchangeRequest): Promise<TaskOutcome> {
  switch (request.kind) {
    case 'package': {
      const result = await core.invokeAsync('exchange.exportPackage', { year: request.year });
      if (!result.ok) return result;
      const file = writeAtomically(request.out, result.value.base64);
      return {
        ok: true,
        value: { file, fileName: result.value.fileName, sha256: result.value.sha256 },
        text: `Đã ghi gói trao đổi năm ${request.year} vào ${file} (mã kiểm tra SHA-256 của số liệu: ${result.value.sha256}).`,
      };
    }
    case 'report': {
      const asOf = request.asOf ?? latestIssuedDate(core, request.year);
      const result = await core.invokeAsync('exchange.exportReport', { year: request.year, unit: request.unit, ...(asOf ? { asOf } : {}) });
      if (!result.ok) return result;
      const file = writeAtomically(request.out, result.value.base64);
      const chosen = request.asOf
        ? ''
        : asOf
          ? ` Không ghi --as-of: số liệu đến ngày ${formatDateVi(asOf)}, ngày của quyết định, nghị quyết ban hành mới nhất của năm; ghi --as-of YYYY-MM-DD để chọn ngày khác.`
          : ' Không ghi --as-of và năm chưa có quyết định ban hành: số liệu đến hôm nay.';
      return { ok: true, value: { file, fileName: result.value.fileName }, text: `Đã ghi báo cáo phân bổ vốn năm ${request.year} vào ${file}.${chosen}` };
    }
    case 'import': {
      const base64 = fs.readFileSync(request.file).toString('base64');
      const result = await core.invokeAsync('exchange.importPackage', { fileName: path.basename(request.file), base64 });
      if (!result.ok) return result;
      return { ok: true, value: result.value, text: result.value.message };
    }
    case 'history-import': {
      const base64 = fs.readFileSync(request.file).toString('base64');
      const result = await core.invokeAsync('history.importPackage', { fileName: path.basename(request.file), base64 });
      if (!result.ok) return result;
      const view = core.invoke('history.show', {});
      return { ok: true, value: result.value, text: [result.value.message, ...(view.ok ? historyLines(view.value) : [])].join('\n') };
    }
    case 'history': {
      const result = core.invoke('history.show', request.asOf ? { asOf: request.asOf } : {});
      if (!result.ok) return result;
      return { ok: true, value: result.value, text: historyLines(result.value).join('\n') };
    }
  }
}
