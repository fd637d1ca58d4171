import type { CapitalTypeCode, CatalogCount, ComponentOption, ReferenceLists, UnitCount } from '../../../shared/api/types';
import type { Db } from '../db/database';

interface ComponentRow {
  id: number;
  code: string;
  program_code: string;
  parent_code: string | null;
  level: string;
  label_vi: string;
  depth: number;
  name_vi: string;
  period_code: string;
  allowed_capital_types: string;
}

const COMPONENT_SELECT = `
  SELECT c.id, c.code, c.program_code, c.parent_code, c.level, l.label_vi, l.depth, c.name_vi, c.period_code, c.allowed_capital_types
  FROM component c
  JOIN component_level l ON l.period_code = c.period_code AND l.level = c.level
  JOIN program_period p ON p.code = c.period_code`;

function toOption(r: ComponentRow): ComponentOption {
  return {
    id: r.id,
    code: r.code,
    programCode: r.program_code,
    parentCode: r.parent_code,
    level: r.level,
    levelLabel: r.label_vi,
    name: r.name_vi,
    depth: r.depth,
    periodCode: r.period_code,
    allowedCapitalTypes: r.allowed_capital_types.split(',') as CapitalTypeCode[],
  };
}

/** The catalog that applies to money of a given (origin) year: the program period containing it. */
export function componentsForYear(db: Db, year: number): ComponentOption[] {
  return (db.prepare(`${COMPONENT_SELECT} WHERE ? BETWEEN p.first_year AND p.last_year ORDER BY c.sort_order`).all(year) as ComponentRow[]).map(toOption);
}

export function findComponentForYear(db: Db, code: string, year: number): ComponentOption | null {
  const row = db.prepare(`${COMPONENT_SELECT} WHERE c.code = ? AND ? BETWEEN p.first_year AND p.last_year`).get(code, year) as ComponentRow | undefined;
  return row ? toOption(row) : null;
}

/** Program periods in which a component code exists (to explain why it is not valid for a year). */
export function periodsOfComponent(db: Db, code: string): { code: string; firstYear: number; lastYear: number }[] {
  return db
    .prepare(
      `SELECT p.code, p.first_year AS firstYear, p.last_year AS lastYear FROM component c JOIN program_period p ON p.code = c.period_code
       WHERE c.code = ? ORDER BY p.first_year`,
    )
    .all(code) as { code: string; firstYear: number; lastYear: number }[];
}

export function referenceLists(db: Db): ReferenceLists {
  const items = (table: string) =>
    db.prepare(`SELECT code, name_vi AS name, short_vi AS shortName FROM ${table} ORDER BY sort_order`).all() as ReferenceLists['fundingSources'];
  return { fundingSources: items('funding_source'), capitalTypes: items('capital_type') };
}

export function catalogCounts(db: Db): CatalogCount[] {
  return db
    .prepare(
      `SELECT p.code AS periodCode, p.name_vi AS periodName,
         SUM(c.level = 'program') AS programs, COUNT(c.id) AS rows
       FROM program_period p LEFT JOIN component c ON c.period_code = p.code
       GROUP BY p.code ORDER BY p.first_year`,
    )
    .all() as CatalogCount[];
}

export function unitCounts(db: Db): UnitCount[] {
  return db
    .prepare(
      `SELECT dataset, MIN(valid_from) AS validFrom, MAX(valid_to) AS validTo, COUNT(*) AS count
       FROM admin_unit GROUP BY dataset ORDER BY dataset`,
    )
    .all() as UnitCount[];
}
