// The print view's own pagination: blocks kept whole, tables cut between rows with the header on every sheet,
// a title never left at the foot of a sheet.
import { describe, expect, it } from 'vitest';
import { paginate, printableHeightPx } from '../../../renderer/print/paginate';

describe('paginate', () => {
  it('cuts a table between rows and counts its header on every sheet', () => {
    const pages = paginate([{ kind: 'block', height: 40 }, { kind: 'table', height: 20, rows: Array.from({ length: 10 }, () => 10) }], 100);
    // Sheet 1: block 40 + header 20 + 4 rows; sheet 2: header 20 + 6 rows (80).
    expect(pages).toEqual([[{ item: 0 }, { item: 1, from: 0, to: 4 }], [{ item: 1, from: 4, to: 10 }]]);
  });

  it('moves a title that cannot keep its first row with it to the next sheet', () => {
    const pages = paginate(
      [
        { kind: 'block', height: 70 },
        { kind: 'block', height: 20, keepWithNext: true },
        { kind: 'table', height: 10, rows: [10, 10] },
      ],
      100,
    );
    expect(pages[0]).toEqual([{ item: 0 }]);
    expect(pages[1]).toEqual([{ item: 1 }, { item: 2, from: 0, to: 2 }]);
  });

  it('a block taller than a sheet stands alone; nothing is lost', () => {
    const pages = paginate([{ kind: 'block', height: 10 }, { kind: 'block', height: 500 }, { kind: 'block', height: 10 }], 100);
    expect(pages).toEqual([[{ item: 0 }], [{ item: 1 }], [{ item: 2 }]]);
  });

  it('the printable height of A4 under the decree margins', () => {
    expect(Math.round(printableHeightPx('portrait'))).toBe(Math.round((256 * 96) / 25.4));
    expect(Math.round(printableHeightPx('landscape'))).toBe(Math.round((169 * 96) / 25.4));
  });
});
