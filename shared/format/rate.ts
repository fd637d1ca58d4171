/**
 * Rates are exact fractions of integer đồng (disbursed ÷ plan) and are only rounded when shown, in vi-VN:
 * 2 530 ÷ 10 000 → "25,3%". The rounding is integer arithmetic (half away from zero), so every screen, the
 * CLI, the printed report and the workbook show the same digits for the same fraction.
 */

/** The fraction in units of 10^-(2+decimals) (tenths of a percent for one decimal), rounded half up; null when den is 0. */
export function scaledRate(num: number, den: number, decimals = 1): number | null {
  if (den === 0) return null;
  const scale = 10n ** BigInt(2 + decimals);
  const n = BigInt(num) * scale;
  const d = BigInt(den);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const rounded = (2n * an + ad) / (2n * ad);
  return Number(negative ? -rounded : rounded);
}

/** "25,3%" (vi-VN decimal comma); "—" when nothing is planned. */
export function rateText(num: number, den: number, decimals = 1): string {
  const scaled = scaledRate(num, den, decimals);
  return scaled === null ? '—' : scaledText(scaled, decimals);
}

/** A rate in hundredths of a percent (as typed from a report): 2_530 → "25,3%". */
export function basisPointsText(bp: number, decimals = 1): string {
  return rateText(bp, 10_000, decimals);
}

function scaledText(scaled: number, decimals: number): string {
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
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
