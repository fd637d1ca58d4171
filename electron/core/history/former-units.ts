/** The former communes a commune/ward of 1/7/2025 was formed from (the successor table), with their old district. */
import type { Db } from '../db/database';

export interface FormerUnit {
  dataset: string;
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  successorCode: string;
  successorName: string;
}

export function formerUnitsOf(db: Db, communeCode: string): FormerUnit[] {
  return db
    .prepare(
      `SELECT u.dataset, u.code, u.name_vi AS name, u.parent_code AS districtCode,
         COALESCE((SELECT d.name_vi FROM admin_unit d WHERE d.dataset = u.dataset AND d.code = u.parent_code), '') AS districtName,
         s.successor_code AS successorCode, s.successor_name AS successorName
       FROM admin_unit_successor s JOIN admin_unit u ON u.id = s.unit_id
       WHERE s.successor_code = ? ORDER BY u.code`,
    )
    .all(communeCode) as FormerUnit[];
}
