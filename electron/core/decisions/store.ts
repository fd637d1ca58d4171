/** Reading decisions and their lines from the database into the API's shapes. */
import type { DecisionDocument, DecisionHeader, DecisionLine, DecisionTotals, SourceCapitalTotal } from '../../../shared/api/decisions';
import type { Recipient } from '../../../shared/api/registers';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { documentNumberText, documentSymbol } from '../../../shared/domain/documents';
import { toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { editHistory } from './history';
import { LINE_COLUMNS, type DecisionRow, type LineRecord } from './rows';

interface LineViewRow extends LineRecord {
  component_code: string;
  component_name: string;
  program_code: string;
  program_name: string;
  unit_code: string | null;
  unit_name: string | null;
  unit_level: string | null;
  org_kind: 'unit' | 'investor' | null;
  org_name: string | null;
  project_code: string | null;
  project_name: string | null;
}

const LINE_VIEW = `
  SELECT l.*, c.code AS component_code, c.name_vi AS component_name, c.program_code,
    COALESCE(pr.name_vi, c.program_code) AS program_name,
    u.code AS unit_code, u.name_vi AS unit_name, u.level AS unit_level,
    o.kind AS org_kind, o.name AS org_name, p.code AS project_code, p.name AS project_name
  FROM decision_line l
  JOIN component c ON c.id = l.component_id
  LEFT JOIN component pr ON pr.period_code = c.period_code AND pr.code = c.program_code
  LEFT JOIN admin_unit u ON u.id = l.recipient_unit_id
  LEFT JOIN organization o ON o.id = l.recipient_org_id
  LEFT JOIN investment_project p ON p.id = l.project_id`;

const DISTRICT_LEVELS = new Set(['huyen', 'thanh_pho', 'thi_xa']);

export function recipientOf(r: Pick<LineViewRow, 'recipient_unit_id' | 'recipient_org_id' | 'unit_code' | 'unit_name' | 'unit_level' | 'org_kind' | 'org_name'>): Recipient {
  if (r.recipient_org_id !== null) return { kind: r.org_kind ?? 'unit', id: r.recipient_org_id, code: null, name: r.org_name ?? '' };
  if (r.recipient_unit_id !== null) {
    return { kind: DISTRICT_LEVELS.has(r.unit_level ?? '') ? 'district' : 'commune', id: r.recipient_unit_id, code: r.unit_code, name: r.unit_name ?? '' };
  }
  return { kind: 'district', id: null, code: null, name: 'Cấp huyện' };
}

function toLine(r: LineViewRow): DecisionLine {
  const amount = r.amount_dong;
  return {
    id: r.id,
    position: r.position,
    componentId: r.component_id,
    componentCode: r.component_code,
    componentName: r.component_name,
    programCode: r.program_code,
    programName: r.program_name,
    recipient: recipientOf(r),
    projectId: r.project_id,
    projectCode: r.project_code,
    projectName: r.project_name,
    sourceCode: r.source_code,
    capitalType: r.capital_type,
    originYear: r.origin_year,
    amountDong: toDong(amount),
    beforeDong: r.before_dong === null ? null : toDong(r.before_dong),
    afterDong: r.before_dong === null ? null : toDong(r.before_dong + amount),
    decreaseDong: toDong(amount < 0 ? -amount : 0),
    increaseDong: toDong(amount > 0 ? amount : 0),
    reasonCode: r.reason_code,
    note: r.note,
  };
}

export function getDecisionRow(db: Db, id: number): DecisionRow {
  const row = db.prepare('SELECT * FROM decision WHERE id = ?').get(id) as DecisionRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy quyết định (mã nội bộ ${id}); có thể dự thảo đã bị xoá. Hãy tải lại danh sách.`, { id });
  return row;
}

/** The draft to edit; an issued decision is refused with the reason and the way out. */
export function getDraftRow(db: Db, id: number): DecisionRow {
  const row = getDecisionRow(db, id);
  if (row.status !== 'draft') throw issuedError(row);
  return row;
}

export function issuedError(row: DecisionRow): CoreError {
  return new CoreError(
    'DECISION_ISSUED',
    `Quyết định ${documentNumberText(row.number ?? 0, row.issuer)} đã ban hành nên không thể sửa hay xoá. Muốn thay đổi, hãy lập quyết định điều chỉnh mới.`,
    { id: row.id },
  );
}

const HEADER_SUMS = `SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN amount_dong > 0 THEN amount_dong END), 0) AS inc,
    COALESCE(SUM(CASE WHEN amount_dong < 0 THEN -amount_dong END), 0) AS dec FROM decision_line WHERE decision_id = ?`;

export function toHeader(db: Db, r: DecisionRow, sums?: { n: number; inc: number; dec: number }): DecisionHeader {
  const s = sums ?? (db.prepare(HEADER_SUMS).get(r.id) as { n: number; inc: number; dec: number });
  return {
    id: r.id,
    year: r.year,
    kind: r.kind,
    issuer: r.issuer,
    status: r.status,
    number: r.number,
    symbol: documentSymbol(r.issuer),
    numberText: r.number === null ? null : documentNumberText(r.number, r.issuer, r.normative ? r.number_year : null),
    normative: r.normative === 1,
    docDate: r.doc_date,
    summary: r.summary,
    basis: JSON.parse(r.basis_json) as string[],
    declaredTotalDong: r.declared_total_dong === null ? null : toDong(r.declared_total_dong),
    signerId: r.signer_id,
    signerName: r.signer_name,
    signerTitle: r.signer_title,
    predecessorId: r.predecessor_id,
    implementsId: r.implements_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    issuedAt: r.issued_at,
    lineCount: s.n,
    increaseDong: toDong(s.inc),
    decreaseDong: toDong(s.dec),
  };
}

export function getHeader(db: Db, id: number): DecisionHeader {
  return toHeader(db, getDecisionRow(db, id));
}

export function listHeaders(db: Db, filter: { year?: number; kind?: string; issuer?: string; status?: string }): DecisionHeader[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  for (const [column, value] of [
    ['d.year', filter.year],
    ['d.kind', filter.kind],
    ['d.issuer', filter.issuer],
    ['d.status', filter.status],
  ] as const) {
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const rows = db
    .prepare(
      `SELECT d.*, COUNT(l.id) AS n, COALESCE(SUM(CASE WHEN l.amount_dong > 0 THEN l.amount_dong END), 0) AS inc,
         COALESCE(SUM(CASE WHEN l.amount_dong < 0 THEN -l.amount_dong END), 0) AS dec
       FROM decision d LEFT JOIN decision_line l ON l.decision_id = d.id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY d.id
       ORDER BY d.year DESC, d.status DESC, COALESCE(d.doc_date, '9999') DESC, d.id DESC`,
    )
    .all(...params) as (DecisionRow & { n: number; inc: number; dec: number })[];
  return rows.map((r) => toHeader(db, r, r));
}

export function getLines(db: Db, decisionId: number): DecisionLine[] {
  return (db.prepare(`${LINE_VIEW} WHERE l.decision_id = ? ORDER BY l.position, l.id`).all(decisionId) as LineViewRow[]).map(toLine);
}

export function getLinesByIds(db: Db, ids: number[]): DecisionLine[] {
  if (ids.length === 0) return [];
  const found: DecisionLine[] = [];
  // Chunks keep the statement under SQLite's parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.prepare(`${LINE_VIEW} WHERE l.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as LineViewRow[];
    found.push(...rows.map(toLine));
  }
  return found.sort((a, b) => a.position - b.position || a.id - b.id);
}

export function getLineRecords(db: Db, decisionId: number): LineRecord[] {
  return db.prepare(`SELECT ${LINE_COLUMNS.join(', ')} FROM decision_line WHERE decision_id = ? ORDER BY position, id`).all(decisionId) as LineRecord[];
}

export function decisionTotals(db: Db, decisionId: number): DecisionTotals {
  const rows = db
    .prepare(
      `SELECT l.source_code AS sourceCode, l.capital_type AS capitalType, SUM(l.amount_dong) AS net,
         COALESCE(SUM(CASE WHEN l.amount_dong > 0 THEN l.amount_dong END), 0) AS inc,
         COALESCE(SUM(CASE WHEN l.amount_dong < 0 THEN -l.amount_dong END), 0) AS dec
       FROM decision_line l JOIN funding_source s ON s.code = l.source_code JOIN capital_type t ON t.code = l.capital_type
       WHERE l.decision_id = ? GROUP BY l.source_code, l.capital_type ORDER BY MIN(s.sort_order), MIN(t.sort_order)`,
    )
    .all(decisionId) as { sourceCode: string; capitalType: CapitalTypeCode; net: number; inc: number; dec: number }[];
  const bySourceCapital: SourceCapitalTotal[] = rows.map((r) => ({
    sourceCode: r.sourceCode,
    capitalType: r.capitalType,
    netDong: toDong(r.net),
    increaseDong: toDong(r.inc),
    decreaseDong: toDong(r.dec),
  }));
  const sum = (pick: (t: SourceCapitalTotal) => number) => toDong(bySourceCapital.reduce((acc, t) => acc + pick(t), 0));
  return { netDong: sum((t) => t.netDong), increaseDong: sum((t) => t.increaseDong), decreaseDong: sum((t) => t.decreaseDong), bySourceCapital };
}

export function getDocument(db: Db, id: number): DecisionDocument {
  const row = getDecisionRow(db, id);
  return { header: toHeader(db, row), lines: getLines(db, id), totals: decisionTotals(db, id), history: editHistory(db, row) };
}
