/**
 * What a commune office holds of its former district's history: the packages, their issued decisions (read-only),
 * the old communes under the new one, and per key of those communes the money allocated, disbursed and still open
 * (open-money.ts), with its deadline from the extension records and rule 13 (DeadlineBook), as of a date.
 */
import type { HistoryDecision, HistoryOpenMoney, HistoryView } from '../../../shared/api/history';
import type { DecisionIssuer, DecisionKind } from '../../../shared/api/decisions';
import { DECISION_KIND_LABELS, documentNumberText } from '../../../shared/domain/documents';
import { toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { DeadlineBook, warnDays } from '../disbursement/deadlines';
import { daysBetween } from '../disbursement/figures';
import { requireOffice } from '../office/office';
import { formerUnitsOf } from './former-units';
import { openMoney } from './open-money';

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

export function historyView(db: Db, asOf: string): HistoryView {
  const office = requireOffice(db);
  const packages = (
    db.prepare('SELECT id, district_code, district_name, office_name, year, file_name, sha256, imported_at, carries_disbursement FROM history_package ORDER BY year, id').all() as {
      id: number;
      district_code: string;
      district_name: string;
      office_name: string;
      year: number;
      file_name: string;
      sha256: string;
      imported_at: string;
      carries_disbursement: number;
    }[]
  ).map((p) => ({
    id: p.id,
    districtCode: p.district_code,
    districtName: p.district_name,
    officeName: p.office_name,
    year: p.year,
    fileName: p.file_name,
    sha256: p.sha256,
    importedAt: p.imported_at,
    carriesDisbursement: p.carries_disbursement === 1,
  }));

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

  const rows = openMoney(db, office.districtCode, asOf);
  const book = new DeadlineBook(db);
  const days = warnDays(db);
  const projectId = db.prepare('SELECT id FROM investment_project WHERE code = ?');
  const reassigned = db.prepare(
    `SELECT COALESCE(SUM(a.amount_dong), 0) AS n FROM assignment a JOIN component c ON c.id = a.component_id
     WHERE c.code = ? AND c.period_code = ? AND a.source_code = ? AND a.capital_type = ? AND a.origin_year = ?`,
  );
  const open: HistoryOpenMoney[] = rows.map((r) => {
    const pid = r.projectCode ? ((projectId.get(r.projectCode) as { id: number } | undefined)?.id ?? null) : null;
    const info = book.of({ originYear: r.originYear, programCode: r.programCode, sourceCode: r.sourceCode, capitalType: r.capitalType, projectId: pid });
    const daysLeft = daysBetween(asOf, info.deadline);
    return {
      originYear: r.originYear,
      programCode: r.programCode,
      componentCode: r.componentCode,
      componentName: r.componentName,
      formerUnitCode: r.formerUnitCode,
      formerUnitName: r.formerUnitName,
      successorName: formerUnits.find((u) => u.code === r.formerUnitCode)?.successorName ?? office.districtName,
      projectCode: r.projectCode,
      sourceCode: r.sourceCode,
      capitalType: r.capitalType,
      allocatedDong: toDong(r.allocatedDong),
      disbursedDong: toDong(r.disbursedDong),
      disbursedCutoff: r.disbursedCutoff,
      openDong: toDong(r.openDong),
      overDisbursedDong: toDong(r.overDisbursedDong),
      disbursementKnown: r.disbursementKnown,
      reassignedDong: toDong((reassigned.get(r.componentCode, r.periodCode, r.sourceCode, r.capitalType, r.originYear) as { n: number }).n),
      deadline: info.deadline,
      deadlineBasis: info.basis,
      daysLeft,
      // Rule 13 follows the money still open: a key fully disbursed carries no deadline warning.
      status: r.openDong === 0 ? 'da_giai_ngan_het' : daysLeft < 0 ? 'qua_han' : daysLeft <= days ? 'sap_het_han' : 'con_han',
      decisions: r.decisionRefs.map((s) => {
        const [n, issuer] = s.split('|');
        return documentNumberText(Number(n), issuer as DecisionIssuer);
      }),
    };
  });
  const sum = (pick: (o: HistoryOpenMoney) => number) => toDong(open.reduce((s, o) => s + pick(o), 0));
  const without = packages.filter((p) => !p.carriesDisbursement);
  const disbursementNote =
    without.length === 0
      ? null
      : `${without.map((p) => `Gói năm ${p.year} của ${p.districtName} (tệp "${p.fileName}")`).join('; ')} không mang số giải ngân của huyện (gói tạo trước định dạng 3): số còn phải giải ngân của các dòng từ ${without.length > 1 ? 'các gói' : 'gói'} đó là số huyện đã phân bổ, chưa trừ số đã giải ngân. Hãy xin huyện cũ (hoặc nơi giữ sổ của huyện) xuất lại gói bằng phiên bản mới rồi nhập lại.`;
  return { asOf, packages, decisions, formerUnits, open, allocatedTotalDong: sum((o) => o.allocatedDong), disbursedTotalDong: sum((o) => o.disbursedDong), openTotalDong: sum((o) => o.openDong), disbursementNote };
}
