/**
 * Money is integer đồng everywhere. Amounts are entered and shown in a chosen unit
 * (đồng / nghìn đồng / triệu đồng) with vi-VN separators: "." groups thousands, "," is the decimal mark.
 * All conversions are exact string/integer arithmetic — never floating point.
 */

declare const dongBrand: unique symbol;
/** An amount of money in whole đồng (a safe integer). */
export type Dong = number & { readonly [dongBrand]: 'Dong' };

export type MoneyUnit = 'dong' | 'nghin' | 'trieu';

export const MONEY_UNITS: readonly MoneyUnit[] = ['dong', 'nghin', 'trieu'];

/** Number of decimal digits a unit can carry down to one đồng. */
export const UNIT_DIGITS: Record<MoneyUnit, number> = { dong: 0, nghin: 3, trieu: 6 };

export const UNIT_LABEL_VI: Record<MoneyUnit, string> = {
  dong: 'đồng',
  nghin: 'nghìn đồng',
  trieu: 'triệu đồng',
};

/** Checks that a number is a safe integer and brands it; throws otherwise (a programming error). */
export function toDong(value: number): Dong {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Không phải số đồng nguyên: ${value}`);
  return value as Dong;
}

export type ParseAmountErrorCode =
  | 'AMOUNT_EMPTY'
  | 'AMOUNT_NOT_A_NUMBER'
  | 'AMOUNT_BAD_GROUPING'
  | 'AMOUNT_TOO_MANY_DECIMALS'
  | 'AMOUNT_TOO_LARGE';

export type ParseAmountResult =
  | { ok: true; value: Dong }
  | { ok: false; code: ParseAmountErrorCode; message: string };

const MAX_DIGITS_INTEGER = 15; // 999.999.999.999.999 đồng is far above any budget and below 2^53.

function fail(code: ParseAmountErrorCode, message: string): ParseAmountResult {
  return { ok: false, code, message };
}

/**
 * Parses an amount typed in vi-VN style in the given unit and returns whole đồng.
 * Accepts "1.234.567", "1234567", "1.234,5", "-12", "(12)" (accounting negative).
 * Rejects anything ambiguous: "1,2,3", "12a", "1.23" (a dot must group exactly three digits),
 * more decimals than the unit can carry down to one đồng.
 */
export function parseAmount(input: string, unit: MoneyUnit): ParseAmountResult {
  const unitLabel = UNIT_LABEL_VI[unit];
  let text = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (text === '') return fail('AMOUNT_EMPTY', 'Chưa nhập số tiền.');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  } else if (text.startsWith('-') || text.startsWith('−')) {
    negative = true;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) {
    return fail(
      'AMOUNT_NOT_A_NUMBER',
      `"${input.trim()}" không phải là số tiền. Chỉ nhập chữ số, dấu chấm phân cách hàng nghìn và dấu phẩy thập phân (ví dụ 1.234,5).`,
    );
  }
  const commaCount = (text.match(/,/g) ?? []).length;
  if (commaCount > 1) {
    return fail(
      'AMOUNT_NOT_A_NUMBER',
      `"${input.trim()}" có nhiều dấu phẩy. Dấu phẩy là dấu thập phân và chỉ được dùng một lần (ví dụ 1.234,5).`,
    );
  }
  const [integerPartRaw, fractionPart = ''] = text.split(',') as [string, string?];
  if (integerPartRaw === '') {
    return fail('AMOUNT_NOT_A_NUMBER', `"${input.trim()}" thiếu phần nguyên trước dấu phẩy (ví dụ 0,5).`);
  }
  if (fractionPart.includes('.')) {
    // "1,234.5" is the English way (a PC set to English): say how it is written here rather than only what is wrong.
    const english = /^\d{1,3}(,\d{3})+\.\d+$/.test(text) ? `, cách viết kiểu Anh; viết theo kiểu Việt Nam là ${text.replace(/,/g, '#').replace('.', ',').replace(/#/g, '.')}` : '';
    return fail('AMOUNT_BAD_GROUPING', `"${input.trim()}" có dấu chấm sau dấu phẩy thập phân${english}.`);
  }
  if (commaCount === 1 && fractionPart === '') {
    return fail('AMOUNT_NOT_A_NUMBER', `"${input.trim()}" thiếu chữ số sau dấu phẩy.`);
  }
  let integerDigits = integerPartRaw;
  if (integerPartRaw.includes('.')) {
    const groups = integerPartRaw.split('.');
    const [first, ...rest] = groups as [string, ...string[]];
    if (first.length < 1 || first.length > 3 || rest.some((g) => g.length !== 3)) {
      return fail(
        'AMOUNT_BAD_GROUPING',
        `"${input.trim()}": dấu chấm chỉ dùng để phân cách hàng nghìn (nhóm 3 chữ số, ví dụ 1.234.567); dùng dấu phẩy cho phần thập phân.`,
      );
    }
    integerDigits = groups.join('');
  }
  const digits = UNIT_DIGITS[unit];
  if (fractionPart.length > digits) {
    return fail(
      'AMOUNT_TOO_MANY_DECIMALS',
      digits === 0
        ? `"${input.trim()}": số tiền tính bằng ${unitLabel} phải là số nguyên.`
        : `"${input.trim()}": đơn vị ${unitLabel} chỉ cho phép tối đa ${digits} chữ số thập phân (chính xác tới đồng).`,
    );
  }
  const wholeDong = (integerDigits + fractionPart.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (wholeDong.length > MAX_DIGITS_INTEGER) {
    return fail('AMOUNT_TOO_LARGE', `"${input.trim()}" vượt quá giới hạn số tiền có thể ghi.`);
  }
  const magnitude = Number(wholeDong);
  return { ok: true, value: toDong(negative && magnitude !== 0 ? -magnitude : magnitude) };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export interface FormatOptions {
  /** Fixed number of decimals to show; by default trailing zeros are trimmed (exact value). */
  decimals?: number;
  /** At most this many decimals (rounded half away from zero on the đồng), trailing zeros trimmed. */
  maxDecimals?: number;
}

/**
 * Formats đồng in the given unit with vi-VN separators. Exact by default: 1.234.500.000 đồng in triệu
 * is "1.234,5". With `decimals`, rounds half away from zero on the integer đồng value.
 */
export function formatAmount(value: Dong, unit: MoneyUnit, options: FormatOptions = {}): string {
  if (options.maxDecimals !== undefined && options.decimals === undefined) {
    const fixed = formatAmount(value, unit, { decimals: Math.min(options.maxDecimals, UNIT_DIGITS[unit]) });
    return fixed.includes(',') ? fixed.replace(/0+$/, '').replace(/,$/, '') : fixed;
  }
  const digits = UNIT_DIGITS[unit];
  const negative = value < 0;
  let abs = String(Math.abs(value)).padStart(digits + 1, '0');
  let shownDecimals = digits;
  if (options.decimals !== undefined && options.decimals < digits) {
    const drop = digits - options.decimals;
    const scale = 10 ** drop;
    const rounded = Math.floor((Math.abs(value) + scale / 2) / scale);
    abs = String(rounded).padStart(options.decimals + 1, '0');
    shownDecimals = options.decimals;
  }
  const integerDigits = abs.slice(0, abs.length - shownDecimals);
  let fraction = abs.slice(abs.length - shownDecimals);
  if (options.decimals === undefined) fraction = fraction.replace(/0+$/, '');
  else fraction = fraction.padEnd(options.decimals, '0');
  const body = groupThousands(integerDigits) + (fraction ? ',' + fraction : '');
  return negative && /[1-9]/.test(body) ? '-' + body : body;
}
