import { describe, expect, it } from 'vitest';
import type { DecisionLine } from '../../../shared/api/decisions';
import { amountColumns, communeMatrix, pivotLines, reuseUnchanged, sheetTotals, visibleRows } from '../../../shared/domain/decision-sheet';
import { toDong } from '../../../shared/money/dong';
import { planPaste } from '../../../renderer/screens/decisions/paste';

let nextId = 1;
function line(componentCode: string, programCode: string, commune: string, sourceCode: string, capitalType: 'DTPT' | 'SN', amount: number, originYear = 2024): DecisionLine {
  const id = nextId++;
  return {
    id,
    position: id,
    componentId: 0,
    componentCode,
    componentName: componentCode,
    programCode,
    programName: programCode,
    recipient: { kind: 'commune', id: Number(commune), code: commune, name: `Xã ${commune}` },
    projectId: null,
    projectCode: null,
    projectName: null,
    sourceCode,
    capitalType,
    originYear,
    amountDong: toDong(amount),
    beforeDong: null,
    afterDong: null,
    decreaseDong: toDong(Math.max(-amount, 0)),
    increaseDong: toDong(Math.max(amount, 0)),
    reasonCode: null,
    note: '',
  };
}

const order = new Map([
  ['DTTS', 0],
  ['DTTS.DA1.ND2', 1],
  ['GNBV', 2],
  ['GNBV.DA2', 3],
]);

describe('decision sheet (the editor pivot)', () => {
  const lines = [
    line('GNBV.DA2', 'GNBV', '06004', 'NSTW', 'SN', 300),
    line('DTTS.DA1.ND2', 'DTTS', '06001', 'NSTW', 'SN', 100),
    line('DTTS.DA1.ND2', 'DTTS', '06001', 'NSTW', 'DTPT', 50),
    line('DTTS.DA1.ND2', 'DTTS', '06001', 'NSTW', 'SN', 7, 2023),
  ];
  const rows = pivotLines(lines, order);

  it('groups program → component → recipient (per money year), one cell per source × capital type, sums on group rows', () => {
    expect(rows.map((r) => [r.kind, r.rowId, r.total])).toEqual([
      ['program', 'p:DTTS', 157],
      ['component', 'c:DTTS.DA1.ND2', 157],
      ['line', 'l:DTTS.DA1.ND2|commune:6001||2024', 150],
      ['line', 'l:DTTS.DA1.ND2|commune:6001||2023', 7],
      ['program', 'p:GNBV', 300],
      ['component', 'c:GNBV.DA2', 300],
      ['line', 'l:GNBV.DA2|commune:6004||2024', 300],
    ]);
    expect(rows[2]!.cells).toEqual({ 'NSTW|SN': 100, 'NSTW|DTPT': 50 });
    expect(rows[2]!.lineIds).toEqual({ 'NSTW|SN': 2, 'NSTW|DTPT': 3 });
    expect(sheetTotals(rows)).toEqual({ cells: { 'NSTW|SN': 407, 'NSTW|DTPT': 50 }, total: 457 });
  });

  it('hides the rows under a collapsed group, keeps the group row', () => {
    expect(visibleRows(rows, new Set(['p:DTTS'])).map((r) => r.rowId)).toEqual(['p:DTTS', 'p:GNBV', 'c:GNBV.DA2', 'l:GNBV.DA2|commune:6004||2024']);
    expect(visibleRows(rows, new Set(['c:GNBV.DA2'])).map((r) => r.rowId)).not.toContain('l:GNBV.DA2|commune:6004||2024');
  });

  it('keeps the object of every unchanged row so the grid repaints only what changed', () => {
    const first = reuseUnchanged(new Map(), rows);
    const edited = pivotLines([{ ...lines[0]!, amountDong: toDong(301) }, ...lines.slice(1)], order);
    const second = reuseUnchanged(first.index, edited);
    expect(second.rows[2]).toBe(first.rows[2]);
    expect(second.rows[6]).not.toBe(first.rows[6]);
  });

  it('orders amount columns by source then ĐTPT before SN', () => {
    expect(amountColumns([{ sourceCode: 'NST_DOIUNG', capitalType: 'SN' }, { sourceCode: 'NSTW', capitalType: 'SN' }, { sourceCode: 'NSTW', capitalType: 'DTPT' }, { sourceCode: 'NSTW', capitalType: 'SN' }], ['NSTW', 'NST_DOIUNG']).map((c) => c.key)).toEqual([
      'NSTW|DTPT',
      'NSTW|SN',
      'NST_DOIUNG|SN',
    ]);
  });

  it('per-commune matrix: a cell is editable only when one line stands behind it', () => {
    const matrix = communeMatrix(lines);
    const commune = matrix.rows.find((r) => r.recipient.code === '06001')!;
    expect(commune.cells).toEqual({ 'DTTS|SN': 107, 'DTTS|DTPT': 50 });
    expect(commune.singleLine).toEqual({ 'DTTS|DTPT': 3 });
  });
});

describe('paste from Excel into the allocation grid', () => {
  const columns = amountColumns([{ sourceCode: 'NSTW', capitalType: 'SN' }, { sourceCode: 'NSTW', capitalType: 'DTPT' }], ['NSTW']);
  const rows = pivotLines([line('GNBV.DA2', 'GNBV', '06004', 'NSTW', 'SN', 300)], order);
  const base = {
    columnOrder: ['label', 'recipient', 'NSTW|DTPT', 'NSTW|SN', 'total'],
    amountColumns: columns,
    standardColumns: amountColumns(
      ['NSTW', 'NST_DOIUNG'].flatMap((sourceCode) => (['DTPT', 'SN'] as const).map((capitalType) => ({ sourceCode, capitalType }))),
      ['NSTW', 'NST_DOIUNG'],
    ),
    columnLabel: (c: { sourceCode: string; capitalType: string }) => `${c.sourceCode} · ${c.capitalType}`,
    rows,
    allRows: rows,
    unit: 'trieu' as const,
    year: 2024,
    resolveComponent: (t: string) => (t === 'GNBV.DA2' || t === 'DTTS.DA1.ND2' ? { code: t } : { error: `Không tìm thấy hạng mục "${t}".` }),
    resolveRecipient: (t: string) =>
      t === 'Xã 06004' ? { recipient: { kind: 'commune' as const, code: '06004' }, kind: 'commune' as const, id: 6004 } : t === 'Xã 06001' ? { recipient: { kind: 'commune' as const, code: '06001' }, kind: 'commune' as const, id: 6001 } : { error: `Không tìm thấy đơn vị nhận "${t}".` },
  };

  it('on the entry row: new lines, an existing row is updated rather than duplicated, bad cells reported where they are', () => {
    const plan = planPaste({
      ...base,
      startRow: 'entry',
      startColumn: 'label',
      table: [
        ['DTTS.DA1.ND2', 'Xã 06001', '1,5', ''],
        ['GNBV.DA2', 'Xã 06004', '', '12a'],
        ['KHONG', 'Xã 06001', '1', '1'],
        ['GNBV.DA2', 'Xã 06004', '2', '3', '4'],
      ],
    });
    expect(plan.changes).toEqual([
      { op: 'add', line: { componentCode: 'DTTS.DA1.ND2', recipient: { kind: 'commune', code: '06001' }, sourceCode: 'NSTW', capitalType: 'DTPT', amount: { text: '1,5', unit: 'trieu' } } },
      { op: 'add', line: { componentCode: 'GNBV.DA2', recipient: { kind: 'commune', code: '06004' }, sourceCode: 'NSTW', capitalType: 'DTPT', amount: { text: '2', unit: 'trieu' } } },
      { op: 'update', id: rows[2]!.lineIds['NSTW|SN'], patch: { amount: { text: '3', unit: 'trieu' } } },
    ]);
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 4],
      [3, 1],
      [4, 5],
    ]);
    expect(plan.problems[0]!.message).toContain('12a');
  });

  it('a 4-column province-style block where only NSTW · SN is assigned: read in the province order, empty and zero cells skipped, an amount in an unassigned column named precisely', () => {
    const onlySn = { ...base, amountColumns: amountColumns([{ sourceCode: 'NSTW', capitalType: 'SN' }], ['NSTW']), columnOrder: ['label', 'recipient', 'NSTW|SN', 'total'] };
    const plan = planPaste({
      ...onlySn,
      startRow: 'entry',
      startColumn: 'label',
      table: [
        ['DTTS.DA1.ND2', 'Xã 06001', '', '120', '0', ''],
        ['DTTS.DA1.ND2', 'Xã 06004', '-', '80', '', '5'],
      ],
    });
    expect(plan.changes).toEqual([
      { op: 'add', line: { componentCode: 'DTTS.DA1.ND2', recipient: { kind: 'commune', code: '06001' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { text: '120', unit: 'trieu' } } },
      { op: 'add', line: { componentCode: 'DTTS.DA1.ND2', recipient: { kind: 'commune', code: '06004' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { text: '80', unit: 'trieu' } } },
    ]);
    expect(plan.notes).toEqual(['Khối dán có 4 cột số tiền, nhiều hơn bảng: đọc theo thứ tự cột của tỉnh — NSTW · DTPT, NSTW · SN, NST_DOIUNG · DTPT, NST_DOIUNG · SN.']);
    expect(plan.problems).toEqual([{ row: 2, column: 6, message: expect.stringContaining('Số tiền "5" thuộc cột NST_DOIUNG · SN, nguồn và loại vốn này chưa có trong vốn được giao năm 2024') }]);
  });

  it('the message for "1,234.5" names the value once', () => {
    const plan = planPaste({ ...base, startRow: 'entry', startColumn: 'label', table: [['GNBV.DA2', 'Xã 06001', '1,234.5']] });
    const message = plan.problems[0]!.message;
    expect(message.split('1,234.5').length - 1).toBe(1);
    expect(message.startsWith('Số tiền')).toBe(true);
    expect(message).toContain('viết theo kiểu Việt Nam là 1.234,5');
  });

  it('on existing amounts: a block longer than the grid is reported, text columns refuse values, blanks clear', () => {
    const plan = planPaste({ ...base, startRow: 2, startColumn: 'NSTW|SN', table: [[''], ['5']] });
    expect(plan.changes).toEqual([{ op: 'delete', id: rows[2]!.lineIds['NSTW|SN'] }]);
    expect(plan.problems).toEqual([{ row: 2, column: 1, message: expect.stringContaining('dài hơn bảng') }]);
    expect(planPaste({ ...base, startRow: 2, startColumn: 'NSTW|SN', table: [['1', '2']] }).problems[0]!.message).toContain('chỉ các cột số tiền');
    expect(planPaste({ ...base, startRow: 'entry', startColumn: 'NSTW|SN', table: [['1']] }).problems[0]!.message).toContain('Hạng mục');
  });
});
