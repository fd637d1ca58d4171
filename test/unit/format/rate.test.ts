// Rates are exact fractions of integer đồng, rounded half up only when shown (vi-VN), the same digits everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPointsText, parsePercentBp, rateText, scaledRate } from '../../../shared/format/rate';

describe('rate texts', () => {
  it('rounds half up on the exact fraction, with a decimal comma and grouped thousands', () => {
    expect(rateText(253_000_000, 1_000_000_000)).toBe('25,3%');
    expect(rateText(364_000_000, 1_500_000_000)).toBe('24,3%'); // 24,2666…
    expect(rateText(2225, 10_000)).toBe('22,3%'); // exactly 22,25: half up
    expect(rateText(2224, 10_000)).toBe('22,2%');
    expect(rateText(0, 5)).toBe('0,0%');
    expect(rateText(5, 0)).toBe('—');
    expect(rateText(520, 500)).toBe('104,0%');
    expect(rateText(123_456, 10)).toBe('1.234.560,0%');
    expect(rateText(1, 3, 2)).toBe('33,33%');
    expect(basisPointsText(2740)).toBe('27,4%');
    expect(scaledRate(16_896_375_000, 67_585_500_000)).toBe(250);
  });

  it('is the nearest tenth of a percent of the exact fraction for amounts up to 15 digits of đồng (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.integer({ min: 1, max: 999_999_999_999_999 }), (num, den) => {
        const text = rateText(num, den);
        const scaled = BigInt(text.replace(/[.%]/g, '').replace(',', ''));
        // scaled/1000 is the nearest tenth of a percent, a tie going up: −½ ≤ num/den·1000 − scaled < ½, checked in
        // integers (twice the difference times den). A tie (twice = −den) is the upper neighbour, as rounded half up.
        const twice = 2n * BigInt(num) * 1000n - 2n * BigInt(scaled) * BigInt(den);
        return twice >= -BigInt(den) && twice < BigInt(den);
      }),
    );
  });

  it('rounds an exact tie of a 15-digit amount up (the property’s counterexample [213798714892093, 16])', () => {
    // 213.798.714.892.093 ÷ 16 = 13.362.419.680.755,8125 = 1.336.241.968.075.581,25%: exactly halfway between
    // 1.336.241.968.075.581,2% and …581,3% (in tenths: 13.362.419.680.755.812,5), so half up gives …581,3%.
    expect(rateText(213_798_714_892_093, 16)).toBe('1.336.241.968.075.581,3%');
    // Small ties the same way, and just under one: 1 ÷ 16 = 6,25% → 6,3%; 1 ÷ 2.000 = 0,05% → 0,1%; 1 ÷ 2.001 = 0,049…% → 0,0%.
    expect(rateText(1, 16)).toBe('6,3%');
    expect(rateText(1, 2_000)).toBe('0,1%');
    expect(rateText(1, 2_001)).toBe('0,0%');
  });

  it('reads a percentage typed in vi-VN', () => {
    expect(parsePercentBp('25')).toBe(2500);
    expect(parsePercentBp('27,4')).toBe(2740);
    expect(parsePercentBp('27,45%')).toBe(2745);
    expect(parsePercentBp('12a')).toBeNull();
    expect(parsePercentBp('27,456')).toBeNull();
  });
});
