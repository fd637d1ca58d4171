/**
 * The province-workbook import as commands: analyze (read, recognize, validate, diff — writes nothing)
 * and commit (the same analysis again, then one transaction after a backup). The officer's mapping
 * is remembered per template fingerprint, so next year's file laid out the same way needs no clicks.
 */
import { formatInstantInVietnam } from '../../../shared/format/today';
import crypto from 'node:crypto';
import path from 'node:path';
import type { CommandArgs } from '../../../shared/api/contract';
import type { ImportCommitResult, ImportDiffRow, ImportMapping, ImportPreview, ImportSheetCells } from '../../../shared/api/import';
import { SEVERITY_ORDER, type ImportFinding } from '../../../shared/api/findings';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { OfficeInfo } from '../../../shared/api/office';
import { formatAmount, toDong } from '../../../shared/money/dong';
import { createBackup } from '../backup/backups';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { readWorkbookFileBytes } from '../excel/container';
import { readWorkbookBytes, type ReadSheet, type ReadWorkbook } from '../excel/workbook-reader';
import { requireOffice } from '../office/office';
import { componentsForYear, findComponentForYear } from '../reference/catalog';
import type { JobHandle } from '../jobs/registry';
import { recognizeSheet, type DistrictName, type Recognition } from './recognize';

const PREVIEW_ROWS = 2000;

type FileArgs = CommandArgs<'import.analyze'>;

interface Analysis {
  preview: ImportPreview;
  recognition: Recognition;
  mapping: ImportMapping | undefined;
}

function provinceDistricts(db: Db, office: OfficeInfo): DistrictName[] {
  return db
    .prepare(`SELECT code, name_vi AS name FROM admin_unit WHERE parent_code = ? AND level IN ('huyen', 'thanh_pho', 'thi_xa') AND code <> ? GROUP BY code`)
    .all(office.provinceCode, office.districtCode) as DistrictName[];
}

function rememberedMapping(db: Db, fingerprint: string): ImportMapping | undefined {
  const row = db.prepare('SELECT mapping_json FROM import_template WHERE fingerprint = ?').get(fingerprint) as { mapping_json: string } | undefined;
  return row ? (JSON.parse(row.mapping_json) as ImportMapping) : undefined;
}

/** One formatter for the preview (as toLocaleString('vi-VN') would): building one per cell took ~120 ms per 2 000 rows. */
const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

function cellsPreview(sheet: ReadSheet, fromRow: number): ImportSheetCells {
  const rows: string[][] = [];
  const last = Math.min(sheet.maxRow, fromRow + PREVIEW_ROWS - 1);
  for (let r = fromRow; r <= last; r++) {
    const cells = sheet.rows.get(r);
    const line: string[] = [];
    for (let c = 1; c <= sheet.maxCol; c++) {
      const cell = cells?.get(c);
      // Numbers as the officer sees them in Excel on a vi-VN PC.
      line.push(cell?.kind === 'number' ? VI_NUMBER.format(cell.number!) : (cell?.text ?? ''));
    }
    rows.push(line);
  }
  return { sheet: sheet.name, firstRow: fromRow, rows, truncated: last < sheet.maxRow };
}

const keyOf = (l: { componentCode: string; sourceCode: string; capitalType: CapitalTypeCode; originYear: number }) => `${l.componentCode}|${l.sourceCode}|${l.capitalType}|${l.originYear}`;

interface HeldLine {
  componentCode: string;
  componentName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amountDong: number;
}

function heldAssignments(db: Db, year: number): Map<string, HeldLine> {
  const rows = db
    .prepare(
      `SELECT c.code AS componentCode, c.name_vi AS componentName, a.source_code AS sourceCode, a.capital_type AS capitalType,
         a.origin_year AS originYear, SUM(a.amount_dong) AS amountDong
       FROM assignment a JOIN component c ON c.id = a.component_id
       WHERE a.year = ? GROUP BY c.code, a.source_code, a.capital_type, a.origin_year`,
    )
    .all(year) as HeldLine[];
  return new Map(rows.map((r) => [keyOf(r), r]));
}

/**
 * The keys the file speaks of: each component row it lists (not ignored) × each amount column, in its year. A key
 * the book holds that the file lists with blank cells is set to nothing ("cleared"), not kept.
 */
function keysListed(recognition: Recognition, year: number): Set<string> {
  const listed = new Set<string>();
  const amountCols = recognition.columns.filter((c) => c.role === 'amount');
  for (const row of recognition.rows) {
    if (!row.componentCode || (row.kind !== 'component' && row.kind !== 'program')) continue;
    for (const c of amountCols) listed.add(keyOf({ componentCode: row.componentCode, sourceCode: c.sourceCode!, capitalType: c.capitalType!, originYear: year }));
  }
  return listed;
}

function diffAgainst(held: Map<string, HeldLine>, lines: Recognition['lines'], listed: Set<string>): ImportDiffRow[] {
  const diff: ImportDiffRow[] = [];
  const inFile = new Set<string>();
  for (const line of lines) {
    const key = keyOf(line);
    inFile.add(key);
    const before = held.get(key)?.amountDong ?? 0;
    diff.push({
      componentCode: line.componentCode,
      componentName: line.componentName,
      sourceCode: line.sourceCode,
      capitalType: line.capitalType,
      originYear: line.originYear,
      beforeDong: before,
      afterDong: line.amountDong,
      change: !held.has(key) ? 'added' : before === line.amountDong ? 'same' : 'changed',
    });
  }
  for (const [key, line] of held) {
    if (inFile.has(key)) continue;
    if (listed.has(key)) diff.push({ ...line, beforeDong: line.amountDong, afterDong: 0, change: 'cleared' });
    else diff.push({ ...line, beforeDong: line.amountDong, afterDong: line.amountDong, change: 'kept' });
  }
  return diff;
}

function previousImport(db: Db, sha256: string): { at: string } | undefined {
  return db.prepare("SELECT at FROM exchange_log WHERE sha256 = ? AND kind = 'province_assignment' AND result = 'committed' ORDER BY id DESC LIMIT 1").get(sha256) as
    | { at: string }
    | undefined;
}

/** Lines whose component does not take that capital type, or is not in the catalog for the year. */
function catalogFindings(db: Db, recognition: Recognition): ImportFinding[] {
  const findings: ImportFinding[] = [];
  const nameCol = recognition.columns.find((c) => c.role === 'name')?.col ?? 'B';
  for (const line of recognition.lines) {
    const component = findComponentForYear(db, line.componentCode, line.originYear);
    const cell = `${nameCol}${line.rows[0]}`;
    if (!component) {
      findings.push({ severity: 'E', rule: '15', code: 'COMPONENT_NOT_VALID_FOR_YEAR', sheet: recognition.sheet, cell, message: `${line.componentCode} không thuộc danh mục áp dụng cho vốn năm ${line.originYear}.` });
    } else if (!component.allowedCapitalTypes.includes(line.capitalType)) {
      findings.push({
        severity: 'E',
        rule: '25',
        code: 'CAPITAL_TYPE_NOT_ALLOWED',
        sheet: recognition.sheet,
        cell,
        message: `Dòng ${line.rows[0]}: ${line.componentCode} "${component.name}" không nhận vốn ${line.capitalType === 'SN' ? 'sự nghiệp' : 'đầu tư phát triển'}. Kiểm tra cột số tiền hoặc hợp phần của dòng.`,
      });
    }
  }
  return findings;
}

/**
 * The last workbook read per core, by the SHA-256 of its bytes: the commit that follows a preview of the same file
 * uses the cells already read instead of parsing the file a second time (half the memory and time of a commit of a
 * large file). Recognition, checks and diff are always done again, against the book as it is now.
 */
const lastRead = new WeakMap<CoreContext, { sha256: string; fileName: string; workbook: ReadWorkbook }>();

/** The workbook of an import: by path where the host lets the core read local files, else from its base64. */
export async function readImportedWorkbook(ctx: CoreContext, args: { fileName: string; base64?: string; filePath?: string }, task: JobHandle) {
  let bytes: Buffer;
  if (args.filePath !== undefined) {
    if (!ctx.readsFilePaths) throw new CoreError('FORBIDDEN', 'Nơi chạy này không cho phần mềm đọc tệp theo đường dẫn; hãy gửi nội dung tệp.', { fileName: args.fileName });
    bytes = await readWorkbookFileBytes(args.filePath);
  } else bytes = Buffer.from(args.base64 ?? '', 'base64');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const last = lastRead.get(ctx);
  if (last && last.sha256 === sha256 && last.fileName === args.fileName) return { sha256, workbook: last.workbook };
  // The previous file's cells are let go before this one is read.
  lastRead.delete(ctx);
  const { workbook } = await readWorkbookBytes(bytes, args.fileName, task);
  lastRead.set(ctx, { sha256, fileName: args.fileName, workbook });
  return { sha256, workbook };
}

export async function analyzeImport(ctx: CoreContext, args: FileArgs, task: JobHandle): Promise<Analysis> {
  const { db } = ctx;
  const office = requireOffice(db);
  const { sha256, workbook } = await readImportedWorkbook(ctx, args, task);
  const visible = workbook.sheets.filter((s) => s.state === 'visible');
  if (visible.every((s) => s.rows.size === 0)) {
    throw new CoreError('IMPORT_EMPTY', `Tệp "${args.fileName}" không có dữ liệu: các trang tính đều trống.`, { fileName: args.fileName });
  }
  const recognizeCtx = {
    officeDistrict: { code: office.districtCode, name: office.districtName },
    otherDistricts: provinceDistricts(db, office),
    catalogFor: (year: number) => componentsForYear(db, year),
    yearHint: args.year ?? null,
  };
  let chosen: Recognition | null = null;
  let mapping = args.mapping;
  let remembered: ImportMapping | undefined;
  const others: string[] = [];
  const tables: string[] = [];
  if (args.sheet !== undefined && !visible.some((s) => s.name === args.sheet)) {
    throw new CoreError('IMPORT_NO_TABLE', `Tệp "${args.fileName}" không có trang tính "${args.sheet}". Các trang: ${visible.map((s) => `"${s.name}"`).join(', ')}.`, { fileName: args.fileName, sheet: args.sheet });
  }
  for (const sheet of visible) {
    let recognition = recognizeSheet(sheet, { ...recognizeCtx, mapping: args.mapping });
    if (!recognition) continue;
    tables.push(sheet.name);
    // The sheet the officer chose, else the first with a table; the others are named so one can be chosen.
    if (!chosen && (args.sheet === undefined || args.sheet === sheet.name)) {
      remembered = rememberedMapping(db, recognition.fingerprint);
      if (remembered) {
        mapping = mergeMappings(remembered, args.mapping);
        recognition = recognizeSheet(sheet, { ...recognizeCtx, mapping })!;
      }
      chosen = recognition;
    } else others.push(sheet.name);
  }
  if (!chosen) {
    throw new CoreError(
      'IMPORT_NO_TABLE',
      `Không tìm thấy bảng số liệu trong tệp "${args.fileName}": cần một dòng tiêu đề có ô "STT" (hoặc "TT") ở một trong sáu cột đầu, trong 60 dòng đầu của trang tính.`,
      { fileName: args.fileName, sheets: visible.map((s) => s.name) },
    );
  }
  const sheet = visible.find((s) => s.name === chosen.sheet)!;
  const findings = [...chosen.findings, ...catalogFindings(db, chosen)];
  if (others.length > 0) {
    findings.push({
      severity: 'W',
      rule: 'doc',
      code: 'IMPORT_OTHER_SHEETS',
      sheet: null,
      cell: null,
      message: `Đang đọc trang tính "${chosen.sheet}"; các trang ${others.map((o) => `"${o}"`).join(', ')} cũng có bảng. Chọn trang tính khác để nhập trang đó (mỗi lần nhập một trang).`,
    });
  }
  const year = chosen.year;
  const diff = year !== null ? diffAgainst(heldAssignments(db, year), chosen.lines, keysListed(chosen, year)) : [];
  const previous = previousImport(db, sha256);
  const nothingChanges = chosen.lines.length > 0 && diff.every((d) => d.change === 'same' || d.change === 'kept');
  // Nothing to do is decided by what would change, not by the file having been seen: after the book changed
  // (lines deleted, a unit corrected) the same file may be imported again.
  // A file with errors is never "already in the book": the errors are what the officer must read.
  const noop = nothingChanges && !findings.some((f) => f.severity === 'E')
    ? {
        message: previous ? `Tệp này đã được nhập lúc ${formatInstantInVietnam(previous.at)}; nhập lại không thay đổi gì.` : 'Số liệu trong tệp đã có đủ trong sổ; nhập lại không thay đổi gì.',
        previousImportAt: previous?.at ?? null,
      }
    : null;
  if (previous && !nothingChanges) {
    findings.push({ severity: 'I', rule: 'doc', code: 'IMPORT_SEEN_BEFORE', sheet: null, cell: null, message: `Tệp này đã được nhập lúc ${formatInstantInVietnam(previous.at)}; số liệu trong sổ đã khác từ đó, nhập lại sẽ ghi các thay đổi bên dưới.` });
  }
  const hasErrors = findings.some((f) => f.severity === 'E');
  const preview: ImportPreview = {
    fileName: args.fileName,
    sha256,
    fingerprint: chosen.fingerprint,
    digest: crypto
      .createHash('sha256')
      .update(JSON.stringify({ year, unit: chosen.unit, lines: chosen.lines.map((l) => [keyOf(l), l.amountDong]) }))
      .digest('hex'),
    templateKnown: remembered !== undefined,
    mapping: mapping ?? {},
    sheet: chosen.sheet,
    sheets: tables,
    year,
    // The district the file is for: the one its title names (another district's file says so, as its error does).
    districtName: chosen.otherDistrictName ?? office.districtName,
    fileDistrict: chosen.district,
    unit: chosen.unit,
    document: { basisNumber: chosen.title.basisNumber, basisDate: chosen.title.basisDate, basisIssuer: chosen.title.basisIssuer, title: chosen.title.title },
    headerRows: [chosen.header.top, chosen.header.numberRow ?? chosen.header.bottom],
    columns: chosen.columns,
    rows: chosen.rows,
    findings: sortFindings(findings),
    lines: chosen.lines,
    detailLines: chosen.detailLines,
    totalDong: chosen.totalDong,
    diff,
    noop,
    canCommit: !hasErrors && noop === null && chosen.lines.length > 0 && year !== null,
    cells: cellsPreview(sheet, 1),
  };
  return { preview, recognition: chosen, mapping };
}

/**
 * The officer's choices of this preview over the ones remembered for the layout. A unit is never remembered:
 * files of one layout come in different units, so a file without a unit line asks for it each time.
 */
function mergeMappings(remembered: ImportMapping, given: ImportMapping | undefined): ImportMapping {
  return {
    ...(given?.unit ? { unit: given.unit } : {}),
    columns: { ...remembered.columns, ...given?.columns },
    rows: { ...remembered.rows, ...given?.rows },
  };
}

function sortFindings(findings: ImportFinding[]): ImportFinding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export async function commitImport(ctx: CoreContext, args: CommandArgs<'import.commit'>, task: JobHandle): Promise<ImportCommitResult> {
  try {
    return await commitAnalyzed(ctx, args, task);
  } finally {
    // Committed or refused, the preview is over: its cells are not kept.
    lastRead.delete(ctx);
  }
}

async function commitAnalyzed(ctx: CoreContext, args: CommandArgs<'import.commit'>, task: JobHandle): Promise<ImportCommitResult> {
  const { db } = ctx;
  const { preview, mapping } = await analyzeImport(ctx, args, task);
  // The cells are read and checked: they are let go before the backup and the writes.
  lastRead.delete(ctx);
  if (preview.sha256 !== args.expectedSha256 || preview.totalDong !== args.expectedTotalDong || preview.digest !== args.expectedDigest) {
    throw new CoreError('IMPORT_CHANGED', 'Tệp hoặc cách đọc tệp đã khác với bản xem trước. Hãy xem trước lại rồi xác nhận.', { sha256: preview.sha256, totalDong: preview.totalDong });
  }
  const errors = preview.findings.filter((f) => f.severity === 'E');
  if (errors.length > 0) {
    throw new CoreError('IMPORT_HAS_ERRORS', `Tệp còn ${errors.length} lỗi, chưa nhập được. Lỗi đầu tiên: ${errors[0]!.message}`, { findings: errors.slice(0, 50) });
  }
  if (preview.year === null || preview.lines.length === 0) {
    throw new CoreError('IMPORT_NO_TABLE', 'Tệp không có dòng vốn nào để nhập.', { fileName: args.fileName });
  }
  task.throwIfCancelled();
  const year = preview.year;
  const log = (result: 'committed' | 'noop', message: string) =>
    Number(
      db
        .prepare(
          `INSERT INTO exchange_log (at, actor, direction, kind, file_name, sha256, year, template_fingerprint, line_count, total_dong, result, message)
           VALUES (?, ?, 'import', 'province_assignment', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(ctx.now(), ctx.actor, args.fileName, preview.sha256, year, preview.fingerprint, preview.detailLines, preview.totalDong, result, message).lastInsertRowid,
    );
  if (preview.noop) {
    const exchangeId = db.transaction(() => {
      const id = log('noop', preview.noop!.message);
      writeAudit(ctx, 'import.commit', 'exchange_log', id, null, { fileName: args.fileName, sha256: preview.sha256, year, noop: true });
      return id;
    })();
    return { exchangeId, noop: true, message: preview.noop.message, year, added: 0, changed: 0, detailLines: preview.detailLines, totalDong: preview.totalDong, backupFile: null };
  }
  const backup = createBackup(db, path.dirname(ctx.dataFile), 'truoc-nhap');
  const added = preview.diff.filter((d) => d.change === 'added').length;
  const changed = preview.diff.filter((d) => d.change === 'changed' || d.change === 'cleared').length;
  const message = `Đã nhập ${preview.detailLines} dòng chi tiết, tổng ${formatAmount(toDong(preview.totalDong), 'trieu', { maxDecimals: 3 })} triệu đồng: ${added} dòng vốn mới, ${changed} dòng thay đổi.`;
  const exchangeId = db.transaction(() => {
    const id = log('committed', message);
    const remove = db.prepare('DELETE FROM assignment WHERE year = ? AND component_id = ? AND source_code = ? AND capital_type = ? AND origin_year = ?');
    const insert = db.prepare(
      `INSERT INTO assignment (year, component_id, source_code, capital_type, origin_year, amount_dong, basis_number, basis_date, basis_issuer, note, created_at, updated_at, exchange_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = ctx.now();
    // Lines the file lists with blank cells: the province has taken the money away.
    for (const d of preview.diff) {
      if (d.change !== 'cleared') continue;
      const component = findComponentForYear(db, d.componentCode, d.originYear)!;
      remove.run(year, component.id, d.sourceCode, d.capitalType, d.originYear);
    }
    for (const line of preview.lines) {
      const diff = preview.diff.find((d) => keyOf(d) === keyOf(line))!;
      if (diff.change === 'same') continue;
      const component = findComponentForYear(db, line.componentCode, line.originYear)!;
      remove.run(year, component.id, line.sourceCode, line.capitalType, line.originYear);
      insert.run(
        year,
        component.id,
        line.sourceCode,
        line.capitalType,
        line.originYear,
        line.amountDong,
        preview.document.basisNumber,
        preview.document.basisDate,
        preview.document.basisIssuer,
        `Nhập từ tệp ${args.fileName} (dòng ${line.rows.slice(0, 5).join(', ')}${line.rows.length > 5 ? '…' : ''})`,
        now,
        now,
        id,
      );
    }
    const confirmed = { columns: mapping?.columns ?? {}, rows: mapping?.rows ?? {} };
    if (Object.keys(confirmed.columns).length + Object.keys(confirmed.rows).length > 0 && (args.mapping?.columns || args.mapping?.rows)) {
      db.prepare(
        `INSERT INTO import_template (fingerprint, label, mapping_json, created_at, updated_at, use_count) VALUES (?, ?, ?, ?, ?, 1)
         ON CONFLICT(fingerprint) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at, use_count = use_count + 1`,
      ).run(preview.fingerprint, `${preview.sheet} — ${args.fileName}`, JSON.stringify(confirmed), now, now);
    } else if (mapping) {
      db.prepare('UPDATE import_template SET use_count = use_count + 1, updated_at = ? WHERE fingerprint = ?').run(now, preview.fingerprint);
    }
    writeAudit(ctx, 'import.commit', 'exchange_log', id, null, {
      fileName: args.fileName,
      sha256: preview.sha256,
      year,
      detailLines: preview.detailLines,
      totalDong: preview.totalDong,
      lines: preview.diff.filter((d) => d.change === 'added' || d.change === 'changed' || d.change === 'cleared'),
    });
    return id;
  })();
  return { exchangeId, noop: false, message, year, added, changed, detailLines: preview.detailLines, totalDong: preview.totalDong, backupFile: backup.file };
}
