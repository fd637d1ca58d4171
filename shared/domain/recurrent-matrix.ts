/**
 * Edits of the recurrent breakdown matrix as line changes: a cell is the sum of the breakdown's lines for
 * one component × unit × source; typing a figure sets it (one line kept, the others removed), 0 or blank
 * removes it. A block pasted from Excel fills the entry cells from the focused one, row by row.
 */
import type { LineChange } from '../api/decisions';
import type { RecurrentRow, RecurrentUnit } from '../api/recurrent';
import { parseAmount, type MoneyUnit } from '../money/dong';
import { recipientInput } from './decision-sheet';

export function cellChanges(row: RecurrentRow, unit: RecurrentUnit, sourceCode: string, dong: number, year: number): LineChange[] {
  const ids = row.lineIds[unit.key]?.[sourceCode] ?? [];
  if (dong === 0) return ids.map((id) => ({ op: 'delete', id }));
  if (ids.length === 0) {
    return [{ op: 'add', line: { componentCode: row.componentCode, recipient: recipientInput(unit.recipient), sourceCode, capitalType: 'SN', originYear: year, amount: { dong } } }];
  }
  const [first, ...rest] = ids as [number, ...number[]];
  return [{ op: 'update', id: first, patch: { amount: { dong } } }, ...rest.map((id): LineChange => ({ op: 'delete', id }))];
}

export interface MatrixPaste {
  changes: LineChange[];
  problems: { row: number; column: number; message: string }[];
}

/** `rows` and `units` in display order; the block starts at rows[startRow] × units[startUnit]. */
export function pasteChanges(args: {
  table: string[][];
  rows: RecurrentRow[];
  units: RecurrentUnit[];
  startRow: number;
  startUnit: number;
  sourceCode: string;
  unit: MoneyUnit;
  year: number;
}): MatrixPaste {
  const changes: LineChange[] = [];
  const problems: MatrixPaste['problems'] = [];
  args.table.forEach((cells, r) => {
    const row = args.rows[args.startRow + r];
    cells.forEach((text, c) => {
      const where = { row: r + 1, column: c + 1 };
      const unit = args.units[args.startUnit + c];
      if (!row) return problems.push({ ...where, message: 'nằm ngoài bảng (không còn dòng hợp phần)' });
      if (!unit) return problems.push({ ...where, message: 'nằm ngoài bảng (không còn cột đơn vị)' });
      if (!row.entry) {
        if (text.trim() !== '') problems.push({ ...where, message: `${row.componentCode} là dòng tổng của các hợp phần con; nhập vào các dòng con` });
        return;
      }
      const parsed = text.trim() === '' || text.trim() === '-' ? { ok: true as const, value: 0 } : parseAmount(text, args.unit);
      if (!parsed.ok) return problems.push({ ...where, message: parsed.message });
      if (parsed.value < 0) return problems.push({ ...where, message: 'số tiền phân bổ không được âm' });
      changes.push(...cellChanges(row, unit, args.sourceCode, parsed.value, args.year));
    });
  });
  return { changes, problems };
}
