/**
 * The figures every disbursement view is made of: the cumulative disbursed per key as of a date (the latest
 * cut-off up to it), the plan per ceiling key (assigned + HĐND re-plan, as the balance computes it), and rates
 * with a named denominator (rule 12). Integers throughout; a rate is rounded only when shown.
 */
import type { Denominator, RateFigure } from '../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { rateText, rateValue } from '../../../shared/format/rate';
import { toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';

export interface EntryKey {
  component_id: number;
  project_id: number | null;
  commune_unit_id: number | null;
  source_code: string;
  capital_type: CapitalTypeCode;
  origin_year: number;
}

export interface LatestEntry extends EntryKey {
  id: number;
  cutoff_date: string;
  cumulative_dong: number;
  recovery_dong: number;
}

export const entryKey = (k: EntryKey): string =>
  `${k.component_id}|${k.project_id ?? ''}|${k.commune_unit_id ?? ''}|${k.source_code}|${k.capital_type}|${k.origin_year}`;

const KEY_PARTITION = 'component_id, COALESCE(project_id, 0), COALESCE(commune_unit_id, 0), source_code, capital_type, origin_year';

/** The latest entry of each key of a year with a cut-off on or before `asOf` (strictly before with `before`). */
export function latestEntries(db: Db, year: number, asOf: string, before = false): LatestEntry[] {
  return db
    .prepare(
      `SELECT id, component_id, project_id, commune_unit_id, source_code, capital_type, origin_year, cutoff_date, cumulative_dong, recovery_dong FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY ${KEY_PARTITION} ORDER BY cutoff_date DESC) AS rn
         FROM disbursement WHERE year = ? AND cutoff_date ${before ? '<' : '<='} ?)
       WHERE rn = 1`,
    )
    .all(year, asOf) as LatestEntry[];
}

export function figure(plan: number, disbursed: number): RateFigure {
  return { planDong: toDong(plan), disbursedDong: toDong(disbursed), rate: rateValue(disbursed, plan), rateText: rateText(disbursed, plan), over: disbursed > plan };
}

/** Rule 12: every rate names what it is divided by — the Prime Minister's plan, the whole-year plan or the extended plan of a year. */
export function namedDenominator(kind: Denominator['kind'], year: number): Denominator {
  switch (kind) {
    case 'ttg':
      return { kind, originYear: year, label: `Kế hoạch vốn NSTW Thủ tướng Chính phủ giao năm ${year}` };
    case 'ca_nam':
      return { kind, originYear: year, label: `Kế hoạch cả năm ${year} (gồm vốn địa phương bổ sung)` };
    case 'keo_dai':
      return { kind, originYear: year, label: `Kế hoạch vốn năm ${year} kéo dài` };
  }
}

/** The last day of a month, ISO. */
export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
