import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../../electron/cli/json-out';

const printed = (value: unknown) => {
  const pieces: string[] = [];
  writeJson((t) => pieces.push(t), value);
  return pieces;
};

describe('--json output in pieces', () => {
  it('prints a report with a long array as many pieces that parse back to the same value', () => {
    const report = { ok: true, totalDong: 123, lines: Array.from({ length: 1000 }, (_, i) => ({ row: i, amountDong: i * 1000 })), findings: [], empty: undefined };
    const pieces = printed(report);
    expect(pieces.length).toBeGreaterThan(1000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
    expect(JSON.parse(pieces.join('\n'))).toEqual({ ok: true, totalDong: 123, lines: report.lines, findings: [] });
  });

  it('any JSON value parses back to itself (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.integer(), { minLength: 0, maxLength: 500 }), (value, long) => {
        for (const v of [value, { value, long }, long]) expect(JSON.parse(printed(v).join('\n'))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 200 },
    );
  });
});
