/**
 * The disbursement sheet of the exchange package (format 3): what the office recorded as disbursed in the package's
 * year, every cut-off as entered, with the codes that attribute it (component of its catalog period, project,
 * commune by dataset and code, source, capital type, origin year). Written by the export, read back by the history
 * import of a successor office.
 */
import type { DisbursementDataSource } from '../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { Db } from '../db/database';
import { cellText, DISBURSEMENT_SHEET, type DisbursementRecord } from './package-format';
import { rowsOf, type Problem, type UnitRef } from './package-parse';
import type { PackageSheets } from './package-read';

/** Part of format version 3: changing a word here needs a new format version. */
export const DATA_SOURCE_WORDS: Record<DisbursementDataSource, string> = { kbnn: 'KBNN', tu_bao_cao: 'Báo cáo' };
const CAPITAL_TYPES: Record<CapitalTypeCode, string> = { DTPT: 'DTPT', SN: 'SN' };

/** Every disbursement entry of a plan year, by cut-off then in catalog order. */
export function disbursementRecords(db: Db, year: number): DisbursementRecord[] {
  const rows = db
    .prepare(
      `SELECT d.cutoff_date, c.period_code, c.code AS component_code, c.name_vi AS component_name, p.code AS project_code,
         u.dataset AS commune_dataset, u.code AS commune_code, u.name_vi AS commune_name, d.source_code, d.capital_type,
         d.origin_year, d.cumulative_dong, d.recovery_dong, d.data_source, d.note
       FROM disbursement d JOIN component c ON c.id = d.component_id
       LEFT JOIN investment_project p ON p.id = d.project_id
       LEFT JOIN admin_unit u ON u.id = d.commune_unit_id
       WHERE d.year = ?
       ORDER BY d.cutoff_date, c.sort_order, c.code, p.code, u.code, d.source_code, d.capital_type, d.origin_year DESC, d.id`,
    )
    .all(year) as {
    cutoff_date: string;
    period_code: string;
    component_code: string;
    component_name: string;
    project_code: string | null;
    commune_dataset: string | null;
    commune_code: string | null;
    commune_name: string | null;
    source_code: string;
    capital_type: string;
    origin_year: number;
    cumulative_dong: number;
    recovery_dong: number;
    data_source: DisbursementDataSource;
    note: string;
  }[];
  return rows.map((r) => ({
    cutoffDate: r.cutoff_date,
    periodCode: cellText(r.period_code),
    componentCode: cellText(r.component_code),
    componentName: cellText(r.component_name),
    projectCode: cellText(r.project_code),
    communeDataset: cellText(r.commune_dataset),
    communeCode: cellText(r.commune_code),
    communeName: cellText(r.commune_name),
    sourceCode: cellText(r.source_code),
    capitalType: cellText(r.capital_type),
    originYear: r.origin_year,
    cumulativeDong: r.cumulative_dong,
    recoveryDong: r.recovery_dong,
    dataSource: DATA_SOURCE_WORDS[r.data_source],
    note: cellText(r.note),
  }));
}

export interface PackageDisbursement {
  cutoffDate: string;
  periodCode: string;
  componentCode: string;
  componentName: string;
  projectCode: string | null;
  commune: UnitRef | null;
  communeName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  cumulativeDong: number;
  recoveryDong: number;
  dataSource: DisbursementDataSource;
  note: string;
  cell: string;
}

/** The typed rows of the disbursement sheet (empty for a package before format 3) and the problems found. */
export function parseDisbursement(sheets: PackageSheets, problems: Problem[]): PackageDisbursement[] {
  return rowsOf(sheets, DISBURSEMENT_SHEET, problems).map((r) => {
    const dataset = r.optionalText('communeDataset');
    const code = r.optionalText('communeCode');
    if ((dataset === null) !== (code === null)) r.problem(dataset === null ? 'communeDataset' : 'communeCode', 'INVALID_INPUT', 'cần cả bộ mã và mã đơn vị hành chính.');
    return {
      cutoffDate: r.date('cutoffDate'),
      periodCode: r.requiredText('periodCode'),
      componentCode: r.requiredText('componentCode'),
      componentName: r.text('componentName'),
      projectCode: r.optionalText('projectCode'),
      commune: dataset !== null && code !== null ? { dataset, code } : null,
      communeName: r.text('communeName'),
      sourceCode: r.requiredText('sourceCode'),
      capitalType: r.word('capitalType', CAPITAL_TYPES, 'SN'),
      originYear: r.integer('originYear', 2000),
      cumulativeDong: r.integer('cumulativeDong', 0),
      recoveryDong: r.integer('recoveryDong', 0),
      dataSource: r.word('dataSource', DATA_SOURCE_WORDS, 'tu_bao_cao'),
      note: r.text('note'),
      cell: r.where,
    };
  });
}
