import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli, runCliAsync } from '../../../electron/cli/cli';
import { tempDir } from '../../support/helpers';

const MONEY = /^-?\d{1,3}(?:\.\d{3})*(?:,(\d+))?$/;

/**
 * The amounts of each printed column, read back from the PDF by poppler: words grouped by page and by their right
 * edge (amounts are right-aligned, so one column's values end at the same x).
 */
function columnsOfAmounts(pdf: string): Map<string, string[]> {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const columns = new Map<string, string[]>();
  html.split('<page ').slice(1).forEach((page, p) => {
    for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      if (!MONEY.test(m[2]!)) continue;
      const key = `${p}:${Math.round(Number(m[1]))}`;
      columns.set(key, [...(columns.get(key) ?? []), m[2]!]);
    }
  });
  return columns;
}

const decimals = (text: string) => MONEY.exec(text)?.[1]?.length ?? 0;

describe('printed annexes: one number of decimals per column (issue 15 point 9)', () => {
  it('every amount of a printed column has the same number of decimals, in triệu', async () => {
    const data = tempDir();
    expect(runCli(['seed-demo', '--data', data], { out: () => {}, err: () => {}, env: {} })).toBe(EXIT.ok);
    const out = path.join(data, 'qd-215.pdf');
    const err: string[] = [];
    const code = await runCliAsync(['export', 'annex', '--decision', '215/QĐ-UBND', '--format', 'pdf', '--out', out, '--data', data], { out: () => {}, err: (t) => err.push(t), env: {} });
    expect(code, err.join('\n')).toBe(EXIT.ok);

    const columns = [...columnsOfAmounts(out).values()].filter((values) => values.length >= 2);
    // The sample's Tổng số column holds 67.585,5 beside 9.970: a column that mixes both must exist to be checked.
    expect(columns.some((values) => values.some((v) => decimals(v) > 0))).toBe(true);
    const uneven = columns.filter((values) => new Set(values.map(decimals)).size > 1);
    expect(uneven, `columns with uneven decimals: ${JSON.stringify(uneven)}`).toEqual([]);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('67.585,5');
    expect(text).toContain('9.970,0');
  }, 180_000);
});
