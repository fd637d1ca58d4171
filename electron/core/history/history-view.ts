/**
 * What a commune office holds of its former district's history: the packages, their issued decisions (read-only),
 * the old communes under the new one, and the money the district allocated to those communes that is still in
 * force in the history, with its deadline from the extension records and rule 13 (DeadlineBook), as of a date.
 */
import type { HistoryDecision, HistoryOpenMoney, HistoryView } from '../../../shared/api/history';
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { DECISION_KIND_LABELS, documentNumberText } from '../../../shared/domain/documents';
import { toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { DeadlineBook, warnDays } from '../disbursement/deadlines';
import { daysBetween } from '../disbursement/figures';
import { requireOffice } from '../office/office';
import { formerUnitsOf } from './former-units';

interface DecisionRow {
  package_id: number;
  district_name: string;
  kind: DecisionKind;
  issuer: DecisionIssuer;
  number: number;
  number_year: number;
  doc_date: string;
  summary: string;
  signer_name: string;
  line_count: number;
  increase: number;
  decrease: number;
}

interface OpenRow {
  origin_year: number;
  period_code: string;
  program_code: string;
  component_code: string;
  component_name: string;
  recipient_code: string;
  recipient_name: string;
  successor_code: string;
  project_code: string | null;
  source_code: string;
  capital_type: CapitalTypeCode;
  amount: number;
  decisions: string;
}

export function historyView(db: Db, asOf: string): HistoryView {
  const office = requireOffice(db);
  const packages = (
    db.prepare('SELECT id, district_code, district_name, office_name, year, file_name, sha256, imported_at FROM history_package ORDER BY year, id').all() as {
      id: number;
      district_code: string;
      district_name: string;
      office_name: string;
      year: number;
      file_name: string;
      sha256: string;
      imported_at: string;
    }[]
  ).map((p) => ({ id: p.id, districtCode: p.district_code, districtName: p.district_name, officeName: p.office_name, year: p.year, fileName: p.file_name, sha256: p.sha256, importedAt: p.imported_at }));

  const decisions: HistoryDecision[] = (
    db
      .prepare(
        `SELECT d.package_id, p.district_name, d.kind, d.issuer, d.number, d.number_year, d.doc_date, d.summary, d.signer_name,
           COUNT(l.id) AS line_count,
           COALESCE(SUM(CASE WHEN l.amount_dong > 0 THEN l.amount_dong END), 0) AS increase,
           COALESCE(SUM(CASE WHEN l.amount_dong < 0 THEN -l.amount_dong END), 0) AS decrease
         FROM history_decision d JOIN history_package p ON p.id = d.package_id LEFT JOIN history_line l ON l.decision_id = d.id
         GROUP BY d.id ORDER BY d.doc_date, d.issuer, d.number`,
      )
      .all() as DecisionRow[]
  ).map((d) => ({
    packageId: d.package_id,
    districtName: d.district_name,
    kind: d.kind,
    kindLabel: DECISION_KIND_LABELS[d.kind] ?? d.kind,
    issuer: d.issuer,
    numberText: documentNumberText(d.number, d.issuer),
    numberYear: d.number_year,
    docDate: d.doc_date,
    summary: d.summary,
    signerName: d.signer_name,
    lineCount: d.line_count,
    increaseDong: toDong(d.increase),
    decreaseDong: toDong(d.decrease),
    readOnly: true,
  }));

  const formerUnits = formerUnitsOf(db, office.districtCode).map((u) => ({ code: u.code, name: u.name, successorCode: u.successorCode, successorName: u.successorName }));

  // The signed changes of every issued decision of the history add up to what is in force per key.
  const rows = db
    .prepare(
      `SELECT l.origin_year, l.period_code, l.program_code, l.component_code, MAX(l.component_name) AS component_name, l.recipient_code,
         MAX(l.recipient_name) AS recipient_name, l.successor_code, l.project_code, l.source_code, l.capital_type,
         SUM(l.amount_dong) AS amount,
         group_concat(DISTINCT d.number || '|' || d.issuer) AS decisions
       FROM history_line l JOIN history_decision d ON d.id = l.decision_id
       WHERE l.successor_code = ?
       GROUP BY l.origin_year, l.period_code, l.program_code, l.component_code, l.recipient_code, l.successor_code, l.project_code, l.source_code, l.capital_type
       HAVING SUM(l.amount_dong) > 0
       ORDER BY l.origin_year, l.program_code, l.component_code, l.recipient_code`,
    )
    .all(office.districtCode) as OpenRow[];
  const book = new DeadlineBook(db);
  const days = warnDays(db);
  const projectId = db.prepare('SELECT id FROM investment_project WHERE code = ?');
  const reassigned = db.prepare(
    `SELECT COALESCE(SUM(a.amount_dong), 0) AS n FROM assignment a JOIN component c ON c.id = a.component_id
     WHERE c.code = ? AND c.period_code = ? AND a.source_code = ? AND a.capital_type = ? AND a.origin_year = ?`,
  );
  const open: HistoryOpenMoney[] = rows.map((r) => {
    const pid = r.project_code ? ((projectId.get(r.project_code) as { id: number } | undefined)?.id ?? null) : null;
    const info = book.of({ originYear: r.origin_year, programCode: r.program_code, sourceCode: r.source_code, capitalType: r.capital_type, projectId: pid });
    const daysLeft = daysBetween(asOf, info.deadline);
    return {
      originYear: r.origin_year,
      programCode: r.program_code,
      componentCode: r.component_code,
      componentName: r.component_name,
      formerUnitCode: r.recipient_code,
      formerUnitName: r.recipient_name,
      successorName: formerUnits.find((u) => u.code === r.recipient_code)?.successorName ?? office.districtName,
      projectCode: r.project_code,
      sourceCode: r.source_code,
      capitalType: r.capital_type,
      allocatedDong: toDong(r.amount),
      reassignedDong: toDong((reassigned.get(r.component_code, r.period_code, r.source_code, r.capital_type, r.origin_year) as { n: number }).n),
      deadline: info.deadline,
      deadlineBasis: info.basis,
      daysLeft,
      status: daysLeft < 0 ? 'qua_han' : daysLeft <= days ? 'sap_het_han' : 'con_han',
      decisions: r.decisions.split(',').map((s) => {
        const [n, issuer] = s.split('|');
        return documentNumberText(Number(n), issuer as DecisionIssuer);
      }),
    };
  });
  return { asOf, packages, decisions, formerUnits, open, openTotalDong: toDong(open.reduce((s, o) => s + o.allocatedDong, 0)) };
}
