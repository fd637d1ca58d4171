// The evaluator of the formulas province files are made of, on cells given directly, and a cross-sheet workbook
// read back from a file written by exceljs with no cached values.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, shiftFormula, type CellValue, type FormulaScope } from '../../../electron/core/excel/formula';
import { readUploadedWorkbook } from '../../../electron/core/excel/workbook-reader';

/** A scope over { "Sheet!A1": value } (no sheet name = the formula's own sheet "S"). */
function scope(cells: Record<string, number | string>, options: { subtotals?: string[]; hiddenRows?: number[] } = {}): FormulaScope {
  const key = (sheet: string | null, row: number, col: number) => `${(sheet ?? 'S').toLowerCase()}!${String.fromCharCode(64 + col)}${row}`;
  const values = new Map(Object.entries(cells).map(([k, v]) => [(k.includes('!') ? k : `S!${k}`).toLowerCase(), v]));
  return {
    value(sheet, row, col): CellValue | null {
      const v = values.get(key(sheet, row, col).toLowerCase());
      if (v === undefined) return { kind: 'blank' };
      return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text' };
    },
    isSubtotal: (sheet, row, col) => (options.subtotals ?? []).includes(key(sheet, row, col).split('!')[1]!.toUpperCase()),
    isHiddenRow: (_sheet, row) => (options.hiddenRows ?? []).includes(row),
  };
}

describe('evaluateFormula', () => {
  const cells = { A1: 500, A2: 1200.5, A3: 'ghi chú', B1: 3, C5: 0.125 };
  it.each([
    ['SUM(A1:A3)', 1700.5],
    ['=A1+A2-B1', 1697.5],
    ['SUM(A1,A2,10)', 1710.5],
    ['ROUND(C5*10,1)', 1.3],
    ['ROUND(-2.5,0)', -3],
    ['(A1+A2)*2/B1', (1700.5 * 2) / 3],
    ["'Biểu 02'!A1+Data!B2", 45],
    ['A9', 0],
  ])('%s = %s', (formula, expected) => {
    expect(evaluateFormula(formula, scope({ ...cells, "Biểu 02!A1": 40, 'Data!B2': 5 }))).toBeCloseTo(expected, 9);
  });

  it('SUBTOTAL(9) leaves out the SUBTOTAL cells inside its range; 109 also hidden rows', () => {
    const s = scope({ A1: 10, A2: 20, A3: 30, A4: 60 }, { subtotals: ['A3'], hiddenRows: [2] });
    expect(evaluateFormula('SUBTOTAL(9,A1:A4)', s)).toBe(90);
    expect(evaluateFormula('SUBTOTAL(109,A1:A4)', s)).toBe(70);
  });

  it.each(['VLOOKUP(A1,B1:B9,1,0)', 'A1&"x"', 'A3+1', 'SUM(A:A)', 'A1/0', 'SUBTOTAL(1,A1:A2)', 'Thiếu!A1'])('cannot evaluate %s', (formula) => {
    const s = scope({ A1: 1, A3: 'chữ' });
    const missingSheet: FormulaScope = { ...s, value: (sheet, row, col) => (sheet === 'Thiếu' ? null : s.value(sheet, row, col)) };
    expect(evaluateFormula(formula, missingSheet)).toBeNull();
  });

  it('moves relative references of a shared formula, keeps absolute ones and other text', () => {
    expect(shiftFormula('SUM(D9:G9)+$C$1+\'Biểu 1\'!A1', 2, 0)).toBe("SUM(D11:G11)+$C$1+'Biểu 1'!A3");
    expect(shiftFormula('E9+E$10+$F11', 1, 1)).toBe('F10+F$10+$F12');
  });
});

describe('formulas across sheets in a file without cached values', () => {
  it('computes a total that refers to another sheet, through its own subtotals', async () => {
    const wb = new ExcelJS.Workbook();
    const detail = wb.addWorksheet('Chi tiết');
    detail.getCell('B2').value = 1500;
    detail.getCell('B3').value = 250.25;
    detail.getCell('B4').value = { formula: 'SUBTOTAL(9,B2:B3)' } as ExcelJS.CellFormulaValue;
    const summary = wb.addWorksheet('Tổng hợp');
    summary.getCell('A1').value = { formula: "ROUND('Chi tiết'!B4*2,1)" } as ExcelJS.CellFormulaValue;
    summary.getCell('A2').value = { formula: 'UNKNOWNFN(1)' } as ExcelJS.CellFormulaValue;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const task = { report() {}, throwIfCancelled() {}, end() {} } as never;
    const { workbook } = await readUploadedWorkbook(bytes.toString('base64'), 'a.xlsx', task);
    const [first, second] = workbook.sheets;
    expect(first!.rows.get(4)!.get(2)).toMatchObject({ kind: 'number', number: 1750.25, computed: true, formulaText: 'SUBTOTAL(9,B2:B3)' });
    expect(second!.rows.get(1)!.get(1)).toMatchObject({ kind: 'number', number: 3500.5, computed: true });
    expect(second!.rows.get(2)!.get(1)).toMatchObject({ kind: 'formula_no_value', text: '=UNKNOWNFN(1)' });
  });
});
