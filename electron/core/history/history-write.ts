/**
 * Writing a package's decision lines and disbursement into the history tables (inside the import's transaction):
 * each recipient commune mapped to the commune/ward of 1/7/2025 it became when it is one of this office's former
 * communes. Both return how many rows were of those former communes.
 */
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import type { PackageDisbursement } from '../exchange/package-disbursement';
import { DECISION_SHEET, type LineRecordRow } from '../exchange/package-format';
import type { PackageLine } from '../exchange/package-parse';
import type { FormerUnit } from './former-units';

/** The program of a component in its catalog period. */
export type ProgramOf = (periodCode: string, componentCode: string) => string;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function writeHistoryLines(db: Db, lines: PackageLine[], rawRows: LineRecordRow[], decisionIds: Map<string, number>, successorOf: Map<string, FormerUnit>, program: ProgramOf): number {
  const insertLine = db.prepare(
    `INSERT INTO history_line (decision_id, position, period_code, program_code, component_code, component_name, recipient_kind, recipient_dataset, recipient_code, recipient_name, successor_code, project_code, source_code, capital_type, origin_year, amount_dong, before_dong, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let ours = 0;
  lines.forEach((l, i) => {
    // Names as the district wrote them (the typed rows keep codes; the sheet rows keep the names, row for row).
    const raw = rawRows[i]!;
    const unit = l.recipient && 'unit' in l.recipient ? l.recipient.unit : null;
    const successor = unit ? successorOf.get(`${unit.dataset}|${unit.code}`) : undefined;
    if (successor) ours++;
    const decisionId = decisionIds.get(l.decisionRef);
    if (decisionId === undefined) throw new CoreError('PACKAGE_INVALID', `Ô ${l.cell}: dòng thuộc quyết định "${l.decisionRef}" không có trong trang "${DECISION_SHEET.name}". Không có gì được ghi.`);
    insertLine.run(
      decisionId,
      l.position,
      l.periodCode,
      program(l.periodCode, l.componentCode),
      l.componentCode,
      text(raw.componentName),
      text(raw.recipientKind),
      unit?.dataset ?? null,
      unit?.code ?? null,
      text(raw.recipientName),
      successor?.successorCode ?? null,
      l.projectCode,
      l.sourceCode,
      l.capitalType,
      l.originYear,
      l.amountDong,
      l.beforeDong,
      l.note,
    );
  });
  return ours;
}

/** The district's disbursement of the package's plan year, every cut-off as it recorded it. */
export function writeHistoryDisbursement(db: Db, packageId: number, planYear: number, entries: PackageDisbursement[], successorOf: Map<string, FormerUnit>, program: ProgramOf): number {
  const insert = db.prepare(
    `INSERT INTO history_disbursement (package_id, plan_year, cutoff_date, period_code, program_code, component_code, component_name, project_code, commune_dataset, commune_code, commune_name, successor_code, source_code, capital_type, origin_year, cumulative_dong, recovery_dong, data_source, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let ours = 0;
  for (const e of entries) {
    const successor = e.commune ? successorOf.get(`${e.commune.dataset}|${e.commune.code}`) : undefined;
    if (successor) ours++;
    insert.run(
      packageId,
      planYear,
      e.cutoffDate,
      e.periodCode,
      program(e.periodCode, e.componentCode),
      e.componentCode,
      e.componentName,
      e.projectCode,
      e.commune?.dataset ?? null,
      e.commune?.code ?? null,
      e.communeName,
      successor?.successorCode ?? null,
      e.sourceCode,
      e.capitalType,
      e.originYear,
      e.cumulativeDong,
      e.recoveryDong,
      e.dataSource,
      e.note,
    );
  }
  return ours;
}
