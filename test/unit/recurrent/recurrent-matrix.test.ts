import { describe, expect, it } from 'vitest';
import type { RecurrentRow, RecurrentUnit } from '../../../shared/api/recurrent';
import { cellChanges, pasteChanges } from '../../../shared/domain/recurrent-matrix';

const unitA: RecurrentUnit = { key: 'unit:1', recipient: { kind: 'unit', id: 1, code: null, name: 'Phòng A' } };
const commune: RecurrentUnit = { key: 'commune:9', recipient: { kind: 'commune', id: 9, code: '06001', name: 'Xã B' } };

function row(code: string, entry: boolean, lineIds: RecurrentRow['lineIds'] = {}): RecurrentRow {
  return { componentCode: code, componentName: code, depth: 1, parentCode: null, entry, assigned: {}, allocatedBefore: {}, cells: {}, lineIds, total: {}, remaining: {} };
}

describe('recurrent matrix edits', () => {
  it('adds a line for an empty cell, updates one and removes the others for a filled one, removes all for zero', () => {
    expect(cellChanges(row('GNBV.DA2', true), commune, 'NSTW', 5_000_000, 2024)).toEqual([
      { op: 'add', line: { componentCode: 'GNBV.DA2', recipient: { kind: 'commune', code: '06001' }, sourceCode: 'NSTW', capitalType: 'SN', originYear: 2024, amount: { dong: 5_000_000 } } },
    ]);
    const filled = row('GNBV.DA2', true, { 'unit:1': { NSTW: [7, 8] } });
    expect(cellChanges(filled, unitA, 'NSTW', 1, 2024)).toEqual([
      { op: 'update', id: 7, patch: { amount: { dong: 1 } } },
      { op: 'delete', id: 8 },
    ]);
    expect(cellChanges(filled, unitA, 'NSTW', 0, 2024)).toEqual([
      { op: 'delete', id: 7 },
      { op: 'delete', id: 8 },
    ]);
    expect(cellChanges(filled, unitA, 'NST_DOIUNG', 0, 2024)).toEqual([]);
  });

  it('fills a pasted block from the focused cell, in the unit, and names the cells it cannot take', () => {
    const rows = [row('A', true), row('B', false), row('C', true)];
    const plan = pasteChanges({ table: [['1,5', '2'], ['3', ''], ['x', '-']], rows, units: [unitA, commune], startRow: 0, startUnit: 0, sourceCode: 'NSTW', unit: 'trieu', year: 2024 });
    expect(plan.changes.map((c) => (c.op === 'add' ? [c.line.componentCode, c.line.amount] : c.op))).toEqual([
      ['A', { dong: 1_500_000 }],
      ['A', { dong: 2_000_000 }],
    ]);
    expect(plan.problems).toEqual([
      { row: 2, column: 1, message: expect.stringContaining('dòng tổng') },
      { row: 3, column: 1, message: expect.stringContaining('"x"') },
    ]);
    const outside = pasteChanges({ table: [['1', '2', '3']], rows, units: [unitA, commune], startRow: 2, startUnit: 0, sourceCode: 'NSTW', unit: 'trieu', year: 2024 });
    expect(outside.problems).toEqual([{ row: 1, column: 3, message: expect.stringContaining('cột đơn vị') }]);
  });
});
