/** Stages checking the recognized columns: two columns for one source × capital type, and columns nobody can place. */
import type { ImportColumn, ImportRow } from '../../../../shared/api/import';
import { columnNumber } from '../../../../shared/format/cell-address';
import type { HeaderBlock } from '../header';
import type { SheetText } from '../sheet-text';
import type { Report } from './report';

/** Two columns of one source × capital type would be added together: the officer must say which is the plan. */
export function flagDuplicateColumns(columns: ImportColumn[], header: Pick<HeaderBlock, 'bottom'>, report: Report): void {
  const bySourceCapital = new Map<string, ImportColumn[]>();
  for (const c of columns) if (c.role === 'amount') bySourceCapital.set(`${c.sourceCode}|${c.capitalType}`, [...(bySourceCapital.get(`${c.sourceCode}|${c.capitalType}`) ?? []), c]);
  for (const same of bySourceCapital.values()) {
    if (same.length < 2) continue;
    for (const c of same) c.conflict = true;
    report({
      severity: 'E',
      rule: '25',
      code: 'IMPORT_DUPLICATE_COLUMN',
      cell: `${same[0]!.col}${header.bottom}`,
      message: `Các cột ${same.map((c) => `${c.col} ("${c.label}")`).join(', ')} cùng là ${same[0]!.sourceCode} · ${same[0]!.capitalType}: không rõ cột nào là số được giao, cộng cả ${same.length} cột sẽ sai. Hãy chọn "Bỏ qua cột này" cho các cột không phải số giao (cột điều chỉnh, đã giải ngân, năm trước…).`,
    });
  }
}

/** A column of unknown source that holds values on counted rows is an error; a hidden column with values is noted. */
export function flagUnplacedColumns(text: SheetText, header: Pick<HeaderBlock, 'bottom'>, columns: ImportColumn[], liveRows: ImportRow[], report: Report): void {
  for (const col of columns) {
    if (col.role !== 'unknown') continue;
    const used = liveRows.some((r) => text.own(r.row, columnNumber(col.col)) !== undefined);
    if (used) {
      report({
        severity: 'E',
        rule: '25',
        code: 'IMPORT_UNKNOWN_COLUMN',
        cell: `${col.col}${header.bottom}`,
        message: `Cột ${col.col} ("${col.label || 'không có tiêu đề'}"): không rõ nguồn vốn và loại vốn. Hãy chọn nguồn (NSTW, NS tỉnh đối ứng…) và loại vốn (ĐTPT/SN) cho cột, hoặc bỏ qua cột.`,
      });
    }
    if (col.hidden && used) report({ severity: 'W', rule: 'doc', code: 'IMPORT_HIDDEN_COLUMN', cell: `${col.col}${header.bottom}`, message: `Cột ${col.col} đang bị ẩn nhưng có số liệu.` });
  }
  for (const col of columns) {
    if (col.role !== 'amount' || !col.hidden) continue;
    report({ severity: 'W', rule: 'doc', code: 'IMPORT_HIDDEN_COLUMN', cell: `${col.col}${header.bottom}`, message: `Cột ${col.col} ("${col.label}") đang bị ẩn trong tệp; số liệu của cột vẫn được tính.` });
  }
}
