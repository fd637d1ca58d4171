import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, MONEY_UNITS, parseAmount, toDong, type MoneyUnit } from '../../../shared/money/dong';

const parsed = (text: string, unit: MoneyUnit) => {
  const r = parseAmount(text, unit);
  return r.ok ? r.value : r.code;
};

describe('parseAmount (vi-VN)', () => {
  it('reads grouped and plain amounts in each unit', () => {
    expect(parsed('1.234.567', 'dong')).toBe(1_234_567);
    expect(parsed('1234567', 'dong')).toBe(1_234_567);
    expect(parsed('1.234,5', 'trieu')).toBe(1_234_500_000);
    expect(parsed('3.250,000', 'trieu')).toBe(3_250_000_000);
    expect(parsed('0,000001', 'trieu')).toBe(1);
    expect(parsed('12,345', 'nghin')).toBe(12_345);
    expect(parsed('  850 ', 'trieu')).toBe(850_000_000);
    expect(parsed('-12', 'trieu')).toBe(-12_000_000);
    expect(parsed('(12)', 'trieu')).toBe(-12_000_000);
    expect(parsed('0', 'dong')).toBe(0);
  });

  it('refuses malformed amounts with a reason', () => {
    expect(parsed('12a', 'trieu')).toBe('AMOUNT_NOT_A_NUMBER');
    expect(parsed('1,2,3', 'trieu')).toBe('AMOUNT_NOT_A_NUMBER');
    expect(parsed('', 'trieu')).toBe('AMOUNT_EMPTY');
    expect(parsed('1.23', 'trieu')).toBe('AMOUNT_BAD_GROUPING');
    expect(parsed('1234.567.8', 'dong')).toBe('AMOUNT_BAD_GROUPING');
    expect(parsed('.234,5', 'trieu')).toBe('AMOUNT_BAD_GROUPING');
    expect(parsed('1,5', 'dong')).toBe('AMOUNT_TOO_MANY_DECIMALS');
    expect(parsed('1,0000001', 'trieu')).toBe('AMOUNT_TOO_MANY_DECIMALS');
    expect(parsed('1,', 'trieu')).toBe('AMOUNT_NOT_A_NUMBER');
    expect(parsed('9.999.999.999.999.999', 'dong')).toBe('AMOUNT_TOO_LARGE');
  });

  it('says what is wrong in Vietnamese', () => {
    const r = parseAmount('12a', 'trieu');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('không phải là số tiền');
  });
});

describe('formatAmount', () => {
  it('formats exactly with vi-VN separators', () => {
    expect(formatAmount(toDong(1_234_500_000), 'trieu')).toBe('1.234,5');
    expect(formatAmount(toDong(1_234_567), 'dong')).toBe('1.234.567');
    expect(formatAmount(toDong(1), 'trieu')).toBe('0,000001');
    expect(formatAmount(toDong(-2_500), 'nghin')).toBe('-2,5');
    expect(formatAmount(toDong(0), 'trieu')).toBe('0');
  });

  it('rounds half away from zero when decimals are fixed', () => {
    expect(formatAmount(toDong(1_234_550_000), 'trieu', { decimals: 1 })).toBe('1.234,6');
    expect(formatAmount(toDong(-1_500_000), 'trieu', { decimals: 0 })).toBe('-2');
    expect(formatAmount(toDong(400_000), 'trieu', { decimals: 0 })).toBe('0');
    expect(formatAmount(toDong(12_000_000), 'trieu', { decimals: 2 })).toBe('12,00');
  });
});

describe('parse ∘ format round trips (property)', () => {
  const amounts = fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 });
  const units = fc.constantFrom(...MONEY_UNITS);

  it('parse(format(d, unit), unit) = d for every safe amount and unit', () => {
    fc.assert(
      fc.property(amounts, units, (d, unit) => {
        const result = parseAmount(formatAmount(toDong(d), unit), unit);
        expect(result).toEqual({ ok: true, value: d });
      }),
      { numRuns: 2000 },
    );
  });

  it('format(parse(text)) is the canonical form of any well-formed input', () => {
    const digits = fc.stringMatching(/^[1-9][0-9]{0,8}$/);
    const fraction = fc.stringMatching(/^[0-9]{0,6}$/);
    fc.assert(
      fc.property(digits, fraction, (integer, frac) => {
        const text = frac ? `${integer},${frac}` : integer;
        const result = parseAmount(text, 'trieu');
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const again = parseAmount(formatAmount(result.value, 'trieu'), 'trieu');
        expect(again).toEqual(result);
      }),
    );
  });
});

describe('formatAmount with at most N decimals (printed annexes)', () => {
  it('rounds half away from zero on the đồng and trims trailing zeros', () => {
    expect(formatAmount(toDong(1_234_567), 'trieu', { maxDecimals: 3 })).toBe('1,235');
    expect(formatAmount(toDong(1_500_000), 'trieu', { maxDecimals: 3 })).toBe('1,5');
    expect(formatAmount(toDong(52_090_000_000), 'trieu', { maxDecimals: 3 })).toBe('52.090');
    expect(formatAmount(toDong(1_000), 'trieu', { maxDecimals: 3 })).toBe('0,001');
    expect(formatAmount(toDong(400), 'trieu', { maxDecimals: 3 })).toBe('0');
    expect(formatAmount(toDong(-1_234_567), 'trieu', { maxDecimals: 3 })).toBe('-1,235');
    expect(formatAmount(toDong(1_234_567), 'dong', { maxDecimals: 3 })).toBe('1.234.567');
    expect(formatAmount(toDong(1_234_567), 'nghin', { maxDecimals: 0 })).toBe('1.235');
  });
});
