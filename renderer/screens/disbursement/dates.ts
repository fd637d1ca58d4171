/** Today for the current year; the last day of a past year (its final figures); the first day of a future one. */
export function defaultAsOf(year: number, today = new Date().toISOString().slice(0, 10)): string {
  const current = Number(today.slice(0, 4));
  return year === current ? today : year < current ? `${year}-12-31` : `${year}-01-01`;
}
