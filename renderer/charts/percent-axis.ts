/**
 * A rate axis whose labels stay apart when the rates are small: as many decimals as the largest rate needs for its
 * ticks to differ (0,0%, 0,5%, 1,0%… rather than every label "0%"), the same number on every label.
 */
export function percentAxis(rates: (number | null | undefined)[]) {
  const decimals = percentAxisDecimals(rates);
  return { type: 'value' as const, min: 0, axisLabel: { formatter: (v: number) => percentLabel(v, decimals) } };
}

export function percentAxisDecimals(rates: (number | null | undefined)[]): number {
  const max = Math.max(0, ...rates.filter((r): r is number => typeof r === 'number' && Number.isFinite(r)));
  return max >= 0.05 ? 0 : max >= 0.005 ? 1 : 2;
}

export function percentLabel(rate: number, decimals: number): string {
  return `${(rate * 100).toLocaleString('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}%`;
}
