import { currentYearInVietnam, todayInVietnam } from '../../../shared/format/today';

/** The year a screen shows (from its route) and the date its figures are read at by default. */
export function screenYear(param: string | undefined): number {
  return param && /^\d{4}$/.test(param) ? Number(param) : currentYearInVietnam();
}

/** Today for the current year; the last day of a past year (its final figures); the first day of a future one. */
export function defaultAsOf(year: number, today = todayInVietnam()): string {
  const current = Number(today.slice(0, 4));
  return year === current ? today : year < current ? `${year}-12-31` : `${year}-01-01`;
}
