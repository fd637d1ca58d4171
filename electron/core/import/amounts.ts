/**
 * Amounts as the province writes them: numbers (possibly a formula's cached value), or text typed in
 * vi-VN style ("3.250,000", "1.234.567", "-" for zero), in the unit declared above the table.
 * Everything becomes integer đồng here, at the edge; nothing after this sees a float.
 */
import { parseAmount, UNIT_DIGITS, type MoneyUnit } from '../../../shared/money/dong';
import type { ReadCell } from '../excel/workbook-reader';

export type AmountReading =
  | { kind: 'blank' }
  | { kind: 'amount'; dong: number; note: string | null }
  | { kind: 'invalid'; message: string };

/** A dash is how a table writes zero; a blank cell is no amount at all (a subtotal left blank is not checked). */
const ZERO_MARKS = new Set(['-', '–', '—', '--', '0']);

/** A number in a unit → đồng, exact for anything carried to one đồng; notes a rounding when not. */
function dongOfNumber(value: number, unit: MoneyUnit): { dong: number; note: string | null } {
  const scale = 10 ** UNIT_DIGITS[unit];
  const scaled = value * scale;
  const dong = Math.round(scaled);
  // A cached formula result carries binary noise (0.1 + 0.2); only a real fraction of a đồng is worth a note.
  const note = Math.abs(scaled - dong) > 0.01 ? `giá trị ${value.toLocaleString('vi-VN', { maximumFractionDigits: 10 })} lẻ dưới 1 đồng, đã làm tròn` : null;
  return { dong: dong === 0 ? 0 : dong, note };
}

/** "1,234,567.5" (typed on a PC set to English) → the vi-VN form, when the shape leaves no doubt. */
function fromEnglishGrouping(text: string): string | null {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return text.replace(/,/g, '_').replace('.', ',').replace(/_/g, '.');
  return null;
}

export function readAmount(cell: ReadCell | undefined, unit: MoneyUnit): AmountReading {
  if (!cell) return { kind: 'blank' };
  switch (cell.kind) {
    case 'number': {
      if (!Number.isSafeInteger(Math.round(cell.number! * 10 ** UNIT_DIGITS[unit]))) return { kind: 'invalid', message: `số ${cell.text} quá lớn` };
      const { dong, note } = dongOfNumber(cell.number!, unit);
      return { kind: 'amount', dong, note };
    }
    case 'formula_no_value':
      return { kind: 'invalid', message: `ô có công thức ${cell.text} nhưng chưa có giá trị đã tính (tệp được lưu mà không tính lại). Hãy mở tệp trong Excel, nhấn Ctrl+Alt+F9 rồi lưu lại` };
    case 'error':
      return { kind: 'invalid', message: `ô báo lỗi ${cell.text}; hãy sửa công thức trong tệp` };
    case 'date':
      return { kind: 'invalid', message: `ô chứa ngày tháng (${cell.text}) ở cột số tiền` };
    case 'bool':
      return { kind: 'invalid', message: `ô chứa giá trị đúng/sai ở cột số tiền` };
    case 'text': {
      const compact = cell.text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
      if (compact === '') return { kind: 'blank' };
      if (ZERO_MARKS.has(compact)) return { kind: 'amount', dong: 0, note: null };
      // "3 250 000": spaces used as thousands separators.
      const withoutSpaces = /^[-(]?\d{1,3}( \d{3})+([.,]\d+)?\)?$/.test(compact) ? compact.replace(/ /g, '.') : compact;
      const parsed = parseAmount(withoutSpaces, unit);
      if (parsed.ok) return { kind: 'amount', dong: parsed.value, note: null };
      const english = fromEnglishGrouping(withoutSpaces);
      if (english) {
        const retry = parseAmount(english, unit);
        if (retry.ok) return { kind: 'amount', dong: retry.value, note: `"${compact}" được hiểu theo kiểu gõ tiếng Anh (dấu phẩy phân cách hàng nghìn)` };
      }
      return { kind: 'invalid', message: parsed.message };
    }
  }
}
