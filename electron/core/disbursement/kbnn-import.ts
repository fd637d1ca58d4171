/**
 * Import of the treasury's (KBNN) disbursement statement: a workbook listing, per project or content, the source,
 * capital type, origin year and the cumulative disbursed to a date ("Lũy kế giải ngân đến ngày 30/06/2024").
 *
 * Through the shared import pipeline's first steps: the container is checked (electron/core/excel/container.ts)
 * before exceljs reads anything, and cells are read and normalized by the shared workbook reader (legacy
 * TCVN3/VNI text, cached formula values, vi-VN amounts). What is specific to the statement lives in ./kbnn/ as
 * named stages (the header roles, the statement's facts, the key of each row, the checks — rules 13 and 14, with the
 * cell of each finding, in Vietnamese); here they are run in order, and the commit is one transaction after a
 * backup. A confirmed column mapping is remembered per header fingerprint.
 */
import { formatInstantInVietnam } from '../../../shared/format/today';
import path from 'node:path';
import type { CommandArgs } from '../../../shared/api/contract';
import type { KbnnMapping } from '../../../shared/api/disbursement';
import type { KbnnCommitResult, KbnnPreview } from '../../../shared/api/disbursement';
import { SEVERITY_ORDER, type KbnnFinding } from '../../../shared/api/findings';
import { cellAddress, columnLetters } from '../../../shared/format/cell-address';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, toDong } from '../../../shared/money/dong';
import { createBackup } from '../backup/backups';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import { CoreError } from '../errors';
import { readUploadedWorkbook } from '../excel/workbook-reader';
import { requireOffice } from '../office/office';
import type { JobHandle } from '../jobs/registry';
import { checkCutoff, KeyResolver, writeEntry } from './entries';
import { DeadlineBook } from './deadlines';
import { loadLookups } from './kbnn/lookups';
import type { KbnnReport } from './kbnn/report';
import { applyMapping, columnOf, locateStatement, rememberedMapping } from './kbnn/statement-header';
import { flagMissingColumns, readStatementFacts } from './kbnn/statement-facts';
import { readStatementRows, type KeyedLine } from './kbnn/statement-rows';

type Args = CommandArgs<'disbursement.analyze'>;

interface Analysis {
  preview: KbnnPreview;
  keys: KeyedLine[];
  mapping: KbnnMapping | undefined;
}

/**
 * The statement read through named stages (./kbnn/): the table and its column roles, the statement's facts
 * (cut-off, unit, year), the lookups, the rows; then the preview the officer confirms.
 */
export async function analyzeKbnn(ctx: CoreContext, args: Args, task: JobHandle): Promise<Analysis> {
  const { db } = ctx;
  const office = requireOffice(db);
  const { sha256, workbook } = await readUploadedWorkbook(args.base64, args.fileName, task);
  const { sheet, header } = locateStatement(workbook.sheets, args.fileName);
  const remembered = args.mapping ? undefined : rememberedMapping(db, header.fingerprint);
  const mapping = args.mapping ?? remembered;
  const roles = applyMapping(header, mapping);
  const colOf = columnOf(roles);
  const findings: KbnnFinding[] = [];
  const report: KbnnReport = (severity, code, cell, message) => findings.push({ severity, code, sheet: sheet.name, cell, message });

  const { cutoffDate, unit, year } = readStatementFacts(sheet, header, colOf, { cutoffDate: args.cutoffDate, year: args.year, unit: mapping?.unit }, report);
  flagMissingColumns(colOf, report);
  const lookups = loadLookups(db, office, year, cutoffDate);
  const cumulativeCol = colOf('cumulative');
  let read: Pick<Analysis, 'keys'> & { lines: KbnnPreview['lines'] } = { lines: [], keys: [] };
  if (cutoffDate && cumulativeCol) {
    try {
      checkCutoff(year, cutoffDate);
    } catch (error) {
      report('E', (error as CoreError).code, null, (error as CoreError).message);
    }
    const resolver = new KeyResolver(db, year, cutoffDate);
    read = readStatementRows({ sheet, colOf, cumulativeCol, unit, year, cutoffDate, lookups, resolveKey: (input) => resolver.resolve(input), report }, header.row);
    if (read.lines.length === 0 && !findings.some((f) => f.severity === 'E')) report('E', 'KBNN_EMPTY', null, 'Tệp không có dòng số liệu giải ngân nào dưới dòng tiêu đề.');
  }
  const { lines, keys } = read;

  const earlier = db.prepare("SELECT at FROM disbursement_import WHERE sha256 = ? AND result = 'committed' ORDER BY id DESC LIMIT 1").get(sha256) as { at: string } | undefined;
  const noop = earlier ? `Tệp này đã được nhập lúc ${formatInstantInVietnam(earlier.at)}; nhập lại không thay đổi gì.` : null;
  const preview: KbnnPreview = {
    fileName: args.fileName,
    sha256,
    fingerprint: header.fingerprint,
    templateKnown: remembered !== undefined,
    sheet: sheet.name,
    headerRow: header.row,
    columns: [...header.texts.entries()].sort((a, b) => a[0] - b[0]).map(([col, text]) => ({ col: columnLetters(col), header: text, role: roles.get(col) ?? null })),
    year,
    cutoffDate,
    unit,
    lines,
    totalDong: toDong(lines.reduce((a, l) => a + l.cumulativeDong, 0)),
    findings: [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
    noop,
    canCommit: cutoffDate !== null && lines.length > 0 && !findings.some((f) => f.severity === 'E') && noop === null,
  };
  return { preview, keys, mapping };
}

export async function commitKbnn(ctx: CoreContext, args: CommandArgs<'disbursement.commit'>, task: JobHandle): Promise<KbnnCommitResult> {
  const { db } = ctx;
  const { preview, keys, mapping } = await analyzeKbnn(ctx, args, task);
  if (preview.sha256 !== args.expectedSha256) throw new CoreError('KBNN_CHANGED', 'Tệp đã khác với bản xem trước. Hãy xem trước lại rồi xác nhận.', { sha256: preview.sha256 });
  const errors = preview.findings.filter((f) => f.severity === 'E');
  if (errors.length > 0) throw new CoreError('KBNN_HAS_ERRORS', `Tệp còn ${errors.length} lỗi, chưa nhập được. Lỗi đầu tiên: ${errors[0]!.cell ? `${preview.sheet}!${errors[0]!.cell}: ` : ''}${errors[0]!.message}`, { findings: errors.slice(0, 50) });
  const cutoff = preview.cutoffDate!;
  const log = (result: 'committed' | 'noop') =>
    Number(
      db
        .prepare('INSERT INTO disbursement_import (at, actor, file_name, sha256, year, cutoff_date, template_fingerprint, row_count, total_dong, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(ctx.now(), ctx.actor, args.fileName, preview.sha256, preview.year, cutoff, preview.fingerprint, preview.lines.length, preview.totalDong, result).lastInsertRowid,
    );
  if (preview.noop) {
    const importId = db.transaction(() => log('noop'))();
    return { importId, noop: true, message: preview.noop, rows: 0, totalDong: preview.totalDong, cutoffDate: cutoff, backupFile: null };
  }
  if (preview.lines.length === 0) throw new CoreError('KBNN_NO_TABLE', 'Tệp không có dòng số liệu giải ngân nào để nhập.');
  task.throwIfCancelled();
  const backup = createBackup(db, path.dirname(ctx.dataFile), 'truoc-nhap-kbnn');
  const message = `Đã nhập ${preview.lines.length} dòng sao kê KBNN, lũy kế đến ${formatDateVi(cutoff)}: ${formatAmount(preview.totalDong, 'trieu', { maxDecimals: 3 })} triệu đồng.`;
  const importId = db.transaction(() => {
    const id = log('committed');
    const book = new DeadlineBook(db);
    const changes = preview.lines.map((line, i) => {
      const { programCode, ...key } = keys[i]!;
      return writeEntry(ctx, book, preview.year, cutoff, key, programCode, { cumulative: line.cumulativeDong, recovery: line.recoveryDong, dataSource: 'kbnn', importId: id, note: `KBNN: ${args.fileName} dòng ${line.row}` }, `${preview.sheet}!${cellAddress(line.row, 1)}`);
    });
    const now = ctx.now();
    if (args.mapping) {
      db.prepare(
        `INSERT INTO disbursement_template (fingerprint, label, mapping_json, created_at, updated_at, use_count) VALUES (?, ?, ?, ?, ?, 1)
         ON CONFLICT(fingerprint) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at, use_count = use_count + 1`,
      ).run(preview.fingerprint, `${preview.sheet} — ${args.fileName}`, JSON.stringify(args.mapping), now, now);
    } else if (mapping) {
      db.prepare('UPDATE disbursement_template SET use_count = use_count + 1, updated_at = ? WHERE fingerprint = ?').run(now, preview.fingerprint);
    }
    writeAudit(ctx, 'disbursement.commit', 'disbursement_import', id, changes.map((c) => c.before), { fileName: args.fileName, sha256: preview.sha256, cutoff, rows: preview.lines.length, totalDong: preview.totalDong, entries: changes.map((c) => c.after) });
    return id;
  })();
  return { importId, noop: false, message, rows: preview.lines.length, totalDong: preview.totalDong, cutoffDate: cutoff, backupFile: backup.file };
}
