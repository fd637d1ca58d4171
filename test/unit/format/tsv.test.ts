import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClipboardTable } from '../../../shared/grid/tsv';

describe('clipboard table from Excel', () => {
  it('splits rows and cells, ignoring the trailing line break Excel adds', () => {
    expect(parseClipboardTable('DTTS.DA1.ND2\tXã Đoàn Kết\t1.250\r\nGNBV.DA2\tXã Quốc Khánh\t540,5\r\n')).toEqual([
      ['DTTS.DA1.ND2', 'Xã Đoàn Kết', '1.250'],
      ['GNBV.DA2', 'Xã Quốc Khánh', '540,5'],
    ]);
  });

  it('keeps empty cells and reads quoted cells with tabs, line breaks and quotes', () => {
    expect(parseClipboardTable('a\t\tc\n"x\ty"\t"line1\nline2"\t"say ""hi"""\n')).toEqual([
      ['a', '', 'c'],
      ['x\ty', 'line1\nline2', 'say "hi"'],
    ]);
  });

  it('round-trips any table Excel would write', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Đ', '1', '.', ',', ' ', '\t', '\n', '"') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const width = table[0]!.length;
        const rect = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        // A row of one empty cell is indistinguishable from a blank line; Excel never copies those.
        fc.pre(rect.every((r) => r.some((c) => c !== '')));
        const quote = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
        const text = rect.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n';
        expect(parseClipboardTable(text)).toEqual(rect);
      }),
    );
  });
});
