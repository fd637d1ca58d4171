/** Reading text out of a read sheet: merged ranges fill their whole area, folded for matching. */
import { foldVietnamese } from '../../../shared/text/fold';
import type { CellRange } from '../excel/read-types';
import type { ReadCell, ReadSheet } from '../excel/workbook-reader';

export class SheetText {
  private readonly mergeAt = new Map<string, CellRange>();

  constructor(readonly sheet: ReadSheet) {
    for (const range of sheet.layout.merges) {
      // Only small merges matter for text (headers, titles); a huge merge is not worth expanding.
      if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > 5000) continue;
      for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) this.mergeAt.set(`${r}:${c}`, range);
    }
  }

  /** The cell itself (the top-left cell of its merge when it is inside one). */
  cell(row: number, col: number): ReadCell | undefined {
    const direct = this.sheet.rows.get(row)?.get(col);
    if (direct) return direct;
    const range = this.mergeAt.get(`${row}:${col}`);
    return range ? this.sheet.rows.get(range.top)?.get(range.left) : undefined;
  }

  /** Only the cell written at this address (no merge filling): amounts are never spread over a merge. */
  own(row: number, col: number): ReadCell | undefined {
    return this.sheet.rows.get(row)?.get(col);
  }

  merge(row: number, col: number): CellRange | undefined {
    return this.mergeAt.get(`${row}:${col}`);
  }

  text(row: number, col: number): string {
    const cell = this.cell(row, col);
    return cell && cell.kind !== 'formula_no_value' ? cell.text.replace(/\s+/g, ' ').trim() : '';
  }

  folded(row: number, col: number): string {
    return foldVietnamese(this.text(row, col));
  }

  /** All text of a row, left to right. */
  rowText(row: number): string {
    const cells = this.sheet.rows.get(row);
    if (!cells) return '';
    return [...cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, c]) => (c.kind === 'text' ? c.text : ''))
      .filter(Boolean)
      .join(' ');
  }
}
