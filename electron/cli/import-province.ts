/** `import <tệp>`: reads a province workbook, reports what it recognized and found, and commits it unless --dry-run. */
import type { ImportMapping, ImportPreview } from '../../shared/api/import';
import type { ImportFinding } from '../../shared/api/findings';
import type { ApiError } from '../../shared/api/result';
import { formatAmount, MONEY_UNITS, toDong, UNIT_LABEL_VI, type MoneyUnit } from '../../shared/money/dong';
import type { Core } from '../core';
import { fileToImport, parseFileArgs } from './file-args';
import { exitCodeOf } from './exit-codes';
import { releaseMemory } from './release-memory';

export class ImportUsageError extends Error {}

export interface ImportRequest {
  file: string;
  dryRun: boolean;
  json: boolean;
  year: number | undefined;
  unit: MoneyUnit | undefined;
  /** The sheet to read when the workbook has several tables. */
  sheet: string | undefined;
}

export function parseImportArgs(argv: string[]): ImportRequest {
  const args = parseFileArgs(argv, ['unit', 'sheet'], 'import <tệp.xlsx> [--dry-run] [--json] [--year NĂM] [--unit dong|nghin|trieu] [--sheet TÊN]', (m) => new ImportUsageError(m));
  const unit = args.extra.unit as MoneyUnit | undefined;
  if (unit !== undefined && !MONEY_UNITS.includes(unit)) throw new ImportUsageError(`--unit phải là dong, nghin hoặc trieu (không phải "${unit}").`);
  return { file: args.file, dryRun: args.dryRun, json: args.json, year: args.year, unit, sheet: args.extra.sheet };
}

/** The detail lines of the file: one per row × amount column, the money that `totalDong` adds up. */
function detailLines(preview: ImportPreview) {
  const amountCols = preview.columns.filter((c) => c.role === 'amount');
  // Looked up by row number: a search of the row list per detail row was quadratic on 50,000-line files.
  const byRow = new Map(preview.rows.map((r) => [r.row, r]));
  return preview.rows
    .filter((r) => r.detail)
    .flatMap((r) => {
      let owner = r;
      while (!owner.componentCode && owner.parentRow !== null) owner = byRow.get(owner.parentRow) ?? owner;
      return amountCols
        .filter((c) => (r.amounts[c.col] ?? 0) !== 0)
        .map((c) => ({ row: r.row, cell: `${c.col}${r.row}`, stt: r.stt, name: r.name, componentCode: owner.componentCode, sourceCode: c.sourceCode, capitalType: c.capitalType, amountDong: r.amounts[c.col]! }));
    });
}

const findingOut = (f: ImportFinding) => ({ severity: f.severity, rule: f.rule, code: f.code, sheet: f.sheet, cell: f.cell, message: f.message, ...(f.consequences ? { consequences: f.consequences } : {}) });

export interface ImportOutcome {
  exitCode: 0 | 1 | 3 | 4;
  report: Record<string, unknown>;
  text: string[];
}

function refused(error: ApiError, file: string): ImportOutcome {
  const finding = { severity: 'E', rule: 'doc', code: error.code, sheet: null, cell: null, message: error.message };
  return {
    // An internal error exits 3, data that cannot be used now (busy, disk full) 4, as the README says.
    exitCode: exitCodeOf(error.code),
    report: { ok: false, file, error, committed: false, totalDong: 0, lines: [], findings: [finding] },
    text: [`Lỗi [${error.code}]: ${error.message}`, 'Không có gì được ghi.'],
  };
}

/**
 * "Tệp: … — trang "Biểu 01", huyện Tràng Định, năm 2024, đơn vị tính triệu đồng": what was read from the file, in
 * the words officers write (the unit as "triệu đồng", never the code "trieu").
 */
function summaryLine(fileName: string, preview: ImportPreview): string {
  const parts = [`trang "${preview.sheet}"`];
  if (preview.fileDistrict) parts.push(preview.fileDistrict);
  parts.push(preview.year !== null ? `năm ${preview.year}` : 'chưa rõ năm');
  parts.push(preview.unit ? `đơn vị tính ${UNIT_LABEL_VI[preview.unit]}` : 'chưa rõ đơn vị tính');
  return `Tệp: ${fileName} — ${parts.join(', ')}`;
}

/** What the analysis gives the command: the report and text to print, and what a commit must confirm. */
interface Analyzed {
  report: Record<string, unknown>;
  text: string[];
  errorCount: number;
  confirm: { sheet: string; expectedSha256: string; expectedTotalDong: number; expectedDigest: string };
}

/** The preview turned into the command's report; the preview itself (every row of the sheet) is not kept. */
function analyzedOutcome(core: Core, request: ImportRequest, fileName: string, preview: ImportPreview): Analyzed {
  const office = core.invoke('app.info', {});
  const errors = preview.findings.filter((f) => f.severity === 'E');
  const report: Record<string, unknown> = {
    ok: errors.length === 0,
    file: request.file,
    sha256: preview.sha256,
    office: office.ok && office.value.office ? { districtCode: office.value.office.districtCode, districtName: office.value.office.districtName } : null,
    year: preview.year,
    sheet: preview.sheet,
    unit: preview.unit,
    document: preview.document,
    totalDong: preview.totalDong,
    detailLineCount: preview.detailLines,
    lines: detailLines(preview),
    assignments: preview.lines.map(({ rows: _rows, ...line }) => line),
    findings: preview.findings.map(findingOut),
    dryRun: request.dryRun,
    committed: false,
    noop: preview.noop !== null,
    message: preview.noop?.message ?? null,
  };
  const text = [
    summaryLine(fileName, preview),
    `${preview.detailLines} dòng chi tiết, tổng ${formatAmount(toDong(preview.totalDong), 'dong')} đồng; ${preview.lines.length} dòng vốn được giao`,
    ...preview.findings.map((f) => `[${f.severity}] ${f.cell ? `${f.sheet}!${f.cell}: ` : ''}${f.message}`),
  ];
  return {
    report,
    text,
    errorCount: errors.length,
    confirm: { sheet: preview.sheet, expectedSha256: preview.sha256, expectedTotalDong: preview.totalDong, expectedDigest: preview.digest },
  };
}

export async function runImport(core: Core, request: ImportRequest): Promise<ImportOutcome> {
  const read = fileToImport(request.file);
  if ('error' in read) return refused(read.error, request.file);
  // The core reads the file by its path: no base64 copy of a large workbook through the API.
  const { fileName, filePath } = read;
  const mapping: ImportMapping | undefined = request.unit ? { unit: request.unit } : undefined;
  // Scoped so the preview can be let go before the commit reads the file again (a 50,000-row preview is large).
  const analysis = await (async () => {
    const analyzed = await core.invokeAsync('import.analyze', { fileName, filePath, year: request.year, mapping, sheet: request.sheet });
    return analyzed.ok ? analyzedOutcome(core, request, fileName, analyzed.value) : analyzed.error;
  })();
  if (!('report' in analysis)) return refused(analysis, request.file);
  const { report, text, errorCount, confirm } = analysis;
  if (errorCount > 0) return { exitCode: 1, report, text: [...text, `Có ${errorCount} lỗi [E]; không có gì được ghi.`] };
  if (request.dryRun) return { exitCode: 0, report, text: [...text, 'Chạy thử (--dry-run): không ghi gì.'] };
  // The analysis's preview is garbage now; collected before the commit reads the file again (peak memory, issue 18).
  releaseMemory();
  const committed = await core.invokeAsync('import.commit', { fileName, filePath, year: request.year, mapping, ...confirm });
  if (!committed.ok) return refused(committed.error, request.file);
  report.committed = !committed.value.noop;
  report.noop = committed.value.noop;
  report.message = committed.value.message;
  report.backupFile = committed.value.backupFile;
  return { exitCode: 0, report, text: [...text, committed.value.message] };
}
