/** Stage: what the statement says about itself — the cut-off date, the money unit, the plan year — and which columns it lacks. */
import { KBNN_ROLE_LABELS } from '../../../../shared/api/disbursement';
import { cellAddress } from '../../../../shared/format/cell-address';
import { isValidIsoDate } from '../../../../shared/format/date';
import { todayInVietnam } from '../../../../shared/format/today';
import type { MoneyUnit } from '../../../../shared/money/dong';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { ReadSheet } from '../../excel/workbook-reader';
import { unitInText } from '../../import/title';
import type { KbnnReport } from './report';
import type { ColumnOf, StatementHeader } from './statement-header';

const VI_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;

/** The first dd/mm/yyyy in a text as an ISO date, when it is a real date. */
export function isoOf(text: string): string | null {
  const m = VI_DATE.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** The unit a folded title names: "Đơn vị tính: triệu đồng", or a bare "Đơn vị: nghìn". */
export function unitOf(folded: string): MoneyUnit | null {
  const named = unitInText(folded);
  if (named) return named;
  const m = /don vi\s*[:.]\s*(trieu|nghin|ngan|dong)/.exec(folded);
  return m ? (m[1] === 'trieu' ? 'trieu' : m[1] === 'dong' ? 'dong' : 'nghin') : null;
}

export interface StatementFacts {
  cutoffDate: string | null;
  unit: MoneyUnit;
  year: number;
}

/** What the officer chose on import, which wins over what the file says. */
export interface ChosenFacts {
  cutoffDate?: string | undefined;
  year?: number | undefined;
  unit?: MoneyUnit | undefined;
}

/**
 * The cut-off: chosen, else the cumulative column's header ("Lũy kế đến 30/06/2024"), the title block, any header.
 * The unit: chosen, else the title's, else đồng. The year: chosen, else the cut-off's (today's without one).
 */
export function readStatementFacts(sheet: ReadSheet, header: Pick<StatementHeader, 'row' | 'texts'>, colOf: ColumnOf, chosen: ChosenFacts, report: KbnnReport): StatementFacts {
  const titleText = Array.from({ length: header.row - 1 }, (_, i) => [...(sheet.rows.get(i + 1)?.values() ?? [])].map((c) => c.text).join(' ')).join(' ');
  const cumulativeCol = colOf('cumulative');
  const cutoffDate = chosen.cutoffDate ?? isoOf(cumulativeCol ? header.texts.get(cumulativeCol) ?? '' : '') ?? isoOf(titleText) ?? isoOf([...header.texts.values()].join(' '));
  const unit: MoneyUnit = chosen.unit ?? unitOf(foldVietnamese(titleText)) ?? 'dong';
  if (!cutoffDate && cumulativeCol !== null) {
    report('E', 'KBNN_NO_CUTOFF', cumulativeCol ? cellAddress(header.row, cumulativeCol) : null, 'Không thấy ngày chốt số liệu ("Lũy kế giải ngân đến ngày dd/mm/yyyy") ở tiêu đề; chọn ngày chốt số liệu khi nhập tệp.');
  }
  const year = chosen.year ?? Number((cutoffDate ?? todayInVietnam()).slice(0, 4));
  return { cutoffDate, unit, year };
}

/** The cumulative and the project (code or name) are needed; without a source column every row is NSTW. */
export function flagMissingColumns(colOf: ColumnOf, report: KbnnReport): void {
  if (colOf('cumulative') === null) report('E', 'KBNN_MISSING_COLUMN', null, `Thiếu cột "${KBNN_ROLE_LABELS.cumulative}"; chọn cột đó ở phần ghép cột.`);
  if (colOf('projectCode') === null && colOf('name') === null) report('E', 'KBNN_MISSING_COLUMN', null, 'Thiếu cột mã dự án hoặc tên dự án, nội dung; chọn một trong hai ở phần ghép cột.');
  if (colOf('source') === null) report('W', 'KBNN_DEFAULT_SOURCE', null, 'Tệp không có cột nguồn vốn: các dòng được hiểu là ngân sách trung ương (NSTW).');
}
