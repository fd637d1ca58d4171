/**
 * Stage: which rows are detail lines (counted rows with money and nothing counted under them), and what is wrong
 * with them: a row the catalog does not know, a negative amount, the same row twice, a hidden row with money.
 */
import type { ImportColumn, ImportRow } from '../../../../shared/api/import';
import { inTrieu } from '../arithmetic';
import type { Report } from './report';
import type { RowView } from './row-view';

export interface DetailContext {
  view: RowView;
  amountCols: ImportColumn[];
  /** The letter of the name column, for the address of a row's findings. */
  nameCol: string;
  /** Each row's folded name, to tell the same row written twice. */
  foldedName: Map<number, string>;
  year: number | null;
}

/** Sets `detail` on the detail rows. */
export function markDetailRows(rows: Map<number, ImportRow>, ctx: DetailContext, report: Report): void {
  const { view, amountCols } = ctx;
  const seen = new Map<string, number>();
  for (const row of rows.values()) {
    if (!view.live(row) || view.liveChildren(row).length > 0 || !view.hasMoney(row)) continue;
    const address = `${ctx.nameCol}${row.row}`;
    if (row.kind === 'unmatched' || row.kind === 'district') {
      report({
        severity: 'E',
        rule: '25',
        code: 'IMPORT_UNMATCHED_ROW',
        cell: address,
        message: `Dòng ${row.row} "${row.name.slice(0, 80)}": không nhận ra thuộc chương trình, dự án nào trong danh mục năm ${ctx.year ?? ''}. Hãy chọn hợp phần cho dòng này (hoặc đánh dấu bỏ qua) ở màn hình xem trước.`,
      });
      continue;
    }
    row.detail = true;
    // The book holds no negative assignment (the database refuses one): say so at the cell, before a commit fails.
    for (const col of amountCols) {
      const amount = row.amounts[col.col] ?? 0;
      if (amount >= 0) continue;
      const cell = `${col.col}${row.row}`;
      report({ severity: 'E', rule: 'doc', code: 'IMPORT_NEGATIVE_AMOUNT', cell, message: `Ô ${cell} (${col.label || col.col}): số tiền âm (${inTrieu(amount)}); vốn được giao không thể âm. Hãy sửa ô này trong tệp.` });
    }
    const dupKey = `${row.parentRow}|${row.stt}|${ctx.foldedName.get(row.row)!}`;
    const earlier = seen.get(dupKey);
    if (earlier !== undefined) {
      report({ severity: 'E', rule: '25', code: 'IMPORT_DUPLICATE_ROW', cell: address, message: `Dòng ${row.row} trùng với dòng ${earlier} ("${row.name.slice(0, 80)}", cùng STT ${row.stt || '(trống)'}). Hãy xoá một dòng trong tệp.` });
    } else seen.set(dupKey, row.row);
    if (row.hidden) report({ severity: 'W', rule: 'doc', code: 'IMPORT_HIDDEN_ROW', cell: address, message: `Dòng ${row.row} đang bị ẩn trong tệp nhưng có số liệu; dòng vẫn được tính.` });
  }
}

/** Stage: a counted component matched with less than high confidence asks the officer to confirm (low: an error). */
export function flagUnsureMatches(rows: Map<number, ImportRow>, view: RowView, nameCol: string, report: Report): void {
  for (const row of rows.values()) {
    if (row.kind !== 'component' || row.confidence === 'high' || !view.live(row)) continue;
    report({
      severity: row.confidence === 'low' ? 'E' : 'W',
      rule: '25',
      code: 'IMPORT_UNSURE_MATCH',
      cell: `${nameCol}${row.row}`,
      message: `Dòng ${row.row} "${row.name.slice(0, 80)}" được hiểu là ${row.componentCode} "${row.componentName}" (độ tin cậy ${row.confidence === 'low' ? 'thấp' : 'trung bình'}). Hãy kiểm tra và xác nhận.`,
    });
  }
}
