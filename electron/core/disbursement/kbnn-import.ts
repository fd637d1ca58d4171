/**
 * Import of the treasury's (KBNN) disbursement statement: a workbook listing, per project or content, the source,
 * capital type, origin year and the cumulative disbursed to a date ("Lũy kế giải ngân đến ngày 30/06/2024").
 *
 * Through the shared import pipeline's first steps: the container is checked (electron/core/excel/container.ts)
 * before exceljs reads anything, and cells are read and normalized by the shared workbook reader (legacy
 * TCVN3/VNI text, cached formula values, vi-VN amounts). What is specific to the statement lives here: the header
 * roles, the key of each row, the checks (rules 13 and 14, with the cell of each finding, in Vietnamese) and the
 * commit in one transaction after a backup. A confirmed column mapping is remembered per header fingerprint.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { CommandArgs } from '../../../shared/api/contract';
import type { KbnnMapping } from '../../../shared/api/disbursement-contract';
import { KBNN_ROLE_LABELS, type KbnnColumnRole, type KbnnCommitResult, type KbnnFinding, type KbnnLine, type KbnnPreview } from '../../../shared/api/disbursement-types';
import type { CapitalTypeCode } from '../../../shared/api/types';
import { cellAddress, columnLetters, columnNumber } from '../../../shared/format/cell-address';
import { formatDateVi, isValidIsoDate } from '../../../shared/format/date';
import { formatAmount, toDong, type MoneyUnit } from '../../../shared/money/dong';
import { foldVietnamese } from '../../../shared/text/fold';
import { createBackup } from '../backup/backups';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { readUploadedWorkbook, type ReadSheet } from '../excel/workbook-reader';
import { readAmount } from '../import/amounts';
import { unitInText } from '../import/title';
import { requireOffice } from '../office/office';
import { componentIndex, resolveComponentCode } from '../reference/catalog';
import { resolveRecipient } from '../registers/recipients';
import type { JobHandle } from '../jobs/registry';
import { checkCutoff, KeyResolver, writeEntry } from './entries';
import { cumulativeNeverDecreases, disbursementDeadline, DisbursementRuleBook } from './disbursement-rules';
import { DeadlineBook } from './deadlines';
import { entryKey, latestEntries, type EntryKey } from './figures';
import { todayInVietnam } from '../../../shared/format/today';

type Args = CommandArgs<'disbursement.analyze'>;

/** Folded header text → role. Order matters: the first pattern that matches a header wins. */
const ROLE_PATTERNS: [KbnnColumnRole, RegExp][] = [
  ['recovery', /thu hoi/],
  ['cumulative', /luy ke/],
  ['projectCode', /^ma\b|ma du an|ma so|ma hang muc|ma noi dung/],
  ['originYear', /nam nguon|nam ke hoach|nam kh\b|nien do|^nam\b/],
  ['source', /nguon von|^nguon\b/],
  ['capitalType', /loai von|^loai\b|tinh chat von/],
  ['commune', /^xa\b|dia ban|dia diem/],
  ['name', /ten du an|ten cong trinh|noi dung|^ten\b|danh muc/],
];

const VI_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;

function isoOf(text: string): string | null {
  const m = VI_DATE.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

function cellText(sheet: ReadSheet, row: number, col: number): string {
  const c = sheet.rows.get(row)?.get(col);
  return c && c.kind !== 'formula_no_value' ? c.text.replace(/\s+/g, ' ').trim() : '';
}

interface Header {
  row: number;
  texts: Map<number, string>;
  roles: Map<number, KbnnColumnRole>;
  fingerprint: string;
}

function recognizeRoles(texts: Map<number, string>): Map<number, KbnnColumnRole> {
  const roles = new Map<number, KbnnColumnRole>();
  const taken = new Set<KbnnColumnRole>();
  for (const [col, text] of [...texts.entries()].sort((a, b) => a[0] - b[0])) {
    const folded = foldVietnamese(text);
    const role = ROLE_PATTERNS.find(([r, re]) => !taken.has(r) && re.test(folded))?.[0];
    if (role) {
      roles.set(col, role);
      taken.add(role);
    }
  }
  return roles;
}

/**
 * The header row: the first of the top 40 rows naming the cumulative and the project (code or name) among three
 * recognized columns; failing that, one naming the project among three (the officer maps the cumulative column).
 */
function findHeader(sheet: ReadSheet): Header | null {
  return findHeaderRow(sheet, true) ?? findHeaderRow(sheet, false);
}

function findHeaderRow(sheet: ReadSheet, strict: boolean): Header | null {
  for (let r = 1; r <= Math.min(sheet.maxRow, 40); r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    const texts = new Map<number, string>();
    for (const [col, cell] of cells) if (cell.kind === 'text' && cell.text.trim()) texts.set(col, cell.text.replace(/\s+/g, ' ').trim());
    const roles = recognizeRoles(texts);
    const found = new Set(roles.values());
    if ((found.has('cumulative') || !strict) && (found.has('projectCode') || found.has('name')) && roles.size >= 3) {
      const fingerprint = crypto
        .createHash('sha256')
        .update([...texts.entries()].sort((a, b) => a[0] - b[0]).map(([c, t]) => `${c}:${foldVietnamese(t).replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, '#')}`).join('|'))
        .digest('hex')
        .slice(0, 32);
      return { row: r, texts, roles, fingerprint };
    }
  }
  return null;
}

function applyMapping(header: Header, mapping: KbnnMapping | undefined): Map<number, KbnnColumnRole> {
  if (!mapping?.columns) return header.roles;
  const roles = new Map(header.roles);
  for (const [letters, role] of Object.entries(mapping.columns)) {
    const col = columnNumber(letters);
    for (const [c, r] of roles) if (role !== 'ignore' && r === role) roles.delete(c);
    if (role === 'ignore') roles.delete(col);
    else roles.set(col, role);
  }
  return roles;
}

function rememberedMapping(db: Db, fingerprint: string): KbnnMapping | undefined {
  const row = db.prepare('SELECT mapping_json FROM disbursement_template WHERE fingerprint = ?').get(fingerprint) as { mapping_json: string } | undefined;
  return row ? (JSON.parse(row.mapping_json) as KbnnMapping) : undefined;
}

const SOURCE_WORDS: [RegExp, string][] = [
  [/trung uong|^nstw$|^tw$/, 'NSTW'],
  [/doi ung|ns tinh|ngan sach tinh|^nst$/, 'NST_DOIUNG'],
  [/ns huyen|ngan sach huyen|^nsh$/, 'NSH'],
  [/ns xa|ngan sach xa|^nsx$/, 'NSX'],
  [/long ghep/, 'LONG_GHEP'],
  [/huy dong/, 'HUY_DONG'],
];

function sourceOf(text: string): string | null {
  const folded = foldVietnamese(text);
  if (/^[a-z_]+$/i.test(text.trim()) && ['NSTW', 'NST_DOIUNG', 'NSH', 'NSX', 'LONG_GHEP', 'HUY_DONG'].includes(text.trim().toUpperCase())) return text.trim().toUpperCase();
  return SOURCE_WORDS.find(([re]) => re.test(folded))?.[1] ?? null;
}

function capitalOf(text: string): CapitalTypeCode | null {
  const folded = foldVietnamese(text);
  if (/dtpt|dau tu/.test(folded)) return 'DTPT';
  if (/^sn$|su nghiep|thuong xuyen/.test(folded)) return 'SN';
  return null;
}

function unitOf(folded: string): MoneyUnit | null {
  const named = unitInText(folded);
  if (named) return named;
  const m = /don vi\s*[:.]\s*(trieu|nghin|ngan|dong)/.exec(folded);
  return m ? (m[1] === 'trieu' ? 'trieu' : m[1] === 'dong' ? 'dong' : 'nghin') : null;
}

const TOTAL_ROW = /^(tong cong|tong so|cong|tong)\b/;

interface Analysis {
  preview: KbnnPreview;
  keys: (EntryKey & { programCode: string })[];
  mapping: KbnnMapping | undefined;
}

export async function analyzeKbnn(ctx: CoreContext, args: Args, task: JobHandle): Promise<Analysis> {
  const { db } = ctx;
  const office = requireOffice(db);
  const { sha256, workbook } = await readUploadedWorkbook(args.base64, args.fileName, task);
  let sheet: ReadSheet | null = null;
  let header: Header | null = null;
  for (const s of workbook.sheets.filter((x) => x.state === 'visible')) {
    header = findHeader(s);
    if (header) {
      sheet = s;
      break;
    }
  }
  if (!sheet || !header) {
    throw new CoreError(
      'KBNN_NO_TABLE',
      `Không tìm thấy bảng sao kê trong tệp "${args.fileName}": cần một dòng tiêu đề (trong 40 dòng đầu) có cột "Lũy kế giải ngân" và cột "Mã dự án" hoặc "Tên dự án, nội dung".`,
      { fileName: args.fileName },
    );
  }
  const remembered = args.mapping ? undefined : rememberedMapping(db, header.fingerprint);
  const mapping = args.mapping ?? remembered;
  const roles = applyMapping(header, mapping);
  const colOf = (role: KbnnColumnRole) => [...roles.entries()].find(([, r]) => r === role)?.[0] ?? null;
  const findings: KbnnFinding[] = [];
  const finding = (severity: KbnnFinding['severity'], code: string, cell: string | null, message: string) => findings.push({ severity, code, sheet: sheet!.name, cell, message });

  // The title block: cut-off date and unit.
  const titleText = Array.from({ length: header.row - 1 }, (_, i) => [...(sheet!.rows.get(i + 1)?.values() ?? [])].map((c) => c.text).join(' ')).join(' ');
  const cumulativeCol = colOf('cumulative');
  const cutoffDate = args.cutoffDate ?? isoOf(cumulativeCol ? header.texts.get(cumulativeCol) ?? '' : '') ?? isoOf(titleText) ?? isoOf([...header.texts.values()].join(' '));
  const unit: MoneyUnit = mapping?.unit ?? unitOf(foldVietnamese(titleText)) ?? 'dong';
  if (!cutoffDate && cumulativeCol !== null) {
    finding('E', 'KBNN_NO_CUTOFF', cumulativeCol ? cellAddress(header.row, cumulativeCol) : null, 'Không thấy ngày chốt số liệu ("Lũy kế giải ngân đến ngày dd/mm/yyyy") ở tiêu đề; chọn ngày chốt số liệu khi nhập tệp.');
  }
  const year = args.year ?? Number((cutoffDate ?? todayInVietnam()).slice(0, 4));
  for (const role of ['cumulative'] as const) {
    if (colOf(role) === null) finding('E', 'KBNN_MISSING_COLUMN', null, `Thiếu cột "${KBNN_ROLE_LABELS[role]}"; chọn cột đó ở phần ghép cột.`);
  }
  if (colOf('projectCode') === null && colOf('name') === null) finding('E', 'KBNN_MISSING_COLUMN', null, 'Thiếu cột mã dự án hoặc tên dự án, nội dung; chọn một trong hai ở phần ghép cột.');
  if (colOf('source') === null) finding('W', 'KBNN_DEFAULT_SOURCE', null, 'Tệp không có cột nguồn vốn: các dòng được hiểu là ngân sách trung ương (NSTW).');

  const components = componentIndex(db);
  const projects = db.prepare('SELECT id, code, name FROM investment_project').all() as { id: number; code: string; name: string }[];
  // The components a project is planned under this year (issued decisions), to put its disbursement on the right key.
  const projectComponents = new Map<number, Set<number>>();
  for (const r of db
    .prepare("SELECT DISTINCT l.project_id, l.component_id FROM decision_line l JOIN decision d ON d.id = l.decision_id WHERE d.year = ? AND d.status = 'issued' AND l.project_id IS NOT NULL")
    .all(year) as { project_id: number; component_id: number }[]) {
    const set = projectComponents.get(r.project_id) ?? new Set<number>();
    set.add(r.component_id);
    projectComponents.set(r.project_id, set);
  }
  const previous = cutoffDate ? new Map(latestEntries(db, year, cutoffDate, true).map((e) => [entryKey(e), e])) : new Map();
  const book = new DeadlineBook(db);
  const ruleBook = new DisbursementRuleBook(db);
  // The office's communes (and those formed from them in 2025), by code or by name without "Xã"/"Thị trấn".
  const communes = db
    .prepare("SELECT DISTINCT code, name_vi AS name FROM admin_unit WHERE level NOT IN ('tinh', 'huyen', 'thanh_pho', 'thi_xa') AND (parent_code = ? OR dataset <> '2024-11') ORDER BY dataset")
    .all(office.districtCode) as { code: string; name: string }[];
  const lines: KbnnLine[] = [];
  const keys: (EntryKey & { programCode: string })[] = [];
  const seen = new Map<string, number>();
  if (cutoffDate && cumulativeCol) {
    try {
      checkCutoff(year, cutoffDate);
    } catch (error) {
      finding('E', (error as CoreError).code, null, (error as CoreError).message);
    }
    const resolver = new KeyResolver(db, year, cutoffDate);
    const at = (role: KbnnColumnRole, row: number) => {
      const col = colOf(role);
      return col === null ? '' : cellText(sheet, row, col);
    };
    for (let r = header.row + 1; r <= sheet.maxRow; r++) {
      if (!sheet.rows.has(r)) continue;
      const code = at('projectCode', r);
      const name = at('name', r);
      const folded = foldVietnamese(`${code} ${name}`.trim());
      const amountCell = sheet.rows.get(r)?.get(cumulativeCol);
      const cumulative = readAmount(amountCell, unit);
      if (TOTAL_ROW.test(folded) || (code === '' && name === '')) continue;
      // Column-number rows ("1", "2", "3=…") under the header.
      if (/^\(?\d+\)?$/.test(code) && /^\(?\d+\)?$/.test(name)) continue;
      const where = cellAddress(r, cumulativeCol);
      if (cumulative.kind === 'blank') continue;
      if (cumulative.kind === 'invalid') {
        finding('E', 'KBNN_BAD_AMOUNT', where, `Dòng ${r}: lũy kế giải ngân không đọc được — ${cumulative.message}.`);
        continue;
      }
      if (cumulative.dong < 0) {
        finding('E', 'NEGATIVE_AMOUNT', where, `Dòng ${r}: lũy kế giải ngân âm; số thu hồi ghi ở cột "Thu hồi".`);
        continue;
      }
      const recoveryCol = colOf('recovery');
      const recoveryRead = recoveryCol ? readAmount(sheet.rows.get(r)?.get(recoveryCol), unit) : ({ kind: 'blank' } as const);
      if (recoveryRead.kind === 'invalid') {
        finding('E', 'KBNN_BAD_AMOUNT', cellAddress(r, recoveryCol!), `Dòng ${r}: số thu hồi không đọc được — ${recoveryRead.message}.`);
        continue;
      }
      const recovery = recoveryRead.kind === 'amount' ? Math.abs(recoveryRead.dong) : 0;
      // Which project or component the row is.
      const codeCell = colOf('projectCode') ? cellAddress(r, colOf('projectCode')!) : cellAddress(r, colOf('name')!);
      const project = projects.find((p) => code !== '' && p.code.toLowerCase() === code.toLowerCase()) ?? (name ? projects.find((p) => foldVietnamese(p.name) === foldVietnamese(name)) : undefined);
      let componentCode: string | null = null;
      if (project) {
        const planned = [...(projectComponents.get(project.id) ?? [])];
        if (planned.length !== 1) {
          finding('E', 'KBNN_PROJECT_NOT_PLANNED', codeCell, planned.length === 0 ? `Dòng ${r}: dự án ${project.code} chưa có trong quyết định phân bổ nào đã ban hành năm ${year}; không biết hạng mục để ghi số giải ngân.` : `Dòng ${r}: dự án ${project.code} được phân bổ ở nhiều hạng mục; hãy tách dòng theo hạng mục.`);
          continue;
        }
        componentCode = components.get(planned[0]!)!.code;
      } else {
        const originText = at('originYear', r);
        const origin = /^\d{4}$/.test(originText) ? Number(originText) : year;
        const byCode = code ? resolveComponentCode(db, code, origin) : null;
        if (byCode) componentCode = components.get(byCode.id)!.code;
        else if (name) {
          const matches = [...components.values()].filter((c) => c.firstYear <= origin && origin <= c.lastYear && foldVietnamese(c.name) === foldVietnamese(name));
          if (matches.length === 1) componentCode = matches[0]!.code;
        }
        if (!componentCode) {
          finding('E', 'KBNN_UNKNOWN_ROW', codeCell, `Dòng ${r}: "${code || name}" không phải mã dự án trong danh mục dự án, cũng không phải mã hay tên hạng mục của chương trình. Sửa mã trong tệp hoặc thêm dự án vào danh mục.`);
          continue;
        }
      }
      const sourceText = at('source', r);
      const sourceCode = sourceText ? sourceOf(sourceText) : 'NSTW';
      if (!sourceCode) {
        finding('E', 'UNKNOWN_FUNDING_SOURCE', cellAddress(r, colOf('source')!), `Dòng ${r}: nguồn vốn "${sourceText}" không nhận ra; ghi NSTW, NS tỉnh đối ứng, NS huyện…`);
        continue;
      }
      const capitalText = at('capitalType', r);
      const allowed = [...components.values()].find((c) => c.code === componentCode)?.allowedCapitalTypes ?? ['DTPT', 'SN'];
      const capitalType: CapitalTypeCode | null = capitalText ? capitalOf(capitalText) : project ? 'DTPT' : allowed.length === 1 ? allowed[0]! : null;
      if (!capitalType) {
        finding('E', 'UNKNOWN_CAPITAL_TYPE', colOf('capitalType') ? cellAddress(r, colOf('capitalType')!) : codeCell, `Dòng ${r}: không rõ loại vốn${capitalText ? ` "${capitalText}"` : ''}; ghi ĐTPT hoặc SN.`);
        continue;
      }
      const originText = at('originYear', r);
      if (originText && !/^\d{4}$/.test(originText)) {
        finding('E', 'INVALID_ORIGIN_YEAR', cellAddress(r, colOf('originYear')!), `Dòng ${r}: năm nguồn vốn "${originText}" phải là năm 4 chữ số.`);
        continue;
      }
      const originYear = originText ? Number(originText) : year;
      const communeText = at('commune', r);
      let communeCode: string | null = null;
      if (communeText) {
        const folded = foldVietnamese(communeText).replace(/^(xa|thi tran)\s+/, '');
        const unit = communes.find((u) => u.code === communeText || foldVietnamese(u.name).replace(/^(xa|thi tran)\s+/, '') === folded);
        if (!unit) {
          finding('E', 'UNKNOWN_RECIPIENT', cellAddress(r, colOf('commune')!), `Dòng ${r}: không có xã "${communeText}" trong danh mục đơn vị hành chính.`);
          continue;
        }
        communeCode = unit.code;
        try {
          resolveRecipient(db, { kind: 'commune', code: communeCode }, cutoffDate, office);
        } catch (error) {
          finding('E', 'UNKNOWN_RECIPIENT', cellAddress(r, colOf('commune')!), `Dòng ${r}: ${(error as CoreError).message}`);
          continue;
        }
      }
      const input = { componentCode, projectCode: project?.code ?? null, communeCode, sourceCode, capitalType, originYear };
      let key: EntryKey;
      try {
        key = resolver.resolve(input);
      } catch (error) {
        finding('E', (error as CoreError).code, codeCell, `Dòng ${r}: ${(error as CoreError).message}`);
        continue;
      }
      const id = entryKey(key);
      if (seen.has(id)) {
        finding('E', 'KBNN_DUPLICATE_ROW', where, `Dòng ${r} trùng với dòng ${seen.get(id)} (cùng dự án/hạng mục, nguồn, loại vốn, năm nguồn); gộp hai dòng trong tệp.`);
        continue;
      }
      seen.set(id, r);
      const programCode = components.get(key.component_id)!.programCode;
      const prev = previous.get(id)?.cumulative_dong ?? 0;
      // Rules 14 and 13 with the severity of their rows: an error keeps the row out, a warning lets it in (and is
      // recorded with the entry when the file is committed).
      const dip = cumulativeNeverDecreases(ruleBook.rule(14, cutoffDate), {
        label: `Dòng ${r}`,
        cutoff: cutoffDate,
        cumulative: cumulative.dong,
        recovery,
        previous: previous.has(id) ? { cumulative: prev, cutoff: previous.get(id)!.cutoff_date } : null,
      });
      if (dip) {
        finding(dip.severity, 'DISBURSEMENT_DECREASE', where, dip.message);
        if (dip.severity === 'E') continue;
      }
      if (cumulative.dong > prev) {
        const info = book.of({ originYear, programCode, sourceCode, capitalType, projectId: key.project_id });
        const late = disbursementDeadline(ruleBook.rule(13, cutoffDate), { label: `Dòng ${r}`, cutoff: cutoffDate, originYear, capitalType, increase: cumulative.dong - prev, deadline: info });
        if (late) {
          finding(late.severity, 'DISBURSEMENT_AFTER_DEADLINE', where, late.message);
          if (late.severity === 'E') continue;
        }
      }
      if (cumulative.note) finding('W', 'KBNN_ROUNDED', where, `Dòng ${r}: ${cumulative.note}.`);
      lines.push({ ...input, row: r, name: name || code, cumulativeDong: toDong(cumulative.dong), recoveryDong: toDong(recovery), previousDong: toDong(prev) });
      keys.push({ ...key, programCode });
    }
    if (lines.length === 0 && !findings.some((f) => f.severity === 'E')) finding('E', 'KBNN_EMPTY', null, 'Tệp không có dòng số liệu giải ngân nào dưới dòng tiêu đề.');
  }
  const earlier = db.prepare("SELECT at FROM disbursement_import WHERE sha256 = ? AND result = 'committed' ORDER BY id DESC LIMIT 1").get(sha256) as { at: string } | undefined;
  const totalDong = toDong(lines.reduce((a, l) => a + l.cumulativeDong, 0));
  const noop = earlier ? `Tệp này đã được nhập lúc ${earlier.at.slice(0, 16).replace('T', ' ')}; nhập lại không thay đổi gì.` : null;
  const columns = [...header.texts.entries()].sort((a, b) => a[0] - b[0]).map(([col, text]) => ({ col: columnLetters(col), header: text, role: roles.get(col) ?? null }));
  const preview: KbnnPreview = {
    fileName: args.fileName,
    sha256,
    fingerprint: header.fingerprint,
    templateKnown: remembered !== undefined,
    sheet: sheet.name,
    headerRow: header.row,
    columns,
    year,
    cutoffDate,
    unit,
    lines,
    totalDong,
    findings: [...findings].sort((a, b) => ({ E: 0, W: 1, I: 2 })[a.severity] - ({ E: 0, W: 1, I: 2 })[b.severity]),
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
