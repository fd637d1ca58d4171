/** Stage: the rows of the table, from under the header to the signature block or a long run of empty rows. */
import type { ImportColumn } from '../../../../shared/api/import';
import { columnNumber } from '../../../../shared/format/cell-address';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { HeaderBlock } from '../header';
import type { SheetText } from '../sheet-text';

export interface DataRow {
  row: number;
  stt: string;
  name: string;
  /** The name folded once here and reused: folding ran three times per row of a 50,000-row file. */
  folded: string;
}

// The signature block, or the place-and-date line above it ("Lạng Sơn, ngày 15 tháng 12 năm 2023").
const FOOTER = /^(nguoi lap( bieu)?|ghi chu\s*:|ke toan|thu truong|tm\.?\s|kt\.?\s|chu tich|giam doc|noi nhan|[^,]{2,40},\s*ngay\b.*\bthang\b)/;
const MAX_EMPTY_RUN = 20;

/** Rows with a name, an STT or a value in a checked column; rows with none of these are skipped. */
export function collectDataRows(text: SheetText, header: Pick<HeaderBlock, 'firstDataRow' | 'nameCol' | 'sttCol'>, checkedCols: ImportColumn[]): DataRow[] {
  const { sheet } = text;
  const dataRows: DataRow[] = [];
  let emptyRun = 0;
  for (let r = header.firstDataRow; r <= sheet.maxRow; r++) {
    const cells = sheet.rows.get(r);
    if (!cells || cells.size === 0) {
      if (++emptyRun > MAX_EMPTY_RUN && dataRows.length > 0) break;
      continue;
    }
    emptyRun = 0;
    const name = text.own(r, header.nameCol)?.text.replace(/\s+/g, ' ').trim() ?? '';
    const stt = text.own(r, header.sttCol)?.text.trim() ?? '';
    const folded = foldVietnamese(name);
    if (dataRows.length > 0 && FOOTER.test(name ? folded : foldVietnamese(stt || text.rowText(r)))) break;
    if (!name && !stt && !checkedCols.some((c) => text.own(r, columnNumber(c.col)))) continue;
    dataRows.push({ row: r, stt, name, folded });
  }
  return dataRows;
}
