/** The date the disbursement screens read their figures at when the officer has not chosen one. */
import type { Db } from '../db/database';

/**
 * The latest cut-off of the year reported up to today — the figures end there, so a later date would only draw a
 * flat line and judge months nobody reported. With none: today in the current year, 31/12 of a past year, 1/1 of a
 * future one.
 */
export function defaultCutoff(db: Db, year: number, today: string): string {
  const latest = (db.prepare('SELECT MAX(cutoff_date) AS d FROM disbursement WHERE year = ? AND cutoff_date <= ?').get(year, today) as { d: string | null }).d;
  if (latest) return latest;
  const current = Number(today.slice(0, 4));
  return year === current ? today : year < current ? `${year}-12-31` : `${year}-01-01`;
}
