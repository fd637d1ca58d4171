/**
 * What a block pasted from Excel means in the allocation grid. Pasted on the entry row from the "Hạng mục"
 * column, each row is a new line: component, recipient, then the amount columns in order. Pasted on the
 * amounts of existing rows, it fills those cells row by row (group rows are skipped, as they are sums).
 * Each cell is checked here to report it at its place; the core checks again and owns the result.
 */
import type { LineChange } from '../../../shared/api/decisions';
import type { RecipientInput } from '../../../shared/api/registers';
import type { Recipient } from '../../../shared/api/registers';
import { lineRowId, recipientInput, type AmountColumn, type SheetRow } from '../../../shared/domain/decision-sheet';
import { parseAmount, type MoneyUnit } from '../../../shared/money/dong';

export const LABEL_COLUMN = 'label';
export const RECIPIENT_COLUMN = 'recipient';

export interface PasteProblem {
  /** 1-based row and column within the pasted block. */
  row: number;
  column: number;
  message: string;
}

export interface PastePlan {
  changes: LineChange[];
  problems: PasteProblem[];
  /** How the block was read, when not column for column (a province-style block wider than the grid). */
  notes: string[];
}

export interface PasteContext {
  table: string[][];
  /** 'entry' for the new-line row, else the index among `rows`. */
  startRow: number | 'entry';
  startColumn: string;
  /** Column ids in display order. */
  columnOrder: string[];
  amountColumns: AmountColumn[];
  /**
   * Every source × capital type in the province's order (NSTW ĐTPT, NSTW SN, NS tỉnh đối ứng ĐTPT, …): a new-line
   * block with more amount columns than the grid shows is read against these, as the province lays them out.
   */
  standardColumns: AmountColumn[];
  columnLabel: (c: AmountColumn) => string;
  rows: SheetRow[];
  /** Every line row of the decision, to update a line rather than duplicate it. */
  allRows: SheetRow[];
  unit: MoneyUnit;
  resolveComponent: (text: string) => { code: string } | { error: string };
  resolveRecipient: (text: string) => { recipient: RecipientInput; kind: Recipient['kind']; id: number | null } | { error: string };
  /** The decision's year: new lines are money of that year. */
  year: number;
}

function amountChange(text: string, unit: MoneyUnit, lineId: number | undefined, add: () => LineChange): LineChange | { error: string } | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return lineId === undefined ? null : { op: 'delete', id: lineId };
  const parsed = parseAmount(trimmed, unit);
  // The parser's message starts with the text quoted; the caller says only which field it is.
  if (!parsed.ok) return { error: parsed.message };
  return lineId === undefined ? add() : { op: 'update', id: lineId, patch: { amount: { text: trimmed, unit } } };
}

/** A cell that holds no money: empty, a dash, or zero however written. */
const isBlankAmount = (text: string) => /^[\s\-–0.,]*$/.test(text);

export function planPaste(ctx: PasteContext): PastePlan {
  const changes: LineChange[] = [];
  const problems: PasteProblem[] = [];
  const notes: string[] = [];
  const amountByKey = new Map(ctx.amountColumns.map((c) => [c.key, c]));
  const startIndex = ctx.columnOrder.indexOf(ctx.startColumn);

  if (ctx.startRow === 'entry') {
    if (ctx.startColumn !== LABEL_COLUMN) {
      problems.push({ row: 1, column: 1, message: 'Dán dòng mới: chọn ô "Hạng mục" của dòng nhập mới rồi dán khối gồm hạng mục, đơn vị nhận và các cột số tiền.' });
      return { changes, problems, notes };
    }
    const existing = new Map(ctx.allRows.filter((r) => r.kind === 'line').map((r) => [r.rowId, r]));
    const shown = new Set(ctx.amountColumns.map((c) => c.key));
    // A block wider than the grid is read in the province's column order (the office may have only some of them assigned).
    const amountWidth = Math.max(...ctx.table.map((cells) => cells.length - 2));
    const wide = amountWidth > ctx.amountColumns.length && amountWidth <= ctx.standardColumns.length;
    const layout = wide ? ctx.standardColumns.slice(0, amountWidth) : ctx.amountColumns;
    if (wide) notes.push(`Khối dán có ${amountWidth} cột số tiền, nhiều hơn bảng: đọc theo thứ tự cột của tỉnh — ${layout.map(ctx.columnLabel).join(', ')}.`);
    ctx.table.forEach((cells, r) => {
      const row = r + 1;
      const component = ctx.resolveComponent(cells[0] ?? '');
      const recipient = ctx.resolveRecipient(cells[1] ?? '');
      if ('error' in component) problems.push({ row, column: 1, message: component.error });
      if ('error' in recipient) problems.push({ row, column: 2, message: recipient.error });
      if (cells.length - 2 > layout.length) {
        problems.push({
          row,
          column: layout.length + 3,
          message: `Khối dán rộng hơn bảng: sau cột đơn vị nhận chỉ có ${layout.length} cột số tiền (${layout.map(ctx.columnLabel).join(', ')}).`,
        });
      }
      if ('error' in component || 'error' in recipient) return;
      layout.forEach((column, i) => {
        const text = cells[i + 2];
        if (text === undefined) return;
        if (!shown.has(column.key)) {
          if (isBlankAmount(text)) return;
          problems.push({
            row,
            column: i + 3,
            message: `Số tiền "${text.trim()}" thuộc cột ${ctx.columnLabel(column)}, nguồn và loại vốn này chưa có trong vốn được giao năm ${ctx.year}: nhập vốn được giao ở màn hình Vốn được giao trước, hoặc bỏ số này khỏi khối dán. Các ô khác vẫn được dán.`,
          });
          return;
        }
        const match = existing.get(lineRowId({ componentCode: component.code, recipient: { kind: recipient.kind, id: recipient.id, code: null, name: '' }, projectId: null, originYear: ctx.year }));
        const change = amountChange(text, ctx.unit, match?.lineIds[column.key], () => ({
          op: 'add',
          line: { componentCode: component.code, recipient: recipient.recipient, sourceCode: column.sourceCode, capitalType: column.capitalType, amount: { text: text.trim(), unit: ctx.unit } },
        }));
        if (change && 'error' in change) problems.push({ row, column: i + 3, message: `Số tiền: ${change.error}` });
        else if (change) changes.push(change);
      });
    });
    return { changes, problems, notes };
  }

  // Existing rows: only line rows take values; group rows are sums and are skipped.
  const lineRows = ctx.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'line');
  const first = lineRows.findIndex(({ i }) => i >= (ctx.startRow as number));
  ctx.table.forEach((cells, r) => {
    const target = first < 0 ? undefined : lineRows[first + r];
    cells.forEach((text, c) => {
      const columnId = ctx.columnOrder[startIndex + c];
      const position = { row: r + 1, column: c + 1 };
      if (!target) return problems.push({ ...position, message: 'Khối dán dài hơn bảng: không còn dòng để dán. Dán dòng mới ở dòng nhập mới (đầu bảng).' });
      const column = columnId === undefined ? undefined : amountByKey.get(columnId);
      if (!column) {
        if (text.trim() === '') return;
        return problems.push({ ...position, message: columnId === undefined ? 'Khối dán rộng hơn bảng.' : 'Cột này không nhận số dán vào (chỉ các cột số tiền).' });
      }
      const row = target.r;
      const change = amountChange(text, ctx.unit, row.lineIds[column.key], () => ({
        op: 'add',
        line: {
          componentCode: row.componentCode!,
          recipient: recipientInputOf(row),
          sourceCode: column.sourceCode,
          capitalType: column.capitalType,
          originYear: row.originYear!,
          amount: { text: text.trim(), unit: ctx.unit },
        },
      }));
      if (change && 'error' in change) problems.push({ ...position, message: `Số tiền: ${change.error}` });
      else if (change) changes.push(change);
    });
  });
  return { changes, problems, notes };
}

export const toRecipientInput = recipientInput;

export function recipientInputOf(row: SheetRow): RecipientInput {
  return toRecipientInput(row.recipient!);
}
