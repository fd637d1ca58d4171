/**
 * Vietnamese amount in words ("Bằng chữ") for printed decision annexes, in the style used by the
 * State Treasury (KBNN) and accounting software: "nghìn" (not "ngàn"), "triệu", "tỷ"; "linh" for a
 * zero tens digit; "mốt", "tư", "lăm" after "mươi"; "lăm" after "mười".
 *
 *   44.925.512.000 → "Bốn mươi tư tỷ chín trăm hai mươi lăm triệu năm trăm mười hai nghìn đồng"
 *
 * How the digits are grouped:
 * - The amount is split into groups of three digits: …, tỷ, triệu, nghìn, đồng. Above tỷ the groups
 *   repeat: the part above one tỷ (up to 999.999) is read as a number of its own and followed by
 *   "tỷ", so 1.000.000.000.000 is "Một nghìn tỷ đồng".
 * - A group that is entirely zero is skipped together with its unit word (1.000.000.001 skips the
 *   zero "triệu" and "nghìn" groups: "Một tỷ không trăm linh một đồng"; 2.000.500.000 is
 *   "Hai tỷ năm trăm nghìn đồng"). The "tỷ" word itself is never skipped when the part above one
 *   tỷ is non-zero (1.000.000.000.000: "Một nghìn tỷ", not "Một nghìn").
 * - The first (leading) non-zero group is read as short as possible ("một", "mười lăm",
 *   "một trăm linh năm"). Every later non-zero group is read with all three digits, so a zero
 *   hundreds digit is said as "không trăm" and a zero tens digit before a non-zero ones digit as
 *   "linh": 1.001 → "Một nghìn không trăm linh một đồng", 1.010 → "Một nghìn không trăm mười đồng",
 *   1.005.000 → "Một triệu không trăm linh năm nghìn đồng".
 *
 * Money is integer đồng; the supported range is 0 … 999.999.999.999.999 (15 digits, the same
 * limit as parseAmount) and the same range below zero ("Âm …").
 *
 * `parseAmountInWords` reads such a phrase back so that a printed line can be checked against the
 * printed figure. Pure TypeScript: no Node or Electron imports.
 */
import { toDong, type Dong } from './dong';

/** Largest amount (in đồng) that can be written in words: 15 digits. */
export const AMOUNT_IN_WORDS_MAX = 999_999_999_999_999;

export interface AmountInWordsOptions {
  /**
   * Append "chẵn" ("… đồng chẵn") when the amount is a non-zero whole number of nghìn
   * (a multiple of 1.000 đồng). Other amounts, and zero, are written without "chẵn".
   */
  even?: boolean;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digitWord(d: number): string {
  const w = DIGITS[d];
  if (w === undefined) throw new RangeError(`Chữ số không hợp lệ: ${d}`);
  return w;
}

/**
 * Words for one group of three digits (1 … 999).
 * `full`: read all three digits ("không trăm", "linh") — every group except the leading one.
 */
function groupWords(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor(value / 10) % 10;
  const ones = value % 10;
  const words: string[] = [];
  const saysHundreds = hundreds > 0 || full;
  if (saysHundreds) words.push(digitWord(hundreds), 'trăm');
  if (tens === 0) {
    if (ones > 0) {
      if (saysHundreds) words.push('linh');
      words.push(digitWord(ones)); // "linh năm", "linh một", "linh bốn"; alone: "năm", "một"
    }
  } else if (tens === 1) {
    words.push('mười');
    if (ones === 5) words.push('lăm');
    else if (ones > 0) words.push(digitWord(ones)); // "mười một", "mười bốn"
  } else {
    words.push(digitWord(tens), 'mươi');
    if (ones === 1) words.push('mốt');
    else if (ones === 4) words.push('tư');
    else if (ones === 5) words.push('lăm');
    else if (ones > 0) words.push(digitWord(ones));
  }
  return words;
}

/**
 * Words for 1 … 999.999.999 (groups triệu, nghìn, units). `leading`: this is the start of the whole
 * amount, so its first non-zero group is read short; otherwise every non-zero group is read in full.
 */
function belowBillionWords(value: number, leading: boolean): string[] {
  const groups: [number, string][] = [
    [Math.floor(value / 1_000_000) % 1000, 'triệu'],
    [Math.floor(value / 1000) % 1000, 'nghìn'],
    [value % 1000, ''],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [group, unit] of groups) {
    if (group === 0) continue; // an all-zero group is skipped together with its unit word
    words.push(...groupWords(group, !first));
    if (unit) words.push(unit);
    first = false;
  }
  return words;
}

function checkAmount(amount: number): void {
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    throw new RangeError(`Số tiền phải là số đồng nguyên, không đọc được bằng chữ: ${String(amount)}`);
  }
  if (Math.abs(amount) > AMOUNT_IN_WORDS_MAX) {
    throw new RangeError(
      `Số tiền ${String(amount)} vượt quá 15 chữ số (tối đa 999.999.999.999.999 đồng), không đọc được bằng chữ.`,
    );
  }
}

/**
 * The amount in words, without "Bằng chữ:": first letter capitalised, single spaces, ending with
 * "đồng" (or "đồng chẵn" with `{ even: true }` for a non-zero multiple of 1.000 đồng).
 * Accepts a `Dong` or any integer number in −999.999.999.999.999 … 999.999.999.999.999;
 * throws a RangeError (Vietnamese message) for a non-integer or a larger amount.
 */
export function amountInWords(amount: Dong | number, options: AmountInWordsOptions = {}): string {
  checkAmount(amount);
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const words: string[] = [];
  if (negative) words.push('âm');
  if (abs === 0) {
    words.push('không'); // −0 is not below zero: also "Không đồng"
  } else {
    const aboveBillion = Math.floor(abs / 1_000_000_000); // 0 … 999.999
    const belowBillion = abs % 1_000_000_000;
    if (aboveBillion > 0) words.push(...belowBillionWords(aboveBillion, true), 'tỷ');
    if (belowBillion > 0) words.push(...belowBillionWords(belowBillion, aboveBillion === 0));
  }
  words.push('đồng');
  if (options.even && abs !== 0 && abs % 1000 === 0) words.push('chẵn');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The whole printed line: "Bằng chữ: Một triệu đồng". */
export function amountInWordsLine(amount: Dong | number, options: AmountInWordsOptions = {}): string {
  return `Bằng chữ: ${amountInWords(amount, options)}`;
}

// ---------------------------------------------------------------------------------------------
// Reading back

/** Digits that may start a group or stand before "trăm" / "mươi". */
const LEAD_DIGIT: Record<string, number> = {
  không: 0,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

/** Ones digit after "mươi" / "mười" / "linh": also "mốt", "tư", "lăm", "nhăm". */
const ONES_DIGIT: Record<string, number> = {
  ...LEAD_DIGIT,
  mốt: 1,
  tư: 4,
  lăm: 5,
  nhăm: 5,
};

const TENS_WORDS = new Set(['mươi', 'mười']);
const ZERO_TENS_WORDS = new Set(['linh', 'lẻ']);

function lookup(table: Record<string, number>, word: string | undefined): number | undefined {
  return word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;
}

/**
 * One group of three digits (0 … 999), or null when the words are not a group.
 * `leading`: the first group of the amount, which may be a bare digit ("năm triệu") or start with
 * the tens ("hai mươi"). A bare digit anywhere else is refused because it is ambiguous in speech:
 * "một triệu hai" and "một trăm hai" colloquially mean 1.200.000 and 120, not 1.000.002 and 102.
 * A later group may omit "không trăm" ("một nghìn linh năm" = 1.005).
 */
function parseGroup(words: string[], leading: boolean): number | null {
  let i = 0;
  let value = 0;
  let hasHundreds = false;
  const lead0 = lookup(LEAD_DIGIT, words[0]);
  if (lead0 !== undefined && words[1] === 'trăm') {
    value = lead0 * 100;
    hasHundreds = true;
    i = 2;
  }
  const rest = words.slice(i);
  const [w0, w1, w2] = rest;
  if (w0 === undefined) return hasHundreds ? value : null;
  if (ZERO_TENS_WORDS.has(w0)) {
    // "linh năm": needs something before it (hundreds, or a previous group)
    const ones = lookup(ONES_DIGIT, w1);
    if (rest.length !== 2 || ones === undefined || ones === 0 || (leading && !hasHundreds)) return null;
    return value + ones;
  }
  let tens: number | undefined;
  let onesAt: number;
  if (TENS_WORDS.has(w0)) {
    tens = 1; // "mười", tolerant of "mươi"
    onesAt = 1;
  } else {
    const d = lookup(LEAD_DIGIT, w0);
    if (d === undefined) return null;
    if (w1 !== undefined && TENS_WORDS.has(w1)) {
      if (d === 0) return null;
      tens = d; // "hai mươi", tolerant of "hai mười"
      onesAt = 2;
    } else {
      // a bare digit: only the whole leading group ("năm", "không")
      if (rest.length !== 1 || hasHundreds || !leading) return null;
      return d;
    }
  }
  const onesWord = onesAt === 1 ? w1 : w2;
  if (rest.length > onesAt + 1) return null;
  if (onesWord === undefined) return value + tens * 10;
  const ones = lookup(ONES_DIGIT, onesWord);
  if (ones === undefined || ones === 0) return null;
  return value + tens * 10 + ones;
}

/**
 * 0 … 999.999.999 from words with "triệu" and "nghìn" (each at most once, in that order), or null.
 * `leading`: these words start the amount. Each group before a unit word must be non-zero.
 */
function parseBelowBillion(words: string[], leading: boolean): number | null {
  let total = 0;
  let rest = words;
  let first = leading;
  for (const [unit, scale] of [
    ['triệu', 1_000_000],
    ['nghìn', 1000],
  ] as const) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    const group = parseGroup(rest.slice(0, at), first);
    if (group === null || group === 0) return null;
    total += group * scale;
    rest = rest.slice(at + 1);
    first = false;
  }
  if (rest.length > 0) {
    const group = parseGroup(rest, first);
    if (group === null) return null;
    if (group === 0 && !(first && total === 0)) return null; // "không" only as the whole amount
    total += group;
  }
  return total;
}

function normaliseWord(word: string): string {
  if (word === 'ngàn') return 'nghìn';
  if (word === 'tỉ') return 'tỷ';
  return word;
}

/**
 * Reads an amount in words back to đồng, or null when the text is not an amount in words.
 * Tolerant of capitalisation, extra spaces, "ngàn" for "nghìn", "tỉ" for "tỷ", "lẻ" for "linh",
 * "mươi"/"mười" either way, "bẩy", "nhăm", a leading "Bằng chữ:", surrounding parentheses, a
 * trailing "chẵn", a trailing "." or "./.", and a missing "đồng". A leading "Âm" (or "Trừ") makes
 * the amount negative.
 * Reads `amountInWords(n)` back to exactly n for every n in range.
 */
export function parseAmountInWords(text: string): Dong | null {
  if (typeof text !== 'string') return null;
  let s = text.normalize('NFC').toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  s = s.replace(/^\((.*)\)$/, '$1').trim();
  s = s.replace(/^bằng chữ\s*:?\s*/, '');
  s = s.replace(/^\((.*)\)$/, '$1').trim();
  s = s.replace(/[\s./]+$/, '');
  s = s.replace(/(?:^|\s)chẵn$/, '').trim();
  s = s.replace(/(?:^|\s)đồng$/, '').trim();
  const words = s
    .split(/[\s,;]+/)
    .filter((w) => w !== '')
    .map(normaliseWord);
  let negative = false;
  if (words[0] === 'âm' || words[0] === 'trừ') {
    negative = true;
    words.shift();
  }
  if (words.length === 0) return null;
  let value: number | null;
  const tyAt = words.indexOf('tỷ');
  if (tyAt < 0) {
    value = parseBelowBillion(words, true);
  } else {
    const above = parseBelowBillion(words.slice(0, tyAt), true);
    // above one tỷ there are at most six digits (15 in all): no "triệu", no second "tỷ"
    if (above === null || above === 0 || above > 999_999) return null;
    const below = parseBelowBillion(words.slice(tyAt + 1), false);
    if (below === null) return null;
    value = above * 1_000_000_000 + below;
  }
  if (value === null) return null;
  return toDong(negative && value !== 0 ? -value : value);
}
