/** `disbursement import <tệp>` (a KBNN statement) and the text of `progress --year Y`. */
import type { Progress } from '../../shared/api/disbursement';
import type { ApiError } from '../../shared/api/result';
import { formatDateVi, isValidIsoDate } from '../../shared/format/date';
import { formatAmount, UNIT_LABEL_VI } from '../../shared/money/dong';
import type { Core } from '../core';
import { parseFileArgs, readFileToImport } from './file-args';
import { exitCodeOf } from './exit-codes';

export class DisbursementUsageError extends Error {}

export interface DisbursementImportRequest {
  file: string;
  dryRun: boolean;
  json: boolean;
  year: number | undefined;
  cutoffDate: string | undefined;
}

export function parseDisbursementArgs(argv: string[]): DisbursementImportRequest {
  const [sub, ...rest] = argv;
  if (sub !== 'import') throw new DisbursementUsageError(`lệnh con "${sub ?? ''}" không có; dùng "disbursement import <tệp.xlsx> [--dry-run] [--json] [--cutoff YYYY-MM-DD] [--year NĂM]".`);
  const args = parseFileArgs(rest, ['cutoff'], 'disbursement import <tệp.xlsx> [--dry-run] [--json]', (m) => new DisbursementUsageError(m));
  const cutoff = args.extra.cutoff;
  if (cutoff !== undefined && !isValidIsoDate(cutoff)) throw new DisbursementUsageError(`--cutoff phải là ngày dạng YYYY-MM-DD, không phải "${cutoff}".`);
  return { file: args.file, dryRun: args.dryRun, json: args.json, year: args.year, cutoffDate: cutoff };
}

export interface DisbursementImportOutcome {
  exitCode: 0 | 1 | 3 | 4;
  report: Record<string, unknown>;
  text: string[];
}

function refused(error: ApiError, file: string): DisbursementImportOutcome {
  return {
    // An internal error exits 3, data that cannot be used now (busy, disk full) 4, as the README says.
    exitCode: exitCodeOf(error.code),
    report: { ok: false, file, error, committed: false, totalDong: 0, lines: [], findings: [{ severity: 'E', code: error.code, sheet: null, cell: null, message: error.message }] },
    text: [`Lỗi [${error.code}]: ${error.message}`, 'Không có gì được ghi.'],
  };
}

export async function runDisbursementImport(core: Core, request: DisbursementImportRequest): Promise<DisbursementImportOutcome> {
  const read = readFileToImport(request.file);
  if ('error' in read) return refused(read.error, request.file);
  const { fileName, base64 } = read;
  const input = { fileName, base64, ...(request.year ? { year: request.year } : {}), ...(request.cutoffDate ? { cutoffDate: request.cutoffDate } : {}) };
  const analyzed = await core.invokeAsync('disbursement.analyze', input);
  if (!analyzed.ok) return refused(analyzed.error, request.file);
  const p = analyzed.value;
  const errors = p.findings.filter((f) => f.severity === 'E');
  const report: Record<string, unknown> = {
    ok: errors.length === 0,
    file: request.file,
    sha256: p.sha256,
    sheet: p.sheet,
    year: p.year,
    cutoffDate: p.cutoffDate,
    unit: p.unit,
    templateKnown: p.templateKnown,
    totalDong: p.totalDong,
    lines: p.lines,
    findings: p.findings,
    dryRun: request.dryRun,
    committed: false,
    noop: p.noop !== null,
    message: p.noop,
  };
  const text = [
    `Tệp: ${fileName} — trang "${p.sheet}", năm ${p.year}, lũy kế đến ${p.cutoffDate ? formatDateVi(p.cutoffDate) : '?'}, đơn vị ${UNIT_LABEL_VI[p.unit]}`,
    `${p.lines.length} dòng, tổng lũy kế ${formatAmount(p.totalDong, 'dong')} đồng`,
    ...p.findings.map((f) => `[${f.severity}] ${f.cell ? `${f.sheet}!${f.cell}: ` : ''}${f.message}`),
  ];
  if (errors.length > 0) return { exitCode: 1, report, text: [...text, `Có ${errors.length} lỗi [E]; không có gì được ghi.`] };
  if (request.dryRun) return { exitCode: 0, report, text: [...text, 'Chạy thử (--dry-run): không ghi gì.'] };
  const committed = await core.invokeAsync('disbursement.commit', { ...input, expectedSha256: p.sha256 });
  if (!committed.ok) return refused(committed.error, request.file);
  Object.assign(report, { committed: !committed.value.noop, noop: committed.value.noop, message: committed.value.message, backupFile: committed.value.backupFile });
  return { exitCode: 0, report, text: [...text, committed.value.message] };
}

export function printProgress(out: (text: string) => void, p: Progress): void {
  const dong = (v: number) => formatAmount(v as Parameters<typeof formatAmount>[0], 'dong');
  out(`Tiến độ giải ngân năm ${p.year}, lũy kế đến ngày ${formatDateVi(p.asOf)} (đơn vị: đồng)`);
  out(['Chương trình', 'Loại', 'Nguồn', 'Vốn năm', 'Kế hoạch', 'Đã giải ngân', 'Tỷ lệ', 'Mẫu số'].join('\t'));
  for (const r of p.rows) out([r.programCode, r.capitalType, r.sourceCode, String(r.originYear), dong(r.planDong), dong(r.disbursedDong), r.rateText + (r.over ? ' VƯỢT' : ''), r.denominator.label].join('\t'));
  out('Tổng hợp theo mẫu số:');
  for (const t of p.totals.filter((x) => x.capitalType === null)) out(`  ${t.denominator.label} — ${t.programCode ?? 'Tổng số'}: ${dong(t.disbursedDong)} / ${dong(t.planDong)} = ${t.rateText}`);
}
