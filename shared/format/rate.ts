/**
 * Rates are exact fractions of integer đồng (disbursed ÷ plan) and are only rounded when shown, in vi-VN:
 * 2 530 ÷ 10 000 → "25,3%". The rounding is integer arithmetic (half away from zero), so every screen, the
 * CLI, the printed report and the workbook show the same digits for the same fraction.
 */

function scaledBig(num: number, den: number, decimals: number): bigint {
  const n = BigInt(num) * 10n ** BigInt(2 + decimals);
  const d = BigInt(den);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const rounded = (2n * an + ad) / (2n * ad);
  return negative ? -rounded : rounded;
}

/**
 * The fraction in units of 10^-(2+decimals) (tenths of a percent for one decimal), rounded half up; null when den
 * is 0. Exact for any rate below 9·10^12 % (a safe integer); the texts below are exact for any.
 */
export function scaledRate(num: number, den: number, decimals = 1): number | null {
  return den === 0 ? null : Number(scaledBig(num, den, decimals));
}

/** "25,3%" (vi-VN decimal comma); "—" when nothing is planned. */
export function rateText(num: number, den: number, decimals = 1): string {
  return den === 0 ? '—' : scaledText(scaledBig(num, den, decimals), decimals);
}

/** A rate in hundredths of a percent (as typed from a report): 2_530 → "25,3%". */
export function basisPointsText(bp: number, decimals = 1): string {
  return rateText(bp, 10_000, decimals);
}

function scaledText(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = String(negative ? -scaled : scaled).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `,${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction}%`;
}

/** The fraction as a number, for charts only (never for money or for a shown figure). */
export function rateValue(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** Parses a percentage typed in vi-VN ("25,3", "25,3%", "25") into hundredths of a percent; null when not one. */
export function parsePercentBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[,.](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 100_000 ? bp : null;
}
