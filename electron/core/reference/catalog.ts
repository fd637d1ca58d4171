import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { CatalogCount, ComponentOption, ReferenceLists, UnitCount } from '../../../shared/api/reference';
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
  open_parent: 0 | 1;
}

const COMPONENT_SELECT = `
  SELECT c.id, c.code, c.program_code, c.parent_code, c.level, l.label_vi, l.depth, c.name_vi, c.period_code, c.allowed_capital_types, c.open_parent
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
    openParent: r.open_parent === 1,
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
  const reasonCodes = db.prepare('SELECT code, name_vi AS name, name_vi AS shortName FROM reason_code ORDER BY sort_order').all() as ReferenceLists['reasonCodes'];
  return { fundingSources: items('funding_source'), capitalTypes: items('capital_type'), reasonCodes };
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

export interface ComponentInfo {
  id: number;
  code: string;
  name: string;
  programCode: string;
  programName: string;
  parentCode: string | null;
  depth: number;
  periodCode: string;
  firstYear: number;
  lastYear: number;
  allowedCapitalTypes: CapitalTypeCode[];
  /** The "dự án thành phần" (depth 1) the component belongs to; the program itself for depth 0. */
  projectCode: string;
  /** Catalog order, and the program's own order. */
  sortOrder: number;
  programSortOrder: number;
}

/** Every component of every period by id, with its program and top-level project resolved. */
export function componentIndex(db: Db): Map<number, ComponentInfo> {
  const rows = db
    .prepare(
      `SELECT c.id, c.code, c.name_vi AS name, c.program_code AS programCode, COALESCE(pr.name_vi, c.program_code) AS programName,
         c.parent_code AS parentCode, l.depth, c.period_code AS periodCode, p.first_year AS firstYear, p.last_year AS lastYear,
         c.allowed_capital_types AS allowed, c.sort_order AS sortOrder, COALESCE(pr.sort_order, c.sort_order) AS programSortOrder
       FROM component c
       JOIN component_level l ON l.period_code = c.period_code AND l.level = c.level
       JOIN program_period p ON p.code = c.period_code
       LEFT JOIN component pr ON pr.period_code = c.period_code AND pr.code = c.program_code`,
    )
    .all() as (Omit<ComponentInfo, 'allowedCapitalTypes' | 'projectCode'> & { allowed: string })[];
  const byCode = new Map(rows.map((r) => [`${r.periodCode}|${r.code}`, r]));
  const index = new Map<number, ComponentInfo>();
  for (const r of rows) {
    let top = r;
    while (top.depth > 1 && top.parentCode) {
      const parent = byCode.get(`${r.periodCode}|${top.parentCode}`);
      if (!parent) break;
      top = parent;
    }
    const { allowed, ...rest } = r;
    index.set(r.id, { ...rest, allowedCapitalTypes: allowed.split(',') as CapitalTypeCode[], projectCode: top.code });
  }
  return index;
}

/** A component by code for money of a year; falls back to the code in another period (rule 15 then reports it). */
export function resolveComponentCode(db: Db, code: string, year: number): { id: number; validForYear: boolean } | null {
  const exact = findComponentForYear(db, code, year);
  if (exact) return { id: exact.id, validForYear: true };
  const other = db.prepare('SELECT c.id FROM component c JOIN program_period p ON p.code = c.period_code WHERE c.code = ? ORDER BY p.first_year DESC LIMIT 1').get(code) as
    | { id: number }
    | undefined;
  return other ? { id: other.id, validForYear: false } : null;
}
