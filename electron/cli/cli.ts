import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { ApiError, Result } from '../../shared/api/result';
import type { AppInfo, AssignmentSheet, OfficeInfo } from '../../shared/api/types';
import { formatAmount } from '../../shared/money/dong';
import { openCore, type Core } from '../core/core';
import { CoreError } from '../core/errors';
import { createFileLogger } from '../core/log';
import { databaseFile, defaultDataDir, logDir } from '../core/paths';

export const EXIT = { ok: 0, validation: 1, usage: 2, internal: 3 } as const;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Sổ vốn MTQG — dòng lệnh

Cách dùng: sovon <lệnh> [tuỳ chọn] [--data THƯ_MỤC] [--json]

Lệnh:
  init --office <mã huyện> [--name TÊN] [--signer "Họ tên|Chức danh"]...
                          tạo dữ liệu văn phòng cho huyện (mã TCTK, ví dụ 180 = Tràng Định)
  info                    văn phòng, phiên bản lược đồ, số dòng danh mục và đơn vị hành chính
  assignments list --year NĂM
                          các dòng vốn được giao của năm
  seed-demo               tạo dữ liệu mẫu (Tràng Định 2024)

Mã thoát: 0 thành công, 1 dữ liệu không hợp lệ, 2 sai cú pháp lệnh, 3 lỗi nội bộ.`;

class UsageError extends Error {}

function exitCodeFor(error: ApiError): number {
  return error.code === 'INTERNAL' ? EXIT.internal : EXIT.validation;
}

function reportError(io: CliIo, json: boolean, error: ApiError): number {
  if (json) {
    io.out(JSON.stringify({ ok: false, error }, null, 2));
  } else {
    io.err(`Lỗi [${error.code}]: ${error.message}`);
    const issues = (error.details?.issues ?? []) as { path: string[]; message: string }[];
    for (const issue of issues) io.err(`  - ${issue.path.join('.') || '(toàn bộ)'}: ${issue.message}`);
  }
  return exitCodeFor(error);
}

function printOffice(io: CliIo, office: OfficeInfo): void {
  io.out(`Văn phòng: ${office.name}`);
  io.out(`Huyện: ${office.districtName} (mã ${office.districtCode}), ${office.provinceName}`);
  io.out(`Thí điểm phân cấp NQ 111/2024/QH15: ${office.pilot ? `có — ${office.pilotBasis}` : 'không'}`);
  for (const s of office.signers) io.out(`Người ký: ${s.name} — ${s.title}`);
}

function printInfo(io: CliIo, info: AppInfo): void {
  if (info.office) printOffice(io, info.office);
  else io.out('Văn phòng: chưa thiết lập');
  io.out(`Tệp dữ liệu: ${info.dataFile}`);
  io.out(`Phiên bản lược đồ dữ liệu: ${info.schemaVersion}`);
  io.out('Danh mục chương trình:');
  for (const c of info.catalog) io.out(`  ${c.periodCode}: ${c.programs} chương trình, ${c.rows} dòng`);
  io.out('Đơn vị hành chính:');
  for (const u of info.units) io.out(`  bộ ${u.dataset}: ${u.count} đơn vị`);
}

function printSheet(io: CliIo, sheet: AssignmentSheet): void {
  io.out(`Vốn được giao năm ${sheet.year} (đơn vị: đồng)`);
  for (const l of sheet.lines) {
    io.out(
      [l.componentCode, l.sourceCode, l.capitalType, `nguồn ${l.originYear}`, formatAmount(l.amountDong, 'dong'), l.basisNumber].join('\t'),
    );
  }
  io.out(`Tổng cộng: ${formatAmount(sheet.totals.grandDong, 'dong')} đồng (${sheet.lines.length} dòng)`);
}

function requireYear(value: string | undefined): number {
  if (value === undefined) throw new UsageError('Thiếu --year NĂM (ví dụ --year 2024).');
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year phải là năm 4 chữ số, không phải "${value}".`);
  return Number(value);
}

function parseSigner(text: string): { name: string; title: string } {
  const [name, title] = text.split('|').map((s) => s.trim());
  if (!name || !title) throw new UsageError(`--signer phải có dạng "Họ tên|Chức danh", không phải "${text}".`);
  return { name, title };
}

/** Runs one CLI invocation and returns its exit code; all output goes through io. */
export function runCli(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        office: { type: 'string' },
        name: { type: 'string' },
        signer: { type: 'string', multiple: true },
        year: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`Sai cú pháp: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const [command, sub] = positionals;
  if (values.help || !command) {
    (command ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const dataDir = values.data ?? defaultDataDir(io.env, process.platform, os.homedir());
  const log = createFileLogger(logDir(dataDir));
  const actor = `cli:${os.userInfo().username}`;

  /** Opens the core, runs one command, prints its value (as JSON with --json) or its error, closes. */
  const withCore = <T,>(create: boolean, run: (core: Core) => Result<T>, print: (value: T) => void): number => {
    let core: Core;
    try {
      core = openCore({ dataDir, actor, log, create });
    } catch (error) {
      if (error instanceof CoreError) return reportError(io, json, { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
      log.error('Không mở được dữ liệu', error);
      return reportError(io, json, { code: 'INTERNAL', message: `Lỗi nội bộ khi mở dữ liệu: ${(error as Error).message}` });
    }
    try {
      const result = run(core);
      if (!result.ok) return reportError(io, json, result.error);
      if (json) io.out(JSON.stringify(result.value, null, 2));
      else print(result.value);
      return EXIT.ok;
    } finally {
      core.close();
    }
  };

  try {
    switch (command) {
      case 'init': {
        if (!values.office) throw new UsageError('Thiếu --office <mã huyện> (ví dụ --office 180 cho huyện Tràng Định).');
        const signers = (values.signer ?? []).map(parseSigner);
        const file = databaseFile(dataDir);
        const existed = fs.existsSync(file);
        const code = withCore(
          true,
          (core) => core.invoke('office.setup', { districtCode: values.office, name: values.name, signers }),
          (office) => {
            io.out('Đã khởi tạo văn phòng.');
            printOffice(io, office);
          },
        );
        // A failed first init leaves no database behind.
        if (code !== EXIT.ok && !existed) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
        return code;
      }
      case 'info':
        return withCore(false, (core) => core.invoke('app.info', {}), (info) => printInfo(io, info));
      case 'assignments': {
        if (sub !== 'list') throw new UsageError(`Lệnh con "${sub ?? ''}" không có; dùng "assignments list --year NĂM".`);
        const year = requireYear(values.year);
        return withCore(false, (core) => core.invoke('assignments.list', { year }), (sheet) => printSheet(io, sheet));
      }
      case 'seed-demo':
        return withCore(
          true,
          (core) => core.invoke('demo.seed', {}),
          (demo) => io.out(`Đã tạo dữ liệu mẫu: ${demo.office.districtName}, năm ${demo.year}, ${demo.assignmentLines} dòng vốn được giao.`),
        );
      default:
        throw new UsageError(`Lệnh "${command}" không có.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`Sai cú pháp: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    log.error('Lỗi nội bộ CLI', error);
    io.err(`Lỗi nội bộ: ${(error as Error).message}`);
    return EXIT.internal;
  }
}
