import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_IN_WORDS_MAX,
  amountInWords,
  amountInWordsLine,
  parseAmountInWords,
} from '../../../shared/money/amount-in-words';
import { toDong } from '../../../shared/money/dong';

/** Every example of the specification, exactly. */
const EXAMPLES: [number, string][] = [
  [0, 'Không đồng'],
  [1, 'Một đồng'],
  [10, 'Mười đồng'],
  [11, 'Mười một đồng'],
  [14, 'Mười bốn đồng'],
  [20, 'Hai mươi đồng'],
  [21, 'Hai mươi mốt đồng'],
  [24, 'Hai mươi tư đồng'],
  [25, 'Hai mươi lăm đồng'],
  [101, 'Một trăm linh một đồng'],
  [105, 'Một trăm linh năm đồng'],
  [111, 'Một trăm mười một đồng'],
  [115, 'Một trăm mười lăm đồng'],
  [121, 'Một trăm hai mươi mốt đồng'],
  [1_001, 'Một nghìn không trăm linh một đồng'],
  [1_010, 'Một nghìn không trăm mười đồng'],
  [1_100, 'Một nghìn một trăm đồng'],
  [1_000_000, 'Một triệu đồng'],
  [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
  [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
  [2_000_500_000, 'Hai tỷ năm trăm nghìn đồng'],
  [5_000_000_005, 'Năm tỷ không trăm linh năm đồng'],
  [44_925_512_000, 'Bốn mươi tư tỷ chín trăm hai mươi lăm triệu năm trăm mười hai nghìn đồng'],
  [1_000_000_000_000, 'Một nghìn tỷ đồng'],
];

/** The "mốt / lăm / tư / linh / mười / mươi" cases. */
const DIGIT_CASES: [number, string][] = [
  [4, 'Bốn đồng'],
  [5, 'Năm đồng'],
  [15, 'Mười lăm đồng'],
  [31, 'Ba mươi mốt đồng'],
  [44, 'Bốn mươi tư đồng'],
  [55, 'Năm mươi lăm đồng'],
  [90, 'Chín mươi đồng'],
  [99, 'Chín mươi chín đồng'],
  [104, 'Một trăm linh bốn đồng'],
  [110, 'Một trăm mười đồng'],
  [114, 'Một trăm mười bốn đồng'],
  [124, 'Một trăm hai mươi tư đồng'],
  [125, 'Một trăm hai mươi lăm đồng'],
  [200, 'Hai trăm đồng'],
  [1_004, 'Một nghìn không trăm linh bốn đồng'],
  [1_015, 'Một nghìn không trăm mười lăm đồng'],
  [1_021, 'Một nghìn không trăm hai mươi mốt đồng'],
  [10_000, 'Mười nghìn đồng'],
  [15_000, 'Mười lăm nghìn đồng'],
  [21_000, 'Hai mươi mốt nghìn đồng'],
  [105_000, 'Một trăm linh năm nghìn đồng'],
  [1_000_005_000, 'Một tỷ không trăm linh năm nghìn đồng'],
  [1_001_000_000_000, 'Một nghìn không trăm linh một tỷ đồng'],
  [1_000_001_000_000, 'Một nghìn tỷ không trăm linh một triệu đồng'],
  [21_000_000_000_001, 'Hai mươi mốt nghìn tỷ không trăm linh một đồng'],
];

/** The tỷ / triệu / nghìn boundaries. */
const BOUNDARIES: [number, string][] = [
  [999, 'Chín trăm chín mươi chín đồng'],
  [1_000, 'Một nghìn đồng'],
  [999_999, 'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
  [1_000_000, 'Một triệu đồng'],
  [
    999_999_999,
    'Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
  ],
  [1_000_000_000, 'Một tỷ đồng'],
  [
    999_999_999_999_999,
    'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu' +
      ' chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
  ],
];

describe('amountInWords', () => {
  it.each(EXAMPLES)('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
    expect(amountInWords(toDong(n))).toBe(words);
    expect(parseAmountInWords(words)).toBe(n);
  });

  it.each(DIGIT_CASES)('mốt / lăm / tư / linh / mười / mươi: %d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
    expect(parseAmountInWords(words)).toBe(n);
  });

  it.each(BOUNDARIES)('boundary %d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
    expect(parseAmountInWords(words)).toBe(n);
  });

  it('writes negative amounts with "Âm"', () => {
    expect(amountInWords(-1_500_000)).toBe('Âm một triệu năm trăm nghìn đồng');
    expect(amountInWords(-21)).toBe('Âm hai mươi mốt đồng');
    const max = amountInWords(AMOUNT_IN_WORDS_MAX);
    expect(amountInWords(-AMOUNT_IN_WORDS_MAX)).toBe('Âm ' + max.charAt(0).toLowerCase() + max.slice(1));
    expect(parseAmountInWords(amountInWords(-AMOUNT_IN_WORDS_MAX))).toBe(-AMOUNT_IN_WORDS_MAX);
    expect(amountInWords(-0)).toBe('Không đồng');
    expect(parseAmountInWords('Âm một triệu năm trăm nghìn đồng')).toBe(-1_500_000);
  });

  it('returns the whole printed line', () => {
    expect(amountInWordsLine(44_925_512_000)).toBe(
      'Bằng chữ: Bốn mươi tư tỷ chín trăm hai mươi lăm triệu năm trăm mười hai nghìn đồng',
    );
    expect(amountInWordsLine(toDong(0))).toBe('Bằng chữ: Không đồng');
  });

  it('appends "chẵn" only for a non-zero whole number of nghìn when asked', () => {
    expect(amountInWords(1_000_000, { even: true })).toBe('Một triệu đồng chẵn');
    expect(amountInWords(-2_000, { even: true })).toBe('Âm hai nghìn đồng chẵn');
    expect(amountInWords(1_001, { even: true })).toBe('Một nghìn không trăm linh một đồng');
    expect(amountInWords(0, { even: true })).toBe('Không đồng');
    expect(amountInWords(1_000_000)).toBe('Một triệu đồng');
    expect(amountInWordsLine(5_000_000_000, { even: true })).toBe('Bằng chữ: Năm tỷ đồng chẵn');
  });

  it('throws a RangeError with a Vietnamese message outside integer đồng ≤ 15 digits', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(/đồng nguyên/);
    expect(() => amountInWords(1e16)).toThrow(RangeError);
    expect(() => amountInWords(1e16)).toThrow(/15 chữ số/);
    expect(() => amountInWords(AMOUNT_IN_WORDS_MAX + 1)).toThrow(RangeError);
    expect(() => amountInWords(-AMOUNT_IN_WORDS_MAX - 1)).toThrow(RangeError);
    expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWords(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => amountInWordsLine(-0.5)).toThrow(RangeError);
  });
});

describe('parseAmountInWords', () => {
  it('is tolerant of variants, capitalisation, "Bằng chữ:", "chẵn" and punctuation', () => {
    expect(parseAmountInWords('Bằng chữ: Một triệu đồng chẵn')).toBe(1_000_000);
    expect(parseAmountInWords('bằng chữ:một TRIỆU đồng')).toBe(1_000_000);
    expect(parseAmountInWords('  Hai   mươi  lăm  ngàn  đồng ')).toBe(25_000);
    expect(parseAmountInWords('Một trăm lẻ năm đồng')).toBe(105);
    expect(parseAmountInWords('Một ngàn không trăm lẻ một đồng')).toBe(1_001);
    expect(parseAmountInWords('Hai mười mốt đồng')).toBe(21);
    expect(parseAmountInWords('Mươi lăm đồng')).toBe(15);
    expect(parseAmountInWords('Hai mươi bốn đồng')).toBe(24);
    expect(parseAmountInWords('Hai mươi một đồng')).toBe(21);
    expect(parseAmountInWords('Hai mươi năm đồng')).toBe(25);
    expect(parseAmountInWords('Bốn mươi tư tỉ đồng')).toBe(44_000_000_000);
    expect(parseAmountInWords('Bảy trăm đồng./.')).toBe(700);
    expect(parseAmountInWords('(Bằng chữ: Một nghìn đồng)')).toBe(1_000);
    expect(parseAmountInWords('Một nghìn')).toBe(1_000);
    expect(parseAmountInWords('Một nghìn linh năm đồng')).toBe(1_005);
    expect(parseAmountInWords('Một nghìn hai mươi đồng')).toBe(1_020);
    expect(parseAmountInWords('Không đồng')).toBe(0);
    expect(parseAmountInWords('Âm không đồng')).toBe(0);
    expect(parseAmountInWords('Trừ năm đồng')).toBe(-5);
    // decomposed Unicode (as pasted from some systems) reads the same
    expect(parseAmountInWords('Một triệu đồng'.normalize('NFD'))).toBe(1_000_000);
  });

  it('returns null for text that is not an amount in words', () => {
    for (const text of [
      '',
      'đồng',
      'Bằng chữ:',
      'abc',
      '1.000 đồng',
      'Một hai đồng',
      'Nghìn đồng',
      'Tỷ đồng',
      'Một nghìn một nghìn đồng',
      'Một nghìn một triệu đồng',
      'Một tỷ một tỷ đồng',
      'Một triệu tỷ đồng', // 16 digits
      'Không triệu đồng',
      'Một triệu không đồng',
      'Hai mươi không đồng',
      'Linh năm đồng',
      'Không mươi đồng',
      'Một trăm hai đồng', // colloquially 120: ambiguous
      'Một triệu hai đồng', // colloquially 1.200.000: ambiguous
      'Hai mươi mốt mốt đồng',
      'Trăm đồng',
    ]) {
      expect(parseAmountInWords(text), text).toBeNull();
    }
  });
});

describe('amountInWords properties', () => {
  const inRange = fc.integer({ min: 0, max: AMOUNT_IN_WORDS_MAX });
  // integers with many zero digits exercise the "không trăm" / "linh" / skipped-group paths
  const sparse = fc
    .array(fc.constantFrom(0, 0, 0, 1, 4, 5, 9), { minLength: 1, maxLength: 15 })
    .map((digits) => Number(digits.join('')));

  it('reads back to exactly the figure, with the required word forms', () => {
    fc.assert(
      fc.property(fc.oneof(inRange, sparse), (n) => {
        const words = amountInWords(n);
        expect(parseAmountInWords(words)).toBe(n);
        expect(parseAmountInWordsLineBack(n)).toBe(n);
        expect(words).not.toContain('  ');
        expect(words).not.toMatch(/^\s|\s$/);
        expect(words).not.toContain('mươi một');
        expect(words).not.toContain('mươi năm');
        expect(words).not.toContain('mươi bốn');
        expect(words).not.toContain('mười năm');
        expect(words).not.toContain('ngàn');
        expect(words.endsWith(' đồng') || words === 'Không đồng').toBe(true);
        expect(words.charAt(0)).toBe(words.charAt(0).toUpperCase());
        expect(words.slice(1)).toBe(words.slice(1).toLowerCase());
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads negative amounts and "chẵn" lines back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -AMOUNT_IN_WORDS_MAX, max: AMOUNT_IN_WORDS_MAX }), (n) => {
        expect(parseAmountInWords(amountInWordsLine(n, { even: true }))).toBe(n);
        expect(amountInWords(n).startsWith('Âm ')).toBe(n < 0);
      }),
      { numRuns: 500 },
    );
  });
});

function parseAmountInWordsLineBack(n: number): number | null {
  return parseAmountInWords(amountInWordsLine(n));
}
