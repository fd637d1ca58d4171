/**
 * Export of the exchange package ("gói trao đổi") of a year: readable sheets of the assignments, the issued
 * decisions and their lines, the projects and organizations those lines use, the disbursement recorded (format 3),
 * plus a very hidden manifest holding the format, the office, the year, the row counts and the SHA-256 of the data.
 */
import ExcelJS from 'exceljs';
import type { PackageExport } from '../../../shared/api/exchange';
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import type { ProjectStatus } from '../../../shared/api/registers';
import { formatAmount, toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { recipientOf } from '../decisions/store';
import { CoreError } from '../errors';
import { requireOffice } from '../office/office';
import { recordExchange } from './exchange-log';
import { disbursementRecords } from './package-disbursement';
import {
  ASSIGNMENT_SHEET,
  DISBURSEMENT_SHEET,
  sheetsOfVersion,
  WORDING_SHEET,
  DECISION_SHEET,
  LINE_SHEET,
  MANIFEST_KEYS,
  ORGANIZATION_SHEET,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_KIND,
  PROJECT_SHEET,
  cellText,
  decisionRef,
  packageHash,
  toRow,
  type AssignmentRecord,
  type DecisionRecord,
  type LineRecordRow,
  type OrganizationRecord,
  type PackageGrid,
  type PackageIdentity,
  type ProjectRecord,
} from './package-format';
import { ISSUER_WORDS, KIND_WORDS, ORGANIZATION_KIND_WORDS, PROJECT_STATUS_WORDS, UNIT_RECIPIENT_WORDS, YES_NO_WORDS } from './package-labels';
import { wordingRecords } from './package-wording';
import { writeDataSheet, writeManifest } from './package-sheets';

export interface PackageContents {
  identity: PackageIdentity;
  officeName: string;
  districtName: string;
  grid: PackageGrid;
  assignmentCount: number;
  decisionCount: number;
  lineCount: number;
  assignedDong: number;
  /** Disbursement entries of the year (every cut-off). */
  disbursementCount: number;
}

interface DecisionRow {
  id: number;
  kind: DecisionKind;
  issuer: DecisionIssuer;
  number: number;
  number_year: number;
  doc_date: string;
  summary: string;
  basis_json: string;
  declared_total_dong: number | null;
  signer_name: string;
  signer_title: string | null;
  predecessor_id: number | null;
  implements_id: number | null;
  issued_at: string | null;
  issued_by: string | null;
}

interface LineRow {
  decision_id: number;
  position: number;
  component_code: string;
  component_name: string;
  period_code: string;
  recipient_unit_id: number | null;
  recipient_org_id: number | null;
  unit_dataset: string | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_level: string | null;
  org_kind: 'unit' | 'investor' | null;
  org_name: string | null;
  project_id: number | null;
  project_code: string | null;
  source_code: string;
  capital_type: string;
  origin_year: number;
  amount_dong: number;
  before_dong: number | null;
  reason_code: string | null;
  note: string;
}

function assignmentRecords(db: Db, year: number): AssignmentRecord[] {
  // The order of the assignment sheet on screen, so an import inserts (and lists) them the same way.
  const rows = db
    .prepare(
      `SELECT a.*, c.code AS component_code, c.name_vi AS component_name, c.period_code, c.program_code,
         COALESCE(pr.name_vi, c.program_code) AS program_name
       FROM assignment a JOIN component c ON c.id = a.component_id
       LEFT JOIN component pr ON pr.period_code = c.period_code AND pr.code = c.program_code
       JOIN funding_source s ON s.code = a.source_code JOIN capital_type t ON t.code = a.capital_type
       WHERE a.year = ?
       ORDER BY COALESCE(pr.sort_order, c.sort_order), c.sort_order, s.sort_order, t.sort_order, a.origin_year DESC, a.id`,
    )
    .all(year) as {
    program_code: string;
    program_name: string;
    period_code: string;
    component_code: string;
    component_name: string;
    source_code: string;
    capital_type: string;
    origin_year: number;
    amount_dong: number;
    basis_number: string;
    basis_date: string | null;
    basis_issuer: string;
    note: string;
  }[];
  return rows.map((r) => ({
    programCode: cellText(r.program_code),
    programName: cellText(r.program_name),
    periodCode: cellText(r.period_code),
    componentCode: cellText(r.component_code),
    componentName: cellText(r.component_name),
    sourceCode: cellText(r.source_code),
    capitalType: cellText(r.capital_type),
    originYear: r.origin_year,
    amountDong: r.amount_dong,
    basisNumber: cellText(r.basis_number),
    basisDate: r.basis_date,
    basisIssuer: cellText(r.basis_issuer),
    note: cellText(r.note),
  }));
}

/** Basis items one per line; a line break inside an item would split it, so it becomes a space. */
function basisCell(basisJson: string): string | null {
  const items = JSON.parse(basisJson) as string[];
  return cellText(items.map((item) => item.replace(/\s*[\r\n]+\s*/g, ' ')).join('\n'));
}

function decisionRecords(db: Db, decisions: DecisionRow[]): DecisionRecord[] {
  const predecessor = db.prepare("SELECT issuer, number, number_year FROM decision WHERE id = ? AND status = 'issued'");
  return decisions.map((d) => {
    const p = d.predecessor_id === null ? undefined : (predecessor.get(d.predecessor_id) as { issuer: DecisionIssuer; number: number; number_year: number } | undefined);
    const i = d.implements_id === null ? undefined : (predecessor.get(d.implements_id) as { issuer: DecisionIssuer; number: number; number_year: number } | undefined);
    return {
      ref: decisionRef(d.issuer, d.number, d.number_year),
      kind: KIND_WORDS[d.kind],
      issuer: ISSUER_WORDS[d.issuer],
      number: d.number,
      numberYear: d.number_year,
      docDate: d.doc_date,
      summary: cellText(d.summary),
      basis: basisCell(d.basis_json),
      declaredTotalDong: d.declared_total_dong,
      signerName: cellText(d.signer_name),
      signerTitle: cellText(d.signer_title),
      predecessorRef: p ? decisionRef(p.issuer, p.number, p.number_year) : null,
      implementsRef: i ? decisionRef(i.issuer, i.number, i.number_year) : null,
      issuedAt: cellText(d.issued_at),
      issuedBy: cellText(d.issued_by),
    };
  });
}

function lineRows(db: Db, decisionId: number): LineRow[] {
  return db
    .prepare(
      `SELECT l.*, c.code AS component_code, c.name_vi AS component_name, c.period_code,
         u.dataset AS unit_dataset, u.code AS unit_code, u.name_vi AS unit_name, u.level AS unit_level,
         o.kind AS org_kind, o.name AS org_name, p.code AS project_code
       FROM decision_line l JOIN component c ON c.id = l.component_id
       LEFT JOIN admin_unit u ON u.id = l.recipient_unit_id
       LEFT JOIN organization o ON o.id = l.recipient_org_id
       LEFT JOIN investment_project p ON p.id = l.project_id
       WHERE l.decision_id = ? ORDER BY l.position, l.id`,
    )
    .all(decisionId) as LineRow[];
}

function lineRecord(ref: string, l: LineRow, orgRefs: Map<number, string>): LineRecordRow {
  const recipient = recipientOf(l);
  const org = l.recipient_org_id === null ? null : orgRefs.get(l.recipient_org_id)!;
  const unitKind = l.recipient_unit_id === null ? null : recipient.kind === 'district' ? UNIT_RECIPIENT_WORDS.district : UNIT_RECIPIENT_WORDS.commune;
  return {
    decisionRef: ref,
    position: l.position,
    periodCode: cellText(l.period_code),
    componentCode: cellText(l.component_code),
    componentName: cellText(l.component_name),
    recipientKind: org !== null ? ORGANIZATION_KIND_WORDS[l.org_kind ?? 'unit'] : unitKind,
    recipientDataset: org !== null ? null : cellText(l.unit_dataset),
    recipientCode: org ?? cellText(l.unit_code),
    recipientName: cellText(l.recipient_unit_id === null && l.recipient_org_id === null ? null : recipient.name),
    projectCode: cellText(l.project_code),
    sourceCode: cellText(l.source_code),
    capitalType: cellText(l.capital_type),
    originYear: l.origin_year,
    amountDong: l.amount_dong,
    beforeDong: l.before_dong,
    reasonCode: cellText(l.reason_code),
    note: cellText(l.note),
  };
}

const idList = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);

function projectRows(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT p.*, u.dataset AS commune_dataset, u.code AS commune_code FROM investment_project p
       LEFT JOIN admin_unit u ON u.id = p.commune_unit_id WHERE p.id IN (${ids.join(',')}) ORDER BY p.code`,
    )
    .all() as {
    code: string;
    name: string;
    commune_dataset: string | null;
    commune_code: string | null;
    investor_org_id: number | null;
    total_investment_dong: number;
    approval_number: string;
    approval_date: string | null;
    special_mechanism: number;
    status: ProjectStatus;
    note: string;
  }[];
}

/** Reads everything the package of a year holds, in one synchronous pass over the database. */
export function collectPackage(db: Db, year: number): PackageContents {
  const office = requireOffice(db);
  const assignments = assignmentRecords(db, year);
  const decisions = db
    .prepare("SELECT * FROM decision WHERE year = ? AND status = 'issued' ORDER BY doc_date, issued_at, id")
    .all(year) as DecisionRow[];
  const linesByDecision = decisions.map((d) => lineRows(db, d.id));
  const allLines = linesByDecision.flat();
  const projects = projectRows(db, idList(allLines.flatMap((l) => (l.project_id === null ? [] : [l.project_id]))));
  const orgIds = idList([...allLines.flatMap((l) => (l.recipient_org_id === null ? [] : [l.recipient_org_id])), ...projects.flatMap((p) => (p.investor_org_id === null ? [] : [p.investor_org_id]))]);
  const orgs = orgIds.length
    ? (db.prepare(`SELECT * FROM organization WHERE id IN (${orgIds.join(',')}) ORDER BY id`).all() as { id: number; kind: 'unit' | 'investor'; name: string; valid_from: string | null; valid_to: string | null; note: string }[])
    : [];
  const orgRefs = new Map(orgs.map((o, i) => [o.id, `TC-${String(i + 1).padStart(2, '0')}`]));

  const decisionRecs = decisionRecords(db, decisions);
  const lineRecs = decisions.flatMap((_, i) => linesByDecision[i]!.map((l) => lineRecord(decisionRecs[i]!.ref as string, l, orgRefs)));
  const projectRecs: ProjectRecord[] = projects.map((p) => ({
    code: cellText(p.code),
    name: cellText(p.name),
    communeDataset: cellText(p.commune_dataset),
    communeCode: cellText(p.commune_code),
    investorRef: p.investor_org_id === null ? null : orgRefs.get(p.investor_org_id)!,
    totalInvestmentDong: p.total_investment_dong,
    approvalNumber: cellText(p.approval_number),
    approvalDate: p.approval_date,
    specialMechanism: p.special_mechanism === 1 ? YES_NO_WORDS.yes : YES_NO_WORDS.no,
    status: PROJECT_STATUS_WORDS[p.status],
    note: cellText(p.note),
  }));
  const disbursementRecs = disbursementRecords(db, year);
  const orgRecs: OrganizationRecord[] = orgs.map((o) => ({
    ref: orgRefs.get(o.id)!,
    kind: ORGANIZATION_KIND_WORDS[o.kind],
    name: cellText(o.name),
    validFrom: o.valid_from,
    validTo: o.valid_to,
    note: cellText(o.note),
  }));
  return {
    identity: { districtCode: office.districtCode, year },
    officeName: office.name,
    districtName: office.districtName,
    grid: {
      [ASSIGNMENT_SHEET.name]: assignments.map((r) => toRow(ASSIGNMENT_SHEET, r)),
      [DECISION_SHEET.name]: decisionRecs.map((r) => toRow(DECISION_SHEET, r)),
      [LINE_SHEET.name]: lineRecs.map((r) => toRow(LINE_SHEET, r)),
      [PROJECT_SHEET.name]: projectRecs.map((r) => toRow(PROJECT_SHEET, r)),
      [ORGANIZATION_SHEET.name]: orgRecs.map((r) => toRow(ORGANIZATION_SHEET, r)),
      [WORDING_SHEET.name]: wordingRecords(db, decisions, decisionRecs).map((r) => toRow(WORDING_SHEET, r)),
      [DISBURSEMENT_SHEET.name]: disbursementRecs.map((r) => toRow(DISBURSEMENT_SHEET, r)),
    },
    assignmentCount: assignments.length,
    decisionCount: decisions.length,
    lineCount: lineRecs.length,
    assignedDong: assignments.reduce((sum, a) => sum + (a.amountDong as number), 0),
    disbursementCount: disbursementRecs.length,
  };
}

/** The workbook of a package: the data sheets, then the very hidden manifest. */
export async function packageWorkbook(contents: PackageContents, sha256: string, createdAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ vốn MTQG';
  const { year } = contents.identity;
  const note = `${contents.officeName} — gói trao đổi dữ liệu năm ${year}. Không sửa số liệu trên các trang này: khi nhập, tệp được kiểm tra toàn vẹn và mọi chỉnh sửa đều bị từ chối.`;
  for (const sheet of sheetsOfVersion(PACKAGE_FORMAT_VERSION)) writeDataSheet(wb, sheet, contents.grid[sheet.name] ?? [], `${sheet.title} NĂM ${year} — ${contents.districtName.toUpperCase()}`, note);
  writeManifest(wb, [
    [MANIFEST_KEYS.format, PACKAGE_FORMAT],
    [MANIFEST_KEYS.version, PACKAGE_FORMAT_VERSION],
    [MANIFEST_KEYS.districtCode, contents.identity.districtCode],
    [MANIFEST_KEYS.officeName, contents.officeName],
    [MANIFEST_KEYS.year, year],
    [MANIFEST_KEYS.kind, PACKAGE_KIND],
    [MANIFEST_KEYS.createdAt, createdAt],
    ...sheetsOfVersion(PACKAGE_FORMAT_VERSION).map((s): [string, number] => [`${MANIFEST_KEYS.rowsPrefix}${s.name}`, (contents.grid[s.name] ?? []).length]),
    [MANIFEST_KEYS.sha256, sha256],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function packageFileName(districtCode: string, year: number): string {
  return `goi-trao-doi-${districtCode}-nam-${year}.xlsx`;
}

/** Exports the package of a year and records the export in the exchange history. */
export async function exportPackage(ctx: CoreContext, year: number): Promise<PackageExport> {
  const contents = collectPackage(ctx.db, year);
  if (contents.assignmentCount === 0 && contents.decisionCount === 0) {
    throw new CoreError('NOT_FOUND', `Năm ${year} chưa có vốn được giao hay quyết định đã ban hành nào nên không có gì để xuất. Hãy chọn năm đã có số liệu.`, { year });
  }
  const sha256 = packageHash(contents.identity, contents.grid);
  const createdAt = ctx.now();
  const buffer = await packageWorkbook(contents, sha256, createdAt);
  const fileName = packageFileName(contents.identity.districtCode, year);
  ctx.db.transaction(() =>
    recordExchange(ctx, 'exchange.exportPackage', {
      direction: 'export',
      kind: 'package',
      fileName,
      sha256,
      year,
      lineCount: contents.assignmentCount,
      totalDong: contents.assignedDong,
      result: 'exported',
      message: `Xuất gói năm ${year}: ${contents.assignmentCount} dòng vốn được giao (${formatAmount(toDong(contents.assignedDong), 'dong')} đồng), ${contents.decisionCount} quyết định đã ban hành (${contents.lineCount} dòng), ${contents.disbursementCount} dòng số giải ngân.`,
    }),
  )();
  return { fileName, base64: buffer.toString('base64'), sha256 };
}
