/**
 * Stage: where the statement's table is — the header row and the role of each column (recognized from the header
 * text, or as the officer mapped them once for this layout, remembered by the header's fingerprint).
 */
import crypto from 'node:crypto';
import type { KbnnMapping } from '../../../../shared/api/disbursement';
import type { KbnnColumnRole } from '../../../../shared/api/disbursement';
import { columnNumber } from '../../../../shared/format/cell-address';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { Db } from '../../db/database';
import { CoreError } from '../../errors';
import type { ReadSheet, ReadWorkbook } from '../../excel/workbook-reader';

export interface StatementHeader {
  row: number;
  texts: Map<number, string>;
  roles: Map<number, KbnnColumnRole>;
  fingerprint: string;
}

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

/** Each header text's role, left to right; a role is given to one column only. */
export function recognizeRoles(texts: Map<number, string>): Map<number, KbnnColumnRole> {
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
export function findStatementHeader(sheet: ReadSheet): StatementHeader | null {
  return findHeaderRow(sheet, true) ?? findHeaderRow(sheet, false);
}

function findHeaderRow(sheet: ReadSheet, strict: boolean): StatementHeader | null {
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

/** The first visible sheet with a statement header; none is an error naming the file and what a header needs. */
export function locateStatement(sheets: ReadWorkbook['sheets'], fileName: string): { sheet: ReadSheet; header: StatementHeader } {
  for (const sheet of sheets.filter((x) => x.state === 'visible')) {
    const header = findStatementHeader(sheet);
    if (header) return { sheet, header };
  }
  throw new CoreError(
    'KBNN_NO_TABLE',
    `Không tìm thấy bảng sao kê trong tệp "${fileName}": cần một dòng tiêu đề (trong 40 dòng đầu) có cột "Lũy kế giải ngân" và cột "Mã dự án" hoặc "Tên dự án, nội dung".`,
    { fileName },
  );
}

/** The recognized roles with the officer's mapping laid over them: a mapped role moves to its column, "ignore" drops one. */
export function applyMapping(header: Pick<StatementHeader, 'roles'>, mapping: KbnnMapping | undefined): Map<number, KbnnColumnRole> {
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

export function rememberedMapping(db: Db, fingerprint: string): KbnnMapping | undefined {
  const row = db.prepare('SELECT mapping_json FROM disbursement_template WHERE fingerprint = ?').get(fingerprint) as { mapping_json: string } | undefined;
  return row ? (JSON.parse(row.mapping_json) as KbnnMapping) : undefined;
}

/** Role → its column number, or null when no column has it. */
export type ColumnOf = (role: KbnnColumnRole) => number | null;

export function columnOf(roles: Map<number, KbnnColumnRole>): ColumnOf {
  return (role) => [...roles.entries()].find(([, r]) => r === role)?.[0] ?? null;
}
